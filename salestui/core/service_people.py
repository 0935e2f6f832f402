"""The service layer's people: the directory, the reporting lines, and who "me" is."""

from __future__ import annotations

from collections.abc import Sequence

from salestui.core.boundary import storage_boundary
from salestui.core.errors import InvalidInput, NotFound
from salestui.core.journal import PEOPLE, person_scopes
from salestui.core.models import Person, Role
from salestui.core.service_base import build
from salestui.core.service_sign_in import SignInServices
from salestui.i18n import _

# What "my team" can be typed as (folded: case and spaces do not count).
MY_TEAM = ("myteam", "我的团队", "我的小组", "本组")


def fold_team(text: str) -> str:
    return "".join(text.split()).casefold()


def person_in(query: str, people: Sequence[Person]) -> Person:
    """``find_person``'s rules on people read before (the active ones, as ``people()``
    returns them; a number is the id of one of them): a front end resolves names as they
    are typed without reading the database at each key."""
    query = query.strip().lstrip("@＠")
    if not query:
        raise InvalidInput(_("A name is needed"))
    if query.isdecimal():
        for person in people:
            if person.id == int(query):
                return person
        raise NotFound(_("No person with id {id}").format(id=query))
    from salestui.core.names import match_person

    found = match_person(query, people)
    assert isinstance(found, Person)
    return found


@storage_boundary
class PeopleServices(SignInServices):
    """People: find, add and edit them; teams and reporting lines; who the user is."""

    def people(self, team: str | None = None) -> list[Person]:
        return self.store.list_people(team=team)

    def people_by_id(self) -> dict[int, Person]:
        return {p.id: p for p in self.store.list_people(active_only=False) if p.id is not None}

    def person(self, person_id: int) -> Person:
        found = self.store.get_person(person_id)
        if found is None:
            raise NotFound(_("No person with id {id}").format(id=person_id))
        return found

    def find_person(self, query: str) -> Person:
        """A person by full name, unique prefix or pinyin initials."""
        cleaned = query.strip().lstrip("@＠")
        if cleaned.isdecimal():
            return self.person(int(cleaned))
        return person_in(query, self.store.list_people())

    def add_person(
        self,
        name: str,
        role: Role | str = Role.MEMBER,
        team: str | None = None,
        reports_to: str | int | None = None,
        email: str | None = None,
        login: str | None = None,
    ) -> Person:
        manager_id = self._resolve_person_id(reports_to)
        try:
            role = Role(role)
        except ValueError as error:
            raise InvalidInput(_("Unknown role: {role}").format(role=role)) from error
        from salestui.core.mail_settings import check_email

        person = build(
            Person, name=name, role=role, team=team, email=check_email(email), login=login
        )
        person.reports_to = manager_id
        if person.login:
            self.check_may_manage(-1)
            self.check_login_free(None, person.login)
        if self.store.person_by_name(person.name):
            raise InvalidInput(_("Someone called {name} already exists").format(name=person.name))
        summary = _("Added {name} to the people").format(name=person.name)
        with self.journal.step(PEOPLE, summary=summary) as step:
            added = self.store.add_person(person, self.clock.now())
            assert added.id is not None
            step.created(*person_scopes(added.id))
        return added

    def edit_person(self, person_id: int, **changes: object) -> Person:
        person = self.person(person_id)
        if "reports_to" in changes:
            manager_id = self._resolve_person_id(changes.pop("reports_to"))  # type: ignore[arg-type]
            if manager_id == person_id or (
                manager_id is not None and manager_id in self.store.reports_of(person_id)
            ):
                raise InvalidInput(_("A person cannot report to themselves or their own staff"))
            changes["reports_to"] = manager_id
        if "email" in changes:
            from salestui.core.mail_settings import check_email

            changes["email"] = check_email(changes["email"])  # type: ignore[arg-type]
        if "login" in changes and changes["login"] != person.login:
            self.check_may_manage(person_id)
        data = person.model_dump() | changes
        updated = build(Person, **data)
        self.check_login_free(person_id, updated.login)
        other = self.store.person_by_name(updated.name)
        if other and other.id != person_id:
            raise InvalidInput(_("Someone called {name} already exists").format(name=updated.name))
        summary = _("Edited {name}’s details").format(name=updated.name)
        with self.journal.step(PEOPLE, *person_scopes(person_id), summary=summary):
            self.store.update_person(updated)
        return updated

    def _resolve_person_id(self, who: str | int | None) -> int | None:
        if who is None or who == "":
            return None
        if isinstance(who, int):
            return self.person(who).id
        return self.find_person(who).id

    def manager_of(self, person_id: int) -> Person | None:
        person = self.person(person_id)
        return self.store.get_person(person.reports_to) if person.reports_to else None

    def team_member_ids(self, team: str) -> list[int]:
        """Everyone in a team, or - when ``team`` names a person - that person and their
        whole reporting tree."""
        ids = self.store.team_member_ids(team)
        if ids:
            return ids
        if team in self.store.teams():
            return []
        lead = self.find_person(team)
        assert lead.id is not None
        return [lead.id, *self.store.reports_of(lead.id)]

    def team_invitees(self, query: str) -> tuple[str, list[Person]]:
        """Who "inviting a team" adds: a team by name (销售一部, any case), or "my team" /
        "我的团队" - the user and everyone reporting to them, else the user's own team.
        Returns the team's name as shown and its active people; InvalidInput when the
        query names no team."""
        text = query.strip()
        if fold_team(text) in MY_TEAM:
            return self._my_team()
        found = next((t for t in self.store.teams() if t.casefold() == text.casefold()), None)
        if found is None:
            raise InvalidInput(_("No team called {name}").format(name=text))
        return found, self.store.list_people(team=found)

    def _my_team(self) -> tuple[str, list[Person]]:
        me = self.me()
        if me is None or me.id is None:
            raise InvalidInput(_("Who are you? Set me in the config file to invite my team"))
        below = set(self.store.reports_of(me.id))
        if below:
            people = [p for p in self.store.list_people() if p.id == me.id or p.id in below]
            return _("my team"), people
        if me.team:
            return me.team, self.store.list_people(team=me.team)
        raise InvalidInput(
            _("{name} has no team and no one reporting to them").format(name=me.name)
        )

    def set_me(self, name: str | None) -> None:
        """Who the user is from now on (a name, as ``find_person`` reads it); refused when
        who I am is fixed (``me_fixed``) and ``name`` is someone else."""
        if self._me_fixed is not None and name != self._me_name:
            raise InvalidInput(self._me_fixed)
        self._me_name = name

    @property
    def me_name(self) -> str | None:
        """The name given for the user, if any (``me()`` finds the person)."""
        return self._me_name

    @property
    def me_chosen(self) -> bool:
        """Whether anyone said who the user is (else ``me`` falls back to the director)."""
        return bool(self._me_name)

    def me(self) -> Person | None:
        """The user: config's ``me``, else the first director in the database."""
        if self._me_name:
            try:
                return self.find_person(self._me_name)
            except (NotFound, InvalidInput):
                return None
        for person in self.store.list_people():
            # A director with a login is that OS user only (core.identity).
            if person.role == Role.DIRECTOR and not person.login:
                return person
        return None

    def teams(self) -> list[str]:
        """Every team name in use, sorted."""
        return self.store.teams()

    def reports_of(self, person_id: int) -> list[int]:
        """The ids of everyone reporting to the person, directly or not."""
        return self.store.reports_of(person_id)

    def person_or_none(self, person_id: int) -> Person | None:
        """The person with that id, or None (e.g. a manager removed since)."""
        return self.store.get_person(person_id)
