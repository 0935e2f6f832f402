"""The web server of ``salestui serve``: textual-serve's ``Server`` with a sign-in page,
a session cookie, and an app process per browser session that runs as the person signed
in.

How identity travels, and why a browser cannot forge it: the browser proves who it is
once (a password, or a header from a trusted reverse proxy that also sends the proxy's
secret); the server then keeps a random session token in an HttpOnly, SameSite=Strict
cookie. For each terminal it starts, the server asks the database for a one-time token
naming the person and hands it to the app process in its environment (built by the
server; nothing from the browser reaches it but keys and the window size). The app
process redeems the token - used up, valid for a minute - and is that person for its
whole run; ``--me``, ``SALESTUI_ME`` and the config's ``me`` are not consulted.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp_jinja2
import jinja2
from aiohttp import WSCloseCode, web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from salestui.core.sign_in import TOKEN_ENV, prepare
from salestui.i18n import _, current_language
from salestui.web.gate import Gate
from salestui.web.guard import Attempts, Sessions
from salestui.web.pages import message_page, sign_in_page

log = logging.getLogger("salestui.serve")
COOKIE = "salestui_session"
SECRET_HEADER = "X-Salestui-Proxy-Secret"


@dataclass(frozen=True)
class ProxyTrust:
    """A reverse proxy that signs people in: the header naming the person, trusted only
    on requests that carry the proxy's secret in ``SECRET_HEADER``."""

    header: str
    secret: str

    def person_named(self, request: web.Request) -> str | None:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode("utf-8"), self.secret.encode("utf-8")):
            return None
        value = request.headers.get(self.header, "").strip()
        return value or None


class SignedInApp(AppService):
    """One app process, started without a shell, as the person a one-time token names."""

    def __init__(
        self, argv: list[str], token: str, language: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(" ".join(argv), **kwargs)
        self.argv = argv
        self.token = token
        self.language = language

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width=width, height=height)
        environment.pop("SALESTUI_ME", None)
        environment[TOKEN_ENV] = self.token
        if self.language:  # the default: the person's own choice in the app still wins
            environment["SALESTUI_LANG"] = self.language
        return environment

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Any:
        environment = self._build_environment(width=width, height=height)
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=environment,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process


def app_command(db: str) -> list[str]:
    """The app process of one browser session: this Python, this salestui, this file."""
    return [sys.executable, "-m", "salestui", "--db", db]


class SalestuiServer(Server):
    """textual-serve's server, with people signing in before any app starts."""

    def __init__(
        self,
        gate: Gate,
        argv: list[str],
        host: str,
        port: int,
        public_url: str | None = None,
        proxy: ProxyTrust | None = None,
        language: str | None = None,
    ) -> None:
        super().__init__(" ".join(argv), host=host, port=port, title="salestui")
        self.templates_path = Path(__file__).resolve().parent / "templates"
        self.language = language
        self.explicit_public_url = public_url
        if public_url:
            self.public_url = public_url.rstrip("/")
        self.gate = gate
        self.argv = argv
        self.proxy = proxy
        self.sessions = Sessions()
        self.attempts = Attempts()
        self.terminals: set[web.WebSocketResponse] = set()
        prepare()  # every sign-in costs the same from the first

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[_headers])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/signin", self.handle_sign_in_page, name="signin"),
                web.post("/signin", self.handle_sign_in, name="signin_post"),
                web.get("/signout", self.handle_sign_out, name="signout"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, name="static"),
            ]
        )
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    async def on_startup(self, app: web.Application) -> None:
        self.console.print(
            _("salestui serve: {url} (Ctrl+C stops)").format(url=self.public_url),
            highlight=False,
        )

    async def on_shutdown(self, app: web.Application) -> None:
        """Close every terminal (their app processes quit), then the database."""
        for websocket in list(self.terminals):
            await websocket.close(code=WSCloseCode.GOING_AWAY)
        await asyncio.get_running_loop().run_in_executor(None, self.gate.close)

    # -- who is this ------------------------------------------------------------------------

    async def signed_in(self, request: web.Request) -> tuple[int, str] | None:
        """The person of this request: their session cookie, else a trusted proxy's
        header (None: nobody signed in)."""
        session = self.sessions.get(request.cookies.get(COOKIE))
        if session is not None:
            return session.person_id, session.name
        named = self.proxy.person_named(request) if self.proxy else None
        if named is None:
            return None
        found = await self.gate.person_for_header(named)
        if found is None:
            log.warning("proxy header names nobody here: %r", named)
        return found

    @staticmethod
    def same_origin(request: web.Request) -> bool:
        """A request a page of this server made (or one with no Origin, not a browser's
        cross-site request)."""
        origin = request.headers.get("Origin")
        return origin is None or urlsplit(origin).netloc == request.host

    # -- pages ------------------------------------------------------------------------------

    async def handle_index(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]
        if await self.signed_in(request) is None:
            raise web.HTTPSeeOther("/signin")
        secure = (self.explicit_public_url or "").startswith("https")
        if self.explicit_public_url:
            base = self.explicit_public_url.rstrip("/")
            websocket = ("wss:" if secure else "ws:") + base.split(":", 1)[1] + "/ws"
        else:
            websocket = f"ws://{request.host}/ws"
        context = {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": websocket,
            "config": {"static": {"url": "/static/"}},
            "application": {"name": "salestui"},
            "text": {
                "lang": "zh-CN" if current_language() == "zh-CN" else "en",
                "start": _("Start"),
                "ended": _("Session ended."),
                "restart": _("Restart"),
            },
        }
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_sign_in_page(self, request: web.Request) -> web.Response:
        if await self.signed_in(request) is not None:
            raise web.HTTPSeeOther("/")
        return _html(sign_in_page())

    async def handle_sign_in(self, request: web.Request) -> web.Response:
        if not self.same_origin(request):
            raise web.HTTPForbidden()
        form = await request.post()
        name = str(form.get("name", "")).strip()[:200]
        password = str(form.get("password", ""))[:1024]
        address = request.remote or "?"
        keys = (f"name:{name.casefold()}", f"address:{address}")
        wait = self.attempts.wait(*keys)
        if wait > 0:
            log.warning("sign-in refused (too many failures) for %r from %s", name, address)
            minutes = max(1, round(wait / 60))
            problem = _("Too many failed sign-ins: try again in {minutes} min")
            return _html(sign_in_page(problem.format(minutes=minutes), name), status=429)
        found = await self.gate.check_password(name, password) if name and password else None
        if found is None:
            self.attempts.failed(*keys)
            log.warning("failed sign-in for %r from %s", name, address)
            problem = _("Wrong name or password")
            return _html(sign_in_page(problem, name), status=401)
        log.info("%s signed in from %s", found[1], address)
        response = web.Response(status=303, headers={"Location": "/"})
        response.set_cookie(
            COOKIE,
            self.sessions.create(*found),
            httponly=True,
            samesite="Strict",
            secure=(self.explicit_public_url or "").startswith("https"),
            path="/",
        )
        return response

    async def handle_sign_out(self, request: web.Request) -> web.Response:
        self.sessions.drop(request.cookies.get(COOKIE))
        response = _html(message_page(_("Signed out"), _("You are signed out of salestui.")))
        response.del_cookie(COOKIE, path="/")
        return response

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        if await self.signed_in(request) is None:
            raise web.HTTPForbidden()
        return await super().handle_download(request)

    # -- the terminal -----------------------------------------------------------------------

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """The terminal of a signed-in person: an app process of their own."""
        who = await self.signed_in(request)
        if who is None or not self.same_origin(request):
            log.warning("terminal refused from %s: not signed in", request.remote)
            raise web.HTTPForbidden()
        token = await self.gate.issue_token(who[0])
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        await websocket.prepare(request)
        app = SignedInApp(
            self.argv,
            token,
            self.language,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
            debug=self.debug,
        )
        log.info("app started for %s", who[1])
        self.terminals.add(websocket)
        try:
            await app.start(width, height)
            await self._process_messages(websocket, app)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # the browser went away mid-message, and the like
            log.exception(error)
        finally:
            self.terminals.discard(websocket)
            await app.stop()
        return websocket


def _html(text: str, status: int = 200) -> web.Response:
    return web.Response(text=text, status=status, content_type="text/html", charset="utf-8")


@web.middleware
async def _headers(request: web.Request, handler: Any) -> web.StreamResponse:
    """No framing by other sites, no referrer to them, nothing signed-in kept in caches
    (not "no-referrer": a browser then sends the sign-in form with the origin \"null\")."""
    response: web.StreamResponse = await handler(request)
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    if not request.path.startswith("/static/"):
        response.headers.setdefault("Cache-Control", "no-store")
    return response
