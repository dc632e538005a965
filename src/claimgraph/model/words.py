"""Quoted words compared as a reader compares them: the same quotation re-typed by another
outlet (straight or curly quotes, a dash for a hyphen, "better-off" or "better off", case,
spacing, closing punctuation) is the same quotation; a changed word is not.
"""
import re
import unicodedata

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                         "\u00ab": '"', "\u00bb": '"'})
_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2015\u2212-]+")
_ELLIPSIS = re.compile(r"\u2026|\.{3,}")


def normalise(words: str) -> str:
    """The comparison form of quoted words: Unicode NFKC, quotes straight, dashes and hyphens
    as spaces, ellipses as "...", case folded, closing punctuation and surrounding quote
    marks dropped, spaces collapsed."""
    text = unicodedata.normalize("NFKC", words).translate(_QUOTES)
    text = _ELLIPSIS.sub(" ... ", text)
    text = _DASHES.sub(" ", text)
    text = " ".join(text.casefold().split())
    return text.strip(" \"'").rstrip(" .,;:!?").strip(" \"'")


def similarity(a: str, b: str) -> float:
    """How alike two quotations are, from 0 to 100, on their normalised forms (rapidfuzz's
    normalised Indel similarity)."""
    from rapidfuzz import fuzz

    return fuzz.ratio(normalise(a), normalise(b))


def tokens(words: str) -> str:
    """The words alone, punctuation dropped, space-separated and padded: how a passage is
    looked for inside a longer quotation (across its sentence ends)."""
    return " " + " ".join(re.findall(r"[^\W_]+(?:'[^\W_]+)*", normalise(words))) + " "


def contains(longer: str, shorter: str, words: int = 4) -> bool:
    """Whether ``shorter`` is a passage of ``longer`` (compared up to typography and punctuation)
    of at least ``words`` words: a partial quotation of the same words ("quite an indictment on
    the state of our world" of "It's quite an indictment on the state of our world to have to
    report that"; "… rises in cases" of "… rises in cases. Current outbreaks …")."""
    a, b = tokens(longer), tokens(shorter)
    return len(b.split()) >= words and b in a


def same_words(a: str, b: str) -> bool:
    """The same quotation: equal up to typography, or one a passage of the other."""
    return normalise(a) == normalise(b) or contains(a, b) or contains(b, a)


#: Two quotations of one speaker this alike (and not the same up to typography) are taken as
#: one quotation re-printed with a change, which ``check`` reports as quote drift.
SAME_QUOTE = 90.0


def fold(name: str) -> str:
    """A name as compared: accents dropped, case folded, spaces collapsed."""
    if name.isascii():  # nothing to decompose, and casefold is lower (the same result, 15 times faster)
        return " ".join(name.lower().split())
    decomposed = unicodedata.normalize("NFKD", name)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def slug(name: str) -> str:
    """The local part of an id minted for ``name``: ``anna-petrova``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "x"


class QuotationsOf:
    """One speaker's quotations, to find the one a re-printed quotation carries: the same words
    up to typography, a passage of them (or they of it), or words :data:`SAME_QUOTE` alike."""

    def __init__(self, quotations=()):
        self.claims, self.forms, self.passages = [], [], []
        for claim, words in quotations:
            self.add(claim, words)

    def add(self, claim, words: str):
        self.claims.append(claim)
        self.forms.append(normalise(words))
        self.passages.append(tokens(words))

    def match(self, words: str, other_than=None):
        """The claim these words carry, or None."""
        from rapidfuzz import fuzz, process

        form, passage = normalise(words), tokens(words)
        if not form:
            return None
        for claim, known, known_passage in zip(self.claims, self.forms, self.passages):
            if claim == other_than:
                continue
            if known == form or (len(passage.split()) >= 4 and passage in known_passage) \
                    or (len(known_passage.split()) >= 4 and known_passage in passage):
                return claim
        best = process.extractOne(form, self.forms, scorer=fuzz.ratio, score_cutoff=SAME_QUOTE)
        if best is not None and self.claims[best[2]] != other_than:
            return self.claims[best[2]]
        return None
