"""deploy/entrypoint.sh, the script the container runs, run here directly on a real PostgreSQL:
it waits for a database that is not there yet, migrates, imports the shipped data, collects
static files and serves with Granian; a second setup changes nothing."""

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import dj_database_url
import psycopg
import pytest

from bench.server import free_port
from tests.support.app_server import Client, production_env

ROOT = Path(__file__).resolve().parents[2]
ENTRYPOINT = ROOT / "deploy" / "entrypoint.sh"
pytestmark = pytest.mark.slow


@pytest.fixture
def empty_database_url():
    """A database name of our own on the test run's PostgreSQL server, not created yet."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")
    db = dj_database_url.parse(url)
    name = f"{db['NAME']}_entry"
    admin = url.rsplit("/", 1)[0] + "/postgres"

    def drop():
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    drop()
    yield url.rsplit("/", 1)[0] + f"/{name}", lambda: create(admin, name)
    drop()


def create(admin_url: str, name: str) -> None:
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')


def entrypoint_env(*, database_url: str, static_root: Path, port: int) -> dict[str, str]:
    env = production_env(database_url=database_url, secret_key="entrypoint-test-" + "x" * 40)
    env.update(
        PATH=f"{Path(sys.executable).parent}:{env.get('PATH', '/usr/bin:/bin')}",
        STATIC_MANIFEST="1",  # hashed, compressed files as in production
        STATIC_ROOT=str(static_root),
        HOST="127.0.0.1",
        PORT=str(port),
        WEB_WORKERS="1",
        DATABASE_WAIT_SECONDS="60",
    )
    return env


def wait_for(condition, *, timeout: float, what: str, log: Path, process) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        if process.poll() is not None:
            pytest.fail(f"entrypoint.sh exited ({process.returncode}):\n{log.read_text()}")
        time.sleep(0.2)
    pytest.fail(f"{what} did not happen in {timeout} s:\n{log.read_text()}")


def healthcheck(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(ENTRYPOINT), "healthcheck"], env=env, capture_output=True, text=True, timeout=30
    )


def healthy(base: str) -> bool:
    try:
        return Client().get(base, "/healthz", timeout=2).status == 200
    except OSError:
        return False


def test_entrypoint_waits_migrates_imports_and_serves(empty_database_url, tmp_path):
    database_url, create_database = empty_database_url
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = entrypoint_env(database_url=database_url, static_root=tmp_path / "static", port=port)
    log = tmp_path / "entrypoint.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(ENTRYPOINT)], cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: Granian's workers stop with it
        )  # fmt: skip
    try:
        wait_for(
            lambda: "not yet:" in log.read_text(),
            timeout=60, what="waiting for the missing database", log=log, process=process,
        )  # fmt: skip
        create_database()
        wait_for(
            lambda: healthy(base),
            timeout=240, what="serving /healthz", log=log, process=process,
        )  # fmt: skip
        text = log.read_text()
        assert "The database answers" in text
        assert "Applying clusters.0001_initial" in text
        assert "skipping the import" not in text  # the empty database got the data

        client = Client()
        home = client.get(base, "/")
        assert home.status == 200
        stylesheet = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', home.body)
        assert stylesheet, "no hashed stylesheet: static files were not collected"
        assert client.get(base, stylesheet.group(1)).status == 200
        nurse = client.get(base, "/occupations/29-1141.00/")
        assert nurse.status == 200 and "Registered Nurses" in nurse.body

        by_ip = {"Host": "10.0.0.5"}  # a load balancer probing by address
        probe = client.get(base, "/healthz", headers=by_ip)
        assert (probe.status, probe.body) == (200, "ok")
        assert client.get(base, "/", headers=by_ip).status == 400

        assert healthcheck(env).returncode == 0  # the image's HEALTHCHECK
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
    assert process.returncode == 0, log.read_text()  # Granian stops cleanly on SIGTERM
    down = healthcheck(env)
    assert down.returncode == 1 and "Connection refused" in down.stderr

    again = subprocess.run(
        [str(ENTRYPOINT), "setup"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert again.returncode == 0, again.stderr
    assert "No migrations to apply" in again.stdout
    assert "Career data already loaded; skipping the import." in again.stdout


def test_entrypoint_stops_at_once_on_bad_settings(tmp_path):
    env = entrypoint_env(database_url="sqlite:///unused", static_root=tmp_path, port=free_port())
    del env["SECRET_KEY"]
    started = time.monotonic()
    result = subprocess.run(
        [str(ENTRYPOINT), "setup"], cwd=tmp_path, env=env, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr
    assert time.monotonic() - started < 30  # not waited out as if the database were down
