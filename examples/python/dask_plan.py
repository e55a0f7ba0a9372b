#!/usr/bin/env python3
"""dask_plan.py: plan a whole company's four routed weeks on a Dask cluster.

    dask_plan.py [--reps N] [--per-rep 100] [--partitions P] [--out DIR]
                 [--workers W] [--scheduler ADDRESS] [--first-day YYYY-MM-DD]
                 [--days 28] [--seed 1] [--rules FILE] [--verify K]

A generated company of N reps with 100 customers each (docs/scale-out.md):

1. **Generate.** One task per partition writes ``customers-PPPPP.csv`` and
   ``contacts-PPPPP.csv`` under ``DIR/input``: a partition is a set of
   territories (reps), every customer belongs to one rep, and every rep's
   customers lie around the rep's base.
2. **Plan.** One task per partition reads its two files, and for each rep
   makes a book (``Book.from_columns``), records the contacts, grades, and
   plans ``--days`` days from ``--first-day`` with routes from the rep's
   base. The rules travel to the workers as text. Each task writes its plan
   as ``DIR/plans/plan-PPPPP.csv`` (one row per item) and returns one
   summary row per rep.
3. **Summarise.** The client writes ``DIR/summary.csv`` (per rep: customers,
   items, visits, calls, touches, findings, travel minutes, the workload
   table's visits and capacity) and prints the totals, the time of each
   phase, customers planned per second and each worker's peak memory.

By default a ``distributed.LocalCluster`` of ``--workers`` processes (one
thread each) runs on this machine. ``--scheduler tcp://host:8786`` uses a
running cluster instead (``dask scheduler`` / ``dask worker``); then DIR
must be a path every worker can read and write (a shared file system).
``--verify K`` re-plans K reps in this process and checks that their rows
in the plan files are identical (exit status 1 if not).

Needs the custcadence binding on every worker (``pip install
bindings/python``, or PYTHONPATH=bindings/python) and ``distributed``
(Debian: python3-distributed). Exit status: 0 ok, 1 check failed, 2 usage.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import math
import os
import random
import resource
import sys
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import custcadence as cc

CUSTOMER_COLUMNS = ("rep", "id", "value", "status", "purchase_date", "has_location", "x", "y",
                    "visit_days", "last_contact", "contacts", "no_progress", "owned_since")
CONTACT_COLUMNS = ("rep", "customer_id", "date", "kind", "outcome")
PLAN_COLUMNS = ("rep", "customer_id", "date", "kind", "quadrant", "priority", "delegated",
                "seq", "eta_min", "travel_min", "late", "why")
SUMMARY_COLUMNS = ("rep", "customers", "items", "visits", "calls", "touches", "findings",
                   "travel_min", "workload_visits", "workload_capacity", "workload_over")
RADIUS_KM = 12.0
PLAN_OPTIONS: Dict[str, Any] = dict(route=True, scale=1000.0, units_per_minute=500.0,
                                   visits_per_day=8)


# ---------------------------------------------------------------------------
# Partitions and generated territories.


def partition_reps(reps: int, partitions: int) -> List[range]:
    """Reps 0..reps-1 split into ``partitions`` contiguous sets."""
    step = math.ceil(reps / partitions)
    return [range(p, min(p + step, reps)) for p in range(0, reps, step)]


def rep_base(rep: int) -> Tuple[float, float]:
    """The rep's base in km: reps sit on a 40 km grid."""
    return (rep % 100) * 40.0, (rep // 100) * 40.0


def territory(rep: int, per_rep: int, seed: int, today: dt.date
              ) -> Tuple[List[Dict[str, Any]], List[Dict[str, Any]]]:
    """One rep's customers and their latest contacts, the same for a given
    (rep, seed) on every machine."""
    rnd = random.Random(seed * 1_000_003 + rep)
    bx, by = rep_base(rep)
    customers, contacts = [], []
    for i in range(per_rep):
        cid = "r%d-c%d" % (rep, i)
        angle, dist = rnd.uniform(0, 2 * math.pi), RADIUS_KM * math.sqrt(rnd.random())
        last = today - dt.timedelta(days=rnd.randint(3, 75))
        status = rnd.choices(["prospect", "active", "key"], [15, 75, 10])[0]
        customers.append({
            "rep": rep, "id": cid, "value": int(rnd.lognormvariate(11, 1.2)),
            "status": status,
            "purchase_date": (today + dt.timedelta(days=rnd.randint(-10, 50))).isoformat()
            if rnd.random() < 0.2 else "",
            "has_location": 1, "x": round(bx + dist * math.cos(angle), 3),
            "y": round(by + dist * math.sin(angle), 3),
            "visit_days": rnd.choice([0, 0, 0, 1 | 4 | 16, 2 | 8]),
            "last_contact": (last - dt.timedelta(days=rnd.randint(5, 40))).isoformat(),
            "contacts": rnd.randint(1, 12), "no_progress": rnd.randint(0, 2),
            "owned_since": (today - dt.timedelta(days=rnd.randint(80, 900))).isoformat(),
        })
        contacts.append({"rep": rep, "customer_id": cid, "date": last.isoformat(),
                         "kind": rnd.choice(["visit", "call", "call", "message"]),
                         "outcome": rnd.choices(["progress", "no_progress"], [3, 1])[0]})
    return customers, contacts


def write_csv(path: Path, columns: Sequence[str], rows: List[Dict[str, Any]]) -> None:
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(columns))
        w.writeheader()
        w.writerows(rows)
    os.replace(tmp, path)


def generate_partition(part: int, reps: Sequence[int], per_rep: int, seed: int,
                       today_iso: str, inp: str) -> int:
    """Task: writes customers-PPPPP.csv and contacts-PPPPP.csv; returns the
    number of customers."""
    today = dt.date.fromisoformat(today_iso)
    customers: List[Dict[str, Any]] = []
    contacts: List[Dict[str, Any]] = []
    for rep in reps:
        c, k = territory(rep, per_rep, seed, today)
        customers += c
        contacts += k
    write_csv(Path(inp) / ("customers-%05d.csv" % part), CUSTOMER_COLUMNS, customers)
    write_csv(Path(inp) / ("contacts-%05d.csv" % part), CONTACT_COLUMNS, contacts)
    return len(customers)


# ---------------------------------------------------------------------------
# Planning one partition.


def read_csv(path: Path) -> List[Dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def customer_columns(rows: List[Dict[str, str]]) -> Dict[str, List[Any]]:
    """One rep's customer rows as columns for Book.from_columns."""
    def date(s: str) -> Optional[dt.date]:
        return dt.date.fromisoformat(s) if s else None
    return {
        "id": [r["id"] for r in rows],
        "value": [int(r["value"]) for r in rows],
        "status": [r["status"] for r in rows],
        "purchase_date": [date(r["purchase_date"]) for r in rows],
        "has_location": [r["has_location"] == "1" for r in rows],
        "x": [float(r["x"]) for r in rows],
        "y": [float(r["y"]) for r in rows],
        "visit_days": [int(r["visit_days"]) for r in rows],
        "last_contact": [date(r["last_contact"]) for r in rows],
        "contacts": [int(r["contacts"]) for r in rows],
        "no_progress": [int(r["no_progress"]) for r in rows],
        "owned_since": [date(r["owned_since"]) for r in rows],
    }


def plan_rep(ctx: cc.Context, rules: cc.Rules, rep: int, customers: List[Dict[str, str]],
             contacts: List[Dict[str, str]], first_day: dt.date, days: int
             ) -> Tuple[List[List[Any]], Dict[str, Any]]:
    """One rep's plan rows (PLAN_COLUMNS) and summary row (SUMMARY_COLUMNS)."""
    book = cc.Book.from_columns(ctx, customer_columns(customers), capacity_hint=len(customers))
    try:
        for k in contacts:
            book.record(k["customer_id"], date=dt.date.fromisoformat(k["date"]), kind=k["kind"],
                        outcome=k["outcome"])
        book.grade(rules)
        bx, by = rep_base(rep)
        sched = book.schedule(rules, first_day, days, base_x=bx, base_y=by, **PLAN_OPTIONS)
        rows: List[List[Any]] = []
        counts = {cc.ItemKind.VISIT: 0, cc.ItemKind.CALL: 0, cc.ItemKind.TOUCH: 0}
        travel = 0
        for (_i, day, _c, cid, kind, quad, prio, dele, _rf, _rd, _bd, seq, eta, _dep, tmin,
             late, reasons) in sched.rows():
            counts[kind] = counts.get(kind, 0) + 1
            travel += tmin
            why = cc.Why(reasons[0][1]).name if reasons else ""
            rows.append([rep, cid, day.isoformat(), kind.name.lower(), quad.name, prio,
                         dele.name.lower(), seq, eta, tmin, int(late), why])
        findings = sched.finding_count
        wl = book.workload(rules, first_day, visits_per_day=PLAN_OPTIONS["visits_per_day"])
        summary = {"rep": rep, "customers": len(book), "items": len(rows),
                   "visits": counts[cc.ItemKind.VISIT], "calls": counts[cc.ItemKind.CALL],
                   "touches": counts[cc.ItemKind.TOUCH], "findings": findings,
                   "travel_min": travel, "workload_visits": wl.visits,
                   "workload_capacity": wl.capacity, "workload_over": int(wl.over)}
        sched.close()
        return rows, summary
    finally:
        book.close()


def by_rep(rows: List[Dict[str, str]]) -> Dict[int, List[Dict[str, str]]]:
    out: Dict[int, List[Dict[str, str]]] = {}
    for r in rows:
        out.setdefault(int(r["rep"]), []).append(r)
    return out


def plan_partition(part: int, rules_text: str, first_day_iso: str, days: int, inp: str,
                   out: str) -> Dict[str, Any]:
    """Task: plans every rep of partition ``part``; writes plan-PPPPP.csv and
    returns the reps' summary rows, the task's time and its process's peak
    memory."""
    t0 = time.perf_counter()
    first_day = dt.date.fromisoformat(first_day_iso)
    customers = by_rep(read_csv(Path(inp) / ("customers-%05d.csv" % part)))
    contacts = by_rep(read_csv(Path(inp) / ("contacts-%05d.csv" % part)))
    ctx = cc.Context()
    try:
        rules = ctx.rules(rules_text)
        plan_rows: List[List[Any]] = []
        summaries = []
        for rep in sorted(customers):
            rows, summary = plan_rep(ctx, rules, rep, customers[rep], contacts.get(rep, []),
                                     first_day, days)
            plan_rows += rows
            summaries.append(summary)
    finally:
        ctx.close()
    path = Path(out) / ("plan-%05d.csv" % part)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(PLAN_COLUMNS)
        w.writerows(plan_rows)
    os.replace(tmp, path)
    return {"part": part, "summaries": summaries, "seconds": time.perf_counter() - t0,
            "pid": os.getpid(), "peak_rss_mb": peak_rss_mb()}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


# ---------------------------------------------------------------------------
# The client.


def default_rules() -> str:
    return "# rules for the whole company (they travel to the workers as text)\n" \
           "gap.max_days = 18\nescalate.q4 = 1\n"


def verify(args: argparse.Namespace, rules_text: str, inp: Path, plans: Path,
           parts: List[range]) -> bool:
    """Re-plans the first K reps here and compares their rows with the files."""
    reps = [r for p in parts for r in p][:args.verify]
    ok = True
    planned: Dict[int, List[List[str]]] = {}
    for p, reps_of in enumerate(parts):
        if not any(r in reps for r in reps_of):
            continue
        with open(plans / ("plan-%05d.csv" % p), newline="", encoding="utf-8") as f:
            for row in list(csv.reader(f))[1:]:
                planned.setdefault(int(row[0]), []).append(row)
        customers = by_rep(read_csv(inp / ("customers-%05d.csv" % p)))
        contacts = by_rep(read_csv(inp / ("contacts-%05d.csv" % p)))
        with cc.Context() as ctx:
            rules = ctx.rules(rules_text)
            for rep in reps_of:
                if rep not in reps:
                    continue
                rows, _ = plan_rep(ctx, rules, rep, customers[rep], contacts.get(rep, []),
                                   dt.date.fromisoformat(args.first_day), args.days)
                here = [[str(v) for v in r] for r in rows]
                if here != planned.get(rep, []):
                    print("verify: rep %d: the cluster's plan differs from a local one" % rep)
                    ok = False
    print("verify: %d reps re-planned locally, %s" % (len(reps), "identical" if ok else "DIFFERENT"))
    return ok


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reps", type=int, default=100)
    ap.add_argument("--per-rep", type=int, default=100)
    ap.add_argument("--partitions", type=int, default=0,
                    help="default: 4 per worker, at most one per rep")
    ap.add_argument("--out", default="dask-plan-out")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--scheduler", help="address of a running scheduler (tcp://host:8786)")
    ap.add_argument("--first-day", default="2026-12-07")
    ap.add_argument("--days", type=int, default=28)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rules", help="a rules file (docs/rules-format.md)")
    ap.add_argument("--verify", type=int, default=0, metavar="K")
    args = ap.parse_args(argv)
    if args.reps < 1 or args.per_rep < 1 or args.days < 1 or args.workers < 1:
        ap.error("--reps, --per-rep, --days and --workers must be positive")
    try:
        first = dt.date.fromisoformat(args.first_day)
    except ValueError:
        ap.error("--first-day must be YYYY-MM-DD")
    rules_text = Path(args.rules).read_text(encoding="utf-8") if args.rules else default_rules()
    with cc.Context() as ctx:
        ctx.rules(rules_text)  # a bad rules file fails here, not on every worker

    from distributed import Client, LocalCluster, wait

    out = Path(args.out).resolve()
    inp, plans = out / "input", out / "plans"
    inp.mkdir(parents=True, exist_ok=True)
    plans.mkdir(parents=True, exist_ok=True)
    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        n_workers = len(client.scheduler_info()["workers"])
        nparts = args.partitions or min(args.reps, 4 * n_workers)
        parts = partition_reps(args.reps, nparts)
        t0 = time.perf_counter()
        futures = [client.submit(generate_partition, p, list(reps), args.per_rep, args.seed,
                                 (first - dt.timedelta(days=1)).isoformat(), str(inp),
                                 pure=False) for p, reps in enumerate(parts)]
        total = sum(client.gather(futures))
        t_gen = time.perf_counter() - t0
        t1 = time.perf_counter()
        futures = [client.submit(plan_partition, p, rules_text, args.first_day, args.days,
                                 str(inp), str(plans), pure=False) for p in range(len(parts))]
        wait(futures)
        results = client.gather(futures)
        t_plan = time.perf_counter() - t1
        worker_peak = client.run(peak_rss_mb)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    summaries = sorted((s for r in results for s in r["summaries"]), key=lambda s: s["rep"])
    with open(out / "summary.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(SUMMARY_COLUMNS))
        w.writeheader()
        w.writerows(summaries)
    items = sum(s["items"] for s in summaries)
    findings = sum(s["findings"] for s in summaries)
    print("company: %d reps x %d customers = %d customers, %d partitions, %d workers"
          % (args.reps, args.per_rep, total, len(parts), n_workers))
    print("plans: %d items, %d findings, %d reps over their workload capacity"
          % (items, findings, sum(s["workload_over"] for s in summaries)))
    busy = sum(r["seconds"] for r in results)
    print("time: generate %.2f s, plan %.2f s (%.0f customers/s planned); planning tasks "
          "busy %.2f s in all (%.2f at once on average)"
          % (t_gen, t_plan, total / t_plan if t_plan > 0 else 0.0, busy,
             busy / t_plan if t_plan > 0 else 0.0))
    for addr, mb in sorted(worker_peak.items()):
        print("worker %s peak_rss_mb=%.1f" % (addr, mb))
    print("output: %s (input/, plans/plan-*.csv, summary.csv)" % out)
    if len(summaries) != args.reps or total != args.reps * args.per_rep:
        print("dask_plan: expected %d reps, got %d summaries" % (args.reps, len(summaries)))
        return 1
    if args.verify and not verify(args, rules_text, inp, plans, parts):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
