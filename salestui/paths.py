"""Every filesystem location the app uses, and nowhere else. Nothing is created at import.

On Linux the user folders follow the XDG rule without importing platformdirs (a command
line start-up cost): exactly platformdirs' answer, checked by the tests. Other systems,
and the rare Linux set-ups whose home folder is not a plain absolute ``$HOME``, ask
platformdirs.
"""

from __future__ import annotations

import os
import posixpath
import sys
from pathlib import Path

APP_NAME = "salestui"
CHOICES_FILE = "chosen.toml"  # a person's own choices, beside the config file (personal)


def _user_dir(kind: str, variable: str, default: str) -> Path:
    """platformdirs' ``user_<kind>_dir`` of salestui, without importing it on Linux."""
    path = _linux_user_dir(variable, default)
    if path is None:
        import platformdirs

        path = getattr(platformdirs, f"user_{kind}_dir")(APP_NAME)
    return Path(path)


def _linux_user_dir(variable: str, default: str) -> str | None:
    """``$variable/salestui`` when it holds an absolute path (platformdirs ignores a blank
    or relative value), else ``default`` under ``$HOME``; None where platformdirs has its
    own rules (another system, Android, a missing or relative ``$HOME``)."""
    if not sys.platform.startswith("linux") or hasattr(sys, "getandroidapilevel"):
        return None
    if os.environ.get("ANDROID_DATA") == "/data" and os.environ.get("ANDROID_ROOT") == "/system":
        return None
    base = os.environ.get(variable, "")
    if not posixpath.isabs(base):
        home = os.environ.get("HOME")
        if not home or not posixpath.isabs(home):
            return None
        base = os.path.expanduser(default)
    return os.path.join(base, APP_NAME)


def data_dir() -> Path:
    return _user_dir("data", "XDG_DATA_HOME", "~/.local/share")


def cache_dir() -> Path:
    """Files salestui can always rebuild (the compiled message catalogs, the date and
    number forms of each language)."""
    override = os.environ.get("SALESTUI_CACHE")
    if override:
        return Path(override).expanduser()
    return _user_dir("cache", "XDG_CACHE_HOME", "~/.cache")


def config_dir() -> Path:
    return _user_dir("config", "XDG_CONFIG_HOME", "~/.config")


def config_file() -> Path:
    override = os.environ.get("SALESTUI_CONFIG")
    return Path(override).expanduser() if override else config_dir() / "config.toml"


def default_db_path() -> Path:
    """``$SALESTUI_DB``, else the platform's user data folder."""
    override = os.environ.get("SALESTUI_DB")
    if override:
        return Path(override).expanduser()
    return data_dir() / "salestui.db"


def resolve_db_path(option: str | os.PathLike[str] | None) -> Path:
    """The database to use given ``--db``; creates the default folder only when used."""
    if option:
        return Path(option).expanduser()
    path = default_db_path()
    if not os.environ.get("SALESTUI_DB"):
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def default_export_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / APP_NAME
