"""The people and organisations an article names, found by their capitals, and the one name each
goes by in a draft sheet: "Grandi" and "Mr Grandi" are the "Filippo Grandi" named before (or
after); "UNHCR" is the "United Nations High Commissioner for Refugees (UNHCR)"; a title before a
name ("Chief Financial Officer Anthony Noto", "UN High Commissioner for Refugees Filippo
Grandi") is a role, not part of the name.

A name the data folder knows is written as the graph names it; a new one gets a hint
(``Filippo Grandi [person]``, ``Ofcom [organisation]``) so that ``import`` can add it.
"""
import re
from dataclasses import dataclass, field

from ..model.words import fold
from .kinds import (GENERIC, HONORIFICS, OFFICES, ORG_WORDS, TITLE_MODIFIERS, TITLES, country, demonym,
                    initials_fit, is_org, is_title, personal)
from .text import paragraphs as _lines
from .text import title_case

# a number after "No" is part of a name ("Beijing No 3 Intermediate People's Court")
# an abbreviated title keeps its stop before a name ("Sen. Lisa Murkowski", "Lt. Derek Hudson")
_TOKEN = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z]\.(?=[ \t]+[A-Z])|(?:Sens?|Reps?|Gov|Lt|Gen|Col|Capt|Sgt|Maj|Cpl|Adm|Supt|Insp|Det|Cllr|Rev|Sr|Fr)\.(?=[ \t]+[A-Z])|[A-Z][\w\u2019'&/.-]*[\w&]|[A-Z]|O2|(?<=\bNo[ \t])\d{1,3}\b|(?<=\bNo\.[ \t])\d{1,3}\b)"
_LINK = r"(?:of|the|for|and|de|du|da|van|von|der|al|bin|la|le|del|on|&)"
NAME = re.compile(rf"(?<![\w.]){_TOKEN}(?:[ \t]+(?:{_LINK}[ \t]+)*{_TOKEN})*")
_CALENDAR = set("""monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec""".split())

#: Capitalised words of a time of day: "AM EDT" is no organisation.
_CLOCK = set("""am pm a.m p.m gmt bst utc edt est cdt cst mdt mst pdt pst ist cet cest eet eest jst aest aedt
hkt sgt""".split())
#: Capitalised words that open sentences or headlines without being names.
COMMON = set("""a an the and but or nor so yet for of in on at to by from with as about after before during since
until while when where though although because if then than this that these those there here it its he she
they we i you his her their our my your him them us me who whom which what whose how why however meanwhile
furthermore moreover also today yesterday tomorrow now last next earlier later some many most more several
other others another each every all both few one two three four five six seven eight nine ten over under
nearly almost around roughly approximately just only even still excluding including despite among between
according out up down off into onto upon no not per""".split())


@dataclass
class Entity:
    """Someone the article names: ``name`` is the fullest form, ``kind`` person or organisation."""
    name: str
    kind: str
    forms: set = field(default_factory=set)
    role: str = ""
    known: str | None = None

    def cell(self) -> str:
        """The speaker cell: the graph's name if known, else the name with a hint."""
        return self.known or f"{self.name} [{self.kind}]"


class Group(Entity):
    """Several speakers of one statement ("X and Y said in a joint statement", "the researchers
    said" for the two named as leading the team): the speaker cell names each, ``;``-separated, and
    the role cell gives each one's role in the same order."""

    def __init__(self, members: list[Entity], roles: list[str] = ()):
        kind = "person" if all(m.kind == "person" for m in members) else "organisation"
        super().__init__("; ".join(m.name for m in members), kind)
        self.members = list(members)
        self.role = "; ".join(roles) if any(roles) else ""

    def cell(self) -> str:
        return "; ".join(m.cell() for m in self.members)


@dataclass
class Mention:
    start: int
    end: int
    entity: Entity
    role: str = ""


#: Nouns after a name that make it a document's title or publisher, never a person's name.
DOCUMENT_TITLE_NOUNS = ("report|reports|study|survey|outlook|review|bulletin|index|yearbook|assessment|database|census|"
                        "poll|statistics|figures|data|paper|update|forecast|projections")


def _key(name: str) -> str:
    """A name as compared within one article: "UN High Commissioner for Refugees" and "United
    Nations High Commissioner for Refugee" are one agency."""
    key = fold(name)
    key = re.sub(r"\bu\.?n\.?(?=\s|$)", "united nations", key)
    key = re.sub(r"\bu\.?s\.?(?=\s|$)", "united states", key)
    key = re.sub(r"^(?:the )?university of (\w+)$", r"\1 university", key)  # Auckland University
    return re.sub(r"(\w{3,})s$", r"\1", key)


def lone_name(entity: Entity) -> bool:
    """Whether ``entity`` is one capitalised word the draft took for an organisation with nothing to
    say so (no organisation's word, no acronym, no country, not known): maybe a surname never given
    in full ("Sultan said", "Bennett said")."""
    words = entity.name.split()
    return entity.kind == "organisation" and not entity.known and len(words) == 1 and \
        not is_org(words) and not country(words[0]) and not demonym(words[0])


#: A dateline opening a paragraph: a place in capitals, maybe a state, maybe an agency, then a dash or colon.
DATELINE = re.compile(r"[A-Z][A-Z.'-]+(?:[ \t]+[A-Z][A-Z.'-]+)*(?:,[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)?[ \t]*"
                      r"(?:\([A-Za-z ]+\)[ \t]*)?(?:\u2014|--|\u2013|-|:)[ \t]")


class Names:
    """Every person and organisation named in ``text``, found once, looked up by offset."""

    def __init__(self, text: str, sentence_starts: set[int], known: dict[str, str] | None = None,
                 quoted: list[tuple[int, int]] = (), people: set[str] = frozenset()):
        self.text = text
        self.known = {fold(k): v for k, v in (known or {}).items()}
        self.people = set(people)
        self.mentions: list[Mention] = []
        self.entities: list[Entity] = []
        self._by_form: dict[str, Entity] = {}
        raw = []
        for base, phrase in self._phrases(text, quoted):
            tokens = [(t.start(), t.group(0)) for t in re.finditer(r"\S+", phrase)]
            # a word of three capitals or more is an acronym ("the WHO said", "WHO Director-General
            # Tedros"), not a word ("US" and "IT" stay words; so do the words of a shouted line)
            shouted = len(tokens) > 1 and all(re.fullmatch(r"[A-Z\W]+", t) for _, t in tokens)

            def common(word, shouted=shouted):
                return word.lower().strip(".") in COMMON and (shouted or not re.fullmatch(r"[A-Z]{3,}", word))

            while tokens and (common(tokens[0][1]) or tokens[0][1].lower().strip(".") in HONORIFICS) and \
                    not (tokens[0][1].lower().strip(".") in HONORIFICS and len(tokens) > 1):
                tokens = tokens[1:]
            while tokens and re.fullmatch(_LINK, tokens[-1][1].lower()):
                tokens = tokens[:-1]  # "MB Patil on" (Friday), "Bank of"
            while tokens and tokens[-1][1].lower().strip(".") in _CLOCK:
                tokens = tokens[:-1]  # "08:34 AM EDT": a time, not a name
            if not tokens or all(common(t) for _, t in tokens) or is_title(tokens[-1][1]) \
                    or (len(tokens) == 1 and tokens[0][1].lower().strip(".") in _CALENDAR):
                continue  # "Senior Political Correspondent" is a job, "In October" a date
            start, end = base + tokens[0][0], base + tokens[-1][0] + len(tokens[-1][1])
            for suffix in ("\u2019s", "'s"):  # "'s" belongs to the sentence, not the name
                if text[start:end].endswith(suffix):
                    end -= 2
            raw.append((start, end, text[start:end], start in sentence_starts))
        # a dateline names the place the story was filed from, no one who speaks ("TORONTO (AP) —",
        # "CHARLOTTE, N.C. --", "UNITED NATIONS - ")
        datelines = [m.span() for s, e in _lines(text) if (m := DATELINE.match(text, s, e))]
        raw = [r for r in raw if not any(a <= r[0] < b for a, b in datelines)]
        headline = [(s, e) for s, e in _lines(text) if title_case(text[s:e])]
        deferred = [r for r in raw if any(s <= r[0] < e for s, e in headline)]
        for start, end, phrase, initial in raw:
            if (start, end, phrase, initial) not in deferred:
                self._add(start, end, phrase, initial, raw)
        for start, end, phrase, _ in deferred:
            self._add_known_part(start, phrase)
        self.mentions.sort(key=lambda m: m.start)
        self._merge_early_short_forms()
        self._appositive_roles()

    def _appositive_roles(self):
        """A title printed beside a name between commas is the person's role ("The Kwara State
        Governor, AbdulRahman AbdulRazaq, …", "Kwara Governor, Abdulrahman Abdulrazaq, has urges …"),
        so that "the governor" later is that person."""
        for m in self.mentions:
            # the closing comma is often dropped: "Queensland Premier, Annastacia Palaszczuk has likened …"
            if m.entity.kind != "person" or m.entity.role or m.role or \
                    not re.match(r"\s*,|\s+(?:has|had|is|was|on|said|says|told)\b", self.text[m.end:m.end + 8]):
                continue
            line_start = self.text.rfind("\n", 0, m.start) + 1
            before = re.search(r"(?:^|[.!?:;]\s+)(?:the\s+)?((?:[A-Z][\w\u2019'.-]*\s+){0,3}[A-Z][\w-]*)\s*,\s*$",
                               self.text[line_start:m.start], re.IGNORECASE)
            if before and is_title(before.group(1).split()[-1]):
                m.entity.role = before.group(1)

    def _add_known_part(self, start: int, phrase: str):
        """In a title-case headline capitals say nothing of names ("Humans and Neanderthals
        Approximately 99.84 Percent Similar"): only the longest run of its words the body names
        (or the data folder knows) is a mention."""
        words = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", phrase)]
        for size in range(len(words), 0, -1):
            for i in range(len(words) - size + 1):
                a, b = words[i][0], words[i + size - 1][0] + len(words[i + size - 1][1])
                form = phrase[a:b]
                entity = self._by_form.get(_key(form))
                if entity is None and re.fullmatch(r"[A-Z]{2,}", form):
                    entity = self._short_form(form)  # "…: WHO" for the World Health Organization
                if entity is None and fold(form) in self.known:
                    entity = self._entity_for(form.split(), False)
                if entity is not None and not (size == 1 and form.lower() in COMMON and not form.isupper()):
                    self.mentions.append(Mention(start + a, start + b, entity))
                    return

    # ------------------------------------------------------------------ building

    @staticmethod
    def _phrases(text: str, quoted):
        """Capitalised phrases outside quoted words, cut at "and" between two names ("Ukraine and
        Sudan"), at a possessive ("India’s National Disaster Response Force"), and before an
        adjective such as "Telefónica-owned"."""
        for m in NAME.finditer(text):
            if any(a <= m.start() < b for a, b in quoted):
                continue
            phrase, base = m.group(0), m.start()
            parts = [(0, phrase)]
            sides = [(i.start(), i.group(0)) for i in re.finditer(r"(?:(?! and | & ).)+", phrase)]
            if not is_org(phrase.split()) or \
                    len(sides) > 1 and all(is_org(side.split()) and len(side.split()) > 1 for _, side in sides):
                # "Ukraine and Sudan"; "the International Monetary Fund and World Bank": two organisations
                parts = sides
            # "Joel Naroff of Naroff Economic Advisors", "Governor AbdulRahman AbdulRazaq of Kwara State"
            person_of = re.match(r"((?:\S+ ){1,5}?)of (.+)$", phrase)
            if person_of:
                head = person_of.group(1).split()
                titles = 0
                while titles < len(head) - 1 and (is_title(head[titles]) or head[titles].lower() in TITLE_MODIFIERS):
                    titles += 1
                name = head[titles:]
                if len(name) in (2, 3) and personal(name) and not any(is_title(w) for w in name) and \
                        not country(" ".join(name)):
                    parts = [(0, person_of.group(1).strip()), (person_of.start(2), person_of.group(2))]
            for offset, part in parts:
                pieces, at = [], 0
                # a possessive starts another name, except a plural's in a name ("UN Children’s Fund")
                for cut in re.finditer(r"(?<!Children)(?<!Women)(?<!People)(?<!Men)[\u2019']s\s+", part):
                    pieces.append((at, part[at:cut.start()]))
                    at = cut.end()
                pieces.append((at, part[at:]))
                for at, piece in pieces:
                    # a day or month ends a name ("in parts of Pakistan Sunday afternoon")
                    for cut in re.finditer(r"\S+", piece):
                        if cut.start() and cut.group(0).lower().strip(".,") in _CALENDAR:
                            piece = piece[:cut.start()]
                            break
                    words = piece.strip()
                    based = re.match(r"\S+-(?:based|owned|run|backed|listed|born|headquartered|controlled|led)\s+", words)
                    if based:  # "Cincinnati-based P&G": the company, not its city
                        cut = piece.index(words) + based.end()
                        at, piece, words = at + cut, piece[cut:], words[based.end():]
                    if not words or re.search(r"-[a-z]+$", words) or words.lower() in _CALENDAR:
                        continue
                    yield base + offset + at + piece.index(words[0]), words

    def _add(self, start: int, end: int, phrase: str, initial: bool, raw):
        words = phrase.split()
        role = ""
        title_at = max((i for i, w in enumerate(words[:-1]) if is_title(w)), default=-1)
        # the name after a title: up to three words, after the title's own "for Refugees", "of India"
        after = words[title_at + 1:]
        link = max((i for i, w in enumerate(after) if w.lower() in {"of", "for", "the", "and", "&"}), default=-1)
        keep = after[link + 2:][-3:] if link >= 0 else after[-3:]
        mononym = len(after) == 1 and (title_at >= 1 or words[title_at].lower() in OFFICES)  # not "Dean Maki"
        if title_at >= 0 and (len(keep) >= 2 or mononym) \
                and not is_org(keep) and \
                not any(w.lower() in COMMON or is_title(w) for w in keep):
            role = " ".join(words[:len(words) - len(keep)])
            start = end - len(" ".join(keep))
            words = keep
            phrase = " ".join(keep)
        elif title_at >= 0 and len(words) > title_at + 2 and words[title_at + 1].lower() in {"of", "for"} and \
                all(is_title(w) or w.lower() in TITLE_MODIFIERS for w in words[:title_at]):
            # "Executive Director of the UN Children’s Fund": the organisation, the rest is a role
            rest = words[title_at + 2:]
            rest = rest[1:] if rest and rest[0].lower() == "the" else rest
            if not rest or not is_org(rest):
                return
            start = end - len(" ".join(rest))
            words, phrase = rest, " ".join(rest)
        honorific = words[0].lower().strip(".") in HONORIFICS
        bare = words[1:] if honorific else words
        honorific = honorific or bool(role)  # a title makes a person as an honorific does ("Chief Minister Siddaramaiah")
        if not bare:
            return
        if len(bare) == 1 and initial and not honorific and not self._seen_elsewhere(bare[0], start, raw) \
                and not re.fullmatch(r"[A-Z]{3,}", bare[0]) and \
                not re.match(r"\s+(?:said|says|told|added|argued|explained|noted|warned|insisted|stressed|wrote)\b",
                             self.text[end:end + 20]):
            return  # one capitalised word opening a sentence, never seen inside one (unless it said something)
        if len(bare) == 1 and (bare[0].lower() in GENERIC | COMMON and not re.fullmatch(r"[A-Z]{3,}", bare[0])
                               or re.fullmatch(r"[A-Z][a-z]+(?:ians|ans|ers)", bare[0])
                               or ((re.fullmatch(r"[A-Z][a-z]+(?:ian|ean|ese|ish)", bare[0]) or demonym(bare[0]))
                                   and re.match(r"\s+[a-z]", self.text[end:end + 3]))):
            return  # "officials", "Russians": a crowd; "Russian opposition outlet": an adjective
        # "the White Helmets", "the humanitarian organization Syria Civil Defense": no person's name
        org_context = not honorific and (re.search(r"\b(?:the|organi[sz]ation|group|company|firm|agency|charity|party|"
                                                   r"newspaper|broadcaster|network|coalition|movement|union|outlet|"
                                                   r"channel|band|team|club)\s+$", self.text[max(0, start - 30):start],
                                                   re.IGNORECASE)
                                         # "its World Economic Outlook report": a document's title, no person
                                         or re.match(rf"\s+(?:{DOCUMENT_TITLE_NOUNS})\b", self.text[end:end + 20]))
        entity = self._entity_for(bare, honorific, organisation=bool(org_context))
        self.mentions.append(Mention(start, end, entity, role))
        acronym = re.match(r"\.?\s*\(([A-Z][A-Za-z.&]{1,12})\)", self.text[end:end + 16]) or \
            re.match(r",\s+([A-Z][A-Z.&]{1,12})\b(?!\s+[A-Za-z])", self.text[end:end + 16])
        if acronym and entity.kind == "organisation":
            self._remember(entity, acronym.group(1))  # "… for Refugees (UNHCR)", "…, UNHCR"

    def _merge_early_short_forms(self):
        """An acronym or short form printed before the full name ("…: WHO" in a headline, "the World
        Health Organization" in the body) is the same organisation; a word that only begins the full
        name is not ("A court in Beijing" then "the Beijing No 3 Intermediate People's Court")."""
        for entity in list(self.entities):
            if entity.kind != "organisation" or len(entity.name.split()) != 1 or entity.known or \
                    not re.fullmatch(r"[A-Z]{2,}", entity.name):
                continue
            self.entities.remove(entity)
            full = self._short_form(entity.name)
            if full is None:
                self.entities.append(entity)
                continue
            for m in self.mentions:
                if m.entity is entity:
                    m.entity = full
            for form in entity.forms:
                self._remember(full, form)
                self._by_form[_key(form)] = full

    def _seen_elsewhere(self, word: str, start: int, raw) -> bool:
        return any(s != start and not initial and word in p.split() for s, _, p, initial in raw) or \
            any(p.split()[-1] == word and len(p.split()) > 1 for s, _, p, _i in raw if s != start) or \
            fold(word) in self.known

    def _entity_for(self, words: list[str], honorific: bool, organisation: bool = False) -> Entity:
        phrase = " ".join(words)
        found = self._by_form.get(_key(phrase))
        if found is None and len(words) == 1:
            found = self._surname(words[0]) or self._short_form(words[0])
        if found is None and len(words) > 1 and not honorific and fold(phrase) not in self.known:
            # "Krispy Kreme" after "Krispy Kreme Doughnuts Inc.": the organisation by its first words
            fits = [e for e in self.entities if e.kind == "organisation" and e.name.startswith(phrase + " ")]
            found = fits[0] if len(fits) == 1 else None
        if found is None and len(words) == 1 and fold(words[0]) in self.known:
            found = None
        if found is None:
            known = self.known.get(fold(phrase))  # "Putin", known as the person "Vladimir Putin"
            kind = "person" if honorific or (personal(words) and not organisation) or known in self.people \
                else "organisation"
            if len(words) == 1 and not honorific and not organisation:
                later = self._full_name_later(words[0])
                if later:
                    phrase, kind = later, "person"
            found = Entity(phrase, kind)
            found.known = self.known.get(fold(phrase))
            self.entities.append(found)
        self._remember(found, phrase)
        return found

    def _short_form(self, word: str) -> Entity | None:
        """The organisation named before that one word stands for: its acronym by initials ("WHO"
        for the World Health Organization, "CDC" for the Centers for Disease Control and
        Prevention), or its first word or the organisation's noun in its name ("Nationwide" for
        Nationwide Building Society, "the Bank" for the Bank of England), when only one fits."""
        if fold(word) in self.known:
            return None
        orgs = [e for e in self.entities if e.kind == "organisation" and len(e.name.split()) > 1]
        if re.fullmatch(r"[A-Z]{2,}|[A-Z]&[A-Z]{1,2}", word):  # "WHO", "P&G" for Procter & Gamble
            fits = [e for e in orgs if initials_fit(word.replace("&", ""), e.name)]
        elif country(word):
            return None  # "Kenya" is not Kenya Airways
        else:
            fits = [e for e in orgs if e.name.split()[0] == word or (word.lower() in ORG_WORDS and word in e.name.split())]
        return fits[0] if len(fits) == 1 else None

    def _surname(self, word: str) -> Entity | None:
        """The one person named before whose name has ``word`` as its last word, or as its first
        ("Liu" for Liu Qiang, surname first; "AbdulRahman" for AbdulRahman AbdulRazaq), or None."""
        people = [e for e in self.entities if e.kind == "person" and any(f.split()[-1] == word for f in e.forms)]
        if not people and not country(word) and word.lower() not in TITLES | HONORIFICS:
            people = [e for e in self.entities if e.kind == "person" and not isinstance(e, Group)
                      and any(len(f.split()) > 1 and f.split()[0] == word for f in e.forms)]
        return people[-1] if len(people) == 1 else None

    def _full_name_later(self, word: str) -> str | None:
        """"Isarescu: …" in a headline, "Mugur Isarescu" in the body."""
        for m in re.finditer(rf"(?<![\w\u2019'])([A-Z][\w-]+(?: [A-Z][\w-]+)? {re.escape(word)})\b", self.text):
            line_start = self.text.rfind("\n", 0, m.start()) + 1
            line_end = self.text.find("\n", m.start())
            if title_case(self.text[line_start:line_end if line_end >= 0 else len(self.text)]):
                continue  # "Procter & Gamble Profit Beats Expectations" names no Gamble Profit
            words = m.group(1).split()
            while len(words) > 2 and (words[0].lower() in COMMON | TITLES or is_title(words[0])):
                words = words[1:]  # "Basic Education Minister Angie Motshekga" names Angie Motshekga
            if personal(words) and words[0].lower() not in COMMON | TITLES:
                return " ".join(words)
            return None
        return None

    def _remember(self, entity: Entity, form: str):
        entity.forms.add(form)
        self._by_form.setdefault(_key(form), entity)
        if len(form) > len(entity.name) and not re.fullmatch(r"[A-Z.&]+", form) and \
                form.split()[0].lower().strip(".") not in HONORIFICS:
            entity.name = form  # the fullest form names it: "United Nations High Commissioner for Refugees"
        if entity.known is None:
            entity.known = self.known.get(fold(form))

    # ------------------------------------------------------------------ finding

    def ending_at(self, end: int, slack: int = 0) -> Mention | None:
        """The mention that ends at ``end`` (up to ``slack`` characters before it)."""
        for m in reversed(self.mentions):
            if end - slack <= m.end <= end:
                return m
        return None

    def starting_at(self, start: int, slack: int = 0) -> Mention | None:
        for m in self.mentions:
            if start <= m.start <= start + slack:
                return m
        return None

    def within(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def last_before(self, pos: int, kind: str) -> Mention | None:
        """The last mention of a ``kind`` entity before ``pos``."""
        for m in reversed(self.mentions):
            if m.end <= pos and m.entity.kind == kind:
                return m
        return None
