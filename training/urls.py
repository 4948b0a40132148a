from django.urls import path

from . import views, views_development

app_name = "training"

urlpatterns = [
    path("kompetensi/", views.competency_list, name="competency-list"),
    path("standar/", views.standard_list, name="standard-list"),
    path("standar/ekspor/", views.standard_export, name="standard-export"),
    path("impor/", views.import_upload, name="import-upload"),
    path("impor/templat/<slug:kind>/", views.import_template, name="import-template"),
    path("program/", views.programme_list, name="programme-list"),
    path("program/baru/", views.programme_create, name="programme-create"),
    path("program/<int:pk>/ubah/", views.programme_edit, name="programme-edit"),
    path("saya/", views_development.my_development, name="my-development"),
    path("pegawai/<int:pk>/", views_development.employee_development, name="employee-development"),
    path("tim/", views_development.team, name="team"),
    path("rekomendasi/<int:pk>/terima/", views_development.recommendation_accept, name="recommendation-accept"),
    path("rekomendasi/<int:pk>/ganti/", views_development.recommendation_replace, name="recommendation-replace"),
    path("rekomendasi/<int:pk>/tolak/", views_development.recommendation_dismiss, name="recommendation-dismiss"),
    path("catatan/<int:pk>/verifikasi/", views_development.record_verify, name="record-verify"),
    path("catatan/<int:pk>/tolak/", views_development.record_reject, name="record-reject"),
    path("catatan/<int:pk>/sertifikat/", views_development.record_certificate, name="record-certificate"),
    path("kurang-jp/", views_development.shortfall_list, name="shortfall-list"),
]
