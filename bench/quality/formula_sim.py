#!/usr/bin/env python3
"""Candidate score formulas, judged before any is built (bench/quality.sh --formulas).

The product's own O*NET data sets (`talentmatch generate --onet`, the jobs and
worker profiles bench/quality.sh imports) are re-ranked here under candidate
formulas built from the per-pair sums the engine's kernels already compute,

  C  = Σ_{R(j)} w·min(a, r)   Wr = Σ_{R(j)} w·r   (coverage = C / Wr)
  M  = Σ_{R(j)} min(a, r)     A  = Σ_s a          (relevance = M / A)
  R  = Σ_{R(j)} r             WA = Σ_{R(j)} w·a   (WA is not a kernel sum)

and scored with quality_metric.py (recall@10, Primary-Short, own occupation
excluded, ties by code). Contract:

- Before printing anything the SPEC formula (fit = coverage · relevance, must-
  have gates, ties by id; the worker profiles have no preferences, so no
  bonus) is re-ranked in exact rational arithmetic and must reproduce the
  engine's lists (quality_bench's output, --sk / --s) for every worker, else
  exit 1: the simulator and the engine agree, so its other rows measure the
  formula and nothing else.
- Formula rows keep the product's gates unless they say otherwise.
- "data" rows rank with the unquantised O*NET levels and importances (read
  from --onet): what information the engine's whole levels 1..5 and the level-
  only worker profile leave out, not formulas the engine could run.
- Reads the judge (bench/quality* only may); nothing in the product reads this
  file or its output.

Pure Python (no numpy), ~1-2 min. Writes the table as JSON to --out.
"""
import argparse
import json
import math
import os
import sys
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import quality_metric as qm  # noqa: E402

JOB_PREFIX = "onet-"
WORKER_PREFIX = "onet-worker-"


def read_world(directory):
    """(skills, jobs, workers): skill ids; code -> [(skill index, r, w, must)];
    code -> [level per skill index]."""
    with open(os.path.join(directory, "skills.jsonl"), encoding="utf-8") as f:
        skills = [json.loads(line)["id"] for line in f]
    index = {s: i for i, s in enumerate(skills)}
    jobs = {}
    with open(os.path.join(directory, "jobs.jsonl"), encoding="utf-8") as f:
        for line in f:
            j = json.loads(line)
            if j["id"].startswith(JOB_PREFIX):
                jobs[j["id"][len(JOB_PREFIX):]] = [
                    (index[q["skill_id"]], q["level"], q["weight"], q["must_have"])
                    for q in j["requirements"]
                ]
    workers = {}
    with open(os.path.join(directory, "graduates.jsonl"), encoding="utf-8") as f:
        for line in f:
            g = json.loads(line)
            if g["id"].startswith(WORKER_PREFIX):
                a = [0] * len(skills)
                for s in g["skills"]:
                    a[index[s["skill_id"]]] = s["level"]
                workers[g["id"][len(WORKER_PREFIX):]] = a
    return skills, jobs, workers


def pair_sums(a, reqs):
    C = Wr = M = R = WA = 0
    eligible = True
    for k, r, w, must in reqs:
        m = min(a[k], r)
        C += w * m
        Wr += w * r
        M += m
        R += r
        WA += w * a[k]
        if must and a[k] < r:
            eligible = False
    return {"C": C, "Wr": Wr, "M": M, "R": R, "WA": WA, "eligible": eligible}


# name -> (score of one pair from its sums and the worker's A, gated).
# For one worker's list A is a constant: relevance M / A orders like M.
FORMULAS = {
    "fit = coverage * relevance (SPEC, shipped)": (lambda s, A: s["C"] / s["Wr"] * s["M"] / A, True),
    "fit, no must-have gates": (lambda s, A: s["C"] / s["Wr"] * s["M"] / A, False),
    "coverage alone": (lambda s, A: s["C"] / s["Wr"], True),
    "relevance alone (M / A)": (lambda s, A: s["M"] / A, True),
    "coverage * M / R (relevance over the job's levels)": (lambda s, A: s["C"] / s["Wr"] * s["M"] / s["R"], True),
    "Ruzicka M / (A + R - M) (= Dice order)": (lambda s, A: s["M"] / (A + s["R"] - s["M"]), True),
    "coverage * Dice 2M / (A + R)": (lambda s, A: s["C"] / s["Wr"] * 2 * s["M"] / (A + s["R"]), True),
    "coverage * Dice^2": (lambda s, A: s["C"] / s["Wr"] * (2 * s["M"] / (A + s["R"])) ** 2, True),
    "Ochiai M / sqrt(A R)": (lambda s, A: s["M"] / math.sqrt(A * s["R"]), True),
    "coverage * M^2 / (A R)": (lambda s, A: s["C"] / s["Wr"] * s["M"] ** 2 / (A * s["R"]), True),
    "coverage^2 * relevance": (lambda s, A: (s["C"] / s["Wr"]) ** 2 * s["M"] / A, True),
    "coverage^2 * relevance^1.5": (lambda s, A: (s["C"] / s["Wr"]) ** 2 * (s["M"] / A) ** 1.5, True),
    "coverage * relevance^2": (lambda s, A: s["C"] / s["Wr"] * (s["M"] / A) ** 2, True),
    "weighted Ruzicka C / (WA + Wr - C) (needs WA)": (lambda s, A: s["C"] / (s["WA"] + s["Wr"] - s["C"]), True),
    "coverage * C / WA (needs WA)": (lambda s, A: s["C"] / s["Wr"] * s["C"] / s["WA"], True),
}


def rank(codes, score):
    """codes sorted by score descending, ties by code; None = left out."""
    return [c for _, c in sorted((-v, c) for c, v in zip(codes, score) if v is not None)]


def formula_rows(world, judge, engine_ranks):
    _, jobs, workers = read_world(world)
    codes = sorted(jobs)
    rated = set(codes)
    candidates = [c for c in sorted(judge) if c in workers]
    sums = {w: [pair_sums(workers[w], jobs[c]) for c in codes] for w in candidates}
    # The engine check: exact fit order (A constant per worker), gates, ties by id.
    for w in candidates:
        A = sum(workers[w])
        exact = [Fraction(s["C"] * s["M"], s["Wr"] * A) if s["eligible"] else None for s in sums[w]]
        mine = rank(codes, exact)
        if mine != engine_ranks.get(w):
            sys.exit(f"formula_sim: {world}: worker {w}: the exact SPEC ranking differs from the "
                     "engine's list; the simulator does not model the product")
    rows = {}
    for name, (f, gated) in FORMULAS.items():
        lists = {}
        for w in candidates:
            A = sum(workers[w])
            scores = [f(s, A) if (s["eligible"] or not gated) else None for s in sums[w]]
            lists[w] = rank(codes, scores)
        rows[name] = qm.score(lists, judge, rated)["recall_at_10"]
    return rows


def cosine(x, y):
    nx = math.sqrt(sum(v * v for v in x))
    ny = math.sqrt(sum(v * v for v in y))
    return sum(map(float.__mul__, x, y)) / (nx * ny) if nx and ny else 0.0


def data_rows(onet, files, judge):
    """Rankings on the unquantised O*NET tables (no gates): what the data
    holds beyond whole levels and level-only worker profiles."""
    ratings = {}
    for name in files:
        for code, elements in qm.read_ratings(os.path.join(onet, name)).items():
            ratings.setdefault(code, {}).update(elements)
    codes = sorted(ratings)
    elements = sorted({e for c in codes for e in ratings[c]})
    lv = {c: [ratings[c].get(e, {}).get("LV", 0.0) for e in elements] for c in codes}
    im = {c: [ratings[c].get(e, {}).get("IM", 0.0) for e in elements] for c in codes}
    n = len(codes)
    mean = [sum(lv[c][i] for c in codes) / n for i in range(len(elements))]
    sd = [math.sqrt(sum((lv[c][i] - mean[i]) ** 2 for c in codes) / n) or 1.0 for i in range(len(elements))]
    z = {c: [(v - m) / s for v, m, s in zip(lv[c], mean, sd)] for c in codes}
    # Per element, the least-squares line IM ~ LV over every occupation: a
    # worker's expected importance from its level alone.
    line = []
    for i in range(len(elements)):
        xs = [lv[c][i] for c in codes]
        ys = [im[c][i] for c in codes]
        mx, my = sum(xs) / n, sum(ys) / n
        vx = sum((x - mx) ** 2 for x in xs)
        b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / vx if vx else 0.0
        line.append((my - b * mx, b))
    im_hat = {c: [p + b * v for v, (p, b) in zip(lv[c], line)] for c in codes}
    candidates = [c for c in sorted(judge) if c in ratings]

    def fit_raw(w, c):
        # SPEC's fit on unquantised LV, the job's IM as weight (no gates).
        m = [min(x, y) for x, y in zip(lv[w], lv[c])]
        wr = sum(i * y for i, y in zip(im[c], lv[c]))
        return sum(i * v for i, v in zip(im[c], m)) / wr * sum(m) if wr else 0.0

    measures = {
        "data: fit on unquantised LV, IM as weight": fit_raw,
        "data: cosine of LV (the level baseline)": lambda w, c: cosine(lv[w], lv[c]),
        "data: cosine of per-element z-scored LV": lambda w, c: cosine(z[w], z[c]),
        "data: cosine of IM predicted from LV vs the job's IM": lambda w, c: cosine(im_hat[w], im[c]),
        "data: cosine of IM (the importance baseline)": lambda w, c: cosine(im[w], im[c]),
    }
    rows = {}
    for name, f in measures.items():
        lists = {w: rank([c for c in codes if c != w], [f(w, c) for c in codes if c != w]) for w in candidates}
        rows[name] = qm.score(lists, judge, set(codes))["recall_at_10"]
    return rows


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--judge", required=True)
    p.add_argument("--onet", required=True)
    p.add_argument("--sk-data", required=True, help="generate --onet output, Skills + Knowledge")
    p.add_argument("--s-data", required=True, help="generate --onet output, Skills only")
    p.add_argument("--sk", required=True, help="quality_bench ranks, Skills + Knowledge world")
    p.add_argument("--s", required=True, help="quality_bench ranks, Skills-only world")
    p.add_argument("--out", required=True)
    a = p.parse_args()
    judge = qm.read_judge(a.judge)
    table = {}
    for key, data, ranks, files in (
        ("skills_only", a.s_data, a.s, ["Skills.txt"]),
        ("skills_knowledge", a.sk_data, a.sk, ["Skills.txt", "Knowledge.txt"]),
    ):
        rows = formula_rows(data, judge, qm.read_rankings(ranks))
        rows.update(data_rows(a.onet, files, judge))
        for name, value in rows.items():
            table.setdefault(name, {})[key] = value
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump({"judge": a.judge, "recall_at_10": table}, f, indent=2)
        f.write("\n")
    print("the exact SPEC ranking equals the engine's lists for every worker (both worlds)")
    print(f"{'recall@10':<56}{'Skills only':>12}{'Skills + Knowledge':>20}")
    for name, cells in table.items():
        print(f"{name:<56}{cells['skills_only']:>12.3f}{cells['skills_knowledge']:>20.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
