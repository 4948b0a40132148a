from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from core.xlsx import XLSX_CONTENT_TYPE

from .exporting import export_queryset, export_workbook
from .imports.columns import LAYOUTS
from .models import DisciplinaryPenalty, Employee, ExternalUnit, HeaderMapping, Position, Unit, User


@admin.action(description=_("Ekspor XLSX (format impor Kinerja)"))
def export_xlsx(modeladmin, request, queryset):
    """The selected rows in the layout of the HR import page, which stays the only way in (docs/import-export.md)."""
    layout = next(layout for layout in LAYOUTS.values() if layout.model is queryset.model)
    objects = export_queryset(layout.kind).filter(pk__in=queryset.values("pk"))
    response = HttpResponse(export_workbook(layout, objects), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="kinerja-{layout.kind}.xlsx"'
    return response


@admin.register(User)
class KinerjaUserAdmin(UserAdmin):
    pass


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    actions = [export_xlsx]
    list_display = ["code", "name", "kind", "parent", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["parent"]


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    actions = [export_xlsx]
    list_display = ["name", "kind", "level", "unit", "is_unit_head"]
    list_filter = ["kind", "level", "is_unit_head"]
    search_fields = ["name", "unit__name"]
    autocomplete_fields = ["unit"]


@admin.register(Employee)
class EmployeeAdmin(admin.ModelAdmin):
    actions = [export_xlsx]
    list_display = ["name", "nip", "position", "unit", "employment_type", "status"]
    list_filter = ["employment_type", "status", "unit"]
    search_fields = ["name", "nip"]
    autocomplete_fields = ["unit", "position", "supervisor", "user"]
    list_select_related = ["position", "unit"]


@admin.register(DisciplinaryPenalty)
class DisciplinaryPenaltyAdmin(admin.ModelAdmin):
    list_display = ["employee", "level", "starts_on", "ends_on", "decree_number"]
    list_filter = ["level"]
    search_fields = ["employee__name", "employee__nip", "decree_number"]
    autocomplete_fields = ["employee"]
    list_select_related = ["employee"]


@admin.register(ExternalUnit)
class ExternalUnitAdmin(admin.ModelAdmin):
    """Where a UNOR of a source file goes; changing it here re-maps the next file (docs/import-export.md)."""

    list_display = ["name", "external_id", "source", "unit"]
    list_filter = ["source"]
    search_fields = ["name", "external_id", "unit__name"]
    autocomplete_fields = ["unit"]
    list_select_related = ["unit"]


@admin.register(HeaderMapping)
class HeaderMappingAdmin(admin.ModelAdmin):
    list_display = ["header", "column", "source"]
    list_filter = ["source"]
    search_fields = ["header"]
