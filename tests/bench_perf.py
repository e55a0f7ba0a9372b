#!/usr/bin/env python3
"""Batch assessment through the Python bindings against the same in C.

    CUSTCADENCE_LIB=build-rel/lib/libcustcadence.so.1 \\
        python3 tests/bench_perf.py [--bench build-rel/tests/bench-perf] [--count N]

Runs ``bench-perf pyref N FILE`` (the C figure: ccad_book_assess_range over
N generated customers, best of 5, and the customers written to FILE as an
array of ccad_customer), loads the same customers into a Book through the
bindings' ctypes functions, then times ``Book.assess_all`` (one C call into
a fresh ctypes array, as a caller gets it) and, for reference, the raw
ctypes call into a reused array. Best of 5 each. Prints one line per
figure and the ratio Python / C (target: at most 1.5). Never fails on
timing; exits 1 if the results differ from C's (checksum).
"""
from __future__ import annotations

import argparse
import ctypes
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "bindings" / "python"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bench", default=str(HERE.parent / "build-rel" / "tests" / "bench-perf"))
    ap.add_argument("--count", type=int, default=1000000)
    ap.add_argument("--reps", type=int, default=5)
    args = ap.parse_args()
    if "CUSTCADENCE_LIB" not in os.environ:
        os.environ["CUSTCADENCE_LIB"] = str(HERE.parent / "build-rel" / "lib" / "libcustcadence.so.1")

    import custcadence as cc
    from custcadence import _ffi
    from custcadence._ffi import F

    n = args.count
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "customers.bin")
        out = subprocess.run([args.bench, "pyref", str(n), path], check=True,
                             capture_output=True, text=True).stdout
        for line in out.splitlines():
            print(line)
        cline = next(l for l in out.splitlines() if l.startswith("pyref-c "))
        fields = dict(kv.split("=", 1) for kv in cline.split()[1:])
        c_ms, day, c_ck = float(fields["ms"]), int(fields["day"]), int(fields["checksum"])

        t0 = time.perf_counter()
        data = Path(path).read_bytes()
        size = ctypes.sizeof(_ffi.Customer)
        if len(data) != n * size:
            print("bench_perf.py: %s holds %d bytes, expected %d x %d (ccad_customer layout "
                  "differs between C and the binding?)" % (path, len(data), n, size))
            return 1
        arr = (_ffi.Customer * n).from_buffer_copy(data)
        del data
    ctx = cc.Context()
    rules = ctx.rules()
    book = cc.Book(ctx, n)
    h = book._handle()
    add = F.ccad_book_add
    for i in range(n):
        c = arr[i]
        c.id = b"c%d" % i
        rc = add(h, ctypes.byref(c), None)
        if rc != 0:
            print("bench_perf.py: ccad_book_add(%d) failed: %s" % (i, ctx.errmsg))
            return 1
    del arr
    book.grade(rules)
    build_s = time.perf_counter() - t0
    print("pyref-build customers=%d s=%.1f (ctypes ccad_book_add, not timed below)" % (n, build_s))

    # Book.assess_all: a fresh ctypes array each call (what a caller gets).
    best_py = 1e300
    briefs = None
    for _ in range(args.reps):
        briefs = None
        t0 = time.perf_counter()
        briefs = book.assess_all(rules, day)
        t = (time.perf_counter() - t0) * 1e3
        best_py = min(best_py, t)
    assert briefs is not None and len(briefs) == n
    # raw ctypes call into one reused array: the cost of the call alone
    raw = (_ffi.Brief * n)()
    best_raw = 1e300
    for _ in range(args.reps):
        t0 = time.perf_counter()
        rc = F.ccad_book_assess_range(h, rules._handle(), 0, n, day, raw, ctypes.sizeof(_ffi.Brief))
        t = (time.perf_counter() - t0) * 1e3
        if rc != 0:
            print("bench_perf.py: ccad_book_assess_range failed: %s" % ctx.errmsg)
            return 1
        best_raw = min(best_raw, t)

    ck = 0
    mask = (1 << 64) - 1
    for b in briefs.raw:
        ck = (ck * 31 + (b.due_date & 0xffffffff) + b.flags + b.quadrant) & mask
    same = ck == c_ck
    print("pyref-python customers=%d ms=%.2f per_s=%.3e (Book.assess_all)" % (n, best_py, n / (best_py / 1e3)))
    print("pyref-ctypes customers=%d ms=%.2f per_s=%.3e (raw ctypes call, reused array)"
          % (n, best_raw, n / (best_raw / 1e3)))
    print("pyref-ratio customers=%d python/c=%.2f ctypes/c=%.2f results=%s (target python/c <= 1.5)"
          % (n, best_py / c_ms, best_raw / c_ms, "same" if same else "DIFFERENT"))
    try:
        import resource
        print("rss run=python peak_mb=%.1f" % (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0))
    except ImportError:
        pass
    book.close()
    rules.close()
    ctx.close()
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
