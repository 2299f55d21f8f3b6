#!/usr/bin/env python3
"""Builds data/taxonomy/*.json[l] from the two pipe-separated tables next to
this script (the tables are the source; the JSONL files are what ships).
Fields are those of models/entities.hpp (Skill, Certificate), keys sorted the
way nlohmann::json writes them, one object per line, UTF-8.
A certificate's evidenced skills (SPEC: course-certificate co-growth) are
derived from data/templates/occupations.json by evidence() below.
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


# The level a certificate evidences: its 1+X level, else its tier by name.
TIERS = [(("HCIE", "专家", "Expert", "senior", "高级"), 4),
         (("HCIA", "Associate", "助理", "junior", "初级", "ACA", "CET-4", "Level 2"), 2)]


def tier(cert):
    by_level = {"junior": 2, "intermediate": 3, "senior": 4}
    if cert["level"] in by_level:
        return by_level[cert["level"]]
    for words, level in TIERS:
        if any(w in cert["name_en"] or w in cert["name_zh"] for w in words):
            return level
    return 3


# Certificates of a general subject, and licences (a permit to do work, not
# proof of the work's other skills), evidence what is listed here; the rule
# below is for the rest (it leaves general skills out: every occupation asks
# for them).
GENERAL_EVIDENCE = {
    "cert.cet.cet4": [("general.language.english_reading", 2), ("general.language.english_writing", 2)],
    "cert.cet.cet6": [("general.language.english_reading", 3), ("general.language.english_writing", 3),
                      ("general.language.english_speaking", 2)],
    "cert.ncre.level2": [("general.office.office_general", 3), ("general.office.excel", 3)],
    "cert.pmi.pmp": [("general.business.project_management", 4), ("general.soft.leadership", 3)],
    "cert.asq.six_sigma_gb": [("general.quality.standards", 3), ("general.quality.iso9001", 3)],
    "cert.licence.safety_officer": [("general.safety.workplace_safety", 4),
                                    ("general.safety.occupational_health", 3),
                                    ("general.safety.fire_safety", 3)],
    "cert.licence.electrician_lv": [("general.safety.electrical_safety", 3),
                                    ("mfg.electrical.low_voltage", 3)],
    "cert.licence.electrician_hv": [("general.safety.electrical_safety", 4)],
    "cert.licence.electrician_qual": [("mfg.electrical.low_voltage", 3)],
    "cert.licence.ev_hv_operation": [("nev.electrical.hv_safety", 3)],
    "cert.licence.work_at_height": [("general.safety.workplace_safety", 3)],
    "cert.licence.welding": [("robot.systems.welding_robot", 2), ("general.safety.fire_safety", 3)],
    "cert.licence.forklift": [("general.business.warehouse", 2), ("general.safety.workplace_safety", 2)],
    "cert.licence.driving_c1": [],
}


def evidence(cert, occupations, programs):
    """The skills a certificate evidences: of the occupation templates that
    list it, their must-haves and their three heaviest core skills (general
    skills left out), the five named most often (then by weight, then id), at
    the certificate's tier, never above the highest level those occupations
    ask for. Listed by no occupation, the same from the program templates that
    prepare for it, their curriculum's highest levels standing for weight. A
    certificate no template lists evidences nothing."""
    if cert["id"] in GENERAL_EVIDENCE:
        return [{"level": level, "skill_id": s} for s, level in sorted(GENERAL_EVIDENCE[cert["id"]])]
    if not any(cert["id"] in o.get("certificates", []) for o in occupations):
        occupations = [{"certificates": p["certificates"], "must_have": [],
                        "core": [dict(c, weight=c["level"]) for c in p["curriculum"]]}
                       for p in programs]
    count, weight, top = {}, {}, {}
    for o in occupations:
        if cert["id"] not in o.get("certificates", []):
            continue
        core = {c["skill"]: c for c in o["core"]}
        heaviest = sorted(core.values(), key=lambda c: (-c["weight"], c["skill"]))[:3]
        for skill in set(o.get("must_have", [])) | {c["skill"] for c in heaviest}:
            if skill.startswith("general.") or skill not in core:
                continue
            count[skill] = count.get(skill, 0) + 1
            weight[skill] = max(weight.get(skill, 0), core[skill]["weight"])
            top[skill] = max(top.get(skill, 0), core[skill]["level"])
    chosen = sorted(count, key=lambda s: (-count[s], -weight[s], s))[:5]
    return [{"level": min(tier(cert), top[s]), "skill_id": s} for s in sorted(chosen)]


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
    templates = json.loads((HERE.parent / "templates" / "occupations.json").read_text("utf-8"))
    occupations = [o for c in templates["clusters"] for o in c["occupations"]]
    programs = [p for c in templates["clusters"] for p in c["programs"]]
    for cert in certs:
        cert["skills"] = evidence(cert, occupations, programs)
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
