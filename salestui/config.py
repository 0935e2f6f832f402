"""User configuration: a TOML file in the platform config folder.

Unknown keys and bad values never stop the app: they are reported as warnings and the
defaults are used instead.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from salestui import paths
from salestui.i18n import _, normalise


@dataclass
class Config:
    me: str | None = None
    language: str | None = None
    theme: str = "textual-dark"
    default_meeting_minutes: int = 60
    export_dir: str | None = None
    speaking_threshold: float = 0.5
    backup_dir: str | None = None  # automatic backups; default: a folder beside the database
    backup_keep: int = 14  # automatic backups kept (0: none)
    warnings: list[str] = field(default_factory=list)
    path: Path | None = None


_KEYS = {
    "me": str,
    "language": str,
    "theme": str,
    "default_meeting_minutes": int,
    "export_dir": str,
    "speaking_threshold": float,
    "backup_dir": str,
    "backup_keep": int,
}


def load_config(path: Path | None = None) -> Config:
    """Read the config file (missing file = defaults). ``SALESTUI_ME`` overrides ``me``."""
    path = path or paths.config_file()
    config = Config(path=path)
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            config.warnings.append(
                _("Config file {path} could not be read ({reason}); using defaults").format(
                    path=path, reason=error
                )
            )
            data = {}
        for key, value in data.items():
            expected = _KEYS.get(key)
            if expected is None:
                config.warnings.append(_("Unknown config key: {key}").format(key=key))
                continue
            if expected is float and isinstance(value, int):
                value = float(value)
            if not isinstance(value, expected) or isinstance(value, bool):
                config.warnings.append(_("Bad value for config key {key}").format(key=key))
                continue
            setattr(config, key, value)
    if config.language and normalise(config.language) is None:
        config.warnings.append(
            _("Unknown language {lang}; use en or zh-CN").format(lang=config.language)
        )
        config.language = None
    if not 0 < config.default_meeting_minutes <= 24 * 60:
        config.warnings.append(
            _("Bad value for config key {key}").format(key="default_meeting_minutes")
        )
        config.default_meeting_minutes = 60
    if not 0 < config.speaking_threshold <= 1:
        config.warnings.append(_("Bad value for config key {key}").format(key="speaking_threshold"))
        config.speaking_threshold = 0.5
    if not 0 <= config.backup_keep <= 1000:
        config.warnings.append(_("Bad value for config key {key}").format(key="backup_keep"))
        config.backup_keep = 14
    if os.environ.get("SALESTUI_ME"):
        config.me = os.environ["SALESTUI_ME"]
    return config
