"""The numbers review's changes as journal steps (issue 14, "one undo for everything"):
the rows a change of a value, a goal, a measurable or a countermeasure may touch, and what
the step says. Each change made outside a live meeting is a step of its own, undone by
``salestui undo`` and ctrl+z; inside a live meeting the same scopes join the meeting's
undoable step (``core.meeting_undo``).

A value and a goal of one period never share a scope with each other (a live ``/k`` line
sets last period's value and this period's goal in one step: its scopes must not overlap,
or undo would put rows back twice).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from salestui.core.journal_text import short_title
from salestui.core.models.numbers import Goal, Owner
from salestui.core.store.undo import Scope
from salestui.i18n import _

NUMBERS = "numbers"  # the journal's kind of a change of numbers
STANDING = "*"  # the period key of an owner's standing goal (``store.numbers``)


def owner_match(owner: Owner) -> dict[str, object]:
    """The columns that pick an owner's rows (a person's, else a team's)."""
    return {"person_id": owner.person_id} if owner.person_id is not None else {"team": owner.team}


def value_scopes(measurable_id: int, period: str, owner: Owner) -> tuple[Scope, ...]:
    """The rows setting one value may touch: the value and its log."""
    match = owner_match(owner)
    return (
        ("measurable_values", {"measurable_id": measurable_id, "period": period} | match),
        ("measurable_log", {"measurable_id": measurable_id, "period": [period], "kind": "value"}
         | match),
    )  # fmt: skip


def goal_scopes(measurable_id: int, period: str, owner: Owner) -> tuple[Scope, ...]:
    """The rows setting one goal may touch: the goal and its log."""
    match = owner_match(owner)
    return (
        ("measurable_goals", {"measurable_id": measurable_id, "period": period} | match),
        ("measurable_log", {"measurable_id": measurable_id, "period": [period], "kind": "goal"}
         | match),
    )  # fmt: skip


def import_scopes(measurable_ids: Sequence[int], periods: Sequence[str]) -> tuple[Scope, ...]:
    """The rows an import may touch: every value, goal and log line of its measurables in
    its periods (more than it writes: a later change of any of them blocks its undo)."""
    match = {"measurable_id": sorted(set(measurable_ids)), "period": sorted(set(periods))}
    return (
        ("measurable_values", match),
        ("measurable_goals", match),
        ("measurable_log", match),
    )


def measurable_scope(measurable_id: int) -> Scope:
    return ("measurables", {"id": [measurable_id]})


def _subject(name: str, owner: Owner, period: str) -> str:
    when = _("every period") if period == STANDING else period
    return f"{short_title(name)} · {owner.name or owner.team or '?'} · {when}"


def value_summary(name: str, owner: Owner, period: str, value: Decimal | None) -> str:
    from salestui.core.numbers_amounts import format_amount

    subject = _subject(name, owner, period)
    if value is None:
        return _("Number {subject} removed").format(subject=subject)
    return _("Number {subject}: {value}").format(subject=subject, value=format_amount(value))


def goal_summary(name: str, owner: Owner, period: str, goal: Goal | None) -> str:
    from salestui.core.numbers_export import goal_text

    subject = _subject(name, owner, period)
    if goal is None:
        return _("Goal {subject} removed").format(subject=subject)
    return _("Goal {subject}: {goal}").format(subject=subject, goal=goal_text(goal))


def countermeasure_summary(name: str, owner: Owner, period: str, what: str) -> str:
    return _("Countermeasure for {subject}: {what}").format(
        subject=_subject(name, owner, period), what=short_title(what)
    )
