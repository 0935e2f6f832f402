"""The weekly cycle: next meeting, carried items, must-resolve."""

MESSAGES = {
    "action {id} carried {count} times must be resolved: {text}":
        "行动项 {id} 已顺延 {count} 次，必须处理：{text}",
    "agenda item {id} carried {count} times must be resolved: {text}":
        "议题 {id} 已顺延 {count} 次，必须处理：{text}",
    "{title} (carried {count}x)": "{title}（顺延 {count} 次）",
    "Created meeting {id}: {title} ({start}); items carried over: {count}":
        "已创建会议 {id}：{title}（{start}）；顺延议题：{count}",
    "Already planned: meeting {id}: {title} ({start}); items carried over: {count}":
        "已安排：会议 {id}：{title}（{start}）；顺延议题：{count}",
    "Agenda item {id} dropped: {title}": "议题 {id} 已放弃：{title}",
    "Carried {count} times: it must be resolved now (done, new due date, dropped or escalated)":
        "已顺延 {count} 次：必须当场处理（完成、新截止日期、放弃或上报）",
    "Only an ended meeting's carried items can be dropped": "只有已结束会议的顺延议题才能放弃",
    "This item was finished in the meeting": "该议题已在会上完成",
    "Action carried {count} times, not resolved: {text}":
        "行动项已顺延 {count} 次，尚未处理：{text}",
    "Agenda item carried {count} times, not resolved: {text}":
        "议题已顺延 {count} 次，尚未处理：{text}",
    "Meeting {id} already recurs; its cadence is changed on its Plan screen":
        "会议 {id} 已是例会；请在其计划界面修改周期",
}
