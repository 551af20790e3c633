"""Many students at once: ramp the journey (bench/journey.py) up until the server breaks.

Runs in its own process (the server is another), with Locust as a library: start at the first
level, its students arriving over about one journey's time, then step up level by level. At
each level it measures for LEVEL_SECONDS, once the new students have arrived, and prints one
JSON line: per step p50/p99 and failures, and journeys completed. It stops after
the first level where a step's p99 reached the limit or anything failed.

    python -m bench.students http://127.0.0.1:8000   # BENCH_STUDENT_* knobs below
"""

from __future__ import annotations

from gevent import monkey

monkey.patch_all()

import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import gevent  # noqa: E402
from locust.env import Environment  # noqa: E402

from bench import journey  # noqa: E402

LEVELS = [int(n) for n in os.environ.get("BENCH_STUDENT_LEVELS", "100,200,300,400,500").split(",")]
LEVEL_SECONDS = float(os.environ.get("BENCH_STUDENT_SECONDS", "30"))
# The first level's students arrive over this many seconds (about one journey), and those
# each later level adds over LATER_ARRIVALS; measuring starts when all have arrived, so the
# students are spread over every step of the journey.
FIRST_ARRIVALS = float(os.environ.get("BENCH_STUDENT_FIRST_ARRIVALS", "60"))
LATER_ARRIVALS = float(os.environ.get("BENCH_STUDENT_LATER_ARRIVALS", "30"))
SPAWN_RATE = float(os.environ.get("BENCH_STUDENT_SPAWN_RATE", "10"))  # new students a second
P99_LIMIT_MS = 250


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(env: Environment, users: int, arrivals: float) -> dict:
    journey.arrival_spread = arrivals
    env.runner.start(users, spawn_rate=SPAWN_RATE)
    while env.runner.user_count < users:
        gevent.sleep(0.5)
    gevent.sleep(arrivals)
    print(json.dumps({"measuring": users}), flush=True)  # the caller samples the server's CPU
    env.stats.reset_all()
    done_before, cpu_before, started = journey.completed, _cpu_seconds(), time.monotonic()
    gevent.sleep(LEVEL_SECONDS)
    elapsed = time.monotonic() - started
    steps = {}
    for (name, _method), entry in sorted(env.stats.entries.items()):
        steps[name] = {
            "requests": entry.num_requests,
            "failures": entry.num_failures,
            "p50_ms": entry.get_response_time_percentile(0.5),
            "p99_ms": entry.get_response_time_percentile(0.99),
            "max_ms": entry.max_response_time,
        }
    total = env.stats.total
    return {
        "students": users,
        "seconds": round(elapsed, 1),
        "requests_per_s": round(total.num_requests / elapsed, 1),
        "failures": total.num_failures,
        "journeys_per_min": round((journey.completed - done_before) * 60 / elapsed, 1),
        "load_generator_cpu": round((_cpu_seconds() - cpu_before) / elapsed, 2),
        "errors": {str(k): v.occurrences for k, v in env.stats.errors.items()},
        "steps": steps,
        "ok": total.num_failures == 0 and all(s["p99_ms"] < P99_LIMIT_MS for s in steps.values()),
    }


def main() -> None:
    host = sys.argv[1]
    env = Environment(user_classes=[journey.Student], host=host)
    env.create_local_runner()
    try:
        for number, users in enumerate(LEVELS):
            level = measure(env, users, FIRST_ARRIVALS if number == 0 else LATER_ARRIVALS)
            print(json.dumps(level), flush=True)
            if not level["ok"]:
                break
    finally:
        env.runner.quit()


if __name__ == "__main__":
    main()
