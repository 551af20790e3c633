"""Content in the visitor's language: the `<field>_es` columns written by us, else English.

Our own text (cluster, pathway and quiz content, career titles) has a Spanish column next to
the English one. Imported data (O*NET descriptions and tasks, CIP titles) has only English,
and Spanish pages say so where they show it.
"""

from django.conf import settings
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language

SPANISH_HELP = "Shown on Spanish pages (/es/). Left empty, they show the English."


def translated(obj, field: str) -> str:
    """`obj.<field>` in the active language: its `<field>_<language>` when not empty.

    `obj` is a model instance or a row from `.values()`; either must include the Spanish
    column when the page may be Spanish (a deferred one would cost a query per object).
    """
    language = get_language()
    if language and language != settings.LANGUAGE_CODE:
        local = _read(obj, f"{field}_{language}")
        if local:
            return local
    return _read(obj, field)


def in_language(path: str):
    """`path` (a field, or a lookup such as "pathway__name") in the active language, as an
    expression for `.values_list()` and `.order_by()`: its Spanish column unless empty."""
    language = get_language()
    if language and language != settings.LANGUAGE_CODE:
        return Coalesce(NullIf(F(f"{path}_{language}"), Value("")), F(path))
    return F(path)


def _read(obj, field: str) -> str:
    if isinstance(obj, dict):
        return obj.get(field) or ""
    return getattr(obj, field, "") or ""
