"""Simplified Chinese catalog, merged from one module per area of the app.

Each area keeps its own module so that work on one screen never edits another's file.
"""

from salestui.locales.zh_CN import capture, cli, common, core, dates, export, meeting, planning, tui

MESSAGES: dict[str, str] = {}
for _module in (common, core, dates, capture, planning, meeting, export, cli, tui):
    MESSAGES.update(_module.MESSAGES)
