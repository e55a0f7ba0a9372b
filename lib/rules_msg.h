/* The messages of the rules parser and setters, in every language
 * (rules_msg.c). Included by internal.h. */
#ifndef CCAD_RULES_MSG_H
#define CCAD_RULES_MSG_H

#include "custcadence.h"

enum ccad__rules_msg_id {
    CCAD__RM_AT, /* line, column, message */
    CCAD__RM_NUL,
    CCAD__RM_CR,
    CCAD__RM_NAME,       /* character found */
    CCAD__RM_EQUALS,     /* name (%.*s) */
    CCAD__RM_UNKNOWN,    /* name (%.*s) */
    CCAD__RM_DUPLICATE,  /* name, first line */
    CCAD__RM_MISSING,    /* name */
    CCAD__RM_AFTER,      /* character, name */
    CCAD__RM_BELOW,      /* name, value, name, value */
    CCAD__RM_AT_MOST,    /* name, value, name, value */
    CCAD__RM_SHARES,     /* " + grade.share_c_pct" or "", sum */
    CCAD__RM_CAPS,       /* sum, cap */
    CCAD__RM_DAYS,       /* name, text (%.*s) */
    CCAD__RM_MASK,       /* name, text (%.*s) */
    CCAD__RM_SIGN,       /* name, sign */
    CCAD__RM_INTEGER,    /* name, text (%.*s) */
    CCAD__RM_TOO_SMALL,  /* name, text (%.*s), "..." or "", min, max */
    CCAD__RM_TOO_LARGE,  /* name, text (%.*s), "..." or "", min, max */
    CCAD__RM_RANGE,      /* name, value, min, max */
    CCAD__RM_KEYWORD,    /* name, keyword, keyword, text (%.*s) */
    CCAD__RM_NO_PARAM,   /* name (ccad_rules_set, ccad_rules_set_text) */
    CCAD__RM_EMPTY,      /* name */
    CCAD__RM_REFUSED,    /* name, value, the broken constraint's message */
    CCAD__RM_NAME_BYTE,  /* byte code (not printable ASCII) found */
    CCAD__RM_AFTER_BYTE, /* byte code, name */
    CCAD__RM_COUNT
};
/* Records message id of the rules message table in the context's
 * language, filled with the arguments, after fn's name ("fn: ..."). */
int ccad__rules_fail(ccad_ctx *ctx, int code, const char *fn, int id, ...);
/* The printf format of a message in a ccad_lang (English for an unknown one). */
const char *ccad__rules_msg(int lang, int id);

#endif /* CCAD_RULES_MSG_H */
