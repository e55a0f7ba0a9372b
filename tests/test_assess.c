/* Grading and assessment: every rule, reasons, names, batch assessment. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    ccad_ctx *ctx;
    ccad_rules *r;
    ccad_book *b;
    int32_t T; /* "today": Monday 2026-11-23 */
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (f == NULL)
        return -1;
    if (ccad_ctx_new(&f->ctx, NULL) != CCAD_OK || ccad_rules_new(&f->r, f->ctx) != CCAD_OK ||
        ccad_book_new(&f->b, f->ctx, 0) != CCAD_OK)
        return -1;
    f->T = tu_date("2026-11-23");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    ccad_book_free(f->b);
    ccad_rules_free(f->r);
    ccad_ctx_free(f->ctx);
    free(f);
    return 0;
}

/* An active customer with a hand-set grade, enough contacts for PATIENCE,
 * a recorded latest contact and no next step. */
static ccad_customer cust(const char *id, int grade, int32_t last)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    c.id = id;
    c.grade = grade;
    c.status = CCAD_STATUS_ACTIVE;
    c.value = 1000;
    c.contacts = 10;
    c.last_contact = last;
    c.last_visit = last; /* the contact was a visit (clock.q1_visits_only) */
    return c;
}

static size_t add(fixture *f, const ccad_customer *c)
{
    size_t i = 0;
    assert_int_equal(ccad_book_add(f->b, c, &i), CCAD_OK);
    return i;
}

static ccad_assessment assess(fixture *f, size_t i, int32_t today)
{
    ccad_assessment a = CCAD_ASSESSMENT_INIT;
    assert_int_equal(ccad_book_grade(f->b, f->r), CCAD_OK);
    assert_int_equal(ccad_book_assess(f->b, f->r, i, today, &a), CCAD_OK);
    return a;
}

/* Adds c and assesses it on f->T. */
static ccad_assessment add_assess(fixture *f, const ccad_customer *c)
{
    return assess(f, add(f, c), f->T);
}

static const ccad_reason *why(const ccad_assessment *a, int code)
{
    uint32_t k;
    for (k = 0; k < a->reason_count; k++)
        if (a->reasons[k].why == code)
            return &a->reasons[k];
    return NULL;
}

#define EXPECT_WHY(asm_, code, A, B, C)                                                   \
    do {                                                                               \
        const ccad_reason *r_ = why(&(asm_), code);                                     \
        if (r_ == NULL)                                                                \
            fail_msg("reason %s missing", ccad_why_name(code));                        \
        assert_true(r_->a == (int64_t)(A));                                            \
        assert_true(r_->b == (int64_t)(B));                                            \
        assert_true(r_->c == (int64_t)(C));                                            \
    } while (0)
#define NO_WHY(a, code) assert_null(why(&(a), code))

static void set(fixture *f, const char *name, int64_t v)
{
    assert_int_equal(ccad_rules_set(f->r, name, v), CCAD_OK);
}

/* ---- grading ---- */

static int grade_of(fixture *f, size_t i)
{
    ccad_assessment a = CCAD_ASSESSMENT_INIT;
    assert_int_equal(ccad_book_assess(f->b, f->r, i, f->T, &a), CCAD_OK);
    return a.grade;
}

static void rank_300(void **state)
{
    fixture *f = *state;
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
    assert_int_equal(ccad_book_grade(f->b, f->r), CCAD_OK);
    memset(count, 0, sizeof count);
    for (i = 0; i < n; i++) {
        ccad_assessment a = CCAD_ASSESSMENT_INIT;
        ccad_customer c = CCAD_CUSTOMER_INIT;
        int64_t rank;
        assert_int_equal(ccad_book_assess(f->b, f->r, i, f->T, &a), CCAD_OK);
        assert_int_equal(ccad_book_get(f->b, i, &c), CCAD_OK);
        rank = (int64_t)n - c.value / 1000 + 1; /* highest value = rank 1 */
        count[a.grade]++;
        assert_int_equal(a.grade_manual, 0);
        assert_int_equal(a.grade, rank <= 45 ? CCAD_GRADE_A : rank <= 120 ? CCAD_GRADE_B
                                                                            : CCAD_GRADE_C);
        EXPECT_WHY(a, CCAD_WHY_GRADE_RANK, rank, 300,
                   a.grade == CCAD_GRADE_A ? 15 : a.grade == CCAD_GRADE_B ? 40 : 100);
        assert_int_equal(a.reasons[0].why, CCAD_WHY_GRADE_RANK);
    }
    assert_int_equal(count[CCAD_GRADE_A], 45);
    assert_int_equal(count[CCAD_GRADE_B], 75);
    assert_int_equal(count[CCAD_GRADE_C], 180);
    assert_int_equal(count[CCAD_GRADE_D], 0);

    /* use_d with the default C share: everything left is C */
    set(f, "grade.use_d", 1);
    assert_int_equal(ccad_book_grade(f->b, f->r), CCAD_OK);
    memset(count, 0, sizeof count);
    for (i = 0; i < n; i++)
        count[grade_of(f, i)]++;
    assert_int_equal(count[CCAD_GRADE_A], 45);
    assert_int_equal(count[CCAD_GRADE_B], 75);
    assert_int_equal(count[CCAD_GRADE_C], 180);
    assert_int_equal(count[CCAD_GRADE_D], 0);

    /* use_d with C 40 %: round(300 * 80 / 100) = 240 -> 120 C, 60 D */
    set(f, "grade.share_c_pct", 40);
    assert_int_equal(ccad_book_grade(f->b, f->r), CCAD_OK);
    memset(count, 0, sizeof count);
    for (i = 0; i < n; i++) {
        ccad_assessment a = CCAD_ASSESSMENT_INIT;
        assert_int_equal(ccad_book_assess(f->b, f->r, i, f->T, &a), CCAD_OK);
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
    fixture *f = *state;
    /* n = 7: A round(1.05) = 1, A+B round(2.8) = 3 -> 1 A, 2 B, 4 C.
     * n = 10 (3 more): A round(1.5) = 2, A+B round(4) = 4 -> 2 A, 2 B, 6 C. */
    static const struct {
        const char *id;
        int64_t value;
        int g7, g10;
    } t[] = {
        {"g1", 700, 1, 1}, {"g2", 600, 2, 2}, {"g3", 500, 2, 2}, {"g4", 400, 3, 3},
        {"g5", 300, 3, 3}, {"g6", 200, 3, 3}, {"g7", 100, 3, 3},
        {"h1", 650, 0, 1}, {"h2", 50, 0, 3},  {"h3", 40, 0, 3},
    };
    size_t i;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    for (i = 0; i < 7; i++) {
        c.id = t[i].id;
        c.value = t[i].value;
        add(f, &c);
    }
    assert_int_equal(ccad_book_grade(f->b, f->r), CCAD_OK);
    for (i = 0; i < 7; i++)
        assert_int_equal(grade_of(f, i), t[i].g7);
    for (i = 7; i < 10; i++) {
        c.id = t[i].id;
        c.value = t[i].value;
        add(f, &c);
    }
    assert_int_equal(ccad_book_grade(f->b, f->r), CCAD_OK);
    for (i = 0; i < 10; i++)
        assert_int_equal(grade_of(f, i), t[i].g10);
}

static void rank_one_customer_and_empty(void **state)
{
    fixture *f = *state;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    ccad_brief br;
    assert_int_equal(ccad_book_grade(f->b, f->r), CCAD_OK); /* empty book */
    assert_int_equal(ccad_book_assess_range(f->b, f->r, 0, 0, f->T, &br, sizeof br), CCAD_OK);
    c.id = "solo";
    c.value = 1;
    add(f, &c);
    assert_int_equal(ccad_book_grade(f->b, f->r), CCAD_OK);
    /* round(1 * 15 / 100) = 0 A, round(0.4) = 0 B */
    assert_int_equal(grade_of(f, 0), CCAD_GRADE_C);
}

static void rank_ties_by_id_bytewise(void **state)
{
    fixture *f = *state;
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
    assert_int_equal(ccad_book_grade(f->b, f->r), CCAD_OK);
    for (i = 0; i < 5; i++) {
        ccad_assessment a = CCAD_ASSESSMENT_INIT;
        assert_int_equal(ccad_book_assess(f->b, f->r, i, f->T, &a), CCAD_OK);
        assert_true(why(&a, CCAD_WHY_GRADE_RANK)->a == rank[i]);
        assert_int_equal(a.grade, rank[i] == 1 ? CCAD_GRADE_A : rank[i] == 2 ? CCAD_GRADE_B
                                                                              : CCAD_GRADE_C);
    }
}

static void threshold_method(void **state)
{
    fixture *f = *state;
    static const struct {
        int64_t value;
        int g, gd;
        int64_t thr, thrd;
    } t[] = {
        {20000000, 1, 1, 10000000, 10000000}, {10000000, 1, 1, 10000000, 10000000},
        {9999999, 2, 2, 2000000, 2000000},    {2000000, 2, 2, 2000000, 2000000},
        {1999999, 3, 3, 0, 500000},           {500000, 3, 3, 0, 500000},
        {499999, 3, 4, 0, 0},                 {0, 3, 4, 0, 0},
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
    assert_int_equal(ccad_book_grade(f->b, f->r), CCAD_OK);
    for (i = 0; i < n; i++) {
        ccad_assessment a = CCAD_ASSESSMENT_INIT;
        assert_int_equal(ccad_book_assess(f->b, f->r, i, f->T, &a), CCAD_OK);
        assert_int_equal(a.grade, t[i].g);
        EXPECT_WHY(a, CCAD_WHY_GRADE_THRESHOLD, t[i].value, t[i].thr, 0);
        NO_WHY(a, CCAD_WHY_GRADE_RANK);
    }
    set(f, "grade.use_d", 1);
    assert_int_equal(ccad_book_grade(f->b, f->r), CCAD_OK);
    for (i = 0; i < n; i++) {
        ccad_assessment a = CCAD_ASSESSMENT_INIT;
        assert_int_equal(ccad_book_assess(f->b, f->r, i, f->T, &a), CCAD_OK);
        assert_int_equal(a.grade, t[i].gd);
        EXPECT_WHY(a, CCAD_WHY_GRADE_THRESHOLD, t[i].value, t[i].thrd, 0);
    }
}

static void manual_grade_wins(void **state)
{
    fixture *f = *state;
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
    a = assess(f, top, f->T);
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
    assert_int_equal(ccad_book_get(f->b, top, &c), CCAD_OK);
    c.id = NULL;
    c.grade = CCAD_GRADE_NONE;
    assert_int_equal(ccad_book_update(f->b, top, &c), CCAD_OK);
    a = assess(f, top, f->T);
    assert_int_equal(a.grade, CCAD_GRADE_A);
    assert_int_equal(a.grade_manual, 0);
    EXPECT_WHY(a, CCAD_WHY_GRADE_RANK, 1, 21, 15);
}

static void stale_with_other_grading_rules(void **state)
{
    fixture *f = *state;
    ccad_customer c = cust("s1", CCAD_GRADE_NONE, CCAD_NO_DATE);
    ccad_rules *r2 = NULL;
    ccad_assessment a = CCAD_ASSESSMENT_INIT;
    add(f, &c);
    assert_int_equal(ccad_book_grade(f->b, f->r), CCAD_OK);
    assert_int_equal(ccad_rules_copy(&r2, f->ctx, f->r), CCAD_OK);
    /* a non-grading parameter does not matter */
    assert_int_equal(ccad_rules_set(r2, "gap.max_days", 10), CCAD_OK);
    assert_int_equal(ccad_book_assess(f->b, r2, 0, f->T, &a), CCAD_OK);
    /* every grading parameter the method uses does (rank: the shares) */
    assert_int_equal(ccad_rules_set(r2, "grade.share_a_pct", 10), CCAD_OK);
    TU_FAIL(f->ctx, ccad_book_assess(f->b, r2, 0, f->T, &a), CCAD_ESTALE);
    assert_int_equal(ccad_rules_set(r2, "grade.share_a_pct", 15), CCAD_OK);
    /* thresholds do not matter to rank grading, nor C's share without D */
    assert_int_equal(ccad_rules_set(r2, "grade.threshold_c", 1), CCAD_OK);
    assert_int_equal(ccad_rules_set(r2, "grade.threshold_a", 99999999), CCAD_OK);
    assert_int_equal(ccad_rules_set(r2, "grade.share_c_pct", 50), CCAD_OK);
    assert_int_equal(ccad_book_assess(f->b, r2, 0, f->T, &a), CCAD_OK);
    /* grade D on: C's share matters */
    assert_int_equal(ccad_rules_set(r2, "grade.use_d", 1), CCAD_OK);
    TU_FAIL(f->ctx, ccad_book_assess(f->b, r2, 0, f->T, &a), CCAD_ESTALE);
    assert_int_equal(ccad_rules_set(r2, "grade.use_d", 0), CCAD_OK);
    assert_int_equal(ccad_rules_set(r2, "grade.share_c_pct", 60), CCAD_OK);
    assert_int_equal(ccad_rules_set(r2, "grade.threshold_a", 10000000), CCAD_OK);
    assert_int_equal(ccad_rules_set(r2, "grade.threshold_c", 500000), CCAD_OK);
    assert_int_equal(ccad_rules_set(r2, "grade.method", 1), CCAD_OK);
    TU_FAIL(f->ctx, ccad_book_assess(f->b, r2, 0, f->T, &a), CCAD_ESTALE);
    /* regrade with r2: now the original rules are the stale ones */
    assert_int_equal(ccad_book_grade(f->b, r2), CCAD_OK);
    assert_int_equal(ccad_book_assess(f->b, r2, 0, f->T, &a), CCAD_OK);
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 0, f->T, &a), CCAD_ESTALE);
    ccad_rules_free(r2);
    /* a book never graded is stale */
    {
        ccad_book *b2 = NULL;
        assert_int_equal(ccad_book_new(&b2, f->ctx, 0), CCAD_OK);
        c.id = "x";
        assert_int_equal(ccad_book_add(b2, &c, NULL), CCAD_OK);
        TU_FAIL(f->ctx, ccad_book_assess(b2, f->r, 0, f->T, &a), CCAD_ESTALE);
        ccad_book_free(b2);
    }
}

/* ---- frequency, urgency, quadrant ---- */

static void frequency_by_grade_and_urgency(void **state)
{
    fixture *f = *state;
    int32_t T = f->T;
    ccad_customer c;
    ccad_assessment a;

    /* A, purchase within 7 days: Q1, daily */
    c = cust("a-week", CCAD_GRADE_A, T - 1);
    c.purchase_date = T + 5;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_WEEK);
    assert_int_equal(a.quadrant, CCAD_Q1);
    assert_int_equal(a.freq_count, 1);
    assert_int_equal(a.freq_period_days, 1);
    assert_int_equal(a.interval_days, 1);
    assert_int_equal(a.due_date, T);
    assert_true(a.flags & CCAD_F_DUE);
    assert_false(a.flags & CCAD_F_OVERDUE);
    EXPECT_WHY(a, CCAD_WHY_URGENCY_PURCHASE, 5, 7, 0);
    EXPECT_WHY(a, CCAD_WHY_QUADRANT, CCAD_Q1, CCAD_GRADE_A, CCAD_URGENCY_WEEK);
    EXPECT_WHY(a, CCAD_WHY_FREQ, 1, 1, 1);
    EXPECT_WHY(a, CCAD_WHY_DUE, T - 1, 1, T);

    /* exactly 7 days is still this week; today too */
    c = cust("a-week7", CCAD_GRADE_A, T - 1);
    c.purchase_date = T + 7;
    assert_int_equal(add_assess(f, &c).urgency, CCAD_URGENCY_WEEK);
    c = cust("a-week0", CCAD_GRADE_A, T - 1);
    c.purchase_date = T;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_WEEK);
    EXPECT_WHY(a, CCAD_WHY_URGENCY_PURCHASE, 0, 7, 0);

    /* A, purchase within 8..14 days: 3 per 7 days -> every 2 days */
    c = cust("a-2w", CCAD_GRADE_A, T - 1);
    c.purchase_date = T + 8;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_TWO_WEEKS);
    assert_int_equal(a.quadrant, CCAD_Q1);
    assert_int_equal(a.freq_count, 3);
    assert_int_equal(a.freq_period_days, 7);
    assert_int_equal(a.interval_days, 2);
    assert_int_equal(a.due_date, T + 1);
    EXPECT_WHY(a, CCAD_WHY_URGENCY_PURCHASE, 8, 14, 0);
    c = cust("a-2w14", CCAD_GRADE_A, T - 1);
    c.purchase_date = T + 14;
    assert_int_equal(add_assess(f, &c).interval_days, 2);

    /* beyond 14 days: not urgent, A in Q2: 2 per 7 days -> every 3 days */
    c = cust("a-q2", CCAD_GRADE_A, T - 1);
    c.purchase_date = T + 15;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_NONE);
    assert_int_equal(a.quadrant, CCAD_Q2);
    assert_int_equal(a.freq_count, 2);
    assert_int_equal(a.freq_period_days, 7);
    assert_int_equal(a.interval_days, 3);
    assert_int_equal(a.due_date, T + 2);
    NO_WHY(a, CCAD_WHY_URGENCY_PURCHASE);
    assert_false(a.flags & CCAD_F_DUE);

    /* B: weekly, Q2 */
    c = cust("b", CCAD_GRADE_B, T - 1);
    a = add_assess(f, &c);
    assert_int_equal(a.quadrant, CCAD_Q2);
    assert_int_equal(a.interval_days, 7);
    /* T - 1 + 7 is Sunday T + 6: due Monday T + 7 (freq.work_days Mon..Fri) */
    assert_int_equal(a.due_date, T + 7);
    assert_int_equal(a.reminder_date, T + 6);
    EXPECT_WHY(a, CCAD_WHY_FREQ, 1, 7, 7);
    EXPECT_WHY(a, CCAD_WHY_DUE, T - 1, 7, T + 6);

    /* C: every 28 days, Q4 */
    c = cust("c", CCAD_GRADE_C, T - 1);
    a = add_assess(f, &c);
    assert_int_equal(a.quadrant, CCAD_Q4);
    assert_int_equal(a.interval_days, 28);
    /* T - 1 + 28 is Sunday T + 27: due Monday T + 28 */
    assert_int_equal(a.due_date, T + 28);
    EXPECT_WHY(a, CCAD_WHY_FREQ, 1, 28, 28);
    EXPECT_WHY(a, CCAD_WHY_DUE, T - 1, 28, T + 27);

    /* D: no fixed duty */
    c = cust("d", CCAD_GRADE_D, T - 1);
    a = add_assess(f, &c);
    assert_int_equal(a.quadrant, CCAD_Q4);
    assert_int_equal(a.freq_count, 0);
    assert_int_equal(a.interval_days, 0);
    assert_int_equal(a.due_date, CCAD_NO_DATE);
    assert_int_equal(a.reminder_date, CCAD_NO_DATE);
    assert_false(a.flags & (CCAD_F_DUE | CCAD_F_OVERDUE));
    EXPECT_WHY(a, CCAD_WHY_FREQ_NONE, CCAD_GRADE_D, 0, 0);
    NO_WHY(a, CCAD_WHY_FREQ);
    NO_WHY(a, CCAD_WHY_DUE);

    /* purchase date passed: not urgent, asks for an update */
    c = cust("passed", CCAD_GRADE_A, T - 1);
    c.purchase_date = T - 3;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_NONE);
    assert_int_equal(a.quadrant, CCAD_Q2);
    EXPECT_WHY(a, CCAD_WHY_URGENCY_PASSED, 3, 0, 0);

    /* important grades come from quadrant.important */
    set(f, "quadrant.important", CCAD_GRADE_BIT_C);
    c = cust("c-imp", CCAD_GRADE_C, T - 1);
    a = add_assess(f, &c);
    assert_int_equal(a.quadrant, CCAD_Q2);
    c = cust("a-unimp", CCAD_GRADE_A, T - 1);
    a = add_assess(f, &c);
    assert_int_equal(a.quadrant, CCAD_Q4);
    assert_int_equal(a.interval_days, 3); /* frequency still by grade */
}

static void open_complaint(void **state)
{
    fixture *f = *state;
    int32_t T = f->T;
    ccad_customer c;
    ccad_assessment a;

    /* complaint opened after the last contact: due on the complaint date,
     * Saturday T - 2, which moves to Monday T (freq.work_days Mon..Fri) */
    c = cust("cpl", CCAD_GRADE_C, T - 5);
    c.complaint = CCAD_COMPLAINT_OPEN;
    c.complaint_date = T - 2;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_EVENT);
    assert_int_equal(a.quadrant, CCAD_Q3);
    assert_int_equal(a.complaint, CCAD_COMPLAINT_OPEN);
    assert_int_equal(a.due_date, T);
    assert_int_equal(a.days_overdue, 0);
    assert_true(a.flags & CCAD_F_COMPLAINT_OPEN);
    assert_false(a.flags & CCAD_F_OVERDUE);
    assert_true(a.flags & CCAD_F_DUE);
    EXPECT_WHY(a, CCAD_WHY_URGENCY_COMPLAINT, T - 2, 2, 0);
    EXPECT_WHY(a, CCAD_WHY_COMPLAINT_OPEN, T - 2, 2, 0);
    EXPECT_WHY(a, CCAD_WHY_DUE_EVENT, T - 2, 0, 0);
    NO_WHY(a, CCAD_WHY_OVERDUE);
    /* EVENT urgency does not change the frequency: interval stays the grade's */
    assert_int_equal(a.interval_days, 28);
    assert_int_equal(a.escalation, CCAD_ESCALATE_NONE);
    /* opened on Friday T - 3: no move, 3 days overdue, and Q3 escalates */
    c = cust("cplF", CCAD_GRADE_C, T - 5);
    c.complaint = CCAD_COMPLAINT_OPEN;
    c.complaint_date = T - 3;
    a = add_assess(f, &c);
    assert_int_equal(a.due_date, T - 3);
    assert_int_equal(a.days_overdue, 3);
    assert_true(a.flags & CCAD_F_OVERDUE);
    assert_int_equal(a.escalation, CCAD_ESCALATE_REP);
    EXPECT_WHY(a, CCAD_WHY_OVERDUE, 3, CCAD_ESCALATE_REP, 3);
    /* an important customer with a complaint is Q1 */
    c = cust("cplA", CCAD_GRADE_A, T - 5);
    c.complaint = CCAD_COMPLAINT_OPEN;
    c.complaint_date = T - 2;
    a = add_assess(f, &c);
    assert_int_equal(a.quadrant, CCAD_Q1);
    assert_int_equal(a.urgency, CCAD_URGENCY_EVENT);

    /* contacted since: due last contact + complaint.followup_days */
    c = cust("cpl2", CCAD_GRADE_C, T - 1);
    c.complaint = CCAD_COMPLAINT_OPEN;
    c.complaint_date = T - 4;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_EVENT);
    assert_int_equal(a.quadrant, CCAD_Q3);
    assert_int_equal(a.due_date, T);
    EXPECT_WHY(a, CCAD_WHY_DUE_EVENT, T, 0, 0);
    set(f, "complaint.followup_days", 3);
    a = assess(f, 3, T);
    assert_int_equal(a.due_date, T + 2);
    /* contact on the complaint day counts as contacted since: T - 4 + 3 is
     * Sunday T - 1, due Monday T (not the complaint day T - 4) */
    c = cust("cpl3", CCAD_GRADE_C, T - 4);
    c.complaint = CCAD_COMPLAINT_OPEN;
    c.complaint_date = T - 4;
    a = add_assess(f, &c);
    assert_int_equal(a.due_date, T);
    EXPECT_WHY(a, CCAD_WHY_DUE_EVENT, T - 1, 0, 0);
}

static void pending_request(void **state)
{
    fixture *f = *state;
    int32_t T = f->T;
    ccad_customer c;
    ccad_assessment a;

    /* tomorrow, not handled yet: urgent today (request_days = 1) */
    c = cust("rq", CCAD_GRADE_C, T - 3);
    c.request_date = T + 1;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_EVENT);
    assert_int_equal(a.quadrant, CCAD_Q3);
    assert_int_equal(a.due_date, T + 1);
    EXPECT_WHY(a, CCAD_WHY_URGENCY_REQUEST, T + 1, 1, 0);
    EXPECT_WHY(a, CCAD_WHY_DUE_EVENT, T + 1, 0, 0);

    /* two days ahead: due then, but not urgent yet */
    c = cust("rq2", CCAD_GRADE_C, T - 3);
    c.request_date = T + 2;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_NONE);
    assert_int_equal(a.quadrant, CCAD_Q4);
    assert_int_equal(a.due_date, T + 2);
    NO_WHY(a, CCAD_WHY_URGENCY_REQUEST);

    /* late request: negative days */
    c = cust("rq3", CCAD_GRADE_A, T - 9);
    c.request_date = T - 2;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_EVENT);
    assert_int_equal(a.quadrant, CCAD_Q1);
    EXPECT_WHY(a, CCAD_WHY_URGENCY_REQUEST, T - 2, -2, 0);
    assert_int_equal(a.due_date, T - 6); /* the regular due date is earlier */

    /* handled: a contact on or after the requested date */
    c = cust("rq4", CCAD_GRADE_C, T - 1);
    c.request_date = T - 1;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_NONE);
    assert_int_equal(a.due_date, T + 28); /* T - 1 + 28 is a Sunday */
    NO_WHY(a, CCAD_WHY_URGENCY_REQUEST);
}

static void q3_due_today_until_handled(void **state)
{
    fixture *f = *state;
    int32_t T = f->T;
    ccad_customer c;
    ccad_assessment a;

    /* C customer buying in 5 days, last contact before purchase - 14 */
    c = cust("q3", CCAD_GRADE_C, T - 10);
    c.purchase_date = T + 5;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_WEEK);
    assert_int_equal(a.quadrant, CCAD_Q3);
    assert_int_equal(a.interval_days, 28); /* Q1 frequencies are for important customers */
    assert_int_equal(a.due_date, T);
    assert_true(a.flags & CCAD_F_DUE);
    EXPECT_WHY(a, CCAD_WHY_DUE_EVENT, T, 0, 0);
    /* the next day it is due that day */
    a = assess(f, 0, T + 1);
    assert_int_equal(a.due_date, T + 1);

    /* handled: a contact within the urgent window */
    c = cust("q3h", CCAD_GRADE_C, T - 9);
    c.purchase_date = T + 5;
    a = add_assess(f, &c);
    assert_int_equal(a.quadrant, CCAD_Q3);
    assert_int_equal(a.due_date, T + 21); /* T - 9 + 28 = T + 19 is a Saturday */
    EXPECT_WHY(a, CCAD_WHY_DUE, T - 9, 28, T + 19);
    NO_WHY(a, CCAD_WHY_DUE_EVENT);

    /* never contacted Q3 */
    c = cust("q3n", CCAD_GRADE_D, CCAD_NO_DATE);
    c.contacts = 0;
    c.purchase_date = T + 10;
    a = add_assess(f, &c);
    assert_int_equal(a.quadrant, CCAD_Q3);
    assert_int_equal(a.due_date, T);
}

static void resolved_complaint_care(void **state)
{
    fixture *f = *state;
    int32_t T = f->T;
    ccad_customer c;
    ccad_assessment a;

    c = cust("care", CCAD_GRADE_C, T - 8);
    c.complaint = CCAD_COMPLAINT_RESOLVED;
    c.complaint_date = T - 7;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_NONE);
    assert_int_equal(a.care_date, T);
    assert_int_equal(a.due_date, T);
    assert_true(a.flags & CCAD_F_CARE_DUE);
    assert_false(a.flags & CCAD_F_COMPLAINT_OPEN);
    EXPECT_WHY(a, CCAD_WHY_COMPLAINT_CARE, T - 7, T, 0);
    EXPECT_WHY(a, CCAD_WHY_DUE_EVENT, T, 0, 0);
    /* before the care date: not yet due */
    a = assess(f, 0, T - 1);
    assert_int_equal(a.due_date, T);
    assert_false(a.flags & CCAD_F_CARE_DUE);
    assert_true(a.flags & CCAD_F_REMINDER);

    /* care contact made */
    c = cust("cared", CCAD_GRADE_C, T);
    c.complaint = CCAD_COMPLAINT_RESOLVED;
    c.complaint_date = T - 7;
    a = add_assess(f, &c);
    assert_int_equal(a.care_date, T);
    assert_int_equal(a.due_date, T + 28);
    assert_false(a.flags & CCAD_F_CARE_DUE);
    EXPECT_WHY(a, CCAD_WHY_COMPLAINT_CARE, T - 7, T, 0);

    /* complaint.care_after_days */
    set(f, "complaint.care_after_days", 3);
    a = assess(f, 0, T);
    assert_int_equal(a.care_date, T - 4);
    assert_int_equal(a.due_date, T - 4);
    assert_true(a.flags & CCAD_F_CARE_DUE);
}

static void escalation_ladder(void **state)
{
    fixture *f = *state;
    int32_t T = f->T;
    /* T is a Monday; last contact + 3 on a weekend moves to the Monday after,
     * and the days overdue count from there */
    static const struct {
        int32_t last_ago;
        int32_t due; /* offset from T */
        int32_t over;
        int level;
        int thr;
    } t[] = {
        {3, 0, 0, 0, 0},   {4, 0, 0, 0, 0},   {5, 0, 0, 0, 0},
        {6, -3, 3, 1, 3},  {7, -4, 4, 1, 3},  {8, -5, 5, 2, 5},
        {9, -6, 6, 2, 5},  {10, -7, 7, 3, 7}, {11, -7, 7, 3, 7},
        {12, -7, 7, 3, 7}, {13, -10, 10, 3, 7}, {40, -35, 35, 3, 7},
    };
    size_t i;
    char id[32];
    ccad_assessment a;
    ccad_customer c;
    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        snprintf(id, sizeof id, "e%lu", (unsigned long)i);
        c = cust(id, CCAD_GRADE_A, T - t[i].last_ago); /* A: every 3 days */
        a = add_assess(f, &c);
        assert_int_equal(a.due_date, T + t[i].due);
        EXPECT_WHY(a, CCAD_WHY_DUE, T - t[i].last_ago, 3, T - t[i].last_ago + 3);
        assert_int_equal(a.days_overdue, t[i].over);
        assert_int_equal(a.escalation, t[i].level);
        if (t[i].over > 0) {
            assert_true(a.flags & CCAD_F_OVERDUE);
            EXPECT_WHY(a, CCAD_WHY_OVERDUE, t[i].over, t[i].level, t[i].thr);
        } else {
            assert_false(a.flags & CCAD_F_OVERDUE);
            NO_WHY(a, CCAD_WHY_OVERDUE);
        }
    }
    /* Q4: overdue but not escalated unless escalate.q4 */
    c = cust("q4", CCAD_GRADE_C, T - 35);
    i = add(f, &c);
    a = assess(f, i, T);
    assert_int_equal(a.quadrant, CCAD_Q4);
    assert_int_equal(a.days_overdue, 7);
    assert_int_equal(a.escalation, CCAD_ESCALATE_NONE);
    assert_true(a.flags & CCAD_F_OVERDUE);
    EXPECT_WHY(a, CCAD_WHY_OVERDUE, 7, 0, 0);
    set(f, "escalate.q4", 1);
    a = assess(f, i, T);
    assert_int_equal(a.escalation, CCAD_ESCALATE_REASSIGN);
    EXPECT_WHY(a, CCAD_WHY_OVERDUE, 7, 3, 7);
}

static void gap_warning_and_alert(void **state)
{
    fixture *f = *state;
    set(f, "gap.by_cycle", 0); /* 1.0's fixed limits (gap.max_days 14, alert 21) */
    int32_t T = f->T;
    static const struct {
        int grade;
        int32_t ago;
        int32_t closed;
        uint32_t flag;
    } t[] = {
        {CCAD_GRADE_A, 14, -1, 0},
        {CCAD_GRADE_A, 15, -1, CCAD_F_COOLING},
        {CCAD_GRADE_B, 20, -1, CCAD_F_COOLING},
        {CCAD_GRADE_B, 21, -1, CCAD_F_COLD},
        {CCAD_GRADE_A, 60, -1, CCAD_F_COLD},
        {CCAD_GRADE_C, 60, -1, 0},
        {CCAD_GRADE_D, 60, -1, 0},
        {CCAD_GRADE_A, 1, 21, CCAD_F_COLD},   /* closed gap longer */
        {CCAD_GRADE_A, 2, 15, CCAD_F_COOLING},
        {CCAD_GRADE_B, 16, 3, CCAD_F_COOLING}, /* open gap longer */
        {CCAD_GRADE_A, 0, 14, 0},
    };
    size_t i;
    char id[32];
    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        ccad_customer c;
        ccad_assessment a;
        int32_t gap = t[i].ago > t[i].closed ? t[i].ago : t[i].closed;
        snprintf(id, sizeof id, "g%lu", (unsigned long)i);
        c = cust(id, t[i].grade, T - t[i].ago);
        c.last_gap_days = t[i].closed;
        a = add_assess(f, &c);
        assert_int_equal(a.flags & (CCAD_F_COOLING | CCAD_F_COLD), t[i].flag);
        if (t[i].flag == CCAD_F_COLD)
            EXPECT_WHY(a, CCAD_WHY_GAP_ALERT, gap, 21, gap - 14);
        else
            NO_WHY(a, CCAD_WHY_GAP_ALERT);
        if (t[i].flag == CCAD_F_COOLING)
            EXPECT_WHY(a, CCAD_WHY_GAP_WARN, gap, 14, gap - 14);
        else
            NO_WHY(a, CCAD_WHY_GAP_WARN);
    }
}

static void gap_closed_by_records(void **state)
{
    fixture *f = *state;
    set(f, "gap.by_cycle", 0); /* 1.0's fixed limits (gap.max_days 14, alert 21) */
    int32_t T = f->T;
    ccad_customer c = cust("rec", CCAD_GRADE_A, CCAD_NO_DATE);
    ccad_contact e = CCAD_CONTACT_INIT;
    ccad_assessment a;
    size_t i;
    i = add(f, &c);
    e.date = T - 22;
    assert_int_equal(ccad_book_record(f->b, i, &e), CCAD_OK);
    e.date = T - 1; /* a 21-day gap, closed by a fresh contact */
    assert_int_equal(ccad_book_record(f->b, i, &e), CCAD_OK);
    a = assess(f, i, T);
    assert_int_equal(a.days_since_contact, 1);
    assert_true(a.flags & CCAD_F_COLD);
    EXPECT_WHY(a, CCAD_WHY_GAP_ALERT, 21, 21, 7);
    /* PATIENCE: the broken rhythm also makes a release premature */
    assert_true(a.flags & CCAD_F_RELEASE_PREMATURE);
    EXPECT_WHY(a, CCAD_WHY_PATIENCE_RHYTHM, 21, 14, 0);
    /* a short regular gap after that clears it */
    e.date = T;
    assert_int_equal(ccad_book_record(f->b, i, &e), CCAD_OK);
    a = assess(f, i, T);
    assert_false(a.flags & (CCAD_F_COLD | CCAD_F_COOLING));
}

static void temperature_and_days_since(void **state)
{
    fixture *f = *state;
    int32_t T = f->T;
    static const struct {
        int32_t ago;
        int32_t temp;
    } t[] = {{0, 100}, {7, 75}, {14, 50}, {21, 38}, {28, 25}, {42, 13}, {56, 6}, {1000, 0}};
    size_t i;
    char id[32];
    ccad_customer c;
    ccad_assessment a;
    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        snprintf(id, sizeof id, "t%lu", (unsigned long)i);
        c = cust(id, CCAD_GRADE_C, T - t[i].ago);
        a = add_assess(f, &c);
        assert_int_equal(a.days_since_contact, t[i].ago);
        assert_int_equal(a.temperature, t[i].temp);
    }
    c = cust("never", CCAD_GRADE_C, CCAD_NO_DATE);
    a = add_assess(f, &c);
    assert_int_equal(a.days_since_contact, -1);
    assert_int_equal(a.temperature, -1);
    /* a contact after the day assessed counts as 0 days */
    c = cust("future", CCAD_GRADE_C, T + 3);
    a = add_assess(f, &c);
    assert_int_equal(a.days_since_contact, 0);
    assert_int_equal(a.temperature, 100);
    /* half-life parameter */
    set(f, "gap.half_life_days", 7);
    a = assess(f, 2, T); /* 14 days ago */
    assert_int_equal(a.temperature, 25);
}

static void stall_patience_ownership(void **state)
{
    fixture *f = *state;
    set(f, "gap.by_cycle", 0); /* 1.0's fixed limits (gap.max_days 14, alert 21) */
    int32_t T = f->T;
    ccad_customer c;
    ccad_assessment a;

    c = cust("st2", CCAD_GRADE_B, T - 1);
    c.no_progress = 2;
    a = add_assess(f, &c);
    assert_false(a.flags & CCAD_F_STALLED);
    NO_WHY(a, CCAD_WHY_STALLED);
    c = cust("st3", CCAD_GRADE_B, T - 1);
    c.no_progress = 3;
    a = add_assess(f, &c);
    assert_true(a.flags & CCAD_F_STALLED);
    EXPECT_WHY(a, CCAD_WHY_STALLED, 3, 3, 0);

    /* patience */
    c = cust("p4a", CCAD_GRADE_B, T - 1);
    c.contacts = 4; /* a buying customer: the count guards prospects only */
    a = add_assess(f, &c);
    assert_false(a.flags & CCAD_F_RELEASE_PREMATURE);
    NO_WHY(a, CCAD_WHY_PATIENCE);
    c = cust("p4", CCAD_GRADE_B, T - 1);
    c.contacts = 4;
    c.status = CCAD_STATUS_PROSPECT;
    a = add_assess(f, &c);
    assert_true(a.flags & CCAD_F_RELEASE_PREMATURE);
    assert_false(a.flags & CCAD_F_RELEASED_EARLY);
    assert_int_equal(a.contacts, 4);
    assert_int_equal(a.min_contacts, 5);
    EXPECT_WHY(a, CCAD_WHY_PATIENCE, 4, 5, 0);
    c = cust("p5", CCAD_GRADE_B, T - 1);
    c.contacts = 5;
    a = add_assess(f, &c);
    assert_false(a.flags & CCAD_F_RELEASE_PREMATURE);
    NO_WHY(a, CCAD_WHY_PATIENCE);
    c = cust("rel4", CCAD_GRADE_B, T - 1);
    c.contacts = 4;
    c.status = CCAD_STATUS_RELEASED;
    a = add_assess(f, &c);
    assert_true(a.flags & CCAD_F_RELEASED_EARLY);
    assert_true(a.flags & CCAD_F_INACTIVE);
    assert_false(a.flags & CCAD_F_RELEASE_PREMATURE);
    EXPECT_WHY(a, CCAD_WHY_RELEASED_EARLY, 4, 5, 0);
    c = cust("rel5", CCAD_GRADE_B, T - 1);
    c.contacts = 5;
    c.status = CCAD_STATUS_RELEASED;
    a = add_assess(f, &c);
    assert_false(a.flags & CCAD_F_RELEASED_EARLY);
    c = cust("relgap", CCAD_GRADE_B, T - 1);
    c.contacts = 9;
    c.last_gap_days = 20;
    c.status = CCAD_STATUS_RELEASED;
    a = add_assess(f, &c);
    assert_true(a.flags & CCAD_F_RELEASED_EARLY);
    EXPECT_WHY(a, CCAD_WHY_PATIENCE_RHYTHM, 20, 14, 0);
    c = cust("elim", CCAD_GRADE_B, T - 1);
    c.contacts = 1;
    c.status = CCAD_STATUS_ELIMINATED;
    a = add_assess(f, &c);
    assert_false(a.flags & (CCAD_F_RELEASED_EARLY | CCAD_F_RELEASE_PREMATURE));

    /* ownership */
    c = cust("own", CCAD_GRADE_B, T - 1);
    c.owned_since = T - 80;
    a = add_assess(f, &c);
    assert_int_equal(a.ownership_end, T + 10);
    assert_int_equal(a.ownership_days_left, 10);
    EXPECT_WHY(a, CCAD_WHY_OWNERSHIP, 10, 90, T + 10);
    c = cust("own-past", CCAD_GRADE_B, T - 1);
    c.owned_since = T - 100;
    a = add_assess(f, &c);
    assert_int_equal(a.ownership_days_left, -10);
    c = cust("own-none", CCAD_GRADE_B, T - 1);
    a = add_assess(f, &c);
    assert_int_equal(a.ownership_end, CCAD_NO_DATE);
    assert_int_equal(a.ownership_days_left, 0);
    NO_WHY(a, CCAD_WHY_OWNERSHIP);
}

static int triage_kind(fixture *f, int64_t volume, int32_t margin, int capable, int *strategy)
{
    static int n = 0;
    char id[32];
    ccad_customer c;
    ccad_assessment a;
    snprintf(id, sizeof id, "tr%d", n++);
    c = cust(id, CCAD_GRADE_C, f->T - 1);
    c.monthly_volume = volume;
    c.margin_bp = margin;
    c.capable = capable;
    a = add_assess(f, &c);
    if (strategy)
        *strategy = a.strategy;
    return a.triage;
}

static void triage_kinds(void **state)
{
    fixture *f = *state;
    int st = -1;
    assert_int_equal(triage_kind(f, 8000000, -1, 1, &st), CCAD_TRIAGE_SELF_DRIVEN);
    assert_int_equal(st, CCAD_STRATEGY_LET_GO);
    assert_int_equal(triage_kind(f, 90000000, -1, 0, &st), CCAD_TRIAGE_SELF_DRIVEN);
    assert_int_equal(triage_kind(f, 7999999, -1, 0, &st), CCAD_TRIAGE_PUSH);
    assert_int_equal(st, CCAD_STRATEGY_PERSIST);
    assert_int_equal(triage_kind(f, 5000000, -1, 0, &st), CCAD_TRIAGE_PUSH);
    /* the band 30k..50k is push by default */
    assert_int_equal(triage_kind(f, 4999999, -1, 0, &st), CCAD_TRIAGE_PUSH);
    assert_int_equal(st, CCAD_STRATEGY_PERSIST);
    assert_int_equal(triage_kind(f, 3000000, -1, 0, &st), CCAD_TRIAGE_PUSH);
    assert_int_equal(triage_kind(f, 2999999, -1, 0, &st), CCAD_TRIAGE_UNMOVABLE);
    assert_int_equal(st, CCAD_STRATEGY_GIVE_UP);
    assert_int_equal(triage_kind(f, 0, -1, 1, &st), CCAD_TRIAGE_UNMOVABLE);
    assert_int_equal(st, CCAD_STRATEGY_PERSIST); /* capable: not given up */
    /* unknown volume: not triaged */
    assert_int_equal(triage_kind(f, -1, 5000, 0, &st), CCAD_TRIAGE_NONE);
    assert_int_equal(st, CCAD_STRATEGY_NONE);
    /* margin lifts one kind */
    assert_int_equal(triage_kind(f, 7999999, 3000, 0, &st), CCAD_TRIAGE_SELF_DRIVEN);
    assert_int_equal(st, CCAD_STRATEGY_LET_GO);
    assert_int_equal(triage_kind(f, 7999999, 2999, 0, &st), CCAD_TRIAGE_PUSH);
    assert_int_equal(triage_kind(f, 1000, 10000, 0, &st), CCAD_TRIAGE_PUSH);
    assert_int_equal(st, CCAD_STRATEGY_PERSIST);
    assert_int_equal(triage_kind(f, 9000000, 9000, 0, &st), CCAD_TRIAGE_SELF_DRIVEN);
    /* band unmovable */
    set(f, "triage.band", 1);
    assert_int_equal(triage_kind(f, 4999999, -1, 0, &st), CCAD_TRIAGE_UNMOVABLE);
    assert_int_equal(st, CCAD_STRATEGY_GIVE_UP);
    assert_int_equal(triage_kind(f, 3000000, -1, 1, &st), CCAD_TRIAGE_UNMOVABLE);
    assert_int_equal(st, CCAD_STRATEGY_PERSIST);
    assert_int_equal(triage_kind(f, 5000000, -1, 0, &st), CCAD_TRIAGE_PUSH);
    assert_int_equal(triage_kind(f, 3000000, 3000, 0, &st), CCAD_TRIAGE_PUSH);
    /* margin lift off */
    set(f, "triage.margin_lift_bp", 0);
    assert_int_equal(triage_kind(f, 7999999, 10000, 0, &st), CCAD_TRIAGE_PUSH);
}

static void triage_reasons_and_status(void **state)
{
    fixture *f = *state;
    int32_t T = f->T;
    ccad_customer c;
    ccad_assessment a;
    c = cust("trr", CCAD_GRADE_C, T - 1);
    c.monthly_volume = 4000000;
    c.margin_bp = 3500;
    a = add_assess(f, &c);
    EXPECT_WHY(a, CCAD_WHY_TRIAGE, CCAD_TRIAGE_PUSH, 4000000, 3000000);
    EXPECT_WHY(a, CCAD_WHY_TRIAGE_MARGIN, 3500, 3000, 0);
    assert_int_equal(a.triage, CCAD_TRIAGE_SELF_DRIVEN);
    /* key accounts are triaged, prospects and released customers not */
    c = cust("key", CCAD_GRADE_C, T - 1);
    c.status = CCAD_STATUS_KEY;
    c.monthly_volume = 100;
    a = add_assess(f, &c);
    assert_int_equal(a.triage, CCAD_TRIAGE_UNMOVABLE);
    c.id = "prosp";
    c.status = CCAD_STATUS_PROSPECT;
    a = add_assess(f, &c);
    assert_int_equal(a.triage, CCAD_TRIAGE_NONE);
    NO_WHY(a, CCAD_WHY_TRIAGE);
    c.id = "relsd";
    c.status = CCAD_STATUS_RELEASED;
    a = add_assess(f, &c);
    assert_int_equal(a.triage, CCAD_TRIAGE_NONE);
}

/* The brief of customer i agrees with its assessment on the decisions. */
static void brief_agrees(fixture *f, size_t i, int32_t day, const ccad_assessment *a)
{
    ccad_brief br;
    assert_int_equal(ccad_book_assess_range(f->b, f->r, i, 1, day, &br, sizeof br), CCAD_OK);
    assert_int_equal(br.urgency, a->urgency);
    assert_int_equal(br.quadrant, a->quadrant);
    assert_int_equal(br.due_date, a->due_date);
    assert_int_equal(br.flags, a->flags);
}

static void record_order(fixture *f, size_t i, int32_t day)
{
    ccad_contact e = CCAD_CONTACT_INIT;
    e.date = day;
    e.outcome = CCAD_OUTCOME_ORDER;
    assert_int_equal(ccad_book_record(f->b, i, &e), CCAD_OK);
}

/* URGENCY: an order within urgency.order_days of the purchase date on
 * record closes that purchase decision; a new purchase date reopens it. */
static void order_closes_purchase(void **state)
{
    fixture *f = *state;
    int32_t T = f->T;
    ccad_customer c = cust("won", CCAD_GRADE_A, T - 1), u = CCAD_CUSTOMER_INIT;
    ccad_assessment a;
    size_t i, j, k;
    c.purchase_date = T + 3;
    i = add(f, &c);
    a = assess(f, i, T);
    assert_int_equal(a.urgency, CCAD_URGENCY_WEEK);
    assert_int_equal(a.interval_days, 1);
    record_order(f, i, T);
    a = assess(f, i, T);
    assert_int_equal(a.urgency, CCAD_URGENCY_NONE);
    assert_int_equal(a.quadrant, CCAD_Q2);
    assert_int_equal(a.interval_days, 3); /* back to A's rhythm */
    EXPECT_WHY(a, CCAD_WHY_ORDER_CLOSED, T, T + 3, 0);
    NO_WHY(a, CCAD_WHY_URGENCY_PURCHASE);
    brief_agrees(f, i, T, &a);
    /* an update that keeps the purchase date keeps it closed */
    assert_int_equal(ccad_book_get(f->b, i, &u), CCAD_OK);
    u.value = 2000;
    assert_int_equal(ccad_book_update(f->b, i, &u), CCAD_OK);
    a = assess(f, i, T);
    EXPECT_WHY(a, CCAD_WHY_ORDER_CLOSED, T, T + 3, 0);
    /* a new purchase date reopens the decision, and the old one does not
     * come back with the date */
    u.purchase_date = T + 10;
    assert_int_equal(ccad_book_update(f->b, i, &u), CCAD_OK);
    a = assess(f, i, T);
    assert_int_equal(a.urgency, CCAD_URGENCY_TWO_WEEKS);
    NO_WHY(a, CCAD_WHY_ORDER_CLOSED);
    brief_agrees(f, i, T, &a);
    u.purchase_date = T + 3;
    assert_int_equal(ccad_book_update(f->b, i, &u), CCAD_OK);
    assert_int_equal(assess(f, i, T).urgency, CCAD_URGENCY_WEEK);

    /* the window: 14 days either way by default, inclusive */
    c = cust("early", CCAD_GRADE_A, T - 1);
    c.purchase_date = T + 5;
    j = add(f, &c);
    record_order(f, j, T + 5 - 15);
    a = assess(f, j, T);
    assert_int_equal(a.urgency, CCAD_URGENCY_WEEK);
    NO_WHY(a, CCAD_WHY_ORDER_CLOSED);
    brief_agrees(f, j, T, &a);
    set(f, "urgency.order_days", 15);
    a = assess(f, j, T);
    assert_int_equal(a.urgency, CCAD_URGENCY_NONE);
    EXPECT_WHY(a, CCAD_WHY_ORDER_CLOSED, T - 10, T + 5, 0);
    brief_agrees(f, j, T, &a);
    set(f, "urgency.order_days", 14);
    /* a passed purchase date closed by a late order: ORDER_CLOSED, not PASSED */
    c = cust("late", CCAD_GRADE_B, T - 1);
    c.purchase_date = T - 20;
    k = add(f, &c);
    record_order(f, k, T - 6);
    a = assess(f, k, T);
    EXPECT_WHY(a, CCAD_WHY_ORDER_CLOSED, T - 6, T - 20, 0);
    NO_WHY(a, CCAD_WHY_URGENCY_PASSED);
    /* an order beyond the reach (120 days) is not remembered at all */
    c = cust("far", CCAD_GRADE_A, T - 1);
    c.purchase_date = T + 2;
    j = add(f, &c);
    record_order(f, j, T + 2 - 121);
    set(f, "urgency.order_days", 120);
    a = assess(f, j, T);
    assert_int_equal(a.urgency, CCAD_URGENCY_WEEK);
    record_order(f, j, T + 2 - 120);
    assert_int_equal(assess(f, j, T).urgency, CCAD_URGENCY_NONE);
    /* an unimportant customer's Q3 same-day event ends with the decision */
    set(f, "urgency.order_days", 14);
    c = cust("q3", CCAD_GRADE_C, T - 20);
    c.purchase_date = T + 4;
    j = add(f, &c);
    record_order(f, j, T - 1);
    a = assess(f, j, T);
    assert_int_equal(a.quadrant, CCAD_Q4);
    assert_int_equal(a.due_date, T + 28); /* T - 1 + 28 is a Sunday */
    brief_agrees(f, j, T, &a);
}

/* GAP: a let-go customer's thresholds stretch by freq.let_go_factor, as
 * its interval does; PATIENCE's rhythm test uses the stretched maximum. */
static void let_go_stretches_gap(void **state)
{
    fixture *f = *state;
    set(f, "gap.by_cycle", 0); /* 1.0's fixed limits (gap.max_days 14, alert 21) */
    int32_t T = f->T;
    ccad_customer c;
    ccad_assessment a;
    size_t i;
    c = cust("lg28", CCAD_GRADE_B, T - 28);
    c.monthly_volume = 9000000;
    i = add(f, &c);
    a = assess(f, i, T);
    assert_int_equal(a.strategy, CCAD_STRATEGY_LET_GO);
    assert_int_equal(a.interval_days, 14);
    assert_false(a.flags & (CCAD_F_COOLING | CCAD_F_COLD | CCAD_F_RELEASE_PREMATURE));
    NO_WHY(a, CCAD_WHY_GAP_WARN);
    brief_agrees(f, i, T, &a);
    a = assess(f, i, T + 1); /* 29 days: one over the stretched maximum */
    assert_true(a.flags & CCAD_F_COOLING);
    EXPECT_WHY(a, CCAD_WHY_GAP_WARN, 29, 28, 1);
    EXPECT_WHY(a, CCAD_WHY_PATIENCE_RHYTHM, 29, 28, 0);
    brief_agrees(f, i, T + 1, &a);
    a = assess(f, i, T + 14); /* 42 days: the stretched alert */
    assert_true(a.flags & CCAD_F_COLD);
    EXPECT_WHY(a, CCAD_WHY_GAP_ALERT, 42, 42, 14);
    brief_agrees(f, i, T + 14, &a);
    /* urgent (an open complaint): the interval is not stretched, the gap
     * left by the stretched rhythm still raises nothing */
    c = cust("lg-complaint", CCAD_GRADE_B, T - 20);
    c.monthly_volume = 9000000;
    c.complaint = CCAD_COMPLAINT_OPEN;
    c.complaint_date = T;
    i = add(f, &c);
    a = assess(f, i, T);
    assert_int_equal(a.interval_days, 7);
    assert_false(a.flags & (CCAD_F_COOLING | CCAD_F_COLD));
    brief_agrees(f, i, T, &a);
    /* not let go: the plain thresholds */
    c = cust("persist", CCAD_GRADE_B, T - 15);
    c.monthly_volume = 6000000;
    i = add(f, &c);
    a = assess(f, i, T);
    EXPECT_WHY(a, CCAD_WHY_GAP_WARN, 15, 14, 1);
    /* factor 3; factor 1 turns the stretch off */
    set(f, "freq.let_go_factor", 3);
    a = assess(f, 0, T + 14);
    NO_WHY(a, CCAD_WHY_GAP_WARN);
    a = assess(f, 0, T + 15);
    EXPECT_WHY(a, CCAD_WHY_GAP_WARN, 43, 42, 1);
    NO_WHY(a, CCAD_WHY_GAP_ALERT);
    set(f, "freq.let_go_factor", 1);
    a = assess(f, 0, T);
    EXPECT_WHY(a, CCAD_WHY_GAP_ALERT, 28, 21, 14);
    brief_agrees(f, 0, T, &a);
}

static void let_go_factor(void **state)
{
    fixture *f = *state;
    int32_t T = f->T;
    ccad_customer c;
    ccad_assessment a;
    size_t i;
    c = cust("lg", CCAD_GRADE_A, T - 1);
    c.monthly_volume = 9000000;
    i = add(f, &c);
    a = assess(f, i, T);
    assert_int_equal(a.strategy, CCAD_STRATEGY_LET_GO);
    assert_int_equal(a.interval_days, 6);
    assert_int_equal(a.due_date, T + 7); /* T - 1 + 6 is Saturday T + 5 */
    EXPECT_WHY(a, CCAD_WHY_DUE, T - 1, 6, T + 5);
    EXPECT_WHY(a, CCAD_WHY_FREQ, 2, 7, 3);
    EXPECT_WHY(a, CCAD_WHY_FREQ_LET_GO, 2, 3, 6);
    set(f, "freq.let_go_factor", 3);
    assert_int_equal(assess(f, i, T).interval_days, 9);
    set(f, "freq.let_go_factor", 1);
    a = assess(f, i, T);
    assert_int_equal(a.interval_days, 3);
    NO_WHY(a, CCAD_WHY_FREQ_LET_GO);
    set(f, "freq.let_go_factor", 2);
    /* urgent (buying this week): no stretching */
    c = cust("lg-urgent", CCAD_GRADE_A, T - 1);
    c.monthly_volume = 9000000;
    c.purchase_date = T + 3;
    a = add_assess(f, &c);
    assert_int_equal(a.interval_days, 1);
    NO_WHY(a, CCAD_WHY_FREQ_LET_GO);
    /* not self-driven: no stretching */
    c = cust("push", CCAD_GRADE_A, T - 1);
    c.monthly_volume = 6000000;
    a = add_assess(f, &c);
    assert_int_equal(a.interval_days, 3);
    NO_WHY(a, CCAD_WHY_FREQ_LET_GO);
}

/* The let-go stretch applies only to customers not urgent at all: a pending
 * visit request or an open complaint (urgency EVENT) prevents it too. */
static void let_go_not_when_urgent_event(void **state)
{
    fixture *f = *state;
    int32_t T = f->T;
    ccad_customer c = cust("lg-req", CCAD_GRADE_A, T - 1);
    ccad_assessment a;
    c.monthly_volume = 9000000;
    c.request_date = T + 1;
    a = add_assess(f, &c);
    assert_int_equal(a.strategy, CCAD_STRATEGY_LET_GO);
    assert_int_equal(a.urgency, CCAD_URGENCY_EVENT);
    assert_int_equal(a.interval_days, 3);
    NO_WHY(a, CCAD_WHY_FREQ_LET_GO);
    c = cust("lg-cpl", CCAD_GRADE_A, T - 1);
    c.monthly_volume = 9000000;
    c.complaint = CCAD_COMPLAINT_OPEN;
    c.complaint_date = T - 1;
    a = add_assess(f, &c);
    assert_int_equal(a.strategy, CCAD_STRATEGY_LET_GO);
    assert_int_equal(a.urgency, CCAD_URGENCY_EVENT);
    assert_int_equal(a.interval_days, 3);
    NO_WHY(a, CCAD_WHY_FREQ_LET_GO);
    /* a resolved complaint and a request further ahead are not urgent: stretched */
    c = cust("lg-res", CCAD_GRADE_A, T - 1);
    c.monthly_volume = 9000000;
    c.complaint = CCAD_COMPLAINT_RESOLVED;
    c.complaint_date = T - 20;
    c.request_date = T + 9;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_NONE);
    assert_int_equal(a.interval_days, 6);
    EXPECT_WHY(a, CCAD_WHY_FREQ_LET_GO, 2, 3, 6);
}

static void clock_any_contact(void **state)
{
    fixture *f = *state;
    int32_t T = f->T;
    ccad_customer c = cust("clk", CCAD_GRADE_A, T - 1);
    ccad_assessment a;
    size_t i;
    c.last_visit = T - 10;
    i = add(f, &c);
    a = assess(f, i, T);
    assert_int_equal(a.days_since_contact, 1);
    assert_int_equal(a.due_date, T + 2);
    set(f, "clock.any_contact", 0);
    a = assess(f, i, T);
    assert_int_equal(a.days_since_contact, 10);
    assert_int_equal(a.due_date, T - 7);
    assert_int_equal(a.days_overdue, 7);
    EXPECT_WHY(a, CCAD_WHY_DUE, T - 10, 3, T - 7);
    assert_true(a.flags & CCAD_F_OVERDUE);
    /* never visited, but called: due now by the never-contacted rule, which
     * NEVER_CONTACTED(1) names among the due reasons, yet not flagged */
    c = cust("clk2", CCAD_GRADE_A, T - 1);
    c.last_visit = CCAD_NO_DATE;
    i = add(f, &c);
    a = assess(f, i, T);
    assert_int_equal(a.days_since_contact, -1);
    assert_int_equal(a.due_date, T);
    assert_false(a.flags & CCAD_F_NEVER_CONTACTED);
    EXPECT_WHY(a, CCAD_WHY_NEVER_CONTACTED, 1, 0, 0);
    assert_int_equal(why(&a, CCAD_WHY_NEVER_CONTACTED)->rule, CCAD_RULE_NEVER);
    NO_WHY(a, CCAD_WHY_DUE);
    /* with never.due_now = 0 nothing makes it due, and no NEVER reason at all */
    set(f, "never.due_now", 0);
    a = assess(f, i, T);
    assert_int_equal(a.due_date, CCAD_NO_DATE);
    NO_WHY(a, CCAD_WHY_NEVER_CONTACTED);
}

static void never_contacted(void **state)
{
    fixture *f = *state;
    set(f, "patience.prospects_only", 0); /* PATIENCE for the active customers too */
    int32_t T = f->T;
    ccad_customer c = cust("nv", CCAD_GRADE_B, CCAD_NO_DATE);
    ccad_assessment a;
    size_t i, j;
    c.contacts = 0;
    i = add(f, &c);
    a = assess(f, i, T);
    assert_int_equal(a.due_date, T);
    assert_true(a.flags & CCAD_F_DUE);
    assert_true(a.flags & CCAD_F_NEVER_CONTACTED);
    assert_false(a.flags & CCAD_F_OVERDUE);
    assert_false(a.flags & (CCAD_F_NO_RECORD | CCAD_F_NO_NEXT_STEP));
    EXPECT_WHY(a, CCAD_WHY_NEVER_CONTACTED, 1, 0, 0); /* a = 1: due because never contacted */
    NO_WHY(a, CCAD_WHY_DUE);
    /* emitted once, among the due reasons: right after FREQ, before PATIENCE */
    {
        uint32_t k, seen = 0;
        for (k = 0; k < a.reason_count; k++)
            if (a.reasons[k].why == CCAD_WHY_NEVER_CONTACTED) {
                seen++;
                assert_true(k > 0);
                assert_int_equal(a.reasons[k - 1].why, CCAD_WHY_FREQ);
                assert_true(k + 1 < a.reason_count);
                assert_int_equal(a.reasons[k + 1].why, CCAD_WHY_PATIENCE);
            }
        assert_int_equal(seen, 1);
    }
    /* no duty, not urgent: nothing due */
    c = cust("nvd", CCAD_GRADE_D, CCAD_NO_DATE);
    c.contacts = 0;
    j = add(f, &c);
    a = assess(f, j, T);
    assert_int_equal(a.due_date, CCAD_NO_DATE);
    assert_true(a.flags & CCAD_F_NEVER_CONTACTED);
    EXPECT_WHY(a, CCAD_WHY_NEVER_CONTACTED, 0, 0, 0);
    /* never.due_now = 0 */
    set(f, "never.due_now", 0);
    a = assess(f, i, T);
    assert_int_equal(a.due_date, CCAD_NO_DATE);
    assert_true(a.flags & CCAD_F_NEVER_CONTACTED);
    EXPECT_WHY(a, CCAD_WHY_NEVER_CONTACTED, 0, 0, 0);
}

/* Released and eliminated customers stay out of the ranking; they take the
 * grade of the first band whose last ranked member they would rank before. */
static void rank_without_released(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *id;
        int64_t value;
        int status;
        int grade;
        int64_t rank, lim;
    } t[] = {
        /* 7 open customers: A = round(1.05) = 1, A + B = round(2.8) = 3 */
        {"o1", 700, CCAD_STATUS_ACTIVE, CCAD_GRADE_A, 1, 15},
        {"o2", 600, CCAD_STATUS_PROSPECT, CCAD_GRADE_B, 2, 40},
        {"o3", 500, CCAD_STATUS_KEY, CCAD_GRADE_B, 3, 40},
        {"o4", 400, CCAD_STATUS_ACTIVE, CCAD_GRADE_C, 4, 100},
        {"o5", 300, CCAD_STATUS_ACTIVE, CCAD_GRADE_C, 5, 100},
        {"o6", 200, CCAD_STATUS_ACTIVE, CCAD_GRADE_C, 6, 100},
        {"o7", 100, CCAD_STATUS_ACTIVE, CCAD_GRADE_C, 7, 100},
        /* aside: by where their value would fall */
        {"x1", 9000, CCAD_STATUS_RELEASED, CCAD_GRADE_A, 0, 15},
        {"o0", 700, CCAD_STATUS_ELIMINATED, CCAD_GRADE_A, 0, 15}, /* "o0" < "o1" */
        {"o2a", 700, CCAD_STATUS_RELEASED, CCAD_GRADE_B, 0, 40},  /* "o2a" > "o1" */
        {"x3", 500, CCAD_STATUS_RELEASED, CCAD_GRADE_C, 0, 100},  /* "x3" > "o3" */
        {"x4", 1, CCAD_STATUS_ELIMINATED, CCAD_GRADE_C, 0, 100},
    };
    size_t i, n = sizeof t / sizeof t[0];
    ccad_customer c = CCAD_CUSTOMER_INIT;
    ccad_assessment a;
    for (i = 0; i < n; i++) {
        c.id = t[i].id;
        c.value = t[i].value;
        c.status = t[i].status;
        add(f, &c);
    }
    assert_int_equal(ccad_book_grade(f->b, f->r), CCAD_OK);
    for (i = 0; i < n; i++) {
        a = assess(f, i, f->T);
        assert_int_equal(a.grade, t[i].grade);
        EXPECT_WHY(a, CCAD_WHY_GRADE_RANK, t[i].rank, 7, t[i].lim);
    }
    /* with grade D on (10/20/30 of 7: 1 A, 1 B, 2 C, 3 D) the lowest grade is D */
    set(f, "grade.use_d", 1);
    set(f, "grade.share_a_pct", 10);
    set(f, "grade.share_b_pct", 20);
    set(f, "grade.share_c_pct", 30);
    assert_int_equal(ccad_book_grade(f->b, f->r), CCAD_OK);
    a = assess(f, 11, f->T); /* x4 */
    assert_int_equal(a.grade, CCAD_GRADE_D);
    EXPECT_WHY(a, CCAD_WHY_GRADE_RANK, 0, 7, 100);
    a = assess(f, 10, f->T); /* x3, 500 after o3 (rank 3, C) and before o4 (rank 4, C) */
    assert_int_equal(a.grade, CCAD_GRADE_C);
    EXPECT_WHY(a, CCAD_WHY_GRADE_RANK, 0, 7, 60);
    a = assess(f, 3, f->T); /* o4: rank 4 is the last C */
    assert_int_equal(a.grade, CCAD_GRADE_C);
    a = assess(f, 4, f->T); /* o5 */
    assert_int_equal(a.grade, CCAD_GRADE_D);

    /* status changes in or out of released/eliminated make the grades stale */
    assert_int_equal(ccad_book_get(f->b, 0, &c), CCAD_OK);
    c.status = CCAD_STATUS_RELEASED;
    assert_int_equal(ccad_book_update(f->b, 0, &c), CCAD_OK);
    a = (ccad_assessment)CCAD_ASSESSMENT_INIT;
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 1, f->T, &a), CCAD_ESTALE);
    assert_int_equal(ccad_book_grade(f->b, f->r), CCAD_OK);
    a = assess(f, 1, f->T); /* o2 now ranks first of 6 */
    EXPECT_WHY(a, CCAD_WHY_GRADE_RANK, 1, 6, 10);
    a = assess(f, 0, f->T); /* o1 aside, still above every ranked value */
    EXPECT_WHY(a, CCAD_WHY_GRADE_RANK, 0, 6, 10);
    /* released -> eliminated stays aside: not stale */
    c.status = CCAD_STATUS_ELIMINATED;
    assert_int_equal(ccad_book_update(f->b, 0, &c), CCAD_OK);
    a = assess(f, 0, f->T);
    assert_int_equal(a.grade, CCAD_GRADE_A);
    /* open -> open (prospect to key) neither */
    assert_int_equal(ccad_book_get(f->b, 1, &c), CCAD_OK);
    c.status = CCAD_STATUS_KEY;
    assert_int_equal(ccad_book_update(f->b, 1, &c), CCAD_OK);
    a = assess(f, 1, f->T);
    /* back into the book: stale again */
    assert_int_equal(ccad_book_get(f->b, 0, &c), CCAD_OK);
    c.status = CCAD_STATUS_ACTIVE;
    assert_int_equal(ccad_book_update(f->b, 0, &c), CCAD_OK);
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 0, f->T, &a), CCAD_ESTALE);
}

/* PATIENCE's broken rhythm is judged only for grades in gap.grades; the
 * contact count for every grade. */
static void patience_rhythm_watched_grades(void **state)
{
    fixture *f = *state;
    set(f, "gap.by_cycle", 0); /* 1.0's fixed limits (gap.max_days 14, alert 21) */
    int32_t T = f->T;
    ccad_customer c;
    ccad_assessment a;
    size_t open_c, rel_c;
    c = cust("pc", CCAD_GRADE_C, T - 28);
    c.last_gap_days = 28;
    open_c = add(f, &c);
    c = cust("pr", CCAD_GRADE_C, T - 28);
    c.last_gap_days = 28;
    c.status = CCAD_STATUS_RELEASED;
    rel_c = add(f, &c);
    c = cust("pd", CCAD_GRADE_D, T - 40);
    c.last_gap_days = 40;
    c.contacts = 2;
    c.status = CCAD_STATUS_PROSPECT;
    add(f, &c);
    a = assess(f, open_c, T);
    assert_false(a.flags & (CCAD_F_RELEASE_PREMATURE | CCAD_F_COLD | CCAD_F_COOLING));
    NO_WHY(a, CCAD_WHY_PATIENCE_RHYTHM);
    a = assess(f, rel_c, T);
    assert_false(a.flags & CCAD_F_RELEASED_EARLY);
    NO_WHY(a, CCAD_WHY_PATIENCE_RHYTHM);
    a = assess(f, 2, T);
    assert_true(a.flags & CCAD_F_RELEASE_PREMATURE);
    EXPECT_WHY(a, CCAD_WHY_PATIENCE, 2, 5, 0);
    NO_WHY(a, CCAD_WHY_PATIENCE_RHYTHM);
    set(f, "gap.grades", CCAD_GRADE_BIT_C);
    a = assess(f, open_c, T);
    assert_true(a.flags & CCAD_F_RELEASE_PREMATURE);
    EXPECT_WHY(a, CCAD_WHY_PATIENCE_RHYTHM, 28, 14, 0);
    a = assess(f, rel_c, T);
    assert_true(a.flags & CCAD_F_RELEASED_EARLY);
    EXPECT_WHY(a, CCAD_WHY_PATIENCE_RHYTHM, 28, 14, 0);
    set(f, "gap.grades", 0);
    a = assess(f, open_c, T);
    NO_WHY(a, CCAD_WHY_PATIENCE_RHYTHM);
}

/* freq.work_days: the combined due date moves forward to the next weekday in
 * the mask (T is a Monday). */
static void work_days_mask(void **state)
{
    fixture *f = *state;
    int32_t T = f->T;
    int wd = 0;
    ccad_customer c = cust("wd", CCAD_GRADE_B, T - 7); /* due T (Monday) */
    ccad_assessment a;
    size_t i = add(f, &c);
    assert_int_equal(ccad_date_weekday(&wd, T), CCAD_OK);
    assert_int_equal(wd, 1);
    a = assess(f, i, T);
    assert_int_equal(a.due_date, T);
    set(f, "freq.work_days", 2 | 8); /* Tue + Thu */
    a = assess(f, i, T);
    assert_int_equal(a.due_date, T + 1);
    assert_int_equal(a.reminder_date, T);
    assert_false(a.flags & CCAD_F_DUE);
    assert_true(a.flags & CCAD_F_REMINDER);
    EXPECT_WHY(a, CCAD_WHY_DUE, T - 7, 7, T);
    set(f, "freq.work_days", 64); /* Sunday only: six days on */
    a = assess(f, i, T);
    assert_int_equal(a.due_date, T + 6);
    a = assess(f, i, T + 10);
    assert_int_equal(a.days_overdue, 4);
    set(f, "freq.work_days", 127);
    c = cust("sat", CCAD_GRADE_B, T - 9); /* due Saturday T - 2 */
    i = add(f, &c);
    a = assess(f, i, T);
    assert_int_equal(a.due_date, T - 2);
    assert_int_equal(a.days_overdue, 2);
    set(f, "freq.work_days", 31);
    a = assess(f, i, T);
    assert_int_equal(a.due_date, T);
    assert_int_equal(a.days_overdue, 0);
    /* the move applies to ccad_book_assess_range too */
    {
        ccad_brief br;
        assert_int_equal(ccad_book_assess_range(f->b, f->r, i, 1, T, &br, sizeof br), CCAD_OK);
        assert_int_equal(br.due_date, T);
    }
}

static void inactive_customers(void **state)
{
    fixture *f = *state;
    int32_t T = f->T;
    int st;
    for (st = CCAD_STATUS_RELEASED; st <= CCAD_STATUS_ELIMINATED; st++) {
        ccad_customer c = cust(st == CCAD_STATUS_RELEASED ? "rel" : "eli", CCAD_GRADE_A, T - 60);
        ccad_assessment a;
        c.status = st;
        c.purchase_date = T + 2;
        c.next_step_date = T - 50;
        c.complaint = CCAD_COMPLAINT_OPEN;
        c.complaint_date = T - 30;
        c.owned_since = T - 10;
        c.no_progress = 9;
        c.last_recorded = 0;
        a = add_assess(f, &c);
        assert_true(a.flags & CCAD_F_INACTIVE);
        assert_int_equal(a.due_date, CCAD_NO_DATE);
        assert_int_equal(a.urgency, CCAD_URGENCY_NONE);
        assert_int_equal(a.quadrant, CCAD_Q2);
        assert_int_equal(a.interval_days, 0);
        assert_int_equal(a.escalation, CCAD_ESCALATE_NONE);
        assert_int_equal(a.ownership_end, CCAD_NO_DATE);
        assert_false(a.flags & (CCAD_F_DUE | CCAD_F_OVERDUE | CCAD_F_COLD | CCAD_F_COOLING |
                                CCAD_F_STALLED | CCAD_F_COMPLAINT_OPEN | CCAD_F_NO_RECORD |
                                CCAD_F_REMINDER));
        EXPECT_WHY(a, CCAD_WHY_INACTIVE, st, 0, 0);
    }
}

static void reminder_next_step_followup(void **state)
{
    fixture *f = *state;
    int32_t T = f->T;
    ccad_customer c;
    ccad_assessment a;
    size_t i;

    c = cust("rem", CCAD_GRADE_A, T - 2); /* due T + 1 */
    i = add(f, &c);
    a = assess(f, i, T);
    assert_int_equal(a.due_date, T + 1);
    assert_int_equal(a.reminder_date, T);
    assert_true(a.flags & CCAD_F_REMINDER);
    EXPECT_WHY(a, CCAD_WHY_REMINDER, T, T + 1, 0);
    a = assess(f, i, T - 1);
    assert_int_equal(a.reminder_date, T);
    assert_false(a.flags & CCAD_F_REMINDER);
    set(f, "followup.reminder_lead_days", 3);
    a = assess(f, i, T - 2);
    assert_int_equal(a.reminder_date, T - 2);
    assert_true(a.flags & CCAD_F_REMINDER);
    set(f, "followup.reminder_lead_days", 1);

    /* next step earlier than the regular due date wins */
    c = cust("ns", CCAD_GRADE_B, T - 1);
    c.next_step_date = T + 2;
    a = add_assess(f, &c);
    assert_int_equal(a.due_date, T + 2);
    EXPECT_WHY(a, CCAD_WHY_DUE_NEXT_STEP, T + 2, 0, 0);
    assert_false(a.flags & CCAD_F_NO_NEXT_STEP);
    /* a later next step does not postpone the duty */
    c = cust("ns2", CCAD_GRADE_B, T - 1);
    c.next_step_date = T + 20;
    i = add(f, &c);
    a = assess(f, i, T);
    /* T - 1 + 7 is Sunday T + 6: due Monday T + 7, reminder from the moved date */
    assert_int_equal(a.due_date, T + 7);
    assert_int_equal(a.reminder_date, T + 6);
    EXPECT_WHY(a, CCAD_WHY_DUE, T - 1, 7, T + 6);
    NO_WHY(a, CCAD_WHY_DUE_NEXT_STEP);
    a = assess(f, i, T + 6);
    assert_true(a.flags & CCAD_F_REMINDER);
    assert_false(a.flags & CCAD_F_DUE);
    EXPECT_WHY(a, CCAD_WHY_REMINDER, T + 6, T + 7, 0);
    a = assess(f, i, T + 9);
    assert_int_equal(a.days_overdue, 2);
    EXPECT_WHY(a, CCAD_WHY_OVERDUE, 2, CCAD_ESCALATE_NONE, 0);
    /* next step for a D customer gives it a due date (Sunday T + 20 -> T + 21) */
    c = cust("ns3", CCAD_GRADE_D, T - 1);
    c.next_step_date = T + 20;
    a = add_assess(f, &c);
    assert_int_equal(a.due_date, T + 21);
    EXPECT_WHY(a, CCAD_WHY_DUE_NEXT_STEP, T + 20, 0, 0);

    /* no record, no next step */
    c = cust("nr", CCAD_GRADE_B, T - 1);
    c.last_recorded = 0;
    c.missing_records = 4;
    a = add_assess(f, &c);
    assert_true(a.flags & CCAD_F_NO_RECORD);
    assert_true(a.flags & CCAD_F_NO_NEXT_STEP);
    EXPECT_WHY(a, CCAD_WHY_NO_RECORD, 4, 0, 0);
    EXPECT_WHY(a, CCAD_WHY_NO_NEXT_STEP, T - 1, 0, 0);
}

static void service_reason(void **state)
{
    fixture *f = *state;
    ccad_customer c = cust("svc", CCAD_GRADE_B, f->T - 1);
    ccad_assessment a;
    c.service_counts[0] = 1;
    c.service_counts[2] = 2;
    a = add_assess(f, &c);
    EXPECT_WHY(a, CCAD_WHY_SERVICE, 3, 2, 0);
    c = cust("nosvc", CCAD_GRADE_B, f->T - 1);
    a = add_assess(f, &c);
    NO_WHY(a, CCAD_WHY_SERVICE);
}

/* ---- generated book: reasons, batch, determinism ---- */

static uint32_t lcg(uint32_t *s)
{
    *s = *s * 1664525u + 1013904223u;
    return *s >> 8;
}

static void generate(fixture *f, size_t n, uint32_t seed)
{
    size_t i;
    char id[32];
    int32_t T = f->T;
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        uint32_t r = lcg(&seed);
        snprintf(id, sizeof id, "gen-%05lu", (unsigned long)i);
        c.id = id;
        c.value = (int64_t)(lcg(&seed) % 50000000);
        c.grade = r % 7 == 0 ? (int)(lcg(&seed) % 5) : CCAD_GRADE_NONE;
        c.status = (int)(lcg(&seed) % 5) + 1;
        if (lcg(&seed) % 3 == 0)
            c.purchase_date = T + (int32_t)(lcg(&seed) % 40) - 10;
        if (lcg(&seed) % 2)
            c.monthly_volume = (int64_t)(lcg(&seed) % 10000000);
        if (lcg(&seed) % 3 == 0)
            c.margin_bp = (int32_t)(lcg(&seed) % 10001);
        c.capable = (int)(lcg(&seed) % 2);
        if (lcg(&seed) % 8 == 0) {
            c.complaint = (int)(lcg(&seed) % 2) + 1;
            c.complaint_date = T - (int32_t)(lcg(&seed) % 20);
        }
        if (lcg(&seed) % 6 == 0)
            c.request_date = T + (int32_t)(lcg(&seed) % 6) - 3;
        if (lcg(&seed) % 2)
            c.owned_since = T - (int32_t)(lcg(&seed) % 120);
        if (lcg(&seed) % 10 != 0) {
            c.last_contact = T - (int32_t)(lcg(&seed) % 60);
            c.contacts = 1 + lcg(&seed) % 12;
            if (lcg(&seed) % 2)
                c.last_visit = c.last_contact - (int32_t)(lcg(&seed) % 30);
            if (lcg(&seed) % 3 == 0)
                c.next_step_date = c.last_contact + (int32_t)(lcg(&seed) % 20);
            if (lcg(&seed) % 2)
                c.last_gap_days = (int32_t)(lcg(&seed) % 40);
            c.no_progress = lcg(&seed) % 5;
            c.last_recorded = (int)(lcg(&seed) % 4 != 0);
            c.missing_records = lcg(&seed) % 3;
            {
                uint32_t level = lcg(&seed) % 4;
                c.service_counts[level] = lcg(&seed) % 4;
            }
        }
        add(f, &c);
    }
}

static int expected_rule(int w)
{
    switch (w) {
    case CCAD_WHY_GRADE_MANUAL:
    case CCAD_WHY_GRADE_RANK:
    case CCAD_WHY_GRADE_THRESHOLD: return CCAD_RULE_GRADE;
    case CCAD_WHY_URGENCY_PURCHASE:
    case CCAD_WHY_URGENCY_COMPLAINT:
    case CCAD_WHY_URGENCY_REQUEST:
    case CCAD_WHY_URGENCY_PASSED:
    case CCAD_WHY_DUE_EVENT: return CCAD_RULE_URGENCY;
    case CCAD_WHY_QUADRANT: return CCAD_RULE_QUADRANT;
    case CCAD_WHY_FREQ:
    case CCAD_WHY_FREQ_NONE:
    case CCAD_WHY_FREQ_LET_GO:
    case CCAD_WHY_FREQ_RAMP:
    case CCAD_WHY_INACTIVE: return CCAD_RULE_FREQ;
    case CCAD_WHY_DUE:
    case CCAD_WHY_Q1_VISITS_ONLY: return CCAD_RULE_CLOCK;
    case CCAD_WHY_DUE_NEXT_STEP:
    case CCAD_WHY_NO_RECORD:
    case CCAD_WHY_NO_NEXT_STEP:
    case CCAD_WHY_REMINDER: return CCAD_RULE_FOLLOWUP;
    case CCAD_WHY_OVERDUE: return CCAD_RULE_ESCALATE;
    case CCAD_WHY_GAP_WARN:
    case CCAD_WHY_GAP_ALERT: return CCAD_RULE_GAP;
    case CCAD_WHY_STALLED: return CCAD_RULE_STALL;
    case CCAD_WHY_PATIENCE:
    case CCAD_WHY_PATIENCE_RHYTHM:
    case CCAD_WHY_RELEASED_EARLY: return CCAD_RULE_PATIENCE;
    case CCAD_WHY_OWNERSHIP: return CCAD_RULE_OWNERSHIP;
    case CCAD_WHY_TRIAGE:
    case CCAD_WHY_TRIAGE_MARGIN: return CCAD_RULE_TRIAGE;
    case CCAD_WHY_COMPLAINT_OPEN:
    case CCAD_WHY_COMPLAINT_CARE: return CCAD_RULE_COMPLAINT;
    case CCAD_WHY_NEVER_CONTACTED: return CCAD_RULE_NEVER;
    case CCAD_WHY_SERVICE: return CCAD_RULE_SERVICE;
    default: return 0;
    }
}

static void reasons_match_rules(void **state)
{
    fixture *f = *state;
    size_t i, n = 600;
    int seen[CCAD_WHY_FREQ_RAMP + 1];
    int d, w, rounds;
    memset(seen, 0, sizeof seen);
    generate(f, n, 12345u);
    for (rounds = 0; rounds < 2; rounds++) {
        if (rounds == 1)
            set(f, "grade.method", CCAD_GRADE_BY_THRESHOLD);
        assert_int_equal(ccad_book_grade(f->b, f->r), CCAD_OK);
        for (d = -3; d <= 3; d += 3)
            for (i = 0; i < n; i++) {
                ccad_assessment a = CCAD_ASSESSMENT_INIT;
                uint32_t k;
                assert_int_equal(ccad_book_assess(f->b, f->r, i, f->T + d, &a), CCAD_OK);
                assert_int_equal(a.today, f->T + d);
                assert_true(a.reason_count >= 2);
                assert_true(a.reason_count <= CCAD_REASONS_MAX);
                assert_false(a.flags & CCAD_F_REASONS_TRUNCATED);
                for (k = 0; k < a.reason_count; k++) {
                    char buf[256], pre[32];
                    size_t len = 0;
                    const ccad_reason *r = &a.reasons[k];
                    assert_true((r->why >= 1 && r->why <= 32) || r->why == CCAD_WHY_ORDER_CLOSED ||
                                r->why == CCAD_WHY_Q1_VISITS_ONLY || r->why == CCAD_WHY_FREQ_RAMP);
                    seen[r->why] = 1;
                    if (r->rule != expected_rule(r->why))
                        fail_msg("reason %s has rule %s", ccad_why_name(r->why),
                                 ccad_rule_name(r->rule));
                    assert_int_equal(ccad_reason_format(buf, sizeof buf, r, &len), CCAD_OK);
                    assert_int_equal(strlen(buf), len);
                    snprintf(pre, sizeof pre, "%s:", ccad_rule_name(r->rule));
                    if (strncmp(buf, pre, strlen(pre)) != 0)
                        fail_msg("'%s' does not start with '%s'", buf, pre);
                }
                /* every assessment explains its grade and quadrant */
                assert_non_null(why(&a, CCAD_WHY_QUADRANT));
                assert_true(a.reasons[0].rule == CCAD_RULE_GRADE);
            }
    }
    /* the generated book exercises (almost) every reason */
    for (w = 1; w <= 32; w++)
        if (!seen[w] && w != CCAD_WHY_REMINDER)
            fail_msg("reason %s never produced by the generated book", ccad_why_name(w));
}

static void assess_range_matches_assess(void **state)
{
    fixture *f = *state;
    size_t i, n = 800;
    ccad_brief *br;
    int d;
    generate(f, n, 987654321u);
    assert_int_equal(ccad_book_grade(f->b, f->r), CCAD_OK);
    br = calloc(n, sizeof *br);
    assert_non_null(br);
    for (d = -20; d <= 20; d += 5) {
        int32_t today = f->T + d;
        assert_int_equal(ccad_book_assess_range(f->b, f->r, 0, n, today, br, sizeof *br), CCAD_OK);
        for (i = 0; i < n; i++) {
            ccad_assessment a = CCAD_ASSESSMENT_INIT;
            assert_int_equal(ccad_book_assess(f->b, f->r, i, today, &a), CCAD_OK);
            assert_int_equal(br[i].due_date, a.due_date);
            assert_int_equal(br[i].days_overdue, a.days_overdue);
            assert_int_equal(br[i].flags, a.flags);
            assert_int_equal(br[i].grade, a.grade);
            assert_int_equal(br[i].urgency, a.urgency);
            assert_int_equal(br[i].quadrant, a.quadrant);
            assert_int_equal(br[i].escalation, a.escalation);
        }
    }
    /* a sub-range gives the same as the whole */
    {
        ccad_brief part[10];
        assert_int_equal(ccad_book_assess_range(f->b, f->r, 0, n, f->T, br, sizeof *br), CCAD_OK);
        assert_int_equal(ccad_book_assess_range(f->b, f->r, 395, 10, f->T, part, sizeof *part),
                         CCAD_OK);
        assert_memory_equal(part, br + 395, sizeof part);
    }
    free(br);
}

static void assess_range_errors_and_stride(void **state)
{
    fixture *f = *state;
    size_t n = 20, i;
    ccad_brief br[21], before[21];
    struct wide {
        ccad_brief b;
        unsigned char pad[13];
    } wide[20];
    ccad_rules *other = NULL;
    generate(f, n, 42u);
    assert_int_equal(ccad_book_grade(f->b, f->r), CCAD_OK);
    memset(br, 0xee, sizeof br);
    memcpy(before, br, sizeof br);
    assert_int_equal(ccad_book_assess_range(NULL, f->r, 0, 1, f->T, br, sizeof *br), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, NULL, 0, 1, f->T, br, sizeof *br), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, f->r, 0, 1, f->T, NULL, sizeof *br), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, f->r, 0, 1, f->T, br, sizeof *br - 1),
            CCAD_EVERSION);
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, f->r, 0, 1, f->T, br, 0), CCAD_EVERSION);
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, f->r, 0, n + 1, f->T, br, sizeof *br),
            CCAD_ENOTFOUND);
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, f->r, 15, 6, f->T, br, sizeof *br),
            CCAD_ENOTFOUND);
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, f->r, n + 1, 0, f->T, br, sizeof *br),
            CCAD_ENOTFOUND);
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, f->r, 1, SIZE_MAX, f->T, br, sizeof *br),
            CCAD_ENOTFOUND);
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, f->r, 0, 1, CCAD_DATE_MAX + 1, br, sizeof *br),
            CCAD_ERANGE);
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, f->r, 0, 1, CCAD_NO_DATE, br, sizeof *br),
            CCAD_ERANGE);
    assert_int_equal(ccad_rules_copy(&other, f->ctx, f->r), CCAD_OK);
    assert_int_equal(ccad_rules_set(other, "grade.use_d", 1), CCAD_OK);
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, other, 0, 1, f->T, br, sizeof *br), CCAD_ESTALE);
    ccad_rules_free(other);
    assert_memory_equal(br, before, sizeof br);
    /* empty ranges */
    assert_int_equal(ccad_book_assess_range(f->b, f->r, 0, 0, f->T, NULL, sizeof *br), CCAD_OK);
    assert_int_equal(ccad_book_assess_range(f->b, f->r, n, 0, f->T, br, sizeof *br), CCAD_OK);
    assert_memory_equal(br, before, sizeof br);
    /* the last customer exactly; nothing written beyond n */
    assert_int_equal(ccad_book_assess_range(f->b, f->r, n - 1, 1, f->T, br, sizeof *br), CCAD_OK);
    assert_memory_equal(&br[1], &before[1], sizeof br - sizeof br[0]);
    /* elem_size must be exactly sizeof(ccad_brief): a larger one (from a newer
     * header) is refused like a smaller one, and nothing is written */
    memset(wide, 0x5a, sizeof wide);
    TU_FAIL(f->ctx,
            ccad_book_assess_range(f->b, f->r, 0, n, f->T, &wide[0].b, sizeof wide[0]),
            CCAD_EVERSION);
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, f->r, 0, 1, f->T, br, sizeof *br + 1),
            CCAD_EVERSION);
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, f->r, 0, 1, f->T, br, SIZE_MAX), CCAD_EVERSION);
    for (i = 0; i < n; i++) {
        size_t k;
        const unsigned char *p = (const unsigned char *)&wide[i];
        for (k = 0; k < sizeof wide[i]; k++)
            assert_int_equal(p[k], 0x5a);
    }
    assert_memory_equal(&br[1], &before[1], sizeof br - sizeof br[0]);
    /* the whole book at the exact size */
    assert_int_equal(ccad_book_assess_range(f->b, f->r, 0, n, f->T, br, sizeof *br), CCAD_OK);
    assert_memory_equal(&br[n], &before[n], sizeof br[n]);
}

static void assess_errors(void **state)
{
    fixture *f = *state;
    ccad_assessment a, before;
    ccad_customer c = cust("only", CCAD_GRADE_A, f->T - 1);
    add(f, &c);
    assert_int_equal(ccad_book_grade(f->b, f->r), CCAD_OK);
    memset(&a, 0x3c, sizeof a);
    a.size = (uint32_t)sizeof a;
    memcpy(&before, &a, sizeof a);
    assert_int_equal(ccad_book_assess(NULL, f->r, 0, f->T, &a), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_book_assess(f->b, NULL, 0, f->T, &a), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 0, f->T, NULL), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 1, f->T, &a), CCAD_ENOTFOUND);
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, (size_t)-1, f->T, &a), CCAD_ENOTFOUND);
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 0, CCAD_DATE_MAX + 1, &a), CCAD_ERANGE);
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 0, CCAD_DATE_MIN - 1, &a), CCAD_ERANGE);
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 0, CCAD_NO_DATE, &a), CCAD_ERANGE);
    assert_memory_equal(&a, &before, sizeof a);
    a.size = (uint32_t)sizeof a - 1;
    memcpy(&before, &a, sizeof a);
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 0, f->T, &a), CCAD_EVERSION);
    a.size = 0;
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 0, f->T, &a), CCAD_EVERSION);
    /* a larger size (a newer header) is refused too, not half-filled */
    a.size = (uint32_t)sizeof a + 1;
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 0, f->T, &a), CCAD_EVERSION);
    a.size = (uint32_t)sizeof a + 8;
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 0, f->T, &a), CCAD_EVERSION);
    a.size = UINT32_MAX;
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 0, f->T, &a), CCAD_EVERSION);
    a.size = before.size;
    assert_memory_equal(&a, &before, sizeof a);
    /* the extremes of the date range are valid days */
    a.size = (uint32_t)sizeof a;
    assert_int_equal(ccad_book_assess(f->b, f->r, 0, CCAD_DATE_MAX, &a), CCAD_OK);
    assert_int_equal(ccad_book_assess(f->b, f->r, 0, CCAD_DATE_MIN, &a), CCAD_OK);
}

static void assess_deterministic(void **state)
{
    fixture *f = *state;
    size_t i, n = 200;
    generate(f, n, 777u);
    assert_int_equal(ccad_book_grade(f->b, f->r), CCAD_OK);
    for (i = 0; i < n; i++) {
        ccad_assessment a1, a2;
        memset(&a1, 0x11, sizeof a1);
        memset(&a2, 0x99, sizeof a2);
        a1.size = a2.size = (uint32_t)sizeof a1;
        assert_int_equal(ccad_book_assess(f->b, f->r, i, f->T, &a1), CCAD_OK);
        assert_int_equal(ccad_book_assess(f->b, f->r, (i * 7) % n, f->T + 1, &a2), CCAD_OK);
        assert_int_equal(ccad_book_assess(f->b, f->r, i, f->T, &a2), CCAD_OK);
        assert_memory_equal(&a1, &a2, sizeof a1);
        /* unused reason slots are zero */
        {
            ccad_reason zero;
            uint32_t k;
            memset(&zero, 0, sizeof zero);
            for (k = a1.reason_count; k < CCAD_REASONS_MAX; k++)
                assert_memory_equal(&a1.reasons[k], &zero, sizeof zero);
        }
    }
    /* regrading gives the same */
    {
        ccad_assessment a1 = CCAD_ASSESSMENT_INIT, a2 = CCAD_ASSESSMENT_INIT;
        assert_int_equal(ccad_book_assess(f->b, f->r, 17, f->T, &a1), CCAD_OK);
        assert_int_equal(ccad_book_grade(f->b, f->r), CCAD_OK);
        assert_int_equal(ccad_book_assess(f->b, f->r, 17, f->T, &a2), CCAD_OK);
        assert_memory_equal(&a1, &a2, sizeof a1);
    }
}

/* ---- names and texts ---- */

static void why_and_rule_names(void **state)
{
    static const char *whys[] = {
        "?",
        "GRADE_MANUAL", "GRADE_RANK", "GRADE_THRESHOLD", "URGENCY_PURCHASE",
        "URGENCY_COMPLAINT", "URGENCY_REQUEST", "URGENCY_PASSED", "QUADRANT", "FREQ",
        "FREQ_NONE", "FREQ_LET_GO", "DUE", "DUE_NEXT_STEP", "DUE_EVENT", "OVERDUE",
        "GAP_WARN", "GAP_ALERT", "NO_RECORD", "NO_NEXT_STEP", "REMINDER", "STALLED",
        "PATIENCE", "PATIENCE_RHYTHM", "RELEASED_EARLY", "OWNERSHIP", "TRIAGE",
        "TRIAGE_MARGIN", "COMPLAINT_OPEN", "COMPLAINT_CARE", "NEVER_CONTACTED", "INACTIVE",
        "SERVICE",
    };
    static const char *rules[] = {
        "?", "GRADE", "URGENCY", "QUADRANT", "FREQ", "WORKLOAD", "CAPACITY", "GAP",
        "FOLLOWUP", "STALL", "PATIENCE", "TRIAGE", "PERSIST", "COMPLAINT", "PLATFORM",
        "KEEPWARM", "ROUTE", "SERVICE", "EXPLAIN", "CLOCK", "ESCALATE", "OWNERSHIP", "NEVER",
    };
    int i;
    (void)state;
    assert_int_equal(CCAD_WHY_SERVICE, 32);
    assert_int_equal(CCAD_RULE_NEVER, 22);
    for (i = 1; i <= 32; i++)
        assert_string_equal(ccad_why_name(i), whys[i]);
    for (i = 1; i <= 22; i++)
        assert_string_equal(ccad_rule_name(i), rules[i]);
    assert_string_equal(ccad_why_name(CCAD_WHY_GAP_ALERT), "GAP_ALERT");
    assert_string_equal(ccad_rule_name(CCAD_RULE_GAP), "GAP");
    assert_string_equal(ccad_why_name(0), "?");
    assert_string_equal(ccad_why_name(CCAD_WHY_PERSIST_LACKING + 1), "?");
    assert_string_equal(ccad_why_name(-1), "?");
    assert_string_equal(ccad_why_name(INT32_MIN), "?");
    assert_string_equal(ccad_rule_name(0), "?");
    assert_string_equal(ccad_rule_name(23), "?");
    assert_string_equal(ccad_rule_name(-5), "?");
    assert_string_equal(ccad_rule_name(INT32_MAX), "?");
}

static void reason_format_cases(void **state)
{
    int w;
    char buf[256];
    size_t len;
    ccad_reason r;
    (void)state;
    for (w = 1; w <= CCAD_WHY_TEAM_MOVE; w++) {
        char small[6];
        size_t full = 0, l2 = 0;
        r.rule = expected_rule(w);
        r.why = w;
        r.a = 20780; /* figures that are also valid dates */
        r.b = 2;
        r.c = 3;
        memset(buf, 'x', sizeof buf);
        assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, &full), CCAD_OK);
        assert_true(full > 0);
        assert_int_equal(strlen(buf), full);
        assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, NULL), CCAD_OK);
        /* truncation: NUL-terminated, full length still reported */
        memset(small, 'y', sizeof small);
        assert_int_equal(ccad_reason_format(small, sizeof small, &r, &l2), CCAD_ENOSPC);
        assert_int_equal(l2, full);
        assert_int_equal(strlen(small), sizeof small - 1);
        assert_memory_equal(small, buf, sizeof small - 1);
        /* exactly full + 1 fits, full does not */
        assert_int_equal(ccad_reason_format(buf, full + 1, &r, &l2), CCAD_OK);
        assert_int_equal(ccad_reason_format(buf, full, &r, &l2), CCAD_ENOSPC);
        assert_int_equal(strlen(buf), full - 1);
    }
    /* known texts */
    r.rule = CCAD_RULE_GAP;
    r.why = CCAD_WHY_GAP_ALERT;
    r.a = 22;
    r.b = 21;
    r.c = 8;
    assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, &len), CCAD_OK);
    assert_memory_equal(buf, "GAP: ", 5);
    assert_non_null(strstr(buf, "22"));
    assert_non_null(strstr(buf, "21"));
    r.rule = CCAD_RULE_CLOCK;
    r.why = CCAD_WHY_DUE;
    r.a = tu_date("2026-11-20");
    r.b = 3;
    r.c = tu_date("2026-11-23");
    assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, &len), CCAD_OK);
    assert_non_null(strstr(buf, "2026-11-20"));
    assert_non_null(strstr(buf, "2026-11-23"));
    /* money as decimals with two places, singular and plural */
    {
        static const struct {
            int rule, why;
            int64_t a, b, c;
            const char *text;
        } k[] = {
            {CCAD_RULE_GRADE, CCAD_WHY_GRADE_THRESHOLD, 150000000, 50000000, 0,
             "GRADE: value 1500000.00, threshold 500000.00"},
            {CCAD_RULE_GRADE, CCAD_WHY_GRADE_THRESHOLD, 1999999, 0, 0,
             "GRADE: value 19999.99, threshold 0.00"},
            {CCAD_RULE_GRADE, CCAD_WHY_GRADE_THRESHOLD, 5, 2000000, 0,
             "GRADE: value 0.05, threshold 20000.00"},
            {CCAD_RULE_GRADE, CCAD_WHY_GRADE_RANK, 2, 10, 40,
             "GRADE: rank 2 of 10 by value, within the top 40 %"},
            {CCAD_RULE_GRADE, CCAD_WHY_GRADE_RANK, 0, 36, 100,
             "GRADE: not ranked (left the book), value within the top 100 % of the 36 ranked"},
            {CCAD_RULE_FREQ, CCAD_WHY_FREQ, 1, 1, 1, "FREQ: 1 per 1 day: every 1 day"},
            {CCAD_RULE_FREQ, CCAD_WHY_FREQ, 3, 7, 2, "FREQ: 3 per 7 days: every 2 days"},
            {CCAD_RULE_GAP, CCAD_WHY_GAP_ALERT, 22, 21, 8,
             "GAP: 22-day gap between contacts, alert at 21 (8 over the maximum)"},
            {CCAD_RULE_GAP, CCAD_WHY_GAP_WARN, 15, 14, 1,
             "GAP: 15-day gap between contacts, maximum 14 (1 over)"},
            {CCAD_RULE_NEVER, CCAD_WHY_NEVER_CONTACTED, 1, 0, 0, "NEVER: never contacted, due now"},
            {CCAD_RULE_NEVER, CCAD_WHY_NEVER_CONTACTED, 0, 0, 0, "NEVER: never contacted"},
            {CCAD_RULE_SERVICE, CCAD_WHY_SERVICE, 4, 1, 0, "SERVICE: 1 contact at the moving level"},
            {CCAD_RULE_SERVICE, CCAD_WHY_SERVICE, 2, 3, 0,
             "SERVICE: 3 contacts at the satisfying level"},
            {CCAD_RULE_FREQ, CCAD_WHY_INACTIVE, CCAD_STATUS_RELEASED, 0, 0,
             "FREQ: released, no contact duty"},
            /* the planner's constraint and strategy reasons (1.1) */
            {CCAD_RULE_ROUTE, CCAD_WHY_PLAN_BLOCKED_HOURS, 600, 630, 60,
             "ROUTE: visit hours 10:00-10:30 cannot hold a 60-min visit within the working day"},
            {CCAD_RULE_ROUTE, CCAD_WHY_PLAN_BLOCKED_DAYS, 20780, 1 | 4 | 16, 0,
             "ROUTE: due 2026-11-23, but no working day of the range is one of its visit days "
             "(Mon Wed Fri)"},
            {CCAD_RULE_ROUTE, CCAD_WHY_PLAN_BLOCKED_DAYS, 20780, 0, 0,
             "ROUTE: due 2026-11-23, but no working day of the range is one of its visit days "
             "(none)"},
            {CCAD_RULE_ROUTE, CCAD_WHY_PLAN_BLOCKED_TIME, 20780, 202, 180,
             "ROUTE: due 2026-11-23, but no allowed day had time for it (alone it needs 202 of "
             "the day's 180 min)"},
            {CCAD_RULE_ROUTE, CCAD_WHY_PLAN_VISIT_DAY, 20780, 2 | 8, 0,
             "ROUTE: due 2026-11-23, planned on its next visit day (Tue Thu)"},
            {CCAD_RULE_TRIAGE, CCAD_WHY_GIVE_UP, 1, 5, 1,
             "TRIAGE: given up: no contact planned; release proposed after 1 contact (patience "
             "asks for 5): premature"},
            {CCAD_RULE_TRIAGE, CCAD_WHY_GIVE_UP, 8, 5, 0,
             "TRIAGE: given up: no contact planned; release proposed after 8 contacts (patience "
             "asks for 5)"},
        };
        size_t q;
        for (q = 0; q < sizeof k / sizeof k[0]; q++) {
            r.rule = k[q].rule;
            r.why = k[q].why;
            r.a = k[q].a;
            r.b = k[q].b;
            r.c = k[q].c;
            assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, &len), CCAD_OK);
            assert_string_equal(buf, k[q].text);
            assert_int_equal(len, strlen(k[q].text));
        }
        r.rule = CCAD_RULE_TRIAGE;
        r.why = CCAD_WHY_TRIAGE;
        r.a = CCAD_TRIAGE_SELF_DRIVEN;
        r.b = -150;
        r.c = 8000000;
        assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, &len), CCAD_OK);
        assert_non_null(strstr(buf, "-1.50"));
        assert_non_null(strstr(buf, "80000.00"));
        r.b = INT64_MIN;
        assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, &len), CCAD_OK);
        assert_non_null(strstr(buf, "-92233720368547758.08"));
    }
    /* unknown code: still text */
    r.rule = 99;
    r.why = 99;
    assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, &len), CCAD_OK);
    assert_true(len > 0);
    /* errors */
    len = 12345;
    memset(buf, 'x', sizeof buf);
    assert_int_equal(ccad_reason_format(buf, 0, &r, &len), CCAD_EINVAL);
    assert_int_equal(ccad_reason_format(NULL, 10, &r, &len), CCAD_EINVAL);
    assert_int_equal(ccad_reason_format(buf, sizeof buf, NULL, &len), CCAD_EINVAL);
    assert_int_equal(len, 12345);
    assert_int_equal(buf[0], 'x');
    /* cap 1: only the NUL */
    r.rule = CCAD_RULE_NEVER;
    r.why = CCAD_WHY_NEVER_CONTACTED;
    r.a = 0;
    assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, &len), CCAD_OK);
    assert_memory_equal(buf, "NEVER:", 6);
    {
        size_t l2 = 0;
        assert_int_equal(ccad_reason_format(buf, 1, &r, &l2), CCAD_ENOSPC);
        assert_int_equal(buf[0], '\0');
        assert_int_equal(l2, len);
    }
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(rank_300),
        T(rank_rounding_small_books),
        T(rank_one_customer_and_empty),
        T(rank_ties_by_id_bytewise),
        T(threshold_method),
        T(manual_grade_wins),
        T(stale_with_other_grading_rules),
        T(frequency_by_grade_and_urgency),
        T(open_complaint),
        T(pending_request),
        T(q3_due_today_until_handled),
        T(resolved_complaint_care),
        T(escalation_ladder),
        T(gap_warning_and_alert),
        T(gap_closed_by_records),
        T(temperature_and_days_since),
        T(stall_patience_ownership),
        T(triage_kinds),
        T(triage_reasons_and_status),
        T(let_go_factor),
        T(order_closes_purchase),
        T(let_go_stretches_gap),
        T(let_go_not_when_urgent_event),
        T(clock_any_contact),
        T(never_contacted),
        T(rank_without_released),
        T(patience_rhythm_watched_grades),
        T(work_days_mask),
        T(inactive_customers),
        T(reminder_next_step_followup),
        T(service_reason),
        T(reasons_match_rules),
        T(assess_range_matches_assess),
        T(assess_range_errors_and_stride),
        T(assess_errors),
        T(assess_deterministic),
        T(why_and_rule_names),
        T(reason_format_cases),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
