/* The reference for test_assign_since.c: the planner built a second time
 * with weekly assignment trying every flexible visit in every pass and
 * asking for each day of a visit's window afresh (ASSIGN_REUSE 0 in
 * lib/plan/assign.c), placing every stop place by place
 * (ccad__route_fit_skip: no insertion tables, no early refusal of a swap,
 * no row-read ccad__route_fit for its moves), under names of its own so
 * that it links beside the library, which skips the visits whose inputs
 * did not change and keeps their windows. ref_schedule_new plans as
 * ccad_schedule_new. */
#define ASSIGN_REUSE 0
#define ccad__plan_assign ref_plan_assign
#define ccad__schedule_new ref__schedule_new
#define ccad__schedule_renew ref__schedule_renew
#define ccad__ctx_flags ref_ctx_flags
#define ccad_schedule_new ref_schedule_new

#include "../lib/plan/plan.h"

/* after plan.h, so that only the calls below take the walk */
#define ccad__route_fit(plan, route, i, pos, cost) \
    ccad__route_fit_skip(plan, route, UINT32_MAX, i, pos, cost)

#include "../lib/plan/assign.c"
#include "../lib/plan/schedule.c"
