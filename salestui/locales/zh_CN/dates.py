"""zh-CN messages: dates."""

MESSAGES: dict[str, str] = {
    # salestui/core/dates.py: errors
    "Unknown date: {text!r}. Try today, tomorrow, fri, next friday, in 3 days, +3d, "
    "2026-12-05, 12/5, end of month, eow, 明天, 下周五, 3天后, 12月5日, 月底": (
        "无法识别的日期：{text!r}。可以试试 今天、明天、后天、周五、下周五、3天后、"
        "12月5日、月底、2026-12-05、12/5、today、tomorrow、fri、next friday、+3d、eow"
    ),
    "Unknown date or time: {text!r}. Try 14:30, 9am, tomorrow 9:00, fri 2:30pm, "
    "明天上午9点, 下午3点": (
        "无法识别的日期或时间：{text!r}。可以试试 14:30、下午3点、明天上午9点、"
        "周五 下午2点半、tomorrow 9am"
    ),
    "No such date: {text!r}": "不存在这个日期：{text!r}",
    "No such time: {text!r}": "不存在这个时间：{text!r}",
    # format_due
    "today": "今天",
    "tomorrow": "明天",
    "{n}d overdue": "逾期{n}天",
    "{day} {mon}": "{mon}{day}日",
    "{day} {mon} {year}": "{year}年{mon}{day}日",
    "Mon": "周一",
    "Tue": "周二",
    "Wed": "周三",
    "Thu": "周四",
    "Fri": "周五",
    "Sat": "周六",
    "Sun": "周日",
    "Jan": "1月",
    "Feb": "2月",
    "Mar": "3月",
    "Apr": "4月",
    "May": "5月",
    "Jun": "6月",
    "Jul": "7月",
    "Aug": "8月",
    "Sep": "9月",
    "Oct": "10月",
    "Nov": "11月",
    "Dec": "12月",
    # format_day
    "{weekday} {day} {month}": "{month}{day}日 {weekday}",
    "{weekday} {day} {month} {year}": "{year}年{month}{day}日 {weekday}",
    # salestui/core/prompts.py: what a prompt resolved to
    "{date} · {note}": "{date} · {note}",
}
