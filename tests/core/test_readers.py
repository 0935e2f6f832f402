"""Reads in worker threads: each thread its own connection to the same file."""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from salestui.core.errors import StorageError
from salestui.core.readers import ThreadReaders
from salestui.core.service import Services
from salestui.core.views import ActionFilter, ActionPager


def _in_thread(function):  # type: ignore[no-untyped-def]
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function).result()


def test_the_owner_thread_reads_with_the_main_services(services: Services) -> None:
    readers = ThreadReaders(services)
    assert readers.services() is services


def test_a_worker_thread_gets_its_own_connection_and_sees_commits(services: Services) -> None:
    readers = ThreadReaders(services)
    services.add_person("王芳")

    def read() -> tuple[int, list[str], int]:
        reader = readers.services()
        assert reader is not services
        assert reader.store.db.conn is not services.store.db.conn
        again = readers.services()  # the same thread: the same connection
        return id(again), [p.name for p in reader.people()], id(reader)

    again_id, names, reader_id = _in_thread(read)
    assert names == ["王芳"]
    assert again_id == reader_id
    services.add_person("Li Ming")
    assert sorted(_in_thread(lambda: [p.name for p in readers.services().people()])) == [
        "Li Ming",
        "王芳",
    ]
    readers.close()


def test_close_closes_every_reader_and_refuses_new_ones(services: Services) -> None:
    readers = ThreadReaders(services)
    reader = _in_thread(readers.services)
    readers.close()
    with pytest.raises(sqlite3.ProgrammingError):
        reader.store.db.conn.execute("SELECT 1")
    with pytest.raises(StorageError):
        _in_thread(readers.services)


def test_who_me_is_follows_the_main_services(services: Services) -> None:
    services.add_person("王芳")
    readers = ThreadReaders(services)
    seen: list[str | None] = []

    def look() -> None:
        seen.append(readers.services().me_name)

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(look).result()
        services.set_me("王芳")
        pool.submit(look).result()  # the same thread, the same reader, the new "me"
    assert seen == [None, "王芳"]


def test_a_pager_counts_and_reads_windows_in_a_worker(services: Services) -> None:
    services.add_person("王芳")
    for n in range(250):
        services.add_action(f"item {n:03}", owners=["王芳"])
    readers = ThreadReaders(services)
    main_thread = threading.get_ident()

    def open_pager() -> ActionPager:
        assert threading.get_ident() != main_thread
        pager = ActionPager(services, ActionFilter(sort="id"), reader=readers.services())
        pager.load(200, 250, readers.services())
        return pager

    pager = _in_thread(open_pager)
    assert pager.total == 250
    assert pager.reader is None  # the worker's connection is not kept
    assert pager.cached(249) is not None and pager.cached(0) is None
    # The UI thread may still read a window itself, with the main connection.
    assert [row.title for row in pager.rows(0, 2)] == ["item 000", "item 001"]
    readers.close()
