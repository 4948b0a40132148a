from django.contrib import admin

from .models import Notification, SentReminder


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "recipient", "created_at", "read_at"]
    search_fields = ["title", "recipient__username"]
    raw_id_fields = ["recipient"]


@admin.register(SentReminder)
class SentReminderAdmin(admin.ModelAdmin):
    list_display = ["kind", "item", "recipient", "bucket", "sent_at", "in_digest"]
    list_filter = ["kind", "in_digest"]
    raw_id_fields = ["recipient", "notification", "digest"]
