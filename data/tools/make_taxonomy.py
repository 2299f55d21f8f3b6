#!/usr/bin/env python3
"""Builds data/taxonomy/*.json[l] from the two pipe-separated tables next to
this script (the tables are the source; the JSONL files are what ships).
Fields are those of models/entities.hpp (Skill, Certificate), keys sorted the
way nlohmann::json writes them, one object per line, UTF-8.
Run: python3 data/tools/make_taxonomy.py"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE.parent / "taxonomy"

CLUSTERS = [
    ("ict", "新一代信息通信", "Information and communication technology"),
    ("ic_terminal", "集成电路与智能终端", "Integrated circuits and smart terminals"),
    ("nev", "新能源汽车", "New-energy vehicles"),
    ("battery", "锂电池与储能", "Lithium batteries and energy storage"),
    ("smart_mfg", "智能制造与工业机器人", "Intelligent manufacturing and industrial robots"),
    ("laser_am", "激光与增材制造", "Laser and additive manufacturing"),
]

DISTRICTS = [
    ("futian", "福田区", "Futian"),
    ("luohu", "罗湖区", "Luohu"),
    ("nanshan", "南山区", "Nanshan"),
    ("baoan", "宝安区", "Bao'an"),
    ("longgang", "龙岗区", "Longgang"),
    ("longhua", "龙华区", "Longhua"),
    ("pingshan", "坪山区", "Pingshan"),
    ("guangming", "光明区", "Guangming"),
    ("yantian", "盐田区", "Yantian"),
    ("dapeng", "大鹏新区", "Dapeng New District"),
    ("shenshan", "深汕特别合作区", "Shenzhen-Shanwei Special Cooperation Zone"),
]


def rows(name):
    for number, line in enumerate((HERE / name).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        yield number, [field.strip() for field in line.split("|")]


def dump(obj):
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def main():
    skills, seen = [], set()
    for number, f in rows("skills_table.txt"):
        if len(f) != 5:
            sys.exit(f"skills_table.txt:{number}: expected 5 fields, got {len(f)}")
        category, slug, zh, en, aliases = f
        sid = f"{category}.{slug}"
        if sid in seen:
            sys.exit(f"skills_table.txt:{number}: duplicate id {sid}")
        seen.add(sid)
        alias_list = [a.strip() for a in aliases.split(",") if a.strip()]
        skills.append({"id": sid, "name_zh": zh, "name_en": en, "category": category,
                       "aliases": alias_list})
    certs = []
    for number, f in rows("certificates_table.txt"):
        if len(f) != 6:
            sys.exit(f"certificates_table.txt:{number}: expected 6 fields, got {len(f)}")
        cid, kind, level, zh, en, issuer = f
        if cid in seen:
            sys.exit(f"certificates_table.txt:{number}: duplicate id {cid}")
        seen.add(cid)
        certs.append({"id": cid, "kind": kind, "level": level, "name_zh": zh, "name_en": en,
                      "issuer": issuer})
    OUT.mkdir(exist_ok=True)
    (OUT / "skills.jsonl").write_text("".join(dump(s) + "\n" for s in skills), encoding="utf-8")
    (OUT / "certificates.jsonl").write_text("".join(dump(c) + "\n" for c in certs),
                                            encoding="utf-8")
    clusters = [{"id": i, "name_zh": zh, "name_en": en} for i, zh, en in CLUSTERS]
    districts = [{"id": i, "name_zh": zh, "name_en": en} for i, zh, en in DISTRICTS]
    (OUT / "clusters.json").write_text(json.dumps(clusters, ensure_ascii=False, indent=2) + "\n",
                                       encoding="utf-8")
    (OUT / "districts.json").write_text(json.dumps(districts, ensure_ascii=False, indent=2) + "\n",
                                        encoding="utf-8")
    print(f"{len(skills)} skills, {len(certs)} certificates", file=sys.stderr)


if __name__ == "__main__":
    main()
