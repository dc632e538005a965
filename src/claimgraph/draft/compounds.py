"""Figures written as compound adjectives, for :mod:`.figures`: a count before a singular noun ("the
nine-party opposition bloc" counts 9 parties, "the new 150-seat parliament" 150 seats, "a 3,000-strong
crowd" 3,000 people, "a two-goal lead"), a duration that is the claim ("a four-year fraud trial
backlog": 4 years; never "a 10-year study", which only dates its figures) and a parent's children
("a married father-of-two": 2 children). The compound is the printed figure.
"""
import re
from decimal import Decimal

from .numbers import UNITS_1, WORD, Figure, words_value

#: Nouns after which the hyphen makes no count: durations and ages (:mod:`.skips`), units of measure
#: (:mod:`.measures`), money, ratings, and words that are no nouns ("one-off", "two-way").
_NOT_COUNTED = set("""year month week day hour minute second decade century night old time times fold odd plus digit
percent per cent star way off on up sided thirds third quarter quarters half fifths tenths point-five term
mile kilometre kilometer metre meter foot inch yard acre hectare tonne ton pound dollar euro degree litre liter
gallon barrel carat megawatt gigawatt kilowatt gram kilogram ounce magnitude hundred thousand million billion trillion
dozen""".split()) | set(UNITS_1.split("|"))
_IRREGULAR = {"man": "men", "woman": "women", "child": "children", "person": "people", "foot": "feet"}
#: What a duration compound heads when it is the claim: how long a wait, a sentence or a ban is.
_CLAIM_HEADS = ("backlog|backlogs|delay|delays|wait|waits|waiting|gap|sentence|sentences|ban|bans|suspension|"
                "drought|hiatus|absence|freeze|moratorium|stint|contract|deal|lease|tenure|extension|jail term|"
                "prison term")
_DURATIONS = "year|month|week|day|decade"
COMPOUND = re.compile(rf"(?<![\w/.,:$€£-])(?P<n>\d[\d,]*|{WORD})-(?P<noun>[a-z]+)(?=[\s,.;:)]|[\u2019'](?![a-z])|$)",
                      re.IGNORECASE)
PARENT = re.compile(rf"\b(?:father|mother|mum|mom|dad|parent)[- ]of[- ](?P<n>\d+|{WORD})\b", re.IGNORECASE)


def _plural(noun: str) -> str:
    noun = noun.lower()
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    if re.search(r"(?:s|x|z|ch|sh)$", noun):
        return noun + "es"
    return noun + "s"


def find_compounds(text: str) -> list[Figure]:
    """Every count, claimed duration and number of children ``text`` writes as a compound adjective."""
    out = []
    for m in COMPOUND.finditer(text):
        noun = m.group("noun").lower()
        if m.group("n").lower() == "one" or noun.endswith("ed") or noun in _NOT_COUNTED - set(_DURATIONS.split("|")):
            continue
        value = words_value(m.group("n")) if not m.group("n")[0].isdigit() else Decimal(m.group("n").replace(",", ""))
        if value is None:
            continue
        if noun in _DURATIONS.split("|"):
            # "a four-year fraud trial backlog" is how long; "a 10-year study" only dates what it found
            if not re.match(rf"(?:\s+[a-z-]+){{0,3}}?\s+(?:{_CLAIM_HEADS})\b", text[m.end():m.end() + 60], re.IGNORECASE):
                continue
            unit = noun + "s"
        elif noun == "strong":
            unit = "people"
        else:
            unit = _plural(noun)
        out.append(Figure(m.start(), m.end(), m.start(), m.end(), value=value, unit=unit, named=True))
    for m in PARENT.finditer(text):
        value = words_value(m.group("n")) if not m.group("n").isdigit() else Decimal(m.group("n"))
        if value is not None:
            out.append(Figure(m.start(), m.end(), m.start("n"), m.end("n"), value=value, unit="children", named=True))
    return sorted(out, key=lambda f: f.start)
