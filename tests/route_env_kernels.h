/* Each route kernel the processor has, for the tests that compare the
 * exact solvers' kernels against a reference (test_route_exact.c,
 * test_route_tw_same.c): the portable one (ctx->cpu 0: SSE2 on x86, plain
 * C elsewhere), then AVX2 where the context found it (lib/cpu.c). */
#ifndef CCAD_ROUTE_ENV_KERNELS_H
#define CCAD_ROUTE_ENV_KERNELS_H

#include "testutil.h"

/* One kernel's run: the cases checked, and how many of them were of the
 * kind the caller counts apart (ties, feasible days) into *counted. */
typedef long (*route_kernel_check)(ccad_ctx *ctx, long *counted);

/* Runs check once per kernel the processor has, on a fresh default context
 * whose cpu field selects the kernel, and prints a line a kernel:
 * "<what>, <kernel> kernel: <cases> <cases_are> (<counted> <counted_are>)",
 * and one for AVX2 when the processor lacks it. Returns the number of
 * kernels run (1 or 2). */
int route_each_kernel(route_kernel_check check, const char *what, const char *cases_are,
                      const char *counted_are);

#endif
