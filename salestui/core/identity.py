"""Who "I" am, when the database says so (issue 17, "Beyond one machine").

On a shared host, a person whose ``login`` is set is that operating-system user and no
one else: their login decides who "I" am, over ``--me``, ``SALESTUI_ME``, the choice
made in the app and the config file's ``me``. So nobody can act as someone else by
editing a config file. The decision, documented in the README:

- an explicit ``--me`` or ``SALESTUI_ME`` that names anyone else is **refused** (exit 2);
- the remembered choice or the config file's ``me`` naming someone else is **ignored**,
  with a warning (it may be an old file);
- a person with a login is never "me" for another OS user, even when no login matches.

The OS user comes from the process's real user id (``pwd``), never from ``$USER`` or
``$LOGNAME``, which anyone can set.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from salestui.core.errors import InvalidInput, NotFound
from salestui.core.models import Person
from salestui.i18n import _


def os_login() -> str | None:
    """The name of the user this process runs as (None where there is no such thing)."""
    try:
        import pwd

        return pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError):
        return None


@dataclass
class Claim:
    """One way of saying who I am: where it came from and the name given."""

    source: str  # "option", "environment", "chosen", "config"
    name: str | None

    @property
    def strict(self) -> bool:
        """Said for this run on purpose (refused when wrong) rather than remembered."""
        return self.source in ("option", "environment")

    def label(self) -> str:
        labels = {
            "option": "--me",
            "environment": "SALESTUI_ME",
            "chosen": _("your choice in the app"),
            "config": _("the config file's me"),
        }
        return labels[self.source]


@dataclass
class Identity:
    """Who "I" am: the name to use (None: not said), whether it is fixed (and why), and
    the warnings of claims set aside."""

    name: str | None
    fixed: str | None = None
    warnings: list[str] = field(default_factory=list)


def resolve(
    claims: Sequence[Claim],
    mine: Person | None,
    login: str | None,
    find: Callable[[str], Person],
) -> Identity:
    """Who I am from the claims (first given wins), the person whose login is mine (if
    any) and ``find`` (a name -> person, raising NotFound/InvalidInput). Raises
    InvalidInput when a strict claim names someone I am not."""
    if mine is not None:
        fixed = _("You are {name} on this host (login {login})").format(name=mine.name, login=login)
        identity = Identity(name=mine.name, fixed=fixed)
        for claim in claims:
            if claim.name and _found(find, claim.name) not in (None, mine.id):
                _set_aside(identity, claim, fixed)
        return identity
    identity = Identity(name=None)
    for claim in claims:
        if not claim.name:
            continue
        person = _person(find, claim.name)
        if person is not None and person.login:
            message = _("{name} signs in as login {login}, and you are not").format(
                name=person.name, login=person.login
            )
            _set_aside(identity, claim, message)
            continue
        identity.name = claim.name
        return identity
    return identity


def _set_aside(identity: Identity, claim: Claim, reason: str) -> None:
    """A claim that names someone I am not: refused when strict, else a warning."""
    named = json.dumps(claim.name, ensure_ascii=False)
    if claim.strict:
        raise InvalidInput(
            _("{reason}: {source} {name} is refused").format(
                reason=reason, source=claim.label(), name=named
            )
        )
    identity.warnings.append(
        _("{reason}: {source} {name} is ignored").format(
            reason=reason, source=claim.label(), name=named
        )
    )


def _person(find: Callable[[str], Person], name: str) -> Person | None:
    try:
        return find(name)
    except (NotFound, InvalidInput):
        return None


def _found(find: Callable[[str], Person], name: str) -> int | None:
    person = _person(find, name)
    return person.id if person else -1
