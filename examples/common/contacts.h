/* contacts.h - the contacts loader of the example programs: a contacts CSV
 * file (columns in docs/cli.md) recorded into a loaded customers book. */
#ifndef CCAD_EXAMPLES_CONTACTS_H
#define CCAD_EXAMPLES_CONTACTS_H

#include <stddef.h>

#include "csv.h"
#include "custcadence.h"
#include "customers.h"

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
 * before date; empty = none); since 1.1, all optional, what the visit held:
 * purposes (none, order, product, activity, problem, payment, other, joined
 * by '+'; empty = not told), close_asked and owner_present (1/0; empty = 0),
 * activity (none, held, sale; empty = none), record_parts (purpose, said,
 * state, solved, next_problem, joined by '+'; empty = all five), entered
 * (the day the record was entered, not before date; empty = that day).
 * Unknown header names are rejected.
 *
 * Every row is checked before the first is applied: on a malformed row the
 * book is unchanged and @p err holds "file:line:column: message". A failure
 * of the library while applying (out of memory, a count overflow) leaves
 * the contacts before it applied; drop the book then.
 * @p out_count (may be NULL) receives the number of contacts applied.
 */
int ccex_load_contacts(ccex_customers *cs, ccad_ctx *ctx, const char *path, size_t *out_count,
                       ccex_err *err);

#endif /* CCAD_EXAMPLES_CONTACTS_H */
