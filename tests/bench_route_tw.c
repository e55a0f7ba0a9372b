/* bench-route-tw: microseconds per call of the time-window route solver at
 * 8, 10 and 12 stops (exact) and 20 stops (local search), with wide
 * windows (none binds) and tight ones (about an hour around a random order's
 * times, so a feasible order exists). Points in a 20 km square, 500 m a
 * minute, 15 minutes of service, the day 08:00-17:00 (wide) or 06:00-24:00
 * (tight). "core" times ccad__tw_solve on a prepared minutes matrix (what
 * the planner calls), "api" times ccad_route_solve_tw (matrix included).
 * Process CPU time, the best of BEST_OF runs. Run from a Release or
 * RelWithDebInfo build; prints figures, never fails. */
#define _POSIX_C_SOURCE 200809L
#include "custcadence.h"
#include "tu_rng.h"
#include "../lib/internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAXN 41
#define INST 64
#define BEST_OF 5 /* the fastest of 5 timings of the same calls */

static uint64_t rs = 88172645463325252ull; /* the generator's state (tu_rng.h) */
static uint32_t rnd(uint32_t below) { return (uint32_t)(tu_rng_next(&rs) % below); }

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID,
                  &ts); /* CPU time: other jobs on the machine do not count */
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

struct inst {
    double x[MAXN], y[MAXN];
    int32_t open[MAXN], close[MAXN], svc[MAXN], mat[MAXN * MAXN];
    struct ccad__tw p;
    ccad_route_times t;
};

static void make(struct inst *I, size_t n, int tight)
{
    size_t i, j;
    uint32_t ord[MAXN];
    int64_t t;
    ccad_route_times dt = CCAD_ROUTE_TIMES_INIT;
    for (i = 0; i < n; i++) {
        I->x[i] = rnd(20000);
        I->y[i] = rnd(20000);
        I->open[i] = 0;
        I->close[i] = 1440;
        I->svc[i] = i ? 15 : 0;
        ord[i] = (uint32_t)i;
    }
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            I->mat[i * n + j] = (int32_t)ceil((double)ccad__straight_cost(CCAD_METRIC_PLANAR, 1.0,
                                                                          I->x[i], I->y[i], I->x[j],
                                                                          I->y[j]) /
                                              500.0);
    I->t = dt;
    I->t.open_min = I->open;
    I->t.close_min = I->close;
    I->t.service_min = I->svc;
    if (tight) {
        I->t.start_min = 360;
        I->t.end_min = 1440;
        for (i = n - 1; i > 1; i--) {
            j = 1 + rnd((uint32_t)i);
            uint32_t s = ord[i];
            ord[i] = ord[j];
            ord[j] = s;
        }
        t = 360;
        for (i = 1; i < n; i++) {
            t += I->mat[ord[i - 1] * n + ord[i]];
            I->open[ord[i]] = (int32_t)(t - rnd(30) < 0 ? 0 : t - rnd(30));
            I->close[ord[i]] = (int32_t)(t + 15 + 30 + rnd(30) > 1440 ? 1440 : t + 45 + rnd(30));
            t += 15;
        }
    }
    I->p.n = n;
    I->p.exact_max = 0;
    I->p.minutes = I->mat;
    I->p.open = I->open;
    I->p.close = I->close;
    I->p.service = I->svc;
    I->p.start = I->t.start_min;
    I->p.end = I->t.end_min;
}

int main(void)
{
    static const size_t stops[] = {6, 8, 10, 12, 20};
    static struct inst I[INST];
    ccad_ctx *ctx = NULL;
    size_t s, k;
    int tight;
    if (ccad_ctx_new(&ctx, NULL) != CCAD_OK)
        return 1;
    printf("stops windows core_us api_us feasible\n");
    for (s = 0; s < sizeof stops / sizeof stops[0]; s++)
        for (tight = 0; tight <= 1; tight++) {
            size_t n = stops[s] + 1, feas = 0;
            int reps = stops[s] <= 10 ? 20 : stops[s] <= 12 ? 4 : 2, r, b;
            double t0, core, api;
            uint32_t order[MAXN];
            int32_t back;
            for (k = 0; k < INST; k++)
                make(&I[k], n, tight);
            core = api = 1e30;
            for (b = 0; b < BEST_OF; b++) {
                double c, a;
                t0 = now();
                for (r = 0; r < reps; r++)
                    for (k = 0; k < INST; k++) {
                        (void)ccad__tw_solve(ctx, &I[k].p, NULL, 1, order, &back);
                        feas += b == 0 && r == 0 && back >= 0;
                    }
                c = (now() - t0) / (reps * INST) * 1e6;
                t0 = now();
                for (r = 0; r < reps; r++)
                    for (k = 0; k < INST; k++)
                        (void)ccad_route_solve_tw(ctx, I[k].x, I[k].y, n, NULL, &I[k].t, order,
                                                  NULL, NULL);
                a = (now() - t0) / (reps * INST) * 1e6;
                core = c < core ? c : core;
                api = a < api ? a : api;
            }
            printf("%lu %s %.1f %.1f %lu/%d\n", (unsigned long)stops[s], tight ? "tight" : "wide",
                   core, api, (unsigned long)feas, INST);
        }
    ccad_ctx_free(ctx);
    return 0;
}
