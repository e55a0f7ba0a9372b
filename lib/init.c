/* Function twins of the _INIT macros, for bindings. */
#include "internal.h"

#include <string.h>

/* The value is a static constant, whose padding C zero-fills, copied with
 * memcpy: the padding bytes the caller gets are zero, not whatever an
 * automatic variable held (bindings compare whole structs byte by byte). */
#define TWIN(fn, type, init) \
    void fn(type *p) \
    { \
        static const type v = init; \
        if (p != NULL) \
            memcpy(p, &v, sizeof v); \
    }

TWIN(ccad_host_init, ccad_host, CCAD_HOST_INIT)
TWIN(ccad_param_info_init, ccad_param_info, CCAD_PARAM_INFO_INIT)
TWIN(ccad_customer_init, ccad_customer, CCAD_CUSTOMER_INIT)
TWIN(ccad_contact_init, ccad_contact, CCAD_CONTACT_INIT)
TWIN(ccad_store_init, ccad_store, CCAD_STORE_INIT)
TWIN(ccad_assessment_init, ccad_assessment, CCAD_ASSESSMENT_INIT)
TWIN(ccad_plan_options_init, ccad_plan_options, CCAD_PLAN_OPTIONS_INIT)
TWIN(ccad_replan_info_init, ccad_replan_info, CCAD_REPLAN_INFO_INIT)
TWIN(ccad_item_init, ccad_item, CCAD_ITEM_INIT)
TWIN(ccad_finding_init, ccad_finding, CCAD_FINDING_INIT)
TWIN(ccad_workload_init, ccad_workload, CCAD_WORKLOAD_INIT)
TWIN(ccad_platform_init, ccad_platform, CCAD_PLATFORM_INIT)
TWIN(ccad_day_init, ccad_day, CCAD_DAY_INIT)
TWIN(ccad_route_options_init, ccad_route_options, CCAD_ROUTE_OPTIONS_INIT)
TWIN(ccad_route_times_init, ccad_route_times, CCAD_ROUTE_TIMES_INIT)
TWIN(ccad_rep_init, ccad_rep, CCAD_REP_INIT)
TWIN(ccad_team_options_init, ccad_team_options, CCAD_TEAM_OPTIONS_INIT)
TWIN(ccad_store_moves_init, ccad_store_moves, CCAD_STORE_MOVES_INIT)
TWIN(ccad_team_item_init, ccad_team_item, CCAD_TEAM_ITEM_INIT)
TWIN(ccad_team_finding_init, ccad_team_finding, CCAD_TEAM_FINDING_INIT)
TWIN(ccad_team_proposal_options_init, ccad_team_proposal_options, CCAD_TEAM_PROPOSAL_OPTIONS_INIT)
TWIN(ccad_team_proposal_init, ccad_team_proposal, CCAD_TEAM_PROPOSAL_INIT)
TWIN(ccad_team_load_init, ccad_team_load, CCAD_TEAM_LOAD_INIT)
TWIN(ccad_team_balance_init, ccad_team_balance, CCAD_TEAM_BALANCE_INIT)
