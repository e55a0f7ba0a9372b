/* Names of enumeration values: ccad_name, ccad_name_lang, ccad_name_parse.
 * The English names are here; the Chinese ones are in the language
 * catalogues (lang_zh_hans.c, lang_zh_hant.c), indexed the same way. */
#include "internal.h"

/* Name tables are arrays of characters (no relocations, read-only data);
 * the lookup below picks one by kind in code rather than by a pointer table. */
static const char n_grade[][20] = {"-", "A", "B", "C", "D"};
static const char n_status[][20] = {"prospect", "active", "key", "released", "eliminated"};
static const char n_complaint[][20] = {"none", "open", "resolved"};
static const char n_kind[][20] = {"visit", "call", "message", "email", "other"};
static const char n_outcome[][20] = {"progress", "no_progress", "order", "complaint_opened",
                                     "complaint_resolved"};
static const char n_service[][20] = {"none", "basic", "satisfying", "value_added", "moving"};
static const char n_triage[][20] = {"none", "self_driven", "push", "unmovable"};
static const char n_strategy[][20] = {"none", "let_go", "persist", "give_up"};
static const char n_escalation[][20] = {"none", "rep", "manager", "reassign"};
static const char n_urgency[][20] = {"none", "two_weeks", "week", "event"};
static const char n_quadrant[][20] = {"Q1", "Q2", "Q3", "Q4"};
static const char n_weekday[][20] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
static const char n_item_kind[][20] = {"visit", "call", "persist", "care", "touch"};
static const char n_delegation[][20] = {"rep", "colleague", "substitute"};
static const char n_finding[][20] = {"unplanned",        "overdue",
                                     "cooling",          "cold",
                                     "stalled",          "release_risk",
                                     "never_contacted",  "over_capacity",
                                     "dropped",          "gap",
                                     "platform",         "route",
                                     "release_proposed", "assign_proposed",
                                     "move_proposed",    "persist_lacking"};
static const char n_flag[][20] = {"DUE",
                                  "OVERDUE",
                                  "COOLING",
                                  "COLD",
                                  "STALLED",
                                  "NEVER_CONTACTED",
                                  "NO_RECORD",
                                  "NO_NEXT_STEP",
                                  "RELEASE_PREMATURE",
                                  "RELEASED_EARLY",
                                  "COMPLAINT_OPEN",
                                  "CARE_DUE",
                                  "REMINDER",
                                  "INACTIVE",
                                  "REASONS_TRUNCATED",
                                  "RECORD_LATE",
                                  "RECORD_INCOMPLETE"};

#define COUNT_OF(t) (sizeof t / sizeof t[0])

/* Sets *first and *count for table t of n names from first_value; returns t. */
static const char (*table_is(int *first, int *count, int first_value, const char (*t)[20],
                             size_t n))[20]
{
    *first = first_value;
    *count = (int)n;
    return t;
}

/* The table of a kind (rules and reasons excepted), its first value and size. */
static const char (*table_of(int kind, int *first, int *count))[20]
{
    switch (kind) {
    case CCAD_NAME_GRADE: return table_is(first, count, 0, n_grade, COUNT_OF(n_grade));
    case CCAD_NAME_STATUS: return table_is(first, count, 1, n_status, COUNT_OF(n_status));
    case CCAD_NAME_COMPLAINT: return table_is(first, count, 0, n_complaint, COUNT_OF(n_complaint));
    case CCAD_NAME_CONTACT_KIND: return table_is(first, count, 1, n_kind, COUNT_OF(n_kind));
    case CCAD_NAME_OUTCOME: return table_is(first, count, 1, n_outcome, COUNT_OF(n_outcome));
    case CCAD_NAME_SERVICE: return table_is(first, count, 0, n_service, COUNT_OF(n_service));
    case CCAD_NAME_TRIAGE: return table_is(first, count, 0, n_triage, COUNT_OF(n_triage));
    case CCAD_NAME_STRATEGY: return table_is(first, count, 0, n_strategy, COUNT_OF(n_strategy));
    case CCAD_NAME_ESCALATION:
        return table_is(first, count, 0, n_escalation, COUNT_OF(n_escalation));
    case CCAD_NAME_URGENCY: return table_is(first, count, 0, n_urgency, COUNT_OF(n_urgency));
    case CCAD_NAME_QUADRANT: return table_is(first, count, 1, n_quadrant, COUNT_OF(n_quadrant));
    case CCAD_NAME_WEEKDAY: return table_is(first, count, 1, n_weekday, COUNT_OF(n_weekday));
    case CCAD_NAME_FLAG: return table_is(first, count, 0, n_flag, COUNT_OF(n_flag));
    case CCAD_NAME_ITEM_KIND: return table_is(first, count, 1, n_item_kind, COUNT_OF(n_item_kind));
    case CCAD_NAME_DELEGATION:
        return table_is(first, count, 0, n_delegation, COUNT_OF(n_delegation));
    case CCAD_NAME_FINDING: return table_is(first, count, 1, n_finding, COUNT_OF(n_finding));
    default: return NULL;
    }
}
#undef COUNT_OF

/* First value and number of values of a kind; 0 for an unknown kind. Rule
 * ids and reason codes start at 1; flags are bits, counted by index. */
static int kind_range(int kind, int *first)
{
    int count = 0;
    *first = 1;
    if (kind == CCAD_NAME_RULE)
        return ccad__rule_count();
    if (kind == CCAD_NAME_WHY)
        return ccad__why_count();
    if (table_of(kind, first, &count) == NULL)
        return 0;
    return count;
}

int ccad__name_count(int kind)
{
    int first;
    return kind_range(kind, &first);
}

int ccad__name_index(int kind, int value)
{
    int first, count = kind_range(kind, &first), k;
    if (kind == CCAD_NAME_FLAG) {
        for (k = 0; k < count; k++)
            if (value == (1 << k))
                return k;
        return -1;
    }
    return count > 0 && value >= first && value - first < count ? value - first : -1;
}

int ccad__name_value(int kind, int index)
{
    int first;
    kind_range(kind, &first);
    return kind == CCAD_NAME_FLAG ? 1 << index : first + index;
}

const char *ccad_name(int kind, int value)
{
    int first, count, k;
    const char(*t)[20];
    if (kind == CCAD_NAME_RULE)
        return ccad_rule_name(value);
    if (kind == CCAD_NAME_WHY)
        return ccad_why_name(value);
    t = table_of(kind, &first, &count);
    k = ccad__name_index(kind, value);
    return t != NULL && k >= 0 ? t[k] : "?";
}

const char *ccad_name_lang(int kind, int value, int lang)
{
    const char *name;
    int k;
    if (lang == CCAD_LANG_EN || (kind == CCAD_NAME_WHY && lang > 0 && lang < CCAD_LANG_COUNT))
        return ccad_name(kind, value);
    k = ccad__name_index(kind, value);
    name = k < 0 ? NULL : ccad__lang_text(lang, kind, k);
    return name != NULL ? name : "?";
}

/* Whether name equals text[0, len), ASCII letters case-insensitive (other
 * bytes, such as those of Chinese names, compared exactly). */
static int same_name(const char *name, const char *text, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++) {
        char a = name[i], b = text[i];
        if (a == '\0')
            return 0;
        if (a >= 'A' && a <= 'Z')
            a = (char)(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z')
            b = (char)(b - 'A' + 'a');
        if (a != b)
            return 0;
    }
    return name[len] == '\0';
}

int ccad_name_parse(int *out_value, int kind, const char *text, size_t len)
{
    int count, k, lang;
    if (out_value == NULL || text == NULL)
        return CCAD_EINVAL;
    count = ccad__name_count(kind);
    if (count == 0)
        return CCAD_EINVAL;
    /* English first: its names are the identifiers of files and options */
    for (lang = CCAD_LANG_EN; lang < CCAD_LANG_COUNT; lang++)
        for (k = 0; k < count; k++) {
            int value = ccad__name_value(kind, k);
            if (same_name(ccad_name_lang(kind, value, lang), text, len)) {
                *out_value = value;
                return CCAD_OK;
            }
        }
    return CCAD_ENOTFOUND;
}
