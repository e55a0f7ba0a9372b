/* Shared test helpers: a counting allocator that can fail the Nth call. */
#ifndef CCAD_TESTUTIL_H
#define CCAD_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "custcadence.h"

/* Allocator state passed as ccad_host.user. */
typedef struct tu_alloc {
    long calls;      /* allocation calls so far (alloc + realloc) */
    long fail_at;    /* 1-based call that fails; 0 = never */
    int fail_after;  /* 1: every call from fail_at on fails too */
    long live;       /* blocks currently allocated */
    long failures;   /* calls that were failed */
} tu_alloc;

/* A host whose allocator is the counting one above. */
ccad_host tu_host(tu_alloc *a);
/* Arms the allocator: call number n (counted from now) fails; 0 disarms. */
void tu_fail_at(tu_alloc *a, long n, int and_after);

/* Day number of "YYYY-MM-DD" (fails the test on bad input). */
int32_t tu_date(const char *ymd);

#endif
