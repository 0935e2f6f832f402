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


def test_problems_are_warnings_and_defaults_are_used(run, tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text(
        'me = "王芳"\nlanguage = "zh-CN"\ntheme = "nord"\n'
        'default_meeting_minutes = "long"\nspeaking_threshold = 0.6\ncolour = "blue"\n',
        encoding="utf-8",
    )
    shown, as_json, listed = run.many(("config",), ("config", "--json"), ("people", "list"))
    # The file's language applies, so this is the Chinese output.
    assert shown.code == 0
    assert shown.err_lines == [
        "警告：配置项 default_meeting_minutes 的值无效",
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

    (tmp_path / "config.toml").write_text("theme = [unclosed\n", encoding="utf-8")
    broken = run("config")
    assert broken.code == 0 and len(broken.err_lines) == 1
    assert broken.err_lines[0].startswith("Warning: Config file ")
    assert "using defaults" in broken.err_lines[0]
