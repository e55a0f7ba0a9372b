#!/usr/bin/env python3
"""Checks the machine-readable outputs of ccad-plan, ccad-ics and ccad-map.

    check_outputs.py csv      PLAN [ARGS...]
    check_outputs.py findings PLAN FILE [ARGS...]
    check_outputs.py ics      PLAN ICS [ARGS...]
    check_outputs.py map      PLAN MAP DIR [ARGS...]

PLAN, ICS and MAP are the programs; ARGS are given to each of them. The
routed stops of `ccad-plan --format csv` (rows with seq > 0) are the
reference the calendar and the maps are counted against. Exits 0 when every
check passes, 1 with a message otherwise. Python 3 standard library, and for
`ics` also python3-icalendar as an independent reader of the calendar
(tests/run.sh installs it): without it the standard-library checks still
run and the exit status is 77 (skipped).
"""

import csv
import io
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

HEADER = "date,seq,customer_id,kind,quadrant,delegated,eta,rules"


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        fail("%s exited with %d\n%s" % (" ".join(cmd), p.returncode,
                                        p.stderr.decode("utf-8", "replace")))
    return p.stdout


def plan_rows(plan, args):
    out = run([plan, "--format", "csv"] + args).decode("utf-8")
    lines = out.split("\n")
    if lines[0] != HEADER:
        fail("csv header is %r, expected %r" % (lines[0], HEADER))
    rows = list(csv.reader(io.StringIO(out)))[1:]
    if not rows:
        fail("the plan has no items")
    for n, r in enumerate(rows, 2):
        if len(r) != 8:
            fail("csv line %d has %d fields: %r" % (n, len(r), r))
        seq, delegated, eta = r[1], r[5], r[6]
        if not seq.isdigit() or delegated not in ("0", "1"):
            fail("csv line %d: bad seq or delegated: %r" % (n, r))
        if (int(seq) > 0) != (eta != ""):
            fail("csv line %d: eta must be set exactly for routed items: %r" % (n, r))
    # Calls and touches are not stops (made from anywhere); a day lists its
    # routed stops first, in route order, then the other items.
    unrouted_seen = set()
    for n, r in enumerate(rows, 2):
        if r[3] in ("call", "touch") and int(r[1]) != 0:
            fail("csv line %d: a %s is not a stop but has seq %s" % (n, r[3], r[1]))
        if int(r[1]) == 0:
            unrouted_seen.add(r[0])
        elif r[0] in unrouted_seen:
            fail("csv line %d: a stop after the day's other items: %r" % (n, r))
    # ETA increases along each day's route, and seq counts 1, 2, 3, ...
    last = {}
    for r in rows:
        if int(r[1]) == 0:
            continue
        prev = last.get(r[0])
        if prev is not None and (int(r[1]) != prev[0] + 1 or r[6] <= prev[1]):
            fail("route order broken on %s at %r" % (r[0], r))
        if prev is None and int(r[1]) != 1:
            fail("route of %s does not start at seq 1" % r[0])
        last[r[0]] = (int(r[1]), r[6])
    return rows


def check_csv(plan, args):
    rows = plan_rows(plan, args)
    print("ok: %d rows of 8 fields" % len(rows))


FINDINGS_HEADER = ["customer_id", "finding", "rules", "detail"] + \
    ["detail_%d" % k for k in range(2, 9)]


# The kinds docs/cli.md lists for ccad-plan's findings file.
FINDING_KINDS = {"unplanned", "overdue", "cooling", "cold", "stalled", "release_risk",
                 "never_contacted", "over_capacity", "dropped", "gap", "platform", "route",
                 "release_proposed", "persist_lacking"}


def check_findings(plan, path, args):
    """The findings file: the four original columns first, then detail_2 ..
    detail_8; the details fill from the left, and the rules column names
    exactly the rules of the details (each 'RULE: text')."""
    if os.path.exists(path):
        os.remove(path)
    run([plan, "--findings", path] + args)
    with open(path, newline="", encoding="utf-8") as f:
        text = f.read()
    if not text.startswith(",".join(FINDINGS_HEADER) + "\n"):
        fail("findings file header: %r" % text[:120])
    rows = list(csv.reader(io.StringIO(text)))[1:]
    more = 0
    for n, r in enumerate(rows, 2):
        if len(r) != len(FINDINGS_HEADER):
            fail("findings line %d has %d fields" % (n, len(r)))
        if r[1] not in FINDING_KINDS:
            fail("findings line %d: kind %r is not one docs/cli.md lists" % (n, r[1]))
        details = r[3:]
        filled = [d for d in details if d]
        if not filled or details[:len(filled)] != filled:
            fail("findings line %d: details not filled from the left: %r" % (n, r))
        if set(r[2].split()) != {d.split(":", 1)[0] for d in filled}:
            fail("findings line %d: rules %r do not match the details %r" % (n, r[2], filled))
        more += len(filled) > 1
    table = run([plan] + args).decode("utf-8")
    if "Findings (%d):" % len(rows) not in table:
        fail("%d findings in the file, not the table's count" % len(rows))
    print("ok: %d findings, %d with more than one reason" % (len(rows), more))


def check_ics(plan, ics, args):
    stops = sum(1 for r in plan_rows(plan, args) if int(r[1]) > 0)
    data = run([ics] + args)
    if not data.startswith(b"BEGIN:VCALENDAR\r\n"):
        fail("calendar does not start with BEGIN:VCALENDAR CRLF")
    if not data.endswith(b"END:VCALENDAR\r\n"):
        fail("calendar does not end with END:VCALENDAR CRLF")
    lines = data.split(b"\r\n")[:-1]
    for n, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            fail("line %d: bare CR or LF (lines must end in CRLF)" % n)
        if len(line) > 75:
            fail("line %d has %d octets (at most 75)" % (n, len(line)))
    for need in (b"VERSION:2.0", b"PRODID:"):
        if not any(line.startswith(need) for line in lines):
            fail("no %s line" % need.decode())
    events = sum(1 for line in lines if line == b"BEGIN:VEVENT")
    alarms = sum(1 for line in lines if line == b"BEGIN:VALARM")
    if events != stops:
        fail("%d VEVENT but %d routed stops in the plan" % (events, stops))
    if alarms != events:
        fail("%d VALARM for %d VEVENT" % (alarms, events))
    # Unfolded, every event has its properties and a unique UID.
    unfolded = data.replace(b"\r\n ", b"").split(b"\r\n")
    uids = [line for line in unfolded if line.startswith(b"UID:")]
    if len(set(uids)) != events:
        fail("UIDs are not unique")
    for prop in (b"DTSTAMP:", b"DTSTART:", b"DTEND:", b"SUMMARY:", b"GEO:", b"LOCATION:",
                 b"DESCRIPTION:", b"TRIGGER:-P"):
        if sum(1 for line in unfolded if line.startswith(prop)) < events:
            fail("some event lacks %s" % prop.decode())
    print("ok: %d events" % events)
    read_with_icalendar(data, plan_rows(plan, args))


def read_with_icalendar(data, rows):
    """The calendar read back by icalendar: every event is one routed stop
    of the plan, on its day, at its time, for its customer, in route order."""
    try:
        import icalendar
    except ImportError:
        print("SKIP: python3-icalendar is not installed: the calendar was not read back")
        sys.exit(77)
    try:
        cal = icalendar.Calendar.from_ical(data)
    except ValueError as err:
        fail("icalendar cannot read the calendar: %s" % err)
    want = sorted((r[0], int(r[1]), r[2], r[6], r[3]) for r in rows if int(r[1]) > 0)
    got = []
    for ev in cal.walk("VEVENT"):
        start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
        if end <= start:
            fail("event %s ends at %s, not after it starts" % (ev["UID"], end))
        uid = str(ev["UID"])
        customer, day, seq = uid.split("@")[0].rsplit("-", 2)
        if day != start.strftime("%Y%m%d"):
            fail("event %s starts on %s, not on the day of its UID" % (uid, start.date()))
        if "(%s, grade" % customer not in str(ev["SUMMARY"]):
            fail("event %s: the summary %r does not name the customer" % (uid, str(ev["SUMMARY"])))
        geo = ev.get("GEO")
        lat, lon = getattr(geo, "latitude", None), getattr(geo, "longitude", None)
        if lat is None or not (-90 <= float(lat) <= 90 and -180 <= float(lon) <= 180):
            fail("event %s: GEO is not a latitude and longitude" % uid)
        alarms = ev.walk("VALARM")
        if len(alarms) != 1 or alarms[0].decoded("TRIGGER").total_seconds() >= 0:
            fail("event %s: one alarm before the visit expected" % uid)
        kind = str(ev["CATEGORIES"].cats[0]) if hasattr(ev["CATEGORIES"], "cats") else \
            str(ev["CATEGORIES"]).split(",")[0]
        got.append((start.strftime("%Y-%m-%d"), int(seq), customer, start.strftime("%H:%M"), kind))
    got.sort()
    if got != want:
        missing = [w for w in want if w not in got][:3]
        extra = [g for g in got if g not in want][:3]
        fail("icalendar reads %d events, the plan has %d routed stops; plan only: %s; "
             "calendar only: %s" % (len(got), len(want), missing, extra))
    print("ok: icalendar %s reads the same %d stops (day, position, customer, time, kind)"
          % (getattr(icalendar, "__version__", "?"), len(got)))


def check_map(plan, mapper, outdir, args):
    rows = plan_rows(plan, args)
    days = sorted({r[0] for r in rows if int(r[1]) > 0})
    os.makedirs(outdir, exist_ok=True)
    for f in os.listdir(outdir):
        if f.startswith("map-") and f.endswith(".svg"):
            os.remove(os.path.join(outdir, f))
    run([mapper, "--out", outdir] + args)
    files = sorted(f for f in os.listdir(outdir) if f.startswith("map-") and f.endswith(".svg"))
    want = ["map-%s.svg" % d for d in days]
    if files != want:
        fail("maps %r, expected one per planned day %r" % (files, want))
    for f in files:
        path = os.path.join(outdir, f)
        with open(path, "rb") as fp:
            data = fp.read()
        if not data.startswith(b"<svg"):
            fail("%s does not start with <svg" % f)
        try:
            root = ET.fromstring(data)
        except ET.ParseError as e:
            fail("%s is not well formed: %s" % (f, e))
        if root.tag != "{http://www.w3.org/2000/svg}svg":
            fail("%s: root element is %s" % (f, root.tag))
        stops = sum(1 for r in rows if r[0] == f[4:14] and int(r[1]) > 0)
        circles = root.findall(".//{http://www.w3.org/2000/svg}g/{http://www.w3.org/2000/svg}circle")
        if len(circles) != stops:
            fail("%s: %d stop markers for %d stops" % (f, len(circles), stops))
    print("ok: %d maps" % len(files))


def main(argv):
    if len(argv) < 3:
        fail(__doc__)
    what = argv[1]
    if what == "csv":
        check_csv(argv[2], argv[3:])
    elif what == "findings":
        check_findings(argv[2], argv[3], argv[4:])
    elif what == "ics":
        check_ics(argv[2], argv[3], argv[4:])
    elif what == "map":
        check_map(argv[2], argv[3], argv[4], argv[5:])
    else:
        fail("unknown check " + what)


if __name__ == "__main__":
    main(sys.argv)
