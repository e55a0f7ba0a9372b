#include "testutil.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int should_fail(tu_alloc *a)
{
    a->calls++;
    if (a->fail_at > 0 && (a->calls == a->fail_at || (a->fail_after && a->calls > a->fail_at))) {
        a->failures++;
        return 1;
    }
    return 0;
}

static void *tu_malloc(void *user, size_t n)
{
    tu_alloc *a = user;
    void *p;
    if (should_fail(a))
        return NULL;
    p = malloc(n);
    if (p != NULL)
        a->live++;
    return p;
}

static void *tu_realloc(void *user, void *ptr, size_t n)
{
    tu_alloc *a = user;
    if (should_fail(a))
        return NULL;
    return realloc(ptr, n);
}

static void tu_free(void *user, void *ptr)
{
    tu_alloc *a = user;
    a->live--;
    free(ptr);
}

ccad_host tu_host(tu_alloc *a)
{
    ccad_host h = CCAD_HOST_INIT;
    memset(a, 0, sizeof *a);
    h.user = a;
    h.alloc = tu_malloc;
    h.realloc = tu_realloc;
    h.free = tu_free;
    return h;
}

void tu_fail_at(tu_alloc *a, long n, int and_after)
{
    a->calls = 0;
    a->fail_at = n;
    a->fail_after = and_after;
}

int32_t tu_date(const char *ymd)
{
    int32_t d = 0;
    assert_int_equal(ccad_date_parse(&d, ymd, strlen(ymd)), CCAD_OK);
    return d;
}

const char *tu_mark(ccad_ctx *ctx)
{
    static char msg[256];
    assert_int_equal(ccad_ctx_day_flags(ctx, NULL, 0), CCAD_EINVAL);
    assert_int_equal(ccad_ctx_errcode(ctx), CCAD_EINVAL);
    strncpy(msg, ccad_ctx_errmsg(ctx), sizeof msg - 1);
    msg[sizeof msg - 1] = '\0';
    assert_true(msg[0] != '\0');
    return msg;
}

void tu_assert_ok(int rc, const ccad_ctx *ctx, const char *call, const char *file, int line)
{
    if (rc == CCAD_OK)
        return;
    print_message("%s:%d: %s returned %d (%s): %s\n", file, line, call, rc, ccad_strerror(rc),
                  ccad_ctx_errmsg(ctx));
    _fail(file, line);
}

void tu_assert_named(const ccad_ctx *ctx, const char *fn)
{
    const char *msg = ccad_ctx_errmsg(ctx);
    size_t n = strlen(fn);
    if (strncmp(msg, fn, n) != 0 || msg[n] != ':' || msg[n + 1] != ' ')
        fail_msg("message of %s does not start with its name: \"%s\"", fn, msg);
}

ccad_customer tu_customer(const tu_cust_spec *spec)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    c.id = spec->id;
    c.grade = spec->grade;
    c.status = spec->status;
    c.value = spec->value;
    c.last_contact = spec->last;
    c.last_visit = spec->last;
    c.contacts = spec->contacts;
    return c;
}

void tu_customer_equal(const ccad_customer *a, const ccad_customer *b)
{
    int k;
    assert_int_equal(a->size, b->size);
    assert_non_null(a->id);
    assert_non_null(b->id);
    assert_string_equal(a->id, b->id);
    assert_true(a->value == b->value);
    assert_int_equal(a->grade, b->grade);
    assert_int_equal(a->status, b->status);
    assert_int_equal(a->purchase_date, b->purchase_date);
    assert_true(a->monthly_volume == b->monthly_volume);
    assert_int_equal(a->margin_bp, b->margin_bp);
    assert_int_equal(a->capable, b->capable);
    assert_int_equal(a->has_location, b->has_location);
    assert_true(a->x == b->x);
    assert_true(a->y == b->y);
    assert_int_equal(a->complaint, b->complaint);
    assert_int_equal(a->complaint_date, b->complaint_date);
    assert_int_equal(a->request_date, b->request_date);
    assert_int_equal(a->visit_days, b->visit_days);
    assert_int_equal(a->visit_open_min, b->visit_open_min);
    assert_int_equal(a->visit_close_min, b->visit_close_min);
    assert_int_equal(a->owned_since, b->owned_since);
    assert_int_equal(a->last_contact, b->last_contact);
    assert_int_equal(a->last_visit, b->last_visit);
    assert_int_equal(a->last_gap_days, b->last_gap_days);
    assert_int_equal(a->contacts, b->contacts);
    assert_int_equal(a->no_progress, b->no_progress);
    assert_int_equal(a->missing_records, b->missing_records);
    assert_int_equal(a->last_recorded, b->last_recorded);
    assert_int_equal(a->next_step_date, b->next_step_date);
    for (k = 0; k < 4; k++)
        assert_int_equal(a->service_counts[k], b->service_counts[k]);
    assert_int_equal(a->share_pct, b->share_pct);
    assert_int_equal(a->supplier_rank, b->supplier_rank);
    /* 1.1: what the visits held */
    assert_int_equal(a->prospect_run, b->prospect_run);
    assert_int_equal(a->prospect_gap, b->prospect_gap);
    assert_int_equal(a->prospect_tail, b->prospect_tail);
    assert_int_equal(a->last_purposes, b->last_purposes);
    assert_int_equal(a->aimless, b->aimless);
    assert_int_equal(a->closes_asked, b->closes_asked);
    assert_int_equal(a->last_parts, b->last_parts);
    assert_int_equal(a->last_entered, b->last_entered);
    for (k = 0; k < 3; k++)
        assert_int_equal(a->owner_sales[k], b->owner_sales[k]);
}

void tu_snap_take(tu_snap *s, const ccad_book *b)
{
    size_t i, n = ccad_book_count(b);
    s->n = n;
    s->c = calloc(n > 0 ? n : 1, sizeof *s->c);
    s->ids = calloc(n > 0 ? n : 1, sizeof *s->ids);
    assert_non_null(s->c);
    assert_non_null(s->ids);
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        TU_PASS(ccad_book_ctx(b), ccad_book_get(b, i, &c));
        assert_true(strlen(c.id) <= CCAD_ID_MAX);
        strcpy(s->ids[i], c.id);
        c.id = s->ids[i];
        s->c[i] = c;
    }
}

void tu_snap_check(const tu_snap *s, const ccad_book *b)
{
    size_t i;
    assert_int_equal(ccad_book_count(b), s->n);
    for (i = 0; i < s->n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        size_t at = (size_t)-1;
        TU_PASS(ccad_book_ctx(b), ccad_book_get(b, i, &c));
        tu_customer_equal(&c, &s->c[i]);
        TU_PASS(ccad_book_ctx(b), ccad_book_find(b, s->ids[i], &at));
        assert_int_equal(at, i);
    }
}

void tu_snap_free(tu_snap *s)
{
    free(s->c);
    free(s->ids);
    s->c = NULL;
    s->ids = NULL;
    s->n = 0;
}

/* ---- schedule readers (tests of the planner) ---- */

ccad_item tu_item(const ccad_schedule *s, size_t i)
{
    ccad_item it = CCAD_ITEM_INIT;
    assert_int_equal(ccad_schedule_item(s, i, &it), CCAD_OK);
    return it;
}

ccad_finding tu_finding(const ccad_schedule *s, size_t i)
{
    ccad_finding f = CCAD_FINDING_INIT;
    assert_int_equal(ccad_schedule_finding(s, i, &f), CCAD_OK);
    return f;
}

/* Items of one customer in schedule order; touches only if want_touch. */
size_t tu_items_of(const ccad_schedule *s, uint32_t c, int want_touch, ccad_item *out, size_t cap)
{
    size_t i, n = 0;
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item it = tu_item(s, i);
        if (it.customer != c || ((it.kind == CCAD_ITEM_TOUCH) != (want_touch != 0)))
            continue;
        if (n < cap)
            out[n] = it;
        n++;
    }
    return n;
}

size_t tu_count_findings(const ccad_schedule *s, int kind, int64_t customer)
{
    size_t i, n = 0;
    for (i = 0; i < ccad_schedule_finding_count(s); i++) {
        ccad_finding f = tu_finding(s, i);
        if (f.kind == kind && (customer == -2 || f.customer == customer))
            n++;
    }
    return n;
}

ccad_finding tu_find_of(const ccad_schedule *s, int kind, int64_t customer)
{
    size_t i;
    for (i = 0; i < ccad_schedule_finding_count(s); i++) {
        ccad_finding f = tu_finding(s, i);
        if (f.kind == kind && f.customer == customer)
            return f;
    }
    print_message("no finding of kind %d for customer %lld\n", kind, (long long)customer);
    fail();
    return tu_finding(s, 0);
}

void tu_reason_is(const ccad_reason *r, int rule, int why, int64_t a, int64_t b, int64_t c)
{
    assert_int_equal(r->rule, rule);
    assert_int_equal(r->why, why);
    assert_true(r->a == a);
    assert_true(r->b == b);
    assert_true(r->c == c);
}

/* The reason with code `why` among n reasons, or NULL. */
const ccad_reason *tu_reason_of(const ccad_reason *r, uint32_t n, int why)
{
    uint32_t k;
    for (k = 0; k < n; k++)
        if (r[k].why == why)
            return &r[k];
    return NULL;
}

int tu_weekday(int32_t d)
{
    int wd = 0;
    assert_int_equal(ccad_date_weekday(&wd, d), CCAD_OK);
    return wd;
}

void tu_item_equal(const ccad_item *a, const ccad_item *b)
{
    assert_memory_equal(a, b, offsetof(ccad_item, reasons));
    assert_memory_equal(a->reasons, b->reasons, a->reason_count * sizeof a->reasons[0]);
}

void tu_schedules_equal(const ccad_schedule *x, const ccad_schedule *y)
{
    size_t i;
    assert_int_equal(ccad_schedule_item_count(x), ccad_schedule_item_count(y));
    assert_int_equal(ccad_schedule_finding_count(x), ccad_schedule_finding_count(y));
    for (i = 0; i < ccad_schedule_item_count(x); i++) {
        ccad_item a = tu_item(x, i), b = tu_item(y, i);
        tu_item_equal(&a, &b);
    }
    for (i = 0; i < ccad_schedule_finding_count(x); i++) {
        ccad_finding a = tu_finding(x, i), b = tu_finding(y, i);
        assert_memory_equal(&a, &b, offsetof(ccad_finding, reasons));
        assert_memory_equal(a.reasons, b.reasons, a.reason_count * sizeof a.reasons[0]);
    }
}

int tu_team_same(const ccad_team_schedule *a, const ccad_team_schedule *b)
{
    size_t i;
    if (ccad_team_schedule_item_count(a) != ccad_team_schedule_item_count(b) ||
        ccad_team_schedule_finding_count(a) != ccad_team_schedule_finding_count(b))
        return 0;
    for (i = 0; i < ccad_team_schedule_item_count(a); i++) {
        ccad_team_item x = CCAD_TEAM_ITEM_INIT, y = CCAD_TEAM_ITEM_INIT;
        assert_int_equal(ccad_team_schedule_item(a, i, &x), CCAD_OK);
        assert_int_equal(ccad_team_schedule_item(b, i, &y), CCAD_OK);
        if (memcmp(&x, &y, sizeof x) != 0)
            return 0;
    }
    return 1;
}

int tu_fixture_open_no_book(tu_fixture *f, const ccad_host *h)
{
    f->b = NULL;
    if (ccad_ctx_new(&f->ctx, h) != CCAD_OK || ccad_rules_new(&f->r, f->ctx) != CCAD_OK)
        return -1;
    return 0;
}

int tu_fixture_open(tu_fixture *f, const ccad_host *h)
{
    if (tu_fixture_open_no_book(f, h) != 0 || ccad_book_new(&f->b, f->ctx, 0) != CCAD_OK)
        return -1;
    return 0;
}

int tu_fixture_close(tu_fixture *f)
{
    ccad_book_free(f->b);
    ccad_rules_free(f->r);
    ccad_ctx_free(f->ctx);
    f->b = NULL;
    f->r = NULL;
    f->ctx = NULL;
    if (f->al.live != 0) {
        fprintf(stderr, "leak: %ld blocks live\n", f->al.live);
        return -1;
    }
    return 0;
}

int tu_fixture_setup(void **state)
{
    tu_fixture *f = calloc(1, sizeof *f);
    ccad_host h;
    if (f == NULL)
        return -1;
    h = tu_host(&f->al);
    if (tu_fixture_open(f, &h) != 0)
        return -1;
    *state = f;
    return 0;
}

int tu_fixture_teardown(void **state)
{
    tu_fixture *f = *state;
    int rc = tu_fixture_close(f);
    free(f);
    return rc;
}

unsigned char *tu_snapshot_take(const ccad_book *b, size_t *len)
{
    unsigned char *buf;
    assert_int_equal(ccad_book_snapshot(b, NULL, 0, len), CCAD_ENOSPC);
    buf = malloc(*len);
    assert_non_null(buf);
    TU_PASS(ccad_book_ctx(b), ccad_book_snapshot(b, buf, *len, len));
    return buf;
}

void tu_snapshot_reseal(unsigned char *buf, size_t len)
{
    /* the library's FNV-1a (lib/internal.h, ccad__fnv1a) */
    uint64_t h = UINT64_C(14695981039346656037);
    size_t i;
    for (i = 0; i < len - 8; i++) {
        h ^= buf[i];
        h *= UINT64_C(1099511628211);
    }
    for (i = 0; i < 8; i++)
        buf[len - 8 + i] = (unsigned char)(h >> (8 * i));
}

static void put64(unsigned char *p, uint64_t v)
{
    int k;
    for (k = 0; k < 8; k++)
        p[k] = (unsigned char)(v >> (8 * k));
}

/* The version 1 bytes of a version 2 snapshot: each record without its 8
 * position bytes (docs/snapshot.md), the header and checksum redone; for
 * snapshots without visit blocks. Returns the new length. */
size_t tu_snapshot_to_version_1(unsigned char *s, size_t len)
{
    size_t r = 32, w = 32, end = len - 8;
    while (r < end) {
        size_t idlen = s[r + 117];
        memmove(s + w, s + r, 109);
        memmove(s + w + 109, s + r + 117, 1 + idlen);
        w += 110 + idlen;
        r += 118 + idlen;
    }
    assert_int_equal(r, end);
    s[8] = 1;
    put64(s + 24, (uint64_t)(w - 32));
    tu_snapshot_reseal(s, w + 8);
    return w + 8;
}
