/* fuzz_rules.c - the rules text parser and serializer (lib/rules.c).
 *
 * Invariants:
 * - success: every parameter lies in its documented range; serializing gives
 *   a NUL-terminated text of the announced length (and CCAD_ENOSPC, buffer
 *   untouched, one byte short); parsing that text gives equal rules; and
 *   serializing those gives the identical bytes;
 * - failure: the code is CCAD_EPARSE, the rules equal a copy taken before
 *   the call (all or nothing), the context's code is CCAD_EPARSE and
 *   ccad_ctx_errpos() gives a line >= 1 and a column >= 1 inside the text
 *   (a line that exists, a column at most one past that line's end). */
#include "fuzz.h"

#include <string.h>

#include "custcadence.h"

/* Puts the rules in a state that is not the defaults, so a failed parse
 * that reset them to the defaults is caught. */
static void make_unusual(ccad_rules *r)
{
    FUZZ_CHECK(ccad_rules_set(r, "grade.method", 1) == CCAD_OK);
    FUZZ_CHECK(ccad_rules_set(r, "gap.max_days", 7) == CCAD_OK);
    FUZZ_CHECK(ccad_rules_set(r, "escalate.q4", 1) == CCAD_OK);
    FUZZ_CHECK(ccad_rules_set(r, "freq.work_days", 96) == CCAD_OK);
}

static char *serialize(const ccad_rules *r, size_t *out_len)
{
    size_t len = 0, len2 = 0;
    char *buf, *probe;
    FUZZ_CHECK(ccad_rules_serialize(r, NULL, 0, &len) == CCAD_ENOSPC);
    FUZZ_CHECK(len > 0);
    /* One byte short: refused, the buffer untouched. */
    probe = malloc(len);
    FUZZ_CHECK(probe != NULL);
    memset(probe, 0x5a, len);
    FUZZ_CHECK(ccad_rules_serialize(r, probe, len, &len2) == CCAD_ENOSPC);
    FUZZ_CHECK(len2 == len);
    {
        size_t k;
        for (k = 0; k < len; k++)
            FUZZ_CHECK((unsigned char)probe[k] == 0x5a);
    }
    free(probe);
    buf = malloc(len + 1);
    FUZZ_CHECK(buf != NULL);
    FUZZ_CHECK(ccad_rules_serialize(r, buf, len + 1, &len2) == CCAD_OK);
    FUZZ_CHECK(len2 == len);
    FUZZ_CHECK(buf[len] == '\0' && strlen(buf) == len);
    FUZZ_CHECK(buf[len - 1] == '\n');
    *out_len = len;
    return buf;
}

static void check_ranges(const ccad_rules *r)
{
    size_t i, n = ccad_rules_param_count();
    for (i = 0; i < n; i++) {
        ccad_param_info info = CCAD_PARAM_INFO_INIT;
        int64_t v = 0;
        FUZZ_CHECK(ccad_rules_param_info(&info, i) == CCAD_OK);
        FUZZ_CHECK(ccad_rules_get(r, info.name, &v) == CCAD_OK);
        FUZZ_CHECKF(v >= info.min_value && v <= info.max_value, "%s = %lld", info.name,
                    (long long)v);
    }
}

/* Line `line` (1-based) of the text: its length in bytes, or -1 if the text
 * has no such line. */
static long line_length(const uint8_t *t, size_t n, uint32_t line)
{
    size_t k = 0, start;
    uint32_t l = 1;
    while (l < line) {
        while (k < n && t[k] != '\n')
            k++;
        if (k == n)
            return -1;
        k++;
        l++;
    }
    start = k;
    while (k < n && t[k] != '\n')
        k++;
    return (long)(k - start);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ccad_ctx *ctx = NULL;
    ccad_rules *r = NULL, *before = NULL, *r2 = NULL;
    int rc;

    FUZZ_CHECK(ccad_ctx_new(&ctx, NULL) == CCAD_OK);
    FUZZ_CHECK(ccad_rules_new(&r, ctx) == CCAD_OK);
    make_unusual(r);
    FUZZ_CHECK(ccad_rules_copy(&before, ctx, r) == CCAD_OK);
    FUZZ_CHECK(ccad_rules_equal(r, before));

    rc = ccad_rules_parse(r, (const char *)data, size);
    if (rc == CCAD_OK) {
        size_t len1 = 0, len2 = 0;
        char *text1, *text2;
        check_ranges(r);
        text1 = serialize(r, &len1);
        FUZZ_CHECK(ccad_rules_new(&r2, ctx) == CCAD_OK);
        make_unusual(r2);
        rc = ccad_rules_parse(r2, text1, len1);
        FUZZ_CHECKF(rc == CCAD_OK, "the serialization does not parse: %s\n%s", ccad_ctx_errmsg(ctx),
                    text1);
        FUZZ_CHECKF(ccad_rules_equal(r, r2), "parse(serialize(r)) != r:\n%s", text1);
        text2 = serialize(r2, &len2);
        FUZZ_CHECK(len1 == len2 && memcmp(text1, text2, len1) == 0);
        free(text1);
        free(text2);
    } else {
        uint32_t line = 0, col = 0;
        long ll;
        FUZZ_CHECKF(rc == CCAD_EPARSE, "ccad_rules_parse returned %d", rc);
        FUZZ_CHECK(ccad_rules_equal(r, before));
        FUZZ_CHECK(ccad_ctx_errcode(ctx) == CCAD_EPARSE);
        FUZZ_CHECK(strncmp(ccad_ctx_errmsg(ctx), "ccad_rules_parse: rules text", 28) == 0);
        rc = ccad_ctx_errpos(ctx, &line, &col);
        FUZZ_CHECKF(rc == CCAD_OK, "no error position for: %s", ccad_ctx_errmsg(ctx));
        FUZZ_CHECKF(line >= 1 && col >= 1, "line %lu column %lu: %s", (unsigned long)line,
                    (unsigned long)col, ccad_ctx_errmsg(ctx));
        ll = line_length(data, size, line);
        FUZZ_CHECKF(ll >= 0, "line %lu is beyond the text: %s", (unsigned long)line,
                    ccad_ctx_errmsg(ctx));
        FUZZ_CHECKF((long)col <= ll + 1, "column %lu beyond line %lu of %ld bytes: %s",
                    (unsigned long)col, (unsigned long)line, ll, ccad_ctx_errmsg(ctx));
    }
    ccad_rules_free(r2);
    ccad_rules_free(before);
    ccad_rules_free(r);
    ccad_ctx_free(ctx);
    return 0;
}
