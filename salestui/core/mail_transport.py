"""Handing messages over: to an SMTP server (smtplib: STARTTLS, SSL or plain, with a
login when a password is found), or - for a dry run - to ``.eml`` files in a folder.

Nothing here touches the database: ``deliver`` takes the messages and returns what
became of each, and the outbox records it (``core.outbox``). A front end runs it in a
worker thread, so a slow server never holds up the screen."""

from __future__ import annotations

import base64
import smtplib
import socket
import ssl
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from salestui.core.export.slug import slugify
from salestui.core.mail_settings import MailSettings, mail_password
from salestui.i18n import _


@dataclass(frozen=True)
class Parcel:
    """One message to hand over: its outbox id, envelope recipient and bytes."""

    id: int
    recipient: str
    subject: str
    data: bytes


@dataclass(frozen=True)
class Delivery:
    """What became of one parcel: ``error`` None when the server took it."""

    id: int
    error: str | None = None


class Transport(Protocol):
    def open(self) -> None: ...
    def send(self, parcel: Parcel) -> None: ...
    def close(self) -> None: ...


def tls_context(settings: MailSettings) -> ssl.SSLContext:
    """Verify the server's certificate and name: against the system's certificates, or
    only those in ``cafile`` (a self-signed server's own certificate, the company's CA)."""
    if settings.cafile is None:
        return ssl.create_default_context()
    path = Path(settings.cafile).expanduser()
    if not path.is_file():
        raise ValueError(
            _("cafile in the [mail] table is not a file: {path}").format(path=settings.cafile)
        )
    return ssl.create_default_context(cafile=str(path))


def _tls_text(error: ssl.SSLError) -> str:
    """Why TLS failed, with what to do when the certificate was not trusted."""
    if isinstance(error, ssl.SSLCertVerificationError):
        reason = error.verify_message or error.reason or str(error)
        return _(
            "the mail server's certificate was not accepted ({reason}); if the server uses "
            'its own certificate, set cafile = "/path/to/its-cert.pem" in the [mail] table'
        ).format(reason=reason)
    return _("the secure connection to the mail server failed: {reason}").format(
        reason=error.reason or " ".join(str(error).split())
    )


def failure_text(error: BaseException) -> str:
    """One line for why sending failed (never the password: smtplib does not echo it)."""
    if isinstance(error, ssl.SSLError):
        return _tls_text(error)
    if isinstance(error, TimeoutError | socket.timeout) or isinstance(
        error.__context__, TimeoutError | socket.timeout
    ):  # smtplib reports a reply that never came as a lost connection
        return _("the mail server did not answer in time")
    if isinstance(error, ConnectionRefusedError):
        return _("the mail server refused the connection")
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return _("the mail server did not accept the user name and password")
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return _("the mail server refused the recipient")
    if isinstance(error, smtplib.SMTPResponseException):
        reason = error.smtp_error
        text = reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)
        return _("the mail server answered {code}: {reason}").format(
            code=error.smtp_code, reason=" ".join(text.split())
        )
    return " ".join(str(error).split()) or type(error).__name__


def login(smtp: smtplib.SMTP, user: str, password: str) -> None:
    """Log in; a name or password beyond ASCII (口令) goes as UTF-8 in AUTH PLAIN (RFC
    4616), which smtplib's own login cannot send."""
    if (user + password).isascii():
        smtp.login(user, password)
        return
    if "plain" not in smtp.esmtp_features.get("auth", "").lower().split():
        raise smtplib.SMTPException(
            _("the mail server cannot take a user name or password that is not plain ASCII")
        )
    token = base64.b64encode(f"\0{user}\0{password}".encode()).decode("ascii")
    code, answer = smtp.docmd("AUTH", f"PLAIN {token}")
    if code not in (235, 503):  # 503: already logged in
        raise smtplib.SMTPAuthenticationError(code, answer)


class SmtpTransport:
    """One connection for a run of messages."""

    def __init__(self, settings: MailSettings) -> None:
        self.settings = settings
        self.smtp: smtplib.SMTP | None = None

    def open(self) -> None:
        settings = self.settings
        host, port, timeout = settings.host or "", settings.smtp_port, settings.timeout
        if settings.security == "ssl":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                host, port, timeout=timeout, context=tls_context(settings)
            )
        else:
            smtp = smtplib.SMTP(host, port, timeout=timeout)
        try:
            smtp.ehlo()
            if settings.security == "starttls":
                smtp.starttls(context=tls_context(settings))
                smtp.ehlo()
            password = mail_password(settings)
            if settings.user and password:
                login(smtp, settings.user, password)
        except BaseException:
            smtp.close()
            raise
        self.smtp = smtp

    def send(self, parcel: Parcel) -> None:
        assert self.smtp is not None
        sender = self.settings.from_header()[1]
        self.smtp.sendmail(sender, [parcel.recipient], parcel.data)

    def close(self) -> None:
        if self.smtp is None:
            return
        try:
            self.smtp.quit()
        except (smtplib.SMTPException, OSError):
            self.smtp.close()
        self.smtp = None


class EmlFolder:
    """A dry run: each message becomes ``<id>-<recipient>-<subject>.eml`` in a folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.written: list[Path] = []

    def open(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)

    def send(self, parcel: Parcel) -> None:
        name = f"{parcel.id:04d}-{slugify(parcel.recipient)}-{slugify(parcel.subject)}"
        path = self.folder / f"{name[:120]}.eml"
        path.write_bytes(parcel.data)
        self.written.append(path)

    def close(self) -> None:
        return None


def deliver(parcels: Iterable[Parcel], transport: Transport) -> list[Delivery]:
    """Hand every parcel over on one connection. A connection that cannot be made fails
    them all with the same reason; a message the server refuses fails alone."""
    parcels = list(parcels)
    if not parcels:
        return []
    try:
        transport.open()
    except (smtplib.SMTPException, OSError, ValueError) as error:
        reason = failure_text(error)
        return [Delivery(p.id, reason) for p in parcels]
    results: list[Delivery] = []
    try:
        for index, parcel in enumerate(parcels):
            try:
                transport.send(parcel)
            except (smtplib.SMTPServerDisconnected, TimeoutError) as error:
                reason = failure_text(error)  # the connection is gone: the rest wait too
                results += [Delivery(p.id, reason) for p in parcels[index:]]
                break
            except (smtplib.SMTPException, OSError) as error:
                results.append(Delivery(parcel.id, failure_text(error)))
            else:
                results.append(Delivery(parcel.id))
    finally:
        transport.close()
    return results
