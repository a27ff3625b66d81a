"""Speakers: who a quote's cue attributes it to, described as name, role and organisation.

Split from ``quotes`` (which finds the quoted words and their cue): given the
cue's subject, this module resolves relative and personal pronouns to their
antecedent, reads the speaker's words and fills in name, role and
organisation from the actors the words mention and from the sentence around
them (apposition, possessive owner, acronym definitions).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources

from spacy.tokens import Doc, Span, Token

from eventwire.errors import DataFileError
from eventwire.extractors.actors import actor_role, lexicon
from eventwire.extractors.context import Context
from eventwire.schema import Actor, Quote, Speaker

_REL_PRONOUNS = frozenset({"which", "who", "that", "whom"})
_PERSONAL = {"he": "person", "she": "person", "him": "person", "her": "person",
             "they": "group", "we": "group", "it": "org"}
_CUT_DEPS = frozenset({"relcl", "acl", "advcl"})
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]{1,7}$")
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "abd", "bint", "van", "von", "de", "da"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "NORP", "FAC", "DATE", "TIME"})
# Head nouns that name the part of an organisation speaking for it ("the army said")
_BODY_NOUNS = frozenset({"army", "military", "police", "government", "authorities", "officials", "forces",
                         "troops", "junta", "regime", "administration", "ministry", "council", "command",
                         "navy", "presidency", "movement", "militia"})
_PLACE_NOUNS = frozenset({"city", "town", "village", "county", "country", "state", "province", "region",
                          "district", "capital", "nation", "area", "camp"})
# Bare nouns that refer back to an organisation already named ("the agency", "the mission")
_ANAPHOR_NOUNS = frozenset({"agency", "mission", "group", "organisation", "organization", "service", "monitor",
                            "commission", "body", "force", "charity", "ministry", "department", "office"})
_MODIFIER_DEPS = frozenset({"prep", "advcl", "advmod", "mark", "npadvmod"})
_QUANTIFIERS = frozenset({"some", "many", "others", "one", "several", "few", "most", "all", "both"})


@dataclass(frozen=True)
class Verbs:
    indirect: frozenset[str]
    direct_only: frozenset[str]
    not_quotes: frozenset[str]
    cue_nouns: frozenset[str]
    org_nouns: frozenset[str] = frozenset()
    membership_verbs: frozenset[str] = frozenset()

    @property
    def any(self) -> frozenset[str]:
        return (self.indirect | self.direct_only) - self.not_quotes


@functools.lru_cache(maxsize=1)
def verbs() -> Verbs:
    """Reporting verbs of ``data/reporting_verbs.json``."""
    data = json.loads(resources.files("eventwire.data").joinpath("reporting_verbs.json").read_text("utf-8"))
    try:
        return Verbs(frozenset(data["indirect"]), frozenset(data["direct_only"]),
                     frozenset(data["not_quotes"]), frozenset(data["cue_nouns"]),
                     frozenset(data["org_nouns"]), frozenset(data["membership_verbs"]))
    except (KeyError, TypeError) as err:
        raise DataFileError(path="eventwire/data/reporting_verbs.json", detail=f"bad or missing key {err}") from err


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
    cut = [c for c in tok.subtree if c.dep_ in _CUT_DEPS and c.head.i != tok.head.i and c.i > tok.i]
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
        subj = subj.head.head  # "the agency, which warned": the agency speaks
        low = subj.lower_
    if low in {"it", "they"}:
        main = _main_subject(subj)
        if main is not None:  # "the ministry condemned what it called ...": the ministry
            return _speaker(ctx, main, actors, marks, previous)
    if low in _PERSONAL:
        return _pronoun_speaker(ctx, subj, actors, previous)
    start, end = _np_span(subj, avoid=marks)
    return _complete(ctx, _describe(ctx, start, end, subj, actors, previous), subj, actors)


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
        # "the agency said": a bare definite noun takes up the organisation named before
        org = _context_org(head.idx, actors, ())
    if name is None and head.pos_ == "NOUN":  # a clause that gives a name needs no known role
        name = (_appos_name(ctx, head, actors) if head.lower_ in lexicon().roles else None) or _given_name(ctx, head)
    if org is None:
        org = _owner(ctx, head) or _pronoun_owner(head, actors)
    if org is not None:
        org = _with_acronym(ctx, org, sp.text)
    if name is not None:
        name = _defined_acronym(name, ctx.text[sp.start : sp.end + 12]) or name
        if org is None and "(" not in name:  # a body read as a name: the text's abbreviation too
            name = _with_acronym(ctx, name, sp.text)
    return replace(sp, name=name, role=role, organization=org)


def _appos_name(ctx: Context, head: Token, actors: Sequence[Actor]) -> str | None:
    for ap in head.children:
        if ap.dep_ != "appos" or ap.pos_ != "PROPN" or not ap.text[:1].isupper():
            continue
        first = ap.left_edge.i
        if first == ap.i or not all(t.pos_ == "PROPN" for t in ap.doc[first : ap.i + 1]):
            continue  # a person's name has two words or more
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
        if anchor.lower_ != "name" and anchor.lemma_.lower() not in {"identify", "name"}:
            continue
        first = min((c.i for c in t.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), default=t.i)
        return ctx.text[t.doc[first].idx : t.idx + len(t.text)]
    return None


def _pronoun_owner(head: Token, actors: Sequence[Actor]) -> str | None:
    """'Its spokesman', 'their commander': the organisation named last before."""
    if not any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in head.children):
        return None
    sents = [x for x in head.doc.sents if x.end <= head.sent.start]
    for sent in reversed(sents[-2:]):  # "The National Army says ... Its spokesman": the last named subject
        subj = next((t for t in sent if t.dep_ == "nsubj" and t.head.i == sent.root.i), None)
        if subj is not None and subj.pos_ == "PROPN" and _organisation_like(subj):
            words = [t for t in head.doc[subj.left_edge.i : subj.i + 1] if t.dep_ not in {"det", "poss", "case"}]
            if words:
                return "".join(t.text_with_ws for t in words).strip()
    best: tuple[int, str] | None = None
    for a in actors:
        if a.type in {"person", "civilians"}:
            continue
        for m in a.mentions:
            if m.end <= head.idx and (best is None or m.end > best[0]):
                best = (m.end, a.name)
    return best[1] if best else None


def _owner(ctx: Context, head: Token) -> str | None:
    """The organisation a speaker's role belongs to, as the text names it."""
    for node in (head, *(c for c in head.children if c.dep_ == "appos")):
        for c in node.children:
            if (c.dep_ == "poss" or (c.dep_ == "nmod" and any(g.dep_ == "case" for g in c.children))) \
                    and c.pos_ == "PROPN" and _organisation_like(c):
                return ctx.text[c.left_edge.idx : c.idx + len(c.text)]
            if c.dep_ == "prep" and c.lower_ in {"for", "of", "from", "at", "with"}:
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is None or not _organisation_like(obj) or obj.lower_ in _QUANTIFIERS:
                    continue
                if c.lower_ == "of" and not any(g.dep_ in {"det", "poss"} for g in obj.children) \
                        and not obj.text[:1].isupper():
                    continue  # "chamber of commerce", "secretary of government": one name
                named_org = obj.pos_ == "PROPN" and any(
                    t.ent_type_ == "ORG" for t in obj.doc[obj.left_edge.i : obj.i + 1])
                if named_org or obj.lower_ in _BODY_NOUNS:  # "the prefect of Ouham" names a place
                    words = [t for t in obj.doc[obj.left_edge.i : obj.i + 1] if t.dep_ not in {"det", "poss", "case"}]
                    if words:
                        return ctx.text[words[0].idx : obj.idx + len(obj.text)]
    return None


_AFFILIATION_PREPS = frozenset({"of", "at", "with", "for", "from"})


def _qualified_role(noun: Token) -> str:
    """A role with the words qualifying it: "a macawisley commander", "a
    security analyst" (the qualifier often names the body)."""
    drop = lexicon().drop_modifiers
    mods = [c for c in noun.lefts if c.dep_ in {"compound", "amod"} and c.pos_ in {"NOUN", "PROPN", "ADJ"}
            and c.lower_ not in drop and c.ent_type_ not in {"PERSON", "DATE"}]
    first = min((m.left_edge.i for m in mods), default=noun.i)
    words = [t.text for t in noun.doc[first : noun.i + 1] if not t.is_punct and t.dep_ not in {"det", "nummod"}]
    return " ".join(words).lower() if not any(w[:1].isupper() for w in words) else " ".join(words)


def _affiliation(ctx: Context, head: Token) -> str | None:
    """The body a named speaker belongs to, as the words after the name give it:
    "X of the army's 5th Brigade", "X, a lecturer at the University of Y", "X,
    who chairs the traders' union". The whole noun phrase is kept."""
    nodes = [head, *(c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN")]
    for node in nodes:
        for c in node.children:
            if c.dep_ == "prep" and c.lower_ in _AFFILIATION_PREPS and c.i > node.i:
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                # "an analyst at Crestline Risk": after a role, a name the model took for a person is a body
                loose = node is not head and c.lower_ in {"at", "with", "for"}
                phrase = _body_phrase(ctx, obj, person_ok=loose) if obj is not None else None
                if phrase:
                    return phrase
    for rel in (c for c in head.children if c.dep_ == "relcl" and c.lemma_.lower() in verbs().membership_verbs):
        for c in rel.children:
            obj = c if c.dep_ == "dobj" else next(
                (g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" else None
            phrase = _body_phrase(ctx, obj) if obj is not None else None
            if phrase:
                return phrase
    return None


def _body_phrase(ctx: Context, obj: Token, *, person_ok: bool = False) -> str | None:
    """The noun phrase of an organisation (not a person, a place or a time),
    without its determiner, cut before a comma or a relative clause."""
    barred = {"GPE", "LOC", "DATE", "TIME", "NORP"} | (set() if person_ok else {"PERSON"})
    if obj.pos_ not in {"NOUN", "PROPN"} or obj.ent_type_ in barred:
        return None
    doc = obj.doc
    dropped = {d.i for c in obj.children if c.dep_ == "prep" and c.lower_ != "of" for d in c.subtree}
    toks = [t for t in doc[obj.left_edge.i : obj.right_edge.i + 1] if t.i not in dropped]
    cut = next((k for k, t in enumerate(toks) if t.i > obj.i and (t.text in ",;(" or t.dep_ in _CUT_DEPS)), None)
    toks = toks[:cut] if cut is not None else toks
    while toks and (toks[0].dep_ in {"det", "predet"} or toks[0].is_punct):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not toks:
        return None
    nouns = verbs().org_nouns
    named = any(t.ent_type_ in {"ORG", "NORP"} or (t.pos_ == "PROPN" and t.ent_type_ not in _PLACE_ENTS
                                                   and (person_ok or t.ent_type_ != "PERSON")) for t in toks)
    if not (named or any(t.lower_ in nouns for t in toks if t.pos_ in {"NOUN", "PROPN"})):
        return None
    return ctx.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]


def _organisation_like(tok: Token) -> bool:
    """Not a person nor a place: the owner of a role is a body."""
    return not any(t.ent_type_ in {"PERSON", "GPE", "LOC", "FAC"}
                   for t in tok.doc[tok.left_edge.i : tok.right_edge.i + 1])


def _defined_acronym(name: str, said: str) -> str | None:
    """'the Sinjar Resistance Units (YBS)': the speaker's words define an acronym
    for the name (its initials may be those of another language)."""
    defined = re.search(re.escape(name) + r"\s*\(([A-Z][A-Z0-9&-]{1,7})\)", said)
    return f"{name} ({defined.group(1)})" if defined else None


def _with_acronym(ctx: Context, org: str, said: str) -> str:
    """'CRC' defined as "Congo Relief Collective (CRC)", or the acronym the
    speaker's words use for a named organisation: both forms, "Name (ACR)"."""
    text = ctx.text
    if _ACRONYM.match(org):
        at = text.find(f"({org})")
        words = text[max(0, at - 120) : at].split() if at > 0 else []
        kept: list[str] = []
        for w in reversed(words):  # "The Sahel Water Alliance (SWA)": back to the initials
            kept.insert(0, w)
            initials = "".join(x[0] for x in kept if x[:1].isupper())
            if initials == org:
                return f"{' '.join(kept)} ({org})"
            if not org.endswith(initials) and w.lower() not in {"of", "for", "and", "the", "de", "du", "des"}:
                break
        return org
    defined = _defined_acronym(org, said) or _defined_acronym(org, text)
    if defined:
        return defined
    initials = "".join(w[0] for w in org.split() if w[:1].isupper())
    for acr in re.findall(r"\b[A-Z][A-Z0-9]{1,6}\b", said):
        if acr not in org and f"({acr})" in text and initials == acr:
            return f"{org} ({acr})"
    if len(initials) >= 3 and initials not in org and initials not in said and re.search(rf"\b{initials}\b", text):
        # "the Rapid Support Forces" in a text that also writes "RSF": both forms name the speaker
        return f"{org} ({initials})"
    return org


def _pronoun_speaker(ctx: Context, subj: Token, actors: Sequence[Actor],
                     previous: Sequence[Quote]) -> Speaker | None:
    kind = _PERSONAL[subj.lower_]
    start, end = subj.idx, subj.idx + len(subj.text)
    before = [(m.start, a) for a in actors for m in a.mentions if m.end <= start]
    before.sort(key=lambda x: x[0])
    if kind == "person":
        # the nearer of the latest person named and the latest quoted speaker
        options: list[tuple[int, Speaker]] = [
            (pos, Speaker(a.name, _title_elsewhere(ctx, a), None, subj.text, start, end))
            for pos, a in before if a.type == "person"
        ]
        options += _paragraph_speakers(ctx, subj, actors, previous)
        options += [(q.speaker.start, replace(q.speaker, text=subj.text, start=start, end=end))
                    for q in previous if q.speaker is not None and q.speaker.end <= start
                    and (q.speaker.name or q.speaker.role)]
        if options:
            return _known_org(max(options, key=lambda o: o[0])[1], previous)
        return Speaker(None, None, None, subj.text, start, end)
    if kind == "org":
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


def _known_org(sp: Speaker, previous: Sequence[Quote]) -> Speaker:
    """'..., he said': the organisation the same person was given at an earlier quote."""
    if sp.name is None or sp.organization is not None:
        return sp
    org = next((q.speaker.organization for q in reversed(previous) if q.speaker is not None
                and q.speaker.name == sp.name and q.speaker.organization), None)
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
    for t in first:
        if t.i >= subj.i or not _is_cue(t, cues):
            continue
        s = next((c for c in t.children if c.dep_ == "nsubj"), None)
        named = s is not None and s.pos_ == "PROPN" and s.ent_type_ in {"PERSON", ""} and s.text[:1].isupper() \
            and not any(a.type not in {"person", "civilians"} for a, _, _ in _mentions_in(actors, s.idx, s.idx + 1))
        if s is None or not (named or (s.tag_ == "NN" and s.lower_ in lexicon().roles)):
            continue
        a, b = _np_span(s, avoid=())
        found = _describe(ctx, a, b, s, actors, previous)
        out.append((s.idx, replace(found, text=subj.text, start=subj.idx, end=subj.idx + len(subj.text))))
    return out


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
        org = _affiliation(ctx, head)
        if orgs and (org is None or len(orgs[0].name) > len(org)):
            org = orgs[0].name  # the actor's full name beats a shorter description ("the military")
        return Speaker(person.name, role, org, text[start:end], start, end)
    if head_mentions and head_mentions[0][0].type not in {"person", "civilians"}:
        a, s, e = head_mentions[0]
        role = actor_role(ctx, actors, s, e)
        if role:
            owned = re.search(r"\b([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*['’]s\s+)" + re.escape(role), text[start:end])
            role = owned.group(0) if owned else role  # the words the text uses for the speaker
        if role is None and head.pos_ in {"NOUN", "PROPN"} and head.lower_ in _BODY_NOUNS:
            # "the army", "the Israeli military": the body of the organisation that speaks
            role = _description(head, start, end) or None
            role = None if role is not None and role.lower() == a.name.lower() else role
        return Speaker(None, role, a.name, text[start:end], start, end)
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
    for t in head.doc[head.left_edge.i : head.i + 1]:
        if not start <= t.idx < end or t.lower_ in drop:
            continue
        if t.dep_ == "case" and words and common_poss(t.head):
            words[-1] += t.text
            continue
        owners = [a for a in t.ancestors if a.i < head.i and a.dep_ == "poss"]
        if t.pos_ in {"ADJ", "NOUN", "PROPN"} and (common_poss(t) or (
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


def _title_elsewhere(ctx: Context, person: Actor) -> str | None:
    """'Bello said': the title the person was introduced with ("police
    spokesman Haruna Sani Bello"), with the nouns qualifying it."""
    lex = lexicon()
    for m in person.mentions:
        at = ctx.text.find(person.name, m.start, m.end)
        if at <= m.start:
            continue
        span = ctx.doc.char_span(m.start, at, alignment_mode="expand")
        if span is None or not len(span):
            continue
        first = span[0].i
        while first > 0 and ctx.doc[first - 1].dep_ == "compound" and (
                ctx.doc[first - 1].pos_ == "NOUN" or ctx.doc[first - 1].lower_ in _BODY_NOUNS):
            first -= 1  # "police" before "spokesman"; "Government spokesman" opening a sentence
        words = [t.text for t in ctx.doc[first : span[-1].i + 1]
                 if t.is_alpha and t.lower_ not in lex.drop_modifiers and not t.is_punct]
        if words:
            return " ".join(words)
    return None


def _context_org(before: int, actors: Sequence[Actor], previous: Sequence[Quote]) -> str | None:
    """Whose statement: the organisation of the latest attributed quote, else the
    latest organisation mentioned."""
    for q in reversed(previous):
        if q.speaker is not None and q.speaker.organization and q.end <= before:
            return q.speaker.organization
    best: tuple[int, str] | None = None
    for a in actors:
        if a.type in {"person", "civilians"}:
            continue
        for m in a.mentions:
            if m.end <= before and (best is None or m.end > best[0]):
                best = (m.end, a.name)
    return best[1] if best else None


def _is_cue(tok: Token, allowed: frozenset[str]) -> bool:
    if tok.lemma_.lower() not in allowed and tok.lower_ not in allowed:
        return False
    # a small model tags "A statement read:" as a noun: its subject says it acts as a verb
    return tok.pos_ in {"VERB", "AUX"} or any(c.dep_ == "nsubj" for c in tok.children)
