"""Speakers: who a quote's cue attributes it to, described as name, role and organisation.

Split from ``quotes`` (which finds the quoted words and their cue): given the
cue's subject, this module resolves relative and personal pronouns to their
antecedent, reads the speaker's words and fills in name, role and
organisation from the actors the words mention and from the sentence around
them (apposition, possessive owner, acronym definitions).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from eventwire.extractors.actors import actor_role, lexicon
from eventwire.extractors.context import Context
from eventwire.extractors.speaker_orgs import (
    _ACRONYM,
    _BODY_NOUNS,
    _CUT_DEPS,
    _PLACE_ENTS,
    _QUANTIFIERS,
    Verbs,
    _affiliation,
    _affiliation_elsewhere,
    _context_org,
    _defined_acronym,
    _kind_org,
    _name_end,
    _owner,
    _pronoun_owner,
    _qualified_role,
    _title_elsewhere,
    _with_acronym,
    as_written,
    titled_name,
    verbs,
)
from eventwire.schema import Actor, Quote, Speaker

__all__ = ["Marked", "Verbs", "verbs"]

_REL_PRONOUNS = frozenset({"which", "who", "that", "whom"})
_PERSONAL = {"he": "person", "she": "person", "him": "person", "her": "person",
             "they": "group", "we": "group", "it": "org"}
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "abd", "bint", "van", "von", "de", "da"})
_PLACE_NOUNS = frozenset({"city", "town", "village", "county", "country", "state", "province", "region",
                          "district", "capital", "nation", "area", "camp"})
# Bare nouns that refer back to an organisation already named ("the agency", "the mission")
_ANAPHOR_NOUNS = frozenset({"agency", "mission", "group", "organisation", "organization", "service", "monitor",
                            "commission", "body", "force", "charity", "ministry", "department", "office"})
_MODIFIER_DEPS = frozenset({"prep", "advcl", "advmod", "mark", "npadvmod"})


@dataclass(frozen=True)
class Marked:
    open: int   # offset of the opening mark
    close: int  # offset just after the closing mark (or the paragraph end)
    start: int  # quoted text, marks and trailing comma/full stop excluded
    end: int




def _tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _np_span(tok: Token, *, avoid: Sequence[Marked]) -> tuple[int, int]:
    """The subject's words: its subtree without relative clauses or participles,
    outside any quote, without edge punctuation."""
    # (a subject the parse made the root keeps its verb as a modifier: cut it too)
    cut = [c for c in tok.subtree if c.dep_ in _CUT_DEPS and (c.head.i != tok.head.i or tok.head.i == tok.i)
           and c.i > tok.i]
    last = min((c.left_edge.i for c in cut), default=tok.right_edge.i + 1) - 1
    first = tok.left_edge.i
    toks = [t for t in tok.doc[first : last + 1] if not any(q.open <= t.idx < q.close for q in avoid)]
    while toks and (toks[0].is_punct or toks[0].lower_ in {"however", "but", "and"}):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks = toks[:-1]
    if not toks:
        return tok.idx, tok.idx + len(tok.text)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _mentions_in(actors: Sequence[Actor], start: int, end: int) -> list[tuple[Actor, int, int]]:
    return [(a, m.start, m.end) for a in actors for m in a.mentions if m.start < end and start < m.end]


def _group_antecedent(doc: Doc, before: int) -> Token | None:
    """'they': the plural subject of a recent sentence ('A group of women ...')."""
    sents = [s for s in doc.sents if s.start_char < before]
    for sent in reversed(sents[-3:]):
        for t in sent:
            if t.dep_ not in {"nsubj", "nsubjpass"} or t.idx >= before:
                continue
            if t.lower_ in {"group", "crowd", "number", "handful"}:
                pobj = [g for c in t.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
                if pobj:
                    return pobj[0]
            if t.tag_ in {"NNS", "NNPS"}:
                return t
    return None


def _speaker(ctx: Context, subj: Token, actors: Sequence[Actor], marks: Sequence[Marked],
             previous: Sequence[Quote]) -> Speaker | None:
    low = subj.lower_
    if subj.dep_ == "expl" or low in {"i", "you"}:
        return None
    if low in _REL_PRONOUNS and subj.head.dep_ == "relcl":
        who = low == "who"
        subj = subj.head.head  # "the agency, which warned": the agency speaks
        if who and not _personal_noun(subj):
            # "a trader reached through a messaging app, who said": "who" is the person the
            # phrase describes, not the last noun before it
            subj = next((a for a in subj.ancestors if _personal_noun(a)), subj)
        if who and subj.dep_ == "appos" and subj.head.pos_ == "PROPN" and subj.head.ent_type_ in {"PERSON", ""}:
            # "said Maung Tin Oo, a trader ..., who said": the named person, in the role the text gives
            named = _speaker(ctx, subj.head, actors, marks, previous)
            if named is not None and named.name:
                role = named.role or _description(subj, subj.left_edge.idx, subj.idx + len(subj.text)) or None
                return replace(named, role=role)
        low = subj.lower_
    if low in {"it", "they"}:
        main = _main_subject(subj)
        if main is not None:  # "the ministry condemned what it called ...": the ministry
            return _speaker(ctx, main, actors, marks, previous)
    if low in _PERSONAL:
        return _pronoun_speaker(ctx, subj, actors, previous)
    start, end = _np_span(subj, avoid=marks)
    return _known_org(_complete(ctx, _describe(ctx, start, end, subj, actors, previous), subj, actors), previous)


_SUBORDINATE = frozenset({"ccomp", "relcl", "dobj", "pcomp", "advcl", "xcomp", "pobj", "prep"})


def _main_subject(pron: Token) -> Token | None:
    """The noun subject of the clause a pronoun's clause hangs from: a pronoun in
    a subordinate clause refers to the main subject ("the group denied what it
    called ...")."""
    node = pron.head
    for _ in range(4):
        if node.dep_ not in _SUBORDINATE or node.head.i == node.i:
            return None
        node = node.head
        if node.dep_ == "ccomp" and _is_cue(node.head, verbs().any):
            # "X says the toll may be 20, though it stresses ...": the toll is what X says, not who
            continue
        subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            if subj.i > pron.i or subj.pos_ not in {"NOUN", "PROPN"} or subj.ent_type_ == "PERSON":
                return None
            return subj
    return None


def _complete(ctx: Context, sp: Speaker, head: Token, actors: Sequence[Actor]) -> Speaker:
    """Fill what the actors missed: a name in apposition to a role ("its
    spokeswoman, Lilit Harutyunyan,"), the organisation a role belongs to
    ("Horizon Relief's country director", "a spokesman for the military
    government"), and the full name behind an acronym the text defines."""
    name, org, role = sp.name, sp.organization, sp.role
    if role is not None:  # "The EU Monitoring Mission (EUMM)": either form names the speaker
        role = _defined_acronym(role, ctx.text[sp.start : sp.end + 12]) or role
    if org is None and name is None and head.pos_ == "NOUN" and head.lower_ in _ANAPHOR_NOUNS \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) \
            and not any(c.dep_ in {"prep", "compound", "amod", "poss"} for c in head.children):
        # "the agency said": a bare definite noun takes up the organisation named before, in
        # the fuller words the text first gave it ("the interior ministry ... the ministry")
        org = _fuller_mention(head) or _context_org(head.idx, actors, ())
    if name is None and head.pos_ == "NOUN":  # a clause that gives a name needs no known role
        person_noun = head.lower_ in lexicon().roles or head.lower_ in verbs().person_nouns
        name = (_appos_name(ctx, head, actors) if person_noun else None) or _given_name(ctx, head)
    if org is None:
        org = _owner(ctx, head) or _pronoun_owner(head, actors) or _compound_body(head) \
            or _kind_org(head, sp.start, sp.end, actors)
    if org is not None:
        org = _with_acronym(ctx, org, sp.text)
    if name is not None:
        name = _defined_acronym(name, ctx.text[sp.start : sp.end + 12]) or name
        if org is None and "(" not in name:  # a body read as a name: the text's abbreviation too
            name = _with_acronym(ctx, name, sp.text)
    return replace(sp, name=name, role=role, organization=org)


def _fuller_mention(head: Token, window: int = 400) -> str | None:
    """The latest earlier mention of a bare noun's head word with words that
    qualify it ("the interior ministry", "the UN refugee agency", "Ministry of
    Health"), as the text wrote it."""
    doc = head.doc
    for t in reversed(doc[max(0, head.i - window) : head.i]):
        if t.lower_ != head.lower_ or t.pos_ not in {"NOUN", "PROPN"}:
            continue
        mods = [c for c in t.lefts if c.dep_ in {"compound", "amod"} and c.pos_ in {"NOUN", "PROPN", "ADJ"}]
        named_of = t.text[:1].isupper() and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)
        if not mods and not named_of:
            continue
        first = min((m.left_edge.i for m in mods), default=t.i)
        last = _name_end(t) if named_of else t.i
        return doc[first : last + 1].text
    return None


def _compound_body(head: Token) -> str | None:
    """'the panel member', 'the ministry spokesman': a definite role whose noun
    modifier takes up a body named more fully before ("Thailand's peace
    dialogue panel")."""
    if head.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    body = next((c for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN"
                 and c.lower_ in verbs().org_nouns), None)
    return _fuller_mention(body) if body is not None else None


def _appos_name(ctx: Context, head: Token, actors: Sequence[Actor]) -> str | None:
    # "the prefect of Mora, Emmanuel Ndjock,": a parse may hang the name off the place
    places = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
    for ap in [*head.children, *(c for g in places for c in g.children if c.i > g.i + 1
                                 and head.doc[c.left_edge.i - 1].text == ",")]:
        if ap.dep_ != "appos" or ap.pos_ != "PROPN" or not ap.text[:1].isupper():
            continue
        first = ap.left_edge.i
        close = first == ap.i == head.i + 1  # "his daughter Nino": a name right after the noun, no comma
        if (first == ap.i and not close) or not all(t.pos_ == "PROPN" for t in ap.doc[first : ap.i + 1]):
            continue  # after a comma, a person's name has two words or more
        s, e = ap.doc[first].idx, ap.idx + len(ap.text)
        if any(a.type not in {"person", "civilians"} for a, _, _ in _mentions_in(actors, s, e)):
            continue
        return ctx.text[s:e]
    return None


def _given_name(ctx: Context, head: Token) -> str | None:
    """The name a relative clause gives the speaker: "a farmer who gave only his
    first name, Khalaf", "a rebel who gave his name as Tomas", "a man identified
    only as Omar" (a single word is enough: the text says it is a name)."""
    for t in head.subtree:
        if t.i <= head.i or t.dep_ not in {"appos", "pobj"} or t.pos_ != "PROPN" or not t.text[:1].isupper():
            continue
        anchor = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "as" else t.head
        # "who gave her name only as X": the verb whose object is "name" gives it
        gives_name = any(c.dep_ == "dobj" and c.lemma_.lower() == "name" for c in anchor.children)
        if anchor.lower_ != "name" and anchor.lemma_.lower() not in {"identify", "name"} and not gives_name:
            continue
        first = min((c.i for c in t.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), default=t.i)
        return ctx.text[t.doc[first].idx : t.idx + len(t.text)]
    return None




def _pronoun_speaker(ctx: Context, subj: Token, actors: Sequence[Actor],
                     previous: Sequence[Quote]) -> Speaker | None:
    kind = _PERSONAL[subj.lower_]
    start, end = subj.idx, subj.idx + len(subj.text)
    before = [(m.start, a) for a in actors for m in a.mentions if m.end <= start]
    before.sort(key=lambda x: x[0])
    if kind == "person":
        # the nearer of the latest person named and the latest quoted speaker
        options: list[tuple[int, Speaker]] = [
            (pos, Speaker(titled_name(ctx.text, a), _title_elsewhere(ctx, a), _affiliation_elsewhere(ctx, a, start),
                          subj.text, start, end))
            for pos, a in before if a.type == "person" and not _addressee(ctx.doc, pos)
        ]
        options += _paragraph_speakers(ctx, subj, actors, previous)
        options += [(q.speaker.start, replace(q.speaker, text=subj.text, start=start, end=end))
                    for q in previous if q.speaker is not None and q.speaker.end <= start
                    and (q.speaker.name or q.speaker.role)]
        if options:
            return _known_org(max(options, key=lambda o: o[0])[1], previous)
        return Speaker(None, None, None, subj.text, start, end)
    if kind == "org":
        same = _same_sentence_org(ctx, subj, actors, previous)
        if same is not None:
            return same
        for _, a in reversed(before):
            if a.type not in {"person", "civilians"}:
                return Speaker(None, None, a.name, subj.text, start, end)
        return Speaker(None, None, None, subj.text, start, end)
    ante = _group_antecedent(ctx.doc, start)
    if ante is not None:
        named = [a for a, s, e in _mentions_in(actors, ante.idx, ante.idx + len(ante.text))
                 if a.type not in {"civilians", "person"}]
        if named:
            return Speaker(None, None, named[0].name, subj.text, start, end)
        return Speaker(None, ante.lower_, None, subj.text, start, end)
    return Speaker(None, None, None, subj.text, start, end)


def _personal_noun(tok: Token) -> bool:
    """A noun for a person: a role or person word, or a name the model tags as a person."""
    low = tok.lower_
    return (tok.pos_ == "PROPN" and tok.ent_type_ in {"PERSON", ""}) or low in lexicon().roles \
        or low in verbs().person_nouns or (tok.dep_ == "appos" and tok.head.pos_ == "PROPN")


def _addressee(doc: Doc, at: int) -> bool:
    """'... told Meridian Wire': the one spoken to (an outlet, a reporter) is not
    who 'he' or 'she' refers to next."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span[0]
    while tok.dep_ == "compound" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in {"dobj", "dative"} and tok.head.lemma_.lower() == "tell"


def _same_sentence_org(ctx: Context, pron: Token, actors: Sequence[Actor],
                       previous: Sequence[Quote]) -> Speaker | None:
    """'it' after an organisation spoke or acted in the same sentence or the one
    before in its paragraph ("Amnesty says ..., though it stresses ...", "The
    commission has raised its toll: it now says ..."): that organisation."""
    sent = pron.sent
    for q in reversed(previous):
        sp = q.speaker
        if sp is not None and sp.name is None and sp.organization and sent.start_char <= sp.start < pron.idx:
            return replace(sp, text=pron.text, start=pron.idx, end=pron.idx + len(pron.text))
    text = ctx.text
    para = text.rfind("\n", 0, pron.idx) + 1
    sents = [sent]
    if sent.start > 0 and ctx.doc[sent.start - 1].sent.start_char >= para:
        sents.insert(0, ctx.doc[sent.start - 1].sent)
    for s in reversed(sents):
        root_subj = next((t for t in s.root.children if t.dep_ == "nsubj" and t.i < pron.i), None)
        if root_subj is None or root_subj.i == pron.i or root_subj.ent_type_ in {"PERSON", "GPE", "LOC", "NORP"}:
            continue
        # a body noun, a name, or any singular non-person noun that spoke ("The Abu Shouk emergency
        # response room ... now says ...; ..., it said")
        spoke = _is_cue(s.root, verbs().any) and root_subj.tag_ == "NN" and not _personal_noun(root_subj)
        if root_subj.pos_ == "PROPN" or spoke or (
                root_subj.lower_ in _ANAPHOR_NOUNS | _BODY_NOUNS and root_subj.tag_ == "NN"):
            a, b = _np_span(root_subj, avoid=())
            found = _complete(ctx, _describe(ctx, a, b, root_subj, actors, previous), root_subj, actors)
            if found.name is None and (found.organization or found.role):
                return replace(found, text=pron.text, start=pron.idx, end=pron.idx + len(pron.text))
    return None


def _quoted_org(name: str, previous: Sequence[Quote]) -> str | None:
    """The organisation an earlier quote gave the same person, known by the full
    name or by the surname alone."""
    for q in reversed(previous):
        sp = q.speaker
        if sp is None or not sp.name or not sp.organization:
            continue
        if sp.name == name or sp.name.endswith(" " + name) or name.endswith(" " + sp.name):
            return sp.organization
    return None


def _known_org(sp: Speaker, previous: Sequence[Quote]) -> Speaker:
    """'..., he said': the organisation the same person was given at an earlier quote."""
    if sp.name is None or sp.organization is not None:
        return sp
    org = _quoted_org(sp.name, previous)
    return replace(sp, organization=org) if org else sp


def _paragraph_speakers(ctx: Context, subj: Token, actors: Sequence[Actor],
                        previous: Sequence[Quote]) -> list[tuple[int, Speaker]]:
    """'A resident ... said X. "...," he said': a singular noun that spoke
    earlier in the paragraph is a candidate for 'he'/'she'."""
    text = ctx.text
    para = text.rfind("\n", 0, subj.idx) + 1
    # the paragraph before counts too ("Amina says she ...\n\n"...," she said')
    prev = text.rfind("\n", 0, max(0, para - 1))
    while prev > 0 and text[prev + 1 : para].strip() == "":
        prev = text.rfind("\n", 0, prev)
    para = prev + 1 if prev >= 0 else 0
    first = ctx.doc.char_span(para, subj.idx, alignment_mode="expand")
    if first is None:
        return []
    out: list[tuple[int, Speaker]] = []
    cues = verbs().any
    roles = lexicon().roles
    for t in first:
        if t.i >= subj.i:
            continue
        # two subjects (a long clause before the tag): the one next to the verb speaks
        s = min((c for c in t.children if c.dep_ == "nsubj"), key=lambda c: abs(c.i - t.i), default=None)
        role_noun = s is not None and s.tag_ == "NN" and s.lower_ in roles
        if s is not None and not role_noun and s.tag_ == "NN" and t.pos_ in {"VERB", "AUX"}:
            # "A mother of four who fled said ...", "One widow ... wept as she spoke": a singular
            # person noun (or one a "who" clause describes) that speaks or acts
            # (not a subject inside what is reported: "said her son was missing")
            main = _is_cue(t, cues) or t.dep_ in {"ROOT", "conj"}
            role_noun = (main and s.lower_ in verbs().person_nouns) or (_is_cue(t, cues) and any(
                c.dep_ == "relcl" and any(g.lower_ == "who" for g in c.children) for c in s.children))
        if not _is_cue(t, cues) and not (role_noun and t.pos_ in {"VERB", "AUX"}):
            continue  # "The president has just finished an address. He called ...": any verb of a role noun
        named = s is not None and s.pos_ == "PROPN" and s.ent_type_ in {"PERSON", ""} and s.text[:1].isupper() \
            and not any(a.type not in {"person", "civilians"} for a, _, _ in _mentions_in(actors, s.idx, s.idx + 1))
        if s is None or not (named or role_noun):
            continue
        if _inside_quote(text, text.rfind("\n", 0, s.idx) + 1, s.idx):
            continue  # "My father planted these trees," he said: a noun of the quoted words
        a, b = _np_span(s, avoid=())
        found = _complete(ctx, _describe(ctx, a, b, s, actors, previous), s, actors)
        out.append((s.idx, replace(found, text=subj.text, start=subj.idx, end=subj.idx + len(subj.text))))
    return out


def _inside_quote(text: str, para: int, at: int) -> bool:
    """Whether a position of a paragraph lies between quote marks (the marks
    before it in the paragraph leave a quote open)."""
    before = text[para:at]
    return before.count('"') % 2 == 1 or sum(before.count(c) for c in "“«") > sum(before.count(c) for c in "”»")


def _describe(ctx: Context, start: int, end: int, head: Token, actors: Sequence[Actor],
              previous: Sequence[Quote]) -> Speaker:
    text = ctx.text
    found = _mentions_in(actors, start, end)
    person = next((a for a, _, _ in found if a.type == "person"), None)
    head_mentions = [(a, s, e) for a, s, e in found if s <= head.idx < e]
    orgs = [a for a, _, _ in found if a.type not in {"person", "civilians"}]
    role: str | None = None
    org: str | None = None
    if person is not None:
        role = _person_role(ctx, start, end, head, actors) or _title_elsewhere(ctx, person)
        org = _affiliation(ctx, head) or _affiliation_elsewhere(ctx, person, head.idx)
        if orgs and (org is None or len(orgs[0].name) > len(org)):
            org = orgs[0].name  # the actor's full name beats a shorter description ("the military")
        if org is None:  # "Okonjo said": the body "Tunde Okonjo, an analyst at X" was quoted with before
            org = _quoted_org(person.name, previous)
        return Speaker(titled_name(text, person), role, org, text[start:end], start, end)
    wider = _wider_name(ctx, head, head_mentions)
    if wider is not None:  # "Amnesty Kenya": a name the actor's mention ("Kenya") is only part of
        return Speaker(None, None, wider, text[start:end], start, end)
    if head_mentions and head_mentions[0][0].type not in {"person", "civilians"}:
        a, s, e = head_mentions[0]
        role = actor_role(ctx, actors, s, e)
        if role:
            owned = re.search(r"\b([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*['’]s\s+)" + re.escape(role), text[start:end])
            role = owned.group(0) if owned else role  # the words the text uses for the speaker
        if head.pos_ in {"NOUN", "PROPN"} and head.lower_ in _BODY_NOUNS \
                and (role is None or role.lower() == head.lower_):
            # "the army", "the Israeli military", "the Palestinian presidency": the body that speaks, in full
            role = _description(head, start, end) or role
            role = None if role is not None and role.lower() == a.name.lower() else role
        return Speaker(None, role, as_written(text, a.name, s, e, role), text[start:end], start, end)
    if head.pos_ == "PROPN" and (head.ent_type_ not in _PLACE_ENTS or _person_like(head)):
        named = _unlisted_name(ctx, start, end, head, orgs)
        if named is not None:
            return named
    if head.lower_ in verbs().cue_nouns:
        role = head.lower_
        org = orgs[0].name if orgs else _context_org(head.idx, actors, previous)
    elif head.lower_ in _QUANTIFIERS and head.pos_ in {"PRON", "NUM", "NOUN", "ADJ"}:
        # "one of the residents": the residents' word is the speaker's
        of = [g for c in head.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        role = of[0].lower_ if of and of[0].pos_ == "NOUN" else None
        org = orgs[0].name if orgs else None
    else:
        role = _description(head, start, end) or None
        org = orgs[0].name if orgs else None
    return Speaker(None, role, org, text[start:end], start, end)


def _description(head: Token, start: int, end: int) -> str:
    """The words describing a speaker up to its head noun, as the text gives them
    ("UN humanitarian official", "Downing Street spokesman", "Israeli military"):
    no determiners, possessors, counts or modifiers such as "senior"."""
    drop = lexicon().drop_modifiers
    def common_poss(t: Token) -> bool:  # "the ombudsman's office": a title, not an owner
        return (t.dep_ == "poss" and t.pos_ == "NOUN" and not t.text[:1].isupper()
                and t.lower_ not in _PLACE_NOUNS)  # "the city's administration": no title

    words: list[str] = []
    doc = head.doc
    age = _age_tokens(doc, head.left_edge.i, head.i)
    for t in doc[head.left_edge.i : head.i + 1]:
        if t.i in age:
            if t.i == min(age) and start <= t.idx < end:  # "26-year-old": the age, as written, qualifies the role
                words.append(doc[min(age) : max(age) + 1].text)
            continue
        if not start <= t.idx < end or t.lower_ in drop:
            continue
        if t.dep_ == "case" and words and common_poss(t.head):
            words[-1] += t.text
            continue
        owners = [a for a in t.ancestors if a.i < head.i and a.dep_ == "poss"]
        if t.pos_ in {"ADJ", "NOUN", "PROPN"} and (common_poss(t) or t.i == head.i or (
                t.dep_ not in {"poss", "det", "nummod", "predet", "case", "appos"}
                and all(common_poss(a) for a in owners))):
            words.append(t.text)
    titled = head.text[:1].isupper()  # "Ministry of Defence": a capitalised title keeps its capitalised "of X"
    of = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and start <= c.idx < end
               for g in c.children if g.dep_ == "pobj" and g.pos_ in {"NOUN", "PROPN"}
               and (titled or not g.text[:1].isupper())
               and not any(d.dep_ in {"det", "poss", "nummod"} for d in g.children)), None)
    if words and of is not None:
        words += ["of", of.text]  # "chamber of commerce", "ministry of defence": one title
    return " ".join(words)


def _age_tokens(doc: Doc, first: int, last: int) -> set[int]:
    """The tokens of a hyphenated age ("26-year-old", "14-year-old") between two
    positions: one word of the role, not a count and a stray "year old"."""
    out: set[int] = set()
    for k in range(first, last - 3):
        toks = doc[k : k + 5]
        if toks[0].like_num and toks[1].text == "-" and toks[2].lower_ in {"year", "years"} \
                and toks[3].text == "-" and toks[4].lower_ == "old":
            out.update(range(k, k + 5))
    return out


def _wider_name(ctx: Context, head: Token, mentions: Sequence[tuple[Actor, int, int]]) -> str | None:
    """A proper name whose words run before the actor mention at its head
    ("Amnesty Kenya", "Human Rights Watch Nigeria"): the whole name speaks, not
    the place or body the mention found inside it."""
    if head.pos_ != "PROPN" or not mentions or mentions[0][0].type in {"person", "civilians"}:
        return None
    doc = head.doc
    first = head.i
    while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].dep_ == "compound":
        first -= 1
    if first == head.i or doc[first].idx >= min(s for _, s, _ in mentions):
        return None
    return ctx.text[doc[first].idx : head.idx + len(head.text)]


def _person_like(head: Token) -> bool:
    """A name the model took for a place, read as a person: a describing noun
    before it ("neighbour Olena") or an age or a role after it ("Olena, 38")."""
    return any((c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < head.i)
               or (c.dep_ == "appos" and c.pos_ in {"NUM", "NOUN"}) for c in head.children)


def _unlisted_name(ctx: Context, start: int, end: int, head: Token, orgs: Sequence[Actor]) -> Speaker | None:
    """A proper-noun subject no actor covers: a person ("said Omar, a taxi
    driver") or, as an acronym, an organisation ("COGAT said")."""
    doc = head.doc
    first = head.i
    while first > 0 and doc[first - 1].idx >= start and (
            (doc[first - 1].pos_ == "PROPN" and doc[first - 1].dep_ == "compound")
            or doc[first - 1].text == "-" or doc[first - 1].lower_ in _NAME_PARTICLES):
        first -= 1
    name = ctx.text[doc[first].idx : head.idx + len(head.text)]
    if not name[:1].isupper():
        return None
    if _ACRONYM.match(name):
        return Speaker(None, None, name, ctx.text[start:end], start, end)
    lex = lexicon()
    role: str | None = None
    org = orgs[0].name if orgs else None
    for ap in (c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"):
        role = _qualified_role(ap)
        break
    org = _affiliation(ctx, head) or org
    before = _description(head, start, doc[first].idx) if first > head.left_edge.i else ""
    if role is None and before and before.split()[-1].lower() not in lex.drop_modifiers:
        role = before  # "Horrified neighbour Olena"
    return Speaker(name, role, org, ctx.text[start:end], start, end)


def _person_role(ctx: Context, start: int, end: int, head: Token, actors: Sequence[Actor]) -> str | None:
    """'spokesman' from an apposition, else the title before the name, else a role mention."""
    lex = lexicon()
    for t in head.subtree:
        if t.dep_ == "appos" and start <= t.idx < end and t.lower_ in lex.roles:
            return _qualified_role(t)
    role = actor_role(ctx, actors, start, end)
    if role:
        return role
    ranks = {r.lower().rstrip(".") for r in lex.ranks}
    before = [t for t in head.doc[head.left_edge.i : head.i] if start <= t.idx < end]
    titles = [t for t in before if t.lower_.rstrip(".") in ranks or t.lower_ in lex.roles]
    if not titles:
        return None
    # the title with the words qualifying it: "police spokesman", "Deputy Governor"
    last = titles[-1]
    run = [t for t in before if t.i <= last.i and t.pos_ in {"ADJ", "NOUN", "PROPN"}
           and t.dep_ in {"compound", "amod"} and t.lower_ not in lex.drop_modifiers
           and t.ent_type_ != "PERSON"]
    return " ".join(t.text for t in run) or " ".join(t.text for t in titles)


def _is_cue(tok: Token, allowed: frozenset[str]) -> bool:
    if tok.lemma_.lower() not in allowed and tok.lower_ not in allowed:
        return False
    # a small model tags "A statement read:" as a noun: its subject says it acts as a verb
    return tok.pos_ in {"VERB", "AUX"} or any(c.dep_ == "nsubj" for c in tok.children)
