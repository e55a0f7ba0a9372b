/* svg.h - the SVG map writer of ccad-map, callable on its own
 * (tests/fuzz/fuzz_svg.c drives it with arbitrary stops).
 *
 * The output is well-formed XML in UTF-8 whatever the strings hold: in text
 * & < > " ' are written as references, a CR as &#13;, TAB and LF as they
 * are; other control characters (C0, DEL, C1), U+FFFE, U+FFFF and bytes that
 * are not valid UTF-8 become U+FFFD. */
#ifndef CCAD_EXAMPLES_SVG_H
#define CCAD_EXAMPLES_SVG_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/** One stop of the day, in route order. Strings may hold any bytes. */
typedef struct ccex_svg_stop {
    const char *id;
    const char *name;
    int32_t seq;      /**< stop number */
    int32_t eta_min;  /**< arrival, minutes after midnight */
    int grade;        /**< ::ccad_grade (colour) */
    int quadrant;     /**< 1..4 */
    int kind;         /**< ::ccad_item_kind */
    int late;         /**< 1: drawn with a black ring */
    int has_location; /**< 0 (or lat/lon not a place on Earth): drawn at the base */
    double lat, lon;
} ccex_svg_stop;

/** One day's route. */
typedef struct ccex_svg_day {
    int32_t date;
    const ccex_svg_stop *stops;
    size_t n_stops;
    int32_t travel_min, service_min, back_min;
    double base_lat, base_lon; /**< not a place on Earth: 0, 0 */
    int lang; /**< ::ccad_lang of the texts, also the root's xml:lang (en: none, as before) */
} ccex_svg_day;

/** Writes the day's map as one SVG document. */
void ccex_svg_write(FILE *fp, const ccex_svg_day *day);

/** Writes @p s as XML character data (also fit for attribute values). */
void ccex_svg_text(FILE *fp, const char *s);

#endif /* CCAD_EXAMPLES_SVG_H */
