/* Planner rule ROUTE, over the week: weekly day assignment keeps its
 * invariants and saves travel, routed plans are deterministic and lean.
 * Checkers: tests/plan_env_routes.c. */
#include "plan_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A clustered planar territory: n customers in `clusters` groups of radius
 * 8 around points 40..60 from the base; grades by value 15/25/60 %; last
 * contacts spread over four weeks; some with visit weekdays, some without
 * location. */
static void gen_territory(env *e, uint64_t seed, int n, int clusters, int32_t d0)
{
    static const double cx[3] = {-45, 40, 5}, cy[3] = {5, 20, 55};
    uint64_t r = seed * UINT64_C(0x9E3779B97F4A7C15) + 7;
    char id[24];
    int i;
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        int64_t k = tu_rng_range(&r, 0, 99);
        int cl = (int)tu_rng_range(&r, 0, clusters - 1);
        snprintf(id, sizeof id, "t%llu-%03d", (unsigned long long)seed, i);
        c.id = id;
        c.value = k < 15   ? tu_rng_range(&r, 5000000, 50000000)
                  : k < 40 ? tu_rng_range(&r, 1000000, 5000000)
                           : tu_rng_range(&r, 0, 1000000);
        c.last_contact = d0 - (int32_t)tu_rng_range(&r, 1, 28);
        c.last_visit = c.last_contact;
        c.contacts = 5;
        c.has_location = tu_rng_range(&r, 0, 99) < 95;
        c.x = cx[cl] + (double)tu_rng_range(&r, -80, 80) / 10.0;
        c.y = cy[cl] + (double)tu_rng_range(&r, -80, 80) / 10.0;
        k = tu_rng_range(&r, 0, 99);
        if (k < 10)
            c.visit_days = CCAD_TUE | CCAD_THU;
        else if (k < 15)
            c.visit_days = CCAD_MON | CCAD_WED | CCAD_FRI;
        if (tu_rng_range(&r, 0, 99) < 5)
            c.purchase_date = d0 + (int32_t)tu_rng_range(&r, 0, 12);
        add(e, &c);
    }
    grade(e);
}

/* Weekly assignment: every moved item keeps the invariants (its window:
 * route.move_days, a working day the rep is present and the customer may
 * be seen, no other contact of the customer within a day), and the plan is
 * otherwise the plain routed plan's. Returns the number moved. */
static size_t check_assign(env *e, const ccad_schedule *s, const ccad_schedule *plain,
                           const ccad_plan_options *o)
{
    size_t i, j, moved = 0, n = ccad_schedule_item_count(s), nb = ccad_book_count(e->fx.b);
    int32_t *reps = calloc((size_t)o->days, sizeof *reps),
            *mins = calloc((size_t)o->days, sizeof *mins);
    uint8_t *matched = calloc(ccad_schedule_item_count(plain) + 1, 1);
    assert_non_null(reps);
    assert_non_null(mins);
    assert_non_null(matched);
    assert_int_equal(n, ccad_schedule_item_count(plain));
    for (i = 0; i < n; i++) {
        ccad_item it = tu_item(s, i);
        const ccad_reason *r = route_day_reason(&it);
        int32_t orig = r != NULL ? (int32_t)r->a : it.date;
        int found = 0;
        assert_true(it.customer < nb);
        /* capacity counts every item of the rep's (calls too, touches aside) */
        if (it.delegated == CCAD_BY_REP && it.kind != CCAD_ITEM_TOUCH) {
            reps[it.date - o->first_day]++;
            mins[it.date - o->first_day] += item_service(e, it.customer);
        }
        if (r != NULL) {
            ccad_customer c = CCAD_CUSTOMER_INIT;
            uint32_t fl = 0;
            moved++;
            assert_int_equal(r->rule, CCAD_RULE_ROUTE);
            assert_true(r->b >= 0); /* the estimated saving (a swap's partner: 0) */
            assert_int_equal(r->c, 0);
            /* within route.move_days of the planner's day, across weeks too */
            {
                int64_t move = 0;
                TU_PASS(e->fx.ctx, ccad_rules_get(e->fx.r, "route.move_days", &move));
                if (it.date - orig > move || orig - it.date > move)
                    print_message("moved %d days: customer %u D0%+d -> D0%+d\n",
                                  (int)(it.date - orig), it.customer, (int)(orig - D0),
                                  (int)(it.date - D0));
                assert_true(it.date != orig && it.date - orig <= move && orig - it.date <= move);
            }
            /* a flexible visit by the rep: Q2, not a block, no care contact */
            assert_int_equal(it.quadrant, CCAD_Q2);
            assert_int_equal(it.delegated, CCAD_BY_REP);
            assert_int_equal(it.kind, CCAD_ITEM_VISIT);
            assert_int_equal(it.block_day, 0);
            /* to a working, non-absent day its visit weekdays allow */
            TU_PASS(e->fx.ctx, ccad_ctx_day_flags(e->fx.ctx, &fl, it.date));
            assert_true(fl & CCAD_DAY_WORKING);
            assert_false(fl & CCAD_DAY_ABSENT);
            TU_PASS(e->fx.ctx, ccad_book_get(e->fx.b, it.customer, &c));
            assert_int_equal(c.has_location, 1);
            if (c.visit_days != 0)
                assert_true(c.visit_days & (1u << (tu_weekday(it.date) - 1)));
            /* no other contact of the customer within a day */
            for (j = 0; j < n; j++) {
                ccad_item x = tu_item(s, j);
                if (j == i || x.customer != it.customer || x.kind == CCAD_ITEM_TOUCH)
                    continue;
                assert_true(x.date - it.date > 1 || it.date - x.date > 1);
            }
        }
        /* the same item in the plain plan, on its original day */
        for (j = 0; j < ccad_schedule_item_count(plain) && !found; j++) {
            ccad_item p = tu_item(plain, j);
            if (!matched[j] && p.customer == it.customer && p.date == orig && p.kind == it.kind &&
                p.delegated == it.delegated && p.quadrant == it.quadrant) {
                matched[j] = 1;
                found = 1;
            }
        }
        if (!found)
            print_message("no match in the plain plan: customer %u D0%+d (from D0%+d) kind %d "
                          "quadrant %d delegated %d\n",
                          it.customer, (int)(it.date - D0), (int)(orig - D0), it.kind, it.quadrant,
                          it.delegated);
        assert_true(found);
    }
    /* capacity per day */
    for (i = 0; i < (size_t)o->days; i++) {
        if (o->visits_per_day > 0)
            assert_true(reps[i] <= o->visits_per_day);
        if (o->minutes_per_day > 0)
            assert_true(mins[i] <= o->minutes_per_day);
    }
    free(reps);
    free(mins);
    free(matched);
    return moved;
}

/* assign_days: invariants of every moved item over two weeks with a
 * holiday and an absence, for several territories and both capacity
 * limits; the routes of the result are checked like any other. */
static void assign_days_invariants(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    uint64_t seed;
    size_t total_moved = 0;
    for (seed = 1; seed <= 4; seed++) {
        int lim;
        ccad_book_free(e->fx.b);
        TU_PASS(e->fx.ctx, ccad_book_new(&e->fx.b, e->fx.ctx, 0));
        gen_territory(e, seed, 80, 3, d0);
        e->n_holiday = e->n_absent = e->n_special = 0;
        e->holiday[e->n_holiday++] = d0 + 3; /* Thursday */
        e->absent[e->n_absent++] = d0 + 8;   /* Tuesday of week 2 */
        e->special[e->n_special++] = d0 + 10;
        for (lim = 0; lim < 2; lim++) {
            ccad_plan_options o = route_opts(d0, 14, lim == 0 ? 12 : 0), oa;
            ccad_schedule *plain, *as;
            size_t moved;
            if (lim == 1)
                o.minutes_per_day = 480;
            oa = o;
            oa.assign_days = 1;
            plain = plan_o(e, &o);
            as = plan_o(e, &oa);
            (void)check_routes(e, as, &oa);
            moved = check_assign(e, as, plain, &oa);
            total_moved += moved;
            ccad_schedule_free(plain);
            ccad_schedule_free(as);
        }
    }
    print_message("assign_days moved %lu visits over 8 plans\n", (unsigned long)total_moved);
    assert_true(total_moved > 0);
}

/* Routed schedules are deterministic: two runs, and a fresh context. */
static void route_determinism(void **state)
{
    env *e = *state;
    ccad_plan_options o = route_opts(D0, 14, 8);
    ccad_schedule *s1, *s2;
    gen_territory(e, 11, 90, 3, D0);
    o.assign_days = 1;
    o.seed = 12345;
    s1 = plan_o(e, &o);
    s2 = plan_o(e, &o);
    tu_schedules_equal(s1, s2);
    ccad_schedule_free(s2);
    o.effort = 0;
    s2 = plan_o(e, &o);
    (void)check_routes(e, s2, &o);
    ccad_schedule_free(s2);
    ccad_schedule_free(s1);
}

/* assign_days on clustered territories: the total weekly travel (closed
 * tours from the base in seq order) is lower than without it. */
static void assign_days_saves_travel(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    int clusters;
    int64_t sum_plain = 0, sum_assign = 0;
    for (clusters = 2; clusters <= 3; clusters++) {
        uint64_t seed;
        for (seed = 1; seed <= 3; seed++) {
            ccad_plan_options o = route_opts(d0, 5, 20), oa;
            ccad_schedule *plain, *as;
            int64_t tp, ta;
            ccad_book_free(e->fx.b);
            TU_PASS(e->fx.ctx, ccad_book_new(&e->fx.b, e->fx.ctx, 0));
            gen_territory(e, 100 + seed, 70, clusters, d0);
            oa = o;
            oa.assign_days = 1;
            plain = plan_o(e, &o);
            as = plan_o(e, &oa);
            tp = schedule_travel(e, plain, &o);
            ta = schedule_travel(e, as, &oa);
            {
                size_t k, moved = 0;
                for (k = 0; k < ccad_schedule_item_count(as); k++) {
                    ccad_item it = tu_item(as, k);
                    moved += route_day_reason(&it) != NULL;
                }
                print_message("clusters=%d seed=%llu weekly travel: assign_days=0 %lld, "
                              "assign_days=1 %lld (%lu moved)\n",
                              clusters, (unsigned long long)seed, (long long)tp, (long long)ta,
                              (unsigned long)moved);
            }
            /* an estimate (the nearest stop of the other day), not a
             * search: a territory may come out slightly worse, never by
             * more than 1 %; over all of them it saves */
            assert_true(ta * 100 <= tp * 101);
            sum_plain += tp;
            sum_assign += ta;
            ccad_schedule_free(plain);
            ccad_schedule_free(as);
        }
    }
    print_message("six territories: assign_days=0 %lld, assign_days=1 %lld\n", (long long)sum_plain,
                  (long long)sum_assign);
    assert_true(sum_assign < sum_plain);
}

/* keep_reasons = 0 with routes and weekly assignment: no reasons anywhere
 * (neither ROUTE_DAY on moved items nor the blocked reasons of unplanned
 * findings), and the same plan otherwise. */
static void route_lean(void **state)
{
    env *e = *state;
    ccad_plan_options o = route_opts(D0, 5, 12);
    ccad_schedule *s, *full;
    size_t k, moved = 0;
    gen_territory(e, 21, 80, 3, D0);
    o.assign_days = 1;
    o.day_minutes = 480; /* more due than the days hold: unplanned findings */
    full = plan_o(e, &o);
    o.keep_reasons = 0;
    s = plan_o(e, &o);
    (void)check_routes(e, s, &o);
    assert_int_equal(ccad_schedule_item_count(s), ccad_schedule_item_count(full));
    for (k = 0; k < ccad_schedule_item_count(full); k++) {
        ccad_item a = tu_item(full, k);
        moved += route_day_reason(&a) != NULL;
    }
    print_message("route_lean: %lu moved\n", (unsigned long)moved);
    assert_true(moved > 0);
    assert_true(tu_count_findings(s, CCAD_FIND_UNPLANNED, -2) > 0);
    for (k = 0; k < ccad_schedule_item_count(s); k++) {
        ccad_item a = tu_item(s, k), b = tu_item(full, k);
        if (a.reason_count != 0)
            print_message("keep_reasons = 0: item %lu has %u reason(s), first why %d\n",
                          (unsigned long)k, a.reason_count, a.reasons[0].why);
        assert_int_equal(a.reason_count, 0);
        assert_int_equal(a.date, b.date);
        assert_int_equal(a.seq, b.seq);
        assert_int_equal(a.eta_min, b.eta_min);
    }
    for (k = 0; k < ccad_schedule_finding_count(s); k++)
        assert_int_equal(tu_finding(s, k).reason_count, 0);
    ccad_schedule_free(s);
    ccad_schedule_free(full);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        PLAN_TEST(assign_days_invariants),
        PLAN_TEST(route_determinism),
        PLAN_TEST(assign_days_saves_travel),
        PLAN_TEST(route_lean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
