"""HR's pages: the API clients (create, token shown once, revoke) and the log of their calls."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.outcomes import Outcome
from core.params import int_param
from org.access import hr_required

from .. import selectors
from ..forms import ClientFilterForm, ClientForm, ClientRateForm
from ..models import MAX_RATE_PER_MINUTE, ApiClient
from ..services import client_create, client_rate_set, client_revoke

PAGE_SIZE = 50


@hr_required
def client_list(request):
    form = ClientForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            client, token = client_create(**form.cleaned_data, acting_user=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            # The token is in this response only: it is never stored, so no later page can show it.
            return render(request, "api/client_token.html", {"client": client, "token": token})
    clients = ApiClient.objects.select_related("unit", "created_by")
    limits = {"default_rate": settings.API_RATE_PER_MINUTE, "max_rate": MAX_RATE_PER_MINUTE}
    return render(request, "api/client_list.html", {"form": form, "clients": clients, **limits})


@hr_required
@require_POST
def client_revoke_view(request, pk: int):
    client = get_object_or_404(ApiClient, pk=pk)
    try:
        client_revoke(client=client, acting_user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Token klien “%(name)s” dicabut.") % {"name": client.name})
    return redirect("api:client-list")


@hr_required
@require_POST
def client_rate_view(request, pk: int):
    client = get_object_or_404(ApiClient, pk=pk)
    with Outcome(request, done=_("Batas panggilan klien “%(name)s” disimpan.") % {"name": client.name}):
        client_rate_set(client=client, rate_per_minute=ClientRateForm(request.POST).rate(), acting_user=request.user)
    return redirect("api:client-list")


@hr_required
def call_list(request):
    form = ClientFilterForm(request.GET or None)
    client = form.cleaned_data["client"] if form.is_valid() else None
    page = Paginator(selectors.calls(client=client), PAGE_SIZE).get_page(int_param(request, "page", default=1))
    return render(request, "api/call_list.html", {"form": form, "page": page})
