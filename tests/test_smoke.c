/* Smoke test: the whole path from context to assessment once. */
#include "testutil.h"

#include <string.h>

static void smoke(void **state)
{
    tu_alloc al;
    ccad_host h = tu_host(&al);
    ccad_ctx *ctx = NULL;
    ccad_rules *r = NULL;
    ccad_book *b = NULL;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    ccad_assessment a = CCAD_ASSESSMENT_INIT;
    size_t i;
    (void)state;
    TU_PASS(ctx, ccad_ctx_new(&ctx, &h));
    TU_PASS(ctx, ccad_rules_new(&r, ctx));
    TU_PASS(ctx, ccad_book_new(&b, ctx, 0));
    c.id = "acme";
    c.value = 100000000;
    c.grade = CCAD_GRADE_A; /* one customer alone rounds to 0 % A by rank */
    c.last_contact = tu_date("2026-11-01");
    c.contacts = 2;
    TU_PASS(ctx, ccad_book_add(b, &c, &i));
    assert_int_equal(ccad_book_assess(b, r, i, tu_date("2026-11-20"), &a), CCAD_ESTALE);
    TU_PASS(ctx, ccad_book_grade(b, r));
    TU_PASS(ctx, ccad_book_assess(b, r, i, tu_date("2026-11-20"), &a));
    assert_int_equal(a.grade, CCAD_GRADE_A);
    assert_int_equal(a.quadrant, CCAD_Q2);
    assert_int_equal(a.due_date, tu_date("2026-11-04"));
    assert_true(a.flags & CCAD_F_COLD); /* 19 days on A's own 3-day cycle (1.0: a warning) */
    ccad_book_free(b);
    ccad_rules_free(r);
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(smoke)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
