/* Storage callbacks: ccad_ctx_set_store, ccad_store_record, ccad_store_save_book,
 * ccad_store_load_book, ccad_store_load_customer against a fake in-memory
 * store with real transactions (snapshot at begin, restored at rollback) and
 * a call counter that fails the Nth callback call; then the failure loop over
 * every operation, alone and combined with the failing allocator. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* The fake store                                                             */

#define FK_MAXC 64
#define FK_MAXLOG 256

typedef struct fk_cust {
    char id[CCAD_ID_MAX + 1]; /* the store's own copy of the id */
    ccad_customer c;          /* c.id is NULL while stored */
} fk_cust;

typedef struct fk_log {
    char id[CCAD_ID_MAX + 1];
    ccad_contact k;
} fk_log;

typedef struct fk_state {
    size_t n;
    fk_cust c[FK_MAXC]; /* in insertion order: iterate order is stable */
    size_t nlog;
    fk_log log[FK_MAXLOG];
} fk_state;

typedef struct fake {
    fk_state cur;  /* the store's data */
    fk_state snap; /* taken at begin, restored at rollback */
    int in_tx;
    /* fault injection: call number fail_at (1-based, counted over every
     * callback call) fails; with fail_after every later call fails too */
    long calls, fail_at, failures;
    int fail_after;
    /* per-callback counts */
    long n_begin, n_commit, n_rollback, n_load, n_save, n_append, n_iterate;
    char trace[512]; /* one letter per call: b c r l s a i */
    size_t ntrace;
    long iterate_stop_after; /* >= 0: iterate fails after that many customers */
    int iterate_ignores_each; /* iterate goes on and returns 0 whatever each says */
    char scratch[CCAD_ID_MAX + 1]; /* id handed out by load, scribbled later */
    char iter_id[CCAD_ID_MAX + 1]; /* id handed out by iterate, scribbled later */
} fake;

static void fk_note(fake *f, char what)
{
    if (f->ntrace + 1 < sizeof f->trace)
        f->trace[f->ntrace++] = what;
    f->trace[f->ntrace] = '\0';
    /* the ids handed out earlier are valid only during their call */
    memset(f->scratch, 'X', CCAD_ID_MAX);
    f->scratch[CCAD_ID_MAX] = '\0';
    memset(f->iter_id, 'Y', CCAD_ID_MAX);
    f->iter_id[CCAD_ID_MAX] = '\0';
}

static int fk_should_fail(fake *f)
{
    f->calls++;
    if (f->fail_at > 0 && (f->calls == f->fail_at || (f->fail_after && f->calls > f->fail_at))) {
        f->failures++;
        return 1;
    }
    return 0;
}

static void fk_arm(fake *f, long n, int after)
{
    f->calls = 0;
    f->fail_at = n;
    f->fail_after = after;
}

static void fk_reset_counts(fake *f)
{
    f->n_begin = f->n_commit = f->n_rollback = 0;
    f->n_load = f->n_save = f->n_append = f->n_iterate = 0;
    f->ntrace = 0;
    f->trace[0] = '\0';
    f->calls = 0;
    f->failures = 0;
}

static fk_cust *fk_find(fk_state *s, const char *id)
{
    size_t i;
    for (i = 0; i < s->n; i++)
        if (strcmp(s->c[i].id, id) == 0)
            return &s->c[i];
    return NULL;
}

static void fk_put(fk_state *s, const ccad_customer *c)
{
    fk_cust *e = fk_find(s, c->id);
    if (e == NULL) {
        assert_true(s->n < FK_MAXC);
        e = &s->c[s->n++];
        assert_true(strlen(c->id) <= CCAD_ID_MAX);
        strcpy(e->id, c->id);
    }
    e->c = *c;
    e->c.id = NULL;
}

static int fk_begin(void *user)
{
    fake *f = user;
    fk_note(f, 'b');
    f->n_begin++;
    assert_false(f->in_tx); /* never nested */
    if (fk_should_fail(f))
        return 1; /* no transaction */
    f->snap = f->cur;
    f->in_tx = 1;
    return 0;
}

static int fk_commit(void *user)
{
    fake *f = user;
    fk_note(f, 'c');
    f->n_commit++;
    assert_true(f->in_tx);
    if (fk_should_fail(f))
        return 1; /* like a busy database: the transaction stays open */
    f->in_tx = 0;
    return 0;
}

static int fk_rollback(void *user)
{
    fake *f = user;
    fk_note(f, 'r');
    f->n_rollback++;
    assert_true(f->in_tx);
    f->in_tx = 0;
    if (fk_should_fail(f))
        return 1; /* a broken connection: the data stays as it is */
    f->cur = f->snap;
    return 0;
}

static int fk_load(void *user, const char *id, ccad_customer *out, int *found)
{
    fake *f = user;
    fk_cust *e;
    fk_note(f, 'l');
    f->n_load++;
    assert_true(f->in_tx);
    assert_non_null(id);
    assert_non_null(out);
    assert_non_null(found);
    assert_int_equal(out->size, sizeof(ccad_customer));
    if (fk_should_fail(f))
        return 1;
    e = fk_find(&f->cur, id);
    if (e == NULL) {
        *found = 0;
        return 0;
    }
    *out = e->c;
    strcpy(f->scratch, e->id); /* scribbled at the next callback */
    out->id = f->scratch;
    *found = 1;
    return 0;
}

static int fk_save(void *user, const ccad_customer *c)
{
    fake *f = user;
    fk_note(f, 's');
    f->n_save++;
    assert_true(f->in_tx);
    assert_non_null(c);
    assert_non_null(c->id);
    assert_int_equal(c->size, sizeof(ccad_customer));
    /* the write happens, then the call may still fail: only the rollback
     * can undo it */
    fk_put(&f->cur, c);
    return fk_should_fail(f);
}

static int fk_append(void *user, const char *id, const ccad_contact *k)
{
    fake *f = user;
    fk_note(f, 'a');
    f->n_append++;
    assert_true(f->in_tx);
    assert_non_null(id);
    assert_non_null(k);
    assert_true(f->cur.nlog < FK_MAXLOG);
    assert_true(strlen(id) <= CCAD_ID_MAX);
    strcpy(f->cur.log[f->cur.nlog].id, id);
    f->cur.log[f->cur.nlog].k = *k;
    f->cur.nlog++;
    return fk_should_fail(f);
}

static int fk_iterate(void *user, ccad_store_each_fn each, void *each_user)
{
    fake *f = user;
    size_t i;
    fk_note(f, 'i');
    f->n_iterate++;
    assert_true(f->in_tx);
    assert_non_null(each);
    if (fk_should_fail(f))
        return 1;
    for (i = 0; i < f->cur.n; i++) {
        ccad_customer c;
        if (f->iterate_stop_after >= 0 && (long)i >= f->iterate_stop_after)
            return 1;
        c = f->cur.c[i].c;
        strcpy(f->iter_id, f->cur.c[i].id);
        c.id = f->iter_id;
        if (each(each_user, &c) != 0 && !f->iterate_ignores_each)
            return 1;
        memset(f->iter_id, 'Y', CCAD_ID_MAX); /* valid only during each */
    }
    return 0;
}

static fake *fk_new(void)
{
    fake *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->iterate_stop_after = -1;
    return f;
}

static ccad_store fk_store(fake *f)
{
    ccad_store s = CCAD_STORE_INIT;
    s.user = f;
    s.begin = fk_begin;
    s.commit = fk_commit;
    s.rollback = fk_rollback;
    s.load = fk_load;
    s.save = fk_save;
    s.append_contact = fk_append;
    s.iterate = fk_iterate;
    return s;
}

/* ------------------------------------------------------------------------ */
/* Comparisons                                                                */

static void contact_equal(const ccad_contact *a, const ccad_contact *b)
{
    assert_int_equal(a->size, b->size);
    assert_int_equal(a->date, b->date);
    assert_int_equal(a->kind, b->kind);
    assert_int_equal(a->outcome, b->outcome);
    assert_int_equal(a->recorded, b->recorded);
    assert_int_equal(a->next_date, b->next_date);
    assert_int_equal(a->service_level, b->service_level);
}

/* The two store states hold the same customers and contact log. */
static void state_equal(const fk_state *a, const fk_state *b)
{
    size_t i;
    assert_int_equal(a->n, b->n);
    for (i = 0; i < a->n; i++) {
        ccad_customer x = a->c[i].c, y = b->c[i].c;
        assert_string_equal(a->c[i].id, b->c[i].id);
        x.id = a->c[i].id;
        y.id = b->c[i].id;
        tu_customer_equal(&x, &y);
    }
    assert_int_equal(a->nlog, b->nlog);
    for (i = 0; i < a->nlog; i++) {
        assert_string_equal(a->log[i].id, b->log[i].id);
        contact_equal(&a->log[i].k, &b->log[i].k);
    }
}

/* Every customer of the book is in the store with the same data, and the
 * store holds nothing else. */
static void store_equals_book(fake *f, const ccad_book *b)
{
    size_t i;
    assert_int_equal(f->cur.n, ccad_book_count(b));
    for (i = 0; i < ccad_book_count(b); i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT, s;
        fk_cust *e;
        assert_int_equal(ccad_book_get(b, i, &c), CCAD_OK);
        e = fk_find(&f->cur, c.id);
        assert_non_null(e);
        s = e->c;
        s.id = e->id;
        tu_customer_equal(&c, &s);
    }
}

/* Customer `i` of the book is in the store with the same data. */
static void store_has(fake *f, const ccad_book *b, size_t i)
{
    ccad_customer c = CCAD_CUSTOMER_INIT, s;
    fk_cust *e;
    assert_int_equal(ccad_book_get(b, i, &c), CCAD_OK);
    e = fk_find(&f->cur, c.id);
    assert_non_null(e);
    s = e->c;
    s.id = e->id;
    tu_customer_equal(&c, &s);
}

/* ------------------------------------------------------------------------ */
/* Data                                                                       */

static int32_t base_day(void) { return tu_date("2026-11-23"); }

/* Customer i with every field away from its default (and valid). */
static ccad_customer rich_customer(int i, char *idbuf)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    int32_t d = base_day();
    sprintf(idbuf, "C-%03d", i);
    c.id = idbuf;
    c.value = 100000 + (int64_t)i * 1234567;
    c.grade = i % 5;
    c.status = 1 + i % 5;
    c.purchase_date = d + i;
    c.monthly_volume = (int64_t)i * 1000 + 1;
    c.margin_bp = (int32_t)((i * 37) % 10001);
    c.capable = i % 2;
    c.has_location = 1;
    c.x = 10.5 + i * 0.25;
    c.y = 50.125 - i * 0.5;
    c.complaint = i % 3;
    c.complaint_date = c.complaint != CCAD_COMPLAINT_NONE ? d - 20 - i : CCAD_NO_DATE;
    c.request_date = i % 2 ? d + 3 : CCAD_NO_DATE;
    c.visit_days = (uint32_t)((i * 13) % 128);
    c.visit_open_min = 480 + i;
    c.visit_close_min = 1020;
    c.owned_since = d - 400 - i;
    c.last_contact = d - 10 - i;
    c.last_visit = c.last_contact - i % 4;
    c.last_gap_days = 5 + i;
    c.contacts = (uint32_t)(10 + i);
    c.no_progress = (uint32_t)(i % 3);
    c.missing_records = (uint32_t)(i % 2);
    c.last_recorded = (i + 1) % 2;
    c.next_step_date = d + i % 7;
    c.service_counts[0] = (uint32_t)i;
    c.service_counts[1] = (uint32_t)i + 1;
    c.service_counts[2] = (uint32_t)i + 2;
    c.service_counts[3] = (uint32_t)i + 3;
    return c;
}

static ccad_contact call_contact(void)
{
    ccad_contact k = CCAD_CONTACT_INIT;
    k.date = base_day();
    k.kind = CCAD_CONTACT_CALL;
    k.outcome = CCAD_OUTCOME_NO_PROGRESS;
    k.recorded = 0;
    k.next_date = base_day() + 7;
    k.service_level = CCAD_SERVICE_SATISFYING;
    return k;
}

/* ------------------------------------------------------------------------ */
/* Fixture: a context with the counting allocator, a book of `n` customers
 * and a fake store holding exactly that book (no contacts yet). */

typedef struct fx {
    tu_alloc al;
    ccad_ctx *ctx;
    ccad_book *b;
    fake *f;
} fx;

static void fx_open(fx *x, int n, int with_store)
{
    ccad_host h = tu_host(&x->al);
    int i;
    x->ctx = NULL;
    x->b = NULL;
    x->f = fk_new();
    assert_int_equal(ccad_ctx_new(&x->ctx, &h), CCAD_OK);
    assert_int_equal(ccad_book_new(&x->b, x->ctx, 0), CCAD_OK);
    for (i = 0; i < n; i++) {
        char id[16];
        ccad_customer c = rich_customer(i, id);
        assert_int_equal(ccad_book_add(x->b, &c, NULL), CCAD_OK);
        fk_put(&x->f->cur, &c);
    }
    if (with_store) {
        ccad_store s = fk_store(x->f);
        assert_int_equal(ccad_ctx_set_store(x->ctx, &s), CCAD_OK);
    }
}

static void fx_close(fx *x)
{
    ccad_book_free(x->b);
    ccad_ctx_free(x->ctx);
    free(x->f);
    assert_int_equal(x->al.live, 0);
}

/* ------------------------------------------------------------------------ */
/* ccad_ctx_set_store                                                         */

static void set_store_validation(void **state)
{
    fx x;
    ccad_store s, bad;
    ccad_contact k = call_contact();
    int m;
    (void)state;
    fx_open(&x, 2, 0);
    s = fk_store(x.f);
    assert_int_equal(ccad_ctx_set_store(NULL, &s), CCAD_EINVAL);
    assert_int_equal(ccad_ctx_set_store(NULL, NULL), CCAD_EINVAL);

    /* each of the seven callbacks missing */
    for (m = 0; m < 7; m++) {
        bad = s;
        switch (m) {
        case 0: bad.begin = NULL; break;
        case 1: bad.commit = NULL; break;
        case 2: bad.rollback = NULL; break;
        case 3: bad.load = NULL; break;
        case 4: bad.save = NULL; break;
        case 5: bad.append_contact = NULL; break;
        default: bad.iterate = NULL; break;
        }
        TU_FAIL(x.ctx, ccad_ctx_set_store(x.ctx, &bad), CCAD_EINVAL);
    }
    /* a size this version does not know */
    bad = s;
    bad.size = 0;
    TU_FAIL(x.ctx, ccad_ctx_set_store(x.ctx, &bad), CCAD_EVERSION);
    bad.size = (uint32_t)sizeof(ccad_store) - 8;
    TU_FAIL(x.ctx, ccad_ctx_set_store(x.ctx, &bad), CCAD_EVERSION);
    bad.size = (uint32_t)sizeof(ccad_store) + 8;
    TU_FAIL(x.ctx, ccad_ctx_set_store(x.ctx, &bad), CCAD_EVERSION);
    /* the failed calls left the context without a store */
    TU_FAIL(x.ctx, ccad_store_save_book(x.b), CCAD_ENOTSUP);
    assert_int_equal(x.f->n_begin, 0);

    /* a store is copied: later changes of the caller's struct do nothing */
    assert_int_equal(ccad_ctx_set_store(x.ctx, &s), CCAD_OK);
    s.begin = NULL;
    s.user = NULL;
    assert_int_equal(ccad_store_record(x.b, 0, &k), CCAD_OK);
    assert_string_equal(x.f->trace, "bsac");
    /* a failed replacement keeps the store in place */
    bad = fk_store(x.f);
    bad.iterate = NULL;
    TU_FAIL(x.ctx, ccad_ctx_set_store(x.ctx, &bad), CCAD_EINVAL);
    fk_reset_counts(x.f);
    assert_int_equal(ccad_store_save_book(x.b), CCAD_OK);
    assert_string_equal(x.f->trace, "bssc");
    /* NULL removes it */
    assert_int_equal(ccad_ctx_set_store(x.ctx, NULL), CCAD_OK);
    fk_reset_counts(x.f);
    TU_FAIL(x.ctx, ccad_store_save_book(x.b), CCAD_ENOTSUP);
    assert_int_equal(x.f->calls, 0);
    /* removing when there is none is fine too */
    assert_int_equal(ccad_ctx_set_store(x.ctx, NULL), CCAD_OK);
    fx_close(&x);
}

static void no_store_enotsup(void **state)
{
    fx x;
    ccad_contact k = call_contact();
    ccad_book *out = (ccad_book *)&out;
    size_t idx = 77;
    tu_snap sn;
    (void)state;
    fx_open(&x, 3, 0);
    tu_snap_take(&sn, x.b);
    TU_FAIL(x.ctx, ccad_store_record(x.b, 1, &k), CCAD_ENOTSUP);
    assert_non_null(strstr(ccad_ctx_errmsg(x.ctx), "no store"));
    TU_FAIL(x.ctx, ccad_store_save_book(x.b), CCAD_ENOTSUP);
    TU_FAIL(x.ctx, ccad_store_load_book(&out, x.ctx), CCAD_ENOTSUP);
    assert_null(out);
    TU_FAIL(x.ctx, ccad_store_load_customer(x.b, "C-001", &idx), CCAD_ENOTSUP);
    assert_int_equal(idx, 77);
    tu_snap_check(&sn, x.b);
    assert_int_equal(x.f->calls, 0);
    tu_snap_free(&sn);

    /* NULL handles */
    assert_int_equal(ccad_store_record(NULL, 0, &k), CCAD_EINVAL);
    assert_int_equal(ccad_store_save_book(NULL), CCAD_EINVAL);
    assert_int_equal(ccad_store_load_book(NULL, x.ctx), CCAD_EINVAL);
    out = (ccad_book *)&out;
    assert_int_equal(ccad_store_load_book(&out, NULL), CCAD_EINVAL);
    assert_null(out);
    assert_int_equal(ccad_store_load_customer(NULL, "C-001", NULL), CCAD_EINVAL);
    fx_close(&x);
}

/* ------------------------------------------------------------------------ */
/* Bad input to ccad_store_record: the errors of ccad_book_record, no call   */

static void record_bad_input(void **state)
{
    fx x;
    ccad_book *twin = NULL;
    tu_snap sn;
    fk_state before;
    int i;
    (void)state;
    fx_open(&x, 3, 1);
    /* a twin book without store, for ccad_book_record's answers */
    assert_int_equal(ccad_book_new(&twin, x.ctx, 0), CCAD_OK);
    for (i = 0; i < 3; i++) {
        char id[16];
        ccad_customer c = rich_customer(i, id);
        if (i == 2)
            c.contacts = UINT32_MAX; /* the next contact would overflow */
        if (i == 2) { /* the store's copy too */
            ccad_customer s = c;
            assert_int_equal(ccad_book_update(x.b, 2, &s), CCAD_OK);
            fk_put(&x.f->cur, &s);
        }
        assert_int_equal(ccad_book_add(twin, &c, NULL), CCAD_OK);
    }
    tu_snap_take(&sn, x.b);
    before = x.f->cur;
    for (i = 0; i < 13; i++) {
        ccad_contact k = call_contact();
        const ccad_contact *kp = &k;
        size_t idx = 1;
        int want, got;
        switch (i) {
        case 0: kp = NULL; break;
        case 1: k.size = 0; break;
        case 2: k.size = (uint32_t)sizeof k + 4; break;
        case 3: idx = 3; break;
        case 4: k.date = CCAD_NO_DATE; break;
        case 5: k.date = CCAD_DATE_MAX + 1; break;
        case 6: k.next_date = k.date - 1; break;
        case 7: k.kind = 0; break;
        case 8: k.outcome = 6; break;
        case 9: k.recorded = 2; break;
        case 10: k.service_level = 5; break;
        case 11: /* C-001 has i % 3 == 1: an open complaint; C-000 none */
            idx = 0;
            k.outcome = CCAD_OUTCOME_COMPLAINT_RESOLVED;
            break;
        default: idx = 2; break; /* count overflow */
        }
        want = ccad_book_record(twin, idx, kp);
        assert_true(want < 0);
        fk_reset_counts(x.f);
        TU_FAIL(x.ctx, ccad_store_record(x.b, idx, kp), want);
        got = ccad_ctx_errcode(x.ctx);
        assert_int_equal(got, want);
        assert_non_null(strstr(ccad_ctx_errmsg(x.ctx), "ccad_store_record"));
        assert_int_equal(x.f->calls, 0);
        assert_string_equal(x.f->trace, "");
        tu_snap_check(&sn, x.b);
        state_equal(&x.f->cur, &before);
    }
    /* the twin answered with every kind of error */
    tu_snap_free(&sn);
    ccad_book_free(twin);
    fx_close(&x);
}

/* ------------------------------------------------------------------------ */
/* Success paths                                                              */

static void record_success(void **state)
{
    fx x;
    ccad_contact k = call_contact(), v = CCAD_CONTACT_INIT;
    ccad_customer before = CCAD_CUSTOMER_INIT, after = CCAD_CUSTOMER_INIT;
    ccad_book *twin = NULL;
    char id[16];
    (void)state;
    fx_open(&x, 3, 1);
    assert_int_equal(ccad_book_get(x.b, 1, &before), CCAD_OK);
    assert_int_equal(ccad_store_record(x.b, 1, &k), CCAD_OK);
    assert_string_equal(x.f->trace, "bsac");
    assert_false(x.f->in_tx);
    assert_int_equal(x.f->cur.nlog, 1);
    assert_string_equal(x.f->cur.log[0].id, "C-001");
    contact_equal(&x.f->cur.log[0].k, &k);
    /* the book has the contact, the same as ccad_book_record gives */
    assert_int_equal(ccad_book_new(&twin, x.ctx, 0), CCAD_OK);
    {
        ccad_customer c = rich_customer(1, id);
        ccad_customer t = CCAD_CUSTOMER_INIT;
        assert_int_equal(ccad_book_add(twin, &c, NULL), CCAD_OK);
        assert_int_equal(ccad_book_record(twin, 0, &k), CCAD_OK);
        assert_int_equal(ccad_book_get(twin, 0, &t), CCAD_OK);
        assert_int_equal(ccad_book_get(x.b, 1, &after), CCAD_OK);
        tu_customer_equal(&after, &t);
    }
    assert_int_equal(after.contacts, before.contacts + 1);
    assert_int_equal(after.last_contact, k.date);
    /* the store saved the updated customer: book equals store */
    store_equals_book(x.f, x.b);

    /* a second contact, a visit with an order, on another customer */
    fk_reset_counts(x.f);
    v.date = base_day() + 1;
    v.outcome = CCAD_OUTCOME_ORDER;
    assert_int_equal(ccad_store_record(x.b, 0, &v), CCAD_OK);
    assert_string_equal(x.f->trace, "bsac");
    assert_int_equal(x.f->cur.nlog, 2);
    assert_string_equal(x.f->cur.log[1].id, "C-000");
    contact_equal(&x.f->cur.log[1].k, &v);
    store_equals_book(x.f, x.b);
    ccad_book_free(twin);
    fx_close(&x);
}

static void save_book_success(void **state)
{
    fx x;
    int i;
    (void)state;
    fx_open(&x, 5, 1);
    memset(&x.f->cur, 0, sizeof x.f->cur); /* an empty store */
    assert_int_equal(ccad_store_save_book(x.b), CCAD_OK);
    assert_string_equal(x.f->trace, "bsssssc");
    store_equals_book(x.f, x.b);
    /* saving again replaces, never duplicates */
    fk_reset_counts(x.f);
    assert_int_equal(ccad_store_save_book(x.b), CCAD_OK);
    assert_int_equal(x.f->cur.n, 5);
    store_equals_book(x.f, x.b);
    for (i = 0; i < 5; i++)
        assert_string_equal(x.f->cur.c[i].id, ccad_book_id(x.b, (size_t)i));
    assert_int_equal(x.f->cur.nlog, 0);
    fx_close(&x);
    /* an empty book: begin, commit */
    fx_open(&x, 0, 1);
    assert_int_equal(ccad_store_save_book(x.b), CCAD_OK);
    assert_string_equal(x.f->trace, "bc");
    fx_close(&x);
}

static void load_book_success(void **state)
{
    fx x;
    ccad_book *out = NULL;
    tu_snap sn;
    size_t i;
    (void)state;
    fx_open(&x, 20, 1); /* more than the book's first capacity of 16 */
    tu_snap_take(&sn, x.b);
    assert_int_equal(ccad_store_load_book(&out, x.ctx), CCAD_OK);
    assert_non_null(out);
    assert_string_equal(x.f->trace, "bic");
    assert_false(x.f->in_tx);
    /* the loaded book is the book, field by field and in the same order */
    tu_snap_check(&sn, out);
    for (i = 0; i < sn.n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        assert_int_equal(ccad_book_get(out, i, &c), CCAD_OK);
        tu_customer_equal(&c, &sn.c[i]);
    }
    store_equals_book(x.f, out);
    ccad_book_free(out);
    tu_snap_free(&sn);
    fx_close(&x);
    /* an empty store gives an empty book */
    fx_open(&x, 0, 1);
    assert_int_equal(ccad_store_load_book(&out, x.ctx), CCAD_OK);
    assert_non_null(out);
    assert_int_equal(ccad_book_count(out), 0);
    ccad_book_free(out);
    fx_close(&x);
}

static void load_customer_success(void **state)
{
    fx x;
    tu_snap sn;
    size_t idx = 99;
    char id[16];
    ccad_customer c, got = CCAD_CUSTOMER_INIT, want;
    (void)state;
    fx_open(&x, 3, 1);
    /* the store knows C-007 (not in the book) and a changed C-001 */
    c = rich_customer(7, id);
    fk_put(&x.f->cur, &c);
    {
        char id1[16];
        ccad_customer d = rich_customer(1, id1);
        d.value = 5;
        d.contacts = 1234;
        d.status = CCAD_STATUS_RELEASED;
        fk_put(&x.f->cur, &d);
    }
    tu_snap_take(&sn, x.b);

    /* added */
    assert_int_equal(ccad_store_load_customer(x.b, "C-007", &idx), CCAD_OK);
    assert_string_equal(x.f->trace, "blc");
    assert_int_equal(idx, 3);
    assert_int_equal(ccad_book_count(x.b), 4);
    assert_int_equal(ccad_book_get(x.b, 3, &got), CCAD_OK);
    want = rich_customer(7, id);
    tu_customer_equal(&got, &want); /* the scribbled scratch id was not kept */

    /* replaced, same index */
    fk_reset_counts(x.f);
    idx = 99;
    assert_int_equal(ccad_store_load_customer(x.b, "C-001", &idx), CCAD_OK);
    assert_string_equal(x.f->trace, "blc");
    assert_int_equal(idx, 1);
    assert_int_equal(ccad_book_count(x.b), 4);
    assert_int_equal(ccad_book_get(x.b, 1, &got), CCAD_OK);
    assert_true(got.value == 5);
    assert_int_equal(got.contacts, 1234);
    assert_int_equal(got.status, CCAD_STATUS_RELEASED);
    store_equals_book(x.f, x.b);
    /* out_index may be NULL */
    fk_reset_counts(x.f);
    assert_int_equal(ccad_store_load_customer(x.b, "C-000", NULL), CCAD_OK);
    assert_string_equal(x.f->trace, "blc");
    tu_snap_free(&sn);

    /* unknown id: ENOTFOUND after a committed read, book unchanged */
    tu_snap_take(&sn, x.b);
    fk_reset_counts(x.f);
    idx = 99;
    TU_FAIL(x.ctx, ccad_store_load_customer(x.b, "nobody", &idx), CCAD_ENOTFOUND);
    assert_non_null(strstr(ccad_ctx_errmsg(x.ctx), "nobody"));
    assert_string_equal(x.f->trace, "blc");
    assert_int_equal(idx, 99);
    tu_snap_check(&sn, x.b);
    /* NULL id: EINVAL before any callback */
    fk_reset_counts(x.f);
    TU_FAIL(x.ctx, ccad_store_load_customer(x.b, NULL, &idx), CCAD_EINVAL);
    assert_int_equal(x.f->calls, 0);
    tu_snap_check(&sn, x.b);
    tu_snap_free(&sn);
    fx_close(&x);
}

/* ------------------------------------------------------------------------ */
/* Invalid stored data, failing iterate                                       */

static void load_book_invalid_customer(void **state)
{
    fx x;
    ccad_book *out = (ccad_book *)&out;
    long live;
    (void)state;
    fx_open(&x, 20, 1);
    x.f->cur.c[17].c.value = -250; /* C-017, after the book had to grow */
    live = x.al.live;
    TU_FAIL(x.ctx, ccad_store_load_book(&out, x.ctx), CCAD_ERANGE);
    assert_null(out);
    assert_string_equal(x.f->trace, "bir");
    assert_false(x.f->in_tx);
    assert_non_null(strstr(ccad_ctx_errmsg(x.ctx), "negative"));
    assert_null(strstr(ccad_ctx_errmsg(x.ctx), "rollback callback failed too"));
    assert_int_equal(x.al.live, live);

    /* the iterate callback that ignores each's stop still gets the error */
    fk_reset_counts(x.f);
    x.f->iterate_ignores_each = 1;
    out = (ccad_book *)&out;
    TU_FAIL(x.ctx, ccad_store_load_book(&out, x.ctx), CCAD_ERANGE);
    assert_null(out);
    assert_string_equal(x.f->trace, "bir");
    assert_int_equal(x.al.live, live);
    x.f->iterate_ignores_each = 0;

    /* rollback failing too: the library's code, the message says so */
    fk_reset_counts(x.f);
    fk_arm(x.f, 3, 0); /* b=1, i=2, r=3 */
    TU_FAIL(x.ctx, ccad_store_load_book(&out, x.ctx), CCAD_ERANGE);
    assert_null(out);
    assert_non_null(strstr(ccad_ctx_errmsg(x.ctx), "rollback callback failed too"));
    assert_int_equal(x.al.live, live);
    fk_arm(x.f, 0, 0);

    /* load_customer of the invalid one: the error after a committed read */
    fk_reset_counts(x.f);
    {
        tu_snap sn;
        size_t idx = 5;
        tu_snap_take(&sn, x.b);
        TU_FAIL(x.ctx, ccad_store_load_customer(x.b, "C-017", &idx), CCAD_ERANGE);
        assert_string_equal(x.f->trace, "blc");
        assert_int_equal(idx, 5);
        tu_snap_check(&sn, x.b);
        tu_snap_free(&sn);
    }
    /* an invalid new customer is not added either */
    fk_reset_counts(x.f);
    {
        char id[16];
        ccad_customer c = rich_customer(40, id);
        tu_snap sn;
        c.margin_bp = 10001;
        fk_put(&x.f->cur, &c);
        tu_snap_take(&sn, x.b);
        TU_FAIL(x.ctx, ccad_store_load_customer(x.b, "C-040", NULL), CCAD_ERANGE);
        tu_snap_check(&sn, x.b);
        tu_snap_free(&sn);
    }
    fx_close(&x);
}

/* include/custcadence.h documents for ccad_store_load_book: "any error of
 * ccad_book_add() for a stored customer that is not valid (message names
 * its id)". */
static void load_book_invalid_names_id(void **state)
{
    fx x;
    ccad_book *out = NULL;
    char msg[300];
    (void)state;
    fx_open(&x, 4, 1);
    x.f->cur.c[2].c.value = -250;
    TU_FAIL(x.ctx, ccad_store_load_book(&out, x.ctx), CCAD_ERANGE);
    assert_null(out);
    snprintf(msg, sizeof msg, "%s", ccad_ctx_errmsg(x.ctx));
    fx_close(&x); /* before the check, so that a failure leaks nothing */
    if (strstr(msg, "C-002") == NULL)
        print_message("message without the id: \"%s\"\n", msg);
    assert_non_null(strstr(msg, "C-002"));
}

static void load_book_iterate_fails(void **state)
{
    fx x;
    ccad_book *out = (ccad_book *)&out;
    long live;
    long stop;
    (void)state;
    fx_open(&x, 20, 1);
    live = x.al.live;
    /* iterate fails before, midway through and after the book grew */
    for (stop = 0; stop < 20; stop += 5) {
        fk_state before = x.f->cur;
        fk_reset_counts(x.f);
        x.f->iterate_stop_after = stop;
        out = (ccad_book *)&out;
        TU_FAIL(x.ctx, ccad_store_load_book(&out, x.ctx), CCAD_ECALLBACK);
        assert_null(out);
        assert_string_equal(x.f->trace, "bir");
        assert_non_null(strstr(ccad_ctx_errmsg(x.ctx), "ccad_store_load_book: iterate callback failed"));
        assert_null(strstr(ccad_ctx_errmsg(x.ctx), "rollback callback failed too"));
        assert_int_equal(x.al.live, live);
        state_equal(&x.f->cur, &before);
    }
    fx_close(&x);
}

/* ------------------------------------------------------------------------ */
/* The failure loop                                                           */

enum op { OP_RECORD, OP_SAVE_BOOK, OP_LOAD_BOOK, OP_LOAD_ADD, OP_LOAD_REPLACE };

static const char *const op_fn[] = {"ccad_store_record", "ccad_store_save_book",
                                    "ccad_store_load_book", "ccad_store_load_customer",
                                    "ccad_store_load_customer"};

/* Name of the callback made as call number n (1-based) of a successful run. */
static const char *op_callback(enum op op, long n, size_t nbook)
{
    switch (op) {
    case OP_RECORD: {
        static const char *const seq[] = {"begin", "save", "append_contact", "commit"};
        return n <= 4 ? seq[n - 1] : NULL;
    }
    case OP_SAVE_BOOK:
        if (n == 1)
            return "begin";
        if ((size_t)n <= nbook + 1)
            return "save";
        return (size_t)n == nbook + 2 ? "commit" : NULL;
    case OP_LOAD_BOOK: {
        static const char *const seq[] = {"begin", "iterate", "commit"};
        return n <= 3 ? seq[n - 1] : NULL;
    }
    default: {
        static const char *const seq[] = {"begin", "load", "commit"};
        return n <= 3 ? seq[n - 1] : NULL;
    }
    }
}

static int run_op(fx *x, enum op op, ccad_book **out, size_t *idx)
{
    ccad_contact k = call_contact();
    switch (op) {
    case OP_RECORD: return ccad_store_record(x->b, 2, &k);
    case OP_SAVE_BOOK: return ccad_store_save_book(x->b);
    case OP_LOAD_BOOK: return ccad_store_load_book(out, x->ctx);
    case OP_LOAD_ADD: return ccad_store_load_customer(x->b, "C-009", idx);
    default: return ccad_store_load_customer(x->b, "C-001", idx);
    }
}

/* Runs op failing callback call N = 1, 2, ... until it succeeds; returns the
 * number of rounds that failed. */
static long fault_loop(enum op op, int after)
{
    fx x;
    fk_state initial;
    long n, failed = 0;
    const size_t nbook = 4;
    fx_open(&x, (int)nbook, 1);
    /* store contents differ from the book where the operation would show it */
    {
        char id[16];
        ccad_customer c = rich_customer(9, id);
        fk_put(&x.f->cur, &c); /* C-009: in the store only */
        c = rich_customer(1, id);
        c.value = 42;
        c.contacts = 99;
        fk_put(&x.f->cur, &c); /* C-001: changed in the store */
    }
    if (op == OP_SAVE_BOOK)
        x.f->cur.n = 2; /* the store lacks C-002, C-003 and C-009 */
    initial = x.f->cur;
    for (n = 1;; n++) {
        tu_snap sn;
        ccad_book *out = (ccad_book *)&out;
        size_t idx = 12345;
        long live = x.al.live;
        const char *name = op_callback(op, n, nbook);
        const char *msg;
        char want[96];
        int rc;
        x.f->cur = initial;
        x.f->in_tx = 0;
        fk_reset_counts(x.f);
        fk_arm(x.f, n, after);
        tu_snap_take(&sn, x.b);
        rc = run_op(&x, op, &out, &idx);
        fk_arm(x.f, 0, 0);
        assert_false(x.f->in_tx);
        msg = ccad_ctx_errmsg(x.ctx);
        if (rc == CCAD_OK) {
            assert_null(name); /* every callback call succeeded */
            assert_int_equal(x.f->n_rollback, 0);
            if (op == OP_LOAD_BOOK) {
                tu_snap_free(&sn);
                tu_snap_take(&sn, out);
                store_equals_book(x.f, out);
                ccad_book_free(out);
            } else if (op == OP_SAVE_BOOK) {
                store_equals_book(x.f, x.b);
            } else if (op == OP_RECORD) {
                assert_int_equal(x.f->cur.nlog, initial.nlog + 1);
                assert_string_equal(x.f->cur.log[initial.nlog].id, "C-002");
                store_has(x.f, x.b, 2);
            } else {
                assert_int_equal(idx, op == OP_LOAD_ADD ? nbook : 1);
                store_has(x.f, x.b, idx);
                state_equal(&x.f->cur, &initial);
            }
            tu_snap_free(&sn);
            break;
        }
        failed++;
        assert_non_null(name);
        assert_int_equal(rc, CCAD_ECALLBACK);
        assert_int_equal(ccad_ctx_errcode(x.ctx), CCAD_ECALLBACK);
        snprintf(want, sizeof want, "%s: %s callback failed", op_fn[op], name);
        if (strstr(msg, want) == NULL)
            print_message("round %ld: \"%s\" lacks \"%s\"\n", n, msg, want);
        assert_non_null(strstr(msg, want));
        /* rollback called exactly when a transaction had begun */
        assert_int_equal(x.f->n_rollback, n > 1 ? 1 : 0);
        assert_int_equal(x.f->n_begin, 1);
        if (after && n > 1)
            assert_non_null(strstr(msg, "rollback callback failed too"));
        else
            assert_null(strstr(msg, "rollback callback failed too"));
        /* the book is unchanged, and no output came out */
        tu_snap_check(&sn, x.b);
        tu_snap_free(&sn);
        if (op == OP_LOAD_BOOK)
            assert_null(out);
        else
            assert_int_equal(idx, 12345);
        /* the store is as before when its rollback worked */
        if (!(after && n > 1))
            state_equal(&x.f->cur, &initial);
        assert_int_equal(x.al.live, live);
        assert_true(n < 100);
    }
    fx_close(&x);
    return failed;
}

static long rounds_record, rounds_save, rounds_load_book, rounds_load_customer;
static long rounds_alloc;

static void fault_record(void **state)
{
    (void)state;
    rounds_record += fault_loop(OP_RECORD, 0);
    rounds_record += fault_loop(OP_RECORD, 1);
    assert_int_equal(rounds_record, 8);
}

static void fault_save_book(void **state)
{
    (void)state;
    rounds_save += fault_loop(OP_SAVE_BOOK, 0);
    rounds_save += fault_loop(OP_SAVE_BOOK, 1);
    assert_int_equal(rounds_save, 2 * (4 + 2));
}

static void fault_load_book(void **state)
{
    (void)state;
    rounds_load_book += fault_loop(OP_LOAD_BOOK, 0);
    rounds_load_book += fault_loop(OP_LOAD_BOOK, 1);
    assert_int_equal(rounds_load_book, 6);
}

static void fault_load_customer(void **state)
{
    (void)state;
    rounds_load_customer += fault_loop(OP_LOAD_ADD, 0);
    rounds_load_customer += fault_loop(OP_LOAD_ADD, 1);
    rounds_load_customer += fault_loop(OP_LOAD_REPLACE, 0);
    rounds_load_customer += fault_loop(OP_LOAD_REPLACE, 1);
    assert_int_equal(rounds_load_customer, 12);
}

/* load_book with allocation N failing (alone, or with every later one). */
static void fault_load_book_alloc(void **state)
{
    int after;
    (void)state;
    for (after = 0; after <= 1; after++) {
        fx x;
        long n;
        fx_open(&x, 40, 1); /* the book grows twice while loading */
        for (n = 1;; n++) {
            ccad_book *out = (ccad_book *)&out;
            fk_state before = x.f->cur;
            long live = x.al.live;
            int rc;
            fk_reset_counts(x.f);
            tu_fail_at(&x.al, n, after);
            rc = ccad_store_load_book(&out, x.ctx);
            tu_fail_at(&x.al, 0, 0);
            assert_false(x.f->in_tx);
            if (rc == CCAD_OK) {
                tu_snap sn;
                assert_string_equal(x.f->trace, "bic");
                tu_snap_take(&sn, x.b);
                tu_snap_check(&sn, out);
                tu_snap_free(&sn);
                ccad_book_free(out);
                break;
            }
            rounds_alloc++;
            assert_int_equal(rc, CCAD_ENOMEM);
            assert_int_equal(ccad_ctx_errcode(x.ctx), CCAD_ENOMEM);
            assert_null(out);
            /* rolled back exactly when the transaction had begun */
            assert_int_equal(x.f->n_rollback, x.f->n_begin);
            assert_int_equal(x.f->n_commit, 0);
            if (x.f->n_begin == 1)
                assert_string_equal(x.f->trace, "bir");
            else
                assert_string_equal(x.f->trace, "");
            state_equal(&x.f->cur, &before);
            assert_int_equal(x.al.live, live);
            assert_true(n < 100);
        }
        fx_close(&x);
    }
    assert_true(rounds_alloc >= 2 * 5); /* book_new's 4 blocks, then growth */
}

/* load_customer adding to a full book: allocation fails after the commit;
 * the book is unchanged and nothing is rolled back. */
static void load_customer_alloc(void **state)
{
    fx x;
    long n;
    char id[16];
    ccad_customer c = rich_customer(50, id);
    (void)state;
    fx_open(&x, 16, 1); /* the book's first capacity is 16 */
    fk_put(&x.f->cur, &c);
    for (n = 1;; n++) {
        tu_snap sn;
        size_t idx = 7;
        long live = x.al.live;
        int rc;
        fk_reset_counts(x.f);
        tu_snap_take(&sn, x.b);
        tu_fail_at(&x.al, n, 1);
        rc = ccad_store_load_customer(x.b, "C-050", &idx);
        tu_fail_at(&x.al, 0, 0);
        assert_string_equal(x.f->trace, "blc");
        if (rc == CCAD_OK) {
            assert_int_equal(idx, 16);
            store_equals_book(x.f, x.b);
            tu_snap_free(&sn);
            break;
        }
        rounds_alloc++;
        assert_int_equal(rc, CCAD_ENOMEM);
        assert_int_equal(idx, 7);
        tu_snap_check(&sn, x.b);
        tu_snap_free(&sn);
        (void)live; /* grown blocks may stay with the book; freed with it */
        assert_true(n < 100);
    }
    fx_close(&x);
}

static void totals(void **state)
{
    (void)state;
    print_message("store fault rounds: %ld (record %ld, save_book %ld, load_book %ld, "
                  "load_customer %ld)\n",
                  rounds_record + rounds_save + rounds_load_book + rounds_load_customer,
                  rounds_record, rounds_save, rounds_load_book, rounds_load_customer);
    print_message("store allocation-failure rounds: %ld\n", rounds_alloc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(set_store_validation),
        cmocka_unit_test(no_store_enotsup),
        cmocka_unit_test(record_bad_input),
        cmocka_unit_test(record_success),
        cmocka_unit_test(save_book_success),
        cmocka_unit_test(load_book_success),
        cmocka_unit_test(load_customer_success),
        cmocka_unit_test(load_book_invalid_customer),
        cmocka_unit_test(load_book_invalid_names_id),
        cmocka_unit_test(load_book_iterate_fails),
        cmocka_unit_test(fault_record),
        cmocka_unit_test(fault_save_book),
        cmocka_unit_test(fault_load_book),
        cmocka_unit_test(fault_load_customer),
        cmocka_unit_test(fault_load_book_alloc),
        cmocka_unit_test(load_customer_alloc),
        cmocka_unit_test(totals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
