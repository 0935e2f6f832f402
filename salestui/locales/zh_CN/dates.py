"""zh-CN messages: dates."""

MESSAGES: dict[str, str] = {
}
