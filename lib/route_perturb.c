/* ROUTE: iterated local search over the heuristic tour (route_search.h).
 * Each round kicks the tour, runs the local search over the points the
 * kick touched, keeps the result when the tour got no longer and undoes it
 * otherwise (replaying the logged reversals backwards). */
#include "route_search.h"

#define dist ccad__rt_dist
#define push ccad__rt_push

static uint64_t next_random(uint64_t *s)
{
    uint64_t z = (*s += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* Swaps the tour segments A = [a1..b] and B = [b1..c] that follow position
 * p1 (l1 and l2 points long): a A B c1 -> a B A c1, a double bridge. */
static int kick_double_bridge(struct rt *R, uint32_t p1, uint32_t l1, uint32_t l2)
{
    uint32_t n = R->n;
    uint32_t a = R->t[p1], a1 = R->t[(p1 + 1) % n];
    uint32_t b = R->t[(p1 + l1) % n], b1 = R->t[(p1 + l1 + 1) % n];
    uint32_t c = R->t[(p1 + l1 + l2) % n], c1 = R->t[(p1 + l1 + l2 + 1) % n];
    int64_t delta = dist(R, a, b1) + dist(R, c, a1) + dist(R, b, c1) - dist(R, a, a1) -
                    dist(R, b, b1) - dist(R, c, c1);
    int rc = ccad__rt_move_segment(R, (p1 + 1) % n, l1, c, 0);
    if (rc != 0)
        return rc;
    R->cost += delta;
    push(R, a);
    push(R, a1);
    push(R, b);
    push(R, b1);
    push(R, c);
    push(R, c1);
    return CCAD_OK;
}

int ccad__rt_perturb(struct rt *R, uint64_t seed, uint64_t rounds)
{
    uint64_t r;
    uint32_t n = R->n, maxseg = n / 4 < 100 ? n / 4 : 100;
    if (n < 8 || maxseg < 1)
        return CCAD_OK;
    for (r = 0; r < rounds; r++) {
        uint32_t p1 = (uint32_t)(next_random(&seed) % n);
        uint32_t l1 = 1 + (uint32_t)(next_random(&seed) % maxseg);
        uint32_t l2 = 1 + (uint32_t)(next_random(&seed) % maxseg);
        int64_t before = R->cost;
        int rc;
        size_t k;
        if (l1 + l2 + 2 > n)
            continue;
        R->nlog = 0;
        R->logging = 1;
        if ((rc = kick_double_bridge(R, p1, l1, l2)) != 0 || (rc = ccad__rt_local_search(R)) != 0)
            return rc;
        R->logging = 0;
        if (R->cost <= before) /* equal tours are kept too: they let the search drift */
            continue;
        for (k = R->nlog; k >= 2; k -= 2)
            (void)ccad__rt_reverse(R, R->log[k - 2], R->log[k - 1]);
        R->cost = before;
    }
    R->logging = 0;
    return CCAD_OK;
}
