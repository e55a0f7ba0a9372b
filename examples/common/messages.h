/* messages.h - the report texts of the example programs in every language
 * (en, zh-Hans, zh-Hant); the reasons and names come from the library
 * (ccad_reason_format_lang, ccad_name_lang). A text with printf
 * conversions has the same conversions, in the same order, in every
 * language (examples/test_text.c checks it). */
#ifndef CCAD_EXAMPLES_MESSAGES_H
#define CCAD_EXAMPLES_MESSAGES_H

#include <stdint.h>

enum ccex_msg {
    /* ccad-plan: the header */
    M_PLAN_FOR, /* first day, last day, days, visits a day, service minutes a day */
    M_OVERLOAD_STRETCH,
    M_CUSTOMERS, /* path, count */
    M_CONTACTS,  /* path, applied */
    M_CALENDAR,
    M_CAL_HOLIDAYS,
    M_CAL_ABSENCES,
    M_CAL_SPECIAL,
    M_CAL_FILE,    /* separator, what, path, dates read */
    M_ROUTES_FROM, /* lat, lon, start, end */
    /* ccad-plan: the days */
    M_TAG_HOLIDAY,
    M_TAG_ABSENT,
    M_TAG_SPECIAL,
    M_TAG_OPEN,
    M_TAG_SEP,
    M_TAG_CLOSE,
    M_NOTHING_PLANNED,
    M_NOT_WORKING,
    M_DAY_STOPS,    /* stops, plural, service minutes, travel minutes */
    M_BACK_AT_BASE, /* time */
    M_MORE_ITEMS,   /* count, plural */
    M_COL_ETA,
    M_COL_ID,
    M_COL_CUSTOMER,
    M_COL_GRADE,
    M_COL_KIND,
    M_COL_BY,
    M_COL_WHY,
    M_LATE,
    /* ccad-plan: workload, platforms, findings */
    M_WORKLOAD_OVER, /* days, field days, visits a day, capacity */
    M_WORKLOAD_HEAD,
    M_TOTAL,
    M_ROUNDS,          /* whole, hundredths */
    M_OVER_CAPACITY,   /* visits over, whole, hundredths */
    M_WITHIN_CAPACITY, /* spare visits */
    M_PLATFORMS_HEAD,
    M_MARKET,
    M_WORKING,
    M_BUYING,
    M_KEY_ACCOUNTS,    /* count */
    M_PLATFORM_OVER,   /* size, cap */
    M_PLATFORM_WITHIN, /* size, cap */
    M_PLATFORM_UNDER,  /* size, minimum */
    M_C_HEAVY,         /* percent */
    M_FINDINGS,        /* count */
    M_WHOLE_PLAN,
    /* ccad-due */
    M_DUE_GRADE, /* grade name, quadrant */
    M_DUE_INACTIVE,
    M_DUE_NO_DATE,
    M_DUE_OVERDUE,    /* date, days, plural */
    M_DUE_TODAY,      /* date */
    M_DUE_IN,         /* date, days */
    M_DUE_ESCALATION, /* escalation name */
    M_DUE_MORE_REASONS,
    M_DUE_ALL,     /* count, day */
    M_DUE_ON,      /* day, due, count */
    M_DUE_SUMMARY, /* customers, due, overdue, cooling/cold, stalled, never contacted */
    /* ccad-ics and ccad-map */
    M_ICS_CALNAME,
    M_ICS_SUMMARY_TAIL, /* grade name, quadrant name */
    M_ICS_STOP,         /* seq, travel minutes */
    M_ICS_LATE,
    M_ICS_ALARM,     /* kind, day, time */
    M_ICS_OWNER,     /* owner rep id, its name (ccad-ics --rep: the rep's own customer) */
    M_ICS_CARRIED,   /* owner rep id, its name (carried for that teammate) */
    M_ICS_FOR,       /* owner rep id (the summary of an item carried for a teammate) */
    M_SVG_ROUTE_OF,  /* day */
    M_SVG_SUMMARY,   /* stops, travel minutes, service minutes, back time */
    M_SVG_STOP_TAIL, /* grade name, quadrant name, kind name */
    M_SVG_GRADE,     /* grade name */
    M_SVG_BASE,
    M_SVG_BASE_AT, /* latitude, longitude */
    M_SVG_LATE,
    M_MAP_WRITTEN,  /* path, stops, plural, travel minutes (ccad-map's line per file) */
    M_MAP_NO_STOPS, /* day (--day without stops) */
    M_MAP_NONE,
    M_ICS_WROTE, /* events, plural, path (ccad-ics -o, on standard error) */
    /* ccad-team */
    M_TEAM_PLAN_FOR, /* first day, last day, reps, customers */
    M_TEAM_REP,      /* lat, lon, visits a day, start, end, customers, absence note */
    M_TEAM_ABSENT_SOME,
    M_COL_OWNER,
    M_TEAM_DAY_REP, /* rep id, rep name, items, plural, stops, plural, carried */
    M_TEAM_NO_ROOM,
    M_TEAM_FINDINGS,     /* count */
    M_TEAM_FINDINGS_REP, /* rep id, count */
    M_TEAM_FINDINGS_SEP,
    M_TEAM_FINDINGS_POOL, /* count */
    M_TEAM_WORKLOAD_HEAD,
    M_TEAM_LOAD_ROW, /* needed, capacity, A, B, C, D, needed after, customers, after, travel, after */
    M_TEAM_BALANCE, /* spread, after, travel, after, releases, plural, assignments, plural,
                          moves, plural, reps over, plural */
    M_TEAM_TO_REP,  /* rep id (the findings file) */
    CCEX_MSG_COUNT
};

/** The text of message @p id in language @p lang (a ::ccad_lang). */
const char *ccex_msg(int lang, int id);

/** "s" for an English plural (n != 1); "" in Chinese, which has none. */
const char *ccex_plural(int lang, long n);

/** A day as the reports write it: "Mon 2026-11-23" in English,
 *  "2026-11-23 周一" in Chinese; "none" for CCAD_NO_DATE. */
void ccex_day_text(char buf[40], int32_t day, int lang);

#endif /* CCAD_EXAMPLES_MESSAGES_H */
