"""Whole quiz journeys at once against Granian (2 workers), on the database you name: how many
students can take the quiz at the same time. For the README's "Is SQLite enough?".

    .venv/bin/python scripts/bench_journeys.py sqlite:////tmp/journeys.sqlite3
    .venv/bin/python scripts/bench_journeys.py postgres://postgres@127.0.0.1:5432/journeys

Each student starts the quiz, answers every page (one POST each), gives an education plan
and opens the results: what a class does in a lesson. The database is migrated and the
shipped data imported if it is empty; a PostgreSQL database must exist already.
"""

import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.app_server import (  # noqa: E402
    Client,
    form,
    forms,
    production_env,
    start_servers,
    stop_servers,
)

ROUNDS = ((8, 10), (32, 4), (64, 2))  # (students at once, journeys each)


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.saves: list[float] = []
        self.finished = 0
        self.errors: list[str] = []

    def save(self, client: Client, base: str, path: str, fields) -> str:
        started = time.monotonic()
        reply = client.post(base, path, fields)
        with self.lock:
            self.saves.append(time.monotonic() - started)
        if reply.status != 302:
            raise RuntimeError(f"POST {path}: {reply.status}")
        return reply.location


def journey(*, base: str, tally: Tally) -> None:
    student = Client()
    start = student.get(base, "/quiz/")
    begin = next(f for f in forms(start.body) if f.attrs["action"].startswith("/quiz/begin/"))
    path = tally.save(student, base, begin.attrs["action"], begin.fields)
    token = path.split("/")[2]
    while path != f"/quiz/{token}/plan/":
        quiz_page = form(student.get(base, path).body, action=path)
        answers = [(name, "4") for name in quiz_page.radios]
        path = tally.save(student, base, path, [*quiz_page.fields, *answers, ("action", "next")])
    plan = form(student.get(base, path).body, action=path)
    fields = [(k, v) for k, v in plan.fields if k != "plan"]
    path = tally.save(student, base, path, [*fields, ("plan", "3"), ("action", "finish")])
    if student.get(base, path).status != 200:
        raise RuntimeError(f"GET {path} failed")
    with tally.lock:
        tally.finished += 1


def run_round(*, base: str, students: int, each: int) -> None:
    tally = Tally()

    def student_loop():
        for _ in range(each):
            try:
                journey(base=base, tally=tally)
            except Exception as error:  # counted and shown, never hidden
                with tally.lock:
                    tally.errors.append(str(error)[:100])

    threads = [threading.Thread(target=student_loop) for _ in range(students)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - started
    saves = sorted(tally.saves)

    def ms(share: float) -> float:
        return saves[min(len(saves) - 1, int(share * len(saves)))] * 1000

    print(
        f"{students:3d} at once: {tally.finished} quizzes in {seconds:.1f} s "
        f"= {tally.finished / seconds * 60:.0f} a minute; {len(saves) / seconds:.0f} saves/s, "
        f"p50 {ms(0.5):.0f} ms, p99 {ms(0.99):.0f} ms; errors: {len(tally.errors)} "
        f"{tally.errors[:3]}",
        flush=True,
    )


def main() -> None:
    database_url = sys.argv[1]
    env = production_env(database_url=database_url, secret_key="journeys-" + "x" * 40)
    env["LOG_LEVEL"] = "ERROR"
    for command in (["migrate", "--no-input"], ["import_career_data", "--if-empty"]):
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True,
            capture_output=True,
        )  # fmt: skip
    with tempfile.TemporaryDirectory() as logs:
        servers = start_servers([env], Path(logs), workers=2)
        try:
            run_round(base=servers[0].url, students=2, each=2)  # warm-up
            for students, each in ROUNDS:
                run_round(base=servers[0].url, students=students, each=each)
        finally:
            stop_servers(servers)


if __name__ == "__main__":
    main()
