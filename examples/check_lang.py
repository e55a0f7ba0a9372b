#!/usr/bin/env python3
"""The example programs in every language (docs/cli.md, "Languages").

    check_lang.py PLAN DUE ICS MAP DATADIR OUTDIR [TEAM]

Runs ccad-plan, ccad-due, ccad-ics and ccad-map on the Chinese twin of the
bundled territory (territory-zh.csv) and on the English one, and ccad-team
(TEAM) on a Chinese team (team-scenario-zh) and the bundled one, and checks:
  - the day tables lay out by display width: in every row the cells start
    at the columns of the header, counting East Asian Wide and Fullwidth
    characters as two cells and combining marks as none; a cut cell ends
    in the language's ellipsis, on a whole character (no U+FFFD anywhere);
  - the language comes from --lang, else LC_ALL, LC_MESSAGES, LANG (zh_TW
    and zh_HK give zh-Hant, other zh zh-Hans, C and en English); --lang
    wins; English output is the same with --lang en and with LANG=C;
  - zh-Hans and zh-Hant output use their own script's words;
  - the calendar carries LANGUAGE= on its texts, the maps xml:lang;
  - ccad-team's table, reasons and findings file in Chinese, its CSV
    identifiers in English whatever the language.
Python 3 standard library only."""
import os
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

TODAY = ["--today", "2026-11-23"]


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def run(cmd, env_lang=None, lc_all=None):
    env = dict(os.environ)
    for k in ("LC_ALL", "LC_MESSAGES", "LANG"):
        env.pop(k, None)
    if env_lang is not None:
        env["LANG"] = env_lang
    if lc_all is not None:
        env["LC_ALL"] = lc_all
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    if p.returncode != 0:
        fail("%s: exit %d: %s" % (" ".join(cmd), p.returncode, p.stderr.decode("utf-8", "replace")))
    return p.stdout.decode("utf-8", "replace")  # a cut mid-character shows as U+FFFD


def cells(s):
    n = 0
    for ch in s:
        cat = unicodedata.category(ch)
        if cat in ("Mn", "Me") or (cat == "Cf" and ch != "\u00ad"):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return n


def column_starts(header, titles):
    """The display column where each title of the header starts."""
    out, pos = [], 0
    for t in titles:
        k = header.index(t, pos)
        out.append(cells(header[:k]))
        pos = k + len(t)
    return out


def cell_at(row, col):
    """The text of row from display column col on."""
    n = 0
    for k, ch in enumerate(row):
        if n >= col:
            return row[k:]
        n += cells(ch)
    return ""


def plan_row(line):
    return line.startswith("  ") and line[:6].strip() != ""


def team_row(line):
    """An item row of ccad-team: a stop number or '-' in the first columns."""
    return len(line) > 8 and line[:4] == "    " and line[4:6].strip() != "" and line[6:8] == "  "


def check_table(text, titles, ellipsis, header="   #  ", is_row=plan_row, name_col=2):
    """Every row under a header (plan: one per day; team: one for all days)
    has its cells at the header's columns."""
    if "\ufffd" in text:
        fail("U+FFFD in the output")
    lines = text.split("\n")
    rows = 0
    cut = 0
    for k, line in enumerate(lines):
        if not line.startswith(header):
            continue
        starts = column_starts(line, titles)
        for row in lines[k + 1:]:
            if is_row is plan_row and not plan_row(row):
                break
            if not is_row(row):
                continue
            for t, c in zip(titles, starts):
                # a separating space, then the cell's first character
                before = cell_at(row, c - 1)
                if before[:1] != " " or before[1:2] in (" ", ""):
                    fail("row %r: the %s column does not start at display column %d" % (row, t, c))
            name = cell_at(row, starts[name_col])[:40]
            if ellipsis in name:
                cut += 1
            rows += 1
    if rows == 0:
        fail("no table rows")
    return rows, cut


def main(argv):
    plan, due, ics, mapper, data, outdir = argv[1:7]
    zh = ["--customers", os.path.join(data, "territory-zh.csv"),
          "--contacts", os.path.join(data, "contacts-zh.csv")] + TODAY
    en = TODAY

    # the table, in each language
    for lang, titles, word, other in (
            ("zh-Hans", ["到达", "编号", "客户", "分级", "Q", "方式", "由谁去", "原因"], "计划", "計劃"),
            ("zh-Hant", ["到達", "編號", "客戶", "分級", "Q", "方式", "由誰去", "原因"], "計劃", "计划")):
        text = run([plan, "--lang", lang] + zh)
        if not text.startswith(word) or other in text:
            fail("%s: the plan does not start with %s (or holds %s)" % (lang, word, other))
        rows, cut = check_table(text, titles, "\u2026")
        if cut == 0:
            fail("%s: no name was cut; the territory has long names" % lang)
        print("ok: %s table, %d rows by display width, %d names cut" % (lang, rows, cut))
    text = run([plan, "--lang", "en"] + en)
    rows, _ = check_table(text, ["ETA", "id", "customer", "grade", "Q", "kind", "by", "why"], "~")
    print("ok: en table, %d rows" % rows)

    # where the language comes from
    english = run([plan] + en, env_lang="C")
    if english != text:
        fail("LANG=C and --lang en differ")
    cases = [("zh_TW.UTF-8", None, [], "計劃"), ("zh_HK.UTF-8", None, [], "計劃"),
             ("zh_CN.UTF-8", None, [], "计划"), ("zh_SG", None, [], "计划"),
             ("en_US.UTF-8", None, [], "Plan for"), (None, None, [], "Plan for"),
             ("en_US.UTF-8", "zh_TW.UTF-8", [], "計劃"), ("zh_CN.UTF-8", "C", [], "Plan for"),
             ("zh_CN.UTF-8", None, ["--lang", "en"], "Plan for"),
             ("C", None, ["--lang", "zh-Hant"], "計劃")]
    for lang_var, lc_all, flags, want in cases:
        got = run([plan] + flags + en, env_lang=lang_var, lc_all=lc_all)
        if not got.startswith(want):
            fail("LANG=%s LC_ALL=%s %s: starts %r, expected %r" % (lang_var, lc_all, flags, got[:20], want))
    print("ok: %d locale cases" % len(cases))

    # ccad-due
    text = run([due, "--lang", "zh-Hans"] + TODAY)
    for want in ("2026-11-23 周一 到期：", "分级：按价值排第 1 名", "A类客户，Q1，", "小结："):
        if want not in text:
            fail("ccad-due zh-Hans: %r missing" % want)
    text = run([due, "--lang", "zh-Hant"] + TODAY)
    if "週一" not in text or "周一" in text:
        fail("ccad-due zh-Hant: weekdays not in traditional characters")
    print("ok: ccad-due")

    # a rules text error in the chosen language, at the same file position
    bad = os.path.join(data, "bad", "bad-rules.txt")
    p = subprocess.run([plan, "--lang", "zh-Hans", "--rules", bad] + TODAY, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    err = p.stderr.decode("utf-8")
    if p.returncode != 1 or "bad-rules.txt:4:1: ccad_rules_parse: 规则文本第 4 行第 1 列：没有参数 'gap.max_day'" not in err:
        fail("ccad-plan zh-Hans --rules bad: exit %d, %r" % (p.returncode, err))
    print("ok: rules errors")

    # ccad-ics: LANGUAGE= on the texts
    text = run([ics, "--lang", "zh-Hant"] + zh)
    for want in ("X-WR-CALNAME;LANGUAGE=zh-Hant:客戶拜訪", "SUMMARY;LANGUAGE=zh-Hant:拜訪 1：",
                 "DESCRIPTION;LANGUAGE=zh-Hant:當天第 1 站", "CATEGORIES;LANGUAGE=zh-Hant:"):
        if want not in text:
            fail("ccad-ics zh-Hant: %r missing" % want)
    if "LANGUAGE=" in run([ics, "--lang", "en"] + en):
        fail("ccad-ics en: a LANGUAGE parameter")
    os.makedirs(outdir, exist_ok=True)
    p = subprocess.run([ics, "--lang", "zh-Hant", "-o", os.path.join(outdir, "week.ics")] + zh,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    said = p.stderr.decode("utf-8", "replace")
    if p.returncode != 0 or not re.match(r"ccad-ics: 已寫入 \d+ 個日程：\S+week\.ics\n$", said):
        fail("ccad-ics zh-Hant -o: the line of the file written is not Chinese: %r" % said)
    print("ok: ccad-ics")

    # ccad-map: xml:lang on the root
    os.makedirs(outdir, exist_ok=True)
    said = run([mapper, "--lang", "zh-Hans", "--out", outdir, "--day", "2026-11-25"] + zh)
    if not re.match(r"\S+map-2026-11-25\.svg：拜访 \d+ 家，路上 \d+ 分钟\n$", said):
        fail("map: the line of the file written is not Chinese: %r" % said)
    said = run([mapper, "--lang", "zh-Hant", "--out", outdir, "--day", "2026-11-28"] + zh)
    if said != "2026-11-28：沒有拜訪，不畫地圖\n":
        fail("map: a day without stops is not said in Chinese: %r" % said)
    root = ET.parse(os.path.join(outdir, "map-2026-11-25.svg")).getroot()
    if root.get("{http://www.w3.org/XML/1998/namespace}lang") != "zh-Hans":
        fail("map: xml:lang is %r" % root.get("{http://www.w3.org/XML/1998/namespace}lang"))
    title = root.find("{http://www.w3.org/2000/svg}title").text
    if title != "2026-11-25 周三 的路线":
        fail("map: title %r" % title)
    print("ok: ccad-map")

    if len(argv) > 7:
        check_team(argv[7], data)


def check_team(team, data):
    scen = os.path.join(data, "team-scenario-zh")
    zh = ["--reps", os.path.join(scen, "reps.csv"), "--customers", os.path.join(scen, "customers.csv"),
          "--today", "2026-11-23", "--days", "3"]
    for lang, titles, words, other in (
            ("zh-Hans", ["到达", "编号", "客户", "归属", "Q", "方式", "由谁去", "原因"],
             ("团队计划 2026-11-23 周一 至 2026-11-25 周三：3 名业务员", "  bob（周博文）：共 3 项，拜访 3 家，替同事跑 1 项",
              "委托同事   产能：安排有时间的同事去一趟（路上多花 52 分钟；该同事当天共 3 个联系，上限 3 个）",
              "代班同事   产能：安排有时间的同事去一趟", "需要注意（6 条；用 --findings FILE 写出）：ann 4 条，bob 1 条，cat 1 条"),
             "週"),
            ("zh-Hant", ["到達", "編號", "客戶", "歸屬", "Q", "方式", "由誰去", "原因"],
             ("團隊計劃 2026-11-23 週一 至 2026-11-25 週三：3 名業務員", "委託同事   產能：安排有時間的同事去一趟",
              "需要注意（6 條；用 --findings FILE 寫出）："), "周一")):
        text = run([team, "--lang", lang] + zh)
        for want in words:
            if want not in text:
                fail("ccad-team %s: %r missing" % (lang, want))
        if other in text:
            fail("ccad-team %s: %r of the other script" % (lang, other))
        rows, cut = check_table(text, titles, "\u2026", header="     #  ", is_row=team_row)
        if rows != 12 or cut == 0:
            fail("ccad-team %s: %d rows, %d names cut (expected 12 rows, long names cut)" % (lang, rows, cut))
        print("ok: ccad-team %s table, %d rows by display width, %d names cut" % (lang, rows, cut))
    # the bundled team: every reason of the no-carrier list in Chinese, the
    # kind column as wide as its longest name
    text = run([team, "--lang", "zh-Hans", "--today", "2026-11-23"])
    if "\n没有同事能接手：\n" not in text or "在岗的 4 位同事都排满了，这次联系（委托同事）没人能去" not in text:
        fail("ccad-team zh-Hans: no Chinese TEAM_NO_CARRIER list")
    rows, _ = check_table(text, ["到达", "编号", "客户", "归属", "Q", "方式", "由谁去", "原因"], "\u2026",
                          header="     #  ", is_row=team_row)
    # the language from the locale; English the same with --lang en and LANG=C
    if not run([team] + zh, env_lang="zh_TW.UTF-8").startswith("團隊計劃"):
        fail("ccad-team LANG=zh_TW: not zh-Hant")
    english = run([team, "--lang", "en"] + zh)
    if english != run([team] + zh, env_lang="C") or not english.startswith("Team plan for Mon 2026-11-23"):
        fail("ccad-team: --lang en and LANG=C differ")
    check_table(english, ["ETA", "id", "customer", "owner", "Q", "kind", "by", "why"], "~",
                header="     #  ", is_row=team_row)
    # CSV identifiers stay English; the findings file's texts follow --lang
    if run([team, "--lang", "zh-Hans", "--format", "csv"] + zh) != run([team, "--format", "csv"] + zh,
                                                                       env_lang="C"):
        fail("ccad-team --format csv differs by language")
    findings = os.path.join(os.environ.get("TMPDIR", "/tmp"), "ccad-team-zh-findings-%d.csv" % os.getpid())
    run([team, "--lang", "zh-Hans", "--findings", findings] + zh)
    with open(findings, encoding="utf-8") as f:
        got = f.read()
    os.remove(findings)
    if "ann,,platform,PLATFORM,平台：工作平台只有 3 个客户，不到最少要管理的 50 个" not in got:
        fail("ccad-team --findings in zh-Hans: %r" % got[:300])
    # the proposals: workload, balance, the pool's count and the proposals'
    # reasons in the findings file
    pool = ["--reps", os.path.join(data, "team-pool", "reps.csv"),
            "--customers", os.path.join(data, "team-pool", "customers.csv"), "--today", "2026-11-23"]
    run([team, "--lang", "zh-Hans", "--findings", findings] + pool)
    with open(findings, encoding="utf-8") as f:
        got = f.read()
    os.remove(findings)
    text = run([team, "--lang", "zh-Hans"] + pool)
    for want in ("\n30 天的工作量（需要的联系次数 / 产能；A B C D 类），按建议调整前 -> 后：\n",
                 "均衡：负荷差距（最高/最低）", "，公海 1 条\n"):
        if want not in text:
            fail("ccad-team zh-Hans proposals: %r missing" % want)
    for want in (",release_proposed,OWNERSHIP,归属：建议把客户放回公海（已联系 ",
                 ",move_proposed,WORKLOAD,工作量：建议从超负荷的业务员（产能的 ", "；交给 cat,"):
        if want not in got:
            fail("ccad-team zh-Hans proposals file: %r missing" % want)
    print("ok: ccad-team (%d rows of the bundled team in zh-Hans, locale, CSV, findings, proposals)"
          % rows)


if __name__ == "__main__":
    main(sys.argv)
