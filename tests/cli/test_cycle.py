"""The weekly cycle from the command line alone, twice in a row: plan, circulate, run,
park, skip, confirm, next meeting, review - and the second meeting's agenda and review
show exactly what the first left open, with carry counts. Then the must-resolve rule.

The organisation (tests/cli/conftest.py): 张伟 (1, director), 王芳 (2, lead), Li Ming (3,
member); meeting 1 = 周例会 (weekly), Mon 2026-11-30 09:00, 60 min, chaired by 张伟.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.core.service import Services

ITEMS = ["回款计划", "Pipeline review", "预算", "新客户", "展会计划"]


def at(day: str, hhmm: str) -> dict[str, str]:
    return {"SALESTUI_NOW": f"{day}T{hhmm}:00+08:00"}


def agenda(run, meeting_id: int) -> list[tuple[str, int, bool]]:
    shown = run("meeting", "show", str(meeting_id), "--json").ok().json()
    return [(i["title"], i["carried_count"], i["standing"]) for i in shown["agenda"]]


def hold(run, meeting_id: int, day: str, parked_topic: str) -> tuple[int, int]:
    """Run one meeting: circulate, start, capture an action and a parked topic, finish
    returns the ids of the action and of the parked entry."""
    run("export", "agenda", str(meeting_id), "-o", os.devnull, "--force",
        "--circulate", **at(day, "08:40")).ok()  # fmt: skip
    started = run("run", "start", str(meeting_id), "--json", **at(day, "09:00"))
    assert started.code == 0  # warnings (if any) on stderr, the state on stdout
    state = started.json()
    assert state["status"] == "running" and isinstance(state["warnings"], list)
    captured = run(
        "run", "capture", str(meeting_id), "/a @王芳 下周五 提交回款计划", "--json",
        **at(day, "09:05"),
    ).ok().json()  # fmt: skip
    parked = run("run", "capture", str(meeting_id), f"/p {parked_topic}", "--json",
                 **at(day, "09:06")).ok().json()  # fmt: skip
    return captured["action_id"], parked["entry_id"]


def test_two_weekly_cycles_from_the_cli(org, db: Path) -> None:
    run = org
    for title in ITEMS:
        run("agenda", "add", "1", title, "--minutes", "10").ok()
    run("invite", "1", "张伟", "王芳", "Li Ming").ok()

    # -- week 1: the review item is done, Pipeline skipped, 预算 parked, 新客户 the last
    # item reached, 展会计划 never reached; a topic parked to the next meeting.
    day = "2026-11-30"
    action_id, entry_id = hold(run, 1, day, "华东区展会预算")
    run("run", "next", "1", **at(day, "09:10")).ok()
    run("run", "skip", "1", **at(day, "09:12")).ok()
    run("run", "park", "1", **at(day, "09:14")).ok()
    ended = run("run", "end", "1", "--json", **at(day, "09:30")).ok().json()
    assert ended["status"] == "ended" and ended["scribe"]["name"] == "张伟"
    run("run", "park-resolve", str(entry_id), "next").ok()
    run("run", "confirm", "1").ok()

    made = run("meeting", "next", "1", "--json").ok().json()
    second = made["id"]
    assert made["created"] is True and made["status"] == "draft"
    assert made["scheduled_start"].startswith("2026-12-07T09:00")  # a week on
    review_title = "Review of open actions"
    assert agenda(run, second) == [
        (review_title, 0, False),
        ("回款计划", 0, True),  # finished: standing items of the series from now on
        ("新客户", 0, True),
        ("Pipeline review", 1, False),  # skipped
        ("预算", 1, False),  # parked
        ("展会计划", 1, False),  # never reached
        ("华东区展会预算", 1, False),  # parked topic sent to the next meeting
    ]
    # Asking again opens the same meeting: never two next meetings.
    again = run("meeting", "next", "1").ok()
    assert again.out.startswith(f"Already planned: meeting {second}:")

    # -- week 2: review last week's action (carried once); 预算 skipped again, the
    # parked topic parked again, the rest reached.
    day = "2026-12-07"
    action2, entry2 = hold(run, second, day, "经销商返利")
    review = run("run", "review", str(second), "--json").ok().json()
    assert [(r["id"], r["carried_count"]) for r in review] == [(action_id, 1)]
    run("run", "review", str(second), str(action_id), "open", "--note", "进行中").ok()
    run("run", "next", str(second), **at(day, "09:10")).ok()  # review item done
    run("run", "next", str(second), **at(day, "09:12")).ok()  # 回款计划
    run("run", "next", str(second), **at(day, "09:14")).ok()  # 新客户
    run("run", "next", str(second), **at(day, "09:16")).ok()  # Pipeline review
    run("run", "skip", str(second), **at(day, "09:18")).ok()  # 预算
    run("run", "next", str(second), **at(day, "09:20")).ok()  # 展会计划
    run("run", "park", str(second), **at(day, "09:22")).ok()  # 华东区展会预算
    run("run", "end", str(second), **at(day, "09:40")).ok()
    run("run", "park-resolve", str(entry2), "dropped").ok()
    run("run", "confirm", str(second)).ok()

    third = run("meeting", "next", str(second), "--start", "2026-12-14 10:00", "--json")
    third_id = third.ok().json()["id"]
    assert third.json()["scheduled_start"].startswith("2026-12-14T10:00")
    assert agenda(run, third_id) == [
        (review_title, 0, False),
        ("回款计划", 0, True),
        ("新客户", 0, True),
        ("预算", 2, False),
        ("华东区展会预算", 2, False),
    ]
    run("run", "start", str(third_id), **at("2026-12-14", "10:00"))
    review = run("run", "review", str(third_id), "--json").ok().json()
    assert [(r["id"], r["carried_count"]) for r in review] == [
        (action_id, 2), (action2, 1)
    ]  # fmt: skip


def _carried_three_times(db: Path) -> tuple[int, int]:
    """Meeting 1 ended; an earlier action of its series carried 3 times; one agenda item
    carried 3 times left unfinished. Returns (action id, agenda item id)."""
    store = open_store(db)
    try:
        svc = Services(store, FixedClock(datetime.fromisoformat("2026-11-27T08:30:00+08:00")))
        from salestui.core.planning import Planning

        svc.add_agenda_item(1, "开场", minutes=5)  # the item running when it ends
        item = svc.add_agenda_item(1, "华东区回款", minutes=10)
        item.carried_count = 3
        store.update_agenda_item(item)
        series = Planning(svc).make_recurring(1, "weekly")
        earlier = svc.new_meeting("上周例会", purpose="Review", kind="weekly")
        earlier.series_id = series.id
        store.update_meeting(earlier)
        old = svc.add_action("拜访苏州客户", owners=[3], meeting_id=earlier.id)
        for _ in range(3):
            store.increment_carried([old.id])
        return old.id, item.id
    finally:
        store.close()


def test_must_resolve_cannot_be_bypassed_in_the_cli(org, db: Path) -> None:
    run = org
    action_id, item_id = _carried_three_times(db)
    run("run", "start", "1", **at("2026-11-30", "09:00"))
    assert run("run", "review", "1", "--json").ok().json()[0]["carried_count"] == 4
    refused = run("run", "review", "1", str(action_id), "open")
    line = refused.assert_one_line_error(1)
    assert "Carried 4 times: it must be resolved now" in line
    run("run", "end", "1", **at("2026-11-30", "09:30")).ok()

    blocked = run("run", "confirm", "1")
    assert blocked.assert_one_line_error(1).startswith("Error: Meeting 1 cannot be confirmed")
    assert f"salestui run review 1 {action_id} done|new_due|drop|escalate" in blocked.out
    assert f"salestui run drop-item {item_id}" in blocked.out

    run("run", "review", "1", str(action_id), "new_due", "--due", "2026-12-11").ok()
    assert run("run", "confirm", "1").code == 1  # the agenda item is still open
    run("run", "drop-item", str(item_id)).ok()
    run("run", "confirm", "1").ok()
    made = run("meeting", "next", "1", "--json").ok().json()
    titles = [i[0] for i in agenda(run, made["id"])]
    assert "华东区回款" not in titles  # dropped: never carried again


def test_meeting_next_refuses_bad_input(org, db: Path) -> None:
    run = org
    assert "No meeting" in run("meeting", "next", "99").assert_one_line_error(1)
    not_held = run("meeting", "next", "1").assert_one_line_error(1)
    assert "Meeting 1 has not been held yet" in not_held
    run("run", "start", "1", **at("2026-11-30", "09:00"))
    run("run", "end", "1", **at("2026-11-30", "09:30")).ok()
    run("meeting", "next", "1", "--start", "someday-never").assert_one_line_error(2)
    made = run("meeting", "next", "1", "--cadence", "biweekly", "--json").ok().json()
    assert made["scheduled_start"].startswith("2026-12-14T09:00")
    refused = run("meeting", "next", "1", "--cadence", "weekly")
    assert "already recurs" in refused.assert_one_line_error(2)
