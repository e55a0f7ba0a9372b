/* Shared test helpers: a counting allocator that can fail the Nth call. */
#ifndef CCAD_TESTUTIL_H
#define CCAD_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "custcadence.h"

/* Allocator state passed as ccad_host.user. */
typedef struct tu_alloc {
    long calls;      /* allocation calls so far (alloc + realloc) */
    long fail_at;    /* 1-based call that fails; 0 = never */
    int fail_after;  /* 1: every call from fail_at on fails too */
    long live;       /* blocks currently allocated */
    long failures;   /* calls that were failed */
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
#define TU_FAIL(ctx, call, code)                                                  \
    do {                                                                          \
        const char *tu_m_ = tu_mark(ctx);                                         \
        assert_int_equal((call), (code));                                         \
        assert_int_equal(ccad_ctx_errcode(ctx), (code));                          \
        assert_true(ccad_ctx_errmsg(ctx)[0] != '\0');                             \
        assert_string_not_equal(ccad_ctx_errmsg(ctx), tu_m_);                     \
    } while (0)

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

/* ---- the shared seeded generator (xorshift64*, as the older test files'
 * private copies): the same seed gives the same sequence on every machine.
 * A state must not be 0; tu_rng_seed() maps any seed to a good state. ---- */

/* A state for @p seed (any value, 0 included). */
uint64_t tu_rng_seed(uint64_t seed);
/* The next 64-bit value. */
uint64_t tu_rng_next(uint64_t *s);
/* A value in [lo, hi] (lo <= hi). */
int64_t tu_rng_range(uint64_t *s, int64_t lo, int64_t hi);
/* 1 with probability pct/100. */
int tu_rng_pct(uint64_t *s, int pct);

/* ---- schedule readers for the planner's tests (each fails the test on
 * a reader error) ---- */

/* Item / finding i of a schedule. */
ccad_item tu_item(const ccad_schedule *s, size_t i);
ccad_finding tu_finding(const ccad_schedule *s, size_t i);
/* Items of customer c in schedule order (touches only if want_touch), the
 * first cap into out; returns how many there are. */
size_t tu_items_of(const ccad_schedule *s, uint32_t c, int want_touch, ccad_item *out,
                   size_t cap);
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

/* ---- book snapshots (docs/snapshot.md) ---- */

/* The snapshot of a book in a new malloc'ed buffer (its size into *len). */
unsigned char *tu_snapshot_take(const ccad_book *b, size_t *len);
/* Rewrites the trailing checksum of a snapshot of len bytes, so that a
 * forged field reaches the reader's later checks. */
void tu_snapshot_reseal(unsigned char *buf, size_t len);

#endif
