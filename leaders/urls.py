from django.urls import include, path

app_name = "leaders"

urlpatterns: list = [
    path("talenta/", include("leaders.talent.urls")),
]
