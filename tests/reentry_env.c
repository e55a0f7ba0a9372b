/* Helpers of tests/reentry_env.h. */
#include "reentry_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

ccad_customer rw_cust(int i, char *id, size_t cap)
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

rw *world_new(void)
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
    TU_PASS(w->ctx, ccad_ctx_new(&w->ctx, &h));
    TU_PASS(w->ctx, ccad_rules_new(&w->r, w->ctx));
    TU_PASS(w->ctx, ccad_book_new(&w->b, w->ctx, 0));
    for (i = 0; i < 12; i++) {
        char id[16];
        ccad_customer c = rw_cust(i, id, sizeof id);
        TU_PASS(w->ctx, ccad_book_add(w->b, &c, NULL));
    }
    TU_PASS(w->ctx, ccad_book_grade(w->b, w->r));
    {
        ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
        o.first_day = w->today;
        TU_PASS(w->ctx, ccad_schedule_new(&w->sched, w->b, w->r, &o));
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
    TU_PASS(w->ctx, ccad_ctx_set_store(w->ctx, &w->store));
    for (i = 0; i < NPTS; i++) {
        w->x[i] = (double)((i * 5) % 11);
        w->y[i] = (double)((i * 3) % 7);
    }
    return w;
}

void world_free(rw *w)
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

void arm(rw *w, int mode, const char *where, int fail_cb)
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

ccad_plan_options plan_opts(const rw *w)
{
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    o.first_day = w->today;
    o.days = 10;
    o.visits_per_day = 3;
    return o;
}

ccad_route_options rw_route_opts(void)
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
    ccad_route_options ro = rw_route_opts();
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
    c = rw_cust(900, id, sizeof id);
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
    TU_PASS(w->ctx, ccad_book_get(w->b, 1, &c));
    assert_string_equal(c.id, "c001");
    TU_PASS(w->ctx, ccad_book_find(w->b, "c002", &at));
    assert_int_equal(at, 2);
    TU_PASS(w->ctx, ccad_rules_get(w->r, "gap.max_days", &v));
    assert_int_equal(ccad_rules_serialize(w->r, buf, sizeof buf, &len), CCAD_ENOSPC);
    TU_PASS(w->ctx, ccad_book_assess(w->b, w->r, 3, w->today, &a));
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
            ccad_customer c = rw_cust(1000 + w->added++, id, sizeof id);
            if (w->add_wide)
                c.monthly_volume = 5000000000;
            note(w, ccad_book_add(w->b, &c, NULL));
        }
        break;
    case M_SET_STORE_NULL: note(w, ccad_ctx_set_store(w->ctx, NULL)); break;
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
        ccad_customer c = rw_cust(2000, id, sizeof id);
        note(w, ccad_schedule_new(&s, w->b, w->r, &o));
        assert_null(s);
        note(w, ccad_book_add(w->b, &c, NULL));
        break;
    }
    case M_ROUTE: {
        ccad_route_options o = rw_route_opts();
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
    default: break;
    }
    w->depth--;
}

/* Every nested call got EBUSY (and there was at least one). */
void all_busy(const rw *w)
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
void usable(rw *w)
{
    int32_t d = 0;
    size_t at = 0;
    char id[16];
    ccad_customer c = rw_cust(3000 + w->added++, id, sizeof id);
    ccad_schedule *s = NULL;
    ccad_plan_options o = plan_opts(w);
    arm(w, M_NONE, NULL, 0);
    TU_PASS(w->ctx, ccad_ctx_today(w->ctx, &d));
    assert_int_equal(d, w->today);
    TU_PASS(w->ctx, ccad_ctx_set_store(w->ctx, &w->store));
    TU_PASS(w->ctx, ccad_book_add(w->b, &c, &at));
    TU_PASS(w->ctx, ccad_book_grade(w->b, w->r));
    TU_PASS(w->ctx, ccad_schedule_new(&s, w->b, w->r, &o));
    ccad_schedule_free(s);
    assert_int_equal(w->open_tx, 0);
}

ccad_contact a_contact(const rw *w)
{
    ccad_contact k = CCAD_CONTACT_INIT;
    k.date = w->today;
    return k;
}
