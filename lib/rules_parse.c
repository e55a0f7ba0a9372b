/* Rules: the parser of the strict text format (docs/rules-format.md),
 * ccad_rules_parse; the parameter table, the values and the constraints it
 * checks are in rules.c. */
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int is_key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

static int is_value_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '+' || c == '_';
}

/* Records a parse error at line, column col, in the context's language;
 * returns CCAD_EPARSE. */
static int parse_fail(ccad_rules *rules, unsigned long line, unsigned long col, const char *msg)
{
    ccad__rules_fail(rules->ctx, CCAD_EPARSE, "ccad_rules_parse", CCAD__RM_AT, line, col, msg);
    return ccad__errpos(rules->ctx, CCAD_EPARSE, line, col);
}

/* 1 if the byte c can be quoted in a message as it is (printable ASCII);
 * any other byte (a control, a byte of a UTF-8 sequence such as a byte
 * order mark) is named by its code, so the message stays valid UTF-8. */
static int shown(char c) { return (unsigned char)c > 0x20 && (unsigned char)c < 0x7F; }

/* parse_fail with message id of the rules message table, in the
 * context's language, filled with the arguments that follow. */
static int parse_fail_msg(ccad_rules *rules, unsigned long line, unsigned long col, int id, ...)
{
    char msg[200];
    va_list ap;
    va_start(ap, id);
    vsnprintf(msg, sizeof msg, ccad__rules_msg(rules->ctx->lang, id), ap);
    va_end(ap);
    return parse_fail(rules, line, col, msg);
}

/* Parses line number `line`, text[start, end), into v, noting in line_of
 * the line that names each parameter. Returns CCAD_OK (also for a blank or
 * comment line), or the error recorded. */
static int parse_line(ccad_rules *rules, const char *text, size_t start, size_t end,
                      unsigned long line, int64_t *v, unsigned long *line_of)
{
    size_t k, key0, keyn, val0, valn;
    char msg[200];
    int i, lang = rules->ctx->lang;
#define COL(p) ((unsigned long)((p)-start + 1))
    for (k = start; k < end; k++)
        if (text[k] == '\0' || text[k] == '\r')
            return parse_fail(rules, line, COL(k),
                              ccad__rules_msg(lang, text[k] == '\0' ? CCAD__RM_NUL : CCAD__RM_CR));
    k = start;
    while (k < end && (text[k] == ' ' || text[k] == '\t'))
        k++;
    if (k == end || text[k] == '#')
        return CCAD_OK;
    key0 = k;
    while (k < end && is_key_char(text[k]))
        k++;
    keyn = k - key0;
    if (keyn == 0)
        return shown(text[k]) ? parse_fail_msg(rules, line, COL(k), CCAD__RM_NAME, text[k])
                              : parse_fail_msg(rules, line, COL(k), CCAD__RM_NAME_BYTE,
                                               (unsigned)(unsigned char)text[k]);
    while (k < end && (text[k] == ' ' || text[k] == '\t'))
        k++;
    if (k == end || text[k] != '=')
        return parse_fail_msg(rules, line, COL(k), CCAD__RM_EQUALS, (int)(keyn > 60 ? 60 : keyn),
                              text + key0);
    i = ccad__rules_find(text + key0, keyn);
    if (i < 0)
        return parse_fail_msg(rules, line, COL(key0), CCAD__RM_UNKNOWN,
                              (int)(keyn > 60 ? 60 : keyn), text + key0);
    if (line_of[i] != 0)
        return parse_fail_msg(rules, line, COL(key0), CCAD__RM_DUPLICATE, ccad__rules_param_name(i),
                              line_of[i]);
    k++;
    while (k < end && (text[k] == ' ' || text[k] == '\t'))
        k++;
    val0 = k;
    while (k < end && is_value_char(text[k]))
        k++;
    valn = k - val0;
    if (valn == 0)
        return parse_fail_msg(rules, line, COL(k), CCAD__RM_MISSING, ccad__rules_param_name(i));
    while (k < end && (text[k] == ' ' || text[k] == '\t'))
        k++;
    if (k < end && text[k] != '#')
        return shown(text[k])
                   ? parse_fail_msg(rules, line, COL(k), CCAD__RM_AFTER, text[k],
                                    ccad__rules_param_name(i))
                   : parse_fail_msg(rules, line, COL(k), CCAD__RM_AFTER_BYTE,
                                    (unsigned)(unsigned char)text[k], ccad__rules_param_name(i));
    if (ccad__rules_value(i, text + val0, valn, &v[i], msg, sizeof msg, lang) != 0)
        return parse_fail(rules, line, COL(val0), msg);
    line_of[i] = line;
    return CCAD_OK;
#undef COL
}

/* The parameter to blame for a broken constraint between culprit and
 * other: the one named last. */
static int conflict_culprit(int culprit, int other, const unsigned long *line_of)
{
    /* a sum constraint involves a group: blame the member named last */
    static const int shares[] = {P_GRADE_SHARE_A, P_GRADE_SHARE_B, P_GRADE_SHARE_C, P_GRADE_USE_D};
    static const int slots[] = {P_PLATFORM_CAP_A, P_PLATFORM_CAP_B, P_PLATFORM_CAP};
    const int *g = NULL;
    size_t k, ng = 0;
    if (line_of[other] > line_of[culprit])
        culprit = other;
    if (culprit == P_GRADE_SHARE_B || culprit == P_GRADE_SHARE_A) {
        g = shares;
        ng = sizeof shares / sizeof shares[0];
    } else if (culprit == P_PLATFORM_CAP_B || culprit == P_PLATFORM_CAP_A) {
        g = slots;
        ng = sizeof slots / sizeof slots[0];
    }
    for (k = 0; k < ng; k++)
        if (line_of[g[k]] > line_of[culprit])
            culprit = g[k];
    return culprit;
}

int ccad_rules_parse(ccad_rules *rules, const char *text, size_t len)
{
    int64_t v[P__COUNT];
    unsigned long line_of[P__COUNT]; /* line naming each parameter, 0 if none */
    size_t pos = 0, line = 0;
    char msg[200];
    int culprit, other, rc;

    if (rules == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(rules->ctx))
        return CCAD_EBUSY;
    if (text == NULL)
        return ccad__fail(rules->ctx, CCAD_EINVAL, "ccad_rules_parse: text is NULL");
    ccad__rules_defaults(v);
    memset(line_of, 0, sizeof line_of);

    while (pos < len) {
        size_t start = pos, end = pos;
        line++;
        while (end < len && text[end] != '\n')
            end++;
        pos = end < len ? end + 1 : end;
        if (end > start && text[end - 1] == '\r')
            end--;
        if ((rc = parse_line(rules, text, start, end, (unsigned long)line, v, line_of)) != CCAD_OK)
            return rc;
    }
    if (ccad__rules_conflict(v, &culprit, &other, msg, sizeof msg, rules->ctx->lang)) {
        culprit = conflict_culprit(culprit, other, line_of);
        /* defaults are consistent, so the text named a culprit: its line */
        return parse_fail(rules, line_of[culprit], 1UL, msg);
    }
    memcpy(rules->v, v, sizeof v);
    return CCAD_OK;
}
