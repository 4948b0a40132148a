from django.urls import path

from . import account_views, views

app_name = "org"

urlpatterns = [
    path("pegawai/", views.employee_list, name="employee-list"),
    path("pegawai/<int:pk>/", views.employee_detail, name="employee-detail"),
    path("unit/", views.unit_list, name="unit-list"),
    path("impor/", views.import_upload, name="import-upload"),
    path("impor/templat/<slug:kind>/", views.import_template, name="import-template"),
    path("impor/<uuid:token>/", views.import_preview, name="import-preview"),
    path("impor/<uuid:token>/status/", views.import_status, name="import-status"),
    path("impor/<uuid:token>/pemetaan/", views.import_mapping, name="import-mapping"),
    path("impor/<uuid:token>/laporan/", views.import_report, name="import-report"),
    path("impor/<uuid:token>/konfirmasi/", views.import_confirm, name="import-confirm"),
    path("impor/<uuid:token>/akun/", account_views.import_account_create, name="import-account-create"),
    path("impor/<uuid:token>/surat-aktivasi/", account_views.import_account_letters, name="import-account-letters"),
    path("ekspor/<slug:kind>/", views.export_download, name="export-download"),
    path("akun/", account_views.account_list, name="account-list"),
    path("akun/buat/", account_views.account_create, name="account-create"),
    path("akun/surat/", account_views.account_letters, name="account-letters"),
    path("kesehatan/", views.health_detail, name="health-detail"),
]
