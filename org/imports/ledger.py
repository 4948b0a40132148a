"""The rows of one model an import touches, what they were before, and how to write them in bulk.

In a model that links to itself (employee to supervisor, unit to parent), new rows get provisional
negative ids while the file is checked, so the model's own rules (``Employee.check_supervisor``,
``Unit.clean``) can walk a graph that mixes database rows and rows that only exist in the file.
The ids are dropped before anything is written, and the links are written last.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import count
from typing import TYPE_CHECKING

from django.db import connection, models

from .report import EntityCount

if TYPE_CHECKING:
    from .planning import ParsedRow

BATCH_SIZE = 500
Written = Callable[[int], None]


def unwatched(rows: int) -> None:
    """The default ``on_written``: nobody shows this write's progress."""


@dataclass(eq=False)
class Entry:
    instance: models.Model
    row: ParsedRow
    is_new: bool
    before: dict[str, object] = field(default_factory=dict)


class Ledger:
    def __init__(self, model: type[models.Model], tracked: list[str], *, self_link: str | None = None):
        """``tracked``: the field names compared to tell an update from an unchanged row."""
        self.model = model
        self.attnames = {name: model._meta.get_field(name).attname for name in tracked}
        self.self_link = self_link
        self.entries: dict[Hashable, Entry] = {}
        self._provisional_ids = count(-1, -1)

    def track(self, key: Hashable, instance: models.Model, row: ParsedRow) -> Entry:
        """Remember the instance as it is now; call before changing it. A key is tracked once."""
        if key in self.entries:
            return self.entries[key]
        is_new = instance.pk is None
        if is_new and self.self_link:
            instance.pk = next(self._provisional_ids)
        before = {} if is_new else {name: getattr(instance, attname) for name, attname in self.attnames.items()}
        self.entries[key] = Entry(instance, row, is_new, before)
        return self.entries[key]

    def changed_fields(self, entry: Entry) -> list[str]:
        if entry.is_new:
            return []
        return [
            name for name, attname in self.attnames.items() if getattr(entry.instance, attname) != entry.before[name]
        ]

    def count(self, label: str) -> EntityCount:
        """Created, updated and unchanged rows; rows with an error are left out (they are never written)."""
        entries = [entry for entry in self.entries.values() if not entry.row.has_error()]
        created = sum(entry.is_new for entry in entries)
        updated = sum(1 for entry in entries if self.changed_fields(entry))
        return EntityCount(str(label), created, updated, len(entries) - created - updated)

    @cached_property
    def changes(self) -> dict[Entry, list[str]]:
        """The changed fields of every entry, taken once the file is checked (nothing changes after)."""
        return {entry: self.changed_fields(entry) for entry in self.entries.values()}

    def to_write(self) -> int:
        """Rows ``save`` writes: new ones, changed ones, then self-links (a row may count twice)."""
        new = sum(entry.is_new for entry in self.entries.values())
        return new + len(self._plain()) + len(self._relinked())

    def save(self, *, on_written: Written = unwatched) -> None:
        """Write new rows, then changed ones, then self-links, once every row has its real id.

        ``on_written(rows)`` follows each statement, so a long write can show its progress.
        """
        links = [(entry, getattr(entry.instance, self.self_link)) for entry in self._relinked()]
        new = [entry.instance for entry in self.entries.values() if entry.is_new]
        for instance in new:
            instance.pk = None
            if self.self_link:
                setattr(instance, self.self_link, None)
        for start in range(0, len(new), BATCH_SIZE):
            batch = new[start : start + BATCH_SIZE]
            self.model.objects.bulk_create(batch)
            on_written(len(batch))
        if plain := self._plain():
            self._bulk_update(list(plain), set().union(*plain.values()), on_written)
        for entry, target in links:
            setattr(entry.instance, self.self_link, target)
        if links:
            self._bulk_update([entry for entry, _ in links], {self.self_link}, on_written)

    def _relinked(self) -> list[Entry]:
        """Entries whose self-link must be written after the creates (it may point to a new row)."""
        if not self.self_link:
            return []
        attname = self.model._meta.get_field(self.self_link).attname
        return [
            entry
            for entry, fields in self.changes.items()
            if self.self_link in fields or (entry.is_new and getattr(entry.instance, attname) is not None)
        ]

    def _plain(self) -> dict[Entry, set[str]]:
        """Changed rows and their changed fields, the self-link left to ``_relinked``."""
        plain = {entry: set(fields) - {self.self_link} for entry, fields in self.changes.items()}
        return {entry: fields for entry, fields in plain.items() if fields}

    def _bulk_update(self, entries: list[Entry], fields: set[str], on_written: Written) -> None:
        instances = [entry.instance for entry in entries]
        for start in range(0, len(instances), BATCH_SIZE):
            batch = instances[start : start + BATCH_SIZE]
            update_rows(self.model, batch, sorted(fields))
            on_written(len(batch))


def update_rows(model: type[models.Model], instances: list[models.Model], names: list[str]) -> None:
    """One ``UPDATE ... FROM (VALUES ...)`` for the given rows and fields.

    Django's ``bulk_update`` builds a ``CASE WHEN pk = ...`` per field and row, which PostgreSQL
    evaluates row by row; a joined VALUES list is one set-based statement and several times faster.
    """
    fields = [model._meta.get_field(name) for name in names]
    for instance in instances:  # a link to a row created earlier in this import takes its new id (as bulk_update)
        instance._prepare_related_fields_for_save(operation_name="update_rows", fields=fields)
    pk = model._meta.pk
    columns = [pk, *fields]
    casts = ", ".join(f"%s::{field.db_type(connection)}" for field in columns)
    params = [
        field.get_db_prep_save(getattr(instance, field.attname), connection)
        for instance in instances
        for field in columns
    ]
    quote = connection.ops.quote_name
    sql = "UPDATE {table} AS t SET {sets} FROM (VALUES {rows}) AS v({names}) WHERE t.{pk} = v.{pk}".format(
        table=quote(model._meta.db_table),
        sets=", ".join(f"{quote(field.column)} = v.{quote(field.column)}" for field in fields),
        rows=", ".join([f"({casts})"] * len(instances)),
        names=", ".join(quote(field.column) for field in columns),
        pk=quote(pk.column),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
