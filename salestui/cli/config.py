"""``salestui config``: where the config file is and every value in force.

Unknown keys and bad values were already reported as warnings when the command started
(``salestui`` reads the config before every command); the app keeps its defaults for them.
"""

from __future__ import annotations

import json
import os
from typing import Any

import click

from salestui.cli.common import app_context, json_option, print_json, warn
from salestui.i18n import _

KEYS = (
    "me",
    "language",
    "theme",
    "default_meeting_minutes",
    "export_dir",
    "speaking_threshold",
)


def _file_values(path: Any) -> dict[str, Any]:
    """The raw values in the file, to tell which values come from it (empty if unreadable)."""
    import tomllib

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}


def _sources(config: Any) -> dict[str, str]:
    from salestui.personal import Personal

    raw = _file_values(config.path) if config.path is not None and config.path.exists() else {}
    chosen = Personal.beside(config.path).load()
    sources = {}
    for key in KEYS:
        value = getattr(config, key)
        if key == "me" and app_context().me_option:
            sources[key] = "option"
        elif key in config.rejected:
            sources[key] = "default"
        elif os.environ.get(f"SALESTUI_{key.upper()}"):
            sources[key] = "env"
        elif key == "me" and value and chosen.get("me") == value:
            sources[key] = "chosen"
        elif key in raw and raw[key] == value and not isinstance(raw[key], bool):
            sources[key] = "file"
        else:
            sources[key] = "default"
    return sources


def _in_use_problems(settings: Any) -> list[str]:
    """What the app would flag on start: a theme Textual lacks, a ``me`` naming nobody."""
    from salestui.config import unknown_me, unknown_theme
    from salestui.core.errors import SalestuiError

    problems = [unknown_theme(settings)]
    if settings.me:
        try:
            problems.append(unknown_me(settings, app_context().services(create=False).find_person))
        except SalestuiError:
            pass  # no database yet: nobody to check against
    return [problem for problem in problems if problem]


def _database() -> str:
    from salestui import paths

    option = app_context().db_option
    return str(paths.resolve_db_path(option) if option else paths.default_db_path())


@click.command("config")
@json_option
def config(as_json: bool) -> None:
    """Show the config file's path and every setting in force (file value or default)."""
    from salestui import paths
    from salestui.i18n import current_language

    settings = app_context().config
    path = settings.path or paths.config_file()
    sources = _sources(settings)
    problems = _in_use_problems(settings)
    values = {key: getattr(settings, key) for key in KEYS}
    in_use = {
        "language": current_language(),
        "export_dir": settings.export_dir or str(paths.default_export_dir()),
        "database": _database(),
    }
    if as_json:
        print_json(
            {
                "path": str(path),
                "exists": path.exists(),
                "values": values,
                "sources": sources,
                "in_use": in_use,
                "warnings": settings.warnings + problems,
                "mail": _mail_json(settings),
            }
        )
        return
    click.echo(_("Config file: {path}").format(path=path))
    if not path.exists():
        click.echo(_("  (not there yet: every setting is its default; create it to change them)"))
    _print_values(values, sources, in_use)
    _print_mail(settings)
    click.echo(_("Database: {path}").format(path=in_use["database"]))
    for problem in problems:
        warn(problem)
    if settings.warnings or problems:
        message = _("{count} problems in the config file (warnings above); defaults used for them")
        click.echo(message.format(count=len(settings.warnings) + len(problems)))


def _print_values(values: dict[str, Any], sources: dict[str, str], in_use: dict[str, str]) -> None:
    """One line per setting: its value, JSON-quoted, and where it comes from (or, when not
    set, the value in use)."""
    source_labels = {
        "file": _("from the file"),
        "default": _("default"),
        "chosen": _("chosen in the app"),
        "option": _("from --me"),
    }
    from salestui.core.text import json_safe

    width = max(len(key) for key in KEYS)
    for key in KEYS:
        value = values[key]
        # JSON-quoted, with what a terminal would act on (C1, bidi controls) escaped.
        shown = (
            json_safe(json.dumps(value, ensure_ascii=False))
            if value is not None
            else _("(not set)")
        )
        note = (
            _("from ${variable}").format(variable=f"SALESTUI_{key.upper()}")
            if sources[key] == "env"
            else source_labels[sources[key]]
        )
        if key in ("language", "export_dir") and value is None:
            note = _("in use: {value}").format(value=in_use[key])
        click.echo(f"{key:<{width}} = {shown}  # {note}")


def _mail_json(settings: Any) -> dict[str, Any]:
    """The [mail] table in force, and where the password comes from (never the password)."""
    from salestui.config import mail_settings
    from salestui.core.mail_settings import password_source

    mail = mail_settings(settings)
    return {
        "host": mail.host,
        "port": mail.smtp_port if mail.configured else mail.port,
        "security": mail.security,
        "user": mail.user,
        "from": mail.sender,
        "timeout": mail.timeout,
        "cafile": mail.cafile,
        "password": password_source(mail) if mail.configured else "none",
    }


def _print_mail(settings: Any) -> None:
    from salestui.config import mail_settings
    from salestui.core.mail_settings import PASSWORD_ENV, password_source

    mail = mail_settings(settings)
    if not mail.configured:
        click.echo(_("Mail: not set up (README: Sending agendas and minutes)"))
        return
    source = {
        "environment": _("password from ${name}").format(name=PASSWORD_ENV),
        "keyring": _("password from the system keyring"),
        "none": _("no password"),
    }[password_source(mail)]
    click.echo(_("Mail: {server}, from {sender}, {password}").format(
        server=mail.describe(), sender=mail.sender or mail.user or "-", password=source
    ))  # fmt: skip
    if mail.cafile:
        click.echo(_("Mail: the server's certificate is checked against {file}").format(
            file=mail.cafile
        ))  # fmt: skip
