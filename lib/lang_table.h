/* The shape every language catalogue (lang_zh_*.c) shares: tables of
 * characters named as below, and one lookup function over them, written
 * by CCAD__LANG_LOOKUP so that each catalogue file is data only.
 *
 * Reason templates (why_text, indexed by reason code) are sentences whose
 * figures are written by the formatter (lang.c):
 *   {a} {b} {c}   figure a, b or c as what ccad_why_figure() says it is
 *                 (a date, money, an enumerated name, a count ...);
 *   {a#}          the figure as a plain integer (Q{b#} for the quadrant);
 *   {a!}          its magnitude as a plain integer ("3" for -3);
 *   {ch}          a factor x100 as a decimal ("1.25");
 *   {a-b}         the difference of two figures, as an integer;
 *   {c?X|Y}       X when figure c is not 0, else Y ("|Y" may be left out);
 *   {c<X|Y}       X when figure c is below 0, else Y;
 *                 X and Y may hold figures themselves.
 * The name tables follow the order of the English ones (enum_names.c). */
#ifndef CCAD_LANG_TABLE_H
#define CCAD_LANG_TABLE_H

#include "internal.h"

/* Bytes of one reason template and of one name, NUL included. */
#define CCAD__WHY_TEXT_CAP 320
#define CCAD__NAME_TEXT_CAP 40

#define CCAD__LANG_AT(t, i) \
    ((i) >= 0 && (size_t)(i) < sizeof t / sizeof t[0] && t[i][0] != '\0' ? t[i] : NULL)

#define CCAD__LANG_LOOKUP(fn) \
    const char *fn(int kind, int index) \
    { \
        switch (kind) { \
        case CCAD__TEXT_WHY: return CCAD__LANG_AT(why_text, index); \
        case CCAD__TEXT_WORD: return CCAD__LANG_AT(word_text, index); \
        case CCAD_NAME_GRADE: return CCAD__LANG_AT(n_grade, index); \
        case CCAD_NAME_STATUS: return CCAD__LANG_AT(n_status, index); \
        case CCAD_NAME_COMPLAINT: return CCAD__LANG_AT(n_complaint, index); \
        case CCAD_NAME_CONTACT_KIND: return CCAD__LANG_AT(n_kind, index); \
        case CCAD_NAME_OUTCOME: return CCAD__LANG_AT(n_outcome, index); \
        case CCAD_NAME_SERVICE: return CCAD__LANG_AT(n_service, index); \
        case CCAD_NAME_TRIAGE: return CCAD__LANG_AT(n_triage, index); \
        case CCAD_NAME_STRATEGY: return CCAD__LANG_AT(n_strategy, index); \
        case CCAD_NAME_ESCALATION: return CCAD__LANG_AT(n_escalation, index); \
        case CCAD_NAME_URGENCY: return CCAD__LANG_AT(n_urgency, index); \
        case CCAD_NAME_QUADRANT: return CCAD__LANG_AT(n_quadrant, index); \
        case CCAD_NAME_WEEKDAY: return CCAD__LANG_AT(n_weekday, index); \
        case CCAD_NAME_FLAG: return CCAD__LANG_AT(n_flag, index); \
        case CCAD_NAME_RULE: return CCAD__LANG_AT(n_rule, index); \
        case CCAD_NAME_ITEM_KIND: return CCAD__LANG_AT(n_item_kind, index); \
        case CCAD_NAME_DELEGATION: return CCAD__LANG_AT(n_delegation, index); \
        case CCAD_NAME_FINDING: return CCAD__LANG_AT(n_finding, index); \
        default: return NULL; \
        } \
    }

#endif
