/* fuzz_reason.c - ccad_reason_format (lib/names.c) over arbitrary reasons.
 *
 * The input decodes into a why code (mostly -2..61, sometimes any int32), a
 * rule id (mostly -1..24, sometimes any int32), three figures (extreme
 * values of a table, the table's values nudged, small numbers or any 64 bits)
 * and a buffer size 0..600. Invariants:
 *   - cap 0 or a NULL pointer gives CCAD_EINVAL;
 *   - in 1024 bytes the text is whole (CCAD_OK), non-empty, printable ASCII
 *     and its length is the one reported;
 *   - with the input's cap: the same full length is reported, CCAD_ENOSPC
 *     exactly when it does not fit, the text is a NUL-terminated prefix of
 *     the full one and no byte at or past cap is written;
 *   - ccad_why_figure of the code gives a figure kind in range.
 * Signed overflow anywhere in the formatter aborts under UBSan. */
#include "fuzz.h"

#include <limits.h>
#include <string.h>

#include "custcadence.h"

static const int64_t table[] = {
    INT64_MIN, INT64_MIN + 1, INT32_MIN, -1441, -1440, -60, -1, 0, 1, 59, 60, 100, 1439, 1440,
    INT32_MAX, (int64_t)INT32_MAX + 1, INT64_MAX - 1, INT64_MAX, CCAD_DATE_MIN, CCAD_DATE_MAX,
    CCAD_NO_DATE,
};

static int64_t figure(fuzz_bytes *in)
{
    uint8_t sel = fuzz_u8(in);
    switch (sel & 3) {
    case 0: return table[(sel >> 2) % (sizeof table / sizeof table[0])];
    case 1: {
        /* a table value nudged by -64..63, wrapping in unsigned arithmetic */
        uint64_t v = (uint64_t)table[(sel >> 2) % (sizeof table / sizeof table[0])];
        int delta = (int)(fuzz_u8(in) & 127) - 64;
        return (int64_t)(v + (uint64_t)(int64_t)delta);
    }
    case 2: return (int16_t)fuzz_u16(in);
    default: return (int64_t)fuzz_u64(in);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_bytes in = {data, size, 0};
    ccad_reason r;
    char full[1024], part[700];
    size_t n = 0, m = 0, cap, i;
    uint8_t s;
    uint16_t capsel;
    int rc, k, kind = 0;

    s = fuzz_u8(&in);
    r.why = s < 200 ? (int32_t)(s % 64) - 2 : (int32_t)fuzz_u32(&in);
    s = fuzz_u8(&in);
    r.rule = s < 240 ? (int32_t)(s % 26) - 1 : (int32_t)fuzz_u32(&in);
    r.a = figure(&in);
    r.b = figure(&in);
    r.c = figure(&in);
    capsel = fuzz_u16(&in);
    cap = capsel == 0xFFFF ? 0 : (size_t)(capsel % 600) + 1;

    FUZZ_CHECK(ccad_reason_format(full, 0, &r, &n) == CCAD_EINVAL);
    FUZZ_CHECK(ccad_reason_format(NULL, 16, &r, &n) == CCAD_EINVAL);
    FUZZ_CHECK(ccad_reason_format(full, sizeof full, NULL, &n) == CCAD_EINVAL);

    rc = ccad_reason_format(full, sizeof full, &r, &n);
    FUZZ_CHECKF(rc == CCAD_OK, "why %ld: rc %d", (long)r.why, rc);
    FUZZ_CHECK(n > 0 && n < sizeof full && strlen(full) == n);
    for (i = 0; i < n; i++)
        FUZZ_CHECKF(full[i] >= 0x20 && full[i] < 0x7f, "byte 0x%02x at %lu of '%s'",
                    (unsigned)(unsigned char)full[i], (unsigned long)i, full);

    memset(part, 0xA5, sizeof part);
    rc = ccad_reason_format(part, cap, &r, &m);
    if (cap == 0) {
        FUZZ_CHECK(rc == CCAD_EINVAL);
    } else {
        FUZZ_CHECK(m == n);
        FUZZ_CHECK(rc == (cap > n ? CCAD_OK : CCAD_ENOSPC));
        FUZZ_CHECK(strlen(part) == (cap > n ? n : cap - 1));
        FUZZ_CHECK(memcmp(part, full, strlen(part)) == 0);
    }
    for (i = cap; i < sizeof part; i++)
        FUZZ_CHECKF((unsigned char)part[i] == 0xA5, "byte %lu written past cap %lu",
                    (unsigned long)i, (unsigned long)cap);
    rc = ccad_reason_format(part, cap ? cap : 1, &r, NULL); /* out_len may be NULL */
    FUZZ_CHECK(rc == CCAD_OK || rc == CCAD_ENOSPC);

    for (k = 0; k < 3; k++) {
        int fk = ccad_why_figure(r.why, k, &kind);
        FUZZ_CHECK(fk >= CCAD_FIG_NONE && fk <= 15);
        FUZZ_CHECK(kind >= 0);
    }
    return 0;
}
