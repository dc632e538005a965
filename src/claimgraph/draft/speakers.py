"""Who says what in an article: the attributions of each sentence, and the speaker of a figure or
quotation wherever news writing puts one.

- "X said (that) …", "X, the minister for …, said", "the head of the agency, X, said",
  "X told reporters", "X said: …", "X, which found that …";
- "…, said X", "…, X said", "…, said a X spokesman", "…, reported The Financial Times";
- "according to X", "according to X's report", "a report by X";
- "he"/"she" for the last person the text made a subject, when no other person is named since;
  "it", "the company", "the agency", "the report" for the organisation the text last made a subject
  (not an outlet it cites: "told AFP", "reported The Financial Times"); "a Welsh government
  spokesman" for the Welsh Government, never a person named before (:mod:`.referents`);
- a headline "X: …", "… – X" or "…: X";
- a quotation with no attribution of its own: the speaker of the quotation before it in the
  paragraph, of the quotation it continues, or the person of the sentence before.

A sentence's attribution covers its figures (a leading "X said that" the words after it when X's
own clause comes first: "X did not comment on …, but said that …"). When an attribution names
nobody the draft can name ("officials said", "police estimates"), the speaker is left empty: a
wrong speaker is worse than a missing one.
"""
import re
from dataclasses import dataclass

from .kinds import GENERIC
from .kinds import country as _country
from .kinds import is_org
from .names import DOCUMENT_TITLE_NOUNS, Entity, Names
from .subjects import (AUX, DOCUMENT_NOUNS, DOCUMENT_VERBS, INVERTING, MEDIUM_VERBS, ORG_NOUNS, RESEARCH_SUBJECT,
                       RESEARCH_VERBS, UNNAMED, UNNAMED_DOCUMENT, VERB, Subjects)


@dataclass
class Attribution:
    """One attribution in a sentence: ``speaker`` None when it names nobody the draft can name."""
    verb_start: int
    verb_end: int
    speaker: Entity | None
    role: str
    kind: str  # lead (X said that …), trail (…, said X), accord (according to X), elided (but said),
    # subordinate (…, although X said that …: only the clause it opens)
    subject_start: int
    unnamed_document: bool = False  # "a new report has found", "according to a new report", "new figures"

    def covers(self, pos: int) -> bool:
        if self.kind == "accord":
            return True
        if self.kind == "elided":
            return pos >= self.verb_end
        if self.kind == "subordinate":
            return pos >= self.subject_start
        if self.kind == "trail":
            return pos < self.subject_start
        return not (self.subject_start <= pos < self.verb_start)


#: Nouns a speaker the draft cannot name goes by after an inverted verb ("…, said officials").
CROWD = "|".join(sorted(GENERIC | {"source", "sources", "official", "spokesman", "spokeswoman", "spokesperson",
                                   "representative", "insider", "aide", "diplomat", "adviser", "advisor", "statement",
                                   "report", "study", "survey", "data", "figures", "people", "person"}))


#: Nouns after a name that make it a qualifier of the name that follows ("The BlackBerry maker Research
#: in Motion", "the iPhone maker Apple", "Facebook parent Meta").
HEAD_NOUNS = ("maker|makers|owner|operator|giant|parent|unit|subsidiary|manufacturer|producer|retailer|developer|"
              "brand|chain|carrier|airline|insurer|lender|publisher|broadcaster|rival|supplier")


#: An organisation revising its own forecast states it: "has slashed its growth outlook to 7.2%", "raised
#: its forecast for 2024 to 1.5 per cent".
_REVISES = re.compile(r"\b(?P<verb>slashed|slashes|cut|cuts|raised|raises|lowered|lowers|revised|revises|downgraded|"
                      r"downgrades|upgraded|upgrades|trimmed|trims|lifted|lifts|nudged|pared)\b"
                      r"(?=(?:\s+(?:up|down|back))?(?:\s+[\w\u2019'&-]+){0,6}?\s+(?:growth\s+)?(?:outlook|forecasts?|"
                      r"estimates?|projections?|predictions?|guidance)\b)")


#: What a court or a hearing was told: "The court heard …", "the jury was told …", "an inquest heard".
_HEARD = re.compile(r"\b(?:court|jury|tribunal|inquest|hearing|committee|panel|magistrates|judge|trial)\s+"
                    r"(?:has\s+|had\s+|was\s+|were\s+)?(?P<verb>heard|told)\b(?!\s+(?:of|about)\b)", re.IGNORECASE)


class Speakers(Subjects):
    """The attributions of every sentence of ``text``."""

    def __init__(self, text: str, sentences: list[tuple[int, int]], names: Names, quoted: list[tuple[int, int]]):
        self.text, self.sentences, self.names, self.quoted = text, sentences, names, quoted
        self.media: set[int] = set()
        self._salient: list[tuple[int, int, Entity]] = []  # (position, tier, organisation)
        self._sources: list[tuple[int, Entity]] = []  # organisations an attribution named, in order
        for s, e in sentences:
            # not a name that qualifies the next one ("The BlackBerry maker Research in Motion")
            first = next((m for m in names.within(s, e) if m.entity.kind == "organisation"
                          and not re.match(rf"\s+(?:[a-z-]+\s+)?(?:{HEAD_NOUNS})\s+[A-Z]", text[m.end:m.end + 40])), None)
            if first and first.start - s < 30 and not self._after_preposition(first.start) \
                    and text[max(0, first.start - 1)] != "(" and not _country(first.entity.name):
                self._salient.append((first.start, 1, first.entity))
        self.by_sentence: dict[tuple[int, int], list[Attribution]] = {}
        self._subjects = []
        for n, (s, e) in enumerate(sentences):
            self.by_sentence[(s, e)] = self._attributions(s, e, headline=(n == 0))
            self._note_subjects((s, e), self.by_sentence[(s, e)])
            self._sources += [(a.verb_start, a.speaker) for a in self.by_sentence[(s, e)]
                              if a.speaker is not None and a.speaker.kind == "organisation"]
        self._name_unnamed_documents()

    def _name_unnamed_documents(self):
        """"…, a new report has found." followed by "…, according to the CDC's 2014 report." (or
        "according to Nationwide"): news names the source of a lead's unnamed document in the next
        sentence; the unnamed document is that organisation's. Only the very next sentence, and only
        an organisation it names with "according to"."""
        for n, sentence in enumerate(self.sentences[:-1]):
            unnamed = [a for a in self.by_sentence[sentence] if a.unnamed_document and a.speaker is None]
            if not unnamed:
                continue
            named = [a.speaker for a in self.by_sentence[self.sentences[n + 1]]
                     if a.kind == "accord" and a.speaker is not None and a.speaker.kind == "organisation"]
            if len(named) == 1:
                for a in unnamed:
                    a.speaker = named[0]

    # ------------------------------------------------------------------ sentences

    def _attributions(self, s: int, e: int, headline: bool) -> list[Attribution]:
        text = self.text
        found = []
        for m in re.finditer(r"\bquoted\s+(?:(.+?)\s+)?as\s+say(?:ing|s)\b", text[s:e]):
            # "State television quoted He Biao, director of …, as saying …"; "X was quoted as saying"
            if not self._outside_quotes(s + m.start()):
                continue
            passive = re.search(r"\b(?:was|were|is|are|been)\s+$", text[s:s + m.start()])
            if passive or not m.group(1):
                who, role, _ = self._subject_before(s, s + passive.start()) if passive else (None, "", 0)
            else:
                who, role = self._subject_after(s + m.start(1), s + m.end(1))
            found.append(Attribution(s + m.start(), s + m.end(), who, role, "elided", s))
        quoted_as = [(a.verb_start, a.verb_end) for a in found]
        for m in VERB.finditer(text, s, e):
            if any(a <= m.start() < b for a, b in quoted_as):
                continue
            if not self._outside_quotes(m.start()):
                continue
            verb = m.group(0)
            before = text[s:m.start()]
            if verb.endswith("ed") and re.search(r"\b(?:if|once|unless|until|when|where|as|than)\s+$", before, re.IGNORECASE):
                continue  # "If confirmed with final results, that would mean …": a condition, nobody speaking
            if verb in RESEARCH_VERBS and not RESEARCH_SUBJECT.search(before):
                continue
            if verb in DOCUMENT_VERBS and not UNNAMED_DOCUMENT.search(before.rstrip()) and \
                    not re.search(rf"\b(?:the|its|this)\s+(?:[\w\u2019'-]+\s+){{0,2}}(?:{'|'.join(DOCUMENT_NOUNS)})\s*$", before):
                continue
            if re.match(r"\s+(?:is|was|are|were|of|for|by)\b", text[m.end():e]) and verb not in ("said", "says") \
                    and not re.search(r"\b(?:is|was|are|were|been|be)\s+$", before):
                continue  # a noun: "the BNR forecast is", "the growth estimate of the government"
            if re.search(r"\b(?:was|were|is|are|been|be|being)\s+$", before):
                if re.match(r"\s+by\s", text[m.end():e]):  # "This is reported by Reuters"
                    who, role = self._subject_after(m.end(), e)
                    found.append(Attribution(m.start(), m.end(), who, role, "trail", m.start()))
                    if who is not None and verb in MEDIUM_VERBS:
                        self._mark_medium(m.end(), e)
                continue
            if verb in ("put", "called", "branding", "branded", "describes", "described", "blamed", "blames",
                        "calls") and not re.search(r"\w", before.strip(" ,")):
                continue
            inverted = re.search(r"[,\u201d\"'\u2019]\s*$", before) and not self.names.ending_at(m.start() - 1, slack=1) \
                and not re.search(r"\b(?:he|she|it|they)\s*$", before, re.IGNORECASE) \
                and re.match(r"\s+(?:by\s+)?(?:(?:the|a|an)\s+)?[A-Z\w]", text[m.end():e]) \
                and not re.match(r"\s+(?:it|that|this|they|there|its|their|what|how|why|when|on|in|at)\b", text[m.end():e]) \
                and not re.search(r"[,\u201d\"']\s*(?:and|but)\s*$", before)
            opener = self.names.starting_at(s, slack=len(before) - len(before.lstrip()))
            if inverted and opener is not None and opener.entity.kind == "person" and \
                    re.fullmatch(r",\s*[^,\u201c\u201d\"]{1,40},\s*", text[opener.end:m.start()]):
                inverted = False  # "Chris Hudson, defending, said Owen now knew …": Hudson said it
            if re.match(r"\s+(?:himself|herself|itself|themselves|myself|ourselves)\b", text[m.end():e]):
                continue  # "Allan Owen found himself in contempt": nothing said
            if inverted and verb in INVERTING:
                who, role = self._subject_after(m.end(), e)
                # "…, said a spokesman", "…, said officials"; not "X, of the faculty, said amateur
                # stargazers …" nor "X, on Tuesday, said between N5 billion and …"
                if who is not None or re.match(rf"\s+(?:(?:a|an|the|one|two|three|several|some|many|other)\s+)?"
                                               rf"(?:[a-z-]+\s+){{0,2}}(?:{CROWD})s?\b", text[m.end():e]):
                    found.append(Attribution(m.start(), m.end(), who, role, "trail", m.start()))
                    if who is not None:
                        self._salient.append((m.start(), 2, who))
                        if verb in MEDIUM_VERBS:
                            self._mark_medium(m.end(), e)
                    continue
            said = [a for a in found if a.verb_end <= m.start() and a.kind != "accord"]
            if verb.endswith("ing") and verb != "branding" and re.search(r",\s*$", before) and said:
                # "Nath stopped paying fees, he said, adding that …": the one who said, said this too
                found.append(Attribution(m.start(), m.end(), said[-1].speaker, said[-1].role, "subordinate", m.start()))
                continue
            if verb.endswith("ing") and verb not in ("adding", "branding") and re.search(r",\s*$", before):
                # "X spoke on Tuesday, saying that …": the main clause's subject said what follows
                who, role = self._main_subject(s, m.start())
                found.append(Attribution(m.start(), m.end(), who, role, "subordinate", m.start()))
                continue
            if re.search(r"\b(?:but|and)\s*$", before) and not re.search(r"\b(?:he|she|it|they)\s+\w*\s*$", before):
                # "X did not want to comment on …, but said that …": the sentence's person said it
                first = next((x for x in self.names.within(s, m.start()) if x.entity.kind == "person"), None)
                if first is not None:
                    who, role, _ = self._subject_before(s, first.end)
                    found.append(Attribution(m.start(), m.end(), who or first.entity, role, "elided", s))
                    continue
            clause = max(text.rfind(";", s, m.start()) + 1, s)
            who, role, subject_start = self._subject_before(clause, m.start())
            if who is None and re.search(r"\b(?:but|and)\s*$", before):
                # "But the Justice Department intervened and argued that …": the organisation opening it
                opener, _ = self._main_subject(s, m.start())
                if opener is not None and opener.kind == "organisation":
                    if not any(a.speaker is opener for a in found):  # "X said … and put …": X's "said" covers it
                        found.append(Attribution(m.start(), m.end(), opener, "", "elided", s))
                    continue
            if who is None and not self._plausible_subject(clause, m.start()):
                continue
            # "…, although the WHO said that …": the attribution governs the clause it opens only
            opens = re.search(r"[,;\u2013\u2014]\s*(?:although|though|even though|while|whereas|but|and|because|as|since|"
                              r"so|yet|after|when|if|with)\s+$", text[s:subject_start], re.IGNORECASE)
            if re.search(r"\b(?:that|who|whom|which)\s+(?:[\w-]+\s+){0,2}$|\b(?:that|who|which)\s*$",
                         AUX.sub("", text[clause:m.start()])):
                opens, subject_start = True, m.start()  # "led the team that discovered …": the relative clause only
            found.append(Attribution(m.start(), m.end(), who, role, "subordinate" if opens else "lead", subject_start,
                                     unnamed_document=who is None and bool(UNNAMED_DOCUMENT.search(
                                         (AUX.sub("", text[clause:m.start()]) or "").rstrip()))))
            if who is not None and role and who.kind == "person" and not who.role:
                who.role = role
            if who is not None and who.kind == "organisation":
                self._salient.append((m.start(), 1, who))
            if verb in ("told", "tells"):
                self._mark_medium(m.end(), e)
        for m in _HEARD.finditer(text, s, e):
            # "The court heard Mr Fay … earns €580 a week": said in court by someone the sentence does not name
            if self._outside_quotes(m.start()) and not any(a.kind == "lead" for a in found):
                found.append(Attribution(m.start("verb"), m.end("verb"), None, "", "lead", m.start()))
        for m in _REVISES.finditer(text, s, e):
            # "The World Bank has also slashed East Asia's growth outlook to 7.2%": its own forecast, revised
            if any(a.verb_start <= m.start() < a.verb_end or a.kind == "lead" for a in found) or \
                    not self._outside_quotes(m.start()):
                continue
            who, role, subject_start = self._subject_before(s, m.start())
            if who is not None and who.kind == "organisation":
                found.append(Attribution(m.start(), m.end("verb"), who, role, "lead", subject_start))
        for m in re.finditer(r"\baccording to\b", text[s:e], re.IGNORECASE):
            at = s + m.end()
            tail = text[at:e]
            him = re.match(r"\s+(him|her)\b", tail)
            if him:
                who, role = self._pronoun(at)
            else:
                phrase = re.match(r"[^,;]*", tail).group(0)
                owner = re.match(r"\s+((?:the\s+)?[^,;]+?)(?:\u2019s|'s)\s", phrase)
                report_by = re.match(r"\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:report|study|survey|count|analysis|"
                                     r"review|estimate|data|figures)\s+(?:by|from|of)\s+", tail)
                # "the report", "the agency" (not "the World Health Organization", a name)
                document = re.search(rf"(?:{ORG_NOUNS})\s*$", phrase)
                if owner:
                    who, role, _ = self._subject_before(at, at + owner.end(1))
                elif report_by:
                    who, role = self._subject_after(at + report_by.end(), e)
                elif document and any(at <= x.start < at + len(phrase) for x in self.names.mentions):
                    who, role = self._subject_after(at, e)  # "the United Nations health agency"
                elif document:  # "according to the report": its publisher; "a new report": unknown
                    who = self._described_org(phrase, at) if re.match(r"\s+the\b", phrase, re.IGNORECASE) else None
                    role = ""
                else:
                    who, role = self._subject_after(at, e)
                    title = self.names.starting_at(at, slack=len(re.match(r"\s*(?:the\s+|a\s+|an\s+)?", tail).group(0)))
                    if who is not None and title is not None and title.entity is who and not who.known and \
                            not is_org(who.name.split()) and \
                            re.match(rf"\s+(?:{DOCUMENT_TITLE_NOUNS})\b", text[title.end:title.end + 20]):
                        # "according to the World Economic Outlook report": a document's title, not who wrote
                        # it; the organisation the sentence opens with ("The IMF downgraded …"), or nobody
                        opener, _ = self._main_subject(s, s + m.start())
                        who, role = (opener if opener is not None and opener.kind == "organisation" else None), ""
            # "the company earned 13 cents, beating the average analyst estimate of 9 cents, according to
            # Thomson Reuters I/B/E/S": the source of the participle clause it closes, not of the sentence
            clause = re.search(r",\s+(?:[a-z]+ly\s+)?(?:beating|missing|topping|exceeding|trailing|lagging|compared|"
                               r"against|versus|above|below)\b[^,;]*,\s*$", text[s:s + m.start()])
            keep = not (who and who.kind == "organisation") or re.search(UNNAMED, role or "")  # "an official with X"
            found.append(Attribution(m.start() + s, at, who, role if keep else "",
                                     "subordinate" if clause else "accord", s + clause.start() if clause else s,
                                     unnamed_document=who is None and bool(
                                         UNNAMED_DOCUMENT.search(re.match(r"[^,;]*", tail).group(0).rstrip()))))
            if who is not None:
                self._salient.append((at, 2, who))
        if headline or not re.search(r"[.!?\u201d\"]$", text[s:e + 1].strip()):
            found += self._headline(s, e)
        if not found:
            estimate = re.search(r"\bthe\s+([A-Z][\w.&-]+(?:\s+[A-Z][\w.&-]+)*)\s+(?:[a-z]+\s+){0,3}"
                                 r"(?:estimate|estimates|figures|data|forecast|projection|count|tally)\b", text[s:e])
            if estimate:
                m = self.names.starting_at(s + estimate.start(1))
                if m:
                    found.append(Attribution(s + estimate.start(), s + estimate.end(), m.entity, "", "accord", s))
        return found

    def _headline(self, s: int, e: int) -> list[Attribution]:
        """"Isarescu: …", "… – UN High Commissioner for Refugees" and "…: WHO" in a title line."""
        text = self.text
        colon = re.match(r"([A-Z][^:]{1,60}):\s", text[s:e])
        if colon:
            m = self.names.starting_at(s)
            if m and m.end == s + colon.end(1):
                return [Attribution(s + colon.end(1), s + colon.end(), m.entity, "", "accord", s)]
        dash = re.search(r"\s[\u2013\u2014-]\s+([^\u2013\u2014-]+)$", text[s:e]) or \
            re.search(r":\s+([A-Z][^:]{1,60})$", text[s:e])  # "… – UN refugee agency", "…: WHO"
        if dash:
            # "… 'desired stability' - says Motshekga", "… - Motshekga says": a verb of saying either side
            verb = re.match(r"(?:says|said|claims|warns|insists|admits|tells\s+\w+|urges)\s+", dash.group(1))
            m = self.names.starting_at(s + dash.start(1) + (verb.end() if verb else 0))
            if m and (m.end == e or re.fullmatch(r"\s+(?:says|said|claims|warns|insists|admits)", text[m.end:e])):
                return [Attribution(s + dash.start(), e, m.entity, "", "accord", s)]
        return []

    def _mark_medium(self, start: int, end: int):
        m = self.names.starting_at(start, slack=len(re.match(r"\s*(?:by\s+)?(?:the\s+)?", self.text[start:end]).group(0)))
        if m:
            self.media.add(m.start)
            self._salient = [x for x in self._salient if x[2] is not m.entity]

    # ------------------------------------------------------------------ answers

    def for_figure(self, sentence: tuple[int, int], pos: int) -> tuple[str, Entity | None, str]:
        """(mode, speaker, role) of a figure at ``pos`` outside quotations: mode ``reported`` with
        the speaker whose attribution covers it; ``reported`` with no speaker when the sentence
        attributes words but to nobody the draft can name, or not clearly to these; ``own`` when it
        attributes nothing, or only a subordinate clause the figure is not in."""
        every = self.by_sentence.get(sentence, [])
        found = [a for a in every if a.covers(pos)]
        if not every or not found and all(a.kind == "subordinate" for a in every):
            return "own", None, ""  # no attribution, or only one in another clause ("…, although X said …")
        if found and all(a.kind in ("lead", "subordinate") and self._aside(a, pos) for a in found):
            return "own", None, ""  # "X said that … the match, which ended in a 2-1 victory": the writer's aside
        if found and all(a.kind != "accord" and self._consequence(a.verb_end, pos) for a in found):
            # "argued that three or four years was a more typical sentence, causing four prosecutors to
            # resign": the writer's account of what followed, or the speaker's: nobody named
            return "reported", None, ""
        named = [a for a in found if a.speaker is not None]
        if not named:  # "A Welsh government spokesman said": nobody to name, the role as printed
            return "reported", None, next((a.role for a in found if a.role), "")
        best = min(named, key=lambda a: (0 if a.kind != "accord" or len(named) == 1 else 1,
                                         abs(a.verb_start - pos)))
        return "reported", best.speaker, best.role

    def _aside(self, a: Attribution, pos: int) -> bool:
        """Whether ``pos`` is in a non-restrictive "which" clause after a verb of saying (the writer's
        aside inside reported words: "said his side deserved to win the match at Liverpool, which ended
        in a 2-1 victory"), the clause not closed by a comma before ``pos``; not after a verb that
        reports a finding ("reports on the trial of a drug, which was shown to reduce the risk by 33
        percent" is the reporter's account of the trial)."""
        if not re.fullmatch(r"said|says|told|tells|added|adds|claimed|claims|argued|argues|insisted|insists|stressed",
                            self.text[a.verb_start:a.verb_end]):
            return False
        which = [m for m in re.finditer(r",\s+which\s", self.text[a.verb_end:pos])]
        return bool(which) and "," not in self.text[a.verb_end + which[-1].end():pos] and self._outside_quotes(pos)

    def _consequence(self, start: int, pos: int) -> bool:
        """Whether ``pos`` follows ", causing", ", prompting", ", sparking", ", triggering" or ",
        forcing" after ``start``: what the words led to, not clearly the speaker's."""
        return bool(re.search(r",\s+(?:causing|prompting|sparking|triggering|forcing)\s[^,;]*$", self.text[start:pos]))

    def for_quotation(self, sentence: tuple[int, int], start: int, end: int) -> tuple[Entity | None, str, bool]:
        """(speaker, role, attributed) of the quotation at ``start``–``end`` in ``sentence``: the
        speaker (None when the sentence names nobody the draft can name: "officials said", "a
        source said"), and whether the sentence attributes it at all."""
        found = [a for a in self.by_sentence.get(sentence, []) if a.speaker is not None or a.role]
        if not found:
            return None, "", bool(self.by_sentence.get(sentence))
        # "X blamed "…", while Y said …": the attribution whose clause holds the quotation
        covering = [a for a in found if a.kind != "accord" and a.covers(start)]
        if covering and len(covering) < len(found):
            found = covering
        after = [a for a in found if a.verb_start >= end]
        before = [a for a in found if a.verb_end <= start]
        best = min(after, key=lambda a: a.verb_start - end) if after and (not before or after[0].verb_start - end < 40) \
            else max(before, key=lambda a: a.verb_end) if before else found[0]
        return best.speaker, best.role, True

    def sentence_speaker(self, sentence: tuple[int, int]) -> Entity | None:
        """The one speaker a sentence's attributions name ("…, the WHO said."), or None."""
        named = {id(a.speaker): a.speaker for a in self.by_sentence.get(sentence, []) if a.speaker is not None}
        return next(iter(named.values())) if len(named) == 1 else None

    def sentence_person(self, sentence: tuple[int, int]) -> Entity | None:
        """The person a sentence is about: the last person it made its subject, attributed words to
        or opening it ("Grandi raised concerns …"); None when it made none (or only a lone word that
        may be a person or an organisation)."""
        subjects = [x for x in self._subjects if x.sentence == sentence and x.personal and not x.maybe]
        return subjects[-1].person if subjects and subjects[-1].person is not None else None
