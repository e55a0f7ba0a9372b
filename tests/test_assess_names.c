/* Names and texts of reasons: why and rule names, reason formatting.
 * Helpers: tests/assess_env.h. */
#include "assess_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- names and texts ---- */

static void why_and_rule_names(void **state)
{
    static const char *whys[] = {
        "?",
        "GRADE_MANUAL",
        "GRADE_RANK",
        "GRADE_THRESHOLD",
        "URGENCY_PURCHASE",
        "URGENCY_COMPLAINT",
        "URGENCY_REQUEST",
        "URGENCY_PASSED",
        "QUADRANT",
        "FREQ",
        "FREQ_NONE",
        "FREQ_LET_GO",
        "DUE",
        "DUE_NEXT_STEP",
        "DUE_EVENT",
        "OVERDUE",
        "GAP_WARN",
        "GAP_ALERT",
        "NO_RECORD",
        "NO_NEXT_STEP",
        "REMINDER",
        "STALLED",
        "PATIENCE",
        "PATIENCE_RHYTHM",
        "RELEASED_EARLY",
        "OWNERSHIP",
        "TRIAGE",
        "TRIAGE_MARGIN",
        "COMPLAINT_OPEN",
        "COMPLAINT_CARE",
        "NEVER_CONTACTED",
        "INACTIVE",
        "SERVICE",
    };
    static const char *rules[] = {
        "?",        "GRADE",     "URGENCY",  "QUADRANT",  "FREQ",     "WORKLOAD",
        "CAPACITY", "GAP",       "FOLLOWUP", "STALL",     "PATIENCE", "TRIAGE",
        "PERSIST",  "COMPLAINT", "PLATFORM", "KEEPWARM",  "ROUTE",    "SERVICE",
        "EXPLAIN",  "CLOCK",     "ESCALATE", "OWNERSHIP", "NEVER",
    };
    int i;
    (void)state;
    assert_int_equal(CCAD_WHY_SERVICE, 32);
    assert_int_equal(CCAD_RULE_NEVER, 22);
    for (i = 1; i <= 32; i++)
        assert_string_equal(ccad_why_name(i), whys[i]);
    for (i = 1; i <= 22; i++)
        assert_string_equal(ccad_rule_name(i), rules[i]);
    assert_string_equal(ccad_why_name(CCAD_WHY_GAP_ALERT), "GAP_ALERT");
    assert_string_equal(ccad_rule_name(CCAD_RULE_GAP), "GAP");
    assert_string_equal(ccad_why_name(0), "?");
    assert_string_equal(ccad_why_name(CCAD_WHY_PERSIST_LACKING + 1), "?");
    assert_string_equal(ccad_why_name(-1), "?");
    assert_string_equal(ccad_why_name(INT32_MIN), "?");
    assert_string_equal(ccad_rule_name(0), "?");
    assert_string_equal(ccad_rule_name(23), "?");
    assert_string_equal(ccad_rule_name(-5), "?");
    assert_string_equal(ccad_rule_name(INT32_MAX), "?");
}

static void reason_format_cases(void **state)
{
    int w;
    char buf[256];
    size_t len;
    ccad_reason r;
    (void)state;
    for (w = 1; w <= CCAD_WHY_PERSIST_LACKING; w++) {
        char small[6];
        size_t full = 0, l2 = 0;
        r.rule = expected_rule(w);
        r.why = w;
        r.a = 20780; /* figures that are also valid dates */
        r.b = 2;
        r.c = 3;
        memset(buf, 'x', sizeof buf);
        assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, &full), CCAD_OK);
        assert_true(full > 0);
        assert_int_equal(strlen(buf), full);
        assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, NULL), CCAD_OK);
        /* truncation: NUL-terminated, full length still reported */
        memset(small, 'y', sizeof small);
        assert_int_equal(ccad_reason_format(small, sizeof small, &r, &l2), CCAD_ENOSPC);
        assert_int_equal(l2, full);
        assert_int_equal(strlen(small), sizeof small - 1);
        assert_memory_equal(small, buf, sizeof small - 1);
        /* exactly full + 1 fits, full does not */
        assert_int_equal(ccad_reason_format(buf, full + 1, &r, &l2), CCAD_OK);
        assert_int_equal(ccad_reason_format(buf, full, &r, &l2), CCAD_ENOSPC);
        assert_int_equal(strlen(buf), full - 1);
    }
    /* known texts */
    r.rule = CCAD_RULE_GAP;
    r.why = CCAD_WHY_GAP_ALERT;
    r.a = 22;
    r.b = 21;
    r.c = 8;
    assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, &len), CCAD_OK);
    assert_memory_equal(buf, "GAP: ", 5);
    assert_non_null(strstr(buf, "22"));
    assert_non_null(strstr(buf, "21"));
    r.rule = CCAD_RULE_CLOCK;
    r.why = CCAD_WHY_DUE;
    r.a = tu_date("2026-11-20");
    r.b = 3;
    r.c = tu_date("2026-11-23");
    assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, &len), CCAD_OK);
    assert_non_null(strstr(buf, "2026-11-20"));
    assert_non_null(strstr(buf, "2026-11-23"));
    /* money as decimals with two places, singular and plural */
    {
        static const struct {
            int rule, why;
            int64_t a, b, c;
            const char *text;
        } k[] = {
            {CCAD_RULE_GRADE, CCAD_WHY_GRADE_THRESHOLD, 150000000, 50000000, 0,
             "GRADE: value 1500000.00, threshold 500000.00"},
            {CCAD_RULE_GRADE, CCAD_WHY_GRADE_THRESHOLD, 1999999, 0, 0,
             "GRADE: value 19999.99, threshold 0.00"},
            {CCAD_RULE_GRADE, CCAD_WHY_GRADE_THRESHOLD, 5, 2000000, 0,
             "GRADE: value 0.05, threshold 20000.00"},
            {CCAD_RULE_GRADE, CCAD_WHY_GRADE_RANK, 2, 10, 40,
             "GRADE: rank 2 of 10 by value, within the top 40 %"},
            {CCAD_RULE_GRADE, CCAD_WHY_GRADE_RANK, 0, 36, 100,
             "GRADE: not ranked (left the book), value within the top 100 % of the 36 ranked"},
            {CCAD_RULE_FREQ, CCAD_WHY_FREQ, 1, 1, 1, "FREQ: 1 per 1 day: every 1 day"},
            {CCAD_RULE_FREQ, CCAD_WHY_FREQ, 3, 7, 2, "FREQ: 3 per 7 days: every 2 days"},
            {CCAD_RULE_GAP, CCAD_WHY_GAP_ALERT, 22, 21, 8,
             "GAP: 22-day gap between contacts, alert at 21 (8 over the maximum)"},
            {CCAD_RULE_GAP, CCAD_WHY_GAP_WARN, 15, 14, 1,
             "GAP: 15-day gap between contacts, maximum 14 (1 over)"},
            {CCAD_RULE_NEVER, CCAD_WHY_NEVER_CONTACTED, 1, 0, 0, "NEVER: never contacted, due now"},
            {CCAD_RULE_NEVER, CCAD_WHY_NEVER_CONTACTED, 0, 0, 0, "NEVER: never contacted"},
            {CCAD_RULE_SERVICE, CCAD_WHY_SERVICE, 4, 1, 0,
             "SERVICE: 1 contact at the moving level"},
            {CCAD_RULE_SERVICE, CCAD_WHY_SERVICE, 2, 3, 0,
             "SERVICE: 3 contacts at the satisfying level"},
            {CCAD_RULE_FREQ, CCAD_WHY_INACTIVE, CCAD_STATUS_RELEASED, 0, 0,
             "FREQ: released, no contact duty"},
            /* the planner's constraint and strategy reasons (1.1) */
            {CCAD_RULE_ROUTE, CCAD_WHY_PLAN_BLOCKED_HOURS, 600, 630, 60,
             "ROUTE: visit hours 10:00-10:30 cannot hold a 60-min visit within the working day"},
            {CCAD_RULE_ROUTE, CCAD_WHY_PLAN_BLOCKED_DAYS, 20780, 1 | 4 | 16, 0,
             "ROUTE: due 2026-11-23, but no working day of the range is one of its visit days "
             "(Mon Wed Fri)"},
            {CCAD_RULE_ROUTE, CCAD_WHY_PLAN_BLOCKED_DAYS, 20780, 0, 0,
             "ROUTE: due 2026-11-23, but no working day of the range is one of its visit days "
             "(none)"},
            {CCAD_RULE_ROUTE, CCAD_WHY_PLAN_BLOCKED_TIME, 20780, 202, 180,
             "ROUTE: due 2026-11-23, but no allowed day had time for it (alone it needs 202 of "
             "the day's 180 min)"},
            {CCAD_RULE_ROUTE, CCAD_WHY_PLAN_VISIT_DAY, 20780, 2 | 8, 0,
             "ROUTE: due 2026-11-23, planned on its next visit day (Tue Thu)"},
            {CCAD_RULE_TRIAGE, CCAD_WHY_GIVE_UP, 1, 5, 1,
             "TRIAGE: given up: no contact planned; release proposed after 1 contact (patience "
             "asks for 5): premature"},
            {CCAD_RULE_TRIAGE, CCAD_WHY_GIVE_UP, 8, 5, 0,
             "TRIAGE: given up: no contact planned; release proposed after 8 contacts (patience "
             "asks for 5)"},
        };
        size_t q;
        for (q = 0; q < sizeof k / sizeof k[0]; q++) {
            r.rule = k[q].rule;
            r.why = k[q].why;
            r.a = k[q].a;
            r.b = k[q].b;
            r.c = k[q].c;
            assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, &len), CCAD_OK);
            assert_string_equal(buf, k[q].text);
            assert_int_equal(len, strlen(k[q].text));
        }
        r.rule = CCAD_RULE_TRIAGE;
        r.why = CCAD_WHY_TRIAGE;
        r.a = CCAD_TRIAGE_SELF_DRIVEN;
        r.b = -150;
        r.c = 8000000;
        assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, &len), CCAD_OK);
        assert_non_null(strstr(buf, "-1.50"));
        assert_non_null(strstr(buf, "80000.00"));
        r.b = INT64_MIN;
        assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, &len), CCAD_OK);
        assert_non_null(strstr(buf, "-92233720368547758.08"));
    }
    /* unknown code: still text */
    r.rule = 99;
    r.why = 99;
    assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, &len), CCAD_OK);
    assert_true(len > 0);
    /* errors */
    len = 12345;
    memset(buf, 'x', sizeof buf);
    assert_int_equal(ccad_reason_format(buf, 0, &r, &len), CCAD_EINVAL);
    assert_int_equal(ccad_reason_format(NULL, 10, &r, &len), CCAD_EINVAL);
    assert_int_equal(ccad_reason_format(buf, sizeof buf, NULL, &len), CCAD_EINVAL);
    assert_int_equal(len, 12345);
    assert_int_equal(buf[0], 'x');
    /* cap 1: only the NUL */
    r.rule = CCAD_RULE_NEVER;
    r.why = CCAD_WHY_NEVER_CONTACTED;
    r.a = 0;
    assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, &len), CCAD_OK);
    assert_memory_equal(buf, "NEVER:", 6);
    {
        size_t l2 = 0;
        assert_int_equal(ccad_reason_format(buf, 1, &r, &l2), CCAD_ENOSPC);
        assert_int_equal(buf[0], '\0');
        assert_int_equal(l2, len);
    }
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, tu_fixture_setup, tu_fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(why_and_rule_names),
        T(reason_format_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
