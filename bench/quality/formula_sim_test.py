#!/usr/bin/env python3
"""Keeps formula_sim.py honest on a hand-made world: its exact SPEC ranking
(fit, must-have gates, ties by id) is the one worked out by hand, a list that
differs from it is refused, and a formula row scores a known recall."""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import formula_sim as fs  # noqa: E402

# Skills s0, s1. Worker W holds s0 at 3, s1 at 1 (A = 4).
# Job P: s0 r3 w1                -> C/Wr = 1, M = 3: fit 3/4
# Job Q: s0 r2 w1, s1 r2 w1      -> C/Wr = 3/4, M = 3: fit 9/16
# Job T: s0 r1 w1, s1 r1 w1      -> C/Wr = 1, M = 2: fit 2/4, ties with U
# Job U: s0 r2 w1                -> C/Wr = 1, M = 2: fit 2/4
# Job V: s1 r2 w1 must           -> ineligible (1 < 2)
# Exact order: W (own: s0 r3, s1 r1, fit 1), P, Q, T, U (tie by id); V left out.
JOBS = {
    "W": [("s0", 3, 1, False), ("s1", 1, 1, False)],
    "P": [("s0", 3, 1, False)],
    "Q": [("s0", 2, 1, False), ("s1", 2, 1, False)],
    "T": [("s0", 1, 1, False), ("s1", 1, 1, False)],
    "U": [("s0", 2, 1, False)],
    "V": [("s1", 2, 1, True)],
}
JUDGE = """O*NET-SOC Code\tTitle\tRelated O*NET-SOC Code\tRelated Title\tRelatedness Tier\tIndex
W\tw\tQ\tq\tPrimary-Short\t1
W\tw\tV\tv\tPrimary-Short\t2
"""


def write_world(d):
    def lines(name, rows):
        with open(os.path.join(d, name), "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row) + "\n")

    lines("skills.jsonl", [{"id": "s0"}, {"id": "s1"}])
    lines("jobs.jsonl", [
        {"id": "onet-" + code, "requirements": [
            {"skill_id": s, "level": r, "weight": w, "must_have": m} for s, r, w, m in reqs]}
        for code, reqs in JOBS.items()])
    lines("graduates.jsonl", [{"id": "onet-worker-W", "skills": [
        {"skill_id": "s0", "level": 3}, {"skill_id": "s1", "level": 1}]}])


def main():
    failures = 0
    with tempfile.TemporaryDirectory() as d:
        write_world(d)
        judge_path = os.path.join(d, "judge.tsv")
        with open(judge_path, "w", encoding="utf-8") as f:
            f.write(JUDGE)
        judge = fs.qm.read_judge(judge_path)
        rows = fs.formula_rows(d, judge, {"W": ["W", "P", "Q", "T", "U"]})
        # Q found in the top 10 (V is ineligible under fit): 1 of 2.
        if rows["fit = coverage * relevance (SPEC, shipped)"] != 0.5:
            print(f"FAIL shipped row: {rows}")
            failures += 1
        # Without gates V (coverage 1/2, M 1) enters too: 2 of 2.
        if rows["fit, no must-have gates"] != 1.0:
            print(f"FAIL no-gates row: {rows}")
            failures += 1
        for wrong in (["W", "P", "Q", "U", "T"], ["W", "P", "Q", "T", "U", "V"]):
            try:
                fs.formula_rows(d, judge, {"W": wrong})
                print(f"FAIL a wrong engine list was accepted: {wrong}")
                failures += 1
            except SystemExit:
                pass
    print("ok" if failures == 0 else f"{failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
