/* Planner properties over generated books (seeded, tu_rng): every
 * schedule keeps the rules' invariants, Q1 buyers are seen daily, and plans
 * do not depend on the context or the insertion order. Fixture:
 * tests/plan_env.h. */
#include "plan_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------- */
/* Properties over generated books */

/* A realistic book: Pareto-like values (rank grading 15/25/60), purchase
 * dates, complaints, requests, statuses, triage volumes, owners. */
static void gen_book(env *e, uint64_t seed, int n, int32_t d0)
{
    uint64_t s = seed * UINT64_C(0x9E3779B97F4A7C15) + 1;
    int i;
    char id[24];
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        int64_t r = tu_rng_range(&s, 0, 99);
        snprintf(id, sizeof id, "g%llu-%04d", (unsigned long long)seed, i);
        c.id = id;
        c.value = r < 15   ? tu_rng_range(&s, 5000000, 50000000)
                  : r < 40 ? tu_rng_range(&s, 1000000, 5000000)
                           : tu_rng_range(&s, 0, 1000000);
        r = tu_rng_range(&s, 0, 99);
        c.status = r < 60   ? CCAD_STATUS_PROSPECT
                   : r < 85 ? CCAD_STATUS_ACTIVE
                   : r < 93 ? CCAD_STATUS_KEY
                   : r < 97 ? CCAD_STATUS_RELEASED
                            : CCAD_STATUS_ELIMINATED;
        if (c.status == CCAD_STATUS_ACTIVE || c.status == CCAD_STATUS_KEY)
            c.monthly_volume = tu_rng_range(&s, 0, 10000000);
        if (tu_rng_range(&s, 0, 99) < 30)
            c.purchase_date = d0 + (int32_t)tu_rng_range(&s, -10, 40);
        r = tu_rng_range(&s, 0, 99);
        if (r < 4) {
            c.complaint = CCAD_COMPLAINT_OPEN;
            c.complaint_date = d0 - (int32_t)tu_rng_range(&s, 0, 5);
        } else if (r < 8) {
            c.complaint = CCAD_COMPLAINT_RESOLVED;
            c.complaint_date = d0 - (int32_t)tu_rng_range(&s, 0, 10);
        }
        if (tu_rng_range(&s, 0, 99) < 4)
            c.request_date = d0 + (int32_t)tu_rng_range(&s, -1, 10);
        if (tu_rng_range(&s, 0, 99) < 90) {
            c.last_contact = d0 - (int32_t)tu_rng_range(&s, 1, 40);
            c.last_visit = c.last_contact;
            c.contacts = (uint32_t)tu_rng_range(&s, 1, 12);
            c.no_progress = (uint32_t)tu_rng_range(&s, 0, 4);
            if (c.no_progress > c.contacts)
                c.no_progress = c.contacts;
            if (tu_rng_range(&s, 0, 99) < 20)
                c.next_step_date = c.last_contact + (int32_t)tu_rng_range(&s, 1, 20);
        }
        if (c.complaint != CCAD_COMPLAINT_NONE && c.last_contact != CCAD_NO_DATE &&
            c.last_contact < c.complaint_date - 20)
            c.last_contact = c.last_visit = c.complaint_date - 20;
        if (c.next_step_date != CCAD_NO_DATE && c.next_step_date < c.last_contact)
            c.next_step_date = c.last_contact + 1;
        if (tu_rng_range(&s, 0, 99) < 30)
            c.owned_since = d0 - (int32_t)tu_rng_range(&s, 0, 120);
        add(e, &c);
    }
    grade(e);
}

static void gen_calendar(env *e, int32_t d0)
{
    e->n_holiday = e->n_absent = e->n_special = 0;
    e->holiday[e->n_holiday++] = d0 + 3;
    e->absent[e->n_absent++] = d0 + 9;
    e->absent[e->n_absent++] = d0 + 13; /* a Sunday marked absent */
    e->special[e->n_special++] = d0 + 5;
    e->special[e->n_special++] = d0 + 16;
}

#define GEN_N 200
#define GEN_DAYS 28

static void check_properties(env *e, const ccad_schedule *s, int32_t d0, int32_t vpd, int strict_q1)
{
    size_t i, n = ccad_schedule_item_count(s), nb = ccad_book_count(e->fx.b);
    int day_rep[GEN_DAYS];
    int32_t last_date = CCAD_NO_DATE, last_prio = -1, last_touch_date = CCAD_NO_DATE;
    int in_touches = 0;
    uint8_t *seen = calloc(nb * GEN_DAYS, 1), *touched = calloc(nb * GEN_DAYS, 1);
    uint32_t flags[GEN_DAYS];
    int di;
    assert_non_null(seen);
    assert_non_null(touched);
    memset(day_rep, 0, sizeof day_rep);
    for (di = 0; di < GEN_DAYS; di++)
        TU_PASS(e->fx.ctx, ccad_ctx_day_flags(e->fx.ctx, &flags[di], d0 + di));
    for (i = 0; i < n; i++) {
        ccad_item it = tu_item(s, i);
        int k = it.date - d0;
        assert_true(k >= 0 && k < GEN_DAYS);
        assert_true(it.customer < nb);
        /* sorted by date, then priority */
        assert_true(last_date == CCAD_NO_DATE || it.date > last_date ||
                    (it.date == last_date && it.priority >= last_prio));
        /* priorities 1.. within each day, without gaps */
        if (it.date != last_date) {
            last_prio = 0;
            in_touches = 0;
        }
        assert_int_equal(it.priority, last_prio + 1);
        last_date = it.date;
        last_prio = it.priority;
        if (it.kind == CCAD_ITEM_TOUCH)
            last_touch_date = it.date;
        /* at most one item per customer and day, touches included */
        assert_false(seen[(size_t)k * nb + it.customer]);
        seen[(size_t)k * nb + it.customer] = 1;
        if (it.kind == CCAD_ITEM_TOUCH) {
            assert_true(flags[k] & CCAD_DAY_SPECIAL);
            assert_int_equal(it.delegated, CCAD_BY_REP);
            touched[(size_t)k * nb + it.customer] = 1;
            in_touches = 1;
            continue;
        }
        /* touches come after the day's contacts */
        assert_false(in_touches && it.date == last_touch_date);
        /* contacts only on working days; an absent day's go to the substitute */
        assert_true(flags[k] & CCAD_DAY_WORKING);
        if (flags[k] & CCAD_DAY_ABSENT)
            assert_int_equal(it.delegated, CCAD_BY_SUBSTITUTE);
        else
            assert_int_not_equal(it.delegated, CCAD_BY_SUBSTITUTE);
        if (it.delegated == CCAD_BY_REP)
            day_rep[k]++;
        assert_true(it.block_day >= 0 && it.block_day <= 3);
        assert_true((it.kind == CCAD_ITEM_PERSIST) == (it.block_day > 0));
    }
    for (di = 0; di < GEN_DAYS; di++)
        assert_true(day_rep[di] <= vpd);
    if (strict_q1) {
        /* every open A/B customer buying within 7 days: an item every
         * working day (by the substitute on an absent weekday) */
        for (i = 0; i < nb; i++) {
            ccad_customer c = CCAD_CUSTOMER_INIT;
            TU_PASS(e->fx.ctx, ccad_book_get(e->fx.b, i, &c));
            if (c.status == CCAD_STATUS_RELEASED || c.status == CCAD_STATUS_ELIMINATED ||
                c.purchase_date == CCAD_NO_DATE)
                continue;
            for (di = 0; di < GEN_DAYS; di++) {
                ccad_assessment a = CCAD_ASSESSMENT_INIT;
                int32_t left = c.purchase_date - (d0 + di);
                int contact;
                /* working days (an absent day is a working day the substitute covers) */
                int plan_day = (flags[di] & CCAD_DAY_WORKING) != 0;
                if (!plan_day || left < 0 || left > 7)
                    continue;
                TU_PASS(e->fx.ctx, ccad_book_assess(e->fx.b, e->fx.r, i, d0 + di, &a));
                if (a.quadrant != CCAD_Q1)
                    continue;
                contact = seen[(size_t)di * nb + i] && !touched[(size_t)di * nb + i];
                if (!contact)
                    print_message("customer %lu (Q1, buying in %d days) has no contact on D0%+d\n",
                                  (unsigned long)i, (int)left, di);
                assert_true(contact);
            }
        }
    }
    free(seen);
    free(touched);
}

static void properties_generated(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    uint64_t seed;
    for (seed = 1; seed <= 6; seed++) {
        ccad_schedule *s1, *s2;
        ccad_plan_options o = opts(d0, GEN_DAYS, 8);
        ccad_book_free(e->fx.b);
        TU_PASS(e->fx.ctx, ccad_book_new(&e->fx.b, e->fx.ctx, 0));
        gen_book(e, seed, GEN_N, d0);
        gen_calendar(e, d0);
        s1 = plan_o(e, &o);
        s2 = plan_o(e, &o);
        check_properties(e, s1, d0, 8, 0);
        check_days(e, s1, &o);
        tu_schedules_equal(s1, s2); /* deterministic */
        ccad_schedule_free(s1);
        ccad_schedule_free(s2);
        /* minute limit and the stretch policy keep the same properties */
        o.minutes_per_day = 300;
        o.overload = CCAD_OVERLOAD_STRETCH;
        s1 = plan_o(e, &o);
        check_properties(e, s1, d0, 8, 0);
        check_days(e, s1, &o);
        ccad_schedule_free(s1);
        /* capacity large: the same properties */
        o = opts(d0, GEN_DAYS, 1000);
        s1 = plan_o(e, &o);
        check_properties(e, s1, d0, 1000, 0);
        ccad_schedule_free(s1);
    }
}

/* FREQ: an important customer buying within urgency.week_days (Q1, one
 * contact a day) gets a contact on every working day of that week when
 * there is room (by the substitute on an absent day), whatever spare room
 * did before: an early contact must not take the place of a Q1 day. */
static void properties_q1_daily(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    uint64_t seed;
    for (seed = 1; seed <= 6; seed++) {
        ccad_schedule *s1;
        ccad_plan_options o = opts(d0, GEN_DAYS, 1000);
        ccad_book_free(e->fx.b);
        TU_PASS(e->fx.ctx, ccad_book_new(&e->fx.b, e->fx.ctx, 0));
        gen_book(e, seed, GEN_N, d0);
        gen_calendar(e, d0);
        s1 = plan_o(e, &o);
        print_message("seed %llu\n", (unsigned long long)seed);
        check_properties(e, s1, d0, 1000, 1);
        ccad_schedule_free(s1);
    }
}

/* Determinism across books built in another insertion order is not
 * promised (indices differ), but the same inputs in a fresh context give
 * the same schedule. */
static void determinism_fresh_context(void **state)
{
    env *e = *state;
    env f;
    ccad_host h;
    ccad_schedule *s1, *s2;
    ccad_plan_options o = opts(D0, GEN_DAYS, 6);
    gen_book(e, 42, GEN_N, D0);
    gen_calendar(e, D0);
    s1 = plan_o(e, &o);
    memset(&f, 0, sizeof f);
    h = tu_host(&f.fx.al);
    h.user = &f;
    h.calendar = env_calendar;
    TU_PASS(e->fx.ctx, ccad_ctx_new(&f.fx.ctx, &h));
    TU_PASS(e->fx.ctx, ccad_rules_new(&f.fx.r, f.fx.ctx));
    TU_PASS(e->fx.ctx, ccad_book_new(&f.fx.b, f.fx.ctx, 1000));
    gen_book(&f, 42, GEN_N, D0);
    gen_calendar(&f, D0);
    s2 = plan_o(&f, &o);
    tu_schedules_equal(s1, s2);
    ccad_schedule_free(s1);
    ccad_schedule_free(s2);
    ccad_book_free(f.fx.b);
    ccad_rules_free(f.fx.r);
    ccad_ctx_free(f.fx.ctx);
    assert_int_equal(f.fx.al.live, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        PLAN_TEST(properties_generated),
        PLAN_TEST(properties_q1_daily),
        PLAN_TEST(determinism_fresh_context),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
