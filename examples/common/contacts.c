/* contacts.c - the contacts loader of the example programs: a contacts CSV
 * file recorded into the book of a loaded customers file, every row checked
 * before the first is applied. See contacts.h for the columns. */
#include "contacts.h"
#include "cells.h"
#include "grow.h"

#include <stdlib.h>
#include <string.h>

enum ccol {
    K_CUSTOMER,
    K_DATE,
    K_KIND,
    K_OUTCOME,
    K_RECORD,
    K_NEXT,
    K_PURPOSES,
    K_CLOSE,
    K_OWNER,
    K_ACTIVITY,
    K_PARTS,
    K_ENTERED, /* 1.1, optional */
    K__COUNT
};

static const ccex_column contact_cols[K__COUNT] = {
    {"customer_id", 1},   {"date", 1},      {"kind", 0},         {"outcome", 0},
    {"record", 0},        {"next_date", 0}, {"purposes", 0},     {"close_asked", 0},
    {"owner_present", 0}, {"activity", 0},  {"record_parts", 0}, {"entered", 0},
};

/* Bit names of the purposes and record-part columns, by bit. */
static const char *const purpose_names[] = {"none",    "order",   "product", "activity",
                                            "problem", "payment", "other"};
static const char *const part_names[] = {"purpose", "said", "state", "solved", "next_problem"};
static const char *const activity_names[] = {"none", "held", "sale"};

/* Index of the name [s, s+n) in names[0..count), or -1. */
static int name_index(const char *const *names, int count, const char *s, size_t n)
{
    int k;
    for (k = 0; k < count; k++)
        if (strlen(names[k]) == n && memcmp(names[k], s, n) == 0)
            return k;
    return -1;
}

/* A bit set written as names joined by '+' ("order+product"). */
static int parse_bits(const ccex_csv *r, const ccex_field *f, const char *column,
                      const char *const *names, int count, const char *known, uint32_t *out,
                      ccex_err *err)
{
    const char *s, *end;
    size_t n;
    uint32_t bits = 0;
    ccex_field_trim(f, &s, &n);
    end = s + n;
    while (s <= end) { /* a '+' at the end leaves an empty name after it */
        const char *plus = memchr(s, '+', (size_t)(end - s));
        size_t len = (size_t)((plus != NULL ? plus : end) - s);
        int k = name_index(names, count, s, len);
        if (k < 0)
            return ccex_csv_fail(r, err, f->line, f->column, "%s: '%.*s' is not one of %s", column,
                                 (int)len, s, known);
        bits |= 1u << k;
        if (plus == NULL)
            break;
        s = plus + 1;
    }
    *out = bits;
    return CCEX_OK;
}

/* The optional 1.1 columns of a row: what the visit held. */
static int read_visit_columns(const ccex_csv *r, const long *map, ccad_contact *c, ccex_err *err)
{
    const ccex_field *f;
    const char *s;
    size_t n;
    int rc = CCEX_OK, k;
#define GIVEN(col) (map[col] >= 0 && !ccex_field_blank(f = ccex_csv_field(r, (size_t)map[col])))
    if (GIVEN(K_PURPOSES)) {
        if ((rc = parse_bits(
                 r, f, "purposes", purpose_names, 7,
                 "none, order, product, activity, problem, payment, other (joined by +)",
                 &c->purposes, err)) != CCEX_OK)
            return rc;
        if ((c->purposes & CCAD_PURPOSE_NONE) && c->purposes != CCAD_PURPOSE_NONE)
            return ccex_csv_fail(r, err, f->line, f->column,
                                 "purposes: none (no sales purpose) cannot be joined with others");
    }
    if (GIVEN(K_CLOSE) && (rc = ccex_parse_flag(r, f, "close_asked", &c->close_asked, err)) != 0)
        return rc;
    if (GIVEN(K_OWNER) &&
        (rc = ccex_parse_flag(r, f, "owner_present", &c->owner_present, err)) != 0)
        return rc;
    if (GIVEN(K_ACTIVITY)) {
        ccex_field_trim(f, &s, &n);
        if ((k = name_index(activity_names, 3, s, n)) < 0)
            return ccex_csv_fail(r, err, f->line, f->column,
                                 "activity: '%.*s' is not one of none, held, sale", (int)n, s);
        c->activity = k;
    }
    if (GIVEN(K_PARTS) &&
        (rc = parse_bits(r, f, "record_parts", part_names, 5,
                         "purpose, said, state, solved, next_problem (joined by +)",
                         &c->record_parts, err)) != CCEX_OK)
        return rc;
    if (GIVEN(K_ENTERED)) {
        if ((rc = ccex_parse_date(r, f, "entered", &c->entered, err)) != CCEX_OK)
            return rc;
        if (c->entered < c->date)
            return ccex_csv_fail(r, err, f->line, f->column,
                                 "entered is before the contact's date");
    }
#undef GIVEN
    return rc;
}

/* One validated row, applied once the whole file has been read. */
struct contact_row {
    size_t index;
    ccad_contact contact;
    unsigned long line;
};

int ccex_load_contacts(ccex_customers *cs, ccad_ctx *ctx, const char *path, size_t *out_count,
                       ccex_err *err)
{
    ccex_csv *r = NULL;
    long map[K__COUNT];
    struct contact_row *rows = NULL;
    size_t n = 0, cap = 0, i;
    int rc;

    if (out_count != NULL)
        *out_count = 0;
    if ((rc = ccex_csv_open(&r, path, err)) != CCEX_OK)
        return rc;
    if ((rc = ccex_csv_header(r, contact_cols, K__COUNT, map, err)) != CCEX_OK)
        goto done;
    /* Read and check every row first, so that a bad row leaves the book as
     * it was. */
    for (;;) {
        ccad_contact c = CCAD_CONTACT_INIT;
        const ccex_field *f;
        const char *s;
        char id[CCAD_ID_MAX + 1];
        size_t len, index;

        rc = ccex_csv_next(r, err);
        if (rc == 0)
            break;
        if (rc < 0)
            goto done;
        f = ccex_csv_field(r, (size_t)map[K_CUSTOMER]);
        if ((rc = ccex_check_utf8(r, f, "customer_id", err)) != CCEX_OK)
            goto done;
        ccex_field_trim(f, &s, &len);
        if (len == 0 || len > CCAD_ID_MAX) {
            rc = len ? ccex_csv_fail(r, err, f->line, f->column,
                                     "customer_id is longer than %d bytes", CCAD_ID_MAX)
                     : ccex_csv_fail(r, err, f->line, f->column, "customer_id is empty");
            goto done;
        }
        memcpy(id, s, len);
        id[len] = '\0';
        if (ccad_book_find(cs->book, id, &index) != CCAD_OK) {
            rc = ccex_csv_fail(r, err, f->line, f->column,
                               "customer_id: no customer '%s' in the customers file", id);
            goto done;
        }
        f = ccex_csv_field(r, (size_t)map[K_DATE]);
        if (ccex_field_blank(f)) {
            rc = ccex_csv_fail(r, err, f->line, f->column, "date is empty");
            goto done;
        }
        if ((rc = ccex_parse_date(r, f, "date", &c.date, err)) != CCEX_OK)
            goto done;
        if (map[K_KIND] >= 0 && !ccex_field_blank(f = ccex_csv_field(r, (size_t)map[K_KIND])) &&
            (rc = ccex_parse_name(r, f, "kind", CCAD_NAME_CONTACT_KIND,
                                  "visit, call, message, email, other", &c.kind, err)) != CCEX_OK)
            goto done;
        if (map[K_OUTCOME] >= 0 &&
            !ccex_field_blank(f = ccex_csv_field(r, (size_t)map[K_OUTCOME])) &&
            (rc = ccex_parse_name(r, f, "outcome", CCAD_NAME_OUTCOME,
                                  "progress, no_progress, order, complaint_opened, "
                                  "complaint_resolved",
                                  &c.outcome, err)) != CCEX_OK)
            goto done;
        if (map[K_RECORD] >= 0 && !ccex_field_blank(f = ccex_csv_field(r, (size_t)map[K_RECORD])) &&
            (rc = ccex_parse_flag(r, f, "record", &c.recorded, err)) != CCEX_OK)
            goto done;
        if (map[K_NEXT] >= 0 && !ccex_field_blank(f = ccex_csv_field(r, (size_t)map[K_NEXT]))) {
            if ((rc = ccex_parse_date(r, f, "next_date", &c.next_date, err)) != CCEX_OK)
                goto done;
            if (c.next_date < c.date) {
                rc = ccex_csv_fail(r, err, f->line, f->column,
                                   "next_date is before the contact's date");
                goto done;
            }
        }
        if ((rc = read_visit_columns(r, map, &c, err)) != CCEX_OK)
            goto done;
        if (ccex_grow((void **)&rows, &cap, n + 1, sizeof *rows) != 0) {
            rc = ccex_csv_nomem(r, err);
            goto done;
        }
        rows[n].index = index;
        rows[n].contact = c;
        rows[n].line = ccex_csv_line(r);
        n++;
    }
    /* Apply in file order. */
    for (i = 0; i < n; i++) {
        rc = ccad_book_record(cs->book, rows[i].index, &rows[i].contact);
        if (rc != CCAD_OK) {
            rc = rc == CCAD_ENOMEM ? ccex_csv_nomem(r, err)
                                   : ccex_csv_fail(r, err, rows[i].line, 1, "contact refused: %s",
                                                   ccad_ctx_errmsg(ctx));
            goto done;
        }
    }
    if (out_count != NULL)
        *out_count = n;
    rc = CCEX_OK;
done:
    free(rows);
    ccex_csv_close(r);
    return rc;
}
