/* ROUTE: the exact solver's table by columns, for route_exact.c: the SSE2
 * kernel (route_exact_sse2.c) that fills it, a column per stop. */
#ifndef CCAD_ROUTE_EXACT_H
#define CCAD_ROUTE_EXACT_H

#include <stddef.h>
#include <stdint.h>

/* The kernel is built where the compiler targets SSE2 (always on x86-64),
 * unless CCAD_SCALAR_ROUTE asks for plain C. */
#if defined(__SSE2__) && !defined(CCAD_SCALAR_ROUTE)
#define CCAD__HAVE_EXACT_COLS 1
#else
#define CCAD__HAVE_EXACT_COLS 0
#endif

/* Columns the table by columns holds for m stops: one per stop, at least
 * two (the kernel always works on stops 0 and 1). */
#define CCAD__EXACT_COLS(m) ((m) < 2 ? 2u : (m))
/* Rows of each column for m stops: one per subset of the stops, at least
 * four (the kernel works on four subsets at a time). */
#define CCAD__EXACT_COL_ROWS(m) ((size_t)1 << ((m) < 2 ? 2u : (m)))

/* Rows 1..2^m - 1 of the exact solver's float table, held by columns:
 * E[j * rows + S] is the shortest path from the base through the stop set
 * S that then goes on to stop j, for j outside S (entries with j inside S
 * hold values nobody reads, or nothing). Row 0 (E[j * rows], the costs from
 * the base) is the caller's, for every column CCAD__EXACT_COLS(m) counts;
 * Dr the distance rows between stops (Dr[k * CCAD__ROUTE_EXACT_MAX + j],
 * zero beyond m); rows is CCAD__EXACT_COL_ROWS(m); m in 1..12. Every
 * value read is the one the row-by-row table holds, to the bit
 * (route_exact_sse2.c). */
void ccad__route_exact_fill_cols(float *E, size_t rows, const float *Dr, uint32_t m);

#endif
