"""Whom a pronoun or a definite description stands for, for :mod:`.subjects`: "he" and "she" for
the person the text last made a subject (a speaker, or a person opening a sentence), "they" for a
plural subject of the sentence before ("New Zealand researchers at the University of Auckland
revealed …" then "They said …"), "it", "the company" and "the report" for the organisation the text
last made a subject or named as a source, "the governor" for the person given that title, "the
researchers" for the people introduced as doing the research.

A pronoun is resolved only where news writing leaves no doubt: the last subject of the right kind
with no other person named since (outside quotations) — "…after a meeting with President Buhari"
in the subject's own sentence is no rival, "After meeting Buhari, he said" is. Otherwise it names
nobody: a wrong speaker is worse than an empty one.
"""
import re
from dataclasses import dataclass

from .kinds import country as _country
from .names import Entity, Group, lone_name

PREPOSITIONS = {"of", "by", "for", "from", "with", "against", "to", "on", "in", "at", "about", "over", "into",
                "than", "after", "before", "between", "among", "under", "via", "like"}
#: Words of a sentence that introduces the people behind a study.
RESEARCH = re.compile(r"\b(?:researchers?|scientists?|team|authors?|co-authors?|study|studies|paper)\b")
#: Plural nouns of people that speak as one ("researchers at the University of Auckland revealed",
#: "officials said"): "they" in the next sentence is them.
PLURAL_PEOPLE = ("researchers|scientists|astronomers|officials|experts|analysts|economists|authorities|police|"
                 "organisers|organizers|doctors|engineers|investigators|prosecutors|rescuers|authors|spokespeople|"
                 "sources|leaders|ministers|lawmakers|legislators|judges|lawyers|activists|campaigners|protesters")


@dataclass
class Subject:
    """Someone the text made the subject of a sentence: what a pronoun for them names (``speaker``,
    an organisation for "a Welsh government spokesman", None when unnamed), with ``role``; the
    ``person`` itself when named; ``personal`` for "he"/"she", ``plural`` for "they"."""
    pos: int
    sentence: tuple[int, int]
    speaker: Entity | None
    role: str = ""
    person: Entity | None = None
    personal: bool = True
    plural: bool = False
    maybe: bool = False  # a lone word the draft took for an organisation that may be a surname ("Sultan said")


class Referents:
    """Pronouns and definite descriptions, over the attributes a :class:`~.speakers.Speakers` sets:
    the ``text``, its ``sentences``, ``names``, ``quoted`` spans, the attributions found so far
    (``by_sentence``), the subjects the text made so far (``_subjects``), the organisations it made
    salient (``_salient``) or named as a source (``_sources``), and those named as the outlet that
    carried words (``media``)."""

    def _outside_quotes(self, pos: int) -> bool:
        return not any(a <= pos < b for a, b in self.quoted)

    def _after_preposition(self, pos: int) -> bool:
        word = re.search(r"(\w+)\W*$", self.text[max(0, pos - 20):pos])
        return bool(word) and word.group(1).lower() in PREPOSITIONS

    # ------------------------------------------------------------------ people

    def _pronoun(self, pos: int) -> tuple[Entity | None, str]:
        """(speaker, role) "he" or "she" at ``pos`` stands for: the last personal subject before it
        when no other person is named since outside its sentence and quotations; the one person the
        text named before (bylines aside) when it made none a subject; else (None, "")."""
        subjects = [x for x in self._subjects if x.pos < pos and x.personal]
        mentions = [m for m in self.names.mentions if m.end <= pos and m.entity.kind == "person"
                    and not isinstance(m.entity, Group) and self._outside_quotes(m.start) and not self._byline(m.start)]
        if not subjects:
            people = {id(m.entity): m.entity for m in mentions}
            return (next(iter(people.values())), "") if len(people) == 1 else (None, "")
        last = subjects[-1]
        if last.maybe:
            return None, ""  # "Sultan said …" then "he said": Sultan, or someone before? Nobody to name
        members = last.person.members if isinstance(last.person, Group) else [last.person]
        rivals = [m for m in mentions if m.start > last.sentence[1] and m.entity not in members]
        if rivals:
            return None, ""
        return last.speaker, last.role

    def _person_before(self, pos: int) -> Entity | None:
        """The person "he" or "she" at ``pos`` names (see :meth:`_pronoun`), or None."""
        return self._pronoun(pos)[0]

    def _they(self, pos: int) -> tuple[Entity | None, str]:
        """(speaker, role) "they" at ``pos`` stands for: a plural subject of the sentence before
        ("New Zealand researchers at the University of Auckland revealed …" then "They said …"), when
        it was the last subject; else (None, "")."""
        current = next((x for x in self.sentences if x[0] <= pos <= x[1]), None)
        before = [x for x in self.sentences if current and x[1] < current[0]]
        subjects = [x for x in self._subjects if x.pos < pos]
        if before and subjects and subjects[-1].plural and subjects[-1].sentence == before[-1]:
            return subjects[-1].speaker, subjects[-1].role
        return None, ""

    def _byline(self, pos: int) -> bool:
        """Whether ``pos`` is in a line that is only a byline or a name ("By Omololu Ogunmade",
        "Juliana Taiwo-Obalonye, Abuja")."""
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        line = self.text[start:end if end >= 0 else len(self.text)].strip()
        return re.fullmatch(r"(?:By\s+)?[A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+){0,3}(?:,\s*[A-Z][\w ]+)?", line) is not None

    def _note_subjects(self, sentence: tuple[int, int], found: list):
        """Remember whom ``sentence`` made its subjects: the people and unnamed spokesmen its
        attributions name, plural speakers ("officials said"), else a person or "he" opening it."""
        s, e = sentence
        added = False
        for a in sorted(found, key=lambda a: a.subject_start):
            head = self.text[a.subject_start:a.verb_start] if a.kind not in ("trail", "accord") else \
                self.text[a.verb_end:min(e, a.verb_end + 80)]
            plural = isinstance(a.speaker, Group) or bool(re.search(
                rf"\b(?:{PLURAL_PEOPLE})\b", head if a.kind not in ("trail", "accord") else head[:40], re.IGNORECASE)) \
                and not re.search(r"\b(?:he|she)\b", head, re.IGNORECASE)
            unnamed = bool(re.search(r"\b(?:spokes(?:man|woman|person)|official|source|representative|aide)\b",
                                     a.role or "", re.IGNORECASE))
            if a.speaker is not None and a.speaker.kind == "person" or unnamed:
                person = a.speaker if a.speaker is not None and a.speaker.kind == "person" else None
                self._subjects.append(Subject(a.subject_start if a.kind not in ("trail", "accord") else a.verb_end,
                                              sentence, a.speaker, a.role if unnamed else "", person,
                                              personal=not plural, plural=plural))
                added = True
            elif plural or a.speaker is not None:
                maybe = a.speaker is not None and not plural and lone_name(a.speaker)
                self._subjects.append(Subject(a.subject_start, sentence, a.speaker, a.role, None,
                                              personal=maybe, plural=plural, maybe=maybe))
        if added or found:
            return  # "Nath stopped paying fees, he said": the speaker is who it is, never the opening name
        opening = re.match(r"\s*(?:(?:But|And|Yet|So|However|Meanwhile),?\s+)?(?:(He|She)\b)?", self.text[s:e])
        if opening.group(1):
            at = s + opening.start(1)
            who, role = self._pronoun(at)
            if who is not None or role:
                self._subjects.append(Subject(at, sentence, who, role, who if who and who.kind == "person" else None))
            return
        first = next((m for m in self.names.within(s, e) if self._outside_quotes(m.start)), None)
        if first is not None and first.entity.kind == "person" and not isinstance(first.entity, Group) and \
                len(self.text[s:first.start].split()) <= 4 and not self._after_preposition(first.start) and \
                not re.search(r"[,;:(\u201c\"]", self.text[s:first.start]) and not self._byline(first.start):
            self._subjects.append(Subject(first.start, sentence, first.entity, "", first.entity))

    def _titled_person(self, pos: int, title: str) -> tuple[Entity | None, str]:
        """(speaker, role) of "the governor", "the spokesman" at ``pos``: the last person given a
        role with ``title`` in it, or the last unnamed subject with that role ("A Welsh government
        spokesman said …" then "the spokesman added"), whichever came last; else (None, "")."""
        named = next(((m.start, m.entity) for m in reversed(self.names.mentions) if m.end <= pos
                      and m.entity.kind == "person" and title.lower() in (m.entity.role or m.role).lower()), None)
        unnamed = next(((x.pos, x) for x in reversed(self._subjects) if x.pos < pos and x.person is None
                        and title.lower() in x.role.lower()), None)
        if unnamed and (named is None or unnamed[0] > named[0]):
            return unnamed[1].speaker, unnamed[1].role
        return (named[1], "") if named else (None, "")

    def _team(self, pos: int) -> Entity | None:
        """The people the text introduced as doing the research before ``pos`` ("Two researchers …,
        Eran Meshorer, … and Liran Carmel, …, led the team"): those named in the last sentence that
        speaks of researchers, scientists, a team, authors or a study; one person, a group, or None."""
        for s, e in reversed([x for x in self.sentences if x[0] < pos]):
            if not RESEARCH.search(self.text, s, e):
                continue
            people = []
            for m in self.names.within(s, min(e, pos)):
                if m.entity.kind == "person" and m.entity not in people and self._outside_quotes(m.start) \
                        and self._introduced(m):
                    people.append(m.entity)
            if people:
                return people[0] if len(people) == 1 else Group(people)
        return None

    def _introduced(self, m) -> bool:
        """Whether a person's mention says who they are: a title or role before the name, an
        apposition after it ("Eran Meshorer, stem cell biologist,"), or "researcher" beside it —
        not a name merely mentioned ("a common ancestor named Homo Heidelbergensis")."""
        return bool(m.role or m.entity.role) or \
            bool(re.match(r",\s*(?:(?:a|an|the)\s+)?[a-z][\w\u2019'-]*(?:\s+[\w\u2019'-]+){0,6}\s*(?:,|\band\b|$)",
                          self.text[m.end:m.end + 80])) or \
            bool(re.search(r"\b(?:researchers?|scientists?|professor|dr\.?|lead author|author)\s*,?\s*$",
                           self.text[max(0, m.start - 25):m.start], re.IGNORECASE))

    # ------------------------------------------------------------------ organisations

    def _salient_org(self, pos: int) -> Entity | None:
        """The organisation "it", "the company" or "the report" refers to at ``pos``."""
        before = sorted((x for x in self._salient if x[0] < pos), key=lambda x: x[0])
        for tier in (1, 2):
            found = [e for p, t, e in before if t == tier]
            if found:
                return found[-1]
        # none made a subject: the one organisation the text named, if it named only one
        orgs = {id(m.entity): m.entity for m in self.names.mentions if m.end <= pos and m.entity.kind == "organisation"
                and m.start not in self.media and not _country(m.entity.name)}
        return next(iter(orgs.values())) if len(orgs) == 1 else None

    def _document_source(self, noun: str, pos: int) -> Entity | None:
        """Who "the study" or "the report" stands for at ``pos``: a study's researchers when the text
        named them, else the organisation an attribution last named (never merely an organisation
        the text mentioned: "according to the study" in a sentence about Neanderthals)."""
        if noun.lower() in ("study", "research", "paper", "analysis") and self._team(pos) is not None:
            return self._team(pos)
        before = [(p, e) for p, e in self._sources if p < pos]
        published = self._publisher(pos)
        if published is not None and (not before or published[0] > before[-1][0]):
            return published[1]  # "researchers from Brigham Young University recently published a new study"
        return before[-1][1] if before else None

    def _publisher(self, pos: int) -> tuple[int, Entity] | None:
        """(where, who) of the last organisation before ``pos`` that the text says published, released
        or conducted a study, report or survey ("researchers from X recently published a new study", "X
        released a report")."""
        found = None
        for m in self.names.mentions:
            if m.start >= pos or m.entity.kind != "organisation":
                continue
            lead = re.search(r"\b(?:researchers|scientists|experts|a team|the team|academics)\s+(?:from|at|of|with)\s+"
                             r"(?:the\s+)?$", self.text[max(0, m.start - 40):m.start])
            act = re.match(r"[^.;]{0,60}?\b(?:published|publishes|released|releases|issued|issues|conducted|"
                           r"conducts|carried out|produced|produces)\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,3}"
                           r"(?:study|report|survey|paper|analysis|review)\b", self.text[m.end:pos])
            if act and (lead or not re.search(r"[,;]", self.text[m.end:m.end + act.start(0) + 1])):
                found = (m.start, m.entity)
        return found
