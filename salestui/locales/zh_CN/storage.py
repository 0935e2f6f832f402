"""zh-CN messages: the database file - opening checks, backups, restore, doctor."""

MESSAGES: dict[str, str] = {
    "the database path is empty": "数据库路径为空",
    "The database path is empty": "数据库路径为空",
    "Taken": "时间",
    "Reason": "原因",
    "Size": "大小",
    "Table": "表",
    "Rows copied": "已复制行数",
    "Unreadable runs skipped": "跳过的不可读段",
    "Rows dropped": "丢弃行数",
    "unreadable": "不可读",
    "backup:start": "每日启动",
    "backup:upgrade": "升级前",
    "backup:meeting": "会议确认",
    "backup:restore": "恢复前",
    "Give the FILE to back up to, or --list": "请给出备份目标文件 FILE，或使用 --list",
    "No automatic backups yet": "还没有自动备份",
    "Backed up {source} to {path} (checked: integrity ok, {rows} row)":
        "已将 {source} 备份到 {path}（已校验：完整性正常，共 {rows} 行）",
    "Restored {path} from {backup} ({rows} row)": "已从 {backup} 恢复 {path}（共 {rows} 行）",
    "{path} is damaged. SQLite's integrity check says:": "{path} 已损坏。SQLite 完整性检查结果：",
    "{path} is damaged: restore a backup with 'salestui restore FILE' or recover what can "
    "be read with 'salestui doctor --recover NEW.db'":
        "{path} 已损坏：请用“salestui restore FILE”恢复备份，"
        "或用“salestui doctor --recover NEW.db”救出可读的数据",
    "Recovered {rows} row into {path}; check it, then 'salestui restore {path}'":
        "已将 {rows} 行救出到 {path}；请检查后执行“salestui restore {path}”",
    "{path} is damaged; not backed up (use --force to copy it anyway, or "
    "'salestui doctor --recover NEW.db' to save what can be read)":
        "{path} 已损坏，未备份（用 --force 强制复制，"
        "或用“salestui doctor --recover NEW.db”救出可读的数据）",
    "The database as it was is kept in {path}": "原数据库已保存在 {path}",
    "{path}: integrity check passed ({tables} tables, {rows} rows)":
        "{path}：完整性检查通过（{tables} 张表，{rows} 行）",
    "Damaged tables: {tables}": "损坏的表：{tables}",
    "Newest good backup: {path}": "最新的完好备份：{path}",
    "Copied the damaged database {source} to {path} (not checked)":
        "已将损坏的数据库 {source} 复制到 {path}（未校验）",
    "... and {count} more": "……另有 {count} 条",
    "Read-only: {reason}": "只读：{reason}",
    "{path} is damaged and was opened read-only; newest good backup: {backup} "
    "(restore it with 'salestui --db {path} restore {backup}', or recover what can be "
    "read with 'salestui --db {path} doctor --recover NEW.db')":
        "{path} 已损坏，已以只读方式打开；最新的完好备份：{backup}"
        "（用“salestui --db {path} restore {backup}”恢复，"
        "或用“salestui --db {path} doctor --recover NEW.db”救出可读的数据）",
    "{path} is damaged and was opened read-only; no backup found: recover what can be "
    "read with 'salestui --db {path} doctor --recover NEW.db'":
        "{path} 已损坏，已以只读方式打开；没有找到备份："
        "请用“salestui --db {path} doctor --recover NEW.db”救出可读的数据",
    "{path} was made by a newer salestui (schema {found}); this is {latest} - "
    "upgrade salestui":
        "{path} 由更新版本的 salestui 创建（架构 {found}）；本版本为 {latest}，请升级 salestui",
    "{path} is read-only (the file or its folder): nothing can be changed":
        "{path} 是只读的（文件或所在文件夹）：无法做任何修改",
    "The disk holding {path} is full: nothing was saved; free some space and try again":
        "{path} 所在的磁盘已满：没有保存任何内容；请释放空间后重试",
    "{path} belongs to another application, not salestui; it was left untouched":
        "{path} 属于其他应用程序，不是 salestui 的数据库；未做任何改动",
    "The copy of {path} failed its integrity check ({problem}); the database is probably "
    "damaged: run 'salestui doctor'":
        "{path} 的副本未通过完整性检查（{problem}）；数据库可能已损坏：请运行“salestui doctor”",
    "The copy of {path} does not hold the same rows; nothing was backed up":
        "{path} 的副本行数不一致；未做备份",
    "Cannot make the backup folder {folder}: {reason}": "无法创建备份文件夹 {folder}：{reason}",
    "Cannot write the backup {path}: {reason}": "无法写入备份 {path}：{reason}",
    "{path} could not be read whole ({reason}), so it failed its integrity check; "
    "nothing was backed up: run 'salestui doctor'":
        "无法完整读取 {path}（{reason}），未通过完整性检查；未做备份：请运行 'salestui doctor'",
    "{path} already exists; give a new file name": "{path} 已存在；请给出新的文件名",
    "{path} does not hold the restored rows": "{path} 中没有恢复后的数据行",
    "{path} failed its integrity check ({problem}); it was not restored":
        "{path} 未通过完整性检查（{problem}）；未恢复",
    "{path} is not a regular file, so it cannot be a database":
        "{path} 不是普通文件，不可能是数据库",
    "{path} was not upgraded: {reason}": "{path} 未升级：{reason}",
    "{path} could not be upgraded ({reason}); it was left as it was":
        "{path} 无法升级（{reason}）；文件保持原样",
    "Another agenda item of this meeting is running already; nothing was changed":
        "本次会议已有另一个议题正在进行；未做任何修改",
}
