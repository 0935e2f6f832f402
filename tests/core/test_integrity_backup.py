"""Verified backups, rotation, the meeting-confirmed backup, recovery, restore, privileges."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from salestui.core import doctor
from salestui.core.backup import BackupFailed, BackupPolicy, automatic_backup, list_backups
from salestui.core.db import open_store
from salestui.core.errors import Conflict, StorageError
from salestui.core.meeting import LiveMeeting
from salestui.core.models import MeetingKind
from salestui.core.service import Services


def _count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_automatic_backups_are_private_verified_and_rotated(fill_actions, tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    fill_actions(path, 50)
    policy = BackupPolicy(keep=3)
    made = [automatic_backup(path, "start", policy) for _ in range(5)]
    kept = list_backups(path, policy)
    assert [b.path for b in kept] == list(reversed(made))[:3]
    for backup in kept:
        assert stat.S_IMODE(os.stat(backup.path).st_mode) == 0o600
        assert _count(backup.path, "action_items") == 50
    assert stat.S_IMODE(os.stat(tmp_path / "s.db.backups").st_mode) == 0o700
    assert not list((tmp_path / "s.db.backups").glob(".*partial*"))


def test_a_configured_folder_and_keep_zero(fill_actions, tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    fill_actions(path, 5)
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    made = automatic_backup(path, "start", BackupPolicy(folder=folder))
    assert made is not None and made.parent == folder
    assert automatic_backup(path, "start", BackupPolicy(keep=0)) is None


def test_a_damaged_source_is_never_reported_backed_up(fill_actions, damage, tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    fill_actions(path, 3000)
    damage(path)
    with pytest.raises(BackupFailed):
        automatic_backup(path, "start", BackupPolicy())
    assert list_backups(path, BackupPolicy()) == []


def test_confirming_a_meeting_makes_a_backup(tmp_path: Path, clock) -> None:
    path = tmp_path / "m.db"
    services = Services(open_store(path), clock)
    try:
        services.add_person("陈建国")
        meeting = services.new_meeting("周例会", "回顾", MeetingKind.WEEKLY, clock.now(), 30)
        services.add_agenda_item(meeting.id, "上周业绩", 10)
        live = LiveMeeting(services)
        live.start(meeting.id)
        live.capture(meeting.id, "华东回款进度")
        live.end(meeting.id)
        assert list_backups(path, BackupPolicy()) == []
        live.confirm(meeting.id)
    finally:
        services.store.close()
    (backup,) = list_backups(path, BackupPolicy())
    assert backup.reason == "meeting"
    with sqlite3.connect(backup.path) as conn:
        assert conn.execute("SELECT status FROM meetings").fetchone()[0] == "confirmed"


def test_recover_copies_every_readable_row(fill_actions, damage, tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    fill_actions(path, 3000)
    # The items' pages and their indexes' alternate in the file's middle: six pages of
    # noise reach data pages whatever the schema's other tables add before them.
    damage(path, pages=6)
    found = doctor.diagnose(path)
    assert not found.ok and "action_items" in found.damaged_tables
    out = tmp_path / "recovered.db"
    result = doctor.recover(path, out)
    assert result.problems == []
    by_table = {t.table: t for t in result.tables}
    copied = by_table["action_items"].copied
    assert 2500 < copied < 3000 and by_table["action_items"].gaps >= 1
    assert _count(out, "action_items") == copied
    assert doctor.diagnose(out).ok
    store = open_store(out)  # a normal, writable salestui database
    try:
        assert store.read_only_reason is None
    finally:
        store.close()
    with pytest.raises(Conflict, match="already exists"):
        doctor.recover(path, out)


def _leave_a_wal(path: Path, title: str) -> None:
    """Commit a row and exit without closing: the row stays in the -wal (as after a crash)."""
    code = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA journal_mode=WAL')\n"
        'c.execute("INSERT INTO action_items(title, created_at, updated_at) '
        "VALUES (?, 'x', 'x')\", [sys.argv[2]])\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path), title], check=True)
    assert Path(f"{path}-wal").stat().st_size > 0


def test_restore_over_a_file_with_a_leftover_wal(fill_actions, tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    fill_actions(path, 20)
    good = tmp_path / "good.db"
    automatic = automatic_backup(path, "start", BackupPolicy())
    assert automatic is not None
    good.write_bytes(automatic.read_bytes())
    _leave_a_wal(path, "written after the backup")
    counts, kept = doctor.restore(good, path, BackupPolicy())
    assert counts["action_items"] == 20
    assert kept is not None and _count(kept, "action_items") == 21  # the current file, kept
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM action_items").fetchone()[0] == 20
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_restore_beside_a_stale_wal_of_another_file(fill_actions, tmp_path: Path) -> None:
    """The database file is gone (or unreadable) but its old -wal is still there: copying
    the backup in by hand would replay that -wal into it ("malformed")."""
    path = tmp_path / "s.db"
    fill_actions(path, 20)
    good = tmp_path / "good.db"
    good.write_bytes(automatic_backup(path, "start", BackupPolicy()).read_bytes())  # type: ignore[union-attr]
    _leave_a_wal(path, "in the stale wal")
    shm = Path(f"{path}-shm")
    path.write_bytes(b"\0" * 4096)  # the file itself destroyed; -wal and -shm left over
    counts, _kept = doctor.restore(good, path, BackupPolicy())
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM action_items").fetchone()[0] == 20
    assert counts["action_items"] == 20
    del shm


def test_restore_refuses_a_damaged_or_foreign_file(fill_actions, damage, tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    fill_actions(path, 3000)
    bad = tmp_path / "bad.db"
    bad.write_bytes(path.read_bytes())
    damage(bad)
    before = path.read_bytes()
    with pytest.raises(StorageError, match="integrity check"):
        doctor.restore(bad, path, BackupPolicy())
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("PRAGMA application_id = 7")
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(StorageError, match="another application"):
        doctor.restore(other, path, BackupPolicy())
    assert path.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_a_read_only_folder_as_another_user_opens_read_only(tmp_path: Path, clock) -> None:
    """As a user who may read but not write the file or folder (root ignores chmod, so a
    forked child drops to 'nobody')."""
    folder = Path(f"/tmp/salestui-ro-{os.getpid()}")
    folder.mkdir(mode=0o755)
    try:
        path = folder / "shared.db"
        services = Services(open_store(path), clock)
        services.add_person("王芳")
        services.store.close()
        os.chmod(path, 0o644)
        read, write = os.pipe()
        child = os.fork()
        if child == 0:  # the child: drop privileges, open, try to write, report
            os.close(read)
            try:
                os.setgid(65534)
                os.setuid(65534)
                store = open_store(path)
                names = [p.name for p in Services(store, clock).people()]
                try:
                    Services(store, clock).add_person("李明")
                    outcome = "wrote"
                except StorageError as error:
                    outcome = f"refused: {error}"
                report = f"{store.read_only}|{names}|{outcome}"
            except BaseException as error:  # noqa: BLE001 - reported to the parent
                report = f"crashed: {error!r}"
            os.write(write, report.encode("utf-8"))
            os._exit(0)
        os.close(write)
        with os.fdopen(read, "rb") as pipe:
            report = pipe.read().decode("utf-8")
        os.waitpid(child, 0)
        assert report.startswith("True|['王芳']|refused: "), report
        assert "read-only" in report
    finally:
        shutil.rmtree(folder)
