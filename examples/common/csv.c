/* csv.c - the RFC 4180 reader of the example programs, and whole-file
 * reading. See csv.h for the contract. Plain C99; no POSIX needed. */
#include "csv.h"
#include "grow.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ====================================================================== */
/* Small helpers */

void ccex_err_set(ccex_err *err, const char *fmt, ...)
{
    va_list ap;
    if (err == NULL)
        return;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
}

static int is_blank(char c) { return c == ' ' || c == '\t'; }

void ccex_field_trim(const ccex_field *f, const char **s, size_t *n)
{
    const char *a = f->text, *b = f->text + f->len;
    while (a < b && is_blank(*a))
        a++;
    while (b > a && is_blank(b[-1]))
        b--;
    *s = a;
    *n = (size_t)(b - a);
}

/* ====================================================================== */
/* Whole files */

int ccex_read_file(char **out, size_t *out_len, const char *path, ccex_err *err)
{
    FILE *fp;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    *out = NULL;
    *out_len = 0;
    fp = fopen(path, "rb");
    if (fp == NULL) {
        ccex_err_set(err, "%s: cannot open: %s", path, strerror(errno));
        return CCEX_EINPUT;
    }
    for (;;) {
        size_t got;
        if (ccex_grow((void **)&buf, &cap, len + 4096 + 1, 1) != 0) {
            free(buf);
            fclose(fp);
            ccex_err_set(err, "%s: out of memory", path);
            return CCEX_ENOMEM;
        }
        got = fread(buf + len, 1, cap - len - 1, fp);
        len += got;
        if (got == 0)
            break;
    }
    if (ferror(fp)) {
        ccex_err_set(err, "%s: read error: %s", path, strerror(errno));
        free(buf);
        fclose(fp);
        return CCEX_EINPUT;
    }
    fclose(fp);
    buf[len] = '\0';
    *out = buf;
    *out_len = len;
    return CCEX_OK;
}

/* ====================================================================== */
/* The reader */

struct ccex_csv {
    char *name;
    char *data;
    size_t len, pos;
    unsigned long line, col; /* position of data[pos] */
    unsigned long rec_line;
    size_t expect; /* fields per record, from the header; 0 before it */
    char *buf;     /* field texts of the current record, NUL-separated */
    size_t buf_len, buf_cap;
    size_t *offs; /* offset of each field's text in buf */
    ccex_field *fields;
    size_t nfields, fields_cap, offs_cap;
};

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p != NULL)
        memcpy(p, s, n);
    return p;
}

static int open_common(ccex_csv **out, const char *name, char *data, size_t len, ccex_err *err)
{
    ccex_csv *r = calloc(1, sizeof *r);
    if (r == NULL || (r->name = dup_str(name)) == NULL) {
        free(r);
        free(data);
        ccex_err_set(err, "%s: out of memory", name);
        return CCEX_ENOMEM;
    }
    r->data = data;
    r->len = len;
    r->line = 1;
    r->col = 1;
    /* A UTF-8 byte order mark, as spreadsheets write it, is not data. */
    if (len >= 3 && (unsigned char)data[0] == 0xEF && (unsigned char)data[1] == 0xBB &&
        (unsigned char)data[2] == 0xBF)
        r->pos = 3;
    *out = r;
    return CCEX_OK;
}

int ccex_csv_open(ccex_csv **out, const char *path, ccex_err *err)
{
    char *data;
    size_t len;
    int rc;
    *out = NULL;
    rc = ccex_read_file(&data, &len, path, err);
    if (rc != CCEX_OK)
        return rc;
    return open_common(out, path, data, len, err);
}

int ccex_csv_open_mem(ccex_csv **out, const char *name, const char *data, size_t len, ccex_err *err)
{
    char *copy;
    *out = NULL;
    copy = malloc(len + 1);
    if (copy == NULL) {
        ccex_err_set(err, "%s: out of memory", name);
        return CCEX_ENOMEM;
    }
    memcpy(copy, data, len);
    copy[len] = '\0';
    return open_common(out, name, copy, len, err);
}

void ccex_csv_close(ccex_csv *r)
{
    if (r == NULL)
        return;
    free(r->name);
    free(r->data);
    free(r->buf);
    free(r->offs);
    free(r->fields);
    free(r);
}

size_t ccex_csv_nfields(const ccex_csv *r) { return r->nfields; }
const ccex_field *ccex_csv_field(const ccex_csv *r, size_t i) { return &r->fields[i]; }
unsigned long ccex_csv_line(const ccex_csv *r) { return r->rec_line; }
const char *ccex_csv_name(const ccex_csv *r) { return r->name; }

int ccex_csv_fail(const ccex_csv *r, ccex_err *err, unsigned long line, unsigned long column,
                  const char *fmt, ...)
{
    char what[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    ccex_err_set(err, "%.100s:%lu:%lu: %s", r->name, line, column, what);
    return CCEX_EINPUT;
}

static void advance(ccex_csv *r)
{
    if (r->data[r->pos] == '\n') {
        r->line++;
        r->col = 1;
    } else {
        r->col++;
    }
    r->pos++;
}

static int put(ccex_csv *r, char c)
{
    if (ccex_grow((void **)&r->buf, &r->buf_cap, r->buf_len + 1, 1) != 0)
        return -1;
    r->buf[r->buf_len++] = c;
    return 0;
}

int ccex_csv_nomem(const ccex_csv *r, ccex_err *err)
{
    ccex_err_set(err, "%s: out of memory", r->name);
    return CCEX_ENOMEM;
}

/* 1 if data[pos] ends a line: LF, or CR followed by LF. */
static int at_eol(const ccex_csv *r)
{
    return r->data[r->pos] == '\n' ||
           (r->data[r->pos] == '\r' && r->pos + 1 < r->len && r->data[r->pos + 1] == '\n');
}

/* Reads one field starting at pos into buf. */
static int read_field(ccex_csv *r, ccex_err *err, ccex_field *f)
{
    f->line = r->line;
    f->column = r->col;
    f->quoted = 0;
    if (r->pos < r->len && r->data[r->pos] == '"') {
        f->quoted = 1;
        advance(r);
        for (;;) {
            char c;
            if (r->pos >= r->len)
                return ccex_csv_fail(r, err, f->line, f->column,
                                     "quoted field is not closed: missing '\"' before the end "
                                     "of the file");
            c = r->data[r->pos];
            if (c == '"') {
                if (r->pos + 1 < r->len && r->data[r->pos + 1] == '"') {
                    if (put(r, '"') != 0)
                        return ccex_csv_nomem(r, err);
                    advance(r);
                    advance(r);
                    continue;
                }
                advance(r);
                break;
            }
            if (c == '\0')
                return ccex_csv_fail(r, err, r->line, r->col, "NUL byte in the data");
            if (put(r, c) != 0)
                return ccex_csv_nomem(r, err);
            advance(r);
        }
        if (r->pos < r->len && r->data[r->pos] != ',' && !at_eol(r)) {
            char c = r->data[r->pos];
            if (c == '\r')
                return ccex_csv_fail(r, err, r->line, r->col,
                                     "carriage return not followed by a line feed");
            return ccex_csv_fail(r, err, r->line, r->col,
                                 "unexpected '%c' after the closing quote of a field that "
                                 "starts at column %lu (a quote inside a quoted field is "
                                 "written twice: \"\")",
                                 (c >= 32 && c < 127) ? c : '?', f->column);
        }
        return CCEX_OK;
    }
    while (r->pos < r->len) {
        char c = r->data[r->pos];
        if (c == ',' || c == '\n')
            break;
        if (c == '\r') {
            if (at_eol(r))
                break;
            return ccex_csv_fail(r, err, r->line, r->col,
                                 "carriage return not followed by a line feed");
        }
        if (c == '"')
            return ccex_csv_fail(r, err, r->line, r->col,
                                 "quote inside an unquoted field (enclose the whole field in "
                                 "quotes and write the quote twice)");
        if (c == '\0')
            return ccex_csv_fail(r, err, r->line, r->col, "NUL byte in the data");
        if (put(r, c) != 0)
            return ccex_csv_nomem(r, err);
        advance(r);
    }
    return CCEX_OK;
}

int ccex_csv_next(ccex_csv *r, ccex_err *err)
{
    unsigned long end_line, end_col;
    size_t i;
    int rc;

    /* Skip completely empty lines. */
    while (r->pos < r->len && at_eol(r)) {
        if (r->data[r->pos] == '\r')
            advance(r);
        advance(r);
    }
    if (r->pos >= r->len) {
        r->nfields = 0;
        return 0;
    }
    r->rec_line = r->line;
    r->nfields = 0;
    r->buf_len = 0;
    for (;;) {
        ccex_field f;
        if (ccex_grow((void **)&r->fields, &r->fields_cap, r->nfields + 1, sizeof *r->fields) !=
                0 ||
            ccex_grow((void **)&r->offs, &r->offs_cap, r->nfields + 1, sizeof *r->offs) != 0)
            return ccex_csv_nomem(r, err);
        r->offs[r->nfields] = r->buf_len;
        if ((rc = read_field(r, err, &f)) != CCEX_OK)
            return rc;
        f.len = r->buf_len - r->offs[r->nfields];
        if (put(r, '\0') != 0)
            return ccex_csv_nomem(r, err);
        r->fields[r->nfields++] = f;
        if (r->pos < r->len && r->data[r->pos] == ',') {
            advance(r);
            continue;
        }
        end_line = r->line;
        end_col = r->col;
        if (r->pos < r->len) { /* at the end of a line */
            if (r->data[r->pos] == '\r')
                advance(r);
            advance(r);
        }
        break;
    }
    for (i = 0; i < r->nfields; i++)
        r->fields[i].text = r->buf + r->offs[i];
    if (r->expect == 0) {
        r->expect = r->nfields;
    } else if (r->nfields > r->expect) {
        return ccex_csv_fail(r, err, r->fields[r->expect].line, r->fields[r->expect].column,
                             "record has %lu fields but the header has %lu (an unquoted comma "
                             "in a value?)",
                             (unsigned long)r->nfields, (unsigned long)r->expect);
    } else if (r->nfields < r->expect) {
        return ccex_csv_fail(r, err, end_line, end_col,
                             "record has %lu fields but the header has %lu",
                             (unsigned long)r->nfields, (unsigned long)r->expect);
    }
    return 1;
}

int ccex_csv_header(ccex_csv *r, const ccex_column *cols, size_t ncols, long *out_field,
                    ccex_err *err)
{
    size_t i, k;
    int rc = ccex_csv_next(r, err);
    if (rc < 0)
        return rc;
    if (rc == 0)
        return ccex_csv_fail(r, err, r->line, r->col,
                             "empty file: expected a header row naming the columns");
    for (k = 0; k < ncols; k++)
        out_field[k] = -1;
    for (i = 0; i < r->nfields; i++) {
        const ccex_field *f = &r->fields[i];
        const char *s;
        size_t n;
        ccex_field_trim(f, &s, &n);
        if (n == 0)
            return ccex_csv_fail(r, err, f->line, f->column, "empty column name in the header");
        for (k = 0; k < ncols; k++)
            if (strlen(cols[k].name) == n && memcmp(cols[k].name, s, n) == 0)
                break;
        if (k == ncols) {
            char known[300];
            size_t used = 0;
            known[0] = '\0';
            for (k = 0; k < ncols && used < sizeof known; k++) {
                int w = snprintf(known + used, sizeof known - used, "%s%s", k ? ", " : "",
                                 cols[k].name);
                if (w < 0)
                    break;
                used += (size_t)w;
            }
            return ccex_csv_fail(r, err, f->line, f->column,
                                 "unknown column '%.*s'; known columns: %s", CCEX_SHOW(n), s,
                                 known);
        }
        if (out_field[k] >= 0)
            return ccex_csv_fail(r, err, f->line, f->column,
                                 "column '%s' appears twice (first at column %lu)", cols[k].name,
                                 r->fields[out_field[k]].column);
        out_field[k] = (long)i;
    }
    for (k = 0; k < ncols; k++)
        if (cols[k].required && out_field[k] < 0)
            return ccex_csv_fail(r, err, r->rec_line, 1, "missing required column '%s'",
                                 cols[k].name);
    return CCEX_OK;
}
