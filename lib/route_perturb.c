/* ROUTE: iterated local search over the heuristic tour (route_search.h).
 * Each round kicks the tour and runs the local search over the points the
 * kick touched. The result is kept when the tour got no longer, or when it
 * stays within a small margin of the best tour seen (the acceptance rule:
 * it lets the search walk out of a valley the kicks alone cannot leave);
 * otherwise the round is undone by replaying its logged reversals
 * backwards. The log holds every reversal since the best tour, so the
 * best tour comes back by undoing all of it: when a walk has gone on too
 * long without a new best, and at the end. A walk that finds no shorter
 * tour for n rounds restarts from a tour kicked a few times. */
#include "route_search.h"

#define dist ccad__rt_dist
#define push ccad__rt_push

/* The margin above the best tour a kept round may reach, in 1/1024 of an
 * average edge of the best tour; the most tour points that get a margin
 * (on larger tours some improvement is nearly always within reach, and
 * the walk measured longer tours: docs/routes.md); how many kept rounds
 * above the best a walk lasts before the search returns to the best tour;
 * the longest kicked segment. */
#define ACCEPT_MARGIN_1024 50
#define ACCEPT_POINTS_MAX 1024
#define WALK_ROUNDS_MAX 256
#define SEGMENT_MAX 100
/* Up to ACCEPT_POINTS_MAX points, after every n rounds without a shorter
 * tour the search restarts its walk from a tour kicked RESTART_KICKS
 * times (kept whatever its length; the best tour stays in the log). Ten
 * kicks take the walk far enough from the valley it stalled in: with three,
 * kroE100 and kroB150 stayed above their optima at the default effort
 * (docs/routes.md, "What it does"). The planner's small days (at most
 * CCAD__ROUTE_SMALL_MAX points) keep three: their tours reach the best
 * of long runs either way, and stay the tours they were. */
#define RESTART_KICKS 10
#define RESTART_KICKS_SMALL 3

static uint64_t next_random(uint64_t *s)
{
    uint64_t z = (*s += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* Swaps the tour segments A = [a1..b] and B = [b1..c] that follow position
 * p1 (l1 and l2 points long): a A B c1 -> a B A c1, a double bridge. */
static int kick_double_bridge(struct rt *search, uint32_t p1, uint32_t l1, uint32_t l2)
{
    uint32_t n = search->n;
    uint32_t a = search->t[p1], a1 = search->t[(p1 + 1) % n];
    uint32_t b = search->t[(p1 + l1) % n], b1 = search->t[(p1 + l1 + 1) % n];
    uint32_t c = search->t[(p1 + l1 + l2) % n], c1 = search->t[(p1 + l1 + l2 + 1) % n];
    int64_t delta = dist(search, a, b1) + dist(search, c, a1) + dist(search, b, c1) -
                    dist(search, a, a1) - dist(search, b, b1) - dist(search, c, c1);
    int rc = ccad__rt_move_segment(search, (p1 + 1) % n, l1, c, 0);
    if (rc != 0)
        return rc;
    search->cost += delta;
    push(search, a);
    push(search, a1);
    push(search, b);
    push(search, b1);
    push(search, c);
    push(search, c1);
    return CCAD_OK;
}

/* The restart of a stalled walk: RESTART_KICKS double bridges (on small
 * days RESTART_KICKS_SMALL) drawn from the seed, then the local search; logged, so that the best tour can come
 * back. */
static int restart_walk(struct rt *search, uint64_t *seed, uint32_t maxseg)
{
    uint32_t q, n = search->n,
                kicks = search->real <= CCAD__ROUTE_SMALL_MAX ? RESTART_KICKS_SMALL : RESTART_KICKS;
    int rc = CCAD_OK;
    search->logging = 1;
    for (q = 0; q < kicks && rc == CCAD_OK; q++) {
        uint32_t p1 = (uint32_t)(next_random(seed) % n);
        uint32_t l1 = 1 + (uint32_t)(next_random(seed) % maxseg);
        uint32_t l2 = 1 + (uint32_t)(next_random(seed) % maxseg);
        if (l1 + l2 + 2 <= n)
            rc = kick_double_bridge(search, p1, l1, l2);
    }
    if (rc == CCAD_OK)
        rc = ccad__rt_local_search(search);
    search->logging = 0;
    search->restarts++;
    return rc;
}

/* Undoes the logged reversals back to entry `mark` of the log. */
static void undo_to(struct rt *search, size_t mark)
{
    size_t k;
    for (k = search->nlog; k >= mark + 2; k -= 2)
        (void)ccad__rt_reverse(search, search->log[k - 2], search->log[k - 1]);
    search->nlog = mark;
}

/* The acceptance margin for a best tour of cost `best`: a fraction of its
 * average edge (the open tour's dummy edge left out). */
static int64_t accept_margin(const struct rt *search, int64_t best)
{
    int64_t real_cost = best - (search->open ? search->big : 0);
    if (search->n > ACCEPT_POINTS_MAX)
        return 0;
    return real_cost / search->n * ACCEPT_MARGIN_1024 / 1024;
}

int ccad__rt_perturb(struct rt *search, uint64_t seed, uint64_t rounds)
{
    uint64_t r, stall = 0;
    uint32_t n = search->n, maxseg = n / 4 < SEGMENT_MAX ? n / 4 : SEGMENT_MAX, walk = 0;
    int64_t best = search->cost, margin = accept_margin(search, best);
    int restarts = n <= ACCEPT_POINTS_MAX;
    if (n < 8 || maxseg < 1)
        return CCAD_OK;
    search->nlog = 0;
    for (r = 0; r < rounds; r++) {
        uint32_t p1 = (uint32_t)(next_random(&seed) % n);
        uint32_t l1 = 1 + (uint32_t)(next_random(&seed) % maxseg);
        uint32_t l2 = 1 + (uint32_t)(next_random(&seed) % maxseg);
        int64_t before = search->cost;
        size_t mark = search->nlog;
        int rc;
        if (l1 + l2 + 2 > n)
            continue;
        search->logging = 1;
        if ((rc = kick_double_bridge(search, p1, l1, l2)) != 0 ||
            (rc = ccad__rt_local_search(search)) != 0)
            return rc;
        search->logging = 0;
        if (search->cost < best)
            stall = 0;
        else if (restarts && ++stall % n == 0) { /* n rounds without a shorter tour */
            if ((rc = restart_walk(search, &seed, maxseg)) != 0)
                return rc;
            walk = 0; /* the restart's tour is kept whatever its length */
        }
        if (search->cost <= best) { /* a new best: the log starts again from it */
            best = search->cost;
            margin = accept_margin(search, best);
            search->nlog = 0;
            walk = 0;
        } else if (stall % n == 0 && stall > 0) {
            continue;
        } else if (search->cost > before && search->cost > best + margin) {
            undo_to(search, mark); /* equal tours are kept: they let the search drift */
            search->cost = before;
        } else {
            if (search->cost > before)
                search->kept_worse++;
            if (++walk > WALK_ROUNDS_MAX) { /* no new best for too long: back to it */
                undo_to(search, 0);
                search->cost = best;
                search->returns++;
                walk = 0;
            }
        }
    }
    undo_to(search, 0);
    search->cost = best;
    search->logging = 0;
    return CCAD_OK;
}
