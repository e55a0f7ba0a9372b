/* fuzz_reason.c - ccad_reason_format (lib/names.c) and
 * ccad_reason_format_lang (lib/lang.c) over arbitrary reasons.
 *
 * The input decodes into a why code (mostly -2..61, sometimes any int32), a
 * rule id (mostly -1..24, sometimes any int32), three figures (extreme
 * values of a table, the table's values nudged, small numbers or any 64 bits),
 * a buffer size 0..600 and a language (0 when the input ends). Invariants:
 *   - cap 0 or a NULL pointer gives CCAD_EINVAL;
 *   - in CCAD_REASON_TEXT_MAX bytes the text is whole (CCAD_OK), non-empty,
 *     well-formed UTF-8 without control characters (printable ASCII in
 *     English, the same text as ccad_reason_format) and its length is the
 *     one reported;
 *   - with the input's cap: the same full length is reported, CCAD_ENOSPC
 *     exactly when it does not fit, the text is a NUL-terminated prefix of
 *     the full one that ends on a whole character, at most 3 bytes shorter
 *     than cap - 1, and no byte at or past cap is written;
 *   - ccad_why_figure of the code gives a figure kind in range.
 * Signed overflow anywhere in the formatter aborts under UBSan. */
#include "fuzz.h"

#include <limits.h>
#include <string.h>

#include "custcadence.h"
#include "../text_check.h"

static const int64_t table[] = {
    INT64_MIN,
    INT64_MIN + 1,
    INT32_MIN,
    -1441,
    -1440,
    -60,
    -1,
    0,
    1,
    59,
    60,
    100,
    1439,
    1440,
    INT32_MAX,
    (int64_t)INT32_MAX + 1,
    INT64_MAX - 1,
    INT64_MAX,
    CCAD_DATE_MIN,
    CCAD_DATE_MAX,
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
    char full[CCAD_REASON_TEXT_MAX], en[CCAD_REASON_TEXT_MAX], part[700];
    size_t n = 0, m = 0, cap, i, kept;
    uint8_t s;
    uint16_t capsel;
    int rc, k, kind = 0, lang;

    s = fuzz_u8(&in);
    r.why = s < 200 ? (int32_t)(s % 64) - 2 : (int32_t)fuzz_u32(&in);
    s = fuzz_u8(&in);
    r.rule = s < 240 ? (int32_t)(s % 26) - 1 : (int32_t)fuzz_u32(&in);
    r.a = figure(&in);
    r.b = figure(&in);
    r.c = figure(&in);
    capsel = fuzz_u16(&in);
    cap = capsel == 0xFFFF ? 0 : (size_t)(capsel % 600) + 1;
    lang = fuzz_u8(&in) % CCAD_LANG_COUNT;

    FUZZ_CHECK(ccad_reason_format_lang(full, 0, &r, lang, &n) == CCAD_EINVAL);
    FUZZ_CHECK(ccad_reason_format_lang(NULL, 16, &r, lang, &n) == CCAD_EINVAL);
    FUZZ_CHECK(ccad_reason_format_lang(full, sizeof full, NULL, lang, &n) == CCAD_EINVAL);
    FUZZ_CHECK(ccad_reason_format_lang(full, sizeof full, &r, lang + CCAD_LANG_COUNT, &n) ==
               CCAD_EINVAL);

    rc = ccad_reason_format_lang(full, sizeof full, &r, lang, &n);
    FUZZ_CHECKF(rc == CCAD_OK, "why %ld lang %d: rc %d", (long)r.why, lang, rc);
    FUZZ_CHECK(n > 0 && n < sizeof full && strlen(full) == n);
    FUZZ_CHECKF(tu_clean_utf8(full, n), "lang %d: '%s'", lang, full);
    if (lang == CCAD_LANG_EN) {
        for (i = 0; i < n; i++)
            FUZZ_CHECKF(full[i] >= 0x20 && full[i] < 0x7f, "byte 0x%02x at %lu of '%s'",
                        (unsigned)(unsigned char)full[i], (unsigned long)i, full);
        FUZZ_CHECK(ccad_reason_format(en, sizeof en, &r, NULL) == CCAD_OK);
        FUZZ_CHECK(strcmp(en, full) == 0);
    }

    memset(part, 0xA5, sizeof part);
    rc = ccad_reason_format_lang(part, cap, &r, lang, &m);
    if (cap == 0) {
        FUZZ_CHECK(rc == CCAD_EINVAL);
    } else {
        FUZZ_CHECK(m == n);
        FUZZ_CHECK(rc == (cap > n ? CCAD_OK : CCAD_ENOSPC));
        kept = strlen(part);
        FUZZ_CHECK(cap > n ? kept == n : kept <= cap - 1 && kept + 3 >= cap - 1);
        FUZZ_CHECK(memcmp(part, full, kept) == 0);
        FUZZ_CHECKF(tu_clean_utf8(part, kept), "cut at %lu of '%s'", (unsigned long)cap, full);
    }
    for (i = cap; i < sizeof part; i++)
        FUZZ_CHECKF((unsigned char)part[i] == 0xA5, "byte %lu written past cap %lu",
                    (unsigned long)i, (unsigned long)cap);
    rc = ccad_reason_format_lang(part, cap ? cap : 1, &r, lang, NULL); /* out_len may be NULL */
    FUZZ_CHECK(rc == CCAD_OK || rc == CCAD_ENOSPC);

    for (k = 0; k < 3; k++) {
        int fk = ccad_why_figure(r.why, k, &kind);
        FUZZ_CHECK(fk >= CCAD_FIG_NONE && fk <= 15);
        FUZZ_CHECK(kind >= 0);
        FUZZ_CHECK(kind == 0 || strcmp(ccad_name_lang(kind, (int)r.a, lang), "") != 0);
    }
    return 0;
}
