"""The workflow mechanism on its own: a small declaration about a door that keepers open and close.

The door is a throwaway model (its table lives only inside the test's transaction), the user a plain
name and the log a plain record, so nothing of the domain is needed.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, models
from django.test.utils import isolate_apps
from django.utils.translation import gettext_lazy as _

from core.workflow import REASON_REQUIRED, Transition, Workflow

KEEPER, GUEST = "keeper", "guest"
NOT_ALLOWED = _("Not yours.")
WRONG_STATE = _("Not on a door that is %(status)s.")
FROZEN = _("The door is frozen.")


@dataclass
class Step:
    """The audit row: whatever the app's log factory builds, as long as it has these and ``save``."""

    door: models.Model
    action: str
    from_status: str
    to_status: str
    reason: str
    actor: str
    saved: bool = False

    def save(self) -> None:
        self.saved = True


@pytest.fixture
def door_model(db):
    with isolate_apps("core"):

        class Door(models.Model):
            class Status(models.TextChoices):
                OPEN = "OPEN", "open"
                SHUT = "SHUT", "shut"
                LOCKED = "LOCKED", "locked"

            status = models.CharField(max_length=6, choices=Status.choices, default=Status.OPEN)
            frozen = models.BooleanField(default=False)
            heavy = models.BooleanField(default=False)
            changed_at = models.DateTimeField(auto_now=True)

            class Meta:
                app_label = "core"

            def __str__(self) -> str:
                return self.status

        with connection.schema_editor() as editor:
            editor.create_model(Door)
        yield Door


def not_frozen(door, user) -> None:
    if door.frozen:
        raise ValidationError(FROZEN, code="frozen")


@pytest.fixture
def flow(door_model) -> Workflow:
    S = door_model.Status
    return Workflow(
        transitions={
            "shut": Transition({S.OPEN}, S.SHUT, {KEEPER, GUEST}, guards=(not_frozen,)),
            "open": Transition({S.SHUT}, S.OPEN, {KEEPER, GUEST}, guards=(not_frozen,)),
            "lock": Transition({S.SHUT}, S.LOCKED, {KEEPER}, needs_reason=True, when=lambda door: not door.heavy),
        },
        roles=lambda user, door: {user},
        log=Step,
        not_allowed=NOT_ALLOWED,
        wrong_state=WRONG_STATE,
    )


def test_it_offers_only_the_actions_the_role_and_the_state_allow(flow, door_model):
    shut = door_model.objects.create(status="SHUT")
    assert flow.available(shut, KEEPER) == {"open", "lock"}
    assert flow.available(shut, GUEST) == {"open"}
    assert flow.available(door_model.objects.create(status="OPEN"), KEEPER) == {"shut"}
    assert flow.available(shut, "stranger") == set()


def test_it_hides_an_action_a_guard_refuses_or_whose_condition_fails(flow, door_model):
    assert flow.available(door_model.objects.create(status="SHUT", frozen=True), KEEPER) == {"lock"}
    assert flow.available(door_model.objects.create(status="SHUT", heavy=True), KEEPER) == {"open"}


def test_it_moves_the_state_and_writes_the_log_row(flow, door_model):
    door = door_model.objects.create(status="SHUT")
    before = door.changed_at
    door, log = flow.begin(door, "lock", KEEPER, reason="  night  ")
    assert (door.status, log.saved) == ("SHUT", False)  # nothing changes until finish
    flow.finish(door, log)
    door.refresh_from_db()
    assert door.status == "LOCKED"
    assert door.changed_at > before
    assert (log.action, log.from_status, log.to_status, log.reason, log.actor) == (
        "lock",
        "SHUT",
        "LOCKED",
        "night",
        KEEPER,
    )
    assert log.saved


def test_it_takes_an_action_in_one_call(flow, door_model):
    door = flow.take(door_model.objects.create(status="OPEN"), "shut", GUEST)
    assert door_model.objects.get(pk=door.pk).status == "SHUT"


def test_it_refuses_a_user_without_the_role(flow, door_model):
    with pytest.raises(PermissionDenied, match="Not yours"):
        flow.begin(door_model.objects.create(status="SHUT"), "lock", GUEST, reason="night")


def test_it_refuses_an_action_the_state_does_not_allow(flow, door_model):
    with pytest.raises(ValidationError) as refused:
        flow.begin(door_model.objects.create(status="OPEN"), "open", KEEPER)
    assert refused.value.code == "state"
    assert refused.value.messages == ["Not on a door that is open."]


def test_it_treats_an_action_whose_condition_fails_as_the_wrong_state(flow, door_model):
    with pytest.raises(ValidationError) as refused:
        flow.begin(door_model.objects.create(status="SHUT", heavy=True), "lock", KEEPER, reason="night")
    assert refused.value.code == "state"


def test_it_reads_the_stored_state_not_the_callers_copy(flow, door_model):
    door = door_model.objects.create(status="SHUT")
    door_model.objects.filter(pk=door.pk).update(status="OPEN")
    with pytest.raises(ValidationError) as refused:
        flow.begin(door, "open", KEEPER)
    assert refused.value.code == "state"


def test_it_requires_a_reason_when_declared(flow, door_model):
    with pytest.raises(ValidationError) as refused:
        flow.begin(door_model.objects.create(status="SHUT"), "lock", KEEPER, reason="   ")
    assert refused.value.message_dict == {"reason": [str(REASON_REQUIRED)]}


def test_it_runs_the_guards_before_the_state_check(flow, door_model):
    with pytest.raises(ValidationError) as refused:
        flow.begin(door_model.objects.create(status="OPEN", frozen=True), "open", KEEPER)
    assert refused.value.code == "frozen"


def test_it_logs_a_created_row_without_a_state_before(flow, door_model):
    log = flow.created(door_model.objects.create(), "create", KEEPER)
    assert (log.action, log.from_status, log.to_status, log.actor, log.saved) == ("create", "", "OPEN", KEEPER, True)
