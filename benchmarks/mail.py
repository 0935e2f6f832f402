"""Mail speed: building a meeting's agenda for every invitee (markdown, HTML, invitation),
queueing, and handing the messages to a real SMTP server on 127.0.0.1 (aiosmtpd).

    python benchmarks/mail.py [--invitees 50] [--rounds 4] [--runs 5]

Building runs in a worker thread in the app and the handing over too, so neither holds
up the screen; this says how long a user waits for "Sent N messages". Needs the dev
dependencies (aiosmtpd).
"""

from __future__ import annotations

import argparse
import socket
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from aiosmtpd.controller import Controller

from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.core.mail_compose import agenda_messages
from salestui.core.mail_settings import MailSettings
from salestui.core.mailer import Mailer
from salestui.core.service import Services

NOW = datetime(2026, 11, 27, 8, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


class Counter:
    def __init__(self) -> None:
        self.count = 0

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]  # noqa: N802
        self.count += 1
        return "250 OK"


def meeting(services: Services, invitees: int) -> int:
    ids = [
        services.add_person(f"销售员{n:03d}", team="销售一部", email=f"rep{n}@example.com").id
        for n in range(invitees)
    ]
    found = services.new_meeting("周例会", "检讨本周问题与业绩", "weekly", NOW, 60, chair=ids[0])
    assert found.id is not None
    for n in range(6):
        services.add_agenda_item(found.id, f"议题 {n + 1}", 10)
    services.invite(found.id, [i for i in ids if i is not None])
    return found.id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--invitees", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=4, help="agendas sent per run")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    counter = Counter()
    server = Controller(counter, hostname="127.0.0.1", port=port)
    server.start()
    settings = MailSettings(host="127.0.0.1", port=port, security="none",
                            sender="销售部 <sales@example.com>", timeout=5)  # fmt: skip
    builds, sends = [], []
    with tempfile.TemporaryDirectory() as folder:
        services = Services(open_store(Path(folder) / "bench.db"), FixedClock(NOW))
        meeting_id = meeting(services, args.invitees)
        for _run in range(args.runs):
            started = time.perf_counter()
            agenda_messages(services, meeting_id, settings)
            builds.append(time.perf_counter() - started)
            started = time.perf_counter()
            for _round in range(args.rounds):
                Mailer(services, settings).agenda(meeting_id)
            sends.append(time.perf_counter() - started)
        services.store.close()
    server.stop()
    total = args.runs * args.rounds * args.invitees
    assert counter.count == total, (counter.count, total)
    per_message = statistics.median(sends) / (args.rounds * args.invitees)
    print(f"build the agenda for {args.invitees} invitees: "
          f"median {statistics.median(builds) * 1000:.0f} ms")  # fmt: skip
    sent = args.rounds * args.invitees
    median = statistics.median(sends)
    print(f"build + queue + send {sent} messages: "
          f"median {median:.2f} s ({per_message * 1000:.1f} ms a message)")  # fmt: skip
    print(f"messages received by the server: {counter.count}")


if __name__ == "__main__":
    main()
