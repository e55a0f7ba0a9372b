/* ccad-team: the team's coming week, rep by rep and stop by stop: each rep's
 * own plan, Q3 overflow carried by a named colleague and an absent rep's
 * visits by a named substitute, and why.
 *
 *   ccad-team [--reps FILE] [--customers FILE] [--contacts FILE]
 *             [--today YYYY-MM-DD] [--days N] [--format table|csv]
 *             [--findings FILE] [--lang en|zh-Hans|zh-Hant]
 *
 * Loads the reps file and the customers file (with its owner column; a
 * contacts file), splits the customers into one book per rep by owner
 * (ccad_book_transfer), plans the team with ccad_team_schedule_new() - each
 * working day routed from each rep's base - and prints per day and per rep
 * the stops in route order with their times, whose customer each is and the
 * first reason, then the findings per rep, in the language of --lang (else
 * the locale's; CSV identifiers stay English). Without --reps and
 * --customers it plans the bundled team. docs/cli.md describes every flag and format.
 * Exit status: 0 ok, 1 bad input, 2 bad usage. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "custcadence.h"
#include "datadir.h"
#include "lang.h"
#include "messages.h"
#include "opts.h"
#include "plan.h"
#include "team.h"
#include "team_plan.h"
#include "utf8.h"

#define PROG "ccad-team"

struct options {
    ccex_team_args team; /* the files, the days and the language (team_plan.h) */
    const char *findings;
    int csv;
};

struct run {
    ccex_team_plan T; /* the team's plan (team_plan.h) */
    int lang;
    int kind_w, by_w; /* cells of the kind and by columns in that language */
};

static void usage(FILE *fp)
{
    fprintf(fp,
            "Usage: " PROG " [--reps FILE] [--customers FILE] [--contacts FILE]\n"
            "                 [--today YYYY-MM-DD] [--days N] [--format table|csv]\n"
            "                 [--findings FILE] [--lang en|zh-Hans|zh-Hant]\n"
            "\n"
            "Plans the coming days for a team of reps: each rep's own customers under its\n"
            "capacity (big rocks first), visits that do not fit or fall on a rep's absence\n"
            "carried by a named colleague or substitute with room, every day routed.\n"
            "\n"
            "  --reps FILE        reps (id,name,lat,lon,visits_per_day,day_start,day_end,absent);\n"
            "                     default: the bundled team\n"
            "  --customers FILE   customers with an owner column (a rep id); default: the\n"
            "                     bundled team's\n"
            "  --contacts FILE    contacts to record first (customer_id,date,...)\n"
            "  --today DATE       first day planned (default: today)\n"
            "  --days N           days planned, 1..366 (default 7)\n"
            "  --format FORMAT    table (default) or csv: one row per item\n"
            "                     (date,rep,seq,customer_id,owner,kind,quadrant,eta,rules)\n"
            "  --findings FILE    also write the findings as CSV\n"
            "                     (rep,customer_id,finding,rules,detail,detail_2..detail_8)\n"
            "  --lang LANG        en, zh-Hans or zh-Hant (default: from LC_ALL, LC_MESSAGES,\n"
            "                     LANG; en when none names Chinese)\n"
            "  --help             show this help and exit\n"
            "\n"
            "Exit status: 0 success, 1 bad input, 2 bad usage.\n");
}

enum {
    OPT_REPS = CCEX_OPT_KEY_BASE + 100,
    OPT_CUSTOMERS,
    OPT_CONTACTS,
    OPT_FINDINGS,
    OPT_TODAY,
    OPT_DAYS,
    OPT_FORMAT
};

static const struct option team_options[] = {{"reps", required_argument, NULL, OPT_REPS},
                                             {"customers", required_argument, NULL, OPT_CUSTOMERS},
                                             {"contacts", required_argument, NULL, OPT_CONTACTS},
                                             {"findings", required_argument, NULL, OPT_FINDINGS},
                                             {"today", required_argument, NULL, OPT_TODAY},
                                             {"days", required_argument, NULL, OPT_DAYS},
                                             {"format", required_argument, NULL, OPT_FORMAT},
                                             {"lang", required_argument, NULL, CCEX_OPT_LANG},
                                             {NULL, 0, NULL, 0}};

/* --reps, --customers, --contacts, --findings: where the file name goes. */
static const char **file_flag(struct options *o, int key)
{
    switch (key) {
    case OPT_REPS: return &o->team.reps;
    case OPT_CUSTOMERS: return &o->team.customers;
    case OPT_CONTACTS: return &o->team.contacts;
    case OPT_FINDINGS: return &o->findings;
    default: return NULL;
    }
}

/* --today, --days, --format: CCEX_OPTS_GO or the exit status. */
static int value_flag(struct options *o, int key, const char *v)
{
    /* the messages and the strictness of the other programs (plan.c) */
    if (key == OPT_TODAY) {
        if (v == NULL)
            return ccex_usage_error(PROG, "--today needs a date (YYYY-MM-DD)");
        if (ccad_date_parse(&o->team.today, v, strlen(v)) != CCAD_OK)
            return ccex_usage_error(PROG, "--today: '%s' is not a date (YYYY-MM-DD)", v);
        o->team.have_today = 1;
    } else if (key == OPT_DAYS) {
        char *end = NULL;
        long n = v != NULL ? strtol(v, &end, 10) : 0;
        if (v == NULL || *v < '0' || *v > '9' || *end != '\0' || n < 1 || n > 366)
            return ccex_usage_error(PROG, "--days needs a number of days, 1..366");
        o->team.days = (int32_t)n;
    } else if (v != NULL && (strcmp(v, "table") == 0 || strcmp(v, "csv") == 0)) {
        o->csv = strcmp(v, "csv") == 0;
    } else {
        return ccex_usage_error(PROG, "--format needs table or csv");
    }
    return CCEX_OPTS_GO;
}

/* One option (opts.h): CCEX_OPTS_GO or an exit status. */
static int take_option(void *user, int key, const char *v)
{
    struct options *o = user;
    const char **file = file_flag(o, key);
    size_t k;
    if (key == CCEX_OPT_LANG)
        return ccex_lang_opt(v, &o->team.lang, PROG);
    if (file == NULL)
        return value_flag(o, key, v);
    if (v == NULL || *v == '\0') {
        for (k = 0; team_options[k].val != key; k++)
            ;
        return ccex_usage_error(PROG, "--%s needs a file name", team_options[k].name);
    }
    *file = v;
    return CCEX_OPTS_GO;
}

/* Returns -1 to go on, or an exit status. */
static int parse_args(int argc, char **argv, struct options *o)
{
    int status;
    memset(o, 0, sizeof *o);
    o->team.days = 7;
    o->team.proposals = 1;
    o->team.lang = ccex_lang_from_env();
    status = ccex_opts_read(argc, argv, NULL, team_options, PROG, take_option, o, usage);
    if (status != CCEX_OPTS_GO)
        return status;
    if ((o->team.reps == NULL) != (o->team.customers == NULL))
        return ccex_usage_error(PROG, "give --reps and --customers together (or neither, for "
                                      "the bundled team)");
    if (ccex_range_check(o->team.have_today, o->team.today, o->team.days, PROG) != 0)
        return CCEX_EXIT_USAGE;
    return -1;
}

#define MSG(id) ccex_msg(R->lang, (id))

/* s cut to w display cells on a character boundary: "…" marks a cut in
 * Chinese; English cuts without a mark, as it always has. */
static void print_cut(const struct run *R, const char *s, int w)
{
    ccex_print_cells(stdout, s, w, R->lang == CCAD_LANG_EN ? "" : ccex_lang_ellipsis(R->lang));
}

/* The cells of a column of names of `kind`: at least `w`, and as wide as
 * its widest name in the run's language (so no name pushes the row on). */
static int name_width(const struct run *R, int kind, int count, int w)
{
    int k;
    for (k = 0; k < count; k++) {
        size_t cells = ccex_utf8_width(ccad_name_lang(kind, k, R->lang));
        if (cells > (size_t)w)
            w = (int)cells;
    }
    return w;
}

static void print_item(const struct run *R, const ccad_team_item *t)
{
    const ccad_item *it = &t->item;
    char eta[8], why[600] = "";
    ccex_hhmm(eta, it->eta_min);
    if (it->reason_count > 0)
        ccex_reason_text(why, sizeof why,
                         &it->reasons[it->delegated != CCAD_BY_REP && it->reason_count > 1 ? 1 : 0],
                         R->lang);
    if (it->seq > 0)
        printf("    %2ld  %-5s  ", (long)it->seq, eta);
    else
        printf("     -  %-5s  ", "-");
    ccex_print_pad(stdout, ccex_team_plan_cust_id(&R->T, t->owner, it->customer), 7);
    putchar(' ');
    print_cut(R, ccex_team_plan_cust_name(&R->T, t->owner, it->customer), 28);
    putchar(' ');
    ccex_print_pad(stdout, R->T.by_index[t->owner]->id, 8);
    printf(" %-3s ", ccad_name(CCAD_NAME_QUADRANT, it->quadrant));
    ccex_print_pad(stdout, ccad_name_lang(CCAD_NAME_ITEM_KIND, it->kind, R->lang), R->kind_w);
    putchar(' ');
    ccex_print_pad(stdout, ccad_name_lang(CCAD_NAME_DELEGATION, it->delegated, R->lang), R->by_w);
    printf(" %s\n", why);
}

/* The items of day d, carrier by carrier (items run by day, then carrier). */
static size_t print_day(const struct run *R, size_t i, int32_t d)
{
    size_t n = ccad_team_schedule_item_count(R->T.ts);
    char when[40], id[3 * CCAD_ID_MAX + 1], name[3 * sizeof R->T.by_index[0]->name + 1];
    ccex_day_text(when, d, R->lang);
    printf("\n%s\n", when);
    while (i < n) {
        ccad_team_item t = ccex_team_plan_item(&R->T, i);
        uint32_t carrier = t.carrier;
        size_t j, stops = 0, carried = 0;
        if (t.item.date != d)
            break;
        for (j = i; j < n; j++) {
            ccad_team_item u = ccex_team_plan_item(&R->T, j);
            if (u.item.date != d || u.carrier != carrier)
                break;
            stops += u.item.seq > 0;
            carried += u.carrier != u.owner;
        }
        ccex_text_safe(id, sizeof id, R->T.by_index[carrier]->id);
        ccex_text_safe(name, sizeof name, R->T.by_index[carrier]->name);
        printf(MSG(M_TEAM_DAY_REP), id, name, (unsigned long)(j - i),
               ccex_plural(R->lang, (long)(j - i)), (unsigned long)stops,
               ccex_plural(R->lang, (long)stops), (unsigned long)carried);
        for (; i < j; i++) {
            t = ccex_team_plan_item(&R->T, i);
            print_item(R, &t);
        }
    }
    return i;
}

/* The plan's own release proposals (TRIAGE gave the customer up): the team
 * proposals' release_proposed findings cover them, with every ground. */
static size_t count_plan_releases(const struct run *R)
{
    size_t n = ccad_team_schedule_finding_count(R->T.ts), i, k = 0;
    for (i = 0; i < n; i++) {
        ccad_team_finding f = CCAD_TEAM_FINDING_INIT;
        (void)ccad_team_schedule_finding(R->T.ts, i, &f);
        k += f.finding.kind == CCAD_FIND_RELEASE_PROPOSED;
    }
    return k;
}

/* The workload table before and after the proposals, and the balance. */
static void print_balance(const struct run *R)
{
    ccad_team_balance b = CCAD_TEAM_BALANCE_INIT;
    size_t k;
    (void)ccad_team_proposals_balance(R->T.tp, &b);
    printf("%s", MSG(M_TEAM_WORKLOAD_HEAD));
    for (k = 0; k < ccad_team_count(R->T.team); k++) {
        ccad_team_load L = CCAD_TEAM_LOAD_INIT;
        (void)ccad_team_proposals_load(R->T.tp, k, &L);
        printf("  ");
        ccex_print_pad(stdout, R->T.by_index[k]->id, 8);
        printf(MSG(M_TEAM_LOAD_ROW), (long)L.before.visits, (long)L.before.capacity,
               (long)L.before.rows[0].visits, (long)L.before.rows[1].visits,
               (long)L.before.rows[2].visits, (long)L.before.rows[3].visits, (long)L.visits_after,
               (unsigned long)(L.before.rows[0].customers + L.before.rows[1].customers +
                               L.before.rows[2].customers + L.before.rows[3].customers),
               (unsigned long)L.customers_after, (long)L.travel_before, (long)L.travel_after);
    }
    printf(MSG(M_TEAM_BALANCE), b.spread_before_x100 / 100.0, b.spread_after_x100 / 100.0,
           (long)b.travel_before, (long)b.travel_after, (long)b.releases,
           ccex_plural(R->lang, (long)b.releases), (long)b.assigns,
           ccex_plural(R->lang, (long)b.assigns), (long)b.moves,
           ccex_plural(R->lang, (long)b.moves), (long)b.over_after,
           ccex_plural(R->lang, (long)b.over_after));
}

static void print_findings(const struct run *R)
{
    size_t n = ccad_team_schedule_finding_count(R->T.ts), i, k;
    size_t count[CCEX_TEAM_MAX] = {0}, none = 0, pooled = 0;
    for (i = 0; i < n; i++) {
        ccad_team_finding f = CCAD_TEAM_FINDING_INIT;
        (void)ccad_team_schedule_finding(R->T.ts, i, &f);
        count[f.rep] += f.finding.kind != CCAD_FIND_RELEASE_PROPOSED;
        if (f.finding.reason_count > 0 && f.finding.reasons[0].why == CCAD_WHY_TEAM_NO_CARRIER) {
            char why[600];
            if (none++ == 0)
                printf("%s", MSG(M_TEAM_NO_ROOM));
            ccex_reason_text(why, sizeof why, &f.finding.reasons[0], R->lang);
            printf("  ");
            ccex_print_pad(stdout, R->T.by_index[f.rep]->id, 8);
            putchar(' ');
            ccex_print_pad(stdout,
                           ccex_team_plan_cust_id(&R->T, f.rep, (uint32_t)f.finding.customer), 7);
            putchar(' ');
            print_cut(R, ccex_team_plan_cust_name(&R->T, f.rep, (uint32_t)f.finding.customer), 28);
            printf(" %s\n", why);
        }
    }
    for (i = 0; i < ccad_team_proposals_count(R->T.tp); i++) {
        ccad_team_proposal p = CCAD_TEAM_PROPOSAL_INIT;
        (void)ccad_team_proposals_item(R->T.tp, i, &p);
        if (p.rep != UINT32_MAX)
            count[p.rep]++;
        else
            pooled++;
    }
    n = n - count_plan_releases(R) + ccad_team_proposals_count(R->T.tp);
    printf(MSG(M_TEAM_FINDINGS), (unsigned long)n);
    for (k = 0; k < ccad_team_count(R->T.team); k++) {
        char id[3 * CCAD_ID_MAX + 1];
        ccex_text_safe(id, sizeof id, R->T.by_index[k]->id);
        printf(MSG(M_TEAM_FINDINGS_REP), id, (unsigned long)count[k]);
        if (k + 1 < ccad_team_count(R->T.team))
            printf("%s", MSG(M_TEAM_FINDINGS_SEP));
    }
    if (pooled > 0)
        printf(MSG(M_TEAM_FINDINGS_POOL), (unsigned long)pooled);
    printf("\n");
}

/* The column titles, in the widths of the rows (print_item). */
static void print_columns(const struct run *R)
{
    printf("\n     #  ");
    ccex_print_pad(stdout, MSG(M_COL_ETA), 7);
    ccex_print_pad(stdout, MSG(M_COL_ID), 8);
    ccex_print_pad(stdout, MSG(M_COL_CUSTOMER), 29);
    ccex_print_pad(stdout, MSG(M_COL_OWNER), 9);
    printf("Q   ");
    ccex_print_pad(stdout, MSG(M_COL_KIND), R->kind_w + 1);
    ccex_print_pad(stdout, MSG(M_COL_BY), R->by_w + 1);
    printf("%s\n", MSG(M_COL_WHY));
}

static void print_table(struct run *R)
{
    size_t i = 0, k, customers = 0;
    int32_t d;
    char first[40], last[40];
    R->kind_w = name_width(R, CCAD_NAME_ITEM_KIND, CCAD_ITEM_TOUCH + 1, 7);
    R->by_w = name_width(R, CCAD_NAME_DELEGATION, CCAD_BY_SUBSTITUTE + 1, 10);
    ccex_day_text(first, R->T.o.first_day, R->lang);
    ccex_day_text(last, R->T.o.first_day + R->T.o.days - 1, R->lang);
    for (k = 0; k < R->T.in.n; k++)
        customers += ccad_book_count(R->T.in.rep[k].book);
    printf(MSG(M_TEAM_PLAN_FOR), first, last, (unsigned long)R->T.in.n, (unsigned long)customers);
    for (k = 0; k < ccad_team_count(R->T.team); k++) {
        const ccex_rep *p = R->T.by_index[k];
        char s[8], e[8];
        ccex_hhmm(s, p->day_start_min);
        ccex_hhmm(e, p->day_end_min);
        printf("  ");
        ccex_print_pad(stdout, p->id, 8);
        putchar(' ');
        ccex_print_pad(stdout, p->name, 20);
        putchar(' ');
        printf(MSG(M_TEAM_REP), p->lat, p->lon, (long)p->visits_per_day, s, e,
               (unsigned long)ccad_book_count(p->book), p->n_absent ? MSG(M_TEAM_ABSENT_SOME) : "");
    }
    print_columns(R);
    for (d = R->T.o.first_day; d < R->T.o.first_day + R->T.o.days; d++)
        i = print_day(R, i, d);
    print_balance(R);
    print_findings(R);
}

static void print_csv(const struct run *R)
{
    size_t n = ccad_team_schedule_item_count(R->T.ts), i;
    printf("date,rep,seq,customer_id,owner,kind,quadrant,eta,rules\n");
    for (i = 0; i < n; i++) {
        ccad_team_item t = ccex_team_plan_item(&R->T, i);
        char date[16], eta[8], rules[200];
        ccex_date_text(date, t.item.date);
        ccex_hhmm(eta, t.item.eta_min);
        ccex_rule_list(rules, sizeof rules, t.item.reasons, t.item.reason_count);
        printf("%s,", date);
        ccex_csv_put(stdout, R->T.by_index[t.carrier]->id);
        printf(",%ld,", (long)t.item.seq);
        ccex_csv_put(stdout, ccex_team_plan_cust_id(&R->T, t.owner, t.item.customer));
        putchar(',');
        ccex_csv_put(stdout, R->T.by_index[t.owner]->id);
        printf(",%s,%s,%s,%s\n", ccad_name(CCAD_NAME_ITEM_KIND, t.item.kind),
               ccad_name(CCAD_NAME_QUADRANT, t.item.quadrant), eta, rules);
    }
}

/* The team proposals as findings: rep = the customer's rep now ("pool"
 * for a pool customer); an assignment's or a move's first detail ends with
 * the rep proposed to take the customer. Returns 0, or -1 on a read error. */
static int write_proposals(const struct run *R, FILE *fp)
{
    size_t n = ccad_team_proposals_count(R->T.tp), i;
    for (i = 0; i < n; i++) {
        ccad_team_proposal p = CCAD_TEAM_PROPOSAL_INIT;
        char rules[200], why[600];
        uint32_t k;
        if (ccad_team_proposals_item(R->T.tp, i, &p) != CCAD_OK)
            return -1;
        ccex_csv_put(fp, ccex_team_plan_rep(&R->T, p.rep)->id);
        fputc(',', fp);
        ccex_csv_put(fp, ccex_team_plan_cust_id(&R->T, p.rep, (uint32_t)p.finding.customer));
        ccex_rule_list(rules, sizeof rules, p.finding.reasons, p.finding.reason_count);
        fprintf(fp, ",%s,%s", ccad_name(CCAD_NAME_FINDING, p.finding.kind), rules);
        for (k = 0; k < CCAD_ITEM_REASONS_MAX; k++) {
            why[0] = '\0';
            if (k < p.finding.reason_count)
                ccex_reason_text(why, sizeof why - 80, &p.finding.reasons[k], R->lang);
            if (k == 0 && p.to_rep != UINT32_MAX)
                snprintf(why + strlen(why), 80, MSG(M_TEAM_TO_REP), R->T.by_index[p.to_rep]->id);
            fputc(',', fp);
            ccex_csv_put(fp, why);
        }
        fputc('\n', fp);
    }
    return 0;
}

static int write_findings(const struct run *R, const char *path)
{
    size_t n = ccad_team_schedule_finding_count(R->T.ts), i;
    FILE *fp = ccex_findings_open(path, "rep,customer_id,", PROG);
    if (fp == NULL)
        return -1;
    for (i = 0; i < n; i++) {
        ccad_team_finding f = CCAD_TEAM_FINDING_INIT;
        if (ccad_team_schedule_finding(R->T.ts, i, &f) != CCAD_OK)
            break;
        if (f.finding.kind == CCAD_FIND_RELEASE_PROPOSED)
            continue; /* among the team proposals, with every ground */
        ccex_csv_put(fp, R->T.by_index[f.rep]->id);
        fputc(',', fp);
        ccex_csv_put(fp, f.finding.customer >= 0
                             ? ccex_team_plan_cust_id(&R->T, f.rep, (uint32_t)f.finding.customer)
                             : "");
        fputc(',', fp);
        ccex_finding_fields(fp, &f.finding, R->lang);
    }
    if (i == n)
        i = write_proposals(R, fp) ? n + 1 : n;
    return ccex_findings_close(fp, path, i == n, PROG);
}

int main(int argc, char **argv)
{
    struct options o;
    struct run R;
    int status;
    ccex_data_init(argv[0]); /* where the bundled data is (datadir.h) */
    status = parse_args(argc, argv, &o);
    if (status >= 0)
        return status;
    memset(&R, 0, sizeof R);
    R.lang = o.team.lang;
    if (ccex_team_plan_make(&R.T, &o.team, PROG) != 0) {
        ccex_team_plan_free(&R.T);
        return CCEX_EXIT_INPUT;
    }
    status = CCEX_EXIT_OK;
    if (o.csv)
        print_csv(&R);
    else
        print_table(&R);
    if (o.findings != NULL && write_findings(&R, o.findings) != 0)
        status = CCEX_EXIT_INPUT;
    if (fflush(stdout) != 0) {
        fprintf(stderr, PROG ": cannot write the output\n");
        status = CCEX_EXIT_INPUT;
    }
    ccex_team_plan_free(&R.T);
    return status;
}
