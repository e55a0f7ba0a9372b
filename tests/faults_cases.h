/* The fault census's cases, one table per topic in tests/faults_cases_<topic>.c;
 * tests/test_faults.c runs them all. A case's run() makes the call, returns
 * its status and, on success, a digest of the result (and frees what it
 * created); on failure it checks the outputs itself. A new case goes into
 * its topic's table; a new topic gets a file and a line in census_tables. */
#ifndef CCAD_FAULTS_CASES_H
#define CCAD_FAULTS_CASES_H

#include "faults_env.h"

typedef int (*run_fn)(world *w, uint64_t *digest);

typedef struct fcase {
    const char *name;
    const char *entry; /* the public function */
    run_fn run;
    int flags;
    int store_changes; /* 1: the store changes on success (compare only on failure) */
} fcase;

/* One topic's cases (cases of one public function stay in one table). */
typedef struct fcase_table {
    const fcase *cases;
    size_t count;
} fcase_table;

extern const fcase_table faults_cases_book;
extern const fcase_table faults_cases_plan;
extern const fcase_table faults_cases_route;
extern const fcase_table faults_cases_store;
extern const fcase_table faults_cases_team;

#endif
