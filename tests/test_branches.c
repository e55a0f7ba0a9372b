/* Branch coverage of the rules parser (lib/rules.c) and the storage
 * transaction code (lib/store.c): the cases tests/coverage.sh found no other
 * test taking. Each names the branch it is for; docs/reliability.md lists
 * the few branches that no input can reach. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fx {
    tu_fixture fx;     /* counting allocator, context, rules (and an unused book) */
    ccad_rules *saved; /* a second rule set */
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    ccad_host h;
    assert_non_null(f);
    h = tu_host(&f->fx.al);
    assert_int_equal(tu_fixture_open(&f->fx, &h), 0);
    TU_PASS(f->fx.ctx, ccad_rules_new(&f->saved, f->fx.ctx));
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    ccad_rules_free(f->saved);
    assert_int_equal(tu_fixture_close(&f->fx), 0);
    free(f);
    return 0;
}

/* ---- rules.c: conflict(), the platform sum with a focus parameter ---- */

static void set_platform_sum_each_member(void **state)
{
    fx *f = *state;
    int64_t cap = 0, a = 0, b = 0;
    /* 1.1 has no fixed cap by default (0); 1.0's was 50 */
    TU_PASS(f->fx.ctx, ccad_rules_get(f->fx.r, "platform.working_cap", &cap));
    assert_true(cap == 0);
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "platform.cap_a", 900)); /* no cap, no sum */
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "platform.cap_a", 20));
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "platform.working_cap", 50));
    TU_PASS(f->fx.ctx, ccad_rules_set(f->saved, "platform.working_cap", 50));
    TU_PASS(f->fx.ctx, ccad_rules_get(f->fx.r, "platform.working_cap", &cap));
    TU_PASS(f->fx.ctx, ccad_rules_get(f->fx.r, "platform.cap_a", &a));
    TU_PASS(f->fx.ctx, ccad_rules_get(f->fx.r, "platform.cap_b", &b));
    assert_true(a + b == cap && a < cap && b < cap); /* the defaults fill the cap */
    /* each member alone stays within the cap, the sum does not */
    TU_FAIL(f->fx.ctx, ccad_rules_set(f->fx.r, "platform.cap_a", a + 1), CCAD_ECONFLICT);
    assert_non_null(strstr(ccad_ctx_errmsg(f->fx.ctx), "platform.cap_a = "));
    assert_non_null(strstr(ccad_ctx_errmsg(f->fx.ctx), "above platform.working_cap"));
    TU_FAIL(f->fx.ctx, ccad_rules_set(f->fx.r, "platform.cap_b", b + 1), CCAD_ECONFLICT);
    assert_non_null(strstr(ccad_ctx_errmsg(f->fx.ctx), "platform.cap_b = "));
    TU_FAIL(f->fx.ctx, ccad_rules_set(f->fx.r, "platform.working_cap", cap - 1), CCAD_ECONFLICT);
    assert_non_null(strstr(ccad_ctx_errmsg(f->fx.ctx), "platform.working_cap = "));
    assert_true(ccad_rules_equal(f->fx.r, f->saved));
    /* room made first: accepted */
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "platform.working_cap", cap + 1));
    TU_PASS(f->fx.ctx, ccad_rules_set(f->fx.r, "platform.cap_a", a + 1));
}

/* ---- rules.c: the text parser's character classes and long tokens ---- */

static void parse_fail(fx *f, const char *text, uint32_t col, const char *needle)
{
    uint32_t line = 0, column = 0;
    TU_FAIL(f->fx.ctx, ccad_rules_parse(f->fx.r, text, strlen(text)), CCAD_EPARSE);
    if (strstr(ccad_ctx_errmsg(f->fx.ctx), needle) == NULL)
        fail_msg("'%s': message '%s' lacks '%s'", text, ccad_ctx_errmsg(f->fx.ctx), needle);
    TU_PASS(f->fx.ctx, ccad_ctx_errpos(f->fx.ctx, &line, &column));
    assert_int_equal(line, 1);
    assert_int_equal(column, col);
    assert_true(ccad_rules_equal(f->fx.r, f->saved)); /* all or nothing */
}

static void parse_chars_above_z(void **state)
{
    fx *f = *state;
    /* a key character above 'z' ends the key: '=' expected there */
    parse_fail(f, "gap.max_days| = 3\n", 13, "expected '=' after 'gap.max_days'");
    parse_fail(f, "gap.max_days~= 3\n", 13, "expected '='");
    /* a value character above 'z' ends the value */
    parse_fail(f, "gap.max_days = 3|\n", 17, "unexpected '|' after the value of gap.max_days");
    parse_fail(f, "gap.grades = AB{\n", 16, "unexpected '{'");
}

static void parse_long_tokens(void **state)
{
    fx *f = *state;
    char text[256], longv[64], longk[80];
    memset(longv, 'x', 45);
    longv[45] = '\0';
    memset(longk, 'k', 70);
    longk[70] = '\0';
    /* values longer than the 40 bytes quoted in the message */
    snprintf(text, sizeof text, "grade.method = %s\n", longv);
    parse_fail(
        f, text, 16,
        "grade.method takes rank or threshold, not 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'");
    assert_null(strstr(ccad_ctx_errmsg(f->fx.ctx), "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"));
    snprintf(text, sizeof text, "freq.work_days = %s\n", longv);
    parse_fail(f, text, 18, "freq.work_days takes distinct weekdays");
    assert_null(strstr(ccad_ctx_errmsg(f->fx.ctx), "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"));
    memset(longv, 'A', 45);
    snprintf(text, sizeof text, "gap.grades = %s\n", longv);
    parse_fail(f, text, 14, "gap.grades takes distinct grade letters A-D or none");
    assert_null(strstr(ccad_ctx_errmsg(f->fx.ctx), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    longv[0] = '1';
    memset(longv + 1, 'y', 44);
    snprintf(text, sizeof text, "gap.max_days = %s\n", longv);
    parse_fail(f, text, 16, "gap.max_days needs an integer, not '1yyy");
    assert_null(strstr(ccad_ctx_errmsg(f->fx.ctx), "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"));
    /* keys longer than the 60 bytes quoted */
    snprintf(text, sizeof text, "%s 3\n", longk);
    parse_fail(f, text, 72,
               "expected '=' after 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk'");
    snprintf(text, sizeof text, "%s = 3\n", longk);
    parse_fail(f, text, 1,
               "unknown parameter 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk'");
    assert_null(strstr(ccad_ctx_errmsg(f->fx.ctx),
                       "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk"));
}

static void mask_with_digit_or_sign(void **state)
{
    fx *f = *state;
    /* a mask that starts with a letter but holds a character below 'A' */
    parse_fail(f, "gap.grades = A1\n", 14,
               "gap.grades takes distinct grade letters A-D or none, not 'A1'");
    parse_fail(f, "gap.grades = B-\n", 14, "not 'B-'");
    TU_FAIL(f->fx.ctx, ccad_rules_set_text(f->fx.r, "keepwarm.grades", "A+B"), CCAD_EPARSE);
    assert_true(ccad_rules_equal(f->fx.r, f->saved));
}

/* ---- store.c: ids refused before any callback; iterate misbehaving ---- */

typedef struct st {
    int calls;
    int mode; /* 0: one good customer; 1: NULL customer; 2: customer without id */
    int rolled_back;
} st;

static int s_begin(void *u)
{
    ((st *)u)->calls++;
    return 0;
}
static int s_commit(void *u)
{
    ((st *)u)->calls++;
    return 0;
}
static int s_rollback(void *u)
{
    ((st *)u)->calls++;
    ((st *)u)->rolled_back++;
    return 0;
}
static int s_load(void *u, const char *id, ccad_customer *out, int *found)
{
    (void)id;
    (void)out;
    ((st *)u)->calls++;
    *found = 0;
    return 0;
}
static int s_save(void *u, const ccad_customer *c)
{
    (void)c;
    ((st *)u)->calls++;
    return 0;
}
static int s_append(void *u, const char *id, const ccad_contact *k)
{
    (void)id;
    (void)k;
    ((st *)u)->calls++;
    return 0;
}
static int s_iterate(void *u, ccad_store_each_fn each, void *each_user)
{
    st *s = u;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    int stop;
    s->calls++;
    c.id = "good";
    if (each(each_user, &c) != 0)
        return 1;
    if (s->mode == 1)
        stop = each(each_user, NULL);
    else {
        c.id = s->mode == 2 ? NULL : "other";
        stop = each(each_user, &c);
    }
    /* a careless host goes on after each() said stop: the library refuses
     * the next customer too */
    if (stop && each(each_user, &c) == 0)
        return 0;
    return stop;
}

static ccad_ctx *store_ctx(tu_alloc *al, st *s)
{
    ccad_host h = tu_host(al);
    ccad_store sc = CCAD_STORE_INIT;
    ccad_ctx *ctx = NULL;
    TU_PASS(ctx, ccad_ctx_new(&ctx, &h));
    sc.user = s;
    sc.begin = s_begin;
    sc.commit = s_commit;
    sc.rollback = s_rollback;
    sc.load = s_load;
    sc.save = s_save;
    sc.append_contact = s_append;
    sc.iterate = s_iterate;
    TU_PASS(ctx, ccad_ctx_set_store(ctx, &sc));
    return ctx;
}

static void load_customer_bad_ids(void **state)
{
    tu_alloc al;
    st s;
    ccad_ctx *ctx;
    ccad_book *b = NULL;
    char id[CCAD_ID_MAX + 2];
    size_t at = 77;
    (void)state;
    memset(&s, 0, sizeof s);
    ctx = store_ctx(&al, &s);
    TU_PASS(ctx, ccad_book_new(&b, ctx, 0));
    TU_FAIL(ctx, ccad_store_load_customer(b, "", &at), CCAD_EINVAL);
    assert_non_null(strstr(ccad_ctx_errmsg(ctx), "id is empty or longer than 64 bytes"));
    memset(id, 'i', CCAD_ID_MAX + 1);
    id[CCAD_ID_MAX + 1] = '\0';
    TU_FAIL(ctx, ccad_store_load_customer(b, id, &at), CCAD_EINVAL);
    id[CCAD_ID_MAX] = '\0'; /* 64 bytes: asked for, not in the store */
    TU_FAIL(ctx, ccad_store_load_customer(b, id, &at), CCAD_ENOTFOUND);
    assert_int_equal(at, 77);
    assert_int_equal(s.calls, 3); /* begin, load, commit: only for the valid id */
    ccad_book_free(b);
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

static void load_book_iterate_gives_bad_customers(void **state)
{
    static const char *want[] = {"iterate gave NULL", "stored customer '(no id)'"};
    int mode;
    (void)state;
    for (mode = 1; mode <= 2; mode++) {
        tu_alloc al;
        st s;
        ccad_ctx *ctx;
        ccad_book *out = (ccad_book *)&out;
        memset(&s, 0, sizeof s);
        s.mode = mode;
        ctx = store_ctx(&al, &s);
        TU_FAIL(ctx, ccad_store_load_book(&out, ctx), CCAD_EINVAL);
        if (strstr(ccad_ctx_errmsg(ctx), want[mode - 1]) == NULL)
            fail_msg("mode %d: '%s' lacks '%s'", mode, ccad_ctx_errmsg(ctx), want[mode - 1]);
        assert_null(out);
        assert_int_equal(s.rolled_back, 1);
        ccad_ctx_free(ctx);
        assert_int_equal(al.live, 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(set_platform_sum_each_member, setup, teardown),
        cmocka_unit_test_setup_teardown(parse_chars_above_z, setup, teardown),
        cmocka_unit_test_setup_teardown(parse_long_tokens, setup, teardown),
        cmocka_unit_test_setup_teardown(mask_with_digit_or_sign, setup, teardown),
        cmocka_unit_test(load_customer_bad_ids),
        cmocka_unit_test(load_book_iterate_gives_bad_customers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
