/* The order in which a day's candidates take the day (QUADRANT, CAPACITY),
 * and a selection that yields them in that order one at a time.
 *
 * A working day of a large book has many more due customers than room:
 * eight visits a day against tens of thousands of waiting contacts. Only
 * the first few in order can take the rep's room, so sorting them all
 * would spend most of the day's time on an order nobody reads. The
 * simulation (simulate.c) therefore builds a binary heap over the
 * candidates in linear time (over a copy, so that the candidates stay in
 * book order) and takes them off one by one while the day has room; what
 * is left once the day is full is placed in book order where the order
 * cannot change the result (see simulate.c), which reads the customers'
 * records front to back instead of at random.
 *
 * The first candidates of a day are first chosen in one pass that keeps
 * only as many as a day can take (ccad__cand_first), so that a day of a
 * large book neither copies nor arranges all its candidates; the heap
 * takes over if the day takes more.
 *
 * Both orders are total (the book index breaks the last tie), so the
 * candidates come off the heap exactly as a full sort would list them. */
#include "plan.h"

#include <string.h>

/* The four leading keys of the big-rocks order in one number, most
 * significant first: the quadrant (smaller first), then the block under
 * way, the escalation (both bigger first, so stored complemented), then
 * the grade (smaller, a bigger rock, first). */
void ccad__cand_rank(struct cand *k)
{
    k->rank = (uint32_t)k->cls << 24 | (uint32_t)(uint8_t)~k->block << 16 |
              (uint32_t)(uint8_t)~k->esc << 8 | k->grade;
}

/* The rank and the days overdue as one number, smaller first: the days
 * overdue (more first) are flipped into an unsigned order in the low half. */
static inline uint64_t rank_over(const struct cand *k)
{
    return (uint64_t)k->rank << 32 | (uint32_t) ~((uint32_t)k->over ^ 0x80000000u);
}

/* Whether a comes before b in the big-rocks order, from the packed rank
 * and days overdue and, on a tie, the value and the book index. The sifts
 * below call it directly, so that the compiler can put it inline. It is
 * written without early returns: the heap's comparisons go either way at
 * random, so branches on them would be guessed wrong about half the time,
 * while comparisons that each give 0 or 1 combine without branching. */
static inline int rocks_before(const struct cand *a, const struct cand *b)
{
    uint64_t ka = rank_over(a), kb = rank_over(b);
    int by_value = (a->value > b->value) | ((a->value == b->value) & (a->idx < b->idx));
    return (ka < kb) | ((ka == kb) & by_value);
}

/* The big-rocks order key by key, as the rule states it: the definition
 * the packed rank must agree with (test_plan_select checks that the heap,
 * which compares ranks, yields what qsort by this function gives). */
int ccad__plan_cand_cmp(const void *pa, const void *pb)
{
    const struct cand *a = pa, *b = pb;
    if (a->cls != b->cls)
        return a->cls < b->cls ? -1 : 1;
    if (a->block != b->block)
        return a->block > b->block ? -1 : 1;
    if (a->esc != b->esc)
        return a->esc > b->esc ? -1 : 1;
    if (a->grade != b->grade)
        return a->grade < b->grade ? -1 : 1; /* bigger rocks first */
    if (a->over != b->over)
        return a->over > b->over ? -1 : 1;
    if (a->value != b->value)
        return a->value > b->value ? -1 : 1;
    return (a->idx > b->idx) - (a->idx < b->idx);
}

int ccad__plan_early_cmp(const void *pa, const void *pb)
{
    const struct cand *a = pa, *b = pb;
    if (a->due != b->due)
        return a->due < b->due ? -1 : 1;
    return ccad__plan_cand_cmp(pa, pb);
}

/* Whether a comes before b by cmp, times `sign` (1: by cmp; -1: reversed).
 * The big-rocks order, by far the most used, is decided inline. */
static inline int before(const struct cand *a, const struct cand *b,
                         int (*cmp)(const void *, const void *), int sign)
{
    if (cmp == ccad__plan_cand_cmp)
        return sign > 0 ? rocks_before(a, b) : rocks_before(b, a);
    return sign * cmp(a, b) < 0;
}

/* Moves the element at k of a[0..n) down until no child comes before it
 * by cmp, times `sign` (1: the first by cmp on top; -1: the last). It
 * carries the element in hand and writes it once where it stops, leaving
 * a[] exactly as swapping it down step by step would (the orders are
 * total, so the first of the element and its two children is the same
 * whichever pair is compared first). The choice between the two children
 * goes either way at random; it is added to the index as 0 or 1 rather
 * than taken as a branch, so that the processor has nothing to guess. */
static inline void sift_by(struct cand *a, size_t n, size_t k,
                           int (*cmp)(const void *, const void *), int sign)
{
    struct cand held = a[k];
    for (;;) {
        size_t child = 2 * k + 1;
        if (child >= n)
            break;
        if (child + 1 < n)
            child += (size_t)before(&a[child + 1], &a[child], cmp, sign);
        if (!before(&a[child], &held, cmp, sign))
            break;
        a[k] = a[child];
        k = child;
    }
    a[k] = held;
}

/* sift_by with the big-rocks order's two directions made constant, so
 * that the compiler can build each with its comparison inline. */
static void sift(struct cand *a, size_t n, size_t k, int (*cmp)(const void *, const void *),
                 int sign)
{
    if (cmp != ccad__plan_cand_cmp)
        sift_by(a, n, k, cmp, sign);
    else if (sign > 0)
        sift_by(a, n, k, ccad__plan_cand_cmp, 1);
    else
        sift_by(a, n, k, ccad__plan_cand_cmp, -1);
}

/* Moves the element at k down until both children come after it. */
static void sift_down(struct ccad__cand_heap *heap, size_t k)
{
    sift(heap->a, heap->n, k, heap->cmp, 1);
}

void ccad__cand_heap_init(struct ccad__cand_heap *heap, struct cand *a, size_t n,
                          int (*cmp)(const void *, const void *))
{
    size_t k;
    heap->a = a;
    heap->n = n;
    heap->cmp = cmp;
    for (k = n / 2; k-- > 0;)
        sift_down(heap, k);
}

void ccad__cand_heap_copy(struct ccad__cand_heap *heap, struct cand *a, const struct cand *src,
                          size_t n, int (*cmp)(const void *, const void *))
{
    if (n > 0)
        memcpy(a, src, n * sizeof *a);
    ccad__cand_heap_init(heap, a, n, cmp);
}

const struct cand *ccad__cand_heap_pop(struct ccad__cand_heap *heap)
{
    struct cand t;
    if (heap->n == 0)
        return NULL;
    heap->n--;
    t = heap->a[0];
    heap->a[0] = heap->a[heap->n];
    heap->a[heap->n] = t; /* the popped candidate rests just past the heap */
    sift_down(heap, 0);
    return &heap->a[heap->n];
}

/* The bounded selection keeps the candidates chosen so far as a heap with
 * the last of them (by cmp) on top. */
static void sift_down_last(struct cand *a, size_t n, size_t k,
                           int (*cmp)(const void *, const void *))
{
    sift(a, n, k, cmp, -1);
}

/* Moves the element at k of that heap up while it comes after its parent. */
static void sift_up_last(struct cand *a, size_t k, int (*cmp)(const void *, const void *))
{
    while (k > 0) {
        size_t parent = (k - 1) / 2;
        struct cand t;
        if (!before(&a[parent], &a[k], cmp, 1))
            return;
        t = a[k];
        a[k] = a[parent];
        a[parent] = t;
        k = parent;
    }
}

size_t ccad__cand_first(struct cand *a, size_t want, const struct cand *src, size_t n,
                        int (*cmp)(const void *, const void *))
{
    size_t i, kept = 0;
    if (want == 0)
        return 0;
    for (i = 0; i < n; i++) {
        if (kept < want) {
            a[kept] = src[i];
            sift_up_last(a, kept++, cmp);
        } else if (before(&src[i], &a[0], cmp, 1)) {
            a[0] = src[i];
            sift_down_last(a, kept, 0, cmp);
        }
    }
    for (i = kept; i-- > 1;) { /* heap sort: the last one to the end each time */
        struct cand t = a[0];
        a[0] = a[i];
        a[i] = t;
        sift_down_last(a, i, 0, cmp);
    }
    return kept;
}
