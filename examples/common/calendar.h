/* calendar.h - the calendar inputs of the example programs: times of day
 * (HH:MM), visit hours (HH:MM-HH:MM), date-list files (holidays, absences,
 * special dates) and the calendar callback built from them.
 *
 * A date-list file holds one date a line, written YYYY-MM-DD. Blanks around
 * the date are ignored; blank lines and everything from a '#' to the end of
 * the line are comments; LF or CRLF ends a line and a UTF-8 byte order mark
 * at the start is skipped. A date may appear more than once. Anything else
 * is an error reported as "file:line:column: message".
 */
#ifndef CCAD_EXAMPLES_CALENDAR_H
#define CCAD_EXAMPLES_CALENDAR_H

#include <stddef.h>
#include <stdint.h>

#include "csv.h"
#include "custcadence.h"

/* ---------------------------------------------------------------------- */
/* Times of day */

/** What ccex_time_parse() found wrong (0 = nothing). */
enum ccex_time_error {
    CCEX_TIME_OK = 0,
    CCEX_TIME_FORM,    /* not two digits, a colon, two digits */
    CCEX_TIME_HOUR,    /* hour above 24 */
    CCEX_TIME_MINUTE,  /* minutes above 59 */
    CCEX_TIME_PAST_24, /* 24:MM with MM above 00 */
    CCEX_TIME_24_START /* 24:00 where a start is wanted */
};

/** Parses exactly "HH:MM" (hours 00..24, minutes 00..59) from [s, s+n) into
 *  minutes after midnight. 24:00 (= 1440) is accepted only when @p is_end
 *  is set. Returns a ::ccex_time_error. */
int ccex_time_parse(const char *s, size_t n, int is_end, int32_t *out_min);

/** English text of a ::ccex_time_error, such as "is not a time (HH:MM)". */
const char *ccex_time_error_text(int error);

/** The visit_hours cell "HH:MM-HH:MM" (blanks around each time allowed):
 *  the opening and closing minutes; the closing time must be after the
 *  opening. On error CCEX_EINPUT with "file:line:column: column: ...". */
int ccex_parse_hours(const ccex_csv *r, const ccex_field *f, const char *column, int32_t *out_open,
                     int32_t *out_close, ccex_err *err);

/* ---------------------------------------------------------------------- */
/* Date-list files */

/** The dates of a date-list file, sorted, without duplicates. */
typedef struct ccex_dates {
    const char *path; /**< The file read (as given); NULL when none. */
    int32_t *days;    /**< Sorted day numbers. */
    size_t count;     /**< Distinct dates. */
} ccex_dates;

/** Reads a date-list file (format above). @p out is zeroed on error. */
int ccex_load_dates(ccex_dates *out, const char *path, ccex_err *err);

/** 1 if @p day is in the list. */
int ccex_dates_has(const ccex_dates *d, int32_t day);

/** Frees the list; the struct is zeroed. */
void ccex_dates_free(ccex_dates *d);

/* ---------------------------------------------------------------------- */
/* The calendar */

/** The calendar of a plan: Monday to Friday working, less the holidays, with
 *  the rep's absences and the special dates. */
typedef struct ccex_calendar {
    ccex_dates holidays; /**< Not working (CCAD_DAY_HOLIDAY). */
    ccex_dates absent;   /**< CCAD_DAY_ABSENT on the working days among them. */
    ccex_dates special;  /**< CCAD_DAY_SPECIAL on any day. */
} ccex_calendar;

/** Reads the files that are not NULL; on error frees what it read and
 *  returns the error with @p err set. */
int ccex_calendar_load(ccex_calendar *cal, const char *holidays, const char *absent,
                       const char *special, ccex_err *err);

/** Frees the lists; the struct is zeroed. */
void ccex_calendar_free(ccex_calendar *cal);

/** The ccad_host.calendar callback; @p user is a const ccex_calendar *. */
int ccex_calendar_flags(void *user, int32_t day, uint32_t *out_flags);

#endif /* CCAD_EXAMPLES_CALENDAR_H */
