"""Every filesystem location the app uses, and nowhere else. Nothing is created at import."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "salestui"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME))


def cache_dir() -> Path:
    """Files salestui can always rebuild (the compiled message catalogs)."""
    override = os.environ.get("SALESTUI_CACHE")
    return Path(override).expanduser() if override else Path(platformdirs.user_cache_dir(APP_NAME))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME))


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
    return Path(platformdirs.user_documents_dir()) / APP_NAME
