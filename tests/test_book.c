/* Book: add, find, get, update, count, record, and their error paths. */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A customer with every field away from its CCAD_CUSTOMER_INIT value. */
static ccad_customer full_customer(const char *id)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    c.id = id;
    c.value = 123456789;
    c.grade = CCAD_GRADE_C;
    c.status = CCAD_STATUS_KEY;
    c.purchase_date = tu_date("2026-12-01");
    c.monthly_volume = 4500000;
    c.margin_bp = 2500;
    c.capable = 0;
    c.has_location = 1;
    c.x = 13.404954;
    c.y = -52.520008;
    c.complaint = CCAD_COMPLAINT_RESOLVED;
    c.complaint_date = tu_date("2026-10-01");
    c.request_date = tu_date("2026-11-30");
    c.visit_days = CCAD_MON | CCAD_WED | CCAD_FRI;
    c.visit_open_min = 480;
    c.visit_close_min = 1020;
    c.owned_since = tu_date("2026-01-15");
    c.last_contact = tu_date("2026-11-20");
    c.last_visit = tu_date("2026-11-10");
    c.last_gap_days = 10;
    c.contacts = 17;
    c.no_progress = 2;
    c.missing_records = 3;
    c.last_recorded = 0;
    c.next_step_date = tu_date("2026-11-27");
    c.service_counts[0] = 1;
    c.service_counts[1] = 2;
    c.service_counts[2] = 3;
    c.service_counts[3] = 4;
    return c;
}

static void add_some(tu_fixture *f, int n)
{
    int i;
    for (i = 0; i < n; i++) {
        char id[32];
        ccad_customer c = CCAD_CUSTOMER_INIT;
        snprintf(id, sizeof id, "base-%d", i);
        c.id = id;
        c.value = 1000 * i;
        TU_PASS(f->ctx, ccad_book_add(f->b, &c, NULL));
    }
}

static ccad_customer get_c(const ccad_book *b, size_t i)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    TU_PASS(ccad_book_ctx(b), ccad_book_get(b, i, &c));
    return c;
}

/* ---- add / get / find ---- */

static void add_get_round_trip(void **state)
{
    tu_fixture *f = *state;
    char id[] = "acme-001";
    ccad_customer in = full_customer(id), out = CCAD_CUSTOMER_INIT, plain = CCAD_CUSTOMER_INIT;
    size_t at = 99, at2 = 99;
    assert_int_equal(ccad_book_count(f->b), 0);
    TU_PASS(f->ctx, ccad_book_add(f->b, &in, &at));
    assert_int_equal(at, 0);
    assert_int_equal(ccad_book_count(f->b), 1);
    TU_PASS(f->ctx, ccad_book_get(f->b, 0, &out));
    tu_customer_equal(&out, &in);
    /* the id was copied: it points into the book */
    assert_true(out.id != in.id);
    id[0] = 'X';
    TU_PASS(f->ctx, ccad_book_get(f->b, 0, &out));
    assert_string_equal(out.id, "acme-001");
    /* defaults come back as they went in */
    plain.id = "plain";
    TU_PASS(f->ctx, ccad_book_add(f->b, &plain, &at2));
    assert_int_equal(at2, 1);
    TU_PASS(f->ctx, ccad_book_get(f->b, 1, &out));
    tu_customer_equal(&out, &plain);
    TU_PASS(f->ctx, ccad_book_find(f->b, "acme-001", &at));
    assert_int_equal(at, 0);
    TU_PASS(f->ctx, ccad_book_find(f->b, "plain", &at));
    assert_int_equal(at, 1);
    /* out_index may be NULL */
    plain.id = "third";
    TU_PASS(f->ctx, ccad_book_add(f->b, &plain, NULL));
    assert_int_equal(ccad_book_count(f->b), 3);
    assert_int_equal(ccad_book_count(NULL), 0);
    /* ccad_book_ctx */
    assert_ptr_equal(ccad_book_ctx(f->b), f->ctx);
    assert_null(ccad_book_ctx(NULL));
    /* ccad_book_id */
    assert_string_equal(ccad_book_id(f->b, 0), "acme-001");
    assert_string_equal(ccad_book_id(f->b, 2), "third");
    assert_null(ccad_book_id(f->b, 3));
    assert_null(ccad_book_id(NULL, 0));
}

static void add_extreme_but_valid_values(void **state)
{
    tu_fixture *f = *state;
    ccad_customer c = CCAD_CUSTOMER_INIT, out = CCAD_CUSTOMER_INIT;
    c.id = "extreme";
    c.value = INT64_MAX;
    c.monthly_volume = 0;
    c.margin_bp = 10000;
    c.has_location = 1;
    c.x = -1.0e308;
    c.y = 1.0e308;
    c.visit_days = 127;
    c.visit_open_min = 0;
    c.visit_close_min = 1;
    c.purchase_date = CCAD_DATE_MAX;
    c.owned_since = CCAD_DATE_MIN;
    c.last_contact = CCAD_DATE_MAX;
    c.last_visit = CCAD_DATE_MAX;
    c.next_step_date = CCAD_DATE_MAX;
    c.contacts = UINT32_MAX;
    c.last_gap_days = INT32_MAX;
    c.complaint = CCAD_COMPLAINT_OPEN;
    c.complaint_date = CCAD_DATE_MIN;
    TU_PASS(f->ctx, ccad_book_add(f->b, &c, NULL));
    TU_PASS(f->ctx, ccad_book_get(f->b, 0, &out));
    tu_customer_equal(&out, &c);
    /* margin 0, window 1439..1440 */
    c.id = "extreme2";
    c.margin_bp = 0;
    c.visit_open_min = 1439;
    c.visit_close_min = 1440;
    TU_PASS(f->ctx, ccad_book_add(f->b, &c, NULL));
    TU_PASS(f->ctx, ccad_book_get(f->b, 1, &out));
    tu_customer_equal(&out, &c);
    /* without a location, non-finite coordinates are not looked at */
    c.id = "noloc";
    c.has_location = 0;
    c.x = NAN;
    c.y = INFINITY;
    TU_PASS(f->ctx, ccad_book_add(f->b, &c, NULL));
    TU_PASS(f->ctx, ccad_book_get(f->b, 2, &out));
    assert_int_equal(out.has_location, 0);
}

static void ids_up_to_64_bytes(void **state)
{
    tu_fixture *f = *state;
    char id[CCAD_ID_MAX + 2];
    ccad_customer c = CCAD_CUSTOMER_INIT, out = CCAD_CUSTOMER_INIT;
    size_t at = 77;
    tu_snap s;
    add_some(f, 3);
    memset(id, 'k', sizeof id);
    id[CCAD_ID_MAX] = '\0'; /* 64 bytes */
    c.id = id;
    TU_PASS(f->ctx, ccad_book_add(f->b, &c, &at));
    assert_int_equal(at, 3);
    TU_PASS(f->ctx, ccad_book_get(f->b, 3, &out));
    assert_int_equal(strlen(out.id), 64);
    assert_string_equal(out.id, id);
    at = 77;
    TU_PASS(f->ctx, ccad_book_find(f->b, id, &at));
    assert_int_equal(at, 3);
    /* 63 bytes is a different id */
    id[63] = '\0';
    TU_PASS(f->ctx, ccad_book_add(f->b, &c, &at));
    assert_int_equal(at, 4);
    /* one byte ids, and bytes with the high bit set */
    c.id = "z";
    TU_PASS(f->ctx, ccad_book_add(f->b, &c, NULL));
    c.id = "\xc3\xa9t\xc3\xa9";
    TU_PASS(f->ctx, ccad_book_add(f->b, &c, NULL));
    TU_PASS(f->ctx, ccad_book_find(f->b, "\xc3\xa9t\xc3\xa9", &at));
    assert_int_equal(at, 6);

    tu_snap_take(&s, f->b);
    /* 65 bytes */
    memset(id, 'q', sizeof id);
    id[CCAD_ID_MAX + 1] = '\0';
    c.id = id;
    at = 77;
    TU_FAIL(f->ctx, ccad_book_add(f->b, &c, &at), CCAD_EINVAL);
    c.id = "";
    TU_FAIL(f->ctx, ccad_book_add(f->b, &c, &at), CCAD_EINVAL);
    c.id = NULL;
    TU_FAIL(f->ctx, ccad_book_add(f->b, &c, &at), CCAD_EINVAL);
    assert_int_equal(at, 77);
    tu_snap_check(&s, f->b);
    /* find with a 65-byte or empty id: not found */
    TU_FAIL(f->ctx, ccad_book_find(f->b, id, &at), CCAD_ENOTFOUND);
    TU_FAIL(f->ctx, ccad_book_find(f->b, "", &at), CCAD_ENOTFOUND);
    assert_int_equal(at, 77);
    tu_snap_free(&s);
}

static void add_errors(void **state)
{
    tu_fixture *f = *state;
    ccad_customer base = CCAD_CUSTOMER_INIT, c;
    size_t at = 55;
    tu_snap s;
    add_some(f, 5);
    tu_snap_take(&s, f->b);
    base.id = "newbie";
    base.last_contact = tu_date("2026-11-10");

    assert_int_equal(ccad_book_add(NULL, &base, &at), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_book_add(f->b, NULL, &at), CCAD_EINVAL);

#define BAD(field_stmt, code) \
    do { \
        c = base; \
        field_stmt; \
        TU_FAIL(f->ctx, ccad_book_add(f->b, &c, &at), code); \
        tu_snap_check(&s, f->b); \
        assert_int_equal(at, 55); \
    } while (0)

    BAD(c.size = (uint32_t)sizeof(ccad_customer) - 1, CCAD_EVERSION);
    BAD(c.size = 0, CCAD_EVERSION);
    /* a larger size (from a newer header) is refused too */
    BAD(c.size = (uint32_t)sizeof(ccad_customer) + 1, CCAD_EVERSION);
    BAD(c.size = (uint32_t)sizeof(ccad_customer) + 8, CCAD_EVERSION);
    BAD(c.size = UINT32_MAX, CCAD_EVERSION);
    BAD(c.value = -1, CCAD_ERANGE);
    BAD(c.value = INT64_MIN, CCAD_ERANGE);
    BAD(c.grade = -1, CCAD_EINVAL);
    BAD(c.grade = 5, CCAD_EINVAL);
    BAD(c.status = 0, CCAD_EINVAL);
    BAD(c.status = 6, CCAD_EINVAL);
    BAD(c.complaint = -1, CCAD_EINVAL);
    BAD(c.complaint = 3, CCAD_EINVAL);
    BAD(c.purchase_date = CCAD_DATE_MAX + 1, CCAD_ERANGE);
    BAD(c.purchase_date = CCAD_DATE_MIN - 1, CCAD_ERANGE);
    BAD((c.complaint = CCAD_COMPLAINT_OPEN, c.complaint_date = CCAD_DATE_MAX + 1), CCAD_ERANGE);
    BAD(c.complaint_date = INT32_MAX, CCAD_ERANGE);
    BAD(c.request_date = CCAD_DATE_MIN - 1, CCAD_ERANGE);
    BAD(c.owned_since = CCAD_DATE_MAX + 1, CCAD_ERANGE);
    BAD(c.last_contact = CCAD_DATE_MAX + 1, CCAD_ERANGE);
    BAD(c.last_visit = CCAD_DATE_MIN - 1, CCAD_ERANGE);
    BAD(c.next_step_date = CCAD_DATE_MAX + 1, CCAD_ERANGE);
    BAD(c.complaint = CCAD_COMPLAINT_OPEN, CCAD_ERANGE);     /* no complaint date */
    BAD(c.complaint = CCAD_COMPLAINT_RESOLVED, CCAD_ERANGE); /* no complaint date */
    BAD(c.monthly_volume = -2, CCAD_ERANGE);
    BAD(c.margin_bp = -2, CCAD_ERANGE);
    BAD(c.margin_bp = 10001, CCAD_ERANGE);
    BAD(c.capable = 2, CCAD_EINVAL);
    BAD(c.capable = -1, CCAD_EINVAL);
    BAD(c.has_location = 2, CCAD_EINVAL);
    BAD((c.has_location = 1, c.x = NAN), CCAD_ERANGE);
    BAD((c.has_location = 1, c.y = NAN), CCAD_ERANGE);
    BAD((c.has_location = 1, c.x = INFINITY), CCAD_ERANGE);
    BAD((c.has_location = 1, c.y = -INFINITY), CCAD_ERANGE);
    BAD(c.visit_days = 128, CCAD_ERANGE);
    BAD(c.visit_days = UINT32_MAX, CCAD_ERANGE);
    BAD(c.visit_open_min = -1, CCAD_ERANGE);
    BAD(c.visit_close_min = 1441, CCAD_ERANGE);
    BAD((c.visit_open_min = 600, c.visit_close_min = 600), CCAD_ERANGE);
    BAD((c.visit_open_min = 700, c.visit_close_min = 600), CCAD_ERANGE);
    BAD((c.last_contact = CCAD_NO_DATE, c.last_visit = tu_date("2026-11-01")), CCAD_ERANGE);
    BAD(c.last_visit = tu_date("2026-11-11"), CCAD_ERANGE);
    BAD(c.next_step_date = tu_date("2026-11-09"), CCAD_ERANGE);
    BAD(c.last_gap_days = -2, CCAD_ERANGE);
    BAD(c.last_recorded = 2, CCAD_EINVAL);
    BAD(c.last_recorded = -1, CCAD_EINVAL);
    /* duplicate id */
    BAD(c.id = "base-3", CCAD_EEXIST);
    assert_non_null(strstr(ccad_ctx_errmsg(f->ctx), "base-3"));
#undef BAD
    /* the base itself is fine */
    TU_PASS(f->ctx, ccad_book_add(f->b, &base, &at));
    assert_int_equal(at, 5);
    tu_snap_free(&s);
}

static void find_and_get_errors(void **state)
{
    tu_fixture *f = *state;
    size_t at = 31;
    ccad_customer out = CCAD_CUSTOMER_INIT, before;
    add_some(f, 4);
    assert_int_equal(ccad_book_find(NULL, "base-1", &at), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_book_find(f->b, NULL, &at), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_book_find(f->b, "base-1", NULL), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_book_find(f->b, "base-9", &at), CCAD_ENOTFOUND);
    assert_non_null(strstr(ccad_ctx_errmsg(f->ctx), "base-9"));
    TU_FAIL(f->ctx, ccad_book_find(f->b, "base-", &at), CCAD_ENOTFOUND);
    TU_FAIL(f->ctx, ccad_book_find(f->b, "base-10", &at), CCAD_ENOTFOUND);
    assert_int_equal(at, 31);
    TU_PASS(f->ctx, ccad_book_find(f->b, "base-3", &at));
    assert_int_equal(at, 3);

    memset(&out, 0xab, sizeof out);
    out.size = (uint32_t)sizeof out;
    memcpy(&before, &out, sizeof out);
    assert_int_equal(ccad_book_get(NULL, 0, &out), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_book_get(f->b, 0, NULL), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_book_get(f->b, 4, &out), CCAD_ENOTFOUND);
    TU_FAIL(f->ctx, ccad_book_get(f->b, (size_t)-1, &out), CCAD_ENOTFOUND);
    assert_memory_equal(&out, &before, sizeof out);
    out.size = (uint32_t)sizeof out - 1;
    memcpy(&before, &out, sizeof out);
    TU_FAIL(f->ctx, ccad_book_get(f->b, 0, &out), CCAD_EVERSION);
    out.size = 0;
    TU_FAIL(f->ctx, ccad_book_get(f->b, 0, &out), CCAD_EVERSION);
    out.size = (uint32_t)sizeof out + 1;
    TU_FAIL(f->ctx, ccad_book_get(f->b, 0, &out), CCAD_EVERSION);
    out.size = (uint32_t)sizeof out + 8;
    TU_FAIL(f->ctx, ccad_book_get(f->b, 0, &out), CCAD_EVERSION);
    out.size = before.size;
    assert_memory_equal(&out, &before, sizeof out);
}

static void book_new_errors(void **state)
{
    tu_fixture *f = *state;
    ccad_book *b = (ccad_book *)(void *)&b;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    long live = f->al.live;
    assert_int_equal(ccad_book_new(NULL, f->ctx, 0), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_book_new(NULL, f->ctx, 0), CCAD_EINVAL);
    assert_int_equal(ccad_book_new(&b, NULL, 0), CCAD_EINVAL);
    b = (ccad_book *)(void *)&b;
    TU_FAIL(f->ctx, ccad_book_new(&b, f->ctx, SIZE_MAX), CCAD_EOVERFLOW);
    assert_null(b);
    b = (ccad_book *)(void *)&b;
    TU_FAIL(f->ctx, ccad_book_new(&b, f->ctx, (size_t)0x80000000u), CCAD_EOVERFLOW);
    assert_null(b);
    assert_int_equal(f->al.live, live);
    /* a hint is only a hint */
    TU_PASS(f->ctx, ccad_book_new(&b, f->ctx, 1000));
    c.id = "one";
    TU_PASS(f->ctx, ccad_book_add(b, &c, NULL));
    assert_int_equal(ccad_book_count(b), 1);
    ccad_book_free(b);
    TU_PASS(f->ctx, ccad_book_new(&b, f->ctx, 1));
    ccad_book_free(b);
    ccad_book_free(NULL);
    assert_int_equal(f->al.live, live);
}

/* Constructors set *out to NULL on every error, a NULL ctx included. */
static void book_new_null_ctx_sets_out_null(void **state)
{
    ccad_book *b = (ccad_book *)(void *)&b;
    (void)state;
    assert_int_equal(ccad_book_new(&b, NULL, 0), CCAD_EINVAL);
    assert_null(b);
}

static void many_customers(void **state)
{
    tu_fixture *f = *state;
    const size_t n = 100000;
    size_t i, at;
    char id[32];
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        snprintf(id, sizeof id, "C%07lu", (unsigned long)(i * 7919 % 1000003));
        c.id = id;
        c.value = (int64_t)i;
        TU_PASS(f->ctx, ccad_book_add(f->b, &c, &at));
        assert_int_equal(at, i);
    }
    assert_int_equal(ccad_book_count(f->b), n);
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        snprintf(id, sizeof id, "C%07lu", (unsigned long)(i * 7919 % 1000003));
        TU_PASS(f->ctx, ccad_book_find(f->b, id, &at));
        assert_int_equal(at, i);
        TU_PASS(f->ctx, ccad_book_get(f->b, i, &c));
        assert_string_equal(c.id, id);
        assert_true(c.value == (int64_t)i);
    }
    assert_int_equal(ccad_book_find(f->b, "C9999999", &at), CCAD_ENOTFOUND);
    /* and a duplicate is still detected in the big index */
    {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        c.id = "C0000000";
        assert_int_equal(ccad_book_add(f->b, &c, NULL), CCAD_EEXIST);
    }
    assert_int_equal(ccad_book_count(f->b), n);
}

/* ---- update ---- */

static void update_cases(void **state)
{
    tu_fixture *f = *state;
    ccad_customer c, in;
    char same_id[] = "base-2";
    ccad_assessment a = CCAD_ASSESSMENT_INIT;
    int32_t today = tu_date("2026-11-23");
    tu_snap s;
    add_some(f, 4);
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, 2, today, &a));

    /* full replacement, id NULL */
    in = full_customer(NULL);
    in.value = 2000; /* same value as before: grades stay fresh */
    TU_PASS(f->ctx, ccad_book_update(f->b, 2, &in));
    c = get_c(f->b, 2);
    in.id = "base-2";
    tu_customer_equal(&c, &in);
    TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, 2, today, &a));
    /* same id text at another address */
    in.id = same_id;
    in.contacts = 99;
    TU_PASS(f->ctx, ccad_book_update(f->b, 2, &in));
    assert_int_equal(get_c(f->b, 2).contacts, 99);
    TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, 2, today, &a));
    /* id lookups are untouched */
    {
        size_t at = 0;
        TU_PASS(f->ctx, ccad_book_find(f->b, "base-2", &at));
        assert_int_equal(at, 2);
    }

    /* failures leave everything unchanged */
    tu_snap_take(&s, f->b);
    assert_int_equal(ccad_book_update(NULL, 0, &in), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_book_update(f->b, 0, NULL), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_book_update(f->b, 4, &in), CCAD_ENOTFOUND);
    in.id = "base-3";
    TU_FAIL(f->ctx, ccad_book_update(f->b, 2, &in), CCAD_EINVAL); /* id cannot change */
    in.id = "renamed";
    TU_FAIL(f->ctx, ccad_book_update(f->b, 2, &in), CCAD_EINVAL);
    in.id = NULL;
    c = in;
    c.size = 8;
    TU_FAIL(f->ctx, ccad_book_update(f->b, 2, &c), CCAD_EVERSION);
    c = in;
    c.value = -5;
    TU_FAIL(f->ctx, ccad_book_update(f->b, 2, &c), CCAD_ERANGE);
    c = in;
    c.margin_bp = 10001;
    TU_FAIL(f->ctx, ccad_book_update(f->b, 2, &c), CCAD_ERANGE);
    c = in;
    c.x = NAN;
    TU_FAIL(f->ctx, ccad_book_update(f->b, 2, &c), CCAD_ERANGE);
    c = in;
    c.status = 9;
    TU_FAIL(f->ctx, ccad_book_update(f->b, 2, &c), CCAD_EINVAL);
    c = in;
    c.next_step_date = c.last_contact - 1;
    TU_FAIL(f->ctx, ccad_book_update(f->b, 2, &c), CCAD_ERANGE);
    tu_snap_check(&s, f->b);
    tu_snap_free(&s);
    TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, 2, today, &a));

    /* a change of value makes the grades stale until graded again */
    in.value = 5;
    TU_PASS(f->ctx, ccad_book_update(f->b, 2, &in));
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 2, today, &a), CCAD_ESTALE);
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 0, today, &a), CCAD_ESTALE);
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, 2, today, &a));
    /* adding makes them stale too */
    add_some(f, 0);
    {
        ccad_customer n = CCAD_CUSTOMER_INIT;
        n.id = "late";
        TU_PASS(f->ctx, ccad_book_add(f->b, &n, NULL));
    }
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 0, today, &a), CCAD_ESTALE);
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, 0, today, &a));
}

/* ---- record ---- */

static ccad_contact contact(const char *ymd, int kind, int outcome)
{
    ccad_contact e = CCAD_CONTACT_INIT;
    e.date = tu_date(ymd);
    e.kind = kind;
    e.outcome = outcome;
    return e;
}

static void record_sequence(void **state)
{
    tu_fixture *f = *state;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    ccad_contact e;
    size_t i;
    c.id = "seq";
    TU_PASS(f->ctx, ccad_book_add(f->b, &c, &i));

    /* 1. first contact: a recorded visit with progress and a next step */
    e = contact("2026-11-02", CCAD_CONTACT_VISIT, CCAD_OUTCOME_PROGRESS);
    e.next_date = tu_date("2026-11-09");
    e.service_level = CCAD_SERVICE_BASIC;
    TU_PASS(f->ctx, ccad_book_record(f->b, i, &e));
    c = get_c(f->b, i);
    assert_int_equal(c.last_contact, tu_date("2026-11-02"));
    assert_int_equal(c.last_visit, tu_date("2026-11-02"));
    assert_int_equal(c.last_gap_days, -1);
    assert_int_equal(c.contacts, 1);
    assert_int_equal(c.no_progress, 0);
    assert_int_equal(c.missing_records, 0);
    assert_int_equal(c.last_recorded, 1);
    assert_int_equal(c.next_step_date, tu_date("2026-11-09"));
    assert_int_equal(c.service_counts[0], 1);
    assert_int_equal(c.status, CCAD_STATUS_PROSPECT);

    /* 2. a call without progress, no record, no next step */
    e = contact("2026-11-12", CCAD_CONTACT_CALL, CCAD_OUTCOME_NO_PROGRESS);
    e.recorded = 0;
    e.service_level = CCAD_SERVICE_MOVING;
    TU_PASS(f->ctx, ccad_book_record(f->b, i, &e));
    c = get_c(f->b, i);
    assert_int_equal(c.last_contact, tu_date("2026-11-12"));
    assert_int_equal(c.last_visit, tu_date("2026-11-02")); /* calls are not visits */
    assert_int_equal(c.last_gap_days, 10);
    assert_int_equal(c.contacts, 2);
    assert_int_equal(c.no_progress, 1);
    assert_int_equal(c.missing_records, 1);
    assert_int_equal(c.last_recorded, 0);
    assert_int_equal(c.next_step_date, CCAD_NO_DATE);
    assert_int_equal(c.service_counts[0], 1);
    assert_int_equal(c.service_counts[3], 1);

    /* 3. more contacts without progress count consecutively */
    e = contact("2026-11-14", CCAD_CONTACT_EMAIL, CCAD_OUTCOME_NO_PROGRESS);
    e.service_level = CCAD_SERVICE_SATISFYING;
    TU_PASS(f->ctx, ccad_book_record(f->b, i, &e));
    e = contact("2026-11-17", CCAD_CONTACT_MESSAGE, CCAD_OUTCOME_NO_PROGRESS);
    e.service_level = CCAD_SERVICE_VALUE;
    TU_PASS(f->ctx, ccad_book_record(f->b, i, &e));
    c = get_c(f->b, i);
    assert_int_equal(c.no_progress, 3);
    assert_int_equal(c.last_gap_days, 3);
    assert_int_equal(c.contacts, 4);
    assert_int_equal(c.missing_records, 1);
    assert_int_equal(c.last_recorded, 1);
    assert_int_equal(c.service_counts[1], 1);
    assert_int_equal(c.service_counts[2], 1);

    /* 4. progress resets the run */
    e = contact("2026-11-18", CCAD_CONTACT_OTHER, CCAD_OUTCOME_PROGRESS);
    TU_PASS(f->ctx, ccad_book_record(f->b, i, &e));
    c = get_c(f->b, i);
    assert_int_equal(c.no_progress, 0);
    assert_int_equal(c.last_gap_days, 1);
    e = contact("2026-11-19", CCAD_CONTACT_CALL, CCAD_OUTCOME_NO_PROGRESS);
    TU_PASS(f->ctx, ccad_book_record(f->b, i, &e));
    assert_int_equal(get_c(f->b, i).no_progress, 1);

    /* 5. an order resets it too and makes the prospect active */
    e = contact("2026-11-20", CCAD_CONTACT_VISIT, CCAD_OUTCOME_ORDER);
    TU_PASS(f->ctx, ccad_book_record(f->b, i, &e));
    c = get_c(f->b, i);
    assert_int_equal(c.no_progress, 0);
    assert_int_equal(c.status, CCAD_STATUS_ACTIVE);
    assert_int_equal(c.last_visit, tu_date("2026-11-20"));
    assert_int_equal(c.contacts, 7);

    /* 6. complaint opened, then again (date kept), then resolved */
    e = contact("2026-11-21", CCAD_CONTACT_CALL, CCAD_OUTCOME_COMPLAINT_OPENED);
    TU_PASS(f->ctx, ccad_book_record(f->b, i, &e));
    c = get_c(f->b, i);
    assert_int_equal(c.complaint, CCAD_COMPLAINT_OPEN);
    assert_int_equal(c.complaint_date, tu_date("2026-11-21"));
    e = contact("2026-11-22", CCAD_CONTACT_CALL, CCAD_OUTCOME_COMPLAINT_OPENED);
    TU_PASS(f->ctx, ccad_book_record(f->b, i, &e));
    c = get_c(f->b, i);
    assert_int_equal(c.complaint, CCAD_COMPLAINT_OPEN);
    assert_int_equal(c.complaint_date, tu_date("2026-11-21"));
    e = contact("2026-11-24", CCAD_CONTACT_VISIT, CCAD_OUTCOME_COMPLAINT_RESOLVED);
    TU_PASS(f->ctx, ccad_book_record(f->b, i, &e));
    c = get_c(f->b, i);
    assert_int_equal(c.complaint, CCAD_COMPLAINT_RESOLVED);
    assert_int_equal(c.complaint_date, tu_date("2026-11-24"));
    assert_int_equal(c.contacts, 10);
    assert_int_equal(c.last_contact, tu_date("2026-11-24"));
    assert_int_equal(c.last_gap_days, 2);

    /* 7. an ORDER does not demote a key account */
    c.status = CCAD_STATUS_KEY;
    c.id = NULL;
    TU_PASS(f->ctx, ccad_book_update(f->b, i, &c));
    e = contact("2026-11-25", CCAD_CONTACT_VISIT, CCAD_OUTCOME_ORDER);
    TU_PASS(f->ctx, ccad_book_record(f->b, i, &e));
    assert_int_equal(get_c(f->b, i).status, CCAD_STATUS_KEY);
}

static void record_same_day_and_next_step(void **state)
{
    tu_fixture *f = *state;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    ccad_contact e;
    size_t i;
    c.id = "sameday";
    c.last_contact = tu_date("2026-11-01");
    c.last_gap_days = 5;
    c.next_step_date = tu_date("2026-11-08");
    TU_PASS(f->ctx, ccad_book_add(f->b, &c, &i));
    /* next step equal to the contact date is allowed */
    e = contact("2026-11-10", CCAD_CONTACT_CALL, CCAD_OUTCOME_PROGRESS);
    e.next_date = e.date;
    TU_PASS(f->ctx, ccad_book_record(f->b, i, &e));
    c = get_c(f->b, i);
    assert_int_equal(c.last_gap_days, 9);
    assert_int_equal(c.next_step_date, tu_date("2026-11-10"));
    /* a later contact without next step clears it */
    e = contact("2026-11-12", CCAD_CONTACT_CALL, CCAD_OUTCOME_PROGRESS);
    TU_PASS(f->ctx, ccad_book_record(f->b, i, &e));
    c = get_c(f->b, i);
    assert_int_equal(c.next_step_date, CCAD_NO_DATE);
    assert_int_equal(c.last_gap_days, 2);
    assert_int_equal(c.contacts, 2);
}

static void record_out_of_order(void **state)
{
    tu_fixture *f = *state;
    ccad_customer c = CCAD_CUSTOMER_INIT, before;
    ccad_contact e;
    size_t i;
    c.id = "ooo";
    c.status = CCAD_STATUS_ACTIVE;
    c.last_contact = tu_date("2026-11-20");
    c.last_visit = tu_date("2026-11-01");
    c.last_gap_days = 6;
    c.contacts = 4;
    c.no_progress = 1;
    c.last_recorded = 1;
    c.next_step_date = tu_date("2026-11-27");
    TU_PASS(f->ctx, ccad_book_add(f->b, &c, &i));
    before = get_c(f->b, i);

    e = contact("2026-11-10", CCAD_CONTACT_VISIT, CCAD_OUTCOME_NO_PROGRESS);
    e.recorded = 0;
    e.next_date = tu_date("2026-12-30");
    e.service_level = CCAD_SERVICE_VALUE;
    TU_PASS(f->ctx, ccad_book_record(f->b, i, &e));
    c = get_c(f->b, i);
    assert_int_equal(c.contacts, 5);
    assert_int_equal(c.missing_records, 1);
    assert_int_equal(c.service_counts[2], 1);
    assert_int_equal(c.last_contact, before.last_contact);
    assert_int_equal(c.last_gap_days, 6);
    assert_int_equal(c.next_step_date, before.next_step_date);
    assert_int_equal(c.no_progress, 1);
    assert_int_equal(c.last_recorded, 1);
    /* the older visit is still the latest visit */
    assert_int_equal(c.last_visit, tu_date("2026-11-10"));

    /* an older visit than the latest visit does not move last_visit back */
    e = contact("2026-11-05", CCAD_CONTACT_VISIT, CCAD_OUTCOME_PROGRESS);
    TU_PASS(f->ctx, ccad_book_record(f->b, i, &e));
    c = get_c(f->b, i);
    assert_int_equal(c.last_visit, tu_date("2026-11-10"));
    assert_int_equal(c.no_progress, 1); /* progress in the past does not reset */
    assert_int_equal(c.contacts, 6);
}

static void record_errors(void **state)
{
    tu_fixture *f = *state;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    ccad_contact ok = contact("2026-11-10", CCAD_CONTACT_CALL, CCAD_OUTCOME_PROGRESS), e;
    size_t i;
    tu_snap s;
    add_some(f, 2);
    c.id = "rec";
    c.last_contact = tu_date("2026-11-01");
    TU_PASS(f->ctx, ccad_book_add(f->b, &c, &i));
    tu_snap_take(&s, f->b);

    assert_int_equal(ccad_book_record(NULL, i, &ok), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_book_record(f->b, i, NULL), CCAD_EINVAL);
    TU_FAIL(f->ctx, ccad_book_record(f->b, 3, &ok), CCAD_ENOTFOUND);
    TU_FAIL(f->ctx, ccad_book_record(f->b, (size_t)-1, &ok), CCAD_ENOTFOUND);

#define BADC(stmt, code) \
    do { \
        e = ok; \
        stmt; \
        TU_FAIL(f->ctx, ccad_book_record(f->b, i, &e), code); \
        tu_snap_check(&s, f->b); \
    } while (0)

    BADC(e.size = (uint32_t)sizeof(ccad_contact) - 1, CCAD_EVERSION);
    BADC(e.size = 0, CCAD_EVERSION);
    BADC(e.size = (uint32_t)sizeof(ccad_contact) + 1, CCAD_EVERSION);
    BADC(e.size = (uint32_t)sizeof(ccad_contact) + 8, CCAD_EVERSION);
    BADC(e.date = CCAD_NO_DATE, CCAD_ERANGE);
    BADC(e.date = CCAD_DATE_MAX + 1, CCAD_ERANGE);
    BADC(e.date = CCAD_DATE_MIN - 1, CCAD_ERANGE);
    BADC(e.next_date = e.date - 1, CCAD_ERANGE);
    BADC(e.next_date = CCAD_DATE_MAX + 1, CCAD_ERANGE);
    BADC(e.kind = 0, CCAD_EINVAL);
    BADC(e.kind = 6, CCAD_EINVAL);
    BADC(e.outcome = 0, CCAD_EINVAL);
    BADC(e.outcome = 6, CCAD_EINVAL);
    BADC(e.recorded = 2, CCAD_EINVAL);
    BADC(e.recorded = -1, CCAD_EINVAL);
    BADC(e.service_level = -1, CCAD_EINVAL);
    BADC(e.service_level = 5, CCAD_EINVAL);
    /* resolving a complaint that is not open */
    BADC(e.outcome = CCAD_OUTCOME_COMPLAINT_RESOLVED, CCAD_ECONFLICT);
    tu_snap_free(&s);

    /* resolved is not open either */
    c = get_c(f->b, i);
    c.id = NULL;
    c.complaint = CCAD_COMPLAINT_RESOLVED;
    c.complaint_date = tu_date("2026-10-01");
    TU_PASS(f->ctx, ccad_book_update(f->b, i, &c));
    tu_snap_take(&s, f->b);
    BADC(e.outcome = CCAD_OUTCOME_COMPLAINT_RESOLVED, CCAD_ECONFLICT);
    tu_snap_free(&s);

    /* overflowing counts */
    c.contacts = UINT32_MAX;
    TU_PASS(f->ctx, ccad_book_update(f->b, i, &c));
    tu_snap_take(&s, f->b);
    BADC((void)0, CCAD_EOVERFLOW);
    tu_snap_free(&s);

    c.contacts = 3;
    c.missing_records = UINT32_MAX;
    TU_PASS(f->ctx, ccad_book_update(f->b, i, &c));
    tu_snap_take(&s, f->b);
    BADC(e.recorded = 0, CCAD_EOVERFLOW);
    tu_snap_free(&s);
    e = ok; /* a recorded contact does not touch missing_records */
    TU_PASS(f->ctx, ccad_book_record(f->b, i, &e));
    assert_int_equal(get_c(f->b, i).contacts, 4);

    c = get_c(f->b, i);
    c.id = NULL;
    c.missing_records = 0;
    c.service_counts[2] = UINT32_MAX;
    TU_PASS(f->ctx, ccad_book_update(f->b, i, &c));
    tu_snap_take(&s, f->b);
    BADC(e.service_level = CCAD_SERVICE_VALUE, CCAD_EOVERFLOW);
    tu_snap_free(&s);

    c.service_counts[2] = 0;
    c.no_progress = UINT32_MAX;
    TU_PASS(f->ctx, ccad_book_update(f->b, i, &c));
    tu_snap_take(&s, f->b);
    BADC(e.outcome = CCAD_OUTCOME_NO_PROGRESS, CCAD_EOVERFLOW);
    tu_snap_free(&s);
#undef BADC
}

static void record_keeps_grades_fresh(void **state)
{
    tu_fixture *f = *state;
    ccad_assessment a = CCAD_ASSESSMENT_INIT;
    ccad_contact e = contact("2026-11-20", CCAD_CONTACT_VISIT, CCAD_OUTCOME_PROGRESS);
    add_some(f, 3);
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    TU_PASS(f->ctx, ccad_book_record(f->b, 1, &e));
    TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, 1, tu_date("2026-11-21"), &a));
    assert_int_equal(a.days_since_contact, 1);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, tu_fixture_setup, tu_fixture_teardown)
    const struct CMUnitTest tests[] = {
        T(add_get_round_trip),
        T(add_extreme_but_valid_values),
        T(ids_up_to_64_bytes),
        T(add_errors),
        T(find_and_get_errors),
        T(book_new_errors),
        cmocka_unit_test(book_new_null_ctx_sets_out_null),
        T(many_customers),
        T(update_cases),
        T(record_sequence),
        T(record_same_day_and_next_step),
        T(record_out_of_order),
        T(record_errors),
        T(record_keeps_grades_fresh),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
