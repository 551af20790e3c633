"""Our own words read at an 8th-grade level or below (Flesch-Kincaid grade, textstat), and
our Spanish is easy to read (Fernández-Huerta 70 or more: "bastante fácil", about 7th grade).

Covers what we write: the cluster and pathway descriptions in fixtures/authored, the quiz
statements, and the words in the student pages' templates. Imported O*NET and BLS text is
data with its source, not ours, so it is not measured.
"""

import csv
import re
from pathlib import Path

import polib
import pytest
import textstat

ROOT = Path(__file__).resolve().parent.parent
GRADE = 8
AUTHORED = [
    ROOT / "fixtures" / "authored" / name for name in ("national-2024.csv", "classic-16.csv")
]
SPANISH_EASE = 70  # Fernández-Huerta: 70-80 is "fairly easy", 60-70 "normal"
# The source lines credit each data set by its publisher's own name (a license requirement),
# so they are the one part of a page we do not word ourselves.
CREDIT_LINES = {"_source.html", "footer_sources.html", "_framework_credit.html"}
STUDENT_TEMPLATES = [
    path
    for folder in ("templates", "templates/includes", "clusters/templates/clusters",
                   "assessments/templates/assessments")
    for path in sorted((ROOT / folder).glob("*.html"))
    if path.name not in CREDIT_LINES
]  # fmt: skip


def grade(text: str) -> float:
    return textstat.flesch_kincaid_grade(text)


def descriptions(column: str = "description") -> list[tuple[str, str]]:
    found = []
    for path in AUTHORED:
        with path.open(newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                where = f"{path.stem}: {row['cluster']} / {row['pathway'] or '(cluster)'}"
                found.append((where, row[column]))
    return found


@pytest.fixture
def spanish():
    """textstat counts syllables for one language at a time: Spanish for this test only."""
    textstat.set_lang("es")
    yield textstat.fernandez_huerta
    textstat.set_lang("en_US")


def template_words(source: str) -> str:
    """The words a template shows: no comments, tags, variables or markup. A heading, a list
    item, a table cell or a label ends where its element ends, as a reader takes it."""
    source = re.sub(r"{% comment %}.*?{% endcomment %}|{#.*?#}", " ", source, flags=re.S)
    source = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", source, flags=re.S)
    # the English of {% translate "…" %} and {% blocktranslate %}…{% endblocktranslate %}
    source = re.sub(
        r"""{%\s*(?:translate|trans)\s+(["'])(.*?)\1.*?%}""", r" \2 ", source, flags=re.S
    )
    source = re.sub(r"{%\s*(?:end)?blocktrans(?:late)?\b.*?%}|{%\s*plural\s*%}", " ", source)
    source = re.sub(r"{%.*?%}|{{.*?}}", " ", source, flags=re.S)
    blocks = r"</(?:p|li|h[1-6]|th|td|dt|dd|legend|label|button|summary|caption|option|a)>"
    source = re.sub(blocks, ". ", source)
    source = re.sub(r"<[^>]+>", " ", source)
    source = re.sub(r"([.!?:;])\s*\.", r"\1", source)  # no doubled stops
    return re.sub(r"\s+", " ", source).strip()


@pytest.mark.parametrize(("where", "text"), descriptions(), ids=lambda v: v[:60])
def test_each_authored_description_reads_at_grade_8_or_below(where, text):
    assert grade(text) <= GRADE, f"{where} reads at grade {grade(text):.1f}: {text}"


def test_the_quiz_statements_read_at_grade_8_or_below():
    with (ROOT / "fixtures" / "assessments" / "items.csv").open(newline="") as f:
        statements = [row["text"].rstrip(".") + "." for row in csv.DictReader(f)]
    assert len(statements) >= 30
    assert grade(" ".join(statements)) <= GRADE


@pytest.mark.parametrize("path", STUDENT_TEMPLATES, ids=lambda p: p.name)
def test_the_words_on_student_pages_read_at_grade_8_or_below(path):
    words = template_words(path.read_text())
    if len(words.split()) < 30:  # too little text for a grade to mean anything
        pytest.skip("fewer than 30 words")
    assert grade(words) <= GRADE, f"{path.name} reads at grade {grade(words):.1f}"


def test_the_measure_tells_hard_text_from_easy_text():
    hard = (
        "Comprehensive occupational classification methodologies necessitate "
        "interdisciplinary collaboration among governmental statistical organizations."
    )
    assert grade(hard) > GRADE >= grade("You might fix a bike. You might help a friend.")


def test_every_spanish_description_and_statement_is_easy_to_read(spanish):
    with (ROOT / "fixtures" / "assessments" / "items.csv").open(newline="", encoding="utf-8") as f:
        statements = [(f"item {r['order']}", r["text_es"]) for r in csv.DictReader(f)]
    texts = descriptions("description_es") + statements
    assert len(texts) == 174 + 60 and all(text for _, text in texts)
    hard = [
        (where, round(spanish(text), 1)) for where, text in texts if spanish(text) < SPANISH_EASE
    ]
    assert not hard, f"below Fernández-Huerta {SPANISH_EASE}: {hard}"


def test_the_spanish_measure_tells_hard_text_from_easy_text(spanish):
    hard = (
        "La implementación de metodologías interdisciplinarias requiere colaboración "
        "institucional entre organizaciones gubernamentales especializadas."
    )
    assert (
        spanish(hard)
        < SPANISH_EASE
        <= spanish("Puedes arreglar una bici. Puedes ayudar a un amigo.")
    )


@pytest.mark.parametrize("catalogue", ["locale", "clusters/locale", "assessments/locale"])
def test_the_spanish_of_our_pages_is_easy_to_read(spanish, catalogue):
    """Every sentence of a catalogue (the Spanish of its templates and messages), read
    together like the page text above; markup and placeholders left out."""

    texts = []
    for entry in polib.pofile(str(ROOT / catalogue / "es" / "LC_MESSAGES" / "django.po")):
        forms = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for form in forms:
            text = re.sub(r"<[^>]+>|%\(\w+\)s|%%|\{\w*\}", " ", form).strip()
            if len(text.split()) >= 3:  # labels and names are not sentences
                texts.append(text if text.endswith((".", "?", "!", ":")) else text + ".")
    assert len(texts) > 30
    ease = spanish(" ".join(texts))
    assert ease >= SPANISH_EASE, f"{catalogue}: Fernández-Huerta {ease:.1f}"
