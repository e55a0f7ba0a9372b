/* The function twins of the _INIT macros fill their structs as the macros do. */
#include "testutil.h"

#include <string.h>

static void twins(void **state)
{
    (void)state;
    {
        ccad_host m = CCAD_HOST_INIT, f;
        memset(&f, 0xab, sizeof f);
        ccad_host_init(&f);
        assert_int_equal(f.size, m.size);
        assert_null(f.user);
        assert_null(f.alloc);
        assert_null(f.realloc);
        assert_null(f.free);
        assert_null(f.clock);
        assert_null(f.calendar);
        assert_null(f.travel);
    }
    {
        ccad_param_info m = CCAD_PARAM_INFO_INIT, f;
        memset(&f, 0xab, sizeof f);
        ccad_param_info_init(&f);
        assert_int_equal(f.size, m.size);
        assert_null(f.name);
        assert_int_equal(f.default_value, 0);
    }
    {
        ccad_customer m = CCAD_CUSTOMER_INIT, f;
        memset(&f, 0xab, sizeof f);
        ccad_customer_init(&f);
        assert_int_equal(f.size, m.size);
        assert_null(f.id);
        assert_int_equal(f.value, 0);
        assert_int_equal(f.grade, CCAD_GRADE_NONE);
        assert_int_equal(f.status, CCAD_STATUS_PROSPECT);
        assert_int_equal(f.purchase_date, CCAD_NO_DATE);
        assert_int_equal(f.monthly_volume, -1);
        assert_int_equal(f.margin_bp, -1);
        assert_int_equal(f.capable, 1);
        assert_int_equal(f.has_location, 0);
        assert_int_equal(f.visit_close_min, 1440);
        assert_int_equal(f.last_contact, CCAD_NO_DATE);
        assert_int_equal(f.last_gap_days, -1);
        assert_int_equal(f.last_recorded, 1);
        assert_int_equal(f.next_step_date, CCAD_NO_DATE);
        assert_int_equal(f.service_counts[3], 0);
    }
    {
        ccad_contact m = CCAD_CONTACT_INIT, f;
        memset(&f, 0xab, sizeof f);
        ccad_contact_init(&f);
        assert_int_equal(f.size, m.size);
        assert_int_equal(f.date, CCAD_NO_DATE);
        assert_int_equal(f.kind, CCAD_CONTACT_VISIT);
        assert_int_equal(f.outcome, CCAD_OUTCOME_PROGRESS);
        assert_int_equal(f.recorded, 1);
        assert_int_equal(f.next_date, CCAD_NO_DATE);
    }
    {
        ccad_store m = CCAD_STORE_INIT, f;
        memset(&f, 0xab, sizeof f);
        ccad_store_init(&f);
        assert_int_equal(f.size, m.size);
        assert_null(f.begin);
        assert_null(f.iterate);
    }
    {
        ccad_assessment m = CCAD_ASSESSMENT_INIT, f;
        memset(&f, 0xab, sizeof f);
        ccad_assessment_init(&f);
        assert_int_equal(f.size, m.size);
        assert_int_equal(f.reason_count, 0);
        assert_int_equal(f.reasons[CCAD_REASONS_MAX - 1].why, 0);
    }
    {
        ccad_plan_options m = CCAD_PLAN_OPTIONS_INIT, f;
        memset(&f, 0xab, sizeof f);
        ccad_plan_options_init(&f);
        assert_int_equal(f.size, m.size);
        assert_int_equal(f.first_day, CCAD_NO_DATE);
        assert_int_equal(f.days, 7);
        assert_int_equal(f.visits_per_day, 8);
        assert_int_equal(f.keep_reasons, 1);
        assert_int_equal(f.route, 0);
        assert_int_equal(f.assign_days, 1);
        assert_int_equal(f.metric, CCAD_METRIC_PLANAR);
        assert_true(f.scale == 1.0 && f.units_per_minute == 1.0);
        assert_int_equal(f.day_start_min, 480);
        assert_int_equal(f.day_minutes, 480);
        assert_int_equal(f.seed, 1);
        assert_int_equal(f.effort, 20);
    }
    {
        ccad_item m = CCAD_ITEM_INIT, f;
        memset(&f, 0xab, sizeof f);
        ccad_item_init(&f);
        assert_int_equal(f.size, m.size);
        assert_int_equal(f.eta_min, -1);
        assert_int_equal(f.depart_min, -1);
        assert_int_equal(f.seq, 0);
    }
    {
        ccad_finding m = CCAD_FINDING_INIT, f;
        memset(&f, 0xab, sizeof f);
        ccad_finding_init(&f);
        assert_int_equal(f.size, m.size);
        assert_int_equal(f.customer, -1);
    }
    {
        ccad_workload m = CCAD_WORKLOAD_INIT, f;
        memset(&f, 0xab, sizeof f);
        ccad_workload_init(&f);
        assert_int_equal(f.size, m.size);
        assert_int_equal(f.period_days, 30);
        assert_int_equal(f.field_days, 22);
        assert_int_equal(f.visits_per_day, 1);
        assert_int_equal(f.stretch_x100, 100);
    }
    {
        ccad_platform m = CCAD_PLATFORM_INIT, f;
        memset(&f, 0xab, sizeof f);
        ccad_platform_init(&f);
        assert_int_equal(f.size, m.size);
        assert_int_equal(f.market[0], 0);
    }
    {
        ccad_day m = CCAD_DAY_INIT, f;
        memset(&f, 0xab, sizeof f);
        ccad_day_init(&f);
        assert_int_equal(f.size, m.size);
        assert_int_equal(f.back_min, -1);
        assert_int_equal(f.items, 0);
    }
    {
        ccad_route_options m = CCAD_ROUTE_OPTIONS_INIT, f;
        memset(&f, 0xab, sizeof f);
        ccad_route_options_init(&f);
        assert_int_equal(f.size, m.size);
        assert_int_equal(f.metric, CCAD_METRIC_PLANAR);
        assert_int_equal(f.closed, 1);
        assert_int_equal(f.seed, 1);
        assert_int_equal(f.effort, 20);
        assert_true(f.scale == 1.0);
    }
    {
        ccad_route_times m = CCAD_ROUTE_TIMES_INIT, f;
        memset(&f, 0xab, sizeof f);
        ccad_route_times_init(&f);
        assert_int_equal(f.size, m.size);
        assert_int_equal(f.size, sizeof(ccad_route_times));
        assert_null(f.open_min);
        assert_null(f.close_min);
        assert_null(f.service_min);
        assert_int_equal(f.start_min, 480);
        assert_int_equal(f.end_min, 1020);
        assert_true(f.units_per_minute == 500.0);
    }
    /* NULL is ignored */
    ccad_host_init(NULL);
    ccad_customer_init(NULL);
    ccad_route_options_init(NULL);
    ccad_route_times_init(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(twins)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
