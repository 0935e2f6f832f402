"""salestui run: a whole meeting run and confirmed headless, then its minutes exported.

The clock is set per command (SALESTUI_NOW) so timers, lateness and overruns are exact.
The organisation (tests/cli/conftest.py): 张伟 (1, director), 王芳 (2, lead), Li Ming (3,
member); meeting 1 = 周例会, Mon 2026-11-30 09:00, 60 min, chaired by 张伟.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.core.service import Services


def at(hhmm: str) -> dict[str, str]:
    """The environment for a command run on Mon 2026-11-30 at ``hhmm`` in Shanghai."""
    return {"SALESTUI_NOW": f"2026-11-30T{hhmm}:00+08:00"}


def prepare(db: Path) -> int:
    """Agenda and invitations for meeting 1, and an open action from an earlier meeting
    owned by Li Ming (to review). Returns that action's id."""
    store = open_store(db)
    try:
        svc = Services(store, FixedClock(datetime.fromisoformat("2026-11-27T08:30:00+08:00")))
        svc.add_agenda_item(1, "回款计划", minutes=10, presenter=2)
        svc.add_agenda_item(1, "Pipeline review", minutes=15, presenter=3)
        svc.add_agenda_item(1, "预算", minutes=20)
        svc.invite(1, [1, 2, 3])
        earlier = svc.new_meeting("上周例会", purpose="Review", kind="weekly")
        old = svc.add_action("拜访苏州客户", owners=[3], meeting_id=earlier.id)
        assert old.id is not None
        return old.id
    finally:
        store.close()


def test_a_whole_meeting_headless(org, db: Path, tmp_path: Path) -> None:
    run = org
    old_action = prepare(db)

    # Start: the chair is warned (stderr) and starts anyway.
    started = run("run", "start", "1", **at("09:03"))
    assert started.code == 0, started.err
    assert started.err_lines == [
        "Warning: The agenda was never circulated to participants",
        "Warning: Required attendees not marked present: 张伟, 王芳, Li Ming",
    ]
    assert started.out.splitlines() == [
        "Started meeting 1: 周例会 at 09:03 (3 min late)",
        "Now: 1. 回款计划 (王芳) - 0:00 of 10 min, 10:00 left",
        "1 previous actions to review: salestui run review 1",
    ]

    # Attendance and the review of earlier actions (independent: run side by side).
    to_review, present = run.many(
        ("run", "review", "1", "--json"),
        ("run", "attend", "1", "张伟", "wf", "present"),
    )
    assert [row["id"] for row in to_review.ok().json()] == [old_action]
    assert present.ok().out.splitlines() == ["张伟: present", "王芳: present"]
    reviewed = run(
        "run", "review", "1", str(old_action), "new_due", "--due", "下周五", "--note", "客户推迟",
        **at("09:05"),
    ).ok()  # fmt: skip
    assert reviewed.out.strip() == (
        f"Reviewed action {old_action} (new due date 2026-12-11): 拜访苏州客户"
    )
    late = run("run", "attend", "1", "li", "late", **at("09:06")).ok()
    assert late.out.strip() == "Li Ming: late (arrived 09:06)"

    # Capture on item 1: notes, decisions and actions in Chinese and English.
    lines = {
        "note": "华东区回款完成 85%，差额主要在苏州",
        "decision_zh": "决定：华东区下季度采用新报价",
        "action_zh": "/a @王芳 下周五 提交华东区回款计划 p1",
        "decision_en": "/d Use the new price list from December",
        "action_en": "/a @li @wf send the deck to Huawei due:fri",
        "unowned": "/a 整理客户名单",
        "link": "https://example.com/q4-report",
        "parked": "/p 讨论预算分配",
        "topic": "/t 渠道冲突",
    }
    saved = {}
    for key, line in lines.items():
        words = line.split() if key == "decision_en" else [line]  # unquoted words: one line
        saved[key] = run("run", "capture", "1", *words, "--json", **at("09:08")).ok().json()
    assert saved["note"]["kind"] == "note" and saved["note"]["preview"] == "Note"
    assert saved["decision_zh"]["decision_id"] is not None
    assert saved["action_zh"]["preview"] == "Action -> 王芳, due Fri 11 Dec, p1"
    assert saved["action_zh"]["due"] == "2026-12-11" and saved["action_zh"]["action_id"]
    assert saved["action_en"]["owners"] == ["Li Ming", "王芳"]
    assert saved["action_en"]["due"] == "2026-12-04"
    assert saved["unowned"]["preview"] == "Action -> Unassigned"
    assert saved["link"]["kind"] == "link" and saved["parked"]["kind"] == "park"
    assert saved["topic"]["new_agenda_item_id"] is not None

    # Lines that do not parse: exit 2, one line on stderr, nothing saved.
    bad = run.many(
        ("run", "capture", "1", "/a @nobody call the client"),
        ("run", "capture", "1", "/a @wf due:someday-never x"),
        ("run", "capture", "1", "/zz hello"),
    )
    errors = [result.assert_one_line_error(2) for result in bad]
    assert "nobody" in errors[0] and "someday-never" in errors[1] and "/zz" in errors[2]

    # Speaking, overrun, next, extend, park.
    run("run", "speak", "1", "张伟", **at("09:06")).ok()
    spoke = run("run", "speak", "1", "wf", **at("09:16"))
    assert spoke.out.strip() == "Speaking now: 王芳"
    moved = run("run", "next", "1", **at("09:20")).ok().out.splitlines()
    assert moved == [
        "Finished 1. 回款计划 (王芳) - 17:00 of 10 min, over by 7:00",
        "Now: 2. 渠道冲突 - 0:00 of 5 min, 5:00 left",
    ]
    on_topic = run("run", "capture", "1", "Li Ming: 经销商互相压价", **at("09:21")).ok()
    assert on_topic.out.strip() == "Saved entry 10: Note"  # the bad lines saved nothing
    run("run", "next", "1", **at("09:25")).ok()
    shorter = run("run", "extend", "1", "-5", **at("09:25")).ok().out.strip()
    assert (
        shorter == "3. Pipeline review (Li Ming): 15 min planned, extended by -5 - 0:00 of 10 min, "
        "10:00 left"
    )
    parked = run("run", "park", "1", **at("09:26")).ok().out.splitlines()
    assert parked == [
        "Parked 3. Pipeline review (Li Ming) - 1:00 of 10 min, 9:00 left",
        "Now: 4. 预算 - 0:00 of 20 min, 20:00 left",
    ]

    status = run("run", "status", "1", "--json", **at("09:30")).ok().json()
    assert status["status"] == "running" and status["late_seconds"] == 180
    assert status["elapsed_seconds"] == 27 * 60
    assert status["current"]["title"] == "预算" and status["current"]["remaining_seconds"] == 960
    assert status["projected_end"] == "2026-11-30T09:46:00+08:00"
    assert status["planned_end"] == "2026-11-30T10:03:00+08:00"
    assert [(i["title"], i["status"], i["overrun"]) for i in status["agenda"]] == [
        ("回款计划", "done", True),
        ("渠道冲突", "done", False),
        ("Pipeline review", "parked", False),
        ("预算", "active", False),
    ]
    assert {a["name"]: a["status"] for a in status["attendance"]} == {
        "张伟": "present", "王芳": "present", "Li Ming": "late",
    }  # fmt: skip
    assert status["speaking"]["now"] == "王芳"
    assert status["speaking"]["dominant"] == "王芳"  # 14 of 24 min, after 10 minutes
    zh = run("run", "status", "1", SALESTUI_LANG="zh-CN", **at("09:30"))
    assert zh.code == 0 and zh.err_lines == ["警告：王芳 的发言已占 58%，请让其他人也发言"]
    for expected in (
        "会议 1：周例会（进行中）",
        "会议已进行 27:00 · 09:03 开始（迟了 3 分钟） · 计划 10:03 结束 · 预计 09:46 结束",
        "当前：4. 预算 - 已用 4:00（限 20 分钟），剩 16:00",
        "17:00（超时 7:00）",
        "出席：张伟（出席）、王芳（出席）、Li Ming（迟到）",
    ):
        assert expected in zh.out, (expected, zh.out)

    # End: what must still be settled, with the commands that settle it.
    ended = run("run", "end", "1", **at("09:45")).ok().out
    decision_zh = saved["decision_zh"]["decision_id"]
    decision_en = saved["decision_en"]["decision_id"]
    unowned = saved["unowned"]["action_id"]
    parked_entry = saved["parked"]["entry_id"]
    assert ended.splitlines()[0] == "Ended meeting 1: 周例会 at 09:45 (42 of 60 min)"
    assert "Still to settle before confirming (4):" in ended
    assert f"salestui run decide {decision_zh} confirmed|rejected" in ended
    assert f"action {unowned} has no owner: 整理客户名单" in ended
    assert f"salestui run park-resolve {parked_entry} next|action|dropped" in ended

    refused = run("run", "confirm", "1", SALESTUI_LANG="zh-CN")
    line = refused.assert_one_line_error(1)
    assert line == "错误：会议 1 还不能确认：尚有 4 项未处理（见上）"
    assert f"决定 {decision_en} 尚未确认：Use the new price list from December" in refused.out

    settled = run.many(
        ("run", "decide", str(decision_zh), "confirmed"),
        ("run", "decide", str(decision_en), "rejected"),
        ("run", "settle", str(unowned), "--owner", "张伟", "--due", "2026-12-31"),
        ("run", "park-resolve", str(parked_entry), "next"),
    )
    assert [r.ok().out.strip() for r in settled] == [
        f"Decision {decision_zh} (confirmed): 华东区下季度采用新报价",
        f"Decision {decision_en} (rejected): Use the new price list from December",
        f"Action {unowned}: 整理客户名单 - owner: 张伟; due: 2026-12-31",
        f"Parked entry {parked_entry}: to the next meeting",
    ]
    confirmed = run("run", "confirm", "1", **at("09:55")).ok().out.splitlines()
    assert confirmed[:5] == [
        "Confirmed meeting 1: 周例会",
        "Time: 42 of 60 min (3 min late)",
        "Overrun: 回款计划 by 7 min",
        "Decisions: 1 confirmed, 1 rejected",
        "Actions: 3 (0 unassigned)",
    ]

    # The minutes hold everything that was captured and settled.
    target = tmp_path / "minutes.md"
    assert run("export", "minutes", "1", "-o", str(target)).ok().out.strip() == f"Wrote {target}"
    minutes = target.read_text(encoding="utf-8")
    for expected in (
        "# Minutes: 周例会 2026-11-30",
        "**Actual:** 2026-11-30 09:03-09:45 (42 min)",
        "**Late:** Li Ming (arrived 09:06)",
        "拜访苏州客户 (Li Ming): new due date 2026-12-11 - 客户推迟",
        "**Note:** 华东区回款完成 85%，差额主要在苏州",
        "**Decision:** 华东区下季度采用新报价 (confirmed)",
        "**Decision:** Use the new price list from December (rejected)",
        "**Action:** 提交华东区回款计划 - owner: 王芳; due: 2026-12-11",
        "**Action:** send the deck to Huawei - owner: Li Ming, 王芳; due: 2026-12-04",
        "**Link:** <https://example.com/q4-report>",
        "### 2. 渠道冲突",
        "Li Ming: 经销商互相压价",
        "| 整理客户名单 | 张伟 | 2026-12-31 | P2 |",
        "讨论预算分配 (to the next meeting)",
        "Agenda item parked: Pipeline review",
        "**Overrun:** 回款计划 by 7 min",
        "## Speaking balance",
    ):
        assert expected in minutes, expected
    by_person = minutes.split("## Action items by person")[1].split("## Parking lot")[0]
    assert by_person.count("send the deck to Huawei") == 2  # under both owners


def test_run_refuses_bad_input_and_wrong_states(org, db: Path) -> None:
    run = org
    prepare(db)
    not_running = run.many(
        ("run", "capture", "1", "too early"),
        ("run", "confirm", "1"),
        ("run", "status", "99"),
    )
    for result in not_running:
        result.assert_one_line_error(1)
    assert not_running[0].err.strip() == "Error: The meeting is not running"
    assert not_running[1].err.strip() == "Error: Only an ended meeting can be confirmed"
    assert not_running[2].err.strip() == "Error: No meeting with id 99"

    assert run("run", "start", "1").code == 0
    bad = run.many(
        ("run", "attend", "1", "wf", "nobody", "present"),
        ("run", "extend", "1", "999"),
        ("run", "settle", "1"),
        ("run", "review", "1", "1"),
        ("run", "review", "1", "1", "new_due"),
        ("run", "capture", "1", "   "),
    )
    for result in bad:
        result.assert_one_line_error(2)
    status = run("run", "status", "1", "--json").ok().json()
    assert [a["status"] for a in status["attendance"]] == ["invited"] * 3
    assert status["entries"] == 0 and status["current"]["timebox_minutes"] == 10
    again, shown = run.many(("run", "start", "1"), ("run", "status", "1"))
    assert again.assert_one_line_error(1) == "Error: The meeting is already running"
    assert shown.ok().out.splitlines()[0] == "Meeting 1: 周例会 (running)"
    assert "Now: 1. 回款计划 (王芳) - 0:00 of 10 min, 10:00 left" in shown.out


def test_one_scribe_from_the_command_line(org, db: Path) -> None:
    """The director starts meeting 1 and is its scribe; 王芳's changes are refused (one
    line, exit 1) until she takes it over with --take-over, which is said and recorded."""
    run = org
    prepare(db)
    assert run("run", "start", "1", **at("09:00")).code == 0  # warnings on stderr
    status = run("run", "status", "1", **at("09:01")).ok()
    assert "Scribe: 张伟" in status.out
    refused = run("--me", "王芳", "run", "capture", "1", "我来记", **at("09:02"))
    message = refused.assert_one_line_error(1)
    assert "张伟 is recording this meeting" in message
    assert run("run", "entries", "1", "--json").json() == []  # nothing was saved
    taken = run("--me", "王芳", "run", "--take-over", "capture", "1", "我来记", **at("09:03"))
    assert taken.code == 0, taken.err
    assert taken.err_lines == ["Took over as scribe from 张伟; 王芳 records this meeting now"]
    assert run("run", "status", "1", "--json").json()["scribe"]["name"] == "王芳"
    # Now the director is the one refused; the history holds both.
    run("run", "next", "1", **at("09:04")).assert_one_line_error(1)
    store = open_store(db)
    try:
        kinds = [(e["kind"], e["person_id"]) for e in store.meeting_events(1)]
    finally:
        store.close()
    assert kinds == [("started", 1), ("took_over", 2)]
