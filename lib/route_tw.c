/* Routes with time windows: ccad__tw_solve (the exact solver up to
 * TW_EXACT_MAX stops, route_tw_exact.c; the local search beyond,
 * route_tw_search.c) and the public ccad_route_solve_tw, which checks its
 * arguments, builds the matrix of whole travel minutes and reports times. */
#include "route_tw.h"

#include <math.h>
#include <string.h>

int ccad__tw_solve(ccad_ctx *ctx, const struct ccad__tw *p, const uint32_t *hint, uint64_t seed,
                   uint32_t *order, int32_t *out_back)
{
    return ccad__tw_solve_in(ctx, p, hint, seed, NULL, order, out_back);
}

int ccad__tw_solve_in(ccad_ctx *ctx, const struct ccad__tw *p, const uint32_t *hint, uint64_t seed,
                      struct ccad__tw_scratch *scratch, uint32_t *order, int32_t *out_back)
{
    struct tw_key key;
    int rc;
    if (p->n <= 1) {
        order[0] = 0;
        *out_back = p->start;
        return CCAD_OK;
    }
    if (p->n - 1 <= (p->exact_max > 0 && p->exact_max < TW_EXACT_MAX ? p->exact_max : TW_EXACT_MAX))
        rc = ccad__tw_exact_in(ctx, p, scratch, order, &key);
    else
        rc = ccad__tw_search(ctx, p, hint, seed, order, &key);
    if (rc != CCAD_OK)
        return rc;
    /* a feasible return is at most p->end, so it fits */
    *out_back = key.late == 0 ? (int32_t)key.back : -1;
    return CCAD_OK;
}

static int check_times(ccad_ctx *ctx, const char *fn, const ccad_route_times *t, size_t n,
                       int metric)
{
    size_t i;
    if (t->start_min < 0 || t->start_min > 1440 || t->end_min < t->start_min || t->end_min > 1440)
        return ccad__fail(ctx, CCAD_ERANGE,
                          "%s: start_min %ld and end_min %ld: expected 0 <= start <= end <= 1440",
                          fn, (long)t->start_min, (long)t->end_min);
    if (metric != CCAD_METRIC_HOST && (!isfinite(t->units_per_minute) || t->units_per_minute <= 0))
        return ccad__fail(ctx, CCAD_ERANGE, "%s: units_per_minute must be finite and above 0", fn);
    for (i = 1; i < n; i++) {
        int32_t op = t->open_min ? t->open_min[i] : 0, cl = t->close_min ? t->close_min[i] : 1440;
        int32_t sv = t->service_min ? t->service_min[i] : 0;
        if (op < 0 || op > cl || cl > 1440)
            return ccad__fail(ctx, CCAD_ERANGE,
                              "%s: point %lu: window %ld..%ld, expected 0 <= open <= close <= 1440",
                              fn, (unsigned long)i, (long)op, (long)cl);
        if (sv < 0 || sv > 1440)
            return ccad__fail(ctx, CCAD_ERANGE,
                              "%s: point %lu: service %ld minutes, expected 0..1440", fn,
                              (unsigned long)i, (long)sv);
    }
    return CCAD_OK;
}

/* The minutes matrix (PLANAR and GEO: ceil(cost / speed), at most 100000,
 * as the planner counts legs; HOST: the callback) and the windows with their
 * defaults, into the arrays of p. */
static int fill(ccad_ctx *ctx, const double *x, const double *y, const ccad_route_options *o,
                const ccad_route_times *t, struct ccad__tw *p, int32_t *mat, int32_t *win)
{
    size_t n = p->n, i, j;
    int32_t *op = win, *cl = win + n, *sv = win + 2 * n;
    for (i = 0; i < n; i++) {
        op[i] = i > 0 && t->open_min ? t->open_min[i] : 0;
        cl[i] = i > 0 && t->close_min ? t->close_min[i] : 1440;
        sv[i] = i > 0 && t->service_min ? t->service_min[i] : 0;
    }
    p->minutes = mat;
    p->open = op;
    p->close = cl;
    p->service = sv;
    p->start = t->start_min;
    p->end = t->end_min;
    if (o->metric == CCAD_METRIC_HOST)
        return ccad__route_host_matrix(ctx, x, y, n, mat);
    for (i = 0; i < n; i++) {
        mat[i * n + i] = 0;
        for (j = i + 1; j < n; j++) {
            double m = (double)ccad__straight_cost(o->metric, o->scale, x[i], y[i], x[j], y[j]) /
                       t->units_per_minute;
            mat[i * n + j] = mat[j * n + i] = m > 100000.0 ? 100000 : (int32_t)ceil(m);
        }
    }
    return CCAD_OK;
}

static int32_t clamp32(int64_t v) { return v > INT32_MAX ? INT32_MAX : (int32_t)v; }

/* Service starts by point (the base: the departure) and the travel. */
static int64_t times_of(const struct ccad__tw *p, const uint32_t *order, int32_t *start_min)
{
    int64_t t = p->start, travel = 0, late = 0, d;
    size_t k;
    if (p->n > 1) {
        d = ccad__tw_leg(p, 0, order[1]);
        if (p->open[order[1]] - d > t)
            t = p->open[order[1]] - d; /* leave just in time for the first opening */
    }
    if (start_min != NULL)
        start_min[0] = clamp32(t);
    for (k = 1; k < p->n; k++) {
        d = ccad__tw_leg(p, order[k - 1], order[k]);
        travel += d;
        t += d;
        if (t < p->open[order[k]])
            t = p->open[order[k]];
        if (start_min != NULL)
            start_min[order[k]] = clamp32(t);
        t = ccad__tw_serve(p, order[k], t, &late);
    }
    return travel + ccad__tw_leg(p, order[p->n - 1], 0);
}

/* Records why no order is feasible: a stop that a trip to it alone cannot
 * serve in time, else the first late stop (or the return) of `order`. */
static int infeasible(ccad_ctx *ctx, const char *fn, const struct ccad__tw *p,
                      const uint32_t *order)
{
    int64_t t = p->start, late = 0;
    size_t i;
    for (i = 1; i < p->n; i++) {
        int64_t f = ccad__tw_serve(p, (uint32_t)i, t + ccad__tw_leg(p, 0, (uint32_t)i), &late);
        if (late > 0 || f + ccad__tw_leg(p, (uint32_t)i, 0) > p->end)
            return ccad__fail(
                ctx, CCAD_ERANGE,
                "%s: no feasible order: point %lu cannot be served in time even alone "
                "(service ends at minute %lld, close %ld, back at %lld, end %ld)",
                fn, (unsigned long)i, (long long)f, (long)p->close[i],
                (long long)(f + ccad__tw_leg(p, (uint32_t)i, 0)), (long)p->end);
    }
    for (i = 1; i < p->n; i++) {
        uint32_t x = order[i];
        t = ccad__tw_serve(p, x, t + ccad__tw_leg(p, order[i - 1], x), &late);
        if (late > 0)
            return ccad__fail(ctx, CCAD_ERANGE,
                              "%s: no feasible order: point %lu (stop %lu of the least-late order) "
                              "ends service at minute %lld, after its close %ld",
                              fn, (unsigned long)x, (unsigned long)i, (long long)t,
                              (long)p->close[x]);
    }
    return ccad__fail(ctx, CCAD_ERANGE,
                      "%s: no feasible order: the least-late order is back at the base at minute "
                      "%lld, after end_min %ld",
                      fn, (long long)(t + ccad__tw_leg(p, order[p->n - 1], 0)), (long)p->end);
}

int ccad_route_solve_tw(ccad_ctx *ctx, const double *x, const double *y, size_t n,
                        const ccad_route_options *options, const ccad_route_times *times,
                        uint32_t *out_order, int32_t *out_start_min, int64_t *out_cost)
{
    static const char fn[] = "ccad_route_solve_tw";
    ccad_route_options o;
    ccad_route_times t = CCAD_ROUTE_TIMES_INIT;
    struct ccad__tw p;
    int32_t *mat, back = 0;
    uint32_t *order;
    int rc;
    if (ctx == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(ctx))
        return CCAD_EBUSY;
    if (x == NULL || y == NULL || out_order == NULL)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: NULL argument", fn);
    if (times != NULL) {
        if (!CCAD__SIZE_OK(times->size, ccad_route_times))
            return ccad__fail(ctx, CCAD_EVERSION, "%s: ccad_route_times.size not supported", fn);
        t = *times;
    }
    if ((rc = ccad__route_check(ctx, fn, x, y, n, CCAD_ROUTE_TW_MAX_POINTS, options, &o)) != 0)
        return rc;
    if (o.closed != 1)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: closed must be 1 (the day ends at the base)", fn);
    if ((rc = check_times(ctx, fn, &t, n, o.metric)) != CCAD_OK)
        return rc;

    /* one block: the n x n minutes, open, close, service, the order */
    mat = ccad__alloc(ctx, (n * n + 3 * n) * sizeof *mat + n * sizeof *order);
    if (mat == NULL)
        return ccad__fail(ctx, CCAD_ENOMEM, "%s: out of memory", fn);
    order = (uint32_t *)(mat + n * n + 3 * n);
    p.n = n;
    p.exact_max = 0;
    rc = fill(ctx, x, y, &o, &t, &p, mat, mat + n * n);
    if (rc == CCAD_OK)
        rc = ccad__tw_solve(ctx, &p, NULL, o.seed, order, &back);
    if (rc == CCAD_OK) {
        int64_t travel = times_of(&p, order, out_start_min);
        memcpy(out_order, order, n * sizeof *order);
        if (out_cost != NULL)
            *out_cost = travel;
        if (back < 0)
            rc = infeasible(ctx, fn, &p, order);
    }
    ccad__free(ctx, mat);
    return ccad__fail_in(ctx, fn, rc);
}
