"""zh-CN messages: the Meetings and People screens and the person form."""

MESSAGES: dict[str, str] = {
    # shared keys
    "Back": "返回",
    "Edit": "编辑",
    "Save": "保存",
    "Cancel": "取消",
    # salestui/tui/screens/meetings.py, meetings_rows.py
    "Open": "打开",
    "Search": "搜索",
    "Previous kind": "上一个类型",
    "Previous status": "上一个状态",
    "Series": "例会系列",
    "Previous series": "上一个例会系列",
    "Clear filters": "清除筛选",
    "all": "全部",
    "{label}: ": "{label}：",
    "{upcoming} upcoming · {past} past": "即将召开 {upcoming} · 已召开 {past}",
    "No meetings match": "没有符合条件的会议",
    "Press x to clear the filters and the search.": "按 x 清除筛选和搜索。",
    "Press escape to leave the search box, then x to clear the filters.": (
        "按 Esc 离开搜索框，再按 x 清除筛选。"
    ),
    "Press n to plan a meeting, or run `salestui demo` to load the demo data.": (
        "按 n 安排会议，或运行 `salestui demo` 载入演示数据。"
    ),
    "There are no recurring series yet.": "还没有例会系列。",
    "/ search titles, agendas, notes and decisions": "/ 搜索标题、议程、记录和决定",
    "not scheduled": "未定时间",
    "No upcoming meetings": "没有即将召开的会议",
    "No past meetings": "没有已召开的会议",
    "When": "时间",
    "Agenda/min": "议程/时长",
    "… move down to load older meetings": "… 继续下移载入更早的会议",
    # salestui/tui/screens/people.py
    "People and reporting lines": "人员与汇报关系",
    "Add person": "添加人员",
    "Undo edit": "撤销修改",
    "Find": "查找",
    "find: name, prefix or initials": "查找：姓名、开头几个字或拼音首字母",
    "No people yet": "还没有人员",
    "Press a to add the first person (start with the director), or run `salestui demo`.": (
        "按 a 添加第一位人员（先从总监开始），或运行 `salestui demo`。"
    ),
    "Reporting line: ": "汇报线：",
    "Direct reports: {count}": "直接下属：{count} 人",
    "Nothing to undo": "没有可撤销的修改",
    "{people} person": "{people} 人",
    "{teams} team": "{teams} 个团队",
    "Added {name}": "已添加 {name}",
    "Saved {name}; u undoes the change": "已保存 {name}；按 u 撤销",
    "Undone: {name} is as before": "已撤销：{name} 已恢复原样",
    # salestui/tui/screens/person_form.py
    "Add a person": "添加人员",
    "Edit {name}": "编辑 {name}",
    "enter or ctrl+s saves · escape cancels": "Enter 或 Ctrl+S 保存 · Esc 取消",
    "no manager: top of the reporting tree": "无上级：位于汇报关系的顶端",
    "{name} ({details})": "{name}（{details}）",
    "{role}, {team}": "{role}，{team}",
    "name, prefix or initials (wf = 王芳)": "姓名、开头几个字或拼音首字母（wf = 王芳）",
    "Could not save: {reason}": "无法保存：{reason}",
}
