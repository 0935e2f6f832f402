"""The user's key map: ``[keymap]`` in the config file, binding id -> key(s), applied with
Textual's ``App.set_keymap``. An id no binding has is reported, never silently ignored."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator, Mapping

from textual.binding import Binding
from textual.dom import DOMNode

from salestui.i18n import _


def _subclasses(cls: type) -> Iterator[type]:
    sub: type
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def binding_ids() -> set[str]:
    """Every binding id of the app's screens and widgets (their modules are imported:
    screens are otherwise loaded when first opened), and of Textual's loaded widgets."""
    import salestui.tui.screens
    import salestui.tui.widgets

    for package in (salestui.tui.screens, salestui.tui.widgets):
        for module in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
            importlib.import_module(module.name)
    from salestui.tui.app import SalestuiApp

    ids: set[str] = set()
    for cls in (SalestuiApp, *_subclasses(DOMNode)):
        for binding in cls.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding) and binding.id:
                ids.add(binding.id)
    return ids


def checked_keymap(keymap: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """(the entries that name a binding, one warning for each that does not)."""
    if not keymap:
        return {}, []
    known = binding_ids()
    good = {binding_id: keys for binding_id, keys in keymap.items() if binding_id in known}
    warnings = [
        _("Unknown binding id {binding} in [keymap]; see the README for the ids").format(
            binding=binding_id
        )
        for binding_id in keymap
        if binding_id not in known
    ]
    return good, warnings
