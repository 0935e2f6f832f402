"""salestui meeting new | list | show, agenda add, invite."""

from __future__ import annotations

from pathlib import Path

MEETING_KEYS = {
    "id", "title", "kind", "purpose", "status", "scheduled_start", "planned_minutes",
    "location", "chair_id", "chair", "series_id", "agenda_circulated_at", "actual_start",
    "actual_end", "created_at",
}  # fmt: skip


def test_new_meeting_prints_id_and_parses_natural_start(org) -> None:
    run = org
    out = run(
        "meeting", "new", "--title", "洽商：华为", "--kind", "consultation",
        "--start", "明天 14:30", "--minutes", "45", "--purpose", "谈价格", "--location", "3F",
    ).ok().out  # fmt: skip
    assert out.strip() == "Created meeting 2: 洽商：华为"

    created = run(
        "meeting", "new", "--title", "Daily", "--kind", "daily", "--start", "2026-12-07 09:30",
        "--purpose", "Today's calls", "--json",
    ).ok().json()  # fmt: skip
    assert set(created) == MEETING_KEYS
    assert created["id"] == 3
    assert created["scheduled_start"] == "2026-12-07T09:30:00+08:00"
    assert created["planned_minutes"] == 60  # the default
    assert created["status"] == "draft" and created["kind"] == "daily"

    shown = run("meeting", "show", "2", "--json").ok().json()
    assert shown["scheduled_start"] == "2026-11-28T14:30:00+08:00"
    assert shown["planned_minutes"] == 45 and shown["location"] == "3F"
    first = run("meeting", "show", "1", "--json").ok().json()
    assert first["scheduled_start"] == "2026-11-30T09:00:00+08:00"  # "mon 9:00"
    assert first["chair"] == "张伟"


def test_default_length_comes_from_config(run, tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text("default_meeting_minutes = 45\n", encoding="utf-8")
    made = run("meeting", "new", "--title", "x", "--purpose", "y", "--json").ok().json()
    assert made["planned_minutes"] == 45


def test_bad_meeting_input_saves_nothing(org) -> None:
    run = org
    cases = (
        ("--title", "No purpose"),
        ("--title", "Blank purpose", "--purpose", "  "),
        ("--title", "", "--purpose", "p"),
        ("--title", "x", "--purpose", "p", "--start", "someday-never"),
        ("--title", "x", "--purpose", "p", "--minutes", "abc"),
        ("--title", "x", "--purpose", "p", "--minutes", "0"),
        ("--title", "x", "--purpose", "p", "--chair", "nobody"),
        ("--title", "x", "--purpose", "p", "--kind", "party"),
        ("--purpose", "p"),  # no title at all
    )
    results = run.many(*(("meeting", "new", *args) for args in cases))
    for result in results:
        result.assert_one_line_error(2)
    assert "purpose" in results[0].err
    assert [m["id"] for m in run("meeting", "list", "--json").ok().json()] == [1]


def test_list_upcoming_first_then_most_recent_past(org) -> None:
    run = org
    for title, start, kind in (
        ("Past A", "2026-11-20 10:00", "leadership"),  # id 2
        ("Later", "2026-12-10 10:00", "weekly"),  # id 3
        ("Past B", "2026-11-25 10:00", "other"),  # id 4
        ("Soon", "today 15:00", "daily"),  # id 5
        ("Running late", "today 8:00", "coordination"),  # id 6: 08:00-09:00, not over
    ):
        run(
            "meeting", "new", "--title", title, "--start", start, "--kind", kind,
            "--purpose", "p",
        ).ok()  # fmt: skip
    listed = run("meeting", "list", "--json").ok().json()
    assert [m["id"] for m in listed] == [6, 5, 1, 3, 4, 2]
    assert all(set(m) == MEETING_KEYS for m in listed)

    text = run("meeting", "list").ok().out
    assert text.index("Upcoming") < text.index("Soon") < text.index("Past") < text.index("Past B")
    assert text.index("Past B") < text.index("Past A")
    assert "2026-11-30 09:00 Mon" in text

    weekly = run("meeting", "list", "--kind", "weekly", "--json").ok().json()
    assert [m["id"] for m in weekly] == [1, 3]
    assert [m["id"] for m in run("meeting", "list", "--search", "Past", "--json").json()] == [4, 2]
    assert run("meeting", "list", "--status", "running", "--json").ok().json() == []
    assert run("meeting", "list", "--series", "7", "--json").ok().json() == []


def test_agenda_invite_and_show(org) -> None:
    run = org
    add = run("agenda", "add", "1", "回款进度", "--minutes", "25", "--presenter", "wf",
              "--kind", "decision").ok()  # fmt: skip
    assert add.out.strip() == "Added agenda item 1 to meeting 1: 回款进度 (25 min)"
    item = run("agenda", "add", "1", "Forecast", "--minutes", "30", "--json").ok().json()
    assert item["position"] == 2 and item["agenda_minutes"] == 55
    assert item["planned_minutes"] == 60 and item["kind"] == "discussion"
    # Going over the meeting's length is allowed, with a one-line warning.
    over = run("agenda", "add", "1", "AOB", "--minutes", "10")
    assert over.code == 0
    assert over.err_lines == ["Warning: the agenda (65 min) is longer than the meeting (60 min)"]

    assert run("invite", "1", "王芳", "Li").ok().out.strip() == (
        "Invited to meeting 1: 王芳, Li Ming"
    )
    invited = run("invite", "1", "张伟", "--optional", "--json").ok().json()
    assert invited == {
        "meeting_id": 1, "required": False, "invited": [{"id": 1, "name": "张伟"}],
    }  # fmt: skip
    run("actions", "add", "准备报价", "--owner", "王芳", "--meeting", "1", "--due", "fri").ok()

    shown = run("meeting", "show", "1", "--json").ok().json()
    assert MEETING_KEYS < set(shown)
    # In reporting-line order: the director, then 王芳, then who reports to her.
    assert [(a["name"], a["required"], a["status"]) for a in shown["attendees"]] == [
        ("张伟", False, "invited"), ("王芳", True, "invited"), ("Li Ming", True, "invited"),
    ]  # fmt: skip
    assert [(i["title"], i["timebox_minutes"], i["presenter"]) for i in shown["agenda"]] == [
        ("回款进度", 25, "王芳"), ("Forecast", 30, None), ("AOB", 10, None),
    ]  # fmt: skip
    assert shown["agenda_minutes"] == 65 and shown["over_length"] is True
    assert shown["decisions"] == []
    assert [(a["title"], a["owners"], a["due"]) for a in shown["actions"]] == [
        ("准备报价", ["王芳"], "2026-11-27")
    ]

    text = run("meeting", "show", "1").ok().out
    for expected in (
        "Meeting 1: 周例会", "weekly", "Review the pipeline", "张伟", "2026-11-30 09:00 Mon",
        "60 min", "Required: 王芳 (invited), Li Ming (invited)", "Optional: 张伟 (invited)",
        "回款进度", "decision", "Agenda total: 65 of 60 min (over by 5 min)", "准备报价", "today",
    ):  # fmt: skip
        assert expected in text, expected


def test_bad_agenda_and_invite_input_saves_nothing(org) -> None:
    run = org
    run("agenda", "add", "1", "Existing", "--minutes", "10").ok()
    cases = (
        (("agenda", "add", "1", "x", "--minutes", "0"), 2),
        (("agenda", "add", "1", "x", "--minutes", "481"), 2),
        (("agenda", "add", "1", "x", "--minutes", "ten"), 2),
        (("agenda", "add", "1", ""), 2),
        (("agenda", "add", "1", "x", "--presenter", "nobody"), 2),
        (("agenda", "add", "1", "x", "--kind", "chat"), 2),
        (("agenda", "add", "99", "x"), 1),  # unknown meeting id = failed operation
        (("agenda", "add", "99", "x", "--presenter", "nobody"), 1),  # the meeting is checked first
        (("invite", "1", "王芳", "nobody"), 2),  # all names checked before anyone is invited
        (("invite", "1"), 2),
        (("invite", "99", "王芳"), 1),
        (("meeting", "show", "99"), 1),
    )
    results = run.many(*(args for args, _code in cases))
    for (_args, code), result in zip(cases, results, strict=True):
        result.assert_one_line_error(code)
    shown = run("meeting", "show", "1", "--json").ok().json()
    assert [i["title"] for i in shown["agenda"]] == ["Existing"]
    assert shown["attendees"] == []
