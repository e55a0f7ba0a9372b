/* Reasons and names in every language (ccad_reason_format_lang,
 * ccad_name_lang, ccad_name_parse): completeness over every reason code
 * and every named value, figures used, no truncation at
 * CCAD_REASON_TEXT_MAX, whole UTF-8 characters when cut, and the golden
 * files tests/golden/reasons.<lang>.txt (one example of every code, for a
 * reviewer to read; CCAD_GOLDEN_UPDATE=1 rewrites them).
 *
 * The codes are counted from the library (ccad_why_name), so a code added
 * without its translations fails here by name. */
#include "testutil.h"
#include "text_check.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const lang_tags[CCAD_LANG_COUNT] = {"en", "zh-Hans", "zh-Hant"};

/* Reason codes the library knows: 1 .. why_count(). */
static int why_count(void)
{
    int n = 0;
    while (strcmp(ccad_why_name(n + 1), "?") != 0)
        n++;
    return n;
}

#define DAY0 20780 /* 2026-11-23, a Monday */

/* A typical value of a figure kind, different per position. */
static int64_t typical(int kind, int index)
{
    switch (kind) {
    case CCAD_FIG_DATE: return DAY0 + 2 * index;
    case CCAD_FIG_MONEY: return 5000000 + 3000000 * index;
    case CCAD_FIG_CLOCK: return 540 + 90 * index;
    case CCAD_FIG_WEEKDAYS: return CCAD_MON | CCAD_WED | CCAD_FRI;
    case CCAD_FIG_BP: return 150 + 50 * index;
    case CCAD_FIG_ENUM: return 1 + index % 2;
    case CCAD_FIG_NONE: return 0;
    default: return 3 + 4 * index;
    }
}

/* A readable example of each code, for the golden files; codes missing
 * here get typical() figures. */
static const ccad_reason examples[] = {
    {CCAD_RULE_GRADE, CCAD_WHY_GRADE_MANUAL, CCAD_GRADE_A, 0, 0},
    {CCAD_RULE_GRADE, CCAD_WHY_GRADE_RANK, 3, 40, 20},
    {CCAD_RULE_GRADE, CCAD_WHY_GRADE_THRESHOLD, 12550000, 5000000, 0},
    {CCAD_RULE_URGENCY, CCAD_WHY_URGENCY_PURCHASE, 5, 7, 0},
    {CCAD_RULE_URGENCY, CCAD_WHY_URGENCY_COMPLAINT, DAY0 - 2, 2, 0},
    {CCAD_RULE_URGENCY, CCAD_WHY_URGENCY_REQUEST, DAY0 + 1, 1, 0},
    {CCAD_RULE_URGENCY, CCAD_WHY_URGENCY_PASSED, 4, 0, 0},
    {CCAD_RULE_QUADRANT, CCAD_WHY_QUADRANT, CCAD_Q1, CCAD_GRADE_A, CCAD_URGENCY_WEEK},
    {CCAD_RULE_FREQ, CCAD_WHY_FREQ, 3, 7, 2},
    {CCAD_RULE_FREQ, CCAD_WHY_FREQ_NONE, CCAD_GRADE_C, 0, 0},
    {CCAD_RULE_FREQ, CCAD_WHY_FREQ_LET_GO, 2, 7, 14},
    {CCAD_RULE_CLOCK, CCAD_WHY_DUE, DAY0 - 7, 7, DAY0},
    {CCAD_RULE_FOLLOWUP, CCAD_WHY_DUE_NEXT_STEP, DAY0 + 3, 0, 0},
    {CCAD_RULE_URGENCY, CCAD_WHY_DUE_EVENT, DAY0, 0, 0},
    {CCAD_RULE_ESCALATE, CCAD_WHY_OVERDUE, 8, CCAD_ESCALATE_MANAGER, 7},
    {CCAD_RULE_GAP, CCAD_WHY_GAP_WARN, 16, 14, 2},
    {CCAD_RULE_GAP, CCAD_WHY_GAP_ALERT, 22, 21, 8},
    {CCAD_RULE_FOLLOWUP, CCAD_WHY_NO_RECORD, 2, 0, 0},
    {CCAD_RULE_FOLLOWUP, CCAD_WHY_NO_NEXT_STEP, DAY0 - 4, 0, 0},
    {CCAD_RULE_FOLLOWUP, CCAD_WHY_REMINDER, DAY0, DAY0 + 1, 0},
    {CCAD_RULE_STALL, CCAD_WHY_STALLED, 4, 3, 0},
    {CCAD_RULE_PATIENCE, CCAD_WHY_PATIENCE, 3, 5, 0},
    {CCAD_RULE_PATIENCE, CCAD_WHY_PATIENCE_RHYTHM, 25, 14, 0},
    {CCAD_RULE_PATIENCE, CCAD_WHY_RELEASED_EARLY, 2, 5, 0},
    {CCAD_RULE_OWNERSHIP, CCAD_WHY_OWNERSHIP, 12, 90, DAY0 + 12},
    {CCAD_RULE_TRIAGE, CCAD_WHY_TRIAGE, CCAD_TRIAGE_PUSH, 5000000, 8000000},
    {CCAD_RULE_TRIAGE, CCAD_WHY_TRIAGE_MARGIN, 1850, 1500, 0},
    {CCAD_RULE_COMPLAINT, CCAD_WHY_COMPLAINT_OPEN, DAY0 - 3, 3, 0},
    {CCAD_RULE_COMPLAINT, CCAD_WHY_COMPLAINT_CARE, DAY0 - 5, DAY0 + 2, 0},
    {CCAD_RULE_NEVER, CCAD_WHY_NEVER_CONTACTED, 1, 0, 0},
    {CCAD_RULE_FREQ, CCAD_WHY_INACTIVE, CCAD_STATUS_RELEASED, 0, 0},
    {CCAD_RULE_SERVICE, CCAD_WHY_SERVICE, CCAD_SERVICE_VALUE, 2, 0},
    {CCAD_RULE_QUADRANT, CCAD_WHY_PLAN_DUE, DAY0 - 1, CCAD_Q2, 1},
    {CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_ROLLED, DAY0 - 2, 2, 0},
    {CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_DELEGATED, 8, 8, 0},
    {CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_ABSENT, DAY0, 0, 0},
    {CCAD_RULE_PERSIST, CCAD_WHY_PERSIST_BLOCK, 2, 3, 30},
    {CCAD_RULE_KEEPWARM, CCAD_WHY_KEEPWARM_TOUCH, DAY0 + 4, 0, 0},
    {CCAD_RULE_CAPACITY, CCAD_WHY_CAPACITY_FULL, DAY0, 8, 8},
    {CCAD_RULE_WORKLOAD, CCAD_WHY_WORKLOAD_OVER, 230, 176, 131},
    {CCAD_RULE_PLATFORM, CCAD_WHY_PLATFORM_OVER_CAP, 62, 50, 0},
    {CCAD_RULE_PLATFORM, CCAD_WHY_PLATFORM_C_HEAVY, 30, 50, 40},
    {CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_DROPPED, DAY0 - 5, 5, 0},
    {CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_UNPLANNED, DAY0 + 6, 1, 0},
    {CCAD_RULE_GAP, CCAD_WHY_GAP_PLANNED, 18, 14, DAY0 + 9},
    {CCAD_RULE_COMPLAINT, CCAD_WHY_CARE_CONTACT, DAY0 - 7, DAY0, 0},
    {CCAD_RULE_FOLLOWUP, CCAD_WHY_REMINDER_DUE, DAY0 - 1, DAY0, 0},
    {CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_EARLY, DAY0 + 2, 2, 0},
    {CCAD_RULE_ROUTE, CCAD_WHY_ROUTE_LATE, 1005, 990, 15},
    {CCAD_RULE_ROUTE, CCAD_WHY_ROUTE_DAY, DAY0 + 1, 12, 0},
    {CCAD_RULE_ROUTE, CCAD_WHY_PLAN_BLOCKED_DAYS, DAY0, CCAD_SAT | CCAD_SUN, 0},
    {CCAD_RULE_ROUTE, CCAD_WHY_PLAN_BLOCKED_HOURS, 720, 750, 45},
    {CCAD_RULE_ROUTE, CCAD_WHY_PLAN_BLOCKED_TIME, DAY0, 560, 480},
    {CCAD_RULE_ROUTE, CCAD_WHY_PLAN_VISIT_DAY, DAY0, CCAD_TUE | CCAD_THU, 0},
    {CCAD_RULE_TRIAGE, CCAD_WHY_GIVE_UP, 3, 5, 1},
    {CCAD_RULE_URGENCY, CCAD_WHY_ORDER_CLOSED, DAY0 - 1, DAY0 + 5, 0},
    {CCAD_RULE_FOLLOWUP, CCAD_WHY_RECORD_LATE, DAY0 - 3, DAY0 - 1, 2},
    {CCAD_RULE_FOLLOWUP, CCAD_WHY_RECORD_INCOMPLETE, 3,
     CCAD_RECORD_STATE | CCAD_RECORD_SOLVED | CCAD_RECORD_NEXT_PROBLEM, 0},
    {CCAD_RULE_STALL, CCAD_WHY_STALL_REPEATED, 4, 3, 1},
    {CCAD_RULE_STALL, CCAD_WHY_STALL_NO_CLOSE, 3, 0, 0},
    {CCAD_RULE_PATIENCE, CCAD_WHY_PATIENCE_RUN, 2, 5, 21},
    {CCAD_RULE_PERSIST, CCAD_WHY_PERSIST_LACKING, 1, 3, DAY0 - 6},
};

/* The example reason of a code: from examples[], else typical figures. */
static ccad_reason example_of(int why)
{
    ccad_reason r = {CCAD_RULE_EXPLAIN, why, 0, 0, 0};
    size_t k;
    for (k = 0; k < sizeof examples / sizeof examples[0]; k++)
        if (examples[k].why == why)
            return examples[k];
    r.a = typical(ccad_why_figure(why, 0, NULL), 0);
    r.b = typical(ccad_why_figure(why, 1, NULL), 1);
    r.c = typical(ccad_why_figure(why, 2, NULL), 2);
    return r;
}

static void format(char *buf, const ccad_reason *r, int lang)
{
    size_t n = 0;
    assert_int_equal(ccad_reason_format_lang(buf, CCAD_REASON_TEXT_MAX, r, lang, &n), CCAD_OK);
    assert_int_equal(strlen(buf), n);
}

/* The words of the text an unknown code gets, in each language. */
static const char *const fallback_words[CCAD_LANG_COUNT] = {": reason ", "原因代码", "原因代碼"};

/* Every code has its own text in every language: not the fallback that
 * an unknown code gets. */
static void every_code_in_every_language(void **state)
{
    int n = why_count(), why, lang;
    (void)state;
    assert_true(n >= 56);
    for (lang = 0; lang < CCAD_LANG_COUNT; lang++) {
        ccad_reason unknown = {CCAD_RULE_EXPLAIN, n + 1, 7, 8, 9};
        char text[CCAD_REASON_TEXT_MAX];
        format(text, &unknown, lang);
        assert_non_null(strstr(text, fallback_words[lang])); /* the check below can fail */
        for (why = 1; why <= n; why++) {
            ccad_reason r = example_of(why);
            format(text, &r, lang);
            if (strstr(text, fallback_words[lang]) != NULL)
                fail_msg("reason code %d (%s) has no %s text: %s", why, ccad_why_name(why),
                         lang_tags[lang], text);
            if (strpbrk(text, "{}|") != NULL) /* template notation left in the text */
                fail_msg("%s %s: '%s'", lang_tags[lang], ccad_why_name(why), text);
            assert_true(tu_clean_utf8(text, strlen(text)));
        }
    }
}

/* Alternative values of a figure: one of them must change the text. */
static int64_t alternative(int kind, int64_t v, int k)
{
    switch (kind) {
    case CCAD_FIG_ENUM: return k == 0 ? (v == 1 ? 2 : 1) : k == 1 ? 0 : 3;
    case CCAD_FIG_WEEKDAYS: return k == 0 ? CCAD_TUE : 0;
    default: return k == 0 ? v + 1 : k == 1 ? 0 : v + 2;
    }
}

/* Every figure of every code shows in every language: changing it alone
 * changes the text. */
static void every_figure_is_used(void **state)
{
    int n = why_count(), why, lang, index, k;
    (void)state;
    for (lang = 0; lang < CCAD_LANG_COUNT; lang++)
        for (why = 1; why <= n; why++)
            for (index = 0; index < 3; index++) {
                int kind = ccad_why_figure(why, index, NULL);
                ccad_reason r = example_of(why);
                int64_t *fig = index == 0 ? &r.a : index == 1 ? &r.b : &r.c;
                char base[CCAD_REASON_TEXT_MAX], text[CCAD_REASON_TEXT_MAX];
                int changed = 0;
                if (kind == CCAD_FIG_NONE)
                    continue;
                format(base, &r, lang);
                for (k = 0; k < 3 && !changed; k++) {
                    int64_t keep = *fig;
                    *fig = alternative(kind, keep, k);
                    format(text, &r, lang);
                    changed = strcmp(text, base) != 0;
                    *fig = keep;
                }
                if (!changed)
                    fail_msg("%s: figure %c of %s is not in the text: %s", lang_tags[lang],
                             'a' + index, ccad_why_name(why), base);
            }
}

static const int64_t extremes[] = {INT64_MIN,
                                   INT64_MIN + 1,
                                   INT32_MIN,
                                   -1441,
                                   -1,
                                   0,
                                   1,
                                   59,
                                   1440,
                                   999999,
                                   1000000,
                                   9999999999LL,
                                   10000000000LL,
                                   CCAD_DATE_MIN,
                                   CCAD_DATE_MAX,
                                   INT32_MAX,
                                   INT64_MAX};
#define NEXT (sizeof extremes / sizeof extremes[0])

/* Formats r in lang at every cap up to its length + 1: the full length is
 * always reported, ENOSPC exactly when cut, and a cut text is a prefix of
 * the whole one that ends on a whole character. */
static size_t check_cuts(const ccad_reason *r, int lang)
{
    char full[CCAD_REASON_TEXT_MAX], part[CCAD_REASON_TEXT_MAX + 8];
    size_t n = 0, m, cap;
    int rc = ccad_reason_format_lang(full, sizeof full, r, lang, &n);
    if (rc != CCAD_OK)
        fail_msg("%s %s (%lld, %lld, %lld): rc %d, %lu bytes over CCAD_REASON_TEXT_MAX",
                 lang_tags[lang], ccad_why_name(r->why), (long long)r->a, (long long)r->b,
                 (long long)r->c, rc, (unsigned long)n);
    assert_true(n > 0 && tu_clean_utf8(full, n));
    for (cap = 1; cap <= n + 1; cap += (cap < 8 || cap + 8 > n ? 1 : 7)) {
        memset(part, 0x5a, sizeof part);
        m = 0;
        rc = ccad_reason_format_lang(part, cap, r, lang, &m);
        assert_int_equal(m, n);
        assert_int_equal(rc, cap > n ? CCAD_OK : CCAD_ENOSPC);
        assert_true(strlen(part) <= cap - 1 && strlen(part) + 4 > (cap > n ? n + 1 : cap));
        assert_memory_equal(part, full, strlen(part));
        assert_true(tu_clean_utf8(part, strlen(part)));
        assert_int_equal((unsigned char)part[cap], 0x5a);
    }
    return n;
}

/* Extreme figures in every position of every code (and of unknown codes)
 * fit in CCAD_REASON_TEXT_MAX in every language. */
static void fits_at_the_documented_maximum(void **state)
{
    int n = why_count(), why, lang;
    size_t i, j, longest = 0;
    (void)state;
    assert_int_equal(ccad_reason_text_max(), CCAD_REASON_TEXT_MAX);
    for (lang = 0; lang < CCAD_LANG_COUNT; lang++)
        for (why = -1; why <= n + 2; why++)
            for (i = 0; i < NEXT; i++)
                for (j = 0; j < NEXT; j += 3) {
                    ccad_reason r = {CCAD_RULE_GAP, why, extremes[i], extremes[j],
                                     extremes[(i + j) % NEXT]};
                    size_t len = check_cuts(&r, lang);
                    if (len > longest)
                        longest = len;
                    r.rule = (int32_t)extremes[(i * 7 + j) % NEXT];
                    check_cuts(&r, lang);
                }
    print_message("longest reason text: %lu bytes\n", (unsigned long)longest);
}

/* A figure below 0 reads as the past ({b<...}, {b!} of the templates). */
static void negative_days_read_as_past(void **state)
{
    static const char *const want[CCAD_LANG_COUNT][2] = {
        {"(2 days ago)", "the 90 days of ownership ended 3 days ago"},
        {"（已过了 2 天）", "归属：已过期 3 天（归属期 90 天"},
        {"（已過了 2 天）", "歸屬：已過期 3 天（歸屬期 90 天"}};
    ccad_reason request = {CCAD_RULE_URGENCY, CCAD_WHY_URGENCY_REQUEST, DAY0 - 2, -2, 0};
    ccad_reason owned = {CCAD_RULE_OWNERSHIP, CCAD_WHY_OWNERSHIP, -3, 90, DAY0 - 3};
    char text[CCAD_REASON_TEXT_MAX];
    int lang;
    (void)state;
    for (lang = 0; lang < CCAD_LANG_COUNT; lang++) {
        format(text, &request, lang);
        if (strstr(text, want[lang][0]) == NULL)
            fail_msg("%s: '%s' lacks '%s'", lang_tags[lang], text, want[lang][0]);
        format(text, &owned, lang);
        if (strstr(text, want[lang][1]) == NULL)
            fail_msg("%s: '%s' lacks '%s'", lang_tags[lang], text, want[lang][1]);
        owned.a = INT64_MIN; /* the magnitude of INT64_MIN is written whole */
        format(text, &owned, lang);
        assert_non_null(strstr(text, "9223372036854775808"));
        owned.a = -3;
    }
}

/* The other branch of the 1.1 reasons' conditional fields: no visit yet,
 * no interval before the ramp, no count limit, nobody present, a release
 * not premature, a move that shortens the travel. The
 * golden files hold only the first branch of each. */
static void branches_of_the_new_reasons(void **state)
{
    static const ccad_reason r[6] = {
        {CCAD_RULE_CLOCK, CCAD_WHY_Q1_VISITS_ONLY, DAY0, -1, 0},
        {CCAD_RULE_FREQ, CCAD_WHY_FREQ_RAMP, 40, 0, 3},
        {CCAD_RULE_CAPACITY, CCAD_WHY_TEAM_CARRIER, 12, 3, 0},
        {CCAD_RULE_CAPACITY, CCAD_WHY_TEAM_NO_CARRIER, DAY0, 0, CCAD_BY_SUBSTITUTE},
        {CCAD_RULE_OWNERSHIP, CCAD_WHY_POOL_RELEASE, 6, 5, 0},
        {CCAD_RULE_WORKLOAD, CCAD_WHY_TEAM_MOVE, -14, 130, 90}};
    static const char *const want[CCAD_LANG_COUNT][6] = {
        {"and no visit yet: due now", "ramp up from every 0 to every 3 days", "limit 0)",
         "(0 present) for this substitute's contact", "after 6 contacts (patience asks for 5)",
         "territory travel -14 min"},
        {"的联系不是拜访，不算数（还没有拜访过，今天就该去）",
         "提前加密沟通：原本没有固定频次，改为每 3 天联系一次", "该同事当天共 3 个联系，不限个数）",
         "11月23日 周一 没有同事在岗，这次联系（代班同事）没人能去",
         "（已联系 6 次，耐心要求 5 次）",
         "（产能的 130%）调给还有余力的业务员（调入后 90%）；辖区路程少 14 分钟"},
        {"的聯繫不是拜訪，不算數（還沒有拜訪過，今天就該去）",
         "提前加密溝通：原本沒有固定頻次，改為每 3 天聯繫一次", "該同事當天共 3 個聯繫，不限個數）",
         "11月23日 週一 沒有同事在崗，這次聯繫（代班同事）沒人能去",
         "（已聯繫 6 次，耐心要求 5 次）",
         "（產能的 130%）調給還有餘力的業務員（調入後 90%）；轄區路程少 14 分鐘"}};
    char text[CCAD_REASON_TEXT_MAX];
    int lang, k;
    (void)state;
    for (lang = 0; lang < CCAD_LANG_COUNT; lang++)
        for (k = 0; k < 6; k++) {
            format(text, &r[k], lang);
            if (strstr(text, want[lang][k]) == NULL)
                fail_msg("%s: '%s' lacks '%s'", lang_tags[lang], text, want[lang][k]);
        }
}

static void bad_language(void **state)
{
    ccad_reason r = {CCAD_RULE_GAP, CCAD_WHY_GAP_ALERT, 22, 21, 8};
    char buf[64] = "x";
    size_t n = 99;
    (void)state;
    assert_int_equal(ccad_lang_count(), CCAD_LANG_COUNT);
    assert_int_equal(ccad_reason_format_lang(buf, sizeof buf, &r, -1, &n), CCAD_EINVAL);
    assert_string_equal(buf, "");
    assert_int_equal(n, 0);
    assert_int_equal(ccad_reason_format_lang(buf, sizeof buf, &r, CCAD_LANG_COUNT, NULL),
                     CCAD_EINVAL);
    assert_int_equal(ccad_reason_format_lang(NULL, 8, &r, CCAD_LANG_ZH_HANS, &n), CCAD_EINVAL);
    assert_int_equal(ccad_reason_format_lang(buf, 0, &r, CCAD_LANG_ZH_HANS, &n), CCAD_EINVAL);
    assert_int_equal(ccad_reason_format_lang(buf, sizeof buf, NULL, CCAD_LANG_ZH_HANS, &n),
                     CCAD_EINVAL);
    assert_string_equal(ccad_name_lang(CCAD_NAME_GRADE, CCAD_GRADE_A, -1), "?");
    assert_string_equal(ccad_name_lang(CCAD_NAME_GRADE, CCAD_GRADE_A, CCAD_LANG_COUNT), "?");
    assert_string_equal(ccad_name_lang(0, 1, CCAD_LANG_ZH_HANS), "?");
    assert_string_equal(ccad_name_lang(CCAD_NAME_GRADE, 99, CCAD_LANG_ZH_HANT), "?");
    /* English through the new function is the English of ccad_reason_format */
    {
        char en[128], en2[128];
        assert_int_equal(ccad_reason_format(en, sizeof en, &r, NULL), CCAD_OK);
        assert_int_equal(ccad_reason_format_lang(en2, sizeof en2, &r, CCAD_LANG_EN, NULL), CCAD_OK);
        assert_string_equal(en, en2);
    }
}

/* Values of a kind: those with an English name. */
static int value_of(int kind, int k, int *value)
{
    *value = kind == CCAD_NAME_FLAG ? (k < 31 ? 1 << k : 0) : k - 1;
    return k < 70 && strcmp(ccad_name(kind, *value), "?") != 0;
}

/* Every value of every kind has a name in every language, distinct within
 * its kind (in either script), and ccad_name_parse reads it back. */
static void every_name_in_every_language(void **state)
{
    int kind, lang, k, j;
    (void)state;
    for (kind = CCAD_NAME_GRADE; kind <= CCAD_NAME_FINDING; kind++) {
        int count = 0;
        for (k = 0; k < 70; k++) {
            int value, other, parsed = -1;
            if (!value_of(kind, k, &value))
                continue;
            count++;
            for (lang = 0; lang < CCAD_LANG_COUNT; lang++) {
                const char *name = ccad_name_lang(kind, value, lang);
                if (strcmp(name, "?") == 0 || name[0] == '\0')
                    fail_msg("kind %d value %d has no %s name", kind, value, lang_tags[lang]);
                assert_true(tu_clean_utf8(name, strlen(name)));
                assert_int_equal(ccad_name_parse(&parsed, kind, name, strlen(name)), CCAD_OK);
                assert_int_equal(parsed, value);
                if (lang > 0 && kind != CCAD_NAME_WHY && kind != CCAD_NAME_QUADRANT)
                    assert_string_not_equal(name, ccad_name(kind, value));
                for (j = 0; j < 70; j++) {
                    int l2;
                    if (!value_of(kind, j, &other) || other == value)
                        continue;
                    for (l2 = 0; l2 < CCAD_LANG_COUNT; l2++)
                        if (strcmp(name, ccad_name_lang(kind, other, l2)) == 0)
                            fail_msg("kind %d: '%s' names %d and %d", kind, name, value, other);
                }
            }
        }
        assert_true(count > 0);
    }
    /* reason codes keep their identifiers; a Chinese sample reads back */
    assert_string_equal(ccad_name_lang(CCAD_NAME_WHY, CCAD_WHY_GAP_ALERT, CCAD_LANG_ZH_HANS),
                        "GAP_ALERT");
    {
        int v = 0;
        assert_int_equal(ccad_name_parse(&v, CCAD_NAME_STRATEGY, "死磕", strlen("死磕")), CCAD_OK);
        assert_int_equal(v, CCAD_STRATEGY_PERSIST);
        assert_int_equal(ccad_name_parse(&v, CCAD_NAME_STRATEGY, "放棄", strlen("放棄")), CCAD_OK);
        assert_int_equal(v, CCAD_STRATEGY_GIVE_UP);
        assert_int_equal(ccad_name_parse(&v, CCAD_NAME_GRADE, "A类", strlen("A类")), CCAD_OK);
        assert_int_equal(v, CCAD_GRADE_A);
        assert_int_equal(ccad_name_parse(&v, CCAD_NAME_GRADE, "A类", 3),
                         CCAD_ENOTFOUND); /* "A" + a cut 类 */
        assert_int_equal(ccad_name_parse(&v, CCAD_NAME_WEEKDAY, "週三", strlen("週三")), CCAD_OK);
        assert_int_equal(v, 3);
    }
}

/* The golden file of a language: one line per code, "CODE (a, b, c): text". */
static char *golden_text(int lang, size_t *len)
{
    int n = why_count(), why;
    size_t cap = 64 * 1024, used = 0;
    char *out = malloc(cap);
    assert_non_null(out);
    for (why = 1; why <= n; why++) {
        ccad_reason r = example_of(why);
        char text[CCAD_REASON_TEXT_MAX];
        int w;
        format(text, &r, lang);
        w = snprintf(out + used, cap - used, "%s (%lld, %lld, %lld): %s\n", ccad_why_name(why),
                     (long long)r.a, (long long)r.b, (long long)r.c, text);
        assert_true(w > 0 && (size_t)w < cap - used);
        used += (size_t)w;
    }
    *len = used;
    return out;
}

static void golden_files(void **state)
{
    int lang;
    (void)state;
    for (lang = 0; lang < CCAD_LANG_COUNT; lang++) {
        char path[512], *want, *got;
        size_t len, got_len;
        FILE *f;
        snprintf(path, sizeof path, "%s/reasons.%s.txt", CCAD_GOLDEN_DIR, lang_tags[lang]);
        want = golden_text(lang, &len);
        if (getenv("CCAD_GOLDEN_UPDATE") != NULL) {
            f = fopen(path, "wb");
            assert_non_null(f);
            assert_int_equal(fwrite(want, 1, len, f), len);
            fclose(f);
        }
        f = fopen(path, "rb");
        if (f == NULL)
            fail_msg("%s missing (CCAD_GOLDEN_UPDATE=1 writes it)", path);
        got = malloc(len + 2);
        assert_non_null(got);
        got_len = fread(got, 1, len + 1, f);
        fclose(f);
        if (got_len != len || memcmp(got, want, len) != 0) {
            size_t i = 0;
            while (i < len && i < got_len && got[i] == want[i])
                i++;
            fail_msg("%s differs from the library's text at byte %lu; the library writes:\n%.*s",
                     path, (unsigned long)i, (int)(len - i < 300 ? len - i : 300), want + i);
        }
        free(got);
        free(want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_code_in_every_language),
        cmocka_unit_test(every_figure_is_used),
        cmocka_unit_test(fits_at_the_documented_maximum),
        cmocka_unit_test(negative_days_read_as_past),
        cmocka_unit_test(branches_of_the_new_reasons),
        cmocka_unit_test(bad_language),
        cmocka_unit_test(every_name_in_every_language),
        cmocka_unit_test(golden_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
