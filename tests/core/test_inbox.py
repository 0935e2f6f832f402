"""'Escalated to me': open items escalated to a person that the person has not answered."""

from __future__ import annotations

from salestui.core.actions_service import ActionsService
from salestui.core.models import ActionStatus, Role
from salestui.core.service import Services
from salestui.core.views import Views, build_query


def test_escalations_wait_until_answered_or_closed(services: Services) -> None:
    services.add_person("陈建国", Role.DIRECTOR)
    services.add_person("王芳", Role.LEAD, reports_to="陈建国")
    services.add_person("Li Ming", reports_to="王芳")
    ops = ActionsService(services)
    first = services.add_action("报价单给恒达", owners=["Li Ming"])
    second = services.add_action("Call the Sinopec buyer", owners=["Li Ming"])
    third = services.add_action("整理渠道名单", owners=["Li Ming"])
    services.set_me("Li Ming")
    for item in (first, second, third):
        ops.escalate(item.id)
    wang = services.find_person("王芳").id
    assert services.escalated_to(wang) == [third.id, second.id, first.id]  # newest first
    assert services.escalated_to(services.find_person("陈建国").id) == []

    services.set_me("王芳")
    services.add_follow_up(first.id, "我来跟进")  # answered
    ops.set_status([second.id], ActionStatus.CANCELLED)  # closed (an answer too)
    services.set_me("Li Ming")
    services.add_follow_up(third.id, "still waiting")  # someone else's note is no answer
    assert services.escalated_to(wang) == [third.id]

    # Escalated once more: one level up again, to the director's inbox, not hers.
    ops.escalate(first.id, "客户又催了")
    assert services.escalated_to(services.find_person("陈建国").id) == [first.id]
    assert services.escalated_to(wang) == [third.id]

    services.set_me("王芳")
    view = Views(services).resolve("escalated")
    assert view.name == "Escalated to me"
    assert [r.id for r in services.list_actions(build_query(services, view.filter))] == [third.id]
