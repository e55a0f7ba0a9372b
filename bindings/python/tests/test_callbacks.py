"""Exceptions raised in Python callbacks reach the caller as themselves, with
the library's CallbackError chained as their cause; nothing crashes."""
from __future__ import annotations

import datetime as dt
import unittest

import custcadence as cc

from .test_api import DictStore

D = dt.date


class Boom(Exception):
    pass


class Failing(DictStore):
    def __init__(self, method: str, how: str = "raise") -> None:
        super().__init__()
        self.method, self.how = method, how

    def _maybe(self, name: str) -> object:
        if name == self.method:
            if self.how == "raise":
                raise Boom(name)
            return False
        return None

    def begin(self) -> None:
        if self._maybe("begin") is False:
            return False  # type: ignore[return-value]
        super().begin()

    def commit(self) -> None:
        if self._maybe("commit") is False:
            return False  # type: ignore[return-value]
        super().commit()

    def rollback(self) -> None:
        self.log.append("rollback")
        if self._maybe("rollback") is False:
            return False  # type: ignore[return-value]

    def load(self, cid: str):  # type: ignore[no-untyped-def]
        if self._maybe("load") is False:
            return False
        return super().load(cid)

    def save(self, c: cc.Customer) -> None:
        if self._maybe("save") is False:
            return False  # type: ignore[return-value]
        super().save(c)

    def append_contact(self, cid: str, contact: cc.Contact) -> None:
        if self._maybe("append_contact") is False:
            return False  # type: ignore[return-value]
        super().append_contact(cid, contact)

    def iterate(self):  # type: ignore[no-untyped-def]
        yield cc.Customer(id="s1")
        self._maybe("iterate")
        yield cc.Customer(id="s2")


class CallbackTest(unittest.TestCase):
    def assertChained(self, cm: unittest.case._AssertRaisesContext) -> None:  # type: ignore[type-arg]
        cause = cm.exception.__cause__
        self.assertIsInstance(cause, cc.CallbackError)
        self.assertEqual(cause.code, -10)
        self.assertIn("callback", cause.message)

    def test_clock_raises(self) -> None:
        def clock() -> dt.datetime:
            raise Boom("clock")
        with cc.Context(clock=clock) as ctx:
            with self.assertRaises(Boom) as cm:
                ctx.today()
            self.assertChained(cm)
            self.assertIn("clock", str(cm.exception.__cause__))
            # the context still works, and the exception is not raised twice
            with self.assertRaises(Boom):
                ctx.today()
            b = cc.Book(ctx)
            b.add(id="x")
            r = cc.Rules(ctx)
            b.grade(r)
            with self.assertRaises(Boom):
                b.assess("x", r)  # day=None asks the clock
            self.assertEqual(b.assess("x", r, D(2026, 1, 5)).today, D(2026, 1, 5))

    def test_clock_bad_return(self) -> None:
        with cc.Context(clock=lambda: "noon") as ctx:
            with self.assertRaises(TypeError) as cm:
                ctx.today()
            self.assertChained(cm)

    def test_calendar_raises(self) -> None:
        def cal(d: dt.date) -> int:
            if d.day == 21:
                raise KeyError(d)
            return cc.DayFlag.WORKING
        with cc.Context(calendar=cal) as ctx:
            self.assertEqual(ctx.day_flags(D(2026, 10, 20)), cc.DayFlag.WORKING)
            with self.assertRaises(KeyError) as cm:
                ctx.day_flags(D(2026, 10, 21))
            self.assertChained(cm)
            r = cc.Rules(ctx)
            b = cc.Book(ctx)
            b.add(id="x", grade="A")
            b.grade(r)
            with self.assertRaises(KeyError) as cm2:
                b.schedule(r, D(2026, 10, 19), 7)
            self.assertChained(cm2)
            self.assertEqual(len(b.schedule(r, D(2026, 10, 1), 7)) >= 0, True)

    def test_travel_raises(self) -> None:
        calls = []

        def travel(fx: float, fy: float, tx: float, ty: float) -> int:
            calls.append(1)
            if len(calls) > 3:
                raise ZeroDivisionError("no road")
            return 5
        pts = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]
        with cc.Context(travel=travel) as ctx:
            with self.assertRaises(ZeroDivisionError) as cm:
                ctx.route(pts, metric=cc.Metric.HOST)
            self.assertChained(cm)
            with self.assertRaises(cc.CallbackError):
                cc.Context(travel=lambda *a: -1).route(pts, metric=cc.Metric.HOST)

    def test_store_raises(self) -> None:
        for method in ("begin", "append_contact", "save", "commit"):
            for how in ("raise", "false"):
                with self.subTest(method=method, how=how), cc.Context() as ctx:
                    store = Failing(method, how)
                    ctx.set_store(store)
                    b = cc.Book(ctx)
                    b.add(id="a")
                    before = b.get("a")
                    if how == "raise":
                        with self.assertRaises(Boom) as cm:
                            b.store_record("a", date=D(2026, 10, 1))
                        self.assertChained(cm)
                    else:
                        with self.assertRaises(cc.CallbackError) as cm2:
                            b.store_record("a", date=D(2026, 10, 1))
                        self.assertIn(method, cm2.exception.message)
                    self.assertEqual(b.get("a"), before)  # book unchanged
                    if method != "begin":
                        self.assertEqual(store.log[-1], "rollback")

    def test_store_load_and_iterate_raise(self) -> None:
        with cc.Context(store=Failing("iterate")) as ctx:
            with self.assertRaises(Boom) as cm:
                cc.Book.from_store(ctx)
            self.assertChained(cm)
        with cc.Context(store=Failing("load")) as ctx:
            b = cc.Book(ctx)
            with self.assertRaises(Boom) as cm2:
                b.store_load_customer("a")
            self.assertChained(cm2)
            self.assertEqual(len(b), 0)

    def test_store_rollback_also_fails(self) -> None:
        class Both(Failing):
            def rollback(self) -> None:
                raise RuntimeError("rollback too")
        with cc.Context(store=Both("save")) as ctx:
            b = cc.Book(ctx)
            b.add(id="a")
            with self.assertRaises(Boom) as cm:
                b.store_save()
            self.assertChained(cm)
            self.assertIn("rollback", cm.exception.__cause__.message)
            self.assertTrue(any("rollback too" in n for n in cm.exception.__notes__))

    def test_store_invalid_customer(self) -> None:
        store = DictStore()
        store.customers["bad"] = cc.Customer(id="bad", value=-5)
        with cc.Context(store=store) as ctx:
            with self.assertRaises(cc.RangeError):
                cc.Book.from_store(ctx)
            self.assertEqual(store.log[-1], "rollback")

    def test_store_wrong_type(self) -> None:
        store = DictStore()
        store.customers["odd"] = "not a customer"  # type: ignore[assignment]
        with cc.Context(store=store) as ctx:
            with self.assertRaises(AttributeError) as cm:
                cc.Book.from_store(ctx)
            self.assertChained(cm)


if __name__ == "__main__":
    unittest.main()
