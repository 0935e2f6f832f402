"""The weekly cycle: what one meeting of a series leaves open comes back on the next.

The next agenda is "Review of open actions", then the series' standing items, then the
carried items: agenda items the last held meeting skipped, parked or never reached, and
parking-lot entries its confirmation sent "to the next meeting". A carried item's count is
one more than the item it came from, so an item carried three times must be resolved
(``followup.must_resolve``). A standing item left unfinished comes back once: standing and
carried (its count rises too), never twice.
"""

from __future__ import annotations

from datetime import UTC, datetime

from salestui.core.models import (
    AgendaItem,
    AgendaKind,
    AgendaStatus,
    Cadence,
    EntryKind,
    Meeting,
    MeetingKind,
    MeetingStatus,
)
from salestui.core.store import Store
from salestui.i18n import N_

REVIEW_ITEM_TITLE = N_("Review of open actions")  # the first item of every next meeting

# Agenda items left in these states when a meeting ends come back on the next one.
CARRY_STATUSES = (AgendaStatus.PENDING, AgendaStatus.ACTIVE, AgendaStatus.SKIPPED,
                  AgendaStatus.PARKED)  # fmt: skip
HELD = (MeetingStatus.ENDED, MeetingStatus.CONFIRMED)
PARKED_TOPIC_MINUTES = 5

# A meeting that is not yet part of a series recurs, when asked for its next meeting, at
# the cadence its kind usually has (DOMAIN.md, "The meetings they hold").
KIND_CADENCE: dict[MeetingKind, Cadence] = {
    MeetingKind.DAILY: Cadence.DAILY,
    MeetingKind.WEEKLY: Cadence.WEEKLY,
    MeetingKind.LEADERSHIP: Cadence.MONTHLY,
    MeetingKind.CONSULTATION: Cadence.WEEKLY,
    MeetingKind.COORDINATION: Cadence.WEEKLY,
    MeetingKind.OTHER: Cadence.WEEKLY,
}


def last_held(store: Store, series_id: int) -> Meeting | None:
    """The latest ended or confirmed meeting of a series: the one the next carries from."""
    held = [m for m in store.list_meetings(series_id=series_id, descending=True)
            if m.status in HELD]  # fmt: skip
    return held[0] if held else None


def planned_after(store: Store, meeting: Meeting) -> Meeting | None:
    """The nearest meeting of the same series after ``meeting``, whatever its state: once
    the next meeting exists (planned, running or held), it is *the* next meeting - making
    another would carry the same open items a second time."""
    if meeting.series_id is None:
        return None
    later = [
        other
        for other in store.list_meetings(series_id=meeting.series_id)
        if other.id != meeting.id and _later(other, meeting)
    ]
    return min(later, key=_order) if later else None


def _order(meeting: Meeting) -> tuple[datetime, int]:
    start = meeting.scheduled_start or datetime.max.replace(tzinfo=UTC)
    return start, meeting.id or 0


def _later(other: Meeting, meeting: Meeting) -> bool:
    if other.scheduled_start is None or meeting.scheduled_start is None:
        return (other.id or 0) > (meeting.id or 0)
    return other.scheduled_start > meeting.scheduled_start


def left_open(item: AgendaItem, review_title: str) -> bool:
    return item.status in CARRY_STATUSES and item.title != review_title


def add_next_agenda(
    store: Store,
    meeting_id: int,
    series_items: list[dict],
    held: Meeting | None,
    review_title: str,
) -> None:
    """Write the standing and carried items of a new meeting (after the review item)."""
    previous = store.list_agenda(held.id) if held is not None and held.id is not None else []
    unfinished_standing = {
        i.title: i for i in previous if i.standing and left_open(i, review_title)
    }
    for row in series_items:
        source = unfinished_standing.pop(row["title"], None)
        store.add_agenda_item(
            AgendaItem(
                meeting_id=meeting_id,
                title=row["title"],
                timebox_minutes=row["timebox_minutes"],
                presenter_id=row["presenter_id"],
                kind=AgendaKind(row["kind"]),
                standing=True,
                carried_from=held.id if source is not None and held is not None else None,
                carried_count=source.carried_count + 1 if source is not None else 0,
                confidential=source.confidential if source is not None else False,
            )
        )
    if held is None or held.id is None:
        return
    for item in previous:
        # A standing item no longer in the series' defaults is carried like any other.
        if left_open(item, review_title) and (not item.standing or item.title in
                                              unfinished_standing):  # fmt: skip
            store.add_agenda_item(
                AgendaItem(
                    meeting_id=meeting_id,
                    title=item.title,
                    timebox_minutes=item.timebox_minutes,
                    presenter_id=item.presenter_id,
                    kind=item.kind,
                    carried_from=held.id,
                    carried_count=item.carried_count + 1,
                    confidential=item.confidential,
                )
            )
    for entry in store.list_entries(held.id):
        if entry.kind == EntryKind.PARK and entry.disposition == "next":
            store.add_agenda_item(
                AgendaItem(
                    meeting_id=meeting_id,
                    title=entry.text,
                    timebox_minutes=PARKED_TOPIC_MINUTES,
                    kind=AgendaKind.DISCUSSION,
                    carried_from=held.id,
                    carried_count=1,
                    confidential=entry.confidential,
                )
            )


# A meeting planned ahead of the one before it still takes what that one leaves open.
NOT_STARTED = (MeetingStatus.DRAFT, MeetingStatus.CIRCULATED)


def carry_into_planned(
    store: Store, held: Meeting, following: Meeting, review_title: str
) -> Meeting | None:
    """What ``held`` left open, carried into ``following`` - the next meeting of its series
    (``planned_after``), planned before ``held`` ended - unless that one has started: its
    open agenda items, and the parked topics sent "to the next meeting". A standing item
    already on it becomes carried as well. Carrying twice adds nothing. Returns the
    meeting carried into."""
    if following.id is None or following.status not in NOT_STARTED:
        return None
    assert held.id is not None
    present = store.list_agenda(following.id)
    carried = {i.title for i in present if i.carried_from == held.id}
    standing = {i.title: i for i in present if i.standing and i.carried_from is None}
    for item in store.list_agenda(held.id):
        if not left_open(item, review_title) or item.title in carried:
            continue
        if item.title in standing:
            mark = standing[item.title]
            mark.carried_from, mark.carried_count = held.id, item.carried_count + 1
            mark.confidential = mark.confidential or item.confidential
            store.update_agenda_item(mark)
            continue
        store.add_agenda_item(
            AgendaItem(
                meeting_id=following.id, title=item.title,
                timebox_minutes=item.timebox_minutes, presenter_id=item.presenter_id,
                kind=item.kind, carried_from=held.id, carried_count=item.carried_count + 1,
                confidential=item.confidential,
            )
        )  # fmt: skip
    for entry in store.list_entries(held.id):
        if entry.kind == EntryKind.PARK and entry.disposition == "next":
            if entry.text not in carried:
                store.add_agenda_item(
                    AgendaItem(
                        meeting_id=following.id, title=entry.text,
                        timebox_minutes=PARKED_TOPIC_MINUTES, kind=AgendaKind.DISCUSSION,
                        carried_from=held.id, carried_count=1, confidential=entry.confidential,
                    )
                )  # fmt: skip
    return following
