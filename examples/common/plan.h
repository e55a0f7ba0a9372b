/* plan.h - what ccad-plan, ccad-ics and ccad-map share: the command-line
 * flags of a plan, the host clock, loading the inputs, planning the range
 * and small output helpers. One place, so the three programs read their
 * inputs and plan alike.
 *
 * The plan made here: the week (or --days N) from --today, --capacity
 * visits and 480 service minutes a day, each day routed from the base (the
 * centroid of the territory's located customers, or --base LAT,LON) with
 * great-circle distances at 500 m a minute (30 km/h), the day from 08:00 to
 * 17:00 (--day-start, --day-end), flexible visits moved to a nearby day of
 * the week when the stops lie closer together; Monday to Friday working,
 * less --holidays, with --absent days and --special dates (calendar.h).
 */
#ifndef CCAD_EXAMPLES_PLAN_H
#define CCAD_EXAMPLES_PLAN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "calendar.h"
#include "csv.h"
#include "customers.h"
#include "custcadence.h"
#include "opts.h"

/** The bundled territory and its contacts file, found in the data
 *  directory at run time (datadir.h). */
#define CCEX_TERRITORY "territory.csv"
#define CCEX_TERRITORY_CONTACTS "contacts.csv"

/** Exit status of every example program. */
enum { CCEX_EXIT_OK = 0, CCEX_EXIT_INPUT = 1, CCEX_EXIT_USAGE = 2 };

/** Routing constants of the examples' plans. */
#define CCEX_SPEED_M_PER_MIN 500.0 /* 30 km/h */
#define CCEX_DAY_START_MIN 480     /* 08:00, the default of --day-start */
#define CCEX_DAY_END_MIN 1020      /* 17:00, the default of --day-end */
#define CCEX_SERVICE_MINUTES 480   /* service minutes a day */

/* ---------------------------------------------------------------------- */
/* Command line */

/** The flags every planning program takes. */
typedef struct ccex_plan_args {
    const char *customers; /**< --customers; NULL = the bundled territory. */
    const char *contacts;  /**< --contacts; NULL = the bundled contacts file when
                                --customers is not given, else none. */
    const char *rules;     /**< --rules; NULL = library defaults. */
    int have_today;        /**< --today given. */
    int32_t today;         /**< --today. */
    int32_t days;          /**< --days, 1..366 (default 7). */
    int32_t capacity;      /**< --capacity, visits a day, 1..1000 (default 8). */
    int have_base;         /**< --base given. */
    double base_lat, base_lon;
    const char *holidays;  /**< --holidays: date-list file of holidays; NULL = none. */
    const char *absent;    /**< --absent: date-list file of the rep's absences; NULL = none. */
    const char *special;   /**< --special: date-list file of keep-warm dates; NULL = none. */
    int32_t day_start_min; /**< --day-start, minutes after midnight (default 08:00). */
    int32_t day_end_min;   /**< --day-end, after the start (default 17:00). */
    int32_t overload;      /**< --overload: ccad_overload (default CCAD_OVERLOAD_REPORT). */
    int lang;              /**< --lang: ccad_lang (default: from LC_ALL, LC_MESSAGES, LANG). */
} ccex_plan_args;

/** Help text of the shared flags, one per line, indented by two spaces. */
extern const char ccex_plan_flags_help[];

/** Sets the defaults. */
void ccex_plan_args_init(ccex_plan_args *a);

/** 0 when the @p days from @p today (given by --today: @p have_today) stay
 *  within the calendar, else "prog: --days N from --today D runs past
 *  9999-12-31 ..." and CCEX_EXIT_USAGE. */
int ccex_range_check(int have_today, int32_t today, int32_t days, const char *prog);

/** Reads the rules text of file @p path (a UTF-8 byte order mark skipped)
 *  into @p rules; on an error prints "prog: FILE: cannot open: ..." or
 *  "prog: FILE:LINE:COLUMN: ccad_rules_parse: ..." and returns -1. */
int ccex_rules_load(ccad_rules *rules, ccad_ctx *ctx, const char *path, const char *prog);

/** Prints "prog: message" and a hint to stderr; returns CCEX_EXIT_USAGE. */
int ccex_usage_error(const char *prog, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/** The keys of the shared flags in ccex_plan_options (opts.h). */
enum {
    CCEX_OPT_CUSTOMERS = CCEX_OPT_KEY_BASE + 10,
    CCEX_OPT_CONTACTS,
    CCEX_OPT_RULES,
    CCEX_OPT_HOLIDAYS,
    CCEX_OPT_ABSENT,
    CCEX_OPT_SPECIAL,
    CCEX_OPT_DAY_START,
    CCEX_OPT_DAY_END,
    CCEX_OPT_OVERLOAD,
    CCEX_OPT_TODAY,
    CCEX_OPT_DAYS,
    CCEX_OPT_CAPACITY,
    CCEX_OPT_BASE,
    CCEX_OPT_PLAN_END /**< A program's own keys may start here. */
};

/** The shared flags as a getopt_long table (the program adds its own, see
 *  ccex_opts_read()). */
extern const struct option ccex_plan_options[];

/** Takes the value of the shared flag @p key (NULL when missing). Returns
 *  CCEX_OPTS_GO, or CCEX_EXIT_USAGE after printing a message. */
int ccex_plan_opt(ccex_plan_args *a, int key, const char *value, const char *prog);

/** Checks the flags together once all are read (--day-end after
 *  --day-start, the range of --today and --days within the calendar).
 *  Returns 0, or CCEX_EXIT_USAGE after printing a message. */
int ccex_plan_args_done(const ccex_plan_args *a, const char *prog);

/* ---------------------------------------------------------------------- */
/* The plan */

/** One day of the range, with its items in route order; the totals are
 *  ccad_schedule_day()'s. */
typedef struct ccex_day {
    int32_t date;
    uint32_t flags;      /**< Calendar flags (ccad_day_flag). */
    size_t first, count; /**< Its items: plan.items[first .. first+count-1]. */
    size_t
        stops; /**< Routed stops (seq > 0; visits, persist days, care contacts by the rep); they come first, by seq. */
    int32_t travel_min;  /**< Travel between the stops, the way back to the base included. */
    int32_t service_min; /**< Service minutes of the rep's items (calls included). */
    int32_t back_min;    /**< Back at the base, minutes after midnight; -1 without stops. */
    int32_t late;        /**< Stops that miss their window or the day's end. */
} ccex_day;

/** Everything a planning program prints from. */
typedef struct ccex_plan {
    ccad_ctx *ctx;
    ccad_rules *rules;
    ccex_customers cs;
    ccad_schedule *schedule;
    ccad_plan_options options;
    ccex_calendar cal; /**< The calendar callback's data (holidays, absences, special dates). */
    int32_t today;     /**< First day planned. */
    const char *customers_path;
    const char *contacts_path; /**< NULL when no contacts file was read. */
    size_t contacts_applied;
    ccad_item *
        items; /**< Every item in the schedule's order: by day, routed stops by seq, then the rest by priority, touches last. */
    size_t n_items;
    ccex_day *days; /**< options.days entries. */
    size_t n_days;
    int lang; /**< The output's ccad_lang (--lang). */
} ccex_plan;

/** Loads the inputs, plans and orders the items. On failure prints
 *  "prog: ..." (file:line:column for bad input) to stderr, frees what it
 *  made and returns CCEX_EXIT_INPUT; CCEX_EXIT_OK on success. */
int ccex_plan_make(ccex_plan *p, const ccex_plan_args *a, const char *prog);

/** Frees everything; the struct is zeroed. */
void ccex_plan_free(ccex_plan *p);

/** The customer's location; 0 if it has none. */
int ccex_plan_location(const ccex_plan *p, size_t index, double *lat, double *lon);

/* ---------------------------------------------------------------------- */
/* Output helpers */

/** "HH:MM" of minutes after midnight; "" for a negative value. */
void ccex_hhmm(char buf[8], int32_t minutes);

/** "YYYY-MM-DD"; "none" for CCAD_NO_DATE. */
void ccex_date_text(char buf[16], int32_t day);

/** "Mon".."Sun" (in Chinese "周一".."周日"). */
const char *ccex_weekday(int32_t day, int lang);

/** One reason as a line in @p lang (ccad_reason_format_lang, "..." if cut). */
void ccex_reason_text(char *buf, size_t cap, const ccad_reason *reason, int lang);

/** The rule names of @p n reasons, each once, separated by spaces. */
void ccex_rule_list(char *buf, size_t cap, const ccad_reason *reasons, uint32_t n);

/** Writes @p s as one CSV field (quoted when it holds a comma, a quote or a
 *  line break). */
void ccex_csv_put(FILE *fp, const char *s);

/** Creates the findings file @p path and writes its header: @p lead (the
 *  program's first columns, such as "customer_id,") then
 *  "finding,rules,detail,detail_2,...,detail_8". NULL after printing
 *  "prog: path: cannot create: ..." to stderr. */
FILE *ccex_findings_open(const char *path, const char *lead, const char *prog);

/** Closes the findings file; 0, or -1 after printing "prog: path: cannot
 *  write the findings" when writing failed or @p complete is 0. */
int ccex_findings_close(FILE *fp, const char *path, int complete, const char *prog);

/** One finding's fields from `finding` on, with the line end: its kind,
 *  the rule ids of its reasons and each reason in the language `lang`
 *  (a ::ccad_lang). */
void ccex_finding_fields(FILE *fp, const ccad_finding *f, int lang);

/* The examples' clock callback (ccad_host.clock): the current instant as
 * seconds since 1970-01-01T00:00 in local time (localtime_r does the time
 * zone work). */
int ccex_host_clock(void *user, int64_t *out_local_seconds);

#endif /* CCAD_EXAMPLES_PLAN_H */
