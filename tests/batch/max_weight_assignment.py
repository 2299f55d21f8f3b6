#!/usr/bin/python3
"""Maximum-weight many-to-one assignment by networkx min-cost flow: the
reference the stable assignment is compared against (tests/batch).

Input file (text): first line "G J", then one line per job with its capacity,
then lines "g j w" (an acceptable pair with integer weight w >= 0).
Output (stdout, JSON): {"total": W, "placements": N, "pairs": [[g, j], ...]}.

Flow network: source -> g (cap 1), g -> j (cap 1, cost -w), j -> sink (cap
capacity), plus g -> sink (cap 1, cost 0) so that leaving a graduate unplaced
is free: every max flow saturates the G source edges, and the min-cost one is
the max-weight assignment (not the max-cardinality one).
"""
import json
import sys

import networkx as nx


def main(path):
    with open(path) as f:
        tokens = f.read().split()
    pos = 0
    grads, jobs = int(tokens[0]), int(tokens[1])
    pos = 2
    caps = [int(tokens[pos + j]) for j in range(jobs)]
    pos += jobs
    edges = []
    while pos < len(tokens):
        edges.append((int(tokens[pos]), int(tokens[pos + 1]), int(tokens[pos + 2])))
        pos += 3
    g = nx.DiGraph()
    for i in range(grads):
        g.add_edge("s", ("g", i), capacity=1, weight=0)
        g.add_edge(("g", i), "t", capacity=1, weight=0)
    for j in range(jobs):
        g.add_edge(("j", j), "t", capacity=caps[j], weight=0)
    for (i, j, w) in edges:
        g.add_edge(("g", i), ("j", j), capacity=1, weight=-w)
    flow = nx.max_flow_min_cost(g, "s", "t")
    pairs = []
    total = 0
    weights = {(i, j): w for (i, j, w) in edges}
    for i in range(grads):
        for node, f in flow[("g", i)].items():
            if f > 0 and node != "t":
                pairs.append([i, node[1]])
                total += weights[(i, node[1])]
    json.dump({"total": total, "placements": len(pairs), "pairs": pairs}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
