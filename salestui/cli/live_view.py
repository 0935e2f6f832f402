"""How ``salestui run`` shows a live meeting: timers, agenda items, what is left to settle.

Pure formatting on the core's ``LiveState``; imported only when a ``run`` command runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import click

from salestui.cli.common import local_moment, services
from salestui.i18n import _

if TYPE_CHECKING:
    from salestui.core.meeting import ItemTime, LiveMeeting, LiveState
    from salestui.core.service import MeetingDetail


TAKE_OVER = "salestui.take_over"  # click context meta: `salestui run --take-over`


def live() -> LiveMeeting:
    """The live-meeting service as "me"; with ``run --take-over`` a change to a meeting
    another scribe holds takes it over, and the command says so on stderr."""
    from salestui.core.meeting import LiveMeeting

    context = click.get_current_context()
    meeting = LiveMeeting(services(), take_over=bool(context.meta.get(TAKE_OVER)))

    def report() -> None:
        previous = meeting.scribes.took_over_from
        me = meeting.services.me()
        if previous is not None and me is not None:
            click.echo(
                _("Took over as scribe from {previous}; {name} records this meeting now").format(
                    previous=previous.name, name=me.name
                ),
                err=True,
            )

    context.call_on_close(report)
    return meeting


def whole_minutes(delta: timedelta) -> int:
    """Seconds to whole minutes by the one rule of ``core.timing`` (imported when used)."""
    from salestui.core.timing import whole_minutes as rule

    return rule(delta)


def clock(delta: timedelta) -> str:
    """``7:05`` or ``1:02:03``; negative with a leading minus."""
    seconds = int(delta.total_seconds())
    sign = "-" if seconds < 0 else ""
    hours, rest = divmod(abs(seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{seconds:02d}"
    return f"{sign}{minutes}:{seconds:02d}"


def local_time(moment: Any) -> str:
    return moment.astimezone().strftime("%H:%M") if moment is not None else "-"


def item_number(state: LiveState, timed: ItemTime) -> int:
    return next(n for n, t in enumerate(state.items, 1) if t.item.id == timed.item.id)


def item_title(state: LiveState, timed: ItemTime) -> str:
    """``2. 回款计划 (王芳)``."""
    title = _("{number}. {title}").format(number=item_number(state, timed), title=timed.item.title)
    presenter_id = timed.item.presenter_id
    people = services().people_by_id()
    if presenter_id is not None and presenter_id in people:
        title = _("{item} ({presenter})").format(item=title, presenter=people[presenter_id].name)
    return title


def item_timing(timed: ItemTime) -> str:
    """``3:00 of 10 min, 7:00 left`` or ``12:30 of 10 min, over by 2:30``."""
    if timed.overrun:
        return _("{elapsed} of {planned} min, over by {over}").format(
            elapsed=clock(timed.elapsed),
            planned=timed.allowed_minutes,
            over=clock(timed.elapsed - timed.allowed),
        )
    return _("{elapsed} of {planned} min, {left} left").format(
        elapsed=clock(timed.elapsed),
        planned=timed.allowed_minutes,
        left=clock(timed.remaining),
    )


def now_line(state: LiveState) -> str:
    """What is running now, for the commands that move along the agenda."""
    if state.current is None:
        if state.meeting.status.value != "running":
            return _("The meeting is not running")
        return _("No item is running; the agenda is done. End with: salestui run end {id}").format(
            id=state.meeting.id
        )
    return _("Now: {item} - {timing}").format(
        item=item_title(state, state.current), timing=item_timing(state.current)
    )


def meeting_clock(state: LiveState) -> str:
    """``Meeting 0:35:00 · started 09:05 (5 min late) · planned end 10:05 · projected end
    10:12``."""
    meeting = state.meeting
    if meeting.actual_start is None:
        scheduled = local_moment(meeting.scheduled_start)
        return _("Not started (scheduled {time})").format(time=scheduled)
    parts = [_("Meeting {elapsed}").format(elapsed=clock(state.elapsed))]
    started = _("started {time}").format(time=local_time(meeting.actual_start))
    late = whole_minutes(state.late_by)
    if late >= 1:
        started = _("{text} ({minutes} min late)").format(text=started, minutes=late)
    parts.append(started)
    if meeting.actual_end is not None:
        parts.append(_("ended {time}").format(time=local_time(meeting.actual_end)))
    elif state.planned_end is not None:
        parts.append(_("planned end {time}").format(time=local_time(state.planned_end)))
        if state.projected_end is not None:
            projected = _("projected end {time}").format(time=local_time(state.projected_end))
            over = whole_minutes(state.projected_end - state.planned_end)
            if over >= 1:
                projected = _("{text} (+{minutes} min)").format(text=projected, minutes=over)
            parts.append(projected)
    return " · ".join(parts)


def item_json(state: LiveState, timed: ItemTime) -> dict[str, Any]:
    item = timed.item
    people = services().people_by_id()
    presenter = people.get(item.presenter_id) if item.presenter_id else None
    return {
        "id": item.id,
        "number": item_number(state, timed),
        "title": item.title,
        "presenter": presenter.name if presenter else None,
        "timebox_minutes": item.timebox_minutes,
        "extended_minutes": item.extended_minutes,
        "status": item.status,
        "elapsed_seconds": int(timed.elapsed.total_seconds()),
        "remaining_seconds": int(timed.remaining.total_seconds()),
        "overrun": timed.overrun,
        "phase": timed.phase,
    }


def dominant_message(share: Any) -> str:
    return _("{name} has held {share}% of the speaking time; let others speak").format(
        name=share.person.name, share=round(share.share * 100)
    )


def status_json(state: Any, detail: Any, balance: Any, questions: list[str]) -> dict[str, Any]:
    meeting = state.meeting
    people = detail.people
    return {
        "id": meeting.id,
        "title": meeting.title,
        "status": meeting.status,
        "now": state.now,
        "scheduled_start": meeting.scheduled_start,
        "planned_minutes": meeting.planned_minutes,
        "actual_start": meeting.actual_start,
        "actual_end": meeting.actual_end,
        "elapsed_seconds": int(state.elapsed.total_seconds()),
        "late_seconds": int(state.late_by.total_seconds()),
        "planned_end": state.planned_end,
        "projected_end": state.projected_end,
        "current": item_json(state, state.current) if state.current else None,
        "agenda": [item_json(state, timed) for timed in state.items],
        "attendance": [
            {
                "id": a.person.id,
                "name": a.person.name,
                "required": a.required,
                "status": a.status,
                "arrived_at": a.arrived_at,
            }
            for a in detail.attendees
        ],
        "speaking": {
            "now": people[balance.speaking_now].name if balance.speaking_now in people else None,
            "shares": [
                {"name": s.person.name, "seconds": int(s.seconds), "share": round(s.share, 3)}
                for s in balance.shares
            ],
            "dominant": balance.dominant.person.name if balance.dominant else None,
        },
        "entries": sum(1 for e in detail.entries if not e.deleted),
        "open_questions": questions,
    }


# -- what is left to settle before confirmation ---------------------------------------------


@dataclass
class Pending:
    """One open question with the id and the command that answers it."""

    what: str
    command: str


def _shown(text: str, confidential: bool) -> str:
    """The words, after the app's confidential marker when they are confidential."""
    from salestui.core.export.confidential import mark

    return mark(text) if confidential else text


def pending(detail: MeetingDetail) -> list[Pending]:
    """The same questions as ``LiveMeeting.open_questions``, each with its id and command."""
    from salestui.core.models import DecisionStatus, EntryKind

    found = []
    for decision in detail.decisions:
        if decision.status == DecisionStatus.PROPOSED:
            found.append(
                Pending(
                    _("decision {id} not confirmed: {text}").format(
                        id=decision.id, text=_shown(decision.text, decision.confidential)
                    ),
                    f"salestui run decide {decision.id} confirmed|rejected",
                )
            )
    for action in detail.actions:
        if action.status.is_closed or action.unassigned_ok:
            continue
        if not action.owner_ids:
            what = _("action {id} has no owner: {text}")
            command = f"salestui run settle {action.id} --owner NAME --due DATE | --unassigned"
        elif action.due is None:
            what = _("action {id} has no due date: {text}")
            command = f"salestui run settle {action.id} --due DATE | --unassigned"
        else:
            continue
        text = _shown(action.title, action.confidential)
        found.append(Pending(what.format(id=action.id, text=text), command))
    for entry in detail.entries:
        if entry.kind == EntryKind.PARK and entry.disposition is None and not entry.deleted:
            found.append(
                Pending(
                    _("parked entry {id} not resolved: {text}").format(
                        id=entry.id, text=_shown(entry.text, entry.confidential)
                    ),
                    f"salestui run park-resolve {entry.id} next|action|dropped",
                )
            )
    return found


def pending_lines(live_meeting: LiveMeeting, meeting_id: int) -> list[str]:
    """Printable lines of what is left to settle (empty when the meeting can be confirmed)."""
    questions = live_meeting.open_questions(meeting_id)
    if not questions:
        return []
    found = pending(services().meeting_detail(meeting_id))
    for row in live_meeting.must_resolve_actions(meeting_id):
        what = _("action {id} carried {count} times must be resolved: {text}")
        command = f"salestui run review {meeting_id} {row.id} done|new_due|drop|escalate"
        text = _shown(row.title, row.confidential)
        found.append(Pending(what.format(id=row.id, count=row.carried_count, text=text),
                             command))  # fmt: skip
    for item in live_meeting.must_resolve_items(meeting_id):
        what = _("agenda item {id} carried {count} times must be resolved: {text}")
        command = f"salestui run drop-item {item.id}"
        text = _shown(item.title, item.confidential)
        found.append(Pending(what.format(id=item.id, count=item.carried_count, text=text),
                             command))  # fmt: skip
    if len(found) != len(questions):  # the core knows best: show its own words
        return [f"  - {q}" for q in questions]
    return [f"  - {p.what}\n      {p.command}" for p in found]
