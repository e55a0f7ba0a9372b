/* calendar.c - times of day, visit hours, date-list files and the calendar
 * callback of the example programs. See calendar.h. Plain C99. */
#include "calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ====================================================================== */
/* Times of day */

static int is_blank(char c) { return c == ' ' || c == '\t'; }

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* [*s, *s + *n) without leading and trailing blanks. */
static void trim(const char **s, size_t *n)
{
    while (*n > 0 && is_blank(**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n > 0 && is_blank((*s)[*n - 1]))
        (*n)--;
}

int ccex_time_parse(const char *s, size_t n, int is_end, int32_t *out_min)
{
    int32_t h, m;
    if (n != 5 || !is_digit(s[0]) || !is_digit(s[1]) || s[2] != ':' || !is_digit(s[3]) ||
        !is_digit(s[4]))
        return CCEX_TIME_FORM;
    h = (s[0] - '0') * 10 + (s[1] - '0');
    m = (s[3] - '0') * 10 + (s[4] - '0');
    if (h > 24)
        return CCEX_TIME_HOUR;
    if (m > 59)
        return CCEX_TIME_MINUTE;
    if (h == 24 && m > 0)
        return CCEX_TIME_PAST_24;
    if (h == 24 && !is_end)
        return CCEX_TIME_24_START;
    *out_min = h * 60 + m;
    return CCEX_TIME_OK;
}

const char *ccex_time_error_text(int error)
{
    switch (error) {
    case CCEX_TIME_OK: return "is a time";
    case CCEX_TIME_HOUR: return "has an hour above 24";
    case CCEX_TIME_MINUTE: return "has minutes above 59";
    case CCEX_TIME_PAST_24: return "is past 24:00";
    case CCEX_TIME_24_START: return "is the end of the day (24:00 can only end a span)";
    default: return "is not a time (HH:MM, such as 09:30)";
    }
}

int ccex_parse_hours(const ccex_csv *r, const ccex_field *f, const char *column, int32_t *out_open,
                     int32_t *out_close, ccex_err *err)
{
    const char *s = f->text, *dash;
    size_t n = f->len, n1, n2;
    const char *t2;
    int32_t open = 0, close = 0;
    int e;
    trim(&s, &n);
    dash = memchr(s, '-', n);
    if (dash == NULL)
        return ccex_csv_fail(r, err, f->line, f->column,
                             "%s: '%.*s' is not HH:MM-HH:MM (such as 09:00-12:00; empty = any "
                             "time)",
                             column, (int)(n > 40 ? 40 : n), s);
    n1 = (size_t)(dash - s);
    t2 = dash + 1;
    n2 = n - n1 - 1;
    trim(&s, &n1);
    trim(&t2, &n2);
    if ((e = ccex_time_parse(s, n1, 0, &open)) != CCEX_TIME_OK)
        return ccex_csv_fail(r, err, f->line, f->column, "%s: opening time '%.*s' %s", column,
                             (int)(n1 > 20 ? 20 : n1), s, ccex_time_error_text(e));
    if ((e = ccex_time_parse(t2, n2, 1, &close)) != CCEX_TIME_OK)
        return ccex_csv_fail(r, err, f->line, f->column, "%s: closing time '%.*s' %s", column,
                             (int)(n2 > 20 ? 20 : n2), t2, ccex_time_error_text(e));
    if (close <= open)
        return ccex_csv_fail(r, err, f->line, f->column,
                             "%s: closes at %.*s, not after it opens at %.*s", column, (int)n2, t2,
                             (int)n1, s);
    *out_open = open;
    *out_close = close;
    return CCEX_OK;
}

/* ====================================================================== */
/* Date-list files */

static int day_cmp(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

/* The first control character (C0 but TAB, or DEL) of the date or of the
 * text after it, [s, e) up to a comment, or NULL: named by its code, since
 * quoted it would not show (a NUL would even end the message). */
static const char *control_char(const char *s, const char *e)
{
    for (; s < e && *s != '#'; s++)
        if (((unsigned char)*s < 0x20 && *s != '\t') || *s == 0x7F)
            return s;
    return NULL;
}

/* Parses one line [s, e) (line number @p line) and appends its date, if
 * any, to *days. Returns CCEX_OK, CCEX_EINPUT or CCEX_ENOMEM. */
static int date_line(const char *path, unsigned long line, const char *s, const char *e,
                     int32_t **days, size_t *count, size_t *cap, ccex_err *err)
{
    const char *start = s, *w;
    size_t n;
    int32_t day;
    int rc;
    while (s < e && is_blank(*s))
        s++;
    if (s == e || *s == '#')
        return CCEX_OK;
    w = s;
    if ((s = control_char(w, e)) != NULL) {
        snprintf(err->msg, sizeof err->msg,
                 "%.200s:%lu:%lu: control character 0x%02X in the line (write one YYYY-MM-DD "
                 "a line)",
                 path, line, (unsigned long)(s - start + 1), (unsigned)(unsigned char)*s);
        return CCEX_EINPUT;
    }
    s = w;
    while (s < e && !is_blank(*s) && *s != '#')
        s++;
    n = (size_t)(s - w);
    rc = ccad_date_parse(&day, w, n);
    if (rc == CCAD_ERANGE)
        goto range;
    if (rc != CCAD_OK)
        goto form;
    while (s < e && is_blank(*s))
        s++;
    if (s < e && *s != '#') {
        snprintf(err->msg, sizeof err->msg,
                 "%.200s:%lu:%lu: unexpected '%.*s' after the date (one date a line; a "
                 "comment starts with #)",
                 path, line, (unsigned long)(s - start + 1), (int)(e - s > 20 ? 20 : e - s), s);
        return CCEX_EINPUT;
    }
    if (*count == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        int32_t *p = realloc(*days, nc * sizeof *p);
        if (p == NULL) {
            snprintf(err->msg, sizeof err->msg, "%.200s: out of memory", path);
            return CCEX_ENOMEM;
        }
        *days = p;
        *cap = nc;
    }
    (*days)[(*count)++] = day;
    return CCEX_OK;
range:
    snprintf(err->msg, sizeof err->msg, "%.200s:%lu:%lu: %.*s is not a day of the calendar", path,
             line, (unsigned long)(w - start + 1), (int)(n > 40 ? 40 : n), w);
    return CCEX_EINPUT;
form:
    snprintf(err->msg, sizeof err->msg,
             "%.200s:%lu:%lu: '%.*s' is not a date (write one YYYY-MM-DD a line)", path, line,
             (unsigned long)(w - start + 1), (int)(n > 40 ? 40 : n), w);
    return CCEX_EINPUT;
}

int ccex_load_dates(ccex_dates *out, const char *path, ccex_err *err)
{
    char *text;
    const char *s, *end;
    size_t len, count = 0, cap = 0, i, k;
    int32_t *days = NULL;
    unsigned long line = 1;
    int rc;

    memset(out, 0, sizeof *out);
    if ((rc = ccex_read_file(&text, &len, path, err)) != CCEX_OK)
        return rc;
    s = text;
    end = text + len;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        s += 3;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *e = nl != NULL ? nl : end;
        if (e > s && e[-1] == '\r')
            e--;
        if ((rc = date_line(path, line, s, e, &days, &count, &cap, err)) != CCEX_OK) {
            free(days);
            free(text);
            return rc;
        }
        s = nl != NULL ? nl + 1 : end;
        line++;
    }
    free(text);
    if (count > 1)
        qsort(days, count, sizeof *days, day_cmp);
    for (i = k = 0; i < count; i++)
        if (k == 0 || days[k - 1] != days[i])
            days[k++] = days[i];
    out->path = path;
    out->days = days;
    out->count = k;
    return CCEX_OK;
}

int ccex_dates_has(const ccex_dates *d, int32_t day)
{
    size_t lo = 0, hi = d->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->days[mid] == day)
            return 1;
        if (d->days[mid] < day)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

void ccex_dates_free(ccex_dates *d)
{
    if (d == NULL)
        return;
    free(d->days);
    memset(d, 0, sizeof *d);
}

/* ====================================================================== */
/* The calendar */

int ccex_calendar_load(ccex_calendar *cal, const char *holidays, const char *absent,
                       const char *special, ccex_err *err)
{
    const char *paths[3];
    ccex_dates *lists[3];
    int k, rc;
    paths[0] = holidays;
    paths[1] = absent;
    paths[2] = special;
    lists[0] = &cal->holidays;
    lists[1] = &cal->absent;
    lists[2] = &cal->special;
    memset(cal, 0, sizeof *cal);
    for (k = 0; k < 3; k++) {
        if (paths[k] == NULL)
            continue;
        if ((rc = ccex_load_dates(lists[k], paths[k], err)) != CCEX_OK) {
            ccex_calendar_free(cal);
            return rc;
        }
    }
    return CCEX_OK;
}

void ccex_calendar_free(ccex_calendar *cal)
{
    if (cal == NULL)
        return;
    ccex_dates_free(&cal->holidays);
    ccex_dates_free(&cal->absent);
    ccex_dates_free(&cal->special);
}

int ccex_calendar_flags(void *user, int32_t day, uint32_t *out_flags)
{
    const ccex_calendar *cal = user;
    uint32_t flags = 0;
    int wd = 0;
    if (ccad_date_weekday(&wd, day) != CCAD_OK)
        return -1;
    if (wd <= 5)
        flags |= CCAD_DAY_WORKING;
    if (cal != NULL) {
        if (ccex_dates_has(&cal->holidays, day))
            flags = (flags & ~(uint32_t)CCAD_DAY_WORKING) | CCAD_DAY_HOLIDAY;
        if ((flags & CCAD_DAY_WORKING) && ccex_dates_has(&cal->absent, day))
            flags |= CCAD_DAY_ABSENT;
        if (ccex_dates_has(&cal->special, day))
            flags |= CCAD_DAY_SPECIAL;
    }
    *out_flags = flags;
    return 0;
}
