"""Who a noun phrase names, for :mod:`.speakers`: the subject before a speech verb ("X said",
"X, the minister for …, said", "the head of the agency", "Henrietta Fore … and WHO Director-General
Tedros …", "the researchers"), after it ("…, said Mr Grandi"), "he" and "it", "the company" and "the
report", and the words news writing uses for speakers it does not name ("officials", "a top
government source", "state television").
"""
import re

from ..model.words import fold
from .kinds import GENERIC, TITLES, demonym, is_org
from .kinds import country as _country
from .names import COMMON, Entity, Group
from .referents import PLURAL_PEOPLE, PREPOSITIONS, Referents

SPEECH_VERBS = ("said|says|say|told|tells|added|adds|adding|stated|states|claimed|claims|claim|warned|warns|"
                "announced|announces|reported|reports|found|finds|estimated|estimates|estimate|showed|shows|show|"
                "indicated|indicates|revealed|reveals|informed|informs|emphasized|emphasised|stressed|noted|notes|"
                "explained|explains|wrote|writes|argued|argues|believes|predicted|predicts|forecast|forecasts|"
                "expects|expected|blamed|blames|called|calls|branding|branded|described|describes|confirmed|"
                "confirms|insisted|insists|acknowledged|admitted|suggested|suggests|projected|presented|"
                "concluded|calculated|puts|praised|praises|criticised|criticized|urged|urges|welcomed|accused|put|"
                "disclosed|discloses|mentioned|clarified|remarked|reiterated|lamented|conceded|affirmed|asserted|"
                "contended|replied|testified|recalled|alleged|criticises|criticizes|slams|blasts|"
                # participles ("organisers Tuesday announcing a 13.6 percent boost"); not "reporting",
                # which more often means having ("the hardest-hit country, reporting more than 69,000 cases")
                "saying|claiming|warning|announcing|insisting|arguing|noting|stating|explaining|estimating|"
                "predicting|suggesting|telling")
#: Verbs whose subject may follow them: "…, said Mr Grandi", "…, reported The Financial Times".
INVERTING = {"said", "says", "say", "added", "adds", "reported", "reports", "wrote", "writes", "stated", "warned", "noted",
             "claimed", "explained", "continued", "insisted", "stressed", "emphasized", "emphasised"}
#: Verbs that attribute only with a document for subject ("A new study released this week details how …"):
#: "details" and "outlines" are nouns as often.
DOCUMENT_VERBS = {"details", "detailed", "outlines", "outlined"}
#: Verbs that attribute only with researchers for subject ("led the team that discovered the 0.12
#: percent difference"); "police discovered 16 bodies" is an event.
RESEARCH_VERBS = {"discovered", "discovers", "identified", "identifies", "measured", "measures"}
# "called off the rescue", "called in sick", "put up": not words said
# "states" is a verb only before "that" or a colon ("42 U.S. states" is a noun)
VERB = re.compile(r"(?:(?<=\bIt )|(?<=\bit )|(?<=\bHe )|(?<=\bhe )|(?<=\bShe )|(?<=\bshe )|(?<=\bThey )|(?<=\bthey ))"
                  r"(?:projects|sees|anticipates)\b"  # "It projects growth of just 3.6 percent": a forecast
                  rf"|\b(?:{SPEECH_VERBS}|{'|'.join(sorted(DOCUMENT_VERBS | RESEARCH_VERBS))})\b(?<!called)(?<!calls)(?<!put)"
                  r"(?<!\bstates)(?<!\bstate)"
                  r"|\bstates?\b(?=\s+that\b|\s*:)"
                  r"|\b(?:called|calls|put)\b(?!\s+(?:off|in|up|on|for|out|away|down)\b)")
AUX = re.compile(r"(?:\s+(?:has|have|had|also|now|further|later|earlier|previously|then|next|again|still|reportedly|"
                 r"would|will|had\s+been|on\s+\w+day|(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|"
                 r"last\s+\w+|\w+ly|in\s+a\s+statement))+\s*$", re.IGNORECASE)
#: Nouns of an organisation or its document: "the company said", "the report showed".
RESEARCH_SUBJECT = re.compile(r"\b(?:the|a|an|these|those|our|their)\s+(?:[\w-]+\s+)?(?:researchers|scientists|team|"
                              r"authors|study authors)(?:\s+(?:that|who|which))?\s*$", re.IGNORECASE)
ORG_NOUNS = ("company|firm|agency|regulator|watchdog|group|bank|ministry|service|network|organisation|organization|"
             "court|tribunal|commission|committee|board|government|"
             "body|charity|coalition|union|council|authority|department|institute|observatory|report|study|survey|"
             "research|statistics|data|figures|analysis|review|index|poll|census|release")
#: Nouns that make "the <organisation> health agency" one of its bodies, not the organisation itself.
BODY_NOUNS = ("agency|body|office|unit|arm|branch|division|department|watchdog|regulator|ministry|council|"
              "committee|commission|fund|programme|program|mission|panel|court|tribunal")
#: Of ORG_NOUNS, those that stand only for an organisation named with that word ("the court said" is
#: the Beijing No 3 Intermediate People's Court, never the organisation last named).
NAMED_ONLY = {"court", "tribunal", "commission", "committee", "board", "government"}
#: Of ORG_NOUNS, those that name a document: "the report said" is its publisher's.
DOCUMENT_NOUNS = {"report", "study", "survey", "research", "statistics", "data", "figures", "analysis", "review",
                  "index", "poll", "census", "release"}
#: What a count or a study finds: "results show", "the findings suggest", "preliminary figures indicate".
FINDINGS = {"results", "findings", "figures", "data", "statistics", "numbers", "estimates", "polls", "records",
            "projections", "counts", "tallies"}
#: Nouns of what an organisation publishes that are no document by themselves elsewhere: "an Auckland
#: University announcement said", "a UNHCR statement said".
OWN_DOCUMENTS = {"announcement", "statement", "press release", "bulletin", "update", "notice", "filing"}
#: A document the text has not named: "a new report", "a 10-year study", "new figures", "official data".
UNNAMED_DOCUMENT = re.compile(r"(?:^|\s)(?:(?:a|an)\s+(?:[\w\u2019'-]+\s+){0,3}(?:report|study|survey|analysis|review|poll|census)"
                              r"(?:\s+(?:released|published|issued|conducted|out)\b[^,;]*)?"  # "a new study released this week"
                              r"|(?:new|latest|recent|official|provisional|preliminary|fresh)\s+(?:[\w-]+\s+){0,2}"
                              r"(?:figures|data|statistics|research|estimates|numbers))$", re.IGNORECASE)
DEFINITE = re.compile(rf"(?:^|\s)(?:the|a|an|its|this|that)\s+(?:[\w\u2019'.-]+\s+){{0,3}}(?:{ORG_NOUNS})$",
                      re.IGNORECASE)
#: Nouns whose phrase names a speaker the draft cannot name: "Pakistan's private Aaj television
#: reported", "state-run SANA news reported", "the government of President X reported".
SPEAKING_NOUNS = {"television", "tv", "radio", "newspaper", "broadcaster", "daily", "media", "news", "agency",
                  "channel", "outlet", "government", "administration", "military", "army", "ministry", "authorities",
                  "authority", "police", "spokesman", "spokeswoman", "spokesperson", "statement", "office"}
#: Someone a text quotes without a name: "a top government source", "a senior official".
UNNAMED = r"(?:source|official|spokesman|spokeswoman|spokesperson|representative|insider|aide|diplomat|adviser|advisor)"
SPOKESMAN = re.compile(r"(?:spokesman|spokeswoman|spokesperson|representative|official|source|statement)$")
#: Agents named as the outlet that carried the words ("told AFP", "reported The Financial Times"):
#: not what "it" or "the company" later refers to.
MEDIUM_VERBS = {"reported", "reports", "told", "tells"}


class Subjects(Referents):
    """Noun phrases read as speakers, over the attributes a :class:`~.speakers.Speakers` sets (see
    :class:`~.referents.Referents`)."""

    def _joint_subject(self, start: int, stop: int) -> tuple[Entity, str, int] | None:
        """"X, role of Y, and Z said": two or more people named before the verb, joined by "and"."""
        quote_end = max((b for a, b in self.quoted if a < stop and b <= stop), default=start)
        seg_start = max(start, quote_end)
        people = [m for m in self.names.within(seg_start, stop) if m.entity.kind == "person"]
        if len(people) < 2 or people[-1].end < stop - 2 or \
                len(self.text[seg_start:people[0].start].split()) > 6 or VERB.search(self.text, people[0].end, stop):
            return None
        roles = []
        for n, m in enumerate(people):
            if n and not re.search(r"\band\b", self.text[people[n - 1].end:m.start]):
                return None
            end = stop
            if n + 1 < len(people):  # up to the next name, or to the title printed before it
                nxt = people[n + 1]
                at = self.text.rfind(nxt.role, m.end, nxt.start) if nxt.role else -1
                end = at if at >= 0 else nxt.start
            after = self.text[m.end:end]
            appos = re.match(r",\s*(.+?)\s*(?:,?\s+and\s*$|,\s*$)", after)
            roles.append(m.role or m.entity.role or (_role(appos.group(1)) if appos else ""))
        group = Group([m.entity for m in people], roles)
        return group, group.role, people[0].start

    # ------------------------------------------------------------------ noun phrases

    def _subject_before(self, start: int, end: int) -> tuple[Entity | None, str, int]:
        """(speaker, role, where the subject starts) of the noun phrase that ends at ``end``."""
        text = self.text
        left = text[start:end]
        aux = AUX.search(left)
        if aux:
            left = left[:aux.start()]
        left = left.rstrip()
        if re.search(r"\b(?:Inc|Co|Corp|Ltd|Plc|Jr|Sr|Bros)\.$", left):
            left = left[:-1]  # "Krispy Kreme Doughnuts Inc. reported": the name without the stop
        stop = start + len(left)
        pron = re.search(r"(?:^|\W)(he|she|it|they)$", left, re.IGNORECASE)
        if pron:
            word = pron.group(1).lower()
            pos = stop - len(word)
            if word in ("he", "she"):
                return (*self._pronoun(pos), pos)
            if word == "they":
                return (*self._they(pos), pos)
            return self._salient_org(pos), "", pos
        joint = self._joint_subject(start, stop)
        if joint:
            return joint
        team = RESEARCH_SUBJECT.search(left)
        if team and not re.match(r"\s*(?:a|an)\s", team.group(0)):
            return self._team(stop), "", start + team.start()
        # "CV-Library, which found": the relative clause's antecedent
        rel = re.search(r",\s*(?:which|who)$", left)
        if rel:
            m = self.names.ending_at(start + rel.start())
            return (m.entity, "", m.start) if m else (None, "", stop)
        # a title for someone named before: "the head of the UN agency", "the governor" (never "a
        # Welsh government spokesman": someone not named, below)
        title = re.search(rf"(?:^|\s)(?:the|its)\s+(?:[\w\u2019'-]+\s+){{0,2}}({'|'.join(sorted(TITLES))})"
                          r"(?:\s+(?:of|for)\s+[^,]*)?$", left, re.IGNORECASE)
        if title and not self.names.ending_at(stop):
            return (*self._titled_person(stop, title.group(1)), start + title.start())
        # an apposition the writer did not close: "Lee Biggins, CEO and founder of CV-Library said"
        open_appos = re.search(r",\s+([^,]+)$", left)
        head = self.names.ending_at(stop)
        if open_appos and not DEFINITE.search(left) and not (head and not self._after_preposition(head.start)):
            # not "In Turkey, the AFAD said" (the subject ends in a name that heads it, and "Turkey"
            # follows "In"), but "Lee Biggins, CEO and founder of CV-Library said"
            m = self.names.ending_at(start + open_appos.start())
            m = m if m and not self._after_preposition(m.start) else None
            seg = open_appos.group(1)
            after_quote = max([start] + [b for a, b in self.quoted if b <= (m.start if m else start)])
            lead_in = text[after_quote:m.start].strip(" \u201d\"'\u2019") if m else ""
            if m and (_role_like(seg) or any(w.lower() in TITLES for w in seg.split())) and \
                    (len(lead_in.split()) <= 4 or lead_in.rstrip().endswith(",")) and len(lead_in.split()) <= 6:
                return m.entity, _role(seg) if m.entity.kind == "person" else "", m.start
        # an apposition between commas: "X, the minister, said" or "the head of Y, X, said"
        if left.endswith(","):
            head_end = left.rfind(",", 0, len(left) - 1)
            seg_start = start + head_end + 1 if head_end >= 0 else start
            seg = text[seg_start:stop - 1].strip()
            seg_at = seg_start + (text[seg_start:stop - 1].index(seg) if seg else 0)
            person = self.names.starting_at(seg_at)
            if person and person.end >= stop - 2 and person.entity.kind == "person" and head_end >= 0:
                role_start = text.rfind(",", start, start + head_end)
                role = text[(role_start + 1 if role_start >= 0 else start):start + head_end].strip()
                return person.entity, _role(role), person.start
            if head_end < 0:
                return None, "", stop
            who, role, at = self._subject_before(start, start + head_end)
            if who is not None and not role and _role_like(seg):
                role = _role(seg)
            if who is None:
                # "Bill Hoyes, 72, from Stevenage, said": a person opening the clause, then asides
                first = next((m for m in self.names.within(start, stop) if self._outside_quotes(m.start)), None)
                if first is not None and first.entity.kind == "person" and \
                        re.fullmatch(r"\s*(?:(?:But|And|Yet|So)\s+)?", text[start:first.start]) and \
                        re.fullmatch(r"(?:,\s*(?:\d{1,3}|(?:from|of|in)\s+[A-Z][^,]{0,40}|(?:the|a|an)\s+[^,]{1,40}))+,",
                                     text[first.end:stop]):
                    return first.entity, "", first.start
            return who, role, at
        party = re.search(r"\s*\((?:[DRI]-[\w. ]{1,12}|[A-Z][a-z]+\.?|[A-Z]{2,4})\)$", left)
        person = party and self.names.ending_at(start + party.start())
        if person and person.entity.kind == "person":
            # "Sen. Jeanne Shaheen (D-N.H.) said", "John Cornyn (Texas) said": the party or state aside
            role_start, role = self._role_before(start, person.start - len(person.role) - 1 if person.role else person.start)
            return person.entity, _role(f"{role} {person.role}"), role_start if role_start is not None else person.start
        acronym = re.search(r"\(([A-Z][A-Za-z.&]{1,12})\)$", left)
        if acronym:
            m = self.names.ending_at(stop - 1, slack=1)
            if m:
                return m.entity, "", m.start
        m = self.names.ending_at(stop)
        of = m and m.entity.kind == "organisation" and re.search(r"\s+of\s+(?:the\s+)?$", text[start:m.start])
        person = of and self.names.ending_at(m.start - len(of.group(0)))
        if person and person.entity.kind == "person":
            # "Governor AbdulRahman AbdulRazaq of Kwara State": the person, with the place in the role
            role_start, role = self._role_before(start, person.start - len(person.role) - 1 if person.role else person.start)
            if role_start is not None:
                title = _role(f"{role} {person.role}")
                return person.entity, f"{title} of {text[m.start:m.end]}" if title else "", role_start
        staff = m and m.entity.kind == "organisation" and (re.search(
            rf"(?:^|[,;:]\s*|\s)((?:[A-Z][\w-]*\s+){{0,2}}(?:[a-z-]+\s+)?(?:{PLURAL_PEOPLE})\s+(?:at|from|of|with)\s+"
            r"(?:the\s+)?)$", text[start:m.start]) or re.search(rf"(?:^|\s)((?:a|an|one)\s+(?:[a-z-]+\s+){{0,2}}{UNNAMED}\s+"
                                                               r"(?:at|from|of|with|for)\s+(?:the\s+)?)$",
                                                               text[start:m.start], re.IGNORECASE))
        if staff:  # "New Zealand researchers at the University of Auckland revealed", "A senior official with
            # the Sichuan Provincial government said": the organisation's, with that role
            return m.entity, text[start + staff.start(1):m.end], start + staff.start(1)
        if m:
            # "UN High Commissioner for Refugees Filippo Grandi": the role is in the name's capitals
            role_start, role = self._role_before(start, m.start - len(m.role) - 1 if m.role else m.start)
            # an organisation's role is only what an apposition says of it, never "The" or "India's"
            role = _role(f"{role} {m.role}") if m.entity.kind == "person" else ""
            if role_start is None:
                return None, "", m.start  # "Organisers of … President George Bush claimed": the head is not the name
            return m.entity, role, role_start
        org = re.search(r"(?:^|\s)(?:a|an|the)\s+(.+?)\s+(?:spokesman|spokeswoman|spokesperson|representative|"
                        r"official|source)$", left, re.IGNORECASE)
        if org:
            m = self.names.ending_at(start + org.end(1))
            if m:
                return m.entity, org.group(0).strip(), start + org.start()
            government = self._government(org.group(1))  # "A Welsh government spokesman"
            if government is not None:
                return government, org.group(0).strip(), start + org.start()
        owned = re.search(rf"\s+(?:new\s+|latest\s+|annual\s+|own\s+)?(?:{'|'.join(sorted(DOCUMENT_NOUNS | OWN_DOCUMENTS))})$",
                          left, re.IGNORECASE)
        owner = owned and self.names.ending_at(start + owned.start())
        if owner and owner.entity.kind == "organisation" and not self._after_preposition(owner.start) and \
                (owner.entity.known or is_org(owner.entity.name.split())):  # not "the Forced Displacement report"
            return owner.entity, "", owner.start  # "An Auckland University announcement said"
        unnamed = re.search(rf"(?:^|\s)((?:a|an|the|one)\s+(?:[\w\u2019'-]+\s+){{0,3}}{UNNAMED})$", left, re.IGNORECASE)
        if unnamed:  # "A top government source said": nobody to name, but the role as printed
            return None, unnamed.group(1), start + unnamed.start(1)
        bare = UNNAMED_DOCUMENT.search(left)
        if bare:
            return None, "", start + bare.start()  # "new figures have revealed": nobody named yet
        definite = DEFINITE.search(left)
        if definite:
            # "a new report has found": a document not named yet, so nobody to name
            unnamed = re.match(r"\s*(?:a|an)\s", definite.group(0), re.IGNORECASE)
            return (None if unnamed else self._described_org(left, stop)), "", start + definite.start()
        return None, "", stop

    def _body(self, m, end: int) -> Entity | None:
        """"the United Nations health agency" (a name, then lower-case words ending ``end``): one of
        the organisation's bodies, not the organisation; known to the data folder by those words, or
        nobody the draft can name."""
        known = self.names.known.get(fold(self.text[m.start:end]))
        return Entity(known, "organisation", known=known) if known else None

    def _described_org(self, phrase: str, pos: int) -> Entity | None:
        """The organisation "the observatory" or "the company" stands for: the last one named
        with that noun in its name, else the one the text last made a subject; for "the <name>
        health agency", see :meth:`_body`."""
        inside = [x for x in self.names.mentions if pos - len(phrase) <= x.start and x.end <= pos]
        if inside and re.fullmatch(rf"\s+(?:[a-z]+\s+){{0,2}}(?:{BODY_NOUNS})\s*", self.text[inside[-1].end:pos]):
            return self._body(inside[-1], pos)
        noun = re.search(rf"({ORG_NOUNS})\s*$", phrase, re.IGNORECASE)
        if noun and noun.group(1).lower() in DOCUMENT_NOUNS:
            return self._document_source(noun.group(1), pos)
        government = self._government(phrase)
        if government is not None:
            return government
        if noun:
            for m in reversed(self.names.mentions):
                if m.end <= pos and m.entity.kind == "organisation" and \
                        any(noun.group(1).lower() == w.lower() for f in m.entity.forms for w in f.split()):
                    return m.entity
        if noun and noun.group(1).lower() in NAMED_ONLY:
            return None  # "the court said": the court named before, never any organisation
        return self._salient_org(pos)

    def _government(self, phrase: str) -> Entity | None:
        """"the Welsh government", "a UK government spokesman": the government of that nation, named
        as its own name for itself ("Welsh Government"), or as the data folder knows it; None for
        "the government" alone."""
        m = re.search(r"(?:^|\s)((?!(?:The|A|An|Its)\s)[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+(?:federal\s+|central\s+|national\s+)?government"
                      r"(?:\s+(?:spokes\w+|source|official|representative))?\s*$", phrase)
        if not m or not (demonym(m.group(1)) or _country(m.group(1))):
            return None
        name = f"{m.group(1)} Government"
        made = self.__dict__.setdefault("_governments", {})
        if name not in made:
            known = self.names.known.get(fold(name))
            made[name] = Entity(name, "organisation", {name}, known=known)
        return made[name]

    def _role_before(self, start: int, name_start: int) -> tuple[int | None, str]:
        """The role words before a name ("UN refugee chief", "the state’s deputy chief minister"),
        or (None, "") when the name is inside a prepositional phrase of another head."""
        words = list(re.finditer(r"[^\s,;:()\u2013\u2014]+", self.text[start:name_start]))
        kept = []
        for w in reversed(words):
            token = w.group(0)
            low = token.lower()
            gap = self.text[start + w.end():(start + kept[-1].start()) if kept else name_start]
            if re.search(r"[,;:()\u2013\u2014\"“”]", gap) or re.fullmatch(r"-+|.*[\"'\u2019\u201d]", token):
                break  # "'We deserved to win' - Tottenham boss Mourinho claims …": a dash or a quote ends it
            if low in PREPOSITIONS:
                before = words[words.index(w) - 1].group(0).lower() if words.index(w) else ""
                if low == "of" and (before in TITLES or before in {"director", "head", "founder", "member"}):
                    kept.append(w)
                    continue
                return None, ""
            if low in {"the", "a", "an"}:
                kept.append(w)
                break
            if low in COMMON and low not in {"chief"} or re.fullmatch(rf"(?:{SPEECH_VERBS})", low):
                break
            kept.append(w)
        if not kept:
            return name_start, ""
        first = kept[-1]
        role = self.text[start + first.start():name_start].strip()
        return start + first.start(), _role(role)

    def _subject_after(self, start: int, end: int) -> tuple[Entity | None, str]:
        """(speaker, role) of the noun phrase that starts at ``start`` ("said Mr Grandi", "said
        Gaucho Rasmussen, Ofcom’s enforcement director", "said a Stop the War Coalition spokesman")."""
        right = self.text[start:end]
        lead = len(right) - len(right.lstrip())
        right = right.lstrip()
        at = start + lead
        if re.match(r"(?:he|she)\b", right, re.IGNORECASE):
            return self._pronoun(at)
        if re.match(r"it\b", right, re.IGNORECASE):
            return self._salient_org(at), ""
        staff = re.match(rf"(?:a|an|one)\s+(?:[a-z-]+\s+){{0,2}}{UNNAMED}\s+(?:at|from|of|with|for)\s+(?:the\s+)?", right)
        org = staff and self.names.starting_at(at + staff.end())
        if org and org.entity.kind == "organisation":  # "according to an official with the U.S. Agency for …"
            return org.entity, self.text[at:org.end]
        spokes = re.match(r"(?:a|an|the)\s+(.+?)\s+(?:spokesman|spokeswoman|spokesperson|representative|official)\b",
                          right)
        if spokes:
            m = self.names.starting_at(at + spokes.start(1), slack=0)
            return (m.entity, spokes.group(0)) if m else (None, "")
        by = re.match(r"by\s+", right)
        if by:
            at, right = at + by.end(), right[by.end():]
        m = self.names.starting_at(at, slack=len(re.match(r"(?:(?:the|a|an)\s+)?(?:[\w\u2019'.-]+\s+){0,4}", right).group(0)))
        if m and m.entity.kind == "organisation":
            # "said Everton manager David Moyes": the organisation is the person's role
            titled = re.match(rf"\s+((?:[a-z-]+\s+){{0,2}}(?:{'|'.join(sorted(TITLES))}))\s+", self.text[m.end:end], re.IGNORECASE)
            person = titled and self.names.starting_at(m.end + titled.end())
            if person and person.entity.kind == "person":
                return person.entity, _role(self.text[m.start:person.start])
        if m:
            between = self.text[at:m.start]
            if re.search(r"[,;:()]", between) or any(w.lower() in PREPOSITIONS for w in between.split()):
                return None, ""
            body = re.match(rf"\s+(?:[a-z]+\s+){{0,2}}(?:{BODY_NOUNS})\b", self.text[m.end:end])
            if body and m.entity.kind == "organisation":
                return self._body(m, m.end + body.end()), ""
            role = (m.role or _role(between)) if m.entity.kind == "person" else ""
            appos = re.match(rf",\s*((?:the|a|an|who|whose|[\w\u2019'.-]+\u2019s|[\w\u2019'.-]+'s|{'|'.join(sorted(TITLES))})"
                             r"\s[^,.;]+)", self.text[m.end:end])
            # "said Kevin Restivo, senior research analyst with IDC's …", "said Scott Livengood, chairman,
            # president and chief executive": lower-case words with a title among their first few
            titled = re.match(r",\s*([a-z][\w-]*(?:,?\s+(?:and\s+)?[\w\u2019'&.-]+)*?)\s*(?=[.;]|$)", self.text[m.end:end])
            if appos and not role:
                role = appos.group(1).strip()
            elif titled and not role and m.entity.kind == "person" and \
                    any(w.strip(",").lower() in TITLES for w in titled.group(1).split()[:4]):
                role = titled.group(1)
            return m.entity, role
        if DEFINITE.search(" " + re.match(r"[^,.;]*", right).group(0).split(" said")[0]) or \
                re.match(rf"(?:the|its|a|an)\s+(?:[\w\u2019'.-]+\s+){{0,3}}(?:{ORG_NOUNS})\b", right, re.IGNORECASE):
            return self._described_org(re.match(r"[^,.;]*", right).group(0), at), ""
        return None, ""

    def _main_subject(self, s: int, pos: int) -> tuple[Entity | None, str]:
        """(speaker, role) of the subject opening the sentence at ``s`` (a name, "he", "the
        company"), for a participle after a comma at ``pos``; (None, "") when it is something else."""
        text = self.text
        pron = re.match(r"\s*(he|she|it)\b", text[s:pos], re.IGNORECASE)
        if pron:
            at = s + pron.start(1)
            return self._pronoun(at) if pron.group(1).lower() != "it" else (self._salient_org(at), "")
        first = next((m for m in self.names.within(s, pos) if self._outside_quotes(m.start)), None)
        if first is not None and len(text[s:first.start].split()) <= 4 and not self._after_preposition(first.start) \
                and not re.search(r"[,;:(]", text[s:first.start]) and not _country(first.entity.name):
            role_start, role = self._role_before(s, first.start - len(first.role) - 1 if first.role else first.start)
            if role_start is not None:
                return first.entity, _role(f"{role} {first.role}") if first.entity.kind == "person" else ""
        definite = re.match(rf"\s*(?:the|its)\s+(?:[\w\u2019'.-]+\s+){{0,3}}(?:{ORG_NOUNS})\b", text[s:pos], re.IGNORECASE)
        if definite:
            return self._described_org(definite.group(0), s), ""
        return None, ""

    def _plausible_subject(self, start: int, end: int) -> bool:
        """Whether the words before a speech verb name a speaker at all, even one the draft cannot
        name ("officials said", "police estimates"), rather than the verb being something else."""
        left = self.text[start:end]
        aux = AUX.search(left)
        left = left[:aux.start()] if aux else left
        words = re.findall(r"[\w\u2019'-]+", left)
        of = re.search(r"\b([\w-]+)\s+of\s+[^,;]*$", left)  # "the government of President Bashar al-Assad"
        if of and of.group(1).lower() in SPEAKING_NOUNS:
            return True
        if re.match(r"(?:said|says|told|tells|added|adds|stated)\b", self.text[end:end + 8]) \
                and re.search(r"(?:^|\s)(?:the|its|their|a|an)\s+(?:[a-z-]+\s+){0,5}[a-z-]+$", left.rstrip(), re.IGNORECASE):
            return True  # "The presidency said", "A report at a council meeting said": someone, not named
        if words and words[-1].lower() in FINDINGS and re.match(r"(?:show|shows|showed|shown|indicate|indicates|"
                                                                 r"indicated|suggest|suggests|suggested|reveal|"
                                                                 r"reveals|revealed|found)\b", self.text[end:end + 10]):
            return True  # "results show the ruling party will have …": a finding of someone not named
        return bool(words) and (words[-1].lower() in GENERIC or words[-1].lower().rstrip("s") in GENERIC
                                or words[-1].lower() in ("he", "she", "they", "it")  # "he said": said, by whom?
                                or words[-1].lower() in SPEAKING_NOUNS
                                or re.search(r"(?:\b(?:the|a|an|his|her|their|its)|[\w.-]+(?:'s?|\u2019s?))\s+"
                                             r"(?:[\w-]+\s+){0,2}[\w-]+\s*$", left, re.IGNORECASE)
                                and words[-1].lower() in TITLES  # "the governor said", "Jones' attorney said"
                                or re.fullmatch(UNNAMED + "s?", words[-1].lower()) is not None
                                or bool(UNNAMED_DOCUMENT.search(left.rstrip()))
                                or words[-1][0].isupper() or bool(DEFINITE.search(left.rstrip())))


def _role(words: str) -> str:
    """A role as a sheet writes it: no surrounding punctuation or quote marks, no leading article
    (except "a … spokesman"), nothing when only an article or a possessive is left."""
    words = " ".join(words.split()).strip(" ,;:\u201c\u201d\u2018\u2019\"'\u2013\u2014-")
    if re.fullmatch(r"(?i)(?:the|a|an|its|their|his|her)?|[\w.-]+(?:\u2019s|'s)", words):
        return ""
    words = re.sub(r"^(?:the|a|an)\s+", "", words, flags=re.IGNORECASE) if words.lower().startswith(("the ", "a ", "an ")) \
        and not re.search(r"spokes|organis", words) else words
    # a relative clause is a role only when it says what the speaker is or does for a living ("who is
    # the head of …", "who leads the U.N. refugee agency"), not what they did ("who made this
    # disclosure after a meeting with …", "who spoke to State House Correspondents")
    who = re.match(r"(?:who|whose)\s+(?:(?:is|was|has been)\s+(?:also\s+)?(?P<is>.+)|(?P<does>[a-z]+s\s.+))?", words,
                   re.IGNORECASE)
    if who:
        return _role(who.group("is")) if who.group("is") else who.group("does") or ""
    return words


def _role_like(segment: str) -> bool:
    first = segment.split()[0].lower() if segment.split() else ""
    return first in {"the", "a", "an", "who", "whose"} or first in TITLES or first.endswith(("\u2019s", "'s"))
