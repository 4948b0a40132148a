"""Demo data for scoring: the latest period computed for every demo employee, as the last seeding step."""

from __future__ import annotations

from django.utils.translation import gettext

from appraisal.models import AppraisalPeriod

from .services import period_scores_compute_now


def seed_scores(*, stdout=None) -> str:
    """Compute the latest period in this process, so the demo ends with a fully computed period.

    Runs after every other seeder (plans, realisations, evaluations, survey answers) so the scores
    reflect all of them. Idempotent: a second run changes no row.
    """
    period = AppraisalPeriod.objects.first()  # newest year first
    if period is None:
        message = gettext("Skor kinerja: belum ada periode penilaian; dilewati.")
    else:
        run = period_scores_compute_now(period=period, acting_user=None)
        message = gettext("Skor kinerja: periode %(year)s dihitung, %(employees)s pegawai, %(rows)s baris berubah.") % {
            "year": period.year,
            "employees": period.employee_scores.values("employee").distinct().count(),
            "rows": run.rows_changed,
        }
    if stdout is not None:
        stdout.write(message + "\n")
    return message
