"""Properties of team plans read through the binding, over generated teams
(seeded, the same on every machine; the Python side of
tests/test_team_props.c):

  named      every delegated team item has a carrier other than its owner,
             present that day by team.day_flags (working, not absent);
  capacity   no carrier's contacts of a day (touches aside) over its
             visits_per_day;
  accounted  every delegated item of a rep's own plan (rep_schedule) is a
             team item with a carrier or a TEAM_NO_CARRIER finding of that
             rep, once;
  owners     every team item's owner holds its customer (team.owner);
  order      the team added in another order plans the same, item for item.

test_checkers_catch_violations feeds altered plans to the checkers, so a
checker that cannot fail is caught."""
from __future__ import annotations

import dataclasses
import datetime as dt
import random
import unittest
from collections import Counter
from typing import Dict, List, Set, Tuple

import custcadence as cc

D0 = dt.date(2026, 3, 2)  # a Monday
DAYS = 5
N_TEAMS = 12


class Generated:
    """One generated team: 2..4 reps, 6..16 customers each, tight limits,
    urgent small customers and absences."""

    def __init__(self, seed: int) -> None:
        rnd = random.Random(seed)
        self.reps = [cc.Rep("r%d" % k, base_x=rnd.uniform(0, 20), base_y=rnd.uniform(0, 20),
                            visits_per_day=rnd.randint(1, 3), day_minutes=540)
                     for k in range(rnd.randint(2, 4))]
        self.customers: Dict[str, List[cc.Customer]] = {}
        for rep in self.reps:
            cs = []
            for i in range(rnd.randint(6, 16)):
                last = D0 - dt.timedelta(days=rnd.randint(1, 40))
                cs.append(cc.Customer(
                    id="%s-c%02d" % (rep.id, i), grade=rnd.choice(list(cc.Grade)[1:]),
                    value=rnd.choice((50_000, 3_000_000, 150_000_000)), status=cc.Status.ACTIVE,
                    last_contact=last, last_visit=last, contacts=rnd.randint(1, 9),
                    has_location=True, x=rep.base_x + rnd.uniform(-2, 2),
                    y=rep.base_y + rnd.uniform(-2, 2),
                    request_date=(D0 + dt.timedelta(days=rnd.randint(0, DAYS - 1))
                                  if rnd.random() < 0.3 else None)))
            self.customers[rep.id] = cs
        self.away: Set[Tuple[str, dt.date]] = {
            (rnd.choice(self.reps).id, D0 + dt.timedelta(days=rnd.randint(0, DAYS - 1)))
            for _ in range(rnd.randint(0, 3))}

    def calendar(self, rep: str, day: dt.date) -> int:
        flags = int(cc.DayFlag.WORKING) if day.isoweekday() <= 5 else 0
        return flags | (int(cc.DayFlag.ABSENT) if (rep, day) in self.away else 0)

    def build(self, order: List[int]) -> Tuple[cc.Team, cc.Rules]:
        ctx = cc.Context()
        rules = cc.Rules(ctx)
        team = cc.Team(ctx, calendar=self.calendar)
        for k in order:
            rep = self.reps[k]
            book = ctx.book(self.customers[rep.id])
            book.grade(rules)
            team.add(rep, book)
        return team, rules


def plan(team: cc.Team, rules: cc.Rules) -> cc.TeamSchedule:
    return team.plan(rules, D0, DAYS)


def check_named(team: cc.Team, items: List[cc.TeamItem]) -> int:
    bad = 0
    for t in items:
        if t.item.delegated == cc.Delegation.REP:
            bad += t.carrier != t.owner
            continue
        flags = team.day_flags(t.carrier, t.date)
        bad += (t.carrier == t.owner or not flags & cc.DayFlag.WORKING
                or bool(flags & cc.DayFlag.ABSENT))
    return bad


def check_capacity(team: cc.Team, items: List[cc.TeamItem]) -> int:
    load = Counter((t.carrier, t.date) for t in items if t.item.kind != cc.ItemKind.TOUCH)
    return sum(1 for (rep, _d), n in load.items() if n > team.rep(rep).visits_per_day)


def check_accounted(team: cc.Team, ts: cc.TeamSchedule, items: List[cc.TeamItem]) -> int:
    carried = Counter((t.owner, t.customer_id, t.date) for t in items
                      if t.item.delegated != cc.Delegation.REP)
    missed = Counter((f.rep, f.finding.customer_id, f.finding.date) for f in ts.findings
                     if f.finding.reasons and f.finding.reasons[0].why == cc.Why.TEAM_NO_CARRIER)
    bad = 0
    for rep in team.ids():
        for it in ts.rep_schedule(rep):
            if it.delegated == cc.Delegation.REP:
                continue
            key = (rep, it.customer_id, it.date)
            bad += carried[key] + missed[key] != 1
    return bad


def check_owners(team: cc.Team, items: List[cc.TeamItem]) -> int:
    return sum(team.owner(t.customer_id)[0] != t.owner for t in items)


class TeamPropsTest(unittest.TestCase):
    def test_generated_teams(self) -> None:
        delegated = missed = 0
        for seed in range(1, N_TEAMS + 1):
            g = Generated(seed)
            n = len(g.reps)
            team, rules = g.build(list(range(n)))
            ts = plan(team, rules)
            items = ts.items
            with self.subTest(seed=seed):
                self.assertEqual(check_named(team, items), 0, "named")
                self.assertEqual(check_capacity(team, items), 0, "capacity")
                self.assertEqual(check_accounted(team, ts, items), 0, "accounted")
                self.assertEqual(check_owners(team, items), 0, "owners")
                for order in (list(reversed(range(n))), random.Random(seed).sample(range(n), n)):
                    t2, r2 = g.build(order)
                    ts2 = plan(t2, r2)
                    self.assertEqual(ts2.items, items, "order")
                    self.assertEqual(ts2.findings, ts.findings, "order")
            delegated += sum(t.item.delegated != cc.Delegation.REP for t in items)
            missed += sum(1 for f in ts.findings if f.finding.reasons
                          and f.finding.reasons[0].why == cc.Why.TEAM_NO_CARRIER)
        # the generator does make teammates carry work, and leaves some undone
        self.assertGreater(delegated, 5)
        self.assertGreater(missed, 0)

    def test_checkers_catch_violations(self) -> None:
        g = Generated(3)
        team, rules = g.build(list(range(len(g.reps))))
        ts = plan(team, rules)
        items = ts.items
        i = next(k for k, t in enumerate(items) if t.item.delegated != cc.Delegation.REP)
        t = items[i]
        self.assertEqual(check_named(team, items[:i] + [dataclasses.replace(t, carrier=t.owner)]
                                     + items[i + 1:]), 1)
        self.assertEqual(check_owners(team, items[:i] + [dataclasses.replace(t, owner=t.carrier)]
                                      + items[i + 1:]), 1)
        self.assertGreater(check_accounted(team, ts, items[:i] + items[i + 1:]), 0)
        own = [x for x in items if x.item.delegated == cc.Delegation.REP
               and x.item.kind != cc.ItemKind.TOUCH]
        crowd = [dataclasses.replace(x, carrier=own[0].carrier,
                                     item=x.item._replace(date=own[0].date)) for x in own]
        self.assertGreater(check_capacity(team, crowd), 0)


if __name__ == "__main__":
    unittest.main()
