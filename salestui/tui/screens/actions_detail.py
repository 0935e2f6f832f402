"""The detail panel of the actions list: the whole item, why it ranks where it does, where
it came from, and its full history."""

from __future__ import annotations

from datetime import date, datetime

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from salestui.core.actions_service import ActionDetail
from salestui.core.dates import format_due
from salestui.core.followup import MUST_RESOLVE_AFTER, must_resolve
from salestui.core.journal import ItemChange
from salestui.core.journal_text import follow_up_what
from salestui.core.models import FollowUp, Person
from salestui.i18n import _, ngettext
from salestui.tui import labels


def when(moment: datetime | None, today: date) -> str:
    """``Mon 23 Nov 14:00`` in local time."""
    if moment is None:
        return "-"
    local = moment.astimezone()
    return f"{labels.short_date(local.date(), today)} {local:%H:%M}"


def _name(people: dict[int, Person], person_id: int | None) -> str:
    if person_id is None:
        return "-"
    person = people.get(person_id)
    return person.name if person else f"#{person_id}"


def follow_up_line(entry: FollowUp, people: dict[int, Person], today: date) -> Group:
    """One history entry: when, who, then (indented) what happened and the note."""
    head = Text()
    head.append(when(entry.at, today), style="bold")
    if entry.author_id is not None:
        head.append(f" · {_name(people, entry.author_id)}")
    text = Text()
    target = _name(people, entry.person_id)
    changes = [follow_up_what(entry.kind.value, target)]
    if entry.status is not None:
        changes.append(_("status → {status}").format(status=labels.action_status(entry.status)))
    if entry.new_due is not None:
        changes.append(_("due → {date}").format(date=labels.short_date(entry.new_due, today)))
    if entry.next_check_in is not None:
        changes.append(
            _("check in → {date}").format(date=labels.short_date(entry.next_check_in, today))
        )
    text.append(" · ".join(changes), style="italic")
    if entry.note:
        text.append("\n")
        text.append(entry.note)
    return Group(head, Padding(text, (0, 0, 0, 2)))


def _field(label: str, value: str, style: str = "") -> Text:
    """``Due: 3d overdue`` (with the colon the language uses)."""
    text = Text()
    text.append(_("{label}: ").format(label=label), style="dim")
    text.append(value, style=style)
    return text


def detail_renderable(detail: ActionDetail, today: date, error_style: str) -> Group:
    action = detail.action
    parts: list[RenderableType] = [Text(action.title, style="bold")]
    head = [f"#{action.id}", labels.action_status(action.status), labels.priority(action.priority)]
    parts.append(Text(" · ".join(head)))
    if action.due is not None:
        due = f"{format_due(action.due, today)} ({labels.short_date(action.due, today)})"
        overdue = action.due < today and not action.status.is_closed
        parts.append(_field(_("Due"), due, f"bold {error_style}" if overdue else ""))
    else:
        parts.append(_field(_("Due"), _("no due date")))
    owners = ", ".join(p.name for p in detail.owners) or _("(unassigned)")
    parts.append(_field(_("Owners"), owners))
    if action.waiting_on:
        parts.append(_field(_("Waiting on"), action.waiting_on))
    if action.blocked_by:
        parts.append(_field(_("Blocked by"), action.blocked_by))
    if action.tags:
        parts.append(_field(_("Tags"), " ".join(f"#{t}" for t in action.tags)))
    if action.next_follow_up:
        parts.append(_field(_("Next check-in"), labels.short_date(action.next_follow_up, today)))
    if action.completed_at:
        parts.append(_field(_("Completed"), when(action.completed_at, today)))
    parts.append(_field(_("Created"), when(action.created_at, today)))
    if action.carried_count:
        carried = ngettext(
            "carried over {n} time", "carried over {n} times", action.carried_count
        ).format(n=action.carried_count)
        if must_resolve(action.carried_count):
            carried += " · " + _("must resolve: {n}+ carries").format(n=MUST_RESOLVE_AFTER)
        flagged = must_resolve(action.carried_count)
        parts.append(Text(carried, style=f"bold {error_style}" if flagged else ""))
    parts.append(Text(""))
    parts.append(Text(_("Where it came from"), style="bold underline"))
    if detail.meeting is not None:
        start = detail.meeting.scheduled_start
        meeting = detail.meeting.title + (f" ({when(start, today)})" if start else "")
        parts.append(_field(_("Meeting"), meeting))
        if detail.agenda_item is not None:
            parts.append(_field(_("Agenda item"), detail.agenda_item.title))
        if detail.decision is not None:
            parts.append(_field(_("Decision"), detail.decision.text))
        parts.append(Text(_("g opens the meeting"), style="dim"))
    else:
        parts.append(Text(_("Not from a meeting"), style="dim"))
    parts.append(Text(""))
    score = detail.urgency.score
    parts.append(
        Text(_("Why it ranks here: urgency {score}").format(score=score), style="bold underline")
    )
    for reason in detail.urgency.reasons or [_("nothing pressing")]:
        parts.append(Text(f"  {reason}"))
    parts.append(Text(""))
    parts.append(Text(_("History"), style="bold underline"))
    parts.extend(history_lines(detail, today))
    return Group(*parts)


def change_line(change: ItemChange, today: date) -> Group:
    """A line of the history the follow-ups leave out (``Journal.item_changes``): who
    created the item, edited its title, priority or tags, or undid a change."""
    head = Text()
    head.append(when(change.at, today), style="bold")
    if change.person:
        head.append(f" · {change.person}")
    return Group(head, Padding(Text(change.what, style="italic"), (0, 0, 0, 2)))


def history_lines(detail: ActionDetail, today: date) -> list[RenderableType]:
    """Newest first: the follow-ups and the journal's own lines, each saying who."""
    dated: list[tuple[datetime, int, RenderableType]] = [
        (entry.at, 0, follow_up_line(entry, detail.people, today))
        for entry in detail.follow_ups
        if entry.at is not None
    ]
    dated += [(change.at, 1, change_line(change, today)) for change in detail.changes]
    dated.sort(key=lambda line: (line[0], line[1]))
    lines = [line for _at, _order, line in reversed(dated)]
    if not any(change.kind == "created" for change in detail.changes):
        created = _("{when} · created").format(when=when(detail.action.created_at, today))
        lines.append(Text(created, "dim"))
    return lines


class DetailPanel(VerticalScroll):
    """Scrolls on its own; the screen fills it from ``ActionsService.detail``."""

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(id="detail-body")

    def show(self, detail: ActionDetail | None, today: date, error_style: str) -> None:
        body = self.query_one("#detail-body", Static)
        if detail is None:
            body.update(Text(_("Nothing selected"), style="dim"))
            return
        body.update(detail_renderable(detail, today, error_style))
