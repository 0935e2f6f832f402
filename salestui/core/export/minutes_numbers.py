"""The minutes' Numbers section (rule 十二 计数管理), right after the attendance, only when
the meeting reviewed numbers: the scorecard of the period under review (plan, actual,
variance, status), the countermeasures decided for the numbers off track, and the targets
set for the next period."""

from __future__ import annotations

from salestui.core.export.markdown import cell, inline, labelled
from salestui.core.export.minutes_parts import MinutesContext, due_text
from salestui.core.meeting_numbers import MeetingScorecard
from salestui.core.models import ActionItem
from salestui.core.models.numbers import Countermeasure, ScorecardRow
from salestui.core.names import join_names
from salestui.core.numbers_amounts import format_amount
from salestui.core.numbers_export import goal_text
from salestui.core.numbers_track import scorecard_status
from salestui.i18n import _


def _measurable(row: ScorecardRow) -> str:
    name, unit = row.measurable.name, row.measurable.unit
    return cell(_("{name} ({unit})").format(name=name, unit=unit) if unit else name)


def _signed(number: object, suffix: str = "") -> str:
    return "-" if number is None else f"{number:+f}{suffix}"


def _table(m: MinutesContext, card: MeetingScorecard) -> None:
    rows = [
        [
            _measurable(row),
            cell(row.owner.name),
            cell(goal_text(row.goal)),
            cell(format_amount(row.actual) + ("*" if row.current.rolled_up else "")),
            _signed(row.variance),
            _signed(row.variance_pct, "%"),
            scorecard_status(row),
        ]
        for row in card.rows
    ]
    m.doc.table(
        [_("Measurable"), _("Owner"), _("Plan"), _("Actual"), _("Variance"), _("Var. %"),
         _("Status")],
        rows,
    )  # fmt: skip
    if any(r.current.rolled_up for r in card.rows):
        m.doc.paragraph(
            inline(_("* the team's members' figures added up (the team has none of its own)"))
        )


def _countermeasure(m: MinutesContext, row: ScorecardRow, measure: Countermeasure) -> str:
    action = m.countermeasure_actions.get(measure.action_id)
    owners, due = "-", "-"
    if action is not None:
        owners = join_names([m.name(p) for p in action.owner_ids]) or _("Unassigned")
        due = due_text(action.due)
    text = _("cause: {cause}; countermeasure: {action} - owner: {owners}; due: {due}").format(
        cause=inline(measure.cause) or "-",
        action=inline(measure.action_title),
        owners=owners,
        due=due,
    )
    return labelled(inline(f"{row.measurable.name} · {row.owner.name}"), text)


def numbers(m: MinutesContext) -> None:
    """The Numbers section, when the meeting reviewed numbers (else nothing)."""
    card = m.scorecard
    if card is None:
        return
    doc = m.doc
    doc.heading(2, _("Numbers"))
    doc.bullets([labelled(_("Period under review"), inline(card.period.label()))])
    if card.rows:
        _table(m, card)
    else:
        doc.paragraph(_("No numbers for this period."))
    measures = [(row, c) for row in card.rows for c in row.countermeasures]
    doc.heading(3, _("Countermeasures"))
    if measures:
        doc.bullets(_countermeasure(m, row, c) for row, c in measures)
    else:
        doc.paragraph(_("(none)"))
    if m.targets:
        doc.heading(3, _("Targets set"))
        doc.bullets(
            labelled(
                inline(f"{t.measurable} · {t.owner.name}"),
                inline(f"{t.period}: {goal_text(t.goal)} {t.unit}".strip()),
            )
            for t in m.targets
        )


def read_numbers(m: MinutesContext) -> None:
    """What the Numbers section says, when the meeting reviewed numbers."""
    found = m.live.numbers
    if not found.reviews_numbers(m.meeting_id, m.detail.agenda):
        return
    m.scorecard = card = found.scorecard(m.meeting_id)
    m.targets = found.targets(m.meeting_id)
    m.countermeasure_actions = _actions(m, card)


def _actions(m: MinutesContext, card: MeetingScorecard) -> dict[int, ActionItem]:
    """The actions of the countermeasures, by id (those of this meeting are read already)."""
    ids = sorted({c.action_id for row in card.rows for c in row.countermeasures})
    known = {a.id: a for a in m.detail.actions if a.id in ids}
    missing = [i for i in ids if i not in known]
    if missing:
        known.update({a.id: a for a in m.services.store.get_actions(missing) if a.id})
    return {i: a for i, a in known.items() if i is not None}
