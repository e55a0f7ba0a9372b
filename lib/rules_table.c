/* Rules: the parameter table (docs/rules-format.md, "Parameters"): each
 * parameter's name, rule, kind, range, default, unit, help line and the
 * source of its default (docs/cadence-rules.md, "Where each default comes
 * from"). lib/rules.c reads and validates; tests/check_rule_coverage.py
 * reads this table's text. */
#include "internal.h"

#define MONEY_MAX INT64_C(1000000000000000) /* 10^15 minor units */
#define DAYS_MAX 3660

/* One row per enum ccad__param value, at that value's index; the enum's
 * order is the serialization order. tests/test_conventions.c checks that
 * every value has its row. Laid out by hand: a designator line, then the
 * row. */
/* clang-format off */
const struct ccad__param_def ccad__params[P__COUNT] = {
    [P_GRADE_METHOD] =
    {"grade.method", CCAD_RULE_GRADE, K_ENUM, 0, 1, CCAD_GRADE_BY_RANK, "enum", {"rank", "threshold"},
     "grade by rank share (rank) or by value thresholds (threshold)",
     "seed 003, line 15: grades by share of all customers (A is 10-15 %)"},
    [P_GRADE_SHARE_A] =
    {"grade.share_a_pct", CCAD_RULE_GRADE, K_INT, 0, 100, 15, "pct", {"", ""},
     "rank method: share of customers graded A, highest value first",
     "seed 003, line 15: A is 10-15 % of all customers (the upper end)"},
    [P_GRADE_SHARE_B] =
    {"grade.share_b_pct", CCAD_RULE_GRADE, K_INT, 0, 100, 25, "pct", {"", ""},
     "rank method: share graded B after the A share",
     "project default: seed 003, line 16 says only that B outnumber A"},
    [P_GRADE_SHARE_C] =
    {"grade.share_c_pct", CCAD_RULE_GRADE, K_INT, 0, 100, 60, "pct", {"", ""},
     "rank method with grade D on: share graded C; the rest is D",
     "project default: grade D is optional; C takes 60 % before it"},
    [P_GRADE_USE_D] =
    {"grade.use_d", CCAD_RULE_GRADE, K_BOOL, 0, 1, 0, "bool", {"", ""},
     "use a fourth grade D below C",
     "seed 004, line 152: three grades ABC or four ABCD; three by default"},
    [P_GRADE_THRESHOLD_A] =
    {"grade.threshold_a", CCAD_RULE_GRADE, K_INT, 0, MONEY_MAX, 10000000, "minor", {"", ""},
     "threshold method: value (minor units) from which a customer is A",
     "project default: no text gives amounts for a threshold method"},
    [P_GRADE_THRESHOLD_B] =
    {"grade.threshold_b", CCAD_RULE_GRADE, K_INT, 0, MONEY_MAX, 2000000, "minor", {"", ""},
     "threshold method: value from which a customer is B",
     "project default: no text gives amounts for a threshold method"},
    [P_GRADE_THRESHOLD_C] =
    {"grade.threshold_c", CCAD_RULE_GRADE, K_INT, 0, MONEY_MAX, 500000, "minor", {"", ""},
     "threshold method with grade D on: value from which a customer is C",
     "project default: no text gives amounts for a threshold method"},
    [P_URG_WEEK] =
    {"urgency.week_days", CCAD_RULE_URGENCY, K_INT, 0, 366, 7, "days", {"", ""},
     "purchase decision within this many days: urgent this week",
     "seed 000, line 23: a purchase within one week"},
    [P_URG_TWO_WEEKS] =
    {"urgency.two_weeks_days", CCAD_RULE_URGENCY, K_INT, 0, 366, 14, "days", {"", ""},
     "purchase decision within this many days: urgent within two weeks",
     "seed 000, line 23: a purchase within two weeks"},
    [P_URG_REQUEST] =
    {"urgency.request_days", CCAD_RULE_URGENCY, K_INT, 0, 366, 1, "days", {"", ""},
     "a pending visit request at most this many days ahead is urgent",
     "seed 000, line 38: a customer asks to be visited tomorrow"},
    [P_QUAD_IMPORTANT] =
    {"quadrant.important", CCAD_RULE_QUADRANT, K_MASK, 0, 15, 3, "mask", {"", ""},
     "grades that count as important (letters A-D)",
     "seed 003, line 18: A and B are the key customers"},
    [P_FREQ_Q1W_COUNT] =
    {"freq.q1_week_count", CCAD_RULE_FREQ, K_INT, 0, 366, 1, "count", {"", ""},
     "important and buying within urgency.week_days: contacts per period",
     "seed 000, line 23: at the customer every day"},
    [P_FREQ_Q1W_DAYS] =
    {"freq.q1_week_days", CCAD_RULE_FREQ, K_INT, 1, 366, 1, "days", {"", ""},
     "period of freq.q1_week_count",
     "seed 000, line 23: at the customer every day"},
    [P_FREQ_Q1TW_COUNT] =
    {"freq.q1_two_weeks_count", CCAD_RULE_FREQ, K_INT, 0, 366, 3, "count", {"", ""},
     "important and buying within urgency.two_weeks_days: contacts per period",
     "seed 000, line 68: at least 3 times a week"},
    [P_FREQ_Q1TW_DAYS] =
    {"freq.q1_two_weeks_days", CCAD_RULE_FREQ, K_INT, 1, 366, 7, "days", {"", ""},
     "period of freq.q1_two_weeks_count",
     "seed 000, line 68: at least 3 times a week"},
    [P_FREQ_A_COUNT] =
    {"freq.a_count", CCAD_RULE_FREQ, K_INT, 0, 366, 2, "count", {"", ""},
     "grade A: contacts per period",
     "seed 004, table 1 (line 170): A twice a week; seed 000, line 41"},
    [P_FREQ_A_DAYS] =
    {"freq.a_days", CCAD_RULE_FREQ, K_INT, 1, 366, 7, "days", {"", ""}, "period of freq.a_count",
     "seed 004, table 1 (line 170): visits per week"},
    [P_FREQ_B_COUNT] =
    {"freq.b_count", CCAD_RULE_FREQ, K_INT, 0, 366, 1, "count", {"", ""},
     "grade B: contacts per period",
     "seed 004, table 1 (line 172): B once a week; seed 000, line 41"},
    [P_FREQ_B_DAYS] =
    {"freq.b_days", CCAD_RULE_FREQ, K_INT, 1, 366, 7, "days", {"", ""}, "period of freq.b_count",
     "seed 004, table 1 (line 172): visits per week"},
    [P_FREQ_C_COUNT] =
    {"freq.c_count", CCAD_RULE_FREQ, K_INT, 0, 366, 1, "count", {"", ""},
     "grade C: contacts per period (best effort)",
     "project default: C is best effort; no text gives its rhythm"},
    [P_FREQ_C_DAYS] =
    {"freq.c_days", CCAD_RULE_FREQ, K_INT, 1, 366, 28, "days", {"", ""}, "period of freq.c_count",
     "project default: C once in four weeks; no text gives it"},
    [P_FREQ_D_COUNT] =
    {"freq.d_count", CCAD_RULE_FREQ, K_INT, 0, 366, 0, "count", {"", ""},
     "grade D: contacts per period (0 = no fixed duty)",
     "project default: grade D has no fixed duty"},
    [P_FREQ_D_DAYS] =
    {"freq.d_days", CCAD_RULE_FREQ, K_INT, 1, 366, 28, "days", {"", ""}, "period of freq.d_count",
     "project default: the period D would use"},
    [P_FREQ_WORK_DAYS] =
    {"freq.work_days", CCAD_RULE_FREQ, K_DAYS, 1, 127, 31, "mask", {"", ""},
     "weekdays on which contacts fall due (Mon+Tue+...); other due dates move to the next",
     "project default: a five-day week; no text names working days"},
    [P_FREQ_LET_GO] =
    {"freq.let_go_factor", CCAD_RULE_TRIAGE, K_INT, 1, 10, 2, "factor", {"", ""},
     "self-driven customers not urgent: interval multiplied by this (1 = off)",
     "project default: seed 002 lets self-driven customers go, no factor"},
    [P_GAP_MAX] =
    {"gap.max_days", CCAD_RULE_GAP, K_INT, 1, 366, 14, "days", {"", ""},
     "longest gap between contacts before a warning",
     "seed 001, line 38: two weeks apart, the water falls back to 20 degrees"},
    [P_GAP_ALERT] =
    {"gap.alert_days", CCAD_RULE_GAP, K_INT, 1, 366, 21, "days", {"", ""},
     "gap from which the warning becomes an alert",
     "seed 001, line 35: one three-week gap lost a two-week-rhythm customer"},
    [P_GAP_GRADES] =
    {"gap.grades", CCAD_RULE_GAP, K_MASK, 0, 15, 3, "mask", {"", ""},
     "grades whose gaps are watched (letters A-D)",
     "seed 003, line 18: A and B are the key customers"},
    [P_GAP_HALF_LIFE] =
    {"gap.half_life_days", CCAD_RULE_GAP, K_INT, 1, 366, 14, "days", {"", ""},
     "temperature halves every this many days without contact",
     "project default: the temperature figure's decay; no text gives one"},
    [P_FOLLOWUP_LEAD] =
    {"followup.reminder_lead_days", CCAD_RULE_FOLLOWUP, K_INT, 0, 30, 1, "days", {"", ""},
     "reminder this many days before a due contact",
     "seed 001, line 59: the phone reminds you a day ahead"},
    [P_STALL_AFTER] =
    {"stall.after", CCAD_RULE_STALL, K_INT, 1, 1000, 3, "count", {"", ""},
     "consecutive contacts without progress that mark a customer stalled",
     "project default: seed 001, line 41 shows repeats but gives no count"},
    [P_PATIENCE_MIN] =
    {"patience.min_contacts", CCAD_RULE_PATIENCE, K_INT, 0, 1000, 5, "count", {"", ""},
     "contacts before a release is not premature",
     "seed 003, line 22: five or more consecutive contacts"},
    [P_TRIAGE_SELF] =
    {"triage.self_driven_volume", CCAD_RULE_TRIAGE, K_INT, 0, MONEY_MAX, 8000000, "minor", {"", ""},
     "monthly volume with us from which a customer is self-driven",
     "seed 002, line 7: over 80k a month (one FMCG case, not absolute)"},
    [P_TRIAGE_PUSH] =
    {"triage.push_volume", CCAD_RULE_TRIAGE, K_INT, 0, MONEY_MAX, 5000000, "minor", {"", ""},
     "monthly volume from which a customer is push-needed",
     "seed 002, line 7: about 50k a month (one FMCG case)"},
    [P_TRIAGE_UNMOVABLE] =
    {"triage.unmovable_volume", CCAD_RULE_TRIAGE, K_INT, 0, MONEY_MAX, 3000000, "minor", {"", ""},
     "monthly volume below which a customer is unmovable",
     "seed 002, line 7: under 30k a month (one FMCG case)"},
    [P_TRIAGE_BAND] =
    {"triage.band", CCAD_RULE_TRIAGE, K_ENUM, 0, 1, 0, "enum", {"push", "unmovable"},
     "kind of the band between unmovable_volume and push_volume: push or unmovable",
     "project default: seed 002 leaves the band 30k-50k open"},
    [P_TRIAGE_MARGIN_LIFT] =
    {"triage.margin_lift_bp", CCAD_RULE_TRIAGE, K_INT, 0, 10000, 3000, "bp", {"", ""},
     "their margin on our product from which the kind is lifted one step (0 = off)",
     "project default: seed 002 names their margin but no figure"},
    [P_COMPLAINT_FOLLOWUP] =
    {"complaint.followup_days", CCAD_RULE_COMPLAINT, K_INT, 1, 366, 1, "days", {"", ""},
     "open complaint: days between follow-up contacts",
     "project default: daily until resolved; no text gives a cadence"},
    [P_COMPLAINT_CARE] =
    {"complaint.care_after_days", CCAD_RULE_COMPLAINT, K_INT, 0, 366, 7, "days", {"", ""},
     "care contact this many days after a complaint is resolved",
     "project default: seed 004, line 134 names the event, no delay"},
    [P_CLOCK_ANY] =
    {"clock.any_contact", CCAD_RULE_CLOCK, K_BOOL, 0, 1, 1, "bool", {"", ""},
     "any logged contact restarts the clock (0: only visits)",
     "project default: CRM users' request, beyond the texts"},
    [P_ESC_REP] =
    {"escalate.rep_days", CCAD_RULE_ESCALATE, K_INT, 1, 366, 3, "days", {"", ""},
     "days overdue from which the rep is reminded",
     "project default: the overdue ladder is beyond the texts"},
    [P_ESC_MANAGER] =
    {"escalate.manager_days", CCAD_RULE_ESCALATE, K_INT, 1, 366, 5, "days", {"", ""},
     "days overdue from which the manager is told",
     "project default: the overdue ladder is beyond the texts"},
    [P_ESC_REASSIGN] =
    {"escalate.reassign_days", CCAD_RULE_ESCALATE, K_INT, 1, 366, 7, "days", {"", ""},
     "days overdue from which the customer is flagged for reassignment",
     "project default: the overdue ladder is beyond the texts"},
    [P_ESC_Q4] =
    {"escalate.q4", CCAD_RULE_ESCALATE, K_BOOL, 0, 1, 0, "bool", {"", ""},
     "escalate overdue Q4 (best-effort) customers too",
     "seed 000, line 65: leaving Q4 work undone is bearable"},
    [P_OWNERSHIP_DAYS] =
    {"ownership.days", CCAD_RULE_OWNERSHIP, K_INT, 0, DAYS_MAX, 90, "days", {"", ""},
     "days a rep owns a customer from owned_since before it would be released",
     "project default: remaining ownership is beyond the texts"},
    [P_NEVER_DUE_NOW] =
    {"never.due_now", CCAD_RULE_NEVER, K_BOOL, 0, 1, 1, "bool", {"", ""},
     "a customer never contacted is due on the day assessed",
     "project default: never-contacted customers are beyond the texts"},
    [P_CAP_Q4_ROLLOVER] =
    {"capacity.q4_rollover_days", CCAD_RULE_CAPACITY, K_INT, 0, 366, 3, "days", {"", ""},
     "a best-effort (Q4) contact waits at most this many days for room, then is dropped",
     "seed 000, line 65: put off to the second day, then the third"},
    [P_CAP_DELEGATE_Q3] =
    {"capacity.delegate_q3", CCAD_RULE_CAPACITY, K_BOOL, 0, 1, 1, "bool", {"", ""},
     "urgent but unimportant (Q3) contacts without room are delegated (0: they wait)",
     "seed 000, line 53: without time, ask a colleague to go"},
    [P_PERSIST_BLOCK] =
    {"persist.block_days", CCAD_RULE_PERSIST, K_INT, 1, 10, 3, "days", {"", ""},
     "consecutive working days of a persist block for push-needed customers",
     "seed 002, line 7: about three days at each customer"},
    [P_PERSIST_CYCLE] =
    {"persist.cycle_days", CCAD_RULE_PERSIST, K_INT, 1, 366, 28, "days", {"", ""},
     "at most one persist block per customer in this many days",
     "seed 002, line 7: one round of the customers a month"},
    [P_KEEPWARM_GRADES] =
    {"keepwarm.grades", CCAD_RULE_KEEPWARM, K_MASK, 0, 15, 3, "mask", {"", ""},
     "grades that get a touch on each special date (letters A-D)",
     "seed 003, line 25: gifts at festivals for the key customers"},
    [P_SERVICE_A] =
    {"route.service_a_min", CCAD_RULE_ROUTE, K_INT, 1, 1440, 60, "min", {"", ""},
     "service time of a visit to an A customer",
     "project default: seed 004, line 164 names time planning, no minutes"},
    [P_SERVICE_B] =
    {"route.service_b_min", CCAD_RULE_ROUTE, K_INT, 1, 1440, 45, "min", {"", ""},
     "service time of a visit to a B customer",
     "project default: seed 004, line 164 names time planning, no minutes"},
    [P_SERVICE_C] =
    {"route.service_c_min", CCAD_RULE_ROUTE, K_INT, 1, 1440, 30, "min", {"", ""},
     "service time of a visit to a C customer",
     "project default: seed 004, line 164 names time planning, no minutes"},
    [P_SERVICE_D] =
    {"route.service_d_min", CCAD_RULE_ROUTE, K_INT, 1, 1440, 30, "min", {"", ""},
     "service time of a visit to a D customer",
     "project default: seed 004, line 164 names time planning, no minutes"},
    [P_WORKLOAD_FIELD_DAYS] =
    {"workload.field_days", CCAD_RULE_WORKLOAD, K_INT, 1, 31, 22, "days", {"", ""},
     "field days in 30 calendar days, when the caller gives none",
     "seed 002, line 7: 22 days a month in the field"},
    [P_PLATFORM_CAP] =
    {"platform.working_cap", CCAD_RULE_PLATFORM, K_INT, 0, 1000000, 0, "count", {"", ""},
     "most customers on the working platform (0 = no fixed cap: the workload is the limit)",
     "project default: seed 004, line 144 bounds it by the workload, no number"},
    [P_PLATFORM_CAP_A] =
    {"platform.cap_a", CCAD_RULE_PLATFORM, K_INT, 0, 1000000, 20, "count", {"", ""},
     "A slots when choosing a working platform",
     "seed 004, line 54: a working platform of 20 A customers"},
    [P_PLATFORM_CAP_B] =
    {"platform.cap_b", CCAD_RULE_PLATFORM, K_INT, 0, 1000000, 30, "count", {"", ""},
     "B slots when choosing a working platform",
     "seed 004, line 54: and 30 B customers"},
    [P_PLATFORM_RESERVE] =
    {"platform.reserve", CCAD_RULE_PLATFORM, K_INT, 0, 1000000, 10, "count", {"", ""},
     "reserve slots (next best B, then A) beside the working platform",
     "seed 004, line 54: and 10 more B customers in reserve"},
    [P_PLATFORM_C_MAX] =
    {"platform.c_max_pct", CCAD_RULE_PLATFORM, K_INT, 0, 100, 50, "pct", {"", ""},
     "warn when C and D customers exceed this share of the working platform",
     "project default: seed 004, line 54 warns against random C's"},
    [P_CAP_PULL_AHEAD] =
    {"capacity.pull_ahead_days", CCAD_RULE_CAPACITY, K_INT, 0, 30, 2, "days", {"", ""},
     "spare room takes important contacts due within this many days (0 = never early)",
     "project default: the texts do not plan visits early"},
    [P_ROUTE_MOVE_DAYS] =
    {"route.move_days", CCAD_RULE_ROUTE, K_INT, 0, 14, 2, "days", {"", ""},
     "days a flexible visit may move from its planned day to group stops (0 = never)",
     "project default: how far a visit may move to group stops"},
    [P_URG_ORDER] =
    {"urgency.order_days", CCAD_RULE_URGENCY, K_INT, 0, CCAD__ORDER_REACH, 14, "days", {"", ""},
     "an order within this many days of the purchase date closes that purchase decision",
     "project default: how near the date an order answers it"},
    [P_PLATFORM_MIN] =
    {"platform.working_min", CCAD_RULE_PLATFORM, K_INT, 0, 1000000, 50, "count", {"", ""},
     "fewest customers on the working platform (0 = no minimum)",
     "seed 004, line 54: manage at least 50 customers effectively"},
    [P_CLOCK_Q1_VISITS] =
    {"clock.q1_visits_only", CCAD_RULE_CLOCK, K_BOOL, 0, 1, 1, "bool", {"", ""},
     "an important customer's purchase-window duty counts visits only (0: any contact)",
     "seed 000, line 23: at the customer every day, in person"},
    [P_GAP_BY_CYCLE] =
    {"gap.by_cycle", CCAD_RULE_GAP, K_BOOL, 0, 1, 1, "bool", {"", ""},
     "gaps are judged against the customer's own cycle (0: gap.max_days, gap.alert_days)",
     "seed 001, line 38: manage each customer's own cycle"},
    [P_GAP_WARN_PCT] =
    {"gap.warn_pct", CCAD_RULE_GAP, K_INT, 50, 1000, 100, "pct", {"", ""},
     "gap.by_cycle: a gap longer than this share of the cycle warns",
     "seed 001, line 38: two weeks apart on a two-week rhythm already cools"},
    [P_GAP_ALERT_PCT] =
    {"gap.alert_pct", CCAD_RULE_GAP, K_INT, 50, 2000, 150, "pct", {"", ""},
     "gap.by_cycle: a gap of this share of the cycle alerts",
     "seed 001, line 35: three weeks on a two-week rhythm lost the customer"},
    [P_FREQ_RAMP_WITHIN] =
    {"freq.ramp_within_days", CCAD_RULE_FREQ, K_INT, 0, 366, 42, "days", {"", ""},
     "important, purchase decision within this many days (past two weeks): ramp (0 = off)",
     "project default: seed 000, line 74 asks, for a purchase in 6 months"},
    [P_FREQ_RAMP_COUNT] =
    {"freq.ramp_count", CCAD_RULE_FREQ, K_INT, 0, 366, 2, "count", {"", ""},
     "ramp: contacts per period, when tighter than the grade's rhythm",
     "seed 000, line 41: one or two a week when important, not urgent"},
    [P_FREQ_RAMP_DAYS] =
    {"freq.ramp_days", CCAD_RULE_FREQ, K_INT, 1, 366, 7, "days", {"", ""},
     "period of freq.ramp_count",
     "seed 000, line 41: one or two a week when important, not urgent"},
    [P_PATIENCE_PROSPECTS] =
    {"patience.prospects_only", CCAD_RULE_PATIENCE, K_BOOL, 0, 1, 1, "bool", {"", ""},
     "an open customer's contact count guards only prospects (0: every open customer)",
     "seed 003, line 22: five contacts to win a prospect's attention"},
    [P_POOL_RELEASE_DAYS] =
    {"pool.release_days", CCAD_RULE_OWNERSHIP, K_INT, 1, 3660, 30, "days", {"", ""},
     "days without a contact after which a customer's release to the pool is proposed (teams)",
     "project default: CRM practice of releasing idle customers; no seed"},
    {"triage.by_position", CCAD_RULE_TRIAGE, K_BOOL, 0, 1, 1, "bool", {"", ""},
     "a known share or rank of ours in its sales decides before the volume (0: volume only)",
     "seed 002, line 7: the first criterion is our sales' place in theirs"},
    {"triage.share_self_pct", CCAD_RULE_TRIAGE, K_INT, 0, 100, 30, "pct", {"", ""},
     "our share of the customer's sales from which it is self-driven",
     "project default: seed 002 names the share's place but no figure"},
    {"triage.share_push_pct", CCAD_RULE_TRIAGE, K_INT, 0, 100, 15, "pct", {"", ""},
     "our share of the customer's sales from which it is push-needed",
     "project default: seed 002 names the share's place but no figure"},
    {"triage.share_unmovable_pct", CCAD_RULE_TRIAGE, K_INT, 0, 100, 5, "pct", {"", ""},
     "our share of the customer's sales below which it is unmovable",
     "project default: seed 002 names the share's place but no figure"},
    {"triage.rank_self", CCAD_RULE_TRIAGE, K_INT, 1, 1000, 1, "count", {"", ""},
     "our rank among the customer's suppliers up to which it is self-driven (1 = first)",
     "seed 002, line 7: the goal is to be what the customer pushes first"},
    {"triage.rank_push", CCAD_RULE_TRIAGE, K_INT, 1, 1000, 3, "count", {"", ""},
     "our rank among the customer's suppliers up to which it is push-needed",
     "project default: seed 002 gives no rank between first and forgotten"},
    {"triage.rank_unmovable", CCAD_RULE_TRIAGE, K_INT, 1, 1000, 20, "count", {"", ""},
     "our rank among the customer's suppliers past which it is unmovable",
     "seed 002, line 7: a customer recalls only 20-30 products (lower end)"},
    {"followup.entry_days", CCAD_RULE_FOLLOWUP, K_INT, 0, 366, 0, "days", {"", ""},
     "a record entered more than this many days after its contact is late",
     "seed 001, line 50: each day's visit records are entered that day"},
    {"followup.record_parts", CCAD_RULE_FOLLOWUP, K_BOOL, 0, 1, 1, "bool", {"", ""},
     "a record lacking one of the five record parts is incomplete (0: not checked)",
     "seed 001, line 59: purpose, said, state, solved, next problem (and 56)"},
    {"patience.consecutive", CCAD_RULE_PATIENCE, K_BOOL, 0, 1, 1, "bool", {"", ""},
     "a prospect's count is its run of consecutive contacts (0: every contact)",
     "seed 003, line 22: five or more consecutive contacts"},
    {"patience.break_pct", CCAD_RULE_PATIENCE, K_INT, 50, 1000, 100, "pct", {"", ""},
     "a gap over this share of GAP's maximum for the customer breaks the run",
     "seed 001, line 38: the customer's own cycle; a gap GAP warns of"},
    {"persist.effective_min", CCAD_RULE_PERSIST, K_INT, 0, 3, 3, "count", {"", ""},
     "effective activities with the owner that make a persist block done (0: not read)",
     "seed 002, line 7: three effective activities done with the owner"},
};
/* clang-format on */
