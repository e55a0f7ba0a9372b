/* csv.h - the one CSV reader of the example programs.
 *
 * The reader follows RFC 4180: fields separated by commas, records ended by
 * CRLF or LF (the last one may lack it), fields optionally enclosed in double
 * quotes, a quote inside a quoted field written twice. Quoted fields may hold
 * commas and line breaks. Lines that are completely empty are skipped, a
 * UTF-8 byte order mark at the start is skipped, and every record must have
 * as many fields as the header. Errors name the file, the line and the column
 * (both 1-based, column counted in bytes) as "file:line:column: message".
 *
 * The typed cells of a record are read by cells.h; the files of the
 * programs by customers.h and contacts.h (and team.h for the reps).
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

/** Formats a message into @p err (NULL is a no-op). */
void ccex_err_set(ccex_err *err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/** Sets "name: out of memory" for reader @p r; returns CCEX_ENOMEM. */
int ccex_csv_nomem(const ccex_csv *r, ccex_err *err);

/** The text of @p f without leading and trailing blanks (spaces, tabs). */
void ccex_field_trim(const ccex_field *f, const char **s, size_t *n);

/** At most 40 bytes of a value, for messages: printf("%.*s", CCEX_SHOW(n), s). */
#define CCEX_SHOW(n) ((int)((n) > 40 ? 40 : (n)))

#endif /* CCAD_EXAMPLES_CSV_H */
