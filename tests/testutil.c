#include "testutil.h"

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
        assert_int_equal(ccad_book_get(b, i, &c), CCAD_OK);
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
        assert_int_equal(ccad_book_get(b, i, &c), CCAD_OK);
        tu_customer_equal(&c, &s->c[i]);
        assert_int_equal(ccad_book_find(b, s->ids[i], &at), CCAD_OK);
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

uint64_t tu_rng_seed(uint64_t seed)
{
    uint64_t s = seed * UINT64_C(0x9E3779B97F4A7C15) + 1;
    return s != 0 ? s : 1;
}

uint64_t tu_rng_next(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * UINT64_C(2685821657736338717);
}

int64_t tu_rng_range(uint64_t *s, int64_t lo, int64_t hi)
{
    return lo + (int64_t)(tu_rng_next(s) % (uint64_t)(hi - lo + 1));
}

int tu_rng_pct(uint64_t *s, int pct)
{
    return tu_rng_range(s, 0, 99) < pct;
}
