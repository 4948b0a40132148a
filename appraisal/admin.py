"""HR maintenance in the Django admin: period settings, the indicator template library, and a
read-only view of plans. Opening, closing and reopening periods happen on the HR page, which
records the reason; plan content changes only through the workflow."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import (
    AppraisalPeriod,
    CoreValue,
    Evaluation,
    EvaluationLog,
    IndicatorTemplate,
    OrganisationResult,
    PeriodLog,
    Plan,
    PlanLog,
    RatingChange,
    Realisation,
    RealisationCorrection,
)
from .services.periods import PERIOD_RULE_FIELDS
from .services.progress import realisation_correct


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class PeriodLogInline(ReadOnlyInline):
    model = PeriodLog
    fields = ["created_at", "action", "reason", "actor"]
    readonly_fields = fields


@admin.register(AppraisalPeriod)
class AppraisalPeriodAdmin(admin.ModelAdmin):
    """Hint thresholds and deadline per period (domain.md §7). Status changes on the HR page; cap and
    lower-is-better formula through ``period_rules_update`` (HR's scoring rules page), which logs the
    change and has the scores recomputed."""

    list_display = [
        "year",
        "checkpoint_type",
        "status",
        "plan_deadline",
        "achievement_cap",
        "lower_formula",
        "status_page",
    ]
    readonly_fields = ["year", "checkpoint_type", "status", *PERIOD_RULE_FIELDS]
    inlines = [PeriodLogInline]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("Buka/tutup"))
    def status_page(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("appraisal:period-list"), _("Halaman periode"))


@admin.register(IndicatorTemplate)
class IndicatorTemplateAdmin(admin.ModelAdmin):
    list_display = ["position", "section", "work_result", "aspect", "description", "unit", "direction", "weight"]
    list_filter = ["section", "aspect", "direction", "source", "position__kind"]
    search_fields = ["position__name", "work_result", "description"]
    autocomplete_fields = ["position"]
    list_select_related = ["position"]


class PlanLogInline(ReadOnlyInline):
    model = PlanLog
    fields = ["created_at", "action", "from_status", "to_status", "reason", "actor"]
    readonly_fields = fields


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["employee", "period", "position", "status", "revision", "assessor"]
    list_filter = ["period", "status", "approach"]
    search_fields = ["employee__name", "employee__nip"]
    list_select_related = ["employee", "period", "position", "assessor"]
    inlines = [PlanLogInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class RealisationCorrectionInline(ReadOnlyInline):
    """The values a realisation had before each correction: history, never edited."""

    model = RealisationCorrection
    fields = readonly_fields = ["value", "note", "source", "reported_by", "reported_at", "corrected_by", "corrected_at"]


@admin.register(Realisation)
class RealisationAdmin(admin.ModelAdmin):
    """HR corrections of reported figures, also in a closed period; the earlier values are kept."""

    list_display = ["indicator", "checkpoint", "value", "source", "updated_by", "updated_at"]
    list_filter = ["source", "indicator__work_result__plan__period"]
    search_fields = ["indicator__work_result__plan__employee__name", "indicator__description"]
    raw_id_fields = ["indicator"]
    readonly_fields = ["updated_by", "updated_at"]
    inlines = [RealisationCorrectionInline]

    def save_model(self, request, obj, form, change):
        realisation_correct(realisation=obj, acting_user=request.user)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows that change only through the services (or a migration): visible, never edited here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CoreValue)
class CoreValueAdmin(ReadOnlyAdmin):
    """The BerAKHLAK values are seeded by migration 0003 (domain.md §1.3) and not user-editable."""

    list_display = ["order", "name", "competency_code"]


class EvaluationLogInline(ReadOnlyInline):
    model = EvaluationLog
    fields = ["created_at", "action", "from_status", "to_status", "reason", "actor"]
    readonly_fields = fields


class RatingChangeInline(ReadOnlyInline):
    model = RatingChange
    fields = ["created_at", "field", "value", "old", "new", "context", "actor"]
    readonly_fields = fields


@admin.register(Evaluation)
class EvaluationAdmin(ReadOnlyAdmin):
    list_display = ["plan", "kind", "checkpoint", "status", "work_rating", "behaviour_rating", "predikat"]
    list_filter = ["kind", "status", "predikat", "plan__period"]
    search_fields = ["plan__employee__name", "plan__employee__nip"]
    list_select_related = ["plan__employee", "plan__period"]
    inlines = [EvaluationLogInline, RatingChangeInline]


@admin.register(OrganisationResult)
class OrganisationResultAdmin(ReadOnlyAdmin):
    list_display = ["unit", "period", "result", "exceeded", "set_by", "updated_at"]
    list_filter = ["period", "result", "exceeded"]
