"""Two processes writing to one database at once: nothing lost, no "database is locked"."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from salestui.core.db import open_store
from salestui.core.service import Services

WRITER = """
import sys
from salestui.core.db import open_store
from salestui.core.service import Services
store = open_store(sys.argv[1])
services = Services(store)
action_id = int(sys.argv[2])
for n in range(int(sys.argv[3])):
    services.add_follow_up(action_id, f"{sys.argv[4]} follow-up {n}")
store.close()
print("ok")
"""


def test_two_processes_write_2000_follow_ups(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    store = open_store(path)
    services = Services(store)
    services.add_person("王芳")
    first = services.add_action("回款计划", ["王芳"])
    second = services.add_action("Pricing deck", ["王芳"])
    store.close()

    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(action.id), "1000", label],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for action, label in ((first, "A"), (second, "B"))
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        assert out.strip() == "ok"
        assert "locked" not in err

    store = open_store(path)
    try:
        assert store.count("follow_ups") == 2000
        notes = {f.note for f in store.list_follow_ups(first.id)}
        assert notes == {f"A follow-up {n}" for n in range(1000)}
        assert len(store.list_follow_ups(second.id)) == 1000
    finally:
        store.close()
