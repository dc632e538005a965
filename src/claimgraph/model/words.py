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


def contains(longer: str, shorter: str, words: int = 4) -> bool:
    """Whether ``shorter`` is a passage of ``longer`` (compared up to typography) of at least
    ``words`` words: a partial quotation of the same words ("quite an indictment on the state
    of our world" of "It's quite an indictment on the state of our world to have to report that")."""
    a, b = normalise(longer), normalise(shorter)
    return len(b.split()) >= words and f" {b} " in f" {a} "


def same_words(a: str, b: str) -> bool:
    """The same quotation: equal up to typography, or one a passage of the other."""
    return normalise(a) == normalise(b) or contains(a, b) or contains(b, a)


#: Two quotations of one speaker this alike (and not the same up to typography) are taken as
#: one quotation re-printed with a change, which ``check`` reports as quote drift.
SAME_QUOTE = 90.0


def fold(name: str) -> str:
    """A name as compared: accents dropped, case folded, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", name)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def slug(name: str) -> str:
    """The local part of an id minted for ``name``: ``anna-petrova``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "x"
