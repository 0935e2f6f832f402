"""CLI commands about the database file itself: ``backup``, ``restore``, ``doctor``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from salestui.cli.common import app_context, json_option, print_json, services, table, text
from salestui.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from salestui.core.backup import BackupPolicy
    from salestui.core.store import Store

_REASONS = {
    "start": N_("backup:start"),
    "upgrade": N_("backup:upgrade"),
    "meeting": N_("backup:meeting"),
    "restore": N_("backup:restore"),
}


def backup_policy() -> BackupPolicy:
    return app_context().backup_policy()


def _db_path() -> Path:
    from salestui.core.db import check_path
    from salestui.paths import resolve_db_path

    path = resolve_db_path(app_context().db_option)
    check_path(path)
    return path


def _reason(reason: str) -> str:
    message_id = _REASONS.get(reason)
    return _(message_id) if message_id and _(message_id) != message_id else reason


def _data_rows(counts: dict[str, int]) -> int:
    """Rows of the data tables (not of the search index's own tables)."""
    return sum(count for table, count in counts.items() if "_fts" not in table)


def _size(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{size / 1024:.0f} KB"


@click.command()
@click.argument("file", required=False, type=click.Path(dir_okay=True, path_type=Path))
@click.option(
    "--force", is_flag=True, help="Overwrite FILE if it exists; copy a damaged database anyway."
)
@click.option("--list", "list_them", is_flag=True, help="List the automatic backups.")
@json_option
def backup(file: Path | None, force: bool, list_them: bool, as_json: bool) -> None:
    """Copy the database to FILE and check the copy (safe while the app is open).

    The copy is taken with SQLite's online backup, then checked: integrity check and the
    same row counts as the database at that moment. Automatic backups (before an upgrade,
    when a meeting is confirmed, once a day at start) are kept beside the database.
    """
    from salestui.core.backup import BackupFailed, list_backups, verified_copy
    from salestui.core.errors import InvalidInput, StorageError

    if list_them:
        _list(list_backups(_db_path(), backup_policy()), as_json)
        return
    if file is None:
        raise InvalidInput(_("Give the FILE to back up to, or --list"))
    store = services(create=False).store
    file = _backup_target(file, store, force)
    try:
        try:
            counts = verified_copy(store.path, file) if not store.damaged else None
        except BackupFailed:
            if not force:
                raise
            counts = None  # damage the open-time check had not seen: --force copies it
        if counts is None:
            verified_copy(store.path, file, verify=False)
            click.echo(
                _("Copied the damaged database {source} to {path} (not checked)").format(
                    source=store.path, path=file
                )
            )
            return
    except OSError as error:
        raise StorageError(
            _("Cannot write {path}: {reason}").format(path=file, reason=error.strerror)
        ) from error
    click.echo(
        ngettext(
            "Backed up {source} to {path} (checked: integrity ok, {rows} row)",
            "Backed up {source} to {path} (checked: integrity ok, {rows} rows)",
            _data_rows(counts),
        ).format(source=store.path, path=file, rows=_data_rows(counts))
    )


def _backup_target(file: Path, store: Store, force: bool) -> Path:
    """The file a backup of ``store`` goes to (a link's target), once it is sure it may be
    written: a file, not a folder nor the database itself, not there yet unless ``force``;
    a damaged database is copied only with ``force``."""
    from salestui.core.errors import Conflict, StorageError

    file = file.expanduser()
    if file.is_symlink() and file.is_file():
        file = file.resolve()  # the file the link names is replaced, not the link
    if file.is_dir():
        raise StorageError(_("{path} is a folder; give a file name").format(path=file))
    if file.exists() and not file.is_file():
        raise StorageError(
            _("{path} is not a regular file; a backup is written to a file").format(path=file)
        )
    if not file.parent.is_dir():
        raise StorageError(_("The folder {folder} does not exist").format(folder=file.parent))
    if file.exists() and file.resolve() == store.path.resolve():
        raise Conflict(_("{path} is the database itself").format(path=file))
    if file.exists() and not force:
        raise Conflict(_("{path} already exists; use --force to overwrite it").format(path=file))
    if store.damaged and not force:
        raise StorageError(
            _(
                "{path} is damaged; not backed up (use --force to copy it anyway, or "
                "'salestui doctor --recover NEW.db' to save what can be read)"
            ).format(path=store.path)
        )
    return file


def _list(backups: list, as_json: bool) -> None:
    if as_json:
        print_json(
            [
                {
                    "path": str(b.path),
                    "taken": b.taken.astimezone().isoformat(timespec="seconds"),
                    "reason": b.reason,
                    "size": b.size,
                }
                for b in backups
            ]
        )
        return
    if not backups:
        click.echo(_("No automatic backups yet"))
        return
    from salestui.cli.common import console

    grid = table(_("Taken"), _("Reason"), _("Size"), _("File"))
    for b in backups:
        grid.add_row(
            text(f"{b.taken.astimezone():%Y-%m-%d %H:%M:%S}"),
            text(_reason(b.reason)),
            text(_size(b.size)),
            text(b.path),
        )
    console().print(grid)


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def restore(file: Path) -> None:
    """Replace the database with the backup FILE (checked first; the current database
    is backed up first)."""
    from salestui.core.doctor import restore as restore_file

    db = _db_path()
    counts, kept = restore_file(file.expanduser(), db, backup_policy())
    if kept is not None:
        click.echo(_("The database as it was is kept in {path}").format(path=kept))
    click.echo(
        ngettext(
            "Restored {path} from {backup} ({rows} row)",
            "Restored {path} from {backup} ({rows} rows)",
            _data_rows(counts),
        ).format(path=db, backup=file, rows=_data_rows(counts))
    )


@click.command()
@click.option(
    "--recover",
    "output",
    metavar="OUT",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Copy everything that can be read into the new database OUT.",
)
@json_option
def doctor(output: Path | None, as_json: bool) -> None:
    """Check the whole database file for damage (SQLite's integrity check). With --json:
    {"path", "ok", "rows" (per table), "problems", "damaged_tables", "newest_good_backup"};
    a damaged file still exits 1."""
    from salestui.core.doctor import diagnose, newest_good, recover
    from salestui.core.errors import StorageError

    db = _db_path()
    if output is not None:
        _recover(recover, db, output.expanduser())
        return
    found = diagnose(db)
    if as_json:
        good = None if found.ok else newest_good(db, backup_policy())
        print_json(
            {"path": str(db), "ok": found.ok, "rows": found.rows, "problems": found.problems,
             "damaged_tables": list(found.damaged_tables),
             "newest_good_backup": str(good) if good else None}
        )  # fmt: skip
        if not found.ok:
            raise StorageError(_("{path} is damaged").format(path=db))
        return
    if found.ok:
        click.echo(
            _("{path}: integrity check passed ({tables} tables, {rows} rows)").format(
                path=db, tables=len(found.rows), rows=sum(found.rows.values())
            )
        )
        return
    click.echo(_("{path} is damaged. SQLite's integrity check says:").format(path=db))
    for line in found.problems[:20]:
        click.echo(f"  {line}")
    if len(found.problems) > 20:
        click.echo("  " + _("... and {count} more").format(count=len(found.problems) - 20))
    if found.damaged_tables:
        click.echo(_("Damaged tables: {tables}").format(tables=", ".join(found.damaged_tables)))
    good = newest_good(db, backup_policy())
    if good is not None:
        click.echo(_("Newest good backup: {path}").format(path=good))
    raise StorageError(
        _(
            "{path} is damaged: restore a backup with 'salestui restore FILE' or recover what "
            "can be read with 'salestui doctor --recover NEW.db'"
        ).format(path=db)
    )


def _recover(recover, db: Path, output: Path) -> None:  # type: ignore[no-untyped-def]
    result = recover(db, output)
    grid = table(_("Table"), _("Rows copied"), _("Unreadable runs skipped"), _("Rows dropped"))
    for t in result.tables:
        grid.add_row(
            text(t.table),
            text(_("unreadable") if t.unreadable else t.copied),
            text(t.gaps),
            text(t.dropped),
        )
    from salestui.cli.common import console

    console().print(grid)
    recovered = sum(t.copied - t.dropped for t in result.tables)
    click.echo(
        ngettext(
            "Recovered {rows} row into {path}; check it, then 'salestui restore {path}'",
            "Recovered {rows} rows into {path}; check it, then 'salestui restore {path}'",
            recovered,
        ).format(rows=recovered, path=output)
    )
