"""The Plan screen refuses bad input (and saves nothing), undoes deletes, and carries a
series' unfinished items into the next meeting."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static

from salestui.config import Config
from salestui.core.models import AgendaStatus, Cadence, MeetingStatus
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.plan import PlanScreen
from salestui.tui.screens.plan_item import AgendaItemScreen
from salestui.tui.screens.plan_recurring import RecurringScreen

SIZE = (120, 40)


def error_of(ui, screen, name: str) -> str:
    return ui.text_of(screen.query_one(f"#error-{name}", Static))


async def open_plan(ui, app: SalestuiApp, pilot, meeting_id: int | None, tab: str = "details"):
    await pilot.pause()
    app.push_screen(PlanScreen(app.services, meeting_id, tab=tab))
    await ui.wait_until(pilot, lambda: isinstance(app.screen, PlanScreen))
    await pilot.pause()
    return app.screen


async def test_a_meeting_without_title_or_purpose_is_not_saved(people: Services, ui) -> None:
    app = SalestuiApp(people, Config())
    notes = ui.record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(ui, app, pilot, None)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert people.meetings() == []
        assert error_of(ui, screen, "title") == "✗ A meeting needs a title"
        assert error_of(ui, screen, "purpose") == "✗ A meeting needs a purpose: why meet at all?"
        assert notes[-1] == "Not saved: A meeting needs a title"
        assert app.focused is screen.query_one("#field-title", Input)
        await ui.type_text(pilot, "Pricing review")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert people.meetings() == []
        assert notes[-1].startswith("Not saved: A meeting needs a purpose")
        assert app.focused is screen.query_one("#field-purpose", Input)


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("start", "someday never", "Unknown date or time: 'someday never'"),
        ("start", "2026-02-30 09:00", "No such date"),
        ("minutes", "abc", "Type a whole number of minutes"),
        ("minutes", "0", "Between 1 and 1440 minutes"),
        ("minutes", "1441", "Between 1 and 1440 minutes"),
        ("chair", "nobody", "No one is called nobody"),
        ("title", "x" * 201, "At most 200 characters"),
    ],
)
async def test_bad_fields_are_flagged_inline_and_nothing_is_saved(
    people: Services, field: str, typed: str, message: str, ui
) -> None:
    app = SalestuiApp(people, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(ui, app, pilot, None)
        await ui.type_text(pilot, "Pricing review")
        screen.form.focus_field("purpose")
        await ui.type_text(pilot, "Agree the Q1 price list")
        screen.form.focus_field(field)
        await pilot.press("ctrl+u")
        await ui.type_text(pilot, typed)
        await pilot.pause()
        # Flagged as it is typed, before any save.
        assert message in error_of(ui, screen, field)
        assert screen.query_one(f"#field-{field}").has_class("-invalid")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert people.meetings() == []
        assert app.focused is screen.query_one(f"#field-{field}", Input)


async def test_editing_a_stored_meeting_updates_it(people: Services, planned_weekly, ui) -> None:
    meeting_id = planned_weekly()
    app = SalestuiApp(people, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(ui, app, pilot, meeting_id)
        assert screen.query_one("#field-start", Input).value == "2026-11-30 14:30"
        assert ui.text_of(screen.query_one("#hint-chair", Static)) == "→ Zhang Wei"
        screen.form.focus_field("minutes")
        await pilot.press("ctrl+u")
        await ui.type_text(pilot, "90")
        await pilot.pause()
        assert "unsaved changes" in ui.text_of(screen.query_one(".header-right", Static))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert people.meeting(meeting_id).planned_minutes == 90
        assert ui.text_of(screen.query_one("#summary-agenda", Static)) == "Agenda 75 / 90 min"
        assert not screen.query_one("#summary-agenda").has_class("-over")


async def test_escape_with_unsaved_changes_asks_first(people: Services, planned_weekly, ui) -> None:
    meeting_id = planned_weekly()
    app = SalestuiApp(people, Config())
    notes = ui.record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(ui, app, pilot, meeting_id)
        await ui.type_text(pilot, " (draft)")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert notes[-1].startswith("Unsaved changes")
        await pilot.press("escape")
        await ui.wait_until(pilot, lambda: app.screen is not screen)
        assert people.meeting(meeting_id).title == "周例会 第48周"


@pytest.mark.parametrize(
    ("title", "presenter", "minutes", "field", "message"),
    [
        ("", "", "10", "title", "An agenda item needs a title"),
        ("Pricing", "", "0", "minutes", "Between 1 and 480 minutes"),
        ("Pricing", "", "481", "minutes", "Between 1 and 480 minutes"),
        ("Pricing", "", "ten", "minutes", "Type a whole number of minutes"),
        ("Pricing", "nobody", "10", "presenter", "No one is called nobody"),
        ("x" * 301, "", "10", "title", "At most 300 characters"),
    ],
)
async def test_bad_agenda_items_are_refused(
    people: Services,
    title: str,
    presenter: str,
    minutes: str,
    field: str,
    message: str,
    planned_weekly,
    ui,
) -> None:
    meeting_id = planned_weekly()
    app = SalestuiApp(people, Config())
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(ui, app, pilot, meeting_id, tab="agenda")
        await pilot.press("plus")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, AgendaItemScreen))
        dialog = app.screen
        await ui.type_text(pilot, title)
        await pilot.press("tab")
        await ui.type_text(pilot, presenter)
        await pilot.press("tab")
        await ui.type_text(pilot, minutes)  # replaces the default: the field is selected
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog  # still open, saying what is wrong
        assert message in ui.text_of(dialog.query_one(f"#item-error-{field}", Static))
        assert app.focused is dialog.query_one(f"#item-{field}", Input)
        assert len(people.store.list_agenda(meeting_id)) == 5
        await pilot.press("escape")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, PlanScreen))
        assert len(people.store.list_agenda(meeting_id)) == 5


async def test_edit_an_item_then_delete_and_undo(people: Services, planned_weekly, ui) -> None:
    meeting_id = planned_weekly()
    app = SalestuiApp(people, Config())
    notes = ui.record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(ui, app, pilot, meeting_id, tab="agenda")
        await pilot.press("down", "enter")  # edit the second item
        await ui.wait_until(pilot, lambda: isinstance(app.screen, AgendaItemScreen))
        assert app.screen.query_one("#item-title", Input).value == "各销售员业绩"
        assert app.screen.query_one("#item-presenter", Input).value == "王芳"
        await pilot.press("tab", "tab")
        await ui.type_text(pilot, "25")
        await pilot.press("enter")
        await ui.wait_until(pilot, lambda: app.screen is screen)
        assert people.store.list_agenda(meeting_id)[1].timebox_minutes == 25

        await pilot.press("d")
        await pilot.pause()
        titles = [i.title for i in people.store.list_agenda(meeting_id)]
        assert "各销售员业绩" not in titles and len(titles) == 4
        assert notes[-1] == "Deleted 各销售员业绩 - ctrl+z to undo"
        assert [row[1] for row in ui.table_cells(screen.agenda.table)] == titles

        await pilot.press("ctrl+z")
        await pilot.pause()
        agenda = people.store.list_agenda(meeting_id)
        assert [i.title for i in agenda][1] == "各销售员业绩"  # back where it was
        assert agenda[1].timebox_minutes == 25 and agenda[1].presenter_id is not None
        assert notes[-1] == "Undid: Meeting “周例会 第48周”: deleted “各销售员业绩”"
        # The journal goes on back: the edit before it (the timebox).
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert notes[-1] == "Undid: Meeting “周例会 第48周”: edited “各销售员业绩”"
        assert people.store.list_agenda(meeting_id)[1].timebox_minutes != 25


async def test_remove_an_attendee_and_undo(people: Services, planned_weekly, ui) -> None:
    meeting_id = planned_weekly()
    app = SalestuiApp(people, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(ui, app, pilot, meeting_id, tab="attendees")
        # The list is in reporting-line order: the second row is removed.
        second = people.meeting_detail(meeting_id).attendees[1].person.name
        await pilot.press("tab", "down", "delete")
        await pilot.pause()
        names = [a.person.name for a in people.meeting_detail(meeting_id).attendees]
        assert second not in names and len(names) == 4
        assert "4 invited" in ui.text_of(screen.query_one("#summary-cost", Static))
        await pilot.press("ctrl+z")
        await pilot.pause()
        attendees = {a.person.name: a.required for a in people.meeting_detail(meeting_id).attendees}
        assert attendees[second] is True and len(attendees) == 5
        # A name that matches no one says so and invites no one.
        await pilot.press("f3")
        await ui.type_text(pilot, "nobody")
        await pilot.press("enter")
        await pilot.pause()
        message = ui.text_of(screen.query_one("#attendee-picker .picker-message", Static))
        assert message == "No one matches nobody. ctrl+n adds a new person."
        assert len(people.meeting_detail(meeting_id).attendees) == 5


async def test_next_meeting_of_a_series_carries_unfinished_items(
    people: Services, planned_weekly, ui
) -> None:
    meeting_id = planned_weekly(over=False)
    app = SalestuiApp(people, Config())
    notes = ui.record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(ui, app, pilot, meeting_id, tab="agenda")
        assert not screen.check_action("next_meeting", ())  # not in a series yet
        await pilot.press("ctrl+r")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, RecurringScreen))
        await pilot.press("enter")  # weekly, highlighted first
        await ui.wait_until(pilot, lambda: app.screen is screen)
        meeting = people.meeting(meeting_id)
        assert meeting.series_id is not None
        series = people.store.get_series(meeting.series_id)
        assert series is not None and series.cadence == Cadence.WEEKLY
        assert "Every week" in ui.text_of(screen.query_one(".header-right", Static))

        # The meeting is held: its standing items done, and an item added after the
        # series began (this meeting's own) parked.
        for item in people.store.list_agenda(meeting_id):
            item.status = AgendaStatus.DONE
            people.store.update_agenda_item(item)
        extra = people.add_agenda_item(meeting_id, "华东区回款", 10, "王芳")
        extra.status = AgendaStatus.PARKED
        people.store.update_agenda_item(extra)
        meeting.status = MeetingStatus.ENDED
        people.store.update_meeting(meeting)

        await pilot.press("ctrl+g")
        await ui.wait_until(pilot, lambda: app.screen is not screen)
        nxt = app.screen
        assert isinstance(nxt, PlanScreen) and nxt.meeting_id != meeting_id
        assert notes[-1] == "Next meeting created for Mon 7 Dec 14:30; items carried over: 1"
        await pilot.pause()
        rows = ui.table_cells(nxt.agenda.table)
        titles = [row[1] for row in rows]
        assert titles[0] == "Review of open actions"
        assert titles[1:6] == [
            "上周业绩回顾",
            "各销售员业绩",
            "重点客户跟进",
            "问题与对策",
            "下周目标",
        ]
        assert rows[-1][1] == "华东区回款"
        assert rows[-1][-1] == "carried from Mon 30 Nov (x1)"
        assert rows[1][-1] == "standing"
        attendees = people.meeting_detail(nxt.meeting_id).attendees
        assert len(attendees) == 5


async def test_a_new_person_is_added_and_invited_without_leaving_the_form(
    people: Services,
    planned_weekly,
    ui,
) -> None:
    from salestui.tui.screens.person_form import PersonFormScreen

    meeting_id = planned_weekly()
    app = SalestuiApp(people, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(ui, app, pilot, meeting_id, tab="attendees")
        await ui.type_text(pilot, "孙新")
        await pilot.press("enter")
        await pilot.pause()
        assert "ctrl+n" in ui.text_of(screen.query_one("#attendee-picker .picker-message", Static))
        await pilot.press("ctrl+n")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, PersonFormScreen))
        assert app.screen.query_one("#person-name", Input).value == "孙新"
        await pilot.press("ctrl+s")
        await ui.wait_until(pilot, lambda: app.screen is screen)
        await pilot.pause()
        attendees = {a.person.name: a.required for a in people.meeting_detail(meeting_id).attendees}
        assert attendees.get("孙新") is True
        assert "孙新" in [row[0] for row in ui.table_cells(screen.attendees.table)]


async def test_templates_add_items_with_undo_and_follow_a_meeting(
    people: Services, planned_weekly, ui
) -> None:
    from salestui.core.models import MeetingKind
    from salestui.core.planning import Planning
    from salestui.tui.screens.plan_template import TemplateScreen

    meeting_id = planned_weekly()
    app = SalestuiApp(people, Config())
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(ui, app, pilot, meeting_id, tab="agenda")
        await pilot.press("ctrl+t")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, TemplateScreen))
        # u: the weekly template (first, the meeting's kind) now follows this meeting.
        await pilot.press("u")
        await pilot.pause()
        [weekly] = Planning(people).templates(MeetingKind.WEEKLY)
        assert [i.title for i in weekly.items] == [
            "上周业绩回顾", "各销售员业绩", "重点客户跟进", "问题与对策", "下周目标"
        ]  # fmt: skip
        assert weekly.purpose == "检讨本周问题与业绩，确定下周目标"
        # enter: its items are added after the agenda; ctrl+z takes them back.
        await pilot.press("enter")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, PlanScreen))
        await pilot.pause()
        assert len(people.store.list_agenda(meeting_id)) == 10
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert len(people.store.list_agenda(meeting_id)) == 5


async def test_markup_and_control_characters_in_titles_are_plain_text(
    people: Services, planned_weekly, ui
) -> None:
    meeting_id = planned_weekly()
    people.add_agenda_item(meeting_id, "[/red] [b]Q1 | #price <script>", 5)
    app = SalestuiApp(people, Config())
    notes = ui.record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(ui, app, pilot, meeting_id, tab="agenda")
        await pilot.press("end")
        assert ui.table_cells(screen.agenda.table)[-1][1] == "[/red] [b]Q1 | #price <script>"
        await pilot.press("d")
        await pilot.pause()
        assert notes[-1] == "Deleted [/red] [b]Q1 | #price <script> - ctrl+z to undo"
        await pilot.press("plus")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, AgendaItemScreen))
        # As if pasted: the escape sequence arrives inside the text.
        app.screen.query_one("#item-title", Input).value = "red\x1b[31m alert"
        await pilot.press("enter")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, PlanScreen))
        assert people.store.list_agenda(meeting_id)[-1].title == "red alert"
