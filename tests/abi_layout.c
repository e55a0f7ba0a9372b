/* abi-layout: prints, as JSON, sizeof and offsetof of every member of every
 * public struct of custcadence.h. The Python binding's tests compare it with
 * the ctypes mirrors (bindings/python/custcadence/_ffi.py). Not a ctest case:
 * it checks nothing by itself. */
#include <stddef.h>
#include <stdio.h>

#include "custcadence.h"

static int first_struct = 1;
static int first_member = 1;

static void begin(const char *name, size_t size)
{
    printf("%s\n  \"%s\": {\"sizeof\": %lu, \"members\": {", first_struct ? "" : ",", name,
           (unsigned long)size);
    first_struct = 0;
    first_member = 1;
}

static void member(const char *name, size_t off)
{
    printf("%s\"%s\": %lu", first_member ? "" : ", ", name, (unsigned long)off);
    first_member = 0;
}

static void end(void) { printf("}}"); }

#define S(t) begin(#t, sizeof(t))
#define M(t, m) member(#m, offsetof(t, m))

int main(void)
{
    printf("{");
    S(ccad_host);
    M(ccad_host, size);
    M(ccad_host, user);
    M(ccad_host, alloc);
    M(ccad_host, realloc);
    M(ccad_host, free);
    M(ccad_host, clock);
    M(ccad_host, calendar);
    M(ccad_host, travel);
    end();

    S(ccad_param_info);
    M(ccad_param_info, size);
    M(ccad_param_info, name);
    M(ccad_param_info, rule);
    M(ccad_param_info, min_value);
    M(ccad_param_info, max_value);
    M(ccad_param_info, default_value);
    M(ccad_param_info, unit);
    M(ccad_param_info, help);
    M(ccad_param_info, source);
    end();

    S(ccad_customer);
    M(ccad_customer, size);
    M(ccad_customer, id);
    M(ccad_customer, value);
    M(ccad_customer, grade);
    M(ccad_customer, status);
    M(ccad_customer, purchase_date);
    M(ccad_customer, monthly_volume);
    M(ccad_customer, margin_bp);
    M(ccad_customer, capable);
    M(ccad_customer, has_location);
    M(ccad_customer, x);
    M(ccad_customer, y);
    M(ccad_customer, complaint);
    M(ccad_customer, complaint_date);
    M(ccad_customer, request_date);
    M(ccad_customer, visit_days);
    M(ccad_customer, visit_open_min);
    M(ccad_customer, visit_close_min);
    M(ccad_customer, owned_since);
    M(ccad_customer, last_contact);
    M(ccad_customer, last_visit);
    M(ccad_customer, last_gap_days);
    M(ccad_customer, contacts);
    M(ccad_customer, no_progress);
    M(ccad_customer, missing_records);
    M(ccad_customer, last_recorded);
    M(ccad_customer, next_step_date);
    M(ccad_customer, service_counts);
    M(ccad_customer, padding_1_0);
    M(ccad_customer, share_pct);
    M(ccad_customer, supplier_rank);
    M(ccad_customer, prospect_run);
    M(ccad_customer, prospect_gap);
    M(ccad_customer, prospect_tail);
    M(ccad_customer, last_purposes);
    M(ccad_customer, aimless);
    M(ccad_customer, closes_asked);
    M(ccad_customer, last_parts);
    M(ccad_customer, last_entered);
    M(ccad_customer, owner_sales);
    end();

    S(ccad_contact);
    M(ccad_contact, size);
    M(ccad_contact, date);
    M(ccad_contact, kind);
    M(ccad_contact, outcome);
    M(ccad_contact, recorded);
    M(ccad_contact, next_date);
    M(ccad_contact, service_level);
    M(ccad_contact, purposes);
    M(ccad_contact, close_asked);
    M(ccad_contact, owner_present);
    M(ccad_contact, activity);
    M(ccad_contact, record_parts);
    M(ccad_contact, entered);
    end();

    S(ccad_store);
    M(ccad_store, size);
    M(ccad_store, user);
    M(ccad_store, begin);
    M(ccad_store, commit);
    M(ccad_store, rollback);
    M(ccad_store, load);
    M(ccad_store, save);
    M(ccad_store, append_contact);
    M(ccad_store, iterate);
    end();

    S(ccad_reason);
    M(ccad_reason, rule);
    M(ccad_reason, why);
    M(ccad_reason, a);
    M(ccad_reason, b);
    M(ccad_reason, c);
    end();

    S(ccad_assessment);
    M(ccad_assessment, size);
    M(ccad_assessment, today);
    M(ccad_assessment, grade);
    M(ccad_assessment, grade_manual);
    M(ccad_assessment, urgency);
    M(ccad_assessment, quadrant);
    M(ccad_assessment, freq_count);
    M(ccad_assessment, freq_period_days);
    M(ccad_assessment, interval_days);
    M(ccad_assessment, due_date);
    M(ccad_assessment, days_overdue);
    M(ccad_assessment, escalation);
    M(ccad_assessment, days_since_contact);
    M(ccad_assessment, temperature);
    M(ccad_assessment, reminder_date);
    M(ccad_assessment, flags);
    M(ccad_assessment, contacts);
    M(ccad_assessment, min_contacts);
    M(ccad_assessment, ownership_end);
    M(ccad_assessment, ownership_days_left);
    M(ccad_assessment, triage);
    M(ccad_assessment, strategy);
    M(ccad_assessment, complaint);
    M(ccad_assessment, care_date);
    M(ccad_assessment, reason_count);
    M(ccad_assessment, reasons);
    end();

    S(ccad_brief);
    M(ccad_brief, due_date);
    M(ccad_brief, days_overdue);
    M(ccad_brief, flags);
    M(ccad_brief, grade);
    M(ccad_brief, urgency);
    M(ccad_brief, quadrant);
    M(ccad_brief, escalation);
    end();

    S(ccad_plan_options);
    M(ccad_plan_options, size);
    M(ccad_plan_options, first_day);
    M(ccad_plan_options, days);
    M(ccad_plan_options, visits_per_day);
    M(ccad_plan_options, minutes_per_day);
    M(ccad_plan_options, overload);
    M(ccad_plan_options, keep_reasons);
    M(ccad_plan_options, route);
    M(ccad_plan_options, assign_days);
    M(ccad_plan_options, base_x);
    M(ccad_plan_options, base_y);
    M(ccad_plan_options, metric);
    M(ccad_plan_options, scale);
    M(ccad_plan_options, units_per_minute);
    M(ccad_plan_options, day_start_min);
    M(ccad_plan_options, day_minutes);
    M(ccad_plan_options, seed);
    M(ccad_plan_options, effort);
    end();

    S(ccad_replan_info);
    M(ccad_replan_info, size);
    M(ccad_replan_info, cause);
    M(ccad_replan_info, incremental);
    M(ccad_replan_info, changed);
    end();

    S(ccad_item);
    M(ccad_item, size);
    M(ccad_item, date);
    M(ccad_item, customer);
    M(ccad_item, kind);
    M(ccad_item, quadrant);
    M(ccad_item, priority);
    M(ccad_item, delegated);
    M(ccad_item, rolled_from);
    M(ccad_item, reminder_date);
    M(ccad_item, block_day);
    M(ccad_item, seq);
    M(ccad_item, eta_min);
    M(ccad_item, depart_min);
    M(ccad_item, travel_min);
    M(ccad_item, late);
    M(ccad_item, reason_count);
    M(ccad_item, reasons);
    end();

    S(ccad_finding);
    M(ccad_finding, size);
    M(ccad_finding, kind);
    M(ccad_finding, customer);
    M(ccad_finding, date);
    M(ccad_finding, reason_count);
    M(ccad_finding, reasons);
    end();

    S(ccad_day);
    M(ccad_day, size);
    M(ccad_day, date);
    M(ccad_day, flags);
    M(ccad_day, items);
    M(ccad_day, by_rep);
    M(ccad_day, delegated);
    M(ccad_day, touches);
    M(ccad_day, stops);
    M(ccad_day, service_min);
    M(ccad_day, travel_min);
    M(ccad_day, back_min);
    M(ccad_day, late);
    end();

    S(ccad_workload_row);
    M(ccad_workload_row, customers);
    M(ccad_workload_row, visits);
    end();

    S(ccad_workload);
    M(ccad_workload, size);
    M(ccad_workload, period_days);
    M(ccad_workload, field_days);
    M(ccad_workload, visits_per_day);
    M(ccad_workload, rows);
    M(ccad_workload, visits);
    M(ccad_workload, capacity);
    M(ccad_workload, rounds_x100);
    M(ccad_workload, over);
    M(ccad_workload, cut);
    M(ccad_workload, stretch_x100);
    end();

    S(ccad_platform);
    M(ccad_platform, size);
    M(ccad_platform, market);
    M(ccad_platform, working);
    M(ccad_platform, buying);
    M(ccad_platform, key_accounts);
    M(ccad_platform, working_cap);
    M(ccad_platform, over_cap);
    M(ccad_platform, c_heavy);
    M(ccad_platform, working_min);
    M(ccad_platform, under_min);
    end();

    S(ccad_route_options);
    M(ccad_route_options, size);
    M(ccad_route_options, metric);
    M(ccad_route_options, closed);
    M(ccad_route_options, seed);
    M(ccad_route_options, effort);
    M(ccad_route_options, scale);
    end();

    S(ccad_route_times);
    M(ccad_route_times, size);
    M(ccad_route_times, open_min);
    M(ccad_route_times, close_min);
    M(ccad_route_times, service_min);
    M(ccad_route_times, start_min);
    M(ccad_route_times, end_min);
    M(ccad_route_times, units_per_minute);
    end();

    S(ccad_rep);
    M(ccad_rep, size);
    M(ccad_rep, id);
    M(ccad_rep, base_x);
    M(ccad_rep, base_y);
    M(ccad_rep, visits_per_day);
    M(ccad_rep, minutes_per_day);
    M(ccad_rep, day_start_min);
    M(ccad_rep, day_minutes);
    end();

    S(ccad_team_options);
    M(ccad_team_options, size);
    M(ccad_team_options, user);
    M(ccad_team_options, calendar);
    end();

    S(ccad_store_moves);
    M(ccad_store_moves, size);
    M(ccad_store_moves, user);
    M(ccad_store_moves, remove);
    M(ccad_store_moves, set_owner);
    end();

    S(ccad_team_item);
    M(ccad_team_item, size);
    M(ccad_team_item, carrier);
    M(ccad_team_item, owner);
    M(ccad_team_item, item);
    end();

    S(ccad_team_finding);
    M(ccad_team_finding, size);
    M(ccad_team_finding, rep);
    M(ccad_team_finding, finding);
    end();

    S(ccad_team_proposal_options);
    M(ccad_team_proposal_options, size);
    M(ccad_team_proposal_options, today);
    M(ccad_team_proposal_options, period_days);
    M(ccad_team_proposal_options, field_days);
    M(ccad_team_proposal_options, move_a);
    M(ccad_team_proposal_options, metric);
    M(ccad_team_proposal_options, scale);
    M(ccad_team_proposal_options, units_per_minute);
    end();

    S(ccad_team_proposal);
    M(ccad_team_proposal, size);
    M(ccad_team_proposal, rep);
    M(ccad_team_proposal, to_rep);
    M(ccad_team_proposal, finding);
    end();

    S(ccad_team_load);
    M(ccad_team_load, size);
    M(ccad_team_load, before);
    M(ccad_team_load, customers_after);
    M(ccad_team_load, visits_after);
    M(ccad_team_load, travel_before);
    M(ccad_team_load, travel_after);
    end();

    S(ccad_team_balance);
    M(ccad_team_balance, size);
    M(ccad_team_balance, spread_before_x100);
    M(ccad_team_balance, spread_after_x100);
    M(ccad_team_balance, travel_before);
    M(ccad_team_balance, travel_after);
    M(ccad_team_balance, releases);
    M(ccad_team_balance, assigns);
    M(ccad_team_balance, moves);
    M(ccad_team_balance, over_after);
    end();

    printf("\n}\n");
    return 0;
}
