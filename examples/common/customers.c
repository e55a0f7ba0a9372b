/* customers.c - the customers loader of the example programs: a customers
 * CSV file into a ccad_book, with the display names and owners beside it.
 * See customers.h for the columns. */
#include "customers.h"
#include "calendar.h"
#include "cells.h"
#include "grow.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum col {
    C_ID,
    C_NAME,
    C_VALUE,
    C_GRADE,
    C_PURCHASE,
    C_VOLUME,
    C_MARGIN,
    C_CAPABLE,
    C_LAT,
    C_LON,
    C_STATUS,
    C_LAST,
    C_CONTACTS,
    C_NOPROG,
    C_COMPLAINT,
    C_COMPLAINT_DATE,
    C_VISIT_DAYS,
    C_VISIT_HOURS,
    C_NEXT_STEP,
    C_REQUEST,
    C_OWNED,
    C_LAST_VISIT,
    C_OWNER,
    C_SHARE,
    C_RANK,
    C__COUNT
};

static const ccex_column customer_cols[C__COUNT] = {
    {"id", 1},
    {"name", 0},
    {"value", 0},
    {"grade", 0},
    {"purchase_date", 0},
    {"monthly_volume", 0},
    {"margin_pct", 0},
    {"capable", 0},
    {"lat", 0},
    {"lon", 0},
    {"status", 0},
    {"last_contact", 0},
    {"contacts", 0},
    {"no_progress", 0},
    {"complaint", 0},
    {"complaint_date", 0},
    {"visit_days", 0},
    {"visit_hours", 0},
    {"next_step", 0},
    {"request_date", 0},
    {"owned_since", 0},
    {"last_visit", 0},
    {"owner", 0},
    {"share", 0},
    {"rank", 0},
};

struct loader {
    ccex_csv *r;
    ccex_err *err;
    long map[C__COUNT];
};

/* The cell of column k in the current record, or NULL if the column is
 * absent or the cell blank. */
static const ccex_field *cell(const struct loader *L, int k)
{
    const ccex_field *f;
    if (L->map[k] < 0)
        return NULL;
    f = ccex_csv_field(L->r, (size_t)L->map[k]);
    return ccex_field_blank(f) ? NULL : f;
}

/* Where to report a problem with column k: its cell, or the record start. */
static int fail_at(const struct loader *L, int k, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static int fail_at(const struct loader *L, int k, const char *fmt, ...)
{
    unsigned long line = ccex_csv_line(L->r), column = 1;
    char what[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (L->map[k] >= 0) {
        const ccex_field *f = ccex_csv_field(L->r, (size_t)L->map[k]);
        line = f->line;
        column = f->column;
    }
    return ccex_csv_fail(L->r, L->err, line, column, "%s", what);
}

/* Our position in the customer's sales (TRIAGE): share, a whole percent
 * 0..100, and rank among its suppliers, 1 = first; empty = unknown. */
static int fill_position(const struct loader *L, ccad_customer *c)
{
    const ccex_field *f;
    uint32_t v;
    int rc;
    if ((f = cell(L, C_SHARE)) != NULL) {
        if ((rc = ccex_parse_count(L->r, f, "share", 100u, &v, L->err)) != CCEX_OK)
            return rc;
        c->share_pct = v;
    }
    if ((f = cell(L, C_RANK)) != NULL) {
        if ((rc = ccex_parse_count(L->r, f, "rank", 1000000u, &v, L->err)) != CCEX_OK)
            return rc;
        if (v == 0)
            return ccex_csv_fail(L->r, L->err, f->line, f->column,
                                 "rank: 0 is not a rank (1 = its first supplier, empty = "
                                 "unknown)");
        c->supplier_rank = v;
    }
    return CCEX_OK;
}

/* Fills c from the current record (every field except the id). */
static int fill_customer(const struct loader *L, ccad_customer *c)
{
    ccex_csv *r = L->r;
    ccex_err *err = L->err;
    const ccex_field *f;
    int rc = CCEX_OK, contacts_given = 0;

#define TRY(x) \
    do { \
        if ((rc = (x)) != CCEX_OK) \
            return rc; \
    } while (0)
    if ((f = cell(L, C_VALUE)) != NULL)
        TRY(ccex_parse_money(r, f, "value", &c->value, err));
    if ((f = cell(L, C_GRADE)) != NULL)
        TRY(ccex_parse_name(r, f, "grade", CCAD_NAME_GRADE, "A, B, C, D (empty = computed)",
                            &c->grade, err));
    if ((f = cell(L, C_PURCHASE)) != NULL)
        TRY(ccex_parse_date(r, f, "purchase_date", &c->purchase_date, err));
    if ((f = cell(L, C_VOLUME)) != NULL)
        TRY(ccex_parse_money(r, f, "monthly_volume", &c->monthly_volume, err));
    if ((f = cell(L, C_MARGIN)) != NULL) {
        int64_t bp;
        /* A percentage with two decimals is a money-like figure in hundredths. */
        TRY(ccex_parse_money(r, f, "margin_pct", &bp, err));
        if (bp > 10000)
            return ccex_csv_fail(r, err, f->line, f->column, "margin_pct: %s is above 100",
                                 f->text);
        c->margin_bp = (int32_t)bp;
    }
    if ((f = cell(L, C_CAPABLE)) != NULL)
        TRY(ccex_parse_flag(r, f, "capable", &c->capable, err));
    TRY(fill_position(L, c));
    {
        const ccex_field *la = cell(L, C_LAT), *lo = cell(L, C_LON);
        if (la == NULL && lo != NULL)
            return fail_at(L, C_LAT, "lat is empty but lon is set (give both or neither)");
        if (la != NULL && lo == NULL)
            return fail_at(L, C_LON, "lon is empty but lat is set (give both or neither)");
        if (la != NULL) {
            TRY(ccex_parse_real(r, la, "lat", -90.0, 90.0, &c->y, err));
            TRY(ccex_parse_real(r, lo, "lon", -180.0, 180.0, &c->x, err));
            c->has_location = 1;
        }
    }
    if ((f = cell(L, C_STATUS)) != NULL)
        TRY(ccex_parse_name(r, f, "status", CCAD_NAME_STATUS,
                            "prospect, active, key, released, eliminated", &c->status, err));
    if ((f = cell(L, C_LAST)) != NULL)
        TRY(ccex_parse_date(r, f, "last_contact", &c->last_contact, err));
    if ((f = cell(L, C_CONTACTS)) != NULL) {
        TRY(ccex_parse_count(r, f, "contacts", 1000000u, &c->contacts, err));
        contacts_given = 1;
    }
    if (!contacts_given)
        c->contacts = c->last_contact != CCAD_NO_DATE ? 1u : 0u;
    else if (c->contacts == 0 && c->last_contact != CCAD_NO_DATE)
        return fail_at(L, C_CONTACTS, "contacts is 0 but last_contact is set");
    if ((f = cell(L, C_NOPROG)) != NULL) {
        TRY(ccex_parse_count(r, f, "no_progress", 1000000u, &c->no_progress, err));
        if (c->no_progress > c->contacts)
            return ccex_csv_fail(r, err, f->line, f->column,
                                 "no_progress %lu is more than contacts %lu",
                                 (unsigned long)c->no_progress, (unsigned long)c->contacts);
    }
    if ((f = cell(L, C_COMPLAINT)) != NULL)
        TRY(ccex_parse_name(r, f, "complaint", CCAD_NAME_COMPLAINT, "none, open, resolved",
                            &c->complaint, err));
    if ((f = cell(L, C_COMPLAINT_DATE)) != NULL) {
        if (c->complaint == CCAD_COMPLAINT_NONE)
            return ccex_csv_fail(r, err, f->line, f->column,
                                 "complaint_date is set but complaint is none (write open or "
                                 "resolved)");
        TRY(ccex_parse_date(r, f, "complaint_date", &c->complaint_date, err));
    } else if (c->complaint != CCAD_COMPLAINT_NONE) {
        return fail_at(L, L->map[C_COMPLAINT_DATE] >= 0 ? C_COMPLAINT_DATE : C_COMPLAINT,
                       "complaint is %s but complaint_date is empty",
                       c->complaint == CCAD_COMPLAINT_OPEN ? "open" : "resolved");
    }
    if ((f = cell(L, C_VISIT_DAYS)) != NULL)
        TRY(ccex_parse_weekdays(r, f, "visit_days", &c->visit_days, err));
    if ((f = cell(L, C_VISIT_HOURS)) != NULL)
        TRY(ccex_parse_hours(r, f, "visit_hours", &c->visit_open_min, &c->visit_close_min, err));
    if ((f = cell(L, C_NEXT_STEP)) != NULL) {
        TRY(ccex_parse_date(r, f, "next_step", &c->next_step_date, err));
        if (c->last_contact != CCAD_NO_DATE && c->next_step_date < c->last_contact)
            return ccex_csv_fail(r, err, f->line, f->column, "next_step is before last_contact");
    }
    if ((f = cell(L, C_REQUEST)) != NULL)
        TRY(ccex_parse_date(r, f, "request_date", &c->request_date, err));
    if ((f = cell(L, C_OWNED)) != NULL)
        TRY(ccex_parse_date(r, f, "owned_since", &c->owned_since, err));
    /* a file that does not say which contact was a visit: the latest was */
    c->last_visit = c->last_contact;
    if ((f = cell(L, C_LAST_VISIT)) != NULL) {
        TRY(ccex_parse_date(r, f, "last_visit", &c->last_visit, err));
        if (c->last_contact == CCAD_NO_DATE || c->last_visit > c->last_contact)
            return ccex_csv_fail(r, err, f->line, f->column,
                                 "last_visit is after last_contact (or last_contact is empty)");
    }
#undef TRY
    return CCEX_OK;
}

static int add_name(ccex_customers *out, size_t *names_len, size_t *names_cap, size_t *at_cap,
                    size_t index, const char *s, size_t n)
{
    if (ccex_grow((void **)&out->name_at, at_cap, index + 1, sizeof *out->name_at) != 0 ||
        ccex_grow((void **)&out->names, names_cap, *names_len + n + 1, 1) != 0)
        return -1;
    out->name_at[index] = *names_len;
    memcpy(out->names + *names_len, s, n);
    out->names[*names_len + n] = '\0';
    *names_len += n + 1;
    return 0;
}

/* The owner column (ccad-team): the rep id, kept in the names arena;
 * (size_t)-1 when the file has no owner column or the cell is blank.
 * CCEX_OK, or the error with its message in L->err. */
static int add_owner(const struct loader *L, ccex_customers *out, size_t *names_len,
                     size_t *names_cap, size_t *owner_cap, size_t index)
{
    const ccex_field *f = cell(L, C_OWNER);
    const char *s;
    size_t n;
    if (ccex_grow((void **)&out->owner_at, owner_cap, index + 1, sizeof *out->owner_at) != 0)
        return ccex_csv_nomem(L->r, L->err);
    out->owner_at[index] = (size_t)-1;
    if (f == NULL)
        return 0;
    if (ccex_check_utf8(L->r, f, "owner", L->err) != CCEX_OK)
        return CCEX_EINPUT;
    ccex_field_trim(f, &s, &n);
    if (ccex_grow((void **)&out->names, names_cap, *names_len + n + 1, 1) != 0)
        return ccex_csv_nomem(L->r, L->err);
    out->owner_at[index] = *names_len;
    memcpy(out->names + *names_len, s, n);
    out->names[*names_len + n] = '\0';
    *names_len += n + 1;
    return 0;
}

int ccex_load_customers(ccex_customers *out, ccad_ctx *ctx, const char *path, ccex_err *err)
{
    struct loader L;
    ccex_customers res;
    unsigned long *line_of = NULL;
    size_t lines_cap = 0, names_len = 0, names_cap = 0, at_cap = 0, owner_cap = 0;
    int rc;

    memset(out, 0, sizeof *out);
    memset(&res, 0, sizeof res);
    L.err = err;
    if ((rc = ccex_csv_open(&L.r, path, err)) != CCEX_OK)
        return rc;
    if ((rc = ccex_csv_header(L.r, customer_cols, C__COUNT, L.map, err)) != CCEX_OK)
        goto fail;
    if ((rc = ccad_book_new(&res.book, ctx, 0)) != CCAD_OK) {
        ccex_err_set(err, "%s: %s", path, ccad_ctx_errmsg(ctx));
        rc = rc == CCAD_ENOMEM ? CCEX_ENOMEM : CCEX_EINPUT;
        goto fail;
    }
    for (;;) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        const ccex_field *idf;
        const char *s;
        char id[CCAD_ID_MAX + 1];
        size_t n, index;

        rc = ccex_csv_next(L.r, err);
        if (rc == 0)
            break;
        if (rc < 0)
            goto fail;
        idf = ccex_csv_field(L.r, (size_t)L.map[C_ID]);
        if ((rc = ccex_check_utf8(L.r, idf, "id", err)) != CCEX_OK)
            goto fail;
        ccex_field_trim(idf, &s, &n);
        if (n == 0) {
            rc = ccex_csv_fail(L.r, err, idf->line, idf->column, "id is empty");
            goto fail;
        }
        if (n > CCAD_ID_MAX) {
            rc = ccex_csv_fail(L.r, err, idf->line, idf->column, "id is longer than %d bytes",
                               CCAD_ID_MAX);
            goto fail;
        }
        memcpy(id, s, n);
        id[n] = '\0';
        c.id = id;
        if ((rc = fill_customer(&L, &c)) != CCEX_OK)
            goto fail;
        rc = ccad_book_add(res.book, &c, &index);
        if (rc == CCAD_EEXIST) {
            size_t first = 0;
            unsigned long first_line = 0;
            if (ccad_book_find(res.book, id, &first) == CCAD_OK && first < res.count)
                first_line = line_of[first];
            rc = ccex_csv_fail(L.r, err, idf->line, idf->column,
                               "duplicate id '%s' (first on line %lu)", id, first_line);
            goto fail;
        }
        if (rc == CCAD_ENOMEM) {
            ccex_err_set(err, "%s: out of memory", path);
            rc = CCEX_ENOMEM;
            goto fail;
        }
        if (rc != CCAD_OK) {
            /* Checks the loader does not repeat: the library's own message. */
            rc = ccex_csv_fail(L.r, err, ccex_csv_line(L.r), 1, "customer '%s' refused: %s", id,
                               ccad_ctx_errmsg(ctx));
            goto fail;
        }
        if (ccex_grow((void **)&line_of, &lines_cap, index + 1, sizeof *line_of) != 0) {
            rc = ccex_csv_nomem(L.r, err);
            goto fail;
        }
        line_of[index] = ccex_csv_line(L.r);
        if (L.map[C_NAME] >= 0) {
            const ccex_field *nf = ccex_csv_field(L.r, (size_t)L.map[C_NAME]);
            if ((rc = ccex_check_utf8(L.r, nf, "name", err)) != CCEX_OK)
                goto fail;
            s = nf->text;
            n = nf->len;
        } else {
            s = "";
            n = 0;
        }
        if (add_name(&res, &names_len, &names_cap, &at_cap, index, s, n) != 0) {
            rc = ccex_csv_nomem(L.r, err);
            goto fail;
        }
        if ((rc = add_owner(&L, &res, &names_len, &names_cap, &owner_cap, index)) != CCEX_OK)
            goto fail;
        res.count = index + 1;
    }
    free(line_of);
    ccex_csv_close(L.r);
    *out = res;
    return CCEX_OK;
fail:
    free(line_of);
    ccex_csv_close(L.r);
    ccex_customers_free(&res);
    return rc;
}

const char *ccex_customers_owner(const ccex_customers *c, size_t index)
{
    if (c == NULL || index >= c->count || c->owner_at == NULL || c->owner_at[index] == (size_t)-1)
        return "";
    return c->names + c->owner_at[index];
}

const char *ccex_customers_name(const ccex_customers *c, size_t index)
{
    if (c == NULL || index >= c->count || c->names == NULL)
        return "";
    return c->names + c->name_at[index];
}

void ccex_customers_free(ccex_customers *c)
{
    if (c == NULL)
        return;
    ccad_book_free(c->book);
    free(c->names);
    free(c->name_at);
    free(c->owner_at);
    memset(c, 0, sizeof *c);
}
