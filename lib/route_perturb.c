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

int ccad__rt_perturb(struct rt *search, uint64_t seed, uint64_t rounds)
{
    uint64_t r;
    uint32_t n = search->n, maxseg = n / 4 < 100 ? n / 4 : 100;
    if (n < 8 || maxseg < 1)
        return CCAD_OK;
    for (r = 0; r < rounds; r++) {
        uint32_t p1 = (uint32_t)(next_random(&seed) % n);
        uint32_t l1 = 1 + (uint32_t)(next_random(&seed) % maxseg);
        uint32_t l2 = 1 + (uint32_t)(next_random(&seed) % maxseg);
        int64_t before = search->cost;
        int rc;
        size_t k;
        if (l1 + l2 + 2 > n)
            continue;
        search->nlog = 0;
        search->logging = 1;
        if ((rc = kick_double_bridge(search, p1, l1, l2)) != 0 ||
            (rc = ccad__rt_local_search(search)) != 0)
            return rc;
        search->logging = 0;
        if (search->cost <= before) /* equal tours are kept too: they let the search drift */
            continue;
        for (k = search->nlog; k >= 2; k -= 2)
            (void)ccad__rt_reverse(search, search->log[k - 2], search->log[k - 1]);
        search->cost = before;
    }
    search->logging = 0;
    return CCAD_OK;
}
