/* The growth helper of lib/ (lib/grow.h, ccad__grow): capacity doubling
 * from a first size, held to a maximum, overflow checked, through the
 * context's allocator; a failure changes nothing. */
#include "testutil.h"

#include "../lib/grow.h"

#include <string.h>

/* Room already there: no call to the allocator, nothing changes. */
static void grow_room_enough(void **state)
{
    tu_fixture *w = *state;
    int32_t *a = NULL;
    size_t cap = 0;
    TU_PASS(w->ctx, ccad__grow(w->ctx, &a, &cap, 0, sizeof *a, 8, SIZE_MAX));
    assert_null(a);
    assert_int_equal(cap, 0);
    TU_PASS(w->ctx, ccad__grow(w->ctx, &a, &cap, 5, sizeof *a, 8, SIZE_MAX));
    assert_int_equal(cap, 8);
    tu_fail_at(&w->al, 1, 1); /* any allocation now fails the test's expectation */
    TU_PASS(w->ctx, ccad__grow(w->ctx, &a, &cap, 8, sizeof *a, 8, SIZE_MAX));
    assert_int_equal(w->al.failures, 0);
    tu_fail_at(&w->al, 0, 0);
    ccad__free(w->ctx, a);
}

/* Doubling from the first size until need fits; the elements survive. */
static void grow_doubles_and_keeps(void **state)
{
    tu_fixture *w = *state;
    int32_t *a = NULL;
    size_t cap = 0, i;
    TU_PASS(w->ctx, ccad__grow(w->ctx, &a, &cap, 3, sizeof *a, 4, SIZE_MAX));
    assert_int_equal(cap, 4);
    for (i = 0; i < 4; i++)
        a[i] = (int32_t)(i * 7);
    TU_PASS(w->ctx, ccad__grow(w->ctx, &a, &cap, 5, sizeof *a, 4, SIZE_MAX));
    assert_int_equal(cap, 8);
    TU_PASS(w->ctx, ccad__grow(w->ctx, &a, &cap, 33, sizeof *a, 4, SIZE_MAX));
    assert_int_equal(cap, 64);
    for (i = 0; i < 4; i++)
        assert_int_equal(a[i], (int32_t)(i * 7));
    ccad__free(w->ctx, a);
}

/* The maximum holds the capacity; need above it is an overflow. */
static void grow_held_to_max(void **state)
{
    tu_fixture *w = *state;
    char *a = NULL;
    size_t cap = 0;
    TU_PASS(w->ctx, ccad__grow(w->ctx, &a, &cap, 20, 1, 16, 24));
    assert_int_equal(cap, 24);
    assert_int_equal(ccad__grow(w->ctx, &a, &cap, 25, 1, 16, 24), CCAD_EOVERFLOW);
    assert_int_equal(cap, 24);
    assert_non_null(a);
    ccad__free(w->ctx, a);
}

/* Bytes beyond size_t: an overflow, no allocation. */
static void grow_byte_overflow(void **state)
{
    tu_fixture *w = *state;
    int64_t *a = NULL;
    size_t cap = 0;
    long calls = w->al.calls;
    assert_int_equal(ccad__grow(w->ctx, &a, &cap, SIZE_MAX / 4, sizeof *a, 1, SIZE_MAX),
                     CCAD_EOVERFLOW);
    assert_null(a);
    assert_int_equal(cap, 0);
    assert_int_equal(w->al.calls, calls);
}

/* The allocator fails: ENOMEM, and the array and its capacity stay. */
static void grow_out_of_memory(void **state)
{
    tu_fixture *w = *state;
    int32_t *a = NULL, *before;
    size_t cap = 0;
    TU_PASS(w->ctx, ccad__grow(w->ctx, &a, &cap, 4, sizeof *a, 4, SIZE_MAX));
    a[3] = 42;
    before = a;
    tu_fail_at(&w->al, 1, 0);
    assert_int_equal(ccad__grow(w->ctx, &a, &cap, 5, sizeof *a, 4, SIZE_MAX), CCAD_ENOMEM);
    assert_ptr_equal(a, before);
    assert_int_equal(cap, 4);
    assert_int_equal(a[3], 42);
    ccad__free(w->ctx, a);
}

/* Random needs: the capacity always covers need, never passes the
 * maximum, only grows, and the stored prefix survives every move. */
static void grow_random_needs(void **state)
{
    tu_fixture *w = *state;
    uint64_t rng = tu_rng_seed(21);
    int round;
    for (round = 0; round < 200; round++) {
        uint32_t *a = NULL;
        size_t cap = 0, filled = 0, max = (size_t)tu_rng_range(&rng, 1, 5000);
        size_t first = (size_t)tu_rng_range(&rng, 0, 64);
        int step;
        for (step = 0; step < 20; step++) {
            size_t need = (size_t)tu_rng_range(&rng, 0, (int64_t)max + 10), k, old_cap = cap;
            int rc = ccad__grow(w->ctx, &a, &cap, need, sizeof *a, first, max);
            if (need > max && need > old_cap) {
                assert_int_equal(rc, CCAD_EOVERFLOW);
                assert_int_equal(cap, old_cap);
                continue;
            }
            assert_int_equal(rc, CCAD_OK);
            assert_true(cap >= need && cap >= old_cap && cap <= (max > old_cap ? max : old_cap));
            for (k = 0; k < filled; k++)
                assert_int_equal(a[k], (uint32_t)(k * 2654435761u));
            for (; filled < cap; filled++)
                a[filled] = (uint32_t)(filled * 2654435761u);
        }
        ccad__free(w->ctx, a);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(grow_room_enough, tu_fixture_setup, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(grow_doubles_and_keeps, tu_fixture_setup,
                                        tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(grow_held_to_max, tu_fixture_setup, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(grow_byte_overflow, tu_fixture_setup, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(grow_out_of_memory, tu_fixture_setup, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(grow_random_needs, tu_fixture_setup, tu_fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
