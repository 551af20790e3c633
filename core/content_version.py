"""One number that changes whenever published content changes, and what each process keeps.

Saving or deleting any catalogue or quiz content calls `bump_content_version()` once the
transaction commits (see clusters/signals.py and assessments/content_signals.py; bulk writes,
such as the importer's, call it themselves). The number is kept in the database (one row), so
every app server and worker sees a counselor's edit without any shared cache. Each process
reads it at most once every SHARED_STATE_MAX_AGE seconds (a setting, default 1): an edit
shows at once in the process that made it and within that time everywhere else.

Everything a process keeps from the database is keyed on that number: the explore pages
(core/page_cache.py) and the things built by `kept()` below (the search indexes, English
and Spanish, the matching catalogue and the data releases). Students' attempts never bump it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, IntegrityError, transaction
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


# A transaction that saves many rows schedules one callback per row. They all run one after
# another right after the commit, so the first bumps and the rest see that it just did.
# Scheduling a new one (in a later transaction) clears the mark.
_bumped_just_now = threading.local()


def _bump_once_after_commit() -> None:
    if not getattr(_bumped_just_now, "value", False):
        bump_content_version()
        _bumped_just_now.value = True


def bump_content_version_on_commit(using: str = DEFAULT_DB_ALIAS) -> None:
    """Bump when the current transaction commits (at once outside a transaction), once for
    all the changes that transaction made."""
    _bumped_just_now.value = False
    transaction.on_commit(_bump_once_after_commit, using=using)


def content_changed(*, sender, using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    """Signal receiver for post_save, post_delete and m2m_changed of content models."""
    if kwargs.get("action", "post_").startswith("pre_"):
        return  # m2m_changed also sends pre_add, pre_remove and pre_clear
    bump_content_version_on_commit(using)


# ---------------------------------------------------------------------------------------
# What each process builds from the content and keeps until the content version changes

_kept: dict[str, tuple[int, Any]] = {}
_locks: dict[str, threading.Lock] = {}
_locks_lock = threading.Lock()


def kept[T](name: str, build: Callable[[], T]) -> T:
    """This process's copy of `build()`, built again when the content version has changed.

    The version is read before building, so a copy is never newer than its version claims
    (a change during the build only makes the next call build again). One build at a time
    per name; other names are not held up.
    """
    version = content_version()
    entry = _kept.get(name)
    if entry is not None and entry[0] == version:
        return entry[1]
    with _locks_lock:
        lock = _locks.setdefault(name, threading.Lock())
    with lock:
        entry = _kept.get(name)
        if entry is None or entry[0] != version:
            entry = (version, build())
            _kept[name] = entry
        return entry[1]


def forget_all() -> None:
    """Drop every kept copy and the last version read (tests: each has its own database)."""
    global _last_read
    _kept.clear()
    _last_read = (None, 0.0)
