"""Reports that span meetings: a team lead's digest and the director's decision register."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from salestui.core.dates import format_due
from salestui.core.export.agenda import KIND_LABELS
from salestui.core.export.confidential import mark
from salestui.core.export.markdown import Document, annotate, cell, inline, labelled
from salestui.core.export.minutes import DECISION_STATUS_LABELS
from salestui.core.models import (
    OPEN_STATUSES,
    ActionRow,
    ActionStatus,
    DecisionRow,
    MeetingKind,
    MeetingStatus,
)
from salestui.core.names import join_names
from salestui.core.service import Services
from salestui.core.store import ActionQuery
from salestui.i18n import N_, _

MAX_ROWS = 200  # per table; a digest is read by a person
REGISTER_ROWS = 100_000  # the register export is every decision
STATUS_LABELS = {
    ActionStatus.OPEN: N_("open"),
    ActionStatus.IN_PROGRESS: N_("in progress"),
    ActionStatus.WAITING: N_("waiting"),
    ActionStatus.BLOCKED: N_("blocked"),
    ActionStatus.DONE: N_("done"),
    ActionStatus.CANCELLED: N_("cancelled"),
}


def _action_table(doc: Document, rows: list[ActionRow], total: int, today: date) -> None:
    if not rows:
        doc.paragraph(_("(none)"))
        return
    doc.table(
        [_("Action"), _("Owners"), _("Due"), _("Priority"), _("Status"), _("Meeting")],
        [
            [
                cell(mark(r.title) if r.confidential else r.title),
                join_names([inline(o) for o in r.owners]) if r.owners else _("Unassigned"),
                annotate(r.due.isoformat(), _("({status})").format(status=format_due(r.due, today)))
                if r.due
                else "-",
                f"P{r.priority}",
                _(STATUS_LABELS[r.status]),
                cell(r.meeting_title),
            ]
            for r in rows
        ],
    )
    if total > len(rows):
        doc.paragraph(_("... and {n} more.").format(n=total - len(rows)))


def last_meeting_day(services: Services) -> date | None:
    """The day of the most recent meeting that was held (the digest's default "since")."""
    for meeting in services.store.list_meetings(
        start_before=services.clock.now(), descending=True, limit=50
    ):
        if meeting.status in (MeetingStatus.ENDED, MeetingStatus.CONFIRMED) and (
            meeting.scheduled_start
        ):
            return meeting.scheduled_start.astimezone().date()
    return None


def render_digest(
    services: Services,
    owner: str | None = None,
    team: str | None = None,
    since: date | None = None,
    include_confidential: bool = False,
) -> str:
    """Open, overdue, due-soon and recently done items of one person or one team
    (confidential items only with ``include_confidential``, marked)."""
    today = services.clock.today()
    since = since or last_meeting_day(services) or today - timedelta(days=7)
    base = services.action_query(owner=owner, team=team)
    base.no_confidential = not include_confidential
    scope = services.find_person(owner).name if owner else (team or _("the whole department"))
    doc = Document()
    doc.heading(1, _("Digest: {scope} {date}").format(scope=scope, date=today.isoformat()))
    doc.bullets(
        [
            labelled(_("Scope"), inline(scope)),
            labelled(_("Done since"), since.isoformat()),
        ]
    )
    store = services.store

    def section(title: str, **changes: object) -> None:
        query = services.action_query(owner=owner, team=team)
        query.no_confidential = not include_confidential
        for key, value in changes.items():
            setattr(query, key, value)
        total = store.count_actions(query)
        doc.heading(2, _("{title} ({n})").format(title=title, n=total))
        _action_table(doc, store.list_actions(query, limit=MAX_ROWS), total, today)

    section(_("Overdue"), statuses=list(OPEN_STATUSES), due_before=today)
    section(
        _("Due in the next 7 days"),
        statuses=list(OPEN_STATUSES),
        due_on_or_after=today,
        due_before=today + timedelta(days=8),
    )
    section(_("All open items"), statuses=list(OPEN_STATUSES))
    done_query = services.action_query(owner=owner, team=team)
    done_query.no_confidential = not include_confidential
    done_query.statuses = [ActionStatus.DONE]
    _done_since(doc, services, done_query, since, today)
    _latest_follow_ups(doc, services, base, since)
    return doc.render()


def _done_since(
    doc: Document, services: Services, query: ActionQuery, since: date, today: date
) -> None:
    """The digest's items of ``query`` completed on ``since`` or later."""
    done = [
        r
        for r in services.store.list_actions(query, limit=5000)
        if r.completed_at and r.completed_at.astimezone().date() >= since
    ]
    doc.heading(2, _("Done since {date} ({n})").format(date=since.isoformat(), n=len(done)))
    _action_table(doc, done[:MAX_ROWS], len(done), today)


def _latest_follow_ups(doc: Document, services: Services, base: ActionQuery, since: date) -> None:
    """The notes logged on the digest's items since the start of ``since``, newest first."""
    doc.heading(2, _("Latest follow-ups"))
    midnight = datetime.combine(since, time(0)).astimezone()
    follow_lines = [
        _("{date} {title}: {note}").format(
            date=follow_up.at.astimezone().strftime("%Y-%m-%d") if follow_up.at else "-",
            title=inline(title),
            note=inline(follow_up.note),
        )
        for follow_up, title in services.store.latest_follow_up_notes(base, midnight, MAX_ROWS)
    ]
    if follow_lines:
        doc.bullets(follow_lines)
    else:
        doc.paragraph(_("(none)"))


def render_decisions(
    services: Services,
    since: date | None = None,
    kind: MeetingKind | None = None,
    include_confidential: bool = False,
) -> str:
    """Every decision across meetings: date, meeting, status, whether its actions are
    done - "were our decisions carried out?" - and what superseded it."""
    from salestui.core.decisions import DecisionRegister

    kinds = {m.id: m.kind for m in services.store.list_meetings()}
    register = DecisionRegister(services)
    query = register.query(include_confidential=include_confidential)
    doc = Document()
    doc.heading(1, _("Decision register"))
    facts = []
    if since:
        facts.append(labelled(_("Since"), since.isoformat()))
    if kind:
        facts.append(labelled(_("Kind"), _(KIND_LABELS[kind])))
    doc.bullets(facts)
    rows = []
    for row in reversed(register.page(query, limit=REGISTER_ROWS).rows):
        day = row.when.astimezone().date() if row.when else None
        if (kind and kinds.get(row.meeting_id) != kind) or (since and (not day or day < since)):
            continue
        rows.append(
            [
                day.isoformat() if day else "-",
                cell(row.meeting_title),
                cell(_register_words(row, include_confidential)),
                _(DECISION_STATUS_LABELS[row.status]),
                _carried(row.actions, row.done),
            ]
        )
    if rows:
        doc.table([_("Date"), _("Meeting"), _("Decision"), _("Status"), _("Actions")], rows)
    else:
        doc.paragraph(_("No decisions."))
    return doc.render()


def _carried(total: int, done: int) -> str:
    if total == 0:
        return _("no actions")
    if done == total:
        return _("all {n} done").format(n=total)
    return _("{done} of {n} done").format(done=done, n=total)


def _register_words(row: DecisionRow, include_confidential: bool) -> str:
    words = mark(row.text) if row.confidential else row.text
    if row.superseded_by_id is not None:
        new = row.superseded_by_text or ""
        if row.superseded_by_confidential:
            new = mark(new) if include_confidential else _("a confidential decision")
        return _("{text} (superseded by “{new}”, {meeting})").format(
            text=words,
            new=new,
            meeting=row.superseded_by_meeting or "",
        )
    return words
