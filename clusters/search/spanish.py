"""How the search reads Spanish: a light stemmer, small words and student words (`SPANISH`).

Words are normalised as in English first (lower case, accents dropped: "médico" -> "medico",
"niños" -> "ninos"), so accents are optional in queries and in our titles alike.

`stem_es` folds gender and number, and a few endings that name the same trade:
- plural: "-s" ("enfermeras" -> "enfermera", "doctores" -> "doctore"), not after i/u
  ("análisis", "autobús"); then a final -a/-e/-o goes ("enfermer", "doctor"), so
  enfermero, enfermera, enfermeros and enfermeras all share "enfermer";
- "-z" as "-c" (juez/jueces, actriz/actrices -> "juec", "actric");
- the trade and its worker: "-ería" -> "-er" (enfermería, panadería, plomería);
- the verb and its worker: "-ador/-idor" and the infinitive "-ar/-ir" go (programar,
  programador, programadora -> "program"; cuidar, cuidador -> "cuid"), when 4+ letters stay.
  "-er" verbs keep their ending ("vender", "vendedor" -> "vender") so that "-ero" workers
  (cocinero -> "cociner", bombero -> "bomber") do not fall in with "cocina" or "bomba".

English words pass through it too (the Spanish index also holds the English titles): it
only takes plurals off them ("nurses" -> "nurs", like "nurse").
"""

from __future__ import annotations

import functools
import re

from clusters.search.words import STOPWORDS, SYNONYMS, Language, normalise

_VOWEL_END = ("a", "e", "o")


@functools.lru_cache(maxsize=200_000)
def stem_es(word: str) -> str:
    """The rough root Spanish word forms share (input already normalised: no accents)."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("s") and word[-2] not in "iu" and len(word) > 4:
        word = word[:-1]
    if word.endswith("eria") and len(word) >= 8:
        return word[:-2]  # enfermeria -> enfermer (the -ero/-era worker's root)
    if word.endswith(_VOWEL_END) and len(word) > 4:
        word = word[:-1]
    if word.endswith("z"):
        word = word[:-1] + "c"
    if word.endswith(("ador", "idor")) and len(word) >= 8:
        return word[:-4]
    if word.endswith("edor") and len(word) >= 8:
        return word[:-4] + "er"  # vendedor -> vender
    if word.endswith(("ar", "ir")) and len(word) >= 6:
        return word[:-2]
    return word


# Small words of Spanish job searches ("quiero trabajar con animales" -> animales), in
# normalised form, with the English ones (English queries work on Spanish pages too).
STOPWORDS_ES = STOPWORDS | frozenset(
    [
        "a", "al", "algo", "alguien", "aprender", "ayudar", "bien", "bueno", "buena", "carrera",
        "carreras", "como", "con", "cosa", "cosas", "cual", "de", "del", "donde", "e", "el",
        "ella", "ellos", "empleo", "empleos", "en", "encanta", "encantan", "encantaria", "entre",
        "es", "esta", "estar", "este", "esto", "estudiar", "gente", "gusta", "gustan",
        "gustaria", "hacer", "hago", "la", "las", "le", "les", "lo", "los", "mas", "me", "mi",
        "mis", "mucho", "muchos", "muy", "o", "ocupacion", "ocupaciones", "para", "pero",
        "persona", "personas", "por", "profesion", "que", "quiero", "quisiera", "se", "ser",
        "si", "sin", "sobre", "su", "sus", "te", "tener", "tipo", "trabajar", "trabajo",
        "trabajos", "u", "un", "una", "unas", "uno", "unos", "y", "yo",
    ]
)  # fmt: skip

# Student words -> words our Spanish titles and search words use (or the English titles,
# which the Spanish index also holds). Written by us; accents are dropped when loaded.
_SYNONYMS_ES: dict[str, tuple[str, ...]] = {
    "carro": ("automotriz", "automóvil", "vehículo", "carro", "car"),
    "carros": ("automotriz", "automóvil", "vehículo", "carro", "car"),
    "coche": ("automotriz", "automóvil", "vehículo", "car"),
    "coches": ("automotriz", "automóvil", "vehículo", "car"),
    "auto": ("automotriz", "automóvil", "vehículo", "car"),
    "autos": ("automotriz", "automóvil", "vehículo", "car"),
    "niño": ("niño", "infantil", "child"),
    "niños": ("niño", "infantil", "child"),
    "niña": ("niño", "infantil", "child"),
    "niñas": ("niño", "infantil", "child"),
    "bebé": ("bebé", "infantil", "infant"),
    "bebés": ("bebé", "infantil", "infant"),
    "doctor": ("médico", "doctor", "physician"),
    "doctora": ("médico", "doctor", "physician"),
    "doctores": ("médico", "doctor", "physician"),
    "doctoras": ("médico", "doctor", "physician"),
    "dr": ("médico", "doctor", "physician"),
    "poli": ("policía",),
    "compu": ("computadora",),
    "computador": ("computadora",),
    "ordenador": ("computadora",),
    "ordenadores": ("computadora",),
    "arreglar": ("reparador", "reparación", "mecánico", "arreglar", "repair"),
    "reparar": ("reparador", "reparación", "mecánico", "reparar", "repair"),
    "cuidar": ("cuidado", "cuidador", "cuidar", "care"),
    "enseñar": ("maestro", "profesor", "enseñanza", "teacher"),
    "dibujar": ("dibujante", "ilustrador", "dibujo", "illustrator"),
    "juegos": ("videojuego", "juego", "game"),
    "ropa": ("ropa", "moda", "costura", "clothing"),
    "pelo": ("pelo", "cabello", "peluquero", "estilista", "hair"),
    "cabello": ("pelo", "cabello", "peluquero", "estilista", "hair"),
    "casa": ("casa", "vivienda", "residencial", "construcción"),
    "casas": ("casa", "vivienda", "residencial", "construcción"),
    "construir": ("construcción", "constructor", "construir"),
    "dinero": ("dinero", "finanzas", "financiero"),
    "manejar": ("conductor", "chofer", "manejar"),
    "conducir": ("conductor", "chofer", "conducir"),
    "chofer": ("conductor", "chofer"),
    "choferes": ("conductor", "chofer"),
    "avion": ("avión", "aeronave", "piloto"),
    "aviones": ("avión", "aeronave", "piloto"),
    "volar": ("piloto", "vuelo", "aviación"),
    "ejercito": ("ejército", "militar", "infantería"),
    "soldado": ("soldado", "militar", "infantería"),
    "soldados": ("soldado", "militar", "infantería"),
    "sentimientos": ("salud mental", "consejero", "terapeuta"),
    "mascotas": ("mascota", "animal"),
    "campesino": ("agricultor", "granjero", "agrícola"),
    "campesinos": ("agricultor", "granjero", "agrícola"),
    "camarero": ("mesero", "camarero"),
    "camarera": ("mesero", "camarero"),
    "profe": ("maestro", "profesor"),
    "plantas": ("planta", "jardinería", "vivero", "invernadero", "cultivo"),
    "flores": ("flor", "florista", "floral", "jardinería"),
    "fotos": ("foto", "fotografía", "fotógrafo"),
    "web": ("web", "sitio web", "página web"),
}


def _normalised(synonyms: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    return {
        normalise(key): tuple(dict.fromkeys(normalise(w) for w in words))
        for key, words in synonyms.items()
    }


def _merged(*tables: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    merged: dict[str, tuple[str, ...]] = {}
    for table in tables:
        for key, words in table.items():
            merged[key] = tuple(dict.fromkeys((*merged.get(key, ()), *words)))
    return merged


SYNONYMS_ES = _merged(SYNONYMS, _normalised(_SYNONYMS_ES))

SPANISH = Language(
    code="es",
    stem=stem_es,
    singular=stem_es,  # whole titles match across gender and number too
    synonyms=SYNONYMS_ES,
    stopwords=STOPWORDS_ES,
    joiners=re.compile(r"\by\b|\be\b|\band\b|/"),
    title_field="title_es",
    also_title_fields=("title",),
    keywords_field="keywords_es",
    own_synonyms=frozenset(_normalised(_SYNONYMS_ES)),
)
