"""The filter form's "Team of" takes a team's name, as ``--team`` does, or a lead's name
(their reporting tree); the filter bar says which."""

from __future__ import annotations

from salestui.core.models import Role
from salestui.core.service import Services
from salestui.core.views import build_query
from salestui.tui.screens.actions_filters import Directory, describe, filter_from_values


def test_a_team_name_or_a_lead(services: Services) -> None:
    services.add_person("陈建国", Role.DIRECTOR, "营销部")
    services.add_person("王芳", Role.LEAD, "销售一部", reports_to="陈建国")
    services.add_person("赵磊", Role.MEMBER, "销售一部", reports_to="王芳")
    services.add_person("Li Ming", Role.MEMBER, "销售二部", reports_to="王芳")
    titles = {
        services.add_action(title, owners=[owner]).id: title
        for title, owner in (("报价单", "赵磊"), ("Call back", "Li Ming"), ("预算", "陈建国"))
    }

    def listed(team: str):  # -> (titles listed, the filter)
        f = filter_from_values(Directory.read(services), {"team": team})
        return {titles[r.id] for r in services.list_actions(build_query(services, f))}, f

    by_team, f = listed("销售一部")
    assert by_team == {"报价单"} and f.team == "销售一部" and f.team_lead_id is None
    assert "team 销售一部" in describe(services, f)
    by_lead, f = listed("wf")  # 王芳 by her initials: her whole reporting tree
    assert by_lead == {"报价单", "Call back"} and f.team is None
    assert "team of 王芳" in describe(services, f)


async def test_a_lead_switches_overdue_between_her_team_and_the_department(
    org: Services, make_app, ui
) -> None:
    from salestui.tui.screens.actions import ActionsScreen

    org.add_person("陈静", Role.MEMBER, "华东大区", reports_to="王芳")
    org.add_action("催收华东欠款", owners=["陈静"], due=org.clock.today().replace(day=20))
    app = make_app(me="王芳")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ActionsScreen(app.services, "overdue"))
        await ui.open_screen(pilot, ActionsScreen)
        screen = app.screen
        assert isinstance(screen, ActionsScreen) and screen.pager is not None
        assert ui.static_text(app, "#filter-bar").startswith("Overdue · my team")
        assert [r.title for r in screen.pager.rows(0, 9)] == ["催收华东欠款"]
        await pilot.press("T")
        await pilot.pause()
        assert ui.static_text(app, "#filter-bar").startswith("Overdue · department")
        titles = {r.title for r in screen.pager.rows(0, 9)}
        assert {"催收华东欠款", "提交回款计划", "Call back the Sinopec buyer"} <= titles
        await pilot.press("T")
        await pilot.pause()
        assert [r.title for r in screen.pager.rows(0, 9)] == ["催收华东欠款"]
        # a view without a scope says which ones have one, and changes nothing
        messages = ui.record_notifications(app)
        screen.open_view(screen.views.resolve("mine"))
        await pilot.pause()
        await pilot.press("T")
        assert messages[-1].startswith("Only Overdue, Waiting on others, Blocked")
        assert ui.static_text(app, "#filter-bar").startswith("My items")
