"""Changes a student makes while exploring: saved careers, kept in their session.

No account is needed: the list lives in the session (stored in the database, so any app
server can read it). Functions take the session mapping, never the request.
"""

from collections.abc import MutableMapping

from clusters.selectors import OCCUPATION_CODE

SAVED_KEY = "saved_careers"
MAX_SAVED = 50


class SavedListFull(Exception):
    """The student already keeps MAX_SAVED careers."""


def saved_codes(*, session: MutableMapping) -> list[str]:
    """The saved O*NET codes, oldest first; anything malformed in the session is dropped."""
    value = session.get(SAVED_KEY, [])
    if not isinstance(value, list):
        return []
    return [c for c in value if isinstance(c, str) and OCCUPATION_CODE.fullmatch(c)][:MAX_SAVED]


def toggle_saved(*, session: MutableMapping, code: str) -> bool:
    """Save the career, or remove it when it is already saved. Returns whether it is saved now.

    The caller checks that `code` is a real occupation.
    """
    codes = saved_codes(session=session)
    if code in codes:
        session[SAVED_KEY] = [c for c in codes if c != code]
        return False
    if len(codes) >= MAX_SAVED:
        raise SavedListFull
    session[SAVED_KEY] = [*codes, code]
    return True
