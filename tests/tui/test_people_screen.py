"""The People screen and the person form: the reporting tree, adding and editing people,
and bad input that shows a message and changes nothing."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from rich.text import Text
from textual.widgets import Input, Select, Static

from salestui import i18n
from salestui.config import Config
from salestui.core.models import Person, Role
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.home import HomeScreen
from salestui.tui.screens.people import PeopleScreen
from salestui.tui.screens.person_form import PersonFormScreen
from salestui.tui.widgets.fit_table import FitTable

SIZE = (120, 40)


def static_text(widget: Static) -> str:
    content = widget.content
    if isinstance(content, Text):
        return content.plain
    if isinstance(content, str):
        return content
    console = Console(file=io.StringIO(), width=200, color_system=None)
    console.print(content)
    return console.file.getvalue()


def add_staff(services: Services) -> None:
    """Under the conftest org (Zhang Wei > 王芳, Li Ming): a deputy and three members."""
    services.add_person("陈静", role=Role.DEPUTY, team="Sales", reports_to="Zhang Wei")
    services.edit_person(services.find_person("王芳").id or 0, reports_to="陈静")
    services.add_person("赵磊", team="华东大区", reports_to="王芳")
    services.add_person("孙丽", team="华东大区", reports_to="王芳")
    services.add_person("David Li", team="North", reports_to="Li Ming")


@pytest.fixture
def staff(org: Services) -> Services:
    add_staff(org)
    return org


@pytest.fixture
def people_app(staff: Services) -> SalestuiApp:
    return SalestuiApp(staff, Config())


async def open_people(app: SalestuiApp, pilot) -> PeopleScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("p")
    await pilot.pause()
    assert isinstance(app.screen, PeopleScreen)
    return app.screen


def table(screen: PeopleScreen) -> FitTable:
    return screen.query_one(".people-table", FitTable)


def rows(screen: PeopleScreen) -> list[list[str]]:
    grid = table(screen)
    return [[str(c) for c in grid.get_row_at(row)] for row in range(grid.row_count)]


async def select_person(screen: PeopleScreen, pilot, name: str) -> None:  # type: ignore[no-untyped-def]
    names = [row[0].split("─ ")[-1] for row in rows(screen)]
    table(screen).move_cursor(row=names.index(name), animate=False)
    await pilot.pause()


def form(app: SalestuiApp) -> PersonFormScreen:
    assert isinstance(app.screen, PersonFormScreen)
    return app.screen


def field(app: SalestuiApp, name: str) -> Input:
    return form(app).query_one(f"#person-{name}", Input)


def error_text(app: SalestuiApp) -> str:
    error = form(app).query_one("#person-error", Static)
    return static_text(error) if error.display else ""


def snapshot_of(services: Services) -> list[tuple]:
    return [
        (p.id, p.name, p.role, p.team, p.reports_to)
        for p in services.store.list_people(active_only=False)
    ]


async def test_the_tree_shows_reporting_lines(people_app: SalestuiApp) -> None:
    async with people_app.run_test(size=SIZE) as pilot:
        screen = await open_people(people_app, pilot)
        assert rows(screen) == [
            ["Zhang Wei", "Director", "Sales", "-"],
            ["├─ 陈静", "Deputy director", "Sales", "Zhang Wei"],
            ["│  └─ 王芳", "Team lead", "华东大区", "陈静"],
            ["│     ├─ 赵磊", "Member", "华东大区", "王芳"],
            ["│     └─ 孙丽", "Member", "华东大区", "王芳"],
            ["└─ Li Ming", "Team lead", "North", "Zhang Wei"],
            ["   └─ David Li", "Member", "North", "Li Ming"],
        ]
        await select_person(screen, pilot, "赵磊")
        detail = static_text(screen.query_one("#person-detail", Static))
        assert detail == "Reporting line: Zhang Wei › 陈静 › 王芳 › 赵磊"
        await select_person(screen, pilot, "王芳")
        detail = static_text(screen.query_one("#person-detail", Static))
        assert detail == "Reporting line: Zhang Wei › 陈静 › 王芳   Direct reports: 2"
        header = static_text(screen.query_one("#header .header-right", Static))
        assert header == "7 people · 3 teams · Zhang Wei"  # and who is looking


async def test_find_a_person_by_initials_then_edit(people_app: SalestuiApp) -> None:
    async with people_app.run_test(size=SIZE) as pilot:
        screen = await open_people(people_app, pilot)
        await pilot.press("slash", "z", "l")  # 赵磊 by the initials of its pinyin
        await pilot.pause()
        assert screen.current_person().name == "赵磊"
        await pilot.press("enter")  # stay there, back to the list
        await pilot.pause()
        finder = screen.query_one("#people-find", Input)
        assert not finder.display and table(screen).has_focus
        await pilot.press("slash", *"nobody")
        await pilot.pause()
        assert finder.has_class("-problem")
        assert screen.current_person().name == "赵磊"  # an unknown name moves nothing
        await pilot.press("escape", "e")
        await pilot.pause()
        assert field(people_app, "name").value == "赵磊"


async def test_add_a_person_under_a_manager_typed_by_initials(
    people_app: SalestuiApp, staff: Services
) -> None:
    async with people_app.run_test(size=SIZE) as pilot:
        screen = await open_people(people_app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert field(people_app, "name").has_focus
        await pilot.press(*"Zhou Jie", "tab")  # to the role
        await pilot.press("enter", "up", "enter")  # member -> team lead
        await pilot.press("tab", *"North", "tab", *"lm")  # Li Ming by his initials
        await pilot.pause()
        hint = static_text(form(people_app).query_one("#manager-hint", Static))
        assert hint == "→ Li Ming (Team lead, North)"
        await pilot.press("enter")
        await pilot.pause()
        assert people_app.screen is screen
        added = staff.find_person("Zhou Jie")
        li_ming = staff.find_person("Li Ming")
        assert (added.role, added.team, added.reports_to) == (Role.LEAD, "North", li_ming.id)
        # Shown under Li Ming, with the cursor on the new person.
        shown = rows(screen)
        assert ["   ├─ Zhou Jie", "Team lead", "North", "Li Ming"] in shown
        assert screen.current_person() == added


@pytest.mark.parametrize(
    ("name", "manager", "message"),
    [
        ("", "", "name must not be empty"),
        ("   ", "王芳", "name must not be empty"),
        ("王芳", "", "Someone called 王芳 already exists"),
        ("wang fang", "nobody here", "No one is called nobody here"),
        ("New Person", "l", "l is ambiguous: Li Ming, David Li"),
    ],
)
async def test_bad_input_shows_a_message_and_saves_nothing(
    people_app: SalestuiApp, staff: Services, name: str, manager: str, message: str
) -> None:
    before = snapshot_of(staff)
    async with people_app.run_test(size=SIZE) as pilot:
        await open_people(people_app, pilot)
        await pilot.press("a")
        await pilot.pause()
        field(people_app, "name").value = name
        field(people_app, "manager").value = manager
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert message in error_text(people_app)
        assert isinstance(people_app.screen, PersonFormScreen)  # still open, nothing lost
        assert field(people_app, "name").value == name
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(people_app.screen, PeopleScreen)
    assert snapshot_of(staff) == before


async def test_the_manager_field_explains_what_it_matches(people_app: SalestuiApp) -> None:
    async with people_app.run_test(size=SIZE) as pilot:
        await open_people(people_app, pilot)
        await pilot.press("a")
        await pilot.pause()
        hint = form(people_app).query_one("#manager-hint", Static)
        assert static_text(hint) == "no manager: top of the reporting tree"
        manager = field(people_app, "manager")
        for typed, expected in [
            ("wf", "→ 王芳 (Team lead, 华东大区)"),
            ("chen", "→ 陈静 (Deputy director, Sales)"),
            ("zzz", "No one is called zzz"),
            ("l", "l is ambiguous: Li Ming, David Li"),
        ]:
            manager.value = typed
            await pilot.pause()
            assert static_text(hint) == expected
            assert hint.has_class("-problem") == (not expected.startswith("→"))


async def test_edit_a_person_then_undo(people_app: SalestuiApp, staff: Services) -> None:
    before = snapshot_of(staff)
    async with people_app.run_test(size=SIZE) as pilot:
        screen = await open_people(people_app, pilot)
        await select_person(screen, pilot, "赵磊")
        await pilot.press("enter")
        await pilot.pause()
        assert field(people_app, "name").value == "赵磊"
        assert field(people_app, "manager").value == "王芳"
        field(people_app, "team").value = "North"
        field(people_app, "manager").value = "li m"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert people_app.screen is screen
        moved = staff.find_person("赵磊")
        assert (moved.team, moved.reports_to) == ("North", staff.find_person("Li Ming").id)
        assert ["   ├─ 赵磊", "Member", "North", "Li Ming"] in rows(screen)
        await pilot.press("u")
        await pilot.pause()
        assert snapshot_of(staff) == before
        assert ["│     ├─ 赵磊", "Member", "华东大区", "王芳"] in rows(screen)


async def test_a_reporting_cycle_is_refused(people_app: SalestuiApp, staff: Services) -> None:
    before = snapshot_of(staff)
    async with people_app.run_test(size=SIZE) as pilot:
        screen = await open_people(people_app, pilot)
        await select_person(screen, pilot, "Zhang Wei")
        await pilot.press("e")
        await pilot.pause()
        field(people_app, "manager").value = "赵磊"  # the director under his own staff
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "cannot report to themselves or their own staff" in error_text(people_app)
        await pilot.press("escape")
        await pilot.pause()
    assert snapshot_of(staff) == before


async def test_renaming_keeps_a_manager_who_left(people_app: SalestuiApp, staff: Services) -> None:
    """A manager who is no longer active cannot be found by name, but stays as they were."""
    wang = staff.find_person("王芳")
    staff.edit_person(wang.id or 0, active=False)
    async with people_app.run_test(size=SIZE) as pilot:
        screen = await open_people(people_app, pilot)
        await select_person(screen, pilot, "赵磊")
        await pilot.press("e")
        await pilot.pause()
        field(people_app, "name").value = "赵磊磊"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert people_app.screen is screen
    renamed = staff.person(staff.find_person("赵磊磊").id or 0)
    assert renamed.reports_to == wang.id


async def test_the_form_returns_the_saved_person(staff: Services) -> None:
    """Other screens (the meeting planner) open the form with a name already typed."""
    app = SalestuiApp(staff, Config())
    results: list[Person | None] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.push_screen(PersonFormScreen(staff, name="Ma Chao"), results.append)
        await pilot.pause()
        assert field(app, "name").value == "Ma Chao"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await app.push_screen(PersonFormScreen(staff, name="Cancelled"), results.append)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert results[1] is None
    saved = results[0]
    assert isinstance(saved, Person) and saved.id == staff.find_person("Ma Chao").id
    assert saved.role == Role.MEMBER and saved.reports_to is None


async def test_role_select_starts_at_the_person_s_role(people_app: SalestuiApp) -> None:
    async with people_app.run_test(size=SIZE) as pilot:
        screen = await open_people(people_app, pilot)
        await select_person(screen, pilot, "陈静")
        await pilot.press("e")
        await pilot.pause()
        assert form(people_app).query_one("#person-role", Select).value == Role.DEPUTY


async def test_no_people_yet(empty_app: SalestuiApp) -> None:
    async with empty_app.run_test(size=SIZE) as pilot:
        screen = await open_people(empty_app, pilot)
        empty = screen.query_one("#people-empty", Static)
        assert empty.display and not table(screen).display
        assert "Press a to add the first person" in static_text(empty)
        await pilot.press("e", "u")  # nothing to edit or undo: no error
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        field(empty_app, "name").value = "Zhang Wei"
        await pilot.press("enter")
        await pilot.pause()
        assert table(screen).display
        assert rows(screen) == [["Zhang Wei", "Member", "-", "-"]]


async def test_chinese_labels(staff: Services) -> None:
    i18n.set_language("zh-CN")  # the shared fixture restores English afterwards
    app = SalestuiApp(staff, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(app, pilot)
        assert rows(screen)[1] == ["├─ 陈静", "副总监", "Sales", "Zhang Wei"]
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert error_text(app) == "姓名不能为空"


# -- snapshots -----------------------------------------------------------------------------


def test_snapshot_people_120x40(snap_compare, people_app: SalestuiApp) -> None:
    assert snap_compare(people_app, terminal_size=(120, 40), press=["p", "down", "down"])


def test_snapshot_people_80x24(snap_compare, people_app: SalestuiApp) -> None:
    assert snap_compare(people_app, terminal_size=(80, 24), press=["p"])


async def _form_with_error(pilot) -> None:  # type: ignore[no-untyped-def]
    async def until(screen_type: type) -> None:  # a busy machine opens screens late
        for _ in range(200):
            if isinstance(pilot.app.screen, screen_type):
                return
            await pilot.pause(0.05)

    await pilot.press("p")
    await until(PeopleScreen)
    await pilot.press("a")
    await until(PersonFormScreen)
    await pilot.press(*"wang fang", "tab", "tab", "tab", *"zz", "enter")
    await pilot.pause()


def test_snapshot_person_form_error_80x24(snap_compare, people_app: SalestuiApp) -> None:
    assert snap_compare(people_app, terminal_size=(80, 24), run_before=_form_with_error)


def test_snapshot_person_form_error_120x40(snap_compare, people_app: SalestuiApp) -> None:
    assert snap_compare(people_app, terminal_size=(120, 40), run_before=_form_with_error)


def test_snapshot_people_zh_cn_80x24(snap_compare, staff: Services) -> None:
    i18n.set_language("zh-CN")
    assert snap_compare(SalestuiApp(staff, Config()), terminal_size=(80, 24), press=["p", "e"])


def test_tree_lines_survive_bad_data() -> None:
    """A manager who left starts a tree of their staff; a cycle cannot loop forever."""
    from salestui.tui.screens.people_tree import tree_lines

    people = [
        Person(id=1, name="A", role=Role.DIRECTOR),
        Person(id=2, name="B", reports_to=99),  # manager no longer listed
        Person(id=3, name="C", reports_to=4),  # C and D report to each other
        Person(id=4, name="D", reports_to=3),
        Person(id=5, name="E", reports_to=5),  # to themselves
    ]
    lines = tree_lines(people)
    assert sorted(line.person.name for line in lines) == ["A", "B", "C", "D", "E"]
    assert [(line.prefix, line.person.name) for line in lines][:3] == [
        ("", "A"), ("", "B"), ("", "E")
    ]  # fmt: skip
    assert [(line.prefix, line.person.name) for line in lines][3:] == [("", "C"), ("└─ ", "D")]
