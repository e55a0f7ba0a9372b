/* ccad_schedule_replan's incremental path (docs/planning.md, "Re-planning"):
 * when only the book's records change, the replan reuses, for every
 * customer whose record is unchanged, the work of the old plan that
 * depends on that customer alone. Over random sequences of such changes
 * (contacts recorded, customers updated: value, status, volume, visit
 * days, PERSIST activities with the owner; several in one step, or an
 * update that changes nothing) to the generated territories
 * (tests/territory.c), routed and not, with reasons kept or not, with
 * daily-visit customers and with the stretch policy, the replanned
 * schedule equals, item for item and finding for finding, the schedule
 * ccad_schedule_new makes from scratch. The info says the incremental path
 * was taken (so the equality is not vacuous) and how many customers it
 * found changed: exactly those with a contact recorded when nothing is
 * graded again. Changes the path cannot take (a customer added or removed,
 * a new today, the calendar, a rule) plan from scratch and say so. */
#include "testutil.h"
#include "territory.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Which variant of the territories a run plans. */
enum { V_PLAIN, V_ROUTED, V_DAILY, V_STRETCH, V_NO_REASONS };

/* Records a contact on up to three random customers of book b; the number
 * of distinct customers whose contact the book took. */
static uint64_t record_some(ccad_book *b, const ccad_plan_options *o, uint64_t *s)
{
    size_t n = ccad_book_count(b), hit[3];
    uint64_t distinct = 0;
    int k, m = (int)tu_rng_range(s, 1, 3);
    for (k = 0; k < m && n > 0; k++) {
        size_t i = (size_t)tu_rng_range(s, 0, (int64_t)n - 1);
        ccad_contact c = CCAD_CONTACT_INIT;
        int seen = 0, j;
        c.date = o->first_day - (int32_t)tu_rng_range(s, 0, 2);
        c.outcome = (int)tu_rng_range(s, 1, 5);
        c.kind = tu_rng_pct(s, 70) ? CCAD_CONTACT_VISIT : CCAD_CONTACT_CALL;
        if (tu_rng_pct(s, 30))
            c.next_date = c.date + (int32_t)tu_rng_range(s, 1, 10);
        if (ccad_book_record(b, i, &c) != CCAD_OK)
            continue;
        for (j = 0; j < (int)distinct; j++)
            seen |= hit[j] == i;
        if (!seen)
            hit[distinct++] = i;
    }
    return distinct;
}

/* Updates one random customer of book b: its value, status, volume and capability
 * (TRIAGE: persist, give up, let go), visit days and the days of its
 * effective activities with the owner (PERSIST blocks); or, when `same`,
 * writes it back unchanged. */
static void update_one(ccad_book *b, const ccad_plan_options *o, uint64_t *s, int same)
{
    size_t n = ccad_book_count(b), i;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    int32_t day;
    int k;
    if (n == 0)
        return;
    i = (size_t)tu_rng_range(s, 0, (int64_t)n - 1);
    TU_PASS(ccad_book_ctx(b), ccad_book_get(b, i, &c));
    if (!same) {
        c.value = tu_rng_range(s, 0, 60000000);
        c.status = (int)tu_rng_range(s, CCAD_STATUS_PROSPECT, CCAD_STATUS_KEY);
        c.monthly_volume = tu_rng_range(s, 0, 10000000);
        c.capable = (int)tu_rng_range(s, 0, 1);
        c.visit_days = (uint8_t)(tu_rng_pct(s, 50) ? 0 : tu_rng_range(s, 1, 127));
        day = c.last_contact != CCAD_NO_DATE && c.last_contact < o->first_day ? c.last_contact
                                                                              : o->first_day - 1;
        for (k = 0; k < 3; k++) /* latest first, none after the first missing */
            c.owner_sales[k] = CCAD_NO_DATE;
        for (k = 0; k < 3 && tu_rng_pct(s, 60); k++) {
            day -= (int32_t)tu_rng_range(s, 1, 12);
            c.owner_sales[k] = day;
        }
    }
    if (ccad_book_update(b, i, &c) != CCAD_OK)
        fail_msg("update: %s", ccad_ctx_errmsg(ccad_book_ctx(b)));
}

/* The territory's options and rules for variant v. */
static void variant(tt_territory *t, int v, ccad_plan_options *o)
{
    *o = t->options;
    if (v == V_PLAIN || v == V_DAILY || v == V_NO_REASONS)
        o->route = o->assign_days = 0;
    if (v == V_NO_REASONS)
        o->keep_reasons = 0;
    if (v == V_STRETCH)
        o->overload = CCAD_OVERLOAD_STRETCH;
    if (v == V_DAILY) { /* A customers daily, B three times a week: full days */
        TU_PASS(ccad_rules_ctx(t->rules), ccad_rules_set(t->rules, "freq.a_count", 7));
        TU_PASS(ccad_rules_ctx(t->rules), ccad_rules_set(t->rules, "freq.a_days", 7));
        TU_PASS(ccad_rules_ctx(t->rules), ccad_rules_set(t->rules, "freq.b_count", 3));
        TU_PASS(ccad_rules_ctx(t->rules), ccad_rules_set(t->rules, "freq.b_days", 7));
        TU_PASS(ccad_book_ctx(t->book), ccad_book_grade(t->book, t->rules));
    }
}

/* Territories first..last of variant v, each through 12 steps of book
 * changes; the incremental steps counted into *incremental. The schedule
 * made by ccad_schedule_new has no trace: the first step that plans again
 * does so from scratch and keeps one; the later ones can reuse it. Under
 * CCAD_TEST_LIGHT (tests/valgrind.sh sets it) every third territory only. */
static void run_variant(int v, uint64_t first, uint64_t last, unsigned *incremental)
{
    uint64_t seed, stride = getenv("CCAD_TEST_LIGHT") != NULL ? 3 : 1;
    for (seed = first; seed <= last; seed += stride) {
        uint64_t s = tu_rng_seed(seed * 31 + (uint64_t)v);
        tt_territory *t = malloc(sizeof *t);
        ccad_plan_options o;
        ccad_schedule *sched = NULL;
        int step;
        assert_non_null(t);
        tt_make(t, seed);
        variant(t, v, &o);
        int traced = 0; /* a schedule keeps a trace from its first replan on */
        TU_PASS(ccad_book_ctx(t->book), ccad_schedule_new(&sched, t->book, t->rules, &o));
        for (step = 0; step < 12; step++) {
            ccad_replan_info info = CCAD_REPLAN_INFO_INIT;
            ccad_schedule *scratch = NULL;
            uint64_t recorded = 0;
            int kind = (int)tu_rng_range(&s, 0, 3), graded = kind >= 2;
            if (kind <= 1)
                recorded = record_some(t->book, &o, &s);
            else
                update_one(t->book, &o, &s, kind == 3);
            if (graded)
                TU_PASS(ccad_book_ctx(t->book), ccad_book_grade(t->book, t->rules));
            if (ccad_schedule_replan(sched, t->book, t->rules, &o, &info) != CCAD_OK)
                fail_msg("variant %d seed %lu step %d: %s", v, (unsigned long)seed, step,
                         ccad_ctx_errmsg(t->ctx));
            TU_PASS(ccad_book_ctx(t->book), ccad_schedule_new(&scratch, t->book, t->rules, &o));
            tu_schedules_equal(sched, scratch);
            ccad_schedule_free(scratch);
            if (info.cause == CCAD_REPLAN_KEPT) {
                assert_int_equal(info.incremental, 0);
                continue;
            }
            assert_int_equal(info.cause, CCAD_REPLAN_BOOK);
            if (!traced) { /* the first plan again is from scratch, and keeps a trace */
                assert_int_equal(info.incremental, 0);
                traced = 1;
                continue;
            }
            /* the report policy never stretches: every step that keeps the
             * count of ranked customers is incremental (an update may
             * change it: the GRADE reasons name it) */
            if (v != V_STRETCH && kind != 2)
                assert_int_equal(info.incremental, 1);
            *incremental += (unsigned)info.incremental;
            if (info.incremental && !graded)
                assert_int_equal(info.changed, recorded);
            if (kind == 3) /* written back unchanged: nothing to work out again */
                assert_int_equal(info.changed, 0);
            assert_true(info.changed <= ccad_book_count(t->book));
        }
        ccad_schedule_free(sched);
        tt_free(t);
        free(t);
    }
}

/* Territories run by run_variant from first to last. */
static unsigned territories(uint64_t first, uint64_t last)
{
    uint64_t stride = getenv("CCAD_TEST_LIGHT") != NULL ? 3 : 1;
    return (unsigned)((last - first) / stride + 1);
}

static void test_plain(void **state)
{
    unsigned inc = 0;
    (void)state;
    run_variant(V_PLAIN, 1, 60, &inc);
    /* at least 5 of the 11 steps after the first (the rest: refused
     * contacts, rankings) */
    assert_true(inc >= territories(1, 60) * 5);
}

static void test_routed(void **state)
{
    unsigned inc = 0;
    (void)state;
    run_variant(V_ROUTED, 1, 40, &inc);
    assert_true(inc >= territories(1, 40) * 5);
}

static void test_daily_visits(void **state)
{
    unsigned inc = 0;
    (void)state;
    run_variant(V_DAILY, 1, 30, &inc);
    assert_true(inc >= territories(1, 30) * 5);
}

static void test_stretch(void **state)
{
    unsigned inc = 0;
    (void)state;
    run_variant(V_STRETCH, 1, 30, &inc);
    assert_true(inc > 0);
}

static void test_no_reasons(void **state)
{
    unsigned inc = 0;
    (void)state;
    run_variant(V_NO_REASONS, 41, 60, &inc);
    assert_true(inc >= territories(41, 60) * 5);
}

/* Adds a copy of a random customer of book b under a new id (or, when
 * `remove`, removes a random one): a change the incremental path does not
 * take. */
static void add_or_remove(ccad_book *b, uint64_t *s, int remove, int step)
{
    size_t n = ccad_book_count(b), i = (size_t)tu_rng_range(s, 0, (int64_t)n - 1);
    ccad_customer c = CCAD_CUSTOMER_INIT;
    char id[32];
    if (remove) {
        TU_PASS(ccad_book_ctx(b), ccad_book_remove(b, i));
        return;
    }
    TU_PASS(ccad_book_ctx(b), ccad_book_get(b, i, &c));
    snprintf(id, sizeof id, "added-%d", step);
    c.id = id;
    TU_PASS(ccad_book_ctx(b), ccad_book_add(b, &c, NULL));
}

/* Books of 300 to 2,000 customers (copies of a territory) planned by one
 * rep with one to four visits a day (or two to four hours), so that the
 * day loop keeps its due customers that wait day after day as dormant
 * (lib/plan/dormant.c, from DORMANT_BOOK customers on): over random steps
 * of changes (contacts recorded, customers updated, added and removed),
 * routed and not, the replanned schedule equals the one planned from
 * scratch, and the records-only steps took the incremental path. Under
 * CCAD_TEST_LIGHT (tests/valgrind.sh sets it) two books of at most 400
 * (rounded up to whole copies). */
static void test_dormant_books(void **state)
{
    int light = getenv("CCAD_TEST_LIGHT") != NULL, books = light ? 2 : 8, k;
    unsigned incremental = 0;
    size_t over = 0;
    (void)state;
    for (k = 0; k < books; k++) {
        uint64_t s = tu_rng_seed(4242 + (uint64_t)k);
        tt_territory *t = malloc(sizeof *t);
        ccad_schedule *sched = NULL;
        ccad_book *b;
        ccad_plan_options o;
        size_t target = (size_t)tu_rng_range(&s, 300, light ? 400 : 2000);
        int step, copies;
        assert_non_null(t);
        tt_make(t, 700 + (uint64_t)k);
        o = t->options;
        if (k % 2 == 0)
            o.route = o.assign_days = 0;
        if (k % 4 == 1) {
            o.visits_per_day = 0;
            o.minutes_per_day = (int32_t)tu_rng_range(&s, 2, 4) * 60;
        } else {
            o.visits_per_day = (int32_t)tu_rng_range(&s, 1, 4);
        }
        o.keep_reasons = k % 3 != 2;
        copies = (int)((target + ccad_book_count(t->book) - 1) / ccad_book_count(t->book));
        b = tt_repeated(t, copies);
        assert_true(ccad_book_count(b) >= 256); /* DORMANT_BOOK */
        TU_PASS(t->ctx, ccad_schedule_new(&sched, b, t->rules, &o));
        over += tu_count_findings(sched, CCAD_FIND_OVER_CAPACITY, -1);
        for (step = 0; step < 8; step++) {
            ccad_replan_info info = CCAD_REPLAN_INFO_INIT;
            ccad_schedule *scratch = NULL;
            int kind = (int)tu_rng_range(&s, 0, 5);
            if (kind <= 2)
                (void)record_some(b, &o, &s);
            else if (kind == 3)
                update_one(b, &o, &s, 0);
            else
                add_or_remove(b, &s, kind == 5, step);
            if (kind >= 3)
                TU_PASS(t->ctx, ccad_book_grade(b, t->rules));
            if (ccad_schedule_replan(sched, b, t->rules, &o, &info) != CCAD_OK)
                fail_msg("book %d step %d: %s", k, step, ccad_ctx_errmsg(t->ctx));
            TU_PASS(t->ctx, ccad_schedule_new(&scratch, b, t->rules, &o));
            tu_schedules_equal(sched, scratch);
            ccad_schedule_free(scratch);
            incremental += (unsigned)info.incremental;
        }
        ccad_schedule_free(sched);
        ccad_book_free(b);
        tt_free(t);
        free(t);
    }
    print_message("dormant books=%d incremental=%u over-capacity=%lu\n", books, incremental,
                  (unsigned long)over);
    assert_true(incremental >= (unsigned)books); /* the incremental path was taken */
    assert_true(over >= (size_t)books * 4);      /* the rep is overloaded */
}

/* Replans t's schedule after `what` and checks it against a plan from
 * scratch: planned again from scratch, for the cause `cause`. */
static void expect_scratch(tt_territory *t, ccad_schedule *sched, const ccad_plan_options *o,
                           int cause)
{
    ccad_replan_info info = CCAD_REPLAN_INFO_INIT;
    ccad_schedule *scratch = NULL;
    TU_PASS(ccad_book_ctx(t->book), ccad_schedule_replan(sched, t->book, t->rules, o, &info));
    assert_int_equal(info.cause, cause);
    assert_int_equal(info.incremental, 0);
    assert_int_equal(info.changed, 0);
    TU_PASS(ccad_book_ctx(t->book), ccad_schedule_new(&scratch, t->book, t->rules, o));
    tu_schedules_equal(sched, scratch);
    ccad_schedule_free(scratch);
}

/* What the incremental path does not take plans from scratch, and the
 * path is taken again on the next change of records. */
static void test_fallbacks(void **state)
{
    tt_territory *t = malloc(sizeof *t);
    ccad_plan_options o;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    ccad_schedule *sched = NULL;
    ccad_replan_info info = CCAD_REPLAN_INFO_INIT;
    ccad_contact k = CCAD_CONTACT_INIT;
    (void)state;
    assert_non_null(t);
    tt_make(t, 7);
    o = t->options;
    TU_PASS(ccad_book_ctx(t->book), ccad_schedule_new(&sched, t->book, t->rules, &o));
    TU_PASS(ccad_book_ctx(t->book), ccad_book_get(t->book, 0, &c));
    c.id = "added";
    TU_PASS(ccad_book_ctx(t->book), ccad_book_add(t->book, &c, NULL));
    TU_PASS(ccad_book_ctx(t->book), ccad_book_grade(t->book, t->rules));
    expect_scratch(t, sched, &o, CCAD_REPLAN_BOOK); /* a customer more */
    TU_PASS(ccad_book_ctx(t->book), ccad_book_remove(t->book, 1));
    TU_PASS(ccad_book_ctx(t->book), ccad_book_grade(t->book, t->rules));
    expect_scratch(t, sched, &o, CCAD_REPLAN_BOOK); /* a customer less */
    o.first_day++;
    expect_scratch(t, sched, &o, CCAD_REPLAN_OPTIONS); /* a new today */
    t->holiday[t->n_holiday++] = o.first_day + 1;
    expect_scratch(t, sched, &o, CCAD_REPLAN_CALENDAR);
    k.date = o.first_day;
    TU_PASS(ccad_book_ctx(t->book), ccad_book_record(t->book, 2, &k));
    t->holiday[t->n_holiday++] = o.first_day + 2;
    expect_scratch(t, sched, &o, CCAD_REPLAN_BOOK); /* records and the calendar */
    TU_PASS(ccad_rules_ctx(t->rules), ccad_rules_set(t->rules, "capacity.q4_rollover_days", 1));
    expect_scratch(t, sched, &o, CCAD_REPLAN_RULES);
    k.date = o.first_day;
    TU_PASS(ccad_book_ctx(t->book), ccad_book_record(t->book, 3, &k));
    TU_PASS(ccad_book_ctx(t->book), ccad_schedule_replan(sched, t->book, t->rules, &o, &info));
    assert_int_equal(info.incremental, 1);
    assert_int_equal(info.changed, 1);
    ccad_schedule_free(sched);
    tt_free(t);
    free(t);
}

/* The info of a caller built before incremental and changed existed (the
 * size and the cause only) is accepted and filled that far; another size
 * is refused and changes nothing. */
static void test_info_sizes(void **state)
{
    tt_territory *t = malloc(sizeof *t);
    ccad_schedule *sched = NULL;
    ccad_replan_info info = CCAD_REPLAN_INFO_INIT;
    ccad_contact k = CCAD_CONTACT_INIT;
    (void)state;
    assert_non_null(t);
    tt_make(t, 11);
    TU_PASS(ccad_book_ctx(t->book), ccad_schedule_new(&sched, t->book, t->rules, &t->options));
    k.date = t->options.first_day;
    TU_PASS(ccad_book_ctx(t->book), ccad_book_record(t->book, 1, &k));
    info.size = (uint32_t)sizeof info - 4;
    assert_int_equal(ccad_schedule_replan(sched, t->book, t->rules, &t->options, &info),
                     CCAD_EVERSION);
    info.size = (uint32_t)offsetof(ccad_replan_info, incremental);
    info.incremental = 7;
    info.changed = 7;
    TU_PASS(ccad_book_ctx(t->book),
            ccad_schedule_replan(sched, t->book, t->rules, &t->options, &info));
    assert_int_equal(info.cause, CCAD_REPLAN_BOOK);
    assert_int_equal(info.incremental, 7); /* beyond its size: untouched */
    assert_int_equal(info.changed, 7);
    ccad_schedule_free(sched);
    tt_free(t);
    free(t);
}

/* HOST travel: a grid distance at 1 km a minute, the same every time. */
static int grid_travel(void *user, double x1, double y1, double x2, double y2, int32_t *out)
{
    (void)user;
    *out = (int32_t)((x1 > x2 ? x1 - x2 : x2 - x1) + (y1 > y2 ? y1 - y2 : y2 - y1));
    return 0;
}

/* With the HOST metric the travel callback's answers are never reused:
 * a recorded contact plans from scratch. */
static void test_host_travel(void **state)
{
    ccad_host host = CCAD_HOST_INIT;
    ccad_ctx *ctx = NULL;
    ccad_rules *r = NULL;
    ccad_book *b = NULL;
    ccad_schedule *sched = NULL, *scratch = NULL;
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    ccad_replan_info info = CCAD_REPLAN_INFO_INIT;
    ccad_contact k = CCAD_CONTACT_INIT;
    char id[16];
    int i;
    (void)state;
    host.travel = grid_travel;
    assert_int_equal(ccad_ctx_new(&ctx, &host), CCAD_OK);
    TU_PASS(ctx, ccad_rules_new(&r, ctx));
    TU_PASS(ctx, ccad_book_new(&b, ctx, 0));
    o.first_day = tu_date("2026-11-23");
    for (i = 0; i < 30; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        snprintf(id, sizeof id, "h%d", i);
        c.id = id;
        c.value = (int64_t)(i % 5) * 2000000 + i;
        c.status = CCAD_STATUS_ACTIVE;
        c.last_contact = c.last_visit = o.first_day - 3 - i % 25;
        c.contacts = 2;
        c.has_location = 1;
        c.x = (double)(i % 6) * 4.0;
        c.y = (double)(i / 6) * 3.0;
        TU_PASS(ccad_book_ctx(b), ccad_book_add(b, &c, NULL));
    }
    TU_PASS(ccad_book_ctx(b), ccad_book_grade(b, r));
    o.route = 1;
    o.metric = CCAD_METRIC_HOST;
    o.visits_per_day = 4;
    TU_PASS(ccad_book_ctx(b), ccad_schedule_new(&sched, b, r, &o));
    k.date = o.first_day;
    TU_PASS(ccad_book_ctx(b), ccad_book_record(b, 4, &k));
    TU_PASS(ccad_book_ctx(b), ccad_schedule_replan(sched, b, r, &o, &info));
    assert_int_equal(info.cause, CCAD_REPLAN_BOOK);
    assert_int_equal(info.incremental, 0);
    TU_PASS(ccad_book_ctx(b), ccad_schedule_new(&scratch, b, r, &o));
    tu_schedules_equal(sched, scratch);
    ccad_schedule_free(scratch);
    ccad_schedule_free(sched);
    ccad_book_free(b);
    ccad_rules_free(r);
    ccad_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain),         cmocka_unit_test(test_routed),
        cmocka_unit_test(test_daily_visits),  cmocka_unit_test(test_stretch),
        cmocka_unit_test(test_no_reasons),    cmocka_unit_test(test_fallbacks),
        cmocka_unit_test(test_host_travel),   cmocka_unit_test(test_info_sizes),
        cmocka_unit_test(test_dormant_books),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
