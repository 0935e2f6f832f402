"""The filters of ``actions list``, shared with ``actions modify`` (the same options, read
the same way): a click decorator, and the store query or view filter they make."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import click

from salestui.cli.common import ACTION_STATUSES, ID, names_are_input, parse_date_option
from salestui.i18n import _

if TYPE_CHECKING:
    from salestui.core.models import ActionQuery
    from salestui.core.service import Services
    from salestui.core.views import ActionFilter

OWNER_HELP = "full name, unique prefix, pinyin initials or id (no match = exit 2)"
F = TypeVar("F", bound=Callable[..., Any])

_OPTIONS = [
    click.option("--owner", metavar="N", help=f"Owned by this person: {OWNER_HELP}."),
    click.option(
        "--team", metavar="T", help="Owned by anyone in team T (or in person T's reports)."
    ),
    click.option(
        "--status",
        "statuses",
        type=click.Choice(ACTION_STATUSES),
        multiple=True,
        help="Only these statuses (repeatable).",
    ),
    click.option("--overdue", is_flag=True, help="Open items due before today."),
    click.option("--due-before", metavar="D", help="Due strictly before D (e.g. fri, 下周五)."),
    click.option("--meeting", "meeting_id", type=ID, metavar="ID", help="From this meeting."),
    click.option("--tag", metavar="T"),
    click.option("--priority", type=click.IntRange(1, 3)),
    click.option("--search", metavar="TEXT", help="Full-text search in titles."),
    click.option("--unassigned", is_flag=True, help="Only items without an owner."),
    click.option(
        "--due",
        "bucket",
        type=click.Choice(["overdue", "today", "week", "later", "none"]),
        help="Due bucket: overdue, today, this week (the next 7 days), later, or no due date.",
    ),
    click.option(
        "--series", "series_id", type=ID, metavar="ID", help="From meetings of this series."
    ),
]
FIELDS = (
    "owner", "team", "statuses", "overdue", "due_before", "meeting_id", "tag", "priority",
    "search", "unassigned", "bucket", "series_id",
)  # fmt: skip


def filter_options(function: F) -> F:
    """The filter options of ``actions list`` (passed to the command as ``filters``)."""

    def command(**kwargs: Any) -> Any:
        filters = Filters(**{name: kwargs.pop(name) for name in FIELDS})
        return function(filters=filters, **kwargs)

    command.__name__ = function.__name__
    command.__doc__ = function.__doc__
    wrapped: Any = command
    for option in reversed(_OPTIONS):
        wrapped = option(wrapped)
    # click reads the options the function carries; keep the command's own ones too.
    wrapped.__click_params__ = [*getattr(function, "__click_params__", []),
                                *wrapped.__click_params__]  # fmt: skip
    return wrapped  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Filters:
    owner: str | None
    team: str | None
    statuses: tuple[str, ...]
    overdue: bool
    due_before: str | None
    meeting_id: int | None
    tag: str | None
    priority: int | None
    search: str | None
    unassigned: bool
    bucket: str | None
    series_id: int | None

    @property
    def needs_views(self) -> bool:
        """Filters only the actions screen's views know (due buckets, series)."""
        return bool(self.bucket) or self.series_id is not None

    def query(self, svc: Services) -> ActionQuery:
        """The store query of these filters (what ``actions list`` lists)."""
        from salestui.core.views import build_query

        if self.meeting_id is not None:
            svc.meeting(self.meeting_id)
        if self.needs_views:
            if self.due_before is not None:
                raise click.UsageError(
                    _("--due-before cannot be combined with --due, --series or --sort")
                )
            return build_query(svc, self.view_filter(svc, "due"))
        before = parse_date_option(self.due_before)
        with names_are_input():
            return svc.action_query(
                owner=self.owner,
                team=self.team,
                statuses=list(self.statuses) or None,
                overdue=self.overdue,
                due_before=before,
                meeting_id=self.meeting_id,
                tag=self.tag,
                priority=self.priority,
                text=self.search,
                unassigned=self.unassigned,
            )

    def view_filter(self, svc: Services, sort: str) -> ActionFilter:
        """The filters as the actions screen's (due buckets, series, every sort)."""
        from salestui.core.errors import NotFound
        from salestui.core.models import ActionStatus
        from salestui.core.views import ActionFilter, DueBucket

        with names_are_input():
            # The same owner / team resolution as the plain listing.
            owners = svc.action_query(owner=self.owner, team=self.team).owner_ids
        owner_ids: tuple[int, ...] = ()
        if owners is not None:
            owner_ids = tuple(owners) or (-1,)  # a team with nobody in it matches nothing
        if self.series_id is not None and svc.store.get_series(self.series_id) is None:
            raise NotFound(_("No series with id {id}").format(id=self.series_id))
        bucket = "overdue" if self.overdue else self.bucket
        return ActionFilter(
            owner_ids=owner_ids,
            statuses=tuple(ActionStatus(s) for s in self.statuses),
            bucket=DueBucket(bucket) if bucket else None,
            meeting_id=self.meeting_id,
            series_id=self.series_id,
            tag=self.tag,
            priority=self.priority,
            text=self.search or "",
            unassigned=self.unassigned,
            sort=sort,
        )
