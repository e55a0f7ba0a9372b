/* Rules: the parameter table (info, sources, old struct sizes) and get/set
 * with ranges and conflicts. Fixture: tests/rules_env.h. */
#include "rules_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- parameter table ---- */

static void param_table(void **state)
{
    fixture *f = *state;
    size_t i, j, n = ccad_rules_param_count();
    static const char *units[] = {"days", "pct",   "minor", "bool",   "mask",
                                  "enum", "count", "bp",    "factor", "min"};
    ccad_param_info *all;
    assert_int_equal(n, 87);
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
        assert_true(get(f->fx.r, info.name) == info.default_value);
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
    assert_true(get(f->fx.r, "grade.method") == CCAD_GRADE_BY_RANK);
    assert_true(get(f->fx.r, "grade.share_a_pct") == 15);
    assert_true(get(f->fx.r, "grade.share_b_pct") == 25);
    assert_true(get(f->fx.r, "gap.max_days") == 14);
    assert_true(get(f->fx.r, "gap.alert_days") == 21);
    assert_true(get(f->fx.r, "gap.grades") == (CCAD_GRADE_BIT_A | CCAD_GRADE_BIT_B));
    assert_true(get(f->fx.r, "quadrant.important") == (CCAD_GRADE_BIT_A | CCAD_GRADE_BIT_B));
    assert_true(get(f->fx.r, "triage.self_driven_volume") == 8000000);
    assert_true(get(f->fx.r, "triage.push_volume") == 5000000);
    assert_true(get(f->fx.r, "triage.unmovable_volume") == 3000000);
    assert_true(get(f->fx.r, "triage.band") == 0);
    assert_true(get(f->fx.r, "escalate.rep_days") == 3);
    assert_true(get(f->fx.r, "escalate.manager_days") == 5);
    assert_true(get(f->fx.r, "escalate.reassign_days") == 7);
    assert_true(get(f->fx.r, "patience.min_contacts") == 5);
    assert_true(get(f->fx.r, "stall.after") == 3);
    assert_true(get(f->fx.r, "freq.work_days") == 31); /* Mon..Fri */
    assert_true(get(f->fx.r, "grade.use_d") == 0);
    assert_true(get(f->fx.r, "grade.share_c_pct") == 60);
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
                     "'project default: ...'",
                     info.name, info.source ? info.source : "(null)");
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
        static const char *const ours[] = {"complaint.followup_days",
                                           "complaint.care_after_days",
                                           "freq.let_go_factor",
                                           "triage.margin_lift_bp",
                                           "freq.c_days",
                                           "grade.share_b_pct",
                                           "stall.after",
                                           "platform.c_max_pct",
                                           "route.service_a_min",
                                           "route.service_b_min",
                                           "route.service_c_min"};
        size_t k;
        for (k = 0; k < sizeof ours / sizeof ours[0]; k++)
            for (i = 0; i < n; i++) {
                ccad_param_info info = CCAD_PARAM_INFO_INIT;
                assert_int_equal(ccad_rules_param_info(&info, i), CCAD_OK);
                if (strcmp(info.name, ours[k]) == 0 &&
                    strncmp(info.source, "project default: ", 17) != 0)
                    fail_msg("%s must be marked a project default, not '%s'", ours[k], info.source);
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
    const char *mark = tu_mark(f->fx.ctx);
    char m[256];
    strcpy(m, mark);
    assert_int_equal(ccad_rules_get(f->fx.r, "no.such", &v), CCAD_ENOTFOUND);
    assert_int_equal(ccad_rules_get(f->fx.r, "", &v), CCAD_ENOTFOUND);
    assert_int_equal(ccad_rules_get(f->fx.r, "gap.max_day", &v), CCAD_ENOTFOUND);
    assert_int_equal(ccad_rules_get(f->fx.r, "gap.max_days ", &v), CCAD_ENOTFOUND);
    assert_int_equal(ccad_rules_get(f->fx.r, "GAP.MAX_DAYS", &v), CCAD_ENOTFOUND);
    assert_int_equal(ccad_rules_get(NULL, "gap.max_days", &v), CCAD_EINVAL);
    assert_int_equal(ccad_rules_get(f->fx.r, NULL, &v), CCAD_EINVAL);
    assert_int_equal(ccad_rules_get(f->fx.r, "gap.max_days", NULL), CCAD_EINVAL);
    assert_true(v == 42);
    /* read-only functions record no message */
    assert_string_equal(ccad_ctx_errmsg(f->fx.ctx), m);
    assert_int_equal(ccad_ctx_errcode(f->fx.ctx), CCAD_EINVAL);
}

static void set_basic_and_errors(void **state)
{
    fixture *f = *state;
    size_t i, n = ccad_rules_param_count();
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "gap.max_days", 10));
    assert_true(get(f->fx.r, "gap.max_days") == 10);
    save(f);
    assert_int_equal(ccad_rules_set(NULL, "gap.max_days", 10), CCAD_EINVAL);
    TU_FAIL(f->fx.ctx, ccad_rules_set(f->fx.r, NULL, 10), CCAD_EINVAL);
    TU_FAIL(f->fx.ctx, ccad_rules_set(f->fx.r, "no.such", 10), CCAD_ENOTFOUND);
    assert_non_null(strstr(ccad_ctx_errmsg(f->fx.ctx), "no.such"));
    TU_FAIL(f->fx.ctx, ccad_rules_set(f->fx.r, "", 10), CCAD_ENOTFOUND);
    assert_true(ccad_rules_equal(f->fx.r, f->saved));
    /* every parameter: one below min and one above max are refused */
    for (i = 0; i < n; i++) {
        ccad_param_info info = CCAD_PARAM_INFO_INIT;
        TU_PASS(f->fx.ctx, ccad_rules_param_info(&info, i));
        if (info.min_value > INT64_MIN)
            TU_FAIL(f->fx.ctx, ccad_rules_set(f->fx.r, info.name, info.min_value - 1), CCAD_ERANGE);
        if (info.max_value < INT64_MAX)
            TU_FAIL(f->fx.ctx, ccad_rules_set(f->fx.r, info.name, info.max_value + 1), CCAD_ERANGE);
        TU_FAIL(f->fx.ctx, ccad_rules_set(f->fx.r, info.name, INT64_MIN), CCAD_ERANGE);
        TU_FAIL(f->fx.ctx, ccad_rules_set(f->fx.r, info.name, INT64_MAX), CCAD_ERANGE);
        assert_non_null(strstr(ccad_ctx_errmsg(f->fx.ctx), info.name));
        assert_true(ccad_rules_equal(f->fx.r, f->saved));
    }
    /* boundaries that are consistent with the defaults */
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "stall.after", 1));
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "stall.after", 1000));
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "ownership.days", 0));
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "ownership.days", 3660));
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "triage.margin_lift_bp", 10000));
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "grade.threshold_a", MONEY_MAX));
    /* non-strict orders allow equality */
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "urgency.week_days", 14));
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "freq.a_count", 7));
    assert_true(get(f->fx.r, "urgency.week_days") == 14);
    assert_true(get(f->fx.r, "freq.a_count") == 7);
}

static void expect_conflict(fixture *f, const char *name, int64_t value, const char *other)
{
    save(f);
    TU_FAIL(f->fx.ctx, ccad_rules_set(f->fx.r, name, value), CCAD_ECONFLICT);
    assert_non_null(strstr(ccad_ctx_errmsg(f->fx.ctx), name));
    assert_non_null(strstr(ccad_ctx_errmsg(f->fx.ctx), other));
    assert_true(ccad_rules_equal(f->fx.r, f->saved));
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
    TU_PASS(ccad_rules_ctx(f->fx.r), ccad_rules_set(f->fx.r, "gap.alert_days", 30));
    TU_PASS(ccad_rules_ctx(f->fx.r), ccad_rules_set(f->fx.r, "gap.max_days", 21));
    TU_PASS(ccad_rules_ctx(f->fx.r), ccad_rules_set(f->fx.r, "grade.share_c_pct", 50));
    TU_PASS(ccad_rules_ctx(f->fx.r), ccad_rules_set(f->fx.r, "grade.share_a_pct", 25));
}

/* Without grade D the C share and threshold are unused and unconstrained;
 * turning grade D on is refused while they would conflict. */
static void set_grade_d_constraints(void **state)
{
    fixture *f = *state;
    /* grade D off: A + B up to exactly 100, the C share and C threshold free */
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "grade.share_a_pct", 75));
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "grade.share_c_pct", 100));
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "grade.threshold_c", 2000000));
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "grade.threshold_c", MONEY_MAX));
    expect_conflict(f, "grade.share_a_pct", 76, "grade.share_b_pct");
    /* grade.use_d = 1 refused: first the thresholds (checked first), then the shares */
    expect_conflict(f, "grade.use_d", 1, "grade.threshold_c");
    assert_non_null(strstr(ccad_ctx_errmsg(f->fx.ctx), "grade.threshold_b"));
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "grade.threshold_c", 1999999));
    expect_conflict(f, "grade.use_d", 1, "grade.share_c_pct");
    assert_non_null(strstr(ccad_ctx_errmsg(f->fx.ctx), "200"));
    assert_true(get(f->fx.r, "grade.use_d") == 0);
    /* 75 + 25 + 0 = 100 and 1999999 < 2000000: grade D may be turned on */
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "grade.share_c_pct", 0));
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "grade.use_d", 1));
    /* grade D on: both constraints now hold for every change */
    expect_conflict(f, "grade.share_c_pct", 1, "grade.share_c_pct");
    expect_conflict(f, "grade.share_a_pct", 76, "grade.share_c_pct");
    expect_conflict(f, "grade.threshold_c", 2000000, "grade.threshold_b");
    expect_conflict(f, "grade.threshold_b", 1999999, "grade.threshold_c");
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "grade.share_a_pct", 15));
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "grade.share_c_pct", 60));
    expect_conflict(f, "grade.share_c_pct", 61, "grade.share_a_pct");
    /* and off again: the C values are free once more */
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "grade.use_d", 0));
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "grade.share_c_pct", 100));
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "grade.threshold_c", 2000000));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        RULES_TEST(param_table),
        RULES_TEST(param_info_errors),
        cmocka_unit_test(param_sources),
        cmocka_unit_test(param_info_old_size),
        RULES_TEST(get_errors_record_no_message),
        RULES_TEST(set_basic_and_errors),
        RULES_TEST(set_conflicts),
        RULES_TEST(set_grade_d_constraints),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
