"""One shape for the action views: POST, call the service, show its outcome as a message, redirect.

A view wraps the service call (and any form check that raises ``ValidationError``) in ``Outcome``
and redirects after the block either way::

    with Outcome(request, done=_("SKP disetujui.")):
        plan_approve(plan=plan, acting_user=request.user)
    return redirect(plan)

A refusal becomes error messages and is swallowed, so the code after the block runs; success adds
``done``. A ``return`` inside the block counts as success (the redirect that needs the service's
result). Text a user typed survives every error: a view with such a form passes ``form=``, the refusal
goes onto the form instead, and the view re-renders it bound after the block::

    if request.method == "POST" and form.is_valid():
        with Outcome(request, done=_("Indikator disimpan."), form=form):
            indicator_save(indicator=form.save(commit=False), acting_user=request.user)
            return redirect(plan)
    return render(request, "appraisal/indicator_form.html", {"form": form}, status=400 if form.errors else 200)
"""

from __future__ import annotations

from types import TracebackType

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest


def flash_errors(request: HttpRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


class Outcome:
    """Context manager: ``ValidationError`` → error messages, or the form's errors; success → ``done``.

    ``done`` may be set inside the block when it depends on the service's result."""

    def __init__(self, request: HttpRequest, *, done: str = "", form: forms.BaseForm | None = None) -> None:
        self.request = request
        self.done = done
        self.form = form

    def __enter__(self) -> Outcome:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> bool:
        if kind is None:
            messages.success(self.request, self.done)
            return False
        if not isinstance(error, ValidationError):
            return False
        if self.form is not None:
            self.form.add_error(None, error)
        else:
            flash_errors(self.request, error)
        return True
