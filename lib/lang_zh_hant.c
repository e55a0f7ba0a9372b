/* The zh-Hant catalogue: reasons and names in traditional characters, in
 * the terms of the sales texts the rules come from (A類客戶, 大石頭先放,
 * 放手/死磕/放棄, 客戶投訴是好事). Data only; the template notation is in
 * lang_table.h. Adding a reason code: one line in why_text. */
#include "lang_table.h"

static const char why_text[][CCAD__WHY_TEXT_CAP] = {
    [CCAD_WHY_GRADE_MANUAL] = "分級：手動定為{a}客戶",
    [CCAD_WHY_GRADE_RANK] = "分級：{a?按價值排第 {a} 名（共 {b} 名），在前 {c}% "
                            "之內|不參與排名（已離開名單），價值落在 {b} 名客戶的前 {c}% 之內}",
    [CCAD_WHY_GRADE_THRESHOLD] = "分級：價值 {a}，門檻 {b}",
    [CCAD_WHY_URGENCY_PURCHASE] = "緊急度：{a} 天後做採購決定（{b} 天之內）",
    [CCAD_WHY_URGENCY_COMPLAINT] = "緊急度：投訴從 {a} 起未解決（已 {b} 天）",
    [CCAD_WHY_URGENCY_REQUEST] = "緊急度：客戶約在 {a} 見面（{b<已過了 {b!} 天|還有 {b} 天}）",
    [CCAD_WHY_URGENCY_PASSED] = "緊急度：預計採購日期已過去 {a} 天，請更新",
    [CCAD_WHY_QUADRANT] = "象限：Q{a#} {a}（{b}客戶，{c}）",
    [CCAD_WHY_FREQ] = "頻次：每 {b} 天聯繫 {a} 次，間隔 {c} 天",
    [CCAD_WHY_FREQ_NONE] = "頻次：{a}客戶沒有固定的溝通頻次",
    [CCAD_WHY_FREQ_LET_GO] = "頻次：靠你掙錢的客戶，放手：間隔放寬 {a} 倍，{b} 天 → {c} 天",
    [CCAD_WHY_DUE] = "計時：上次聯繫 {a} + {b} 天 = {c} 到期",
    [CCAD_WHY_DUE_NEXT_STEP] = "跟進：約定的下一步在 {a}",
    [CCAD_WHY_DUE_EVENT] = "緊急度：緊急事項 {a} 到期，當日事當日畢",
    [CCAD_WHY_OVERDUE] = "升級：已逾期 {a} 天：{b}（逾期滿 {c} 天升到這一級）",
    [CCAD_WHY_GAP_WARN] = "間隔：兩次聯繫相隔 {a} 天，上限 {b} 天（超出 {c} 天）",
    [CCAD_WHY_GAP_ALERT] = "間隔：兩次聯繫相隔 {a} 天，滿 {b} 天警示（比上限多 {c} 天）",
    [CCAD_WHY_NO_RECORD] = "跟進：最近一次聯繫沒有紀錄（{a} 次沒有紀錄）",
    [CCAD_WHY_NO_NEXT_STEP] = "跟進：{a} 的聯繫沒有約定下一步",
    [CCAD_WHY_REMINDER] = "跟進：{a} 提醒：{b} 要聯繫客戶",
    [CCAD_WHY_STALLED] = "停滯：連續 {a} 次聯繫沒有進展（上限 {b} 次）：換個策略，或及時提出成交",
    [CCAD_WHY_PATIENCE] = "耐心：已聯繫 {a} 次，至少要 {b} 次；現在放棄為時過早",
    [CCAD_WHY_PATIENCE_RHYTHM] = "耐心：節奏斷了（相隔 {a} 天，上限 {b} 天）；現在放棄為時過早",
    [CCAD_WHY_RELEASED_EARLY] = "耐心：只聯繫了 {a} 次（至少要 {b} 次）就放出了客戶",
    [CCAD_WHY_OWNERSHIP] = "歸屬：{a<已過期 {a!} 天|還剩 {a} 天}（歸屬期 {b} 天，{c} 到期）",
    [CCAD_WHY_TRIAGE] = "分類：{a}，月銷量 {b}（標準 {c}）",
    [CCAD_WHY_TRIAGE_MARGIN] = "分類：毛利率 {a} 不低於 {b}，類別上調一級",
    [CCAD_WHY_TRIAGE_SHARE] = "分類：{a}，我們的銷量佔客戶銷量的 {b}%（標準 {c}%）",
    [CCAD_WHY_TRIAGE_RANK] = "分類：{a}，我們在客戶的供貨商中排第 {b} 位（標準第 {c} 位）",
    [CCAD_WHY_COMPLAINT_OPEN] =
        "投訴：從 {a} 起未解決（已 {b} 天）：一直跟進到解決，客戶投訴是好事",
    [CCAD_WHY_COMPLAINT_CARE] = "投訴：{a} 已解決，{b} 回訪關懷",
    [CCAD_WHY_NEVER_CONTACTED] = "未聯繫：從未聯繫過{a?，現在就該聯繫|}",
    [CCAD_WHY_INACTIVE] = "頻次：{a}，不再需要聯繫",
    [CCAD_WHY_SERVICE] = "服務：{b} 次聯繫做到了{a}",
    [CCAD_WHY_PLAN_DUE] = "象限：按 Q{b#} {b} 排入（大石頭先放），{a} 到期{c?，已逾期 {c} 天|}",
    [CCAD_WHY_PLAN_ROLLED] = "產能：從 {a} 順延過來（等了 {b} 天）",
    [CCAD_WHY_PLAN_DELEGATED] =
        "產能：緊急但不重要，當天已排滿（{a}/{b}{c? 分鐘| 個}）：委託同事去處理",
    [CCAD_WHY_PLAN_ABSENT] = "產能：{a} 業務員不在：交給代班同事",
    [CCAD_WHY_PERSIST_BLOCK] = "死磕：連續死磕 {b} 天的第 {a} 天（每 {c} 天一輪）",
    [CCAD_WHY_KEEPWARM_TOUCH] = "保溫：在特別的日子 {a} 問候客戶",
    [CCAD_WHY_CAPACITY_FULL] =
        "產能：{a} 排不下重要的聯繫（已排 {b} 個{c?，每天上限 {c} 個|，時間已排滿}）",
    [CCAD_WHY_WORKLOAD_OVER] =
        "工作量：需要聯繫 {a} 次，產能 {b} 次（減少 {a-b} 次，或把間隔拉長到 {ch} 倍）",
    [CCAD_WHY_PLATFORM_OVER_CAP] = "平台：工作平台有 {a} 個客戶，上限 {b} 個",
    [CCAD_WHY_PLATFORM_C_HEAVY] = "平台：工作平台 {b} 個客戶中有 {a} 個是C類或D類（上限 {c}%）",
    [CCAD_WHY_PLAN_DROPPED] = "產能：不緊急也不重要，從 {a} 等了 {b} 天，這次不再安排",
    [CCAD_WHY_PLAN_UNPLANNED] = "產能：{a} 到期，但計劃期內沒有排上{b?（從未聯繫過）|}",
    [CCAD_WHY_GAP_PLANNED] = "間隔：按計劃會空出 {a} 天，到 {c} 為止（上限 {b} 天）",
    [CCAD_WHY_CARE_CONTACT] = "投訴：{a} 投訴已解決，{b} 回訪關懷",
    [CCAD_WHY_REMINDER_DUE] = "跟進：{a} 提醒 {b} 的聯繫",
    [CCAD_WHY_PLAN_EARLY] = "產能：還有空：比到期日 {a} 提前 {b} 天安排",
    [CCAD_WHY_ROUTE_LATE] = "路線：最早 {a} 才能開始，時限 {b}：晚了 {c} 分鐘",
    [CCAD_WHY_ROUTE_DAY] = "路線：從 {a} 挪到這一天，離當天其他客戶更近（約省 {b} 分鐘）",
    [CCAD_WHY_PLAN_BLOCKED_DAYS] = "路線：{a} 到期，但計劃期內沒有一個工作日是它的拜訪日（{b}）",
    [CCAD_WHY_PLAN_BLOCKED_HOURS] = "路線：拜訪時段 {a}–{b} 在工作時間內放不下 {c} 分鐘的拜訪",
    [CCAD_WHY_PLAN_BLOCKED_TIME] =
        "路線：{a} 到期，但能去的日子都沒有時間（單獨去一趟要 {b} 分鐘，一天只有 {c} 分鐘）",
    [CCAD_WHY_PLAN_VISIT_DAY] = "路線：{a} 到期，排在下一個拜訪日（{b}）",
    [CCAD_WHY_GIVE_UP] =
        "分類：放棄：不再安排聯繫；已聯繫 {a} 次，建議放出客戶（耐心要求 {b} 次）{c?：為時過早|}",
    [CCAD_WHY_ORDER_CLOSED] = "緊急度：{a} 下單，{b} 的採購決定已經完成",
    [CCAD_WHY_PLATFORM_UNDER_MIN] = "平台：工作平台只有 {a} 個客戶，不到最少要管理的 {b} 個",
    [CCAD_WHY_Q1_VISITS_ONLY] =
        "計時：採購在即，要到客戶處拜訪；{a} "
        "的聯繫不是拜訪，不算數（{b<還沒有拜訪過，今天就該去|上次拜訪在 {b} 天前}）",
    [CCAD_WHY_FREQ_RAMP] = "頻次：{a} 天後做採購決定，提前加密溝通：{b?間隔從 {b} 天縮短到 {c} "
                           "天|原本沒有固定頻次，改為每 {c} 天聯繫一次}",
    [CCAD_WHY_TEAM_CARRIER] = "產能：安排有時間的同事去一趟（路上多花 {a} 分鐘；該同事當天共 {b} "
                              "個聯繫{c?，上限 {c} 個|，不限個數}）",
    [CCAD_WHY_TEAM_NO_CARRIER] =
        "產能：{a} {b?在崗的 {b} 位同事都排滿了|沒有同事在崗}，這次聯繫（{c}）沒人能去",
    [CCAD_WHY_POOL_RELEASE] =
        "歸屬：建議把客戶放回公海（已聯繫 {a} 次，耐心要求 {b} 次）{c?：為時過早|}",
    [CCAD_WHY_POOL_IDLE] = "歸屬：從 {c} 起已 {a} 天沒有聯繫（滿 {b} 天沒聯繫就放出）",
    [CCAD_WHY_POOL_ASSIGN] = "工作量：公海客戶建議交給最近的、還有餘力的業務員（離出發地 {a} "
                             "分鐘；還能再聯繫 {b} 次，這個客戶要 {c} 次）",
    [CCAD_WHY_TEAM_MOVE] =
        "工作量：建議從超負荷的業務員（產能的 {b}%）調給還有餘力的業務員（調入後 "
        "{c}%）；轄區路程{a<少 {a!} 分鐘|{a?多 {a} 分鐘|不變}}",
    [CCAD_WHY_RECORD_LATE] = "跟進：{a} 的拜訪記錄到 {b} 才錄入，晚了 {c} 天；拜訪記錄要當天錄入",
    [CCAD_WHY_RECORD_INCOMPLETE] = "跟進：最近一次的拜訪記錄不完整，缺 {a} 項（缺項代碼 {b#}：1 "
                                   "目的，2 談了什麼，4 客戶狀態，8 問題是否解決，16 下一個問題）",
    [CCAD_WHY_STALL_REPEATED] =
        "停滯：連續 {a} 次沒有進展，其中 {b} 次沒有銷售目的或重複上一次{c?（提出成交 {c} "
        "次）|}：每次拜訪都要有新的銷售目的",
    [CCAD_WHY_STALL_NO_CLOSE] = "停滯：{a} 次有目的的拜訪都沒有進展，也沒有提出成交：及時提出成交",
    [CCAD_WHY_PATIENCE_RUN] = "耐心：潛在客戶連續聯繫 {a} 次，至少要 {b} 次{c?（相隔 {c} "
                              "天，連續中斷了）|}；現在放棄為時過早",
    [CCAD_WHY_PERSIST_LACKING] =
        "死磕：{c} 開始的死磕已經結束，與老闆一起做的有效活動只有 {a} 次，至少要 {b} 次",
};

static const char word_text[][CCAD__NAME_TEXT_CAP] = {
    [CCAD__WORD_YUAN] = "元",        [CCAD__WORD_WAN] = "萬",     [CCAD__WORD_YI] = "億",
    [CCAD__WORD_NO_DATE] = "無日期", [CCAD__WORD_NO_DAYS] = "無", [CCAD__WORD_LIST_SEP] = "、",
    [CCAD__WORD_MONTH] = "月",       [CCAD__WORD_DAY] = "日",     [CCAD__WORD_UNKNOWN] = "原因代碼",
    [CCAD__WORD_COLON] = "：",
};

static const char n_grade[][CCAD__NAME_TEXT_CAP] = {"未分級", "A類", "B類", "C類", "D類"};
static const char n_status[][CCAD__NAME_TEXT_CAP] = {"潛在客戶", "合作客戶", "KA客戶", "已放出",
                                                     "已淘汰"};
static const char n_complaint[][CCAD__NAME_TEXT_CAP] = {"無投訴", "投訴未解決", "投訴已解決"};
static const char n_kind[][CCAD__NAME_TEXT_CAP] = {"拜訪", "電話", "訊息", "郵件", "其他"};
static const char n_outcome[][CCAD__NAME_TEXT_CAP] = {"有進展", "沒有進展", "下單", "客戶投訴",
                                                      "投訴解決"};
static const char n_service[][CCAD__NAME_TEXT_CAP] = {"未標註", "基本服務", "滿意服務", "超值服務",
                                                      "感動服務"};
static const char n_triage[][CCAD__NAME_TEXT_CAP] = {"未分類", "靠你掙錢", "你推才動", "推不動"};
static const char n_strategy[][CCAD__NAME_TEXT_CAP] = {"無策略", "放手", "死磕", "放棄"};
static const char n_escalation[][CCAD__NAME_TEXT_CAP] = {"不升級", "提醒業務員", "提醒業務員和經理",
                                                         "轉給他人"};
static const char n_urgency[][CCAD__NAME_TEXT_CAP] = {"不緊急", "兩週內採購", "一週內採購",
                                                      "當日事當日畢"};
static const char n_quadrant[][CCAD__NAME_TEXT_CAP] = {"重要又緊急", "重要不緊急", "緊急不重要",
                                                       "不緊急也不重要"};
static const char n_weekday[][CCAD__NAME_TEXT_CAP] = {"週一", "週二", "週三", "週四",
                                                      "週五", "週六", "週日"};
static const char n_flag[][CCAD__NAME_TEXT_CAP] = {
    "到期",     "逾期",       "降溫",       "變冷",       "停滯",       "從未聯繫",
    "沒有紀錄", "沒有下一步", "放出過早",   "已過早放出", "投訴未解決", "該回訪",
    "今日提醒", "不再聯繫",   "原因已截斷", "記錄晚錄",   "記錄不全"};
static const char n_rule[][CCAD__NAME_TEXT_CAP] = {
    "分級", "緊急度", "象限", "頻次", "工作量", "產能", "間隔", "跟進", "停滯", "耐心", "分類",
    "死磕", "投訴",   "平台", "保溫", "路線",   "服務", "說明", "計時", "升級", "歸屬", "未聯繫"};
static const char n_item_kind[][CCAD__NAME_TEXT_CAP] = {"拜訪", "電話", "死磕", "回訪關懷", "問候"};
static const char n_delegation[][CCAD__NAME_TEXT_CAP] = {"本人", "委託同事", "代班同事"};
static const char n_finding[][CCAD__NAME_TEXT_CAP] = {
    "未排上", "逾期",     "降溫", "變冷", "停滯",     "過早放出風險", "從未聯繫", "超出產能",
    "已捨棄", "間隔過長", "平台", "路線", "建議放出", "建議分配",     "建議調動", "死磕不夠"};

CCAD__LANG_LOOKUP(ccad__zh_hant_text)
