#!/usr/bin/env python3
"""Runs ccad-ics and ccad-map over adversarial customer files and parses
what they write with real parsers (issue 17).

    check_writers.py ICS MAP WORKDIR

Writes the customer files into WORKDIR: long names (300 bytes, ASCII and
CJK), emoji, TAB, CR and line breaks, quotes, ampersands, angle brackets,
semicolons, commas, backslashes and control characters in names and ids.
Each calendar must parse with icalendar.Calendar.from_ical (Debian's
python3-icalendar; tests/run.sh installs it) and keep every line within 75
octets, end it in CRLF and hold no control character; every SUMMARY must
give back the customer's name (TAB as a space, other control characters as
U+FFFD). Each map must parse with xml.etree.ElementTree and give back the
name in its stop's <title>. Files with invalid UTF-8 in a name or an id
must be refused (exit 1, "invalid UTF-8"). Exits 0 on success, 1 on a
failure, 77 (skipped) without icalendar.
"""

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

try:
    import icalendar
except ImportError:  # pyenv and the like: try the system's Python, which has it
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != \
            os.path.realpath("/usr/bin/python3") and not os.environ.get("CCAD_REEXEC"):
        os.environ["CCAD_REEXEC"] = "1"
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    print("SKIP: python3-icalendar is not installed")
    sys.exit(77)

HEADER = b"id,name,value,grade,capable,lat,lon,status,last_contact,contacts\n"
TODAY = "2026-11-23"


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def q(b):
    """One CSV field, always quoted."""
    return b'"' + b.replace(b'"', b'""') + b'"'


def customers(rows):
    out = HEADER
    for i, (id_, name) in enumerate(rows):
        out += b",".join([q(id_), q(name), b"900000.00", b"A", b"1",
                          b"31.%04d" % (2300 + 7 * i), b"121.%04d" % (4700 + 5 * i), b"key",
                          b"2026-11-10", b"10"]) + b"\n"
    return out


CJK = "\u4e0a\u6d77\u6e2f\u53e3\u8d38\u6613\u6709\u9650\u516c\u53f8".encode()  # 30 bytes
CASES = {
    "long": [(b"L-1", b"N" * 300), (b"L-2", CJK * 10), (b"L-3", b"x" * 57 + CJK * 9 + b"yz"),
             (b"L-4", "\U0001F680 caf\u00e9 ".encode() * 25)],
    "specials": [(b"S-1", b"Smith & Sons <Ltd> \"Quoted\" 'single'"),
                 (b"S-2", b"a;b,c\\d \\n not a break"),
                 (b"S&<>\"'", b"id with specials"),
                 (b"S-4", b"]]> & &amp; &#0; <!-- -->")],
    "controls": [(b"C\t1", b"tab\there and\ttab"), (b"C-2", b"line\nbreak and\r\ncrlf"),
                 (b"C-3", b"bell\x07 esc\x1b[31m del\x7f"), (b"C-4", b"c1 \xc2\x85 \xc2\x9f end"),
                 (b"C-5", b"cr only\rhere")],
}
INVALID = {
    "bad-name": [(b"B-1", b"ok"), (b"B-2", b"cut \xe4\xb8")],
    "bad-continuations": [(b"B-1", bytes(0x80 + i % 64 for i in range(90)))],
    "bad-id": [(b"B-\xc0\xaf", b"overlong slash")],
    "bad-surrogate": [(b"B-1", b"\xed\xa0\x80 surrogate")],
}


def ics_expect(name):
    s = name.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return "".join("\ufffd" if (ord(c) < 0x20 and c != "\n") or 0x7f <= ord(c) <= 0x9f
                   else c for c in s)


def svg_expect(name):
    return "".join("\ufffd" if (ord(c) < 0x20 and c not in "\t\n\r") or 0x7f <= ord(c) <= 0x9f
                   else c for c in name)


def rfc_unescape(s):
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), s)


def run(cmd):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)


def check_ics(ics, path, rows, work):
    out = os.path.join(work, os.path.basename(path) + ".ics")
    p = run([ics, "--today", TODAY, "--days", "14", "--customers", path, "-o", out])
    if p.returncode != 0:
        fail("%s: ccad-ics exited %d: %s" % (path, p.returncode, p.stderr.decode("utf-8", "replace")))
    raw = open(out, "rb").read()
    if len(raw) > 200000:
        fail("%s: calendar of %d bytes" % (path, len(raw)))
    text = raw.decode("utf-8")  # raises on invalid UTF-8
    if not text.endswith("\r\n"):
        fail("%s: calendar does not end in CRLF" % path)
    for n, line in enumerate(text[:-2].split("\r\n"), 1):
        if len(line.encode()) > 75:
            fail("%s: line %d has %d octets" % (out, n, len(line.encode())))
        if re.search("[\x00-\x1f\x7f-\x9f]", line):
            fail("%s: line %d holds a control character: %r" % (out, n, line))
        line.encode("utf-8")
    # Unfolded, the SUMMARY lines unescaped as RFC 5545 says.
    unfolded = text.replace("\r\n ", "").split("\r\n")
    rfc = [rfc_unescape(l[len("SUMMARY:"):]) for l in unfolded if l.startswith("SUMMARY:")]
    cal = icalendar.Calendar.from_ical(raw)
    names = {ics_expect(i.decode()).strip(" "): ics_expect(nm.decode()) for i, nm in rows}
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    if not events:
        fail("%s: no event" % out)
    if len(rfc) != len(events):
        fail("%s: %d SUMMARY lines for %d events" % (out, len(rfc), len(events)))
    for ev, summary in zip(events, rfc):
        uid = str(ev["UID"])
        id_ = next((i for i in names if uid.startswith(i + "-2026")), None)
        if id_ is None:
            fail("%s: UID %r names no customer of %r" % (out, uid, list(names)))
        want = "%s (%s, grade" % (names[id_], id_)
        if want not in summary:
            fail("%s: SUMMARY %r does not hold %r" % (out, summary, want))
        # icalendar 4.0.3 reads an escaped backslash before "n" as a line
        # break (its unescaping is order-dependent): with a backslash in the
        # name only the RFC reading above is compared.
        if "\\" not in want and want not in str(ev["SUMMARY"]):
            fail("%s: icalendar's SUMMARY %r does not hold %r" % (out, str(ev["SUMMARY"]), want))
        if not str(ev["DESCRIPTION"]).startswith("Stop "):
            fail("%s: DESCRIPTION %r" % (out, str(ev["DESCRIPTION"])))
        ev.decoded("DTSTART")
        ev.decoded("DTEND")
    return len(events)


def check_map(mapper, path, rows, work):
    outdir = os.path.join(work, os.path.basename(path) + ".maps")
    os.makedirs(outdir, exist_ok=True)
    for f in os.listdir(outdir):
        os.remove(os.path.join(outdir, f))
    p = run([mapper, "--today", TODAY, "--days", "14", "--customers", path, "--out", outdir])
    if p.returncode != 0:
        fail("%s: ccad-map exited %d: %s" % (path, p.returncode, p.stderr.decode("utf-8", "replace")))
    names = {svg_expect(i.decode()).strip(" \t"): svg_expect(nm.decode()) for i, nm in rows}
    maps = sorted(os.listdir(outdir))
    if not maps:
        fail("%s: no map" % path)
    stops = 0
    for m in maps:
        f = os.path.join(outdir, m)
        if os.path.getsize(f) > 100000:
            fail("%s: %d bytes" % (f, os.path.getsize(f)))
        root = ET.parse(f).getroot()
        for g in root.iter("{http://www.w3.org/2000/svg}g"):
            title = g.find("{http://www.w3.org/2000/svg}title").text
            if not any(" %s %s (grade" % (i, n) in title for i, n in names.items()):
                fail("%s: stop title %r names no customer" % (f, title))
            stops += 1
    return stops


def main(argv):
    if len(argv) != 4:
        print(__doc__)
        sys.exit(2)
    ics, mapper, work = argv[1:]
    os.makedirs(work, exist_ok=True)
    for case, rows in CASES.items():
        path = os.path.join(work, "writers-%s.csv" % case)
        with open(path, "wb") as f:
            f.write(customers(rows))
        events = check_ics(ics, path, rows, work)
        stops = check_map(mapper, path, rows, work)
        print("%s: %d events, %d map stops parsed" % (case, events, stops))
    for case, rows in INVALID.items():
        path = os.path.join(work, "writers-%s.csv" % case)
        with open(path, "wb") as f:
            f.write(customers(rows))
        for prog in (ics, mapper):
            p = run([prog, "--today", TODAY, "--customers", path, "--out" if prog == mapper
                     else "-o", os.path.join(work, "refused.out")])
            err = p.stderr.decode("utf-8", "replace")
            if p.returncode != 1 or "invalid UTF-8" not in err or len(p.stdout) > 0:
                fail("%s: %s should refuse it (exit %d): %s" % (path, prog, p.returncode, err))
        print("%s: refused (%s)" % (case, err.strip()))
    print("ok")


if __name__ == "__main__":
    main(sys.argv)
