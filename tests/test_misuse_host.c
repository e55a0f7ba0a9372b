/* Misuse: failing and lying host callbacks (clock, calendar, travel) and a
 * failing store. World and MUST_FAIL: tests/misuse_env.h. */
#include "misuse_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* 7. Failing and lying callbacks                                             */

static void lying_host(void **state)
{
    world *w = *state;
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    ccad_schedule *s = (ccad_schedule *)&o;
    uint32_t fl = 0;
    int32_t day = 9;
    size_t i;
    o.first_day = w->today;
    /* clock */
    w->l.clock_rc = 1;
    MUST_FAIL(ccad_ctx_today(w->ctx, &day), CCAD_ECALLBACK, 1);
    assert_non_null(strstr(ccad_ctx_errmsg(w->ctx), "clock"));
    w->l.clock_rc = -1;
    MUST_FAIL(ccad_ctx_today(w->ctx, &day), CCAD_ECALLBACK, 1);
    w->l.clock_rc = 0;
    assert_int_equal(day, 9);
    /* calendar failing */
    w->l.calendar_rc = 1;
    MUST_FAIL(ccad_ctx_day_flags(w->ctx, &fl, w->today), CCAD_ECALLBACK, 1);
    assert_non_null(strstr(ccad_ctx_errmsg(w->ctx), "calendar"));
    MUST_FAIL(ccad_schedule_new(&s, w->book, w->rules, &o), CCAD_ECALLBACK, 1);
    assert_null(s);
    w->l.calendar_rc = INT_MIN;
    MUST_FAIL(ccad_schedule_new(&s, w->book, w->rules, &o), CCAD_ECALLBACK, 1);
    w->l.calendar_rc = 0;
    /* calendar reporting undefined bits: only the defined ones come out, and
     * the plan is the plan of the defined ones */
    {
        static const uint32_t junk[] = {0xFFFFFFF0u, 0x80000000u, 0xFFFFFFFFu,
                                        CCAD_DAY_HOLIDAY | CCAD_DAY_ABSENT};
        ccad_schedule *ref = NULL;
        TU_PASS(w->ctx, ccad_schedule_new(&ref, w->book, w->rules, &o));
        for (i = 0; i < sizeof junk / sizeof *junk; i++) {
            w->l.calendar_or = junk[i];
            TU_PASS(w->ctx, ccad_ctx_day_flags(w->ctx, &fl, w->today));
            assert_int_equal(fl & ~(uint32_t)(CCAD_DAY_WORKING | CCAD_DAY_HOLIDAY |
                                              CCAD_DAY_SPECIAL | CCAD_DAY_ABSENT),
                             0);
            if (fl & CCAD_DAY_HOLIDAY)
                assert_int_equal(fl & CCAD_DAY_WORKING, 0);
            if (fl & CCAD_DAY_ABSENT)
                assert_true(fl & CCAD_DAY_WORKING);
            TU_PASS(w->ctx, ccad_schedule_new(&s, w->book, w->rules, &o));
            if (i < 2)
                tu_schedules_equal(s, ref); /* no defined bit added */
            ccad_schedule_free(s);
        }
        w->l.calendar_or = 0;
        ccad_schedule_free(ref);
    }
    /* travel failing and lying inside the planner */
    o.route = 1;
    o.metric = CCAD_METRIC_HOST;
    w->l.travel_rc = 1;
    MUST_FAIL(ccad_schedule_new(&s, w->book, w->rules, &o), CCAD_ECALLBACK, 1);
    assert_non_null(strstr(ccad_ctx_errmsg(w->ctx), "travel"));
    w->l.travel_rc = 0;
    w->l.travel_fixed = -5;
    MUST_FAIL(ccad_schedule_new(&s, w->book, w->rules, &o), CCAD_ECALLBACK, 1);
    w->l.travel_fixed = INT32_MIN;
    MUST_FAIL(ccad_schedule_new(&s, w->book, w->rules, &o), CCAD_ECALLBACK, 1);
    /* huge minutes: nothing fits a day, but the planner must neither fail
     * nor overflow: every visit is left unplanned */
    w->l.travel_fixed = INT32_MAX;
    TU_PASS(w->ctx, ccad_schedule_new(&s, w->book, w->rules, &o));
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item it = tu_item(s, i);
        assert_int_equal(it.seq, 0); /* nothing routed */
    }
    ccad_schedule_free(s);
    w->l.travel_fixed = 1440;
    TU_PASS(w->ctx, ccad_schedule_new(&s, w->book, w->rules, &o));
    ccad_schedule_free(s);
    w->l.travel_fixed = 0;
    /* no travel callback at all */
    {
        ccad_ctx *c2 = NULL;
        ccad_rules *r2 = NULL;
        ccad_book *b2 = NULL;
        TU_PASS(w->ctx, ccad_ctx_new(&c2, NULL));
        TU_PASS(w->ctx, ccad_rules_new(&r2, c2));
        TU_PASS(w->ctx, ccad_book_new(&b2, c2, 0));
        add_customer(b2, 0, w->today);
        TU_PASS(w->ctx, ccad_book_grade(b2, r2));
        s = (ccad_schedule *)&o;
        assert_int_equal(ccad_schedule_new(&s, b2, r2, &o), CCAD_ENOTSUP);
        assert_null(s);
        assert_true(ccad_ctx_errmsg(c2)[0] != '\0');
        {
            ccad_route_options ro = CCAD_ROUTE_OPTIONS_INIT;
            uint32_t order[NCUST + 1];
            ro.metric = CCAD_METRIC_HOST;
            assert_int_equal(ccad_route_solve(c2, w->x, w->y, 3, &ro, order, NULL), CCAD_ENOTSUP);
        }
        ccad_book_free(b2);
        ccad_rules_free(r2);
        ccad_ctx_free(c2);
    }
}

/* Store callbacks failing at each step of each store function, and a store
 * that hands back invalid customers. */
static void failing_store(void **state)
{
    world *w = *state;
    ccad_contact k = CCAD_CONTACT_INIT;
    int f;
    long n = 0;
    k.date = w->today;
    for (f = 0; f < S_N; f++) {
        ccad_book *b = (ccad_book *)&k;
        size_t idx = 77;
        char what[96];
        long rollbacks = w->fs.calls[S_ROLLBACK];
        int expect_cb;
        w->fs.fail = f;
        /* record: begin, save, append, commit (load and iterate unused) */
        expect_cb = f == S_BEGIN || f == S_SAVE || f == S_APPEND || f == S_COMMIT;
        snprintf(what, sizeof what, "store %s failing", s_names[f]);
        if (expect_cb) {
            MUST_FAIL(ccad_store_record(w->book, 1, &k), CCAD_ECALLBACK, 1);
            assert_non_null(strstr(ccad_ctx_errmsg(w->ctx), s_names[f]));
            if (f != S_BEGIN)
                assert_true(w->fs.calls[S_ROLLBACK] > rollbacks);
            n++;
        }
        /* save_book: begin, save..., commit */
        if (f == S_BEGIN || f == S_SAVE || f == S_COMMIT) {
            MUST_FAIL(ccad_store_save_book(w->book), CCAD_ECALLBACK, 1);
            n++;
        }
        /* load_book: begin, iterate, commit */
        if (f == S_BEGIN || f == S_ITERATE || f == S_COMMIT) {
            MUST_FAIL(ccad_store_load_book(&b, w->ctx), CCAD_ECALLBACK, 1);
            assert_null(b);
            n++;
        }
        /* load_customer: begin, load, commit */
        if (f == S_BEGIN || f == S_LOAD || f == S_COMMIT) {
            MUST_FAIL(ccad_store_load_customer(w->book, "M-02", &idx), CCAD_ECALLBACK, 1);
            assert_int_equal(idx, 77);
            n++;
        }
        /* rollback failing on top of a failing save */
        if (f == S_ROLLBACK) {
            w->fs.fail = S_SAVE;
            MUST_FAIL(ccad_store_record(w->book, 1, &k), CCAD_ECALLBACK, 1);
            n++;
        }
        w->fs.fail = -1;
        (void)what;
    }
    /* a lying store: customers that are not valid */
    w->fs.lie = 1;
    {
        ccad_book *b = (ccad_book *)&k;
        size_t idx = 77;
        int rc;
        MUST_FAIL(ccad_store_load_book(&b, w->ctx), ccad_store_load_book(&b, w->ctx), 1);
        rc = ccad_ctx_errcode(w->ctx);
        assert_true(rc == CCAD_EINVAL || rc == CCAD_ERANGE);
        assert_null(b);
        assert_non_null(strstr(ccad_ctx_errmsg(w->ctx), "M-0"));
        MUST_FAIL(ccad_store_load_customer(w->book, "M-02", &idx),
                  ccad_store_load_customer(w->book, "M-02", &idx), 1);
        rc = ccad_ctx_errcode(w->ctx);
        assert_true(rc == CCAD_EINVAL || rc == CCAD_ERANGE);
        assert_int_equal(idx, 77);
        n += 2;
    }
    w->fs.lie = 0;
    TU_PASS(w->ctx, ccad_store_record(w->book, 1, &k));
    print_message("misuse: %ld failing-store cases\n", n);
}

static void totals(void **state)
{
    (void)state;
    print_message("misuse: %ld failing calls checked in this program\n", cases);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, world_setup, world_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(lying_host),
        T(failing_store),
        T(totals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
