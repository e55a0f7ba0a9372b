/* ccad_reason_format over every reason code (and unknown ones), every rule
 * id and extreme figures: INT64_MIN/MAX, INT32 limits, negatives, clock and
 * day boundaries. Under UBSan (CCAD_SANITIZE) any signed overflow aborts;
 * every call must also keep the ENOSPC contract: the full length is
 * reported, the text is a NUL-terminated prefix of the full text, nothing is
 * written past cap, and the text is printable ASCII. */
#include "testutil.h"

#include <limits.h>
#include <string.h>

static const int64_t figs[] = {
    INT64_MIN,
    INT64_MIN + 1,
    (int64_t)INT32_MIN - 1,
    INT32_MIN,
    -1441,
    -1440,
    -61,
    -60,
    -59,
    -1,
    0,
    1,
    59,
    60,
    61,
    1439,
    1440,
    1441,
    100,
    -100,
    INT32_MAX,
    (int64_t)INT32_MAX + 1,
    INT64_MAX - 1,
    INT64_MAX,
};
#define NFIGS (sizeof figs / sizeof figs[0])

/* The figures combined three at a time (all of figs one at a time). */
static const int64_t core[] = {INT64_MIN, INT64_MIN + 1, INT32_MIN, -1441,    -61, -1, 0, 1,
                               60,        1440,          INT32_MAX, INT64_MAX};
#define NCORE (sizeof core / sizeof core[0])

static const int32_t rules_ids[] = {INT32_MIN, -1, 0, 1, 5, 22, 23, INT32_MAX};

/* Formats r with cap bytes into a buffer with canaries after cap. */
static void check_caps(const ccad_reason *r)
{
    char full[512], part[600];
    size_t n = 0, m = 0, caps[4];
    size_t k, i;
    int rc = ccad_reason_format(full, sizeof full, r, &n);
    assert_int_equal(rc, CCAD_OK);
    assert_int_equal(strlen(full), n);
    assert_true(n > 0);
    for (i = 0; i < n; i++)
        assert_true(full[i] >= 0x20 && full[i] < 0x7f);
    caps[0] = 1;
    caps[1] = n;     /* one short: ENOSPC */
    caps[2] = n + 1; /* exact: OK */
    caps[3] = n / 2 + 1;
    for (k = 0; k < 4; k++) {
        size_t cap = caps[k];
        memset(part, 0x5a, sizeof part);
        rc = ccad_reason_format(part, cap, r, &m);
        assert_int_equal(m, n);
        assert_int_equal(rc, cap > n ? CCAD_OK : CCAD_ENOSPC);
        assert_int_equal(strlen(part), cap > n ? n : cap - 1);
        assert_memory_equal(part, full, strlen(part));
        for (i = cap; i < sizeof part; i++)
            assert_int_equal((unsigned char)part[i], 0x5a);
    }
}

/* Every known and unknown code with every combination of extreme figures,
 * and every figure of figs in each position. */
static void all_codes_extreme_figures(void **state)
{
    int32_t why;
    size_t ia, ib, ic, f, pos;
    (void)state;
    for (why = -2; why <= 60; why++) {
        for (ia = 0; ia < NCORE; ia++)
            for (ib = 0; ib < NCORE; ib++)
                for (ic = 0; ic < NCORE; ic++) {
                    ccad_reason r;
                    r.rule = 1 + why % 22;
                    r.why = why;
                    r.a = core[ia];
                    r.b = core[ib];
                    r.c = core[ic];
                    check_caps(&r);
                }
        for (f = 0; f < NFIGS; f++)
            for (pos = 0; pos < 3; pos++) {
                ccad_reason r = {1, 0, 7, INT64_MIN, INT64_MAX};
                r.why = why;
                *(pos == 0 ? &r.a : pos == 1 ? &r.b : &r.c) = figs[f];
                check_caps(&r);
            }
    }
}

/* Unknown codes and rule ids at the limits of int32_t. */
static void unknown_codes_and_rules(void **state)
{
    static const int32_t whys[] = {INT32_MIN, -1, 0, 57, 1000, INT32_MAX};
    size_t w, k, f;
    (void)state;
    for (w = 0; w < sizeof whys / sizeof whys[0]; w++)
        for (k = 0; k < sizeof rules_ids / sizeof rules_ids[0]; k++)
            for (f = 0; f < NFIGS; f++) {
                ccad_reason r;
                r.rule = rules_ids[k];
                r.why = whys[w];
                r.a = figs[f];
                r.b = figs[NFIGS - 1 - f];
                r.c = figs[(f * 7) % NFIGS];
                check_caps(&r);
            }
}

/* The reproducer of issue 17: WORKLOAD_OVER with a = INT64_MIN, b = 1 made
 * "a - b" overflow. The cut saturates. */
static void workload_over_saturates(void **state)
{
    ccad_reason r = {CCAD_RULE_WORKLOAD, CCAD_WHY_WORKLOAD_OVER, INT64_MIN, 1, 100};
    char buf[256];
    (void)state;
    assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, NULL), CCAD_OK);
    assert_string_equal(buf, "WORKLOAD: -9223372036854775808 contacts needed, capacity 1 (cut "
                             "-9223372036854775808, or stretch intervals x100/100)");
    r.a = INT64_MAX;
    r.b = -1;
    assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, NULL), CCAD_OK);
    assert_non_null(strstr(buf, "(cut 9223372036854775807,"));
    r.a = 30;
    r.b = 20;
    assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, NULL), CCAD_OK);
    assert_non_null(strstr(buf, "(cut 10,"));
}

/* Times of day: ordinary values are unchanged; negative ones read as a
 * negative time rather than "-1:-30". */
static void clock_figures(void **state)
{
    ccad_reason r = {CCAD_RULE_ROUTE, CCAD_WHY_ROUTE_LATE, 9 * 60 + 5, 17 * 60, 12};
    char buf[256];
    (void)state;
    assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, NULL), CCAD_OK);
    assert_string_equal(buf, "ROUTE: starts 09:05, limit 17:00: 12 min late");
    r.a = -90;
    r.b = INT64_MIN;
    assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, NULL), CCAD_OK);
    assert_string_equal(buf, "ROUTE: starts -01:30, limit -153722867280912930:08: 12 min late");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(workload_over_saturates),
        cmocka_unit_test(clock_figures),
        cmocka_unit_test(unknown_codes_and_rules),
        cmocka_unit_test(all_codes_extreme_figures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
