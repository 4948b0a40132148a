"""Top-level URLs. Each app has its own namespace."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from core.accounts import LoginView, PasswordResetView
from org import account_views
from org import views as org_views

admin.site.site_header = "Kinerja — BKPSDM"
admin.site.site_title = "Kinerja"

urlpatterns = [
    path("", org_views.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("akun/masuk/", LoginView.as_view(), name="login"),
    path("akun/keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("akun/kata-sandi/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("akun/kata-sandi/diubah/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("akun/lupa-kata-sandi/", PasswordResetView.as_view(), name="password_reset"),
    path("akun/lupa-kata-sandi/terkirim/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "akun/atur-ulang/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("akun/atur-ulang/selesai/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("akun/aktivasi/", account_views.account_activate_page, name="account-activate"),
    path("akun/aktivasi/<str:code>/", account_views.account_activate_page, name="account-activate-link"),
    path("admin/", admin.site.urls),
    path("org/", include("org.urls")),
    path("notifikasi/", include("notifications.urls")),
    path("kinerja/", include("appraisal.urls")),
    path("survei/", include("surveys.urls")),
    path("pelatihan/", include("training.urls")),
    path("skor/", include("scoring.urls")),
    path("pimpinan/", include("leaders.urls")),
    path("api/", include("api.urls")),
    path("", include("core.urls")),
]
