"""zh-CN messages: common."""

MESSAGES: dict[str, str] = {
}
