/* customers.h - the customers loader of the example programs: a customers
 * CSV file (columns in docs/cli.md) into a ccad_book, with the display names
 * and owners the library does not keep. */
#ifndef CCAD_EXAMPLES_CUSTOMERS_H
#define CCAD_EXAMPLES_CUSTOMERS_H

#include <stddef.h>

#include "csv.h"
#include "custcadence.h"

/** A loaded customers file: the book and the display names. */
typedef struct ccex_customers {
    ccad_book *book;  /**< Owned; freed by ccex_customers_free(). */
    size_t count;     /**< Customers in the book. */
    char *names;      /**< Arena of NUL-terminated names (internal). */
    size_t *name_at;  /**< Offset of customer i's name in @c names (internal). */
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
 *   is taken for a visit), share (our share of the customer's sales, a whole
 *   percent 0..100) and rank (our rank among its suppliers, 1 = first), both
 *   TRIAGE's position, owner (the rep who owns the customer: ccad-team
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

#endif /* CCAD_EXAMPLES_CUSTOMERS_H */
