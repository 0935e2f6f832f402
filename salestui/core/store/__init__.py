"""The store: the only package that speaks SQL. Rows in, pydantic models out.

Connections are per thread (SQLite's rule); open a second Store in a worker thread.
Writes run in ``BEGIN IMMEDIATE`` transactions so that two processes sharing the file
queue on the busy timeout instead of failing with "database is locked".

The package itself loads nothing: ``Store`` (``store.typed``) loads the models and
sqlite-utils on first use, so a lean module of the package (``listing_sql``,
``quick_reads``) serves the command line's quick path without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from salestui.core.models import ActionQuery
    from salestui.core.store.base import BaseStore
    from salestui.core.store.typed import Store

__all__ = ["ActionQuery", "BaseStore", "Store"]


def __getattr__(name: str) -> Any:
    if name == "Store":
        from salestui.core.store.typed import Store

        return Store
    if name == "BaseStore":
        from salestui.core.store.base import BaseStore

        return BaseStore
    if name == "ActionQuery":
        from salestui.core.models import ActionQuery

        return ActionQuery
    raise AttributeError(name)
