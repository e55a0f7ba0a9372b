/* The error-message convention (docs/design.md, "Errors"): every failing
 * call leaves a message that starts with the name of the API function
 * called, also when the failure comes from a host callback or from a
 * helper that several API functions share. */
#include "testutil.h"

#include <string.h>

/* Fails the test unless the context's message starts with "fn: ". */
static void named(ccad_ctx *ctx, const char *fn)
{
    const char *msg = ccad_ctx_errmsg(ctx);
    size_t n = strlen(fn);
    if (strncmp(msg, fn, n) != 0 || msg[n] != ':' || msg[n + 1] != ' ')
        fail_msg("message of %s does not start with its name: \"%s\"", fn, msg);
}

static int failing_clock(void *user, int64_t *out)
{
    (void)user;
    *out = 0;
    return -1;
}

static int far_clock(void *user, int64_t *out)
{
    (void)user;
    *out = INT64_MAX;
    return 0;
}

static int failing_calendar(void *user, int32_t day, uint32_t *out)
{
    (void)user;
    (void)day;
    *out = 0;
    return -1;
}

/* The context's own calls to the host: clock and calendar. */
static void host_callbacks_named(void **state)
{
    tu_alloc al;
    ccad_host h = tu_host(&al);
    ccad_ctx *ctx = NULL;
    int32_t day = 0;
    uint32_t flags = 0;
    (void)state;
    memset(&al, 0, sizeof al);
    h = tu_host(&al);
    h.clock = failing_clock;
    h.calendar = failing_calendar;
    assert_int_equal(ccad_ctx_new(&ctx, &h), CCAD_OK);
    assert_int_equal(ccad_ctx_today(ctx, &day), CCAD_ECALLBACK);
    named(ctx, "ccad_ctx_today");
    assert_int_equal(ccad_ctx_day_flags(ctx, &flags, 20000), CCAD_ECALLBACK);
    named(ctx, "ccad_ctx_day_flags");
    ccad_ctx_free(ctx);
    h.clock = far_clock;
    assert_int_equal(ccad_ctx_new(&ctx, &h), CCAD_OK);
    assert_int_equal(ccad_ctx_today(ctx, &day), CCAD_ERANGE);
    named(ctx, "ccad_ctx_today");
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

/* The book's and the rules' messages, the translated ones included. */
static void book_and_rules_named(void **state)
{
    tu_alloc al;
    ccad_host h = tu_host(&al);
    ccad_ctx *ctx = NULL;
    ccad_rules *r = NULL;
    ccad_book *b = NULL;
    size_t at = 0;
    int lang;
    static const char bad_text[] = "gap.max_days = 3\ngap.max_day = 4\n";
    (void)state;
    assert_int_equal(ccad_ctx_new(&ctx, &h), CCAD_OK);
    assert_int_equal(ccad_rules_new(&r, ctx), CCAD_OK);
    assert_int_equal(ccad_book_new(&b, ctx, 0), CCAD_OK);
    assert_int_equal(ccad_book_find(b, "nobody", &at), CCAD_ENOTFOUND);
    named(ctx, "ccad_book_find");
    assert_int_equal(ccad_book_find(b, "", &at), CCAD_ENOTFOUND);
    named(ctx, "ccad_book_find");
    for (lang = 0; lang < CCAD_LANG_COUNT; lang++) {
        assert_int_equal(ccad_ctx_set_lang(ctx, lang), CCAD_OK);
        assert_int_equal(ccad_rules_parse(r, bad_text, strlen(bad_text)), CCAD_EPARSE);
        named(ctx, "ccad_rules_parse");
        assert_int_equal(ccad_rules_parse(r, "gap.max_days = 30\n", 18), CCAD_EPARSE);
        named(ctx, "ccad_rules_parse"); /* a constraint broken: above gap.alert_days */
        assert_int_equal(ccad_rules_set(r, "gap.max_day", 3), CCAD_ENOTFOUND);
        named(ctx, "ccad_rules_set");
        assert_int_equal(ccad_rules_set(r, "stall.after", 0), CCAD_ERANGE);
        named(ctx, "ccad_rules_set");
        assert_int_equal(ccad_rules_set(r, "gap.max_days", 300), CCAD_ECONFLICT);
        named(ctx, "ccad_rules_set");
        assert_int_equal(ccad_rules_set_text(r, "gap.max_days", "300"), CCAD_ECONFLICT);
        named(ctx, "ccad_rules_set_text");
        assert_int_equal(ccad_rules_set_text(r, "gap.max_days", "x"), CCAD_EPARSE);
        named(ctx, "ccad_rules_set_text");
        assert_int_equal(ccad_rules_set_text(r, "gap.max_days", "99999"), CCAD_ERANGE);
        named(ctx, "ccad_rules_set_text");
        assert_int_equal(ccad_rules_set_text(r, "gap.max_days", ""), CCAD_EPARSE);
        named(ctx, "ccad_rules_set_text");
        assert_int_equal(ccad_rules_set_text(r, "nope", "1"), CCAD_ENOTFOUND);
        named(ctx, "ccad_rules_set_text");
    }
    ccad_book_free(b);
    ccad_rules_free(r);
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(host_callbacks_named),
        cmocka_unit_test(book_and_rules_named),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
