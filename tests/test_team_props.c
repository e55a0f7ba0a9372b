/* Property tests of team planning over 60 generated teams (seeds 1..60,
 * the same on every machine): 2..5 reps in one city (planar kilometres,
 * 30 km/h), each with 10..45 customers around its base, tight visit
 * limits, urgent small customers (Q3 overflow), per-rep absences from the
 * team calendar, visit days and visit hours. Each team plan is checked:
 *
 *   capacity    no rep's contacts of a day (its own and those it carries,
 *               touches aside) over its visits_per_day, nor their service
 *               minutes over its minutes_per_day;
 *   named       every delegated item has a carrier: another rep, present
 *               that day (working, not absent);
 *   accounted   every delegated item of the reps' own plans is a team item
 *               with a carrier or a TEAM_NO_CARRIER finding, once;
 *   kept        each rep carries every contact of its own plan (nothing
 *               displaced by what it carries for others);
 *   visit_days  no in-person item on a weekday outside the customer's
 *               visit days;
 *   hours       every routed stop inside its visit hours;
 *   day_end     each carrier's stops in seq order, each starting no earlier
 *               than the previous departure + travel, and the carrier back
 *               at its base by the end of its day;
 *   order       the team added in reverse and in a shuffled order plans the
 *               same, item for item.
 *
 * checkers_catch_violations feeds altered plans to the checkers, so a
 * checker that cannot fail is caught. */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_TEAMS 60
#define MAXREP 5
#define MAXCUST 45

enum { P_CAPACITY, P_NAMED, P_ACCOUNTED, P_KEPT, P_VISIT_DAYS, P_HOURS, P_DAY_END, P_ORDER, P_N };
static const char *const prop_name[P_N] = {"capacity",   "named", "accounted", "kept",
                                           "visit_days", "hours", "day_end",   "order"};

typedef struct team_gen {
    tu_fixture fx; /* counting allocator, context, rules (testutil); no book */
    uint64_t seed;
    int n;
    ccad_book *book[MAXREP];
    ccad_rep rep[MAXREP];
    char rep_id[MAXREP][16];
    char cust_id[MAXREP][MAXCUST][32];
    int32_t away[MAXREP][4];
    int n_away[MAXREP];
    int32_t holiday;
    ccad_plan_options o;
} team_gen;

static int gen_calendar(void *user, const char *rep_id, int32_t day, uint32_t *out)
{
    const team_gen *g = user;
    int r, k;
    *out = tu_weekday(day) <= 5 ? CCAD_DAY_WORKING : 0;
    if (day == g->holiday)
        *out = CCAD_DAY_HOLIDAY;
    for (r = 0; r < g->n; r++)
        if (strcmp(g->rep_id[r], rep_id) == 0)
            for (k = 0; k < g->n_away[r]; k++)
                if (g->away[r][k] == day)
                    *out |= CCAD_DAY_ABSENT;
    return 0;
}

static void gen_customers(team_gen *g, uint64_t *s, int r, int32_t d0)
{
    int i, n = (int)tu_rng_range(s, 10, MAXCUST);
    TU_PASS(g->fx.ctx, ccad_book_new(&g->book[r], g->fx.ctx, 0));
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        int64_t k = tu_rng_range(s, 0, 99);
        snprintf(g->cust_id[r][i], sizeof g->cust_id[r][i], "%s-%02d", g->rep_id[r], i);
        c.id = g->cust_id[r][i];
        c.value = k < 20 ? tu_rng_range(s, 5000000, 50000000) : tu_rng_range(s, 0, 3000000);
        c.status = tu_rng_pct(s, 50) ? CCAD_STATUS_ACTIVE : CCAD_STATUS_PROSPECT;
        c.capable = tu_rng_pct(s, 70);
        c.last_contact = c.last_visit = d0 - (int32_t)tu_rng_range(s, 1, 30);
        c.contacts = (uint32_t)tu_rng_range(s, 1, 9);
        if (tu_rng_pct(s, 30)) /* urgent: Q1 for the big ones, Q3 for the small */
            c.purchase_date = d0 + (int32_t)tu_rng_range(s, 0, 10);
        if (tu_rng_pct(s, 10))
            c.request_date = d0 + (int32_t)tu_rng_range(s, 0, 8);
        c.has_location = tu_rng_pct(s, 95);
        c.x = g->rep[r].base_x + (double)tu_rng_range(s, -6000, 6000) / 1000.0;
        c.y = g->rep[r].base_y + (double)tu_rng_range(s, -6000, 6000) / 1000.0;
        if (tu_rng_pct(s, 25))
            c.visit_days = (uint32_t)tu_rng_range(s, 1, 31);
        if (tu_rng_pct(s, 25)) {
            c.visit_open_min = (int32_t)tu_rng_range(s, 28, 44) * 15;
            c.visit_close_min = c.visit_open_min + (int32_t)tu_rng_range(s, 2, 6) * 60;
        }
        TU_PASS(g->fx.ctx, ccad_book_add(g->book[r], &c, NULL));
    }
    TU_PASS(g->fx.ctx, ccad_book_grade(g->book[r], g->fx.r));
}

static void gen_make(team_gen *g, uint64_t seed)
{
    uint64_t s = tu_rng_seed(seed);
    ccad_host h;
    int r, k;
    int32_t d0 = tu_date("2026-03-02");
    memset(g, 0, sizeof *g);
    g->seed = seed;
    h = tu_host(&g->fx.al);
    assert_int_equal(tu_fixture_open_no_book(&g->fx, &h), 0);
    g->o = (ccad_plan_options)CCAD_PLAN_OPTIONS_INIT;
    g->o.first_day = d0 + 7 * (int32_t)tu_rng_range(&s, 0, 20);
    g->o.days = (int32_t)tu_rng_range(&s, 5, 14);
    g->o.route = 1;
    g->o.assign_days = tu_rng_pct(&s, 50);
    g->o.metric = CCAD_METRIC_PLANAR;
    g->o.scale = 1000.0;           /* kilometres, cost in metres */
    g->o.units_per_minute = 500.0; /* 30 km/h */
    g->o.effort = 5;
    g->holiday = tu_rng_pct(&s, 30) ? g->o.first_day + (int32_t)tu_rng_range(&s, 0, 4) : 0;
    g->n = (int)tu_rng_range(&s, 2, MAXREP);
    for (r = 0; r < g->n; r++) {
        ccad_rep p = CCAD_REP_INIT;
        snprintf(g->rep_id[r], sizeof g->rep_id[r], "r%d", (int)tu_rng_range(&s, 0, 999) * 10 + r);
        p.id = g->rep_id[r];
        p.base_x = (double)tu_rng_range(&s, -15, 15);
        p.base_y = (double)tu_rng_range(&s, -15, 15);
        p.visits_per_day = (int32_t)tu_rng_range(&s, 2, 8);
        p.minutes_per_day = tu_rng_pct(&s, 40) ? (int32_t)tu_rng_range(&s, 2, 6) * 60 : 0;
        p.day_start_min = (int32_t)tu_rng_range(&s, 28, 40) * 15;
        p.day_minutes = (int32_t)tu_rng_range(&s, 6, 10) * 60;
        g->rep[r] = p;
        g->n_away[r] = 0;
        if (tu_rng_pct(&s, 50)) {
            int32_t at = g->o.first_day + (int32_t)tu_rng_range(&s, 0, g->o.days - 1);
            for (k = 0; k < (int)tu_rng_range(&s, 1, 3); k++)
                g->away[r][g->n_away[r]++] = at + k;
        }
        gen_customers(g, &s, r, g->o.first_day);
    }
}

static ccad_team_schedule *gen_plan(team_gen *g, const int *order, ccad_team **out_team)
{
    ccad_team_options o = CCAD_TEAM_OPTIONS_INIT;
    ccad_team *t = NULL;
    ccad_team_schedule *ts = NULL;
    int k, rc;
    o.user = g;
    o.calendar = gen_calendar;
    TU_PASS(g->fx.ctx, ccad_team_new(&t, g->fx.ctx, &o));
    for (k = 0; k < g->n; k++)
        TU_PASS(g->fx.ctx, ccad_team_add(t, &g->rep[order[k]], g->book[order[k]]));
    rc = ccad_team_schedule_new(&ts, t, g->fx.r, &g->o);
    if (rc != CCAD_OK)
        fail_msg("seed %llu: %s", (unsigned long long)g->seed, ccad_ctx_errmsg(g->fx.ctx));
    *out_team = t;
    return ts;
}

static void gen_free(team_gen *g)
{
    int r;
    for (r = 0; r < g->n; r++)
        ccad_book_free(g->book[r]);
    assert_int_equal(tu_fixture_close(&g->fx), 0); /* fails on a leak */
}

/* ---- a team plan as plain arrays, for the checkers ---- */
typedef struct tp {
    const team_gen *g;
    const ccad_team *t;
    const ccad_team_schedule *ts;
    ccad_team_item *it;
    size_t n_it;
    size_t n_nocarrier;     /* TEAM_NO_CARRIER findings */
    size_t n_delegated;     /* delegated items of the reps' own plans */
    size_t own_rep[MAXREP]; /* BY_REP items (touches aside) of each rep's own plan */
    long count[P_N];
} tp;

static void violation(tp *p, int prop, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void violation(tp *p, int prop, const char *fmt, ...)
{
    char what[200];
    va_list ap;
    if (p->count[prop]++ < 3) {
        va_start(ap, fmt);
        vsnprintf(what, sizeof what, fmt, ap);
        va_end(ap);
        print_message("seed %llu: %s: %s\n", (unsigned long long)p->g->seed, prop_name[prop], what);
    }
}

static void rep_of(const tp *p, uint32_t index, ccad_rep *r, ccad_book **b)
{
    ccad_rep tmp = CCAD_REP_INIT;
    assert_int_equal(ccad_team_rep(p->t, index, &tmp, b), CCAD_OK);
    *r = tmp;
}

static uint32_t flags_of(const tp *p, uint32_t rep, int32_t day)
{
    uint32_t f = 0;
    assert_int_equal(ccad_team_day_flags((ccad_team *)p->t, rep, day, &f), CCAD_OK);
    return f;
}

static int32_t service_of(const tp *p, const ccad_team_item *x)
{
    static const char *const name[4] = {"route.service_a_min", "route.service_b_min",
                                        "route.service_c_min", "route.service_d_min"};
    ccad_rep r;
    ccad_book *b;
    int64_t v = 0;
    int g;
    rep_of(p, x->owner, &r, &b);
    g = ccad_book_grade_of(b, x->item.customer);
    if (g < CCAD_GRADE_A || g > CCAD_GRADE_D)
        g = CCAD_GRADE_C;
    TU_PASS(ccad_rules_ctx(p->g->fx.r), ccad_rules_get(p->g->fx.r, name[g - 1], &v));
    return (int32_t)v;
}

static ccad_customer cust_of(const tp *p, const ccad_team_item *x)
{
    ccad_rep r;
    ccad_book *b;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    rep_of(p, x->owner, &r, &b);
    TU_PASS(ccad_book_ctx(b), ccad_book_get(b, x->item.customer, &c));
    return c;
}

static void chk_capacity(tp *p)
{
    size_t i = 0;
    while (i < p->n_it) {
        size_t j = i;
        int32_t count = 0, minutes = 0;
        ccad_rep r;
        ccad_book *b;
        for (; j < p->n_it && p->it[j].item.date == p->it[i].item.date &&
               p->it[j].carrier == p->it[i].carrier;
             j++)
            if (p->it[j].item.kind != CCAD_ITEM_TOUCH) {
                count++;
                minutes += service_of(p, &p->it[j]);
            }
        rep_of(p, p->it[i].carrier, &r, &b);
        if ((r.visits_per_day > 0 && count > r.visits_per_day) ||
            (r.minutes_per_day > 0 && minutes > r.minutes_per_day))
            violation(p, P_CAPACITY, "rep %s on day %ld: %d contacts (limit %d), %d min (limit %d)",
                      r.id, (long)p->it[i].item.date, count, r.visits_per_day, minutes,
                      r.minutes_per_day);
        i = j;
    }
}

static void chk_named(tp *p)
{
    size_t i;
    for (i = 0; i < p->n_it; i++) {
        const ccad_team_item *x = &p->it[i];
        uint32_t f;
        if (x->item.delegated == CCAD_BY_REP) {
            if (x->carrier != x->owner)
                violation(p, P_NAMED, "own item carried by rep %u", x->carrier);
            continue;
        }
        if (x->carrier >= ccad_team_count(p->t) || x->carrier == x->owner) {
            violation(p, P_NAMED, "delegated item with carrier %u (owner %u)", x->carrier,
                      x->owner);
            continue;
        }
        f = flags_of(p, x->carrier, x->item.date);
        if (!(f & CCAD_DAY_WORKING) || (f & CCAD_DAY_ABSENT))
            violation(p, P_NAMED, "carrier %u not present on day %ld", x->carrier,
                      (long)x->item.date);
    }
}

static void chk_accounted_kept(tp *p)
{
    size_t i, carried = 0, own[MAXREP] = {0};
    for (i = 0; i < p->n_it; i++) {
        if (p->it[i].item.delegated != CCAD_BY_REP)
            carried++;
        else if (p->it[i].item.kind != CCAD_ITEM_TOUCH)
            own[p->it[i].owner]++;
    }
    if (carried + p->n_nocarrier != p->n_delegated)
        violation(p, P_ACCOUNTED, "%lu carried + %lu without carrier != %lu delegated",
                  (unsigned long)carried, (unsigned long)p->n_nocarrier,
                  (unsigned long)p->n_delegated);
    for (i = 0; i < ccad_team_count(p->t); i++)
        if (own[i] != p->own_rep[i])
            violation(p, P_KEPT, "rep %lu carries %lu of its own %lu contacts", (unsigned long)i,
                      (unsigned long)own[i], (unsigned long)p->own_rep[i]);
}

static void chk_visit_days_hours(tp *p)
{
    size_t i;
    for (i = 0; i < p->n_it; i++) {
        const ccad_team_item *x = &p->it[i];
        ccad_customer c = cust_of(p, x);
        int k = x->item.kind;
        if ((k == CCAD_ITEM_VISIT || k == CCAD_ITEM_PERSIST || k == CCAD_ITEM_CARE) &&
            c.visit_days != 0 && !(c.visit_days & (1u << (tu_weekday(x->item.date) - 1))))
            violation(p, P_VISIT_DAYS, "%s on weekday %d", c.id, tu_weekday(x->item.date));
        if (x->item.seq > 0 &&
            (x->item.eta_min < c.visit_open_min || x->item.depart_min > c.visit_close_min))
            violation(p, P_HOURS, "%s served %d..%d, hours %d..%d", c.id, (int)x->item.eta_min,
                      (int)x->item.depart_min, (int)c.visit_open_min, (int)c.visit_close_min);
    }
}

/* Minutes from a customer back to a base, as the planner's PLANAR legs. */
static int32_t back_leg(const tp *p, const ccad_customer *c, const ccad_rep *r)
{
    double x = c->has_location ? c->x : r->base_x, y = c->has_location ? c->y : r->base_y;
    double cost = floor(
        sqrt((x - r->base_x) * (x - r->base_x) + (y - r->base_y) * (y - r->base_y)) *
            p->g->o.scale +
        0.5);
    return (int32_t)ceil(cost / p->g->o.units_per_minute);
}

static void chk_day_end(tp *p)
{
    size_t i;
    int32_t next = 1, prev_depart = 0;
    for (i = 0; i < p->n_it; i++) {
        const ccad_team_item *x = &p->it[i];
        ccad_rep r;
        ccad_book *b;
        int last;
        if (x->item.seq <= 0)
            continue;
        rep_of(p, x->carrier, &r, &b);
        if (x->item.seq == 1) {
            next = 1;
            prev_depart = r.day_start_min;
        }
        if (x->item.seq != next)
            violation(p, P_DAY_END, "stop %d where %d was expected", (int)x->item.seq, (int)next);
        if (x->item.eta_min < prev_depart + x->item.travel_min)
            violation(p, P_DAY_END, "stop %d starts %d before %d + %d", (int)x->item.seq,
                      (int)x->item.eta_min, (int)prev_depart, (int)x->item.travel_min);
        next = x->item.seq + 1;
        prev_depart = x->item.depart_min;
        last = i + 1 == p->n_it || p->it[i + 1].item.seq <= 1 ||
               p->it[i + 1].carrier != x->carrier || p->it[i + 1].item.date != x->item.date;
        if (last) {
            ccad_customer c = cust_of(p, x);
            int32_t back = x->item.depart_min + back_leg(p, &c, &r);
            if (back > r.day_start_min + r.day_minutes)
                violation(p, P_DAY_END, "rep %s back at %d after its day's end %d on day %ld", r.id,
                          (int)back, (int)(r.day_start_min + r.day_minutes), (long)x->item.date);
        }
    }
}

static void tp_load(tp *p, const team_gen *g, const ccad_team *t, const ccad_team_schedule *ts)
{
    size_t i, r;
    memset(p, 0, sizeof *p);
    p->g = g;
    p->t = t;
    p->ts = ts;
    p->n_it = ccad_team_schedule_item_count(ts);
    p->it = calloc(p->n_it + 1, sizeof *p->it);
    assert_non_null(p->it);
    for (i = 0; i < p->n_it; i++) {
        p->it[i] = (ccad_team_item)CCAD_TEAM_ITEM_INIT;
        TU_PASS(g->fx.ctx, ccad_team_schedule_item(ts, i, &p->it[i]));
    }
    for (i = 0; i < ccad_team_schedule_finding_count(ts); i++) {
        ccad_team_finding f = CCAD_TEAM_FINDING_INIT;
        TU_PASS(g->fx.ctx, ccad_team_schedule_finding(ts, i, &f));
        p->n_nocarrier += f.finding.reason_count > 0 &&
                          f.finding.reasons[0].why == CCAD_WHY_TEAM_NO_CARRIER;
    }
    for (r = 0; r < ccad_team_count(t); r++) {
        const ccad_schedule *s = ccad_team_schedule_rep(ts, r);
        for (i = 0; i < ccad_schedule_item_count(s); i++) {
            ccad_item it = tu_item(s, i);
            if (it.delegated != CCAD_BY_REP)
                p->n_delegated++;
            else if (it.kind != CCAD_ITEM_TOUCH)
                p->own_rep[r]++;
        }
    }
}

static void tp_check(tp *p)
{
    chk_capacity(p);
    chk_named(p);
    chk_accounted_kept(p);
    chk_visit_days_hours(p);
    chk_day_end(p);
}

static void team_properties(void **state)
{
    long total[P_N] = {0}, delegated = 0, carried = 0, missed = 0;
    uint64_t seed;
    int k;
    (void)state;
    for (seed = 1; seed <= N_TEAMS; seed++) {
        team_gen g;
        tp p;
        ccad_team *t1, *t2, *t3;
        ccad_team_schedule *a, *b, *c;
        int fwd[MAXREP], rev[MAXREP], mix[MAXREP], r;
        gen_make(&g, seed);
        for (r = 0; r < g.n; r++) {
            fwd[r] = r;
            rev[r] = g.n - 1 - r;
            mix[r] = (r * 2 + 1) % g.n;
        }
        if (g.n % 2 == 0) /* (r*2+1) mod n is a permutation only for odd n */
            for (r = 0; r < g.n; r++)
                mix[r] = (r + 1) % g.n;
        a = gen_plan(&g, fwd, &t1);
        b = gen_plan(&g, rev, &t2);
        c = gen_plan(&g, mix, &t3);
        tp_load(&p, &g, t1, a);
        tp_check(&p);
        if (!tu_team_same(a, b) || !tu_team_same(a, c))
            violation(&p, P_ORDER, "the plan depends on the order reps were added in");
        delegated += (long)p.n_delegated;
        missed += (long)p.n_nocarrier;
        carried += (long)(p.n_delegated - p.n_nocarrier);
        for (k = 0; k < P_N; k++)
            total[k] += p.count[k];
        free(p.it);
        ccad_team_schedule_free(a);
        ccad_team_schedule_free(b);
        ccad_team_schedule_free(c);
        ccad_team_free(t1);
        ccad_team_free(t2);
        ccad_team_free(t3);
        gen_free(&g);
    }
    print_message("%d teams: %ld delegated items, %ld carried by a named teammate, %ld without\n",
                  N_TEAMS, delegated, carried, missed);
    for (k = 0; k < P_N; k++) {
        print_message("  %-10s %ld violations\n", prop_name[k], total[k]);
        assert_int_equal(total[k], 0);
    }
    assert_true(carried > 50); /* the generator does make teammates carry work */
    assert_true(missed > 0);   /* ... and days when nobody has room */
}

/* The checkers fire on altered plans. */
static void checkers_catch_violations(void **state)
{
    team_gen g;
    tp p;
    ccad_team *t;
    ccad_team_schedule *a;
    int fwd[MAXREP] = {0, 1, 2, 3, 4};
    size_t i, del = SIZE_MAX, routed = SIZE_MAX;
    uint64_t seed;
    (void)state;
    for (seed = 1; seed <= N_TEAMS && (del == SIZE_MAX || routed == SIZE_MAX); seed++) {
        gen_make(&g, seed);
        a = gen_plan(&g, fwd, &t);
        tp_load(&p, &g, t, a);
        del = routed = SIZE_MAX;
        for (i = 0; i < p.n_it; i++) {
            if (p.it[i].item.delegated != CCAD_BY_REP && p.it[i].item.seq > 0)
                del = routed = i;
        }
        if (del == SIZE_MAX || routed == SIZE_MAX) {
            free(p.it);
            ccad_team_schedule_free(a);
            ccad_team_free(t);
            gen_free(&g);
        }
    }
    assert_true(del != SIZE_MAX);
    tp_check(&p);
    for (i = 0; i < P_N; i++)
        assert_int_equal(p.count[i], 0);
    /* a carried stop handed back to its owner */
    p.it[del].carrier = p.it[del].owner;
    chk_named(&p);
    assert_true(p.count[P_NAMED] > 0);
    /* ... and counted as the owner's own contact */
    p.it[del].item.delegated = CCAD_BY_REP;
    chk_accounted_kept(&p);
    assert_true(p.count[P_ACCOUNTED] > 0);
    assert_true(p.count[P_KEPT] > 0);
    /* a stop served after its hours close and after the day's end */
    p.it[routed].item.depart_min = 2000;
    chk_visit_days_hours(&p);
    assert_true(p.count[P_HOURS] > 0);
    chk_day_end(&p);
    assert_true(p.count[P_DAY_END] > 0);
    /* a carrier over its limit: copy one of its items many times */
    {
        size_t n = p.n_it, k;
        ccad_team_item *more = realloc(p.it, (n + 10) * sizeof *more);
        assert_non_null(more);
        p.it = more;
        for (k = 0; k < 10; k++) {
            memmove(&p.it[routed + 1], &p.it[routed], (p.n_it - routed) * sizeof *p.it);
            p.n_it++;
        }
        chk_capacity(&p);
        assert_true(p.count[P_CAPACITY] > 0);
    }
    free(p.it);
    ccad_team_schedule_free(a);
    ccad_team_free(t);
    gen_free(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(team_properties),
        cmocka_unit_test(checkers_catch_violations),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
