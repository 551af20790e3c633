"""The production server for benchmarks and tests/production: settings, database, Granian.

The server runs as the README's deployment runs it: Granian, production settings, PostgreSQL
with the full data set (prepared by `prepare`), in its own process group.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/careerclusters_bench"
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
THREADS = int(os.environ.get("BENCH_THREADS", "1"))  # Granian's --blocking-threads
# Connections each worker serves at once. Granian counts an idle keep-alive connection too: with
# 32, the 33rd browser on a worker waited until it gave up (found by the students' benchmark).
BACKPRESSURE = 512


def production_env(database_url: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "careerclusters.settings",
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # Plain HTTP on loopback: TLS is the proxy's job, so cookies cannot be Secure here.
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "STATIC_MANIFEST": "1",
        "LOG_LEVEL": "WARNING",
    }
    return env


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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_command(*, port: int, workers: int = WORKERS, threads: int = THREADS) -> list[str]:
    """The production server as the README runs it (Granian, one thread per worker), on
    loopback. Also used by tests/production."""
    return [
        str(Path(PYTHON).parent / "granian"),
        "--interface", "wsgi",
        "--workers", str(workers),
        "--blocking-threads", str(threads),
        "--backpressure", str(BACKPRESSURE),
        "--host", "127.0.0.1",
        "--port", str(port),
        "--log-level", "warning",
        "careerclusters.wsgi:application",
    ]  # fmt: skip


def prepare(database_url: str) -> dict[str, str]:
    """The benchmark database, created if missing, migrated and holding the full data set;
    returns the server's environment."""
    ensure_database(database_url)
    env = production_env(database_url)
    print(f"Preparing {database_url.rsplit('/', 1)[1]} (migrate, import if empty, collectstatic)")
    manage(env, "migrate", "--no-input")
    manage(env, "import_career_data", "--if-empty")
    manage(env, "collectstatic", "--no-input")
    return env


def start_server(env: dict[str, str], port: int) -> subprocess.Popen:
    """Start Granian and return once /healthz answers (each worker has then loaded the site)."""
    server = subprocess.Popen(server_command(port=port), cwd=ROOT, env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as r:
                if r.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    sys.exit("The server did not answer /healthz within 60 s.")


def stop_server(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=20)


class MemorySampler(threading.Thread):
    """Peak resident memory of a process tree (the server's master and workers), and its CPU
    time, from /proc."""

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

    def cpu_seconds(self) -> float:
        """CPU time the server's processes have used so far (user and system)."""
        total = 0
        for pid in self._tree():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / os.sysconf("SC_CLK_TCK")

    @property
    def peak_mib(self) -> float:
        return self.peak_kib / 1024

    def run(self) -> None:
        while self.running:
            self.peak_kib = max(self.peak_kib, sum(self._rss_kib(p) for p in self._tree()))
            time.sleep(0.25)
