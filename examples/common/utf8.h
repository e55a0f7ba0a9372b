/* utf8.h - UTF-8 checks shared by the examples' CSV loaders and writers.
 *
 * Valid means RFC 3629: no overlong forms, no surrogates (U+D800..DFFF),
 * nothing above U+10FFFF. */
#ifndef CCAD_EXAMPLES_UTF8_H
#define CCAD_EXAMPLES_UTF8_H

#include <stddef.h>
#include <stdint.h>

/** Length (1..4) of the valid UTF-8 sequence at the start of @p s (@p n
 *  bytes available), or 0 if none starts there (n == 0, a stray
 *  continuation byte, a cut, overlong or out-of-range sequence). The code
 *  point goes to @p cp when it is not NULL. */
size_t ccex_utf8_seq(const unsigned char *s, size_t n, uint32_t *cp);

/** 1 if the @p n bytes at @p s are valid UTF-8; 0 otherwise, with the
 *  offset of the first byte that starts no valid sequence in @p bad_at
 *  (may be NULL). */
int ccex_utf8_valid(const char *s, size_t n, size_t *bad_at);

/** For the writers: the character at @p s[@p i] (@p n bytes in all) goes to
 *  @p cp and its length is returned; a byte that starts no valid sequence
 *  gives U+FFFD and length 1. */
size_t ccex_utf8_next(const char *s, size_t n, size_t i, uint32_t *cp);

/** 1 for a character no writer puts out as it is: C0 controls, DEL, C1
 *  controls, U+FFFE, U+FFFF and U+FFFD itself (written as the replacement
 *  character anyway). */
int ccex_utf8_unsafe(uint32_t cp);

#endif /* CCAD_EXAMPLES_UTF8_H */
