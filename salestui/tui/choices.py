"""This person's own choices in the app - who they are, the language, the theme: applied,
switched, and kept in their personal file (``salestui.personal``), never in the shared
database. Also who they are as the headers show it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from salestui.core.errors import SalestuiError
from salestui.core.models import Person
from salestui.i18n import _, current_language, set_language
from salestui.tui.screens.base import SalestuiScreen

if TYPE_CHECKING:
    from salestui.tui.app import SalestuiApp


class PersonalChoices:
    """The app's side of this person's choices: ``app.personal`` keeps them, this applies
    them to the running app and remembers each new one."""

    def __init__(self, app: SalestuiApp) -> None:
        self.app = app
        self._me_label: tuple[tuple[str | None, int | None], str] | None = None

    @property
    def me_label(self) -> str:
        """Who the user is, as the headers show it ("" when nobody is known, or not read
        yet). Read again, in a worker, only when "me" changes or someone commits to the
        file (a rename), not at every header drawn; the headers are drawn again once the
        name is in."""
        services = self.app.services
        key = (services.me_name, services.data_version())
        if self._me_label is None or self._me_label[0] != key:
            shown = self._me_label[1] if self._me_label is not None else ""
            self._me_label = (key, shown)  # until the read is in
            self._read_me(key)
        return self._me_label[1]

    def _read_me(self, key: tuple[str | None, int | None]) -> None:
        app = self.app
        readers = app.readers

        def read() -> None:
            try:
                me = readers.services().me()
            except SalestuiError:
                me = None
            app.call_from_thread(self._me_read, key, me.name if me else "")

        app.run_worker(read, thread=True, group="read:me", exclusive=True, exit_on_error=False)

    def _me_read(self, key: tuple[str | None, int | None], label: str) -> None:
        if self._me_label is None or self._me_label[0] != key or self._me_label[1] == label:
            return
        self._me_label = (key, label)
        from salestui.tui.widgets.header_bar import HeaderBar

        for screen in self.app.screen_stack:
            for header in screen.query(HeaderBar):
                header.show_again()

    def apply_theme(self) -> None:
        """Start with the theme chosen in the app (this person's own choice beats the
        config file), and remember every theme chosen from now on."""
        app = self.app
        theme = app.personal.get("theme") or app.config.theme
        if theme in app.available_themes:
            app.theme = theme
        else:
            app.notify(
                _("Unknown theme {theme}; using the default").format(theme=theme),
                severity="warning",
            )
        app.watch(app, "theme", self._remember_theme, init=False)

    def _remember_theme(self, theme: str) -> None:
        self.remember(theme=theme)

    def remember(self, **choices: str | None) -> None:
        """Keep this person's choice in their own file (never in the shared database)."""
        try:
            self.app.personal.save(**choices)
        except OSError as error:
            self.app.notify(
                _("Could not remember your choice: {reason}").format(reason=error),
                severity="warning",
            )

    def switch_language(self) -> None:
        """English <-> Chinese, remembered for this person; screens are rebuilt."""
        app = self.app
        new = "en" if current_language() == "zh-CN" else "zh-CN"
        set_language(new)
        self.remember(language=new)
        app.notify(_("Language: {lang}").format(lang="English" if new == "en" else "中文"))
        for screen in app.screen_stack:
            if isinstance(screen, SalestuiScreen):
                app.call_later(screen.rebuild)

    def who_am_i(self, then: Callable[[], None] | None = None) -> None:
        """Pick who you are from the people list; remembered for you, not the department.
        ``then`` runs once the choice is made (or the picker is left)."""
        from salestui.tui.screens.who_am_i import WhoAmIScreen

        app = self.app
        if app.services.me_fixed is not None:  # the login or the browser's sign-in says
            app.notify(app.services.me_fixed)
            if then is not None:
                then()
            return

        def chosen(person: Person | None) -> None:
            if person is not None:
                app.services.set_me(person.name)
                app.config.me = person.name
                self.remember(me=person.name)
                app.notify(_("You are {name}").format(name=person.name))
                if isinstance(app.screen, SalestuiScreen):
                    app.screen.reload_data()
            if then is not None:
                then()

        app.push_screen(WhoAmIScreen(app.services), chosen)
