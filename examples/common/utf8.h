/* utf8.h - UTF-8 checks shared by the examples' CSV loaders and writers.
 *
 * Valid means RFC 3629: no overlong forms, no surrogates (U+D800..DFFF),
 * nothing above U+10FFFF. */
#ifndef CCAD_EXAMPLES_UTF8_H
#define CCAD_EXAMPLES_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

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

/** Cells a character takes in a terminal: 2 for East Asian Wide and
 *  Fullwidth characters, 0 for combining marks and format characters, 1
 *  otherwise (the classes of utf8_width.h, generated from Unicode data by
 *  make_width_table.py). */
int ccex_utf8_cells(uint32_t cp);

/** Cells the NUL-terminated text @p s takes (invalid bytes count as
 *  U+FFFD, one cell). */
size_t ccex_utf8_width(const char *s);

/** Writes @p s for a terminal table: a TAB as a space and every other
 *  character ccex_utf8_unsafe() names (a line break, ESC, ...) as U+FFFD,
 *  one cell each, so a name from a file cannot break the table's rows or
 *  send the terminal a control sequence. ccex_print_cells() and
 *  ccex_print_pad() write through it. */
void ccex_print_text(FILE *fp, const char *s);

/** ccex_print_text() into @p buf (@p cap bytes, NUL-terminated; cut after
 *  the last whole character that fits), for a text that goes through a
 *  printf format. Three times the length of @p s, plus one, always suffices. */
void ccex_text_safe(char *buf, size_t cap, const char *s);

/** Writes @p s in exactly @p w cells: padded with spaces, or cut after the
 *  last whole character that leaves room for @p ellipsis (combining marks
 *  stay with their base) and then the ellipsis and any padding. */
void ccex_print_cells(FILE *fp, const char *s, int w, const char *ellipsis);

/** Writes @p s padded with spaces to @p w cells, never cut (a longer @p s
 *  pushes on). */
void ccex_print_pad(FILE *fp, const char *s, int w);

#endif /* CCAD_EXAMPLES_UTF8_H */
