#!/usr/bin/env python3
"""The Python binding's per-call costs, old binding against new, in one run.

    CUSTCADENCE_LIB=build-rel/lib/libcustcadence.so.1 \\
        python3 tests/bench_binding.py [--old DIR] [--customers N] [--reps R]

``--old DIR`` is another copy of ``bindings/python`` (default: that of the
branch ``--old-ref``, main unless told, extracted with ``git archive`` into a
temporary directory); the new
one is this checkout's. Both run against the same library, each in its own
process, alternately, best of ``--reps`` rounds. Figures:

- ``assess``: ``Book.assess(i, rules, day)`` per call, and the raw ctypes
  call (``ccad_book_assess`` declared with argtypes, no result check, into a
  reused struct) in the same process; target: at most 3x the raw call.
- ``items``: microseconds per schedule item for ``Schedule.items`` (and
  ``Schedule.rows()`` where the binding has it); target: at most 2 us.
- ``bulk``: customers per second into a book: ``Book.add`` per customer
  (old) against ``Book.from_columns`` from lists, numpy arrays and a pandas
  DataFrame (new; numpy and pandas when installed); target: 1M/s. The
  ``bulk stdlib`` figures hide numpy (``columns.set_numpy(False)``) and load
  typical columns (str ids, int value and monthly_volume, grade and status
  names, float x/y) with dates as ``datetime.date`` or as day numbers.

Prints figures only and never fails on timing.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import io
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

WORKER = r'''
import ctypes, datetime as dt, json, random, sys, time
sys.path.insert(0, sys.argv[1])
n_cust, reps = int(sys.argv[2]), int(sys.argv[3])
import custcadence as cc
from custcadence import _ffi
DAY = dt.date(2026, 12, 1)
out = {}

def best(fn, rounds=reps):
    b = 1e300
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        b = min(b, time.perf_counter() - t0)
    return b

rnd = random.Random(1)
rows = [dict(id="c%d" % i, value=rnd.randint(0, 3_000_000),
             status=rnd.choice(["active", "key", "prospect"]),
             last_contact=DAY - dt.timedelta(days=rnd.randint(1, 90)),
             contacts=rnd.randint(1, 30), has_location=True,
             x=rnd.uniform(0, 40), y=rnd.uniform(0, 40)) for i in range(n_cust)]

# bulk loading
def add_each():
    ctx = cc.Context(); b = cc.Book(ctx, n_cust)
    for r in rows:
        b.add(**r)
    ctx.close()
t = best(add_each, 1)
out["bulk add per customer"] = n_cust / t
have_cols = hasattr(cc.Book, "from_columns")
if have_cols:
    cols = {k: [r[k] for r in rows] for k in rows[0]}
    def from_lists():
        ctx = cc.Context(); cc.Book.from_columns(ctx, cols); ctx.close()
    out["bulk from_columns lists"] = n_cust / best(from_lists)
    # the standard-library path (numpy hidden), typical CRM columns: str ids,
    # int value/monthly_volume, grade/status names, dates, float x/y
    from custcadence import columns as cm
    typical = dict(cols)
    typical["grade"] = [rnd.choice(["a", "b", "c", "d"]) for _ in range(n_cust)]
    typical["monthly_volume"] = [rnd.randint(0, 10**6) for _ in range(n_cust)]
    typical["purchase_date"] = [DAY - dt.timedelta(days=rnd.randint(0, 700))
                                for _ in range(n_cust)]
    as_days = dict(typical)
    for k in ("last_contact", "purchase_date"):
        as_days[k] = [cc.to_day(d) for d in typical[k]]
    cm.set_numpy(False)
    for label, c in (("dates", typical), ("day numbers", as_days)):
        def stdlib(c=c):
            ctx = cc.Context(); cc.Book.from_columns(ctx, c); ctx.close()
        out["bulk stdlib lists, %s" % label] = n_cust / best(stdlib)
    cm.set_numpy(None)
    try:
        import numpy as np
        ncols = dict(cols)
        for k in ("value", "contacts", "x", "y"):
            ncols[k] = np.asarray(cols[k])
        ncols["status"] = np.asarray([{"prospect": 1, "active": 2, "key": 3}[s]
                                      for s in cols["status"]])
        ncols["last_contact"] = np.asarray(cols["last_contact"], dtype="datetime64[D]")
        ncols["has_location"] = np.ones(n_cust, dtype=bool)
        def from_numpy():
            ctx = cc.Context(); cc.Book.from_columns(ctx, ncols); ctx.close()
        out["bulk from_columns numpy"] = n_cust / best(from_numpy)
        import pandas as pd
        frame = pd.DataFrame(ncols)
        def from_frame():
            ctx = cc.Context(); cc.Book.from_columns(ctx, frame); ctx.close()
        out["bulk from_columns DataFrame"] = n_cust / best(from_frame)
    except ImportError:
        pass

# per-customer assessment
ctx = cc.Context(); rules = ctx.rules(); book = cc.Book(ctx, n_cust)
for r in rows[:20000]:
    book.add(**r)
book.grade(rules)
m = min(len(book), 20000)
calls = 20000
def assess():
    a = book.assess
    for k in range(calls):
        a(k % m, rules, DAY)
raw_fn = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t,
                          ctypes.c_int32, ctypes.POINTER(_ffi.Assessment))(
    ("ccad_book_assess", _ffi.lib))
s = _ffi.Assessment.init(); ref = ctypes.byref(s)
h, rh, d = book._handle(), rules._handle(), cc.to_day(DAY)
def raw():
    for k in range(calls):
        raw_fn(h, rh, k % m, d, ref)
t_py, t_raw = best(assess), best(raw)
out["assess us"] = t_py / calls * 1e6
out["assess raw us"] = t_raw / calls * 1e6
out["assess ratio"] = t_py / t_raw
a = book.assess(1, rules, DAY)
t0 = time.perf_counter(); texts = [r.text for r in a.reasons]
out["assess reasons"] = len(texts)

# schedule items: 2,000 customers over 28 days, routed
small = cc.Book(ctx, 2000)
for r in rows[:2000]:
    small.add(**r)
small.grade(rules)
sched = small.schedule(rules, DAY, 28, route=True, visits_per_day=40)
n_items = len(sched)
out["items"] = n_items
out["items us/item"] = best(lambda: sched.items) / n_items * 1e6
if hasattr(sched, "rows"):
    out["rows us/item"] = best(lambda: sched.rows()) / n_items * 1e6
    out["rows raw us/item"] = best(lambda: sched.rows(True)) / n_items * 1e6
it = _ffi.Item.init(); iref = ctypes.byref(it); sh = sched._handle()
item_fn = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_size_t,
                           ctypes.POINTER(_ffi.Item))(("ccad_schedule_item", _ffi.lib))
def raw_items():
    for i in range(n_items):
        item_fn(sh, i, iref)
out["items raw ccad_schedule_item us/item"] = best(raw_items) / n_items * 1e6
print(json.dumps(out))
'''


def main_binding(tmp: str, ref: str = "main") -> str:
    """bindings/python of branch ``ref``, extracted into tmp."""
    data = subprocess.run(["git", "-C", str(REPO), "archive", ref, "bindings/python"],
                          check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(tmp)
    return os.path.join(tmp, "bindings", "python")


def run(binding: str, customers: int, reps: int) -> dict:
    got = subprocess.run([sys.executable, "-c", WORKER, binding, str(customers), str(reps)],
                         capture_output=True, text=True)
    if got.returncode:
        sys.stderr.write(got.stderr)
        raise SystemExit("benchmark worker failed for %s" % binding)
    return json.loads(got.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--old", help="another bindings/python (default: --old-ref's, via git archive)")
    ap.add_argument("--old-ref", default="main", help="the branch --old defaults to (main)")
    ap.add_argument("--customers", type=int, default=200000)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=2, help="old/new alternations")
    args = ap.parse_args()
    new = str(REPO / "bindings" / "python")
    with tempfile.TemporaryDirectory() as tmp:
        old = args.old
        if old is None:
            try:
                old = main_binding(tmp, args.old_ref)
            except (subprocess.CalledProcessError, OSError) as e:
                print("# no baseline: git archive %s failed (%s); new figures only"
                      % (args.old_ref, e))
        results: dict = {"old": {}, "new": {}}
        runs = [("old", old), ("new", new)] if old else [("new", new)]
        for _ in range(args.rounds):
            for name, path in runs:
                got = run(path, args.customers, args.reps)
                for k, v in got.items():
                    keep = results[name].get(k)
                    lower_better = " us" in k or k.endswith("ratio")
                    if keep is None or (v < keep if lower_better else v > keep):
                        results[name][k] = v
    print("# binding-bench python=%s customers=%d library=%s" % (
        sys.version.split()[0], args.customers, os.environ.get("CUSTCADENCE_LIB", "(found)")))
    keys = list(dict.fromkeys(list(results["old"]) + list(results["new"])))
    for k in keys:
        o, n = results["old"].get(k), results["new"].get(k)
        fmt = (lambda v: "-" if v is None else ("%.0f" % v if v >= 1000 else "%.2f" % v))
        ratio = ("%.2f" % (n / o)) if o and n else "-"
        print("binding %-40s old=%-12s new=%-12s new/old=%s" % (k, fmt(o), fmt(n), ratio))
    return 0


if __name__ == "__main__":
    sys.exit(main())
