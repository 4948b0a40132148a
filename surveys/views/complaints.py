"""Complaints for staff: HR and unit heads read them; only the unit that must answer sees the contact and replies."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from .. import services
from ..access import can_answer_complaint, can_manage_unit, survey_manager_required
from ..forms.complaints import ComplaintFilterForm, ReplyForm
from ..models import Complaint
from ..selectors import complaint_units_visible_to, complaints_visible_to

COMPLAINTS_PER_PAGE = 25
REPLY_SAVED = _("Tanggapan disimpan dan dapat dilihat pelapor dengan nomor pengaduannya.")
REPLY_EMAILED = _("Tanggapan disimpan; pelapor juga diberi tahu lewat e-mail yang ditinggalkannya.")


@survey_manager_required
def complaint_list(request):
    """Complaints the user may read, by unit (with sub-units) and state; overdue ones are marked."""
    form = ComplaintFilterForm(request.GET or None, units=complaint_units_visible_to(request.user))
    chosen = form.cleaned_data if form.is_valid() else {}
    complaints = complaints_visible_to(request.user, unit=chosen.get("unit"), status=chosen.get("status", ""))
    page = Paginator(complaints, COMPLAINTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "form": form,
        "target_days": settings.SKM_COMPLAINT_RESPONSE_DAYS,
    }
    return render(request, "surveys/complaint_list.html", context)


def _visible_complaint(request, pk: int) -> Complaint:
    complaint = get_object_or_404(Complaint.objects.select_related("unit", "service"), pk=pk)
    if not can_manage_unit(request.user, complaint.unit):
        raise Http404
    return complaint


@survey_manager_required
def complaint_detail(request, pk: int):
    complaint = _visible_complaint(request, pk)
    can_answer = can_answer_complaint(request.user, complaint)
    context = {
        "complaint": complaint,
        "overdue": complaint.is_overdue(at=timezone.now()),
        "replies": complaint.replies.select_related("author"),
        "can_answer": can_answer,
        "form": ReplyForm() if can_answer else None,
    }
    return render(request, "surveys/complaint_detail.html", context)


@survey_manager_required
@require_POST
def complaint_reply(request, pk: int):
    complaint = _visible_complaint(request, pk)
    if not can_answer_complaint(request.user, complaint):
        raise PermissionDenied
    form = ReplyForm(request.POST)
    if not form.is_valid():
        context = {"complaint": complaint, "replies": complaint.replies.all(), "can_answer": True, "form": form}
        return render(request, "surveys/complaint_detail.html", context, status=400)
    services.complaint_reply(
        complaint=complaint,
        body=form.cleaned_data["body"],
        resolves=form.cleaned_data["resolves"],
        acting_user=request.user,
    )
    messages.success(request, REPLY_EMAILED if complaint.reply_email() else REPLY_SAVED)
    return redirect("surveys:complaint-detail", complaint.pk)
