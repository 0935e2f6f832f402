"""Chinese output: SALESTUI_LANG=zh-CN and --lang zh-CN."""

from __future__ import annotations

from babel.messages.catalog import Catalog


def test_chinese_tables_and_errors(org) -> None:
    run = org
    run("actions", "add", "提交回款计划", "--owner", "王芳", "--due", "下周五").ok()
    run("actions", "add", "Old promise", "--owner", "Li", "--due", "2026-11-20").ok()

    table = run("actions", "list", SALESTUI_LANG="zh-CN").ok().out
    for expected in ("标题", "负责人", "截止", "逾期7天", "12月4日", "待办"):
        assert expected in table, expected
    shown = run("--lang", "zh-CN", "meeting", "show", "1").ok().out
    for expected in ("会议 1：周例会", "周例会", "目的", "主持人", "2026-11-30 09:00 周一"):
        assert expected in shown, expected

    added = run("actions", "add", "跟进", "--due", "月底", SALESTUI_LANG="zh-CN").ok().out
    assert added.strip() == "已添加行动项 3：跟进"

    error = run("actions", "add", "x", "--due", "某天", SALESTUI_LANG="zh-CN")
    line = error.assert_one_line_error(2)
    assert line.startswith("错误：无法识别的日期") and "某天" in line
    missing = run("--lang", "zh-CN", "meeting", "show", "99").assert_one_line_error(1)
    assert missing == "错误：没有编号为 99 的会议"
    # --lang wins over the environment.
    assert "Title" in run("--lang", "en", "actions", "list", SALESTUI_LANG="zh-CN").ok().out


def test_every_cli_message_has_a_chinese_translation(zh_catalog: Catalog) -> None:
    import ast
    from pathlib import Path

    import salestui
    from salestui.cli import common as cli_common
    from salestui.cli import people as cli_people

    package = Path(salestui.__file__).parent
    wanted: set[tuple[str | None, str]] = set()
    for source in sorted((package / "cli").glob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            literals = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if node.func.id in ("_", "N_") and literals and isinstance(literals[0], str):
                wanted.add((None, literals[0]))
    # Table values and the demo summary are translated in their vocabulary's context.
    for vocabulary, values in cli_common.VOCABULARIES.items():
        wanted.update((vocabulary, value) for value in values)
    wanted.update(("demo", key) for key in cli_people._DEMO_LABELS)
    assert len(wanted) > 80

    def translated(context: str | None, msgid: str) -> bool:
        message = zh_catalog.get(msgid, context=context)
        return bool(message and message.string and "fuzzy" not in message.flags)

    missing = sorted(str(key) for key in wanted if not translated(*key))
    assert missing == []


def test_table_values_read_in_the_language() -> None:
    """English shows the value typed on the command line; Chinese its translation."""
    from salestui.cli.common import label
    from salestui.i18n import set_language

    assert label("status", "in_progress") == "in_progress"
    set_language("zh-CN")
    assert label("status", "in_progress") == "进行中"
    assert label("demo", "people") == "people"  # not a table vocabulary
    assert label("role", "lead") == "组长"
    assert label("status", "no_such_status") == "no_such_status"
