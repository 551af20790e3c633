"""The container and plain-server files in step with the README and with deploy/entrypoint.sh."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def readme_settings() -> set[str]:
    """The variables in the README's table of production settings."""
    readme = (ROOT / "README.md").read_text()
    table = readme.split("| variable | meaning |", 1)[1].split("\n\n", 1)[0]
    names = set()
    for row in table.splitlines()[2:]:
        names.update(re.findall(r"`([A-Z][A-Z0-9_]+)`", row.split("|")[1]))
    return names


def entrypoint_commands() -> set[str]:
    script = (DEPLOY / "entrypoint.sh").read_text()
    return set(re.findall(r"^  ([a-z]+)\) ", script, re.MULTILINE))


def test_the_example_settings_file_has_every_readme_setting():
    example = (DEPLOY / "careerclusters.env.example").read_text()
    defined = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", example, re.MULTILINE))
    settings = readme_settings()
    assert {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "TRUSTED_PROXY_COUNT"} <= settings
    assert settings - defined == set()


def test_the_image_compose_and_systemd_run_only_what_the_entrypoint_knows():
    known = entrypoint_commands()
    assert known == {"start", "setup", "serve", "healthcheck"}
    dockerfile = (ROOT / "Dockerfile").read_text()
    used = set(re.findall(r'"/app/deploy/entrypoint\.sh", "([a-z]+)"', dockerfile))
    used |= set(re.findall(r'^CMD \["([a-z]+)"\]', dockerfile, re.MULTILINE))
    used |= set(re.findall(r'command: \["([a-z]+)"\]', (ROOT / "compose.yaml").read_text()))
    unit = (DEPLOY / "careerclusters.service").read_text()
    used |= set(re.findall(r"entrypoint\.sh ([a-z]+)$", unit, re.MULTILINE))
    assert used == known


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="needs systemd-analyze")
def test_the_systemd_unit_is_valid(tmp_path):
    unit = tmp_path / "careerclusters.service"
    shutil.copy(DEPLOY / "careerclusters.service", unit)
    result = subprocess.run(["systemd-analyze", "verify", unit], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "careerclusters.service" not in result.stderr  # no warnings about our unit


@pytest.mark.skipif(not shutil.which("caddy"), reason="needs caddy (apt-get install caddy)")
def test_the_caddy_site_is_valid():
    result = subprocess.run(
        ["caddy", "adapt", "--config", DEPLOY / "Caddyfile", "--adapter", "caddyfile"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert '"upstreams":[{"dial":"127.0.0.1:8000"}]' in result.stdout
