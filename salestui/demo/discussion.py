"""What was said in a held demo meeting: notes, links and parked topics item by item, the
decisions (some rejected, or still proposed in a meeting not yet confirmed) and the
action items, some hung on a decision. Everything is collected first, then written in the
order it was said."""

from __future__ import annotations

from datetime import datetime, timedelta

from salestui.core.models import (
    AgendaItem,
    AgendaStatus,
    Decision,
    DecisionStatus,
    Entry,
    EntryKind,
    MeetingKind,
    MeetingStatus,
)
from salestui.demo import data as data
from salestui.demo.actions import ActionPlan
from salestui.demo.spec import MeetingSpec
from salestui.demo.state import BuildState


def notes_pool(spec: MeetingSpec) -> tuple[str, ...]:
    """The note templates of the meeting's language."""
    if spec.language == "daily":
        return data.DAILY_NOTES
    if spec.language == "en":
        return data.NOTES_EN
    return data.NOTES_ZH + data.NOTES_EN[:2]  # mixed teams: some notes in English


class Discussion:
    """The entries of one held meeting, with the decisions and actions they stand for."""

    def __init__(
        self,
        state: BuildState,
        spec: MeetingSpec,
        meeting_id: int,
        agenda: list[tuple[AgendaItem, AgendaStatus, datetime | None]],
        present: list[str],
    ) -> None:
        self.state = state
        self.rng = state.rng
        self.spec = spec
        self.meeting_id = meeting_id
        self.present = present
        self.chair = state.ids[spec.chair]
        self.began = {item.id: started for item, _status, started in agenda}
        self.ran = [(item, status) for item, status, _ in agenda if status != AgendaStatus.SKIPPED]
        self.said: list[tuple[datetime, int, Entry, object]] = []  # (at, order, entry, extra)

    def write(self) -> None:
        """Notes, links, parked topics, decisions and actions, written in the order said."""
        self._notes()
        standing = self._decisions()
        self._actions(standing)
        self._write_said()

    # -- who says what, when ----------------------------------------------------------------

    def moment(self, item: AgendaItem) -> datetime:
        """A moment while ``item`` ran."""
        started = self.began[item.id]
        assert started is not None
        seconds = self.rng.randint(10, max(11, item.elapsed_seconds - 10))
        return started + timedelta(seconds=seconds)

    def speaker(self, item: AgendaItem) -> int:
        """Mostly the item's presenter, else anyone present."""
        if item.presenter_id is not None and self.rng.random() < 0.6:
            return item.presenter_id
        return self.state.ids[self.rng.choice(self.present)]

    def say(
        self,
        item: AgendaItem,
        kind: EntryKind,
        text: str,
        who: int,
        at: datetime,
        extra: object = None,
        disposition: str | None = None,
    ) -> None:
        entry = Entry(
            meeting_id=self.meeting_id,
            agenda_item_id=item.id,
            kind=kind,
            text=text,
            person_id=who,
            at=at,
            disposition=None if self.spec.status == MeetingStatus.ENDED else disposition,
        )
        self.said.append((at, len(self.said), entry, extra))

    # -- the entries ------------------------------------------------------------------------

    def _notes(self) -> None:
        """Notes and links on each item that ran; its parked topics."""
        rng, spec, fill = self.rng, self.spec, self.state.fill
        pool = notes_pool(spec)
        # Parking-lot entries of a confirmed meeting were resolved at confirmation.
        for item, status in self.ran:
            if status == AgendaStatus.PARKED:
                self.say(
                    item,
                    EntryKind.PARK,
                    f"{item.title}：时间不够，下次会议继续",
                    self.chair,
                    self.moment(item),
                    disposition="next",
                )
                continue
            for template in rng.sample(pool, rng.randint(1, 2)):
                self.say(
                    item, EntryKind.NOTE, fill(template), self.speaker(item), self.moment(item)
                )
            if rng.random() < 0.12:
                self.say(
                    item,
                    EntryKind.LINK,
                    rng.choice(data.LINKS),
                    self.speaker(item),
                    self.moment(item),
                )
            if rng.random() < 0.06 and spec.language != "daily":
                self.say(
                    item,
                    EntryKind.PARK,
                    fill(rng.choice(data.PARK_NOTES)),
                    self.speaker(item),
                    self.moment(item),
                    disposition=rng.choice(("next", "dropped")),
                )

    def _decisions(self) -> list[tuple[int, AgendaItem, datetime]]:
        """The decisions; returns (index, item, at) of those that stand, for actions to
        link to."""
        rng, spec = self.rng, self.spec
        decision_items = [i for i, s in self.ran if s == AgendaStatus.DONE] or [self.ran[-1][0]]
        standing: list[tuple[int, AgendaItem, datetime]] = []
        fitting = [text for text, kinds in data.DECISIONS if spec.kind in kinds]
        count = min(rng.randint(*spec.decision_range), len(fitting))
        for index, template in enumerate(rng.sample(fitting, count)):
            item = rng.choice(decision_items)
            at = self.moment(item)
            verdict = DecisionStatus.CONFIRMED
            if spec.status == MeetingStatus.ENDED:
                verdict = DecisionStatus.PROPOSED  # still to be confirmed with the room
            elif (index == 0 and spec.reject_first_decision) or rng.random() < 0.1:
                verdict = DecisionStatus.REJECTED
            text = self.state.fill(template)
            self.say(item, EntryKind.DECISION, text, self.chair, at, (index, verdict))
            if verdict != DecisionStatus.REJECTED:
                standing.append((index, item, at))
        return standing

    def _actions(self, standing: list[tuple[int, AgendaItem, datetime]]) -> None:
        """The action items, each planned (``ActionPlan``) with its owners and due date."""
        rng, spec = self.rng, self.spec
        horizon = (1, 2) if spec.kind == MeetingKind.DAILY else (3, 5, 7, 7, 10, 14)
        used: set[str] = set()
        for _n in range(rng.randint(*spec.action_range)):
            title, tags, candidates = self.state.draw(spec.actions)
            while title in used and len(used) < len(spec.actions):  # a fresh deck may repeat
                title, tags, candidates = self.state.draw(spec.actions)
            used.add(title)
            decision_index = None
            if standing and rng.random() < 0.5:
                decision_index, item, decided = rng.choice(standing)
                at = decided + timedelta(seconds=rng.randint(15, 90))
            else:
                item = rng.choice(self.ran)[0]
                at = self.moment(item)
            owners = [self.state.ids[rng.choice(candidates)]]
            if len(candidates) > 1 and rng.random() < 0.2:
                owners = [self.state.ids[c] for c in candidates[:2]]
            plan = ActionPlan(
                title=title,
                tags=tags,
                candidates=candidates,
                owners=owners,
                created=at,
                due=at.date() + timedelta(days=rng.choice(horizon)),
                priority=rng.choices((1, 2, 3), weights=(25, 55, 20))[0],
                meeting_id=self.meeting_id,
                agenda_item_id=item.id,
                decision_id=None,
                series_id=spec.series_id,
                fresh=spec.status == MeetingStatus.ENDED,
            )
            self.say(item, EntryKind.ACTION, title, self.chair, at, (decision_index, plan))

    def _write_said(self) -> None:
        """Write the entries in the order said, each decision with its entry; each action
        is planned with its entry and decision, to be written once settled."""
        store = self.state.store
        decision_ids: dict[int, int] = {}
        for _at, _order, entry, extra in sorted(self.said, key=lambda s: (s[0], s[1])):
            saved = store.add_entry(entry)
            if entry.kind == EntryKind.DECISION:
                assert isinstance(extra, tuple)
                index, verdict = extra
                decision = store.add_decision(
                    Decision(
                        meeting_id=self.meeting_id,
                        agenda_item_id=entry.agenda_item_id,
                        entry_id=saved.id,
                        text=entry.text,
                        status=verdict,
                        decided_at=entry.at,
                    )
                )
                assert decision.id is not None
                decision_ids[index] = decision.id
            elif entry.kind == EntryKind.ACTION:
                assert isinstance(extra, tuple)
                index, plan = extra
                plan.decision_id = decision_ids.get(index) if index is not None else None
                plan.entry_id = saved.id
                self.state.plans.append(plan)
