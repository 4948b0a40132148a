from django.urls import include, path

app_name = "leaders"

urlpatterns = [
    path("", include("leaders.dashboard.urls")),
    path("", include("leaders.recognition.urls")),
    path("talenta/", include("leaders.talent.urls")),
]
