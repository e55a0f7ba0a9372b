/* Misuse: extremes: INT32_MIN/MAX dates, INT64 extremes for money and
 * rules values, counts at their limits. World and MUST_FAIL:
 * tests/misuse_env.h. */
#include "misuse_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* 3. Extremes                                                                */

static void extreme_dates(void **state)
{
    world *w = *state;
    static const int32_t bad[] = {INT32_MIN,         INT32_MIN + 1, CCAD_DATE_MIN - 1,
                                  CCAD_DATE_MAX + 1, INT32_MAX - 1, INT32_MAX};
    static const int ints[] = {INT_MIN, -1, 0, 10000, 13, 32, INT_MAX};
    size_t i, j;
    char buf[11] = "unchanged";
    for (i = 0; i < sizeof bad / sizeof *bad; i++) {
        int32_t d = bad[i];
        int y = -7, m = -7, md = -7, wd = -7, iy = -7, wk = -7;
        uint32_t fl = 77;
        ccad_assessment a = CCAD_ASSESSMENT_INIT;
        ccad_brief br[1];
        ccad_workload io = CCAD_WORKLOAD_INIT;
        ccad_day day = CCAD_DAY_INIT;
        size_t cnt = 99;
        assert_int_equal(ccad_date_to_ymd(d, &y, &m, &md), CCAD_ERANGE);
        assert_true(y == -7 && m == -7 && md == -7);
        assert_int_equal(ccad_date_weekday(&wd, d), CCAD_ERANGE);
        assert_int_equal(ccad_date_iso_week(&iy, &wk, d), CCAD_ERANGE);
        assert_true(wd == -7 && iy == -7 && wk == -7);
        assert_int_equal(ccad_date_format(buf, sizeof buf, d), CCAD_ERANGE);
        assert_string_equal(buf, "unchanged");
        MUST_FAIL(ccad_ctx_day_flags(w->ctx, &fl, d), CCAD_ERANGE, 1);
        assert_int_equal(fl, 77);
        MUST_FAIL(ccad_book_assess(w->book, w->rules, 0, d, &a), CCAD_ERANGE, 1);
        MUST_FAIL(ccad_book_assess_range(w->book, w->rules, 0, 1, d, br, sizeof *br), CCAD_ERANGE,
                  1);
        MUST_FAIL(ccad_book_workload(w->book, w->rules, d, &io), CCAD_ERANGE, 1);
        MUST_FAIL(ccad_schedule_day(w->sched, d, &day), CCAD_ENOTFOUND, 1);
        TU_PASS(w->ctx, ccad_schedule_reminders(w->sched, d, NULL, 0, &cnt));
        assert_int_equal(cnt, 0);
        /* customer and contact dates */
        {
            ccad_customer c = CCAD_CUSTOMER_INIT;
            ccad_contact k = CCAD_CONTACT_INIT;
            int f;
            for (f = 0; f < 8; f++) {
                c = (ccad_customer)CCAD_CUSTOMER_INIT;
                c.id = "X-DATE";
                switch (f) {
                case 0: c.purchase_date = d; break;
                case 1:
                    c.complaint = CCAD_COMPLAINT_OPEN;
                    c.complaint_date = d;
                    break;
                case 2: c.request_date = d; break;
                case 3: c.owned_since = d; break;
                case 4: c.last_contact = d; break;
                case 5: c.last_visit = d; break;
                case 6: c.next_step_date = d; break;
                default:
                    c.complaint = CCAD_COMPLAINT_RESOLVED;
                    c.complaint_date = d;
                    break;
                }
                if (d == CCAD_NO_DATE && f != 1 && f != 7)
                    continue; /* "no date" is allowed there */
                MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_ERANGE, 1);
            }
            k.date = d;
            MUST_FAIL(ccad_book_record(w->book, 1, &k), CCAD_ERANGE, 1);
            MUST_FAIL(ccad_store_record(w->book, 1, &k), CCAD_ERANGE, 1);
            k.date = w->today;
            k.next_date = d;
            if (d != CCAD_NO_DATE)
                MUST_FAIL(ccad_book_record(w->book, 1, &k), CCAD_ERANGE, 1);
        }
    }
    /* year, month and day at and past their ints */
    for (i = 0; i < sizeof ints / sizeof *ints; i++)
        for (j = 0; j < sizeof ints / sizeof *ints; j++) {
            int32_t out = 12345;
            int rc = ccad_date_from_ymd(&out, ints[i], ints[j], ints[j]);
            assert_int_equal(rc, CCAD_ERANGE); /* no month or day of the list is valid */
            assert_int_equal(out, 12345);
            cases++;
        }
    {
        int32_t out = 1;
        assert_int_equal(ccad_date_from_ymd(&out, 0, 1, 1), CCAD_ERANGE);
        assert_int_equal(ccad_date_from_ymd(&out, 10000, 1, 1), CCAD_ERANGE);
        assert_int_equal(ccad_date_from_ymd(&out, 9999, 12, 31), CCAD_OK);
        assert_int_equal(out, CCAD_DATE_MAX);
        assert_int_equal(ccad_date_from_ymd(&out, 1, 1, 1), CCAD_OK);
        assert_int_equal(out, CCAD_DATE_MIN);
    }
    /* the clock at and past the calendar */
    {
        static const int64_t secs[] = {INT64_MIN, INT64_MIN + 1, (int64_t)CCAD_DATE_MIN * 86400 - 1,
                                       (int64_t)(CCAD_DATE_MAX + 1) * 86400, INT64_MAX};
        int32_t day = 4242;
        for (i = 0; i < sizeof secs / sizeof *secs; i++) {
            w->l.clock_secs = secs[i];
            MUST_FAIL(ccad_ctx_today(w->ctx, &day), CCAD_ERANGE, 1);
            assert_int_equal(day, 4242);
        }
        w->l.clock_secs = (int64_t)w->today * 86400;
    }
}

static void extreme_money_and_counts(void **state)
{
    world *w = *state;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    ccad_contact k = CCAD_CONTACT_INIT;
    size_t at = 0, i;
    ccad_book *b = NULL;
    c.id = "X-MONEY";
    c.value = INT64_MIN;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_ERANGE, 1);
    c.value = -1;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_ERANGE, 1);
    c.value = 0;
    c.monthly_volume = INT64_MIN;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_ERANGE, 1);
    c.monthly_volume = -2;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_ERANGE, 1);
    c.monthly_volume = -1;
    c.margin_bp = 10001;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_ERANGE, 1);
    c.margin_bp = INT32_MIN;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_ERANGE, 1);
    c.margin_bp = -1;
    c.visit_open_min = -1;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_ERANGE, 1);
    c.visit_open_min = 600;
    c.visit_close_min = 600;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_ERANGE, 1);
    c.visit_open_min = 0;
    c.visit_close_min = 1441;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_ERANGE, 1);
    c.visit_close_min = 1440;
    c.has_location = 1;
    c.x = NAN;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_ERANGE, 1);
    c.x = INFINITY;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_ERANGE, 1);
    c.x = 0;
    c.y = -INFINITY;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_ERANGE, 1);
    c.y = 0;
    c.status = 0;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_EINVAL, 1);
    c.status = INT_MAX;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_EINVAL, 1);
    c.status = CCAD_STATUS_ACTIVE;
    c.grade = 5;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_EINVAL, 1);
    c.grade = -1;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_EINVAL, 1);
    c.grade = 0;
    c.complaint = 3;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_EINVAL, 1);
    c.complaint = 0;
    c.id = "";
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_EINVAL, 1);
    c.id = "M-01";
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_EEXIST, 1);

    /* the largest money, grading and assessing on it, in a book of its own */
    TU_PASS(w->ctx, ccad_book_new(&b, w->ctx, 0));
    for (i = 0; i < 3; i++) {
        char id[8];
        snprintf(id, sizeof id, "MAX-%u", (unsigned)i);
        c = (ccad_customer)CCAD_CUSTOMER_INIT;
        c.id = id;
        c.value = INT64_MAX - (int64_t)i;
        c.monthly_volume = INT64_MAX;
        c.margin_bp = 10000;
        c.status = CCAD_STATUS_KEY;
        c.contacts = UINT32_MAX;
        c.no_progress = UINT32_MAX;
        c.missing_records = UINT32_MAX;
        c.service_counts[0] = c.service_counts[3] = UINT32_MAX;
        c.last_contact = CCAD_DATE_MAX;
        c.last_gap_days = INT32_MAX;
        TU_PASS(w->ctx, ccad_book_add(b, &c, &at));
    }
    {
        ccad_rules *r = w->rules;
        ccad_assessment a = CCAD_ASSESSMENT_INIT;
        ccad_workload io = CCAD_WORKLOAD_INIT;
        ccad_platform p = CCAD_PLATFORM_INIT;
        ccad_brief br[3];
        uint8_t ch[3];
        ccad_schedule *s = NULL;
        ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
        char rb[256];
        ccad_reason rs = {CCAD_RULE_GRADE, CCAD_WHY_GRADE_THRESHOLD, INT64_MAX, INT64_MIN,
                          INT64_MAX};
        TU_PASS(w->ctx, ccad_book_grade(b, r));
        for (i = 0; i < 3; i++) {
            TU_PASS(w->ctx, ccad_book_assess(b, r, i, CCAD_DATE_MAX, &a));
            TU_PASS(w->ctx, ccad_book_assess(b, r, i, CCAD_DATE_MIN, &a));
        }
        TU_PASS(w->ctx, ccad_book_assess_range(b, r, 0, 3, w->today, br, sizeof *br));
        TU_PASS(w->ctx, ccad_book_workload(b, r, w->today, &io));
        TU_PASS(w->ctx, ccad_book_platform(b, r, &p));
        TU_PASS(w->ctx, ccad_book_choose_working(b, r, ch, 3));
        o.first_day = CCAD_DATE_MAX - 365;
        o.days = 366;
        TU_PASS(w->ctx, ccad_schedule_new(&s, b, r, &o));
        ccad_schedule_free(s);
        /* the grading thresholds at their maximum */
        TU_PASS(w->ctx, ccad_rules_set_text(w->rules2, "grade.method", "threshold"));
        TU_PASS(w->ctx, ccad_book_grade(b, w->rules2));
        TU_PASS(w->ctx, ccad_rules_set_text(w->rules2, "grade.method", "rank"));
        assert_int_equal(ccad_reason_format(rb, sizeof rb, &rs, NULL), CCAD_OK);
        rs.why = CCAD_WHY_TRIAGE;
        {
            int rc = ccad_reason_format(rb, sizeof rb, &rs, NULL);
            assert_true(rc == CCAD_OK || rc == CCAD_ENOSPC);
        }
        /* contact counts at their limit: recording one more overflows */
        k.date = w->today;
        {
            ccad_customer before = CCAD_CUSTOMER_INIT, after = CCAD_CUSTOMER_INIT;
            TU_PASS(w->ctx, ccad_book_get(b, 0, &before));
            assert_int_equal(ccad_book_record(b, 0, &k), CCAD_EOVERFLOW);
            assert_int_equal(ccad_ctx_errcode(w->ctx), CCAD_EOVERFLOW);
            TU_PASS(w->ctx, ccad_book_get(b, 0, &after));
            tu_customer_equal(&before, &after);
            cases++;
        }
    }
    ccad_book_free(b);

    /* counts and indices at their limits */
    {
        ccad_book *nb = (ccad_book *)&c;
        ccad_brief br[2];
        ccad_customer g = CCAD_CUSTOMER_INIT;
        uint8_t ch[NCUST + 1];
        size_t idx = 77;
        MUST_FAIL(ccad_book_new(&nb, w->ctx, SIZE_MAX), CCAD_EOVERFLOW, 1);
        assert_null(nb);
        MUST_FAIL(ccad_book_new(&nb, w->ctx, SIZE_MAX / 2), CCAD_EOVERFLOW, 1);
        MUST_FAIL(ccad_book_get(w->book, SIZE_MAX, &g), CCAD_ENOTFOUND, 1);
        MUST_FAIL(ccad_book_get(w->book, NCUST, &g), CCAD_ENOTFOUND, 1);
        assert_null(ccad_book_id(w->book, SIZE_MAX));
        assert_int_equal(ccad_book_grade_of(w->book, SIZE_MAX), CCAD_GRADE_NONE);
        MUST_FAIL(ccad_book_assess_range(w->book, w->rules, SIZE_MAX, 2, w->today, br, sizeof *br),
                  CCAD_ENOTFOUND, 1);
        MUST_FAIL(ccad_book_assess_range(w->book, w->rules, 1, SIZE_MAX, w->today, br, sizeof *br),
                  CCAD_ENOTFOUND, 1);
        MUST_FAIL(ccad_book_assess_range(w->book, w->rules, NCUST - 1, 2, w->today, br, sizeof *br),
                  CCAD_ENOTFOUND, 1);
        MUST_FAIL(ccad_book_choose_working(w->book, w->rules, ch, NCUST + 1), CCAD_EINVAL, 1);
        MUST_FAIL(ccad_book_choose_working(w->book, w->rules, ch, SIZE_MAX), CCAD_EINVAL, 1);
        MUST_FAIL(ccad_book_choose_working(w->book, w->rules, ch, 0), CCAD_EINVAL, 1);
        k.date = w->today;
        MUST_FAIL(ccad_book_record(w->book, SIZE_MAX, &k), CCAD_ENOTFOUND, 1);
        MUST_FAIL(ccad_store_record(w->book, SIZE_MAX, &k), CCAD_ENOTFOUND, 1);
        MUST_FAIL(ccad_book_update(w->book, SIZE_MAX, &g), CCAD_ENOTFOUND, 1);
        {
            ccad_item it = CCAD_ITEM_INIT;
            ccad_finding f = CCAD_FINDING_INIT;
            MUST_FAIL(ccad_schedule_item(w->sched, SIZE_MAX, &it), CCAD_ENOTFOUND, 1);
            MUST_FAIL(ccad_schedule_finding(w->sched, SIZE_MAX, &f), CCAD_ENOTFOUND, 1);
        }
        assert_int_equal(ccad_rules_param_info(&(ccad_param_info)CCAD_PARAM_INFO_INIT, SIZE_MAX),
                         CCAD_ENOTFOUND);
        assert_int_equal(ccad_date_format((char[10]){0}, 10, 0), CCAD_ENOSPC);
        assert_int_equal(ccad_date_parse(&(int32_t){0}, "2026-01-01", 9), CCAD_EPARSE);
        assert_int_equal(ccad_date_parse(&(int32_t){0}, "2026-01-01x", 11), CCAD_EPARSE);
        assert_int_equal(ccad_date_parse(&(int32_t){0}, "2026-01-01", 0), CCAD_EPARSE);
        assert_int_equal(ccad_reason_format((char[4]){0}, 0, &(ccad_reason){1, 1, 1, 0, 0}, NULL),
                         CCAD_EINVAL);
        assert_int_equal(ccad_name_parse(&(int){0}, 0, "A", 1), CCAD_EINVAL);
        assert_int_equal(ccad_name_parse(&(int){0}, INT_MAX, "A", 1), CCAD_EINVAL);
        assert_int_equal(ccad_name_parse(&(int){0}, CCAD_NAME_GRADE, "A", 0), CCAD_ENOTFOUND);
        assert_string_equal(ccad_name(INT_MIN, INT_MIN), "?");
        assert_string_equal(ccad_name(CCAD_NAME_FLAG, 3), "?"); /* two bits */
        assert_string_equal(ccad_rule_name(INT_MAX), "?");
        assert_string_equal(ccad_why_name(INT_MIN), "?");
        assert_string_equal(ccad_strerror(INT_MIN), "unknown error");
        assert_int_equal(ccad_why_figure(INT_MAX, 0, NULL), CCAD_FIG_NONE);
        assert_int_equal(ccad_why_figure(CCAD_WHY_GAP_ALERT, -1, NULL), CCAD_FIG_NONE);
        (void)idx;
    }
    /* a contact's enums and next date */
    {
        ccad_contact bad = CCAD_CONTACT_INIT;
        bad.date = w->today;
        bad.kind = 0;
        MUST_FAIL(ccad_book_record(w->book, 1, &bad), CCAD_EINVAL, 1);
        bad.kind = 6;
        MUST_FAIL(ccad_store_record(w->book, 1, &bad), CCAD_EINVAL, 1);
        bad.kind = 1;
        bad.outcome = INT_MIN;
        MUST_FAIL(ccad_book_record(w->book, 1, &bad), CCAD_EINVAL, 1);
        bad.outcome = 1;
        bad.service_level = 5;
        MUST_FAIL(ccad_book_record(w->book, 1, &bad), CCAD_EINVAL, 1);
        bad.service_level = 0;
        bad.recorded = 2;
        MUST_FAIL(ccad_book_record(w->book, 1, &bad), CCAD_EINVAL, 1);
        bad.recorded = 1;
        bad.next_date = w->today - 1;
        MUST_FAIL(ccad_book_record(w->book, 1, &bad), CCAD_ERANGE, 1);
        bad.next_date = CCAD_NO_DATE;
        bad.outcome = CCAD_OUTCOME_COMPLAINT_RESOLVED; /* none open */
        MUST_FAIL(ccad_book_record(w->book, 1, &bad), CCAD_ECONFLICT, 1);
    }
}

/* Every rules parameter at and past its range, INT64 extremes included. */
static void extreme_rules_values(void **state)
{
    world *w = *state;
    size_t i, n = ccad_rules_param_count();
    for (i = 0; i < n; i++) {
        ccad_param_info pi = CCAD_PARAM_INFO_INIT;
        int64_t vals[4];
        size_t j;
        assert_int_equal(ccad_rules_param_info(&pi, i), CCAD_OK);
        vals[0] = INT64_MIN;
        vals[1] = INT64_MAX;
        vals[2] = pi.min_value > INT64_MIN ? pi.min_value - 1 : INT64_MIN;
        vals[3] = pi.max_value < INT64_MAX ? pi.max_value + 1 : INT64_MAX;
        for (j = 0; j < 4; j++) {
            char text[64];
            if (vals[j] >= pi.min_value && vals[j] <= pi.max_value)
                continue;
            MUST_FAIL(ccad_rules_set(w->rules, pi.name, vals[j]), CCAD_ERANGE, 1);
            snprintf(text, sizeof text, "%lld", (long long)vals[j]);
            MUST_FAIL(ccad_rules_set_text(w->rules, pi.name, text), CCAD_ERANGE, 1);
        }
        /* past INT64 in text */
        MUST_FAIL(ccad_rules_set_text(w->rules, pi.name, "99999999999999999999"),
                  ccad_rules_set_text(w->rules, pi.name, "99999999999999999999"), 1);
        assert_true(ccad_ctx_errcode(w->ctx) == CCAD_ERANGE ||
                    ccad_ctx_errcode(w->ctx) == CCAD_EPARSE);
        MUST_FAIL(ccad_rules_set_text(w->rules, pi.name, "-99999999999999999999"),
                  ccad_rules_set_text(w->rules, pi.name, "-99999999999999999999"), 1);
        MUST_FAIL(ccad_rules_set_text(w->rules, pi.name, ""), CCAD_EPARSE, 1);
        MUST_FAIL(ccad_rules_set_text(w->rules, pi.name, " 1"), CCAD_EPARSE, 1);
        MUST_FAIL(ccad_rules_set_text(w->rules, pi.name, "0x10"), CCAD_EPARSE, 1);
    }
    MUST_FAIL(ccad_rules_set(w->rules, "", 1), CCAD_ENOTFOUND, 1);
    MUST_FAIL(ccad_rules_set(w->rules, "gap.max_days ", 1), CCAD_ENOTFOUND, 1);
    assert_int_equal(ccad_rules_get(w->rules, "nope", &(int64_t){0}), CCAD_ENOTFOUND);
    print_message("misuse: %lu rules parameters at and past their ranges\n", (unsigned long)n);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, world_setup, world_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(extreme_dates),
        T(extreme_money_and_counts),
        T(extreme_rules_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
