"""What dates and numbers in Chinese cost a command-line process, with and without Babel.

    python benchmarks/i18n_start.py [--runs 15]

Runs, alternating, a fresh ``python -c`` that imports ``salestui.i18n``, chooses zh-CN and
formats 60 days in every skeleton salestui uses plus a few counts, in two set-ups:

- babel: the cache folder cannot be written, so each process loads Babel and its CLDR
  locale, as every process did before the table (``salestui.i18n_cldr``) was kept;
- table: a warm cache folder holding the table; the process never imports Babel.

Prints the median wall time of the whole process and of the formatting inside it (imports
included), next to an empty ``python -c pass``, and what ``-X importtime`` gives for
``import salestui.i18n, salestui.paths``, with and without platformdirs (which
``salestui.paths`` no longer imports on Linux). Compiled modules are cached as installed
(a shell's ``PYTHONDONTWRITEBYTECODE`` would compile salestui again on every run).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCRIPT = """
import sys, time
start = time.perf_counter()
from datetime import date, timedelta
from salestui import i18n
from salestui.i18n_cldr import DATE_SKELETONS
i18n.set_language("zh-CN")
texts = [i18n.format_date(date(2026, 11, 1) + timedelta(days=n), skeleton)
         for n in range(60) for skeleton in DATE_SKELETONS]
texts += [i18n.format_number(n) for n in (7, 1234, 8351, 1234567)]
took = time.perf_counter() - start
print(f"{took:.6f} {int('babel' in sys.modules)} {texts[1]} {texts[-1]}")
"""


def run(code: str, env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(done.stderr)
    return wall, done.stdout.strip()


def import_ms(env: dict[str, str], modules: str) -> float:
    """The cumulative ``-X importtime`` of the top-level ``modules`` (ms, median of 5)."""
    names = [m.strip() for m in modules.split(",")]
    totals = []
    for _ in range(5):
        done = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {modules}"],
                              env=env, capture_output=True, text=True)  # fmt: skip
        total = 0
        for line in done.stderr.splitlines():
            parts = [p.strip() for p in line.removeprefix("import time:").split("|")]
            if len(parts) == 3 and parts[2] in names:  # top level: no indent
                total += int(parts[1])
        totals.append(total / 1000)
    return statistics.median(totals)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as tmp:
        warm, blocked = Path(tmp) / "warm", Path(tmp) / "blocked"
        blocked.mkdir()
        (blocked / "locales").write_text("a file where the cache folder would go")
        setups = {
            "babel": {**base, "SALESTUI_CACHE": str(blocked)},
            "table": {**base, "SALESTUI_CACHE": str(warm)},
        }
        for env in setups.values():  # compile, and fill the warm cache
            run(SCRIPT, env)
        walls: dict[str, list[float]] = {name: [] for name in (*setups, "python -c pass")}
        inside: dict[str, list[float]] = {name: [] for name in setups}
        shown: dict[str, str] = {}
        for _ in range(args.runs):
            for name, env in setups.items():
                wall, out = run(SCRIPT, env)
                took, babel, *texts = out.split()
                walls[name].append(wall)
                inside[name].append(float(took))
                shown[name] = f"babel loaded: {'yes' if babel == '1' else 'no'}; {' '.join(texts)}"
            walls["python -c pass"].append(run("pass", base)[0])
        print(f"zh-CN, 60 days x every skeleton + 4 counts; median of {args.runs} runs")
        for name, times in walls.items():
            line = f"{name:>15}: process {statistics.median(times) * 1000:6.1f} ms"
            if name in inside:
                took = statistics.median(inside[name]) * 1000
                line += f", formatting with imports {took:5.1f} ms"
                line += f" ({shown[name]})"
            print(line)
        modules = "salestui.i18n, salestui.paths"
        print(f"-X importtime {modules}: {import_ms(base, modules):.1f} ms; "
              f"platformdirs alone: {import_ms(base, 'platformdirs'):.1f} ms")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
