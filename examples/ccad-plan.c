/* ccad-plan: the rep's coming week, day by day and stop by stop, and why.
 *
 *   ccad-plan [--customers FILE] [--contacts FILE] [--rules FILE]
 *             [--today YYYY-MM-DD] [--days N] [--capacity N] [--base LAT,LON]
 *             [--format table|csv] [--findings FILE]
 *
 * Loads a customers file (and a contacts file), plans the range under the
 * rep's capacity with ccad_schedule_new() - big rocks first, each working
 * day routed from the base - and prints per day the stops in route order
 * with their times and the first reason of each, then the workload against
 * capacity (ccad_book_workload), the platforms (ccad_book_platform) and the
 * schedule's findings. docs/cli.md describes every flag and format.
 * Exit status: 0 ok, 1 bad input, 2 bad usage. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "customers.h"
#include "custcadence.h"
#include "datadir.h"
#include "lang.h"
#include "messages.h"
#include "plan.h"
#include "utf8.h"

#define PROG "ccad-plan"

enum format { FORMAT_TABLE, FORMAT_CSV };

struct options {
    ccex_plan_args plan;
    enum format format;
    const char *findings;
};

static void usage(FILE *fp)
{
    fprintf(fp,
            "Usage: " PROG " [--customers FILE] [--contacts FILE] [--rules FILE]\n"
            "                 [--today YYYY-MM-DD] [--days N] [--capacity N] [--base LAT,LON]\n"
            "                 [--day-start HH:MM] [--day-end HH:MM] [--overload report|stretch]\n"
            "                 [--holidays FILE] [--absent FILE] [--special FILE]\n"
            "                 [--format table|csv] [--findings FILE]\n"
            "\n"
            "Plans the coming days for a rep's customers under capacity (big rocks first),\n"
            "routes each working day from the base and prints the stops in route order with\n"
            "their times and reasons, the workload, the platforms and the findings.\n"
            "\n"
            "%s"
            "  --format FORMAT    table (default) or csv: one row per planned item\n"
            "                     (date,seq,customer_id,kind,quadrant,delegated,eta,rules)\n"
            "  --findings FILE    also write the findings as CSV\n"
            "                     (customer_id,finding,rules,detail,detail_2..detail_8)\n"
            "  --help             show this help and exit\n"
            "\n"
            "Exit status: 0 success, 1 bad input, 2 bad usage.\n",
            ccex_plan_flags_help);
}

enum { OPT_FORMAT = CCEX_OPT_PLAN_END, OPT_FINDINGS };

static const struct option own_options[] = {{"format", required_argument, NULL, OPT_FORMAT},
                                            {"findings", required_argument, NULL, OPT_FINDINGS},
                                            {NULL, 0, NULL, 0}};

/* One option (opts.h): CCEX_OPTS_GO or an exit status. */
static int take_option(void *user, int key, const char *v)
{
    struct options *o = user;
    switch (key) {
    case OPT_FORMAT:
        if (v != NULL && strcmp(v, "table") == 0)
            o->format = FORMAT_TABLE;
        else if (v != NULL && strcmp(v, "csv") == 0)
            o->format = FORMAT_CSV;
        else
            return ccex_usage_error(PROG, "--format needs table or csv");
        return CCEX_OPTS_GO;
    case OPT_FINDINGS:
        if (v == NULL || *v == '\0')
            return ccex_usage_error(PROG, "--findings needs a file name");
        o->findings = v;
        return CCEX_OPTS_GO;
    default: return ccex_plan_opt(&o->plan, key, v, PROG);
    }
}

/* Returns -1 to go on, or an exit status. */
static int parse_args(int argc, char **argv, struct options *o)
{
    int status;
    ccex_plan_args_init(&o->plan);
    o->format = FORMAT_TABLE;
    o->findings = NULL;
    status = ccex_opts_read(argc, argv, ccex_plan_options, own_options, PROG, take_option, o,
                            usage);
    if (status != CCEX_OPTS_GO)
        return status;
    return ccex_plan_args_done(&o->plan, PROG) != 0 ? CCEX_EXIT_USAGE : -1;
}

/* ---------------------------------------------------------------------- */
/* The table */

#define MSG(id) ccex_msg(p->lang, (id))

/* s in exactly w display cells (a CJK character takes two), cut on a
 * character boundary with the language's ellipsis. */
static void print_cut(const ccex_plan *p, const char *s, int w)
{
    ccex_print_cells(stdout, s, w, ccex_lang_ellipsis(p->lang));
}

/* "(holiday)", "(rep absent)", "(special date)" after the date, as flagged. */
static void print_day_tags(const ccex_plan *p, uint32_t flags)
{
    static const uint32_t flag[3] = {CCAD_DAY_HOLIDAY, CCAD_DAY_ABSENT, CCAD_DAY_SPECIAL};
    static const int tag[3] = {M_TAG_HOLIDAY, M_TAG_ABSENT, M_TAG_SPECIAL};
    int k, any = 0;
    for (k = 0; k < 3; k++)
        if (flags & flag[k]) {
            printf("%s%s", MSG(any ? M_TAG_SEP : M_TAG_OPEN), MSG(tag[k]));
            any = 1;
        }
    if (any)
        printf("%s", MSG(M_TAG_CLOSE));
}

/* The column titles of a day's table, in the widths of its rows. */
static void print_columns(const ccex_plan *p)
{
    printf("   #  ");
    print_cut(p, MSG(M_COL_ETA), 7);
    print_cut(p, MSG(M_COL_ID), 8);
    printf(" ");
    print_cut(p, MSG(M_COL_CUSTOMER), 29);
    printf(" ");
    print_cut(p, MSG(M_COL_GRADE), 5);
    printf(" Q   ");
    print_cut(p, MSG(M_COL_KIND), 8);
    printf(" ");
    print_cut(p, MSG(M_COL_BY), 11);
    printf(" %s\n", MSG(M_COL_WHY));
}

/* One planned item as a row of the day's table. */
static void print_item(const ccex_plan *p, const ccad_item *it)
{
    char eta[8], why[600];
    ccex_hhmm(eta, it->eta_min);
    why[0] = '\0';
    if (it->reason_count > 0)
        ccex_reason_text(why, sizeof why, &it->reasons[0], p->lang);
    if (it->seq > 0)
        printf("  %2ld  %-5s  ", (long)it->seq, eta);
    else
        printf("   -  %-5s  ", "-");
    print_cut(p, ccad_book_id(p->cs.book, it->customer), 8);
    printf(" ");
    print_cut(p, ccex_customers_name(&p->cs, it->customer), 29);
    printf(" ");
    print_cut(
        p, ccad_name_lang(CCAD_NAME_GRADE, ccad_book_grade_of(p->cs.book, it->customer), p->lang),
        5);
    printf(" %-3s ", ccad_name(CCAD_NAME_QUADRANT, it->quadrant));
    print_cut(p, ccad_name_lang(CCAD_NAME_ITEM_KIND, it->kind, p->lang), 8);
    printf(" ");
    print_cut(p, ccad_name_lang(CCAD_NAME_DELEGATION, it->delegated, p->lang), 11);
    printf(" %s%s\n", it->late ? MSG(M_LATE) : "", why);
}

static void print_days(const ccex_plan *p)
{
    size_t d, k;
    for (d = 0; d < p->n_days; d++) {
        const ccex_day *day = &p->days[d];
        char when[40], back[8];
        unsigned long more = (unsigned long)(day->count - day->stops);
        ccex_day_text(when, day->date, p->lang);
        printf("\n%s", when);
        print_day_tags(p, day->flags);
        if (day->count == 0) {
            printf("%s\n",
                   MSG((day->flags & CCAD_DAY_WORKING) ? M_NOTHING_PLANNED : M_NOT_WORKING));
            continue;
        }
        ccex_hhmm(back, day->back_min);
        printf(MSG(M_DAY_STOPS), (unsigned long)day->stops, ccex_plural(p->lang, (long)day->stops),
               (long)day->service_min, (long)day->travel_min);
        if (day->stops > 0)
            printf(MSG(M_BACK_AT_BASE), back);
        if (more > 0)
            printf(MSG(M_MORE_ITEMS), more, ccex_plural(p->lang, (long)more));
        printf("\n");
        print_columns(p);
        for (k = day->first; k < day->first + day->count; k++)
            print_item(p, &p->items[k]);
    }
}

static int field_days(const ccex_plan *p)
{
    size_t d;
    int n = 0;
    for (d = 0; d < p->n_days; d++)
        n += (p->days[d].flags & CCAD_DAY_WORKING) != 0;
    return n;
}

static int print_workload(const ccex_plan *p)
{
    static const char *const grades[4] = {"A", "B", "C", "D"};
    ccad_workload w = CCAD_WORKLOAD_INIT;
    int64_t customers = 0;
    int g;
    w.period_days = p->options.days;
    w.field_days = field_days(p);
    w.visits_per_day = p->options.visits_per_day;
    if (w.field_days == 0)
        w.field_days = 1; /* a range of weekend days: report against one day */
    if (ccad_book_workload(p->cs.book, p->rules, p->today, &w) != CCAD_OK) {
        fprintf(stderr, PROG ": workload: %s\n", ccad_ctx_errmsg(p->ctx));
        return -1;
    }
    printf(MSG(M_WORKLOAD_OVER), (long)w.period_days, (long)w.field_days, (long)w.visits_per_day,
           (long long)w.capacity);
    printf("%s", MSG(M_WORKLOAD_HEAD));
    for (g = 0; g < 4; g++) {
        customers += w.rows[g].customers;
        printf("  %-5s  %9lld  %6lld  %6lld\n", grades[g], (long long)w.rows[g].customers,
               (long long)w.rows[g].visits, (long long)w.cut[g]);
    }
    printf("  ");
    print_cut(p, MSG(M_TOTAL), 5);
    printf("  %9lld  %6lld\n", (long long)customers, (long long)w.visits);
    printf(MSG(M_ROUNDS), (long)(w.rounds_x100 / 100), (long)(w.rounds_x100 % 100));
    if (w.over)
        printf(MSG(M_OVER_CAPACITY), (long long)(w.visits - w.capacity),
               (long)(w.stretch_x100 / 100), (long)(w.stretch_x100 % 100));
    else
        printf(MSG(M_WITHIN_CAPACITY), (long long)(w.capacity - w.visits));
    return 0;
}

static int print_platform(const ccex_plan *p)
{
    ccad_platform pf = CCAD_PLATFORM_INIT;
    int64_t cmax = 0;
    int k;
    if (ccad_book_platform(p->cs.book, p->rules, &pf) != CCAD_OK) {
        fprintf(stderr, PROG ": platform: %s\n", ccad_ctx_errmsg(p->ctx));
        return -1;
    }
    (void)ccad_rules_get(p->rules, "platform.c_max_pct", &cmax);
    printf("%s%s", MSG(M_PLATFORMS_HEAD), MSG(M_MARKET));
    for (k = 0; k < 5; k++)
        printf(" %6lld", (long long)pf.market[k]);
    printf("%s", MSG(M_WORKING));
    for (k = 0; k < 5; k++)
        printf(" %6lld", (long long)pf.working[k]);
    printf("%s", MSG(M_BUYING));
    for (k = 0; k < 5; k++)
        printf(" %6lld", (long long)pf.buying[k]);
    printf(MSG(M_KEY_ACCOUNTS), (long long)pf.key_accounts);
    if (pf.over_cap)
        printf(MSG(M_PLATFORM_OVER), (long long)pf.working[0], (long long)pf.working_cap);
    else if (pf.working_cap > 0)
        printf(MSG(M_PLATFORM_WITHIN), (long long)pf.working[0], (long long)pf.working_cap);
    if (pf.under_min)
        printf(MSG(M_PLATFORM_UNDER), (long long)pf.working[0], (long long)pf.working_min);
    if (pf.c_heavy)
        printf(MSG(M_C_HEAVY), (long long)cmax);
    return 0;
}

static int print_findings(const ccex_plan *p)
{
    size_t n = ccad_schedule_finding_count(p->schedule), i;
    printf(MSG(M_FINDINGS), (unsigned long)n);
    for (i = 0; i < n; i++) {
        ccad_finding f = CCAD_FINDING_INIT;
        char date[16], why[600];
        uint32_t k;
        if (ccad_schedule_finding(p->schedule, i, &f) != CCAD_OK) {
            fprintf(stderr, PROG ": %s\n", ccad_ctx_errmsg(p->ctx));
            return -1;
        }
        ccex_date_text(date, f.date);
        printf("  ");
        ccex_print_pad(stdout, ccad_name_lang(CCAD_NAME_FINDING, f.kind, p->lang), 15);
        printf(" ");
        if (f.customer >= 0) {
            print_cut(p, ccad_book_id(p->cs.book, (size_t)f.customer), 8);
            printf(" ");
            print_cut(p, ccex_customers_name(&p->cs, (size_t)f.customer), 29);
        } else {
            printf("%-8s ", "-");
            print_cut(p, MSG(M_WHOLE_PLAN), 29);
        }
        printf(" %-10s", f.date == CCAD_NO_DATE ? "" : date);
        for (k = 0; k < f.reason_count; k++) {
            ccex_reason_text(why, sizeof why, &f.reasons[k], p->lang);
            if (k == 0)
                printf(" %s\n", why);
            else
                printf("  %69s %s\n", "", why);
        }
        if (f.reason_count == 0)
            printf("\n");
    }
    return 0;
}

/* The calendar files read, when any was given, on a line of their own
 * (the caller ends it). */
static void print_calendar(const ccex_plan *p)
{
    static const int what[3] = {M_CAL_HOLIDAYS, M_CAL_ABSENCES, M_CAL_SPECIAL};
    const ccex_dates *lists[3];
    const char *sep = MSG(M_CALENDAR);
    int k;
    lists[0] = &p->cal.holidays;
    lists[1] = &p->cal.absent;
    lists[2] = &p->cal.special;
    for (k = 0; k < 3; k++) {
        if (lists[k]->path == NULL)
            continue;
        printf(MSG(M_CAL_FILE), sep, MSG(what[k]), lists[k]->path, (unsigned long)lists[k]->count);
        sep = p->lang == CCAD_LANG_EN ? "; " : "；";
    }
}

static int print_table(const ccex_plan *p)
{
    char first[40], last[40];
    ccex_day_text(first, p->today, p->lang);
    ccex_day_text(last, p->today + p->options.days - 1, p->lang);
    printf(MSG(M_PLAN_FOR), first, last, (long)p->options.days, (long)p->options.visits_per_day,
           (long)p->options.minutes_per_day);
    if (p->options.overload == CCAD_OVERLOAD_STRETCH)
        printf("%s", MSG(M_OVERLOAD_STRETCH));
    printf(MSG(M_CUSTOMERS), p->customers_path, (unsigned long)p->cs.count);
    if (p->contacts_path != NULL)
        printf(MSG(M_CONTACTS), p->contacts_path, (unsigned long)p->contacts_applied);
    print_calendar(p);
    ccex_hhmm(first, p->options.day_start_min);
    ccex_hhmm(last, p->options.day_start_min + p->options.day_minutes);
    printf(MSG(M_ROUTES_FROM), p->options.base_y, p->options.base_x, first, last);
    print_days(p);
    if (print_workload(p) != 0 || print_platform(p) != 0 || print_findings(p) != 0)
        return -1;
    return 0;
}

/* ---------------------------------------------------------------------- */
/* CSV */

static void print_csv(const ccex_plan *p)
{
    size_t i;
    printf("date,seq,customer_id,kind,quadrant,delegated,eta,rules\n");
    for (i = 0; i < p->n_items; i++) {
        const ccad_item *it = &p->items[i];
        char date[16], eta[8], rules[200];
        ccex_date_text(date, it->date);
        ccex_hhmm(eta, it->eta_min);
        ccex_rule_list(rules, sizeof rules, it->reasons, it->reason_count);
        printf("%s,%ld,", date, (long)it->seq);
        ccex_csv_put(stdout, ccad_book_id(p->cs.book, it->customer));
        printf(",%s,%s,%d,%s,%s\n", ccad_name(CCAD_NAME_ITEM_KIND, it->kind),
               ccad_name(CCAD_NAME_QUADRANT, it->quadrant), it->delegated != CCAD_BY_REP, eta,
               rules);
    }
}

static int write_findings(const ccex_plan *p, const char *path)
{
    size_t n = ccad_schedule_finding_count(p->schedule), i;
    FILE *fp = ccex_findings_open(path, "customer_id,", PROG);
    if (fp == NULL)
        return -1;
    for (i = 0; i < n; i++) {
        ccad_finding f = CCAD_FINDING_INIT;
        if (ccad_schedule_finding(p->schedule, i, &f) != CCAD_OK)
            break;
        ccex_csv_put(fp, f.customer >= 0 ? ccad_book_id(p->cs.book, (size_t)f.customer) : "");
        fputc(',', fp);
        ccex_finding_fields(fp, &f, p->lang);
    }
    return ccex_findings_close(fp, path, i == n, PROG);
}

int main(int argc, char **argv)
{
    struct options o;
    ccex_plan p;
    int status;
    ccex_data_init(argv[0]); /* where the bundled data is (datadir.h) */
    status = parse_args(argc, argv, &o);
    if (status >= 0)
        return status;
    if ((status = ccex_plan_make(&p, &o.plan, PROG)) != CCEX_EXIT_OK)
        return status;
    if (o.format == FORMAT_CSV)
        print_csv(&p);
    else if (print_table(&p) != 0)
        status = CCEX_EXIT_INPUT;
    if (status == CCEX_EXIT_OK && o.findings != NULL && write_findings(&p, o.findings) != 0)
        status = CCEX_EXIT_INPUT;
    if (fflush(stdout) != 0) {
        fprintf(stderr, PROG ": cannot write the output\n");
        status = CCEX_EXIT_INPUT;
    }
    ccex_plan_free(&p);
    return status;
}
