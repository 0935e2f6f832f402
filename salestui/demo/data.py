"""The words of the demo organisation: people, meeting templates, notes, decisions, actions.

Pure data, no logic. The base demo (``demo.py``) and the scale rows (``demo_scale.py``)
draw from separate customer lists so that a search for a scale customer finds only scale
rows.
"""

from __future__ import annotations

from salestui.core.models import ActionStatus, AgendaKind, MeetingKind, Role

# -- people ------------------------------------------------------------------------------
# (name, role, team, manager name, email). Managers come before their staff. Pinyin
# initials are all distinct (wf is only 王芳; nobody else is surnamed 王).

DIRECTOR = "陈建国"
DEPUTY = "张伟"

PEOPLE: tuple[tuple[str, Role, str, str | None, str | None], ...] = (
    (DIRECTOR, Role.DIRECTOR, "营销部", None, "chen.jianguo@example.com"),
    (DEPUTY, Role.DEPUTY, "营销部", DIRECTOR, "zhang.wei@example.com"),
    ("王芳", Role.LEAD, "销售一部", DEPUTY, "wang.fang@example.com"),
    ("李明", Role.LEAD, "销售二部", DEPUTY, "li.ming@example.com"),
    ("Sarah Chen", Role.LEAD, "市场部", DIRECTOR, "sarah.chen@example.com"),
    ("刘洋", Role.LEAD, "华东大区", DEPUTY, "liu.yang@example.com"),
    ("赵磊", Role.MEMBER, "销售一部", "王芳", None),
    ("孙丽", Role.MEMBER, "销售一部", "王芳", None),
    ("周杰", Role.MEMBER, "销售一部", "王芳", None),
    ("钱进", Role.MEMBER, "销售二部", "李明", None),
    ("David Li", Role.MEMBER, "销售二部", "李明", "david.li@example.com"),
    ("郑雪", Role.MEMBER, "销售二部", "李明", None),
    ("黄婷", Role.MEMBER, "市场部", "Sarah Chen", None),
    ("Emily Zhang", Role.MEMBER, "市场部", "Sarah Chen", "emily.zhang@example.com"),
    ("何军", Role.MEMBER, "华东大区", "刘洋", None),
    ("林静", Role.MEMBER, "华东大区", "刘洋", None),
)

LEADS = ("王芳", "李明", "Sarah Chen", "刘洋")
SALES_ONE = ("王芳", "赵磊", "孙丽", "周杰")

# -- the base demo's customers (the scale rows use other names) ----------------------------
BASE_CUSTOMERS = ("瑞丰科技", "长江化工", "明珠家电", "天成建材", "远东物流")

# -- meetings ------------------------------------------------------------------------------

WEEKLY_TITLE = "营销部周例会"
WEEKLY_PURPOSE = "回顾本周问题与各销售员业绩，制定下周目标"
WEEKLY_LOCATION = "3楼大会议室"
# (title, minutes, presenter, kind) - the series' standing items, in order.
WEEKLY_ITEMS: tuple[tuple[str, int, str | None, AgendaKind], ...] = (
    ("上周业绩回顾", 10, DEPUTY, AgendaKind.NUMBERS),
    ("各销售员业绩", 20, "李明", AgendaKind.NUMBERS),
    ("问题与对策", 20, "刘洋", AgendaKind.DISCUSSION),
    ("下周目标", 10, DEPUTY, AgendaKind.DECISION),
)
# The item parked last week and carried to today's meeting.
CARRIED_ITEM = ("华东区回款计划", 10, "王芳", AgendaKind.DECISION)

LEADERSHIP_TITLE = "营销干部会议"
LEADERSHIP_PURPOSE = "检查月度目标与回款进度，协调各部门资源"
LEADERSHIP_ITEMS: tuple[tuple[str, int, str | None, AgendaKind], ...] = (
    ("月度销售目标达成情况", 20, DEPUTY, AgendaKind.INFO),
    ("回款与应收账款", 20, "刘洋", AgendaKind.DISCUSSION),
    ("渠道政策调整", 25, "Sarah Chen", AgendaKind.DECISION),
    ("人员与培训", 15, DEPUTY, AgendaKind.DISCUSSION),
)

DAILY_TITLE = "销售一部早会"
DAILY_PURPOSE = "昨日工作回顾、今日计划、需要的支持"
DAILY_ITEMS: tuple[tuple[str, int, str | None, AgendaKind], ...] = (
    ("昨日工作回顾", 5, None, AgendaKind.INFO),
    ("今日计划", 5, None, AgendaKind.INFO),
    ("困难与需要的支持", 5, None, AgendaKind.DISCUSSION),
)

COORDINATION_TITLE = "与生产部门的协调会议"
COORDINATION_PURPOSE = "核对订单与产能、交货期和质量问题"
COORDINATION_ITEMS: tuple[tuple[str, int, str | None, AgendaKind], ...] = (
    ("订单与产能", 20, DEPUTY, AgendaKind.DISCUSSION),
    ("交货期确认", 15, "王芳", AgendaKind.DECISION),
    ("质量问题跟进", 15, "刘洋", AgendaKind.DISCUSSION),
)

CONSULTATION_TITLE = "年终促销方案洽商会议"
CONSULTATION_PURPOSE = "听取各部门对年终促销方案的意见"
CONSULTATION_ITEMS: tuple[tuple[str, int, str | None, AgendaKind], ...] = (
    ("促销方案介绍", 15, "Sarah Chen", AgendaKind.INFO),
    ("各部门意见", 25, None, AgendaKind.DISCUSSION),
    ("预算与赠品", 15, DEPUTY, AgendaKind.DECISION),
)

PRICING_PURPOSE = "Agree next quarter's list prices and discount rules"
PRICING_ITEMS: tuple[tuple[str, int, str | None, AgendaKind], ...] = (
    ("Competitor price check", 15, "Emily Zhang", AgendaKind.INFO),
    ("Margin impact of a price rise", 20, "Sarah Chen", AgendaKind.DISCUSSION),
    ("Discount rules for distributors", 15, "David Li", AgendaKind.DECISION),
)

CRM_TITLE = "CRM rollout check-in"
CRM_PURPOSE = "Check adoption of the new CRM pipeline stages"
CRM_ITEMS: tuple[tuple[str, int, str | None, AgendaKind], ...] = (
    ("Adoption numbers by team", 10, "David Li", AgendaKind.INFO),
    ("Data quality issues", 15, "Emily Zhang", AgendaKind.DISCUSSION),
    ("Next steps", 5, "Sarah Chen", AgendaKind.DECISION),
)

WORKSHOP_PURPOSE = "Plan channel priorities and partner incentives for next quarter"
WORKSHOP_ITEMS: tuple[tuple[str, int, str | None, AgendaKind], ...] = (
    ("Channel performance recap", 15, "Sarah Chen", AgendaKind.INFO),
    ("Partner incentive options", 30, "David Li", AgendaKind.DISCUSSION),
    ("Priorities and owners", 15, DEPUTY, AgendaKind.DECISION),
)

# -- what was said ------------------------------------------------------------------------------
# Notes may use {amt} (万元), {pct}, {cust}, {n}.

NOTES_ZH = (
    "本周销售额 {amt} 万元，完成周目标的 {pct}%。",
    "回款 {amt} 万元，{cust}的款项推迟到下周。",
    "{cust}反馈报价偏高，竞争对手低 {n}% 左右。",
    "新开发客户 {n} 家，其中 2 家已进入报价阶段。",
    "{cust}的年度框架协议进入法务审核。",
    "拜访量偏低，要求每人每周不少于 {n} 次有效拜访。",
    "华东区经销商库存偏高，建议暂缓压货。",
    "{cust}投诉上批货物包装破损，已转生产部。",
    "应收账款超过 90 天的有 {n} 笔，需要逐笔落实责任人。",
    "生产部本月产能已排满，加急订单需提前一周确认。",
)
NOTES_EN = (
    "Revenue this week {amt}0k RMB, {pct}% of target.",
    "{cust} asked for a second quotation; price is the main objection.",
    "Pipeline coverage is {n}x for next month, below the 3x we want.",
    "Two distributors are overstocked; hold shipments until January.",
    "Win rate on tenders this quarter: {pct}%.",
    "CRM adoption is uneven: some reps still track deals in Excel.",
)
DAILY_NOTES = (
    "昨天拜访 {n} 家客户，{cust}有新需求。",
    "今天上午电话回访，下午去{cust}送样品。",
    "{cust}的合同还在等对方盖章。",
    "需要市场部支持一份产品对比资料。",
    "CRM 里有 {n} 条商机阶段没更新，今天补上。",
)
LINKS = (
    "https://crm.example.com/reports/pipeline-weekly",
    "https://share.example.com/sales/回款明细.xlsx",
    "https://share.example.com/pricing/price-list-draft.pdf",
)
PARK_NOTES = (
    "{cust}的特价申请流程另行讨论",
    "Discuss commission rules for shared accounts separately",
)

# Decisions: (text, kinds where they fit).
DECISIONS: tuple[tuple[str, tuple[MeetingKind, ...]], ...] = (
    ("华东区回款目标调整为每周 {amt} 万元", (MeetingKind.WEEKLY,)),
    ("新客户报价统一由市场部审核后发出", (MeetingKind.WEEKLY, MeetingKind.LEADERSHIP)),
    ("周例会 9:00 准时开始，迟到者记录在纪要中", (MeetingKind.WEEKLY,)),
    ("暂停对{cust}的赊销，回款后恢复", (MeetingKind.WEEKLY, MeetingKind.LEADERSHIP)),
    ("Adopt the new CRM pipeline stages from next Monday", (MeetingKind.WEEKLY, MeetingKind.OTHER)),
    ("每位销售员每周有效拜访不少于 8 次", (MeetingKind.WEEKLY,)),
    ("年终冲刺奖励按回款额的 1% 计提", (MeetingKind.LEADERSHIP,)),
    ("销售一部与二部的重叠客户由副总监统一分配", (MeetingKind.LEADERSHIP,)),
    ("增设华东大区售后专员一名", (MeetingKind.LEADERSHIP,)),
    ("Raise list prices on standard lines by 3% from next quarter", (MeetingKind.LEADERSHIP,)),
    ("{cust}订单交期延后一周，由销售向客户说明", (MeetingKind.COORDINATION,)),
    ("月底前生产部优先排产{cust}的订单", (MeetingKind.COORDINATION,)),
    ("质量投诉 48 小时内由生产部书面回复", (MeetingKind.COORDINATION,)),
    ("促销赠品预算控制在 {amt} 万元以内", (MeetingKind.CONSULTATION,)),
    ("Keep distributor list prices flat through next quarter", (MeetingKind.OTHER,)),
    ("Offer a 2% early-payment discount on invoices above 100k RMB", (MeetingKind.OTHER,)),
    ("All opportunities above 50k RMB must be logged in CRM", (MeetingKind.OTHER,)),
)

# Actions: (title, tags, candidate owners).
ActionTemplate = tuple[str, tuple[str, ...], tuple[str, ...]]

WEEKLY_ACTIONS: tuple[ActionTemplate, ...] = (
    ("提交华东区回款计划", ("回款",), ("王芳", "刘洋")),
    ("整理长江化工的应收账款对账单", ("回款",), ("李明", "钱进")),
    ("给瑞丰科技发送更新后的报价", ("报价",), ("赵磊", "孙丽")),
    ("更新 CRM 中本月商机阶段", ("crm",), ("David Li", "郑雪", "周杰")),
    ("Prepare win/loss analysis for the last three tenders", ("tender",), ("Emily Zhang",)),
    ("拜访明珠家电采购部，确认年度框架协议", ("大客户",), ("王芳", "赵磊")),
    ("统计各销售员本周有效拜访量", (), ("王芳", "李明")),
    ("Send the revised price list to 天成建材", ("报价",), ("David Li",)),
    ("催收远东物流的逾期货款", ("回款",), ("何军", "林静")),
    ("制定下周新客户开发目标", (), ("刘洋", "李明")),
    ("Check distributor stock levels in 华东", ("渠道",), ("林静", "何军")),
    ("准备年终促销方案初稿", ("促销",), ("黄婷", "Sarah Chen")),
    ("核实天成建材的信用额度", ("回款", "风控"), ("钱进", "郑雪")),
    ("与财务确认华东区的信用政策", ("回款",), (DIRECTOR,)),
    ("Follow up the 明珠家电 tender clarification questions", ("tender", "大客户"), ("王芳",)),
    ("整理本月丢单原因并提出对策", ("复盘",), ("李明", "王芳")),
    ("Update the key account plan for 明珠家电", ("大客户",), ("David Li", "王芳")),
    ("安排新员工跟随老销售拜访客户", ("培训",), ("王芳",)),
    ("跟进瑞丰科技二期项目的招标时间", ("tender",), ("赵磊",)),
    ("Send the monthly sales report to the director", ("报告",), ("Emily Zhang", "郑雪")),
    ("核对华东大区经销商返利台账", ("渠道", "回款"), ("林静",)),
    ("准备下周客户拜访计划表", (), ("周杰", "钱进")),
    ("Chase the signed contract from 远东物流", ("合同",), ("何军",)),
    ("调整销售二部的周目标分解", ("目标",), ("李明",)),
)
LEADERSHIP_ACTIONS: tuple[ActionTemplate, ...] = (
    ("拟定年终冲刺奖励方案", ("激励",), (DEPUTY,)),
    ("约见明珠家电总经理，推动年度框架协议", ("大客户",), (DIRECTOR, "王芳")),
    ("Draft next quarter's sales targets per team", ("目标",), (DEPUTY, "Sarah Chen")),
    ("梳理销售一部与二部的重叠客户名单", ("大客户",), ("王芳", "李明")),
    ("安排新销售员产品培训", ("培训",), ("Sarah Chen", "黄婷")),
    ("评估华东大区增设售后专员的费用", (), ("刘洋",)),
    ("Review the channel rebate policy with finance", ("渠道",), (DEPUTY, "Sarah Chen")),
    ("整理 90 天以上应收账款责任人清单", ("回款",), ("李明", "刘洋")),
)
COORDINATION_ACTIONS: tuple[ActionTemplate, ...] = (
    ("确认明珠家电订单的交货日期", ("交期",), ("王芳", "赵磊")),
    ("向生产部提交下月销售预测", ("产能",), (DEPUTY, "李明")),
    ("跟进天成建材质量投诉的处理结果", ("质量",), ("刘洋", "何军")),
    ("Agree the rush-order surcharge with production", ("交期",), ("Sarah Chen",)),
    ("核对长江化工加急订单的原料库存", ("产能",), ("李明",)),
)
DAILY_ACTIONS: tuple[ActionTemplate, ...] = (
    ("今天下午电话回访瑞丰科技", (), ("赵磊",)),
    ("补录上周拜访记录到 CRM", ("crm",), ("孙丽", "周杰")),
    ("准备明珠家电的样品寄送", (), ("周杰",)),
    ("核对长江化工的发票信息", ("回款",), ("孙丽",)),
    ("约瑞丰科技技术部做产品演示", (), ("赵磊", "周杰")),
)
PRICING_ACTIONS: tuple[ActionTemplate, ...] = (
    ("Model the margin impact of a 3% price rise", ("pricing",), ("Sarah Chen", "Emily Zhang")),
    ("Collect competitor price lists in 华东", ("pricing", "报价"), ("Emily Zhang", "林静")),
    ("Prepare the distributor price letter", ("pricing",), ("David Li",)),
)
CRM_ACTIONS: tuple[ActionTemplate, ...] = (
    ("Clean up duplicate accounts in CRM", ("crm",), ("David Li", "Emily Zhang")),
    ("Train 销售二部 on the new pipeline stages", ("crm", "培训"), ("David Li",)),
    ("Export the weekly pipeline report for the director", ("crm",), ("Emily Zhang",)),
)
CONSULTATION_ACTIONS: tuple[ActionTemplate, ...] = (
    ("汇总各部门对年终促销方案的意见", ("促销",), ("黄婷",)),
    ("确认促销赠品的采购预算", ("促销",), (DEPUTY,)),
    ("Design the promotion leaflet in Chinese and English", ("促销",), ("Emily Zhang",)),
)

# Added between meetings: (created days ago, due in days from today, title, tags, owner,
# priority, status or None for a random one).
STANDALONE_ACTIONS: tuple[
    tuple[int, int, str, tuple[str, ...], str, int, ActionStatus | None], ...
] = (
    (12, -2, "审批下季度渠道返利政策", ("渠道",), DIRECTOR, 1, ActionStatus.OPEN),
    (9, -2, "整理华东大区重点客户拜访路线", ("crm",), "林静", 2, None),
    (4, 3, "Renew the trade show booth booking for spring", ("展会",), "黄婷", 2, None),
    (
        3,
        3,
        "Review the sales targets draft for next quarter",
        ("目标",),
        DIRECTOR,
        2,
        ActionStatus.IN_PROGRESS,
    ),
    (2, 5, "核对本月销售费用报销", (), "郑雪", 3, None),
)

WAITING_ON = ("客户采购部审批", "财务部开票", "Customer legal review", "生产部排产确认")
BLOCKED_BY = (
    "生产部产能不足，排期未定",
    "CRM 账号权限未开通",
    "客户预算冻结至明年一月",
    "Pricing approval from the director",
)

FOLLOW_UP_NOTES = (
    "已电话沟通，客户答应月底前回复。",
    "Called the buyer; they need another week.",
    "初稿已完成，等待审阅。",
    "Sent by email, no reply yet.",
    "已与财务核对，差额 {amt} 万元待确认。",
    "客户要求先寄样品再谈价格。",
    "Met the customer on site; next step is a revised quote.",
)
REVIEW_NOTES = (
    "周例会复查：未完成，延期一周。",
    "Reviewed in the meeting: still open, new date agreed.",
    "会上确认进度约一半，下次会议再看。",
    "会上复查：客户尚未回复。",
)
DONE_NOTES = ("已完成，资料已上传共享盘。", "Done - customer confirmed by email.", "款项已到账。")
CANCELLED_NOTES = ("客户取消订单，此项作废。", "No longer needed after the pricing decision.")
ESCALATE_NOTES = ("连续三次未完成，上报上级协调。", "Carried three times; escalated one level up.")
WAITING_NOTES = ("等待{waiting}。", "Waiting: {waiting}.")
BLOCKED_NOTES = ("受阻：{blocked}，已上报。", "Blocked: {blocked}.")

# -- scale rows: titles composed from word lists ------------------------------------------------

SCALE_CUSTOMERS_ZH = (
    "恒达机械",
    "远航电子",
    "金帆贸易",
    "华联超市",
    "新光科技",
    "蓝天食品",
    "盛世家居",
    "宏图建设",
    "安泰医药",
    "云帆物流",
)
SCALE_CUSTOMERS_EN = (
    "Evergreen Foods",
    "Pacific Rim Logistics",
    "Northstar Retail",
    "Bluewave Electronics",
    "Golden Harbor Trading",
    "Summit Machinery",
)
SCALE_VERBS_ZH = ("跟进", "确认", "提交", "整理", "催收", "更新", "核对", "安排", "准备", "落实")
# (object, tag or None)
SCALE_OBJECTS_ZH: tuple[tuple[str, str | None], ...] = (
    ("报价单", "报价"),
    ("回款计划", "回款"),
    ("合同条款", "合同"),
    ("样品寄送", None),
    ("年度框架协议", "大客户"),
    ("投标文件", "tender"),
    ("拜访记录", "crm"),
    ("订单交期", "交期"),
    ("促销方案", "促销"),
    ("渠道返利", "渠道"),
    ("商机阶段", "crm"),
    ("应收账款对账", "回款"),
    ("质量投诉", "质量"),
    ("发票信息", "回款"),
)
SCALE_VERBS_EN = (
    "Follow up on",
    "Send",
    "Confirm",
    "Prepare",
    "Review",
    "Update",
    "Chase",
    "Schedule",
)
SCALE_OBJECTS_EN: tuple[tuple[str, str | None], ...] = (
    ("the quotation", "报价"),
    ("the payment plan", "回款"),
    ("contract terms", "合同"),
    ("the sample shipment", None),
    ("the framework agreement", "大客户"),
    ("tender documents", "tender"),
    ("the visit report", "crm"),
    ("the delivery schedule", "交期"),
    ("the promotion proposal", "促销"),
    ("the rebate statement", "渠道"),
    ("the CRM opportunity", "crm"),
    ("the overdue invoice", "回款"),
    ("the quality complaint", "质量"),
)
SCALE_MEETINGS: tuple[tuple[str, MeetingKind, str], ...] = (
    ("客户跟进会", MeetingKind.CONSULTATION, "客户进展与下一步"),
    ("回款专题会", MeetingKind.CONSULTATION, "逐笔落实应收账款"),
    ("Pipeline review", MeetingKind.OTHER, "Walk through open opportunities"),
    ("Key account review", MeetingKind.OTHER, "Status of the top accounts"),
    ("订单协调会", MeetingKind.COORDINATION, "订单、产能与交期"),
)
SCALE_ITEMS = ("工作进展", "Progress update", "问题与下一步", "Open issues")
SCALE_TEAMS = ("销售一部", "销售二部", "市场部", "华东大区")
