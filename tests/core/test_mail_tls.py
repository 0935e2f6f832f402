"""Mail over TLS against a real server on 127.0.0.1 (aiosmtpd with a certificate of the
test's own CA, made by trustme): implicit TLS ("ssl") and STARTTLS deliver when the
config trusts the certificate (``cafile``), and fail with one clear line - no traceback,
nothing sent - when it does not. The password comes from the keyring (a memory back end
set with ``keyring.set_keyring``), is used to log in and is never shown or stored."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import keyring
import pytest
from keyring.backend import KeyringBackend

from salestui.core.mail_settings import KEYRING_SERVICE, PASSWORD_ENV, MailSettings, password_source
from salestui.core.mailer import Mailer
from salestui.core.outbox import Outbox
from salestui.core.service import Services

PASSWORD = "s3cret-口令-Kq9"


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps its passwords in a dict (the system's is never touched)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture
def ring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)


def _settings(server, security: str, cafile: str | None) -> MailSettings:  # noqa: ANN001
    return MailSettings(host="127.0.0.1", port=server.port, security=security,
                        sender="销售部 <sales@example.com>", timeout=2, cafile=cafile)  # fmt: skip


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_tls_delivers_with_the_certificate_trusted(
    services: Services, tls_servers, mail_meeting: int, security: str
) -> None:
    server = tls_servers.start(security)
    settings = _settings(server, security, str(tls_servers.ca_pem))
    report = Mailer(services, settings).agenda(mail_meeting)
    assert (report.sent, report.failed) == (3, [])
    assert len(server.mailbox.messages) == 3
    [message] = server.mailbox.of("wang.fang@example.com")
    assert message["Subject"] == "Agenda: 周例会 (2026-11-30 09:00)"


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_an_untrusted_certificate_is_one_clear_line(
    services: Services, tls_servers, mail_meeting: int, security: str
) -> None:
    server = tls_servers.start(security)
    report = Mailer(services, _settings(server, security, None)).agenda(mail_meeting)
    assert report.sent == 0 and server.mailbox.messages == []
    [reason] = {reason for _to, reason in report.failed}
    assert reason.startswith("the mail server's certificate was not accepted (")
    assert 'set cafile = "/path/to/its-cert.pem" in the [mail] table' in reason
    assert "\n" not in reason and "Traceback" not in reason
    assert Outbox(services).unsent() == 3  # waits for a retry, once the config trusts it
    missing = _settings(server, security, "/nowhere/ca.pem")
    report = Mailer(services, missing).flush(retry=True)
    assert {r for _to, r in report.failed} == {
        "cafile in the [mail] table is not a file: /nowhere/ca.pem"
    }
    trusted = replace(missing, cafile=str(tls_servers.ca_pem))
    assert Mailer(services, trusted).flush(retry=True).sent == 3


def test_the_keyring_password_logs_in_and_is_never_shown(
    services: Services, tls_servers, mail_meeting: int, ring: MemoryKeyring, capfd, db_path
) -> None:
    tls_servers.password = PASSWORD
    server = tls_servers.start("starttls")
    settings = replace(_settings(server, "starttls", str(tls_servers.ca_pem)),
                       user="wang.fang@example.com")  # fmt: skip
    ring.set_password(KEYRING_SERVICE, "wang.fang@example.com", PASSWORD)
    assert password_source(settings) == "keyring"
    report = Mailer(services, settings).agenda(mail_meeting)
    assert (report.sent, report.failed) == (3, [])
    assert tls_servers.logins == [("wang.fang@example.com", PASSWORD)]
    # A wrong password in the keyring: refused, said without it.
    ring.set_password(KEYRING_SERVICE, "wang.fang@example.com", "wrong-" + PASSWORD)
    refused = Mailer(services, settings).agenda(mail_meeting)
    assert {r for _to, r in refused.failed} == {
        "the mail server did not accept the user name and password"
    }
    shown = capfd.readouterr()
    stored = b"".join(
        p.read_bytes() for p in db_path.parent.glob(f"{db_path.name}*") if p.is_file()
    )
    for text in (shown.out, shown.err, repr(settings), str(refused), *server.mailbox.messages):
        assert PASSWORD not in str(text)
    assert PASSWORD.encode() not in stored and "口令".encode() not in stored
