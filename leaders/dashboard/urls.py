from django.urls import path

from . import views

urlpatterns = [
    path("dasbor/", views.dashboard, name="dashboard"),
    path("dasbor/daftar/<slug:kind>/", views.item_list, name="dashboard-list"),
    path("dasbor/laporan.xlsx", views.report_xlsx, name="dashboard-xlsx"),
    path("dasbor/laporan.pdf", views.report_pdf, name="dashboard-pdf"),
    path("tren-saya/", views.my_trend, name="my-trend"),
]
