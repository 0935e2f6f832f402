"""salestui export: minutes, agenda (+ --circulate), digest, decisions, archive, ics.

Runs on the demo organisation at the fixed clock (Fri 2026-11-27 08:30): meeting 22 is a
confirmed 营销部周例会 of 2026-11-20; meeting 31 a draft 与生产部门的协调会议.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

Runner = Any  # tests/conftest.py's Runner (conftest modules are not importable)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo organisation, generated once by the real command at the fixed clock."""
    folder = tmp_path_factory.mktemp("demo")
    env = {
        **os.environ,
        "TZ": "Asia/Shanghai",
        "SALESTUI_NOW": "2026-11-27T08:30:00+08:00",
        "SALESTUI_LANG": "en",
        "SALESTUI_CONFIG": str(folder / "config.toml"),
    }
    env.pop("SALESTUI_ME", None)
    subprocess.run(
        [sys.executable, "-m", "salestui", "--db", str(folder / "demo.db"), "demo"],
        env=env, check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return folder / "demo.db"


@pytest.fixture
def demo(run: Runner, db: Path, demo_template: Path) -> Runner:
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{demo_template}{suffix}")
        if source.exists():
            shutil.copyfile(source, f"{db}{suffix}")
    return run


def test_exports_print_or_write_and_never_overwrite_unasked(
    demo: Runner, tmp_path: Path, markdownlint
) -> None:
    run = demo
    out = tmp_path / "out"
    out.mkdir()
    minutes_file, agenda_file, ics_file = out / "m.md", out / "a.md", out / "c.ics"
    archive = tmp_path / "archive"
    first = run.many(
        ("export", "minutes", "22"),
        ("export", "minutes", "22", "-o", str(minutes_file)),
        ("export", "agenda", "31", "-o", str(agenda_file)),
        ("export", "digest", "--team", "销售一部"),
        ("export", "decisions", "--kind", "weekly", "--since", "2026-11-01"),
        ("export", "ics", "--meeting", "22", "-o", str(ics_file)),
        ("export", "archive", "-o", str(archive)),
    )
    printed, written, agenda, digest, decisions, ics, archived = (r.ok() for r in first)
    assert written.out.strip() == f"Wrote {minutes_file}"
    assert minutes_file.read_text(encoding="utf-8") == printed.out  # the same bytes
    assert printed.out.startswith("# Minutes: 营销部周例会 2026-11-20\n")
    assert agenda.out.strip() == f"Wrote {agenda_file}"
    assert agenda_file.read_text(encoding="utf-8").startswith("# Agenda: 与生产部门的协调会议")
    assert digest.out.startswith("# Digest: 销售一部 2026-11-27")
    assert "## Overdue (2)" in digest.out and "今天下午电话回访瑞丰科技" in digest.out
    assert decisions.out.startswith("# Decision register")
    assert "| 2026-11-20 | 营销部周例会 | 新客户报价统一由市场部审核后发出 |" in decisions.out
    assert "营销干部会议" not in decisions.out  # --kind weekly
    assert ics.out.strip() == f"Wrote {ics_file}"
    files = sorted(p.name for p in archive.iterdir())
    assert archived.out.strip() == f"Wrote {len(files)} files to {archive}"
    assert "index.md" in files and "2026-11-20-营销部周例会.md" in files

    from icalendar import Calendar

    calendar = Calendar.from_ical(ics_file.read_bytes())
    events = [c for c in calendar.walk("VEVENT")]
    assert [str(e["summary"]) for e in events] == ["营销部周例会"]
    assert calendar.walk("VTODO")  # the meeting's actions with a due date

    docs = {
        "minutes.md": printed.out,
        "agenda.md": agenda_file.read_text(encoding="utf-8"),
        "digest.md": digest.out,
        "decisions.md": decisions.out,
    }
    assert markdownlint.many(docs) == ""

    # Refusing to overwrite changes nothing; --force replaces; bad input is exit 2.
    minutes_file.write_text("keep me", encoding="utf-8")
    second = run.many(
        ("export", "minutes", "22", "-o", str(minutes_file)),
        ("export", "archive", "-o", str(archive)),
        ("export", "ics", "-o", str(ics_file)),
        ("export", "digest", "--owner", "nobody"),
        ("export", "digest", "--owner", "王芳", "--team", "销售一部"),
        ("export", "decisions", "--since", "someday-never"),
        ("export", "minutes", "99"),
        ("export", "ics"),
    )
    refused = [r.assert_one_line_error(1) for r in second[:3]]
    assert refused[0] == f"Error: {minutes_file} already exists (use --force to replace it)"
    assert "already exists" in refused[1] and "already exists" in refused[2]
    assert minutes_file.read_text(encoding="utf-8") == "keep me"
    for result in second[3:6]:
        result.assert_one_line_error(2)
    assert second[6].assert_one_line_error(1) == "Error: No meeting with id 99"
    everything = Calendar.from_ical(second[7].ok().out)  # to stdout: all meetings
    assert len(everything.walk("VEVENT")) > 1
    forced = run("export", "minutes", "22", "-o", str(minutes_file), "--force").ok()
    assert forced.out.strip() == f"Wrote {minutes_file}"
    assert minutes_file.read_text(encoding="utf-8") == printed.out


def test_agenda_is_circulated_only_when_asked(demo: Runner, tmp_path: Path) -> None:
    run = demo
    before = run("meeting", "show", "31", "--json").ok().json()
    assert before["status"] == "draft" and before["agenda_circulated_at"] is None
    sent = run("export", "agenda", "31", "--circulate", SALESTUI_LANG="zh-CN")
    assert sent.code == 0
    assert sent.out.startswith("# 议程：与生产部门的协调会议 2026-11-30")
    # The note goes to stderr so that the document on stdout stays clean.
    assert sent.err.strip() == "会议 31 的议程已标记为于 2026-11-27 08:30 周五 发出"
    after = run("meeting", "show", "31", "--json").ok().json()
    assert after["status"] == "circulated"
    assert after["agenda_circulated_at"] == "2026-11-27T08:30:00+08:00"


def test_a_missing_database_is_not_created(run: Runner, tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here.db"
    result = run("export", "minutes", "1", db_path=missing)
    assert result.assert_one_line_error(1) == f"Error: No database at {missing}"
    assert not missing.exists()
