/* ics.h - the iCalendar (RFC 5545) writer of ccad-ics, callable on its own
 * (tests/fuzz/fuzz_ics.c drives it with arbitrary events).
 *
 * Every line ends in CRLF and is folded at 75 octets, never inside a UTF-8
 * sequence. Text values are escaped as RFC 5545 3.3.11 asks (backslash,
 * semicolon, comma, line breaks as \n); a TAB becomes a space; other control
 * characters (C0, DEL, C1), U+FFFE, U+FFFF and bytes that are not valid
 * UTF-8 become U+FFFD, so the output is valid UTF-8 without control
 * characters whatever the strings hold. A line longer than CCEX_ICS_LINE_MAX octets unfolded is cut
 * at a character or escape boundary. */
#ifndef CCAD_EXAMPLES_ICS_H
#define CCAD_EXAMPLES_ICS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "custcadence.h"

/** Longest content line before folding, in octets. */
#define CCEX_ICS_LINE_MAX 4095

/** One routed stop as a VEVENT. Strings may hold any bytes. */
typedef struct ccex_ics_event {
    const char *id;        /**< customer id (UID, summary) */
    const char *name;      /**< display name; "" or NULL: the id */
    int32_t date;          /**< day of the stop */
    int32_t eta_min;       /**< arrival, minutes after midnight of date */
    int32_t depart_min;    /**< departure, may pass 24:00 */
    int32_t reminder_date; /**< the alarm's day (CCAD_NO_DATE: the day itself) */
    int32_t day_start_min; /**< the working day's start: the alarm's time */
    int32_t seq;           /**< stop number of the day */
    int32_t travel_min;    /**< travel from the previous stop */
    int kind;              /**< ::ccad_item_kind */
    int quadrant;          /**< 1..4 */
    int grade;             /**< ::ccad_grade */
    int late;              /**< 1: misses its window or the day's end */
    int has_location;      /**< lat and lon are set (and on Earth): LOCATION, GEO */
    double lat, lon;
    const ccad_reason *reasons;
    uint32_t reason_count;
    int lang;               /**< ::ccad_lang of the texts; Chinese adds LANGUAGE= to them */
    const char *owner;      /**< the rep who owns the customer (ccad-ics --rep); NULL: not said */
    const char *owner_name; /**< that rep's name */
    int for_teammate; /**< 1: carried for the owner, a teammate (summary and description say so) */
} ccex_ics_event;

/** BEGIN:VCALENDAR and the calendar's properties, the calendar's name in
 *  @p lang (a ::ccad_lang). */
void ccex_ics_begin(FILE *fp, int lang);

/** One VEVENT with its VALARM; DTSTAMP is midnight UTC of @p stamp_day. */
void ccex_ics_event_write(FILE *fp, const ccex_ics_event *e, int32_t stamp_day);

/** END:VCALENDAR. */
void ccex_ics_end(FILE *fp);

/** Writes @p n bytes as one content line folded at 75 octets (continuation
 *  lines start with a space, which counts) and ended by CRLF. Never splits a
 *  valid UTF-8 sequence; a line of invalid bytes is cut every 75 octets, so
 *  every fold advances. */
void ccex_ics_fold(FILE *fp, const char *s, size_t n);

#endif /* CCAD_EXAMPLES_ICS_H */
