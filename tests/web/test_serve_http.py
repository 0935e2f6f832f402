"""``salestui serve`` over HTTP, in process (aiohttp's test client): signing in, the rate
limit on failures, and every way a browser might try to be someone it is not."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import WSServerHandshakeError
from aiohttp.test_utils import TestClient, TestServer

from salestui.web.gate import Gate
from salestui.web.server import COOKIE, SECRET_HEADER, ProxyTrust, SalestuiServer, app_command

SECRET = "a-proxy-secret-of-some-length"


SERVERS: dict[int, SalestuiServer] = {}  # the server behind each client, by id(client)


async def _client(db: Path, proxy: ProxyTrust | None = None) -> TestClient:
    server = SalestuiServer(Gate(db), app_command(str(db)), "127.0.0.1", 0, proxy=proxy)
    client = TestClient(TestServer(await server._make_app()))
    await client.start_server()
    SERVERS[id(client)] = server
    return client


@pytest.fixture
async def client(people_db: Path) -> AsyncIterator[TestClient]:
    client = await _client(people_db)
    yield client
    await client.close()


async def _sign_in(client: TestClient, name: str, password: str) -> int:
    response = await client.post(
        "/signin", data={"name": name, "password": password}, allow_redirects=False
    )
    return response.status


async def test_nothing_without_signing_in(client: TestClient) -> None:
    page = await client.get("/", allow_redirects=False)
    assert page.status == 303 and page.headers["Location"] == "/signin"
    form = await client.get("/signin")
    assert 'name="password"' in await form.text()
    with pytest.raises(WSServerHandshakeError) as refused:
        await client.ws_connect("/ws")
    assert refused.value.status == 403


async def test_sign_in_sets_a_session(client: TestClient, passwords: dict[str, str]) -> None:
    response = await client.post(
        "/signin", data={"name": "王芳", "password": passwords["王芳"]}, allow_redirects=False
    )
    assert response.status == 303
    cookie = response.cookies[COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Strict"
    page = await client.get("/", allow_redirects=False)
    assert page.status == 200 and "/ws" in await page.text()
    session = SERVERS[id(client)].sessions.get(cookie.value)
    assert session is not None and session.name == "王芳"


async def test_wrong_password_refused_then_rate_limited(
    client: TestClient, passwords: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    for _attempt in range(5):
        assert await _sign_in(client, "王芳", "not her password") == 401
    assert "failed sign-in for '王芳'" in caplog.text
    # Locked for a while: even the right password waits.
    assert await _sign_in(client, "王芳", passwords["王芳"]) == 429
    assert (await client.get("/", allow_redirects=False)).status == 303


async def test_no_one_else_by_name_or_forged_cookie(
    client: TestClient, passwords: dict[str, str]
) -> None:
    # 王芳's password does not sign in as 张伟.
    assert await _sign_in(client, "张伟", passwords["王芳"]) == 401
    client.session.cookie_jar.update_cookies({COOKIE: "forged-or-stolen-long-ago"})
    assert (await client.get("/", allow_redirects=False)).status == 303
    with pytest.raises(WSServerHandshakeError):
        await client.ws_connect("/ws")


async def test_cross_site_requests_refused(client: TestClient, passwords: dict[str, str]) -> None:
    response = await client.post(
        "/signin",
        data={"name": "王芳", "password": passwords["王芳"]},
        headers={"Origin": "https://evil.example"},
        allow_redirects=False,
    )
    assert response.status == 403
    assert await _sign_in(client, "王芳", passwords["王芳"]) == 303
    with pytest.raises(WSServerHandshakeError) as refused:
        await client.ws_connect("/ws", headers={"Origin": "https://evil.example"})
    assert refused.value.status == 403


async def test_sign_out(client: TestClient, passwords: dict[str, str]) -> None:
    assert await _sign_in(client, "王芳", passwords["王芳"]) == 303
    await client.get("/signout")
    assert (await client.get("/", allow_redirects=False)).status == 303


async def test_a_proxy_header_counts_only_with_the_proxys_secret(people_db: Path) -> None:
    client = await _client(people_db, ProxyTrust("X-Remote-User", SECRET))
    try:
        bare = await client.get("/", headers={"X-Remote-User": "王芳"}, allow_redirects=False)
        assert bare.status == 303  # anyone can send a header
        wrong = {"X-Remote-User": "王芳", SECRET_HEADER: "guess"}
        assert (await client.get("/", headers=wrong, allow_redirects=False)).status == 303
        right = {"X-Remote-User": "王芳", SECRET_HEADER: SECRET}
        assert (await client.get("/", headers=right, allow_redirects=False)).status == 200
        nobody = {"X-Remote-User": "nobody", SECRET_HEADER: SECRET}
        assert (await client.get("/", headers=nobody, allow_redirects=False)).status == 303
    finally:
        await client.close()


async def test_the_sign_in_page_in_chinese(client: TestClient, passwords: dict[str, str]) -> None:
    from salestui import i18n

    i18n.set_language("zh-CN")
    page = await (await client.get("/signin")).text()
    assert '<html lang="zh-CN">' in page and "登录 salestui" in page and "密码" in page
    refused = await client.post("/signin", data={"name": "王芳", "password": "nope-nope"})
    assert "姓名或密码错误" in await refused.text()
