from django.urls import path

from . import views, views_akpk

app_name = "training"

urlpatterns = [
    path("kompetensi/", views.competency_list, name="competency-list"),
    path("standar/", views.standard_list, name="standard-list"),
    path("standar/ekspor/", views.standard_export, name="standard-export"),
    path("akpk/", views_akpk.akpk_page, name="akpk"),
    path("akpk/ekspor/", views_akpk.akpk_export, name="akpk-export"),
    path("akpk/ringkasan/", views_akpk.akpk_summary, name="akpk-summary"),
    path("impor/", views.import_upload, name="import-upload"),
    path("impor/templat/<slug:kind>/", views.import_template, name="import-template"),
    path("program/", views.programme_list, name="programme-list"),
    path("program/baru/", views.programme_create, name="programme-create"),
    path("program/<int:pk>/ubah/", views.programme_edit, name="programme-edit"),
]
