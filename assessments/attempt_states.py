"""The state of quiz attempts, as the cached quiz and results pages need it.

A cached quiz or results page may be used only while its attempt is unchanged: no answer
saved, not finished, not deleted, whichever app server or device did it. Asking the database
on every request would cost more than the cached page saves, so each process keeps what it
last read for up to SHARED_STATE_MAX_AGE seconds (1 by default), as it does for the content
version. Two things keep a student from ever seeing less than their own latest answers:

- the process that changes an attempt forgets its copy as soon as the change is committed;
- each browser sends the state it last saw or saved for its attempts (the attempts cookie,
  assessments/browser_attempts.py), and a process whose copy differs reads the database.

So only a change made from another device can take up to SHARED_STATE_MAX_AGE to show.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

from assessments.models import Attempt

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_PREFIX = "attempt:"
_GONE = "gone"  # remembered for unknown tokens too: deleted attempts never come back


class State(NamedTuple):
    stamp: str  # changes whenever the attempt does
    finished: bool


def stamp(updated_at: datetime) -> str:
    """The attempt's last change as a short exact string (microseconds since 1970)."""
    return str((updated_at - _EPOCH) // timedelta(microseconds=1))


def current(tokens: Iterable[str], *, seen: Mapping[str, str]) -> dict[str, State | None]:
    """{token: State, or None if there is no such attempt}. `seen` is the browser's
    {token: stamp}: where it differs from this process's copy, the database decides."""
    tokens = list(dict.fromkeys(tokens))
    memo = caches["attempt_states"]
    known = memo.get_many([_PREFIX + token for token in tokens])
    states: dict[str, State | None] = {}
    unsure = []
    for token in tokens:
        state = known.get(_PREFIX + token)
        if state is None or (state != _GONE and token in seen and seen[token] != state[0]):
            unsure.append(token)
        else:
            states[token] = None if state == _GONE else State(*state)
    if unsure:
        rows = Attempt.objects.filter(token__in=unsure).values_list(
            "token", "updated_at", "completed_at"
        )
        read = {token: State(stamp(updated), done is not None) for token, updated, done in rows}
        memo.set_many(
            {_PREFIX + token: tuple(read[token]) if token in read else _GONE for token in unsure},
            timeout=settings.SHARED_STATE_MAX_AGE,
        )
        states.update({token: read.get(token) for token in unsure})
    return states


def changed(token: str) -> None:
    """Forget this process's copy once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: caches["attempt_states"].delete(_PREFIX + token))


def attempt_deleted(*, instance: Attempt, **kwargs) -> None:
    """post_delete receiver (a counselor deleting attempts in the admin)."""
    changed(instance.token)
