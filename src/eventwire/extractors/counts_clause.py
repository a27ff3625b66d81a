"""The clause around a figure (eventwire.extractors.counts): negated or hypothetical, hedged,
background or event, and who gives it. Split from counts.py to keep modules short."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from eventwire.extractors.context import Context
from eventwire.schema import Actor, Period, Quote

if TYPE_CHECKING:
    from eventwire.extractors.counts import _Figure
    from eventwire.extractors.counts_lexicon import Lex as _Lex


_RATE = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:a|per|every|each)\s+(?:year|month)\b"
                   r"(?!\s+(?:ago|earlier|later|after|before))", re.IGNORECASE)


def tokens(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens overlapping [start, end): a slice of the doc, not a scan of it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    return [t for t in span if t.idx < end and t.idx + len(t.text) > start]


def inside(tok: Token, seg: tuple[int, int]) -> bool:
    return seg[0] <= tok.idx < seg[1]


def clause_ancestors(tok: Token, seg: tuple[int, int]) -> list[Token]:
    out: list[Token] = []
    t = tok
    while t.head.i != t.i and inside(t.head, seg) and len(out) < 12:
        t = t.head
        out.append(t)
    return out


def modal_estimate(verb: Token) -> bool:
    """'as many as 60 children could be missing', 'the number may be higher': a modal on the
    copula hedges a present figure; it is not a warning of something to come ('could flee')."""
    return verb.lemma_ == "be" and verb.dep_ != "auxpass" and any(
        c.dep_ == "aux" and c.lower_ in ("could", "may", "might") for c in verb.children) and any(
        c.dep_ in ("acomp", "attr", "prep", "advmod") for c in verb.children)


def status(verb: Token | None, noun: Token | None, seg: tuple[int, int], lex: _Lex) -> str:
    if noun is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return "negated"
    if verb is None:
        return "asserted"
    if modal_estimate(clause_verb(verb)):
        return "asserted"
    chain = [verb, *clause_ancestors(verb, seg)]
    if any(c.dep_ == "neg" for c in verb.children) or any(t.lemma_.lower() in lex.negators for t in chain):
        return "negated"
    if any(c.dep_ == "aux" and c.lower_ in lex.modals for c in verb.children):
        return "hypothetical"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return "hypothetical"
    for t in chain[1:4]:
        if t.lemma_.lower() in lex.reporting:
            break
        if t.lemma_.lower() in lex.hypothetical:
            return "hypothetical"
    return "asserted"


def actor_at(start: int, end: int, actors: Sequence[Actor]) -> str | None:
    for a in actors:
        for m in a.mentions:
            if m.field == "text" and m.start < end and start < m.end:
                return a.name
    return None


def claimed_by(ctx: Context, fig_start: int, verb: Token | None, seg: tuple[int, int],
                actors: Sequence[Actor], quotes: Sequence[Quote], lex: _Lex) -> str | None:
    for q in quotes:
        if q.field == "text" and q.start <= fig_start < q.end and q.speaker is not None:
            s = q.speaker
            return actor_at(s.start, s.end, actors) or s.name or s.organization
    ancestors = {a.i for a in clause_ancestors(verb, seg)} if verb is not None else set()
    found: list[tuple[int, str]] = []
    for t in ctx.doc[tokens(ctx.doc, seg[0], seg[1])[0].i:] if seg[1] > seg[0] else []:
        if t.idx >= seg[1]:
            break
        lemma = "according" if t.lower_ == "according" else t.lemma_.lower()
        if lemma not in lex.reporting:
            continue
        source: Token | None = None
        if lemma == "according":
            to = next((c for c in t.children if c.lower_ == "to"), None)
            source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        else:
            source = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if source is None:
            continue
        sub = list(source.subtree)
        clauses = {t.i for c in source.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
        if any(t.idx <= fig_start < t.idx + len(t.text) for t in sub if t.i not in clauses):
            continue  # the counted people are the subject ("50 civilians were missing, sources said")
        name = actor_at(sub[0].idx, sub[-1].idx + len(sub[-1].text), actors) or source_phrase(source)
        # only a verb that reports the figure's clause, "according to", or the sentence's own verb
        if name and (t.i in ancestors or lemma == "according" or t.dep_ == "ROOT"):
            found.append((0 if t.i in ancestors else 1 + abs(t.idx - fig_start) // 1000, name))
    return min(found)[1] if found else None


def source_phrase(source: Token) -> str | None:
    """'camp leaders', 'local health authorities', 'police': who reports, when no actor is named."""
    if source.pos_ not in ("NOUN", "PROPN"):
        return None  # a pronoun ("it said") names no one
    words = [c for c in source.lefts if c.dep_ in ("compound", "amod")] + [source]
    return " ".join(t.text for t in words[-5:])


def scope(verb: Token | None, noun: Token | None, seg_text: str, period: Period | None,
           published: date | None, after: str, context_old: bool, lex: _Lex) -> str:
    if lex.background_phrases.search(seg_text) or _RATE.match(after):
        return "background"  # a whole war's toll, a national total, a yearly rate
    if period is not None and published is not None:
        start, end = date.fromisoformat(period.start), date.fromisoformat(period.end)
        if end < published - timedelta(days=365) or start < published - timedelta(days=365):
            return "background"  # "in 2014", "since 2014": history or a running total
        if (end - start).days > 90:
            return "background"  # "since January": a tally of many events, not one event's figure
    if period is None and context_old:
        return "background"  # the paragraph is telling history ("In 2014 ... Scores of them ...")
    if verb is None or period is not None:
        return "event"
    clause = clause_verb(verb)
    stative = clause.lemma_ == "be" or any(c.dep_ == "auxpass" for c in clause.children)
    if clause.lemma_ == "hold" and clause.tag_ in ("VBG", "VBZ", "VBP"):
        return "background"  # "a camp holding 40,000 people": custody that stands
    if clause.lemma_.lower() in lex.standing_verbs or (stative and any(c.lower_ == "still" for c in clause.children)):
        return "background"  # "1.1 million remain displaced", "the camp hosts 500,000", "are still held"
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in lex.background_nouns:
        return "background"  # "a war which has left ..."
    agents = [t for c in verb.children if c.dep_ == "agent" for t in c.subtree]
    if perfect and any(s.lemma_.lower() in lex.background_nouns for s in subjects + agents):
        return "background"  # "the conflict has displaced 6 million", "have been driven out by the violence"
    return "event"


def clause_verb(verb: Token) -> Token:
    """'could be as high as 60': the figure hangs on 'high'; the clause is the copula's."""
    return verb.head if verb.pos_ == "ADJ" and verb.dep_ in ("acomp", "attr") else verb


def hedged(text: str, seg: tuple[int, int], f: _Figure, others: Sequence[int], lex: _Lex) -> bool:
    """A hedge word of the sentence that bears on this figure: the first figure after it, or
    (when no figure follows) the figures before it, unless a relative clause ('which said it
    feared ...') carries it."""
    for m in lex.hedges.finditer(text, seg[0], seg[1]):
        h = m.start()
        following = [o for o in others if o >= m.end()]
        if following:
            if f.num_start == min(following):
                return True
        elif f.num_start < h and not re.search(r",\s+(?:which|who)\b", text[f.num_end:h]):
            return True
    return False


def restates(verb: Token | None, lex: _Lex) -> bool:
    """The clause's subject is 'the number', 'the toll', 'the figure': it restates a figure."""
    if verb is not None:
        verb = clause_verb(verb)
    # "the number could be 60"; "the radio put the number at 150 families" (the figure is after "at")
    deps = ("nsubj", "nsubjpass", "dobj") if verb is not None and verb.lemma_ in ("put", "place") else (
        "nsubj", "nsubjpass")
    return verb is not None and any(
        c.dep_ in deps and c.lemma_.lower() in lex.same_figure_subjects for c in verb.children)


def segments(ctx: Context) -> list[tuple[int, int]]:
    """Sentences, also cut at line breaks (a headline is never part of the first sentence)."""
    out: list[tuple[int, int]] = []
    whole = ctx.text
    for sent in ctx.doc.sents:
        s, text = sent.start_char, sent.text
        for piece in re.finditer(r"[^\n]+", text):
            if not piece.group().strip():
                continue
            start, end = s + piece.start(), s + piece.end()
            # the parser sometimes cuts a sentence mid-way ("..., including 42 children, | were
            # evacuated"): a piece that starts in lower case on the same line continues the last one
            if (out and piece.start() == 0 and whole[start:start + 1].islower() and "\n" not in whole[out[-1][1]:start]
                    and not re.search(r"[.!?]\W*$", whole[out[-1][0]:out[-1][1]])):
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
    return out


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_RELATIVES = frozenset({"who", "which", "that", "whom", "whose", "where", "when"})


def verb_after_insertion(doc: Doc, noun: Token, seg: tuple[int, int]) -> tuple[Token, Token | None] | None:
    """'26 people, most of them tourists, were shot dead'; 'five civilians, among them a boy, were
    killed': a phrase set off by commas right after the counted group, with no verb of its own,
    throws the parse off; the counted group is the subject of the verb after the second comma.
    Returns that verb and its subject inside the insertion (if the parse gave it one)."""
    first = noun.i + 1
    if first >= len(doc) or doc[first].text != "," or not inside(doc[first], seg):
        return None
    second = next((t.i for t in doc[first + 1:first + 14] if t.text in ",;:()"), None)
    if second is None or doc[second].text != "," or second == first + 1:
        return None
    between = doc[first + 1:second]
    # a relative clause ("who had fled") is a clause of its own; a finite verb is not enough to say so:
    # the tagger reads "most of them pilgrims" as a verb, and "officials say" still leaves the group the subject
    if any(t.lower_ in _RELATIVES for t in between):
        return None
    verb: Token | None = None
    for t in doc[second + 1:second + 5]:
        if not inside(t, seg):
            return None
        if t.pos_ in ("AUX", "ADV", "PART"):
            continue  # "were", "have been", "later", "all"
        verb = t if t.pos_ == "VERB" else None
        break
    if verb is None or (not any(t.pos_ == "AUX" for t in doc[second + 1:verb.i]) and verb.tag_ not in _FINITE):
        return None  # "..., killing two": a participle of another clause, not the group's verb
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if any(not (first < s.i < second) for s in subjects):
        return None  # the verb has a subject of its own after the insertion
    return verb, (subjects[0] if subjects else None)
