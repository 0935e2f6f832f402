"""Mail from the app, against a real SMTP server on 127.0.0.1: the journey of issue 16
(the agenda circulated from the Plan screen's preview, the meeting held and confirmed,
every attendee's mailbox holding the agenda with an invitation and then the minutes with
their own items), the Outbox screen (its snapshots too), inviting a team, and a person's
email address in the form."""

from __future__ import annotations

from datetime import date

from icalendar import Calendar
from textual.widgets import Input, Static

from salestui import i18n
from salestui.config import Config
from salestui.core.clock import FixedClock
from salestui.core.mail_compose import agenda_messages
from salestui.core.mail_settings import MailSettings
from salestui.core.mail_transport import Delivery
from salestui.core.meeting import LiveMeeting
from salestui.core.outbox import Outbox
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.confirm import ConfirmScreen
from salestui.tui.screens.confirm_summary import SummaryScreen
from salestui.tui.screens.outbox import OutboxScreen
from salestui.tui.screens.plan import PlanScreen
from salestui.tui.screens.plan_preview import AgendaPreviewScreen
from salestui.tui.screens.plan_team import TeamInviteScreen

ATTENDEES = ("chen@example.com", "wang.fang@example.com", "li.ming@example.com")


async def settle_mail(app: SalestuiApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait for the app's mail worker (and what it hands back to the UI thread)."""
    await app.workers.wait_for_complete()
    await pilot.pause()


def body(message) -> str:  # type: ignore[no-untyped-def]
    return message.get_body(("plain",)).get_content().replace("\r\n", "\n")


async def test_circulate_run_confirm_and_every_mailbox_has_agenda_then_minutes(
    services: Services, clock: FixedClock, smtp_server, mail_meeting: int, ui
) -> None:
    app = SalestuiApp(services, Config(mail=smtp_server.mail()))
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(PlanScreen(services, mail_meeting))
        await ui.open_screen(pilot, PlanScreen)
        await pilot.press("ctrl+o")
        await ui.open_screen(pilot, AgendaPreviewScreen)
        await pilot.press("s")
        await settle_mail(app, pilot)
        preview = app.screen
        assert isinstance(preview, AgendaPreviewScreen)
        message = ui.text_of(preview.query_one("#preview-message", Static))
        assert message == "Sent 3 messages; no email address: 赵磊; agenda circulated"
        assert "Agenda circulated" in ui.text_of(preview.query_one("#preview-status", Static))
        assert services.meeting(mail_meeting).agenda_circulated_at is not None
        # Held (recorded through the core), then confirmed on the confirmation screen.
        live = LiveMeeting(services)
        live.start(mail_meeting)
        live.capture(mail_meeting, "/a @王芳 send the plan")
        live.capture(mail_meeting, "/a @lm 走访重点客户")
        clock.advance(minutes=28)
        live.end(mail_meeting)
        for action in services.store.actions_of_meeting(mail_meeting):
            live.settle_action(action.id or 0, due=date(2026, 12, 4))
        await pilot.press("escape", "escape")
        app.push_screen(ConfirmScreen(services, mail_meeting))
        await ui.open_screen(pilot, ConfirmScreen)
        await pilot.press("ctrl+f")
        await ui.open_screen(pilot, SummaryScreen)
        await settle_mail(app, pilot)
    mailbox = smtp_server.mailbox
    for address in ATTENDEES:
        agenda, minutes = mailbox.of(address)
        assert agenda["Subject"].startswith("Agenda: 周例会")
        [invite] = list(agenda.iter_attachments())
        assert str(Calendar.from_ical(invite.get_content())["METHOD"]) == "REQUEST"
        assert minutes["Subject"].startswith("Minutes: 周例会")
        assert body(minutes).startswith("## Your action items")
    assert "send the plan - due 2026-12-04" in body(mailbox.of("wang.fang@example.com")[1])
    li = body(mailbox.of("li.ming@example.com")[1])
    assert li.index("走访重点客户 - due") < li.index("# Minutes") < li.index("send the plan")


async def test_the_outbox_screen_lists_and_sends_again(
    services: Services, clock: FixedClock, smtp_server, mail_meeting: int, ui
) -> None:
    down = MailSettings(host="127.0.0.1", port=1, security="none", sender="a@example.com")
    box = Outbox(services)
    ids = box.queue(agenda_messages(services, mail_meeting, down))
    box.record([Delivery(i, "the mail server refused the connection") for i in ids])
    app = SalestuiApp(services, Config(mail=smtp_server.mail()))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("o")
        await ui.open_screen(pilot, OutboxScreen)
        screen = app.screen
        assert isinstance(screen, OutboxScreen)
        note = ui.text_of(screen.query_one("#outbox-note", Static))
        server = f"Mail server: 127.0.0.1:{smtp_server.port} (none)"
        assert note == f"3 waiting · 0 given up · 0 sent · s sends them now\n{server}"
        error = ui.text_of(screen.query_one("#outbox-error", Static))
        assert error.endswith("last error: the mail server refused the connection")
        await pilot.press("s")
        await settle_mail(app, pilot)
        await pilot.pause()
        note = ui.text_of(screen.query_one("#outbox-note", Static))
        assert note == f"0 waiting · 0 given up · 3 sent\n{server}"
    assert len(smtp_server.mailbox.messages) == 3
    assert services.meeting(mail_meeting).agenda_circulated_at is not None


async def test_invite_a_team_shows_who_first(services: Services, mail_meeting: int, ui) -> None:
    meeting = services.new_meeting("Kick-off", "p")
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(PlanScreen(services, meeting.id))
        await ui.open_screen(pilot, PlanScreen)
        await pilot.press("f3")
        await ui.type_text(pilot, "销售一部")
        await pilot.press("enter")
        await ui.open_screen(pilot, TeamInviteScreen)
        shown = ui.text_of(app.screen.query_one("#team-members", Static))
        assert shown == "销售一部: 3 to invite\n王芳, Li Ming, 赵磊"
        assert services.meeting_detail(meeting.id or 0).attendees == []  # not yet
        await pilot.press("enter")
        await ui.open_screen(pilot, PlanScreen)
        invited = [a.person.name for a in services.meeting_detail(meeting.id or 0).attendees]
        assert sorted(invited) == sorted(["王芳", "Li Ming", "赵磊"])
        # ctrl+y: a team typed by hand; the ones invited already are said.
        await pilot.press("ctrl+y")
        await ui.open_screen(pilot, TeamInviteScreen)
        await ui.type_text(pilot, "营销部")
        await pilot.pause()
        assert "营销部: 1 to invite" in ui.text_of(app.screen.query_one("#team-members", Static))
        app.screen.query_one("#team-name", Input).value = "华南"
        await pilot.pause()
        shown = ui.text_of(app.screen.query_one("#team-members", Static))
        assert shown == "No team called 华南"
        await pilot.press("enter", "escape")
        await ui.open_screen(pilot, PlanScreen)
    assert len(services.meeting_detail(meeting.id or 0).attendees) == 3


async def test_the_person_form_refuses_a_bad_address(services: Services, ui) -> None:
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p", "a")
        await pilot.pause()
        await ui.type_text(pilot, "王芳")
        await pilot.press("tab", "tab", "tab", "tab")
        await ui.type_text(pilot, "wang.fang@")
        await pilot.press("enter")
        await pilot.pause()
        error = ui.text_of(app.screen.query_one("#person-error", Static))
        assert error == "Not an email address: wang.fang@ (expected name@example.com)"
        assert services.people() == []
        app.screen.query_one("#person-email", Input).value = "wang.fang@example.com"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [p.email for p in services.people()] == ["wang.fang@example.com"]


# -- snapshots of the Outbox screen ---------------------------------------------------------

SNAPSHOT_MAIL = {"host": "smtp.example.com", "port": 587, "user": "sales@example.com",
                 "from": "销售部 <sales@example.com>"}  # fmt: skip


def _outbox_app(services: Services, clock: FixedClock, mail_meeting: int) -> SalestuiApp:
    """Three agendas sent, then minutes that wait: one refused, one timed out twice."""
    settings = MailSettings(host="smtp.example.com", sender="销售部 <sales@example.com>")
    box = Outbox(services)
    sent = box.queue(agenda_messages(services, mail_meeting, settings))
    box.record([Delivery(i) for i in sent])
    clock.advance(minutes=5)
    waiting = box.queue(agenda_messages(services, mail_meeting, settings))
    box.record([Delivery(waiting[0], "the mail server refused the recipient")])
    box.record([Delivery(i, "the mail server did not answer in time") for i in waiting[1:]])
    box.record([Delivery(i, "the mail server did not answer in time") for i in waiting[1:]])
    return SalestuiApp(services, Config(mail=SNAPSHOT_MAIL))


def test_snapshot_outbox_80x24(snap_compare, services, clock, mail_meeting) -> None:  # type: ignore[no-untyped-def]
    app = _outbox_app(services, clock, mail_meeting)
    assert snap_compare(app, terminal_size=(80, 24), press=["o"])


def test_snapshot_outbox_120x40(snap_compare, services, clock, mail_meeting) -> None:  # type: ignore[no-untyped-def]
    app = _outbox_app(services, clock, mail_meeting)
    assert snap_compare(app, terminal_size=(120, 40), press=["o", "down"])


def test_snapshot_outbox_zh_cn_80x24(snap_compare, services, clock, mail_meeting) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("zh-CN")  # the messages are built in Chinese too
    app = _outbox_app(services, clock, mail_meeting)
    assert snap_compare(app, terminal_size=(80, 24), press=["o"])


def test_snapshot_outbox_zh_cn_120x40(snap_compare, services, clock, mail_meeting) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("zh-CN")  # the messages are built in Chinese too
    app = _outbox_app(services, clock, mail_meeting)
    assert snap_compare(app, terminal_size=(120, 40), press=["o", "down"])


async def test_waiting_mail_goes_out_when_the_app_starts(
    services: Services, clock: FixedClock, smtp_server, mail_meeting: int, ui
) -> None:
    down = MailSettings(host="127.0.0.1", port=1, security="none", sender="a@example.com")
    box = Outbox(services)
    ids = box.queue(agenda_messages(services, mail_meeting, down))
    box.record([Delivery(i, "the mail server refused the connection") for i in ids])
    services.set_me("陈建国")
    for expected in (
        "Outbox: 3 messages wait to be sent (o opens it)",  # not due yet: waits its minute
        "Outbox: Sent 3 messages",  # a minute later, the next start sends them
    ):
        app = SalestuiApp(services, Config(mail=smtp_server.mail()), start_flow=True)
        toasts = ui.record_notifications(app)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await settle_mail(app, pilot)
            assert toasts[-1] == expected
        clock.advance(minutes=1)
    assert len(smtp_server.mailbox.messages) == 3
