"""The server's way to the database: one worker thread with its own connection (SQLite's
rule: a connection per thread), so that a slow password hash never holds up the event
loop, and the loop never touches SQLite."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from salestui.core.errors import SalestuiError

if TYPE_CHECKING:
    from collections.abc import Callable

    from salestui.core.service import Services

T = TypeVar("T")


class Gate:
    """Who may sign in, asked of the database in a thread of its own."""

    def __init__(self, db: Path, backups: Any = None) -> None:
        self.db = db
        self.backups = backups
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="salestui-gate")
        self._services: Services | None = None

    def _open(self) -> Services:
        if self._services is None:
            from salestui.core.db import open_store
            from salestui.core.service import Services

            self._services = Services(open_store(self.db, create=False, backups=self.backups))
        return self._services

    async def _run(self, work: Callable[[Services], T]) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, lambda: work(self._open()))

    def now(self, work: Callable[[Services], T]) -> T:
        """Run ``work`` at once on the gate's thread, waiting for it (for the start)."""
        return self._pool.submit(lambda: work(self._open())).result()

    async def check_password(self, who: str, password: str) -> tuple[int, str] | None:
        def check(services: Services) -> tuple[int, str] | None:
            person = services.check_password(who, password)
            return (person.id, person.name) if person and person.id is not None else None

        return await self._run(check)

    async def person_for_header(self, value: str) -> tuple[int, str] | None:
        def find(services: Services) -> tuple[int, str] | None:
            try:
                person = services.person_for_header(value)
            except SalestuiError:
                return None
            return (person.id, person.name) if person.id is not None else None

        return await self._run(find)

    async def issue_token(self, person_id: int) -> str:
        return await self._run(lambda services: services.issue_sign_in_token(person_id))

    def close(self) -> None:
        def close(_services: Services) -> None:
            if self._services is not None:
                self._services.store.close()
                self._services = None

        if self._services is not None:
            self.now(close)
        self._pool.shutdown(wait=True)
