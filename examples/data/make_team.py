#!/usr/bin/env python3
"""Generates the bundled team of ccad-team.

    python3 examples/data/make_team.py     # writes team-reps.csv and team-customers.csv here

Five reps share one fictional city (around lat 31.2, lon 121.4), each with a
base in its own district and about 300 customers around it (1,500 in all),
of whom it works about 45 (prospects, active and key customers); the others
are released or eliminated. Values follow a long tail. Dates are set around
the reference day 2026-11-23 (a Monday), the day the tests plan from. Some
small customers ask to be seen this week (urgent but not important: Q3), so
busy reps hand visits to colleagues, and two reps are away for part of the
week, so their visits go to substitutes.

Every company and person name is invented. The output is deterministic
(fixed seed, no clock): running the script again gives byte-identical files.
Python 3 standard library only.
"""

import csv
import datetime
import os
import random

SEED = 1414
REF = datetime.date(2026, 11, 23)
PER_REP = 300
WORKING = 45

HERE = os.path.dirname(os.path.abspath(__file__))

# id, name, base (lat, lon), visits a day, day start, day end, absent days
REPS = [
    ("R-EAST", "Lin Wei", 31.232, 121.478, 7, "08:00", "17:00", []),
    ("R-NORTH", "Zhou Min", 31.305, 121.505, 6, "08:30", "17:30", [2]),
    ("R-SOUTH", "Chen Jing", 31.150, 121.480, 7, "08:00", "17:00", []),
    ("R-WEST", "Wang Fang", 31.248, 121.330, 6, "09:00", "18:00", [3, 4]),
    ("R-RIVER", "Liu Yang", 31.172, 121.402, 7, "08:00", "16:30", []),
]
SPREAD = 0.02

PREFIXES = [
    "Harbourline", "Jadeport", "Eastgate", "Silverbay", "Copperleaf", "Bluewater",
    "Northwind", "Redstone", "Greenfield", "Brightpath", "Ironbridge", "Lotus Crown",
    "Pearl River", "Golden Reed", "Cloudpeak", "Maplecrest", "Sunward", "Stonegate",
    "Riverbend", "Oakhollow", "Clearwave", "Westmoor", "Amberline", "Cedarpoint",
    "Tidewater", "Crescent", "Pinehurst", "Starling", "Kestrel", "Willowby",
]
TRADES = [
    "Logistics", "Engineering", "Medical Supply", "Hotels", "Trading", "Packaging",
    "Electronics", "Textiles", "Foods", "Printing", "Auto Parts", "Hardware",
    "Pharmacy", "Restaurants", "Office Supply", "Cold Chain", "Bakery", "Tooling",
]
FORMS = ["Co.", "Ltd.", "Group", "Holdings", "Works", "Partners", "Trading Co.", "Supply"]

COLUMNS = ["id", "name", "owner", "value", "status", "lat", "lon", "last_contact", "contacts",
           "no_progress", "purchase_date", "request_date", "visit_days", "visit_hours"]


def day(d):
    return d.isoformat()


def working_day_before(d):
    while d.weekday() >= 5:
        d -= datetime.timedelta(days=1)
    return d


def customers_of(rng, rep, first_no, names):
    rep_id, _, lat0, lon0 = rep[:4]
    values = sorted((min(5_000_000.0, 12_000.0 * rng.paretovariate(1.1))
                     for _ in range(PER_REP)), reverse=True)
    working = set(range(12))
    rest = list(range(12, PER_REP))
    rng.shuffle(rest)
    working.update(rest[: WORKING - 12])
    eliminated = set(rest[WORKING - 12: WORKING + 8])
    rows = []
    for k in range(PER_REP):
        while True:
            name = "%s %s %s" % (rng.choice(PREFIXES), rng.choice(TRADES), rng.choice(FORMS))
            if name not in names:
                names.add(name)
                break
        r = dict.fromkeys(COLUMNS, "")
        r.update(id="C-%04d" % (first_no + k), name=name, owner=rep_id,
                 value="%.2f" % round(values[k], -2),
                 lat="%.4f" % rng.gauss(lat0, SPREAD), lon="%.4f" % rng.gauss(lon0, SPREAD))
        if k not in working:
            r["status"] = "eliminated" if k in eliminated else "released"
            rows.append(r)
            continue
        tier = "A" if k < 10 else ("B" if k < 26 else "C")
        r["status"] = "key" if k < 8 else ("prospect" if rng.random() < 0.2 else "active")
        gap = {"A": rng.randint(1, 8), "B": rng.randint(1, 9), "C": rng.randint(4, 30)}[tier]
        r["last_contact"] = day(working_day_before(REF - datetime.timedelta(days=gap)))
        n = rng.randint(6, 40) if tier != "C" else rng.randint(2, 15)
        r["contacts"] = str(n)
        r["no_progress"] = str(min(n, rng.randint(0, 3)))
        if tier != "C" and rng.random() < 0.12:
            r["purchase_date"] = day(REF + datetime.timedelta(days=rng.randint(2, 12)))
        if tier == "C" and rng.random() < 0.12:  # small customers asking for a visit: Q3
            r["request_date"] = day(REF + datetime.timedelta(days=rng.randint(0, 4)))
        if rng.random() < 0.15:
            r["visit_days"] = rng.choice(["Mon Wed Fri", "Tue Thu", "Mon Tue Wed Thu"])
        if rng.random() < 0.08:
            start = rng.choice([9, 10, 13, 14])
            r["visit_hours"] = "%02d:00-%02d:00" % (start, start + 3)
        rows.append(r)
    return rows


def main():
    rng = random.Random(SEED)
    names = set()
    with open(os.path.join(HERE, "team-reps.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "lat", "lon", "visits_per_day", "day_start", "day_end",
                    "absent"])
        for rep_id, name, lat, lon, vpd, start, end, away in REPS:
            absent = " ".join(day(REF + datetime.timedelta(days=d)) for d in away)
            w.writerow([rep_id, name, "%.4f" % lat, "%.4f" % lon, vpd, start, end, absent])
    rows = []
    for n, rep in enumerate(REPS):
        rows.extend(customers_of(rng, rep, 1 + n * PER_REP, names))
    with open(os.path.join(HERE, "team-customers.csv"), "w", newline="",
              encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


if __name__ == "__main__":
    main()
