/* ROUTE: the k nearest neighbours of every point (route_search.h), which
 * the local search's moves try. A k-d tree over an embedding of the points
 * (planar x/y times scale, or GEO unit vectors times the Earth's radius)
 * finds them in O(n log n) for spread points; the ranking itself always
 * uses the exact integer costs, ties broken by the lower index, so the
 * lists equal those of comparing every pair.
 *
 * In the plane the lists can also take the nearest few points of each
 * quadrant around a point: on clustered instances the nearest points all lie
 * in the same cluster, and the edges between clusters would otherwise never
 * be candidates. */
#include "route_search.h"

#include <string.h>

#define LEAF 8 /* ranges this small are scanned, not split */

struct kd {
    const double *c; /* n x dim coordinates */
    uint32_t dim;
    double mult; /* cost >= mult * embedded distance - 0.5 */
    ccad__edge_cost cost;
    const void *user;
    uint32_t *idx; /* points, arranged as an implicit tree */
    uint8_t *axis; /* split axis of the range whose median sits here */
    uint32_t k, n;
    /* the query; sector >= 0 keeps only the points of that quadrant */
    uint32_t q;
    int sector;
    uint32_t cnt;
    uint32_t best[CCAD__ROUTE_K + 1];
    int64_t bcost[CCAD__ROUTE_K + 1];
};

static double coord(const struct kd *tree, uint32_t p, uint32_t ax)
{
    return tree->c[(size_t)p * tree->dim + ax];
}

/* a before b on axis ax: by coordinate, then index (a total order) */
static int kd_less(const struct kd *tree, uint32_t a, uint32_t b, uint32_t ax)
{
    double ca = coord(tree, a, ax), cb = coord(tree, b, ax);
    return ca < cb || (ca == cb && a < b);
}

/* Puts the point of rank m (within idx[lo..hi)) at m, smaller ones before,
 * larger ones after (quickselect, median-of-three pivots: deterministic). */
static void kd_select(struct kd *tree, uint32_t lo, uint32_t hi, uint32_t m, uint32_t ax)
{
    uint32_t *v = tree->idx;
    while (hi - lo > 2) {
        uint32_t mid = lo + (hi - lo) / 2, a = v[lo], b = v[mid], c = v[hi - 1], piv, i, j, t;
        /* the median of three as the pivot */
        if (kd_less(tree, b, a, ax)) {
            t = a;
            a = b;
            b = t;
        }
        if (kd_less(tree, c, b, ax)) {
            t = b;
            b = c;
            c = t;
        }
        if (kd_less(tree, b, a, ax)) {
            t = a;
            a = b;
            b = t;
        }
        piv = b;
        i = lo;
        j = hi - 1;
        for (;;) {
            while (kd_less(tree, v[i], piv, ax))
                i++;
            while (kd_less(tree, piv, v[j], ax))
                j--;
            if (i >= j)
                break;
            t = v[i];
            v[i] = v[j];
            v[j] = t;
            i++;
            j--;
        }
        /* idx[lo..j] <= pivot <= idx[j+1..hi) */
        if (m <= j)
            hi = j + 1;
        else
            lo = j + 1;
    }
    if (hi - lo == 2 && kd_less(tree, v[lo + 1], v[lo], ax)) {
        uint32_t t = v[lo];
        v[lo] = v[lo + 1];
        v[lo + 1] = t;
    }
}

/* Splits idx[lo..hi) at its median along its widest axis, recursively. */
static void kd_build(struct kd *tree, uint32_t lo, uint32_t hi)
{
    while (hi - lo > LEAF) {
        uint32_t m = lo + (hi - lo) / 2, ax, best = 0, i;
        double wbest = -1.0;
        for (ax = 0; ax < tree->dim; ax++) {
            double a = coord(tree, tree->idx[lo], ax), b = a;
            for (i = lo + 1; i < hi; i++) {
                double v = coord(tree, tree->idx[i], ax);
                if (v < a)
                    a = v;
                if (v > b)
                    b = v;
            }
            if (b - a > wbest) {
                wbest = b - a;
                best = ax;
            }
        }
        kd_select(tree, lo, hi, m, best);
        tree->axis[m] = (uint8_t)best;
        kd_build(tree, lo, m);
        lo = m + 1;
    }
}

/* Quadrants around the query point q, counterclockwise from +x, each
 * half-open so that every other point but a duplicate of q is in one. */
static int in_quadrant(const struct kd *tree, uint32_t p)
{
    double dx = coord(tree, p, 0) - coord(tree, tree->q, 0),
           dy = coord(tree, p, 1) - coord(tree, tree->q, 1);
    switch (tree->sector) {
    case 0: return dx > 0 && dy >= 0;
    case 1: return dx <= 0 && dy > 0;
    case 2: return dx < 0 && dy <= 0;
    default: return dx >= 0 && dy < 0;
    }
}

/* Can the side of a split at v on axis ax (left: coordinates <= v, right:
 * >= v) hold a point of the query's quadrant? */
static int side_open(const struct kd *tree, uint32_t ax, double v, int right)
{
    static const signed char sign[4][2] = {{1, 1}, {-1, 1}, {-1, -1}, {1, -1}};
    double qv = coord(tree, tree->q, ax);
    if (tree->sector < 0)
        return 1;
    if (sign[tree->sector][ax] > 0)
        return right || v >= qv;
    return !right || v <= qv;
}

/* Offers point p to the query's sorted list of the k best. */
static void kd_offer(struct kd *tree, uint32_t p)
{
    int64_t d;
    uint32_t q;
    if (p == tree->q || (tree->sector >= 0 && !in_quadrant(tree, p)))
        return;
    d = tree->cost(tree->user, tree->q, p);
    if (tree->cnt == tree->k &&
        (d > tree->bcost[tree->cnt - 1] ||
         (d == tree->bcost[tree->cnt - 1] && p > tree->best[tree->cnt - 1])))
        return;
    q = tree->cnt < tree->k ? tree->cnt++ : tree->cnt - 1;
    while (q > 0 &&
           (tree->bcost[q - 1] > d || (tree->bcost[q - 1] == d && tree->best[q - 1] > p))) {
        tree->bcost[q] = tree->bcost[q - 1];
        tree->best[q] = tree->best[q - 1];
        q--;
    }
    tree->bcost[q] = d;
    tree->best[q] = p;
}

/* Could a point at embedded distance gap beat the current k-th? */
static int kd_worth(const struct kd *tree, double gap)
{
    /* the cost is at least mult * gap - 0.5; a margin covers rounding */
    return tree->cnt < tree->k ||
           gap * tree->mult * (1.0 - 1e-9) - 1.0 <= (double)tree->bcost[tree->cnt - 1];
}

static void kd_search(struct kd *tree, uint32_t lo, uint32_t hi)
{
    while (hi - lo > LEAF) {
        uint32_t m = lo + (hi - lo) / 2, p = tree->idx[m], ax = tree->axis[m];
        double v = coord(tree, p, ax), diff = coord(tree, tree->q, ax) - v;
        int near_right = diff >= 0;
        if (side_open(tree, ax, v, near_right))
            near_right ? kd_search(tree, m + 1, hi) : kd_search(tree, lo, m);
        kd_offer(tree, p);
        if (!kd_worth(tree, fabs(diff)) || !side_open(tree, ax, v, !near_right))
            return;
        if (near_right)
            hi = m;
        else
            lo = m + 1;
    }
    for (; lo < hi; lo++)
        kd_offer(tree, tree->idx[lo]);
}

/* The list of point i: its k nearest, or with per_quad, the per_quad
 * nearest of each quadrant first, then the nearest others up to k, all in
 * the order of cost and index. */
static void kd_list(struct kd *tree, uint32_t i, uint32_t per_quad, uint32_t *out)
{
    uint32_t got = 0, nearest[CCAD__ROUTE_K], m, j;
    tree->q = i;
    tree->sector = -1;
    tree->cnt = 0;
    kd_search(tree, 0, tree->n);
    memcpy(nearest, tree->best, tree->k * sizeof *nearest);
    if (per_quad > 0) {
        uint32_t k = tree->k;
        int sector;
        tree->k = per_quad;
        for (sector = 0; sector < 4; sector++) {
            tree->sector = sector;
            tree->cnt = 0;
            kd_search(tree, 0, tree->n);
            for (m = 0; m < tree->cnt; m++)
                out[got++] = tree->best[m];
        }
        tree->k = k;
    }
    for (m = 0; got < tree->k; m++) {
        for (j = 0; j < got && out[j] != nearest[m]; j++)
            ;
        if (j == got)
            out[got++] = nearest[m];
    }
    /* the merged list in order (insertion sort of at most k entries) */
    tree->sector = -1;
    tree->cnt = 0;
    for (m = 0; m < got; m++)
        kd_offer(tree, out[m]);
    memcpy(out, tree->best, tree->k * sizeof *out);
}

int ccad__route_neighbours(ccad_ctx *ctx, const double *c, uint32_t dim, double mult,
                           ccad__edge_cost cost, const void *user, uint32_t n, uint32_t k,
                           uint32_t per_quad, uint32_t *out, size_t stride)
{
    struct kd tree;
    uint32_t i;
    memset(&tree, 0, sizeof tree);
    tree.c = c;
    tree.dim = dim;
    tree.mult = mult;
    tree.cost = cost;
    tree.user = user;
    tree.k = k;
    tree.n = n;
    tree.sector = -1;
    if (k == 0 || k > CCAD__ROUTE_K || k >= n || 4 * per_quad > k ||
        (per_quad > 0 && (c == NULL || dim != 2)))
        return CCAD_EINVAL;
    if (c != NULL) {
        tree.idx = ccad__alloc(ctx, (size_t)n * sizeof *tree.idx);
        tree.axis = ccad__alloc(ctx, n);
        if (tree.idx == NULL || tree.axis == NULL) {
            ccad__free(ctx, tree.idx);
            ccad__free(ctx, tree.axis);
            return CCAD_ENOMEM;
        }
        for (i = 0; i < n; i++)
            tree.idx[i] = i;
        kd_build(&tree, 0, n);
    }
    for (i = 0; i < n; i++) {
        if (c != NULL) {
            kd_list(&tree, i, per_quad, out + (size_t)i * stride);
        } else {
            uint32_t j;
            tree.q = i;
            tree.cnt = 0;
            for (j = 0; j < n; j++)
                kd_offer(&tree, j);
            memcpy(out + (size_t)i * stride, tree.best, k * sizeof *out);
        }
    }
    ccad__free(ctx, tree.idx);
    ccad__free(ctx, tree.axis);
    return CCAD_OK;
}
