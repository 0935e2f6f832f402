"""zh-CN messages: ``salestui run``, ``salestui export`` and ``salestui config``
(salestui/cli_run*.py, cli_export.py, cli_config.py)."""

MESSAGES: dict[str, str] = {
    # run: starting and moving along the agenda
    "Started meeting {id}: {title} at {time}": "会议 {id}「{title}」已于 {time} 开始",
    "{text} ({minutes} min late)": "{text}（迟了 {minutes} 分钟）",
    "{count} previous actions to review: salestui run review {id}": (
        "有 {count} 项以往行动项待检查：salestui run review {id}"
    ),
    "Finished {item} - {timing}": "已完成 {item} - {timing}",
    "Paused {item} - {timing}": "已暂停 {item} - {timing}",
    "Skipped {item} - {timing}": "已跳过 {item} - {timing}",
    "Parked {item} - {timing}": "已搁置 {item} - {timing}",
    "Now: {item} - {timing}": "当前：{item} - {timing}",
    "No item is running; the agenda is done. End with: salestui run end {id}": (
        "没有进行中的议题，议程已走完。结束会议：salestui run end {id}"
    ),
    "{number}. {title}": "{number}. {title}",
    "{item} ({presenter})": "{item}（{presenter}）",
    "{elapsed} of {planned} min, {left} left": "已用 {elapsed}（限 {planned} 分钟），剩 {left}",
    "{elapsed} of {planned} min, over by {over}": (
        "已用 {elapsed}（限 {planned} 分钟），超时 {over}"
    ),
    # run status
    "Not started (scheduled {time})": "尚未开始（计划 {time}）",
    "Meeting {elapsed}": "会议已进行 {elapsed}",
    "started {time}": "{time} 开始",
    "ended {time}": "{time} 结束",
    "planned end {time}": "计划 {time} 结束",
    "projected end {time}": "预计 {time} 结束",
    "{text} (+{minutes} min)": "{text}（+{minutes} 分钟）",
    "{elapsed} (over by {over})": "{elapsed}（超时 {over}）",
    "Attendance: {names}": "出席：{names}",
    "Speaking: {shares}": "发言：{shares}",
    "{name} has held {share}% of the speaking time; let others speak": (
        "{name} 的发言已占 {share}%，请让其他人也发言"
    ),
    # run attend / speak
    "{name}: {status}": "{name}：{status}",
    "{text} (arrived {time})": "{text}（{time} 到）",
    "Speaking now: {name}": "正在发言：{name}",
    "Nobody is speaking": "无人发言",
    # run capture / entries
    "Saved entry {id}: {preview}": "已保存记录 {id}：{preview}",
    "decision {id}": "决定 {id}",
    "action {id}": "行动项 {id}",
    "new agenda item: {title}": "新议题：{title}",
    "Nothing captured yet.": "还没有任何记录。",
    "Text": "内容",
    "{kind} (deleted)": "{kind}（已删除）",
    # run end / confirm
    "Ended meeting {id}: {title} at {time} ({actual} of {planned} min)": (
        "会议 {id}「{title}」已于 {time} 结束（用时 {actual} 分钟，计划 {planned} 分钟）"
    ),
    "Still to settle before confirming ({count}):": "确认前还需处理（{count} 项）：",
    "Nothing left to settle. Confirm with: salestui run confirm {id}": (
        "没有待处理事项。确认会议：salestui run confirm {id}"
    ),
    "decision {id} not confirmed: {text}": "决定 {id} 尚未确认：{text}",
    "action {id} has no owner: {text}": "行动项 {id} 没有负责人：{text}",
    "action {id} has no due date: {text}": "行动项 {id} 没有截止日期：{text}",
    "parked entry {id} not resolved: {text}": "暂缓事项 {id} 尚未处理：{text}",
    "Meeting {id} cannot be confirmed yet: {count} open questions (listed above)": (
        "会议 {id} 还不能确认：尚有 {count} 项未处理（见上）"
    ),
    "Confirmed meeting {id}: {title}": "已确认会议 {id}：{title}",
    "Time: {actual} of {planned} min": "用时：{actual} 分钟（计划 {planned} 分钟）",
    "Overrun: {title} by {minutes} min": "超时：{title} 超出 {minutes} 分钟",
    "Decisions: {confirmed} confirmed, {rejected} rejected": (
        "决定：{confirmed} 项确认，{rejected} 项否决"
    ),
    "Actions: {count} ({unassigned} unassigned)": "行动项：{count} 项（{unassigned} 项未指派）",
    "Required but absent: {names}": "必须出席但缺席：{names}",
    "Minutes: salestui export minutes {id} -o FILE": (
        "导出会议纪要：salestui export minutes {id} -o 文件名"
    ),
    "Decision {id} ({status}): {text}": "决定 {id}（{status}）：{text}",
    "Action {id}: {title} - owner: {owners}; due: {due}": (
        "行动项 {id}：{title} - 负责人：{owners}；截止：{due}"
    ),
    "--owner and --unassigned cannot be used together": "--owner 和 --unassigned 不能同时使用",
    "Nothing to settle: give --owner, --due or --unassigned": (
        "没有要处理的内容：请给出 --owner、--due 或 --unassigned"
    ),
    "--owner and --due go with 'action'": "--owner 和 --due 只能与 'action' 一起使用",
    "Parked entry {id}: {outcome}": "暂缓事项 {id}：{outcome}",
    # run review
    "No previous actions to review.": "没有需要检查的以往行动项。",
    "Give the outcome after the action id: {choices}": "请在行动项编号后给出检查结果：{choices}",
    "--due goes with the outcome new_due": "--due 只能与检查结果 new_due 一起使用",
    "Reviewed action {id} ({outcome}): {title}": "已检查行动项 {id}（{outcome}）：{title}",
    # export
    "Wrote {path}": "已写入 {path}",
    "Wrote {count} files to {folder}": "已向 {folder} 写入 {count} 个文件",
    "Agenda of meeting {id} marked as circulated at {time}": (
        "会议 {id} 的议程已标记为于 {time} 发出"
    ),
    "--owner and --team cannot be used together": "--owner 和 --team 不能同时使用",
    # config
    "Config file: {path}": "配置文件：{path}",
    "  (not there yet: every setting is its default; create it to change them)": (
        "  （文件尚不存在：所有设置均为默认值；创建该文件即可修改）"
    ),
    "(not set)": "（未设置）",
    "from the file": "来自配置文件",
    "default": "默认值",
    "from ${variable}": "来自 ${variable}",
    "in use: {value}": "实际使用：{value}",
    "Database: {path}": "数据库：{path}",
    "{count} problems in the config file (warnings above); defaults used for them": (
        "配置文件中有 {count} 处问题（见上方警告）；这些设置已改用默认值"
    ),
    "--due-before cannot be combined with --due, --series or --sort":
        "--due-before 不能与 --due、--series 或 --sort 一起使用",
}
