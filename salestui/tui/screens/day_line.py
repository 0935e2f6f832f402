"""The capture line of "My day": ``/v`` plans a visit, ``/r`` reports one; the customer
completes from earlier entries as it is typed (→ takes the suggestion)."""

from __future__ import annotations

from textual.suggester import Suggester

from salestui.core.day_capture import COMMANDS
from salestui.i18n import _
from salestui.tui.widgets.capture_line import CaptureLine


class CustomerSuggester(Suggester):
    """Completes the customer word after ``/v`` or ``/r`` from the customers known (read
    with the day, off the UI thread): nothing is read here."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.customers: list[str] = []

    async def get_suggestion(self, value: str) -> str | None:
        command, space, rest = value.partition(" ")
        if not space or command.lower().rstrip(":：") not in {c.lstrip() for c in COMMANDS}:
            return None
        if " " in rest or not rest:
            return None
        wanted = rest.casefold()
        for customer in self.customers:
            if customer.casefold().startswith(wanted) and len(customer) > len(rest):
                return f"{command} {customer}"
        return None


class DayCaptureLine(CaptureLine):
    def placeholder(self) -> str:
        return _("/v 华联超市 回款对账 plans a visit · /r 华联超市 已对账 回款 12 万 reports it")

    def blank_hint(self) -> str:
        return _("Enter saves · → completes the customer · F2/F3 other days · README: My day")
