#!/usr/bin/env python3
"""plan_week.py: the rep's coming week, in Python, over a sqlite3 store.

    plan_week.py [--customers FILE] [--contacts FILE] [--rules FILE] [--db FILE]
                 [--today YYYY-MM-DD] [--days N] [--capacity N]

The same job as the C program ccad-plan, through the custcadence binding:

1. load a customers CSV (examples/data/territory.csv, else sample.csv; the
   columns of examples/common/customers.h) into a book;
2. persist it in a sqlite3 database (tables customers and contacts) through
   the library's storage callbacks (ccad_store_save_book), and load it back
   (ccad_store_load_book);
3. record contacts (examples/data/contacts.csv, or a few made-up ones)
   through the store: each one is a transaction (ccad_store_record);
4. grade, plan the week with routes from the rep's base and print it day by
   day with the first reason of each stop, then the findings.

Exit status: 0 ok, 1 bad input, 2 bad usage.
Run from the repository root with PYTHONPATH=bindings/python (or after
``pip install bindings/python``).
"""
from __future__ import annotations

import argparse
import csv
import re
import datetime as dt
import sqlite3
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

import custcadence as cc

DATA = Path(__file__).resolve().parent.parent / "data"
WEEKDAYS = {"mon": cc.Weekday.MON, "tue": cc.Weekday.TUE, "wed": cc.Weekday.WED,
            "thu": cc.Weekday.THU, "fri": cc.Weekday.FRI, "sat": cc.Weekday.SAT,
            "sun": cc.Weekday.SUN}


class InputError(Exception):
    pass


# ---------------------------------------------------------------------------
# The store: customers and contacts tables in sqlite3.

_DATE_FIELDS = ("purchase_date", "complaint_date", "request_date", "owned_since",
                "last_contact", "last_visit", "next_step_date", "last_entered")
_LISTS = ("service_counts", "owner_sales")  # stored as comma-separated text


class SqliteStore:
    """Storage callbacks over sqlite3. Every library operation runs in one
    transaction: begin/commit/rollback map to BEGIN/COMMIT/ROLLBACK."""

    COLUMNS = [f for f in cc.Customer.__dataclass_fields__ if f not in _LISTS]

    def __init__(self, path: str) -> None:
        self.db = sqlite3.connect(path, isolation_level=None)
        cols = ", ".join("%s %s" % (c, "TEXT PRIMARY KEY" if c == "id" else "")
                         for c in self.COLUMNS)
        self.db.execute("CREATE TABLE IF NOT EXISTS customers (%s, service_counts TEXT, "
                        "owner_sales TEXT)" % cols)
        self.db.execute("CREATE TABLE IF NOT EXISTS contacts (seq INTEGER PRIMARY KEY, "
                        "customer_id TEXT, date TEXT, kind TEXT, outcome TEXT, recorded INT, "
                        "next_date TEXT, service_level TEXT, purposes INT, close_asked INT, "
                        "owner_present INT, activity INT, record_parts INT, entered TEXT)")
        self._add_missing_columns()

    def _add_missing_columns(self) -> None:
        """A database written before 1.1 gains the columns of what the visits
        held, with the library's defaults, so its customers load as before."""
        extra = {"customers": [(c, "") for c in self.COLUMNS] + [("owner_sales", "',,'")],
                 "contacts": [("purposes", "0"), ("close_asked", "0"), ("owner_present", "0"),
                              ("activity", "0"), ("record_parts", "31"), ("entered", "")]}
        defaults = {"prospect_tail": "0", "last_purposes": "0", "aimless": "0",
                    "closes_asked": "0", "last_parts": "31"}
        for table, cols in extra.items():
            have = {row[1] for row in self.db.execute("PRAGMA table_info(%s)" % table)}
            for col, default in cols:
                default = default or defaults.get(col, "")
                if col not in have:
                    self.db.execute("ALTER TABLE %s ADD COLUMN %s%s" % (
                        table, col, " DEFAULT %s" % default if default else ""))

    # transactions
    def begin(self) -> None:
        self.db.execute("BEGIN")

    def commit(self) -> None:
        self.db.execute("COMMIT")

    def rollback(self) -> None:
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    # rows <-> customers (columns named: a migrated table has them in another order)
    def _names(self) -> str:
        return ", ".join(self.COLUMNS + list(_LISTS))

    def _row(self, c: cc.Customer) -> List[object]:
        out: List[object] = []
        for f in self.COLUMNS:
            v = getattr(c, f)
            if isinstance(v, dt.date):
                v = v.isoformat()
            elif isinstance(v, bool):
                v = int(v)
            elif hasattr(v, "value") and not isinstance(v, (int, float)):
                v = v.value
            out.append(int(v) if isinstance(v, int) else v)
        out.append(",".join(str(n) for n in c.service_counts))
        out.append(",".join(d.isoformat() if isinstance(d, dt.date) else "" for d in c.owner_sales))
        return out

    def _customer(self, row: Tuple[object, ...]) -> cc.Customer:
        kw: Dict[str, object] = dict(zip(self.COLUMNS, row[:-2]))
        for f in _DATE_FIELDS:
            kw[f] = dt.date.fromisoformat(kw[f]) if kw[f] else None  # type: ignore[arg-type]
        kw["service_counts"] = tuple(int(n) for n in str(row[-2]).split(","))
        kw["owner_sales"] = tuple(dt.date.fromisoformat(d) if d else None
                                  for d in str(row[-1]).split(","))
        return cc.Customer(**kw)  # type: ignore[arg-type]

    def load(self, cid: str) -> Optional[cc.Customer]:
        row = self.db.execute("SELECT %s FROM customers WHERE id = ?" % self._names(),
                              (cid,)).fetchone()
        return None if row is None else self._customer(row)

    def save(self, c: cc.Customer) -> None:
        marks = ", ".join("?" * (len(self.COLUMNS) + 2))
        self.db.execute("INSERT OR REPLACE INTO customers (%s) VALUES (%s)"
                        % (self._names(), marks), self._row(c))

    def append_contact(self, cid: str, k: cc.Contact) -> None:
        self.db.execute(
            "INSERT INTO contacts (customer_id, date, kind, outcome, recorded, next_date, "
            "service_level, purposes, close_asked, owner_present, activity, record_parts, "
            "entered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (cid, k.date.isoformat() if isinstance(k.date, dt.date) else None,
             cc.name(cc.NameKind.CONTACT_KIND, int(k.kind)),  # type: ignore[arg-type]
             cc.name(cc.NameKind.OUTCOME, int(k.outcome)),  # type: ignore[arg-type]
             int(k.recorded),
             k.next_date.isoformat() if isinstance(k.next_date, dt.date) else None,
             cc.name(cc.NameKind.SERVICE, int(k.service_level)),  # type: ignore[arg-type]
             int(k.purposes), int(k.close_asked), int(k.owner_present), int(k.activity),
             int(k.record_parts),
             k.entered.isoformat() if isinstance(k.entered, dt.date) else None))

    def iterate(self) -> Iterator[cc.Customer]:
        for row in self.db.execute("SELECT %s FROM customers ORDER BY id"
                                   % self._names()).fetchall():
            yield self._customer(row)


# ---------------------------------------------------------------------------
# CSV input (columns of examples/common/customers.h).

def _money(text: str, where: str) -> int:
    try:
        return int((Decimal(text) * 100).to_integral_exact())
    except (InvalidOperation, ArithmeticError):
        raise InputError("%s: '%s' is not an amount" % (where, text)) from None


def _date(text: str, where: str) -> Optional[dt.date]:
    if not text:
        return None
    try:
        return cc.date_parse(text)
    except cc.CadenceError as e:
        raise InputError("%s: %s" % (where, e)) from None


def _hours(text: str, where: str) -> Tuple[int, int]:
    """visit_hours HH:MM-HH:MM as minutes (the C loader's rules, docs/cli.md)."""
    m = re.fullmatch(r"\s*(\d\d):(\d\d)\s*-\s*(\d\d):(\d\d)\s*", text)
    if m:
        h1, m1, h2, m2 = (int(x) for x in m.groups())
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if h1 < 24 and h2 <= 24 and m1 < 60 and m2 < 60 and end <= 1440 and start < end:
            return start, end
    raise InputError("%s: visit_hours: '%s' is not HH:MM-HH:MM (such as 09:00-12:00)"
                     % (where, text))


def load_customers(path: Path) -> Tuple[List[cc.Customer], Dict[str, str]]:
    customers: List[cc.Customer] = []
    names: Dict[str, str] = {}
    with open(path, newline="", encoding="utf-8") as f:
        for n, row in enumerate(csv.DictReader(f), 2):
            where = "%s:%d" % (path.name, n)
            g = lambda k: (row.get(k) or "").strip()  # noqa: E731
            c = cc.Customer(id=g("id"))
            names[c.id] = g("name")
            c.value = _money(g("value"), where) if g("value") else 0
            if g("grade"):
                c.grade = g("grade")
            if g("status"):
                c.status = g("status")
            c.purchase_date = _date(g("purchase_date"), where)
            if g("monthly_volume"):
                c.monthly_volume = _money(g("monthly_volume"), where)
            if g("margin_pct"):
                c.margin_bp = _money(g("margin_pct"), where)
            c.capable = g("capable") != "0"
            if g("lat") and g("lon"):
                c.has_location, c.y, c.x = True, float(g("lat")), float(g("lon"))
            c.last_contact = _date(g("last_contact"), where)
            # the latest contact is taken for a visit unless last_visit says
            # otherwise (as examples/common/customers.c reads it)
            c.last_visit = _date(g("last_visit"), where) if g("last_visit") else c.last_contact
            c.contacts = int(g("contacts")) if g("contacts") else (1 if c.last_contact else 0)
            c.no_progress = int(g("no_progress") or 0)
            if g("complaint"):
                c.complaint = g("complaint")
            c.complaint_date = _date(g("complaint_date"), where)
            days = cc.Weekday(0)
            for w in g("visit_days").split():
                if w.lower() not in WEEKDAYS:
                    raise InputError("%s: visit_days: '%s' is not a weekday" % (where, w))
                days |= WEEKDAYS[w.lower()]
            c.visit_days = days
            if g("visit_hours"):
                c.visit_open_min, c.visit_close_min = _hours(g("visit_hours"), where)
            c.next_step_date = _date(g("next_step"), where)
            c.request_date = _date(g("request_date"), where)
            c.owned_since = _date(g("owned_since"), where)
            customers.append(c)
    return customers, names


def load_contacts(path: Path) -> List[Tuple[str, cc.Contact]]:
    out = []
    with open(path, newline="", encoding="utf-8") as f:
        for n, row in enumerate(csv.DictReader(f), 2):
            where = "%s:%d" % (path.name, n)
            out.append((row["customer_id"].strip(), cc.Contact(
                date=_date(row["date"].strip(), where), kind=row.get("kind") or "visit",
                outcome=row.get("outcome") or "progress",
                recorded=(row.get("record") or "1").strip() != "0",
                next_date=_date((row.get("next_date") or "").strip(), where))))
    return out


# ---------------------------------------------------------------------------


def main(argv: Optional[List[str]] = None) -> int:
    default_customers = DATA / "territory.csv"
    if not default_customers.exists():
        default_customers = DATA / "sample.csv"
    default_contacts = DATA / "contacts.csv"
    p = argparse.ArgumentParser(description="Plan the rep's week over a sqlite3 store.")
    p.add_argument("--customers", type=Path, default=default_customers)
    p.add_argument("--contacts", type=Path,
                   default=default_contacts if default_contacts.exists() else None)
    p.add_argument("--rules", type=Path)
    p.add_argument("--db", default=":memory:", help="sqlite3 database (default: in memory)")
    p.add_argument("--today", default="2026-11-23", help="first day planned (YYYY-MM-DD)")
    p.add_argument("--days", type=int, default=7)
    p.add_argument("--capacity", type=int, default=8, help="visits per working day")
    a = p.parse_args(argv)
    try:
        first = cc.date_parse(a.today)
    except cc.CadenceError:
        p.print_usage(sys.stderr)
        print("plan_week.py: --today: '%s' is not a date" % a.today, file=sys.stderr)
        return 2

    try:
        customers, names = load_customers(a.customers)
        contacts = load_contacts(a.contacts) if a.contacts else []
        store = SqliteStore(a.db)
        with cc.Context(store=store) as ctx:
            rules = cc.Rules(ctx, a.rules.read_text() if a.rules else None)
            staging = ctx.book(customers)
            staging.store_save()                      # one transaction for the whole book
            book = cc.Book.from_store(ctx)            # and back, through iterate
            if not contacts:                          # a few made-up contacts
                contacts = [(cid, cc.Contact(date=first - dt.timedelta(days=3 + k),
                                             kind="call", next_date=first + dt.timedelta(2)))
                            for k, cid in enumerate(book.ids()[:3])]
            recorded = 0
            for cid, contact in contacts:
                if cid in book:
                    book.store_record(cid, contact)   # store and book, all or nothing
                    recorded += 1
            book.grade(rules)
            located = [c for c in book if c.has_location]
            base_x = sum(c.x for c in located) / len(located) if located else 0.0
            base_y = sum(c.y for c in located) / len(located) if located else 0.0
            sched = book.schedule(rules, first, a.days, visits_per_day=a.capacity,
                                  route=bool(located), metric=cc.Metric.GEO, base_x=base_x,
                                  base_y=base_y, units_per_minute=500)
            n_rows = store.db.execute("SELECT COUNT(*) FROM customers").fetchone()[0]
            n_contacts = store.db.execute("SELECT COUNT(*) FROM contacts").fetchone()[0]
            print("custcadence %s: %d customers in the store, %d contacts recorded through it"
                  % (cc.version(), n_rows, n_contacts))
            last = first + dt.timedelta(days=a.days - 1)
            print("Plan for %s .. %s (%d items)" % (first, last, len(sched)))
            by_day = sched.by_day()
            for k in range(a.days):
                day = first + dt.timedelta(days=k)
                items = sorted(by_day.get(day, []),  # route order, then the rest
                               key=lambda i: (i.seq == 0, i.seq, i.priority))
                print("\n%s %s  %d item(s)" % (day.strftime("%a"), day, len(items)))
                for it in items:
                    when = ("%02d:%02d" % divmod(it.eta_min, 60)) if it.eta_min >= 0 else "     "
                    why = it.reasons[0].text if it.reasons else ""
                    who = "%s %s" % (it.customer_id, names.get(it.customer_id, ""))
                    extra = "" if it.delegated == cc.Delegation.REP else \
                        " [%s]" % it.delegated.name.lower()
                    print("  %2s %s %-40.40s %-7s %s%s  %s"
                          % (it.seq or "", when, who, it.kind.name.lower(), it.quadrant.name,
                             extra, why))
            findings = sched.findings
            kinds: Dict[str, int] = {}
            for f in findings:
                kinds[f.kind.name.lower()] = kinds.get(f.kind.name.lower(), 0) + 1
            print("\nFindings: %d (%s)" % (len(findings),
                                          ", ".join("%s %d" % kv for kv in sorted(kinds.items()))))
            w = book.workload(rules, first)
            print("Workload: %d contacts needed in %d days, capacity %d%s"
                  % (w.visits, w.period_days, w.capacity, " - OVER" if w.over else ""))
    except (InputError, OSError, cc.CadenceError) as e:
        print("plan_week.py: %s" % e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
