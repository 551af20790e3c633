"""The six RIASEC interest areas (Holland's codes), named as O*NET names them.

Plain Python (no Django), so the quiz's scoring can use it too.
"""

RIASEC = "RIASEC"
RIASEC_NAMES = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}


def scores_of(obj) -> dict[str, float | None]:
    """{letter: score} from a model with one field per area (realistic, investigative, ...)."""
    return {letter: getattr(obj, name.lower()) for letter, name in RIASEC_NAMES.items()}
