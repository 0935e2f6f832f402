"""How ``salestui day show`` writes a day: its title, a row per visit, and the lines under
the table (plan vs actual, unreported visits of earlier days, instructions)."""

from __future__ import annotations

from datetime import date

from salestui.core.day_capture import OUTCOME_LABELS
from salestui.core.models.day import PersonDay, Visit
from salestui.core.numbers_amounts import format_amount
from salestui.i18n import _, format_date


def _cells(visit: Visit) -> list[str]:
    outcome = _(OUTCOME_LABELS[visit.outcome]) if visit.outcome else _("not reported")
    if not visit.planned:
        outcome = _("{outcome} (unplanned)").format(outcome=outcome)
    step = visit.next_step
    if visit.action_id is not None:
        step = _("{step} (action #{id})").format(step=step, id=visit.action_id)
    return [
        str(visit.id), visit.customer, visit.purpose, format_amount(visit.planned_amount),
        outcome, visit.result, format_amount(visit.order_amount),
        format_amount(visit.collection_amount), step,
    ]  # fmt: skip


def day_lines(day: PersonDay, today: date) -> tuple[str, list[list[str]], list[str]]:
    """(the title, the rows, the lines under the table)."""
    title = _("{name} · {date}").format(name=day.person.name, date=format_date(day.day, "yMMMEd"))
    rows = [_cells(v) for v in day.visits]
    tally = day.tally
    footer = [
        _("Visits: {made} made of {planned} planned, {reported} reported; amounts: "
          "{planned_amount} 万 planned, {reported_amount} 万 reported (orders {order}, "
          "collections {collection})").format(
            made=tally.made, planned=tally.planned, reported=tally.reported,
            planned_amount=format_amount(tally.planned_amount),
            reported_amount=format_amount(tally.reported_amount),
            order=format_amount(tally.order_amount),
            collection=format_amount(tally.collection_amount),
        )
    ]  # fmt: skip
    if not day.visits:
        footer.insert(0, _("No visits planned or reported."))
    for visit in day.unreported_earlier:
        footer.append(
            _("Not reported: {customer} ({date}), visit {id}").format(
                customer=visit.customer, date=format_date(visit.day, "MMMEd"), id=visit.id
            )
        )
    for note in day.notes:
        footer.append(_("Instruction: {text}").format(text=note.text))
    for action in day.actions:
        footer.append(_("Action #{id}: {title}").format(id=action.id, title=action.title))
    return title, rows, footer
