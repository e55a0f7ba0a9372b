/* Part of the fault census (tests/test_faults.c, declared in faults.h):
 * the planner's own failing-allocator and failing-callback loops, formerly
 * in test_plan.c and test_plan_rules.c. Each runs on the planner fixture
 * (tests/plan_env.h) and checks, besides what the census checks, that a
 * failing round stops at the failing call and that the round after the
 * last call gives the very schedule of a fault-free run.
 *
 * Dates: D0 is Monday 2026-03-02. */
#include "faults.h"
#include "plan_env.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long plan_alloc_rounds;

long faults_plan_rounds(void) { return plan_alloc_rounds; }

/* Allocation failures of ccad_schedule_new (plain, lean, routed with weekly
 * assignment) and ccad_book_choose_working on a 40-customer book. */
static void alloc_book(env *e)
{
    char id[16];
    int i;
    for (i = 0; i < 40; i++) {
        ccad_customer c = cust(id, CCAD_GRADE_NONE, (int64_t)(i * 7919 % 100) * 100000,
                               i % 9 == 0 ? CCAD_NO_DATE : D0 - 1 - (i % 30));
        snprintf(id, sizeof id, "f%02d", i);
        if (i % 5 == 0)
            c.purchase_date = D0 + i % 10;
        if (i % 11 == 0) {
            c.complaint = CCAD_COMPLAINT_OPEN;
            c.complaint_date = D0 - 1;
        }
        if (i % 7 == 0) {
            c.status = CCAD_STATUS_ACTIVE;
            c.monthly_volume = 6000000;
        }
        /* two clusters, for the routed rounds (the others ignore it) */
        c.has_location = i % 13 != 0;
        c.x = (i % 2 ? 40.0 : -40.0) + (double)(i * 7 % 9);
        c.y = (double)(i * 5 % 11);
        add(e, &c);
    }
    grade(e);
    e->special[e->n_special++] = D0 + 4;
    e->absent[e->n_absent++] = D0 + 8;
}

void faults_plan_schedule_new(void **state)
{
    env *e = *state;
    ccad_plan_options o = opts(D0, 28, 3);
    ccad_schedule *ref;
    ccad_assessment before[40];
    size_t i, n;
    int mode;
    long base;
    alloc_book(e);
    n = ccad_book_count(e->fx.b);
    for (i = 0; i < n; i++) {
        memset(&before[i], 0, sizeof before[i]);
        before[i].size = (uint32_t)sizeof before[i];
        TU_PASS(e->fx.ctx, ccad_book_assess(e->fx.b, e->fx.r, i, D0, &before[i]));
    }
    ref = plan_o(e, &o);
    base = e->fx.al.live;
    for (mode = 0; mode < 2; mode++) {
        long k;
        for (k = 1;; k++) {
            ccad_schedule *s = (ccad_schedule *)(void *)e;
            int rc;
            assert_true(k < 10000);
            tu_fail_at(&e->fx.al, k, mode);
            e->fx.al.failures = 0;
            rc = ccad_schedule_new(&s, e->fx.b, e->fx.r, &o);
            tu_fail_at(&e->fx.al, 0, 0);
            plan_alloc_rounds++;
            if (rc == CCAD_OK) {
                assert_int_equal(e->fx.al.failures, 0);
                tu_schedules_equal(s, ref);
                ccad_schedule_free(s);
                break;
            }
            assert_int_equal(rc, CCAD_ENOMEM);
            assert_int_equal(ccad_ctx_errcode(e->fx.ctx), CCAD_ENOMEM);
            assert_null(s);
            assert_int_equal(e->fx.al.live, base);
            for (i = 0; i < n; i++) {
                ccad_assessment a;
                memset(&a, 0, sizeof a);
                a.size = (uint32_t)sizeof a;
                TU_PASS(e->fx.ctx, ccad_book_assess(e->fx.b, e->fx.r, i, D0, &a));
                assert_memory_equal(&a, &before[i], sizeof a);
            }
        }
    }
    /* keep_reasons = 0 allocates differently */
    o.keep_reasons = 0;
    for (mode = 0; mode < 2; mode++) {
        long k;
        for (k = 1;; k++) {
            ccad_schedule *s = NULL;
            int rc;
            assert_true(k < 10000);
            tu_fail_at(&e->fx.al, k, mode);
            rc = ccad_schedule_new(&s, e->fx.b, e->fx.r, &o);
            tu_fail_at(&e->fx.al, 0, 0);
            plan_alloc_rounds++;
            if (rc == CCAD_OK) {
                ccad_schedule_free(s);
                break;
            }
            assert_int_equal(rc, CCAD_ENOMEM);
            assert_null(s);
            assert_int_equal(e->fx.al.live, base);
        }
    }
    ccad_schedule_free(ref);
    /* routes and weekly assignment allocate too */
    o = opts(D0, 28, 20);
    o.route = 1;
    o.assign_days = 1;
    ref = plan_o(e, &o);
    {
        size_t moved = 0;
        for (i = 0; i < ccad_schedule_item_count(ref); i++) {
            ccad_item it = tu_item(ref, i);
            moved += route_day_reason(&it) != NULL;
        }
        assert_true(moved > 0);
    }
    base = e->fx.al.live;
    for (mode = 0; mode < 2; mode++) {
        long k;
        for (k = 1;; k++) {
            ccad_schedule *s = (ccad_schedule *)(void *)e;
            int rc;
            assert_true(k < 10000);
            tu_fail_at(&e->fx.al, k, mode);
            e->fx.al.failures = 0;
            rc = ccad_schedule_new(&s, e->fx.b, e->fx.r, &o);
            tu_fail_at(&e->fx.al, 0, 0);
            plan_alloc_rounds++;
            if (rc == CCAD_OK) {
                assert_int_equal(e->fx.al.failures, 0);
                tu_schedules_equal(s, ref);
                ccad_schedule_free(s);
                break;
            }
            assert_int_equal(rc, CCAD_ENOMEM);
            assert_int_equal(ccad_ctx_errcode(e->fx.ctx), CCAD_ENOMEM);
            assert_null(s);
            assert_int_equal(e->fx.al.live, base);
        }
    }
    ccad_schedule_free(ref);
}

void faults_plan_choose_working(void **state)
{
    env *e = *state;
    uint8_t ref[40], ch[40];
    int mode;
    long base;
    alloc_book(e);
    TU_PASS(e->fx.ctx, ccad_book_choose_working(e->fx.b, e->fx.r, ref, 40));
    base = e->fx.al.live;
    for (mode = 0; mode < 2; mode++) {
        long k;
        for (k = 1;; k++) {
            int rc;
            assert_true(k < 1000);
            memset(ch, 0x77, sizeof ch);
            tu_fail_at(&e->fx.al, k, mode);
            rc = ccad_book_choose_working(e->fx.b, e->fx.r, ch, 40);
            tu_fail_at(&e->fx.al, 0, 0);
            plan_alloc_rounds++;
            if (rc == CCAD_OK) {
                assert_memory_equal(ch, ref, sizeof ch);
                break;
            }
            assert_int_equal(rc, CCAD_ENOMEM);
            assert_int_equal(e->fx.al.live, base);
            assert_int_equal(ch[0], 0x77); /* untouched on error */
            assert_int_equal(ch[39], 0x77);
        }
    }
}

/* The calendar callback failing on the Nth day, for every N. */
void faults_plan_calendar(void **state)
{
    env *e = *state;
    ccad_plan_options o = opts(D0, 10, 8);
    long n, live;
    small_book(e);
    live = e->fx.al.live;
    for (n = 1; n <= 10; n++) {
        ccad_schedule *s = (ccad_schedule *)(void *)e;
        e->cal_calls = 0;
        e->cal_fail_at = n;
        TU_FAIL(e->fx.ctx, ccad_schedule_new(&s, e->fx.b, e->fx.r, &o), CCAD_ECALLBACK);
        e->cal_fail_at = 0;
        assert_null(s);
        assert_non_null(strstr(ccad_ctx_errmsg(e->fx.ctx), "calendar"));
        assert_int_equal(e->fx.al.live, live);
        assert_int_equal(e->cal_calls, n); /* stops at the failing day */
    }
    {
        ccad_schedule *s = plan_o(e, &o);
        ccad_schedule_free(s);
    }
}

/* The HOST travel callback failing (or answering a negative time) at each
 * call in turn: CCAD_ECALLBACK naming the travel, nothing leaked, and the
 * schedule stops at the failing call. */
void faults_plan_route_host(void **state)
{
    env *e = *state;
    ccad_plan_options o = host_book(e);
    ccad_schedule *s;
    long calls, k, live;
    e->travel_calls = 0;
    s = plan_o(e, &o);
    calls = e->travel_calls;
    assert_true(calls > 0);
    ccad_schedule_free(s);
    live = e->fx.al.live;
    for (k = 1; k <= calls; k++) {
        for (e->travel_negative = 0; e->travel_negative <= 1; e->travel_negative++) {
            ccad_schedule *sf = (ccad_schedule *)(void *)e;
            e->travel_calls = 0;
            e->travel_fail_at = k;
            TU_FAIL(e->fx.ctx, ccad_schedule_new(&sf, e->fx.b, e->fx.r, &o), CCAD_ECALLBACK);
            assert_null(sf);
            assert_non_null(strstr(ccad_ctx_errmsg(e->fx.ctx), "travel"));
            assert_int_equal(e->fx.al.live, live);
            assert_int_equal(e->travel_calls, k); /* stops at the failing call */
        }
    }
    e->travel_fail_at = 0;
    e->travel_negative = 0;
}

/* A book with every kind of constraint for the error paths: windows, visit
 * days, a give-up customer, a blocked one; located, in two clusters. */
static void fault_book(env *e)
{
    char id[16];
    int i;
    for (i = 0; i < 24; i++) {
        ccad_customer c;
        snprintf(id, sizeof id, "f%02d", i);
        c = cust(id,
                 i % 4 == 0   ? CCAD_GRADE_A
                 : i % 4 == 3 ? CCAD_GRADE_C
                              : CCAD_GRADE_B,
                 1000 - i, D0 - 1 - i % 8);
        c.has_location = 1;
        c.x = (i % 2 ? 25.0 : -25.0) + (double)(i % 5);
        c.y = (double)(i * 3 % 7);
        if (i % 3 == 0)
            c.visit_days = CCAD_MON | CCAD_WED | CCAD_THU;
        if (i % 5 == 1) {
            c.visit_open_min = 540;
            c.visit_close_min = 780;
        }
        if (i == 7) { /* give up */
            c.status = CCAD_STATUS_ACTIVE;
            c.monthly_volume = 1000000;
            c.capable = 0;
        }
        if (i == 9) { /* blocked: hours too short */
            c.visit_open_min = 600;
            c.visit_close_min = 620;
        }
        if (i == 11)
            c.request_date = D0 + 2;
        add(e, &c);
    }
    grade(e);
    e->holiday[e->n_holiday++] = D0 + 4;
    e->absent[e->n_absent++] = D0 + 2; /* before the blocked one is due */
}

/* Rule 13 (errors): every allocation of ccad_schedule_new failing in turn
 * (once, and from then on) on a routed, assigned plan gives CCAD_ENOMEM,
 * no schedule and no leak; a failing HOST travel callback at each call in
 * turn gives CCAD_ECALLBACK with nothing created. */
void faults_plan_route_assign(void **state)
{
    env *e = *state;
    ccad_plan_options o = route_opts(D0, 14, 5);
    ccad_schedule *ref, *s;
    long base, k, calls;
    size_t i;
    int mode, moved = 0;
    fault_book(e);
    o.assign_days = 1;
    ref = plan_o(e, &o);
    for (i = 0; i < ccad_schedule_item_count(ref); i++) {
        ccad_item it = tu_item(ref, i);
        moved += tu_reason_of(it.reasons, it.reason_count, CCAD_WHY_ROUTE_DAY) != NULL;
    }
    assert_true(moved > 0);
    assert_int_equal(tu_count_findings(ref, CCAD_FIND_RELEASE_PROPOSED, 7), 1);
    assert_int_equal(tu_count_findings(ref, CCAD_FIND_UNPLANNED, 9), 1);
    base = e->fx.al.live;
    for (mode = 0; mode < 2; mode++) {
        for (k = 1;; k++) {
            int rc;
            assert_true(k < 20000);
            s = (ccad_schedule *)(void *)e;
            tu_fail_at(&e->fx.al, k, mode);
            e->fx.al.failures = 0;
            rc = ccad_schedule_new(&s, e->fx.b, e->fx.r, &o);
            tu_fail_at(&e->fx.al, 0, 0);
            if (rc == CCAD_OK) {
                assert_int_equal(e->fx.al.failures, 0);
                tu_schedules_equal(s, ref);
                ccad_schedule_free(s);
                break;
            }
            assert_int_equal(rc, CCAD_ENOMEM);
            assert_int_equal(ccad_ctx_errcode(e->fx.ctx), CCAD_ENOMEM);
            assert_null(s);
            assert_int_equal(e->fx.al.live, base);
        }
        assert_true(k > 5);
    }
    ccad_schedule_free(ref);
    /* the HOST travel callback failing at each call in turn */
    o.metric = CCAD_METRIC_HOST;
    e->travel_calls = 0;
    ref = plan_o(e, &o);
    calls = e->travel_calls;
    assert_true(calls > 0);
    base = e->fx.al.live;
    for (k = 1; k <= calls; k++) {
        int rc;
        s = (ccad_schedule *)(void *)e;
        e->travel_calls = 0;
        e->travel_fail_at = k;
        rc = ccad_schedule_new(&s, e->fx.b, e->fx.r, &o);
        e->travel_fail_at = 0;
        assert_int_equal(rc, CCAD_ECALLBACK);
        assert_int_equal(ccad_ctx_errcode(e->fx.ctx), CCAD_ECALLBACK);
        assert_null(s);
        assert_int_equal(e->fx.al.live, base);
        assert_int_equal(e->travel_calls, k); /* stopped at the failing call */
    }
    e->travel_calls = 0;
    e->travel_fail_at = calls + 1; /* one past the last: succeeds, same plan */
    s = plan_o(e, &o);
    e->travel_fail_at = 0;
    tu_schedules_equal(s, ref);
    ccad_schedule_free(s);
    ccad_schedule_free(ref);
}

/* Out of memory at each allocation of a plan in turn: the planner's
 * stages record it without a name, ccad_schedule_new puts its own first
 * (the error-message convention of tests/test_errors.c; formerly there).
 * Runs on the plain fixture of testutil (tu_fixture_setup). */
void faults_plan_out_of_memory_named(void **state)
{
    tu_fixture *f = *state;
    ccad_schedule *s = NULL;
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    char id[16];
    long n;
    int i, rc = CCAD_ENOMEM;
    for (i = 0; i < 30; i++) {
        snprintf(id, sizeof id, "c%d", i);
        c.id = id;
        c.value = 1000000 * (i + 1);
        c.last_contact = tu_date("2026-10-01") + i;
        c.contacts = 3;
        c.has_location = 1;
        c.x = 1000.0 * (i % 6);
        c.y = 700.0 * (i / 6);
        TU_PASS(f->ctx, ccad_book_add(f->b, &c, NULL));
    }
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    o.first_day = tu_date("2026-11-02");
    o.days = 10;
    o.route = 1;
    for (n = 1; rc == CCAD_ENOMEM; n++) {
        tu_fail_at(&f->al, n, 0);
        rc = ccad_schedule_new(&s, f->b, f->r, &o);
        if (rc == CCAD_ENOMEM)
            tu_assert_named(f->ctx, "ccad_schedule_new");
    }
    tu_fail_at(&f->al, 0, 0);
    assert_int_equal(rc, CCAD_OK);
    assert_true(n > 3);
    ccad_schedule_free(s);
}
