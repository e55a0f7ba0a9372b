/* The HOST-metric helpers of the route tests (declared and described in
 * route_env_host.h). */
#include "route_env_host.h"

#include <math.h>

static size_t point_index(const struct travel_log *L, double px, double py)
{
    size_t i;
    for (i = 0; i < L->n; i++)
        if (L->x[i] == px && L->y[i] == py)
            return i;
    return (size_t)-1;
}

/* Manhattan minutes; asymmetric: going up (y grows) costs 3 more per unit. */
int32_t manhattan(double fx, double fy, double tx, double ty, int asymmetric)
{
    double m = fabs(fx - tx) + fabs(fy - ty);
    if (asymmetric && ty > fy)
        m += 3.0 * (ty - fy);
    return (int32_t)m;
}

static int travel_cb(void *user, double fx, double fy, double tx, double ty, int32_t *out)
{
    struct travel_log *L = ((struct travel_host *)user)->log;
    L->calls++;
    if (L->fail_at > 0 && L->calls == L->fail_at) {
        if (L->negative) {
            *out = -1;
            return 0;
        }
        return 1;
    }
    if (L->n <= HMAX) {
        size_t i = point_index(L, fx, fy), j = point_index(L, tx, ty);
        if (i == (size_t)-1 || j == (size_t)-1 || i == j)
            L->bad_pair = 1;
        else
            L->seen[i][j]++;
    }
    *out = manhattan(fx, fy, tx, ty, L->asymmetric);
    return 0;
}

ccad_ctx *new_host_ctx(struct travel_host *u, struct travel_log *L)
{
    ccad_host h = tu_host(&u->al);
    ccad_ctx *ctx = NULL;
    u->log = L;
    h.user = u;
    h.travel = travel_cb;
    TU_PASS(ctx, ccad_ctx_new(&ctx, &h));
    return ctx;
}

/* distinct integer points so the callback can tell them apart */
void distinct_points(double *x, double *y, size_t n, int span)
{
    size_t i, j;
    for (i = 0; i < n; i++) {
        int again;
        do {
            x[i] = floor(rng_unit() * span);
            y[i] = floor(rng_unit() * span);
            again = 0;
            for (j = 0; j < i; j++)
                if (x[j] == x[i] && y[j] == y[i])
                    again = 1;
        } while (again);
    }
}
