"""The pieces under the screens: column fitting, labels, bindings translation."""

from __future__ import annotations

from datetime import date

from textual.app import App, ComposeResult

from salestui import i18n
from salestui.core.models import MeetingStatus
from salestui.tui import labels
from salestui.tui.widgets.fit_table import FitColumn, FitRow, FitTable, fit_widths


def test_fixed_columns_keep_their_width_and_the_flexible_one_fills_the_rest() -> None:
    assert fit_widths([5, 10, 8], [0, 1, 0], 40, [1, 4, 1]) == [5, 27, 8]


def test_flexible_columns_share_by_ratio_when_too_wide() -> None:
    widths = fit_widths([10, 80, 40], [0, 2, 1], 55, [1, 12, 8])
    assert widths == [10, 30, 15]
    assert sum(widths) == 55


def test_a_flexible_column_that_needs_little_hands_its_share_on() -> None:
    # The meeting column needs 6; the title takes everything else.
    assert fit_widths([10, 80, 6], [0, 2, 1], 55, [1, 12, 8]) == [10, 39, 6]


def test_flexible_columns_never_shrink_below_their_minimum() -> None:
    assert fit_widths([30, 50], [0, 1], 20, [1, 12]) == [30, 12]


class _TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield FitTable()


async def test_long_cells_end_in_an_ellipsis_instead_of_scrolling_sideways() -> None:
    app = _TableApp()
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(FitTable)
        title = "提交回款计划并与财务部门核对所有客户的应收账款明细"
        table.set_data(
            [FitColumn("due", "Due"), FitColumn("title", "Title", ratio=1)],
            [FitRow("a", ["today", title])],
        )
        await pilot.pause()
        assert table.virtual_size.width <= table.scrollable_content_region.width
        total = sum(column.get_render_width(table) for column in table.columns.values())
        assert total <= table.scrollable_content_region.width


def test_labels_follow_the_language() -> None:
    today = date(2026, 11, 27)
    assert labels.day_label(today, today) == "Today · Fri 27 Nov"
    assert labels.day_label(date(2026, 11, 30), today) == "Mon 30 Nov"
    assert labels.day_label(date(2027, 1, 4), today) == "Mon, 4 Jan 2027"
    assert labels.meeting_status(MeetingStatus.CIRCULATED) == "agenda circulated"
    i18n.set_language("zh-CN")
    assert labels.day_label(date(2026, 11, 28), today) == "明天 · 11月28日周六"
    assert labels.long_date(today) == "2026年11月27日周五"
    assert labels.meeting_status(MeetingStatus.CIRCULATED) == "已发议程"
