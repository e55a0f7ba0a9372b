/* What the visits held (1.1, issue 20 item 3; lib/visits.c): the customer
 * summary the 1.1 contact fields feed, and the helpers FOLLOWUP, STALL,
 * PATIENCE and PERSIST read it with. Included by internal.h; nothing here
 * is part of the public API. */
#ifndef CCAD_VISITS_H
#define CCAD_VISITS_H

#include <stdint.h>

#include "custcadence.h"

struct cust;

/* The summary of what the contacts held (ccad_customer's members of the
 * same names, docs/cadence-rules.md, "The contact summary"). A customer
 * whose summary is not at its defaults is stored in the wide table (the
 * 64-byte record has no room left). */
struct ccad__visits {
    int32_t prospect_run, prospect_gap, prospect_tail; /* PATIENCE; run -1 unknown */
    uint32_t last_purposes, aimless, closes_asked;     /* STALL */
    uint32_t last_parts;                               /* FOLLOWUP: record parts */
    int32_t last_entered;                              /* FOLLOWUP: record entered */
    int32_t owner_sales[3];                            /* PERSIST: latest first */
};

/* The defaults (what a 1.0 caller's customer holds), and whether s is at them. */
void ccad__visits_default(struct ccad__visits *s);
int ccad__visits_is_default(const struct ccad__visits *s);
/* The summary from / into the public struct's 1.1 members. */
void ccad__visits_take(struct ccad__visits *s, const ccad_customer *c);
void ccad__visits_give(const struct ccad__visits *s, ccad_customer *c);
/* Checks the 1.1 members of a customer / a contact; the error recorded as `fn`. */
int ccad__visits_check_customer(ccad_ctx *ctx, const char *fn, const ccad_customer *c);
int ccad__visits_check_contact(ccad_ctx *ctx, const char *fn, const ccad_contact *e);
/* Applies checked contact e to n->vis; *before is the customer before it. */
void ccad__visits_record(struct cust *n, const ccad_contact *e, const struct cust *before);

/* FOLLOWUP: days the latest record was entered after followup.entry_days
 * allow (0: in time, or not told), and the record parts it lacks (0 with
 * followup.record_parts off). */
int64_t ccad__record_late(const int64_t *v, const struct cust *c);
uint32_t ccad__record_lacking(const int64_t *v, const struct cust *c);

/* PATIENCE: 1 if customer c is counted by its run (patience.consecutive,
 * a known run, a prospect); the gap that breaks a run, from GAP's maximum
 * for the customer; and the contacts a release is judged by on day `today`: the
 * run's consecutive contacts (a gap over `limit` days breaks it; *broke
 * gets that gap, else 0), or every contact so far. */
int ccad__patience_by_run(const int64_t *v, const struct cust *c);
int64_t ccad__patience_break(const int64_t *v, int64_t gap_max);
int64_t ccad__patience_count(const int64_t *v, const struct cust *c, int32_t today, int64_t limit,
                             int64_t *broke);

#endif
