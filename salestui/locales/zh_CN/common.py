"""zh-CN messages: common."""

MESSAGES: dict[str, str] = {
    "The scale must be zero or more": "规模必须为零或正数",
}
