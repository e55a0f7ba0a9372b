/* utf8.c - UTF-8 checks (utf8.h). */
#include "utf8.h"

#include <string.h>

size_t ccex_utf8_seq(const unsigned char *s, size_t n, uint32_t *cp)
{
    uint32_t c, min;
    size_t len, k;
    if (n == 0)
        return 0;
    c = s[0];
    if (c < 0x80) {
        len = 1;
        min = 0;
    } else if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        c &= 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        c &= 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        c &= 0x07;
        min = 0x10000;
    } else {
        return 0; /* continuation byte, C0, C1, F5..FF */
    }
    if (len > n)
        return 0;
    for (k = 1; k < len; k++) {
        if ((s[k] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[k] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    if (cp != NULL)
        *cp = c;
    return len;
}

int ccex_utf8_valid(const char *s, size_t n, size_t *bad_at)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        size_t len = ccex_utf8_seq(u + i, n - i, NULL);
        if (len == 0) {
            if (bad_at != NULL)
                *bad_at = i;
            return 0;
        }
        i += len;
    }
    return 1;
}

size_t ccex_utf8_next(const char *s, size_t n, size_t i, uint32_t *cp)
{
    size_t len = ccex_utf8_seq((const unsigned char *)s + i, n - i, cp);
    if (len == 0) {
        *cp = 0xFFFD;
        len = 1;
    }
    return len;
}

int ccex_utf8_unsafe(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF || cp == 0xFFFD;
}

#include "utf8_width.h"

/* Whether cp lies in one of the n sorted ranges r. */
static int in_ranges(const struct ccex_cp_range *r, size_t n, uint32_t cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < r[mid].lo)
            hi = mid;
        else if (cp > r[mid].hi)
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

int ccex_utf8_cells(uint32_t cp)
{
    if (cp >= 0x20 && cp < 0x7F)
        return 1;
    if (in_ranges(ccex_zero_ranges, sizeof ccex_zero_ranges / sizeof ccex_zero_ranges[0], cp))
        return 0;
    if (in_ranges(ccex_wide_ranges, sizeof ccex_wide_ranges / sizeof ccex_wide_ranges[0], cp))
        return 2;
    return 1;
}

size_t ccex_utf8_width(const char *s)
{
    size_t n = strlen(s), i = 0, cells = 0;
    uint32_t cp;
    while (i < n) {
        i += ccex_utf8_next(s, n, i, &cp);
        cells += (size_t)ccex_utf8_cells(cp);
    }
    return cells;
}

/* What a table writes for the character @p cp, the @p *len bytes at @p s:
 * those bytes, or in their place a space for a TAB and U+FFFD for any other
 * unsafe character, so a name cannot move the cursor or send the terminal a
 * control sequence. Each takes one cell, as ccex_utf8_cells() counts them. */
static const char *safe_char(const char *s, size_t *len, uint32_t cp)
{
    if (cp == '\t') {
        *len = 1;
        return " ";
    }
    if (ccex_utf8_unsafe(cp)) {
        *len = 3;
        return "\xEF\xBF\xBD";
    }
    return s;
}

static void put_char(FILE *fp, const char *s, size_t len, uint32_t cp)
{
    const char *out = safe_char(s, &len, cp);
    fwrite(out, 1, len, fp);
}

void ccex_print_text(FILE *fp, const char *s)
{
    size_t n = strlen(s), i = 0;
    uint32_t cp;
    while (i < n) {
        size_t len = ccex_utf8_next(s, n, i, &cp);
        put_char(fp, s + i, len, cp);
        i += len;
    }
}

void ccex_text_safe(char *buf, size_t cap, const char *s)
{
    size_t n = strlen(s), i = 0, used = 0;
    uint32_t cp;
    if (cap == 0)
        return;
    while (i < n) {
        size_t len = ccex_utf8_next(s, n, i, &cp), out_len = len;
        const char *out = safe_char(s + i, &out_len, cp);
        if (used + out_len >= cap)
            break;
        memcpy(buf + used, out, out_len);
        used += out_len;
        i += len;
    }
    buf[used] = '\0';
}

void ccex_print_cells(FILE *fp, const char *s, int w, const char *ellipsis)
{
    size_t n = strlen(s), i = 0, cells = 0, room;
    size_t mark = ccex_utf8_width(ellipsis);
    uint32_t cp;
    if (w <= 0)
        return;
    if (ccex_utf8_width(s) <= (size_t)w) {
        ccex_print_text(fp, s);
        cells = ccex_utf8_width(s);
    } else {
        room = (size_t)w > mark ? (size_t)w - mark : 0;
        while (i < n) {
            size_t len = ccex_utf8_next(s, n, i, &cp);
            size_t cw = (size_t)ccex_utf8_cells(cp);
            if (cells + cw > room)
                break;
            put_char(fp, s + i, len, cp);
            cells += cw;
            i += len;
        }
        fputs(ellipsis, fp);
        cells += mark;
    }
    for (; cells < (size_t)w; cells++)
        fputc(' ', fp);
}

void ccex_print_pad(FILE *fp, const char *s, int w)
{
    size_t cells = ccex_utf8_width(s);
    ccex_print_text(fp, s);
    for (; cells < (size_t)w; cells++)
        fputc(' ', fp);
}
