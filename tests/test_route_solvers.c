/* Routes, the solvers: ccad_route_solve against brute force and an
 * independent Held-Karp up to 12 stops; heuristic tours of random points
 * are permutations with the cost they report and 2-opt optimal; TSPLIB
 * optima (when ../shared/data/tsplib is there); determinism. Helpers:
 * tests/route_env.h. */
#include "route_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static void heuristic_random(void **state)
{
    tu_alloc al;
    ccad_host h;
    ccad_ctx *ctx = new_ctx(&al, &h);
    static const size_t sizes[] = {14, 50, 120, 300, 1000, 2000};
    /* CCAD_TEST_LIGHT (tests/valgrind.sh sets it): up to 300 points, not the
     * tours of 1,000 and 2,000 that take most of a minute under memcheck; the
     * plain and sanitizer runs solve them all */
    size_t s, sizes_run = getenv("CCAD_TEST_LIGHT") != NULL ? 4 : 6;
    (void)state;
    rng_seed(13);
    for (s = 0; s < sizes_run; s++) {
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
        TU_PASS(ctx, ccad_route_solve(ctx, x, y, n, NULL, order, &cost));
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
    TU_PASS(ctx, ccad_route_solve(ctx, x, y, N, NULL, b, &cb));
    o = (ccad_route_options)CCAD_ROUTE_OPTIONS_INIT;
    TU_PASS(ctx, ccad_route_solve(ctx, x, y, N, &o, c, &cc));
    assert_int_equal(cb, cc);
    assert_memory_equal(b, c, sizeof b);
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(exact_vs_bruteforce), cmocka_unit_test(exact_vs_dp),
        cmocka_unit_test(heuristic_random),    cmocka_unit_test(tsplib_optima),
        cmocka_unit_test(determinism),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
