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
    "Plan the meeting after this one (or the latest held): what it left open is carried over":
        "安排本次（或最近一次已开）会议之后的下次会议：未完成的议题自动顺延",
    "The next meeting is already planned for {when}; items carried over: {count}":
        "下次会议已安排在 {when}；顺延议题：{count}",
    "Highlight a meeting first": "请先选中一个会议",
    "New due date: fri, 下周五, 12/5, 2026-12-05 (Enter saves, Esc cancels)":
        "新的截止日期：fri、下周五、12/5、2026-12-05（回车保存，Esc 取消）",
    "Must be resolved ({count}) · d done · n new date · x drop · e escalate":
        "必须处理（{count}）· d 完成 · n 新日期 · x 放弃 · e 上报",
    "Dropped": "已放弃",
    "An agenda item has no due date: x drops it": "议题没有截止日期：按 x 放弃",
    "An agenda item carried this often can only be dropped here (x)":
        "顺延这么多次的议题在此只能放弃（x）",
    "Carried 3 times or more": "顺延 3 次及以上",
    "{count}x": "{count} 次",
    "Agenda item: {title}": "议题：{title}",
    "Meeting {id} has not been held yet: plan its next meeting once it has ended":
        "会议 {id} 尚未召开：请在会议结束后再安排下次会议",
    "A parked agenda item goes to the next meeting (n) or is dropped (x)":
        "暂缓的议题可转下次会议（n）或放弃（x）",
}
