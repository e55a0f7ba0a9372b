/* ccad-map: each day's route as an SVG map.
 *
 *   ccad-map [plan flags of ccad-plan] [--out DIR] [--day YYYY-MM-DD]
 *
 * Plans exactly as ccad-plan does (examples/common/plan.h) and writes, for
 * every day with routed stops (or only --day), DIR/map-YYYY-MM-DD.svg: the
 * stops numbered in route order and coloured by grade, the base, the route
 * from the base through the stops and back, on an equirectangular
 * projection fitted to the day's bounding box, with a legend and a title
 * giving the date, the stops and the travel minutes (the writer is
 * examples/common/svg.c).
 * Exit status: 0 ok, 1 bad input, 2 bad usage. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "customers.h"
#include "custcadence.h"
#include "datadir.h"
#include "messages.h"
#include "plan.h"
#include "svg.h"

#define PROG "ccad-map"

struct options {
    ccex_plan_args plan;
    const char *out;
    int have_day;
    int32_t day;
};

static void usage(FILE *fp)
{
    fprintf(fp,
            "Usage: " PROG " [--customers FILE] [--contacts FILE] [--rules FILE]\n"
            "                [--today YYYY-MM-DD] [--days N] [--capacity N] [--base LAT,LON]\n"
            "                [--day-start HH:MM] [--day-end HH:MM] [--overload report|stretch]\n"
            "                [--holidays FILE] [--absent FILE] [--special FILE]\n"
            "                [--out DIR] [--day YYYY-MM-DD]\n"
            "\n"
            "Plans like ccad-plan and draws each day's route as an SVG map,\n"
            "DIR/map-YYYY-MM-DD.svg, one file per day with stops.\n"
            "\n"
            "%s"
            "  --out DIR          directory of the maps (default: the current directory)\n"
            "  --day DATE         draw only this day of the plan\n"
            "  --help             show this help and exit\n"
            "\n"
            "Exit status: 0 success, 1 bad input, 2 bad usage.\n",
            ccex_plan_flags_help);
}

enum { OPT_OUT = CCEX_OPT_PLAN_END, OPT_DAY };

static const struct option own_options[] = {{"out", required_argument, NULL, OPT_OUT},
                                            {"day", required_argument, NULL, OPT_DAY},
                                            {NULL, 0, NULL, 0}};

/* One option (opts.h): CCEX_OPTS_GO or an exit status. */
static int take_option(void *user, int key, const char *v)
{
    struct options *o = user;
    switch (key) {
    case OPT_OUT:
        if (v == NULL || *v == '\0')
            return ccex_usage_error(PROG, "--out needs a directory");
        o->out = v;
        return CCEX_OPTS_GO;
    case OPT_DAY:
        if (v == NULL || ccad_date_parse(&o->day, v, strlen(v)) != CCAD_OK)
            return ccex_usage_error(PROG, "--day needs a date (YYYY-MM-DD)");
        o->have_day = 1;
        return CCEX_OPTS_GO;
    default: return ccex_plan_opt(&o->plan, key, v, PROG);
    }
}

static int parse_args(int argc, char **argv, struct options *o)
{
    int status;
    ccex_plan_args_init(&o->plan);
    o->out = ".";
    o->have_day = 0;
    o->day = CCAD_NO_DATE;
    status = ccex_opts_read(argc, argv, ccex_plan_options, own_options, PROG, take_option, o,
                            usage);
    if (status != CCEX_OPTS_GO)
        return status;
    return ccex_plan_args_done(&o->plan, PROG) != 0 ? CCEX_EXIT_USAGE : -1;
}

/* ---------------------------------------------------------------------- */

/* The day's stops as the writer's input (examples/common/svg.c). */
static int write_map(const ccex_plan *p, const ccex_day *day, const char *path)
{
    ccex_svg_stop *stops = calloc(day->stops ? day->stops : 1, sizeof *stops);
    ccex_svg_day d;
    size_t k;
    FILE *fp;
    int bad;

    if (stops == NULL) {
        fprintf(stderr, PROG ": out of memory\n");
        return -1;
    }
    for (k = 0; k < day->stops; k++) {
        const ccad_item *it = &p->items[day->first + k];
        ccex_svg_stop *s = &stops[k];
        s->id = ccad_book_id(p->cs.book, it->customer);
        s->name = ccex_customers_name(&p->cs, it->customer);
        s->seq = (int32_t)it->seq;
        s->eta_min = it->eta_min;
        s->grade = ccad_book_grade_of(p->cs.book, it->customer);
        s->quadrant = it->quadrant;
        s->kind = it->kind;
        s->late = it->late != 0;
        s->has_location = ccex_plan_location(p, it->customer, &s->lat, &s->lon);
    }
    memset(&d, 0, sizeof d);
    d.date = day->date;
    d.stops = stops;
    d.n_stops = day->stops;
    d.travel_min = day->travel_min;
    d.service_min = day->service_min;
    d.back_min = day->back_min;
    d.base_lat = p->options.base_y;
    d.base_lon = p->options.base_x;
    d.lang = p->lang;
    if ((fp = fopen(path, "w")) == NULL) {
        fprintf(stderr, PROG ": %s: cannot create: ", path);
        perror(NULL);
        free(stops);
        return -1;
    }
    ccex_svg_write(fp, &d);
    free(stops);
    bad = ferror(fp) != 0;
    if (fclose(fp) != 0 || bad) {
        fprintf(stderr, PROG ": %s: cannot write\n", path);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    struct options o;
    ccex_plan p;
    size_t d, written = 0;
    int status;
    ccex_data_init(argv[0]); /* where the bundled data is (datadir.h) */
    status = parse_args(argc, argv, &o);
    if (status >= 0)
        return status;
    if ((status = ccex_plan_make(&p, &o.plan, PROG)) != CCEX_EXIT_OK)
        return status;
    if (o.have_day && (o.day < p.today || o.day >= p.today + p.options.days)) {
        char a[16], b[16];
        ccex_date_text(a, p.today);
        ccex_date_text(b, p.today + p.options.days - 1);
        fprintf(stderr, PROG ": --day is outside the plan (%s .. %s)\n", a, b);
        ccex_plan_free(&p);
        return CCEX_EXIT_USAGE;
    }
    for (d = 0; d < p.n_days && status == CCEX_EXIT_OK; d++) {
        const ccex_day *day = &p.days[d];
        char date[16], path[4096];
        if (o.have_day && day->date != o.day)
            continue;
        ccex_date_text(date, day->date);
        if (day->stops == 0) {
            if (o.have_day)
                printf(ccex_msg(p.lang, M_MAP_NO_STOPS), date);
            continue;
        }
        if ((size_t)snprintf(path, sizeof path, "%s/map-%s.svg", o.out, date) >= sizeof path) {
            fprintf(stderr, PROG ": --out: directory name too long\n");
            status = CCEX_EXIT_USAGE;
            break;
        }
        if (write_map(&p, day, path) != 0) {
            status = CCEX_EXIT_INPUT;
            break;
        }
        printf(ccex_msg(p.lang, M_MAP_WRITTEN), path, (unsigned long)day->stops,
               ccex_plural(p.lang, (long)day->stops), (long)day->travel_min);
        written++;
    }
    if (status == CCEX_EXIT_OK && written == 0 && !o.have_day)
        printf("%s", ccex_msg(p.lang, M_MAP_NONE));
    if ((fflush(stdout) != 0 || ferror(stdout)) && status == CCEX_EXIT_OK) {
        fprintf(stderr, PROG ": cannot write the output\n");
        status = CCEX_EXIT_INPUT;
    }
    ccex_plan_free(&p);
    return status;
}
