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

void ccad__geo_unit(double lon, double lat, double *u) { unit_vector(lon, lat, u); }

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
static int64_t order_cost(const struct rt *search, const uint32_t *order, uint32_t n, int closed)
{
    int64_t c = 0;
    uint32_t k;
    for (k = 0; k + 1 < n; k++)
        c += dist(search, order[k], order[k + 1]);
    if (closed && n > 1)
        c += dist(search, order[n - 1], order[0]);
    return c;
}

/* Exact tour for at most EXACT_MAX stops (route_exact.c). The (m+1) x
 * (m+1) costs are computed once (half of them when symmetric). */
static int solve_exact(struct rt *search, uint32_t *order)
{
    uint32_t m = search->real - 1, w = m + 1, j, k;
    int64_t D[(EXACT_MAX + 1) * (EXACT_MAX + 1)];
    int sym = search->metric != CCAD_METRIC_HOST;
    if (m == 0) {
        order[0] = 0;
        search->cost = 0;
        return CCAD_OK;
    }
    if (m > EXACT_MAX) /* callers ensure it; this tells the compiler too */
        return CCAD_EINVAL;
    for (j = 0; j < w; j++) {
        D[j * w + j] = 0;
        for (k = sym ? j + 1 : 0; k < w; k++)
            if (k != j) {
                /* both metrics of points give the same cost both ways */
                D[j * w + k] = dist(search, j, k);
                if (sym)
                    D[k * w + j] = D[j * w + k];
            }
    }
    return ccad__route_exact(search->ctx, D, m, search->open, order, &search->cost);
}

static int64_t edge_cost(const void *user, uint32_t i, uint32_t j)
{
    return dist((const struct rt *)user, i, j);
}

/* The open tour's dummy end point (index real) in the neighbour lists: it
 * costs 0 from the base, so it follows the base's other zero-cost
 * neighbours; its own list is the base, then the stops by index (all at the
 * same large cost). As comparing every pair would rank them. */
static void neighbours_of_dummy(struct rt *search)
{
    uint32_t *nb0 = search->neigh, *nbd = search->neigh + (size_t)search->real * K_NEIGH, m, z = 0;
    while (z < search->k && dist(search, 0, nb0[z]) == 0)
        z++;
    if (z < search->k) {
        for (m = search->k - 1; m > z; m--)
            nb0[m] = nb0[m - 1];
        nb0[z] = search->real;
    }
    for (m = 0; m < search->k; m++)
        nbd[m] = m;
}

/* K nearest neighbours of every point, ties by index (with per_quad, for
 * PLANAR: the per_quad nearest of each quadrant first): through a k-d tree
 * over x/y (PLANAR) or the unit vectors (GEO), by comparing every pair for
 * HOST (at most 2048 points, and its matrix is n x n anyway). */
static int build_neighbours(struct rt *search, uint32_t per_quad)
{
    double *xy = NULL;
    int rc;
    uint32_t i;
    search->k = search->n - 1 < K_NEIGH ? search->n - 1 : K_NEIGH;
    if (search->metric == CCAD_METRIC_HOST)
        return ccad__route_neighbours(search->ctx, NULL, 0, 0.0, edge_cost, search, search->n,
                                      search->k, 0, search->neigh, K_NEIGH);
    if (search->metric == CCAD_METRIC_PLANAR) {
        xy = ccad__alloc(search->ctx, 2 * (size_t)search->real * sizeof *xy);
        if (xy == NULL)
            return CCAD_ENOMEM;
        for (i = 0; i < search->real; i++) {
            xy[2 * (size_t)i] = search->x[i];
            xy[2 * (size_t)i + 1] = search->y[i];
        }
        rc = ccad__route_neighbours(search->ctx, xy, 2, search->scale, edge_cost, search,
                                    search->real, search->k, per_quad, search->neigh, K_NEIGH);
        ccad__free(search->ctx, xy);
    } else {
        rc = ccad__route_neighbours(search->ctx, search->u, 3, CCAD__EARTH_M, edge_cost, search,
                                    search->real, search->k, 0, search->neigh, K_NEIGH);
    }
    if (rc == CCAD_OK && search->open)
        neighbours_of_dummy(search);
    return rc;
}

static void nearest_neighbour_tour(struct rt *search)
{
    uint32_t n = search->n, i, cur = 0, step;
    uint8_t *used = search->queued; /* borrowed, cleared below */
    memset(used, 0, n);
    used[0] = 1;
    search->t[0] = 0;
    for (step = 1; step < n; step++) {
        uint32_t best = UINT32_MAX, m;
        int64_t bd = INT64_MAX;
        for (m = 0; m < search->k; m++) {
            uint32_t c = search->neigh[(size_t)cur * K_NEIGH + m];
            if (!used[c]) {
                best = c;
                break;
            }
        }
        if (best == UINT32_MAX)
            for (i = 0; i < n; i++)
                if (!used[i]) {
                    int64_t d = dist(search, cur, i);
                    if (d < bd) {
                        bd = d;
                        best = i;
                    }
                }
        used[best] = 1;
        search->t[step] = best;
        cur = best;
    }
    memset(used, 0, n);
    search->cost = 0;
    for (i = 0; i < n; i++) {
        search->pos[search->t[i]] = i;
        search->cost += dist(search, search->t[i], search->t[(i + 1) % n]);
    }
}

/* dist() for ccad__route_table_new, which fills the table with it. */
static int64_t table_cost(const void *search, uint32_t i, uint32_t j) { return dist(search, i, j); }

static void free_rt(struct rt *search)
{
    ccad__free(search->ctx, search->tab);
    ccad__free(search->ctx, search->u);
    ccad__free(search->ctx, search->mat);
    ccad__free(search->ctx, search->t);
    ccad__free(search->ctx, search->pos);
    ccad__free(search->ctx, search->neigh);
    ccad__free(search->ctx, search->ncost);
    ccad__free(search->ctx, search->queue);
    ccad__free(search->ctx, search->queued);
    ccad__free(search->ctx, search->log);
}

/* The metric's precomputed data: GEO unit vectors, the HOST matrix. */
static int route_metric_init(struct rt *search, const char *fn)
{
    size_t i, n = search->real;
    if (search->metric == CCAD_METRIC_GEO) {
        search->u = ccad__alloc(search->ctx, 3 * n * sizeof *search->u);
        if (search->u == NULL)
            return ccad__fail(search->ctx, CCAD_ENOMEM, "%s: out of memory", fn);
        for (i = 0; i < n; i++)
            unit_vector(search->x[i], search->y[i], search->u + 3 * i);
    }
    if (search->metric == CCAD_METRIC_HOST) {
        int rc;
        search->mat = ccad__alloc(search->ctx, n * n * sizeof *search->mat);
        if (search->mat == NULL)
            return ccad__fail(search->ctx, CCAD_ENOMEM, "%s: out of memory", fn);
        if ((rc = ccad__route_host_matrix(search->ctx, search->x, search->y, n, search->mat)) !=
            CCAD_OK) {
            ccad__free(search->ctx, search->mat);
            search->mat = NULL;
            return ccad__fail_in(search->ctx, fn, rc);
        }
    }
    return CCAD_OK;
}

/* The searched tour search->t into out_order from the base, and its true cost
 * into search->cost. */
static void search_result(struct rt *search, const ccad_route_options *o, uint32_t *out_order)
{
    /* rotate to start at the base; an open tour leaves by the side away from the dummy */
    uint32_t p0 = search->pos[0], step = 1, k, j;
    if (search->open && search->t[(p0 + 1) % search->n] == search->real)
        step = search->n - 1;
    for (k = 0, j = 0; k < search->n; k++) {
        uint32_t v = search->t[(p0 + (size_t)k * step) % search->n];
        if (v != search->real || !search->open)
            out_order[j++] = v;
    }
    search->sym = 0;
    if (o->metric == CCAD_METRIC_HOST) {
        /* the search used t(i,j) + t(j,i); give the better direction of
         * the closed tour and the true directed cost */
        int64_t fwd = order_cost(search, out_order, search->real, o->closed);
        if (o->closed && search->real > 2) {
            int64_t back;
            reverse_order(out_order, search->real);
            back = order_cost(search, out_order, search->real, 1);
            if (back < fwd)
                fwd = back;
            else
                reverse_order(out_order, search->real); /* keep the first direction */
        }
        search->cost = fwd;
    } else if (search->open) {
        search->cost -= search->big;
    }
}

/* Beyond EXACT_MAX stops: nearest neighbour, local search, perturbation. */
static int solve_search(struct rt *search, const ccad_route_options *o, uint32_t *out_order)
{
    uint32_t i;
    int rc;
    search->t = ccad__alloc(search->ctx, search->n * sizeof *search->t);
    search->pos = ccad__alloc(search->ctx, search->n * sizeof *search->pos);
    search->neigh = ccad__alloc(search->ctx, (size_t)search->n * K_NEIGH * sizeof *search->neigh);
    search->queue = ccad__alloc(search->ctx, search->n * sizeof *search->queue);
    search->queued = ccad__alloc(search->ctx, search->n);
    if (search->t == NULL || search->pos == NULL || search->neigh == NULL ||
        search->queue == NULL || search->queued == NULL)
        return CCAD_ENOMEM;
    search->sym = o->metric == CCAD_METRIC_HOST; /* local moves need symmetric costs */
    /* the start takes the nearest unvisited point: from the plain lists */
    if ((rc = build_neighbours(search, 0)) != CCAD_OK)
        return rc;
    nearest_neighbour_tour(search);
    if (search->metric == CCAD_METRIC_PLANAR &&
        (rc = build_neighbours(search, PER_QUADRANT)) != CCAD_OK)
        return rc;
    if ((rc = ccad__rt_neighbour_costs(search)) != CCAD_OK)
        return rc;
    for (i = 0; i < search->n; i++)
        ccad__rt_push(search, search->t[i]);
    rc = ccad__rt_local_search(search);
    if (rc == CCAD_OK)
        rc = ccad__rt_perturb(search, o->seed,
                              ccad__route_rounds(o->effort, search->n, search->real));
    if (rc == CCAD_OK)
        search_result(search, o, out_order);
    return rc;
}

int ccad_route_solve(ccad_ctx *ctx, const double *x, const double *y, size_t n,
                     const ccad_route_options *options, uint32_t *out_order, int64_t *out_cost)
{
    static const char fn[] = "ccad_route_solve";
    ccad_route_options o;
    struct rt search;
    int rc = CCAD_OK;
    if (ctx == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(ctx))
        return CCAD_EBUSY;
    if (x == NULL || y == NULL || out_order == NULL)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: NULL argument", fn);
    if ((rc = ccad__route_check(ctx, fn, x, y, n, CCAD_ROUTE_MAX_POINTS, options, &o)) != CCAD_OK)
        return rc;

    memset(&search, 0, sizeof search);
    search.ctx = ctx;
    search.real = (uint32_t)n;
    search.open = !o.closed && n > 2;
    search.n = search.real + (search.open ? 1u : 0u);
    search.metric = o.metric;
    search.scale = o.scale;
    search.x = x;
    search.y = y;
    if ((rc = route_metric_init(&search, fn)) != CCAD_OK) {
        free_rt(&search);
        return rc;
    }
    /* the dummy's edges cost more than any whole tour of real edges */
    search.big = (int64_t)1 << 58; /* above any tour: at most 1e5 edges below 2^41 */

    if (n - 1 <= EXACT_MAX) {
        uint32_t order[EXACT_MAX + 1];
        search.open = !o.closed;
        rc = solve_exact(&search, order);
        if (rc == CCAD_OK)
            memcpy(out_order, order, n * sizeof *order);
    } else {
        /* the costs once (not HOST: it has its matrix, and switches costs) */
        if (search.metric != CCAD_METRIC_HOST && search.n <= CCAD__ROUTE_TABLE_MAX)
            rc = ccad__route_table_new(ctx, search.n, table_cost, &search, &search.tab);
        if (rc == CCAD_OK)
            rc = solve_search(&search, &o, out_order);
    }
    if (rc == CCAD_OK && out_cost != NULL)
        *out_cost = search.cost;
    free_rt(&search);
    if (rc != CCAD_OK)
        return ccad__fail(ctx, rc, "%s: out of memory", fn);
    return CCAD_OK;
}
