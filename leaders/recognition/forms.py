"""Forms of the recognition and coaching pages: they check types and required fields in Indonesian;
the rules (who may, who is on which list) are the services'."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from appraisal.models import AppraisalPeriod
from core.widgets import DateInput
from org.filters import ALL, unit_filter_empty_label
from org.models import Employee, Position, Unit

from ..models.recognition import FOLLOW_UP_NOT_FUTURE, NEXT_FOLLOW_UP_REQUIRED

AWARD_REQUIRED = _("Nama penghargaan wajib diisi.")
NOMINATION_REASON_REQUIRED = _("Alasan pengusulan wajib diisi.")
GOAL_REQUIRED = _("Tujuan pembinaan wajib diisi.")
ACTIONS_REQUIRED = _("Tindakan yang disepakati wajib diisi.")
COACH_REQUIRED = _("Pilih pembina dari daftar.")
DATE_REQUIRED = _("Tanggal tindak lanjut wajib diisi, misalnya 2026-06-30.")
DATE_INVALID = _("Tanggal tidak dikenal; pilih tanggal dari kalender.")
OUTCOME_REQUIRED = _("Hasil tindak lanjut wajib diisi.")
TOO_LONG = _("Paling banyak %(limit_value)s karakter (sekarang %(show_value)s).")
LISTS = ("terbaik", "pembinaan")


def _text(label, required_message, *, limit: int, rows: int | None = None) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return forms.CharField(
        label=label,
        max_length=limit,
        widget=widget,
        error_messages={"required": required_message, "max_length": TOO_LONG},
    )


class ListFilterForm(forms.Form):
    """The page's filters; the unit choices are only the reader's units (``scope``; ``None``: all),
    the empty one names ``home``, the unit a unit head reads by default (as ``AkpkFilterForm``)."""

    periode = forms.ModelChoiceField(
        label=_("Periode"), queryset=AppraisalPeriod.objects.order_by("-year"), required=False, empty_label=None
    )
    unit = forms.ModelChoiceField(
        label=_("Unit kerja (beserta sub-unit)"), queryset=Unit.objects.none(), required=False, empty_label=ALL
    )
    jenis = forms.ChoiceField(label=_("Jenis jabatan"), choices=[("", ALL), *Position.Kind.choices], required=False)
    daftar = forms.ChoiceField(choices=[(name, name) for name in LISTS], required=False)

    def __init__(self, *args, scope: set[int] | None, home: Unit | None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        units = Unit.objects.order_by("code")
        self.fields["unit"].queryset = units if scope is None else units.filter(pk__in=scope)
        self.fields["unit"].empty_label = unit_filter_empty_label(home)


class NominationForm(forms.Form):
    award = _text(_("Nama penghargaan"), AWARD_REQUIRED, limit=200)
    reason = _text(_("Alasan pengusulan"), NOMINATION_REASON_REQUIRED, limit=2000, rows=4)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["award"].help_text = _("Misalnya: Pegawai Berkinerja Terbaik Triwulan II.")


def _date(label, *, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        error_messages={"required": DATE_REQUIRED, "invalid": DATE_INVALID},
    )


def _future(day):
    if day is not None and day <= timezone.localdate():
        raise forms.ValidationError(FOLLOW_UP_NOT_FUTURE)
    return day


class CoachingPlanForm(forms.Form):
    goal = _text(_("Tujuan pembinaan"), GOAL_REQUIRED, limit=2000, rows=3)
    actions = _text(_("Tindakan yang disepakati"), ACTIONS_REQUIRED, limit=4000, rows=4)
    coach = forms.ModelChoiceField(
        label=_("Pembina"),
        queryset=Employee.objects.none(),
        error_messages={"required": COACH_REQUIRED, "invalid_choice": COACH_REQUIRED},
    )
    follow_up_on = _date(_("Tanggal tindak lanjut"))

    def __init__(self, *args, employee: Employee, coach: Employee | None, **kwargs) -> None:
        """Coaches: the employee's two supervisors, the writer, and active colleagues of the same unit."""
        super().__init__(*args, initial={"coach": coach}, **kwargs)
        chain = [pk for pk in (employee.supervisor_id, getattr(employee.supervisor, "supervisor_id", None)) if pk]
        if coach is not None:
            chain.append(coach.pk)
        self.fields["coach"].queryset = (
            Employee.objects.active()
            .filter(Q(unit_id=employee.unit_id) | Q(pk__in=chain))
            .exclude(pk=employee.pk)
            .order_by("name")
        )

    def clean_follow_up_on(self):
        return _future(self.cleaned_data["follow_up_on"])


class FollowUpForm(forms.Form):
    outcome = _text(_("Hasil tindak lanjut"), OUTCOME_REQUIRED, limit=4000, rows=4)
    is_done = forms.BooleanField(label=_("Pembinaan selesai"), required=False)
    next_follow_up_on = _date(_("Tindak lanjut berikutnya"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["next_follow_up_on"].help_text = _("Wajib bila pembinaan belum selesai.")

    def clean_next_follow_up_on(self):
        return _future(self.cleaned_data["next_follow_up_on"])

    def clean(self):
        data = super().clean()
        if not data.get("is_done") and not data.get("next_follow_up_on") and "next_follow_up_on" not in self.errors:
            self.add_error("next_follow_up_on", NEXT_FOLLOW_UP_REQUIRED)
        return data
