"""Activity plans and daily reports (rule 十五 业务人员的活动管理要诀, 行动报告制).

``DayService(services)`` is what "My day", ``salestui day`` and the daily meeting's panel
build on. A salesperson plans visits for today or a day up to a week ahead, reports each
on its day or later (the report of a planned visit goes on its row: plan vs actual), and
turns a report's next step into an action item. Every change is one journal step
(``core.journal``): ctrl+z and ``salestui undo`` take it back. What a day and a team's day
look like (with the unreported visits of earlier days and the daily meetings'
instructions) is ``day_read``'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from salestui.core.boundary import storage_boundary
from salestui.core.dates import format_day
from salestui.core.day_capture import DayCapture, DayKind, describe_day, parse_day_line
from salestui.core.day_read import DayReads
from salestui.core.errors import Conflict, InvalidInput, NotFound
from salestui.core.journal_text import short_title
from salestui.core.models import ActionItem, Person
from salestui.core.models.day import Visit, VisitOutcome
from salestui.core.numbers_amounts import parse_amount
from salestui.core.service import Services
from salestui.i18n import _

DAY = "day"  # the journal's kind of a change of plans and reports
PLAN_AHEAD = 7  # days: plans go at most a week ahead
CUSTOMERS_SHOWN = 8

Amount = Decimal | int | float | str | None


def _amount(value: Amount) -> Decimal | None:
    if value is None or value == "":
        return None
    number = parse_amount(value)
    if number < 0:
        raise InvalidInput(_("{value} is negative: amounts are 0 or more").format(value=value))
    return number


def _scope(visit_id: int) -> tuple[str, dict[str, list[int]]]:
    return ("visits", {"id": [visit_id]})


@storage_boundary
class DayService(DayReads):
    """Plans, reports and their next steps, for one ``Services`` (its store, clock, me)."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.store = services.store

    # -- who and when --------------------------------------------------------------------

    def person(self, who: str | int | None = None) -> Person:
        """``who`` (a name, an id), by default me; ``InvalidInput`` when nobody is known."""
        if who is None or who == "":
            me = self.services.me()
            if me is None:
                raise InvalidInput(_("Who are you? Set me in the config file or pass --person"))
            return me
        if isinstance(who, int):
            return self.services.person(who)
        return self.services.find_person(who)

    def _plan_day(self, day: date | None) -> date:
        today = self.services.clock.today()
        day = day or today
        if day < today:
            raise InvalidInput(_("A plan is for today or a later day; report a past visit"))
        if day > today + timedelta(days=PLAN_AHEAD):
            raise InvalidInput(_("Plans go at most a week ahead ({date} is further)").format(
                date=format_day(day, today)))  # fmt: skip
        return day

    def _report_day(self, day: date | None) -> date:
        today = self.services.clock.today()
        day = day or today
        if day > today:
            raise InvalidInput(_("A visit is reported on its day or later, not ahead"))
        return day

    def _author(self) -> int | None:
        me = self.services.me()
        return me.id if me else None

    # -- plans and reports ---------------------------------------------------------------------

    def plan(
        self,
        customer: str,
        purpose: str = "",
        day: date | None = None,
        amount: Amount = None,
        person: str | int | None = None,
    ) -> Visit:
        """Plan a visit (today, or up to a week ahead)."""
        who = self.person(person)
        assert who.id is not None
        visit = Visit(
            person_id=who.id,
            day=self._plan_day(day),
            customer=customer,
            purpose=purpose,
            planned_amount=_amount(amount),
            created_at=self.services.clock.now(),
        )
        summary = _("Planned a visit: {customer} ({date})").format(
            customer=short_title(visit.customer), date=visit.day.isoformat()
        )
        with self.services.journal.step(DAY, summary=summary) as step:
            added = self.store.add_visit(visit, self._author())
            assert added.id is not None
            step.created(_scope(added.id))
        return added

    def report(
        self,
        customer: str,
        outcome: VisitOutcome | str = VisitOutcome.VISITED,
        result: str = "",
        order: Amount = None,
        collection: Amount = None,
        next_step: str = "",
        next_due: date | None = None,
        day: date | None = None,
        person: str | int | None = None,
    ) -> Visit:
        """Report a visit: on the plan of that customer that day (an unreported one first),
        else as a visit made without a plan."""
        who = self.person(person)
        assert who.id is not None
        day = self._report_day(day)
        try:
            outcome = VisitOutcome(outcome)
        except ValueError as error:
            raise InvalidInput(_("Unknown outcome. Use one of: {choices}").format(
                choices=", ".join(o.value for o in VisitOutcome))) from error  # fmt: skip
        now = self.services.clock.now()
        values: dict[str, Any] = {
            "outcome": outcome,
            "result": result,
            "order_amount": _amount(order),
            "collection_amount": _amount(collection),
            "next_step": next_step,
            "next_due": next_due,
            "reported_at": now,
        }
        summary = _("Reported a visit: {customer} ({date})").format(
            customer=short_title(customer), date=day.isoformat()
        )
        found = self.planned_visit(who.id, day, customer)
        with self.services.journal.step(DAY, summary=summary) as step:
            if found is None:
                visit = Visit(person_id=who.id, day=day, customer=customer, planned=False,
                              created_at=now, **values)  # fmt: skip
                visit = self.store.add_visit(visit, self._author())
                assert visit.id is not None
                step.created(_scope(visit.id))
                return visit
            assert found.id is not None
            step.watch(_scope(found.id))
            visit = Visit(**{**found.model_dump(), **values})
            self.store.update_visit(visit, self._author())
        return visit

    def planned_visit(self, person_id: int, day: date, customer: str) -> Visit | None:
        """The visit of ``customer`` planned that day a report goes on: an unreported one
        first, else the last one reported (its report is corrected)."""
        wanted = customer.strip().casefold()
        same = [
            v for v in self.store.visits_on([person_id], day)
            if v.planned and v.customer.casefold() == wanted
        ]  # fmt: skip
        open_ = [v for v in same if not v.reported]
        chosen = open_ or same[-1:]
        return chosen[0] if chosen else None

    def remove(self, visit_id: int) -> Visit:
        """Take a visit (its plan and report) off the day."""
        visit = self.visit(visit_id)
        summary = _("Removed a visit: {customer} ({date})").format(
            customer=short_title(visit.customer), date=visit.day.isoformat()
        )
        with self.services.journal.step(DAY, _scope(visit_id), summary=summary):
            self.store.delete_visit(visit_id)
        return visit

    def visit(self, visit_id: int) -> Visit:
        found = self.store.get_visit(visit_id)
        if found is None:
            raise NotFound(_("No visit with id {id}").format(id=visit_id))
        return found

    def make_action(self, visit_id: int) -> ActionItem:
        """The report's next step becomes an action item of the visit's person, due when
        the report said; one step with the visit's link to it."""
        visit = self.visit(visit_id)
        if not visit.next_step:
            raise InvalidInput(_("This visit has no next step to turn into an action"))
        if visit.action_id is not None:
            raise Conflict(_("Its next step is action #{id} already").format(id=visit.action_id))
        summary = _("Next step of {customer} became an action").format(
            customer=short_title(visit.customer)
        )
        with self.services.journal.step(DAY, _scope(visit_id), summary=summary):
            action = self.services.add_action(
                f"{visit.customer}: {visit.next_step}", [visit.person_id], due=visit.next_due
            )
            visit.action_id = action.id
            self.store.update_visit(visit, self._author())
        return action

    # -- the capture line ----------------------------------------------------------------------

    def parse(self, line: str, known: Sequence[str] = ()) -> DayCapture:
        return parse_day_line(line, self.services.clock.today(), known)

    def preview(self, line: str, planned: set[str] | None = None, known: Sequence[str] = ()) -> str:
        """What a line will do, or the reason it cannot (raises ``InvalidInput``);
        ``known``: the customers of earlier entries (``recent_customers``)."""
        today = self.services.clock.today()
        return describe_day(parse_day_line(line, today, known), today, planned)

    def capture(self, line: str, day: date | None = None, person: str | int | None = None) -> Visit:
        """Plan or report from one line; ``day``: the day in view (a date in the line wins)."""
        parsed = self.parse(line, self.recent_customers(self.person(person)))
        when = parsed.day or day
        if parsed.kind is DayKind.PLAN:
            return self.plan(parsed.customer, parsed.text, when, parsed.planned_amount, person)
        return self.report(
            parsed.customer, parsed.outcome, parsed.text, parsed.order_amount,
            parsed.collection_amount, parsed.next_step, parsed.next_due, when, person,
        )  # fmt: skip

    def recent_customers(self, person: Person | None = None, limit: int = 500) -> list[str]:
        """The customers of earlier entries (``person``'s, when given), the latest first
        (for completion as one types)."""
        return self.store.customers("", limit, person.id if person else None)

    def customers(self, prefix: str, limit: int = CUSTOMERS_SHOWN) -> list[str]:
        """Customers of earlier entries starting with ``prefix``, the latest first."""
        prefix = prefix.strip()
        return self.store.customers(prefix, limit) if prefix else []
