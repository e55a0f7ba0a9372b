/* Misuse suite: every public function called the way a careless or hostile
 * host would call it.
 *
 *   - NULL for every pointer argument of every public function (one table
 *     row per function and argument);
 *   - extremes: INT32_MIN/MAX dates, INT64 extremes for money and rules
 *     values, counts and sizes at their limits;
 *   - bad struct sizes (0, too small, one short, one over, too large) for
 *     every size-versioned struct;
 *   - 10 MB ids, names and rules lines; random and NUL-laden rules text;
 *   - plan and route options at and past every documented bound;
 *   - failing and lying host callbacks (clock, calendar, travel, store).
 *
 * Each failing call must return its documented code, record a message where
 * a context is reachable, change nothing (a digest of the book, its grades
 * and both rule sets is compared before and after) and never crash (the file
 * also runs under CCAD_SANITIZE). */
#include "testutil.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NCUST 6
#define BIG (10u * 1024u * 1024u) /* 10 MB */

/* ------------------------------------------------------------------------ */
/* Host callbacks that can fail or lie                                        */

typedef struct liar {
    int clock_rc;         /* returned by the clock */
    int64_t clock_secs;   /* written by the clock */
    int calendar_rc;      /* returned by the calendar */
    uint32_t calendar_or; /* extra bits or'ed into every day's flags */
    int travel_rc;        /* returned by travel */
    int32_t travel_fixed; /* if not 0: every leg takes this many minutes */
    long calendar_calls, travel_calls;
} liar;

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

enum { S_BEGIN, S_COMMIT, S_ROLLBACK, S_LOAD, S_SAVE, S_APPEND, S_ITERATE, S_N };
static const char *const s_names[S_N] = {"begin", "commit", "rollback", "load",
                                         "save",  "append_contact", "iterate"};

typedef struct fstore {
    ccad_customer c[NCUST + 2];
    char ids[NCUST + 2][CCAD_ID_MAX + 1];
    size_t n;
    unsigned long contacts; /* append_contact calls kept */
    /* the transaction's copy */
    ccad_customer tc[NCUST + 2];
    char tids[NCUST + 2][CCAD_ID_MAX + 1];
    size_t tn;
    unsigned long tcontacts;
    int in_tx;
    int fail;      /* S_* that fails, or -1 */
    int lie;       /* 1: load/iterate hand back an invalid customer */
    long calls[S_N];
} fstore;

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

static ccad_store fs_callbacks(fstore *f)
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

typedef struct world {
    liar l;
    fstore fs;
    ccad_ctx *ctx;
    ccad_rules *rules, *rules2;
    ccad_book *book;
    ccad_schedule *sched;
    int32_t today;
    double x[NCUST + 1], y[NCUST + 1];
} world;

static world *W;

static void add_customer(ccad_book *b, int i, int32_t today)
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
    assert_int_equal(ccad_book_add(b, &c, &at), CCAD_OK);
    k.date = today - 20 - i;
    k.next_date = today + i;
    assert_int_equal(ccad_book_record(b, at, &k), CCAD_OK);
}

static int setup(void **state)
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
    assert_int_equal(ccad_ctx_new(&w->ctx, &h), CCAD_OK);
    assert_int_equal(ccad_rules_new(&w->rules, w->ctx), CCAD_OK);
    assert_int_equal(ccad_rules_new(&w->rules2, w->ctx), CCAD_OK);
    assert_int_equal(ccad_rules_set(w->rules2, "gap.max_days", 20), CCAD_OK);
    assert_int_equal(ccad_book_new(&w->book, w->ctx, 0), CCAD_OK);
    for (i = 0; i < NCUST; i++)
        add_customer(w->book, i, w->today);
    assert_int_equal(ccad_book_grade(w->book, w->rules), CCAD_OK);
    o.first_day = w->today;
    o.days = 14;
    assert_int_equal(ccad_schedule_new(&w->sched, w->book, w->rules, &o), CCAD_OK);
    assert_true(ccad_schedule_item_count(w->sched) > 0);
    assert_true(ccad_schedule_finding_count(w->sched) > 0);
    s = fs_callbacks(&w->fs);
    assert_int_equal(ccad_ctx_set_store(w->ctx, &s), CCAD_OK);
    assert_int_equal(ccad_store_save_book(w->book), CCAD_OK);
    for (i = 0; i <= NCUST; i++) {
        w->x[i] = 3.0 * i + (i % 2);
        w->y[i] = 7.0 * (i % 4);
    }
    W = w;
    *state = w;
    return 0;
}

static int teardown(void **state)
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

static uint64_t fnv(uint64_t h, const void *p, size_t n)
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
    assert_int_equal(ccad_rules_serialize(r, buf, sizeof buf, &len), CCAD_OK);
    return fnv(h, buf, len);
}

/* Field by field: struct copies carry indeterminate padding. */
static uint64_t hash_customer(uint64_t h, const ccad_customer *c)
{
#define H(f) h = fnv(h, &c->f, sizeof c->f)
    H(value); H(grade); H(status); H(purchase_date); H(monthly_volume); H(margin_bp);
    H(capable); H(has_location); H(x); H(y); H(complaint); H(complaint_date);
    H(request_date); H(visit_days); H(visit_open_min); H(visit_close_min); H(owned_since);
    H(last_contact); H(last_visit); H(last_gap_days); H(contacts); H(no_progress);
    H(missing_records); H(last_recorded); H(next_step_date); H(service_counts);
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
        assert_int_equal(ccad_book_get(b, i, &c), CCAD_OK);
        h = fnv(h, c.id, strlen(c.id));
        h = hash_customer(h, &c);
        h = fnv(h, &g, sizeof g);
        rc = ccad_book_assess(b, W->rules, i, W->today, &a); /* ESTALE once changed */
        h = fnv(h, &rc, sizeof rc);
    }
    return h;
}

static uint64_t digest(void)
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
static const char *mark_ctx(ccad_ctx *ctx)
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
static void expect_fail(const char *what, int rc, int code, int msg, uint64_t before,
                        const char *mark)
{
    if (rc != code)
        fail_msg("%s: returned %d (%s), expected %d (%s); message: %s", what, rc,
                 ccad_strerror(rc), code, ccad_strerror(code), ccad_ctx_errmsg(W->ctx));
    if (msg) { /* before the digest, which reads through the context */
        if (ccad_ctx_errcode(W->ctx) != code)
            fail_msg("%s: context code %d, expected %d", what, ccad_ctx_errcode(W->ctx), code);
        if (ccad_ctx_errmsg(W->ctx)[0] == '\0' || strcmp(ccad_ctx_errmsg(W->ctx), mark) == 0)
            fail_msg("%s: no new message recorded (still '%s')", what, ccad_ctx_errmsg(W->ctx));
    }
    if (digest() != before)
        fail_msg("%s: failed with %d but changed the book, rules or store", what, rc);
}

/* Runs `call` (an expression using the world) expecting `code`. */
#define MUST_FAIL(call, code, msg)                                                     \
    do {                                                                               \
        uint64_t d_ = digest();                                                        \
        const char *m_ = mark_ctx(W->ctx);                                              \
        char mark_[256];                                                               \
        int rc_;                                                                       \
        strncpy(mark_, m_, sizeof mark_ - 1);                                          \
        mark_[sizeof mark_ - 1] = '\0';                                                \
        rc_ = (call);                                                                  \
        expect_fail(#call, rc_, (code), (msg), d_, mark_);                             \
        cases++;                                                                       \
    } while (0)

static long cases; /* failing calls checked, over the whole file */

/* ------------------------------------------------------------------------ */
/* 1. The message of a plan range that runs past the calendar's end          */

static void schedule_past_calendar_end(void **state)
{
    world *w = *state;
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    ccad_schedule *s = (ccad_schedule *)&o;
    const char *m;
    o.first_day = CCAD_DATE_MAX;
    o.days = 2;
    MUST_FAIL(ccad_schedule_new(&s, w->book, w->rules, &o), CCAD_ERANGE, 1);
    assert_null(s);
    m = ccad_ctx_errmsg(w->ctx);
    /* both values are valid on their own: the message must name the range's
     * end and the last valid date, not blame first_day or days */
    assert_non_null(strstr(m, "runs past the calendar's end"));
    assert_non_null(strstr(m, "day 2932897"));
    assert_non_null(strstr(m, "last valid date 9999-12-31"));
    assert_null(strstr(m, "must be a valid date"));
    /* the last day alone plans */
    o.days = 1;
    assert_int_equal(ccad_schedule_new(&s, w->book, w->rules, &o), CCAD_OK);
    ccad_schedule_free(s);
    /* a first_day or a day count bad on its own is named as such */
    o.first_day = CCAD_DATE_MAX + 1;
    MUST_FAIL(ccad_schedule_new(&s, w->book, w->rules, &o), CCAD_ERANGE, 1);
    assert_non_null(strstr(ccad_ctx_errmsg(w->ctx), "first_day 2932897 is not a valid date"));
    o.first_day = w->today;
    o.days = 367;
    MUST_FAIL(ccad_schedule_new(&s, w->book, w->rules, &o), CCAD_ERANGE, 1);
    assert_non_null(strstr(ccad_ctx_errmsg(w->ctx), "days 367 is outside 1..366"));
}

/* ------------------------------------------------------------------------ */
/* 2. NULL for every pointer argument                                         */

/* Each row calls one function with argument `arg` (1-based) replaced by
 * NULL; every other argument is valid. */
#define N(i, v) (arg == (i) ? NULL : (v))

typedef int (*null_fn)(world *w, int arg);

typedef struct null_row {
    const char *fn;
    int arg;       /* 1-based position of the NULL argument */
    null_fn call;
    int code;      /* expected status */
    int msg;       /* 1: a message is expected on the world's context */
} null_row;

static int n_date_from_ymd(world *w, int arg) { (void)w; return ccad_date_from_ymd(N(1, &(int32_t){0}), 2026, 1, 1); }
static int n_date_weekday(world *w, int arg) { (void)w; return ccad_date_weekday(N(1, &(int){0}), 0); }
static int n_date_iso_week(world *w, int arg) { (void)w; return ccad_date_iso_week(N(1, &(int){0}), N(2, &(int){0}), 0); }
static int n_date_parse(world *w, int arg) { (void)w; return ccad_date_parse(N(1, &(int32_t){0}), N(2, "2026-01-01"), 10); }
static int n_date_format(world *w, int arg) { char b[11]; (void)w; return ccad_date_format(N(1, b), 11, 0); }
static int n_ctx_new(world *w, int arg)
{
    ccad_ctx *c = NULL;
    int rc;
    (void)w;
    rc = ccad_ctx_new(N(1, &c), NULL);
    ccad_ctx_free(c);
    return rc;
}
static int n_ctx_errpos(world *w, int arg) { return ccad_ctx_errpos(N(1, w->ctx), N(2, &(uint32_t){0}), N(3, &(uint32_t){0})); }
static int n_ctx_today(world *w, int arg) { return ccad_ctx_today(N(1, w->ctx), N(2, &(int32_t){0})); }
static int n_ctx_day_flags(world *w, int arg) { return ccad_ctx_day_flags(N(1, w->ctx), N(2, &(uint32_t){0}), w->today); }
static int n_name_parse(world *w, int arg) { (void)w; return ccad_name_parse(N(1, &(int){0}), CCAD_NAME_GRADE, N(3, "A"), 1); }
static int n_rules_new(world *w, int arg)
{
    ccad_rules *r = NULL;
    int rc = ccad_rules_new(N(1, &r), N(2, w->ctx));
    ccad_rules_free(r);
    return rc;
}
static int n_rules_copy(world *w, int arg)
{
    ccad_rules *r = NULL;
    int rc = ccad_rules_copy(N(1, &r), N(2, w->ctx), N(3, w->rules));
    ccad_rules_free(r);
    return rc;
}
static int n_rules_param_info(world *w, int arg) { ccad_param_info i = CCAD_PARAM_INFO_INIT; (void)w; return ccad_rules_param_info(N(1, &i), 0); }
static int n_rules_get(world *w, int arg) { return ccad_rules_get(N(1, w->rules), N(2, "gap.max_days"), N(3, &(int64_t){0})); }
static int n_rules_set(world *w, int arg) { return ccad_rules_set(N(1, w->rules), N(2, "gap.max_days"), 12); }
static int n_rules_set_text(world *w, int arg) { return ccad_rules_set_text(N(1, w->rules), N(2, "gap.max_days"), N(3, "12")); }
static int n_rules_parse(world *w, int arg) { return ccad_rules_parse(N(1, w->rules), N(2, "gap.max_days = 12\n"), 18); }
static int n_rules_serialize(world *w, int arg) { char b[16384]; return ccad_rules_serialize(N(1, w->rules), N(2, b), sizeof b, N(4, &(size_t){0})); }
static int n_book_new(world *w, int arg)
{
    ccad_book *b = NULL;
    int rc = ccad_book_new(N(1, &b), N(2, w->ctx), 0);
    ccad_book_free(b);
    return rc;
}
static int n_book_add(world *w, int arg)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    c.id = "NEW-1";
    return ccad_book_add(N(1, w->book), N(2, &c), &(size_t){0});
}
static int n_book_add_id(world *w, int arg)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    (void)arg;
    c.id = NULL; /* the struct's own pointer member */
    return ccad_book_add(w->book, &c, NULL);
}
static int n_book_find(world *w, int arg) { return ccad_book_find(N(1, w->book), N(2, "M-01"), N(3, &(size_t){0})); }
static int n_book_get(world *w, int arg) { ccad_customer c = CCAD_CUSTOMER_INIT; return ccad_book_get(N(1, w->book), 0, N(3, &c)); }
static int n_book_update(world *w, int arg)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    if (arg != 1)
        assert_int_equal(ccad_book_get(w->book, 1, &c), CCAD_OK);
    c.value += 1;
    return ccad_book_update(N(1, w->book), 1, N(3, &c));
}
static int n_book_record(world *w, int arg)
{
    ccad_contact k = CCAD_CONTACT_INIT;
    k.date = w->today;
    return ccad_book_record(N(1, w->book), 1, N(3, &k));
}
static int n_book_grade(world *w, int arg) { return ccad_book_grade(N(1, w->book), N(2, w->rules2)); }
static int n_set_store(world *w, int arg)
{
    ccad_store s = fs_callbacks(&w->fs);
    return ccad_ctx_set_store(N(1, w->ctx), &s);
}
static int n_set_store_member(world *w, int arg)
{
    ccad_store s = fs_callbacks(&w->fs);
    switch (arg) {
    case 3: s.begin = NULL; break;
    case 4: s.commit = NULL; break;
    case 5: s.rollback = NULL; break;
    case 6: s.load = NULL; break;
    case 7: s.save = NULL; break;
    case 8: s.append_contact = NULL; break;
    default: s.iterate = NULL; break;
    }
    return ccad_ctx_set_store(w->ctx, &s);
}
static int n_store_record(world *w, int arg)
{
    ccad_contact k = CCAD_CONTACT_INIT;
    k.date = w->today;
    return ccad_store_record(N(1, w->book), 1, N(3, &k));
}
static int n_store_save_book(world *w, int arg) { return ccad_store_save_book(N(1, w->book)); }
static int n_store_load_book(world *w, int arg)
{
    ccad_book *b = NULL;
    int rc = ccad_store_load_book(N(1, &b), N(2, w->ctx));
    ccad_book_free(b);
    return rc;
}
static int n_store_load_customer(world *w, int arg) { return ccad_store_load_customer(N(1, w->book), N(2, "M-01"), NULL); }
static int n_book_assess(world *w, int arg)
{
    ccad_assessment a = CCAD_ASSESSMENT_INIT;
    return ccad_book_assess(N(1, w->book), N(2, w->rules), 0, w->today, N(5, &a));
}
static int n_book_assess_range(world *w, int arg)
{
    ccad_brief br[2];
    return ccad_book_assess_range(N(1, w->book), N(2, w->rules), 0, 2, w->today, N(6, br),
                                  sizeof *br);
}
static int n_reason_format(world *w, int arg)
{
    ccad_reason r = {CCAD_RULE_GAP, CCAD_WHY_GAP_ALERT, 22, 21, 8};
    char b[256];
    (void)w;
    return ccad_reason_format(N(1, b), sizeof b, N(3, &r), NULL);
}
static int n_schedule_new(world *w, int arg)
{
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    ccad_schedule *s = NULL;
    int rc;
    o.first_day = w->today;
    rc = ccad_schedule_new(N(1, &s), N(2, w->book), N(3, w->rules), N(4, &o));
    ccad_schedule_free(s);
    return rc;
}
static int n_schedule_item(world *w, int arg) { ccad_item it = CCAD_ITEM_INIT; return ccad_schedule_item(N(1, w->sched), 0, N(3, &it)); }
static int n_schedule_finding(world *w, int arg) { ccad_finding f = CCAD_FINDING_INIT; return ccad_schedule_finding(N(1, w->sched), 0, N(3, &f)); }
static int n_schedule_reminders(world *w, int arg)
{
    size_t idx[64];
    return ccad_schedule_reminders(N(1, w->sched), w->today, N(3, idx), 64, N(5, &(size_t){0}));
}
static int n_book_workload(world *w, int arg) { ccad_workload io = CCAD_WORKLOAD_INIT; return ccad_book_workload(N(1, w->book), N(2, w->rules), w->today, N(4, &io)); }
static int n_schedule_day(world *w, int arg) { ccad_day d = CCAD_DAY_INIT; return ccad_schedule_day(N(1, w->sched), w->today, N(3, &d)); }
static int n_book_platform(world *w, int arg) { ccad_platform p = CCAD_PLATFORM_INIT; return ccad_book_platform(N(1, w->book), N(2, w->rules), N(3, &p)); }
static int n_book_choose_working(world *w, int arg)
{
    uint8_t ch[NCUST];
    return ccad_book_choose_working(N(1, w->book), N(2, w->rules), N(3, ch), NCUST);
}
static int n_route_solve(world *w, int arg)
{
    uint32_t order[NCUST + 1];
    return ccad_route_solve(N(1, w->ctx), N(2, w->x), N(3, w->y), NCUST + 1, NULL, N(6, order),
                            NULL);
}
static int n_route_solve_tw(world *w, int arg)
{
    uint32_t order[NCUST + 1];
    return ccad_route_solve_tw(N(1, w->ctx), N(2, w->x), N(3, w->y), NCUST + 1, NULL, NULL,
                               N(7, order), NULL, NULL);
}

#define EI CCAD_EINVAL
static const null_row null_rows[] = {
    {"ccad_date_from_ymd", 1, n_date_from_ymd, EI, 0},
    {"ccad_date_weekday", 1, n_date_weekday, EI, 0},
    {"ccad_date_iso_week", 1, n_date_iso_week, EI, 0},
    {"ccad_date_iso_week", 2, n_date_iso_week, EI, 0},
    {"ccad_date_parse", 1, n_date_parse, EI, 0},
    {"ccad_date_parse", 2, n_date_parse, EI, 0},
    {"ccad_date_format", 1, n_date_format, EI, 0},
    {"ccad_ctx_new", 1, n_ctx_new, EI, 0},
    {"ccad_ctx_errpos", 1, n_ctx_errpos, EI, 0},
    {"ccad_ctx_errpos", 2, n_ctx_errpos, EI, 0},
    {"ccad_ctx_errpos", 3, n_ctx_errpos, EI, 0},
    {"ccad_ctx_today", 1, n_ctx_today, EI, 0},
    {"ccad_ctx_today", 2, n_ctx_today, EI, 1},
    {"ccad_ctx_day_flags", 1, n_ctx_day_flags, EI, 0},
    {"ccad_ctx_day_flags", 2, n_ctx_day_flags, EI, 1},
    {"ccad_name_parse", 1, n_name_parse, EI, 0},
    {"ccad_name_parse", 3, n_name_parse, EI, 0},
    {"ccad_rules_new", 1, n_rules_new, EI, 1},
    {"ccad_rules_new", 2, n_rules_new, EI, 0},
    {"ccad_rules_copy", 1, n_rules_copy, EI, 1},
    {"ccad_rules_copy", 2, n_rules_copy, EI, 0},
    {"ccad_rules_copy", 3, n_rules_copy, EI, 1},
    {"ccad_rules_param_info", 1, n_rules_param_info, EI, 0},
    {"ccad_rules_get", 1, n_rules_get, EI, 0},
    {"ccad_rules_get", 2, n_rules_get, EI, 0}, /* read-only rules: no message */
    {"ccad_rules_get", 3, n_rules_get, EI, 0},
    {"ccad_rules_set", 1, n_rules_set, EI, 0},
    {"ccad_rules_set", 2, n_rules_set, EI, 1},
    {"ccad_rules_set_text", 1, n_rules_set_text, EI, 0},
    {"ccad_rules_set_text", 2, n_rules_set_text, EI, 1},
    {"ccad_rules_set_text", 3, n_rules_set_text, EI, 1},
    {"ccad_rules_parse", 1, n_rules_parse, EI, 0},
    {"ccad_rules_parse", 2, n_rules_parse, EI, 1},
    {"ccad_rules_serialize", 1, n_rules_serialize, EI, 0},
    {"ccad_rules_serialize", 2, n_rules_serialize, EI, 0},
    {"ccad_rules_serialize", 4, n_rules_serialize, EI, 0},
    {"ccad_book_new", 1, n_book_new, EI, 1},
    {"ccad_book_new", 2, n_book_new, EI, 0},
    {"ccad_book_add", 1, n_book_add, EI, 0},
    {"ccad_book_add", 2, n_book_add, EI, 1},
    {"ccad_book_add (customer.id)", 2, n_book_add_id, EI, 1},
    {"ccad_book_find", 1, n_book_find, EI, 0},
    {"ccad_book_find", 2, n_book_find, EI, 1},
    {"ccad_book_find", 3, n_book_find, EI, 1},
    {"ccad_book_get", 1, n_book_get, EI, 0},
    {"ccad_book_get", 3, n_book_get, EI, 1},
    {"ccad_book_update", 1, n_book_update, EI, 0},
    {"ccad_book_update", 3, n_book_update, EI, 1},
    {"ccad_book_record", 1, n_book_record, EI, 0},
    {"ccad_book_record", 3, n_book_record, EI, 1},
    {"ccad_book_grade", 1, n_book_grade, EI, 0},
    {"ccad_book_grade", 2, n_book_grade, EI, 1},
    {"ccad_ctx_set_store", 1, n_set_store, EI, 0},
    {"ccad_ctx_set_store (begin)", 3, n_set_store_member, EI, 1},
    {"ccad_ctx_set_store (commit)", 4, n_set_store_member, EI, 1},
    {"ccad_ctx_set_store (rollback)", 5, n_set_store_member, EI, 1},
    {"ccad_ctx_set_store (load)", 6, n_set_store_member, EI, 1},
    {"ccad_ctx_set_store (save)", 7, n_set_store_member, EI, 1},
    {"ccad_ctx_set_store (append_contact)", 8, n_set_store_member, EI, 1},
    {"ccad_ctx_set_store (iterate)", 9, n_set_store_member, EI, 1},
    {"ccad_store_record", 1, n_store_record, EI, 0},
    {"ccad_store_record", 3, n_store_record, EI, 1},
    {"ccad_store_save_book", 1, n_store_save_book, EI, 0},
    {"ccad_store_load_book", 1, n_store_load_book, EI, 1},
    {"ccad_store_load_book", 2, n_store_load_book, EI, 0},
    {"ccad_store_load_customer", 1, n_store_load_customer, EI, 0},
    {"ccad_store_load_customer", 2, n_store_load_customer, EI, 1},
    {"ccad_book_assess", 1, n_book_assess, EI, 0},
    {"ccad_book_assess", 2, n_book_assess, EI, 1},
    {"ccad_book_assess", 5, n_book_assess, EI, 1},
    {"ccad_book_assess_range", 1, n_book_assess_range, EI, 0},
    {"ccad_book_assess_range", 2, n_book_assess_range, EI, 1},
    {"ccad_book_assess_range", 6, n_book_assess_range, EI, 1},
    {"ccad_reason_format", 1, n_reason_format, EI, 0},
    {"ccad_reason_format", 3, n_reason_format, EI, 0},
    {"ccad_schedule_new", 1, n_schedule_new, EI, 1},
    {"ccad_schedule_new", 2, n_schedule_new, EI, 0},
    {"ccad_schedule_new", 3, n_schedule_new, EI, 1},
    {"ccad_schedule_new", 4, n_schedule_new, EI, 1},
    {"ccad_schedule_item", 1, n_schedule_item, EI, 0},
    {"ccad_schedule_item", 3, n_schedule_item, EI, 1},
    {"ccad_schedule_finding", 1, n_schedule_finding, EI, 0},
    {"ccad_schedule_finding", 3, n_schedule_finding, EI, 1},
    {"ccad_schedule_reminders", 1, n_schedule_reminders, EI, 0},
    {"ccad_schedule_reminders", 3, n_schedule_reminders, EI, 1},
    {"ccad_schedule_reminders", 5, n_schedule_reminders, EI, 1},
    {"ccad_book_workload", 1, n_book_workload, EI, 0},
    {"ccad_book_workload", 2, n_book_workload, EI, 1},
    {"ccad_book_workload", 4, n_book_workload, EI, 1},
    {"ccad_schedule_day", 1, n_schedule_day, EI, 0},
    {"ccad_schedule_day", 3, n_schedule_day, EI, 1},
    {"ccad_book_platform", 1, n_book_platform, EI, 0},
    {"ccad_book_platform", 2, n_book_platform, EI, 1},
    {"ccad_book_platform", 3, n_book_platform, EI, 1},
    {"ccad_book_choose_working", 1, n_book_choose_working, EI, 0},
    {"ccad_book_choose_working", 2, n_book_choose_working, EI, 1},
    {"ccad_book_choose_working", 3, n_book_choose_working, EI, 1},
    {"ccad_route_solve", 1, n_route_solve, EI, 0},
    {"ccad_route_solve", 2, n_route_solve, EI, 1},
    {"ccad_route_solve", 3, n_route_solve, EI, 1},
    {"ccad_route_solve", 6, n_route_solve, EI, 1},
    {"ccad_route_solve_tw", 1, n_route_solve_tw, EI, 0},
    {"ccad_route_solve_tw", 2, n_route_solve_tw, EI, 1},
    {"ccad_route_solve_tw", 3, n_route_solve_tw, EI, 1},
    {"ccad_route_solve_tw", 7, n_route_solve_tw, EI, 1},
};
#undef EI

static void null_arguments(void **state)
{
    world *w = *state;
    size_t i, nrows = sizeof null_rows / sizeof *null_rows;
    for (i = 0; i < nrows; i++) {
        const null_row *r = &null_rows[i];
        char what[96];
        uint64_t d = digest();
        char mark[256];
        int rc;
        strncpy(mark, mark_ctx(w->ctx), sizeof mark - 1);
        mark[sizeof mark - 1] = '\0';
        rc = r->call(w, r->arg);
        snprintf(what, sizeof what, "%s with argument %d NULL", r->fn, r->arg);
        expect_fail(what, rc, r->code, r->msg, d, mark);
        cases++;
    }
    print_message("misuse: %lu NULL-argument rows\n", (unsigned long)nrows);
}

/* NULL where the documentation allows it (or for the functions with no
 * status): no crash, the documented result, nothing changed. */
static void null_allowed(void **state)
{
    world *w = *state;
    uint64_t d = digest();
    ccad_customer c = CCAD_CUSTOMER_INIT;
    ccad_ctx *ctx = NULL;
    int32_t day = 0;
    int kind = -1;
    size_t len = 0;
    ccad_reason r = {CCAD_RULE_GAP, CCAD_WHY_GAP_ALERT, 22, 21, 8};
    char b[256];
    ccad_ctx_free(NULL);
    ccad_rules_free(NULL);
    ccad_book_free(NULL);
    ccad_schedule_free(NULL);
    assert_string_equal(ccad_ctx_errmsg(NULL), "no context");
    assert_int_equal(ccad_ctx_errcode(NULL), CCAD_EINVAL);
    assert_null(ccad_rules_ctx(NULL));
    assert_null(ccad_book_ctx(NULL));
    assert_int_equal(ccad_book_count(NULL), 0);
    assert_null(ccad_book_id(NULL, 0));
    assert_int_equal(ccad_book_grade_of(NULL, 0), CCAD_GRADE_NONE);
    assert_int_equal(ccad_rules_equal(NULL, w->rules), 0);
    assert_int_equal(ccad_rules_equal(w->rules, NULL), 0);
    assert_int_equal(ccad_rules_equal(NULL, NULL), 0);
    assert_int_equal(ccad_schedule_item_count(NULL), 0);
    assert_int_equal(ccad_schedule_finding_count(NULL), 0);
    assert_int_equal(ccad_date_to_ymd(0, NULL, NULL, NULL), CCAD_OK);
    assert_int_equal(ccad_why_figure(CCAD_WHY_GAP_ALERT, 0, NULL), CCAD_FIG_DAYS);
    assert_int_equal(ccad_why_figure(CCAD_WHY_GAP_ALERT, 3, &kind), CCAD_FIG_NONE);
    assert_int_equal(ccad_reason_format(b, sizeof b, &r, NULL), CCAD_OK);
    assert_int_equal(ccad_rules_serialize(w->rules, NULL, 0, &len), CCAD_ENOSPC);
    assert_true(len > 0);
    {
        int rc = ccad_schedule_reminders(w->sched, w->today, NULL, 0, &len); /* cap 0: NULL ok */
        assert_true(rc == CCAD_OK || rc == CCAD_ENOSPC);
    }
    assert_int_equal(ccad_ctx_new(&ctx, NULL), CCAD_OK);
    assert_int_equal(ccad_ctx_today(ctx, &day), CCAD_ENOTSUP); /* no clock */
    assert_true(ccad_ctx_errmsg(ctx)[0] != '\0');
    ccad_ctx_free(ctx);
    c.id = "M-01";
    assert_int_equal(ccad_book_get(w->book, 1, &c), CCAD_OK);
    c.id = NULL; /* update: NULL id means "the stored one" */
    assert_int_equal(ccad_book_update(w->book, 1, &c), CCAD_OK);
    ccad_host_init(NULL);
    ccad_param_info_init(NULL);
    ccad_customer_init(NULL);
    ccad_contact_init(NULL);
    ccad_store_init(NULL);
    ccad_assessment_init(NULL);
    ccad_plan_options_init(NULL);
    ccad_item_init(NULL);
    ccad_finding_init(NULL);
    ccad_workload_init(NULL);
    ccad_platform_init(NULL);
    ccad_day_init(NULL);
    ccad_route_options_init(NULL);
    ccad_route_times_init(NULL);
    assert_true(digest() == d);
    /* removing the store (NULL) and putting it back */
    assert_int_equal(ccad_ctx_set_store(w->ctx, NULL), CCAD_OK);
    MUST_FAIL(ccad_store_save_book(w->book), CCAD_ENOTSUP, 1);
    {
        ccad_store s = fs_callbacks(&w->fs);
        assert_int_equal(ccad_ctx_set_store(w->ctx, &s), CCAD_OK);
    }
}

/* ------------------------------------------------------------------------ */
/* 3. Extremes                                                                */

static void extreme_dates(void **state)
{
    world *w = *state;
    static const int32_t bad[] = {INT32_MIN, INT32_MIN + 1, CCAD_DATE_MIN - 1, CCAD_DATE_MAX + 1,
                                  INT32_MAX - 1, INT32_MAX};
    static const int ints[] = {INT_MIN, -1, 0, 10000, 13, 32, INT_MAX};
    size_t i, j;
    char buf[11] = "unchanged";
    for (i = 0; i < sizeof bad / sizeof *bad; i++) {
        int32_t d = bad[i];
        int y = -7, m = -7, md = -7, wd = -7, iy = -7, wk = -7;
        uint32_t fl = 77;
        ccad_assessment a = CCAD_ASSESSMENT_INIT;
        ccad_brief br[1];
        ccad_workload io = CCAD_WORKLOAD_INIT;
        ccad_day day = CCAD_DAY_INIT;
        size_t cnt = 99;
        assert_int_equal(ccad_date_to_ymd(d, &y, &m, &md), CCAD_ERANGE);
        assert_true(y == -7 && m == -7 && md == -7);
        assert_int_equal(ccad_date_weekday(&wd, d), CCAD_ERANGE);
        assert_int_equal(ccad_date_iso_week(&iy, &wk, d), CCAD_ERANGE);
        assert_true(wd == -7 && iy == -7 && wk == -7);
        assert_int_equal(ccad_date_format(buf, sizeof buf, d), CCAD_ERANGE);
        assert_string_equal(buf, "unchanged");
        MUST_FAIL(ccad_ctx_day_flags(w->ctx, &fl, d), CCAD_ERANGE, 1);
        assert_int_equal(fl, 77);
        MUST_FAIL(ccad_book_assess(w->book, w->rules, 0, d, &a), CCAD_ERANGE, 1);
        MUST_FAIL(ccad_book_assess_range(w->book, w->rules, 0, 1, d, br, sizeof *br), CCAD_ERANGE, 1);
        MUST_FAIL(ccad_book_workload(w->book, w->rules, d, &io), CCAD_ERANGE, 1);
        MUST_FAIL(ccad_schedule_day(w->sched, d, &day), CCAD_ENOTFOUND, 1);
        assert_int_equal(ccad_schedule_reminders(w->sched, d, NULL, 0, &cnt), CCAD_OK);
        assert_int_equal(cnt, 0);
        /* customer and contact dates */
        {
            ccad_customer c = CCAD_CUSTOMER_INIT;
            ccad_contact k = CCAD_CONTACT_INIT;
            int f;
            for (f = 0; f < 8; f++) {
                c = (ccad_customer)CCAD_CUSTOMER_INIT;
                c.id = "X-DATE";
                switch (f) {
                case 0: c.purchase_date = d; break;
                case 1: c.complaint = CCAD_COMPLAINT_OPEN; c.complaint_date = d; break;
                case 2: c.request_date = d; break;
                case 3: c.owned_since = d; break;
                case 4: c.last_contact = d; break;
                case 5: c.last_visit = d; break;
                case 6: c.next_step_date = d; break;
                default: c.complaint = CCAD_COMPLAINT_RESOLVED; c.complaint_date = d; break;
                }
                if (d == CCAD_NO_DATE && f != 1 && f != 7)
                    continue; /* "no date" is allowed there */
                MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_ERANGE, 1);
            }
            k.date = d;
            MUST_FAIL(ccad_book_record(w->book, 1, &k), CCAD_ERANGE, 1);
            MUST_FAIL(ccad_store_record(w->book, 1, &k), CCAD_ERANGE, 1);
            k.date = w->today;
            k.next_date = d;
            if (d != CCAD_NO_DATE)
                MUST_FAIL(ccad_book_record(w->book, 1, &k), CCAD_ERANGE, 1);
        }
    }
    /* year, month and day at and past their ints */
    for (i = 0; i < sizeof ints / sizeof *ints; i++)
        for (j = 0; j < sizeof ints / sizeof *ints; j++) {
            int32_t out = 12345;
            int rc = ccad_date_from_ymd(&out, ints[i], ints[j], ints[j]);
            assert_int_equal(rc, CCAD_ERANGE); /* no month or day of the list is valid */
            assert_int_equal(out, 12345);
            cases++;
        }
    {
        int32_t out = 1;
        assert_int_equal(ccad_date_from_ymd(&out, 0, 1, 1), CCAD_ERANGE);
        assert_int_equal(ccad_date_from_ymd(&out, 10000, 1, 1), CCAD_ERANGE);
        assert_int_equal(ccad_date_from_ymd(&out, 9999, 12, 31), CCAD_OK);
        assert_int_equal(out, CCAD_DATE_MAX);
        assert_int_equal(ccad_date_from_ymd(&out, 1, 1, 1), CCAD_OK);
        assert_int_equal(out, CCAD_DATE_MIN);
    }
    /* the clock at and past the calendar */
    {
        static const int64_t secs[] = {INT64_MIN, INT64_MIN + 1, (int64_t)CCAD_DATE_MIN * 86400 - 1,
                                       (int64_t)(CCAD_DATE_MAX + 1) * 86400, INT64_MAX};
        int32_t day = 4242;
        for (i = 0; i < sizeof secs / sizeof *secs; i++) {
            w->l.clock_secs = secs[i];
            MUST_FAIL(ccad_ctx_today(w->ctx, &day), CCAD_ERANGE, 1);
            assert_int_equal(day, 4242);
        }
        w->l.clock_secs = (int64_t)w->today * 86400;
    }
}

static void extreme_money_and_counts(void **state)
{
    world *w = *state;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    ccad_contact k = CCAD_CONTACT_INIT;
    size_t at = 0, i;
    ccad_book *b = NULL;
    c.id = "X-MONEY";
    c.value = INT64_MIN;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_ERANGE, 1);
    c.value = -1;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_ERANGE, 1);
    c.value = 0;
    c.monthly_volume = INT64_MIN;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_ERANGE, 1);
    c.monthly_volume = -2;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_ERANGE, 1);
    c.monthly_volume = -1;
    c.margin_bp = 10001;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_ERANGE, 1);
    c.margin_bp = INT32_MIN;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_ERANGE, 1);
    c.margin_bp = -1;
    c.visit_open_min = -1;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_ERANGE, 1);
    c.visit_open_min = 600;
    c.visit_close_min = 600;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_ERANGE, 1);
    c.visit_open_min = 0;
    c.visit_close_min = 1441;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_ERANGE, 1);
    c.visit_close_min = 1440;
    c.has_location = 1;
    c.x = NAN;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_ERANGE, 1);
    c.x = INFINITY;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_ERANGE, 1);
    c.x = 0;
    c.y = -INFINITY;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_ERANGE, 1);
    c.y = 0;
    c.status = 0;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_EINVAL, 1);
    c.status = INT_MAX;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_EINVAL, 1);
    c.status = CCAD_STATUS_ACTIVE;
    c.grade = 5;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_EINVAL, 1);
    c.grade = -1;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_EINVAL, 1);
    c.grade = 0;
    c.complaint = 3;
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_EINVAL, 1);
    c.complaint = 0;
    c.id = "";
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_EINVAL, 1);
    c.id = "M-01";
    MUST_FAIL(ccad_book_add(w->book, &c, NULL), CCAD_EEXIST, 1);

    /* the largest money, grading and assessing on it, in a book of its own */
    assert_int_equal(ccad_book_new(&b, w->ctx, 0), CCAD_OK);
    for (i = 0; i < 3; i++) {
        char id[8];
        snprintf(id, sizeof id, "MAX-%u", (unsigned)i);
        c = (ccad_customer)CCAD_CUSTOMER_INIT;
        c.id = id;
        c.value = INT64_MAX - (int64_t)i;
        c.monthly_volume = INT64_MAX;
        c.margin_bp = 10000;
        c.status = CCAD_STATUS_KEY;
        c.contacts = UINT32_MAX;
        c.no_progress = UINT32_MAX;
        c.missing_records = UINT32_MAX;
        c.service_counts[0] = c.service_counts[3] = UINT32_MAX;
        c.last_contact = CCAD_DATE_MAX;
        c.last_gap_days = INT32_MAX;
        assert_int_equal(ccad_book_add(b, &c, &at), CCAD_OK);
    }
    {
        ccad_rules *r = w->rules;
        ccad_assessment a = CCAD_ASSESSMENT_INIT;
        ccad_workload io = CCAD_WORKLOAD_INIT;
        ccad_platform p = CCAD_PLATFORM_INIT;
        ccad_brief br[3];
        uint8_t ch[3];
        ccad_schedule *s = NULL;
        ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
        char rb[256];
        ccad_reason rs = {CCAD_RULE_GRADE, CCAD_WHY_GRADE_THRESHOLD, INT64_MAX, INT64_MIN, INT64_MAX};
        assert_int_equal(ccad_book_grade(b, r), CCAD_OK);
        for (i = 0; i < 3; i++) {
            assert_int_equal(ccad_book_assess(b, r, i, CCAD_DATE_MAX, &a), CCAD_OK);
            assert_int_equal(ccad_book_assess(b, r, i, CCAD_DATE_MIN, &a), CCAD_OK);
        }
        assert_int_equal(ccad_book_assess_range(b, r, 0, 3, w->today, br, sizeof *br), CCAD_OK);
        assert_int_equal(ccad_book_workload(b, r, w->today, &io), CCAD_OK);
        assert_int_equal(ccad_book_platform(b, r, &p), CCAD_OK);
        assert_int_equal(ccad_book_choose_working(b, r, ch, 3), CCAD_OK);
        o.first_day = CCAD_DATE_MAX - 365;
        o.days = 366;
        assert_int_equal(ccad_schedule_new(&s, b, r, &o), CCAD_OK);
        ccad_schedule_free(s);
        /* the grading thresholds at their maximum */
        assert_int_equal(ccad_rules_set_text(w->rules2, "grade.method", "threshold"), CCAD_OK);
        assert_int_equal(ccad_book_grade(b, w->rules2), CCAD_OK);
        assert_int_equal(ccad_rules_set_text(w->rules2, "grade.method", "rank"), CCAD_OK);
        assert_int_equal(ccad_reason_format(rb, sizeof rb, &rs, NULL), CCAD_OK);
        rs.why = CCAD_WHY_TRIAGE;
        {
            int rc = ccad_reason_format(rb, sizeof rb, &rs, NULL);
            assert_true(rc == CCAD_OK || rc == CCAD_ENOSPC);
        }
        /* contact counts at their limit: recording one more overflows */
        k.date = w->today;
        {
            ccad_customer before = CCAD_CUSTOMER_INIT, after = CCAD_CUSTOMER_INIT;
            assert_int_equal(ccad_book_get(b, 0, &before), CCAD_OK);
            assert_int_equal(ccad_book_record(b, 0, &k), CCAD_EOVERFLOW);
            assert_int_equal(ccad_ctx_errcode(w->ctx), CCAD_EOVERFLOW);
            assert_int_equal(ccad_book_get(b, 0, &after), CCAD_OK);
            tu_customer_equal(&before, &after);
            cases++;
        }
    }
    ccad_book_free(b);

    /* counts and indices at their limits */
    {
        ccad_book *nb = (ccad_book *)&c;
        ccad_brief br[2];
        ccad_customer g = CCAD_CUSTOMER_INIT;
        uint8_t ch[NCUST + 1];
        size_t idx = 77;
        MUST_FAIL(ccad_book_new(&nb, w->ctx, SIZE_MAX), CCAD_EOVERFLOW, 1);
        assert_null(nb);
        MUST_FAIL(ccad_book_new(&nb, w->ctx, SIZE_MAX / 2), CCAD_EOVERFLOW, 1);
        MUST_FAIL(ccad_book_get(w->book, SIZE_MAX, &g), CCAD_ENOTFOUND, 1);
        MUST_FAIL(ccad_book_get(w->book, NCUST, &g), CCAD_ENOTFOUND, 1);
        assert_null(ccad_book_id(w->book, SIZE_MAX));
        assert_int_equal(ccad_book_grade_of(w->book, SIZE_MAX), CCAD_GRADE_NONE);
        MUST_FAIL(ccad_book_assess_range(w->book, w->rules, SIZE_MAX, 2, w->today, br, sizeof *br),
                  CCAD_ENOTFOUND, 1);
        MUST_FAIL(ccad_book_assess_range(w->book, w->rules, 1, SIZE_MAX, w->today, br, sizeof *br),
                  CCAD_ENOTFOUND, 1);
        MUST_FAIL(ccad_book_assess_range(w->book, w->rules, NCUST - 1, 2, w->today, br, sizeof *br),
                  CCAD_ENOTFOUND, 1);
        MUST_FAIL(ccad_book_choose_working(w->book, w->rules, ch, NCUST + 1), CCAD_EINVAL, 1);
        MUST_FAIL(ccad_book_choose_working(w->book, w->rules, ch, SIZE_MAX), CCAD_EINVAL, 1);
        MUST_FAIL(ccad_book_choose_working(w->book, w->rules, ch, 0), CCAD_EINVAL, 1);
        k.date = w->today;
        MUST_FAIL(ccad_book_record(w->book, SIZE_MAX, &k), CCAD_ENOTFOUND, 1);
        MUST_FAIL(ccad_store_record(w->book, SIZE_MAX, &k), CCAD_ENOTFOUND, 1);
        MUST_FAIL(ccad_book_update(w->book, SIZE_MAX, &g), CCAD_ENOTFOUND, 1);
        {
            ccad_item it = CCAD_ITEM_INIT;
            ccad_finding f = CCAD_FINDING_INIT;
            MUST_FAIL(ccad_schedule_item(w->sched, SIZE_MAX, &it), CCAD_ENOTFOUND, 1);
            MUST_FAIL(ccad_schedule_finding(w->sched, SIZE_MAX, &f), CCAD_ENOTFOUND, 1);
        }
        assert_int_equal(ccad_rules_param_info(&(ccad_param_info)CCAD_PARAM_INFO_INIT, SIZE_MAX),
                         CCAD_ENOTFOUND);
        assert_int_equal(ccad_date_format((char[10]){0}, 10, 0), CCAD_ENOSPC);
        assert_int_equal(ccad_date_parse(&(int32_t){0}, "2026-01-01", 9), CCAD_EPARSE);
        assert_int_equal(ccad_date_parse(&(int32_t){0}, "2026-01-01x", 11), CCAD_EPARSE);
        assert_int_equal(ccad_date_parse(&(int32_t){0}, "2026-01-01", 0), CCAD_EPARSE);
        assert_int_equal(ccad_reason_format((char[4]){0}, 0, &(ccad_reason){1, 1, 1, 0, 0}, NULL),
                         CCAD_EINVAL);
        assert_int_equal(ccad_name_parse(&(int){0}, 0, "A", 1), CCAD_EINVAL);
        assert_int_equal(ccad_name_parse(&(int){0}, INT_MAX, "A", 1), CCAD_EINVAL);
        assert_int_equal(ccad_name_parse(&(int){0}, CCAD_NAME_GRADE, "A", 0), CCAD_ENOTFOUND);
        assert_string_equal(ccad_name(INT_MIN, INT_MIN), "?");
        assert_string_equal(ccad_name(CCAD_NAME_FLAG, 3), "?"); /* two bits */
        assert_string_equal(ccad_rule_name(INT_MAX), "?");
        assert_string_equal(ccad_why_name(INT_MIN), "?");
        assert_string_equal(ccad_strerror(INT_MIN), "unknown error");
        assert_int_equal(ccad_why_figure(INT_MAX, 0, NULL), CCAD_FIG_NONE);
        assert_int_equal(ccad_why_figure(CCAD_WHY_GAP_ALERT, -1, NULL), CCAD_FIG_NONE);
        (void)idx;
    }
    /* a contact's enums and next date */
    {
        ccad_contact bad = CCAD_CONTACT_INIT;
        bad.date = w->today;
        bad.kind = 0;
        MUST_FAIL(ccad_book_record(w->book, 1, &bad), CCAD_EINVAL, 1);
        bad.kind = 6;
        MUST_FAIL(ccad_store_record(w->book, 1, &bad), CCAD_EINVAL, 1);
        bad.kind = 1;
        bad.outcome = INT_MIN;
        MUST_FAIL(ccad_book_record(w->book, 1, &bad), CCAD_EINVAL, 1);
        bad.outcome = 1;
        bad.service_level = 5;
        MUST_FAIL(ccad_book_record(w->book, 1, &bad), CCAD_EINVAL, 1);
        bad.service_level = 0;
        bad.recorded = 2;
        MUST_FAIL(ccad_book_record(w->book, 1, &bad), CCAD_EINVAL, 1);
        bad.recorded = 1;
        bad.next_date = w->today - 1;
        MUST_FAIL(ccad_book_record(w->book, 1, &bad), CCAD_ERANGE, 1);
        bad.next_date = CCAD_NO_DATE;
        bad.outcome = CCAD_OUTCOME_COMPLAINT_RESOLVED; /* none open */
        MUST_FAIL(ccad_book_record(w->book, 1, &bad), CCAD_ECONFLICT, 1);
    }
}

/* Every rules parameter at and past its range, INT64 extremes included. */
static void extreme_rules_values(void **state)
{
    world *w = *state;
    size_t i, n = ccad_rules_param_count();
    for (i = 0; i < n; i++) {
        ccad_param_info pi = CCAD_PARAM_INFO_INIT;
        int64_t vals[4];
        size_t j;
        assert_int_equal(ccad_rules_param_info(&pi, i), CCAD_OK);
        vals[0] = INT64_MIN;
        vals[1] = INT64_MAX;
        vals[2] = pi.min_value > INT64_MIN ? pi.min_value - 1 : INT64_MIN;
        vals[3] = pi.max_value < INT64_MAX ? pi.max_value + 1 : INT64_MAX;
        for (j = 0; j < 4; j++) {
            char text[64];
            if (vals[j] >= pi.min_value && vals[j] <= pi.max_value)
                continue;
            MUST_FAIL(ccad_rules_set(w->rules, pi.name, vals[j]), CCAD_ERANGE, 1);
            snprintf(text, sizeof text, "%lld", (long long)vals[j]);
            MUST_FAIL(ccad_rules_set_text(w->rules, pi.name, text), CCAD_ERANGE, 1);
        }
        /* past INT64 in text */
        MUST_FAIL(ccad_rules_set_text(w->rules, pi.name, "99999999999999999999"),
                  ccad_rules_set_text(w->rules, pi.name, "99999999999999999999"), 1);
        assert_true(ccad_ctx_errcode(w->ctx) == CCAD_ERANGE ||
                    ccad_ctx_errcode(w->ctx) == CCAD_EPARSE);
        MUST_FAIL(ccad_rules_set_text(w->rules, pi.name, "-99999999999999999999"),
                  ccad_rules_set_text(w->rules, pi.name, "-99999999999999999999"), 1);
        MUST_FAIL(ccad_rules_set_text(w->rules, pi.name, ""), CCAD_EPARSE, 1);
        MUST_FAIL(ccad_rules_set_text(w->rules, pi.name, " 1"), CCAD_EPARSE, 1);
        MUST_FAIL(ccad_rules_set_text(w->rules, pi.name, "0x10"), CCAD_EPARSE, 1);
    }
    MUST_FAIL(ccad_rules_set(w->rules, "", 1), CCAD_ENOTFOUND, 1);
    MUST_FAIL(ccad_rules_set(w->rules, "gap.max_days ", 1), CCAD_ENOTFOUND, 1);
    assert_int_equal(ccad_rules_get(w->rules, "nope", &(int64_t){0}), CCAD_ENOTFOUND);
    print_message("misuse: %lu rules parameters at and past their ranges\n", (unsigned long)n);
}

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

enum { SZ_HOST, SZ_PARAM_INFO, SZ_CUSTOMER_ADD, SZ_CUSTOMER_GET, SZ_CUSTOMER_UPDATE,
       SZ_CONTACT, SZ_CONTACT_STORE, SZ_STORE, SZ_ASSESSMENT, SZ_PLAN_OPTIONS, SZ_ITEM,
       SZ_FINDING, SZ_WORKLOAD, SZ_PLATFORM, SZ_DAY, SZ_ROUTE_OPTIONS, SZ_ROUTE_TW_OPTIONS,
       SZ_ROUTE_TIMES, SZ_BRIEF, SZ_N };

static const char *const sz_names[SZ_N] = {
    "ccad_host (ccad_ctx_new)", "ccad_param_info", "ccad_customer (ccad_book_add)",
    "ccad_customer (ccad_book_get)", "ccad_customer (ccad_book_update)",
    "ccad_contact (ccad_book_record)", "ccad_contact (ccad_store_record)",
    "ccad_store", "ccad_assessment", "ccad_plan_options", "ccad_item", "ccad_finding",
    "ccad_workload", "ccad_platform", "ccad_day", "ccad_route_options (ccad_route_solve)",
    "ccad_route_options (ccad_route_solve_tw)", "ccad_route_times",
    "ccad_brief (elem_size of ccad_book_assess_range)"};

static size_t sz_of(int which)
{
    switch (which) {
    case SZ_HOST: return sizeof(ccad_host);
    case SZ_PARAM_INFO: return sizeof(ccad_param_info);
    case SZ_CUSTOMER_ADD: case SZ_CUSTOMER_GET: case SZ_CUSTOMER_UPDATE: return sizeof(ccad_customer);
    case SZ_CONTACT: case SZ_CONTACT_STORE: return sizeof(ccad_contact);
    case SZ_STORE: return sizeof(ccad_store);
    case SZ_ASSESSMENT: return sizeof(ccad_assessment);
    case SZ_PLAN_OPTIONS: return sizeof(ccad_plan_options);
    case SZ_ITEM: return sizeof(ccad_item);
    case SZ_FINDING: return sizeof(ccad_finding);
    case SZ_WORKLOAD: return sizeof(ccad_workload);
    case SZ_PLATFORM: return sizeof(ccad_platform);
    case SZ_DAY: return sizeof(ccad_day);
    case SZ_ROUTE_OPTIONS: case SZ_ROUTE_TW_OPTIONS: return sizeof(ccad_route_options);
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
        assert_int_equal(ccad_book_get(w->book, 2, &u->cu), CCAD_OK);
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
            teardown(state);
            setup(state);
            w = *state;
        }
        if (which == SZ_CUSTOMER_UPDATE || which == SZ_CONTACT || which == SZ_CONTACT_STORE)
            assert_int_equal(ccad_book_grade(w->book, w->rules), CCAD_OK);
        if (which == SZ_STORE) {
            ccad_store s = fs_callbacks(&w->fs);
            assert_int_equal(ccad_ctx_set_store(w->ctx, &s), CCAD_OK);
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
    assert_true(ccad_ctx_errcode(w->ctx) == CCAD_ENOTFOUND || ccad_ctx_errcode(w->ctx) == CCAD_EINVAL);
    assert_int_equal(idx, 99);
    MUST_FAIL(ccad_store_load_customer(w->book, big, &idx), ccad_store_load_customer(w->book, big, &idx), 1);
    assert_true(ccad_ctx_errcode(w->ctx) == CCAD_ENOTFOUND || ccad_ctx_errcode(w->ctx) == CCAD_EINVAL);
    assert_int_equal(ccad_rules_get(w->rules, big, &(int64_t){0}), CCAD_ENOTFOUND);
    MUST_FAIL(ccad_rules_set(w->rules, big, 1), CCAD_ENOTFOUND, 1);
    MUST_FAIL(ccad_rules_set_text(w->rules, big, "1"), CCAD_ENOTFOUND, 1);
    MUST_FAIL(ccad_rules_set_text(w->rules, "gap.max_days", big), CCAD_EPARSE, 1);
    memset(big, '9', BIG);
    MUST_FAIL(ccad_rules_set_text(w->rules, "gap.max_days", big), ccad_rules_set_text(w->rules, "gap.max_days", big), 1);
    assert_true(ccad_ctx_errcode(w->ctx) == CCAD_ERANGE || ccad_ctx_errcode(w->ctx) == CCAD_EPARSE);
    assert_int_equal(ccad_name_parse(&v, CCAD_NAME_STATUS, big, BIG), CCAD_ENOTFOUND);
    assert_int_equal(ccad_date_parse(&day, big, BIG), CCAD_EPARSE);
    assert_true(v == 5 && day == 5);
    /* a 10 MB rules line: a key, a value, a comment */
    memset(big, 'k', BIG);
    MUST_FAIL(ccad_rules_parse(w->rules, big, BIG), CCAD_EPARSE, 1);
    assert_int_equal(ccad_ctx_errpos(w->ctx, &line, &col), CCAD_OK);
    assert_int_equal(line, 1);
    memcpy(big, "gap.max_days = ", 15);
    memset(big + 15, '1', BIG - 15);
    MUST_FAIL(ccad_rules_parse(w->rules, big, BIG), CCAD_EPARSE, 1);
    assert_int_equal(ccad_ctx_errpos(w->ctx, &line, &col), CCAD_OK);
    assert_int_equal(line, 1);
    /* a 10 MB comment is no error; a bad line after it is on line 2 */
    big[0] = '#';
    memcpy(big + BIG - 8, "\nbad = 1", 8);
    MUST_FAIL(ccad_rules_parse(w->rules, big, BIG), CCAD_EPARSE, 1);
    assert_int_equal(ccad_ctx_errpos(w->ctx, &line, &col), CCAD_OK);
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
        "gap.max_days = 12\0", "gap.max_days\0 = 12\n", "gap.max_days = 1\0002\n",
        "\0gap.max_days = 12\n", "gap.max_days = 12\n\0\n", "# comment \0 here\ngap.max_days = 12\n"};
    static const size_t nul_lens[] = {18, 19, 18, 19, 20, 38};
    size_t i;
    for (i = 0; i < sizeof nul_cases / sizeof *nul_cases; i++) {
        uint32_t line = 0, col = 0;
        MUST_FAIL(ccad_rules_parse(w->rules, nul_cases[i], nul_lens[i]), CCAD_EPARSE, 1);
        assert_int_equal(ccad_ctx_errpos(w->ctx, &line, &col), CCAD_OK);
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
            assert_int_equal(ccad_rules_parse(w->rules2, "gap.max_days = 20\n", 18), CCAD_OK);
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

/* ------------------------------------------------------------------------ */
/* 6. Plan and route options at and past their bounds                         */

typedef struct opt_case {
    const char *what;
    int field;
    double v;
    int code; /* CCAD_OK: at the bound, accepted */
} opt_case;

enum { O_FIRST, O_DAYS, O_VISITS, O_MINUTES, O_OVERLOAD, O_KEEP, O_ROUTE, O_ASSIGN, O_BASEX,
       O_BASEY, O_METRIC, O_SCALE, O_UPM, O_START, O_DAYMIN, O_EFFORT };

static void set_opt(ccad_plan_options *o, int field, double v)
{
    switch (field) {
    case O_FIRST: o->first_day = (int32_t)v; break;
    case O_DAYS: o->days = (int32_t)v; break;
    case O_VISITS: o->visits_per_day = (int32_t)v; break;
    case O_MINUTES: o->minutes_per_day = (int32_t)v; break;
    case O_OVERLOAD: o->overload = (int32_t)v; break;
    case O_KEEP: o->keep_reasons = (int32_t)v; break;
    case O_ROUTE: o->route = (int32_t)v; break;
    case O_ASSIGN: o->assign_days = (int32_t)v; break;
    case O_BASEX: o->base_x = v; break;
    case O_BASEY: o->base_y = v; break;
    case O_METRIC: o->metric = (int)v; break;
    case O_SCALE: o->scale = v; break;
    case O_UPM: o->units_per_minute = v; break;
    case O_START: o->day_start_min = (int32_t)v; break;
    case O_DAYMIN: o->day_minutes = (int32_t)v; break;
    default: o->effort = (int32_t)v; break;
    }
}

static void plan_options(void **state)
{
    world *w = *state;
    const double I32MIN = (double)INT32_MIN, I32MAX = (double)INT32_MAX;
    const opt_case oc[] = {
        {"first_day NO_DATE", O_FIRST, I32MIN, CCAD_ERANGE},
        {"first_day DATE_MIN-1", O_FIRST, CCAD_DATE_MIN - 1, CCAD_ERANGE},
        {"first_day DATE_MIN", O_FIRST, CCAD_DATE_MIN, CCAD_OK},
        {"first_day DATE_MAX-6", O_FIRST, CCAD_DATE_MAX - 6, CCAD_OK},
        {"first_day DATE_MAX-5", O_FIRST, CCAD_DATE_MAX - 5, CCAD_ERANGE},
        {"first_day INT32_MAX", O_FIRST, I32MAX, CCAD_ERANGE},
        {"days INT32_MIN", O_DAYS, I32MIN, CCAD_ERANGE},
        {"days 0", O_DAYS, 0, CCAD_ERANGE},
        {"days 1", O_DAYS, 1, CCAD_OK},
        {"days 366", O_DAYS, 366, CCAD_OK},
        {"days 367", O_DAYS, 367, CCAD_ERANGE},
        {"days INT32_MAX", O_DAYS, I32MAX, CCAD_ERANGE},
        {"visits_per_day -1", O_VISITS, -1, CCAD_ERANGE},
        {"visits_per_day INT32_MIN", O_VISITS, I32MIN, CCAD_ERANGE},
        {"visits_per_day 1000", O_VISITS, 1000, CCAD_OK},
        {"visits_per_day 1001", O_VISITS, 1001, CCAD_ERANGE},
        {"visits_per_day INT32_MAX", O_VISITS, I32MAX, CCAD_ERANGE},
        {"visits_per_day 0, minutes 0", O_VISITS, 0, CCAD_EINVAL},
        {"minutes_per_day -1", O_MINUTES, -1, CCAD_ERANGE},
        {"minutes_per_day 1440", O_MINUTES, 1440, CCAD_OK},
        {"minutes_per_day 1441", O_MINUTES, 1441, CCAD_ERANGE},
        {"minutes_per_day INT32_MAX", O_MINUTES, I32MAX, CCAD_ERANGE},
        {"overload -1", O_OVERLOAD, -1, CCAD_EINVAL},
        {"overload 2", O_OVERLOAD, 2, CCAD_EINVAL},
        {"keep_reasons 2", O_KEEP, 2, CCAD_EINVAL},
        {"keep_reasons -1", O_KEEP, -1, CCAD_EINVAL},
        {"route 2", O_ROUTE, 2, CCAD_EINVAL},
        {"assign_days -1", O_ASSIGN, -1, CCAD_EINVAL},
    };
    /* with route = 1 */
    const opt_case rc_[] = {
        {"metric 0", O_METRIC, 0, CCAD_EINVAL},
        {"metric 4", O_METRIC, 4, CCAD_EINVAL},
        {"base_x NaN", O_BASEX, NAN, CCAD_ERANGE},
        {"base_x inf", O_BASEX, INFINITY, CCAD_ERANGE},
        {"base_y -inf", O_BASEY, -INFINITY, CCAD_ERANGE},
        {"base_x 1e13", O_BASEX, 1e13, CCAD_ERANGE},
        {"base_y DBL_MAX", O_BASEY, 1.7976931348623157e308, CCAD_ERANGE},
        {"scale 0", O_SCALE, 0, CCAD_ERANGE},
        {"scale -1", O_SCALE, -1, CCAD_ERANGE},
        {"scale NaN", O_SCALE, NAN, CCAD_ERANGE},
        {"scale inf", O_SCALE, INFINITY, CCAD_ERANGE},
        {"scale 1e300", O_SCALE, 1e300, CCAD_ERANGE},
        {"units_per_minute 0", O_UPM, 0, CCAD_ERANGE},
        {"units_per_minute -0.5", O_UPM, -0.5, CCAD_ERANGE},
        {"units_per_minute NaN", O_UPM, NAN, CCAD_ERANGE},
        {"units_per_minute inf", O_UPM, INFINITY, CCAD_ERANGE},
        {"units_per_minute 1e-300", O_UPM, 1e-300, CCAD_OK},
        {"units_per_minute 1e300", O_UPM, 1e300, CCAD_OK},
        {"day_start_min -1", O_START, -1, CCAD_ERANGE},
        {"day_start_min 0", O_START, 0, CCAD_OK},
        {"day_start_min 1440", O_START, 1440, CCAD_OK},
        {"day_start_min 1441", O_START, 1441, CCAD_ERANGE},
        {"day_minutes 0", O_DAYMIN, 0, CCAD_ERANGE},
        {"day_minutes 1", O_DAYMIN, 1, CCAD_OK},
        {"day_minutes 1440", O_DAYMIN, 1440, CCAD_OK},
        {"day_minutes 1441", O_DAYMIN, 1441, CCAD_ERANGE},
        {"effort -1", O_EFFORT, -1, CCAD_ERANGE},
        {"effort 0", O_EFFORT, 0, CCAD_OK},
        {"effort 10000", O_EFFORT, 10000, CCAD_OK},
        {"effort 10001", O_EFFORT, 10001, CCAD_ERANGE},
        {"effort INT32_MIN", O_EFFORT, I32MIN, CCAD_ERANGE},
        {"assign_days 2", O_ASSIGN, 2, CCAD_EINVAL},
    };
    size_t i;
    int pass;
    long n = 0;
    for (pass = 0; pass < 2; pass++) {
        const opt_case *t = pass ? rc_ : oc;
        size_t nt = pass ? sizeof rc_ / sizeof *rc_ : sizeof oc / sizeof *oc;
        for (i = 0; i < nt; i++) {
            ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
            ccad_schedule *s = (ccad_schedule *)&o;
            char what[128];
            uint64_t d = digest();
            char mark[256];
            int rc;
            o.first_day = w->today;
            o.route = pass;
            o.assign_days = pass;
            if (t[i].field == O_VISITS && t[i].code == CCAD_EINVAL)
                o.minutes_per_day = 0;
            set_opt(&o, t[i].field, t[i].v);
            if (t[i].field == O_START && t[i].code == CCAD_OK && t[i].v == 1440)
                o.day_minutes = 1; /* a day that starts at midnight's end is one minute long */
            strncpy(mark, mark_ctx(w->ctx), sizeof mark - 1);
            mark[sizeof mark - 1] = '\0';
            rc = ccad_schedule_new(&s, w->book, w->rules, &o);
            snprintf(what, sizeof what, "ccad_schedule_new with %s%s", t[i].what,
                     pass ? " (route on)" : "");
            if (t[i].code == CCAD_OK) {
                if (rc != CCAD_OK)
                    fail_msg("%s: %d (%s)", what, rc, ccad_ctx_errmsg(w->ctx));
                ccad_schedule_free(s);
            } else {
                expect_fail(what, rc, t[i].code, 1, d, mark);
                assert_null(s);
            }
            cases++;
            n++;
        }
    }
    print_message("misuse: %ld plan option cases\n", n);
}

static void route_options(void **state)
{
    world *w = *state;
    uint32_t order[NCUST + 1], keep[NCUST + 1];
    int32_t open[NCUST + 1], close[NCUST + 1], service[NCUST + 1], start[NCUST + 1];
    double bx[NCUST + 1];
    int64_t cost = 4242;
    size_t i;
    int k;
    memset(keep, 0xAB, sizeof keep);
    for (i = 0; i <= NCUST; i++) {
        open[i] = 0;
        close[i] = 1440;
        service[i] = 10;
    }
#define ROUTE(opt, code)                                                                   \
    do {                                                                                   \
        memcpy(order, keep, sizeof order);                                                 \
        cost = 4242;                                                                       \
        MUST_FAIL(ccad_route_solve(w->ctx, w->x, w->y, NCUST + 1, (opt), order, &cost),    \
                  (code), 1);                                                              \
        assert_memory_equal(order, keep, sizeof order);                                    \
        MUST_FAIL(ccad_route_solve_tw(w->ctx, w->x, w->y, NCUST + 1, (opt), NULL, order,   \
                                      start, &cost),                                       \
                  (code), 1);                                                              \
        assert_memory_equal(order, keep, sizeof order);                                    \
        assert_int_equal(cost, 4242);                                                      \
    } while (0)
    for (k = 0; k < 16; k++) {
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        int code = CCAD_ERANGE;
        switch (k) {
        case 0: o.metric = 0; code = CCAD_EINVAL; break;
        case 1: o.metric = 4; code = CCAD_EINVAL; break;
        case 2: o.closed = 2; code = CCAD_EINVAL; break;
        case 3: o.closed = -1; code = CCAD_EINVAL; break;
        case 4: o.effort = -1; break;
        case 5: o.effort = 10001; break;
        case 6: o.effort = INT32_MAX; break;
        case 7: o.scale = 0; break;
        case 8: o.scale = -1; break;
        case 9: o.scale = NAN; break;
        case 10: o.scale = INFINITY; break;
        case 11: o.scale = 1e300; break;
        case 12: o.metric = CCAD_METRIC_GEO; code = CCAD_ERANGE; break; /* y up to 21: fine; set below */
        default: o.effort = INT32_MIN; break;
        }
        if (k == 12)
            continue;
        ROUTE(&o, code);
    }
    /* coordinates */
    memcpy(bx, w->x, sizeof bx);
    for (k = 0; k < 4; k++) {
        double v = k == 0 ? NAN : k == 1 ? INFINITY : k == 2 ? -INFINITY : 1e300;
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        w->x[3] = v;
        ROUTE(&o, CCAD_ERANGE);
        w->x[3] = bx[3];
    }
    {
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        double y3 = w->y[3];
        o.metric = CCAD_METRIC_GEO;
        w->y[3] = 90.5;
        ROUTE(&o, CCAD_ERANGE);
        w->y[3] = y3;
    }
    /* n at and past its limits */
    MUST_FAIL(ccad_route_solve(w->ctx, w->x, w->y, 0, NULL, order, NULL), CCAD_ERANGE, 1);
    MUST_FAIL(ccad_route_solve(w->ctx, w->x, w->y, CCAD_ROUTE_MAX_POINTS + 1, NULL, order, NULL),
              CCAD_ERANGE, 1);
    MUST_FAIL(ccad_route_solve(w->ctx, w->x, w->y, SIZE_MAX, NULL, order, NULL), CCAD_ERANGE, 1);
    MUST_FAIL(ccad_route_solve_tw(w->ctx, w->x, w->y, 0, NULL, NULL, order, NULL, NULL),
              CCAD_ERANGE, 1);
    MUST_FAIL(ccad_route_solve_tw(w->ctx, w->x, w->y, CCAD_ROUTE_TW_MAX_POINTS + 1, NULL, NULL,
                                  order, NULL, NULL),
              CCAD_ERANGE, 1);
    MUST_FAIL(ccad_route_solve_tw(w->ctx, w->x, w->y, SIZE_MAX, NULL, NULL, order, NULL, NULL),
              CCAD_ERANGE, 1);
    assert_int_equal(ccad_route_solve(w->ctx, w->x, w->y, 1, NULL, order, &cost), CCAD_OK);
    assert_int_equal(order[0], 0);
    /* HOST metric with a travel callback that fails / lies */
    {
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        o.metric = CCAD_METRIC_HOST;
        w->l.travel_rc = 1;
        ROUTE(&o, CCAD_ECALLBACK);
        w->l.travel_rc = 0;
        w->l.travel_fixed = -1;
        ROUTE(&o, CCAD_ECALLBACK);
        w->l.travel_fixed = INT32_MIN;
        ROUTE(&o, CCAD_ECALLBACK);
        /* huge but valid minutes: the plain tour sums them, the day cannot hold them */
        w->l.travel_fixed = INT32_MAX;
        assert_int_equal(ccad_route_solve(w->ctx, w->x, w->y, NCUST + 1, &o, order, &cost), CCAD_OK);
        assert_true(cost == (int64_t)INT32_MAX * (NCUST + 1));
        assert_int_equal(ccad_route_solve_tw(w->ctx, w->x, w->y, NCUST + 1, &o, NULL, order, start,
                                             &cost),
                         CCAD_ERANGE);
        w->l.travel_fixed = 0;
    }
    /* the times at and past their bounds */
    for (k = 0; k < 15; k++) {
        ccad_route_times t = CCAD_ROUTE_TIMES_INIT;
        int code = CCAD_ERANGE;
        t.open_min = open;
        t.close_min = close;
        t.service_min = service;
        switch (k) {
        case 0: open[2] = -1; break;
        case 1: open[2] = 1441; close[2] = 1441; break;
        case 2: open[2] = 600; close[2] = 599; break;
        case 3: close[2] = 1441; break;
        case 4: close[2] = INT32_MIN; break;
        case 5: service[2] = -1; break;
        case 6: service[2] = 1441; break;
        case 7: service[2] = INT32_MAX; break;
        case 8: t.start_min = -1; break;
        case 9: t.start_min = 1441; t.end_min = 1441; break;
        case 10: t.end_min = 1441; break;
        case 11: t.start_min = 600; t.end_min = 599; break;
        case 12: t.units_per_minute = 0; break;
        case 13: t.units_per_minute = NAN; break;
        default: t.units_per_minute = -INFINITY; break;
        }
        memcpy(order, keep, sizeof order);
        MUST_FAIL(ccad_route_solve_tw(w->ctx, w->x, w->y, NCUST + 1, NULL, &t, order, start, &cost),
                  code, 1);
        assert_memory_equal(order, keep, sizeof order);
        open[2] = 0;
        close[2] = 1440;
        service[2] = 10;
    }
#undef ROUTE
}

/* ------------------------------------------------------------------------ */
/* 7. Failing and lying callbacks                                             */

static void lying_host(void **state)
{
    world *w = *state;
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    ccad_schedule *s = (ccad_schedule *)&o;
    uint32_t fl = 0;
    int32_t day = 9;
    size_t i;
    o.first_day = w->today;
    /* clock */
    w->l.clock_rc = 1;
    MUST_FAIL(ccad_ctx_today(w->ctx, &day), CCAD_ECALLBACK, 1);
    assert_non_null(strstr(ccad_ctx_errmsg(w->ctx), "clock"));
    w->l.clock_rc = -1;
    MUST_FAIL(ccad_ctx_today(w->ctx, &day), CCAD_ECALLBACK, 1);
    w->l.clock_rc = 0;
    assert_int_equal(day, 9);
    /* calendar failing */
    w->l.calendar_rc = 1;
    MUST_FAIL(ccad_ctx_day_flags(w->ctx, &fl, w->today), CCAD_ECALLBACK, 1);
    assert_non_null(strstr(ccad_ctx_errmsg(w->ctx), "calendar"));
    MUST_FAIL(ccad_schedule_new(&s, w->book, w->rules, &o), CCAD_ECALLBACK, 1);
    assert_null(s);
    w->l.calendar_rc = INT_MIN;
    MUST_FAIL(ccad_schedule_new(&s, w->book, w->rules, &o), CCAD_ECALLBACK, 1);
    w->l.calendar_rc = 0;
    /* calendar reporting undefined bits: only the defined ones come out, and
     * the plan is the plan of the defined ones */
    {
        static const uint32_t junk[] = {0xFFFFFFF0u, 0x80000000u, 0xFFFFFFFFu,
                                        CCAD_DAY_HOLIDAY | CCAD_DAY_ABSENT};
        ccad_schedule *ref = NULL;
        assert_int_equal(ccad_schedule_new(&ref, w->book, w->rules, &o), CCAD_OK);
        for (i = 0; i < sizeof junk / sizeof *junk; i++) {
            w->l.calendar_or = junk[i];
            assert_int_equal(ccad_ctx_day_flags(w->ctx, &fl, w->today), CCAD_OK);
            assert_int_equal(fl & ~(uint32_t)(CCAD_DAY_WORKING | CCAD_DAY_HOLIDAY |
                                              CCAD_DAY_SPECIAL | CCAD_DAY_ABSENT),
                             0);
            if (fl & CCAD_DAY_HOLIDAY)
                assert_int_equal(fl & CCAD_DAY_WORKING, 0);
            if (fl & CCAD_DAY_ABSENT)
                assert_true(fl & CCAD_DAY_WORKING);
            assert_int_equal(ccad_schedule_new(&s, w->book, w->rules, &o), CCAD_OK);
            if (i < 2)
                tu_schedules_equal(s, ref); /* no defined bit added */
            ccad_schedule_free(s);
        }
        w->l.calendar_or = 0;
        ccad_schedule_free(ref);
    }
    /* travel failing and lying inside the planner */
    o.route = 1;
    o.metric = CCAD_METRIC_HOST;
    w->l.travel_rc = 1;
    MUST_FAIL(ccad_schedule_new(&s, w->book, w->rules, &o), CCAD_ECALLBACK, 1);
    assert_non_null(strstr(ccad_ctx_errmsg(w->ctx), "travel"));
    w->l.travel_rc = 0;
    w->l.travel_fixed = -5;
    MUST_FAIL(ccad_schedule_new(&s, w->book, w->rules, &o), CCAD_ECALLBACK, 1);
    w->l.travel_fixed = INT32_MIN;
    MUST_FAIL(ccad_schedule_new(&s, w->book, w->rules, &o), CCAD_ECALLBACK, 1);
    /* huge minutes: nothing fits a day, but the planner must neither fail
     * nor overflow: every visit is left unplanned */
    w->l.travel_fixed = INT32_MAX;
    assert_int_equal(ccad_schedule_new(&s, w->book, w->rules, &o), CCAD_OK);
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item it = tu_item(s, i);
        assert_int_equal(it.seq, 0); /* nothing routed */
    }
    ccad_schedule_free(s);
    w->l.travel_fixed = 1440;
    assert_int_equal(ccad_schedule_new(&s, w->book, w->rules, &o), CCAD_OK);
    ccad_schedule_free(s);
    w->l.travel_fixed = 0;
    /* no travel callback at all */
    {
        ccad_ctx *c2 = NULL;
        ccad_rules *r2 = NULL;
        ccad_book *b2 = NULL;
        assert_int_equal(ccad_ctx_new(&c2, NULL), CCAD_OK);
        assert_int_equal(ccad_rules_new(&r2, c2), CCAD_OK);
        assert_int_equal(ccad_book_new(&b2, c2, 0), CCAD_OK);
        add_customer(b2, 0, w->today);
        assert_int_equal(ccad_book_grade(b2, r2), CCAD_OK);
        s = (ccad_schedule *)&o;
        assert_int_equal(ccad_schedule_new(&s, b2, r2, &o), CCAD_ENOTSUP);
        assert_null(s);
        assert_true(ccad_ctx_errmsg(c2)[0] != '\0');
        {
            ccad_route_options ro = CCAD_ROUTE_OPTIONS_INIT;
            uint32_t order[NCUST + 1];
            ro.metric = CCAD_METRIC_HOST;
            assert_int_equal(ccad_route_solve(c2, w->x, w->y, 3, &ro, order, NULL), CCAD_ENOTSUP);
        }
        ccad_book_free(b2);
        ccad_rules_free(r2);
        ccad_ctx_free(c2);
    }
}

/* Store callbacks failing at each step of each store function, and a store
 * that hands back invalid customers. */
static void failing_store(void **state)
{
    world *w = *state;
    ccad_contact k = CCAD_CONTACT_INIT;
    int f;
    long n = 0;
    k.date = w->today;
    for (f = 0; f < S_N; f++) {
        ccad_book *b = (ccad_book *)&k;
        size_t idx = 77;
        char what[96];
        long rollbacks = w->fs.calls[S_ROLLBACK];
        int expect_cb;
        w->fs.fail = f;
        /* record: begin, save, append, commit (load and iterate unused) */
        expect_cb = f == S_BEGIN || f == S_SAVE || f == S_APPEND || f == S_COMMIT;
        snprintf(what, sizeof what, "store %s failing", s_names[f]);
        if (expect_cb) {
            MUST_FAIL(ccad_store_record(w->book, 1, &k), CCAD_ECALLBACK, 1);
            assert_non_null(strstr(ccad_ctx_errmsg(w->ctx), s_names[f]));
            if (f != S_BEGIN)
                assert_true(w->fs.calls[S_ROLLBACK] > rollbacks);
            n++;
        }
        /* save_book: begin, save..., commit */
        if (f == S_BEGIN || f == S_SAVE || f == S_COMMIT) {
            MUST_FAIL(ccad_store_save_book(w->book), CCAD_ECALLBACK, 1);
            n++;
        }
        /* load_book: begin, iterate, commit */
        if (f == S_BEGIN || f == S_ITERATE || f == S_COMMIT) {
            MUST_FAIL(ccad_store_load_book(&b, w->ctx), CCAD_ECALLBACK, 1);
            assert_null(b);
            n++;
        }
        /* load_customer: begin, load, commit */
        if (f == S_BEGIN || f == S_LOAD || f == S_COMMIT) {
            MUST_FAIL(ccad_store_load_customer(w->book, "M-02", &idx), CCAD_ECALLBACK, 1);
            assert_int_equal(idx, 77);
            n++;
        }
        /* rollback failing on top of a failing save */
        if (f == S_ROLLBACK) {
            w->fs.fail = S_SAVE;
            MUST_FAIL(ccad_store_record(w->book, 1, &k), CCAD_ECALLBACK, 1);
            n++;
        }
        w->fs.fail = -1;
        (void)what;
    }
    /* a lying store: customers that are not valid */
    w->fs.lie = 1;
    {
        ccad_book *b = (ccad_book *)&k;
        size_t idx = 77;
        int rc;
        MUST_FAIL(ccad_store_load_book(&b, w->ctx), ccad_store_load_book(&b, w->ctx), 1);
        rc = ccad_ctx_errcode(w->ctx);
        assert_true(rc == CCAD_EINVAL || rc == CCAD_ERANGE);
        assert_null(b);
        assert_non_null(strstr(ccad_ctx_errmsg(w->ctx), "M-0"));
        MUST_FAIL(ccad_store_load_customer(w->book, "M-02", &idx),
                  ccad_store_load_customer(w->book, "M-02", &idx), 1);
        rc = ccad_ctx_errcode(w->ctx);
        assert_true(rc == CCAD_EINVAL || rc == CCAD_ERANGE);
        assert_int_equal(idx, 77);
        n += 2;
    }
    w->fs.lie = 0;
    assert_int_equal(ccad_store_record(w->book, 1, &k), CCAD_OK);
    print_message("misuse: %ld failing-store cases\n", n);
}

static void totals(void **state)
{
    (void)state;
    print_message("misuse: %ld failing calls checked in all\n", cases);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(schedule_past_calendar_end, setup, teardown),
        cmocka_unit_test_setup_teardown(null_arguments, setup, teardown),
        cmocka_unit_test_setup_teardown(null_allowed, setup, teardown),
        cmocka_unit_test_setup_teardown(extreme_dates, setup, teardown),
        cmocka_unit_test_setup_teardown(extreme_money_and_counts, setup, teardown),
        cmocka_unit_test_setup_teardown(extreme_rules_values, setup, teardown),
        cmocka_unit_test_setup_teardown(bad_sizes, setup, teardown),
        cmocka_unit_test_setup_teardown(huge_text, setup, teardown),
        cmocka_unit_test_setup_teardown(garbage_rules, setup, teardown),
        cmocka_unit_test_setup_teardown(plan_options, setup, teardown),
        cmocka_unit_test_setup_teardown(route_options, setup, teardown),
        cmocka_unit_test_setup_teardown(lying_host, setup, teardown),
        cmocka_unit_test_setup_teardown(failing_store, setup, teardown),
        cmocka_unit_test(totals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
