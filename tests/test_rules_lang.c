/* The rules messages in every language (ccad_ctx_set_lang): the errors of
 * ccad_rules_parse, ccad_rules_set and ccad_rules_set_text read in the
 * context's language, at the same code and position as in English; every
 * message of the table (lib/rules_msg.c) exists in every language with the
 * English one's printf conversions; bad languages are refused. */
#include "testutil.h"
#include "text_check.h"

#include <string.h>

/* The message table's lookup (lib/internal.h); "?" past its last message. */
const char *ccad__rules_msg(int lang, int id);

/* One bad rules text and what its message says in each language. */
typedef struct bad_text {
    const char *text;
    int code;
    uint32_t line, col;
    const char *want[CCAD_LANG_COUNT];
} bad_text;

static const bad_text bad[] = {
    {"gap.max_day = 3\n",
     CCAD_EPARSE,
     1,
     1,
     {"rules text line 1, column 1: unknown parameter 'gap.max_day'",
      "规则文本第 1 行第 1 列：没有参数 'gap.max_day'",
      "規則文本第 1 行第 1 列：沒有參數 'gap.max_day'"}},
    {"# c\ngap.max_days 3\n",
     CCAD_EPARSE,
     2,
     14,
     {"expected '=' after 'gap.max_days'", "'gap.max_days' 后面应是 '='",
      "'gap.max_days' 後面應是 '='"}},
    {"gap.max_days = 3\ngap.max_days = 4\n",
     CCAD_EPARSE,
     2,
     1,
     {"duplicate parameter 'gap.max_days' (first on line 1)",
      "参数 'gap.max_days' 重复了（第一次在第 1 行）",
      "參數 'gap.max_days' 重複了（第一次在第 1 行）"}},
    {"gap.max_days =\n",
     CCAD_EPARSE,
     1,
     15,
     {"missing value for gap.max_days", "gap.max_days 缺少值", "gap.max_days 缺少值"}},
    {"gap.max_days = 3 x\n",
     CCAD_EPARSE,
     1,
     18,
     {"unexpected 'x' after the value of gap.max_days", "值后面不应有 'x'（参数 gap.max_days）",
      "值後面不應有 'x'（參數 gap.max_days）"}},
    {"= 3\n",
     CCAD_EPARSE,
     1,
     1,
     {"expected a parameter name, found '='", "这里应是参数名，却是 '='",
      "這裡應是參數名，卻是 '='"}},
    /* a byte that is not printable ASCII is named by its code, so the
     * message stays valid UTF-8 (a byte order mark, a control character) */
    {"\xEF\xBB\xBFgap.max_days = 3\n",
     CCAD_EPARSE,
     1,
     1,
     {"expected a parameter name, found byte 0xEF", "这里应是参数名，却是字节 0xEF",
      "這裡應是參數名，卻是位元組 0xEF"}},
    {"gap.max_days = 3 \x01\n",
     CCAD_EPARSE,
     1,
     18,
     {"unexpected byte 0x01 after the value of gap.max_days",
      "值后面不应有字节 0x01（参数 gap.max_days）",
      "值後面不應有位元組 0x01（參數 gap.max_days）"}},
    {"gap.max_days = 3\r\r\n",
     CCAD_EPARSE,
     1,
     17,
     {"unexpected carriage return", "不应出现回车符", "不應出現歸位字元"}},
    {"gap.max_days = abc\n",
     CCAD_EPARSE,
     1,
     16,
     {"gap.max_days needs an integer, not 'abc'", "gap.max_days 要一个整数，不是 'abc'",
      "gap.max_days 要一個整數，不是 'abc'"}},
    {"gap.max_days = -\n",
     CCAD_EPARSE,
     1,
     16,
     {"gap.max_days needs an integer, not '-'", "gap.max_days 要一个整数，不是 '-'",
      "gap.max_days 要一個整數，不是 '-'"}},
    {"gap.max_days = 99999999999999999999\n",
     CCAD_EPARSE,
     1,
     16,
     {"is too large (outside", "太大了（不在", "太大了（不在"}},
    {"gap.max_days = -99999999999999999999\n",
     CCAD_EPARSE,
     1,
     16,
     {"is too small (outside", "太小了（不在", "太小了（不在"}},
    {"gap.max_days = 0\n",
     CCAD_EPARSE,
     1,
     16,
     {"gap.max_days = 0 is outside", "gap.max_days = 0 不在", "gap.max_days = 0 不在"}},
    {"grade.method = best\n",
     CCAD_EPARSE,
     1,
     16,
     {"grade.method takes rank or threshold, not 'best'",
      "grade.method 要用 rank 或 threshold，不是 'best'",
      "grade.method 要用 rank 或 threshold，不是 'best'"}},
    {"freq.work_days = Mon+Mon\n",
     CCAD_EPARSE,
     1,
     18,
     {"takes distinct weekdays", "要用 '+' 连起来的不同星期", "要用 '+' 連起來的不同星期"}},
    {"gap.grades = AA\n",
     CCAD_EPARSE,
     1,
     14,
     {"takes distinct grade letters", "要用不同的级别字母", "要用不同的級別字母"}},
    {"gap.max_days = 30\n",
     CCAD_EPARSE,
     1,
     1,
     {"gap.max_days (30) must be below gap.alert_days (21)",
      "gap.max_days（30）必须小于 gap.alert_days（21）",
      "gap.max_days（30）必須小於 gap.alert_days（21）"}},
    {"grade.share_a_pct = 80\n", CCAD_EPARSE, 1, 1, {"above 100", "超过了 100", "超過了 100"}},
    /* working_cap is 0 (no fixed cap) by default: the sum is checked once a cap is set */
    {"platform.working_cap = 60\nplatform.cap_a = 40\n",
     CCAD_EPARSE,
     2,
     1,
     {"= 70, above platform.working_cap (60)", "= 70，超过了 platform.working_cap（60）",
      "= 70，超過了 platform.working_cap（60）"}},
    {"platform.working_cap = 40\n",
     CCAD_EPARSE,
     1,
     1,
     {"platform.working_min (50) must be at most platform.working_cap (40)",
      "platform.working_min（50）不能大于 platform.working_cap（40）",
      "platform.working_min（50）不能大於 platform.working_cap（40）"}},
    {"gap.warn_pct = 150\n",
     CCAD_EPARSE,
     1,
     1,
     {"gap.warn_pct (150) must be below gap.alert_pct (150)",
      "gap.warn_pct（150）必须小于 gap.alert_pct（150）",
      "gap.warn_pct（150）必須小於 gap.alert_pct（150）"}},
    {"freq.ramp_count = 8\n",
     CCAD_EPARSE,
     1,
     1,
     {"freq.ramp_count (8) must be at most freq.ramp_days (7)",
      "freq.ramp_count（8）不能大于 freq.ramp_days（7）",
      "freq.ramp_count（8）不能大於 freq.ramp_days（7）"}},
};

static void parse_errors_in_every_language(void **state)
{
    tu_alloc al = {0};
    ccad_host host = tu_host(&al);
    ccad_ctx *ctx = NULL;
    ccad_rules *r = NULL;
    size_t k;
    int lang;
    (void)state;
    TU_PASS(ctx, ccad_ctx_new(&ctx, &host));
    assert_int_equal(ccad_ctx_lang(ctx), CCAD_LANG_EN); /* a new context speaks English */
    TU_PASS(ctx, ccad_rules_new(&r, ctx));
    for (lang = 0; lang < CCAD_LANG_COUNT; lang++) {
        TU_PASS(ctx, ccad_ctx_set_lang(ctx, lang));
        assert_int_equal(ccad_ctx_lang(ctx), lang);
        for (k = 0; k < sizeof bad / sizeof bad[0]; k++) {
            uint32_t line = 0, col = 0;
            const char *msg;
            assert_int_equal(ccad_rules_parse(r, bad[k].text, strlen(bad[k].text)), bad[k].code);
            msg = ccad_ctx_errmsg(ctx);
            if (strstr(msg, bad[k].want[lang]) == NULL)
                fail_msg("%d '%s': message '%s' lacks '%s'", lang, bad[k].text, msg,
                         bad[k].want[lang]);
            assert_true(tu_clean_utf8(msg, strlen(msg)));
            TU_PASS(ctx, ccad_ctx_errpos(ctx, &line, &col));
            if (line != bad[k].line || col != bad[k].col)
                fail_msg("'%s': position %u:%u, expected %u:%u", bad[k].text, (unsigned)line,
                         (unsigned)col, (unsigned)bad[k].line, (unsigned)bad[k].col);
        }
    }
    ccad_rules_free(r);
    ccad_ctx_free(ctx);
}

static void setters_in_chinese(void **state)
{
    tu_alloc al = {0};
    ccad_host host = tu_host(&al);
    ccad_ctx *ctx = NULL;
    ccad_rules *r = NULL;
    (void)state;
    TU_PASS(ctx, ccad_ctx_new(&ctx, &host));
    TU_PASS(ctx, ccad_rules_new(&r, ctx));
    TU_PASS(ctx, ccad_ctx_set_lang(ctx, CCAD_LANG_ZH_HANT));
    assert_int_equal(ccad_rules_set(r, "gap.max_days", 30), CCAD_ECONFLICT);
    assert_non_null(
        strstr(ccad_ctx_errmsg(ctx), "gap.max_days（30）必須小於 gap.alert_days（21）"));
    assert_int_equal(ccad_rules_set_text(r, "gap.grades", "AX"), CCAD_EPARSE);
    assert_non_null(
        strstr(ccad_ctx_errmsg(ctx), "gap.grades 要用不同的級別字母 A-D 或 none，不是 'AX'"));
    assert_int_equal(ccad_rules_set_text(r, "stall.after", "0"), CCAD_ERANGE);
    assert_non_null(strstr(ccad_ctx_errmsg(ctx), "stall.after = 0 不在"));
    /* the setters' own messages: range, refusal, unknown name, empty value */
    assert_int_equal(ccad_rules_set(r, "stall.after", 0), CCAD_ERANGE);
    assert_non_null(strstr(ccad_ctx_errmsg(ctx), "stall.after = 0 不在"));
    assert_int_equal(ccad_rules_set(r, "platform.working_cap", 40), CCAD_ECONFLICT);
    assert_string_equal(ccad_ctx_errmsg(ctx),
                        "ccad_rules_set: platform.working_cap = 40 不能接受："
                        "platform.working_min（50）不能大於 platform.working_cap（40）");
    assert_int_equal(ccad_rules_set(r, "gap.max_day", 3), CCAD_ENOTFOUND);
    assert_string_equal(ccad_ctx_errmsg(ctx), "ccad_rules_set: 沒有名為 'gap.max_day' 的規則參數");
    assert_int_equal(ccad_rules_set_text(r, "gap.max_day", "3"), CCAD_ENOTFOUND);
    assert_string_equal(ccad_ctx_errmsg(ctx),
                        "ccad_rules_set_text: 沒有名為 'gap.max_day' 的規則參數");
    assert_int_equal(ccad_rules_set_text(r, "gap.warn_pct", ""), CCAD_EPARSE);
    assert_string_equal(ccad_ctx_errmsg(ctx), "ccad_rules_set_text: gap.warn_pct：值是空的");
    TU_PASS(ctx, ccad_ctx_set_lang(ctx, CCAD_LANG_ZH_HANS));
    assert_int_equal(ccad_rules_set(r, "gap.warn_pct", 200), CCAD_ECONFLICT);
    assert_string_equal(ccad_ctx_errmsg(ctx), "ccad_rules_set: gap.warn_pct = 200 不能接受："
                                              "gap.warn_pct（200）必须小于 gap.alert_pct（150）");
    TU_PASS(ctx, ccad_ctx_set_lang(ctx, CCAD_LANG_EN));
    assert_int_equal(ccad_rules_set(r, "gap.warn_pct", 200), CCAD_ECONFLICT);
    assert_string_equal(ccad_ctx_errmsg(ctx),
                        "ccad_rules_set: gap.warn_pct = 200 refused: "
                        "gap.warn_pct (200) must be below gap.alert_pct (150)");
    ccad_rules_free(r);
    ccad_ctx_free(ctx);
}

static void bad_languages_refused(void **state)
{
    tu_alloc al = {0};
    ccad_host host = tu_host(&al);
    ccad_ctx *ctx = NULL;
    (void)state;
    assert_int_equal(ccad_ctx_set_lang(NULL, CCAD_LANG_EN), CCAD_EINVAL);
    assert_int_equal(ccad_ctx_lang(NULL), CCAD_LANG_EN);
    TU_PASS(ctx, ccad_ctx_new(&ctx, &host));
    TU_PASS(ctx, ccad_ctx_set_lang(ctx, CCAD_LANG_ZH_HANS));
    TU_FAIL(ctx, ccad_ctx_set_lang(ctx, CCAD_LANG_COUNT), CCAD_EINVAL);
    TU_FAIL(ctx, ccad_ctx_set_lang(ctx, -1), CCAD_EINVAL);
    assert_int_equal(ccad_ctx_lang(ctx), CCAD_LANG_ZH_HANS); /* unchanged */
    ccad_ctx_free(ctx);
}

/* Every message in every language, with the English conversions. */
static void message_table_complete(void **state)
{
    int id, lang, n = 0;
    (void)state;
    for (id = 0; strcmp(ccad__rules_msg(CCAD_LANG_EN, id), "?") != 0; id++) {
        char en[64], other[64];
        tu_conversions(ccad__rules_msg(CCAD_LANG_EN, id), en, sizeof en);
        for (lang = 1; lang < CCAD_LANG_COUNT; lang++) {
            const char *t = ccad__rules_msg(lang, id);
            tu_conversions(t, other, sizeof other);
            if (t == ccad__rules_msg(CCAD_LANG_EN, id) || strcmp(en, other) != 0)
                fail_msg("message %d in language %d: '%s' (conversions '%s', English '%s')", id,
                         lang, t, other, en);
            assert_true(tu_clean_utf8(t, strlen(t)));
        }
        n++;
    }
    assert_true(n >= 20);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parse_errors_in_every_language),
        cmocka_unit_test(setters_in_chinese),
        cmocka_unit_test(bad_languages_refused),
        cmocka_unit_test(message_table_complete),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
