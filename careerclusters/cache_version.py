"""One number that changes whenever published content changes.

Public pages may be cached under a key that includes `content_version()`; saving or deleting
any catalogue or quiz content calls `bump_content_version()` (see clusters/signals.py and
assessments/content_signals.py), so cached pages are never served stale. Changes made inside a
transaction bump the version once, after the commit (so nothing caches the old content under
the new number, and a bulk change costs one bump, not one per row).
"""

from __future__ import annotations

import time

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction

CONTENT_VERSION_KEY = "content-version"


def _initial() -> int:
    # Not 0: if the cache is emptied, the version must not go back to a number already used.
    return int(time.time() * 1000)


def content_version() -> int:
    return cache.get_or_set(CONTENT_VERSION_KEY, _initial, timeout=None)


def bump_content_version() -> int:
    """Increment the content version now and return the new value."""
    cache.add(CONTENT_VERSION_KEY, _initial(), timeout=None)
    try:
        return cache.incr(CONTENT_VERSION_KEY)
    except ValueError:  # evicted between add() and incr(): start again from a fresh number
        value = _initial()
        cache.set(CONTENT_VERSION_KEY, value, timeout=None)
        return value


def bump_content_version_on_commit(using: str = DEFAULT_DB_ALIAS) -> None:
    """Bump once when the current transaction commits (at once outside a transaction)."""
    connection = connections[using]
    if connection.in_atomic_block:
        # Already scheduled in this savepoint or one around it? Then that one runs whenever
        # this change is committed (a rollback that drops it drops this change too).
        active = set(connection.savepoint_ids)
        if any(
            func is bump_content_version and sids <= active
            for sids, func, _robust in connection.run_on_commit
        ):
            return
    transaction.on_commit(bump_content_version, using=using)


def content_changed(*, sender, using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    """Signal receiver for post_save, post_delete and m2m_changed of content models."""
    if kwargs.get("action", "post_").startswith("pre_"):
        return  # m2m_changed also sends pre_add, pre_remove and pre_clear
    bump_content_version_on_commit(using)
