"""What signing in to ``salestui serve`` costs: one argon2id check of a password, and
from posting the sign-in form to the first bytes of the person's Home screen (the app
process started, its one-time token redeemed, Home drawn).

    python benchmarks/serve_sign_in.py [--runs N]

Everything runs on 127.0.0.1 with a temporary demo database; N sign-ins (default 5),
each its own session and app process. Prints medians and the slowest.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSWORD = "benchmark-password"


def _password_check_ms(runs: int) -> list[float]:
    from salestui.core import sign_in

    hashed = sign_in.hash_password(PASSWORD)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        assert sign_in.verify_password(hashed, PASSWORD)
        timings.append((time.perf_counter() - start) * 1000)
    return timings


async def _sign_in_to_home_ms(base: str) -> float:
    import aiohttp

    start = time.perf_counter()
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        form = {"name": "陈建国", "password": PASSWORD}
        async with session.post(f"{base}/signin", data=form, allow_redirects=False) as answer:
            assert answer.status == 303, answer.status
        async with session.ws_connect(f"{base.replace('http', 'ws')}/ws?width=120&height=40") as ws:
            seen = b""
            while "首页".encode() not in seen and b"Home" not in seen:
                message = await asyncio.wait_for(ws.receive(), timeout=60)
                if isinstance(message.data, bytes):
                    seen += message.data
            elapsed = (time.perf_counter() - start) * 1000
            await ws.close()
    return elapsed


def _serve(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SALESTUI_")}
    env["SALESTUI_CONFIG"] = str(folder / "config.toml")
    db = folder / "demo.db"
    run = [sys.executable, "-m", "salestui", "--db", str(db)]
    subprocess.run([*run, "demo"], env=env, check=True, capture_output=True)
    subprocess.run([*run, "people", "password", "陈建国"], input=PASSWORD.encode(), env=env,
                   check=True, capture_output=True)  # fmt: skip
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([*run, "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    return server, f"http://127.0.0.1:{port}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    checks = _password_check_ms(runs)
    print(f"argon2id password check: median {statistics.median(checks):.0f} ms, "
          f"max {max(checks):.0f} ms ({runs} runs)")  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        server, base = _serve(Path(folder))
        try:
            timings = [asyncio.run(_sign_in_to_home_ms(base)) for _ in range(runs)]
        finally:
            server.terminate()
            server.wait()
    print(f"sign-in to the first bytes of Home: median {statistics.median(timings):.0f} ms, "
          f"max {max(timings):.0f} ms ({runs} sign-ins)")  # fmt: skip


if __name__ == "__main__":
    main()
