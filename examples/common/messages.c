/* messages.c - the report texts of the example programs (messages.h).
 * Each row: English, simplified Chinese, traditional Chinese. The English
 * texts are the programs' output of before the languages, unchanged. */
#include "messages.h"

#include <stdio.h>
#include <string.h>

#include "custcadence.h"

static const char *const texts[CCEX_MSG_COUNT][CCAD_LANG_COUNT] = {
    [M_PLAN_FOR] = {"Plan for %s .. %s: %ld days, %ld visits and %ld service minutes a day\n",
                    "计划 %s 至 %s：共 %ld 天，每天 %ld 次拜访、%ld 分钟服务时间\n",
                    "計劃 %s 至 %s：共 %ld 天，每天 %ld 次拜訪、%ld 分鐘服務時間\n"},
    [M_OVERLOAD_STRETCH] =
        {"Overload policy: stretch (every contact interval stretched to fit the capacity)\n",
         "超出产能时：拉长（每个联系间隔都拉长到排得下）\n",
         "超出產能時：拉長（每個聯繫間隔都拉長到排得下）\n"},
    [M_CUSTOMERS] = {"Customers: %s (%lu)", "客户：%s（%lu 个）", "客戶：%s（%lu 個）"},
    [M_CONTACTS] = {"; contacts: %s (%lu applied)", "；联系记录：%s（已读入 %lu 条）",
                    "；聯繫紀錄：%s（已讀入 %lu 筆）"},
    [M_CALENDAR] = {"\nCalendar: ", "\n日历：", "\n行事曆："},
    [M_CAL_HOLIDAYS] = {"holidays", "节假日", "節假日"},
    [M_CAL_ABSENCES] = {"absences", "请假", "請假"},
    [M_CAL_SPECIAL] = {"special dates", "特别的日子", "特別的日子"},
    [M_CAL_FILE] = {"%s%s %s (%lu)", "%s%s %s（%lu 天）", "%s%s %s（%lu 天）"},
    [M_ROUTES_FROM] = {"\nRoutes from the base at %.4f,%.4f at 30 km/h, day %s-%s\n",
                       "\n路线从出发地 %.4f,%.4f 起算，时速 30 公里，工作时间 %s-%s\n",
                       "\n路線從出發地 %.4f,%.4f 起算，時速 30 公里，工作時間 %s-%s\n"},
    [M_TAG_HOLIDAY] = {"holiday", "节假日", "節假日"},
    [M_TAG_ABSENT] = {"rep absent", "业务员不在", "業務員不在"},
    [M_TAG_SPECIAL] = {"special date", "特别的日子", "特別的日子"},
    [M_TAG_OPEN] = {" (", "（", "（"},
    [M_TAG_SEP] = {", ", "、", "、"},
    [M_TAG_CLOSE] = {")", "）", "）"},
    [M_NOTHING_PLANNED] = {": nothing planned", "：没有安排", "：沒有安排"},
    [M_NOT_WORKING] = {": not a working day", "：不是工作日", "：不是工作日"},
    [M_DAY_STOPS] = {": %lu stop%s, %ld min with customers, %ld min travelling",
                     "：拜访 %lu 家%s，在客户处 %ld 分钟，路上 %ld 分钟",
                     "：拜訪 %lu 家%s，在客戶處 %ld 分鐘，路上 %ld 分鐘"},
    [M_BACK_AT_BASE] = {", back at base %s", "，%s 回到出发地", "，%s 回到出發地"},
    [M_MORE_ITEMS] = {"; %lu more item%s", "；另有 %lu 项%s", "；另有 %lu 項%s"},
    [M_COL_ETA] = {"ETA", "到达", "到達"},
    [M_COL_ID] = {"id", "编号", "編號"},
    [M_COL_CUSTOMER] = {"customer", "客户", "客戶"},
    [M_COL_GRADE] = {"grade", "分级", "分級"},
    [M_COL_KIND] = {"kind", "方式", "方式"},
    [M_COL_BY] = {"by", "由谁去", "由誰去"},
    [M_COL_WHY] = {"why", "原因", "原因"},
    [M_LATE] = {"LATE ", "迟到 ", "遲到 "},
    [M_WORKLOAD_OVER] = {"\nWorkload over %ld days: %ld field days x %ld visits = capacity %lld\n",
                         "\n%ld 天的工作量：%ld 个外勤日 × 每天 %ld 次拜访 = 产能 %lld 次\n",
                         "\n%ld 天的工作量：%ld 個外勤日 × 每天 %ld 次拜訪 = 產能 %lld 次\n"},
    [M_WORKLOAD_HEAD] = {"  grade  customers  visits  to cut\n",
                         "  分级       客户    拜访    削减\n",
                         "  分級       客戶    拜訪    削減\n"},
    [M_TOTAL] = {"total", "合计", "合計"},
    [M_ROUNDS] = {"  rounds: each customer can be seen %ld.%02ld times in the period\n",
                  "  轮次：这段时间每个客户可以拜访 %ld.%02ld 次\n",
                  "  輪次：這段時間每個客戶可以拜訪 %ld.%02ld 次\n"},
    [M_OVER_CAPACITY] =
        {"  over capacity by %lld visits; stretching every interval by %ld.%02ld would fit\n",
         "  超出产能 %lld 次拜访；每个间隔拉长到 %ld.%02ld 倍就排得下\n",
         "  超出產能 %lld 次拜訪；每個間隔拉長到 %ld.%02ld 倍就排得下\n"},
    [M_WITHIN_CAPACITY] = {"  within capacity (%lld spare visits)\n",
                           "  在产能之内（还能多排 %lld 次拜访）\n",
                           "  在產能之內（還能多排 %lld 次拜訪）\n"},
    [M_PLATFORMS_HEAD] = {"\nPlatforms      total      A      B      C      D\n",
                          "\n平台           合计      A      B      C      D\n",
                          "\n平台           合計      A      B      C      D\n"},
    [M_MARKET] = {"  market    ", "  市场平台  ", "  市場平台  "},
    [M_WORKING] = {"\n  working   ", "\n  工作平台  ", "\n  工作平台  "},
    [M_BUYING] = {"\n  buying    ", "\n  购买平台  ", "\n  購買平台  "},
    [M_KEY_ACCOUNTS] = {"\n  key accounts: %lld\n", "\n  KA客户：%lld 个\n",
                        "\n  KA客戶：%lld 個\n"},
    [M_PLATFORM_OVER] = {"  warning: the working platform of %lld is over its cap of %lld\n",
                         "  注意：工作平台有 %lld 个客户，超过上限 %lld 个\n",
                         "  注意：工作平台有 %lld 個客戶，超過上限 %lld 個\n"},
    [M_PLATFORM_WITHIN] = {"  the working platform of %lld is within its cap of %lld\n",
                           "  工作平台有 %lld 个客户，在上限 %lld 个之内\n",
                           "  工作平台有 %lld 個客戶，在上限 %lld 個之內\n"},
    [M_PLATFORM_UNDER] = {"  warning: the working platform of %lld is under its minimum of %lld\n",
                          "  注意：工作平台只有 %lld 个客户，不到最少要管理的 %lld 个\n",
                          "  注意：工作平台只有 %lld 個客戶，不到最少要管理的 %lld 個\n"},
    [M_C_HEAVY] =
        {"  warning: C and D customers make up more than %lld %% of the working platform\n",
         "  注意：C类和D类客户占了工作平台的 %lld%% 以上\n",
         "  注意：C類和D類客戶佔了工作平台的 %lld%% 以上\n"},
    [M_FINDINGS] = {"\nFindings (%lu):\n", "\n需要注意（%lu 条）：\n", "\n需要注意（%lu 條）：\n"},
    [M_WHOLE_PLAN] = {"(whole plan)", "（整个计划）", "（整個計劃）"},
    [M_DUE_GRADE] = {"  grade %s, Q%d, ", "  %s客户，Q%d，", "  %s客戶，Q%d，"},
    [M_DUE_INACTIVE] = {"inactive, no due date", "不再联系，没有到期日", "不再聯繫，沒有到期日"},
    [M_DUE_NO_DATE] = {"no due date", "没有到期日", "沒有到期日"},
    [M_DUE_OVERDUE] = {"due %s, %ld day%s overdue", "%s 到期，已逾期 %ld 天%s",
                       "%s 到期，已逾期 %ld 天%s"},
    [M_DUE_TODAY] = {"due %s (today)", "%s 到期（今天）", "%s 到期（今天）"},
    [M_DUE_IN] = {"due %s, in %ld days", "%s 到期，还有 %ld 天", "%s 到期，還有 %ld 天"},
    [M_DUE_ESCALATION] = {", escalation: %s", "，升级：%s", "，升級：%s"},
    [M_DUE_MORE_REASONS] = {"    (more reasons than the library keeps)\n",
                            "    （原因太多，只列出一部分）\n", "    （原因太多，只列出一部分）\n"},
    [M_DUE_ALL] = {"All %lu customers on %s, most urgent first\n",
                   "全部 %lu 个客户，%s，最紧急的在前\n", "全部 %lu 個客戶，%s，最緊急的在前\n"},
    [M_DUE_ON] = {"Due on %s: %lu of %lu customers, most urgent first\n",
                  "%s 到期：%lu 个客户（共 %lu 个），最紧急的在前\n",
                  "%s 到期：%lu 個客戶（共 %lu 個），最緊急的在前\n"},
    [M_DUE_SUMMARY] = {"\nSummary: %lu customers, %lu due, %lu overdue, %lu cooling/cold, %lu "
                       "stalled, %lu never contacted\n",
                       "\n小结：%lu 个客户，%lu 个到期，%lu 个逾期，%lu 个降温或变冷，%lu "
                       "个停滞，%lu 个从未联系\n",
                       "\n小結：%lu 個客戶，%lu 個到期，%lu 個逾期，%lu 個降溫或變冷，%lu "
                       "個停滯，%lu 個從未聯繫\n"},
    [M_ICS_CALNAME] = {"Customer visits", "客户拜访", "客戶拜訪"},
    [M_ICS_SUMMARY_TAIL] = {", grade %s, %s)", "，%s，%s）", "，%s，%s）"},
    [M_ICS_STOP] = {"Stop %ld of the day, %ld min travel from the previous stop.",
                    "当天第 %ld 站，从上一站过来路上 %ld 分钟。",
                    "當天第 %ld 站，從上一站過來路上 %ld 分鐘。"},
    [M_ICS_LATE] = {" Late: misses its window or the end of the day.",
                    "迟到：赶不上拜访时段或下班时间。", "遲到：趕不上拜訪時段或下班時間。"},
    [M_ICS_ALARM] = {"%s on %s at %s: ", "%s（%s %s）：", "%s（%s %s）："},
    [M_ICS_OWNER] = {"Customer of %s (%s).", "客户归属：%s（%s）。", "客戶歸屬：%s（%s）。"},
    [M_ICS_CARRIED] = {"Customer of %s (%s), carried for this teammate.",
                       "客户归属：%s（%s），替这位同事跑。", "客戶歸屬：%s（%s），替這位同事跑。"},
    [M_ICS_FOR] = {" for %s", "（替 %s）", "（替 %s）"},
    [M_SVG_ROUTE_OF] = {"Route of %s", "%s 的路线", "%s 的路線"},
    [M_SVG_SUMMARY] = {"%lu stops, %ld travel minutes, %ld service minutes, back at base %s",
                       "%lu 站，路上 %ld 分钟，在客户处 %ld 分钟，%s 回到出发地",
                       "%lu 站，路上 %ld 分鐘，在客戶處 %ld 分鐘，%s 回到出發地"},
    [M_SVG_STOP_TAIL] = {" (grade %s, %s, %s)", "（%s，%s，%s）", "（%s，%s，%s）"},
    [M_SVG_GRADE] = {"grade %s", "%s客户", "%s客戶"},
    [M_SVG_BASE] = {"base", "出发地", "出發地"},
    [M_SVG_BASE_AT] = {"Base %.4f, %.4f", "出发地 %.4f, %.4f", "出發地 %.4f, %.4f"},
    [M_SVG_LATE] = {"black ring: late stop", "黑圈：迟到的站", "黑圈：遲到的站"},
    [M_MAP_WRITTEN] = {"%s: %lu stop%s, %ld travel minutes\n", "%s：拜访 %lu 家%s，路上 %ld 分钟\n",
                       "%s：拜訪 %lu 家%s，路上 %ld 分鐘\n"},
    [M_MAP_NO_STOPS] = {"%s: no stops, no map\n", "%s：没有拜访，不画地图\n",
                        "%s：沒有拜訪，不畫地圖\n"},
    [M_MAP_NONE] = {"no day of the plan has stops; no map written\n",
                    "计划里没有一天有拜访，没有画地图\n", "計劃裡沒有一天有拜訪，沒有畫地圖\n"},
    [M_ICS_WROTE] = {"wrote %lu event%s to %s\n", "已写入 %lu 个日程%s：%s\n",
                     "已寫入 %lu 個日程%s：%s\n"},
    [M_TEAM_PLAN_FOR] = {"Team plan for %s .. %s: %lu reps, %lu customers, routes at 30 km/h\n",
                         "团队计划 %s 至 %s：%lu 名业务员，%lu 个客户，路线按时速 30 公里\n",
                         "團隊計劃 %s 至 %s：%lu 名業務員，%lu 個客戶，路線按時速 30 公里\n"},
    [M_TEAM_REP] = {"base %.4f,%.4f, %ld visits a day, %s-%s, %lu customers%s\n",
                    "出发地 %.4f,%.4f，每天 %ld 次拜访，%s-%s，%lu 个客户%s\n",
                    "出發地 %.4f,%.4f，每天 %ld 次拜訪，%s-%s，%lu 個客戶%s\n"},
    [M_TEAM_ABSENT_SOME] = {", absent on some days", "，有几天请假", "，有幾天請假"},
    [M_COL_OWNER] = {"owner", "归属", "歸屬"},
    [M_TEAM_DAY_REP] = {"  %s (%s): %lu item%s, %lu stop%s, %lu carried for teammates\n",
                        "  %s（%s）：共 %lu 项%s，拜访 %lu 家%s，替同事跑 %lu 项\n",
                        "  %s（%s）：共 %lu 項%s，拜訪 %lu 家%s，替同事跑 %lu 項\n"},
    [M_TEAM_NO_ROOM] = {"\nNo teammate with room:\n", "\n没有同事能接手：\n",
                        "\n沒有同事能接手：\n"},
    [M_TEAM_FINDINGS] = {"\nFindings (%lu; write them with --findings FILE):",
                         "\n需要注意（%lu 条；用 --findings FILE 写出）：",
                         "\n需要注意（%lu 條；用 --findings FILE 寫出）："},
    [M_TEAM_FINDINGS_REP] = {" %s %lu", "%s %lu 条", "%s %lu 條"},
    [M_TEAM_FINDINGS_SEP] = {",", "，", "，"},
    [M_TEAM_FINDINGS_POOL] = {", pool %lu", "，公海 %lu 条", "，公海 %lu 條"},
    [M_TEAM_WORKLOAD_HEAD] =
        {"\nWorkload over 30 days (contacts needed / capacity; A B C D), before -> after the "
         "proposals:\n",
         "\n30 天的工作量（需要的联系次数 / 产能；A B C D 类），按建议调整前 -> 后：\n",
         "\n30 天的工作量（需要的聯繫次數 / 產能；A B C D 類），按建議調整前 -> 後：\n"},
    [M_TEAM_LOAD_ROW] =
        {" %4ld / %-4ld (%ld %ld %ld %ld) -> %4ld, %lu -> %lu customers, territory %ld -> %ld "
         "min\n",
         " %4ld / %-4ld（%ld %ld %ld %ld）-> %4ld，%lu -> %lu 个客户，辖区路程 %ld -> %ld 分钟\n",
         " %4ld / %-4ld（%ld %ld %ld %ld）-> %4ld，%lu -> %lu 個客戶，轄區路程 %ld -> %ld 分鐘\n"},
    [M_TEAM_BALANCE] =
        {"Balance: load spread (max/min) %.2f -> %.2f, territory travel %ld -> %ld min; "
         "proposals: %ld release%s, %ld assignment%s, %ld move%s; %ld rep%s still over\n",
         "均衡：负荷差距（最高/最低）%.2f -> %.2f，辖区路程 %ld -> %ld 分钟；建议放出 %ld 个%s、"
         "分配 %ld 个%s、调动 %ld 个%s；仍有 %ld 名业务员%s超出产能\n",
         "均衡：負荷差距（最高/最低）%.2f -> %.2f，轄區路程 %ld -> %ld 分鐘；建議放出 %ld 個%s、"
         "分配 %ld 個%s、調動 %ld 個%s；仍有 %ld 名業務員%s超出產能\n"},
    [M_TEAM_TO_REP] = {"; to %s", "；交给 %s", "；交給 %s"},
};

const char *ccex_msg(int lang, int id)
{
    if (id < 0 || id >= CCEX_MSG_COUNT)
        return "?";
    if (lang < 0 || lang >= CCAD_LANG_COUNT)
        lang = CCAD_LANG_EN;
    return texts[id][lang] != NULL ? texts[id][lang] : texts[id][CCAD_LANG_EN];
}

const char *ccex_plural(int lang, long n) { return lang == CCAD_LANG_EN && n != 1 ? "s" : ""; }

void ccex_day_text(char buf[40], int32_t day, int lang)
{
    char date[16];
    int wd = 0;
    if (day == CCAD_NO_DATE || ccad_date_format(date, sizeof date, day) != CCAD_OK ||
        ccad_date_weekday(&wd, day) != CCAD_OK) {
        strcpy(buf, "none");
        return;
    }
    if (lang == CCAD_LANG_EN)
        snprintf(buf, 40, "%s %s", ccad_name(CCAD_NAME_WEEKDAY, wd), date);
    else
        snprintf(buf, 40, "%s %s", date, ccad_name_lang(CCAD_NAME_WEEKDAY, wd, lang));
}
