"""Search across everything (salestui search; core.search)."""

MESSAGES: dict[str, str] = {
    "Waiting / blocked": "等待／受阻原因",
    "Follow-up note": "跟进记录",
    "Meeting note": "会议记录",
    "Give one or more words to search for": "请输入要搜索的词",
    "The search is too long (at most {limit} characters)": "搜索内容太长（最多 {limit} 个字符）",
    "Nothing found.": "没有找到。",
    "Where": "位置",
    "Opens": "打开",
    "meeting {id}": "会议 {id}",
    "Give --json or --jsonl, not both": "请只给出 --json 或 --jsonl 之一",
}
