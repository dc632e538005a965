"""Every quoted span of an article: words between double quotes (straight, curly, low-high „…”,
guillemets, in any mix, as copy-edited text mixes them), between single quotes where they are
not apostrophes, a quotation left open at a paragraph's end (news style reopens it on the next
paragraph), and the unmarked paragraphs after "X said:" that speak in the first or second person.
Never a quotation: the title of an embedded video that page chrome puts in quote marks ("Click to
play video: '…'").

The span is the quoted words without the marks and without the comma or full stop that ends the
outlet's sentence inside the closing mark (the dev corpus convention): ``“…report that,” he said``
gives ``…report that``. A span inside another (a scare quote in a quotation) is part of it.
"""
import re
from dataclasses import dataclass

from .text import paragraphs

OPEN_DOUBLE = "\u201c\u201e\u00ab"  # “ „ «
CLOSE_DOUBLE = "\u201d\u00bb"  # ” »
DOUBLE = OPEN_DOUBLE + CLOSE_DOUBLE + '"\u201f'
SINGLE_OPEN = "\u2018'"
SINGLE_CLOSE = "\u2019'"
_BEFORE_OPEN = " \t([{\u2014\u2013-/:;,\u2026"
#: How long a single-quoted span may be: beyond this a pair of apostrophes is more likely.
SINGLE_MAX = 300
#: Words that make an unmarked paragraph read as someone speaking.
SPEECH_WORDS = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|we|we're|we’re|our|us|my|me|you|your|you'll|you’ll|"
                          r"you're|you’re|let's|let’s)\b", re.IGNORECASE)
_SAID_COLON = re.compile(r"\b(?:said|says|say|added|adds|told \w+|wrote|writes|explained|stated|commented|"
                         r"continued|warned)\s*:\s*$")


#: Page chrome that names an embedded video or audio by its title in quote marks ("Click to play
#: video: 'Measles cases surge …'", "WATCH: '…'"): no one's words.
_PLAYER = re.compile(r"(?:^|\n)[ \t]*(?:(?:click|tap)(?: here)? to (?:play|watch|view|listen)[^:\n]{0,20}|(?:play )?video|"
                     r"watch|listen|audio)[ \t]*:[ \t]*$", re.IGNORECASE)


@dataclass(frozen=True)
class Quotation:
    """Quoted words at ``start``–``end``; ``marked`` False for words after "said:" printed without
    quote marks; ``outer`` is the span with the marks (where the attribution is looked for)."""
    start: int
    end: int
    outer_start: int
    outer_end: int
    marked: bool = True

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


def _words(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] in ",." and text[end - 3:end] != "...":
        end -= 1
    return start, end


def _double_marks(text: str, start: int, end: int):
    """(position, 'open'|'close'|'either', width) of the double quote marks of one paragraph; two
    apostrophes are one double mark, as wire copy typed on old systems prints it (PTI's ''…'')."""
    marks, i = [], start
    while i < end:
        c = text[i]
        width = 2 if text[i:i + 2] == "''" and text[i + 2:i + 3] != "'" else 1
        if c not in DOUBLE and width == 1:
            i += 1
            continue
        prev = text[i - 1] if i > start else " "
        nxt = text[i + width] if i + width < end else " "
        left = (prev in _BEFORE_OPEN or prev in DOUBLE + SINGLE_OPEN) and not nxt.isspace()
        right = not prev.isspace() and (nxt.isspace() or not nxt.isalnum())
        if left and not right:
            marks.append((i, "open", width))
        elif right and not left:
            marks.append((i, "close", width))
        elif c in OPEN_DOUBLE:
            marks.append((i, "open", width))
        elif c in CLOSE_DOUBLE:
            marks.append((i, "close", width))
        elif width == 1:
            marks.append((i, "either", width))
        i += width
    return marks


def _double_quoted(text: str, start: int, end: int, continued: bool = False) -> list[tuple[int, int, int, int]]:
    """(words start, words end, outer start, outer end) of each double-quoted span of a paragraph;
    a quotation still open at the paragraph's end runs to it. ``continued``: the paragraph before
    ended inside a quotation, so words up to a first closing mark with no opening one are quoted
    (a copy editor dropped the reopening mark, or reopened with a single one: "‘The State needs
    virtual aid to abate the crisis.”")."""
    spans, opened = [], None
    marks = _double_marks(text, start, end)
    if continued and marks and marks[0][1] == "close":
        first = start + 1 if text[start] in SINGLE_OPEN + OPEN_DOUBLE else start
        spans.append((first, marks[0][0], start, marks[0][0] + marks[0][2]))
        marks = marks[1:]
    for pos, kind, width in marks:
        if opened is None and kind in ("open", "either"):
            opened = (pos, width)
        elif opened is not None and kind in ("close", "either"):
            spans.append((opened[0] + opened[1], pos, opened[0], pos + width))
            opened = None
    if opened is not None and end - opened[0] > 2:
        spans.append((opened[0] + opened[1], end, opened[0], end))
    return spans


def _single_quoted(text: str, start: int, end: int) -> list[tuple[int, int, int, int]]:
    spans, i = [], start
    while i < end:
        c = text[i]
        prev = text[i - 1] if i > start else " "
        if c in SINGLE_OPEN and (prev in _BEFORE_OPEN or prev in DOUBLE) and i + 1 < end and text[i + 1].isalnum():
            j = i + 2
            while j < end and j - i <= SINGLE_MAX:
                nxt = text[j + 1] if j + 1 < end else " "
                if text[j] in SINGLE_CLOSE and not text[j - 1].isspace() and not nxt.isalnum():
                    spans.append((i + 1, j, i, j + 1))
                    i = j
                    break
                j += 1
        i += 1
    return spans


def _unmarked(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """Paragraphs of someone's words printed without marks after a paragraph ending "X said:",
    while they speak in the first or second person (the reporter's next paragraph does not)."""
    spans = []
    for n, (s, e) in enumerate(paras):
        if not _SAID_COLON.search(text[s:e]):
            continue
        for ps, pe in paras[n + 1:]:
            if text[ps] in DOUBLE + SINGLE_OPEN or not SPEECH_WORDS.search(text[ps:pe]):
                break
            spans.append((ps, pe, ps, pe))
    return spans


def find_quotations(text: str) -> list[Quotation]:
    """Every quotation of ``text``, in order of position."""
    paras = paragraphs(text)
    found, open_end = [], False
    for s, e in paras:
        double = _double_quoted(text, s, e, continued=open_end)
        if open_end and double and double[0][2] == s and found and re.search(r"\w$", text[:found[-1][0][1]].rstrip()) \
                and re.match(r"[\u2018'\u201c\u201e\"]?[a-z]", text[s:e]):
            # "… with all requisite support and intervention / programmes, we can make it": a sentence the
            # page broke in two, not the speaker; one quotation across the break
            (ws, _, os_, _), marked = found.pop()
            double[0] = (ws, double[0][1], os_, double[0][3])
        open_end = bool(double) and double[-1][3] == e and text[e - 1] not in CLOSE_DOUBLE + '"'
        single = [q for q in _single_quoted(text, s, e) if not any(d[2] <= q[2] and q[3] <= d[3] for d in double)]
        found += [(q, True) for q in double + single]
    found += [(q, False) for q in _unmarked(text, paras)]
    out = []
    for (ws, we, os_, oe), marked in sorted(found):
        if _PLAYER.search(text, max(0, os_ - 80), os_) and not text[oe:text.find("\n", oe) if "\n" in text[oe:] else len(text)].strip():
            continue  # the title of an embedded video
        ws, we = _words(text, ws, we)
        if we > ws and not any(o.outer_start <= os_ and oe <= o.outer_end for o in out):
            out.append(Quotation(ws, we, os_, oe, marked))
    return out


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quotation's words: what ``audit`` looks for."""
    return [q.span for q in find_quotations(text)]
