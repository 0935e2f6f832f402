"""User configuration: a TOML file in the platform config folder, read by a pydantic model,
with ``SALESTUI_<KEY>`` environment variables overriding the file (``SALESTUI_ME``,
``SALESTUI_THEME``, ...; the name in any case, an empty value no override, a table as
JSON). Read by hand rather than with pydantic-settings, whose import alone was a quarter
of every command's start.

The model checks types, ranges and unknown keys. A problem never stops the app: each one is
reported as a one-line warning and the default is used for that key instead.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from salestui import paths
from salestui.i18n import _, normalise

if TYPE_CHECKING:
    from salestui.core.mail_settings import MailSettings

ENV_PREFIX = "SALESTUI_"


# A key string as Textual writes it: "f2", "ctrl+shift+a", "question_mark", "?", "K" (commas
# separate several keys for one binding).
_KEY = re.compile(r"^(?:[a-z0-9_]+\+)*(?:[a-z0-9_]+|[^\sA-Za-z0-9_+,])$|^[A-Z]$")


class MailConfig(BaseModel):
    """The ``[mail]`` table: how to reach the mail server (README, "Sending agendas and
    minutes"). The password is never here: ``$SALESTUI_MAIL_PASSWORD`` or the keyring."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    host: str | None = None
    port: int | None = Field(default=None, gt=0, le=65535)
    security: Literal["starttls", "ssl", "none"] = "starttls"
    user: str | None = None
    from_: str | None = Field(default=None, alias="from")
    timeout: float = Field(default=20, gt=0, le=600)
    cafile: str | None = None  # a PEM file to trust instead of the system's (a self-signed server)

    @field_validator("port", "timeout", mode="before")
    @classmethod
    def _no_booleans(cls, value: Any) -> Any:
        if isinstance(value, bool):
            raise ValueError("a boolean is not a number")
        return value


class Config(BaseModel):
    """Every setting, its type and its range; plus the problems found and the file read."""

    model_config = ConfigDict(extra="forbid")

    me: str | None = None
    language: str | None = None
    theme: str = "textual-dark"
    default_meeting_minutes: int = Field(default=60, gt=0, le=24 * 60)
    export_dir: str | None = None
    speaking_threshold: float = Field(default=0.5, gt=0, le=1)
    backup_dir: str | None = None  # automatic backups; default: a folder beside the database
    backup_keep: int = Field(default=14, ge=0, le=1000)  # automatic backups kept (0: none)
    keymap: dict[str, Any] = Field(default_factory=dict)  # binding id -> key(s)
    mail: dict[str, Any] = Field(default_factory=dict)  # MailConfig's keys (_check_mail)
    shared: bool = False  # a shared host: the database's files 0660 within the group
    # ``serve`` behind a reverse proxy that signs people in: the header naming the person
    # (their login or full name), trusted only with the proxy's secret header beside it.
    serve_user_header: str | None = None
    serve_proxy_secret: str | None = Field(default=None, min_length=16)

    _warnings: list[str] = PrivateAttr(default_factory=list)
    _path: Path | None = PrivateAttr(default=None)
    _rejected: frozenset[str] = PrivateAttr(default=frozenset())

    @property
    def warnings(self) -> list[str]:
        """One line for each problem found (the default was used instead)."""
        return self._warnings

    @property
    def rejected(self) -> frozenset[str]:
        """The keys whose file or environment value was bad (their default is in force)."""
        return self._rejected

    @property
    def path(self) -> Path | None:
        return self._path

    @path.setter
    def path(self, value: Path | None) -> None:
        self._path = value

    @field_validator("default_meeting_minutes", "speaking_threshold", "backup_keep", mode="before")
    @classmethod
    def _no_booleans(cls, value: Any) -> Any:
        if isinstance(value, bool):  # TOML's true is not 1
            raise ValueError("a boolean is not a number")
        return value


_RANGES = ("greater_than", "greater_than_equal", "less_than", "less_than_equal")


def _problem(key: str, error: Any) -> str:
    """One short phrase for what the model found wrong with a value."""
    kind = error.get("type", "")
    if kind in _RANGES:
        limit = next(iter((error.get("ctx") or {}).values()), "")
        phrases = {
            "greater_than": _("must be more than {limit}"),
            "greater_than_equal": _("must be at least {limit}"),
            "less_than": _("must be less than {limit}"),
            "less_than_equal": _("must be at most {limit}"),
        }
        return phrases[kind].format(limit=limit)
    if key in ("default_meeting_minutes", "backup_keep"):
        return _("expected a whole number")
    if key == "speaking_threshold":
        return _("expected a number")
    if key == "keymap":
        return _("expected a table of binding ids and keys")
    if key == "mail":
        return _("expected a table")
    if key == "shared":
        return _("expected true or false")
    if key == "serve_proxy_secret":
        return _("expected a secret of at least 16 characters")
    return _("expected text")


def _file_values(path: Path | None) -> dict[str, Any]:
    if path is None or not path.is_file():
        return {}
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _environment_values() -> dict[str, Any]:
    """``SALESTUI_<KEY>`` for each key (any case; empty: no override; a table as JSON)."""
    found = {name.lower(): value for name, value in os.environ.items()}
    values: dict[str, Any] = {}
    for key, field in Config.model_fields.items():
        value = found.get((ENV_PREFIX + key).lower())
        if not value:
            continue
        if field.annotation is not None and "dict" in str(field.annotation):
            try:
                value = json.loads(value)
            except ValueError:
                pass  # left as text: the model says it is not a table
        values[key] = value
    return values


def _merged(low: dict[str, Any], high: dict[str, Any]) -> dict[str, Any]:
    """``high`` over ``low``, tables merged key by key."""
    out = dict(low)
    for key, value in high.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merged(out[key], value)
        else:
            out[key] = value
    return out


def _validate(path: Path | None) -> Config:
    """The model with every bad key reported once and left at its default: the
    environment over the file."""
    skipped: set[str] = set()
    warnings: list[str] = []
    given = _merged(_file_values(path), _environment_values())
    while True:
        try:
            config = Config.model_validate({k: v for k, v in given.items() if k not in skipped})
        except ValidationError as error:
            new = {str(item["loc"][0]): item for item in error.errors() if item["loc"]}
            new = {key: item for key, item in new.items() if key not in skipped}
            if not new:  # nothing left to leave out: never loop for ever
                raise
            for key, item in new.items():
                skipped.add(key)
                if item["type"] == "extra_forbidden":
                    warnings.append(_("Unknown config key: {key}").format(key=key))
                else:
                    message = _("Bad value for config key {key}: {problem}")
                    warnings.append(message.format(key=key, problem=_problem(key, item)))
            continue
        config.warnings[:0] = warnings
        config._rejected = frozenset(skipped)
        return config


def _check_keymap(config: Config) -> None:
    """Drop (and report) key map entries whose keys Textual could not read."""
    for binding_id, keys in list(config.keymap.items()):
        if not isinstance(keys, str) or not all(_KEY.match(k.strip()) for k in keys.split(",")):
            config.warnings.append(
                _("Bad key {keys} for {binding} in [keymap]; its default key is kept").format(
                    keys=json.dumps(keys, ensure_ascii=False, default=str), binding=binding_id
                )
            )
            del config.keymap[binding_id]


def _check_mail(config: Config) -> None:
    """Read the [mail] table: each bad key is reported and left at its default."""
    table = dict(config.mail)
    while True:
        try:
            MailConfig.model_validate(table)
            config.mail = table  # only the keys that are good
            return
        except ValidationError as error:
            for item in error.errors():
                key = str(item["loc"][0]) if item["loc"] else ""
                table.pop(key, None)
                if item["type"] == "extra_forbidden":
                    config.warnings.append(_("Unknown config key: mail.{key}").format(key=key))
                    continue
                problem = {
                    "security": _("use starttls, ssl or none"),
                    "port": _("expected a port number (1-65535)"),
                    "timeout": _("expected seconds (at most 600)"),
                }.get(key, _("expected text"))
                message = _("Bad value for config key {key}: {problem}")
                config.warnings.append(message.format(key=f"mail.{key}", problem=problem))


def load_config(path: Path | None = None) -> Config:
    """Read the config file (missing file = defaults) and ``SALESTUI_<KEY>`` variables."""
    path = path or paths.config_file()
    readable: Path | None = path
    problem = None
    if path.exists():
        try:
            tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            problem = _("Config file {path} could not be read ({reason}); using defaults")
            problem = problem.format(path=path, reason=error)
            readable = None  # the environment still applies
    config = _validate(readable)
    config.path = path
    if problem:
        config.warnings.insert(0, problem)
    if config.language and normalise(config.language) is None:
        config.warnings.append(
            _("Unknown language {lang}; use en or zh-CN").format(lang=config.language)
        )
        config.language = None
    _check_keymap(config)
    _check_mail(config)
    return config


def unknown_theme(config: Config) -> str | None:
    """A warning when the config's theme is not one of Textual's (as the app says it)."""
    from textual.theme import BUILTIN_THEMES

    if config.theme in BUILTIN_THEMES:
        return None
    return _("Unknown theme {theme}; using the default").format(theme=config.theme)


def unknown_me(config: Config, find_person: Callable[[str], object]) -> str | None:
    """A warning when ``me`` names nobody in the database (``find_person`` raises)."""
    from salestui.core.errors import InvalidInput, NotFound

    if not config.me:
        return None
    try:
        find_person(config.me)
    except (NotFound, InvalidInput):
        message = _("me = {name} names nobody in the database; Home shows no actions of mine")
        return message.format(name=json.dumps(config.me, ensure_ascii=False))
    return None


def mail_settings(config: Config) -> MailSettings:
    """The core's view of the ``[mail]`` table (empty text counts as not given)."""
    from salestui.core.mail_settings import MailSettings

    try:
        mail = MailConfig.model_validate(config.mail)
    except ValidationError:  # a Config made in code, not read by load_config
        mail = MailConfig()
    return MailSettings(
        host=(mail.host or "").strip() or None,
        port=mail.port,
        security=mail.security,
        user=(mail.user or "").strip() or None,
        sender=(mail.from_ or "").strip() or None,
        timeout=mail.timeout,
        cafile=(mail.cafile or "").strip() or None,
    )
