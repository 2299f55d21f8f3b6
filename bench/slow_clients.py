#!/usr/bin/env python3
"""Hostile clients for bench/slow_clients_bench.sh (issue 16).

  slow_clients.py hold PORT --slow N --idle M [--sources K] [--period S]
      Holds N slow senders (each dribbles one byte of a never-ending header
      every S seconds) and M idle connections (connected, silent) to
      127.0.0.1:PORT, spread over K source addresses 127.0.1.1..K so that a
      per-address cap does not refuse them. A connection the server drops is
      reopened. Prints "held N M" once all are open, then a line per 5 s with
      how many were reopened; runs until killed.

  slow_clients.py probe PORT PATH [--key KEY] [--samples N] [--timeout S]
      A fresh client: N times, a new connection from 127.0.0.1 sends one GET
      and reads the whole answer. Prints "p50_ms p99_ms max_ms ok timeouts";
      stops early after 3 timeouts in a row (a starved server).
"""
import argparse
import resource
import select
import socket
import sys
import time


def raise_nofile(wanted):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, wanted), hard))


def open_from(source, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind((source, 0))
    s.setblocking(False)
    s.connect_ex(("127.0.0.1", port))
    return s


def hold(args):
    raise_nofile(args.slow + args.idle + 256)
    sources = [f"127.0.1.{i + 1}" for i in range(args.sources)]
    head = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: "
    conns = []  # [socket, kind, bytes sent]
    poller = select.poll()
    index = {}  # fd -> position in conns

    def connect(i, kind):
        s = open_from(sources[i % len(sources)], args.port)
        poller.register(s.fileno(), select.POLLIN)
        index[s.fileno()] = i
        return [s, kind, 0]

    for i in range(args.slow + args.idle):
        conns.append(connect(i, "slow" if i < args.slow else "idle"))
    print(f"held {args.slow} {args.idle}", flush=True)
    reopened = 0
    last_report = time.monotonic()
    while True:
        start = time.monotonic()
        # A readable socket was answered or dropped by the server: reopen it.
        dropped = {index[fd] for fd, _ in poller.poll(0)}
        for i, c in enumerate(conns):
            s = c[0]
            try:
                if i in dropped and not s.recv(4096):
                    raise ConnectionError
                if c[1] == "slow":
                    s.send(head[c[2]:c[2] + 1] if c[2] < len(head) else b"a")
                    c[2] += 1
            except (BlockingIOError, InterruptedError):
                pass
            except OSError:
                poller.unregister(s.fileno())
                del index[s.fileno()]
                s.close()
                conns[i] = connect(i, c[1])
                reopened += 1
        if time.monotonic() - last_report > 5:
            print(f"reopened {reopened}", flush=True)
            last_report = time.monotonic()
        time.sleep(max(0.0, args.period - (time.monotonic() - start)))


def probe(args):
    request = f"GET {args.path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
    if args.key:
        request += f"Authorization: Bearer {args.key}\r\n"
    request = (request + "\r\n").encode()
    times, timeouts, in_a_row = [], 0, 0
    for _ in range(args.samples):
        t0 = time.perf_counter()
        try:
            with socket.create_connection(("127.0.0.1", args.port), timeout=args.timeout) as s:
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                s.sendall(request)
                answer = b""
                while True:
                    part = s.recv(65536)
                    if not part:
                        break
                    answer += part
            if not answer.startswith(b"HTTP/1.1 200"):
                raise OSError(answer[:80])
            times.append((time.perf_counter() - t0) * 1000)
            in_a_row = 0
        except (socket.timeout, OSError):
            timeouts += 1
            in_a_row += 1
            if in_a_row >= 3:
                break
    times.sort()
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))] if times else float("nan")
    print(f"{pick(0.5):.2f} {pick(0.99):.2f} {times[-1] if times else float('nan'):.2f} "
          f"{len(times)} {timeouts}")


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="mode", required=True)
    h = sub.add_parser("hold")
    h.add_argument("port", type=int)
    h.add_argument("--slow", type=int, default=300)
    h.add_argument("--idle", type=int, default=1000)
    h.add_argument("--sources", type=int, default=16)
    h.add_argument("--period", type=float, default=1.0)
    p = sub.add_parser("probe")
    p.add_argument("port", type=int)
    p.add_argument("path")
    p.add_argument("--key", default="")
    p.add_argument("--samples", type=int, default=200)
    p.add_argument("--timeout", type=float, default=5.0)
    args = parser.parse_args()
    hold(args) if args.mode == "hold" else probe(args)


if __name__ == "__main__":
    sys.exit(main())
