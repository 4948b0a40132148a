"""The user's own notifications; nobody sees another user's."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from .models import Notification

NOTIFICATIONS_PER_PAGE = 20


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
