"""The UI speaks Indonesian unless the user picks English (locale/en holds the translations)."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from org.models import Employee
from org.nip import NIP_NOT_DIGITS
from tests.appraisal.factories import PeriodFactory

LOGIN_URL = reverse("login")


def test_it_speaks_indonesian_by_default(client, db):
    content = client.get(LOGIN_URL).content.decode()
    assert '<html lang="id">' in content
    assert "Masuk ke Kinerja" in content


def test_it_switches_to_english_and_back(client, db):
    response = client.post(reverse("set_language"), {"language": "en", "next": LOGIN_URL})
    assert response["Location"] == LOGIN_URL
    content = client.get(LOGIN_URL).content.decode()
    assert '<html lang="en">' in content
    assert "Log in to Kinerja" in content
    client.post(reverse("set_language"), {"language": "id", "next": LOGIN_URL})
    assert "Masuk ke Kinerja" in client.get(LOGIN_URL).content.decode()


def test_it_does_not_follow_an_off_site_next_after_switching(client, db):
    response = client.post(reverse("set_language"), {"language": "en", "next": "https://evil.example/"})
    assert "evil.example" not in response["Location"]


def test_it_translates_model_choices_and_error_texts(db):
    with translation.override("en"):
        assert str(Employee.Status.AKTIF.label) == "Active"
        assert str(NIP_NOT_DIGITS) == "The NIP may contain digits only."


def test_it_translates_plurals(client, hr_user, employee):
    client.post(reverse("set_language"), {"language": "en"})
    client.force_login(hr_user)
    content = client.get(reverse("org:employee-list")).content.decode()
    assert "3 employees found" in content


def test_it_ignores_the_browser_language_until_english_is_chosen(client, db):
    content = client.get(LOGIN_URL, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Masuk ke Kinerja" in content
    client.post(reverse("set_language"), {"language": "en"})
    assert "Log in to Kinerja" in client.get(LOGIN_URL, HTTP_ACCEPT_LANGUAGE="id").content.decode()


# Indonesian words that a title of this app would show if a part of it were left untranslated.
INDONESIAN = re.compile(
    r"\b(Beranda|Pegawai|Unit kerja|Notifikasi|Skor|Periode|Penilaian|Evaluasi|SKP Anda|Pengaduan|Survei|Hasil"
    r"|Capaian|Rencana|Pemantauan|Triwulan|Tahunan|Penghitungan|Impor|Tidak|dan|untuk|dari)\b"
)
HR_PAGES = [
    ("home", []),
    ("org:employee-list", []),
    ("org:unit-list", []),
    ("org:import-upload", []),
    ("notifications:notification-list", []),
    ("scoring:period-list", []),
    ("appraisal:period-list", []),
    ("appraisal:evaluation-list", []),
    ("surveys:result-index", []),
    ("surveys:complaint-list", []),
]


def _title(content: str) -> str:
    return " ".join(re.search(r"<title>(.*?)</title>", content, re.S).group(1).split())


def test_page_titles_are_wholly_english_when_english_is_chosen(client, hr_user, employee):
    period = PeriodFactory(year=2026)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(hr_user)
    urls = [reverse(name, args=args) for name, args in HR_PAGES]
    urls += [reverse("scoring:period-scores", args=[period.pk]), reverse("scoring:employee-scores", args=[employee.pk])]
    titles = {url: _title(client.get(url).content.decode()) for url in urls}
    titles["/tidak-ada/"] = _title(client.get("/tidak-ada/").content.decode())
    client.force_login(employee.user)
    for url in [reverse("appraisal:plan-list"), reverse("appraisal:plan-monitoring")]:
        titles[url] = _title(client.get(url).content.decode())
    leftovers = {url: title for url, title in titles.items() if INDONESIAN.search(title.replace(employee.name, ""))}
    assert leftovers == {}
    assert titles[reverse("scoring:period-scores", args=[period.pk])] == "Period scores 2026 · Kinerja"


def _po_entries(path: Path) -> list[dict]:
    """Each live entry of a .po file: its flags, msgid and msgstr (plural forms joined); obsolete ones skipped."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.strip().splitlines() if not line.startswith("#~")]
        entry = {"flags": "", "msgid": "", "msgstr": ""}
        key = None
        for line in lines:
            if line.startswith("#,"):
                entry["flags"] += line[2:]
            elif line.startswith("#"):
                continue
            elif match := re.match(r'(msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line):
                key = "msgid" if match.group(1).startswith("msgid") else "msgstr"
                entry[key] += match.group(2) if key == "msgid" or not entry[key] else "|" + match.group(2)
            elif line.startswith('"') and key:
                entry[key] += line[1:-1]
        if lines and any(line.startswith("msgid") for line in lines):
            entries.append(entry)
    return entries


def test_the_english_catalogue_has_no_empty_or_fuzzy_entry():
    entries = _po_entries(settings.BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po")
    messages = [entry for entry in entries if entry["msgid"]]  # the header has an empty msgid
    assert len(messages) > 1000
    assert [e["msgid"] for e in messages if "fuzzy" in e["flags"]] == []
    assert [e["msgid"] for e in messages if not e["msgstr"] or e["msgstr"].startswith("|") or "||" in e["msgstr"]] == []


def test_a_section_of_work_results_reads_naturally_in_english():
    with translation.override("en"):
        assert translation.gettext("Hasil kerja %(name)s") % {"name": "Main"} == "Main work results"
