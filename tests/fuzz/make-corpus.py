#!/usr/bin/env python3
"""Writes the seed corpora of tests/fuzz/corpus/<harness>/ (docs/fuzzing.md).

Run from anywhere: python3 tests/fuzz/make-corpus.py. It rewrites only the
files it names (a crash reproducer added by hand to a corpus stays). The
binary layouts mirror the decoders in fuzz_contacts.c and fuzz_route.c."""
import os
import random
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def put(harness, name, data):
    d = os.path.join(HERE, "corpus", harness)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


# ---------------------------------------------------------------- rules
DEFAULTS = open(os.path.join(HERE, "defaults-rules.txt"), encoding="ascii").read()
rules = {
    "defaults.txt": DEFAULTS,
    "defaults-crlf.txt": DEFAULTS.replace("\n", "\r\n"),
    "defaults-no-final-newline.txt": DEFAULTS.rstrip("\n"),
    "empty.txt": "",
    "comments-only.txt": "# nothing here\n\n   # indented comment\n\t\n",
    "example.txt": "# libcustcadence rules (docs/rules-format.md)\n"
                   "grade.method = threshold        # grade by value, not by rank\n"
                   "grade.threshold_a = 15000000    # 150k in minor units\n"
                   "gap.grades = ABC\nescalate.q4 = 1\n",
    "sample-territory.txt": "gap.max_days = 10\ngap.alert_days = 15\ngap.grades = ABC\n"
                            "escalate.rep_days = 2\nescalate.manager_days = 4\n"
                            "escalate.reassign_days = 10\nescalate.q4 = 1\nstall.after = 4\n",
    "integer-forms.txt": "grade.method = 1\ngap.grades = 3\nfreq.work_days = 96\n"
                         "quadrant.important = 15\ntriage.band = +1\n",
    "masks.txt": "quadrant.important = DCBA\ngap.grades = none\nkeepwarm.grades = C\n"
                 "freq.work_days = Sun+Sat+Mon\n",
    "use-d.txt": "grade.use_d = 1\ngrade.share_a_pct = 10\ngrade.share_b_pct = 20\n"
                 "grade.share_c_pct = 30\ngrade.threshold_c = 100\nfreq.d_count = 1\n",
    "blanks-and-tabs.txt": "\t gap.max_days\t=\t7\t#x\n  gap.alert_days=8#\n",
    "extremes.txt": "grade.threshold_a = 1000000000000000\ngrade.threshold_b = 999999999999999\n"
                    "ownership.days = 3660\nstall.after = 1000\nfreq.let_go_factor = 10\n"
                    "urgency.week_days = 0\nurgency.two_weeks_days = 366\n",
    "platform.txt": "platform.working_cap = 100\nplatform.cap_a = 50\nplatform.cap_b = 50\n"
                    "platform.reserve = 0\nplatform.c_max_pct = 0\n",
    "route-times.txt": "route.service_a_min = 1440\nroute.service_d_min = 1\n"
                       "capacity.pull_ahead_days = 30\ncapacity.q4_rollover_days = 0\n",
    # one file per error kind
    "err-nul.txt": "gap.max_days = 7\x00\n",
    "err-cr.txt": "gap.max_days = 7\r\r\n",
    "err-key-start.txt": "Gap.max_days = 7\n",
    "err-equals-start.txt": "=5\n",
    "err-no-equals.txt": "gap.max_days 7\n",
    "err-unknown.txt": "gap.max_days = 10\n\ngap.max_day = 12\n",
    "err-duplicate.txt": "gap.max_days = 10\ngap.max_days = 11\n",
    "err-missing-value.txt": "gap.max_days =   \n",
    "err-trailing.txt": "gap.max_days = 7 days\n",
    "err-comma.txt": "gap.max_days = 7,\n",
    "err-bad-integer.txt": "gap.max_days = 1x\n",
    "err-sign-only.txt": "gap.max_days = +\n",
    "err-bool-word.txt": "escalate.q4 = true\n",
    "err-too-large.txt": "grade.threshold_a = 99999999999999999999\n",
    "err-keyword-case.txt": "grade.method = Rank\n",
    "err-mask-repeat.txt": "gap.grades = AA\n",
    "err-mask-lower.txt": "gap.grades = ab\n",
    "err-mask-letter.txt": "quadrant.important = E\n",
    "err-weekday-repeat.txt": "freq.work_days = Mon+Mon\n",
    "err-weekday-joined.txt": "freq.work_days = MonTue\n",
    "err-weekday-dangling.txt": "freq.work_days = Mon+\n",
    "err-weekday-zero.txt": "freq.work_days = 0\n",
    "err-range.txt": "gap.max_days = 0\n",
    "err-range-negative.txt": "patience.min_contacts = -5\n",
    "err-enum-range.txt": "grade.method = 2\n",
    "err-conflict-gap.txt": "gap.alert_days = 10\ngap.max_days = 12\n",
    "err-conflict-escalate.txt": "escalate.reassign_days = 2\n",
    "err-share-sum.txt": "grade.share_b_pct = 90\n",
    "err-share-use-d.txt": "grade.share_c_pct = 80\ngrade.use_d = 1\n",
    "err-threshold-c.txt": "grade.use_d = 1\ngrade.threshold_c = 3000000\n",
    "err-platform-order.txt": "platform.working_cap = 10\n",
}
for name, text in rules.items():
    put("rules", name, text)

# ---------------------------------------------------------------- contacts
def day(off):
    """pick_day byte for base + off, -32 <= off <= 31."""
    return 0x20 + (off + 32)


NO_DATE = 0


def customer(idsel=0, value=50, grade=1, status=2, purchase=NO_DATE, volume=100, margin=50,
             cap_compl=1, compl_date=NO_DATE, request=NO_DATE, owned=NO_DATE, loc=0x40,
             window=0, last=NO_DATE, lv=0, next_step=None, counts=0):
    b = [idsel, value, grade, status, purchase, volume, margin, cap_compl, compl_date, request,
         owned, loc, window, last, lv | (4 if next_step is not None else 0)]
    if next_step is not None:
        b.append(next_step)
    b.append(counts)
    return bytes(b)


def event(idx, date, kind=1, outcome=1, recorded=1, nxt=0, service=0, size=0):
    return bytes([idx, date, kind | (outcome << 3) | (recorded << 6), nxt, service, size])


def header(ncust, mode=0, off=0, rules=0):
    return bytes([(ncust - 1) | (mode << 6)]) + struct.pack("<H", off) + bytes([rules])


contacts = {
    "one-customer-no-events": header(1) + customer(),
    "visit-progress": header(1) + customer() + event(0, day(0)) + event(0, day(7)),
    "call-no-progress-stall": header(1, rules=64) + customer() +
        b"".join(event(0, day(i), kind=2, outcome=2, recorded=0) for i in range(4)),
    "order-prospect": header(1) + customer(status=1) + event(0, day(1), outcome=3),
    "complaint-open-resolve": header(1) + customer() + event(0, day(0), outcome=4) +
        event(0, day(3), outcome=5, service=3),
    "resolve-without-open": header(1) + customer() + event(0, day(0), outcome=5),
    "complaint-on-add": header(1) + customer(cap_compl=9, compl_date=day(-3)) +
        event(0, day(0), outcome=5),
    "older-contact": header(1) + customer() + event(0, day(10)) + event(0, day(2), kind=4),
    "next-step": header(1) + customer() + event(0, day(0), nxt=110) + event(0, day(5), nxt=150),
    "next-before-date": header(1) + customer() + event(0, day(5), nxt=97),
    "bad-kind": header(1) + customer() + event(0, day(0), kind=6),
    "bad-outcome": header(1) + customer() + event(0, day(0), outcome=7),
    "bad-recorded": header(1) + customer() + event(0, day(0), recorded=2),
    "bad-service": header(1) + customer() + event(0, day(0), service=5),
    "bad-size": header(1) + customer() + event(0, day(0), size=255),
    "bad-index": header(2) + customer() + customer() + event(2, day(0)),
    "bad-date": header(1) + customer() + event(0, 0xE3),
    "no-date": header(1) + customer() + event(0, NO_DATE),
    "services": header(1) + customer() +
        b"".join(event(0, day(i), service=i % 5) for i in range(5)),
    "four-customers": header(4, rules=128) + b"".join(customer(idsel=i & 3, value=40 * i + 1)
                                                     for i in range(4)) +
        b"".join(event(i % 4, day(i), kind=1 + i % 5) for i in range(12)),
    "duplicate-id": header(2) + customer(idsel=0) + customer(idsel=4),
    "long-ids": header(3) + customer(idsel=6) + customer(idsel=7) + customer(idsel=5),
    "negative-value": header(1) + customer(value=255),
    "bad-grade-status": header(2) + customer(grade=6) + customer(status=6),
    "manual-grades": header(4, rules=2) + b"".join(customer(grade=g) for g in (2, 3, 4, 5)),
    "summary-given": header(1) + customer(last=day(-20), lv=1 | (20 << 1), next_step=day(-10),
                                          counts=1 | (9 << 2)) + event(0, day(0)),
    "overflow-counts": header(1) + customer(last=day(-5), counts=2) +
        event(0, day(0), outcome=2, recorded=0, service=1),
    "threshold-rules": header(2, rules=1 | 16 | 32) + customer(value=200) + customer(value=3) +
        event(0, day(-30)) + event(1, day(-20), kind=2),
    "visit-only-clock": header(1, rules=4) + customer() + event(0, day(0), kind=3) +
        event(0, day(4), kind=1),
    "date-max": header(2, mode=2, off=5) + customer(purchase=0xE1, owned=day(0)) + customer() +
        event(0, 0xE1, nxt=100) + event(1, day(-2), outcome=4),
    "date-min": header(2, mode=1, off=3) + customer(request=day(-1)) + customer() +
        event(0, 0xE0) + event(1, day(3), outcome=4) + event(1, day(4), outcome=5),
    "request-purchase": header(1) + customer(purchase=day(5), request=day(1)) + event(0, day(0)),
    "bad-window": header(1) + customer(window=1 | (5 << 4)),
    "wide-window": header(1) + customer(window=0x03 | (0xF << 4)),
}
rng = random.Random(20260101)
for i in range(8):
    contacts["random-%02d" % i] = bytes(rng.randrange(256) for _ in range(40 + 20 * i))
for name, data in contacts.items():
    put("contacts", name, data)

# ---------------------------------------------------------------- route
def route(n, closed=1, effort=0, crange=1, scale=0, seed=1, pts=()):
    opt = closed | (effort << 1) | (crange << 3) | (scale << 5)
    b = bytes([(n - 1) % 40, opt]) + struct.pack("<Q", seed)
    for x, y in pts:
        b += bytes([x & 255, y & 255])
    return b


routes = {
    "single-point": route(1, pts=[(3, 3)]),
    "two-points-open": route(2, closed=0, pts=[(0, 0), (5, 5)]),
    "two-points-closed": route(2, pts=[(0, 0), (5, 5)]),
    "square": route(4, pts=[(0, 0), (0, 10), (10, 10), (10, 0)]),
    "square-open": route(4, closed=0, pts=[(0, 0), (10, 10), (0, 10), (10, 0)]),
    "all-duplicates": route(9, pts=[(1, 1)] * 9),
    "line": route(9, crange=1, pts=[(i, 0) for i in (0, 8, 2, 6, 4, 1, 7, 3, 5)]),
    "line-open": route(9, closed=0, pts=[(i, 0) for i in (4, 8, 2, 6, 0, 1, 7, 3, 5)]),
    "nine-scale-half": route(9, scale=2, crange=2, pts=[(i * 17, (i * 31) % 50 - 25) for i in range(9)]),
    "nine-scale-725": route(9, scale=3, closed=0, pts=[(i * 3 % 7, i * 5 % 11) for i in range(9)]),
    "thirteen-exact": route(13, crange=2, pts=[(i * 37 % 255, i * 91 % 255) for i in range(13)]),
    "fourteen-heuristic": route(14, crange=2, effort=1, pts=[(i * 37 % 255, i * 91 % 255) for i in range(14)]),
    "fourteen-open": route(14, closed=0, effort=2, crange=1, pts=[(i * 5, i * 7) for i in range(14)]),
    "clusters": route(30, crange=3, effort=3, pts=[((i * 13) | (128 if i % 2 else 0), (i * 7) | (128 if i % 3 == 0 else 0)) for i in range(30)]),
    "clusters-open": route(30, crange=3, closed=0, effort=3, pts=[((i * 13) | (128 if i % 2 else 0), i) for i in range(30)]),
    "forty-grid": route(40, crange=1, effort=1, pts=[(i % 7, i // 7) for i in range(40)]),
    "forty-grid-open": route(40, crange=1, closed=0, effort=3, seed=99, pts=[(i % 7, i // 7) for i in range(40)]),
    "forty-tiny": route(40, crange=0, effort=2, pts=[(i, i * 3) for i in range(40)]),
    "forty-tiny-open": route(40, crange=0, closed=0, effort=0, pts=[(i * 5, i) for i in range(40)]),
    "truncated": bytes([25, 0x0b]),
    "empty": b"",
}
rng = random.Random(7)
for i in range(12):
    n = rng.randrange(1, 41)
    routes["random-%02d" % i] = route(n, closed=rng.randrange(2), effort=rng.randrange(4),
                                      crange=rng.randrange(4), scale=rng.randrange(4),
                                      seed=rng.randrange(1 << 64),
                                      pts=[(rng.randrange(256), rng.randrange(256)) for _ in range(n)])
for name, data in routes.items():
    put("route", name, data)

# ---------------------------------------------------------------- csv
HEAD = ("id,name,value,grade,purchase_date,monthly_volume,margin_pct,capable,lat,lon,status,"
        "last_contact,contacts,no_progress,complaint,complaint_date,visit_days")
ALL = HEAD + ",next_step,request_date,owned_since"
csv = {
    "sample.csv": HEAD + "\n"
        'C-001,"Harbourline Logistics, Ltd.",1500000.00,,2026-11-26,95000.00,18.5,1,31.2304,121.4737,key,2026-11-20,14,0,,,Mon Tue Wed Thu Fri\n'
        "C-002,Jadeport Engineering,980000.00,,2026-12-04,62000.00,22,1,31.1892,121.4371,active,2026-11-19,11,1,,,\n"
        "C-003,Open Complaint Co,12000,B,,,,0,,,active,2026-11-01,3,3,open,2026-11-10,mon;wed\n"
        "C-004,Released,5,,,,,,,,released,,,,resolved,2026-10-01,Saturday\n",
    "all-columns.csv": ALL + "\n"
        "a1,Alpha,100.5,A,2026-01-10,2000,100,1,-90,180,prospect,2026-01-01,2,1,none,,sun,2026-01-05,2026-01-03,2025-12-01\n",
    "minimal.csv": "id\nx\ny\nz\n",
    "header-only.csv": "id,name,value\n",
    "empty.csv": "",
    "blank-lines.csv": "\n\nid,value\n\n\r\nA,1\n\n",
    "bom.csv": "\ufeffid,name\nA,Ann\n",
    "crlf.csv": "id,name,value\r\nA,Ann,1\r\nB,Bob,2\r\n",
    "no-final-newline.csv": "id,name\nA,Ann",
    "quoted-comma.csv": 'id,name\nA,"Smith, John"\n',
    "quoted-quote.csv": 'id,name\nA,"say ""hi"""\n',
    "quoted-newline.csv": 'id,name\nA,"two\nlines"\nB,"crlf\r\ninside"\n',
    "quoted-empty-record.csv": 'id\n""\n',
    "quoted-id.csv": '"id","name"\n"A","Ann"\n',
    "blank-padded.csv": "id , value \n  A  ,  12.50 \n",
    "long-id.csv": "id\n" + "x" * 64 + "\n" + "y" * 65 + "\n",
    "err-unterminated.csv": 'id,name\nA,"open\n',
    "err-quote-after.csv": 'id,name\nA,"x"y\n',
    "err-quote-inside.csv": 'id,name\nA,x"y\n',
    "err-bare-cr.csv": "id,name\rA,B\n",
    "err-nul.csv": "id,name\nA,x\x00y\n",
    "err-extra-field.csv": "id,name\nA,B,C\n",
    "err-missing-field.csv": "id,name,value\nA,B\n",
    "err-unknown-column.csv": "id,nam\nA,B\n",
    "err-duplicate-column.csv": "id,name,name\nA,B,C\n",
    "err-empty-column.csv": "id,,name\nA,B,C\n",
    "err-missing-id-column.csv": "name\nA\n",
    "err-empty-id.csv": "id,name\n  ,B\n",
    "err-duplicate-id.csv": "id\nA\nB\nA\n",
    "err-value.csv": "id,value\nA,12.345\nB,-1\nC,1e3\n",
    "err-value-large.csv": "id,value\nA,99999999999999999.99\n",
    "err-grade.csv": "id,grade\nA,E\n",
    "err-date.csv": "id,purchase_date\nA,2026-02-30\n",
    "err-date-form.csv": "id,purchase_date\nA,30.01.2026\n",
    "err-margin.csv": "id,margin_pct\nA,100.01\n",
    "err-lat-only.csv": "id,lat,lon\nA,10,\n",
    "err-lat-range.csv": "id,lat,lon\nA,91,0\n",
    "err-contacts-zero.csv": "id,last_contact,contacts\nA,2026-01-01,0\n",
    "err-no-progress.csv": "id,contacts,no_progress\nA,2,3\n",
    "err-complaint-no-date.csv": "id,complaint\nA,open\n",
    "err-complaint-date-none.csv": "id,complaint,complaint_date\nA,none,2026-01-01\n",
    "err-visit-days.csv": "id,visit_days\nA,Mon Funday\n",
    "err-next-step.csv": "id,last_contact,next_step\nA,2026-01-10,2026-01-01\n",
    "err-capable.csv": "id,capable\nA,yes\n",
    "err-status.csv": "id,status\nA,gone\n",
}
for name, text in csv.items():
    put("csv", name, text)

# ---------------------------------------------------------------- reason
# Layout (fuzz_reason.c): why selector u8 (< 200: why = s % 64 - 2, else an
# int32 follows), rule selector u8 (< 240: rule = s % 26 - 1, else an int32
# follows), three figures (selector u8: & 3 == 0 table[s >> 2], 1 the same
# nudged by a u8, 2 an int16, 3 an int64), the cap selector u16, then the
# language u8 (% 3: en, zh-Hans, zh-Hant; 0 when the input ends).
def reason(why, rule, figs, cap, lang=None):
    out = bytes([why + 2]) if 0 <= why + 2 < 64 else bytes([255]) + struct.pack("<i", why)
    out += bytes([rule + 1]) if 0 <= rule + 1 < 26 else bytes([255]) + struct.pack("<i", rule)
    for f in figs:
        if isinstance(f, tuple):  # ("t", index) from the table
            out += bytes([f[1] << 2])
        elif -32768 <= f < 32768:
            out += bytes([2]) + struct.pack("<h", f)
        else:
            out += bytes([3]) + struct.pack("<q", f)
    out += struct.pack("<H", cap)
    return out if lang is None else out + bytes([lang])


I64MIN, I64MAX = -(1 << 63), (1 << 63) - 1
put("reason", "workload-int64-min", reason(40, 5, [I64MIN, 1, 100], 255))
put("reason", "workload-int64-max", reason(40, 5, [I64MAX, -1, 100], 40))
put("reason", "route-late-negative", reason(49, 17, [-90, I64MIN, 12], 511))
put("reason", "blocked-hours-extreme", reason(52, 17, [I64MAX, -1441, I64MIN], 10))
put("reason", "weekdays-negative-mask", reason(50, 17, [20000, -1, 0], 511))
put("reason", "unknown-why", reason(1000, 999, [I64MIN, I64MAX, 0], 511))
put("reason", "cap-zero", reason(12, 19, [20000, 14, 20014], 0xFFFF))
put("reason", "money-min", reason(3, 1, [I64MIN, I64MAX, 0], 17))
for w in range(0, 57, 8):
    put("reason", "code-%02d-table" % w, reason(w, w % 22 + 1, [("t", 0), ("t", 17), ("t", 5)], 64))
# Chinese: cuts inside multi-byte characters, money in 万 and 亿, dates
for lang in (1, 2):
    tag = "hans" if lang == 1 else "hant"
    put("reason", "zh-%s-money" % tag, reason(3, 1, [12550000, 10000000000, 0], 40, lang))
    put("reason", "zh-%s-dates" % tag, reason(12, 19, [20773, 7, 20780], 23, lang))
    put("reason", "zh-%s-extreme" % tag, reason(40, 5, [I64MIN, I64MAX, -1], 511, lang))
    put("reason", "zh-%s-unknown" % tag, reason(1000, 999, [I64MIN, I64MAX, 0], 30, lang))
    put("reason", "zh-%s-weekdays" % tag, reason(51, 17, [20780, -1, 0], 50, lang))

# ---------------------------------------------------------------- ics, svg
# Layout (writer_input.h): stop count u8 (1 + b % 6), day u32 (from
# CCAD_DATE_MIN), day start u16, base lat/lon i16; per stop the id and the
# name (length u8, 255: u16 length follows; then the bytes), a selector u8,
# kind, quadrant, grade, late, has_location u8, lat/lon i16, then (selector
# bit 0) four int32 figures, or eta u16, stay u16, [lead u8 unless bit 1],
# travel u16; then the reason count u8 and per reason rule u8, why u8 and
# three int64.
DAY_2026_11_23 = 739577  # 2026-11-23 (day 20415) - CCAD_DATE_MIN


def wtext(b):
    if isinstance(b, str):
        b = b.encode("utf-8")
    return (bytes([len(b)]) if len(b) < 255 else bytes([255]) + struct.pack("<H", len(b))) + b


def wstop(id_, name, sel=0, kind=1, quadrant=2, grade=1, late=0, loc=1, lat=31.23, lon=121.47,
          eta=9 * 60, stay=45, lead=3, travel=12, reasons=(), extreme=(0, 0, 0, 0)):
    out = wtext(id_) + wtext(name) + bytes([sel, kind, quadrant, grade, late, loc])
    out += struct.pack("<hh", int(lat * 364) if abs(lat * 364) < 32768 else 0,
                       int(lon * 182) if abs(lon * 182) < 32768 else 0)
    if sel & 1:
        out += struct.pack("<iiii", *extreme)
    else:
        out += struct.pack("<HH", eta, stay) + (b"" if sel & 2 else bytes([lead]))
        out += struct.pack("<H", travel)
    out += bytes([len(reasons)])
    for r in reasons:
        out += bytes(r[:2]) + struct.pack("<qqq", *r[2:])
    return out


def wday(stops, day=DAY_2026_11_23, start=8 * 60, base=(31.2304, 121.4737)):
    out = bytes([len(stops) - 1]) + struct.pack("<I", day) + struct.pack("<H", start)
    out += struct.pack("<hh", int(base[0] * 400), int(base[1] * 200))
    return out + b"".join(stops)


CONT90 = bytes(0x80 + (i % 64) for i in range(90))
writer_seeds = {
    "plain": wday([wstop("T-004", "Harbour Lights Hotel", reasons=[(3, 8, 2, 1, 0)])]),
    "continuation-bytes-90": wday([wstop("U-002", b"Bad" + CONT90 + b" Name")]),
    "continuation-bytes-id": wday([wstop(CONT90[:60], "")]),
    "cjk-300": wday([wstop("C-1", "\u4e0a\u6d77\u6e2f\u53e3\u8d38\u6613" * 17)]),
    "cjk-at-fold": wday([wstop("C-2", "x" * 57 + "\u4e2d\u6587" * 40)]),
    "emoji": wday([wstop("E-1", "\U0001F600 caf\u00e9 \U0001F680" * 12)]),
    "tab-cr-lf": wday([wstop("T\tAB", "Tab\there\r\nnew line\rcr only\n")]),
    "specials": wday([wstop("A&B", "Smith & Sons <\"Quoted\"> 'Ltd'; a, b \\ c")]),
    "controls": wday([wstop("\x01\x1b[31m", "bell\x07 del\x7f c1\xc2\x85 esc\x1b")]),
    "invalid-utf8": wday([wstop(b"\xc0\xaf\xed\xa0\x80", b"\xff\xfe\xf4\x90\x80\x80 \xe2\x82")]),
    "nonchars": wday([wstop("N", "\ufffe\uffff\ufffd")]),
    "long-1000": wday([wstop("L" * 64, "\u00e9" * 500)]),
    "six-stops": wday([wstop("S-%d" % i, "Stop \u00e4 %d" % i, lat=31 + i / 100, lon=121 + i / 50,
                             reasons=[(17, 49, -90, -(1 << 63), 12), (5, 40, -(1 << 63), 1, 100)])
                       for i in range(6)]),
    "extreme-figures": wday([wstop("X", "x", sel=7, extreme=(-(1 << 31), (1 << 31) - 1,
                                                         -(1 << 31), (1 << 31) - 1))]),
    "no-reminder": wday([wstop("R", "r", sel=2, loc=0)]),
    "date-max": wday([wstop("D", "d")], day=2932896 + 719162 - 3, start=1439),
    "empty": b"",
}
for name, data in writer_seeds.items():
    put("ics", name, data)
    put("svg", name, data)

# ---------------------------------------------------------------- dictionaries
names = [l.split(" = ")[0] for l in DEFAULTS.splitlines() if " = " in l]
words = names + ["rank", "threshold", "push", "unmovable", "none", "ABCD", "Mon", "Tue", "Wed",
                 "Thu", "Fri", "Sat", "Sun", " = ", "#", "\\x0d\\x0a", "+", "-", "1000000000000000"]
with open(os.path.join(HERE, "rules.dict"), "w") as f:
    for w in words:
        f.write('"%s"\n' % w)
cols = ALL.split(",")
words = cols + ["prospect", "active", "key", "released", "eliminated", "open", "resolved",
                "2026-01-01", "9999-12-31", "0001-01-01", "\\x22\\x22", "\\x0d\\x0a", "Mon Tue",
                "100.00", "A", "B", "C", "D"]
with open(os.path.join(HERE, "csv.dict"), "w") as f:
    for w in words:
        f.write('"%s"\n' % w)

# ---------------------------------------------------------------- snapshot
# Layout (fuzz_snapshot.c): one mode byte (odd: the harness reseals the
# checksum), then a book snapshot as docs/snapshot.md describes it.
NO_DATE = -2**31


def snap_record(cid, value=0, volume=-1, x=0.0, y=0.0, dates=None, order=NO_DATE, gap=-1,
                margin=-1, contacts=0, no_progress=0, missing=0, svc=(0, 0, 0, 0),
                open_min=0, close_min=1440, grade=0, status=1, complaint=0, visit_days=0,
                bits=5):
    d = dates or [NO_DATE] * 7
    raw = cid.encode("utf-8")
    return (struct.pack("<qqdd", value, volume, x, y) +
            struct.pack("<7ii", *d, order) + struct.pack("<ii", gap, margin) +
            struct.pack("<3I4I", contacts, no_progress, missing, *svc) +
            struct.pack("<HH6B", open_min, close_min, grade, status, complaint, visit_days,
                        bits, len(raw)) + raw)


def snapshot(records, version=1, flags=0, count=None):
    payload = b"".join(records)
    head = b"CCADBOOK" + struct.pack("<IIQQ", version, flags,
                                     len(records) if count is None else count, len(payload))
    h = 14695981039346656037
    for byte in head + payload:
        h = ((h ^ byte) * 1099511628211) & (2**64 - 1)
    return head + payload + struct.pack("<Q", h)


D = 20700  # 2026-09-05
put("snapshot", "empty", b"\0" + snapshot([]))
put("snapshot", "one", b"\0" + snapshot([snap_record("c1", value=5000)]))
put("snapshot", "three-mixed", b"\0" + snapshot([
    snap_record("a", value=900000, status=3, grade=1, bits=7, x=3.5, y=-4.25),
    snap_record("客户-2", value=12, dates=[D, NO_DATE, NO_DATE, D - 300, D - 3, D - 9, D + 4],
                order=D - 5, contacts=70000, svc=(1, 2, 300, 4), visit_days=21,
                open_min=480, close_min=1020),
    snap_record("x" * 64, value=9_000_000_000, volume=42, margin=2500, gap=12,
                complaint=2, dates=[NO_DATE, D - 20, NO_DATE, NO_DATE, D - 1, NO_DATE, NO_DATE]),
]))
put("snapshot", "reseal-duplicate", b"\1" + snapshot([snap_record("d"), snap_record("d")]))
put("snapshot", "reseal-version-2", b"\1" + snapshot([snap_record("v")], version=2))
put("snapshot", "reseal-count-lie", b"\1" + snapshot([snap_record("n")], count=3))
put("snapshot", "reseal-bad-order", b"\1" + snapshot([snap_record("o", order=D)]))
