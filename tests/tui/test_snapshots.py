"""SVG snapshots of the Home screen (fixed clock, fixed data, fixed size).

Update after an intended change with ``pytest tests/tui --snapshot-update`` and look at
the new SVGs before committing them.
"""

from __future__ import annotations

from salestui import i18n
from salestui.config import Config
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp


def test_home_80x24(snap_compare, app: SalestuiApp) -> None:
    assert snap_compare(app, terminal_size=(80, 24))


def test_home_120x40(snap_compare, app: SalestuiApp) -> None:
    assert snap_compare(app, terminal_size=(120, 40))


def test_home_zh_cn_120x40(snap_compare, org: Services) -> None:
    i18n.set_language("zh-CN")  # the shared fixture restores English afterwards
    assert snap_compare(SalestuiApp(org, Config()), terminal_size=(120, 40))


def test_home_zh_cn_80x24(snap_compare, org: Services) -> None:
    i18n.set_language("zh-CN")
    assert snap_compare(SalestuiApp(org, Config()), terminal_size=(80, 24))


def test_home_empty_database(snap_compare, empty_app: SalestuiApp) -> None:
    assert snap_compare(empty_app, terminal_size=(80, 24))


def test_help_screen(snap_compare, app: SalestuiApp) -> None:
    assert snap_compare(app, terminal_size=(80, 24), press=["question_mark"])
