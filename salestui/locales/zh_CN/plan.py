"""zh-CN messages: the Plan screen (meeting form, attendees, agenda builder, templates,
recurring series, agenda preview and circulation) and the person picker."""

MESSAGES: dict[str, str] = {
    # salestui/tui/screens/plan.py
    "Plan meeting": "会议计划",
    "Details": "基本信息",
    "Template": "模板",
    "Undo": "撤销",
    "Circulate": "发送议程",
    "Recurring": "设为例会",
    "Next meeting": "下次会议",
    "not saved yet": "尚未保存",
    "unsaved changes": "有未保存的修改",
    "ctrl+t: use its template": "ctrl+t：使用该类型的模板",
    "Meeting created": "会议已创建",
    "Meeting saved": "会议已保存",
    "Not saved: {problem}": "未保存：{problem}",
    "Unsaved changes: ctrl+s saves them, escape again leaves without saving": (
        "有未保存的修改：ctrl+s 保存，再按 Esc 放弃修改并离开"
    ),
    "{count} invited · {hours} person-hours": "邀请 {count} 人 · {hours} 人时",
    "Undone: {what}": "已撤销：{what}",
    "{what} - ctrl+z to undo": "{what} - 按 ctrl+z 撤销",
    "Next meeting created for {when}; items carried over: {count}": (
        "已创建下次会议（{when}）；延续的议题：{count} 个"
    ),
    "Template {name}: {count} item, added when you save (ctrl+s)": (
        "模板 {name}：{count} 个议题，保存时添加（ctrl+s）"
    ),
    "Added {count} item from {name}": "已从 {name} 添加 {count} 个议题",
    "{cadence}: attendees and agenda saved as the series' defaults": (
        "{cadence}：参会人员和议程已存为例会的默认设置"
    ),
    # plan_data.py / plan_form.py: the meeting form
    "The database could not be used: {reason}": "无法使用数据库：{reason}",
    "A meeting needs a title": "会议需要标题",
    "A meeting needs a purpose: why meet at all?": "会议必须有目的：为什么要开这个会？",
    "Type a whole number of minutes": "请输入整数分钟",
    "At most {max} characters": "最多 {max} 个字符",
    "Between 1 and {max} minutes": "须在 1 到 {max} 分钟之间",
    "This meeting has ended; it can no longer be planned": "会议已结束，不能再修改计划",
    "{date} {time}": "{date} {time}",
    "Agenda {total} / {length} min": "议程 {total} / {length} 分钟",
    "Agenda {total} min": "议程 {total} 分钟",
    "Agenda {total} / {length} min - {over} min over": (
        "议程 {total} / {length} 分钟 - 超出 {over} 分钟"
    ),
    "carried from {date} (x{count})": "自 {date} 延续（×{count}）",
    "standing": "固定议题",
    "e.g. 周例会 第48周": "例如：周例会 第48周",
    "Why meet? What must be decided?": "为什么开会？要决定什么？",
    "name, prefix or pinyin initials": "姓名、前缀或拼音首字母",
    "明天 9:00, mon 14:30, 2026-12-07 09:30": "明天 9:00、周一 14:30、2026-12-07 09:30",
    "Length (min)": "时长（分钟）",
    "minutes, e.g. 60": "分钟数，例如 60",
    "room, city or link": "会议室、城市或链接",
    "not understood": "无法识别",
    "in the past": "已过去",
    "{hours} h {minutes} min": "{hours} 小时 {minutes} 分钟",
    "{hours} h": "{hours} 小时",
    # plan_attendees.py and the person picker
    "required": "必须出席",
    "optional": "可选出席",
    "Required/optional": "必须/可选",
    "Remove": "移除",
    "New person": "新建人员",
    "Invite": "邀请",
    "Attends": "出席",
    "Removed {name}": "已移除 {name}",
    "Type a name, prefix or pinyin initials (wf = 王芳), then enter": (
        "输入姓名、前缀或拼音首字母（wf = 王芳），再按回车"
    ),
    "No one matches {name}. ctrl+n adds a new person.": "没有人匹配 {name}。按 ctrl+n 新建人员。",
    "Invited {name} ({attends})": "已邀请 {name}（{attends}）",
    "Adding people from here is not available yet": "暂时不能在这里新建人员",
    "Next match": "下一个匹配",
    "Previous match": "上一个匹配",
    "No one matches {name}": "没有人匹配 {name}",
    # plan_agenda.py and plan_item.py
    "First row": "第一行",
    "Last row": "最后一行",
    "Add item": "添加议题",
    "Delete": "删除",
    "Move up/down": "上移/下移",
    "Move down": "下移",
    "Origin": "来源",
    "from template, added when saved": "来自模板，保存时添加",
    "No agenda items yet. + adds one; ctrl+t starts from a template.": (
        "还没有议题。按 + 添加；按 ctrl+t 从模板开始。"
    ),
    "Deleted {title}": "已删除 {title}",
    "Add agenda item": "添加议题",
    "Edit agenda item": "编辑议题",
    "enter saves · escape cancels": "回车保存 · Esc 取消",
    "An agenda item needs a title": "议题需要标题",
    # plan_template.py
    "Start from a template": "从模板开始",
    "enter uses it · escape cancels": "回车使用 · Esc 取消",
    "Use template": "使用模板",
    "Update from this meeting": "用本次会议更新模板",
    "No templates.": "没有模板。",
    "This meeting has no agenda to copy yet": "本次会议还没有可复制的议程",
    "Template {name} now follows this meeting": "模板 {name} 已按本次会议更新",
    "{kind} · {minutes} min · {count} items": "{kind} · {minutes} 分钟 · {count} 项",
    "{minutes} min, {kind}": "{minutes} 分钟，{kind}",
    # plan_recurring.py
    "Make recurring": "设为例会",
    "enter chooses · escape cancels": "回车选择 · Esc 取消",
    "Every working day": "每个工作日",
    "Every week": "每周",
    "Every two weeks": "每两周",
    "Every month": "每月",
    "This meeting's attendees and agenda become the series' defaults. "
    "Choose again after changing them to update the defaults.": (
        "本次会议的参会人员和议程将成为例会的默认设置。修改后再选一次即可更新默认设置。"
    ),
    # plan_preview.py
    "Agenda preview": "议程预览",
    "w write to file · c mark circulated · escape close": "w 写入文件 · c 标记已发出 · Esc 关闭",
    "Write to file": "写入文件",
    "Mark circulated": "标记为已发出",
    "Agenda circulated {when}": "议程已于 {when} 发出",
    "Agenda not circulated yet": "议程尚未发出",
    "circulated {when}": "已发议程 {when}",
    "File": "文件",
    "Enter writes the file; escape goes back to the preview.": "回车写入文件；Esc 返回预览。",
    "Type the file to write": "请输入要写入的文件",
    "{path} already exists. Enter again replaces it; escape keeps it.": (
        "{path} 已存在。再按回车替换；按 Esc 保留原文件。"
    ),
    "Written to {path}. c marks the agenda circulated.": "已写入 {path}。按 c 标记议程已发出。",
    "Agenda written to {path}": "议程已写入 {path}",
    "Run meeting": "主持会议",
    # Leaving a new meeting that is not saved yet.
    "Discard the new meeting {title}?": "放弃新会议“{title}”吗？",
    "Discard this new meeting?": "放弃这个新会议吗？",
    "Nothing of it is saved yet: n keeps editing, then ctrl+s saves it.": (
        "它还没有保存：按 n 继续编辑，再按 ctrl+s 保存。"
    ),
}
