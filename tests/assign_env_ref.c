/* The reference for test_assign_since.c: the planner built a second time
 * with weekly assignment trying every flexible visit in every pass and
 * asking for each day of a visit's window afresh (ASSIGN_REUSE 0 in
 * lib/plan/assign.c), under names of its own so that it links beside the
 * library, which skips the visits whose inputs did not change and keeps
 * their windows. ref_schedule_new plans as ccad_schedule_new. */
#define ASSIGN_REUSE 0
#define ccad__plan_assign ref_plan_assign
#define ccad__schedule_new ref__schedule_new
#define ccad__schedule_renew ref__schedule_renew
#define ccad__ctx_flags ref_ctx_flags
#define ccad_schedule_new ref_schedule_new

#include "../lib/plan/assign.c"
#include "../lib/plan/schedule.c"
