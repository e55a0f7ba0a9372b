/* The error-message convention (docs/design.md, "Errors"): every failing
 * call leaves a message that starts with the name of the API function
 * called, also when the failure comes from a host callback or from a
 * helper that several API functions share. Out of memory, the same check
 * runs in the fault census (faults_plan_out_of_memory_named). */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

static int failing_clock(void *user, int64_t *out)
{
    (void)user;
    *out = 0;
    return -1;
}

static int far_clock(void *user, int64_t *out)
{
    (void)user;
    *out = INT64_MAX;
    return 0;
}

static int failing_calendar(void *user, int32_t day, uint32_t *out)
{
    (void)user;
    (void)day;
    *out = 0;
    return -1;
}

static int failing_travel(void *user, double x1, double y1, double x2, double y2,
                          int32_t *out_minutes)
{
    (void)user;
    (void)x1;
    (void)y1;
    (void)x2;
    (void)y2;
    *out_minutes = 0;
    return -1;
}

/* The context's own calls to the host: clock and calendar. */
static void host_callbacks_named(void **state)
{
    tu_alloc al;
    ccad_host h = tu_host(&al);
    ccad_ctx *ctx = NULL;
    int32_t day = 0;
    uint32_t flags = 0;
    (void)state;
    memset(&al, 0, sizeof al);
    h = tu_host(&al);
    h.clock = failing_clock;
    h.calendar = failing_calendar;
    TU_PASS(ctx, ccad_ctx_new(&ctx, &h));
    assert_int_equal(ccad_ctx_today(ctx, &day), CCAD_ECALLBACK);
    tu_assert_named(ctx, "ccad_ctx_today");
    assert_int_equal(ccad_ctx_day_flags(ctx, &flags, 20000), CCAD_ECALLBACK);
    tu_assert_named(ctx, "ccad_ctx_day_flags");
    ccad_ctx_free(ctx);
    h.clock = far_clock;
    TU_PASS(ctx, ccad_ctx_new(&ctx, &h));
    assert_int_equal(ccad_ctx_today(ctx, &day), CCAD_ERANGE);
    tu_assert_named(ctx, "ccad_ctx_today");
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

/* The book's and the rules' messages, the translated ones included. */
static void book_and_rules_named(void **state)
{
    tu_fixture *f = *state;
    ccad_ctx *ctx = f->ctx;
    ccad_rules *r = f->r;
    size_t at = 0;
    int lang;
    static const char bad_text[] = "gap.max_days = 3\ngap.max_day = 4\n";
    assert_int_equal(ccad_book_find(f->b, "nobody", &at), CCAD_ENOTFOUND);
    tu_assert_named(ctx, "ccad_book_find");
    assert_int_equal(ccad_book_find(f->b, "", &at), CCAD_ENOTFOUND);
    tu_assert_named(ctx, "ccad_book_find");
    for (lang = 0; lang < CCAD_LANG_COUNT; lang++) {
        TU_PASS(ctx, ccad_ctx_set_lang(ctx, lang));
        assert_int_equal(ccad_rules_parse(r, bad_text, strlen(bad_text)), CCAD_EPARSE);
        tu_assert_named(ctx, "ccad_rules_parse");
        assert_int_equal(ccad_rules_parse(r, "gap.max_days = 30\n", 18), CCAD_EPARSE);
        tu_assert_named(ctx, "ccad_rules_parse"); /* a constraint broken: above gap.alert_days */
        assert_int_equal(ccad_rules_set(r, "gap.max_day", 3), CCAD_ENOTFOUND);
        tu_assert_named(ctx, "ccad_rules_set");
        assert_int_equal(ccad_rules_set(r, "stall.after", 0), CCAD_ERANGE);
        tu_assert_named(ctx, "ccad_rules_set");
        assert_int_equal(ccad_rules_set(r, "gap.max_days", 300), CCAD_ECONFLICT);
        tu_assert_named(ctx, "ccad_rules_set");
        assert_int_equal(ccad_rules_set_text(r, "gap.max_days", "300"), CCAD_ECONFLICT);
        tu_assert_named(ctx, "ccad_rules_set_text");
        assert_int_equal(ccad_rules_set_text(r, "gap.max_days", "x"), CCAD_EPARSE);
        tu_assert_named(ctx, "ccad_rules_set_text");
        assert_int_equal(ccad_rules_set_text(r, "gap.max_days", "99999"), CCAD_ERANGE);
        tu_assert_named(ctx, "ccad_rules_set_text");
        assert_int_equal(ccad_rules_set_text(r, "gap.max_days", ""), CCAD_EPARSE);
        tu_assert_named(ctx, "ccad_rules_set_text");
        assert_int_equal(ccad_rules_set_text(r, "nope", "1"), CCAD_ENOTFOUND);
        tu_assert_named(ctx, "ccad_rules_set_text");
    }
}

/* The travel callback fails inside the route solvers' shared matrix
 * helper: the message names the solver called. */
static void route_travel_named(void **state)
{
    tu_alloc al;
    ccad_host h = tu_host(&al);
    ccad_ctx *ctx = NULL;
    ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
    ccad_route_times t = CCAD_ROUTE_TIMES_INIT;
    static const double x[4] = {0, 1000, 2000, 3000}, y[4] = {0, 500, 0, 500};
    uint32_t order[4];
    int32_t start[4];
    int64_t cost = 0;
    (void)state;
    h.travel = failing_travel;
    TU_PASS(ctx, ccad_ctx_new(&ctx, &h));
    o.metric = CCAD_METRIC_HOST;
    assert_int_equal(ccad_route_solve(ctx, x, y, 4, &o, order, &cost), CCAD_ECALLBACK);
    tu_assert_named(ctx, "ccad_route_solve");
    assert_int_equal(ccad_route_solve_tw(ctx, x, y, 4, &o, &t, order, start, &cost),
                     CCAD_ECALLBACK);
    tu_assert_named(ctx, "ccad_route_solve_tw");
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(host_callbacks_named),
        cmocka_unit_test_setup_teardown(book_and_rules_named, tu_fixture_setup,
                                        tu_fixture_teardown),
        cmocka_unit_test(route_travel_named),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
