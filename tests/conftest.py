"""Shared fixtures: a real SQLite file in a temp folder, a fixed clock, English by default;
``ui`` (helpers for driving the app with Pilot) and ``cli_runner`` (the real command in a
subprocess, at the same fixed moment).

Test modules neither import a conftest nor load helper files by path (pytest runs with
``--import-mode=importlib``; tests/test_hygiene.py checks the latter): what they share
comes to them as fixtures.
"""

from __future__ import annotations

import functools
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from babel.messages.catalog import Catalog
from rich.console import Console
from rich.text import Text
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, Static

from salestui import i18n
from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.core.service import Services
from salestui.core.store import Store
from salestui.tui.widgets.fit_table import FitTable
from salestui.tui.widgets.paged_table import PagedTable

SHANGHAI = ZoneInfo("Asia/Shanghai")


# -- Pilot waits for the app's background reads ------------------------------------------
# Screens read in thread workers (groups "read:…" and the table's window reads). A test
# that presses a key and then looks at the screen means "once the app has settled",
# reads included: the public Pilot steps below wait for those workers too.


def _reading(app: object) -> list[object]:
    return [
        worker
        for worker in app.workers  # type: ignore[attr-defined]
        if worker.is_running
        and (worker.group.startswith("read:") or worker.group == "paged-table-window")
    ]


def _settling(step: Callable[..., Awaitable[None]]) -> Callable[..., Awaitable[None]]:
    @functools.wraps(step)
    async def settled(self: Pilot, *args: object, **kwargs: object) -> None:
        await step(self, *args, **kwargs)
        for _round in range(50):  # a finished read may start another (count, then rows)
            running = _reading(self.app)
            if not running:
                return
            await self.app.workers.wait_for_complete(running)
            await _PAUSE(self)

    return settled


_PAUSE = Pilot.pause
for _name in ("press", "click", "pause", "wait_for_scheduled_animations", "resize_terminal"):
    setattr(Pilot, _name, _settling(getattr(Pilot, _name)))


# A Friday morning, 08:30 in Shanghai: the app's clock, and SALESTUI_NOW for the CLI.
FIXED_NOW = datetime(2026, 11, 27, 8, 30, tzinfo=SHANGHAI)


@pytest.fixture(scope="session")
def fixed_now() -> datetime:
    """The moment every test runs at (``clock`` stands there; the CLI gets it as
    ``SALESTUI_NOW``)."""
    return FIXED_NOW


@pytest.fixture(scope="session")
def _cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _fixed_environment(monkeypatch: pytest.MonkeyPatch, _cache_folder: Path) -> Iterator[None]:
    """Local time is Asia/Shanghai and the language English unless a test says otherwise;
    compiled catalogs go to a temp folder, not the user's cache."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    monkeypatch.setenv("SALESTUI_CACHE", str(_cache_folder))
    monkeypatch.setenv("SALESTUI_LANG", "en")
    monkeypatch.delenv("SALESTUI_ME", raising=False)
    monkeypatch.delenv("SALESTUI_DB", raising=False)
    time.tzset()
    i18n.set_language("en")
    yield
    i18n.set_language("en")
    monkeypatch.undo()
    time.tzset()


@pytest.fixture(scope="session")
def zh_catalog() -> Catalog:
    """The Chinese message catalog as translators edit it (the .po file)."""
    from babel.messages.pofile import read_po

    path = i18n.catalog_path("zh-CN")
    assert path is not None
    with path.open("rb") as po:
        return read_po(po)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(FIXED_NOW)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "salestui.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = open_store(db_path)
    yield opened
    opened.close()


@pytest.fixture
def services(store: Store, clock: FixedClock) -> Services:
    return Services(store, clock)


@pytest.fixture
def markdownlint(tmp_path: Path):
    """Check markdown with markdownlint-cli2 (default rules, MD013 off).

    Skips when the tool is not installed, unless SALESTUI_REQUIRE_MARKDOWNLINT is set
    (CI sets it and installs the tool), in which case a missing tool fails the test.
    """
    import shutil
    import subprocess

    tool = shutil.which("markdownlint-cli2")
    if tool is None:
        if os.environ.get("SALESTUI_REQUIRE_MARKDOWNLINT"):
            pytest.fail("markdownlint-cli2 is required but not installed")
        pytest.skip("markdownlint-cli2 not installed (npm install -g markdownlint-cli2)")
    config = tmp_path / ".markdownlint-cli2.jsonc"
    config.write_text('{"config": {"default": true, "MD013": false}}\n', encoding="utf-8")

    def check(text: str, name: str = "doc.md") -> str:
        target = tmp_path / name
        target.write_text(text, encoding="utf-8")
        result = subprocess.run(
            [tool, name], cwd=tmp_path, capture_output=True, text=True, timeout=120
        )
        return "" if result.returncode == 0 else result.stdout + result.stderr

    def many(docs: dict[str, str]) -> str:
        """Lint several documents in one run (one node start-up instead of many)."""
        folder = tmp_path / "many"
        folder.mkdir(exist_ok=True)
        for name, text in docs.items():
            (folder / name).write_text(text, encoding="utf-8")
        result = subprocess.run(
            [tool, "many/*.md"], cwd=tmp_path, capture_output=True, text=True, timeout=300
        )
        return "" if result.returncode == 0 else result.stdout + result.stderr

    check.many = many  # type: ignore[attr-defined]
    return check


@pytest.fixture(autouse=True)
def _collector_restored(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every app gives the garbage collector back as it found it (salestui.tui.collector)."""
    import gc

    yield
    if not gc.isenabled() or gc.get_freeze_count():
        gc.enable()
        gc.unfreeze()
        pytest.fail(f"{request.node.nodeid} left the garbage collector off or frozen")


# -- driving the app: the ``ui`` fixture -----------------------------------------------------


class UI:
    """Helpers for tests that drive the app with Pilot: wait for a screen, type, and read
    what the widgets show as plain text. Tests get one as the ``ui`` fixture."""

    @staticmethod
    async def wait_until(pilot: Pilot, condition: Callable[[], bool], tries: int = 50) -> None:
        """Let the app run until ``condition`` holds (screens are pushed with a delay)."""
        for _ in range(tries):
            if condition():
                return
            await pilot.pause()
        raise AssertionError("condition never became true")

    async def open_screen(self, pilot: Pilot, screen_type: type) -> None:
        """Wait until the top screen is a ``screen_type``, then let it settle."""
        await self.wait_until(pilot, lambda: isinstance(pilot.app.screen, screen_type))
        await pilot.pause()

    @staticmethod
    async def type_text(pilot: Pilot, text: str) -> None:
        """Type ``text`` key by key; a long text's middle is inserted at once (the same
        Input events, without hundreds of key presses)."""
        focused = pilot.app.focused
        if len(text) > 20 and isinstance(focused, Input):
            await pilot.press(*text[:5])
            focused.insert_text_at_cursor(text[5:-5])
            await pilot.press(*text[-5:])
            return
        await pilot.press(*text)

    @staticmethod
    def text_of(widget: Static) -> str:
        """What a Static shows, as plain text."""
        content = widget.content
        if isinstance(content, Text):
            return content.plain
        if isinstance(content, str):
            return content
        if hasattr(content, "plain"):
            return str(content.plain)
        console = Console(file=io.StringIO(), width=200, color_system=None)
        console.print(content)
        return console.file.getvalue()  # type: ignore[attr-defined]

    def static_text(self, app: App, selector: str) -> str:
        """What the Static at ``selector`` on the top screen shows, as plain text."""
        return self.text_of(app.screen.query_one(selector, Static))

    @staticmethod
    def table_lines(app: App) -> list[str]:
        """What the actions table shows, line by line (the header first)."""
        table = app.screen.query_one(PagedTable)
        return [table.render_line(y).text.rstrip() for y in range(table.size.height)]

    @staticmethod
    def table_cells(table: FitTable) -> list[list[str]]:
        """A FitTable's rows, each cell as text."""
        return [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]

    @staticmethod
    def record_notifications(app: App) -> list[str]:
        """Every toast message from now on, in order (wraps ``App.notify``, which screens
        and widgets call)."""
        messages: list[str] = []
        original = app.notify

        def notify(message: str, **kwargs: object) -> None:
            messages.append(message)
            original(message, **kwargs)  # type: ignore[arg-type]

        app.notify = notify  # type: ignore[method-assign]
        return messages

    @staticmethod
    def no_blink(app: App) -> None:
        """Snapshots must not depend on when the cursor blinks."""
        for widget in app.screen.query(Input):
            widget.cursor_blink = False


@pytest.fixture(scope="session")
def ui() -> UI:
    """Pilot helpers: ``await ui.open_screen(pilot, ActionsScreen)``,
    ``ui.static_text(app, "#filter-bar")``, ``await ui.type_text(pilot, "回款")``..."""
    return UI()


# -- the real ``salestui`` command in a subprocess: the ``cli_runner`` fixture ---------------


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()

    def json(self) -> Any:
        return json.loads(self.out)

    def ok(self) -> Result:
        """Assert success with nothing on stderr; returns itself for chaining."""
        assert self.code == 0, (self.code, self.out, self.err)
        assert self.err == "", self.err
        return self

    def assert_one_line_error(self, code: int) -> str:
        """The command failed with ``code`` and said why in exactly one stderr line."""
        assert self.code == code, (self.code, self.out, self.err)
        assert "Traceback" not in self.err
        assert len(self.err_lines) == 1, self.err
        assert self.err_lines[0].startswith(("Error: ", "错误：")), self.err
        return self.err_lines[0]


DEFAULT: Any = object()  # "the test's own database"


def cli_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("SALESTUI_DB", "SALESTUI_ME", "SALESTUI_DEBUG", "COLUMNS", "LINES", "LC_ALL",
                 "LANG", "PYTHONDONTWRITEBYTECODE"):  # fmt: skip
        env.pop(name, None)
    # Compiled modules shared by every subprocess of the run: each CLI start then skips
    # recompiling salestui (a third of a start on a busy machine).
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "salestui-test-pycache")
    env.update(
        {
            "TZ": "Asia/Shanghai",
            "SALESTUI_NOW": FIXED_NOW.isoformat(),  # 2026-11-27T08:30:00+08:00
            "SALESTUI_LANG": "en",
            "SALESTUI_CONFIG": str(tmp_path / "config.toml"),
            "PYTHONIOENCODING": "utf-8",
        }
    )
    env.update(extra)
    return env


class Runner:
    """``run("people", "list", "--json")`` -> Result. ``--db`` is the test's file unless
    ``db_path=`` says otherwise (``db_path=None``: no ``--db`` option); ``prefix`` goes
    before the command (e.g. ``prlimit ...``); keyword arguments are extra environment
    variables.

    ``lenient``: output that is not UTF-8 is read with replacement characters (the
    reliability suite feeds the command bytes that are not text) instead of failing."""

    def __init__(self, tmp_path: Path, db: Path | str | None, *, lenient: bool = False,
                 timeout: float = 60) -> None:  # fmt: skip
        self.tmp_path = tmp_path
        self.db = db
        self.errors = "replace" if lenient else "strict"
        self.timeout = timeout

    def __call__(
        self,
        *args: str,
        db_path: Path | str | None = DEFAULT,
        prefix: Sequence[str] = (),
        **env: str,
    ) -> Result:
        argv = [*prefix, sys.executable, "-m", "salestui"]
        target = self.db if db_path is DEFAULT else db_path
        if target is not None:
            argv += ["--db", str(target)]
        done = subprocess.run(
            [*argv, *args],
            capture_output=True,
            env=cli_env(self.tmp_path, **env),
            timeout=self.timeout,
        )
        return Result(done.returncode, self._text(done.stdout), self._text(done.stderr))

    def _text(self, output: bytes) -> str:
        """As ``text=True`` reads it: UTF-8, universal newlines."""
        text = output.decode("utf-8", self.errors)
        return text.replace("\r\n", "\n").replace("\r", "\n")

    def many(self, *commands: Sequence[str], db_path: Path | str | None = DEFAULT) -> list[Result]:
        """Run independent commands concurrently (each is still its own process)."""
        with ThreadPoolExecutor(max_workers=4) as pool:
            return list(pool.map(lambda args: self(*args, db_path=db_path), commands))


@pytest.fixture(scope="session")
def cli_runner() -> type[Runner]:
    """``cli_runner(folder, db)`` -> a Runner: ``run = cli_runner(tmp_path, db)``, then
    ``run("people", "list").ok()``. Every run has TZ Asia/Shanghai, SALESTUI_NOW at
    ``fixed_now``, English, no SALESTUI_ME, and its config file in ``folder``."""
    return Runner


# -- the decision register (issue 16) ---------------------------------------------------------


def _build_register(services: Services) -> dict[str, int]:
    """Three meetings and six decisions with known execution figures (ids by name):
    d_rebate 2/3 (confirmed, 周例会 20 Nov; owners 王芳, Li Ming), d_freeze - (rejected),
    d_delivery 0/1 (proposed, 与生产部协调 25 Nov; a cancelled action not counted),
    d_rebate4 1/1 (confirmed, 周例会 27 Nov), d_secret (confirmed, confidential, 27 Nov),
    and a decision replaced by an edit of its entry (never in the register)."""
    from salestui.core.models import Decision, DecisionStatus, MeetingKind, MeetingStatus, Role
    from salestui.core.planning import Planning

    services.add_person("陈建国", Role.DIRECTOR, "营销部")
    services.add_person("王芳", Role.LEAD, "销售一部", reports_to="陈建国")
    services.add_person("Li Ming", Role.MEMBER, "销售一部", reports_to="王芳")
    start = datetime(2026, 11, 20, 9, 0, tzinfo=SHANGHAI)
    first = services.new_meeting("周例会", "回顾", MeetingKind.WEEKLY, start, 30, chair="陈建国")
    planning = Planning(services)
    series = planning.make_recurring(first.id, "weekly")
    second = planning.next_meeting(series.id)
    start = datetime(2026, 11, 25, 10, 0, tzinfo=SHANGHAI)
    other = services.new_meeting(
        "与生产部协调交期", "交期", MeetingKind.COORDINATION, start, 45, chair="陈建国"
    )
    for meeting_id in (first.id, other.id):
        meeting = services.meeting(meeting_id)
        meeting.status = MeetingStatus.CONFIRMED
        services.store.update_meeting(meeting)
    at = datetime(2026, 11, 20, 9, 10, tzinfo=SHANGHAI)

    def decide(meeting_id: int, text: str, status: DecisionStatus, **more: Any) -> int:
        made = services.store.add_decision(
            Decision(meeting_id=meeting_id, text=text, status=status, decided_at=at, **more)
        )
        return int(made.id)

    ids = {"series": series.id, "first": first.id, "second": second.id, "other": other.id}
    ids["d_rebate"] = decide(first.id, "华东区返利提高到3%", DecisionStatus.CONFIRMED)
    ids["d_freeze"] = decide(first.id, "Freeze the Q4 price list", DecisionStatus.REJECTED)
    ids["d_delivery"] = decide(other.id, "与生产部每周对一次交期", DecisionStatus.PROPOSED)
    ids["d_rebate4"] = decide(second.id, "返利提高到4%", DecisionStatus.CONFIRMED)
    ids["d_secret"] = decide(second.id, "收购远东物流", DecisionStatus.CONFIRMED, confidential=True)
    ids["d_ghost"] = decide(second.id, "旧的措辞", DecisionStatus.SUPERSEDED)
    add = services.add_action
    rebate, rebate4 = ids["d_rebate"], ids["d_rebate4"]
    done = [
        add("通知经销商", ["王芳"], meeting_id=first.id, decision_id=rebate),
        add("Update the rebate sheet", ["Li Ming"], meeting_id=first.id, decision_id=rebate),
        add("通知4%", ["Li Ming"], meeting_id=second.id, decision_id=rebate4),
    ]
    add("核对返利台账", ["王芳"], meeting_id=first.id, decision_id=ids["d_rebate"])
    add("建周会日程", ["Li Ming"], meeting_id=other.id, decision_id=ids["d_delivery"])
    dropped = add("Old plan", ["王芳"], meeting_id=other.id, decision_id=ids["d_delivery"])
    for action in done:
        services.mark_done(action.id)
    services.set_status(dropped.id, "cancelled")
    return ids


@pytest.fixture(scope="session")
def build_register() -> Callable[[Services], dict[str, int]]:
    """``build_register(services)``: the decision register's test data (ids by name)."""
    return _build_register


# -- a real SMTP server on 127.0.0.1: the ``smtp_server`` fixture --------------------------


class Mailbox:
    """What the test server received: each message parsed, with its envelope. A
    recipient in ``refuse`` is answered 550 at RCPT TO."""

    def __init__(self) -> None:
        self.messages: list[Any] = []
        self.envelopes: list[Any] = []
        self.refuse: set[str] = set()

    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        from email import message_from_bytes, policy

        self.envelopes.append(envelope)
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted"

    def of(self, address: str) -> list[Any]:
        """The messages whose envelope names ``address``, in the order received."""
        return [
            message
            for message, envelope in zip(self.messages, self.envelopes, strict=True)
            if address in envelope.rcpt_tos
        ]


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class SmtpServer:
    """An aiosmtpd server on 127.0.0.1 that can be stopped (the port then refuses) and
    started again on the same port, plus a [mail] config that points at it."""

    def __init__(self, **options: Any) -> None:
        self.host = "127.0.0.1"
        self.port = free_port()
        self.mailbox = Mailbox()
        self.controller: Any = None
        self.options = options  # aiosmtpd's: ssl_context, tls_context, authenticator, ...

    def start(self) -> None:
        from aiosmtpd.controller import Controller

        self.controller = Controller(
            self.mailbox, hostname=self.host, port=self.port, **self.options
        )
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def mail(self, timeout: float = 2.0) -> dict[str, Any]:
        """The [mail] table for this server (short timeouts keep the tests fast)."""
        return {
            "host": self.host,
            "port": self.port,
            "security": "none",
            "from": "销售部 <sales@example.com>",
            "timeout": timeout,
        }

    def toml(self, timeout: float = 2.0) -> str:
        lines = ["[mail]"]
        for key, value in self.mail(timeout).items():
            lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
        return "\n".join(lines) + "\n"


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """A real SMTP server on 127.0.0.1 (aiosmtpd), started; ``.mailbox`` holds what it
    got, ``.stop()`` / ``.start()`` take it down and bring it back on the same port."""
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


class TlsServers:
    """SMTP servers on 127.0.0.1 with a certificate made for the test (trustme): ``ca_pem``
    is the file a [mail] table's cafile names to trust it; ``start(mode)`` starts one -
    "ssl" (TLS from the first byte) or "starttls" - whose logins (user, password) are
    recorded in ``.logins`` and must be ``password``."""

    def __init__(self, folder: Path) -> None:
        import ssl

        import trustme

        self.ca = trustme.CA(organization_name="salestui tests")
        self.ca_pem = folder / "test-ca.pem"
        self.ca.cert_pem.write_to_path(str(self.ca_pem))
        self.context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.ca.issue_cert("127.0.0.1", "localhost").configure_cert(self.context)
        self.logins: list[tuple[str, str]] = []
        self.password = ""
        self.servers: list[SmtpServer] = []

    def _authenticate(self, server, session, envelope, mechanism, auth_data):  # noqa: ANN001
        from aiosmtpd.smtp import AuthResult

        login = auth_data.login.decode()
        password = auth_data.password.decode()
        self.logins.append((login, password))
        ok = bool(self.password) and password == self.password
        return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535

    def start(self, mode: str) -> SmtpServer:
        if mode == "ssl":
            options: dict[str, Any] = {"ssl_context": self.context}
        else:
            options = {"tls_context": self.context, "require_starttls": True}
        server = SmtpServer(authenticator=self._authenticate, auth_required=bool(self.password),
                            **options)  # fmt: skip
        server.start()
        self.servers.append(server)
        return server


@pytest.fixture
def tls_servers(tmp_path: Path) -> Iterator[TlsServers]:
    """``tls_servers.start("ssl" | "starttls")``: a real SMTP server speaking TLS with a
    certificate of the test's own CA (``tls_servers.ca_pem``); stopped after the test."""
    servers = TlsServers(tmp_path)
    yield servers
    for server in servers.servers:
        server.stop()


@pytest.fixture
def silent_server() -> Iterator[tuple[str, int]]:
    """A port that takes the connection but never says a word: a server that times out."""
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    yield "127.0.0.1", int(listener.getsockname()[1])
    listener.close()


@pytest.fixture
def mail_meeting(services: Services) -> int:
    """A meeting to send mail about: 周例会, Mon 2026-11-30 09:00, 30 min, chaired by
    陈建国 (chen@example.com); 王芳 (wang.fang@example.com) required, Li Ming
    (li.ming@example.com) optional, 赵磊 (no address) required; three agenda items of
    10, 15 and 5 minutes. 王芳, Li Ming and 赵磊 are the team 销售一部 (王芳 leads it)."""
    from salestui.core.models import MeetingKind, Role

    services.add_person("陈建国", Role.DIRECTOR, team="营销部", email="chen@example.com")
    services.add_person("王芳", Role.LEAD, team="销售一部", reports_to="陈建国",
                        email="wang.fang@example.com")  # fmt: skip
    services.add_person("Li Ming", team="销售一部", reports_to="王芳",
                        email="li.ming@example.com")  # fmt: skip
    services.add_person("赵磊", team="销售一部", reports_to="王芳")
    start = datetime(2026, 11, 30, 9, 0, tzinfo=SHANGHAI)
    meeting = services.new_meeting("周例会", "检讨本周问题与业绩", MeetingKind.WEEKLY, start, 30,
                                   chair="陈建国", location="3楼会议室")  # fmt: skip
    assert meeting.id is not None
    for title, minutes in (("上周业绩", 10), ("问题与对策", 15), ("下周目标", 5)):
        services.add_agenda_item(meeting.id, title, minutes)
    people = {p.name: p.id for p in services.people()}
    services.invite(meeting.id, [people["陈建国"], people["王芳"], people["赵磊"]])
    services.invite(meeting.id, [people["Li Ming"]], required=False)
    return meeting.id


# -- the numbers review in a meeting: the ``numbers_meeting`` fixture ------------------------


class NumbersMeeting:
    """A weekly meeting that reviews numbers (issue 15, "In the meeting"), for the core,
    CLI and TUI tests: ``build(services)`` -> the meeting id.

    陈建国 (director, 营销部) chairs a 30-minute 周例会 on Fri 27 Nov 09:00 (week 48: it
    reviews 2026-W47 and sets the targets of 2026-W48), made recurring every week, with
    王芳 (lead), 周杰 and Li Ming (销售一部) invited. Its agenda: 上周业绩回顾 (a numbers
    review, 10 min), 问题与对策 (10), 下周目标 (10). Measurables: 销售额 (万元, key
    ``sales``; standing goals 王芳 30, 周杰 20, Li Ming 25) and 新客户拜访 (家, key
    ``visits``, goal 5). In W47 周杰's sales (10.4 of 20) and Li Ming's visits (2 of 5)
    are off track; the weeks before give the sparklines something to draw."""

    SALES = {"王芳": (31, 28.5, 34.8), "周杰": (18, 15, 10.4), "Li Ming": (24, 27, 26)}
    VISITS = {"王芳": (5, 6, 5), "周杰": (6, 5, 6), "Li Ming": (4, 3, 2)}

    @staticmethod
    def build(services: Services) -> int:
        from salestui.core.models import MeetingKind, Role
        from salestui.core.numbers import NumbersService
        from salestui.core.planning import Planning

        services.add_person("陈建国", Role.DIRECTOR, "营销部")
        services.add_person("王芳", Role.LEAD, "销售一部", reports_to="陈建国")
        services.add_person("周杰", Role.MEMBER, "销售一部", reports_to="王芳")
        services.add_person("Li Ming", Role.MEMBER, "销售一部", reports_to="王芳")
        numbers = NumbersService(services)
        numbers.add_measurable("销售额", unit="万元", key="sales")
        numbers.add_measurable("新客户拜访", unit="家", key="visits", goal=5)
        for name, goal in (("王芳", 30), ("周杰", 20), ("Li Ming", 25)):
            numbers.set_goal("sales", None, goal, owner=name)
        for key, figures in (("sales", NumbersMeeting.SALES), ("visits", NumbersMeeting.VISITS)):
            for name, values in figures.items():
                for week, value in zip(("2026-W45", "2026-W46", "2026-W47"), values, strict=True):
                    numbers.set_value(key, week, value, owner=name)
        start = datetime(2026, 11, 27, 9, 0, tzinfo=SHANGHAI)
        meeting = services.new_meeting(
            "周例会", "检讨上周业绩，定本周目标", MeetingKind.WEEKLY, start, 30, chair="陈建国"
        )
        assert meeting.id is not None
        for title, kind in (("上周业绩回顾", "numbers"), ("问题与对策", "discussion"),
                            ("下周目标", "decision")):  # fmt: skip
            services.add_agenda_item(meeting.id, title, 10, kind=kind)
        services.invite(meeting.id, ["王芳", "周杰", "Li Ming"])
        Planning(services).make_recurring(meeting.id, "weekly")
        return meeting.id


@pytest.fixture(scope="session")
def numbers_meeting() -> type[NumbersMeeting]:
    """``numbers_meeting.build(services)`` -> the id of a weekly meeting reviewing numbers."""
    return NumbersMeeting
