"""An import killed half-way leaves the previous data intact, and the next run succeeds."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from clusters import models as m
from clusters.importer import import_catalogue
from tests.support.sample_source import snapshot, write_source

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def _command_env() -> dict[str, str]:
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    return {**os.environ, "DATABASE_URL": url, "PYTHONUNBUFFERED": "1"}


def test_killed_import_keeps_previous_data_and_next_run_succeeds(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("needs a database another process can share (PostgreSQL)")
    import_catalogue(source=write_source(tmp_path / "data"))
    before = snapshot()

    command = [sys.executable, "manage.py", "import_career_data"]
    process = subprocess.Popen(
        command, cwd=ROOT, env=_command_env(), stdout=subprocess.PIPE, text=True
    )
    for line in process.stdout:
        if line.startswith("Writing to the database"):
            break
    time.sleep(1.5)  # well inside the write transaction, which takes several seconds
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL  # it was killed, not finished

    assert snapshot() == before

    rerun = subprocess.run(command, cwd=ROOT, env=_command_env(), capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert m.Occupation.objects.count() == 1016
