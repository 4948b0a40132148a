from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from .views import data, docs, pages

app_name = "api"

urlpatterns = [
    path("v1/pegawai/", data.EmployeeList.as_view(), name="employee-list"),
    path("v1/skor/", data.ScoreList.as_view(), name="score-list"),
    path("v1/ikm/", data.IkmList.as_view(), name="ikm-list"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("dokumentasi/", docs.api_docs, name="docs"),
    path("klien/", pages.client_list, name="client-list"),
    path("klien/<int:pk>/cabut/", pages.client_revoke_view, name="client-revoke"),
    path("klien/<int:pk>/batas/", pages.client_rate_view, name="client-rate"),
    path("log/", pages.call_list, name="call-list"),
]
