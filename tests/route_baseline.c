/* The yardstick of route-bench (route_baseline.h): the textbook iterated
 * local search, written plainly. Its parts: a uniform grid for the 10
 * nearest neighbours, a nearest-neighbour start, first-improvement 2-opt
 * and Or-opt over the neighbours with a work queue, and local double
 * bridges undone through a journal of reversals. */
#define _POSIX_C_SOURCE 200809L
#include "route_baseline.h"
#include "tu_rng.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NB 10

typedef struct {
    size_t n;
    const double *x, *y;
    uint32_t *tour, *at, *nb, *work, *jr;
    unsigned char *waiting;
    size_t head, len, njr, capjr;
    int64_t length;
} base;

static int64_t d(const base *B, uint32_t i, uint32_t j)
{
    return (int64_t)(sqrt((B->x[i] - B->x[j]) * (B->x[i] - B->x[j]) +
                          (B->y[i] - B->y[j]) * (B->y[i] - B->y[j])) +
                     0.5);
}
static uint32_t nxt(const base *B, uint32_t v) { return B->tour[(B->at[v] + 1) % B->n]; }
static uint32_t prv(const base *B, uint32_t v) { return B->tour[(B->at[v] + B->n - 1) % B->n]; }

static void wake(base *B, uint32_t v)
{
    if (!B->waiting[v]) {
        B->waiting[v] = 1;
        B->work[(B->head + B->len++) % B->n] = v;
    }
}

/* reverses tour positions from..from+cnt-1 (cyclic), journalled */
static void flip(base *B, size_t from, size_t cnt)
{
    size_t a = from, b = from + cnt - 1, s;
    if (B->njr + 2 <= B->capjr) {
        B->jr[B->njr++] = (uint32_t)from;
        B->jr[B->njr++] = (uint32_t)cnt;
    } else {
        B->njr = B->capjr + 1; /* overflowed: this round cannot be undone */
    }
    for (s = 0; s < cnt / 2; s++, a++, b--) {
        uint32_t u = B->tour[a % B->n], w = B->tour[b % B->n];
        B->tour[a % B->n] = w;
        B->at[w] = (uint32_t)(a % B->n);
        B->tour[b % B->n] = u;
        B->at[u] = (uint32_t)(b % B->n);
    }
}

/* path u..v (forward) reversed, or the complement when shorter */
static void flip_path(base *B, uint32_t u, uint32_t v)
{
    size_t cnt = (B->at[v] + B->n - B->at[u]) % B->n + 1;
    if (2 * cnt > B->n)
        flip(B, (B->at[v] + 1) % B->n, B->n - cnt);
    else
        flip(B, B->at[u], cnt);
}

static int improve_from(base *B, uint32_t a)
{
    int side;
    uint32_t m;
    uint32_t seg;
    for (side = 0; side < 2; side++) { /* 2-opt */
        uint32_t b = side ? prv(B, a) : nxt(B, a);
        for (m = 0; m < NB; m++) {
            uint32_t c = B->nb[a * NB + m], e = side ? prv(B, c) : nxt(B, c);
            int64_t g = d(B, a, b) - d(B, a, c) + d(B, c, e) - d(B, b, e);
            if (d(B, a, b) <= d(B, a, c))
                break;
            if (c == b || e == a || g <= 0)
                continue;
            if (side)
                flip_path(B, c, b);
            else
                flip_path(B, b, c);
            B->length -= g;
            wake(B, a);
            wake(B, b);
            wake(B, c);
            wake(B, e);
            return 1;
        }
    }
    for (seg = 1; seg <= 3; seg++) { /* Or-opt: a..z moved between c and its successor */
        uint32_t z = B->tour[(B->at[a] + seg - 1) % B->n], p = prv(B, a), q = nxt(B, z);
        int64_t cut = d(B, p, a) + d(B, z, q) - d(B, p, q);
        for (m = 0; m < NB && cut > 0; m++) {
            uint32_t c = B->nb[a * NB + m], c2 = nxt(B, c);
            int64_t fwd, bwd;
            if ((B->at[c] + B->n - B->at[a]) % B->n < seg || c == p)
                continue;
            fwd = d(B, c, a) + d(B, z, c2) - d(B, c, c2);
            bwd = d(B, c, z) + d(B, a, c2) - d(B, c, c2);
            if (cut - (fwd < bwd ? fwd : bwd) <= 0)
                continue;
            { /* a..z, then q..c, then the rest X: swap a..z with the shorter of the other two */
                size_t s0 = B->at[a], rest = (B->at[c] + B->n - B->at[z]) % B->n,
                       xl = B->n - seg - rest;
                if (rest <= xl) {
                    if (fwd <= bwd)
                        flip(B, s0, seg);
                    flip(B, s0 + seg, rest);
                    flip(B, s0, seg + rest);
                } else {
                    flip(B, B->at[c] + 1, xl);
                    if (fwd <= bwd)
                        flip(B, s0, seg);
                    flip(B, B->at[c] + 1, xl + seg);
                }
                B->length -= cut - (fwd < bwd ? fwd : bwd);
            }
            wake(B, p);
            wake(B, q);
            wake(B, a);
            wake(B, z);
            wake(B, c);
            wake(B, c2);
            return 1;
        }
    }
    return 0;
}

static void settle(base *B)
{
    while (B->len > 0) {
        uint32_t v = B->work[B->head];
        B->head = (B->head + 1) % B->n;
        B->len--;
        B->waiting[v] = 0;
        improve_from(B, v);
    }
}

/* the 10 nearest of every point from a grid of about two points a cell */
static int grid_neighbours(base *B)
{
    size_t n = B->n, g = (size_t)sqrt((double)n / 2.0) + 1, i,
           *start = calloc(g * g + 1, sizeof *start);
    uint32_t *cell = malloc(n * sizeof *cell), *in = malloc(n * sizeof *in);
    double x0 = B->x[0], x1 = x0, y0 = B->y[0], y1 = y0, w;
    if (start == NULL || cell == NULL || in == NULL) {
        free(start);
        free(cell);
        free(in);
        return -1;
    }
    for (i = 0; i < n; i++) {
        x0 = fmin(x0, B->x[i]);
        x1 = fmax(x1, B->x[i]);
        y0 = fmin(y0, B->y[i]);
        y1 = fmax(y1, B->y[i]);
    }
    w = fmax(x1 - x0, y1 - y0) / (double)g + 1e-9;
    for (i = 0; i < n; i++) {
        size_t cx = (size_t)((B->x[i] - x0) / w), cy = (size_t)((B->y[i] - y0) / w);
        cell[i] = (uint32_t)((cy < g ? cy : g - 1) * g + (cx < g ? cx : g - 1));
        start[cell[i] + 1]++;
    }
    for (i = 0; i < g * g; i++)
        start[i + 1] += start[i];
    for (i = 0; i < n; i++)
        in[start[cell[i]]++] = (uint32_t)i;
    for (i = g * g; i > 0; i--)
        start[i] = start[i - 1];
    start[0] = 0;
    for (i = 0; i < n; i++) {
        long cx = (long)(cell[i] % g), cy = (long)(cell[i] / g), r, ex, ey;
        int64_t bd[NB];
        size_t found = 0, k;
        for (r = 0; r <= (long)g && (found < NB || (double)(r - 1) * w <= (double)bd[NB - 1]); r++)
            for (ey = cy - r; ey <= cy + r; ey++)
                for (ex = cx - r; ex <= cx + r; ex++) {
                    size_t s;
                    if (ex < 0 || ey < 0 || ex >= (long)g || ey >= (long)g ||
                        (labs(ex - cx) != r && labs(ey - cy) != r))
                        continue;
                    for (s = start[ey * (long)g + ex]; s < start[ey * (long)g + ex + 1]; s++) {
                        uint32_t j = in[s];
                        int64_t dj = d(B, (uint32_t)i, j);
                        if (j == i || (found == NB && dj >= bd[NB - 1]))
                            continue;
                        for (k = found < NB ? found++ : NB - 1; k > 0 && bd[k - 1] > dj; k--) {
                            bd[k] = bd[k - 1];
                            B->nb[i * NB + k] = B->nb[i * NB + k - 1];
                        }
                        bd[k] = dj;
                        B->nb[i * NB + k] = j;
                    }
                }
    }
    free(start);
    free(cell);
    free(in);
    return 0;
}

static double clock_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int64_t route_baseline(const double *x, const double *y, size_t n, double ms, uint64_t seed,
                       uint32_t *order)
{
    base B;
    uint64_t rng = tu_rng_seed(seed); /* where the double bridges go */
    double t_end = clock_ms() + ms;
    size_t i, step;
    memset(&B, 0, sizeof B);
    B.n = n;
    B.x = x;
    B.y = y;
    B.capjr = 1 << 16;
    B.tour = malloc(n * sizeof *B.tour);
    B.at = malloc(n * sizeof *B.at);
    B.work = malloc(n * sizeof *B.work);
    B.nb = malloc(n * NB * sizeof *B.nb);
    B.jr = malloc(B.capjr * sizeof *B.jr);
    B.waiting = calloc(n, 1);
    if (n <= NB + 2 || !B.tour || !B.at || !B.work || !B.nb || !B.jr || !B.waiting ||
        grid_neighbours(&B) != 0) {
        free(B.tour);
        free(B.at);
        free(B.work);
        free(B.nb);
        free(B.jr);
        free(B.waiting);
        return -1;
    }
    B.tour[0] = 0; /* nearest neighbour: from the lists, else by scanning */
    B.waiting[0] = 1;
    for (step = 1; step < n; step++) {
        uint32_t cur = B.tour[step - 1], pick = UINT32_MAX;
        uint32_t m;
        for (m = 0; m < NB && pick == UINT32_MAX; m++)
            if (!B.waiting[B.nb[cur * NB + m]])
                pick = B.nb[cur * NB + m];
        for (i = 0; pick == UINT32_MAX && i < n; i++)
            if (!B.waiting[i])
                pick = (uint32_t)i;
        for (; m == NB && i < n; i++)
            if (!B.waiting[i] && d(&B, cur, (uint32_t)i) < d(&B, cur, pick))
                pick = (uint32_t)i;
        B.waiting[pick] = 1;
        B.tour[step] = pick;
    }
    memset(B.waiting, 0, n);
    for (i = 0; i < n; i++) {
        B.at[B.tour[i]] = (uint32_t)i;
        B.length += d(&B, B.tour[i], B.tour[(i + 1) % n]);
        wake(&B, B.tour[i]);
    }
    settle(&B);
    while (clock_ms() < t_end) {
        int64_t was = B.length;
        size_t p = (size_t)tu_rng_pick(&rng, 0, (int64_t)n - 1);
        size_t l1 = (size_t)tu_rng_pick(&rng, 1, 50), l2 = (size_t)tu_rng_pick(&rng, 1, 50), k;
        uint32_t e[6];
        if (l1 + l2 + 3 > n)
            continue;
        for (k = 0; k < 6; k++) /* p | p+1 .. p+l1 | .. p+l1+l2 | next */
            e[k] = B.tour[(p + (k < 2 ? k : k < 4 ? l1 + k - 2 : l1 + l2 + k - 4)) % n];
        B.njr = 0;
        B.length += d(&B, e[0], e[3]) + d(&B, e[4], e[1]) + d(&B, e[2], e[5]) - d(&B, e[0], e[1]) -
                    d(&B, e[2], e[3]) - d(&B, e[4], e[5]);
        flip(&B, p + 1, l1);
        flip(&B, p + 1 + l1, l2);
        flip(&B, p + 1, l1 + l2);
        for (k = 0; k < 6; k++)
            wake(&B, e[k]);
        settle(&B);
        if (B.length <= was || B.njr > B.capjr)
            continue;
        for (k = B.njr; k >= 2; k -= 2)
            flip(&B, B.jr[k - 2], B.jr[k - 1]);
        B.length = was;
    }
    for (i = 0; i < n; i++)
        order[i] = B.tour[(B.at[0] + i) % n];
    free(B.tour);
    free(B.at);
    free(B.work);
    free(B.nb);
    free(B.jr);
    free(B.waiting);
    return B.length;
}
