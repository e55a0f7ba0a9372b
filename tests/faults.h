/* The fault census (tests/test_faults.c) is the one program that runs the
 * library with failing allocations and failing host callbacks. Its table of
 * cases covers every entry point; the loops below, in their own files, add
 * checks of their own (handles left as they were, schedules equal to a
 * fault-free run's, a run stopping at the failing call). */
#ifndef CCAD_FAULTS_H
#define CCAD_FAULTS_H

#include "testutil.h"

/* tests/faults_alloc.c: allocation failures of the constructors, the book
 * and a whole session, with every handle checked after a failing round. */
void faults_alloc_ctx_new(void **state);
void faults_alloc_handles(void **state);
void faults_alloc_book_add(void **state);
void faults_alloc_book_grade(void **state);
void faults_alloc_whole_session(void **state);
long faults_alloc_rounds(void);

/* tests/faults_plan.c: the planner's (setup/teardown: PLAN_TEST of
 * plan_env.h). */
void faults_plan_schedule_new(void **state);
void faults_plan_choose_working(void **state);
void faults_plan_calendar(void **state);
void faults_plan_route_host(void **state);
void faults_plan_route_assign(void **state);
/* (setup/teardown: tu_fixture_setup, tu_fixture_teardown) */
void faults_plan_out_of_memory_named(void **state);
long faults_plan_rounds(void);

/* tests/faults_route.c: ccad_route_solve (helpers: route_env.h). */
void faults_route_solve(void **state);
void faults_route_exact_kernels(void **state);
/* tests/faults_route_host.c: ccad_route_solve's HOST travel callback
 * failing (helpers: route_env_host.h). */
void faults_route_host_travel(void **state);
/* tests/faults_route_tw.c: ccad_route_solve_tw (helpers: route_env_tw.h). */
void faults_route_solve_tw(void **state);
void faults_route_tw_exact_paths(void **state);

/* tests/faults_store.c: the storage operations with failing callbacks,
 * alone and with the failing allocator (helpers: store_env.h);
 * faults_store_report prints their rounds. */
void faults_store_record(void **state);
void faults_store_save_book(void **state);
void faults_store_load_book(void **state);
void faults_store_load_customer(void **state);
void faults_store_load_book_alloc(void **state);
void faults_store_load_customer_alloc(void **state);
void faults_store_report(void);

/* tests/faults_wide.c: the wide table and the side table growing under
 * allocation failures (the first two: setup/teardown tu_fixture_setup,
 * tu_fixture_teardown; the last makes its own context). */
void faults_wide_position_add(void **state);
void faults_wide_record(void **state);
void faults_side_table_edits(void **state);

/* tests/faults_snapshot.c: ccad_book_from_snapshot (helpers: snapshot_env.h;
 * setup/teardown: tu_fixture_setup, tu_fixture_teardown). */
void faults_snapshot_from_alloc(void **state);

/* tests/faults_team.c: ccad_book_transfer (helpers: team_env.h). */
void faults_team_transfer(void **state);

/* tests/faults_reentry.c: allocation failures while callbacks re-enter
 * (helpers: reentry_env.h). */
void faults_reentry_schedule(void **state);

#endif
