"""The numbers line of the capture grammar: ``/k`` sets a figure of the period a meeting
reviews, and the target of the period after it (rule 十二 计数管理).

    /k [@owner] MEASURABLE [VALUE] [目标|goal|target TARGET]

* The command: ``/k``, ``/kpi``, ``/number``, ``#kpi`` or ``计数:`` (full-width forms
  too: ``／k``, ``计数：``). It ends at whitespace; the Chinese one may be glued on.
* ``@owner`` (anywhere on the line, once): a person (full name, unique prefix, pinyin
  initials) or a team by its exact name. Without it the number is the measurable's
  owner's (``/k 销售额 255`` for the department's figure).
* ``MEASURABLE``: its name or key (``销售额``, ``sales``), a unique start of either; it may
  hold spaces (``Qualified leads``). It ends at the first number.
* ``VALUE``: the actual (实绩) of the period under review: ``102``, ``102.5``,
  ``1,234.5``, ``102万元`` (the measurable's unit may follow). A Chinese name may be
  glued to it: ``销售额102``.
* ``目标 TARGET`` (also ``下周目标``, ``计划``, ``预估``, ``goal``, ``target``, ``plan``,
  with or without a colon, glued or not: ``目标120``, ``goal: 120``): the goal of the
  next period. A band is written ``90..110``.

At least one of VALUE and TARGET. Anything else is an error shown at the input, and
nothing is saved. ``parse_number_line`` only reads the words (pure, no database);
``core.meeting_numbers`` resolves them (the measurable, the owner, the numbers).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from salestui.core.errors import InvalidInput
from salestui.i18n import _

NUMBER_COMMANDS = ("/k", "/kpi", "/number", "#kpi", "计数:")

_COMMAND = re.compile(r"^\s*(?:/(?:k|kpi|number)(?=\s|$)|#kpi(?::|(?=\s|$))|计数\s*:)", re.I)
_OWNER = re.compile(r"(?<![A-Za-z0-9._%+\-])@(?:\"([^\"]*)\"|“([^”]*)”|([^\s@]*))")
_TARGET = re.compile(
    r"(?:(?:下周|下期|下月|下个月)?(?:目标|计划|预估)|(?<![^\s\d])(?:goal|target|plan))"
    r"\s*(?::\s*)?(?P<target>\S*)",
    re.IGNORECASE,
)
_HAN_THEN_NUMBER = re.compile(r"([\u3400-\u9fff\uf900-\ufaff])(?=[+\-]?[\d.])")
_STARTS_NUMBER = re.compile(r"^[+\-]?\.?\d")
_NUMBER = re.compile(r"^[+\-]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?P<unit>\D*)$")


@dataclass(frozen=True)
class NumberLine:
    """The words of a ``/k`` line, not yet resolved: ``unit`` is what followed the value
    (``万元`` in ``102万元``), checked against the measurable's unit later."""

    measurable: str
    owner: str | None = None
    value: str | None = None
    unit: str = ""
    target: str | None = None


def is_number_line(line: str) -> bool:
    """True when the line starts with a numbers command (``/k``, ``计数:`` ...)."""
    return bool(_COMMAND.match(_fold(line)))


def _fold(text: str) -> str:
    """Full-width forms (``／ｋ``, ``＠``, ``：``, ``１０２``) as ASCII; nothing else changes."""
    return unicodedata.normalize("NFKC", text)


def _owner(body: str) -> tuple[str | None, str]:
    found = list(_OWNER.finditer(body))
    if len(found) > 1:
        raise InvalidInput(_("One owner per numbers line (@name or @team)"))
    if not found:
        return None, body
    match = found[0]
    name = next(g for g in match.groups() if g is not None).strip()
    if not name:
        raise InvalidInput(_("Say whose number it is after @"))
    return name, body[: match.start()] + " " + body[match.end() :]


def _target(body: str) -> tuple[str | None, str]:
    found = list(_TARGET.finditer(body))
    if len(found) > 1:
        raise InvalidInput(_("One target per numbers line"))
    if not found:
        return None, body
    match = found[0]
    target = match.group("target")
    if not target:
        raise InvalidInput(_("Give the target after {word}").format(word=match.group(0).strip()))
    rest = body[: match.start()] + " " + body[match.end() :]
    return target, rest


def parse_number_line(line: str) -> NumberLine:
    """Read the words of a ``/k`` line (see the module's grammar). ``InvalidInput``
    (translated) when they do not make a numbers line."""
    folded = _fold(line).strip()
    command = _COMMAND.match(folded)
    if command is None:
        raise InvalidInput(_("A numbers line starts with /k"))
    body = folded[command.end() :]
    owner, body = _owner(body)
    target, body = _target(body)
    words = _HAN_THEN_NUMBER.sub(r"\1 ", body).split()
    at = next((i for i, w in enumerate(words) if _STARTS_NUMBER.match(w)), len(words))
    measurable = " ".join(words[:at])
    if not measurable:
        raise InvalidInput(
            _("Say which measurable, e.g. /k @wf 销售额 102 目标 120 (`salestui numbers list`)")
        )
    value = unit = None
    if at < len(words):
        match = _NUMBER.match(words[at])
        if match is None:
            raise InvalidInput(_("{value} is not a number").format(value=words[at]))
        unit = match.group("unit")
        value = words[at][: len(words[at]) - len(unit)] if unit else words[at]
        extra = " ".join(words[at + 1 :])
        if extra:
            raise InvalidInput(_("Unexpected words after the value: {words}").format(words=extra))
    if value is None and target is None:
        raise InvalidInput(
            _("No number after “{words}”: give the actual, or the target after 目标 (goal)").format(
                words=measurable
            )
        )
    return NumberLine(measurable, owner, value, unit or "", target)
