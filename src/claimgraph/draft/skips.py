"""What looks like a figure in news text and is none, for :mod:`.figures`: dates ("April 9",
"09/02/2017"), years, times of day ("2.30pm", "0900 GMT"), ages ("Bill Hoyes, 72,"), durations that
only date or bound a figure ("a 10-year study", "the 12 months to June"), labels ("type 2", "Channel
4"), numbers to call, street addresses, and the article's own lists; and which durations are the
claim itself (a prison term, a target, how long something takes).
"""
import re

from ..model.figures import read_figure
from .numbers import BOUND, BOUNDS, WORD
from .text import title_case

MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|"
          "jun|jul|aug|sep|sept|oct|nov|dec")
WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
DURATION = r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century|nights?|quarters?)"
LABELS = ("type|article|section|chapter|phase|level|category|stage|grade|class|tier|number|no|version|flight|"
          "route|room|page|line|paragraph|clause|model|series|season|episode|round|act|size|gate|platform|"
          "terminal|resolution|channel|covid|world war|vol|volume|part|item|step|point|figure|table|appendix|"
          "regulation|rule|schedule|amendment|annex|annexe|exhibit|route|highway|district|ward|unit|block")
DATE_ISH = re.compile(rf"\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}:\d{{2}}\b|\b\d{{1,2}}\.\d{{2}}\s?[ap]\.?m\b\.?"
                       rf"|\b\d{{1,2}}\s?[ap]\.?m\b\.?|\b\d+(?:st|nd|rd|th)\b"
                       rf"|\b(?:{MONTHS})\.?\s+\d{{1,2}}\b(?:,?\s+\d{{4}})?|\b\d{{1,2}}\s+(?:{MONTHS})\b\.?(?:\s+\d{{4}})?"
                       rf"|\b(?:1[89]|2[01])\d{{2}}\s*(?:-|–|to|and)\s*(?:1[89]|2[01])?\d{{2}}\b"
                       # a clock in four digits ("0900 GMT", "1430 hours")
                       rf"|\b[0-2]\d[0-5]\d\s?(?:GMT|UTC|ET|EST|EDT|CET|BST|IST|local|hours|hrs|h)\b", re.IGNORECASE)
YEAR = re.compile(r"^(?:1[89]|2[01])\d{2}$")
#: Numbers to call or quote, as police appeals and notices print them: "on 0800 555 111", "on 101",
#: "+44 20 7946 0000", "(555) 123-4567", "quoting reference 1234", "serial 567 of 7/1/24".
PHONE = re.compile(r"(?<![\w.,])(?P<n>\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]\d{2,4}){1,4}"
                   r"|\(\d{2,5}\)\s?\d{3,4}[\s.-]?\d{3,4}|\d{3}-\d{3}-\d{4}|1-800-[\dA-Z-]{7,9}"
                   r"|0\d{2,4}[\s.-]\d{3,4}(?:[\s.-]\d{3,4})?)(?![\w,]|\.\d)"
                   r"|\bon (?P<short>101|999|911|112|111|000)(?=\s*(?:[,;)]|\.(?!\d)|$|or\b|and\b|quoting\b))"
                   r"|\b(?:reference|serial|incident|log|crime|case)(?: number| no\.?)? (?P<ref>\d+)", re.IGNORECASE)


def phone_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every number to call or quote in ``text`` (:data:`PHONE`)."""
    out = []
    for m in PHONE.finditer(text):
        group = next(g for g in ("n", "short", "ref") if m.group(g))
        out.append(m.span(group))
    return out


def skip(text: str, start: int, end: int, dates: list[tuple[int, int]]) -> bool:
    """Whether the number at start–end is a date, year, time, ordinal, age, duration or label."""
    core = text[start:end]
    if any(s <= start < e or s < end <= e for s, e in dates):
        return True
    digits = re.sub(r"[^\d.,]", "", core)
    bare = not re.search(r"[%$€£¥₹₽a-zA-Z]", core.replace("per cent", "%")) or re.fullmatch(r"[\d,.]+", core)
    if bare and YEAR.match(digits) and "," not in core:
        return True
    after = text[end:end + 40]
    before = text[max(0, start - 40):start]
    if re.match(rf"^(?:-|\s)(?:{DURATION})\b|^[- ](?:{DURATION})-old\b|^[- ]year-old|^-(?:{DURATION}|strong)\b", after,
                re.IGNORECASE) and not re.search(r"%|per ?cent|percent|pc$", core) and not _deep_time(core, after) \
            and not duration_claim(text, start, end):
        return True
    if re.search(r"\b(?:call|calls|called|calling|dial|dials|dialed|dialled|dialing|dialling|phoned|phone|ring|rang|"
                 r"ringing|text|texting)\s+$", before,
                 re.IGNORECASE) and bare:
        return True  # "The man called 911": a number to call
    if bare and re.match(r"^\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w.'-]*\s+){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|"
                         r"Lane|Ln|Drive|Dr|Way|Place|Pl|Highway|Hwy|Parkway|Pkwy|Terrace|Crescent)\b", after):
        return True  # "3208 S. Thompson St.": an address
    if re.search(r"\b(?:here are|these are|here is)\s+(?:the\s+)?$", before, re.IGNORECASE) and \
            not re.search(r"[%$€£¥₹₽]", core):
        return True  # "Here are five takeaways from …": the article's own list
    if re.search(rf"\b(?:{LABELS})\.?\s*$", before, re.IGNORECASE) and bare:
        return True
    if re.search(r"\b(?:aged?|ages|age of|ages of)\s*$", before, re.IGNORECASE) or \
            re.match(r"^\s+(?:years?|months?|weeks?|days?)\s+old\b", after, re.IGNORECASE) or (re.search(r"[A-Z][a-z]+,\s*$", before)
                                                           and re.match(r"^\s*(?:,|\.(?!\d))", after) and bare
                                                           and len(digits) <= 3) or \
            (re.search(r"[A-Z][a-z]+\s*\(\s*$", before) and re.match(r"^\s*\)", after) and bare and len(digits) <= 3):
        return True  # "Bill Hoyes, 72,", "… with Mary Jones, 35.", "John Smith (42)" and "aged 72"
    if re.search(rf"\b(?:{WEEKDAYS})\s*$|\b(?:{MONTHS})\.?\s*$", before, re.IGNORECASE) and bare:
        return True
    line_start, line_end = text.rfind("\n", 0, start) + 1, (text.find("\n", end) + 1 or len(text) + 1) - 1
    line = text[line_start:line_end].strip()
    if bare and text[end:line_end].strip() == "" and len(line.split()) <= 5 and not re.search(r"[.!?:;,]", line) and \
            re.search(r"[A-Z][a-z]+ [A-Z][a-z]+", line) and re.search(r"\s[a-z]+\s+$", before) and \
            not re.search(r"\b(?:to|at|of|by|for|from|over|under|in|on|hits?|reach(?:es)?|tops?|kills?|killed|dead|is|are|"
                          r"was|were|rises?|rose|falls?|fell|up|down|now|with|than)\s+$", before):
        return True  # "Angie Motshekga matric 23": a photo's caption names a picture, it claims nothing
    # "a one year prison sentence": a duration the sentence claims is a figure after "a" and as "one"
    claimed = bool(re.match(rf"^[ -]{DURATION}\b", after, re.IGNORECASE)) and duration_claim(text, start, end)
    if re.fullmatch(r"one", core, re.IGNORECASE) and not claimed:
        return True  # "one large group": a determiner, not a count
    if re.search(r"\b(?:younger|older) than\s*$", before, re.IGNORECASE):
        return True  # an age
    if re.search(r"\b(?:the|a|an|these|those)\s+$", before, re.IGNORECASE) and not claimed and \
            re.fullmatch(rf"{WORD}|double|triple|treble|quadruple", core, re.IGNORECASE):
        return True  # "the four countries" (named before), "the double charging" (an adjective)
    if core[:1].isupper() and core[1:].islower() and re.fullmatch(WORD, core, re.IGNORECASE) and \
            re.search(r"[a-z,]\s+(?:[a-z]+\s+)?$", before) and not re.search(r"\n", before[-3:]):
        return True  # "The Group of Seven", "the Big Four": a number word capitalised inside a sentence names
    prev = re.search(r"(\S+)\s+$", before)
    headline = title_case(line)
    if headline:  # capitals say nothing of names in "Floods Kill 30 In Kerala", "Police Seize 400 Cannabis Plants"
        after = after.lower()
    if bare and prev and re.fullmatch(r"[A-Z][A-Za-z&]*[A-Za-z]|[a-z]+[A-Z][A-Za-z]*|Poor['\u2019]s", prev.group(1)) and not BOUND.search(before) \
            and not (headline and re.fullmatch(_HEADLINE_VERBS, prev.group(1), re.IGNORECASE)) \
            and not (re.search(r"[.!?:\"“]\s+\S+\s+$|^\s*\S+\s+$", "\n" + before.split("\n")[-1]) and not headline) \
            and not re.match(r"^\s+(?:[a-z]+\s+){0,2}[a-z]+s\b", after):
        return True  # "Channel 4", "Apollo 11", "the FTSE 100 Index", "Windows 11 Update": a number in a name
    return False


#: Verbs and function words a title-case headline puts before its figure ("Floods Kill 30", "Sales Top
#: 1 Million", "Inflation Falls To 6.7 Percent"): no name ends in them.
_HEADLINE_VERBS = ("kill|kills|killed|hit|hits|top|tops|topped|reach|reaches|reached|seize|seizes|seized|sell|sells|sold|"
                   "buy|buys|bought|jump|jumps|rise|rises|rose|fall|falls|fell|drop|drops|dropped|cut|cuts|add|adds|"
                   "added|lose|loses|lost|win|wins|won|beat|beats|pay|pays|paid|raise|raises|raised|save|saves|saved|"
                   "rescue|rescues|rescued|arrest|arrests|arrested|fine|fines|fined|jail|jails|jailed|injure|injures|"
                   "injured|hire|hires|hired|axe|axes|axed|sack|sacks|slash|slashes|hike|hikes|surge|surges|soar|"
                   "soars|climb|climbs|gain|gains|tops|hits|nears|near|exceed|exceeds|pass|passes|passed|leave|leaves|"
                   "left|evacuate|evacuated|displace|displaced|claim|claims|claimed|say|says|said|see|sees|saw|"
                   "expect|expects|forecast|forecasts|worth|over|under|nearly|almost|about|than|at|to|by|of|for|"
                   "from|with|and|just|only|record|all|every|another|first|last|its|their")


#: Words before a duration that make it what the sentence claims: a prison term ("sentenced Liu to 12
#: years"), a length stated ("the standard time is 11 weeks", "it will take up to six months"), a
#: norm ("shorter than the regular six months").
_CLAIMED_DURATION_BEFORE = re.compile(
    r"(?:\b(?:sentenced|sentence|sentences|jailed|jail|jails|jailing|imprisoned|imprison|banned|ban|bans|banning|"
    r"suspended|suspend|detained|detain|disqualified|disqualify|barred|remanded)\b[^.;]{0,60}?\b(?:to|for)"
    r"|\b(?:is|was|are|were|be|been|takes?|took|taking|(?<!the )(?<!this )(?<!its )lasts?|lasted|lasting)"
    r"|\bthe\s+(?:usual|regular|normal|standard|typical|average|required|maximum|minimum|statutory)"
    # "He received a total of 5 years 9 months imprisonment", "he will serve 18 months"
    r"|\b(?:received|receives|receive|given|handed|serve|serves|serving|served|faces|facing|face)"
    r"(?:\s+(?:a|an))?(?:\s+(?:total|maximum)\s+of|\s+further)?"
    r"|\b(?:sentence|term|prison term|jail term)\s+of)"
    rf"\s+(?:(?:{'|'.join(w for w, _ in BOUNDS)})\s+)?$", re.IGNORECASE)
#: Words after a duration that make it the claim: "12 years in prison", "nine months, the target time".
_CLAIMED_DURATION_AFTER = re.compile(
    r"^[ -][a-z]+(?:\s+in\s+(?:prison|jail)|\s+(?:of\s+)?imprisonment|\s+behind\s+bars"
    r"|\s+(?:on|of)\s+(?:supervised\s+release|probation|parole|community\s+service)"
    r"|(?:\s+[\w\u201c\u201d\"-]+){0,4}\s+(?:prison\s+|jail\s+)?(?:sentence|term)\b"
    r"|,\s+(?:the|a)\s+(?:[\w-]+\s+){0,2}(?:target|limit|deadline|maximum|minimum|standard)\b)", re.IGNORECASE)


def duration_claim(text: str, start: int, end: int) -> bool:
    """Whether a duration is the figure a sentence claims (a prison term, a target, a standard time, how
    long something takes), not one that dates or bounds another figure ("waiting longer than nine
    months", "in two years", "a 10-year study", "two years ago")."""
    after = text[end:end + 60]
    if re.match(r"^[ -][a-z]+\s+(?:ago|later|earlier|since|from now|into)\b", after) or re.match(r"^-", after):
        return False
    before = text[max(0, start - 80):start]
    if re.search(rf"\b(?:takes?|took|taking|(?<!the )(?<!this )(?<!its )lasts?|lasted|lasting)\s+(?:(?:{'|'.join(w for w, _ in BOUNDS)})\s+)?$", before,
                 re.IGNORECASE):
        return True  # "it will take up to six months before the aid comes in"
    if re.match(r"^[ -][a-z]+\s+(?:before|after)\b", after):
        return False  # "it was three weeks before the vote": a date
    return bool(_CLAIMED_DURATION_BEFORE.search(before) or _CLAIMED_DURATION_AFTER.match(after))


def _deep_time(core: str, after: str) -> bool:
    """"40,000 years ago", "between 700,000 and 300,000 years ago": a date so far back that it is
    an estimate (the figure a study gives), not a date that places a figure ("two years ago")."""
    if not re.match(r"^\s+years\s+ago\b", after, re.IGNORECASE):
        return False
    last = re.split(r"\s*(?:-|–|\bto\b|\band\b)\s*", core.strip())[-1]
    reading = read_figure(last)
    return reading is not None and reading.value >= 1000

