/* test_text.c - the examples' text helpers (a ctest case, no cmocka):
 * display widths (utf8.c, at every range boundary of the generated
 * utf8_width.h), cutting cells on whole characters (ccex_print_cells), the
 * language tags (lang.c) and the report texts (messages.c: every language
 * has every text, with the same printf conversions as the English one).
 * Exits 1 after printing every failure. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "custcadence.h"
#include "text_check.h"
#include "lang.h"
#include "messages.h"
#include "utf8.h"
#include "utf8_width.h"

static int failures;

#define CHECK(cond, ...) \
    do { \
        if (!(cond)) { \
            printf("FAIL %s:%d: ", __FILE__, __LINE__); \
            printf(__VA_ARGS__); \
            printf("\n"); \
            failures++; \
        } \
    } while (0)

static void widths(void)
{
    static const struct {
        uint32_t cp;
        int cells;
    } cases[] = {{'A', 1},    {0x4E2D, 2}, {0x0301, 0}, {0xFF21, 2}, {0x3000, 2},  {0x1F600, 2},
                 {0x200B, 0}, {0x00E9, 1}, {0x00AD, 1}, {0x1160, 0}, {0x20000, 2}, {0xFF61, 1}};
    size_t k;
    for (k = 0; k < sizeof cases / sizeof cases[0]; k++)
        CHECK(ccex_utf8_cells(cases[k].cp) == cases[k].cells, "U+%04X: %d cells, expected %d",
              (unsigned)cases[k].cp, ccex_utf8_cells(cases[k].cp), cases[k].cells);
    /* the lookup agrees with the table at both ends of every range */
    for (k = 0; k < sizeof ccex_wide_ranges / sizeof ccex_wide_ranges[0]; k++) {
        CHECK(ccex_utf8_cells(ccex_wide_ranges[k].lo) == 2, "U+%04X",
              (unsigned)ccex_wide_ranges[k].lo);
        CHECK(ccex_utf8_cells(ccex_wide_ranges[k].hi) == 2, "U+%04X",
              (unsigned)ccex_wide_ranges[k].hi);
    }
    for (k = 0; k < sizeof ccex_zero_ranges / sizeof ccex_zero_ranges[0]; k++) {
        CHECK(ccex_utf8_cells(ccex_zero_ranges[k].lo) == 0, "U+%04X",
              (unsigned)ccex_zero_ranges[k].lo);
        CHECK(ccex_utf8_cells(ccex_zero_ranges[k].hi) == 0, "U+%04X",
              (unsigned)ccex_zero_ranges[k].hi);
    }
    CHECK(ccex_utf8_width("上海华东五金有限公司") == 20, "width of a name");
    CHECK(ccex_utf8_width("e\xCC\x81t\xC3\xA9") == 3, "combining acute takes no cell");
}

/* ccex_print_cells(s, w, ellipsis) into a string. */
static void cell(const char *s, int w, const char *ellipsis, const char *want)
{
    char *out = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&out, &len);
    if (fp == NULL) {
        CHECK(0, "open_memstream");
        return;
    }
    ccex_print_cells(fp, s, w, ellipsis);
    fclose(fp);
    CHECK(strcmp(out, want) == 0, "'%s' in %d cells: '%s', expected '%s'", s, w, out, want);
    CHECK(ccex_utf8_width(out) == (size_t)w, "'%s' is not %d cells wide", out, w);
    free(out);
}

static void cutting(void)
{
    cell("abc", 5, "~", "abc  ");
    cell("abcdef", 5, "~", "abcd~");
    cell("上海华东五金有限公司", 9, "\xE2\x80\xA6", "上海华东\xE2\x80\xA6");
    cell("上海华东五金有限公司", 10, "\xE2\x80\xA6",
         "上海华东\xE2\x80\xA6 "); /* 五 does not fit beside … */
    cell("上海华东五金有限公司", 20, "\xE2\x80\xA6", "上海华东五金有限公司");
    cell("客户-001", 8, "\xE2\x80\xA6", "客户-001");
    cell("客户-1234", 8, "\xE2\x80\xA6", "客户-12\xE2\x80\xA6");
    cell("ae\xCC\x81z", 3, "~", "ae\xCC\x81z"); /* the accent stays on its e */
    cell("abe\xCC\x81z", 3, "~", "ab~");        /* a cut e takes its accent along */
    cell("", 3, "~", "   ");
    /* control characters: a TAB as a space, the others as U+FFFD, one cell each */
    cell("a\tb\nc\x1b[", 8, "~",
         "a b\xEF\xBF\xBD"
         "c\xEF\xBF\xBD[ ");
    cell("\x7f\xC2\x85xyz", 3, "~", "\xEF\xBF\xBD\xEF\xBF\xBD~");
}

/* ccex_text_safe(): the same characters into a buffer, cut on a whole one. */
static void safe_copies(void)
{
    char buf[8];
    ccex_text_safe(buf, sizeof buf, "a\tb\rc");
    CHECK(strcmp(buf, "a b\xEF\xBF\xBD"
                      "c") == 0,
          "safe copy: '%s'", buf);
    ccex_text_safe(buf, sizeof buf, "abcde\x07");
    CHECK(strcmp(buf, "abcde") == 0, "no room for U+FFFD: '%s'", buf);
    ccex_text_safe(buf, 1, "abc");
    CHECK(buf[0] == '\0', "one byte of room: empty");
}

static void tags(void)
{
    CHECK(ccex_lang_parse("en") == CCAD_LANG_EN, "en");
    CHECK(ccex_lang_parse("zh-Hans") == CCAD_LANG_ZH_HANS, "zh-Hans");
    CHECK(ccex_lang_parse("ZH_hant") == CCAD_LANG_ZH_HANT, "ZH_hant");
    CHECK(ccex_lang_parse("zh") == -1 && ccex_lang_parse("zh-Hansx") == -1 &&
              ccex_lang_parse("fr") == -1 && ccex_lang_parse("") == -1,
          "unknown tags");
    CHECK(strcmp(ccex_lang_tag(CCAD_LANG_ZH_HANT), "zh-Hant") == 0, "tag");
}

static void messages(void)
{
    int id, lang;
    for (id = 0; id < CCEX_MSG_COUNT; id++) {
        char en[64], other[64];
        tu_conversions(ccex_msg(CCAD_LANG_EN, id), en, sizeof en);
        for (lang = 1; lang < CCAD_LANG_COUNT; lang++) {
            const char *t = ccex_msg(lang, id);
            tu_conversions(t, other, sizeof other);
            CHECK(t != ccex_msg(CCAD_LANG_EN, id), "message %d has no %s text", id,
                  ccex_lang_tag(lang));
            CHECK(strcmp(en, other) == 0, "message %d in %s: conversions '%s', English '%s'", id,
                  ccex_lang_tag(lang), other, en);
            CHECK(ccex_utf8_valid(t, strlen(t), NULL), "message %d in %s: invalid UTF-8", id,
                  ccex_lang_tag(lang));
        }
    }
}

int main(void)
{
    widths();
    cutting();
    safe_copies();
    tags();
    messages();
    if (failures > 0) {
        printf("%d failure(s)\n", failures);
        return 1;
    }
    printf("ok\n");
    return 0;
}
