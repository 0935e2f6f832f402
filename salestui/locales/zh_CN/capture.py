"""zh-CN messages: capture."""

MESSAGES: dict[str, str] = {
    # salestui/core/names.py
    "No name given": "没有给出名字",
    "No one is called {name}": "没有叫 {name} 的人",
    "{name} is ambiguous: {candidates}": "{name} 对应多人：{candidates}",
    "{names} and {count} more": "{names} 等另外 {count} 人",
    "{first}, {second}": "{first}、{second}",
    # salestui/core/capture.py: errors
    "Unknown command {command}. Commands: {commands}": "未知命令 {command}。可用命令：{commands}",
    "Close the quote after @": "@ 后面的引号没有闭合",
    "Give a date after due:": "due: 后面需要一个日期",
    "Unknown due date: {text}": "无法识别的截止日期：{text}",
    "Two priorities: p{first} and p{second}": "给了两个优先级：P{first} 和 P{second}",
    "Two different due dates: {dates}": "给了两个不同的截止日期：{dates}",
    "An action needs a title": "行动项需要标题",
    "A new agenda item needs a title": "新议程项需要标题",
    "Nothing to capture": "没有可记录的内容",
    # salestui/core/capture.py: the live preview (weekday/month names are in dates.py)
    "Note": "记录",
    "Decision (proposed)": "决定（待确认）",
    "Link": "链接",
    "Parking lot": "暂缓事项",
    "New agenda item": "新议程项",
    "Unassigned": "未指派",
    "Action -> {owners}": "行动 -> {owners}",
    "{preview}, due {date}": "{preview}，截止 {date}",
    "{preview}, p{priority}": "{preview}，P{priority}",
    "{preview}, {tags}": "{preview}，{tags}",
}
