"""Speaker organisations: the body a speaker speaks for, as the text names it.

Split from ``speakers``: the owner of a role ("Horizon Relief's country
director", "a spokesman for the military government"), the affiliation after a
name ("X of the army's 5th Brigade"), acronyms the text defines, and the
organisation an anaphor or a pronoun takes up ("the ministry", "its
spokesman"). An organisation keeps the words the text uses for it ("the IDF")
with the canonical actor name beside it ("IDF (Israel Defense Forces)").
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Token

from eventwire.errors import DataFileError
from eventwire.extractors.actors import lexicon
from eventwire.extractors.context import Context
from eventwire.schema import Actor, Quote

_CUT_DEPS = frozenset({"relcl", "acl", "advcl"})
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]{1,7}$")
_PLACE_ENTS = frozenset({"GPE", "LOC", "NORP", "FAC", "DATE", "TIME"})
# Head nouns that name the part of an organisation speaking for it ("the army said")
_BODY_NOUNS = frozenset({"army", "military", "police", "government", "authorities", "officials", "forces",
                         "troops", "junta", "regime", "administration", "ministry", "council", "command",
                         "navy", "presidency", "movement", "militia"})
_QUANTIFIERS = frozenset({"some", "many", "others", "one", "several", "few", "most", "all", "both"})


_AFFILIATION_PREPS = frozenset({"of", "at", "with", "for", "from"})


@dataclass(frozen=True)
class Verbs:
    indirect: frozenset[str]
    direct_only: frozenset[str]
    not_quotes: frozenset[str]
    cue_nouns: frozenset[str]
    org_nouns: frozenset[str] = frozenset()
    membership_verbs: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()
    role_kinds: tuple[tuple[str, tuple[str, ...]], ...] = ()
    name_titles: frozenset[str] = frozenset()

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
                     frozenset(data["org_nouns"]), frozenset(data["membership_verbs"]),
                     frozenset(data["naming_verbs"]), frozenset(data["person_nouns"]),
                     tuple((k, tuple(v)) for k, v in data["role_kinds"].items()),
                     frozenset(data["name_titles"]))
    except (KeyError, TypeError) as err:
        raise DataFileError(path="eventwire/data/reporting_verbs.json", detail=f"bad or missing key {err}") from err



def _pronoun_owner(head: Token, actors: Sequence[Actor]) -> str | None:
    """'Its spokesman', 'their commander': the organisation named last before."""
    if not any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in head.children):
        return None
    sents = [x for x in head.doc.sents if x.end <= head.sent.start]
    for sent in reversed(sents[-2:]):  # "The National Army says ... Its spokesman": the last named subject
        subj = next((t for t in sent if t.dep_ == "nsubj" and t.head.i == sent.root.i), None)
        if subj is not None and subj.pos_ == "PRON":  # "X has raised its toll: it now says": X
            subj = next((t for t in sent if t.dep_ == "nsubj" and t.pos_ == "PROPN"), None)
        if subj is not None and subj.pos_ == "PROPN" and _organisation_like(subj):
            words = [t for t in head.doc[subj.left_edge.i : _name_end(subj) + 1]
                     if t.dep_ not in {"det", "poss", "case"}]
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



def _name_end(tok: Token) -> int:
    """The last token of a proper name that runs on with a capitalised "of/on/for
    X" ("Commission on Human Rights", "Ministry of Defence")."""
    end = tok.i
    for c in tok.rights:
        if c.dep_ != "prep" or c.lower_ not in {"of", "on", "for"} or c.i != end + 1:
            break
        sub = list(c.subtree)
        if not all(t.pos_ in {"PROPN", "CCONJ", "ADP"} or t.text == "&" for t in sub[1:]):
            break
        end = sub[-1].i
    return end


def _owner(ctx: Context, head: Token) -> str | None:
    """The organisation a speaker's role belongs to, as the text names it."""
    for node in (head, *(c for c in head.children if c.dep_ == "appos")):
        for c in node.children:
            if (c.dep_ == "poss" or (c.dep_ == "nmod" and any(g.dep_ == "case" for g in c.children))) \
                    and c.pos_ == "PROPN" and (_organisation_like(c) or _org_worded(c)):
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
    """Not a person nor a place: the owner of a role is a body. A place may name
    a body's country or seat ("the Kenya National Commission on Human Rights",
    "the Lagos State Police Command") when the head itself is no place."""
    span = tok.doc[tok.left_edge.i : tok.right_edge.i + 1]
    if any(t.ent_type_ == "PERSON" for t in span):
        return False
    if tok.ent_type_ in {"GPE", "LOC", "FAC"}:
        return False
    named_body = tok.pos_ == "PROPN" and tok.left_edge.i < tok.i and tok.ent_type_ in {"ORG", ""}
    return named_body or not any(t.ent_type_ in {"GPE", "LOC", "FAC"} for t in span)



def _org_worded(tok: Token) -> bool:
    """A name with an organisation word ("Meridian Aid", "Hope Relief") is a
    body even when the model tags it as a person."""
    words = tok.doc[tok.left_edge.i : tok.i + 1]
    return len(words) > 1 and any(t.lower_ in verbs().org_nouns for t in words if t.pos_ == "PROPN")


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



def _kind_org(head: Token, start: int, end: int, actors: Sequence[Actor]) -> str | None:
    """'A military spokesman', 'a rebel commander': a word before the role says which kind of
    actor the speaker speaks for; the nearest such actor named before is the organisation."""
    kinds = dict(verbs().role_kinds)
    doc = head.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    people = lexicon().roles | verbs().person_nouns
    wanted = next((kinds[t.lower_] for t in span if t.lower_ in kinds and t.dep_ in {"amod", "compound"}
                   and t.head.lower_ in people), None)
    if wanted is None:
        return None
    for kind in wanted:
        best: tuple[int, str] | None = None
        for a in actors:
            if a.type != kind:
                continue
            for m in a.mentions:
                if m.end <= start and (best is None or m.end > best[0]):
                    best = (m.end, a.name)
        if best is not None:
            return best[1]
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


def as_written(text: str, name: str, start: int, end: int, role: str | None = None) -> str:
    """An organisation in the words the text uses for it, with the canonical
    actor name beside it when they differ: "the IDF" gives "IDF (Israel Defense
    Forces)", "Tbilisi" (for the government) "Tbilisi (Georgia)". A role that
    already gives the text's words ("Israeli army") leaves the name alone."""
    said = re.sub(r"^(?:the|a|an)\s+", "", text[start:end].strip(), flags=re.IGNORECASE)
    said = re.sub(r"['’]s?$", "", said).strip()
    low, canon = said.lower(), name.lower()
    if not said or low in canon or canon in low or (role is not None and low in role.lower()):
        return name
    if said == low:  # "the agency", "the group": an anaphor, not a name of the body
        return name
    if "(" in name and low in name.lower():
        return name
    return f"{said} ({name})"


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


def _affiliation_elsewhere(ctx: Context, person: Actor, before: int) -> str | None:
    """'Hashi told ...': the body the person was introduced with at an earlier
    mention ("Major Abdikadir Hashi of the army's 27th Division")."""
    for m in person.mentions:
        if m.start >= before:
            continue
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        # "The president of the X union, Y Z, said": the name is in apposition to the role that holds the body
        # (a parse may hang the name on the body's place instead: then the role subject it follows)
        heads = [root]
        if root.dep_ == "appos":
            heads += [a for a in root.ancestors if a.pos_ == "NOUN" and a.i < root.i
                      and (a.i == root.head.i or a.dep_ in {"nsubj", "nsubjpass"})]
        found = next((f for f in (_affiliation(ctx, h) for h in heads) if f), None)
        if found:
            return found
    return None


def titled_name(text: str, person: Actor) -> str:
    """A person's name with the clerical or honorific title written just before one of its
    mentions ("said Father Tomas Ruiz", "Imam Yusuf Bello said"): the text names the person
    with it, and later mentions ("Ruiz said", "he said") refer to the same titled person."""
    titles = verbs().name_titles
    if person.name.split()[0].rstrip(".") in titles:
        return person.name
    pattern = _title_before(titles)
    for m in person.mentions:
        first = m.text.split()[0] if m.text.split() else ""
        if first.rstrip(".") in titles and m.text.endswith(person.name):  # the mention holds the title
            return f"{first} {person.name}"
        found = pattern.search(text, max(0, m.start - 20), m.start) if m.start > 0 else None
        if found is not None:
            return f"{found.group(1)} {person.name}"
    return person.name


@functools.lru_cache(maxsize=4)
def _title_before(titles: frozenset[str]) -> re.Pattern[str]:
    alt = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
    return re.compile(r"(?<![\w'’-])((?:" + alt + r")\.?)\s+$")
