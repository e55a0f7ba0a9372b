/* The planner's insertion tests on a day route, against the place-by-place
 * walk they replace (lib/plan/dayroute.c, lib/plan/insertion.c):
 *
 * - ccad__route_fit, which reads the stop's row of the kept legs, finds the
 *   place and cost of ccad__route_fit_skip without a stop skipped, and asks
 *   for the very same legs: a twin plan walking place by place ends with
 *   the same table of kept legs after every question;
 * - an insertion table (ccad__ins_fill) gives, for every stop taken out,
 *   the place and cost of ccad__route_fit_skip and the saving of
 *   ccad__route_saving, with the kept legs and without them (plan->legs
 *   NULL, as for large books);
 * - no place adds less than -room_margin minutes, the bound the weekly
 *   assignment's early refusal of a swap relies on (assign.c).
 *
 * Over generated days: PLANAR and GEO points around a base, many on a few
 * shared spots, at the base or without a location (ties of legs and
 * costs); services by grade; visit hours from the whole day to narrow
 * windows; speeds from fast to one that rounds every leg; routes built by
 * cheapest feasible insertion, and some by insertion at random places, so
 * that late and infeasible routes are asked too. */
#include "testutil.h"

#include "../lib/plan/insertion.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define POINTS_MAX 40
#define STOPS_MAX 48
#define ROUNDS 160

/* One generated day: its book, customers, stops and two plans over them,
 * alike but for their tables of kept legs and unit vectors. */
struct day {
    ccad_plan_options o;
    struct ccad_book book;
    struct ccad_schedule sched;
    struct plan plan, twin;
    int64_t v[P__COUNT];
    struct cust cw[POINTS_MAX];
    struct item_rec items[STOPS_MAX];
    struct dayroute route;
};

static void gen_customers(uint64_t *s, struct day *d, uint32_t n)
{
    double span = d->o.metric == CCAD_METRIC_GEO ? 0.2 : 20.0, sx[3], sy[3];
    uint32_t i;
    int k;
    for (k = 0; k < 3; k++) {
        sx[k] = d->o.base_x + (tu_rng_unit(s) - 0.5) * span;
        sy[k] = d->o.base_y + (tu_rng_unit(s) - 0.5) * span;
    }
    for (i = 0; i < n; i++) {
        struct cust *c = &d->cw[i];
        int r = (int)tu_rng_pick(s, 0, 9), hours = (int)tu_rng_pick(s, 0, 3);
        memset(c, 0, sizeof *c);
        c->bits = r == 5 ? 0 : CB_HAS_LOC; /* 5: no location, counted at the base */
        c->x = r <= 2 ? sx[r] : r == 4 ? d->o.base_x : d->o.base_x + (tu_rng_unit(s) - 0.5) * span;
        c->y = r <= 2 ? sy[r] : r == 4 ? d->o.base_y : d->o.base_y + (tu_rng_unit(s) - 0.5) * span;
        c->grade_manual = (uint8_t)tu_rng_pick(s, CCAD_GRADE_A, CCAD_GRADE_D);
        c->open_min = 0;
        c->close_min = 1440;
        if (hours > 1) { /* a window of one to eight hours */
            c->open_min = (uint16_t)tu_rng_pick(s, 420, 900);
            c->close_min = (uint16_t)(c->open_min + 60 * tu_rng_pick(s, 1, 8));
        }
    }
}

static void setup(uint64_t *s, ccad_ctx *ctx, struct day *d, int round)
{
    static const double speeds[] = {500.0, 83.0, 1.0};
    uint32_t n = (uint32_t)tu_rng_pick(s, 2, POINTS_MAX);
    int g;
    ccad_plan_options z = CCAD_PLAN_OPTIONS_INIT;
    memset(d, 0, sizeof *d);
    d->o = z;
    d->o.route = 1;
    d->o.metric = round % 3 == 2 ? CCAD_METRIC_PLANAR : CCAD_METRIC_GEO;
    d->o.scale = 1000.0;
    d->o.base_x = d->o.metric == CCAD_METRIC_GEO ? 121.4 : 0.0;
    d->o.base_y = d->o.metric == CCAD_METRIC_GEO ? 31.2 : 0.0;
    d->o.units_per_minute = speeds[(round / 3) % 3];
    d->o.day_start_min = (int32_t)tu_rng_pick(s, 420, 540);
    gen_customers(s, d, n);
    for (g = 0; g < 4; g++)
        d->v[P_SERVICE_A + g] = tu_rng_pick(s, 5, 60);
    d->book.n = n;
    d->sched.ctx = ctx;
    d->sched.items = d->items;
    d->plan.b = &d->book;
    d->plan.s = &d->sched;
    d->plan.cw = d->cw;
    d->plan.v = d->v;
    d->plan.o = &d->o;
    d->plan.day_end = d->o.day_start_min + (int32_t)tu_rng_pick(s, 300, 720);
    d->plan.room_margin = 2 + (int32_t)ceil(1.0 / d->o.units_per_minute); /* as schedule.c */
    d->twin = d->plan;
    TU_PASS(ctx, ccad__plan_legs_init(&d->plan));
    TU_PASS(ctx, ccad__plan_legs_init(&d->twin));
}

/* Stops for random customers: at their cheapest feasible place (none:
 * left out), or, when `anywhere`, at a random place. */
static void build_route(uint64_t *s, struct day *d, int anywhere)
{
    uint32_t want = (uint32_t)tu_rng_pick(s, 0, STOPS_MAX), k;
    for (k = 0; k < want; k++) {
        uint32_t c = (uint32_t)tu_rng_pick(s, 0, (int64_t)d->book.n - 1), pos;
        int32_t cost;
        d->items[k].customer = c;
        d->items[k].svc = (uint16_t)ccad__plan_service(&d->plan, c);
        if (anywhere)
            pos = (uint32_t)tu_rng_pick(s, 0, d->route.n);
        else
            TU_PASS(d->sched.ctx,
                    ccad__route_fit_skip(&d->plan, &d->route, UINT32_MAX, c, &pos, &cost));
        if (pos != UINT32_MAX && d->route.n + 1 < CCAD_INS_PLACES)
            TU_PASS(d->sched.ctx, ccad__route_insert(&d->plan, &d->route, k, pos));
    }
}

/* ccad__route_fit on plan against the walk on twin, the kept legs after. */
static void whole_fit_same(struct day *d, uint32_t c)
{
    uint32_t got_pos, want_pos;
    int32_t got, want;
    size_t cells = (d->book.n + 1) * (d->book.n + 1);
    TU_PASS(d->sched.ctx, ccad__route_fit(&d->plan, &d->route, c, &got_pos, &got));
    TU_PASS(d->sched.ctx,
            ccad__route_fit_skip(&d->twin, &d->route, UINT32_MAX, c, &want_pos, &want));
    assert_int_equal(got_pos, want_pos);
    assert_int_equal(got, want);
    assert_memory_equal(d->plan.legs, d->twin.legs, cells * sizeof *d->plan.legs);
}

/* The twin's kept legs made the plan's again (the tables ask for legs of
 * their own). */
static void twin_sync(struct day *d)
{
    size_t cells = (d->book.n + 1) * (d->book.n + 1);
    memcpy(d->twin.legs, d->plan.legs, cells * sizeof *d->plan.legs);
}

/* The table of c's stop against the walk for every stop taken out; the
 * count of feasible places found into *found. */
static void table_same(struct day *d, const struct plan *plan, uint32_t c, long *found)
{
    struct ccad__ins ins;
    uint32_t skip;
    TU_PASS(d->sched.ctx, ccad__ins_fill(plan, &d->route, 0, c, &ins));
    for (skip = 0; skip < d->route.n; skip++) {
        uint32_t got_pos, want_pos;
        int32_t got, want, got_saving, want_saving;
        TU_PASS(d->sched.ctx,
                ccad__ins_fit_skip(plan, &d->route, &ins, skip, &got_pos, &got, &got_saving));
        TU_PASS(d->sched.ctx, ccad__route_fit_skip(plan, &d->route, skip, c, &want_pos, &want));
        TU_PASS(d->sched.ctx, ccad__route_saving(plan, &d->route, skip, &want_saving));
        assert_int_equal(got_pos, want_pos);
        assert_int_equal(got, want);
        assert_int_equal(got_saving, want_saving);
        if (want_pos != UINT32_MAX) {
            assert_true(want >= -plan->room_margin); /* assign.c's early refusal */
            (*found)++;
        }
    }
}

static void fits_equal_the_walk(void **state)
{
    ccad_ctx *ctx = NULL;
    uint64_t s = tu_rng_seed(44);
    long asked = 0, found = 0, stops = 0;
    int round;
    (void)state;
    assert_int_equal(ccad_ctx_new(&ctx, NULL), CCAD_OK);
    for (round = 0; round < ROUNDS; round++) {
        static struct day d;
        struct plan bare;
        uint32_t c;
        setup(&s, ctx, &d, round);
        build_route(&s, &d, round % 4 == 3);
        twin_sync(&d);
        assert_true(ccad__ins_usable(&d.plan, &d.route));
        bare = d.plan;
        bare.legs = NULL; /* every leg computed afresh */
        for (c = 0; c < d.book.n; c++) {
            whole_fit_same(&d, c);
            table_same(&d, &d.plan, c, &found);
            table_same(&d, &bare, c, &found);
            twin_sync(&d);
            asked++;
        }
        stops += d.route.n;
        ccad__route_free(ctx, &d.route);
        ccad__free(ctx, d.plan.legs);
        ccad__free(ctx, d.plan.unit);
        ccad__free(ctx, d.twin.legs);
        ccad__free(ctx, d.twin.unit);
    }
    print_message("plan-fit days=%d stops=%ld asked=%ld found=%ld\n", ROUNDS, stops, asked, found);
    /* the days must hold stops and places for the comparison to say much */
    assert_true(stops > ROUNDS * 8);
    assert_true(found > asked * 2);
    ccad_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fits_equal_the_walk),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
