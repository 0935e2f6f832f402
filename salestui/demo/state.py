"""What the demo build shares while it writes the org: the store, the one random stream,
the moment it runs at, the ids given to people, series and meetings, the meetings held so
far, the action items planned so far, and the helpers that fill in a template or deal
one from a pool."""

from __future__ import annotations

import random
from datetime import timedelta

from salestui.core.clock import Clock
from salestui.core.models import Person
from salestui.core.store import Store
from salestui.demo import data as data
from salestui.demo.actions import ActionPlan, Held
from salestui.demo.plan import HISTORY_WEEKS, MeetingPlanner


class BuildState:
    """The rows written so far and what every part of the build draws on."""

    def __init__(self, store: Store, clock: Clock, rng: random.Random) -> None:
        self.store = store
        self.rng = rng
        self.now = clock.now()
        self.today = self.now.date()
        self.series: dict[str, int] = {}  # series key (weekly, leadership, daily) -> id
        self.planner = MeetingPlanner(self.now, self.series)
        self.local = self.planner.local
        self.history_start = self.local(self.today - timedelta(weeks=HISTORY_WEEKS + 2), 9)
        self.ids: dict[str, int] = {}  # person name -> id
        self.people: dict[int, Person] = {}
        self.plans: list[ActionPlan] = []
        self.held: dict[int, list[Held]] = {}  # series id -> its meetings held
        self.meeting_ids: dict[str, int] = {}  # meeting spec key -> id
        self._decks: dict[int, list[data.ActionTemplate]] = {}

    def fill(self, template: str) -> str:
        """A note or title template with amounts, a share, a customer and a count in it."""
        rng = self.rng
        return template.format(
            amt=rng.randrange(40, 400, 5),
            pct=rng.randint(62, 118),
            cust=rng.choice(data.BASE_CUSTOMERS),
            n=rng.randint(2, 9),
        )

    def draw(self, pool: tuple[data.ActionTemplate, ...]) -> data.ActionTemplate:
        """Action templates are dealt like cards, so a pool repeats only when used up."""
        deck = self._decks.setdefault(id(pool), [])
        if not deck:
            deck.extend(pool)
            self.rng.shuffle(deck)
        return deck.pop()
