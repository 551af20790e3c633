"""What the results page says, in words that follow its numbers.

Plain functions, no database. The rules (also in the README, "Matching: how the quiz decides"):

- An area is called liked only when its score is above the middle of the scale
  (scoring.NEUTRAL, 4.0). Letters of the code that are not liked are described as the
  student's higher scores, never as likes.
- Tie notes: one sentence per group of equal scores that changes the code (scoring.tie_groups).
- A cluster's reason starts with what sets it apart from the other top clusters shown: one
  of its fitting careers' three main areas where they score higher than all (or most) of the
  others, the student's liked areas first; then the liked areas its careers share with the
  student. "You like" is said only of liked areas.
- Counts and examples are of the careers that fit within the education plan, the same ones
  the card lists; a career only weakly in a cluster is never among them (matching).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import get_language, gettext_lazy, ngettext, pgettext
from django.utils.translation import gettext as _

from assessments.matching import ClusterMatch
from assessments.scoring import AREA_LABELS, AREAS, TieGroup, liked_areas

# Our own words for each area, short enough to sit inside a sentence.
AREA_PHRASES = {
    "R": gettext_lazy("hands-on work"),
    "I": gettext_lazy("figuring things out"),
    "A": gettext_lazy("creating"),
    "S": gettext_lazy("helping people"),
    "E": gettext_lazy("leading and persuading"),
    "C": gettext_lazy("organizing and details"),
}
# What each area means, for 13-18 year olds (no claim that the student likes it).
AREA_MEANINGS = {
    "R": gettext_lazy(
        "building, fixing, growing things, using tools and machines, working outdoors or "
        "with animals."
    ),
    "I": gettext_lazy("asking why, solving puzzles, doing experiments, science and math."),
    "A": gettext_lazy("art, music, writing, design, acting, and coming up with your own ideas."),
    "S": gettext_lazy(
        "teaching, caring, listening, and working with others to make things better."
    ),
    "E": gettext_lazy("taking charge, selling ideas, starting projects and making decisions."),
    "C": gettext_lazy(
        "organizing things, working with numbers and records, and following clear steps to "
        "get details right."
    ),
}


def _and(first: str, last: str) -> str:
    """'first and last', in the page's language. Spanish writes "e", not "y", before a word
    that starts with the sound "i" ("Realista e Investigador"), but not before "hie"."""
    joined = pgettext("joining a list", "%(first)s and %(last)s") % {
        "first": first,
        "last": last,
    }
    if (get_language() or "").startswith("es") and re.match(r"(?i)h?[iíï](?!e)", last):
        joined = joined.replace(f"{first} y {last}", f"{first} e {last}")
    return joined


def join_words(words: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c' for short phrases of our own (never for career titles)."""
    words = [str(w) for w in words]
    if len(words) <= 1:
        return "".join(words)
    return _and(", ".join(words[:-1]), words[-1])


def join_titles(titles: Sequence[str]) -> str:
    """Career titles separated by semicolons, so titles with their own "and" or commas stay
    readable ("Coaches and Scouts; Athletes and Sports Competitors")."""
    return "; ".join(titles)


def _capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class CodeLetter:
    letter: str
    name: str
    score: float
    liked: bool
    sentence: str


def code_letters(*, profile: Mapping[str, float], code: str) -> list[CodeLetter]:
    """Each letter of the code with a sentence that says only what its score shows."""
    liked = set(liked_areas(profile=profile))
    letters = []
    for letter in code:
        phrase = str(AREA_PHRASES[letter])
        meaning = str(AREA_MEANINGS[letter])
        if letter in liked:
            sentence = _("You like %(phrase)s: %(meaning)s") % {
                "phrase": phrase,
                "meaning": meaning,
            }
        else:
            sentence = _(
                "%(phrase)s: %(meaning)s This is one of your higher scores. But it is not "
                "above the middle of the scale, so you did not say you like it."
            ) % {"phrase": _capfirst(phrase), "meaning": meaning}
        letters.append(
            CodeLetter(
                letter=letter,
                name=str(AREA_LABELS[letter]),
                score=profile[letter],
                liked=letter in liked,
                sentence=sentence,
            )
        )
    return letters


def tie_sentence(*, group: TieGroup, code: str) -> str:
    """One correct sentence for one group of equal scores that changes the code."""
    names = join_words([AREA_LABELS[a] for a in group.areas])
    score = f"{group.score:.1f}"
    if group.in_code == len(group.areas):
        letters = "".join(group.areas)
        return _(
            "%(names)s have the same score (%(score)s), so their letters could go in any "
            "order. We show %(letters)s, in the order R-I-A-S-E-C."
        ) % {"names": names, "score": score, "letters": letters}
    shown = [a for a in group.areas if a in code]
    left = [a for a in group.areas if a not in code]
    same = _("%(names)s have the same score (%(score)s).") % {"names": names, "score": score}
    room = ngettext(
        "Only one of them fits in your code, so we show %(shown)s (in the order R-I-A-S-E-C).",
        "Only %(count)s of them fit in your code, so we show %(shown)s (in the order "
        "R-I-A-S-E-C).",
        group.in_code,
    ) % {"count": group.in_code, "shown": join_words(shown)}
    others = ngettext("%(others)s is just as high.", "%(others)s are just as high.", len(left)) % {
        "others": join_words([AREA_LABELS[a] for a in left])
    }
    return f"{same} {room} {others}"


@dataclass(frozen=True)
class Reason:
    short: str  # the strongest reason, for the summary at the top
    sentence: str  # the reason in full, on the cluster's card
    areas: tuple[str, ...]  # the liked areas it names
    apart: tuple[str, ...]  # of those, the ones where this cluster is highest of the top


def _phrases(areas: Sequence[str]) -> str:
    return join_words([AREA_PHRASES[a] for a in areas])


def _apart_words(*, phrase: str, liked: bool, most: bool) -> tuple[str, str]:
    """(the short reason, the sentence) for the area that sets a cluster apart: one whole
    sentence for each case, so that every language can order its words its own way."""
    words = {"phrase": phrase}
    if most and liked:
        short = _("more %(phrase)s (which you like) than most of your other top clusters")
        sentence = _(
            "Its careers that fit you involve more %(phrase)s than most of your other top "
            "clusters do, and you like that."
        )
    elif most:
        short = _("more %(phrase)s than most of your other top clusters")
        sentence = _(
            "Its careers that fit you involve more %(phrase)s than most of your other top "
            "clusters do."
        )
    elif liked:
        short = _("more %(phrase)s (which you like) than your other top clusters")
        sentence = _(
            "Its careers that fit you involve more %(phrase)s than your other top clusters "
            "do, and you like that."
        )
    else:
        short = _("more %(phrase)s than your other top clusters")
        sentence = _(
            "Its careers that fit you involve more %(phrase)s than your other top clusters do."
        )
    return short % words, sentence % words


def cluster_reasons(
    *, clusters: Sequence[ClusterMatch], profile: Mapping[str, float]
) -> dict[int, Reason]:
    """Why each of the top clusters fits, by cluster id (see the module docstring).

    What sets a cluster apart: one of its careers' three main areas where they score higher
    than the careers of every other top cluster ("more X than your other top clusters"), or
    higher than most of them; the student's liked areas first. Then the liked areas its
    careers share with the student.
    """
    liked = liked_areas(profile=profile)
    top = [c for c in clusters if c.typical]
    reasons = {}
    for c in top:
        others = [o for o in top if o is not c]

        def margin(area, c=c, others=others):
            i = AREAS.index(area)
            return c.typical_scores[i] - max(o.typical_scores[i] for o in others)

        def beaten(area, c=c, others=others):
            i = AREAS.index(area)
            return sum(1 for o in others if o.typical_scores[i] < c.typical_scores[i])

        apart, most_others = None, False
        if others:
            order = sorted(c.typical, key=lambda a: (a not in liked, -margin(a)))
            ahead = [a for a in order if margin(a) > 0]
            most = [a for a in order if beaten(a) * 2 >= len(others) and beaten(a) > 0]
            if ahead:
                apart = ahead[0]
            elif most and len(others) > 1:
                apart, most_others = most[0], True
        shared = [a for a in liked if a in c.typical and a != apart]
        parts = []
        if apart:
            short, sentence = _apart_words(
                phrase=AREA_PHRASES[apart], liked=apart in liked, most=most_others
            )
            if apart not in liked and shared:  # for the student, the liked match comes first
                short = _("%(areas)s, which you like") % {"areas": _phrases(shared[:2])}
            parts.append(sentence)
            if shared:
                also = {"areas": _phrases(shared[:2])}
                if apart in liked:
                    parts.append(_("They also involve %(areas)s, which you like.") % also)
                else:
                    parts.append(_("They involve %(areas)s, which you like.") % also)
        elif shared:
            also = {"areas": _phrases(shared[:2])}
            short = _("%(areas)s, which you like") % also
            parts.append(_("Its careers that fit you involve %(areas)s, which you like.") % also)
        else:
            short = _("the same pattern of higher and lower scores as yours")
            parts.append(
                _(
                    "Its careers that fit you have the same pattern of higher and lower scores "
                    "as yours."
                )
            )
        named = tuple(a for a in (apart, *shared[:2]) if a and a in liked)
        reasons[c.cluster.id] = Reason(
            short=short,
            sentence=" ".join(parts),
            areas=named,
            apart=(apart,) if apart else (),
        )
    return reasons


def count_sentence(*, match: ClusterMatch, plan: int | None) -> str:
    """How many of its careers fit, within the plan: the same careers the card lists."""
    n = match.fitting_count
    if n == 0:
        return _(
            "None of its careers that fit you suit this education plan. "
            "Try “Any amount of education or training”."
        )
    if plan:
        sentence = ngettext(
            "%(count)s career here fits you within your education plan.",
            "%(count)s careers here fit you within your education plan.",
            n,
        ) % {"count": n}
    else:
        sentence = ngettext(
            "%(count)s career here fits you.", "%(count)s careers here fit you.", n
        ) % {"count": n}
    listed = len(match.occupations)
    if n > 1 and listed < n:
        sentence += " " + _("Here are the %(count)s best.") % {"count": listed}
    return sentence
