"""Screenshots of salestui in a real browser: ``salestui serve`` on the demo database,
Debian's headless Chromium signed in as the director (selenium).

    .venv/bin/python screenshots/browser.py     # needs: apt-get install chromium chromium-driver

Writes screenshots/browser-sign-in.png (the sign-in page, in Chinese) and
screenshots/browser-home.png (Home after signing in).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PASSWORD = "demo-password-1"


def _run(env: dict[str, str], db: Path, *args: str, stdin: str | None = None) -> None:
    argv = [sys.executable, "-m", "salestui", "--db", str(db), *args]
    subprocess.run(argv, env=env, input=stdin, text=True, check=True, capture_output=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _browser():  # type: ignore[no-untyped-def]
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--window-size=1280,760"):
        options.add_argument(argument)
    return webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))


def main() -> None:
    from selenium.webdriver.common.by import By

    folder = Path(tempfile.mkdtemp(prefix="salestui-browser-"))
    db = folder / "demo.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith("SALESTUI_")}
    env.update(
        SALESTUI_CONFIG=str(folder / "config.toml"),
        SALESTUI_NOW="2026-11-27T08:30:00+08:00",
        TZ="Asia/Shanghai",
    )
    _run(env, db, "demo")
    _run(env, db, "people", "password", "陈建国", stdin=PASSWORD + "\n")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "salestui", "--db", str(db), "--lang", "zh-CN", "serve",
         "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    driver = _browser()
    try:
        time.sleep(3)
        driver.get(f"http://127.0.0.1:{port}/")
        driver.find_element(By.ID, "name").send_keys("陈建国")
        driver.save_screenshot(str(HERE / "browser-sign-in.png"))
        driver.find_element(By.ID, "password").send_keys(PASSWORD)
        driver.find_element(By.ID, "sign-in").click()
        time.sleep(8)  # the app starts, draws Home, and its start-up toasts go
        driver.save_screenshot(str(HERE / "browser-home.png"))
    finally:
        driver.quit()
        server.terminate()
        server.wait()
    print("wrote", HERE / "browser-sign-in.png", HERE / "browser-home.png")


if __name__ == "__main__":
    main()
