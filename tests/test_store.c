/* Storage callbacks: ccad_ctx_set_store, ccad_store_record,
 * ccad_store_save_book, ccad_store_load_book, ccad_store_load_customer
 * against the fake store of tests/store_env.h: validation, bad input,
 * success, invalid stored customers, a failing iteration. (The failure
 * loops: faults_store.c, in the fault census.) */
#include "store_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
        TU_FAIL(x.base.ctx, ccad_ctx_set_store(x.base.ctx, &bad), CCAD_EINVAL);
    }
    /* a size this version does not know */
    bad = s;
    bad.size = 0;
    TU_FAIL(x.base.ctx, ccad_ctx_set_store(x.base.ctx, &bad), CCAD_EVERSION);
    bad.size = (uint32_t)sizeof(ccad_store) - 8;
    TU_FAIL(x.base.ctx, ccad_ctx_set_store(x.base.ctx, &bad), CCAD_EVERSION);
    bad.size = (uint32_t)sizeof(ccad_store) + 8;
    TU_FAIL(x.base.ctx, ccad_ctx_set_store(x.base.ctx, &bad), CCAD_EVERSION);
    /* the failed calls left the context without a store */
    TU_FAIL(x.base.ctx, ccad_store_save_book(x.base.b), CCAD_ENOTSUP);
    assert_int_equal(x.f->n_begin, 0);

    /* a store is copied: later changes of the caller's struct do nothing */
    TU_PASS(x.base.ctx, ccad_ctx_set_store(x.base.ctx, &s));
    s.begin = NULL;
    s.user = NULL;
    TU_PASS(x.base.ctx, ccad_store_record(x.base.b, 0, &k));
    assert_string_equal(x.f->trace, "bsac");
    /* a failed replacement keeps the store in place */
    bad = fk_store(x.f);
    bad.iterate = NULL;
    TU_FAIL(x.base.ctx, ccad_ctx_set_store(x.base.ctx, &bad), CCAD_EINVAL);
    fk_reset_counts(x.f);
    TU_PASS(x.base.ctx, ccad_store_save_book(x.base.b));
    assert_string_equal(x.f->trace, "bssc");
    /* NULL removes it */
    TU_PASS(x.base.ctx, ccad_ctx_set_store(x.base.ctx, NULL));
    fk_reset_counts(x.f);
    TU_FAIL(x.base.ctx, ccad_store_save_book(x.base.b), CCAD_ENOTSUP);
    assert_int_equal(x.f->calls, 0);
    /* removing when there is none is fine too */
    TU_PASS(x.base.ctx, ccad_ctx_set_store(x.base.ctx, NULL));
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
    tu_snap_take(&sn, x.base.b);
    TU_FAIL(x.base.ctx, ccad_store_record(x.base.b, 1, &k), CCAD_ENOTSUP);
    assert_non_null(strstr(ccad_ctx_errmsg(x.base.ctx), "no store"));
    TU_FAIL(x.base.ctx, ccad_store_save_book(x.base.b), CCAD_ENOTSUP);
    TU_FAIL(x.base.ctx, ccad_store_load_book(&out, x.base.ctx), CCAD_ENOTSUP);
    assert_null(out);
    TU_FAIL(x.base.ctx, ccad_store_load_customer(x.base.b, "C-001", &idx), CCAD_ENOTSUP);
    assert_int_equal(idx, 77);
    tu_snap_check(&sn, x.base.b);
    assert_int_equal(x.f->calls, 0);
    tu_snap_free(&sn);

    /* NULL handles */
    assert_int_equal(ccad_store_record(NULL, 0, &k), CCAD_EINVAL);
    assert_int_equal(ccad_store_save_book(NULL), CCAD_EINVAL);
    assert_int_equal(ccad_store_load_book(NULL, x.base.ctx), CCAD_EINVAL);
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
    TU_PASS(x.base.ctx, ccad_book_new(&twin, x.base.ctx, 0));
    for (i = 0; i < 3; i++) {
        char id[16];
        ccad_customer c = rich_customer(i, id);
        if (i == 2)
            c.contacts = UINT32_MAX; /* the next contact would overflow */
        if (i == 2) {                /* the store's copy too */
            ccad_customer s = c;
            TU_PASS(x.base.ctx, ccad_book_update(x.base.b, 2, &s));
            fk_put(&x.f->cur, &s);
        }
        TU_PASS(x.base.ctx, ccad_book_add(twin, &c, NULL));
    }
    tu_snap_take(&sn, x.base.b);
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
        TU_FAIL(x.base.ctx, ccad_store_record(x.base.b, idx, kp), want);
        got = ccad_ctx_errcode(x.base.ctx);
        assert_int_equal(got, want);
        assert_non_null(strstr(ccad_ctx_errmsg(x.base.ctx), "ccad_store_record"));
        assert_int_equal(x.f->calls, 0);
        assert_string_equal(x.f->trace, "");
        tu_snap_check(&sn, x.base.b);
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
    TU_PASS(x.base.ctx, ccad_book_get(x.base.b, 1, &before));
    TU_PASS(x.base.ctx, ccad_store_record(x.base.b, 1, &k));
    assert_string_equal(x.f->trace, "bsac");
    assert_false(x.f->in_tx);
    assert_int_equal(x.f->cur.nlog, 1);
    assert_string_equal(x.f->cur.log[0].id, "C-001");
    contact_equal(&x.f->cur.log[0].k, &k);
    /* the book has the contact, the same as ccad_book_record gives */
    TU_PASS(x.base.ctx, ccad_book_new(&twin, x.base.ctx, 0));
    {
        ccad_customer c = rich_customer(1, id);
        ccad_customer t = CCAD_CUSTOMER_INIT;
        TU_PASS(x.base.ctx, ccad_book_add(twin, &c, NULL));
        TU_PASS(x.base.ctx, ccad_book_record(twin, 0, &k));
        TU_PASS(x.base.ctx, ccad_book_get(twin, 0, &t));
        TU_PASS(x.base.ctx, ccad_book_get(x.base.b, 1, &after));
        tu_customer_equal(&after, &t);
    }
    assert_int_equal(after.contacts, before.contacts + 1);
    assert_int_equal(after.last_contact, k.date);
    /* the store saved the updated customer: book equals store */
    store_equals_book(x.f, x.base.b);

    /* a second contact, a visit with an order, on another customer */
    fk_reset_counts(x.f);
    v.date = base_day() + 1;
    v.outcome = CCAD_OUTCOME_ORDER;
    TU_PASS(x.base.ctx, ccad_store_record(x.base.b, 0, &v));
    assert_string_equal(x.f->trace, "bsac");
    assert_int_equal(x.f->cur.nlog, 2);
    assert_string_equal(x.f->cur.log[1].id, "C-000");
    contact_equal(&x.f->cur.log[1].k, &v);
    store_equals_book(x.f, x.base.b);
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
    TU_PASS(ccad_book_ctx(x.base.b), ccad_store_save_book(x.base.b));
    assert_string_equal(x.f->trace, "bsssssc");
    store_equals_book(x.f, x.base.b);
    /* saving again replaces, never duplicates */
    fk_reset_counts(x.f);
    TU_PASS(ccad_book_ctx(x.base.b), ccad_store_save_book(x.base.b));
    assert_int_equal(x.f->cur.n, 5);
    store_equals_book(x.f, x.base.b);
    for (i = 0; i < 5; i++)
        assert_string_equal(x.f->cur.c[i].id, ccad_book_id(x.base.b, (size_t)i));
    assert_int_equal(x.f->cur.nlog, 0);
    fx_close(&x);
    /* an empty book: begin, commit */
    fx_open(&x, 0, 1);
    TU_PASS(ccad_book_ctx(x.base.b), ccad_store_save_book(x.base.b));
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
    tu_snap_take(&sn, x.base.b);
    TU_PASS(x.base.ctx, ccad_store_load_book(&out, x.base.ctx));
    assert_non_null(out);
    assert_string_equal(x.f->trace, "bic");
    assert_false(x.f->in_tx);
    /* the loaded book is the book, field by field and in the same order */
    tu_snap_check(&sn, out);
    for (i = 0; i < sn.n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        TU_PASS(x.base.ctx, ccad_book_get(out, i, &c));
        tu_customer_equal(&c, &sn.c[i]);
    }
    store_equals_book(x.f, out);
    ccad_book_free(out);
    tu_snap_free(&sn);
    fx_close(&x);
    /* an empty store gives an empty book */
    fx_open(&x, 0, 1);
    TU_PASS(x.base.ctx, ccad_store_load_book(&out, x.base.ctx));
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
    tu_snap_take(&sn, x.base.b);

    /* added */
    TU_PASS(x.base.ctx, ccad_store_load_customer(x.base.b, "C-007", &idx));
    assert_string_equal(x.f->trace, "blc");
    assert_int_equal(idx, 3);
    assert_int_equal(ccad_book_count(x.base.b), 4);
    TU_PASS(x.base.ctx, ccad_book_get(x.base.b, 3, &got));
    want = rich_customer(7, id);
    tu_customer_equal(&got, &want); /* the scribbled scratch id was not kept */

    /* replaced, same index */
    fk_reset_counts(x.f);
    idx = 99;
    TU_PASS(x.base.ctx, ccad_store_load_customer(x.base.b, "C-001", &idx));
    assert_string_equal(x.f->trace, "blc");
    assert_int_equal(idx, 1);
    assert_int_equal(ccad_book_count(x.base.b), 4);
    TU_PASS(x.base.ctx, ccad_book_get(x.base.b, 1, &got));
    assert_true(got.value == 5);
    assert_int_equal(got.contacts, 1234);
    assert_int_equal(got.status, CCAD_STATUS_RELEASED);
    store_equals_book(x.f, x.base.b);
    /* out_index may be NULL */
    fk_reset_counts(x.f);
    TU_PASS(x.base.ctx, ccad_store_load_customer(x.base.b, "C-000", NULL));
    assert_string_equal(x.f->trace, "blc");
    tu_snap_free(&sn);

    /* unknown id: ENOTFOUND after a committed read, book unchanged */
    tu_snap_take(&sn, x.base.b);
    fk_reset_counts(x.f);
    idx = 99;
    TU_FAIL(x.base.ctx, ccad_store_load_customer(x.base.b, "nobody", &idx), CCAD_ENOTFOUND);
    assert_non_null(strstr(ccad_ctx_errmsg(x.base.ctx), "nobody"));
    assert_string_equal(x.f->trace, "blc");
    assert_int_equal(idx, 99);
    tu_snap_check(&sn, x.base.b);
    /* NULL id: EINVAL before any callback */
    fk_reset_counts(x.f);
    TU_FAIL(x.base.ctx, ccad_store_load_customer(x.base.b, NULL, &idx), CCAD_EINVAL);
    assert_int_equal(x.f->calls, 0);
    tu_snap_check(&sn, x.base.b);
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
    live = x.base.al.live;
    TU_FAIL(x.base.ctx, ccad_store_load_book(&out, x.base.ctx), CCAD_ERANGE);
    assert_null(out);
    assert_string_equal(x.f->trace, "bir");
    assert_false(x.f->in_tx);
    assert_non_null(strstr(ccad_ctx_errmsg(x.base.ctx), "negative"));
    assert_null(strstr(ccad_ctx_errmsg(x.base.ctx), "rollback callback failed too"));
    assert_int_equal(x.base.al.live, live);

    /* the iterate callback that ignores each's stop still gets the error */
    fk_reset_counts(x.f);
    x.f->iterate_ignores_each = 1;
    out = (ccad_book *)&out;
    TU_FAIL(x.base.ctx, ccad_store_load_book(&out, x.base.ctx), CCAD_ERANGE);
    assert_null(out);
    assert_string_equal(x.f->trace, "bir");
    assert_int_equal(x.base.al.live, live);
    x.f->iterate_ignores_each = 0;

    /* rollback failing too: the library's code, the message says so */
    fk_reset_counts(x.f);
    fk_arm(x.f, 3, 0); /* b=1, i=2, r=3 */
    TU_FAIL(x.base.ctx, ccad_store_load_book(&out, x.base.ctx), CCAD_ERANGE);
    assert_null(out);
    assert_non_null(strstr(ccad_ctx_errmsg(x.base.ctx), "rollback callback failed too"));
    assert_int_equal(x.base.al.live, live);
    fk_arm(x.f, 0, 0);

    /* load_customer of the invalid one: the error after a committed read */
    fk_reset_counts(x.f);
    {
        tu_snap sn;
        size_t idx = 5;
        tu_snap_take(&sn, x.base.b);
        TU_FAIL(x.base.ctx, ccad_store_load_customer(x.base.b, "C-017", &idx), CCAD_ERANGE);
        assert_string_equal(x.f->trace, "blc");
        assert_int_equal(idx, 5);
        tu_snap_check(&sn, x.base.b);
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
        tu_snap_take(&sn, x.base.b);
        TU_FAIL(x.base.ctx, ccad_store_load_customer(x.base.b, "C-040", NULL), CCAD_ERANGE);
        tu_snap_check(&sn, x.base.b);
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
    TU_FAIL(x.base.ctx, ccad_store_load_book(&out, x.base.ctx), CCAD_ERANGE);
    assert_null(out);
    snprintf(msg, sizeof msg, "%s", ccad_ctx_errmsg(x.base.ctx));
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
    live = x.base.al.live;
    /* iterate fails before, midway through and after the book grew */
    for (stop = 0; stop < 20; stop += 5) {
        fk_state before = x.f->cur;
        fk_reset_counts(x.f);
        x.f->iterate_stop_after = stop;
        out = (ccad_book *)&out;
        TU_FAIL(x.base.ctx, ccad_store_load_book(&out, x.base.ctx), CCAD_ECALLBACK);
        assert_null(out);
        assert_string_equal(x.f->trace, "bir");
        assert_non_null(
            strstr(ccad_ctx_errmsg(x.base.ctx), "ccad_store_load_book: iterate callback failed"));
        assert_null(strstr(ccad_ctx_errmsg(x.base.ctx), "rollback callback failed too"));
        assert_int_equal(x.base.al.live, live);
        state_equal(&x.f->cur, &before);
    }
    fx_close(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(set_store_validation),       cmocka_unit_test(no_store_enotsup),
        cmocka_unit_test(record_bad_input),           cmocka_unit_test(record_success),
        cmocka_unit_test(save_book_success),          cmocka_unit_test(load_book_success),
        cmocka_unit_test(load_customer_success),      cmocka_unit_test(load_book_invalid_customer),
        cmocka_unit_test(load_book_invalid_names_id), cmocka_unit_test(load_book_iterate_fails),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
