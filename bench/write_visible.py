#!/usr/bin/env python3
"""Write -> visible, timed inside one process (bench/api_bench.sh, issue 17).

  write_visible.py PORT KEY DATA_DIR TAG COUNT

COUNT times, alternately a job and a graduate: takes line i of
DATA_DIR/jobs.jsonl (or graduates.jsonl), renames its id to wv-TAG-i, PUTs it
(201 expected), then polls the query that must now find it
(GET /v1/jobs/{id}/candidates?k=1 or /v1/graduates/{id}/matches?k=1) on a
kept-alive connection, back to back, until it answers 200. Prints one line
per sample: "jobs|graduates MILLISECONDS POLLS", the time from the PUT's
answer to the first 200 (the poll's own round trip, ~0.1-1 ms on loopback
and longer under load, bounds the resolution; POLLS says how many it took).
Sleeps 0.3 s between samples. Exits 1 on any unexpected status.
"""
import http.client
import json
import sys
import time


def main():
    port, key, data_dir, tag, count = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
    headers = {"Authorization": "Bearer " + key}
    lines = {}
    for kind in ("jobs", "graduates"):
        with open(f"{data_dir}/{kind}.jsonl", encoding="utf-8") as f:
            lines[kind] = [next(f) for _ in range(count)]
    poller = http.client.HTTPConnection("127.0.0.1", int(port), timeout=60)
    for i in range(1, count + 1):
        kind, query = ("jobs", "candidates") if i % 2 == 1 else ("graduates", "matches")
        entity = json.loads(lines[kind][i - 1])
        entity["id"] = f"wv-{tag}-{i}"
        body = json.dumps(entity, ensure_ascii=False).encode("utf-8")
        # A fresh connection per write: the server closes one idle for 5 s,
        # and at province scale a publication can take longer than that.
        writer = http.client.HTTPConnection("127.0.0.1", int(port), timeout=60)
        writer.request("PUT", f"/v1/{kind}/{entity['id']}", body,
                       dict(headers, **{"Content-Type": "application/json"}))
        answer = writer.getresponse()
        answer.read()
        writer.close()
        start = time.perf_counter()
        if answer.status != 201:
            print(f"write_visible: PUT {kind}/{entity['id']} answered {answer.status}", file=sys.stderr)
            return 1
        polls = 0
        while True:
            polls += 1
            poller.request("GET", f"/v1/{kind}/{entity['id']}/{query}?k=1", headers=headers)
            seen = poller.getresponse()
            seen.read()
            if seen.status == 200:
                break
            if seen.status != 404:
                print(f"write_visible: {query} of {entity['id']} answered {seen.status}", file=sys.stderr)
                return 1
        print(f"{kind} {(time.perf_counter() - start) * 1000:.1f} {polls}", flush=True)
        time.sleep(0.3)
    return 0


if __name__ == "__main__":
    sys.exit(main())
