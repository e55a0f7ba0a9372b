/* The final order of a plan's items (ccad__plan_sort_items in
 * lib/plan/sequence.c) over generated item lists: by day, the priorities
 * numbered 1, 2, ... within each day in the order "touches last, then by
 * priority, kind and customer", and then within each day the routed stops
 * by their sequence number before the rest by that numbering. The
 * reference below sorts the whole list twice with qsort, as the planner did
 * before it sorted by insertion; the lists have days of every length from
 * empty to well past the insertion sort's limit, ties on every key but the
 * customer, and items in random order or nearly in order (as the planner
 * hands them over) with more and more items out of place, so that both the
 * insertion sort and its way out to qsort are taken. */
#include "testutil.h"

#include "../lib/plan/plan.h"

#include <stdlib.h>
#include <string.h>

static int ref_item_cmp(const void *pa, const void *pb)
{
    const struct item_rec *a = pa, *b = pb;
    int ta = a->kind == CCAD_ITEM_TOUCH, tb = b->kind == CCAD_ITEM_TOUCH;
    if (a->date != b->date)
        return a->date < b->date ? -1 : 1;
    if (ta != tb)
        return ta - tb;
    if (a->priority != b->priority)
        return a->priority < b->priority ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    return a->customer < b->customer ? -1 : a->customer > b->customer;
}

static int ref_route_cmp(const void *pa, const void *pb)
{
    const struct item_rec *a = pa, *b = pb;
    if (a->date != b->date)
        return a->date < b->date ? -1 : 1;
    if ((a->seq == 0) != (b->seq == 0))
        return a->seq == 0 ? 1 : -1;
    if (a->seq != b->seq)
        return a->seq < b->seq ? -1 : 1;
    return ref_item_cmp(pa, pb);
}

static void ref_sort(struct item_rec *a, size_t n)
{
    size_t i;
    uint32_t prio = 0;
    qsort(a, n, sizeof *a, ref_item_cmp);
    for (i = 0; i < n; i++) {
        prio = i == 0 || a[i].date != a[i - 1].date ? 1 : prio + 1;
        a[i].priority = prio;
    }
    qsort(a, n, sizeof *a, ref_route_cmp);
}

/* n items over `days` days (every customer once, so no two items tie),
 * in random order; one day in `long_pct` percent holds most of them. */
static void gen(uint64_t *s, struct item_rec *it, size_t n, int days, int long_pct)
{
    int busy = (int)tu_rng_range(s, 0, days - 1);
    size_t i;
    for (i = 0; i < n; i++) {
        memset(&it[i], 0, sizeof it[i]);
        it[i].customer = (uint32_t)i * 7u + 3u;
        it[i].date = 1000 + (tu_rng_pct(s, long_pct) ? busy : (int)tu_rng_range(s, 0, days - 1));
        it[i].kind = (uint8_t)tu_rng_range(s, CCAD_ITEM_VISIT, CCAD_ITEM_TOUCH);
        it[i].priority = (uint32_t)tu_rng_range(s, 0, 4);
        it[i].seq = (uint16_t)(tu_rng_pct(s, 40) ? 0 : tu_rng_range(s, 1, 12));
        it[i].svc = (uint16_t)i; /* a tag that the sort must carry along */
    }
    for (i = n; i > 1; i--) {
        size_t j = (size_t)tu_rng_range(s, 0, (int64_t)i - 1);
        struct item_rec t = it[i - 1];
        it[i - 1] = it[j];
        it[j] = t;
    }
}

/* The list the planner hands over looks like this: already in item order
 * but for `moves` items each swapped with one up to `reach` places on. */
static void nearly(uint64_t *s, struct item_rec *it, size_t n, size_t moves, int reach)
{
    size_t k;
    qsort(it, n, sizeof *it, ref_item_cmp);
    for (k = 0; k < moves && n > 1; k++) {
        size_t i = (size_t)tu_rng_range(s, 0, (int64_t)n - 2);
        size_t j = i + (size_t)tu_rng_range(s, 1, reach);
        struct item_rec t;
        j = j < n ? j : n - 1;
        t = it[i];
        it[i] = it[j];
        it[j] = t;
    }
}

static void check(struct item_rec *in, size_t n)
{
    struct item_rec *want = malloc((n ? n : 1) * sizeof *want);
    ccad_schedule s;
    size_t i;
    assert_non_null(want);
    if (n)
        memcpy(want, in, n * sizeof *in);
    ref_sort(want, n);
    memset(&s, 0, sizeof s);
    s.items = in;
    s.n_items = n;
    ccad__plan_sort_items(&s);
    for (i = 0; i < n; i++) { /* field by field: padding need not be copied */
        assert_int_equal(in[i].customer, want[i].customer);
        assert_int_equal(in[i].svc, want[i].svc);
        assert_int_equal(in[i].date, want[i].date);
        assert_int_equal(in[i].priority, want[i].priority);
        assert_int_equal(in[i].seq, want[i].seq);
        assert_int_equal(in[i].kind, want[i].kind);
    }
    free(want);
}

static void test_sort_is_reference(void **state)
{
    uint64_t s = tu_rng_seed(31);
    struct item_rec *it = malloc(3000 * sizeof *it);
    size_t n;
    int rep;
    (void)state;
    assert_non_null(it);
    for (n = 0; n <= 400; n++) {
        gen(&s, it, n, (int)tu_rng_range(&s, 1, 30), (int)tu_rng_range(&s, 0, 60));
        check(it, n);
    }
    for (rep = 0; rep < 6; rep++) {
        gen(&s, it, 3000, 28, rep * 15);
        check(it, 3000);
    }
    for (rep = 0; rep < 40; rep++) { /* nearly in order: few moves, then many */
        n = (size_t)tu_rng_range(&s, 0, 3000);
        gen(&s, it, n, (int)tu_rng_range(&s, 1, 30), 10);
        nearly(&s, it, n, (size_t)rep * n / 40, rep < 20 ? 5 : 60);
        check(it, n);
    }
    free(it);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sort_is_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
