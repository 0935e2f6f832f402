"""ctrl+z outside the live meeting: take back my newest change, from the journal.

The journal (``core.journal``) is in the database, so what ctrl+z takes back does not
depend on the screen it is pressed on, nor on whether the app was restarted since: it is
always my newest change not undone yet - the same one ``salestui undo`` takes back. The
live console and the confirmation keep their own ctrl+z (the meeting's own undo).
"""

from __future__ import annotations

from textual.app import App

from salestui.core.errors import InvalidInput, SalestuiError
from salestui.core.service import Services
from salestui.i18n import _
from salestui.tui.screens.base import SalestuiScreen


def undo_my_last_change(app: App[None], services: Services) -> bool:
    """Undo my newest change and say what it was ("Undid: ..."), or why not; the screen
    in front reads its data again. True when something was undone."""
    try:
        entry = services.journal.undo()
    except InvalidInput as refused:  # nothing to undo, or a later change in the way
        app.notify(str(refused), severity="warning", markup=False)
        return False
    except SalestuiError as error:
        app.notify(str(error), severity="error", markup=False)
        return False
    app.notify(_("Undid: {summary}").format(summary=entry.summary), markup=False)
    if isinstance(app.screen, SalestuiScreen):
        app.screen.reload_data()
    return True
