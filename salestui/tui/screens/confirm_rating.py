"""Rating the meeting at confirmation (issue 15): each attendee who was there gives it 1-10,
or nothing - every field may stay empty, and the form may be left with Esc. The average
per series is a trend on the analytics screen.

``ask_ratings(screen, services, meeting_id)`` reads who rates (in a worker), then opens the
form; saving stores every rating at once (``AnalyticsService.rate_meeting``).
"""

from __future__ import annotations

from collections.abc import Sequence

from salestui.core.analytics import AnalyticsService
from salestui.core.errors import InvalidInput
from salestui.core.service import Services
from salestui.i18n import _, ngettext
from salestui.tui.screens.actions_forms import FormField, FormScreen
from salestui.tui.screens.base import SalestuiScreen

Rater = tuple[int, str, int | None]


def read_rating(text: str) -> int | None:
    """A rating typed in the form: empty is none, else a whole number from 1 to 10."""
    text = text.strip()
    if not text:
        return None
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 10:
        raise InvalidInput(_("A rating is a whole number from 1 to 10"))
    return value


def ask_ratings(screen: SalestuiScreen, services: Services, meeting_id: int) -> None:
    """Open the rating form for the meeting's attendees (read off the UI thread)."""

    def read(reads: Services) -> list[Rater]:
        return AnalyticsService(reads).raters(meeting_id)

    def show(raters: list[Rater]) -> None:
        if not raters:
            screen.notify(_("Nobody attended this meeting: there is no one to rate it"),
                          severity="warning")  # fmt: skip
            return
        screen.app.push_screen(_form(services, meeting_id, raters), _said(screen))

    screen.read_later("ratings", read, show)


def _form(services: Services, meeting_id: int, raters: Sequence[Rater]) -> FormScreen:
    fields = [
        FormField(f"p{person_id}", name, "" if rating is None else str(rating), "1-10")
        for person_id, name, rating in raters
    ]

    def save(values: dict[str, str]) -> str:
        ratings = {pid: read_rating(values[f"p{pid}"]) for pid, _name, _r in raters}
        AnalyticsService(services).rate_meeting(meeting_id, ratings)
        given = [r for r in ratings.values() if r is not None]
        if not given:
            return _("No ratings given")
        average = f"{sum(given) / len(given):.1f}"
        return ngettext("{n} rating saved, average {average}",
                        "{n} ratings saved, average {average}", len(given)).format(
            n=len(given), average=average)  # fmt: skip

    hint = _("Each attendee's rating, 1-10; leave empty to skip · Enter: save · Esc: cancel")
    return FormScreen(_("Rate the meeting"), fields, save, hint=hint)


def _said(screen: SalestuiScreen):  # type: ignore[no-untyped-def]
    def done(message: str | None) -> None:
        if message:
            screen.notify(message)

    return done
