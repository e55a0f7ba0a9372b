/* fuzz_svg.c - the SVG map writer of ccad-map (examples/common/svg.c).
 *
 * The input decodes into one day of 1..6 stops whose ids and names hold any
 * bytes (writer_input.h). The map is written to memory and checked:
 *   - its size is bounded (about 7 times the text of the stops plus 1 KB
 *     a stop and 4 KB);
 *   - it is valid UTF-8 with no control character but TAB and LF, and no
 *     U+FFFE or U+FFFF (XML 1.0 Char);
 *   - a small XML checker accepts it: one root element <svg>, tags nest
 *     and match, attributes are name="value" without < or & other than a
 *     reference, character data has no raw < or >, and every & starts
 *     &amp; &lt; &gt; &quot; &#39; or &#13;;
 *   - it holds one <g> per stop. */
#define _POSIX_C_SOURCE 200809L

#include "writer_input.h"

#include <string.h>

#include "svg.h"

#define DEPTH_MAX 8

static int is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == ':' || c == '_';
}

/* The length of a reference at s ("&amp;" ...), or 0. */
static size_t reference(const char *s, size_t n)
{
    static const char *const refs[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#13;"};
    size_t k;
    for (k = 0; k < sizeof refs / sizeof refs[0]; k++) {
        size_t m = strlen(refs[k]);
        if (m <= n && memcmp(s, refs[k], m) == 0)
            return m;
    }
    return 0;
}

static void check_xml(const char *s, size_t n, size_t stops)
{
    char stack[DEPTH_MAX][16];
    size_t pos = 0, groups = 0;
    int depth = 0, roots = 0;
    while (pos < n) {
        if (s[pos] == '<') {
            size_t k = pos + 1, m;
            int closing = 0;
            char name[16];
            if (k < n && s[k] == '/') {
                closing = 1;
                k++;
            }
            m = k;
            while (k < n && is_name_char(s[k]))
                k++;
            FUZZ_CHECKF(k > m && k - m < sizeof name, "tag name at %lu", (unsigned long)pos);
            memcpy(name, s + m, k - m);
            name[k - m] = '\0';
            if (closing) {
                FUZZ_CHECKF(depth > 0 && strcmp(stack[depth - 1], name) == 0,
                            "</%s> closes nothing open", name);
                FUZZ_CHECK(k < n && s[k] == '>');
                depth--;
                pos = k + 1;
                continue;
            }
            for (;;) { /* attributes */
                size_t a;
                while (k < n && (s[k] == ' ' || s[k] == '\n'))
                    k++;
                FUZZ_CHECK(k < n);
                if (s[k] == '>' || s[k] == '/')
                    break;
                a = k;
                while (k < n && is_name_char(s[k]))
                    k++;
                FUZZ_CHECKF(k > a && k + 1 < n && s[k] == '=' && s[k + 1] == '"',
                            "attribute at %lu", (unsigned long)a);
                k += 2;
                while (k < n && s[k] != '"') {
                    FUZZ_CHECK(s[k] != '<');
                    if (s[k] == '&') {
                        size_t r = reference(s + k, n - k);
                        FUZZ_CHECK(r > 0);
                        k += r;
                    } else {
                        k++;
                    }
                }
                FUZZ_CHECK(k < n);
                k++;
            }
            if (depth == 0) {
                FUZZ_CHECK(strcmp(name, "svg") == 0);
                roots++;
            }
            if (strcmp(name, "g") == 0)
                groups++;
            if (s[k] == '/') {
                FUZZ_CHECK(k + 1 < n && s[k + 1] == '>');
                pos = k + 2;
            } else {
                FUZZ_CHECK(depth < DEPTH_MAX);
                strcpy(stack[depth++], name);
                pos = k + 1;
            }
        } else if (s[pos] == '&') {
            size_t r = reference(s + pos, n - pos);
            FUZZ_CHECKF(r > 0, "bare & at %lu", (unsigned long)pos);
            pos += r;
        } else {
            FUZZ_CHECKF(s[pos] != '>', "raw > at %lu", (unsigned long)pos);
            FUZZ_CHECKF(depth > 0 || s[pos] == '\n' || s[pos] == ' ',
                        "text outside the root at %lu", (unsigned long)pos);
            pos++;
        }
    }
    FUZZ_CHECK(depth == 0 && roots == 1);
    FUZZ_CHECKF(groups == stops, "%lu groups for %lu stops", (unsigned long)groups,
                (unsigned long)stops);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_bytes in = {data, size, 0};
    static wi_day d;
    ccex_svg_stop stops[WI_STOPS_MAX];
    ccex_svg_day day;
    char *out = NULL;
    size_t len = 0, i, text = 0, bad = 0;
    FILE *fp;

    wi_decode(&in, &d);
    memset(&day, 0, sizeof day);
    for (i = 0; i < d.n; i++) {
        const wi_stop *s = &d.stops[i];
        ccex_svg_stop *t = &stops[i];
        memset(t, 0, sizeof *t);
        t->id = s->id;
        t->name = s->name;
        t->seq = s->seq;
        t->eta_min = s->eta_min;
        t->grade = s->grade;
        t->quadrant = s->quadrant;
        t->kind = s->kind;
        t->late = s->late;
        t->has_location = s->has_location;
        t->lat = s->lat;
        t->lon = s->lon;
        text += strlen(s->id) + strlen(s->name);
    }
    day.date = d.date;
    day.stops = stops;
    day.n_stops = d.n;
    day.travel_min = d.stops[0].travel_min;
    day.service_min = d.stops[0].depart_min;
    day.back_min = d.stops[0].eta_min;
    day.base_lat = d.base_lat;
    day.base_lon = d.base_lon;
    day.lang = (int)(size % CCAD_LANG_COUNT);
    fp = open_memstream(&out, &len);
    FUZZ_CHECK(fp != NULL);
    ccex_svg_write(fp, &day);
    FUZZ_CHECK(fclose(fp) == 0);
    FUZZ_CHECKF(len <= 4096 + d.n * 1024 + text * 7, "map of %lu bytes", (unsigned long)len);
    FUZZ_CHECKF(wi_clean_utf8((const unsigned char *)out, len, "\t\n", &bad), "byte 0x%02x at %lu",
                (unsigned)(unsigned char)out[bad], (unsigned long)bad);
    check_xml(out, len, d.n);
    free(out);
    return 0;
}
