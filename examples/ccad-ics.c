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

#include "csv.h"
#include "custcadence.h"
#include "datadir.h"
#include "ics.h"
#include "plan.h"

#define PROG "ccad-ics"

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

static const struct option own_options[] = {
    {"output", required_argument, NULL, 'o'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

/* One option (opts.h): CCEX_OPTS_GO or an exit status. */
static int take_option(void *user, int key, const char *v)
{
    struct options *o = user;
    switch (key) {
    case 'h':
        usage(stdout);
        return CCEX_EXIT_OK;
    case 'o':
        if (v == NULL || *v == '\0')
            return ccex_usage_error(PROG, "-o needs a file name");
        o->out = v;
        return CCEX_OPTS_GO;
    default: return ccex_plan_opt(&o->plan, key, v, PROG);
    }
}

static int parse_args(int argc, char **argv, struct options *o)
{
    int status;
    ccex_plan_args_init(&o->plan);
    o->out = NULL;
    status = ccex_opts_read(argc, argv, ccex_plan_options, own_options, PROG, take_option, o);
    if (status != CCEX_OPTS_GO)
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

int main(int argc, char **argv)
{
    struct options o;
    ccex_plan p;
    FILE *fp = stdout;
    size_t i, events = 0;
    int status, bad;
    ccex_data_init(argv[0]); /* where the bundled data is (datadir.h) */
    status = parse_args(argc, argv, &o);
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
    ccex_ics_begin(fp, p.lang);
    for (i = 0; i < p.n_items; i++)
        if (p.items[i].seq > 0) {
            write_event(fp, &p, &p.items[i]);
            events++;
        }
    ccex_ics_end(fp);
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
