/* ROUTE: ordering stops into a short tour from a base.
 *
 * Up to 12 stops: exact dynamic programming over subsets (route_exact.c);
 * the checks of the inputs are in route_input.c. Beyond 12 stops: nearest
 * neighbour start, then local search on an array tour with neighbour lists
 * and don't-look bits (2-opt and Or-opt moves), then iterated perturbation:
 * a local double bridge (two adjacent tour segments swapped) followed by the
 * local search, kept when the tour got shorter and undone otherwise.
 * All costs are integers, so the search is deterministic for a seed. */
#include "grow.h"
#include "internal.h"

#include <math.h>
#include <string.h>

#define K_NEIGH 10
#define EXACT_MAX CCAD__ROUTE_EXACT_MAX

size_t ccad_route_max_points(void) { return CCAD_ROUTE_MAX_POINTS; }

struct rt {
    ccad_ctx *ctx;
    uint32_t n;       /* points in the tour (a dummy end point included when open) */
    uint32_t real;    /* the caller's points */
    int metric;
    int open;
    double scale;
    const double *x, *y;
    double *u;        /* GEO: unit vectors, 3 per point */
    int32_t *mat;     /* HOST: real x real minutes */
    int64_t big;      /* cost of an edge to the dummy, except from the base */
    int sym;          /* HOST in the local search: cost(i,j) = t(i,j) + t(j,i) */
    /* tour */
    uint32_t *t, *pos;
    uint32_t *neigh;  /* K_NEIGH per point */
    uint32_t k;       /* neighbours per point */
    uint32_t *queue;
    uint8_t *queued;
    uint32_t qhead, qlen;
    /* undo log of reversals since the last kick: (first position, length) */
    uint32_t *log;
    size_t nlog, caplog;
    int logging;
    int64_t cost;
};

#define EARTH_M 6371008.8
#define PI 3.14159265358979323846

/* Callers keep costs below 2^40; the saturation only guards against
 * undefined conversions of huge or infinite values. */
static int64_t planar_cost(double x1, double y1, double x2, double y2, double scale)
{
    double dx = x1 - x2, dy = y1 - y2, c = sqrt(dx * dx + dy * dy) * scale + 0.5;
    return c < 4611686018427387904.0 ? (int64_t)c : INT64_C(4611686018427387904);
}

static void unit_vector(double lon, double lat, double *u)
{
    double la = lat * (PI / 180.0), lo = lon * (PI / 180.0);
    u[0] = cos(la) * cos(lo);
    u[1] = cos(la) * sin(lo);
    u[2] = sin(la);
}

static int64_t chord_cost(const double *a, const double *b)
{
    double dx = a[0] - b[0], dy = a[1] - b[1], dz = a[2] - b[2];
    double chord = sqrt(dx * dx + dy * dy + dz * dz);
    if (chord > 2.0)
        chord = 2.0;
    return (int64_t)(2.0 * asin(chord / 2.0) * EARTH_M + 0.5);
}

int64_t ccad__straight_cost(int metric, double scale, double x1, double y1, double x2, double y2)
{
    if (metric == CCAD_METRIC_GEO) {
        double a[3], b[3];
        unit_vector(x1, y1, a);
        unit_vector(x2, y2, b);
        return chord_cost(a, b);
    }
    return planar_cost(x1, y1, x2, y2, metric == CCAD_METRIC_PLANAR ? scale : 1.0);
}

static int64_t dist(const struct rt *R, uint32_t i, uint32_t j)
{
    if (i == j)
        return 0;
    if (R->open && (i == R->real || j == R->real))
        return (i == 0 || j == 0) ? 0 : R->big;
    switch (R->metric) {
    case CCAD_METRIC_PLANAR:
        return planar_cost(R->x[i], R->y[i], R->x[j], R->y[j], R->scale);
    case CCAD_METRIC_GEO:
        return chord_cost(R->u + 3 * (size_t)i, R->u + 3 * (size_t)j);
    default:
        if (R->sym)
            return (int64_t)R->mat[(size_t)i * R->real + j] + R->mat[(size_t)j * R->real + i];
        return R->mat[(size_t)i * R->real + j];
    }
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

static uint32_t succ(const struct rt *R, uint32_t a) { return R->t[(R->pos[a] + 1) % R->n]; }
static uint32_t pred(const struct rt *R, uint32_t a) { return R->t[(R->pos[a] + R->n - 1) % R->n]; }

static void push(struct rt *R, uint32_t a)
{
    if (R->queued[a])
        return;
    R->queued[a] = 1;
    R->queue[(R->qhead + R->qlen) % R->n] = a;
    R->qlen++;
}

/* Reverses the len positions starting at position i (wrapping). */
static int reverse_exact(struct rt *R, uint32_t i, uint32_t len)
{
    uint32_t a = i, b = (i + len - 1) % R->n, k;
    if (R->logging) {
        if (R->nlog + 2 > R->caplog && /* the room test inline: this runs per move */
            ccad__grow(R->ctx, &R->log, &R->caplog, R->nlog + 2, sizeof *R->log, 256, SIZE_MAX) !=
                CCAD_OK)
            return CCAD_ENOMEM; /* the caller reports it as out of memory */
        R->log[R->nlog++] = i;
        R->log[R->nlog++] = len;
    }
    for (k = 0; k < len / 2; k++) {
        uint32_t ta = R->t[a], tb = R->t[b];
        R->t[a] = tb;
        R->pos[tb] = a;
        R->t[b] = ta;
        R->pos[ta] = b;
        a = a + 1 == R->n ? 0 : a + 1;
        b = b == 0 ? R->n - 1 : b - 1;
    }
    return CCAD_OK;
}

/* Reverses the tour path from node a forward to node b; for a 2-opt move
 * the complement may be reversed instead (same cyclic tour), whichever is
 * shorter. */
static int reverse_path(struct rt *R, uint32_t a, uint32_t b)
{
    uint32_t i = R->pos[a], j = R->pos[b];
    uint32_t len = (j + R->n - i) % R->n + 1;
    if (len * 2 > R->n && len < R->n)
        return reverse_exact(R, (j + 1) % R->n, R->n - len);
    return reverse_exact(R, i, len);
}

/* 2-opt from node a, both tour directions. Returns 1 if the tour improved,
 * 0 if not, negative on allocation failure. */
static int try_2opt(struct rt *R, uint32_t a)
{
    int dir;
    for (dir = 0; dir < 2; dir++) {
        uint32_t b = dir == 0 ? succ(R, a) : pred(R, a), m;
        int64_t dab = dist(R, a, b);
        for (m = 0; m < R->k; m++) {
            uint32_t c = R->neigh[(size_t)a * K_NEIGH + m], d;
            int64_t g1 = dab - dist(R, a, c), gain;
            int rc;
            if (g1 <= 0)
                break;
            d = dir == 0 ? succ(R, c) : pred(R, c);
            if (c == b || d == a)
                continue;
            gain = g1 + dist(R, c, d) - dist(R, b, d);
            if (gain <= 0)
                continue;
            rc = dir == 0 ? reverse_path(R, b, c) : reverse_path(R, c, b);
            if (rc != 0)
                return rc;
            R->cost -= gain;
            push(R, a);
            push(R, b);
            push(R, c);
            push(R, d);
            return 1;
        }
    }
    return 0;
}

/* Moves the len positions starting at position i to just after node c
 * (which lies outside them), reversed or not. Implemented as reversals of
 * exact position ranges so that the composition is exact. */
static int move_segment(struct rt *R, uint32_t i, uint32_t len, uint32_t c, int reversed)
{
    uint32_t n = R->n, j = (i + len - 1) % n, kc = R->pos[c];
    uint32_t after = (kc + n - j) % n; /* positions from j forward to c */
    int rc;
    if (after < n - len) {
        /* c lies ahead: [S][M] with M = (j+1 .. c) -> [M][S] */
        uint32_t mlen = after;
        if (!reversed && (rc = reverse_exact(R, i, len)) != 0)
            return rc;
        if ((rc = reverse_exact(R, (j + 1) % n, mlen)) != 0)
            return rc;
        return reverse_exact(R, i, len + mlen);
    }
    return CCAD_EINVAL; /* unreachable: every c outside S lies ahead cyclically */
}

/* Or-opt from node a: move the segment of 1..3 nodes starting at a to the
 * best place next to one of its ends' neighbours. */
static int try_oropt(struct rt *R, uint32_t a)
{
    uint32_t len;
    for (len = 1; len <= 3 && len + 2 < R->n; len++) {
        uint32_t i = R->pos[a], s1 = a, s2 = R->t[(i + len - 1) % R->n];
        uint32_t p = pred(R, s1), nx = succ(R, s2), e2, m;
        int64_t g = dist(R, p, s1) + dist(R, s2, nx) - dist(R, p, nx);
        if (g <= 0)
            continue;
        for (e2 = 0; e2 < 2; e2++) {
            uint32_t end = e2 == 0 ? s1 : s2;
            for (m = 0; m < R->k; m++) {
                uint32_t c = R->neigh[(size_t)end * K_NEIGH + m], side;
                if (dist(R, end, c) >= g)
                    break;
                if ((R->pos[c] + R->n - i) % R->n < len)
                    continue; /* inside the segment */
                for (side = 0; side < 2; side++) {
                    /* insert between x and y = succ(x), with x = c or pred(c) */
                    uint32_t x = side == 0 ? c : pred(R, c), y = succ(R, x);
                    int64_t keep, rev, best;
                    int reversed, rc;
                    if (x == p || (R->pos[x] + R->n - i) % R->n < len)
                        continue;
                    keep = dist(R, x, s1) + dist(R, s2, y) - dist(R, x, y);
                    rev = dist(R, x, s2) + dist(R, s1, y) - dist(R, x, y);
                    reversed = rev < keep;
                    best = reversed ? rev : keep;
                    if (g - best <= 0)
                        continue;
                    if ((rc = move_segment(R, i, len, x, reversed)) != 0)
                        return rc;
                    R->cost -= g - best;
                    push(R, p);
                    push(R, nx);
                    push(R, s1);
                    push(R, s2);
                    push(R, x);
                    push(R, y);
                    return 1;
                }
            }
        }
    }
    return 0;
}

static int local_search(struct rt *R)
{
    while (R->qlen > 0) {
        uint32_t a = R->queue[R->qhead];
        int rc;
        R->qhead = (R->qhead + 1) % R->n;
        R->qlen--;
        R->queued[a] = 0;
        rc = try_2opt(R, a);
        if (rc == 0)
            rc = try_oropt(R, a);
        if (rc < 0)
            return rc;
    }
    return CCAD_OK;
}

static uint64_t next_random(uint64_t *s)
{
    uint64_t z = (*s += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* Iterated local search: `rounds` local double bridges. */
static int perturb(struct rt *R, uint64_t seed, uint64_t rounds)
{
    uint64_t r;
    uint32_t n = R->n, maxseg = n / 4 < 50 ? n / 4 : 50;
    if (n < 8 || maxseg < 1)
        return CCAD_OK;
    for (r = 0; r < rounds; r++) {
        uint32_t p1 = (uint32_t)(next_random(&seed) % n);
        uint32_t l1 = 1 + (uint32_t)(next_random(&seed) % maxseg);
        uint32_t l2 = 1 + (uint32_t)(next_random(&seed) % maxseg);
        uint32_t a = R->t[p1], a1 = R->t[(p1 + 1) % n];
        uint32_t b = R->t[(p1 + l1) % n], b1 = R->t[(p1 + l1 + 1) % n];
        uint32_t c = R->t[(p1 + l1 + l2) % n], c1 = R->t[(p1 + l1 + l2 + 1) % n];
        int64_t before = R->cost, delta;
        int rc;
        size_t k;
        if (l1 + l2 + 2 > n)
            continue;
        /* A=[a1..b], B=[b1..c] -> a B A c1 */
        delta = dist(R, a, b1) + dist(R, c, a1) + dist(R, b, c1) - dist(R, a, a1) -
                dist(R, b, b1) - dist(R, c, c1);
        R->nlog = 0;
        R->logging = 1;
        if ((rc = move_segment(R, (p1 + 1) % n, l1, c, 0)) != 0)
            return rc;
        R->cost += delta;
        push(R, a);
        push(R, a1);
        push(R, b);
        push(R, b1);
        push(R, c);
        push(R, c1);
        if ((rc = local_search(R)) != 0)
            return rc;
        R->logging = 0;
        if (R->cost <= before) /* equal tours are kept too: they let the search drift */
            continue;
        /* undo: replay the reversals backwards */
        for (k = R->nlog; k >= 2; k -= 2)
            (void)reverse_exact(R, R->log[k - 2], R->log[k - 1]);
        R->cost = before;
    }
    R->logging = 0;
    return CCAD_OK;
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

/* K nearest neighbours of every point, ties by index. */
static void build_neighbours(struct rt *R)
{
    uint32_t i, j, n = R->n;
    R->k = n - 1 < K_NEIGH ? n - 1 : K_NEIGH;
    for (i = 0; i < n; i++) {
        uint32_t *nb = R->neigh + (size_t)i * K_NEIGH, cnt = 0;
        int64_t dv[K_NEIGH];
        for (j = 0; j < n; j++) {
            int64_t d;
            uint32_t q;
            if (j == i)
                continue;
            d = dist(R, i, j);
            if (cnt == R->k && d >= dv[cnt - 1])
                continue;
            q = cnt < R->k ? cnt++ : cnt - 1;
            while (q > 0 && dv[q - 1] > d) {
                dv[q] = dv[q - 1];
                nb[q] = nb[q - 1];
                q--;
            }
            dv[q] = d;
            nb[q] = j;
        }
    }
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

static void free_rt(struct rt *R)
{
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
            return ccad__fail_in(R->ctx, fn, rc);
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
    build_neighbours(R);
    nearest_neighbour_tour(R);
    for (i = 0; i < R->n; i++)
        push(R, R->t[i]);
    rc = local_search(R);
    if (rc == CCAD_OK)
        rc = perturb(R, o->seed, (uint64_t)o->effort * R->n);
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
        rc = solve_search(&R, &o, out_order);
    }
    if (rc == CCAD_OK && out_cost != NULL)
        *out_cost = R.cost;
    free_rt(&R);
    if (rc != CCAD_OK)
        return ccad__fail(ctx, rc, "%s: out of memory", fn);
    return CCAD_OK;
}
