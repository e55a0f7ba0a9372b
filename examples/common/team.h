/* team.h - ccad-team's inputs: the reps file, the customers split into one
 * book per rep by their owner, the team and its calendar (docs/cli.md).
 *
 * Reps file columns (header names, any order): id (required, unique),
 * name, lat and lon (required: the rep's base), visits_per_day (1..1000,
 * empty = 8), day_start and day_end (HH:MM, empty = 08:00 and 17:00),
 * absent (space-separated YYYY-MM-DD dates the rep is away).
 */
#ifndef CCAD_EXAMPLES_TEAM_H
#define CCAD_EXAMPLES_TEAM_H

#include <stddef.h>
#include <stdint.h>

#include "csv.h"
#include "customers.h"
#include "custcadence.h"

/** Most reps a reps file may hold. */
#define CCEX_TEAM_MAX 64
/** Most absences of one rep. */
#define CCEX_ABSENT_MAX 64

/** One rep of the reps file, with its book. */
typedef struct ccex_rep {
    char id[CCAD_ID_MAX + 1];
    char name[128];
    double lat, lon;
    int32_t visits_per_day, day_start_min, day_end_min;
    int32_t absent[CCEX_ABSENT_MAX];
    size_t n_absent;
    ccad_book *book; /**< Its customers (owned). */
    size_t *orig;    /**< orig[i]: the index in the customers file of its book's customer i. */
    size_t n_orig, cap_orig;
} ccex_rep;

/** The owner that puts a customer in the team's pool (when no rep has this id). */
#define CCEX_POOL_OWNER "pool"

/** The team's inputs: reps in the reps file's order, and the pool. */
typedef struct ccex_team_in {
    ccex_rep rep[CCEX_TEAM_MAX];
    size_t n;
    ccex_rep pool; /**< Customers owned by CCEX_POOL_OWNER (id "pool"; its book NULL when none). */
} ccex_team_in;

/** Reads the reps file. On error CCEX_EINPUT with "file:line:column: ..." in @p err. */
int ccex_load_reps(ccex_team_in *t, const char *path, ccex_err *err);

/** Moves every customer of @p cs (its book emptied) into the book of its
 *  owner rep (new books made from @p ctx), in file order, with
 *  ccad_book_transfer(); a customer owned by CCEX_POOL_OWNER, when no rep
 *  has that id, into the pool's book. On error (no owner, an owner not in the reps file,
 *  out of memory) CCEX_EINPUT with a message in @p err. */
int ccex_split_by_owner(ccex_team_in *t, ccex_customers *cs, ccad_ctx *ctx, ccex_err *err);

/** The team calendar callback (ccad_team_options.calendar, user = the
 *  ccex_team_in): Monday to Friday working, a rep's absent dates flagged. */
int ccex_team_calendar(void *user, const char *rep_id, int32_t day, uint32_t *out_flags);

/** The library's form of rep @p p (its id pointing into @p p): base
 *  (lon, lat), visits_per_day, the examples' 480 service minutes a day, the
 *  day. */
ccad_rep ccex_rep_of(const ccex_rep *p);

/** Frees the books and the index arrays. */
void ccex_team_in_free(ccex_team_in *t);

#endif
