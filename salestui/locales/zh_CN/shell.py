"""zh-CN messages: the app shell - command palette, welcome screen, navigation."""

MESSAGES: dict[str, str] = {
    "Plan a new meeting: form, attendees, agenda": "筹备新会议：基本信息、参会人员、议程",
    "All meetings: upcoming first, then past": "全部会议：先列即将召开的，再列过去的",
    "Start today's meeting": "开始今天的会议",
    "Open the next meeting of today to run it": "打开今天下一场会议并主持",
    "Action items: filters, saved views, follow-ups": "行动项：筛选、保存的视图、跟进",
    "Overdue actions": "逾期行动项",
    "The Overdue saved view": "“逾期”视图",
    "Team-lead dashboard: each person's open and overdue items":
        "团队看板：每位成员的未完成与逾期事项",
    "Back to the home screen": "返回首页",
    "Preview and save the minutes of the latest meeting": "预览并保存最近一次会议的纪要",
    "Switch language": "切换语言",
    "English / 中文 (remembered in this database)": "English / 中文（记在本数据库中）",
    "Switch theme": "切换主题",
    "Choose a colour theme (remembered in this database)": "选择配色主题（记在本数据库中）",
    "No meeting has been held yet": "还没有召开过会议",
    "No meeting left today": "今天没有待开的会议了",
    "Language: {lang}": "语言：{lang}",
    "Resuming the meeting in progress: {title}": "继续进行中的会议：{title}",
    "Welcome": "欢迎",
    "Load demo": "载入演示数据",
    "Add people": "添加人员",
    "Plan a meeting": "筹备会议",
    "Welcome to salestui": "欢迎使用 salestui",
    "Run your sales meetings to the minute, capture decisions and actions in one line each, "
    "and follow every action until it is done.":
        "准时高效地主持销售会议，每条决定和行动项一行记下，并跟进每个行动项直到完成。",
    "This database is empty. How would you like to start?": "数据库是空的。想从哪里开始？",
    "Press ? for help on any screen.": "在任何界面按 ? 查看帮助。",
    "Demo loaded: {people} people, {meetings} meetings, {actions} actions":
        "演示数据已载入：{people} 人，{meetings} 场会议，{actions} 个行动项",
    "[d]  Load the demo organisation: a bilingual sales department with eight weeks of "
    "meetings": "[d]  载入演示组织：一个中英双语的销售部门，含八周的会议记录",
    "[p]  Add the people of your department": "[p]  添加本部门的人员",
    "[n]  Plan your first meeting": "[n]  筹备第一场会议",
    "Export minutes": "导出会议纪要",
}
