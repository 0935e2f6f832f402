"""Every meeting kind of the handbook has a default template, in English and Chinese
(issue 18: the consultation meeting, 洽商会议, was the one without)."""

from __future__ import annotations

from salestui import i18n
from salestui.core.models import MeetingKind
from salestui.core.planning import DEFAULT_TEMPLATES, Planning
from salestui.core.service import Services

HANDBOOK_KINDS = set(MeetingKind) - {MeetingKind.OTHER}


def test_each_handbook_kind_has_a_template_in_both_languages(zh_catalog) -> None:
    assert {kind for kind, *_rest in DEFAULT_TEMPLATES} == HANDBOOK_KINDS
    for kind, name, purpose, _minutes, items in DEFAULT_TEMPLATES:
        for text in (name, purpose, *(title for title, _box, _kind in items)):
            message = zh_catalog.get(text)
            assert message is not None and message.string, (kind, text)
            assert not message.fuzzy, (kind, text)


def test_consultation_template_in_chinese(services: Services) -> None:
    i18n.set_language("zh-CN")
    [consultation] = Planning(services).templates(MeetingKind.CONSULTATION)
    assert consultation.name == "下属各部门的洽商会议"
    assert all(item.title != item.title.encode("ascii", "ignore").decode() for item in
               consultation.items)  # fmt: skip


def test_a_file_seeded_before_gets_the_new_template_once(services: Services) -> None:
    planning = Planning(services)
    planning.templates()
    [consultation] = planning.templates(MeetingKind.CONSULTATION)
    assert consultation.id is not None
    services.store.delete_template(consultation.id)
    services.store.set_setting("templates_seeded", "1")  # as the first release left it
    assert len(planning.templates(MeetingKind.CONSULTATION)) == 1
    assert len(planning.templates()) == 5
    assert MeetingKind.CONSULTATION in planning.template_kinds()
