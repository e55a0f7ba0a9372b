"""What a visit holds (1.1): the contact's purposes, close asked, owner
present, activity, record parts and entry day through the binding, the
summary they feed, and the rules that read it."""
from __future__ import annotations

import datetime as dt
import pickle
import random
import unittest

import custcadence as cc

D = dt.date


class VisitFieldsTest(unittest.TestCase):
    def setUp(self) -> None:
        self.ctx = cc.Context()
        self.rules = cc.Rules(self.ctx)
        self.book = cc.Book(self.ctx)

    def tearDown(self) -> None:
        self.book.close()
        self.ctx.close()

    def test_contact_defaults_are_the_c_initialiser(self) -> None:
        c = cc.Contact(date=D(2026, 11, 2))
        self.assertEqual(c.purposes, 0)
        self.assertFalse(c.close_asked)
        self.assertFalse(c.owner_present)
        self.assertEqual(c.activity, cc.Activity.NONE)
        self.assertEqual(c.record_parts, cc.RecordPart.ALL)
        self.assertIsNone(c.entered)
        s = cc.model.contact_to_struct(c)
        back = cc.model.contact_from_struct(s)
        self.assertEqual(back, c)

    def test_late_and_incomplete_record(self) -> None:
        i = self.book.add(id="r", grade="B", last_contact=D(2026, 10, 26), contacts=6,
                          next_step_date=D(2026, 12, 31))
        self.book.grade(self.rules)
        self.book.record(i, date=D(2026, 10, 30), next_date=D(2026, 11, 6),
                         record_parts=cc.RecordPart.PURPOSE | cc.RecordPart.SAID,
                         entered=D(2026, 11, 1))
        c = self.book.get(i)
        self.assertEqual(c.last_entered, D(2026, 11, 1))
        self.assertEqual(c.last_parts, cc.RecordPart.PURPOSE | cc.RecordPart.SAID)
        a = self.book.assess(i, self.rules, D(2026, 11, 2))
        self.assertTrue(a.flags & cc.Flag.RECORD_LATE)  # type: ignore[attr-defined]
        self.assertTrue(a.flags & cc.Flag.RECORD_INCOMPLETE)  # type: ignore[attr-defined]
        whys = {r.why: r for r in a.reasons}
        late = whys[cc.Why.RECORD_LATE]  # type: ignore[attr-defined]
        self.assertEqual((late.b, late.c), (cc.to_day(D(2026, 11, 1)), 2))
        lack = whys[cc.Why.RECORD_INCOMPLETE]  # type: ignore[attr-defined]
        self.assertEqual((lack.a, lack.b), (3, 28))
        self.assertIn("lacks 3 parts", lack.text)

    def test_repeated_visits_stall(self) -> None:
        i = self.book.add(id="m", grade="B", last_contact=D(2026, 10, 12), contacts=6,
                          next_step_date=D(2026, 12, 31))
        self.book.grade(self.rules)
        for day in (19, 26):
            self.book.record(i, date=D(2026, 10, day), outcome="no_progress",
                             purposes=cc.Purpose.PRODUCT, next_date=D(2026, 12, 31))
        self.book.record(i, date=D(2026, 11, 1), outcome="no_progress", close_asked=True,
                         purposes=cc.Purpose.PRODUCT, next_date=D(2026, 12, 31))
        c = self.book.get(i)
        self.assertEqual((c.no_progress, c.aimless, c.closes_asked), (3, 2, 1))
        a = self.book.assess(i, self.rules, D(2026, 11, 2))
        r = [r for r in a.reasons if r.why == cc.Why.STALL_REPEATED]  # type: ignore[attr-defined]
        self.assertEqual([(r[0].a, r[0].b, r[0].c)], [(3, 2, 1)])

    def test_bad_fields_refused_and_nothing_changes(self) -> None:
        i = self.book.add(id="x")
        before = self.book.get(i)
        bad = [dict(purposes=cc.Purpose.NONE | cc.Purpose.ORDER), dict(purposes=1 << 7),
               dict(activity=3), dict(record_parts=1 << 5)]
        for kw in bad:
            with self.assertRaises(cc.InvalidArgument):
                self.book.record(i, date=D(2026, 6, 1), **kw)
        with self.assertRaises(cc.RangeError):
            self.book.record(i, date=D(2026, 6, 1), entered=D(2026, 5, 31))
        self.assertEqual(self.book.get(i), before)

    def test_summary_round_trips_and_pickles(self) -> None:
        rnd = random.Random(11)
        i = self.book.add(id="p", grade="B")
        day = D(2026, 3, 2)
        for _ in range(40):
            day += dt.timedelta(days=rnd.randint(0, 9))
            self.book.record(i, date=day, outcome=rnd.choice(["progress", "no_progress"]),
                             purposes=rnd.choice([0, cc.Purpose.NONE, cc.Purpose.ORDER,
                                                  cc.Purpose.PRODUCT | cc.Purpose.PAYMENT]),
                             close_asked=rnd.random() < 0.3, owner_present=rnd.random() < 0.5,
                             activity=rnd.choice(list(cc.Activity)),
                             record_parts=rnd.randint(0, 31),
                             entered=rnd.choice([None, day, day + dt.timedelta(days=2)]))
        c = self.book.get(i)
        self.assertIsNotNone(c.prospect_run)
        self.assertEqual(len(c.owner_sales), 3)
        other = cc.Book(self.ctx)
        try:
            other.add(c)
            self.assertEqual(other.get(0), c)
        finally:
            other.close()
        again = pickle.loads(pickle.dumps(self.book))
        try:
            self.assertEqual(again.get(0), c)
        finally:
            again.close()

    def test_columns_take_the_1_0_members(self) -> None:
        n = self.book.add_columns({"id": ["a", "b"], "value": [1, 2]})
        self.assertEqual(n, 0)
        self.assertIsNone(self.book.get("a").prospect_run)
        with self.assertRaises(TypeError):
            self.book.add_columns({"id": ["c"], "owner_sales": [(None, None, None)]})


if __name__ == "__main__":
    unittest.main()
