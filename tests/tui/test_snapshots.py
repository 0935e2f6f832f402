"""SVG snapshots of the Home screen (fixed clock, fixed data, fixed size).

Update after an intended change with ``pytest tests/tui --snapshot-update`` and look at
the new SVGs before committing them.
"""

from __future__ import annotations

import pytest

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


def _with_inboxes(org: Services) -> Services:
    """An item Li Ming escalated to the director ("me") and a check-in due today."""
    from datetime import date

    from salestui.core.actions_service import ActionsService
    from salestui.core.models import ActionQuery

    rows = {r.title: r.id for r in org.list_actions(ActionQuery())}
    org.set_me("Li Ming")
    ActionsService(org).escalate(rows["Call back the Sinopec buyer"], "需要总监出面")
    org.set_me(None)
    org.add_follow_up(rows["准备客户拜访材料"], "客户要求改期", next_check_in=date(2026, 11, 27))
    return org


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_home_with_inboxes(snap_compare, org: Services, size, language: str) -> None:
    i18n.set_language(language)
    assert snap_compare(SalestuiApp(_with_inboxes(org), Config()), terminal_size=size)


def test_home_empty_database(snap_compare, empty_app: SalestuiApp) -> None:
    assert snap_compare(empty_app, terminal_size=(80, 24))


def test_help_screen(snap_compare, app: SalestuiApp) -> None:
    assert snap_compare(app, terminal_size=(80, 24), press=["question_mark"])
