"""Every student-facing template says its words through translation tags (tests/support/
template_text.py), and the checker itself finds what it should and only that."""

from pathlib import Path

import pytest

from tests.support.template_text import ALLOWED_NAMES, check_template, has_words, untranslated

ROOT = Path(__file__).resolve().parent.parent
APPS = ("clusters", "assessments")


def student_templates() -> list[Path]:
    """All templates students see: the project's (not the admin's) and the two apps'."""
    templates = ROOT / "templates"
    admin = templates / "admin"
    project = [p for p in templates.rglob("*.html") if not p.is_relative_to(admin)]
    apps = [p for app in APPS for p in (ROOT / app / "templates").rglob("*.html")]
    return sorted(project) + sorted(apps)


def test_the_templates_are_found():
    names = {str(p.relative_to(ROOT)) for p in student_templates()}
    assert {"templates/base.html", "templates/home.html", "templates/404.html"} <= names
    assert any(n.startswith("clusters/templates/") for n in names)
    assert any(n.startswith("assessments/templates/") for n in names)
    assert not any(n.startswith("templates/admin/") for n in names)


@pytest.mark.parametrize("path", student_templates(), ids=lambda p: str(p.relative_to(ROOT)))
def test_template_has_no_untranslated_words(path):
    problems = check_template(path, ROOT)
    assert not problems, "untranslated words:\n" + "\n".join(problems)


# The checker's own tests: small templates that must fail, and ones that must pass.


def found(source: str) -> list[tuple[int, str]]:
    return [(f.line, f.where) for f in untranslated(source)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<p>Hello</p>", [(1, "text")]),
        ("{% load i18n %}\n<h1>{% translate 'Hi' %}</h1>\n<p>Not this one</p>", [(3, "text")]),
        ("<p>\n\n  Find careers\n</p>", [(3, "text")]),  # the line of the first word
        ('<nav aria-label="Main">', [(1, "aria-label on <nav>")]),
        ('<a href="/" title="Go home">{% translate "Home" %}</a>', [(1, "title on <a>")]),
        ('<img src="x.png" alt="A chart">', [(1, "alt on <img>")]),
        ('<input type="search" placeholder="nurse">', [(1, "placeholder on <input>")]),
        ('<input type="submit" value="Search">', [(1, "value on <input>")]),
        ('<input\n  type="button"\n  value="Print">', [(3, "value on <input>")]),
        ('<meta name="description" content="Find careers">', [(1, "content on <meta>")]),
        ("<title>{% block title %}Quiz{% endblock %}</title>", [(1, "text")]),
        ("<svg><title>Your scores</title><desc>Six bars</desc></svg>", [(1, "text"), (1, "text")]),
        ("{{ count }} careers", [(1, "text")]),  # words beside a variable
        ("{% if x %}Saved{% else %}{% translate 'Save' %}{% endif %}", [(1, "text")]),
        ('<li{% if on %} class="on"{% endif %}>Quiz</li>', [(1, "text")]),
        ("<p>Career Clusters rocks</p>", [(1, "text")]),  # a name is allowed, not its sentence
        (
            "{% translate 'A' %}\n{% blocktranslate %}B {{ x }}{% endblocktranslate %}\nC",
            [(3, "text")],
        ),
    ],
)
def test_the_checker_finds_untranslated_words(source, expected):
    assert found(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        '{% load i18n %}<p>{% translate "Find careers that fit you" %}</p>',
        "<p>{% blocktranslate trimmed with name=cluster.name %}\n  Jobs in {{ name }}\n"
        "{% endblocktranslate %}</p>",
        "{% blocktranslate count n=items|length %}One{% plural %}{{ n }}{% endblocktranslate %}",
        "{% blocktrans %}Old spelling{% endblocktrans %} {% trans 'Old' %}",
        "<h2>{{ cluster.name }}</h2><p>{{ occupation.title|lower }}</p>",  # data, not our words
        "{# a note for us #}<p>{% comment %}Not shown at all{% endcomment %}</p>",
        "<!-- an HTML comment --><p>&middot; &nbsp; &#8212; &amp;</p>",
        "<p>(42) · 3.5 — 10%: $59,190 / ✓</p>",  # punctuation and numbers
        "<script>const message = 'Hello';</script><style>p::before { content: 'Hi'; }</style>",
        '<a class="button big" href="/quiz/#short" data-thing="words here" id="hero">…</a>',
        '<button type="submit" name="action" value="save">{% translate "Save" %}</button>',
        '<input type="hidden" name="next" value="/es/clusters/">',
        '<meta name="theme-color" content="#083d6d">',
        '<meta name="htmx-config" content=\'{"allowEval": false}\'>',
        '<nav aria-label="{% translate "Main" %}"><img alt="" src="x.svg"></nav>',
        '<a title="{% blocktranslate with n=name %}About {{ n }}{% endblocktranslate %}"></a>',
        "<title>{% block title %}Career Clusters{% endblock %} · Career Clusters</title>",
        "<p>O*NET 28.3 · BLS · Advance CTE · O*NET OnLine</p>",
        '<button lang="es"><span aria-hidden="true">Español</span></button> English',
    ],
)
def test_the_checker_passes_translated_templates(source):
    assert found(source) == []


def test_allowed_names_are_few_and_only_whole_names():
    assert len(ALLOWED_NAMES) <= 10
    assert not has_words("Career Clusters")
    assert has_words("Career")  # a word of a name is still a word
    assert has_words("Clusters of careers")
    assert has_words("BLSx")  # only the whole name


def test_a_file_is_named_with_its_line(tmp_path):
    template = tmp_path / "page.html"
    template.write_text("{% load i18n %}\n<p>{% translate 'Ok' %}</p>\n<p>Oops</p>\n")
    assert check_template(template, tmp_path) == ["page.html:3: text: 'Oops'"]
