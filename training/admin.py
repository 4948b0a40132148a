"""HR maintenance of the dictionary, the default standards, the forms and the catalogue in the Django admin."""

from __future__ import annotations

from django.contrib import admin

from .models import (
    Batch,
    Competency,
    CompetencyAssessment,
    CompetencyLevel,
    DevelopmentForm,
    DevelopmentRecord,
    DevelopmentRecordCompetency,
    PositionKindStandard,
    PositionStandard,
    Programme,
    ProgrammeCompetency,
    ServiceCompetency,
)


class CompetencyLevelInline(admin.StackedInline):
    model = CompetencyLevel
    extra = 0


@admin.register(Competency)
class CompetencyAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["code", "name"]
    inlines = [CompetencyLevelInline]


@admin.register(PositionKindStandard)
class PositionKindStandardAdmin(admin.ModelAdmin):
    list_display = ["position_level", "competency", "required_level", "criticality"]
    list_filter = ["position_level"]
    list_select_related = ["competency"]


@admin.register(PositionStandard)
class PositionStandardAdmin(admin.ModelAdmin):
    list_display = ["position", "competency", "required_level", "criticality"]
    list_select_related = ["position", "competency"]
    autocomplete_fields = ["position", "competency"]
    search_fields = ["position__name", "competency__code"]


@admin.register(CompetencyAssessment)
class CompetencyAssessmentAdmin(admin.ModelAdmin):
    list_display = ["employee", "competency", "level", "source", "assessed_on", "is_valid"]
    list_filter = ["source", "is_valid"]
    list_select_related = ["employee", "competency"]
    autocomplete_fields = ["employee", "competency"]
    search_fields = ["employee__name", "employee__nip", "competency__code"]
    readonly_fields = ["recorded_by", "created_at"]


@admin.register(DevelopmentForm)
class DevelopmentFormAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "classical", "is_coaching", "order", "is_active"]
    list_editable = ["order", "is_active"]


class ProgrammeCompetencyInline(admin.TabularInline):
    model = ProgrammeCompetency
    extra = 0
    autocomplete_fields = ["competency"]


class BatchInline(admin.TabularInline):
    model = Batch
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "form", "jp", "is_active"]
    list_filter = ["form", "is_active"]
    search_fields = ["code", "title"]
    inlines = [ProgrammeCompetencyInline, BatchInline]


@admin.register(ServiceCompetency)
class ServiceCompetencyAdmin(admin.ModelAdmin):
    list_display = ["service", "competency"]
    autocomplete_fields = ["competency"]


class DevelopmentRecordCompetencyInline(admin.TabularInline):
    model = DevelopmentRecordCompetency
    extra = 0
    autocomplete_fields = ["competency"]


@admin.register(DevelopmentRecord)
class DevelopmentRecordAdmin(admin.ModelAdmin):
    list_display = ["employee", "title", "ends_on", "jp", "status"]
    list_filter = ["status", "form"]
    list_select_related = ["employee"]
    search_fields = ["employee__name", "employee__nip", "title"]
    autocomplete_fields = ["employee", "programme"]
    readonly_fields = ["verified_by", "verified_at", "created_at"]
    inlines = [DevelopmentRecordCompetencyInline]
