"""The whole API through the binding: every exported function is called at
least once (checked at the end), error paths raise the right classes."""
from __future__ import annotations

import ctypes
import datetime as dt
import random
import unittest
from typing import Any, Dict, List, Optional

import custcadence as cc
from custcadence import _ffi
from custcadence._ffi import F

D = dt.date


class DictStore:
    """A minimal in-memory store."""

    def __init__(self) -> None:
        self.customers: Dict[str, cc.Customer] = {}
        self.contacts: List[Any] = []
        self.log: List[str] = []
        self._tx: Optional[Dict[str, cc.Customer]] = None

    def begin(self) -> None:
        self.log.append("begin")
        self._tx = dict(self.customers)

    def commit(self) -> None:
        self.log.append("commit")
        self._tx = None

    def rollback(self) -> None:
        self.log.append("rollback")
        if self._tx is not None:
            self.customers = self._tx
        self._tx = None

    def load(self, cid: str) -> Optional[cc.Customer]:
        return self.customers.get(cid)

    def save(self, c: cc.Customer) -> None:
        self.customers[c.id] = c

    def append_contact(self, cid: str, contact: cc.Contact) -> None:
        self.contacts.append((cid, contact))

    def iterate(self):
        return list(self.customers.values())


class ApiTest(unittest.TestCase):
    counts: Dict[str, int] = {}
    saved: Dict[str, Any] = {}

    @classmethod
    def setUpClass(cls) -> None:
        cls.counts = {n: 0 for n in _ffi.FUNCTIONS}
        cls.saved = {n: getattr(F, n) for n in _ffi.FUNCTIONS}

        def wrap(name: str, fn: Any) -> Any:
            def counted(*args: Any) -> Any:
                cls.counts[name] += 1
                return fn(*args)
            counted.__name__ = name
            return counted
        for n, fn in cls.saved.items():
            setattr(F, n, wrap(n, fn))

    @classmethod
    def tearDownClass(cls) -> None:
        for n, fn in cls.saved.items():
            setattr(F, n, fn)

    def setUp(self) -> None:
        self.ctx = cc.Context(clock=lambda: dt.datetime(2026, 10, 20, 9, 30))
        self.rules = cc.Rules(self.ctx)

    def tearDown(self) -> None:
        self.ctx.close()

    def make_book(self) -> cc.Book:
        b = cc.Book(self.ctx, 16)
        b.add(id="a1", value=900_000, status="key", grade="A")
        b.add(cc.Customer(id="b2", value=300_000, status=cc.Status.ACTIVE,
                          purchase_date=D(2026, 10, 25)))
        b.add(id="c3", value=1_000, has_location=True, x=3.0, y=4.0)
        b.record("a1", date=D(2026, 9, 1), next_date=D(2026, 9, 15))
        b.record("b2", cc.Contact(date=D(2026, 10, 1), kind="call", outcome="no_progress"))
        return b

    # -- constants, versions, names --------------------------------------

    def test_constants_from_twins(self) -> None:
        self.assertEqual(cc.NO_DATE, F.ccad_no_date())
        self.assertEqual(cc.NO_DATE, -2**31)
        self.assertEqual(cc.DATE_MIN, F.ccad_date_min())
        self.assertEqual(cc.DATE_MAX, F.ccad_date_max())
        self.assertEqual(cc.ID_MAX, F.ccad_id_max())
        self.assertEqual(cc.REASONS_MAX, F.ccad_reasons_max())
        self.assertEqual(cc.ITEM_REASONS_MAX, F.ccad_item_reasons_max())
        self.assertEqual(cc.ROUTE_MAX_POINTS, F.ccad_route_max_points())
        self.assertEqual(len(cc.Rules.params()), F.ccad_rules_param_count())
        self.assertEqual(cc.from_day(cc.DATE_MIN), D(1, 1, 1))
        self.assertEqual(cc.from_day(cc.DATE_MAX), D(9999, 12, 31))

    def test_version(self) -> None:
        self.assertEqual(cc.version(), cc.library_version)
        n = F.ccad_version_number()
        self.assertEqual(n // 10000, cc.BINDING_MAJOR)
        self.assertEqual("%d.%d.%d" % (n // 10000, n // 100 % 100, n % 100), cc.version())

    def test_strerror_and_classes(self) -> None:
        self.assertEqual(cc.strerror(0), cc.strerror(0))
        self.assertIn("unknown", cc.strerror(-999))
        for code in range(-13, 0):
            cls = cc.error_class(code)
            self.assertEqual(cls.code, code)
            self.assertTrue(issubclass(cls, cc.CadenceError))
        self.assertIs(cc.error_class(-4), cc.ParseError)

    def test_names(self) -> None:
        self.assertEqual(cc.name(cc.NameKind.STATUS, 2), "active")
        self.assertEqual(cc.name(cc.NameKind.STATUS, 99), "?")
        self.assertEqual(cc.name_parse(cc.NameKind.STATUS, "ACTIVE"), 2)
        with self.assertRaises(cc.NotFound) as cm:
            cc.name_parse(cc.NameKind.STATUS, "sleepy")
        self.assertIn("sleepy", str(cm.exception))
        self.assertEqual(cc.rule_name(cc.RuleId.GAP), "GAP")
        self.assertEqual(cc.why_name(cc.Why.GAP_ALERT), "GAP_ALERT")
        self.assertEqual(cc.why_figure(cc.Why.DUE, 0), (cc.Figure.DATE, None))
        fig, kind = cc.why_figure(cc.Why.QUADRANT, 1)
        self.assertEqual((fig, kind), (cc.Figure.ENUM, cc.NameKind.GRADE))
        for w in cc.Why:
            if cc.why_name(w) != "?":
                self.assertEqual(cc.why_name(w), w.name)
        for f in cc.Flag:
            self.assertEqual(cc.name(cc.NameKind.FLAG, f), f.name)

    def test_dates(self) -> None:
        rnd = random.Random(7)
        for _ in range(300):
            day = rnd.randint(cc.DATE_MIN, cc.DATE_MAX)
            d = cc.from_day(day)
            self.assertEqual(cc.date_from_ymd(d.year, d.month, d.day), day)
            self.assertEqual(cc.date_to_ymd(day), (d.year, d.month, d.day))
            self.assertEqual(cc.weekday(day), d.isoweekday())
            self.assertEqual(cc.iso_week(d), tuple(d.isocalendar())[:2])
            self.assertEqual(cc.date_format(d), d.isoformat())
            self.assertEqual(cc.date_parse(d.isoformat()), d)
            self.assertEqual(cc.to_day(d), day)
        self.assertIsNone(cc.from_day(cc.NO_DATE))
        self.assertEqual(cc.to_day(None), cc.NO_DATE)
        self.assertEqual(cc.to_day(dt.datetime(1970, 1, 2, 23, 0)), 1)
        with self.assertRaises(cc.RangeError):
            cc.date_from_ymd(2026, 2, 30)
        with self.assertRaises(cc.ParseError) as e:
            cc.date_parse("2026/01/01")
        # the message says what was wrong (the library's generic text for
        # CCAD_EPARSE speaks of rules text)
        self.assertEqual(str(e.exception), "'2026/01/01' is not a date (YYYY-MM-DD)")
        with self.assertRaises(cc.RangeError) as e:
            cc.date_parse("2026-02-30")
        self.assertEqual(str(e.exception), "'2026-02-30' is not a day of the calendar")
        with self.assertRaises(cc.RangeError):
            cc.date_format(cc.DATE_MAX + 1)
        with self.assertRaises(cc.RangeError):
            cc.date_to_ymd(cc.DATE_MIN - 1)
        with self.assertRaises(cc.RangeError):
            cc.weekday(cc.DATE_MAX + 1)
        with self.assertRaises(cc.RangeError):
            cc.iso_week(cc.DATE_MAX + 1)
        with self.assertRaises(TypeError):
            cc.to_day("2026-01-01")  # type: ignore[arg-type]

    # -- context ----------------------------------------------------------

    def test_context(self) -> None:
        self.assertEqual(self.ctx.today(), D(2026, 10, 20))
        self.assertEqual(self.ctx.day_flags(D(2026, 10, 19)), cc.DayFlag.WORKING)
        self.assertEqual(self.ctx.day_flags(D(2026, 10, 18)), cc.DayFlag(0))
        with self.assertRaises(cc.RangeError) as cm:
            self.ctx.day_flags(cc.DATE_MAX + 1)
        self.assertIn("out of range", cm.exception.message)
        self.assertEqual(self.ctx.errcode, -3)
        self.assertIn("out of range", self.ctx.errmsg)
        self.assertIsNone(self.ctx.errpos())
        with cc.Context() as bare:
            with self.assertRaises(cc.NotSupported) as cm2:
                bare.today()
            self.assertIn("clock", str(cm2.exception))
        self.assertTrue(bare.closed)
        with self.assertRaises(ValueError):
            bare.today()
        cal = cc.Context(calendar=lambda d: cc.DayFlag.WORKING | (
            cc.DayFlag.HOLIDAY if d == D(2026, 12, 25) else 0))
        self.assertEqual(cal.day_flags(D(2026, 12, 25)), cc.DayFlag.HOLIDAY)
        self.assertEqual(cal.day_flags(D(2026, 12, 26)), cc.DayFlag.WORKING)
        cal.close()
        for clock in (lambda: D(2026, 1, 2), lambda: 86400 * 3 + 5):
            with cc.Context(clock=clock) as c2:
                self.assertIn(c2.today(), (D(2026, 1, 2), D(1970, 1, 4)))

    def test_ctx_new_errors(self) -> None:
        h = _ffi.Host.init()
        h.size = 12
        out = ctypes.c_void_p(1)
        with self.assertRaises(cc.VersionError):
            F.ccad_ctx_new(ctypes.byref(out), ctypes.byref(h))
        self.assertIsNone(out.value)
        h = _ffi.Host.init()
        h.alloc = alloc = _ffi.ALLOC_FN(lambda u, n: None)
        with self.assertRaises(cc.InvalidArgument):
            F.ccad_ctx_new(ctypes.byref(out), ctypes.byref(h))
        del alloc

    # -- rules ------------------------------------------------------------

    def test_rules_access(self) -> None:
        r = self.rules
        self.assertEqual(len(r), len(list(r)))
        self.assertIn("gap.max_days", r)
        self.assertNotIn("gap.nope", r)
        info = r.info("gap.max_days")
        self.assertEqual(r["gap.max_days"], info.default_value)
        self.assertEqual(info.unit, "days")
        self.assertTrue(info.help)
        r["gap.max_days"] = 10
        self.assertEqual(r["gap.max_days"], 10)
        self.assertEqual(r.changed(), {"gap.max_days": 10})
        r.reset("gap.max_days")
        self.assertEqual(r.changed(), {})
        with self.assertRaises(cc.RangeError) as cm:
            r["gap.max_days"] = info.max_value + 1
        self.assertIn("gap.max_days", cm.exception.message)
        with self.assertRaises(cc.NotFound) as cm2:
            r["gap.nope"]
        self.assertIn("gap.nope", str(cm2.exception))
        with self.assertRaises(cc.NotFound):
            r["gap.nope"] = 1
        with self.assertRaises(cc.NotFound):
            r.info("gap.nope")
        self.assertIsNone(r.get("gap.nope"))
        r["grade.method"] = "threshold"
        self.assertEqual(r["grade.method"], 1)
        r["gap.grades"] = "AB"
        self.assertEqual(r["gap.grades"], 3)
        with self.assertRaises(cc.ParseError):
            r["grade.method"] = "sideways"
        self.assertTrue(all(isinstance(v, int) for _, v in r.items()))
        self.assertEqual([p.name for p in cc.param_infos()], r.keys())
        for p in cc.param_infos():  # every default says where it comes from
            self.assertRegex(p.source, r"^(seed 00[0-4], (line|table) |project default: )")
        self.assertIn("gap.max_days", repr(cc.Rules(self.ctx, "gap.max_days = 9\n")))
        r["freq.work_days"] = "Mon+Wed"
        self.assertEqual(r["freq.work_days"], 1 | 4)
        with self.assertRaises(cc.ConflictError):
            r["gap.alert_days"] = "5"
        # the handles' contexts, as the library reports them
        self.assertEqual(F.ccad_rules_ctx(r._handle()), self.ctx._ptr.value
                         if hasattr(self.ctx._ptr, "value") else self.ctx._ptr)
        book = cc.Book(self.ctx)
        self.assertEqual(F.ccad_book_ctx(book._handle()), F.ccad_rules_ctx(r._handle()))
        self.assertIsNone(F.ccad_book_ctx(None))
        book.close()

    def test_rules_conflict(self) -> None:
        r = self.rules
        conflict = None
        for p in r.params():
            if p.name.startswith("grade.share_"):
                try:
                    r[p.name] = p.max_value
                    r[p.name] = p.default_value
                except cc.ConflictError as e:
                    conflict = e
                    break
        self.assertIsNotNone(conflict, "no share parameter conflicts at its maximum")
        self.assertIsInstance(conflict, ValueError)
        self.assertEqual(r, cc.Rules(self.ctx))

    def test_rules_text(self) -> None:
        r = cc.Rules.from_text(self.ctx, "gap.max_days = 10\nstall.after = 4\n")
        self.assertEqual((r["gap.max_days"], r["stall.after"]), (10, 4))
        text = r.to_text()
        self.assertEqual(len([l for l in text.splitlines() if l and not l.startswith("#")]),
                         len(r))
        again = cc.Rules(self.ctx, text)
        self.assertEqual(again, r)
        self.assertNotEqual(again, self.rules)
        c = r.copy()
        self.assertEqual(c, r)
        c["stall.after"] = 5
        self.assertNotEqual(c, r)
        with self.assertRaises(cc.ParseError) as cm:
            r.parse("gap.max_days = 10\n  stall.after = x\n")
        e = cm.exception
        self.assertEqual((e.line, e.column), (2, 17))
        self.assertEqual(self.ctx.errpos(), (2, 17))
        self.assertIn("line 2, column 17", e.message)
        self.assertEqual(r["stall.after"], 4)  # all or nothing
        r.parse(b"")
        self.assertEqual(r, self.rules)
        self.assertFalse(r == 3)
        other = cc.Context()
        c2 = r.copy(other)
        self.assertIs(c2.context, other)
        other.close()
        self.assertTrue(c2.closed)

    # -- book -------------------------------------------------------------

    def test_book_customers(self) -> None:
        b = self.make_book()
        self.assertEqual(len(b), 3)
        self.assertEqual(b.ids(), ["a1", "b2", "c3"])
        self.assertEqual(b.index("b2"), 1)
        self.assertEqual(b.find("c3"), 2)
        self.assertIn("a1", b)
        self.assertNotIn("zz", b)
        self.assertEqual(b.id(2), "c3")
        with self.assertRaises(cc.NotFound):
            b.id(3)
        c = b.get("b2")
        self.assertEqual(b.grade_of("b2"), cc.Grade.NONE)  # never graded
        self.assertEqual(b.grade_of("a1"), cc.Grade.A)     # set by hand
        self.assertEqual((c.id, c.status, c.purchase_date), ("b2", cc.Status.ACTIVE,
                                                              D(2026, 10, 25)))
        self.assertEqual((c.last_contact, c.contacts, c.no_progress), (D(2026, 10, 1), 1, 1))
        self.assertIsNone(c.monthly_volume)
        self.assertEqual(b[2].x, 3.0)
        self.assertEqual([x.id for x in b], b.ids())
        with self.assertRaises(cc.AlreadyExists) as cm:
            b.add(id="a1")
        self.assertIn("a1", str(cm.exception))
        with self.assertRaises(cc.InvalidArgument):
            b.add(id="")
        with self.assertRaises(cc.InvalidArgument):
            b.add(id="x" * (cc.ID_MAX + 1))
        with self.assertRaises(cc.RangeError):
            b.add(id="neg", value=-1)
        with self.assertRaises(cc.InvalidArgument):
            b.add(id="bad", status=9)
        with self.assertRaises(cc.NotFound):
            b.get("nobody")
        with self.assertRaises(cc.NotFound):
            b.get(17)
        self.assertEqual(len(b), 3)
        b.update("c3", value=5_000, monthly_volume=100)
        self.assertEqual((b.get("c3").value, b.get("c3").monthly_volume), (5_000, 100))
        c3 = b.get("c3")
        c3.margin_bp = 2500
        b.update(2, c3)
        self.assertEqual(b.get(2).margin_bp, 2500)
        with self.assertRaises(cc.InvalidArgument):
            b.update("c3", cc.Customer(id="other"))
        with self.assertRaises(TypeError):
            b.update("c3", id="x")
        with self.assertRaises(cc.RangeError):
            b.record("c3", date=D(2026, 10, 2), next_date=D(2026, 10, 1))
        self.assertEqual(b.get("c3").contacts, 0)
        b.record("c3", date=D(2026, 10, 2), service_level="moving")
        self.assertEqual(b.get("c3").service_counts, (0, 0, 0, 1))
        self.assertIn("3 customers", repr(b))

    def test_assess(self) -> None:
        b = self.make_book()
        with self.assertRaises(cc.StaleGrades) as cm:
            b.assess("a1", self.rules, D(2026, 10, 20))
        self.assertIn("grade", str(cm.exception))
        b.grade(self.rules)
        a = b.assess("a1", self.rules)  # day from the clock
        self.assertEqual(a.today, D(2026, 10, 20))
        self.assertEqual(a.grade, cc.Grade.A)
        self.assertTrue(a.grade_manual)
        self.assertTrue(a.reasons)
        r0 = a.reasons[0]
        self.assertEqual((r0.rule_name, r0.why_name), ("GRADE", "GRADE_MANUAL"))
        self.assertEqual(r0.figures[0], "A")
        self.assertTrue(r0.text.startswith("GRADE:"))
        self.assertEqual(str(r0), r0.text)
        due = [r for r in a.reasons if r.why == cc.Why.DUE]
        self.assertEqual(due[0].figures[0], D(2026, 9, 1))
        self.assertEqual(due[0].a, cc.to_day(D(2026, 9, 1)))
        esc = [r for r in a.reasons if r.why == cc.Why.OVERDUE][0]
        self.assertEqual(esc.figures[1], "reassign")
        self.assertTrue(a.due)
        self.assertGreater(a.days_overdue, 0)
        with self.assertRaises(cc.RangeError):
            b.assess("a1", self.rules, cc.DATE_MAX + 1)
        briefs = b.assess_all(self.rules, D(2026, 10, 20))
        self.assertEqual(len(briefs), 3)
        self.assertEqual(briefs[0].due_date, a.due_date)
        self.assertEqual(briefs[-1].index, 2)
        self.assertEqual(len(briefs[0:2]), 2)
        cols = briefs.columns()
        self.assertEqual(cols["flags"][0], int(a.flags))
        self.assertIn(0, briefs.indices(cc.Flag.DUE))
        self.assertEqual(len(b.assess_all(self.rules, D(2026, 10, 20), first=1)), 2)
        with self.assertRaises(cc.NotFound):
            b.assess_all(self.rules, D(2026, 10, 20), first=2, count=5)
        self.assertEqual(len(b.assess_all(self.rules, D(2026, 10, 20), 3, 0)), 0)

    def test_workload_platform_choice(self) -> None:
        b = self.make_book()
        b.grade(self.rules)
        w = b.workload(self.rules, D(2026, 10, 20), period_days=30, field_days=20,
                       visits_per_day=2)
        self.assertEqual(w.capacity, 40)
        self.assertEqual(sum(r.customers for r in w.rows.values()), 3)
        with self.assertRaises(cc.RangeError):
            b.workload(self.rules, D(2026, 10, 20), period_days=0)
        p = b.platform(self.rules)
        self.assertEqual(p.market.total, 3)
        self.assertEqual(sum(p.market.by_grade.values()), 3)
        ch = b.choose_working(self.rules)
        self.assertEqual(len(ch), 3)
        self.assertTrue(all(isinstance(x, cc.Choice) for x in ch))
        b.add(id="new")
        with self.assertRaises(cc.StaleGrades):
            b.platform(self.rules)

    def test_schedule(self) -> None:
        b = self.make_book()
        b.grade(self.rules)
        s = b.schedule(self.rules, D(2026, 10, 19), 14, visits_per_day=1, keep_reasons=True)
        self.assertIs(s.book, b)
        items = s.items
        self.assertEqual(len(items), len(s))
        self.assertTrue(items)
        self.assertTrue(all(i.customer_id in b for i in items))
        self.assertEqual(s[0], items[0])
        self.assertEqual(s[-1], items[-1])
        self.assertTrue(items[0].reasons)
        ds = s.day(D(2026, 10, 19))
        self.assertEqual(ds.date, D(2026, 10, 19))
        self.assertEqual(ds.items, len([i for i in items if i.date == D(2026, 10, 19)]))
        self.assertTrue(ds.flags & cc.DayFlag.WORKING)
        with self.assertRaises(cc.NotFound):
            s.day(D(2027, 1, 1))
        with self.assertRaises(cc.NotFound) as e:  # an item index, not a customer's
            s[-len(s) - 2]
        self.assertEqual(str(e.exception), "no item at index -2")
        days = s.by_day()
        self.assertEqual(sum(len(v) for v in days.values()), len(items))
        for f in s.findings:
            self.assertIsInstance(f.kind, cc.FindingKind)
        rem = [i for i in items if i.reminder_date is not None]
        if rem:
            self.assertIn(rem[0], s.reminders(rem[0].reminder_date))
        self.assertEqual(s.reminders(D(2000, 1, 1)), [])
        with self.assertRaises(TypeError):
            b.schedule(self.rules, D(2026, 10, 19), nonsense=1)
        with self.assertRaises(cc.RangeError):
            b.schedule(self.rules, D(2026, 10, 19), 0)
        with self.assertRaises(cc.InvalidArgument):
            b.schedule(self.rules, D(2026, 10, 19), visits_per_day=0, minutes_per_day=0)
        routed = b.schedule(self.rules, D(2026, 10, 19), 7, route=True, visits_per_day=3)
        self.assertIsInstance(len(routed), int)
        b.add(id="late")
        with self.assertRaises(cc.StaleGrades):
            b.schedule(self.rules, D(2026, 10, 19))
        self.assertIn("items", repr(s))
        s.close()
        self.assertTrue(s.closed)
        with self.assertRaises(ValueError):
            len(s)

    def test_route(self) -> None:
        pts = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (5.0, 5.0)]
        r = cc.route(pts)
        self.assertEqual(r.order[0], 0)
        self.assertEqual(sorted(r.order), list(range(5)))
        self.assertGreater(r.cost, 0)
        r2 = self.ctx.route(pts, closed=False, effort=0, scale=10.0)
        self.assertEqual(sorted(r2.order), list(range(5)))
        with self.assertRaises(cc.RangeError):
            cc.route([])
        with self.assertRaises(cc.RangeError):
            cc.route([(0.0, float("inf"))])
        with self.assertRaises(cc.NotSupported):
            cc.route(pts, metric=cc.Metric.HOST)
        with cc.Context(travel=lambda fx, fy, tx, ty: int(abs(fx - tx) + abs(fy - ty))) as c:
            r3 = c.route(pts[:4], metric=cc.Metric.HOST)
            self.assertEqual(r3.cost, 40)
        geo = cc.route([(121.47, 31.23), (121.44, 31.19), (121.51, 31.25)],
                       metric=cc.Metric.GEO)
        self.assertGreater(geo.cost, 1000)

    def test_route_tw(self) -> None:
        # 5 km between neighbours: 10 minutes at the default 500 m a minute
        pts = [(0.0, 0.0), (5000.0, 0.0), (10000.0, 0.0), (15000.0, 0.0)]
        r = cc.route_tw(pts)
        self.assertTrue(r.feasible)
        self.assertEqual(r.order, [0, 1, 2, 3])
        self.assertEqual(r.cost, 60)
        self.assertEqual(r.start_min, [480, 490, 500, 510])
        self.assertEqual(r.problem, "")
        # point 1 opens at 11:40, point 3 closes at 9:20: 1 comes last
        w = [(0, 1440), (700, 1440), (0, 1440), (0, 560)]
        r = self.ctx.route_tw(pts, windows=w, service=[0, 10, 10, 10])
        self.assertTrue(r.feasible)
        self.assertEqual(r.order[3], 1)
        self.assertEqual(r.cost, 60)
        self.assertEqual(r.start_min[1], 700)
        # no order fits: the least-late order, not an exception
        late = cc.route_tw(pts, windows=[(0, 1440), (480, 485), (480, 485), (480, 485)])
        self.assertFalse(late.feasible)
        self.assertEqual(sorted(late.order), [0, 1, 2, 3])
        self.assertIn("no feasible order", late.problem)
        # lengths are checked in Python: C never reads past a short list
        with self.assertRaises(cc.InvalidArgument):
            cc.route_tw(pts, windows=[(0, 1440)])
        with self.assertRaises(cc.InvalidArgument):
            cc.route_tw(pts, service=[0, 1])
        with self.assertRaises(cc.InvalidArgument):
            cc.route_tw(pts, service=[0, 1, 2, 2**40])
        # bad values are the library's range errors, with nothing returned
        with self.assertRaises(cc.RangeError):
            cc.route_tw(pts, windows=[(0, 1440), (700, 600), (0, 1440), (0, 1440)])
        with self.assertRaises(cc.RangeError):
            cc.route_tw(pts, start=600, end=500)
        with self.assertRaises(cc.RangeError):
            cc.route_tw([])
        with self.assertRaises(cc.InvalidArgument):
            cc.route_tw(pts, metric=7)
        with self.assertRaises(cc.NotSupported):
            cc.route_tw(pts, metric=cc.Metric.HOST)
        with cc.Context(travel=lambda fx, fy, tx, ty: 7) as c:
            r = c.route_tw(pts, metric=cc.Metric.HOST, units_per_minute=0.0)
            self.assertEqual(r.cost, 28)
        self.assertEqual(cc.route_tw(pts[:1]).order, [0])

    def test_store(self) -> None:
        store = DictStore()
        self.ctx.set_store(store)
        b = self.make_book()
        b.store_save()
        self.assertEqual(set(store.customers), {"a1", "b2", "c3"})
        b.store_record("a1", date=D(2026, 10, 19), kind=cc.ContactKind.CALL)
        self.assertEqual(store.contacts[-1][0], "a1")
        self.assertEqual(store.customers["a1"].last_contact, D(2026, 10, 19))
        self.assertEqual(b.get("a1").last_contact, D(2026, 10, 19))
        loaded = cc.Book.from_store(self.ctx)
        self.assertEqual(sorted(loaded.ids()), ["a1", "b2", "c3"])
        self.assertEqual(loaded.get("a1"), b.get("a1"))
        store.customers["d4"] = cc.Customer(id="d4", value=7)
        self.assertEqual(b.store_load_customer("d4"), 3)
        self.assertEqual(b.get("d4").value, 7)
        with self.assertRaises(cc.NotFound):
            b.store_load_customer("zz")
        self.ctx.set_store(None)
        with self.assertRaises(cc.NotSupported):
            b.store_save()
        with self.assertRaises(cc.NotSupported):
            cc.Book.from_store(self.ctx)
        s = _ffi.Store.init()
        with self.assertRaises(cc.InvalidArgument) as cm:
            F.ccad_ctx_set_store(self.ctx._ptr, ctypes.byref(s))
        self.assertEqual(cm.exception.code, -1)

    def test_add_columns(self) -> None:
        b = self.make_book()
        first = b.add_columns({"id": ["d4", "e5"], "value": [10, 20], "status": ["active", 2]})
        self.assertEqual(first, 3)
        self.assertEqual((b.get("e5").value, b.get("d4").status), (20, cc.Status.ACTIVE))

    def test_snapshot_round_trip(self) -> None:
        b = self.make_book()
        back = cc.Book.from_snapshot(self.ctx, b.snapshot())
        self.assertEqual([back.get(i) for i in range(len(back))], list(b))

    # -- languages (1.1) ----------------------------------------------------

    def test_languages(self) -> None:
        self.assertEqual(cc.languages(), [cc.Lang.EN, cc.Lang.ZH_HANS, cc.Lang.ZH_HANT])
        self.assertEqual(F.ccad_lang_count(), 3)
        self.assertEqual(cc.name(cc.NameKind.GRADE, 1, cc.Lang.ZH_HANS), "A类")
        self.assertEqual(cc.name(cc.NameKind.GRADE, 1, "en"), cc.name(cc.NameKind.GRADE, 1))
        self.assertEqual(cc.name(cc.NameKind.WHY, int(cc.Why.GAP_ALERT), "zh-Hant"),
                         "GAP_ALERT")  # reason codes keep their English names
        self.assertEqual(cc.name(cc.NameKind.GRADE, 99, "zh-Hans"), "?")
        for bad in ("fr", 3, -1):
            with self.assertRaises(ValueError):
                cc.name(cc.NameKind.GRADE, 1, bad)
        with self.assertRaises(TypeError):
            cc.name(cc.NameKind.GRADE, 1, 1.0)  # type: ignore[arg-type]
        r = cc.Reason(cc.RuleId.GAP, cc.Why.GAP_ALERT, 22, 21, 8)
        self.assertEqual(r.text, "GAP: 22-day gap between contacts, alert at 21 "
                                 "(8 over the maximum)")
        self.assertEqual(r.text_in("zh-Hans"), "间隔：两次联系相隔 22 天，满 21 天告警"
                                               "（比上限多 8 天）")
        self.assertEqual(r.text_in(cc.Lang.EN), r.text)
        self.assertLess(len(r.text_in(2).encode()), F.ccad_reason_text_max())
        # an assessment's reasons in a language: lazily, per call
        b = self.make_book()
        b.grade(self.rules)
        reasons = b.assess("b2", self.rules, D(2026, 10, 20)).reasons
        self.assertTrue(reasons)
        self.assertEqual(reasons.texts(), [x.text for x in reasons])
        zh = reasons.texts("zh-Hans")
        self.assertEqual(zh, [x.text_in(cc.Lang.ZH_HANS) for x in reasons])
        self.assertNotEqual(zh, reasons.texts())
        # the context's language: rules messages
        self.assertEqual(self.ctx.lang, cc.Lang.EN)
        self.ctx.lang = "zh-Hans"
        self.assertIs(self.ctx.lang, cc.Lang.ZH_HANS)
        with self.assertRaises(cc.ParseError) as cm:
            cc.Rules(self.ctx, "gap.max_day = 3\n")
        self.assertIn("没有参数 'gap.max_day'", str(cm.exception))
        self.assertEqual(cm.exception.line, 1)
        with self.assertRaises(ValueError):
            self.ctx.lang = 7
        self.assertIs(self.ctx.lang, cc.Lang.ZH_HANS)
        self.ctx.lang = cc.Lang.EN
        with self.assertRaises(cc.ParseError) as cm:
            cc.Rules(self.ctx, "gap.max_day = 3\n")
        self.assertIn("gap.max_day", str(cm.exception))
        self.assertNotIn("没有", str(cm.exception))
        # the library refuses an unknown language itself
        with self.assertRaises(cc.InvalidArgument):
            F.ccad_ctx_set_lang(self.ctx._ptr, 9)

    # -- teams (1.1) --------------------------------------------------------

    def test_teams(self) -> None:
        d0 = D(2026, 3, 2)
        ann, bob, pool = cc.Book(self.ctx), cc.Book(self.ctx), cc.Book(self.ctx)
        ann.add(id="big", grade="A", value=150_000_000, last_contact=d0 - dt.timedelta(1),
                last_visit=d0 - dt.timedelta(1), contacts=6, has_location=True,
                purchase_date=d0 + dt.timedelta(2))
        ann.add(id="small", grade="C", value=3_000_000, last_contact=d0 - dt.timedelta(10),
                last_visit=d0 - dt.timedelta(10), contacts=6, has_location=True, x=0.5,
                request_date=d0 + dt.timedelta(1))
        ann.add(id="gone", value=5)
        pool.add(id="p1", grade="C", status="released", has_location=True, x=2.0,
                 last_contact=d0 - dt.timedelta(60), contacts=3)
        absent = d0 + dt.timedelta(2)
        team = cc.Team(self.ctx, calendar=lambda rep, d: cc.DayFlag.WORKING | (
            cc.DayFlag.ABSENT if rep == "bob" and d == absent else 0))
        team.add(cc.Rep("bob", base_x=1.0, visits_per_day=3, day_minutes=540), bob)
        team.add("ann", ann, visits_per_day=1, day_minutes=540)
        self.assertEqual((len(team), team.ids(), team.index("bob")), (2, ["ann", "bob"], 1))
        self.assertEqual(team.day_flags("bob", absent), cc.DayFlag.WORKING | cc.DayFlag.ABSENT)
        self.assertEqual(team.owner("small"), ("ann", 1))
        ann.remove("gone")
        store, moves = DictStore(), DictStore()
        moved: List[Any] = []
        moves.remove = lambda cid: moved.append(("remove", cid))  # type: ignore[method-assign]
        moves.set_owner = lambda cid, o: moved.append((cid, o))  # type: ignore[attr-defined]
        self.ctx.set_store(store)
        self.ctx.set_store_moves(moves)
        ann.add(id="x1")
        self.assertEqual(ann.transfer("x1", bob), 0)
        self.assertEqual(bob.store_transfer("x1", ann, "ann"), 2)
        ann.store_remove("x1")
        self.assertEqual(moved, [("x1", "ann"), ("remove", "x1")])
        self.assertEqual(ann.ids(), ["big", "small"])
        for b in (ann, bob, pool):
            b.grade(self.rules)
        ts = team.plan(self.rules, d0, 3, route=True, units_per_minute=1.0)
        t = next(t for t in ts if t.customer_id == "small")
        self.assertEqual((t.owner, t.carrier, t.item.delegated),
                         ("ann", "bob", cc.Delegation.COLLEAGUE))
        self.assertEqual(t.item.reasons[1].why, cc.Why.TEAM_CARRIER)
        self.assertTrue(ts.findings)
        own = ts.rep_schedule("ann")  # big each day, and small still marked delegated
        self.assertEqual(sorted((i.customer_id, i.delegated) for i in own),
                         [("big", cc.Delegation.REP)] * 3 + [("small", cc.Delegation.COLLEAGUE)])
        ts.close()
        tp = team.proposals(self.rules, D(2026, 6, 3), pool=pool, scale=1000.0,
                            units_per_minute=500.0)
        kinds = [p.kind for p in tp]
        self.assertIn(cc.FindingKind.ASSIGN_PROPOSED, kinds)
        p = tp[kinds.index(cc.FindingKind.ASSIGN_PROPOSED)]
        self.assertEqual((p.rep, p.customer_id, p.to_rep), (None, "p1", "bob"))
        self.assertEqual(tp.load("bob").rep, "bob")
        self.assertEqual(tp.balance.assigns, 1)
        tp.close()
        team.close()
        self.ctx.set_store_moves(None)
        for cls in (_ffi.Rep, _ffi.TeamOptions, _ffi.StoreMoves, _ffi.TeamItem,
                    _ffi.TeamFinding, _ffi.TeamProposalOptions, _ffi.TeamProposal,
                    _ffi.TeamLoad, _ffi.TeamBalance):
            self.assertEqual(cls.init().size, ctypes.sizeof(cls))
        self.assertEqual(_ffi.TeamItem.init().item.size, ctypes.sizeof(_ffi.Item))
        self.assertEqual(_ffi.TeamLoad.init().before.period_days, 30)
        self.assertEqual(_ffi.TeamProposalOptions.init().period_days, 30)
        self.assertEqual(_ffi.Rep.init().visits_per_day, 8)

    def test_schedule_replan(self) -> None:
        # (issue 18; the behaviour: tests/test_replan.py)
        b = self.make_book()
        b.grade(self.rules)
        s = b.schedule(self.rules, D(2026, 10, 19), 7)
        self.assertEqual(s.replan(), cc.ReplanCause.KEPT)
        self.assertEqual(s.replan(D(2026, 10, 20)), cc.ReplanCause.OPTIONS)
        b.record("c3", date=D(2026, 10, 20))
        self.assertEqual(s.replan(), cc.ReplanCause.BOOK)
        self.assertEqual(_ffi.ReplanInfo.init().size, ctypes.sizeof(_ffi.ReplanInfo))
        s.close()

    def test_zz_every_function_called(self) -> None:
        missing = [n for n, k in self.counts.items() if k == 0]
        self.assertEqual(missing, [], "functions never called through the binding")


if __name__ == "__main__":
    unittest.main()
