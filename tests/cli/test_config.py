"""salestui config: the file's path, every value in force, and problems that never stop
the app (unknown keys and bad values fall back to the defaults)."""

from __future__ import annotations

from pathlib import Path


def test_without_a_file_every_value_is_a_default(run, tmp_path: Path, db: Path) -> None:
    shown, as_json = run.many(("config",), ("config", "--json"))
    lines = shown.ok().out.splitlines()
    assert lines[0] == f"Config file: {tmp_path / 'config.toml'}"
    assert "not there yet" in lines[1]
    assert 'theme                   = "textual-dark"  # default' in lines
    assert "default_meeting_minutes = 60  # default" in lines
    assert "language                = (not set)  # in use: en" in lines
    assert lines[-1] == f"Database: {db}"
    data = as_json.ok().json()
    assert data["path"] == str(tmp_path / "config.toml") and data["exists"] is False
    assert data["values"] == {
        "me": None,
        "language": None,
        "theme": "textual-dark",
        "default_meeting_minutes": 60,
        "export_dir": None,
        "speaking_threshold": 0.5,
    }
    assert set(data["sources"].values()) == {"default"} and data["warnings"] == []


def test_problems_are_warnings_and_defaults_are_used(org, tmp_path: Path) -> None:
    run = org  # 王芳 and Li Ming are people of the database: "me" is fine
    (tmp_path / "config.toml").write_text(
        'me = "王芳"\nlanguage = "zh-CN"\ntheme = "nord"\n'
        'default_meeting_minutes = "long"\nspeaking_threshold = 0.6\ncolour = "blue"\n',
        encoding="utf-8",
    )
    shown, as_json, listed = run.many(("config",), ("config", "--json"), ("people", "list"))
    # The file's language applies, so this is the Chinese output.
    assert shown.code == 0
    assert shown.err_lines == [
        "警告：配置项 default_meeting_minutes 的值无效：应为整数",
        "警告：未知配置项：colour",
    ]
    lines = shown.out.splitlines()
    assert lines[0] == f"配置文件：{tmp_path / 'config.toml'}"
    assert 'me                      = "王芳"  # 来自配置文件' in lines
    assert 'theme                   = "nord"  # 来自配置文件' in lines
    assert "default_meeting_minutes = 60  # 默认值" in lines
    assert "speaking_threshold      = 0.6  # 来自配置文件" in lines
    assert lines[-1] == "配置文件中有 2 处问题（见上方警告）；这些设置已改用默认值"
    data = as_json.json()
    assert data["exists"] is True and data["in_use"]["language"] == "zh-CN"
    assert data["values"]["default_meeting_minutes"] == 60
    assert data["sources"]["theme"] == "file"
    assert data["sources"]["default_meeting_minutes"] == "default"
    assert len(data["warnings"]) == 2
    # Every other command still works, with the same warnings.
    assert listed.code == 0 and len(listed.err_lines) == 2

    from_env = run("config", "--json", SALESTUI_ME="Li Ming").json()
    assert from_env["values"]["me"] == "Li Ming" and from_env["sources"]["me"] == "env"
    empty_env = run("config", "--json", SALESTUI_ME="").json()  # an empty one is no override
    assert empty_env["values"]["me"] == "王芳" and empty_env["sources"]["me"] == "file"

    (tmp_path / "config.toml").write_text("theme = [unclosed\n", encoding="utf-8")
    broken = run("config")
    assert broken.code == 0 and len(broken.err_lines) == 1
    assert broken.err_lines[0].startswith("Warning: Config file ")
    assert "using defaults" in broken.err_lines[0]


def test_types_ranges_and_environment_are_the_models(run, tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text(
        "default_meeting_minutes = 0\nspeaking_threshold = 2\nbackup_keep = true\n"
        'export_dir = 3\ntheme = "nord"\n',
        encoding="utf-8",
    )
    result = run(
        "config", "--json", SALESTUI_THEME="gruvbox", SALESTUI_DEFAULT_MEETING_MINUTES="45"
    )
    data = result.json()
    assert result.code == 0 and result.err_lines == [  # in the model's order of keys
        "Warning: Bad value for config key export_dir: expected text",
        "Warning: Bad value for config key speaking_threshold: must be at most 1.0",
        "Warning: Bad value for config key backup_keep: expected a whole number",
    ]
    # The environment beats the file (and so hides the file's bad 0).
    assert data["values"]["theme"] == "gruvbox" and data["sources"]["theme"] == "env"
    assert data["values"]["default_meeting_minutes"] == 45
    assert data["values"]["speaking_threshold"] == 0.5
    shown = run("config", SALESTUI_DEFAULT_MEETING_MINUTES="forever").out
    assert "default_meeting_minutes = 60  # default" in shown
    assert 'theme                   = "nord"  # from the file' in shown
    bad_env = run("config", SALESTUI_DEFAULT_MEETING_MINUTES="forever")
    assert bad_env.code == 0 and "Traceback" not in bad_env.err
    assert (
        "Warning: Bad value for config key default_meeting_minutes: expected a whole number"
        in bad_env.err_lines
    )
    env_me = run("config", SALESTUI_ME="Li Ming").out
    assert 'me                      = "Li Ming"  # from $SALESTUI_ME' in env_me


def test_config_flags_a_bad_theme_and_an_unknown_me(org, tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('me = "Nobody"\ntheme = "neon"\n', encoding="utf-8")
    result = org("config")
    assert result.code == 0 and "Traceback" not in result.err
    assert result.err_lines == [
        "Warning: Unknown theme neon; using the default",
        'Warning: me = "Nobody" names nobody in the database; Home shows no actions of mine',
    ]
    assert result.out.splitlines()[-1].startswith("2 problems in the config file")
    assert len(org("config", "--json").json()["warnings"]) == 2
    (tmp_path / "config.toml").write_text('me = "王芳"\ntheme = "nord"\n', encoding="utf-8")
    fine = org("config")
    assert fine.code == 0 and fine.err_lines == []
    # Without a database there is nobody to check "me" against, and none is created.
    (tmp_path / "config.toml").write_text('me = "Nobody"\n', encoding="utf-8")
    missing = org("config", db_path=tmp_path / "none.db")
    assert missing.code == 0 and missing.err_lines == []
    assert not (tmp_path / "none.db").exists()


def test_a_bad_keymap_entry_is_one_warning(run, tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text(
        '[keymap]\n"app.meetings" = "ctrl+e"\n"app.actions" = "ctrl a"\n"app.help" = 5\n',
        encoding="utf-8",
    )
    result = run("config")
    assert result.code == 0
    assert result.err_lines == [
        'Warning: Bad key "ctrl a" for app.actions in [keymap]; its default key is kept',
        "Warning: Bad key 5 for app.help in [keymap]; its default key is kept",
    ]
