/* Dates: day numbers, civil dates, weekdays, ISO weeks, text form. */
#include "testutil.h"

#include <string.h>

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int mdays(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : d[m - 1];
}

static void twins_equal_macros(void **state)
{
    (void)state;
    assert_int_equal(ccad_no_date(), CCAD_NO_DATE);
    assert_int_equal(ccad_no_date(), INT32_MIN);
    assert_int_equal(ccad_date_min(), CCAD_DATE_MIN);
    assert_int_equal(ccad_date_max(), CCAD_DATE_MAX);
    assert_int_equal(ccad_date_min(), -719162);
    assert_int_equal(ccad_date_max(), 2932896);
}

static void epoch_and_extremes(void **state)
{
    int32_t d = 12345;
    int y = 0, m = 0, md = 0, wd = 0;
    (void)state;
    assert_int_equal(ccad_date_from_ymd(&d, 1970, 1, 1), CCAD_OK);
    assert_int_equal(d, 0);
    assert_int_equal(ccad_date_weekday(&wd, 0), CCAD_OK);
    assert_int_equal(wd, 4); /* Thursday */
    assert_int_equal(ccad_date_from_ymd(&d, 1, 1, 1), CCAD_OK);
    assert_int_equal(d, CCAD_DATE_MIN);
    assert_int_equal(ccad_date_from_ymd(&d, 9999, 12, 31), CCAD_OK);
    assert_int_equal(d, CCAD_DATE_MAX);
    assert_int_equal(ccad_date_to_ymd(CCAD_DATE_MIN, &y, &m, &md), CCAD_OK);
    assert_int_equal(y, 1);
    assert_int_equal(m, 1);
    assert_int_equal(md, 1);
    assert_int_equal(ccad_date_to_ymd(CCAD_DATE_MAX, &y, &m, &md), CCAD_OK);
    assert_int_equal(y, 9999);
    assert_int_equal(m, 12);
    assert_int_equal(md, 31);
    /* 0001-01-01 was a Monday, 9999-12-31 a Friday (proleptic Gregorian). */
    assert_int_equal(ccad_date_weekday(&wd, CCAD_DATE_MIN), CCAD_OK);
    assert_int_equal(wd, 1);
    assert_int_equal(ccad_date_weekday(&wd, CCAD_DATE_MAX), CCAD_OK);
    assert_int_equal(wd, 5);
    /* Known day numbers. */
    assert_int_equal(tu_date("2000-01-01"), 10957);
    assert_int_equal(tu_date("2026-11-23"), 20780);
    assert_int_equal(tu_date("1969-12-31"), -1);
    assert_int_equal(tu_date("1900-01-01"), -25567);
}

static void round_trip_1900_2100(void **state)
{
    int32_t expect, d = 0;
    int y, m, md, wd, prev_wd = 0;
    (void)state;
    assert_int_equal(ccad_date_from_ymd(&expect, 1900, 1, 1), CCAD_OK);
    assert_int_equal(ccad_date_weekday(&prev_wd, expect), CCAD_OK);
    assert_int_equal(prev_wd, 1); /* 1900-01-01 was a Monday */
    prev_wd = 7;
    for (y = 1900; y <= 2100; y++)
        for (m = 1; m <= 12; m++)
            for (md = 1; md <= mdays(y, m); md++) {
                int yy = 0, mm = 0, dd = 0;
                char buf[11];
                char want[11];
                assert_int_equal(ccad_date_from_ymd(&d, y, m, md), CCAD_OK);
                assert_int_equal(d, expect);
                assert_int_equal(ccad_date_to_ymd(d, &yy, &mm, &dd), CCAD_OK);
                assert_int_equal(yy, y);
                assert_int_equal(mm, m);
                assert_int_equal(dd, md);
                assert_int_equal(ccad_date_weekday(&wd, d), CCAD_OK);
                assert_int_equal(wd, prev_wd % 7 + 1);
                prev_wd = wd;
                assert_int_equal(ccad_date_format(buf, sizeof buf, d), CCAD_OK);
                want[0] = (char)('0' + y / 1000);
                want[1] = (char)('0' + y / 100 % 10);
                want[2] = (char)('0' + y / 10 % 10);
                want[3] = (char)('0' + y % 10);
                want[4] = '-';
                want[5] = (char)('0' + m / 10);
                want[6] = (char)('0' + m % 10);
                want[7] = '-';
                want[8] = (char)('0' + md / 10);
                want[9] = (char)('0' + md % 10);
                want[10] = '\0';
                assert_string_equal(buf, want);
                assert_int_equal(ccad_date_parse(&d, buf, 10), CCAD_OK);
                assert_int_equal(d, expect);
                expect++;
            }
    assert_int_equal(expect - 1, tu_date("2100-12-31"));
}

static void round_trip_sparse_full_range(void **state)
{
    int32_t d, back = 0;
    int y, m, md;
    (void)state;
    /* every 97th day over the whole range, plus both ends */
    for (d = CCAD_DATE_MIN; d <= CCAD_DATE_MAX; d += 97) {
        assert_int_equal(ccad_date_to_ymd(d, &y, &m, &md), CCAD_OK);
        assert_true(y >= 1 && y <= 9999);
        assert_int_equal(ccad_date_from_ymd(&back, y, m, md), CCAD_OK);
        assert_int_equal(back, d);
    }
    assert_int_equal(ccad_date_to_ymd(CCAD_DATE_MAX, NULL, NULL, NULL), CCAD_OK);
}

static void leap_years(void **state)
{
    int32_t d = 7;
    (void)state;
    assert_int_equal(ccad_date_from_ymd(&d, 1900, 2, 29), CCAD_ERANGE);
    assert_int_equal(d, 7);
    assert_int_equal(ccad_date_from_ymd(&d, 2000, 2, 29), CCAD_OK);
    assert_int_equal(d, tu_date("2000-03-01") - 1);
    assert_int_equal(ccad_date_from_ymd(&d, 2024, 2, 29), CCAD_OK);
    assert_int_equal(d, tu_date("2024-03-01") - 1);
    assert_int_equal(ccad_date_from_ymd(&d, 2023, 2, 29), CCAD_ERANGE);
    assert_int_equal(ccad_date_from_ymd(&d, 2100, 2, 29), CCAD_ERANGE);
    assert_int_equal(ccad_date_from_ymd(&d, 2400, 2, 29), CCAD_OK);
    assert_int_equal(tu_date("1900-03-01") - tu_date("1900-02-28"), 1);
    assert_int_equal(tu_date("2000-03-01") - tu_date("2000-02-28"), 2);
    assert_int_equal(tu_date("2025-01-01") - tu_date("2024-01-01"), 366);
    assert_int_equal(tu_date("1901-01-01") - tu_date("1900-01-01"), 365);
}

static void from_ymd_errors(void **state)
{
    int32_t d = 99;
    (void)state;
    assert_int_equal(ccad_date_from_ymd(NULL, 2026, 1, 1), CCAD_EINVAL);
    assert_int_equal(ccad_date_from_ymd(&d, 0, 12, 31), CCAD_ERANGE);
    assert_int_equal(ccad_date_from_ymd(&d, 10000, 1, 1), CCAD_ERANGE);
    assert_int_equal(ccad_date_from_ymd(&d, -5, 1, 1), CCAD_ERANGE);
    assert_int_equal(ccad_date_from_ymd(&d, 2026, 0, 1), CCAD_ERANGE);
    assert_int_equal(ccad_date_from_ymd(&d, 2026, 13, 1), CCAD_ERANGE);
    assert_int_equal(ccad_date_from_ymd(&d, 2026, 1, 0), CCAD_ERANGE);
    assert_int_equal(ccad_date_from_ymd(&d, 2026, 1, 32), CCAD_ERANGE);
    assert_int_equal(ccad_date_from_ymd(&d, 2026, 4, 31), CCAD_ERANGE);
    assert_int_equal(ccad_date_from_ymd(&d, 2026, 2, 30), CCAD_ERANGE);
    assert_int_equal(ccad_date_from_ymd(&d, 2026, 1, -1), CCAD_ERANGE);
    assert_int_equal(d, 99);
}

static void to_ymd_errors(void **state)
{
    int y = 11, m = 12, md = 13;
    (void)state;
    assert_int_equal(ccad_date_to_ymd(CCAD_DATE_MIN - 1, &y, &m, &md), CCAD_ERANGE);
    assert_int_equal(ccad_date_to_ymd(CCAD_DATE_MAX + 1, &y, &m, &md), CCAD_ERANGE);
    assert_int_equal(ccad_date_to_ymd(CCAD_NO_DATE, &y, &m, &md), CCAD_ERANGE);
    assert_int_equal(ccad_date_to_ymd(INT32_MAX, &y, &m, &md), CCAD_ERANGE);
    assert_int_equal(y, 11);
    assert_int_equal(m, 12);
    assert_int_equal(md, 13);
    /* Partial out-parameters. */
    assert_int_equal(ccad_date_to_ymd(0, NULL, &m, NULL), CCAD_OK);
    assert_int_equal(m, 1);
    assert_int_equal(y, 11);
}

static void weekday_errors(void **state)
{
    int wd = 42;
    (void)state;
    assert_int_equal(ccad_date_weekday(NULL, 0), CCAD_EINVAL);
    assert_int_equal(ccad_date_weekday(&wd, CCAD_DATE_MIN - 1), CCAD_ERANGE);
    assert_int_equal(ccad_date_weekday(&wd, CCAD_DATE_MAX + 1), CCAD_ERANGE);
    assert_int_equal(ccad_date_weekday(&wd, CCAD_NO_DATE), CCAD_ERANGE);
    assert_int_equal(wd, 42);
    assert_int_equal(ccad_date_weekday(&wd, tu_date("2026-11-23")), CCAD_OK);
    assert_int_equal(wd, 1); /* Monday */
    assert_int_equal(ccad_date_weekday(&wd, tu_date("2026-11-29")), CCAD_OK);
    assert_int_equal(wd, 7); /* Sunday */
    assert_int_equal(ccad_date_weekday(&wd, -1), CCAD_OK);
    assert_int_equal(wd, 3); /* 1969-12-31 Wednesday */
    assert_int_equal(ccad_date_weekday(&wd, -4), CCAD_OK);
    assert_int_equal(wd, 7); /* 1969-12-28 Sunday */
}

static void check_week(const char *ymd, int iso_year, int week)
{
    int iy = 0, w = 0;
    assert_int_equal(ccad_date_iso_week(&iy, &w, tu_date(ymd)), CCAD_OK);
    assert_int_equal(iy, iso_year);
    assert_int_equal(w, week);
}

static void iso_weeks(void **state)
{
    int iy = 5, w = 6;
    (void)state;
    check_week("2020-12-31", 2020, 53);
    check_week("2021-01-03", 2020, 53);
    check_week("2021-01-04", 2021, 1);
    check_week("2026-11-23", 2026, 48);
    check_week("2008-12-29", 2009, 1);
    check_week("2005-01-01", 2004, 53);
    check_week("2005-01-02", 2004, 53);
    check_week("2005-01-03", 2005, 1);
    check_week("2007-01-01", 2007, 1);
    check_week("2007-12-30", 2007, 52);
    check_week("2007-12-31", 2008, 1);
    check_week("2010-01-03", 2009, 53);
    check_week("1970-01-01", 1970, 1);
    check_week("0001-01-01", 1, 1);
    check_week("9999-12-31", 9999, 52);
    assert_int_equal(ccad_date_iso_week(NULL, &w, 0), CCAD_EINVAL);
    assert_int_equal(ccad_date_iso_week(&iy, NULL, 0), CCAD_EINVAL);
    assert_int_equal(ccad_date_iso_week(&iy, &w, CCAD_DATE_MAX + 1), CCAD_ERANGE);
    assert_int_equal(ccad_date_iso_week(&iy, &w, CCAD_DATE_MIN - 1), CCAD_ERANGE);
    assert_int_equal(ccad_date_iso_week(&iy, &w, CCAD_NO_DATE), CCAD_ERANGE);
    assert_int_equal(iy, 5);
    assert_int_equal(w, 6);
}

static void iso_weeks_consistent(void **state)
{
    /* Over 2000..2030 the week advances by one every Monday and ISO years
     * have 52 or 53 weeks. */
    int32_t d, end = tu_date("2030-12-31");
    int iy, w, piy = 0, pw = 0, wd;
    (void)state;
    assert_int_equal(ccad_date_iso_week(&piy, &pw, tu_date("2000-01-01")), CCAD_OK);
    assert_int_equal(piy, 1999);
    assert_int_equal(pw, 52);
    for (d = tu_date("2000-01-02"); d <= end; d++) {
        assert_int_equal(ccad_date_iso_week(&iy, &w, d), CCAD_OK);
        assert_int_equal(ccad_date_weekday(&wd, d), CCAD_OK);
        if (wd == 1) {
            if (w == 1) {
                assert_int_equal(iy, piy + 1);
                assert_true(pw == 52 || pw == 53);
            } else {
                assert_int_equal(iy, piy);
                assert_int_equal(w, pw + 1);
            }
        } else {
            assert_int_equal(iy, piy);
            assert_int_equal(w, pw);
        }
        piy = iy;
        pw = w;
    }
}

static void parse_strict(void **state)
{
    int32_t d = 555;
    (void)state;
    assert_int_equal(ccad_date_parse(&d, "2026-11-23", 10), CCAD_OK);
    assert_int_equal(d, 20780);
    /* Only len bytes are read: no NUL needed. */
    d = 555;
    assert_int_equal(ccad_date_parse(&d, "2026-11-23XYZ", 10), CCAD_OK);
    assert_int_equal(d, 20780);
    d = 555;
    assert_int_equal(ccad_date_parse(NULL, "2026-11-23", 10), CCAD_EINVAL);
    assert_int_equal(ccad_date_parse(&d, NULL, 10), CCAD_EINVAL);
    assert_int_equal(ccad_date_parse(&d, "2026-11-23", 9), CCAD_EPARSE);
    assert_int_equal(ccad_date_parse(&d, "2026-11-23 ", 11), CCAD_EPARSE);
    assert_int_equal(ccad_date_parse(&d, "", 0), CCAD_EPARSE);
    assert_int_equal(ccad_date_parse(&d, "2026-1-230", 10), CCAD_EPARSE);
    assert_int_equal(ccad_date_parse(&d, "2026111-23", 10), CCAD_EPARSE);
    assert_int_equal(ccad_date_parse(&d, "2026-11123", 10), CCAD_EPARSE);
    assert_int_equal(ccad_date_parse(&d, "2026/11/23", 10), CCAD_EPARSE);
    assert_int_equal(ccad_date_parse(&d, "20a6-11-23", 10), CCAD_EPARSE);
    assert_int_equal(ccad_date_parse(&d, "2026-1a-23", 10), CCAD_EPARSE);
    assert_int_equal(ccad_date_parse(&d, "2026-11-2b", 10), CCAD_EPARSE);
    assert_int_equal(ccad_date_parse(&d, " 026-11-23", 10), CCAD_EPARSE);
    assert_int_equal(ccad_date_parse(&d, "+026-11-23", 10), CCAD_EPARSE);
    assert_int_equal(ccad_date_parse(&d, "-026-11-23", 10), CCAD_EPARSE);
    assert_int_equal(ccad_date_parse(&d, "2026-+1-23", 10), CCAD_EPARSE);
    assert_int_equal(ccad_date_parse(&d, "2026-11-23", 10) == CCAD_OK, 1);
    d = 555;
    assert_int_equal(ccad_date_parse(&d,
                                     "2026\0"
                                     "11-23",
                                     10),
                     CCAD_EPARSE);
    assert_int_equal(ccad_date_parse(&d, "2026-02-30", 10), CCAD_ERANGE);
    assert_int_equal(ccad_date_parse(&d, "2026-13-01", 10), CCAD_ERANGE);
    assert_int_equal(ccad_date_parse(&d, "2026-00-01", 10), CCAD_ERANGE);
    assert_int_equal(ccad_date_parse(&d, "2026-01-00", 10), CCAD_ERANGE);
    assert_int_equal(ccad_date_parse(&d, "0000-01-01", 10), CCAD_ERANGE);
    assert_int_equal(ccad_date_parse(&d, "1900-02-29", 10), CCAD_ERANGE);
    assert_int_equal(d, 555);
    assert_int_equal(ccad_date_parse(&d, "0001-01-01", 10), CCAD_OK);
    assert_int_equal(d, CCAD_DATE_MIN);
    assert_int_equal(ccad_date_parse(&d, "9999-12-31", 10), CCAD_OK);
    assert_int_equal(d, CCAD_DATE_MAX);
}

static void format_cases(void **state)
{
    char buf[16];
    (void)state;
    memset(buf, 'x', sizeof buf);
    assert_int_equal(ccad_date_format(buf, 10, 0), CCAD_ENOSPC);
    assert_int_equal(ccad_date_format(buf, 0, 0), CCAD_ENOSPC);
    assert_int_equal(buf[0], 'x'); /* nothing written */
    assert_int_equal(ccad_date_format(NULL, 11, 0), CCAD_EINVAL);
    assert_int_equal(ccad_date_format(buf, sizeof buf, CCAD_DATE_MAX + 1), CCAD_ERANGE);
    assert_int_equal(ccad_date_format(buf, sizeof buf, CCAD_DATE_MIN - 1), CCAD_ERANGE);
    assert_int_equal(ccad_date_format(buf, sizeof buf, CCAD_NO_DATE), CCAD_ERANGE);
    assert_int_equal(buf[0], 'x');
    assert_int_equal(ccad_date_format(buf, 11, 0), CCAD_OK);
    assert_string_equal(buf, "1970-01-01");
    assert_int_equal(buf[11], 'x'); /* exactly 11 bytes written */
    assert_int_equal(ccad_date_format(buf, sizeof buf, CCAD_DATE_MIN), CCAD_OK);
    assert_string_equal(buf, "0001-01-01");
    assert_int_equal(ccad_date_format(buf, sizeof buf, CCAD_DATE_MAX), CCAD_OK);
    assert_string_equal(buf, "9999-12-31");
    assert_int_equal(ccad_date_format(buf, sizeof buf, -1), CCAD_OK);
    assert_string_equal(buf, "1969-12-31");
    assert_int_equal(ccad_date_format(buf, sizeof buf, tu_date("0999-09-09")), CCAD_OK);
    assert_string_equal(buf, "0999-09-09");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(twins_equal_macros),
        cmocka_unit_test(epoch_and_extremes),
        cmocka_unit_test(round_trip_1900_2100),
        cmocka_unit_test(round_trip_sparse_full_range),
        cmocka_unit_test(leap_years),
        cmocka_unit_test(from_ymd_errors),
        cmocka_unit_test(to_ymd_errors),
        cmocka_unit_test(weekday_errors),
        cmocka_unit_test(iso_weeks),
        cmocka_unit_test(iso_weeks_consistent),
        cmocka_unit_test(parse_strict),
        cmocka_unit_test(format_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
