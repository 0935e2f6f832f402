"""The service layer lets no SQLite exception out: a storage failure reaches the CLI and
the TUI as the core's ``StorageError``, whichever public operation met it."""

from __future__ import annotations

import inspect
import sqlite3

import pytest

from salestui.core.actions_service import ActionsService
from salestui.core.boundary import is_guarded, storage_failure
from salestui.core.errors import StorageError
from salestui.core.journal import Journal
from salestui.core.meeting import LiveMeeting
from salestui.core.meeting_scribe import Scribes
from salestui.core.models import Role
from salestui.core.planning import Planning
from salestui.core.service import Services
from salestui.core.views import ActionPager, Views

FRONT_FACING = [
    Services,
    ActionsService,
    Views,
    ActionPager,
    Scribes,
    LiveMeeting,
    Planning,
    Journal,
]


def _public_members(cls: type) -> list[tuple[type, str]]:
    """(defining class, name) of every public method and property the class offers,
    from every class of the core it inherits them from."""
    found = []
    for owner in cls.__mro__:
        if not owner.__module__.startswith("salestui.core"):
            continue
        for name, value in vars(owner).items():
            if name.startswith("_") or isinstance(value, type):
                continue
            if isinstance(value, property | staticmethod | classmethod) or inspect.isfunction(
                value
            ):
                found.append((owner, name))
    return found


@pytest.mark.parametrize("cls", FRONT_FACING, ids=lambda c: c.__name__)
def test_every_public_operation_passes_the_boundary(cls: type) -> None:
    members = _public_members(cls)
    assert len(members) > 3
    unguarded = [
        f"{owner.__name__}.{name}" for owner, name in members if not is_guarded(owner, name)
    ]
    assert unguarded == []


def test_a_failure_met_by_a_read_is_a_storage_error(services: Services) -> None:
    services.add_person("王芳", Role.LEAD, "销售一部")
    services.store.db.conn.close()  # the file is gone from under the app
    with pytest.raises(StorageError, match="Database problem: Cannot operate on a closed"):
        services.people()
    with pytest.raises(StorageError):
        services.me()  # a property-like read through another public method
    with pytest.raises(StorageError):
        ActionsService(services).detail(1)


def test_a_failure_met_by_a_write_is_a_storage_error(services: Services) -> None:
    services.store.db.conn.close()
    with pytest.raises(StorageError) as caught:
        services.add_person("Li Ming")
    assert isinstance(caught.value.__cause__, sqlite3.Error)  # the reason is kept


def test_a_damaged_file_names_its_backups(services: Services) -> None:
    damage = sqlite3.DatabaseError("database disk image is malformed")
    damage.sqlite_errorcode = sqlite3.SQLITE_CORRUPT  # type: ignore[attr-defined]
    message = str(storage_failure(damage, services))
    assert str(services.store.path) in message
    assert "Database problem" not in message


def test_the_tui_never_reaches_for_the_store() -> None:
    """The import contract keeps the store's modules out of the TUI; this keeps out the
    store object too (``services.store``, or a ``getattr`` of it)."""
    import ast
    from pathlib import Path

    import salestui.tui

    offenders = []
    for path in sorted(Path(salestui.tui.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            attribute = isinstance(node, ast.Attribute) and node.attr == "store"
            named = isinstance(node, ast.Constant) and node.value == "store"
            if attribute or named:
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []
