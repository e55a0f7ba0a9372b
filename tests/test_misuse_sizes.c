/* Misuse: bad struct sizes (0, too small, one short, one over, too large)
 * for every size-versioned struct; 10 MB ids, names and rules lines; random
 * and NUL-laden rules text. World and MUST_FAIL: tests/misuse_env.h. */
#include "misuse_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* 4. Struct sizes                                                            */

/* Room for any struct plus slack, so that a size claiming more than the
 * struct never makes the library read past the object. */
typedef union anystruct {
    ccad_host host;
    ccad_param_info pi;
    ccad_customer cu;
    ccad_contact co;
    ccad_store st;
    ccad_assessment as;
    ccad_plan_options po;
    ccad_item it;
    ccad_finding fi;
    ccad_workload wl;
    ccad_platform pl;
    ccad_day dy;
    ccad_route_options ro;
    ccad_route_times rt;
    unsigned char slack[4096];
} anystruct;

enum {
    SZ_HOST,
    SZ_PARAM_INFO,
    SZ_CUSTOMER_ADD,
    SZ_CUSTOMER_GET,
    SZ_CUSTOMER_UPDATE,
    SZ_CONTACT,
    SZ_CONTACT_STORE,
    SZ_STORE,
    SZ_ASSESSMENT,
    SZ_PLAN_OPTIONS,
    SZ_ITEM,
    SZ_FINDING,
    SZ_WORKLOAD,
    SZ_PLATFORM,
    SZ_DAY,
    SZ_ROUTE_OPTIONS,
    SZ_ROUTE_TW_OPTIONS,
    SZ_ROUTE_TIMES,
    SZ_BRIEF,
    SZ_N
};

static const char *const sz_names[SZ_N] = {"ccad_host (ccad_ctx_new)",
                                           "ccad_param_info",
                                           "ccad_customer (ccad_book_add)",
                                           "ccad_customer (ccad_book_get)",
                                           "ccad_customer (ccad_book_update)",
                                           "ccad_contact (ccad_book_record)",
                                           "ccad_contact (ccad_store_record)",
                                           "ccad_store",
                                           "ccad_assessment",
                                           "ccad_plan_options",
                                           "ccad_item",
                                           "ccad_finding",
                                           "ccad_workload",
                                           "ccad_platform",
                                           "ccad_day",
                                           "ccad_route_options (ccad_route_solve)",
                                           "ccad_route_options (ccad_route_solve_tw)",
                                           "ccad_route_times",
                                           "ccad_brief (elem_size of ccad_book_assess_range)"};

static size_t sz_of(int which)
{
    switch (which) {
    case SZ_HOST: return sizeof(ccad_host);
    case SZ_PARAM_INFO: return sizeof(ccad_param_info);
    case SZ_CUSTOMER_ADD:
    case SZ_CUSTOMER_GET:
    case SZ_CUSTOMER_UPDATE: return sizeof(ccad_customer);
    case SZ_CONTACT:
    case SZ_CONTACT_STORE: return sizeof(ccad_contact);
    case SZ_STORE: return sizeof(ccad_store);
    case SZ_ASSESSMENT: return sizeof(ccad_assessment);
    case SZ_PLAN_OPTIONS: return sizeof(ccad_plan_options);
    case SZ_ITEM: return sizeof(ccad_item);
    case SZ_FINDING: return sizeof(ccad_finding);
    case SZ_WORKLOAD: return sizeof(ccad_workload);
    case SZ_PLATFORM: return sizeof(ccad_platform);
    case SZ_DAY: return sizeof(ccad_day);
    case SZ_ROUTE_OPTIONS:
    case SZ_ROUTE_TW_OPTIONS: return sizeof(ccad_route_options);
    case SZ_ROUTE_TIMES: return sizeof(ccad_route_times);
    default: return sizeof(ccad_brief);
    }
}

/* Calls the function of `which` with a struct whose size member is `size`. */
static int sz_call(world *w, int which, uint32_t size, anystruct *u)
{
    memset(u, 0, sizeof *u);
    switch (which) {
    case SZ_HOST: {
        ccad_ctx *c = NULL;
        int rc;
        ccad_host_init(&u->host);
        u->host.size = size;
        rc = ccad_ctx_new(&c, &u->host);
        ccad_ctx_free(c);
        return rc;
    }
    case SZ_PARAM_INFO:
        ccad_param_info_init(&u->pi);
        u->pi.size = size;
        return ccad_rules_param_info(&u->pi, 0);
    case SZ_CUSTOMER_ADD:
        ccad_customer_init(&u->cu);
        u->cu.size = size;
        u->cu.id = "X-SIZE";
        return ccad_book_add(w->book, &u->cu, NULL);
    case SZ_CUSTOMER_GET:
        ccad_customer_init(&u->cu);
        u->cu.size = size;
        return ccad_book_get(w->book, 0, &u->cu);
    case SZ_CUSTOMER_UPDATE:
        ccad_customer_init(&u->cu);
        TU_PASS(w->ctx, ccad_book_get(w->book, 2, &u->cu));
        u->cu.size = size;
        u->cu.value++;
        return ccad_book_update(w->book, 2, &u->cu);
    case SZ_CONTACT:
    case SZ_CONTACT_STORE:
        ccad_contact_init(&u->co);
        u->co.size = size;
        u->co.date = w->today;
        return which == SZ_CONTACT ? ccad_book_record(w->book, 1, &u->co)
                                   : ccad_store_record(w->book, 1, &u->co);
    case SZ_STORE:
        u->st = fs_callbacks(&w->fs);
        u->st.size = size;
        return ccad_ctx_set_store(w->ctx, &u->st);
    case SZ_ASSESSMENT:
        ccad_assessment_init(&u->as);
        u->as.size = size;
        return ccad_book_assess(w->book, w->rules, 0, w->today, &u->as);
    case SZ_PLAN_OPTIONS: {
        ccad_schedule *s = NULL;
        int rc;
        ccad_plan_options_init(&u->po);
        u->po.size = size;
        u->po.first_day = w->today;
        rc = ccad_schedule_new(&s, w->book, w->rules, &u->po);
        ccad_schedule_free(s);
        return rc;
    }
    case SZ_ITEM:
        ccad_item_init(&u->it);
        u->it.size = size;
        return ccad_schedule_item(w->sched, 0, &u->it);
    case SZ_FINDING:
        ccad_finding_init(&u->fi);
        u->fi.size = size;
        return ccad_schedule_finding(w->sched, 0, &u->fi);
    case SZ_WORKLOAD:
        ccad_workload_init(&u->wl);
        u->wl.size = size;
        return ccad_book_workload(w->book, w->rules, w->today, &u->wl);
    case SZ_PLATFORM:
        ccad_platform_init(&u->pl);
        u->pl.size = size;
        return ccad_book_platform(w->book, w->rules, &u->pl);
    case SZ_DAY:
        ccad_day_init(&u->dy);
        u->dy.size = size;
        return ccad_schedule_day(w->sched, w->today, &u->dy);
    case SZ_ROUTE_OPTIONS: {
        uint32_t order[NCUST + 1];
        ccad_route_options_init(&u->ro);
        u->ro.size = size;
        return ccad_route_solve(w->ctx, w->x, w->y, NCUST + 1, &u->ro, order, NULL);
    }
    case SZ_ROUTE_TW_OPTIONS: {
        uint32_t order[NCUST + 1];
        ccad_route_options_init(&u->ro);
        u->ro.size = size;
        return ccad_route_solve_tw(w->ctx, w->x, w->y, NCUST + 1, &u->ro, NULL, order, NULL, NULL);
    }
    case SZ_ROUTE_TIMES: {
        uint32_t order[NCUST + 1];
        ccad_route_times_init(&u->rt);
        u->rt.size = size;
        return ccad_route_solve_tw(w->ctx, w->x, w->y, NCUST + 1, NULL, &u->rt, order, NULL, NULL);
    }
    default:
        return ccad_book_assess_range(w->book, w->rules, 0, 1, w->today, (ccad_brief *)u->slack,
                                      size);
    }
}

static void bad_sizes(void **state)
{
    world *w = *state;
    static anystruct u;
    int which;
    long n = 0;
    for (which = 0; which < SZ_N; which++) {
        uint32_t full = (uint32_t)sz_of(which);
        const uint32_t sizes[] = {0, 1, 4, full - 1, full + 1, full + 4, full * 2, UINT32_MAX};
        size_t k;
        int rc;
        for (k = 0; k < sizeof sizes / sizeof *sizes; k++) {
            /* the host struct and param_info have no context; the brief's
             * elem_size is a size_t (UINT32_MAX is just a large one) */
            int msg = which != SZ_HOST && which != SZ_PARAM_INFO;
            uint64_t d = digest();
            char mark[256], what[160];
            strncpy(mark, mark_ctx(w->ctx), sizeof mark - 1);
            mark[sizeof mark - 1] = '\0';
            rc = sz_call(w, which, sizes[k], &u);
            snprintf(what, sizeof what, "%s with size %lu (sizeof %lu)", sz_names[which],
                     (unsigned long)sizes[k], (unsigned long)full);
            expect_fail(what, rc, CCAD_EVERSION, msg, d, mark);
            cases++;
            n++;
        }
        /* the right size works (nothing is left changed that matters here) */
        rc = sz_call(w, which, full, &u);
        if (rc != CCAD_OK)
            fail_msg("%s with its own size: %d (%s)", sz_names[which], rc, ccad_ctx_errmsg(w->ctx));
        if (which == SZ_CUSTOMER_ADD) {
            /* take the customer out again: rebuild the world's book */
            world_teardown(state);
            world_setup(state);
            w = *state;
        }
        if (which == SZ_CUSTOMER_UPDATE || which == SZ_CONTACT || which == SZ_CONTACT_STORE)
            TU_PASS(w->ctx, ccad_book_grade(w->book, w->rules));
        if (which == SZ_STORE) {
            ccad_store s = fs_callbacks(&w->fs);
            TU_PASS(w->ctx, ccad_ctx_set_store(w->ctx, &s));
        }
    }
    print_message("misuse: %d size-versioned structs x 8 bad sizes = %ld cases\n", SZ_N, n);
}

/* ------------------------------------------------------------------------ */
/* 5. Huge and garbage text                                                   */

static void huge_text(void **state)
{
    world *w = *state;
    char *big = malloc(BIG + 64);
    ccad_customer c = CCAD_CUSTOMER_INIT;
    size_t idx = 99;
    int32_t day = 5;
    int v = 5;
    uint32_t line = 0, col = 0;
    assert_non_null(big);
    memset(big, 'A', BIG);
    big[BIG] = '\0';
    c.id = big;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_EINVAL, 1);
    c.id = big + BIG - (CCAD_ID_MAX + 1); /* one byte too long */
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_EINVAL, 1);
    MUST_FAIL(ccad_book_find(w->book, big, &idx), ccad_book_find(w->book, big, &idx), 1);
    assert_true(ccad_ctx_errcode(w->ctx) == CCAD_ENOTFOUND ||
                ccad_ctx_errcode(w->ctx) == CCAD_EINVAL);
    assert_int_equal(idx, 99);
    MUST_FAIL(ccad_store_load_customer(w->book, big, &idx),
              ccad_store_load_customer(w->book, big, &idx), 1);
    assert_true(ccad_ctx_errcode(w->ctx) == CCAD_ENOTFOUND ||
                ccad_ctx_errcode(w->ctx) == CCAD_EINVAL);
    assert_int_equal(ccad_rules_get(w->rules, big, &(int64_t){0}), CCAD_ENOTFOUND);
    MUST_FAIL(ccad_rules_set(w->rules, big, 1), CCAD_ENOTFOUND, 1);
    MUST_FAIL(ccad_rules_set_text(w->rules, big, "1"), CCAD_ENOTFOUND, 1);
    MUST_FAIL(ccad_rules_set_text(w->rules, "gap.max_days", big), CCAD_EPARSE, 1);
    memset(big, '9', BIG);
    MUST_FAIL(ccad_rules_set_text(w->rules, "gap.max_days", big),
              ccad_rules_set_text(w->rules, "gap.max_days", big), 1);
    assert_true(ccad_ctx_errcode(w->ctx) == CCAD_ERANGE || ccad_ctx_errcode(w->ctx) == CCAD_EPARSE);
    assert_int_equal(ccad_name_parse(&v, CCAD_NAME_STATUS, big, BIG), CCAD_ENOTFOUND);
    assert_int_equal(ccad_date_parse(&day, big, BIG), CCAD_EPARSE);
    assert_true(v == 5 && day == 5);
    /* a 10 MB rules line: a key, a value, a comment */
    memset(big, 'k', BIG);
    MUST_FAIL(ccad_rules_parse(w->rules, big, BIG), CCAD_EPARSE, 1);
    TU_PASS(w->ctx, ccad_ctx_errpos(w->ctx, &line, &col));
    assert_int_equal(line, 1);
    memcpy(big, "gap.max_days = ", 15);
    memset(big + 15, '1', BIG - 15);
    MUST_FAIL(ccad_rules_parse(w->rules, big, BIG), CCAD_EPARSE, 1);
    TU_PASS(w->ctx, ccad_ctx_errpos(w->ctx, &line, &col));
    assert_int_equal(line, 1);
    /* a 10 MB comment is no error; a bad line after it is on line 2 */
    big[0] = '#';
    memcpy(big + BIG - 8, "\nbad = 1", 8);
    MUST_FAIL(ccad_rules_parse(w->rules, big, BIG), CCAD_EPARSE, 1);
    TU_PASS(w->ctx, ccad_ctx_errpos(w->ctx, &line, &col));
    assert_int_equal(line, 2);
    assert_int_equal(col, 1);
    free(big);
}

static void garbage_rules(void **state)
{
    world *w = *state;
    uint64_t rng = tu_rng_seed(17);
    char buf[600];
    int round, ok = 0, bad = 0;
    static const char *const nul_cases[] = {
        "gap.max_days = 12\0",     "gap.max_days\0 = 12\n",
        "gap.max_days = 1\0002\n", "\0gap.max_days = 12\n",
        "gap.max_days = 12\n\0\n", "# comment \0 here\ngap.max_days = 12\n"};
    static const size_t nul_lens[] = {18, 19, 18, 19, 20, 38};
    size_t i;
    for (i = 0; i < sizeof nul_cases / sizeof *nul_cases; i++) {
        uint32_t line = 0, col = 0;
        MUST_FAIL(ccad_rules_parse(w->rules, nul_cases[i], nul_lens[i]), CCAD_EPARSE, 1);
        TU_PASS(w->ctx, ccad_ctx_errpos(w->ctx, &line, &col));
        assert_true(line >= 1 && col >= 1);
    }
    /* embedded NULs through the other length-taking parsers */
    assert_int_equal(ccad_name_parse(&(int){0}, CCAD_NAME_GRADE, "A\0", 2), CCAD_ENOTFOUND);
    assert_int_equal(ccad_name_parse(&(int){0}, CCAD_NAME_STATUS, "act\0ve", 6), CCAD_ENOTFOUND);
    assert_int_equal(ccad_date_parse(&(int32_t){0}, "2026-01\0001", 10), CCAD_EPARSE);
    assert_int_equal(ccad_date_parse(&(int32_t){0}, "\0\0\0\0\0\0\0\0\0\0", 10), CCAD_EPARSE);
    /* random bytes, and random mutations of a valid text */
    for (round = 0; round < 400; round++) {
        size_t len = (size_t)tu_rng_range(&rng, 0, (int64_t)sizeof buf);
        uint64_t d = digest();
        int rc;
        size_t j;
        if (round % 2 == 0) {
            for (j = 0; j < len; j++)
                buf[j] = (char)tu_rng_range(&rng, 0, 255);
        } else {
            static const char base[] = "gap.max_days = 12\ngrade.method = threshold\n"
                                       "quadrant.important = AB\nfreq.work_days = Mon+Wed\n";
            len = sizeof base - 1;
            memcpy(buf, base, len);
            for (j = 0; j < 3; j++)
                buf[tu_rng_range(&rng, 0, (int64_t)len - 1)] = (char)tu_rng_range(&rng, 0, 255);
        }
        rc = ccad_rules_parse(w->rules2, buf, len);
        if (rc == CCAD_OK) {
            ok++;
            assert_int_equal(ccad_rules_set(w->rules2, "gap.max_days", 20) == CCAD_OK ||
                                 ccad_rules_parse(w->rules2, "gap.max_days = 20\n", 18) == CCAD_OK,
                             1);
            TU_PASS(w->ctx, ccad_rules_parse(w->rules2, "gap.max_days = 20\n", 18));
        } else {
            bad++;
            assert_int_equal(rc, CCAD_EPARSE);
            assert_true(digest() == d);
            assert_true(ccad_ctx_errmsg(w->ctx)[0] != '\0');
        }
        cases++;
    }
    print_message("misuse: 400 garbage rules texts (%d parsed, %d refused)\n", ok, bad);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, world_setup, world_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(bad_sizes),
        T(huge_text),
        T(garbage_rules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
