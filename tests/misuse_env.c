/* Helpers of tests/misuse_env.h. */
#include "misuse_env.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* Host callbacks that can fail or lie                                        */

static int cb_clock(void *u, int64_t *out)
{
    liar *l = u;
    *out = l->clock_secs;
    return l->clock_rc;
}

static int cb_calendar(void *u, int32_t day, uint32_t *out)
{
    liar *l = u;
    l->calendar_calls++;
    *out = (tu_weekday(day) <= 5 ? (uint32_t)CCAD_DAY_WORKING : 0u) | l->calendar_or;
    return l->calendar_rc;
}

static int cb_travel(void *u, double fx, double fy, double tx, double ty, int32_t *out)
{
    liar *l = u;
    l->travel_calls++;
    if (l->travel_fixed != 0)
        *out = l->travel_fixed;
    else
        *out = (int32_t)(fabs(fx - tx) + fabs(fy - ty));
    return l->travel_rc;
}

/* ------------------------------------------------------------------------ */
/* A fake transactional store that fails (or lies) at a chosen callback       */

const char *const s_names[S_N] = {"begin", "commit",         "rollback", "load",
                                  "save",  "append_contact", "iterate"};

static int fs_step(fstore *f, int which)
{
    f->calls[which]++;
    return f->fail == which ? 1 : 0;
}

static int fs_begin(void *u)
{
    fstore *f = u;
    if (fs_step(f, S_BEGIN))
        return 1;
    memcpy(f->tc, f->c, sizeof f->c);
    memcpy(f->tids, f->ids, sizeof f->ids);
    f->tn = f->n;
    f->tcontacts = f->contacts;
    f->in_tx = 1;
    return 0;
}
static int fs_commit(void *u)
{
    fstore *f = u;
    if (fs_step(f, S_COMMIT))
        return 1;
    f->in_tx = 0;
    return 0;
}
static int fs_rollback(void *u)
{
    fstore *f = u;
    if (fs_step(f, S_ROLLBACK))
        return 1;
    if (f->in_tx) {
        memcpy(f->c, f->tc, sizeof f->c);
        memcpy(f->ids, f->tids, sizeof f->ids);
        f->n = f->tn;
        f->contacts = f->tcontacts;
    }
    f->in_tx = 0;
    return 0;
}
static void fs_lie(ccad_customer *out)
{
    out->value = -5; /* negative money */
    out->status = 99;
}
static int fs_load(void *u, const char *id, ccad_customer *out, int *found)
{
    fstore *f = u;
    size_t i;
    if (fs_step(f, S_LOAD))
        return 1;
    for (i = 0; i < f->n; i++)
        if (strcmp(f->ids[i], id) == 0) {
            uint32_t size = out->size;
            *out = f->c[i];
            out->size = size;
            out->id = f->ids[i];
            if (f->lie)
                fs_lie(out);
            *found = 1;
            return 0;
        }
    *found = 0;
    return 0;
}
static int fs_save(void *u, const ccad_customer *c)
{
    fstore *f = u;
    size_t i;
    if (fs_step(f, S_SAVE))
        return 1;
    for (i = 0; i < f->n && strcmp(f->ids[i], c->id) != 0; i++)
        ;
    if (i == f->n) {
        if (f->n == NCUST + 2)
            return 1;
        f->n++;
    }
    f->c[i] = *c;
    strcpy(f->ids[i], c->id);
    f->c[i].id = f->ids[i];
    return 0;
}
static int fs_append(void *u, const char *id, const ccad_contact *k)
{
    fstore *f = u;
    (void)id;
    (void)k;
    if (fs_step(f, S_APPEND))
        return 1;
    f->contacts++;
    return 0;
}
static int fs_iterate(void *u, ccad_store_each_fn each, void *eu)
{
    fstore *f = u;
    size_t i;
    if (fs_step(f, S_ITERATE))
        return 1;
    for (i = 0; i < f->n; i++) {
        ccad_customer c = f->c[i];
        c.id = f->ids[i];
        if (f->lie)
            fs_lie(&c);
        if (each(eu, &c) != 0)
            return 1;
    }
    return 0;
}

ccad_store fs_callbacks(fstore *f)
{
    ccad_store s = CCAD_STORE_INIT;
    s.user = f;
    s.begin = fs_begin;
    s.commit = fs_commit;
    s.rollback = fs_rollback;
    s.load = fs_load;
    s.save = fs_save;
    s.append_contact = fs_append;
    s.iterate = fs_iterate;
    return s;
}

/* ------------------------------------------------------------------------ */
/* The world every case starts from                                           */

world *W;

void add_customer(ccad_book *b, int i, int32_t today)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    ccad_contact k = CCAD_CONTACT_INIT;
    char id[16];
    size_t at;
    snprintf(id, sizeof id, "M-%02d", i);
    c.id = id;
    c.value = 100000 * (i + 1);
    c.status = i == 0 ? CCAD_STATUS_KEY : CCAD_STATUS_ACTIVE;
    c.has_location = 1;
    c.x = 10.0 * i;
    c.y = 5.0 * (i % 3);
    c.purchase_date = today + 10 * i;
    c.monthly_volume = 5000 * i;
    c.margin_bp = 100 * i;
    TU_PASS(ccad_book_ctx(b), ccad_book_add(b, &c, &at));
    k.date = today - 20 - i;
    k.next_date = today + i;
    TU_PASS(ccad_book_ctx(b), ccad_book_record(b, at, &k));
}

int world_setup(void **state)
{
    world *w = calloc(1, sizeof *w);
    ccad_host h = CCAD_HOST_INIT;
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    ccad_store s;
    int i;
    assert_non_null(w);
    w->today = tu_date("2026-11-23");
    w->l.clock_secs = (int64_t)w->today * 86400 + 3600;
    w->fs.fail = -1;
    h.user = &w->l;
    h.clock = cb_clock;
    h.calendar = cb_calendar;
    h.travel = cb_travel;
    TU_PASS(w->ctx, ccad_ctx_new(&w->ctx, &h));
    TU_PASS(w->ctx, ccad_rules_new(&w->rules, w->ctx));
    TU_PASS(w->ctx, ccad_rules_new(&w->rules2, w->ctx));
    TU_PASS(w->ctx, ccad_rules_set(w->rules2, "gap.max_days", 20));
    TU_PASS(w->ctx, ccad_book_new(&w->book, w->ctx, 0));
    for (i = 0; i < NCUST; i++)
        add_customer(w->book, i, w->today);
    TU_PASS(w->ctx, ccad_book_grade(w->book, w->rules));
    o.first_day = w->today;
    o.days = 14;
    TU_PASS(w->ctx, ccad_schedule_new(&w->sched, w->book, w->rules, &o));
    assert_true(ccad_schedule_item_count(w->sched) > 0);
    assert_true(ccad_schedule_finding_count(w->sched) > 0);
    s = fs_callbacks(&w->fs);
    TU_PASS(w->ctx, ccad_ctx_set_store(w->ctx, &s));
    TU_PASS(w->ctx, ccad_store_save_book(w->book));
    for (i = 0; i <= NCUST; i++) {
        w->x[i] = 3.0 * i + (i % 2);
        w->y[i] = 7.0 * (i % 4);
    }
    W = w;
    *state = w;
    return 0;
}

int world_teardown(void **state)
{
    world *w = *state;
    ccad_schedule_free(w->sched);
    ccad_book_free(w->book);
    ccad_rules_free(w->rules);
    ccad_rules_free(w->rules2);
    ccad_ctx_free(w->ctx);
    free(w);
    W = NULL;
    return 0;
}

/* ---- digest of everything a failed call must not change ---- */

uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    size_t i;
    for (i = 0; i < n; i++) {
        h ^= b[i];
        h *= 1099511628211ull;
    }
    return h;
}

static uint64_t digest_rules(uint64_t h, const ccad_rules *r)
{
    char buf[16384];
    size_t len = 0;
    TU_PASS(ccad_rules_ctx(r), ccad_rules_serialize(r, buf, sizeof buf, &len));
    return fnv(h, buf, len);
}

/* Field by field: struct copies carry indeterminate padding. */
static uint64_t hash_customer(uint64_t h, const ccad_customer *c)
{
#define H(f) h = fnv(h, &c->f, sizeof c->f)
    H(value);
    H(grade);
    H(status);
    H(purchase_date);
    H(monthly_volume);
    H(margin_bp);
    H(capable);
    H(has_location);
    H(x);
    H(y);
    H(complaint);
    H(complaint_date);
    H(request_date);
    H(visit_days);
    H(visit_open_min);
    H(visit_close_min);
    H(owned_since);
    H(last_contact);
    H(last_visit);
    H(last_gap_days);
    H(contacts);
    H(no_progress);
    H(missing_records);
    H(last_recorded);
    H(next_step_date);
    H(service_counts);
#undef H
    return h;
}

static uint64_t digest_book(uint64_t h, const ccad_book *b)
{
    size_t i, n = ccad_book_count(b);
    h = fnv(h, &n, sizeof n);
    for (i = 0; i < n; i++) {
        ccad_customer c;
        ccad_assessment a = CCAD_ASSESSMENT_INIT;
        int g = ccad_book_grade_of(b, i), rc;
        memset(&c, 0, sizeof c);
        c.size = (uint32_t)sizeof c;
        TU_PASS(ccad_book_ctx(b), ccad_book_get(b, i, &c));
        h = fnv(h, c.id, strlen(c.id));
        h = hash_customer(h, &c);
        h = fnv(h, &g, sizeof g);
        rc = ccad_book_assess(b, W->rules, i, W->today, &a); /* ESTALE once changed */
        h = fnv(h, &rc, sizeof rc);
    }
    return h;
}

uint64_t digest(void)
{
    uint64_t h = 14695981039346656037ull;
    size_t count = ccad_schedule_item_count(W->sched);
    h = digest_rules(h, W->rules);
    h = digest_rules(h, W->rules2);
    h = digest_book(h, W->book);
    h = fnv(h, &count, sizeof count);
    h = fnv(h, &W->fs.n, sizeof W->fs.n);
    h = fnv(h, &W->fs.contacts, sizeof W->fs.contacts);
    {
        size_t i;
        for (i = 0; i < W->fs.n; i++) {
            h = fnv(h, W->fs.ids[i], strlen(W->fs.ids[i]));
            h = hash_customer(h, &W->fs.c[i]);
        }
    }
    return h;
}

/* Puts the context in a known failure state with a message no call under
 * test can produce, and returns a copy of that message. */
const char *mark_ctx(ccad_ctx *ctx)
{
    static char msg[256];
    assert_int_equal(ccad_rules_set(W->rules, "misuse.mark", 0), CCAD_ENOTFOUND);
    assert_int_equal(ccad_ctx_errcode(ctx), CCAD_ENOTFOUND);
    strncpy(msg, ccad_ctx_errmsg(ctx), sizeof msg - 1);
    msg[sizeof msg - 1] = '\0';
    assert_non_null(strstr(msg, "misuse.mark"));
    return msg;
}

/* The call must fail with `code`, change nothing, and (msg) record that code
 * and a new, non-empty message on the world's context. */
void expect_fail(const char *what, int rc, int code, int msg, uint64_t before, const char *mark)
{
    if (rc != code)
        fail_msg("%s: returned %d (%s), expected %d (%s); message: %s", what, rc, ccad_strerror(rc),
                 code, ccad_strerror(code), ccad_ctx_errmsg(W->ctx));
    if (msg) { /* before the digest, which reads through the context */
        if (ccad_ctx_errcode(W->ctx) != code)
            fail_msg("%s: context code %d, expected %d", what, ccad_ctx_errcode(W->ctx), code);
        if (ccad_ctx_errmsg(W->ctx)[0] == '\0' || strcmp(ccad_ctx_errmsg(W->ctx), mark) == 0)
            fail_msg("%s: no new message recorded (still '%s')", what, ccad_ctx_errmsg(W->ctx));
    }
    if (digest() != before)
        fail_msg("%s: failed with %d but changed the book, rules or store", what, rc);
}

long cases; /* failing calls checked, over the whole program */
