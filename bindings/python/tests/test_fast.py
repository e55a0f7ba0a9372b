"""The fast path (docs/python.md, "Fast path"): bulk loading from columns,
lazy reasons, one-unpack assessments and bulk schedule reading, each checked
against the one-at-a-time path over generated customers."""
from __future__ import annotations

import ctypes
import datetime as dt
import random
import unittest
from typing import Any, Dict, List

import custcadence as cc
from custcadence import _ffi, columns
from custcadence._ffi import F

try:
    import numpy as np
except ImportError:  # pragma: no cover - depends on the machine
    np = None  # type: ignore[assignment]
try:
    import pandas as pd
except ImportError:  # pragma: no cover
    pd = None  # type: ignore[assignment]

DAY = dt.date(2026, 12, 1)


def generated(n: int, seed: int) -> List[Dict[str, Any]]:
    """n customers as keyword dicts touching every field kind."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        last = DAY - dt.timedelta(days=rnd.randint(0, 120)) if rnd.random() < 0.8 else None
        c: Dict[str, Any] = {
            "id": "g%d-%d" % (seed, i) if i % 11 else "名%d-%d" % (seed, i),
            "value": rnd.randint(0, 3_000_000),
            "grade": rnd.choice([cc.Grade.NONE, cc.Grade.A, "b", 3]),
            "status": rnd.choice(["prospect", "active", "key", cc.Status.ACTIVE]),
            "purchase_date": DAY + dt.timedelta(days=rnd.randint(-30, 60))
            if rnd.random() < 0.3 else None,
            "monthly_volume": rnd.choice([None, rnd.randint(0, 10**6)]),
            "margin_bp": rnd.choice([None, rnd.randint(0, 10000)]),
            "capable": rnd.random() < 0.9,
            "has_location": True,
            "x": rnd.uniform(-50, 50),
            "y": rnd.uniform(-50, 50),
            "visit_days": rnd.choice([0, 1 | 4, 31]),
            "last_contact": last,
            "last_visit": last if last is not None and rnd.random() < 0.5 else None,
            "contacts": 0 if last is None else rnd.randint(1, 40),
            "no_progress": rnd.randint(0, 3),
            "service_counts": (rnd.randint(0, 3), 0, rnd.randint(0, 2), 0),
        }
        if i % 13 == 5:
            c["contacts"] = 70_000  # beyond the packed record (the wide table)
        out.append(c)
    return out


def as_columns(rows: List[Dict[str, Any]]) -> Dict[str, List[Any]]:
    return {k: [r[k] for r in rows] for k in rows[0]}


def routed(cols: Dict[str, Any], use_numpy: bool) -> Dict[str, Any]:
    """The columns, set to take the numpy path (an array among them) or the
    standard-library one (numpy hidden)."""
    columns.set_numpy(use_numpy)
    if not use_numpy:
        return cols
    return dict(cols, id=np.array(cols["id"], dtype=object))


class FromColumnsTest(unittest.TestCase):
    def setUp(self) -> None:
        self.ctx = cc.Context()
        self.rules = self.ctx.rules()

    def tearDown(self) -> None:
        columns.set_numpy(None)
        self.ctx.close()

    def reference(self, rows: List[Dict[str, Any]]) -> cc.Book:
        b = cc.Book(self.ctx)
        for r in rows:
            b.add(**r)
        return b

    def assertSameBook(self, a: cc.Book, b: cc.Book) -> None:
        self.assertEqual(len(a), len(b))
        for i in range(len(a)):
            self.assertEqual(a.get(i), b.get(i))
        self.assertEqual(a.ids(), b.ids())

    def test_sequences_equal_single_adds(self) -> None:
        for seed in range(3):
            rows = generated(300, seed)
            ref = self.reference(rows)
            for use_numpy in ((True, False) if np is not None else (False,)):
                got = cc.Book.from_columns(self.ctx, routed(as_columns(rows), use_numpy))
                self.assertSameBook(got, ref)

    def test_appends_and_returns_first_index(self) -> None:
        b = cc.Book(self.ctx)
        b.add(id="first")
        rows = generated(50, 9)
        self.assertEqual(b.add_columns(as_columns(rows)), 1)
        self.assertEqual(len(b), 51)
        self.assertEqual(b.add_columns({"id": []}), 51)

    @unittest.skipIf(np is None, "numpy not installed (Debian: python3-numpy)")
    def test_numpy_arrays(self) -> None:
        rows = generated(200, 4)
        ref = self.reference(rows)
        cols: Dict[str, Any] = as_columns(rows)
        cols["value"] = np.array(cols["value"], dtype=np.int64)
        cols["x"] = np.array(cols["x"])
        cols["contacts"] = np.array(cols["contacts"], dtype=np.uint32)
        cols["last_contact"] = np.array([np.datetime64(d) if d else np.datetime64("NaT")
                                         for d in cols["last_contact"]], dtype="datetime64[D]")
        cols["margin_bp"] = np.array([np.nan if v is None else v for v in cols["margin_bp"]])
        cols["service_counts"] = np.array(cols["service_counts"])
        self.assertSameBook(cc.Book.from_columns(self.ctx, cols), ref)

    @unittest.skipIf(pd is None, "pandas not installed (Debian: python3-pandas)")
    def test_dataframe(self) -> None:
        rows = generated(200, 5)
        ref = self.reference(rows)
        frame = pd.DataFrame(as_columns(rows))
        frame["last_contact"] = pd.to_datetime(frame["last_contact"])
        frame["monthly_volume"] = frame["monthly_volume"].astype("Int64")
        self.assertSameBook(cc.Book.from_columns(self.ctx, frame), ref)

    def test_all_or_nothing(self) -> None:
        b = cc.Book(self.ctx)
        b.add_columns(as_columns(generated(20, 1)))
        before = [b.get(i) for i in range(len(b))]
        for use_numpy in ((True, False) if np is not None else (False,)):
            for pos in (0, 7, 49):
                rows = generated(50, 2)
                rows[pos]["id"] = rows[(pos + 1) % 50]["id"] if pos else before[3].id
                with self.assertRaises(cc.AlreadyExists) as e:
                    b.add_columns(routed(as_columns(rows), use_numpy))
                where = {0: 0, 7: 8, 49: 49}[pos]  # the second of the two equal ids
                self.assertIn("customers[%d]" % where, str(e.exception))
                rows = generated(50, 2)
                rows[pos]["margin_bp"] = 10_001
                with self.assertRaises(cc.RangeError) as e2:
                    b.add_columns(routed(as_columns(rows), use_numpy))
                self.assertIn("customers[%d]" % pos, str(e2.exception))
                self.assertEqual([b.get(i) for i in range(len(b))], before)

    def test_bad_columns(self) -> None:
        b = cc.Book(self.ctx)
        for use_numpy in ((True, False) if np is not None else (False,)):
            columns.set_numpy(use_numpy)
            with self.assertRaises(TypeError):
                b.add_columns({"id": ["a"], "colour": ["red"]})
            with self.assertRaises(TypeError):
                b.add_columns({"value": [1]})
            with self.assertRaises(ValueError):
                b.add_columns({"id": ["a", "b"], "value": [1]})
            with self.assertRaises(ValueError):
                b.add_columns(routed({"id": ["a\0b"]}, use_numpy))
            with self.assertRaises(OverflowError) as e:
                b.add_columns(routed({"id": ["a", "b"], "contacts": [1, 2**32]}, use_numpy))
            self.assertIn("contacts[1]", str(e.exception))
            with self.assertRaises(OverflowError):
                b.add_columns(routed({"id": ["a"], "value": [2**63]}, use_numpy))
            with self.assertRaises(TypeError):
                b.add_columns([("a", 1)])
            self.assertEqual(len(b), 0)


    def test_bad_values_fail_as_book_add(self) -> None:
        # docs/python.md: values converted one by one give Book.add's results
        # and errors; a string that is no number was int()'s ValueError
        columns.set_numpy(False)
        bad = {"value": ["x", "1.5", None, 1.5j], "contacts": ["x", None, -1],
               "monthly_volume": ["many", "1.5"], "visit_days": ["Mon"], "grade": ["x", 2**31],
               "status": ["bogus"], "x": ["far"], "last_contact": ["2026-12-01", 1.0]}
        for name, values in bad.items():
            for v in values:
                for rows in ([v], [1 if name != "status" else "key", v]):
                    with self.assertRaises(Exception) as one:
                        cc.Book(self.ctx).add(**{"id": "A", name: v})
                    with self.assertRaises(Exception) as bulk:
                        cc.Book.from_columns(self.ctx, {"id": ["A%d" % i for i in
                                                             range(len(rows))], name: rows})
                    self.assertIs(type(bulk.exception), type(one.exception),
                                  "%s = %r: %r against %r" % (name, v, bulk.exception,
                                                               one.exception))

    def test_unknown_enum_name_says_which(self) -> None:
        with self.assertRaises(cc.NotFound) as e:
            cc.Book(self.ctx).add(id="A", status="bogus")
        self.assertEqual(str(e.exception), "no Status named 'bogus' "
                         "(known: prospect, active, key, released, eliminated)")
        with self.assertRaises(cc.NotFound) as e:
            cc.Book.from_columns(self.ctx, {"id": ["A"], "grade": ["E"]})
        self.assertIn("no Grade named 'E'", str(e.exception))
        with self.assertRaises(TypeError) as t:
            cc.Book(self.ctx).add(id="A", grade=None)
        self.assertEqual(str(t.exception), "a Grade must be one of its names or an integer, "
                         "not None")


def mixed_columns(n: int, seed: int) -> Dict[str, List[Any]]:
    """Columns whose values mix every type the per-value conversion takes,
    so that some columns take the C-level route and some fall back."""
    rnd = random.Random(seed)
    mix = rnd.random() < 0.5  # whole columns of one type, or mixed ones

    def pick(*choices: Any) -> Any:
        return rnd.choice(choices if mix else choices[:1])

    def date() -> Any:
        return pick(DAY - dt.timedelta(days=rnd.randint(0, 400)), None,
                    rnd.randint(-30000, 30000))
    cols: Dict[str, List[Any]] = {
        "id": ["m%d-%d" % (seed, i) if rnd.random() < 0.9 or not mix else "名%d" % i
               for i in range(n)],
        "value": [pick(rnd.randint(0, 2**40), True, float(rnd.randint(0, 99)), "17")
                  for _ in range(n)],
        "grade": [pick(rnd.randint(0, 4), "a", cc.Grade.B, False, 2.0) for _ in range(n)],
        "status": [pick("active", "key", cc.Status.PROSPECT, 2) for _ in range(n)],
        "complaint": [pick(0, 1, True) for _ in range(n)],
        "monthly_volume": [pick(rnd.randint(0, 10**6), None, float("nan"), 3.0, True)
                           for _ in range(n)],
        "margin_bp": [pick(None, rnd.randint(0, 10000)) for _ in range(n)],
        "last_gap_days": [pick(rnd.randint(0, 90), None) for _ in range(n)],
        "share_pct": [pick(rnd.randint(0, 100), None, float("nan")) for _ in range(n)],
        "supplier_rank": [pick(None, rnd.randint(1, 60), float("nan")) for _ in range(n)],
        "x": [pick(rnd.uniform(-9, 9), rnd.randint(-9, 9), True) for _ in range(n)],
        "y": [pick(rnd.randint(-9, 9), rnd.uniform(-9, 9)) for _ in range(n)],
        "contacts": [pick(rnd.randint(0, 2**32 - 1), 4.0) for _ in range(n)],
        "visit_open_min": [pick(rnd.randint(-2**31, 2**31 - 1)) for _ in range(n)],
        "service_counts": [pick((1, 2, 3, 4), [0, 0, 5, 2**32 - 1], (1.0, 2, 3, 4))
                           for _ in range(n)],
    }
    for name in columns.DATE_FIELDS:
        cols[name] = [date() for _ in range(n)]
    for name in rnd.sample(sorted(cols), rnd.randint(0, 6)):
        if name != "id":
            del cols[name]  # a missing column keeps the template's value
    return cols


class StridedPackingTest(unittest.TestCase):
    """The standard-library packer (an array.array per column written with
    strided memoryview assignments) against the record-at-a-time one."""

    def pack_both(self, cols: Dict[str, Any]) -> List[Any]:
        n = len(cols["id"])
        blob, lengths = columns._id_blob(cols["id"])
        out: List[Any] = []
        for pack in (columns._pack_plain, columns._pack_records):
            try:
                out.append(bytes(pack(cols, n, 4096, lengths)))
            except Exception as e:  # both must fail alike
                out.append((type(e), str(e)))
        return out

    def test_layout_takes_the_strided_route(self) -> None:
        self.assertIsNotNone(columns._STRIDED)

    def test_same_records_over_generated_columns(self) -> None:
        for seed in range(40):
            cols = mixed_columns(1 + seed * 7, seed)
            strided, records = self.pack_both(cols)
            self.assertIsInstance(strided, bytes)
            self.assertEqual(strided, records, "seed %d" % seed)

    def test_same_errors_over_generated_bad_values(self) -> None:
        bad: Dict[str, List[Any]] = {"value": [2**63, "x", 1.5j], "grade": [2**31, None],
               "monthly_volume": [-2**63 - 1, "many"], "margin_bp": [2**31],
               "x": ["far", 10**400], "contacts": [-1, 2**32, None],
               "last_contact": [True, 2**31, "2026-12-01", 1.0],
               "service_counts": [(1, 2, 3), (1, 2, 3, -1), 5, ("a", 1, 2, 3)]}
        rnd = random.Random(7)
        for name, values in bad.items():
            for v in values:
                cols = mixed_columns(30, rnd.randint(0, 999))
                cols.setdefault(name, [0 if name != "service_counts" else (0, 0, 0, 0)] * 30)
                row = rnd.randrange(30)
                cols[name][row] = v
                strided, records = self.pack_both(cols)
                self.assertNotIsInstance(records, bytes, "%s = %r accepted" % (name, v))
                self.assertEqual(strided, records, "%s[%d] = %r" % (name, row, v))

    def test_equal_values_of_other_types(self) -> None:
        # 1 == True == 1.0 share a dict slot: conversions cached by value
        # must still refuse what the per-value route refuses
        for name in ("last_contact", "grade", "monthly_volume", "value"):
            cases: List[List[Any]] = [[1, True], [True, 1], [1, 1.0], [1.0, 1], [0, False, 0.0],
                                      [DAY, dt.datetime(2026, 12, 1)], [None, 2, "3"]]
            for values in cases:
                cols = {"id": ["v%d" % i for i in range(len(values))], name: list(values)}
                strided, records = self.pack_both(cols)
                self.assertEqual(strided, records, "%s = %r" % (name, values))

    def test_typical_columns_convert_in_c(self) -> None:
        n = 500
        rnd = random.Random(3)
        typical: Dict[str, List[Any]] = {
            "value": [rnd.randint(0, 10**7) for _ in range(n)],
            "grade": [rnd.choice("abcd") for _ in range(n)],
            "status": [rnd.choice([1, 2, cc.Status.KEY]) for _ in range(n)],
            "monthly_volume": [rnd.choice([None, 5, 10**6]) for _ in range(n)],
            "last_contact": [rnd.choice([None, DAY, DAY - dt.timedelta(days=3)])
                             for _ in range(n)],
            "purchase_date": [rnd.randint(-9999, 9999) for _ in range(n)],
            "x": [rnd.uniform(0, 1) for _ in range(n)],
            "has_location": [True] * n,
        }
        layout = columns._STRIDED
        assert layout is not None
        for name, col in typical.items():
            got = columns._fast_column(name, col, layout[name][0])  # raises if it cannot
            self.assertEqual(list(got), columns._values(name, col), name)

    def test_non_ascii_and_bytes_ids(self) -> None:
        ids: List[Any] = ["a", "名", b"raw", "\udcff", "z"]
        blob, lengths = columns._id_blob(ids)
        self.assertEqual(blob, b"a\0\xe5\x90\x8d\0raw\0\xff\0z\0")
        self.assertEqual(lengths, [1, 3, 3, 1, 1])
        self.assertEqual(columns._id_blob(["ab", "c"]), (b"ab\0c\0", [2, 1]))
        with self.assertRaises(ValueError):
            columns._id_blob(["ok", "a\0b"])


class LazyResultsTest(unittest.TestCase):
    def setUp(self) -> None:
        self.ctx = cc.Context()
        self.rules = self.ctx.rules()
        self.book = cc.Book.from_columns(self.ctx, as_columns(generated(400, 7)))
        self.book.grade(self.rules)

    def tearDown(self) -> None:
        self.ctx.close()

    def test_reasons_formatted_only_when_read(self) -> None:
        calls = {"n": 0}
        orig = F.ccad_reason_format

        def counting(*a: Any) -> Any:
            calls["n"] += 1
            return orig(*a)
        counting.__name__ = orig.__name__
        F.ccad_reason_format = counting
        try:
            a = self.book.assess(3, self.rules, DAY)
            items = self.book.schedule(self.rules, DAY, 14).items
            self.assertEqual(calls["n"], 0)
            self.assertTrue(len(a.reasons) > 0)
            texts = [r.text for r in a.reasons]
            self.assertEqual(calls["n"], len(texts))
            [r.text for r in a.reasons]  # cached: no more calls... on the same objects
            self.assertTrue(all(t for t in texts))
            self.assertTrue(items and items[0].reasons[0].text)
        finally:
            F.ccad_reason_format = orig

    def test_assessment_equals_field_by_field_reading(self) -> None:
        """The one-unpack assessment against ctypes attribute reads."""
        for i in range(0, 400, 7):
            a = self.book.assess(i, self.rules, DAY)
            s = _ffi.Assessment.init()
            F.ccad_book_assess(self.book._handle(), self.rules._handle(), i, cc.to_day(DAY),
                               ctypes.byref(s))
            self.assertEqual(a.today, DAY)
            self.assertEqual(int(a.grade), s.grade)
            self.assertEqual(a.grade_manual, bool(s.grade_manual))
            self.assertEqual(a.due_date, cc.from_day(s.due_date))
            self.assertEqual(a.reminder_date, cc.from_day(s.reminder_date))
            self.assertEqual(a.care_date, cc.from_day(s.care_date))
            self.assertEqual(a.ownership_end, cc.from_day(s.ownership_end))
            self.assertEqual(int(a.flags), s.flags)
            self.assertEqual(a.days_since_contact,
                             None if s.days_since_contact == -1 else s.days_since_contact)
            self.assertEqual(a.temperature, None if s.temperature == -1 else s.temperature)
            for name in ("urgency", "quadrant", "freq_count", "freq_period_days",
                         "interval_days", "days_overdue", "escalation", "contacts",
                         "min_contacts", "ownership_days_left", "triage", "strategy",
                         "complaint"):
                self.assertEqual(int(getattr(a, name)), getattr(s, name), name)
            self.assertEqual(len(a.reasons), s.reason_count)
            for r, raw in zip(a.reasons, s.reasons):
                self.assertEqual(r.astuple(), (raw.rule, raw.why, raw.a, raw.b, raw.c))
                self.assertEqual(r.text, cc.model.format_reason(raw))
            self.assertEqual(a, self.book.assess(i, self.rules, DAY))
            self.assertEqual(a._asdict()["grade"], a.grade)
            with self.assertRaises(AttributeError):
                a.grade = cc.Grade.A  # type: ignore[misc]

    def test_schedule_items_rows_columns(self) -> None:
        s = self.book.schedule(self.rules, DAY, 28, route=True)
        n = len(s)
        self.assertGreater(n, 100)
        items = s.items
        self.assertEqual(len(items), n)
        for i in range(0, n, 17):  # one ccad_schedule_item per index
            self.assertEqual(s[i], items[i])
        self.assertEqual(s[5:40], items[5:40])
        self.assertEqual(list(s), items)
        rows = s.rows()
        cols = s.columns()
        raw = s.columns(raw=True)
        for i, it in enumerate(items):
            self.assertEqual(rows[i][:-1], tuple(it)[:-1])
            self.assertEqual(rows[i][-1], tuple(r.astuple() for r in it.reasons))
            self.assertEqual(cols["customer_id"][i], self.book.id(it.customer))
            self.assertEqual(raw["date"][i], cc.to_day(it.date))
            self.assertEqual(raw["kind"][i], int(it.kind))
        if pd is not None:
            frame = s.to_frame()
            self.assertEqual(len(frame), n)
            self.assertEqual(list(frame.columns), list(cc.ITEM_COLUMNS))

    def test_reasons_sequence(self) -> None:
        a = self.book.assess(0, self.rules, DAY)
        rs = a.reasons
        self.assertEqual(rs, list(rs))
        self.assertEqual(rs[0], rs[:1][0])
        self.assertEqual(rs.astuples(), [r.astuple() for r in rs])


if __name__ == "__main__":
    unittest.main()
