#include "testutil.h"

#include <stdlib.h>
#include <string.h>

static int should_fail(tu_alloc *a)
{
    a->calls++;
    if (a->fail_at > 0 && (a->calls == a->fail_at || (a->fail_after && a->calls > a->fail_at))) {
        a->failures++;
        return 1;
    }
    return 0;
}

static void *tu_malloc(void *user, size_t n)
{
    tu_alloc *a = user;
    void *p;
    if (should_fail(a))
        return NULL;
    p = malloc(n);
    if (p != NULL)
        a->live++;
    return p;
}

static void *tu_realloc(void *user, void *ptr, size_t n)
{
    tu_alloc *a = user;
    if (should_fail(a))
        return NULL;
    return realloc(ptr, n);
}

static void tu_free(void *user, void *ptr)
{
    tu_alloc *a = user;
    a->live--;
    free(ptr);
}

ccad_host tu_host(tu_alloc *a)
{
    ccad_host h = CCAD_HOST_INIT;
    memset(a, 0, sizeof *a);
    h.user = a;
    h.alloc = tu_malloc;
    h.realloc = tu_realloc;
    h.free = tu_free;
    return h;
}

void tu_fail_at(tu_alloc *a, long n, int and_after)
{
    a->calls = 0;
    a->fail_at = n;
    a->fail_after = and_after;
}

int32_t tu_date(const char *ymd)
{
    int32_t d = 0;
    assert_int_equal(ccad_date_parse(&d, ymd, strlen(ymd)), CCAD_OK);
    return d;
}
