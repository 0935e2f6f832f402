"""Property: any sequence of live edits, undone as many times, leaves the meeting's record
exactly as it was (every row of every table a live edit touches)."""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.core.errors import SalestuiError
from salestui.core.meeting import LiveMeeting
from salestui.core.models import EntryKind, MeetingKind, Role
from salestui.core.service import Services

NOW = datetime(2026, 11, 27, 8, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
TABLES = (
    "entries", "decisions", "action_items", "action_owners", "action_tags", "agenda_items",
    "attendance",
)  # fmt: skip
LINES = [
    "下周销售目标 提升两成", "/d 华东区报价统一上调3%", "/a @王芳 下周五 提交回款计划 p1 #回款",
    "/a 整理客户名单", "/p 展会预算", "/t 新客户开发", "https://crm.example.cn/a",
]  # fmt: skip

operations = st.lists(
    st.one_of(
        st.tuples(st.just("capture"), st.sampled_from(LINES)),
        st.tuples(st.just("convert"), st.sampled_from(["note", "decision", "action"])),
        st.tuples(st.just("edit"), st.sampled_from(LINES)),
        st.tuples(st.just("delete"), st.just("")),
        st.tuples(st.just("attend"), st.sampled_from(["present", "late", "absent"])),
        st.tuples(st.sampled_from(["next", "previous", "skip", "park"]), st.just("")),
        st.tuples(st.just("extend"), st.sampled_from(["5", "-5"])),
    ),
    min_size=1,
    max_size=12,
)


def _record(store) -> dict[str, list]:  # type: ignore[no-untyped-def]
    return {t: store._rows(f"SELECT * FROM {t} ORDER BY rowid") for t in TABLES}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=operations, pick=st.integers(min_value=0, max_value=50))
def test_undo_all_restores_the_record(ops, pick) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "p.db")
        try:
            services = Services(store, FixedClock(NOW))
            services.add_person("陈建国", Role.DIRECTOR)
            services.add_person("王芳", Role.LEAD, reports_to="陈建国")
            meeting = services.new_meeting("周例会", "回顾", MeetingKind.WEEKLY, NOW, 30)
            for title in ("上周业绩", "下周目标", "AOB"):
                services.add_agenda_item(meeting.id, title, 10)
            services.invite(meeting.id, ["王芳"])
            live = LiveMeeting(services)
            live.start(meeting.id)
            live.capture(meeting.id, "第一条记录")
            before = _record(store)
            wang = services.find_person("王芳").id
            done = 0
            for name, value in ops:
                entries = live.entries(meeting.id)
                entry = entries[pick % len(entries)] if entries else None
                count = store.count_undo(meeting.id)
                try:
                    if name == "capture":
                        live.capture(meeting.id, value)
                    elif name == "convert" and entry is not None:
                        live.convert_entry(entry.id, EntryKind(value))
                    elif name == "edit" and entry is not None:
                        live.edit_entry(entry.id, value)
                    elif name == "delete" and entry is not None:
                        live.delete_entry(entry.id)
                    elif name == "attend":
                        live.set_attendance(meeting.id, wang, value)
                    elif name == "extend":
                        live.extend(meeting.id, int(value))
                    elif name in ("next", "previous", "skip", "park"):
                        getattr(live, f"{name}_item")(meeting.id)
                except SalestuiError:
                    pass  # refused: nothing changed, nothing recorded
                done += store.count_undo(meeting.id) - count
            for _ in range(done):
                live.undo(meeting.id)
            assert _record(store) == before
        finally:
            store.close()
