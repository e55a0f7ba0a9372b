"""TRIAGE by our position in the customer's sales (1.1, seed 002): the
Customer fields share_pct and supplier_rank, None for unknown, through add,
get, from_columns (both packers), snapshots and pickling, and the reasons
the assessment gives for them."""
from __future__ import annotations

import datetime as dt
import pickle
import random
import unittest
from typing import Any, Dict, List

import custcadence as cc
from custcadence import _ffi, columns

D = dt.date
DAY = D(2026, 11, 2)


def buyer(cid: str, **kw: Any) -> cc.Customer:
    fields: Dict[str, Any] = dict(status="active", last_contact=D(2026, 11, 1),
                                  last_visit=D(2026, 11, 1), contacts=6)
    fields.update(kw)
    return cc.Customer(id=cid, **fields)


class PositionFieldsTest(unittest.TestCase):
    def setUp(self) -> None:
        self.ctx = cc.Context()
        self.rules = cc.Rules(self.ctx)
        self.book = cc.Book(self.ctx)

    def test_defaults_are_unknown(self) -> None:
        c = cc.Customer(id="x")
        self.assertIsNone(c.share_pct)
        self.assertIsNone(c.supplier_rank)
        s = _ffi.Customer.init()
        self.assertEqual((s.share_pct, s.supplier_rank), (-1, 0))
        i = self.book.add(c)
        got = self.book.get(i)
        self.assertIsNone(got.share_pct)
        self.assertIsNone(got.supplier_rank)

    def test_round_trip_and_update(self) -> None:
        i = self.book.add(buyer("p1", share_pct=0, supplier_rank=1))
        got = self.book.get(i)
        self.assertEqual((got.share_pct, got.supplier_rank), (0, 1))
        got.share_pct, got.supplier_rank = None, None
        self.book.update(i, got)
        got = self.book.get(i)
        self.assertEqual((got.share_pct, got.supplier_rank), (None, None))

    def test_out_of_range_refused(self) -> None:
        for kw in ({"share_pct": 101}, {"share_pct": -2}, {"supplier_rank": 1_000_001}):
            with self.subTest(**kw):
                with self.assertRaises(cc.CadenceError) as e:
                    self.book.add(buyer("bad", **kw))
                self.assertIn(next(iter(kw)), e.exception.message)
                self.assertEqual(len(self.book), 0)

    def test_reasons(self) -> None:
        self.book.add(buyer("s", grade="B", share_pct=12, monthly_volume=9_000_000))
        self.book.add(buyer("r", grade="B", supplier_rank=1))
        self.book.grade(self.rules)
        a = self.book.assess("s", self.rules, DAY)
        self.assertEqual(a.triage, cc.Triage.PUSH)
        why = {r.why: r for r in a.reasons}
        self.assertIn(cc.Why.TRIAGE_SHARE, why)
        self.assertNotIn(cc.Why.TRIAGE, why)
        self.assertEqual((why[cc.Why.TRIAGE_SHARE].b, why[cc.Why.TRIAGE_SHARE].c), (12, 5))
        self.assertIn("our share of its sales 12 %", why[cc.Why.TRIAGE_SHARE].text)
        a = self.book.assess("r", self.rules, DAY)
        self.assertEqual(a.strategy, cc.Strategy.LET_GO)
        r = next(r for r in a.reasons if r.why == cc.Why.TRIAGE_RANK)
        self.assertIn("排第 1 位", r.text_in(cc.Lang.ZH_HANS))
        # triage.by_position = 0: the volume alone, as in 1.0
        self.rules["triage.by_position"] = 0
        self.book.grade(self.rules)
        a = self.book.assess("s", self.rules, DAY)
        self.assertEqual(a.triage, cc.Triage.SELF_DRIVEN)
        self.assertIn(cc.Why.TRIAGE, [r.why for r in a.reasons])

    def test_snapshot_and_pickle_keep_it(self) -> None:
        self.book.add(buyer("a", share_pct=40))
        self.book.add(buyer("b", supplier_rank=7))
        self.book.add(buyer("c"))
        copy = cc.Book.from_snapshot(self.ctx, self.book.snapshot())
        back = pickle.loads(pickle.dumps(self.book))
        for b in (copy, back):
            self.assertEqual([(c.share_pct, c.supplier_rank) for c in map(b.get, range(3))],
                             [(40, None), (None, 7), (None, None)])


class PositionColumnsTest(unittest.TestCase):
    def test_from_columns(self) -> None:
        ctx = cc.Context()
        cols: Dict[str, List[Any]] = {
            "id": ["a", "b", "c", "d"], "status": ["active"] * 4,
            "share_pct": [10, None, float("nan"), 100],
            "supplier_rank": [None, 3, float("nan"), 1]}
        book = cc.Book.from_columns(ctx, cols)
        self.assertEqual([(c.share_pct, c.supplier_rank) for c in map(book.get, range(4))],
                         [(10, None), (None, 3), (None, None), (100, 1)])

    def test_packers_agree(self) -> None:
        rnd = random.Random(20)
        for n in (1, 7, 40):
            cols = {"id": ["p%d" % i for i in range(n)],
                    "share_pct": [rnd.choice([None, rnd.randint(0, 100)]) for _ in range(n)],
                    "supplier_rank": [rnd.choice([None, rnd.randint(1, 99)]) for _ in range(n)],
                    "service_counts": [(1, 2, 3, 4)] * n}
            blob, lengths = columns._id_blob(cols["id"])
            strided = bytes(columns._pack_plain(cols, n, 4096, lengths))
            records = bytes(columns._pack_records(cols, n, 4096, lengths))
            self.assertEqual(strided, records)


if __name__ == "__main__":
    unittest.main()
