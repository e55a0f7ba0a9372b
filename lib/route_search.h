/* ROUTE: the state the heuristic tour search shares between its files.
 *
 *   route.c          entry point, metrics, nearest-neighbour start, result
 *   route_neigh.c    k nearest neighbours of every point (k-d tree)
 *   route_local.c    2-opt and Or-opt moves over the array tour, driven by
 *                    don't-look bits (a queue of points to look at)
 *   route_perturb.c  iterated local search: kicks, kept or undone, with
 *                    an acceptance margin and restarts on small tours
 *
 * The tour is an array t of points with the inverse pos (t[pos[a]] == a).
 * Every change is a reversal of a run of positions, so a change can be
 * logged as (first position, length) and undone by replaying the log
 * backwards. */
#ifndef CCAD_ROUTE_SEARCH_H
#define CCAD_ROUTE_SEARCH_H

#include "internal.h"

#include <math.h>

#define CCAD__ROUTE_K 10 /* neighbours kept per point */

struct rt {
    ccad_ctx *ctx;
    uint32_t n;    /* points in the tour (a dummy end point included when open) */
    uint32_t real; /* the caller's points */
    int metric;
    int open;
    double scale;
    const double *x, *y;
    double *u;    /* GEO: unit vectors, 3 per point */
    int32_t *mat; /* HOST: real x real minutes */
    int64_t big;  /* cost of an edge to the dummy, except from the base */
    int sym;      /* HOST in the local search: cost(i,j) = t(i,j) + t(j,i) */
    /* tour */
    uint32_t *t, *pos;
    uint32_t *neigh; /* CCAD__ROUTE_K per point, nearest first */
    int64_t *ncost;  /* the search's cost of each edge in neigh, in the same slots */
    uint32_t k;      /* neighbours per point */
    uint32_t *queue;
    uint8_t *queued;
    uint32_t qhead, qlen;
    /* undo log of reversals since the last kick: (first position, length) */
    uint32_t *log;
    size_t nlog, caplog;
    int logging;
    int64_t cost;
    int64_t *tab; /* n x n costs of the search (route_dist.c), or NULL */
    /* what the perturbation did (route_perturb.c; read by the tests): rounds
     * kept although the tour got longer, returns to the best tour, and
     * restarts of a stalled walk */
    uint64_t kept_worse, returns, restarts;
};

#define CCAD__EARTH_M 6371008.8

/* Callers keep costs below 2^40; the saturation only guards against
 * undefined conversions of huge or infinite values. */
static inline int64_t ccad__planar_cost(double x1, double y1, double x2, double y2, double scale)
{
    double dx = x1 - x2, dy = y1 - y2, c = sqrt(dx * dx + dy * dy) * scale + 0.5;
    return c < 4611686018427387904.0 ? (int64_t)c : INT64_C(4611686018427387904);
}

/* Great-circle metres between two unit vectors, from their chord. */
static inline int64_t ccad__chord_cost(const double *a, const double *b)
{
    double dx = a[0] - b[0], dy = a[1] - b[1], dz = a[2] - b[2];
    double chord = sqrt(dx * dx + dy * dy + dz * dz);
    if (chord > 2.0)
        chord = 2.0;
    return (int64_t)(2.0 * asin(chord / 2.0) * CCAD__EARTH_M + 0.5);
}

/* The search's cost of the edge i-j (symmetric). */
static inline int64_t ccad__rt_dist(const struct rt *search, uint32_t i, uint32_t j)
{
    if (search->tab != NULL)
        return search->tab[(size_t)i * search->n + j];
    if (i == j)
        return 0;
    if (search->open && (i == search->real || j == search->real))
        return (i == 0 || j == 0) ? 0 : search->big;
    switch (search->metric) {
    case CCAD_METRIC_PLANAR:
        return ccad__planar_cost(search->x[i], search->y[i], search->x[j], search->y[j],
                                 search->scale);
    case CCAD_METRIC_GEO:
        return ccad__chord_cost(search->u + 3 * (size_t)i, search->u + 3 * (size_t)j);
    default:
        if (search->sym)
            return (int64_t)search->mat[(size_t)i * search->real + j] +
                   search->mat[(size_t)j * search->real + i];
        return search->mat[(size_t)i * search->real + j];
    }
}

static inline uint32_t ccad__rt_succ(const struct rt *search, uint32_t a)
{
    uint32_t p = search->pos[a] + 1;
    return search->t[p == search->n ? 0 : p];
}

static inline uint32_t ccad__rt_pred(const struct rt *search, uint32_t a)
{
    uint32_t p = search->pos[a];
    return search->t[p == 0 ? search->n - 1 : p - 1];
}

/* Cost of the edge i-j for ccad__route_neighbours. */
typedef int64_t (*ccad__edge_cost)(const void *user, uint32_t i, uint32_t j);

/* The k nearest neighbours of each of n points, nearest first, ties by the
 * lower index, into out[i * stride .. i * stride + k - 1] (route_neigh.c).
 * cost gives the exact costs; coord (n x dim doubles, dim 2 or 3) is an
 * embedding of the points with cost(i, j) >= mult * |coord_i - coord_j| -
 * 0.5, which a k-d tree uses to skip far points (O(n log n) for spread
 * points). coord NULL compares every pair instead. With per_quad > 0
 * (planar, dim 2, 4 * per_quad <= k) the list is the per_quad nearest of
 * each quadrant around the point (x > 0 and y >= 0 from it, then turning
 * counterclockwise: x <= 0 and y > 0, x < 0 and y <= 0, x >= 0 and y < 0),
 * then the nearest others up to k, in the same order. Needs k < n; returns
 * CCAD_EINVAL for arguments outside these, CCAD_ENOMEM, unrecorded, when
 * out of memory. */
int ccad__route_neighbours(ccad_ctx *ctx, const double *coord, uint32_t dim, double mult,
                           ccad__edge_cost cost, const void *user, uint32_t n, uint32_t k,
                           uint32_t per_quad, uint32_t *out, size_t stride);

/* route_local.c: fills search->ncost (allocated through ctx; CCAD_ENOMEM,
 * unrecorded, when out of memory) from the final neighbour lists and the
 * costs the local search uses (HOST: round trips), which then reads the
 * cost of a point to its neighbours from there, not from the metric. */
int ccad__rt_neighbour_costs(struct rt *search);
/* route_local.c: queues a point for the local search (its don't-look bit
 * cleared); runs the local search until the queue is empty; reverses the
 * len positions from position i (logged when search->logging). */
void ccad__rt_push(struct rt *search, uint32_t a);
int ccad__rt_local_search(struct rt *search);
int ccad__rt_reverse(struct rt *search, uint32_t i, uint32_t len);
/* Moves the len positions starting at position i to just after node c
 * (outside them), reversed or not; whichever side of the tour is shorter
 * is the one that moves. */
int ccad__rt_move_segment(struct rt *search, uint32_t i, uint32_t len, uint32_t c, int reversed);

/* route_perturb.c: `rounds` kicks, each followed by the local search and
 * kept when the tour got no longer or stays within a margin of the best
 * tour seen, undone otherwise; ends on the best tour seen (search->cost
 * its cost, the log empty). */
int ccad__rt_perturb(struct rt *search, uint64_t seed, uint64_t rounds);

#endif
