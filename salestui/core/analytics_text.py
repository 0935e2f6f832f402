"""How analytics figures read, alike on the screen and in the report: rates, hours, days,
"3 of 5 (60.0%)", a period's short label, a series' and a kind's name."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from salestui.core.export.agenda import KIND_LABELS
from salestui.core.models import MeetingKind
from salestui.core.models.analytics import percent
from salestui.core.numbers_amounts import format_amount
from salestui.core.periods import Period, PeriodKind
from salestui.i18n import _

DASH = "-"


def rate_text(rate: Decimal | None) -> str:
    """``60.0%``; a dash when there is nothing to rate."""
    return DASH if rate is None else _("{rate}%").format(rate=rate)


def part_text(part: int, whole: int) -> str:
    """``3 of 5 (60.0%)``; a dash when ``whole`` is 0."""
    if whole <= 0:
        return DASH
    return _("{part} of {whole} ({rate})").format(
        part=part, whole=whole, rate=rate_text(percent(part, whole))
    )


def hours_text(minutes: int) -> str:
    """Minutes as hours with one decimal: ``1.7``."""
    hours = (Decimal(minutes) / 60).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return f"{hours:f}"


def days_text(days: Decimal | None) -> str:
    return DASH if days is None else _("{days} days").format(days=days)


def amount_text(amount: Decimal | None) -> str:
    return DASH if amount is None else format_amount(amount.quantize(Decimal(1)), grouped=True)


def short_period(period: Period) -> str:
    """``W48`` or ``11月`` / ``Nov``: what fits under a chart's bar."""
    if period.kind == PeriodKind.WEEK:
        return f"W{period.number:02d}"
    return f"{period.year % 100:02d}-{period.number:02d}"


def series_title(title: str) -> str:
    return title or _("(no series)")


def kind_text(kind: str) -> str:
    try:
        return _(KIND_LABELS[MeetingKind(kind)])
    except ValueError:
        return kind
