"""The actions list's filters as people read and type them: a one-line summary, and the
filter form's fields and what they mean."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from salestui.core.errors import InvalidInput
from salestui.core.models import SORTS, ActionListRow, ActionStatus, Person
from salestui.core.service import Services
from salestui.core.service_people import person_in
from salestui.core.views import OPEN, ActionFilter, DueBucket
from salestui.i18n import N_, _
from salestui.tui import labels
from salestui.tui.screens.actions_forms import FormField

BUCKETS: dict[DueBucket, str] = {
    DueBucket.OVERDUE: N_("overdue"),
    DueBucket.TODAY: N_("due today"),
    DueBucket.WEEK: N_("due this week"),
    DueBucket.LATER: N_("due later"),
    DueBucket.NONE: N_("no due date"),
}
SORT_NAMES: dict[str, str] = {
    "urgency": N_("urgency"),
    "due": N_("due date"),
    "priority": N_("priority"),
    "owner": N_("owner"),
    "age": N_("age"),
    "check-in": N_("next check-in"),
}
BUCKET_CYCLE: list[DueBucket | None] = [None, *BUCKETS]
_SPLIT = re.compile(r"[,，、;；]")


def status_summary(statuses: tuple[ActionStatus, ...]) -> str:
    if set(statuses) == set(OPEN):
        return _("open items")
    return ", ".join(labels.action_status(s) for s in statuses)


def describe(services: Services, f: ActionFilter) -> list[str]:
    """The filters that are set, each a few words (``owner: 王芳``, ``overdue``)."""
    people = services.people_by_id()

    def name(person_id: int) -> str:
        person = people.get(person_id)
        return person.name if person else f"#{person_id}"

    parts: list[str] = []
    if f.owner_ids:
        owners = ", ".join(name(i) for i in f.owner_ids)
        parts.append(_("owner: {names}").format(names=owners))
    if f.team_lead_id is not None:
        parts.append(_("team of {name}").format(name=name(f.team_lead_id)))
    if f.team:
        parts.append(_("team {name}").format(name=f.team))
    if f.unassigned:
        parts.append(_("unassigned"))
    if f.statuses:
        parts.append(status_summary(f.statuses))
    if f.bucket is not None:
        parts.append(_(BUCKETS[f.bucket]))
    if f.meeting_id is not None:
        meeting = services.find_meeting(f.meeting_id)
        title = meeting.title if meeting else f"#{f.meeting_id}"
        parts.append(_("meeting: {title}").format(title=title))
    if f.series_id is not None:
        series = services.series(f.series_id)
        title = series.title if series else f"#{f.series_id}"
        parts.append(_("series: {title}").format(title=title))
    if f.tag:
        parts.append(f"#{f.tag.lstrip('#')}")
    if f.priority is not None:
        parts.append(labels.priority(f.priority))
    if f.text.strip():
        parts.append(f'"{f.text.strip()}"')
    return parts


def _status_choices() -> list[tuple[str, str]]:
    choices = [("", _("any")), ("open-items", _("open items"))]
    return choices + [(s.value, labels.action_status(s)) for s in ActionStatus]


def _status_value(statuses: tuple[ActionStatus, ...]) -> str:
    if not statuses:
        return ""
    if set(statuses) == set(OPEN):
        return "open-items"
    return statuses[0].value if len(statuses) == 1 else "open-items"


def form_fields(services: Services, f: ActionFilter, row: ActionListRow | None) -> list[FormField]:
    """The filter form, filled with ``f``; ``row`` offers its meeting and series."""
    people = services.people_by_id()
    owners = ", ".join(people[i].name for i in f.owner_ids if i in people)
    lead = people[f.team_lead_id].name if f.team_lead_id in people else (f.team or "")
    sources = [("", _("any"))]
    if f.meeting_id is not None:
        sources.append((f"meeting:{f.meeting_id}", _("the chosen meeting")))
    if f.series_id is not None:
        sources.append((f"series:{f.series_id}", _("the chosen series")))
    meeting = services.find_meeting(row.meeting_id) if row and row.meeting_id else None
    if meeting is not None and meeting.id != f.meeting_id:
        sources.append((f"meeting:{meeting.id}", _("meeting: {title}").format(title=meeting.title)))
        series = services.series(meeting.series_id) if meeting.series_id else None
        if series is not None and series.id != f.series_id:
            sources.append((f"series:{series.id}", _("series: {title}").format(title=series.title)))
    current_source = (
        f"meeting:{f.meeting_id}" if f.meeting_id is not None
        else f"series:{f.series_id}" if f.series_id is not None else ""
    )  # fmt: skip
    priorities = [("", _("any"))] + [(str(p), labels.priority(p)) for p in (1, 2, 3)]
    names_hint = _("names, comma between")
    return [
        FormField("owners", _("Owner"), owners, placeholder=names_hint),
        FormField("team", _("Team of"), lead, placeholder=_("a team, or a lead: their whole team")),
        FormField(
            "unassigned",
            _("Unassigned"),
            "yes" if f.unassigned else "",
            choices=[("", _("no")), ("yes", _("yes"))],
        ),  # fmt: skip
        FormField("status", _("Status"), _status_value(f.statuses), choices=_status_choices()),
        FormField(
            "due",
            _("Due"),
            f.bucket.value if f.bucket else "",
            choices=[("", _("any"))] + [(b.value, _(label)) for b, label in BUCKETS.items()],
        ),  # fmt: skip
        FormField("source", _("From"), current_source, choices=sources),
        FormField("tag", _("Tag"), f.tag or "", placeholder="#回款"),
        FormField("priority", _("Priority"), str(f.priority or ""), choices=priorities),
        FormField("text", _("Text"), f.text, placeholder=_("words in the title")),
        FormField(
            "sort",
            _("Sort by"),
            f.sort,
            choices=[(s, _(SORT_NAMES[s])) for s in SORTS],
        ),  # fmt: skip
    ]


@dataclass
class Directory:
    """Whom the actions screen's forms can name, read in a worker with the list: names
    typed into a form resolve among these as they are typed, with no read at each key."""

    people: list[Person]  # the active ones: names resolve among them (``find_person``)
    everyone: dict[int, Person]  # by id, those no longer active too
    teams: list[str]

    @classmethod
    def read(cls, services: Services) -> Directory:
        return cls(services.people(), services.people_by_id(), services.teams())

    def find(self, name: str) -> Person:
        return person_in(name, self.people)

    def name(self, person_id: int) -> str:
        person = self.everyone.get(person_id)
        return person.name if person else f"#{person_id}"


def names_to_ids(directory: Directory, text: str) -> tuple[int, ...]:
    ids: list[int] = []
    for part in _SPLIT.split(text):
        if part.strip():
            person = directory.find(part)
            assert person.id is not None
            ids.append(person.id)
    return tuple(dict.fromkeys(ids))


def filter_from_values(directory: Directory, values: dict[str, str]) -> ActionFilter:
    """The filter the form's values describe (unknown names raise, changing nothing)."""
    owners = names_to_ids(directory, values.get("owners", ""))
    team = values.get("team", "").strip()
    # A team's name, as on the command line (--team), or a lead: their reporting tree.
    team_name = team if team and team in directory.teams else None
    lead_id = directory.find(team).id if team and team_name is None else None
    status = values.get("status", "")
    statuses: tuple[ActionStatus, ...] = ()
    if status == "open-items":
        statuses = OPEN
    elif status:
        statuses = (ActionStatus(status),)
    bucket = DueBucket(values["due"]) if values.get("due") else None
    kind, _sep, number = values.get("source", "").partition(":")
    tag = values.get("tag", "").strip().lstrip("#") or None
    if tag and " " in tag:
        raise InvalidInput(_("A tag is one word"))
    priority = values.get("priority", "")
    return ActionFilter(
        owner_ids=owners,
        team_lead_id=lead_id,
        team=team_name,
        statuses=statuses,
        bucket=bucket,
        meeting_id=int(number) if kind == "meeting" else None,
        series_id=int(number) if kind == "series" else None,
        tag=tag,
        priority=int(priority) if priority else None,
        text=values.get("text", "").strip(),
        unassigned=values.get("unassigned") == "yes",
        sort=values.get("sort") or "urgency",
    )


def next_bucket(f: ActionFilter) -> ActionFilter:
    position = BUCKET_CYCLE.index(f.bucket)
    return replace(f, bucket=BUCKET_CYCLE[(position + 1) % len(BUCKET_CYCLE)])


def next_sort(f: ActionFilter) -> ActionFilter:
    position = SORTS.index(f.sort) if f.sort in SORTS else -1
    return replace(f, sort=SORTS[(position + 1) % len(SORTS)])
