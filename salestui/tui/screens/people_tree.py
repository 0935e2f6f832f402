"""The reporting tree, flattened for a table: each person after their manager, with the
line-drawing prefix that shows where they hang (director > deputy / leads > members)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from salestui.core.models import Person, Role

ROLE_RANK = {Role.DIRECTOR: 0, Role.DEPUTY: 1, Role.LEAD: 2, Role.MEMBER: 3}


@dataclass(frozen=True)
class TreeLine:
    person: Person
    prefix: str  # e.g. "│  ├─ "
    depth: int
    staff: int  # direct reports


def _order(person: Person) -> tuple[int, str, int]:
    return (ROLE_RANK.get(person.role, 9), person.team or "", person.id or 0)


def tree_lines(people: Sequence[Person]) -> list[TreeLine]:
    """Everyone once, depth first. A person whose manager is not listed (none, or no longer
    active) starts a tree of their own; a cycle in bad data cannot loop forever."""
    by_id = {p.id: p for p in people if p.id is not None}
    children: dict[int | None, list[Person]] = {}
    for person in people:
        parent = person.reports_to if person.reports_to in by_id else None
        if parent == person.id:
            parent = None
        children.setdefault(parent, []).append(person)
    for group in children.values():
        group.sort(key=_order)

    lines: list[TreeLine] = []
    seen: set[int | None] = set()

    def visit(person: Person, prefix: str, guide: str, depth: int) -> None:
        if person.id in seen:
            return
        seen.add(person.id)
        staff = children.get(person.id, [])
        lines.append(TreeLine(person, prefix, depth, len(staff)))
        for index, child in enumerate(staff):
            last = index == len(staff) - 1
            visit(child, guide + ("└─ " if last else "├─ "), guide + ("   " if last else "│  "),
                  depth + 1)  # fmt: skip

    for root in children.get(None, []):
        visit(root, "", "", 0)
    # Anyone left over sits in a cycle (only possible in a hand-edited database).
    for person in sorted(people, key=_order):
        if person.id not in seen:
            visit(person, "", "", 0)
    return lines
