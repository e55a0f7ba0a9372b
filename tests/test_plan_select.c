/* The selection of a day's candidates (lib/plan/select.c): the binary heap
 * yields the candidates in exactly the order a full sort gives, for both
 * orders of the planner (big rocks first; earliest due first), over
 * generated candidate lists with many ties on every key but the book
 * index, of every length from 0 to 300 and a few long ones; taking only
 * the first k and then the rest gives the same first k; the copy variant
 * leaves the candidates it copied untouched. The sort goes by
 * ccad__plan_cand_cmp, which compares the keys one by one, while the heap
 * compares the packed rank (ccad__cand_rank): a rank that packs a key in
 * the wrong place or direction gives a different order and fails here,
 * most surely over the wide keys. The planner's use of it is
 * checked by the plan tests (same plans as before, tests/plan-vectors) and
 * by bench-plan-ab (same checksums as the previous build). */
#include "testutil.h"

#include "../lib/plan/plan.h"

#include <stdlib.h>
#include <string.h>

/* Shuffles c[0..n), so that the index order says nothing. */
static void shuffle(uint64_t *s, struct cand *c, size_t n)
{
    size_t i;
    for (i = n; i > 1; i--) {
        size_t j = (size_t)tu_rng_range(s, 0, (int64_t)i - 1);
        struct cand t = c[i - 1];
        c[i - 1] = c[j];
        c[j] = t;
    }
}

/* n candidates with keys from small ranges (ties everywhere) and distinct
 * book indices in random order. */
static void gen(uint64_t *s, struct cand *c, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        memset(&c[i], 0, sizeof c[i]);
        c[i].idx = (uint32_t)i;
        c[i].cls = (uint8_t)tu_rng_range(s, 1, 4);
        c[i].quadrant = c[i].cls;
        c[i].block = (uint8_t)tu_rng_pct(s, 20);
        c[i].esc = (uint8_t)tu_rng_range(s, 0, 2);
        c[i].grade = (uint8_t)tu_rng_range(s, 1, 3);
        c[i].over = (int32_t)tu_rng_range(s, 0, 3);
        c[i].due = (int32_t)tu_rng_range(s, 100, 103);
        c[i].value = tu_rng_range(s, 0, 2) * 1000;
        ccad__cand_rank(&c[i]);
    }
    shuffle(s, c, n);
}

/* One of the k values of v, or (one time in four) any byte value. */
static int64_t draw(uint64_t *s, const int64_t *v, size_t k, int any_byte)
{
    if (any_byte && tu_rng_pct(s, 25))
        return tu_rng_range(s, 0, 255);
    return v[tu_rng_range(s, 0, (int64_t)k - 1)];
}

/* n candidates whose keys span their whole types: each key from a few
 * values that include both ends of its range (so ties stay common) or any
 * byte value. The sifts decide the big-rocks order inline rather than
 * through the comparison function; both must agree at every byte value
 * and at the extremes of the wide keys. */
static void gen_wide(uint64_t *s, struct cand *c, size_t n)
{
    static const int64_t bytes[] = {0, 1, 127, 128, 254, 255};
    static const int64_t overs[] = {INT32_MIN, -1, 0, 1, INT32_MAX};
    static const int64_t values[] = {INT64_MIN, -1, 0, 1, INT64_MAX};
    size_t i;
    for (i = 0; i < n; i++) {
        memset(&c[i], 0, sizeof c[i]);
        c[i].idx = (uint32_t)i;
        c[i].cls = (uint8_t)draw(s, bytes, 6, 1);
        c[i].block = (uint8_t)draw(s, bytes, 6, 1);
        c[i].esc = (uint8_t)draw(s, bytes, 6, 1);
        c[i].grade = (uint8_t)draw(s, bytes, 6, 1);
        c[i].quadrant = c[i].cls;
        c[i].over = (int32_t)draw(s, overs, 5, 0);
        c[i].due = (int32_t)draw(s, overs, 5, 0);
        c[i].value = draw(s, values, 5, 0);
        ccad__cand_rank(&c[i]);
    }
    shuffle(s, c, n);
}

/* Pops k candidates, then all that are left: the same sequence as qsort. */
static void check_order(struct cand *in, size_t n, size_t k, int (*cmp)(const void *, const void *))
{
    struct cand *sorted = malloc((n ? n : 1) * sizeof *sorted);
    struct cand *heap = malloc((n ? n : 1) * sizeof *heap);
    struct cand *copy = malloc((n ? n : 1) * sizeof *copy);
    struct ccad__cand_heap H;
    const struct cand *p;
    size_t got = 0;
    assert_non_null(sorted);
    assert_non_null(heap);
    assert_non_null(copy);
    if (n) {
        memcpy(sorted, in, n * sizeof *in);
        memcpy(copy, in, n * sizeof *in);
    }
    qsort(sorted, n, sizeof *sorted, cmp);
    ccad__cand_heap_copy(&H, heap, in, n, cmp);
    assert_true(n == 0 || memcmp(copy, in, n * sizeof *in) == 0); /* the source stays */
    while (got < k && (p = ccad__cand_heap_pop(&H)) != NULL)
        assert_int_equal(p->idx, sorted[got++].idx);
    assert_int_equal(H.n, n - got);
    while ((p = ccad__cand_heap_pop(&H)) != NULL)
        assert_int_equal(p->idx, sorted[got++].idx);
    assert_int_equal(got, n);
    assert_null(ccad__cand_heap_pop(&H));
    free(sorted);
    free(heap);
    free(copy);
}

/* The first `want` candidates of the bounded selection: the sort's first. */
static void check_first(struct cand *in, size_t n, size_t want,
                        int (*cmp)(const void *, const void *))
{
    struct cand *sorted = malloc((n ? n : 1) * sizeof *sorted);
    struct cand *first = malloc((want ? want : 1) * sizeof *first);
    size_t k, got;
    assert_non_null(sorted);
    assert_non_null(first);
    if (n)
        memcpy(sorted, in, n * sizeof *in);
    qsort(sorted, n, sizeof *sorted, cmp);
    got = ccad__cand_first(first, want, in, n, cmp);
    assert_int_equal(got, want < n ? want : n);
    for (k = 0; k < got; k++)
        assert_int_equal(first[k].idx, sorted[k].idx);
    free(sorted);
    free(first);
}

static void test_first_is_sort(void **state)
{
    uint64_t s = tu_rng_seed(19);
    struct cand *c = malloc(5000 * sizeof *c);
    size_t n;
    (void)state;
    assert_non_null(c);
    for (n = 0; n <= 300; n++) {
        gen(&s, c, n);
        check_first(c, n, (size_t)tu_rng_range(&s, 0, (int64_t)n + 3), ccad__plan_cand_cmp);
        check_first(c, n, (size_t)tu_rng_range(&s, 0, 70), ccad__plan_early_cmp);
    }
    gen(&s, c, 5000);
    check_first(c, 5000, 64, ccad__plan_cand_cmp);
    check_first(c, 5000, 1, ccad__plan_cand_cmp);
    free(c);
}

static void test_heap_is_sort(void **state)
{
    uint64_t s = tu_rng_seed(18);
    struct cand *c = malloc(5000 * sizeof *c);
    size_t n;
    int rep;
    (void)state;
    assert_non_null(c);
    for (n = 0; n <= 300; n++) {
        gen(&s, c, n);
        check_order(c, n, (size_t)tu_rng_range(&s, 0, (int64_t)n), ccad__plan_cand_cmp);
        check_order(c, n, (size_t)tu_rng_range(&s, 0, (int64_t)n), ccad__plan_early_cmp);
    }
    for (rep = 0; rep < 4; rep++) {
        gen(&s, c, 5000);
        check_order(c, 5000, 8, ccad__plan_cand_cmp);
        check_order(c, 5000, 5000, ccad__plan_early_cmp);
    }
    free(c);
}

/* Keys over their full ranges: the heap, the bounded selection and the
 * sort still agree, for both orders. */
static void test_wide_keys(void **state)
{
    uint64_t s = tu_rng_seed(20);
    struct cand *c = malloc(2000 * sizeof *c);
    size_t n;
    (void)state;
    assert_non_null(c);
    for (n = 0; n <= 200; n++) {
        gen_wide(&s, c, n);
        check_order(c, n, (size_t)tu_rng_range(&s, 0, (int64_t)n), ccad__plan_cand_cmp);
        check_order(c, n, (size_t)tu_rng_range(&s, 0, (int64_t)n), ccad__plan_early_cmp);
        check_first(c, n, (size_t)tu_rng_range(&s, 0, (int64_t)n + 3), ccad__plan_cand_cmp);
        check_first(c, n, (size_t)tu_rng_range(&s, 0, 70), ccad__plan_early_cmp);
    }
    gen_wide(&s, c, 2000);
    check_order(c, 2000, 2000, ccad__plan_cand_cmp);
    check_first(c, 2000, 64, ccad__plan_cand_cmp);
    free(c);
}

/* The orders are total: no two distinct candidates compare equal, and each
 * key decides in the documented direction. */
static void test_orders_total(void **state)
{
    struct cand a, b;
    (void)state;
    memset(&a, 0, sizeof a);
    b = a;
    b.idx = 1;
    assert_true(ccad__plan_cand_cmp(&a, &b) < 0);
    assert_true(ccad__plan_cand_cmp(&b, &a) > 0);
    assert_int_equal(ccad__plan_cand_cmp(&a, &a), 0);
    b = a;
    b.cls = 1;
    assert_true(ccad__plan_cand_cmp(&a, &b) < 0); /* cls 0 < 1: Q1 before Q2 */
    b = a;
    b.block = 1;
    assert_true(ccad__plan_cand_cmp(&b, &a) < 0); /* a block under way first */
    b = a;
    b.esc = 2;
    assert_true(ccad__plan_cand_cmp(&b, &a) < 0); /* higher escalation first */
    b = a;
    b.over = 3;
    assert_true(ccad__plan_cand_cmp(&b, &a) < 0); /* more days overdue first */
    b = a;
    b.value = 10;
    assert_true(ccad__plan_cand_cmp(&b, &a) < 0); /* higher value first */
    b = a;
    b.due = -1;
    b.cls = 4;
    assert_true(ccad__plan_early_cmp(&b, &a) < 0); /* earliest due first */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_heap_is_sort),
        cmocka_unit_test(test_first_is_sort),
        cmocka_unit_test(test_wide_keys),
        cmocka_unit_test(test_orders_total),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
