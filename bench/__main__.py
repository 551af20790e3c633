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
BENCH_STUDENT_FIRST_ARRIVALS, BENCH_STUDENT_LATER_ARRIVALS, BENCH_STUDENT_SPAWN_RATE,
BENCH_STUDENT_THINK (Locust), BENCH_WORKERS, BENCH_THREADS (Granian), BENCH_SKIP
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
from pathlib import Path

from bench.pages import explore_pages
from bench.server import (
    DEFAULT_DB,
    PYTHON,
    ROOT,
    THREADS,
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


def _machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine so far, other users' work included."""
    fields = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields) - idle) / os.sysconf("SC_CLK_TCK"), sum(fields) / os.sysconf("SC_CLK_TCK")


def _database_cpu(database_url: str) -> dict[int, float]:
    """{backend pid: CPU seconds so far} for the PostgreSQL backends serving the benchmark
    database (the server's connections; other databases on the machine are left out)."""
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    with psycopg.connect(database_url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        rows = conn.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", [name])
        pids = [pid for (pid,) in rows.fetchall()]
    used = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        used[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return used


def _database_cpu_since(database_url: str, before: dict[int, float]) -> float:
    """CPU the benchmark database's backends used since `before` (a backend that ended in
    between is missed, so this is a lower bound)."""
    return sum(cpu - before.get(pid, 0.0) for pid, cpu in _database_cpu(database_url).items())


def students(base_url: str, sampler: MemorySampler, database_url: str) -> list[dict]:
    """Run bench.students and add, per level, the CPU the server and the whole machine used
    while it measured (the machine is shared: others' work shows up in the second)."""
    process = subprocess.Popen(
        [PYTHON, "-m", "bench.students", base_url],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    levels, started = [], None
    for line in process.stdout:
        if not line.startswith("{"):
            continue
        data = json.loads(line)
        if "measuring" in data:
            started = (
                sampler.cpu_seconds(),
                *_machine_busy(),
                _database_cpu(database_url),
            )
            continue
        server_cpu, busy, total = sampler.cpu_seconds(), *_machine_busy()
        database_cpu = _database_cpu_since(database_url, started[3])
        seconds = data["seconds"]
        data["server_cores"] = round((server_cpu - started[0]) / seconds, 2)
        data["machine_busy"] = round((busy - started[1]) / (total - started[2]), 2)
        requests = sum(step["requests"] for step in data["steps"].values())
        data["server_cpu_ms_per_request"] = round(
            (server_cpu - started[0]) * 1000 / max(requests, 1), 1
        )
        data["database_cpu_ms_per_request"] = round(database_cpu * 1000 / max(requests, 1), 1)
        levels.append(data)
    stderr = process.stderr.read()
    if process.wait() or not levels:
        sys.exit(f"bench.students failed:\n{stderr[-3000:]}")
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
            f"  [server {level['server_cores']:.2f} cores, "
            f"{level['server_cpu_ms_per_request']:.1f} ms CPU a request "
            f"+ at least {level['database_cpu_ms_per_request']:.1f} ms in PostgreSQL; load "
            "generator "
            f"{level['load_generator_cpu']:.0%} of a core; "
            f"machine {level['machine_busy']:.0%} busy]"
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
    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB)
    env = prepare(database_url)
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
            f"\nGranian, {WORKERS} workers x {THREADS} threads, PostgreSQL, {os.cpu_count()} "
            f"cores: answering {ready:.1f} s after the start; the first search took "
            f"{seconds * 1000:.0f} ms"
        )
        if "pages" not in SKIP:
            explore_pages(base_url)
        if "students" not in SKIP:
            students(base_url, sampler, database_url)
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
