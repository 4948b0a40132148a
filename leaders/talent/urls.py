"""The talent map's URLs, included under ``leaders:`` (``/pimpinan/talenta/``)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.talent_map, name="talent-map"),
    path("hitung/", views.talent_compute, name="talent-compute"),
    path("kotak/<int:box>/", views.talent_box, name="talent-box"),
    path("belum-dipetakan/", views.talent_not_placed, name="talent-not-placed"),
    path("pergerakan/", views.talent_movement, name="talent-movement"),
    path("suksesi/", views.talent_succession, name="talent-succession"),
    path("penempatan/<int:pk>/", views.talent_person, name="talent-person"),
    path("penempatan/<int:pk>/kalibrasi/", views.talent_calibrate, name="talent-calibrate"),
]
