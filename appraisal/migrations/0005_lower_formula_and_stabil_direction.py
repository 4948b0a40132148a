"""The regulation's lower-is-better formula and the *stabil* direction (domain.md §7.1).

Existing data keeps the figures it has shown so far:
- a closed period keeps ``target / realisation`` (its published figures do not move); open and new
  periods take the setting's default, the regulation's ``(2 − realisation / target) × 100``;
- an indicator (or library template) whose annual target is a range becomes *stabil*: before this
  change a range ignored the direction and lost on both sides, which is what *stabil* now means.
  HR or the employee may switch it back to higher- or lower-is-better, where the regulation's
  range rule (the nearer bound, in the indicator's direction) then applies.
"""

import appraisal.models.periods
from django.db import migrations, models


def keep_shown_figures(apps, schema_editor):
    apps.get_model("appraisal", "AppraisalPeriod").objects.filter(status="CLOSED").update(lower_formula="RATIO")
    for name in ["Indicator", "IndicatorTemplate"]:
        model = apps.get_model("appraisal", name)
        model.objects.filter(target_low__isnull=False, target_high__isnull=False).update(direction="STABIL")


class Migration(migrations.Migration):
    dependencies = [
        ("appraisal", "0004_evaluationlog_actor_label"),
    ]

    operations = [
        migrations.AddField(
            model_name="appraisalperiod",
            name="lower_formula",
            field=models.CharField(
                choices=[
                    ("REGULATION", "(2 − realisasi ÷ target) × 100 (lampiran PermenPANRB 8/2021)"),
                    ("RATIO", "target ÷ realisasi × 100"),
                ],
                default=appraisal.models.periods.default_lower_formula,
                max_length=10,
                verbose_name="rumus makin-rendah-makin-baik",
            ),
        ),
        migrations.AlterField(
            model_name="indicator",
            name="direction",
            field=models.CharField(
                choices=[
                    ("HIGHER", "Makin tinggi makin baik"),
                    ("LOWER", "Makin rendah makin baik"),
                    ("STABIL", "Stabil (tetap di dalam rentang)"),
                ],
                default="HIGHER",
                max_length=6,
                verbose_name="arah",
            ),
        ),
        migrations.AlterField(
            model_name="indicatortemplate",
            name="direction",
            field=models.CharField(
                choices=[
                    ("HIGHER", "Makin tinggi makin baik"),
                    ("LOWER", "Makin rendah makin baik"),
                    ("STABIL", "Stabil (tetap di dalam rentang)"),
                ],
                default="HIGHER",
                max_length=6,
                verbose_name="arah",
            ),
        ),
        migrations.AddConstraint(
            model_name="appraisalperiod",
            constraint=models.CheckConstraint(
                condition=models.Q(("lower_formula__in", ["REGULATION", "RATIO"])), name="period_lower_formula_known"
            ),
        ),
        migrations.RunPython(keep_shown_figures, migrations.RunPython.noop),
    ]
