"""The minutes' section of a daily meeting (早会 / 夕会): the team's plan/report table -
per person the visits planned, made and reported, the amounts planned and reported - and
the planned visits left unreported. Other kinds of meeting have no such section."""

from __future__ import annotations

from salestui.core.day import DayService
from salestui.core.export.markdown import cell, inline
from salestui.core.export.minutes_parts import MinutesContext
from salestui.core.models import MeetingKind
from salestui.core.models.day import Tally, Visit
from salestui.core.numbers_amounts import format_amount
from salestui.i18n import _


def _row(name: str, tally: Tally) -> list[str]:
    return [
        name,
        str(tally.planned),
        str(tally.made),
        str(tally.reported),
        str(tally.unreported),
        format_amount(tally.planned_amount),
        format_amount(tally.order_amount),
        format_amount(tally.collection_amount),
    ]


def _open_today(planned: list[Visit], evening: bool) -> list[Visit]:
    """The day's planned visits not reported - by the evening (in the morning they are
    the plan, not yet a gap)."""
    return [v for v in planned if not v.reported] if evening else []


def day_table(m: MinutesContext) -> None:
    """After the agenda: the team's plans and reports of the meeting's day."""
    if m.meeting.kind != MeetingKind.DAILY:
        return
    team = DayService(m.services).meeting_day(m.meeting_id)
    doc = m.doc
    doc.heading(2, _("Plans and reports of {date}").format(date=team.day.isoformat()))
    if not team.people:
        doc.paragraph(_("Nobody on the attendance list."))
        return
    rows = [_row(cell(person.person.name), person.tally) for person in team.people]
    team_label = _("Team")
    rows.append(_row(f"**{team_label}**", team.tally))
    doc.table(
        [_("Person"), _("Planned"), _("Made"), _("Reported"), _("Unreported"),
         _("Plan (万)"), _("Orders (万)"), _("Collections (万)")],
        rows,
    )  # fmt: skip
    late = [
        _("{name}: {customer} ({date})").format(
            name=inline(person.person.name), customer=inline(visit.customer),
            date=visit.day.isoformat(),
        )
        for person in team.people
        for visit in [*person.unreported_earlier, *_open_today(person.planned, team.evening)]
    ]  # fmt: skip
    if late:
        doc.heading(3, _("Planned visits not reported"))
        doc.bullets(late)
