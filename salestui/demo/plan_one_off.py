"""The demo's meetings outside its series: coordination with production (as needed, and
one still a draft), a department consultation, and three English-titled meetings (a
pricing review, a CRM meeting and an upcoming workshop). Pure planning, as ``plan``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from salestui.core.models import MeetingKind, MeetingStatus
from salestui.demo import data as data
from salestui.demo.spec import MeetingSpec, workday_on_or_after, workday_on_or_before

Local = Callable[..., datetime]  # MeetingPlanner.local: (day, hour, minute=0) -> datetime


def coordination(local: Local, today: date) -> list[MeetingSpec]:
    """与生产部门的协调会议, as needed; the first one never had its agenda sent out."""
    director = data.DIRECTOR
    coordination_people = [(n, True) for n in (director, data.DEPUTY, "王芳", "李明", "刘洋")] + [
        ("何军", False)
    ]
    specs: list[MeetingSpec] = []
    for n, days in enumerate((45, 24, 10)):
        specs.append(
            MeetingSpec(
                title=data.COORDINATION_TITLE,
                kind=MeetingKind.COORDINATION,
                purpose=data.COORDINATION_PURPOSE,
                start=local(workday_on_or_before(today - timedelta(days=days)), 15),
                minutes=60,
                chair=data.DEPUTY,
                location="生产部会议室",
                items=list(data.COORDINATION_ITEMS),
                attendees=coordination_people,
                actions=data.COORDINATION_ACTIONS,
                key=f"coordination-{n}",
            )
        )
    specs.append(  # the draft: planned, agenda not sent yet
        MeetingSpec(
            title=data.COORDINATION_TITLE,
            kind=MeetingKind.COORDINATION,
            purpose=data.COORDINATION_PURPOSE,
            start=local(workday_on_or_after(today + timedelta(days=2)), 14),
            minutes=45,
            chair=data.DEPUTY,
            location="生产部会议室",
            items=list(data.COORDINATION_ITEMS[:2]),
            attendees=coordination_people,
            past=False,
            status=MeetingStatus.DRAFT,
            key="coordination-draft",
        )
    )
    return specs


def consultation(local: Local, today: date) -> MeetingSpec:
    """The department consultation, a little over two weeks ago."""
    return MeetingSpec(
        title=data.CONSULTATION_TITLE,
        kind=MeetingKind.CONSULTATION,
        purpose=data.CONSULTATION_PURPOSE,
        start=local(workday_on_or_before(today - timedelta(days=17)), 10),
        minutes=60,
        chair=data.DEPUTY,
        location="2楼小会议室",
        items=list(data.CONSULTATION_ITEMS),
        attendees=[(n, True) for n in (data.DEPUTY, "Sarah Chen", "黄婷", "王芳", "李明", "刘洋")]
        + [("Emily Zhang", False)],
        actions=data.CONSULTATION_ACTIONS,
        key="consultation",
    )


def pricing(local: Local, today: date, next_quarter: int) -> MeetingSpec:
    """Next quarter's pricing review, in English, its first decision rejected."""
    director = data.DIRECTOR
    return MeetingSpec(
        title=f"Q{next_quarter} pricing review",
        kind=MeetingKind.OTHER,
        purpose=data.PRICING_PURPOSE,
        start=local(workday_on_or_before(today - timedelta(days=20)), 16),
        minutes=50,
        chair="Sarah Chen",
        location="Zoom",
        items=list(data.PRICING_ITEMS),
        attendees=[
            (n, True) for n in (director, data.DEPUTY, "Sarah Chen", "Emily Zhang", "David Li")
        ]
        + [("李明", False)],
        language="en",
        actions=data.PRICING_ACTIONS,
        action_range=(2, 3),
        reject_first_decision=True,
        speaking="balanced",
        key="pricing",
    )


def crm(local: Local, today: date) -> MeetingSpec:
    """Yesterday's CRM meeting, in English, one item over its time."""
    return MeetingSpec(
        title=data.CRM_TITLE,
        kind=MeetingKind.OTHER,
        purpose=data.CRM_PURPOSE,
        start=local(workday_on_or_before(today - timedelta(days=1)), 16, 30),
        minutes=30,
        chair="Sarah Chen",
        location="Zoom",
        items=list(data.CRM_ITEMS),
        attendees=[(n, True) for n in ("Sarah Chen", "David Li", "Emily Zhang", "郑雪")]
        + [("周杰", False)],
        language="en",
        actions=data.CRM_ACTIONS,
        overrun_items=("Data quality issues",),
        key="crm",
    )


def workshop(local: Local, today: date, next_quarter: int) -> MeetingSpec:
    """Next quarter's channel strategy workshop, in a few days, its agenda sent."""
    director = data.DIRECTOR
    return MeetingSpec(
        title=f"Q{next_quarter} channel strategy workshop",
        kind=MeetingKind.OTHER,
        purpose=data.WORKSHOP_PURPOSE,
        start=local(workday_on_or_after(today + timedelta(days=4)), 10),
        minutes=60,
        chair="Sarah Chen",
        location="3楼大会议室",
        items=list(data.WORKSHOP_ITEMS),
        attendees=[
            (n, True) for n in (director, data.DEPUTY, "Sarah Chen", "David Li", "李明", "刘洋")
        ]
        + [("Emily Zhang", False)],
        past=False,
        status=MeetingStatus.CIRCULATED,
        circulated_at=local(today - timedelta(days=1), 17),
        key="workshop",
    )
