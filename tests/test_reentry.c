/* Re-entry: a host callback that calls back into its own context, or into a
 * handle of it, gets CCAD_EBUSY and changes nothing; the outer call
 * completes as if nothing had been tried, and the context is usable again
 * once it returns (also when it failed). The first three cases are the
 * reproducers of issue 17: without the guard they corrupt memory (ASan:
 * heap-buffer-overflow in ccad__pack), call a NULL function pointer, or run
 * `begin` twice in one transaction. The world: tests/reentry_env.h; the
 * allocation-failure loop: faults_reentry.c, in the fault census. */
#include "reentry_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- issue 17's reproducers ---- */

/* A save callback that adds customers to the book being recorded into: the
 * wide slot reserved before the transaction (customer 3's 65,536th contact
 * no longer fits its compact record) is taken by the callback's customers,
 * and the pack after the commit writes past the wide table
 * (heap-buffer-overflow in ccad__pack without the guard). */
static void save_adds_to_book(void **state)
{
    rw *w = world_new();
    ccad_contact k = a_contact(w);
    ccad_customer before = CCAD_CUSTOMER_INIT, after = CCAD_CUSTOMER_INIT;
    tu_snap snap;
    (void)state;
    TU_PASS(ccad_book_ctx(w->b), ccad_book_get(w->b, 3, &before));
    before.contacts = 65535;
    TU_PASS(ccad_book_ctx(w->b), ccad_book_update(w->b, 3, &before));
    TU_PASS(ccad_book_ctx(w->b), ccad_book_grade(w->b, w->r));
    tu_snap_take(&snap, w->b);
    arm(w, M_ADD, "save", 0);
    w->add_count = 16; /* exactly the wide table's first capacity */
    w->add_wide = 1;
    TU_PASS(ccad_book_ctx(w->b), ccad_store_record(w->b, 3, &k));
    all_busy(w);
    assert_int_equal(w->ninner, 16);
    w->add_count = 0;
    w->add_wide = 0;
    assert_int_equal(ccad_book_count(w->b), 12);
    assert_int_equal(w->begins, 1);
    assert_int_equal(w->commits, 1);
    /* the record went in, nothing else changed */
    TU_PASS(ccad_book_ctx(w->b), ccad_book_get(w->b, 3, &after));
    before = snap.c[3];
    assert_int_equal(after.contacts, before.contacts + 1);
    assert_int_equal(after.last_contact, w->today);
    /* save_book too: its loop must not see a book that grew under it */
    arm(w, M_ADD, "save", 0);
    TU_PASS(ccad_book_ctx(w->b), ccad_store_save_book(w->b));
    all_busy(w);
    assert_int_equal(w->saves, 1 + 12);
    assert_int_equal(ccad_book_count(w->b), 12);
    tu_snap_free(&snap);
    usable(w);
    world_free(w);
}

/* ccad_store_record of customer 2 whose callbacks `where` try `mode` once:
 * refused, one transaction of four callbacks, customer 1 (a nested
 * record's) untouched, the store still the one given. */
static void in_transaction(int mode)
{
    static const char *const where[] = {"begin", "save", "append_contact", "commit"};
    size_t i;
    for (i = 0; i < sizeof where / sizeof where[0]; i++) {
        rw *w = world_new();
        ccad_contact k = a_contact(w);
        ccad_customer c = CCAD_CUSTOMER_INIT;
        arm(w, mode, where[i], 0);
        TU_PASS(ccad_book_ctx(w->b), ccad_store_record(w->b, 2, &k));
        all_busy(w);
        assert_int_equal(w->ninner, 1);
        assert_int_equal(w->begins, 1);
        assert_int_equal(w->saves, 1);
        assert_int_equal(w->appends, 1);
        assert_int_equal(w->commits, 1);
        assert_int_equal(w->open_tx, 0);
        TU_PASS(ccad_book_ctx(w->b), ccad_book_get(w->b, 1, &c));
        assert_int_equal(c.contacts, 4);
        arm(w, M_NONE, NULL, 0);
        TU_PASS(ccad_book_ctx(w->b), ccad_store_record(w->b, 2, &k));
        assert_int_equal(w->begins, 2);
        usable(w);
        world_free(w);
    }
}

/* set_store(ctx, NULL) inside begin: the library would go on to call the
 * store's (now NULL) save. Refused, in begin, save, append and commit; so
 * is replacing the store there. */
static void set_store_inside_transaction(void **state)
{
    (void)state;
    in_transaction(M_SET_STORE_NULL);
    in_transaction(M_SET_STORE);
}

/* A nested ccad_store_record from inside a callback: refused, so begin runs
 * once per transaction. */
static void nested_store_record(void **state)
{
    (void)state;
    in_transaction(M_STORE_RECORD);
}

/* ---- the other callbacks ---- */

/* A calendar callback calling ccad_schedule_new and ccad_book_add on the
 * same context: refused; the outer schedule is the one made without them. */
static void calendar_reenters(void **state)
{
    rw *w = world_new();
    ccad_plan_options o = plan_opts(w);
    ccad_schedule *ref = NULL, *s = NULL;
    (void)state;
    TU_PASS(w->ctx, ccad_schedule_new(&ref, w->b, w->r, &o));
    arm(w, M_SCHEDULE, "calendar", 0);
    TU_PASS(w->ctx, ccad_schedule_new(&s, w->b, w->r, &o));
    all_busy(w);
    assert_int_equal(w->ninner, 2 * 10); /* from each of the 10 days' calendar calls */
    assert_int_equal(ccad_book_count(w->b), 12);
    tu_schedules_equal(ref, s);
    ccad_schedule_free(s);
    ccad_schedule_free(ref);
    /* the same through ccad_ctx_day_flags, called by the host itself */
    {
        uint32_t f = 0;
        arm(w, M_SCHEDULE, "calendar", 0);
        TU_PASS(w->ctx, ccad_ctx_day_flags(w->ctx, &f, w->today));
        assert_int_equal(f, CCAD_DAY_WORKING);
        all_busy(w);
    }
    usable(w);
    world_free(w);
}

/* A travel callback calling ccad_route_solve with the same context. */
static void travel_reenters(void **state)
{
    rw *w = world_new();
    ccad_route_options o = rw_route_opts();
    uint32_t ref[NPTS], got[NPTS];
    int64_t ref_cost = 0, cost = 0;
    (void)state;
    TU_PASS(w->ctx, ccad_route_solve(w->ctx, w->x, w->y, NPTS, &o, ref, &ref_cost));
    arm(w, M_ROUTE, "travel", 0);
    TU_PASS(w->ctx, ccad_route_solve(w->ctx, w->x, w->y, NPTS, &o, got, &cost));
    all_busy(w);
    assert_int_equal(cost, ref_cost);
    assert_memory_equal(got, ref, sizeof ref);
    /* and from a schedule with routes on the HOST metric */
    {
        ccad_plan_options po = plan_opts(w);
        ccad_schedule *s1 = NULL, *s2 = NULL;
        po.route = 1;
        po.metric = CCAD_METRIC_HOST;
        arm(w, M_NONE, NULL, 0);
        TU_PASS(w->ctx, ccad_schedule_new(&s1, w->b, w->r, &po));
        arm(w, M_ALL, "travel", 0);
        TU_PASS(w->ctx, ccad_schedule_new(&s2, w->b, w->r, &po));
        all_busy(w);
        tu_schedules_equal(s1, s2);
        ccad_schedule_free(s1);
        ccad_schedule_free(s2);
    }
    usable(w);
    world_free(w);
}

/* A clock callback re-entering. */
static void clock_reenters(void **state)
{
    rw *w = world_new();
    int32_t d = 0;
    (void)state;
    arm(w, M_TODAY, "clock", 0);
    TU_PASS(w->ctx, ccad_ctx_today(w->ctx, &d));
    assert_int_equal(d, w->today);
    all_busy(w);
    assert_int_equal(w->ninner, 2);
    usable(w);
    world_free(w);
}

/* Every guarded function refuses, every reader answers, from every kind of
 * callback; and EBUSY records nothing: the context's error stays as it was. */
static void everything_from_every_callback(void **state)
{
    static const char *const where[] = {"begin", "save",    "append_contact", "commit",
                                        "load",  "iterate", "clock",          "calendar"};
    size_t i;
    (void)state;
    for (i = 0; i < sizeof where / sizeof where[0]; i++) {
        rw *w = world_new();
        ccad_contact k = a_contact(w);
        ccad_book *lb = NULL;
        size_t at = 0;
        int32_t d = 0;
        uint32_t f = 0;
        const char *mark = tu_mark(w->ctx);
        char keep[256];
        snprintf(keep, sizeof keep, "%s", mark);
        arm(w, M_ALL, where[i], 0);
        TU_PASS(w->ctx, ccad_store_record(w->b, 2, &k));
        TU_PASS(w->ctx, ccad_book_grade(w->b, w->r));
        TU_PASS(w->ctx, ccad_store_load_customer(w->b, "c004", &at));
        assert_int_equal(at, 4);
        TU_PASS(w->ctx, ccad_book_grade(w->b, w->r));
        TU_PASS(w->ctx, ccad_store_load_book(&lb, w->ctx));
        assert_int_equal(ccad_book_count(lb), 5);
        ccad_book_free(lb);
        TU_PASS(w->ctx, ccad_ctx_today(w->ctx, &d));
        TU_PASS(w->ctx, ccad_ctx_day_flags(w->ctx, &f, w->today));
        all_busy(w);
        assert_int_equal(w->ninner % 31, 0); /* 31 guarded calls per attempt */
        assert_int_equal(ccad_ctx_errcode(w->ctx), CCAD_EINVAL);
        assert_string_equal(ccad_ctx_errmsg(w->ctx), keep);
        usable(w);
        world_free(w);
    }
}

/* The outer call fails (its callback reports failure after trying to
 * re-enter): it reports its own error, not EBUSY, and the context is
 * idle afterwards. */
static void outer_callback_fails(void **state)
{
    static const char *const where[] = {"begin", "save",     "append_contact", "commit",
                                        "clock", "calendar", "travel"};
    size_t i;
    (void)state;
    for (i = 0; i < sizeof where / sizeof where[0]; i++) {
        rw *w = world_new();
        ccad_contact k = a_contact(w);
        ccad_route_options ro = rw_route_opts();
        uint32_t order[NPTS];
        int32_t d = 0;
        uint32_t f = 0;
        int rc;
        arm(w, M_ALL, where[i], 1);
        if (strcmp(where[i], "clock") == 0)
            rc = ccad_ctx_today(w->ctx, &d);
        else if (strcmp(where[i], "calendar") == 0)
            rc = ccad_ctx_day_flags(w->ctx, &f, w->today);
        else if (strcmp(where[i], "travel") == 0)
            rc = ccad_route_solve(w->ctx, w->x, w->y, NPTS, &ro, order, NULL);
        else
            rc = ccad_store_record(w->b, 2, &k);
        assert_int_equal(rc, CCAD_ECALLBACK);
        assert_int_equal(ccad_ctx_errcode(w->ctx), CCAD_ECALLBACK);
        assert_non_null(strstr(ccad_ctx_errmsg(w->ctx), "callback failed"));
        all_busy(w);
        usable(w);
        world_free(w);
    }
}

/* The allocator itself re-entering (here during ccad_book_add's growth):
 * refused like any other callback. */
static void allocator_reenters(void **state)
{
    rw *w = world_new();
    int i;
    (void)state;
    arm(w, M_ADD, "alloc", 0);
    w->alloc_reenter = 1;
    for (i = 0; i < 200; i++) {
        char id[16];
        ccad_customer c = rw_cust(5000 + i, id, sizeof id);
        TU_PASS(ccad_book_ctx(w->b), ccad_book_add(w->b, &c, NULL));
    }
    w->alloc_reenter = 0;
    all_busy(w);
    assert_int_equal(ccad_book_count(w->b), 212);
    usable(w);
    world_free(w);
}

/* ccad_ctx_free of the running call's own context does nothing; another
 * book of the context may be freed. */
static void frees_inside_callbacks(void **state)
{
    rw *w = world_new();
    ccad_contact k = a_contact(w);
    (void)state;
    arm(w, M_CTX_FREE, "save", 0);
    TU_PASS(w->ctx, ccad_store_record(w->b, 2, &k));
    assert_int_equal(w->commits, 1);
    usable(w);
    TU_PASS(w->ctx, ccad_book_new(&w->other, w->ctx, 0));
    arm(w, M_FREE_OTHER, "save", 0);
    TU_PASS(w->ctx, ccad_store_record(w->b, 2, &k));
    assert_null(w->other);
    usable(w);
    world_free(w);
}

/* An optional argument names the case(s) to run (a cmocka filter pattern). */

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(save_adds_to_book),
        cmocka_unit_test(set_store_inside_transaction),
        cmocka_unit_test(nested_store_record),
        cmocka_unit_test(calendar_reenters),
        cmocka_unit_test(travel_reenters),
        cmocka_unit_test(clock_reenters),
        cmocka_unit_test(everything_from_every_callback),
        cmocka_unit_test(outer_callback_fails),
        cmocka_unit_test(allocator_reenters),
        cmocka_unit_test(frees_inside_callbacks),
    };
    if (argc > 1)
        cmocka_set_test_filter(argv[1]);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
