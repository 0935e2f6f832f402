"""zh-CN messages: tui."""

MESSAGES: dict[str, str] = {
}
