"""Pickling (docs/python.md, "Pickling and snapshots"): Rules as text, Book
as a snapshot, results as plain values; damaged snapshots refused."""
from __future__ import annotations

import datetime as dt
import pickle
import subprocess
import sys
import unittest

import custcadence as cc

from ._util import BINDING, REPO
from .test_fast import DAY, as_columns, generated

try:
    import pandas as pd
except ImportError:  # pragma: no cover
    pd = None  # type: ignore[assignment]


class PickleTest(unittest.TestCase):
    def setUp(self) -> None:
        self.ctx = cc.Context()
        self.rules = self.ctx.rules("gap.max_days = 9\ngrade.method = threshold\n")
        self.book = cc.Book.from_columns(self.ctx, as_columns(generated(300, 3)))
        # orders near a purchase date: the book remembers them (ORDER_CLOSED)
        for i in range(0, 300, 4):
            c = self.book.get(i)
            if c.purchase_date is not None:
                self.book.record(i, date=c.purchase_date - dt.timedelta(days=2), outcome="order")
        self.book.grade(self.rules)

    def tearDown(self) -> None:
        self.ctx.close()

    def test_rules_pickle_as_text(self) -> None:
        back = pickle.loads(pickle.dumps(self.rules))
        self.assertEqual(back, self.rules)
        self.assertEqual(back.changed(), {"gap.max_days": 9, "grade.method": 1})
        self.assertIs(back.context, cc.unpickling_context())

    def test_book_pickles_as_snapshot(self) -> None:
        data = pickle.dumps(self.book)
        back = pickle.loads(data)
        self.assertEqual(len(back), len(self.book))
        self.assertEqual([back.get(i) for i in range(len(back))],
                         [self.book.get(i) for i in range(len(self.book))])
        with self.assertRaises(cc.StaleGrades):
            back.assess(0, self.rules, DAY)
        back.grade(self.rules)
        for i in range(len(back)):
            a, b = back.assess(i, self.rules, DAY), self.book.assess(i, self.rules, DAY)
            self.assertEqual(a, b)
        self.assertEqual(back.snapshot(), self.book.snapshot())

    def test_book_in_another_process(self) -> None:
        data = pickle.dumps((self.rules, self.book))
        code = ("import pickle, sys, datetime as dt; rules, book = pickle.loads(sys.stdin.buffer.read());"
                "book.grade(rules); print(sum(book.assess(i, rules, dt.date(2026, 12, 1)).due "
                "for i in range(len(book))))")
        env_path = str(BINDING)
        out = subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, %r); %s"
                              % (env_path, code)], input=data, capture_output=True, check=True)
        want = sum(self.book.assess(i, self.rules, DAY).due for i in range(len(self.book)))
        self.assertEqual(int(out.stdout), want)

    def test_damaged_snapshot_refused(self) -> None:
        snap = bytearray(self.book.snapshot())
        snap[100] ^= 1
        with self.assertRaises(cc.ParseError):
            cc.Book.from_snapshot(self.ctx, bytes(snap))
        with self.assertRaises(cc.ParseError):
            cc.Book.from_snapshot(self.ctx, b"not a snapshot")
        snap = bytearray(self.book.snapshot())
        with self.assertRaises(cc.ParseError):
            cc.Book.from_snapshot(self.ctx, bytes(snap[:-1]))

    def test_documented_format(self) -> None:
        """The fuzz seed written from docs/snapshot.md's description loads."""
        raw = (REPO / "tests" / "fuzz" / "corpus" / "snapshot" / "three-mixed").read_bytes()
        b = cc.Book.from_snapshot(self.ctx, raw[1:])
        self.assertEqual(b.ids(), ["a", "客户-2", "x" * 64])
        c = b.get("客户-2")
        self.assertEqual((c.contacts, c.service_counts, c.visit_days, c.visit_open_min),
                         (70000, (1, 2, 300, 4), 21, 480))
        self.assertEqual(c.last_contact, cc.from_day(20700 - 3))
        a = b.get("a")
        self.assertEqual((a.value, a.status, a.grade, a.has_location, a.x, a.y),
                         (900000, cc.Status.KEY, cc.Grade.A, True, 3.5, -4.25))
        self.assertEqual(b.get(2).value, 9_000_000_000)

    def test_handles_that_do_not_pickle(self) -> None:
        with self.assertRaises(TypeError):
            pickle.dumps(self.ctx)
        with self.assertRaises(TypeError):
            pickle.dumps(self.book.schedule(self.rules, DAY, 7))

    def test_results_pickle_and_convert(self) -> None:
        s = self.book.schedule(self.rules, DAY, 14)
        items, findings = s.items, s.findings
        a = self.book.assess(5, self.rules, DAY)
        back = pickle.loads(pickle.dumps((items, findings, a, a.reasons)))
        self.assertEqual(back[0], items)
        self.assertEqual(back[1], findings)
        self.assertEqual(back[2], a)
        self.assertEqual([r.text for r in back[3]], [r.text for r in a.reasons])
        cols = s.finding_columns()
        self.assertEqual(len(cols["kind"]), len(findings))
        raw = s.finding_columns(raw=True)
        for i, f in enumerate(findings):
            self.assertEqual(cols["kind"][i], f.kind)
            self.assertEqual(raw["kind"][i], int(f.kind))
            self.assertEqual(raw["date"][i], None if f.date is None else cc.to_day(f.date))
        if pd is not None:
            self.assertEqual(len(s.findings_frame()), len(findings))
            briefs = self.book.assess_all(self.rules, DAY)
            frame = briefs.to_frame()
            self.assertEqual(list(frame["flags"]), briefs.columns()["flags"])


if __name__ == "__main__":
    unittest.main()
