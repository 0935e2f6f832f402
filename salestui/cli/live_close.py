"""``salestui run`` after (and around) the meeting: review previous actions, settle
decisions, actions and parked items, confirm (handbook rule 7)."""

from __future__ import annotations

import click

from salestui.cli.common import (
    ID,
    action_json,
    action_row,
    actions_table,
    console,
    json_option,
    label,
    parse_date_option,
    person_ids,
    print_json,
    services,
    warn,
)
from salestui.cli.live_view import live, pending_lines
from salestui.i18n import _

NAME_HELP = "full name, unique prefix, pinyin initials or id (no match = exit 2)"


@click.command("confirm", short_help="Confirm an ended meeting once all is settled.")
@click.argument("meeting_id", metavar="MEETING", type=ID)
@click.option(
    "--no-mail", is_flag=True, help="Do not email the minutes (sent when [mail] is set up)."
)
def confirm(meeting_id: int, no_mail: bool) -> None:
    """Confirm an ended MEETING: every decision, action and parked item must be settled.
    The minutes then go to everyone invited by email, when the config's [mail] is set up."""
    from salestui.core.errors import Conflict

    live_meeting = live()
    meeting = services().meeting(meeting_id)
    lines = pending_lines(live_meeting, meeting_id) if meeting.status.value == "ended" else []
    if lines:
        click.echo(_("Still to settle before confirming ({count}):").format(count=len(lines)))
        for line in lines:
            click.echo(line)
        raise Conflict(
            _("Meeting {id} cannot be confirmed yet: {count} open questions (listed above)").format(
                id=meeting_id, count=len(lines)
            )
        )
    summary = live_meeting.confirm(meeting_id)
    click.echo(_("Confirmed meeting {id}: {title}").format(id=meeting_id, title=meeting.title))
    timing = _("Time: {actual} of {planned} min").format(
        actual=summary.actual_minutes, planned=summary.planned_minutes
    )
    if summary.late_minutes >= 1:
        timing = _("{text} ({minutes} min late)").format(text=timing, minutes=summary.late_minutes)
    click.echo(timing)
    for timed in summary.items:
        if timed.over_minutes:  # past planned + extended, in whole minutes (core.timing)
            click.echo(
                _("Overrun: {title} by {minutes} min").format(
                    title=timed.item.title, minutes=timed.over_minutes
                )
            )
    statuses = [d.status.value for d in summary.decisions if d.status.value != "superseded"]
    click.echo(
        _("Decisions: {confirmed} confirmed, {rejected} rejected").format(
            confirmed=statuses.count("confirmed"), rejected=statuses.count("rejected")
        )
    )
    kept = [a for a in summary.actions if a.status.value != "cancelled"]
    click.echo(
        _("Actions: {count} ({unassigned} unassigned)").format(
            count=len(kept), unassigned=sum(1 for a in kept if not a.owner_ids)
        )
    )
    if summary.absent_required:
        from salestui.core.names import join_names

        names = join_names([p.name for p in summary.absent_required])
        click.echo(_("Required but absent: {names}").format(names=names))
    click.echo(_("Minutes: salestui export minutes {id} -o FILE").format(id=meeting_id))
    if not no_mail:
        _mail_minutes(meeting_id)


def _mail_minutes(meeting_id: int) -> None:
    """The minutes by email, if mail is set up; a problem is a warning (the meeting is
    confirmed all the same, and what was not sent waits in the outbox)."""
    from salestui.cli.mail import mailer
    from salestui.core.errors import SalestuiError
    from salestui.core.names import join_names

    sender = mailer()
    if not sender.settings.configured:
        return
    try:
        report = sender.minutes(meeting_id)
    except SalestuiError as error:
        warn(_("minutes not sent: {reason}").format(reason=error))
        return
    click.echo(_("Minutes emailed: {sent} sent").format(sent=report.sent))
    for recipient, reason in report.failed:
        warn(_("minutes to {recipient} wait in the outbox: {reason}").format(
            recipient=recipient, reason=reason
        ))  # fmt: skip
    if report.no_address:
        names = join_names([p.name for p in report.no_address])
        warn(_("no email address, not sent to: {names}").format(names=names))


@click.command("decide", short_help="Confirm or reject a decision.")
@click.argument("decision_id", metavar="DECISION_ID", type=ID)
@click.argument("status", type=click.Choice(("confirmed", "rejected", "proposed")))
@click.option("--text", "new_text", metavar="T", help="Change the decision's wording too.")
def decide(decision_id: int, status: str, new_text: str | None) -> None:
    """Confirm or reject decision DECISION_ID (proposed: back to undecided)."""
    decision = live().set_decision(decision_id, status, new_text)
    click.echo(
        _("Decision {id} ({status}): {text}").format(
            id=decision.id, status=label("decision_status", decision.status), text=decision.text
        )
    )


def _print_action(action_id: int, as_json: bool) -> None:
    row = action_row(action_id)
    if as_json:
        print_json(action_json(row))
        return
    from salestui.core.names import join_names

    owners = join_names(row.owners) if row.owners else _("(unassigned)")
    due = row.due.isoformat() if row.due else "-"
    click.echo(
        _("Action {id}: {title} - owner: {owners}; due: {due}").format(
            id=row.id, title=row.title, owners=owners, due=due
        )
    )


@click.command("settle", short_help="Give an action owner(s) and due date, or --unassigned.")
@click.argument("action_id", metavar="ACTION_ID", type=ID)
@click.option("--owner", "owners", metavar="N", multiple=True, help=f"Repeatable: {NAME_HELP}.")
@click.option("--due", metavar="D", help="e.g. fri, 'next friday', 2026-12-05, 下周五, 月底.")
@click.option(
    "--unassigned", is_flag=True, help="Knowingly leave it without an owner (or a due date)."
)
@json_option
def settle(
    action_id: int, owners: tuple[str, ...], due: str | None, unassigned: bool, as_json: bool
) -> None:
    """Give action ACTION_ID its owner(s) and due date, or knowingly leave it unassigned."""
    from salestui.core.errors import InvalidInput

    if owners and unassigned:
        raise click.UsageError(
            _("--owner and --unassigned cannot be used together"), click.get_current_context()
        )
    if not (owners or due or unassigned):
        raise InvalidInput(_("Nothing to settle: give --owner, --due or --unassigned"))
    svc = services()
    svc.action(action_id)
    due_date = parse_date_option(due)
    owner_ids = person_ids(owners) if owners else None
    live_meeting = live()
    if owner_ids is not None or due_date is not None:
        live_meeting.settle_action(action_id, owners=owner_ids, due=due_date)  # type: ignore[arg-type]
    if unassigned:
        live_meeting.settle_action(action_id, leave_unassigned=True)
    _print_action(action_id, as_json)


DISPOSITIONS = ("next", "action", "dropped")


@click.command("park-resolve", short_help="Settle a parked entry: next, action or dropped.")
@click.argument("entry_id", metavar="ENTRY_ID", type=ID)
@click.argument("disposition", type=click.Choice(DISPOSITIONS))
@click.option(
    "--owner", "owners", metavar="N", multiple=True, help=f"For 'action' (repeatable): {NAME_HELP}."
)
@click.option("--due", metavar="D", help="For 'action': its due date.")
def park_resolve(entry_id: int, disposition: str, owners: tuple[str, ...], due: str | None) -> None:
    """Settle parked entry ENTRY_ID: to the next meeting, an action, or dropped."""
    if (owners or due) and disposition != "action":
        raise click.UsageError(_("--owner and --due go with 'action'"), click.get_current_context())
    live_meeting = live()
    due_date = parse_date_option(due)
    owner_ids = person_ids(owners) if owners else []
    created = live_meeting.resolve_parked(entry_id, disposition, owner_ids)  # type: ignore[arg-type]
    if created is not None and due_date is not None:
        assert created.id is not None
        live_meeting.settle_action(created.id, due=due_date)
    labels = {
        "next": _("to the next meeting"),
        "action": _("became an action"),
        "dropped": _("dropped"),
    }
    message = _("Parked entry {id}: {outcome}").format(id=entry_id, outcome=labels[disposition])
    if created is not None:
        message += " - " + _("action {id}").format(id=created.id)
    click.echo(message)


OUTCOMES = ("done", "open", "new_due", "drop", "escalate")


@click.command("review")
@click.argument("meeting_id", metavar="MEETING", type=ID)
@click.argument("action_id", metavar="[ACTION_ID", type=ID, required=False)
@click.argument("outcome", metavar="OUTCOME]", type=click.Choice(OUTCOMES), required=False)
@click.option("--note", default="", help="Where it stands; stored as a follow-up.")
@click.option("--due", metavar="D", help="The new due date (with new_due).")
@json_option
def review(
    meeting_id: int,
    action_id: int | None,
    outcome: str | None,
    note: str,
    due: str | None,
    as_json: bool,
) -> None:
    """Review previous actions at the start of MEETING.

    Without ACTION_ID: list the open actions still to review. With ACTION_ID and
    OUTCOME (done, open, new_due, drop, escalate): record the meeting's answer.
    """
    from salestui.core.errors import InvalidInput

    ctx = click.get_current_context()
    svc = services()
    svc.meeting(meeting_id)
    live_meeting = live()
    if action_id is None:
        rows = live_meeting.review_candidates(meeting_id)
        if as_json:
            print_json([action_json(r) for r in rows])
        elif rows:
            console().print(actions_table(rows, svc.clock.today()))
        else:
            click.echo(_("No previous actions to review."))
        return
    if outcome is None:
        raise click.UsageError(
            _("Give the outcome after the action id: {choices}").format(choices="|".join(OUTCOMES)),
            ctx,
        )
    if due is not None and outcome != "new_due":
        raise click.UsageError(_("--due goes with the outcome new_due"), ctx)
    new_due = parse_date_option(due)
    if outcome == "new_due" and new_due is None:
        raise InvalidInput(_("A new due date is needed"))
    manager = None
    if outcome == "escalate":
        from salestui.core.followup import escalation_target

        manager = escalation_target(svc, action_id)
    live_meeting.review_action(meeting_id, action_id, outcome, note=note, new_due=new_due)
    row = action_row(action_id)
    if as_json:
        print_json(action_json(row))
        return
    from salestui.core.export.minutes import REVIEW_OUTCOME_LABELS

    if manager is not None:
        said = _(REVIEW_OUTCOME_LABELS["escalated"]).format(name=manager.name)
    elif outcome == "new_due":
        due_text = row.due.isoformat() if row.due else "-"
        said = _(REVIEW_OUTCOME_LABELS["new_due"]).format(due=due_text)
    else:
        key = {"drop": "cancelled"}.get(outcome, outcome)
        said = _(REVIEW_OUTCOME_LABELS[key])
    message = _("Reviewed action {id} ({outcome}): {title}")
    click.echo(message.format(id=row.id, outcome=said, title=row.title))
