"""The command palette (ctrl+p): every action of the screen it is opened on, then the
app's own commands, found by typing - all in the user's language. Also how the app opens
it, and its list of themes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.actions import parse as parse_action
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.screen import Screen

from salestui.i18n import N_, _

if TYPE_CHECKING:
    from salestui.tui.app import SalestuiApp

# (message id of the title, message id of the help, name of the app method to call)
COMMANDS: list[tuple[str, str, str]] = [
    (N_("New meeting"), N_("Plan a new meeting: form, attendees, agenda"), "action_new_meeting"),
    (N_("Meetings"), N_("All meetings: upcoming first, then past"), "action_meetings"),
    (N_("Start today's meeting"), N_("Open the next meeting of today to run it"),
     "action_start_next_meeting"),
    (N_("Next meeting"), N_("Plan the meeting after this one (or the latest held): "
     "what it left open is carried over"), "action_next_meeting"),
    (N_("Actions"), N_("Action items: filters, saved views, follow-ups"), "action_actions"),
    (N_("Search everything…"), N_("Find words in action items, follow-up notes, reasons, "
     "decisions, meeting notes, agenda items and meetings (ctrl+k)"),
     "action_search_everything"),
    (N_("Overdue actions"), N_("The Overdue saved view"), "action_overdue"),
    (N_("My team"), N_("Team-lead dashboard: each person's open and overdue items"),
     "action_dashboard"),
    (N_("Staff"), N_("People and reporting lines"), "action_people"),
    (N_("My day"), N_("Today's visit plan and reports: /v plans a visit, /r reports it (d)"),
     "action_my_day"),
    (N_("Analytics"), N_("Numbers plan vs actual, meeting load and habits, follow-through "
     "(y)"), "action_analytics"),
    (N_("Home"), N_("Back to the home screen"), "action_home"),
    (N_("Export minutes"), N_("Preview and save the minutes of the latest meeting"),
     "action_export_latest_minutes"),
    (N_("Decisions"), N_("The decision register on screen: every decision, its status, "
     "meeting and actions done; filter, open, supersede (d)"), "action_decisions"),
    (N_("Decision register"), N_("Every decision across meetings, its status and whether "
     "its actions are done"), "action_decision_register"),
    (N_("Outbox"), N_("Agendas, minutes and reminders sent by email, and those waiting "
     "to go (o)"), "action_outbox"),
    (N_("Undo my last change"), N_("Take back your newest change, wherever you made it "
     "(ctrl+z; `salestui undo --list` lists them)"), "action_undo"),
    (N_("Who am I…"), N_("Pick yourself from the people list (remembered for you, not "
     "for the department)"), "action_who_am_i"),
    (N_("Switch language"), N_("English / 中文 (remembered for you)"),
     "action_switch_language"),
    (N_("Switch theme"), N_("Choose a colour theme (remembered for you)"),
     "action_change_theme"),
]  # fmt: skip

# Palette titles for bindings whose footer label is too short to be found by typing.
PALETTE_TITLES = {
    "run.next": N_("Next agenda item"),
    "run.previous": N_("Previous agenda item"),
    "run.skip": N_("Skip this agenda item"),
    "run.park": N_("Park this agenda item"),
    "run.undo": N_("Undo the last live edit"),
    "run.review": N_("Review previous actions"),
}

Entry = tuple[str, str, Callable[[], Any]]


def _own_bindings(node: DOMNode) -> Iterator[Binding]:
    """The bindings salestui itself declares on ``node``'s class and its bases."""
    for cls in type(node).__mro__:
        if cls.__module__.startswith("salestui."):
            yield from Binding.make_bindings(cls.__dict__.get("BINDINGS", []))


def _allowed(app: Any, screen: Screen, node: DOMNode, action: str) -> bool:
    """True when the action's own ``check_action`` lets it run now (as the footer asks)."""
    destination, name, parameters = parse_action(action)
    target = {"app": app, "screen": screen}.get(destination, node)
    return target.check_action(name, parameters) is True


def _keys(screen: Screen) -> dict[tuple[int, str], str]:
    """(node, action) -> the key shown for it, with the user's key map applied."""
    keys: dict[tuple[int, str], str] = {}
    for active in screen.active_bindings.values():
        slot = (id(active.node), active.binding.action)
        keys.setdefault(slot, active.node.app.get_key_display(active.binding))
    return keys


def screen_entries(app: Any, screen: Screen) -> list[Entry]:
    """Every action of ``screen`` and of the focused widget's chain that can run now:
    the screen's bindings, shown in the footer or not, and widgets' shown ones."""
    focused = screen.focused
    chain: list[DOMNode] = [screen]
    if focused is not None:
        # From the focused widget up to (not including) the screen; the app's own keys
        # are the commands below.
        for node in focused.ancestors_with_self:
            if node is screen or node is app:
                break
            chain.append(node)
    keys = _keys(screen)
    entries: list[Entry] = []
    seen: set[tuple[int, str]] = set()
    for node in chain:
        for binding in _own_bindings(node):
            slot = (id(node), binding.action)
            if not binding.description or slot in seen:
                continue
            if node is not screen and not binding.show:
                continue  # a widget's cursor keys are not commands
            if not _allowed(app, screen, node, binding.action):
                continue
            seen.add(slot)
            title = _(PALETTE_TITLES.get(binding.id or "", binding.description))
            key = keys.get(slot, app.get_key_display(binding))
            entries.append(
                (
                    title,
                    _("key {key}").format(key=key),
                    partial(app.run_action, binding.action, node),
                )
            )
    return entries


def meeting_in_view(screen: Screen) -> int | None:
    """The meeting the screen shows or highlights, if any."""
    highlighted = getattr(screen, "highlighted_meeting", None)
    meeting_id = highlighted() if callable(highlighted) else None
    meeting_id = meeting_id or getattr(screen, "meeting_id", None)
    return meeting_id if isinstance(meeting_id, int) and meeting_id > 0 else None


class SalestuiCommands(Provider):
    """The calling screen's actions first, then salestui's own commands, then Textual's
    entries, all translated."""

    def _entries(self) -> list[Entry]:
        app: SalestuiApp = self.app  # type: ignore[assignment]
        entries = screen_entries(app, self.screen)
        meeting_id = meeting_in_view(self.screen)
        if meeting_id is not None:
            entries.append(
                (
                    _("Export agenda"),
                    _("Preview and save the agenda of this meeting"),
                    partial(app.action_export_agenda, meeting_id),
                )
            )
        entries += [
            (_(title), _(help_text), partial(getattr(app, method)))
            for title, help_text, method in COMMANDS
        ]
        # Textual's own entries last (this provider replaces its SystemCommandsProvider,
        # so the order is always: this screen, the app, then Textual's).
        entries += [
            (command.title, command.help, command.callback)
            for command in system_commands(app, self.screen)
        ]
        unique: dict[str, Entry] = {}
        for entry in entries:
            unique.setdefault(entry[0], entry)  # the screen's own "Next meeting" wins
        return list(unique.values())

    async def discover(self) -> Hits:
        for title, help_text, callback in self._entries():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._entries():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)


def system_commands(app: Any, screen: Screen) -> Iterator[SystemCommand]:
    """Textual's own palette entries, translated; its "Theme" is left out (the palette's
    "Switch theme" is the one theme command)."""
    yield SystemCommand(_("Quit"), _("Quit the application as soon as possible"), app.action_quit)
    if screen.query("HelpPanel"):
        yield SystemCommand(
            _("Keys"), _("Hide the keys and widget help panel"), app.action_hide_help_panel
        )
    else:
        yield SystemCommand(
            _("Keys"),
            _("Show help for the focused widget and a summary of available keys"),
            app.action_show_help_panel,
        )
    if screen.maximized is not None:
        yield SystemCommand(
            _("Minimize"),
            _("Minimize the widget and restore to normal size"),
            screen.action_minimize,
        )
    elif screen.focused is not None and screen.focused.allow_maximize:
        yield SystemCommand(_("Maximize"), _("Maximize the focused widget"), screen.action_maximize)
    yield SystemCommand(
        _("Screenshot"),
        _("Save an SVG 'screenshot' of the current screen"),
        lambda: app.set_timer(0.1, app.deliver_screenshot),
    )


def open_palette(app: App[None]) -> None:
    """The command palette (ctrl+p), its search prompt in the user's language."""
    if app.use_command_palette and not CommandPalette.is_open(app):  # type: ignore[arg-type]
        placeholder = _("Search for commands…")
        app.push_screen(CommandPalette(id="--command-palette", placeholder=placeholder))


def open_search_palette(app: App[None]) -> None:
    """The palette over what the department wrote (``SearchEverything``): its own palette,
    so that the command palette stays instant."""
    from salestui.tui.search_provider import SearchEverything

    if not CommandPalette.is_open(app):  # type: ignore[arg-type]
        placeholder = _("Search action items, notes, decisions and meetings…")
        app.push_screen(CommandPalette(providers=[SearchEverything], placeholder=placeholder))


def open_theme_palette(app: App[None]) -> None:
    """The palette over the themes only: "Switch theme" (Textual's ``change_theme``)."""
    from textual.theme import ThemeProvider

    app.push_screen(CommandPalette(providers=[ThemeProvider], placeholder=_("Search for themes…")))
