#!/usr/bin/env python3
"""Runs ccad-plan and ccad-due over adversarial input files.

    check_malformed.py PROGRAM CORPUS_DIR WORK_DIR

PROGRAM is ccad-plan or ccad-due (its path). Every file of CORPUS_DIR
(examples/data/malformed) is given to the program through the option its
name asks for (customers-*.csv: --customers, contacts-*.csv: --contacts,
rules-*.txt: --rules, dates-*.txt: --holidays; ccad-due reads only the
first and the third). Files too large to keep in the repository (1 MB lines,
10 MB fields, seeded binary garbage, header-only and BOM files) are written
to WORK_DIR first.

Every bad file must make the program exit with 1 (never a signal, never
another code, within the timeout) and its first stderr line must be
"PROGRAM: FILE:LINE:COLUMN: message" naming that file, with LINE and COLUMN
at least 1 and LINE within the file. Files marked "either" below are
arguably valid; for them exit code 0 is accepted too. Exits 0 when every
check passes, 1 with one line per failure otherwise. Python 3 standard
library only.
"""

import os
import random
import re
import subprocess
import sys

TIMEOUT = 20  # seconds per run
TODAY = "2026-11-23"
HEADER = "id,name,value,grade,status,last_contact\n"
CONTACTS_HEADER = "customer_id,date,kind,outcome,record,next_date\n"
MB = 1024 * 1024


def generated(work):
    """Writes the large and random files; returns {name: 'bad' | 'either'}."""
    files = {}

    def put(name, data, kind="bad"):
        with open(os.path.join(work, name), "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        files[name] = kind

    row = "C-001,Alpha,1000.00,A,active,2026-11-01\n"
    put("customers-1mb-line.csv", HEADER + "C-001," + "x" * MB + "\n")
    put("customers-1mb-id.csv", HEADER + "C" * MB + ",Alpha,1000.00,A,active,2026-11-01\n")
    put("customers-10mb-name.csv",
        HEADER + 'C-001,"' + "n" * (10 * MB) + '",1000.00,A,active,2026-11-01\n', "either")
    put("customers-1mb-value.csv", HEADER + "C-001,Alpha," + "9" * MB + ",A,active,2026-11-01\n")
    put("customers-1mb-header.csv", "id," + "h" * MB + "\n" + "C-001,x\n")
    put("customers-1mb-commas.csv", HEADER + row + "," * MB + "\n")
    put("customers-1mb-newlines.csv", HEADER + row + "\n" * MB + "C-002,Beta,zz,B,active,\n")
    put("customers-only-header.csv", HEADER, "either")
    put("customers-bom-header.csv", "\ufeff" + HEADER + row, "either")
    put("customers-crlf.csv", (HEADER + row).replace("\n", "\r\n"), "either")
    put("contacts-1mb-line.csv", CONTACTS_HEADER + "T-001," + "2" * MB + ",visit,progress,1,\n")
    put("contacts-only-header.csv", CONTACTS_HEADER, "either")
    put("rules-1mb-line.txt", "gap.max_days = " + "1" * MB + "\n")
    put("rules-1mb-key.txt", "k" * MB + " = 1\n")
    put("rules-1mb-comment.txt", "#" + "c" * MB + "\nbad.key = 1\n")
    put("dates-1mb-line.txt", "2026-12-24" + " " * MB + "x\n")
    rng = random.Random(17)
    for i in range(8):
        n = rng.choice([1, 7, 100, 4096, 65536])
        data = bytes(rng.randrange(256) for _ in range(n))
        put("customers-garbage-%d.csv" % i, data)
        put("contacts-garbage-%d.csv" % i, CONTACTS_HEADER.encode() + data)
        put("rules-garbage-%d.txt" % i, data)
    return files


def option(name):
    for prefix, opt in (("customers-", "--customers"), ("contacts-", "--contacts"),
                        ("rules-", "--rules"), ("dates-", "--holidays")):
        if name.startswith(prefix):
            return opt
    return None


LOCATION = re.compile(r"^(ccad-[a-z]+): (.+?):(\d+):(\d+): \S")


def check(prog, path, kind, failures):
    name = os.path.basename(path)
    opt = option(name)
    progname = os.path.basename(prog)
    if opt is None:
        failures.append("%s: no option for this file name" % name)
        return False
    if progname.startswith("ccad-due") and opt not in ("--customers", "--rules"):
        return False
    try:
        # ccad-plan gets a base, so that a valid file without locations plans
        extra = ["--base", "31.23,121.47"] if progname.startswith("ccad-plan") else []
        p = subprocess.run([prog, "--today", TODAY] + extra + [opt, path], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        failures.append("%s %s: no answer within %d s" % (progname, name, TIMEOUT))
        return True
    err = p.stderr.decode("utf-8", "replace")
    first = err.split("\n", 1)[0]
    if p.returncode < 0:
        failures.append("%s %s: killed by signal %d\n%s" % (progname, name, -p.returncode, err))
        return True
    if p.returncode == 0 and kind == "either":
        return True
    if p.returncode != 1:
        failures.append("%s %s: exit code %d, expected 1%s: %s" %
                        (progname, name, p.returncode, " (or 0)" if kind == "either" else "",
                         first[:200]))
        return True
    m = LOCATION.match(first)
    if not m:
        failures.append("%s %s: message does not start with FILE:LINE:COLUMN: %r" %
                        (progname, name, first[:200]))
        return True
    if m.group(2) != path:
        failures.append("%s %s: message names %r" % (progname, name, m.group(2)[:200]))
    line, col = int(m.group(3)), int(m.group(4))
    with open(path, "rb") as f:
        lines = f.read().count(b"\n") + 1
    if line < 1 or col < 1 or line > lines + 1:
        failures.append("%s %s: position %d:%d outside the file (%d lines)" %
                        (progname, name, line, col, lines))
    return True


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    prog, corpus, work = sys.argv[1:]
    os.makedirs(work, exist_ok=True)
    cases = [(os.path.join(corpus, n), "bad") for n in sorted(os.listdir(corpus))]
    cases += [(os.path.join(work, n), k) for n, k in sorted(generated(work).items())]
    failures = []
    ran = 0
    for path, kind in cases:
        ran += check(prog, path, kind, failures)
    for f in failures:
        print("FAIL: " + f)
    print("%s: %d malformed inputs, %d failures" % (os.path.basename(prog), ran, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
