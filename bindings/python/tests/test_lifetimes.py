"""Lifetimes: with-blocks, finalizers, owners kept alive, no leak."""
from __future__ import annotations

import datetime as dt
import gc
import unittest
import weakref

import custcadence as cc


def rss_kb() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class LifetimeTest(unittest.TestCase):
    def test_no_leak_100k_handles(self) -> None:
        ctx = cc.Context()
        base = cc.Rules(ctx)

        def churn(n: int) -> None:
            for i in range(n):
                r = cc.Rules(ctx)
                if i % 2 == 0:
                    r["gap.max_days"] = 10
                b = cc.Book(ctx, 4)
                b.add(id="c%d" % i, value=i)
                b.grade(base)
                del r, b
                if i % 10000 == 0:
                    c2 = cc.Context()
                    c2.rules()
                    del c2
        churn(10_000)
        gc.collect()
        before = rss_kb()
        churn(100_000)
        gc.collect()
        after = rss_kb()
        self.assertLess(after - before, 4096, "RSS grew by %d kB" % (after - before))
        self.assertLessEqual(len(ctx._children), 2)
        ctx.close()

    def test_owner_kept_alive(self) -> None:
        ctx = cc.Context()
        ref = weakref.ref(ctx)
        book = cc.Book(ctx)
        rules = cc.Rules(ctx)
        del ctx
        gc.collect()
        self.assertIsNotNone(ref(), "the book keeps its context")
        book.add(id="x", grade="A")
        book.grade(rules)
        sched = book.schedule(rules, dt.date(2026, 10, 19))
        bref = weakref.ref(book)
        del book
        gc.collect()
        self.assertIsNotNone(bref(), "the schedule keeps its book")
        self.assertGreaterEqual(len(sched), 1)
        self.assertEqual(sched[0].customer_id, "x")
        del sched, rules
        gc.collect()
        self.assertIsNone(bref())
        self.assertIsNone(ref())

    def test_close_cascades(self) -> None:
        with cc.Context() as ctx:
            rules = ctx.rules()
            book = ctx.book([cc.Customer(id="a"), {"id": "b", "value": 3}])
            book.grade(rules)
            sched = book.schedule(rules, dt.date(2026, 10, 19))
            with cc.Rules(ctx) as tmp:
                self.assertFalse(tmp.closed)
            self.assertTrue(tmp.closed)
        for h in (ctx, rules, book, sched):
            self.assertTrue(h.closed)
        with self.assertRaises(ValueError):
            len(book)
        with self.assertRaises(ValueError):
            rules["gap.max_days"]
        book.close()  # idempotent
        self.assertEqual(repr(book), "<Book closed>")

    def test_callbacks_kept_alive(self) -> None:
        ctx = cc.Context(clock=lambda: dt.datetime(2026, 1, 2, 3, 4),
                         calendar=lambda d: cc.DayFlag.WORKING)
        gc.collect()
        self.assertEqual(ctx.today(), dt.date(2026, 1, 2))
        self.assertEqual(ctx.day_flags(dt.date(2026, 1, 3)), cc.DayFlag.WORKING)
        ctx.close()


if __name__ == "__main__":
    unittest.main()
