/* The plan vector runner (test_plan_vectors.c, docs/vectors.md "Plan cases"
 * and "Team cases") in parts: what they share, on top of the assessment
 * runner's parts (vectors.h).
 *   test_plan_vectors.c   the calendar, the plan line and its options, the
 *                         checks of reasons, the directives and the test;
 *   plan_vectors_items.c  the checks of a plan's items and findings;
 *   plan_vectors_days.c   the checks of days, reminders, workload, platform
 *                         and the choice of working customers;
 *   team_vectors.c        the team cases: reps, owners, team plans and
 *                         proposals, and their checks. */
#ifndef CCAD_TESTS_PLAN_VECTORS_H
#define CCAD_TESTS_PLAN_VECTORS_H

#include "vectors.h"

#define PLAN_VECTOR_DIR CCAD_VECTOR_DIR "/../plan-vectors"
#define TEAM_VECTOR_DIR CCAD_VECTOR_DIR "/../team-vectors"
#define TEAM_VECTOR_FILE "teams.txt"
#define MAX_DATES 64
#define N_ITEM_KINDS 6
#define N_DELEGATIONS 3
#define N_FINDINGS 17

/* Name tables (test_plan_vectors.c), index = numeric value. */
extern const char *const pv_item_kind_names[N_ITEM_KINDS];
extern const char *const pv_delegation_names[N_DELEGATIONS];
extern const char *const pv_finding_names[N_FINDINGS];

/* The case's calendar and plan (one case at a time). */
struct pv_plan_state {
    uint32_t workdays; /* weekday mask, bit 0 = Monday */
    int32_t holiday[MAX_DATES], absent[MAX_DATES], special[MAX_DATES];
    int nholiday, nabsent, nspecial;
    ccad_schedule *s;
    int32_t first, days;
    int known_bug;
    int failures_at_begin;
    int known_bug_cases, known_bug_failures, plans;
};
extern struct pv_plan_state pv_plan;

/* test_plan_vectors.c: dates, clock times, plan options, reasons. */
/* The host calendar of the case (workdays, holiday, absent, special). */
int pv_calendar_cb(void *user, int32_t day, uint32_t *out);
int pv_in_dates(const int32_t *list, int n, int32_t d);
/* HH:MM or a number of minutes: 0, or -1. */
int pv_parse_clock(const char *s, int64_t *out);
/* A weekday mask (visit_days' syntax): 0, or -1. */
int pv_parse_mask(const char *s, int64_t *out);
/* The dates tok[1..ntok) appended to list: 0, or -1 after a syntax error. */
int pv_add_dates(struct run *R, int32_t *list, int *n, char **tok, int ntok);
/* The options of a plan or team-plan line: 0, or -1 after a syntax error. */
int pv_parse_plan_options(struct run *R, char **tok, int n, ccad_plan_options *out);
/* A check needs the case's schedule: 0 (counted as an expectation), or -1. */
int pv_need_plan(struct run *R);
void pv_item_reasons_text(char *buf, size_t cap, const ccad_reason *rs, uint32_t count);
/* why1=, why+=, why-=, why= against a reason list: 1 holds, 0 not, -1
 * syntax error, -2 not a reason check. */
int pv_why_check(struct run *R, const char *tok, const ccad_reason *rs, uint32_t count);

/* plan_vectors_items.c: directives return 0, or -1 after a syntax error. */
int pv_find_cust(struct run *R, const char *id, int64_t *idx);
ccad_item pv_get_item(size_t i);
void pv_item_text(char *buf, size_t cap, const ccad_item *it);
int pv_item_field(const ccad_item *it, const char *name, const char *v, int64_t *want,
                  int64_t *got);
int pv_do_item(struct run *R, char **tok, int n);
int pv_do_no_item(struct run *R, char **tok, int n);
int pv_do_items(struct run *R, char **tok, int n);
int pv_do_finding(struct run *R, char **tok, int n, int negate);

/* plan_vectors_days.c */
int pv_do_day(struct run *R, char **tok, int n);
int pv_do_reminders(struct run *R, char **tok, int n);
int pv_do_workload(struct run *R, char **tok, int n);
int pv_do_platform(struct run *R, char **tok, int n);
int pv_do_choice(struct run *R, char **tok, int n);

/* team_vectors.c */
/* Ends the team part of a case: frees its team, books and plans. */
void pv_team_case_end(void);
/* A team directive: 0 handled, 1 not a team directive, -1 syntax error. */
int pv_team_directive(struct run *R, char **tok, int n);
/* How many team plans ran. */
int pv_team_plans(void);

#endif /* CCAD_TESTS_PLAN_VECTORS_H */
