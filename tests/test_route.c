/* Routes: ccad_route_solve against brute force and an independent
 * Held-Karp, invariants of heuristic tours (permutation, cost, 2-opt
 * optimality), TSPLIB optima, the three metrics, bad input and allocation
 * failures. Costs are recomputed here with the documented formula:
 * PLANAR edge = nint(sqrt(dx^2 + dy^2) * scale); a closed tour adds the
 * edge back to the base. */
#if defined(__unix__) || defined(__APPLE__)
#define _POSIX_C_SOURCE 200809L
#define TR_HAVE_FORK 1
#endif
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef TR_HAVE_FORK
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#endif

#define SENTINEL 0xDEADBEEFu
#define EARTH_M 6371008.8
#define DEG (3.14159265358979323846 / 180.0)

/* ---- fixed-seed generator: tu_rng on one state for the whole file ---- */

static uint64_t rng_state;

static void rng_seed(uint64_t s) { rng_state = tu_rng_seed(s); }

static uint64_t rng_next(void) { return tu_rng_next(&rng_state); }

static double rng_unit(void) { return tu_rng_unit(&rng_state); }

/* random points in [0, span)^2; integer coordinates when grid is set */
static void random_points(double *x, double *y, size_t n, double span, int grid)
{
    size_t i;
    for (i = 0; i < n; i++) {
        x[i] = rng_unit() * span;
        y[i] = rng_unit() * span;
        if (grid) {
            x[i] = floor(x[i]);
            y[i] = floor(y[i]);
        }
    }
}

/* ---- costs recomputed independently ---- */

static int64_t planar_edge(const double *x, const double *y, size_t i, size_t j, double scale)
{
    double dx = x[i] - x[j], dy = y[i] - y[j];
    return (int64_t)floor(sqrt(dx * dx + dy * dy) * scale + 0.5);
}

static int64_t planar_cost(const double *x, const double *y, const uint32_t *order, size_t n,
                           int closed, double scale)
{
    int64_t c = 0;
    size_t k;
    for (k = 0; k + 1 < n; k++)
        c += planar_edge(x, y, order[k], order[k + 1], scale);
    if (closed && n > 1)
        c += planar_edge(x, y, order[n - 1], order[0], scale);
    return c;
}

/* Asserts order is a permutation of 0..n-1 that starts with 0. */
static void assert_tour(const uint32_t *order, size_t n)
{
    unsigned char *seen = calloc(n, 1);
    size_t k;
    assert_non_null(seen);
    assert_int_equal(order[0], 0);
    for (k = 0; k < n; k++) {
        assert_true(order[k] < n);
        assert_int_equal(seen[order[k]], 0);
        seen[order[k]] = 1;
    }
    free(seen);
}

/* ---- brute force over all orders of the stops (base fixed first) ---- */

struct bf {
    const int64_t *d; /* n x n */
    size_t n;
    int closed;
    uint32_t perm[16];
    unsigned char used[16];
    int64_t best;
};

static void bf_rec(struct bf *B, size_t depth, int64_t sofar)
{
    size_t j;
    if (depth == B->n) {
        int64_t c = sofar + (B->closed ? B->d[(size_t)B->perm[depth - 1] * B->n] : 0);
        if (c < B->best)
            B->best = c;
        return;
    }
    for (j = 1; j < B->n; j++) {
        if (B->used[j])
            continue;
        B->used[j] = 1;
        B->perm[depth] = (uint32_t)j;
        bf_rec(B, depth + 1, sofar + B->d[(size_t)B->perm[depth - 1] * B->n + j]);
        B->used[j] = 0;
    }
}

static int64_t brute_force(const int64_t *d, size_t n, int closed)
{
    struct bf B;
    memset(&B, 0, sizeof B);
    B.d = d;
    B.n = n;
    B.closed = closed;
    B.best = INT64_MAX;
    B.perm[0] = 0;
    B.used[0] = 1;
    bf_rec(&B, 1, 0);
    return n == 1 ? 0 : B.best;
}

/* ---- a separately written Held-Karp: g[S][j] = shortest path from the
 *      base through the stop set S (bits of stops 1..n-1) ending at j ---- */

static int64_t held_karp(const int64_t *d, size_t n, int closed)
{
    size_t m = n - 1, S, j, k, full;
    int64_t *g, best = INT64_MAX;
    if (m == 0)
        return 0;
    full = ((size_t)1 << m) - 1;
    g = malloc((full + 1) * m * sizeof *g);
    assert_non_null(g);
    for (S = 1; S <= full; S++)
        for (j = 0; j < m; j++) {
            int64_t v = INT64_MAX;
            size_t rest = S & ~((size_t)1 << j);
            if (!(S & ((size_t)1 << j)))
                continue;
            if (rest == 0)
                v = d[j + 1];
            else
                for (k = 0; k < m; k++)
                    if (rest & ((size_t)1 << k)) {
                        int64_t w = g[rest * m + k] + d[(k + 1) * n + j + 1];
                        if (w < v)
                            v = w;
                    }
            g[S * m + j] = v;
        }
    for (j = 0; j < m; j++) {
        int64_t w = g[full * m + j] + (closed ? d[(j + 1) * n] : 0);
        if (w < best)
            best = w;
    }
    free(g);
    return best;
}

static int64_t *planar_matrix(const double *x, const double *y, size_t n, double scale)
{
    int64_t *d = malloc(n * n * sizeof *d);
    size_t i, j;
    assert_non_null(d);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            d[i * n + j] = planar_edge(x, y, i, j, scale);
    return d;
}

/* ---- fixtures ---- */

static ccad_ctx *new_ctx(tu_alloc *al, ccad_host *h)
{
    ccad_ctx *ctx = NULL;
    *h = tu_host(al);
    assert_int_equal(ccad_ctx_new(&ctx, h), CCAD_OK);
    return ctx;
}

static void fill_sentinel(uint32_t *order, size_t n)
{
    size_t k;
    for (k = 0; k < n; k++)
        order[k] = SENTINEL;
}

static void assert_sentinel(const uint32_t *order, size_t n)
{
    size_t k;
    for (k = 0; k < n; k++)
        assert_int_equal(order[k], SENTINEL);
}

/* Solves with the given options and checks the generic invariants:
 * a permutation from 0 and out_cost = the recomputed planar cost. */
static int64_t solve_planar(ccad_ctx *ctx, const double *x, const double *y, size_t n,
                            const ccad_route_options *o, uint32_t *order)
{
    int64_t cost = -1;
    assert_int_equal(ccad_route_solve(ctx, x, y, n, o, order, &cost), CCAD_OK);
    assert_tour(order, n);
    assert_int_equal(cost, planar_cost(x, y, order, n, o->closed, o->scale));
    return cost;
}

/* ==== optimality up to 12 stops ==== */

static void exact_vs_bruteforce(void **state)
{
    tu_alloc al;
    ccad_host h;
    ccad_ctx *ctx = new_ctx(&al, &h);
    static const double scales[] = {1.0, 10.0, 0.37};
    size_t stops;
    int cases = 0;
    (void)state;
    rng_seed(11);
    for (stops = 1; stops <= 9; stops++) {
        int inst, closed, per = stops <= 7 ? 6 : 2;
        for (inst = 0; inst < per; inst++)
            for (closed = 0; closed <= 1; closed++) {
                double x[16], y[16];
                uint32_t order[16];
                size_t n = stops + 1;
                ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
                int64_t *d, cost, bf;
                o.closed = closed;
                o.scale = scales[inst % 3];
                /* integer grid (many ties) on even instances */
                random_points(x, y, n, inst % 2 ? 100.0 : 20.0, inst % 2 == 0);
                d = planar_matrix(x, y, n, o.scale);
                cost = solve_planar(ctx, x, y, n, &o, order);
                bf = brute_force(d, n, closed);
                assert_int_equal(cost, bf);
                /* the DP written here agrees with the brute force */
                assert_int_equal(held_karp(d, n, closed), bf);
                free(d);
                cases++;
            }
    }
    print_message("route exact: %d instances equal to brute force\n", cases);
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

static void exact_vs_dp(void **state)
{
    tu_alloc al;
    ccad_host h;
    ccad_ctx *ctx = new_ctx(&al, &h);
    size_t stops;
    (void)state;
    rng_seed(12);
    for (stops = 10; stops <= 12; stops++) {
        int inst, closed;
        for (inst = 0; inst < 3; inst++)
            for (closed = 0; closed <= 1; closed++) {
                double x[16], y[16];
                uint32_t order[16];
                size_t n = stops + 1;
                ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
                int64_t *d, cost;
                o.closed = closed;
                o.scale = inst == 2 ? 100.0 : 1.0;
                random_points(x, y, n, 1000.0, inst == 0);
                d = planar_matrix(x, y, n, o.scale);
                cost = solve_planar(ctx, x, y, n, &o, order);
                assert_int_equal(cost, held_karp(d, n, closed));
                free(d);
            }
    }
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

/* ==== heuristic tours ==== */

/* Number of improving 2-opt moves on the tour (all pairs). Open tours also
 * allow reversing a suffix (the last stop is free). */
static long improving_2opt(const double *x, const double *y, const uint32_t *o, size_t n,
                           int closed)
{
    long found = 0;
    size_t a, b;
#define E(p, q) planar_edge(x, y, o[p], o[q], 1.0)
    for (a = 0; a + 1 < n; a++)
        for (b = a + 2; b < n; b++) {
            int64_t before, after;
            if (b + 1 < n) {
                before = E(a, a + 1) + E(b, b + 1);
                after = E(a, b) + E(a + 1, b + 1);
            } else if (closed) {
                if (a == 0)
                    continue; /* the same edge pair, nothing to reverse */
                before = E(a, a + 1) + E(b, 0);
                after = E(a, b) + E(a + 1, 0);
            } else {
                before = E(a, a + 1);
                after = E(a, b);
            }
            if (after < before)
                found++;
        }
#undef E
    return found;
}

static void heuristic_random(void **state)
{
    tu_alloc al;
    ccad_host h;
    ccad_ctx *ctx = new_ctx(&al, &h);
    static const size_t sizes[] = {14, 50, 120, 300, 1000, 2000};
    size_t s;
    (void)state;
    rng_seed(13);
    for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        int closed;
        for (closed = 0; closed <= 1; closed++) {
            size_t n = sizes[s];
            double *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
            uint32_t *order = malloc(n * sizeof *order);
            ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
            assert_non_null(x);
            assert_non_null(y);
            assert_non_null(order);
            o.closed = closed;
            random_points(x, y, n, 1000.0, s % 2 == 0);
            (void)solve_planar(ctx, x, y, n, &o, order);
            if (n <= 300)
                assert_int_equal(improving_2opt(x, y, order, n, closed), 0);
            free(x);
            free(y);
            free(order);
        }
    }
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

/* ==== TSPLIB ==== */

#ifdef CCAD_TSPLIB_DIR
static int read_tsp(const char *path, double **px, double **py, size_t *pn)
{
    FILE *f = fopen(path, "r");
    char line[256];
    size_t n = 0, got = 0;
    int coords = 0;
    double *x = NULL, *y = NULL;
    if (f == NULL)
        return -1;
    while (fgets(line, sizeof line, f) != NULL) {
        if (!coords) {
            if (strncmp(line, "DIMENSION", 9) == 0) {
                const char *c = strchr(line, ':');
                n = c != NULL ? (size_t)strtoul(c + 1, NULL, 10) : 0;
            } else if (strncmp(line, "NODE_COORD_SECTION", 18) == 0) {
                if (n == 0)
                    break;
                x = calloc(n, sizeof *x);
                y = calloc(n, sizeof *y);
                assert_non_null(x);
                assert_non_null(y);
                coords = 1;
            }
        } else {
            unsigned long id;
            double a, b;
            if (sscanf(line, "%lu %lf %lf", &id, &a, &b) != 3)
                break;
            assert_true(id >= 1 && id <= n);
            x[id - 1] = a;
            y[id - 1] = b;
            got++;
        }
    }
    fclose(f);
    if (!coords || got != n) {
        free(x);
        free(y);
        return -1;
    }
    *px = x;
    *py = y;
    *pn = n;
    return 0;
}

#endif
static void tsplib_optima(void **state)
{
#ifdef CCAD_TSPLIB_DIR
    static const struct {
        const char *name;
        int64_t opt;
    } inst[] = {{"eil51", 426}, {"berlin52", 7542}};
    tu_alloc al;
    ccad_host h;
    ccad_ctx *ctx = new_ctx(&al, &h);
    size_t k;
    (void)state;
    for (k = 0; k < 2; k++) {
        char path[1024];
        double *x = NULL, *y = NULL;
        size_t n = 0;
        uint32_t *order;
        int64_t cost = 0;
        snprintf(path, sizeof path, "%s/%s.tsp", CCAD_TSPLIB_DIR, inst[k].name);
        if (read_tsp(path, &x, &y, &n) != 0) {
            print_message("route TSPLIB: %s not readable, skipped\n", path);
            ccad_ctx_free(ctx);
            skip();
        }
        order = malloc(n * sizeof *order);
        assert_non_null(order);
        assert_int_equal(ccad_route_solve(ctx, x, y, n, NULL, order, &cost), CCAD_OK);
        assert_tour(order, n);
        assert_int_equal(cost, planar_cost(x, y, order, n, 1, 1.0));
        assert_int_equal(cost, inst[k].opt);
        free(order);
        free(x);
        free(y);
    }
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
#else
    (void)state;
    print_message("route TSPLIB: shared data not found at configure time, skipped\n");
    skip();
#endif
}

/* ==== determinism ==== */

static void determinism(void **state)
{
    tu_alloc al;
    ccad_host h;
    ccad_ctx *ctx = new_ctx(&al, &h), *ctx2 = NULL;
    enum { N = 400 };
    static double x[N], y[N];
    static uint32_t a[N], b[N], c[N];
    ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
    int64_t ca, cb, cc, c0;
    (void)state;
    rng_seed(14);
    random_points(x, y, N, 1000.0, 0);
    o.seed = 7;
    ca = solve_planar(ctx, x, y, N, &o, a);
    /* another context, another call: the very same tour */
    assert_int_equal(ccad_ctx_new(&ctx2, &h), CCAD_OK);
    cb = solve_planar(ctx2, x, y, N, &o, b);
    ccad_ctx_free(ctx2);
    assert_int_equal(ca, cb);
    assert_memory_equal(a, b, sizeof a);
    /* another seed: valid, possibly different */
    o.seed = 8;
    cc = solve_planar(ctx, x, y, N, &o, c);
    print_message("route seeds 7 and 8: %lld and %lld (%s)\n", (long long)ca, (long long)cc,
                  memcmp(a, c, sizeof a) == 0 ? "same tour" : "different tours");
    /* effort 0: local search only, still a valid 2-opt optimal tour */
    o.effort = 0;
    /* effort 0: local search only; valid, but 2-opt optimality is not
     * promised (neighbour lists and don't-look bits can miss moves) */
    c0 = solve_planar(ctx, x, y, N, &o, c);
    print_message("route effort 0: %lld (%ld improving 2-opt moves left)\n", (long long)c0,
                  improving_2opt(x, y, c, N, 1));
    fill_sentinel(b, N);
    (void)solve_planar(ctx, x, y, 300, &o, b);
    /* NULL options = the defaults */
    assert_int_equal(ccad_route_solve(ctx, x, y, N, NULL, b, &cb), CCAD_OK);
    o = (ccad_route_options)CCAD_ROUTE_OPTIONS_INIT;
    assert_int_equal(ccad_route_solve(ctx, x, y, N, &o, c, &cc), CCAD_OK);
    assert_int_equal(cb, cc);
    assert_memory_equal(b, c, sizeof b);
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

/* ==== GEO ==== */

static double haversine(double lon1, double lat1, double lon2, double lat2)
{
    double p1 = lat1 * DEG, p2 = lat2 * DEG, dp = p2 - p1, dl = (lon2 - lon1) * DEG;
    double s1 = sin(dp / 2), s2 = sin(dl / 2);
    double hv = s1 * s1 + cos(p1) * cos(p2) * s2 * s2;
    return 2.0 * EARTH_M * asin(sqrt(hv));
}

static void geo_metric(void **state)
{
    tu_alloc al;
    ccad_host h;
    ccad_ctx *ctx = new_ctx(&al, &h);
    static const size_t sizes[] = {2, 7, 13, 40};
    double x[40], y[40];
    uint32_t order[40];
    size_t s;
    (void)state;
    rng_seed(15);
    for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        int closed;
        for (closed = 0; closed <= 1; closed++) {
            size_t n = sizes[s], k, edges;
            ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
            int64_t cost = -1;
            double sum = 0.0;
            o.metric = CCAD_METRIC_GEO;
            o.closed = closed;
            for (k = 0; k < n; k++) { /* within about 15 km of (31.2 N, 121.4 E) */
                x[k] = 121.4 + (rng_unit() - 0.5) * 0.3;
                y[k] = 31.2 + (rng_unit() - 0.5) * 0.3;
            }
            assert_int_equal(ccad_route_solve(ctx, x, y, n, &o, order, &cost), CCAD_OK);
            assert_tour(order, n);
            edges = closed ? n : n - 1;
            for (k = 0; k < edges; k++)
                sum += haversine(x[order[k]], y[order[k]], x[order[(k + 1) % n]], y[order[(k + 1) % n]]);
            assert_true(fabs((double)cost - sum) <= (double)edges * 1.0);
            assert_true(cost > 0);
        }
    }
    /* a known distance: one degree of latitude is about 111.2 km */
    {
        double gx[2] = {121.4, 121.4}, gy[2] = {31.2, 32.2};
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        int64_t cost = 0;
        o.metric = CCAD_METRIC_GEO;
        o.closed = 0;
        assert_int_equal(ccad_route_solve(ctx, gx, gy, 2, &o, order, &cost), CCAD_OK);
        assert_true(fabs((double)cost - EARTH_M * DEG) <= 1.0);
    }
    /* latitude beyond 90 degrees */
    {
        double gx[3] = {121.4, 121.5, 121.6}, gy[3] = {31.2, 90.5, 31.3};
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        int64_t cost = 77;
        o.metric = CCAD_METRIC_GEO;
        fill_sentinel(order, 3);
        TU_FAIL(ctx, ccad_route_solve(ctx, gx, gy, 3, &o, order, &cost), CCAD_ERANGE);
        gy[1] = -90.001;
        TU_FAIL(ctx, ccad_route_solve(ctx, gx, gy, 3, &o, order, &cost), CCAD_ERANGE);
        assert_sentinel(order, 3);
        assert_int_equal(cost, 77);
        gy[1] = 90.0; /* the pole itself is fine */
        assert_int_equal(ccad_route_solve(ctx, gx, gy, 3, &o, order, &cost), CCAD_OK);
        assert_tour(order, 3);
    }
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

/* ==== HOST ==== */

enum { HMAX = 64 };

struct travel_log {
    const double *x, *y;
    size_t n;
    long calls;
    long fail_at;  /* 1-based call that fails; 0 = never */
    int negative;  /* 1: report -1 minutes instead of failing */
    int asymmetric;
    int bad_pair;  /* a call with from == to or unknown coordinates */
    unsigned char seen[HMAX][HMAX];
};

static size_t point_index(const struct travel_log *L, double px, double py)
{
    size_t i;
    for (i = 0; i < L->n; i++)
        if (L->x[i] == px && L->y[i] == py)
            return i;
    return (size_t)-1;
}

/* Manhattan minutes; asymmetric: going up (y grows) costs 3 more per unit. */
static int32_t manhattan(double fx, double fy, double tx, double ty, int asymmetric)
{
    double m = fabs(fx - tx) + fabs(fy - ty);
    if (asymmetric && ty > fy)
        m += 3.0 * (ty - fy);
    return (int32_t)m;
}

/* host user data: the counting allocator followed by the travel log */
struct host_user {
    tu_alloc al;
    struct travel_log *log;
};

static int travel_cb(void *user, double fx, double fy, double tx, double ty, int32_t *out)
{
    struct travel_log *L = ((struct host_user *)user)->log;
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

static ccad_ctx *new_host_ctx(struct host_user *u, struct travel_log *L)
{
    ccad_host h = tu_host(&u->al);
    ccad_ctx *ctx = NULL;
    u->log = L;
    h.user = u;
    h.travel = travel_cb;
    assert_int_equal(ccad_ctx_new(&ctx, &h), CCAD_OK);
    return ctx;
}

static int64_t host_cost(const struct travel_log *L, const uint32_t *order, size_t n, int closed)
{
    int64_t c = 0;
    size_t k;
    for (k = 0; k + 1 < n; k++)
        c += manhattan(L->x[order[k]], L->y[order[k]], L->x[order[k + 1]], L->y[order[k + 1]],
                       L->asymmetric);
    if (closed && n > 1)
        c += manhattan(L->x[order[n - 1]], L->y[order[n - 1]], L->x[order[0]], L->y[order[0]],
                       L->asymmetric);
    return c;
}

/* distinct integer points so the callback can tell them apart */
static void distinct_points(double *x, double *y, size_t n, int span)
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

static void host_metric(void **state)
{
    static const size_t sizes[] = {1, 2, 5, 9, 13, 40};
    size_t s;
    (void)state;
    rng_seed(16);
    for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        int closed;
        for (closed = 0; closed <= 1; closed++) {
            struct host_user u;
            struct travel_log L;
            ccad_ctx *ctx;
            double x[HMAX], y[HMAX];
            uint32_t order[HMAX];
            size_t n = sizes[s], i, j;
            ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
            int64_t cost = -1;
            memset(&L, 0, sizeof L);
            distinct_points(x, y, n, 100);
            L.x = x;
            L.y = y;
            L.n = n;
            ctx = new_host_ctx(&u, &L);
            o.metric = CCAD_METRIC_HOST;
            o.closed = closed;
            assert_int_equal(ccad_route_solve(ctx, x, y, n, &o, order, &cost), CCAD_OK);
            assert_tour(order, n);
            assert_int_equal(cost, host_cost(&L, order, n, closed));
            /* every ordered pair of distinct points exactly once */
            assert_int_equal(L.calls, (long)(n * (n - 1)));
            assert_int_equal(L.bad_pair, 0);
            for (i = 0; i < n; i++)
                for (j = 0; j < n; j++)
                    assert_int_equal(L.seen[i][j], i == j ? 0 : 1);
            if (n <= 10) {
                int64_t *d = malloc(n * n * sizeof *d);
                assert_non_null(d);
                for (i = 0; i < n; i++)
                    for (j = 0; j < n; j++)
                        d[i * n + j] = manhattan(x[i], y[i], x[j], y[j], 0);
                assert_int_equal(cost, brute_force(d, n, closed));
                free(d);
            }
            ccad_ctx_free(ctx);
            assert_int_equal(u.al.live, 0);
        }
    }
}

static void host_errors(void **state)
{
    struct host_user u;
    struct travel_log L;
    ccad_ctx *ctx;
    static const size_t sizes[] = {6, 20};
    double x[HMAX], y[HMAX];
    uint32_t order[HMAX];
    size_t s;
    (void)state;
    rng_seed(17);
    for (s = 0; s < 2; s++) {
        size_t n = sizes[s];
        long N, total = (long)(n * (n - 1));
        int neg;
        memset(&L, 0, sizeof L);
        distinct_points(x, y, n, 100);
        L.x = x;
        L.y = y;
        L.n = n;
        ctx = new_host_ctx(&u, &L);
        for (neg = 0; neg <= 1; neg++)
            for (N = 1; N <= total; N++) {
                ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
                int64_t cost = 55;
                long live = u.al.live;
                o.metric = CCAD_METRIC_HOST;
                o.closed = (int)(N % 2);
                L.calls = 0;
                L.fail_at = N;
                L.negative = neg;
                fill_sentinel(order, n);
                TU_FAIL(ctx, ccad_route_solve(ctx, x, y, n, &o, order, &cost), CCAD_ECALLBACK);
                assert_sentinel(order, n);
                assert_int_equal(cost, 55);
                assert_int_equal(L.calls, N); /* stops at the first failure */
                assert_int_equal(u.al.live, live);
            }
        ccad_ctx_free(ctx);
        assert_int_equal(u.al.live, 0);
    }
    /* no travel callback */
    {
        tu_alloc al;
        ccad_host h;
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        ctx = new_ctx(&al, &h);
        o.metric = CCAD_METRIC_HOST;
        fill_sentinel(order, 5);
        TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 5, &o, order, NULL), CCAD_ENOTSUP);
        assert_sentinel(order, 5);
        ccad_ctx_free(ctx);
        assert_int_equal(al.live, 0);
    }
    /* at most 2048 points */
    {
        size_t n = 2049, i;
        double *bx = malloc(n * sizeof *bx), *by = malloc(n * sizeof *by);
        uint32_t *bo = malloc(n * sizeof *bo);
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        int64_t cost = 0;
        assert_non_null(bx);
        assert_non_null(by);
        assert_non_null(bo);
        for (i = 0; i < n; i++) {
            bx[i] = (double)(i % 64);
            by[i] = (double)(i / 64);
        }
        memset(&L, 0, sizeof L);
        L.x = bx;
        L.y = by;
        L.n = n;
        ctx = new_host_ctx(&u, &L);
        o.metric = CCAD_METRIC_HOST;
        o.effort = 0;
        fill_sentinel(bo, n);
        TU_FAIL(ctx, ccad_route_solve(ctx, bx, by, n, &o, bo, &cost), CCAD_ERANGE);
        assert_sentinel(bo, n);
        assert_int_equal(L.calls, 0);
        /* 2048 is accepted */
        assert_int_equal(ccad_route_solve(ctx, bx, by, 2048, &o, bo, &cost), CCAD_OK);
        assert_tour(bo, 2048);
        assert_int_equal(L.calls, 2048L * 2047L);
        assert_int_equal(cost, host_cost(&L, bo, 2048, 1));
        ccad_ctx_free(ctx);
        assert_int_equal(u.al.live, 0);
        free(bx);
        free(by);
        free(bo);
    }
}

/* Travel times differ by direction (one-way streets, hills): the cost of
 * the returned order, driven in the returned direction, must equal
 * out_cost, and the call must return. Run in a child process with a time
 * limit so that a hang fails this test instead of the whole suite. */
static int asymmetric_case(size_t n, int closed)
{
    struct host_user u;
    struct travel_log L;
    ccad_ctx *ctx;
    double x[HMAX], y[HMAX];
    uint32_t order[HMAX];
    ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
    int64_t cost = -1;
    size_t k;
    unsigned char seen[HMAX] = {0};
    memset(&L, 0, sizeof L);
    rng_seed(18 + n);
    distinct_points(x, y, n, 100);
    L.x = x;
    L.y = y;
    L.n = n;
    L.asymmetric = 1;
    ctx = new_host_ctx(&u, &L);
    o.metric = CCAD_METRIC_HOST;
    o.closed = closed;
    if (ccad_route_solve(ctx, x, y, n, &o, order, &cost) != CCAD_OK)
        return 2;
    if (order[0] != 0)
        return 3;
    for (k = 0; k < n; k++) {
        if (order[k] >= n || seen[order[k]])
            return 3;
        seen[order[k]] = 1;
    }
    if (cost != host_cost(&L, order, n, closed))
        return 4;
    ccad_ctx_free(ctx);
    return u.al.live == 0 ? 0 : 5;
}

static void host_asymmetric(void **state)
{
    static const size_t sizes[] = {8, 13, 14, 30, 60};
    size_t s;
    (void)state;
    for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        int closed;
        for (closed = 0; closed <= 1; closed++) {
#ifdef TR_HAVE_FORK
            pid_t pid;
            int status = 0, waited = 0;
            fflush(NULL);
            pid = fork();
            assert_true(pid >= 0);
            if (pid == 0)
                _exit(asymmetric_case(sizes[s], closed));
            for (;;) {
                struct timespec ts = {0, 50000000L};
                pid_t r = waitpid(pid, &status, WNOHANG);
                assert_true(r >= 0);
                if (r == pid)
                    break;
                if (++waited > 10 * 20) { /* 10 s */
                    kill(pid, SIGKILL);
                    (void)waitpid(pid, &status, 0);
                    fail_msg("asymmetric travel times, %lu points, closed=%d: "
                             "ccad_route_solve did not return within 10 s",
                             (unsigned long)sizes[s], closed);
                }
                nanosleep(&ts, NULL);
            }
            assert_true(WIFEXITED(status));
            if (WEXITSTATUS(status) != 0)
                fail_msg("asymmetric travel times, %lu points, closed=%d: check %d failed "
                         "(2 = error code, 3 = not a permutation from 0, 4 = out_cost differs "
                         "from the directed cost of the order, 5 = leak)",
                         (unsigned long)sizes[s], closed, WEXITSTATUS(status));
#else
            assert_int_equal(asymmetric_case(sizes[s], closed), 0);
#endif
        }
    }
}

/* The plain Held-Karp of the exact solver as first written, with its tie
 * rules: each state keeps the first (lowest) predecessor of least cost and
 * the tour ends at the first (lowest) last stop of least cost. Gives the
 * order, so that a faster exact solver can be held to the very same tour
 * among equally short ones. */
static int64_t held_karp_order(const int64_t *d, size_t n, int closed, uint32_t *order)
{
    size_t m = n - 1, S, j, k, full, mask, last = 0;
    int64_t *g, best = INT64_MAX;
    unsigned char *from;
    order[0] = 0;
    if (m == 0)
        return 0;
    full = ((size_t)1 << m) - 1;
    g = malloc((full + 1) * m * sizeof *g);
    from = malloc((full + 1) * m);
    assert_non_null(g);
    assert_non_null(from);
    for (S = 1; S <= full; S++)
        for (j = 0; j < m; j++) {
            int64_t v = INT64_MAX;
            unsigned char f = 0;
            size_t rest = S & ~((size_t)1 << j);
            if (!(S & ((size_t)1 << j)))
                continue;
            if (rest == 0)
                v = d[j + 1];
            else
                for (k = 0; k < m; k++)
                    if (rest & ((size_t)1 << k)) {
                        int64_t w = g[rest * m + k] + d[(k + 1) * n + j + 1];
                        if (w < v) {
                            v = w;
                            f = (unsigned char)k;
                        }
                    }
            g[S * m + j] = v;
            from[S * m + j] = f;
        }
    for (j = 0; j < m; j++) {
        int64_t w = g[full * m + j] + (closed ? d[(j + 1) * n] : 0);
        if (w < best) {
            best = w;
            last = j;
        }
    }
    mask = full;
    for (k = m; k >= 1; k--) {
        size_t f = from[mask * m + last];
        order[k] = (uint32_t)(last + 1);
        mask &= ~((size_t)1 << last);
        last = f;
    }
    free(g);
    free(from);
    return best;
}

/* The library's great-circle cost, written the same way (unit vectors,
 * chord, arc) so that the matrices agree to the unit. */
static int64_t geo_edge(double lon1, double lat1, double lon2, double lat2)
{
    double a[3], b[3], dx, dy, dz, chord;
    a[0] = cos(lat1 * DEG) * cos(lon1 * DEG);
    a[1] = cos(lat1 * DEG) * sin(lon1 * DEG);
    a[2] = sin(lat1 * DEG);
    b[0] = cos(lat2 * DEG) * cos(lon2 * DEG);
    b[1] = cos(lat2 * DEG) * sin(lon2 * DEG);
    b[2] = sin(lat2 * DEG);
    dx = a[0] - b[0];
    dy = a[1] - b[1];
    dz = a[2] - b[2];
    chord = sqrt(dx * dx + dy * dy + dz * dz);
    if (chord > 2.0)
        chord = 2.0;
    return (int64_t)(2.0 * asin(chord / 2.0) * EARTH_M + 0.5);
}

/* Up to 12 stops the solver returns exactly the plain Held-Karp tour,
 * ties included: few distinct points on a small grid (many equal tours),
 * repeated points and points at the base, great-circle costs, and costs
 * beyond 2^31 (a tour that needs 64-bit sums) as well as small ones. */
static void exact_same_tour_as_plain_dp(void **state)
{
    tu_alloc al;
    ccad_host h;
    ccad_ctx *ctx = new_ctx(&al, &h);
    static const double scales[] = {1.0, 1e7, 3e5, 0.01};
    size_t stops;
    int cases = 0, wide = 0;
    (void)state;
    rng_seed(23);
    for (stops = 0; stops <= 12; stops++) {
        int inst, closed, per = stops <= 9 ? 24 : 8;
        for (inst = 0; inst < per; inst++)
            for (closed = 0; closed <= 1; closed++) {
                double x[16], y[16];
                uint32_t order[16], ref[16];
                size_t n = stops + 1, i, j;
                ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
                int64_t d[16 * 16], cost = -1, want;
                int kind = inst % 6;
                o.closed = closed;
                o.scale = scales[(inst / 6) % 4];
                if (kind == 0) {
                    random_points(x, y, n, 1000.0, 0);
                } else if (kind == 1) {
                    random_points(x, y, n, 4.0, 1); /* a 4 x 4 grid: many ties */
                } else if (kind == 2) {
                    random_points(x, y, n, 1000.0, 0);
                    for (i = 1; i < n; i++) /* repeated points, some at the base */
                        if (rng_next() % 3 == 0) {
                            size_t src = (size_t)(rng_next() % n);
                            x[i] = x[src];
                            y[i] = y[src];
                        }
                } else if (kind == 3) {
                    random_points(x, y, n, 3.0, 1);
                    x[0] = 1.0; /* the base in the middle of a 3 x 3 grid */
                    y[0] = 1.0;
                } else {
                    o.metric = CCAD_METRIC_GEO;
                    for (i = 0; i < n; i++) {
                        x[i] = 121.4 + (rng_unit() - 0.5) * (kind == 4 ? 0.3 : 100.0);
                        y[i] = 31.2 + (rng_unit() - 0.5) * (kind == 4 ? 0.3 : 100.0);
                        if (kind == 5 && i > 0 && rng_next() % 4 == 0) {
                            x[i] = x[0];
                            y[i] = y[0];
                        }
                    }
                }
                for (i = 0; i < n; i++)
                    for (j = 0; j < n; j++)
                        d[i * n + j] = o.metric == CCAD_METRIC_GEO
                                           ? (i == j ? 0 : geo_edge(x[i], y[i], x[j], y[j]))
                                           : planar_edge(x, y, i, j, o.scale);
                want = held_karp_order(d, n, closed, ref);
                assert_int_equal(ccad_route_solve(ctx, x, y, n, &o, order, &cost), CCAD_OK);
                assert_int_equal(cost, want);
                assert_memory_equal(order, ref, n * sizeof *order);
                cases++;
                wide += want > INT32_MAX;
            }
    }
    /* directed travel times (one-way streets, hills) through the host */
    for (stops = 1; stops <= 12; stops++) {
        int inst, closed;
        for (inst = 0; inst < 4; inst++)
            for (closed = 0; closed <= 1; closed++) {
                struct host_user u;
                struct travel_log L;
                ccad_ctx *hctx;
                double x[16], y[16];
                uint32_t order[16], ref[16];
                size_t n = stops + 1, i, j;
                ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
                int64_t d[16 * 16], cost = -1, want;
                memset(&L, 0, sizeof L);
                distinct_points(x, y, n, inst % 2 ? 100 : 6);
                L.x = x;
                L.y = y;
                L.n = n;
                L.asymmetric = inst >= 2;
                hctx = new_host_ctx(&u, &L);
                o.metric = CCAD_METRIC_HOST;
                o.closed = closed;
                for (i = 0; i < n; i++)
                    for (j = 0; j < n; j++)
                        d[i * n + j] = i == j ? 0 : manhattan(x[i], y[i], x[j], y[j], L.asymmetric);
                want = held_karp_order(d, n, closed, ref);
                assert_int_equal(ccad_route_solve(hctx, x, y, n, &o, order, &cost), CCAD_OK);
                assert_int_equal(cost, want);
                assert_memory_equal(order, ref, n * sizeof *order);
                ccad_ctx_free(hctx);
                assert_int_equal(u.al.live, 0);
                cases++;
            }
    }
    print_message("route exact: %d instances with the plain DP's tour (%d beyond 2^31)\n", cases,
                  wide);
    assert_true(wide > 20);
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

/* ==== bad input ==== */

static void bad_input(void **state)
{
    tu_alloc al;
    ccad_host h;
    ccad_ctx *ctx = new_ctx(&al, &h);
    double x[8] = {0, 1, 2, 3, 4, 5, 6, 7}, y[8] = {0, 3, 1, 4, 1, 5, 9, 2};
    uint32_t order[8];
    int64_t cost = 99;
    ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
    size_t big = (size_t)CCAD_ROUTE_MAX_POINTS + 1;
    double *bx, *by;
    uint32_t *bo;
    int k;
    (void)state;
    assert_int_equal(ccad_route_max_points(), (size_t)CCAD_ROUTE_MAX_POINTS);
    fill_sentinel(order, 8);

    /* NULL pointers */
    assert_int_equal(ccad_route_solve(NULL, x, y, 8, &o, order, &cost), CCAD_EINVAL);
    TU_FAIL(ctx, ccad_route_solve(ctx, NULL, y, 8, &o, order, &cost), CCAD_EINVAL);
    TU_FAIL(ctx, ccad_route_solve(ctx, x, NULL, 8, &o, order, &cost), CCAD_EINVAL);
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, NULL, &cost), CCAD_EINVAL);

    /* point count */
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 0, &o, order, &cost), CCAD_ERANGE);
    bx = calloc(big, sizeof *bx);
    by = calloc(big, sizeof *by);
    bo = malloc(big * sizeof *bo);
    assert_non_null(bx);
    assert_non_null(by);
    assert_non_null(bo);
    fill_sentinel(bo, big);
    TU_FAIL(ctx, ccad_route_solve(ctx, bx, by, big, &o, bo, &cost), CCAD_ERANGE);
    assert_sentinel(bo, big);
    free(bx);
    free(by);
    free(bo);

    /* coordinates */
    for (k = 0; k < 4; k++) {
        double sx[8], sy[8];
        double bad = k == 0 ? NAN : k == 1 ? INFINITY : k == 2 ? -INFINITY : -NAN;
        memcpy(sx, x, sizeof sx);
        memcpy(sy, y, sizeof sy);
        sx[5] = bad;
        TU_FAIL(ctx, ccad_route_solve(ctx, sx, sy, 8, &o, order, &cost), CCAD_ERANGE);
        sx[5] = x[5];
        sy[0] = bad;
        TU_FAIL(ctx, ccad_route_solve(ctx, sx, sy, 8, &o, order, &cost), CCAD_ERANGE);
        /* the heuristic path checks too */
        {
            double hx[20], hy[20];
            uint32_t ho[20];
            rng_seed(19);
            random_points(hx, hy, 20, 10.0, 0);
            hy[19] = bad;
            fill_sentinel(ho, 20);
            TU_FAIL(ctx, ccad_route_solve(ctx, hx, hy, 20, &o, ho, &cost), CCAD_ERANGE);
            assert_sentinel(ho, 20);
        }
    }

    /* options */
    o.size = 0;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_EVERSION);
    o.size = (uint32_t)sizeof o - 1;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_EVERSION);
    o.size = (uint32_t)sizeof o + 8;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_EVERSION);
    o = (ccad_route_options)CCAD_ROUTE_OPTIONS_INIT;
    o.metric = 0;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_EINVAL);
    o.metric = 4;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_EINVAL);
    o.metric = -1;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_EINVAL);
    o = (ccad_route_options)CCAD_ROUTE_OPTIONS_INIT;
    o.closed = 2;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_EINVAL);
    o.closed = -1;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_EINVAL);
    o = (ccad_route_options)CCAD_ROUTE_OPTIONS_INIT;
    o.effort = -1;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_ERANGE);
    o.effort = 10001;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_ERANGE);
    o.effort = INT32_MIN;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_ERANGE);
    o = (ccad_route_options)CCAD_ROUTE_OPTIONS_INIT;
    o.scale = 0.0;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_ERANGE);
    o.scale = -1.0;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_ERANGE);
    o.scale = NAN;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_ERANGE);
    o.scale = INFINITY;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_ERANGE);
    assert_sentinel(order, 8);
    assert_int_equal(cost, 99);

    /* the limits themselves are accepted */
    o = (ccad_route_options)CCAD_ROUTE_OPTIONS_INIT;
    o.effort = 10000;
    (void)solve_planar(ctx, x, y, 8, &o, order);
    o.effort = 0;
    o.closed = 0;
    o.scale = 1e-9;
    (void)solve_planar(ctx, x, y, 8, &o, order);
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

/* ==== edge cases ==== */

static void edge_cases(void **state)
{
    tu_alloc al;
    ccad_host h;
    ccad_ctx *ctx = new_ctx(&al, &h);
    double x[64], y[64];
    uint32_t order[64];
    int64_t cost;
    int closed, metric;
    size_t n, k;
    (void)state;
    for (metric = CCAD_METRIC_PLANAR; metric <= CCAD_METRIC_GEO; metric++)
        for (closed = 0; closed <= 1; closed++) {
            ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
            o.metric = metric;
            o.closed = closed;
            /* one point */
            x[0] = 3.5;
            y[0] = 4.5;
            cost = -1;
            order[0] = SENTINEL;
            assert_int_equal(ccad_route_solve(ctx, x, y, 1, &o, order, &cost), CCAD_OK);
            assert_int_equal(order[0], 0);
            assert_int_equal(cost, 0);
            assert_int_equal(ccad_route_solve(ctx, x, y, 1, &o, order, NULL), CCAD_OK);
            /* all points identical: every edge has length 0 */
            for (n = 2; n <= 60; n += n < 16 ? 1 : 22) {
                for (k = 0; k < n; k++) {
                    x[k] = 12.25;
                    y[k] = 31.5;
                }
                cost = -1;
                assert_int_equal(ccad_route_solve(ctx, x, y, n, &o, order, &cost), CCAD_OK);
                assert_tour(order, n);
                assert_int_equal(cost, 0);
            }
        }
    for (closed = 0; closed <= 1; closed++) {
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        o.closed = closed;
        /* two points: 3-4-5 triangle side */
        x[0] = 0;
        y[0] = 0;
        x[1] = 3;
        y[1] = 4;
        cost = solve_planar(ctx, x, y, 2, &o, order);
        assert_int_equal(order[1], 1);
        assert_int_equal(cost, closed ? 10 : 5);
        /* three points */
        x[2] = 3;
        y[2] = 0;
        cost = solve_planar(ctx, x, y, 3, &o, order);
        assert_int_equal(cost, closed ? 12 : 7); /* open: 0 -> (3,0) -> (3,4) */
        if (!closed)
            assert_int_equal(order[1], 2);
        /* collinear points on a line, base in the middle, shuffled */
        for (n = 8; n <= 40; n += 32) {
            int64_t lo = 0, hi = 0, x0;
            rng_seed(20 + n);
            for (k = 0; k < n; k++) {
                x[k] = (double)(k * 7) - 100.0;
                y[k] = 2.0 * x[k] + 5.0; /* along a slanted line: length sqrt(5) per unit of x */
            }
            for (k = n - 1; k > 0; k--) {
                size_t j = (size_t)(rng_next() % (k + 1));
                double t = x[k];
                x[k] = x[j];
                x[j] = t;
                t = y[k];
                y[k] = y[j];
                y[j] = t;
            }
            for (k = 0; k < n; k++) {
                if (x[k] < x[lo])
                    lo = (int64_t)k;
                if (x[k] > x[hi])
                    hi = (int64_t)k;
            }
            x0 = 0;
            cost = solve_planar(ctx, x, y, n, &o, order);
            {
                int64_t span = planar_edge(x, y, (size_t)lo, (size_t)hi, 1.0);
                int64_t left = planar_edge(x, y, (size_t)x0, (size_t)lo, 1.0);
                int64_t right = planar_edge(x, y, (size_t)x0, (size_t)hi, 1.0);
                /* each edge is rounded separately, so allow 1 per edge */
                int64_t ideal = closed ? 2 * span : span + (left < right ? left : right);
                assert_true(cost >= ideal - (int64_t)n && cost <= ideal + (int64_t)n);
            }
        }
        /* duplicates mixed with distinct points: exact and heuristic */
        for (n = 9; n <= 60; n += 51) {
            int64_t *d;
            rng_seed(30 + n);
            random_points(x, y, n, 50.0, 1);
            for (k = 1; k < n; k += 3) {
                x[k] = x[k - 1];
                y[k] = y[k - 1];
            }
            x[n - 1] = x[0];
            y[n - 1] = y[0];
            cost = solve_planar(ctx, x, y, n, &o, order);
            if (n <= 10) {
                d = planar_matrix(x, y, n, 1.0);
                assert_int_equal(cost, brute_force(d, n, closed));
                free(d);
            } else {
                assert_int_equal(improving_2opt(x, y, order, n, closed), 0);
            }
        }
    }
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

/* ==== large costs ==== */

/* Open tours with large costs: coordinates up to 1e9 and scale 1e8 give edges
 * up to 1.4e17 and a tour near 1e18, which still fits in int64_t. The
 * answer must be right, or refused with CCAD_ERANGE; never a wrong cost. */
static void large_costs(void **state)
{
    tu_alloc al;
    ccad_host h;
    ccad_ctx *ctx = new_ctx(&al, &h);
    enum { N = 200 };
    static double x[N], y[N];
    static uint32_t order[N];
    int closed;
    (void)state;
    rng_seed(21);
    random_points(x, y, N, 1e9, 0);
    for (closed = 0; closed <= 1; closed++) {
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        int64_t cost = -1;
        int rc;
        o.closed = closed;
        o.scale = 1e8;
        fill_sentinel(order, N);
        rc = ccad_route_solve(ctx, x, y, N, &o, order, &cost);
        if (rc == CCAD_ERANGE) {
            assert_sentinel(order, N);
            continue;
        }
        assert_int_equal(rc, CCAD_OK);
        assert_tour(order, N);
        assert_int_equal(cost, planar_cost(x, y, order, N, closed, o.scale));
    }
    /* 21 points on a line 1e15 apart after scaling, the base in the middle:
     * the best open tour walks to one end and back across (3e16 in all);
     * costs fit easily in int64_t, so the answer must be exact */
    for (closed = 0; closed <= 1; closed++) {
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        enum { G = 21 };
        double gx[G], gy[G];
        int64_t cost = -1;
        int rc, k;
        for (k = 0; k < G; k++) {
            gx[k] = (double)((k + 10) % G) - 10.0; /* base at 0, others -10..10 */
            gy[k] = 0.0;
        }
        o.closed = closed;
        o.scale = 1e15;
        fill_sentinel(order, G);
        rc = ccad_route_solve(ctx, gx, gy, G, &o, order, &cost);
        if (rc == CCAD_ERANGE) {
            assert_sentinel(order, G);
            continue;
        }
        assert_int_equal(rc, CCAD_OK);
        assert_tour(order, G);
        assert_int_equal(cost, planar_cost(gx, gy, order, G, closed, o.scale));
        assert_int_equal(cost, (closed ? 40 : 30) * INT64_C(1000000000000000));
    }
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

/* An edge that no int64_t can hold: refused, not a wrapped cost. */
static void cost_overflow(void **state)
{
    tu_alloc al;
    ccad_host h;
    ccad_ctx *ctx = new_ctx(&al, &h);
    uint32_t order[2];
    (void)state;
    {
        double gx[2] = {0, 0}, gy[2] = {0, 1};
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        int64_t cost = 123;
        o.closed = 0;
        o.scale = 1e300;
        fill_sentinel(order, 2);
        TU_FAIL(ctx, ccad_route_solve(ctx, gx, gy, 2, &o, order, &cost), CCAD_ERANGE);
        assert_sentinel(order, 2);
        assert_int_equal(cost, 123);
    }
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

/* ==== allocation failures ==== */

static void alloc_failures(void **state)
{
    static const size_t sizes[] = {8, 200};
    tu_alloc al;
    ccad_host h;
    ccad_ctx *ctx = new_ctx(&al, &h);
    static double x[200], y[200];
    static uint32_t order[200], ref[200];
    int rounds = 0;
    size_t s;
    (void)state;
    rng_seed(22);
    random_points(x, y, 200, 1000.0, 0);
    for (s = 0; s < 2; s++) {
        int and_after, closed;
        for (closed = 0; closed <= 1; closed++) {
            ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
            size_t n = sizes[s];
            int64_t refcost = 0;
            o.closed = closed;
            tu_fail_at(&al, 0, 0);
            assert_int_equal(ccad_route_solve(ctx, x, y, n, &o, ref, &refcost), CCAD_OK);
            for (and_after = 0; and_after <= 1; and_after++) {
                long N;
                for (N = 1;; N++) {
                    int64_t cost = -5;
                    long live = al.live;
                    int rc;
                    assert_true(N < 10000);
                    fill_sentinel(order, n);
                    tu_mark(ctx);
                    tu_fail_at(&al, N, and_after);
                    rc = ccad_route_solve(ctx, x, y, n, &o, order, &cost);
                    tu_fail_at(&al, 0, 0);
                    rounds++;
                    assert_int_equal(al.live, live);
                    if (rc == CCAD_OK) {
                        assert_int_equal(cost, refcost);
                        assert_memory_equal(order, ref, n * sizeof *order);
                        break;
                    }
                    assert_int_equal(rc, CCAD_ENOMEM);
                    assert_int_equal(ccad_ctx_errcode(ctx), CCAD_ENOMEM);
                    assert_true(ccad_ctx_errmsg(ctx)[0] != '\0');
                    assert_sentinel(order, n);
                    assert_int_equal(cost, -5);
                }
            }
        }
    }
    print_message("route alloc-failure rounds: %d\n", rounds);
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(exact_vs_bruteforce),
        cmocka_unit_test(exact_vs_dp),
        cmocka_unit_test(heuristic_random),
        cmocka_unit_test(tsplib_optima),
        cmocka_unit_test(determinism),
        cmocka_unit_test(geo_metric),
        cmocka_unit_test(host_metric),
        cmocka_unit_test(host_errors),
        cmocka_unit_test(host_asymmetric),
        cmocka_unit_test(exact_same_tour_as_plain_dp),
        cmocka_unit_test(bad_input),
        cmocka_unit_test(edge_cases),
        cmocka_unit_test(large_costs),
        cmocka_unit_test(cost_overflow),
        cmocka_unit_test(alloc_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
