"""Misuse that must raise, never crash or truncate (issue 17, "Reliability 2").

* Integers are range-checked against their C type before ctypes sees them
  (ctypes would silently keep the low bits), strings with NUL are refused.
* Callback results out of their C range make the callback fail: the call
  raises the Python exception with the library's CallbackError as cause.
* Closing or replacing a handle inside a callback raises BusyError instead
  of freeing memory the C code is still using.
* One Book shared by 8 threads does not crash (one lock per Context).

Everything that could crash the interpreter runs in a subprocess, so that a
segfault is a test failure and not a dead test runner.
"""
from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
import unittest
from typing import List

import custcadence as cc

from ._util import BINDING

D = dt.date

PRELUDE = """\
import datetime as dt, sys, threading
import custcadence as cc
D = dt.date
"""


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(BINDING) + os.pathsep + env.get("PYTHONPATH", "")
    env["CUSTCADENCE_LIB"] = cc.LIBRARY_PATH
    return env


def _start(body: str, world: str = "") -> "subprocess.Popen[str]":
    code = PRELUDE + world + textwrap.dedent(body)
    return subprocess.Popen([sys.executable, "-c", code], env=_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _verdict(p: "subprocess.Popen[str]", timeout: float = 60) -> str:
    """'' when the child printed OK and exited 0, else what went wrong."""
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
        return "timed out\n" + err[-2000:]
    if p.returncode == 0 and out.strip().endswith("OK"):
        return ""
    how = ("killed by %s" % signal.Signals(-p.returncode).name if p.returncode < 0
           else "exit status %d" % p.returncode)
    return "%s\nstdout: %s\nstderr: %s" % (how, out[-1000:], err[-2000:])


class SubprocessCase(unittest.TestCase):
    def run_child(self, body: str, world: str = "") -> None:
        problem = _verdict(_start(body, world))
        if problem:
            self.fail(problem)


# ---------------------------------------------------------------------------
# Re-entry: closing or replacing a handle inside a callback.

REENTRY_WORLD = """\
ctx = book = rules = None
def world(**host):
    global ctx, book, rules
    ctx = cc.Context(**host)
    rules = cc.Rules(ctx)
    book = cc.Book(ctx)
    for i in range(20):
        book.add(id="c%d" % i, value=1000 * i, status="active", grade="A")
        book.record("c%d" % i, date=D(2026, 9, 1))
    book.grade(rules)

def calendar_world(misuse):
    def cal(day):
        misuse()
        return cc.DayFlag.WORKING
    world(calendar=cal)

class Store:
    def __init__(self, misuse=lambda: None): self.misuse = misuse
    def begin(self): pass
    def commit(self): pass
    def rollback(self): pass
    def load(self, cid): return None
    def save(self, c): self.misuse()
    def append_contact(self, cid, c): self.misuse()
    def iterate(self): return []

def expect_busy(fn, handles):
    try:
        fn()
    except cc.BusyError as e:
        assert isinstance(e.__cause__, cc.CallbackError), repr(e.__cause__)
        assert e.__cause__.code == -10
    else:
        raise AssertionError("no BusyError")
    for h in handles:
        assert not h.closed, h

def expect_busy_planning():
    expect_busy(lambda: book.schedule(rules, D(2026, 10, 19), 7), [ctx, book, rules])

def expect_busy_storing():
    expect_busy(lambda: book.store_save(), [ctx, book])
    expect_busy(lambda: book.store_record("c1", date=D(2026, 9, 2)), [ctx, book])
    assert book.get("c1").contacts == 1
"""


class ReentryTest(SubprocessCase):
    def test_ctx_close_in_calendar(self) -> None:
        self.run_child(world=REENTRY_WORLD, body="""
            calendar_world(lambda: ctx.close())
            expect_busy_planning()
            # still usable afterwards, and closable outside the callback
            assert book.assess("c1", rules, D(2026, 10, 1)).due_date is not None
            ctx.close()
            assert book.closed and rules.closed
            print("OK")
        """)

    def test_book_close_in_calendar(self) -> None:
        self.run_child(world=REENTRY_WORLD, body="""
            calendar_world(lambda: book.close())
            expect_busy_planning()
            assert len(book) == 20
            book.close()
            assert book.closed
            print("OK")
        """)

    def test_rules_close_in_calendar(self) -> None:
        self.run_child(world=REENTRY_WORLD, body="""
            calendar_world(lambda: rules.close())
            expect_busy_planning()
            print("OK")
        """)

    def test_book_close_in_store_callback(self) -> None:
        self.run_child(world=REENTRY_WORLD, body="""
            world(store=Store(lambda: book.close()))
            expect_busy_storing()
            print("OK")
        """)

    def test_set_store_none_in_store_callback(self) -> None:
        self.run_child(world=REENTRY_WORLD, body="""
            world(store=Store(lambda: ctx.set_store(None)))
            expect_busy_storing()
            ctx.set_store(Store(lambda: ctx.set_store(Store())))
            expect_busy_storing()
            ctx.set_store(None)  # outside a callback: fine
            print("OK")
        """)

    def test_ctx_close_in_clock(self) -> None:
        self.run_child("""
            def clock():
                ctx.close()
                return dt.datetime(2026, 1, 2)
            ctx = cc.Context(clock=clock)
            try:
                ctx.today()
            except cc.BusyError as e:
                assert isinstance(e.__cause__, cc.CallbackError)
            else:
                raise AssertionError("no BusyError")
            assert not ctx.closed
            print("OK")
        """)

    def test_busy_is_a_cadence_error(self) -> None:
        self.assertTrue(issubclass(cc.BusyError, cc.CadenceError))
        self.assertIs(cc.error_class(-14), cc.BusyError)
        self.assertEqual(cc.BusyError.code, -14)


# ---------------------------------------------------------------------------
# Threads.

THREADS = """\
ctx = cc.Context()
rules = cc.Rules(ctx)
book = cc.Book(ctx)
N = 1000
errors = []
def work(t):
    try:
        for i in range(N):
            cid = "t%d-%d" % (t, i)
            book.add(id=cid, value=100 * i, status="active")
            if i % 4 == t % 4:
                book.grade(rules)
                try:  # another thread may add between this grade and the assessment
                    book.assess_all(rules, D(2026, 10, 1))
                    book.assess(cid, rules, D(2026, 10, 1))
                except cc.StaleGrades:
                    pass
    except BaseException as e:
        errors.append(e)
ts = [threading.Thread(target=work, args=(t,)) for t in range(8)]
for t in ts: t.start()
for t in ts: t.join()
assert not errors, errors
assert len(book) == 8 * N, len(book)
assert sorted(book.ids()) == sorted("t%d-%d" % (t, i) for t in range(8) for i in range(N))
print("OK")
"""


class ThreadTest(unittest.TestCase):
    def test_one_reentrant_lock_per_context(self) -> None:
        with cc.Context() as ctx:
            book, rules = cc.Book(ctx), cc.Rules(ctx)
            book.grade(rules)
            sched = book.schedule(rules, D(2026, 10, 19))
            for h in (book, rules, sched):
                self.assertIs(h._lock, ctx.lock)
            with ctx.lock:  # reentrant: the handle's methods take it again
                book.add(id="x")
                book.grade(rules)
                self.assertEqual(len(book), 1)
            self.assertIsNot(cc.Context().lock, ctx.lock)

    def test_book_shared_by_8_threads_6_runs(self) -> None:
        procs = [_start(THREADS) for _ in range(6)]
        problems: List[str] = [v for v in (_verdict(p, 120) for p in procs) if v]
        self.assertEqual(problems, [], "%d of 6 runs failed" % len(problems))


# ---------------------------------------------------------------------------
# Truncation: every value that does not fit its C type raises.


class TruncationTest(unittest.TestCase):
    def setUp(self) -> None:
        self.ctx = cc.Context()
        self.rules = cc.Rules(self.ctx)
        self.book = cc.Book(self.ctx)
        self.book.add(id="c0", value=10, status="active")
        self.book.grade(self.rules)

    def tearDown(self) -> None:
        self.ctx.close()

    def assertNames(self, cm: object, *words: str) -> None:
        text = str(cm.exception)  # type: ignore[attr-defined]
        for w in words:
            self.assertIn(w, text)

    def test_id_with_nul(self) -> None:
        with self.assertRaises(ValueError) as cm:
            self.book.add(id="a\x00b")
        self.assertNames(cm, "id")
        self.assertEqual(self.book.ids(), ["c0"])
        with self.assertRaises(ValueError):
            self.book.index("c0\x00junk")
        self.assertNotIn("c0\x00junk", self.book)

    def test_rules_name_with_nul(self) -> None:
        with self.assertRaises(ValueError):
            self.rules["gap.max_days\x00x"] = 3
        with self.assertRaises(ValueError):
            self.rules["gap.max_days\x00x"]
        with self.assertRaises(ValueError):
            self.rules["grade.method"] = "threshold\x00junk"

    def test_value_2_64(self) -> None:
        with self.assertRaises(OverflowError) as cm:
            self.book.add(id="big", value=2**64 + 5)
        self.assertNames(cm, "value")
        self.assertNotIn("big", self.book)
        with self.assertRaises(OverflowError):
            self.book.update("c0", value=2**63)
        self.assertEqual(self.book.get("c0").value, 10)

    def test_customer_fields(self) -> None:
        for field, bad in (("margin_bp", 2**31), ("visit_days", 2**32 + 1),
                           ("contacts", -1), ("status", 2**32 + 2), ("capable", 2**32),
                           ("purchase_date", 2**32 + 20000), ("visit_close_min", -2**31 - 1),
                           ("service_counts", (0, 0, 2**32, 0))):
            with self.subTest(field=field):
                with self.assertRaises(OverflowError) as cm:
                    self.book.add(id="x", **{field: bad})
                self.assertNames(cm, field)
        self.assertEqual(len(self.book), 1)

    def test_record_date_2_32(self) -> None:
        with self.assertRaises(OverflowError) as cm:
            self.book.record("c0", date=2**32 + 20000)
        self.assertNames(cm, "date")
        with self.assertRaises(OverflowError) as cm:
            self.book.record("c0", date=D(2026, 9, 1), next_date=-2**31 - 5)
        self.assertNames(cm, "next_date")
        with self.assertRaises(OverflowError):
            self.book.record("c0", date=D(2026, 9, 1), kind=2**32 + 1)
        self.assertEqual(self.book.get("c0").contacts, 0)

    def test_get_2_64(self) -> None:
        with self.assertRaises(OverflowError) as cm:
            self.book.get(2**64)
        self.assertNames(cm, "index")
        with self.assertRaises(OverflowError):
            self.book.id(2**64)
        with self.assertRaises(cc.NotFound):
            self.book.get(-5)
        self.assertEqual(self.book.get(-1).id, "c0")

    def test_rules_value_2_64(self) -> None:
        before = self.rules["gap.max_days"]
        with self.assertRaises(OverflowError) as cm:
            self.rules["gap.max_days"] = 2**64 + 10
        self.assertNames(cm, "gap.max_days")
        self.assertEqual(self.rules["gap.max_days"], before)

    def test_day_arguments(self) -> None:
        with self.assertRaises(OverflowError):
            self.book.assess("c0", self.rules, 2**32 + 20000)
        with self.assertRaises(OverflowError):
            self.ctx.day_flags(2**32 + 3)
        with self.assertRaises(OverflowError):
            cc.date_format(2**32 + 1)
        with self.assertRaises(OverflowError):
            cc.date_from_ymd(2**32 + 2026, 1, 1)
        with self.assertRaises(OverflowError):
            self.book.assess_all(self.rules, D(2026, 10, 1), first=2**64)

    def test_plan_days_and_visits(self) -> None:
        for kw in ({"days": 2**32 + 7}, {"visits_per_day": 2**32 + 8}, {"effort": 2**32 + 20},
                   {"seed": 2**64 + 1}, {"day_minutes": -2**31 - 1}):
            with self.subTest(**kw):
                with self.assertRaises(OverflowError) as cm:
                    self.book.schedule(self.rules, D(2026, 10, 19), **kw)
                self.assertNames(cm, next(iter(kw)))

    def test_route_effort(self) -> None:
        pts = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0)]
        with self.assertRaises(OverflowError) as cm:
            cc.route(pts, effort=2**32 + 20)
        self.assertNames(cm, "effort")
        with self.assertRaises(OverflowError):
            cc.route(pts, seed=-1)
        with self.assertRaises(OverflowError) as cm:
            cc.route_tw(pts, start=2**32 + 480)
        self.assertNames(cm, "start")

    def test_workload_fields(self) -> None:
        with self.assertRaises(OverflowError) as cm:
            self.book.workload(self.rules, D(2026, 10, 1), period_days=2**32 + 30)
        self.assertNames(cm, "period_days")


class CallbackResultTest(unittest.TestCase):
    def assertCallbackFailed(self, cm: object) -> None:
        cause = cm.exception.__cause__  # type: ignore[attr-defined]
        self.assertIsInstance(cause, cc.CallbackError)

    def test_clock_2_70(self) -> None:
        with cc.Context(clock=lambda: 2**70) as ctx:
            with self.assertRaises(OverflowError) as cm:
                ctx.today()
            self.assertCallbackFailed(cm)
            self.assertIn("clock", str(cm.exception))

    def test_calendar_out_of_range(self) -> None:
        for bad in (2**32 + 1, -1):
            with cc.Context(calendar=lambda d: bad) as ctx:
                with self.assertRaises(OverflowError) as cm:
                    ctx.day_flags(D(2026, 10, 19))
                self.assertCallbackFailed(cm)
                self.assertIn("calendar", str(cm.exception))

    def test_travel_2_32(self) -> None:
        pts = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0)]
        with cc.Context(travel=lambda fx, fy, tx, ty: 2**32 + 5) as ctx:
            with self.assertRaises(OverflowError) as cm:
                ctx.route(pts, metric=cc.Metric.HOST)
            self.assertCallbackFailed(cm)
            self.assertIn("travel", str(cm.exception))

    def test_store_load_out_of_range(self) -> None:
        class Store:
            def begin(self) -> None: pass
            def commit(self) -> None: pass
            def rollback(self) -> None: pass
            def load(self, cid: str) -> cc.Customer:
                return cc.Customer(id=cid, value=2**64 + 5)
            def save(self, c: cc.Customer) -> None: pass
            def append_contact(self, cid: str, c: cc.Contact) -> None: pass
            def iterate(self) -> List[cc.Customer]:
                return [cc.Customer(id="s", last_gap_days=2**40)]
        with cc.Context(store=Store()) as ctx:
            book = cc.Book(ctx)
            with self.assertRaises(OverflowError) as cm:
                book.store_load_customer("s")
            self.assertCallbackFailed(cm)
            with self.assertRaises(OverflowError) as cm:
                cc.Book.from_store(ctx)
            self.assertCallbackFailed(cm)
            self.assertEqual(len(book), 0)


class NotesTest(unittest.TestCase):
    def test_second_exception_noted_without_add_note(self) -> None:
        from custcadence._ffi import CallbackState
        st = CallbackState()
        first, second = KeyError("a"), ValueError("b")
        st.park(first)
        st.park(second)  # 3.9/3.10: no add_note, must not raise AttributeError
        self.assertIs(st.take(), first)
        self.assertTrue(any("ValueError" in n for n in getattr(first, "__notes__", [])))


if __name__ == "__main__":
    unittest.main()
