/* grow.c - array growth for the example programs; see grow.h. */
#include "grow.h"

#include <stdlib.h>

int ccex_grow(void **buf, size_t *cap, size_t need, size_t elem)
{
    size_t n = *cap ? *cap : 16;
    void *p;
    if (need <= *cap)
        return 0;
    while (n < need) {
        if (n > ((size_t)-1) / 2 / elem)
            return -1;
        n *= 2;
    }
    p = realloc(*buf, n * elem);
    if (p == NULL)
        return -1;
    *buf = p;
    *cap = n;
    return 0;
}
