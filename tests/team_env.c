/* The team tests' world (declared and described in team_env.h). */
#include "team_env.h"

#include <stdio.h>
#include <string.h>

int32_t team_day0(void) { return tu_date("2026-03-02"); } /* a Monday */

ccad_customer team_customer(const char *id, int64_t value, int wide)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    c.id = id;
    c.value = wide ? (int64_t)INT32_MAX + 7 : value;
    c.status = CCAD_STATUS_ACTIVE;
    c.last_contact = team_day0() - 5;
    c.last_visit = team_day0() - 9;
    c.contacts = 7;
    c.no_progress = 2;
    c.next_step_date = team_day0() + 3;
    c.has_location = 1;
    c.x = 1.5;
    c.y = -2.5;
    c.visit_open_min = 540;
    c.visit_close_min = 960;
    c.visit_days = 0x15;
    return c;
}

void team_world_open(team_world *w, int n_a, int wide_at)
{
    ccad_host h;
    int i;
    char id[16];
    memset(w, 0, sizeof *w);
    h = tu_host(&w->fx.al);
    assert_int_equal(tu_fixture_open_no_book(&w->fx, &h), 0);
    TU_PASS(w->fx.ctx, ccad_book_new(&w->a, w->fx.ctx, 0));
    TU_PASS(w->fx.ctx, ccad_book_new(&w->b, w->fx.ctx, 0));
    for (i = 0; i < n_a; i++) {
        ccad_customer c;
        snprintf(id, sizeof id, "c%02d", i);
        c = team_customer(id, 1000 * (i + 1), i == wide_at);
        TU_PASS(w->fx.ctx, ccad_book_add(w->a, &c, NULL));
    }
}

void team_world_close(team_world *w)
{
    ccad_book_free(w->a);
    ccad_book_free(w->b);
    assert_int_equal(tu_fixture_close(&w->fx), 0); /* fails on a leak */
}
