"""Who "I" am for this run, once the database is open (``core.identity``): a one-time
sign-in token from ``serve`` first, else the person whose login is this OS user, else
``--me``, ``SALESTUI_ME``, the choice made in the app, the config file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salestui.core.identity import Claim, os_login, resolve
from salestui.core.sign_in import TOKEN_ENV
from salestui.i18n import _

if TYPE_CHECKING:
    from salestui.core.models import Person
    from salestui.core.service import Services


def claims(option: str | None, config: Any, personal: Any) -> list[Claim]:
    """The ways this run was told who I am, the first given winning."""
    return [
        Claim("option", option),
        Claim("environment", os.environ.get("SALESTUI_ME", "").strip() or None),
        Claim("chosen", personal.get("me")),
        Claim("config", config.me),
    ]


def settle(services: Services, given: list[Claim]) -> tuple[Person | None, list[str]]:
    """Fix who I am on ``services``: the person signed in through ``serve`` (returned),
    or the login's person, or the claims. Returns the warnings of claims set aside;
    raises InvalidInput for a bad token or a refused claim."""
    token = os.environ.pop(TOKEN_ENV, None)  # never handed on to a child process
    if token is not None:
        person = services.redeem_sign_in_token(token)
        reason = _("You signed in as {name}").format(name=person.name)
        services.fix_me(person.name, reason)
        return person, []
    login = os_login()
    mine = services.person_by_login(login)
    identity = resolve(given, mine, login, services.find_person)
    if identity.fixed is not None and identity.name is not None:
        services.fix_me(identity.name, identity.fixed)
    else:
        services.set_me(identity.name)
    return None, identity.warnings


def personal_path(config_path: Path | None, person: Person) -> Path:
    """Where a person signed in through ``serve`` keeps their own choices (language,
    theme): a folder of their own beside the server's config file."""
    from salestui import paths

    base = (config_path or paths.config_file()).parent
    return base / "people" / str(person.id) / "chosen.toml"
