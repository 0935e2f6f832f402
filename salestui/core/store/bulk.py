"""Loading many rows at once (demo data, benchmarks): one transaction, one pass per index.

Row by row, every insert also updates each index of its table, feeds the FTS5 trigram
indexes through their triggers and (for owners) writes the item's first owner's name. A
bulk load does each of these once at the end instead: the indexes are built again, the
search indexes rebuilt (FTS5 ``rebuild``), the names filled in one UPDATE - and the
triggers and indexes are back, exactly as they were, before the transaction commits.
(A bigger page cache does not help: SQLite builds an index faster with the default.)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from salestui.core.schema import FTS_TABLES
from salestui.core.schema_keys import OWNER_NAME_FILL
from salestui.core.store.base import BaseStore, _chain, _placeholders

OWNER_NAME_TRIGGER = "action_owners_name_ai"
FTS5_AUTOMERGE = 4  # FTS5's default
FTS5_HASHSIZE = 1024 * 1024  # FTS5's default: the terms it buffers before writing a segment
FTS5_BULK_HASHSIZE = 8 * 1024 * 1024


class BulkStore(BaseStore):
    def bulk_insert(self, table: str, rows: Iterable[dict[str, Any]]) -> None:
        """Insert many rows (dicts with the same keys) in one transaction."""
        iterator = iter(rows)
        first = next(iterator, None)
        if first is None:
            return
        columns = list(first)
        self.insert_rows(table, columns, ([r[c] for c in columns] for r in _chain(first, iterator)))

    def insert_rows(
        self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
    ) -> None:
        """Insert many rows, each a sequence of values for ``columns``."""
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({_placeholders(columns)})"
        with self.transaction():
            self.db.conn.executemany(sql, rows)

    def max_id(self, table: str) -> int:
        row = self.db.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()
        return int(row[0])

    @contextmanager
    def file_load(self) -> Iterator[None]:
        """Settings for a load of many rows that point only at ids it allocated itself
        (the scaled demo): foreign keys unchecked (a tenth of the inserts' time), and a
        rollback journal instead of the WAL, so the new pages are written once, to the
        file, instead of to the WAL and then again by the checkpoint (a rollback journal
        keeps only the pages that were there before: still one atomic transaction).

        Only outside a transaction (SQLite ignores both inside one) and when no other
        connection has the file open (the WAL stays otherwise); both are back after."""
        conn = self.db.conn
        if conn.in_transaction:
            yield
            return
        checked = bool(conn.execute("PRAGMA foreign_keys").fetchone()[0])
        conn.execute("PRAGMA foreign_keys = OFF")
        journal = str(conn.execute("PRAGMA journal_mode").fetchone()[0])
        switched = journal.lower() == "wal" and (
            str(conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]).lower() == "delete"
        )
        try:
            yield
        finally:
            if switched:
                conn.execute("PRAGMA journal_mode = WAL")
            if checked:
                conn.execute("PRAGMA foreign_keys = ON")

    @contextmanager
    def bulk_load(self, tables: Sequence[str]) -> Iterator[None]:
        """A transaction for inserting many rows into ``tables`` (nothing else): their
        indexes, search indexes and owner names are brought up to date once, at the end
        (an item inserted with its ``owner_name`` keeps it). On an error everything is
        rolled back, the triggers and indexes with it."""
        with self.transaction():
            owners_mark = self.db.execute(
                "SELECT coalesce(max(rowid), 0) FROM action_owners"
            ).fetchone()[0]
            triggers = self._drop(self._paused_triggers(tables))
            indexes = self._drop(self._secondary_indexes(tables))
            yield
            if "action_owners" in tables:
                self.db.execute(OWNER_NAME_FILL, [owners_mark])
            for statement in indexes:
                self.db.execute(statement)
            for fts, (content, _columns) in FTS_TABLES.items():
                if content in tables:
                    self._rebuild(fts)
            for statement in triggers:
                self.db.execute(statement)

    def _rebuild(self, fts: str) -> None:
        """Fill ``fts`` again from its content table, without merging its segments on
        the way (about a quarter faster) and with a bigger in-memory buffer (fewer, larger
        segments: another quarter); its settings are left as they were."""
        config = f"{fts}_config"
        found = dict(
            self.db.execute(
                f"SELECT k, v FROM {config} WHERE k IN ('automerge', 'hashsize')"
            ).fetchall()
        )
        for key, value in (("automerge", 0), ("hashsize", FTS5_BULK_HASHSIZE)):
            self.db.execute(f"INSERT INTO {fts}({fts}, rank) VALUES (?, ?)", [key, value])
        self.db.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
        for key, default in (("automerge", FTS5_AUTOMERGE), ("hashsize", FTS5_HASHSIZE)):
            before = found.get(key, default)
            self.db.execute(f"INSERT INTO {fts}({fts}, rank) VALUES (?, ?)", [key, int(before)])
            if key not in found:  # the default again, as it was: not written down
                self.db.execute(f"DELETE FROM {config} WHERE k = ?", [key])

    def _paused_triggers(self, tables: Sequence[str]) -> list[tuple[str, str]]:
        """(name, SQL) of the insert triggers a bulk load does the work of: those feeding
        the search indexes of ``tables``, and the owner name's on action_owners."""
        indexes = [fts for fts, (content, _columns) in FTS_TABLES.items() if content in tables]
        rows = self.db.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            f"AND tbl_name IN ({_placeholders(tables)}) ORDER BY name",
            list(tables),
        ).fetchall()
        return [
            (name, sql)
            for name, sql in rows
            if name == OWNER_NAME_TRIGGER
            or ("AFTER INSERT" in sql and any(f"INTO {fts}(" in sql for fts in indexes))
        ]

    def _secondary_indexes(self, tables: Sequence[str]) -> list[tuple[str, str]]:
        """(name, SQL) of the indexes of ``tables`` made by CREATE INDEX (not the keys')."""
        return self.db.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({_placeholders(tables)}) ORDER BY name",
            list(tables),
        ).fetchall()

    def _drop(self, objects: list[tuple[str, str]]) -> list[str]:
        """Drop triggers or indexes; returns the SQL that makes them again."""
        for name, sql in objects:
            kind = "TRIGGER" if sql.lstrip().upper().startswith("CREATE TRIGGER") else "INDEX"
            self.db.execute(f'DROP {kind} "{name}"')
        return [sql for _name, sql in objects]
