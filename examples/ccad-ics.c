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
 * and are folded at 75 octets; text values are escaped (the writer is
 * examples/common/ics.c).
 * Exit status: 0 ok, 1 bad input, 2 bad usage. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "customers.h"
#include "custcadence.h"
#include "datadir.h"
#include "ics.h"
#include "messages.h"
#include "plan.h"
#include "team_plan.h"

#define PROG "ccad-ics"

struct options {
    ccex_plan_args plan;
    const char *out;
    const char *rep;       /* --rep: the team calendar of this rep */
    const char *reps;      /* --reps: the team's reps file (with --rep) */
    const char *plan_only; /* the first flag given that only a rep's own plan takes */
};

static void usage(FILE *fp)
{
    fprintf(fp,
            "Usage: " PROG " [--customers FILE] [--contacts FILE] [--rules FILE]\n"
            "                [--today YYYY-MM-DD] [--days N] [--capacity N] [--base LAT,LON]\n"
            "                [--day-start HH:MM] [--day-end HH:MM] [--overload report|stretch]\n"
            "                [--holidays FILE] [--absent FILE] [--special FILE]\n"
            "                [-o FILE]\n"
            "       " PROG " --rep ID [--reps FILE --customers FILE] [--contacts FILE]\n"
            "                [--today YYYY-MM-DD] [--days N] [--lang LANG] [-o FILE]\n"
            "\n"
            "Plans like ccad-plan and writes the routed visits as an RFC 5545 calendar,\n"
            "one event per stop with a reminder on the item's reminder day.\n"
            "\n"
            "%s"
            "  -o, --output FILE  write the calendar to FILE (default: standard output)\n"
            "  --rep ID           plan the team (as ccad-team) and write the stops rep ID\n"
            "                     carries: its own and those carried for teammates\n"
            "  --reps FILE        the team's reps file, with --rep and --customers\n"
            "                     (default: the bundled team)\n"
            "  --help             show this help and exit\n"
            "\n"
            "Exit status: 0 success, 1 bad input, 2 bad usage.\n",
            ccex_plan_flags_help);
}

enum { OPT_REP = CCEX_OPT_PLAN_END, OPT_REPS };

/* The shared flags a team plan takes too (team_plan.h). */
static int team_flag(int key)
{
    return key == CCEX_OPT_CUSTOMERS || key == CCEX_OPT_CONTACTS || key == CCEX_OPT_TODAY ||
           key == CCEX_OPT_DAYS || key == CCEX_OPT_LANG;
}

static const char *flag_name(int key)
{
    size_t k;
    for (k = 0; ccex_plan_options[k].name != NULL && ccex_plan_options[k].val != key; k++)
        ;
    return ccex_plan_options[k].name;
}

static const struct option own_options[] = {{"output", required_argument, NULL, 'o'},
                                            {"rep", required_argument, NULL, OPT_REP},
                                            {"reps", required_argument, NULL, OPT_REPS},
                                            {NULL, 0, NULL, 0}};

/* One option (opts.h): CCEX_OPTS_GO or an exit status. */
static int take_option(void *user, int key, const char *v)
{
    struct options *o = user;
    switch (key) {
    case 'o':
        if (v == NULL || *v == '\0')
            return ccex_usage_error(PROG, "-o needs a file name");
        o->out = v;
        return CCEX_OPTS_GO;
    case OPT_REP:
    case OPT_REPS:
        if (v == NULL || *v == '\0')
            return ccex_usage_error(PROG, key == OPT_REP ? "--rep needs a rep id"
                                                         : "--reps needs a file name");
        *(key == OPT_REP ? &o->rep : &o->reps) = v;
        return CCEX_OPTS_GO;
    default:
        if (o->plan_only == NULL && !team_flag(key))
            o->plan_only = flag_name(key);
        return ccex_plan_opt(&o->plan, key, v, PROG);
    }
}

/* Checks --rep against the other flags: -1 to go on, or the exit status. */
static int rep_args_done(const struct options *o)
{
    if (o->rep == NULL)
        return o->reps == NULL ? -1 : ccex_usage_error(PROG, "--reps needs --rep ID");
    if (o->plan_only != NULL)
        return ccex_usage_error(PROG,
                                "--%s does not apply with --rep (the team plan takes each "
                                "rep's base, day and visits from the reps file)",
                                o->plan_only);
    if ((o->reps == NULL) != (o->plan.customers == NULL))
        return ccex_usage_error(PROG, "give --reps and --customers together (or neither, for "
                                      "the bundled team)");
    return -1;
}

static int parse_args(int argc, char **argv, struct options *o)
{
    int status;
    ccex_plan_args_init(&o->plan);
    o->out = NULL;
    o->rep = o->reps = o->plan_only = NULL;
    status = ccex_opts_read(argc, argv, ccex_plan_options, own_options, PROG, take_option, o,
                            usage);
    if (status != CCEX_OPTS_GO || (status = rep_args_done(o)) >= 0)
        return status;
    return ccex_plan_args_done(&o->plan, PROG) != 0 ? CCEX_EXIT_USAGE : -1;
}

/* The item as the writer's event (examples/common/ics.c). */
static void write_event(FILE *fp, const ccex_plan *p, const ccad_item *it)
{
    ccex_ics_event e;
    memset(&e, 0, sizeof e);
    e.id = ccad_book_id(p->cs.book, it->customer);
    e.name = ccex_customers_name(&p->cs, it->customer);
    e.date = it->date;
    e.eta_min = it->eta_min;
    e.depart_min = it->depart_min;
    e.reminder_date = it->reminder_date;
    e.day_start_min = p->options.day_start_min;
    e.seq = (int32_t)it->seq;
    e.travel_min = (int32_t)it->travel_min;
    e.kind = it->kind;
    e.quadrant = it->quadrant;
    e.grade = ccad_book_grade_of(p->cs.book, it->customer);
    e.late = it->late != 0;
    e.has_location = ccex_plan_location(p, it->customer, &e.lat, &e.lon);
    e.reasons = it->reasons;
    e.reason_count = it->reason_count;
    e.lang = p->lang;
    ccex_ics_event_write(fp, &e, p->today);
}

/* Opens the output: standard output, or -o FILE (NULL after a message). */
static FILE *open_output(const char *out)
{
    FILE *fp = out != NULL ? fopen(out, "wb") : stdout;
    if (fp == NULL) {
        fprintf(stderr, PROG ": %s: cannot create: ", out);
        perror(NULL);
    }
    return fp;
}

/* Ends the calendar and closes the output; the exit status. */
static int close_output(FILE *fp, const char *out, size_t events, int lang)
{
    int bad;
    ccex_ics_end(fp);
    bad = ferror(fp) != 0;
    if ((fp != stdout ? fclose(fp) : fflush(fp)) != 0 || bad) {
        fprintf(stderr, PROG ": cannot write the calendar\n");
        return CCEX_EXIT_INPUT;
    }
    if (out != NULL) {
        fprintf(stderr, PROG ": ");
        fprintf(stderr, ccex_msg(lang, M_ICS_WROTE), (unsigned long)events,
                ccex_plural(lang, (long)events), out);
    }
    return CCEX_EXIT_OK;
}

/* A team item that rep `carrier` carries as the writer's event: the
 * carrier's day and route, the owner's customer. */
static void write_team_event(FILE *fp, const ccex_team_plan *T, const ccad_team_item *t, int lang)
{
    const ccex_rep *owner = ccex_team_plan_rep(T, t->owner);
    const ccad_item *it = &t->item;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    ccex_ics_event e;
    memset(&e, 0, sizeof e);
    e.id = ccex_team_plan_cust_id(T, t->owner, it->customer);
    e.name = ccex_team_plan_cust_name(T, t->owner, it->customer);
    e.date = it->date;
    e.eta_min = it->eta_min;
    e.depart_min = it->depart_min;
    e.reminder_date = it->reminder_date;
    e.day_start_min = ccex_team_plan_rep(T, t->carrier)->day_start_min;
    e.seq = (int32_t)it->seq;
    e.travel_min = (int32_t)it->travel_min;
    e.kind = it->kind;
    e.quadrant = it->quadrant;
    e.grade = ccad_book_grade_of(owner->book, it->customer);
    e.late = it->late != 0;
    if (ccad_book_get(owner->book, it->customer, &c) == CCAD_OK && c.has_location) {
        e.has_location = 1;
        e.lat = c.y;
        e.lon = c.x;
    }
    e.reasons = it->reasons;
    e.reason_count = it->reason_count;
    e.lang = lang;
    e.owner = owner->id;
    e.owner_name = owner->name[0] != '\0' ? owner->name : owner->id;
    e.for_teammate = t->owner != t->carrier;
    ccex_ics_event_write(fp, &e, T->o.first_day);
}

/* --rep ID: plans the team and writes the stops the rep carries. */
static int rep_calendar(const struct options *o)
{
    ccex_team_args a;
    ccex_team_plan T;
    FILE *fp;
    size_t i, n, at, events = 0;
    int status;
    memset(&a, 0, sizeof a);
    a.reps = o->reps;
    a.customers = o->plan.customers;
    a.contacts = o->plan.contacts;
    a.have_today = o->plan.have_today;
    a.today = o->plan.today;
    a.days = o->plan.days;
    a.lang = o->plan.lang;
    if (ccex_team_plan_make(&T, &a, PROG) != 0) {
        ccex_team_plan_free(&T);
        return CCEX_EXIT_INPUT;
    }
    if (ccad_team_find(T.team, o->rep, &at) != CCAD_OK) {
        fprintf(stderr, PROG ": --rep %s: the team has no rep with this id\n", o->rep);
        ccex_team_plan_free(&T);
        return CCEX_EXIT_INPUT;
    }
    if ((fp = open_output(o->out)) == NULL) {
        ccex_team_plan_free(&T);
        return CCEX_EXIT_INPUT;
    }
    ccex_ics_begin(fp, a.lang);
    n = ccad_team_schedule_item_count(T.ts);
    for (i = 0; i < n; i++) {
        ccad_team_item t = ccex_team_plan_item(&T, i);
        if (t.carrier == at && t.item.seq > 0) {
            write_team_event(fp, &T, &t, a.lang);
            events++;
        }
    }
    status = close_output(fp, o->out, events, a.lang);
    ccex_team_plan_free(&T);
    return status;
}

int main(int argc, char **argv)
{
    struct options o;
    ccex_plan p;
    FILE *fp;
    size_t i, events = 0;
    int status;
    ccex_data_init(argv[0]); /* where the bundled data is (datadir.h) */
    status = parse_args(argc, argv, &o);
    if (status >= 0)
        return status;
    if (o.rep != NULL)
        return rep_calendar(&o);
    if ((status = ccex_plan_make(&p, &o.plan, PROG)) != CCEX_EXIT_OK)
        return status;
    if ((fp = open_output(o.out)) == NULL) {
        ccex_plan_free(&p);
        return CCEX_EXIT_INPUT;
    }
    ccex_ics_begin(fp, p.lang);
    for (i = 0; i < p.n_items; i++)
        if (p.items[i].seq > 0) {
            write_event(fp, &p, &p.items[i]);
            events++;
        }
    status = close_output(fp, o.out, events, p.lang);
    ccex_plan_free(&p);
    return status;
}
