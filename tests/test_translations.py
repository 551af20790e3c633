"""Our Spanish catalogues are complete, keep every placeholder, and ship a current .mo.

Which catalogues: every directory in LOCALE_PATHS (the project's locale/, for templates/ and
core) and the locale/ of each of our apps that has templates of its own (clusters,
assessments), whether or not it exists yet: a missing catalogue fails here, it is never
skipped. Each in every language of LANGUAGES but the default (English, the msgids).
"""

import re
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
APPS_WITH_CATALOGUES = {"clusters", "assessments"}  # checked below: they must be among them


def translations() -> list[str]:
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def catalogue_dirs() -> list[Path]:
    """Our locale directories: LOCALE_PATHS, and each of our own apps with templates (or
    already with a locale/). Django's and other packages' apps are not ours."""
    found = {Path(p).resolve() for p in settings.LOCALE_PATHS}
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if not path.is_relative_to(ROOT) or path.is_relative_to(ROOT / ".venv"):
            continue
        if (path / "templates").is_dir() or (path / "locale").is_dir():
            found.add(path / "locale")
    return sorted(found)


CATALOGUES = [
    (directory, language) for directory in catalogue_dirs() for language in translations()
]


def _id(value) -> str:
    return str(value.relative_to(ROOT)) if isinstance(value, Path) else str(value)


def po_path(directory: Path, language: str) -> Path:
    return directory / language / "LC_MESSAGES" / "django.po"


def load(directory: Path, language: str) -> polib.POFile:
    path = po_path(directory, language)
    if not path.is_file():
        pytest.fail(
            f"no catalogue at {path.relative_to(ROOT)}: run makemessages -l {language} "
            "(see the Spanish brief) and translate it"
        )
    return polib.pofile(str(path))


def entries(catalogue) -> list:
    return [e for e in catalogue if not e.obsolete and e.msgid]


def where(entry) -> str:
    place = ", ".join(f"{f}:{n}" for f, n in entry.occurrences[:2])
    context = f" [{entry.msgctxt}]" if entry.msgctxt else ""
    return f"{entry.msgid[:70]!r}{context} ({place})"


# --- placeholders -------------------------------------------------------------------------

_PERCENT = re.compile(
    r"%%|%(?:\((?P<name>[^)]+)\))?[#0 +\-]*(?:\*|\d+)?(?:\.\d+)?(?P<kind>[a-zA-Z])"
)
_BRACE = re.compile(r"\{\{|\}\}|\{(?P<field>[A-Za-z_]\w*|\d*)(?:[!:][^{}]*)?\}")


def placeholders(text: str, flags) -> list[str]:
    """The placeholders of `text`, sorted: %(name)s and %s for python-format strings (which
    xgettext flags), {name} and {} wherever they appear."""
    found = []
    if "python-format" in flags:
        for m in _PERCENT.finditer(text):
            if m.group() != "%%":
                found.append(f"%({m['name']}){m['kind']}" if m["name"] else f"%{m['kind']}")
    for m in _BRACE.finditer(text):
        if m.group() not in ("{{", "}}"):
            found.append("{" + m["field"] + "}")
    return sorted(found)


def translated_forms(entry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


# --- tests ----------------------------------------------------------------------------------


def test_the_catalogues_are_ours_and_all_there():
    dirs = {_id(d) for d in catalogue_dirs()}
    assert "locale" in dirs
    assert {f"{app}/locale" for app in APPS_WITH_CATALOGUES} <= dirs
    assert not any(".venv" in d or "site-packages" in d for d in dirs)
    assert translations() == ["es"]


@pytest.mark.parametrize(("directory", "language"), CATALOGUES, ids=_id)
def test_catalogue_is_fully_translated(directory, language):
    catalogue = load(directory, language)
    assert entries(catalogue), f"{_id(directory)}: the catalogue has no messages"
    assert not catalogue.metadata_is_fuzzy, "the header is marked fuzzy: remove '#, fuzzy'"
    assert catalogue.metadata.get("Language") == language
    untranslated = [where(e) for e in catalogue.untranslated_entries() if not e.obsolete]
    assert not untranslated, "untranslated:\n" + "\n".join(untranslated)
    fuzzy = [where(e) for e in catalogue.fuzzy_entries()]
    assert not fuzzy, "fuzzy (check them and remove the flag):\n" + "\n".join(fuzzy)


@pytest.mark.parametrize(("directory", "language"), CATALOGUES, ids=_id)
def test_translations_keep_every_placeholder(directory, language):
    wrong = []
    for entry in entries(load(directory, language)):
        expected = placeholders(entry.msgid, entry.flags)
        required = set(expected)
        if entry.msgid_plural:
            # A form may leave out what one English form leaves out ("Only one of them" has
            # no %(count)s), never what both have; and it may use what either has.
            plural = placeholders(entry.msgid_plural, entry.flags)
            required &= set(plural)
            expected = sorted(set(expected) | set(plural))
        for form in translated_forms(entry):
            if not form:
                continue  # reported as untranslated
            got = placeholders(form, entry.flags)
            missing = sorted(required - set(got))
            unknown = sorted(set(got) - set(expected))  # would fail when formatted
            positional = [p for p in set(expected) if p in ("%s", "%d", "{}")]
            miscounted = [p for p in positional if got.count(p) != expected.count(p)]
            if missing or unknown or miscounted:
                wrong.append(
                    f"{where(entry)}: missing {missing}, unknown {unknown}, "
                    f"miscounted {miscounted}: {form!r}"
                )
    assert not wrong, "placeholders:\n" + "\n".join(wrong)


@pytest.mark.parametrize(("directory", "language"), CATALOGUES, ids=_id)
def test_shipped_mo_is_current(directory, language):
    catalogue = load(directory, language)
    mo = po_path(directory, language).with_suffix(".mo")
    assert mo.is_file(), f"no {_id(mo)}: run compilemessages -l {language}"

    def pairs(messages) -> dict:
        return {
            (e.msgctxt or None, e.msgid, e.msgid_plural or None): tuple(translated_forms(e))
            for e in entries(messages)
            # msgfmt leaves out what is untranslated or fuzzy; a .mo holds only the rest
            if isinstance(e, polib.MOEntry) or (e.translated() and "fuzzy" not in e.flags)
        }

    shipped, source = pairs(polib.mofile(str(mo))), pairs(catalogue)
    stale = sorted(
        str(key[1])[:70]
        for key in set(shipped) | set(source)
        if shipped.get(key) != source.get(key)
    )
    assert not stale, f"{_id(mo)} is not compiled from the .po (compilemessages):\n" + "\n".join(
        stale
    )


# --- the helpers' own checks ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flags", "expected"),
    [
        ("Take the %(minutes)s-minute quiz", ["python-format"], ["%(minutes)s"]),
        ("%s of %s answered, 100%% sure", ["python-format"], ["%s", "%s"]),
        ("%(count)d careers", ["python-format"], ["%(count)d"]),
        ("{count} careers in {name}", [], ["{count}", "{name}"]),
        ("Save 100% now", [], []),  # no python-format flag: a plain percent sign
        ("{{ literal braces }}", [], []),
    ],
)
def test_placeholders_are_found(text, flags, expected):
    assert placeholders(text, flags) == sorted(expected)


@pytest.mark.parametrize("language", translations())
def test_a_message_in_several_catalogues_reads_the_same_in_each(language):
    """Django uses one translation per message for the whole site (LOCALE_PATHS first, then
    the apps in order), so two catalogues that disagree would show one page's words on the
    other's."""
    found: dict[tuple, dict[str, list[str]]] = {}
    for directory in catalogue_dirs():
        for entry in entries(load(directory, language)):
            key = (entry.msgctxt, entry.msgid, entry.msgid_plural)
            found.setdefault(key, {})[_id(directory)] = translated_forms(entry)
    differ = [
        f"{key[1][:60]!r}: {by_catalogue}"
        for key, by_catalogue in found.items()
        if len({tuple(forms) for forms in by_catalogue.values()}) > 1
    ]
    assert not differ, "translated differently:\n" + "\n".join(differ)
