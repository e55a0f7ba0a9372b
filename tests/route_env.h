/* The route tests' helpers (tests/test_route_*.c and the census's
 * faults_route.c): a seeded point generator, costs recomputed with the
 * documented formula (PLANAR edge = nint(sqrt(dx^2 + dy^2) * scale); a closed
 * tour adds the edge back to the base), brute force and an independently
 * written Held-Karp, and tour checks. */
#ifndef CCAD_ROUTE_ENV_H
#define CCAD_ROUTE_ENV_H

/* fork() for the HOST tests' watchdog where there is one */
#if defined(__unix__) || defined(__APPLE__)
#define _POSIX_C_SOURCE 200809L
#define TR_HAVE_FORK 1
#endif
#include "testutil.h"

#ifdef TR_HAVE_FORK
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#endif

#define SENTINEL 0xDEADBEEFu

#define EARTH_M 6371008.8

#define DEG (3.14159265358979323846 / 180.0)

/* The file-wide seeded generator (tu_rng on one state). */
void rng_seed(uint64_t s);

uint64_t rng_next(void);

double rng_unit(void);

/* random points in [0, span)^2; integer coordinates when grid is set */
void random_points(double *x, double *y, size_t n, double span, int grid);

/* A PLANAR edge and the cost of an order (closed: back to the base), by
 * the documented formula. */
int64_t planar_edge(const double *x, const double *y, size_t i, size_t j, double scale);

int64_t planar_cost(const double *x, const double *y, const uint32_t *order, size_t n, int closed,
                    double scale);

/* Asserts order is a permutation of 0..n-1 that starts with 0. */
void assert_tour(const uint32_t *order, size_t n);

/* The optimum cost over a matrix: brute force, and an independently
 * written Held-Karp. */
int64_t brute_force(const int64_t *d, size_t n, int closed);

int64_t held_karp(const int64_t *d, size_t n, int closed);

/* The n x n PLANAR cost matrix (malloc'd). */
int64_t *planar_matrix(const double *x, const double *y, size_t n, double scale);

/* A context with the counting allocator al (its host in h). */
ccad_ctx *new_ctx(tu_alloc *al, ccad_host *h);

/* Fills an order with SENTINEL / asserts it still holds only SENTINEL. */
void fill_sentinel(uint32_t *order, size_t n);

void assert_sentinel(const uint32_t *order, size_t n);

/* Solves with the given options and checks the generic invariants:
 * a permutation from 0 and out_cost = the recomputed planar cost. */
int64_t solve_planar(ccad_ctx *ctx, const double *x, const double *y, size_t n,
                     const ccad_route_options *o, uint32_t *order);

/* Number of improving 2-opt moves on the tour (all pairs). Open tours also
 * allow reversing a suffix (the last stop is free). */
long improving_2opt(const double *x, const double *y, const uint32_t *o, size_t n, int closed);

#endif
