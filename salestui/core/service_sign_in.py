"""The service layer's signing in: logins, passwords, one-time tokens, and "me" when it
is fixed (by the login on a shared host, or by ``serve``'s sign-in)."""

from __future__ import annotations

from salestui.core import sign_in
from salestui.core.boundary import storage_boundary
from salestui.core.errors import InvalidInput, NotFound
from salestui.core.models import Person, Role
from salestui.core.service_base import ServiceState
from salestui.i18n import _


@storage_boundary
class SignInServices(ServiceState):
    """Who may sign in as whom, and how."""

    _me_fixed: str | None = None

    @property
    def me_fixed(self) -> str | None:
        """Why "me" cannot be changed in this run (None: it can)."""
        return self._me_fixed

    def fix_me(self, name: str, reason: str) -> None:
        """From now on "me" is ``name`` for this run, and cannot change (``reason`` says
        why: the login, or the browser's sign-in)."""
        self._me_name = name
        self._me_fixed = reason

    def person_by_login(self, login: str | None) -> Person | None:
        return self.store.person_by_login(login) if login else None

    def check_login_free(self, person_id: int | None, login: str | None) -> None:
        """InvalidInput when another person has ``login`` already."""
        other = self.store.person_by_login(login) if login else None
        if other is not None and other.id != person_id:
            raise InvalidInput(
                _("{name} has the login {login} already").format(name=other.name, login=login)
            )

    def check_may_manage(self, person_id: int, own: bool = False) -> None:
        """When "me" is fixed, only a director changes another person's way of signing in
        (``own``: also the person themselves). A guard against slips: on a shared host
        the operating system's group is what really keeps people apart (README)."""
        if self._me_fixed is None:
            return
        me = self.me()  # type: ignore[attr-defined]
        if me is not None and (me.role == Role.DIRECTOR or (own and me.id == person_id)):
            return
        raise InvalidInput(_("Only a director changes how other people sign in"))

    def set_password(self, person_id: int, password: str | None) -> None:
        """Keep the password's hash (None: the person no longer signs in with one)."""
        self.check_may_manage(person_id, own=True)
        hashed = sign_in.hash_password(password) if password is not None else None
        self.store.set_password_hash(person_id, hashed, self.clock.now())

    def has_password(self, person_id: int) -> bool:
        return self.store.password_hash(person_id) is not None

    def passwords_set(self) -> int:
        """How many active people can sign in with a password."""
        return self.store.password_count()

    def check_password(self, who: str, password: str) -> Person | None:
        """The person named ``who`` (their login, full name or id - nothing looser) when
        ``password`` is theirs; None otherwise (always as slow)."""
        person = self.store.person_by_login(who) or self.store.person_by_name(who.strip())
        if person is not None and not person.active:
            person = None
        hashed = self.store.password_hash(person.id) if person and person.id else None
        return person if sign_in.verify_password(hashed, password) else None

    def issue_sign_in_token(self, person_id: int) -> str:
        """A one-time token naming the person, for the app process ``serve`` starts."""
        token, hashed = sign_in.new_token()
        self.store.add_sign_in_token(hashed, person_id, sign_in.token_expiry())
        return token

    def redeem_sign_in_token(self, token: str) -> Person:
        """The person a token names; the token is used up. InvalidInput when it is not
        valid (unknown, used or expired)."""
        found = self.store.take_sign_in_token(sign_in.token_hash(token), sign_in.now_utc())
        person = self.store.get_person(found) if found is not None else None
        if person is None or not person.active:
            raise InvalidInput(_("This sign-in is not valid (used or expired): sign in again"))
        return person

    def person_for_header(self, value: str) -> Person:
        """The person a reverse proxy's header names: their login, else their full name."""
        person = self.store.person_by_login(value) or self.store.person_by_name(value.strip())
        if person is None or not person.active:
            raise NotFound(_("Nobody here is called {name}").format(name=value))
        return person
