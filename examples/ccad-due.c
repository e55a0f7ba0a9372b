/* ccad-due: who should the rep contact today, and why.
 *
 *   ccad-due [--customers FILE] [--rules FILE] [--today YYYY-MM-DD] [--all]
 *            [--lang en|zh-Hans|zh-Hant]
 *
 * Loads a customers CSV file (examples/common/customers.h describes the columns),
 * grades the book, assesses every customer on today's date and prints the
 * customers due today or overdue, most urgent first, each with the reasons
 * the library gave. Exit status: 0 ok, 1 bad input, 2 bad usage.
 *
 * It shows the usual life cycle of a libcustcadence host: a context with host
 * callbacks (here only a clock), a rule set, a book, ccad_book_grade(), a
 * cheap batch pass with ccad_book_assess_range() to select and sort, and a
 * full ccad_book_assess() with reasons for each customer printed. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "customers.h"
#include "plan.h"
#include "custcadence.h"
#include "utf8.h"

#include "datadir.h"
#include "lang.h"
#include "messages.h"
#include "opts.h"
#include "plan.h"

#define PROG "ccad-due"
#define DEFAULT_CUSTOMERS "sample.csv"

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

struct options {
    const char *customers;
    const char *rules;
    int have_today;
    int32_t today;
    int all;
    int lang; /* ccad_lang of the output (--lang, else the locale variables) */
};

/* ---------------------------------------------------------------------- */
/* Command line (the clock callback is the examples' shared ccex_host_clock) */

static void usage(FILE *fp)
{
    fprintf(fp,
            "Usage: " PROG " [--customers FILE] [--rules FILE] [--today YYYY-MM-DD] [--all]\n"
            "                [--lang en|zh-Hans|zh-Hant]\n"
            "\n"
            "Lists the customers due for contact today or overdue, most urgent first,\n"
            "with the reasons for each decision.\n"
            "\n"
            "  --customers FILE   customers CSV file (default: the bundled sample,\n"
            "                     " DEFAULT_CUSTOMERS " of the data directory, see docs/cli.md)\n"
            "  --rules FILE       rules text with parameter overrides (default: the\n"
            "                     library defaults)\n"
            "  --today DATE       assess on this day instead of the local date of the clock\n"
            "  --all              list every customer, not only the due ones\n"
            "  --lang LANG        en, zh-Hans or zh-Hant (default: from LC_ALL, LC_MESSAGES,\n"
            "                     LANG; en when none names Chinese)\n"
            "  --help             show this help and exit\n"
            "\n"
            "Exit status: 0 success, 1 bad input, 2 bad usage.\n");
}

enum { OPT_CUSTOMERS = CCEX_OPT_KEY_BASE + 100, OPT_RULES, OPT_TODAY, OPT_ALL };

static const struct option due_options[] = {{"lang", required_argument, NULL, CCEX_OPT_LANG},
                                            {"all", no_argument, NULL, OPT_ALL},
                                            {"customers", required_argument, NULL, OPT_CUSTOMERS},
                                            {"rules", required_argument, NULL, OPT_RULES},
                                            {"today", required_argument, NULL, OPT_TODAY},
                                            {NULL, 0, NULL, 0}};

/* One option (opts.h): CCEX_OPTS_GO or an exit status. */
static int take_option(void *user, int key, const char *v)
{
    struct options *o = user;
    switch (key) {
    case CCEX_OPT_LANG: return ccex_lang_opt(v, &o->lang, PROG);
    case OPT_ALL: o->all = 1; return CCEX_OPTS_GO;
    case OPT_CUSTOMERS:
    case OPT_RULES:
        if (v == NULL || *v == '\0')
            return ccex_usage_error(PROG, "%s needs a file name",
                                    key == OPT_RULES ? "--rules" : "--customers");
        *(key == OPT_RULES ? &o->rules : &o->customers) = v;
        return CCEX_OPTS_GO;
    default: /* OPT_TODAY */
        if (v == NULL)
            return ccex_usage_error(PROG, "%s needs a date (YYYY-MM-DD)", "--today");
        if (ccad_date_parse(&o->today, v, strlen(v)) != CCAD_OK)
            return ccex_usage_error(PROG, "--today: '%s' is not a date (YYYY-MM-DD)", v);
        o->have_today = 1;
        return CCEX_OPTS_GO;
    }
}

/* Returns -1 to continue, or an exit status. */
static int parse_args(int argc, char **argv, struct options *o)
{
    o->customers = NULL; /* the bundled sample (datadir.h) */
    o->rules = NULL;
    o->have_today = 0;
    o->today = CCAD_NO_DATE;
    o->all = 0;
    o->lang = ccex_lang_from_env();
    return ccex_opts_read(argc, argv, NULL, due_options, PROG, take_option, o, usage);
}

/* ---------------------------------------------------------------------- */
/* Output */

struct row {
    size_t index;
    const char *id; /* points into the book; the book does not change */
    ccad_brief brief;
};

/* Most urgent first: quadrant, escalation (higher first), days overdue
 * (more first), then id. */
static int row_cmp(const void *pa, const void *pb)
{
    const struct row *a = pa, *b = pb;
    if (a->brief.quadrant != b->brief.quadrant)
        return a->brief.quadrant < b->brief.quadrant ? -1 : 1;
    if (a->brief.escalation != b->brief.escalation)
        return a->brief.escalation > b->brief.escalation ? -1 : 1;
    if (a->brief.days_overdue != b->brief.days_overdue)
        return a->brief.days_overdue > b->brief.days_overdue ? -1 : 1;
    return strcmp(a->id, b->id);
}

/* The escalation as the report words it; the library's English names are
 * identifiers ("rep", "manager"), its Chinese ones sentences already. */
static const char *escalation_text(int e, int lang)
{
    static const char *const t[] = {"", "remind the rep", "rep and manager", "reassign"};
    if (lang != CCAD_LANG_EN)
        return ccad_name_lang(CCAD_NAME_ESCALATION, e, lang);
    return e >= 0 && e <= 3 ? t[e] : "?";
}

static void date_text(char buf[16], int32_t day)
{
    if (day == CCAD_NO_DATE || ccad_date_format(buf, 16, day) != CCAD_OK)
        strcpy(buf, "none");
}

static int print_customer(const ccex_customers *cs, ccad_ctx *ctx, const ccad_rules *rules,
                          const struct row *row, int32_t today, int lang)
{
    ccad_assessment a = CCAD_ASSESSMENT_INIT;
    const char *name = ccex_customers_name(cs, row->index);
    char due[40];
    uint32_t k;
    int rc = ccad_book_assess(cs->book, rules, row->index, today, &a);
    if (rc != CCAD_OK) {
        fprintf(stderr, PROG ": assessing '%s': %s\n", row->id, ccad_ctx_errmsg(ctx));
        return rc;
    }
    if (lang == CCAD_LANG_EN)
        date_text(due, a.due_date);
    else
        ccex_day_text(due, a.due_date, lang);
    ccex_print_text(stdout, row->id); /* control characters made harmless (utf8.h) */
    if (*name) {
        printf("  ");
        ccex_print_text(stdout, name);
    }
    printf("\n");
    printf(ccex_msg(lang, M_DUE_GRADE), ccad_name_lang(CCAD_NAME_GRADE, a.grade, lang), a.quadrant);
    if (a.flags & CCAD_F_INACTIVE)
        printf("%s", ccex_msg(lang, M_DUE_INACTIVE));
    else if (a.due_date == CCAD_NO_DATE)
        printf("%s", ccex_msg(lang, M_DUE_NO_DATE));
    else if (a.flags & CCAD_F_OVERDUE)
        printf(ccex_msg(lang, M_DUE_OVERDUE), due, (long)a.days_overdue,
               ccex_plural(lang, (long)a.days_overdue));
    else if (a.due_date == today)
        printf(ccex_msg(lang, M_DUE_TODAY), due);
    else
        printf(ccex_msg(lang, M_DUE_IN), due, (long)(a.due_date - today));
    if (a.escalation != CCAD_ESCALATE_NONE)
        printf(ccex_msg(lang, M_DUE_ESCALATION), escalation_text(a.escalation, lang));
    printf("\n");
    for (k = 0; k < a.reason_count; k++) {
        char line[CCAD_REASON_TEXT_MAX];
        ccex_reason_text(line, sizeof line, &a.reasons[k], lang);
        printf("    %s\n", line);
    }
    if (a.flags & CCAD_F_REASONS_TRUNCATED)
        printf("%s", ccex_msg(lang, M_DUE_MORE_REASONS));
    return CCAD_OK;
}

/* ---------------------------------------------------------------------- */

static int run(const struct options *o, ccad_ctx *ctx)
{
    ccad_rules *rules = NULL;
    ccex_customers cs;
    ccex_err err;
    struct row *rows = NULL;
    ccad_brief *briefs = NULL;
    size_t n, i, nrows = 0;
    size_t c_due = 0, c_over = 0, c_cool = 0, c_stall = 0, c_never = 0;
    int32_t today = o->today;
    char today_text[40];
    int status = EXIT_INPUT, rc;

    memset(&cs, 0, sizeof cs);
    if (!o->have_today && ccad_ctx_today(ctx, &today) != CCAD_OK) {
        fprintf(stderr, PROG ": cannot read the clock: %s\n", ccad_ctx_errmsg(ctx));
        return EXIT_INPUT;
    }
    if (ccad_rules_new(&rules, ctx) != CCAD_OK) {
        fprintf(stderr, PROG ": %s\n", ccad_ctx_errmsg(ctx));
        return EXIT_INPUT;
    }
    if (o->rules != NULL && ccex_rules_load(rules, ctx, o->rules, PROG) != 0)
        goto out;
    if (ccex_load_customers(&cs, ctx, o->customers, &err) != CCEX_OK) {
        fprintf(stderr, PROG ": %s\n", err.msg);
        goto out;
    }
    if (ccad_book_grade(cs.book, rules) != CCAD_OK) {
        fprintf(stderr, PROG ": grading: %s\n", ccad_ctx_errmsg(ctx));
        goto out;
    }

    /* Pass 1: compact briefs for everyone, to select and sort. */
    n = cs.count;
    briefs = malloc((n ? n : 1) * sizeof *briefs);
    rows = malloc((n ? n : 1) * sizeof *rows);
    if (briefs == NULL || rows == NULL) {
        fprintf(stderr, PROG ": out of memory\n");
        goto out;
    }
    rc = ccad_book_assess_range(cs.book, rules, 0, n, today, briefs, sizeof *briefs);
    if (rc != CCAD_OK) {
        fprintf(stderr, PROG ": %s\n", ccad_ctx_errmsg(ctx));
        goto out;
    }
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        uint32_t f = briefs[i].flags;
        c_due += (f & CCAD_F_DUE) != 0;
        c_over += (f & CCAD_F_OVERDUE) != 0;
        c_cool += (f & (CCAD_F_COOLING | CCAD_F_COLD)) != 0;
        c_stall += (f & CCAD_F_STALLED) != 0;
        c_never += (f & CCAD_F_NEVER_CONTACTED) != 0;
        if (!o->all && !(f & CCAD_F_DUE))
            continue;
        if (ccad_book_get(cs.book, i, &c) != CCAD_OK) {
            fprintf(stderr, PROG ": %s\n", ccad_ctx_errmsg(ctx));
            goto out;
        }
        rows[nrows].index = i;
        rows[nrows].id = c.id;
        rows[nrows].brief = briefs[i];
        nrows++;
    }
    qsort(rows, nrows, sizeof *rows, row_cmp);

    /* Pass 2: the full assessment, with reasons, of each customer listed. */
    ccex_day_text(today_text, today, o->lang);
    if (o->all)
        printf(ccex_msg(o->lang, M_DUE_ALL), (unsigned long)n, today_text);
    else
        printf(ccex_msg(o->lang, M_DUE_ON), today_text, (unsigned long)nrows, (unsigned long)n);
    for (i = 0; i < nrows; i++) {
        printf("\n");
        if (print_customer(&cs, ctx, rules, &rows[i], today, o->lang) != CCAD_OK)
            goto out;
    }
    printf(ccex_msg(o->lang, M_DUE_SUMMARY), (unsigned long)n, (unsigned long)c_due,
           (unsigned long)c_over, (unsigned long)c_cool, (unsigned long)c_stall,
           (unsigned long)c_never);
    if (fflush(stdout) != 0) {
        fprintf(stderr, PROG ": cannot write the output\n");
        goto out;
    }
    status = EXIT_OK;
out:
    free(rows);
    free(briefs);
    ccex_customers_free(&cs);
    ccad_rules_free(rules);
    return status;
}

int main(int argc, char **argv)
{
    struct options o;
    ccad_host host = CCAD_HOST_INIT;
    ccad_ctx *ctx = NULL;
    static char sample[4096];
    int status;
    ccex_data_init(argv[0]);
    status = parse_args(argc, argv, &o);
    if (status >= 0)
        return status;
    if (o.customers == NULL) {
        if (ccex_data_path(sample, sizeof sample, DEFAULT_CUSTOMERS, PROG) != 0)
            return EXIT_INPUT;
        o.customers = sample;
    }
    if (ccad_version_number() / 10000 != CCAD_VERSION_NUMBER / 10000) {
        fprintf(stderr, PROG ": built for libcustcadence %s but running with %s\n",
                CCAD_VERSION_STRING, ccad_version_string());
        return EXIT_INPUT;
    }
    host.clock = ccex_host_clock; /* the only callback needed; the rest keep defaults */
    if (ccad_ctx_new(&ctx, &host) != CCAD_OK) {
        fprintf(stderr, PROG ": cannot create a libcustcadence context\n");
        return EXIT_INPUT;
    }
    (void)ccad_ctx_set_lang(ctx, o.lang); /* rules errors in that language; a valid tag */
    status = run(&o, ctx);
    ccad_ctx_free(ctx);
    return status;
}
