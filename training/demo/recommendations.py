"""The demo's needs and recommendations, computed in the seeding process.

Scoring queues the same computation through the outbox after its run, but that job waits for the
worker; computing here means a new user opening the development pages right after ``seed_demo`` already
sees ranked recommendations with their reasons. Runs after the profiles (and after the appraisal and
survey seeders, whose ratings and answers it reads). Idempotent: a second run replaces the proposals
with the same ones and keeps decided rows.
"""

from __future__ import annotations

from django.utils.translation import gettext

from appraisal.models import AppraisalPeriod

from ..services import recommendations_compute


def seed_recommendations(*, stdout=None) -> str:
    """Compute the latest period's needs and recommendations now."""
    period = AppraisalPeriod.objects.first()  # newest year first
    if period is None:
        message = gettext("Rekomendasi pengembangan: belum ada periode penilaian; dilewati.")
    else:
        result = recommendations_compute(period=period)
        message = gettext(
            "Rekomendasi pengembangan: periode %(year)s, %(recommendations)s rekomendasi untuk %(employees)s pegawai."
        ) % {"year": period.year, "recommendations": result.recommendations, "employees": result.employees}
    if stdout is not None:
        stdout.write(message + "\n")
    return message
