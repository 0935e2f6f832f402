"""zh-CN messages: capture."""

MESSAGES: dict[str, str] = {
}
