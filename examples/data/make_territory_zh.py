#!/usr/bin/env python3
"""Generates the Chinese twin of the bundled territory.

    python3 examples/data/make_territory_zh.py   # writes territory-zh.csv and contacts-zh.csv here

It reads territory.csv and contacts.csv (from make_territory.py) and keeps
every figure, date and position, so a plan of the twin has the same days,
stops and reasons as a plan of the original; only what a rep reads
changes: the ids become 客户-001 .. 客户-300 and every customer gets an
invented Chinese company name, built from a district of the fictional city
of the original (临江 for Old Harbour, ...), a trade name, a trade and a
form of company, like 临江华瑞五金有限公司, and one in five a branch
(...北港分公司): those are longer than the table's column and exercise its
cutting by display width.

Every name is invented. Deterministic (fixed seed, no clock): running the
script again gives byte-identical files. Python 3 standard library only.
"""

import csv
import os
import random

SEED = 4019
HERE = os.path.dirname(os.path.abspath(__file__))

# The districts of make_territory.py, by their centres' latitude order there.
DISTRICTS = ["临江", "北港", "河滨", "西园", "南门", "湖景"]
BRANDS = [
    "华瑞", "金桥", "东泰", "银湾", "铜叶", "蓝海", "北辰", "红石", "绿野", "明途",
    "铁桥", "莲冠", "珍珠", "金苇", "云峰", "枫岭", "向阳", "石门", "长弯", "橡谷",
    "清波", "西沐", "高标", "琥珀", "雪松", "迅田", "潮汐", "新月", "松林", "椋鸟",
]
TRADES = [
    "物流", "工程", "医疗器械", "酒店", "贸易", "包装", "电子", "纺织", "食品", "印刷",
    "汽配", "建材", "药房", "餐饮", "办公用品", "五金", "冷链", "烘焙", "诊所", "模具",
]
FORMS = ["有限公司", "集团", "商行", "股份有限公司", "实业有限公司", "厂"]


def main():
    rng = random.Random(SEED)
    with open(os.path.join(HERE, "territory.csv"), newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        fields = reader.fieldnames
        rows = list(reader)
    ids = {}
    used = set()
    for k, r in enumerate(rows):
        while True:
            name = rng.choice(DISTRICTS) + rng.choice(BRANDS) + rng.choice(TRADES) + rng.choice(FORMS)
            if rng.random() < 0.2:  # a branch: longer than the table's column
                name += rng.choice(DISTRICTS) + "分公司"
            if name not in used:
                break
        used.add(name)
        ids[r["id"]] = "客户-%03d" % (k + 1)
        r["id"] = ids[r["id"]]
        r["name"] = name
    with open(os.path.join(HERE, "territory-zh.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    with open(os.path.join(HERE, "contacts.csv"), newline="", encoding="utf-8") as f:
        contacts = list(csv.reader(f))
    with open(os.path.join(HERE, "contacts-zh.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(contacts[0])
        for row in contacts[1:]:
            row[0] = ids[row[0]]
            w.writerow(row)


if __name__ == "__main__":
    main()
