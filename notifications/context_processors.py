"""Unread count for the bell in the navigation bar."""

from __future__ import annotations

from .models import Notification


def unread_notifications(request) -> dict:
    if not request.user.is_authenticated:
        return {}
    return {"unread_notification_count": Notification.objects.unread().filter(recipient=request.user).count()}
