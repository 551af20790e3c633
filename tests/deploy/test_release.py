"""The release number: pyproject.toml's version is the one the admin shows and the newest
entry in CHANGELOG.md."""

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


@pytest.mark.django_db
def test_admin_home_shows_the_release(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert f"Career Clusters version {VERSION}</p>" in html  # also fails on a stale install


@pytest.mark.django_db
def test_the_release_is_not_shown_before_signing_in(client):
    assert VERSION not in client.get("/admin/login/").content.decode()


def test_changelog_starts_with_this_release():
    changelog = (ROOT / "CHANGELOG.md").read_text()
    releases = re.findall(r"^## (\d+\.\d+\.\d+)\b", changelog, re.MULTILINE)
    assert releases and releases[0] == VERSION
    assert len(releases) == len(set(releases))
