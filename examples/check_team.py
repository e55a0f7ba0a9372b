#!/usr/bin/env python3
"""Checks ccad-team's CSV outputs against its inputs.

    check_team.py [--expect-carried] [--expect-proposals] TEAM REPS CUSTOMERS [ARGS...]

TEAM is the program; REPS and CUSTOMERS the files it plans (given to it as
--reps and --customers, with ARGS). Runs it with --format csv and
--findings, then checks: the headers; every row's rep is a rep, its owner
the customer's owner, a row carried for a teammate is a working day on which
its rep is present; no rep has more contacts on a day than its
visits_per_day; each rep's routed stops of a day are numbered 1..n in time
order, start within the rep's day and the customer's visit hours, and fall
on the customer's visit days; every finding names a rep and a customer of
that rep (or "pool" for a customer owned by the pool); a proposal
(release_proposed, assign_proposed, move_proposed) concerns an open
customer of its rep, an assignment one of the pool, and an assignment's or
a move's first detail ends with "; to REP", another rep; with
--expect-carried, at least one item is carried for a teammate; with
--expect-proposals, there is at least one proposal of each kind. Prints what it counted. Exits 0 when every check passes, 1 with a
message otherwise. Python 3 standard library only.
"""

import csv
import datetime
import io
import os
import subprocess
import sys
import tempfile

HEADER = "date,rep,seq,customer_id,owner,kind,quadrant,eta,rules"
FHEADER = "rep,customer_id,finding,rules,detail," + ",".join(
    "detail_%d" % k for k in range(2, 9))
DAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def minutes(hhmm):
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def load(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    argv = sys.argv[1:]
    expect_carried = bool(argv) and argv[0] == "--expect-carried"
    if expect_carried:
        argv = argv[1:]
    expect_proposals = bool(argv) and argv[0] == "--expect-proposals"
    if expect_proposals:
        argv = argv[1:]
    if len(argv) < 3:
        fail("usage: check_team.py [--expect-carried] TEAM REPS CUSTOMERS [ARGS...]")
    team, reps_path, cust_path, args = argv[0], argv[1], argv[2], argv[3:]
    reps = {r["id"]: r for r in load(reps_path)}
    custs = {c["id"]: c for c in load(cust_path)}
    with tempfile.TemporaryDirectory() as tmp:
        fpath = os.path.join(tmp, "findings.csv")
        cmd = [team, "--reps", reps_path, "--customers", cust_path, "--format", "csv",
               "--findings", fpath] + args
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if p.returncode != 0:
            fail("%s exited with %d\n%s" % (" ".join(cmd), p.returncode,
                                            p.stderr.decode("utf-8", "replace")))
        out = p.stdout.decode("utf-8")
        with open(fpath, newline="", encoding="utf-8") as f:
            ftext = f.read()
    if out.split("\n", 1)[0] != HEADER:
        fail("CSV header %r" % out.split("\n", 1)[0])
    if ftext.split("\n", 1)[0] != FHEADER:
        fail("findings header %r" % ftext.split("\n", 1)[0])
    rows = list(csv.DictReader(io.StringIO(out)))
    count, stops, carried = {}, {}, 0
    for r in rows:
        rep, owner, cid = r["rep"], r["owner"], r["customer_id"]
        if rep not in reps or owner not in reps:
            fail("row with rep %r owner %r" % (rep, owner))
        if custs[cid]["owner"] != owner:
            fail("%s: owner %s, file says %s" % (cid, owner, custs[cid]["owner"]))
        day = datetime.date.fromisoformat(r["date"])
        absent = reps[rep]["absent"].split()
        if rep != owner:
            carried += 1
            if day.weekday() >= 5 or r["date"] in absent:
                fail("%s carried by %s on %s, a day off" % (cid, rep, r["date"]))
            if "CAPACITY" not in r["rules"].split():
                fail("%s carried by %s without a CAPACITY reason" % (cid, rep))
        if r["kind"] != "touch":
            count[(r["date"], rep)] = count.get((r["date"], rep), 0) + 1
        if int(r["seq"]) > 0:
            stops.setdefault((r["date"], rep), []).append(r)
    for (d, rep), n in count.items():
        if n > int(reps[rep]["visits_per_day"] or 8):
            fail("%s on %s: %d contacts, limit %s" % (rep, d, n, reps[rep]["visits_per_day"]))
    for (d, rep), lst in stops.items():
        start = minutes(reps[rep]["day_start"] or "08:00")
        end = minutes(reps[rep]["day_end"] or "17:00")
        prev = start
        for k, r in enumerate(lst):
            c = custs[r["customer_id"]]
            eta = minutes(r["eta"])
            if int(r["seq"]) != k + 1:
                fail("%s on %s: stop %s where %d was expected" % (rep, d, r["seq"], k + 1))
            if eta < prev or eta >= end:
                fail("%s on %s: stop %s at %s outside the day or out of order" %
                     (rep, d, r["seq"], r["eta"]))
            prev = eta
            if c.get("visit_hours"):
                o, cl = (minutes(x) for x in c["visit_hours"].split("-"))
                if not o <= eta < cl:
                    fail("%s served at %s, hours %s" % (c["id"], r["eta"], c["visit_hours"]))
            if c.get("visit_days"):
                wd = datetime.date.fromisoformat(d).weekday()
                if wd not in [DAYS[w.lower()] for w in c["visit_days"].split()]:
                    fail("%s visited on a day outside %s" % (c["id"], c["visit_days"]))
    findings = list(csv.DictReader(io.StringIO(ftext)))
    kinds = {}
    for f in findings:
        if f["rep"] not in reps and f["rep"] != "pool":
            fail("finding with rep %r" % f["rep"])
        if f["customer_id"] and custs[f["customer_id"]]["owner"] != f["rep"]:
            fail("finding about %s under rep %s" % (f["customer_id"], f["rep"]))
        kind = f["finding"]
        kinds[kind] = kinds.get(kind, 0) + 1
        if kind not in ("release_proposed", "assign_proposed", "move_proposed"):
            continue
        c = custs[f["customer_id"]]
        if c["status"] in ("released", "eliminated") and kind != "assign_proposed":
            fail("%s about %s, not an open customer" % (kind, c["id"]))
        if (kind == "assign_proposed") != (f["rep"] == "pool"):
            fail("%s about %s of %s" % (kind, c["id"], f["rep"]))
        if kind != "release_proposed":
            to = f["detail"].rsplit("; to ", 1)
            if len(to) != 2 or to[1] not in reps or to[1] == f["rep"]:
                fail("%s of %s names no other rep: %r" % (kind, c["id"], f["detail"]))
    if expect_proposals:
        for kind in ("release_proposed", "assign_proposed", "move_proposed"):
            if kind not in kinds:
                fail("no %s finding" % kind)
    print("ok: %d items (%d carried for teammates, %d routed days), %d findings "
          "(%d release, %d assign, %d move proposals)" %
          (len(rows), carried, len(stops), len(findings), kinds.get("release_proposed", 0),
           kinds.get("assign_proposed", 0), kinds.get("move_proposed", 0)))
    if expect_carried and carried == 0:
        fail("nothing carried for a teammate")


if __name__ == "__main__":
    main()
