/* ccad_sqlite_store: the ccad_store callbacks over SQLite 3 (see sqlite_store.h).
 *
 * Every statement is prepared once at open and reset after each use. Every
 * callback returns 0 on success and 1 on failure, with SQLite's message kept
 * in s->errmsg. The transaction callbacks are BEGIN IMMEDIATE (the write
 * lock is taken at once, so a busy database fails at begin, before any work),
 * COMMIT and ROLLBACK. */
#include "sqlite_store.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CUSTOMER_COLUMNS \
    "id, value, grade, status, purchase_date, monthly_volume, margin_bp, capable, " \
    "has_location, x, y, complaint, complaint_date, request_date, visit_days, " \
    "visit_open_min, visit_close_min, owned_since, last_contact, last_visit, " \
    "last_gap_days, contacts, no_progress, missing_records, last_recorded, " \
    "next_step_date, svc_basic, svc_satisfying, svc_value, svc_moving, " \
    "prospect_run, prospect_gap, prospect_tail, last_purposes, aimless, closes_asked, " \
    "last_parts, last_entered, owner_sale_1, owner_sale_2, owner_sale_3"
#define NCOLS 41

static const char schema[] =
    "PRAGMA foreign_keys = ON;\n"
    "CREATE TABLE IF NOT EXISTS customers (\n"
    "  id TEXT PRIMARY KEY NOT NULL,\n"
    "  value INTEGER NOT NULL,           -- minor currency units (cents)\n"
    "  grade INTEGER NOT NULL,           -- hand-set grade, 0 = computed\n"
    "  status INTEGER NOT NULL,\n"
    "  purchase_date INTEGER,            -- day number; NULL = none\n"
    "  monthly_volume INTEGER,           -- NULL = unknown\n"
    "  margin_bp INTEGER,                -- NULL = unknown\n"
    "  capable INTEGER NOT NULL,\n"
    "  has_location INTEGER NOT NULL,\n"
    "  x REAL, y REAL,                   -- NULL without location\n"
    "  complaint INTEGER NOT NULL,\n"
    "  complaint_date INTEGER,\n"
    "  request_date INTEGER,\n"
    "  visit_days INTEGER NOT NULL,\n"
    "  visit_open_min INTEGER NOT NULL,\n"
    "  visit_close_min INTEGER NOT NULL,\n"
    "  owned_since INTEGER,\n"
    "  last_contact INTEGER,\n"
    "  last_visit INTEGER,\n"
    "  last_gap_days INTEGER,            -- NULL = unknown\n"
    "  contacts INTEGER NOT NULL,\n"
    "  no_progress INTEGER NOT NULL,\n"
    "  missing_records INTEGER NOT NULL,\n"
    "  last_recorded INTEGER NOT NULL,\n"
    "  next_step_date INTEGER,\n"
    "  svc_basic INTEGER NOT NULL,\n"
    "  svc_satisfying INTEGER NOT NULL,\n"
    "  svc_value INTEGER NOT NULL,\n"
    "  svc_moving INTEGER NOT NULL\n"
    ");\n"
    "CREATE TABLE IF NOT EXISTS contacts (\n"
    "  customer_id TEXT NOT NULL REFERENCES customers(id) DEFERRABLE INITIALLY DEFERRED,\n"
    "  date INTEGER NOT NULL,\n"
    "  kind INTEGER NOT NULL,\n"
    "  outcome INTEGER NOT NULL,\n"
    "  recorded INTEGER NOT NULL,\n"
    "  next_date INTEGER,\n"
    "  service_level INTEGER NOT NULL\n"
    ");\n"
    "CREATE INDEX IF NOT EXISTS contacts_by_customer ON contacts(customer_id, date);\n";

/* The 1.1 columns (what the visits held), added to a database made by the
 * 1.0 store one by one; "duplicate column" means it has them already. The
 * defaults are the library's: an old row reads as a 1.0 customer did. */
static const char *const columns_1_1[] = {
    "ALTER TABLE customers ADD COLUMN prospect_run INTEGER", /* NULL = unknown */
    "ALTER TABLE customers ADD COLUMN prospect_gap INTEGER", /* NULL = none */
    "ALTER TABLE customers ADD COLUMN prospect_tail INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE customers ADD COLUMN last_purposes INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE customers ADD COLUMN aimless INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE customers ADD COLUMN closes_asked INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE customers ADD COLUMN last_parts INTEGER NOT NULL DEFAULT 31",
    "ALTER TABLE customers ADD COLUMN last_entered INTEGER",
    "ALTER TABLE customers ADD COLUMN owner_sale_1 INTEGER",
    "ALTER TABLE customers ADD COLUMN owner_sale_2 INTEGER",
    "ALTER TABLE customers ADD COLUMN owner_sale_3 INTEGER",
    "ALTER TABLE contacts ADD COLUMN purposes INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE contacts ADD COLUMN close_asked INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE contacts ADD COLUMN owner_present INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE contacts ADD COLUMN activity INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE contacts ADD COLUMN record_parts INTEGER NOT NULL DEFAULT 31",
    "ALTER TABLE contacts ADD COLUMN entered INTEGER",
};

enum { ST_BEGIN, ST_COMMIT, ST_ROLLBACK, ST_UPSERT, ST_SELECT_ONE, ST_SELECT_ALL, ST_APPEND, ST_N };

static const char *const sql[ST_N] = {
    "BEGIN IMMEDIATE",
    "COMMIT",
    "ROLLBACK",
    "INSERT INTO customers (" CUSTOMER_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
    "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, "
    "?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40, ?41) ON CONFLICT (id) DO "
    "UPDATE SET value = excluded.value, grade = "
    "excluded.grade, status = excluded.status, purchase_date = excluded.purchase_date, "
    "monthly_volume = excluded.monthly_volume, margin_bp = excluded.margin_bp, capable = "
    "excluded.capable, has_location = excluded.has_location, x = excluded.x, y = excluded.y, "
    "complaint = excluded.complaint, complaint_date = excluded.complaint_date, request_date = "
    "excluded.request_date, visit_days = excluded.visit_days, visit_open_min = "
    "excluded.visit_open_min, visit_close_min = excluded.visit_close_min, owned_since = "
    "excluded.owned_since, last_contact = excluded.last_contact, last_visit = "
    "excluded.last_visit, last_gap_days = excluded.last_gap_days, contacts = excluded.contacts, "
    "no_progress = excluded.no_progress, missing_records = excluded.missing_records, "
    "last_recorded = excluded.last_recorded, next_step_date = excluded.next_step_date, "
    "svc_basic = excluded.svc_basic, svc_satisfying = excluded.svc_satisfying, svc_value = "
    "excluded.svc_value, svc_moving = excluded.svc_moving, prospect_run = excluded.prospect_run, "
    "prospect_gap = excluded.prospect_gap, prospect_tail = excluded.prospect_tail, "
    "last_purposes = excluded.last_purposes, aimless = excluded.aimless, closes_asked = "
    "excluded.closes_asked, last_parts = excluded.last_parts, last_entered = "
    "excluded.last_entered, owner_sale_1 = excluded.owner_sale_1, owner_sale_2 = "
    "excluded.owner_sale_2, owner_sale_3 = excluded.owner_sale_3",
    "SELECT " CUSTOMER_COLUMNS " FROM customers WHERE id = ?1",
    "SELECT " CUSTOMER_COLUMNS " FROM customers ORDER BY id",
    ("INSERT INTO contacts (customer_id, date, kind, outcome, recorded, next_date, service_level, "
     "purposes, close_asked, owner_present, activity, record_parts, entered) "
     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"),
};

struct ccad_sqlite_store {
    sqlite3 *db;
    sqlite3_stmt *st[ST_N];
    char errmsg[256];
};

static int fail(ccad_sqlite_store *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    (void)vsnprintf(s->errmsg, sizeof s->errmsg, fmt, ap);
    va_end(ap);
    return 1;
}

static int fail_db(ccad_sqlite_store *s, const char *what, int rc)
{
    return fail(s, "%s: %s (%s)", what, sqlite3_errmsg(s->db), sqlite3_errstr(rc));
}

/* Steps a statement that returns no rows, then resets it. */
static int run(ccad_sqlite_store *s, int which, const char *what)
{
    sqlite3_stmt *st = s->st[which];
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE) {
        (void)fail_db(s, what, rc);
        (void)sqlite3_reset(st);
        (void)sqlite3_clear_bindings(st);
        return 1;
    }
    rc = sqlite3_reset(st);
    if (sqlite3_clear_bindings(st) != SQLITE_OK || rc != SQLITE_OK)
        return fail_db(s, what, rc);
    return 0;
}

/* ---- binding ---- */

static int bind_int(sqlite3_stmt *st, int i, int64_t v) { return sqlite3_bind_int64(st, i, v); }

static int bind_date(sqlite3_stmt *st, int i, int32_t d)
{
    return d == CCAD_NO_DATE ? sqlite3_bind_null(st, i) : sqlite3_bind_int64(st, i, d);
}

static int bind_opt(sqlite3_stmt *st, int i, int64_t v)
{
    return v == -1 ? sqlite3_bind_null(st, i) : sqlite3_bind_int64(st, i, v);
}

static int bind_customer(sqlite3_stmt *st, const ccad_customer *c)
{
    int rc = sqlite3_bind_text(st, 1, c->id, -1, SQLITE_TRANSIENT);
    int i = 2, k;
#define B(call) \
    do { \
        if (rc == SQLITE_OK) \
            rc = (call); \
        i++; \
    } while (0)
    B(bind_int(st, i, c->value));
    B(bind_int(st, i, c->grade));
    B(bind_int(st, i, c->status));
    B(bind_date(st, i, c->purchase_date));
    B(bind_opt(st, i, c->monthly_volume));
    B(bind_opt(st, i, c->margin_bp));
    B(bind_int(st, i, c->capable));
    B(bind_int(st, i, c->has_location));
    B(c->has_location ? sqlite3_bind_double(st, i, c->x) : sqlite3_bind_null(st, i));
    B(c->has_location ? sqlite3_bind_double(st, i, c->y) : sqlite3_bind_null(st, i));
    B(bind_int(st, i, c->complaint));
    B(bind_date(st, i, c->complaint_date));
    B(bind_date(st, i, c->request_date));
    B(bind_int(st, i, c->visit_days));
    B(bind_int(st, i, c->visit_open_min));
    B(bind_int(st, i, c->visit_close_min));
    B(bind_date(st, i, c->owned_since));
    B(bind_date(st, i, c->last_contact));
    B(bind_date(st, i, c->last_visit));
    B(bind_opt(st, i, c->last_gap_days));
    B(bind_int(st, i, c->contacts));
    B(bind_int(st, i, c->no_progress));
    B(bind_int(st, i, c->missing_records));
    B(bind_int(st, i, c->last_recorded));
    B(bind_date(st, i, c->next_step_date));
    for (k = 0; k < 4; k++)
        B(bind_int(st, i, c->service_counts[k]));
    B(bind_opt(st, i, c->prospect_run));
    B(bind_opt(st, i, c->prospect_gap));
    B(bind_int(st, i, c->prospect_tail));
    B(bind_int(st, i, c->last_purposes));
    B(bind_int(st, i, c->aimless));
    B(bind_int(st, i, c->closes_asked));
    B(bind_int(st, i, c->last_parts));
    B(bind_date(st, i, c->last_entered));
    for (k = 0; k < 3; k++)
        B(bind_date(st, i, c->owner_sales[k]));
#undef B
    return rc;
}

/* ---- reading: every column is range-checked, nothing is truncated ---- */

typedef struct reader {
    ccad_sqlite_store *s;
    sqlite3_stmt *st;
    int bad; /* set on the first bad column */
} reader;

static int64_t col_int(reader *r, int i, int nullable, int64_t null_value, int64_t lo, int64_t hi)
{
    int64_t v;
    int t = sqlite3_column_type(r->st, i);
    if (r->bad)
        return null_value;
    if (t == SQLITE_NULL) {
        if (nullable)
            return null_value;
        r->bad = fail(r->s, "column %s is NULL", sqlite3_column_name(r->st, i));
        return null_value;
    }
    if (t != SQLITE_INTEGER) {
        r->bad = fail(r->s, "column %s is not an integer", sqlite3_column_name(r->st, i));
        return null_value;
    }
    v = sqlite3_column_int64(r->st, i);
    if (v < lo || v > hi) {
        r->bad = fail(r->s, "column %s: %lld out of range", sqlite3_column_name(r->st, i),
                      (long long)v);
        return null_value;
    }
    return v;
}

/* An int32 date column: NULL is CCAD_NO_DATE; range checks are the library's. */
static int32_t col_date(reader *r, int i)
{
    return (int32_t)col_int(r, i, 1, CCAD_NO_DATE, INT32_MIN + 1, INT32_MAX);
}
static int col_i(reader *r, int i) { return (int)col_int(r, i, 0, 0, INT32_MIN, INT32_MAX); }
static int32_t col_i32(reader *r, int i)
{
    return (int32_t)col_int(r, i, 0, 0, INT32_MIN, INT32_MAX);
}
static uint32_t col_u32(reader *r, int i) { return (uint32_t)col_int(r, i, 0, 0, 0, UINT32_MAX); }

static double col_real(reader *r, int i)
{
    int t = sqlite3_column_type(r->st, i);
    if (r->bad || t == SQLITE_NULL)
        return 0.0;
    if (t != SQLITE_FLOAT && t != SQLITE_INTEGER) {
        r->bad = fail(r->s, "column %s is not a number", sqlite3_column_name(r->st, i));
        return 0.0;
    }
    return sqlite3_column_double(r->st, i);
}

/* The customer of the current row; c->id points into the statement's row,
 * valid until the next step or reset. Returns 0 or 1 (message set). */
static int read_customer(ccad_sqlite_store *s, sqlite3_stmt *st, ccad_customer *c)
{
    reader r;
    int k;
    const unsigned char *id = sqlite3_column_text(st, 0);
    r.s = s;
    r.st = st;
    r.bad = 0;
    if (id == NULL)
        return sqlite3_errcode(s->db) == SQLITE_NOMEM ? fail(s, "out of memory reading id")
                                                      : fail(s, "customer without id");
    c->id = (const char *)id;
    c->value = col_int(&r, 1, 0, 0, INT64_MIN, INT64_MAX);
    c->grade = col_i(&r, 2);
    c->status = col_i(&r, 3);
    c->purchase_date = col_date(&r, 4);
    c->monthly_volume = col_int(&r, 5, 1, -1, INT64_MIN, INT64_MAX);
    c->margin_bp = (int32_t)col_int(&r, 6, 1, -1, INT32_MIN, INT32_MAX);
    c->capable = col_i(&r, 7);
    c->has_location = col_i(&r, 8);
    c->x = col_real(&r, 9);
    c->y = col_real(&r, 10);
    c->complaint = col_i(&r, 11);
    c->complaint_date = col_date(&r, 12);
    c->request_date = col_date(&r, 13);
    c->visit_days = col_u32(&r, 14);
    c->visit_open_min = col_i32(&r, 15);
    c->visit_close_min = col_i32(&r, 16);
    c->owned_since = col_date(&r, 17);
    c->last_contact = col_date(&r, 18);
    c->last_visit = col_date(&r, 19);
    c->last_gap_days = (int32_t)col_int(&r, 20, 1, -1, INT32_MIN, INT32_MAX);
    c->contacts = col_u32(&r, 21);
    c->no_progress = col_u32(&r, 22);
    c->missing_records = col_u32(&r, 23);
    c->last_recorded = col_i(&r, 24);
    c->next_step_date = col_date(&r, 25);
    for (k = 0; k < 4; k++)
        c->service_counts[k] = col_u32(&r, 26 + k);
    c->prospect_run = (int32_t)col_int(&r, 30, 1, -1, INT32_MIN, INT32_MAX);
    c->prospect_gap = (int32_t)col_int(&r, 31, 1, -1, INT32_MIN, INT32_MAX);
    c->prospect_tail = col_i32(&r, 32);
    c->last_purposes = col_u32(&r, 33);
    c->aimless = col_u32(&r, 34);
    c->closes_asked = col_u32(&r, 35);
    c->last_parts = col_u32(&r, 36);
    c->last_entered = col_date(&r, 37);
    for (k = 0; k < 3; k++)
        c->owner_sales[k] = col_date(&r, 38 + k);
    return r.bad;
}

/* ---- the callbacks ---- */

static int cb_begin(void *user) { return run(user, ST_BEGIN, "begin"); }

static int cb_commit(void *user)
{
    /* on failure (SQLITE_BUSY, a deferred foreign key) the transaction stays
     * open and the library calls rollback */
    return run(user, ST_COMMIT, "commit");
}

static int cb_rollback(void *user)
{
    ccad_sqlite_store *s = user;
    /* after some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM...) SQLite
     * has rolled the transaction back already: nothing is left to undo */
    if (sqlite3_get_autocommit(s->db))
        return 0;
    return run(s, ST_ROLLBACK, "rollback");
}

static int cb_load(void *user, const char *id, ccad_customer *out, int *found)
{
    ccad_sqlite_store *s = user;
    sqlite3_stmt *st = s->st[ST_SELECT_ONE];
    int rc = sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT), bad;
    if (rc != SQLITE_OK)
        return fail_db(s, "load: bind", rc);
    rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) {
        rc = sqlite3_reset(st);
        (void)sqlite3_clear_bindings(st);
        if (rc != SQLITE_OK)
            return fail_db(s, "load: reset", rc);
        *found = 0;
        return 0;
    }
    if (rc != SQLITE_ROW) {
        (void)fail_db(s, "load", rc);
        (void)sqlite3_reset(st);
        (void)sqlite3_clear_bindings(st);
        return 1;
    }
    /* out->id points into the row only until the reset below: the library
     * needs it only during this call and uses its own id */
    bad = read_customer(s, st, out);
    rc = sqlite3_reset(st);
    (void)sqlite3_clear_bindings(st);
    if (bad)
        return 1;
    if (rc != SQLITE_OK)
        return fail_db(s, "load: reset", rc);
    out->id = id;
    *found = 1;
    return 0;
}

static int cb_save(void *user, const ccad_customer *c)
{
    ccad_sqlite_store *s = user;
    int rc = bind_customer(s->st[ST_UPSERT], c);
    if (rc != SQLITE_OK) {
        (void)sqlite3_clear_bindings(s->st[ST_UPSERT]);
        return fail_db(s, "save: bind", rc);
    }
    return run(s, ST_UPSERT, "save");
}

static int cb_append(void *user, const char *id, const ccad_contact *k)
{
    ccad_sqlite_store *s = user;
    sqlite3_stmt *st = s->st[ST_APPEND];
    int rc = sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(st, 2, k->date);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(st, 3, k->kind);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(st, 4, k->outcome);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(st, 5, k->recorded);
    if (rc == SQLITE_OK)
        rc = bind_date(st, 6, k->next_date);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(st, 7, k->service_level);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(st, 8, k->purposes);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(st, 9, k->close_asked);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(st, 10, k->owner_present);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(st, 11, k->activity);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(st, 12, k->record_parts);
    if (rc == SQLITE_OK)
        rc = bind_date(st, 13, k->entered);
    if (rc != SQLITE_OK) {
        (void)sqlite3_clear_bindings(st);
        return fail_db(s, "append_contact: bind", rc);
    }
    return run(s, ST_APPEND, "append_contact");
}

static int cb_iterate(void *user, ccad_store_each_fn each, void *each_user)
{
    ccad_sqlite_store *s = user;
    sqlite3_stmt *st = s->st[ST_SELECT_ALL];
    int rc, bad = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        if (read_customer(s, st, &c) != 0) {
            bad = 1;
            break;
        }
        if (each(each_user, &c) != 0) {
            bad = fail(s, "iterate: stopped at customer '%.70s'", c.id);
            break;
        }
    }
    if (!bad && rc != SQLITE_DONE)
        bad = fail_db(s, "iterate", rc);
    rc = sqlite3_reset(st);
    if (!bad && rc != SQLITE_OK)
        bad = fail_db(s, "iterate: reset", rc);
    return bad;
}

/* ---- open and close ---- */

/* Runs one ALTER TABLE ... ADD COLUMN; a column already there is fine. */
static int add_column(ccad_sqlite_store *s, const char *stmt)
{
    char *emsg = NULL;
    int rc = sqlite3_exec(s->db, stmt, NULL, NULL, &emsg);
    if (rc != SQLITE_OK && emsg != NULL && strstr(emsg, "duplicate column") != NULL)
        rc = SQLITE_OK;
    else if (rc != SQLITE_OK)
        (void)fail(s, "schema: %s", emsg != NULL ? emsg : sqlite3_errstr(rc));
    sqlite3_free(emsg);
    return rc;
}

int ccad_sqlite_store_open(ccad_sqlite_store **out, const char *path, char *errbuf, size_t errcap)
{
    ccad_sqlite_store *s;
    char *emsg = NULL;
    int rc, i;
    if (out == NULL || path == NULL)
        return SQLITE_MISUSE;
    *out = NULL;
    s = calloc(1, sizeof *s);
    if (s == NULL)
        return SQLITE_NOMEM;
    rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_busy_timeout(s->db, 2000);
    if (rc == SQLITE_OK) {
        rc = sqlite3_exec(s->db, schema, NULL, NULL, &emsg);
        if (rc != SQLITE_OK && emsg != NULL) {
            (void)fail(s, "schema: %s", emsg);
        }
        sqlite3_free(emsg);
        for (i = 0; rc == SQLITE_OK && i < (int)(sizeof columns_1_1 / sizeof columns_1_1[0]); i++)
            rc = add_column(s, columns_1_1[i]);
    } else if (s->db != NULL) {
        (void)fail_db(s, path, rc);
    } else {
        (void)fail(s, "%s: %s", path, sqlite3_errstr(rc));
    }
    for (i = 0; rc == SQLITE_OK && i < ST_N; i++) {
        rc = sqlite3_prepare_v2(s->db, sql[i], -1, &s->st[i], NULL);
        if (rc != SQLITE_OK)
            (void)fail_db(s, "prepare", rc);
    }
    if (rc != SQLITE_OK) {
        if (errbuf != NULL && errcap > 0)
            (void)snprintf(errbuf, errcap, "%s", s->errmsg);
        (void)ccad_sqlite_store_close(s);
        return rc;
    }
    *out = s;
    return SQLITE_OK;
}

int ccad_sqlite_store_close(ccad_sqlite_store *s)
{
    int i, rc;
    if (s == NULL)
        return SQLITE_OK;
    for (i = 0; i < ST_N; i++)
        (void)sqlite3_finalize(s->st[i]); /* reports the last step's error: not ours now */
    rc = sqlite3_close(s->db);
    free(s);
    return rc;
}

ccad_store ccad_sqlite_store_callbacks(ccad_sqlite_store *s)
{
    ccad_store st = CCAD_STORE_INIT;
    st.user = s;
    st.begin = cb_begin;
    st.commit = cb_commit;
    st.rollback = cb_rollback;
    st.load = cb_load;
    st.save = cb_save;
    st.append_contact = cb_append;
    st.iterate = cb_iterate;
    return st;
}

const char *ccad_sqlite_store_errmsg(const ccad_sqlite_store *s)
{
    return s == NULL ? "no store" : s->errmsg;
}

sqlite3 *ccad_sqlite_store_db(ccad_sqlite_store *s) { return s == NULL ? NULL : s->db; }
