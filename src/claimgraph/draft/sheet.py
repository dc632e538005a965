"""Draft rows in the claim-sheet format (docs/claim-sheets.md): one figure row per figure and one
quotation row per quotation with no figure in it (a figure inside a quotation is a figure row of
mode ``quotation`` whose quote is the whole quoted span, as the dev corpus does it).

A figure row's ``quote`` is its sentence (without the final stop); a quotation row's the quoted
words. ``mode`` follows the quotation marks: ``quotation`` inside them, ``reported`` where the
sentence attributes the words, else ``own`` (spoken by the outlet, when the draft knows it).
"""
import re

from .figures import find_figures, value_cells
from .names import Entity, Names
from .periods import period
from .quotations import find_quotations
from .source import published, source_columns, title
from .speakers import Speakers
from .text import paragraphs, sentence_at, sentences


def _cell(entity: Entity | None) -> str:
    return entity.cell() if entity is not None else ""


def _quotation_speakers(text, quotes, sents, speakers: Speakers) -> list[tuple[Entity | None, str]]:
    """(speaker, role) of each quotation, in order."""
    paras = paragraphs(text)
    out: list[tuple[Entity | None, str]] = []
    for n, q in enumerate(quotes):
        sentence = sentence_at(sents, q.start) or (q.start, q.end)
        who, role, attributed = speakers.for_quotation(sentence, q.outer_start, q.outer_end)
        last = sentence_at(sents, q.outer_end)
        if who is None and not attributed and last is not None and last != sentence:
            # one quotation across a paragraph break the page made: its attribution closes it ("…, she said")
            sentence = last
            who, role, attributed = speakers.for_quotation(last, q.outer_start, q.outer_end)
        # attributed to nobody the draft can name ("“…,” officials said", "A top government source said:
        # “…”"): no speaker, never the last one's
        if who is None and not attributed:
            para = sentence_at(paras, q.start)
            prev = quotes[n - 1] if n else None
            prev_who, prev_role = out[n - 1] if n else (None, "")
            before = [x for x in sents if x[1] <= q.outer_start]
            opens_paragraph = para is not None and q.outer_start <= para[0] + 1
            opens_sentence = q.outer_start <= sentence[0] + 1 and before and para is not None and before[-1][0] >= para[0]
            if not q.marked and before:  # the paragraph "X said:" before it, or the one it continues
                who, role, _ = speakers.for_quotation(before[-1], q.outer_start, q.outer_end)
                if who is None and prev is not None and not prev.marked:
                    who, role = prev_who, prev_role
            elif opens_sentence and not (prev is not None and prev.start >= para[0]):
                who = speakers.sentence_speaker(before[-1])  # "…, the WHO said. “Many countries …”"
            elif prev is not None and para is not None and prev.start >= para[0] and prev_who is not None:
                who = prev_who  # a second quotation in the paragraph: the same speaker
            elif prev is not None and opens_paragraph and prev_who is not None and \
                    prev.outer_end >= (sentence_at(paras, prev.start) or (0, 0))[1]:
                who, role = prev_who, prev_role  # a quotation continued in the next paragraph
            elif opens_paragraph and before and prev is not None and prev_who is not None and \
                    _paragraph_before(paras, para) == sentence_at(paras, prev.start) and \
                    prev.outer_start <= (sentence_at(paras, prev.start) or (0, 0))[0] + 1:
                # a quotation paragraph after another that its speaker closed ("“…,” it said." / "“The answer
                # depends on …”"): news style goes on quoting the same speaker (the role was printed once)
                who = prev_who
            elif opens_paragraph and before:
                who = speakers.sentence_person(before[-1])
        out.append((who, role))
    return out


def _paragraph_before(paras: list[tuple[int, int]], para) -> tuple[int, int] | None:
    at = paras.index(para) if para in paras else 0
    return paras[at - 1] if at else None


def _scare_quote(text: str, q, sents, speakers: Speakers) -> bool:
    """A word or two in lower case between quote marks inside a sentence that attributes nothing
    ("we are "just" 98.8 percent similar"): the writer's distance from a word, no one's words (the
    sentence's row covers it). Names and phrases with punctuation are words someone wrote or chanted
    (banners with the word "Bush", chanted "George Bush, terrorist")."""
    sentence = sentence_at(sents, q.start)
    words = text[q.start:q.end]
    return q.marked and len(words.split()) <= 3 and re.fullmatch(r"[a-z][a-z' \u2019-]*", words) is not None and \
        sentence is not None and not speakers.by_sentence.get(sentence) and \
        not any(not _NOUN_WARNING.search(text, max(0, m.start() - 30), m.end()) for m in
                SPEECH_WORD.finditer(text, sentence[0], sentence[1])) and \
        (q.outer_start > sentence[0] or q.outer_end < sentence[1] - 1)


#: Any form of a verb of saying ("claiming that Russians … their "disgust""), or words written or
#: chanted: a quoted word in such a sentence may be someone's word.
SPEECH_WORD = re.compile(r"\b(?:sa(?:y|ys|id|ying)|t(?:ell|ells|old|elling)|wrote|written|jabs?|slogans?|banners?|placards?"
                         r"|(?:claim|warn|report|insist|call|brand|accus|describ|argu|explain|suggest|confirm|admit|"
                         r"acknowledg|announc|prais|urg|criticis|criticiz|blam|quot|mock|jok|writ|reveal|tweet|chant)"
                         r"(?:e|es|ed|d|s|ing)?"
                         r"|(?:not|stat|add|term|dub|label|post)(?:es|ed|d|s|ing|bed|bing|ted|ting))\b", re.IGNORECASE)


#: "The extreme heat warning was classified as “amber”": a warning that is a thing, not someone warning.
_NOUN_WARNING = re.compile(r"\b(?:the|a|an|this|that|its|their|heat|weather|storm|flood|wind|rain|snow|fog|ice|travel|"
                           r"health|profit|amber|red|yellow|orange|severe|extreme|official|formal|final)\s+(?:[\w-]+\s+)?"
                           r"warnings?$", re.IGNORECASE)


def _occurrence(text: str, quote: str, start: int) -> str:
    """Which occurrence of ``quote`` in ``text`` starts at or before ``start`` ("" when only one)."""
    if text.count(quote) < 2:
        return ""
    n, at = 0, text.find(quote)
    while 0 <= at <= start:
        n += 1
        at = text.find(quote, at + 1)
    return str(max(n, 1))


def draft_rows(text: str, text_name: str, outlet: str = "", date: str = "",
               known: dict[str, str] | None = None) -> list[dict]:
    """Proposed claim-sheet rows for ``text`` (a new article's plain text), the source columns on
    the first. ``outlet``: the publisher's name (the speaker of the outlet's own statements);
    ``date``: its publication date when the text does not print one; ``known``: names the
    graph already has (name or alias -> its name; a :class:`~claimgraph.draft.Known` also says
    which are people)."""
    quotes = find_quotations(text)
    sents = sentences(text, [(q.outer_start, q.outer_end) for q in quotes])
    names = Names(text, {s for s, _ in sents}, known, quoted=[q.span for q in quotes],
                  people=getattr(known, "people", ()))
    speakers = Speakers(text, sents, names, [(q.outer_start, q.outer_end) for q in quotes])
    q_speakers = _quotation_speakers(text, quotes, sents, speakers)
    source = source_columns(text, text_name, outlet, date, known)
    outlet_cell = source["source_publisher"]
    when = date or published(text)
    rows, with_figures = [], set()
    headline = title(text)
    # a headline: a title line with no final stop (a standfirst sentence is the outlet's own)
    title_start = text.find(headline) if headline and not re.search(r"[.!?\u201d\"]$", headline) else -1
    title_end = title_start + len(headline) if title_start >= 0 else -1
    for fig in find_figures(text):
        row = {"kind": "figure", "as_printed": text[fig.start:fig.end], "bound": fig.bound, "unit": fig.unit,
               **value_cells(fig)}
        inside = next((i for i, q in enumerate(quotes) if q.start <= fig.core_start < q.end), None)
        if inside is not None:
            q = quotes[inside]
            with_figures.add(inside)
            who, role = q_speakers[inside]
            row.update(mode="quotation", quote=text[q.start:q.end], speaker=_cell(who), speaker_role=role,
                       _start=q.start)
            if not (q.start <= fig.start and fig.end <= q.end):  # bound words before the opening mark
                row["as_printed"] = text[fig.core_start:fig.end]
        else:
            sentence = sentence_at(sents, fig.core_start) or (fig.start, fig.end)
            mode, who, role = speakers.for_figure(sentence, fig.core_start)
            row.update(mode=mode, quote=text[sentence[0]:sentence[1]], speaker=_cell(who), speaker_role=role,
                       _start=sentence[0])
            if mode == "own":
                row["speaker"] = outlet_cell
            row["_headline"] = title_start <= fig.core_start < title_end and not who
        row["time"] = period(row["quote"], fig.core_start - row["_start"], when)
        row["_fig"] = fig
        rows.append(row)
    _headlines_take_the_body_speaker(rows)
    for i, q in enumerate(quotes):
        if i in with_figures or _scare_quote(text, q, sents, speakers):
            continue
        who, role = q_speakers[i]
        rows.append({"kind": "quotation", "mode": "quotation", "quote": text[q.start:q.end], "speaker": _cell(who),
                     "speaker_role": role, "_start": q.start})
    rows.sort(key=lambda r: (r["_start"], r.get("_fig").core_start if r.get("_fig") else 0))
    out = []
    for row in rows:
        row["occurrence"] = _occurrence(text, row["quote"], row["_start"])
        row["statement"] = _statement(row)
        out.append({k: v for k, v in row.items() if not k.startswith("_")})
    if out:
        out[0].update(source)
    return out


def _headlines_take_the_body_speaker(rows: list[dict]):
    """A headline figure with no attribution of its own summarises the body: it takes the
    speaker of the same figure in the body (Channel 4's "revised up … to a record 745,000" is
    the ONS's; reported by nobody named when the body's is), or stays the outlet's when the body
    has it as the outlet's own."""
    for row in rows:
        if not row.get("_headline"):
            continue
        same = [r for r in rows if not r.get("_headline") and r.get("value") == row.get("value")
                and r.get("min") == row.get("min") and r["unit"] == row["unit"]]
        # the body's attributed figure, named first ("a new study … details how … 99.84 percent": reported)
        named = sorted((r for r in same if r["mode"] != "own"), key=lambda r: not r["speaker"])
        if named and len({r["speaker"] for r in named if r["speaker"]}) > 1:
            row.update(mode="reported", speaker="")  # the body gives it to two speakers: which one?
        elif named:
            row.update(mode="reported" if named[0]["mode"] == "quotation" else named[0]["mode"],
                       speaker=named[0]["speaker"])
        elif not same:
            row.update(mode="reported", speaker="")


def _statement(row: dict) -> str:
    """A readable sentence for the claim, for the reviewer to rewrite."""
    who = re.sub(r"\s*\[\w+\]$", "", row.get("speaker") or "") or "Someone"
    if row["kind"] == "quotation":
        return f"{who} said: \u201c{row['quote']}\u201d"
    quote = row["quote"].strip()
    return quote[0].upper() + quote[1:] + ("" if quote.endswith((".", "?", "!")) else ".")
