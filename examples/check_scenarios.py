#!/usr/bin/env python3
"""Scenario checks of the calendar and time flags of ccad-plan and ccad-ics.

    check_scenarios.py calendar PLAN [ARGS...]
    check_scenarios.py hours    PLAN ICS [ARGS...]

`calendar` runs PLAN with ARGS (which name --holidays, --absent and/or
--special files) and without the three flags, and checks the contract:
nothing but keep-warm touches falls on a holiday (and the same days held
items without the holidays, so the check means something), every item of an
absent working day is handed over (delegated, not a stop) and some are
handed to the substitute, every special date has touches and touches fall
only on special dates, and the table tags each day as the files say.

`hours` runs PLAN and ICS with ARGS (--customers, --day-start, --day-end)
and checks what the library promises: the header shows the day, every
stop starts at or after the day's start and, in the calendar, at or after
its customer's opening time (visit_hours), ends by its closing time and by
the day's end, and none is marked Late (the planner keeps every stop inside
the visit hours and the day; a Late mark could only come from a travel
callback that changes its answers, which the example programs do not use).

Python 3 standard library only; exits 0 when every check passes.
"""

import csv
import datetime
import io
import sys

import check_outputs
from check_outputs import fail


def run(cmd):
    return check_outputs.run(cmd).decode("utf-8")


def option(args, name, default=None):
    """The value of --name VALUE or --name=VALUE in args."""
    for k, a in enumerate(args):
        if a == name and k + 1 < len(args):
            return args[k + 1]
        if a.startswith(name + "="):
            return a[len(name) + 1:]
    return default


def without(args, names):
    """args without the options in names (and their values)."""
    out, skip = [], False
    for a in args:
        if skip:
            skip = False
        elif a in names:
            skip = True
        elif not any(a.startswith(n + "=") for n in names):
            out.append(a)
    return out


def dates_of(path):
    """The dates of a date-list file (one YYYY-MM-DD a line, # comments)."""
    if path is None:
        return set()
    out = set()
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                out.add(line)
    return out


def plan_rows(plan, args):
    rows = list(csv.reader(io.StringIO(run([plan, "--format", "csv"] + args))))
    return rows[1:]  # date,seq,customer_id,kind,quadrant,delegated,eta,rules


def day_lines(table):
    """{date: the day's header line} of a ccad-plan table."""
    out = {}
    for line in table.split("\n"):
        if len(line) > 15 and line[3] == " " and line[8] == "-" and line[14:15] in (" ", ":"):
            out[line[4:14]] = line
    return out


def check_calendar(plan, args):
    names = ("--holidays", "--absent", "--special")
    holidays, absent, special = (dates_of(option(args, n)) for n in names)
    rows = plan_rows(plan, args)
    base = plan_rows(plan, without(args, names))
    days = day_lines(run([plan] + args))
    if not days:
        fail("no day lines in the table")
    in_range = set(days)
    for d in sorted(holidays & in_range):
        bad = [r for r in rows if r[0] == d and r[3] != "touch"]
        if bad:
            fail("%d items on the holiday %s: %r" % (len(bad), d, bad[0]))
        if "(holiday" not in days[d] or "not a working day" not in days[d] and d not in special:
            fail("holiday %s not shown as one: %r" % (d, days[d]))
    if holidays & in_range and not any(r[0] in holidays and r[3] != "touch" for r in base):
        fail("the holidays held no items without --holidays: the check proves nothing")
    handed = 0
    for d in sorted(absent & in_range):
        weekday = datetime.date.fromisoformat(d).weekday()
        working = weekday < 5 and d not in holidays
        if working != ("rep absent" in days[d]):
            fail("absence %s tagged wrongly (working day: %s): %r" % (d, working, days[d]))
        if not working:
            continue
        for r in rows:
            if r[0] == d and r[3] != "touch" and (r[5] != "1" or r[1] != "0"):
                fail("the rep is away on %s but has %r" % (d, r))
        handed += sum(1 for r in rows if r[0] == d and r[3] != "touch")
    if absent & in_range and handed == 0:
        fail("no item handed over on the absent days")
    for d in sorted(special & in_range):
        if not any(r[0] == d and r[3] == "touch" for r in rows):
            fail("no keep-warm touch on the special date %s" % d)
        if "special date" not in days[d]:
            fail("special date %s not tagged: %r" % (d, days[d]))
    for r in rows:
        if r[3] == "touch" and r[0] not in special:
            fail("a touch outside the special dates: %r" % r)
    print("ok: %d items; %d holidays, %d absences, %d special dates in the range; %d handed over"
          % (len(rows), len(holidays & in_range), len(absent & in_range),
             len(special & in_range), handed))


def minutes(hhmm):
    return int(hhmm[:2]) * 60 + int(hhmm[3:5])


def visit_hours(path):
    """{customer id: (open, close)} of a customers file; any time = (0, 1440)."""
    out = {}
    with open(path, newline="", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            h = (r.get("visit_hours") or "").strip()
            if h:
                a, b = (t.strip() for t in h.split("-"))
                out[r["id"].strip()] = (minutes(a), minutes(b))
            else:
                out[r["id"].strip()] = (0, 1440)
    return out


def ics_events(text):
    """(customer id, start, end, late) of each VEVENT, times in minutes."""
    lines = text.replace("\r\n ", "").split("\r\n")
    events, cur = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            cur = {}
        elif line == "END:VEVENT":
            uid = cur["UID"]
            cid = uid[:uid.rindex("-", 0, uid.rindex("-"))]  # <id>-<YYYYMMDD>-<seq>@...
            start, end = cur["DTSTART"], cur["DTEND"]
            events.append((cid, int(start[9:11]) * 60 + int(start[11:13]),
                           int(end[9:11]) * 60 + int(end[11:13]) + 1440 * (end[:8] > start[:8]),
                           "Late:" in cur.get("DESCRIPTION", "")))
            cur = None
        elif cur is not None and ":" in line:
            k, v = line.split(":", 1)
            cur.setdefault(k.split(";", 1)[0], v)  # the event's, not its alarm's
    return events


def check_hours(plan, ics, args):
    start = minutes(option(args, "--day-start", "08:00"))
    end = minutes(option(args, "--day-end", "17:00"))
    hours = visit_hours(option(args, "--customers"))
    table = run([plan] + args)
    want = "day %s-%s" % (option(args, "--day-start", "08:00"), option(args, "--day-end", "17:00"))
    if want not in table:
        fail("the header does not show '%s'" % want)
    stops = [r for r in plan_rows(plan, args) if int(r[1]) > 0]
    for r in stops:
        if minutes(r[6]) < start:
            fail("stop %r starts before the day's start" % r)
    events = ics_events(run([ics] + args))
    if len(events) != len(stops):
        fail("%d events for %d stops" % (len(events), len(stops)))
    for cid, s, e, is_late in events:
        o, c = hours[cid]
        if s < start or s < o:
            fail("%s starts at %d, before the day (%d) or its opening (%d)" % (cid, s, start, o))
        if e > min(c, end) or is_late:
            fail("%s (%d-%d, hours %d-%d, day end %d): ends late (Late mark %s)" %
                 (cid, s, e, o, c, end, is_late))
    windowed = sum(1 for ev in events if hours[ev[0]] != (0, 1440))
    print("ok: %d stops, %d with visit hours, all inside their hours and the day" %
          (len(events), windowed))


def main(argv):
    if len(argv) < 3:
        fail(__doc__)
    if argv[1] == "calendar":
        check_calendar(argv[2], argv[3:])
    elif argv[1] == "hours" and len(argv) >= 4:
        check_hours(argv[2], argv[3], argv[4:])
    else:
        fail("unknown check " + argv[1])


if __name__ == "__main__":
    main(sys.argv)
