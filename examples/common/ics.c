/* ics.c - the iCalendar writer of ccad-ics (ics.h). */
#define _POSIX_C_SOURCE 200809L

#include "ics.h"

#include <math.h>
#include <string.h>

#include "lang.h"
#include "messages.h"
#include "plan.h"
#include "utf8.h"

#define UID_DOMAIN "custcadence.example"
#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

/* ---------------------------------------------------------------------- */
/* Content lines */

/* One unfolded content line. Pieces are added whole or not at all (a UTF-8
 * character, an escape pair), so a cut line stays valid; once a piece did
 * not fit, the rest of the line is dropped too. */
struct line {
    char buf[CCEX_ICS_LINE_MAX + 1];
    size_t len;
    int full;
};

static void add(struct line *l, const char *s, size_t n)
{
    if (l->full || n > CCEX_ICS_LINE_MAX - l->len) {
        l->full = 1;
        return;
    }
    memcpy(l->buf + l->len, s, n);
    l->len += n;
    l->buf[l->len] = '\0';
}

static void adds(struct line *l, const char *s) { add(l, s, strlen(s)); }

static void start(struct line *l, const char *name)
{
    l->len = 0;
    l->full = 0;
    l->buf[0] = '\0';
    adds(l, name);
}

/* Ends a property's name: with the LANGUAGE parameter (RFC 5545 3.2.10)
 * of Chinese texts (English ones, the default, carry none), then ':'. */
static void language(struct line *l, int lang)
{
    if (lang != CCAD_LANG_EN) {
        adds(l, ";LANGUAGE=");
        adds(l, ccex_lang_tag(lang));
    }
    adds(l, ":");
}

/* A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line
 * breaks escaped (CRLF and a lone CR are one \n); TAB as a space; other
 * control characters, U+FFFE, U+FFFF and invalid UTF-8 as U+FFFD. */
static void add_text(struct line *l, const char *s)
{
    size_t n = strlen(s), i = 0;
    while (i < n) {
        uint32_t cp;
        size_t len = ccex_utf8_next(s, n, i, &cp);
        switch (cp) {
        case '\\': adds(l, "\\\\"); break;
        case ';': adds(l, "\\;"); break;
        case ',': adds(l, "\\,"); break;
        case '\n': adds(l, "\\n"); break;
        case '\r':
            if (i + 1 >= n || s[i + 1] != '\n')
                adds(l, "\\n");
            break;
        case '\t': adds(l, " "); break;
        default: add(l, ccex_utf8_unsafe(cp) ? REPLACEMENT : s + i, ccex_utf8_unsafe(cp) ? 3 : len);
        }
        i += len;
    }
}

void ccex_ics_fold(FILE *fp, const char *s, size_t n)
{
    size_t pos = 0, room = 75;
    while (n - pos > room) {
        size_t cut = pos + room, k = cut;
        /* Back to the start of the character that would be split: at most
         * three continuation bytes. Found none: the bytes are not UTF-8
         * anyway, cut where the octets end. */
        while (k > cut - 3 && ((unsigned char)s[k] & 0xC0) == 0x80)
            k--;
        if (((unsigned char)s[k] & 0xC0) != 0x80 &&
            ccex_utf8_seq((const unsigned char *)s + k, n - k, NULL) > cut - k)
            cut = k;
        fwrite(s + pos, 1, cut - pos, fp);
        fputs("\r\n ", fp);
        pos = cut;
        room = 74;
    }
    fwrite(s + pos, 1, n - pos, fp);
    fputs("\r\n", fp);
}

static void emit(FILE *fp, const struct line *l) { ccex_ics_fold(fp, l->buf, l->len); }

static void simple(FILE *fp, const char *s) { ccex_ics_fold(fp, s, strlen(s)); }

/* ---------------------------------------------------------------------- */
/* Values */

/* "YYYYMMDD"; a day outside the calendar is clamped to its ends. */
static void basic_date(char buf[16], int64_t day)
{
    int y = 1, m = 1, d = 1;
    if (day < CCAD_DATE_MIN)
        day = CCAD_DATE_MIN;
    if (day > CCAD_DATE_MAX)
        day = CCAD_DATE_MAX;
    (void)ccad_date_to_ymd((int32_t)day, &y, &m, &d);
    snprintf(buf, 16, "%04d%02d%02d", y, m, d);
}

/* "YYYYMMDDTHHMMSS" for minutes after midnight of day (which may pass 24:00;
 * clamped to 0 .. two days). */
static void local_time(char buf[40], int32_t day, int32_t minutes)
{
    char d[16];
    if (minutes < 0)
        minutes = 0;
    if (minutes > 2 * 1440 - 1)
        minutes = 2 * 1440 - 1;
    basic_date(d, (int64_t)day + minutes / 1440);
    minutes %= 1440;
    snprintf(buf, 40, "%sT%02d%02d00", d, (int)(minutes / 60), (int)(minutes % 60));
}

/* The alarm's trigger: the day's start on the reminder day, relative to the
 * event's start (a negative duration). */
static void trigger(char buf[64], const ccex_ics_event *e)
{
    int64_t lead = e->reminder_date == CCAD_NO_DATE ? 0 : (int64_t)e->date - e->reminder_date;
    int64_t off = (int64_t)e->eta_min - e->day_start_min;
    int n;
    if (lead < 0)
        lead = 0;
    if (lead > 366)
        lead = 366;
    if (off < 0)
        off = 0;
    if (off > 2 * 1440)
        off = 2 * 1440;
    n = snprintf(buf, 64, "TRIGGER:-P");
    if (lead > 0)
        n += snprintf(buf + n, (size_t)(64 - n), "%ldD", (long)lead);
    if (off > 0 || lead == 0) {
        n += snprintf(buf + n, (size_t)(64 - n), "T");
        if (off / 60 > 0)
            n += snprintf(buf + n, (size_t)(64 - n), "%ldH", (long)(off / 60));
        if (off % 60 > 0 || off == 0)
            snprintf(buf + n, (size_t)(64 - n), "%ldM", (long)(off % 60));
    }
}

/* ---------------------------------------------------------------------- */
/* The calendar */

void ccex_ics_begin(FILE *fp, int lang)
{
    struct line l;
    simple(fp, "BEGIN:VCALENDAR");
    simple(fp, "VERSION:2.0");
    simple(fp, "PRODID:-//libcustcadence//ccad-ics " CCAD_VERSION_STRING "//EN");
    simple(fp, "CALSCALE:GREGORIAN");
    simple(fp, "METHOD:PUBLISH");
    start(&l, "X-WR-CALNAME");
    language(&l, lang);
    add_text(&l, ccex_msg(lang, M_ICS_CALNAME));
    emit(fp, &l);
}

void ccex_ics_end(FILE *fp) { simple(fp, "END:VCALENDAR"); }

void ccex_ics_event_write(FILE *fp, const ccex_ics_event *e, int32_t stamp_day)
{
    const char *id = e->id != NULL ? e->id : "";
    const char *name = e->name != NULL && *e->name ? e->name : id;
    const char *kind = ccad_name_lang(CCAD_NAME_ITEM_KIND, e->kind, e->lang);
    char date[40], t[40], buf[640], trig[64];
    struct line l;
    uint32_t k;

    simple(fp, "BEGIN:VEVENT");
    basic_date(date, e->date);
    start(&l, "UID:");
    add_text(&l, id);
    snprintf(buf, sizeof buf, "-%s-%ld@" UID_DOMAIN, date, (long)e->seq);
    add_text(&l, buf);
    emit(fp, &l);
    basic_date(t, stamp_day);
    snprintf(buf, sizeof buf, "DTSTAMP:%sT000000Z", t);
    simple(fp, buf);
    local_time(t, e->date, e->eta_min);
    snprintf(buf, sizeof buf, "DTSTART:%s", t);
    simple(fp, buf);
    local_time(t, e->date, e->depart_min > e->eta_min ? e->depart_min : e->eta_min);
    snprintf(buf, sizeof buf, "DTEND:%s", t);
    simple(fp, buf);

    start(&l, "SUMMARY");
    language(&l, e->lang);
    snprintf(buf, sizeof buf, e->lang == CCAD_LANG_EN ? "%s %ld: " : "%s %ld：", kind,
             (long)e->seq);
    if (buf[0] >= 'a' && buf[0] <= 'z')
        buf[0] = (char)(buf[0] - 'a' + 'A');
    add_text(&l, buf);
    add_text(&l, name);
    add_text(&l, e->lang == CCAD_LANG_EN ? " (" : "（");
    add_text(&l, id);
    snprintf(buf, sizeof buf, ccex_msg(e->lang, M_ICS_SUMMARY_TAIL),
             ccad_name_lang(CCAD_NAME_GRADE, e->grade, e->lang),
             ccad_name(CCAD_NAME_QUADRANT, e->quadrant));
    add_text(&l, buf);
    if (e->owner != NULL && e->for_teammate) {
        snprintf(buf, sizeof buf, ccex_msg(e->lang, M_ICS_FOR), e->owner);
        add_text(&l, buf);
    }
    emit(fp, &l);

    if (e->has_location && fabs(e->lat) <= 90.0 && fabs(e->lon) <= 180.0) {
        start(&l, "LOCATION:");
        snprintf(buf, sizeof buf, "%.5f, %.5f", e->lat, e->lon);
        add_text(&l, buf);
        emit(fp, &l);
        snprintf(buf, sizeof buf, "GEO:%.6f;%.6f", e->lat, e->lon);
        simple(fp, buf);
    }

    start(&l, "DESCRIPTION");
    language(&l, e->lang);
    snprintf(buf, sizeof buf, ccex_msg(e->lang, M_ICS_STOP), (long)e->seq, (long)e->travel_min);
    add_text(&l, buf);
    if (e->late)
        add_text(&l, ccex_msg(e->lang, M_ICS_LATE));
    if (e->owner != NULL) {
        snprintf(buf, sizeof buf, ccex_msg(e->lang, e->for_teammate ? M_ICS_CARRIED : M_ICS_OWNER),
                 e->owner, e->owner_name != NULL ? e->owner_name : "");
        add_text(&l, "\n");
        add_text(&l, buf);
    }
    for (k = 0; e->reasons != NULL && k < e->reason_count; k++) {
        ccex_reason_text(buf, sizeof buf, &e->reasons[k], e->lang);
        add_text(&l, "\n");
        add_text(&l, buf);
    }
    emit(fp, &l);
    start(&l, "CATEGORIES");
    language(&l, e->lang);
    add_text(&l, kind);
    adds(&l, ",");
    add_text(&l, ccad_name(CCAD_NAME_QUADRANT, e->quadrant));
    emit(fp, &l);

    simple(fp, "BEGIN:VALARM");
    simple(fp, "ACTION:DISPLAY");
    start(&l, "DESCRIPTION");
    language(&l, e->lang);
    if (e->lang == CCAD_LANG_EN)
        ccex_date_text(date, e->date);
    else
        ccex_day_text(date, e->date, e->lang);
    ccex_hhmm(t, e->eta_min);
    snprintf(buf, sizeof buf, ccex_msg(e->lang, M_ICS_ALARM), kind, date, t);
    add_text(&l, buf);
    add_text(&l, name);
    emit(fp, &l);
    trigger(trig, e);
    simple(fp, trig);
    simple(fp, "END:VALARM");
    simple(fp, "END:VEVENT");
}
