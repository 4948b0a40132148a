"""Read-mostly admin: responses are never deleted from here (exclusion is the audited way)."""

from django.contrib import admin

from .models import Complaint, KioskDevice, Officer, QrScanDay, Response, ResponseReview, Service


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "unit", "slug", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "unit__name", "unit__code"]


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = ["pk", "unit", "service", "submitted_at", "source", "suspicious_reason", "excluded_at"]
    list_filter = ["source", "excluded_at"]
    date_hierarchy = "submitted_at"
    readonly_fields = [field.name for field in Response._meta.fields]

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(Complaint)
class ComplaintAdmin(admin.ModelAdmin):
    list_display = ["reference", "unit", "kind", "status", "submitted_at", "first_response_at", "resolved_at"]
    list_filter = ["status", "kind"]
    exclude = ["contact", "contact_name", "client_hash"]


admin.site.register([KioskDevice, Officer, QrScanDay, ResponseReview])
