/* Routes with time windows beyond TW_EXACT_MAX stops: a local search on the
 * order as an array.
 *
 * Start: the hint when it is a base-first permutation, else a cheapest
 * insertion (stops by close, then open, then index, each put where the
 * order's key grows least). Moves: Or-opt (a segment of 1 to 3 stops put
 * elsewhere) and 2-opt (a stretch reversed), each within TW_REACH positions,
 * first improvement, until a whole sweep improves nothing. Then TW_KICKS
 * rounds of perturbation drawn from the seed: a random segment moved
 * anywhere in reach, the local search, kept when the key improved. Only
 * strictly better keys are taken, so the result is never worse than the
 * start, and the same input and seed give the same order.
 *
 * A move is checked by forward time propagation from the first position it
 * changes, with prefix arrays of the current order (end of service, minutes
 * late, travel at each position): past the changed window the propagation
 * stops as soon as a stop ends at the same minute as before, since from
 * there on everything is as it was. */
#include "route_tw.h"

#include <string.h>

#define TW_REACH 64 /* most positions a move spans */
#define TW_KICKS 6

struct srch {
    const struct ccad__tw *p;
    uint32_t n;                 /* points in the order (grows during the insertion) */
    uint32_t *ord;              /* the current order */
    uint32_t *best;             /* the best order so far (perturbation) */
    uint32_t *win;              /* the nodes of a move's window */
    int64_t *end, *late, *trav; /* after position k of ord */
    struct tw_key key;
};

void ccad__tw_eval(const struct ccad__tw *p, const uint32_t *order, struct tw_key *key)
{
    int64_t t = p->start, late = 0, trav = 0, d;
    size_t i;
    for (i = 1; i < p->n; i++) {
        d = ccad__tw_leg(p, order[i - 1], order[i]);
        trav += d;
        t = ccad__tw_serve(p, order[i], t + d, &late);
    }
    d = ccad__tw_leg(p, order[p->n - 1], 0);
    t += d;
    key->late = late + (t > p->end ? t - p->end : 0);
    key->travel = trav + d;
    key->back = t;
}

/* Prefix arrays and key of ord[0..n) from position `from` on. */
static void prefix(struct srch *search, uint32_t from)
{
    const struct ccad__tw *p = search->p;
    uint32_t i;
    int64_t d;
    if (from == 0) {
        search->end[0] = p->start;
        search->late[0] = search->trav[0] = 0;
        from = 1;
    }
    for (i = from; i < search->n; i++) {
        d = ccad__tw_leg(p, search->ord[i - 1], search->ord[i]);
        search->late[i] = search->late[i - 1];
        search->trav[i] = search->trav[i - 1] + d;
        search->end[i] = ccad__tw_serve(p, search->ord[i], search->end[i - 1] + d,
                                        &search->late[i]);
    }
    d = ccad__tw_leg(p, search->ord[search->n - 1], 0);
    search->key.back = search->end[search->n - 1] + d;
    search->key.travel = search->trav[search->n - 1] + d;
    search->key.late = search->late[search->n - 1] +
                       (search->key.back > p->end ? search->key.back - p->end : 0);
}

/* The key of ord with positions lo..hi replaced by win[0..hi-lo] (lo >= 1).
 * Positions after hi keep their stops. */
static void eval_window(const struct srch *search, uint32_t lo, uint32_t hi, struct tw_key *k)
{
    const struct ccad__tw *p = search->p;
    uint32_t prev = search->ord[lo - 1], i;
    int64_t t = search->end[lo - 1], late = search->late[lo - 1], trav = search->trav[lo - 1], d;
    for (i = lo; i < search->n; i++) {
        uint32_t x = i <= hi ? search->win[i - lo] : search->ord[i];
        d = ccad__tw_leg(p, prev, x);
        trav += d;
        t = ccad__tw_serve(p, x, t + d, &late);
        prev = x;
        if (i > hi && t == search->end[i]) { /* the rest is as before */
            k->late = late + (search->key.late - search->late[i]);
            k->travel = trav + (search->key.travel - search->trav[i]);
            k->back = search->key.back;
            return;
        }
    }
    d = ccad__tw_leg(p, prev, 0);
    t += d;
    k->late = late + (t > p->end ? t - p->end : 0);
    k->travel = trav + d;
    k->back = t;
}

/* Takes the window if its key is better: 1 if taken. */
static int try_window(struct srch *search, uint32_t lo, uint32_t hi)
{
    struct tw_key k;
    eval_window(search, lo, hi, &k);
    if (ccad__tw_key_cmp(&k, &search->key) >= 0)
        return 0;
    memcpy(search->ord + lo, search->win, (size_t)(hi - lo + 1) * sizeof *search->win);
    prefix(search, lo);
    return 1;
}

/* The window for moving ord[i..i+len) to just after position g (outside it). */
static void move_window(struct srch *search, uint32_t i, uint32_t len, uint32_t g, uint32_t *lo,
                        uint32_t *hi)
{
    if (g < i) { /* [g+1 .. i-1] shifts right behind the segment */
        *lo = g + 1;
        *hi = i + len - 1;
        memcpy(search->win, search->ord + i, len * sizeof *search->win);
        memcpy(search->win + len, search->ord + g + 1, (size_t)(i - g - 1) * sizeof *search->win);
    } else { /* [i+len .. g] shifts left before the segment */
        *lo = i;
        *hi = g;
        memcpy(search->win, search->ord + i + len, (size_t)(g - i - len + 1) * sizeof *search->win);
        memcpy(search->win + (g - i - len + 1), search->ord + i, len * sizeof *search->win);
    }
}

/* The leg from the stop at position a to the one at b; position n is the
 * base at the end of the day. */
static int64_t leg_at(const struct srch *search, uint32_t a, uint32_t b)
{
    return ccad__tw_leg(search->p, a < search->n ? search->ord[a] : 0,
                        b < search->n ? search->ord[b] : 0);
}

/* A move whose travel grows cannot improve a feasible order (its key is
 * lateness 0, then travel): such moves are not evaluated. */
static int worse_travel(const struct srch *search, int64_t delta)
{
    return search->key.late == 0 && delta > 0;
}

static int sweep_oropt(struct srch *search)
{
    uint32_t len, i, g, lo, hi, n = search->n;
    int improved = 0;
    for (len = 1; len <= 3; len++)
        for (i = 1; i + len <= n; i++) {
            uint32_t g0 = i > TW_REACH ? i - TW_REACH : 0, e = i + len - 1;
            uint32_t g1 = e + TW_REACH < n - 1 ? e + TW_REACH : n - 1;
            for (g = g0; g <= g1; g++) {
                int64_t delta;
                if (g + 1 >= i && g <= e)
                    continue; /* inside, or just before: no move */
                delta = leg_at(search, i - 1, e + 1) + leg_at(search, g, i) +
                        leg_at(search, e, g + 1) - leg_at(search, i - 1, i) -
                        leg_at(search, e, e + 1) - leg_at(search, g, g + 1);
                if (worse_travel(search, delta))
                    continue;
                move_window(search, i, len, g, &lo, &hi);
                improved |= try_window(search, lo, hi);
            }
        }
    return improved;
}

static int sweep_2opt(struct srch *search)
{
    uint32_t i, j, k, n = search->n;
    int improved = 0;
    for (i = 1; i + 1 < n; i++) {
        int64_t inner = 0; /* travel of ord[i..j] driven backwards minus forwards */
        for (j = i + 1; j < n && j - i <= TW_REACH; j++) {
            int64_t delta;
            inner += leg_at(search, j, j - 1) - leg_at(search, j - 1, j);
            delta = inner + leg_at(search, i - 1, j) + leg_at(search, i, j + 1) -
                    leg_at(search, i - 1, i) - leg_at(search, j, j + 1);
            if (worse_travel(search, delta))
                continue;
            for (k = 0; k <= j - i; k++)
                search->win[k] = search->ord[j - k];
            if (try_window(search, i, j)) {
                improved = 1;
                break; /* the order changed under `inner`: on to the next i */
            }
        }
    }
    return improved;
}

static void local_search(struct srch *search)
{
    int more = search->n > 2;
    while (more) {
        more = sweep_oropt(search);
        more |= sweep_2opt(search);
    }
}

/* Cheapest insertion of the stops into ord, taken by close, open, index. */
static void insertion(struct srch *search, uint32_t total)
{
    const struct ccad__tw *p = search->p;
    uint32_t *queue = search->best, k, i, j;
    for (k = 1; k < total; k++) { /* insertion sort by (close, open, index) */
        uint32_t x = k;
        for (j = k - 1; j > 0 && (p->close[queue[j - 1]] > p->close[x] ||
                                  (p->close[queue[j - 1]] == p->close[x] &&
                                   p->open[queue[j - 1]] > p->open[x]));
             j--)
            queue[j] = queue[j - 1];
        queue[j] = x;
    }
    search->n = 1;
    search->ord[0] = 0;
    prefix(search, 0);
    for (k = 1; k < total; k++) {
        uint32_t x = queue[k - 1], at = 1;
        struct tw_key bk, kk;
        search->n++;
        for (i = 1; i < search->n; i++) {
            search->win[0] = x;
            memcpy(search->win + 1, search->ord + i,
                   (size_t)(search->n - 1 - i) * sizeof *search->win);
            eval_window(search, i, search->n - 1, &kk);
            if (i == 1 || ccad__tw_key_cmp(&kk, &bk) < 0) {
                bk = kk;
                at = i;
            }
        }
        memmove(search->ord + at + 1, search->ord + at,
                (size_t)(search->n - 1 - at) * sizeof *search->ord);
        search->ord[at] = x;
        prefix(search, at);
    }
}

static uint64_t next_random(uint64_t *s)
{
    uint64_t z = (*s += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

static void perturb(struct srch *search, uint64_t seed)
{
    uint32_t r, n = search->n;
    struct tw_key best = search->key;
    memcpy(search->best, search->ord, n * sizeof *search->ord);
    for (r = 0; r < TW_KICKS && n > 5; r++) {
        uint32_t len = 1 + (uint32_t)(next_random(&seed) % 3);
        uint32_t i = 1 + (uint32_t)(next_random(&seed) % (n - len));
        uint32_t g = (uint32_t)(next_random(&seed) % (n - len)), lo, hi;
        if (g >= i) /* a place outside ord[i-1 .. i+len) */
            g += len;
        if (g + 1 == i || g >= n || (g > i ? g - i : i - g) > TW_REACH)
            continue;
        move_window(search, i, len, g, &lo, &hi);
        memcpy(search->ord + lo, search->win, (size_t)(hi - lo + 1) * sizeof *search->win);
        prefix(search, lo);
        local_search(search);
        if (ccad__tw_key_cmp(&search->key, &best) < 0) {
            best = search->key;
            memcpy(search->best, search->ord, n * sizeof *search->ord);
        } else {
            memcpy(search->ord, search->best, n * sizeof *search->ord);
            prefix(search, 0);
        }
    }
}

/* 1 if hint is a permutation of 0..n-1 starting with 0 (seen: n scratch). */
static int valid_hint(const uint32_t *hint, uint32_t n, uint32_t *seen)
{
    uint32_t i;
    if (hint == NULL || hint[0] != 0)
        return 0;
    memset(seen, 0, n * sizeof *seen);
    for (i = 0; i < n; i++) {
        if (hint[i] >= n || seen[hint[i]])
            return 0;
        seen[hint[i]] = 1;
    }
    return 1;
}

int ccad__tw_search(ccad_ctx *ctx, const struct ccad__tw *p, const uint32_t *hint, uint64_t seed,
                    uint32_t *order, struct tw_key *key)
{
    struct srch search;
    uint32_t n = (uint32_t)p->n;
    void *block = ccad__alloc(ctx, (size_t)n * (3 * sizeof(uint32_t) + 3 * sizeof(int64_t)));
    if (block == NULL)
        return ccad__fail(ctx, CCAD_ENOMEM, "out of memory");
    memset(&search, 0, sizeof search);
    search.p = p;
    search.end = block;
    search.late = search.end + n;
    search.trav = search.late + n;
    search.ord = (uint32_t *)(search.trav + n);
    search.best = search.ord + n;
    search.win = search.best + n;
    if (valid_hint(hint, n, search.win)) {
        search.n = n;
        memcpy(search.ord, hint, n * sizeof *search.ord);
        prefix(&search, 0);
    } else {
        insertion(&search, n);
    }
    local_search(&search);
    perturb(&search, seed);
    memcpy(order, search.ord, n * sizeof *order);
    *key = search.key;
    ccad__free(ctx, block);
    return CCAD_OK;
}
