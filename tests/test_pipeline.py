"""The whole pipeline: offsets always hold, batches survive bad articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import eventwire
from eventwire.errors import EmptyArticle
from eventwire.pipeline import run
from eventwire.schema import Failure, RawDocument, Record

SHARED = Path(__file__).resolve().parents[2] / "shared"

# Pieces of news-like text, so generated articles exercise every extractor.
PIECES = [
    "Shelling killed at least 12 people in Kharkiv on Tuesday, officials said.",
    "More than 3,000 residents fled villages near Vovchansk since Sunday.",
    '"We will not leave," said one elderly farmer.',
    "“The camp is full,” a UNHCR spokeswoman told Reuters.",
    "The army denied that any civilians were killed in the raid on al-Hol camp.",
    "Up to 10,000 more could leave if the fighting continues, the ministry warned.",
    "Islamic State fighters seized two villages east of the Euphrates last month.",
    "Dozens of protesters gathered in Khartoum, according to AFP.",
    "The so-called militia's brutal thugs looted the market.",
    "Police arrested 40 men in Maiduguri over the weekend.",
    "The budget was approved by 212 votes to 190 in 2021.",
    "Aid trucks reached Gaza City on Saturday after a pause in the bombing.",
    "Émigrés — some aged 90 — returned to Sinjar… “home at last”.",
]

_glue = st.sampled_from([" ", "\n\n", "\n", "  ", "\n\n\n\n", " \t"])
_noise = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=25)


@st.composite
def articles(draw: st.DrawFn) -> tuple[str | None, str]:
    parts = draw(st.lists(st.one_of(st.sampled_from(PIECES), _noise), min_size=1, max_size=8))
    glue = [draw(_glue) for _ in parts]
    body = "".join(p + g for p, g in zip(parts, glue, strict=True))
    title = draw(st.one_of(st.none(), st.sampled_from(PIECES)))
    return title, body


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles(), st.sampled_from([None, "2024-05-15", "2019-03-06"]))
def test_every_span_holds_its_text(article: tuple[str | None, str], published: str | None) -> None:
    title, body = article
    try:
        record = eventwire.extract(body, title=title, published=published)
    except EmptyArticle:
        assert not body.strip() or all(not p.strip() for p in body.split("\n\n"))
        return
    record.check_provenance()
    sources = {"text": record.article.text, "title": record.article.title or ""}
    for _where, text, start, end, field in record.spans():
        assert sources[field][start:end] == text
    again = Record.from_dict(json.loads(record.to_json()))
    assert again == record
    if published is None:
        assert all(c.period is None for c in record.counts)
        assert all(e.date.start is None and e.date.precision == "unknown" for e in record.events)


def test_kharkiv_example_text_and_removed_match_the_contract() -> None:
    example = SHARED / "spec" / "example"
    if not example.exists():
        pytest.skip("shared/spec not beside the repository")
    expected = json.loads((example / "kharkiv-example.record.json").read_text(encoding="utf-8"))
    record = eventwire.extract((example / "kharkiv-example.txt").read_text(encoding="utf-8"),
                               title_is_first_line=True, published="2024-05-15", source="Example Wire")
    assert record.to_dict()["article"] == expected["article"]


def test_long_texts_are_chunked_not_rejected() -> None:
    from eventwire.settings import Settings

    para = "Shelling killed four people in Kharkiv on Tuesday, the governor said."
    body = "\n\n".join(f"{para} Item {i}." for i in range(400))
    record = eventwire.extract(body, published="2024-05-15", settings=Settings(chunk_chars=5000))
    record.check_provenance()
    assert len(record.article.text) > 5000
    kharkiv = [p for p in record.places if p.name == "Kharkiv"]
    assert kharkiv and len(kharkiv[0].mentions) == 400


def test_a_bad_article_does_not_stop_the_batch() -> None:
    docs: list[RawDocument | Failure] = [
        RawDocument(origin="a.txt", text="Title\n\nTroops shelled the town of Izium on Monday.",
                    title_is_first_line=True, published="2022-04-05"),
        RawDocument(origin="b.txt", text="   \n\nRead more\n", title_is_first_line=True),
        RawDocument(origin="c.txt", text="Budget vote\n\nLawmakers passed the budget.",
                    title_is_first_line=True, published="2022-13-40"),
        Failure(path="d.bin", code="E002", message="d.bin: binary"),
        RawDocument(origin="e.txt", text="Fighting continued near Bakhmut.", published="2023-01-09"),
    ]
    out = list(run(docs))
    assert [o for o, _ in out] == ["b.txt", "c.txt", "d.bin", "a.txt", "e.txt"]
    kinds = {o: (r.code if isinstance(r, Failure) else "ok") for o, r in out}
    assert kinds == {"a.txt": "ok", "b.txt": "E003", "c.txt": "E005", "d.bin": "E002", "e.txt": "ok"}
