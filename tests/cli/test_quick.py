"""The quick path of ``actions list`` (cli.quick) prints exactly what the full command line
prints, and leaves every run it is not sure of to it, having printed nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from salestui.cli import quick, settings_cache
from salestui.cli.app import run as full_run
from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.demo import generate_demo

NOW = datetime(2026, 11, 27, 8, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
Outcome = tuple[int, str, str]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo organisation plus 300 items; one item confidential, one without owner."""
    path = tmp_path_factory.mktemp("quick") / "demo.db"
    store = open_store(path)
    generate_demo(store, FixedClock(NOW), seed=5, scale=300)
    store.db.execute("UPDATE action_items SET confidential = 1 WHERE id = 3")
    store.db.execute("DELETE FROM action_owners WHERE action_id = 4")
    store.close()
    return path


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A run's environment: the fixed clock and a config file of the test's own."""
    monkeypatch.setenv("SALESTUI_NOW", NOW.isoformat())
    config = tmp_path / "config.toml"
    monkeypatch.setenv("SALESTUI_CONFIG", str(config))
    monkeypatch.setenv("SALESTUI_CACHE", str(tmp_path / "cache"))
    return config


def _full(capsys: pytest.CaptureFixture[str], args: list[str]) -> Outcome:
    capsys.readouterr()
    code = full_run(args)
    out, err = capsys.readouterr()
    return code, out, err


def _quick(capsys: pytest.CaptureFixture[str], args: list[str]) -> Outcome | None:
    capsys.readouterr()
    code = quick.answer(args)
    out, err = capsys.readouterr()
    if code is None:
        assert (out, err) == ("", ""), "a run left to the full command line printed"
        return None
    return code, out, err


def _same(capsys: pytest.CaptureFixture[str], args: list[str]) -> Outcome:
    full = _full(capsys, args)  # also records the settings for the quick path
    assert _quick(capsys, args) == full, args
    return full


def _people(db: Path) -> dict[str, object]:
    store = open_store(db)
    try:
        busiest = store.db.execute(
            "SELECT p.id, p.name FROM action_owners o JOIN people p ON p.id = o.person_id "
            "GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1"
        ).fetchone()
        chinese = store.db.execute(
            "SELECT p.id, p.name FROM people p WHERE p.name GLOB '*[一-龥]*' AND EXISTS "
            "(SELECT 1 FROM action_owners o WHERE o.person_id = p.id) ORDER BY p.id LIMIT 1"
        ).fetchone()
        meeting = store.db.execute(
            "SELECT meeting_id FROM action_items WHERE meeting_id IS NOT NULL LIMIT 1"
        ).fetchone()[0]
        tag = store.db.execute("SELECT tag FROM action_tags LIMIT 1").fetchone()
    finally:
        store.close()
    return {
        "id": str(busiest[0]),
        "name": busiest[1],
        "zh": chinese[1],
        "meeting": str(meeting),
        "tag": tag[0] if tag else "none",
    }


OPEN = ["--status", "open", "--status", "in_progress", "--status", "waiting", "--status", "blocked"]
CASES: list[Callable[[dict[str, object]], list[str]]] = [
    lambda p: [],
    lambda p: ["--limit", "0"],
    lambda p: ["--owner", str(p["id"]), *OPEN, "--limit", "0"],
    lambda p: ["--owner", str(p["name"]).upper()],
    lambda p: [f"--owner={p['zh']}", "--status", "done"],
    lambda p: ["--json"],
    lambda p: ["--json", "--limit", "3"],
    lambda p: ["--jsonl", "--limit", "4", "--priority", "1"],
    lambda p: ["--jsonl", "--owner", str(p["id"])],
    lambda p: ["--tag", f"#{p['tag']}", "--sort", "due"],
    lambda p: ["--meeting", str(p["meeting"]), "--limit", "0"],
    lambda p: ["--unassigned"],
    lambda p: ["--owner", str(p["id"]), "--unassigned"],  # nothing: "No action items found."
    lambda p: ["--overdue", "--json"],
    lambda p: ["--overdue", "--status", "waiting", "--status", "done", "--owner", str(p["id"])],
    lambda p: ["--overdue", "--status", "done"],  # none open asked for: the open ones
]


@pytest.mark.parametrize("case", range(len(CASES)))
def test_the_quick_path_prints_what_the_full_command_line_prints(
    capsys: pytest.CaptureFixture[str], env: Path, demo_db: Path, case: int
) -> None:
    args = CASES[case](_people(demo_db))
    code, out, err = _same(capsys, ["--db", str(demo_db), "actions", "list", *args])
    assert code == 0 and out


def test_in_chinese_under_a_warning_and_in_another_time_zone(
    capsys: pytest.CaptureFixture[str],
    env: Path,
    demo_db: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    env.write_text('colour = "blue"\n', encoding="utf-8")
    table = _same(capsys, ["--lang", "zh-CN", "--db", str(demo_db), "actions", "list"])
    assert "截止" in table[1] and "未知配置项：colour" in table[2]
    # The offset of each moment is the one of its own date (summer and winter time).
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    listing = _same(capsys, ["--db", str(demo_db), "actions", "list", "--json"])
    assert "-05:00" in listing[1] and "-04:00" in listing[1]


def test_a_claim_of_who_i_am_is_answered_when_it_names_someone_exactly(
    capsys: pytest.CaptureFixture[str], env: Path, demo_db: Path
) -> None:
    name = str(_people(demo_db)["name"])
    args = ["--me", name, "--db", str(demo_db), "actions", "list", "--limit", "2"]
    _same(capsys, args)
    fuzzy = ["--me", name[:3], "--db", str(demo_db), "actions", "list", "--limit", "2"]
    _full(capsys, fuzzy)
    assert _quick(capsys, fuzzy) is None  # the prefix rule decides: the full way


NOT_SURE = [
    ["--owner", "wf"],  # pinyin initials
    ["--owner", "Nobody at all"],
    ["--owner", "   "],
    ["--search", "回款"],
    ["--sort", "owner"],
    ["--due", "today"],
    ["--json", "--jsonl"],
    ["--limit", "-1"],
    ["--limit", "１"],
    ["--priority", "4"],
    ["--status", "Open"],
    ["--meeting", "999999"],
    ["--help"],
    ["--owner"],
    ["--limit", "1", "--limit", "2"],
]


@pytest.mark.parametrize("args", NOT_SURE, ids=[" ".join(a) for a in NOT_SURE])
def test_runs_it_is_not_sure_of_go_the_full_way(
    capsys: pytest.CaptureFixture[str], env: Path, demo_db: Path, args: list[str]
) -> None:
    _full(capsys, ["--db", str(demo_db), "actions", "list", "--limit", "1"])
    assert _quick(capsys, ["--db", str(demo_db), "actions", "list", *args]) is None


def test_settings_changed_since_the_last_full_run_go_the_full_way(
    capsys: pytest.CaptureFixture[str],
    env: Path,
    demo_db: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    args = ["--db", str(demo_db), "actions", "list", "--limit", "1"]
    assert _quick(capsys, args) is None  # nothing recorded yet
    _same(capsys, args)
    env.write_text('language = "zh-CN"\n', encoding="utf-8")  # a new config file
    assert _quick(capsys, args) is None
    assert "编号" in _same(capsys, args)[1]
    monkeypatch.setenv("SALESTUI_THEME", "textual-light")  # a setting in the environment
    assert _quick(capsys, args) is None
    _same(capsys, args)
    monkeypatch.setenv("SALESTUI_NOW", "not a time")
    assert _quick(capsys, args) is None
    monkeypatch.setenv("SALESTUI_NOW", NOW.isoformat())
    # The recorded settings, damaged: ignored, and written again by the next full run.
    place = tmp_path / "cache" / settings_cache.FILE_NAME
    place.write_text('{"entries": [{"key": 1, "values": {"language": "fr"}}]', encoding="utf-8")
    assert _quick(capsys, args) is None
    _same(capsys, args)


def test_a_file_the_full_open_would_act_on_goes_the_full_way(
    capsys: pytest.CaptureFixture[str], env: Path, demo_db: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.db"
    copy.write_bytes(demo_db.read_bytes())
    args = ["--db", str(copy), "actions", "list", "--limit", "1"]
    # Never checked in full (no stamp in its backup folder): the full open checks it.
    assert _quick(capsys, args) is None
    _same(capsys, args)
    os.chmod(copy, 0o444)  # read-only: the full way says so
    try:
        if not os.access(copy, os.W_OK):  # (root may write anyway)
            assert _quick(capsys, args) is None
    finally:
        os.chmod(copy, 0o644)
    for wrong in ("missing.db", "not-a-db.db"):
        (tmp_path / "not-a-db.db").write_text("hello", encoding="utf-8")
        wrong_args = ["--db", str(tmp_path / wrong), "actions", "list"]
        assert _quick(capsys, wrong_args) is None


def test_the_command_answers_without_the_heavy_libraries(
    env: Path, demo_db: Path, tmp_path: Path
) -> None:
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    args = ["--db", str(demo_db), "actions", "list", "--owner", "1", "--limit", "5"]
    full = subprocess.run(
        [sys.executable, "-m", "salestui", *args], capture_output=True, env=environment
    )
    probe = (
        "import sys\n"
        "from salestui.cli.quick import answer\n"
        "code = answer(sys.argv[1:])\n"
        "sys.stdout.flush()\n"
        "heavy = ('click', 'pydantic', 'pydantic_settings', 'sqlite_utils', 'textual',\n"
        "         'salestui.core.models', 'salestui.core.store.typed')\n"
        "print(code, sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    quick_run = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, env=environment
    )
    assert quick_run.stderr.decode().strip() == "0 []"
    assert quick_run.stdout == full.stdout and full.returncode == 0


def test_the_quick_path_s_constants_are_the_command_line_s() -> None:
    from salestui import personal
    from salestui.cli import common
    from salestui.core.models import OPEN_STATUSES

    assert quick.NOW_YEARS == common.NOW_YEARS
    assert quick.OPEN == tuple(s.value for s in OPEN_STATUSES)
    assert quick.MAX_INTEGER == common.SQLITE_MAX_INTEGER
    assert settings_cache.CHOICES_FILE == personal.FILE_NAME


def test_the_version_quickly(capsys: pytest.CaptureFixture[str], env: Path) -> None:
    from salestui import __version__

    assert _same(capsys, ["--version"]) == (0, f"salestui {__version__}\n", "")


def test_a_reader_that_goes_away_stops_the_listing_quietly(env: Path, demo_db: Path) -> None:
    """``salestui actions list | head -1``: the quick path ends as the full one does."""
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    base = [sys.executable, "-m", "salestui", "--db", str(demo_db), "actions", "list"]
    subprocess.run([*base, "--limit", "1"], capture_output=True, env=environment, check=True)
    codes = []
    for extra in (["--jsonl"], ["--jsonl", "--sort", "priority"]):  # quick, then full
        child = subprocess.Popen(
            [*base, *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment
        )
        assert child.stdout is not None and child.stderr is not None
        assert child.stdout.readline().startswith(b'{"id":')
        child.stdout.close()
        codes.append(child.wait(timeout=60))
        assert b"Traceback" not in child.stderr.read()
        child.stderr.close()
    assert codes[0] == codes[1]


def test_the_recorded_settings_follow_variables_in_any_case_and_keep_no_value(
    env: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    before = settings_cache.key(None)
    monkeypatch.setenv("salestui_language", "zh-CN")  # pydantic-settings reads it too
    assert settings_cache.key(None) != before
    monkeypatch.setenv("SALESTUI_MAIL_PASSWORD", "hunter2-secret")
    values = {"language": "en", "warnings": [], "config_me": None, "choices_me": None,
              "backup_dir": None, "backup_keep": 14}  # fmt: skip
    settings_cache.save(settings_cache.key(None), values)
    written = (tmp_path / "cache" / settings_cache.FILE_NAME).read_text(encoding="utf-8")
    assert "hunter2" not in written and settings_cache.load(settings_cache.key(None)) == values


def test_the_version_into_a_closed_or_gone_output(env: Path) -> None:
    command = [sys.executable, "-m", "salestui", "--version"]
    closed = subprocess.run(command, capture_output=False, stdout=subprocess.DEVNULL)
    assert closed.returncode == 0
    gone = subprocess.run(
        [*command[:3], "--version"], stdout=None, stderr=subprocess.PIPE, close_fds=True,
        pass_fds=(), preexec_fn=lambda: os.close(1),
    )  # fmt: skip
    assert gone.returncode == 0 and b"Traceback" not in gone.stderr
