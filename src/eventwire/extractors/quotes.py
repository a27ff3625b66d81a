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

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from eventwire.extractors.context import Context, doc_text
from eventwire.extractors.speakers import (
    _MODIFIER_DEPS,
    Marked,
    _is_cue,
    _speaker,
    _tokens,
    verbs,
)
from eventwire.schema import Actor, Quote, SourceCited, Speaker

# ", a charge Kigali denies", ", an accusation the army rejects": the cue qualifies the noun
_CHARGE_NOUN = re.compile(r",\s+(?:a|an|the)\s+(?:charge|claim|accusation|allegation|version|account|figure|toll)s?"
                          r"\s+(?:\S+\s+){1,4}$")
# prepositions after a cue's object that introduce the speaker's words ("dismissed them as")
_CHARACTERISING = frozenset({"as", "for", "of"})
_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_SINGLE = re.compile(r"(?<![\w’'])[‘'](?=[A-Za-z0-9])([^\n‘’']{2,200}?)(?<=[\w.!?,…])[’'](?![\w])")


# --------------------------------------------------------------------------- quote marks


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


# --------------------------------------------------------------------------- cues


def _subject(tok: Token) -> Token | None:
    # two subjects: the parse took a noun of the quote for one ('"..., most of them ...," said a
    # doctor'); the one next to the cue is the speaker
    subj = min((c for c in tok.children if c.dep_ == "nsubj"), key=lambda c: abs(c.i - tok.i), default=None)
    if subj is None and tok.dep_ == "acl" and tok.head.lower_ in verbs().cue_nouns and tok.head.dep_ == "dobj":
        # "the mission issued a statement calling on ...": whoever issued the statement speaks
        issuer = next((c for c in tok.head.head.children if c.dep_ == "nsubj"), None)
        return _named_before(issuer) if issuer is not None else None
    if subj is not None:
        subj = _channel_owner(_named_before(subj))
    if subj is None and tok.dep_ == "acl" and tok.head.dep_ == "ROOT" and tok.head.pos_ in {"NOUN", "PROPN"} \
            and tok.tag_ in {"VBD", "VBZ", "VBP", "VBN"} and tok.head.i < tok.i:
        # "The presidency announced ...": a parse that makes the subject the sentence's root and
        # the finite verb after it a modifier; the noun is who speaks
        return _named_before(tok.head)
    if subj is None and tok.dep_ == "pcomp" and tok.head.lower_ == "as" and tok.head.head.lemma_.lower() in {
            "quote", "cite"}:
        # "Res quoted a border official as saying ...": the quoted one speaks, the outlet only reports;
        # "X was quoted as saying": the passive subject
        cited = tok.head.head
        return next((c for c in cited.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    root = tok.sent.root
    participle = tok.dep_ == "advcl" or (tok.dep_ == "acl" and _is_cue(root, verbs().any))
    if (subj is None and tok.tag_ == "VBG" and participle and tok.i > 0 and tok.doc[tok.i - 1].text == ","
            and root.i != tok.i and tok.head.i != root.i and root.pos_ in {"VERB", "AUX"}
            and any(c.dep_ == "nsubj" for c in root.children)):
        # "X denied the report, calling it 'propaganda'", "X rejected reports that ..., dismissing
        # them as '...'": a participle after a comma is the main subject's, not the clause's
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
                and head.head.pos_ in {"VERB", "AUX"} and any(c.dep_ == "nsubj" for c in head.head.children):
            # "X replied that the cuts would hurt and accused ...", "X fired back that ... and accused":
            # a reporting verb joined to the complement clause by the parse still belongs to X
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


_CARRIED_BY = re.compile(
    r"^[^,]*?\S,\s+(?:in|via|through|on)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:run|carried|published|aired|broadcast|released|posted|relayed|cited|quoted|read\s+out)\s+"
    r"(?:by|on|in)\s+(?:[^,]+,\s*)?$")


def _channel_owner(subj: Token) -> Token:
    """'The army's command, in a statement run by SANA, the state news agency, said': an outlet
    that runs, carries or airs a statement is its channel; the parse may make the outlet (or its
    description) the subject, but the one whose statement it is speaks."""
    doc, sent = subj.doc, subj.sent
    left = doc[subj.left_edge.i]
    prefix = doc_text(doc)[sent.start_char : left.idx] if subj.left_edge.i > sent.start else ""
    if not prefix or _CARRIED_BY.match(prefix) is None:
        return subj
    comma = prefix.index(",")
    owner = doc.char_span(sent.start_char, sent.start_char + comma, alignment_mode="contract")
    if owner is None or not len(owner):
        return subj
    head = owner.root
    return head if head.pos_ in {"NOUN", "PROPN"} else subj


def _named_before(subj: Token) -> Token:
    """'UNSMIL, the UN mission in Libya, said': a parse may hang the sentence-initial
    name off the verb and make the description the subject; the name speaks."""
    doc = subj.doc
    first, last = subj.sent.start, subj.left_edge.i - 2
    end = subj.right_edge.i
    closed = doc[end].text == "," or (end + 1 < len(doc) and doc[end + 1].text == ",")
    if last < first or doc[last + 1].text != "," or not closed:
        return subj
    # the name may be a second subject of the same verb ("COGAT, the body that ..., said")
    same_verb = doc[last].dep_ == "nsubj" and doc[last].head.i == subj.head.i
    if all(t.pos_ == "PROPN" for t in doc[first : last + 1]) and (
            doc[last].dep_ not in {"nsubj", "appos"} or same_verb):
        return doc[last]
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
            if node.dep_ != "ROOT" and any(c.dep_ in {"nsubj", "nsubjpass"} and q.open <= c.idx < q.close
                                           for c in node.children):
                pass  # 'for a "complete shutdown" to continue': the quoted words are the verb's subject
            elif _is_cue(node, cues) and not (q.open <= node.idx < q.close) and not (
                    child.dep_ in _MODIFIER_DEPS and node.lemma_.lower() in verbs().direct_only
                    and child.lower_ not in _CHARACTERISING and node.lemma_.lower() not in verbs().naming_verbs
                    and any(c.dep_ == "dobj" for c in node.children)):
                # 'would continue its attacks "until ..."' is no speech tag; 'described it as "..."',
                # 'asked Bogota for "..."', 'accused X of "..."' are
                return node
            aside = next((c for c in node.children if c.dep_ == "parataxis" and _is_cue(c, cues)
                          and not (q.open <= c.idx < q.close) and any(g.dep_ == "nsubj" for g in c.children)), None)
            if aside is not None:
                return aside  # 'who, she said, wanted to see "..."': a parenthetical tag
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
        # 14 tokens: room for a relative clause ('"...," a villager, who would not give her name, told')
        for t in doc[after[0].i : min(sent.end, after[0].i + 14)]:
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
    inside = next((m for m in marks if m.open <= subj.idx < m.close), None)
    if inside is not None:
        # '"...," project manager X told Y': the parse took a quoted noun for the subject; the
        # words between the closing mark and the cue name the speaker
        subj = _between(cue, inside)
        if subj is None:
            return None
    return _speaker(ctx, subj, actors, marks, previous)


def _between(cue: Token, mark: Marked) -> Token | None:
    """The noun right before a cue that follows a quote's closing mark closely."""
    before = cue.doc[cue.i - 1] if cue.i > 0 else None
    if before is None or before.idx < mark.close or before.pos_ not in {"NOUN", "PROPN"}:
        return None
    gap = cue.doc.char_span(mark.close, before.idx, alignment_mode="expand")
    if gap is not None and (len(gap) > 6 or any(t.is_punct and t.text not in ",\"”'’" for t in gap)):
        return None
    return before


# --------------------------------------------------------------------------- public API


def extract_quotes(ctx: Context, *, actors: Sequence[Actor], sources: Sequence[SourceCited]) -> list[Quote]:
    """Direct and partial quotes in text order, then indirect ones."""
    doc, text = ctx.doc, ctx.text
    marks = _marked_spans(text)
    quoted: list[Quote] = []
    kept: list[Marked] = []
    for q in marks:
        direct = _starts_sentence(text, q.open)
        cue = _governing_cue(doc, q) or (_nearby_cue(doc, q) if direct else None)
        speaker = _attribute(ctx, cue, actors, marks, quoted) if cue is not None else None
        if speaker is not None and _is_outlet(speaker, sources):
            if _subject_of(cue, speaker):  # 'the agency SANA said "..."': the outlet's own words
                outlet = next(s for s in sources if s.start < speaker.end and speaker.start < s.end)
                speaker = replace(speaker, name=outlet.name)
            else:  # "told Reuters": the outlet only reports
                speaker, cue = None, None
        cue_text = cue.lower_ if cue is not None and speaker is not None else None
        if speaker is None and direct:
            speaker = _inherited(text, q, quoted)
        if speaker is None and (_name_only(doc, q) or _gloss(text, q)):
            continue  # 'spelled "Belet Weyne"', 'known as "El Toro"': a name in quote marks, not speech
        kept.append(q)
        quoted.append(Quote(text[q.start : q.end], q.start, q.end, "direct" if direct else "partial",
                            cue_text, speaker))
    return quoted + _indirect(ctx, actors, sources, kept, quoted)


def _name_only(doc: Doc, q: Marked) -> bool:
    """Up to three capitalised words and no verb: a name, spelling or nickname."""
    span = _tokens(doc, q.start, q.end)
    words = [t for t in span if not t.is_punct] if span is not None else []
    return 0 < len(words) <= 3 and all(t.text[:1].isupper() and t.pos_ not in {"VERB", "AUX", "PRON"}
                                       for t in words)


def _gloss(text: str, q: Marked) -> bool:
    """'the Lon Varratu ("return home") scheme': quoted words alone in brackets
    translate the name before them; nobody says them."""
    return text[max(0, q.open - 1) : q.open] == "(" and text[q.close : q.close + 1] == ")"


def _subject_of(cue: Token | None, speaker: Speaker) -> bool:
    return cue is not None and any(c.dep_ == "nsubj" and speaker.start <= c.idx < speaker.end for c in cue.children)


def _starts_sentence(text: str, open_at: int) -> bool:
    line = text[text.rfind("\n", 0, open_at) + 1 : open_at].rstrip()
    return line == "" or line[-1] in ".?!:" or bool(re.search(r"\b(?:said|says|told|added|asked),$", line))


def _is_outlet(speaker: Speaker, sources: Sequence[SourceCited]) -> bool:
    return any(s.start < speaker.end and speaker.start < s.end for s in sources)


def _outlet_antecedent(text: str, speaker: Speaker, actors: Sequence[Actor],
                       sources: Sequence[SourceCited]) -> bool:
    """'..., the news site X reported. Several families have since fled, it added': "it" takes up
    the outlet cited last in its paragraph, not a group named before the outlet (nor one the
    outlet's report names); the outlet only reports."""
    if speaker.text.lower() != "it":
        return False
    para = text.rfind("\n", 0, speaker.start) + 1
    cited = [s.start for s in sources if para <= s.start < speaker.start]
    if not cited:
        return False
    latest_org = max((m.start for a in actors if a.type not in {"person", "civilians"} for m in a.mentions
                      if m.end <= speaker.start), default=-1)
    return max(cited) > latest_org


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


def _judged_claim(cue: Token) -> bool:
    """'Posts claiming that X were untrue', 'Videos saying that X were fabricated': a participle
    (no auxiliary, no comma before it) that modifies the sentence's subject noun makes the claim
    the topic of the sentence, which judges it; it is not a report of what anyone said."""
    doc = cue.doc
    if cue.tag_ != "VBG" or cue.i == 0 or doc[cue.i - 1].text == ",":
        return False
    if any(c.dep_ in {"aux", "auxpass"} for c in cue.children):
        return False
    if cue.dep_ == "acl":
        return cue.head.dep_ in {"nsubj", "nsubjpass"} and cue.head.i < cue.i
    # a parse may make the bare participle the clause's verb (even the root) and the noun its subject
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.i < cue.i and c.pos_ in {"NOUN", "PROPN"}
               for c in cue.children) and cue.dep_ in {"ccomp", "advcl", "csubj", "ROOT"}


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
        if toks[-1].i < tok.i and any(t.text in {":", ";"} for t in doc[toks[-1].i + 1 : tok.i]):
            continue  # "X has raised its toll: it now says ...": a sentence of its own, not what is said
        if _judged_claim(tok):
            continue  # "Posts claiming that X were untrue": the sentence judges the claim, nobody speaks
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if ctx.in_title(start) or _headline_line(text, tok.idx):
            continue  # a headline's or key point's "..., police say" restates the body's report
        if end <= tok.idx and _in_lead(ctx, tok.idx):
            continue  # the lead's trailing "..., officials said" sources the event, not a statement
        if any(c.dep_ == "auxpass" for c in tok.children):
            continue  # "needed to be told", "was reported": no one speaks
        if tok.dep_ in {"relcl", "acl"} and end <= tok.idx:
            continue  # "..., a charge Kigali denies": the clause is the noun's, not reported speech
        if end <= tok.idx \
                and _CHARGE_NOUN.search(text[max(0, tok.idx - 60) : tok.idx]):
            continue  # the parse missed the relative clause: the noun before the cue says it
        if any(m.open < end and start < m.close for m in direct):
            continue  # the attribution of a direct quote, not reported speech
        outside = [t for t in toks if t.is_alpha and not any(m.open <= t.idx < m.close for m in marks)]
        if len(outside) < 3:
            continue  # "they had 'no blood on their hands'": the partial quote says it all
        speaker = _attribute(ctx, tok, actors, marks, previous)
        if speaker is None or _is_outlet(speaker, sources) or _outlet_antecedent(text, speaker, actors, sources):
            continue
        if any(p.kind == "partial" and start <= p.start and p.end <= end for p in quoted):
            continue  # the partial quote inside already gives the speaker's words
        q = Quote(text[start:end], start, end, "indirect", tok.lower_, speaker)
        out.append(q)
        previous.append(q)
    return out
