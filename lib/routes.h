/* What the route solvers share with each other and with the planner:
 * argument checks, the HOST travel matrix, the exact and time-window
 * solvers, the per-call distance table (route*.c). Included by internal.h;
 * the heuristic search's own state is in route_search.h. */
#ifndef CCAD_ROUTES_H
#define CCAD_ROUTES_H

#include "custcadence.h"

#include <stddef.h>
#include <stdint.h>

/* Straight-line cost between two points: great-circle metres for GEO,
 * else planar distance x scale (scale 1 for HOST), rounded (route.c). */
int64_t ccad__straight_cost(int metric, double scale, double x1, double y1, double x2, double y2);
/* The unit vector of a GEO point (longitude, latitude in degrees) into
 * u[0..2], as ccad__straight_cost computes it (route.c). */
void ccad__geo_unit(double lon, double lat, double *u);

/* Checks the arguments ccad_route_solve and ccad_route_solve_tw share: the
 * options (NULL = CCAD_ROUTE_OPTIONS_INIT) into *out, n in 1..max_n, the
 * coordinates; records the error as `fn` (route_input.c). */
int ccad__route_check(ccad_ctx *ctx, const char *fn, const double *x, const double *y, size_t n,
                      size_t max_n, const ccad_route_options *options, ccad_route_options *out);
/* HOST metric: mat[i * n + j] = the travel callback's minutes from point i
 * to j (0 on the diagonal); CCAD_ECALLBACK recorded on failure (route_input.c). */
int ccad__route_host_matrix(ccad_ctx *ctx, const double *x, const double *y, size_t n,
                            int32_t *mat);
/* The exact (Held-Karp) tour for m stops, 1 <= m <= CCAD__ROUTE_EXACT_MAX,
 * over the (m+1) x (m+1) costs D (row-major, point 0 the base): order[0..m]
 * from the base, *cost its cost (without the way back when open); returns
 * CCAD_ENOMEM, unrecorded, when out of memory (route_exact.c). */
#define CCAD__ROUTE_EXACT_MAX 12
int ccad__route_exact(ccad_ctx *ctx, const int64_t *D, uint32_t m, int open, uint32_t *order,
                      int64_t *cost);

/* Optional kernels for some processors, chosen at run time from ctx->cpu
 * (the CCAD__CPU_* bits ccad__cpu_features gives, cpu.c): built where the
 * compiler can target them (GCC or Clang on x86), unless CCAD_NO_AVX2 is
 * defined (a build that times the SSE2 kernel alone). */
#if (defined(__GNUC__) || defined(__clang__)) && (defined(__x86_64__) || defined(__i386__)) && \
    !defined(CCAD_SCALAR_ROUTE) && !defined(CCAD_NO_AVX2)
#define CCAD__HAVE_AVX2_KERNELS 1
#else
#define CCAD__HAVE_AVX2_KERNELS 0
#endif
#define CCAD__CPU_AVX2 1u
unsigned ccad__cpu_features(void);
/* Rows 1..2^m - 1 of the exact solver's float table with AVX2
 * (route_exact_avx2.c), the same values as the plain row recurrence and the
 * SSE2 column kernel (route_exact_sse2.c); only when ctx->cpu has
 * CCAD__CPU_AVX2. */
void ccad__route_exact_fill_avx2(float *E, const float *Dr, uint32_t m);

/* The n x n costs of one route call (route_dist.c): (*out)[i * n + j] =
 * cost(arg, i, j), computed once for i < j and mirrored (the cost must be
 * symmetric to the bit), 0 on the diagonal; n in 1..CCAD__ROUTE_TABLE_MAX.
 * CCAD_ENOMEM, unrecorded, when out of memory; free with ccad__free. */
#define CCAD__ROUTE_TABLE_MAX 256
int ccad__route_table_new(ccad_ctx *ctx, uint32_t n,
                          int64_t (*cost)(const void *arg, uint32_t i, uint32_t j), const void *arg,
                          int64_t **out);

/* Perturbation rounds of ccad_route_solve's search over n tour points for
 * `points` caller's points: effort per point; a fifth of that up to 30
 * stops, where a few rounds per point already reach the best tours that
 * long runs find (docs/routes.md, "Small tours"); three fifths from 1,025
 * points, where the rounds with 3-opt cost more than the 2-opt rounds of
 * 0593bf6 and that share keeps its time (the same share at every size
 * beyond, so that the time grows with n as before: "Options"). */
#define CCAD__ROUTE_SHARE_MIN 1025
#define CCAD__ROUTE_SMALL_MAX 31 /* the planner's day routes: up to 30 stops and the base */
static inline uint64_t ccad__route_rounds(long effort, uint32_t n, uint32_t points)
{
    uint64_t rounds = (uint64_t)effort * n;
    if (points <= CCAD__ROUTE_SMALL_MAX)
        return rounds / 5;
    if (points >= CCAD__ROUTE_SHARE_MIN)
        return rounds * 3 / 5;
    return rounds;
}

/* ---- routes with time windows (route_tw.c) ----
 * A day's route over a matrix of whole travel minutes. Point 0 is the base;
 * the rep leaves it at `start` at the earliest and must be back by `end`.
 * Stop i (1..n-1) takes service[i] minutes, may start no earlier than
 * open[i] (waiting is allowed) and must finish by close[i]. An order is
 * feasible when every stop meets its window and the return meets `end`. */
struct ccad__tw {
    size_t n;               /* points, the base included (1..CCAD_ROUTE_MAX_POINTS) */
    const int32_t *minutes; /* n x n, row-major: minutes[i * n + j] from i to j, >= 0 */
    const int32_t *open;    /* n entries; [0] ignored */
    const int32_t *close;   /* n entries; [0] ignored */
    const int32_t *service; /* n entries; [0] ignored */
    int32_t start, end;     /* minutes after midnight */
    size_t exact_max;       /* most stops solved exactly (0: up to 12; at most 12) */
};
/* Orders the stops: among feasible orders the least total travel (the way
 * back included), ties by the earlier return, then deterministically.
 * Exact up to 12 stops (route_tw_exact.c: unless some state has more than
 * 16 Pareto labels); a local search beyond (route_tw_search.c), which
 * starts from `hint` (n indices, base first, or NULL; ignored when it is
 * not such a permutation) and never returns an order worse than the hint
 * by the objective (lateness, travel, return). *out_back is the return time of the order written, or -1
 * when no feasible order was found (then `order` minimises the total
 * lateness as well as the search can). Allocates through ctx; CCAD_ENOMEM
 * is the only failure. Deterministic for the same input and seed. */
int ccad__tw_solve(ccad_ctx *ctx, const struct ccad__tw *p, const uint32_t *hint, uint64_t seed,
                   uint32_t *order, int32_t *out_back);

#endif /* CCAD_ROUTES_H */
