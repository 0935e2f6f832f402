"""Signing in from the command line (issue 17): the login decides who I am on a shared
host, passwords are read from stdin and never from argv, sign-in tokens are one-time,
``serve`` refuses to run open, and ``shared = true`` gives the group the files."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from salestui.core.db import open_store
from salestui.core.identity import os_login
from salestui.core.service import Services

LOGIN = os_login() or "root"


def _history_people(run, action: str) -> list[str]:  # type: ignore[no-untyped-def]
    result = run("actions", "history", action)
    assert result.code == 0, result.err
    lines = result.out.splitlines()[1:]
    return [line.split(" · ")[1] for line in lines]


def test_a_config_me_cannot_make_me_someone_else(org, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """On a shared host with logins set, editing the config file's me changes nothing."""
    org("people", "login", "王芳", LOGIN).ok()
    assert org("people", "login", "王芳").ok().out.strip() == LOGIN
    (tmp_path / "config.toml").write_text('me = "张伟"\n', encoding="utf-8")
    added = org("actions", "add", "Call the distributor", "--owner", "Li Ming")
    assert added.code == 0
    assert "You are 王芳 on this host" in added.err and "is ignored" in added.err
    assert _history_people(org, "1") == ["王芳"]
    refused = org("--me", "张伟", "actions", "done", "1")
    assert "is refused" in refused.assert_one_line_error(2)
    refused = org("actions", "done", "1", SALESTUI_ME="张伟")
    assert "SALESTUI_ME" in refused.assert_one_line_error(2)
    assert org("actions", "list", "--json", "--status", "open").json()[0]["id"] == 1


def test_someone_elses_login_cannot_be_claimed(org) -> None:  # type: ignore[no-untyped-def]
    org("people", "login", "王芳", "not-" + LOGIN).ok()
    refused = org("--me", "王芳", "actions", "add", "x")
    assert "signs in as login" in refused.assert_one_line_error(2)
    assert org("actions", "list", "--json").json() == []


def test_password_from_stdin_only(org, db: Path, cli_runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    done = subprocess.run(
        [sys.executable, "-m", "salestui", "--db", str(db), "people", "password", "王芳"],
        input="a good password\n",
        capture_output=True,
        text=True,
        env=_env(cli_runner, tmp_path),
    )
    assert done.returncode == 0, done.stderr
    assert "a good password" not in done.stdout + done.stderr
    short = subprocess.run(
        [sys.executable, "-m", "salestui", "--db", str(db), "people", "password", "王芳"],
        input="short\n",
        capture_output=True,
        text=True,
        env=_env(cli_runner, tmp_path),
    )
    assert short.returncode == 2 and "at least 8" in short.stderr
    assert org("people", "password", "王芳", "a good password").code == 2  # no argv password
    store = open_store(db)
    try:
        assert Services(store).check_password("王芳", "a good password") is not None
    finally:
        store.close()


def _env(cli_runner, tmp_path: Path) -> dict[str, str]:  # type: ignore[no-untyped-def]
    from salestui.core.sign_in import TOKEN_ENV

    env = {k: v for k, v in os.environ.items() if k not in ("SALESTUI_ME", TOKEN_ENV)}
    env.update(SALESTUI_CONFIG=str(tmp_path / "config.toml"), SALESTUI_LANG="en")
    return env


def test_a_sign_in_token_names_one_person_once(org, db: Path) -> None:  # type: ignore[no-untyped-def]
    from salestui.core.sign_in import TOKEN_ENV

    store = open_store(db)
    try:
        svc = Services(store)
        token = svc.issue_sign_in_token(svc.find_person("Li Ming").id or 0)
    finally:
        store.close()
    # --me and SALESTUI_ME are not asked: the token says who this is.
    org("--me", "张伟", "actions", "add", "From the browser", SALESTUI_ME="王芳",
        **{TOKEN_ENV: token}).ok()  # fmt: skip
    assert _history_people(org, "1") == ["Li Ming"]
    replay = org("actions", "done", "1", **{TOKEN_ENV: token})
    assert "not valid" in replay.assert_one_line_error(2)
    forged = org("actions", "done", "1", **{TOKEN_ENV: "x" * 43})
    assert "not valid" in forged.assert_one_line_error(2)


def test_serve_refuses_to_run_open(org) -> None:  # type: ignore[no-untyped-def]
    nobody = org("serve", "--port", "1")
    assert "Nobody can sign in" in nobody.assert_one_line_error(2)
    store = open_store(org.db)
    try:
        svc = Services(store)
        svc.set_password(svc.find_person("张伟").id or 0, "a good password")
    finally:
        store.close()
    public = org("serve", "--host", "0.0.0.0", "--port", "1")
    assert "--public" in public.assert_one_line_error(2)
    named = org("serve", "--host", "sales.example.com", "--port", "1")
    assert "--public" in named.assert_one_line_error(2)


def test_shared_files_are_the_groups(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "config.toml").write_text("shared = true\n", encoding="utf-8")
    folder = tmp_path / "team"
    folder.mkdir()
    db = folder / "sales.db"
    run("people", "add", "张伟", db_path=db).ok()
    run("backup", "--list", db_path=db).ok()
    assert stat.S_IMODE(db.stat().st_mode) == 0o660
    backups = folder / "sales.db.backups"
    assert stat.S_IMODE(backups.stat().st_mode) == 0o2770
    private = tmp_path / "private.db"
    (tmp_path / "config.toml").write_text("", encoding="utf-8")
    run("people", "add", "张伟", db_path=private).ok()
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
