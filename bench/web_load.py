"""Load on the HTTP API: POST /api/compare from concurrent clients against a real server.

Starts ``newslineage serve`` on a free loopback port (a subprocess, nothing leaves this
machine), sends ``--requests`` comparisons from ``--clients`` threads, each with its own
keep-alive ``httpx`` connection, stops early after ``--max-seconds``, and prints requests per
second, latency percentiles and errors per mode. Pairs are varied: A is a random selection of
the seed article's sentences, reordered, B is the seed source (``--pairs seed`` sends the seed
pair itself every time).

    python bench/web_load.py                        # lexical and embeddings, 1,000 requests each
    python bench/web_load.py --modes lexical --requests 200
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REPO, table  # noqa: E402

SEED_A = REPO / "examples" / "seeds" / "000_0b8b1ce8151e0a78.txt"
SEED_B = REPO / "examples" / "seeds" / "004_04fc8d81745fa5a0.txt"


def make_pairs(kind: str, n: int, seed: int = 7) -> list[dict]:
    """Request bodies: the seed pair, or variations of it (A = some of its lines, shuffled)."""
    a, b = SEED_A.read_text(encoding="utf-8"), SEED_B.read_text(encoding="utf-8")
    if kind == "seed":
        return [{"a": {"text": a}, "b": {"text": b}}]
    rng = random.Random(seed)
    lines = [line for line in a.splitlines() if line.strip()]
    pairs = []
    for _ in range(min(n, 200)):
        chosen = rng.sample(lines, k=max(3, len(lines) // 2))
        pairs.append({"a": {"text": "\n".join(chosen)}, "b": {"text": b}})
    return pairs


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(embeddings: bool, log) -> tuple[subprocess.Popen, str]:
    import httpx

    port = free_port()
    args = [sys.executable, "-m", "newslineage", "serve", "--host", "127.0.0.1", "--port", str(port)]
    if not embeddings:
        args.append("--no-embeddings")
    env = {**os.environ, "NEWSLINEAGE_TOKEN": ""}
    proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    with httpx.Client(timeout=2) as http:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                sys.exit(f"server exited with {proc.returncode}; see its log")
            try:
                if http.get(url + "/api/info").status_code == 200:
                    return proc, url
            except httpx.TransportError:
                time.sleep(0.1)
    proc.terminate()
    proc.wait()
    sys.exit("server did not start within 120 s")


def run_load(url: str, pairs: list[dict], requests: int, clients: int, max_seconds: float) -> dict:
    import httpx

    latencies: list[float] = []
    errors: dict[str, int] = {}
    lock = threading.Lock()
    counter = iter(range(requests))
    local = threading.local()
    deadline = time.monotonic() + max_seconds
    all_clients: list[httpx.Client] = []

    def worker() -> None:
        local.http = httpx.Client(base_url=url, timeout=60)
        with lock:
            all_clients.append(local.http)
        while time.monotonic() < deadline:
            with lock:
                i = next(counter, None)
            if i is None:
                return
            t0 = time.perf_counter()
            try:
                response = local.http.post("/api/compare", json=pairs[i % len(pairs)])
                ok = response.status_code == 200 and response.json().get("schema") == "newslineage.compare/2"
                key = None if ok else f"HTTP {response.status_code}"
            except httpx.HTTPError as exc:
                key = type(exc).__name__
            elapsed = time.perf_counter() - t0
            with lock:
                if key is None:
                    latencies.append(elapsed)
                else:
                    errors[key] = errors.get(key, 0) + 1

    # warm-up: model load and first-use costs are not what this measures
    with httpx.Client(base_url=url, timeout=120) as http:
        http.post("/api/compare", json=pairs[0]).raise_for_status()
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        for _ in range(clients):
            pool.submit(worker)
    wall = time.perf_counter() - started
    for http in all_clients:
        http.close()
    done = len(latencies)
    q = statistics.quantiles(latencies, n=100) if done >= 2 else [latencies[0] if done else 0.0] * 99
    return {
        "done": done,
        "errors": sum(errors.values()),
        "error_kinds": errors,
        "wall": wall,
        "rps": done / wall if wall else 0.0,
        "p50": q[49] * 1000,
        "p95": q[94] * 1000,
        "p99": q[98] * 1000,
        "max": max(latencies, default=0.0) * 1000,
        "timed_out": time.monotonic() >= deadline,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000, help="requests per mode (default 1000)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (default 8)")
    parser.add_argument("--modes", default="lexical,embeddings", help="comma list of lexical, embeddings")
    parser.add_argument("--pairs", choices=["varied", "seed"], default="varied")
    parser.add_argument("--max-seconds", type=float, default=300.0, help="stop sending after this long, per mode")
    args = parser.parse_args(argv)

    pairs = make_pairs(args.pairs, args.requests)
    rows = []
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for mode in [m.strip() for m in args.modes.split(",") if m.strip()]:
            with open(Path(tmp) / f"server-{mode}.log", "wb") as log:
                proc, url = start_server(mode == "embeddings", log)
                try:
                    r = run_load(url, pairs, args.requests, args.clients, args.max_seconds)
                finally:
                    proc.terminate()
                    proc.wait(timeout=30)
            failed |= r["errors"] > 0
            rows.append([mode, r["done"], r["errors"], f"{r['wall']:.1f}", f"{r['rps']:.1f}",
                         *(f"{r[k]:.0f}" for k in ("p50", "p95", "p99", "max"))])
            if r["error_kinds"]:
                print(f"{mode}: errors {r['error_kinds']}", file=sys.stderr)
            if r["timed_out"]:
                print(f"{mode}: stopped after --max-seconds {args.max_seconds:.0f}", file=sys.stderr)
    print(f"POST /api/compare, {args.pairs} pairs, {args.clients} clients, loopback, {os.cpu_count()} CPUs")
    print(table(["mode", "ok", "errors", "seconds", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms"], rows))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
