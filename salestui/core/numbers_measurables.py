"""Measurables and owners for the numbers review: finding a measurable by id, key or name,
adding and editing one, and reading whose number it is (a person or a team).

The base of ``NumbersService`` (``core.numbers``); its public methods pass the storage
boundary there.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from salestui.core.boundary import storage_boundary
from salestui.core.errors import InvalidInput, NotFound
from salestui.core.models.numbers import Direction, Measurable, Owner, Rollup
from salestui.core.numbers_amounts import parse_amount
from salestui.core.numbers_steps import NUMBERS, measurable_scope
from salestui.core.periods import PeriodKind, kind_label
from salestui.i18n import _

if TYPE_CHECKING:
    from salestui.core.service import Services
    from salestui.core.store import Store

T = TypeVar("T")

_BAND = re.compile(r"^\s*(-?[\d.,]+)\s*(?:\.\.|~|～|–|—|-)\s*(-?[\d.,]+)\s*%?\s*$")
EDITABLE = (
    "name",
    "key",
    "unit",
    "owner",
    "direction",
    "period",
    "goal",
    "goal_high",
    "rollup",
    "active",
    "position",
    "description",
)


def fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _choice(enum: type[T], value: object, message: str) -> T:
    try:
        return enum(value)  # type: ignore[call-arg]
    except ValueError as error:
        raise InvalidInput(message.format(value=value)) from error


def band_of(
    direction: Direction, target: object, high: object = None
) -> tuple[Decimal, Decimal | None]:
    """The goal as ``(target, high)``: a band's two bounds (``high`` given, or ``target``
    written ``90..110``, ``90~110`` or ``90-110``); any other direction one number."""
    if direction == Direction.BAND:
        if high is None and isinstance(target, str) and (match := _BAND.match(target)):
            target, high = match.group(1), match.group(2)
        if high is None:
            raise InvalidInput(_("A band needs a low and a high bound, e.g. 90..110"))
        low, top = parse_amount(target), parse_amount(high)
        if low > top:
            raise InvalidInput(_("The band's low bound is above its high bound"))
        return low, top
    if high is not None:
        raise InvalidInput(_("Only a band has a high bound"))
    return parse_amount(target), None


@storage_boundary
class MeasurableServices:
    services: Services
    store: Store

    # -- helpers ---------------------------------------------------------------------------

    @staticmethod
    def _id(measurable: Measurable) -> int:
        assert measurable.id is not None
        return measurable.id

    def _me_id(self) -> int | None:
        me = self.services.me()
        return me.id if me else None

    @staticmethod
    def _named(find: Callable[[str], T], text: str) -> T:
        """``find(text)``, a name that matches no one being bad input."""
        try:
            return find(text)
        except NotFound as error:
            raise InvalidInput(str(error)) from error

    # -- measurables -----------------------------------------------------------------------

    def measurables(self, include_inactive: bool = False) -> list[Measurable]:
        """Every measurable, in scorecard order."""
        return self.store.list_measurables(active_only=not include_inactive)

    def measurable(self, ref: Measurable | int | str) -> Measurable:
        """A measurable by id, key or name (case-insensitive), else by the unique start of
        its name or key. None found, or several, is bad input."""
        if isinstance(ref, Measurable):
            return ref
        text = str(ref).strip()
        if isinstance(ref, int) or text.isdecimal():
            found = self.store.get_measurable(int(text))
            if found is None:
                raise InvalidInput(_("No measurable with id {id}").format(id=text))
            return found
        wanted = fold(text)
        every = self.store.list_measurables(active_only=False)
        exact = [m for m in every if wanted in (fold(m.name), fold(m.key or ""))]
        started = [
            m
            for m in every
            if m.active
            and (fold(m.name).startswith(wanted) or fold(m.key or "").startswith(wanted))
        ]
        for found_list in (exact, started if wanted else []):
            if len(found_list) == 1:
                return found_list[0]
            if len(found_list) > 1:
                names = ", ".join(m.name for m in found_list[:5])
                raise InvalidInput(
                    _("{name} is ambiguous: {candidates}").format(name=text, candidates=names)
                )
        raise InvalidInput(
            _("No measurable called {name}; `salestui numbers list` shows them").format(
                name=text or "''"
            )
        )

    def add_measurable(
        self,
        name: str,
        unit: str = "",
        owner: str | Owner | None = None,
        direction: Direction | str = Direction.HIGHER,
        period: PeriodKind | str = PeriodKind.WEEK,
        goal: object = None,
        goal_high: object = None,
        key: str | None = None,
        rollup: Rollup | str | None = None,
        description: str | None = None,
    ) -> Measurable:
        """A new measurable: ``name`` (unique), ``unit`` (元, 万元, %, 家...), ``owner`` (a
        person or a team), ``direction`` (higher / lower / band), ``period`` (week or
        month), a standing ``goal`` (a band: ``goal`` and ``goal_high``, or ``90..110``),
        a short ``key`` for typing (``sales``), and how a team's figure follows from its
        members' (``rollup``: sum, average or none; by default a sum, but none for a band
        or a percentage, which do not add up)."""
        if rollup is None:
            rollup = Rollup.NONE if direction == "band" or unit.strip() == "%" else Rollup.SUM
        values = self._checked(
            {
                "name": name,
                "unit": unit or "",
                "owner": owner,
                "direction": direction,
                "period": period,
                "goal": goal,
                "goal_high": goal_high,
                "key": key,
                "rollup": rollup,
                "description": description,
            }
        )
        measurable = Measurable(**values, created_by=self._me_id())
        self._check_unique(measurable, None)
        summary = _("Added the measurable {name}").format(name=measurable.name)
        with self.services.journal.step(NUMBERS, summary=summary) as step:
            added = self.store.add_measurable(measurable, self.services.clock.now())
            step.created(measurable_scope(self._id(added)))
        return added

    def edit_measurable(self, ref: Measurable | int | str, **changes: Any) -> Measurable:
        """Change fields of a measurable (any of ``EDITABLE``; ``owner`` as a name). Its
        period kind cannot change once it has values or goals."""
        unknown = sorted(set(changes) - set(EDITABLE))
        if unknown:
            raise InvalidInput(_("Unknown field: {name}").format(name=unknown[0]))
        found = self.measurable(ref)
        current: dict[str, Any] = found.model_dump(include=set(EDITABLE) - {"owner"})
        current["owner"] = Owner(person_id=found.person_id, team=found.team)
        if "direction" in changes and "goal" not in changes and found.goal is not None:
            changes.setdefault("goal", found.goal)  # re-checked against the new direction
        values = self._checked(current | changes)
        updated = Measurable(**(found.model_dump() | values))
        if updated.period != found.period and self.store.has_numbers(self._id(found)):
            raise InvalidInput(
                _("{name} already has numbers by {kind}; its period cannot change").format(
                    name=found.name, kind=kind_label(found.period)
                )
            )
        self._check_unique(updated, found.id)
        summary = _("Edited the measurable {name}").format(name=updated.name)
        scope = measurable_scope(self._id(found))
        with self.services.journal.step(NUMBERS, scope, summary=summary):
            self.store.update_measurable(updated)
        return updated

    def _checked(self, values: dict[str, Any]) -> dict[str, Any]:
        """Field values as the model takes them: enums checked, the owner resolved, the
        standing goal read (a band's two bounds)."""
        direction = _choice(
            Direction,
            values["direction"],
            _("Unknown direction: {value} (higher, lower or band)"),
        )
        out = dict(values)
        out["direction"] = direction
        out["period"] = _choice(
            PeriodKind, values["period"], _("Unknown period: {value} (week or month)")
        )
        out["rollup"] = _choice(
            Rollup, values["rollup"], _("Unknown roll-up: {value} (sum, average or none)")
        )
        owner = out.pop("owner")
        who = self.owner(owner) if owner not in (None, "", Owner()) else Owner()
        out["person_id"], out["team"] = who.person_id, who.team
        if values.get("goal") in (None, ""):
            out["goal"], out["goal_high"] = None, None
        else:
            out["goal"], out["goal_high"] = band_of(direction, values["goal"], values["goal_high"])
        key = (out.get("key") or "").strip()
        if key.isdecimal():
            raise InvalidInput(_("A key cannot be a number (numbers are ids)"))
        out["key"] = key or None
        return out

    def _check_unique(self, measurable: Measurable, other_than: int | None) -> None:
        if self.store.measurable_taken(measurable.name, None, other_than):
            raise InvalidInput(
                _("A measurable called {name} already exists").format(name=measurable.name)
            )
        if measurable.key and self.store.measurable_taken(measurable.key, None, other_than):
            raise InvalidInput(_("The key {key} is taken").format(key=measurable.key))

    # -- owners ----------------------------------------------------------------------------

    def owner(self, text: str | Owner | None, measurable: Measurable | None = None) -> Owner:
        """Whose number: a team by its exact name, else a person (``find_person``: full
        name, unique prefix, pinyin initials, id). None or blank: the measurable's
        owner."""
        if isinstance(text, Owner):
            if text.person_id is not None:
                person = self.services.person(text.person_id)
                return Owner(person_id=person.id, name=person.name)
            if text.team:
                return Owner(team=text.team, name=text.team)
            text = None
        name = (text or "").strip().lstrip("@＠")
        if not name:
            if measurable is not None and (measurable.person_id or measurable.team):
                return self.owner(Owner(person_id=measurable.person_id, team=measurable.team))
            raise InvalidInput(_("Say whose number it is: a person or a team"))
        teams = {fold(t): t for t in self.services.teams()}
        if measurable is not None and measurable.team:
            teams.setdefault(fold(measurable.team), measurable.team)
        if fold(name) in teams:
            team = teams[fold(name)]
            return Owner(team=team, name=team)
        exact = self.store.person_by_name(name)  # the common case, without the name rules
        if exact is not None and exact.active:
            return Owner(person_id=exact.id, name=exact.name)
        try:
            person = self.services.find_person(name)
        except NotFound as error:
            raise InvalidInput(
                _("No one and no team is called {name}").format(name=name)
            ) from error
        return Owner(person_id=person.id, name=person.name)
