"""Sending mail from the app without holding up the screen.

A send runs in a thread worker: the messages are built there on the worker's own read
connection; queueing, claiming and recording - quick writes - are handed to the UI
thread (``call_from_thread``: the app's writes all go through its main ``Services``);
the talk with the mail server happens in the worker. ``done`` gets the report, or the
error that stopped the send, on the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from salestui.config import mail_settings
from salestui.core.errors import SalestuiError
from salestui.core.mail_compose import Composed
from salestui.core.mail_settings import MailSettings, needs_setup
from salestui.core.mail_transport import SmtpTransport, deliver
from salestui.core.names import join_names
from salestui.core.outbox import Outbox, SendReport
from salestui.core.service import Services
from salestui.i18n import _, ngettext

if TYPE_CHECKING:
    from salestui.tui.app import SalestuiApp

Done = Callable[[SendReport | SalestuiError], None]
WORKER_GROUP = "mail"


def settings_of(app: SalestuiApp) -> MailSettings:
    return mail_settings(app.config)


def send_in_worker(
    app: SalestuiApp, build: Callable[[Services], Composed] | None, done: Done
) -> bool:
    """Build with ``build`` (None: send only what is due in the outbox), queue, hand over,
    record. False (and nothing started) when mail is not set up."""
    settings = settings_of(app)
    if not settings.configured:
        return False
    outbox = Outbox(app.services)

    def work() -> None:
        try:
            report = SendReport()
            if build is not None:
                composed = build(app.readers.services())
                report.no_address = list(composed.no_address)
                report.queued = len(app.call_from_thread(outbox.queue, composed))
            parcels = app.call_from_thread(outbox.claim)
            deliveries = deliver(parcels, SmtpTransport(settings))
            report.add(app.call_from_thread(outbox.record, deliveries))
            result: SendReport | SalestuiError = report
        except SalestuiError as error:
            result = error
        except Exception as error:  # never the app's end: what was queued stays queued
            result = SalestuiError(f"{type(error).__name__}: {error}")
        try:
            app.call_from_thread(done, result)
        except RuntimeError:  # the app closed meanwhile: nobody to tell
            pass

    app.run_worker(work, thread=True, group=WORKER_GROUP, exit_on_error=False)
    return True


def not_set_up() -> str:
    return str(needs_setup())


def report_text(report: SendReport) -> tuple[str, bool]:
    """One line for a send's report, and whether it is a problem."""
    parts = []
    if report.sent:
        parts.append(ngettext("Sent {n} message", "Sent {n} messages", report.sent).format(
            n=report.sent
        ))  # fmt: skip
    if report.failed:
        recipient, reason = report.failed[0]
        parts.append(
            ngettext(
                "{n} not sent ({reason}): kept in the outbox, tried again later (o)",
                "{n} not sent ({reason}): kept in the outbox, tried again later (o)",
                len(report.failed),
            ).format(n=len(report.failed), reason=reason)
        )
    if report.no_address:
        names = join_names([p.name for p in report.no_address])
        parts.append(_("no email address: {names}").format(names=names))
    if not parts:
        parts.append(_("Nothing to send"))
    return "; ".join(parts), bool(report.failed)


def flush_on_start(app: SalestuiApp) -> None:
    """Messages left waiting go out when the app starts (if mail is set up); a toast says
    what happened only when there was something to send."""
    if not settings_of(app).configured:
        return
    try:
        if not Outbox(app.services).unsent():
            return
    except SalestuiError:
        return

    def done(result: SendReport | SalestuiError) -> None:
        if isinstance(result, SalestuiError):
            app.notify(str(result), severity="warning")
        elif result.sent or result.failed:
            text, problem = report_text(result)
            app.notify(_("Outbox: {what}").format(what=text),
                       severity="warning" if problem else "information")  # fmt: skip
        else:  # waiting for their next try: say so, once
            try:
                waiting = Outbox(app.services).unsent()
            except SalestuiError:
                return
            if waiting:
                message = ngettext(
                    "Outbox: {n} message waits to be sent (o opens it)",
                    "Outbox: {n} messages wait to be sent (o opens it)",
                    waiting,
                )
                app.notify(message.format(n=waiting), severity="warning")

    send_in_worker(app, None, done)


def send_minutes(app: SalestuiApp, meeting_id: int) -> None:
    """After a meeting is confirmed: its minutes to everyone invited, each with their own
    action items first (if mail is set up); a toast says how it went."""
    from salestui.core.mail_compose import minutes_messages

    settings = settings_of(app)

    def done(result: SendReport | SalestuiError) -> None:
        if isinstance(result, SalestuiError):
            app.notify(str(result), severity="warning")
            return
        text, problem = report_text(result)
        app.notify(_("Minutes: {what}").format(what=text),
                   severity="warning" if problem else "information")  # fmt: skip

    send_in_worker(app, lambda reads: minutes_messages(reads, meeting_id, settings), done)
