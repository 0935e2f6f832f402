"""``salestui views list|show``: the Actions list's views (built-in and saved) from the
command line, the same lists the TUI's ``v`` offers."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from salestui.cli.common import SQLITE_MAX_INTEGER, json_option, print_json, services
from salestui.i18n import _

if TYPE_CHECKING:
    from salestui.core.views import View, Views


@click.group("views")
def views() -> None:
    """The Actions list's views: built-in (My items, Overdue, ...) and saved ones."""


@views.command("list")
@json_option
def views_list(as_json: bool) -> None:
    """List every view you can open: its KEY (for `views show`) and its name. For a lead,
    Overdue, Due this week, Waiting and Blocked are your team's; KEY:all is the
    department's."""
    from salestui.cli.stream import TextTable, plain
    from salestui.core.views import Views

    found = Views(services(create=False)).available()
    if as_json:
        print_json(
            [{"key": v.key, "name": v.name, "saved": v.saved, "filter": v.filter.to_json()}
             for v in found]
        )  # fmt: skip
        return
    table = TextTable([_("Key"), _("View")])
    table.write([(plain(v.key), False), (plain(v.name), False)] for v in found)


def _find(known: Views, wanted: str) -> View:
    """A view by its key, a saved view's name, or the name a view is shown with."""
    from salestui.core.errors import InvalidInput, NotFound
    from salestui.core.names import fold_name

    try:
        return known.resolve(wanted)
    except NotFound:
        pass
    if wanted in known.saved():
        return known.resolve(f"saved:{wanted}")
    named = [v for v in known.available() if fold_name(v.name) == fold_name(wanted)]
    if len(named) == 1:
        return named[0]
    raise InvalidInput(
        _("No view called {name}; `salestui views list` shows them").format(name=wanted)
    )


@views.command("show")
@click.argument("view")
@click.option(
    "--limit",
    type=click.IntRange(min=0, max=SQLITE_MAX_INTEGER),
    default=None,
    help="At most N rows (0 = all). Default: 200 in the table, all with --json or --jsonl.",
)
@json_option
@click.option("--jsonl", "as_jsonl", is_flag=True, help="One JSON object a line.")
def views_show(view: str, limit: int | None, as_json: bool, as_jsonl: bool) -> None:
    """List the action items of VIEW (a key from `views list`, or a saved view's name),
    in the view's own order."""
    from salestui.cli.actions import DEFAULT_LIMIT, write_pager
    from salestui.core.views import ActionPager, Views

    if as_json and as_jsonl:
        raise click.UsageError(_("Give --json or --jsonl, not both"))
    if limit is None:
        limit = 0 if as_json or as_jsonl else DEFAULT_LIMIT
    svc = services(create=False)
    chosen = _find(Views(svc), view)
    output = "jsonl" if as_jsonl else "json" if as_json else "table"
    if output == "table":
        click.echo(chosen.name)
    write_pager(ActionPager(svc, chosen.filter), output, svc.clock.today(), limit)
