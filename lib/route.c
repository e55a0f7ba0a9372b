/* ROUTE: ordering stops into a short tour from a base.
 *
 * Up to 12 stops: exact dynamic programming over subsets (route_exact.c);
 * the checks of the inputs are in route_input.c. Beyond 12 stops: nearest
 * neighbour start, then local search on an array tour with neighbour lists
 * and don't-look bits (2-opt and Or-opt moves), then iterated perturbation:
 * a local double bridge (two adjacent tour segments swapped) followed by the
 * local search, kept when the tour got shorter and undone otherwise.
 * All costs are integers, so the search is deterministic for a seed. */
#include "route_search.h"

#include <string.h>

#define K_NEIGH CCAD__ROUTE_K
#define PER_QUADRANT 2 /* planar lists: the 2 nearest of each quadrant, then the nearest */
#define EXACT_MAX CCAD__ROUTE_EXACT_MAX

size_t ccad_route_max_points(void) { return CCAD_ROUTE_MAX_POINTS; }

#define dist ccad__rt_dist
#define PI 3.14159265358979323846

static void unit_vector(double lon, double lat, double *u)
{
    double la = lat * (PI / 180.0), lo = lon * (PI / 180.0);
    u[0] = cos(la) * cos(lo);
    u[1] = cos(la) * sin(lo);
    u[2] = sin(la);
}

int64_t ccad__straight_cost(int metric, double scale, double x1, double y1, double x2, double y2)
{
    if (metric == CCAD_METRIC_GEO) {
        double a[3], b[3];
        unit_vector(x1, y1, a);
        unit_vector(x2, y2, b);
        return ccad__chord_cost(a, b);
    }
    return ccad__planar_cost(x1, y1, x2, y2, metric == CCAD_METRIC_PLANAR ? scale : 1.0);
}

/* Reverses order[1..n-1]: the same closed tour driven the other way. */
static void reverse_order(uint32_t *order, uint32_t n)
{
    uint32_t i = 1, j = n - 1;
    while (i < j) {
        uint32_t t = order[i];
        order[i++] = order[j];
        order[j--] = t;
    }
}

/* Directed cost of a tour given as an order starting at the base. */
static int64_t order_cost(const struct rt *R, const uint32_t *order, uint32_t n, int closed)
{
    int64_t c = 0;
    uint32_t k;
    for (k = 0; k + 1 < n; k++)
        c += dist(R, order[k], order[k + 1]);
    if (closed && n > 1)
        c += dist(R, order[n - 1], order[0]);
    return c;
}

/* Exact tour for at most EXACT_MAX stops (route_exact.c). The (m+1) x
 * (m+1) costs are computed once (half of them when symmetric). */
static int solve_exact(struct rt *R, uint32_t *order)
{
    uint32_t m = R->real - 1, w = m + 1, j, k;
    int64_t D[(EXACT_MAX + 1) * (EXACT_MAX + 1)];
    int sym = R->metric != CCAD_METRIC_HOST;
    if (m == 0) {
        order[0] = 0;
        R->cost = 0;
        return CCAD_OK;
    }
    if (m > EXACT_MAX) /* callers ensure it; this tells the compiler too */
        return CCAD_EINVAL;
    for (j = 0; j < w; j++) {
        D[j * w + j] = 0;
        for (k = sym ? j + 1 : 0; k < w; k++)
            if (k != j) {
                /* both metrics of points give the same cost both ways */
                D[j * w + k] = dist(R, j, k);
                if (sym)
                    D[k * w + j] = D[j * w + k];
            }
    }
    return ccad__route_exact(R->ctx, D, m, R->open, order, &R->cost);
}

static int64_t edge_cost(const void *user, uint32_t i, uint32_t j)
{
    return dist((const struct rt *)user, i, j);
}

/* The open tour's dummy end point (index real) in the neighbour lists: it
 * costs 0 from the base, so it follows the base's other zero-cost
 * neighbours; its own list is the base, then the stops by index (all at the
 * same large cost). As comparing every pair would rank them. */
static void neighbours_of_dummy(struct rt *R)
{
    uint32_t *nb0 = R->neigh, *nbd = R->neigh + (size_t)R->real * K_NEIGH, m, z = 0;
    while (z < R->k && dist(R, 0, nb0[z]) == 0)
        z++;
    if (z < R->k) {
        for (m = R->k - 1; m > z; m--)
            nb0[m] = nb0[m - 1];
        nb0[z] = R->real;
    }
    for (m = 0; m < R->k; m++)
        nbd[m] = m;
}

/* K nearest neighbours of every point, ties by index (with per_quad, for
 * PLANAR: the per_quad nearest of each quadrant first): through a k-d tree
 * over x/y (PLANAR) or the unit vectors (GEO), by comparing every pair for
 * HOST (at most 2048 points, and its matrix is n x n anyway). */
static int build_neighbours(struct rt *R, uint32_t per_quad)
{
    double *xy = NULL;
    int rc;
    uint32_t i;
    R->k = R->n - 1 < K_NEIGH ? R->n - 1 : K_NEIGH;
    if (R->metric == CCAD_METRIC_HOST)
        return ccad__route_neighbours(R->ctx, NULL, 0, 0.0, edge_cost, R, R->n, R->k, 0, R->neigh, K_NEIGH);
    if (R->metric == CCAD_METRIC_PLANAR) {
        xy = ccad__alloc(R->ctx, 2 * (size_t)R->real * sizeof *xy);
        if (xy == NULL)
            return CCAD_ENOMEM;
        for (i = 0; i < R->real; i++) {
            xy[2 * (size_t)i] = R->x[i];
            xy[2 * (size_t)i + 1] = R->y[i];
        }
        rc = ccad__route_neighbours(R->ctx, xy, 2, R->scale, edge_cost, R, R->real, R->k, per_quad, R->neigh,
                                    K_NEIGH);
        ccad__free(R->ctx, xy);
    } else {
        rc = ccad__route_neighbours(R->ctx, R->u, 3, CCAD__EARTH_M, edge_cost, R, R->real, R->k, 0, R->neigh,
                                    K_NEIGH);
    }
    if (rc == CCAD_OK && R->open)
        neighbours_of_dummy(R);
    return rc;
}

static void nearest_neighbour_tour(struct rt *R)
{
    uint32_t n = R->n, i, cur = 0, step;
    uint8_t *used = R->queued; /* borrowed, cleared below */
    memset(used, 0, n);
    used[0] = 1;
    R->t[0] = 0;
    for (step = 1; step < n; step++) {
        uint32_t best = UINT32_MAX, m;
        int64_t bd = INT64_MAX;
        for (m = 0; m < R->k; m++) {
            uint32_t c = R->neigh[(size_t)cur * K_NEIGH + m];
            if (!used[c]) {
                best = c;
                break;
            }
        }
        if (best == UINT32_MAX)
            for (i = 0; i < n; i++)
                if (!used[i]) {
                    int64_t d = dist(R, cur, i);
                    if (d < bd) {
                        bd = d;
                        best = i;
                    }
                }
        used[best] = 1;
        R->t[step] = best;
        cur = best;
    }
    memset(used, 0, n);
    R->cost = 0;
    for (i = 0; i < n; i++) {
        R->pos[R->t[i]] = i;
        R->cost += dist(R, R->t[i], R->t[(i + 1) % n]);
    }
}

/* dist() for ccad__route_table_new, which fills the table with it. */
static int64_t table_cost(const void *R, uint32_t i, uint32_t j) { return dist(R, i, j); }

static void free_rt(struct rt *R)
{
    ccad__free(R->ctx, R->tab);
    ccad__free(R->ctx, R->u);
    ccad__free(R->ctx, R->mat);
    ccad__free(R->ctx, R->t);
    ccad__free(R->ctx, R->pos);
    ccad__free(R->ctx, R->neigh);
    ccad__free(R->ctx, R->queue);
    ccad__free(R->ctx, R->queued);
    ccad__free(R->ctx, R->log);
}

/* The metric's precomputed data: GEO unit vectors, the HOST matrix. */
static int route_metric_init(struct rt *R, const char *fn)
{
    size_t i, n = R->real;
    if (R->metric == CCAD_METRIC_GEO) {
        R->u = ccad__alloc(R->ctx, 3 * n * sizeof *R->u);
        if (R->u == NULL)
            return ccad__fail(R->ctx, CCAD_ENOMEM, "%s: out of memory", fn);
        for (i = 0; i < n; i++)
            unit_vector(R->x[i], R->y[i], R->u + 3 * i);
    }
    if (R->metric == CCAD_METRIC_HOST) {
        int rc;
        R->mat = ccad__alloc(R->ctx, n * n * sizeof *R->mat);
        if (R->mat == NULL)
            return ccad__fail(R->ctx, CCAD_ENOMEM, "%s: out of memory", fn);
        if ((rc = ccad__route_host_matrix(R->ctx, R->x, R->y, n, R->mat)) != CCAD_OK) {
            ccad__free(R->ctx, R->mat);
            R->mat = NULL;
            return rc;
        }
    }
    return CCAD_OK;
}

/* The searched tour R->t into out_order from the base, and its true cost
 * into R->cost. */
static void search_result(struct rt *R, const ccad_route_options *o, uint32_t *out_order)
{
    /* rotate to start at the base; an open tour leaves by the side away from the dummy */
    uint32_t p0 = R->pos[0], step = 1, k, j;
    if (R->open && R->t[(p0 + 1) % R->n] == R->real)
        step = R->n - 1;
    for (k = 0, j = 0; k < R->n; k++) {
        uint32_t v = R->t[(p0 + (size_t)k * step) % R->n];
        if (v != R->real || !R->open)
            out_order[j++] = v;
    }
    R->sym = 0;
    if (o->metric == CCAD_METRIC_HOST) {
        /* the search used t(i,j) + t(j,i); give the better direction of
         * the closed tour and the true directed cost */
        int64_t fwd = order_cost(R, out_order, R->real, o->closed);
        if (o->closed && R->real > 2) {
            int64_t back;
            reverse_order(out_order, R->real);
            back = order_cost(R, out_order, R->real, 1);
            if (back < fwd)
                fwd = back;
            else
                reverse_order(out_order, R->real); /* keep the first direction */
        }
        R->cost = fwd;
    } else if (R->open) {
        R->cost -= R->big;
    }
}

/* Beyond EXACT_MAX stops: nearest neighbour, local search, perturbation. */
static int solve_search(struct rt *R, const ccad_route_options *o, uint32_t *out_order)
{
    uint32_t i;
    int rc;
    R->t = ccad__alloc(R->ctx, R->n * sizeof *R->t);
    R->pos = ccad__alloc(R->ctx, R->n * sizeof *R->pos);
    R->neigh = ccad__alloc(R->ctx, (size_t)R->n * K_NEIGH * sizeof *R->neigh);
    R->queue = ccad__alloc(R->ctx, R->n * sizeof *R->queue);
    R->queued = ccad__alloc(R->ctx, R->n);
    if (R->t == NULL || R->pos == NULL || R->neigh == NULL || R->queue == NULL || R->queued == NULL)
        return CCAD_ENOMEM;
    R->sym = o->metric == CCAD_METRIC_HOST; /* local moves need symmetric costs */
    /* the start takes the nearest unvisited point: from the plain lists */
    if ((rc = build_neighbours(R, 0)) != CCAD_OK)
        return rc;
    nearest_neighbour_tour(R);
    if (R->metric == CCAD_METRIC_PLANAR && (rc = build_neighbours(R, PER_QUADRANT)) != CCAD_OK)
        return rc;
    for (i = 0; i < R->n; i++)
        ccad__rt_push(R, R->t[i]);
    rc = ccad__rt_local_search(R);
    if (rc == CCAD_OK)
        rc = ccad__rt_perturb(R, o->seed, ccad__route_rounds(o->effort, R->n, R->real));
    if (rc == CCAD_OK)
        search_result(R, o, out_order);
    return rc;
}

int ccad_route_solve(ccad_ctx *ctx, const double *x, const double *y, size_t n,
                     const ccad_route_options *options, uint32_t *out_order, int64_t *out_cost)
{
    static const char fn[] = "ccad_route_solve";
    ccad_route_options o;
    struct rt R;
    int rc = CCAD_OK;
    if (ctx == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(ctx))
        return CCAD_EBUSY;
    if (x == NULL || y == NULL || out_order == NULL)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: NULL argument", fn);
    if ((rc = ccad__route_check(ctx, fn, x, y, n, CCAD_ROUTE_MAX_POINTS, options, &o)) != CCAD_OK)
        return rc;

    memset(&R, 0, sizeof R);
    R.ctx = ctx;
    R.real = (uint32_t)n;
    R.open = !o.closed && n > 2;
    R.n = R.real + (R.open ? 1u : 0u);
    R.metric = o.metric;
    R.scale = o.scale;
    R.x = x;
    R.y = y;
    if ((rc = route_metric_init(&R, fn)) != CCAD_OK) {
        free_rt(&R);
        return rc;
    }
    /* the dummy's edges cost more than any whole tour of real edges */
    R.big = (int64_t)1 << 58; /* above any tour: at most 1e5 edges below 2^41 */

    if (n - 1 <= EXACT_MAX) {
        uint32_t order[EXACT_MAX + 1];
        R.open = !o.closed;
        rc = solve_exact(&R, order);
        if (rc == CCAD_OK)
            memcpy(out_order, order, n * sizeof *order);
    } else {
        /* the costs once (not HOST: it has its matrix, and switches costs) */
        if (R.metric != CCAD_METRIC_HOST && R.n <= CCAD__ROUTE_TABLE_MAX)
            rc = ccad__route_table_new(ctx, R.n, table_cost, &R, &R.tab);
        if (rc == CCAD_OK)
            rc = solve_search(&R, &o, out_order);
    }
    if (rc == CCAD_OK && out_cost != NULL)
        *out_cost = R.cost;
    free_rt(&R);
    if (rc != CCAD_OK)
        return ccad__fail(ctx, rc, "%s: out of memory", fn);
    return CCAD_OK;
}
