"""How salestui reaches the mail server: the settings (from the user's own config file,
never the shared database), the password (from an environment variable or the system
keyring, never stored nor printed) and the check of an email address."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from email.headerregistry import Address
from email.utils import parseaddr

from salestui.core.errors import Conflict, InvalidInput
from salestui.i18n import _

SECURITY = ("starttls", "ssl", "none")
PASSWORD_ENV = "SALESTUI_MAIL_PASSWORD"
KEYRING_SERVICE = "salestui"
DEFAULT_TIMEOUT = 20.0
# One address: local part, @, a domain with a dot; no spaces, brackets, commas or quotes.
_ADDRESS = re.compile(r"^[^@\s<>()\[\],;:\"\\]+@[^@\s<>()\[\],;:\"\\]+\.[^@\s<>()\[\],;:\"\\.]+$")
ADDRESS_MAX = 254


def check_email(text: str | None) -> str | None:
    """The address, trimmed, or None for an empty one; InvalidInput when it is not one."""
    address = (text or "").strip()
    if not address:
        return None
    if (
        len(address) > ADDRESS_MAX
        or not address.isascii()
        or not _ADDRESS.match(address)
        or ".." in address
    ):
        raise InvalidInput(
            _("Not an email address: {text} (expected name@example.com)").format(text=address)
        )
    return address


@dataclass(frozen=True)
class MailSettings:
    """The ``[mail]`` table of the config file. ``host`` None: mail is not set up (a dry
    run still works: it writes .eml files)."""

    host: str | None = None
    port: int | None = None
    security: str = "starttls"
    user: str | None = None
    sender: str | None = None  # "from": '王芳 <wang.fang@example.com>' or an address
    timeout: float = DEFAULT_TIMEOUT
    # The certificate(s) to trust, a PEM file, instead of the system's: a server with a
    # self-signed certificate (or one of the company's own CA).
    cafile: str | None = None

    @property
    def configured(self) -> bool:
        return bool(self.host)

    @property
    def smtp_port(self) -> int:
        if self.port:
            return self.port
        return {"ssl": 465, "starttls": 587}.get(self.security, 25)

    def from_header(self) -> tuple[str, str]:
        """(display name, address) of the sender: ``from``, else the user name when it is
        an address, else a local placeholder (for a dry run without settings)."""
        if self.sender:
            name, address = parseaddr(self.sender)
            if address and check_email(address):
                return name, address
        if self.user and "@" in self.user:
            return "", self.user
        if self.configured:
            raise Conflict(_('Set from = "name <address>" in the [mail] table of the config'))
        return "salestui", "salestui@localhost"

    def from_address(self) -> Address:
        name, address = self.from_header()
        local, _at, domain = address.rpartition("@")
        return Address(display_name=name, username=local, domain=domain)

    def describe(self) -> str:
        """Where mail goes, for messages and ``salestui config``: never the password."""
        if not self.configured:
            return _("not set up")
        return f"{self.host}:{self.smtp_port} ({self.security})"


def mail_password(settings: MailSettings) -> str | None:
    """``$SALESTUI_MAIL_PASSWORD``, else the system keyring's password for the user (service
    "salestui"), else None (a server that needs no login)."""
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    if not settings.user:
        return None
    try:
        import keyring  # optional: pip install keyring
    except ImportError:
        return None
    try:
        found = keyring.get_password(KEYRING_SERVICE, settings.user)
    except Exception:  # any keyring back end may fail (none installed, locked)
        return None
    return found or None


def password_source(settings: MailSettings) -> str:
    """Where the password would come from - "environment", "keyring" or "none" - for
    ``salestui config`` (which never shows the password itself)."""
    if os.environ.get(PASSWORD_ENV):
        return "environment"
    return "keyring" if mail_password(settings) else "none"


def needs_setup() -> Conflict:
    return Conflict(
        _(
            "Mail is not set up: add a [mail] table with host and from to the config file "
            "(README: Sending agendas and minutes), or use --dry-run"
        )
    )
