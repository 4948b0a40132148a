from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="notification-list"),
    path("<int:pk>/buka/", views.notification_open, name="notification-open"),
    path("tandai-semua/", views.notification_mark_all_read, name="notification-mark-all-read"),
]
