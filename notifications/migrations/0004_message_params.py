"""Notifications become messages with parameters, put into the reader's language when read.

Rows written before held text already filled in (in the sender's language). Each title and body is
matched against the messages the app sent at the time; a match is stored as that message and its
parameters, so it now reads in the reader's language. A body that matches none was a person's own
words (a reason, a comment) and moves to ``note``; a title that matches none stays as it was.
"""

import re

from django.db import migrations, models

# The messages as they were when this migration was written (frozen: later wording changes must not
# change what this migration does).
TITLES = [
    "SKP menunggu persetujuan: %(name)s",
    "SKP Anda %(year)s disetujui",
    "SKP Anda %(year)s dikembalikan",
    "Revisi SKP dibuka: %(name)s",
    "Penilaian diri dibuka: %(title)s",
    "Penilaian diri dikirim: %(name)s",
    "Evaluasi menunggu persetujuan: %(name)s",
    "Hasil %(title)s disampaikan",
    "Evaluasi dikembalikan: %(name)s",
    "Umpan balik baru dari pejabat penilai",
    "Permintaan masukan rekan kerja untuk %(name)s",
    "Masukan rekan kerja diterima untuk %(name)s",
    "Keberatan atas evaluasi %(name)s",
    "Keberatan Anda telah diputus: %(status)s",
    "Keberatan %(name)s telah diputus",
    "Capaian kinerja organisasi %(unit)s %(year)s: %(result)s",
    "Sebaran predikat %(unit)s %(year)s melampaui pola distribusi",
    "Pengaduan baru untuk %(unit)s",
]
BODIES = [
    "Keberatan dapat diajukan paling lambat %(date)s.",
    "Capaian organisasi %(result)s. Buka halaman distribusi untuk rinciannya.",
]
# Parameters that were words of the app (an evaluation's title, a checkpoint, a status, a result)
# rather than names: recovered as messages too, so they follow the reader's language as well.
WORDED_PARAMETERS = {"title", "label", "status", "result"}
PHRASES = ["Evaluasi tahunan %(year)s", "Evaluasi %(label)s %(year)s", "Triwulan %(n)s", "Semester %(n)s"]
WORDS = {
    *("Menunggu putusan", "Diterima, rating diubah", "Ditolak"),  # objection statuses
    *("Istimewa", "Baik", "Butuh Perbaikan", "Kurang"),  # organisation results
    *("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli"),  # monthly checkpoints
    *("Agustus", "September", "Oktober", "November", "Desember", "Tahunan"),
}
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _pattern(message):
    parts = PLACEHOLDER.split(message)  # text, name, text, name, …, text
    regex = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+)" for i, part in enumerate(parts))
    return re.compile(rf"\A{regex}\Z", re.DOTALL)


def _match(text, messages):
    """The message that ``text`` was filled from, and its parameters; ``(None, {})`` if none."""
    for message in messages:
        if found := _pattern(message).match(text):
            return message, found.groupdict()
    return None, {}


def _worded(value):
    """A recovered parameter as a message when it was one of the app's own words, else as it was."""
    if value in WORDS:
        return {"message": value, "params": {}}
    message, params = _match(value, PHRASES)
    if message is None:
        return value
    return {"message": message, "params": {name: _worded(part) for name, part in params.items()}}


def _parameters(found):
    return {name: _worded(value) if name in WORDED_PARAMETERS else value for name, value in found.items()}


def forwards(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    changed = []
    for row in Notification.objects.filter(params={}, note="").iterator():
        title, title_params = _match(row.title, TITLES)
        body, body_params = _match(row.body, BODIES) if row.body else ("", {})
        row.title = title or row.title
        row.params = _parameters({**title_params, **body_params})
        row.body, row.note = (body, "") if body is not None else ("", row.body)
        changed.append(row)
    Notification.objects.bulk_update(changed, ["title", "body", "params", "note"], batch_size=1000)


def _plain(value):
    if isinstance(value, dict) and "languages" in value:
        return value["languages"].get("id", "")
    if isinstance(value, dict) and "message" in value:
        return _filled(value["message"], value.get("params", {}))
    return value


def _filled(text, params):
    return text % {name: _plain(value) for name, value in params.items()} if params and text else text


def backwards(apps, schema_editor):
    """Fill the stored messages in again (in the source language), as the rows were before."""
    Notification = apps.get_model("notifications", "Notification")
    changed = []
    for row in Notification.objects.iterator():
        row.title = _filled(row.title, row.params)[:200]
        row.body = "\n\n".join(part for part in (_filled(row.body, row.params), row.note) if part)
        changed.append(row)
    Notification.objects.bulk_update(changed, ["title", "body"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0003_notification_emailed_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="note",
            field=models.TextField(blank=True, verbose_name="catatan"),
        ),
        migrations.AddField(
            model_name="notification",
            name="params",
            field=models.JSONField(blank=True, default=dict, verbose_name="parameter"),
        ),
        migrations.RunPython(forwards, backwards),
    ]
