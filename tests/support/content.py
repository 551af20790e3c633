"""Test helpers for the content version (core/content_version.py)."""

from contextlib import contextmanager

from core.content_version import bump_content_version


@contextmanager
def content_committed():
    """Content changed in the block counts as committed: the version goes up, as it does after
    a real commit (a test's own transaction never commits)."""
    yield
    bump_content_version()
