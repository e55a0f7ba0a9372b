/* utf8_check.h - shared by test_lang.c and fuzz/fuzz_reason.c: whether a
 * text the library wrote is well-formed UTF-8 without control characters. */
#ifndef CCAD_TESTS_UTF8_CHECK_H
#define CCAD_TESTS_UTF8_CHECK_H

#include <stddef.h>

/* 1 if s[0, n) is well-formed UTF-8 (lengths by the lead byte, every
 * continuation byte 10xxxxxx) with no C0 control character or DEL. */
static inline int tu_clean_utf8(const char *s, size_t n)
{
    size_t i = 0, k, len;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (len == 0 || i + len > n || (len == 1 && (c < 0x20 || c == 0x7f)))
            return 0;
        for (k = 1; k < len; k++)
            if (((unsigned char)s[i + k] & 0xC0) != 0x80)
                return 0;
        i += len;
    }
    return 1;
}

#endif
