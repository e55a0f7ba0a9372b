/* fuzz_snapshot.c - ccad_book_from_snapshot (lib/book_snap.c) over arbitrary
 * bytes.
 *
 * The first input byte picks the mode: even, the rest of the input is the
 * snapshot as it is (almost always refused by the checksum or the frame);
 * odd, its last 8 bytes are first replaced by the correct checksum, so that
 * the search reaches the header and record checks behind it. Invariants:
 *   - success exactly when a book comes out (the out pointer is NULL on
 *     every failure), and a failure is one of the documented codes;
 *   - a book that comes out snapshots again into the same number of
 *     customers, that snapshot reads back, and snapshotting that book gives
 *     the same bytes (the format is canonical after one round);
 *   - every customer of it can be read and found by its id.
 * Leaks and memory errors abort under ASan. */
#include "fuzz.h"

#include <string.h>

#include "custcadence.h"

static uint64_t fnv(const uint8_t *p, size_t n)
{
    uint64_t h = UINT64_C(14695981039346656037);
    size_t i;
    for (i = 0; i < n; i++) {
        h ^= p[i];
        h *= UINT64_C(1099511628211);
    }
    return h;
}

static unsigned char *snapshot_of(const ccad_book *b, size_t *len)
{
    unsigned char *buf;
    FUZZ_CHECK(ccad_book_snapshot(b, NULL, 0, len) == CCAD_ENOSPC);
    buf = malloc(*len);
    FUZZ_CHECK(buf != NULL);
    FUZZ_CHECK(ccad_book_snapshot(b, buf, *len, len) == CCAD_OK);
    return buf;
}

static void check_book(ccad_ctx *ctx, const ccad_book *b)
{
    size_t len = 0, len2 = 0, i, at;
    unsigned char *once = snapshot_of(b, &len), *twice;
    ccad_book *c = NULL;
    FUZZ_CHECK(ccad_book_from_snapshot(&c, ctx, once, len) == CCAD_OK);
    FUZZ_CHECK(ccad_book_count(c) == ccad_book_count(b));
    twice = snapshot_of(c, &len2);
    FUZZ_CHECK(len2 == len && memcmp(once, twice, len) == 0);
    for (i = 0; i < ccad_book_count(c); i++) {
        ccad_customer x = CCAD_CUSTOMER_INIT;
        FUZZ_CHECK(ccad_book_get(c, i, &x) == CCAD_OK);
        FUZZ_CHECK(ccad_book_find(c, x.id, &at) == CCAD_OK && at == i);
    }
    free(once);
    free(twice);
    ccad_book_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ccad_ctx *ctx = NULL;
    ccad_book *b = (ccad_book *)(void *)&ctx;
    uint8_t *buf;
    size_t n, k;
    int rc;
    if (size == 0)
        return 0;
    n = size - 1;
    buf = malloc(n > 0 ? n : 1);
    FUZZ_CHECK(buf != NULL);
    if (n > 0)
        memcpy(buf, data + 1, n);
    if ((data[0] & 1) && n >= 8) {
        uint64_t h = fnv(buf, n - 8);
        for (k = 0; k < 8; k++)
            buf[n - 8 + k] = (uint8_t)(h >> (8 * k));
    }
    FUZZ_CHECK(ccad_ctx_new(&ctx, NULL) == CCAD_OK);
    rc = ccad_book_from_snapshot(&b, ctx, buf, n);
    if (rc == CCAD_OK) {
        FUZZ_CHECK(b != NULL);
        check_book(ctx, b);
        ccad_book_free(b);
    } else {
        FUZZ_CHECK(b == NULL);
        FUZZ_CHECKF(rc == CCAD_EPARSE || rc == CCAD_EVERSION || rc == CCAD_ERANGE ||
                        rc == CCAD_EINVAL || rc == CCAD_EEXIST,
                    "rc %d: %s", rc, ccad_ctx_errmsg(ctx));
        FUZZ_CHECK(ccad_ctx_errmsg(ctx)[0] != '\0');
    }
    ccad_ctx_free(ctx);
    free(buf);
    return 0;
}
