"""A person's own choices (who I am, language, theme) live in their own file, never in the
shared database."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from salestui.personal import Personal


def test_choices_round_trip_privately(tmp_path: Path) -> None:
    mine = Personal(tmp_path / "chosen.toml")
    assert mine.load() == {}
    mine.save(me="王芳", language="zh-CN")
    mine.save(theme='no"rd\\')  # quotes and backslashes survive
    again = Personal(tmp_path / "chosen.toml")
    assert again.load() == {"me": "王芳", "language": "zh-CN", "theme": 'no"rd\\'}
    assert stat.S_IMODE((tmp_path / "chosen.toml").stat().st_mode) == 0o600
    again.save(language=None)  # forgotten
    assert "language" not in Personal(tmp_path / "chosen.toml").load()


def test_a_file_that_is_not_a_file_is_never_written(tmp_path: Path) -> None:
    pipe = tmp_path / "chosen.toml"
    os.mkfifo(pipe)
    mine = Personal(pipe)
    assert mine.load() == {}
    with pytest.raises(OSError):
        mine.save(me="王芳")
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


def test_a_damaged_file_counts_as_no_choices(tmp_path: Path) -> None:
    (tmp_path / "chosen.toml").write_text("me = [unclosed", encoding="utf-8")
    assert Personal(tmp_path / "chosen.toml").load() == {}
    (tmp_path / "chosen.toml").write_text('me = 3\nother = "x"\n', encoding="utf-8")
    assert Personal(tmp_path / "chosen.toml").load() == {}


def test_without_a_path_choices_stay_in_memory() -> None:
    mine = Personal(None)
    mine.save(me="Li Ming")
    assert mine.get("me") == "Li Ming"


def test_beside_the_config_file(tmp_path: Path) -> None:
    assert Personal.beside(tmp_path / "config.toml").path == tmp_path / "chosen.toml"
