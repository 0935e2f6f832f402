"""Pilot tests of the confirmation step: bad answers change nothing and say why; the
meeting is confirmed only once every question is answered."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from textual.widgets import Input, Static

from salestui.config import Config
from salestui.core.clock import FixedClock
from salestui.core.meeting import LiveMeeting
from salestui.core.models import ActionStatus, DecisionStatus, MeetingKind, MeetingStatus, Role
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.confirm import ConfirmScreen
from salestui.tui.screens.confirm_summary import SummaryScreen


@pytest.fixture
def ended(services: Services, clock: FixedClock) -> int:
    """An ended meeting with two decisions, an action without owner, one with an owner but
    no date, and two parked topics."""
    services.add_person("陈建国", Role.DIRECTOR)
    services.add_person("王芳", Role.LEAD, reports_to="陈建国")
    services.add_person("Li Ming", Role.MEMBER, reports_to="王芳")
    meeting = services.new_meeting("周例会", "p", MeetingKind.WEEKLY, clock.now(), 30,
                                   chair="陈建国")  # fmt: skip
    services.add_agenda_item(meeting.id, "上周业绩", 10)
    live = LiveMeeting(services)
    live.start(meeting.id)
    live.capture(meeting.id, "/d raise prices by 3%")
    live.capture(meeting.id, "决定：关闭西安办事处")
    live.capture(meeting.id, "/a prepare the customer list")
    live.capture(meeting.id, "/a @王芳 send the plan")
    live.capture(meeting.id, "/p trade show budget")
    live.capture(meeting.id, "/p 新客户开发")
    clock.advance(minutes=25)
    live.end(meeting.id)
    return meeting.id


def shown(app: SalestuiApp, selector: str) -> str:
    content = app.screen.query_one(selector, Static).content
    return content.plain if hasattr(content, "plain") else str(content)


def rows(app: SalestuiApp, selector: str) -> list[str]:
    table = app.screen.query_one(selector)
    return [" ".join(str(c) for c in table.get_row_at(r)) for r in range(table.row_count)]


async def answer(pilot, text: str) -> None:
    prompt = pilot.app.screen.query_one("#confirm-prompt", Input)
    assert pilot.app.screen.focused is prompt
    prompt.value = text
    await pilot.press("enter")
    await pilot.pause()


async def test_bad_answers_change_nothing(services: Services, ended: int) -> None:
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(ConfirmScreen(services, ended))
        await pilot.pause()
        assert "4 still open" not in shown(app, "#questions")  # 2 + 2 + 2 = 6
        assert "6 still open before the meeting can be confirmed" in shown(app, "#questions")
        # Finishing too early is refused, with the first open question.
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Decision not confirmed: raise prices by 3%" in shown(app, "#confirm-message")
        # An empty decision text is refused; Esc closes the prompt and keeps the old text.
        await pilot.press("e")
        await pilot.pause()
        await answer(pilot, "   ")
        assert "A decision needs text" in shown(app, "#confirm-message")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#decisions")
        assert services.store.list_decisions(ended)[0].text == "raise prices by 3%"
        await pilot.press("tab", "o")  # owners of "prepare the customer list"
        await pilot.pause()
        await answer(pilot, "nobody")
        assert "No one is called nobody" in shown(app, "#confirm-message")
        await pilot.press("escape", "d")
        await pilot.pause()
        await answer(pilot, "yesterday-ish")
        assert "Unknown date" in shown(app, "#confirm-message")
        await answer(pilot, "2026-11-01")
        assert "in the past" in shown(app, "#confirm-message")
        action = services.store.actions_of_meeting(ended)[0]
        assert action.owner_ids == [] and action.due is None
        assert services.meeting(ended).status == MeetingStatus.ENDED


async def test_every_answer_then_confirm(services: Services, ended: int) -> None:
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ConfirmScreen(services, ended))
        await pilot.pause()
        await pilot.press("c", "down", "x")  # confirm one, reject the other
        await pilot.pause()
        assert [r.split()[-1] for r in rows(app, "#decisions")] == ["confirmed", "rejected"]
        await pilot.press("tab", "u", "down", "d")  # leave the first unassigned; date the 2nd
        await pilot.pause()
        await answer(pilot, "下周五")
        assert "left unassigned" in rows(app, "#actions")[0]
        assert "ready" in rows(app, "#actions")[1]
        await pilot.press("tab", "x", "down", "a")  # drop one parked topic; the other: action
        await pilot.pause()
        await answer(pilot, "wf, li")
        await pilot.press("x")  # dropping it now would leave its action behind: refused
        await pilot.pause()
        assert "already an action" in shown(app, "#confirm-message")
        # The new action needs its due date too: back to the actions, last row.
        assert "Action without a due date: 新客户开发" in shown(app, "#questions")
        await pilot.press("shift+tab", "down", "d")
        await pilot.pause()
        await answer(pilot, "eow")
        assert "Everything is answered" in shown(app, "#questions")
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
    assert services.meeting(ended).status == MeetingStatus.CONFIRMED
    decisions = services.store.list_decisions(ended)
    assert [d.status for d in decisions] == [DecisionStatus.CONFIRMED, DecisionStatus.REJECTED]
    actions = {a.title: a for a in services.store.actions_of_meeting(ended)}
    assert actions["prepare the customer list"].unassigned_ok
    assert actions["send the plan"].due == date(2026, 12, 4)
    names = {p.id: p.name for p in services.people()}
    assert [names[i] for i in actions["新客户开发"].owner_ids] == ["王芳", "Li Ming"]
    assert actions["新客户开发"].status == ActionStatus.OPEN
    parked = {e.text: e.disposition for e in LiveMeeting(services).parking_lot(ended)}
    assert parked == {"trade show budget": "dropped", "新客户开发": "action"}


async def test_a_confirmed_meeting_opens_on_its_summary(
    services: Services, ended: int, clock: FixedClock
) -> None:
    live = LiveMeeting(services)
    for decision in services.store.list_decisions(ended):
        live.set_decision(decision.id, "confirmed")
    for action in services.store.actions_of_meeting(ended):
        live.settle_action(action.id, leave_unassigned=True)
    for entry in live.parking_lot(ended):
        live.resolve_parked(entry.id, "next")
    live.confirm(ended)
    assert clock.now() > datetime(2026, 11, 27, tzinfo=clock.now().tzinfo)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(ConfirmScreen(services, ended))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SummaryScreen)


async def test_ctrl_z_takes_back_an_answer(services: Services, ended: int) -> None:
    """A decision rejected by mistake, an action left unassigned by mistake: ctrl+z takes
    each back, newest first (the same undo as ``salestui run undo``)."""
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ConfirmScreen(services, ended))
        await pilot.pause()
        await pilot.press("x", "tab", "u")
        await pilot.pause()
        assert "left unassigned" in rows(app, "#actions")[0]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "left unassigned" not in rows(app, "#actions")[0]
        assert "Undone: the answer on the action" in shown(app, "#confirm-message")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert rows(app, "#decisions")[0].split()[-1] != "rejected"
        assert shown(app, "#confirm-message") == (
            "Undone: the status change of the decision “raise prices by 3%”"
        )
    decisions = services.store.list_decisions(ended)
    assert decisions[0].status == DecisionStatus.PROPOSED


async def test_owner_and_due_prompts_show_what_they_resolve_to(
    services: Services, ended: int
) -> None:
    """Issue 10 §3: every prompt that takes a person or a date shows, before saving, what
    it resolved to; a date that only partly parses is an error there, and saves nothing."""
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ConfirmScreen(services, ended))
        await pilot.pause()
        await pilot.press("tab", "o")  # owners of "prepare the customer list"
        await pilot.pause()
        await pilot.press(*"wf, li")
        await pilot.pause()
        assert shown(app, "#confirm-message") == "→ 王芳, Li Ming"
        await pilot.press("escape", "d")
        await pilot.pause()
        await pilot.press(*"下周五")
        await pilot.pause()
        assert shown(app, "#confirm-message") == "→ Fri 4 Dec"
        prompt = app.screen.query_one("#confirm-prompt", Input)
        prompt.value = "下周八"  # no eighth weekday: not "next Monday"
        await pilot.pause()
        assert "No such date: '下周八'" in shown(app, "#confirm-message")
        await pilot.press("enter")
        await pilot.pause()
        assert "No such date" in shown(app, "#confirm-message")
        assert services.store.actions_of_meeting(ended)[0].due is None
        await pilot.press("escape", "down", "tab", "down", "a")  # a parked topic: owners
        await pilot.pause()
        assert shown(app, "#confirm-message") == "→ Unassigned"
