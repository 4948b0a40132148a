"""The action views' one shape: a refusal becomes messages (or the form's errors), success the done message."""

from __future__ import annotations

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from core.outcomes import Outcome


class _NoteForm(forms.Form):
    text = forms.CharField()


def _request():
    request = RequestFactory().post("/", {"text": "typed by hand"})
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def _shown(request) -> list[tuple[str, str]]:
    return [(message.level_tag, str(message)) for message in get_messages(request)]


def test_it_shows_the_done_message_when_the_service_succeeds():
    request = _request()
    with Outcome(request, done="Disimpan."):
        pass
    assert _shown(request) == [("success", "Disimpan.")]


def test_it_turns_a_refusal_into_error_messages_and_carries_on():
    request = _request()
    with Outcome(request, done="Disimpan."):
        raise ValidationError(["Periode ditutup.", "Alasan wajib diisi."])
    assert _shown(request) == [("error", "Periode ditutup."), ("error", "Alasan wajib diisi.")]


def test_it_counts_a_return_inside_the_block_as_success():
    def view(request):
        with Outcome(request, done="Dibuat."):
            return "redirect to the new object"
        return "redirect back"

    request = _request()
    assert view(request) == "redirect to the new object"
    assert _shown(request) == [("success", "Dibuat.")]


def test_it_takes_a_done_message_set_from_the_services_result():
    request = _request()
    with Outcome(request) as outcome:
        outcome.done = f"{3} respons dikecualikan."
    assert _shown(request) == [("success", "3 respons dikecualikan.")]


def test_it_puts_the_refusal_on_the_form_so_the_typed_text_stays():
    request = _request()
    form = _NoteForm(request.POST)
    assert form.is_valid()
    with Outcome(request, done="Disimpan.", form=form):
        raise ValidationError("Versi sudah berubah.")
    assert form.non_field_errors() == ["Versi sudah berubah."]
    assert form["text"].value() == "typed by hand"
    assert _shown(request) == []


def test_it_lets_other_errors_through():
    request = _request()
    with pytest.raises(PermissionError), Outcome(request, done="Disimpan."):
        raise PermissionError
    assert _shown(request) == []
