from django.urls import path

from .views import akpk, catalogue, development

app_name = "training"

urlpatterns = [
    path("kompetensi/", catalogue.competency_list, name="competency-list"),
    path("standar/", catalogue.standard_list, name="standard-list"),
    path("standar/ekspor/", catalogue.standard_export, name="standard-export"),
    path("akpk/", akpk.akpk_page, name="akpk"),
    path("akpk/ekspor/", akpk.akpk_export, name="akpk-export"),
    path("akpk/ringkasan/", akpk.akpk_summary, name="akpk-summary"),
    path("impor/", catalogue.import_upload, name="import-upload"),
    path("impor/templat/<slug:kind>/", catalogue.import_template, name="import-template"),
    path("program/", catalogue.programme_list, name="programme-list"),
    path("program/baru/", catalogue.programme_create, name="programme-create"),
    path("program/<int:pk>/ubah/", catalogue.programme_edit, name="programme-edit"),
    path("saya/", development.my_development, name="my-development"),
    path("pegawai/<int:pk>/", development.employee_development, name="employee-development"),
    path("tim/", development.team, name="team"),
    path("rekomendasi/<int:pk>/terima/", development.recommendation_accept, name="recommendation-accept"),
    path("rekomendasi/<int:pk>/ganti/", development.recommendation_replace, name="recommendation-replace"),
    path("rekomendasi/<int:pk>/tolak/", development.recommendation_dismiss, name="recommendation-dismiss"),
    path("catatan/<int:pk>/verifikasi/", development.record_verify, name="record-verify"),
    path("catatan/<int:pk>/tolak/", development.record_reject, name="record-reject"),
    path("catatan/<int:pk>/sertifikat/", development.record_certificate, name="record-certificate"),
    path("kurang-jp/", development.shortfall_list, name="shortfall-list"),
]
