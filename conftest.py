"""Test set-up shared by every test: Chromium for browser tests, a clean cache."""

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(config, items):
    """Browser tests need Chromium: skip them visibly without it, or fail when it is required."""
    if CHROMIUM:
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(
            "REQUIRE_BROWSER=1 but no Chromium was found on PATH "
            "(install it with: apt-get install chromium)."
        )
    skip = pytest.mark.skip(reason="Chromium not found: install it (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with empty caches and no in-process copies: the content version they
    are keyed on starts again with each test's database."""
    from django.core.cache import caches

    from core.content_version import forget_all

    for alias in ("default", "pages"):
        caches[alias].clear()
    forget_all()
    yield


@pytest.fixture(autouse=True)
def _english_to_start():
    """Each test starts in English: a request to a Spanish page leaves Spanish active on the
    thread (LocaleMiddleware activates a language per request and never resets it)."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")
