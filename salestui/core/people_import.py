"""People from a CSV file (``salestui people import``): a header row naming some of
``name, role, team, reports_to, email`` (``name`` is needed), then one person a line.

A name already in the database updates that person with the columns given (an empty
cell leaves the value as it is); a new name adds someone. Managers may come before or
after their staff. Every line is checked first - a bad email address, role or manager
names its line - and nothing is written unless all of them are good; then the whole
file is one transaction."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from salestui.core.boundary import storage_boundary
from salestui.core.errors import InvalidInput, SalestuiError
from salestui.core.mail_settings import check_email
from salestui.core.models import Role
from salestui.core.service import Services
from salestui.i18n import _

COLUMNS = ("name", "role", "team", "reports_to", "email")
MAX_ROWS = 10_000


@dataclass
class ImportReport:
    added: list[str]
    updated: list[str]


def read_rows(text: str) -> list[dict[str, str]]:
    """The file's lines as dicts of the known columns (header names: any case, spaces or
    dashes for underscores)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = {
        field: field.strip().lower().replace(" ", "_").replace("-", "_")
        for field in reader.fieldnames or []
    }
    if "name" not in header.values():
        raise InvalidInput(_("The file needs a header row with a name column"))
    unknown = [f for f, key in header.items() if key not in COLUMNS]
    if unknown:
        raise InvalidInput(
            _("Unknown column: {name} (known: {known})").format(
                name=unknown[0], known=", ".join(COLUMNS)
            )
        )
    rows: list[dict[str, str]] = []
    for row in reader:
        if len(rows) >= MAX_ROWS:
            raise InvalidInput(_("At most {max} people at a time").format(max=MAX_ROWS))
        rows.append({header[f]: (v or "").strip() for f, v in row.items() if f in header})
    return rows


@storage_boundary
class PeopleImport:
    def __init__(self, services: Services) -> None:
        self.services = services

    def run(self, text: str) -> ImportReport:
        """Add and update the people of a CSV text, all or none."""
        rows = read_rows(text)
        for line, row in enumerate(rows, start=2):
            self._check(line, row)
        report = ImportReport([], [])
        with self.services.store.transaction():
            for line, row in enumerate(rows, start=2):
                self._write(line, row, report)
            for line, row in enumerate(rows, start=2):  # managers may come later
                if row.get("reports_to"):
                    self._at(line, lambda r=row: self._manager(r))
        return report

    @staticmethod
    def _at(line: int, step):  # type: ignore[no-untyped-def]
        try:
            return step()
        except SalestuiError as error:
            raise InvalidInput(
                _("Line {line}: {problem}").format(line=line, problem=error)
            ) from error

    def _check(self, line: int, row: dict[str, str]) -> None:
        def check() -> None:
            if not row.get("name"):
                raise InvalidInput(_("A name is needed"))
            check_email(row.get("email"))
            if row.get("role"):
                try:
                    Role(row["role"].lower())
                except ValueError as error:
                    raise InvalidInput(
                        _("Unknown role: {role}").format(role=row["role"])
                    ) from error

        self._at(line, check)

    def _write(self, line: int, row: dict[str, str], report: ImportReport) -> None:
        name = row["name"]
        known = self.services.store.person_by_name(name)
        changes = {k: row[k] for k in ("team", "email") if row.get(k)}
        if row.get("role"):
            changes["role"] = row["role"].lower()
        if known is None:
            self._at(line, lambda: self.services.add_person(name, **changes))
            report.added.append(name)
        else:
            assert known.id is not None
            person_id = known.id
            self._at(line, lambda: self.services.edit_person(person_id, **changes))
            report.updated.append(known.name)

    def _manager(self, row: dict[str, str]) -> None:
        person = self.services.store.person_by_name(row["name"])
        assert person is not None and person.id is not None
        self.services.edit_person(person.id, reports_to=row["reports_to"])
