"""One mechanism for every approval workflow: an app declares its workflow, this module runs it.

A declaration names, per action, the states it starts from, the state it leads to, the roles that may
take it, whether a reason must be given and any further guard. The mechanism locks the row, checks all
of that on the server in one order (role, guards, state, reason), changes the status and writes the
audit row. Pages ask ``available`` so they offer only the actions that will work; hiding a button is
never the only guard. Everything domain-specific (roles, messages, the log model) comes from the app.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

REASON_REQUIRED = _("Alasan wajib diisi.")

M = TypeVar("M", bound=models.Model)
Guard = Callable[[Any, Any], None]
"""``(obj, user)``; refuses by raising ``ValidationError`` with its own message."""


@dataclass(frozen=True)
class Transition:
    """One action: the states it starts from, where it leads and who may take it.

    ``when`` narrows the source states to some rows (the action does not exist for the others, as if
    the state were wrong); ``guards`` refuse an existing action with their own message.
    """

    sources: Collection[str]
    target: str
    roles: Collection[str]
    needs_reason: bool = False
    guards: tuple[Guard, ...] = ()
    when: Callable[[Any], bool] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "sources", frozenset(self.sources))
        object.__setattr__(self, "roles", frozenset(self.roles))

    def starts_from(self, obj: models.Model, status: str) -> bool:
        return status in self.sources and (self.when is None or self.when(obj))

    def passes_guards(self, obj: models.Model, user: Any) -> bool:
        try:
            for guard in self.guards:
                guard(obj, user)
        except ValidationError:
            return False
        return True


def save_fields(obj: models.Model, user: Any, *fields: str) -> None:
    """The default way a transition stores its row: validated, and only the fields it changed plus any
    ``auto_now`` stamp (a transition is a change of the row)."""
    stamps = [f.name for f in obj._meta.concrete_fields if getattr(f, "auto_now", False)]
    obj.full_clean()
    obj.save(update_fields=[*fields, *stamps])


@dataclass(frozen=True)
class Workflow(Generic[M]):
    """A workflow as data: ``transitions`` by action, and what the app supplies.

    ``roles(user, obj)`` gives the roles the user holds on the row. ``log(obj, *, action, from_status,
    to_status, reason, actor)`` builds the unsaved audit row. ``not_allowed`` is the 403 message,
    ``wrong_state`` the message for an action the row's state does not allow (``%(status)s``).
    ``related`` is preloaded with the lock; ``save(obj, user, *fields)`` stores the row.
    """

    transitions: Mapping[str, Transition]
    roles: Callable[[Any, M], Iterable[str]]
    log: Callable[..., models.Model]
    not_allowed: Promise
    wrong_state: Promise
    related: tuple[str, ...] = ()
    save: Callable[..., None] = save_fields
    status_field: str = "status"

    def lock(self, obj: M) -> M:
        """The row as stored now, locked until the transaction ends, so two users cannot both act."""
        rows = type(obj)._default_manager.select_for_update(of=("self",))
        return rows.select_related(*self.related).get(pk=obj.pk)

    def available(self, obj: M, user: Any) -> set[str]:
        """The actions this user may take now, so pages show only the buttons that will work."""
        roles, status = set(self.roles(user, obj)), self._status(obj)
        return {
            action
            for action, rule in self.transitions.items()
            if roles & rule.roles and rule.starts_from(obj, status) and rule.passes_guards(obj, user)
        }

    def begin(self, obj: M, action: str, user: Any, reason: str = "") -> tuple[M, models.Model]:
        """Lock, then check role (403), guards, state and reason; returns the locked row and the unsaved log.

        The caller adds its own checks and changes, then calls ``finish``; the status changes there.
        """
        rule = self.transitions[action]
        obj = self.lock(obj)
        self.check(obj, action, user)
        if rule.needs_reason and not reason.strip():
            raise ValidationError({"reason": REASON_REQUIRED})
        return obj, self._log(obj, action, self._status(obj), rule.target, reason.strip(), user)

    def check(self, obj: M, action: str, user: Any) -> None:
        """Role (403), guards and state, in that order, with the message of the first that refuses.

        ``begin`` runs it on the locked row; a page that asks for a reason before the action runs it
        first, so it never offers a form the action would refuse.
        """
        rule = self.transitions[action]
        if not set(self.roles(user, obj)) & rule.roles:
            raise PermissionDenied(self.not_allowed)
        for guard in rule.guards:
            guard(obj, user)
        if not rule.starts_from(obj, self._status(obj)):
            display = getattr(obj, f"get_{self.status_field}_display")()
            raise ValidationError(self.wrong_state, code="state", params={"status": display})

    def finish(self, obj: M, log: models.Model, *fields: str) -> M:
        """Move the row to the action's target, store it with ``fields``, and store the log row."""
        setattr(obj, self.status_field, self.transitions[log.action].target)
        self.save(obj, log.actor, self.status_field, *fields)
        log.save()
        return obj

    def take(self, obj: M, action: str, user: Any, reason: str = "") -> M:
        """``begin`` and ``finish`` at once, for an action with nothing of its own to check or change."""
        obj, log = self.begin(obj, action, user, reason)
        return self.finish(obj, log)

    def created(self, obj: M, action: str, user: Any) -> models.Model:
        """The log row for a row just created (no state before it), written in the same transaction."""
        log = self._log(obj, action, "", self._status(obj), "", user)
        log.save()
        return log

    def _status(self, obj: M) -> str:
        return getattr(obj, self.status_field)

    def _log(self, obj: M, action: str, source: str, target: str, reason: str, user: Any) -> models.Model:
        return self.log(obj, action=action, from_status=source, to_status=target, reason=reason, actor=user)
