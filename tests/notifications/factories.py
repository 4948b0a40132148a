"""factory_boy factories for notifications."""

from __future__ import annotations

import factory

from notifications.models import Notification
from tests.factories import UserFactory


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Pemberitahuan {n}")
    body = "SKP Anda menunggu persetujuan."
    url = "/"
