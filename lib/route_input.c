/* ROUTE: the inputs ccad_route_solve (route.c) and ccad_route_solve_tw
 * (route_tw.c) share: the check of the points and options, and the HOST
 * metric's travel matrix. */
#include "internal.h"

#include <math.h>

int ccad__route_check(ccad_ctx *ctx, const char *fn, const double *x, const double *y, size_t n,
                      size_t max_n, const ccad_route_options *options, ccad_route_options *out)
{
    ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
    size_t i;
    if (options != NULL) {
        if (!CCAD__SIZE_OK(options->size, ccad_route_options))
            return ccad__fail(ctx, CCAD_EVERSION, "%s: ccad_route_options.size not supported", fn);
        o = *options;
    }
    if (n < 1 || n > max_n)
        return ccad__fail(ctx, CCAD_ERANGE, "%s: %lu points, expected 1..%lu", fn, (unsigned long)n,
                          (unsigned long)max_n);
    if (o.metric != CCAD_METRIC_PLANAR && o.metric != CCAD_METRIC_GEO &&
        o.metric != CCAD_METRIC_HOST)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: metric %d unknown", fn, o.metric);
    if (o.closed != 0 && o.closed != 1)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: closed must be 0 or 1", fn);
    if (o.effort < 0 || o.effort > 10000)
        return ccad__fail(ctx, CCAD_ERANGE, "%s: effort %ld outside 0..10000", fn, (long)o.effort);
    if (o.metric == CCAD_METRIC_PLANAR && (!isfinite(o.scale) || o.scale <= 0.0))
        return ccad__fail(ctx, CCAD_ERANGE, "%s: scale must be finite and above 0", fn);
    if (o.metric == CCAD_METRIC_HOST && n > 2048)
        return ccad__fail(ctx, CCAD_ERANGE,
                          "%s: the travel callback metric takes at most 2048 points", fn);
    if (o.metric == CCAD_METRIC_HOST && ctx->host.travel == NULL)
        return ccad__fail(ctx, CCAD_ENOTSUP, "%s: the host gave no travel callback", fn);
    if (o.metric == CCAD_METRIC_PLANAR && n > 0) {
        /* every edge must stay below 2^40 cost units, so that sums of tour
         * costs and the open tour's dummy edges cannot overflow */
        double x0 = x[0], x1 = x[0], y0 = y[0], y1 = y[0];
        for (i = 1; i < n; i++) {
            if (x[i] < x0)
                x0 = x[i];
            if (x[i] > x1)
                x1 = x[i];
            if (y[i] < y0)
                y0 = y[i];
            if (y[i] > y1)
                y1 = y[i];
        }
        if (isfinite(x1 - x0) && isfinite(y1 - y0) &&
            sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0)) * o.scale > 1099511627776.0)
            return ccad__fail(ctx, CCAD_ERANGE,
                              "%s: distances times scale exceed 2^40 (1.1e12) cost units", fn);
    }
    for (i = 0; i < n; i++) {
        if (!isfinite(x[i]) || !isfinite(y[i]) || fabs(x[i]) > 1e12 || fabs(y[i]) > 1e12)
            return ccad__fail(ctx, CCAD_ERANGE,
                              "%s: point %lu has a coordinate that is not finite or beyond 1e12",
                              fn, (unsigned long)i);
        if (o.metric == CCAD_METRIC_GEO && (fabs(y[i]) > 90.0 || fabs(x[i]) > 360.0))
            return ccad__fail(ctx, CCAD_ERANGE,
                              "%s: point %lu: latitude beyond 90 or longitude beyond 360 degrees",
                              fn, (unsigned long)i);
    }
    *out = o;
    return CCAD_OK;
}

int ccad__route_host_matrix(ccad_ctx *ctx, const double *x, const double *y, size_t n, int32_t *mat)
{
    size_t i, j;
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) {
            int32_t mins = 0;
            if (i != j && ccad__travel(ctx, x[i], y[i], x[j], y[j], &mins) != CCAD_OK)
                return ccad__fail(
                    ctx, CCAD_ECALLBACK,
                    "travel callback failed (or gave a negative time) from point %lu to %lu",
                    (unsigned long)i, (unsigned long)j);
            mat[i * n + j] = mins;
        }
    return CCAD_OK;
}
