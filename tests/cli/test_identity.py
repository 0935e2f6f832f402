"""Who I am: --me, then $SALESTUI_ME, then who was chosen in the app, then the config file;
and choices once kept in the shared database become the person's own, once."""

from __future__ import annotations

from pathlib import Path

from salestui.cli.app import _adopt_database_choices
from salestui.core.db import open_store
from salestui.personal import Personal
from salestui.tui.app import SalestuiApp


def _me_line(result) -> str:  # type: ignore[no-untyped-def]
    return next(line for line in result.out.splitlines() if line.startswith("me "))


def test_who_am_i_order(org, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "conf"
    folder.mkdir()
    (folder / "config.toml").write_text('me = "张伟"\n', encoding="utf-8")
    env = {"SALESTUI_CONFIG": str(folder / "config.toml"), "SALESTUI_ME": ""}
    assert '"张伟"' in _me_line(run("config", **env).ok())
    Personal(folder / "chosen.toml").save(me="王芳")
    assert _me_line(run("config", **env).ok()).endswith('"王芳"  # chosen in the app')
    with_env = {**env, "SALESTUI_ME": "Li Ming"}
    assert '"Li Ming"' in _me_line(run("config", **with_env).ok())
    assert _me_line(run("--me", "张伟", "config", **with_env).ok()).endswith("# from --me")


def test_database_choices_are_adopted_once(tmp_path: Path) -> None:
    store = open_store(tmp_path / "shared.db")
    try:
        store.set_setting(SalestuiApp.LANGUAGE_SETTING, "zh-CN")
        store.set_setting(SalestuiApp.THEME_SETTING, "nord")
        mine = Personal(tmp_path / "chosen.toml")
        mine.save(theme="gruvbox")  # already chosen: kept
        _adopt_database_choices(store, mine)
        assert mine.load() == {"language": "zh-CN", "theme": "gruvbox"}
    finally:
        store.close()
