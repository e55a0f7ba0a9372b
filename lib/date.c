/* Civil dates as day numbers (proleptic Gregorian, days since 1970-01-01). */
#include "internal.h"

#include <string.h>

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int month_days(int y, int m)
{
    static const unsigned char d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : d[m - 1];
}

/* Days from civil, after the era-based method (400-year eras of 146097 days). */
static int32_t days_from_civil(int y, int m, int d)
{
    int era, yoe, doy, doe;
    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 719468);
}

static void civil_from_days(int32_t z, int *y, int *m, int *d)
{
    int32_t zz = z + 719468;
    int era = (zz >= 0 ? zz : zz - 146096) / 146097;
    int doe = (int)(zz - era * 146097);
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

int32_t ccad_no_date(void) { return CCAD_NO_DATE; }
int32_t ccad_date_min(void) { return CCAD_DATE_MIN; }
int32_t ccad_date_max(void) { return CCAD_DATE_MAX; }

int ccad_date_from_ymd(int32_t *out_day, int year, int month, int day)
{
    if (out_day == NULL)
        return CCAD_EINVAL;
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
        day > month_days(year, month))
        return CCAD_ERANGE;
    *out_day = days_from_civil(year, month, day);
    return CCAD_OK;
}

int ccad_date_to_ymd(int32_t day, int *out_year, int *out_month, int *out_mday)
{
    int y, m, d;
    if (!ccad__date_ok(day))
        return CCAD_ERANGE;
    civil_from_days(day, &y, &m, &d);
    if (out_year)
        *out_year = y;
    if (out_month)
        *out_month = m;
    if (out_mday)
        *out_mday = d;
    return CCAD_OK;
}

int ccad_date_weekday(int *out_weekday, int32_t day)
{
    if (out_weekday == NULL)
        return CCAD_EINVAL;
    if (!ccad__date_ok(day))
        return CCAD_ERANGE;
    *out_weekday = ccad__weekday(day);
    return CCAD_OK;
}

int ccad_date_iso_week(int *out_iso_year, int *out_week, int32_t day)
{
    int y, m, d, wd;
    int32_t thursday, jan1;
    if (out_iso_year == NULL || out_week == NULL)
        return CCAD_EINVAL;
    if (!ccad__date_ok(day))
        return CCAD_ERANGE;
    wd = ccad__weekday(day);
    thursday = day + (4 - wd); /* the Thursday of the same ISO week decides the year */
    /* The Thursday may lie one step outside [DATE_MIN, DATE_MAX]; the
     * conversion below is exact there too. */
    civil_from_days(thursday, &y, &m, &d);
    jan1 = days_from_civil(y, 1, 1);
    *out_iso_year = y;
    *out_week = (int)((thursday - jan1) / 7 + 1);
    return CCAD_OK;
}

int ccad_date_parse(int32_t *out_day, const char *text, size_t len)
{
    int v[3] = {0, 0, 0};
    static const int width[3] = {4, 2, 2};
    size_t i = 0;
    int f, k;
    if (out_day == NULL || text == NULL)
        return CCAD_EINVAL;
    if (len != 10)
        return CCAD_EPARSE;
    for (f = 0; f < 3; f++) {
        for (k = 0; k < width[f]; k++, i++) {
            if (text[i] < '0' || text[i] > '9')
                return CCAD_EPARSE;
            v[f] = v[f] * 10 + (text[i] - '0');
        }
        if (f < 2 && text[i++] != '-')
            return CCAD_EPARSE;
    }
    return ccad_date_from_ymd(out_day, v[0], v[1], v[2]);
}

int ccad_date_format(char *buf, size_t cap, int32_t day)
{
    int y, m, d;
    if (buf == NULL)
        return CCAD_EINVAL;
    if (cap < 11)
        return CCAD_ENOSPC;
    if (!ccad__date_ok(day))
        return CCAD_ERANGE;
    civil_from_days(day, &y, &m, &d);
    buf[0] = (char)('0' + y / 1000);
    buf[1] = (char)('0' + y / 100 % 10);
    buf[2] = (char)('0' + y / 10 % 10);
    buf[3] = (char)('0' + y % 10);
    buf[4] = '-';
    buf[5] = (char)('0' + m / 10);
    buf[6] = (char)('0' + m % 10);
    buf[7] = '-';
    buf[8] = (char)('0' + d / 10);
    buf[9] = (char)('0' + d % 10);
    buf[10] = '\0';
    return CCAD_OK;
}
