/* Routes with time windows, every error path: each bad argument gives its
 * code and changes nothing. Helpers: tests/route_env_tw.h. */
#include "route_env_tw.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- errors: each case changes nothing ---- */

static double big_x[CCAD_ROUTE_TW_MAX_POINTS + 1], big_y[CCAD_ROUTE_TW_MAX_POINTS + 1];

struct errfix {
    tu_alloc al;
    ccad_ctx *ctx, *use;
    double x[4], y[4];
    const double *px, *py;
    size_t n;
    ccad_route_options o;
    const ccad_route_options *po;
    ccad_route_times t;
    const ccad_route_times *pt;
    int32_t open[4], close[4], svc[4];
    uint32_t order[4], *porder;
    int32_t starts[4];
    int64_t cost;
};

static void err_begin(struct errfix *F)
{
    size_t i;
    ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
    ccad_route_times t = CCAD_ROUTE_TIMES_INIT;
    memset(F, 0, sizeof *F);
    F->ctx = F->use = tw_new_ctx(&F->al);
    for (i = 0; i < 4; i++) {
        F->x[i] = (double)i * 1000;
        F->y[i] = 0;
        F->open[i] = 500;
        F->close[i] = 900;
        F->svc[i] = 10;
    }
    F->px = F->x;
    F->py = F->y;
    F->n = 4;
    F->o = o;
    F->po = &F->o;
    F->t = t;
    F->t.open_min = F->open;
    F->t.close_min = F->close;
    F->t.service_min = F->svc;
    F->pt = &F->t;
    F->porder = F->order;
    memset(F->order, SENT, sizeof F->order);
    memset(F->starts, SENT, sizeof F->starts);
    F->cost = -99;
}

static void err_check(struct errfix *F, int code)
{
    uint32_t so[4];
    int32_t ss[4];
    if (F->use != NULL) {
        TU_FAIL(F->ctx,
                ccad_route_solve_tw(F->use, F->px, F->py, F->n, F->po, F->pt, F->porder, F->starts,
                                    &F->cost),
                code);
    } else {
        assert_int_equal(ccad_route_solve_tw(NULL, F->px, F->py, F->n, F->po, F->pt, F->porder,
                                             F->starts, &F->cost),
                         code);
    }
    memset(so, SENT, sizeof so);
    memset(ss, SENT, sizeof ss);
    assert_memory_equal(F->order, so, sizeof so);
    assert_memory_equal(F->starts, ss, sizeof ss);
    assert_int_equal(F->cost, -99);
    ccad_ctx_free(F->ctx);
    assert_int_equal(F->al.live, 0);
}

#define ERR_CASE(name, code, setup) \
    static void name(void **state) \
    { \
        struct errfix F; \
        (void)state; \
        err_begin(&F); \
        setup; \
        err_check(&F, code); \
    }

ERR_CASE(err_null_ctx, CCAD_EINVAL, F.use = NULL)
ERR_CASE(err_null_x, CCAD_EINVAL, F.px = NULL)
ERR_CASE(err_null_y, CCAD_EINVAL, F.py = NULL)
ERR_CASE(err_null_order, CCAD_EINVAL, F.porder = NULL)
ERR_CASE(err_options_size, CCAD_EVERSION, F.o.size = 8)
ERR_CASE(err_times_size, CCAD_EVERSION, F.t.size = (uint32_t)sizeof F.t + 8)
ERR_CASE(err_no_points, CCAD_ERANGE, F.n = 0)
ERR_CASE(err_too_many_points, CCAD_ERANGE,
         (F.px = big_x, F.py = big_y, F.n = CCAD_ROUTE_TW_MAX_POINTS + 1))
ERR_CASE(err_metric, CCAD_EINVAL, F.o.metric = 9)
ERR_CASE(err_open_tour, CCAD_EINVAL, F.o.closed = 0)
ERR_CASE(err_effort, CCAD_ERANGE, F.o.effort = -1)
ERR_CASE(err_scale, CCAD_ERANGE, F.o.scale = 0)
ERR_CASE(err_coordinate, CCAD_ERANGE, F.x[2] = NAN)
ERR_CASE(err_geo_latitude, CCAD_ERANGE, (F.o.metric = CCAD_METRIC_GEO, F.y[1] = 91))
ERR_CASE(err_open_after_close, CCAD_ERANGE, (F.open[2] = 700, F.close[2] = 600))
ERR_CASE(err_open_negative, CCAD_ERANGE, F.open[1] = -1)
ERR_CASE(err_close_past_midnight, CCAD_ERANGE, F.close[3] = 1441)
ERR_CASE(err_service_negative, CCAD_ERANGE, F.svc[1] = -5)
ERR_CASE(err_service_too_long, CCAD_ERANGE, F.svc[2] = 1441)
ERR_CASE(err_start_negative, CCAD_ERANGE, F.t.start_min = -1)
ERR_CASE(err_end_before_start, CCAD_ERANGE, (F.t.start_min = 600, F.t.end_min = 599))
ERR_CASE(err_end_past_midnight, CCAD_ERANGE, F.t.end_min = 1441)
ERR_CASE(err_speed_zero, CCAD_ERANGE, F.t.units_per_minute = 0)
ERR_CASE(err_speed_nan, CCAD_ERANGE, F.t.units_per_minute = NAN)
ERR_CASE(err_host_no_callback, CCAD_ENOTSUP, F.o.metric = CCAD_METRIC_HOST)

static void err_host_callback_fails(void **state)
{
    struct host_user u;
    struct errfix F;
    (void)state;
    memset(&u, 0, sizeof u);
    err_begin(&F);
    ccad_ctx_free(F.ctx);
    F.ctx = F.use = host_ctx(&u);
    F.o.metric = CCAD_METRIC_HOST;
    u.fail_at = 5;
    TU_FAIL(F.ctx, ccad_route_solve_tw(F.ctx, F.x, F.y, 4, &F.o, &F.t, F.order, F.starts, &F.cost),
            CCAD_ECALLBACK);
    assert_int_equal(F.cost, -99);
    assert_int_equal(F.order[0], (uint32_t)0x5A5A5A5Au);
    ccad_ctx_free(F.ctx);
    assert_int_equal(u.al.live, 0);
}

static void err_ignored_entries(void **state)
{
    struct errfix F;
    (void)state;
    err_begin(&F);
    /* entry [0] of every array is ignored, as is the speed for HOST */
    F.open[0] = -50;
    F.close[0] = 5000;
    F.svc[0] = -1;
    TU_PASS(F.ctx, ccad_route_solve_tw(F.ctx, F.x, F.y, 4, &F.o, &F.t, F.order, F.starts, &F.cost));
    assert_perm(F.order, 4);
    ccad_ctx_free(F.ctx);
    assert_int_equal(F.al.live, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(err_null_ctx),
        cmocka_unit_test(err_null_x),
        cmocka_unit_test(err_null_y),
        cmocka_unit_test(err_null_order),
        cmocka_unit_test(err_options_size),
        cmocka_unit_test(err_times_size),
        cmocka_unit_test(err_no_points),
        cmocka_unit_test(err_too_many_points),
        cmocka_unit_test(err_metric),
        cmocka_unit_test(err_open_tour),
        cmocka_unit_test(err_effort),
        cmocka_unit_test(err_scale),
        cmocka_unit_test(err_coordinate),
        cmocka_unit_test(err_geo_latitude),
        cmocka_unit_test(err_open_after_close),
        cmocka_unit_test(err_open_negative),
        cmocka_unit_test(err_close_past_midnight),
        cmocka_unit_test(err_service_negative),
        cmocka_unit_test(err_service_too_long),
        cmocka_unit_test(err_start_negative),
        cmocka_unit_test(err_end_before_start),
        cmocka_unit_test(err_end_past_midnight),
        cmocka_unit_test(err_speed_zero),
        cmocka_unit_test(err_speed_nan),
        cmocka_unit_test(err_host_no_callback),
        cmocka_unit_test(err_host_callback_fails),
        cmocka_unit_test(err_ignored_entries),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
