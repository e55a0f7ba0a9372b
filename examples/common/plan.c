/* plan.c - shared flags, inputs and plan of ccad-plan, ccad-ics and ccad-map.
 * See plan.h. */
#define _POSIX_C_SOURCE 200809L

#include "plan.h"
#include "contacts.h"

#include "lang.h"
#include "datadir.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ====================================================================== */
/* Command line */

const char ccex_plan_flags_help[] =
    "  --customers FILE   customers CSV file (default: the bundled territory,\n"
    "                     " CCEX_TERRITORY " of the data directory, see docs/cli.md)\n"
    "  --contacts FILE    contacts CSV file applied in file order (default: the\n"
    "                     bundled contacts.csv with the bundled territory, else none)\n"
    "  --rules FILE       rules text with parameter overrides (default: library defaults)\n"
    "  --today DATE       first day planned, YYYY-MM-DD (default: the local date)\n"
    "  --days N           days planned, 1..366 (default 7)\n"
    "  --capacity N       rep visits a day, 1..1000 (default 8; also 480 service minutes)\n"
    "  --base LAT,LON     the rep's base (default: centroid of the located customers)\n"
    "  --day-start HH:MM  the working day starts (default 08:00)\n"
    "  --day-end HH:MM    the working day ends, after the start (default 17:00)\n"
    "  --holidays FILE    holidays, one YYYY-MM-DD a line (# comments): not working\n"
    "  --absent FILE      the rep's absences, same format: the substitute covers them\n"
    "  --special FILE     special dates for keep-warm touches, same format\n"
    "  --overload POLICY  report (default: keep intervals, report what to cut) or\n"
    "                     stretch (stretch every interval to fit the capacity)\n"
    "  --lang LANG        en, zh-Hans or zh-Hant (default: from LC_ALL, LC_MESSAGES,\n"
    "                     LANG; en when none names Chinese)\n";

void ccex_plan_args_init(ccex_plan_args *a)
{
    memset(a, 0, sizeof *a);
    a->today = CCAD_NO_DATE;
    a->days = 7;
    a->capacity = 8;
    a->day_start_min = CCEX_DAY_START_MIN;
    a->day_end_min = CCEX_DAY_END_MIN;
    a->overload = CCAD_OVERLOAD_REPORT;
    a->lang = ccex_lang_from_env();
}

int ccex_usage_error(const char *prog, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry '%s --help'.\n", prog);
    return CCEX_EXIT_USAGE;
}

/* A whole decimal number in [lo, hi]. */
static int parse_int(const char *s, long lo, long hi, int32_t *out)
{
    char *end;
    long v;
    if (*s < '0' || *s > '9')
        return -1;
    errno = 0;
    v = strtol(s, &end, 10);
    if (*end != '\0' || errno != 0 || v < lo || v > hi)
        return -1;
    *out = (int32_t)v;
    return 0;
}

static int parse_coord(const char *s, size_t n, double lim, double *out)
{
    char tmp[40], *end;
    double v;
    if (n == 0 || n >= sizeof tmp)
        return -1;
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    errno = 0;
    v = strtod(tmp, &end);
    if (end != tmp + n || errno != 0 || !isfinite(v) || v < -lim || v > lim)
        return -1;
    *out = v;
    return 0;
}

const struct option ccex_plan_options[] = {
    {"customers", required_argument, NULL, CCEX_OPT_CUSTOMERS},
    {"contacts", required_argument, NULL, CCEX_OPT_CONTACTS},
    {"rules", required_argument, NULL, CCEX_OPT_RULES},
    {"holidays", required_argument, NULL, CCEX_OPT_HOLIDAYS},
    {"absent", required_argument, NULL, CCEX_OPT_ABSENT},
    {"special", required_argument, NULL, CCEX_OPT_SPECIAL},
    {"day-start", required_argument, NULL, CCEX_OPT_DAY_START},
    {"day-end", required_argument, NULL, CCEX_OPT_DAY_END},
    {"overload", required_argument, NULL, CCEX_OPT_OVERLOAD},
    {"lang", required_argument, NULL, CCEX_OPT_LANG},
    {"today", required_argument, NULL, CCEX_OPT_TODAY},
    {"days", required_argument, NULL, CCEX_OPT_DAYS},
    {"capacity", required_argument, NULL, CCEX_OPT_CAPACITY},
    {"base", required_argument, NULL, CCEX_OPT_BASE},
    {NULL, 0, NULL, 0}};

/* The flags that name a file: where the name goes, or NULL for another key. */
static const char **file_flag(ccex_plan_args *a, int key)
{
    switch (key) {
    case CCEX_OPT_CUSTOMERS: return &a->customers;
    case CCEX_OPT_CONTACTS: return &a->contacts;
    case CCEX_OPT_RULES: return &a->rules;
    case CCEX_OPT_HOLIDAYS: return &a->holidays;
    case CCEX_OPT_ABSENT: return &a->absent;
    case CCEX_OPT_SPECIAL: return &a->special;
    default: return NULL;
    }
}

/* --day-start, --day-end (k 0 and 1). */
static int day_flag(ccex_plan_args *a, int k, const char *v, const char *prog)
{
    const char *name = k == 0 ? "--day-start" : "--day-end";
    int e;
    if (v == NULL)
        return ccex_usage_error(prog, "%s needs a time of day (HH:MM)", name);
    e = ccex_time_parse(v, strlen(v), k == 1, k == 0 ? &a->day_start_min : &a->day_end_min);
    if (e != CCEX_TIME_OK)
        return ccex_usage_error(prog, "%s: '%s' %s", name, v, ccex_time_error_text(e));
    return CCEX_OPTS_GO;
}

/* --base LAT,LON. */
static int base_flag(ccex_plan_args *a, const char *v, const char *prog)
{
    const char *comma = v != NULL ? strchr(v, ',') : NULL;
    if (comma == NULL || parse_coord(v, (size_t)(comma - v), 90.0, &a->base_lat) != 0 ||
        parse_coord(comma + 1, strlen(comma + 1), 180.0, &a->base_lon) != 0)
        return ccex_usage_error(prog, "--base needs LAT,LON in degrees, such as 31.21,121.42");
    a->have_base = 1;
    return CCEX_OPTS_GO;
}

/* --overload report|stretch. */
static int overload_flag(ccex_plan_args *a, const char *v, const char *prog)
{
    if (v != NULL && strcmp(v, "report") == 0)
        a->overload = CCAD_OVERLOAD_REPORT;
    else if (v != NULL && strcmp(v, "stretch") == 0)
        a->overload = CCAD_OVERLOAD_STRETCH;
    else
        return ccex_usage_error(prog, "--overload needs report or stretch");
    return CCEX_OPTS_GO;
}

int ccex_plan_opt(ccex_plan_args *a, int key, const char *v, const char *prog)
{
    const char **file = file_flag(a, key);
    size_t k;
    if (file != NULL) {
        if (v == NULL || *v == '\0') {
            for (k = 0; ccex_plan_options[k].val != key; k++)
                ;
            return ccex_usage_error(prog, "--%s needs a file name", ccex_plan_options[k].name);
        }
        *file = v;
        return CCEX_OPTS_GO;
    }
    switch (key) {
    case CCEX_OPT_DAY_START: return day_flag(a, 0, v, prog);
    case CCEX_OPT_DAY_END: return day_flag(a, 1, v, prog);
    case CCEX_OPT_OVERLOAD: return overload_flag(a, v, prog);
    case CCEX_OPT_LANG: return ccex_lang_opt(v, &a->lang, prog);
    case CCEX_OPT_BASE: return base_flag(a, v, prog);
    case CCEX_OPT_TODAY:
        if (v == NULL)
            return ccex_usage_error(prog, "--today needs a date (YYYY-MM-DD)");
        if (ccad_date_parse(&a->today, v, strlen(v)) != CCAD_OK)
            return ccex_usage_error(prog, "--today: '%s' is not a date (YYYY-MM-DD)", v);
        a->have_today = 1;
        return CCEX_OPTS_GO;
    case CCEX_OPT_DAYS:
        if (v == NULL || parse_int(v, 1, 366, &a->days) != 0)
            return ccex_usage_error(prog, "--days needs a number of days, 1..366");
        return CCEX_OPTS_GO;
    case CCEX_OPT_CAPACITY:
        if (v == NULL || parse_int(v, 1, 1000, &a->capacity) != 0)
            return ccex_usage_error(prog, "--capacity needs a number of visits a day, 1..1000");
        return CCEX_OPTS_GO;
    default: return ccex_usage_error(prog, "unknown option");
    }
}

int ccex_range_check(int have_today, int32_t today, int32_t days, const char *prog)
{
    char first[16];
    if (!have_today || (int64_t)today + days - 1 <= CCAD_DATE_MAX)
        return 0;
    ccex_date_text(first, today);
    return ccex_usage_error(prog,
                            "--days %ld from --today %s runs past 9999-12-31, the "
                            "calendar's last day",
                            (long)days, first);
}

int ccex_plan_args_done(const ccex_plan_args *a, const char *prog)
{
    char start[8], end[8];
    if (ccex_range_check(a->have_today, a->today, a->days, prog) != 0)
        return CCEX_EXIT_USAGE;
    if (a->day_end_min > a->day_start_min)
        return 0;
    ccex_hhmm(start, a->day_start_min);
    ccex_hhmm(end, a->day_end_min);
    return ccex_usage_error(prog, "--day-end %s is not after --day-start %s", end, start);
}

/* ====================================================================== */
/* The plan */

/* The clock callback: the local civil date and time counted as if UTC. */
int ccex_host_clock(void *user, int64_t *out_local_seconds)
{
    time_t now;
    struct tm tm;
    int32_t day;
    (void)user;
    now = time(NULL);
    if (now == (time_t)-1 || localtime_r(&now, &tm) == NULL)
        return -1;
    if (ccad_date_from_ymd(&day, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) != CCAD_OK)
        return -1;
    *out_local_seconds = (int64_t)day * 86400 + (int64_t)tm.tm_hour * 3600 +
                         (int64_t)tm.tm_min * 60 + (int64_t)tm.tm_sec;
    return 0;
}

int ccex_rules_load(ccad_rules *rules, ccad_ctx *ctx, const char *path, const char *prog)
{
    ccex_err err;
    char *text;
    size_t len, skip;
    int rc = ccex_read_file(&text, &len, path, &err);
    if (rc != CCEX_OK) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        return -1;
    }
    /* a byte order mark is skipped, as in every other input file */
    skip = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    rc = ccad_rules_parse(rules, text + skip, len - skip);
    free(text);
    if (rc != CCAD_OK) {
        /* file:line:column: first, as every other bad input (docs/cli.md);
         * the message itself reads "ccad_rules_parse: rules text line L, column C: ..." */
        uint32_t line, col;
        if (ccad_ctx_errpos(ctx, &line, &col) == CCAD_OK)
            fprintf(stderr, "%s: %s:%lu:%lu: %s\n", prog, path, (unsigned long)line,
                    (unsigned long)col, ccad_ctx_errmsg(ctx));
        else
            fprintf(stderr, "%s: %s: %s\n", prog, path, ccad_ctx_errmsg(ctx));
        return -1;
    }
    return 0;
}

/* Centroid of the located customers; 0 if none has a location. */
static int centroid(const ccex_plan *p, double *lat, double *lon)
{
    double sx = 0, sy = 0;
    size_t i, n = 0;
    for (i = 0; i < p->cs.count; i++) {
        double y, x;
        if (ccex_plan_location(p, i, &y, &x)) {
            sx += x;
            sy += y;
            n++;
        }
    }
    if (n == 0)
        return 0;
    *lat = sy / (double)n;
    *lon = sx / (double)n;
    return 1;
}

/* The days of the range: the library's totals (ccad_schedule_day: travel
 * with the way back to the base, back at base, the rep's service minutes)
 * and where each day's items start. The schedule lists a day's items in
 * route order (seq 1..), then the rest by priority, touches last. */
static int fill_days(ccex_plan *p)
{
    size_t d, i = 0;
    p->n_days = (size_t)p->options.days;
    p->days = calloc(p->n_days, sizeof *p->days);
    if (p->days == NULL)
        return CCAD_ENOMEM;
    for (d = 0; d < p->n_days; d++) {
        ccex_day *day = &p->days[d];
        ccad_day t = CCAD_DAY_INIT;
        int rc;
        if ((rc = ccad_schedule_day(p->schedule, p->today + (int32_t)d, &t)) != CCAD_OK)
            return rc;
        day->date = t.date;
        day->flags = t.flags;
        day->stops = (size_t)t.stops;
        day->travel_min = t.travel_min;
        day->service_min = t.service_min;
        day->back_min = t.back_min;
        day->late = t.late;
        day->first = i;
        while (i < p->n_items && p->items[i].date == day->date)
            i++;
        day->count = i - day->first;
    }
    return CCAD_OK;
}

/* The options of the plan from the flags; -1 if there is no base (no --base
 * and no located customer). */
static int plan_options(const ccex_plan *p, const ccex_plan_args *a, ccad_plan_options *o)
{
    o->first_day = p->today;
    o->days = a->days;
    o->visits_per_day = a->capacity;
    o->day_start_min = a->day_start_min;
    o->day_minutes = a->day_end_min - a->day_start_min;
    /* 480 service minutes a day, or the whole day when it is shorter */
    o->minutes_per_day = o->day_minutes < CCEX_SERVICE_MINUTES ? o->day_minutes
                                                               : CCEX_SERVICE_MINUTES;
    o->overload = a->overload;
    o->route = 1;
    o->assign_days = 1;
    o->metric = CCAD_METRIC_GEO;
    o->units_per_minute = CCEX_SPEED_M_PER_MIN;
    if (a->have_base) {
        o->base_y = a->base_lat;
        o->base_x = a->base_lon;
        return 0;
    }
    return centroid(p, &o->base_y, &o->base_x) ? 0 : -1;
}

int ccex_plan_make(ccex_plan *p, const ccex_plan_args *a, const char *prog)
{
    ccad_host host = CCAD_HOST_INIT;
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    ccex_err err;
    size_t i;
    int rc;

    memset(p, 0, sizeof *p);
    if (ccad_version_number() / 10000 != CCAD_VERSION_NUMBER / 10000) {
        fprintf(stderr, "%s: built for libcustcadence %s but running with %s\n", prog,
                CCAD_VERSION_STRING, ccad_version_string());
        return CCEX_EXIT_INPUT;
    }
    host.clock = ccex_host_clock;
    host.calendar = ccex_calendar_flags; /* Monday to Friday, less holidays, ... */
    host.user = &p->cal;
    if (ccad_ctx_new(&p->ctx, &host) != CCAD_OK) {
        fprintf(stderr, "%s: cannot create a libcustcadence context\n", prog);
        return CCEX_EXIT_INPUT;
    }
    (void)ccad_ctx_set_lang(p->ctx, a->lang); /* rules errors in that language; a valid tag */
    p->today = a->today;
    p->lang = a->lang;
    if (!a->have_today && ccad_ctx_today(p->ctx, &p->today) != CCAD_OK) {
        fprintf(stderr, "%s: cannot read the clock: %s\n", prog, ccad_ctx_errmsg(p->ctx));
        goto fail;
    }
    if (ccad_rules_new(&p->rules, p->ctx) != CCAD_OK) {
        fprintf(stderr, "%s: %s\n", prog, ccad_ctx_errmsg(p->ctx));
        goto fail;
    }
    if (a->rules != NULL && ccex_rules_load(p->rules, p->ctx, a->rules, prog) != 0)
        goto fail;
    if (a->customers == NULL) { /* the bundled territory (datadir.h) */
        static char territory[4096], contacts[4096];
        if (ccex_data_path(territory, sizeof territory, CCEX_TERRITORY, prog) != 0)
            goto fail;
        if (a->contacts == NULL &&
            ccex_data_path(contacts, sizeof contacts, CCEX_TERRITORY_CONTACTS, prog) != 0)
            goto fail;
        p->customers_path = territory;
        p->contacts_path = a->contacts != NULL ? a->contacts : contacts;
    } else {
        p->customers_path = a->customers;
        p->contacts_path = a->contacts;
    }
    if (ccex_load_customers(&p->cs, p->ctx, p->customers_path, &err) != CCEX_OK) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        goto fail;
    }
    if (p->contacts_path != NULL && ccex_load_contacts(&p->cs, p->ctx, p->contacts_path,
                                                       &p->contacts_applied, &err) != CCEX_OK) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        goto fail;
    }
    if (ccex_calendar_load(&p->cal, a->holidays, a->absent, a->special, &err) != CCEX_OK) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        goto fail;
    }
    if (ccad_book_grade(p->cs.book, p->rules) != CCAD_OK) {
        fprintf(stderr, "%s: grading: %s\n", prog, ccad_ctx_errmsg(p->ctx));
        goto fail;
    }

    if (plan_options(p, a, &o) != 0) {
        fprintf(stderr, "%s: %s: no customer has a location; give --base LAT,LON\n", prog,
                p->customers_path);
        goto fail;
    }
    p->options = o;
    if ((rc = ccad_schedule_new(&p->schedule, p->cs.book, p->rules, &o)) != CCAD_OK) {
        fprintf(stderr, "%s: planning: %s\n", prog, ccad_ctx_errmsg(p->ctx));
        goto fail;
    }
    p->n_items = ccad_schedule_item_count(p->schedule);
    p->items = malloc((p->n_items ? p->n_items : 1) * sizeof *p->items);
    if (p->items == NULL)
        goto nomem;
    for (i = 0; i < p->n_items; i++) {
        ccad_item it = CCAD_ITEM_INIT;
        if (ccad_schedule_item(p->schedule, i, &it) != CCAD_OK) {
            fprintf(stderr, "%s: %s\n", prog, ccad_ctx_errmsg(p->ctx));
            goto fail;
        }
        p->items[i] = it;
    }
    if ((rc = fill_days(p)) != CCAD_OK) {
        if (rc == CCAD_ENOMEM)
            goto nomem;
        fprintf(stderr, "%s: %s\n", prog, ccad_ctx_errmsg(p->ctx));
        goto fail;
    }
    return CCEX_EXIT_OK;
nomem:
    fprintf(stderr, "%s: out of memory\n", prog);
fail:
    ccex_plan_free(p);
    return CCEX_EXIT_INPUT;
}

void ccex_plan_free(ccex_plan *p)
{
    if (p == NULL)
        return;
    free(p->days);
    free(p->items);
    ccad_schedule_free(p->schedule);
    ccex_customers_free(&p->cs);
    ccad_rules_free(p->rules);
    ccad_ctx_free(p->ctx);
    ccex_calendar_free(&p->cal);
    memset(p, 0, sizeof *p);
}

int ccex_plan_location(const ccex_plan *p, size_t index, double *lat, double *lon)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    if (ccad_book_get(p->cs.book, index, &c) != CCAD_OK || !c.has_location)
        return 0;
    *lat = c.y;
    *lon = c.x;
    return 1;
}

/* ====================================================================== */
/* Output helpers */

void ccex_hhmm(char buf[8], int32_t minutes)
{
    if (minutes < 0 || minutes > 99 * 60) {
        buf[0] = '\0';
        return;
    }
    snprintf(buf, 8, "%02d:%02d", (int)(minutes / 60), (int)(minutes % 60));
}

void ccex_date_text(char buf[16], int32_t day)
{
    if (day == CCAD_NO_DATE || ccad_date_format(buf, 16, day) != CCAD_OK)
        strcpy(buf, "none");
}

const char *ccex_weekday(int32_t day, int lang)
{
    int wd = 0;
    if (ccad_date_weekday(&wd, day) != CCAD_OK)
        return "?";
    return ccad_name_lang(CCAD_NAME_WEEKDAY, wd, lang);
}

void ccex_reason_text(char *buf, size_t cap, const ccad_reason *reason, int lang)
{
    if (ccad_reason_format_lang(buf, cap, reason, lang, NULL) == CCAD_ENOSPC && cap > 4) {
        /* the library cut on a whole character; "..." goes after the last
         * whole character that leaves it room */
        size_t end = strlen(buf);
        if (end > cap - 4)
            end = cap - 4;
        while (end > 0 && ((unsigned char)buf[end] & 0xC0) == 0x80)
            end--;
        strcpy(buf + end, "...");
    }
}

void ccex_rule_list(char *buf, size_t cap, const ccad_reason *reasons, uint32_t n)
{
    size_t used = 0;
    uint32_t k, j;
    if (cap == 0)
        return;
    buf[0] = '\0';
    for (k = 0; k < n; k++) {
        int w;
        for (j = 0; j < k; j++)
            if (reasons[j].rule == reasons[k].rule)
                break;
        if (j < k)
            continue;
        w = snprintf(buf + used, cap - used, "%s%s", used ? " " : "",
                     ccad_rule_name(reasons[k].rule));
        if (w < 0 || (size_t)w >= cap - used) {
            buf[used] = '\0';
            break;
        }
        used += (size_t)w;
    }
}

void ccex_csv_put(FILE *fp, const char *s)
{
    if (strpbrk(s, ",\"\r\n") == NULL) {
        fputs(s, fp);
        return;
    }
    fputc('"', fp);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', fp);
        fputc(*s, fp);
    }
    fputc('"', fp);
}

FILE *ccex_findings_open(const char *path, const char *lead, const char *prog)
{
    FILE *fp = fopen(path, "w");
    unsigned k;
    if (fp == NULL) {
        fprintf(stderr, "%s: %s: cannot create: ", prog, path);
        perror(NULL);
        return NULL;
    }
    fprintf(fp, "%sfinding,rules,detail", lead);
    for (k = 2; k <= CCAD_ITEM_REASONS_MAX; k++)
        fprintf(fp, ",detail_%u", k);
    fputc('\n', fp);
    return fp;
}

int ccex_findings_close(FILE *fp, const char *path, int complete, const char *prog)
{
    int bad = ferror(fp) != 0;
    if (fclose(fp) != 0 || bad || !complete) {
        fprintf(stderr, "%s: %s: cannot write the findings\n", prog, path);
        return -1;
    }
    return 0;
}

void ccex_finding_fields(FILE *fp, const ccad_finding *f, int lang)
{
    char rules[200], why[600];
    uint32_t k;
    ccex_rule_list(rules, sizeof rules, f->reasons, f->reason_count);
    fprintf(fp, "%s,%s", ccad_name(CCAD_NAME_FINDING, f->kind), rules);
    /* detail: the first reason; detail_2.. the others */
    for (k = 0; k < CCAD_ITEM_REASONS_MAX; k++) {
        why[0] = '\0';
        if (k < f->reason_count)
            ccex_reason_text(why, sizeof why, &f->reasons[k], lang);
        fputc(',', fp);
        ccex_csv_put(fp, why);
    }
    fputc('\n', fp);
}
