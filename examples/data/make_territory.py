#!/usr/bin/env python3
"""Generates the bundled territory of the example programs.

    python3 examples/data/make_territory.py        # writes territory.csv and contacts.csv here

The territory is the market platform of seed 004: about 300 customers of a
fictional city (around lat 31.2, lon 121.4), of whom the rep works about 60
(prospects, active and key customers); the others are released (still in the
market) or eliminated. Values follow a long tail, so the default rank shares
give roughly 15 % A, 25 % B and 60 % C. Dates are set around the reference
day 2026-11-23 (a Monday), the day the tests plan from. About one customer
in ten has visit hours (HH:MM-HH:MM inside 08:00-17:00), drawn by a
generator of their own so the other columns do not depend on them.

Every company name is invented. The output is deterministic (fixed seed, no
clock): running the script again gives byte-identical files.
Python 3 standard library only.
"""

import csv
import datetime
import os
import random

SEED = 4004
REF = datetime.date(2026, 11, 23)
N = 300
N_WORKING = 60

HERE = os.path.dirname(os.path.abspath(__file__))

# Districts of the fictional city: centre (lat, lon), spread in degrees.
DISTRICTS = [
    ("Old Harbour", 31.232, 121.478, 0.012),
    ("North Docks", 31.305, 121.505, 0.015),
    ("Riverside", 31.172, 121.402, 0.014),
    ("West Park", 31.248, 121.330, 0.013),
    ("South Gate", 31.118, 121.520, 0.012),
    ("Lakeview", 31.205, 121.268, 0.010),
]
DISTRICT_WEIGHTS = [30, 18, 20, 14, 10, 8]

PREFIXES = [
    "Harbourline", "Jadeport", "Eastgate", "Silverbay", "Copperleaf", "Bluewater",
    "Northwind", "Redstone", "Greenfield", "Brightpath", "Ironbridge", "Lotus Crown",
    "Pearl River", "Golden Reed", "Cloudpeak", "Maplecrest", "Sunward", "Stonegate",
    "Riverbend", "Oakhollow", "Clearwave", "Westmoor", "Highmark", "Amberline",
    "Cedarpoint", "Swiftfield", "Tidewater", "Crescent", "Pinehurst", "Starling",
    "Kestrel", "Willowby", "Granite Bay", "Coral Gate", "Fairhaven", "Seabright",
    "Longshore", "Bamboo Grove", "Peony Hill", "Twin Lantern",
]
TRADES = [
    "Logistics", "Engineering", "Medical Supply", "Hotels", "Trading", "Packaging",
    "Electronics", "Textiles", "Foods", "Printing", "Auto Parts", "Building Materials",
    "Pharmacy", "Restaurants", "Office Supply", "Hardware", "Cold Chain", "Bakery",
    "Clinics", "Tooling",
]
FORMS = ["Co.", "Ltd.", "Group", "& Sons", "Holdings", "Works", ", Ltd.", "Partners"]


def day(d):
    return d.isoformat()


def main():
    rng = random.Random(SEED)

    # Unique invented names.
    names = set()
    name_list = []
    while len(name_list) < N:
        form = rng.choice(FORMS)
        n = "%s %s%s%s" % (rng.choice(PREFIXES), rng.choice(TRADES),
                           "" if form.startswith(",") else " ", form)
        if n not in names:
            names.add(n)
            name_list.append(n)

    # Long-tail values (currency units): a few big accounts, many small ones.
    values = sorted((min(5_000_000.0, 12_000.0 * rng.paretovariate(1.1)) for _ in range(N)),
                    reverse=True)
    values = [round(v, -2) for v in values]

    # Which customers the rep works: the biggest twelve, then a random choice.
    order = list(range(N))
    working = set(range(12))
    rest = order[12:]
    rng.shuffle(rest)
    working.update(rest[: N_WORKING - 12])
    eliminated = set(rest[N_WORKING - 12: N_WORKING - 2])

    rows = []
    for i in range(N):
        d = rng.choices(DISTRICTS, weights=DISTRICT_WEIGHTS)[0]
        lat = round(rng.gauss(d[1], d[3]), 4)
        lon = round(rng.gauss(d[2], d[3]), 4)
        r = {
            "id": "T-%03d" % (i + 1),
            "name": name_list[i],
            "value": "%.2f" % values[i],
            "grade": "",
            "purchase_date": "",
            "monthly_volume": "",
            "margin_pct": "",
            "capable": "",
            "lat": "%.4f" % lat,
            "lon": "%.4f" % lon,
            "status": "",
            "last_contact": "",
            "contacts": "",
            "no_progress": "",
            "complaint": "",
            "complaint_date": "",
            "visit_days": "",
            "visit_hours": "",
            "next_step": "",
            "request_date": "",
            "owned_since": "",
        }
        rows.append(r)

    wlist = sorted(working)  # by value, highest first
    # Statuses of the working platform: the top ten are key accounts, about
    # one in five of the others a prospect, the rest active.
    for rank, i in enumerate(wlist):
        r = rows[i]
        if rank < 10:
            r["status"] = "key"
        elif rng.random() < 0.22:
            r["status"] = "prospect"
        else:
            r["status"] = "active"
    for i in range(N):
        if i in working:
            continue
        rows[i]["status"] = "eliminated" if i in eliminated else "released"

    n_w = len(wlist)
    for rank, i in enumerate(wlist):
        r = rows[i]
        tier = "A" if rank < n_w * 0.15 else ("B" if rank < n_w * 0.40 else "C")
        v = values[i]
        # Last contact: big accounts recently, the tail less often.
        if r["status"] == "prospect" and rng.random() < 0.35:
            pass  # never contacted
        else:
            gap = {"A": rng.randint(1, 8), "B": rng.randint(2, 19),
                   "C": rng.randint(6, 75)}[tier]
            last = REF - datetime.timedelta(days=gap)
            if last.weekday() >= 5:  # contacts happen on working days
                last -= datetime.timedelta(days=last.weekday() - 4)
            r["last_contact"] = day(last)
            if r["status"] == "prospect":
                n = rng.randint(1, 6)
            else:
                n = rng.randint(6, 45) if tier != "C" else rng.randint(3, 20)
            r["contacts"] = str(n)
            if rng.random() < 0.25:
                r["no_progress"] = str(min(n, rng.randint(1, 4)))
            else:
                r["no_progress"] = "0"
        # Volumes and margins of buying customers, so triage has every kind:
        # self-driven (>= 80k a month: let go), push-needed (30k..80k:
        # persist blocks), unmovable (< 30k: persisted only if capable,
        # else given up). Most big accounts buy by themselves; a few
        # customers need pushing.
        if r["status"] in ("active", "key") and (tier != "C" or rng.random() < 0.4):
            u = rng.random()
            if tier == "A" and u < 0.7 or tier == "B" and u < 0.35:
                vol, capable = rng.uniform(80_000, 400_000), "1"
            elif tier != "C" and u < 0.55 or tier == "C" and u < 0.08:
                vol, capable = rng.uniform(32_000, 78_000), "1"
            else:
                vol = rng.uniform(1_500, 28_000)
                capable = "1" if rng.random() < 0.15 else "0"
            r["monthly_volume"] = "%.2f" % round(vol, -2)
            r["margin_pct"] = "%.1f" % rng.uniform(8, 36)
            r["capable"] = capable
        if rng.random() < 0.2:
            r["visit_days"] = rng.choice(["Mon Wed Fri", "Tue Thu", "Mon Tue Wed Thu",
                                          "Wed Thu Fri"])
        if r["status"] == "prospect":
            r["owned_since"] = day(REF - datetime.timedelta(days=rng.randint(30, 80)))

    def pick(pred, k):
        cands = [i for i in wlist if pred(rows[i])]
        rng.shuffle(cands)
        return cands[:k]

    def is_ab(r):
        return wlist.index(int(r["id"][2:]) - 1) < n_w * 0.40

    def is_c(r):
        return not is_ab(r)

    # Purchase decisions: some this week, some within two weeks, some months away.
    for i in pick(lambda r: is_ab(r) and r["status"] != "prospect", 2):
        rows[i]["purchase_date"] = day(REF + datetime.timedelta(days=rng.randint(2, 6)))
    for i in pick(lambda r: is_ab(r) and not r["purchase_date"], 3):
        rows[i]["purchase_date"] = day(REF + datetime.timedelta(days=rng.randint(8, 13)))
    for i in pick(lambda r: not r["purchase_date"], 22):
        rows[i]["purchase_date"] = day(REF + datetime.timedelta(days=rng.randint(45, 200)))
    # One C customer buying this week: urgent but unimportant (Q3).
    for i in pick(lambda r: is_c(r) and not r["purchase_date"] and r["last_contact"], 1):
        rows[i]["purchase_date"] = day(REF + datetime.timedelta(days=3))

    # Complaints: two open (one important, one not), three resolved recently.
    for i in pick(lambda r: is_ab(r) and r["status"] == "key", 1) + \
            pick(lambda r: is_c(r) and r["status"] == "active", 1):
        rows[i]["complaint"] = "open"
        rows[i]["complaint_date"] = day(REF - datetime.timedelta(days=rng.randint(2, 4)))
        if rows[i]["last_contact"] and rows[i]["last_contact"] > rows[i]["complaint_date"]:
            rows[i]["last_contact"] = rows[i]["complaint_date"]
    for i in pick(lambda r: r["status"] in ("active", "key") and not r["complaint"], 3):
        rows[i]["complaint"] = "resolved"
        rows[i]["complaint_date"] = day(REF - datetime.timedelta(days=rng.randint(3, 9)))

    # Visit requests: a small customer asks to be seen tomorrow.
    for i in pick(lambda r: is_c(r) and r["status"] == "active" and not r["complaint"], 1):
        rows[i]["request_date"] = day(REF + datetime.timedelta(days=1))

    # Next steps agreed at the latest contact.
    for i in pick(lambda r: r["last_contact"] != "", 12):
        last = datetime.date.fromisoformat(rows[i]["last_contact"])
        nxt = max(last + datetime.timedelta(days=1),
                  REF + datetime.timedelta(days=rng.randint(0, 9)))
        rows[i]["next_step"] = day(nxt)

    # Prospects whose ownership (90 days) ends this week with few contacts:
    # a release then would be premature.
    for k, i in enumerate(pick(lambda r: r["status"] == "prospect", 2)):
        rows[i]["owned_since"] = day(REF - datetime.timedelta(days=90 - 1 - 2 * k))

    # The released: contacted months ago, most after a fair number of
    # contacts, three of them too early (fewer than five contacts).
    released = [i for i in range(N) if rows[i]["status"] == "released"]
    early = set(rng.sample(released, 3))
    for i in range(N):
        r = rows[i]
        if r["status"] not in ("released", "eliminated"):
            continue
        last = REF - datetime.timedelta(days=rng.randint(60, 400))
        r["last_contact"] = day(last)
        r["contacts"] = str(rng.randint(2, 4) if i in early else rng.randint(5, 16))
        r["no_progress"] = str(rng.randint(0, 3))

    # Visit hours: about one customer in ten can only be seen at certain
    # hours, each span inside the rep's 08:00-17:00 day; a fifth of the
    # worked customers, so the week's plan meets them. A generator of its own,
    # so everything else stays as it was before the column existed.
    hrng = random.Random(SEED + 1)
    spans = ["09:00-12:00", "14:00-17:00", "08:00-10:30", "10:00-16:00", "13:00-17:00"]
    others = [i for i in range(N) if i not in working]
    for i in sorted(hrng.sample(wlist, N_WORKING // 5) + hrng.sample(others, 18)):
        rows[i]["visit_hours"] = hrng.choice(spans)

    fields = list(rows[0].keys())
    with open(os.path.join(HERE, "territory.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)

    # Recent contacts, logged after the territory's last_contact dates and
    # before the reference day, in date order.
    events = []
    for i in rng.sample(wlist, 26):
        r = rows[i]
        start = datetime.date.fromisoformat(r["last_contact"]) if r["last_contact"] else \
            REF - datetime.timedelta(days=14)
        if (REF - start).days < 3:
            continue
        for _ in range(rng.randint(1, 2)):
            d = start + datetime.timedelta(days=rng.randint(1, (REF - start).days - 1))
            if d.weekday() >= 5:
                continue
            kind = rng.choices(["visit", "call", "message", "email", "other"],
                               weights=[45, 30, 12, 10, 3])[0]
            outcome = rng.choices(["progress", "no_progress", "order"],
                                  weights=[55, 35, 10])[0]
            if r["complaint"] == "open":
                outcome = "no_progress"
            rec = "0" if rng.random() < 0.15 else "1"
            nxt = ""
            if rng.random() < 0.3:
                nxt = day(REF + datetime.timedelta(days=rng.randint(1, 8)))
            events.append((day(d), r["id"], kind, outcome, rec, nxt))
    # One open complaint is resolved on a visit, and a customer complains on a call.
    opened = [i for i in wlist if rows[i]["complaint"] == "open"]
    events.append((day(REF - datetime.timedelta(days=1 + (REF.weekday() == 0) * 2)),
                   rows[opened[-1]]["id"], "visit", "complaint_resolved", "1", ""))
    quiet = [i for i in wlist if rows[i]["status"] == "active" and not rows[i]["complaint"]
             and rows[i]["last_contact"] and rows[i]["last_contact"] < day(REF - datetime.timedelta(days=5))]
    events.append((day(REF - datetime.timedelta(days=4)), rows[quiet[0]]["id"], "call",
                   "complaint_opened", "1", ""))
    events.sort()
    with open(os.path.join(HERE, "contacts.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["customer_id", "date", "kind", "outcome", "record", "next_date"])
        for e in events:
            w.writerow([e[1], e[0], e[2], e[3], e[4], e[5]])


if __name__ == "__main__":
    main()
