/* cells.h - typed cells of a CSV record, shared by every loader of the
 * example programs (customers.c, contacts.c, team.c, calendar.c).
 *
 * Each parser returns CCEX_OK or CCEX_EINPUT with a message at the field's
 * position. Leading and trailing blanks are ignored; callers decide what an
 * empty cell means. */
#ifndef CCAD_EXAMPLES_CELLS_H
#define CCAD_EXAMPLES_CELLS_H

#include <stddef.h>
#include <stdint.h>

#include "csv.h"

/** Money such as 1234.56 (at most two decimals, no sign, no separators) in
 *  minor units. */
int ccex_parse_money(const ccex_csv *r, const ccex_field *f, const char *column, int64_t *out,
                     ccex_err *err);

/** A date written YYYY-MM-DD. */
int ccex_parse_date(const ccex_csv *r, const ccex_field *f, const char *column, int32_t *out,
                    ccex_err *err);

/** An unsigned count (decimal digits only) up to @p max. */
int ccex_parse_count(const ccex_csv *r, const ccex_field *f, const char *column, uint32_t max,
                     uint32_t *out, ccex_err *err);

/** A finite decimal number in [lo, hi]. */
int ccex_parse_real(const ccex_csv *r, const ccex_field *f, const char *column, double lo,
                    double hi, double *out, ccex_err *err);

/** 1 if the field is empty or blank. */
int ccex_field_blank(const ccex_field *f);

/** A name of one of the library's enumerations (a ::ccad_name_kind, such as
 *  CCAD_NAME_STATUS), spelt as ccad_name() writes it in English, ASCII
 *  letters in any case; read with ccad_name_parse(). The placeholder "-"
 *  (a grade not set) is not a name. @p expect lists the accepted names for
 *  the message "COLUMN: 'TEXT' is not one of EXPECT". */
int ccex_parse_name(const ccex_csv *r, const ccex_field *f, const char *column, int kind,
                    const char *expect, int *out, ccex_err *err);

/** A yes/no cell written 1 or 0. */
int ccex_parse_flag(const ccex_csv *r, const ccex_field *f, const char *column, int *out,
                    ccex_err *err);

/** Weekdays such as "Mon Wed Fri" (names as ccad_name() writes them, or
 *  written out: "Monday"; any case; separated by blanks, commas or
 *  semicolons) as a mask: bit 0 Monday .. bit 6 Sunday. */
int ccex_parse_weekdays(const ccex_csv *r, const ccex_field *f, const char *column, uint32_t *out,
                        ccex_err *err);

/** Refuses a field that is not valid UTF-8 (ids and names reach the
 *  calendar and the maps, whose formats need it), at the offending byte:
 *  "file:line:column: COLUMN: invalid UTF-8 (byte 0xNN)". */
int ccex_check_utf8(const ccex_csv *r, const ccex_field *f, const char *column, ccex_err *err);

#endif /* CCAD_EXAMPLES_CELLS_H */
