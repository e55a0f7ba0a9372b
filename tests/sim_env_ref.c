/* The reference for test_sim_events.c: the planner's day loop built a
 * second time with SIM_EVENTS 0 (lib/plan/simulate.c), so that it briefs
 * every open customer afresh on every working day as the loop did before
 * it kept briefs between their change days (lib/plan/events.c), and with
 * FIRST_MAX 0, so that a day's candidates come off a heap over all of them
 * rather than from a bounded selection first, under names of its own so
 * that it links beside the library.
 * ref_sim_schedule_new plans as ccad_schedule_new. */
#define SIM_EVENTS 0
#define FIRST_MAX 0
#define ccad__plan_simulate ref_sim_plan_simulate
#define ccad__plan_sim_view ref_sim_plan_sim_view
#define ccad__plan_room ref_sim_plan_room
#define ccad__plan_commit ref_sim_plan_commit
#define ccad__plan_assess_on ref_sim_plan_assess_on
#define ccad__schedule_new ref_sim__schedule_new
#define ccad__schedule_renew ref_sim__schedule_renew
#define ccad__ctx_flags ref_sim_ctx_flags
#define ccad_schedule_new ref_sim_schedule_new

#include "../lib/plan/simulate.c"
#include "../lib/plan/schedule.c"
