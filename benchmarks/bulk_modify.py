"""Bulk by filter and its undo on a big database (issue 14: 10,000 items in under 2 s).

    python benchmarks/bulk_modify.py [--scale 100000] [--items 10000] [--runs 3] [--db PATH]

Builds a database with ``salestui demo --scale N`` (the real command, in a subprocess) -
or reuses ``--db`` when that file exists - then, on a copy per run:

- modify: ``BulkChanges.apply`` on the first ``--items`` items (by id) - a new due date, a
  status, priority 1 and a tag added: one journal step with its before-images, the items'
  history entries, all in one transaction (what ``salestui actions modify`` and the
  Actions screen's bulk keys call);
- undo: ``Journal.undo`` of that step (the digest check, then every row put back);
- CLI: the whole ``salestui actions modify --tag crm ... --yes`` process, wall time
  (start-up, the filter query and the dry plan included).

Prints the median of ``--runs`` runs and the peak RSS of this process. Target: modify
under 2 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

TARGET = 2.0


def build(db: Path, scale: int) -> None:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "salestui", "--db", str(db), "demo", "--scale", str(scale)],
        check=True,
        capture_output=True,
    )
    print(
        f"built {db} with `salestui demo --scale {scale}` in {time.perf_counter() - started:.1f} s"
    )


def one_run(source: Path, folder: Path, items: int) -> dict[str, float]:
    from salestui.core.actions_bulk import BulkChanges
    from salestui.core.db import open_store
    from salestui.core.models import ActionQuery
    from salestui.core.service import Services

    copy = folder / "run.db"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{copy}{suffix}")
    times: dict[str, float] = {}
    services = Services(open_store(copy, backups=None))
    try:
        bulk = BulkChanges(services)
        ids = bulk.matching_ids(ActionQuery())[:items]
        change = bulk.modification(
            due=date(2027, 1, 15), status="in_progress", priority=1, add_tags=["bench"]
        )
        started = time.perf_counter()
        changed = bulk.apply(ids, change)
        times["modify"] = time.perf_counter() - started
        times["changed"] = changed.count
        started = time.perf_counter()
        services.journal.undo(changed.step)
        times["undo"] = time.perf_counter() - started
    finally:
        services.store.close()
    # The CLI, as a user runs it: every item tagged "crm" (11,790 at --scale 100000),
    # due date, priority and a tag, confirmed with --yes.
    env = dict(os.environ, SALESTUI_LANG="en")
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "salestui", "--db", str(copy), "actions", "modify",
         "--tag", "crm", "--set-due", "2027-01-15", "--set-priority", "1",
         "--add-tag", "bench", "--yes"],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    times["cli"] = time.perf_counter() - started
    times["cli_changed"] = int(done.stdout.split()[1].replace(",", ""))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = args.db or folder / "big.db"
        if not source.exists():
            build(source, args.scale)
        runs = [one_run(source, folder, args.items) for _ in range(args.runs)]
    median = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.runs} runs, median:")
    print(
        f"  modify {int(median['changed']):,} items (one step): {median['modify']:.2f} s"
        f"  (target < {TARGET:.0f} s: {'ok' if median['modify'] < TARGET else 'MISSED'})"
    )
    print(f"  undo that step:                    {median['undo']:.2f} s")
    print(
        f"  salestui actions modify ({int(median['cli_changed']):,} items, whole process): "
        f"{median['cli']:.2f} s"
    )
    print(f"  peak RSS of this process: {rss:.0f} MiB")


if __name__ == "__main__":
    main()
