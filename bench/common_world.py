#!/usr/bin/python3
"""Writes the part of a generated world that commit 0cf38c3 can import.

Usage: bench/common_world.py GENERATED_DIR OUT_DIR

The A/B benches import one world into the old binary's store and the new
one's. 0cf38c3 knows seven kinds and refuses the fields added to two of them
since, so OUT_DIR gets those seven files with the later fields dropped; both
binaries then hold the same graduates, jobs and programs.
"""
import json
import os
import sys

# File -> fields added after 0cf38c3 (dropped here).
KINDS = {
    "skills.jsonl": (),
    "certificates.jsonl": ("skills",),
    "institutions.jsonl": (),
    "programs.jsonl": (),
    "employers.jsonl": (),
    "jobs.jsonl": ("description",),
    "graduates.jsonl": (),
}


def main() -> None:
    source, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for name, later in KINDS.items():
        with open(os.path.join(source, name), encoding="utf-8") as src, open(
            os.path.join(out, name), "w", encoding="utf-8"
        ) as dst:
            for line in src:
                if not later:
                    dst.write(line)
                    continue
                item = json.loads(line)
                for field in later:
                    item.pop(field, None)
                dst.write(json.dumps(item, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
