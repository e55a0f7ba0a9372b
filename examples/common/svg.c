/* svg.c - the SVG map writer of ccad-map (svg.h). */
#define _POSIX_C_SOURCE 200809L

#include "svg.h"

#include <math.h>
#include <string.h>

#include "custcadence.h"
#include "lang.h"
#include "messages.h"
#include "plan.h"
#include "utf8.h"

#define W 800.0     /* drawing width in px */
#define MARGIN 60.0 /* around the bounding box */
#define TOP 70.0    /* room for the title */
#define LEGEND 40.0 /* room for the legend at the bottom */

static const char *grade_colour(int g)
{
    static const char *const c[] = {"#7f7f7f", "#d62728", "#ff7f0e", "#1f77b4", "#9467bd"};
    return g >= 0 && g <= 4 ? c[g] : c[0];
}

void ccex_svg_text(FILE *fp, const char *s)
{
    size_t n = strlen(s), i = 0;
    while (i < n) {
        uint32_t cp;
        size_t len = ccex_utf8_next(s, n, i, &cp);
        switch (cp) {
        case '&': fputs("&amp;", fp); break;
        case '<': fputs("&lt;", fp); break;
        case '>': fputs("&gt;", fp); break;
        case '"': fputs("&quot;", fp); break;
        case '\'': fputs("&#39;", fp); break;
        case '\r': fputs("&#13;", fp); break;
        case '\t':
        case '\n': fputc((int)cp, fp); break;
        default:
            if (ccex_utf8_unsafe(cp))
                fputs("\xEF\xBF\xBD", fp); /* U+FFFD */
            else
                fwrite(s + i, 1, len, fp);
        }
        i += len;
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

/* Where a stop is drawn: its location, or the base. */
static void where(const ccex_svg_day *d, const ccex_svg_stop *s, double *lat, double *lon)
{
    if (s->has_location && fabs(s->lat) <= 90.0 && fabs(s->lon) <= 180.0) {
        *lat = s->lat;
        *lon = s->lon;
    } else {
        *lat = d->base_lat;
        *lon = d->base_lon;
    }
}

void ccex_svg_write(FILE *fp, const ccex_svg_day *day)
{
    double base_lat = fabs(day->base_lat) <= 90.0 ? day->base_lat : 0.0;
    double base_lon = fabs(day->base_lon) <= 180.0 ? day->base_lon : 0.0;
    double minlat = base_lat, maxlat = minlat, minlon = base_lon, maxlon = minlon, bx, by, spanx,
           spany;
    ccex_svg_day d = *day;
    struct proj pr;
    char when[40], back[8];
    size_t k;
    int g;

    d.base_lat = base_lat;
    d.base_lon = base_lon;
    for (k = 0; k < d.n_stops; k++) {
        double lat, lon;
        where(&d, &d.stops[k], &lat, &lon);
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

    ccex_day_text(when, d.date, d.lang);
    ccex_hhmm(back, d.back_min);
    fprintf(fp,
            "<svg xmlns=\"http://www.w3.org/2000/svg\"%s%s%s width=\"%.0f\" height=\"%.0f\" "
            "viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\">\n",
            d.lang != CCAD_LANG_EN ? " xml:lang=\"" : "",
            d.lang != CCAD_LANG_EN ? ccex_lang_tag(d.lang) : "", d.lang != CCAD_LANG_EN ? "\"" : "",
            W, pr.height, W, pr.height);
    fprintf(fp, "  <title>");
    fprintf(fp, ccex_msg(d.lang, M_SVG_ROUTE_OF), when);
    fprintf(fp, "</title>\n");
    fprintf(fp, "  <rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"#fbfbf8\"/>\n", W,
            pr.height);
    fprintf(fp, "  <text x=\"20\" y=\"32\" font-size=\"20\" font-weight=\"bold\">%s</text>\n",
            when);
    fprintf(fp, "  <text x=\"20\" y=\"54\" font-size=\"14\">");
    fprintf(fp, ccex_msg(d.lang, M_SVG_SUMMARY), (unsigned long)d.n_stops, (long)d.travel_min,
            (long)d.service_min, back);
    fprintf(fp, "</text>\n");

    /* The route: base, stops in order, base. */
    project(&pr, base_lat, base_lon, &bx, &by);
    fprintf(fp,
            "  <polyline fill=\"none\" stroke=\"#555\" stroke-width=\"2\" "
            "stroke-linejoin=\"round\" points=\"%.1f,%.1f",
            bx, by);
    for (k = 0; k < d.n_stops; k++) {
        double lat, lon, x, y;
        where(&d, &d.stops[k], &lat, &lon);
        project(&pr, lat, lon, &x, &y);
        fprintf(fp, " %.1f,%.1f", x, y);
    }
    fprintf(fp, " %.1f,%.1f\"/>\n", bx, by);

    /* The base. */
    fprintf(fp, "  <rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"14\" fill=\"#222\"><title>",
            bx - 7, by - 7);
    fprintf(fp, ccex_msg(d.lang, M_SVG_BASE_AT), base_lat, base_lon);
    fprintf(fp, "</title></rect>\n");
    fprintf(fp, "  <text x=\"%.1f\" y=\"%.1f\" font-size=\"12\">%s</text>\n", bx + 10, by + 4,
            ccex_msg(d.lang, M_SVG_BASE));

    /* The stops, numbered in route order. */
    for (k = 0; k < d.n_stops; k++) {
        const ccex_svg_stop *s = &d.stops[k];
        double lat, lon, x, y;
        char eta[8];
        where(&d, s, &lat, &lon);
        project(&pr, lat, lon, &x, &y);
        ccex_hhmm(eta, s->eta_min);
        fprintf(fp, "  <g>\n    <title>%ld. %s ", (long)s->seq, eta);
        ccex_svg_text(fp, s->id != NULL ? s->id : "");
        fputc(' ', fp);
        ccex_svg_text(fp, s->name != NULL ? s->name : "");
        fprintf(fp, ccex_msg(d.lang, M_SVG_STOP_TAIL),
                ccad_name_lang(CCAD_NAME_GRADE, s->grade, d.lang),
                ccad_name(CCAD_NAME_QUADRANT, s->quadrant),
                ccad_name_lang(CCAD_NAME_ITEM_KIND, s->kind, d.lang));
        fprintf(fp, "</title>\n");
        fprintf(fp,
                "    <circle cx=\"%.1f\" cy=\"%.1f\" r=\"11\" fill=\"%s\" stroke=\"%s\" "
                "stroke-width=\"2\"/>\n",
                x, y, grade_colour(s->grade), s->late ? "#000" : "#fff");
        fprintf(fp,
                "    <text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"#fff\" "
                "text-anchor=\"middle\">%ld</text>\n",
                x, y + 4, (long)s->seq);
        fprintf(fp, "  </g>\n");
    }

    /* The legend. */
    for (g = 1; g <= 4; g++) {
        double lx = 20 + (g - 1) * 90.0, ly = pr.height - 20;
        fprintf(fp, "  <circle cx=\"%.0f\" cy=\"%.0f\" r=\"7\" fill=\"%s\"/>\n", lx + 7, ly - 4,
                grade_colour(g));
        fprintf(fp, "  <text x=\"%.0f\" y=\"%.0f\" font-size=\"13\">", lx + 18, ly);
        fprintf(fp, ccex_msg(d.lang, M_SVG_GRADE), ccad_name_lang(CCAD_NAME_GRADE, g, d.lang));
        fprintf(fp, "</text>\n");
    }
    fprintf(fp, "  <rect x=\"380\" y=\"%.0f\" width=\"12\" height=\"12\" fill=\"#222\"/>\n",
            pr.height - 30);
    fprintf(fp, "  <text x=\"398\" y=\"%.0f\" font-size=\"13\">%s</text>\n", pr.height - 20,
            ccex_msg(d.lang, M_SVG_BASE));
    fprintf(fp, "  <text x=\"450\" y=\"%.0f\" font-size=\"13\">%s</text>\n", pr.height - 20,
            ccex_msg(d.lang, M_SVG_LATE));
    fprintf(fp, "</svg>\n");
}
