/* Re-entry: a host callback that calls back into its own context, or into a
 * handle of it, gets CCAD_EBUSY and changes nothing; the outer call
 * completes as if nothing had been tried, and the context is usable again
 * once it returns (also when it failed). The first three cases are the
 * reproducers of issue 17: without the guard they corrupt memory (ASan:
 * heap-buffer-overflow in ccad__pack), call a NULL function pointer, or run
 * `begin` twice in one transaction. */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum mode {
    M_NONE,
    M_ADD,            /* ccad_book_add of new customers to the same book */
    M_SET_STORE_NULL, /* ccad_ctx_set_store(ctx, NULL) */
    M_SET_STORE,      /* ccad_ctx_set_store(ctx, &another) */
    M_STORE_RECORD,   /* a nested ccad_store_record */
    M_SCHEDULE,       /* ccad_schedule_new on the same book */
    M_ROUTE,          /* ccad_route_solve with the same context */
    M_TODAY,          /* ccad_ctx_today and ccad_ctx_day_flags */
    M_ALL,            /* every guarded function, and the readers */
    M_CTX_FREE,       /* ccad_ctx_free(ctx): must do nothing */
    M_FREE_OTHER      /* ccad_book_free of another book of the context: allowed */
};

#define NPTS 6
#define MAX_INNER 4096

typedef struct rw {
    ccad_ctx *ctx;
    ccad_book *b;
    ccad_rules *r;
    ccad_book *other;     /* for M_FREE_OTHER */
    ccad_schedule *sched; /* of b, for ccad_schedule_replan */
    ccad_store store;
    int mode;
    const char *where;    /* the callback that re-enters ("save", "begin", ...; NULL: all) */
    int fail_cb;          /* 1: that callback fails after its re-entry attempts */
    int depth;            /* re-entry attempts in progress (no recursion without the guard) */
    int inner[MAX_INNER]; /* statuses of the nested calls */
    size_t ninner;
    int added;            /* ids made by M_ADD */
    int add_count;        /* customers M_ADD adds per attempt (0: 100) */
    int add_wide;         /* 1: with a monthly volume beyond 31 bits (the book's wide table) */
    long begins, commits, rollbacks, saves, appends, loads, iterates, open_tx;
    tu_alloc al;          /* the shared counting allocator (testutil.c) */
    int alloc_reenter;    /* 1: the allocator itself re-enters */
    int32_t today;
    double x[NPTS], y[NPTS];
} rw;

/* ---- host ---- */

static void reenter(rw *w, const char *where);

/* testutil's allocator, with a re-entry attempt first when asked */
static ccad_host tu_proto;

static void *h_alloc(void *user, size_t n)
{
    rw *w = user;
    if (w->alloc_reenter)
        reenter(w, "alloc");
    return tu_proto.alloc(&w->al, n);
}

static void *h_realloc(void *user, void *p, size_t n)
{
    rw *w = user;
    if (w->alloc_reenter)
        reenter(w, "alloc");
    return tu_proto.realloc(&w->al, p, n);
}

static void h_free(void *user, void *p) { tu_proto.free(&((rw *)user)->al, p); }

static int h_clock(void *user, int64_t *out)
{
    rw *w = user;
    reenter(w, "clock");
    *out = (int64_t)w->today * 86400 + 9 * 3600;
    return w->fail_cb && w->where != NULL && strcmp(w->where, "clock") == 0;
}

static int h_calendar(void *user, int32_t day, uint32_t *out)
{
    rw *w = user;
    int wd = 0;
    reenter(w, "calendar");
    assert_int_equal(ccad_date_weekday(&wd, day), CCAD_OK);
    *out = wd <= 5 ? CCAD_DAY_WORKING : 0;
    return w->fail_cb && w->where != NULL && strcmp(w->where, "calendar") == 0;
}

static int h_travel(void *user, double fx, double fy, double tx, double ty, int32_t *out)
{
    rw *w = user;
    reenter(w, "travel");
    *out = (int32_t)lround(sqrt((fx - tx) * (fx - tx) + (fy - ty) * (fy - ty)) * 3.0);
    return w->fail_cb && w->where != NULL && strcmp(w->where, "travel") == 0;
}

/* ---- store: counts calls, keeps nothing ---- */

static int cb_result(rw *w, const char *name)
{
    reenter(w, name);
    return w->fail_cb && w->where != NULL && strcmp(w->where, name) == 0;
}

static int s_begin(void *user)
{
    rw *w = user;
    int rc;
    w->begins++;
    rc = cb_result(w, "begin");
    if (rc == 0)
        w->open_tx++;
    return rc;
}

static int s_commit(void *user)
{
    rw *w = user;
    int rc = cb_result(w, "commit");
    w->commits++;
    if (rc == 0)
        w->open_tx--;
    return rc;
}

static int s_rollback(void *user)
{
    rw *w = user;
    w->rollbacks++;
    w->open_tx--;
    return cb_result(w, "rollback");
}

static int s_load(void *user, const char *id, ccad_customer *out, int *found)
{
    rw *w = user;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    w->loads++;
    c.id = id;
    c.value = 777;
    *out = c;
    *found = 1;
    return cb_result(w, "load");
}

static int s_save(void *user, const ccad_customer *c)
{
    rw *w = user;
    (void)c;
    w->saves++;
    return cb_result(w, "save");
}

static int s_append(void *user, const char *id, const ccad_contact *k)
{
    rw *w = user;
    (void)id;
    (void)k;
    w->appends++;
    return cb_result(w, "append_contact");
}

static int s_iterate(void *user, ccad_store_each_fn each, void *each_user)
{
    rw *w = user;
    int i;
    w->iterates++;
    for (i = 0; i < 5; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        char id[16];
        snprintf(id, sizeof id, "s%d", i);
        c.id = id;
        c.value = 100 + i;
        reenter(w, "iterate");
        if (each(each_user, &c) != 0)
            return 1;
    }
    return cb_result(w, "iterate");
}

/* ---- the world ---- */

static ccad_customer cust(int i, char *id, size_t cap)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    snprintf(id, cap, "c%03d", i);
    c.id = id;
    c.value = 1000 + 37 * i;
    c.status = CCAD_STATUS_ACTIVE;
    c.last_contact = tu_date("2026-10-01") + i;
    c.last_visit = c.last_contact;
    c.contacts = 4;
    c.has_location = 1;
    c.x = (double)(i % 7);
    c.y = (double)(i / 7);
    return c;
}

static rw *world_new(void)
{
    rw *w = calloc(1, sizeof *w);
    ccad_host h = CCAD_HOST_INIT;
    int i;
    assert_non_null(w);
    tu_proto = tu_host(&w->al);
    h.user = w;
    h.alloc = h_alloc;
    h.realloc = h_realloc;
    h.free = h_free;
    h.clock = h_clock;
    h.calendar = h_calendar;
    h.travel = h_travel;
    w->today = tu_date("2026-11-23");
    assert_int_equal(ccad_ctx_new(&w->ctx, &h), CCAD_OK);
    assert_int_equal(ccad_rules_new(&w->r, w->ctx), CCAD_OK);
    assert_int_equal(ccad_book_new(&w->b, w->ctx, 0), CCAD_OK);
    for (i = 0; i < 12; i++) {
        char id[16];
        ccad_customer c = cust(i, id, sizeof id);
        assert_int_equal(ccad_book_add(w->b, &c, NULL), CCAD_OK);
    }
    assert_int_equal(ccad_book_grade(w->b, w->r), CCAD_OK);
    {
        ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
        o.first_day = w->today;
        assert_int_equal(ccad_schedule_new(&w->sched, w->b, w->r, &o), CCAD_OK);
    }
    w->store.size = (uint32_t)sizeof(ccad_store);
    w->store.user = w;
    w->store.begin = s_begin;
    w->store.commit = s_commit;
    w->store.rollback = s_rollback;
    w->store.load = s_load;
    w->store.save = s_save;
    w->store.append_contact = s_append;
    w->store.iterate = s_iterate;
    assert_int_equal(ccad_ctx_set_store(w->ctx, &w->store), CCAD_OK);
    for (i = 0; i < NPTS; i++) {
        w->x[i] = (double)((i * 5) % 11);
        w->y[i] = (double)((i * 3) % 7);
    }
    return w;
}

static void world_free(rw *w)
{
    w->mode = M_NONE;
    w->alloc_reenter = 0;
    ccad_book_free(w->other);
    ccad_schedule_free(w->sched);
    ccad_book_free(w->b);
    ccad_rules_free(w->r);
    ccad_ctx_free(w->ctx);
    assert_int_equal(w->al.live, 0);
    free(w);
}

static void arm(rw *w, int mode, const char *where, int fail_cb)
{
    w->mode = mode;
    w->where = where;
    w->fail_cb = fail_cb;
    w->ninner = 0;
}

static void note(rw *w, int rc)
{
    if (w->ninner < MAX_INNER)
        w->inner[w->ninner++] = rc;
}

static ccad_plan_options plan_opts(const rw *w)
{
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    o.first_day = w->today;
    o.days = 10;
    o.visits_per_day = 3;
    return o;
}

static ccad_route_options route_opts(void)
{
    ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
    o.metric = CCAD_METRIC_HOST;
    return o;
}

/* Every function that checks the guard, with arguments that would succeed
 * (or fail for another reason) on an idle context: each must say EBUSY. */
static void try_all_guarded(rw *w)
{
    ccad_book *b2 = NULL;
    ccad_rules *r2 = NULL;
    ccad_schedule *s = NULL;
    ccad_plan_options po = plan_opts(w);
    ccad_route_options ro = route_opts();
    ccad_route_times rt = CCAD_ROUTE_TIMES_INIT;
    ccad_contact k = CCAD_CONTACT_INIT;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    uint32_t order[NPTS], flags = 0;
    int32_t open[NPTS], close[NPTS], service[NPTS], day = 0;
    int64_t cost = 0;
    size_t at = 0, i;
    char id[16];
    for (i = 0; i < NPTS; i++) {
        open[i] = 0;
        close[i] = 1440;
        service[i] = 10;
    }
    rt.open_min = open;
    rt.close_min = close;
    rt.service_min = service;
    k.date = w->today;
    c = cust(900, id, sizeof id);
    note(w, ccad_ctx_today(w->ctx, &day));
    note(w, ccad_ctx_day_flags(w->ctx, &flags, w->today));
    note(w, ccad_ctx_set_store(w->ctx, NULL));
    note(w, ccad_ctx_set_store(w->ctx, &w->store));
    note(w, ccad_ctx_set_lang(w->ctx, CCAD_LANG_ZH_HANS));
    assert_int_equal(ccad_ctx_lang(w->ctx), CCAD_LANG_EN); /* refused: unchanged */
    /* constructors set *out to NULL, as on any failure */
    r2 = (ccad_rules *)(void *)w;
    note(w, ccad_rules_new(&r2, w->ctx));
    assert_null(r2);
    r2 = (ccad_rules *)(void *)w;
    note(w, ccad_rules_copy(&r2, w->ctx, w->r));
    assert_null(r2);
    note(w, ccad_rules_set(w->r, "gap.max_days", 50));
    note(w, ccad_rules_set_text(w->r, "gap.max_days", "50"));
    note(w, ccad_rules_parse(w->r, "gap.max_days = 50\n", 18));
    b2 = (ccad_book *)(void *)w;
    note(w, ccad_book_new(&b2, w->ctx, 0));
    assert_null(b2);
    note(w, ccad_book_add(w->b, &c, &at));
    note(w, ccad_book_add_many(w->b, &c, 1, &at));
    b2 = (ccad_book *)(void *)w;
    note(w, ccad_book_from_snapshot(&b2, w->ctx, "CCADBOOK", 8));
    assert_null(b2);
    c.id = "c000";
    note(w, ccad_book_update(w->b, 0, &c));
    note(w, ccad_book_record(w->b, 0, &k));
    note(w, ccad_book_grade(w->b, w->r));
    note(w, ccad_store_record(w->b, 0, &k));
    note(w, ccad_store_save_book(w->b));
    b2 = (ccad_book *)(void *)w;
    note(w, ccad_store_load_book(&b2, w->ctx));
    assert_null(b2);
    note(w, ccad_store_load_customer(w->b, "c001", &at));
    s = (ccad_schedule *)(void *)w;
    note(w, ccad_schedule_new(&s, w->b, w->r, &po));
    assert_null(s);
    note(w, ccad_schedule_replan(w->sched, w->b, w->r, &po, NULL));
    note(w, ccad_route_solve(w->ctx, w->x, w->y, NPTS, &ro, order, &cost));
    note(w, ccad_route_solve_tw(w->ctx, w->x, w->y, NPTS, &ro, &rt, order, NULL, NULL));
    /* teams (the functions of a team handle: tests/test_team.c, busy_guard) */
    {
        ccad_team *t = (ccad_team *)(void *)w;
        note(w, ccad_team_new(&t, w->ctx, NULL));
        assert_null(t);
    }
    note(w, ccad_book_remove(w->b, 0));
    note(w, ccad_book_transfer(w->b, 0, w->b, NULL));
    note(w, ccad_ctx_set_store_moves(w->ctx, NULL));
    note(w, ccad_store_remove(w->b, 0));
    note(w, ccad_store_transfer(w->b, 0, w->b, "x", NULL));
}

/* Readers stay allowed inside callbacks: they change nothing. */
static void try_readers(rw *w)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    ccad_assessment a = CCAD_ASSESSMENT_INIT;
    size_t at = 99;
    int64_t v = 0;
    char buf[8];
    size_t len = 0;
    assert_int_equal(ccad_book_count(w->b), 12);
    assert_int_equal(ccad_book_get(w->b, 1, &c), CCAD_OK);
    assert_string_equal(c.id, "c001");
    assert_int_equal(ccad_book_find(w->b, "c002", &at), CCAD_OK);
    assert_int_equal(at, 2);
    assert_int_equal(ccad_rules_get(w->r, "gap.max_days", &v), CCAD_OK);
    assert_int_equal(ccad_rules_serialize(w->r, buf, sizeof buf, &len), CCAD_ENOSPC);
    assert_int_equal(ccad_book_assess(w->b, w->r, 3, w->today, &a), CCAD_OK);
    assert_ptr_equal(ccad_book_ctx(w->b), w->ctx);
    /* a reader's own error is reported but not recorded on the busy context */
    assert_int_equal(ccad_book_get(w->b, 5000, &c), CCAD_ENOTFOUND);
}

static void reenter(rw *w, const char *where)
{
    int k;
    if (w->mode == M_NONE || w->depth > 0)
        return;
    if (w->where != NULL && strcmp(w->where, where) != 0)
        return;
    w->depth++;
    switch (w->mode) {
    case M_ADD:
        for (k = 0; k < (w->add_count ? w->add_count : 100); k++) { /* the arrays grow */
            char id[16];
            ccad_customer c = cust(1000 + w->added++, id, sizeof id);
            if (w->add_wide)
                c.monthly_volume = 5000000000;
            note(w, ccad_book_add(w->b, &c, NULL));
        }
        break;
    case M_SET_STORE_NULL:
        note(w, ccad_ctx_set_store(w->ctx, NULL));
        break;
    case M_SET_STORE: {
        ccad_store s = w->store;
        s.user = NULL;
        note(w, ccad_ctx_set_store(w->ctx, &s));
        break;
    }
    case M_STORE_RECORD: {
        ccad_contact k2 = CCAD_CONTACT_INIT;
        k2.date = w->today;
        note(w, ccad_store_record(w->b, 1, &k2));
        break;
    }
    case M_SCHEDULE: {
        ccad_schedule *s = NULL;
        ccad_plan_options o = plan_opts(w);
        char id[16];
        ccad_customer c = cust(2000, id, sizeof id);
        note(w, ccad_schedule_new(&s, w->b, w->r, &o));
        assert_null(s);
        note(w, ccad_book_add(w->b, &c, NULL));
        break;
    }
    case M_ROUTE: {
        ccad_route_options o = route_opts();
        uint32_t order[NPTS];
        int64_t cost = 0;
        note(w, ccad_route_solve(w->ctx, w->x, w->y, NPTS, &o, order, &cost));
        break;
    }
    case M_TODAY: {
        int32_t d = 0;
        uint32_t f = 0;
        note(w, ccad_ctx_today(w->ctx, &d));
        note(w, ccad_ctx_day_flags(w->ctx, &f, w->today));
        break;
    }
    case M_ALL:
        try_all_guarded(w);
        try_readers(w);
        break;
    case M_CTX_FREE:
        ccad_ctx_free(w->ctx);
        note(w, CCAD_EBUSY); /* nothing to return: the test checks the context still works */
        break;
    case M_FREE_OTHER:
        ccad_book_free(w->other);
        w->other = NULL;
        break;
    default:
        break;
    }
    w->depth--;
}

/* Every nested call got EBUSY (and there was at least one). */
static void all_busy(const rw *w)
{
    size_t i;
    assert_true(w->ninner > 0);
    for (i = 0; i < w->ninner; i++) {
        if (w->inner[i] != CCAD_EBUSY)
            fail_msg("nested call %lu returned %d (%s), expected CCAD_EBUSY", (unsigned long)i,
                     w->inner[i], ccad_strerror(w->inner[i]));
    }
}

/* The context is idle again: calls that check the guard work. */
static void usable(rw *w)
{
    int32_t d = 0;
    size_t at = 0;
    char id[16];
    ccad_customer c = cust(3000 + w->added++, id, sizeof id);
    ccad_schedule *s = NULL;
    ccad_plan_options o = plan_opts(w);
    arm(w, M_NONE, NULL, 0);
    assert_int_equal(ccad_ctx_today(w->ctx, &d), CCAD_OK);
    assert_int_equal(d, w->today);
    assert_int_equal(ccad_ctx_set_store(w->ctx, &w->store), CCAD_OK);
    assert_int_equal(ccad_book_add(w->b, &c, &at), CCAD_OK);
    assert_int_equal(ccad_book_grade(w->b, w->r), CCAD_OK);
    assert_int_equal(ccad_schedule_new(&s, w->b, w->r, &o), CCAD_OK);
    ccad_schedule_free(s);
    assert_int_equal(w->open_tx, 0);
}

static ccad_contact a_contact(const rw *w)
{
    ccad_contact k = CCAD_CONTACT_INIT;
    k.date = w->today;
    return k;
}

/* ---- issue 17's reproducers ---- */

/* A save callback that adds customers to the book being recorded into: the
 * wide slot reserved before the transaction (customer 3's 65,536th contact
 * no longer fits its compact record) is taken by the callback's customers,
 * and the pack after the commit writes past the wide table
 * (heap-buffer-overflow in ccad__pack without the guard). */
static void save_adds_to_book(void **state)
{
    rw *w = world_new();
    ccad_contact k = a_contact(w);
    ccad_customer before = CCAD_CUSTOMER_INIT, after = CCAD_CUSTOMER_INIT;
    tu_snap snap;
    (void)state;
    assert_int_equal(ccad_book_get(w->b, 3, &before), CCAD_OK);
    before.contacts = 65535;
    assert_int_equal(ccad_book_update(w->b, 3, &before), CCAD_OK);
    assert_int_equal(ccad_book_grade(w->b, w->r), CCAD_OK);
    tu_snap_take(&snap, w->b);
    arm(w, M_ADD, "save", 0);
    w->add_count = 16; /* exactly the wide table's first capacity */
    w->add_wide = 1;
    assert_int_equal(ccad_store_record(w->b, 3, &k), CCAD_OK);
    all_busy(w);
    assert_int_equal(w->ninner, 16);
    w->add_count = 0;
    w->add_wide = 0;
    assert_int_equal(ccad_book_count(w->b), 12);
    assert_int_equal(w->begins, 1);
    assert_int_equal(w->commits, 1);
    /* the record went in, nothing else changed */
    assert_int_equal(ccad_book_get(w->b, 3, &after), CCAD_OK);
    before = snap.c[3];
    assert_int_equal(after.contacts, before.contacts + 1);
    assert_int_equal(after.last_contact, w->today);
    /* save_book too: its loop must not see a book that grew under it */
    arm(w, M_ADD, "save", 0);
    assert_int_equal(ccad_store_save_book(w->b), CCAD_OK);
    all_busy(w);
    assert_int_equal(w->saves, 1 + 12);
    assert_int_equal(ccad_book_count(w->b), 12);
    tu_snap_free(&snap);
    usable(w);
    world_free(w);
}

/* ccad_store_record of customer 2 whose callbacks `where` try `mode` once:
 * refused, one transaction of four callbacks, customer 1 (a nested
 * record's) untouched, the store still the one given. */
static void in_transaction(int mode)
{
    static const char *const where[] = {"begin", "save", "append_contact", "commit"};
    size_t i;
    for (i = 0; i < sizeof where / sizeof where[0]; i++) {
        rw *w = world_new();
        ccad_contact k = a_contact(w);
        ccad_customer c = CCAD_CUSTOMER_INIT;
        arm(w, mode, where[i], 0);
        assert_int_equal(ccad_store_record(w->b, 2, &k), CCAD_OK);
        all_busy(w);
        assert_int_equal(w->ninner, 1);
        assert_int_equal(w->begins, 1);
        assert_int_equal(w->saves, 1);
        assert_int_equal(w->appends, 1);
        assert_int_equal(w->commits, 1);
        assert_int_equal(w->open_tx, 0);
        assert_int_equal(ccad_book_get(w->b, 1, &c), CCAD_OK);
        assert_int_equal(c.contacts, 4);
        arm(w, M_NONE, NULL, 0);
        assert_int_equal(ccad_store_record(w->b, 2, &k), CCAD_OK);
        assert_int_equal(w->begins, 2);
        usable(w);
        world_free(w);
    }
}

/* set_store(ctx, NULL) inside begin: the library would go on to call the
 * store's (now NULL) save. Refused, in begin, save, append and commit; so
 * is replacing the store there. */
static void set_store_inside_transaction(void **state)
{
    (void)state;
    in_transaction(M_SET_STORE_NULL);
    in_transaction(M_SET_STORE);
}

/* A nested ccad_store_record from inside a callback: refused, so begin runs
 * once per transaction. */
static void nested_store_record(void **state)
{
    (void)state;
    in_transaction(M_STORE_RECORD);
}

/* ---- the other callbacks ---- */

/* A calendar callback calling ccad_schedule_new and ccad_book_add on the
 * same context: refused; the outer schedule is the one made without them. */
static void calendar_reenters(void **state)
{
    rw *w = world_new();
    ccad_plan_options o = plan_opts(w);
    ccad_schedule *ref = NULL, *s = NULL;
    (void)state;
    assert_int_equal(ccad_schedule_new(&ref, w->b, w->r, &o), CCAD_OK);
    arm(w, M_SCHEDULE, "calendar", 0);
    assert_int_equal(ccad_schedule_new(&s, w->b, w->r, &o), CCAD_OK);
    all_busy(w);
    assert_int_equal(w->ninner, 2 * 10); /* from each of the 10 days' calendar calls */
    assert_int_equal(ccad_book_count(w->b), 12);
    tu_schedules_equal(ref, s);
    ccad_schedule_free(s);
    ccad_schedule_free(ref);
    /* the same through ccad_ctx_day_flags, called by the host itself */
    {
        uint32_t f = 0;
        arm(w, M_SCHEDULE, "calendar", 0);
        assert_int_equal(ccad_ctx_day_flags(w->ctx, &f, w->today), CCAD_OK);
        assert_int_equal(f, CCAD_DAY_WORKING);
        all_busy(w);
    }
    usable(w);
    world_free(w);
}

/* A travel callback calling ccad_route_solve with the same context. */
static void travel_reenters(void **state)
{
    rw *w = world_new();
    ccad_route_options o = route_opts();
    uint32_t ref[NPTS], got[NPTS];
    int64_t ref_cost = 0, cost = 0;
    (void)state;
    assert_int_equal(ccad_route_solve(w->ctx, w->x, w->y, NPTS, &o, ref, &ref_cost), CCAD_OK);
    arm(w, M_ROUTE, "travel", 0);
    assert_int_equal(ccad_route_solve(w->ctx, w->x, w->y, NPTS, &o, got, &cost), CCAD_OK);
    all_busy(w);
    assert_int_equal(cost, ref_cost);
    assert_memory_equal(got, ref, sizeof ref);
    /* and from a schedule with routes on the HOST metric */
    {
        ccad_plan_options po = plan_opts(w);
        ccad_schedule *s1 = NULL, *s2 = NULL;
        po.route = 1;
        po.metric = CCAD_METRIC_HOST;
        arm(w, M_NONE, NULL, 0);
        assert_int_equal(ccad_schedule_new(&s1, w->b, w->r, &po), CCAD_OK);
        arm(w, M_ALL, "travel", 0);
        assert_int_equal(ccad_schedule_new(&s2, w->b, w->r, &po), CCAD_OK);
        all_busy(w);
        tu_schedules_equal(s1, s2);
        ccad_schedule_free(s1);
        ccad_schedule_free(s2);
    }
    usable(w);
    world_free(w);
}

/* A clock callback re-entering. */
static void clock_reenters(void **state)
{
    rw *w = world_new();
    int32_t d = 0;
    (void)state;
    arm(w, M_TODAY, "clock", 0);
    assert_int_equal(ccad_ctx_today(w->ctx, &d), CCAD_OK);
    assert_int_equal(d, w->today);
    all_busy(w);
    assert_int_equal(w->ninner, 2);
    usable(w);
    world_free(w);
}

/* Every guarded function refuses, every reader answers, from every kind of
 * callback; and EBUSY records nothing: the context's error stays as it was. */
static void everything_from_every_callback(void **state)
{
    static const char *const where[] = {"begin", "save", "append_contact", "commit",
                                        "load",  "iterate", "clock", "calendar"};
    size_t i;
    (void)state;
    for (i = 0; i < sizeof where / sizeof where[0]; i++) {
        rw *w = world_new();
        ccad_contact k = a_contact(w);
        ccad_book *lb = NULL;
        size_t at = 0;
        int32_t d = 0;
        uint32_t f = 0;
        const char *mark = tu_mark(w->ctx);
        char keep[256];
        snprintf(keep, sizeof keep, "%s", mark);
        arm(w, M_ALL, where[i], 0);
        assert_int_equal(ccad_store_record(w->b, 2, &k), CCAD_OK);
        assert_int_equal(ccad_book_grade(w->b, w->r), CCAD_OK);
        assert_int_equal(ccad_store_load_customer(w->b, "c004", &at), CCAD_OK);
        assert_int_equal(at, 4);
        assert_int_equal(ccad_book_grade(w->b, w->r), CCAD_OK);
        assert_int_equal(ccad_store_load_book(&lb, w->ctx), CCAD_OK);
        assert_int_equal(ccad_book_count(lb), 5);
        ccad_book_free(lb);
        assert_int_equal(ccad_ctx_today(w->ctx, &d), CCAD_OK);
        assert_int_equal(ccad_ctx_day_flags(w->ctx, &f, w->today), CCAD_OK);
        all_busy(w);
        assert_int_equal(w->ninner % 31, 0); /* 31 guarded calls per attempt */
        assert_int_equal(ccad_ctx_errcode(w->ctx), CCAD_EINVAL);
        assert_string_equal(ccad_ctx_errmsg(w->ctx), keep);
        usable(w);
        world_free(w);
    }
}

/* The outer call fails (its callback reports failure after trying to
 * re-enter): it reports its own error, not EBUSY, and the context is
 * idle afterwards. */
static void outer_callback_fails(void **state)
{
    static const char *const where[] = {"begin", "save", "append_contact", "commit", "clock",
                                        "calendar", "travel"};
    size_t i;
    (void)state;
    for (i = 0; i < sizeof where / sizeof where[0]; i++) {
        rw *w = world_new();
        ccad_contact k = a_contact(w);
        ccad_route_options ro = route_opts();
        uint32_t order[NPTS];
        int32_t d = 0;
        uint32_t f = 0;
        int rc;
        arm(w, M_ALL, where[i], 1);
        if (strcmp(where[i], "clock") == 0)
            rc = ccad_ctx_today(w->ctx, &d);
        else if (strcmp(where[i], "calendar") == 0)
            rc = ccad_ctx_day_flags(w->ctx, &f, w->today);
        else if (strcmp(where[i], "travel") == 0)
            rc = ccad_route_solve(w->ctx, w->x, w->y, NPTS, &ro, order, NULL);
        else
            rc = ccad_store_record(w->b, 2, &k);
        assert_int_equal(rc, CCAD_ECALLBACK);
        assert_int_equal(ccad_ctx_errcode(w->ctx), CCAD_ECALLBACK);
        assert_non_null(strstr(ccad_ctx_errmsg(w->ctx), "callback failed"));
        all_busy(w);
        usable(w);
        world_free(w);
    }
}

/* Allocation N fails in a call whose callbacks re-enter: whatever the
 * outcome, the context is idle afterwards. */
static void allocation_failure_loop(void **state)
{
    long n;
    (void)state;
    for (n = 1;; n++) {
        rw *w = world_new();
        ccad_plan_options o = plan_opts(w);
        ccad_schedule *s = NULL;
        int rc;
        o.route = 1;
        o.metric = CCAD_METRIC_HOST;
        arm(w, M_ALL, NULL, 0);
        tu_fail_at(&w->al, n, 0);
        rc = ccad_schedule_new(&s, w->b, w->r, &o);
        tu_fail_at(&w->al, 0, 0);
        assert_true(rc == CCAD_OK || rc == CCAD_ENOMEM);
        if (w->ninner > 0) /* allocation 1 may fail before any callback */
            all_busy(w);
        ccad_schedule_free(s);
        usable(w);
        world_free(w);
        if (rc == CCAD_OK)
            break;
        assert_true(n < 5000);
    }
}

/* The allocator itself re-entering (here during ccad_book_add's growth):
 * refused like any other callback. */
static void allocator_reenters(void **state)
{
    rw *w = world_new();
    int i;
    (void)state;
    arm(w, M_ADD, "alloc", 0);
    w->alloc_reenter = 1;
    for (i = 0; i < 200; i++) {
        char id[16];
        ccad_customer c = cust(5000 + i, id, sizeof id);
        assert_int_equal(ccad_book_add(w->b, &c, NULL), CCAD_OK);
    }
    w->alloc_reenter = 0;
    all_busy(w);
    assert_int_equal(ccad_book_count(w->b), 212);
    usable(w);
    world_free(w);
}

/* ccad_ctx_free of the running call's own context does nothing; another
 * book of the context may be freed. */
static void frees_inside_callbacks(void **state)
{
    rw *w = world_new();
    ccad_contact k = a_contact(w);
    (void)state;
    arm(w, M_CTX_FREE, "save", 0);
    assert_int_equal(ccad_store_record(w->b, 2, &k), CCAD_OK);
    assert_int_equal(w->commits, 1);
    usable(w);
    assert_int_equal(ccad_book_new(&w->other, w->ctx, 0), CCAD_OK);
    arm(w, M_FREE_OTHER, "save", 0);
    assert_int_equal(ccad_store_record(w->b, 2, &k), CCAD_OK);
    assert_null(w->other);
    usable(w);
    world_free(w);
}

/* An optional argument names the case(s) to run (a cmocka filter pattern). */
int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(save_adds_to_book),
        cmocka_unit_test(set_store_inside_transaction),
        cmocka_unit_test(nested_store_record),
        cmocka_unit_test(calendar_reenters),
        cmocka_unit_test(travel_reenters),
        cmocka_unit_test(clock_reenters),
        cmocka_unit_test(everything_from_every_callback),
        cmocka_unit_test(outer_callback_fails),
        cmocka_unit_test(allocation_failure_loop),
        cmocka_unit_test(allocator_reenters),
        cmocka_unit_test(frees_inside_callbacks),
    };
    if (argc > 1)
        cmocka_set_test_filter(argv[1]);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
