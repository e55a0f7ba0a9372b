/* bench-route-small: small routes, the planner's case, old library against
 * new side by side in one run.
 *
 *   bench-route-small OLD.so NEW.so [--instances N]
 *
 * Both libraries are loaded with dlopen (pass the same path twice to time
 * one build alone). Calls alternate between them on the same generated
 * instances; each figure is process CPU time, the best of BEST_OF passes.
 * Lines (ratio = new / old time, below 1 is faster):
 *
 *   exact stops=S metric=M instances=K old_us=.. new_us=.. ratio=.. same=K/K
 *     ccad_route_solve on S stops (the Held-Karp path); `same` counts the
 *     instances where both libraries return the same order and cost.
 *   tw-exact stops=S windows=W ...: ccad_route_solve_tw, the planner's
 *     engine, with wide windows (none binds) or tight ones.
 *   search stops=S metric=M instances=K old_us=.. new_us=.. ratio=..
 *          old_gap_mean=..% old_gap_max=..% new_gap_mean=..% new_gap_max=..%
 *     the default effort beyond 12 stops; the gaps are against the best of
 *     LONG_RUNS long runs (effort LONG_EFFORT, seeds 1..LONG_RUNS, new
 *     library) and of both default tours.
 *
 * Instances: a base and stops in a 20 km square (PLANAR, metres) or the
 * same spread in degrees around 116.4 E 39.9 N (GEO); a fifth of the
 * instances duplicate some stops and a fifth put them on a symmetric
 * grid, so ties are common. Fixed seeds: the same instances every run.
 * Prints figures, never fails on timing; exits 1 only if a library cannot
 * be loaded or a call fails. */
#define _POSIX_C_SOURCE 200809L
#include "custcadence.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAXN 31
#define BEST_OF 3
#define LONG_RUNS 10
#define LONG_EFFORT 200

struct lib {
    void *h;
    int (*ctx_new)(ccad_ctx **, const ccad_host *);
    void (*ctx_free)(ccad_ctx *);
    int (*solve)(ccad_ctx *, const double *, const double *, size_t, const ccad_route_options *,
                 uint32_t *, int64_t *);
    int (*solve_tw)(ccad_ctx *, const double *, const double *, size_t, const ccad_route_options *,
                    const ccad_route_times *, uint32_t *, int32_t *, int64_t *);
    ccad_ctx *ctx;
};

struct inst {
    size_t n;
    double x[MAXN], y[MAXN];
    int32_t open[MAXN], close[MAXN], svc[MAXN];
};

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint32_t rnd(uint32_t below)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state % below);
}

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void load(struct lib *L, const char *path)
{
    memset(L, 0, sizeof *L);
    L->h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (L->h == NULL) {
        fprintf(stderr, "bench-route-small: %s\n", dlerror());
        exit(1);
    }
    *(void **)&L->ctx_new = dlsym(L->h, "ccad_ctx_new");
    *(void **)&L->ctx_free = dlsym(L->h, "ccad_ctx_free");
    *(void **)&L->solve = dlsym(L->h, "ccad_route_solve");
    *(void **)&L->solve_tw = dlsym(L->h, "ccad_route_solve_tw");
    if (L->ctx_new == NULL || L->ctx_free == NULL || L->solve == NULL || L->solve_tw == NULL ||
        L->ctx_new(&L->ctx, NULL) != CCAD_OK) {
        fprintf(stderr, "bench-route-small: %s lacks the route functions\n", path);
        exit(1);
    }
}

/* Instance k of n points: plain random, duplicates, or a symmetric grid. */
static void make(struct inst *I, size_t n, int geo, size_t k)
{
    size_t i;
    double span = geo ? 0.2 : 20000.0, x0 = geo ? 116.3 : 0.0, y0 = geo ? 39.8 : 0.0;
    I->n = n;
    for (i = 0; i < n; i++) {
        if (k % 5 == 3) { /* grid: mirror images tie */
            I->x[i] = x0 + span * (double)(i % 4) / 4.0;
            I->y[i] = y0 + span * (double)(i / 4 % 4) / 4.0 + (i >= 16 ? span / 8.0 : 0.0);
        } else if (k % 5 == 4 && i > 2 && rnd(3) == 0) { /* a duplicate of an earlier stop */
            size_t j = 1 + rnd((uint32_t)(i - 1));
            I->x[i] = I->x[j];
            I->y[i] = I->y[j];
        } else {
            I->x[i] = x0 + span * rnd(100000) / 100000.0;
            I->y[i] = y0 + span * rnd(100000) / 100000.0;
        }
        I->open[i] = 0;
        I->close[i] = 1440;
        I->svc[i] = i ? 15 : 0;
    }
}

/* Tight windows around a random order's times (a feasible order exists). */
static void tighten(struct inst *I)
{
    uint32_t ord[MAXN];
    size_t i, j;
    int64_t t = 360;
    for (i = 0; i < I->n; i++)
        ord[i] = (uint32_t)i;
    for (i = I->n - 1; i > 1; i--) {
        uint32_t s;
        j = 1 + rnd((uint32_t)i);
        s = ord[i];
        ord[i] = ord[j];
        ord[j] = s;
    }
    for (i = 1; i < I->n; i++) {
        double dx = I->x[ord[i]] - I->x[ord[i - 1]], dy = I->y[ord[i]] - I->y[ord[i - 1]];
        t += (int64_t)(1.5 * (dx < 0 ? -dx : dx) / 500.0 + 1.5 * (dy < 0 ? -dy : dy) / 500.0) + 1;
        I->open[ord[i]] = (int32_t)(t - 15 < 0 ? 0 : t - 15);
        I->close[ord[i]] = (int32_t)(t + 60 > 1440 ? 1440 : t + 60);
        t += 15;
    }
}

static void fail(const char *what, int rc)
{
    fprintf(stderr, "bench-route-small: %s failed (%d)\n", what, rc);
    exit(1);
}

/* Solves every instance once with L; orders and costs into ord/cost when
 * given. Returns the CPU seconds. */
static double run(struct lib *L, const struct inst *I, size_t count, const ccad_route_options *o,
                  const ccad_route_times *tw, uint32_t (*ord)[MAXN], int64_t *cost)
{
    double t0 = cpu_now();
    size_t k;
    for (k = 0; k < count; k++) {
        uint32_t order[MAXN];
        int64_t c = 0;
        int rc;
        if (tw != NULL) {
            ccad_route_times t = *tw;
            t.open_min = I[k].open;
            t.close_min = I[k].close;
            t.service_min = I[k].svc;
            t.start_min = 360;
            t.end_min = 1440;
            rc = L->solve_tw(L->ctx, I[k].x, I[k].y, I[k].n, o, &t, order, NULL, &c);
            if (rc == CCAD_ERANGE)
                rc = CCAD_OK; /* no feasible order: still a solved instance */
        } else {
            rc = L->solve(L->ctx, I[k].x, I[k].y, I[k].n, o, order, &c);
        }
        if (rc != CCAD_OK)
            fail("a route call", rc);
        if (ord != NULL)
            memcpy(ord[k], order, I[k].n * sizeof *order);
        if (cost != NULL)
            cost[k] = c;
    }
    return cpu_now() - t0;
}

/* Best-of timing of old and new, alternating; the share of equal results. */
static void side_by_side(struct lib *old, struct lib *new_, const struct inst *I, size_t count,
                         const ccad_route_options *o, const ccad_route_times *tw, double *t_old,
                         double *t_new, size_t *same, int64_t *c_old, int64_t *c_new)
{
    static uint32_t oo[4096][MAXN], on[4096][MAXN];
    int b;
    size_t k;
    *t_old = *t_new = 1e30;
    for (b = 0; b < BEST_OF; b++) {
        double a = run(old, I, count, o, tw, b == 0 ? oo : NULL, b == 0 ? c_old : NULL);
        double c = run(new_, I, count, o, tw, b == 0 ? on : NULL, b == 0 ? c_new : NULL);
        *t_old = a < *t_old ? a : *t_old;
        *t_new = c < *t_new ? c : *t_new;
    }
    *same = 0;
    for (k = 0; k < count; k++)
        *same += c_old[k] == c_new[k] && memcmp(oo[k], on[k], I[k].n * sizeof oo[k][0]) == 0;
}

static void exact_lines(struct lib *old, struct lib *new_, struct inst *I, size_t count)
{
    static const size_t stops[] = {10, 11, 12};
    static int64_t co[4096], cn[4096];
    size_t s, k, same;
    int geo, tight;
    for (s = 0; s < sizeof stops / sizeof stops[0]; s++)
        for (geo = 0; geo <= 1; geo++) {
            ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
            double a, b;
            o.metric = geo ? CCAD_METRIC_GEO : CCAD_METRIC_PLANAR;
            for (k = 0; k < count; k++)
                make(&I[k], stops[s] + 1, geo, k);
            side_by_side(old, new_, I, count, &o, NULL, &a, &b, &same, co, cn);
            printf("exact stops=%lu metric=%s instances=%lu old_us=%.1f new_us=%.1f ratio=%.3f "
                   "same=%lu/%lu\n",
                   (unsigned long)stops[s], geo ? "geo" : "planar", (unsigned long)count,
                   a / (double)count * 1e6, b / (double)count * 1e6, b / a, (unsigned long)same,
                   (unsigned long)count);
        }
    for (tight = 0; tight <= 1; tight++) {
        ccad_route_times t = CCAD_ROUTE_TIMES_INIT;
        double a, b;
        for (k = 0; k < count; k++) {
            make(&I[k], 13, 0, k);
            if (tight)
                tighten(&I[k]);
        }
        side_by_side(old, new_, I, count, NULL, &t, &a, &b, &same, co, cn);
        printf("tw-exact stops=12 windows=%s instances=%lu old_us=%.1f new_us=%.1f ratio=%.3f "
               "same=%lu/%lu\n",
               tight ? "tight" : "wide", (unsigned long)count, a / (double)count * 1e6,
               b / (double)count * 1e6, b / a, (unsigned long)same, (unsigned long)count);
    }
}

static void gaps(const int64_t *c, const int64_t *best, size_t count, double *mean, double *max)
{
    size_t k;
    *mean = *max = 0;
    for (k = 0; k < count; k++) {
        double g = best[k] > 0 ? 100.0 * (double)(c[k] - best[k]) / (double)best[k] : 0.0;
        *mean += g / (double)count;
        *max = g > *max ? g : *max;
    }
}

static void search_lines(struct lib *old, struct lib *new_, struct inst *I, size_t count)
{
    static const size_t stops[] = {13, 16, 20, 25, 30};
    static int64_t co[4096], cn[4096], best[4096], cl[4096];
    size_t s, k, same;
    int geo;
    for (geo = 0; geo <= 1; geo++)
        for (s = 0; s < sizeof stops / sizeof stops[0]; s++) {
            ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT, lo = CCAD_ROUTE_OPTIONS_INIT;
            double a, b, om, ox, nm, nx;
            int r;
            o.metric = lo.metric = geo ? CCAD_METRIC_GEO : CCAD_METRIC_PLANAR;
            for (k = 0; k < count; k++)
                make(&I[k], stops[s] + 1, geo, k);
            side_by_side(old, new_, I, count, &o, NULL, &a, &b, &same, co, cn);
            for (k = 0; k < count; k++)
                best[k] = co[k] < cn[k] ? co[k] : cn[k];
            lo.effort = LONG_EFFORT;
            for (r = 1; r <= LONG_RUNS; r++) {
                lo.seed = (uint64_t)r;
                (void)run(new_, I, count, &lo, NULL, NULL, cl);
                for (k = 0; k < count; k++)
                    best[k] = cl[k] < best[k] ? cl[k] : best[k];
            }
            gaps(co, best, count, &om, &ox);
            gaps(cn, best, count, &nm, &nx);
            printf("search stops=%lu metric=%s instances=%lu old_us=%.1f new_us=%.1f ratio=%.3f "
                   "old_gap_mean=%.4f%% old_gap_max=%.3f%% new_gap_mean=%.4f%% "
                   "new_gap_max=%.3f%% same=%lu/%lu\n",
                   (unsigned long)stops[s], geo ? "geo" : "planar", (unsigned long)count,
                   a / (double)count * 1e6, b / (double)count * 1e6, b / a, om, ox, nm, nx,
                   (unsigned long)same, (unsigned long)count);
            fflush(stdout);
        }
}

int main(int argc, char **argv)
{
    static struct inst I[4096];
    struct lib old, new_;
    size_t count = 200;
    if (argc >= 5 && strcmp(argv[3], "--instances") == 0)
        count = (size_t)strtoul(argv[4], NULL, 10);
    if (argc < 3 || count < 1 || count > 4096) {
        fprintf(stderr, "usage: bench-route-small OLD.so NEW.so [--instances 1..4096]\n");
        return 2;
    }
    load(&old, argv[1]);
    load(&new_, argv[2]);
    printf("# bench-route-small old=%s new=%s best_of=%d\n", argv[1], argv[2], BEST_OF);
    exact_lines(&old, &new_, I, count);
    fflush(stdout);
    search_lines(&old, &new_, I, count);
    old.ctx_free(old.ctx);
    new_.ctx_free(new_.ctx);
    return 0;
}
