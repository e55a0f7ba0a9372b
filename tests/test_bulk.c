/* Bulk entry points of 1.1: ccad_book_add_many (all or nothing) and
 * ccad_schedule_items (a range of items in one call). */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef tu_fixture fixture; /* context, rules and book, leak-checked (testutil) */

/* n generated customers with ids "<prefix>-<i>" (ids held in idbuf); every
 * seventh one has contacts beyond the packed record (the wide table). */
static ccad_customer *gen(size_t n, const char *prefix, char (*idbuf)[48], uint64_t seed)
{
    ccad_customer *c = calloc(n, sizeof *c);
    uint64_t rng = tu_rng_seed(seed);
    size_t i;
    assert_non_null(c);
    for (i = 0; i < n; i++) {
        ccad_customer x = CCAD_CUSTOMER_INIT;
        snprintf(idbuf[i], sizeof idbuf[i], "%s-%lu", prefix, (unsigned long)i);
        x.id = idbuf[i];
        x.value = tu_rng_range(&rng, 0, 5000000);
        x.status = (int)tu_rng_range(&rng, CCAD_STATUS_PROSPECT, CCAD_STATUS_KEY);
        x.last_contact = tu_date("2026-10-01") + (int32_t)tu_rng_range(&rng, 0, 60);
        x.contacts = i % 7 == 3 ? 70000u : (uint32_t)tu_rng_range(&rng, 0, 30);
        x.has_location = 1;
        x.x = (double)tu_rng_range(&rng, -1000, 1000);
        x.y = (double)tu_rng_range(&rng, -1000, 1000);
        c[i] = x;
    }
    return c;
}

/* add_many gives the same book as one ccad_book_add per customer, over
 * generated batches of several sizes appended to a non-empty book. */
static void add_many_equals_single_adds(void **state)
{
    fixture *f = *state;
    static const size_t sizes[] = {1, 2, 17, 300, 5000};
    char(*ids)[48] = calloc(5000, sizeof *ids);
    ccad_book *one;
    size_t s, i, first = 0;
    assert_non_null(ids);
    TU_PASS(f->ctx, ccad_book_new(&one, f->ctx, 0));
    for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        char prefix[16];
        ccad_customer *c;
        size_t before = ccad_book_count(f->b);
        snprintf(prefix, sizeof prefix, "b%lu", (unsigned long)s);
        c = gen(sizes[s], prefix, ids, 100 + s);
        TU_PASS(f->ctx, ccad_book_add_many(f->b, c, sizes[s], &first));
        assert_int_equal(first, before);
        for (i = 0; i < sizes[s]; i++)
            TU_PASS(f->ctx, ccad_book_add(one, &c[i], NULL));
        free(c);
    }
    assert_int_equal(ccad_book_count(f->b), ccad_book_count(one));
    for (i = 0; i < ccad_book_count(one); i++) {
        ccad_customer a = CCAD_CUSTOMER_INIT, b = CCAD_CUSTOMER_INIT;
        TU_PASS(f->ctx, ccad_book_get(f->b, i, &a));
        TU_PASS(f->ctx, ccad_book_get(one, i, &b));
        tu_customer_equal(&a, &b);
    }
    /* count 0: nothing happens, out_first is the count, NULL array allowed */
    first = 7;
    TU_PASS(f->ctx, ccad_book_add_many(f->b, NULL, 0, &first));
    assert_int_equal(first, ccad_book_count(one));
    ccad_book_free(one);
    free(ids);
}

/* A bad element anywhere (first, middle, last; a duplicate of the book or
 * of the batch; a bad field; a bad size) leaves the book as it was, with a
 * message naming the element. */
static void add_many_all_or_nothing(void **state)
{
    fixture *f = *state;
    enum { N = 400 };
    char(*ids)[48] = calloc(N, sizeof *ids);
    char(*base)[48] = calloc(50, sizeof *base);
    ccad_customer *pre = gen(50, "pre", base, 7);
    size_t k, pos[] = {0, 1, 199, N - 1};
    tu_snap snap;
    assert_non_null(ids);
    TU_PASS(f->ctx, ccad_book_add_many(f->b, pre, 50, NULL));
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    tu_snap_take(&snap, f->b);
    for (k = 0; k < sizeof pos / sizeof pos[0]; k++) {
        int kind;
        for (kind = 0; kind < 5; kind++) {
            ccad_customer *c = gen(N, "new", ids, 9 + k);
            size_t first = 4242;
            int want;
            char expect[64];
            ccad_assessment a = CCAD_ASSESSMENT_INIT;
            switch (kind) {
            case 0:
                c[pos[k]].id = "pre-3";
                want = CCAD_EEXIST;
                break;
            case 1:
                c[pos[k]].id = pos[k] ? c[0].id : c[1].id;
                want = CCAD_EEXIST;
                break;
            case 2:
                c[pos[k]].margin_bp = 10001;
                want = CCAD_ERANGE;
                break;
            case 3:
                c[pos[k]].id = "";
                want = CCAD_EINVAL;
                break;
            default:
                c[pos[k]].size = 8;
                want = CCAD_EVERSION;
                break;
            }
            if (kind == 1 && pos[k] == 0) {
                /* the repeat is element 1 (a copy of element 0's id) */
                c[0].id = ids[0];
                c[1].id = ids[0];
            }
            assert_int_equal(ccad_book_add_many(f->b, c, N, &first), want);
            assert_int_equal(first, 4242);
            snprintf(expect, sizeof expect, "ccad_book_add_many: customers[%lu]",
                     (unsigned long)(kind == 1 && pos[k] == 0 ? 1 : pos[k]));
            if (!(kind == 4 && pos[k] == 0))
                assert_non_null(strstr(ccad_ctx_errmsg(f->ctx), expect));
            tu_snap_check(&snap, f->b);
            /* the grades are not stale: the book is as before */
            TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, 0, tu_date("2026-12-01"), &a));
            free(c);
        }
    }
    /* and the same batch without the fault goes in whole */
    {
        ccad_customer *c = gen(N, "new", ids, 1);
        TU_PASS(f->ctx, ccad_book_add_many(f->b, c, N, NULL));
        assert_int_equal(ccad_book_count(f->b), 50 + N);
        free(c);
    }
    tu_snap_free(&snap);
    free(pre);
    free(base);
    free(ids);
}

static void add_many_errors(void **state)
{
    fixture *f = *state;
    size_t first = 99;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    c.id = "x";
    assert_int_equal(ccad_book_add_many(NULL, &c, 1, &first), CCAD_EINVAL);
    assert_int_equal(ccad_book_add_many(f->b, NULL, 1, &first), CCAD_EINVAL);
    assert_string_equal(ccad_ctx_errmsg(f->ctx), "ccad_book_add_many: customers is NULL");
    c.size = 3;
    assert_int_equal(ccad_book_add_many(f->b, &c, 1, &first), CCAD_EVERSION);
    assert_non_null(strstr(ccad_ctx_errmsg(f->ctx), "customers[0].size 3 not supported"));
    assert_int_equal(first, 99);
    assert_int_equal(ccad_book_count(f->b), 0);
}

/* ccad_schedule_items gives what ccad_schedule_item gives, for every range. */
static void schedule_items_equal_single_reads(void **state)
{
    fixture *f = *state;
    char(*ids)[48] = calloc(120, sizeof *ids);
    ccad_customer *c = gen(120, "s", ids, 3);
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    ccad_schedule *s;
    ccad_item *all;
    size_t n, i, first;
    TU_PASS(f->ctx, ccad_book_add_many(f->b, c, 120, NULL));
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    o.first_day = tu_date("2026-12-01");
    o.days = 28;
    o.route = 1;
    TU_PASS(f->ctx, ccad_schedule_new(&s, f->b, f->r, &o));
    n = ccad_schedule_item_count(s);
    assert_true(n > 50);
    all = calloc(n, sizeof *all);
    assert_non_null(all);
    all[0].size = sizeof *all;
    TU_PASS(f->ctx, ccad_schedule_items(s, 0, n, all));
    for (i = 0; i < n; i++) {
        ccad_item one = tu_item(s, i);
        tu_item_equal(&all[i], &one);
        assert_int_equal(all[i].size, sizeof *all);
    }
    for (first = 0; first < n; first += 13) {
        size_t count = n - first < 7 ? n - first : 7;
        memset(all, 0xab, n * sizeof *all);
        all[0].size = sizeof *all;
        TU_PASS(f->ctx, ccad_schedule_items(s, first, count, all));
        for (i = 0; i < count; i++) {
            ccad_item one = tu_item(s, first + i);
            tu_item_equal(&all[i], &one);
        }
    }
    /* errors: nothing written */
    memset(all, 0xab, 2 * sizeof *all);
    all[0].size = sizeof *all;
    assert_int_equal(ccad_schedule_items(s, n - 1, 2, all), CCAD_ENOTFOUND);
    assert_non_null(strstr(ccad_ctx_errmsg(f->ctx), "run past the last"));
    assert_int_equal(ccad_schedule_items(s, (size_t)-1, 2, all), CCAD_ENOTFOUND);
    assert_int_equal(all[0].date, (int32_t)0xabababab);
    assert_int_equal(ccad_schedule_items(s, 0, 1, NULL), CCAD_EINVAL);
    assert_int_equal(ccad_schedule_items(NULL, 0, 1, all), CCAD_EINVAL);
    all[0].size = 5;
    assert_int_equal(ccad_schedule_items(s, 0, 1, all), CCAD_EVERSION);
    TU_PASS(f->ctx, ccad_schedule_items(s, n, 0, NULL));
    free(all);
    ccad_schedule_free(s);
    free(c);
    free(ids);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, tu_fixture_setup, tu_fixture_teardown)
    const struct CMUnitTest tests[] = {
        T(add_many_equals_single_adds),
        T(add_many_all_or_nothing),
        T(add_many_errors),
        T(schedule_items_equal_single_reads),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
