/* Assessment over a generated book: every reason matches its rule, batch
 * assessment equals one-by-one, error paths, determinism. Helpers:
 * tests/assess_env.h. */
#include "assess_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- generated book: reasons, batch, determinism ---- */

static void generate(tu_fixture *f, size_t n, uint32_t seed)
{
    size_t i;
    char id[32];
    int32_t T = TODAY;
    uint64_t rng = tu_rng_seed(seed);
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        uint32_t r = (uint32_t)(tu_rng_next(&rng) >> 32);
        snprintf(id, sizeof id, "gen-%05lu", (unsigned long)i);
        c.id = id;
        c.value = (int64_t)((tu_rng_next(&rng) >> 32) % 50000000);
        c.grade = r % 7 == 0 ? (int)((tu_rng_next(&rng) >> 32) % 5) : CCAD_GRADE_NONE;
        c.status = (int)((tu_rng_next(&rng) >> 32) % 5) + 1;
        if ((tu_rng_next(&rng) >> 32) % 3 == 0)
            c.purchase_date = T + (int32_t)((tu_rng_next(&rng) >> 32) % 40) - 10;
        if ((tu_rng_next(&rng) >> 32) % 2)
            c.monthly_volume = (int64_t)((tu_rng_next(&rng) >> 32) % 10000000);
        if ((tu_rng_next(&rng) >> 32) % 3 == 0)
            c.margin_bp = (int32_t)((tu_rng_next(&rng) >> 32) % 10001);
        c.capable = (int)((tu_rng_next(&rng) >> 32) % 2);
        if ((tu_rng_next(&rng) >> 32) % 8 == 0) {
            c.complaint = (int)((tu_rng_next(&rng) >> 32) % 2) + 1;
            c.complaint_date = T - (int32_t)((tu_rng_next(&rng) >> 32) % 20);
        }
        if ((tu_rng_next(&rng) >> 32) % 6 == 0)
            c.request_date = T + (int32_t)((tu_rng_next(&rng) >> 32) % 6) - 3;
        if ((tu_rng_next(&rng) >> 32) % 2)
            c.owned_since = T - (int32_t)((tu_rng_next(&rng) >> 32) % 120);
        if ((tu_rng_next(&rng) >> 32) % 10 != 0) {
            c.last_contact = T - (int32_t)((tu_rng_next(&rng) >> 32) % 60);
            c.contacts = 1 + (uint32_t)((tu_rng_next(&rng) >> 32) % 12);
            if ((tu_rng_next(&rng) >> 32) % 2)
                c.last_visit = c.last_contact - (int32_t)((tu_rng_next(&rng) >> 32) % 30);
            if ((tu_rng_next(&rng) >> 32) % 3 == 0)
                c.next_step_date = c.last_contact + (int32_t)((tu_rng_next(&rng) >> 32) % 20);
            if ((tu_rng_next(&rng) >> 32) % 2)
                c.last_gap_days = (int32_t)((tu_rng_next(&rng) >> 32) % 40);
            c.no_progress = (uint32_t)((tu_rng_next(&rng) >> 32) % 5);
            c.last_recorded = (int)((tu_rng_next(&rng) >> 32) % 4 != 0);
            c.missing_records = (uint32_t)((tu_rng_next(&rng) >> 32) % 3);
            {
                uint32_t level = (tu_rng_next(&rng) >> 32) % 4;
                c.service_counts[level] = (tu_rng_next(&rng) >> 32) % 4;
            }
        }
        add(f, &c);
    }
}

static void reasons_match_rules(void **state)
{
    tu_fixture *f = *state;
    size_t i, n = 600;
    int seen[CCAD_WHY_FREQ_RAMP + 1];
    int d, w, rounds;
    memset(seen, 0, sizeof seen);
    generate(f, n, 12345u);
    for (rounds = 0; rounds < 2; rounds++) {
        if (rounds == 1)
            set(f, "grade.method", CCAD_GRADE_BY_THRESHOLD);
        TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
        for (d = -3; d <= 3; d += 3)
            for (i = 0; i < n; i++) {
                ccad_assessment a = CCAD_ASSESSMENT_INIT;
                uint32_t k;
                TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, i, TODAY + d, &a));
                assert_int_equal(a.today, TODAY + d);
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
                    TU_PASS(f->ctx, ccad_reason_format(buf, sizeof buf, r, &len));
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
    tu_fixture *f = *state;
    size_t i, n = 800;
    ccad_brief *br;
    int d;
    generate(f, n, 987654321u);
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    br = calloc(n, sizeof *br);
    assert_non_null(br);
    for (d = -20; d <= 20; d += 5) {
        int32_t today = TODAY + d;
        TU_PASS(f->ctx, ccad_book_assess_range(f->b, f->r, 0, n, today, br, sizeof *br));
        for (i = 0; i < n; i++) {
            ccad_assessment a = CCAD_ASSESSMENT_INIT;
            TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, i, today, &a));
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
        TU_PASS(f->ctx, ccad_book_assess_range(f->b, f->r, 0, n, TODAY, br, sizeof *br));
        TU_PASS(f->ctx, ccad_book_assess_range(f->b, f->r, 395, 10, TODAY, part, sizeof *part));
        assert_memory_equal(part, br + 395, sizeof part);
    }
    free(br);
}

static void assess_range_errors_and_stride(void **state)
{
    tu_fixture *f = *state;
    size_t n = 20, i;
    ccad_brief br[21], before[21];
    struct wide {
        ccad_brief b;
        unsigned char pad[13];
    } wide[20];
    ccad_rules *other = NULL;
    generate(f, n, 42u);
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    memset(br, 0xee, sizeof br);
    memcpy(before, br, sizeof br);
    assert_int_equal(ccad_book_assess_range(NULL, f->r, 0, 1, TODAY, br, sizeof *br), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, NULL, 0, 1, TODAY, br, sizeof *br), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, f->r, 0, 1, TODAY, NULL, sizeof *br), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, f->r, 0, 1, TODAY, br, sizeof *br - 1),
            CCAD_EVERSION);
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, f->r, 0, 1, TODAY, br, 0), CCAD_EVERSION);
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, f->r, 0, n + 1, TODAY, br, sizeof *br),
            CCAD_ENOTFOUND);
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, f->r, 15, 6, TODAY, br, sizeof *br),
            CCAD_ENOTFOUND);
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, f->r, n + 1, 0, TODAY, br, sizeof *br),
            CCAD_ENOTFOUND);
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, f->r, 1, SIZE_MAX, TODAY, br, sizeof *br),
            CCAD_ENOTFOUND);
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, f->r, 0, 1, CCAD_DATE_MAX + 1, br, sizeof *br),
            CCAD_ERANGE);
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, f->r, 0, 1, CCAD_NO_DATE, br, sizeof *br),
            CCAD_ERANGE);
    TU_PASS(f->ctx, ccad_rules_copy(&other, f->ctx, f->r));
    TU_PASS(f->ctx, ccad_rules_set(other, "grade.use_d", 1));
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, other, 0, 1, TODAY, br, sizeof *br), CCAD_ESTALE);
    ccad_rules_free(other);
    assert_memory_equal(br, before, sizeof br);
    /* empty ranges */
    TU_PASS(f->ctx, ccad_book_assess_range(f->b, f->r, 0, 0, TODAY, NULL, sizeof *br));
    TU_PASS(f->ctx, ccad_book_assess_range(f->b, f->r, n, 0, TODAY, br, sizeof *br));
    assert_memory_equal(br, before, sizeof br);
    /* the last customer exactly; nothing written beyond n */
    TU_PASS(f->ctx, ccad_book_assess_range(f->b, f->r, n - 1, 1, TODAY, br, sizeof *br));
    assert_memory_equal(&br[1], &before[1], sizeof br - sizeof br[0]);
    /* elem_size must be exactly sizeof(ccad_brief): a larger one (from a newer
     * header) is refused like a smaller one, and nothing is written */
    memset(wide, 0x5a, sizeof wide);
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, f->r, 0, n, TODAY, &wide[0].b, sizeof wide[0]),
            CCAD_EVERSION);
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, f->r, 0, 1, TODAY, br, sizeof *br + 1),
            CCAD_EVERSION);
    TU_FAIL(f->ctx, ccad_book_assess_range(f->b, f->r, 0, 1, TODAY, br, SIZE_MAX), CCAD_EVERSION);
    for (i = 0; i < n; i++) {
        size_t k;
        const unsigned char *p = (const unsigned char *)&wide[i];
        for (k = 0; k < sizeof wide[i]; k++)
            assert_int_equal(p[k], 0x5a);
    }
    assert_memory_equal(&br[1], &before[1], sizeof br - sizeof br[0]);
    /* the whole book at the exact size */
    TU_PASS(f->ctx, ccad_book_assess_range(f->b, f->r, 0, n, TODAY, br, sizeof *br));
    assert_memory_equal(&br[n], &before[n], sizeof br[n]);
}

static void assess_errors(void **state)
{
    tu_fixture *f = *state;
    ccad_assessment a, before;
    ccad_customer c = cust("only", CCAD_GRADE_A, TODAY - 1);
    add(f, &c);
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    memset(&a, 0x3c, sizeof a);
    a.size = (uint32_t)sizeof a;
    memcpy(&before, &a, sizeof a);
    assert_int_equal(ccad_book_assess(NULL, f->r, 0, TODAY, &a), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_book_assess(f->b, NULL, 0, TODAY, &a), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 0, TODAY, NULL), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 1, TODAY, &a), CCAD_ENOTFOUND);
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, (size_t)-1, TODAY, &a), CCAD_ENOTFOUND);
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 0, CCAD_DATE_MAX + 1, &a), CCAD_ERANGE);
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 0, CCAD_DATE_MIN - 1, &a), CCAD_ERANGE);
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 0, CCAD_NO_DATE, &a), CCAD_ERANGE);
    assert_memory_equal(&a, &before, sizeof a);
    a.size = (uint32_t)sizeof a - 1;
    memcpy(&before, &a, sizeof a);
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 0, TODAY, &a), CCAD_EVERSION);
    a.size = 0;
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 0, TODAY, &a), CCAD_EVERSION);
    /* a larger size (a newer header) is refused too, not half-filled */
    a.size = (uint32_t)sizeof a + 1;
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 0, TODAY, &a), CCAD_EVERSION);
    a.size = (uint32_t)sizeof a + 8;
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 0, TODAY, &a), CCAD_EVERSION);
    a.size = UINT32_MAX;
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 0, TODAY, &a), CCAD_EVERSION);
    a.size = before.size;
    assert_memory_equal(&a, &before, sizeof a);
    /* the extremes of the date range are valid days */
    a.size = (uint32_t)sizeof a;
    TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, 0, CCAD_DATE_MAX, &a));
    TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, 0, CCAD_DATE_MIN, &a));
}

static void assess_deterministic(void **state)
{
    tu_fixture *f = *state;
    size_t i, n = 200;
    generate(f, n, 777u);
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    for (i = 0; i < n; i++) {
        ccad_assessment a1, a2;
        memset(&a1, 0x11, sizeof a1);
        memset(&a2, 0x99, sizeof a2);
        a1.size = a2.size = (uint32_t)sizeof a1;
        TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, i, TODAY, &a1));
        TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, (i * 7) % n, TODAY + 1, &a2));
        TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, i, TODAY, &a2));
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
        TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, 17, TODAY, &a1));
        TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
        TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, 17, TODAY, &a2));
        assert_memory_equal(&a1, &a2, sizeof a1);
    }
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, tu_fixture_setup, tu_fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(reasons_match_rules), T(assess_range_matches_assess), T(assess_range_errors_and_stride),
        T(assess_errors),       T(assess_deterministic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
