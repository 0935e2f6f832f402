"""Chinese output: SALESTUI_LANG=zh-CN and --lang zh-CN."""

from __future__ import annotations


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


def test_every_cli_message_has_a_chinese_translation() -> None:
    import ast
    from pathlib import Path

    import salestui
    from salestui.cli import common as cli_common
    from salestui.locales.zh_CN import MESSAGES

    package = Path(salestui.__file__).parent
    wanted: set[str] = set()
    for source in sorted((package / "cli").glob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "N_")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                wanted.add(node.args[0].value)
    for vocabulary in cli_common._LABEL_IDS.values():
        wanted.update(vocabulary.values())
    from salestui.cli import people as cli_people

    wanted.update(cli_people._DEMO_LABELS.values())
    assert len(wanted) > 80
    missing = sorted(m for m in wanted if m not in MESSAGES)
    assert missing == []
