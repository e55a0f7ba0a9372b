/* Part of the fault census (tests/test_faults.c, declared in faults.h),
 * formerly test_alloc.c.
 *
 * Allocation failures: every allocating public function is run with
 * allocation N failing, for N = 1, 2, ... until it succeeds, in two modes
 * (only the Nth call fails; the Nth and every later call fail). Each failing
 * round must return CCAD_ENOMEM and leave every existing handle usable and
 * unchanged; nothing may leak. */
#include "faults.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROUND_LIMIT 1000

static long total_rounds;

/* One operation under test. run() returns the status; on CCAD_OK, done()
 * releases or records what was created; on failure, check() verifies that
 * nothing changed. */
typedef struct op {
    int (*run)(void *arg);
    void (*check)(void *arg);
    void (*done)(void *arg);
    void (*reset)(void *arg); /* before each mode: back to the starting state */
    void *arg;
} op;

/* Returns the number of allocation calls the operation makes from the
 * starting state when nothing fails (measured by a dry run first). Growth
 * that succeeded in a failing round may persist (invisibly), so later
 * rounds can need fewer allocations. */
static long fail_loop(tu_alloc *al, ccad_ctx *ctx, const op *o)
{
    int mode;
    long allocs;
    if (o->reset)
        o->reset(o->arg);
    tu_fail_at(al, 0, 0);
    assert_int_equal(o->run(o->arg), CCAD_OK);
    allocs = al->calls;
    o->done(o->arg);
    for (mode = 0; mode < 2; mode++) {
        long n;
        if (o->reset)
            o->reset(o->arg);
        for (n = 1;; n++) {
            long live = al->live;
            int rc;
            assert_true(n < ROUND_LIMIT);
            tu_fail_at(al, n, mode);
            al->failures = 0;
            rc = o->run(o->arg);
            tu_fail_at(al, 0, 0);
            total_rounds++;
            if (rc == CCAD_OK) {
                assert_int_equal(al->failures, 0);
                assert_true(n - 1 <= allocs);
                o->done(o->arg);
                break;
            }
            assert_int_equal(rc, CCAD_ENOMEM);
            assert_true(al->failures > 0);
            assert_int_equal(al->live, live);
            if (ctx != NULL) {
                assert_int_equal(ccad_ctx_errcode(ctx), CCAD_ENOMEM);
                assert_true(ccad_ctx_errmsg(ctx)[0] != '\0');
            }
            if (o->check)
                o->check(o->arg);
        }
    }
    return allocs;
}

/* ---- ccad_ctx_new ---- */

typedef struct ctx_arg {
    ccad_host h;
    ccad_ctx *ctx;
} ctx_arg;

static int ctx_run(void *p)
{
    ctx_arg *a = p;
    a->ctx = (ccad_ctx *)(void *)&a->ctx; /* must be set to NULL on failure */
    return ccad_ctx_new(&a->ctx, &a->h);
}

static void ctx_check(void *p)
{
    ctx_arg *a = p;
    assert_null(a->ctx);
}

static void ctx_done(void *p)
{
    ctx_arg *a = p;
    int32_t d;
    assert_non_null(a->ctx);
    assert_int_equal(ccad_ctx_today(a->ctx, &d), CCAD_ENOTSUP);
    ccad_ctx_free(a->ctx);
    a->ctx = NULL;
}

void faults_alloc_ctx_new(void **state)
{
    tu_alloc al;
    ctx_arg a;
    op o = {ctx_run, ctx_check, ctx_done, NULL, NULL};
    (void)state;
    a.h = tu_host(&al);
    a.ctx = NULL;
    o.arg = &a;
    assert_int_equal(fail_loop(&al, NULL, &o), 1);
    assert_int_equal(al.live, 0);
}

/* ---- shared world: a context, rules and a graded book ---- */

typedef struct world {
    tu_alloc al;
    ccad_ctx *ctx;
    ccad_rules *r, *r_saved;
    ccad_book *b;
    tu_snap snap;
    ccad_brief *briefs; /* assessment of every customer before the call */
    int graded;         /* 1: briefs are valid */
    int32_t today;
} world;

static void world_open(world *w, int emulate_realloc)
{
    ccad_host h = tu_host(&w->al);
    if (emulate_realloc)
        h.realloc = NULL;
    w->ctx = NULL;
    w->r = w->r_saved = NULL;
    w->b = NULL;
    w->briefs = NULL;
    w->graded = 0;
    memset(&w->snap, 0, sizeof w->snap);
    w->today = tu_date("2026-11-23");
    TU_PASS(w->ctx, ccad_ctx_new(&w->ctx, &h));
    TU_PASS(w->ctx, ccad_rules_new(&w->r, w->ctx));
    TU_PASS(w->ctx, ccad_rules_set(w->r, "gap.max_days", 12));
    TU_PASS(w->ctx, ccad_rules_copy(&w->r_saved, w->ctx, w->r));
}

static void world_close(world *w)
{
    tu_snap_free(&w->snap);
    free(w->briefs);
    ccad_book_free(w->b);
    ccad_rules_free(w->r_saved);
    ccad_rules_free(w->r);
    ccad_ctx_free(w->ctx);
    assert_int_equal(w->al.live, 0);
}

/* Fills the book with n customers whose ids have length idlen (>= 8). */
static void world_fill(world *w, size_t hint, size_t n, size_t idlen)
{
    size_t i;
    char id[CCAD_ID_MAX + 1];
    ccad_book_free(w->b);
    w->b = NULL;
    TU_PASS(w->ctx, ccad_book_new(&w->b, w->ctx, hint));
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        int k = snprintf(id, sizeof id, "id%06lu", (unsigned long)i);
        while ((size_t)k < idlen)
            id[k++] = (char)('a' + (char)(i % 26));
        id[k] = '\0';
        c.id = id;
        c.value = (int64_t)((i * 7919) % 1000) * 1000;
        c.status = CCAD_STATUS_ACTIVE;
        c.last_contact = w->today - (int32_t)(i % 40);
        c.contacts = (uint32_t)(i % 9);
        c.monthly_volume = (int64_t)(i % 5) * 2000000;
        TU_PASS(w->ctx, ccad_book_add(w->b, &c, NULL));
    }
}

/* Grades the book and records the snapshot and the assessments. */
static void world_freeze(world *w, int grade)
{
    size_t n = ccad_book_count(w->b);
    tu_snap_free(&w->snap);
    tu_snap_take(&w->snap, w->b);
    free(w->briefs);
    w->briefs = calloc(n + 1, sizeof *w->briefs);
    assert_non_null(w->briefs);
    w->graded = grade;
    if (grade) {
        TU_PASS(ccad_book_ctx(w->b), ccad_book_grade(w->b, w->r));
        TU_PASS(ccad_book_ctx(w->b),
                ccad_book_assess_range(w->b, w->r, 0, n, w->today, w->briefs, sizeof *w->briefs));
    }
}

static void world_check(world *w)
{
    size_t n = ccad_book_count(w->b);
    assert_true(ccad_rules_equal(w->r, w->r_saved));
    if (w->b == NULL)
        return;
    tu_snap_check(&w->snap, w->b);
    if (w->graded) {
        ccad_brief *now = calloc(n + 1, sizeof *now);
        size_t i;
        assert_non_null(now);
        TU_PASS(ccad_book_ctx(w->b),
                ccad_book_assess_range(w->b, w->r, 0, n, w->today, now, sizeof *now));
        assert_memory_equal(now, w->briefs, n * sizeof *now);
        for (i = 0; i < n; i += 7) {
            ccad_assessment a = CCAD_ASSESSMENT_INIT;
            TU_PASS(ccad_book_ctx(w->b), ccad_book_assess(w->b, w->r, i, w->today, &a));
            assert_int_equal(a.due_date, w->briefs[i].due_date);
            assert_int_equal(a.flags, w->briefs[i].flags);
        }
        free(now);
    } else {
        ccad_assessment a = CCAD_ASSESSMENT_INIT;
        if (n > 0)
            assert_int_equal(ccad_book_assess(w->b, w->r, 0, w->today, &a), CCAD_ESTALE);
    }
}

/* ---- ccad_rules_new / ccad_rules_copy / ccad_book_new ---- */

typedef struct handle_arg {
    world *w;
    int which; /* 0 rules_new, 1 rules_copy, 2 book_new(0), 3 book_new(5000) */
    ccad_rules *rout;
    ccad_book *bout;
} handle_arg;

static int handle_run(void *p)
{
    handle_arg *a = p;
    /* garbage that must be replaced by NULL on failure */
    a->rout = (ccad_rules *)(void *)&a->rout;
    a->bout = (ccad_book *)(void *)&a->bout;
    switch (a->which) {
    case 0: return ccad_rules_new(&a->rout, a->w->ctx);
    case 1: return ccad_rules_copy(&a->rout, a->w->ctx, a->w->r);
    case 2: return ccad_book_new(&a->bout, a->w->ctx, 0);
    default: return ccad_book_new(&a->bout, a->w->ctx, 5000);
    }
}

static void handle_check(void *p)
{
    handle_arg *a = p;
    if (a->which < 2)
        assert_null(a->rout);
    else
        assert_null(a->bout);
    world_check(a->w);
}

static void handle_done(void *p)
{
    handle_arg *a = p;
    if (a->which == 0) {
        ccad_rules *def = NULL;
        TU_PASS(a->w->ctx, ccad_rules_new(&def, a->w->ctx));
        assert_true(ccad_rules_equal(a->rout, def));
        ccad_rules_free(def);
        ccad_rules_free(a->rout);
    } else if (a->which == 1) {
        assert_true(ccad_rules_equal(a->rout, a->w->r));
        ccad_rules_free(a->rout);
    } else {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        c.id = "fresh";
        TU_PASS(a->w->ctx, ccad_book_add(a->bout, &c, NULL));
        assert_int_equal(ccad_book_count(a->bout), 1);
        ccad_book_free(a->bout);
    }
    a->rout = NULL;
    a->bout = NULL;
}

void faults_alloc_handles(void **state)
{
    world w;
    handle_arg a;
    op o = {handle_run, handle_check, handle_done, NULL, NULL};
    (void)state;
    world_open(&w, 0);
    world_fill(&w, 0, 40, 10);
    world_freeze(&w, 1);
    a.w = &w;
    o.arg = &a;
    for (a.which = 0; a.which < 4; a.which++)
        assert_int_equal(fail_loop(&w.al, w.ctx, &o), a.which < 2 ? 1 : 5);
    world_close(&w);
}

/* ---- ccad_book_add at each growth point ---- */

typedef struct add_arg {
    world *w;
    size_t hint, prefill, idlen, newlen;
    size_t at;
} add_arg;

static void add_reset(void *p)
{
    add_arg *a = p;
    world_fill(a->w, a->hint, a->prefill, a->idlen);
    world_freeze(a->w, 1);
}

static void new_id(const add_arg *a, char *id)
{
    size_t k;
    strcpy(id, "new-");
    for (k = 4; k < a->newlen; k++)
        id[k] = 'N';
    id[a->newlen] = '\0';
}

static int add_run(void *p)
{
    add_arg *a = p;
    char id[CCAD_ID_MAX + 1];
    ccad_customer c = CCAD_CUSTOMER_INIT;
    new_id(a, id);
    c.id = id;
    c.value = 123456;
    a->at = 9999999;
    return ccad_book_add(a->w->b, &c, &a->at);
}

static void add_check(void *p)
{
    add_arg *a = p;
    char id[CCAD_ID_MAX + 1];
    size_t at = 4242;
    assert_int_equal(a->at, 9999999);
    world_check(a->w);
    new_id(a, id);
    assert_int_equal(ccad_book_find(a->w->b, id, &at), CCAD_ENOTFOUND);
    assert_int_equal(at, 4242);
}

static void add_done(void *p)
{
    add_arg *a = p;
    char id[CCAD_ID_MAX + 1];
    size_t at = 0, i;
    assert_int_equal(a->at, a->prefill);
    assert_int_equal(ccad_book_count(a->w->b), a->prefill + 1);
    new_id(a, id);
    TU_PASS(ccad_book_ctx(a->w->b), ccad_book_find(a->w->b, id, &at));
    assert_int_equal(at, a->prefill);
    /* everything else is still there */
    for (i = 0; i < a->w->snap.n; i++) {
        TU_PASS(ccad_book_ctx(a->w->b), ccad_book_find(a->w->b, a->w->snap.ids[i], &at));
        assert_int_equal(at, i);
    }
    TU_PASS(ccad_book_ctx(a->w->b), ccad_book_grade(a->w->b, a->w->r));
}

static void run_add_case(int emulate, size_t hint, size_t prefill, size_t idlen, size_t newlen,
                         long allocs)
{
    world w;
    add_arg a;
    op o = {add_run, add_check, add_done, add_reset, NULL};
    world_open(&w, emulate);
    a.w = &w;
    a.hint = hint;
    a.prefill = prefill;
    a.idlen = idlen;
    a.newlen = newlen;
    o.arg = &a;
    {
        long got = fail_loop(&w.al, w.ctx, &o);
        if (got != allocs)
            fail_msg("add case emulate=%d hint=%lu prefill=%lu idlen=%lu newlen=%lu: %ld "
                     "allocations, expected %ld",
                     emulate, (unsigned long)hint, (unsigned long)prefill, (unsigned long)idlen,
                     (unsigned long)newlen, got, allocs);
    }
    world_close(&w);
}

void faults_alloc_book_add(void **state)
{
    int emulate;
    (void)state;
    for (emulate = 0; emulate < 2; emulate++) {
        /* no growth at all */
        run_add_case(emulate, 0, 5, 10, 10, 0);
        /* default book (cap 16, 32 slots, 256 id bytes): the 17th customer
         * grows the records, the id offsets and the hash index; a 64-byte
         * id after 16 ids of 14 bytes (240 bytes) grows the id arena too */
        run_add_case(emulate, 0, 16, 10, 10, 3);
        run_add_case(emulate, 0, 16, 14, 64, 4);
        /* the id arena alone: three 64-byte ids fill 195 of 256 bytes */
        run_add_case(emulate, 0, 3, 64, 64, 1);
        /* hint 100 (cap 100, 256 slots): the records and id offsets alone at 100 */
        run_add_case(emulate, 100, 100, 8, 8, 2);
        /* then the hash index alone at 128 (cap is 200 by then) */
        run_add_case(emulate, 100, 128, 8, 8, 1);
    }
}

/* ---- ccad_book_grade (rank method) ---- */

typedef struct grade_arg {
    world *w;
    int stale; /* 1: the book changed since it was graded */
} grade_arg;

static void grade_reset(void *p)
{
    grade_arg *a = p;
    world_fill(a->w, 0, 300, 9);
    if (a->stale) {
        /* graded once, then changed: assessments report ESTALE */
        ccad_customer c = CCAD_CUSTOMER_INIT;
        TU_PASS(ccad_book_ctx(a->w->b), ccad_book_grade(a->w->b, a->w->r));
        TU_PASS(ccad_book_ctx(a->w->b), ccad_book_get(a->w->b, 3, &c));
        c.id = NULL;
        c.value += 1;
        TU_PASS(ccad_book_ctx(a->w->b), ccad_book_update(a->w->b, 3, &c));
        world_freeze(a->w, 0);
    } else {
        world_freeze(a->w, 1);
    }
}

static int grade_run(void *p)
{
    grade_arg *a = p;
    return ccad_book_grade(a->w->b, a->w->r);
}

static void grade_check(void *p)
{
    grade_arg *a = p;
    world_check(a->w);
}

static void grade_done(void *p)
{
    grade_arg *a = p;
    ccad_assessment x = CCAD_ASSESSMENT_INIT;
    TU_PASS(ccad_book_ctx(a->w->b), ccad_book_assess(a->w->b, a->w->r, 0, a->w->today, &x));
}

void faults_alloc_book_grade(void **state)
{
    world w;
    grade_arg a;
    op o = {grade_run, grade_check, grade_done, grade_reset, NULL};
    int emulate;
    (void)state;
    for (emulate = 0; emulate < 2; emulate++)
        for (a.stale = 0; a.stale < 2; a.stale++) {
            world_open(&w, emulate);
            a.w = &w;
            o.arg = &a;
            assert_int_equal(fail_loop(&w.al, w.ctx, &o), 1);
            world_close(&w);
        }
}

/* ---- a whole session under an allocator that fails from call N on ---- */

void faults_alloc_whole_session(void **state)
{
    long n;
    (void)state;
    for (n = 1; n < ROUND_LIMIT; n++) {
        tu_alloc al;
        ccad_host h = tu_host(&al);
        ccad_ctx *ctx = NULL;
        ccad_rules *r = NULL, *r2 = NULL;
        ccad_book *b = NULL;
        int ok = 0;
        size_t i;
        tu_fail_at(&al, n, 1);
        total_rounds++;
        if (ccad_ctx_new(&ctx, &h) != CCAD_OK)
            goto out;
        if (ccad_rules_new(&r, ctx) != CCAD_OK || ccad_rules_copy(&r2, ctx, r) != CCAD_OK)
            goto out;
        if (ccad_book_new(&b, ctx, 0) != CCAD_OK)
            goto out;
        for (i = 0; i < 40; i++) {
            char id[32];
            ccad_customer c = CCAD_CUSTOMER_INIT;
            snprintf(id, sizeof id, "session-customer-%02lu", (unsigned long)i);
            c.id = id;
            c.value = (int64_t)i;
            if (ccad_book_add(b, &c, NULL) != CCAD_OK) {
                assert_int_equal(ccad_ctx_errcode(ctx), CCAD_ENOMEM);
                assert_int_equal(ccad_book_count(b), i);
                goto out;
            }
        }
        if (ccad_book_grade(b, r) != CCAD_OK)
            goto out;
        ok = 1;
    out:
        ccad_book_free(b);
        ccad_rules_free(r2);
        ccad_rules_free(r);
        ccad_ctx_free(ctx);
        assert_int_equal(al.live, 0);
        if (ok) {
            assert_int_equal(al.failures, 0);
            break;
        }
        assert_true(al.failures > 0);
    }
    assert_true(n < ROUND_LIMIT);
}

long faults_alloc_rounds(void) { return total_rounds; }
