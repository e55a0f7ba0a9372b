/* Rules: parameter table, get/set with ranges and conflicts, the text
 * format (serialize, strict parse), copy/equal/free. */
#include "testutil.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MONEY_MAX INT64_C(1000000000000000)

typedef struct fixture {
    ccad_ctx *ctx;
    ccad_rules *r;
    ccad_rules *saved; /* copy taken before a failing call */
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (f == NULL)
        return -1;
    if (ccad_ctx_new(&f->ctx, NULL) != CCAD_OK || ccad_rules_new(&f->r, f->ctx) != CCAD_OK)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    ccad_rules_free(f->saved);
    ccad_rules_free(f->r);
    ccad_ctx_free(f->ctx);
    free(f);
    return 0;
}

static void save(fixture *f)
{
    ccad_rules_free(f->saved);
    f->saved = NULL;
    assert_int_equal(ccad_rules_copy(&f->saved, f->ctx, f->r), CCAD_OK);
    assert_true(ccad_rules_equal(f->saved, f->r));
}

static int64_t get(const ccad_rules *r, const char *name)
{
    int64_t v = INT64_MIN;
    assert_int_equal(ccad_rules_get(r, name, &v), CCAD_OK);
    return v;
}

/* ---- parameter table ---- */

static void param_table(void **state)
{
    fixture *f = *state;
    size_t i, j, n = ccad_rules_param_count();
    static const char *units[] = {"days", "pct", "minor", "bool", "mask", "enum", "count", "bp",
                                  "factor", "min"};
    ccad_param_info *all;
    assert_int_equal(n, 80);
    all = calloc(n, sizeof *all);
    assert_non_null(all);
    for (i = 0; i < n; i++) {
        ccad_param_info info = CCAD_PARAM_INFO_INIT;
        int unit_ok = 0;
        size_t u;
        assert_int_equal(ccad_rules_param_info(&info, i), CCAD_OK);
        assert_int_equal(info.size, sizeof(ccad_param_info));
        assert_non_null(info.name);
        assert_true(strlen(info.name) > 0);
        assert_non_null(info.help);
        assert_true(strlen(info.help) > 0);
        assert_non_null(info.unit);
        for (u = 0; u < sizeof units / sizeof units[0]; u++)
            if (strcmp(units[u], info.unit) == 0)
                unit_ok = 1;
        assert_true(unit_ok);
        assert_true(info.rule >= CCAD_RULE_GRADE && info.rule <= CCAD_RULE_NEVER);
        assert_string_not_equal(ccad_rule_name(info.rule), "?");
        assert_true(info.min_value <= info.default_value);
        assert_true(info.default_value <= info.max_value);
        assert_true(get(f->r, info.name) == info.default_value);
        if (strcmp(info.unit, "bool") == 0 || strcmp(info.unit, "enum") == 0) {
            assert_true(info.min_value == 0);
            assert_true(info.max_value == 1);
        }
        if (strcmp(info.unit, "mask") == 0 && strcmp(info.name, "freq.work_days") == 0) {
            /* weekday mask: bit 0 = Monday .. bit 6 = Sunday, at least one day */
            assert_true(info.min_value == 1);
            assert_true(info.max_value == 127);
            assert_int_equal(info.rule, CCAD_RULE_FREQ);
        } else if (strcmp(info.unit, "mask") == 0) {
            assert_true(info.min_value == 0);
            assert_true(info.max_value == 15);
        }
        for (j = 0; j < i; j++)
            assert_string_not_equal(all[j].name, info.name);
        all[i] = info;
    }
    /* a few documented defaults */
    assert_true(get(f->r, "grade.method") == CCAD_GRADE_BY_RANK);
    assert_true(get(f->r, "grade.share_a_pct") == 15);
    assert_true(get(f->r, "grade.share_b_pct") == 25);
    assert_true(get(f->r, "gap.max_days") == 14);
    assert_true(get(f->r, "gap.alert_days") == 21);
    assert_true(get(f->r, "gap.grades") == (CCAD_GRADE_BIT_A | CCAD_GRADE_BIT_B));
    assert_true(get(f->r, "quadrant.important") == (CCAD_GRADE_BIT_A | CCAD_GRADE_BIT_B));
    assert_true(get(f->r, "triage.self_driven_volume") == 8000000);
    assert_true(get(f->r, "triage.push_volume") == 5000000);
    assert_true(get(f->r, "triage.unmovable_volume") == 3000000);
    assert_true(get(f->r, "triage.band") == 0);
    assert_true(get(f->r, "escalate.rep_days") == 3);
    assert_true(get(f->r, "escalate.manager_days") == 5);
    assert_true(get(f->r, "escalate.reassign_days") == 7);
    assert_true(get(f->r, "patience.min_contacts") == 5);
    assert_true(get(f->r, "stall.after") == 3);
    assert_true(get(f->r, "freq.work_days") == 31); /* Mon..Fri */
    assert_true(get(f->r, "grade.use_d") == 0);
    assert_true(get(f->r, "grade.share_c_pct") == 60);
    free(all);
}

static void param_info_errors(void **state)
{
    ccad_param_info info = CCAD_PARAM_INFO_INIT;
    ccad_param_info before;
    (void)state;
    memcpy(&before, &info, sizeof info);
    assert_int_equal(ccad_rules_param_info(NULL, 0), CCAD_EINVAL);
    assert_int_equal(ccad_rules_param_info(&info, ccad_rules_param_count()), CCAD_ENOTFOUND);
    assert_int_equal(ccad_rules_param_info(&info, (size_t)-1), CCAD_ENOTFOUND);
    assert_memory_equal(&info, &before, sizeof info);
    info.size = (uint32_t)sizeof(ccad_param_info) - 1;
    memcpy(&before, &info, sizeof info);
    assert_int_equal(ccad_rules_param_info(&info, 0), CCAD_EVERSION);
    info.size = 0;
    assert_int_equal(ccad_rules_param_info(&info, 0), CCAD_EVERSION);
    /* a larger size (from a newer header) is refused too */
    info.size = (uint32_t)sizeof(ccad_param_info) + 1;
    assert_int_equal(ccad_rules_param_info(&info, 0), CCAD_EVERSION);
    info.size = (uint32_t)sizeof(ccad_param_info) + 8;
    assert_int_equal(ccad_rules_param_info(&info, 0), CCAD_EVERSION);
    info.size = before.size;
    assert_memory_equal(&info, &before, sizeof info);
}

/* Every parameter says where its default comes from: a seed and the line
 * of the statement ("seed NNN, line L: ...", NNN one of the five texts
 * 000..004), or "project default: ..." with a reason after the colon. */
static int source_tag_ok(const char *s)
{
    static const char seed[] = "seed 00", project[] = "project default: ";
    size_t k;
    if (s == NULL)
        return 0;
    if (strncmp(s, project, sizeof project - 1) == 0)
        return strlen(s) > sizeof project + 8; /* a reason, not just the tag */
    if (strncmp(s, seed, sizeof seed - 1) != 0 || s[7] < '0' || s[7] > '4')
        return 0;
    if (strncmp(s + 8, ", line ", 7) == 0) {
        k = 15;
    } else if (strncmp(s + 8, ", table ", 8) == 0) {
        k = 16;
        if (s[k] < '1' || s[k] > '9')
            return 0;
        while (s[k] >= '0' && s[k] <= '9')
            k++;
        if (strncmp(s + k, " (line ", 7) != 0)
            return 0;
        k += 7;
    } else {
        return 0;
    }
    if (s[k] < '1' || s[k] > '9')
        return 0;
    while (s[k] >= '0' && s[k] <= '9')
        k++;
    if (s[k] == ')')
        k++;
    return s[k] == ':' && s[k + 1] == ' ' && strlen(s + k + 2) >= 8;
}

static void param_sources(void **state)
{
    size_t i, n = ccad_rules_param_count(), seeded = 0, own = 0;
    (void)state;
    for (i = 0; i < n; i++) {
        ccad_param_info info = CCAD_PARAM_INFO_INIT;
        assert_int_equal(ccad_rules_param_info(&info, i), CCAD_OK);
        if (!source_tag_ok(info.source))
            fail_msg("%s: source '%s' is neither 'seed NNN, line L: ...' nor "
                     "'project default: ...'", info.name, info.source ? info.source : "(null)");
        if (strncmp(info.source, "seed", 4) == 0)
            seeded++;
        else
            own++;
    }
    /* the checker itself: malformed tags are refused */
    assert_false(source_tag_ok(NULL));
    assert_false(source_tag_ok(""));
    assert_false(source_tag_ok("project default:"));
    assert_false(source_tag_ok("seed 005, line 3: a sixth text"));
    assert_false(source_tag_ok("seed 001: no line"));
    assert_false(source_tag_ok("seed 001, line : empty"));
    assert_true(source_tag_ok("seed 004, table 1 (line 170): A twice a week"));
    /* the list of the project's own numbers stays marked as such */
    {
        static const char *const ours[] = {
            "complaint.followup_days", "complaint.care_after_days", "freq.let_go_factor",
            "triage.margin_lift_bp", "freq.c_days", "grade.share_b_pct", "stall.after",
            "platform.c_max_pct", "route.service_a_min", "route.service_b_min",
            "route.service_c_min"};
        size_t k;
        for (k = 0; k < sizeof ours / sizeof ours[0]; k++)
            for (i = 0; i < n; i++) {
                ccad_param_info info = CCAD_PARAM_INFO_INIT;
                assert_int_equal(ccad_rules_param_info(&info, i), CCAD_OK);
                if (strcmp(info.name, ours[k]) == 0 &&
                    strncmp(info.source, "project default: ", 17) != 0)
                    fail_msg("%s must be marked a project default, not '%s'", ours[k],
                             info.source);
            }
    }
    assert_true(seeded > 0 && own > 0);
}

/* A caller built against 1.0 passes the struct as it was (up to help):
 * it gets every 1.0 member, and nothing past its size is written. */
static void param_info_old_size(void **state)
{
    size_t old = offsetof(ccad_param_info, help) + sizeof(const char *);
    union {
        ccad_param_info info;
        unsigned char bytes[sizeof(ccad_param_info) + 16];
    } u;
    ccad_param_info full = CCAD_PARAM_INFO_INIT;
    size_t k;
    (void)state;
    assert_true(old < sizeof(ccad_param_info));
    memset(&u, 0xA5, sizeof u);
    u.info.size = (uint32_t)old;
    assert_int_equal(ccad_rules_param_info(&u.info, 3), CCAD_OK);
    assert_int_equal(ccad_rules_param_info(&full, 3), CCAD_OK);
    assert_int_equal(u.info.size, old);
    assert_string_equal(u.info.name, full.name);
    assert_string_equal(u.info.help, full.help);
    assert_string_equal(u.info.unit, full.unit);
    assert_int_equal(u.info.rule, full.rule);
    assert_true(u.info.default_value == full.default_value);
    for (k = old; k < sizeof u.bytes; k++)
        assert_int_equal(u.bytes[k], 0xA5);
    /* sizes between the two are refused and leave the struct alone */
    memset(&u, 0xA5, sizeof u);
    u.info.size = (uint32_t)old + 4;
    assert_int_equal(ccad_rules_param_info(&u.info, 3), CCAD_EVERSION);
    for (k = sizeof u.info.size; k < sizeof u.bytes; k++)
        assert_int_equal(u.bytes[k], 0xA5);
}

/* ---- get / set ---- */

static void get_errors_record_no_message(void **state)
{
    fixture *f = *state;
    int64_t v = 42;
    const char *mark = tu_mark(f->ctx);
    char m[256];
    strcpy(m, mark);
    assert_int_equal(ccad_rules_get(f->r, "no.such", &v), CCAD_ENOTFOUND);
    assert_int_equal(ccad_rules_get(f->r, "", &v), CCAD_ENOTFOUND);
    assert_int_equal(ccad_rules_get(f->r, "gap.max_day", &v), CCAD_ENOTFOUND);
    assert_int_equal(ccad_rules_get(f->r, "gap.max_days ", &v), CCAD_ENOTFOUND);
    assert_int_equal(ccad_rules_get(f->r, "GAP.MAX_DAYS", &v), CCAD_ENOTFOUND);
    assert_int_equal(ccad_rules_get(NULL, "gap.max_days", &v), CCAD_EINVAL);
    assert_int_equal(ccad_rules_get(f->r, NULL, &v), CCAD_EINVAL);
    assert_int_equal(ccad_rules_get(f->r, "gap.max_days", NULL), CCAD_EINVAL);
    assert_true(v == 42);
    /* read-only functions record no message */
    assert_string_equal(ccad_ctx_errmsg(f->ctx), m);
    assert_int_equal(ccad_ctx_errcode(f->ctx), CCAD_EINVAL);
}

static void set_basic_and_errors(void **state)
{
    fixture *f = *state;
    size_t i, n = ccad_rules_param_count();
    assert_int_equal(ccad_rules_set(f->r, "gap.max_days", 10), CCAD_OK);
    assert_true(get(f->r, "gap.max_days") == 10);
    save(f);
    assert_int_equal(ccad_rules_set(NULL, "gap.max_days", 10), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_rules_set(f->r, NULL, 10), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_rules_set(f->r, "no.such", 10), CCAD_ENOTFOUND);
    assert_non_null(strstr(ccad_ctx_errmsg(f->ctx), "no.such"));
    TU_FAIL(f->ctx, ccad_rules_set(f->r, "", 10), CCAD_ENOTFOUND);
    assert_true(ccad_rules_equal(f->r, f->saved));
    /* every parameter: one below min and one above max are refused */
    for (i = 0; i < n; i++) {
        ccad_param_info info = CCAD_PARAM_INFO_INIT;
        assert_int_equal(ccad_rules_param_info(&info, i), CCAD_OK);
        if (info.min_value > INT64_MIN)
            TU_FAIL(f->ctx, ccad_rules_set(f->r, info.name, info.min_value - 1), CCAD_ERANGE);
        if (info.max_value < INT64_MAX)
            TU_FAIL(f->ctx, ccad_rules_set(f->r, info.name, info.max_value + 1), CCAD_ERANGE);
        TU_FAIL(f->ctx, ccad_rules_set(f->r, info.name, INT64_MIN), CCAD_ERANGE);
        TU_FAIL(f->ctx, ccad_rules_set(f->r, info.name, INT64_MAX), CCAD_ERANGE);
        assert_non_null(strstr(ccad_ctx_errmsg(f->ctx), info.name));
        assert_true(ccad_rules_equal(f->r, f->saved));
    }
    /* boundaries that are consistent with the defaults */
    assert_int_equal(ccad_rules_set(f->r, "stall.after", 1), CCAD_OK);
    assert_int_equal(ccad_rules_set(f->r, "stall.after", 1000), CCAD_OK);
    assert_int_equal(ccad_rules_set(f->r, "ownership.days", 0), CCAD_OK);
    assert_int_equal(ccad_rules_set(f->r, "ownership.days", 3660), CCAD_OK);
    assert_int_equal(ccad_rules_set(f->r, "triage.margin_lift_bp", 10000), CCAD_OK);
    assert_int_equal(ccad_rules_set(f->r, "grade.threshold_a", MONEY_MAX), CCAD_OK);
    /* non-strict orders allow equality */
    assert_int_equal(ccad_rules_set(f->r, "urgency.week_days", 14), CCAD_OK);
    assert_int_equal(ccad_rules_set(f->r, "freq.a_count", 7), CCAD_OK);
    assert_true(get(f->r, "urgency.week_days") == 14);
    assert_true(get(f->r, "freq.a_count") == 7);
}

static void expect_conflict(fixture *f, const char *name, int64_t value, const char *other)
{
    save(f);
    TU_FAIL(f->ctx, ccad_rules_set(f->r, name, value), CCAD_ECONFLICT);
    assert_non_null(strstr(ccad_ctx_errmsg(f->ctx), name));
    assert_non_null(strstr(ccad_ctx_errmsg(f->ctx), other));
    assert_true(ccad_rules_equal(f->r, f->saved));
}

static void set_conflicts(void **state)
{
    fixture *f = *state;
    expect_conflict(f, "grade.threshold_b", 10000000, "grade.threshold_a");
    expect_conflict(f, "grade.threshold_b", 20000000, "grade.threshold_a");
    expect_conflict(f, "grade.threshold_a", 2000000, "grade.threshold_b");
    expect_conflict(f, "gap.alert_days", 14, "gap.max_days");
    expect_conflict(f, "gap.alert_days", 1, "gap.max_days");
    expect_conflict(f, "gap.max_days", 21, "gap.alert_days");
    /* without grade D: share_a + share_b <= 100 */
    expect_conflict(f, "grade.share_a_pct", 76, "grade.share_b_pct");
    expect_conflict(f, "grade.share_b_pct", 86, "grade.share_a_pct");
    expect_conflict(f, "grade.share_b_pct", 100, "grade.share_a_pct");
    expect_conflict(f, "triage.push_volume", 8000000, "triage.self_driven_volume");
    expect_conflict(f, "triage.self_driven_volume", 5000000, "triage.push_volume");
    expect_conflict(f, "triage.unmovable_volume", 5000000, "triage.push_volume");
    expect_conflict(f, "triage.push_volume", 3000000, "triage.unmovable_volume");
    expect_conflict(f, "escalate.rep_days", 5, "escalate.manager_days");
    expect_conflict(f, "escalate.manager_days", 7, "escalate.reassign_days");
    expect_conflict(f, "escalate.manager_days", 3, "escalate.rep_days");
    expect_conflict(f, "escalate.reassign_days", 5, "escalate.manager_days");
    expect_conflict(f, "urgency.week_days", 15, "urgency.two_weeks_days");
    expect_conflict(f, "urgency.two_weeks_days", 6, "urgency.week_days");
    expect_conflict(f, "freq.a_count", 8, "freq.a_days");
    expect_conflict(f, "freq.a_days", 1, "freq.a_count");
    expect_conflict(f, "freq.q1_two_weeks_count", 8, "freq.q1_two_weeks_days");
    expect_conflict(f, "freq.q1_week_count", 2, "freq.q1_week_days");
    expect_conflict(f, "freq.c_count", 29, "freq.c_days");
    /* after moving the partner, the same value is accepted */
    assert_int_equal(ccad_rules_set(f->r, "gap.alert_days", 30), CCAD_OK);
    assert_int_equal(ccad_rules_set(f->r, "gap.max_days", 21), CCAD_OK);
    assert_int_equal(ccad_rules_set(f->r, "grade.share_c_pct", 50), CCAD_OK);
    assert_int_equal(ccad_rules_set(f->r, "grade.share_a_pct", 25), CCAD_OK);
}

/* Without grade D the C share and threshold are unused and unconstrained;
 * turning grade D on is refused while they would conflict. */
static void set_grade_d_constraints(void **state)
{
    fixture *f = *state;
    /* grade D off: A + B up to exactly 100, the C share and C threshold free */
    assert_int_equal(ccad_rules_set(f->r, "grade.share_a_pct", 75), CCAD_OK);
    assert_int_equal(ccad_rules_set(f->r, "grade.share_c_pct", 100), CCAD_OK);
    assert_int_equal(ccad_rules_set(f->r, "grade.threshold_c", 2000000), CCAD_OK);
    assert_int_equal(ccad_rules_set(f->r, "grade.threshold_c", MONEY_MAX), CCAD_OK);
    expect_conflict(f, "grade.share_a_pct", 76, "grade.share_b_pct");
    /* grade.use_d = 1 refused: first the thresholds (checked first), then the shares */
    expect_conflict(f, "grade.use_d", 1, "grade.threshold_c");
    assert_non_null(strstr(ccad_ctx_errmsg(f->ctx), "grade.threshold_b"));
    assert_int_equal(ccad_rules_set(f->r, "grade.threshold_c", 1999999), CCAD_OK);
    expect_conflict(f, "grade.use_d", 1, "grade.share_c_pct");
    assert_non_null(strstr(ccad_ctx_errmsg(f->ctx), "200"));
    assert_true(get(f->r, "grade.use_d") == 0);
    /* 75 + 25 + 0 = 100 and 1999999 < 2000000: grade D may be turned on */
    assert_int_equal(ccad_rules_set(f->r, "grade.share_c_pct", 0), CCAD_OK);
    assert_int_equal(ccad_rules_set(f->r, "grade.use_d", 1), CCAD_OK);
    /* grade D on: both constraints now hold for every change */
    expect_conflict(f, "grade.share_c_pct", 1, "grade.share_c_pct");
    expect_conflict(f, "grade.share_a_pct", 76, "grade.share_c_pct");
    expect_conflict(f, "grade.threshold_c", 2000000, "grade.threshold_b");
    expect_conflict(f, "grade.threshold_b", 1999999, "grade.threshold_c");
    assert_int_equal(ccad_rules_set(f->r, "grade.share_a_pct", 15), CCAD_OK);
    assert_int_equal(ccad_rules_set(f->r, "grade.share_c_pct", 60), CCAD_OK);
    expect_conflict(f, "grade.share_c_pct", 61, "grade.share_a_pct");
    /* and off again: the C values are free once more */
    assert_int_equal(ccad_rules_set(f->r, "grade.use_d", 0), CCAD_OK);
    assert_int_equal(ccad_rules_set(f->r, "grade.share_c_pct", 100), CCAD_OK);
    assert_int_equal(ccad_rules_set(f->r, "grade.threshold_c", 2000000), CCAD_OK);
}

/* ---- serialize ---- */

static char *serialize(const ccad_rules *r, size_t *len_out)
{
    size_t len = 0;
    char *buf;
    assert_int_equal(ccad_rules_serialize(r, NULL, 0, &len), CCAD_ENOSPC);
    assert_true(len > 0);
    buf = malloc(len + 1);
    assert_non_null(buf);
    assert_int_equal(ccad_rules_serialize(r, buf, len + 1, &len), CCAD_OK);
    assert_int_equal(strlen(buf), len);
    if (len_out)
        *len_out = len;
    return buf;
}

static void serialize_sizes(void **state)
{
    fixture *f = *state;
    size_t len = 0, len2 = 0, i, n = ccad_rules_param_count();
    char *buf, *p, *line;
    const char *mark;
    char m[256];
    assert_int_equal(ccad_rules_serialize(f->r, NULL, 0, &len), CCAD_ENOSPC);
    assert_true(len > 100);
    buf = malloc(len + 8);
    assert_non_null(buf);
    memset(buf, '#', len + 8);
    mark = tu_mark(f->ctx);
    strcpy(m, mark);
    /* cap len: too small, untouched */
    assert_int_equal(ccad_rules_serialize(f->r, buf, len, &len2), CCAD_ENOSPC);
    assert_int_equal(len2, len);
    for (i = 0; i < len + 8; i++)
        assert_int_equal(buf[i], '#');
    assert_int_equal(ccad_rules_serialize(f->r, buf, 1, &len2), CCAD_ENOSPC);
    assert_int_equal(buf[0], '#');
    /* no message recorded by serialize */
    assert_string_equal(ccad_ctx_errmsg(f->ctx), m);
    /* errors */
    len2 = 7;
    assert_int_equal(ccad_rules_serialize(NULL, buf, len + 1, &len2), CCAD_EINVAL);
    assert_int_equal(ccad_rules_serialize(f->r, buf, len + 1, NULL), CCAD_EINVAL);
    assert_int_equal(ccad_rules_serialize(f->r, NULL, 5, &len2), CCAD_EINVAL);
    assert_int_equal(len2, 7);
    assert_int_equal(buf[0], '#');
    /* exact cap len + 1 */
    assert_int_equal(ccad_rules_serialize(f->r, buf, len + 1, &len2), CCAD_OK);
    assert_int_equal(len2, len);
    assert_int_equal(buf[len], '\0');
    assert_int_equal(strlen(buf), len);
    assert_int_equal(buf[len + 1], '#');
    assert_int_equal(buf[len - 1], '\n');
    /* a comment line, then one `name = value` line per parameter, in order */
    p = buf;
    line = strtok(p, "\n");
    assert_non_null(line);
    assert_int_equal(line[0], '#');
    for (i = 0; i < n; i++) {
        ccad_param_info info = CCAD_PARAM_INFO_INIT;
        char want[80];
        line = strtok(NULL, "\n");
        assert_non_null(line);
        assert_int_equal(ccad_rules_param_info(&info, i), CCAD_OK);
        snprintf(want, sizeof want, "%s = ", info.name);
        assert_memory_equal(line, want, strlen(want));
    }
    assert_null(strtok(NULL, "\n"));
    free(buf);
    /* keywords for enums and masks at defaults */
    buf = serialize(f->r, NULL);
    assert_non_null(strstr(buf, "\ngrade.method = rank\n"));
    assert_non_null(strstr(buf, "\ntriage.band = push\n"));
    assert_non_null(strstr(buf, "\nquadrant.important = AB\n"));
    assert_non_null(strstr(buf, "\ngap.grades = AB\n"));
    assert_non_null(strstr(buf, "\nfreq.d_days = 28\nfreq.work_days = Mon+Tue+Wed+Thu+Fri\nfreq.let_go_factor = 2\n"));
    assert_non_null(strstr(buf, "\ngap.max_days = 14\n"));
    assert_non_null(strstr(buf, "\ngrade.threshold_a = 10000000\n"));
    free(buf);
}

/* Every parameter moved away from its default, all consistent. */
static const struct {
    const char *name;
    int64_t value;
    const char *text; /* serialized form */
} nondefault[] = {
    {"grade.method", 1, "threshold"},
    {"grade.share_a_pct", 10, "10"},
    {"grade.share_b_pct", 20, "20"},
    {"grade.share_c_pct", 30, "30"},
    {"grade.use_d", 1, "1"},
    {"grade.threshold_a", MONEY_MAX, "1000000000000000"},
    {"grade.threshold_b", 1, "1"},
    {"grade.threshold_c", 0, "0"},
    {"urgency.week_days", 3, "3"},
    {"urgency.two_weeks_days", 366, "366"},
    {"urgency.request_days", 0, "0"},
    {"quadrant.important", CCAD_GRADE_BIT_A | CCAD_GRADE_BIT_C, "AC"},
    {"freq.q1_week_count", 0, "0"},
    {"freq.q1_week_days", 366, "366"},
    {"freq.q1_two_weeks_count", 366, "366"},
    {"freq.q1_two_weeks_days", 366, "366"},
    {"freq.a_count", 1, "1"},
    {"freq.a_days", 1, "1"},
    {"freq.b_count", 0, "0"},
    {"freq.b_days", 2, "2"},
    {"freq.c_count", 5, "5"},
    {"freq.c_days", 30, "30"},
    {"freq.d_count", 1, "1"},
    {"freq.d_days", 366, "366"},
    {"freq.work_days", 1 | 4 | 16 | 32, "Mon+Wed+Fri+Sat"},
    {"freq.let_go_factor", 10, "10"},
    {"gap.max_days", 1, "1"},
    {"gap.alert_days", 366, "366"},
    {"gap.grades", 0, "none"},
    {"gap.half_life_days", 366, "366"},
    {"followup.reminder_lead_days", 30, "30"},
    {"stall.after", 1000, "1000"},
    {"patience.min_contacts", 0, "0"},
    {"triage.self_driven_volume", MONEY_MAX, "1000000000000000"},
    {"triage.push_volume", 1, "1"},
    {"triage.unmovable_volume", 0, "0"},
    {"triage.band", 1, "unmovable"},
    {"triage.margin_lift_bp", 10000, "10000"},
    {"complaint.followup_days", 366, "366"},
    {"complaint.care_after_days", 0, "0"},
    {"clock.any_contact", 0, "0"},
    {"escalate.rep_days", 1, "1"},
    {"escalate.manager_days", 2, "2"},
    {"escalate.reassign_days", 366, "366"},
    {"escalate.q4", 1, "1"},
    {"ownership.days", 3660, "3660"},
    {"never.due_now", 0, "0"},
    {"capacity.q4_rollover_days", 0, "0"},
    {"capacity.delegate_q3", 0, "0"},
    {"persist.block_days", 10, "10"},
    {"persist.cycle_days", 366, "366"},
    {"keepwarm.grades", CCAD_GRADE_BIT_A, "A"},
    {"route.service_a_min", 1440, "1440"},
    {"route.service_b_min", 1, "1"},
    {"route.service_c_min", 90, "90"},
    {"route.service_d_min", 15, "15"},
    {"workload.field_days", 31, "31"},
    {"platform.working_cap", 1000000, "1000000"},
    {"platform.cap_a", 0, "0"},
    {"platform.cap_b", 999999, "999999"},
    {"platform.reserve", 0, "0"},
    {"platform.c_max_pct", 100, "100"},
    {"capacity.pull_ahead_days", 30, "30"},
    {"route.move_days", 5, "5"},
    {"urgency.order_days", 30, "30"},
    {"platform.working_min", 10, "10"},
    {"clock.q1_visits_only", 0, "0"},
    {"gap.by_cycle", 0, "0"},
    {"gap.warn_pct", 120, "120"},
    {"gap.alert_pct", 200, "200"},
    {"freq.ramp_within_days", 0, "0"},
    {"freq.ramp_count", 3, "3"},
    {"freq.ramp_days", 14, "14"},
    {"patience.prospects_only", 0, "0"},
    {"pool.release_days", 45, "45"},
    {"followup.entry_days", 1, "1"},
    {"followup.record_parts", 0, "0"},
    {"patience.consecutive", 0, "0"},
    {"patience.break_pct", 150, "150"},
    {"persist.effective_min", 2, "2"},
};
#define N_NONDEFAULT (sizeof nondefault / sizeof nondefault[0])

static void round_trip_defaults(void **state)
{
    fixture *f = *state;
    ccad_rules *r2 = NULL;
    size_t len;
    char *buf = serialize(f->r, &len);
    assert_int_equal(ccad_rules_new(&r2, f->ctx), CCAD_OK);
    assert_int_equal(ccad_rules_set(r2, "stall.after", 9), CCAD_OK);
    assert_false(ccad_rules_equal(f->r, r2));
    assert_int_equal(ccad_rules_parse(r2, buf, len), CCAD_OK);
    assert_true(ccad_rules_equal(f->r, r2));
    ccad_rules_free(r2);
    free(buf);
}

static void round_trip_every_parameter_moved(void **state)
{
    fixture *f = *state;
    ccad_rules *by_set = NULL, *by_text = NULL, *back = NULL;
    int done[N_NONDEFAULT];
    size_t i, left = N_NONDEFAULT, len, tlen = 0;
    int pass;
    char text[4096], *buf;
    assert_int_equal(ccad_rules_param_count(), N_NONDEFAULT);
    memset(done, 0, sizeof done);
    /* 1. via ccad_rules_set, retrying values refused for a transient conflict */
    assert_int_equal(ccad_rules_new(&by_set, f->ctx), CCAD_OK);
    for (pass = 0; pass < 10 && left > 0; pass++)
        for (i = 0; i < N_NONDEFAULT; i++) {
            int rc;
            ccad_param_info info = CCAD_PARAM_INFO_INIT;
            if (done[i])
                continue;
            assert_int_equal(ccad_rules_param_info(&info, i), CCAD_OK);
            assert_string_equal(info.name, nondefault[i].name);
            assert_true(info.default_value != nondefault[i].value);
            rc = ccad_rules_set(by_set, nondefault[i].name, nondefault[i].value);
            assert_true(rc == CCAD_OK || rc == CCAD_ECONFLICT);
            if (rc == CCAD_OK) {
                done[i] = 1;
                left--;
            }
        }
    assert_int_equal(left, 0);
    for (i = 0; i < N_NONDEFAULT; i++)
        assert_true(get(by_set, nondefault[i].name) == nondefault[i].value);
    /* 2. via a text with keywords */
    for (i = 0; i < N_NONDEFAULT; i++)
        tlen += (size_t)snprintf(text + tlen, sizeof text - tlen, "%s = %s\n",
                                 nondefault[i].name, nondefault[i].text);
    assert_true(tlen < sizeof text);
    assert_int_equal(ccad_rules_new(&by_text, f->ctx), CCAD_OK);
    assert_int_equal(ccad_rules_parse(by_text, text, tlen), CCAD_OK);
    assert_true(ccad_rules_equal(by_set, by_text));
    /* 3. serialize -> parse */
    buf = serialize(by_set, &len);
    for (i = 0; i < N_NONDEFAULT; i++) {
        char want[128];
        snprintf(want, sizeof want, "\n%s = %s\n", nondefault[i].name, nondefault[i].text);
        assert_non_null(strstr(buf, want));
    }
    assert_int_equal(ccad_rules_new(&back, f->ctx), CCAD_OK);
    assert_int_equal(ccad_rules_parse(back, buf, len), CCAD_OK);
    assert_true(ccad_rules_equal(back, by_set));
    assert_false(ccad_rules_equal(back, f->r));
    free(buf);
    ccad_rules_free(back);
    ccad_rules_free(by_text);
    ccad_rules_free(by_set);
}

static void round_trip_each_at_min_and_max(void **state)
{
    fixture *f = *state;
    size_t i, n = ccad_rules_param_count(), len;
    int k, accepted = 0;
    for (i = 0; i < n; i++) {
        ccad_param_info info = CCAD_PARAM_INFO_INIT;
        assert_int_equal(ccad_rules_param_info(&info, i), CCAD_OK);
        for (k = 0; k < 2; k++) {
            ccad_rules *r = NULL, *back = NULL;
            int64_t v = k ? info.max_value : info.min_value;
            int rc;
            char *buf;
            assert_int_equal(ccad_rules_new(&r, f->ctx), CCAD_OK);
            rc = ccad_rules_set(r, info.name, v);
            assert_true(rc == CCAD_OK || rc == CCAD_ECONFLICT);
            if (rc == CCAD_OK) {
                accepted++;
                assert_true(get(r, info.name) == v);
                buf = serialize(r, &len);
                assert_int_equal(ccad_rules_new(&back, f->ctx), CCAD_OK);
                assert_int_equal(ccad_rules_parse(back, buf, len), CCAD_OK);
                assert_true(ccad_rules_equal(back, r));
                free(buf);
                ccad_rules_free(back);
            } else {
                assert_true(get(r, info.name) == info.default_value);
            }
            ccad_rules_free(r);
        }
    }
    assert_true(accepted > 60);
}

static void masks_and_enums_parse(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *text;
        const char *name;
        int64_t value;
    } ok[] = {
        {"gap.grades = none", "gap.grades", 0},
        {"gap.grades = A", "gap.grades", 1},
        {"gap.grades = BA", "gap.grades", 3},
        {"gap.grades = ABCD", "gap.grades", 15},
        {"gap.grades = DC", "gap.grades", 12},
        {"quadrant.important = C", "quadrant.important", 4},
        {"grade.method = threshold", "grade.method", 1},
        {"grade.method = rank", "grade.method", 0},
        {"triage.band = unmovable", "triage.band", 1},
        {"triage.band = push", "triage.band", 0},
        {"stall.after = +5", "stall.after", 5},
        {"patience.min_contacts = -0", "patience.min_contacts", 0},
        {"grade.threshold_a = 1000000000000000", "grade.threshold_a", MONEY_MAX},
        /* weekday masks: names joined by '+', any order; bit 0 = Monday */
        {"freq.work_days = Mon+Tue+Wed+Thu+Fri", "freq.work_days", 31},
        {"freq.work_days = Sun", "freq.work_days", 64},
        {"freq.work_days = Sat+Sun", "freq.work_days", 96},
        {"freq.work_days = Fri+Mon+Wed", "freq.work_days", 21},
        {"freq.work_days = Mon+Tue+Wed+Thu+Fri+Sat+Sun", "freq.work_days", 127},
        /* every enumeration and mask also takes a plain integer */
        {"freq.work_days = 1", "freq.work_days", 1},
        {"freq.work_days = 127", "freq.work_days", 127},
        {"freq.work_days = +96", "freq.work_days", 96},
        {"gap.grades = 3", "gap.grades", 3},
        {"gap.grades = 0", "gap.grades", 0},
        {"quadrant.important = 15", "quadrant.important", 15},
        {"grade.method = 1", "grade.method", 1},
        {"grade.method = 0", "grade.method", 0},
        {"triage.band = 1", "triage.band", 1},
        {"triage.band = -0", "triage.band", 0},
    };
    size_t i;
    for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        assert_int_equal(ccad_rules_parse(f->r, ok[i].text, strlen(ok[i].text)), CCAD_OK);
        assert_true(get(f->r, ok[i].name) == ok[i].value);
    }
}

/* Parameters hold 64-bit integers; enumerations and masks accept their
 * integer value in the text as well as their keywords. Serialization still
 * writes keywords. */
static void enum_accepts_integer_in_text(void **state)
{
    fixture *f = *state;
    static const char t1[] = "grade.method = 1\ntriage.band = 1\nquadrant.important = 5\n"
                             "gap.grades = 12\nfreq.work_days = 42\n";
    char *buf;
    assert_int_equal(ccad_rules_parse(f->r, t1, strlen(t1)), CCAD_OK);
    assert_true(get(f->r, "grade.method") == CCAD_GRADE_BY_THRESHOLD);
    assert_true(get(f->r, "triage.band") == 1);
    assert_true(get(f->r, "quadrant.important") == (CCAD_GRADE_BIT_A | CCAD_GRADE_BIT_C));
    assert_true(get(f->r, "gap.grades") == (CCAD_GRADE_BIT_C | CCAD_GRADE_BIT_D));
    assert_true(get(f->r, "freq.work_days") == 42);
    buf = serialize(f->r, NULL);
    assert_non_null(strstr(buf, "\ngrade.method = threshold\n"));
    assert_non_null(strstr(buf, "\ntriage.band = unmovable\n"));
    assert_non_null(strstr(buf, "\nquadrant.important = AC\n"));
    assert_non_null(strstr(buf, "\ngap.grades = CD\n"));
    assert_non_null(strstr(buf, "\nfreq.work_days = Tue+Thu+Sat\n"));
    free(buf);
}

/* ---- parse strictness ---- */

static void parse_fails(fixture *f, const char *text, size_t len, const char *where,
                        const char *also)
{
    char want[64];
    save(f);
    TU_FAIL(f->ctx, ccad_rules_parse(f->r, text, len), CCAD_EPARSE);
    snprintf(want, sizeof want, "%s:", where);
    if (strstr(ccad_ctx_errmsg(f->ctx), want) == NULL)
        fail_msg("expected '%s' in \"%s\"", want, ccad_ctx_errmsg(f->ctx));
    if (also != NULL && strstr(ccad_ctx_errmsg(f->ctx), also) == NULL)
        fail_msg("expected '%s' in \"%s\"", also, ccad_ctx_errmsg(f->ctx));
    assert_true(ccad_rules_equal(f->r, f->saved));
}

#define PF(text, where, also) parse_fails(f, text, sizeof(text) - 1, where, also)

/* ccad_ctx_errpos gives the same position as the message. */
static void parse_errpos(void **state)
{
    fixture *f = *state;
    uint32_t line = 77, col = 88;
    static const char t[] = "# c\n\ngap.max_days = 12x\n";
    assert_int_equal(ccad_rules_parse(f->r, t, sizeof t - 1), CCAD_EPARSE);
    assert_int_equal(ccad_ctx_errpos(f->ctx, &line, &col), CCAD_OK);
    assert_int_equal(line, 3);
    assert_int_equal(col, 16);
    assert_int_equal(ccad_rules_parse(f->r, "\ngap.alert_days = 14", 20), CCAD_EPARSE);
    assert_int_equal(ccad_ctx_errpos(f->ctx, &line, &col), CCAD_OK);
    assert_int_equal(line, 2);
    assert_int_equal(col, 1);
    /* a later failure without a position clears it */
    assert_int_equal(ccad_rules_set(f->r, "no.such", 1), CCAD_ENOTFOUND);
    line = 5;
    col = 6;
    assert_int_equal(ccad_ctx_errpos(f->ctx, &line, &col), CCAD_ENOTFOUND);
    assert_int_equal(line, 5);
    assert_int_equal(col, 6);
    assert_int_equal(ccad_ctx_errpos(NULL, &line, &col), CCAD_EINVAL);
    assert_int_equal(ccad_ctx_errpos(f->ctx, NULL, &col), CCAD_EINVAL);
    assert_int_equal(ccad_ctx_errpos(f->ctx, &line, NULL), CCAD_EINVAL);
}

static void parse_strictness(void **state)
{
    fixture *f = *state;
    /* start from non-default rules so "unchanged" is meaningful */
    assert_int_equal(ccad_rules_set(f->r, "stall.after", 9), CCAD_OK);
    assert_int_equal(ccad_rules_set(f->r, "grade.method", 1), CCAD_OK);

    PF("# c\n\nfoo.bar = 1\n", "line 3, column 1", "foo.bar");
    PF("gap.max_days = 10\n  nope = 1\n", "line 2, column 3", "nope");
    PF("gap.max_days = 10\ngap.max_days = 11\n", "line 2, column 1", "duplicate");
    PF("gap.max_days = 10\n\n  gap.max_days = 10\n", "line 3, column 3", "gap.max_days");
    PF("gap.max_days 10\n", "line 1, column 14", "=");
    PF("gap.max_days\n", "line 1, column 13", "=");
    PF("gap.max_days: 10\n", "line 1, column 13", NULL);
    PF("Gap.max_days = 10\n", "line 1, column 1", NULL);
    PF("= 10\n", "line 1, column 1", NULL);
    PF("gap.max_days =\n", "line 1, column 15", "missing value");
    PF("gap.max_days =   # none\n", "line 1, column 18", "missing value");
    PF("gap.max_days = 12x\n", "line 1, column 16", "12x");
    PF("gap.max_days = x\n", "line 1, column 16", NULL);
    PF("gap.max_days = -\n", "line 1, column 16", NULL);
    PF("gap.max_days = 1-2\n", "line 1, column 16", NULL);
    PF("grade.threshold_a = 99999999999999999999\n", "line 1, column 21", "too large");
    PF("grade.threshold_a = 9223372036854775808\n", "line 1, column 21", "too large");
    PF("gap.max_days = 12 x\n", "line 1, column 19", NULL);
    PF("gap.max_days = 12;\n", "line 1, column 18", NULL);
    PF("gap.max_days = 12 13\n", "line 1, column 19", NULL);
    PF("gap.max_days = 1\0" "2\n", "line 1, column 17", "NUL");
    PF("# ok\ngap.max_days = 10\0\n", "line 2, column 18", "NUL");
    PF("\0", "line 1, column 1", "NUL");
    PF("# a comment with a NUL \0 inside\n", "line 1, column 24", "NUL");
    PF("gap.max_days = 1\r2\n", "line 1, column 17", "carriage return");
    PF("gap.max_days = 10\r\r\n", "line 1, column 18", "carriage return");
    PF("\r\n\rgap.max_days = 10\n", "line 2, column 1", "carriage return");
    PF("gap.grades = AA\n", "line 1, column 14", "AA");
    PF("gap.grades = E\n", "line 1, column 14", NULL);
    PF("gap.grades = ab\n", "line 1, column 14", NULL);
    PF("gap.grades = 16\n", "line 1, column 14", "outside");
    PF("gap.grades = -1\n", "line 1, column 14", "outside");
    PF("gap.grades = 3A\n", "line 1, column 14", NULL);
    PF("gap.grades = None\n", "line 1, column 14", NULL);
    PF("quadrant.important = ABCDA\n", "line 1, column 22", NULL);
    PF("grade.method = foo\n", "line 1, column 16", "foo");
    PF("grade.method = Rank\n", "line 1, column 16", NULL);
    PF("triage.band = pushy\n", "line 1, column 15", NULL);
    PF("grade.method = 2\n", "line 1, column 16", "outside");
    PF("triage.band = -1\n", "line 1, column 15", "outside");
    PF("freq.work_days = Mon+Mon\n", "line 1, column 18", "Mon+Mon");
    PF("freq.work_days = Mon+\n", "line 1, column 18", NULL);
    PF("freq.work_days = MonTue\n", "line 1, column 18", NULL);
    PF("freq.work_days = Mon++Tue\n", "line 1, column 18", NULL);
    PF("freq.work_days = Monday\n", "line 1, column 18", NULL);
    PF("freq.work_days = Mo\n", "line 1, column 18", NULL);
    PF("freq.work_days = none\n", "line 1, column 18", NULL);
    PF("freq.work_days = Mon_Tue\n", "line 1, column 18", NULL);
    PF("freq.work_days = 0\n", "line 1, column 18", "outside");
    PF("freq.work_days = 128\n", "line 1, column 18", "outside");
    PF("gap.max_days = 0\n", "line 1, column 16", "outside");
    PF("gap.max_days = -1\n", "line 1, column 16", "outside");
    PF("stall.after = 1001\n", "line 1, column 15", "outside");
    PF("grade.use_d = 2\n", "line 1, column 15", "outside");
    PF("\n\n\ngap.max_days = 367", "line 4, column 16", "outside");
    /* cross-parameter conflicts: the later line of the two is reported */
    PF("gap.max_days = 10\n# x\ngap.alert_days = 10\n", "line 3, column 1", "gap.max_days");
    PF("gap.alert_days = 10\ngap.max_days = 10\n", "line 2, column 1", "gap.alert_days");
    PF("\ngap.alert_days = 14\n", "line 2, column 1", "gap.max_days");
    PF("grade.threshold_b = 10000000\n", "line 1, column 1", "grade.threshold_a");
    PF("escalate.rep_days = 6\n", "line 1, column 1", "escalate.manager_days");
    PF("triage.push_volume = 9000000\n", "line 1, column 1", "triage.self_driven_volume");
    PF("freq.a_count = 8\n", "line 1, column 1", "freq.a_days");
    PF("urgency.week_days = 20\n", "line 1, column 1", "urgency.two_weeks_days");
    PF("grade.share_c_pct = 30\ngrade.share_a_pct = 80\n", "line 2, column 1",
       "grade.share_a_pct");
    /* thresholds and shares of C only with grade D on */
    PF("grade.threshold_c = 3000000\ngrade.use_d = 1\n", "line 1, column 1",
       "grade.threshold_b");
    PF("grade.use_d = 1\ngrade.threshold_c = 2000000\n", "line 2, column 1",
       "grade.threshold_b");
    PF("grade.use_d = 1\ngrade.share_c_pct = 61\n", "line 2, column 1", "grade.share_c_pct");
}

/* Without grade D, the C share and the C threshold are not constrained. */
static void parse_grade_c_free_without_d(void **state)
{
    fixture *f = *state;
    static const char t[] = "grade.share_a_pct = 50\ngrade.share_b_pct = 50\n"
                            "grade.share_c_pct = 100\ngrade.threshold_c = 5000000\n";
    assert_int_equal(ccad_rules_parse(f->r, t, sizeof t - 1), CCAD_OK);
    assert_true(get(f->r, "grade.share_a_pct") == 50);
    assert_true(get(f->r, "grade.share_c_pct") == 100);
    assert_true(get(f->r, "grade.threshold_c") == 5000000);
}

/* A share-sum conflict is reported at the line of the share (or
 * grade.use_d) named last in the text, so it always has a position, also
 * through ccad_ctx_errpos. */
static void parse_share_conflict_has_line(void **state)
{
    fixture *f = *state;
    uint32_t line = 0, col = 0;
    static const struct {
        const char *text;
        const char *where;
        uint32_t line;
    } cases[] = {
        {"# shares\n\ngrade.share_b_pct = 90\n", "line 3, column 1", 3},
        {"grade.share_a_pct = 90\n", "line 1, column 1", 1},
        {"grade.share_a_pct = 60\ngrade.share_b_pct = 50\n", "line 2, column 1", 2},
        {"grade.share_b_pct = 50\ngap.max_days = 7\ngrade.share_a_pct = 60\n", "line 3, column 1", 3},
        {"grade.use_d = 1\ngrade.share_a_pct = 50\n", "line 2, column 1", 2},
        {"grade.share_a_pct = 50\ngrade.use_d = 1\n", "line 2, column 1", 2},
        {"grade.share_c_pct = 80\n\ngrade.use_d = 1\n", "line 3, column 1", 3},
        {"grade.use_d = 1\n\n\ngrade.share_c_pct = 80\n", "line 4, column 1", 4},
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        parse_fails(f, cases[i].text, strlen(cases[i].text), cases[i].where, "above 100");
        assert_int_equal(ccad_ctx_errpos(f->ctx, &line, &col), CCAD_OK);
        assert_int_equal(line, cases[i].line);
        assert_int_equal(col, 1);
    }
}

/* The platform sum (cap_a + cap_b <= working_cap) is blamed on the member
 * named last, even when only working_cap is named (found by fuzzing). */
static void parse_platform_conflict_has_line(void **state)
{
    fixture *f = *state;
    uint32_t line = 0, col = 0;
    static const struct {
        const char *text;
        const char *where;
        uint32_t line;
    } cases[] = {
        /* 1.1: no fixed cap by default, so the texts name one; the
         * minimum (50) must not exceed it either */
        {"platform.working_min = 0\nplatform.working_cap = 40\n", "line 2, column 1", 2},
        {"platform.working_cap = 50\n# slots\nplatform.cap_b = 45\n", "line 3, column 1", 3},
        {"platform.working_min = 0\nplatform.cap_a = 30\n\nplatform.working_cap = 49\n",
         "line 4, column 1", 4},
        {"platform.working_cap = 49\n", "line 1, column 1", 1}, /* under working_min */
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        parse_fails(f, cases[i].text, strlen(cases[i].text), cases[i].where, "working_cap");
        assert_int_equal(ccad_ctx_errpos(f->ctx, &line, &col), CCAD_OK);
        assert_int_equal(line, cases[i].line);
        assert_int_equal(col, 1);
    }
}

/* ccad_rules_set_text: keywords, masks, weekdays and integers; errors as
 * ccad_rules_set plus CCAD_EPARSE for text that is none of them. */
static void set_text_forms(void **state)
{
    fixture *f = *state;
    int64_t v = 0;
    assert_int_equal(ccad_rules_set_text(f->r, "grade.method", "threshold"), CCAD_OK);
    assert_int_equal(ccad_rules_get(f->r, "grade.method", &v), CCAD_OK);
    assert_int_equal(v, CCAD_GRADE_BY_THRESHOLD);
    assert_int_equal(ccad_rules_set_text(f->r, "triage.band", "1"), CCAD_OK);
    assert_int_equal(ccad_rules_get(f->r, "triage.band", &v), CCAD_OK);
    assert_int_equal(v, 1);
    assert_int_equal(ccad_rules_set_text(f->r, "gap.grades", "ABC"), CCAD_OK);
    assert_int_equal(ccad_rules_get(f->r, "gap.grades", &v), CCAD_OK);
    assert_int_equal(v, 7);
    assert_int_equal(ccad_rules_set_text(f->r, "freq.work_days", "Mon+Wed+Fri"), CCAD_OK);
    assert_int_equal(ccad_rules_get(f->r, "freq.work_days", &v), CCAD_OK);
    assert_int_equal(v, 1 | 4 | 16);
    assert_int_equal(ccad_rules_set_text(f->r, "gap.max_days", "10"), CCAD_OK);
    assert_int_equal(ccad_rules_get(f->r, "gap.max_days", &v), CCAD_OK);
    assert_int_equal(v, 10);
    /* only the named parameter changes */
    assert_int_equal(ccad_rules_get(f->r, "grade.method", &v), CCAD_OK);
    assert_int_equal(v, CCAD_GRADE_BY_THRESHOLD);

    save(f);
    assert_int_equal(ccad_rules_set_text(f->r, "gap.max_days", "999"), CCAD_ERANGE);
    assert_non_null(strstr(ccad_ctx_errmsg(f->ctx), "gap.max_days"));
    assert_int_equal(ccad_rules_set_text(f->r, "gap.alert_days", "5"), CCAD_ECONFLICT);
    assert_int_equal(ccad_rules_set_text(f->r, "grade.method", "sideways"), CCAD_EPARSE);
    assert_int_equal(ccad_rules_set_text(f->r, "gap.grades", "AA"), CCAD_EPARSE);
    assert_int_equal(ccad_rules_set_text(f->r, "freq.work_days", "mon"), CCAD_EPARSE);
    assert_int_equal(ccad_rules_set_text(f->r, "gap.max_days", ""), CCAD_EPARSE);
    assert_int_equal(ccad_rules_set_text(f->r, "gap.max_days", "12x"), CCAD_EPARSE);
    assert_int_equal(ccad_rules_set_text(f->r, "gap.nope", "1"), CCAD_ENOTFOUND);
    assert_int_equal(ccad_rules_set_text(f->r, NULL, "1"), CCAD_EINVAL);
    assert_int_equal(ccad_rules_set_text(f->r, "gap.max_days", NULL), CCAD_EINVAL);
    assert_int_equal(ccad_rules_set_text(NULL, "gap.max_days", "1"), CCAD_EINVAL);
    assert_true(ccad_rules_equal(f->r, f->saved));
}

static void rules_ctx_accessor(void **state)
{
    fixture *f = *state;
    assert_ptr_equal(ccad_rules_ctx(f->r), f->ctx);
    assert_null(ccad_rules_ctx(NULL));
}

static void parse_accepts_comments_blank_crlf(void **state)
{
    fixture *f = *state;
    static const char t[] = "# header comment\n"
                            "\n"
                            "   \t  \n"
                            "gap.max_days = 10 # trailing comment\n"
                            "\tgap.alert_days=30#tight\r\n"
                            "  stall.after\t=\t4\t\r\n"
                            "grade.method = threshold   \n"
                            "    # indented comment = with = signs\n"
                            "gap.grades = ABC"; /* no final newline */
    assert_int_equal(ccad_rules_set(f->r, "patience.min_contacts", 9), CCAD_OK);
    assert_int_equal(ccad_rules_parse(f->r, t, sizeof t - 1), CCAD_OK);
    assert_true(get(f->r, "gap.max_days") == 10);
    assert_true(get(f->r, "gap.alert_days") == 30);
    assert_true(get(f->r, "stall.after") == 4);
    assert_true(get(f->r, "grade.method") == 1);
    assert_true(get(f->r, "gap.grades") == 7);
    /* unnamed parameters return to their defaults */
    assert_true(get(f->r, "patience.min_contacts") == 5);
}

static void parse_empty_and_defaults(void **state)
{
    fixture *f = *state;
    ccad_rules *def = NULL;
    assert_int_equal(ccad_rules_new(&def, f->ctx), CCAD_OK);
    assert_int_equal(ccad_rules_set(f->r, "gap.max_days", 10), CCAD_OK);
    assert_int_equal(ccad_rules_set(f->r, "stall.after", 4), CCAD_OK);
    assert_int_equal(ccad_rules_parse(f->r, "", 0), CCAD_OK);
    assert_true(ccad_rules_equal(f->r, def));
    /* text need not be NUL-terminated; only len bytes are read */
    assert_int_equal(ccad_rules_set(f->r, "gap.max_days", 10), CCAD_OK);
    assert_int_equal(ccad_rules_parse(f->r, "stall.after = 4GARBAGE", 15), CCAD_OK);
    assert_true(get(f->r, "stall.after") == 4);
    assert_true(get(f->r, "gap.max_days") == 14); /* back to default */
    assert_int_equal(ccad_rules_parse(f->r, "\n\n# only comments\n", 18), CCAD_OK);
    assert_true(ccad_rules_equal(f->r, def));
    /* errors */
    save(f);
    assert_int_equal(ccad_rules_parse(NULL, "", 0), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_rules_parse(f->r, NULL, 0), CCAD_EINVAL);
    assert_true(ccad_rules_equal(f->r, f->saved));
    ccad_rules_free(def);
}

/* ---- copy / equal / free / new ---- */

static void copy_equal_free(void **state)
{
    fixture *f = *state;
    ccad_rules *c = NULL, *sentinel = (ccad_rules *)(void *)&c;
    ccad_ctx *ctx2 = NULL;
    assert_int_equal(ccad_rules_set(f->r, "gap.max_days", 10), CCAD_OK);
    assert_int_equal(ccad_rules_copy(&c, f->ctx, f->r), CCAD_OK);
    assert_true(ccad_rules_equal(c, f->r));
    assert_true(ccad_rules_equal(f->r, c));
    assert_true(ccad_rules_equal(c, c));
    /* independent */
    assert_int_equal(ccad_rules_set(c, "gap.max_days", 11), CCAD_OK);
    assert_false(ccad_rules_equal(c, f->r));
    assert_true(get(f->r, "gap.max_days") == 10);
    ccad_rules_free(c);
    /* into another context */
    assert_int_equal(ccad_ctx_new(&ctx2, NULL), CCAD_OK);
    c = NULL;
    assert_int_equal(ccad_rules_copy(&c, ctx2, f->r), CCAD_OK);
    assert_true(ccad_rules_equal(c, f->r));
    ccad_rules_free(c);
    ccad_ctx_free(ctx2);
    /* errors */
    assert_int_equal(ccad_rules_copy(NULL, f->ctx, f->r), CCAD_EINVAL);
    c = sentinel;
    TU_FAIL(f->ctx, ccad_rules_copy(&c, f->ctx, NULL), CCAD_EINVAL);
    assert_null(c);
    c = sentinel;
    assert_int_equal(ccad_rules_copy(&c, NULL, f->r), CCAD_EINVAL);
    assert_null(c);
    assert_int_equal(ccad_rules_equal(NULL, f->r), 0);
    assert_int_equal(ccad_rules_equal(f->r, NULL), 0);
    assert_int_equal(ccad_rules_equal(NULL, NULL), 0);
    ccad_rules_free(NULL);
}

static void new_errors(void **state)
{
    fixture *f = *state;
    ccad_rules *r = NULL;
    tu_alloc al;
    ccad_host h = tu_host(&al);
    ccad_ctx *ctx = NULL;
    assert_int_equal(ccad_rules_new(NULL, NULL), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_rules_new(NULL, f->ctx), CCAD_EINVAL);
    /* allocator failure: out set to NULL, message recorded */
    assert_int_equal(ccad_ctx_new(&ctx, &h), CCAD_OK);
    tu_fail_at(&al, 1, 0);
    r = (ccad_rules *)(void *)&r;
    TU_FAIL(ctx, ccad_rules_new(&r, ctx), CCAD_ENOMEM);
    assert_null(r);
    tu_fail_at(&al, 0, 0);
    assert_int_equal(ccad_rules_new(&r, ctx), CCAD_OK);
    assert_int_equal(al.live, 2);
    ccad_rules_free(r);
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

/* Constructors set *out to NULL on every error, a NULL ctx included. */
static void new_null_ctx_sets_out_null(void **state)
{
    ccad_rules *r = (ccad_rules *)(void *)&r;
    (void)state;
    assert_int_equal(ccad_rules_new(&r, NULL), CCAD_EINVAL);
    assert_null(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(param_table, setup, teardown),
        cmocka_unit_test_setup_teardown(param_info_errors, setup, teardown),
        cmocka_unit_test(param_sources),
        cmocka_unit_test(param_info_old_size),
        cmocka_unit_test_setup_teardown(get_errors_record_no_message, setup, teardown),
        cmocka_unit_test_setup_teardown(set_basic_and_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(set_conflicts, setup, teardown),
        cmocka_unit_test_setup_teardown(set_grade_d_constraints, setup, teardown),
        cmocka_unit_test_setup_teardown(serialize_sizes, setup, teardown),
        cmocka_unit_test_setup_teardown(round_trip_defaults, setup, teardown),
        cmocka_unit_test_setup_teardown(round_trip_every_parameter_moved, setup, teardown),
        cmocka_unit_test_setup_teardown(round_trip_each_at_min_and_max, setup, teardown),
        cmocka_unit_test_setup_teardown(masks_and_enums_parse, setup, teardown),
        cmocka_unit_test_setup_teardown(enum_accepts_integer_in_text, setup, teardown),
        cmocka_unit_test_setup_teardown(parse_strictness, setup, teardown),
        cmocka_unit_test_setup_teardown(parse_share_conflict_has_line, setup, teardown),
        cmocka_unit_test_setup_teardown(parse_grade_c_free_without_d, setup, teardown),
        cmocka_unit_test_setup_teardown(parse_errpos, setup, teardown),
        cmocka_unit_test_setup_teardown(parse_accepts_comments_blank_crlf, setup, teardown),
        cmocka_unit_test_setup_teardown(parse_platform_conflict_has_line, setup, teardown),
        cmocka_unit_test_setup_teardown(set_text_forms, setup, teardown),
        cmocka_unit_test_setup_teardown(rules_ctx_accessor, setup, teardown),
        cmocka_unit_test_setup_teardown(parse_empty_and_defaults, setup, teardown),
        cmocka_unit_test_setup_teardown(copy_equal_free, setup, teardown),
        cmocka_unit_test_setup_teardown(new_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(new_null_ctx_sets_out_null, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
