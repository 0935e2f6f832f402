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
}
