/* team.c - ccad-team's inputs: see team.h. */
#include "team.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "cells.h"
#include "plan.h"

enum { R_ID, R_NAME, R_LAT, R_LON, R_VPD, R_START, R_END, R_ABSENT, R__COUNT };

static const ccex_column rep_cols[R__COUNT] = {
    {"id", 1},        {"name", 0},    {"lat", 1},    {"lon", 1}, {"visits_per_day", 0},
    {"day_start", 0}, {"day_end", 0}, {"absent", 0},
};

static const ccex_field *cell(ccex_csv *r, const long *map, int k)
{
    const ccex_field *f;
    if (map[k] < 0)
        return NULL;
    f = ccex_csv_field(r, (size_t)map[k]);
    return ccex_field_blank(f) ? NULL : f;
}

/* Copies a field, blanks trimmed, into buf (cap bytes); 0, or -1 if too long. */
static int copy_text(const ccex_field *f, char *buf, size_t cap)
{
    const char *s = f->text, *e = f->text + f->len;
    while (s < e && (*s == ' ' || *s == '\t'))
        s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    if ((size_t)(e - s) >= cap)
        return -1;
    memcpy(buf, s, (size_t)(e - s));
    buf[e - s] = '\0';
    return 0;
}

static int parse_time_cell(ccex_csv *r, const ccex_field *f, const char *column, int is_end,
                           int32_t *out, ccex_err *err)
{
    char buf[16];
    int e;
    if (copy_text(f, buf, sizeof buf) != 0)
        return ccex_csv_fail(r, err, f->line, f->column, "%s: is not a time (HH:MM)", column);
    e = ccex_time_parse(buf, strlen(buf), is_end, out);
    if (e != CCEX_TIME_OK)
        return ccex_csv_fail(r, err, f->line, f->column, "%s: '%s' %s", column, buf,
                             ccex_time_error_text(e));
    return CCEX_OK;
}

/* The absent cell: dates separated by blanks. */
static int parse_absent(ccex_csv *r, const ccex_field *f, ccex_rep *p, ccex_err *err)
{
    size_t i = 0;
    while (i < f->len) {
        size_t j;
        int32_t d = 0;
        while (i < f->len && (f->text[i] == ' ' || f->text[i] == '\t'))
            i++;
        for (j = i; j < f->len && f->text[j] != ' ' && f->text[j] != '\t'; j++)
            ;
        if (j == i)
            break;
        if (ccad_date_parse(&d, f->text + i, j - i) != CCAD_OK)
            return ccex_csv_fail(r, err, f->line, f->column + (unsigned long)i,
                                 "absent: '%.*s' is not a date (YYYY-MM-DD)", (int)(j - i),
                                 f->text + i);
        if (p->n_absent == CCEX_ABSENT_MAX)
            return ccex_csv_fail(r, err, f->line, f->column, "absent: more than %d dates",
                                 CCEX_ABSENT_MAX);
        p->absent[p->n_absent++] = d;
        i = j;
    }
    return CCEX_OK;
}

static int fill_rep(ccex_csv *r, const long *map, ccex_rep *p, ccex_err *err)
{
    const ccex_field *f;
    uint32_t vpd = 8;
#define TRY(x) \
    do { \
        int rc_ = (x); \
        if (rc_ != CCEX_OK) \
            return rc_; \
    } while (0)
    /* the id and the name are written out (tables, CSV, calendars): valid
     * UTF-8 only, as the customers file's (docs/cli.md) */
    f = ccex_csv_field(r, (size_t)map[R_ID]);
    TRY(ccex_check_utf8(r, f, "id", err));
    if (ccex_field_blank(f) || copy_text(f, p->id, sizeof p->id) != 0)
        return ccex_csv_fail(r, err, f->line, f->column, "id: 1..%d bytes", CCAD_ID_MAX);
    if ((f = cell(r, map, R_NAME)) != NULL) {
        TRY(ccex_check_utf8(r, f, "name", err));
        if (copy_text(f, p->name, sizeof p->name) != 0)
            return ccex_csv_fail(r, err, f->line, f->column, "name: longer than %d bytes",
                                 (int)sizeof p->name - 1);
    }
    if ((f = cell(r, map, R_LAT)) == NULL || (f = cell(r, map, R_LON)) == NULL)
        return ccex_csv_fail(r, err, ccex_csv_line(r), 1, "lat and lon are required");
    TRY(ccex_parse_real(r, cell(r, map, R_LAT), "lat", -90.0, 90.0, &p->lat, err));
    TRY(ccex_parse_real(r, cell(r, map, R_LON), "lon", -180.0, 180.0, &p->lon, err));
    if ((f = cell(r, map, R_VPD)) != NULL)
        TRY(ccex_parse_count(r, f, "visits_per_day", 1000, &vpd, err));
    if (vpd == 0)
        return ccex_csv_fail(r, err, f->line, f->column, "visits_per_day: 1..1000");
    p->visits_per_day = (int32_t)vpd;
    p->day_start_min = 480;
    p->day_end_min = 1020;
    if ((f = cell(r, map, R_START)) != NULL)
        TRY(parse_time_cell(r, f, "day_start", 0, &p->day_start_min, err));
    if ((f = cell(r, map, R_END)) != NULL)
        TRY(parse_time_cell(r, f, "day_end", 1, &p->day_end_min, err));
    if (p->day_end_min <= p->day_start_min)
        return ccex_csv_fail(r, err, ccex_csv_line(r), 1, "day_end must be after day_start");
    if ((f = cell(r, map, R_ABSENT)) != NULL)
        TRY(parse_absent(r, f, p, err));
#undef TRY
    return CCEX_OK;
}

int ccex_load_reps(ccex_team_in *t, const char *path, ccex_err *err)
{
    ccex_csv *r = NULL;
    long map[R__COUNT];
    int rc;
    memset(t, 0, sizeof *t);
    if ((rc = ccex_csv_open(&r, path, err)) != CCEX_OK)
        return rc;
    if ((rc = ccex_csv_header(r, rep_cols, R__COUNT, map, err)) != CCEX_OK)
        goto done;
    while ((rc = ccex_csv_next(r, err)) > 0) {
        ccex_rep *p;
        size_t k;
        if (t->n == CCEX_TEAM_MAX) {
            rc = ccex_csv_fail(r, err, ccex_csv_line(r), 1, "more than %d reps", CCEX_TEAM_MAX);
            goto done;
        }
        p = &t->rep[t->n];
        memset(p, 0, sizeof *p);
        if ((rc = fill_rep(r, map, p, err)) != CCEX_OK)
            goto done;
        for (k = 0; k < t->n; k++)
            if (strcmp(t->rep[k].id, p->id) == 0) {
                rc = ccex_csv_fail(r, err, ccex_csv_line(r), 1, "duplicate rep id '%s'", p->id);
                goto done;
            }
        t->n++;
    }
    if (rc == 0 && t->n == 0)
        rc = ccex_csv_fail(r, err, ccex_csv_line(r), 1, "no reps");
done:
    ccex_csv_close(r);
    return rc < 0 ? rc : CCEX_OK;
}

static ccex_rep *rep_named(ccex_team_in *t, const char *id)
{
    size_t k;
    for (k = 0; k < t->n; k++)
        if (strcmp(t->rep[k].id, id) == 0)
            return &t->rep[k];
    return NULL;
}

static int fail_msg(ccex_err *err, const char *fmt, const char *a, const char *b)
{
    snprintf(err->msg, sizeof err->msg, fmt, a, b);
    return CCEX_EINPUT;
}

int ccex_split_by_owner(ccex_team_in *t, ccex_customers *cs, ccad_ctx *ctx, ccex_err *err)
{
    size_t k, i;
    for (k = 0; k < t->n; k++)
        if (ccad_book_new(&t->rep[k].book, ctx, 0) != CCAD_OK)
            return fail_msg(err, "%s%s", "out of memory", "");
    for (i = 0; i < cs->count; i++) {
        const char *owner = ccex_customers_owner(cs, i);
        ccex_rep *p = rep_named(t, owner);
        size_t at = 0;
        if (owner[0] == '\0')
            return fail_msg(err, "customer '%s' has no owner%s", ccad_book_id(cs->book, 0), "");
        if (p == NULL && strcmp(owner, CCEX_POOL_OWNER) == 0) {
            p = &t->pool;
            snprintf(p->id, sizeof p->id, "%s", CCEX_POOL_OWNER);
            if (p->book == NULL && ccad_book_new(&p->book, ctx, 0) != CCAD_OK)
                return fail_msg(err, "%s%s", "out of memory", "");
        }
        if (p == NULL)
            return fail_msg(err, "customer '%s': owner '%s' is not in the reps file",
                            ccad_book_id(cs->book, 0), owner);
        if (p->n_orig == p->cap_orig) {
            size_t nc = p->cap_orig ? 2 * p->cap_orig : 64;
            size_t *q = realloc(p->orig, nc * sizeof *q);
            if (q == NULL)
                return fail_msg(err, "%s%s", "out of memory", "");
            p->orig = q;
            p->cap_orig = nc;
        }
        /* always the first: the customers leave the loaded book in file order */
        if (ccad_book_transfer(cs->book, 0, p->book, &at) != CCAD_OK)
            return fail_msg(err, "moving a customer to its owner's book: %s%s",
                            ccad_ctx_errmsg(ctx), "");
        p->orig[at] = i;
        p->n_orig = at + 1;
    }
    return CCEX_OK;
}

int ccex_team_calendar(void *user, const char *rep_id, int32_t day, uint32_t *out_flags)
{
    ccex_team_in *t = user;
    ccex_rep *p = rep_named(t, rep_id);
    int wd = 0;
    size_t k;
    if (ccad_date_weekday(&wd, day) != CCAD_OK)
        return 1;
    *out_flags = wd <= 5 ? CCAD_DAY_WORKING : 0;
    for (k = 0; p != NULL && k < p->n_absent; k++)
        if (p->absent[k] == day)
            *out_flags |= CCAD_DAY_ABSENT;
    return 0;
}

void ccex_team_in_free(ccex_team_in *t)
{
    size_t k;
    for (k = 0; k < t->n; k++) {
        ccad_book_free(t->rep[k].book);
        free(t->rep[k].orig);
    }
    ccad_book_free(t->pool.book);
    free(t->pool.orig);
    memset(t, 0, sizeof *t);
}

ccad_rep ccex_rep_of(const ccex_rep *p)
{
    ccad_rep r = CCAD_REP_INIT;
    r.id = p->id;
    r.base_x = p->lon;
    r.base_y = p->lat;
    r.visits_per_day = p->visits_per_day;
    r.minutes_per_day = CCEX_SERVICE_MINUTES;
    r.day_start_min = p->day_start_min;
    r.day_minutes = p->day_end_min - p->day_start_min;
    return r;
}
