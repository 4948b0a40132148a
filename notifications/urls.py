from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="notification-list"),
    path("<int:pk>/buka/", views.notification_open, name="notification-open"),
    path("tandai-semua/", views.notification_mark_all_read, name="notification-mark-all-read"),
    path("pengaturan/", views.preference_edit, name="preference-edit"),
    path("pengingat/", views.reminder_schedule, name="reminder-schedule"),
]
