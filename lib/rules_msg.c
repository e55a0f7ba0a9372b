/* The messages of the rules-text parser and of the rules' value checks
 * (rules_parse.c, rules.c) in every ccad_lang: one row per message,
 * English first. A row has the same printf conversions, in the same order,
 * in every language (test_lang checks it). The language is the context's
 * (ccad_ctx_set_lang). */
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>

static const char messages[CCAD__RM_COUNT][CCAD_LANG_COUNT][112] = {
    [CCAD__RM_AT] = {"rules text line %lu, column %lu: %s", "规则文本第 %lu 行第 %lu 列：%s",
                     "規則文本第 %lu 行第 %lu 列：%s"},
    [CCAD__RM_NUL] = {"unexpected NUL character", "不应出现 NUL 字符", "不應出現 NUL 字元"},
    [CCAD__RM_CR] = {"unexpected carriage return character", "不应出现回车符", "不應出現歸位字元"},
    [CCAD__RM_NAME] = {"expected a parameter name, found '%c'", "这里应是参数名，却是 '%c'",
                       "這裡應是參數名，卻是 '%c'"},
    [CCAD__RM_EQUALS] = {"expected '=' after '%.*s'", "'%.*s' 后面应是 '='", "'%.*s' 後面應是 '='"},
    [CCAD__RM_UNKNOWN] = {"unknown parameter '%.*s'", "没有参数 '%.*s'", "沒有參數 '%.*s'"},
    [CCAD__RM_DUPLICATE] = {"duplicate parameter '%s' (first on line %lu)",
                            "参数 '%s' 重复了（第一次在第 %lu 行）",
                            "參數 '%s' 重複了（第一次在第 %lu 行）"},
    [CCAD__RM_MISSING] = {"missing value for %s", "%s 缺少值", "%s 缺少值"},
    [CCAD__RM_NAME_BYTE] = {"expected a parameter name, found byte 0x%02X",
                            "这里应是参数名，却是字节 0x%02X", "這裡應是參數名，卻是位元組 0x%02X"},
    [CCAD__RM_AFTER_BYTE] = {"unexpected byte 0x%02X after the value of %s",
                             "值后面不应有字节 0x%02X（参数 %s）",
                             "值後面不應有位元組 0x%02X（參數 %s）"},
    [CCAD__RM_AFTER] = {"unexpected '%c' after the value of %s", "值后面不应有 '%c'（参数 %s）",
                        "值後面不應有 '%c'（參數 %s）"},
    [CCAD__RM_BELOW] = {"%s (%lld) must be below %s (%lld)", "%s（%lld）必须小于 %s（%lld）",
                        "%s（%lld）必須小於 %s（%lld）"},
    [CCAD__RM_AT_MOST] = {"%s (%lld) must be at most %s (%lld)", "%s（%lld）不能大于 %s（%lld）",
                          "%s（%lld）不能大於 %s（%lld）"},
    [CCAD__RM_SHARES] = {"grade.share_a_pct + grade.share_b_pct%s = %lld, above 100",
                         "grade.share_a_pct + grade.share_b_pct%s = %lld，超过了 100",
                         "grade.share_a_pct + grade.share_b_pct%s = %lld，超過了 100"},
    [CCAD__RM_CAPS] =
        {"platform.cap_a + platform.cap_b = %lld, above platform.working_cap (%lld)",
         "platform.cap_a + platform.cap_b = %lld，超过了 platform.working_cap（%lld）",
         "platform.cap_a + platform.cap_b = %lld，超過了 platform.working_cap（%lld）"},
    [CCAD__RM_DAYS] = {"%s takes distinct weekdays joined by '+' (Mon+Tue+...), not '%.*s'",
                       "%s 要用 '+' 连起来的不同星期（Mon+Tue+...），不是 '%.*s'",
                       "%s 要用 '+' 連起來的不同星期（Mon+Tue+...），不是 '%.*s'"},
    [CCAD__RM_MASK] = {"%s takes distinct grade letters A-D or none, not '%.*s'",
                       "%s 要用不同的级别字母 A-D 或 none，不是 '%.*s'",
                       "%s 要用不同的級別字母 A-D 或 none，不是 '%.*s'"},
    [CCAD__RM_SIGN] = {"%s needs an integer, not '%c'", "%s 要一个整数，不是 '%c'",
                       "%s 要一個整數，不是 '%c'"},
    [CCAD__RM_INTEGER] = {"%s needs an integer, not '%.*s'", "%s 要一个整数，不是 '%.*s'",
                          "%s 要一個整數，不是 '%.*s'"},
    [CCAD__RM_TOO_SMALL] = {"%s = %.*s%s is too small (outside %lld..%lld)",
                            "%s = %.*s%s 太小了（不在 %lld..%lld 之内）",
                            "%s = %.*s%s 太小了（不在 %lld..%lld 之內）"},
    [CCAD__RM_TOO_LARGE] = {"%s = %.*s%s is too large (outside %lld..%lld)",
                            "%s = %.*s%s 太大了（不在 %lld..%lld 之内）",
                            "%s = %.*s%s 太大了（不在 %lld..%lld 之內）"},
    [CCAD__RM_RANGE] = {"%s = %lld is outside %lld..%lld", "%s = %lld 不在 %lld..%lld 之内",
                        "%s = %lld 不在 %lld..%lld 之內"},
    [CCAD__RM_KEYWORD] = {"%.31s takes %.11s or %.11s, not '%.*s'",
                          "%.31s 要用 %.11s 或 %.11s，不是 '%.*s'",
                          "%.31s 要用 %.11s 或 %.11s，不是 '%.*s'"},
    [CCAD__RM_NO_PARAM] = {"no rules parameter named '%.64s'", "没有名为 '%.64s' 的规则参数",
                           "沒有名為 '%.64s' 的規則參數"},
    [CCAD__RM_EMPTY] = {"%s: empty value", "%s：值是空的", "%s：值是空的"},
    [CCAD__RM_REFUSED] = {"%s = %lld refused: %s", "%s = %lld 不能接受：%s",
                          "%s = %lld 不能接受：%s"},
};

int ccad__rules_fail(ccad_ctx *ctx, int code, const char *fn, int id, ...)
{
    char msg[CCAD_ERRMSG_CAP];
    va_list ap;
    va_start(ap, id);
    (void)vsnprintf(msg, sizeof msg, ccad__rules_msg(ctx->lang, id), ap);
    va_end(ap);
    return ccad__fail(ctx, code, "%s: %s", fn, msg);
}

const char *ccad__rules_msg(int lang, int id)
{
    if (id < 0 || id >= CCAD__RM_COUNT)
        return "?";
    if (lang < 0 || lang >= CCAD_LANG_COUNT || messages[id][lang][0] == '\0')
        lang = CCAD_LANG_EN;
    return messages[id][lang];
}
