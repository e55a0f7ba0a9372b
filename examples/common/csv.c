/* csv.c - RFC 4180 reader and customers loader for the example programs.
 * See csv.h for the contract. Plain C99; no POSIX needed. */
#include "csv.h"
#include "utf8.h"
#include "calendar.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ====================================================================== */
/* Small helpers */

static void set_msg(ccex_err *err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void set_msg(ccex_err *err, const char *fmt, ...)
{
    va_list ap;
    if (err == NULL)
        return;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
}

/* Grows *buf (element size elem) to hold at least need elements. */
static int grow(void **buf, size_t *cap, size_t need, size_t elem)
{
    size_t n = *cap ? *cap : 16;
    void *p;
    if (need <= *cap)
        return 0;
    while (n < need) {
        if (n > ((size_t)-1) / 2 / elem)
            return -1;
        n *= 2;
    }
    p = realloc(*buf, n * elem);
    if (p == NULL)
        return -1;
    *buf = p;
    *cap = n;
    return 0;
}

static int is_blank(char c) { return c == ' ' || c == '\t'; }

static char lower(char c) { return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c; }

/* Case-insensitive comparison of [s, s+n) with the NUL-terminated word. */
static int word_eq(const char *s, size_t n, const char *word)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (word[i] == '\0' || lower(s[i]) != lower(word[i]))
            return 0;
    return word[n] == '\0';
}

/* The field without leading and trailing blanks. */
static void trimmed(const ccex_field *f, const char **s, size_t *n)
{
    const char *a = f->text, *b = f->text + f->len;
    while (a < b && is_blank(*a))
        a++;
    while (b > a && is_blank(b[-1]))
        b--;
    *s = a;
    *n = (size_t)(b - a);
}

/* At most 40 bytes of a value, for messages. */
#define SHOW(n) ((int)((n) > 40 ? 40 : (n)))

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
        set_msg(err, "%s: cannot open: %s", path, strerror(errno));
        return CCEX_EINPUT;
    }
    for (;;) {
        size_t got;
        if (grow((void **)&buf, &cap, len + 4096 + 1, 1) != 0) {
            free(buf);
            fclose(fp);
            set_msg(err, "%s: out of memory", path);
            return CCEX_ENOMEM;
        }
        got = fread(buf + len, 1, cap - len - 1, fp);
        len += got;
        if (got == 0)
            break;
    }
    if (ferror(fp)) {
        set_msg(err, "%s: read error: %s", path, strerror(errno));
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
        set_msg(err, "%s: out of memory", name);
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

int ccex_csv_open_mem(ccex_csv **out, const char *name, const char *data, size_t len,
                      ccex_err *err)
{
    char *copy;
    *out = NULL;
    copy = malloc(len + 1);
    if (copy == NULL) {
        set_msg(err, "%s: out of memory", name);
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
    set_msg(err, "%.100s:%lu:%lu: %s", r->name, line, column, what);
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
    if (grow((void **)&r->buf, &r->buf_cap, r->buf_len + 1, 1) != 0)
        return -1;
    r->buf[r->buf_len++] = c;
    return 0;
}

static int nomem(const ccex_csv *r, ccex_err *err)
{
    set_msg(err, "%s: out of memory", r->name);
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
                        return nomem(r, err);
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
                return nomem(r, err);
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
            return nomem(r, err);
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
        if (grow((void **)&r->fields, &r->fields_cap, r->nfields + 1, sizeof *r->fields) != 0 ||
            grow((void **)&r->offs, &r->offs_cap, r->nfields + 1, sizeof *r->offs) != 0)
            return nomem(r, err);
        r->offs[r->nfields] = r->buf_len;
        if ((rc = read_field(r, err, &f)) != CCEX_OK)
            return rc;
        f.len = r->buf_len - r->offs[r->nfields];
        if (put(r, '\0') != 0)
            return nomem(r, err);
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
        trimmed(f, &s, &n);
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
                                 "unknown column '%.*s'; known columns: %s", SHOW(n), s, known);
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

/* ====================================================================== */
/* Typed cells */

int ccex_field_blank(const ccex_field *f)
{
    const char *s;
    size_t n;
    trimmed(f, &s, &n);
    return n == 0;
}

#define MONEY_MAX INT64_C(1000000000000000) /* 10^15 minor units, as the rules allow */

int ccex_parse_money(const ccex_csv *r, const ccex_field *f, const char *column, int64_t *out,
                     ccex_err *err)
{
    const char *s;
    size_t n, i = 0, decimals = 0;
    int64_t v = 0;
    int dot = 0;
    trimmed(f, &s, &n);
    if (n > 0 && s[0] == '-')
        return ccex_csv_fail(r, err, f->line, f->column, "%s: negative amount '%.*s'", column,
                             SHOW(n), s);
    if (n == 0 || s[0] < '0' || s[0] > '9')
        goto junk;
    for (i = 0; i < n; i++) {
        char c = s[i];
        if (c == '.' && !dot) {
            dot = 1;
            continue;
        }
        if (c < '0' || c > '9')
            goto junk;
        if (dot && ++decimals > 2)
            return ccex_csv_fail(r, err, f->line, f->column,
                                 "%s: '%.*s' has more than two decimals", column, SHOW(n), s);
        if (v > (MONEY_MAX - (c - '0')) / 10)
            return ccex_csv_fail(r, err, f->line, f->column, "%s: amount '%.*s' is too large",
                                 column, SHOW(n), s);
        v = v * 10 + (c - '0');
    }
    if (dot && decimals == 0)
        goto junk;
    for (; decimals < 2; decimals++) {
        if (v > MONEY_MAX / 10)
            return ccex_csv_fail(r, err, f->line, f->column, "%s: amount '%.*s' is too large",
                                 column, SHOW(n), s);
        v *= 10;
    }
    *out = v;
    return CCEX_OK;
junk:
    return ccex_csv_fail(r, err, f->line, f->column,
                         "%s: '%.*s' is not an amount (write it like 1234.56: digits, at most "
                         "two decimals, no sign or separators)",
                         column, SHOW(n), s);
}

int ccex_parse_date(const ccex_csv *r, const ccex_field *f, const char *column, int32_t *out,
                    ccex_err *err)
{
    const char *s;
    size_t n;
    int rc;
    trimmed(f, &s, &n);
    rc = ccad_date_parse(out, s, n);
    if (rc == CCAD_ERANGE)
        return ccex_csv_fail(r, err, f->line, f->column, "%s: %.*s is not a day of the calendar",
                             column, SHOW(n), s);
    if (rc != CCAD_OK)
        return ccex_csv_fail(r, err, f->line, f->column,
                             "%s: '%.*s' is not a date (write it as YYYY-MM-DD)", column, SHOW(n),
                             s);
    return CCEX_OK;
}

int ccex_parse_count(const ccex_csv *r, const ccex_field *f, const char *column, uint32_t max,
                     uint32_t *out, ccex_err *err)
{
    const char *s;
    size_t n, i;
    uint32_t v = 0;
    trimmed(f, &s, &n);
    if (n == 0)
        goto junk;
    for (i = 0; i < n; i++) {
        uint32_t d;
        if (s[i] < '0' || s[i] > '9')
            goto junk;
        d = (uint32_t)(s[i] - '0');
        if (v > (max - d) / 10)
            return ccex_csv_fail(r, err, f->line, f->column, "%s: %.*s is above %lu", column,
                                 SHOW(n), s, (unsigned long)max);
        v = v * 10 + d;
    }
    *out = v;
    return CCEX_OK;
junk:
    return ccex_csv_fail(r, err, f->line, f->column,
                         "%s: '%.*s' is not a count (digits only)", column, SHOW(n), s);
}

int ccex_parse_real(const ccex_csv *r, const ccex_field *f, const char *column, double lo,
                    double hi, double *out, ccex_err *err)
{
    const char *s;
    size_t n, i;
    char tmp[64], *end;
    double v;
    trimmed(f, &s, &n);
    if (n == 0 || n >= sizeof tmp)
        goto junk;
    for (i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == '-' || s[i] == '+' ||
              s[i] == 'e' || s[i] == 'E'))
            goto junk;
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    errno = 0;
    v = strtod(tmp, &end);
    if (end != tmp + n || errno != 0 || !isfinite(v))
        goto junk;
    if (v < lo || v > hi)
        return ccex_csv_fail(r, err, f->line, f->column, "%s: %.*s is outside %g..%g", column,
                             SHOW(n), s, lo, hi);
    *out = v;
    return CCEX_OK;
junk:
    return ccex_csv_fail(r, err, f->line, f->column, "%s: '%.*s' is not a number", column,
                         SHOW(n), s);
}

/* ====================================================================== */
/* The customers loader */

enum col {
    C_ID, C_NAME, C_VALUE, C_GRADE, C_PURCHASE, C_VOLUME, C_MARGIN, C_CAPABLE, C_LAT, C_LON,
    C_STATUS, C_LAST, C_CONTACTS, C_NOPROG, C_COMPLAINT, C_COMPLAINT_DATE, C_VISIT_DAYS,
    C_VISIT_HOURS, C_NEXT_STEP, C_REQUEST, C_OWNED, C_LAST_VISIT, C_OWNER,
    C__COUNT
};

static const ccex_column customer_cols[C__COUNT] = {
    {"id", 1},           {"name", 0},         {"value", 0},      {"grade", 0},
    {"purchase_date", 0}, {"monthly_volume", 0}, {"margin_pct", 0}, {"capable", 0},
    {"lat", 0},          {"lon", 0},          {"status", 0},     {"last_contact", 0},
    {"contacts", 0},     {"no_progress", 0},  {"complaint", 0},  {"complaint_date", 0},
    {"visit_days", 0},   {"visit_hours", 0},  {"next_step", 0},  {"request_date", 0},
    {"owned_since", 0},  {"last_visit", 0}, {"owner", 0},
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

static int parse_keyword(const ccex_csv *r, ccex_err *err, const ccex_field *f,
                         const char *column, const char *const *words, const int *values,
                         size_t nwords, const char *expect, int *out)
{
    const char *s;
    size_t n, i;
    trimmed(f, &s, &n);
    for (i = 0; i < nwords; i++)
        if (word_eq(s, n, words[i])) {
            *out = values[i];
            return CCEX_OK;
        }
    return ccex_csv_fail(r, err, f->line, f->column, "%s: '%.*s' is not one of %s",
                         column, SHOW(n), s, expect);
}

static int parse_visit_days(const struct loader *L, const ccex_field *f, uint32_t *out)
{
    static const char *const names[7][2] = {
        {"mon", "monday"},   {"tue", "tuesday"}, {"wed", "wednesday"}, {"thu", "thursday"},
        {"fri", "friday"},   {"sat", "saturday"}, {"sun", "sunday"},
    };
    const char *s, *e;
    size_t n;
    uint32_t mask = 0;
    trimmed(f, &s, &n);
    e = s + n;
    while (s < e) {
        const char *w = s;
        size_t len;
        int d;
        while (s < e && !is_blank(*s) && *s != ',' && *s != ';')
            s++;
        len = (size_t)(s - w);
        for (d = 0; d < 7; d++)
            if (word_eq(w, len, names[d][0]) || word_eq(w, len, names[d][1]))
                break;
        if (d == 7 || len == 0)
            return ccex_csv_fail(L->r, L->err, f->line, f->column,
                                 "visit_days: '%.*s' is not a weekday (use Mon Tue Wed Thu Fri "
                                 "Sat Sun, separated by spaces)",
                                 SHOW(len), w);
        mask |= 1u << d;
        while (s < e && (is_blank(*s) || *s == ',' || *s == ';'))
            s++;
    }
    *out = mask;
    return CCEX_OK;
}

/* Fills c from the current record (every field except the id). */
static int fill_customer(const struct loader *L, ccad_customer *c)
{
    static const char *const grade_w[] = {"A", "B", "C", "D"};
    static const int grade_v[] = {CCAD_GRADE_A, CCAD_GRADE_B, CCAD_GRADE_C, CCAD_GRADE_D};
    static const char *const status_w[] = {"prospect", "active", "key", "released", "eliminated"};
    static const int status_v[] = {CCAD_STATUS_PROSPECT, CCAD_STATUS_ACTIVE, CCAD_STATUS_KEY,
                                   CCAD_STATUS_RELEASED, CCAD_STATUS_ELIMINATED};
    static const char *const compl_w[] = {"none", "open", "resolved"};
    static const int compl_v[] = {CCAD_COMPLAINT_NONE, CCAD_COMPLAINT_OPEN,
                                  CCAD_COMPLAINT_RESOLVED};
    static const char *const cap_w[] = {"1", "0"};
    static const int cap_v[] = {1, 0};
    ccex_csv *r = L->r;
    ccex_err *err = L->err;
    const ccex_field *f;
    int rc = CCEX_OK, contacts_given = 0;

#define TRY(x)                                                                                 \
    do {                                                                                       \
        if ((rc = (x)) != CCEX_OK)                                                             \
            return rc;                                                                         \
    } while (0)
    if ((f = cell(L, C_VALUE)) != NULL)
        TRY(ccex_parse_money(r, f, "value", &c->value, err));
    if ((f = cell(L, C_GRADE)) != NULL)
        TRY(parse_keyword(r, err, f, "grade", grade_w, grade_v, 4,
                          "A, B, C, D (empty = computed)", &c->grade));
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
        TRY(parse_keyword(r, err, f, "capable", cap_w, cap_v, 2, "1 or 0", &c->capable));
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
        TRY(parse_keyword(r, err, f, "status", status_w, status_v, 5,
                          "prospect, active, key, released, eliminated", &c->status));
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
        TRY(parse_keyword(r, err, f, "complaint", compl_w, compl_v, 3, "none, open, resolved",
                          &c->complaint));
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
        TRY(parse_visit_days(L, f, &c->visit_days));
    if ((f = cell(L, C_VISIT_HOURS)) != NULL)
        TRY(ccex_parse_hours(r, f, "visit_hours", &c->visit_open_min, &c->visit_close_min, err));
    if ((f = cell(L, C_NEXT_STEP)) != NULL) {
        TRY(ccex_parse_date(r, f, "next_step", &c->next_step_date, err));
        if (c->last_contact != CCAD_NO_DATE && c->next_step_date < c->last_contact)
            return ccex_csv_fail(r, err, f->line, f->column,
                                 "next_step is before last_contact");
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

/* Refuses a field that is not valid UTF-8 (ids and names reach the
 * calendar and the maps, whose formats need it), at the offending byte:
 * "file:line:column: COLUMN: invalid UTF-8 (byte 0xNN)". The position is
 * counted through the field's source text (opening quote, doubled quotes,
 * line breaks inside quotes). */
static int check_utf8(const ccex_csv *r, ccex_err *err, const ccex_field *f, const char *column)
{
    size_t bad = 0, i;
    unsigned long line = f->line, col = f->column;
    if (ccex_utf8_valid(f->text, f->len, &bad))
        return CCEX_OK;
    if (f->quoted)
        col++;
    for (i = 0; i < bad; i++) {
        if (f->text[i] == '\n') {
            line++;
            col = 1;
        } else {
            col += f->quoted && f->text[i] == '"' ? 2 : 1;
        }
    }
    return ccex_csv_fail(r, err, line, col, "%s: invalid UTF-8 (byte 0x%02X)", column,
                         (unsigned)(unsigned char)f->text[bad]);
}

static int add_name(ccex_customers *out, size_t *names_len, size_t *names_cap,
                    size_t *at_cap, size_t index, const char *s, size_t n)
{
    if (grow((void **)&out->name_at, at_cap, index + 1, sizeof *out->name_at) != 0 ||
        grow((void **)&out->names, names_cap, *names_len + n + 1, 1) != 0)
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
    if (grow((void **)&out->owner_at, owner_cap, index + 1, sizeof *out->owner_at) != 0)
        return nomem(L->r, L->err);
    out->owner_at[index] = (size_t)-1;
    if (f == NULL)
        return 0;
    if (check_utf8(L->r, L->err, f, "owner") != CCEX_OK)
        return CCEX_EINPUT;
    trimmed(f, &s, &n);
    if (grow((void **)&out->names, names_cap, *names_len + n + 1, 1) != 0)
        return nomem(L->r, L->err);
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
        set_msg(err, "%s: %s", path, ccad_ctx_errmsg(ctx));
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
        if ((rc = check_utf8(L.r, err, idf, "id")) != CCEX_OK)
            goto fail;
        trimmed(idf, &s, &n);
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
            set_msg(err, "%s: out of memory", path);
            rc = CCEX_ENOMEM;
            goto fail;
        }
        if (rc != CCAD_OK) {
            /* Checks the loader does not repeat: the library's own message. */
            rc = ccex_csv_fail(L.r, err, ccex_csv_line(L.r), 1, "customer '%s' refused: %s", id,
                               ccad_ctx_errmsg(ctx));
            goto fail;
        }
        if (grow((void **)&line_of, &lines_cap, index + 1, sizeof *line_of) != 0) {
            rc = nomem(L.r, err);
            goto fail;
        }
        line_of[index] = ccex_csv_line(L.r);
        if (L.map[C_NAME] >= 0) {
            const ccex_field *nf = ccex_csv_field(L.r, (size_t)L.map[C_NAME]);
            if ((rc = check_utf8(L.r, err, nf, "name")) != CCEX_OK)
                goto fail;
            s = nf->text;
            n = nf->len;
        } else {
            s = "";
            n = 0;
        }
        if (add_name(&res, &names_len, &names_cap, &at_cap, index, s, n) != 0) {
            rc = nomem(L.r, err);
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

/* ====================================================================== */
/* The contacts loader */

enum ccol { K_CUSTOMER, K_DATE, K_KIND, K_OUTCOME, K_RECORD, K_NEXT, K__COUNT };

static const ccex_column contact_cols[K__COUNT] = {
    {"customer_id", 1}, {"date", 1}, {"kind", 0}, {"outcome", 0}, {"record", 0}, {"next_date", 0},
};

/* One validated row, applied once the whole file has been read. */
struct contact_row {
    size_t index;
    ccad_contact contact;
    unsigned long line;
};

int ccex_load_contacts(ccex_customers *cs, ccad_ctx *ctx, const char *path, size_t *out_count,
                       ccex_err *err)
{
    static const char *const kind_w[] = {"visit", "call", "message", "email", "other"};
    static const int kind_v[] = {CCAD_CONTACT_VISIT, CCAD_CONTACT_CALL, CCAD_CONTACT_MESSAGE,
                                 CCAD_CONTACT_EMAIL, CCAD_CONTACT_OTHER};
    static const char *const out_w[] = {"progress", "no_progress", "order", "complaint_opened",
                                        "complaint_resolved"};
    static const int out_v[] = {CCAD_OUTCOME_PROGRESS, CCAD_OUTCOME_NO_PROGRESS,
                                CCAD_OUTCOME_ORDER, CCAD_OUTCOME_COMPLAINT_OPENED,
                                CCAD_OUTCOME_COMPLAINT_RESOLVED};
    static const char *const rec_w[] = {"1", "0"};
    static const int rec_v[] = {1, 0};
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
        if ((rc = check_utf8(r, err, f, "customer_id")) != CCEX_OK)
            goto done;
        trimmed(f, &s, &len);
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
            (rc = parse_keyword(r, err, f, "kind", kind_w, kind_v, 5,
                                "visit, call, message, email, other", &c.kind)) != CCEX_OK)
            goto done;
        if (map[K_OUTCOME] >= 0 &&
            !ccex_field_blank(f = ccex_csv_field(r, (size_t)map[K_OUTCOME])) &&
            (rc = parse_keyword(r, err, f, "outcome", out_w, out_v, 5,
                                "progress, no_progress, order, complaint_opened, "
                                "complaint_resolved",
                                &c.outcome)) != CCEX_OK)
            goto done;
        if (map[K_RECORD] >= 0 &&
            !ccex_field_blank(f = ccex_csv_field(r, (size_t)map[K_RECORD])) &&
            (rc = parse_keyword(r, err, f, "record", rec_w, rec_v, 2, "1 or 0", &c.recorded)) !=
                CCEX_OK)
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
        if (grow((void **)&rows, &cap, n + 1, sizeof *rows) != 0) {
            rc = nomem(r, err);
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
            rc = rc == CCAD_ENOMEM ? nomem(r, err)
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
