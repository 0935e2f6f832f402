"""Exports never destroy: not the database, not a private file's permissions, and an
archive stopped midway leaves no half-written folder."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_export_refuses_the_database_and_its_side_files(
    org: Path, tmp_path: Path, run_cli: Any, dump: Any, suffix: str
) -> None:
    before = dump(org)
    target = Path(f"{org}{suffix}")
    if not target.exists():  # a side file left by SQLite: make one as it would
        target.write_bytes(b"\x37\x7f\x06\x82" + bytes(28) if suffix == "-wal" else bytes(32))
    result = run_cli(tmp_path, org, "export", "minutes", "1", "-o", str(target), "--force")
    assert result.code == 2, result
    assert result.err.startswith("Error: ") and len(result.err.splitlines()) == 1, result.err
    assert "database" in result.err
    assert dump(org) == before
    assert org.read_bytes()[:16] == b"SQLite format 3\x00"


def test_export_refuses_another_database_file(org: Path, tmp_path: Path, run_cli: Any) -> None:
    backup = tmp_path / "backup.sqlite"
    import shutil

    shutil.copyfile(org, backup)
    result = run_cli(tmp_path, org, "export", "decisions", "-o", str(backup), "--force")
    assert result.code == 2, result
    assert backup.read_bytes()[:16] == b"SQLite format 3\x00"


def test_force_keeps_the_mode_of_a_private_file(org: Path, tmp_path: Path, run_cli: Any) -> None:
    target = tmp_path / "minutes.md"
    target.write_text("old\n", encoding="utf-8")
    os.chmod(target, 0o600)
    run_cli(tmp_path, org, "export", "minutes", "1", "-o", str(target), "--force").ok()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("# ")


def test_a_link_stays_a_link(org: Path, tmp_path: Path, run_cli: Any) -> None:
    """--force over a symbolic link replaces the file it names; the link is kept."""
    real = tmp_path / "real.md"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    run_cli(tmp_path, org, "export", "minutes", "1", "-o", str(link), "--force").ok()
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert real.read_text(encoding="utf-8").startswith("# ")


def test_a_pipe_is_written_through_not_replaced(org: Path, tmp_path: Path, run_cli: Any) -> None:
    """A named pipe (like /dev/stdout or /dev/null) receives the text; a rename would have
    put a plain file in its place."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    reader = subprocess.Popen(["cat", str(pipe)], stdout=subprocess.PIPE)
    run_cli(tmp_path, org, "export", "minutes", "1", "-o", str(pipe), "--force").ok()
    out, _ = reader.communicate(timeout=60)
    assert out.decode("utf-8").startswith("# ")
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


def test_a_backup_is_never_written_over_a_pipe(org: Path, tmp_path: Path, run_cli: Any) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    result = run_cli(tmp_path, org, "backup", str(pipe), "--force")
    assert result.code == 1, result
    assert "not a regular file" in result.err and len(result.err.splitlines()) == 1
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


KILLED_MIDWAY = textwrap.dedent(
    """
    import os, signal, sys
    from salestui.core.clock import Clock
    from salestui.core.db import open_store
    from salestui.core.export import archive
    from salestui.core.service import Services

    calls = []
    real = archive.render_minutes

    def render(services, meeting_id, *more):
        calls.append(meeting_id)
        if len(calls) == 2:  # the first meeting's file is written: die like kill -9
            os.kill(os.getpid(), signal.SIGKILL)
        return real(services, meeting_id, *more)

    archive.render_minutes = render
    archive.export_archive(Services(open_store(sys.argv[1]), Clock()), sys.argv[2])
    """
)


def test_archive_killed_midway_leaves_no_partial_folder(org: Path, tmp_path: Path) -> None:
    target = tmp_path / "archive"
    done = subprocess.run(
        [sys.executable, "-c", KILLED_MIDWAY, str(org), str(target)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert not target.exists()


def test_archive_appears_whole_with_the_umask_mode(org: Path, tmp_path: Path, run_cli: Any) -> None:
    target = tmp_path / "archive"
    run_cli(tmp_path, org, "export", "archive", "-o", str(target)).ok()
    names = sorted(p.name for p in target.iterdir())
    assert "index.md" in names and len(names) == 3, names
    assert stat.S_IMODE(target.stat().st_mode) & 0o755 == 0o755
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]
