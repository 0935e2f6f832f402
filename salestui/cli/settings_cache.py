"""What the full command line worked out about a run's settings, kept for ``cli.quick``.

The config file is read by its pydantic-settings model (``salestui.config``), which costs
more to load than a quick listing takes in all. So each full run remembers its outcome -
the language, the config's warnings, who the config and the app's choices say I am, the
backup folder - under a key made of everything that outcome depends on: salestui's
version, the ``--lang`` given, the environment variables the settings read (a digest of
them: no value is written down), and the size, times and inode of the config file and of
the choices file. A quick run uses the outcome
only when its own key is the same; any other run (or any doubt) goes the full way, which
records the new outcome. The file is a cache in the cache folder: damaged or odd, it is
ignored and written again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from salestui import __version__, paths
from salestui.i18n import SUPPORTED

FILE_NAME = "cli-settings.json"
FORMAT = 2
KEPT = 4  # outcomes kept (a few --lang or environment variants)
# Besides SALESTUI_*: what the language and the folders are read from.
ENVIRONMENT = ("LANG", "LC_ALL", "LC_MESSAGES", "HOME", "XDG_CONFIG_HOME")
# SALESTUI_* variables that are not settings (the database, the clock, debugging).
NOT_SETTINGS = ("SALESTUI_DB", "SALESTUI_NOW", "SALESTUI_DEBUG")
CHOICES_FILE = paths.CHOICES_FILE


def _file(path: Path) -> list[Any] | None:
    """What tells one version of a file from another (None: there is none)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return [str(path), info.st_mtime_ns, info.st_ctime_ns, info.st_size, info.st_ino]


def _environment() -> str:
    """A digest of the variables the settings are read from (pydantic-settings reads
    ``salestui_me`` as ``SALESTUI_ME``: any case). Only the digest is kept: some of them
    are secrets (a mail password, a sign-in token)."""
    try:  # the module hashlib takes BLAKE2 from, without loading OpenSSL as hashlib does
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b

    chosen = sorted(
        (name, value)
        for name, value in os.environ.items()
        if (name.upper().startswith("SALESTUI_") and name.upper() not in NOT_SETTINGS)
        or name in ENVIRONMENT
    )
    return blake2b(json.dumps(chosen, ensure_ascii=False).encode()).hexdigest()


def key(lang_option: str | None) -> dict[str, Any] | None:
    """The key of this run's settings (None when a file cannot even be looked at)."""
    environment = _environment()
    try:
        config = paths.config_file()
        return {
            "format": FORMAT,
            "version": __version__,
            "lang": lang_option,
            "environment": environment,
            "config": _file(config),
            "choices": _file(config.with_name(CHOICES_FILE)),
        }
    except (OSError, ValueError):
        return None


def _place() -> Path:
    return paths.cache_dir() / FILE_NAME


def _entries() -> list[dict[str, Any]]:
    try:
        data = json.loads(_place().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    entries = data.get("entries") if isinstance(data, dict) else None
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def _valid(values: object) -> bool:
    if not isinstance(values, dict):
        return False
    texts = ("config_me", "choices_me", "backup_dir")
    return (
        values.get("language") in SUPPORTED
        and isinstance(values.get("warnings"), list)
        and all(isinstance(w, str) for w in values["warnings"])
        and all(values.get(name) is None or isinstance(values[name], str) for name in texts)
        and type(values.get("backup_keep")) is int
    )


def load(run_key: dict[str, Any]) -> dict[str, Any] | None:
    """The outcome recorded for ``run_key``, or None."""
    for entry in _entries():
        if entry.get("key") == run_key and _valid(entry.get("values")):
            values: dict[str, Any] = entry["values"]
            return values
    return None


def save(run_key: dict[str, Any] | None, values: dict[str, Any]) -> None:
    """Record the outcome of ``run_key`` (best effort: a cache that cannot be written only
    means the next run goes the full way again)."""
    if run_key is None or not _valid(values):
        return
    entries = _entries()
    if entries and entries[0].get("key") == run_key and entries[0].get("values") == values:
        return  # already there: no write
    kept = [{"key": run_key, "values": values}]
    kept += [e for e in entries if e.get("key") != run_key][: KEPT - 1]
    place = _place()
    partial = place.with_name(f".{place.name}.{os.getpid()}")
    try:
        place.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial.unlink(missing_ok=True)  # a leftover of a run that died here
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(partial, flags, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"entries": kept}, handle, ensure_ascii=False)
        os.replace(partial, place)
    except OSError:
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            pass
