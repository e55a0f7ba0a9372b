/* The zh-Hans catalogue: reasons and names in simplified characters, in the
 * terms of the sales texts the rules come from (A类客户, 大石头先放,
 * 放手/死磕/放弃, 投诉是好事). Data only; the template notation is in
 * lang_table.h. Adding a reason code: one line in why_text. */
#include "lang_table.h"

static const char why_text[][CCAD__WHY_TEXT_CAP] = {
    [CCAD_WHY_GRADE_MANUAL] = "分级：手工定为{a}客户",
    [CCAD_WHY_GRADE_RANK] = "分级：{a?按价值排第 {a} 名（共 {b} 名），在前 {c}% "
                            "之内|不参与排名（已离开名单），价值落在 {b} 名客户的前 {c}% 之内}",
    [CCAD_WHY_GRADE_THRESHOLD] = "分级：价值 {a}，门槛 {b}",
    [CCAD_WHY_URGENCY_PURCHASE] = "紧急度：{a} 天后做采购决定（{b} 天之内）",
    [CCAD_WHY_URGENCY_COMPLAINT] = "紧急度：投诉从 {a} 起未解决（已 {b} 天）",
    [CCAD_WHY_URGENCY_REQUEST] = "紧急度：客户约在 {a} 见面（{b<已过了 {b!} 天|还有 {b} 天}）",
    [CCAD_WHY_URGENCY_PASSED] = "紧急度：预计采购日期已过去 {a} 天，请更新",
    [CCAD_WHY_QUADRANT] = "象限：Q{a#} {a}（{b}客户，{c}）",
    [CCAD_WHY_FREQ] = "频次：每 {b} 天联系 {a} 次，间隔 {c} 天",
    [CCAD_WHY_FREQ_NONE] = "频次：{a}客户没有固定的沟通频次",
    [CCAD_WHY_FREQ_LET_GO] = "频次：靠你挣钱的客户，放手：间隔放宽 {a} 倍，{b} 天 → {c} 天",
    [CCAD_WHY_DUE] = "计时：上次联系 {a} + {b} 天 = {c} 到期",
    [CCAD_WHY_DUE_NEXT_STEP] = "跟进：约定的下一步在 {a}",
    [CCAD_WHY_DUE_EVENT] = "紧急度：紧急事项 {a} 到期，当日事当日毕",
    [CCAD_WHY_OVERDUE] = "升级：已逾期 {a} 天：{b}（逾期满 {c} 天升到这一级）",
    [CCAD_WHY_GAP_WARN] = "间隔：两次联系相隔 {a} 天，上限 {b} 天（超出 {c} 天）",
    [CCAD_WHY_GAP_ALERT] = "间隔：两次联系相隔 {a} 天，满 {b} 天告警（比上限多 {c} 天）",
    [CCAD_WHY_NO_RECORD] = "跟进：最近一次联系没有记录（{a} 次没有记录）",
    [CCAD_WHY_NO_NEXT_STEP] = "跟进：{a} 的联系没有约定下一步",
    [CCAD_WHY_REMINDER] = "跟进：{a} 提醒：{b} 要联系客户",
    [CCAD_WHY_STALLED] = "停滞：连续 {a} 次联系没有进展（上限 {b} 次）：换个策略，或及时提出成交",
    [CCAD_WHY_PATIENCE] = "耐心：已联系 {a} 次，至少要 {b} 次；现在放弃为时过早",
    [CCAD_WHY_PATIENCE_RHYTHM] = "耐心：节奏断了（相隔 {a} 天，上限 {b} 天）；现在放弃为时过早",
    [CCAD_WHY_RELEASED_EARLY] = "耐心：只联系了 {a} 次（至少要 {b} 次）就放出了客户",
    [CCAD_WHY_OWNERSHIP] = "归属：{a<已过期 {a!} 天|还剩 {a} 天}（归属期 {b} 天，{c} 到期）",
    [CCAD_WHY_TRIAGE] = "分类：{a}，月销量 {b}（标准 {c}）",
    [CCAD_WHY_TRIAGE_MARGIN] = "分类：毛利率 {a} 不低于 {b}，类别上调一级",
    [CCAD_WHY_TRIAGE_SHARE] = "分类：{a}，我们的销量占客户销量的 {b}%（标准 {c}%）",
    [CCAD_WHY_TRIAGE_RANK] = "分类：{a}，我们在客户的供货商中排第 {b} 位（标准第 {c} 位）",
    [CCAD_WHY_COMPLAINT_OPEN] = "投诉：从 {a} 起未解决（已 {b} 天）：一直跟进到解决，投诉是好事",
    [CCAD_WHY_COMPLAINT_CARE] = "投诉：{a} 已解决，{b} 回访关怀",
    [CCAD_WHY_NEVER_CONTACTED] = "未联系：从未联系过{a?，现在就该联系|}",
    [CCAD_WHY_INACTIVE] = "频次：{a}，不再需要联系",
    [CCAD_WHY_SERVICE] = "服务：{b} 次联系做到了{a}",
    [CCAD_WHY_PLAN_DUE] = "象限：按 Q{b#} {b} 排入（大石头先放），{a} 到期{c?，已逾期 {c} 天|}",
    [CCAD_WHY_PLAN_ROLLED] = "产能：从 {a} 顺延过来（等了 {b} 天）",
    [CCAD_WHY_PLAN_DELEGATED] =
        "产能：紧急但不重要，当天已排满（{a}/{b}{c? 分钟| 个}）：委托同事去处理",
    [CCAD_WHY_PLAN_ABSENT] = "产能：{a} 业务员不在：交给代班同事",
    [CCAD_WHY_PERSIST_BLOCK] = "死磕：连续死磕 {b} 天的第 {a} 天（每 {c} 天一轮）",
    [CCAD_WHY_KEEPWARM_TOUCH] = "保温：在特别的日子 {a} 问候客户",
    [CCAD_WHY_CAPACITY_FULL] =
        "产能：{a} 排不下重要的联系（已排 {b} 个{c?，每天上限 {c} 个|，时间已排满}）",
    [CCAD_WHY_WORKLOAD_OVER] =
        "工作量：需要联系 {a} 次，产能 {b} 次（减少 {a-b} 次，或把间隔拉长到 {ch} 倍）",
    [CCAD_WHY_PLATFORM_OVER_CAP] = "平台：工作平台有 {a} 个客户，上限 {b} 个",
    [CCAD_WHY_PLATFORM_C_HEAVY] = "平台：工作平台 {b} 个客户中有 {a} 个是C类或D类（上限 {c}%）",
    [CCAD_WHY_PLAN_DROPPED] = "产能：不紧急也不重要，从 {a} 等了 {b} 天，这次不再安排",
    [CCAD_WHY_PLAN_UNPLANNED] = "产能：{a} 到期，但计划期内没有排上{b?（从未联系过）|}",
    [CCAD_WHY_GAP_PLANNED] = "间隔：按计划会空出 {a} 天，到 {c} 为止（上限 {b} 天）",
    [CCAD_WHY_CARE_CONTACT] = "投诉：{a} 投诉已解决，{b} 回访关怀",
    [CCAD_WHY_REMINDER_DUE] = "跟进：{a} 提醒 {b} 的联系",
    [CCAD_WHY_PLAN_EARLY] = "产能：还有空：比到期日 {a} 提前 {b} 天安排",
    [CCAD_WHY_ROUTE_LATE] = "路线：最早 {a} 才能开始，时限 {b}：晚了 {c} 分钟",
    [CCAD_WHY_ROUTE_DAY] = "路线：从 {a} 挪到这一天，离当天其他客户更近（约省 {b} 分钟）",
    [CCAD_WHY_PLAN_BLOCKED_DAYS] = "路线：{a} 到期，但计划期内没有一个工作日是它的拜访日（{b}）",
    [CCAD_WHY_PLAN_BLOCKED_HOURS] = "路线：拜访时段 {a}–{b} 在工作时间内放不下 {c} 分钟的拜访",
    [CCAD_WHY_PLAN_BLOCKED_TIME] =
        "路线：{a} 到期，但能去的日子都没有时间（单独去一趟要 {b} 分钟，一天只有 {c} 分钟）",
    [CCAD_WHY_PLAN_VISIT_DAY] = "路线：{a} 到期，排在下一个拜访日（{b}）",
    [CCAD_WHY_GIVE_UP] =
        "分类：放弃：不再安排联系；已联系 {a} 次，建议放出客户（耐心要求 {b} 次）{c?：为时过早|}",
    [CCAD_WHY_ORDER_CLOSED] = "紧急度：{a} 下单，{b} 的采购决定已经完成",
    [CCAD_WHY_PLATFORM_UNDER_MIN] = "平台：工作平台只有 {a} 个客户，不到最少要管理的 {b} 个",
    [CCAD_WHY_Q1_VISITS_ONLY] =
        "计时：采购在即，要到客户处拜访；{a} "
        "的联系不是拜访，不算数（{b<还没有拜访过，今天就该去|上次拜访在 {b} 天前}）",
    [CCAD_WHY_FREQ_RAMP] = "频次：{a} 天后做采购决定，提前加密沟通：{b?间隔从 {b} 天缩短到 {c} "
                           "天|原本没有固定频次，改为每 {c} 天联系一次}",
    [CCAD_WHY_TEAM_CARRIER] = "产能：安排有时间的同事去一趟（路上多花 {a} 分钟；该同事当天共 {b} "
                              "个联系{c?，上限 {c} 个|，不限个数}）",
    [CCAD_WHY_TEAM_NO_CARRIER] =
        "产能：{a} {b?在岗的 {b} 位同事都排满了|没有同事在岗}，这次联系（{c}）没人能去",
    [CCAD_WHY_POOL_RELEASE] =
        "归属：建议把客户放回公海（已联系 {a} 次，耐心要求 {b} 次）{c?：为时过早|}",
    [CCAD_WHY_POOL_IDLE] = "归属：从 {c} 起已 {a} 天没有联系（满 {b} 天没联系就放出）",
    [CCAD_WHY_POOL_ASSIGN] = "工作量：公海客户建议交给最近的、还有余力的业务员（离出发地 {a} "
                             "分钟；还能再联系 {b} 次，这个客户要 {c} 次）",
    [CCAD_WHY_TEAM_MOVE] =
        "工作量：建议从超负荷的业务员（产能的 {b}%）调给还有余力的业务员（调入后 "
        "{c}%）；辖区路程{a<少 {a!} 分钟|{a?多 {a} 分钟|不变}}",
    [CCAD_WHY_RECORD_LATE] = "跟进：{a} 的拜访记录到 {b} 才录入，晚了 {c} 天；拜访记录要当天录入",
    [CCAD_WHY_RECORD_INCOMPLETE] = "跟进：最近一次的拜访记录不完整，缺 {a} 项（缺项代码 {b#}：1 "
                                   "目的，2 谈了什么，4 客户状态，8 问题是否解决，16 下一个问题）",
    [CCAD_WHY_STALL_REPEATED] =
        "停滞：连续 {a} 次没有进展，其中 {b} 次没有销售目的或重复上一次{c?（提出成交 {c} "
        "次）|}：每次拜访都要有新的销售目的",
    [CCAD_WHY_STALL_NO_CLOSE] = "停滞：{a} 次有目的的拜访都没有进展，也没有提出成交：及时提出成交",
    [CCAD_WHY_PATIENCE_RUN] = "耐心：潜在客户连续联系 {a} 次，至少要 {b} 次{c?（相隔 {c} "
                              "天，连续中断了）|}；现在放弃为时过早",
    [CCAD_WHY_PERSIST_LACKING] =
        "死磕：{c} 开始的死磕已经结束，与老板一起做的有效活动只有 {a} 次，至少要 {b} 次",
};

static const char word_text[][CCAD__NAME_TEXT_CAP] = {
    [CCAD__WORD_YUAN] = "元",        [CCAD__WORD_WAN] = "万",     [CCAD__WORD_YI] = "亿",
    [CCAD__WORD_NO_DATE] = "无日期", [CCAD__WORD_NO_DAYS] = "无", [CCAD__WORD_LIST_SEP] = "、",
    [CCAD__WORD_MONTH] = "月",       [CCAD__WORD_DAY] = "日",     [CCAD__WORD_UNKNOWN] = "原因代码",
    [CCAD__WORD_COLON] = "：",
};

static const char n_grade[][CCAD__NAME_TEXT_CAP] = {"未分级", "A类", "B类", "C类", "D类"};
static const char n_status[][CCAD__NAME_TEXT_CAP] = {"潜在客户", "合作客户", "KA客户", "已放出",
                                                     "已淘汰"};
static const char n_complaint[][CCAD__NAME_TEXT_CAP] = {"无投诉", "投诉未解决", "投诉已解决"};
static const char n_kind[][CCAD__NAME_TEXT_CAP] = {"拜访", "电话", "消息", "邮件", "其他"};
static const char n_outcome[][CCAD__NAME_TEXT_CAP] = {"有进展", "没有进展", "下单", "客户投诉",
                                                      "投诉解决"};
static const char n_service[][CCAD__NAME_TEXT_CAP] = {"未标注", "基本服务", "满意服务", "超值服务",
                                                      "感动服务"};
static const char n_triage[][CCAD__NAME_TEXT_CAP] = {"未分类", "靠你挣钱", "你推才动", "推不动"};
static const char n_strategy[][CCAD__NAME_TEXT_CAP] = {"无策略", "放手", "死磕", "放弃"};
static const char n_escalation[][CCAD__NAME_TEXT_CAP] = {"不升级", "提醒业务员", "提醒业务员和经理",
                                                         "转给他人"};
static const char n_urgency[][CCAD__NAME_TEXT_CAP] = {"不紧急", "两周内采购", "一周内采购",
                                                      "当日事当日毕"};
static const char n_quadrant[][CCAD__NAME_TEXT_CAP] = {"重要又紧急", "重要不紧急", "紧急不重要",
                                                       "不紧急也不重要"};
static const char n_weekday[][CCAD__NAME_TEXT_CAP] = {"周一", "周二", "周三", "周四",
                                                      "周五", "周六", "周日"};
static const char n_flag[][CCAD__NAME_TEXT_CAP] = {
    "到期",     "逾期",       "降温",       "变冷",       "停滞",       "从未联系",
    "没有记录", "没有下一步", "放出过早",   "已过早放出", "投诉未解决", "该回访",
    "今日提醒", "不再联系",   "原因已截断", "记录晚录",   "记录不全"};
static const char n_rule[][CCAD__NAME_TEXT_CAP] = {
    "分级", "紧急度", "象限", "频次", "工作量", "产能", "间隔", "跟进", "停滞", "耐心", "分类",
    "死磕", "投诉",   "平台", "保温", "路线",   "服务", "说明", "计时", "升级", "归属", "未联系"};
static const char n_item_kind[][CCAD__NAME_TEXT_CAP] = {"拜访", "电话", "死磕", "回访关怀", "问候"};
static const char n_delegation[][CCAD__NAME_TEXT_CAP] = {"本人", "委托同事", "代班同事"};
static const char n_finding[][CCAD__NAME_TEXT_CAP] = {
    "未排上", "逾期",     "降温", "变冷", "停滞",     "过早放出风险", "从未联系", "超出产能",
    "已舍弃", "间隔过长", "平台", "路线", "建议放出", "建议分配",     "建议调动", "死磕不够"};

CCAD__LANG_LOOKUP(ccad__zh_hans_text)
