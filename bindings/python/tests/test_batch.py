"""Batch assessment: 100k customers in one C call, equal to per-customer results."""
from __future__ import annotations

import datetime as dt
import random
import unittest
from typing import Any, Dict

import custcadence as cc
from custcadence._ffi import F

N = 100_000


class BatchTest(unittest.TestCase):
    def test_assess_all_one_call(self) -> None:
        rnd = random.Random(42)
        day = dt.date(2026, 10, 20)
        with cc.Context() as ctx:
            rules = cc.Rules(ctx)
            book = cc.Book(ctx, N)
            statuses = ["prospect", "active", "key"]
            for i in range(N):
                book.add(id="c%06d" % i, value=rnd.randint(0, 10**7),
                         status=statuses[i % 3],
                         purchase_date=day + dt.timedelta(days=rnd.randint(-20, 40))
                         if i % 5 == 0 else None,
                         last_contact=day - dt.timedelta(days=rnd.randint(0, 90))
                         if i % 7 else None, contacts=3 if i % 7 else 0)
            book.grade(rules)
            calls: Dict[str, int] = {"range": 0, "one": 0}
            orig: Dict[str, Any] = {"range": F.ccad_book_assess_range,
                                    "one": F.ccad_book_assess}

            def count(key: str) -> Any:
                def w(*a: Any) -> Any:
                    calls[key] += 1
                    return orig[key](*a)
                w.__name__ = orig[key].__name__
                return w
            F.ccad_book_assess_range = count("range")
            F.ccad_book_assess = count("one")
            try:
                briefs = book.assess_all(rules, day)
            finally:
                F.ccad_book_assess_range = orig["range"]
                F.ccad_book_assess = orig["one"]
            self.assertEqual(calls, {"range": 1, "one": 0})
            self.assertEqual(len(briefs), N)
            cols = briefs.columns()
            self.assertEqual(len(cols["flags"]), N)
            due = briefs.indices(cc.Flag.DUE)
            due_set = set(due)
            self.assertTrue(0 < len(due) < N)
            for i in rnd.sample(range(N), 300):
                a = book.assess(i, rules, day)
                b = briefs[i]
                self.assertEqual((b.due_date, b.days_overdue, int(b.flags), b.grade, b.urgency,
                                  b.quadrant, b.escalation),
                                 (a.due_date, a.days_overdue, int(a.flags), a.grade, a.urgency,
                                  a.quadrant, a.escalation), i)
                self.assertEqual(cols["flags"][i], int(a.flags))
                self.assertEqual(cols["due_date"][i], cc.to_day(a.due_date))
                self.assertEqual(i in due_set, a.due)


if __name__ == "__main__":
    unittest.main()
