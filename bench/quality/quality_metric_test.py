#!/usr/bin/env python3
"""Keeps quality_metric.py honest: a tiny hand-made judge and rankings whose
recall@10, MRR and ineligible share are known by hand."""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import quality_metric as q  # noqa: E402

JUDGE = """O*NET-SOC Code\tTitle\tRelated O*NET-SOC Code\tRelated Title\tRelatedness Tier\tIndex
A\ta\tB\tb\tPrimary-Short\t1
A\ta\tC\tc\tPrimary-Short\t2
A\ta\tX\tx\tPrimary-Short\t3
A\ta\tD\td\tPrimary-Long\t4
B\tb\tA\ta\tPrimary-Short\t1
U\tu\tA\ta\tPrimary-Short\t1
"""


def check(name, got, want):
    if abs(got - want) > 1e-4:
        print(f"FAIL {name}: got {got}, want {want}")
        return 1
    return 0


def main():
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "judge.tsv")
        with open(path, "w", encoding="utf-8") as f:
            f.write(JUDGE)
        judge = q.read_judge(path)
    # Rated: A, B, C, D, and filler jobs; X and U are unrated (U is no candidate,
    # X counts in A's denominator but can never be found).
    filler = [f"F{i:02d}" for i in range(12)]
    rated = {"A", "B", "C", "D", *filler}
    rankings = {
        # A's own code is skipped; B at rank 1; C at rank 11 (outside the top 10).
        "A": ["A", "B", *filler[:9], "C"],
        # B lists only filler: A is ineligible for B.
        "B": filler,
    }
    m = q.score(rankings, judge, rated)
    failures = 0
    failures += check("recall", m["recall_at_10"], round(1 / 4, 4))  # A: B of {B,C,X}; B: none of {A}
    failures += check("mrr", m["mrr"], round((1.0 + 0.0) / 2, 4))
    failures += check("ineligible", m["related_ineligible_share"], round(1 / 3, 4))  # (B,A) of (A,B),(A,C),(B,A)
    failures += check("candidates", m["candidates"], 2)
    # The cosine baseline ranks by angle, ties by code.
    ratings = {"A": {"e1": {"LV": 1.0}}, "B": {"e1": {"LV": 2.0}}, "C": {"e2": {"LV": 1.0}}}
    cos = q.cosine_rankings(ratings, "LV")
    if cos["A"] != ["B", "C"] or cos["C"] != ["A", "B"]:
        print(f"FAIL cosine order: {cos}")
        failures += 1
    print("ok" if failures == 0 else f"{failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
