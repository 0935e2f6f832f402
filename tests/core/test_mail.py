"""Mail against a real SMTP server on 127.0.0.1 (the ``smtp_server`` fixture): what each
invitee receives (headers, Chinese names and subjects, the agenda with its clock times,
the HTML part, the invitation parsed back with icalendar), the minutes with the reader's
own items first, reminders, and a server that refuses, times out and comes back."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from salestui.core.clock import FixedClock
from salestui.core.errors import Conflict, InvalidInput
from salestui.core.mail_settings import MailSettings, check_email
from salestui.core.mailer import Mailer
from salestui.core.meeting import LiveMeeting
from salestui.core.models import MeetingStatus
from salestui.core.outbox import MAX_ATTEMPTS, Outbox, backoff
from salestui.core.service import Services

ADDRESSES = ("chen@example.com", "wang.fang@example.com", "li.ming@example.com")


def plain(message) -> str:  # type: ignore[no-untyped-def]
    """The text/plain part with its line ends as Python writes them."""
    return message.get_body(("plain",)).get_content().replace("\r\n", "\n")


def settings_for(server, timeout: float = 2.0) -> MailSettings:  # type: ignore[no-untyped-def]
    return MailSettings(
        host=server.host,
        port=server.port,
        security="none",
        sender="销售部 <sales@example.com>",
        timeout=timeout,
    )


def test_the_agenda_reaches_every_invitee_with_an_invitation(
    services: Services, smtp_server, mail_meeting: int
) -> None:
    report = Mailer(services, settings_for(smtp_server)).agenda(mail_meeting)
    assert (report.queued, report.sent, report.failed) == (3, 3, [])
    assert [p.name for p in report.no_address] == ["赵磊"]  # no address: said, not sent
    assert report.circulated == [mail_meeting]
    meeting = services.meeting(mail_meeting)
    assert meeting.status == MeetingStatus.CIRCULATED
    assert meeting.agenda_circulated_at == services.clock.now()
    mailbox = smtp_server.mailbox
    assert sorted(a for e in mailbox.envelopes for a in e.rcpt_tos) == sorted(ADDRESSES)
    assert {e.mail_from for e in mailbox.envelopes} == {"sales@example.com"}
    [message] = mailbox.of("wang.fang@example.com")
    # Chinese names and subjects travel RFC 2047-encoded and read back whole.
    raw = mailbox.envelopes[mailbox.messages.index(message)].content
    assert b"=?utf-8?" in raw and "周例会".encode() not in raw
    assert message["Subject"] == "Agenda: 周例会 (2026-11-30 09:00)"
    assert message["To"].addresses[0].display_name == "王芳"
    assert message["From"].addresses[0].display_name == "销售部"
    assert message["Message-ID"] and message["Date"]
    assert message.get_content_type() == "multipart/mixed"
    text = plain(message)
    assert "| 1 | 09:00-09:10 | 上周业绩 |" in text
    assert "| 2 | 09:10-09:25 | 问题与对策 |" in text
    assert "| 3 | 09:25-09:30 | 下周目标 |" in text
    html = message.get_body(("html",)).get_content()
    assert "<table>" in html and "<td>09:10-09:25</td>" in html and "问题与对策" in html
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_filename() == "invite.ics"
    assert attachment.get_param("method") == "REQUEST"
    calendar = Calendar.from_ical(attachment.get_content())
    assert str(calendar["METHOD"]) == "REQUEST"
    [event] = calendar.walk("VEVENT")
    assert event["SUMMARY"] == "周例会" and event["LOCATION"] == "3楼会议室"
    assert event.decoded("DTSTART") == meeting.scheduled_start
    assert str(event["ORGANIZER"]) == "mailto:chen@example.com"
    assert event["ORGANIZER"].params["CN"] == "陈建国"
    roles = {str(a.params["CN"]): (str(a), a.params["ROLE"]) for a in event["ATTENDEE"]}
    assert roles["王芳"] == ("mailto:wang.fang@example.com", "REQ-PARTICIPANT")
    assert roles["Li Ming"] == ("mailto:li.ming@example.com", "OPT-PARTICIPANT")
    assert roles["赵磊"][1] == "REQ-PARTICIPANT"
    assert all(a.params["RSVP"] == "TRUE" for a in event["ATTENDEE"])
    # Sent again, the invitation is a newer version of the same event.
    Mailer(services, settings_for(smtp_server)).agenda(mail_meeting)
    again = Calendar.from_ical(
        next(smtp_server.mailbox.of("chen@example.com")[-1].iter_attachments()).get_content()
    )
    assert [e["UID"] for e in again.walk("VEVENT")] == [event["UID"]]
    assert again.walk("VEVENT")[0]["SEQUENCE"] == event["SEQUENCE"] + 1


def _run_and_confirm(services: Services, clock: FixedClock, meeting_id: int) -> None:
    """Held: 王芳 takes one action, Li Ming and 王芳 share another; confirmed."""
    live = LiveMeeting(services)
    live.start(meeting_id)
    live.capture(meeting_id, "/a @王芳 send the plan")
    live.capture(meeting_id, "/a @王芳 @lm 走访重点客户")
    clock.advance(minutes=25)
    live.end(meeting_id)
    for action in services.store.actions_of_meeting(meeting_id):
        assert action.id is not None
        live.settle_action(action.id, due=date(2026, 12, 4))
    live.confirm(meeting_id)


def test_the_minutes_start_with_each_reader_s_own_items(
    services: Services, clock: FixedClock, smtp_server, mail_meeting: int
) -> None:
    with pytest.raises(Conflict, match="once the meeting is confirmed"):
        Mailer(services, settings_for(smtp_server)).minutes(mail_meeting)
    _run_and_confirm(services, clock, mail_meeting)
    report = Mailer(services, settings_for(smtp_server)).minutes(mail_meeting)
    assert (report.sent, report.failed) == (3, [])
    mailbox = smtp_server.mailbox
    [to_wang] = mailbox.of("wang.fang@example.com")
    assert to_wang["Subject"] == "Minutes: 周例会 (2026-11-30 09:00)"
    text = plain(to_wang)
    mine = text[: text.index("# Minutes")]
    assert mine.startswith("## Your action items")
    assert "send the plan - due 2026-12-04" in mine and "走访重点客户 - due 2026-12-04" in mine
    li_text = plain(mailbox.of("li.ming@example.com")[0])
    li_mine = li_text[: li_text.index("# Minutes")]
    assert "走访重点客户" in li_mine and "send the plan" not in li_mine
    chen = plain(mailbox.of("chen@example.com")[0])
    assert chen.startswith("## Your action items\n\nYou have no action items from this meeting.")
    assert "send the plan" in chen  # the whole minutes follow


def test_a_server_that_is_down_then_back(
    services: Services, clock: FixedClock, smtp_server, mail_meeting: int
) -> None:
    smtp_server.stop()  # the port now refuses connections
    mailer = Mailer(services, settings_for(smtp_server))
    report = mailer.agenda(mail_meeting)
    assert report.sent == 0 and len(report.failed) == 3
    assert {reason for _to, reason in report.failed} == {"the mail server refused the connection"}
    assert services.meeting(mail_meeting).agenda_circulated_at is None  # not circulated
    entries = Outbox(services).entries()
    assert {e.status for e in entries} == {"pending"} and {e.attempts for e in entries} == {1}
    assert {e.next_attempt_at for e in entries} == {clock.now() + timedelta(minutes=1)}
    smtp_server.start()
    assert mailer.flush().sent == 0  # not due yet: waits its minute
    clock.advance(minutes=1)
    back = mailer.flush()
    assert back.sent == 3 and back.circulated == [mail_meeting]
    assert services.meeting(mail_meeting).agenda_circulated_at == clock.now()
    assert len(smtp_server.mailbox.messages) == 3
    assert mailer.flush().sent == 0  # nothing is sent twice


def test_a_server_that_never_answers_times_out(
    services: Services, silent_server, mail_meeting: int
) -> None:
    host, port = silent_server
    settings = MailSettings(host=host, port=port, security="none", sender="a@example.com",
                            timeout=0.3)  # fmt: skip
    report = Mailer(services, settings).agenda(mail_meeting)
    assert {reason for _to, reason in report.failed} == {"the mail server did not answer in time"}
    assert Outbox(services).unsent() == 3


def test_a_refused_recipient_waits_alone(
    services: Services, clock: FixedClock, smtp_server, mail_meeting: int
) -> None:
    smtp_server.mailbox.refuse = {"li.ming@example.com"}
    mailer = Mailer(services, settings_for(smtp_server))
    report = mailer.agenda(mail_meeting)
    assert report.sent == 2
    assert report.failed == [("li.ming@example.com", "the mail server refused the recipient")]
    assert report.circulated == []  # not everyone has it yet
    smtp_server.mailbox.refuse = set()
    retried = mailer.flush(retry=True)  # at once, whatever the wait
    assert (retried.sent, retried.circulated) == (1, [mail_meeting])


def test_backoff_then_giving_up_then_retry(
    services: Services, clock: FixedClock, mail_meeting: int
) -> None:
    assert [backoff(n) for n in (1, 2, 3)] == [timedelta(minutes=m) for m in (1, 2, 4)]
    assert backoff(30) == timedelta(hours=6)
    port = 1  # nothing listens there
    settings = MailSettings(host="127.0.0.1", port=port, security="none", sender="a@example.com",
                            timeout=0.5)  # fmt: skip
    mailer = Mailer(services, settings)
    mailer.agenda(mail_meeting)
    for _attempt in range(MAX_ATTEMPTS - 1):
        clock.advance(hours=7)
        mailer.flush()
    box = Outbox(services)
    assert {(e.status, e.attempts) for e in box.entries()} == {("failed", MAX_ATTEMPTS)}
    clock.advance(hours=7)
    assert mailer.flush().failed == []  # given up: left alone until a retry
    assert box.retry() == 3
    assert {e.status for e in box.entries()} == {"pending"}


def test_a_dry_run_writes_eml_files_and_changes_nothing(
    services: Services, tmp_path: Path, mail_meeting: int
) -> None:
    report = Mailer(services, MailSettings()).agenda(mail_meeting, dry_run=tmp_path / "eml")
    assert len(report.written) == 3 and all(p.suffix == ".eml" for p in report.written)
    assert b"BEGIN:VCALENDAR" not in report.written[0].read_bytes()  # base64, inside
    assert b"text/calendar" in report.written[0].read_bytes()
    assert Outbox(services).entries() == []
    assert services.meeting(mail_meeting).agenda_circulated_at is None


def test_nothing_is_sent_without_settings_or_without_addresses(
    services: Services, mail_meeting: int, smtp_server
) -> None:
    with pytest.raises(Conflict, match="Mail is not set up"):
        Mailer(services, MailSettings()).agenda(mail_meeting)
    for person in services.people():
        assert person.id is not None
        services.edit_person(person.id, email="")
    with pytest.raises(Conflict, match="No one to send to has an email address"):
        Mailer(services, settings_for(smtp_server)).agenda(mail_meeting)
    assert Outbox(services).entries() == []


def test_reminders_one_message_per_owner(
    services: Services, clock: FixedClock, smtp_server, mail_meeting: int
) -> None:
    today = clock.today()  # Friday 2026-11-27
    services.add_action("报价单", owners=["王芳"], due=today - timedelta(days=2))
    services.add_action("Call the buyer", owners=["王芳"], due=today + timedelta(days=2))
    services.add_action("Later", owners=["王芳", "Li Ming"], due=today + timedelta(days=10))
    services.add_action("没有邮箱的人", owners=["赵磊"], due=today)
    report = Mailer(services, settings_for(smtp_server)).remind(3)
    assert report.sent == 1 and [p.name for p in report.no_address] == ["赵磊"]
    [message] = smtp_server.mailbox.of("wang.fang@example.com")
    assert message["Subject"] == "salestui: 2 items need you"
    text = plain(message)
    assert text.index("## Overdue (1)") < text.index("报价单")
    assert "## Due in the next 3 days (1)" in text and "Call the buyer" in text
    assert "Later" not in text
    assert Mailer(services, settings_for(smtp_server)).remind(10).sent == 2  # Li Ming too


@pytest.mark.parametrize(
    "bad", ["wang", "a@b", "a b@c.com", "王芳@例子.中国", "x@y..com", "<a@b.com>"]
)
def test_a_bad_email_address_is_refused(services: Services, bad: str) -> None:
    with pytest.raises(InvalidInput, match="Not an email address"):
        check_email(bad)
    with pytest.raises(InvalidInput):
        services.add_person("New", email=bad)
    assert services.people() == []
    assert check_email("  li.ming+sales@example.com ") == "li.ming+sales@example.com"


def test_team_invitees(services: Services, mail_meeting: int) -> None:
    name, people = services.team_invitees("销售一部")
    assert name == "销售一部" and [p.name for p in people] == ["王芳", "Li Ming", "赵磊"]
    services.set_me("王芳")
    name, people = services.team_invitees("My Team")
    assert [p.name for p in people] == ["王芳", "Li Ming", "赵磊"]
    assert services.team_invitees("我的团队")[1] == people
    with pytest.raises(InvalidInput, match="No team called 华南"):
        services.team_invitees("华南")


def test_sent_messages_are_forgotten_after_90_days(
    services: Services, clock: FixedClock, smtp_server, mail_meeting: int
) -> None:
    mailer = Mailer(services, settings_for(smtp_server))
    mailer.agenda(mail_meeting)
    clock.advance(days=89)
    mailer.agenda(mail_meeting)
    assert len(Outbox(services).entries()) == 6
    clock.advance(days=2)
    mailer.agenda(mail_meeting)  # the first three are now 91 days old
    assert Outbox(services).counts() == {"sent": 6}
