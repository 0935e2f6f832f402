"""Every export of the demo organisation: content, markdownlint, atomic files, iCalendar."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from salestui import i18n
from salestui.core.errors import Conflict, StorageError
from salestui.core.export.agenda import render_agenda
from salestui.core.export.archive import export_archive
from salestui.core.export.files import write_atomic
from salestui.core.export.ics import render_ics
from salestui.core.export.minutes import render_minutes
from salestui.core.export.reports import render_decisions, render_digest
from salestui.core.export.slug import slugify
from salestui.core.models import MeetingKind, MeetingStatus
from salestui.core.service import Services
from salestui.demo import generate_demo


@pytest.fixture
def demo(services: Services, clock) -> Services:
    generate_demo(services.store, clock, seed=1)
    return services


def test_every_demo_export_passes_markdownlint(demo: Services, markdownlint) -> None:
    docs: dict[str, str] = {}
    for lang in ("en", "zh-CN"):
        i18n.set_language(lang)
        for meeting in demo.store.list_meetings():
            docs[f"{lang}-minutes-{meeting.id}.md"] = render_minutes(demo, meeting.id)
            docs[f"{lang}-agenda-{meeting.id}.md"] = render_agenda(demo.meeting_detail(meeting.id))
        docs[f"{lang}-digest-team.md"] = render_digest(demo, team="销售一部")
        docs[f"{lang}-digest-all.md"] = render_digest(demo)
        docs[f"{lang}-decisions.md"] = render_decisions(demo)
    assert len(docs) > 100
    assert markdownlint.many(docs) == ""


def test_digest_sections(demo: Services) -> None:
    wang = demo.find_person("王芳")
    text = render_digest(demo, owner="王芳", since=date(2026, 11, 1))
    assert text.startswith(f"# Digest: {wang.name} 2026-11-27\n")
    for section in ("## Overdue (", "## Due in the next 7 days (", "## All open items (",
                    "## Done since 2026-11-01 (", "## Latest follow-ups"):  # fmt: skip
        assert section in text
    overdue = demo.list_actions(demo.action_query(owner="王芳", overdue=True))
    assert f"## Overdue ({len(overdue)})" in text
    for row in overdue[:5]:
        assert row.title.split()[0] in text


def test_decision_register_tells_whether_decisions_were_carried_out(demo: Services) -> None:
    text = render_decisions(demo)
    decisions = demo.store.list_decisions()
    rows = [line for line in text.splitlines() if line.startswith("| 20")]
    assert len(rows) == len(decisions)
    assert any("done" in r for r in rows) and any("rejected" in r for r in rows)
    weekly = render_decisions(demo, kind=MeetingKind.WEEKLY, since=date(2026, 11, 15))
    assert len([ln for ln in weekly.splitlines() if ln.startswith("| 20")]) < len(rows)


def test_archive_files_and_index(demo: Services, tmp_path: Path) -> None:
    result = export_archive(demo, tmp_path / "archive")
    meetings = demo.store.list_meetings()
    assert len(result.files) == len(meetings) + 1
    index = (tmp_path / "archive" / "index.md").read_text(encoding="utf-8")
    links = [line for line in index.splitlines() if line.startswith("- [")]
    assert len(links) == len(meetings)
    dates = [line[3:13] for line in links]
    assert dates == sorted(dates, reverse=True)
    names = {p.name for p in result.files}
    assert any("周例会" in n for n in names)
    with pytest.raises(Conflict):
        export_archive(demo, tmp_path / "archive")
    export_archive(demo, tmp_path / "archive", force=True)


def test_a_big_archive_is_written_by_two_processes_alike(
    demo: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above ``PARALLEL_FROM`` meetings a forked process writes every other file: the
    archive is the same, byte for byte, as one written by this process alone."""
    from salestui.core.export import archive

    alone = export_archive(demo, tmp_path / "alone")
    monkeypatch.setattr(archive, "PARALLEL_FROM", 2)  # the demo's few meetings count as many
    forks: list[int] = []
    fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or fork())
    shared = export_archive(demo, tmp_path / "shared")
    assert forks  # the second process did write
    assert [p.name for p in shared.files] == [p.name for p in alone.files]
    for one, other in zip(alone.files, shared.files, strict=True):
        assert one.read_bytes() == other.read_bytes(), one.name
    # A file the child cannot write (one there already) fails the export, nothing moved.
    staged = tmp_path / ".blocked"
    staged.mkdir()
    monkeypatch.setattr(archive.tempfile, "mkdtemp", lambda **_kw: str(staged))
    (staged / alone.files[1].name).write_text("in the way", encoding="utf-8")
    with pytest.raises(StorageError, match="File exists"):
        export_archive(demo, tmp_path / "never")
    assert not (tmp_path / "never").exists()


def test_ics_reparses(demo: Services) -> None:
    data = render_ics(demo)
    calendar = Calendar.from_ical(data)
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    todos = [c for c in calendar.walk() if c.name == "VTODO"]
    assert len(events) == len([m for m in demo.store.list_meetings() if m.scheduled_start])
    assert todos and all(t.get("due") for t in todos)
    assert render_ics(demo) == data  # reproducible
    today = next(m for m in demo.store.list_meetings() if m.status == MeetingStatus.CIRCULATED)
    one = Calendar.from_ical(render_ics(demo, today.id))
    event = next(c for c in one.walk() if c.name == "VEVENT")
    assert str(event.get("summary")) == today.title
    assert event.get("attendee")


def test_write_atomic_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "m.md"
    write_atomic(target, "one\n")
    with pytest.raises(Conflict):
        write_atomic(target, "two\n")
    assert target.read_text() == "one\n"
    write_atomic(target, "two\n", force=True)
    assert target.read_text() == "two\n"
    assert [p.name for p in tmp_path.iterdir()] == ["m.md"]  # no temp files left


@pytest.mark.parametrize(
    ("title", "slug"),
    [("周例会 第48周", "周例会-第48周"), ("Q1 Pricing Review!", "q1-pricing-review"),
     ("与生产部门的协调会议/12月", "与生产部门的协调会议-12月"), ("***", "meeting")],
)  # fmt: skip
def test_slugs(title: str, slug: str) -> None:
    assert slugify(title) == slug
