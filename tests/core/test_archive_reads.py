"""The archive reads each meeting in a few queries and everyone once (issue 14): its files
are byte for byte the minutes rendered one meeting at a time, in both languages, and the
batched reads give the same action items as reading them one by one."""

from __future__ import annotations

from pathlib import Path

import pytest

from salestui import i18n
from salestui.core.export.archive import export_archive
from salestui.core.export.minutes import render_minutes
from salestui.core.models import ActionItem
from salestui.core.service import Services
from salestui.core.store import Store
from salestui.demo import generate_demo


@pytest.fixture
def demo(services: Services, clock) -> Services:  # type: ignore[no-untyped-def]
    generate_demo(services.store, clock, seed=1, scale=300)  # the org, and 15 big meetings
    return services


def one_by_one(store: Store, meeting_id: int) -> list[ActionItem]:
    """A meeting's action items read one query per item and per list (the old way)."""
    actions = []
    for (action_id,) in store.db.execute(
        "SELECT id FROM action_items WHERE meeting_id = ? ORDER BY id", [meeting_id]
    ).fetchall():
        [row] = store._rows("SELECT * FROM action_items WHERE id = ?", [action_id])
        owners = store.db.execute(
            "SELECT person_id FROM action_owners WHERE action_id = ? ORDER BY position",
            [action_id],
        ).fetchall()
        tags = store.db.execute(
            "SELECT tag FROM action_tags WHERE action_id = ? ORDER BY tag", [action_id]
        ).fetchall()
        actions.append(
            ActionItem(**row, owner_ids=[o for (o,) in owners], tags=[t for (t,) in tags])
        )
    return actions


def test_batched_reads_equal_reading_one_by_one(demo: Services) -> None:
    store = demo.store
    for meeting in store.list_meetings():
        assert meeting.id is not None
        assert store.actions_of_meeting(meeting.id) == one_by_one(store, meeting.id)
    ids = [3, 1, 99_999, 2]
    assert [a.id for a in store.get_actions(ids)] == [1, 2, 3]  # by id, unknown left out
    assert store.get_actions([]) == []
    assert store.get_action(2) == store.get_actions([2])[0]


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_the_archive_is_each_meetings_minutes_byte_for_byte(
    demo: Services, tmp_path: Path, language: str
) -> None:
    i18n.set_language(language)
    result = export_archive(demo, tmp_path / "archive")
    by_name = {path.name: path for path in result.files}
    meetings = demo.store.list_meetings(descending=True)
    assert len(by_name) == len(meetings) + 1
    index = by_name["index.md"].read_text(encoding="utf-8").splitlines()
    names = [line.split("](<", 1)[1].rstrip(">)") for line in index if line.startswith("- [")]
    reviewed = spoken = 0
    for meeting, name in zip(meetings, names, strict=True):
        assert meeting.id is not None
        expected = render_minutes(demo, meeting.id)  # alone: everyone read for it
        assert by_name[name].read_bytes() == expected.encode("utf-8"), name
        reviewed += demo.store.reviewed_action_ids(meeting.id) != set()
        spoken += bool(demo.store.list_speaking(meeting.id))
    assert reviewed and spoken  # meetings that reviewed earlier actions, and timed speakers
