"""Sources cited, on short texts written for these tests."""

from __future__ import annotations

import pytest

from eventwire.extractors.sources import extract_sources_cited, outlets
from tests.context_helpers import make_context

pytestmark = pytest.mark.slow


def cited(body: str, *, source: str | None = None) -> list[tuple[str, str]]:
    text, ctx = make_context(body, published=None, source=source)
    found = extract_sources_cited(ctx)
    for s in found:
        assert text[s.start : s.end] == s.text
    return [(s.name, s.text) for s in found]


def test_outlet_file_gives_canonical_names() -> None:
    assert outlets().names["Agence France-Presse"] == "AFP"
    assert outlets().names["Independent"] == "The Independent"


@pytest.mark.parametrize(("body", "expected"), [
    ("Ten soldiers died in the ambush, according to Reuters.", [("Reuters", "Reuters")]),
    ("The convoy was hit near Gao, AFP reported.", [("AFP", "AFP")]),
    ("A survivor told The Times on Saturday that the boat sank.", [("The Times", "The Times")]),
    ("Harrowing pictures from Sky News show the camp.", [("Sky News", "Sky News")]),
    ("The ministry denied it, reports The Independent.", [("The Independent", "The Independent")]),
    ("Three were killed in Homs, state media SANA said.", [("SANA", "SANA")]),
    ("Interceptors were fired, the Times of Israel said.", [("The Times of Israel", "the Times of Israel")]),
    ("The drone was downed, Agence France-Presse said.", [("AFP", "Agence France-Presse")]),
    ("KHARTOUM (Reuters) - Fighting resumed on Sunday.", [("Reuters", "Reuters")]),
    ("The strike was confirmed by state news agency Petra, which gave no toll.", [("Petra", "Petra")]),
])
def test_citations(body: str, expected: list[tuple[str, str]]) -> None:
    assert cited(body) == expected


@pytest.mark.parametrize("body", [
    "The sun rose over the ruined market as the army withdrew.",  # "sun" is not "The Sun"
    "The Guardian of the shrine refused to leave.",               # no citing phrase
    "Militias burned the times and places of prayer.",
])
def test_not_citations(body: str) -> None:
    assert cited(body) == []


def test_the_articles_own_outlet_is_not_a_cited_source() -> None:
    assert cited("A mother told The Sun her son was missing.", source="The Sun") == []
    assert cited("A mother told The Sun her son was missing.") == [("The Sun", "The Sun")]


@pytest.mark.parametrize(("body", "expected"), [
    # a media noun after the name: the outlet is at work, cited with or without a verb
    ("The Houthi-run Saba news agency did not mention the strike.", [("Saba", "Saba news agency")]),
    # a group's own channel the file does not know
    ("The group said on its Thabat media channel that it held the town.", [("Thabat", "Thabat")]),
    ("The claim came in a statement broadcast on its Radio Andalus station.", [("Radio Andalus", "Radio Andalus")]),
    ("The independent outlet Myanmar Now has documented 40 raids.", [("Myanmar Now", "Myanmar Now")]),
    ("A farmer told Caracol Radio that the road was closed.", [("Caracol Radio", "Caracol Radio")]),
])
def test_outlets_named_with_their_media_noun(body: str, expected: list[tuple[str, str]]) -> None:
    assert cited(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # outlets no list knows, recognised by the shape of their name and a citing frame
    ("Police arrested two men in Quetta, Zed TV reported.", [("Zed TV", "Zed TV")]),
    ("Footage aired by Lantern News showed a burnt bus.", [("Lantern News", "Lantern News")]),
    ("A teacher told Northern Star Television that the school was shut.",
     [("Northern Star Television", "Northern Star Television")]),
    ("Radio Kilima Moja reported that the bridge had collapsed.", [("Radio Kilima Moja", "Radio Kilima Moja")]),
    ("The state-run Harbour News Agency put the toll at nine.", [("Harbour News Agency", "Harbour News Agency")]),
    # a citing clause or an apposition between the name and its verb
    ("Valle Radio, citing a police source, said six were held.", [("Valle Radio", "Valle Radio")]),
    ("The Lakeside Post, a newspaper in the north, said 20 were abducted.",
     [("The Lakeside Post", "The Lakeside Post")]),
    ("Kibanda, a local news site, reported that the market burned.", [("Kibanda", "Kibanda")]),
    # media nouns around an unknown name
    ("The army denied reports by the exile channel Nova Horizon that 12 died.", [("Nova Horizon", "Nova Horizon")]),
    ("The agency Ruvu said it had confirmed the raid.", [("Ruvu", "Ruvu")]),
    ("The online newspaper Voz de Tete said the clinic was looted.", [("Voz de Tete", "Voz de Tete")]),
    ("The price will fall, the board told KBT radio.", [("KBT", "KBT")]),
    ("The group boasted of the attack on the Shamba Memo propaganda website.", [("Shamba Memo", "Shamba Memo")]),
    ("Portuguese news agency Luso, citing police, reported two arrests.", [("Luso", "Luso")]),
    # a masthead article after a citing verb, a known outlet's language service
    ("The mayor told La Voz that the road was closed.", [("La Voz", "La Voz")]),
    ("BBC Amharic reported that 30 people died.", [("BBC Amharic", "BBC Amharic")]),
])
def test_unknown_outlets(body: str, expected: list[tuple[str, str]]) -> None:
    assert cited(body) == expected


@pytest.mark.parametrize("body", [
    "An official told Kenyan radio that the road was closed.",           # a demonym describes
    "The figures were posted on the Ministry of Health website.",         # an office is no outlet
    "Local TV reported that the fire was out.",                           # a describer, not a name
    "The International Atomic Energy Agency said the plant was safe.",    # an agency, not a news agency
    "A spokesman told Ahmed Musa that the talks would resume.",           # a person
    "The Mountain Post was overrun by rebels on Monday.",                 # a name with no citing frame
])
def test_not_unknown_outlets(body: str) -> None:
    assert cited(body) == []


def test_own_outlet_found_by_shape_is_not_cited() -> None:
    assert cited("Lakeside Post reporters saw the ruins, Lakeside Post reported.", source="Lakeside Post") == []


@pytest.mark.parametrize(("body", "expected"), [
    # a media noun written as the name's first word is part of the name
    ("A witness told the Daily Lantern that he saw the blast.", [("Daily Lantern", "Daily Lantern")]),
    # a sentence's full stop ends a name
    ("The fire spread to Kisumu. The Lakeside Times reported four deaths.",
     [("The Lakeside Times", "The Lakeside Times")]),
])
def test_unknown_outlet_name_edges(body: str, expected: list[tuple[str, str]]) -> None:
    assert cited(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # an article and a describing word between the citing phrase and a known or shaped outlet
    ("The dam will open in May, according to the Ethiopian News Agency.",
     [("Ethiopian News Agency", "the Ethiopian News Agency")]),
    ("The decree was published by the official SANA agency on Friday.", [("SANA", "SANA")]),
    # a media describer ("state-run") makes an unknown name after it an outlet
    ("The junta's denial was carried by the state-run Daily Mirror of Arakan on Monday.",
     [("Daily Mirror of Arakan", "Daily Mirror of Arakan")]),
    # national outlets of v1.3 of the list
    ("Syria TV reported that two schools were closed.", [("Syria TV", "Syria TV")]),
    ("El Universo said the bridge had collapsed.", [("El Universo", "El Universo")]),
])
def test_citations_past_articles_and_describers(body: str, expected: list[tuple[str, str]]) -> None:
    assert cited(body) == expected


@pytest.mark.parametrize("body", [
    # a platform hosting someone else's channel is not the source
    "The militia boasted on its Telegram channel that the raid succeeded.",
    "The army denied a report by a local Telegram channel that ten soldiers had died.",
    # "a <town> newspaper" describes an outlet by its town; it does not name it
    "Los Andes, a Mendoza newspaper, counted 14 burned buses.",
])
def test_platform_channels_and_town_describers_are_not_outlets(body: str) -> None:
    names = [name for name, _ in cited(body)]
    assert "Telegram" not in names
    assert "Mendoza" not in names


@pytest.mark.parametrize(("body", "expected"), [
    # a masthead shaped as a word run into a number
    ("Rudaw24 reported that a second drone was seen over the town.", [("Rudaw24", "Rudaw24")]),
    # a print head after a country's name names a paper; "Press" is such a head
    ("The Chad Tribune said the post was overrun.", [("The Chad Tribune", "The Chad Tribune")]),
    ("A farmer told the Kohima Free Press that his field had burned.",
     [("Kohima Free Press", "Kohima Free Press")]),
    # the first of two outlets sharing a citing verb
    ("Nile Herald and the Khartoum-based outlet Sudan24 also reported the raid.",
     [("Nile Herald", "Nile Herald"), ("Sudan24", "Sudan24")]),
    # a people's adjective before a media noun describes the outlet, it is not one
    ("A rebel told the Kenyan news site Tuko that the hostages were alive.", [("Tuko", "Tuko")]),
    ("A rebel told the Papuan news site Suara that the hostages were alive.", [("Suara", "Suara")]),
    # a Spanish masthead start and a citing verb after it
    ("The statue dates from 1595, Prensa Nacional recalled on Sunday.", [("Prensa Nacional", "Prensa Nacional")]),
    # a masthead's own "The" is its name
    ("The Libya Observer reports that two fighters died.", [("The Libya Observer", "The Libya Observer")]),
])
def test_round5_outlet_frames(body: str, expected: list[tuple[str, str]]) -> None:
    assert cited(body) == expected


def test_somalia_tv_still_only_describes() -> None:
    assert cited("Somalia TV reported the attack.") == []


def _names(body: str, source: str | None = None) -> list[str]:
    _text, ctx = make_context(body, "Test", source=source)
    return [s.name for s in extract_sources_cited(ctx)]


def test_a_name_headed_by_broadcaster_is_an_outlet() -> None:
    assert _names("Ruritanian Public Broadcaster reported that the bridge had been closed.") == [
        "Ruritanian Public Broadcaster"]


def test_local_paper_introduces_an_unknown_masthead() -> None:
    assert _names("Local paper The Lantern said dozens of families had left.") == ["The Lantern"]


def test_known_outlet_read_on_and_before_agency() -> None:
    assert _names("The army said in a communiqué read on state broadcaster ORTM that the post held.") == ["ORTM"]
    assert _names("The group claimed the raid through its Amaq agency on Tuesday.") == ["Amaq"]


def test_article_source_given_as_an_alias_is_not_cited() -> None:
    assert _names("KAMPALA (AP) - Gunmen attacked a bus on Monday.", source="AP") == []


@pytest.mark.parametrize(("body", "expected"), [
    ("Crowds gathered in the square, while NTV footage from the lakeside showed police firing tear gas.", ["NTV"]),
    ("The Star reported a large but peaceful march in the town centre.", ["The Star"]),
    ("Footage aired by Rustavi 2 showed riot police pushing back the crowd.", ["Rustavi 2"]),
    ("The Hindustan Times reported that four people died in the blast.", ["Hindustan Times"]),
    ("Two officers were hurt, ARY News reported, citing hospital staff.", ["ARY News"]),
])
def test_regional_outlets(body: str, expected: list[str]) -> None:
    assert [name for name, _ in cited(body)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("The group said in a message released through its az-Zallaqa media arm that it had killed 12 soldiers.",
     ["az-Zallaqa"]),
    ("The militants claimed the attack in a video released by their Al-Kataib media wing.", ["Al-Kataib"]),
    ("The rebels said in a statement posted by their Sawt al-Haq propaganda arm that they had won.",
     ["Sawt al-Haq"]),
])
def test_media_arms_of_armed_groups(body: str, expected: list[str]) -> None:
    assert [name for name, _ in cited(body)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a "<Place>-based" (or "-run") modifier describes the outlet; it is not part of its name
    ("The Bamako-based Le Challenger newspaper said on Monday that the road had been cut.", ["Le Challenger"]),
    ("Residents told the Kigali-based Igihe Today website that the market had burned.", ["Igihe Today"]),
    ("According to the Jos-based Plateau Voice newspaper, 12 people were abducted.", ["Plateau Voice"]),
    # a site named by its domain, when cited
    ("Exports rose by a fifth, according to figures cited by news.am, although the share has fallen.",
     ["news.am"]),
    ("The toll was first reported by kenyans.co.ke on Tuesday evening.", ["kenyans.co.ke"]),
    ("Three houses burned, lenta.ru reported, citing the emergency ministry.", ["lenta.ru"]),
    # "outlet" alone after a group's own channel
    ("JNIM, through its az-Zallaqa outlet, claimed to have killed more than 30 soldiers.", ["az-Zallaqa"]),
    ("The group said via its Thabat outlet that two commanders had died.", ["Thabat"]),
    ("The insurgents, through their al-Hijrah outlet, denied any role in the blast.", ["al-Hijrah"]),
    # well-known outlets of the list
    ("Jeune Afrique reported that many of the mercenaries simply changed badges.", ["Jeune Afrique"]),
    ("Le Figaro said the convoy had been ambushed twice.", ["Le Figaro"]),
    ("According to Mada Masr, the crossing stayed closed.", ["Mada Masr"]),
])
def test_outlet_names_with_modifiers_and_domains(body: str, expected: list[str]) -> None:
    assert [name for name, _ in cited(body)] == expected


@pytest.mark.parametrize("body", [
    "Send your comments to desk@example.com or see www.example.org/contact for details.",
    "The rebels, e.g. the ELN, have denied it, the minister said.",
    "He uploaded the file to example.com last year.",
])
def test_domains_that_are_not_cited(body: str) -> None:
    assert cited(body) == []


# ---- round 10: regional outlets of Mexico, DRC, Syria, Lebanon, Ethiopia, Burkina Faso -------------

@pytest.mark.parametrize(("body", "name"), [
    ("Two bodies were found beside the highway near Iguala, El Sur de Acapulco reported.", "El Sur de Acapulco"),
    ("A road block was set up outside Chilapa on Sunday, Quadratín Guerrero reported.", "Quadratín Guerrero"),
    ("Farmers were attacked near Lubero, according to 7sur7.cd.", "7sur7.cd"),
    ("Shelling hit the Bekaa on Monday, the Lebanese channel Al Jadeed reported.", "Al Jadeed"),
    ("Clashes were reported near Gimbi, Fana Broadcasting Corporate said.", "Fana Broadcasting Corporation"),
    ("The convoy reached Djibo on Friday, according to the Agence d'information du Burkina.", "Agence d'Information du Burkina"),
    ("Fighters entered two villages in eastern Deir ez-Zor, Hawar News Agency reported.", "Hawar News Agency"),
])
def test_regional_outlets_are_known(body: str, name: str) -> None:
    assert name in [n for n, _ in cited(body)]
