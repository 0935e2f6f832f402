"""The capture line of "My day": one typed line plans a visit or reports one.

``parse_day_line`` turns the line into a ``DayCapture`` (words, never stored text read
again); ``describe_day`` is the live preview. Both are pure and cheap enough to run on
every keystroke, and raise only ``InvalidInput`` (translated); nothing is saved from a line
that fails. The grammar (README, "My day"):

* ``/v`` (``/visit``, ``/plan``, ``计划:``, ``拜访:``) plans a visit:
  ``/v [date] CUSTOMER [purpose] [amount]`` - ``/v 华联超市 回款对账 预计 12 万``.
* ``/r`` (``/report``, ``报告:``, ``汇报:``) reports one:
  ``/r [date] CUSTOMER [outcome] [result] [amounts] [下一步: next step [date]]`` -
  ``/r 华联超市 已对账 回款 12 万 下一步: 周五 送样品``.
* The date (``明天``, ``fri``, ``12/5``) is the first word(s) after the command; without
  one, the day in view. The customer is the next word, a quoted phrase (``"Acme
  Corp"``, ``“华联 二店”``), or a customer of earlier entries spelled out (``Acme Corp``).
* Outcome, the first word after the customer of a report: ``visited`` / ``已拜访``
  (the default), ``missed`` / ``未见`` / ``没见到`` (not reached), ``postponed`` /
  ``改期`` / ``推迟``.
* Amounts are in 万元: a keyword, a number, an optional unit - ``订单 3``, ``order 3``
  (an order), ``回款 12 万``, ``collection 12`` (a collection), ``预计 20``, ``plan 20``
  (a plan's amount; in a plan any amount keyword is its planned amount). ``万``/``万元``/
  ``w`` is the default unit; ``元`` divides by 10,000.
* ``下一步:`` (``next:``, ``>``, ``→``) starts the next step: the rest of the line; a date
  at its start or end is its due date when it becomes an action.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from salestui.core.capture import clean_capture_text
from salestui.core.dates import format_day, split_leading_date, split_trailing_date
from salestui.core.errors import InvalidInput
from salestui.core.models.day import VisitOutcome
from salestui.core.numbers_amounts import format_amount, parse_amount
from salestui.i18n import N_, _


class DayKind(StrEnum):
    PLAN = "plan"
    REPORT = "report"


@dataclass(frozen=True)
class DayCapture:
    """What one line of "My day" means."""

    kind: DayKind
    customer: str
    text: str = ""  # a plan's purpose, a report's result
    day: date | None = None  # None: the day in view
    planned_amount: Decimal | None = None
    outcome: VisitOutcome = VisitOutcome.VISITED
    order_amount: Decimal | None = None
    collection_amount: Decimal | None = None
    next_step: str = ""
    next_due: date | None = None


_COMMANDS = {
    "/v": DayKind.PLAN, "/visit": DayKind.PLAN, "/plan": DayKind.PLAN,
    "计划": DayKind.PLAN, "拜访": DayKind.PLAN,
    "/r": DayKind.REPORT, "/report": DayKind.REPORT,
    "报告": DayKind.REPORT, "汇报": DayKind.REPORT,
}  # fmt: skip
COMMANDS = tuple(_COMMANDS)
_COMMAND = re.compile(r"(/[a-z]+)(?=\s|$)|(计划|拜访|报告|汇报)\s*:", re.IGNORECASE)
_OUTCOMES = {
    "visited": VisitOutcome.VISITED, "met": VisitOutcome.VISITED,
    "已拜访": VisitOutcome.VISITED, "已见": VisitOutcome.VISITED,
    "missed": VisitOutcome.NOT_REACHED, "not-reached": VisitOutcome.NOT_REACHED,
    "未见": VisitOutcome.NOT_REACHED, "没见到": VisitOutcome.NOT_REACHED,
    "未遇": VisitOutcome.NOT_REACHED, "扑空": VisitOutcome.NOT_REACHED,
    "postponed": VisitOutcome.POSTPONED, "改期": VisitOutcome.POSTPONED,
    "推迟": VisitOutcome.POSTPONED, "延期": VisitOutcome.POSTPONED,
}  # fmt: skip
_ORDER_WORDS = ("订单", "下单", "签单", "order")
_COLLECTION_WORDS = ("回款", "收款", "collection", "collected")
_PLAN_WORDS = ("预计", "预估", "计划金额", "plan", "planned", "amount")
_AMOUNT = re.compile(
    r"(?<![a-z])(" + "|".join(_ORDER_WORDS + _COLLECTION_WORDS + _PLAN_WORDS) + r")"
    r"\s*[:=]?\s*([+-]?[\d.,]+)\s*(万元|万|w|元)?(?![a-z\d])",
    re.IGNORECASE,
)
_NEXT = re.compile(r"(?:(?<![a-z])next\s*:|下一步\s*:?|(?<!\S)(?:>|->|→)(?=\s))", re.IGNORECASE)
_QUOTED = re.compile(r'"([^"]+)"|“([^”]+)”|「([^」]+)」')
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_SPACES = re.compile(r"\s+")

OUTCOME_LABELS = {
    VisitOutcome.VISITED: N_("visited"),
    VisitOutcome.NOT_REACHED: N_("not reached"),
    VisitOutcome.POSTPONED: N_("postponed"),
}


def _command(folded: str) -> tuple[DayKind, int]:
    match = _COMMAND.match(folded)
    name = (match.group(1) or match.group(2)).lower() if match else None
    if match is None or name not in _COMMANDS:
        raise InvalidInput(
            _("Start with /v to plan a visit or /r to report one (e.g. /v 华联超市 回款对账)")
        )
    return _COMMANDS[name], match.end()


def _leading_day(body: str, today: date) -> tuple[date | None, str]:
    """A date at the start of the body, ended by a space (a customer named 明天百货 is
    not a date)."""
    found, rest = split_leading_date(body, today, strict=True)
    if found is None or not rest or body.strip().endswith(rest) is False:
        return None, body
    phrase = body.strip()[: len(body.strip()) - len(rest)]
    if phrase == phrase.rstrip():  # glued to what follows
        return None, body
    return found, rest


def _customer(body: str, known: Sequence[str] = ()) -> tuple[str, str]:
    """The customer and the rest: a quoted phrase, else the longest known customer the
    body starts with (``Acme Trading`` without quotes, as it was spelled before), else
    the first word."""
    body = body.strip()
    match = _QUOTED.match(body)
    if match:
        name = next(g for g in match.groups() if g)
        return name.strip(), body[match.end() :]
    folded = body.casefold()
    for name in sorted(known, key=len, reverse=True):
        end = len(name)
        if folded.startswith(name.casefold()) and (end == len(body) or body[end] == " "):
            return name, body[end:]
    name, _sep, rest = body.partition(" ")
    return name, rest


def _amount(number: str, unit: str | None) -> Decimal:
    value = parse_amount(number)
    if value < 0:
        raise InvalidInput(_("{value} is negative: amounts are 0 or more").format(value=number))
    if unit == "元":
        value = parse_amount(format_amount(value / 10_000))
    return value


def _amounts(text: str, kind: DayKind) -> tuple[dict[str, Decimal], str]:
    """The amounts of the text (by field) and the text without them."""
    found: dict[str, Decimal] = {}
    for match in _AMOUNT.finditer(text):
        word = match.group(1).lower()
        if kind is DayKind.PLAN or word in _PLAN_WORDS:
            if kind is DayKind.REPORT:
                raise InvalidInput(_("A report has orders and collections, not a plan amount"))
            field = "planned_amount"
        else:
            field = "order_amount" if word in _ORDER_WORDS else "collection_amount"
        if field in found:
            raise InvalidInput(_("One amount of each kind per line: {words}").format(
                words=match.group(0).strip()))  # fmt: skip
        found[field] = _amount(match.group(2), match.group(3))
    return found, _AMOUNT.sub(" ", text)


def _next_step(body: str, today: date) -> tuple[str, str, date | None]:
    """(the body before the next step, the next step, its due date)."""
    match = _NEXT.search(body.translate(_FOLD))
    if match is None:
        return body, "", None
    step = _tidy(body[match.end() :])
    due, rest = split_leading_date(step, today, strict=True)
    if due is None:
        due, rest = split_trailing_date(step, today, strict=True)
    if due is not None and rest:
        step = rest
    if not step:
        raise InvalidInput(_("The next step needs words after it"))
    return body[: match.start()], step, due


def _tidy(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def parse_day_line(line: str, today: date, known: Sequence[str] = ()) -> DayCapture:
    """Read one line of "My day"; ``known``: customers of earlier entries (a customer
    of several words is one of them). Raises ``InvalidInput`` (translated)."""
    text = _tidy(clean_capture_text(line))
    if not text:
        raise InvalidInput(_("Nothing to capture"))
    kind, start = _command(text.translate(_FOLD))
    body = text[start:]
    day, body = _leading_day(body, today)
    customer, rest = _customer(body, known)
    if not customer:
        raise InvalidInput(_("Name the customer after the command: /v 华联超市 回款对账"))
    values: dict[str, object] = {}
    if kind is DayKind.REPORT:
        rest, values["next_step"], values["next_due"] = _next_step(rest, today)
        first, _sep, after = rest.strip().partition(" ")
        if first.lower() in _OUTCOMES:
            values["outcome"], rest = _OUTCOMES[first.lower()], after
    amounts, rest = _amounts(rest, kind)
    return DayCapture(kind, customer, _tidy(rest), day, **amounts, **values)  # type: ignore[arg-type]


def describe_day(capture: DayCapture, today: date, planned: set[str] | None = None) -> str:
    """The preview: ``Plan a visit: 华联超市 · Fri 4 Dec · 12 万`` or ``Report: 华联超市
    (planned) · visited · collection 12 万 · next: 送样品``. ``planned``: the customers
    planned on the day in view (case-folded), to say whether a report matches one."""
    parts = [capture.customer]
    if capture.day is not None:
        parts.append(format_day(capture.day, today))
    if capture.kind is DayKind.PLAN:
        if capture.text:
            parts.append(capture.text)
        if capture.planned_amount is not None:
            parts.append(_("{amount} 万").format(amount=format_amount(capture.planned_amount)))
        return _("Plan a visit: {parts}").format(parts=" · ".join(parts))
    if planned is not None:
        known = capture.customer.casefold() in planned
        parts[0] = (_("{customer} (planned)") if known else _("{customer} (not planned)")).format(
            customer=capture.customer
        )
    parts.append(_(OUTCOME_LABELS[capture.outcome]))
    if capture.order_amount is not None:
        parts.append(_("order {amount} 万").format(amount=format_amount(capture.order_amount)))
    if capture.collection_amount is not None:
        parts.append(
            _("collection {amount} 万").format(amount=format_amount(capture.collection_amount))
        )
    if capture.next_step:
        step = _("next: {step}").format(step=capture.next_step)
        if capture.next_due is not None:
            step = _("{step} (due {date})").format(
                step=step, date=format_day(capture.next_due, today)
            )
        parts.append(step)
    return _("Report: {parts}").format(parts=" · ".join(parts))
