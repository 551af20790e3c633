"""`make bench`: the production server under load, then search and matching figures.

1. Prepare a PostgreSQL database with the full data set (BENCH_DATABASE_URL, created if
   missing) and start Granian as the README deploys it (2 workers).
2. The first search after the start (each worker builds what it needs before it takes
   traffic, so this is an ordinary search).
3. Explore pages, each alone with wrk, against /healthz in the same run (bench/pages.py).
4. Students taking the quiz at once, ramped up until a step's p99 reaches 250 ms or anything
   fails (Locust in its own process, bench/students.py).
5. Peak memory of the server's processes throughout; then search and matching figures
   computed in-process (bench/search.py, bench/matching.py).

Knobs: BENCH_SECONDS, BENCH_CONNECTIONS (wrk), BENCH_STUDENT_LEVELS, BENCH_STUDENT_SECONDS,
BENCH_STUDENT_FIRST_HOLD, BENCH_STUDENT_SPAWN_RATE (Locust), BENCH_WORKERS, BENCH_SKIP
(comma-separated: pages, students, figures).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request

from bench.pages import explore_pages
from bench.server import (
    DEFAULT_DB,
    PYTHON,
    ROOT,
    WORKERS,
    MemorySampler,
    free_port,
    prepare,
    start_server,
    stop_server,
)

SKIP = set(os.environ.get("BENCH_SKIP", "").split(","))


def first_search(base_url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(f"{base_url}/search/?q=nurse", timeout=60) as response:
        assert response.status == 200 and b"Registered Nurses" in response.read()
    return time.perf_counter() - started


def students(base_url: str) -> list[dict]:
    process = subprocess.run(
        [PYTHON, "-m", "bench.students", base_url],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    levels = [json.loads(line) for line in process.stdout.splitlines() if line.startswith("{")]
    if process.returncode or not levels:
        sys.exit(f"bench.students failed:\n{process.stdout}\n{process.stderr[-3000:]}")
    print("\nStudents taking the quiz at once (Locust, one process, think time 1-3 s)")
    print(
        f"{'students':>9}{'req/s':>8}{'journeys/min':>14}{'failures':>10}{'worst p99 ms':>14}  ok"
    )
    for level in levels:
        worst = max(level["steps"].items(), key=lambda kv: kv[1]["p99_ms"])
        print(
            f"{level['students']:>9}{level['requests_per_s']:>8.0f}"
            f"{level['journeys_per_min']:>14.0f}{level['failures']:>10}"
            f"{worst[1]['p99_ms']:>8.0f} ({worst[0]})  {'yes' if level['ok'] else 'NO'}"
            f"  [load generator {level['load_generator_cpu']:.0%} of a core]"
        )
    passed = [level for level in levels if level["ok"]]
    shown = passed[-1] if passed else levels[0]
    print(
        f"\nLargest level with every step's p99 < 250 ms and no failures: "
        f"{shown['students'] if passed else 'none'}; per step at {shown['students']} students:"
    )
    print(f"{'step':<22}{'requests':>9}{'p50 ms':>8}{'p99 ms':>8}{'max ms':>8}{'failures':>9}")
    for name, step in shown["steps"].items():
        print(
            f"{name:<22}{step['requests']:>9}{step['p50_ms']:>8.0f}{step['p99_ms']:>8.0f}"
            f"{step['max_ms']:>8.0f}{step['failures']:>9}"
        )
    for level in levels:
        if level["errors"]:
            print(f"errors at {level['students']} students: {level['errors']}")
    return levels


def main() -> None:
    if "pages" not in SKIP and not shutil.which("wrk"):
        sys.exit("make bench needs wrk: apt-get install wrk")
    env = prepare(os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB))
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    server = start_server(env, port)
    ready = time.perf_counter() - started
    sampler = MemorySampler(server.pid)
    sampler.start()
    try:
        seconds = first_search(base_url)
        print(
            f"\nGranian, {WORKERS} workers, PostgreSQL, {os.cpu_count()} cores: answering "
            f"{ready:.1f} s after the start; the first search took {seconds * 1000:.0f} ms"
        )
        if "pages" not in SKIP:
            explore_pages(base_url)
        if "students" not in SKIP:
            students(base_url)
    finally:
        sampler.running = False
        stop_server(server)
    print(f"\nPeak memory of the server (main process and workers): {sampler.peak_mib:.0f} MiB")
    if "figures" not in SKIP:
        for module in ("bench.search", "bench.matching"):
            print()
            subprocess.run([PYTHON, "-m", module], cwd=ROOT, env=env, check=True)


if __name__ == "__main__":
    main()
