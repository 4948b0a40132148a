"""Top-level URLs. Each app has its own namespace."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from org import views as org_views

admin.site.site_header = "Kinerja — BKPSDM"
admin.site.site_title = "Kinerja"

urlpatterns = [
    path("", org_views.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("akun/masuk/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("akun/keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("org/", include("org.urls")),
    path("notifikasi/", include("notifications.urls")),
    path("kinerja/", include("appraisal.urls")),
    path("survei/", include("surveys.urls")),
    path("pelatihan/", include("training.urls")),
    path("skor/", include("scoring.urls")),
    path("", include("core.urls")),
]
