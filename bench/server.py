"""`make bench`: load-test the production server, then print search and matching figures.

Steps: prepare a PostgreSQL database with the full data set (BENCH_DATABASE_URL, created if
missing), start Granian with production settings, drive each key page with wrk from a separate
process (32 connections, 2 threads), sample the server processes' memory, and print per page
requests/s, p50/p99 latency, errors and the ratio to /healthz measured in the same run.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/careerclusters_bench"
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
DURATION = int(os.environ.get("BENCH_SECONDS", "10"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))


def production_env(database_url: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "careerclusters.settings",
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",  # plain HTTP on loopback; TLS is the proxy's job
        "STATIC_MANIFEST": "1",
        "LOG_LEVEL": "WARNING",
    }
    if _redis_up():
        env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/14")
    return env


def _redis_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def ensure_database(database_url: str) -> None:
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    admin_url = database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def bench_pages(env: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Key pages as {name: (address, cookie)}: a real quiz page and results page, made through
    the app's own functions, are loaded with the cookies of the student who owns them."""
    code = "from careerclusters.bench_data import print_urls; print_urls()"
    out = manage(env, "shell", "-c", code)
    rows = [line.split("\t") for line in out.splitlines() if line.count("\t") == 2]
    return {name: (url, cookie) for name, url, cookie in rows}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_command(*, port: int, workers: int = WORKERS) -> list[str]:
    """The production server as the README runs it (Granian, one thread per worker), on
    loopback. Also used by tests/production."""
    return [
        str(Path(PYTHON).parent / "granian"),
        "--interface", "wsgi",
        "--workers", str(workers),
        "--blocking-threads", "1",
        "--backpressure", str(CONNECTIONS),
        "--host", "127.0.0.1",
        "--port", str(port),
        "--log-level", "warning",
        "careerclusters.wsgi:application",
    ]  # fmt: skip


def start_server(env: dict[str, str], port: int) -> subprocess.Popen:
    server = subprocess.Popen(server_command(port=port), cwd=ROOT, env=env, start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as r:
                if r.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    sys.exit("The server did not answer /healthz within 30 s.")


class MemorySampler(threading.Thread):
    """Peak resident memory of a process tree (the server's master and workers), from /proc."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak_kib, self.running = pid, 0, True

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
                children.setdefault(ppid, []).append(int(entry.name))
        tree, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            tree.append(pid)
            todo.extend(children.get(pid, []))
        return tree

    def _rss_kib(self, pid: int) -> int:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        except OSError:
            pass
        return 0

    def run(self) -> None:
        while self.running:
            self.peak_kib = max(self.peak_kib, sum(self._rss_kib(p) for p in self._tree()))
            time.sleep(0.25)


@dataclass
class Result:
    name: str
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def run_wrk(name: str, url: str, cookie: str) -> Result:
    headers = ["-H", f"Cookie: {cookie}"] if cookie else []
    # Warm-up at full concurrency, so that every worker gets connections and builds its
    # in-process copies (the search index takes ~2 s) before we measure.
    subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", "-d5s", "--timeout", "10s", *headers, url],
        capture_output=True,
    )
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency", *headers, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", out, re.M))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    socket_errors = re.search(r"Socket errors: (.*)", out)
    if socket_errors:
        errors += sum(int(n) for n in re.findall(r"\d+", socket_errors.group(1)))
    return Result(
        name=name,
        rps=float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        p50_ms=_ms(latency["50"]) if "50" in latency else float("nan"),
        p99_ms=_ms(latency["99"]) if "99" in latency else float("nan"),
        requests=requests,
        errors=errors,
    )


def load_test(env: dict[str, str]) -> None:
    pages = bench_pages(env)
    port = free_port()
    server = start_server(env, port)
    sampler = MemorySampler(server.pid)
    sampler.start()
    try:
        results = [
            run_wrk(name, f"http://127.0.0.1:{port}{path}", cookie)
            for name, (path, cookie) in pages.items()
        ]
    finally:
        sampler.running = False
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    base = next(r for r in results if r.name == "healthz")
    print(
        f"\nLoad test: Granian, {WORKERS} workers, PostgreSQL, wrk {CONNECTIONS} connections, "
        f"{DURATION}s per page, {os.cpu_count()} cores"
    )
    print(f"{'page':<16}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'vs healthz':>12}  ok")
    for r in results:
        ratio = r.rps / base.rps
        ok = r.errors == 0 and (r is base or (ratio >= 0.40 and r.p99_ms < 100))
        print(
            f"{r.name:<16}{r.rps:>9.0f}{r.p50_ms:>9.1f}{r.p99_ms:>9.1f}{r.errors:>8}"
            f"{ratio:>11.0%}  {'yes' if ok else 'NO'}"
        )
    print(f"Peak memory of the server processes: {sampler.peak_kib / 1024:.0f} MiB")


def figures(env: dict[str, str]) -> None:
    """Search and matching figures, computed in-process on the same database."""
    for module in ("clusters.bench", "assessments.bench"):
        print()
        subprocess.run([PYTHON, "-m", module], cwd=ROOT, env=env, check=True)


def main() -> None:
    if not shutil.which("wrk"):
        sys.exit("make bench needs wrk: apt-get install wrk")
    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB)
    ensure_database(database_url)
    env = production_env(database_url)
    print(f"Preparing {database_url.rsplit('/', 1)[1]} (migrate, import if empty, collectstatic)")
    manage(env, "migrate", "--no-input")
    manage(env, "import_career_data", "--if-empty")
    manage(env, "collectstatic", "--no-input")
    load_test(env)
    figures(env)


if __name__ == "__main__":
    main()
