#!/usr/bin/env python3
"""Writes the seed corpora under fuzz/corpus/<target>/ from shipped data:
data/taxonomy (skills, certificates) and a generated tiny data set
(`talentmatch generate --preset tiny --out DIR`). Seeds are small (a few
dozen files per target, each a few records). Findings are added to the same
folders by hand (named crash-*/regression-*), so rerunning this keeps them.

usage: fuzz/make_seeds.py TINY_DIR
"""
import json
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "fuzz", "corpus")
# In EntityKind order (models/entity_kind.hpp): byte 0 of a json_codec_fuzz
# or json_lines_fuzz input picks the kind by this index.
KINDS = ["skills", "certificates", "institutions", "programs", "employers", "jobs", "graduates",
         "placements", "teachers", "projects", "innovation_demands", "research_results",
         "occupational_standards", "courses", "training_programs"]
FIRST_KINDS = 7  # sampled with the seed stream the other corpora share
EDU = {"secondary_vocational", "higher_vocational", "applied_bachelor", "bachelor", "master"}


def lines(path, n, rng):
    with open(path, encoding="utf-8") as f:
        all_lines = [l.rstrip("\n") for l in f if l.strip()]
    rng.shuffle(all_lines)
    return all_lines[:n]


def put(target, name, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "seed-" + name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def ids(v):
    return ";".join(v)


def csv_field(text):
    text = str(text)
    if any(c in text for c in ',"\r\n') or text[:1] == " " or text[-1:] == " ":
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_rows(kind, records):
    if kind == "programs":
        header = ["id", "institution_id", "name", "code", "cluster", "education_level",
                  "cohort_size", "curriculum", "certificates"]
        rows = [[r["id"], r["institution_id"], r.get("name", ""), r.get("code", ""),
                 r.get("cluster", ""), r.get("education_level", ""), r.get("cohort_size", 0),
                 ids(f"{c['skill_id']}:{c['level']}" for c in r.get("curriculum", [])),
                 ids(r.get("certificates", []))] for r in records]
    elif kind == "jobs":
        header = ["id", "employer_id", "title", "cluster", "district", "headcount",
                  "min_education", "required_certificates", "requirements"]
        rows = [[r["id"], r["employer_id"], r.get("title", ""), r.get("cluster", ""),
                 r.get("district", ""), r.get("headcount", 1), r.get("min_education", ""),
                 ids(r.get("required_certificates", [])),
                 ids(f"{q['skill_id']}:{q['level']}:{q['weight']}" + (":must" if q["must_have"] else "")
                     for q in r["requirements"])] for r in records]
    else:
        header = ["id", "institution_id", "program_id", "graduation_year", "education_level",
                  "skills", "certificates", "preferred_districts", "preferred_clusters", "seeking"]
        rows = [[r["id"], r["institution_id"], r["program_id"], r["graduation_year"],
                 r.get("education_level", ""),
                 ids(f"{s['skill_id']}:{s['level']}" for s in r.get("skills", [])),
                 ids(r.get("certificates", [])), ids(r.get("preferred_districts", [])),
                 ids(r.get("preferred_clusters", [])),
                 "true" if r.get("seeking", True) else "false"] for r in records]
    out = ",".join(header) + "\n"
    for row in rows:
        out += ",".join(csv_field(c) for c in row) + "\n"
    return out


def main():
    tiny = sys.argv[1]
    rng = random.Random(1)
    files = {k: os.path.join(tiny, k + ".jsonl") for k in KINDS}
    files["skills"] = os.path.join(ROOT, "data", "taxonomy", "skills.jsonl")
    files["certificates"] = os.path.join(ROOT, "data", "taxonomy", "certificates.jsonl")
    samples = {k: lines(files[k], 12, rng) for k in KINDS[:FIRST_KINDS]}
    later = random.Random(2)  # the later kinds' own stream: the first corpora stay as they were
    samples.update({k: lines(files[k], 12, later) for k in KINDS[FIRST_KINDS:]})
    for i, kind in enumerate(KINDS):
        for j, line in enumerate(samples[kind][:5]):
            put("json_codec_fuzz", f"{kind}-{j}", bytes([i]) + line.encode("utf-8"))
            put("json_lines_fuzz", f"{kind}-{j}",
                bytes([i]) + "\n".join(samples[kind][j:j + 3]).encode("utf-8") + b"\n")
    for j, line in enumerate(samples["jobs"]):
        put("fast_job_parser_fuzz", f"jobs-{j}", line)
    for j, line in enumerate(samples["graduates"]):
        put("fast_graduate_parser_fuzz", f"graduates-{j}", line)
    for i, kind in enumerate(["programs", "jobs", "graduates"]):
        records = [json.loads(l) for l in samples[kind]]
        for j in range(6):
            put("csv_reader_fuzz", f"{kind}-{j}", bytes([i]) + csv_rows(kind, records[j:j + 2]).encode("utf-8"))
    put("csv_reader_fuzz", "quoted", b'\x00id,"a ""b"",c"\r\n"x\ny",2\n\n"open')
    cells = set()
    for kind in ["programs", "jobs", "graduates"]:
        records = [json.loads(l) for l in samples[kind]]
        text = csv_rows(kind, records)
        for row in text.splitlines()[1:]:
            for c in row.split(","):
                cells.add(c)
    cells = sorted(cells)
    rng.shuffle(cells)
    for j, c in enumerate(cells[:30]):
        put("csv_cells_fuzz", str(j), bytes([j % 7]) + c.encode("utf-8"))
    targets = ["/v1/jobs?limit=10&cursor=job-000010", "/v1/graduates/g-0000001",
               "/v1/graduates/g-0000001/matches?k=5&min_coverage=0.5&districts=nanshan,baoan",
               "/v1/jobs/job%2F1?seeking=true&cursor=a%2Bb+c", "/v1/programs?limit=0&limit=1001",
               "/v1/jobs/job-000001/candidates?k=abc&min_coverage=1e999&seeking=maybe"]
    for j, t in enumerate(targets):
        put("request_parsing_fuzz", f"target-{j}", t + "\n" + samples["jobs"][j])
    for j in range(20):
        put("matcher_diff_fuzz", str(j), bytes(rng.randrange(256) for _ in range(rng.randrange(64, 1500))))


if __name__ == "__main__":
    main()
