"""The sections of the minutes on what the meeting said and decided: previous actions
reviewed, the discussion per item, decisions, action items (as a table and by person),
the parking lot and the speaking balance."""

from __future__ import annotations

from salestui.core.export.markdown import annotate, inline, labelled, link_entry
from salestui.core.export.minutes_parts import (
    ENTRY_LABELS,
    REVIEW_OUTCOME_LABELS,
    MinutesContext,
    decision_text,
    due_text,
    tagged,
)
from salestui.core.models import (
    ActionItem,
    AgendaStatus,
    Decision,
    DecisionStatus,
    Entry,
    EntryKind,
    FollowUp,
    FollowUpKind,
)
from salestui.core.people_order import people_order, sort_people
from salestui.core.timing import whole_minutes
from salestui.i18n import _


def _review_outcome(m: MinutesContext, action: ActionItem, logged: list[FollowUp]) -> str:
    """One reviewed action: its owners, the meeting's answer and the notes taken."""
    log = [f for f in logged if f.kind in (FollowUpKind.REVIEW, FollowUpKind.ESCALATE)]
    outcome = _(REVIEW_OUTCOME_LABELS["open"])
    for f in log:
        if f.kind == FollowUpKind.ESCALATE:
            outcome = _(REVIEW_OUTCOME_LABELS["escalated"]).format(name=m.name(f.person_id))
        elif f.status and f.status.value == "done":
            outcome = _(REVIEW_OUTCOME_LABELS["done"])
        elif f.status and f.status.value == "cancelled":
            outcome = _(REVIEW_OUTCOME_LABELS["cancelled"])
        elif f.new_due:
            outcome = _(REVIEW_OUTCOME_LABELS["new_due"]).format(due=f.new_due.isoformat())
    notes = "; ".join(inline(f.note) for f in log if f.note)
    line = _("{title} ({owners}): {outcome}").format(
        title=inline(action.title), owners=m.owners(action), outcome=outcome
    )
    return _("{line} - {notes}").format(line=line, notes=notes) if notes else line


def previous_actions(m: MinutesContext) -> None:
    """4. The open actions of earlier meetings this one reviewed, with its answers."""
    m.doc.heading(2, _("Previous actions reviewed"))
    reviewed = [_review_outcome(m, action, logged) for action, logged in m.reviewed]
    if reviewed:
        m.doc.bullets(reviewed)
    else:
        m.doc.paragraph(_("No previous actions were reviewed."))


def discussion(m: MinutesContext) -> None:
    """5. What was captured, item by item (and outside the agenda)."""
    doc = m.doc
    doc.heading(2, _("Discussion"))
    by_item: dict[int | None, list[Entry]] = {}
    for entry in m.entries:
        by_item.setdefault(entry.agenda_item_id, []).append(entry)
    decisions_by_entry = {d.entry_id: d for d in m.detail.decisions if d.entry_id}
    actions_by_entry = {a.entry_id: a for a in m.detail.actions if a.entry_id}

    def entry_line(entry: Entry) -> str:
        label = _(ENTRY_LABELS[entry.kind])
        text = link_entry(entry.text) if entry.kind == EntryKind.LINK else inline(entry.text)
        if entry.kind == EntryKind.DECISION and entry.id in decisions_by_entry:
            text = _decision_line(m, decisions_by_entry[entry.id])
        if entry.kind == EntryKind.ACTION and entry.id in actions_by_entry:
            action = actions_by_entry[entry.id]
            text = _("{title} - owner: {owners}; due: {due}").format(
                title=tagged(action), owners=m.owners(action), due=due_text(action.due)
            )
        return labelled(label, text)

    for number, timed in enumerate(m.state.items, start=1):
        doc.heading(3, timed.item.title, number=number)
        item_entries = by_item.get(timed.item.id, [])
        if item_entries:
            doc.bullets(entry_line(e) for e in item_entries)
        else:
            doc.paragraph(_("Nothing recorded."))
    if by_item.get(None):
        doc.heading(3, _("Outside the agenda"))
        doc.bullets(entry_line(e) for e in by_item[None])


def _decision_line(m: MinutesContext, decision: Decision) -> str:
    """A decision with its status, or with what superseded it / what it supersedes."""
    note = m.notes.get(decision.id or 0)
    if note is None:
        return decision_text(decision.text, decision.status)
    if decision.status == DecisionStatus.SUPERSEDED:  # "superseded by ..." says it all
        return annotate(inline(decision.text), _("({note})").format(note=inline(note)))
    text = decision_text(decision.text, decision.status)
    return annotate(text, _("({note})").format(note=inline(note)))


def decisions(m: MinutesContext) -> None:
    """6. The decisions, with their status and what they superseded or what superseded
    them (one replaced by an edit of its own entry is left out before this)."""
    m.doc.heading(2, _("Decisions"))
    shown = m.detail.decisions
    if shown:
        m.doc.numbered(_decision_line(m, d) for d in shown)
    else:
        m.doc.paragraph(_("No decisions."))


def action_items(m: MinutesContext) -> None:
    """7. The action items as a table: owners, due date, priority."""
    m.doc.heading(2, _("Action items"))
    actions = m.actions
    if actions:
        m.doc.table(
            [_("Action"), _("Owners"), _("Due"), _("Priority")],
            [[tagged(a) or "-", m.owners(a), due_text(a.due), f"P{a.priority}"] for a in actions],
        )
    else:
        m.doc.paragraph(_("No action items."))


def actions_by_person(m: MinutesContext) -> None:
    """8. Each owner's action items, then the unassigned ones."""
    doc, people = m.doc, m.people
    doc.heading(2, _("Action items by person"))
    by_person: dict[int, list[ActionItem]] = {}
    unassigned: list[ActionItem] = []
    for action in m.actions:
        if not action.owner_ids:
            unassigned.append(action)
        for owner in action.owner_ids:
            by_person.setdefault(owner, []).append(action)
    order = people_order(people)
    for person_id in sorted(
        by_person, key=lambda p: order(people[p]) if p in people else (True, p)
    ):
        doc.heading(3, people[person_id].name if person_id in people else str(person_id))
        doc.bullets(
            _("{title} (due {due})").format(title=tagged(a), due=due_text(a.due))
            for a in by_person[person_id]
        )
    doc.heading(3, _("Unassigned"))
    if unassigned:
        doc.bullets(
            _("{title} (due {due})").format(title=tagged(a), due=due_text(a.due))
            for a in unassigned
        )
    else:
        doc.paragraph(_("(none)"))


def parking_lot(m: MinutesContext) -> None:
    """9. The parked topics with what became of each, and the agenda items parked."""
    doc = m.doc
    doc.heading(2, _("Parking lot"))
    parked = [e for e in m.entries if e.kind == EntryKind.PARK]
    parked_items = [t.item for t in m.state.items if t.item.status == AgendaStatus.PARKED]
    disposition_labels = {
        "next": _("to the next meeting"),
        "action": _("became an action"),
        "dropped": _("dropped"),
    }
    lines = [
        annotate(
            inline(e.text),
            _("({status})").format(status=disposition_labels[e.disposition])
            if e.disposition in disposition_labels
            else "",
        )
        for e in parked
    ]
    lines += [_("Agenda item parked: {title}").format(title=inline(i.title)) for i in parked_items]
    if lines:
        doc.bullets(lines)
    else:
        doc.paragraph(_("(none)"))


def speaking_balance(m: MinutesContext) -> None:
    """Each speaker's minutes and share of the time spoken (no section when none was)."""
    balance = m.balance
    if balance is not None and balance.shares:
        m.doc.heading(2, _("Speaking balance"))
        m.doc.bullets(
            _("{name}: {minutes} min ({share}%)").format(
                name=inline(s.person.name),
                minutes=whole_minutes(s.seconds),
                share=round(s.share * 100),
            )
            for s in sort_people(balance.shares, m.people, lambda s: s.person)
        )
