"""Teams through the binding (issue 14, part 6): the scenarios of
tests/test_team.c, test_team_plan.c and test_team_pool.c with their exact
expectations, and what the binding adds: lifetimes, busy and re-entry
errors, callback exceptions, pickling refusal."""
from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import pickle
import threading
import unittest
from typing import Any, Dict, List, Optional

import custcadence as cc

D0 = dt.date(2026, 3, 2)  # a Monday
TODAY = dt.date(2026, 6, 3)  # the pool scenario's Wednesday


def day(n: int) -> dt.date:
    return D0 + dt.timedelta(days=n)


def weekdays(rep: str, d: dt.date) -> int:
    return int(cc.DayFlag.WORKING) if d.isoweekday() <= 5 else 0


def plan_customer(cid: str, grade: cc.Grade, value: int, last: dt.date, x: float,
                  **more: Any) -> cc.Customer:
    return cc.Customer(id=cid, grade=grade, value=value, last_contact=last, last_visit=last,
                       contacts=6, has_location=True, x=x, **more)


def seed000(book: cc.Book, big: str, small: str, x: float) -> None:
    """test_team_plan.c's pair: a big negotiation (Q1 every day) and a small
    customer asking to be seen on day 1 (Q3: delegated when full)."""
    book.add(plan_customer(big, cc.Grade.A, 150_000_000, day(-1), x, purchase_date=day(2)))
    book.add(plan_customer(small, cc.Grade.C, 3_000_000, day(-10), x + 0.5,
                           request_date=day(1)))


class PlanWorld:
    """ann (base 0), bob (10) and cat (1), as in test_team_plan.c."""

    def __init__(self, calendar: Any = weekdays) -> None:
        self.ctx = cc.Context()
        self.rules = cc.Rules(self.ctx)
        self.books = {n: cc.Book(self.ctx) for n in ("ann", "bob", "cat")}
        self.team = cc.Team(self.ctx, calendar=calendar)
        self.x = {"ann": 0.0, "bob": 10.0, "cat": 1.0}

    def build(self, vpd: Dict[str, int], order: str = "cba",
              start: Optional[Dict[str, int]] = None) -> None:
        names = {"a": "ann", "b": "bob", "c": "cat"}
        for k in order:
            n = names[k]
            self.team.add(cc.Rep(n, base_x=self.x[n], visits_per_day=vpd[n],
                                 day_start_min=(start or {}).get(n, 480), day_minutes=540),
                          self.books[n])
            self.books[n].grade(self.rules)

    def plan(self, days: int = 3) -> cc.TeamSchedule:
        return self.team.plan(self.rules, D0, days, route=True, metric=cc.Metric.PLANAR,
                              scale=1.0, units_per_minute=1.0)


def item_of(ts: cc.TeamSchedule, cid: str, d: dt.date) -> cc.TeamItem:
    for t in ts:
        if t.customer_id == cid and t.date == d:
            return t
    raise AssertionError("no team item for %s on %s" % (cid, d))


class TeamPlanTest(unittest.TestCase):
    def test_q3_to_nearest_colleague(self) -> None:
        w = PlanWorld()
        seed000(w.books["ann"], "big", "small", 0.0)
        w.build({"ann": 1, "bob": 3, "cat": 3})
        ts = w.plan()
        t = item_of(ts, "small", day(1))
        self.assertEqual((t.owner, t.carrier), ("ann", "cat"))
        self.assertEqual(t.item.delegated, cc.Delegation.COLLEAGUE)
        self.assertEqual((t.item.seq, t.item.travel_min, t.item.eta_min), (1, 1, 481))
        r = t.item.reasons[1]  # right after the planner's own lead
        self.assertEqual((r.rule, r.why, r.a, r.b, r.c),
                         (cc.RuleId.CAPACITY, cc.Why.TEAM_CARRIER, 2, 1, 3))
        self.assertEqual(t.item.customer, w.books["ann"].index("small"))
        # the owner's own plan keeps the contact delegated, without a name
        own = ts.rep_schedule("ann")
        self.assertEqual([f for f in own.findings if f.kind == cc.FindingKind.UNPLANNED], [])
        self.assertTrue(any(i.customer_id == "small" and
                            i.delegated == cc.Delegation.COLLEAGUE for i in own))
        self.assertEqual(len(ts.findings),
                         sum(ts.rep_schedule(i).finding_count for i in range(3)))
        self.assertEqual(len(ts.by_carrier()["cat"]), 1)

    def test_capacity_of_colleague(self) -> None:
        w = PlanWorld()
        seed000(w.books["ann"], "big", "small", 0.0)
        w.books["cat"].add(plan_customer("cat-big", cc.Grade.A, 150_000_000, day(-1), 1.0,
                                         purchase_date=day(2)))
        w.build({"ann": 1, "bob": 3, "cat": 1}, order="abc")
        ts = w.plan()
        self.assertEqual(item_of(ts, "small", day(1)).carrier, "bob")
        t = item_of(ts, "cat-big", day(1))
        self.assertEqual((t.carrier, t.item.delegated), ("cat", cc.Delegation.REP))

    def test_no_carrier_finding(self) -> None:
        w = PlanWorld()
        seed000(w.books["ann"], "big", "small", 0.0)
        seed000(w.books["bob"], "bob-big", "bob-small", 10.0)
        w.books.pop("cat")
        for n in ("bob", "ann"):
            w.team.add(cc.Rep(n, base_x=w.x[n], visits_per_day=1, day_minutes=540),
                       w.books[n])
            w.books[n].grade(w.rules)
        ts = w.plan()
        found = [tf for tf in ts.findings if tf.finding.reasons
                 and tf.finding.reasons[0].why == cc.Why.TEAM_NO_CARRIER]
        self.assertEqual(sorted((tf.rep, tf.finding.customer_id) for tf in found),
                         [("ann", "small"), ("bob", "bob-small")])
        for tf in found:
            f = tf.finding
            self.assertEqual((f.kind, f.date), (cc.FindingKind.UNPLANNED, day(1)))
            r = f.reasons[0]
            self.assertEqual((r.rule, r.figures[0], r.b, r.c),
                             (cc.RuleId.CAPACITY, day(1), 1, int(cc.Delegation.COLLEAGUE)))
            self.assertEqual(f.reasons[1].why, cc.Why.PLAN_DELEGATED)
        self.assertTrue(all(t.item.delegated == cc.Delegation.REP for t in ts))

    def test_absence_to_named_substitute(self) -> None:
        def calendar(rep: str, d: dt.date) -> int:
            flags = weekdays(rep, d)
            return flags | (cc.DayFlag.ABSENT if d == day(1) and rep in ("ann", "bob") else 0)
        w = PlanWorld(calendar)
        seed000(w.books["ann"], "big", "small", 0.0)
        w.books["cat"].add(plan_customer("cat-big", cc.Grade.A, 150_000_000, day(-1), 1.0,
                                         purchase_date=day(2)))
        w.build({"ann": 2, "bob": 3, "cat": 2})
        self.assertEqual(w.team.day_flags("ann", day(1)), cc.DayFlag.WORKING | cc.DayFlag.ABSENT)
        ts = w.plan()
        t = item_of(ts, "big", day(1))
        self.assertEqual((t.item.delegated, t.carrier, t.item.quadrant),
                         (cc.Delegation.SUBSTITUTE, "cat", cc.Quadrant.Q1))
        self.assertEqual(item_of(ts, "cat-big", day(1)).carrier, "cat")
        on_cat = [t for t in ts if t.date == day(1) and t.carrier == "cat"
                  and t.item.kind != cc.ItemKind.TOUCH]
        self.assertLessEqual(len(on_cat), 2)

    def test_rep_order_does_not_matter(self) -> None:
        got = []
        for order in ("abc", "cba", "bca"):
            w = PlanWorld()
            seed000(w.books["ann"], "big", "small", 0.0)
            w.build({"ann": 1, "bob": 3, "cat": 3}, order=order)
            ts = w.plan()
            got.append(([(t.carrier, t.owner, t.item) for t in ts],
                        [(f.rep, f.finding) for f in ts.findings]))
            self.assertEqual(w.team.ids(), ["ann", "bob", "cat"])
        self.assertEqual(got[0], got[1])
        self.assertEqual(got[0], got[2])

    def test_threads_share_one_team(self) -> None:
        w = PlanWorld()
        seed000(w.books["ann"], "big", "small", 0.0)
        w.build({"ann": 1, "bob": 3, "cat": 3})
        want = [(t.carrier, t.owner, t.item) for t in w.plan()]
        got: List[Any] = []
        errors: List[BaseException] = []

        def work(k: int) -> None:
            try:
                for _ in range(5):
                    got.append([(t.carrier, t.owner, t.item) for t in w.plan()])
                    w.team.day_flags(k % 3, day(1))
                    with w.ctx.lock:  # a book changes meanwhile, graded in the same step
                        w.books["bob"].add(id="t%d-%d" % (k, len(got)))
                        w.books["bob"].grade(w.rules)
            except BaseException as e:  # noqa: B902
                errors.append(e)
        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        self.assertEqual(errors, [])
        self.assertEqual(len(got), 20)
        def ann(g: List[Any]) -> List[Any]:  # ann's contacts (bob's book grows meanwhile)
            return [(c, o, i.date, i.customer_id, i.delegated) for c, o, i in g if o == "ann"]
        self.assertEqual([ann(g) for g in got], [ann(want)] * 20)
        self.assertIn(("cat", "ann", day(1), "small", cc.Delegation.COLLEAGUE), ann(want))

    def test_calendar_exception_is_chained(self) -> None:
        class Boom(Exception):
            pass

        def calendar(rep: str, d: dt.date) -> int:
            if rep == "bob":
                raise Boom("no calendar for bob")
            return weekdays(rep, d)
        w = PlanWorld(calendar)
        seed000(w.books["ann"], "big", "small", 0.0)
        w.build({"ann": 1, "bob": 3, "cat": 3})
        with self.assertRaises(Boom) as cm:
            w.plan()
        self.assertIsInstance(cm.exception.__cause__, cc.CallbackError)
        with self.assertRaises(Boom):
            w.team.day_flags("bob", D0)
        self.assertEqual(w.team.day_flags("ann", D0), cc.DayFlag.WORKING)
        # a result the calendar cannot give as flags
        w2 = PlanWorld(lambda rep, d: -1)
        w2.team.add("ann", w2.books["ann"])
        with self.assertRaises(OverflowError) as cm2:
            w2.team.day_flags("ann", D0)
        self.assertIsInstance(cm2.exception.__cause__, cc.CallbackError)


class MemStore:
    """A store whose moves can be told to fail (test_team.c's fstore)."""

    def __init__(self) -> None:
        self.fail = ""
        self.log: List[Any] = []

    def begin(self) -> None:
        self.log.append("begin")
        if self.fail == "begin":
            raise RuntimeError("begin failed")

    def commit(self) -> None:
        if self.fail == "commit":
            raise RuntimeError("commit failed")
        self.log.append("commit")

    def rollback(self) -> None:
        self.log.append("rollback")

    def load(self, cid: str) -> Optional[cc.Customer]:
        return None

    def save(self, c: cc.Customer) -> None:
        pass

    def append_contact(self, cid: str, contact: cc.Contact) -> None:
        pass

    def iterate(self) -> List[cc.Customer]:
        return []

    def remove(self, cid: str) -> None:
        if self.fail == "move":
            raise KeyError(cid)
        self.log.append(("remove", cid))

    def set_owner(self, cid: str, owner: str) -> None:
        if self.fail == "move":
            raise KeyError(cid)
        self.log.append(("set_owner", cid, owner))


def history_customer(cid: str, value: int) -> cc.Customer:
    return cc.Customer(id=cid, value=value, status=cc.Status.ACTIVE, last_contact=day(-5),
                       last_visit=day(-9), contacts=7, no_progress=2, next_step_date=day(3),
                       has_location=True, x=1.5, y=-2.5, visit_open_min=540,
                       visit_close_min=960, visit_days=0x15)


class TeamHandleTest(unittest.TestCase):
    def setUp(self) -> None:
        self.ctx = cc.Context()
        self.rules = cc.Rules(self.ctx)
        self.a = self.ctx.book(history_customer("c%02d" % i, 1000 * (i + 1))
                               for i in range(5))
        self.b = cc.Book(self.ctx)

    def test_id_order_owner_and_reads(self) -> None:
        t = cc.Team(self.ctx)
        self.assertEqual(t.add(cc.Rep("zed", visits_per_day=2, base_x=3.5), self.a), 0)
        self.assertEqual(t.add("ann", self.b, minutes_per_day=300, visits_per_day=0), 0)
        self.assertEqual(t.ids(), ["ann", "zed"])
        self.assertEqual(len(t), 2)
        self.assertEqual(t.rep("zed"), cc.Rep("zed", base_x=3.5, visits_per_day=2))
        self.assertEqual(t.rep(0).minutes_per_day, 300)
        self.assertIs(t.book("zed"), self.a)
        self.assertIs(t.book(-1), self.a)
        self.assertEqual(t.owner("c03"), ("zed", 3))
        self.assertIn("ann", t)
        self.assertNotIn("bob", t)
        self.assertNotIn("a\0b", t)
        self.assertEqual([r.id for r in t], ["ann", "zed"])
        with self.assertRaises(cc.NotFound):
            t.owner("nobody")
        with self.assertRaises(cc.NotFound):
            t.rep(2)
        with self.assertRaises(cc.NotFound):
            t.index("bob")
        # the context's calendar without a team calendar
        self.assertEqual(t.day_flags("ann", day(1)), cc.DayFlag.WORKING)
        self.assertEqual(t.day_flags(1, day(6)), cc.DayFlag(0))
        self.assertEqual(repr(t), "<Team ann, zed>")

    def test_owner_follows_transfers_and_results_keep_their_ids(self) -> None:
        t = cc.Team(self.ctx)
        t.add("ann", self.a)
        t.add("bea", self.b)
        self.a.grade(self.rules)
        self.b.grade(self.rules)
        ts = t.plan(self.rules, D0, 5)
        plan = self.a.schedule(self.rules, D0, 5)
        view = ts.rep_schedule("ann")
        before = ([(x.owner, x.customer_id, x.item.customer) for x in ts],
                  [(x.customer, x.customer_id) for x in plan],
                  [(x.customer, x.customer_id) for x in view])
        self.assertTrue(before[0] and before[1])
        self.assertEqual(self.a.transfer("c00", self.b), 0)
        self.a.remove("c01")
        self.assertEqual(t.owner("c00"), ("bea", 0))
        self.assertEqual(t.owner("c02"), ("ann", 0))
        # planned before the moves: the same customers, under their old indices
        self.assertEqual(([(x.owner, x.customer_id, x.item.customer) for x in ts],
                          [(x.customer, x.customer_id) for x in plan],
                          [(x.customer, x.customer_id) for x in view]), before)
        self.a.grade(self.rules)
        self.b.grade(self.rules)
        again = t.plan(self.rules, D0, 5)
        self.assertNotIn("c01", {x.customer_id for x in again})
        self.assertTrue(all(x.owner == "bea" for x in again if x.customer_id == "c00"))

    def test_team_calendar_per_rep(self) -> None:
        seen: List[Any] = []

        def calendar(rep: str, d: dt.date) -> int:
            seen.append((rep, d))
            return weekdays(rep, d) | (cc.DayFlag.ABSENT if rep == "bea" and d == day(1) else 0)
        t = self.ctx.team(calendar)
        t.add(cc.Rep("ann", visits_per_day=4), self.a)
        t.add(cc.Rep("bea", visits_per_day=4), self.b)
        self.assertEqual(t.day_flags("bea", day(1)), cc.DayFlag.WORKING | cc.DayFlag.ABSENT)
        self.assertEqual(t.day_flags("ann", day(1)), cc.DayFlag.WORKING)
        self.assertEqual(t.day_flags(0, day(5)), cc.DayFlag(0))  # Saturday: ABSENT dropped
        self.assertEqual(seen[0], ("bea", day(1)))
        with self.assertRaises(cc.NotFound):
            t.day_flags(2, D0)
        with self.assertRaises(cc.RangeError):
            t.day_flags(0, cc.NO_DATE)

    def test_remove_keeps_the_rest(self) -> None:
        self.a.grade(self.rules)
        before = [self.a.get(i) for i in range(5)]
        self.a.remove("c01")
        self.assertEqual(self.a.ids(), ["c00", "c02", "c03", "c04"])
        self.assertEqual(self.a.get(2), dataclasses.replace(before[3], grade=self.a.get(2).grade))
        with self.assertRaises(cc.StaleGrades):
            self.a.assess(0, self.rules, D0)
        self.a.grade(self.rules)
        self.a.assess(0, self.rules, D0)
        self.assertEqual(self.a.add(history_customer("c01", 5)), 4)
        with self.assertRaises(cc.NotFound):
            self.a.remove(5)
        with self.assertRaises(cc.NotFound):
            self.a.remove("nobody")
        self.assertEqual(len(self.a), 5)
        self.a.remove(-1)
        self.assertEqual(self.a.ids(), ["c00", "c02", "c03", "c04"])

    def test_transfer_moves_history(self) -> None:
        before = self.a.get("c02")
        self.assertEqual(self.a.transfer("c02", self.b), 0)
        self.assertNotIn("c02", self.a)
        self.assertEqual(self.b.get(0), before)  # contacts, dates, place, hours: all of it
        self.a.add(history_customer("c02", 1))
        snap_a, snap_b = self.a.snapshot(), self.b.snapshot()
        with self.assertRaises(cc.AlreadyExists):
            self.b.transfer(0, self.a)
        with self.assertRaises(cc.InvalidArgument):
            self.a.transfer(0, self.a)
        with self.assertRaises(cc.NotFound):
            self.a.transfer(9, self.b)
        with self.assertRaises(TypeError):
            self.a.transfer(0, None)  # type: ignore[arg-type]
        other = cc.Context()
        with self.assertRaises(cc.InvalidArgument):
            self.a.transfer(0, cc.Book(other))
        self.assertEqual((self.a.snapshot(), self.b.snapshot()), (snap_a, snap_b))

    def test_store_moves_all_or_nothing(self) -> None:
        with self.assertRaises(cc.NotSupported):
            self.a.store_remove(0)
        st = MemStore()
        self.ctx.set_store(st)
        self.ctx.set_store_moves(st)
        snap_a, snap_b = self.a.snapshot(), self.b.snapshot()
        for mode, exc in (("begin", RuntimeError), ("move", KeyError),
                          ("commit", RuntimeError)):
            st.fail, st.log = mode, []
            with self.assertRaises(exc) as cm:
                self.a.store_remove(1)
            self.assertIsInstance(cm.exception.__cause__, cc.CallbackError)
            self.assertEqual(st.log.count("rollback"), 0 if mode == "begin" else 1)
            with self.assertRaises(exc):
                self.a.store_transfer(1, self.b, "bea")
            self.assertNotIn("commit", st.log)
            self.assertEqual((self.a.snapshot(), self.b.snapshot()), (snap_a, snap_b))
        st.fail, st.log = "", []
        self.a.store_remove(1)
        self.assertEqual(st.log, ["begin", ("remove", "c01"), "commit"])
        self.assertEqual(len(self.a), 4)
        st.log = []
        self.assertEqual(self.a.store_transfer("c00", self.b, "bea"), 0)
        self.assertEqual(st.log, ["begin", ("set_owner", "c00", "bea"), "commit"])
        self.assertEqual(self.b.ids(), ["c00"])
        st.log = []
        with self.assertRaises(cc.InvalidArgument):
            self.a.store_transfer(0, self.b, "")
        with self.assertRaises(ValueError):
            self.a.store_transfer(0, self.b, "b\0a")
        with self.assertRaises(cc.NotFound):
            self.a.store_remove(7)
        self.assertEqual(st.log, [])
        with self.assertRaises(TypeError):
            self.ctx.set_store_moves(object())  # type: ignore[arg-type]
        self.ctx.set_store_moves(None)
        with self.assertRaises(cc.NotSupported):
            self.a.store_remove(0)


class TeamMisuseTest(unittest.TestCase):
    def setUp(self) -> None:
        self.ctx = cc.Context()
        self.rules = cc.Rules(self.ctx)
        self.a = cc.Book(self.ctx)
        self.a.add(id="c00")
        self.a.add(id="c01")
        self.b = cc.Book(self.ctx)

    def test_bad_arguments(self) -> None:
        t = cc.Team(self.ctx)
        with self.assertRaises(TypeError):
            cc.Team(None)  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            cc.Team(self.ctx, calendar=3)  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            t.add(cc.Rep("ann"), None)  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            t.add(cc.Rep("ann"), self.a, visits_per_day=3)
        with self.assertRaises(TypeError):
            t.add(3, self.a)  # type: ignore[arg-type]
        with self.assertRaises(cc.InvalidArgument):
            t.add("ann", cc.Book(cc.Context()))
        with self.assertRaises(cc.InvalidArgument):
            t.add("", self.a)
        with self.assertRaises(ValueError):
            t.add("a\0n", self.a)
        with self.assertRaises(cc.InvalidArgument):  # no capacity limit
            t.add("ann", self.a, visits_per_day=0)
        with self.assertRaises(cc.RangeError):
            t.add("ann", self.a, day_minutes=0)
        with self.assertRaises(OverflowError):
            t.add("ann", self.a, visits_per_day=2**31)
        self.assertEqual(len(t), 0)
        t.add("ann", self.a)
        with self.assertRaises(cc.AlreadyExists):
            t.add("ann", self.b)
        with self.assertRaises(cc.InvalidArgument):  # the book is in the team already
            t.add("bob", self.a)
        with self.assertRaises(TypeError):
            t.index(1.5)  # type: ignore[arg-type]
        with self.assertRaises(cc.NotFound):
            t.index(-2)
        with self.assertRaises(TypeError):
            t.plan(self.rules, D0, 3, colour=1)
        with self.assertRaises(TypeError):
            t.proposals(self.rules, TODAY, pool=3)  # type: ignore[arg-type]
        with self.assertRaises(cc.InvalidArgument):  # a rep's book is no pool
            t.proposals(self.rules, TODAY, pool=self.a)
        with self.assertRaises(cc.RangeError):
            self.a.grade(self.rules)
            t.proposals(self.rules, TODAY, period_days=0)
        empty = cc.Team(self.ctx)
        with self.assertRaises(cc.InvalidArgument):
            empty.plan(self.rules, D0)
        with self.assertRaises(cc.StaleGrades):
            self.a.add(id="c02")
            t.plan(self.rules, D0)

    def test_results_bad_indices(self) -> None:
        t = cc.Team(self.ctx)
        t.add("ann", self.a)
        self.a.grade(self.rules)
        ts = t.plan(self.rules, D0, 2)
        with self.assertRaises(cc.NotFound):
            ts[len(ts)]
        with self.assertRaises(TypeError):
            ts["x"]  # type: ignore[index]
        with self.assertRaises(cc.NotFound):
            ts.rep_schedule(1)
        with self.assertRaises(cc.NotFound):
            ts.rep_schedule("bob")
        tp = t.proposals(self.rules, TODAY)
        with self.assertRaises(cc.NotFound):
            tp[len(tp)]
        with self.assertRaises(cc.NotFound):
            tp.load(1)
        with self.assertRaises(cc.NotFound):
            tp.load(-1)

    def test_busy_inside_the_calendar(self) -> None:
        got: Dict[str, Any] = {}
        holder: Dict[str, cc.Team] = {}

        def calendar(rep: str, d: dt.date) -> int:
            t = holder["t"]
            for name, fn in (("add", lambda: t.add("new", self.b)),
                             ("remove", lambda: self.a.remove(0)),
                             ("transfer", lambda: self.a.transfer(0, self.b)),
                             ("day_flags", lambda: t.day_flags(0, D0)),
                             ("plan", lambda: t.plan(self.rules, D0)),
                             ("new", lambda: cc.Team(self.ctx)),
                             ("close", t.close),
                             ("book_close", self.a.close),
                             ("moves", lambda: self.ctx.set_store_moves(None))):
                try:
                    fn()
                    got[name] = None
                except cc.BusyError as e:
                    got[name] = e
            return weekdays(rep, d)
        t = holder["t"] = cc.Team(self.ctx, calendar=calendar)
        t.add("ann", self.a)
        self.assertEqual(t.day_flags(0, D0), cc.DayFlag.WORKING)
        self.assertEqual(sorted(got), ["add", "book_close", "close", "day_flags", "moves",
                                       "new", "plan", "remove", "transfer"])
        self.assertEqual([k for k, v in got.items() if not isinstance(v, cc.BusyError)], [])
        self.assertEqual(len(t), 1)
        self.assertEqual(len(self.a), 2)
        self.assertFalse(t.closed)
        self.assertFalse(self.a.closed)

    def test_team_keeps_books_alive_and_closes_with_them(self) -> None:
        t = cc.Team(self.ctx)
        t.add("ann", self.ctx.book([{"id": "x"}]))  # only the team holds the book
        gc.collect()
        self.assertEqual(t.book("ann").ids(), ["x"])
        self.assertEqual(t.owner("x"), ("ann", 0))
        t.add("bob", self.b)
        ts = t.plan(self.rules, D0, 2) if self._graded(t) else None
        assert ts is not None
        view = ts.rep_schedule("bob")
        self.b.close()  # closes the team that borrows it, and what the team made
        self.assertTrue(t.closed)
        self.assertTrue(ts.closed)
        self.assertTrue(view.closed)
        with self.assertRaises(ValueError):
            len(t)
        with self.assertRaises(ValueError):
            ts.items
        t.close()  # idempotent

    def _graded(self, t: cc.Team) -> bool:
        for i in range(len(t)):
            t.book(i).grade(self.rules)
        return True

    def test_context_close_closes_teams(self) -> None:
        t = cc.Team(self.ctx)
        t.add("ann", self.a)
        self.a.grade(self.rules)
        tp = t.proposals(self.rules, TODAY)
        self.ctx.close()
        self.assertTrue(t.closed)
        self.assertTrue(tp.closed)

    def test_results_outlive_the_python_team(self) -> None:
        t = cc.Team(self.ctx)
        t.add("ann", self.a)
        self.a.grade(self.rules)
        ts = t.plan(self.rules, D0, 2)
        del t
        gc.collect()
        self.assertEqual(ts.team.ids(), ["ann"])
        self.assertEqual(len(ts.items), len(ts))

    def test_pickling_refused(self) -> None:
        t = cc.Team(self.ctx)
        t.add("ann", self.a)
        self.a.grade(self.rules)
        for obj in (t, t.plan(self.rules, D0, 2), t.proposals(self.rules, TODAY)):
            with self.assertRaises(TypeError):
                pickle.dumps(obj)
        # the plain results pickle
        rep = t.rep("ann")
        self.assertEqual(pickle.loads(pickle.dumps(rep)), rep)


class PoolWorld:
    """test_team_pool.c's world: ann over capacity, bob and carl empty, a
    pool of two released C customers."""

    def __init__(self) -> None:
        self.ctx = cc.Context()
        self.rules = cc.Rules(self.ctx)
        self.ann, self.bob, self.carl, self.pool = (cc.Book(self.ctx) for _ in range(4))
        n = 0

        def cust(prefix: str, grade: cc.Grade, last: dt.date, contacts: int, x: float,
                 y: float, **more: Any) -> cc.Customer:
            nonlocal n
            n += 1
            return cc.Customer(id="%s%02d" % (prefix, n), value=1000, grade=grade,
                               status=more.pop("status", cc.Status.ACTIVE), capable=True,
                               last_contact=last, last_visit=last, contacts=contacts,
                               has_location=True, x=x, y=y)
        for i in range(3):
            self.ann.add(cust("a", cc.Grade.A, TODAY - dt.timedelta(1), 9, 0.5, 0.1 * i))
        for i in range(8):
            self.ann.add(cust("b", cc.Grade.B, TODAY - dt.timedelta(1), 9, 0.1 * i, 1.0))
        for i in range(2):
            self.pool.add(cust("p", cc.Grade.C, TODAY - dt.timedelta(60), 3,
                               1.0 if i else 20.0, 2.0 if i else 1.0,
                               status=cc.Status.RELEASED))
        self.team = cc.Team(self.ctx)
        self.team.add(cc.Rep("carl", 1, 1, 2), self.carl)
        self.team.add(cc.Rep("ann", 0, 0, 1), self.ann)
        self.team.add(cc.Rep("bob", 20, 0, 5), self.bob)
        for b in (self.ann, self.bob, self.carl, self.pool):
            b.grade(self.rules)

    def proposals(self, **kw: Any) -> cc.TeamProposals:
        return self.team.proposals(self.rules, TODAY, scale=1000.0, units_per_minute=500.0,
                                   **kw)


class TeamProposalsTest(unittest.TestCase):
    def test_moves_relieve_the_overloaded_rep(self) -> None:
        w = PoolWorld()
        tp = w.proposals()
        L = tp.load("ann")
        self.assertEqual(L.rep, "ann")
        self.assertEqual(L.before, w.ann.workload(w.rules, TODAY, visits_per_day=1))
        self.assertEqual((L.before.capacity, L.before.visits, L.before.over), (22, 60, True))
        self.assertEqual(len(tp), 8)
        for p in tp:
            self.assertEqual((p.kind, p.rep, p.to_rep),
                             (cc.FindingKind.MOVE_PROPOSED, "ann", "carl"))
            self.assertEqual(w.ann.grade_of(p.customer), cc.Grade.B)
            self.assertTrue(p.customer_id.startswith("b"))
            self.assertEqual((p.reasons[0].why, p.reasons[0].rule),
                             (cc.Why.TEAM_MOVE, cc.RuleId.WORKLOAD))
            self.assertLessEqual(p.reasons[0].a, 0)
            self.assertEqual(p.date, TODAY)
        C = tp.load("carl")
        self.assertEqual(C.customers_after, 8)
        self.assertLessEqual(C.visits_after, C.before.capacity)
        self.assertEqual(tp.load(0).visits_after, 26)
        self.assertEqual([x.rep for x in tp.loads], ["ann", "bob", "carl"])
        bal = tp.balance
        self.assertEqual((bal.moves, bal.over_after, bal.spread_before_x100), (8, 1, 0))
        self.assertLess(bal.travel_after, bal.travel_before)
        self.assertEqual((len(w.ann), len(w.carl)), (11, 0))  # nothing moved
        tp = w.proposals(move_a=True)
        self.assertEqual(len(tp), 8)
        self.assertEqual(w.ann.grade_of(tp[7].customer), cc.Grade.A)
        self.assertEqual(tp[-1], tp[7])
        self.assertEqual(tp.balance.over_after, 0)

    def test_moves_carried_out_match(self) -> None:
        w = PoolWorld()
        tp = w.proposals()
        announced = {x.rep: (x.customers_after, x.visits_after) for x in tp.loads}
        for p in sorted(tp, key=lambda p: -p.customer):  # later indices first
            assert p.rep is not None and p.to_rep is not None
            w.team.book(p.rep).transfer(p.customer_id, w.team.book(p.to_rep))
        for rep in ("ann", "bob", "carl"):
            book = w.team.book(rep)
            book.grade(w.rules)
            vpd = w.team.rep(rep).visits_per_day
            wl = book.workload(w.rules, TODAY, visits_per_day=vpd)
            self.assertEqual((len(book), wl.visits), announced[rep], rep)

    def test_pool_customers_go_to_the_nearest_rep_with_room(self) -> None:
        w = PoolWorld()
        tp = w.proposals(pool=w.pool)
        assigns = [p for p in tp if p.kind == cc.FindingKind.ASSIGN_PROPOSED]
        self.assertEqual(len(assigns), 2)
        p = tp[8]  # after the 8 moves, in pool order
        self.assertEqual((p.kind, p.rep, p.customer, p.customer_id, p.to_rep),
                         (cc.FindingKind.ASSIGN_PROPOSED, None, 0, w.pool.id(0), "bob"))
        r = p.reasons[0]
        self.assertEqual((r.why, r.a, r.b, r.c), (cc.Why.POOL_ASSIGN, 2, 109, 1))
        self.assertEqual(tp[9].to_rep, "carl")
        bal = tp.balance
        self.assertEqual((bal.assigns, bal.releases), (2, 0))
        self.assertGreater(bal.spread_after_x100, 0)
        self.assertEqual(len(w.pool), 2)
        # the reasons read in every language
        for lang in cc.languages():
            self.assertTrue(r.text_in(lang))
        self.assertEqual(r.text_in("en"), r.text)


if __name__ == "__main__":
    unittest.main()
