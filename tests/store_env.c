/* Helpers of tests/store_env.h. */
#include "store_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* The fake store                                                             */

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

void fk_arm(fake *f, long n, int after)
{
    f->calls = 0;
    f->fail_at = n;
    f->fail_after = after;
}

void fk_reset_counts(fake *f)
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

void fk_put(fk_state *s, const ccad_customer *c)
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

ccad_store fk_store(fake *f)
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

void contact_equal(const ccad_contact *a, const ccad_contact *b)
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
void state_equal(const fk_state *a, const fk_state *b)
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
void store_equals_book(fake *f, const ccad_book *b)
{
    size_t i;
    assert_int_equal(f->cur.n, ccad_book_count(b));
    for (i = 0; i < ccad_book_count(b); i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT, s;
        fk_cust *e;
        TU_PASS(ccad_book_ctx(b), ccad_book_get(b, i, &c));
        e = fk_find(&f->cur, c.id);
        assert_non_null(e);
        s = e->c;
        s.id = e->id;
        tu_customer_equal(&c, &s);
    }
}

/* Customer `i` of the book is in the store with the same data. */
void store_has(fake *f, const ccad_book *b, size_t i)
{
    ccad_customer c = CCAD_CUSTOMER_INIT, s;
    fk_cust *e;
    TU_PASS(ccad_book_ctx(b), ccad_book_get(b, i, &c));
    e = fk_find(&f->cur, c.id);
    assert_non_null(e);
    s = e->c;
    s.id = e->id;
    tu_customer_equal(&c, &s);
}

/* ------------------------------------------------------------------------ */
/* Data                                                                       */

int32_t base_day(void) { return tu_date("2026-11-23"); }

/* Customer i with every field away from its default (and valid). */
ccad_customer rich_customer(int i, char *idbuf)
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

ccad_contact call_contact(void)
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

void fx_open(fx *x, int n, int with_store)
{
    ccad_host h = tu_host(&x->base.al);
    int i;
    x->f = fk_new();
    assert_int_equal(tu_fixture_open(&x->base, &h), 0);
    for (i = 0; i < n; i++) {
        char id[16];
        ccad_customer c = rich_customer(i, id);
        TU_PASS(x->base.ctx, ccad_book_add(x->base.b, &c, NULL));
        fk_put(&x->f->cur, &c);
    }
    if (with_store) {
        ccad_store s = fk_store(x->f);
        TU_PASS(x->base.ctx, ccad_ctx_set_store(x->base.ctx, &s));
    }
}

void fx_close(fx *x)
{
    free(x->f);
    assert_int_equal(tu_fixture_close(&x->base), 0);
}
