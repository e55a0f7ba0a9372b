/* ccad-map: each day's route as an SVG map.
 *
 *   ccad-map [plan flags of ccad-plan] [--out DIR] [--day YYYY-MM-DD]
 *
 * Plans exactly as ccad-plan does (examples/common/plan.h) and writes, for
 * every day with routed stops (or only --day), DIR/map-YYYY-MM-DD.svg: the
 * stops numbered in route order and coloured by grade, the base, the route
 * from the base through the stops and back, on an equirectangular
 * projection fitted to the day's bounding box, with a legend and a title
 * giving the date, the stops and the travel minutes.
 * Exit status: 0 ok, 1 bad input, 2 bad usage. */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "custcadence.h"
#include "plan.h"

#define PROG "ccad-map"

#define W 800.0      /* drawing width in px */
#define MARGIN 60.0  /* around the bounding box */
#define TOP 70.0     /* room for the title */
#define LEGEND 40.0  /* room for the legend at the bottom */

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

static int parse_args(int argc, char **argv, struct options *o)
{
    int i, m;
    ccex_plan_args_init(&o->plan);
    o->out = ".";
    o->have_day = 0;
    o->day = CCAD_NO_DATE;
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
        if ((m = ccex_option_value(argc, argv, &i, "--out", &v)) != 0) {
            if (m < 0 || *v == '\0')
                return ccex_usage_error(PROG, "--out needs a directory");
            o->out = v;
            continue;
        }
        if ((m = ccex_option_value(argc, argv, &i, "--day", &v)) != 0) {
            if (m < 0 || ccad_date_parse(&o->day, v, strlen(v)) != CCAD_OK)
                return ccex_usage_error(PROG, "--day needs a date (YYYY-MM-DD)");
            o->have_day = 1;
            continue;
        }
        if (a[0] == '-')
            return ccex_usage_error(PROG, "unknown option '%s'", a);
        return ccex_usage_error(PROG, "unexpected argument '%s'", a);
    }
    return ccex_plan_args_done(&o->plan, PROG) != 0 ? CCEX_EXIT_USAGE : -1;
}

/* ---------------------------------------------------------------------- */

static const char *grade_colour(int g)
{
    static const char *const c[] = {"#7f7f7f", "#d62728", "#ff7f0e", "#1f77b4", "#9467bd"};
    return g >= 0 && g <= 4 ? c[g] : c[0];
}

/* XML text with &, <, > and " escaped. */
static void xml_text(FILE *fp, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", fp); break;
        case '<': fputs("&lt;", fp); break;
        case '>': fputs("&gt;", fp); break;
        case '"': fputs("&quot;", fp); break;
        default: fputc(*s, fp);
        }
    }
}

/* The projection: x = lon * cos(mid latitude), y = -lat, scaled to fit. */
struct proj {
    double lon0, lat1, kx, scale, height;
};

static void project(const struct proj *pr, double lat, double lon, double *x, double *y)
{
    *x = MARGIN + (lon - pr->lon0) * pr->kx * pr->scale;
    *y = TOP + MARGIN + (pr->lat1 - lat) * pr->scale;
}

static int write_map(const ccex_plan *p, const ccex_day *day, const char *path)
{
    double minlat = p->options.base_y, maxlat = minlat, minlon = p->options.base_x,
           maxlon = minlon, bx, by, spanx, spany;
    struct proj pr;
    char date[16], back[8];
    size_t k;
    FILE *fp;
    int bad, g;

    for (k = day->first; k < day->first + day->stops; k++) {
        double lat, lon;
        if (!ccex_plan_location(p, p->items[k].customer, &lat, &lon))
            continue;
        minlat = fmin(minlat, lat);
        maxlat = fmax(maxlat, lat);
        minlon = fmin(minlon, lon);
        maxlon = fmax(maxlon, lon);
    }
    pr.kx = cos((minlat + maxlat) / 2.0 * 3.14159265358979323846 / 180.0);
    spanx = fmax((maxlon - minlon) * pr.kx, 1e-4);
    spany = fmax(maxlat - minlat, 1e-4);
    pr.scale = (W - 2 * MARGIN) / spanx;
    if (spany * pr.scale > 700.0) /* a tall day: fit the height instead */
        pr.scale = 700.0 / spany;
    pr.lon0 = minlon;
    pr.lat1 = maxlat;
    pr.height = TOP + 2 * MARGIN + spany * pr.scale + LEGEND;

    if ((fp = fopen(path, "w")) == NULL) {
        fprintf(stderr, PROG ": %s: cannot create: ", path);
        perror(NULL);
        return -1;
    }
    ccex_date_text(date, day->date);
    ccex_hhmm(back, day->back_min);
    fprintf(fp, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
                "viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\">\n",
            W, pr.height, W, pr.height);
    fprintf(fp, "  <title>Route of %s %s</title>\n", ccex_weekday(day->date), date);
    fprintf(fp, "  <rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"#fbfbf8\"/>\n", W,
            pr.height);
    fprintf(fp, "  <text x=\"20\" y=\"32\" font-size=\"20\" font-weight=\"bold\">%s %s</text>\n",
            ccex_weekday(day->date), date);
    fprintf(fp, "  <text x=\"20\" y=\"54\" font-size=\"14\">%lu stops, %ld travel minutes, "
                "%ld service minutes, back at base %s</text>\n",
            (unsigned long)day->stops, (long)day->travel_min, (long)day->service_min, back);

    /* The route: base, stops in order, base. */
    project(&pr, p->options.base_y, p->options.base_x, &bx, &by);
    fprintf(fp, "  <polyline fill=\"none\" stroke=\"#555\" stroke-width=\"2\" "
                "stroke-linejoin=\"round\" points=\"%.1f,%.1f",
            bx, by);
    for (k = day->first; k < day->first + day->stops; k++) {
        double lat = p->options.base_y, lon = p->options.base_x, x, y;
        (void)ccex_plan_location(p, p->items[k].customer, &lat, &lon);
        project(&pr, lat, lon, &x, &y);
        fprintf(fp, " %.1f,%.1f", x, y);
    }
    fprintf(fp, " %.1f,%.1f\"/>\n", bx, by);

    /* The base. */
    fprintf(fp, "  <rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"14\" fill=\"#222\">"
                "<title>Base %.4f, %.4f</title></rect>\n",
            bx - 7, by - 7, p->options.base_y, p->options.base_x);
    fprintf(fp, "  <text x=\"%.1f\" y=\"%.1f\" font-size=\"12\">base</text>\n", bx + 10, by + 4);

    /* The stops, numbered in route order. */
    for (k = day->first; k < day->first + day->stops; k++) {
        const ccad_item *it = &p->items[k];
        double lat = p->options.base_y, lon = p->options.base_x, x, y;
        char eta[8];
        (void)ccex_plan_location(p, it->customer, &lat, &lon);
        project(&pr, lat, lon, &x, &y);
        ccex_hhmm(eta, it->eta_min);
        fprintf(fp, "  <g>\n    <title>%ld. %s ", (long)it->seq, eta);
        xml_text(fp, ccad_book_id(p->cs.book, it->customer));
        fputc(' ', fp);
        xml_text(fp, ccex_customers_name(&p->cs, it->customer));
        fprintf(fp, " (grade %s, %s, %s)</title>\n",
                ccad_name(CCAD_NAME_GRADE, ccad_book_grade_of(p->cs.book, it->customer)),
                ccad_name(CCAD_NAME_QUADRANT, it->quadrant), ccad_name(CCAD_NAME_ITEM_KIND, it->kind));
        fprintf(fp, "    <circle cx=\"%.1f\" cy=\"%.1f\" r=\"11\" fill=\"%s\" stroke=\"%s\" "
                    "stroke-width=\"2\"/>\n",
                x, y, grade_colour(ccad_book_grade_of(p->cs.book, it->customer)),
                it->late ? "#000" : "#fff");
        fprintf(fp, "    <text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"#fff\" "
                    "text-anchor=\"middle\">%ld</text>\n",
                x, y + 4, (long)it->seq);
        fprintf(fp, "  </g>\n");
    }

    /* The legend. */
    for (g = 1; g <= 4; g++) {
        double lx = 20 + (g - 1) * 90.0, ly = pr.height - 20;
        fprintf(fp, "  <circle cx=\"%.0f\" cy=\"%.0f\" r=\"7\" fill=\"%s\"/>\n", lx + 7, ly - 4,
                grade_colour(g));
        fprintf(fp, "  <text x=\"%.0f\" y=\"%.0f\" font-size=\"13\">grade %s</text>\n", lx + 18,
                ly, ccad_name(CCAD_NAME_GRADE, g));
    }
    fprintf(fp, "  <rect x=\"380\" y=\"%.0f\" width=\"12\" height=\"12\" fill=\"#222\"/>\n",
            pr.height - 30);
    fprintf(fp, "  <text x=\"398\" y=\"%.0f\" font-size=\"13\">base</text>\n", pr.height - 20);
    fprintf(fp, "  <text x=\"450\" y=\"%.0f\" font-size=\"13\">black ring: late stop</text>\n",
            pr.height - 20);
    fprintf(fp, "</svg>\n");
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
    int status = parse_args(argc, argv, &o);
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
                printf("%s: no stops, no map\n", date);
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
        printf("%s: %lu stops, %ld travel minutes\n", path, (unsigned long)day->stops,
               (long)day->travel_min);
        written++;
    }
    if (status == CCEX_EXIT_OK && written == 0 && !o.have_day)
        printf("no day of the plan has stops; no map written\n");
    ccex_plan_free(&p);
    return status;
}
