from django.urls import path

from . import views

app_name = "scoring"

urlpatterns = [
    path("", views.period_list, name="period-list"),
    path("periode/<int:pk>/", views.period_scores, name="period-scores"),
    path("periode/<int:pk>/hitung-ulang/", views.run_start, name="run-start"),
    path("periode/<int:pk>/aturan/", views.rules_edit, name="rules-edit"),
    path("proses/<int:pk>/", views.run_detail, name="run-detail"),
    path("proses/<int:pk>/status/", views.run_status, name="run-status"),
    path("pegawai/<int:pk>/", views.employee_scores, name="employee-scores"),
    path("saya/", views.my_scores, name="my-scores"),
]
