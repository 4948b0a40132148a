"""Progress pages: an indicator's realisations, activities and evidence; evidence downloads."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.outcomes import Outcome

from ..evidence import allowed_extensions
from ..forms.progress import ActivityForm, EvidenceForm, RealisationForm, SyncForm
from ..models import Evidence, Indicator
from ..permissions import PlanRole, plan_roles
from ..services import progress as services
from ..sources import SourceUnavailable, is_measured
from .common import get_indicator, roles_context


def _render(request, indicator: Indicator, status: int = 200, **bound):
    """The progress page, with any form that failed validation kept bound to show its errors."""
    plan = indicator.work_result.plan
    period = plan.period
    current = period.checkpoint_on(timezone.localdate()).number
    locked, rated = plan.progress_locked(), plan.locked_checkpoints()
    forms = {
        "realisation_form": RealisationForm(period=period, locked=rated, initial={"checkpoint": current}),
        "sync_form": SyncForm(period=period, locked=rated, initial={"checkpoint": current}),
        "activity_form": ActivityForm(initial={"date": timezone.localdate()}),
        "evidence_form": EvidenceForm(),
    } | bound
    labels = {c.number: c.label for c in period.checkpoints()}
    realisations = [
        (labels.get(r.checkpoint, r.checkpoint), r) for r in indicator.realisations.select_related("updated_by")
    ]
    context = {
        "plan": plan,
        "indicator": indicator,
        "targets": [(labels.get(t.checkpoint), t) for t in indicator.checkpoint_targets.all()],
        "realisations": realisations,
        "activities": indicator.activities.select_related("created_by")[:50],
        "evidence_list": indicator.evidence.select_related("uploaded_by"),
        "measured": is_measured(indicator.source),
        "can_report": PlanRole.OWNER in plan_roles(request.user, plan)
        and plan.has_been_approved
        and period.is_open
        and not locked,
        "locked_message": services.PROGRESS_LOCKED if locked else "",
        "allowed_extensions": ", ".join(allowed_extensions()),
        **forms,
        **roles_context(request, plan),
    }
    return render(request, "appraisal/indicator_progress.html", context, status=status)


@login_required
def indicator_progress(request, pk: int):
    return _render(request, get_indicator(request, pk))


def _submit(request, indicator: Indicator, form_name: str, form, action, done: str):
    """Validate, call the service, and either redirect with a message or re-render with errors."""
    if form.is_valid():
        with Outcome(request, done=done, form=form):
            action(form.cleaned_data)
            return redirect("appraisal:indicator-progress", pk=indicator.pk)
    return _render(request, indicator, status=400, **{form_name: form})


@login_required
@require_POST
def realisation_save(request, pk: int):
    indicator = get_indicator(request, pk)
    form = RealisationForm(request.POST, period=indicator.work_result.plan.period)

    def action(data):
        services.realisation_record(indicator=indicator, acting_user=request.user, **data)

    return _submit(request, indicator, "realisation_form", form, action, _("Realisasi disimpan."))


@login_required
@require_POST
def realisation_sync(request, pk: int):
    """Pull a measured realisation; an unavailable source is reported as a message, not an error page."""
    indicator = get_indicator(request, pk)
    form = SyncForm(request.POST, period=indicator.work_result.plan.period)
    checkpoint = form.cleaned_data["checkpoint"] if form.is_valid() else 0
    try:
        with Outcome(request, done=_("Realisasi diperbarui dari sumber data.")):
            services.realisation_sync(indicator=indicator, checkpoint=checkpoint, acting_user=request.user)
    except SourceUnavailable as exc:
        messages.warning(request, str(exc))
    return redirect("appraisal:indicator-progress", pk=indicator.pk)


@login_required
@require_POST
def activity_create(request, pk: int):
    indicator = get_indicator(request, pk)
    form = ActivityForm(request.POST)

    def action(data):
        services.activity_record(
            indicator=indicator, day=data["date"], description=data["description"], acting_user=request.user
        )

    return _submit(request, indicator, "activity_form", form, action, _("Kegiatan dicatat."))


@login_required
@require_POST
def evidence_upload(request, pk: int):
    indicator = get_indicator(request, pk)
    form = EvidenceForm(request.POST, request.FILES)

    def action(data):
        services.evidence_upload(
            indicator=indicator, upload=data["file"], description=data["description"], acting_user=request.user
        )

    return _submit(request, indicator, "evidence_form", form, action, _("Bukti dukung diunggah."))


def _get_evidence(request, pk: int) -> Evidence:
    evidence = get_object_or_404(Evidence.objects.select_related("indicator__work_result"), pk=pk)
    get_indicator(request, evidence.indicator_id)  # 404 for anyone who may not read the plan
    return evidence


@login_required
def evidence_download(request, pk: int):
    """Served only to people who may read the plan; always as an attachment, never rendered inline."""
    evidence = _get_evidence(request, pk)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle, as_attachment=True, filename=evidence.original_name, content_type=evidence.content_type
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def evidence_delete(request, pk: int):
    evidence = _get_evidence(request, pk)
    indicator_pk = evidence.indicator_id
    with Outcome(request, done=_("Bukti dukung dihapus.")):
        services.evidence_delete(evidence=evidence, acting_user=request.user)
    return redirect("appraisal:indicator-progress", pk=indicator_pk)
