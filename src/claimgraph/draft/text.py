"""Where an article's paragraphs and sentences are, as (start, end) offsets into its text.

A paragraph is a line (stored texts put one paragraph on a line, some with blank lines between).
A sentence ends at ".", "!" or "?" (after a closing quote mark if one follows) before a capital
letter or an opening quote — not after an abbreviation ("Mr.", "U.N.", "Sept."), an initial, or
inside quoted words: a quotation with several sentences in it stays in one sentence, so that the
attribution after it ("…,” he said.") is found beside it.
"""
import re

#: Words after which a full stop does not end a sentence.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd", "co", "corp", "no", "vs", "etc", "gen",
    "gov", "sen", "rep", "lt", "col", "capt", "sgt", "rev", "hon", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "approx", "est", "fig", "op", "vol",
}
_END = re.compile(r"[.!?]+(?P<close>[\"'\u201d\u2019)\]]*)(?P<space>\s+)(?=[\"'\u201c\u2018\u201e(\[]?[A-Z0-9\u2022])")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line, without its surrounding spaces."""
    spans, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            spans.append((start, start + len(stripped)))
        pos += len(line) + 1
    return spans


def _abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([\w.]+)$", text[:dot])
    if not word:
        return False
    w = word.group(1).lower()
    return w in ABBREVIATIONS or bool(re.fullmatch(r"(?:\w\.)+\w?", w)) or (len(w) == 1 and w.isalpha())


def sentences(text: str, quoted: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """(start, end) of every sentence, paragraph by paragraph; ``quoted`` are (start, end) spans
    of quoted words, never cut. A sentence's end excludes its final stop."""
    out = []
    for p_start, p_end in paragraphs(text):
        start = p_start
        for m in _END.finditer(text, p_start, p_end):
            dot = m.start()
            if any(a <= dot < b - 1 for a, b in quoted if b - a > 1) and not m.group("close"):
                continue  # a stop inside quoted words
            if text[dot] == "." and _abbreviation(text, dot) and not m.group("close"):
                continue
            end = m.start("space")
            out.append((start, end))
            start = m.end()
        if start < p_end:
            out.append((start, p_end))
    return [(s, _trim_end(text, s, e)) for s, e in out if e > s]


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " .":
        if text[end - 3:end] == "...":
            break
        end -= 1
    return end


def sentence_at(spans: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The span of ``spans`` around offset ``pos``."""
    for s, e in spans:
        if s <= pos <= e:
            return s, e
    return None


_STOP = re.compile(r"[.!?;]\s|\n")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the stretch of ``text`` around ``start``–``end`` up to a stop, semicolon or line
    break either side: a sentence as figures read their context, without the quoted-words care of
    :func:`sentences`."""
    s = max([m.end() for m in _STOP.finditer(text, 0, start)], default=0)
    e = next((m.start() for m in _STOP.finditer(text, end)), len(text))
    return s, e


def title_case(line: str) -> bool:
    """Whether a line is a headline in title case ("US Unemployment Rate Rises to 7.3%; 204000 Jobs
    Added"), where capitals say nothing of names."""
    words = re.findall(r"[A-Za-z][\w'\u2019-]*", line)
    long = [w for w in words if len(w) > 3]
    return len(long) >= 3 and not re.search(r"[.!?]\s*$", line.strip()) and \
        sum(w[0].isupper() or any(c.isupper() for c in w[1:]) for w in long) >= 0.8 * len(long)
