/* The snapshot tests' helpers (tests/test_snapshot.c and the census's
 * faults_snapshot.c): generated books and a book compared with its copy. */
#ifndef CCAD_SNAPSHOT_ENV_H
#define CCAD_SNAPSHOT_ENV_H

#include "testutil.h"

/* A generated book of n customers in f's context (seeded: the same seed,
 * the same book): hand grades, wide ones, locations, windows, and orders
 * recorded near a purchase date (the book's own memory). */
ccad_book *snapshot_gen_book(tu_fixture *f, size_t n, uint64_t seed);

/* Asserts that b holds a's customers in a's order, found by id, and that
 * both assess alike (f's rules). */
void snapshot_books_equal(tu_fixture *f, ccad_book *a, ccad_book *b);

#endif
