"""Speakers: who a cue attributes quoted words to (texts written for these tests)."""

from __future__ import annotations

import pytest

from eventwire.extractors.actors import extract_actors
from eventwire.extractors.quotes import extract_quotes
from eventwire.extractors.sources import extract_sources_cited
from eventwire.schema import Quote
from tests.context_helpers import make_context


def quotes_of(body: str) -> list[Quote]:
    _text, ctx = make_context(body, "Test")
    actors = extract_actors(ctx, places=[])
    return extract_quotes(ctx, actors=actors, sources=extract_sources_cited(ctx))


def who(q: Quote) -> str:
    s = q.speaker
    return " / ".join(x for x in (s.name, s.role, s.organization) if x) if s else ""


def test_speaker_named_between_closing_mark_and_cue() -> None:
    body = ('"The rains came late and the seed was poor," farm manager Lemma Tadesse told reporters '
            "during a tour of the valley.")
    q = quotes_of(body)[0]
    assert q.kind == "direct"
    assert "Lemma Tadesse" in who(q)


def test_defined_acronym_stays_with_the_role() -> None:
    body = ("The African Union Observer Mission (AUOM), which watches the border, said it was "
            '"following the situation closely".')
    q = next(q for q in quotes_of(body) if q.kind == "partial")
    assert "AUOM" in who(q)


def test_bare_definite_noun_takes_up_the_organisation_named_before() -> None:
    body = ("The World Food Programme opened a warehouse in the town on Monday. Stocks had been "
            '"badly depleted", the agency said.')
    q = next(q for q in quotes_of(body) if q.kind == "partial")
    assert q.speaker is not None and q.speaker.organization is not None
    assert q.speaker.organization in {"WFP", "World Food Programme"}


def test_capitalised_ministry_title_keeps_its_of_phrase() -> None:
    body = 'The Syrian Ministry of Defence said its units had "returned fire" near the front line.'
    q = next(q for q in quotes_of(body) if q.kind == "partial")
    assert "ministry of defence" in who(q).lower()


def test_a_denied_charge_is_not_reported_speech() -> None:
    body = ("Some context first.\n\nThe capital again accused its neighbour of arming the rebels, "
            "a charge the neighbour denies.")
    assert not [q for q in quotes_of(body) if q.kind == "indirect" and "arming" in q.text]


# --------------------------------------------------------------------------- round 8 rules


def only(body: str, kind: str | None = None) -> Quote:
    found = [q for q in quotes_of(body) if kind is None or q.kind == kind]
    assert len(found) >= 1, body
    return found[0]


@pytest.mark.parametrize(("body", "expected"), [
    ("The IDF said its troops had destroyed two tunnels near the border.", "IDF (Israel Defense Forces)"),
    ("In a statement, the RSF said its fighters had taken the airport.", "RSF (Rapid Support Forces)"),
    ("Late on Sunday the IDF said it had intercepted a drone over the sea.", "IDF (Israel Defense Forces)"),
])
def test_organisation_keeps_the_texts_words_beside_the_canonical_name(body: str, expected: str) -> None:
    assert who(only(body)) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Amnesty Kenya said the police had fired on unarmed marchers.", "Amnesty Kenya"),
    ("Human Rights Watch Nigeria said the soldiers had detained forty men.", "Human Rights Watch Nigeria"),
    ("Amnesty Kenya says the toll may be as high as 20, though it stresses it is still counting.",
     "Amnesty Kenya"),
])
def test_a_name_wider_than_the_actor_mention_inside_it_speaks(body: str, expected: str) -> None:
    assert who(only(body)) == expected


@pytest.mark.parametrize("body", [
    "Amnesty Kenya says the toll may be as high as 20, though it stresses it is still counting.",
    "Amnesty Kenya said the looting was widespread, although it admits it has no staff in the town.",
    "Human Rights Watch Nigeria believes the figure is higher, but it warns it cannot reach the villages.",
])
def test_it_is_not_the_subject_of_a_reported_clause(body: str) -> None:
    found = quotes_of(body)
    assert found and all(q.speaker is not None for q in found)
    assert not any(s in who(q).lower() for q in found for s in ("toll", "looting", "figure"))


@pytest.mark.parametrize(("body", "expected"), [
    ('The interior ministry said 30 people were held. Later the ministry accused the marchers of "planned violence".',
     "ministry / interior ministry"),
    ('The health ministry gave a toll of nine. The ministry said the hospitals were "overwhelmed".',
     "ministry / health ministry"),
    ('The foreign ministry summoned the ambassador. The ministry called the raid "a flagrant violation".',
     "ministry / foreign ministry"),
])
def test_a_bare_definite_body_takes_up_its_fuller_earlier_mention(body: str, expected: str) -> None:
    assert who(only(body, "partial")) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ('The governor has just ended a press conference. He called the attack "cowardly".', "governor"),
    ('The prime minister visited the flooded district on Monday. She described the damage as "unprecedented".',
     "prime minister"),
    ('The president has just finished an address. He called the storming of the court "treasonous".',
     "president"),
])
def test_he_she_take_up_a_role_noun_subject_of_any_verb(body: str, expected: str) -> None:
    assert who(only(body, "partial")) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ('"We had wounded people arriving all night, most of them with burns," said a nurse at the district hospital.',
     "nurse"),
    ('"The water came up to the roof, many of us lost everything," said a farmer from the valley.', "farmer"),
    ('"Our shelves are empty, some of the medicines ran out weeks ago," said a pharmacist in the old town.',
     "pharmacist"),
])
def test_of_two_subjects_the_one_next_to_the_cue_speaks(body: str, expected: str) -> None:
    assert who(only(body, "direct")) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ('The minister dismissed the report as "a fabrication by foreign agents".', "minister"),
    ('The opposition leader asked the government for "real answers, not slogans".', "opposition leader"),
    ('The union accused the company of "treating workers like machines".', "union"),
])
def test_a_quote_after_the_cues_object_and_a_characterising_preposition(body: str, expected: str) -> None:
    assert who(only(body, "partial")) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ('The army rejected claims that the base had fallen, dismissing them as "enemy propaganda".', "army"),
    ('The police denied reports that protesters were beaten, calling them "completely false".', "police"),
    ('The ministry rejected claims that the figures were hidden, describing them as "an insult".', "ministry"),
])
def test_a_participle_after_a_comma_belongs_to_the_main_subject(body: str, expected: str) -> None:
    assert expected in who(only(body, "partial"))


@pytest.mark.parametrize(("body", "expected"), [
    ("The attack was repelled by troops, according to Captain Idris Warsame of the army's 3rd Brigade. "
     '"We held the hill," Warsame told reporters.', "army's 3rd Brigade"),
    ('Dr Leila Haddad of the Red Crescent described the scene on Monday. "The wards are full," Haddad said.',
     "Red Crescent"),
    ('The convoy was stopped twice, said Colonel Musa Bello of the Nigerian army. "We will reopen the road," '
     "Bello said.", "Nigerian army"),
])
def test_a_person_keeps_the_body_given_at_an_earlier_mention(body: str, expected: str) -> None:
    q = only(body, "direct")
    assert q.speaker is not None and q.speaker.organization == expected


@pytest.mark.parametrize(("body", "expected"), [
    ('A member of the national peace commission said talks would resume. "We want a ceasefire first," '
     "the commission member said.", "national peace commission"),
    ('The regional relief committee met on Friday. "Food will arrive next week," the committee chairman said.',
     "regional relief committee"),
    ('Officials of the state election board counted through the night. "The count is fair," the board member said.',
     "state election board"),
])
def test_a_definite_role_takes_up_the_body_its_noun_modifier_names(body: str, expected: str) -> None:
    q = only(body, "direct")
    assert q.speaker is not None and q.speaker.organization == expected


@pytest.mark.parametrize(("body", "expected"), [
    ('"The roads are cut," said Amina Yusuf, Hope Relief\'s country director.', "Hope Relief"),
    ('"We need access now," said Tomas Berg, Northern Aid\'s emergency coordinator.', "Northern Aid"),
    ('"The camps are full," said Sara Lind, Coastal Rescue\'s field manager.', "Coastal Rescue"),
])
def test_an_owner_with_an_organisation_word_is_a_body(body: str, expected: str) -> None:
    q = only(body, "direct")
    assert q.speaker is not None and q.speaker.organization == expected


@pytest.mark.parametrize(("body", "expected"), [
    ('"The shop was burning and nobody came to help us at all," a trader, who would not give his name, told the radio.',
     "trader"),
    ('"We ran to the river and hid there until the morning," a farmer, who asked not to be named, told reporters.',
     "farmer"),
    ('"The soldiers took everything we had in the house," a woman, who gave only her first name, told the agency.',
     "woman"),
])
def test_a_speech_tag_after_a_relative_clause(body: str, expected: str) -> None:
    assert who(only(body, "direct")) == expected


@pytest.mark.parametrize("body", [
    "The commission has raised its count of the dead: it now says at least 13 people were killed.",
    "The agency has revised its estimate: it now says 40,000 people have fled.",
    "The monitor has changed its figure again: it says 21 soldiers died.",
])
def test_a_clause_before_a_colon_is_not_what_the_cue_reports(body: str) -> None:
    assert not any(q.text.startswith("The ") for q in quotes_of(body))


# --------------------------------------------------------------------------- round 9


@pytest.mark.parametrize(("body", "name", "role"), [
    ('"They burned the stalls before dawn," said a 26-year-old trader who gave her name only as Rosa.',
     "Rosa", "26-year-old trader"),
    ('"Nobody came to help us," said a 41-year-old farmer who gave his name as Tomasz, standing by the road.',
     "Tomasz", "41-year-old farmer"),
    ('"We slept in the church for three nights," a 19-year-old student who gave only her first name, Aisha, '
     "told the radio.", "Aisha", "19-year-old student"),
])
def test_a_name_given_in_a_relative_clause_and_the_age_in_the_role(body: str, name: str, role: str) -> None:
    s = only(body, "direct").speaker
    assert s is not None and s.name == name and s.role == role


@pytest.mark.parametrize(("body", "expected"), [
    ('The village chief, Musa Kolo, said the men came at night. "We fought them with sticks," Kolo said.\n\n'
     'A mother of three who fled with her children said her son was missing. "They took him from the house. '
     'I could not stop them," she said.', "mother"),
    ('"The road is closed," the mayor, Ivan Petrenko, said.\n\nA fisherman whose boat was burned said he had '
     'lost everything. "I have nothing left now. Not even a net," he said.', "fisherman"),
    ('Police chief Omar Said said the attackers fled north. "We are hunting them," Said said.\n\n'
     'One widow, whose husband was shot in the market, wept as she spoke. "He went to buy bread and never came '
     'back," she said.', "widow"),
])
def test_a_pronoun_takes_up_the_nearest_person_noun_that_spoke(body: str, expected: str) -> None:
    q = [q for q in quotes_of(body) if q.kind == "direct"][-1]
    assert who(q) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ('The prefect of Kolda, Amadou Ba Diallo, said troops would arrive "within the week".', "Amadou Ba Diallo"),
    ('The governor of Tahoua, Issa Moussa Garba, told reporters the road was "too dangerous to use".',
     "Issa Moussa Garba"),
    ('The mayor of Goma, Jean Paul Kasereka, said the camps were "full beyond any limit".', "Jean Paul Kasereka"),
])
def test_a_name_after_the_place_of_a_title_is_the_speakers_name(body: str, expected: str) -> None:
    s = only(body, "partial").speaker
    assert s is not None and s.name == expected


@pytest.mark.parametrize(("body", "expected"), [
    ('The man was taken from his field, his daughter Nino told the paper.\n\n"He only went to pick apples," '
     "she said.", "Nino"),
    ('A man named Omar Haddad was arrested on Monday, his sister Leila told reporters.\n\n'
     '"They came at night and took him away," she said.', "Leila"),
    ('The driver was shot at the checkpoint, his brother Karim told the radio.\n\n"He had done nothing wrong," '
     "he said.", "Karim"),
])
def test_a_kin_noun_followed_by_a_name_speaks_for_a_later_pronoun(body: str, expected: str) -> None:
    q = only(body, "direct")
    assert q.speaker is not None and q.speaker.name == expected


@pytest.mark.parametrize(("body", "expected"), [
    ('COGAT, the Israeli defence ministry body that coordinates aid, said there was "no shortage" of food.', "COGAT"),
    ('UNAMA, the UN mission that monitors civilian harm, said the strike was "deeply troubling".', "UNAMA"),
    ('OCHA, the office that coordinates relief, said access remained "severely restricted".', "OCHA"),
])
def test_a_name_before_its_description_speaks(body: str, expected: str) -> None:
    assert expected in who(only(body, "partial"))


@pytest.mark.parametrize(("body", "expected"), [
    ('Israeli troops entered the camp at dawn. A military spokesman, Lt Col Dan Levin, said: "We will stay as long '
     'as needed."', "Israel Defense Forces"),
    ('Hamas fighters fired rockets at the town. A Hamas commander said the attacks would go on. Later a militant '
     'spokesman said: "This is only the start."', "Hamas"),
    ('Russian forces shelled the village overnight. An army spokesman said: "Our units returned fire at once."',
     "Russian armed forces"),
])
def test_a_kind_word_before_the_role_names_the_organisation(body: str, expected: str) -> None:
    q = only(body, "direct")
    assert q.speaker is not None and q.speaker.organization is not None and expected in q.speaker.organization


@pytest.mark.parametrize(("body", "expected"), [
    ('Rebels run courts in the hills, which Tunde Adeyemi, an analyst at Gulf Risk Partners in Lagos, described '
     'as "a state within a state".\n\n"The next month will decide a lot," Adeyemi said.', "Gulf Risk Partners"),
    ('The army holds the towns, according to Maria Santos, a researcher at the Andes Security Institute, who '
     'described the rebels as "entrenched".\n\n"They will not leave easily," Santos said.', "Andes Security Institute"),
    ('The talks stalled, said Peter Okello, a lawyer with the Lakes Rights Network, who called the deal '
     '"a paper peace".\n\n"Nobody trusts the other side," Okello said.', "Lakes Rights Network"),
])
def test_a_surname_keeps_the_organisation_of_an_earlier_quote(body: str, expected: str) -> None:
    q = only(body, "direct")
    assert q.speaker is not None and q.speaker.organization == expected


@pytest.mark.parametrize(("body", "expected"), [
    ('The prize went to grower Ahmed Saleh.\n\n"My father planted these palms in 1970," he said.', "Ahmed Saleh"),
    ('The oldest potter in the village is Rahim Bux.\n\n"My mother taught me this craft," he said.', "Rahim Bux"),
    ('Farmer Grace Wanjiru, 63, took the top prize.\n\n"My sister taught me to grow these beans," she said.',
     "Grace Wanjiru"),
])
def test_a_person_noun_inside_the_quote_does_not_speak(body: str, expected: str) -> None:
    q = only(body, "direct")
    assert q.speaker is not None and q.speaker.name == expected


@pytest.mark.parametrize(("body", "expected"), [
    ('"We had nowhere to run," said Abebe Kassa, a grain trader who said he lost two cousins.', "grain trader"),
    ('"The water came at night," said Juan Perez, a cattle farmer who said his herd had drowned.', "cattle farmer"),
    ('"They took the boats," said Ali Musa, a fish seller who said his stall was looted.', "fish seller"),
])
def test_a_role_in_apposition_keeps_its_head_noun(body: str, expected: str) -> None:
    q = only(body, "indirect")  # "who said" after "Name, a role": the named person in that role
    assert q.speaker is not None and q.speaker.role == expected and q.speaker.name


@pytest.mark.parametrize(("body", "expected"), [
    ('"They burned every house," a woman from the village told Coastal Wire. She said her sister was missing.',
     "woman"),
    ('"The water rose in minutes," a fisherman from the delta told Anna Weber. He said his boat was lost.',
     "fisherman"),
    ('"We walked for two days," a teacher from the camp told Daily Record. She said the school had closed.',
     "teacher"),
])
def test_the_one_told_is_not_who_a_later_pronoun_means(body: str, expected: str) -> None:
    q = only(body, "indirect")
    assert q.speaker is not None and q.speaker.role == expected


@pytest.mark.parametrize(("body", "expected"), [
    ('"The bomb fell on the stalls," said Ko Min, a trader reached through a messaging app, who said his '
     "brother was killed.", "trader"),
    ('"We saw the boats burn," said Sara Ali, a nurse contacted by satellite phone, who said the clinic had '
     "no power.", "nurse"),
    ('"The road is cut," said Juma Otieno, a driver stuck behind the checkpoint, who said food was running out.',
     "driver"),
])
def test_who_refers_to_the_person_not_the_last_noun(body: str, expected: str) -> None:
    q = only(body, "indirect")
    assert q.speaker is not None and expected in (q.speaker.role or "") + (q.speaker.text or "")


@pytest.mark.parametrize(("body", "expected"), [
    ("Fighting resumed on Monday.\n\n"
     "The Tawila emergency response room, a volunteer group, now says at least 20 people died. More than 30 were "
     "hurt, among them six children, it said.", "room"),
    ("Fighting resumed on Monday.\n\n"
     "The Kassala crisis cell, a local volunteer network, says the water station was hit. Two pumps were destroyed "
     "in the strike, it said.", "cell"),
    ("Fighting resumed on Monday.\n\n"
     "The Mocuba neighbourhood committee, made up of local elders, says 40 homes burned. Most families have left "
     "the area, it said.", "committee"),
])
def test_it_takes_up_the_body_that_spoke_in_the_sentence_before(body: str, expected: str) -> None:
    q = [q for q in quotes_of(body) if q.kind == "indirect"][-1]
    assert q.speaker is not None and expected in (q.speaker.role or "") + (q.speaker.organization or "")


# ---- round 10: titles kept with names; bodies of a role the name is in apposition to ---------------

@pytest.mark.parametrize(("body", "name"), [
    ('"We will rebuild the chapel," said Father Tomas Ruiz, who leads the parish in San Miguel.',
     "Father Tomas Ruiz"),
    ('Imam Yusuf Bello said the mosque had taken in 30 families. "Nobody has slept," Bello said.',
     "Imam Yusuf Bello"),
    ('"The clinic has no fuel left," Dr. Amina Hassan told reporters in Kassala.', "Dr. Amina Hassan"),
    ('Pastor John Mensah said the church had been burned. "They came at night," he said.', "Pastor John Mensah"),
])
def test_clerical_and_honorific_titles_stay_with_the_name(body: str, name: str) -> None:
    found = quotes_of(body)
    assert found
    assert all(q.speaker is not None and q.speaker.name == name for q in found)


def test_a_name_without_a_title_is_unchanged() -> None:
    q = quotes_of('"The road is closed," said Tomas Ruiz, a driver from San Miguel.')[0]
    assert q.speaker is not None and q.speaker.name == "Tomas Ruiz"


@pytest.mark.parametrize(("body", "org"), [
    ('The president of the civil society of Rutshuru, Amani Kambale, said the bodies had been counted. '
     '"We have buried eleven people," he told a local radio.', "civil society of Rutshuru"),
    ("The head of the traders' union in Kitale, Joseph Wanyama, said prices had fallen by half. "
     '"Nobody is buying," Wanyama said.', "traders' union"),
    ('The coordinator of the youth council of Oicha, Esther Kahindo, spoke on Monday. '
     '"We are afraid," she said.', "youth council of Oicha"),
])
def test_later_mentions_keep_the_body_of_the_role_before_the_name(body: str, org: str) -> None:
    direct = [q for q in quotes_of(body) if q.kind == "direct"]
    assert direct and direct[0].speaker is not None
    assert direct[0].speaker.organization == org
