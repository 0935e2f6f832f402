"""zh-CN messages: planned vs actual time (issue 10 §4) - extensions kept apart from the plan."""

MESSAGES: dict[str, str] = {
    # salestui/cli_run.py
    "{item}: {planned} min planned, extended by {extended} - {timing}": (
        "{item}：计划 {planned} 分钟，延长 {extended} - {timing}"
    ),
    # salestui/tui/screens/confirm_summary.py
    "({minutes} min over the plan)": "（比计划多 {minutes} 分钟）",
    # salestui/core/export/minutes.py
    "Extended min": "延长分钟",
    "**Overrun:** {title} by {minutes} min (planned {planned}, extended by "
    "{extended}, actual {actual} min; {over_plan} min over the plan)": (
        "**超时：** {title} 超出 {minutes} 分钟（计划 {planned}，延长 {extended}，"
        "实际 {actual} 分钟；比计划多 {over_plan} 分钟）"
    ),
    "**Overrun:** {title} by {minutes} min (planned {planned}, extended by "
    "{extended}, actual {actual} min)": (
        "**超时：** {title} 超出 {minutes} 分钟（计划 {planned}，延长 {extended}，"
        "实际 {actual} 分钟）"
    ),
    "**Extended in the meeting:** {minutes} min": "**会中延长：** {minutes} 分钟",
    "An overrun counts from the planned time plus any extension.": (
        "超时从计划时间加上会中延长的时间算起。"
    ),
}
