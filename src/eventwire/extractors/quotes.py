"""Quotes: who said what, in their words (direct, partial) or reported (indirect).

1. Quote marks are paired on the raw text (``_marked_spans``): curly and
   straight double quotes, curly single quotes, and straight single quotes that
   open at a word start and close at a word end. A quote left open at the end
   of a paragraph continues when the next paragraph reopens it (the
   journalistic convention for quotes running over paragraphs); otherwise it
   ends with its paragraph.
2. A marked span that starts a sentence (paragraph start, after ".", "?" or
   ":") is ``direct``; one inside a sentence is ``partial``.
3. The cue is found on the parse: the nearest reporting verb (or a document
   noun such as "statement" with "read") that governs the quoted words, else the
   first cue in the attribution just after the closing mark or just before the
   opening one. Unattributed quotes following an attributed one in the same or
   the preceding paragraph inherit its speaker; scare quotes stay unattributed.
4. Indirect speech: a reporting verb with a subject and a clausal complement
   that is not itself a direct quote ("the ministry said the rebels had ...").
   Not listed: the lead's trailing "..., officials said" (it sources the
   event), headline-style lines (titles, key points), passive or relative
   uses ("needed to be told", "a charge Kigali denies") and a clause wrapped
   around a partial quote of the same sentence (the partial quote says it).
5. The speaker's words are the cue's subject (relative clauses and
   participles cut off); a relative pronoun gives way to its antecedent and a
   personal pronoun is resolved to the preceding person or group. Name, role
   and organisation come from the actors the words mention.
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
from eventwire.extractors.context import Context, doc_text
from eventwire.schema import Actor, Quote, SourceCited, Speaker

_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_SINGLE = re.compile(r"(?<![\w’'])[‘'](?=[A-Za-z0-9])([^\n‘’']{2,200}?)(?<=[\w.!?,…])[’'](?![\w])")
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
_MODIFIER_DEPS = frozenset({"prep", "advcl", "advmod", "mark", "npadvmod"})
_QUANTIFIERS = frozenset({"some", "many", "others", "one", "several", "few", "most", "all", "both"})


@dataclass(frozen=True)
class Verbs:
    indirect: frozenset[str]
    direct_only: frozenset[str]
    not_quotes: frozenset[str]
    cue_nouns: frozenset[str]

    @property
    def any(self) -> frozenset[str]:
        return (self.indirect | self.direct_only) - self.not_quotes


@functools.lru_cache(maxsize=1)
def verbs() -> Verbs:
    """Reporting verbs of ``data/reporting_verbs.json``."""
    data = json.loads(resources.files("eventwire.data").joinpath("reporting_verbs.json").read_text("utf-8"))
    try:
        return Verbs(frozenset(data["indirect"]), frozenset(data["direct_only"]),
                     frozenset(data["not_quotes"]), frozenset(data["cue_nouns"]))
    except (KeyError, TypeError) as err:
        raise DataFileError(path="eventwire/data/reporting_verbs.json", detail=f"bad or missing key {err}") from err


# --------------------------------------------------------------------------- quote marks


@dataclass(frozen=True)
class Marked:
    open: int   # offset of the opening mark
    close: int  # offset just after the closing mark (or the paragraph end)
    start: int  # quoted text, marks and trailing comma/full stop excluded
    end: int


def _line_start(text: str, i: int) -> bool:
    return text[text.rfind("\n", 0, i) + 1 : i].strip() == ""


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a and text[b - 1] in ",." and not text[a:b].endswith(".."):
        b -= 1
    return a, b


def _para_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end < 0 else end


def _marked_spans(text: str) -> list[Marked]:
    """Pair double quote marks; then single quotes outside them."""
    marks = [i for i, ch in enumerate(text) if ch in _OPEN_DOUBLE or ch in _CLOSE_DOUBLE or ch == '"']
    out: list[Marked] = []

    def emit(opened: int, close: int, inner_end: int) -> None:
        a, b = _trim(text, opened + 1, inner_end)
        if b > a:
            out.append(Marked(opened, close, a, b))

    opened: int | None = None
    last = 0  # the latest (re)opening mark of the open quote
    for i in marks:
        ch = text[i]
        opener = ch in _OPEN_DOUBLE or ch == '"'
        if opened is None:
            opened, last = (i, i) if opener else (None, 0)
            continue
        if "\n" in text[last:i]:
            if opener and _line_start(text, i):
                last = i  # the quote runs on: its next paragraph reopens it
                continue
            end = _para_end(text, last)
            emit(opened, end, end)  # never closed: it ends with its paragraph
            opened = i if opener else None
            last = i
            continue
        if ch in _OPEN_DOUBLE:
            opened = last = i  # two openers in a row: the first was a stray mark
            continue
        emit(opened, i + 1, i)
        opened = None
    if opened is not None:
        end = _para_end(text, opened)
        emit(opened, end, end)
    for m in _SINGLE.finditer(text):
        if any(q.open <= m.start() < q.close for q in out):
            continue
        a, b = _trim(text, m.start(1), m.end(1))
        out.append(Marked(m.start(), m.end(), a, b))
    return sorted(out, key=lambda q: q.open)


# --------------------------------------------------------------------------- speakers


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
    if low in _PERSONAL:
        return _pronoun_speaker(ctx, subj, actors, previous)
    start, end = _np_span(subj, avoid=marks)
    return _complete(ctx, _describe(ctx, start, end, subj, actors, previous), subj, actors)


def _complete(ctx: Context, sp: Speaker, head: Token, actors: Sequence[Actor]) -> Speaker:
    """Fill what the actors missed: a name in apposition to a role ("its
    spokeswoman, Lilit Harutyunyan,"), the organisation a role belongs to
    ("Horizon Relief's country director", "a spokesman for the military
    government"), and the full name behind an acronym the text defines."""
    name, org = sp.name, sp.organization
    if name is None and head.pos_ == "NOUN" and head.lower_ in lexicon().roles:
        name = _appos_name(ctx, head, actors)
    if org is None:
        org = _owner(ctx, head)
    if org is not None:
        org = _with_acronym(ctx, org, sp.text)
    return replace(sp, name=name, organization=org)


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


def _organisation_like(tok: Token) -> bool:
    """Not a person nor a place: the owner of a role is a body."""
    return not any(t.ent_type_ in {"PERSON", "GPE", "LOC", "FAC"}
                   for t in tok.doc[tok.left_edge.i : tok.right_edge.i + 1])


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
    for acr in re.findall(r"\b[A-Z][A-Z0-9]{1,6}\b", said):
        if acr not in org and f"({acr})" in text and "".join(w[0] for w in org.split() if w[:1].isupper()) == acr:
            return f"{org} ({acr})"
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
            return max(options, key=lambda o: o[0])[1]
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


def _paragraph_speakers(ctx: Context, subj: Token, actors: Sequence[Actor],
                        previous: Sequence[Quote]) -> list[tuple[int, Speaker]]:
    """'A resident ... said X. "...," he said': a singular noun that spoke
    earlier in the paragraph is a candidate for 'he'/'she'."""
    text = ctx.text
    para = text.rfind("\n", 0, subj.idx) + 1
    first = ctx.doc.char_span(para, subj.idx, alignment_mode="expand")
    if first is None:
        return []
    out: list[tuple[int, Speaker]] = []
    cues = verbs().any
    for t in first:
        if t.i >= subj.i or not _is_cue(t, cues):
            continue
        s = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if s is None or s.tag_ != "NN" or s.lower_ not in lexicon().roles:
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
        org = orgs[0].name if orgs else None
        return Speaker(person.name, role, org, text[start:end], start, end)
    if head_mentions and head_mentions[0][0].type not in {"person", "civilians"}:
        a, s, e = head_mentions[0]
        role = actor_role(ctx, actors, s, e)
        if role:
            owned = re.search(r"\b([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*['’]s\s+)" + re.escape(role), text[start:end])
            role = owned.group(0) if owned else role  # the words the text uses for the speaker
        if role is None and head.pos_ == "NOUN" and head.lower_ in _BODY_NOUNS:
            # "the army", "the Israeli military": the body of the organisation that speaks
            role = _description(head, start, end) or None
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
    of = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and start <= c.idx < end
               for g in c.children if g.dep_ == "pobj" and g.pos_ in {"NOUN", "PROPN"} and not g.text[:1].isupper()
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
        role = ap.lower_
        where = [g for c in ap.children if c.dep_ == "prep" and c.lower_ in {"at", "of", "for", "with"}
                 for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
        if org is None and where:
            org = ctx.text[where[0].left_edge.idx : where[0].right_edge.idx + len(where[0].right_edge.text)]
            org = re.sub(r"^the\s+", "", org, flags=re.IGNORECASE)
        break
    before = _description(head, start, doc[first].idx) if first > head.left_edge.i else ""
    if role is None and before and before.split()[-1].lower() not in lex.drop_modifiers:
        role = before  # "Horrified neighbour Olena"
    return Speaker(name, role, org, ctx.text[start:end], start, end)


def _person_role(ctx: Context, start: int, end: int, head: Token, actors: Sequence[Actor]) -> str | None:
    """'spokesman' from an apposition, else the title before the name, else a role mention."""
    lex = lexicon()
    for t in head.subtree:
        if t.dep_ == "appos" and start <= t.idx < end and t.lower_ in lex.roles:
            return t.lower_
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


# --------------------------------------------------------------------------- cues


def _is_cue(tok: Token, allowed: frozenset[str]) -> bool:
    if tok.lemma_.lower() not in allowed and tok.lower_ not in allowed:
        return False
    # a small model tags "A statement read:" as a noun: its subject says it acts as a verb
    return tok.pos_ in {"VERB", "AUX"} or any(c.dep_ == "nsubj" for c in tok.children)


def _subject(tok: Token) -> Token | None:
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    root = tok.sent.root
    if (subj is None and tok.tag_ == "VBG" and tok.dep_ == "advcl" and tok.i > 0 and tok.doc[tok.i - 1].text == ","
            and root.i != tok.i and _is_cue(root, verbs().any) and tok.head.i != root.i):
        # "X denied the report, calling it 'propaganda'": the participle is X's, not the clause's
        return _subject(root)
    after_quote = tok.i > 0 and tok.doc[tok.i - 1].text in _CLOSE_DOUBLE + '"\''
    if subj is None and after_quote and tok.lemma_.lower() not in {"tell", "ask", "urge", "inform", "call"}:
        # '"...," sobbed passenger Ali': a model may hang the tag on the quote's last verb
        inverted = next((c for c in tok.rights if c.dep_ in {"dobj", "attr", "nsubj"} and c.i <= tok.i + 4
                         and c.pos_ in {"NOUN", "PROPN"}), None)
        if inverted is None:  # the tag misparsed ("sobbed" as a modifier): the noun phrase after it
            inverted = next((t for t in tok.doc[tok.i + 1 : tok.i + 6] if t.pos_ in {"NOUN", "PROPN"}
                             and t.dep_ != "compound" and not t.is_punct), None)
            if inverted is not None and any(t.is_punct for t in tok.doc[tok.i + 1 : inverted.i]):
                inverted = None
        if inverted is not None:
            return inverted
    if subj is None and (tok.dep_ in {"conj", "xcomp"} or (tok.dep_ == "advcl" and tok.tag_ == "VBG")):
        head = tok.head
        if tok.dep_ == "conj" and head.dep_ == "ccomp" and not _is_cue(head, verbs().any) \
                and _is_cue(head.head, verbs().any):
            # "X replied that the cuts would hurt and accused ...": a reporting verb joined to the
            # reported clause by the parse still belongs to X
            return _subject(head.head)
        return _subject(head)  # "denied the reports, saying ...": the denier speaks
    if subj is None and tok.lemma_.lower() not in {"tell", "ask", "urge", "inform", "call"}:
        # '"...", sobbed one mother': a small model reads the inverted subject as an object
        inverted = next((c for c in tok.rights if c.dep_ in {"dobj", "attr"} and c.i <= tok.i + 4
                         and c.pos_ in {"NOUN", "PROPN"}), None)
        if inverted is not None and any(c.dep_ == "ccomp" and c.i < tok.i for c in tok.children):
            return inverted
        if inverted is not None and tok.i > 0 and tok.doc[tok.i - 1].is_punct:
            return inverted
    return subj


def _governing_cue(doc: Doc, q: Marked) -> Token | None:
    span = _tokens(doc, q.start, q.end)
    if span is None:
        return None
    cues = verbs().any
    for t in span:
        if q.open <= t.head.idx < q.close:
            continue
        node, child = t.head, t
        for _ in range(8):
            if _is_cue(node, cues) and not (q.open <= node.idx < q.close) and not (
                    child.dep_ in _MODIFIER_DEPS and node.lemma_.lower() in verbs().direct_only
                    and any(c.dep_ == "dobj" for c in node.children)):
                return node  # 'would continue its attacks "until ..."' is no speech tag
            if node.head.i == node.i:
                break
            node, child = node.head, node
    return None


def _nearby_cue(doc: Doc, q: Marked) -> Token | None:
    """The first cue right after the closing mark, else the last one before the
    opening mark, within the same sentence."""
    cues = verbs().any
    text = doc_text(doc)
    nxt = q.close
    while nxt < len(text) and text[nxt] in " \t":
        nxt += 1  # a span of whitespace alone expands to no token
    after = doc.char_span(nxt, min(len(text), nxt + 1), alignment_mode="expand")
    if after is not None and len(after):
        sent = after[0].sent
        for t in doc[after[0].i : min(sent.end, after[0].i + 10)]:
            if t.text in _OPEN_DOUBLE or t.text == '"':
                break
            if _is_cue(t, cues):
                return t
    last = len(doc_text(doc)[: q.open].rstrip())
    before = doc.char_span(max(0, last - 1), last, alignment_mode="expand") if last else None
    if before is not None and len(before):
        sent = before[-1].sent
        for t in reversed(doc[sent.start : before[-1].i + 1]):
            if _is_cue(t, cues):
                return t
    return None


def _attribute(ctx: Context, cue: Token, actors: Sequence[Actor], marks: Sequence[Marked],
               previous: Sequence[Quote]) -> Speaker | None:
    subj = _subject(cue)
    if subj is None:
        return None
    if any(m.open <= subj.idx < m.close for m in marks):
        return None
    return _speaker(ctx, subj, actors, marks, previous)


# --------------------------------------------------------------------------- public API


def extract_quotes(ctx: Context, *, actors: Sequence[Actor], sources: Sequence[SourceCited]) -> list[Quote]:
    """Direct and partial quotes in text order, then indirect ones."""
    doc, text = ctx.doc, ctx.text
    marks = _marked_spans(text)
    quoted: list[Quote] = []
    for q in marks:
        direct = _starts_sentence(text, q.open)
        cue = _governing_cue(doc, q) or (_nearby_cue(doc, q) if direct else None)
        speaker = _attribute(ctx, cue, actors, marks, quoted) if cue is not None else None
        if speaker is not None and _is_outlet(speaker, sources):
            speaker, cue = None, None
        cue_text = cue.lower_ if cue is not None and speaker is not None else None
        if speaker is None and direct:
            speaker = _inherited(text, q, quoted)
        quoted.append(Quote(text[q.start : q.end], q.start, q.end, "direct" if direct else "partial",
                            cue_text, speaker))
    return quoted + _indirect(ctx, actors, sources, marks, quoted)


def _starts_sentence(text: str, open_at: int) -> bool:
    line = text[text.rfind("\n", 0, open_at) + 1 : open_at].rstrip()
    return line == "" or line[-1] in ".?!:" or bool(re.search(r"\b(?:said|says|told|added|asked),$", line))


def _is_outlet(speaker: Speaker, sources: Sequence[SourceCited]) -> bool:
    return any(s.start < speaker.end and speaker.start < s.end for s in sources)


def _inherited(text: str, q: Marked, quoted: Sequence[Quote]) -> Speaker | None:
    """An unattributed quote continues the latest attributed one of its own
    paragraph or of the paragraph just before."""
    para_start = text.rfind("\n", 0, q.open) + 1
    prev_para = text.rfind("\n", 0, max(0, para_start - 1))
    prev_para = text.rfind("\n", 0, prev_para) + 1 if text[prev_para + 1 : para_start].strip() == "" else prev_para + 1
    for p in reversed(quoted):
        if p.speaker is None or p.kind != "direct":
            continue
        if p.start >= para_start or (p.start >= prev_para and _line_start(text, q.open)):
            return p.speaker
        break
    return None


def _headline_line(text: str, at: int) -> bool:
    """A line without a sentence-final mark: a bullet, key point or sub-heading."""
    line = text[text.rfind("\n", 0, at) + 1 : _para_end(text, at)].rstrip()
    return bool(line) and line[-1] not in ".!?:;\"'”’…)"


def _in_lead(ctx: Context, at: int) -> bool:
    """The first paragraph of the body (after a dateline, if any)."""
    text = ctx.text
    first = ctx.body_start
    while first < len(text) and text[first].isspace():
        first += 1
    while first < len(text) and _headline_line(text, first):
        nxt = text.find("\n", first)
        if nxt < 0:
            return False
        first = nxt
        while first < len(text) and text[first].isspace():
            first += 1
    return first <= at < _para_end(text, first)


def _nested_attribution(tok: Token, comp: Token, cue: Token) -> bool:
    if tok.i in {comp.i, cue.i} or tok.i < cue.i or not _is_cue(tok, verbs().indirect):
        return False
    if tok.dep_ not in {"parataxis", "advcl", "conj", "ccomp", "relcl"}:
        return False
    edge = tok.left_edge.i
    return edge > 0 and tok.doc[edge - 1].text == "," and any(c.dep_ == "nsubj" for c in tok.children)


def _clause(comp: Token, cue: Token, sources: Sequence[SourceCited]) -> list[Token]:
    """The reported clause: the complement's words within the cue's paragraph,
    without a leading "that" or edge punctuation (a closing quote mark stays
    when its opening mark is in the clause)."""
    text = doc_text(cue.doc)
    lo = text.rfind("\n", 0, cue.idx) + 1
    hi = _para_end(text, cue.idx)
    # a nested attribution after a comma (", the army said") is not part of the clause
    nested = {d.i for c in comp.subtree if _nested_attribution(c, comp, cue) for d in c.subtree}
    toks = [t for t in comp.subtree if lo <= t.idx < hi and t.i not in nested]
    if toks:
        toks = [t for t in toks if t.i <= toks[0].i + len(toks) - 1 or t.i not in nested]
        gap = next((k for k in range(1, len(toks)) if toks[k].i != toks[k - 1].i + 1), len(toks))
        toks = toks[:gap]  # keep the clause contiguous
    for src in sources:
        # "..., state news agency TASS reported": the outlet's credit ends the clause
        inside = [k for k, t in enumerate(toks) if t.idx >= src.start]
        if inside and inside[0] > 0:
            commas = [k for k in range(inside[0]) if toks[k].text == ","]
            toks = toks[: commas[-1]] if commas else toks
    while toks and (toks[0].dep_ == "mark" or toks[0].is_punct or toks[0].is_space):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        if toks[-1].text in _CLOSE_DOUBLE + '"' and any(t.text in _OPEN_DOUBLE + '"' for t in toks[:-1]):
            break
        toks = toks[:-1]
    curly_open = sum(t.text in _OPEN_DOUBLE for t in toks)
    curly_close = sum(t.text in _CLOSE_DOUBLE for t in toks)
    straight = sum(t.text == '"' for t in toks)
    if toks and (curly_open > curly_close or straight % 2 == 1):
        # the closing mark hangs off the cue in the parse: take it back
        for t in cue.doc[toks[-1].i + 1 : toks[-1].i + 3]:
            if t.text in _CLOSE_DOUBLE + '"':
                toks = [*toks, *cue.doc[toks[-1].i + 1 : t.i + 1]]
                break
    return toks


def _indirect(ctx: Context, actors: Sequence[Actor], sources: Sequence[SourceCited], marks: Sequence[Marked],
              quoted: Sequence[Quote]) -> list[Quote]:
    doc, text = ctx.doc, ctx.text
    allowed = verbs().indirect - verbs().not_quotes
    direct = [m for m, q in zip(marks, quoted, strict=True) if q.kind == "direct"]
    out: list[Quote] = []
    previous = list(quoted)
    for tok in doc:
        if not _is_cue(tok, allowed):
            continue
        comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        if comp is None:
            continue
        toks = _clause(comp, tok, sources)
        if len(toks) < 3:
            continue
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if ctx.in_title(start) or _headline_line(text, tok.idx):
            continue  # a headline's or key point's "..., police say" restates the body's report
        if end <= tok.idx and _in_lead(ctx, tok.idx):
            continue  # the lead's trailing "..., officials said" sources the event, not a statement
        if any(c.dep_ == "auxpass" for c in tok.children):
            continue  # "needed to be told", "was reported": no one speaks
        if tok.dep_ in {"relcl", "acl"} and end <= tok.idx:
            continue  # "..., a charge Kigali denies": the clause is the noun's, not reported speech
        if any(m.open < end and start < m.close for m in direct):
            continue  # the attribution of a direct quote, not reported speech
        outside = [t for t in toks if t.is_alpha and not any(m.open <= t.idx < m.close for m in marks)]
        if len(outside) < 3:
            continue  # "they had 'no blood on their hands'": the partial quote says it all
        speaker = _attribute(ctx, tok, actors, marks, previous)
        if speaker is None or _is_outlet(speaker, sources):
            continue
        if any(p.kind == "partial" and start <= p.start and p.end <= end for p in quoted):
            continue  # the partial quote inside already gives the speaker's words
        q = Quote(text[start:end], start, end, "indirect", tok.lower_, speaker)
        out.append(q)
        previous.append(q)
    return out
