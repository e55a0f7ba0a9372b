#!/usr/bin/env python3
"""Doxygen input filter for the Markdown pages (Doxyfile FILTER_PATTERNS).

The pages are written for a Markdown reader that knows GitHub's habits;
Doxygen 1.9 does not share all of them. This rewrites each page on its way
into Doxygen (the files themselves stay as they are):

- headings of level 2 and below get an explicit anchor, the GitHub slug of
  their text prefixed with the page's name ("planning.md", "## Weekly
  assignment" -> {#planning-weekly-assignment}), so anchors are unique
  across the site;
- links to a heading, "(#slug)" within a page or "(page.md#slug)" across
  pages, point at those anchors;
- a link to something that is not a page of the site (a source directory,
  LICENSE) becomes its text followed by the path in code style, since the
  site has no such file to open;
- a code span broken over two lines is joined into one line (Doxygen ends
  a span at the end of a line);
- a code span holding an odd number of double quotes becomes <code> with
  the quote as &quot; (Doxygen 1.9 otherwise reads on as if a string had
  started, and loses the spans after it).

usage: md_filter.py FILE.md   (writes the filtered page to stdout)
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def page_name(path):
    return os.path.splitext(os.path.basename(path))[0].lower()


def slug(text):
    text = re.sub(r"`|\*\*|\{#[^}]*\}", "", text.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def is_page(target, here):
    """Whether a link target (without anchor) is a Markdown page of the site."""
    if not target.endswith(".md"):
        return False
    full = os.path.normpath(os.path.join(os.path.dirname(here), target))
    return os.path.isfile(full) and (os.path.dirname(full) == os.path.join(ROOT, "docs")
                                     or os.path.basename(full) in ("README.md", "CHANGELOG.md"))


def rewrite_link(match, here):
    text, target = match.group(1), match.group(2)
    if re.match(r"[a-z]+:", target):
        return match.group(0)
    path, _, anchor = target.partition("#")
    if not path:
        return "[%s](#%s-%s)" % (text, page_name(here), anchor)
    if is_page(path, here):
        if anchor:
            return "[%s](#%s-%s)" % (text, page_name(path), anchor)
        return match.group(0)
    shown = path if text.strip("`") == path.rstrip("/") or text.strip("`") == path else None
    return "`%s`" % path if shown else "%s (`%s`)" % (text, path)


def join_code_spans(lines):
    """Joins a line whose code span is left open with the lines that close it."""
    out, fenced, pending = [], False, None
    for line in lines:
        if re.match(r"\s*(```|~~~)", line) and pending is None:
            fenced = not fenced
            out.append(line)
            continue
        if fenced:
            out.append(line)
            continue
        if pending is not None:
            line = pending + " " + line.lstrip()
            pending = None
        if line.count("`") % 2 == 1 and not line.rstrip().endswith("```"):
            pending = line.rstrip("\n")
            continue
        out.append(line)
    if pending is not None:
        out.append(pending + "\n")
    return out


def quote_safe_spans(line):
    def span(m):
        body = m.group(1)
        if body.count('"') % 2 == 0:
            return m.group(0)
        body = body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return "<code>%s</code>" % body.replace('"', "&quot;")
    return re.sub(r"`([^`]+)`", span, line)


def filter_page(text, here):
    lines = join_code_spans(text.splitlines(keepends=True))
    out, fenced, page, seen = [], False, page_name(here), {}
    for line in lines:
        if re.match(r"\s*(```|~~~)", line):
            fenced = not fenced
        if fenced:
            out.append(line)
            continue
        heading = re.match(r"(#{2,6})\s+(.*?)\s*$", line)
        if heading and "{#" not in line:
            anchor = slug(heading.group(2))
            # a repeated heading gets -1, -2, ... as on GitHub
            count = seen.get(anchor, 0)
            seen[anchor] = count + 1
            if count:
                anchor = "%s-%d" % (anchor, count)
            line = "%s %s {#%s-%s}\n" % (heading.group(1), heading.group(2), page, anchor)
        line = quote_safe_spans(line)
        line = re.sub(r"(?<!!)\[([^\]]+)\]\(([^)\s]+)\)",
                      lambda m: rewrite_link(m, here), line)
        out.append(line)
    return "".join(out)


def main(argv):
    if len(argv) != 2:
        raise SystemExit(__doc__)
    with open(argv[1], encoding="utf-8") as f:
        sys.stdout.write(filter_page(f.read(), os.path.abspath(argv[1])))


if __name__ == "__main__":
    main(sys.argv)
