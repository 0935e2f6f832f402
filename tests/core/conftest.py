"""What the integrity tests share, as fixtures: ``fill_actions`` (rows enough to make a file
of many pages) and ``damage`` (garbage over pages in its middle)."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from salestui.core.db import open_store


def _fill_actions(path: Path, count: int) -> None:
    store = open_store(path)
    try:
        with store.transaction():
            for number in range(count):
                store.db.execute(
                    "INSERT INTO action_items(title, created_at, updated_at) VALUES (?, ?, ?)",
                    [f"行动 {number} " + "x" * 80, "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z"],
                )
    finally:
        store.close()


def _damage(path: Path, pages: int = 4) -> None:
    """Overwrite pages in the middle of a (checkpointed) database file with garbage, and
    make the daily full check due (as it is the next day)."""
    for stamp in path.parent.glob(f"{path.name}.backups/*.checked"):
        stamp.unlink()
    size = path.stat().st_size
    page = 4096
    middle = (size // page) // 2
    noise = random.Random(7).randbytes(page * pages)
    with path.open("r+b") as handle:
        handle.seek(middle * page)
        handle.write(noise)


@pytest.fixture(scope="session")
def fill_actions() -> Callable[[Path, int], None]:
    """``fill_actions(path, count)``: ``count`` action items written straight to the file."""
    return _fill_actions


@pytest.fixture(scope="session")
def damage() -> Callable[..., None]:
    """``damage(path, pages=4)``: garbage over pages in the middle of the file."""
    return _damage
