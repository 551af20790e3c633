"""Explore pages under load: each page alone with wrk, as many first-time visitors at once.

Each page gets a warm-up at full concurrency (so every worker has it cached) and then DURATION
seconds of measuring; the figure to track is each page's requests/s as a share of /healthz
(no template, no database) measured straight after it, since absolute figures move with the
machine's load.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass

CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
DURATION = int(os.environ.get("BENCH_SECONDS", "10"))
TARGET_RATIO = 0.40

PAGES = {  # name: address; the cluster and occupation a student is most likely to open
    "healthz": "/healthz",
    "home": "/",
    "clusters index": "/clusters/",
    "cluster": "/clusters/healthcare-human-services/",
    "occupation": "/occupations/29-1141.00/",
    "search": "/search/?q=nurse",
}


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


def run_wrk(name: str, url: str) -> Result:
    subprocess.run(  # warm-up
        ["wrk", "-t2", f"-c{CONNECTIONS}", "-d5s", "--timeout", "10s", url], capture_output=True
    )
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", out, re.M))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    if socket_errors := re.search(r"Socket errors: (.*)", out):
        errors += sum(int(n) for n in re.findall(r"\d+", socket_errors.group(1)))
    return Result(
        name=name,
        rps=float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        p50_ms=_ms(latency["50"]) if "50" in latency else float("nan"),
        p99_ms=_ms(latency["99"]) if "99" in latency else float("nan"),
        requests=int(re.search(r"(\d+) requests in", out).group(1)),
        errors=errors,
    )


def explore_pages(base_url: str) -> list[tuple[Result, Result]]:
    """Each page, then /healthz straight after it: the ratio compares runs a few seconds apart,
    which matters on a machine whose load from other work changes by the minute."""
    pairs = []
    for name, path in PAGES.items():
        if path != "/healthz":
            page = run_wrk(name, base_url + path)
            pairs.append((page, run_wrk("healthz", base_url + "/healthz")))
    print(
        f"\nExplore pages: wrk -t2 -c{CONNECTIONS}, {DURATION} s per page after a 5 s warm-up, "
        "no cookies (a first visit), each followed by /healthz"
    )
    print(
        f"{'page':<16}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}"
        f"{'healthz req/s':>15}{'ratio':>8}  ok"
    )
    for page, healthz in pairs:
        ratio = page.rps / healthz.rps
        ok = page.errors == 0 == healthz.errors and ratio >= TARGET_RATIO
        print(
            f"{page.name:<16}{page.rps:>9.0f}{page.p50_ms:>9.1f}{page.p99_ms:>9.1f}"
            f"{page.errors:>8}{healthz.rps:>15.0f}{ratio:>8.0%}  {'yes' if ok else 'NO'}"
        )
    return pairs
