#!/usr/bin/env python3
"""Holds the programs to promises of docs/cli.md that the other checks do
not reach: what a table does with control characters in a name, what a
write error on standard output does, which outputs an input error leaves
alone, and a few file-format rules (reps file text, the '+' lists of the
contacts file, control characters in a date-list file, a byte order mark in
a rules file, a flag given twice),
and the hint given when the bundled data is missing.

    check_contracts.py BUILD_EXAMPLES_DIR DATA_DIR WORK_DIR

BUILD_EXAMPLES_DIR holds ccad-plan, ccad-ics, ccad-map, ccad-team and
ccad-due; DATA_DIR is examples/data; the files it writes go to WORK_DIR.
Exits 0 when every check passes, 1 with one line per failure otherwise.
Python 3 standard library only.
"""

import os
import re
import subprocess
import sys

TODAY = "2026-11-23"
FAILURES = []

# Names with every kind of control character (C0, DEL, C1) a terminal would
# act on, and the text each table cell must show instead: a TAB as a space,
# any other control character as U+FFFD (docs/cli.md, "Text encoding").
CONTROL_NAMES = [
    ("C\t1", "tab\there"),
    ("C-2", "line\nbreak and\r\ncrlf"),
    ("C-3", "bell\x07 esc\x1b[31m del\x7f"),
    ("C-4", "c1 \u0085 \u009f end"),
]


def shown(text):
    return "".join(" " if c == "\t" else "\ufffd" if ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f
                   else c for c in text)


def fail(msg):
    FAILURES.append(msg)
    print("FAIL: " + msg)


def run(cmd, stdout=subprocess.PIPE, **env_extra):
    env = dict(os.environ, LC_ALL="C", **env_extra)
    return subprocess.run(cmd, stdout=stdout, stderr=subprocess.PIPE, timeout=120, env=env)


def put(work, name, data):
    path = os.path.join(work, name)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
    return path


def csv_field(text):
    return '"' + text.replace('"', '""') + '"'


def no_raw_controls(label, out):
    """Only LF may be a control character of a table's output."""
    bad = re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", out)
    if bad:
        fail("%s: the output holds the control character %r at %d" % (label, bad.group(),
                                                                         bad.start()))


def check_tables(bins, data, work):
    """ccad-plan, ccad-due and ccad-team write control characters of names
    and ids harmlessly: every row on one line, the cells as shown()."""
    rows = ["id,name,value,grade,status,lat,lon,last_contact,contacts,owner"]
    for k, (id_, name) in enumerate(CONTROL_NAMES):
        rows.append(",".join([csv_field(id_), csv_field(name), "900000.00", "A", "key",
                              "31.2%d" % k, "121.4%d" % k, "2026-11-01", "4", "ann"]))
    customers = put(work, "controls.csv", "\n".join(rows) + "\n")
    for prog in ("ccad-plan", "ccad-due"):
        p = run([bins[prog], "--today", TODAY, "--customers", customers])
        out = p.stdout.decode("utf-8")
        if p.returncode != 0:
            fail("%s on control names: exit %d" % (prog, p.returncode))
        no_raw_controls(prog, out)
        for id_, name in CONTROL_NAMES:
            if prog == "ccad-due":
                want = "%s  %s\n" % (shown(id_), shown(name))
            else:
                want = " %-8s %-29s " % (shown(id_), shown(name)[:29])
            if want not in out:
                fail("%s: no row shows %r as %r" % (prog, name, want))
    # ccad-team: the same names as a rep's, and as its customers'
    reps = put(work, "control-reps.csv",
               "id,name,lat,lon\nann,%s,31.2,121.4\n" % csv_field("Ann\x1b[2J\tTab\x07"))
    p = run([bins["ccad-team"], "--today", TODAY, "--days", "3", "--reps", reps,
             "--customers", customers])
    out = p.stdout.decode("utf-8")
    if p.returncode != 0:
        fail("ccad-team on control names: exit %d: %s" % (p.returncode, p.stderr))
    no_raw_controls("ccad-team", out)
    if "ann (Ann\ufffd[2J Tab\ufffd): " not in out:
        fail("ccad-team: the rep's day line does not show its name made harmless")
    if not any(shown(name)[:28] in out for _, name in CONTROL_NAMES):
        fail("ccad-team: no customer name shown")


def check_stdout_errors(bins, data, work):
    """A write error on standard output is exit status 1 with a message,
    for every program (here: standard output is /dev/full)."""
    if not os.path.exists("/dev/full"):
        print("skip: no /dev/full")
        return
    cases = [
        ("ccad-plan", ["--today", TODAY]),
        ("ccad-plan", ["--today", TODAY, "--format", "csv"]),
        ("ccad-ics", ["--today", TODAY]),
        ("ccad-map", ["--today", TODAY, "--out", work]),
        ("ccad-map", ["--today", TODAY, "--out", work, "--day", "2026-11-28"]),
        ("ccad-due", ["--today", TODAY]),
        ("ccad-team", ["--today", TODAY, "--days", "1"]),
    ] + [(prog, ["--help"]) for prog in sorted(bins)]
    for prog, args in cases:
        with open("/dev/full", "wb") as full:
            p = run([bins[prog]] + args, stdout=full)
        err = p.stderr.decode("utf-8", "replace")
        if p.returncode != 1 or "cannot write" not in err:
            fail("%s %s > /dev/full: exit %d, %r (want 1, 'cannot write')" %
                 (prog, " ".join(args), p.returncode, err))


def check_outputs_untouched(bins, data, work):
    """An input error plans nothing and leaves every output file as it was."""
    bad = os.path.join(data, "bad", "bad-grade.csv")
    keep = b"kept\n"
    findings = put(work, "kept-findings.csv", keep)
    ics = put(work, "kept.ics", keep)
    maps = os.path.join(work, "kept-maps")
    os.makedirs(maps, exist_ok=True)
    svg = put(maps, "map-2026-11-23.svg", keep)
    team_findings = put(work, "kept-team-findings.csv", keep)
    runs = [
        [bins["ccad-plan"], "--today", TODAY, "--customers", bad, "--findings", findings],
        [bins["ccad-ics"], "--today", TODAY, "--customers", bad, "-o", ics],
        [bins["ccad-map"], "--today", TODAY, "--customers", bad, "--out", maps],
        [bins["ccad-ics"], "--rep", "nobody", "--today", TODAY, "-o", ics],
        [bins["ccad-team"], "--today", TODAY, "--reps", os.path.join(data, "bad",
                                                                     "team-reps-time.csv"),
         "--customers", os.path.join(data, "team-scenario", "customers.csv"),
         "--findings", team_findings],
    ]
    for cmd in runs:
        p = run(cmd)
        if p.returncode != 1 or p.stdout:
            fail("%s: exit %d with %d bytes of output (want 1 and none)" %
                 (" ".join(cmd[1:]), p.returncode, len(p.stdout)))
    for path in (findings, ics, svg, team_findings):
        if open(path, "rb").read() != keep:
            fail("%s was changed by a run that failed on its input" % path)


def expect(label, cmd, rc, message):
    p = run(cmd)
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode != rc or message not in err:
        fail("%s: exit %d, %r (want %d and %r)" % (label, p.returncode, err.strip(), rc,
                                                    message))


def check_formats(bins, data, work):
    scen = os.path.join(data, "team-scenario", "customers.csv")
    # The reps file: ids and names valid UTF-8, like the customers file's.
    reps = put(work, "reps-bad-name.csv", b"id,name,lat,lon\nann,Ann \xff,31.2,121.4\n"
               b"bob,Bob,31.2,121.5\ncat,Cat,31.2,121.4\n")
    expect("reps name", [bins["ccad-team"], "--reps", reps, "--customers", scen],
           1, "reps-bad-name.csv:2:9: name: invalid UTF-8 (byte 0xFF)")
    reps = put(work, "reps-bad-id.csv", b"id,name,lat,lon\nann,Ann,31.2,121.4\nbob,Bob,31.2,121.5"
               b"\ncat,Cat,31.2,121.4\nd\xc0x,Dee,31.2,121.4\n")
    expect("reps id", [bins["ccad-ics"], "--rep", "ann", "--reps", reps, "--customers", scen],
           1, "reps-bad-id.csv:5:2: id: invalid UTF-8 (byte 0xC0)")
    # The contacts file's lists joined by '+': no empty name anywhere.
    for value in ("order+", "+order", "order++product", "+"):
        contacts = put(work, "contacts-plus.csv",
                       "customer_id,date,purposes,record_parts\nT-001,2026-11-20,%s,\n" % value)
        expect("purposes %r" % value, [bins["ccad-plan"], "--today", TODAY, "--contacts",
                                       contacts], 1, "contacts-plus.csv:2:18: purposes: '")
        contacts = put(work, "contacts-plus.csv",
                       "customer_id,date,purposes,record_parts\nT-001,2026-11-20,,%s\n" %
                       value.replace("order", "said").replace("product", "state"))
        expect("record_parts %r" % value, [bins["ccad-plan"], "--today", TODAY, "--contacts",
                                           contacts], 1, "contacts-plus.csv:2:19: record_parts: '")
    # A date-list file: a control character is named by its code and column.
    for text, col, code in ((b"2026-11-26\x00\n", 11, "0x00"), (b"2026-11-26\rx\n", 11, "0x0D"),
                            (b"# ok\n  2026-11-26 \x7f\n", 14, "0x7F")):
        dates = put(work, "dates-control.txt", text)
        line = 2 if text.startswith(b"#") else 1
        expect("date-list %r" % text, [bins["ccad-plan"], "--today", TODAY, "--holidays", dates],
               1, "dates-control.txt:%d:%d: control character %s" % (line, col, code))
    # A rules file may start with a byte order mark, as every other input
    # file; a stray byte is named by its code.
    rules = put(work, "rules-bom.txt", b"\xEF\xBB\xBFgap.max_days = 10\r\n")
    for prog in ("ccad-plan", "ccad-due"):
        p = run([bins[prog], "--today", TODAY, "--rules", rules])
        if p.returncode != 0:
            fail("%s --rules with a byte order mark: exit %d, %r" % (prog, p.returncode,
                                                                    p.stderr))
    rules = put(work, "rules-byte.txt", b"\xEF\xBB\xBFgap.max_days = 10 \x01\n")
    expect("rules stray byte", [bins["ccad-due"], "--today", TODAY, "--rules", rules], 1,
           "rules-byte.txt:1:19: ccad_rules_parse: rules text line 1, column 19: unexpected "
           "byte 0x01 after the value of gap.max_days")
    # A flag given twice: the last one counts (docs/cli.md).
    p = run([bins["ccad-plan"], "--today", "2026-11-30", "--days", "2", "--today", TODAY,
             "--days", "3", "--format", "csv"])
    dates = {l.split(",")[0] for l in p.stdout.decode().splitlines()[1:]}
    if p.returncode != 0 or not dates or min(dates) != TODAY or max(dates) > "2026-11-25":
        fail("flags given twice: exit %d, dates %s (want the last --today and --days)" %
             (p.returncode, sorted(dates)))


def check_bundled_data(bins, data, work):
    """Without the bundled data, the message names the flags that replace it:
    the team's files come as a pair (docs/cli.md, "Where the bundled data is
    found")."""
    for prog, args, flags in (("ccad-plan", [], "(--customers FILE)"),
                              ("ccad-due", [], "(--customers FILE)"),
                              ("ccad-team", [], "(--reps FILE --customers FILE)"),
                              ("ccad-ics", ["--rep", "R-WEST"], "(--reps FILE --customers FILE)")):
        p = run([bins[prog], "--today", TODAY] + args, CUSTCADENCE_DATA="/nonexistent")
        err = p.stderr.decode("utf-8", "replace")
        if p.returncode != 1 or "/nonexistent/" not in err or flags not in err or p.stdout:
            fail("%s without the bundled data: exit %d, %r (want 1 and %r)" %
                 (prog, p.returncode, err, flags))


WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def generated_territory(rnd, n):
    """n customers around one point, a third with visit hours, a third with
    visit days, of every status and contact history."""
    rows = ["id,name,value,status,lat,lon,last_contact,contacts,visit_days,visit_hours,"
            "purchase_date"]
    for k in range(n):
        hours = ""
        if rnd.random() < 0.35:
            o = rnd.randrange(6 * 60, 16 * 60, 15)
            c = min(o + rnd.choice([45, 60, 90, 120, 180, 300]), 24 * 60)
            hours = "%02d:%02d-%02d:%02d" % (o // 60, o % 60, c // 60, c % 60)
        days = " ".join(rnd.sample(WEEKDAYS[:5], rnd.randint(1, 3))) if rnd.random() < 0.35 else ""
        last = rnd.choice(["", "2026-%02d-%02d" % (rnd.randint(8, 11), rnd.randint(1, 22))])
        purchase = rnd.choice(["", "", "2026-11-%02d" % rnd.randint(23, 30)])
        rows.append("G-%03d,Customer %d,%d.%02d,%s,%.4f,%.4f,%s,%s,%s,%s,%s" % (
            k, k, rnd.randint(0, 900000), rnd.randint(0, 99),
            rnd.choice(["prospect", "active", "active", "key"]), 31.1 + rnd.random() * 0.25,
            121.3 + rnd.random() * 0.3, last, rnd.randint(1, 20) if last else 0, days, hours,
            purchase))
    return "\n".join(rows) + "\n"


def check_generated_plans(bins, data, work):
    """README and docs/cli.md: every visit on one of the customer's visit
    days, inside its visit hours and the working day, none late, the stops of
    a day numbered 1..n in time order and at most --capacity of them, and
    the same files give the same output. Checked over generated territories
    and days (fixed seeds), through the CSV rows and the calendar."""
    import random
    from check_scenarios import ics_events, minutes
    for seed in range(12):
        rnd = random.Random(seed)
        path = put(work, "generated-%d.csv" % seed, generated_territory(rnd, rnd.randint(20, 60)))
        start = rnd.choice(["07:30", "08:00", "08:30", "09:00"])
        end = rnd.choice(["15:00", "16:30", "17:00", "18:00"])
        cap = rnd.randint(2, 8)
        args = ["--today", TODAY, "--days", str(rnd.choice([7, 14])), "--customers", path,
                "--day-start", start, "--day-end", end, "--capacity", str(cap)]
        first = run([bins["ccad-plan"], "--format", "csv"] + args)
        again = run([bins["ccad-plan"], "--format", "csv"] + args)
        if first.returncode != 0 or first.stdout != again.stdout:
            fail("seed %d: exit %d, or two runs differ" % (seed, first.returncode))
            continue
        rows = [r.split(",") for r in first.stdout.decode().splitlines()[1:]]
        cust = {}
        for line in open(path).read().splitlines()[1:]:
            f = line.split(",")
            hours = (minutes(f[9][:5]), minutes(f[9][6:])) if f[9] else (0, 1440)
            cust[f[0]] = (f[8].split() or WEEKDAYS, hours)
        by_day = {}
        for r in rows:
            if int(r[1]) > 0:
                by_day.setdefault(r[0], []).append((int(r[1]), minutes(r[6]), r[2]))
        for day, stops in by_day.items():
            weekday = WEEKDAYS[datetime_weekday(day)]
            if [s[0] for s in sorted(stops, key=lambda s: s[1])] != list(range(1, len(stops) + 1)):
                fail("seed %d %s: stops not numbered 1..n in time order: %r" % (seed, day, stops))
            if len(stops) > cap:
                fail("seed %d %s: %d stops, capacity %d" % (seed, day, len(stops), cap))
            for _, eta, cid in stops:
                if weekday not in cust[cid][0]:
                    fail("seed %d: %s visited on %s %s, visit days %s" % (seed, cid, weekday, day,
                                                                          cust[cid][0]))
        ics = run([bins["ccad-ics"]] + args)
        events = ics_events(ics.stdout.decode())
        if len(events) != sum(len(v) for v in by_day.values()):
            fail("seed %d: %d events for the CSV's stops" % (seed, len(events)))
        for cid, s, e, late in events:
            o, c = cust[cid][1]
            if s < max(o, minutes(start)) or e > min(c, minutes(end)) or late:
                fail("seed %d: %s at %d-%d, hours %d-%d, day %s-%s, late %s" %
                     (seed, cid, s, e, o, c, start, end, late))


def datetime_weekday(iso):
    import datetime
    return datetime.date.fromisoformat(iso).weekday()


def main(argv):
    if len(argv) != 4:
        print(__doc__)
        return 2
    bins = {p: os.path.join(argv[1], p) for p in
            ("ccad-plan", "ccad-ics", "ccad-map", "ccad-team", "ccad-due")}
    data, work = argv[2], argv[3]
    os.makedirs(work, exist_ok=True)
    for check in (check_tables, check_stdout_errors, check_outputs_untouched, check_formats,
                  check_bundled_data, check_generated_plans):
        before = len(FAILURES)
        check(bins, data, work)
        print("%s: %s" % (check.__name__, "ok" if len(FAILURES) == before else "FAILED"))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
