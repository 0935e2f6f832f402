"""Passwords and one-time sign-in tokens (``salestui serve``, issue 17).

A password is kept only as an argon2id hash (argon2-cffi, its default, memory-hard
parameters, a random salt per hash). A person signed in to ``serve`` gets an app process
of their own; the server hands it who they are as a one-time token: 32 random bytes,
of which the database keeps only the SHA-256, valid for a minute and deleted when used.
The app process trusts nothing else a browser could have a say in.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from salestui.core.errors import InvalidInput
from salestui.i18n import _

TOKEN_ENV = "SALESTUI_SIGN_IN_TOKEN"  # set by ``serve`` for the app process it starts
TOKEN_SECONDS = 60
MIN_PASSWORD = 8
MAX_PASSWORD = 1024

_HASHER = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified when the name is unknown, so that a wrong name costs as long as a wrong
    password. Made on first use: hashing takes a third of a second, which every command
    would pay at start-up."""
    return _HASHER.hash(secrets.token_hex(16))


def prepare() -> None:
    """Make the stand-in hash now, so that the first unknown name is not slower than the
    rest (a server calls this before it takes sign-ins)."""
    _dummy_hash()


def check_new_password(password: str) -> None:
    """InvalidInput unless ``password`` is fit to keep."""
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(
            _("A password needs at least {count} characters").format(count=MIN_PASSWORD)
        )
    if len(password) > MAX_PASSWORD:
        raise InvalidInput(_("That password is too long"))
    if password != password.strip():
        raise InvalidInput(_("A password cannot start or end with a space"))


def hash_password(password: str) -> str:
    check_new_password(password)
    return _HASHER.hash(password)


def verify_password(hashed: str | None, password: str) -> bool:
    """Whether ``password`` matches ``hashed`` (None: nobody - checked all the same)."""
    try:
        return _HASHER.verify(hashed or _dummy_hash(), password) and hashed is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def new_token() -> tuple[str, str]:
    """A one-time token and the hash the database keeps of it."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_expiry() -> datetime:
    return now_utc() + timedelta(seconds=TOKEN_SECONDS)


def now_utc() -> datetime:
    """Real time, never the app's test clock: a token's minute is a real minute."""
    return datetime.now(UTC)
