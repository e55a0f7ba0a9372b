/* ccad-ics: the rep's plan as an iCalendar file (RFC 5545).
 *
 *   ccad-ics [plan flags of ccad-plan] [-o FILE]
 *
 * Plans exactly as ccad-plan does (examples/common/plan.h) and writes one
 * VEVENT per routed stop: start and end from the route's arrival and
 * departure as floating local times, the customer's name and the kind of
 * contact as summary, the coordinates as LOCATION and GEO, the reasons as
 * description, and an alarm that fires on the item's reminder day. The
 * output is reproducible: UIDs are built from the customer id, the date and
 * the stop number, and DTSTAMP is the first day planned. Lines end in CRLF
 * and are folded at 75 octets; text values are escaped.
 * Exit status: 0 ok, 1 bad input, 2 bad usage. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "custcadence.h"
#include "plan.h"

#define PROG "ccad-ics"
#define UID_DOMAIN "custcadence.example"

struct options {
    ccex_plan_args plan;
    const char *out;
};

static void usage(FILE *fp)
{
    fprintf(fp,
            "Usage: " PROG " [--customers FILE] [--contacts FILE] [--rules FILE]\n"
            "                [--today YYYY-MM-DD] [--days N] [--capacity N] [--base LAT,LON]\n"
            "                [--day-start HH:MM] [--day-end HH:MM] [--overload report|stretch]\n"
            "                [--holidays FILE] [--absent FILE] [--special FILE]\n"
            "                [-o FILE]\n"
            "\n"
            "Plans like ccad-plan and writes the routed visits as an RFC 5545 calendar,\n"
            "one event per stop with a reminder on the item's reminder day.\n"
            "\n"
            "%s"
            "  -o, --output FILE  write the calendar to FILE (default: standard output)\n"
            "  --help             show this help and exit\n"
            "\n"
            "Exit status: 0 success, 1 bad input, 2 bad usage.\n",
            ccex_plan_flags_help);
}

static int parse_args(int argc, char **argv, struct options *o)
{
    int i, m;
    ccex_plan_args_init(&o->plan);
    o->out = NULL;
    for (i = 1; i < argc; i++) {
        const char *v = NULL, *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return CCEX_EXIT_OK;
        }
        if ((m = ccex_plan_arg(&o->plan, argc, argv, &i, PROG)) != 0) {
            if (m != 1)
                return m;
            continue;
        }
        if ((m = ccex_option_value(argc, argv, &i, "-o", &v)) != 0 ||
            (m = ccex_option_value(argc, argv, &i, "--output", &v)) != 0) {
            if (m < 0 || *v == '\0')
                return ccex_usage_error(PROG, "-o needs a file name");
            o->out = v;
            continue;
        }
        if (a[0] == '-')
            return ccex_usage_error(PROG, "unknown option '%s'", a);
        return ccex_usage_error(PROG, "unexpected argument '%s'", a);
    }
    return ccex_plan_args_done(&o->plan, PROG) != 0 ? CCEX_EXIT_USAGE : -1;
}

/* ---------------------------------------------------------------------- */
/* Content lines */

/* A growing buffer for one unfolded content line. */
struct line {
    char buf[4096];
    size_t len;
};

static void add(struct line *l, const char *s, size_t n)
{
    if (n > sizeof l->buf - 1 - l->len)
        n = sizeof l->buf - 1 - l->len; /* longer lines are cut (never reached here) */
    memcpy(l->buf + l->len, s, n);
    l->len += n;
    l->buf[l->len] = '\0';
}

static void adds(struct line *l, const char *s) { add(l, s, strlen(s)); }

/* TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and
 * line breaks. */
static void add_text(struct line *l, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '\\': adds(l, "\\\\"); break;
        case ';': adds(l, "\\;"); break;
        case ',': adds(l, "\\,"); break;
        case '\n': adds(l, "\\n"); break;
        case '\r': break;
        default: add(l, s, 1);
        }
    }
}

/* Writes a content line folded at 75 octets (continuation lines start with
 * a space, which counts), never inside a UTF-8 sequence, with CRLF. */
static void emit(FILE *fp, const struct line *l)
{
    size_t pos = 0, room = 75;
    while (l->len - pos > room) {
        size_t cut = pos + room;
        while (cut > pos && ((unsigned char)l->buf[cut] & 0xC0) == 0x80)
            cut--; /* back to the start of a character */
        fwrite(l->buf + pos, 1, cut - pos, fp);
        fputs("\r\n ", fp);
        pos = cut;
        room = 74;
    }
    fwrite(l->buf + pos, 1, l->len - pos, fp);
    fputs("\r\n", fp);
}

static void simple(FILE *fp, const char *s)
{
    struct line l;
    l.len = 0;
    adds(&l, s);
    emit(fp, &l);
}

/* "YYYYMMDD" */
static void basic_date(char buf[16], int32_t day)
{
    int y = 0, m = 0, d = 0;
    (void)ccad_date_to_ymd(day, &y, &m, &d);
    snprintf(buf, 16, "%04d%02d%02d", y, m, d);
}

/* "YYYYMMDDTHHMMSS" for minutes after midnight of day (which may pass 24:00). */
static void local_time(char buf[40], int32_t day, int32_t minutes)
{
    char d[16];
    basic_date(d, day + minutes / 1440);
    minutes %= 1440;
    snprintf(buf, 40, "%sT%02d%02d00", d, (int)(minutes / 60), (int)(minutes % 60));
}

/* The alarm's trigger: the day's start on the reminder day, relative to the
 * event's start (a negative duration). */
static void trigger(char buf[48], const ccad_item *it, int32_t day_start)
{
    int32_t lead = it->date - it->reminder_date;
    int32_t off = it->eta_min - day_start;
    int n;
    if (lead < 0)
        lead = 0;
    if (off < 0)
        off = 0;
    n = snprintf(buf, 48, "TRIGGER:-P");
    if (lead > 0)
        n += snprintf(buf + n, (size_t)(48 - n), "%ldD", (long)lead);
    if (off > 0 || lead == 0) {
        n += snprintf(buf + n, (size_t)(48 - n), "T");
        if (off / 60 > 0)
            n += snprintf(buf + n, (size_t)(48 - n), "%ldH", (long)(off / 60));
        if (off % 60 > 0 || off == 0)
            snprintf(buf + n, (size_t)(48 - n), "%ldM", (long)(off % 60));
    }
}

static void write_event(FILE *fp, const ccex_plan *p, const ccad_item *it, const char *stamp)
{
    const char *id = ccad_book_id(p->cs.book, it->customer);
    const char *name = ccex_customers_name(&p->cs, it->customer);
    char date[16], t[40], buf[256], trig[48];
    double lat, lon;
    struct line l;
    uint32_t k;

    simple(fp, "BEGIN:VEVENT");
    basic_date(date, it->date);
    l.len = 0;
    adds(&l, "UID:");
    add_text(&l, id);
    snprintf(buf, sizeof buf, "-%s-%ld@" UID_DOMAIN, date, (long)it->seq);
    add_text(&l, buf);
    emit(fp, &l);
    snprintf(buf, sizeof buf, "DTSTAMP:%sT000000Z", stamp);
    simple(fp, buf);
    local_time(t, it->date, it->eta_min);
    snprintf(buf, sizeof buf, "DTSTART:%s", t);
    simple(fp, buf);
    local_time(t, it->date, it->depart_min);
    snprintf(buf, sizeof buf, "DTEND:%s", t);
    simple(fp, buf);

    l.len = 0;
    adds(&l, "SUMMARY:");
    snprintf(buf, sizeof buf, "%s %d: ", ccad_name(CCAD_NAME_ITEM_KIND, it->kind), (int)it->seq);
    buf[0] = (char)(buf[0] - 'a' + 'A');
    add_text(&l, buf);
    add_text(&l, *name ? name : id);
    snprintf(buf, sizeof buf, " (%s, grade %s, %s)", id,
             ccad_name(CCAD_NAME_GRADE, ccad_book_grade_of(p->cs.book, it->customer)),
             ccad_name(CCAD_NAME_QUADRANT, it->quadrant));
    add_text(&l, buf);
    emit(fp, &l);

    if (ccex_plan_location(p, it->customer, &lat, &lon)) {
        l.len = 0;
        adds(&l, "LOCATION:");
        snprintf(buf, sizeof buf, "%.5f, %.5f", lat, lon);
        add_text(&l, buf);
        emit(fp, &l);
        snprintf(buf, sizeof buf, "GEO:%.6f;%.6f", lat, lon);
        simple(fp, buf);
    }

    l.len = 0;
    adds(&l, "DESCRIPTION:");
    snprintf(buf, sizeof buf, "Stop %ld of the day, %ld min travel from the previous stop.",
             (long)it->seq, (long)it->travel_min);
    add_text(&l, buf);
    if (it->late)
        add_text(&l, " Late: misses its window or the end of the day.");
    for (k = 0; k < it->reason_count; k++) {
        ccex_reason_text(buf, sizeof buf, &it->reasons[k]);
        add_text(&l, "\n");
        add_text(&l, buf);
    }
    emit(fp, &l);
    l.len = 0;
    adds(&l, "CATEGORIES:");
    add_text(&l, ccad_name(CCAD_NAME_ITEM_KIND, it->kind));
    adds(&l, ",");
    add_text(&l, ccad_name(CCAD_NAME_QUADRANT, it->quadrant));
    emit(fp, &l);

    simple(fp, "BEGIN:VALARM");
    simple(fp, "ACTION:DISPLAY");
    l.len = 0;
    adds(&l, "DESCRIPTION:");
    ccex_date_text(date, it->date);
    ccex_hhmm(t, it->eta_min);
    snprintf(buf, sizeof buf, "%s on %s at %s: ", ccad_name(CCAD_NAME_ITEM_KIND, it->kind), date, t);
    add_text(&l, buf);
    add_text(&l, *name ? name : id);
    emit(fp, &l);
    trigger(trig, it, p->options.day_start_min);
    simple(fp, trig);
    simple(fp, "END:VALARM");
    simple(fp, "END:VEVENT");
}

int main(int argc, char **argv)
{
    struct options o;
    ccex_plan p;
    FILE *fp = stdout;
    char stamp[16];
    size_t i, events = 0;
    int status = parse_args(argc, argv, &o), bad;
    if (status >= 0)
        return status;
    if ((status = ccex_plan_make(&p, &o.plan, PROG)) != CCEX_EXIT_OK)
        return status;
    if (o.out != NULL && (fp = fopen(o.out, "wb")) == NULL) {
        fprintf(stderr, PROG ": %s: cannot create: ", o.out);
        perror(NULL);
        ccex_plan_free(&p);
        return CCEX_EXIT_INPUT;
    }
    basic_date(stamp, p.today);
    simple(fp, "BEGIN:VCALENDAR");
    simple(fp, "VERSION:2.0");
    simple(fp, "PRODID:-//libcustcadence//ccad-ics " CCAD_VERSION_STRING "//EN");
    simple(fp, "CALSCALE:GREGORIAN");
    simple(fp, "METHOD:PUBLISH");
    simple(fp, "X-WR-CALNAME:Customer visits");
    for (i = 0; i < p.n_items; i++)
        if (p.items[i].seq > 0) {
            write_event(fp, &p, &p.items[i], stamp);
            events++;
        }
    simple(fp, "END:VCALENDAR");
    bad = ferror(fp) != 0;
    if ((fp != stdout ? fclose(fp) : fflush(fp)) != 0 || bad) {
        fprintf(stderr, PROG ": cannot write the calendar\n");
        status = CCEX_EXIT_INPUT;
    } else if (o.out != NULL) {
        fprintf(stderr, PROG ": wrote %lu events to %s\n", (unsigned long)events, o.out);
    }
    ccex_plan_free(&p);
    return status;
}
