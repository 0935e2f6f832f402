"""The scribe of a live meeting: watching, taking over."""

MESSAGES = {
    "{name} is recording this meeting: watch it, or take over as scribe": (
        "{name} 正在记录这个会议：可以旁观，或接手成为记录人"
    ),
    "Say who you are first (--me, or Who am I in the app)": (
        "请先说明您是谁（--me，或在应用中选择“我是谁”）"
    ),
    "Took over as scribe from {previous}; {name} records this meeting now": (
        "已从 {previous} 接手记录；现在由 {name} 记录这个会议"
    ),
    "Scribe: {name}": "记录人：{name}",
    "Take over as scribe": "接手记录",
    "watching · {name} records · t takes over": "旁观中 · {name} 记录 · t 接手",
    "{name} took over as scribe: you are watching now": "{name} 已接手记录：您现在是旁观者",
    "You record this meeting now": "现在由您记录这个会议",
    "Take over as scribe from {name}?": "从 {name} 手中接手记录？",
    "You will record this meeting and {name} will only watch; "
    "the meeting's history keeps the change.": (
        "您将记录这个会议，{name} 只能旁观；会议历史会保留这次交接。"
    ),
    "{name} records this meeting: you are watching (t takes over)": (
        "{name} 正在记录这个会议：您在旁观（t 接手）"
    ),
    "{title} is running, recorded by {name}: open it from Home to watch": (
        "{title} 正在进行，由 {name} 记录：在首页打开即可旁观"
    ),
}
