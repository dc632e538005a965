"""draft and audit: the measured floor on the dev corpus (real articles, reviewed sheets), the
rules of news writing each finder follows, and audit's source names. One regression test per bug
fixed, named for it."""
import csv
import importlib.util
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from claimgraph.draft import draft_rows
from claimgraph.draft.figures import find_figures
from claimgraph.draft.names import Names
from claimgraph.draft.quotations import find_quotations
from claimgraph.resources import default_data_dir

from conftest import ARTICLE

CORPUS = Path(__file__).parent / "corpus"
DEV = CORPUS / "dev"
LEDGER = "ledger-2024-08-02-caucasus"
#: What bench/draft_eval.py measured on the dev corpus's 46 articles (figures 0.97/0.98, quotations
#: 0.99/1.00, speakers 1.00/0.92, 0.41 changed cells per claim), a little below: a regression fails.
FLOOR = {"figures": (0.95, 0.96), "quotations": (0.97, 0.98), "speakers": (0.98, 0.90)}
MAX_CHANGED_CELLS = 0.45
#: Per batch (first 16, second 8, third 10, fourth 12, each held out once): figures 0.99/0.99, 0.99/1.00,
#: 0.98/0.99, 0.92/0.93; quotations 0.98/1.00, 1.00/1.00, 1.00/1.00, 1.00/1.00; speakers 1.00/0.94,
#: 1.00/0.90, 1.00/0.96, 0.99/0.88. A rule that helps one batch and hurts another fails here even when the
#: total holds.
BATCH_FLOOR = {"figures": (0.90, 0.91), "quotations": (0.96, 0.98), "speakers": (0.97, 0.86)}

def _bench():
    spec = importlib.util.spec_from_file_location("draft_eval", Path(__file__).parents[1] / "bench" / "draft_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def measured():
    bench = _bench()
    results, totals = bench.measure(DEV)
    return bench.scores(totals), dict(results)


@pytest.mark.parametrize("kind", sorted(FLOOR))
def test_draft_meets_the_measured_floor_on_the_dev_corpus(measured, kind):
    scores, _ = measured
    precision, recall = scores[kind]
    assert precision >= FLOOR[kind][0] and recall >= FLOOR[kind][1], (kind, precision, recall)


def test_a_person_changes_few_cells_per_drafted_claim(measured):
    scores, results = measured
    assert scores["cells"] <= MAX_CHANGED_CELLS
    assert sum(r["add"] for r in results.values()) <= 2  # claims the draft missed


def test_no_article_gets_a_wrong_speaker_more_than_once(measured):
    _, results = measured
    wrong = {stem: r["s_given"] - r["s_right"] for stem, r in results.items()}
    assert all(n <= 1 for n in wrong.values()), wrong
    assert sum(wrong.values()) <= 2, wrong


@pytest.mark.parametrize("batch", ["first", "second", "third", "fourth"])
@pytest.mark.parametrize("kind", sorted(BATCH_FLOOR))
def test_every_batch_meets_its_floor(measured, kind, batch):
    bench = _bench()
    _, results = measured
    later = set().union(*(b for _, b in bench.BATCHES))
    stems = {"first": set(results) - later, "second": bench.SECOND_BATCH, "third": bench.THIRD_BATCH,
             "fourth": bench.FOURTH_BATCH}[batch]
    precision, recall = bench.scores(bench.total(results.items(), stems))[kind]
    assert precision >= BATCH_FLOOR[kind][0] and recall >= BATCH_FLOOR[kind][1], (batch, kind, precision, recall)


def _rows(name: str, outlet: str = "", date: str = "") -> list[dict]:
    return draft_rows((DEV / f"{name}.txt").read_text(encoding="utf-8"), f"{name}.txt", outlet, date)


def _printed(text: str) -> list[str]:
    return [text[f.start:f.end] for f in find_figures(text)]


def test_dates_years_times_ages_ordinals_and_labels_are_not_figures():
    text = ("Shortly after 5.30pm on April 9, Bill Hoyes, 72, said type 1 diabetics and the third quarter of "
            "2016 mattered, as did Tuesday 8th and a 10-year study of the 12 months to June 2023 (09/02/2017 | 15:35) "
            "in the eight-week-old conflict in 2009-2012 between 2011 and 2019; Channel 4 said 1,200 people came.")
    assert _printed(text) == ["1,200"]


def test_figures_with_their_bounds_units_ranges_and_money():
    text = ("More than 650,000 people, nearly 10% of them, paid £10.5 million (US$14.6 million) and 13 cents; "
            "about 60 to 70 dead bodies; 4-5 percent; about $10 million to $20 million; over half; one in every 74; "
            "2.3 times higher; more than doubled; tens of thousands of protesters; 317 million average monthly "
            "active users; the half million refugees; 0.4 percentage points; three countries.")
    found = {text[f.start:f.end]: f for f in find_figures(text)}
    assert found["More than 650,000"].bound == "lower" and found["More than 650,000"].unit == "people"
    assert found["nearly 10%"].bound == "upper" and found["nearly 10%"].unit == "per cent"
    assert found["£10.5 million"].unit == "GBP" and found["US$14.6 million"].unit == "USD"
    assert float(found["13 cents"].value) == pytest.approx(0.13) and found["13 cents"].unit == "USD"
    assert (found["about 60 to 70"].minimum, found["about 60 to 70"].maximum) == (60, 70)
    assert found["about 60 to 70"].bound == "approximate"
    assert found["about $10 million to $20 million"].minimum == 10_000_000
    assert float(found["one in every 74"].value) == pytest.approx(1.351351)
    assert found["2.3 times"].value == 230 and found["more than doubled"].bound == "lower"
    assert found["tens of thousands"].value == 10_000 and found["tens of thousands"].bound == "lower"
    assert found["317 million"].unit == "monthly active users"
    assert found["half million"].value == 500_000 and found["three"].unit == "countries"
    assert found["0.4 percentage points"].unit == "percentage points"


def test_rupees_in_crores_and_lakhs_and_currencies_named_by_nationality():
    text = ("A penalty of up to Rs 15 crores, Rs. 4.5 lakh, Rs 15 cr, a fine of `5 crores (the rupee sign of an old "
            "font), Australian dollar 4.12 million, 1.21 US dollars, 50 Swiss francs and an 800 mn euro fine; a budget "
            "of Rs 7,36,437.71 crore, debt of Rs 1.33 lakh crore, 15 paise.")
    found = {text[f.start:f.end]: (f.value, f.unit) for f in find_figures(text)}
    assert found == {"up to Rs 15 crores": (150_000_000, "INR"), "Rs. 4.5 lakh": (450_000, "INR"),
                     "Rs 7,36,437.71 crore": (7_364_377_100_000, "INR"), "Rs 1.33 lakh crore": (1_330_000_000_000, "INR"),
                     "15 paise": (Decimal("0.15"), "INR"),
                     "Rs 15 cr": (150_000_000, "INR"), "`5 crores": (50_000_000, "INR"),
                     "Australian dollar 4.12 million": (4_120_000, "AUD"), "1.21 US dollars": (Decimal("1.21"), "USD"),
                     "50 Swiss francs": (50, "CHF"), "800 mn euro": (800_000_000, "EUR")}


def test_a_price_with_two_decimals_is_not_a_time_of_day():
    assert _printed("shares rose nearly 4 percent to $17.97 on Thursday") == ["nearly 4 percent", "$17.97"]


def test_a_change_is_not_a_range():
    assert _printed("revenue rose about 8 percent to $616 million") == ["about 8 percent", "$616 million"]


def test_graded_bounds_and_a_bound_carried_over_or():
    text = ("It rose by just over £4,500, to slightly above 11%, higher than 1% and a little over 200; a penalty of "
            "up to Rs 15 crores, or four per cent of turnover.")
    found = {text[f.start:f.end]: f.bound for f in find_figures(text)}
    assert found == {"just over £4,500": "lower", "slightly above 11%": "lower", "higher than 1%": "lower",
                     "a little over 200": "lower", "up to Rs 15 crores": "upper", "four per cent": "upper"}


def test_a_change_by_or_over_an_amount_to_a_level_is_not_a_range():
    text = "values rose by £4,500 to £157,250; rents rose over £300 to £1,200; between zero per cent and three per cent"
    found = [(text[f.start:f.end], f.minimum) for f in find_figures(text)]
    assert found == [("£4,500", None), ("£157,250", None), ("over £300", None), ("£1,200", None),
                     ("between zero per cent and three per cent", 0)]


def test_dates_far_back_are_figures_in_years_ago():
    text = "Somewhere between 700,000 and 300,000 years ago they split; some 40,000 years ago they died; two years ago"
    found = [(text[f.start:f.end], f.minimum, f.maximum, f.value, f.unit) for f in find_figures(text)]
    assert found == [("between 700,000 and 300,000", 300_000, 700_000, None, "years ago"),
                     ("some 40,000", None, None, 40_000, "years ago")]


def test_units_counted_nouns_rates_and_the_number_of():
    text = ("It has 112,163 measles cases and tens of thousands of reported cases per million people, 121 "
            "journalists and activists. The number of measles cases rose to 112,163. The index fell 173.1 points "
            "or 2.4% at 7100.3, after more than 200 points.")
    found = [(text[f.start:f.end], f.unit) for f in find_figures(text)]
    assert found == [("112,163", "cases"), ("tens of thousands", "cases per million people"), ("121", "people"),
                     ("112,163", "cases"), ("173.1 points", "points"), ("2.4%", "per cent"), ("7100.3", "points"),
                     ("more than 200 points", "points")]


def test_digits_and_fractions_of_a_point_are_figures_and_a_number_after_an_acronym_is_a_name():
    text = ("Prices failed to make it into double digits; double digit increases; it ended in single digits. "
            "It backed a quarter point rise, but that three members wanted half a percentage point, then a half-point "
            "cut, three-quarters of a point; the FTSE 100 Index fell.")
    found = [(text[f.start:f.end], f.value, f.unit, f.bound) for f in find_figures(text)]
    assert found == [("double digits", 10, "per cent", "upper"), ("double digit", 10, "per cent", "lower"),
                     ("single digits", 10, "per cent", "upper"), ("a quarter point", Decimal("0.25"), "percentage points", "exact"),
                     ("three", 3, "members", "exact"), ("half a percentage point", Decimal("0.5"), "percentage points", "exact"),
                     ("a half-point", Decimal("0.5"), "percentage points", "exact"),
                     ("three-quarters of a point", Decimal("0.75"), "percentage points", "exact")]


def test_a_title_case_headline_counts_its_noun_and_anywhere_from_is_a_range():
    text = "US Unemployment Rate Rises to 7.3%; 204000 Jobs Added\n\nEconomists called for anywhere from 50,000 to 175,000 new jobs."
    found = [(text[f.start:f.end], f.unit) for f in find_figures(text)]
    assert found == [("7.3%", "per cent"), ("204000", "jobs"), ("50,000 to 175,000", "jobs")]


def test_an_earthquakes_magnitude_and_verbs_that_bound_a_figure():
    text = "The magnitude 7.6 quake and a 7.9-magnitude one; the toll topped 18,000 and will climb past 75."
    found = [(text[f.start:f.end], f.value, f.unit, f.bound) for f in find_figures(text)]
    assert found == [("magnitude 7.6", Decimal("7.6"), "magnitude", "exact"),
                     ("7.9-magnitude", Decimal("7.9"), "magnitude", "exact"), ("18,000", 18_000, "people", "lower"),
                     ("past 75", 75, "people", "lower")]


def test_quotations_in_every_mark_and_across_paragraphs():
    text = ('He said: "We are determined to act.\n\n\u201cIt is unacceptable,\u201d she added. '
            "The \u2018usual package\u2019 isn't it. \u201eForecasts are confidential,\u201d said X.\n"
            "Lee Biggins said:\n\nIf your staff suffer, it\u2019s time to act.\n\nIn 2019, CE Safety found that.")
    words = [text[q.start:q.end] for q in find_quotations(text)]
    assert words == ["We are determined to act", "It is unacceptable", "usual package", "Forecasts are confidential",
                     "If your staff suffer, it\u2019s time to act"]


def test_the_title_of_an_embedded_video_is_page_chrome_not_a_quotation():
    text = ("Measles cases up 300%\n\nClick to play video: 'Measles cases surge in U.S. as global outbreak rises'\n"
            "Measles cases surge in U.S. as global outbreak rises\nWATCH: \u201cWhy it matters\u201d\n"
            "Video: she said \u201cno\u201d to it.")
    assert [text[q.start:q.end] for q in find_quotations(text)] == ["no"]


def test_a_lower_case_scare_quote_in_a_sentence_that_attributes_nothing_gets_no_row():
    text = ('We are "just" 98.8 percent similar to chimpanzees.\n\nProtesters carried banners with the word "Bush" '
            'and chanted "George Bush, terrorist".\n\nIt said the level had been "stable" for years.\n\nThat has '
            'not stopped Putin, claiming that Russians felt "disgust".')
    quotes = [r["quote"] for r in draft_rows(text, "t.txt") if r["kind"] == "quotation"]
    assert quotes == ["Bush", "George Bush, terrorist", "stable", "disgust"]


def test_speakers_where_news_writing_puts_them():
    rows = {r["quote"]: r for r in _rows("aljazeera-2023-06-14-record-displaced", "Al Jazeera", "2023-06-14")}
    assert rows["the usual package of causes"]["speaker"] == "Filippo Grandi [person]"
    assert rows["We are in a very polarised world, where international tensions play out all the way into "
                "humanitarian issues"]["speaker"] == "Filippo Grandi [person]"  # the second quotation of a paragraph
    cut = next(r for q, r in rows.items() if q.startswith("We see increasingly"))
    assert cut["speaker"] == "Filippo Grandi [person]"  # the person of the sentence before
    standfirst = next(r for r in rows.values() if r.get("as_printed") == "millions")
    assert standfirst["mode"] == "own" and standfirst["speaker"] == "Al Jazeera [organisation]"


def test_an_acronym_or_a_short_form_is_the_organisation_named_in_full():
    text = ("Measles cases up 300% worldwide: WHO\n\nThe World Health Organization released data. Cases rose 300 "
            "per cent, the WHO said. The Bank of England raised rates. The Bank said inflation would peak above 11%.\n\n"
            "Kenya Airways flew 5,000 people, Kenya said.")
    rows = {r["as_printed"]: r["speaker"] for r in draft_rows(text, "t.txt") if r["kind"] == "figure"}
    assert rows == {"300%": "World Health Organization [organisation]",
                    "300 per cent": "World Health Organization [organisation]",
                    "above 11%": "Bank of England [organisation]", "5,000": "Kenya [organisation]"}


def test_an_attribution_in_a_subordinate_clause_covers_that_clause_only():
    text = ("Madagascar is the hardest-hit country, reporting more than 69,000 cases, although the WHO said in a press "
            "release that 1,200 people had died.")
    rows = {r["as_printed"]: (r["mode"], r["speaker"]) for r in draft_rows(text, "t.txt", "Global News")
            if r["kind"] == "figure"}
    assert rows == {"more than 69,000": ("own", "Global News [organisation]"), "1,200": ("reported", "WHO [organisation]")}


def test_titles_before_names_and_names_with_a_plurals_possessive():
    text = ("Henrietta Fore, Executive Director of the UN Children\u2019s Fund (UNICEF) and WHO Director-General Tedros "
            "Adhanom Ghebreyesus spoke. UN High Commissioner for Refugees Filippo Grandi spoke to the Office of the "
            "United Nations High Commissioner for Refugees.")
    names = Names(text, {0})
    found = {text[m.start:m.end]: (m.entity.name, m.entity.kind, m.role) for m in names.mentions}
    assert found["UN Children\u2019s Fund"] == ("UN Children\u2019s Fund", "organisation", "")
    assert found["UNICEF"][0] == "UN Children\u2019s Fund"
    assert found["Tedros Adhanom Ghebreyesus"] == ("Tedros Adhanom Ghebreyesus", "person", "WHO Director-General")
    assert found["Filippo Grandi"] == ("Filippo Grandi", "person", "UN High Commissioner for Refugees")
    assert "Office of the United Nations High Commissioner for Refugees" in found


def test_a_joint_statement_names_both_speakers_with_their_roles():
    text = ("\u201cCases have soared across the world\u201d, Henrietta Fore, Executive Director of the UN Children\u2019s Fund "
            "(UNICEF) and WHO Director-General Tedros Adhanom Ghebreyesus, said in a joint statement.")
    [row] = draft_rows(text, "t.txt")
    assert row["speaker"] == "Henrietta Fore [person]; Tedros Adhanom Ghebreyesus [person]"
    assert row["speaker_role"] == "Executive Director of the UN Children\u2019s Fund (UNICEF); WHO Director-General"


def test_the_researchers_and_their_study_are_the_people_named_as_leading_it():
    text = ("Two researchers, Eran Meshorer, stem cell biologist, and Liran Carmel, computational biologist, led the "
            "team. The researchers said they were \"essentially the same species.\" They evolved from an ancestor named "
            "Homo Heidelbergensis. Genomes differ by just 0.1 percent, according to the study. The team said the "
            "difference increases to about 5 percent.")
    rows = {r.get("as_printed") or r["quote"]: r["speaker"] for r in draft_rows(text, "t.txt")}
    both = "Eran Meshorer [person]; Liran Carmel [person]"
    assert rows == {"Two": "", "essentially the same species": both, "0.1 percent": both, "about 5 percent": both}


def test_according_to_the_report_is_an_attributed_organisation_not_any_named_before():
    text = ("UNHCR said 110 million people were displaced. The last Neanderthals died some 40,000 years ago, "
            "according to the report.")
    rows = {r["as_printed"]: r["speaker"] for r in draft_rows(text, "t.txt")}
    assert rows["some 40,000"] == "UNHCR [organisation]"


def test_an_unnamed_source_gets_its_role_and_no_speaker():
    text = ("Filippo Grandi said: \u201cWe are failing.\u201d \u201cIt is a disgrace,\u201d officials said.\n\n"
            "A top government source said: \u201cThe bill proposes penalties of up to Rs 15 crores.\u201d")
    rows = [(r["speaker"], r["speaker_role"]) for r in draft_rows(text, "t.txt")]
    assert rows == [("Filippo Grandi [person]", ""), ("", ""), ("", "A top government source")]


def test_a_quotation_opening_a_sentence_is_the_speaker_of_the_sentence_before():
    text = ("Measles cases have increased worldwide, the WHO said. \u201cMany countries are in the midst of sizeable "
            "outbreaks.\u201d")
    [row] = draft_rows(text, "t.txt")
    assert row["speaker"] == "WHO [organisation]"


def test_a_participle_of_a_speech_verb_attributes_what_follows_it():
    text = ("Big pay is in store with organisers Tuesday announcing a 13.6 percent boost.\n\nHealth Minister Jane Doe "
            "spoke on Tuesday, saying 500 people had died.\n\nThe company cut 300 jobs, warning that 2,000 more "
            "could go.\n\nMadagascar is the hardest-hit country, reporting more than 69,000 cases.")
    rows = [(r["as_printed"], r["mode"], r["speaker"]) for r in draft_rows(text, "t.txt", "Outlet")]
    assert rows == [("13.6 percent", "reported", ""), ("500", "reported", "Jane Doe [person]"),
                    ("300", "own", "Outlet [organisation]"), ("2,000", "reported", ""),
                    ("more than 69,000", "own", "Outlet [organisation]")]


def test_a_body_of_an_organisation_is_not_the_organisation_and_a_name_ending_in_organization_is_a_name():
    text = ("UNITED NATIONS - Cases have tripled, according to the United Nations health agency.\n\n"
            "Cases rose 300%, the UN refugee agency said.\n\nDeaths rose 20%, according to the World Health Organization.")
    rows = [r["speaker"] for r in draft_rows(text, "t.txt", "", "", {"UN refugee agency": "UNHCR"})]
    assert rows == ["", "UNHCR", "World Health Organization [organisation]"]


def test_a_leads_unnamed_document_is_the_organisation_the_next_sentence_names():
    text = ("House prices rose by three per cent during 2005, new figures have revealed. The growth was down on the "
            "12.7 per cent of 2004, according to Nationwide Building Society.\n\nOver 650,000 people have fled, a "
            "new report has found. Departures have amounted to an exodus of 1.6 million, experts said.")
    rows = [(r["as_printed"], r["mode"], r["speaker"]) for r in draft_rows(text, "t.txt")]
    assert rows[0] == ("three per cent", "reported", "Nationwide Building Society [organisation]")
    assert rows[2] == ("Over 650,000", "reported", "")  # the next sentence names no organisation


def test_speakers_in_wire_copy_never_seen_by_the_corpus():
    text = ("\u201cThe problem is becoming deeper,\u201d Mohamed El-Erian, chief executive of bond giant Pacific Investment "
            "Management Co (PIMCO) told Reuters.\n\n\u201cIt\u2019s not just the headline number,\u201d he said.\n\n"
            "\u201cWhat we have is a summer slumber,\u201d says economist Joel Naroff of Naroff Economic Advisors.\n\n"
            "'It will be difficult to tell,' said Dean Maki, chief United States economist at Barclays, in an interview.")
    rows = [(r["speaker"], r["speaker_role"]) for r in draft_rows(text, "t.txt")]
    assert rows == [("Mohamed El-Erian [person]", "chief executive of bond giant Pacific Investment Management Co (PIMCO)"),
                    ("Mohamed El-Erian [person]", ""), ("Joel Naroff [person]", "economist"),
                    ("Dean Maki [person]", "chief United States economist at Barclays")]


def test_a_study_that_details_and_a_team_that_discovered_are_attributions_of_their_clause():
    text = ("Humans and Neanderthals Approximately 99.84 Percent Similar\n\nA new study released this week details how "
            "they were approximately 99.84 percent alike.\n\nTwo researchers, Eran Meshorer, stem cell biologist, and "
            "Liran Carmel, computational biologist, led the team that discovered the 0.12 percent difference.\n\n"
            "Police discovered 16 bodies.")
    rows = [(r["as_printed"], r["mode"], r["speaker"]) for r in draft_rows(text, "t.txt", "Outlet")]
    assert rows == [("Approximately 99.84 Percent", "reported", ""), ("approximately 99.84 percent", "reported", ""),
                    ("Two", "own", "Outlet [organisation]"),
                    ("0.12 percent", "reported", "Eran Meshorer [person]; Liran Carmel [person]"),
                    ("16", "own", "Outlet [organisation]")]


def test_speakers_in_disaster_wire_copy_never_seen_by_the_corpus():
    text = ("Interior minister Aftab Khan Sherpao said 19,136 people died in Pakistani Kashmir. Officials reported a "
            "magnitude 6 aftershock in parts of Pakistan Sunday afternoon. Of the deaths, 17,388 were reported in "
            "Kashmir, he said.\n\nPakistan's private Aaj television reported a death toll of more than 25,000.\n\n"
            "State television quoted Wang Biao, director of the emergency office, as saying there may be only 2,300 "
            "survivors.\n\nThe minister, Maksut Shadayev, was quoted as saying that 80% have come back.\n\n"
            "The White Helmets said there were more than 210 collapsed buildings. In Turkey, the AFAD said 13,740 "
            "rescuers had been deployed.")
    rows = {r["as_printed"]: (r["mode"], r["speaker"]) for r in draft_rows(text, "t.txt", "Outlet")}
    assert rows["17,388"] == ("reported", "Aftab Khan Sherpao [person]")  # not "Pakistani Kashmir", "Pakistan Sunday"
    assert rows["more than 25,000"] == ("reported", "")  # a broadcaster the draft cannot name, not the outlet
    assert rows["2,300"] == ("reported", "Wang Biao [person]")
    assert rows["80%"] == ("reported", "Maksut Shadayev [person]")
    assert rows["more than 210"] == ("reported", "White Helmets [organisation]")
    assert rows["13,740"] == ("reported", "AFAD [organisation]")


def test_initials_mononyms_after_titles_and_states_in_speakers():
    text = ("Industries minister MB Patil on Friday termed the Budget presented by Chief Minister Siddaramaiah an "
            "inclusive one and said that it exposed lapses.\n\n\u201cWe have provided Rs 52,000 crore,\u201d he added.\n\n"
            "Union minister Hardeep Singh Puri denied that the budget favoured Andhra Pradesh.\n\n"
            "\u201cIt is your commitment,\u201d he said.")
    rows = [(r["quote"][:12], r["speaker"]) for r in draft_rows(text, "t.txt")]
    assert rows == [("We have prov", "MB Patil [person]"), ("It is your c", "Hardeep Singh Puri [person]")]
    names = {m.entity.name: m.entity.kind for m in Names(text, {0}).mentions}
    assert names["Siddaramaiah"] == "person" and names["Andhra Pradesh"] == "organisation"


def test_said_in_its_annual_report_is_an_attribution():
    rows = _rows("aljazeera-2023-06-14-record-displaced")
    end_2022 = next(r for r in rows if r.get("as_printed") == "108.4 million")
    assert end_2022["mode"] == "reported" and end_2022["speaker"].startswith("United Nations High Commissioner")
    assert end_2022["time"] == "2022-12-31" or not end_2022["time"]


def test_a_name_inside_the_subjects_prepositional_phrase_is_not_the_speaker():
    rows = _rows("standard-nodate-bush-protest")
    organisers = next(r for r in rows if r.get("as_printed") == "up to 200,000")
    assert organisers["speaker"] == "" and organisers["mode"] == "reported"  # not "George Bush"


def test_whoever_is_told_is_not_the_speaker():
    rows = _rows("guardian-2003-11-20-bush-protest")
    smart = next(r for r in rows if r["quote"] == "smart march for smart people")
    assert smart["speaker"] == "Damon Albarn [person]"  # "told the Press Association that …"


def test_unmarked_words_after_said_colon_are_the_speakers():
    rows = [r for r in _rows("hrreview-nodate-tuesday-worst") if r["kind"] == "quotation" and r["quote"].startswith(("If", "It\u2019s"))]
    assert len(rows) == 2 and all(r["speaker"] == "Lee Biggins [person]" for r in rows)
    assert rows[0]["speaker_role"] == "CEO and founder of CV-Library"


def test_a_headline_takes_the_speaker_of_the_body():
    rows = _rows("channel4-2023-11-23-net-migration", "Channel 4 News", "2023-11-23")
    headline = next(r for r in rows if r.get("as_printed") == "745,000")
    assert headline["speaker"] == "Office for National Statistics [organisation]"


def test_draft_of_a_made_up_article_leaves_only_subjects_to_the_reviewer(run, tmp_path):
    shutil.copy(CORPUS / f"{LEDGER}.txt", tmp_path)
    sheet = tmp_path / "draft.csv"
    result = run("draft", tmp_path / f"{LEDGER}.txt", "-o", sheet, "--outlet", "The Tbilisi Ledger")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(sheet.open(encoding="utf-8")))
    figures = {r["as_printed"]: r for r in rows if r["kind"] == "figure"}
    assert figures["Roughly 500,000"]["bound"] == "approximate" and figures["Roughly 500,000"]["value"] == "500000"
    assert figures["Roughly 500,000"]["time"] == "2022-02/.."
    assert figures["Roughly 500,000"]["speaker"] == "Caucasus Migration Observatory [organisation]"
    assert figures["Some 344,000"]["speaker"] == "Caucasus Migration Observatory [organisation]"  # "the observatory found"
    assert figures["Nearly 40 per cent"]["unit"] == "per cent" and figures["Nearly 40 per cent"]["bound"] == "upper"
    home = figures["tens of thousands"]  # a figure inside a quotation: the whole quotation, mode quotation
    assert home["mode"] == "quotation" and home["speaker"] == "Anna Petrova [person]"
    assert home["quote"] == "Tbilisi has become a second home for tens of thousands of young Russians"
    assert rows[0]["source_published"] == "2024-08-02" and rows[0]["source_author"] == "Nino Beridze [person]"
    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    for p in data.iterdir():
        p.chmod(0o644)
    imported = run("import", sheet, "--data", data)  # what the claim is about is the reviewer's to write
    assert imported.stderr and all("column subject: missing" in line for line in imported.stderr.splitlines())


def test_draft_of_the_seed_names_known_speakers_as_the_graph_does(run, tmp_path):
    sheet = tmp_path / "draft.csv"
    run("draft", default_data_dir() / f"{ARTICLE}.txt", "-o", sheet)
    rows = list(csv.DictReader(sheet.open(encoding="utf-8")))
    quotes = {r["quote"]: r["speaker"] for r in rows if r["kind"] == "quotation"}
    assert quotes["permanent loss of this population will continue to impact Russia's economy"] == \
        "Institute for the Study of War"
    figures = {r["as_printed"]: r for r in rows if r["kind"] == "figure"}
    assert figures["Over 650,000"]["speaker"] == ""  # "a damning new report has found": not Putin, named before
    assert figures["top 10"]["speaker"] == "The Bell"  # "according to Russian opposition outlet the Bell"
    assert quotes["good trend"] == "Vladimir Putin"  # "Despite Putin's jokes, he has welcomed …"
    assert {r["as_printed"] for r in rows if r["kind"] == "figure"} >= {
        "More than 650,000", "some 15,000", "Over 650,000", "more than half", "some 344,000", "top 10",
        "tens of thousands", "1.6 million", "more than 80 per cent", "over 85 per cent"}


def test_audit_reports_nothing_on_the_shipped_article(run):
    result = run("audit", f"source/{ARTICLE}")
    assert result.exit_code == 0
    assert "every figure and quotation is covered" in result.stdout


def test_audit_takes_the_text_files_path(run):
    result = run("audit", default_data_dir() / f"{ARTICLE}.txt")
    assert result.exit_code == 0, result.output


def test_audit_lists_what_no_claim_covers(run, data_copy, tmp_path):
    for suffix in (".csv", ".txt"):
        shutil.copy(CORPUS / f"{LEDGER}{suffix}", tmp_path / f"{LEDGER}{suffix}")
    sheet = tmp_path / f"{LEDGER}.csv"
    rows = list(csv.DictReader(sheet.open(encoding="utf-8")))
    with sheet.open("w", newline="", encoding="utf-8") as f:  # the article without its last two claims
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows[:3])
    assert run("import", sheet, "--data", data_copy).exit_code == 0
    result = run("audit", f"{LEDGER}.txt", "--data", data_copy)
    assert result.exit_code == 1
    found = [line.split(" ", 2)[2] for line in result.stdout.splitlines()]
    assert any(line.startswith("'Tbilisi has become a second home for tens of thousands of young Russians'")
               for line in found)
    assert any(line.startswith("'40 per cent'") for line in found)


def test_camel_case_and_apostrophe_surnames_are_people_and_countries_are_not():
    text = ("Governor AbdulRahman AbdulRazaq of Kwara State spoke. Former state Assemblyman Jason O'Donnell lost to "
            "Ryan McDonald. New Zealand researchers spoke of a New Zealand-Japanese collaboration.")
    found = {m.entity.name: (m.entity.kind, m.role) for m in Names(text, {0}).mentions}
    assert found["AbdulRahman AbdulRazaq"] == ("person", "Governor") and found["Kwara State"][0] == "organisation"
    assert found["Jason O'Donnell"][0] == "person" and found["Ryan McDonald"][0] == "person"
    assert found["New Zealand"][0] == "organisation"
    assert found.get("New Zealand-Japanese", ("organisation",))[0] == "organisation"


def test_a_surname_or_first_name_alone_is_the_person_named_in_full():
    text = "A court sentenced Liu Qiang to prison. Liu said in court that he will not appeal."
    names = {text[m.start:m.end]: m.entity.name for m in Names(text, {0}).mentions}
    assert names["Liu"] == "Liu Qiang"


def test_a_title_case_headline_names_only_what_the_body_names():
    text = ("Humans and Neanderthals Approximately 99.84 Percent Similar: WHO\n\nThe World Health Organization "
            "studied Neanderthals.")
    names = {text[m.start:m.end]: (m.entity.name, m.entity.kind) for m in Names(text, set()).mentions}
    assert "Neanderthals Approximately" not in names and names["WHO"] == ("World Health Organization", "organisation")


def test_a_word_that_begins_an_organisations_name_is_not_that_organisation():
    text = ("A court in Beijing sentenced Liu Qiang. Property will be seized, the Beijing No 3 Intermediate People's "
            "Court announced. He accepted more than 10.6 million yuan, it said.")
    rows = [r["speaker"] for r in draft_rows(text, "t.txt")]
    assert rows == ["Beijing No 3 Intermediate People's Court [organisation]"]


def test_he_is_the_last_subject_not_the_last_person_named():
    text = ("The Kwara State Governor, AbdulRahman AbdulRazaq, spoke on Tuesday.\n\nAbdulRahman, who made this "
            "disclosure after a meeting with President Muhammadu Buhari, said the flood had displaced 15,000 persons."
            "\n\nAccording to him, 5,000 houses were destroyed.\n\n\u201cWe have about 5,000 houses under water,\u201d "
            "he said.")
    rows = [(r["as_printed"], r["speaker"], r["speaker_role"]) for r in draft_rows(text, "t.txt")]
    assert rows == [("15,000", "AbdulRahman AbdulRazaq [person]", ""), ("5,000", "AbdulRahman AbdulRazaq [person]", ""),
                    ("about 5,000", "AbdulRahman AbdulRazaq [person]", "")]


def test_a_pronoun_after_another_person_named_names_nobody():
    text = ("Smith said the plan would work.\n\nOn Friday the plan was put to Jones.\n\n"
            "He said 5,000 people would benefit.")
    [row] = draft_rows(text, "t.txt")
    assert (row["mode"], row["speaker"]) == ("reported", "")


def test_an_unnamed_spokesman_is_his_organisation_or_nobody_never_the_last_person_named():
    text = ("Tory spokesman Darren Millar blamed cuts, while Lib Dem leader Kirsty Williams said it was a failure.\n\n"
            "A Welsh government spokesman said: \"These figures are not acceptable.\"\n\n"
            "He added that an extra \u00a31.1bn had been invested.\n\nA senior official said 300 jobs would go.\n\n"
            "The government said 2,000 more would.")
    rows = [(r.get("as_printed") or r["quote"], r["speaker"], r["speaker_role"]) for r in draft_rows(text, "t.txt")]
    assert rows == [("These figures are not acceptable", "Welsh Government [organisation]", "A Welsh government spokesman"),
                    ("\u00a31.1bn", "Welsh Government [organisation]", "A Welsh government spokesman"),
                    ("300", "", "A senior official"), ("2,000", "", "")]


def test_the_court_said_is_the_court_named_before_and_quotations_take_the_attribution_of_their_clause():
    text = ("Property will be seized, the Beijing No 3 Intermediate People's Court announced. The NPC Standing "
            "Committee disqualified 45 deputies. The court said it believed Liu committed bribery.\n\n"
            "Tory spokesman Darren Millar blamed \"record-breaking budget cuts\", while Lib Dem leader Kirsty Williams "
            "said Labour had \"lost control of our NHS\".")
    rows = {r.get("as_printed") or r["quote"]: r["speaker"] for r in draft_rows(text, "t.txt", "Outlet")}
    assert rows == {"45": "Outlet [organisation]", "record-breaking budget cuts": "Darren Millar [person]",
                    "lost control of our NHS": "Kirsty Williams [person]"}
    court = Names(text, {0})
    assert any(m.entity.name.startswith("Beijing No 3") for m in court.mentions)


def test_a_title_beside_a_name_between_commas_is_the_role_the_governor_names_later():
    text = ("Kwara Governor, Abdulrahman Abdulrazaq, has urges the Federal Government to aid 15,000 people.\n\n"
            "He met President Muhammadu Buhari.\n\nThe governor said 5,000 houses were destroyed.\n\n"
            "The mayor said 300 roads were closed.")
    rows = [(r["as_printed"], r["mode"], r["speaker"]) for r in draft_rows(text, "t.txt", "Outlet")]
    assert rows == [("15,000", "reported", "Abdulrahman Abdulrazaq [person]"),
                    ("5,000", "reported", "Abdulrahman Abdulrazaq [person]"),
                    ("300", "reported", "")]  # nobody titled mayor: reported, by nobody named


def test_an_organisations_announcement_is_its_own_and_the_forced_displacement_report_is_no_organisation():
    text = ("An Auckland University announcement said a paper was written by 33 authors.\n\n"
            "UNHCR said so. The level was about 40 million, the Forced Displacement report showed.")
    rows = [r["speaker"] for r in draft_rows(text, "t.txt")]
    assert rows == ["Auckland University [organisation]", "UNHCR [organisation]"]


def test_researchers_at_an_organisation_are_the_organisation_with_that_role_and_they_next():
    text = ("A planet is twice as big as Jupiter, New Zealand researchers at the University of Auckland revealed on "
            "Tuesday.\n\nThey said it is 15,000 light years away.\n\nIt has two moons.")
    rows = [(r["as_printed"], r["speaker"], r["speaker_role"]) for r in draft_rows(text, "t.txt", "Outlet")]
    role = "New Zealand researchers at the University of Auckland"
    assert rows[0][1:] == ("University of Auckland [organisation]", role)
    assert rows[1] == ("15,000 light years", "University of Auckland [organisation]", role)
    assert rows[2][1] == "Outlet [organisation]"


def test_a_headline_quotation_then_a_dash_takes_the_speaker_after_the_dash():
    text = ("'We deserved to win' - Tottenham boss Mourinho claims defeat was unfair\n\n"
            "Tottenham manager Jose Mourinho said that his side deserved to win.")
    [row] = [r for r in draft_rows(text, "t.txt") if r["kind"] == "quotation"]
    assert (row["speaker"], row["speaker_role"]) == ("Jose Mourinho [person]", "Tottenham boss")


def test_said_before_lower_case_words_is_no_inverted_attribution():
    text = ("Professor Phil Yock, of the university\u2019s faculty of science, said amateur astronomers found 12 planets."
            "\n\nGovernor AbdulRahman AbdulRazaq of Kwara State, on Tuesday, said 10,000 people were displaced.\n\n"
            "\u201cIt is bad,\u201d said officials.")
    rows = [(r.get("as_printed") or r["quote"], r["speaker"]) for r in draft_rows(text, "t.txt")]
    assert rows == [("12", "Phil Yock [person]"), ("10,000", "AbdulRahman AbdulRazaq [person]"), ("It is bad", "")]


def test_naira_ranges_with_one_scale_word_and_two_hedges():
    text = ("It lost between N5 billion and N10 billion, about N5 to N10 billion; between N5 to N10 billion; "
            "Close to about 10,000 to 15,000 people; N95 masks; \u20a6250,000.")
    found = [(text[f.start:f.end], f.minimum, f.maximum, f.value, f.unit, f.bound) for f in find_figures(text)]
    assert found == [("between N5 billion and N10 billion", 5 * 10 ** 9, 10 ** 10, None, "NGN", "exact"),
                     ("about N5 to N10 billion", 5 * 10 ** 9, 10 ** 10, None, "NGN", "approximate"),
                     ("between N5 to N10 billion", 5 * 10 ** 9, 10 ** 10, None, "NGN", "exact"),
                     ("Close to about 10,000 to 15,000", 10_000, 15_000, None, "people", "approximate"),
                     ("\u20a6250,000", None, None, 250_000, "NGN", "exact")]


def test_a_duration_that_is_the_claim_is_a_figure_one_that_dates_or_bounds_another_is_not():
    text = ("A court sentenced Liu, former vice-governor, to 12 years in prison. It will take up to six months before "
            "aid comes, shorter than the regular six months. 28,654 people waited longer than nine months, the target "
            "time. The standard time is 11 weeks. It rose 9% in two years over the last five years; a 10-year study; "
            "two years ago; it was three weeks before the vote; it could last a day.")
    found = [(text[f.start:f.end], f.value, f.unit, f.bound) for f in find_figures(text)]
    assert found == [("12 years", 12, "years", "exact"), ("up to six months", 6, "months", "upper"),
                     ("six months", 6, "months", "exact"), ("28,654", 28654, "people", "exact"),
                     ("nine months", 9, "months", "exact"), ("11 weeks", 11, "weeks", "exact"),
                     ("9%", 9, "per cent", "exact")]


def test_space_grouped_thousands_pence_pc_multiples_dozens_and_ranks():
    text = ("It is 15 000 light years away, twice as big as Jupiter; a dividend of 16p; growth of 4pc year over year, "
            "51.6pc of shipments; re-elected by several dozen votes; among the top five; May 12 500 people came.")
    found = [(text[f.start:f.end], f.value, f.unit, f.bound) for f in find_figures(text)]
    assert found == [("15 000 light years", 15_000, "light years", "exact"), ("twice as big", 200, "per cent", "exact"),
                     ("16p", Decimal("0.16"), "GBP", "exact"), ("4pc", 4, "per cent", "exact"),
                     ("51.6pc", Decimal("51.6"), "per cent", "exact"), ("several dozen", 12, "votes", "lower"),
                     ("top five", 5, "rank", "upper"), ("500", 500, "people", "exact")]


def test_a_lists_own_count_and_the_halves_of_a_match_are_not_figures():
    text = "Here are five takeaways from the election:\n\nSpurs went ahead in the second half, but lost more than half of it."
    assert _printed(text) == ["more than half"]


def test_a_score_is_two_counts_and_three_or_four_is_a_range():
    text = ("The match ended in a 2-1 victory for Liverpool. They won 3-0. Growth was 4-5 percent. Where you don't "
            "have 10 chances, just three or four, you score.")
    found = [(text[f.start:f.end], f.value, f.minimum, f.maximum, f.unit, f.bound) for f in find_figures(text)]
    assert found == [("2-1", 2, None, None, "goals", "exact"), ("2-1", 1, None, None, "goals", "exact"),
                     ("3-0", 3, None, None, "goals", "exact"), ("3-0", 0, None, None, "goals", "exact"),
                     ("4-5 percent", None, 4, 5, "per cent", "exact"), ("10", 10, None, None, "chances", "upper"),
                     ("three or four", None, 3, 4, "chances", "exact")]


def test_units_after_a_name_a_place_adjective_and_units_of_a_product():
    text = ("In 2013, 45 National People's Congress deputies and 523 provincial deputies were involved. Out of the total, "
            "216.2 million units were smartphones; Samsung shipped over 70 million smartphone units and 300 housing units.")
    found = [(text[f.start:f.end], f.unit) for f in find_figures(text)]
    assert found == [("45", "deputies"), ("523", "deputies"), ("216.2 million", "smartphones"),
                     ("over 70 million", "smartphones"), ("300", "housing units")]


def test_a_which_clause_inside_reported_words_is_the_writers_aside():
    text = ("Tottenham manager Jose Mourinho said that his side deserved to win the match at Liverpool, which ended in a "
            "2-1 victory for Klopp's men.\n\nThe minister said the company, which employs 5,000 people, would cut 300 jobs.")
    rows = [(r["as_printed"], r["mode"], r["speaker"]) for r in draft_rows(text, "t.txt", "Outlet")]
    assert rows == [("2-1", "own", "Outlet [organisation]"), ("2-1", "own", "Outlet [organisation]"),
                    ("5,000", "own", "Outlet [organisation]"), ("300", "reported", "")]


def test_a_quotation_continued_without_its_opening_mark_is_quoted():
    text = ("The governor said: \u201cVery proactive, the Federal Government is coming in to assist the State.\n\n"
            "The new General Manager of NEMA is also coming. It will be regimented.\u201d\n\n"
            "He said: \u201cThere are a lot of displaced people.\n\n\u2018The State needs virtual aid.\u201d")
    assert [text[q.start:q.end] for q in find_quotations(text)] == [
        "Very proactive, the Federal Government is coming in to assist the State",
        "The new General Manager of NEMA is also coming. It will be regimented",
        "There are a lot of displaced people", "The State needs virtual aid"]


def test_periods_quarters_months_weekends_and_the_nearest_before_the_figure():
    from claimgraph.draft.periods import period

    def at(sentence, figure, published=""):
        return period(sentence, sentence.index(figure), published)

    assert at("418.6 million phones were shipped in Q1, 2013", "418.6") == "2013-01/2013-03"
    assert at("cases rose 300 per cent in the first three months of 2019", "300") == "2019-01/2019-03"
    assert at("cases rose in the first quarter of this year to 112,000", "112,000", "2019-04-15") == "2019-01/2019-03"
    assert at("In March 2017, 15 courts issued rulings", "15") == "2017-03"
    assert at("eight out of 10 were waiting at the end of August 2015", "eight") == "2015-08-31"
    assert at("Over the weekend, we had rainstorm that destroyed 5,000 houses", "5,000", "2020-09-22") == \
        "2020-09-19/2020-09-20"
    assert at("A year ago, Nokia was among the top five", "top five", "2013-04-26") == "2012"
    assert at("the company he has led since 1996 delivered a strong performance in 2010, pointing to profits up by "
              "4 per cent", "4 per cent") == "2010"
    assert at("prices were ahead by 0.5 per cent during December, boosting growth during the last quarter of 2005 "
              "to 1.4 per cent", "0.5") == ""  # its own clause's month, which the draft cannot date
    assert at("Over the weekend, we had rain. About 10,000 people are displaced.", "About", "2020-09-22") == ""


def test_court_copy_never_seen_by_the_corpus():
    text = ("\"We were able to bring to light the corruption,\" Assistant District Attorney Laura Gregory Franco said.\n\n"
            "Jones' attorney said he should spend less than four years in prison.\n\nJones and Sanchez have been "
            "sentenced to six years in prison and three years on supervised release.\n\nThe judge imposed the sentence "
            "of nearly three-and-a-half years. But the Justice Department intervened and argued that three or four "
            "years was a \u201cmore typical\u201d sentence, causing four prosecutors to resign. The DOJ said that seven "
            "to nine years could be excessive; two and a half million people watched.")
    rows = [(r.get("as_printed") or r["quote"], r.get("value") or (f"{r['min']}-{r['max']}" if r.get("min") else ""),
             r["mode"], r["speaker"], r["speaker_role"]) for r in draft_rows(text, "t.txt", "Outlet")]
    assert rows == [
        ("We were able to bring to light the corruption", "", "quotation", "Laura Gregory Franco [person]",
         "Assistant District Attorney"),
        ("less than four years", "4", "reported", "", ""),  # an attorney the draft cannot name
        ("six years", "6", "own", "Outlet [organisation]", ""), ("three years", "3", "own", "Outlet [organisation]", ""),
        ("nearly three-and-a-half years", "3.5", "own", "Outlet [organisation]", ""),
        ("three or four years", "3-4", "reported", "Justice Department [organisation]", ""),
        ("four", "4", "reported", "", ""),  # what followed the argument: not clearly the department's words
        ("more typical", "", "quotation", "Justice Department [organisation]", ""),
        ("two and a half million", "2500000", "reported", "DOJ [organisation]", "")]  # "seven to nine years": none


def test_business_wire_copy_never_seen_by_the_corpus():
    text = ("CHARLOTTE, N.C. -- Krispy Kreme Doughnuts Inc. reported a 43 percent rise in its profit.\n\n"
            "Krispy Kreme said it earned $14.5 million.\n\nTORONTO (AP) \u2014 It expects earnings of 94 cents.\n\n"
            "Procter & Gamble Co. (PG) said profit rose 12 percent. Sales rose 7 percent, P&G said. Analysts expected "
            "Cincinnati-based P&G to earn 72 cents.\n\n\"We see strong growth,\" Chairman and Chief Executive A.G. "
            "Lafley said in a statement.\n\nThe co-chief executive, James L. Balsillie, said the company had a 55 percent "
            "share.\n\n\"The guidance was solid,\" said Scott Livengood, chairman, president and chief executive.\n\n"
            "Krispy Kreme operates 333 stores in 42 U.S. states. With 11 of 14 precincts counted, he won.")
    rows = [(r.get("as_printed") or r["quote"], r["mode"], r["speaker"], r["speaker_role"])
            for r in draft_rows(text, "t.txt", "Outlet")]
    krispy, pg = "Krispy Kreme Doughnuts Inc [organisation]", "Procter & Gamble Co [organisation]"
    assert rows == [
        ("43 percent", "reported", krispy, ""), ("$14.5 million", "reported", krispy, ""),
        ("94 cents", "reported", krispy, ""),  # "it": the company, never the dateline's TORONTO
        ("12 percent", "reported", pg, ""), ("7 percent", "reported", pg, ""), ("72 cents", "reported", "", ""),
        ("We see strong growth", "quotation", "A.G. Lafley [person]", "Chief Executive"),
        ("55 percent", "reported", "James L. Balsillie [person]", "co-chief executive"),
        ("The guidance was solid", "quotation", "Scott Livengood [person]", "chairman, president and chief executive"),
        ("333", "own", "Outlet [organisation]", ""), ("42", "own", "Outlet [organisation]", ""),  # not "states" said
        ("11", "own", "Outlet [organisation]", ""), ("14", "own", "Outlet [organisation]", "")]
    units = {text[f.start:f.end]: (f.unit, f.value) for f in find_figures(text)}
    assert units["11"] == ("precincts", 11) and units["333"] == ("stores", 333)  # no share "333 stores in 42"


def test_a_name_that_qualifies_the_next_is_not_what_it_stands_for():
    text = ("The BlackBerry maker Research In Motion Ltd posted a profit. In the quarter, it expects earnings of 94 cents."
            "\n\n"
            "Britain's Ofcom has hit O2 with a fine. The regulator found that 140,000 people paid.")
    rows = [r["speaker"] for r in draft_rows(text, "t.txt")]
    assert rows == ["Research In Motion Ltd [organisation]", "Ofcom [organisation]"]


def test_sport_copy_never_seen_by_the_corpus():
    text = ("Nikica Jelavic scored twice for Everton after Southampton went 1-0 up, and the club wins twice a year.\n\n"
            "\u201cIf I had paid to watch that then I would have been pleased,\u201d said Everton manager David Moyes.")
    rows = [(r.get("as_printed") or r["quote"], r.get("value", ""), r["speaker"], r["speaker_role"])
            for r in draft_rows(text, "t.txt", "Outlet")]
    assert rows == [("1-0", "1", "Outlet [organisation]", ""), ("1-0", "0", "Outlet [organisation]", ""),
                    ("If I had paid to watch that then I would have been pleased", "", "David Moyes [person]",
                     "Everton manager")]  # "twice" that counts times is no multiple


def test_science_copy_never_seen_by_the_corpus():
    text = ("Satija next reports on the clinical trial of a new drug, which was shown to reduce the risk by 33 percent. "
            "Neena Satija writes for the Globe.\n\nThey offered a 50 percent-off coupon.")
    rows = [(r["as_printed"], r["mode"], r["speaker"]) for r in draft_rows(text, "t.txt", "Outlet")]
    # "reports on" a trial: the trial's finding is what she reports, not the outlet's aside
    assert rows == [("33 percent", "reported", "Neena Satija [person]"), ("50 percent", "own", "Outlet [organisation]")]


def test_local_and_health_copy_never_seen_by_the_corpus():
    text = ("The man called 911, Lt. Derek Hudson said. An ambulance took him from 3208 S. Thompson St. to hospital.\n\n"
            "Ministry of Public Health Sunday announced the registration of 251 new cases.\n\n"
            "Excluding items, the company earned 13 cents per share, beating the average analyst estimate of 9 cents, "
            "according to Thomson Reuters I/B/E/S.")
    rows = [(r["as_printed"], r["mode"], r["speaker"]) for r in draft_rows(text, "t.txt", "Outlet")]
    assert rows == [("251", "reported", "Ministry of Public Health [organisation]"),
                    ("13 cents", "own", "Outlet [organisation]"),  # the estimate's source, not the earnings'
                    ("9 cents", "reported", "Thomson Reuters I/B/E/S [organisation]")]


def test_political_copy_never_seen_by_the_corpus():
    text = ("\u201cThe bill is going to help,\u201d Sen. Jeanne Shaheen (D-N.H.) said on a call.\n\n"
            "Sen. Lisa Murkowski, R-Alaska, blasted the process Tuesday, noting that a new version was released.\n\n"
            "\u201cThe Senate cannot get the text on a Sunday night,\u201d she said in a statement.\n\n"
            "Finance minister John Smith spoke on Monday. Sultan said prices rose 5%.\n\n\u201cIt will cost 300 jobs,\u201d "
            "he said.")
    rows = [(r.get("as_printed") or r["quote"], r["speaker"], r["speaker_role"]) for r in draft_rows(text, "t.txt")]
    assert rows == [("The bill is going to help", "Jeanne Shaheen [person]", "Sen."),
                    ("The Senate cannot get the text on a Sunday night", "Lisa Murkowski [person]", ""),
                    ("5%", "Sultan [organisation]", ""),
                    ("300", "", "")]  # Sultan, or John Smith? nobody to name


def test_disaster_wire_copy_never_seen_by_the_corpus_officials_of_organisations_and_clocks():
    text = ("The presidency said in a statement Wednesday that there were also 73 deaths in Morelos state.\n\n"
            "Figures were tallied by 4 p.m. (0900 GMT, 0400 ET) Tuesday.\n\nA senior official with the Sichuan "
            "Earthquake Relief Agency said 26,206 people were injured.\n\nChina accepted $500,000 in relief funds, "
            "according to an official with the U.S. Agency for International Development.")
    rows = [(r["as_printed"], r["mode"], r["speaker"], r["speaker_role"]) for r in draft_rows(text, "t.txt", "Outlet")]
    assert rows == [("73", "reported", "", ""),  # not the outlet's own: someone said it
                    ("26,206", "reported", "Sichuan Earthquake Relief Agency [organisation]",
                     "A senior official with the Sichuan Earthquake Relief Agency"),
                    ("$500,000", "reported", "U.S. Agency for International Development [organisation]",
                     "an official with the U.S. Agency for International Development")]


def test_a_person_then_asides_is_the_subject_and_the_company_is_none_of_two_merely_named():
    text = ("Bill Hoyes, 72, from Stevenage, said 200 people had come along.\n\n"
            "Shares in Ofcom and Vodafone rose. The company said 300 jobs would go.")
    rows = [(r["as_printed"], r["mode"], r["speaker"]) for r in draft_rows(text, "t.txt", "Outlet")]
    assert rows == [("200", "reported", "Bill Hoyes [person]"), ("300", "reported", "")]


def test_a_headline_figure_two_body_speakers_give_is_nobodys_named():
    text = ("Record 110 million displaced\n\nThe number has reached 110 million, UNHCR said.\n\n"
            "\u201cWe have 110 million people who have fled,\u201d Filippo Grandi told reporters.")
    headline = draft_rows(text, "t.txt", "Outlet")[0]
    assert (headline["as_printed"], headline["mode"], headline["speaker"]) == ("110 million", "reported", "")


def test_nigerian_copy_never_seen_by_the_corpus_verbs_of_saying_and_honorifics():
    text = ("Malam Lawal Maikano, the Commissioner for Finance in Niger State, has revealed that the ministry uncovered "
            "approximately 200 fake names.\n\nHe mentioned that the state employs about 25,000 individuals.\n\n"
            "However, he clarified that the 2024 budget, totalling N613 billion, would come from loans.")
    rows = [(r["as_printed"], r["mode"], r["speaker"]) for r in draft_rows(text, "t.txt", "Outlet")]
    maikano = "Lawal Maikano [person]"
    assert rows == [("approximately 200", "reported", maikano), ("about 25,000", "reported", maikano),
                    ("N613 billion", "reported", maikano)]


def test_council_copy_never_seen_by_the_corpus():
    text = ("Janet Berry urged the council to rethink.\n\nSpeaking at a Cabinet meeting, Cllr Berry said: \u201cWe need "
            "300 homes.\u201d\n\nAbout half of council homes have no survey and carrying them out could cost up to "
            "\u00a3500,000, say recent reports. A report at a council cabinet meeting said inspections were needed at "
            "about 3,000 of the city's 7,600 council homes.")
    rows = [(r["as_printed"], r["mode"], r["speaker"], r["unit"]) for r in draft_rows(text, "t.txt", "Outlet")]
    assert rows == [("300", "quotation", "Janet Berry [person]", "homes"),
                    ("About half", "reported", "", "per cent"), ("up to \u00a3500,000", "reported", "", "GBP"),
                    ("about 3,000", "reported", "", "council homes"), ("7,600", "reported", "", "council homes")]


def test_indian_political_copy_never_seen_by_the_corpus_he_said_adding_is_not_the_name_opening_the_sentence():
    text = ("There is a provision in the scheme for girls, Chouhan said. Nath, however, stopped paying fees, he said, "
            "adding that the government transferred Rs 8,500 crore to farmers.\n\nHe said that Nath, who used to speak "
            "about waiving loans of Rs 6,000 crore, had appropriated half of the money.")
    rows = [(r["as_printed"], r["mode"], r["speaker"]) for r in draft_rows(text, "t.txt", "Outlet")]
    # "he" is Chouhan to a reader, but Nath was named in between: nobody to name, never Nath
    assert rows == [("Rs 8,500 crore", "reported", ""), ("Rs 6,000 crore", "reported", ""), ("half", "reported", "")]


def test_uk_court_copy_never_seen_by_the_corpus_prosecuting_and_defending():
    text = ("Allan Owen found himself in contempt of court \u2013 and a judge handed him a suspended jail term for what "
            "his own barrister described as \u201ccrass stupidity\u201d.\n\nChris Hudson, defending, said Owen now knew "
            "it was serious. He described his actions as a \u201cspectacular own goal\u201d.")
    rows = [(r["quote"], r["speaker"]) for r in draft_rows(text, "t.txt")]
    assert rows == [("crass stupidity", ""), ("spectacular own goal", "Chris Hudson [person]")]


def test_a_title_before_a_name_whose_closing_comma_was_dropped_is_still_its_role():
    text = ("Queensland Premier, Annastacia Palaszczuk has likened the battle to a boxing match.\n"
            "\u201cIt\u2019s not how many times you get knocked down,\u201d the Premier said.")
    [row] = draft_rows(text, "t.txt")
    assert row["speaker"] == "Annastacia Palaszczuk [person]"


def test_a_documents_title_is_no_speaker_and_an_organisation_revising_its_forecast_states_it():
    """Fourth batch (IMF copy): "its World Economic Outlook report and forecast that" gave the report's title
    as a person; "according to the World Economic Outlook report" its title as the speaker (the IMF opening
    the sentence said it); "the International Monetary Fund and World Bank" was one organisation, so "the
    IMF" was both; "The World Bank has also slashed … growth outlook to 7.2%" was the outlet's own."""
    text = ("The annual meetings of the International Monetary Fund and World Bank began today in Tokyo.\n\n"
            "The IMF downgraded its growth forecasts from 3.5% to 3.3%, according to the World Economic Outlook "
            "report released on Tuesday. The World Bank has also slashed East Asia's growth outlook to 7.2%.\n\n"
            "The IMF revealed on Tuesday its World Economic Outlook report and forecast that the global economy "
            "will post growth of three-point-three percent this year.")
    rows = [(r["as_printed"], r["mode"], r["speaker"]) for r in draft_rows(text, "t.txt", "Outlet") if r["kind"] == "figure"]
    imf = "International Monetary Fund [organisation]"
    assert rows == [("3.5%", "reported", imf), ("3.3%", "reported", imf), ("7.2%", "reported", "World Bank [organisation]"),
                    ("three-point-three percent", "reported", imf)]


def test_findings_a_court_hears_and_a_headlines_unnamed_subject_name_nobody():
    """Fourth batch: "results show …" and "The results also shows …" were the outlet's own (a finding of
    someone not named: reported, nobody); "The court heard Mr Fay … earns €580 a week" too (said in court by
    someone unnamed); the headline "Judge criticises … four-year … backlog" was the outlet's."""
    text = ("Judge criticises unfairness of four-year fraud trial backlog\n\n"
            "With almost half of the votes counted results show the ruling party will have at least 50 seats.\n\n"
            "The results also shows that none of the provinces performed below the 75% pass rate.\n\n"
            "The court heard Mr Fay is back working as a roofer and earns \u20ac580 a week.")
    rows = [(r["as_printed"], r["mode"], r["speaker"]) for r in draft_rows(text, "t.txt", "Outlet") if r["kind"] == "figure"]
    assert rows == [("four-year", "reported", ""), ("almost half", "reported", ""), ("at least 50", "reported", ""),
                    ("below the 75%", "reported", ""), ("\u20ac580", "reported", "")]


def test_a_study_published_by_researchers_of_an_organisation_is_theirs_and_it_projects_is_a_forecast():
    """Fourth batch: "The study revealed …" took the CDC, named earlier with "according to", though
    "researchers from Brigham Young University recently published a new study" in between; "It projects
    growth of just 3.6 percent" (the IMF) was the outlet's own; "Goalscorer Chris Dooley" was a name."""
    text = ("About forty-one percent of American adults are obese, according to the CDC.\n\n"
            "And researchers from Brigham Young University recently published a new study.\n\n"
            "The study revealed that over half of adults gain weight.\n\n"
            "The IMF now expects the world economy to grow 3.3 percent this year. It projects growth of just 3.6 "
            "percent in 2013.\n\n"
            "Goalscorer Chris Dooley said: \u201cWe were lucky.\u201d")
    rows = [(r.get("as_printed") or r["quote"], r["speaker"]) for r in draft_rows(text, "t.txt", "Outlet")]
    assert ("over half", "Brigham Young University [organisation]") in rows
    assert ("3.6 percent", "IMF [organisation]") in rows  # the IMF the sentence before made its subject
    assert ("We were lucky", "Chris Dooley [person]") in rows


def test_quotations_in_two_apostrophes_across_a_broken_sentence_and_after_a_headline_dash_with_says():
    """Fourth batch: PTI's two-apostrophe marks (''…'') were no quotation marks; a quotation the page broke
    mid-sentence ("… support and intervention" / "programmes, we can make it") was two, the second without its
    speaker ("…, she said" closes it); "… 'desired stability' - says Motshekga" named nobody; and "Basic
    Education Minister Angie Motshekga" in the body did not give the headline's "Motshekga" her full name."""
    text = ("Basic Education system shows 'desired stability' - says Motshekga\n\n"
            "Basic Education Minister Angie Motshekga has lauded the system.\n\n"
            "\"Clearly, the system cannot survive with all requisite support and intervention\n\n"
            "programmes, we can make it,\" she said.\n\n"
            "''Q1 FY22 started on a positive note,'' Rupa & Company CEO Dinesh Ke Lodha said.")
    rows = [(r["quote"], r["speaker"]) for r in draft_rows(text, "t.txt", "Outlet") if r["kind"] == "quotation"]
    assert rows == [("desired stability", "Angie Motshekga [person]"),
                    ("Clearly, the system cannot survive with all requisite support and intervention\n\nprogrammes, we "
                     "can make it", "Angie Motshekga [person]"),
                    ("Q1 FY22 started on a positive note", "Dinesh Ke Lodha [person]")]


def test_a_warning_that_is_a_thing_makes_no_quoted_word_someones():
    """Fourth batch: "The extreme heat warning was classified as “amber”, … a “high impact”" gave two
    quotation rows: "warning" read as someone warning. The warning names are the outlet's sentence's."""
    text = ("The extreme heat warning was classified as \u201camber\u201d, indicating a \u201chigh impact\u201d on daily "
            "life.\n\nOfficials were warning of \u201cdeadly\u201d heat.")
    assert [r["quote"] for r in draft_rows(text, "t.txt", "Outlet") if r["kind"] == "quotation"] == ["deadly"]


def test_a_quotation_paragraph_after_a_closed_one_and_a_conditional_participle():
    """Fourth batch: a quotation paragraph right after one its speaker closed ("…,” it said." then "“The
    answer depends on …”") named nobody unless the speaker was a person; "If confirmed with final results,
    that would mean … about 52 seats" read "confirmed" as someone speaking (reported by nobody)."""
    text = ("The IMF said in its outlook that growth is weak.\n\n"
            "\u201cA key issue is whether the slowdown lasts,\u201d it said.\n\n"
            "\u201cThe answer depends on whether policymakers deal proactively with their challenges.\u201d\n\n"
            "If confirmed with final results, that would mean that the ruling party will take about 52 seats.")
    rows = [(r.get("as_printed") or r["quote"][:20], r["mode"], r["speaker"]) for r in draft_rows(text, "t.txt", "Outlet")]
    assert ("The answer depends o", "quotation", "IMF [organisation]") in rows
    assert ("about 52", "own", "Outlet [organisation]") in rows
