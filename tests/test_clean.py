"""Cleaning: debris out, listed with a reason, body words untouched."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.clean import boilerplate_reason, clean_text, split_title

BODY = (
    "Flood waters rose along the river on Monday, forcing families in three districts to leave.\n\n"
    "Officials said more boats would arrive by the evening to carry the elderly to dry ground.\n\n"
)


def test_trailing_source_line_is_removed_and_listed() -> None:
    cleaned = clean_text(BODY + "Source: Read Full Article\n")
    assert cleaned.text.endswith("to dry ground.")
    assert [(r.text, r.reason) for r in cleaned.removed] == [("Source: Read Full Article", "scraper_boilerplate")]


def test_share_and_subscribe_prompts_are_removed() -> None:
    text = BODY + "Share this article\n\nSign up to our daily newsletter for the latest updates\n\nRead more"
    reasons = [r.reason for r in clean_text(text).removed]
    assert reasons == ["share_prompt", "subscribe_prompt", "scraper_boilerplate"]
    assert "newsletter" not in clean_text(text).text


def test_repeated_paragraph_is_removed() -> None:
    para = "The convoy reached the northern crossing after a delay of two days at the checkpoint."
    cleaned = clean_text(f"{para}\n\nA second paragraph with other words.\n\n{para}")
    assert cleaned.text.count(para) == 1
    assert cleaned.removed[0].reason == "duplicate_paragraph"


def test_truncated_copy_of_an_earlier_paragraph_is_removed() -> None:
    para = "The ceasefire, agreed in the capital last spring, collapsed within weeks of its signing."
    cleaned = clean_text(f"{para}\n\nLater events changed the picture.\n\n{para[:55]}")
    assert cleaned.text.endswith("changed the picture.")
    assert cleaned.removed[0].reason == "truncated_duplicate"
    assert cleaned.removed[0].text == para[:55].strip()


def test_short_paragraph_opening_a_longer_one_is_kept() -> None:
    # Too short to be a truncated syndication copy: a real crosshead.
    cleaned = clean_text("Update\n\nUpdate from the field hospital: two more patients arrived.")
    assert cleaned.text.startswith("Update\n\n")


def test_runs_of_blank_lines_collapse_and_are_listed() -> None:
    cleaned = clean_text("First paragraph.\n\n\n\n\n\nSecond paragraph.")
    assert cleaned.text == "First paragraph.\n\nSecond paragraph."
    assert [r.reason for r in cleaned.removed] == ["blank_lines"]


def test_article_words_resembling_prompts_are_kept() -> None:
    line = "Read more than forty reports before reaching a verdict, the judge told the court."
    assert boilerplate_reason(line) is None
    assert boilerplate_reason("Advertisement") == "advertising"


def test_title_is_first_line_only_when_a_blank_line_follows() -> None:
    assert split_title("Headline here\n\nBody text.") == ("Headline here", "\nBody text.")
    title, body = split_title("Not a headline\nbecause the body follows at once.")
    assert title is None and body.startswith("Not a headline")


def test_crlf_text_is_normalised() -> None:
    assert clean_text("One.\r\n\r\nTwo.\r\n").text == "One.\n\nTwo."


_words = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\u2028\u2029"),
                 min_size=0, max_size=60)


@settings(max_examples=200, deadline=None)
@given(st.lists(_words, min_size=0, max_size=8))
def test_cleaning_never_changes_kept_lines(paragraphs: list[str]) -> None:
    """Every kept paragraph is a stripped paragraph of the input, in order."""
    text = "\n\n".join(paragraphs)
    cleaned = clean_text(text)
    if not cleaned.text:
        return
    for kept in cleaned.text.split("\n\n"):
        assert kept.strip() == kept
        assert kept in text


TEASER_CASES = [
    # (text, kept text)
    ("Police fired tear gas at the march on Friday.\n\nMOST READ IN NEWS\n\n"
     "SHOCK RESULT Town's team stuns champions\n\nHOT WEEK Heatwave to return for the holiday",
     "Police fired tear gas at the march on Friday."),
    ("Rebels shelled the market.\n\nMore on this story\nWhy the road north is closed\n"
     "Inside the camps of the east\n\nThe ministry said six people were hurt.",
     "Rebels shelled the market.\n\nThe ministry said six people were hurt."),
    ("Gunmen attacked the convoy.\n\nMost read in World News\n\nFamily's dash across the border\n\n"
     "A second convoy left on Sunday, the agency said.",
     "Gunmen attacked the convoy.\n\nA second convoy left on Sunday, the agency said."),
]


@pytest.mark.parametrize(("text", "kept"), TEASER_CASES)
def test_blocks_of_links_to_other_stories_are_removed(text: str, kept: str) -> None:
    cleaned = clean_text(text)
    assert cleaned.text == kept
    assert {r.reason for r in cleaned.removed} == {"related_links"}


def test_a_teaser_heading_glued_to_prose_keeps_the_prose() -> None:
    text = "Most read\nThe army said on Tuesday that it had freed two hostages near the border."
    assert clean_text(text).text == text
