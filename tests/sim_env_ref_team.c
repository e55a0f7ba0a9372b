/* The team planner (lib/plan/team_plan.c) built again for test_sim_events
 * under a name of its own, ref_sim_team_schedule_new, so that each rep's
 * plan goes through the reference day loop of tests/sim_env_ref.c, which
 * briefs every customer every day. */
#define ccad__schedule_new ref_sim__schedule_new
#define ccad_team_schedule_new ref_sim_team_schedule_new

#include "../lib/plan/team_plan.c"
