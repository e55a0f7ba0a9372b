/* The weekly assignment's passes (lib/plan/assign.c) skip a flexible visit
 * whose moves and swaps were all tried in vain when nothing they read (its
 * day and the days of its allowed window) has changed since; they ask a
 * visit's place in a partner's day from an insertion table
 * (lib/plan/insertion.c) and refuse a swap on it before placing the
 * partner. That must leave every plan as it was: over generated
 * territories (tests/territory.c, routes and weekly assignment on, PLANAR
 * and GEO at three speeds, route.move_days 1..6, half of them with the
 * customers snapped to a coarse grid so that many share a point and legs,
 * savings and insertion costs tie), the library's schedule equals, item
 * for item and finding for finding, the schedule of the reference build
 * that tries every visit in every pass and places every stop place by
 * place (tests/assign_env_ref.c). The territories must move visits between
 * days often enough for the comparison to say something; the count is
 * checked. */
#include "testutil.h"
#include "territory.h"

#include <math.h>
#include <stdlib.h>

/* tests/assign_env_ref.c */
int ref_schedule_new(ccad_schedule **out, const ccad_book *book, const ccad_rules *rules,
                     const ccad_plan_options *options);

#define TERRITORIES 240

/* Snaps every located customer to a grid of about 1.5 km. */
static void snap(tt_territory *t)
{
    double step = t->options.metric == CCAD_METRIC_GEO ? 0.015 : 1.5;
    size_t i, n = ccad_book_count(t->book);
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        TU_PASS(ccad_book_ctx(t->book), ccad_book_get(t->book, i, &c));
        c.x = floor(c.x / step + 0.5) * step;
        c.y = floor(c.y / step + 0.5) * step;
        TU_PASS(t->ctx, ccad_book_update(t->book, i, &c));
    }
    TU_PASS(t->ctx, ccad_book_grade(t->book, t->rules));
}

/* Visits the weekly assignment moved (a ROUTE_DAY reason). */
static size_t moved_visits(const ccad_schedule *s)
{
    size_t i, k, moved = 0;
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item it = CCAD_ITEM_INIT;
        assert_int_equal(ccad_schedule_item(s, i, &it), CCAD_OK);
        for (k = 0; k < it.reason_count && k < CCAD_ITEM_REASONS_MAX; k++)
            moved += it.reasons[k].why == CCAD_WHY_ROUTE_DAY;
    }
    return moved;
}

static void same_plans_as_trying_every_visit(void **state)
{
    static const double speeds[] = {500.0, 250.0, 1000.0};
    /* CCAD_TEST_LIGHT (tests/valgrind.sh sets it): the first 30 */
    uint64_t seed, last = getenv("CCAD_TEST_LIGHT") != NULL ? 30 : TERRITORIES;
    size_t moved = 0, with_moves = 0;
    (void)state;
    for (seed = 1; seed <= last; seed++) {
        tt_territory *t = malloc(sizeof *t);
        ccad_schedule *fast = NULL, *ref = NULL;
        size_t m;
        assert_non_null(t);
        tt_make(t, seed + 5000);
        t->options.route = 1;
        t->options.assign_days = 1;
        TU_PASS(t->ctx, ccad_rules_set(t->rules, "route.move_days", (int64_t)(1 + seed % 6)));
        t->options.units_per_minute = speeds[seed / 2 % 3]; /* legs rounded otherwise */
        if (seed % 2 == 0)
            snap(t);
        if (seed % 4 == 1) /* days whose service minutes bind (swaps trade different services) */
            t->options.minutes_per_day = 120 + 30 * (int32_t)(seed / 4 % 8);
        else if (seed % 4 == 3) /* days whose visit count binds */
            t->options.visits_per_day = 4 + (int32_t)(seed / 4 % 4);
        TU_PASS(t->ctx, ccad_schedule_new(&fast, t->book, t->rules, &t->options));
        TU_PASS(t->ctx, ref_schedule_new(&ref, t->book, t->rules, &t->options));
        tu_schedules_equal(fast, ref);
        m = moved_visits(fast);
        moved += m;
        with_moves += m > 0;
        ccad_schedule_free(fast);
        ccad_schedule_free(ref);
        tt_free(t);
        free(t);
    }
    print_message("assign-since territories=%lu with_moves=%lu moved=%lu\n", (unsigned long)last,
                  (unsigned long)with_moves, (unsigned long)moved);
    assert_true(with_moves >= last / 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_plans_as_trying_every_visit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
