"""The instant every test starts at: 15 May 2026, 10:00 in Jakarta (docs/architecture.md, "Tests").

Mid-May of the factories' open appraisal year: checkpoint 2 of a quarterly period, far from a year
boundary, on a weekday in office hours. Tests about another moment travel there themselves.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

FROZEN_AT = datetime(2026, 5, 15, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
