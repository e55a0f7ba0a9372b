#!/usr/bin/env python3
"""Looks at the docs site's front page in headless Chromium.

usage: check_frontpage.py HTML_DIR OUT_DIR

Renders index.html twice in headless Chromium (Debian's chromium): as
built, and a copy whose title text is hidden (visibility: hidden, so the
layout stays the same). Requires that
- the rendered DOM (after Doxygen's scripts ran) holds the title, README's
  first heading;
- the two screenshots differ, and only in the title's band at the top of
  the page: that is the title's text, drawn.
Keeps OUT_DIR/frontpage.png. Exits 77 (skipped) without chromium.
"""
import glob
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

WIDTH, HEIGHT = 1024, 768


def browser():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_browser(exe, args, url):
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
           "--window-size=%d,%d" % (WIDTH, HEIGHT)] + args + [url]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def read_png(path):
    """(width, height, rows of (r, g, b) tuples) of an 8-bit RGB/RGBA PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(path + ": not a PNG")
    at, idat, header = 8, b"", None
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    width, height, depth, color, _, _, interlace = header
    if depth != 8 or color not in (2, 6) or interlace:
        raise ValueError("%s: PNG form %d/%d/%d not read here" % (path, depth, color, interlace))
    bpp = 4 if color == 6 else 3
    raw, stride, rows, prev = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x * bpp:x * bpp + 3]) for x in range(width)])
        prev = line
    return width, height, rows


def main(argv):
    if len(argv) != 3:
        raise SystemExit(__doc__)
    html_dir, out_dir = argv[1], argv[2]
    exe = browser()
    if not exe:
        print("frontpage: chromium not found: skipped (apt-get install chromium)")
        return 77
    os.makedirs(out_dir, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = os.path.join(tmp, "html")
        shutil.copytree(html_dir, site)
        with open(os.path.join(site, "index.html"), encoding="utf-8") as f:
            page = f.read()
        m = re.search(r'<div class="title">([^<]*)</div>', page)
        if not m or not m.group(1).strip():
            print("frontpage: index.html has no title element")
            return 1
        title = m.group(1).strip()
        with open(os.path.join(site, "blank.html"), "w", encoding="utf-8") as f:
            f.write(page.replace(m.group(0), '<div class="title"><span style="visibility:hidden">'
                                 '%s</span></div>' % m.group(1)))
        url = "file://" + os.path.join(site, "index.html")
        dom = run_browser(exe, ["--dump-dom"], url)
        if '<div class="title">%s' % title not in dom.stdout:
            print("frontpage: the rendered DOM has no title %r\n%s" % (title, dom.stderr[-2000:]))
            return 1
        shots = {}
        for name in ("index", "blank"):
            png = os.path.join(tmp, name + ".png")
            run_browser(exe, ["--screenshot=" + png], "file://" + os.path.join(site, name + ".html"))
            if not os.path.exists(png):
                print("frontpage: chromium wrote no screenshot of %s.html" % name)
                return 1
            shots[name] = read_png(png)
        shutil.copy(os.path.join(tmp, "index.png"), os.path.join(out_dir, "frontpage.png"))
    (w, h, shown), (_, _, blank) = shots["index"], shots["blank"]
    diff = [(x, y) for y in range(h) for x in range(w) if shown[y][x] != blank[y][x]]
    if not diff:
        print("frontpage: the title %r draws nothing" % title)
        return 1
    xs, ys = [x for x, _ in diff], [y for _, y in diff]
    box = (min(xs), min(ys), max(xs), max(ys))
    print("frontpage: title %r drawn in the box %s of a %dx%d screenshot (%d pixels)"
          % (title, box, w, h, len(diff)))
    if box[3] - box[1] > 80 or box[2] - box[0] > w // 2:
        print("frontpage: more than the title's line changed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
