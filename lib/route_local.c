/* ROUTE: the local search of the heuristic tour (route_search.h): 2-opt and
 * Or-opt moves (segments of 1 to 3 points, either way round) over the
 * neighbour lists, first improvement, driven by don't-look bits: a queue of
 * points whose surroundings changed. Every change of the array tour is a
 * reversal of a run of positions, always of the shorter side of the tour,
 * so that a move costs the distance it spans, never the whole tour. */
#include "grow.h"
#include "route_search.h"

#define dist ccad__rt_dist
#define succ ccad__rt_succ
#define pred ccad__rt_pred
#define push ccad__rt_push

int ccad__rt_neighbour_costs(struct rt *search)
{
    size_t slots = (size_t)search->n * CCAD__ROUTE_K, a;
    uint32_t m;
    search->ncost = ccad__alloc(search->ctx, slots * sizeof *search->ncost);
    if (search->ncost == NULL)
        return CCAD_ENOMEM;
    for (a = 0; a < search->n; a++)
        for (m = 0; m < search->k; m++) {
            size_t slot = a * CCAD__ROUTE_K + m;
            search->ncost[slot] = dist(search, (uint32_t)a, search->neigh[slot]);
        }
    return CCAD_OK;
}

void ccad__rt_push(struct rt *search, uint32_t a)
{
    uint32_t slot;
    if (search->queued[a])
        return;
    search->queued[a] = 1;
    slot = search->qhead + search->qlen;
    search->queue[slot >= search->n ? slot - search->n : slot] = a;
    search->qlen++;
}

int ccad__rt_reverse(struct rt *search, uint32_t i, uint32_t len)
{
    uint32_t a = i, b = (i + len - 1) % search->n, k;
    if (search->logging) {
        if (search->nlog + 2 > search->caplog && /* the room test inline: this runs per move */
            ccad__grow(search->ctx, &search->log, &search->caplog, search->nlog + 2,
                       sizeof *search->log, 256, SIZE_MAX) != CCAD_OK)
            return CCAD_ENOMEM; /* the caller reports it as out of memory */
        search->log[search->nlog++] = i;
        search->log[search->nlog++] = len;
    }
    for (k = 0; k < len / 2; k++) {
        uint32_t ta = search->t[a], tb = search->t[b];
        search->t[a] = tb;
        search->pos[tb] = a;
        search->t[b] = ta;
        search->pos[ta] = b;
        a = a + 1 == search->n ? 0 : a + 1;
        b = b == 0 ? search->n - 1 : b - 1;
    }
    return CCAD_OK;
}

/* Reverses the tour path from node a forward to node b, or the rest of
 * the tour instead (the same cyclic tour), whichever is shorter; the
 * positions reversed into *first and *len (reversing them again undoes it). */
static int reverse_path(struct rt *search, uint32_t a, uint32_t b, uint32_t *first, uint32_t *len)
{
    uint32_t i = search->pos[a], j = search->pos[b];
    *len = (j + search->n - i) % search->n + 1;
    *first = i;
    if (*len * 2 > search->n && *len < search->n) {
        *first = (j + 1) % search->n;
        *len = search->n - *len;
    }
    return ccad__rt_reverse(search, *first, *len);
}

/* Swaps the adjacent position runs [first, first + la) and the lb positions
 * after it; with keep_a_reversed the first run ends up reversed. */
static int swap_runs(struct rt *search, uint32_t first, uint32_t la, uint32_t lb,
                     int keep_a_reversed)
{
    int rc;
    if (!keep_a_reversed && (rc = ccad__rt_reverse(search, first, la)) != 0)
        return rc;
    if ((rc = ccad__rt_reverse(search, (first + la) % search->n, lb)) != 0)
        return rc;
    return ccad__rt_reverse(search, first, la + lb);
}

int ccad__rt_move_segment(struct rt *search, uint32_t i, uint32_t len, uint32_t c, int reversed)
{
    /* the tour is S M X with S the segment and M running from just after S
     * to c; S M X -> M S X is the same cyclic tour as X S -> S X, so S
     * moves past M or back past X, whichever is shorter */
    uint32_t n = search->n, j = (i + len - 1) % n;
    uint32_t mlen = (search->pos[c] + n - j) % n, xlen = n - len - mlen;
    int rc;
    if (mlen <= xlen)
        return swap_runs(search, i, len, mlen, reversed);
    /* X S -> S X: reversing X, then S (unless kept reversed), then both */
    if ((rc = ccad__rt_reverse(search, (i + len + mlen) % n, xlen)) != 0)
        return rc;
    if (!reversed && (rc = ccad__rt_reverse(search, i, len)) != 0)
        return rc;
    return ccad__rt_reverse(search, (i + len + mlen) % n, xlen + len);
}

static uint32_t beside(const struct rt *search, uint32_t a, int dir)
{
    return dir == 0 ? succ(search, a) : pred(search, a);
}

/* Applies the 2-opt step that breaks a-b and c-d (b and d on side dir of a
 * and c) and adds a-c and b-d. */
static int two_opt_step(struct rt *search, uint32_t b, uint32_t c, int dir)
{
    uint32_t first, len;
    return dir == 0 ? reverse_path(search, b, c, &first, &len)
                    : reverse_path(search, c, b, &first, &len);
}

/* The second step of a sequential 3-opt move (Or-3opt), evaluated on the
 * tour the first step would give without making it: a-b and c-d broken,
 * a-c added (dir as in try_seq), g the gain so far with c-d removed. The
 * first step reverses the path between b and c; in that tour b lies beside
 * d, the edge d-b is broken, d-e added for a neighbour e of d, and e-f
 * broken for f the neighbour of e on the side where b lies beside d; b-f
 * closes the tour. Makes the first improving move it finds: returns 1,
 * or 0 if none, negative on allocation failure. */
static int or3_step(struct rt *search, uint32_t a, uint32_t b, uint32_t c, uint32_t d, int dir,
                    int64_t g)
{
    /* the reversed path, as positions forward from its first point */
    uint32_t lo = search->pos[dir == 0 ? b : c],
             span = (search->pos[dir == 0 ? c : b] + search->n - lo) % search->n, m;
    for (m = 0; m < search->k; m++) {
        size_t slot = (size_t)d * CCAD__ROUTE_K + m;
        uint32_t e = search->neigh[slot], f;
        int64_t g2 = g - search->ncost[slot], total;
        int rc;
        if (g2 <= 0)
            break;
        if ((search->pos[e] + search->n - lo) % search->n <= span) /* inside the reversed path */
            f = e == c ? a : beside(search, e, dir);
        else
            f = e == d ? b : beside(search, e, !dir);
        if (e == b || f == d)
            continue;
        total = g2 + dist(search, e, f) - dist(search, f, b);
        if (total <= 0)
            continue;
        if ((rc = two_opt_step(search, b, c, dir)) != 0)
            return rc;
        if ((rc = two_opt_step(search, b, e, succ(search, d) == b ? 0 : 1)) != 0)
            return rc;
        search->cost -= total;
        push(search, a);
        push(search, b);
        push(search, c);
        push(search, d);
        push(search, e);
        push(search, f);
        return 1;
    }
    return 0;
}

/* 2-opt and sequential 3-opt moves from node a, both tour directions: for
 * b beside a (on side dir) and c a neighbour of a with d beside c on the
 * same side, breaking a-b and c-d and adding a-c closes with b-d (2-opt),
 * else goes on one step (or3_step). Returns 1 if the tour improved, 0 if
 * not, negative on allocation failure. */
static int try_seq(struct rt *search, uint32_t a)
{
    int dir;
    for (dir = 0; dir < 2; dir++) {
        uint32_t b = beside(search, a, dir), m;
        int64_t dab = dist(search, a, b);
        for (m = 0; m < search->k; m++) {
            size_t slot = (size_t)a * CCAD__ROUTE_K + m;
            uint32_t c = search->neigh[slot], d;
            int64_t g1 = dab - search->ncost[slot], gain;
            int rc;
            if (g1 <= 0)
                break;
            d = beside(search, c, dir);
            if (c == b || d == a)
                continue;
            gain = g1 + dist(search, c, d) - dist(search, b, d);
            if (gain > 0) {
                if ((rc = two_opt_step(search, b, c, dir)) != 0)
                    return rc;
                search->cost -= gain;
                push(search, a);
                push(search, b);
                push(search, c);
                push(search, d);
                return 1;
            }
            if (d != b && (rc = or3_step(search, a, b, c, d, dir, g1 + dist(search, c, d))) != 0)
                return rc;
        }
    }
    return 0;
}

/* Or-opt: the segment s1..s2 (len positions from position i, between p and
 * nx, removing it gains g) put between x and y = succ(x), either way
 * round, if that gains. Returns 1 if moved. */
static int try_insert(struct rt *search, uint32_t i, uint32_t len, int64_t g, uint32_t x)
{
    uint32_t s1 = search->t[i], s2 = search->t[(i + len - 1) % search->n], p = pred(search, s1),
             nx = succ(search, s2);
    uint32_t y = succ(search, x);
    int64_t keep, rev, best;
    int reversed, rc;
    if (x == p || (search->pos[x] + search->n - i) % search->n < len)
        return 0;
    keep = dist(search, x, s1) + dist(search, s2, y) - dist(search, x, y);
    rev = dist(search, x, s2) + dist(search, s1, y) - dist(search, x, y);
    reversed = rev < keep;
    best = reversed ? rev : keep;
    if (g - best <= 0)
        return 0;
    if ((rc = ccad__rt_move_segment(search, i, len, x, reversed)) != 0)
        return rc;
    search->cost -= g - best;
    push(search, p);
    push(search, nx);
    push(search, s1);
    push(search, s2);
    push(search, x);
    push(search, y);
    return 1;
}

/* Or-opt from node a: move the segment of 1..3 nodes starting at a next
 * to one of its ends' neighbours: the first place found that gains. */
static int try_oropt(struct rt *search, uint32_t a)
{
    uint32_t len;
    for (len = 1; len <= 3 && len + 2 < search->n; len++) {
        uint32_t i = search->pos[a], s1 = a, s2 = search->t[(i + len - 1) % search->n];
        uint32_t p = pred(search, s1), nx = succ(search, s2), e2, m;
        int64_t g = dist(search, p, s1) + dist(search, s2, nx) - dist(search, p, nx);
        if (g <= 0)
            continue;
        for (e2 = 0; e2 < 2; e2++) {
            uint32_t end = e2 == 0 ? s1 : s2;
            for (m = 0; m < search->k; m++) {
                size_t slot = (size_t)end * CCAD__ROUTE_K + m;
                uint32_t c = search->neigh[slot];
                int rc;
                if (search->ncost[slot] >= g)
                    break;
                if ((search->pos[c] + search->n - i) % search->n < len)
                    continue; /* inside the segment */
                /* between c and its successor, or its predecessor and c */
                if ((rc = try_insert(search, i, len, g, c)) != 0)
                    return rc;
                if ((rc = try_insert(search, i, len, g, pred(search, c))) != 0)
                    return rc;
            }
        }
    }
    return 0;
}

int ccad__rt_local_search(struct rt *search)
{
    while (search->qlen > 0) {
        uint32_t a = search->queue[search->qhead];
        int rc;
        search->qhead = search->qhead + 1 == search->n ? 0 : search->qhead + 1;
        search->qlen--;
        search->queued[a] = 0;
        rc = try_seq(search, a);
        if (rc == 0)
            rc = try_oropt(search, a);
        if (rc < 0)
            return rc;
    }
    return CCAD_OK;
}
