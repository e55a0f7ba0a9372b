#!/usr/bin/env python3
"""A reference runner of the plan vectors (tests/plan-vectors/*.txt, format in
docs/vectors.md, "Plan cases") against the example program ccad-plan: for
each case it writes the customers CSV, the contacts CSV, the rules text and
the date-list files that ccad-plan reads (docs/cli.md), runs

    ccad-plan --format csv --findings FILE --today D --days N --capacity V ...

at every `plan` line and checks what the CSV output can express. Whatever
the CLI cannot express is reported as "skipped: <why>", never as a pass.
Python 3 standard library only.

    python3 tests/vectors/run_vectors.py --cli build/rel/examples/ccad-plan \
        [tests/plan-vectors]

Exit status 0 when every check held (known-bug cases excepted), 1 on a
mismatch or a malformed vector file, 2 on bad arguments.
"""
import argparse
import collections
import csv
import datetime
import io
import os
import subprocess
import sys
import tempfile

WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
GRADE = ["", "A", "B", "C", "D"]  # 0 = none: computed
STATUS = [None, "prospect", "active", "key", "released", "eliminated"]
COMPLAINT = ["none", "open", "resolved"]
KIND = [None, "visit", "call", "message", "email", "other"]
OUTCOME = [None, "progress", "no_progress", "order", "complaint_opened",
           "complaint_resolved"]
SERVICE = ["none", "basic", "satisfying", "value_added", "moving"]
ITEM_KINDS = [None, "visit", "call", "persist", "care", "touch"]
DELEGATIONS = ["rep", "colleague", "substitute"]
QUADRANTS = [None, "Q1", "Q2", "Q3", "Q4"]
FINDINGS = [None, "unplanned", "overdue", "cooling", "cold", "stalled", "release_risk",
            "never_contacted", "over_capacity", "dropped", "gap", "platform", "route",
            "release_proposed"]
NO_DATE = None


class Syntax(Exception):
    pass


class Skip(Exception):
    """The whole case cannot be expressed through the CLI."""


def parse_date(s):
    if s == "none":
        return NO_DATE
    try:
        return datetime.date.fromisoformat(s)
    except ValueError:
        raise Syntax("bad date '%s'" % s) from None


def parse_int(s):
    try:
        return int(s)
    except ValueError:
        raise Syntax("bad integer '%s'" % s) from None


def parse_enum(names, s):
    if s in names:
        return names.index(s)
    return parse_int(s)


def parse_mask(s):
    if s == "any":
        return 0
    if s.lstrip("-").isdigit():
        return int(s)
    m = 0
    for p in s.split("+"):
        if p not in WEEKDAYS:
            raise Syntax("bad weekday mask '%s'" % s)
        m |= 1 << WEEKDAYS.index(p)
    return m


def parse_clock(s):
    if len(s) == 5 and s[2] == ":":
        return int(s[:2]) * 60 + int(s[3:])
    return parse_int(s)


def money(minor):
    """Minor units as the CSV's money (no sign: negative values cannot be written)."""
    if minor < 0:
        raise Skip("a negative amount (the CSV's money has no sign)")
    return "%d.%02d" % divmod(minor, 100)


def hhmm(m):
    return "%02d:%02d" % divmod(m, 60)


def fields_of(tokens):
    out = {}
    for t in tokens:
        if "=" not in t:
            raise Syntax("expected FIELD=VALUE, found '%s'" % t)
        k, v = t.split("=", 1)
        out[k] = v
    return out


class Case:
    def __init__(self, name, file, line):
        self.name, self.file, self.line = name, file, line
        self.lines = []  # (line number, tokens or raw rules text)


def read_cases(path):
    """The cases of a vector file: (cases, syntax errors)."""
    cases, errors, cur = [], [], None
    with open(path, "rb") as f:
        data = f.read().decode("utf-8")
    for n, raw in enumerate(data.split("\n"), 1):
        raw = raw.rstrip("\r")
        stripped = raw.lstrip(" \t")
        if stripped.startswith("rules") and (len(stripped) == 5 or stripped[5] in " \t"):
            if cur is None:
                errors.append("%s:%d: rules line outside a case" % (path, n))
                break
            cur.lines.append((n, ["rules", stripped[6:]]))
            continue
        tok = stripped.split("#", 1)[0].split()
        if not tok:
            continue
        if cur is None:
            if tok[0] != "case" or len(tok) != 2:
                errors.append("%s:%d: expected 'case NAME'" % (path, n))
                break
            cur = Case(tok[1], os.path.basename(path), n)
            continue
        if tok[0] == "end":
            cases.append(cur)
            cur = None
            continue
        cur.lines.append((n, tok))
    if cur is not None and not errors:
        errors.append("%s: end of file inside a case" % path)
    return cases, errors


class Result:
    def __init__(self):
        self.cases = self.run = self.full = self.checks = 0
        self.skipped_cases = collections.Counter()    # reason -> cases
        self.skipped_checks = collections.Counter()   # reason -> checks
        self.failures = []
        self.known_bug_cases = self.known_bug_failures = 0
        self.notes = []


class CaseRunner:
    """Runs one case: builds the book state, runs the CLI at each plan line,
    checks the expressible expectations."""

    def __init__(self, cli, case, res):
        self.cli, self.case, self.res = cli, case, res
        self.customers = collections.OrderedDict()  # id -> {field: value text}
        self.contacts = []  # (id, {field: value text})
        self.rules = []
        self.workdays = 0x1F
        self.holiday, self.absent, self.special = set(), set(), set()
        self.items = None  # the CSV rows of the last plan
        self.findings = None
        self.failures = []
        self.checks = 0
        self.skips = collections.Counter()
        self.known_bug = False
        self.first = self.days = None

    def fail(self, line, msg):
        self.failures.append("%s:%d: case %s: %s" % (self.case.file, line, self.case.name, msg))

    def skip(self, why, n=1):
        self.skips[why] += n

    def check(self, line, ok, msg):
        self.checks += 1
        if not ok:
            self.fail(line, msg)

    # -- the inputs -------------------------------------------------------

    def customer_row(self, cid, f):
        row = {"id": cid}
        for k, v in f.items():
            if k == "value":
                row["value"] = money(parse_int(v))
            elif k == "grade":
                row["grade"] = GRADE[parse_enum(GRADE, "" if v == "none" else v)]
            elif k == "status":
                row["status"] = STATUS[parse_enum(STATUS, v)]
            elif k in ("purchase_date", "request_date", "owned_since", "last_contact",
                       "complaint_date"):
                d = parse_date(v)
                row[k] = "" if d is None else d.isoformat()
            elif k == "next_step_date":
                d = parse_date(v)
                row["next_step"] = "" if d is None else d.isoformat()
            elif k == "last_visit":
                # no column: the loader leaves last_visit unset. The vectors
                # always give it equal to last_contact; anything else is not
                # expressible.
                if v != f.get("last_contact", "none"):
                    raise Skip("last_visit differs from last_contact (no CSV column)")
            elif k == "monthly_volume":
                n = parse_int(v)
                row[k] = "" if n == -1 else money(n)
            elif k == "margin_bp":
                n = parse_int(v)
                row["margin_pct"] = "" if n == -1 else money(n)
            elif k == "share_pct":
                n = parse_int(v)
                row["share"] = "" if n == -1 else str(n)
            elif k == "supplier_rank":
                n = parse_int(v)
                row["rank"] = "" if n == 0 else str(n)
            elif k == "capable":
                row[k] = str(parse_int(v))
            elif k in ("contacts", "no_progress"):
                row[k] = str(parse_int(v))
            elif k == "complaint":
                row[k] = COMPLAINT[parse_enum(COMPLAINT, v)]
            elif k == "visit_days":
                m = parse_mask(v)
                row[k] = " ".join(w for i, w in enumerate(WEEKDAYS) if m & (1 << i))
            elif k in ("x", "y", "has_location", "visit_open_min", "visit_close_min"):
                pass  # below
            else:
                raise Skip("customer field %s (no CSV column)" % k)
        if f.get("has_location", "0") != "0":
            row["lon"], row["lat"] = f.get("x", "0"), f.get("y", "0")
        if "visit_open_min" in f or "visit_close_min" in f:
            o = parse_int(f.get("visit_open_min", "-1"))
            c = parse_int(f.get("visit_close_min", "-1"))
            if o < 0 or c < 0:
                raise Skip("visit hours with one end only")
            row["visit_hours"] = "%s-%s" % (hhmm(o), hhmm(c))
        if row.get("complaint", "none") != "none" and not row.get("complaint_date"):
            raise Skip("a complaint without complaint_date (the CSV requires it)")
        return row

    def contact_row(self, cid, f):
        row = {"customer_id": cid}
        for k, v in f.items():
            if k == "date":
                row["date"] = parse_date(v).isoformat()
            elif k == "kind":
                row["kind"] = KIND[parse_enum(KIND, v)]
            elif k == "outcome":
                row["outcome"] = OUTCOME[parse_enum(OUTCOME, v)]
            elif k == "recorded":
                row["record"] = str(parse_int(v))
            elif k == "next_date":
                d = parse_date(v)
                row["next_date"] = "" if d is None else d.isoformat()
            elif k == "service_level":
                if parse_enum(SERVICE, v) != 0:
                    raise Skip("contact service_level (no CSV column)")
            else:
                raise Syntax("unknown contact field %s" % k)
        return row

    @staticmethod
    def write_csv(path, rows, first):
        cols = list(first)
        for r in rows:
            cols += [k for k in r if k not in cols]
        with open(path, "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=cols, lineterminator="\n")
            w.writeheader()
            for r in rows:
                w.writerow(r)

    # -- the plan -----------------------------------------------------------

    def plan(self, line, tok):
        o = fields_of(tok[1:])
        args = ["--format", "csv"]
        day_start, day_minutes = 8 * 60, 480  # CCAD_PLAN_OPTIONS_INIT
        routed = o.pop("route", "0") != "0"
        if routed:
            metric = o.pop("metric", "planar")
            if metric != "geo":
                raise Skip("a routed plan with metric=%s (the CLI routes with GEO at "
                           "500 m/min only)" % metric)
        elif any(c.get("has_location", "0") != "0" for c in self.customers.values()):
            raise Skip("an unrouted plan with located customers (the CLI always routes)")
        for k, v in o.items():
            if k == "first_day":
                self.first = parse_date(v)
                args += ["--today", self.first.isoformat()]
            elif k == "days":
                self.days = parse_int(v)
                args += ["--days", v]
            elif k == "visits_per_day":
                if parse_int(v) < 1:
                    raise Skip("visits_per_day=%s (--capacity is 1..1000)" % v)
                args += ["--capacity", v]
            elif k == "overload":
                args += ["--overload", v]
            elif k == "day_start":
                day_start = parse_clock(v)
            elif k == "day_minutes":
                day_minutes = parse_int(v)
            elif k == "day_end":
                day_minutes = parse_clock(v) - day_start
            elif k == "base":
                x, y = v.split(",")
                args += ["--base", "%s,%s" % (y, x)]
            elif k == "metric":
                raise Skip("metric=%s without a route" % v)
            else:
                raise Skip("plan option %s (no ccad-plan flag)" % k)
        if self.first is None or self.days is None:
            raise Skip("a plan without first_day or days (the CLI's defaults differ)")
        if day_minutes > 480:
            raise Skip("a day over 480 minutes (the CLI caps service at 480 minutes)")
        if day_start + day_minutes > 24 * 60:
            raise Skip("a day past 24:00")
        args += ["--day-start", hhmm(day_start), "--day-end", hhmm(day_start + day_minutes)]
        if self.workdays != 0x1F:
            raise Skip("workdays other than Mon..Fri (the CLI's calendar)")
        if not routed and "--base" not in args:
            args += ["--base", "0,0"]  # no located customer: the base is never used
        with tempfile.TemporaryDirectory() as d:
            def p(name):
                return os.path.join(d, name)
            self.write_csv(p("customers.csv"), [self.customer_row(c, f)
                                                 for c, f in self.customers.items()],
                           ["id", "value", "grade"])
            self.write_csv(p("contacts.csv"), [self.contact_row(c, f)
                                                for c, f in self.contacts],
                           ["customer_id", "date"])
            with open(p("rules.txt"), "w") as f:
                f.write("".join(r + "\n" for r in self.rules))
            for name, dates in (("holidays", self.holiday), ("absent", self.absent),
                                ("special", self.special)):
                with open(p(name + ".txt"), "w") as f:
                    f.write("".join(x.isoformat() + "\n" for x in sorted(dates)))
                args += ["--" + name, p(name + ".txt")]
            args += ["--customers", p("customers.csv"), "--contacts", p("contacts.csv"),
                     "--rules", p("rules.txt"), "--findings", p("findings.csv")]
            out = subprocess.run([self.cli] + args, capture_output=True, text=True,
                                 timeout=120)
            self.items = self.findings = None
            if out.returncode != 0:
                self.fail(line, "ccad-plan exited %d: %s" % (out.returncode,
                                                            out.stderr.strip()))
                return
            self.items = list(csv.DictReader(io.StringIO(out.stdout)))
            with open(p("findings.csv"), newline="") as f:
                self.findings = list(csv.DictReader(f))
            want = ["date", "seq", "customer_id", "kind", "quadrant", "delegated", "eta",
                    "rules"]
            if self.items and list(self.items[0].keys()) != want:
                self.fail(line, "CSV header %s" % list(self.items[0].keys()))

    # -- expectations -----------------------------------------------------

    def rows(self, cid=None, date=None):
        return [r for r in self.items
                if (cid is None or r["customer_id"] == cid)
                and (date is None or r["date"] == date.isoformat())]

    def why_rule(self, line, t, rules, what):
        """A reason check against a rules column (rule ids only): the rule id
        part is checked, the code and figures are not expressible."""
        spec = t.split("=", 1)[1]
        if t.startswith(("why+=", "why1=")) and ":" in spec:
            rule = spec.split(":", 1)[0]
            ids = rules.split()
            ok = (ids[:1] == [rule]) if t.startswith("why1=") else rule in ids
            self.check(line, ok, "%s: %s: rule %s not in the rules column '%s'"
                       % (what, t, rule, rules))
        self.skip("reason codes and figures (the CSV lists rule ids only)")

    def item(self, line, tok):
        cid, date = tok[1], parse_date(tok[2])
        rs = self.rows(cid, date)
        self.check(line, len(rs) == 1, "%d rows for %s on %s, expected one"
                   % (len(rs), cid, tok[2]))
        if len(rs) != 1:
            return
        r = rs[0]
        for t in tok[3:]:
            k, v = t.split("=", 1)
            if k == "kind":
                self.check(line, r["kind"] == ITEM_KINDS[parse_enum(ITEM_KINDS, v)],
                           "item of %s: %s expected, row %s" % (cid, t, r))
            elif k == "quadrant":
                self.check(line, r["quadrant"] == QUADRANTS[parse_enum(QUADRANTS, v)],
                           "item of %s: %s expected, row %s" % (cid, t, r))
            elif k == "delegated":
                dv = parse_enum(DELEGATIONS, v)
                self.check(line, r["delegated"] == ("0" if dv == 0 else "1"),
                           "item of %s: %s expected, row %s" % (cid, t, r))
                if dv != 0:
                    self.skip("colleague vs substitute (the CSV's delegated is 0/1)")
            elif k.startswith("why"):
                self.why_rule(line, t, r["rules"], "item of %s" % cid)
            else:
                self.skip("item %s (not a CSV column)" % k)

    def no_item(self, line, tok):
        date = parse_date(tok[2]) if len(tok) > 2 else None
        rs = self.rows(tok[1], date)
        self.check(line, not rs, "unexpected rows for %s: %s" % (tok[1], rs))

    def items_(self, line, tok):
        cid = None if tok[1] == "*" else tok[1]
        rs = self.rows(cid)
        conds = []
        for t in tok[2:]:
            for op in ("<=", ">=", "="):
                if op in t:
                    k, v = t.split(op, 1)
                    break
            if k == "kind":
                rs = [r for r in rs if r["kind"] == ITEM_KINDS[parse_enum(ITEM_KINDS, v)]]
            elif k == "delegated":
                dv = parse_enum(DELEGATIONS, v)
                if dv != 0:
                    self.skip("colleague vs substitute (the CSV's delegated is 0/1)",
                              len(tok) - 2)
                    return
                rs = [r for r in rs if r["delegated"] == "0"]
            elif k == "from":
                rs = [r for r in rs if r["date"] >= parse_date(v).isoformat()]
            elif k == "to":
                rs = [r for r in rs if r["date"] <= parse_date(v).isoformat()]
            else:
                conds.append((t, k, op, v))
        for t, k, op, v in conds:
            if k == "on":
                m = parse_mask(v)
                for r in rs:
                    wd = datetime.date.fromisoformat(r["date"]).weekday()
                    self.check(line, bool(m & (1 << wd)), "row off the weekdays %s: %s"
                               % (v, r))
            elif k == "count":
                n = parse_int(v)
                ok = {"=": len(rs) == n, "<=": len(rs) <= n, ">=": len(rs) >= n}[op]
                self.check(line, ok, "%d rows, expected %s" % (len(rs), t))
            else:
                raise Syntax("bad items check '%s'" % t)

    def finding(self, line, tok, negate):
        kind = tok[1]
        if kind not in FINDINGS:
            raise Syntax("unknown finding kind '%s'" % kind)
        cid = tok[2] if len(tok) > 2 else None
        fs = [f for f in self.findings if f["finding"] == kind
              and (cid is None or f["customer_id"] == ("" if cid == "-" else cid))]
        if negate:
            self.check(line, not fs, "unexpected %s finding: %s" % (kind, fs))
            return
        rule_checks, others = [], 0
        for t in tok[3:]:
            spec = t.split("=", 1)[1]
            if t.startswith(("why+=", "why1=")) and ":" in spec:
                rule_checks.append((t, spec.split(":", 1)[0]))
            others += 1
        ok = False
        for f in fs:
            ids = f["rules"].split()
            ok = ok or all((ids[:1] == [r]) if t.startswith("why1=") else r in ids
                           for t, r in rule_checks)
        self.check(line, ok, "no %s finding for %s with rules %s; found %s"
                   % (kind, cid, [r for _, r in rule_checks], fs))
        if others:
            self.skip("finding dates, reason codes and figures (the findings CSV has rule "
                      "ids and formatted text)", others)

    def day(self, line, tok):
        dates = ([self.first + datetime.timedelta(days=i) for i in range(self.days)]
                 if tok[1] == "all" else [parse_date(tok[1])])
        for t in tok[2:]:
            for op in ("<=", ">=", "="):
                if op in t:
                    k, v = t.split(op, 1)
                    break
            if k not in ("items", "delegated", "touches"):
                self.skip("day %s (not in the CSV; the table's day line follows the "
                          "CLI's routes)" % k, len(dates))
                continue
            want = parse_clock(v)
            for d in dates:
                rs = self.rows(None, d)
                got = {"items": len(rs),
                       "delegated": sum(r["delegated"] == "1" for r in rs),
                       "touches": sum(r["kind"] == "touch" for r in rs)}[k]
                ok = {"=": got == want, "<=": got <= want, ">=": got >= want}[op]
                self.check(line, ok, "day %s: %s is %d" % (d, t, got))

    # -- the case -----------------------------------------------------------

    def run(self):
        skip_directives = {
            "expect": "expect (assessments: not in the CLI output)",
            "summary": "summary (customer state: not in the CLI output)",
            "today": None,
            "reminders": "reminders (not in the CSV)",
            "workload": "workload (the table's workload uses the range, not the case's inputs)",
            "platform": "platform (table output only)",
            "choice": "choice (no CLI output)",
        }
        for n, tok in self.case.lines:
            kw = tok[0]
            if kw == "tags":
                continue
            if kw == "rules":
                self.rules.append(tok[1])
            elif kw == "expect-error":
                raise Skip("expect-error (the CLI refuses the whole input)")
            elif kw == "customer":
                self.customers[tok[1]] = fields_of(tok[2:])
            elif kw == "update":
                self.customers[tok[1]].update(fields_of(tok[2:]))
            elif kw == "contact":
                self.contacts.append((tok[1], fields_of(tok[2:])))
            elif kw == "workdays":
                self.workdays = parse_mask(tok[1])
            elif kw in ("holiday", "absent", "special"):
                getattr(self, "special" if kw == "special" else kw).update(
                    parse_date(x) for x in tok[1:])
            elif kw == "known-bug":
                self.known_bug = True
            elif kw == "plan":
                self.plan(n, tok)
            elif kw in skip_directives:
                if skip_directives[kw]:
                    self.skip(skip_directives[kw])
            elif self.items is None:
                self.fail(n, "no CLI output (a plan line must come first, and succeed)")
            elif kw == "item":
                self.item(n, tok)
            elif kw == "no-item":
                self.no_item(n, tok)
            elif kw == "items":
                self.items_(n, tok)
            elif kw == "finding":
                self.finding(n, tok, False)
            elif kw == "no-finding":
                self.finding(n, tok, True)
            elif kw == "day":
                self.day(n, tok)
            else:
                raise Syntax("%s:%d: unknown directive '%s'" % (self.case.file, n, kw))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cli", required=True, help="the ccad-plan program")
    ap.add_argument("--verbose", "-v", action="store_true", help="one line per case")
    ap.add_argument("dir", nargs="?", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "plan-vectors"))
    a = ap.parse_args(argv)
    res = Result()
    files = sorted(f for f in os.listdir(a.dir) if f.endswith(".txt") and f[0] != ".")
    if not files:
        print("no plan vector files in %s" % a.dir)
        return 1
    for fn in files:
        cases, errors = read_cases(os.path.join(a.dir, fn))
        res.failures += errors
        for case in cases:
            res.cases += 1
            r = CaseRunner(a.cli, case, res)
            status = ""
            try:
                r.run()
            except Skip as e:
                res.skipped_cases[str(e)] += 1
                status = "skipped: %s" % e
            except Syntax as e:
                res.failures.append("%s:%d: case %s: %s" % (case.file, case.line, case.name, e))
                status = "syntax error"
            if not status:
                if r.known_bug:
                    res.known_bug_cases += 1
                    res.known_bug_failures += len(r.failures)
                    res.notes += r.failures
                    res.notes.append("case %s: known-bug, %d mismatch(es) not counted%s"
                                     % (case.name, len(r.failures),
                                        "" if r.failures else ": remove the mark?"))
                else:
                    res.failures += r.failures
                if r.checks == 0:
                    res.skipped_cases["nothing the CLI can check"] += 1
                    status = "skipped: nothing the CLI can check"
                else:
                    res.run += 1
                    res.full += not r.skips
                    res.checks += r.checks
                    status = "%s, %d checks%s" % (
                        "FAIL" if r.failures and not r.known_bug else "pass", r.checks,
                        ", %d skipped" % sum(r.skips.values()) if r.skips else "")
                for k, v in r.skips.items():
                    res.skipped_checks[k] += v
            if a.verbose:
                print("%s: %s" % (case.name, status))
    skipped = sum(res.skipped_cases.values())
    print("cli vectors: %d cases: %d run (%d with every check expressible), %d skipped; "
          "%d checks, %d checks skipped; %d known-bug case(s) (%d mismatch(es) not counted)"
          % (res.cases, res.run, res.full, skipped, res.checks,
             sum(res.skipped_checks.values()), res.known_bug_cases, res.known_bug_failures))
    for why, n in sorted(res.skipped_cases.items(), key=lambda kv: -kv[1]):
        print("  skipped: %s: %d case(s)" % (why, n))
    for why, n in sorted(res.skipped_checks.items(), key=lambda kv: -kv[1]):
        print("  checks skipped: %s: %d" % (why, n))
    for note in res.notes:
        print(note)
    for f in res.failures:
        print(f)
    return 1 if res.failures else 0


if __name__ == "__main__":
    sys.exit(main())
