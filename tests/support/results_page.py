"""Reading a results page as text: its sentences, its cluster cards and the careers listed."""

import html as html_module
import re


def text(markup: str) -> str:
    """The words a student reads; a heading, paragraph or list item ends with "¦" so that a
    cluster's name ("Helping People") never runs into the sentence after it."""
    markup = re.sub(r"</(h[1-6]|p|li|dt|dd|summary|caption|th|td)>", " ¦ ", markup)
    plain = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markup))
    return html_module.unescape(plain).replace(" .", ".").replace(" ,", ",")


def sentences(plain: str) -> list[str]:
    parts = re.split(r"(?<=[.!?:;])\s+|\s*¦\s*", plain)
    return [s for s in parts if s.strip()]


def cards(page: str) -> list[str]:
    start = r'<li class="card cluster-match"[^>]*>'
    return re.findall(rf"{start}(.*?)</li>\s*(?={start}|</ol>)", page, re.S)


def listed_careers(card: str) -> list[str]:
    """The fit label of each career listed under "Careers here that fit you"."""
    if "Careers here that fit you" not in card:
        return []
    part = card.split("Careers here that fit you", 1)[1]
    return [label.strip() for label in re.findall(r'<span class="fit[^"]*">([^<]+)<', part)]
