/* Context: creation, host validation, clock, calendar, errors, version,
 * realloc emulation. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- host callbacks ---- */

typedef struct clock_state {
    int64_t secs;
    int fail;
    int calls;
} clock_state;

static int test_clock(void *user, int64_t *out)
{
    clock_state *s = user;
    s->calls++;
    if (s->fail)
        return -1;
    *out = s->secs;
    return 0;
}

typedef struct cal_state {
    int32_t holiday, absent, special;
    uint32_t raw; /* returned for every other day */
    int fail;
    int32_t last_day;
} cal_state;

static int test_calendar(void *user, int32_t day, uint32_t *out)
{
    cal_state *s = user;
    s->last_day = day;
    if (s->fail)
        return 7;
    if (day == s->holiday)
        *out = CCAD_DAY_WORKING | CCAD_DAY_HOLIDAY;
    else if (day == s->absent)
        *out = CCAD_DAY_WORKING | CCAD_DAY_ABSENT;
    else if (day == s->special)
        *out = CCAD_DAY_WORKING | CCAD_DAY_SPECIAL;
    else
        *out = s->raw;
    return 0;
}

static void *only_alloc(void *user, size_t n)
{
    (void)user;
    return malloc(n);
}

static void only_free(void *user, void *p)
{
    (void)user;
    free(p);
}

/* ---- tests ---- */

static void new_with_null_host_uses_defaults(void **state)
{
    ccad_ctx *ctx = (ccad_ctx *)(void *)&ctx;
    int32_t day = 77;
    uint32_t flags = 0;
    ccad_rules *r = NULL;
    (void)state;
    TU_PASS(ctx, ccad_ctx_new(&ctx, NULL));
    assert_non_null(ctx);
    assert_string_equal(ccad_ctx_errmsg(ctx), "");
    TU_PASS(ctx, ccad_ctx_errcode(ctx));
    /* default allocator works */
    TU_PASS(ctx, ccad_rules_new(&r, ctx));
    ccad_rules_free(r);
    /* no clock */
    TU_FAIL(ctx, ccad_ctx_today(ctx, &day), CCAD_ENOTSUP);
    assert_int_equal(day, 77);
    /* default calendar: Monday..Friday */
    TU_PASS(ctx, ccad_ctx_day_flags(ctx, &flags, tu_date("2026-11-23")));
    assert_int_equal(flags, CCAD_DAY_WORKING);
    ccad_ctx_free(ctx);
    ccad_ctx_free(NULL);
}

static void new_errors(void **state)
{
    ccad_ctx *ctx = (ccad_ctx *)(void *)&ctx;
    ccad_host h = CCAD_HOST_INIT;
    tu_alloc al;
    (void)state;
    assert_int_equal(ccad_ctx_new(NULL, NULL), CCAD_EINVAL);
    assert_int_equal(ccad_ctx_new(NULL, &h), CCAD_EINVAL);

    /* alloc without free */
    h.alloc = only_alloc;
    ctx = (ccad_ctx *)(void *)&ctx;
    assert_int_equal(ccad_ctx_new(&ctx, &h), CCAD_EINVAL);
    assert_null(ctx);
    /* free without alloc */
    h.alloc = NULL;
    h.free = only_free;
    ctx = (ccad_ctx *)(void *)&ctx;
    assert_int_equal(ccad_ctx_new(&ctx, &h), CCAD_EINVAL);
    assert_null(ctx);

    /* sizes */
    h = tu_host(&al);
    h.size = 0;
    ctx = (ccad_ctx *)(void *)&ctx;
    assert_int_equal(ccad_ctx_new(&ctx, &h), CCAD_EVERSION);
    assert_null(ctx);
    h.size = (uint32_t)sizeof(ccad_host) - 1;
    ctx = (ccad_ctx *)(void *)&ctx;
    assert_int_equal(ccad_ctx_new(&ctx, &h), CCAD_EVERSION);
    assert_null(ctx);
    h.size = (uint32_t)sizeof(uint32_t);
    assert_int_equal(ccad_ctx_new(&ctx, &h), CCAD_EVERSION);
    assert_int_equal(al.calls, 0); /* nothing allocated on failure */
    assert_int_equal(al.live, 0);

    /* the counting allocator is used and released */
    h = tu_host(&al);
    TU_PASS(ctx, ccad_ctx_new(&ctx, &h));
    assert_int_equal(al.live, 1);
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);

    /* ENOMEM: no context, out set to NULL */
    h = tu_host(&al);
    tu_fail_at(&al, 1, 0);
    ctx = (ccad_ctx *)(void *)&ctx;
    assert_int_equal(ccad_ctx_new(&ctx, &h), CCAD_ENOMEM);
    assert_null(ctx);
    assert_int_equal(al.live, 0);
}

/* host->size must equal the size this version knows: a larger one (from a
 * newer header) is refused with CCAD_EVERSION, out set to NULL. */
static void new_rejects_unknown_larger_size(void **state)
{
    ccad_ctx *ctx = NULL;
    ccad_host h = CCAD_HOST_INIT;
    static const uint32_t extra[] = {1, 4, 8, 64, 4096};
    size_t i;
    (void)state;
    assert_int_equal(h.size, sizeof(ccad_host));
    for (i = 0; i < sizeof extra / sizeof extra[0]; i++) {
        h.size = (uint32_t)sizeof(ccad_host) + extra[i];
        ctx = (ccad_ctx *)(void *)&ctx;
        assert_int_equal(ccad_ctx_new(&ctx, &h), CCAD_EVERSION);
        assert_null(ctx);
    }
    h.size = UINT32_MAX;
    ctx = (ccad_ctx *)(void *)&ctx;
    assert_int_equal(ccad_ctx_new(&ctx, &h), CCAD_EVERSION);
    assert_null(ctx);
    /* the exact size works */
    h.size = (uint32_t)sizeof(ccad_host);
    TU_PASS(ctx, ccad_ctx_new(&ctx, &h));
    assert_non_null(ctx);
    ccad_ctx_free(ctx);
}

static void host_is_copied(void **state)
{
    ccad_ctx *ctx = NULL;
    ccad_host h = CCAD_HOST_INIT;
    clock_state cs = {86400 * 3, 0, 0};
    int32_t day = 0;
    (void)state;
    h.user = &cs;
    h.clock = test_clock;
    TU_PASS(ctx, ccad_ctx_new(&ctx, &h));
    h.clock = NULL; /* later changes have no effect */
    h.user = NULL;
    TU_PASS(ctx, ccad_ctx_today(ctx, &day));
    assert_int_equal(day, 3);
    assert_int_equal(cs.calls, 1);
    ccad_ctx_free(ctx);
}

static void today_from_clock(void **state)
{
    ccad_ctx *ctx = NULL;
    ccad_host h = CCAD_HOST_INIT;
    clock_state cs = {0, 0, 0};
    int32_t day = 0;
    struct {
        int64_t secs;
        int32_t day;
    } cases[] = {
        {0, 0},
        {1, 0},
        {86399, 0},
        {86400, 1},
        {-1, -1},
        {-86399, -1},
        {-86400, -1},
        {-86401, -2},
        {(int64_t)20780 * 86400 + 43200, 20780},
        {(int64_t)CCAD_DATE_MAX * 86400 + 86399, CCAD_DATE_MAX},
        {(int64_t)CCAD_DATE_MIN * 86400, CCAD_DATE_MIN},
    };
    size_t i;
    (void)state;
    h.user = &cs;
    h.clock = test_clock;
    TU_PASS(ctx, ccad_ctx_new(&ctx, &h));
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cs.secs = cases[i].secs;
        day = 123456;
        TU_PASS(ctx, ccad_ctx_today(ctx, &day));
        assert_int_equal(day, cases[i].day);
    }
    assert_int_equal(ccad_ctx_today(NULL, &day), CCAD_EINVAL);
    TU_FAIL(ctx, ccad_ctx_today(ctx, NULL), CCAD_EINVAL);

    /* failing callback */
    cs.fail = 1;
    day = 99;
    TU_FAIL(ctx, ccad_ctx_today(ctx, &day), CCAD_ECALLBACK);
    assert_non_null(strstr(ccad_ctx_errmsg(ctx), "clock"));
    assert_int_equal(day, 99);
    cs.fail = 0;

    /* instants outside years 1..9999 */
    cs.secs = (int64_t)(CCAD_DATE_MAX + 1) * 86400;
    TU_FAIL(ctx, ccad_ctx_today(ctx, &day), CCAD_ERANGE);
    cs.secs = (int64_t)CCAD_DATE_MIN * 86400 - 1;
    TU_FAIL(ctx, ccad_ctx_today(ctx, &day), CCAD_ERANGE);
    cs.secs = INT64_MAX;
    TU_FAIL(ctx, ccad_ctx_today(ctx, &day), CCAD_ERANGE);
    cs.secs = INT64_MIN + 86400;
    TU_FAIL(ctx, ccad_ctx_today(ctx, &day), CCAD_ERANGE);
    assert_int_equal(day, 99);
    ccad_ctx_free(ctx);
}

/* A clock reporting INT64_MIN seconds (far outside years 1..9999) gives
 * CCAD_ERANGE, computed without signed overflow (checked under UBSan). */
static void today_int64_min(void **state)
{
    ccad_ctx *ctx = NULL;
    ccad_host h = CCAD_HOST_INIT;
    clock_state cs = {INT64_MIN, 0, 0};
    int32_t day = 5;
    (void)state;
    h.user = &cs;
    h.clock = test_clock;
    TU_PASS(ctx, ccad_ctx_new(&ctx, &h));
    TU_FAIL(ctx, ccad_ctx_today(ctx, &day), CCAD_ERANGE);
    assert_int_equal(day, 5);
    ccad_ctx_free(ctx);
}

static void day_flags_default(void **state)
{
    ccad_ctx *ctx = NULL;
    uint32_t flags = 0;
    int32_t monday = tu_date("2026-11-23"), d;
    (void)state;
    TU_PASS(ctx, ccad_ctx_new(&ctx, NULL));
    for (d = monday; d < monday + 14; d++) {
        int wd = 0;
        flags = 0xffu;
        assert_int_equal(ccad_date_weekday(&wd, d), CCAD_OK);
        TU_PASS(ctx, ccad_ctx_day_flags(ctx, &flags, d));
        assert_int_equal(flags, wd <= 5 ? (uint32_t)CCAD_DAY_WORKING : 0u);
    }
    /* extremes: 0001-01-01 Monday, 9999-12-31 Friday */
    TU_PASS(ctx, ccad_ctx_day_flags(ctx, &flags, CCAD_DATE_MIN));
    assert_int_equal(flags, CCAD_DAY_WORKING);
    TU_PASS(ctx, ccad_ctx_day_flags(ctx, &flags, CCAD_DATE_MAX));
    assert_int_equal(flags, CCAD_DAY_WORKING);
    /* errors */
    flags = 0x55;
    assert_int_equal(ccad_ctx_day_flags(NULL, &flags, 0), CCAD_EINVAL);
    {
        int32_t day;
        /* (tu_mark itself uses this call, so check it by hand) */
        assert_int_equal(ccad_ctx_today(ctx, &day), CCAD_ENOTSUP);
        assert_int_equal(ccad_ctx_day_flags(ctx, NULL, 0), CCAD_EINVAL);
        assert_int_equal(ccad_ctx_errcode(ctx), CCAD_EINVAL);
        assert_non_null(strstr(ccad_ctx_errmsg(ctx), "out_flags"));
    }
    TU_FAIL(ctx, ccad_ctx_day_flags(ctx, &flags, CCAD_DATE_MAX + 1), CCAD_ERANGE);
    TU_FAIL(ctx, ccad_ctx_day_flags(ctx, &flags, CCAD_DATE_MIN - 1), CCAD_ERANGE);
    TU_FAIL(ctx, ccad_ctx_day_flags(ctx, &flags, CCAD_NO_DATE), CCAD_ERANGE);
    assert_int_equal(flags, 0x55);
    ccad_ctx_free(ctx);
}

static void day_flags_calendar(void **state)
{
    ccad_ctx *ctx = NULL;
    ccad_host h = CCAD_HOST_INIT;
    cal_state cs;
    uint32_t flags = 0;
    int32_t base = tu_date("2026-12-21");
    (void)state;
    memset(&cs, 0, sizeof cs);
    cs.holiday = base + 4; /* 2026-12-25 */
    cs.absent = base + 1;
    cs.special = base + 2;
    cs.raw = CCAD_DAY_WORKING | 0xf0u; /* unknown bits are dropped */
    h.user = &cs;
    h.calendar = test_calendar;
    TU_PASS(ctx, ccad_ctx_new(&ctx, &h));
    TU_PASS(ctx, ccad_ctx_day_flags(ctx, &flags, base + 4));
    assert_int_equal(cs.last_day, base + 4);
    assert_int_equal(flags, CCAD_DAY_HOLIDAY); /* holiday clears WORKING */
    TU_PASS(ctx, ccad_ctx_day_flags(ctx, &flags, base + 1));
    /* an absence is a working day covered by the substitute: WORKING stays */
    assert_int_equal(flags, CCAD_DAY_WORKING | CCAD_DAY_ABSENT);
    TU_PASS(ctx, ccad_ctx_day_flags(ctx, &flags, base + 2));
    assert_int_equal(flags, CCAD_DAY_WORKING | CCAD_DAY_SPECIAL);
    TU_PASS(ctx, ccad_ctx_day_flags(ctx, &flags, base));
    assert_int_equal(flags, CCAD_DAY_WORKING);
    /* The calendar decides, even for a Sunday. */
    TU_PASS(ctx, ccad_ctx_day_flags(ctx, &flags, base + 6));
    assert_int_equal(flags, CCAD_DAY_WORKING);
    /* away on a day that is not working is no absence: ABSENT is dropped */
    cs.raw = CCAD_DAY_ABSENT | CCAD_DAY_SPECIAL;
    TU_PASS(ctx, ccad_ctx_day_flags(ctx, &flags, base + 5));
    assert_int_equal(flags, CCAD_DAY_SPECIAL);
    cs.raw = CCAD_DAY_ABSENT;
    TU_PASS(ctx, ccad_ctx_day_flags(ctx, &flags, base + 5));
    assert_int_equal(flags, 0u);
    /* a holiday clears WORKING, and with it the absence */
    cs.raw = CCAD_DAY_WORKING | CCAD_DAY_HOLIDAY | CCAD_DAY_ABSENT;
    TU_PASS(ctx, ccad_ctx_day_flags(ctx, &flags, base + 3));
    assert_int_equal(flags, CCAD_DAY_HOLIDAY);
    cs.raw = CCAD_DAY_WORKING | CCAD_DAY_ABSENT | CCAD_DAY_SPECIAL | 0x100u;
    TU_PASS(ctx, ccad_ctx_day_flags(ctx, &flags, base + 3));
    assert_int_equal(flags, CCAD_DAY_WORKING | CCAD_DAY_ABSENT | CCAD_DAY_SPECIAL);
    cs.fail = 1;
    flags = 0x77;
    TU_FAIL(ctx, ccad_ctx_day_flags(ctx, &flags, base), CCAD_ECALLBACK);
    assert_non_null(strstr(ccad_ctx_errmsg(ctx), "calendar"));
    assert_int_equal(flags, 0x77);
    /* the range is checked before the callback is called */
    cs.last_day = 0;
    TU_FAIL(ctx, ccad_ctx_day_flags(ctx, &flags, CCAD_DATE_MAX + 1), CCAD_ERANGE);
    assert_int_equal(cs.last_day, 0);
    ccad_ctx_free(ctx);
}

static void strerror_all(void **state)
{
    static const struct {
        int code;
        const char *text;
    } t[] = {
        {CCAD_OK, "success"},
        {CCAD_EINVAL, "invalid argument"},
        {CCAD_ENOMEM, "out of memory"},
        {CCAD_ERANGE, "value out of range"},
        {CCAD_EPARSE, "malformed rules text"},
        {CCAD_ENOTFOUND, "not found"},
        {CCAD_EEXIST, "already exists"},
        {CCAD_EOVERFLOW, "count or size would overflow"},
        {CCAD_ENOSPC, "buffer too small"},
        {CCAD_ESTALE, "grades out of date"},
        {CCAD_ECALLBACK, "host callback failed"},
        {CCAD_EVERSION, "struct size not supported"},
        {CCAD_ENOTSUP, "host callback not provided"},
        {CCAD_ECONFLICT, "conflicts with another value"},
        {CCAD_EBUSY, "context busy in a callback"},
    };
    size_t i, j;
    (void)state;
    /* numbers fixed forever */
    assert_int_equal(CCAD_EINVAL, -1);
    assert_int_equal(CCAD_ECONFLICT, -13);
    assert_int_equal(CCAD_EBUSY, -14);
    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        const char *s = ccad_strerror(t[i].code);
        assert_non_null(s);
        assert_string_equal(s, t[i].text);
        for (j = 0; j < i; j++)
            assert_string_not_equal(s, ccad_strerror(t[j].code));
    }
    assert_string_equal(ccad_strerror(-15), "unknown error");
    assert_string_equal(ccad_strerror(1), "unknown error");
    assert_string_equal(ccad_strerror(INT32_MIN), "unknown error");
    assert_string_equal(ccad_strerror(INT32_MAX), "unknown error");
}

static void errmsg_null_ctx(void **state)
{
    (void)state;
    assert_string_equal(ccad_ctx_errmsg(NULL), "no context");
    assert_int_equal(ccad_ctx_errcode(NULL), CCAD_EINVAL);
}

static void errmsg_tracks_latest_failure(void **state)
{
    ccad_ctx *ctx = NULL;
    int32_t day;
    uint32_t f;
    (void)state;
    TU_PASS(ctx, ccad_ctx_new(&ctx, NULL));
    assert_int_equal(ccad_ctx_today(ctx, &day), CCAD_ENOTSUP);
    assert_int_equal(ccad_ctx_errcode(ctx), CCAD_ENOTSUP);
    assert_non_null(strstr(ccad_ctx_errmsg(ctx), "clock"));
    /* a success does not clear the last failure */
    TU_PASS(ctx, ccad_ctx_day_flags(ctx, &f, 0));
    assert_int_equal(ccad_ctx_errcode(ctx), CCAD_ENOTSUP);
    assert_int_equal(ccad_ctx_day_flags(ctx, &f, CCAD_NO_DATE), CCAD_ERANGE);
    assert_int_equal(ccad_ctx_errcode(ctx), CCAD_ERANGE);
    assert_true(strlen(ccad_ctx_errmsg(ctx)) > 0);
    ccad_ctx_free(ctx);
}

static void version(void **state)
{
    char want[32];
    (void)state;
    assert_int_equal(ccad_version_number(), CCAD_VERSION_NUMBER);
    assert_int_equal(CCAD_VERSION_NUMBER,
                     CCAD_VERSION_MAJOR * 10000 + CCAD_VERSION_MINOR * 100 + CCAD_VERSION_PATCH);
    assert_non_null(ccad_version_string());
    assert_string_equal(ccad_version_string(), CCAD_VERSION_STRING);
    snprintf(want, sizeof want, "%d.%d.%d", CCAD_VERSION_MAJOR, CCAD_VERSION_MINOR,
             CCAD_VERSION_PATCH);
    assert_string_equal(ccad_version_string(), want);
}

static void twins(void **state)
{
    (void)state;
    assert_int_equal(ccad_id_max(), CCAD_ID_MAX);
    assert_int_equal(ccad_reasons_max(), CCAD_REASONS_MAX);
}

static void realloc_emulation(void **state)
{
    tu_alloc al;
    ccad_host h = tu_host(&al);
    ccad_ctx *ctx = NULL;
    ccad_book *b = NULL;
    char id[CCAD_ID_MAX + 1];
    size_t i, at, n = 5000;
    (void)state;
    h.realloc = NULL; /* alloc and free only: the library emulates realloc */
    TU_PASS(ctx, ccad_ctx_new(&ctx, &h));
    TU_PASS(ctx, ccad_book_new(&b, ctx, 0));
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        /* ids of varying length (up to 64) so the id arena grows too */
        int len = snprintf(id, sizeof id, "cust-%lu-", (unsigned long)i);
        while (len < (int)(i % 60) + 5 && len < CCAD_ID_MAX)
            id[len++] = (char)('a' + (char)(i % 26));
        id[len] = '\0';
        c.id = id;
        c.value = (int64_t)i * 7;
        c.last_contact = (int32_t)(i % 1000);
        TU_PASS(ctx, ccad_book_add(b, &c, &at));
        assert_int_equal(at, i);
    }
    assert_int_equal(ccad_book_count(b), n);
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        int len = snprintf(id, sizeof id, "cust-%lu-", (unsigned long)i);
        while (len < (int)(i % 60) + 5 && len < CCAD_ID_MAX)
            id[len++] = (char)('a' + (char)(i % 26));
        id[len] = '\0';
        TU_PASS(ctx, ccad_book_find(b, id, &at));
        assert_int_equal(at, i);
        TU_PASS(ctx, ccad_book_get(b, i, &c));
        assert_string_equal(c.id, id);
        assert_true(c.value == (int64_t)i * 7);
        assert_int_equal(c.last_contact, (int32_t)(i % 1000));
    }
    assert_true(al.calls > 10);
    ccad_book_free(b);
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(new_with_null_host_uses_defaults),
        cmocka_unit_test(new_errors),
        cmocka_unit_test(new_rejects_unknown_larger_size),
        cmocka_unit_test(host_is_copied),
        cmocka_unit_test(today_from_clock),
        cmocka_unit_test(day_flags_default),
        cmocka_unit_test(day_flags_calendar),
        cmocka_unit_test(strerror_all),
        cmocka_unit_test(errmsg_null_ctx),
        cmocka_unit_test(errmsg_tracks_latest_failure),
        cmocka_unit_test(version),
        cmocka_unit_test(twins),
        cmocka_unit_test(realloc_emulation),
        /* last: under UBSan (-fno-sanitize-recover) the bug aborts the program */
        cmocka_unit_test(today_int64_min),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
