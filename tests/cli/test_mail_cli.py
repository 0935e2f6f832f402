"""The mail commands as a user runs them, against a real SMTP server on 127.0.0.1:
``send agenda``, ``outbox [--retry] [--json]``, ``remind --dry-run``, people's email
addresses, ``invite --team`` and the [mail] settings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from salestui.core.service import Services

Runner = Any


def configure(tmp_path: Path, server) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "config.toml").write_text(server.toml(), encoding="utf-8")


def test_people_have_an_email_address(run: Runner) -> None:
    added = run("people", "add", "王芳", "--email", "wang.fang@example.com", "--json").ok()
    assert added.json()["email"] == "wang.fang@example.com"
    bad = run("people", "add", "Li Ming", "--email", "li.ming@")
    assert "Not an email address: li.ming@" in bad.assert_one_line_error(2)
    assert [p["name"] for p in run("people", "list", "--json").ok().json()] == ["王芳"]
    run("people", "edit", "wf", "--email", "fang@example.com").ok()
    assert "fang@example.com" in run("people", "list").ok().out
    bad_edit = run("people", "edit", "wf", "--email", "not an address")
    bad_edit.assert_one_line_error(2)
    run("people", "edit", "wf", "--email", "").ok()  # '' takes the address away
    assert run("people", "list", "--json").ok().json()[0]["email"] is None


def test_send_the_agenda_then_the_server_goes_down_and_comes_back(
    run: Runner, tmp_path: Path, services: Services, mail_meeting: int, smtp_server
) -> None:
    configure(tmp_path, smtp_server)
    meeting = str(mail_meeting)
    first = run("send", "agenda", meeting)
    assert first.code == 0, first.err
    assert "Sent 3 messages" in first.out
    assert f"Agenda of meeting {meeting} marked as circulated" in first.out
    assert first.err_lines == ["Warning: no email address, not sent to: 赵磊"]
    assert len(smtp_server.mailbox.messages) == 3
    run("people", "edit", "赵磊", "--email", "zhao.lei@example.com").ok()
    smtp_server.stop()
    down = run("send", "agenda", meeting)
    line = down.assert_one_line_error(1)
    assert "4 messages not sent" in line and "refused the connection" in line
    assert "salestui outbox --retry" in line
    listed = run("outbox", "--json").ok().json()
    waiting = [e for e in listed if e["status"] == "pending"]
    assert len(waiting) == 4 and {e["attempts"] for e in waiting} == {1}
    assert "waiting: the mail server refused the connection" in run("outbox").ok().out
    smtp_server.start()
    back = run("outbox", "--retry").ok()
    assert "Sent 4 messages" in back.out and "marked as circulated" in back.out
    assert {e["status"] for e in run("outbox", "--json").ok().json()} == {"sent"}
    assert len(smtp_server.mailbox.of("zhao.lei@example.com")) == 1


def test_a_dry_run_writes_eml_files(
    run: Runner, tmp_path: Path, services: Services, mail_meeting: int
) -> None:
    services.add_action("报价单", owners=["王芳"], due=services.clock.today())
    folder = tmp_path / "eml"
    result = run("remind", "--days", "2", "--dry-run", "--eml-dir", str(folder), "--json")
    assert result.code == 0, result.err
    assert result.json()["written"] == [str(p) for p in sorted(folder.iterdir())]
    assert len(result.json()["written"]) == 1
    agenda = run("send", "agenda", str(mail_meeting), "--dry-run", "--eml-dir", str(folder))
    assert "Wrote 3 messages to" in agenda.out
    assert run("outbox", "--json").ok().json() == []  # nothing queued, nothing sent
    assert services.meeting(mail_meeting).agenda_circulated_at is None


def test_sending_without_settings_says_how_to_set_it_up(
    run: Runner, services: Services, mail_meeting: int
) -> None:
    line = run("send", "agenda", str(mail_meeting)).assert_one_line_error(1)
    assert "Mail is not set up" in line and "--dry-run" in line
    run("remind").assert_one_line_error(1)


def test_bad_mail_settings_are_warnings(run: Runner, tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text(
        '[mail]\nhost = "smtp.example.com"\nport = 70000\nsecurity = "tls"\npassword = "x"\n',
        encoding="utf-8",
    )
    result = run("people", "list")
    assert result.code == 0
    assert result.err_lines == [
        "Warning: Bad value for config key mail.port: expected a port number (1-65535)",
        "Warning: Bad value for config key mail.security: use starttls, ssl or none",
        "Warning: Unknown config key: mail.password",
    ]


def test_invite_a_whole_team(run: Runner, services: Services, mail_meeting: int) -> None:
    new = services.new_meeting("Kick-off", "p")
    assert new.id is not None
    result = run("invite", str(new.id), "--team", "销售一部").ok()
    assert result.out.splitlines() == [
        "销售一部 (3): 王芳, Li Ming, 赵磊",
        f"Invited to meeting {new.id}: 王芳, Li Ming, 赵磊",
    ]
    mine = run("--me", "陈建国", "invite", str(new.id), "--team", "my team", "--json").ok()
    assert len(mine.json()["invited"]) == 4  # 陈建国 and everyone below him
    line = run("invite", str(new.id), "--team", "华南").assert_one_line_error(2)
    assert "No team called 华南" in line


def test_config_shows_the_mail_settings_never_the_password(run: Runner, tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text(
        '[mail]\nhost = "smtp.example.com"\nuser = "wf@example.com"\n'
        'from = "王芳 <wf@example.com>"\n',
        encoding="utf-8",
    )
    shown = run("config", SALESTUI_MAIL_PASSWORD="s3cret-pw").ok()
    assert (
        "Mail: smtp.example.com:587 (starttls), from 王芳 <wf@example.com>, "
        "password from $SALESTUI_MAIL_PASSWORD"
    ) in shown.out
    as_json = run("config", "--json", SALESTUI_MAIL_PASSWORD="s3cret-pw").ok()
    assert as_json.json()["mail"]["password"] == "environment"
    assert "s3cret-pw" not in shown.out + shown.err + as_json.out


def test_people_import_with_email_addresses(run: Runner, tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text(
        "\ufeffName,Role,Team,Reports to,Email\n"
        "李四,member,销售一部,王芳,li.si@example.com\n"  # manager named before added
        "王芳,lead,销售一部,,wang.fang@example.com\n",
        encoding="utf-8",
    )
    result = run("people", "import", str(people)).ok()
    assert result.out.strip() == "Added 2, updated 0: 李四, 王芳"
    listed = {p["name"]: p for p in run("people", "list", "--json").ok().json()}
    assert listed["李四"]["email"] == "li.si@example.com"
    assert listed["李四"]["reports_to_name"] == "王芳"
    bad = tmp_path / "bad.csv"
    bad.write_text("name,email\n王芳,fang@example.com\n赵磊,zhao.lei@\n", encoding="utf-8")
    line = run("people", "import", str(bad)).assert_one_line_error(2)
    assert line == "Error: Line 3: Not an email address: zhao.lei@ (expected name@example.com)"
    after = {p["name"]: p["email"] for p in run("people", "list", "--json").ok().json()}
    assert after == {"李四": "li.si@example.com", "王芳": "wang.fang@example.com"}  # unchanged
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("name,phone\nX,1\n", encoding="utf-8")
    assert "Unknown column: phone" in run("people", "import", str(unknown)).assert_one_line_error(2)


def test_run_confirm_mails_the_minutes(
    run: Runner, tmp_path: Path, services: Services, mail_meeting: int, smtp_server
) -> None:
    from datetime import date

    from salestui.core.meeting import LiveMeeting

    live = LiveMeeting(services)
    live.start(mail_meeting)
    live.capture(mail_meeting, "/a @王芳 send the plan")
    services.clock.advance(minutes=30)  # type: ignore[attr-defined]
    live.end(mail_meeting)
    for action in services.store.actions_of_meeting(mail_meeting):
        live.settle_action(action.id or 0, due=date(2026, 12, 4))
    configure(tmp_path, smtp_server)
    result = run("run", "confirm", str(mail_meeting))
    assert result.code == 0, result.err
    assert "Minutes emailed: 3 sent" in result.out
    assert result.err_lines == ["Warning: no email address, not sent to: 赵磊"]
    [minutes] = smtp_server.mailbox.of("wang.fang@example.com")
    assert "send the plan - due 2026-12-04" in minutes.get_body(("plain",)).get_content()


def test_tls_with_a_certificate_of_its_own(
    run: Runner, tmp_path: Path, services: Services, mail_meeting: int, tls_servers
) -> None:
    """An SSL server whose certificate the system does not know: one clear line naming
    cafile; with cafile set to its certificate, the agenda goes."""
    server = tls_servers.start("ssl")
    table = server.toml().replace('"none"', '"ssl"')
    (tmp_path / "config.toml").write_text(table, encoding="utf-8")
    run("people", "edit", "赵磊", "--email", "zhao.lei@example.com").ok()
    refused = run("send", "agenda", str(mail_meeting)).assert_one_line_error(1)
    assert "certificate was not accepted" in refused and "set cafile =" in refused
    assert "Traceback" not in refused
    cafile = json.dumps(str(tls_servers.ca_pem))
    (tmp_path / "config.toml").write_text(f"{table}cafile = {cafile}\n", encoding="utf-8")
    assert run("config", "--json").ok().json()["mail"]["cafile"] == str(tls_servers.ca_pem)
    assert f"certificate is checked against {tls_servers.ca_pem}" in run("config").ok().out
    sent = run("outbox", "--retry").ok()
    assert "Sent 4 messages" in sent.out and len(server.mailbox.messages) == 4
