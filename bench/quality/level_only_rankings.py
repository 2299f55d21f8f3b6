#!/usr/bin/env python3
"""How far a level-only worker profile can go (issue 10's targets).

bench/quality.sh measures the product's ranking; formula_sim.py re-ranks the
product's own worlds under formulas built from the kernels' sums. This script
asks the wider question on O*NET's own tables: which ranking of jobs for a
worker profile as the judge's README defines it (the occupation's levels,
suppressed and not-relevant elements left out, no importance) reaches the
targets (recall@10 >= 0.24 Skills only, >= 0.45 Skills + Knowledge), whether
or not the engine could compute it. Jobs are built as datagen/ONET_MAPPING.md
says (every rated element but the not relevant, quintile levels, distinctive
weights, must-have at IM >= 4.5), in memory; each row changes one thing:

  - the shipped score (fit, gates) on the mapped levels: must equal the
    product's figure (bench/quality.sh), else the model is wrong (exit 1);
  - the level scale: per-element quantiles (each skill's own scale), 10 and
    20 global quantiles;
  - worker-side distinctiveness: Σ u·min(a, r), u = a − (the skill's mean
    required level over the postings) + c, times coverage;
  - cosine of the quantised levels, and of their projections on the
    postings' main directions (SVD: co-occurrence in the postings);
  - the cosine of importances (the judge's bar, which uses the importance
    the worker profile does not have).

Reads the judge (bench/quality* only may). Needs numpy (scripts/setup.sh
bench installs python3-numpy); ~10 s.

Usage: /usr/bin/python3 level_only_rankings.py --judge FILE --onet DIR [--expect S SK]
(bench/quality.sh --level-only runs it with the figures it just measured)
"""
import argparse
import csv
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import quality_metric as qm  # noqa: E402

LEVEL_CUTS = [1.53, 2.30, 3.00, 3.68]  # datagen kOnetLevelCuts
MUST_HAVE_IM = 4.5


def load(onet, files):
    """codes, elements and (codes x elements) arrays LV, IM, and the masks
    rated, not relevant, suppressed."""
    rows = {}
    for name in files:
        with open(os.path.join(onet, name), newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                d = rows.setdefault(r["O*NET-SOC Code"], {}).setdefault(r["Element ID"], {})
                d[r["Scale ID"]] = float(r["Data Value"])
                if r["Scale ID"] == "LV":
                    d["not_relevant"] = r["Not Relevant"] == "Y"
                d["suppressed"] = d.get("suppressed", False) or r["Recommend Suppress"] == "Y"
    codes = sorted(rows)
    elements = sorted({e for c in codes for e in rows[c]})
    shape = (len(codes), len(elements))
    lv, im = np.zeros(shape), np.zeros(shape)
    rated, not_relevant, suppressed = (np.zeros(shape, bool) for _ in range(3))
    for i, c in enumerate(codes):
        for j, e in enumerate(elements):
            d = rows[c].get(e)
            if d is None:
                continue
            rated[i, j] = True
            lv[i, j], im[i, j] = d.get("LV", 0.0), d.get("IM", 0.0)
            not_relevant[i, j] = d.get("not_relevant", False)
            suppressed[i, j] = d["suppressed"]
    return codes, lv, im, rated, not_relevant, suppressed


def recall(codes, judge, scores, eligible=None):
    """recall@10 of the (worker x job) score matrix, own code excluded,
    ineligible pairs left out, ties by code."""
    s = scores.astype(float).copy()
    np.fill_diagonal(s, -np.inf)
    if eligible is not None:
        s[~eligible] = -np.inf
    order = np.arange(len(codes))
    lists = {}
    for i, c in enumerate(codes):
        if c in judge:
            top = np.lexsort((order, -s[i]))[:11]
            lists[c] = [codes[k] for k in top if np.isfinite(s[i, k])]
    return qm.score(lists, judge, set(codes))["recall_at_10"]


def cosine(x, y):
    nx = np.linalg.norm(x, axis=1)
    ny = np.linalg.norm(y, axis=1)
    return (x @ y.T) / np.maximum(np.outer(nx, ny), 1e-12)


def quantile_levels(values, keep, q, per_element):
    if per_element:
        out = np.zeros(values.shape, int)
        for j in range(values.shape[1]):
            cuts = np.quantile(values[keep[:, j], j], [k / q for k in range(1, q)])
            out[:, j] = 1 + sum((values[:, j] >= c).astype(int) for c in cuts)
        return out
    cuts = np.quantile(values[keep], [k / q for k in range(1, q)])
    return 1 + sum((values >= c).astype(int) for c in cuts)


def rows_for(onet, files, judge):
    codes, lv, im, rated, not_relevant, suppressed = load(onet, files)
    job_keep = rated & ~not_relevant
    worker_keep = job_keep & ~suppressed
    mean_im = (im * job_keep).sum(0) / job_keep.sum(0)
    weight = np.clip(np.floor(im * np.clip(1 + im - mean_im, 0.2, 3) + 0.5), 1, 10) * job_keep
    must = (im >= MUST_HAVE_IM) & job_keep

    def fit_rows(level):
        a, r = level * worker_keep, level * job_keep
        low = np.minimum(a[:, None, :], r[None, :, :]).astype(float)
        eligible = ~(must[None] & (a[:, None, :] < r[None, :, :])).any(2)
        coverage = (low * weight[None]).sum(2) / (weight * r).sum(1)[None]
        return a, r, low, eligible, coverage

    shipped = 1 + sum((lv >= c).astype(int) for c in LEVEL_CUTS)
    a, r, low, eligible, coverage = fit_rows(shipped)
    out = {"shipped fit (model of the product)": recall(codes, judge, coverage * low.sum(2), eligible)}
    for name, q, per in (("per-element quintile levels", 5, True), ("per-element 10-quantile levels", 10, True),
                         ("global 10-quantile levels", 10, False), ("global 20-quantile levels", 20, False)):
        _, _, low_q, elig_q, cov_q = fit_rows(quantile_levels(lv, job_keep, q, per))
        out[f"fit on {name}"] = recall(codes, judge, cov_q * low_q.sum(2), elig_q)
    mean_level = (r * job_keep).sum(0) / job_keep.sum(0)
    for c in (1, 3):
        u = np.maximum(a - mean_level + c, 0.1) * worker_keep
        out[f"coverage x worker-distinctive sum (c={c})"] = recall(
            codes, judge, coverage * (low * u[:, None, :]).sum(2), eligible)
    out["cosine of the quantised levels"] = recall(codes, judge, cosine(a, r), eligible)
    centred_a, centred_r = (a - mean_level) * worker_keep, (r - mean_level) * job_keep
    _, _, vt = np.linalg.svd(r - mean_level, full_matrices=False)
    for k in (10, 20):
        p = vt[:k].T
        out[f"cosine in the postings' {k} main directions"] = recall(
            codes, judge, cosine(centred_a @ p, centred_r @ p), eligible)
    out["cosine of LV, unquantised (the level baseline)"] = recall(codes, judge, cosine(lv, lv))
    out["cosine of IM (the importance bar)"] = recall(codes, judge, cosine(im, im))
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--judge", required=True)
    p.add_argument("--onet", required=True)
    p.add_argument("--expect", nargs=2, type=float, metavar=("S", "SK"),
                   help="the product's recall@10 from bench/quality.sh: the model must reproduce it")
    a = p.parse_args()
    judge = qm.read_judge(a.judge)
    table = {}
    for key, files in (("skills_only", ["Skills.txt"]), ("skills_knowledge", ["Skills.txt", "Knowledge.txt"])):
        for name, value in rows_for(a.onet, files, judge).items():
            table.setdefault(name, {})[key] = value
    print(f"{'recall@10 (dev split)':<52}{'Skills only':>12}{'Skills + Knowledge':>20}")
    for name, cells in table.items():
        print(f"{name:<52}{cells['skills_only']:>12.3f}{cells['skills_knowledge']:>20.3f}")
    if a.expect:
        model = table["shipped fit (model of the product)"]
        if abs(model["skills_only"] - a.expect[0]) > 0.0015 or abs(model["skills_knowledge"] - a.expect[1]) > 0.0015:
            print("level_only_rankings: the model of the shipped fit does not reproduce the product's figures",
                  file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
