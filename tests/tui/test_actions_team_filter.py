"""The filter form's "Team of" takes a team's name, as ``--team`` does, or a lead's name
(their reporting tree); the filter bar says which."""

from __future__ import annotations

from salestui.core.models import Role
from salestui.core.service import Services
from salestui.core.views import build_query
from salestui.tui.screens.actions_filters import describe, filter_from_values


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
        f = filter_from_values(services, {"team": team})
        return {titles[r.id] for r in services.list_actions(build_query(services, f))}, f

    by_team, f = listed("销售一部")
    assert by_team == {"报价单"} and f.team == "销售一部" and f.team_lead_id is None
    assert "team 销售一部" in describe(services, f)
    by_lead, f = listed("wf")  # 王芳 by her initials: her whole reporting tree
    assert by_lead == {"报价单", "Call back"} and f.team is None
    assert "team of 王芳" in describe(services, f)
