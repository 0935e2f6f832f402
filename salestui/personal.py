"""What a person chooses in the app for themselves - who they are, language, theme - kept
in their own file beside the config file (``chosen.toml``), never in the shared database.

The config file stays the person's own, hand-edited; this file is written by the app only
(atomically, mode 0600). Order for each setting: command-line option, then environment
variable, then what was chosen in the app, then the config file.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
import tomllib
from pathlib import Path

from salestui import paths

FILE_NAME = paths.CHOICES_FILE
KEYS = ("me", "language", "theme")


class Personal:
    """The choices file of one person (one operating-system user); with no path (tests,
    a bare app) the choices live in memory only."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._memory: dict[str, str] = {}

    @classmethod
    def beside(cls, config_path: Path | None) -> Personal:
        return cls((config_path or paths.config_file()).with_name(FILE_NAME))

    def load(self) -> dict[str, str]:
        """The choices made so far; an unreadable or odd file counts as none."""
        if self.path is None:
            return dict(self._memory)
        try:
            if not self.path.is_file():
                return {}
            data = tomllib.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return {}
        return {k: v for k, v in data.items() if k in KEYS and isinstance(v, str) and v}

    def get(self, key: str) -> str | None:
        return self.load().get(key)

    def save(self, **choices: str | None) -> None:
        """Remember these choices (None forgets one). Raises OSError when the file cannot
        be written; a path that is not a regular file is never written to."""
        data = self.load()
        for key, value in choices.items():
            if key not in KEYS:
                raise ValueError(key)
            if value:
                data[key] = value
            else:
                data.pop(key, None)
        if self.path is None:
            self._memory = data
            return
        if self.path.exists() and not self.path.is_file():
            raise OSError(f"{self.path} is not a regular file")
        text = "# Written by salestui: what you chose in the app (who you are, language,\n"
        text += "# theme). Your own settings go in config.toml beside it.\n"
        # A JSON string is a valid TOML basic string.
        text += "".join(f"{k} = {json.dumps(data[k], ensure_ascii=False)}\n" for k in sorted(data))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".chosen.", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.chmod(temp, stat.S_IRUSR | stat.S_IWUSR)
            os.replace(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
