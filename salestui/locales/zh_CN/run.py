"""zh-CN messages: the live console (run), the confirmation step and its summary."""

MESSAGES: dict[str, str] = {
    # salestui/tui/screens/run.py: title and keys
    "Live meeting": "会议进行中",
    "Start meeting": "开始会议",
    "Next": "下一项",
    "Previous": "上一项",
    "+5 min": "+5 分钟",
    "-5 min": "-5 分钟",
    "Skip": "跳过",
    "Park": "搁置",
    "End meeting": "结束会议",
    "Review": "检查行动项",
    "Line / entries": "输入行 / 记录列表",
    "Who speaks": "谁在发言",
    "Speaker 1-9 (off the line)": "发言人 1-9 号（离开输入行时）",
    # salestui/tui/screens/run_speaker.py
    "Cancel": "取消",
    "Who is speaking?": "谁在发言？",
    "1-9 · 0 nobody · Esc cancels": "1-9 · 0 无人 · Esc 取消",
    "Nobody speaking": "无人发言",
    "{count}, the last {shown} shown": "{count}，显示最近 {shown} 条",
    "Entries outside the agenda ({count})": "议程之外的记录（{count}）",
    "Entries on {number}. {item} ({count})": "{number}. {item} 的记录（{count}）",
    "Nothing captured on this item yet. Type below; Enter saves.": (
        "本议题还没有记录。在下方输入，按 Enter 保存。"
    ),
    "Agenda ({count}) · F2": "议程（{count}）· F2",
    "Attendance (* required) · F3": "出席（* 必须出席）· F3",
    "{count} previous action not reviewed yet: F4 reviews it": (
        "还有 {count} 个以前的行动项未检查：按 F4 检查"
    ),
    # salestui/tui/screens/run_actions.py
    "End the meeting now?": "现在结束会议吗？",
    "The actual end is recorded and the confirmation of decisions and actions follows.": (
        "将记录实际结束时间，然后逐项确认决定和行动项。"
    ),
    "Item skipped (ctrl+b goes back)": "已跳过该议题（ctrl+b 返回）",
    "Item parked (ctrl+b goes back)": "已搁置该议题（ctrl+b 返回）",
    "Entry deleted · ctrl+z brings it back": "记录已删除 · ctrl+z 恢复",
    "The meeting was ended elsewhere": "会议已在别处结束",
    "Nothing to undo": "没有可撤销的修改",
    "No previous actions to review": "没有需要检查的以前行动项",
    "A new agenda item is changed on the agenda, not here": "新议题请在议程中修改，不在这里",
    "Started at {time}, {minutes} min late": "{time} 开始，推迟 {minutes} 分钟",
    "Started at {time}": "{time} 开始",
    "No one has the number {number}": "没有 {number} 号发言人",
    "New agenda item after this one: {title}": "已在当前议题后新增议题：{title}",
    # salestui/tui/screens/run_clock.py
    "Not started": "未开始",
    "Not started · scheduled {time}": "未开始 · 计划 {time}",
    "{elapsed} elapsed": "已进行 {elapsed}",
    "end {time} planned": "计划 {time} 结束",
    "{time} projected": "预计 {time}",
    ", ": "，",
    "{text} (+{minutes})": "{text}（+{minutes}）",
    "{minutes} min late": "推迟 {minutes} 分钟",
    # salestui/tui/screens/run_prompt.py
    "Yes": "是",
    "No": "否",
    "y / Enter: yes · n / Esc: no": "y / Enter：是 · n / Esc：否",
    # salestui/tui/screens/run_review.py
    "Still open: where does it stand? (Enter saves, Esc cancels)": (
        "仍未完成：进展如何？（Enter 保存，Esc 取消）"
    ),
    "New due date, then a note if you like: 下周五 客户推迟 / fri waiting for legal": (
        "新的截止日期，可在后面加说明：下周五 客户推迟"
    ),
    "Drop it: why? (optional; Enter drops it, Esc cancels)": (
        "放弃：原因？（可不填；Enter 放弃，Esc 取消）"
    ),
    "Escalate to {name}: a note for them (optional; Enter escalates)": (
        "上报给 {name}：给上级的说明（可不填；Enter 上报）"
    ),
    "Marked done: {title}": "已完成：{title}",
    "Still open: {title}": "仍未完成：{title}",
    "New due date {due}: {title}": "新截止日期 {due}：{title}",
    "Dropped: {title}": "已放弃：{title}",
    "Escalated to {name}: {title}": "已上报给 {name}：{title}",
    "Done": "已完成",
    "Still open": "仍未完成",
    "New date": "新日期",
    "Drop": "放弃",
    "Escalate": "上报",
    "To the agenda": "进入议程",
    "Cancel / to the agenda": "取消 / 进入议程",
    "Carried": "顺延",
    "Say where it stands, or press Esc": "请说明进展，或按 Esc",
    "Review of previous actions: {left} to go, {done} reviewed": (
        "检查以前的行动项：还剩 {left} 项，已检查 {done} 项"
    ),
    "Carried {n} times: give it a new date (n), or mark it done, drop or escalate it.": (
        "已顺延 {n} 次：请给出新日期（n），或标为完成、放弃、上报。"
    ),
    "The new due date is in the past": "新的截止日期已经过去",
    "{n} · must resolve": "{n} · 必须解决",
    "From {meeting}": "来自 {meeting}",
    "Carried {n} times: it must be resolved now - done, a new date, dropped or escalated.": (
        "已顺延 {n} 次：现在必须解决——完成、改期、放弃或上报。"
    ),
    # salestui/tui/screens/run_start.py
    "Press s to start the meeting now (warnings or not); Esc goes back.": (
        "按 s 立即开始会议（无论是否有警告）；按 Esc 返回。"
    ),
    "Attendance (* required) · p present · l late · a absent · e excused": (
        "出席（* 必须出席）· p 出席 · l 迟到 · a 缺席 · e 请假"
    ),
    "Scheduled {time} · {minutes} min": "计划 {time} · {minutes} 分钟",
    "{count} warning. {hint}": "{count} 条警告。{hint}",
    "{line} · starting now is {minutes} min late": "{line} · 现在开始将推迟 {minutes} 分钟",
    "Not scheduled · {minutes} min": "未定时间 · {minutes} 分钟",
    # salestui/tui/screens/run_tables.py
    "not started": "未开始",
    "not marked": "未签到",
    "Go to this item": "转到该议题",
    "Edit": "编辑",
    "Delete": "删除",
    "Make action": "转为行动项",
    "→ decision": "→决定",
    "→ action": "→行动项",
    "→ note": "→记录",
    "Entry": "记录",
    "chair": "主持",
    "Speaking": "发言",
    # salestui/tui/widgets/capture_line.py
    "Edit the words · Enter saves · Esc cancels · /d /a /n … captures anew": (
        "修改文字 · Enter 保存 · Esc 取消 · 以 /d /a /n … 开头则重新记录"
    ),
    "Type a note · /d decision · /a action · /p park · /t new item · /l link": (
        "输入记录 · /d 决定 · /a 行动项 · /p 暂缓 · /t 新议题 · /l 链接"
    ),
    "Enter saves to the current item · F1 all keys": "Enter 保存到当前议题 · F1 查看全部按键",
    "saved {time}": "已保存 {time}",
    # salestui/tui/widgets/speaking.py
    "{name} holds {share}% of the speaking time (limit {limit}%): let others speak": (
        "{name} 占用了 {share}% 的发言时间（上限 {limit}%）：请让其他人发言"
    ),
    "Speaking: {name}": "正在发言：{name}",
    # salestui/tui/widgets/timer.py
    "{time} left": "剩余 {time}",
    "{time} over": "超时 {time}",
    "{time} left · past 80%": "剩余 {time} · 已过 80%",
    "{elapsed} of {planned} min": "已用 {elapsed} / {planned} 分钟",
    "No item running": "没有进行中的议题",
    "ctrl+n starts the next pending item; ctrl+f ends the meeting": (
        "ctrl+n 开始下一个未进行的议题；ctrl+f 结束会议"
    ),
    # salestui/tui/screens/confirm.py
    "Confirm the meeting": "确认会议结果",
    "Finish": "完成确认",
    "New wording of the decision (Enter saves, Esc cancels)": (
        "决定的新措辞（Enter 保存，Esc 取消）"
    ),
    "Owners, separated by commas: 王芳, Li Ming (Enter saves, Esc cancels)": (
        "负责人，用逗号分隔：王芳，李明（Enter 保存，Esc 取消）"
    ),
    "Due date: fri, 下周五, 12/5, 2026-12-05 (Enter saves, Esc cancels)": (
        "截止日期：周五、下周五、12月5日、2026-12-05（Enter 保存，Esc 取消）"
    ),
    "Owners of the new action, or nothing for now (Enter saves, Esc cancels)": (
        "新行动项的负责人，可暂不填（Enter 保存，Esc 取消）"
    ),
    "The meeting has ended. Go through what was decided with the room, then ctrl+f finishes.": (
        "会议已结束。请与参会者逐项确认决定，然后按 ctrl+f 完成。"
    ),
    "Decisions ({count}) · c confirm · x reject · e edit": (
        "决定（{count}）· c 确认 · x 否决 · e 修改"
    ),
    "Actions ({count}) · o owners · d due date · u leave unassigned": (
        "行动项（{count}）· o 负责人 · d 截止日期 · u 暂不指派"
    ),
    "Parking lot ({count}) · n next meeting · a action · x drop": (
        "暂缓事项（{count}）· n 转下次会议 · a 转为行动项 · x 放弃"
    ),
    "This meeting is already confirmed.": "这次会议已经确认。",
    "This meeting has not ended yet.": "这次会议还没有结束。",
    "Everything is answered: ctrl+f confirms the meeting.": "全部处理完毕：按 ctrl+f 确认会议。",
    "Left unassigned on purpose": "已确认暂不指派",
    "{count} still open before the meeting can be confirmed:": "确认会议前还有 {count} 项未处理：",
    "Give a date, or press Esc": "请给出日期，或按 Esc",
    "This one is already an action: settle it in the actions list": (
        "该事项已转为行动项：请在行动项列表中处理"
    ),
    "The due date is in the past": "截止日期已经过去",
    # salestui/tui/screens/confirm_tables.py
    "to confirm": "待确认",
    "to decide": "待处理",
    "ready": "已就绪",
    "left unassigned": "暂不指派",
    "needs an owner": "需要负责人",
    "needs a due date": "需要截止日期",
    "Confirm": "确认",
    "Reject": "否决",
    "Edit text": "修改措辞",
    "Due date": "截止日期",
    "Leave unassigned": "暂不指派",
    "Next meeting": "下次会议",
    "Name at least one owner, or press u to leave it unassigned": (
        "请至少指定一位负责人，或按 u 暂不指派"
    ),
    "State": "状态",
    "What becomes of it": "处理方式",
    # salestui/tui/screens/confirm_summary.py
    "Meeting summary": "会议小结",
    "Export minutes": "导出会议纪要",
    "Meeting confirmed: {title}": "会议已确认：{title}",
    "Planned {planned}, actual {actual}": "计划 {planned}，实际 {actual}",
    "({minutes} min over)": "（超时 {minutes} 分钟）",
    "started {minutes} min late": "推迟 {minutes} 分钟开始",
    "Decisions ({count})": "决定（{count}）",
    "({status})": "（{status}）",
    "Actions ({count})": "行动项（{count}）",
    "{owners}, due {due}, {priority}": "{owners}，截止 {due}，{priority}",
    "Absent though required: {names}": "必须出席但缺席：{names}",
    "Everyone required was there.": "必须出席的人都到了。",
    "The minutes preview is not available yet": "会议纪要预览暂不可用",
    # Textual's own Input keys, listed in the help of the capture line
    "Move cursor left": "光标左移",
    "Move cursor left and select": "向左选择",
    "Move cursor left a word": "光标左移一个词",
    "Move cursor left a word and select": "向左选择一个词",
    "Move cursor right or accept the completion suggestion": "光标右移或接受补全建议",
    "Move cursor right and select": "向右选择",
    "Move cursor right a word": "光标右移一个词",
    "Move cursor right a word and select": "向右选择一个词",
    "Delete character left": "删除左侧字符",
    "Select all": "全选",
    "Go to start": "移到行首",
    "Go to end": "移到行尾",
    "Select line start": "选到行首",
    "Select line end": "选到行尾",
    "Delete character right": "删除右侧字符",
    "Submit": "提交",
    "Delete left to start of word": "删除到词首",
    "Delete all to the left": "删除左侧全部内容",
    "Delete right to start of word": "删除到下一个词首",
    "Delete all to the right": "删除右侧全部内容",
    "Cut selected text": "剪切所选文字",
    "Paste text from the clipboard": "从剪贴板粘贴",
    "Delete…": "删除…",
    "First entry": "第一条",
    "Last entry": "最后一条",
    "Delete this entry?": "删除这条记录？",
    "Now a decision · ctrl+z undoes": "已转为决定 · ctrl+z 撤销",
    "Now an action · ctrl+z undoes": "已转为行动项 · ctrl+z 撤销",
    "Now a note · ctrl+z undoes": "已转为记录 · ctrl+z 撤销",
    # The compact strip of a narrow console.
    "Now {number}/{count}": "当前 {number}/{count}",
    "Next: nothing left": "下一项：无",
    "Next: {number}. {title} ({minutes} min)": "下一项：{number}. {title}（{minutes} 分钟）",
    "Present {count}/{total}: {names}": "在场 {count}/{total}：{names}",
    "Not here: {names}": "不在场：{names}",
}
