"""Framing: loaded-language spans, speaker framing, neutral labels and tone.

Every text here is written for these tests (none comes from a real article)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from eventwire.extractors.framing import (
    count_words,
    extract_framing,
    load_lexicon,
    outlet_profile,
    outlet_profiles,
    quote_regions,
)
from eventwire.schema import LOADED_CATEGORIES, Actor, Article, Framing, LoadedSpan, Mention, Quote, Record
from tests.context_helpers import make_context

# ------------------------------------------------------------------ helpers ----------


def frame(title: str | None, body: str, *, quotes: Sequence[Quote] = (),
          actors: Sequence[Actor] = ()) -> tuple[str, Framing]:

    text, ctx = make_context(body, title)
    framing = extract_framing(ctx, quotes=quotes, actors=actors)
    for span in framing.loaded:  # the provenance guarantee, on every case
        assert text[span.start:span.end] == span.text
    return text, framing


def outlet(framing: Framing) -> list[str]:
    return [s.text for s in framing.loaded if not s.speaker_framing]


def record(title: str, body: str, framing: Framing, source: str) -> Record:
    return Record(article=Article(id=source + title, title=title, text=body, source=source), framing=framing)


def mention(text: str, sub: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return Mention(text=sub, start=start, end=start + len(sub))


# --------------------------------------------------------------- the lexicon ---------


def test_lexicon_is_versioned_documented_and_large() -> None:
    lex = load_lexicon()
    assert lex.version
    assert len(lex.entries) >= 300
    assert {e.category for e in lex.entries} <= set(LOADED_CATEGORIES)
    assert {e.category for e in lex.entries} == set(LOADED_CATEGORIES)
    terms = {e.term for e in lex.entries}
    for needed in ("fanatic", "crony", "jihadi", "so-called", "turned a blind eye", "in their droves",
                   "orgy of violence", "swarm", "ticking time bomb", "special military operation"):
        assert needed in terms, needed


# --------------------------------------------------------------- wire vs tabloid -----

WIRE_TITLE = "Shelling kills three in Donetsk region town, officials say"
WIRE_BODY = (
    "Shelling killed three civilians and wounded nine in the town of Kostiantynivka on Monday, "
    "regional officials said.\n\n"
    "A Russian missile hit an apartment block near the central market, the regional police said. "
    "Rescue teams were searching the rubble for survivors.\n\n"
    "Russia's defence ministry said its forces had struck Ukrainian army positions in the area.")

TABLOID_TITLE = "Putin's depraved thugs blitz market in orgy of violence"
TABLOID_BODY = (
    "Vladimir Putin's bloodthirsty goons have unleashed a harrowing blitz on a busy market, "
    "butchering three innocent shoppers.\n\n"
    "The cowardly Kremlin cronies pounded the crumbling town in a sickening orgy of violence as "
    "terrified families fled in their droves.\n\n"
    "The so-called liberators are now a swarm of crazed fanatics, and the tyrannical despot "
    "has turned a blind eye.")


def test_wire_copy_about_violence_has_no_loaded_spans_and_mild_negative_tone() -> None:
    _, fr = frame(WIRE_TITLE, WIRE_BODY)
    assert fr.loaded == ()
    assert -50.0 <= fr.tone <= -15.0


def test_tabloid_version_of_the_same_happening_is_denser_and_more_hostile() -> None:
    _, wire = frame(WIRE_TITLE, WIRE_BODY)
    _, tabloid = frame(TABLOID_TITLE, TABLOID_BODY)
    profile_wire = outlet_profile([record(WIRE_TITLE, WIRE_BODY, wire, "Wire")])
    profile_tabloid = outlet_profile([record(TABLOID_TITLE, TABLOID_BODY, tabloid, "Tabloid")])
    assert profile_wire["loaded_per_1000_words"] < profile_tabloid["loaded_per_1000_words"]
    assert profile_tabloid["loaded_per_1000_words"] > 50
    assert tabloid.tone < wire.tone - 30
    assert tabloid.tone <= -70


SYRIA_WIRE = ("Islamic State fighters hold out in last Syrian village",
              "Islamic State fighters are holding out in the village of Hajin, where about 500 "
              "remain, a commander of the Syrian Democratic Forces said on Friday. More than 2,000 "
              "people have left the village this week, he said.")
SYRIA_TABLOID = ("Die-hard ISIS fanatics cling to crumbling hellhole",
                 "Die-hard ISIS fanatics are clinging on in a crumbling hellhole as their cowardly "
                 "cronies flee in their droves. The depraved terror group's so-called caliphate has "
                 "brainwashed children into fighting for it.")


def test_tabloid_labels_are_whole_phrases() -> None:
    _, fr = frame(*SYRIA_TABLOID)
    spans = outlet(fr)
    for phrase in ("Die-hard ISIS fanatics", "cowardly cronies", "depraved terror group",
                   "so-called caliphate", "brainwashed", "in their droves"):
        assert phrase in spans, (phrase, spans)
    cats = {s.text: s.category for s in fr.loaded}
    assert cats["Die-hard ISIS fanatics"] == "name_calling"
    assert cats["so-called caliphate"] == "doubt"
    assert cats["in their droves"] == "exaggeration"
    _, wire = frame(*SYRIA_WIRE)
    assert wire.loaded == ()
    assert wire.tone > fr.tone


# --------------------------------------------------------------- speaker framing -----


def test_loaded_words_between_quote_marks_are_the_speakers() -> None:
    body = ('The interior minister called the attackers "cowardly fanatics" and said the "brutal '
            'regime" next door had armed them. Police said three people died in the attack.')
    _, fr = frame("Minister blames neighbour for attack", body)
    assert [s.text for s in fr.loaded if s.speaker_framing] == ["cowardly fanatics", "brutal regime"]
    assert outlet(fr) == []


def test_quoted_loaded_words_do_not_move_the_outlets_tone() -> None:
    loaded = 'The governor said: "These depraved, bloodthirsty savages will pay." Two people died.'
    plain = 'The governor said: "These men from the hills will pay tonight." Two people died.'
    _, fr_loaded = frame(None, loaded)
    _, fr_plain = frame(None, plain)
    assert fr_loaded.loaded and all(s.speaker_framing for s in fr_loaded.loaded)
    assert fr_loaded.tone == fr_plain.tone


def test_direct_quote_without_marks_comes_from_the_quote_extractor() -> None:
    body = "Those fanatics will never win, the general told reporters on Sunday."
    quote = Quote(text="Those fanatics will never win", start=0, end=29, kind="direct", cue="told",
                  speaker=None)
    _, fr = frame(None, body, quotes=[quote])
    assert [(s.text, s.speaker_framing) for s in fr.loaded] == [("fanatics", True)]
    _, unquoted = frame(None, body)
    assert [(s.text, s.speaker_framing) for s in unquoted.loaded] == [("fanatics", False)]


def test_a_chant_in_quotes_is_never_the_outlets_framing() -> None:
    body = ('Women in the camp chanted "The caliphate will stay, death to the crusaders, the '
            'infidels will burn" at the guards.\n\nThe guards said nobody was hurt.')
    _, fr = frame(None, body)
    assert outlet(fr) == []
    assert all(s.speaker_framing for s in fr.loaded)


def test_scare_quotes_and_apostrophes() -> None:
    text = "France’s envoy called the vote a ‘sham’ and the army's 'liberation' a lie."
    regions = [text[a:b] for a, b in quote_regions(text)]
    assert regions == ["sham", "liberation"]


def test_an_open_quote_runs_to_the_end_of_its_paragraph() -> None:
    text = '"We will fight on, he said.\n\nThe army denied it.'
    assert [text[a:b] for a, b in quote_regions(text)] == ["We will fight on, he said."]


# --------------------------------------------------------------- context rules -------

CONTEXT_CASES = [
    # (body, loaded spans the outlet uses)
    ("Violent extremists use online games to recruit teenagers, a government report said.", []),
    ("Far-right extremists and Islamist extremists use similar methods, the report said.", []),
    ("Dozens of ISIS extremists were freed from a prison in the north on Sunday.", ["ISIS extremists"]),
    ("The bride wore red and the groom arrived on horseback as 300 guests gathered.", []),
    ("The Brit ISIS bride was found in a camp near the border last month.", ["Brit ISIS bride"]),
    ("The deadly attack on the convoy killed four soldiers, the army said.", []),
    ("The deadly reign of the militia ended when the army retook the town.", ["deadly reign"]),
    ("Russia launched a swarm of drones at the port overnight, the air force said.", []),
    ("A swarm of migrants tried to cross the border fence at dawn.", ["swarm of migrants"]),
    ("Prosecutors are investigating alleged war crimes committed by both sides.", []),
    ("The militia's alleged peace plan was dismissed by the government.", ["alleged peace plan"]),
    ("Hamas, which the EU designates a terrorist organisation, denied the report.", []),
    ("Rescuers pulled two survivors from the twisted metal of the bus.", []),
    ("The twisted regime has jailed another journalist.", ["twisted regime"]),
    ("The sanctions regime on Iran was extended by a year.", []),
    ("The Assad regime shelled the town again on Friday.", ["Assad regime"]),
    ("Myanmar's military junta extended the state of emergency.", []),
    ("Thousands of residents fled in their droves as the fighting spread.", ["in their droves"]),
    ("Militants went on the rampage in the market, police said.", []),
    ("The organisers had turned a blind eye to the abuse for years.", ["turned a blind eye"]),
    ("Protests in the city turned deadly last year, when one man was killed.", []),
    ("The local butcher reopened his shop after the ceasefire.", []),
    ("Armed gangs butcher villagers while the police look away.", ["butcher"]),
    ("Residents watched in horror as the bridge collapsed.", []),
    ("Nine were wounded in the horror attack on the market.", ["horror attack"]),
    ("Residents said the 'liberators' had looted every shop.", []),
]


@pytest.mark.parametrize(("body", "expected"), CONTEXT_CASES)
def test_context_rules(body: str, expected: list[str]) -> None:
    _, fr = frame(None, body)
    assert outlet(fr) == expected


def test_brutal_in_a_quote_versus_the_outlets_own_adjective() -> None:
    _, quoted = frame(None, 'The opposition leader called it "a brutal regime" on Tuesday.')
    _, own = frame(None, "The brutal regime jailed the opposition leader on Tuesday.")
    assert outlet(quoted) == [] and [s.text for s in quoted.loaded] == ["brutal regime"]
    assert outlet(own) == ["brutal regime"]


# --------------------------------------------------------------- neutral labels ------


def test_neutral_label_from_the_lexicon_aliases_or_actor_dictionary() -> None:
    _, fr = frame(None, "ISIS fanatics attacked the checkpoint at night.")
    (span,) = fr.loaded
    assert (span.text, span.category, span.neutral) == ("ISIS fanatics", "name_calling",
                                                         "Islamic State fighters")


def test_neutral_label_agrees_in_number_and_uses_the_actor_mention() -> None:
    body = "A Daesh fanatic and two Shabaab thugs were arrested at the border."
    actors = [Actor(name="al-Shabaab", type="rebel_group", country="SO",
                    mentions=(mention(body, "Shabaab"),))]
    _, fr = frame(None, body, actors=actors)
    neutral = {s.text: s.neutral for s in fr.loaded}
    assert neutral == {"Daesh fanatic": "Islamic State fighter", "Shabaab thugs": "al-Shabaab members"}


def test_neutral_label_for_a_person_a_nation_and_no_actor() -> None:
    body = ("Viktor Orlov's cronies seized the port. Russian invaders shelled the bridge. "
            "Cowardly cronies watched.")
    actors = [Actor(name="Viktor Orlov", type="person", country="RU", mentions=(mention(body, "Viktor Orlov"),))]
    _, fr = frame(None, body, actors=actors)
    neutral = {s.text: s.neutral for s in fr.loaded}
    assert neutral["Viktor Orlov's cronies"] == "Viktor Orlov's supporters"
    assert neutral["Russian invaders"] == "Russian forces"
    assert neutral["Cowardly cronies"] == "supporters"


def test_title_spans_are_in_doc_offsets() -> None:
    text, fr = frame("Jihadi thugs storm village", "Gunmen attacked a village on Monday, police said.")
    (span,) = fr.loaded
    assert span.text == "Jihadi thugs" and span.start == 0 and text.startswith(span.text)


# --------------------------------------------------------------- tone ----------------


def test_tone_is_zero_for_copy_without_conflict_vocabulary() -> None:
    _, fr = frame("Council approves new library", "The city council approved plans for a new library "
                  "on Tuesday. Building work is expected to take two years.")
    assert fr.tone == pytest.approx(0.0, abs=15)
    assert fr.loaded == ()


def test_tone_rises_with_good_news() -> None:
    _, good = frame("Ceasefire holds as aid reaches town", "The ceasefire held for a third day and aid "
                    "convoys reached the town, where families celebrated the return of peace and "
                    "relief agencies began to rebuild the clinic.")
    assert good.tone > 20


def test_negated_words_do_not_count() -> None:
    _, fr = frame(None, "No one was killed and nobody was injured when the old bridge was closed for repairs.")
    assert fr.tone == pytest.approx(0.0, abs=15)


# --------------------------------------------------------------- outlet profile ------


def _span(text: str, sub: str, category: str, speaker: bool = False) -> LoadedSpan:
    start = text.index(sub)
    return LoadedSpan(text=sub, start=start, end=start + len(sub), category=category,  # type: ignore[arg-type]
                      speaker_framing=speaker)


def test_outlet_profile_counts_outlet_spans_per_thousand_words() -> None:
    body_a = "Cowardly cronies fled in their droves. " + "word " * 92 + '"vile thugs" he said'
    body_b = "Officials said the town was calm. " + "word " * 94
    rec_a = record("Title one", body_a, Framing(tone=-70.0, loaded=(
        _span(body_a, "Cowardly cronies", "name_calling"),
        _span(body_a, "in their droves", "exaggeration"),
        _span(body_a, "vile thugs", "name_calling", speaker=True))), "Daily Example")
    rec_b = record("Title two", body_b, Framing(tone=-10.0), "Daily Example")
    words = sum(count_words(r.article.title) + count_words(r.article.text) for r in (rec_a, rec_b))
    prof = outlet_profile([rec_a, rec_b])
    assert prof["articles"] == 2 and prof["words"] == words
    assert prof["loaded"] == 2 and prof["speaker_loaded"] == 1
    assert prof["loaded_per_1000_words"] == round(2000 / words, 2)
    assert prof["by_category"] == {"name_calling": 1, "exaggeration": 1}
    assert {t["term"] for t in prof["top_terms"]} == {"cowardly cronies", "in their droves"}
    assert prof["tone"]["mean"] == -40.0 and prof["tone"]["min"] == -70.0
    assert prof["tone"]["histogram"]["-100..-60"] == 1 and prof["tone"]["histogram"]["-20..20"] == 1


def test_outlet_profiles_group_by_source() -> None:
    recs = [record("A", "Calm day.", Framing(), "Wire"), record("B", "Calm day.", Framing(), "Tabloid"),
            record("C", "Calm day.", Framing(), "Wire")]
    profiles = outlet_profiles(recs)
    assert sorted(profiles) == ["Tabloid", "Wire"]
    assert profiles["Wire"]["articles"] == 2
    assert outlet_profile([])["loaded_per_1000_words"] == 0.0


def test_an_actor_mention_does_not_license_its_own_label() -> None:
    body = "Officials said the terror group had lost its last town. The depraved terror group is finished."
    actors = [Actor(name="Islamic State", type="rebel_group", country=None,
                    mentions=(mention(body, "the terror group"), mention(body, "terror group", 1)))]
    _, fr = frame(None, body, actors=actors)
    assert [(s.text, s.neutral) for s in fr.loaded] == [("depraved terror group", "Islamic State")]


# ------------------------------------- other conflicts' vocabulary (lexicon 1.1) ---------


@pytest.mark.parametrize(("title", "body", "expected"), [
    # a prison riot in tabloid copy
    ("HELL BEHIND BARS: cartel thugs run amok",
     "Their hated rivals were cornered in the worst atrocity the jail has seen. "
     "Police blamed cartel-backed monsters for the riot.",
     ["HELL BEHIND BARS", "cartel thugs run amok", "hated rivals", "worst atrocity",
      "cartel-backed monsters"]),
    # a rocket attack in tabloid copy
    (None,
     "A militia terror barrage hit the port overnight. The group boasted on social media "
     "that it would keep bringing terror to the coast. Officials described scenes of carnage.",
     ["terror barrage", "boasted", "bringing terror", "scenes of carnage"]),
    # an army communiqué's own voice
    (None,
     "Units engaged groups of criminals who had been terrorising the villages. The army "
     "denies the false information circulating online and warns against enemy propaganda. "
     "The rebel gangs fled.",
     ["groups of criminals", "terrorising", "false information", "enemy propaganda", "rebel gangs"]),
])
def test_tabloid_and_communique_vocabulary(title: str | None, body: str, expected: list[str]) -> None:
    _, fr = frame(title, body)
    assert outlet(fr) == expected


@pytest.mark.parametrize("body", [
    "The town boasts a population of 20,000 and a busy market.",
    "He was charged with spreading false information about the army.",
    "Residents hated the curfew but obeyed it.",
    "Insurgents overran Mosul in 2014 and later overran large parts of Anbar.",
    "Armed gangs control much of the capital, and police detained three gang members.",
    "A rocket barrage hit the town, and the group later claimed the attack.",
    "Rights groups accused both sides of atrocities.",
])
def test_wire_uses_of_the_new_words_stay_neutral(body: str) -> None:
    _, fr = frame(None, body)
    assert fr.loaded == ()


def test_new_words_inside_quotes_stay_the_speakers() -> None:
    _, fr = frame(None, 'A guard said: "The gang thugs ran amok and boasted about it."')
    assert outlet(fr) == []
    assert [s.text for s in fr.loaded if s.speaker_framing] == ["gang thugs ran amok", "boasted"]


# ------------------------------------------------------------- span rules (1.1) ----------


def test_a_headline_verb_is_its_own_span_apart_from_the_label() -> None:
    _, fr = frame("ISIS thugs butcher ten villagers in dawn raid", "Police said the raid began at dawn.")
    assert outlet(fr) == ["ISIS thugs", "butcher"]
    assert [s.category for s in fr.loaded] == ["name_calling", "loaded_language"]


def test_coordinated_adjectives_take_their_noun() -> None:
    _, fr = frame(None, "The ministry condemned the cowardly and barbaric attack on the post.")
    assert outlet(fr) == ["cowardly and barbaric attack"]


def test_the_definite_label_refers_back_to_a_pinned_one() -> None:
    _, fr = frame(None, "Shabaab butchers attacked a bus on Monday. Police fear the butchers will return.")
    assert outlet(fr) == ["Shabaab butchers", "butchers"]


def test_a_definite_label_with_nothing_to_refer_back_to_stays_neutral() -> None:
    _, fr = frame(None, "Police fear the butchers will return. The regime said the junta had fallen.")
    assert fr.loaded == ()


@pytest.mark.parametrize("body", [
    "The contractor provided inspectors with false information about the bridge.",
    "The cost overrun delayed the new hospital by a year.",
])
def test_reporting_and_budget_uses_stay_neutral(body: str) -> None:
    _, fr = frame(None, body)
    assert fr.loaded == ()


def test_round5_tabloid_acts_and_images_are_loaded() -> None:
    from datetime import date as _date

    from eventwire.extractors.context import Context as _Ctx
    from eventwire.extractors.context import compose as _compose
    from eventwire.extractors.framing import extract_framing as _ef
    from eventwire.nlp import parse as _parse

    text, start = _compose("Raid on hill town", "Gunmen snatched a nurse and frogmarched her away. "
                           "They left the shattered town a graveyard and sparked a fresh stampede of families.")
    spans = {s.text for s in _ef(_Ctx(doc=_parse(text), body_start=start, published=_date(2024, 5, 15)),
                                 quotes=[], actors=[]).loaded}
    assert "frogmarched" in spans and "snatched" not in spans  # wire uses "snatched" too
    assert any("fresh stampede" in s for s in spans) and any(s.startswith("shattered") for s in spans)


def test_modal_would_be_is_not_the_sneer_would_be() -> None:
    from datetime import date as _date

    from eventwire.extractors.context import Context as _Ctx
    from eventwire.extractors.context import compose as _compose
    from eventwire.extractors.framing import extract_framing as _ef
    from eventwire.nlp import parse as _parse

    text, start = _compose("Trial set", 'The court said the men would be "tried fairly" next month. '
                           "Glass shattered across the square.")
    spans = _ef(_Ctx(doc=_parse(text), body_start=start, published=_date(2024, 5, 15)), quotes=[], actors=[]).loaded
    assert [s.text for s in spans if s.category == "doubt"] == []
    assert not any("shattered" in s.text for s in spans)
