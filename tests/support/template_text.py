"""Find words in a Django template that a Spanish reader would get in English.

A template passes when everything it says in its own voice goes through a translation tag:
`{% translate "…" %}` or `{% blocktranslate %}…{% endblocktranslate %}`. What is checked:

- visible text (element content, including `<title>` and an inline chart's `<title>`/`<desc>`);
- attributes people read or hear: aria-label (and the other aria-* attributes that hold words),
  title, alt, placeholder, `<meta name="description" content>`, and `value` of
  `<input type="submit|button|reset">` (its label). A `<button>`'s value is not checked: it
  is sent, never shown, and is usually a value the code compares (its label is its content).

What is ignored: template tags, variables and comments (`{% comment %}` too), HTML comments,
the contents of `<script>` and `<style>`, other attributes (class, href, name, data-*, …),
and text with no letters (punctuation, numbers, entities such as `&middot;`), and the proper
names in ALLOWED_NAMES.

How: Django's own lexer splits the template; every tag or variable becomes a placeholder
character (a `{% blocktranslate %}` block with its whole body becomes one), newlines kept, so
Python's HTMLParser can read the rest as HTML and report real line numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from django.template.base import Lexer, TokenType

# Proper names a page may show untranslated. Keep it short: a name belongs here only if it
# is the same in every language.
ALLOWED_NAMES = (
    "Career Clusters",  # the site's name (the concept "career cluster" is translated)
    "O*NET OnLine",  # data sources and publishers keep their own names
    "O*NET",
    "BLS",
    "Advance CTE",
    "English",  # each language's name in its own language, in the language switch
    "Español",
)

# What a template tag or variable becomes: a private-use character (not a letter), padded
# so that one glued to a tag name (`<li{% if … %}`) does not become part of that name.
HOLE = " \ue000 "
BLOCK_TRANSLATE = {"blocktranslate": "endblocktranslate", "blocktrans": "endblocktrans"}
SKIPPED_ELEMENTS = {"script", "style"}
WORD_ATTRIBUTES = {
    "aria-label",
    "aria-description",
    "aria-roledescription",
    "aria-valuetext",
    "aria-placeholder",
    "title",
    "alt",
    "placeholder",
}
LABELLED_INPUTS = {"submit", "button", "reset"}

_LETTER = re.compile(r"[^\W\d_]")
_ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);")
_NAMES = re.compile(
    "|".join(rf"(?<!\w){re.escape(name)}(?!\w)" for name in sorted(ALLOWED_NAMES, key=len)[::-1])
)


@dataclass(frozen=True)
class Finding:
    line: int
    where: str  # "text", or the attribute and its element: 'aria-label on <nav>'
    text: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.where}: {self.text!r}"


def has_words(text: str) -> bool:
    """True when `text` still has a letter once placeholders, entities and names are gone."""
    text = _ENTITY.sub(" ", text.replace(HOLE.strip(), " "))
    return bool(_LETTER.search(_NAMES.sub(" ", text)))


def _tag_name(token) -> str:
    return token.contents.split(None, 1)[0] if token.contents.strip() else ""


def _as_html(source: str) -> str:
    """The template with every tag and variable replaced by HOLE, comments by nothing and
    every translated block, body and all, by one HOLE. Django's tags never span lines, so
    keeping the text tokens' newlines keeps every line where it was."""
    out: list[str] = []
    closing: str | None = None  # inside {% blocktranslate %} or {% comment %}: its end tag
    for token in Lexer(source).tokenize():
        kind = token.token_type
        name = _tag_name(token) if kind == TokenType.BLOCK else ""
        if closing is not None:  # only the newlines of what is inside
            if kind == TokenType.BLOCK and name == closing:
                closing = None
            elif kind == TokenType.TEXT:
                out.append("\n" * token.contents.count("\n"))
        elif kind == TokenType.TEXT:
            out.append(token.contents)
        elif kind == TokenType.COMMENT:
            continue
        elif kind == TokenType.BLOCK and name == "comment":
            closing = "endcomment"
        elif kind == TokenType.BLOCK and name in BLOCK_TRANSLATE:
            closing = BLOCK_TRANSLATE[name]
            out.append(HOLE)
        else:  # a variable or any other tag, {% translate %} included
            out.append(HOLE)
    return "".join(out)


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings: list[Finding] = []
        self._skipping = 0  # inside <script> or <style>

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_ELEMENTS:
            self._skipping += 1
        line = self.getpos()[0]
        raw = self.get_starttag_text() or ""
        attributes = dict(attrs)
        for name, value in attrs:
            if value is None or not self._reads(tag, name, attributes):
                continue
            if has_words(value):
                at = re.search(rf"\s{re.escape(name)}\s*=", raw, re.I)
                offset = raw[: at.start()].count("\n") if at else 0
                self.findings.append(Finding(line + offset, f"{name} on <{tag}>", _clean(value)))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in SKIPPED_ELEMENTS:
            self._skipping -= 1

    def handle_endtag(self, tag):
        if tag in SKIPPED_ELEMENTS and self._skipping:
            self._skipping -= 1

    def handle_data(self, data):
        if self._skipping or not has_words(data):
            return
        first = _LETTER.search(_NAMES.sub(lambda m: " " * len(m.group()), data))
        line = self.getpos()[0] + data[: first.start() if first else 0].count("\n")
        self.findings.append(Finding(line, "text", _clean(data)))

    @staticmethod
    def _reads(tag: str, name: str, attributes: dict) -> bool:
        if name in WORD_ATTRIBUTES:
            return True
        if tag == "meta" and name == "content":
            return (attributes.get("name") or "").lower() == "description"
        if tag == "input" and name == "value":
            return (attributes.get("type") or "").lower() in LABELLED_INPUTS
        return False


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace(HOLE.strip(), "…")).strip()


def untranslated(source: str) -> list[Finding]:
    """Every piece of text or readable attribute in `source` that is not translated."""
    reader = _Reader()
    reader.feed(_as_html(source))
    reader.close()
    return reader.findings


def check_template(path: Path, root: Path | None = None) -> list[str]:
    """`file:line: what` for each untranslated piece of the template at `path`."""
    name = path.relative_to(root) if root else path
    return [f"{name}:{f.line}: {f.where}: {f.text!r}" for f in untranslated(path.read_text())]
