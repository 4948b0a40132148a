"""HR's form for a period's scoring rules: the policy's numbers and the period's §7.1 rules together."""

from __future__ import annotations

from django import forms
from django.forms.models import fields_for_model, model_to_dict
from django.utils.translation import gettext_lazy as _

from appraisal.models import AppraisalPeriod
from appraisal.services.periods import PERIOD_RULE_FIELDS

from .models import ScoringPolicy
from .services import POLICY_FIELDS

HELP = {
    "min_employee_responses": _("Di bawah jumlah ini C memakai IKM unit kerja pegawai."),
    "achievement_cap": _("Paling sedikit 100. Capaian indikator di atasnya dipotong."),
}


class ScoringRulesForm(forms.Form):
    """Types and required fields only; the rules that span fields are the models' ``clean()``."""

    def __init__(self, *args, policy: ScoringPolicy, period: AppraisalPeriod, **kwargs) -> None:
        initial = model_to_dict(policy, POLICY_FIELDS) | model_to_dict(period, PERIOD_RULE_FIELDS)
        super().__init__(*args, initial=initial, **kwargs)
        self.fields.update(fields_for_model(ScoringPolicy, fields=POLICY_FIELDS, help_texts=HELP))
        self.fields.update(fields_for_model(AppraisalPeriod, fields=PERIOD_RULE_FIELDS, help_texts=HELP))
        if not period.is_open:
            for field in self.fields.values():
                field.disabled = True

    def groups(self) -> list[tuple[str, str, list[forms.BoundField]]]:
        """The fields as the page shows them: a heading, a hint and the fields of each group."""
        sections = [
            (_("Bobot komponen"), _("Masing-masing 0 sampai 1; keempatnya berjumlah 1."), ScoringPolicy.WEIGHT_FIELDS),
            (_("Poin rating"), _("0 sampai 100; Di Atas ≥ Sesuai ≥ Di Bawah."), ScoringPolicy.POINT_FIELDS),
            (_("Kepuasan masyarakat (C)"), "", ("min_employee_responses",)),
            (_("Capaian indikator"), "", PERIOD_RULE_FIELDS),
        ]
        return [(title, hint, [self[name] for name in names]) for title, hint, names in sections]
