"""The field types every stored text and date goes through, their limits, and the one
readable line a validation error becomes."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    ValidationError,
)
from pydantic_core import PydanticCustomError

from salestui.core.text import clean_line, clean_text
from salestui.i18n import N_, _


def _line(value: object) -> object:
    return clean_line(value) if isinstance(value, str) else value


def _text(value: object) -> object:
    return clean_text(value) if isinstance(value, str) else value


def _optional_line(value: object) -> object:
    return (clean_line(value) or None) if isinstance(value, str) else value


def _optional_text(value: object) -> object:
    return (clean_text(value) or None) if isinstance(value, str) else value


def _tags(value: object) -> object:
    if isinstance(value, list | tuple):
        return [t for t in (_line(v) for v in value) if t != ""]
    return value


# Every stored text field is one of these: cleaned of control characters (and of
# newlines, for a line) on the way in, and again when read back from the database.
Line = Annotated[str, BeforeValidator(_line)]
Text = Annotated[str, BeforeValidator(_text)]
OptionalLine = Annotated[str | None, BeforeValidator(_optional_line)]
OptionalText = Annotated[str | None, BeforeValidator(_optional_text)]
Tag = Annotated[str, BeforeValidator(_line), Field(min_length=1, max_length=40)]

# The years a stored date may fall in: far enough for any plan, and every date a year
# or so either side still exists (exports add days and minutes to them).
YEARS = (1900, 9000)


def _in_years(value: date | datetime | None) -> date | datetime | None:
    if value is not None and not YEARS[0] <= value.year <= YEARS[1]:
        raise PydanticCustomError("date_range", "date out of range")
    return value


Day = Annotated[date | None, AfterValidator(_in_years)]
Moment = Annotated[datetime | None, AfterValidator(_in_years)]

# Length limits of free text (characters).
NAME_MAX = 80
LOCATION_MAX = 200
NOTE_MAX = 20_000
SHORT_TEXT_MAX = 500
TAGS_MAX = 20

FIELD_LABELS = {
    "name": N_("name"),
    "title": N_("title"),
    "purpose": N_("purpose"),
    "team": N_("team"),
    "text": N_("text"),
    "note": N_("note"),
    "planned_minutes": N_("length in minutes"),
    "timebox_minutes": N_("timebox"),
    "priority": N_("priority"),
    "location": N_("location"),
    "tags": N_("tag"),
    "email": N_("email"),
    "waiting_on": N_("waiting on"),
    "blocked_by": N_("blocked by"),
    "due": N_("due date"),
    "new_due": N_("due date"),
    "scheduled_start": N_("start"),
    "next_follow_up": N_("next follow-up"),
    "next_check_in": N_("next follow-up"),
    "customer": N_("customer"),
    "result": N_("result"),
    "next_step": N_("next step"),
    "planned_amount": N_("planned amount"),
    "order_amount": N_("order amount"),
    "collection_amount": N_("collection amount"),
}


def validation_message(error: ValidationError) -> str:
    """One readable line from a pydantic error: the first problem, with its field."""
    first = error.errors()[0]
    loc = [str(p) for p in first.get("loc", ())]
    where = _(FIELD_LABELS[loc[0]]) if loc and loc[0] in FIELD_LABELS else _("value")
    kind = first.get("type", "")
    context = first.get("ctx") or {}
    if kind in ("string_too_short", "missing"):
        return _("{field} must not be empty").format(field=where)
    if kind == "string_too_long":
        return _("{field} is too long (at most {limit} characters)").format(
            field=where, limit=context.get("max_length", "?")
        )
    if kind == "too_long":
        return _("{field}: at most {limit} allowed").format(
            field=where, limit=context.get("max_length", "?")
        )
    if kind in ("greater_than", "less_than_equal", "greater_than_equal", "less_than"):
        return _("{field} is out of range").format(field=where)
    if kind == "date_range":
        return _("{field} is out of range (years {first}-{last})").format(
            field=where, first=YEARS[0], last=YEARS[1]
        )
    if kind == "enum":
        return _("{field} has an unknown value").format(field=where)
    return _("{field} is not valid").format(field=where)
