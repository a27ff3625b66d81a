"""Loaded-language rules over word classes of the lexicon, beyond its fixed phrases
(split from ``framing``; the classes live in ``data/loaded_lexicon.json``).

- *Capital headlines.* Tabloids set a headline or crosshead in capitals around an emotive
  noun ("TERROR ON THE TRACKS", "JUNGLE HORROR"): a run of all-capital words holding one
  of ``headline_nouns`` is one loaded span, whatever the other words are.
- *Scene pictures.* "scenes of (pure) horror", "a scene of utter carnage": the whole
  picture is the span, not only its last word.
- *Dehumanising nouns.* Animal, monster and fiend nouns used as nouns for people ("gun
  fiends", "the jackals moved through the carriages", "these vermin") are name calling,
  with or without "the"; a sentence about animals (``literal_animal_context``) or a noun
  that only modifies another noun ("monster truck") stays literal.
- *Person objects.* Verbs marked ``needs: person`` ("herd", "hack", "snatch") are loaded
  only when what they act on is a person: "herding passengers", not "herding goats".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.extractors.framing_lexicon import Entry, Lexicon

HEADLINE = Entry(term="<capital headline>", category="loaded_language", pos="phrase", weight=2)
SCENE = Entry(term="<scene of X>", category="loaded_language", pos="phrase", weight=2)
DEHUMANISING = Entry(term="<animal noun for people>", category="name_calling", pos="noun", weight=2,
                     neutral="attackers")

_DETERMINERS = frozenset({"the", "these", "those", "such", "this", "that"})
_DEMONSTRATIVES = frozenset({"these", "those", "such"})
_ACTOR_DEPS = frozenset({"nsubj", "appos", "attr"})
_OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "dative"})
_MAX_SCENE_MODIFIERS = 2


def _forms(tok: Token) -> set[str]:
    """The word, its lemma and a naive singular: the parser often misses lemmas in capitals."""
    low = tok.lower_
    forms = {low, tok.lemma_.lower()}
    if low.endswith("ies"):
        forms.add(low[:-3] + "y")
    elif low.endswith("ves"):
        forms.add(low[:-3] + "f")
    elif low.endswith("es"):
        forms |= {low[:-2], low[:-1]}
    elif low.endswith("s"):
        forms.add(low[:-1])
    return forms


def _is_caps_word(tok: Token) -> bool:
    return tok.is_alpha and tok.text.isupper() and (len(tok.text) > 1 or tok.text in ("A", "I"))


def headline_hits(doc: Doc, lex: Lexicon) -> list[tuple[int, int]]:
    """Runs of all-capital words holding an emotive headline noun (token ranges)."""
    out: list[tuple[int, int]] = []
    toks = list(doc)  # one Token object per word: ``doc[i]`` builds a new one on every access
    i, n = 0, len(toks)
    while i < n:
        if not _is_caps_word(toks[i]):
            i += 1
            continue
        j = i
        # a hyphen inside a capital compound ("BLOOD-SOAKED") keeps the run going
        while j < n and (_is_caps_word(toks[j]) or (toks[j].text == "-" and j + 1 < n and _is_caps_word(toks[j + 1]))):
            j += 1
        if any(_forms(t) & lex.headline_nouns for t in toks[i:j] if t.is_alpha):
            out.append((i, j))
        i = j
    return out


def scene_hits(doc: Doc, lex: Lexicon) -> list[tuple[int, int]]:
    """ "scene(s) of [up to two modifiers] <headline noun>" as one span."""
    out: list[tuple[int, int]] = []
    for tok in doc:
        if tok.lemma_.lower() != "scene" or tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "of":
            continue
        k = tok.i + 2
        while k < len(doc) and k - tok.i - 2 < _MAX_SCENE_MODIFIERS and doc[k].pos_ in ("ADJ", "ADV"):
            k += 1
        if k < len(doc) and _forms(doc[k]) & lex.headline_nouns:
            out.append((tok.i, k + 1))
    return out


def dehumanising_hits(doc: Doc, lex: Lexicon) -> list[tuple[int, int]]:
    """Animal/monster/fiend nouns used for people, with their determiner and modifiers."""
    out: list[tuple[int, int]] = []
    literal_sents: dict[int, bool] = {}
    for tok in doc:
        forms = _forms(tok)
        if not forms & lex.dehumanising:
            continue
        # headline nouns are often tagged as verbs ("gun fiends storm"); trust the tag only
        # for words that really are verbs too ("wolfed down", "ratted on")
        if tok.pos_ not in ("NOUN", "PROPN") and not (tok.pos_ == "VERB" and not forms & lex.verb_homographs):
            continue
        # "monster truck", "rat poison": the word only modifies another noun
        if tok.dep_ in ("compound", "amod") or (tok.head.i == tok.i + 1 and tok.head.pos_ == "NOUN"):
            continue
        sent = tok.sent
        if sent.start not in literal_sents:
            literal_sents[sent.start] = any(t.lower_ in lex.literal_context for t in sent)
        if literal_sents[sent.start]:
            continue
        start = tok.i
        while start > sent.start and doc[start - 1].dep_ in ("compound", "amod", "nmod") \
                and doc[start - 1].head.i == tok.i:
            start -= 1
        det = start > sent.start and doc[start - 1].lower_ in _DETERMINERS
        plural = tok.tag_ in ("NNS", "NNPS") or tok.lower_ != tok.lemma_.lower()
        # "a rat" or a bare singular is too often the animal; "the jackals", "gun fiends" are people
        if not (det or plural or start < tok.i):
            continue
        # "dozens of animals" died in the strike; "the jackals moved", "these animals" are people
        demonstrative = det and doc[start - 1].lower_ in _DEMONSTRATIVES
        if forms & lex.animal_nouns and not (tok.dep_ in _ACTOR_DEPS or demonstrative):
            continue
        out.append((start - 1 if det else start, tok.i + 1))
    return out


def _is_person(tok: Token, lex: Lexicon) -> bool:
    return tok.ent_type_ == "PERSON" or bool(_forms(tok) & lex.person_objects)


def person_object(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """Does the verb at ``doc[start]`` act on a person (its object, a passive subject, the
    object it shares with a coordinated verb, or failing a parse the first noun after it)?"""
    verb = doc[start]
    heads = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    if verb.dep_ == "conj":
        heads.append(verb.head)
    for head in heads:
        for child in head.children:
            if child.dep_ in _OBJECT_DEPS and _is_person(child, lex):
                return True
    k = end
    while k < min(len(doc), end + 6) and not doc[k].is_punct and doc[k].pos_ not in ("VERB", "AUX"):
        if doc[k].pos_ in ("NOUN", "PROPN", "PRON"):
            return _is_person(doc[k], lex)
        k += 1
    return False
