#!/usr/bin/env python3
"""Scores job rankings against an expert judge (bench/quality.sh).

The judge is a TSV in O*NET's Related Occupations format (columns O*NET-SOC
Code, Related O*NET-SOC Code, Relatedness Tier; see
/work/shared/judge/README.md for the measure). For each candidate occupation
(a judge row's first column that is rated), its ranking (own occupation
excluded) is cut at 10:

  recall@10 = sum over candidates of |Primary-Short related in top 10|
              / sum over candidates of |Primary-Short related|
  mrr       = mean over candidates of 1 / rank of the first Primary-Short
              related occupation in the whole list (0 when none is listed)
  related_ineligible_share = share of (candidate, related) Primary-Short
              pairs, the related occupation rated, that the list leaves out
              (the product lists only eligible jobs; a cosine lists all).

Baselines come from the same O*NET tables: the cosine of two occupations'
level (LV) vectors and of their importance (IM) vectors, over every rated
element (the judge README's definition), ties by code.

Usage: quality_metric.py --judge FILE --onet DIR --sk RANKS --s RANKS --out JSON
RANKS is quality_bench's output (worker TAB rank TAB job).
"""
import argparse
import csv
import json
import math
import operator
import sys

TIER = "Primary-Short"
K = 10


def read_judge(path):
    """code -> set of Primary-Short related codes, in file order of codes."""
    related = {}
    with open(path, newline="", encoding="utf-8") as f:
        rows = csv.DictReader(f, delimiter="\t")
        for row in rows:
            code = row["O*NET-SOC Code"]
            related.setdefault(code, set())
            if row["Relatedness Tier"] == TIER:
                related[code].add(row["Related O*NET-SOC Code"])
    return related


def read_ratings(path):
    """code -> element -> {"IM": v, "LV": v}, every row (suppressed and not
    relevant ones too, as the judge's README computes its baselines: a not
    relevant element's LV 0 is information)."""
    out = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            element = out.setdefault(row["O*NET-SOC Code"], {}).setdefault(row["Element ID"], {})
            element[row["Scale ID"]] = float(row["Data Value"])
    return out


def cosine_rankings(ratings, scale, candidates=None):
    """code -> every other rated code, by cosine of the `scale` vectors
    descending, ties by code; for `candidates` (default: every code)."""
    codes = sorted(ratings)
    elements = sorted({e for c in codes for e in ratings[c]})
    vectors = {c: [ratings[c].get(e, {}).get(scale, 0.0) for e in elements] for c in codes}
    norms = {c: math.sqrt(sum(x * x for x in vectors[c])) for c in codes}
    out = {}
    for c in sorted(candidates if candidates is not None else codes):
        if c not in vectors:
            continue
        a = vectors[c]
        scored = []
        for d in codes:
            if d == c:
                continue
            den = norms[c] * norms[d]
            dot = sum(map(operator.mul, a, vectors[d]))
            scored.append((-(dot / den if den else 0.0), d))
        scored.sort()
        out[c] = [d for _, d in scored]
    return out


def read_rankings(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            worker, rank, job = line.rstrip("\n").split("\t")
            out.setdefault(worker, []).append((int(rank), job))
    return {w: [j for _, j in sorted(v)] for w, v in out.items()}


def score(rankings, judge, rated):
    """rankings: code -> ranked list of codes (may contain the code itself);
    judge: code -> set of related codes; rated: the set of rated codes (the
    candidates and the jobs)."""
    found = total = ineligible = related_rated = 0
    reciprocal = []
    for code in sorted(judge):
        if code not in rated:
            continue
        related = judge[code]
        ranked = [j for j in rankings.get(code, []) if j != code]
        found += len(related & set(ranked[:K]))
        total += len(related)
        listed = set(ranked)
        for r in related:
            if r in rated and r != code:
                related_rated += 1
                ineligible += r not in listed
        first = next((i for i, j in enumerate(ranked) if j in related), None)
        reciprocal.append(0.0 if first is None else 1.0 / (first + 1))
    return {
        "recall_at_10": round(found / total, 4) if total else 0.0,
        "mrr": round(sum(reciprocal) / len(reciprocal), 4) if reciprocal else 0.0,
        "related_ineligible_share": round(ineligible / related_rated, 4) if related_rated else 0.0,
        "candidates": len(reciprocal),
    }


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--judge", required=True)
    p.add_argument("--onet", required=True)
    p.add_argument("--sk", required=True, help="rankings, Skills + Knowledge world")
    p.add_argument("--s", required=True, help="rankings, Skills-only world")
    p.add_argument("--out", required=True)
    a = p.parse_args()
    judge = read_judge(a.judge)
    skills = read_ratings(a.onet + "/Skills.txt")
    knowledge = read_ratings(a.onet + "/Knowledge.txt")
    both = {c: {**skills.get(c, {}), **knowledge.get(c, {})} for c in set(skills) | set(knowledge)}
    result = {"judge": a.judge}
    for name, ratings, ranks in (("skills_knowledge", both, a.sk), ("skills_only", skills, a.s)):
        rated = set(ratings)
        product = score(read_rankings(ranks), judge, rated)
        result["candidates"] = product.pop("candidates")
        result[name] = {
            "product": product,
            "cosine_levels": score(cosine_rankings(ratings, "LV", judge), judge, rated),
            "cosine_importance": score(cosine_rankings(ratings, "IM", judge), judge, rated),
        }
        for base in ("cosine_levels", "cosine_importance"):
            result[name][base].pop("candidates")
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    print(f"judge {a.judge}: {result['candidates']} candidates, recall@10 (MRR, related ineligible)")
    print(f"{'ranking':<20}{'Skills only':>28}{'Skills + Knowledge':>28}")
    for key in ("product", "cosine_levels", "cosine_importance"):
        cells = []
        for name in ("skills_only", "skills_knowledge"):
            m = result[name][key]
            cells.append(f"{m['recall_at_10']:.3f} ({m['mrr']:.3f}, {m['related_ineligible_share']:.2f})")
        print(f"{key:<20}{cells[0]:>28}{cells[1]:>28}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
