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
static void prefix(struct srch *R, uint32_t from)
{
    const struct ccad__tw *p = R->p;
    uint32_t i;
    int64_t d;
    if (from == 0) {
        R->end[0] = p->start;
        R->late[0] = R->trav[0] = 0;
        from = 1;
    }
    for (i = from; i < R->n; i++) {
        d = ccad__tw_leg(p, R->ord[i - 1], R->ord[i]);
        R->late[i] = R->late[i - 1];
        R->trav[i] = R->trav[i - 1] + d;
        R->end[i] = ccad__tw_serve(p, R->ord[i], R->end[i - 1] + d, &R->late[i]);
    }
    d = ccad__tw_leg(p, R->ord[R->n - 1], 0);
    R->key.back = R->end[R->n - 1] + d;
    R->key.travel = R->trav[R->n - 1] + d;
    R->key.late = R->late[R->n - 1] + (R->key.back > p->end ? R->key.back - p->end : 0);
}

/* The key of ord with positions lo..hi replaced by win[0..hi-lo] (lo >= 1).
 * Positions after hi keep their stops. */
static void eval_window(const struct srch *R, uint32_t lo, uint32_t hi, struct tw_key *k)
{
    const struct ccad__tw *p = R->p;
    uint32_t prev = R->ord[lo - 1], i;
    int64_t t = R->end[lo - 1], late = R->late[lo - 1], trav = R->trav[lo - 1], d;
    for (i = lo; i < R->n; i++) {
        uint32_t x = i <= hi ? R->win[i - lo] : R->ord[i];
        d = ccad__tw_leg(p, prev, x);
        trav += d;
        t = ccad__tw_serve(p, x, t + d, &late);
        prev = x;
        if (i > hi && t == R->end[i]) { /* the rest is as before */
            k->late = late + (R->key.late - R->late[i]);
            k->travel = trav + (R->key.travel - R->trav[i]);
            k->back = R->key.back;
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
static int try_window(struct srch *R, uint32_t lo, uint32_t hi)
{
    struct tw_key k;
    eval_window(R, lo, hi, &k);
    if (ccad__tw_key_cmp(&k, &R->key) >= 0)
        return 0;
    memcpy(R->ord + lo, R->win, (size_t)(hi - lo + 1) * sizeof *R->win);
    prefix(R, lo);
    return 1;
}

/* The window for moving ord[i..i+len) to just after position g (outside it). */
static void move_window(struct srch *R, uint32_t i, uint32_t len, uint32_t g, uint32_t *lo,
                        uint32_t *hi)
{
    if (g < i) { /* [g+1 .. i-1] shifts right behind the segment */
        *lo = g + 1;
        *hi = i + len - 1;
        memcpy(R->win, R->ord + i, len * sizeof *R->win);
        memcpy(R->win + len, R->ord + g + 1, (size_t)(i - g - 1) * sizeof *R->win);
    } else { /* [i+len .. g] shifts left before the segment */
        *lo = i;
        *hi = g;
        memcpy(R->win, R->ord + i + len, (size_t)(g - i - len + 1) * sizeof *R->win);
        memcpy(R->win + (g - i - len + 1), R->ord + i, len * sizeof *R->win);
    }
}

/* The leg from the stop at position a to the one at b; position n is the
 * base at the end of the day. */
static int64_t leg_at(const struct srch *R, uint32_t a, uint32_t b)
{
    return ccad__tw_leg(R->p, a < R->n ? R->ord[a] : 0, b < R->n ? R->ord[b] : 0);
}

/* A move whose travel grows cannot improve a feasible order (its key is
 * lateness 0, then travel): such moves are not evaluated. */
static int worse_travel(const struct srch *R, int64_t delta)
{
    return R->key.late == 0 && delta > 0;
}

static int sweep_oropt(struct srch *R)
{
    uint32_t len, i, g, lo, hi, n = R->n;
    int improved = 0;
    for (len = 1; len <= 3; len++)
        for (i = 1; i + len <= n; i++) {
            uint32_t g0 = i > TW_REACH ? i - TW_REACH : 0, e = i + len - 1;
            uint32_t g1 = e + TW_REACH < n - 1 ? e + TW_REACH : n - 1;
            for (g = g0; g <= g1; g++) {
                int64_t delta;
                if (g + 1 >= i && g <= e)
                    continue; /* inside, or just before: no move */
                delta = leg_at(R, i - 1, e + 1) + leg_at(R, g, i) + leg_at(R, e, g + 1) -
                        leg_at(R, i - 1, i) - leg_at(R, e, e + 1) - leg_at(R, g, g + 1);
                if (worse_travel(R, delta))
                    continue;
                move_window(R, i, len, g, &lo, &hi);
                improved |= try_window(R, lo, hi);
            }
        }
    return improved;
}

static int sweep_2opt(struct srch *R)
{
    uint32_t i, j, k, n = R->n;
    int improved = 0;
    for (i = 1; i + 1 < n; i++) {
        int64_t inner = 0; /* travel of ord[i..j] driven backwards minus forwards */
        for (j = i + 1; j < n && j - i <= TW_REACH; j++) {
            int64_t delta;
            inner += leg_at(R, j, j - 1) - leg_at(R, j - 1, j);
            delta = inner + leg_at(R, i - 1, j) + leg_at(R, i, j + 1) - leg_at(R, i - 1, i) -
                    leg_at(R, j, j + 1);
            if (worse_travel(R, delta))
                continue;
            for (k = 0; k <= j - i; k++)
                R->win[k] = R->ord[j - k];
            if (try_window(R, i, j)) {
                improved = 1;
                break; /* the order changed under `inner`: on to the next i */
            }
        }
    }
    return improved;
}

static void local_search(struct srch *R)
{
    int more = R->n > 2;
    while (more) {
        more = sweep_oropt(R);
        more |= sweep_2opt(R);
    }
}

/* Cheapest insertion of the stops into ord, taken by close, open, index. */
static void insertion(struct srch *R, uint32_t total)
{
    const struct ccad__tw *p = R->p;
    uint32_t *queue = R->best, k, i, j;
    for (k = 1; k < total; k++) { /* insertion sort by (close, open, index) */
        uint32_t x = k;
        for (j = k - 1; j > 0 && (p->close[queue[j - 1]] > p->close[x] ||
                                  (p->close[queue[j - 1]] == p->close[x] &&
                                   p->open[queue[j - 1]] > p->open[x]));
             j--)
            queue[j] = queue[j - 1];
        queue[j] = x;
    }
    R->n = 1;
    R->ord[0] = 0;
    prefix(R, 0);
    for (k = 1; k < total; k++) {
        uint32_t x = queue[k - 1], at = 1;
        struct tw_key bk, kk;
        R->n++;
        for (i = 1; i < R->n; i++) {
            R->win[0] = x;
            memcpy(R->win + 1, R->ord + i, (size_t)(R->n - 1 - i) * sizeof *R->win);
            eval_window(R, i, R->n - 1, &kk);
            if (i == 1 || ccad__tw_key_cmp(&kk, &bk) < 0) {
                bk = kk;
                at = i;
            }
        }
        memmove(R->ord + at + 1, R->ord + at, (size_t)(R->n - 1 - at) * sizeof *R->ord);
        R->ord[at] = x;
        prefix(R, at);
    }
}

static uint64_t next_random(uint64_t *s)
{
    uint64_t z = (*s += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

static void perturb(struct srch *R, uint64_t seed)
{
    uint32_t r, n = R->n;
    struct tw_key best = R->key;
    memcpy(R->best, R->ord, n * sizeof *R->ord);
    for (r = 0; r < TW_KICKS && n > 5; r++) {
        uint32_t len = 1 + (uint32_t)(next_random(&seed) % 3);
        uint32_t i = 1 + (uint32_t)(next_random(&seed) % (n - len));
        uint32_t g = (uint32_t)(next_random(&seed) % (n - len)), lo, hi;
        if (g >= i) /* a place outside ord[i-1 .. i+len) */
            g += len;
        if (g + 1 == i || g >= n || (g > i ? g - i : i - g) > TW_REACH)
            continue;
        move_window(R, i, len, g, &lo, &hi);
        memcpy(R->ord + lo, R->win, (size_t)(hi - lo + 1) * sizeof *R->win);
        prefix(R, lo);
        local_search(R);
        if (ccad__tw_key_cmp(&R->key, &best) < 0) {
            best = R->key;
            memcpy(R->best, R->ord, n * sizeof *R->ord);
        } else {
            memcpy(R->ord, R->best, n * sizeof *R->ord);
            prefix(R, 0);
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
    struct srch R;
    uint32_t n = (uint32_t)p->n;
    void *block = ccad__alloc(ctx, (size_t)n * (3 * sizeof(uint32_t) + 3 * sizeof(int64_t)));
    if (block == NULL)
        return ccad__fail(ctx, CCAD_ENOMEM, "out of memory");
    memset(&R, 0, sizeof R);
    R.p = p;
    R.end = block;
    R.late = R.end + n;
    R.trav = R.late + n;
    R.ord = (uint32_t *)(R.trav + n);
    R.best = R.ord + n;
    R.win = R.best + n;
    if (valid_hint(hint, n, R.win)) {
        R.n = n;
        memcpy(R.ord, hint, n * sizeof *R.ord);
        prefix(&R, 0);
    } else {
        insertion(&R, n);
    }
    local_search(&R);
    perturb(&R, seed);
    memcpy(order, R.ord, n * sizeof *order);
    *key = R.key;
    ccad__free(ctx, block);
    return CCAD_OK;
}
