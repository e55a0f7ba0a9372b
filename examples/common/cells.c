/* cells.c - typed cells of a CSV record: amounts, dates, counts, numbers,
 * the library's names, flags, weekdays and UTF-8 text. See cells.h. */
#include "cells.h"
#include "utf8.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

int ccex_field_blank(const ccex_field *f)
{
    const char *s;
    size_t n;
    ccex_field_trim(f, &s, &n);
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
    ccex_field_trim(f, &s, &n);
    if (n > 0 && s[0] == '-')
        return ccex_csv_fail(r, err, f->line, f->column, "%s: negative amount '%.*s'", column,
                             CCEX_SHOW(n), s);
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
                                 "%s: '%.*s' has more than two decimals", column, CCEX_SHOW(n), s);
        if (v > (MONEY_MAX - (c - '0')) / 10)
            return ccex_csv_fail(r, err, f->line, f->column, "%s: amount '%.*s' is too large",
                                 column, CCEX_SHOW(n), s);
        v = v * 10 + (c - '0');
    }
    if (dot && decimals == 0)
        goto junk;
    for (; decimals < 2; decimals++) {
        if (v > MONEY_MAX / 10)
            return ccex_csv_fail(r, err, f->line, f->column, "%s: amount '%.*s' is too large",
                                 column, CCEX_SHOW(n), s);
        v *= 10;
    }
    *out = v;
    return CCEX_OK;
junk:
    return ccex_csv_fail(r, err, f->line, f->column,
                         "%s: '%.*s' is not an amount (write it like 1234.56: digits, at most "
                         "two decimals, no sign or separators)",
                         column, CCEX_SHOW(n), s);
}

int ccex_parse_date(const ccex_csv *r, const ccex_field *f, const char *column, int32_t *out,
                    ccex_err *err)
{
    const char *s;
    size_t n;
    int rc;
    ccex_field_trim(f, &s, &n);
    rc = ccad_date_parse(out, s, n);
    if (rc == CCAD_ERANGE)
        return ccex_csv_fail(r, err, f->line, f->column, "%s: %.*s is not a day of the calendar",
                             column, CCEX_SHOW(n), s);
    if (rc != CCAD_OK)
        return ccex_csv_fail(r, err, f->line, f->column,
                             "%s: '%.*s' is not a date (write it as YYYY-MM-DD)", column,
                             CCEX_SHOW(n), s);
    return CCEX_OK;
}

int ccex_parse_count(const ccex_csv *r, const ccex_field *f, const char *column, uint32_t max,
                     uint32_t *out, ccex_err *err)
{
    const char *s;
    size_t n, i;
    uint32_t v = 0;
    ccex_field_trim(f, &s, &n);
    if (n == 0)
        goto junk;
    for (i = 0; i < n; i++) {
        uint32_t d;
        if (s[i] < '0' || s[i] > '9')
            goto junk;
        d = (uint32_t)(s[i] - '0');
        if (v > (max - d) / 10)
            return ccex_csv_fail(r, err, f->line, f->column, "%s: %.*s is above %lu", column,
                                 CCEX_SHOW(n), s, (unsigned long)max);
        v = v * 10 + d;
    }
    *out = v;
    return CCEX_OK;
junk:
    return ccex_csv_fail(r, err, f->line, f->column, "%s: '%.*s' is not a count (digits only)",
                         column, CCEX_SHOW(n), s);
}

int ccex_parse_real(const ccex_csv *r, const ccex_field *f, const char *column, double lo,
                    double hi, double *out, ccex_err *err)
{
    const char *s;
    size_t n, i;
    char tmp[64], *end;
    double v;
    ccex_field_trim(f, &s, &n);
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
                             CCEX_SHOW(n), s, lo, hi);
    *out = v;
    return CCEX_OK;
junk:
    return ccex_csv_fail(r, err, f->line, f->column, "%s: '%.*s' is not a number", column,
                         CCEX_SHOW(n), s);
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

/* The value named [s, s+n) in English (ccad_name_parse() also knows the
 * names of the other languages; the files of the programs use the English
 * ones, the identifiers of docs/cli.md). 0 if it names none. */
static int english_name(int kind, const char *s, size_t n, int *out)
{
    int value;
    const char *name;
    if (ccad_name_parse(&value, kind, s, n) != CCAD_OK)
        return 0;
    name = ccad_name(kind, value);
    if (strcmp(name, "-") == 0 || !word_eq(s, n, name))
        return 0;
    *out = value;
    return 1;
}

int ccex_parse_name(const ccex_csv *r, const ccex_field *f, const char *column, int kind,
                    const char *expect, int *out, ccex_err *err)
{
    const char *s;
    size_t n;
    ccex_field_trim(f, &s, &n);
    if (english_name(kind, s, n, out))
        return CCEX_OK;
    return ccex_csv_fail(r, err, f->line, f->column, "%s: '%.*s' is not one of %s", column,
                         CCEX_SHOW(n), s, expect);
}

int ccex_parse_flag(const ccex_csv *r, const ccex_field *f, const char *column, int *out,
                    ccex_err *err)
{
    const char *s;
    size_t n;
    ccex_field_trim(f, &s, &n);
    if (n == 1 && (s[0] == '1' || s[0] == '0')) {
        *out = s[0] == '1';
        return CCEX_OK;
    }
    return ccex_csv_fail(r, err, f->line, f->column, "%s: '%.*s' is not one of 1 or 0", column,
                         CCEX_SHOW(n), s);
}

/* The ISO weekday (1..7) named [w, w+len): the library's short name, or
 * the name written out (which the library does not provide). 0 if none. */
static int weekday_of(const char *w, size_t len)
{
    static const char *const long_names[7] = {"monday", "tuesday",  "wednesday", "thursday",
                                              "friday", "saturday", "sunday"};
    int d;
    if (len > 0 && english_name(CCAD_NAME_WEEKDAY, w, len, &d))
        return d;
    for (d = 0; d < 7; d++)
        if (word_eq(w, len, long_names[d]))
            return d + 1;
    return 0;
}

int ccex_parse_weekdays(const ccex_csv *r, const ccex_field *f, const char *column, uint32_t *out,
                        ccex_err *err)
{
    const char *s, *e;
    size_t n;
    uint32_t mask = 0;
    ccex_field_trim(f, &s, &n);
    e = s + n;
    while (s < e) {
        const char *w = s;
        size_t len;
        int day;
        while (s < e && !is_blank(*s) && *s != ',' && *s != ';')
            s++;
        len = (size_t)(s - w);
        day = weekday_of(w, len);
        if (day == 0)
            return ccex_csv_fail(r, err, f->line, f->column,
                                 "%s: '%.*s' is not a weekday (use Mon Tue Wed Thu Fri "
                                 "Sat Sun, separated by spaces)",
                                 column, CCEX_SHOW(len), w);
        mask |= 1u << (day - 1);
        while (s < e && (is_blank(*s) || *s == ',' || *s == ';'))
            s++;
    }
    *out = mask;
    return CCEX_OK;
}

/* The position is counted through the field's source text (opening quote,
 * doubled quotes, line breaks inside quotes). */
int ccex_check_utf8(const ccex_csv *r, const ccex_field *f, const char *column, ccex_err *err)
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
