/* The planner's legs (lib/plan/dayroute.c): with routes on, a GEO leg is
 * computed from unit vectors kept per customer for the whole plan
 * (plan->unit) instead of four sines and cosines per leg. Every leg must
 * keep its exact value: over generated books (points around a city, many
 * of them on the same spot or at the base, some without a location,
 * speeds from walking pace to ones that clamp legs at the 100,000-minute
 * ceiling) each leg, in both directions and again from the kept table,
 * equals the reference computed here from ccad__straight_cost, the route
 * solver's own cost: ceil(cost / units_per_minute), at most 100,000.
 * PLANAR legs (no unit vectors kept) are checked the same way. */
#include "testutil.h"

#include "../lib/plan/plan.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define POINTS_MAX 160

static int32_t reference_leg(const ccad_plan_options *o, const struct cust *cw, uint32_t a,
                             uint32_t b)
{
    double x1 = o->base_x, y1 = o->base_y, x2 = o->base_x, y2 = o->base_y, m;
    if (a != UINT32_MAX && (cw[a].bits & CB_HAS_LOC)) {
        x1 = cw[a].x;
        y1 = cw[a].y;
    }
    if (b != UINT32_MAX && (cw[b].bits & CB_HAS_LOC)) {
        x2 = cw[b].x;
        y2 = cw[b].y;
    }
    m = (double)ccad__straight_cost(o->metric, o->scale, x1, y1, x2, y2) / o->units_per_minute;
    return m > 100000.0 ? 100000 : (int32_t)ceil(m);
}

/* n customers: a few spots shared by many, the base itself, no location. */
static void gen_points(uint64_t *s, const ccad_plan_options *o, struct cust *cw, uint32_t n)
{
    double spot_x[4], spot_y[4], span = o->metric == CCAD_METRIC_GEO ? 0.3 : 30.0;
    uint32_t i;
    int k;
    for (k = 0; k < 4; k++) {
        spot_x[k] = o->base_x + (tu_rng_unit(s) - 0.5) * span;
        spot_y[k] = o->base_y + (tu_rng_unit(s) - 0.5) * span;
    }
    for (i = 0; i < n; i++) {
        int r = (int)tu_rng_pick(s, 0, 9);
        memset(&cw[i], 0, sizeof cw[i]);
        cw[i].bits = CB_HAS_LOC;
        if (r <= 3) { /* on a shared spot: ties */
            cw[i].x = spot_x[r];
            cw[i].y = spot_y[r];
        } else if (r == 4) {
            cw[i].x = o->base_x;
            cw[i].y = o->base_y;
        } else if (r == 5) {
            cw[i].bits = 0; /* no location: counted at the base */
        } else {
            cw[i].x = o->base_x + (tu_rng_unit(s) - 0.5) * span;
            cw[i].y = o->base_y + (tu_rng_unit(s) - 0.5) * span;
        }
    }
}

static void legs_equal_reference(void **state)
{
    static const double speeds[] = {500.0, 83.0, 1.0, 0.01};
    static struct cust cw[POINTS_MAX];
    ccad_ctx *ctx = NULL;
    uint64_t s = tu_rng_seed(18);
    int round;
    size_t legs = 0;
    (void)state;
    assert_int_equal(ccad_ctx_new(&ctx, NULL), CCAD_OK);
    for (round = 0; round < 48; round++) {
        ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
        struct ccad_book book;
        struct ccad_schedule sched;
        struct plan plan;
        uint32_t n = (uint32_t)tu_rng_pick(&s, 1, POINTS_MAX), a, b;
        o.route = 1;
        o.metric = round % 4 == 3 ? CCAD_METRIC_PLANAR : CCAD_METRIC_GEO;
        o.scale = 1000.0;
        o.base_x = o.metric == CCAD_METRIC_GEO ? 121.4 : 0.0;
        o.base_y = o.metric == CCAD_METRIC_GEO ? 31.2 : 0.0;
        o.units_per_minute = speeds[round % 4 == 3 ? 0 : (round / 4) % 4];
        gen_points(&s, &o, cw, n);
        memset(&book, 0, sizeof book);
        memset(&sched, 0, sizeof sched);
        memset(&plan, 0, sizeof plan);
        book.n = n;
        sched.ctx = ctx;
        plan.b = &book;
        plan.s = &sched;
        plan.cw = cw;
        plan.o = &o;
        assert_int_equal(ccad__plan_legs_init(&plan), CCAD_OK);
        assert_true((plan.unit != NULL) == (o.metric == CCAD_METRIC_GEO));
        assert_non_null(plan.legs);
        for (a = 0; a <= n; a++)
            for (b = 0; b <= n; b++) {
                uint32_t ia = a == n ? UINT32_MAX : a, ib = b == n ? UINT32_MAX : b;
                int32_t want = reference_leg(&o, cw, ia, ib), got = -1, kept = -1;
                assert_int_equal(ccad__plan_leg_compute(&plan, ia, ib, &got), CCAD_OK);
                assert_int_equal(got, want);
                assert_int_equal(ccad__plan_leg(&plan, ib, ia, &kept), CCAD_OK);
                assert_int_equal(kept, want);
                legs++;
            }
        ccad__free(ctx, plan.legs);
        ccad__free(ctx, plan.unit);
    }
    print_message("plan-legs legs=%lu\n", (unsigned long)legs);
    ccad_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(legs_equal_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
