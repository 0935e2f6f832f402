"""zh-CN messages: cli."""

MESSAGES: dict[str, str] = {
}
