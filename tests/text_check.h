/* text_check.h - checks of texts in several languages, shared by
 * test_lang.c, fuzz/fuzz_reason.c and examples/test_text.c: well-formed
 * UTF-8, and the printf conversions of a format (the same in every
 * language of a message). */
#ifndef CCAD_TESTS_TEXT_CHECK_H
#define CCAD_TESTS_TEXT_CHECK_H

#include <stddef.h>
#include <string.h>

/* 1 if s[0, n) is well-formed UTF-8 (lengths by the lead byte, every
 * continuation byte 10xxxxxx) with no C0 control character or DEL. */
static inline int tu_clean_utf8(const char *s, size_t n)
{
    size_t i = 0, k, len;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        len = c < 0x80             ? 1
              : (c & 0xE0) == 0xC0 ? 2
              : (c & 0xF0) == 0xE0 ? 3
              : (c & 0xF8) == 0xF0 ? 4
                                   : 0;
        if (len == 0 || i + len > n || (len == 1 && (c < 0x20 || c == 0x7f)))
            return 0;
        for (k = 1; k < len; k++)
            if (((unsigned char)s[i + k] & 0xC0) != 0x80)
                return 0;
        i += len;
    }
    return 1;
}

/* The printf conversions of format s, in order, flags and widths kept
 * ("%s%.*s%lld" for "a %s b '%.*s' c %lld"; "%%" kept too). */
static inline void tu_conversions(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    for (; *s && n + 1 < cap; s++) {
        if (*s != '%')
            continue;
        out[n++] = *s++;
        while (*s && strchr("-+ #0123456789.*hlLqjzt", *s) != NULL && n + 1 < cap)
            out[n++] = *s++;
        if (!*s)
            break;
        if (n + 1 < cap)
            out[n++] = *s;
    }
    out[n] = '\0';
}

#endif
