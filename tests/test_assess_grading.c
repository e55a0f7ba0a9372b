/* Grading: rank grading (shares, rounding on small books, ties by id),
 * threshold grading, manual grades, stale grades. Helpers: tests/assess_env.h. */
#include "assess_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- grading ---- */

static int grade_of(tu_fixture *f, size_t i)
{
    ccad_assessment a = CCAD_ASSESSMENT_INIT;
    TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, i, TODAY, &a));
    return a.grade;
}

static void rank_300(void **state)
{
    tu_fixture *f = *state;
    size_t i, n = 300, count[5];
    char id[32];
    /* values 1000..300000, ids in a scrambled order */
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        size_t v = (i * 137) % n; /* 137 is coprime with 300 */
        snprintf(id, sizeof id, "r%03lu", (unsigned long)i);
        c.id = id;
        c.value = (int64_t)(v + 1) * 1000;
        add(f, &c);
    }
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    memset(count, 0, sizeof count);
    for (i = 0; i < n; i++) {
        ccad_assessment a = CCAD_ASSESSMENT_INIT;
        ccad_customer c = CCAD_CUSTOMER_INIT;
        int64_t rank;
        TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, i, TODAY, &a));
        TU_PASS(f->ctx, ccad_book_get(f->b, i, &c));
        rank = (int64_t)n - c.value / 1000 + 1; /* highest value = rank 1 */
        count[a.grade]++;
        assert_int_equal(a.grade_manual, 0);
        assert_int_equal(a.grade, rank <= 45    ? CCAD_GRADE_A
                                  : rank <= 120 ? CCAD_GRADE_B
                                                : CCAD_GRADE_C);
        EXPECT_WHY(a, CCAD_WHY_GRADE_RANK, rank, 300,
                   a.grade == CCAD_GRADE_A   ? 15
                   : a.grade == CCAD_GRADE_B ? 40
                                             : 100);
        assert_int_equal(a.reasons[0].why, CCAD_WHY_GRADE_RANK);
    }
    assert_int_equal(count[CCAD_GRADE_A], 45);
    assert_int_equal(count[CCAD_GRADE_B], 75);
    assert_int_equal(count[CCAD_GRADE_C], 180);
    assert_int_equal(count[CCAD_GRADE_D], 0);

    /* use_d with the default C share: everything left is C */
    set(f, "grade.use_d", 1);
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    memset(count, 0, sizeof count);
    for (i = 0; i < n; i++)
        count[grade_of(f, i)]++;
    assert_int_equal(count[CCAD_GRADE_A], 45);
    assert_int_equal(count[CCAD_GRADE_B], 75);
    assert_int_equal(count[CCAD_GRADE_C], 180);
    assert_int_equal(count[CCAD_GRADE_D], 0);

    /* use_d with C 40 %: round(300 * 80 / 100) = 240 -> 120 C, 60 D */
    set(f, "grade.share_c_pct", 40);
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    memset(count, 0, sizeof count);
    for (i = 0; i < n; i++) {
        ccad_assessment a = CCAD_ASSESSMENT_INIT;
        TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, i, TODAY, &a));
        count[a.grade]++;
        if (a.grade == CCAD_GRADE_C)
            assert_true(why(&a, CCAD_WHY_GRADE_RANK)->c == 80);
        if (a.grade == CCAD_GRADE_D)
            assert_true(why(&a, CCAD_WHY_GRADE_RANK)->c == 100);
    }
    assert_int_equal(count[CCAD_GRADE_A], 45);
    assert_int_equal(count[CCAD_GRADE_B], 75);
    assert_int_equal(count[CCAD_GRADE_C], 120);
    assert_int_equal(count[CCAD_GRADE_D], 60);
}

static void rank_rounding_small_books(void **state)
{
    tu_fixture *f = *state;
    /* n = 7: A round(1.05) = 1, A+B round(2.8) = 3 -> 1 A, 2 B, 4 C.
     * n = 10 (3 more): A round(1.5) = 2, A+B round(4) = 4 -> 2 A, 2 B, 6 C. */
    static const struct {
        const char *id;
        int64_t value;
        int g7, g10;
    } t[] = {
        {"g1", 700, 1, 1}, {"g2", 600, 2, 2}, {"g3", 500, 2, 2}, {"g4", 400, 3, 3},
        {"g5", 300, 3, 3}, {"g6", 200, 3, 3}, {"g7", 100, 3, 3}, {"h1", 650, 0, 1},
        {"h2", 50, 0, 3},  {"h3", 40, 0, 3},
    };
    size_t i;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    for (i = 0; i < 7; i++) {
        c.id = t[i].id;
        c.value = t[i].value;
        add(f, &c);
    }
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    for (i = 0; i < 7; i++)
        assert_int_equal(grade_of(f, i), t[i].g7);
    for (i = 7; i < 10; i++) {
        c.id = t[i].id;
        c.value = t[i].value;
        add(f, &c);
    }
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    for (i = 0; i < 10; i++)
        assert_int_equal(grade_of(f, i), t[i].g10);
}

static void rank_one_customer_and_empty(void **state)
{
    tu_fixture *f = *state;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    ccad_brief br;
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r)); /* empty book */
    TU_PASS(f->ctx, ccad_book_assess_range(f->b, f->r, 0, 0, TODAY, &br, sizeof br));
    c.id = "solo";
    c.value = 1;
    add(f, &c);
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    /* round(1 * 15 / 100) = 0 A, round(0.4) = 0 B */
    assert_int_equal(grade_of(f, 0), CCAD_GRADE_C);
}

static void rank_ties_by_id_bytewise(void **state)
{
    tu_fixture *f = *state;
    /* equal values: order "A" < "a" < "b" < "c" < "\xc3x" (bytes unsigned) */
    static const char *ids[] = {"b", "\xc3x", "a", "c", "A"};
    static const int64_t rank[] = {3, 5, 2, 4, 1};
    size_t i;
    set(f, "grade.share_b_pct", 20);
    set(f, "grade.share_a_pct", 20);
    for (i = 0; i < 5; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        c.id = ids[i];
        c.value = 500;
        add(f, &c);
    }
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    for (i = 0; i < 5; i++) {
        ccad_assessment a = CCAD_ASSESSMENT_INIT;
        TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, i, TODAY, &a));
        assert_true(why(&a, CCAD_WHY_GRADE_RANK)->a == rank[i]);
        assert_int_equal(a.grade, rank[i] == 1   ? CCAD_GRADE_A
                                  : rank[i] == 2 ? CCAD_GRADE_B
                                                 : CCAD_GRADE_C);
    }
}

static void threshold_method(void **state)
{
    tu_fixture *f = *state;
    static const struct {
        int64_t value;
        int g, gd;
        int64_t thr, thrd;
    } t[] = {
        {20000000, 1, 1, 10000000, 10000000},
        {10000000, 1, 1, 10000000, 10000000},
        {9999999, 2, 2, 2000000, 2000000},
        {2000000, 2, 2, 2000000, 2000000},
        {1999999, 3, 3, 0, 500000},
        {500000, 3, 3, 0, 500000},
        {499999, 3, 4, 0, 0},
        {0, 3, 4, 0, 0},
    };
    size_t i, n = sizeof t / sizeof t[0];
    char id[32];
    set(f, "grade.method", CCAD_GRADE_BY_THRESHOLD);
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        snprintf(id, sizeof id, "t%lu", (unsigned long)i);
        c.id = id;
        c.value = t[i].value;
        add(f, &c);
    }
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    for (i = 0; i < n; i++) {
        ccad_assessment a = CCAD_ASSESSMENT_INIT;
        TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, i, TODAY, &a));
        assert_int_equal(a.grade, t[i].g);
        EXPECT_WHY(a, CCAD_WHY_GRADE_THRESHOLD, t[i].value, t[i].thr, 0);
        NO_WHY(a, CCAD_WHY_GRADE_RANK);
    }
    set(f, "grade.use_d", 1);
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    for (i = 0; i < n; i++) {
        ccad_assessment a = CCAD_ASSESSMENT_INIT;
        TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, i, TODAY, &a));
        assert_int_equal(a.grade, t[i].gd);
        EXPECT_WHY(a, CCAD_WHY_GRADE_THRESHOLD, t[i].value, t[i].thrd, 0);
    }
}

static void manual_grade_wins(void **state)
{
    tu_fixture *f = *state;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    ccad_assessment a;
    size_t i, top;
    char id[32];
    for (i = 0; i < 20; i++) {
        snprintf(id, sizeof id, "m%lu", (unsigned long)i);
        c.id = id;
        c.value = (int64_t)i;
        add(f, &c);
    }
    c.id = "top";
    c.value = 1000000;
    c.grade = CCAD_GRADE_D;
    top = add(f, &c);
    a = assess(f, top, TODAY);
    assert_int_equal(a.grade, CCAD_GRADE_D);
    assert_int_equal(a.grade_manual, 1);
    EXPECT_WHY(a, CCAD_WHY_GRADE_MANUAL, CCAD_GRADE_D, 0, 0);
    NO_WHY(a, CCAD_WHY_GRADE_RANK);
    assert_int_equal(a.reasons[0].why, CCAD_WHY_GRADE_MANUAL);
    /* the same customer without a hand-set grade is A */
    {
        ccad_customer init = CCAD_CUSTOMER_INIT;
        c = init;
    }
    TU_PASS(f->ctx, ccad_book_get(f->b, top, &c));
    c.id = NULL;
    c.grade = CCAD_GRADE_NONE;
    TU_PASS(f->ctx, ccad_book_update(f->b, top, &c));
    a = assess(f, top, TODAY);
    assert_int_equal(a.grade, CCAD_GRADE_A);
    assert_int_equal(a.grade_manual, 0);
    EXPECT_WHY(a, CCAD_WHY_GRADE_RANK, 1, 21, 15);
}

static void stale_with_other_grading_rules(void **state)
{
    tu_fixture *f = *state;
    ccad_customer c = cust("s1", CCAD_GRADE_NONE, CCAD_NO_DATE);
    ccad_rules *r2 = NULL;
    ccad_assessment a = CCAD_ASSESSMENT_INIT;
    add(f, &c);
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    TU_PASS(f->ctx, ccad_rules_copy(&r2, f->ctx, f->r));
    /* a non-grading parameter does not matter */
    TU_PASS(f->ctx, ccad_rules_set(r2, "gap.max_days", 10));
    TU_PASS(f->ctx, ccad_book_assess(f->b, r2, 0, TODAY, &a));
    /* every grading parameter the method uses does (rank: the shares) */
    TU_PASS(f->ctx, ccad_rules_set(r2, "grade.share_a_pct", 10));
    TU_FAIL(f->ctx, ccad_book_assess(f->b, r2, 0, TODAY, &a), CCAD_ESTALE);
    TU_PASS(f->ctx, ccad_rules_set(r2, "grade.share_a_pct", 15));
    /* thresholds do not matter to rank grading, nor C's share without D */
    TU_PASS(f->ctx, ccad_rules_set(r2, "grade.threshold_c", 1));
    TU_PASS(f->ctx, ccad_rules_set(r2, "grade.threshold_a", 99999999));
    TU_PASS(f->ctx, ccad_rules_set(r2, "grade.share_c_pct", 50));
    TU_PASS(f->ctx, ccad_book_assess(f->b, r2, 0, TODAY, &a));
    /* grade D on: C's share matters */
    TU_PASS(f->ctx, ccad_rules_set(r2, "grade.use_d", 1));
    TU_FAIL(f->ctx, ccad_book_assess(f->b, r2, 0, TODAY, &a), CCAD_ESTALE);
    TU_PASS(f->ctx, ccad_rules_set(r2, "grade.use_d", 0));
    TU_PASS(f->ctx, ccad_rules_set(r2, "grade.share_c_pct", 60));
    TU_PASS(f->ctx, ccad_rules_set(r2, "grade.threshold_a", 10000000));
    TU_PASS(f->ctx, ccad_rules_set(r2, "grade.threshold_c", 500000));
    TU_PASS(f->ctx, ccad_rules_set(r2, "grade.method", 1));
    TU_FAIL(f->ctx, ccad_book_assess(f->b, r2, 0, TODAY, &a), CCAD_ESTALE);
    /* regrade with r2: now the original rules are the stale ones */
    TU_PASS(f->ctx, ccad_book_grade(f->b, r2));
    TU_PASS(f->ctx, ccad_book_assess(f->b, r2, 0, TODAY, &a));
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 0, TODAY, &a), CCAD_ESTALE);
    ccad_rules_free(r2);
    /* a book never graded is stale */
    {
        ccad_book *b2 = NULL;
        TU_PASS(f->ctx, ccad_book_new(&b2, f->ctx, 0));
        c.id = "x";
        TU_PASS(f->ctx, ccad_book_add(b2, &c, NULL));
        TU_FAIL(f->ctx, ccad_book_assess(b2, f->r, 0, TODAY, &a), CCAD_ESTALE);
        ccad_book_free(b2);
    }
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, tu_fixture_setup, tu_fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(rank_300),
        T(rank_rounding_small_books),
        T(rank_one_customer_and_empty),
        T(rank_ties_by_id_bytewise),
        T(threshold_method),
        T(manual_grade_wins),
        T(stale_with_other_grading_rules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
