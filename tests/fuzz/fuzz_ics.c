/* fuzz_ics.c - the iCalendar writer of ccad-ics (examples/common/ics.c).
 *
 * The input decodes into one day of 1..6 stops whose ids and names hold any
 * bytes (writer_input.h). The calendar is written to memory and checked:
 *   - its size is bounded (CCEX_ICS_LINE_MAX per property line, folded);
 *   - every line ends in CRLF, no other CR or LF, at most 75 octets, each
 *     physical line valid UTF-8 on its own (a fold never splits a
 *     character), no control character, continuation lines start with a
 *     space;
 *   - unfolded, every content line is NAME:VALUE with NAME in [A-Z-], or
 *     NAME;LANGUAGE=zh-Hans:VALUE (or zh-Hant) for the Chinese texts (the
 *     language is the input's size % 3);
 *     BEGIN/END nest as VCALENDAR > VEVENT > VALARM, one VEVENT per stop;
 *   - in UID, SUMMARY, DESCRIPTION, LOCATION and CATEGORIES every backslash
 *     starts an escape (\\ \; \, \n) and no ';' is unescaped (nor ',' but
 *     in CATEGORIES, a list).
 * Then ccex_ics_fold on the raw input (any bytes, no CR): it ends, every
 * line is at most 75 octets, and unfolding gives the input back. */
#define _POSIX_C_SOURCE 200809L

#include "writer_input.h"

#include <string.h>

#include "ics.h"

static void check_value(const char *name, const char *v, size_t n)
{
    size_t i;
    int list = strcmp(name, "CATEGORIES") == 0;
    for (i = 0; i < n; i++) {
        if (v[i] == '\\') {
            FUZZ_CHECKF(i + 1 < n && strchr("\\;,nN", v[i + 1]) != NULL, "%s: bad escape at %lu",
                        name, (unsigned long)i);
            i++;
        } else {
            FUZZ_CHECKF(v[i] != ';' && (list || v[i] != ','), "%s: unescaped '%c'", name, v[i]);
        }
    }
}

/* One unfolded content line. */
static void check_content(const char *s, size_t n, int *depth, char stack[3][16], int *events)
{
    size_t k = 0;
    const char *v;
    char name[32];
    while (k < n && ((s[k] >= 'A' && s[k] <= 'Z') || s[k] == '-'))
        k++;
    FUZZ_CHECKF(k > 0 && k < sizeof name && k < n && (s[k] == ':' || s[k] == ';'),
                "content line '%.*s'", (int)(n < 80 ? n : 80), s);
    memcpy(name, s, k);
    name[k] = '\0';
    if (s[k] == ';') { /* the one parameter written: LANGUAGE=zh-Hans or zh-Hant */
        static const char *const params[] = {";LANGUAGE=zh-Hans:", ";LANGUAGE=zh-Hant:"};
        size_t p, len = 0;
        for (p = 0; p < 2 && len == 0; p++)
            if (n - k >= strlen(params[p]) && memcmp(s + k, params[p], strlen(params[p])) == 0)
                len = strlen(params[p]);
        FUZZ_CHECKF(len > 0, "parameter of '%.*s'", (int)(n < 80 ? n : 80), s);
        k += len - 1;
    }
    v = s + k + 1;
    n -= k + 1;
    if (strcmp(name, "BEGIN") == 0) {
        FUZZ_CHECK(*depth < 3 && n < 16);
        FUZZ_CHECK(n == strlen(*depth == 0 ? "VCALENDAR" : *depth == 1 ? "VEVENT" : "VALARM"));
        FUZZ_CHECK(memcmp(v,
                          *depth == 0   ? "VCALENDAR"
                          : *depth == 1 ? "VEVENT"
                                        : "VALARM",
                          n) == 0);
        memcpy(stack[*depth], v, n);
        stack[*depth][n] = '\0';
        (*depth)++;
        if (*depth == 2)
            (*events)++;
    } else if (strcmp(name, "END") == 0) {
        FUZZ_CHECK(*depth > 0 && n == strlen(stack[*depth - 1]) &&
                   memcmp(v, stack[*depth - 1], n) == 0);
        (*depth)--;
    } else {
        FUZZ_CHECKF(*depth > 0, "%s outside VCALENDAR", name);
        if (strcmp(name, "UID") == 0 || strcmp(name, "SUMMARY") == 0 ||
            strcmp(name, "DESCRIPTION") == 0 || strcmp(name, "LOCATION") == 0 ||
            strcmp(name, "CATEGORIES") == 0)
            check_value(name, v, n);
    }
}

static void check_calendar(const char *out, size_t len, size_t stops)
{
    static char unfolded[CCEX_ICS_LINE_MAX + 1];
    char stack[3][16];
    size_t pos = 0, ulen = 0, bad = 0;
    int depth = 0, events = 0, first = 1;

    FUZZ_CHECKF(len < 2048 + stops * 12 * (CCEX_ICS_LINE_MAX + CCEX_ICS_LINE_MAX / 74 * 3 + 4),
                "calendar of %lu bytes", (unsigned long)len);
    FUZZ_CHECK(wi_clean_utf8((const unsigned char *)out, len, "\r\n", &bad));
    while (pos < len) {
        const char *eol = memchr(out + pos, '\r', len - pos);
        size_t n;
        FUZZ_CHECKF(eol != NULL && (size_t)(eol - out) + 1 < len && eol[1] == '\n',
                    "line at %lu does not end in CRLF", (unsigned long)pos);
        n = (size_t)(eol - (out + pos));
        FUZZ_CHECK(memchr(out + pos, '\n', n) == NULL);
        FUZZ_CHECKF(n <= 75, "line of %lu octets", (unsigned long)n);
        FUZZ_CHECKF(ccex_utf8_valid(out + pos, n, &bad), "fold splits a character at %lu",
                    (unsigned long)(pos + bad));
        if (n > 0 && out[pos] == ' ' && !first) { /* a continuation */
            FUZZ_CHECK(ulen + n - 1 <= CCEX_ICS_LINE_MAX);
            memcpy(unfolded + ulen, out + pos + 1, n - 1);
            ulen += n - 1;
        } else {
            if (!first)
                check_content(unfolded, ulen, &depth, stack, &events);
            FUZZ_CHECK(n <= CCEX_ICS_LINE_MAX);
            memcpy(unfolded, out + pos, n);
            ulen = n;
        }
        first = 0;
        pos += n + 2;
    }
    if (!first)
        check_content(unfolded, ulen, &depth, stack, &events);
    FUZZ_CHECK(depth == 0);
    FUZZ_CHECKF((size_t)events == stops, "%d events for %lu stops", events, (unsigned long)stops);
}

/* ccex_ics_fold on raw bytes without CR. */
static void check_fold(const uint8_t *data, size_t size)
{
    char *out = NULL;
    size_t len = 0, pos = 0, got = 0;
    FILE *fp;
    if (memchr(data, '\r', size) != NULL)
        return;
    fp = open_memstream(&out, &len);
    FUZZ_CHECK(fp != NULL);
    ccex_ics_fold(fp, (const char *)data, size);
    FUZZ_CHECK(fclose(fp) == 0);
    FUZZ_CHECK(len <= size + 2 + (size / 71 + 1) * 3);
    while (pos < len) {
        const char *eol = memchr(out + pos, '\r', len - pos);
        size_t n, skip;
        FUZZ_CHECK(eol != NULL && eol[1] == '\n');
        n = (size_t)(eol - (out + pos));
        FUZZ_CHECKF(n <= 75, "raw fold: line of %lu octets", (unsigned long)n);
        skip = pos > 0 ? 1 : 0;
        FUZZ_CHECK(n >= skip && (skip == 0 || out[pos] == ' '));
        FUZZ_CHECK(got + n - skip <= size && memcmp(out + pos + skip, data + got, n - skip) == 0);
        got += n - skip;
        pos += n + 2;
    }
    FUZZ_CHECK(got == size);
    free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_bytes in = {data, size, 0};
    static wi_day d;
    char *out = NULL;
    size_t len = 0, i;
    FILE *fp;

    wi_decode(&in, &d);
    fp = open_memstream(&out, &len);
    FUZZ_CHECK(fp != NULL);
    ccex_ics_begin(fp, (int)(size % CCAD_LANG_COUNT));
    for (i = 0; i < d.n; i++) {
        const wi_stop *s = &d.stops[i];
        ccex_ics_event e;
        memset(&e, 0, sizeof e);
        e.id = s->id;
        e.name = s->name;
        e.date = s->date;
        e.eta_min = s->eta_min;
        e.depart_min = s->depart_min;
        e.reminder_date = s->reminder_date;
        e.day_start_min = d.day_start_min;
        e.seq = s->seq;
        e.travel_min = s->travel_min;
        e.kind = s->kind;
        e.quadrant = s->quadrant;
        e.grade = s->grade;
        e.late = s->late;
        e.has_location = s->has_location;
        e.lat = s->lat;
        e.lon = s->lon;
        e.reasons = s->reasons;
        e.reason_count = s->reason_count;
        e.lang = (int)(size % CCAD_LANG_COUNT);
        ccex_ics_event_write(fp, &e, d.date);
    }
    ccex_ics_end(fp);
    FUZZ_CHECK(fclose(fp) == 0);
    check_calendar(out, len, d.n);
    free(out);
    check_fold(data, size);
    return 0;
}
