"""One number that changes whenever published content changes.

Public pages are cached with the `content_version()` they were rendered at and used only while
it is still current. Saving or deleting any catalogue or quiz content calls
`bump_content_version()` (see clusters/signals.py and assessments/content_signals.py). The
number is kept in the database (one row), so every app server and worker sees a counselor's
edit, even without a shared cache. Each process reads it at most once every
SHARED_STATE_MAX_AGE seconds (a setting, default 1), so a cached page costs no query at
all; an edit shows at once in the process that made it and within that time everywhere else.
Changes made inside a transaction bump the version once, after the commit (so nothing caches
the old content under the new number, and a bulk change costs one bump, not one per row).
"""

from __future__ import annotations

import time

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, IntegrityError, connections, transaction
from django.db.models import F

ROW = 1
_last_read: tuple[int | None, float] = (None, 0.0)  # this process's (value, when read)


def _versions():
    from core.models import ContentVersion  # models load after settings; this module first

    return ContentVersion.objects


def content_version() -> int:
    """The current version: one primary-key query, at most once per SHARED_STATE_MAX_AGE."""
    global _last_read
    value, read_at = _last_read
    now = time.monotonic()
    if value is None or now - read_at >= settings.SHARED_STATE_MAX_AGE:
        value = _versions().filter(pk=ROW).values_list("value", flat=True).first() or 0
        _last_read = (value, now)  # one tuple, replaced whole: safe across threads
    return value


def forget_content_version() -> None:
    """Read the version from the database next time (tests: each has its own database)."""
    global _last_read
    _last_read = (None, 0.0)


def bump_content_version() -> int:
    """Increment the content version now and return the new value."""
    global _last_read
    versions = _versions()
    with transaction.atomic():
        if not versions.filter(pk=ROW).update(value=F("value") + 1):
            try:
                with transaction.atomic():
                    versions.create(pk=ROW, value=1)
            except IntegrityError:  # another process created it first: increment theirs
                versions.filter(pk=ROW).update(value=F("value") + 1)
        value = versions.get(pk=ROW).value
    _last_read = (value, time.monotonic())
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
