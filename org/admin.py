from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Employee, Position, Unit, User


@admin.register(User)
class KinerjaUserAdmin(UserAdmin):
    pass


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "parent", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["parent"]


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "level", "unit", "is_unit_head"]
    list_filter = ["kind", "level", "is_unit_head"]
    search_fields = ["name", "unit__name"]
    autocomplete_fields = ["unit"]


@admin.register(Employee)
class EmployeeAdmin(admin.ModelAdmin):
    list_display = ["name", "nip", "position", "unit", "employment_type", "status"]
    list_filter = ["employment_type", "status", "unit"]
    search_fields = ["name", "nip"]
    autocomplete_fields = ["unit", "position", "supervisor", "user"]
    list_select_related = ["position", "unit"]
