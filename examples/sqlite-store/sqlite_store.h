/* ccad_sqlite_store: the ccad_store callbacks of libcustcadence over SQLite 3.
 *
 * An example host library (docs/integration.md walks through it). One
 * database file holds two tables, `customers` (one row per customer, with
 * its contact summary) and `contacts` (the append-only contact log). Dates
 * are stored as day numbers (days since 1970-01-01, the library's own
 * form), NULL for CCAD_NO_DATE; unknown optional numbers (-1 in
 * ccad_customer) are NULL as well.
 *
 * Use: ccad_sqlite_store_open(), then ccad_sqlite_store_callbacks() and
 * ccad_ctx_set_store(). One store object belongs to one context (and so to
 * one thread); close it after the context stopped using it. */
#ifndef CCAD_SQLITE_STORE_H
#define CCAD_SQLITE_STORE_H

#include <sqlite3.h>

#include "custcadence.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ccad_sqlite_store ccad_sqlite_store;

/* Opens (creating if needed) the database file `path` and its schema.
 * Returns SQLITE_OK, or an SQLite error code (with *out NULL; the message
 * is written to errbuf when errbuf is not NULL). */
int ccad_sqlite_store_open(ccad_sqlite_store **out, const char *path, char *errbuf, size_t errcap);

/* Finalizes the statements and closes the connection; an open transaction
 * is rolled back by SQLite. NULL is a no-op. Returns SQLITE_OK or the code
 * of sqlite3_close(). */
int ccad_sqlite_store_close(ccad_sqlite_store *s);

/* The callbacks, ready for ccad_ctx_set_store(). */
ccad_store ccad_sqlite_store_callbacks(ccad_sqlite_store *s);

/* The message of the last failed SQLite call ("" if none). */
const char *ccad_sqlite_store_errmsg(const ccad_sqlite_store *s);

/* The connection, for the host's own queries (reports, checks). */
sqlite3 *ccad_sqlite_store_db(ccad_sqlite_store *s);

#ifdef __cplusplus
}
#endif

#endif
