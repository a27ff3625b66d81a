"""Sentence units and dependency-tree helpers for the event extractor.

The pipeline parses ``title + "\\n\\n" + body`` as one Doc, and the parser
does not always break a sentence at a paragraph break: a headline without a
final full stop is glued to the first body sentence, and that parse is poor.
``sentence_units`` therefore cuts every parser sentence at blank lines and
re-parses the pieces of a cut sentence on their own (same model, same
process). Each unit remembers the doc offset of its tokens, so every offset it
hands back is a doc offset.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventwire.extractors.context import Context
from eventwire.extractors.event_lexicon import Taxonomy
from eventwire.nlp import parse

_PARA = re.compile(r"\n[ \t\r\f\v]*\n")
_CLAUSAL = {"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "parataxis", "conj"}


@dataclass(frozen=True)
class Unit:
    """One sentence: doc offsets [start, end) without surrounding space."""

    start: int
    end: int
    span: Span
    offset: int  # doc offset of character 0 of span.doc
    in_title: bool
    heading: bool  # an all-capitals crosshead ("CHILDREN FREED")
    index: int  # position among the article's units

    # Cached: spaCy rebuilds span text and creates a new Token object on every
    # access, and each unit is read by many rules.
    @functools.cached_property
    def text(self) -> str:
        return str(self.span.text)

    @functools.cached_property
    def tokens(self) -> tuple[Token, ...]:
        """The unit's tokens, created once (iterating ``span`` creates them anew)."""
        return tuple(self.span)

    @functools.cached_property
    def _bounds(self) -> tuple[tuple[Token, int, int], ...]:
        """Each token with its doc offsets [start, end)."""
        return tuple((t, self.offset + int(t.idx), self.offset + int(t.idx) + len(t.text)) for t in self.tokens)

    def tok_start(self, tok: Token) -> int:
        return self.offset + int(tok.idx)

    def tok_end(self, tok: Token) -> int:
        return self.offset + int(tok.idx) + len(tok.text)

    def token_at(self, pos: int) -> Token | None:
        for tok, a, b in self._bounds:
            if a <= pos < b:
                return tok
        return None

    def head_of(self, start: int, end: int) -> Token | None:
        """The syntactic head of the tokens inside doc range [start, end)."""
        toks = [t for t, a, b in self._bounds if start <= a and b <= end]
        if not toks:
            tok = self.token_at(start)
            return tok
        ids = {t.i for t in toks}
        for t in toks:
            if t.head.i not in ids or t.head.i == t.i:
                return t
        return toks[0]

    def subtree_range(self, tok: Token) -> tuple[int, int]:
        sub = list(tok.subtree)
        return self.tok_start(sub[0]), self.tok_end(sub[-1])


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters) and not text.rstrip().endswith(".")


def sentence_units(ctx: Context) -> list[Unit]:
    """The article's sentences as units, in order (headline first)."""
    doc = ctx.doc
    text = ctx.text
    raw: list[tuple[int, int, Span, int]] = []
    for sent in doc.sents:
        s0, s1 = int(sent.start_char), int(sent.end_char)
        pieces: list[tuple[int, int]] = []
        pos = s0
        for m in _PARA.finditer(text, s0, s1):
            pieces.append((pos, m.start()))
            pos = m.end()
        pieces.append((pos, s1))
        pieces = [p for p in (_trim(text, a, b) for a, b in pieces) if p[0] < p[1]]
        crosses_title = s0 < ctx.body_start < s1
        if len(pieces) == 1 and not crosses_title:
            a, b = pieces[0]
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is not None:
                raw.append((a, b, span, 0))
            continue
        # a sentence the parser ran across a paragraph break: parse each piece alone
        for a, b in pieces:
            sub = parse(text[a:b])
            for s in sub.sents:
                sa, sb = _trim(text, a + int(s.start_char), a + int(s.end_char))
                if sa < sb:
                    raw.append((sa, sb, s, a))
    units: list[Unit] = []
    for i, (a, b, span, off) in enumerate(raw):
        units.append(Unit(a, b, span, off, ctx.in_title(a), _is_heading(text[a:b]), i))
    return units


# --- tree helpers -----------------------------------------------------------------


def ancestors_inclusive(tok: Token) -> list[Token]:
    return [tok, *tok.ancestors]


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency edges between two tokens of one sentence."""
    if a.doc is not b.doc:
        return 10_000
    up_a = {t.i: d for d, t in enumerate(ancestors_inclusive(a))}
    for d_b, t in enumerate(ancestors_inclusive(b)):
        if t.i in up_a:
            return up_a[t.i] + d_b
    return 10_000


def anchor_verb(tok: Token) -> Token:
    """The verb a trigger belongs to: itself if a verb, else the nearest verb above
    it (a noun trigger's clause), else the sentence root."""
    t = tok
    while True:
        if t.pos_ in ("VERB", "AUX") and t.dep_ != "amod":
            return t
        if t.head.i == t.i:
            return t
        t = t.head


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def agents_of(verb: Token) -> list[Token]:
    """Who did the act: the by-phrase of a passive ("was set on fire by protesters"), else the subject."""
    if is_passive(verb):
        return [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    subj = subject_of(verb)
    return [subj] if subj is not None else []


def subject_of(verb: Token) -> Token | None:
    """Subject of a verb, inherited from a coordinated or controlling verb."""
    t: Token | None = verb
    for _ in range(4):
        if t is None:
            return None
        subs = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subs:
            # a split word ("Non - soldiers") gives several subject tokens: the last is the noun
            return subs[-1]
        ranged = _ranged_subject(t)
        if ranged is not None:
            return ranged
        if t.dep_ in ("conj", "xcomp") and t.head.i != t.i:
            t = t.head
        elif t.dep_ == "advcl" and t.tag_ == "VBG" and t.head.i != t.i:
            t = t.head  # "..., announcing the end": the main clause's subject
        elif t.dep_ in ("acl", "relcl") and t.head.i != t.i:
            return t.head
        else:
            return None
    return None


def _ranged_subject(verb: Token) -> Token | None:
    """'Between 1,100 and 1,400 households have been displaced': the parser hangs
    the counted noun under a leading 'between'; it is the subject."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "between" and c.i < verb.i:
            nouns = [p for p in c.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")]
            if nouns:
                return nouns[-1]
    return None


def objects_of(tok: Token) -> list[Token]:
    """Direct objects, prepositional objects and agents one level down."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("dobj", "obj", "attr", "oprd", "dative"):
            out.append(c)
        elif c.dep_ in ("prep", "agent"):
            out.extend(g for g in c.children if g.dep_ == "pobj")
    for o in list(out):
        out.extend(c for c in o.children if c.dep_ == "conj")
    return out


def prep_objects(tok: Token, preps: set[str]) -> list[Token]:
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def in_conditional(tok: Token) -> bool:
    """True inside an 'if'/'unless' clause."""
    for t in ancestors_inclusive(tok):
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children):
            return True
        if t.dep_ == "advcl" and _inverted_condition(t) is not None:
            return True
        # the small model may make the condition the root and the main clause its
        # complement ("may need to relocate should clashes move"): the words after
        # the auxiliary are the condition
        inv = _inverted_condition(t) if t.dep_ in ("ROOT", "ccomp", "conj") else None
        if inv is not None and tok.i > inv:
            return True
    return False


def _inverted_condition(verb: Token) -> int | None:
    """'should clashes move closer', 'had the army withdrawn': a condition told by
    putting the auxiliary before the subject. The auxiliary's index, or None."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    aux = [c.i for c in verb.children
           if c.dep_ in ("aux", "auxpass") and c.lower_ in ("should", "had", "were") and c.i < subj.i]
    return aux[0] if aux else None


def in_relative_clause(anchor: Token) -> bool:
    """The trigger's own clause is a relative clause describing a noun
    ('extremists who have been killed or surrendered')."""
    t = anchor
    # a participle hanging off the relative clause belongs to it ("rebels who
    # have waged an insurgency for decades, targeting troops")
    while (t.dep_ == "conj" or (t.dep_ == "advcl" and t.tag_ in ("VBG", "VBN"))) and t.head.i != t.i:
        t = t.head
    if t.dep_ != "relcl":
        # "X, who says he left the country after two allies were assassinated, spoke":
        # what a relative clause reports in its own complements is background too
        up = t
        while up.dep_ in ("ccomp", "advcl", "conj", "xcomp") and up.head.i != up.i:
            up = up.head
            if up.dep_ == "relcl":  # on a person ("X, who says ..."), not a place ("where ...")
                # a person's own story ("who says he fled after ..."), not an agency's
                # warning ("OCHA, which warned that 5,000 more could leave")
                return any(c.lower_ in ("who", "whom", "whose") for c in up.children) \
                    or up.head.ent_type_ == "PERSON"
        return False
    # "the town where the army has been fighting rebels since Sunday": a clause on
    # "where"/"when" tells what happened there or then, it does not describe a noun
    return not any(c.lower_ in ("where", "when") for c in t.children if c.dep_ == "advmod")


def governing_verbs(anchor: Token, limit: int = 4) -> list[Token]:
    """Verbs (and predicative adjectives) that govern the anchor's clause."""
    out: list[Token] = []
    t = anchor
    for _ in range(limit):
        if t.head.i == t.i:
            break
        if t.dep_ not in _CLAUSAL and t.dep_ not in ("pobj", "prep", "pcomp", "dobj", "acomp"):
            break
        t = t.head
        if t.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
            out.append(t)
    return out


def has_neg(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def modality_of(trigger: Token, anchor: Token, tax: Taxonomy, *, own: frozenset[int] = frozenset(),
                statement: bool = False, denial_negates: bool = False) -> str | None:
    """asserted / planned / possible / negated, or None when the clause is an
    intention or a blocked happening and no event at all ('want to surrender',
    'prevented them from leaving'). Historical is decided later from dates.

    ``denial_negates``: a denied happening is kept as negated rather than left to
    the denial ('denied that the base had fallen': the fall is news either way)."""
    cues = tax.cues
    if denial_negates and (_called_false(anchor, tax) or any(
            g.lemma_.lower() in cues["negation_governors"] for g in governing_verbs(anchor)[:2])):
        return "negated"
    aux = {c.lower_ for c in anchor.children if c.dep_ in ("aux", "auxpass")}
    if trigger is not anchor:
        aux |= {c.lower_ for c in trigger.children if c.dep_ == "aux"}
    govs = governing_verbs(anchor)
    gov_lemmas = [g.lemma_.lower() for g in govs]
    # trigger noun under "prepare for"/"plot": the noun's own governor counts,
    # unless the noun does the verb ("Protesters set fire to ...")
    # (the verb of the trigger's own phrase, "set" in "set fire to", is no governor)
    if trigger is not anchor and trigger.dep_ not in ("nsubj", "nsubjpass") and anchor.i not in own:
        gov_lemmas.insert(0, anchor.lemma_.lower())
    for g in gov_lemmas[:2]:
        if g in cues["blocking_governors"] and anchor.dep_ in ("pcomp", "xcomp", "ccomp"):
            return None
    if any(g in cues["appeal_governors"] for g in gov_lemmas[:3]):
        return None  # "called on all parties to allow relief supplies": what is asked for
    if anchor.dep_ in ("xcomp", "pcomp") or trigger is not anchor:
        for g in gov_lemmas[:1]:
            if g in cues["intention_governors"]:
                return None
            if g in cues["non_event_governors"]:
                return None
    # (the accused's name may stand between: "accused X and Y of placing ... and keeping")
    alleged = gov_lemmas[:1] + [g.lemma_.lower() for g in governing_verbs(anchor, limit=7)[:2]]
    if any(g in cues["allegation_governors"] for g in alleged):
        return None  # "accused X of shelling": the accusation is the event
    if not statement and any(g.lemma_.lower() in cues["negation_governors"] for g in govs[:2]):
        return None  # "denied that civilians were targeted": the denial is the event
    # (a statement under a denial is another speaker's, "X accused Y, a charge Z denies")
    if has_neg(anchor) or (trigger is not anchor and has_neg(trigger)):
        return "negated"
    if not statement and any(g in cues["negation_governors"] for g in gov_lemmas[:2]):
        return "negated"
    if "can" in aux:
        return None  # "has shown it can strike far from its base": an ability, not a happening
    if aux & cues["possible_aux"]:
        return "possible"
    if aux & cues["planned_aux"] or "going" in aux:
        return "planned"
    if anchor.dep_ == "xcomp" and anchor.head.lemma_ == "be" and any(c.lower_ == "to" for c in anchor.children):
        return "planned"  # "troops are to withdraw"
    # a verb coordinated with the governor is told beside it, not governed by it
    # ("have told residents not to travel, have set curfews and planted mines")
    coord = anchor.head.lemma_.lower() if anchor.dep_ == "conj" and anchor.head.pos_ == "VERB" \
        and any(c.dep_ in ("nsubj", "aux") for c in anchor.head.children) else None
    for g in gov_lemmas[:2]:
        if g == coord:
            continue
        if g == "set" and not any(c.dep_ == "xcomp" for c in anchor.children):
            continue  # "set curfews", "set homes alight": not "is set to begin"
        if g in cues["planned_governors"]:
            return "planned"
        if g in cues["possible_governors"]:
            return "possible"
    for gov in govs[:2]:
        gaux = {c.lower_ for c in gov.children if c.dep_ == "aux"}
        if gov.dep_ in ("xcomp", "ccomp") and gaux & cues["planned_aux"]:
            return "planned"
    if anchor.dep_ == "xcomp" and govs:
        # "families may need to relocate": the governing verb's auxiliary
        gaux = {c.lower_ for c in govs[0].children if c.dep_ == "aux"}
        if gaux & (cues["possible_aux"] - {"can"}):
            return "possible"
        if gaux & cues["planned_aux"]:
            return "planned"
    return "asserted"


def _called_false(anchor: Token, tax: Taxonomy) -> bool:
    """'Posts claiming the fighters had seized the base were false': the clause is
    the content of a claim (or report) that the sentence calls false."""
    falsity = tax.cues.get("falsity_words", frozenset())
    t = anchor
    for _ in range(4):
        if t.dep_ not in ("ccomp", "acl", "relcl") or t.head.i == t.i:
            return False
        t = t.head
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass"):
            return any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in falsity for c in t.head.children)
    return False


def hedged(unit: Unit, tax: Taxonomy) -> bool:
    return any(t.lower_ in tax.cues["hedges"] or t.lemma_.lower() in tax.cues["hedges"] for t in unit.tokens)


def refuted(trigger: Token) -> bool:
    """'A pro-junta account claimed that forces had retaken the town; they have
    not': a bare negated auxiliary after the claim, in the same sentence,
    refutes it."""
    sent = trigger.sent
    for t in sent:
        if t.i <= trigger.i or t.dep_ != "neg":
            continue
        aux = t.head
        if aux.lemma_.lower() not in ("have", "be", "do") or aux.i < trigger.i:
            continue
        # only a subject and the negation: the verb is elided ("they have not", "it did not")
        rest = [c for c in aux.children if c.i > aux.i
                and c.dep_ not in ("nsubj", "neg", "punct", "cc", "advmod", "conj")]
        if not rest and any(c.dep_ == "nsubj" for c in aux.children):
            return True
    return False


def when_year(anchor: Token) -> int | None:
    """'the memory of May 2002, when dozens were killed': a 'when' clause on a
    dated noun is dated by that noun's year."""
    # the trigger's own clause, or the clause it hangs in ("a bomb fired during fighting")
    t = next((a for a in (anchor, *anchor.ancestors) if a.dep_ == "relcl"), None)
    if t is None or not any(c.lower_ == "when" for c in t.children if c.dep_ == "advmod"):
        return None
    for w in t.head.subtree:
        if w.i >= t.i:
            break
        if w.like_num and len(w.text) == 4 and w.text.isdigit() and 1900 <= int(w.text) <= 2100:
            return int(w.text)
    return None
