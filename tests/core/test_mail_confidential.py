"""No confidential text reaches any mail by default (issue 16): a meeting with a
confidential note, decision, action and parked topic (English and Chinese words) sends
its agenda, its minutes to everyone invited (present and absent, own items first), the
reminders, and the next meeting's agenda with the topic carried into it. Every part of
every message the test server received - headers, text, HTML and the invitation - is
decoded and searched."""

from __future__ import annotations

from datetime import date

from salestui.core.clock import FixedClock
from salestui.core.mail_settings import MailSettings
from salestui.core.mailer import Mailer
from salestui.core.meeting import LiveMeeting
from salestui.core.models import AttendanceStatus, DecisionStatus
from salestui.core.planning import Planning
from salestui.core.service import Services

SECRETS = {  # each kind: English and Chinese words that appear nowhere else
    "note": ("Layoff roster Q7", "裁员名单"),
    "decision": ("Acquire Fareast Freight", "收购远东物流"),
    "action": ("Zephyr due diligence", "尽职调查"),
    "topic": ("Merger talks Orion", "合并谈判"),
}
PLAIN = ("send the plan", "华东区返利提高到3%", "展会预算")


def _everything(message) -> str:  # type: ignore[no-untyped-def]
    """Every header and every part of ``message``, decoded, as one text."""
    texts = [f"{name}: {value}" for name, value in message.items()]
    for part in message.walk():
        if part.is_multipart():
            continue
        texts.append(part.get_filename() or "")
        payload = part.get_payload(decode=True) or b""
        texts.append(payload.decode(part.get_content_charset() or "utf-8", "replace"))
    return "\n".join(texts)


def _hold_with_secrets(services: Services, clock: FixedClock, meeting_id: int) -> None:
    """Run and confirm the meeting: plain and confidential words of each kind; 赵磊 and
    Li Ming absent (their minutes go to them all the same)."""
    live = LiveMeeting(services)
    live.start(meeting_id)
    people = {p.name: p.id for p in services.people()}
    for name in ("赵磊", "Li Ming"):
        live.set_attendance(meeting_id, people[name], AttendanceStatus.ABSENT)
    lines = [
        f"/c {' '.join(SECRETS['note'])}",
        f"/c /d {' '.join(SECRETS['decision'])}",
        f"保密：行动：@王芳 @lm {' '.join(SECRETS['action'])}",
        f"/c /p {' '.join(SECRETS['topic'])}",
        "/a @王芳 @lm send the plan",
        "/d 华东区返利提高到3%",
        "/p 展会预算",
    ]
    for line in lines:
        live.capture(meeting_id, line)
    clock.advance(minutes=25)
    live.end(meeting_id)
    for decision in services.store.list_decisions(meeting_id):
        assert decision.id is not None
        live.set_decision(decision.id, DecisionStatus.CONFIRMED)
    for action in services.store.actions_of_meeting(meeting_id):
        assert action.id is not None
        live.settle_action(action.id, due=date(2026, 11, 30))
    for entry in live.parking_lot(meeting_id):
        assert entry.id is not None
        live.resolve_parked(entry.id, "next")
    live.confirm(meeting_id)


def test_no_confidential_text_in_any_mail(
    services: Services, clock: FixedClock, smtp_server, mail_meeting: int
) -> None:
    settings = MailSettings(host=smtp_server.host, port=smtp_server.port, security="none",
                            sender="销售部 <sales@example.com>", timeout=2)  # fmt: skip
    mailer = Mailer(services, settings)
    planning = Planning(services)
    series = planning.make_recurring(mail_meeting, "weekly")
    assert mailer.agenda(mail_meeting).sent == 3
    _hold_with_secrets(services, clock, mail_meeting)
    assert mailer.minutes(mail_meeting).sent == 3  # present and absent alike
    assert mailer.remind(7).sent == 2  # 王芳 and Li Ming: their items due Monday
    clock.advance(days=1)
    following = planning.next_meeting(series.id)
    assert following.id is not None
    assert any(i.confidential for i in services.store.list_agenda(following.id))  # carried
    assert mailer.agenda(following.id).sent == 3

    messages = smtp_server.mailbox.messages
    assert len(messages) == 11
    texts = [_everything(m) for m in messages]
    kinds = {m["Subject"].split(":")[0] for m in messages}
    assert kinds == {"Agenda", "Minutes", "salestui"}  # every kind was searched
    assert sum("BEGIN:VCALENDAR" in t for t in texts) == 6  # the invitations, decoded
    assert sum("<html>" in t for t in texts) == 11  # the HTML parts, decoded
    everything = "\n".join(texts)
    for word in PLAIN:
        assert word in everything  # the mails do carry the meeting's plain words
    for kind, words in SECRETS.items():
        for piece in words:
            assert piece not in everything, f"the confidential {kind} leaked: {piece}"
    assert "confidential]" not in everything and "保密]" not in everything
    # Li Ming (absent) gets the minutes with his own (plain) item first, nothing secret.
    [_agenda, minutes, reminder, _next] = smtp_server.mailbox.of("li.ming@example.com")
    body = minutes.get_body(("plain",)).get_content()
    assert body.startswith("## Your action items") and "send the plan - due 2026-11-30" in body
    assert "send the plan" in reminder.get_body(("plain",)).get_content()
