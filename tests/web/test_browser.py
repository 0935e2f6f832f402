"""``salestui serve`` in a real headless Chromium (Debian's chromium and chromium-driver,
driven by selenium): sign in, see Home, open Actions, mark an item done, and find it
done - by that person - in the database. Skipped, saying why, without a Chromium.

The terminal is drawn on a canvas, so the test reads what the page was sent: a script
added before the page loads keeps the text of every frame the terminal received.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
_ANSI = re.compile(
    r"\x1b\[[0-9;?$]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Z0-9]|\x1b[>=]"
)
_RECORDER = """
(() => {
  const Native = window.WebSocket;
  const decoder = new TextDecoder();
  window.__screen = "";
  window.WebSocket = function (url, protocols) {
    const socket = new Native(url, protocols);
    socket.addEventListener("message", (event) => {
      if (typeof event.data !== "string") {
        window.__screen += decoder.decode(new Uint8Array(event.data), {stream: true});
      }
    });
    return socket;
  };
  window.WebSocket.prototype = Native.prototype;
  Object.assign(window.WebSocket, Native);
})();
"""


@pytest.fixture
def browser() -> Iterator[Callable[[], Any]]:
    """``browser()`` -> a new headless Chromium (each one its own cookies)."""
    if not (CHROMIUM and DRIVER):
        reason = "no Chromium here: apt-get install chromium chromium-driver (.ci/run does)"
        if os.environ.get("SALESTUI_REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opened: list[Any] = []

    def open_one() -> Any:
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM or ""
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                         "--window-size=1200,800", "--lang=en-US"):  # fmt: skip
            options.add_argument(argument)
        driver = webdriver.Chrome(options=options, service=Service(DRIVER))
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": _RECORDER})
        opened.append(driver)
        return driver

    yield open_one
    for driver in opened:
        driver.quit()


def _screen(driver: Any, since: int = 0) -> str:
    return _ANSI.sub("", driver.execute_script("return window.__screen || ''")[since:])


def _wait_for(driver: Any, *texts: str, since: int = 0, seconds: float = 60) -> str:
    """The page's terminal text once it holds every one of ``texts``."""
    deadline = time.monotonic() + seconds
    while True:
        shown = _screen(driver, since)
        if all(text in shown for text in texts):
            return shown
        if time.monotonic() > deadline:
            raise AssertionError(f"never shown: {texts}; last: {shown[-2000:]!r}")
        time.sleep(0.2)


def _sign_in(driver: Any, url: str, name: str, password: str) -> None:
    from selenium.webdriver.common.by import By

    driver.get(url + "/")
    assert driver.current_url.endswith("/signin")
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.ID, "sign-in").click()


def _type(driver: Any, keys: str) -> int:
    """Type into the terminal; returns where the screen's text stood before."""
    from selenium.webdriver.common.by import By

    mark = len(driver.execute_script("return window.__screen || ''"))
    driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea").send_keys(keys)
    return mark


def test_sign_in_see_home_and_mark_an_item_done(
    browser: Callable[[], Any], served: str, people_db: Path, passwords: dict[str, str],
    tmp_path: Path,
) -> None:  # fmt: skip
    driver = browser()
    _sign_in(driver, served, "王芳", passwords["王芳"])
    _wait_for(driver, "Home", "王芳")
    mark = _type(driver, "a")
    _wait_for(driver, "Send the Q4 price list", since=mark)
    _type(driver, "d")
    deadline = time.monotonic() + 60
    while _done_by(people_db) is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _done_by(people_db) == "王芳"  # the person signed in, nobody else
    driver.save_screenshot(str(tmp_path / "actions.png"))


def _done_by(db: Path) -> str | None:
    """Who marked action 1 done, from the database (None while it is open)."""
    from salestui.core.db import open_store
    from salestui.core.service import Services

    store = open_store(db)
    try:
        services = Services(store)
        if services.action(1).status.value != "done":
            return None
        people = services.people_by_id()
        done = [entry for entry in services.follow_ups(1) if entry.status == "done"]
        return people[done[-1].author_id].name if done and done[-1].author_id else "?"
    finally:
        store.close()


def test_a_wrong_password_is_refused(served: str, browser: Callable[[], Any]) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser()
    _sign_in(driver, served, "王芳", "not her password")
    problem = WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.ID, "problem"))
    assert "Wrong name or password" in problem[0].text
    assert driver.get_cookies() == []
    driver.get(served + "/")
    assert driver.current_url.endswith("/signin")


def _start_meeting(db: Path) -> None:
    """张伟 starts a meeting of his (with an agenda item) now: he records it."""
    from datetime import datetime

    from salestui.core.db import open_store
    from salestui.core.meeting import LiveMeeting
    from salestui.core.models import MeetingKind
    from salestui.core.service import Services

    store = open_store(db)
    try:
        services = Services(store, me="张伟")
        meeting = services.new_meeting(
            "Pipeline review", "Q4 pipeline", MeetingKind.WEEKLY, datetime.now().astimezone(),
            30, chair="张伟",
        )  # fmt: skip
        assert meeting.id is not None
        services.add_agenda_item(meeting.id, "Hengda order", 10)
        services.invite(meeting.id, ["王芳"])
        LiveMeeting(services).start(meeting.id)
    finally:
        store.close()


def test_one_person_watches_anothers_live_meeting(
    served: str, browser: Callable[[], Any], people_db: Path, passwords: dict[str, str]
) -> None:
    """Two browser sessions, two people at once: 张伟 records, 王芳 watches his lines
    arrive."""
    _start_meeting(people_db)
    chair = browser()
    _sign_in(chair, served, "张伟", passwords["张伟"])
    _wait_for(chair, "Hengda order", "张伟")  # his meeting resumes: he records it
    watcher = browser()
    _sign_in(watcher, served, "王芳", passwords["王芳"])
    _wait_for(watcher, "recorded by 张伟")
    mark = _type(watcher, "\ue007")  # enter: open the running meeting from Home
    _wait_for(watcher, "watching", "张伟 records", since=mark)
    mark = len(watcher.execute_script("return window.__screen || ''"))
    _type(chair, "Hengda wants 5 percent off\ue007")
    _wait_for(watcher, "Hengda wants 5 percent off", since=mark)
