/* Shared test helpers: a counting allocator that can fail the Nth call. */
#ifndef CCAD_TESTUTIL_H
#define CCAD_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "custcadence.h"
#include "tu_rng.h"

/* Allocator state passed as ccad_host.user. */
typedef struct tu_alloc {
    long calls;     /* allocation calls so far (alloc + realloc) */
    long fail_at;   /* 1-based call that fails; 0 = never */
    int fail_after; /* 1: every call from fail_at on fails too */
    long live;      /* blocks currently allocated */
    long failures;  /* calls that were failed */
} tu_alloc;

/* A host whose allocator is the counting one above. */
ccad_host tu_host(tu_alloc *a);
/* Arms the allocator: call number n (counted from now) fails; 0 disarms. */
void tu_fail_at(tu_alloc *a, long n, int and_after);

/* Day number of "YYYY-MM-DD" (fails the test on bad input). */
int32_t tu_date(const char *ymd);

/* ---- error-path helpers ---- */

/* Puts ctx into a known failure state (EINVAL with a fixed message) and
 * returns a copy of that message, so a later check can tell that a new
 * message was recorded. */
const char *tu_mark(ccad_ctx *ctx);

/* Asserts that `call` returns `code`, that the context recorded that code
 * and a non-empty message different from the mark's. */
#define TU_FAIL(ctx, call, code) \
    do { \
        const char *tu_m_ = tu_mark(ctx); \
        assert_int_equal((call), (code)); \
        assert_int_equal(ccad_ctx_errcode(ctx), (code)); \
        assert_true(ccad_ctx_errmsg(ctx)[0] != '\0'); \
        assert_string_not_equal(ccad_ctx_errmsg(ctx), tu_m_); \
    } while (0)

/* Asserts that `call` returns CCAD_OK. On failure it prints the call as
 * written, the code and its name, and ccad_ctx_errmsg(ctx), then fails at
 * the caller's line: "ccad_book_add(...) returned -3 (<ccad_strerror>): <message>"
 * instead of a bare "-3 != 0". ctx is read after the call (it may be the
 * context the call creates). */
#define TU_PASS(ctx, call) \
    do { \
        int tu_rc_ = (call); \
        tu_assert_ok(tu_rc_, (ctx), #call, __FILE__, __LINE__); \
    } while (0)
void tu_assert_ok(int rc, const ccad_ctx *ctx, const char *call, const char *file, int line);
/* Fails the test unless the context's message starts with "fn: ", the name
 * of the API function called (docs/design.md, "Errors"). */
void tu_assert_named(const ccad_ctx *ctx, const char *fn);

/* ---- test customers ----
 * Every field a test customer is built from, written out where the test's
 * helper builds it, so no default hides in a helper: the planner tests'
 * cust() (plan_env.c), the assessment tests' (assess_env.c) and the team
 * tests' prospect_at() (test_team_plan.c) and numbered_customer_at()
 * (test_team_pool.c) differ only in the values they pass here. */
typedef struct tu_cust_spec {
    const char *id;
    int grade;         /* ccad_grade (CCAD_GRADE_NONE: graded by the book) */
    int status;        /* ccad_status */
    int64_t value;     /* annual value */
    int32_t last;      /* last_contact, and last_visit (the contact was a visit) */
    uint32_t contacts; /* contacts so far */
} tu_cust_spec;
/* CCAD_CUSTOMER_INIT with the spec's fields set. */
ccad_customer tu_customer(const tu_cust_spec *spec);

/* Asserts two customers are equal field by field (ids compared as strings). */
void tu_customer_equal(const ccad_customer *a, const ccad_customer *b);

/* Snapshot of a whole book: every customer (with its id copied). */
typedef struct tu_snap {
    size_t n;
    ccad_customer *c;
    char (*ids)[CCAD_ID_MAX + 1];
} tu_snap;

void tu_snap_take(tu_snap *s, const ccad_book *b);
/* Asserts the book still holds exactly the snapshot: count, get, find. */
void tu_snap_check(const tu_snap *s, const ccad_book *b);
void tu_snap_free(tu_snap *s);

/* The shared seeded generator: tu_rng.h. */

/* ---- schedule readers for the planner's tests (each fails the test on
 * a reader error) ---- */

/* Item / finding i of a schedule. */
ccad_item tu_item(const ccad_schedule *s, size_t i);
ccad_finding tu_finding(const ccad_schedule *s, size_t i);
/* Items of customer c in schedule order (touches only if want_touch), the
 * first cap into out; returns how many there are. */
size_t tu_items_of(const ccad_schedule *s, uint32_t c, int want_touch, ccad_item *out, size_t cap);
/* Findings of a kind about a customer (-2: any customer, -1: the plan). */
size_t tu_count_findings(const ccad_schedule *s, int kind, int64_t customer);
/* The first finding of a kind about a customer; fails if none. */
ccad_finding tu_find_of(const ccad_schedule *s, int kind, int64_t customer);
/* Asserts a reason's rule, code and figures. */
void tu_reason_is(const ccad_reason *r, int rule, int why, int64_t a, int64_t b, int64_t c);
/* The reason with code why among n, or NULL. */
const ccad_reason *tu_reason_of(const ccad_reason *r, uint32_t n, int why);
/* ISO weekday of a day (1 = Monday). */
int tu_weekday(int32_t d);
/* Asserts two items / two schedules are equal, item for item and finding
 * for finding. */
void tu_item_equal(const ccad_item *a, const ccad_item *b);
void tu_schedules_equal(const ccad_schedule *x, const ccad_schedule *y);
/* 1 if two team schedules are the same, item for item (memcmp of each
 * ccad_team_item) with as many findings; else 0. */
int tu_team_same(const ccad_team_schedule *a, const ccad_team_schedule *b);

/* ---- a cmocka fixture: counting allocator, context, rules and book ----
 * tu_fixture_setup makes them (state receives a tu_fixture); the teardown
 * frees them and fails the test when a block is still live (a leak). */
typedef struct tu_fixture {
    tu_alloc al;
    ccad_ctx *ctx;
    ccad_rules *r;
    ccad_book *b;
} tu_fixture;
int tu_fixture_setup(void **state);
int tu_fixture_teardown(void **state);
/* The same for a fixture embedded in a larger one (tests/plan_env.h): opens
 * the context with host h (whose allocator must be the counting one of
 * f->al, tu_host()), default rules and an empty book; 0 or -1. */
int tu_fixture_open(tu_fixture *f, const ccad_host *h);
/* The same without the book (f->b stays NULL), for worlds of several books
 * (the team tests): context and rules only. */
int tu_fixture_open_no_book(tu_fixture *f, const ccad_host *h);
/* Frees what tu_fixture_open made; 0, or -1 after printing the blocks that
 * are still live (a leak). */
int tu_fixture_close(tu_fixture *f);

/* ---- book snapshots (docs/snapshot.md) ---- */

/* The snapshot of a book in a new malloc'ed buffer (its size into *len). */
unsigned char *tu_snapshot_take(const ccad_book *b, size_t *len);
/* Rewrites the trailing checksum of a snapshot of len bytes, so that a
 * forged field reaches the reader's later checks. */
void tu_snapshot_reseal(unsigned char *buf, size_t len);
/* A version 2 snapshot without visit blocks rewritten in place as version 1
 * (each record without its position bytes); returns its new length. */
size_t tu_snapshot_to_version_1(unsigned char *s, size_t len);

#endif
