"""The "Check-ins due" view: open items whose next check-in date has arrived (issue 13,
a team lead's inboxes)."""

from __future__ import annotations

from datetime import timedelta

from salestui.core.models import ActionStatus, Role
from salestui.core.service import Services
from salestui.core.views import ActionPager, Views, build_query


def test_check_ins_that_have_arrived(services: Services, clock) -> None:
    services.add_person("王芳", Role.LEAD, "华东")
    today = clock.today()
    due_today = services.add_action("回访华联超市", owners=["王芳"])
    services.add_follow_up(due_today.id, "约了今天回电", next_check_in=today)
    overdue = services.add_action("催收蓝天食品回款", owners=["王芳"])
    services.add_follow_up(overdue.id, "客户说上周付", next_check_in=today - timedelta(days=3))
    later = services.add_action("准备报价单")
    services.add_follow_up(later.id, "下周再看", next_check_in=today + timedelta(days=7))
    closed = services.add_action("已经完成的")
    services.add_follow_up(closed.id, "done", next_check_in=today, status=ActionStatus.DONE)
    services.add_action("从没跟进过")

    [view] = [v for v in Views(services).available() if v.key == "check_ins"]
    assert view.name == "Check-ins due"
    pager = ActionPager(services, view.filter)
    ids = [row.id for row in pager.rows(0, pager.total)]
    assert sorted(ids) == sorted([due_today.id, overdue.id])
    assert services.store.count_actions(build_query(services, view.filter)) == 2
