"""Schedule.replan (ccad_schedule_replan, issue 18): over random change
sequences a replanned schedule equals a schedule planned from scratch, row
for row and finding for finding; the cause it returns; a failed replan
leaves the schedule as it was; ids after customers left the book."""
from __future__ import annotations

import datetime as dt
import random
import unittest

import custcadence as cc

TODAY = dt.date(2026, 11, 23)  # a Monday


def customer(rng: random.Random, cid: str) -> cc.Customer:
    last = TODAY - dt.timedelta(days=rng.randint(1, 40))
    return cc.Customer(id=cid, value=rng.choice([0, 300_000, 2_000_000, 20_000_000]),
                       status=rng.choice([cc.Status.PROSPECT, cc.Status.ACTIVE,
                                          cc.Status.KEY]),
                       last_contact=last, last_visit=last, contacts=rng.randint(1, 9),
                       has_location=True, x=rng.uniform(-5000, 5000),
                       y=rng.uniform(-5000, 5000))


class ReplanTest(unittest.TestCase):
    def world(self, seed: int):
        rng = random.Random(seed)
        ctx = cc.Context()
        rules = cc.Rules(ctx)
        book = cc.Book(ctx)
        for i in range(rng.randint(15, 50)):
            book.add(customer(rng, "c%d" % i))
        book.grade(rules)
        return rng, rules, book

    def same(self, s: cc.Schedule, book: cc.Book, rules: cc.Rules, first: dt.date,
             days: int, **options) -> None:
        fresh = cc.Schedule(book, rules, first, days, **options)
        self.assertEqual(s.rows(), fresh.rows())
        self.assertEqual(s.finding_rows(), fresh.finding_rows())

    def test_random_sequences(self) -> None:
        for seed in range(8):
            for route in (False, True):
                rng, rules, book = self.world(seed)
                opts = dict(visits_per_day=3, route=route, metric=cc.Metric.PLANAR,
                            units_per_minute=250.0, day_minutes=540, effort=3)
                first, days, n = TODAY, 10, 1000
                s = cc.Schedule(book, rules, first, days, **opts)
                for _ in range(8):
                    k = rng.randrange(5)
                    ids = book.ids()
                    if k == 0:
                        book.record(rng.choice(ids), date=first)
                        want = cc.ReplanCause.BOOK
                    elif k == 1:
                        book.add(customer(rng, "n%d" % n))
                        n += 1
                        want = cc.ReplanCause.BOOK
                    elif k == 2 and len(ids) > 2:
                        book.remove(rng.choice(ids))
                        want = cc.ReplanCause.BOOK
                    elif k == 3:
                        first += dt.timedelta(days=rng.randint(1, 3))
                        want = cc.ReplanCause.OPTIONS
                    else:
                        want = cc.ReplanCause.KEPT
                    if want == cc.ReplanCause.BOOK:
                        book.grade(rules)
                    got = s.replan(first) if k == 3 else s.replan()
                    self.assertEqual(got, want)
                    self.assertIsInstance(got, cc.ReplanCause)
                    self.same(s, book, rules, first, days, **opts)

    def test_incremental_path(self) -> None:
        # a contact recorded: only the book's records changed. The first
        # replan plans from scratch and keeps a trace; the next one reuses
        # the unchanged customers' work and says how many changed
        _rng, rules, book = self.world(5)
        s = cc.Schedule(book, rules, TODAY, 7, visits_per_day=2)
        self.assertIsNone(s.replan_changed)
        book.record(book.ids()[1], date=TODAY)
        self.assertEqual(s.replan(), cc.ReplanCause.BOOK)
        self.assertIsNone(s.replan_changed)
        book.record(book.ids()[0], date=TODAY)
        self.assertEqual(s.replan(), cc.ReplanCause.BOOK)
        self.assertEqual(s.replan_changed, 1)
        self.same(s, book, rules, TODAY, 7, visits_per_day=2)
        self.assertEqual(s.replan(), cc.ReplanCause.KEPT)
        self.assertIsNone(s.replan_changed)
        s.replan(TODAY + dt.timedelta(days=1))  # a new today: from scratch
        self.assertIsNone(s.replan_changed)

    def test_options_and_rules(self) -> None:
        _rng, rules, book = self.world(3)
        s = cc.Schedule(book, rules, TODAY, 7, visits_per_day=2)
        self.assertEqual(s.replan(visits_per_day=4), cc.ReplanCause.OPTIONS)
        self.same(s, book, rules, TODAY, 7, visits_per_day=4)
        self.assertEqual(s.replan(days=14), cc.ReplanCause.OPTIONS)
        self.same(s, book, rules, TODAY, 14, visits_per_day=4)
        rules["capacity.q4_rollover_days"] = 1
        self.assertEqual(s.replan(), cc.ReplanCause.RULES)
        self.same(s, book, rules, TODAY, 14, visits_per_day=4)

    def test_failure_leaves_it(self) -> None:
        _rng, rules, book = self.world(5)
        s = cc.Schedule(book, rules, TODAY, 7)
        before = (s.rows(), s.finding_rows())
        book.update(book.ids()[0], value=77_000_000)  # grading is stale now
        with self.assertRaises(cc.StaleGrades):
            s.replan()
        self.assertEqual((s.rows(), s.finding_rows()), before)
        book.grade(rules)
        self.assertEqual(s.replan(), cc.ReplanCause.BOOK)
        self.same(s, book, rules, TODAY, 7)

    def test_ids_after_removal(self) -> None:
        _rng, rules, book = self.world(7)
        s = cc.Schedule(book, rules, TODAY, 7)
        gone = s[0].customer_id
        book.remove(gone)
        self.assertEqual(s[0].customer_id, gone)  # the old plan still names it
        book.grade(rules)
        s.replan()
        self.assertNotIn(gone, {it.customer_id for it in s})
        self.assertEqual([it.customer_id for it in s],
                         [it.customer_id for it in cc.Schedule(book, rules, TODAY, 7)])


if __name__ == "__main__":
    unittest.main()
