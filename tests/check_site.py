#!/usr/bin/env python3
"""Checks the Doxygen site (docs/Doxyfile.in) after `--target docs`.

usage: check_site.py HTML_DIR SOURCE_DIR

- the front page (index.html) is README.md: its title is README's first
  heading and it holds README's first sentence;
- every docs/*.md and CHANGELOG.md is a page (a page's title is the file's
  first heading);
- every local link of every page opens an existing file, and its #anchor
  exists in that file; no link points at a .md file (one Doxygen did not
  turn into a page link);
- CCAD_API appears in no function signature (MACRO_EXPANSION): only the
  page that documents the macro itself may name it.
"""
import glob
import html.parser
import os
import re
import sys
import urllib.parse


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.anchors, self.title, self._in_title = [], set(), "", False
        self.text = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("id", "name"):
            if a.get(key):
                self.anchors.add(a[key])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "div" and a.get("class") == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "div":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        self.text.append(data)


def first_heading(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"#\s+(.*?)\s*(\{#[^}]*\})?\s*$", line)
            if m:
                return m.group(1).replace("`", "")
    return None


def main(argv):
    if len(argv) != 3:
        raise SystemExit(__doc__)
    html_dir, src = argv[1], argv[2]
    pages = {}
    for path in glob.glob(os.path.join(html_dir, "*.html")):
        p = Page()
        with open(path, encoding="utf-8") as f:
            raw = f.read()
        p.feed(raw)
        p.raw = raw
        pages[os.path.basename(path)] = p
    problems = []

    index = pages.get("index.html")
    readme_title = first_heading(os.path.join(src, "README.md"))
    if index is None or index.title.strip() != readme_title:
        problems.append("index.html's title is %r, README's heading is %r"
                        % (index.title.strip() if index else None, readme_title))
    elif "Decide when to contact which customer" not in " ".join(index.text):
        problems.append("index.html does not hold README's text")

    titles = {p.title.strip() for p in pages.values()}
    md_files = sorted(glob.glob(os.path.join(src, "docs", "*.md"))) + [os.path.join(src, "CHANGELOG.md")]
    for md in md_files:
        title = first_heading(md)
        if title not in titles:
            problems.append("%s (%r) is not a page of the site" % (os.path.relpath(md, src), title))

    checked = 0
    for name, p in sorted(pages.items()):
        for href in p.links:
            url = urllib.parse.urlsplit(href)
            if url.scheme or href.startswith("javascript:"):
                continue
            target = url.path or name
            checked += 1
            if target.endswith(".md"):
                problems.append("%s: link to a Markdown file %s" % (name, href))
                continue
            if not os.path.exists(os.path.join(html_dir, target)):
                problems.append("%s: link to a missing file %s" % (name, href))
                continue
            if url.fragment and target in pages and url.fragment not in pages[target].anchors:
                problems.append("%s: link to a missing anchor %s" % (name, href))
        if name.startswith("group__") and name != "group__export.html" and "CCAD_API" in p.raw:
            problems.append("%s shows CCAD_API" % name)

    for problem in problems:
        print("site: " + problem)
    print("site: %d pages, %d Markdown pages expected, %d local links checked, %d problems"
          % (len(pages), len(md_files), checked, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
