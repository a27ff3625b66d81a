"""Time expressions: resolution against the publication date, and finding them in text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.bench.tempeval import format_at, granularity, run_tempeval
from eventwire.extractors.context import Context
from eventwire.extractors.dates import find_time_expressions, resolve_expression
from tests.context_helpers import make_context

WED = date(2019, 3, 6)   # a Wednesday
SUN = date(2022, 8, 14)  # a Sunday
MON = date(2024, 1, 1)   # a Monday, first day of a year

D = date.fromisoformat

RESOLVE_CASES = [
    # (text, published, (start, end, precision))
    ("on Tuesday", WED, ("2019-03-05", "2019-03-05", "day")),
    ("Tuesday", WED, ("2019-03-05", "2019-03-05", "day")),
    ("on Wednesday", WED, ("2019-03-06", "2019-03-06", "day")),  # on or before publication
    ("on Saturday", WED, ("2019-03-02", "2019-03-02", "day")),
    ("last Wednesday", WED, ("2019-02-27", "2019-02-27", "day")),
    ("Thursday night", WED, ("2019-02-28", "2019-02-28", "day")),
    ("yesterday", WED, ("2019-03-05", "2019-03-05", "day")),
    ("last night", MON, ("2023-12-31", "2023-12-31", "day")),
    ("today", SUN, ("2022-08-14", "2022-08-14", "day")),
    ("overnight", WED, ("2019-03-05", "2019-03-06", "days")),
    ("overnight on Saturday", WED, ("2019-03-02", "2019-03-03", "days")),
    ("overnight Monday", WED, ("2019-03-04", "2019-03-05", "days")),
    ("over the weekend", WED, ("2019-03-02", "2019-03-03", "days")),
    ("at the weekend", WED, ("2019-03-02", "2019-03-03", "days")),
    ("over the weekend", SUN, ("2022-08-13", "2022-08-14", "days")),
    ("last week", WED, ("2019-02-25", "2019-03-03", "week")),
    ("last week", MON, ("2023-12-25", "2023-12-31", "week")),
    ("this week", WED, ("2019-03-04", "2019-03-10", "week")),
    ("last month", WED, ("2019-02-01", "2019-02-28", "month")),
    ("last month", MON, ("2023-12-01", "2023-12-31", "month")),
    ("earlier this month", WED, ("2019-03-01", "2019-03-06", "month")),
    ("early this year", SUN, ("2022-01-01", "2022-12-31", "year")),
    ("last year", MON, ("2023-01-01", "2023-12-31", "year")),
    ("in December", WED, ("2018-12-01", "2018-12-31", "month")),
    ("in August", SUN, ("2022-08-01", "2022-08-31", "month")),
    ("last August", SUN, ("2021-08-01", "2021-08-31", "month")),
    ("in December 2018", WED, ("2018-12-01", "2018-12-31", "month")),
    ("in 2014", WED, ("2014-01-01", "2014-12-31", "year")),
    ("in the 1990s", WED, ("1990-01-01", "1999-12-31", "year")),
    ("over the last 36 hours", WED, ("2019-03-04", "2019-03-06", "days")),
    ("in the past 24 hours", SUN, ("2022-08-13", "2022-08-14", "days")),
    ("in the past two weeks", WED, ("2019-02-20", "2019-03-06", "days")),
    ("the past week", WED, ("2019-02-27", "2019-03-06", "days")),
    ("in recent days", SUN, ("2022-08-07", "2022-08-14", "days")),
    ("over the past three months", SUN, ("2022-05-14", "2022-08-14", "month")),
    ("since Sunday", WED, ("2019-03-03", "2019-03-06", "days")),
    ("since March 1", WED, ("2019-03-01", "2019-03-06", "days")),
    ("since 2014", WED, ("2014-01-01", "2019-03-06", "year")),
    ("two days ago", WED, ("2019-03-04", "2019-03-04", "day")),
    ("four years ago", WED, ("2015-01-01", "2015-12-31", "year")),
    ("March 3", WED, ("2019-03-03", "2019-03-03", "day")),
    ("3 March 2019", SUN, ("2019-03-03", "2019-03-03", "day")),
    ("on 3rd March", WED, ("2019-03-03", "2019-03-03", "day")),
    ("March 3, 2019", SUN, ("2019-03-03", "2019-03-03", "day")),
    ("2019-03-03", SUN, ("2019-03-03", "2019-03-03", "day")),
    ("Feb. 28", WED, ("2019-02-28", "2019-02-28", "day")),
    ("Tuesday, March 5", WED, ("2019-03-05", "2019-03-05", "day")),
    ("December 28", MON, ("2023-12-28", "2023-12-28", "day")),  # across the year boundary
    ("January 9", MON, ("2024-01-09", "2024-01-09", "day")),    # an announced date, days ahead
    ("last summer", WED, ("2018-06-01", "2018-08-31", "month")),
    ("next week", WED, ("2019-03-11", "2019-03-17", "week")),
]


@pytest.mark.parametrize(("text", "published", "expected"), RESOLVE_CASES)
def test_resolve_expression(text: str, published: date, expected: tuple[str, str, str]) -> None:
    found = resolve_expression(text, published)
    assert found is not None, text
    assert (found[0].isoformat(), found[1].isoformat(), found[2]) == expected


@pytest.mark.parametrize("text", [
    "for the first time in four-and-a-half years",
    "four years",
    "days",
    "for two weeks",
    "a decade",
    "now",
    "the past",
    "until Friday",
    "by the end of the year",
    "58",
])
def test_durations_and_vague_references_do_not_resolve(text: str) -> None:
    assert resolve_expression(text, WED) is None


def test_without_a_publication_date_only_self_dated_expressions_resolve() -> None:
    assert resolve_expression("on Tuesday", None) is None
    assert resolve_expression("last month", None) is None
    assert resolve_expression("March 3", None) is None
    assert resolve_expression("3 March 2019", None) == (D("2019-03-03"), D("2019-03-03"), "day")
    assert resolve_expression("in 2014", None) == (D("2014-01-01"), D("2014-12-31"), "year")


def test_future_tense_moves_a_weekday_forward() -> None:
    assert resolve_expression("on Friday", WED, prefer="future") == (D("2019-03-08"), D("2019-03-08"), "day")
    assert resolve_expression("on Friday", WED) == (D("2019-03-01"), D("2019-03-01"), "day")


def _ctx(body: str, published: date | None, title: str | None = None) -> Context:
    return make_context(body, title, published=published)[1]


FIND_CASES = [
    # (body, published, [(span text, start, end, precision)])
    ("Air strikes hit Idlib on Tuesday, killing nine people, rescuers said.", WED,
     [("on Tuesday", "2019-03-05", "2019-03-05", "day")]),
    ("More than 5,000 people have fled Ituri since Sunday, the UN said.", WED,
     [("since Sunday", "2019-03-03", "2019-03-06", "days")]),
    ("Militants stormed a checkpoint near Mopti overnight.", SUN,
     [("overnight", "2022-08-13", "2022-08-14", "days")]),
    ("The army said it had retaken the town at the weekend, after heavy fighting in December.", WED,
     [("at the weekend", "2019-03-02", "2019-03-03", "days"),
      ("in December", "2018-12-01", "2018-12-31", "month")]),
    ("Police in Lima arrested 40 protesters yesterday and 12 more earlier this month.", MON,
     [("yesterday", "2023-12-31", "2023-12-31", "day"),
      ("earlier this month", "2024-01-01", "2024-01-01", "month")]),
    ("Some 2,000 families have left the camp near Sittwe in the past two weeks.", WED,
     [("in the past two weeks", "2019-02-20", "2019-03-06", "days")]),
    ("The group first seized the district in 2014 and lost it last year.", SUN,
     [("in 2014", "2014-01-01", "2014-12-31", "year"), ("last year", "2021-01-01", "2021-12-31", "year")]),
]


@pytest.mark.parametrize(("body", "published", "expected"), FIND_CASES)
def test_find_time_expressions(body: str, published: date,
                               expected: list[tuple[str, str, str, str]]) -> None:
    ctx = _ctx(body, published)
    found = find_time_expressions(ctx)
    for t in found:
        assert ctx.text[t.start:t.end] == t.text  # provenance
    assert [(t.text, t.date_start, t.date_end, t.precision) for t in found] == expected


def test_ages_and_durations_are_left_out() -> None:
    body = ("A 25-year-old medic said the siege of Kassala had lasted three months and that "
            "he saw his brother for the first time in four-and-a-half years.")
    assert find_time_expressions(_ctx(body, WED)) == []


def test_no_publication_date_keeps_relative_expressions_unresolved() -> None:
    ctx = _ctx("Gunmen attacked a bus in Kaduna on Tuesday; the state was created in 1987.", None)
    found = {t.text: (t.date_start, t.date_end, t.precision) for t in find_time_expressions(ctx)}
    assert found["on Tuesday"] == (None, None, "unknown")
    assert found["in 1987"] == ("1987-01-01", "1987-12-31", "year")


def test_headline_expressions_carry_doc_offsets() -> None:
    ctx = _ctx("Shelling resumed in Kherson.", WED, title="Two killed in Kherson on Monday")
    found = find_time_expressions(ctx)
    assert [(t.text, t.date_start) for t in found] == [("on Monday", "2019-03-04")]
    assert ctx.in_title(found[0].start)


# ------------------------------------------------------------------ the TempEval-3 runner

@pytest.mark.parametrize(("value", "expected"), [
    ("2013-03-05", "day"), ("2013-W10", "week"), ("2013-03", "month"), ("2013", "year"),
    ("PRESENT_REF", None), ("2012-SU", None), ("XXXX-XX-XX", None), ("P5Y", None),
])
def test_granularity(value: str, expected: str | None) -> None:
    assert granularity(value) == expected


def test_format_at() -> None:
    assert format_at(D("2013-03-05"), "week") == "2013-W10"
    assert format_at(D("2013-03-05"), "month") == "2013-03"
    assert format_at(D("2013-03-05"), "year") == "2013"


_TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2019-03-06" functionInDocument="CREATION_TIME">March 6, 2019</TIMEX3></DCT>
<TEXT>Talks began <TIMEX3 tid="t1" type="DATE" value="2019-03-05">Tuesday</TIMEX3> after a pause
<TIMEX3 tid="t2" type="DATE" value="2019-02">last month</TIMEX3>. Prices are high
<TIMEX3 tid="t3" type="DATE" value="PRESENT_REF">now</TIMEX3>; the war started in
<TIMEX3 tid="t4" type="DATE" value="2011">2011</TIMEX3> and <TIMEX3 tid="t5" type="DATE"
value="2019-W09">the week before</TIMEX3> was calm for <TIMEX3 tid="t6" type="DURATION"
value="P3D">three days</TIMEX3>.</TEXT>
</TimeML>
"""


def test_run_tempeval_on_a_written_file(tmp_path: Path) -> None:
    (tmp_path / "one.tml").write_text(_TIMEML, encoding="utf-8")
    report = run_tempeval(tmp_path)
    assert report["files"] == 1
    assert report["date_timexes"] == 5          # the DCT and the DURATION are not scored
    assert report["comparable"] == 4            # PRESENT_REF is reported apart
    assert report["not_comparable"] == {"PRESENT_REF": 1}
    assert report["right"] == 3                 # "the week before" is not resolved: wrong
    assert report["accuracy"] == 0.75
    assert report["coverage"] == 0.75
    assert [e["text"] for e in report["errors"]] == ["the week before"]


def test_overnight_with_weekday_is_one_expression() -> None:
    _text, ctx = make_context("Gunmen killed nine herders overnight on Saturday near the river.", "Raid on a camp", published=WED)
    got = [(t.text, t.date_start, t.date_end) for t in find_time_expressions(ctx)]
    assert got == [("overnight on Saturday", "2019-03-02", "2019-03-03")]


LATE_MARCH = date(2019, 3, 20)

RANGE_CASES = [
    # (body, published, (span text, start, end, precision)): an explicit span of days
    ("Between 14 and 18 March, shelling killed six people in the district.", LATE_MARCH,
     ("Between 14 and 18 March", "2019-03-14", "2019-03-18", "days")),
    ("Gunmen raided three villages from 3 to 5 March, residents said.", LATE_MARCH,
     ("from 3 to 5 March", "2019-03-03", "2019-03-05", "days")),
    ("On 2 and 3 March, militants attacked two checkpoints on the highway.", LATE_MARCH,
     ("On 2 and 3 March", "2019-03-02", "2019-03-03", "days")),
    ("Clashes on 1-4 March displaced about 900 families.", LATE_MARCH,
     ("on 1-4 March", "2019-03-01", "2019-03-04", "days")),
    ("Fighting raged between March 1 and March 4 along the river.", LATE_MARCH,
     ("between March 1 and March 4", "2019-03-01", "2019-03-04", "days")),
    ("Troops held the bridge from 27 February to 2 March before pulling back.", LATE_MARCH,
     ("from 27 February to 2 March", "2019-02-27", "2019-03-02", "days")),
    ("Rebels shelled the port on 10 and 11 June 2017, the report said.", LATE_MARCH,
     ("on 10 and 11 June 2017", "2017-06-10", "2017-06-11", "days")),
]


@pytest.mark.parametrize(("body", "published", "expected"), RANGE_CASES)
def test_explicit_day_ranges_keep_both_ends(body: str, published: date,
                                            expected: tuple[str, str, str, str]) -> None:
    found = find_time_expressions(_ctx(body, published))
    assert [(t.text, t.date_start, t.date_end, t.precision) for t in found] == [expected]


NIGHT_CASES = [
    # (body, (span text, start, end)): a night named by its dates
    ("Overnight on 4 to 5 March, drones struck a fuel depot near the city.",
     ("Overnight on 4 to 5 March", "2019-03-04", "2019-03-05")),
    ("Rockets hit the border town overnight on 2 March, the army said.",
     ("overnight on 2 March", "2019-03-02", "2019-03-03")),
    ("Overnight from 1 to 2 March, militants burned a school.",
     ("Overnight from 1 to 2 March", "2019-03-01", "2019-03-02")),
]


@pytest.mark.parametrize(("body", "expected"), NIGHT_CASES)
def test_a_dated_night_is_one_expression(body: str, expected: tuple[str, str, str]) -> None:
    found = find_time_expressions(_ctx(body, LATE_MARCH))
    assert [(t.text, t.date_start, t.date_end) for t in found] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("between 14 and 18 March", ("2019-03-14", "2019-03-18", "days")),
    ("March 3 to 5", ("2019-03-03", "2019-03-05", "days")),
    ("28 December to 2 January", ("2018-12-28", "2019-01-02", "days")),
])
def test_resolve_day_ranges(text: str, expected: tuple[str, str, str]) -> None:
    got = resolve_expression(text, WED)
    assert got is not None
    assert (got[0].isoformat(), got[1].isoformat(), got[2]) == expected


def test_overnight_on_a_weekday_still_resolves() -> None:
    found = find_time_expressions(_ctx("Overnight on Friday, drones hit the capital.", WED))
    assert [(t.date_start, t.date_end) for t in found] == [("2019-03-01", "2019-03-02")]


FUTURE_IN_REPORT_CASES = [
    # (body, expected start of the weekday): told as lying ahead of the telling
    ("Opposition parties said they would hold a large march to the square on Saturday.", "2019-03-09"),
    ("The unions plan to strike at the port on Friday, organisers said.", "2019-03-08"),
    ("Talks between the two delegations are due to resume on Monday in Doha.", "2019-03-11"),
    ("Residents of the district are going to vote on Sunday.", "2019-03-10"),
    # past telling and past happenings stay behind the publication date
    ("Troops shelled the village on Saturday, officials said.", "2019-03-02"),
    ("The army said it had retaken the town on Sunday.", "2019-03-03"),
]


@pytest.mark.parametrize(("body", "start"), FUTURE_IN_REPORT_CASES)
def test_reported_plans_move_a_weekday_forward(body: str, start: str) -> None:
    found = find_time_expressions(_ctx(body, WED))
    assert [t.date_start for t in found] == [start]


def test_a_time_before_the_reported_clause_dates_the_telling() -> None:
    # "said in December he would ...": December is when it was said, in the past
    found = find_time_expressions(_ctx("The president said in December he would pull out all troops.", WED))
    assert [(t.date_start, t.precision) for t in found] == [("2018-12-01", "month")]


NIGHT_PHRASE_CASES = [
    # (body, expected (start, end)): the night before a morning paper = overnight
    ("Air defence units shot down six drones over the border towns during the night.",
     [("2019-03-05", "2019-03-06")]),
    ("In the night, mortar rounds landed near the airport, residents said.",
     [("2019-03-05", "2019-03-06")]),
    ("Shelling of the eastern districts went on through the night, officials said.",
     [("2019-03-05", "2019-03-06")]),
]


@pytest.mark.parametrize(("body", "expected"), NIGHT_PHRASE_CASES)
def test_the_night_is_overnight(body: str, expected: list[tuple[str, str]]) -> None:
    found = find_time_expressions(_ctx(body, WED))
    assert [(t.date_start, t.date_end) for t in found] == expected


BY_DAY_CASES = [
    # (body, expected start): what had happened by a day of the week is told of that day
    ("By Tuesday morning, about 200 families had reached the town.", ["2019-03-05"]),
    ("By Monday evening, rescuers had pulled 12 bodies from the rubble.", ["2019-03-04"]),
    ("Most residents had left the village by Sunday, officials said.", ["2019-03-03"]),
    # a deadline ahead stays open
    ("The committee is due to report by Friday.", []),
]


@pytest.mark.parametrize(("body", "expected"), BY_DAY_CASES)
def test_by_a_weekday_in_the_past(body: str, expected: list[str]) -> None:
    found = find_time_expressions(_ctx(body, WED))
    assert [t.date_start for t in found] == expected


DAYPART_OF_CASES = [
    # (body, expected (text, start, end)): a part of the day "of" a date is one expression
    ("In the border village, on the night of 4 October 2016, dozens of farmers were killed.",
     [("on the night of 4 October 2016", "2016-10-04", "2016-10-05")]),
    ("On the morning of February 27, militiamen burned the market.",
     [("On the morning of February 27", "2019-02-27", "2019-02-27")]),
    ("The convoy was ambushed on the evening of 2nd March 2017 near the bridge.",
     [("on the evening of 2nd March 2017", "2017-03-02", "2017-03-02")]),
]


@pytest.mark.parametrize(("body", "expected"), DAYPART_OF_CASES)
def test_a_part_of_the_day_of_a_date(body: str, expected: list[tuple[str, str, str]]) -> None:
    found = find_time_expressions(_ctx(body, WED))
    assert [(t.text, t.date_start, t.date_end) for t in found] == expected
