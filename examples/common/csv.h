/* csv.h - the one CSV reader of the example programs, and the customers loader.
 *
 * The reader follows RFC 4180: fields separated by commas, records ended by
 * CRLF or LF (the last one may lack it), fields optionally enclosed in double
 * quotes, a quote inside a quoted field written twice. Quoted fields may hold
 * commas and line breaks. Lines that are completely empty are skipped, a
 * UTF-8 byte order mark at the start is skipped, and every record must have
 * as many fields as the header. Errors name the file, the line and the column
 * (both 1-based, column counted in bytes) as "file:line:column: message".
 *
 * The loaders turn a customers file into a ccad_book and apply a contacts
 * file to it; their column contracts are described at ccex_load_customers()
 * and ccex_load_contacts() below.
 */
#ifndef CCAD_EXAMPLES_CSV_H
#define CCAD_EXAMPLES_CSV_H

#include <stddef.h>
#include <stdint.h>

#include "custcadence.h"

/** A message of the form "file:line:column: what went wrong". */
typedef struct ccex_err {
    char msg[512];
} ccex_err;

/** Status codes of this module. */
enum ccex_status {
    CCEX_OK = 0,
    CCEX_EINPUT = -1, /* the input is malformed or cannot be read (message set) */
    CCEX_ENOMEM = -2  /* out of memory (message set) */
};

/* ---------------------------------------------------------------------- */
/* Whole files */

/** Reads a whole file into a NUL-terminated malloc'ed buffer (*out_len bytes
 *  without the NUL). Returns CCEX_OK, CCEX_EINPUT ("file: cannot open: ...")
 *  or CCEX_ENOMEM. */
int ccex_read_file(char **out, size_t *out_len, const char *path, ccex_err *err);

/* ---------------------------------------------------------------------- */
/* The RFC 4180 reader */

typedef struct ccex_csv ccex_csv;

/** One field of the current record. @c text is NUL-terminated (a field that
 *  holds a NUL byte is rejected), @c len its length; @c line and @c column
 *  are where the field starts (its opening quote, if quoted). */
typedef struct ccex_field {
    const char *text;
    size_t len;
    unsigned long line;
    unsigned long column;
    int quoted;
} ccex_field;

/** Opens a file for reading. @p path is kept (copied) for messages. */
int ccex_csv_open(ccex_csv **out, const char *path, ccex_err *err);

/** Reads from memory; @p name is used in messages. The data is copied. */
int ccex_csv_open_mem(ccex_csv **out, const char *name, const char *data, size_t len,
                      ccex_err *err);

/** Closes a reader (NULL is a no-op). */
void ccex_csv_close(ccex_csv *r);

/** Reads the next record. Returns 1 if a record was read, 0 at the end of the
 *  input, CCEX_EINPUT or CCEX_ENOMEM on error. Fields stay valid until the
 *  next call. The first record read is the header. */
int ccex_csv_next(ccex_csv *r, ccex_err *err);

/** Number of fields in the current record. */
size_t ccex_csv_nfields(const ccex_csv *r);

/** Field @p i of the current record (i < ccex_csv_nfields()). */
const ccex_field *ccex_csv_field(const ccex_csv *r, size_t i);

/** Line on which the current record starts. */
unsigned long ccex_csv_line(const ccex_csv *r);

/** The name given at open, for messages. */
const char *ccex_csv_name(const ccex_csv *r);

/** Formats "name:line:column: message" into @p err; returns CCEX_EINPUT. */
int ccex_csv_fail(const ccex_csv *r, ccex_err *err, unsigned long line, unsigned long column,
                  const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/** A column a program knows. */
typedef struct ccex_column {
    const char *name;
    int required;
} ccex_column;

/** Reads the header record and maps it onto @p cols: @p out_field[k]
 *  receives the field index of cols[k], or -1 if the file lacks it.
 *  Rejects an empty file, an empty or duplicate header name, an unknown
 *  header name (the message lists the known ones) and a missing required
 *  column. */
int ccex_csv_header(ccex_csv *r, const ccex_column *cols, size_t ncols, long *out_field,
                    ccex_err *err);

/* ---------------------------------------------------------------------- */
/* Typed cell parsers, shared by every loader. Each returns CCEX_OK or
 * CCEX_EINPUT with a message at the field's position. Leading and trailing
 * blanks are ignored; callers decide what an empty cell means. */

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

/* ---------------------------------------------------------------------- */
/* The customers loader */

/** A loaded customers file: the book and the display names. */
typedef struct ccex_customers {
    ccad_book *book; /**< Owned; freed by ccex_customers_free(). */
    size_t count;    /**< Customers in the book. */
    char *names;     /**< Arena of NUL-terminated names (internal). */
    size_t *name_at; /**< Offset of customer i's name in @c names (internal). */
    size_t *owner_at; /**< Offset of customer i's owner in @c names, or (size_t)-1 (internal). */
} ccex_customers;

/**
 * Loads a customers CSV file into a new book made from @p ctx.
 *
 * Columns (header names, any order; an empty cell means unknown):
 *   id (required, unique, 1..CCAD_ID_MAX bytes), name (display only),
 *   value (money, empty = 0), grade (A/B/C/D, empty = computed),
 *   purchase_date, monthly_volume (money), margin_pct (0..100, two decimals
 *   at most, stored as basis points), capable (1/0, empty = 1), lat and lon
 *   (both or neither; y = lat, x = lon), status (prospect, active, key,
 *   released, eliminated; empty = prospect), last_contact, contacts (empty =
 *   1 if last_contact is set, else 0), no_progress, complaint (none, open,
 *   resolved), complaint_date (required with open/resolved), visit_days
 *   (weekday names such as "Mon Wed Fri", empty = any day), visit_hours
 *   (HH:MM-HH:MM, such as 09:00-12:00: the visit window of each visit day,
 *   hours 00..24, the end after the start; empty = any time), next_step (the
 *   next contact date agreed, not before last_contact), request_date (the
 *   customer asked to be seen that day), owned_since (the rep took the
 *   customer over that day), last_visit (the latest in-person visit, not
 *   after last_contact; empty or absent = last_contact, the latest contact
 *   is taken for a visit), owner (the rep who owns the customer: ccad-team
 *   only; the other programs ignore it).
 * Dates are YYYY-MM-DD. Unknown header names are rejected.
 *
 * On error nothing is returned (@p out is left zeroed) and @p err holds
 * "file:line:column: message".
 */
int ccex_load_customers(ccex_customers *out, ccad_ctx *ctx, const char *path, ccex_err *err);

/** The display name of customer @p index ("" if none). */
const char *ccex_customers_name(const ccex_customers *c, size_t index);

/** The owner (a rep id, column @c owner, read by ccad-team and ignored by
 *  the other programs) of customer @p index ("" if none). */
const char *ccex_customers_owner(const ccex_customers *c, size_t index);

/** Frees the book and the names; the struct is zeroed. NULL is a no-op. */
void ccex_customers_free(ccex_customers *c);

/* ---------------------------------------------------------------------- */
/* The contacts loader */

/**
 * Reads a contacts file and records each contact in the book of @p cs with
 * ccad_book_record(), in file order (so the contact summaries move on as
 * they would have in the CRM).
 *
 * Columns (header names, any order): customer_id (required; an id of the
 * customers file), date (required, YYYY-MM-DD), kind (visit, call, message,
 * email, other; empty = visit), outcome (progress, no_progress, order,
 * complaint_opened, complaint_resolved; empty = progress), record (1/0: a
 * written record was made; empty = 1), next_date (the next step agreed, not
 * before date; empty = none). Unknown header names are rejected.
 *
 * Every row is checked before the first is applied: on a malformed row the
 * book is unchanged and @p err holds "file:line:column: message". A failure
 * of the library while applying (out of memory, a count overflow) leaves
 * the contacts before it applied; drop the book then.
 * @p out_count (may be NULL) receives the number of contacts applied.
 */
int ccex_load_contacts(ccex_customers *cs, ccad_ctx *ctx, const char *path, size_t *out_count,
                       ccex_err *err);

#endif /* CCAD_EXAMPLES_CSV_H */
