/* Rules, parsing: strictness, error positions, conflicts with their line,
 * set_text forms, comments, blank lines and CRLF; copy, equal, free, new.
 * Fixture: tests/rules_env.h. */
#include "rules_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- parse strictness ---- */

static void parse_fails(fixture *f, const char *text, size_t len, const char *where,
                        const char *also)
{
    char want[64];
    save(f);
    TU_FAIL(f->fx.ctx, ccad_rules_parse(f->fx.r, text, len), CCAD_EPARSE);
    snprintf(want, sizeof want, "%s:", where);
    if (strstr(ccad_ctx_errmsg(f->fx.ctx), want) == NULL)
        fail_msg("expected '%s' in \"%s\"", want, ccad_ctx_errmsg(f->fx.ctx));
    if (also != NULL && strstr(ccad_ctx_errmsg(f->fx.ctx), also) == NULL)
        fail_msg("expected '%s' in \"%s\"", also, ccad_ctx_errmsg(f->fx.ctx));
    assert_true(ccad_rules_equal(f->fx.r, f->saved));
}

#define PF(text, where, also) parse_fails(f, text, sizeof(text) - 1, where, also)

/* ccad_ctx_errpos gives the same position as the message. */
static void parse_errpos(void **state)
{
    fixture *f = *state;
    uint32_t line = 77, col = 88;
    static const char t[] = "# c\n\ngap.max_days = 12x\n";
    assert_int_equal(ccad_rules_parse(f->fx.r, t, sizeof t - 1), CCAD_EPARSE);
    TU_PASS(f->fx.ctx, ccad_ctx_errpos(f->fx.ctx, &line, &col));
    assert_int_equal(line, 3);
    assert_int_equal(col, 16);
    assert_int_equal(ccad_rules_parse(f->fx.r, "\ngap.alert_days = 14", 20), CCAD_EPARSE);
    TU_PASS(f->fx.ctx, ccad_ctx_errpos(f->fx.ctx, &line, &col));
    assert_int_equal(line, 2);
    assert_int_equal(col, 1);
    /* a later failure without a position clears it */
    assert_int_equal(ccad_rules_set(f->fx.r, "no.such", 1), CCAD_ENOTFOUND);
    line = 5;
    col = 6;
    assert_int_equal(ccad_ctx_errpos(f->fx.ctx, &line, &col), CCAD_ENOTFOUND);
    assert_int_equal(line, 5);
    assert_int_equal(col, 6);
    assert_int_equal(ccad_ctx_errpos(NULL, &line, &col), CCAD_EINVAL);
    assert_int_equal(ccad_ctx_errpos(f->fx.ctx, NULL, &col), CCAD_EINVAL);
    assert_int_equal(ccad_ctx_errpos(f->fx.ctx, &line, NULL), CCAD_EINVAL);
}

static void parse_strictness(void **state)
{
    fixture *f = *state;
    /* start from non-default rules so "unchanged" is meaningful */
    TU_PASS(ccad_rules_ctx(f->fx.r), ccad_rules_set(f->fx.r, "stall.after", 9));
    TU_PASS(ccad_rules_ctx(f->fx.r), ccad_rules_set(f->fx.r, "grade.method", 1));

    PF("# c\n\nfoo.bar = 1\n", "line 3, column 1", "foo.bar");
    PF("gap.max_days = 10\n  nope = 1\n", "line 2, column 3", "nope");
    PF("gap.max_days = 10\ngap.max_days = 11\n", "line 2, column 1", "duplicate");
    PF("gap.max_days = 10\n\n  gap.max_days = 10\n", "line 3, column 3", "gap.max_days");
    PF("gap.max_days 10\n", "line 1, column 14", "=");
    PF("gap.max_days\n", "line 1, column 13", "=");
    PF("gap.max_days: 10\n", "line 1, column 13", NULL);
    PF("Gap.max_days = 10\n", "line 1, column 1", NULL);
    PF("= 10\n", "line 1, column 1", NULL);
    PF("gap.max_days =\n", "line 1, column 15", "missing value");
    PF("gap.max_days =   # none\n", "line 1, column 18", "missing value");
    PF("gap.max_days = 12x\n", "line 1, column 16", "12x");
    PF("gap.max_days = x\n", "line 1, column 16", NULL);
    PF("gap.max_days = -\n", "line 1, column 16", NULL);
    PF("gap.max_days = 1-2\n", "line 1, column 16", NULL);
    PF("grade.threshold_a = 99999999999999999999\n", "line 1, column 21", "too large");
    PF("grade.threshold_a = 9223372036854775808\n", "line 1, column 21", "too large");
    PF("gap.max_days = 12 x\n", "line 1, column 19", NULL);
    PF("gap.max_days = 12;\n", "line 1, column 18", NULL);
    PF("gap.max_days = 12 13\n", "line 1, column 19", NULL);
    PF("gap.max_days = 1\0"
       "2\n",
       "line 1, column 17", "NUL");
    PF("# ok\ngap.max_days = 10\0\n", "line 2, column 18", "NUL");
    PF("\0", "line 1, column 1", "NUL");
    PF("# a comment with a NUL \0 inside\n", "line 1, column 24", "NUL");
    PF("gap.max_days = 1\r2\n", "line 1, column 17", "carriage return");
    PF("gap.max_days = 10\r\r\n", "line 1, column 18", "carriage return");
    PF("\r\n\rgap.max_days = 10\n", "line 2, column 1", "carriage return");
    PF("gap.grades = AA\n", "line 1, column 14", "AA");
    PF("gap.grades = E\n", "line 1, column 14", NULL);
    PF("gap.grades = ab\n", "line 1, column 14", NULL);
    PF("gap.grades = 16\n", "line 1, column 14", "outside");
    PF("gap.grades = -1\n", "line 1, column 14", "outside");
    PF("gap.grades = 3A\n", "line 1, column 14", NULL);
    PF("gap.grades = None\n", "line 1, column 14", NULL);
    PF("quadrant.important = ABCDA\n", "line 1, column 22", NULL);
    PF("grade.method = foo\n", "line 1, column 16", "foo");
    PF("grade.method = Rank\n", "line 1, column 16", NULL);
    PF("triage.band = pushy\n", "line 1, column 15", NULL);
    PF("grade.method = 2\n", "line 1, column 16", "outside");
    PF("triage.band = -1\n", "line 1, column 15", "outside");
    PF("freq.work_days = Mon+Mon\n", "line 1, column 18", "Mon+Mon");
    PF("freq.work_days = Mon+\n", "line 1, column 18", NULL);
    PF("freq.work_days = MonTue\n", "line 1, column 18", NULL);
    PF("freq.work_days = Mon++Tue\n", "line 1, column 18", NULL);
    PF("freq.work_days = Monday\n", "line 1, column 18", NULL);
    PF("freq.work_days = Mo\n", "line 1, column 18", NULL);
    PF("freq.work_days = none\n", "line 1, column 18", NULL);
    PF("freq.work_days = Mon_Tue\n", "line 1, column 18", NULL);
    PF("freq.work_days = 0\n", "line 1, column 18", "outside");
    PF("freq.work_days = 128\n", "line 1, column 18", "outside");
    PF("gap.max_days = 0\n", "line 1, column 16", "outside");
    PF("gap.max_days = -1\n", "line 1, column 16", "outside");
    PF("stall.after = 1001\n", "line 1, column 15", "outside");
    PF("grade.use_d = 2\n", "line 1, column 15", "outside");
    PF("\n\n\ngap.max_days = 367", "line 4, column 16", "outside");
    /* cross-parameter conflicts: the later line of the two is reported */
    PF("gap.max_days = 10\n# x\ngap.alert_days = 10\n", "line 3, column 1", "gap.max_days");
    PF("gap.alert_days = 10\ngap.max_days = 10\n", "line 2, column 1", "gap.alert_days");
    PF("\ngap.alert_days = 14\n", "line 2, column 1", "gap.max_days");
    PF("grade.threshold_b = 10000000\n", "line 1, column 1", "grade.threshold_a");
    PF("escalate.rep_days = 6\n", "line 1, column 1", "escalate.manager_days");
    PF("triage.push_volume = 9000000\n", "line 1, column 1", "triage.self_driven_volume");
    PF("freq.a_count = 8\n", "line 1, column 1", "freq.a_days");
    PF("urgency.week_days = 20\n", "line 1, column 1", "urgency.two_weeks_days");
    PF("grade.share_c_pct = 30\ngrade.share_a_pct = 80\n", "line 2, column 1", "grade.share_a_pct");
    /* thresholds and shares of C only with grade D on */
    PF("grade.threshold_c = 3000000\ngrade.use_d = 1\n", "line 1, column 1", "grade.threshold_b");
    PF("grade.use_d = 1\ngrade.threshold_c = 2000000\n", "line 2, column 1", "grade.threshold_b");
    PF("grade.use_d = 1\ngrade.share_c_pct = 61\n", "line 2, column 1", "grade.share_c_pct");
}

/* Without grade D, the C share and the C threshold are not constrained. */
static void parse_grade_c_free_without_d(void **state)
{
    fixture *f = *state;
    static const char t[] = "grade.share_a_pct = 50\ngrade.share_b_pct = 50\n"
                            "grade.share_c_pct = 100\ngrade.threshold_c = 5000000\n";
    TU_PASS(ccad_rules_ctx(f->fx.r), ccad_rules_parse(f->fx.r, t, sizeof t - 1));
    assert_true(get(f->fx.r, "grade.share_a_pct") == 50);
    assert_true(get(f->fx.r, "grade.share_c_pct") == 100);
    assert_true(get(f->fx.r, "grade.threshold_c") == 5000000);
}

/* A share-sum conflict is reported at the line of the share (or
 * grade.use_d) named last in the text, so it always has a position, also
 * through ccad_ctx_errpos. */
static void parse_share_conflict_has_line(void **state)
{
    fixture *f = *state;
    uint32_t line = 0, col = 0;
    static const struct {
        const char *text;
        const char *where;
        uint32_t line;
    } cases[] = {
        {"# shares\n\ngrade.share_b_pct = 90\n", "line 3, column 1", 3},
        {"grade.share_a_pct = 90\n", "line 1, column 1", 1},
        {"grade.share_a_pct = 60\ngrade.share_b_pct = 50\n", "line 2, column 1", 2},
        {"grade.share_b_pct = 50\ngap.max_days = 7\ngrade.share_a_pct = 60\n", "line 3, column 1",
         3},
        {"grade.use_d = 1\ngrade.share_a_pct = 50\n", "line 2, column 1", 2},
        {"grade.share_a_pct = 50\ngrade.use_d = 1\n", "line 2, column 1", 2},
        {"grade.share_c_pct = 80\n\ngrade.use_d = 1\n", "line 3, column 1", 3},
        {"grade.use_d = 1\n\n\ngrade.share_c_pct = 80\n", "line 4, column 1", 4},
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        parse_fails(f, cases[i].text, strlen(cases[i].text), cases[i].where, "above 100");
        TU_PASS(f->fx.ctx, ccad_ctx_errpos(f->fx.ctx, &line, &col));
        assert_int_equal(line, cases[i].line);
        assert_int_equal(col, 1);
    }
}

/* The platform sum (cap_a + cap_b <= working_cap) is blamed on the member
 * named last, even when only working_cap is named (found by fuzzing). */
static void parse_platform_conflict_has_line(void **state)
{
    fixture *f = *state;
    uint32_t line = 0, col = 0;
    static const struct {
        const char *text;
        const char *where;
        uint32_t line;
    } cases[] = {
        /* 1.1: no fixed cap by default, so the texts name one; the
         * minimum (50) must not exceed it either */
        {"platform.working_min = 0\nplatform.working_cap = 40\n", "line 2, column 1", 2},
        {"platform.working_cap = 50\n# slots\nplatform.cap_b = 45\n", "line 3, column 1", 3},
        {"platform.working_min = 0\nplatform.cap_a = 30\n\nplatform.working_cap = 49\n",
         "line 4, column 1", 4},
        {"platform.working_cap = 49\n", "line 1, column 1", 1}, /* under working_min */
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        parse_fails(f, cases[i].text, strlen(cases[i].text), cases[i].where, "working_cap");
        TU_PASS(f->fx.ctx, ccad_ctx_errpos(f->fx.ctx, &line, &col));
        assert_int_equal(line, cases[i].line);
        assert_int_equal(col, 1);
    }
}

/* ccad_rules_set_text: keywords, masks, weekdays and integers; errors as
 * ccad_rules_set plus CCAD_EPARSE for text that is none of them. */
static void set_text_forms(void **state)
{
    fixture *f = *state;
    int64_t v = 0;
    TU_PASS(f->fx.ctx, ccad_rules_set_text(f->fx.r, "grade.method", "threshold"));
    TU_PASS(f->fx.ctx, ccad_rules_get(f->fx.r, "grade.method", &v));
    assert_int_equal(v, CCAD_GRADE_BY_THRESHOLD);
    TU_PASS(f->fx.ctx, ccad_rules_set_text(f->fx.r, "triage.band", "1"));
    TU_PASS(f->fx.ctx, ccad_rules_get(f->fx.r, "triage.band", &v));
    assert_int_equal(v, 1);
    TU_PASS(f->fx.ctx, ccad_rules_set_text(f->fx.r, "gap.grades", "ABC"));
    TU_PASS(f->fx.ctx, ccad_rules_get(f->fx.r, "gap.grades", &v));
    assert_int_equal(v, 7);
    TU_PASS(f->fx.ctx, ccad_rules_set_text(f->fx.r, "freq.work_days", "Mon+Wed+Fri"));
    TU_PASS(f->fx.ctx, ccad_rules_get(f->fx.r, "freq.work_days", &v));
    assert_int_equal(v, 1 | 4 | 16);
    TU_PASS(f->fx.ctx, ccad_rules_set_text(f->fx.r, "gap.max_days", "10"));
    TU_PASS(f->fx.ctx, ccad_rules_get(f->fx.r, "gap.max_days", &v));
    assert_int_equal(v, 10);
    /* only the named parameter changes */
    TU_PASS(f->fx.ctx, ccad_rules_get(f->fx.r, "grade.method", &v));
    assert_int_equal(v, CCAD_GRADE_BY_THRESHOLD);

    save(f);
    assert_int_equal(ccad_rules_set_text(f->fx.r, "gap.max_days", "999"), CCAD_ERANGE);
    assert_non_null(strstr(ccad_ctx_errmsg(f->fx.ctx), "gap.max_days"));
    assert_int_equal(ccad_rules_set_text(f->fx.r, "gap.alert_days", "5"), CCAD_ECONFLICT);
    assert_int_equal(ccad_rules_set_text(f->fx.r, "grade.method", "sideways"), CCAD_EPARSE);
    assert_int_equal(ccad_rules_set_text(f->fx.r, "gap.grades", "AA"), CCAD_EPARSE);
    assert_int_equal(ccad_rules_set_text(f->fx.r, "freq.work_days", "mon"), CCAD_EPARSE);
    assert_int_equal(ccad_rules_set_text(f->fx.r, "gap.max_days", ""), CCAD_EPARSE);
    assert_int_equal(ccad_rules_set_text(f->fx.r, "gap.max_days", "12x"), CCAD_EPARSE);
    assert_int_equal(ccad_rules_set_text(f->fx.r, "gap.nope", "1"), CCAD_ENOTFOUND);
    assert_int_equal(ccad_rules_set_text(f->fx.r, NULL, "1"), CCAD_EINVAL);
    assert_int_equal(ccad_rules_set_text(f->fx.r, "gap.max_days", NULL), CCAD_EINVAL);
    assert_int_equal(ccad_rules_set_text(NULL, "gap.max_days", "1"), CCAD_EINVAL);
    assert_true(ccad_rules_equal(f->fx.r, f->saved));
}

static void rules_ctx_accessor(void **state)
{
    fixture *f = *state;
    assert_ptr_equal(ccad_rules_ctx(f->fx.r), f->fx.ctx);
    assert_null(ccad_rules_ctx(NULL));
}

static void parse_accepts_comments_blank_crlf(void **state)
{
    fixture *f = *state;
    static const char t[] = "# header comment\n"
                            "\n"
                            "   \t  \n"
                            "gap.max_days = 10 # trailing comment\n"
                            "\tgap.alert_days=30#tight\r\n"
                            "  stall.after\t=\t4\t\r\n"
                            "grade.method = threshold   \n"
                            "    # indented comment = with = signs\n"
                            "gap.grades = ABC"; /* no final newline */
    TU_PASS(ccad_rules_ctx(f->fx.r), ccad_rules_set(f->fx.r, "patience.min_contacts", 9));
    TU_PASS(ccad_rules_ctx(f->fx.r), ccad_rules_parse(f->fx.r, t, sizeof t - 1));
    assert_true(get(f->fx.r, "gap.max_days") == 10);
    assert_true(get(f->fx.r, "gap.alert_days") == 30);
    assert_true(get(f->fx.r, "stall.after") == 4);
    assert_true(get(f->fx.r, "grade.method") == 1);
    assert_true(get(f->fx.r, "gap.grades") == 7);
    /* unnamed parameters return to their defaults */
    assert_true(get(f->fx.r, "patience.min_contacts") == 5);
}

static void parse_empty_and_defaults(void **state)
{
    fixture *f = *state;
    ccad_rules *def = NULL;
    TU_PASS(f->fx.ctx, ccad_rules_new(&def, f->fx.ctx));
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "gap.max_days", 10));
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "stall.after", 4));
    TU_PASS(f->fx.ctx, ccad_rules_parse(f->fx.r, "", 0));
    assert_true(ccad_rules_equal(f->fx.r, def));
    /* text need not be NUL-terminated; only len bytes are read */
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "gap.max_days", 10));
    TU_PASS(f->fx.ctx, ccad_rules_parse(f->fx.r, "stall.after = 4GARBAGE", 15));
    assert_true(get(f->fx.r, "stall.after") == 4);
    assert_true(get(f->fx.r, "gap.max_days") == 14); /* back to default */
    TU_PASS(f->fx.ctx, ccad_rules_parse(f->fx.r, "\n\n# only comments\n", 18));
    assert_true(ccad_rules_equal(f->fx.r, def));
    /* errors */
    save(f);
    assert_int_equal(ccad_rules_parse(NULL, "", 0), CCAD_EINVAL);
    TU_FAIL(f->fx.ctx, ccad_rules_parse(f->fx.r, NULL, 0), CCAD_EINVAL);
    assert_true(ccad_rules_equal(f->fx.r, f->saved));
    ccad_rules_free(def);
}

/* ---- copy / equal / free / new ---- */

static void copy_equal_free(void **state)
{
    fixture *f = *state;
    ccad_rules *c = NULL, *sentinel = (ccad_rules *)(void *)&c;
    ccad_ctx *ctx2 = NULL;
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "gap.max_days", 10));
    TU_PASS(f->fx.ctx, ccad_rules_copy(&c, f->fx.ctx, f->fx.r));
    assert_true(ccad_rules_equal(c, f->fx.r));
    assert_true(ccad_rules_equal(f->fx.r, c));
    assert_true(ccad_rules_equal(c, c));
    /* independent */
    TU_PASS(f->fx.ctx, ccad_rules_set(c, "gap.max_days", 11));
    assert_false(ccad_rules_equal(c, f->fx.r));
    assert_true(get(f->fx.r, "gap.max_days") == 10);
    ccad_rules_free(c);
    /* into another context */
    assert_int_equal(ccad_ctx_new(&ctx2, NULL), CCAD_OK);
    c = NULL;
    TU_PASS(ctx2, ccad_rules_copy(&c, ctx2, f->fx.r));
    assert_true(ccad_rules_equal(c, f->fx.r));
    ccad_rules_free(c);
    ccad_ctx_free(ctx2);
    /* errors */
    assert_int_equal(ccad_rules_copy(NULL, f->fx.ctx, f->fx.r), CCAD_EINVAL);
    c = sentinel;
    TU_FAIL(f->fx.ctx, ccad_rules_copy(&c, f->fx.ctx, NULL), CCAD_EINVAL);
    assert_null(c);
    c = sentinel;
    assert_int_equal(ccad_rules_copy(&c, NULL, f->fx.r), CCAD_EINVAL);
    assert_null(c);
    assert_int_equal(ccad_rules_equal(NULL, f->fx.r), 0);
    assert_int_equal(ccad_rules_equal(f->fx.r, NULL), 0);
    assert_int_equal(ccad_rules_equal(NULL, NULL), 0);
    ccad_rules_free(NULL);
}

static void new_errors(void **state)
{
    fixture *f = *state;
    ccad_rules *r = NULL;
    tu_alloc al;
    ccad_host h = tu_host(&al);
    ccad_ctx *ctx = NULL;
    assert_int_equal(ccad_rules_new(NULL, NULL), CCAD_EINVAL);
    TU_FAIL(f->fx.ctx, ccad_rules_new(NULL, f->fx.ctx), CCAD_EINVAL);
    /* allocator failure: out set to NULL, message recorded */
    TU_PASS(ctx, ccad_ctx_new(&ctx, &h));
    tu_fail_at(&al, 1, 0);
    r = (ccad_rules *)(void *)&r;
    TU_FAIL(ctx, ccad_rules_new(&r, ctx), CCAD_ENOMEM);
    assert_null(r);
    tu_fail_at(&al, 0, 0);
    TU_PASS(ctx, ccad_rules_new(&r, ctx));
    assert_int_equal(al.live, 2);
    ccad_rules_free(r);
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

/* Constructors set *out to NULL on every error, a NULL ctx included. */
static void new_null_ctx_sets_out_null(void **state)
{
    ccad_rules *r = (ccad_rules *)(void *)&r;
    (void)state;
    assert_int_equal(ccad_rules_new(&r, NULL), CCAD_EINVAL);
    assert_null(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        RULES_TEST(parse_strictness),
        RULES_TEST(parse_share_conflict_has_line),
        RULES_TEST(parse_grade_c_free_without_d),
        RULES_TEST(parse_errpos),
        RULES_TEST(parse_accepts_comments_blank_crlf),
        RULES_TEST(parse_platform_conflict_has_line),
        RULES_TEST(set_text_forms),
        RULES_TEST(rules_ctx_accessor),
        RULES_TEST(parse_empty_and_defaults),
        RULES_TEST(copy_equal_free),
        RULES_TEST(new_errors),
        RULES_TEST(new_null_ctx_sets_out_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
