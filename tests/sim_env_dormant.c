/* A third build of the planner's day loop for test_sim_events.c: the
 * library's own (briefs kept between their change days, the bounded
 * selection first) with DORMANT_BOOK 0, so that the generated territories
 * of a few dozen customers keep dormant customers (lib/plan/dormant.c) as
 * the library does from 256 customers on; under names of its own, so that
 * it links beside the library and the reference build (sim_env_ref.c).
 * dorm_sim_schedule_new plans as ccad_schedule_new. */
#define DORMANT_BOOK 0
#define ccad__plan_simulate dorm_sim_plan_simulate
#define ccad__plan_sim_view dorm_sim_plan_sim_view
#define ccad__plan_room dorm_sim_plan_room
#define ccad__plan_commit dorm_sim_plan_commit
#define ccad__plan_assess_on dorm_sim_plan_assess_on
#define ccad__schedule_new dorm_sim__schedule_new
#define ccad__schedule_renew dorm_sim__schedule_renew
#define ccad__ctx_flags dorm_sim_ctx_flags
#define ccad_schedule_new dorm_sim_schedule_new

#include "../lib/plan/simulate.c"
#include "../lib/plan/schedule.c"
