/* Test of the SQLite store through the library's store functions: nothing
 * committed is lost and nothing of a failed transaction is left behind, each
 * checked after closing and reopening the database file.
 *
 * Usage: ccad-sqlite-store-test DATABASE-FILE   (the file is recreated) */
#include "sqlite_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(cond) \
    do { \
        if (!(cond)) { \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            exit(1); \
        } \
    } while (0)

#define CHECK_RC(call, want) \
    do { \
        int rc_ = (call); \
        if (rc_ != (want)) { \
            fprintf(stderr, "%s:%d: %s gave %d (%s), want %d; context: %s; store: %s\n", __FILE__, \
                    __LINE__, #call, rc_, ccad_strerror(rc_), (want), ccad_ctx_errmsg(ctx), \
                    ccad_sqlite_store_errmsg(st)); \
            exit(1); \
        } \
    } while (0)

#define CHECK_SQL(call) \
    do { \
        int rc_ = (call); \
        if (rc_ != SQLITE_OK) { \
            fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #call, sqlite3_errstr(rc_)); \
            exit(1); \
        } \
    } while (0)

static const char *path;
static ccad_sqlite_store *st;
static ccad_ctx *ctx;

/* ---- the contacts that must be in the database, in rowid order ---- */
#define MAXLOG 256
static struct {
    char id[CCAD_ID_MAX + 1];
    ccad_contact k;
} expect_log[MAXLOG];
static size_t nexpect;

static void expect_contact(const char *id, const ccad_contact *k)
{
    CHECK(nexpect < MAXLOG && strlen(id) <= CCAD_ID_MAX);
    strcpy(expect_log[nexpect].id, id);
    expect_log[nexpect].k = *k;
    nexpect++;
}

/* ---- a wrapper store that fails the Nth callback call ---- */
typedef struct wrap {
    ccad_store inner;
    long calls, fail_at, rollbacks;
    int fail_after;
} wrap;

static int should_fail(wrap *w)
{
    w->calls++;
    return w->fail_at > 0 && (w->calls == w->fail_at || (w->fail_after && w->calls > w->fail_at));
}

static int w_begin(void *u)
{
    wrap *w = u;
    return should_fail(w) ? 1 : w->inner.begin(w->inner.user);
}
static int w_commit(void *u)
{
    wrap *w = u;
    return should_fail(w) ? 1 : w->inner.commit(w->inner.user); /* failed: still open */
}
static int w_rollback(void *u)
{
    wrap *w = u;
    w->rollbacks++;
    /* failed: a broken connection that did not roll back at all */
    return should_fail(w) ? 1 : w->inner.rollback(w->inner.user);
}
static int w_load(void *u, const char *id, ccad_customer *out, int *found)
{
    wrap *w = u;
    return should_fail(w) ? 1 : w->inner.load(w->inner.user, id, out, found);
}
/* the writes happen, then the call fails: only the rollback can undo them */
static int w_save(void *u, const ccad_customer *c)
{
    wrap *w = u;
    int rc = w->inner.save(w->inner.user, c);
    return should_fail(w) ? 1 : rc;
}
static int w_append(void *u, const char *id, const ccad_contact *k)
{
    wrap *w = u;
    int rc = w->inner.append_contact(w->inner.user, id, k);
    return should_fail(w) ? 1 : rc;
}
static int w_iterate(void *u, ccad_store_each_fn each, void *each_user)
{
    wrap *w = u;
    return should_fail(w) ? 1 : w->inner.iterate(w->inner.user, each, each_user);
}

static void use_wrapper(wrap *w, long fail_at, int fail_after)
{
    ccad_store s = CCAD_STORE_INIT;
    memset(w, 0, sizeof *w);
    w->inner = ccad_sqlite_store_callbacks(st);
    w->fail_at = fail_at;
    w->fail_after = fail_after;
    s.user = w;
    s.begin = w_begin;
    s.commit = w_commit;
    s.rollback = w_rollback;
    s.load = w_load;
    s.save = w_save;
    s.append_contact = w_append;
    s.iterate = w_iterate;
    CHECK_RC(ccad_ctx_set_store(ctx, &s), CCAD_OK);
}

static void use_plain(void)
{
    ccad_store s = ccad_sqlite_store_callbacks(st);
    CHECK_RC(ccad_ctx_set_store(ctx, &s), CCAD_OK);
}

static void reopen(void)
{
    char err[256] = "";
    CHECK_RC(ccad_ctx_set_store(ctx, NULL), CCAD_OK);
    CHECK_SQL(ccad_sqlite_store_close(st)); /* rolls back an open transaction */
    st = NULL;
    if (ccad_sqlite_store_open(&st, path, err, sizeof err) != SQLITE_OK) {
        fprintf(stderr, "reopen %s: %s\n", path, err);
        exit(1);
    }
    use_plain();
}

/* ---- comparisons ---- */

static void customer_equal(const ccad_customer *a, const ccad_customer *b)
{
    int k;
#define F(f) CHECK(a->f == b->f)
    CHECK(strcmp(a->id, b->id) == 0);
    F(value);
    F(grade);
    F(status);
    F(purchase_date);
    F(monthly_volume);
    F(margin_bp);
    F(capable);
    F(has_location);
    F(x);
    F(y);
    F(complaint);
    F(complaint_date);
    F(request_date);
    F(visit_days);
    F(visit_open_min);
    F(visit_close_min);
    F(owned_since);
    F(last_contact);
    F(last_visit);
    F(last_gap_days);
    F(contacts);
    F(no_progress);
    F(missing_records);
    F(last_recorded);
    F(next_step_date);
    for (k = 0; k < 4; k++)
        F(service_counts[k]);
    F(prospect_run);
    F(prospect_gap);
    F(prospect_tail);
    F(last_purposes);
    F(aimless);
    F(closes_asked);
    F(last_parts);
    F(last_entered);
    for (k = 0; k < 3; k++)
        F(owner_sales[k]);
#undef F
}

/* A copy of every customer of the book (ids copied). */
typedef struct snap {
    size_t n;
    ccad_customer c[64];
    char id[64][CCAD_ID_MAX + 1];
} snap;

static void snap_take(snap *s, const ccad_book *b)
{
    size_t i;
    s->n = ccad_book_count(b);
    CHECK(s->n <= 64);
    for (i = 0; i < s->n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        CHECK_RC(ccad_book_get(b, i, &c), CCAD_OK);
        strcpy(s->id[i], c.id);
        c.id = s->id[i];
        s->c[i] = c;
    }
}

static void snap_check(const snap *s, const ccad_book *b)
{
    size_t i;
    CHECK(ccad_book_count(b) == s->n);
    for (i = 0; i < s->n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        CHECK_RC(ccad_book_get(b, i, &c), CCAD_OK);
        customer_equal(&c, &s->c[i]);
    }
}

/* The database holds exactly the book's customers and the expected contact
 * log (read back through a fresh connection by the caller). */
static void check_db(const ccad_book *book)
{
    ccad_book *loaded = NULL;
    sqlite3_stmt *q = NULL;
    size_t i, n = 0;
    int rc;
    CHECK(sqlite3_get_autocommit(ccad_sqlite_store_db(st)) != 0); /* no transaction left open */
    CHECK_RC(ccad_store_load_book(&loaded, ctx), CCAD_OK);
    CHECK(ccad_book_count(loaded) == ccad_book_count(book));
    for (i = 0; i < ccad_book_count(book); i++) {
        ccad_customer a = CCAD_CUSTOMER_INIT, b = CCAD_CUSTOMER_INIT;
        size_t j = 0;
        CHECK_RC(ccad_book_get(book, i, &a), CCAD_OK);
        CHECK_RC(ccad_book_find(loaded, a.id, &j), CCAD_OK);
        CHECK_RC(ccad_book_get(loaded, j, &b), CCAD_OK);
        customer_equal(&a, &b);
    }
    /* iterate is ordered by id */
    for (i = 1; i < ccad_book_count(loaded); i++)
        CHECK(strcmp(ccad_book_id(loaded, i - 1), ccad_book_id(loaded, i)) < 0);
    ccad_book_free(loaded);

    CHECK_SQL(sqlite3_prepare_v2(ccad_sqlite_store_db(st),
                                 "SELECT customer_id, date, kind, outcome, recorded, next_date, "
                                 "service_level, purposes, close_asked, owner_present, activity, "
                                 "record_parts, entered FROM contacts ORDER BY rowid",
                                 -1, &q, NULL));
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        const ccad_contact *k;
        CHECK(n < nexpect);
        k = &expect_log[n].k;
        CHECK(strcmp((const char *)sqlite3_column_text(q, 0), expect_log[n].id) == 0);
        CHECK(sqlite3_column_int64(q, 1) == k->date);
        CHECK(sqlite3_column_int64(q, 2) == k->kind);
        CHECK(sqlite3_column_int64(q, 3) == k->outcome);
        CHECK(sqlite3_column_int64(q, 4) == k->recorded);
        if (k->next_date == CCAD_NO_DATE)
            CHECK(sqlite3_column_type(q, 5) == SQLITE_NULL);
        else
            CHECK(sqlite3_column_int64(q, 5) == k->next_date);
        CHECK(sqlite3_column_int64(q, 6) == k->service_level);
        CHECK(sqlite3_column_int64(q, 7) == k->purposes);
        CHECK(sqlite3_column_int64(q, 8) == k->close_asked);
        CHECK(sqlite3_column_int64(q, 9) == k->owner_present);
        CHECK(sqlite3_column_int64(q, 10) == k->activity);
        CHECK(sqlite3_column_int64(q, 11) == k->record_parts);
        if (k->entered == CCAD_NO_DATE)
            CHECK(sqlite3_column_type(q, 12) == SQLITE_NULL);
        else
            CHECK(sqlite3_column_int64(q, 12) == k->entered);
        n++;
    }
    CHECK(rc == SQLITE_DONE);
    CHECK_SQL(sqlite3_finalize(q));
    CHECK(n == nexpect);
}

/* ---- data ---- */

static int32_t day(const char *ymd)
{
    int32_t d = 0;
    CHECK(ccad_date_parse(&d, ymd, strlen(ymd)) == CCAD_OK);
    return d;
}

static ccad_customer customer(int i, char *idbuf)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    int32_t d = day("2026-11-23");
    sprintf(idbuf, "C-%03d", i);
    c.id = idbuf;
    if (i == 0)
        return c; /* every default: no dates, unknown numbers, no location */
    c.value = 100000 + (int64_t)i * 1234567;
    c.grade = i % 5;
    c.status = 1 + i % 4;
    c.purchase_date = d + i;
    c.monthly_volume = (int64_t)i * 1000;
    c.margin_bp = (int32_t)((i * 37) % 10001);
    c.capable = i % 2;
    c.has_location = i % 3 != 2;
    c.x = c.has_location ? 13.404954 + i * 0.25 : 0.0;
    c.y = c.has_location ? 52.520008 - i * 0.5 : 0.0;
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

static ccad_contact contact(int n)
{
    ccad_contact k = CCAD_CONTACT_INIT;
    k.date = day("2026-11-23") + n;
    k.kind = 1 + n % 5;
    k.outcome = n % 2 ? CCAD_OUTCOME_NO_PROGRESS : CCAD_OUTCOME_PROGRESS;
    k.recorded = n % 3 != 0;
    k.next_date = n % 4 == 0 ? CCAD_NO_DATE : k.date + 7;
    k.service_level = n % 5;
    /* 1.1: what the visit held, varied so every column is exercised */
    k.purposes = n % 3 == 0   ? 0u
                 : n % 3 == 1 ? (uint32_t)CCAD_PURPOSE_NONE
                              : (uint32_t)(CCAD_PURPOSE_ORDER | CCAD_PURPOSE_PRODUCT);
    k.close_asked = n % 2;
    k.owner_present = n % 4 < 2;
    k.activity = n % 3;
    k.record_parts = (uint32_t)(n * 7) & CCAD_RECORD_ALL;
    k.entered = n % 5 == 0 ? CCAD_NO_DATE : k.date + n % 3;
    return k;
}

/* Records contact number n on customer `index` and expects a success. */
static void record_ok(ccad_book *book, size_t index, int n)
{
    ccad_contact k = contact(n);
    CHECK_RC(ccad_store_record(book, index, &k), CCAD_OK);
    expect_contact(ccad_book_id(book, index), &k);
}

/* One failed ccad_store_record: the error is reported, the book is as
 * before, and after a reopen the database holds exactly what it held. */
static void record_fails(ccad_book *book, size_t index, int n, wrap *w, const char *callback,
                         int rollback_fails)
{
    ccad_contact k = contact(n);
    snap before;
    char want[80];
    int rc;
    snap_take(&before, book);
    rc = ccad_store_record(book, index, &k);
    CHECK_RC(rc, CCAD_ECALLBACK);
    snprintf(want, sizeof want, "ccad_store_record: %s callback failed", callback);
    CHECK(strstr(ccad_ctx_errmsg(ctx), want) != NULL);
    CHECK((strstr(ccad_ctx_errmsg(ctx), "rollback callback failed too") != NULL) == rollback_fails);
    CHECK(w->rollbacks == (strcmp(callback, "begin") != 0));
    snap_check(&before, book);
    if (rollback_fails)
        /* a broken connection: its transaction is still open */
        CHECK(sqlite3_get_autocommit(ccad_sqlite_store_db(st)) == 0);
    else
        CHECK(sqlite3_get_autocommit(ccad_sqlite_store_db(st)) != 0);
    reopen();
    check_db(book);
}

/* A database written by the 1.0 store (no 1.1 columns) opens: the columns
 * are added with the library's defaults, and its customer reads back as a
 * 1.0 customer did. */
static void migrate_1_0(void)
{
    static const char old[] =
        "CREATE TABLE customers (id TEXT PRIMARY KEY NOT NULL, value INTEGER NOT NULL, "
        "grade INTEGER NOT NULL, status INTEGER NOT NULL, purchase_date INTEGER, "
        "monthly_volume INTEGER, margin_bp INTEGER, capable INTEGER NOT NULL, "
        "has_location INTEGER NOT NULL, x REAL, y REAL, complaint INTEGER NOT NULL, "
        "complaint_date INTEGER, request_date INTEGER, visit_days INTEGER NOT NULL, "
        "visit_open_min INTEGER NOT NULL, visit_close_min INTEGER NOT NULL, owned_since INTEGER, "
        "last_contact INTEGER, last_visit INTEGER, last_gap_days INTEGER, "
        "contacts INTEGER NOT NULL, no_progress INTEGER NOT NULL, "
        "missing_records INTEGER NOT NULL, last_recorded INTEGER NOT NULL, "
        "next_step_date INTEGER, svc_basic INTEGER NOT NULL, svc_satisfying INTEGER NOT NULL, "
        "svc_value INTEGER NOT NULL, svc_moving INTEGER NOT NULL);"
        "CREATE TABLE contacts (customer_id TEXT NOT NULL, date INTEGER NOT NULL, "
        "kind INTEGER NOT NULL, outcome INTEGER NOT NULL, recorded INTEGER NOT NULL, "
        "next_date INTEGER, service_level INTEGER NOT NULL);"
        "INSERT INTO customers VALUES ('OLD', 5, 0, 1, NULL, NULL, NULL, 1, 0, NULL, NULL, 0, "
        "NULL, NULL, 0, 0, 1440, NULL, 20000, 20000, NULL, 3, 0, 0, 1, NULL, 0, 0, 0, 0);";
    char old_path[1024], err[256] = "";
    ccad_sqlite_store *keep = st, *mig = NULL;
    sqlite3 *db = NULL;
    ccad_customer c = CCAD_CUSTOMER_INIT, want = CCAD_CUSTOMER_INIT;
    ccad_book *b = NULL;
    size_t idx = 0;
    snprintf(old_path, sizeof old_path, "%s-1.0", path);
    (void)remove(old_path);
    CHECK_SQL(sqlite3_open(old_path, &db));
    CHECK_SQL(sqlite3_exec(db, old, NULL, NULL, NULL));
    CHECK_SQL(sqlite3_close(db));
    CHECK(ccad_sqlite_store_open(&mig, old_path, err, sizeof err) == SQLITE_OK);
    st = mig;
    use_plain();
    CHECK_RC(ccad_book_new(&b, ctx, 0), CCAD_OK);
    CHECK_RC(ccad_store_load_customer(b, "OLD", &idx), CCAD_OK);
    CHECK_RC(ccad_book_get(b, idx, &c), CCAD_OK);
    want.id = "OLD";
    want.value = 5;
    want.last_contact = want.last_visit = 20000;
    want.contacts = 3;
    customer_equal(&c, &want);
    ccad_book_free(b);
    CHECK_SQL(ccad_sqlite_store_close(mig));
    st = keep;
    use_plain();
    (void)remove(old_path);
    printf("a 1.0 database opens with the 1.1 columns added\n");
}

int main(int argc, char **argv)
{
    static const char *const seq[] = {"begin", "save", "append_contact", "commit"};
    ccad_book *book = NULL;
    char err[256] = "";
    char idbuf[8][16];
    wrap w;
    long rounds = 0, n;
    int i, after, next = 0;
    if (argc != 2) {
        fprintf(stderr, "usage: %s DATABASE-FILE\n", argv[0]);
        return 2;
    }
    path = argv[1];
    (void)remove(path);
    {
        char j[1024];
        snprintf(j, sizeof j, "%s-journal", path);
        (void)remove(j);
    }
    if (ccad_sqlite_store_open(&st, path, err, sizeof err) != SQLITE_OK) {
        fprintf(stderr, "open %s: %s\n", path, err);
        return 1;
    }
    CHECK(ccad_ctx_new(&ctx, NULL) == CCAD_OK);
    use_plain();

    /* a book of 8 customers (one with every default), saved */
    CHECK_RC(ccad_book_new(&book, ctx, 0), CCAD_OK);
    for (i = 7; i >= 0; i--) { /* not in id order: iterate sorts */
        ccad_customer c = customer(i, idbuf[i]);
        CHECK_RC(ccad_book_add(book, &c, NULL), CCAD_OK);
    }
    CHECK_RC(ccad_store_save_book(book), CCAD_OK);
    record_ok(book, 0, next++);
    record_ok(book, 3, next++);
    record_ok(book, 7, next++); /* C-000, every default before */
    reopen();
    check_db(book);
    printf("saved 8 customers and 3 contacts; reopened: all there\n");

    /* append_contact fails after save succeeded: rolled back */
    use_wrapper(&w, 3, 0);
    record_fails(book, 2, next++, &w, "append_contact", 0);
    /* commit fails: rolled back */
    use_wrapper(&w, 4, 0);
    record_fails(book, 2, next++, &w, "commit", 0);
    /* append_contact fails and the rollback too: the connection is broken; closing it
     * rolls back, and the file holds the last commit */
    use_wrapper(&w, 3, 1);
    record_fails(book, 2, next++, &w, "append_contact", 1);
    printf("failed transactions left nothing behind\n");

    /* the failure loop over ccad_store_record */
    for (after = 0; after <= 1; after++) {
        for (n = 1;; n++) {
            CHECK(n < 100);
            use_wrapper(&w, n, after);
            if (n > 4) {
                record_ok(book, (size_t)(n % 8), next++);
                CHECK(w.calls == 4 && w.rollbacks == 0);
                reopen();
                check_db(book);
                break;
            }
            record_fails(book, (size_t)(n % 8), next++, &w, seq[n - 1], after && n > 1);
            rounds++;
        }
    }
    /* saving the whole book again, then loading it */
    use_plain();
    CHECK_RC(ccad_store_save_book(book), CCAD_OK);
    reopen();
    check_db(book);
    {
        size_t idx = 99;
        CHECK_RC(ccad_store_load_customer(book, "C-004", &idx), CCAD_OK);
        CHECK(idx == 3); /* added from 7 down to 0 */
        CHECK_RC(ccad_store_load_customer(book, "nobody", &idx), CCAD_ENOTFOUND);
    }
    migrate_1_0();
    printf("sqlite store fault rounds: %ld (ccad_store_record, reopen after each)\n", rounds);
    printf("contacts in the database: %lu\n", (unsigned long)nexpect);

    ccad_book_free(book);
    CHECK_RC(ccad_ctx_set_store(ctx, NULL), CCAD_OK);
    ccad_ctx_free(ctx);
    CHECK_SQL(ccad_sqlite_store_close(st));
    return 0;
}
