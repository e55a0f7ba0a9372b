#!/usr/bin/env python3
"""ccad-ics --rep against ccad-team: for every rep of the team, the calendar
holds exactly the routed stops the team plan gives that rep to carry (its
own and those it carries for teammates), each on its day, at its position,
at its time, for its customer, and says whose customer it is; the events of
items carried for a teammate say so, the others do not.

usage: check_team_ics.py CCAD_TEAM CCAD_ICS REPS CUSTOMERS [ccad-team args...]

The calendar is unfolded and read here; when Debian's python3-icalendar is
installed it is also parsed with icalendar.Calendar.from_ical."""
import csv
import io
import os
import subprocess
import sys


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def run(cmd):
    env = dict(os.environ, LC_ALL="C")
    r = subprocess.run(cmd, capture_output=True, env=env)
    if r.returncode != 0:
        fail("%s: exit %d: %s" % (" ".join(cmd), r.returncode, r.stderr.decode()))
    return r.stdout


def unescape(v):
    out, i = [], 0
    while i < len(v):
        if v[i] == "\\" and i + 1 < len(v):
            out.append("\n" if v[i + 1] in "nN" else v[i + 1])
            i += 2
        else:
            out.append(v[i])
            i += 1
    return "".join(out)


def events(data):
    text = data.decode("utf-8")
    if "\n" in text.replace("\r\n", ""):
        fail("a line does not end in CRLF")
    lines = []
    for raw in text.split("\r\n"):
        if len(raw.encode()) > 75:
            fail("line longer than 75 octets: %r" % raw)
        if raw.startswith(" ") and lines:
            lines[-1] += raw[1:]
        elif raw:
            lines.append(raw)
    evs, cur, depth = [], None, 0
    for line in lines:
        name, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            cur = {}
        elif line == "END:VEVENT":
            evs.append(cur)
            cur = None
        elif line == "BEGIN:VALARM":
            depth += 1
        elif line == "END:VALARM":
            depth -= 1
        elif cur is not None and depth == 0:
            cur[name.split(";")[0]] = unescape(value)
    try:
        import icalendar  # Debian's python3-icalendar, when installed
    except ImportError:
        return evs
    parsed = [c for c in icalendar.Calendar.from_ical(data).walk() if c.name == "VEVENT"]
    if len(parsed) != len(evs):
        fail("icalendar reads %d events, %d expected" % (len(parsed), len(evs)))
    return evs


def main():
    team, ics, reps_file, customers_file = sys.argv[1:5]
    extra = sys.argv[5:]
    files = ["--reps", reps_file, "--customers", customers_file]
    with open(reps_file, encoding="utf-8-sig") as f:
        reps = {r["id"]: (r["name"] or r["id"]) for r in csv.DictReader(f)}
    rows = list(csv.DictReader(io.StringIO(
        run([team] + files + extra + ["--format", "csv"]).decode())))
    carried_total = 0
    for rep, rep_name in reps.items():
        want = {}
        for r in rows:
            if r["rep"] == rep and int(r["seq"]) > 0:
                key = "%s-%s-%s@custcadence.example" % (r["customer_id"],
                                                         r["date"].replace("-", ""), r["seq"])
                want[key] = r
        got = {e["UID"]: e for e in events(run([ics, "--rep", rep] + files + extra))}
        if set(got) != set(want):
            fail("%s: events %s, plan %s" % (rep, sorted(got), sorted(want)))
        for uid, e in got.items():
            r = want[uid]
            owner = r["owner"]
            if e["DTSTART"] != r["date"].replace("-", "") + "T" + r["eta"].replace(":", "") + "00":
                fail("%s: %s starts %s, planned %s %s" % (rep, uid, e["DTSTART"], r["date"], r["eta"]))
            if "(%s, grade" % r["customer_id"] not in e["SUMMARY"]:
                fail("%s: %s summary %r" % (rep, uid, e["SUMMARY"]))
            said = "Customer of %s (%s)" % (owner, reps[owner])
            if said not in e["DESCRIPTION"]:
                fail("%s: %s does not say whose customer it is: %r" % (rep, uid, e["DESCRIPTION"]))
            carried = owner != rep
            carried_total += carried
            if carried != ("carried for this teammate" in e["DESCRIPTION"]) or \
                    carried != e["SUMMARY"].endswith(" for " + owner):
                fail("%s: %s carried for %s: %r / %r" % (rep, uid, owner, e["SUMMARY"],
                                                         e["DESCRIPTION"]))
    if carried_total == 0:
        fail("no event is carried for a teammate: the check proves nothing")
    print("ok: %d reps, %d rows, %d events carried for teammates"
          % (len(reps), len(rows), carried_total))


if __name__ == "__main__":
    main()
