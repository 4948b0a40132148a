"""A run leaves no connection open to its test database, so the database can be dropped at the end.

Django keeps its connections per contextvars context, and Playwright's sync API runs test code in
a context of its own: a connection opened after the first browser test (pytest-django runs tests
that ask for the database at run time last) used to stay open, and dropping the test database
failed ("is being accessed by other users"). The root ``conftest.py`` closes them before Playwright
stops. A run of its own shows it, since only the end of a session can.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
MONITORING = "tests/appraisal/test_monitoring.py::test_it_"
TESTS = [
    f"{MONITORING}sends_anonymous_users_to_login_from_monitoring",  # the database, before the browser
    "tests/test_browser.py::test_it_refuses_a_wrong_password_in_the_form",
    f"{MONITORING}refuses_the_monitoring_page_to_people_without_reports",  # asks for the database at run time
]


def test_a_run_with_a_browser_test_leaves_a_test_database_that_can_be_dropped():
    url = urlsplit(os.environ["DATABASE_URL"])
    own_database = urlunsplit(url._replace(path=f"{url.path}_teardown"))  # not the one this run uses
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", *TESTS]
    env = {**os.environ, "DATABASE_URL": own_database}
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)
    output = run.stdout + run.stderr
    assert "being accessed by other users" not in output
    assert run.returncode == 0, output[-3000:]
    assert " passed" in output
