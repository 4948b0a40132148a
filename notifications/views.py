"""The user's own notifications and reminder settings (nobody sees another user's), and HR's reminder schedule."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.outcomes import Outcome
from org.access import hr_required

from .forms import ReminderPreferenceForm, ReminderScheduleForm
from .models import Notification, ReminderPreference
from .reminders import reminder_schedules_update, schedules, sent_since

NOTIFICATIONS_PER_PAGE = 20
SENT_WINDOW_DAYS = 7  # HR's page counts the reminders sent in this many days


@login_required
def notification_list(request):
    notifications = Notification.objects.filter(recipient=request.user)
    page = Paginator(notifications, NOTIFICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "notifications/notification_list.html", {"page": page})


@login_required
@require_POST
def notification_open(request, pk: int):
    """Mark one notification read and follow its link (only a path on this site)."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    Notification.objects.unread().filter(pk=notification.pk).update(read_at=timezone.now())
    return redirect(notification.local_url)


@login_required
@require_POST
def notification_mark_all_read(request):
    Notification.objects.unread().filter(recipient=request.user).update(read_at=timezone.now())
    return redirect("notifications:notification-list")


@hr_required
def reminder_schedule(request):
    """HR's schedule of every reminder kind: on or off, daily or weekly, the hour and how near is near.

    All kinds are saved together or not at all; a bad value keeps what HR typed and says why."""
    pairs = schedules()
    forms = [ReminderScheduleForm(request.POST or None, instance=schedule, kind=kind) for kind, schedule in pairs]
    valid = [form.is_valid() for form in forms]  # every form, so every error shows at once
    if request.method == "POST" and all(valid):
        with Outcome(request, form=forms[0]) as outcome:
            values = {form.kind.code: form.cleaned_data for form in forms}
            changed = reminder_schedules_update(values=values, acting_user=request.user)
            outcome.done = _("Jadwal pengingat disimpan.") if changed else _("Tidak ada jadwal yang berubah.")
            return redirect("notifications:reminder-schedule")
    invalid = any(form.errors for form in forms)
    if invalid:
        messages.error(request, _("Jadwal belum disimpan: periksa isian yang ditandai."))
    sent = sent_since(timezone.now() - timedelta(days=SENT_WINDOW_DAYS))
    context = {"rows": [(form, sent.get(form.kind.code)) for form in forms], "forms": forms, "days": SENT_WINDOW_DAYS}
    return render(request, "notifications/reminder_schedule.html", context, status=400 if invalid else 200)


@login_required
def preference_edit(request):
    """A person's own choice: each reminder e-mailed at once, or one e-mail a week."""
    preference = ReminderPreference.objects.filter(user=request.user).first()
    form = ReminderPreferenceForm(request.POST or None, instance=preference or ReminderPreference(user=request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Pengaturan notifikasi disimpan."))
        return redirect("notifications:preference-edit")
    return render(request, "notifications/preference_edit.html", {"form": form}, status=400 if form.errors else 200)
