"""The user folders on Linux: the XDG rule salestui applies itself gives exactly
platformdirs' answer, for set, blank, relative and missing values."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from salestui import paths

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the XDG rule is salestui's own on Linux only"
)

FOLDERS = [
    (paths.data_dir, platformdirs.user_data_dir, "XDG_DATA_HOME"),
    (paths.cache_dir, platformdirs.user_cache_dir, "XDG_CACHE_HOME"),
    (paths.config_dir, platformdirs.user_config_dir, "XDG_CONFIG_HOME"),
]
XDG_VALUES = [None, "", "   ", "/srv/xdg", "/srv/xdg/", "relative/xdg", "~/xdg", " /srv/xdg"]
HOMES = ["/home/ana", "/home/ana/", "/", None, "", "not/absolute"]


@pytest.mark.parametrize("home", HOMES)
def test_each_folder_is_platformdirs_answer(
    home: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SALESTUI_CACHE", raising=False)
    if home is None:
        monkeypatch.delenv("HOME", raising=False)
    else:
        monkeypatch.setenv("HOME", home)
    for ours, theirs, variable in FOLDERS:
        for value in XDG_VALUES:
            if value is None:
                monkeypatch.delenv(variable, raising=False)
            else:
                monkeypatch.setenv(variable, value)
            assert ours() == Path(theirs(paths.APP_NAME)), (variable, value, home)


def test_the_linux_rule_needs_no_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/ana")
    monkeypatch.setenv("XDG_CONFIG_HOME", "/srv/conf")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "")
    monkeypatch.delenv("SALESTUI_CACHE", raising=False)
    assert paths._linux_user_dir("XDG_CONFIG_HOME", "~/.config") == "/srv/conf/salestui"
    assert paths._linux_user_dir("XDG_DATA_HOME", "~/.local/share") == (
        "/home/ana/.local/share/salestui"
    )
    assert paths._linux_user_dir("XDG_CACHE_HOME", "~/.cache") == "/home/ana/.cache/salestui"
    monkeypatch.setenv("HOME", "relative")
    assert paths._linux_user_dir("XDG_DATA_HOME", "~/.local/share") is None  # platformdirs'


def test_the_cache_override_still_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SALESTUI_CACHE", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", "/srv/cache")
    assert paths.cache_dir() == tmp_path
