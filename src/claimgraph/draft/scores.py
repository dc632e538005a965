"""Scores and records of sport, for :mod:`.figures`: two counts printed as one ("a 2-1 victory",
"defeated Port United 2-1", "poised at 1-1", "Crystal Palace 1-1 Arsenal", a results line "Arsenal 2
Wolves 1") and a record of wins ("four wins from four matches", "five wins in their last six league
outings", "a 10-2 record"). Each count is a figure of its own with the printed score as its
``as_printed`` (the dev corpus: "2-1" is 2 goals and 1 goal).

A pair of numbers joined by a hyphen is a score only where the words around it say so: a verb of
winning or losing before it, a noun of a result after it, a level score ("at 1-1"), team names on
both sides, or a sentence about a match with no unit after the pair (never "4-5 percent", "aged 16-18").
"""
import re
from decimal import Decimal

from .numbers import WORD, Figure, words_value
from .text import sentence_around

SCORE = re.compile(r"(?<![\w.,/$€£-])(\d{1,3})[-–](\d{1,3})(?![\w%/-]|[.,]\d)")
_AFTER = re.compile(r"^\s+(?:(?:home|away|league|cup|first-leg|second-leg|aggregate|extra-time|penalty)\s+)?"
                    r"(?:victory|victories|win|wins|defeat|defeats|loss|losses|draw|draws|lead|triumph|thrashing|"
                    r"drubbing|scoreline|result|success|reverse|up|down|ahead|behind|on aggregate|on penalties|"
                    r"in (?:extra time|the final|the semi-?final|penalties)|at (?:half[- ]time|full[- ]time|the break)|"
                    r"record)\b", re.IGNORECASE)
_BEFORE = re.compile(r"\b(?:won|win|wins|winning|beat|beats|beaten|beating|defeated|defeats|defeating|edged|edge|"
                     r"edges|thrashed|thrash|hammered|routed|crushed|downed|overcame|lost|lose|loses|losing|drew|draw|"
                     r"draws|trailed|trailing|trail|led|leads|leading|score|scoreline|ended|finished|finishing|"
                     r"record of|went)\s+(?:[\w'\u2019-]+\s+){0,4}$"
                     r"|\b(?:poised|level|levelled|leveled|tied|locked|square|deadlocked|stood|stands)\s+at\s+$",
                     re.IGNORECASE)
#: Words of a sentence about a match: a bare pair there with no unit after it is its score.
_MATCH = re.compile(r"\b(?:match|game|goals?|scored|scorer|scoring|victory|defeat|league|cup|fixture|half[- ]time|"
                    r"full[- ]time|final whistle|kick-off|minutes?|striker|midfielder|goalkeeper|keeper|penalty|"
                    r"equaliser|equalizer|winner|innings|wickets?|tries|touchdowns?|set|sets|tie-break|"
                    r"quarter-final|semi-final|derby|clash|season)\b", re.IGNORECASE)
#: What a number after the pair counts makes it no score: "4-5 percent", "16-18 year olds", "3-4 days".
_UNIT_AFTER = re.compile(r"^\s*(?:%|per ?cent|percent|[a-z]+s\b|year|month|week|day|hour|minute|-)", re.IGNORECASE)
#: "Arsenal 2 Wolves 1", a results line: two teams, each with its goals.
_RESULT = re.compile(r"^(?P<a>[A-Z][\w.'\u2019&-]*(?: [A-Z&][\w.'\u2019&-]*){0,3}) (?P<x>\d{1,3}),? "
                     r"(?P<b>[A-Z][\w.'\u2019&-]*(?: [A-Z&][\w.'\u2019&-]*){0,3}) (?P<y>\d{1,3})$", re.MULTILINE)
#: "four wins from four (matches)", "five wins in their last six league outings", "ten goals in 12 games".
_RECORD = re.compile(rf"\b(?P<a>\d{{1,3}}|{WORD})[ \t]+(?P<what>wins|victories|draws|defeats|losses|goals|tries|clean sheets|"
                     rf"points)[ \t]+(?:from|in|out of)[ \t]+(?:(?:their|his|her|its|the)[ \t]+)?(?:last[ \t]+|first[ \t]+)?"
                     rf"(?P<b>\d{{1,3}}|{WORD})\b(?:[ \t]+(?P<of>(?:[a-z]+[ \t]+)?(?:matches|games|outings|starts|fixtures|"
                     r"appearances|races|attempts|rounds|meetings)))?", re.IGNORECASE)


def _goals(a: int, b: int) -> str:
    return "goals" if max(a, b) <= 15 else "points"


def find_scores(text: str, dates: list[tuple[int, int]]) -> list[Figure]:
    """Every score and record of wins of ``text``: two figures each, in order of position."""
    out: list[Figure] = []
    for m in SCORE.finditer(text):
        a, b = m.span()
        if any(x <= a < y for x, y in dates):
            continue
        sentence = text[slice(*sentence_around(text, a, b))]
        teams = re.search(r"[A-Z][\w'\u2019]+\s+$", text[max(0, a - 30):a]) and re.match(r"^\s+[A-Z]", text[b:b + 3])
        if re.match(r"\s*(?:%|per ?cent\b|percent\b|pct\b|(?:years?|months?|weeks?|days?|hours?|minutes?)\b)", text[b:b + 12],
                    re.IGNORECASE):
            continue  # "4-5 percent", "3-4 days": a range
        if _AFTER.match(text[b:b + 30]) or _BEFORE.search(text[max(0, a - 60):a]) or teams or \
                (_MATCH.search(sentence) and not _UNIT_AFTER.match(text[b:b + 12])
                 and not re.search(r"\b(?:aged?|ages|between|from)\s+$", text[max(0, a - 10):a], re.IGNORECASE)):
            x, y = int(m.group(1)), int(m.group(2))
            record = re.search(r"\brecord\b", text[max(0, a - 15):b + 10], re.IGNORECASE)
            units = ("wins", "losses") if record else (_goals(x, y), _goals(x, y))
            out += [Figure(a, b, a, b, value=Decimal(x), unit=units[0]), Figure(a, b, a, b, value=Decimal(y), unit=units[1])]
    for m in _RESULT.finditer(text):
        if re.search(r"[.!?]$", m.group(0)) or any(f.start <= m.start("x") < f.end for f in out):
            continue
        x, y = int(m.group("x")), int(m.group("y"))
        for g in ("x", "y"):
            out.append(Figure(m.start(g), m.end(g), m.start(g), m.end(g), value=Decimal(m.group(g)), unit=_goals(x, y)))
    for m in _RECORD.finditer(text):
        a, b = words_value(m.group("a")), words_value(m.group("b"))
        if a is None or b is None or a > b:
            continue
        if not m.group("of") and re.match(r"[ \t]+[a-z]+s\b", text[m.end():]):
            continue  # "goals from five players"
        of = (m.group("of") or "").split()
        whole = of[-1] if of else ("matches" if m.group("what").lower() in ("wins", "victories", "draws", "defeats",
                                                                              "losses") else "matches")
        s, e = m.start(), m.end()
        out += [Figure(s, e, m.start("a"), m.end("a"), value=a, unit=m.group("what").lower()),
                Figure(s, e, m.start("b"), m.end("b"), value=b, unit=whole.lower())]
    return sorted(out, key=lambda f: f.start)
