"""Time expressions: find them in the text and resolve them against the publication date.

Resolution is a cascade of rules over the normalised expression, most specific first:
relative days ("yesterday", "overnight"), weekdays, the weekend, calendar units
("last week", "earlier this month"), "N days ago", windows back from publication
("over the last 36 hours"), explicit dates ("3 March 2019", "March 3"), months
("in December"), years, seasons; dateparser reads what the rules do not (numeric dates),
always with ``RELATIVE_BASE`` so that it never falls back to today's date.

Conventions (news is written about the past):
- a bare weekday is the last such day on or before publication ("on Tuesday");
- a bare month is the most recent such month on or before publication ("in December");
- a day and month without a year is the nearest such date, a future one only when it is
  much closer than the past one (weights below), since reports also announce dates;
- "the weekend" is the last Saturday-Sunday that started before publication;
- "last week" is the previous ISO week; "the past week" is the seven days up to publication;
- a leading "since" makes a range from the anchor to publication; "for", "by", "until",
  "before", "after" make open or duration readings, which are not resolved.
Durations ("four years", "for days") and ages are not time references: they resolve to
None and ``find_time_expressions`` leaves them out.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Literal

from spacy.tokens import Span, Token

from eventwire.extractors.context import Context
from eventwire.extractors.numbers import parse_number
from eventwire.schema import DatePrecision, TimeExpression

Resolved = tuple[date, date, DatePrecision]
Prefer = Literal["past", "future"] | None

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {name: i for i, name in enumerate(calendar.month_name) if name} | {
    name: i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS = {k.lower(): v for k, v in _MONTHS.items()} | {"sept": 9}
_MONTH_RE = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY_RE = r"(?:" + "|".join(_WEEKDAYS) + r")"
_DAYPART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_NUM = r"(?:\d+|[a-z]+(?:[ -][a-z]+)?)"  # digits or number words, checked by parse_number
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

# Leading words: kept in the span, and they change the reading.
_LEADS = ("on", "in", "at", "over", "during", "since", "from", "between", "by", "until", "till", "before", "after",
          "for", "within", "throughout", "through", "as of", "of", "as early as", "as late as")
_OPEN_LEADS = {"by", "until", "till", "before", "after", "for", "as of", "as early as", "as late as"}
# A future date is chosen over the past one only when it is this many times closer.
_FUTURE_WEIGHT = 2.0


def _shift_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _month_span(year: int, month: int) -> Resolved:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month"


def _year_span(year: int) -> Resolved:
    return date(year, 1, 1), date(year, 12, 31), "year"


def _week_span(monday: date) -> Resolved:
    return monday, monday + timedelta(days=6), "week"


def _day(d: date) -> Resolved:
    return d, d, "day"


def _normalise(text: str) -> str:
    s = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"'s$", "", s.strip())
    s = re.sub(r"\s+", " ", s)
    return s.strip(" .,;:!?\"'()")


def _split_lead(s: str) -> tuple[str, str]:
    for lead in sorted(_LEADS, key=len, reverse=True):
        if s.startswith(lead + " "):
            return lead, s[len(lead) + 1:]
    return "", s


# ---------------------------------------------------------------- rules needing `published`

def _weekday(core: str, pub: date, prefer: Prefer) -> Resolved | None:
    m = re.fullmatch(rf"(?:(last|this|next|past|early|late|on)\s+)?({_WEEKDAY_RE}){_DAYPART}", core)
    if not m:
        return None
    target = _WEEKDAYS.index(m.group(2))
    back = (pub.weekday() - target) % 7
    forward = (target - pub.weekday()) % 7
    mod = m.group(1)
    if mod == "next" or (prefer == "future" and mod != "last"):
        return _day(pub + timedelta(days=forward or 7))
    if mod == "last":
        return _day(pub - timedelta(days=back or 7))
    return _day(pub - timedelta(days=back))


def _overnight_weekday(core: str, pub: date, prefer: Prefer) -> Resolved | None:
    """'overnight on Friday', 'overnight Friday': the night runs from that day into the next."""
    m = re.fullmatch(rf"overnight\s+(?:on\s+|from\s+)?({_WEEKDAY_RE})(?:\s+(?:to|into)\s+{_WEEKDAY_RE})?", core)
    if not m:
        return None
    day = _weekday(m.group(1), pub, prefer)
    if day is None:
        return None
    return day[0], day[0] + timedelta(days=1), "days"


def _weekend(core: str, pub: date) -> Resolved | None:
    m = re.fullmatch(r"(?:(the|this|last|past|next)\s+)?weekend", core)
    if not m:
        return None
    # the last Saturday strictly before publication (a Sunday paper's weekend is its own)
    sat = pub - timedelta(days=(pub.weekday() - 5) % 7 or 7)
    if m.group(1) == "next":
        sat = pub + timedelta(days=(5 - pub.weekday()) % 7 or 7)
    return sat, sat + timedelta(days=1), "days"


def _unit(core: str, pub: date) -> Resolved | None:
    # "early this year", "the end of last month": the unit itself, not narrowed
    core = re.sub(r"^(?:early|mid|late|the end of|the beginning of|the start of|the middle of)[\s-]+", "", core)
    if re.fullmatch(r"the\s+(?:year|month|week)", core):
        core = "this " + core.split()[-1]
    m = re.fullmatch(r"(this|last|next|earlier this|later this|the previous|the coming)\s+"
                     r"(?:fiscal\s+|calendar\s+)?(week|month|year)", core)
    if not m:
        return None
    mod, unit = m.group(1), m.group(2)
    step = {"this": 0, "earlier this": 0, "later this": 0, "last": -1, "the previous": -1,
            "next": 1, "the coming": 1}[mod]
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
        span = _week_span(monday)
    elif unit == "month":
        first = _shift_months(pub.replace(day=1), step)
        span = _month_span(first.year, first.month)
    else:
        span = _year_span(pub.year + step)
    if mod == "earlier this":
        return span[0], pub, span[2]
    if mod == "later this":
        return pub, span[1], span[2]
    return span


def _ago(core: str, pub: date) -> Resolved | None:
    m = re.fullmatch(rf"({_NUM}|a|an|a few|several)\s+(day|week|month|year|decade)s?\s+ago", core)
    if not m:
        return None
    n = {"a": 1, "an": 1, "a few": 3, "several": 3}.get(m.group(1)) or parse_number(m.group(1))
    if n is None:
        return None
    unit = m.group(2)
    if unit == "day":
        return _day(pub - timedelta(days=n))
    if unit == "week":
        d = pub - timedelta(weeks=n)
        return _week_span(d - timedelta(days=d.weekday()))
    if unit == "month":
        d = _shift_months(pub, -n)
        return _month_span(d.year, d.month)
    return _year_span(pub.year - n * (10 if unit == "decade" else 1))


def _window(core: str, pub: date) -> Resolved | None:
    """'the last 36 hours', 'the past two weeks', 'recent days', 'the next three months'."""
    m = re.fullmatch(rf"(?:the\s+)?(last|past|previous|recent|coming|next)\s+(?:({_NUM}|few|several|couple of)\s+)?"
                     r"(hour|day|week|month|year)s?", core)
    if not m:
        return None
    word, count = m.group(1), m.group(2)
    if count is None:
        # "in recent days": a week back; "the past week": the unit once
        n = {"hour": 24, "day": 7, "week": 4, "month": 3, "year": 1}[m.group(3)] if word == "recent" else 1
        if word in ("last", "next") and not core.startswith("the"):
            return None  # "last week", "next month" are calendar units
    else:
        parsed = {"few": 3, "several": 3, "couple of": 2}.get(count) or parse_number(count)
        if parsed is None:
            return None
        n = parsed
    unit = m.group(3)
    future = word in ("coming", "next")
    if unit == "hour":
        delta, precision = timedelta(days=math.ceil(n / 24)), "days"
    elif unit in ("day", "week"):
        delta, precision = timedelta(days=n * (7 if unit == "week" else 1)), "days"
    else:
        months = n * (12 if unit == "year" else 1)
        other = _shift_months(pub, months if future else -months)
        delta = abs(other - pub)
        precision = "month" if unit == "month" else "year"
    if future:
        return pub, pub + delta, precision  # type: ignore[return-value]
    return pub - delta, pub, precision  # type: ignore[return-value]


def _pick_year(month: int, day: int | None, pub: date, prefer: Prefer, mod: str | None) -> int:
    """The year of a month (or day and month) written without one."""
    ref = (pub.month, pub.day if day is not None else 0)
    key = (month, day or 0)
    if mod in ("last", "past", "previous"):
        return pub.year if key < ref else pub.year - 1
    if mod in ("next", "coming") or prefer == "future":
        return pub.year if key > ref else pub.year + 1
    if mod == "this":
        return pub.year
    past_year = pub.year if key <= ref else pub.year - 1
    if prefer == "past" or day is None:
        return past_year
    # a full date: the nearest, a future one only when clearly nearer
    try:
        past = date(past_year, month, day)
        future = date(past_year + 1, month, day)
    except ValueError:
        return past_year
    return past_year + 1 if (future - pub).days * _FUTURE_WEIGHT < (pub - past).days else past_year


def _relative_day(core: str, pub: date) -> Resolved | None:
    if re.fullmatch(rf"(?:earlier\s+|later\s+)?today|tonight|this{_DAYPART}|earlier today", core):
        return _day(pub)
    if re.fullmatch(rf"(?:yesterday|last night){_DAYPART}", core):
        return _day(pub - timedelta(days=1))
    if re.fullmatch(r"(?:the\s+)?day before yesterday", core):
        return _day(pub - timedelta(days=2))
    if re.fullmatch(rf"tomorrow{_DAYPART}", core):
        return _day(pub + timedelta(days=1))
    if re.fullmatch(r"overnight|(?:during |through )?the night|last night and (?:this|early) morning", core):
        return pub - timedelta(days=1), pub, "days"
    return None


# ---------------------------------------------------------------- rules on the text alone

def _explicit(core: str, pub: date | None, prefer: Prefer) -> Resolved | None:
    """ISO dates, day-month(-year), month-day(-year), month-year, months, years, decades."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", core)
    if m:
        return _safe_day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r"(\d{4})-(\d{2})", core)
    if m and 1 <= int(m.group(2)) <= 12:
        return _month_span(int(m.group(1)), int(m.group(2)))
    core = re.sub(rf"^{_WEEKDAY_RE},?\s+(?:the\s+)?", "", core)  # "Tuesday, March 5"
    day_month = (rf"(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})"
                 rf"|({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?)(?:,?\s+(\d{{4}}))?")
    m = re.fullmatch(day_month, core)
    if m:
        day = int(m.group(1) or m.group(4))
        month = _MONTHS[(m.group(2) or m.group(3)).rstrip(".")]
        if m.group(5):
            return _safe_day(int(m.group(5)), month, day)
        if pub is None:
            return None
        return _safe_day(_pick_year(month, day, pub, prefer, None), month, day)
    m = re.fullmatch(rf"(?:(?:early|mid|late|the end of|the beginning of|the start of|the middle of)[\s-]+)?"
                     rf"(?:(last|this|next|past)\s+)?({_MONTH_RE})(?:,?\s+(?:of\s+)?(\d{{4}}))?", core)
    if m:
        month = _MONTHS[m.group(2).rstrip(".")]
        if m.group(3):
            return _month_span(int(m.group(3)), month)
        if pub is None:
            return None
        return _month_span(_pick_year(month, None, pub, prefer, m.group(1)), month)
    m = re.fullmatch(r"(?:(?:early|mid|late|the end of|the beginning of|the start of|the middle of)[\s-]+)?"
                     r"(?:the\s+year\s+)?(\d{4})", core)
    if m and 1000 <= int(m.group(1)) <= 2999:
        return _year_span(int(m.group(1)))
    m = re.fullmatch(r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(\d{3})0'?s", core)
    if m:
        decade = int(m.group(1)) * 10
        return date(decade, 1, 1), date(decade + 9, 12, 31), "year"
    return None


def _season(core: str, pub: date | None) -> Resolved | None:
    m = re.fullmatch(r"(?:(last|this|next|past)\s+)?(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(\d{4}))?",
                     core)
    if not m:
        return None
    first = _SEASONS[m.group(2)]
    if m.group(3):
        year = int(m.group(3))
    elif pub is None:
        return None
    else:
        # the most recent season that has started by publication
        year = pub.year if (pub.month, pub.day) >= (first, 1) else pub.year - 1
        if m.group(1) in ("last", "past"):
            year -= 1 if (pub.month - first) % 12 < 3 else 0
        elif m.group(1) == "next":
            year += 1
    start = date(year, first, 1)
    end = _shift_months(start, 3) - timedelta(days=1)
    return start, end, "month"


def _safe_day(year: int, month: int, day: int) -> Resolved | None:
    try:
        return _day(date(year, month, day))
    except ValueError:
        return None


def _dateparser(core: str, pub: date) -> Resolved | None:
    """Numeric dates and other explicit forms the rules do not read."""
    if not re.search(rf"\d{{1,4}}[/.]\d{{1,2}}[/.]\d{{2,4}}|\b{_MONTH_RE}(?![a-z])", core):
        return None  # never hand durations or bare numbers to dateparser
    import dateparser  # slow import, only when a rule above could not read the text

    settings = {"RELATIVE_BASE": datetime(pub.year, pub.month, pub.day), "PREFER_DATES_FROM": "past",
                "RETURN_TIME_AS_PERIOD": False, "DATE_ORDER": "DMY"}
    parser = dateparser.date.DateDataParser(languages=["en"], settings=settings)
    data = parser.get_date_data(core)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    if data.period == "month":
        return _month_span(d.year, d.month)
    if data.period == "year":
        return _year_span(d.year)
    if data.period == "week":
        return _week_span(d - timedelta(days=d.weekday()))
    return _day(d)


_RelRule = Callable[[str, date], Resolved | None]
_RELATIVE_RULES: tuple[_RelRule, ...] = (_relative_day, _weekend, _unit, _ago, _window)


def resolve_expression(text: str, published: date | None, *, prefer: Prefer = None) -> Resolved | None:
    """(start, end, precision) of a time expression, or None when it is no point in time.

    ``published`` anchors every relative expression; with None only expressions that
    name their own year ("3 March 2019", "in 2014") resolve. Today's date is never used.
    ``prefer`` ("past"/"future") comes from the tense around the expression, when known.

    >>> resolve_expression("on Tuesday", date(2019, 3, 6))
    (datetime.date(2019, 3, 5), datetime.date(2019, 3, 5), 'day')
    """
    s = _normalise(text)
    lead, core = _split_lead(s)
    if lead == "by" and prefer == "past" and published is not None \
            and re.fullmatch(rf"{_WEEKDAY_RE}{_DAYPART}", core):
        # "By Tuesday morning, 200 families had reached Mora": what had happened by a
        # day of the story's week is told of that day (TimeML marks the weekday alone);
        # "due by Friday" lies ahead and stays open
        return _weekday(core, published, prefer)
    if lead in _OPEN_LEADS or not core:
        return None
    if lead == "since":
        prefer = "past"
    found = _resolve_core(core, published, prefer)
    if found is None:
        return None
    if lead == "since":
        if published is None or found[0] > published:
            return None
        precision: DatePrecision = "days" if found[2] in ("day", "days", "week") else found[2]
        return found[0], published, precision
    return found


_ORD = r"(?:st|nd|rd|th)?"
# "14 and 18 march", "3 to 9 march 2024", "10-12 march", "17 to 18 march", "march 14 and 18",
# "march 3 to 9", "14 march and 18 march", "march 14 to march 18", "28 february to 3 march"
_RANGE_SEP = r"\s*(?:-|to|and|until|till|through|into)\s*"
_DAY_RANGE = re.compile(
    rf"(?:(?:the\s+)?night\s+of\s+|overnight\s+(?:on\s+|from\s+|of\s+)?)?"
    rf"(?:(\d{{1,2}}){_ORD}(?:\s+(?:of\s+)?({_MONTH_RE}))?{_RANGE_SEP}(?:the\s+)?(\d{{1,2}}){_ORD}\s+(?:of\s+)?({_MONTH_RE})"
    rf"|({_MONTH_RE})\s+(\d{{1,2}}){_ORD}{_RANGE_SEP}(?:({_MONTH_RE})\s+)?(\d{{1,2}}){_ORD})"
    r"(?:,?\s+(\d{4}))?")


def _day_range(core: str, pub: date | None, prefer: Prefer) -> Resolved | None:
    """An explicit span of days: 'between 14 and 18 March', 'from 3 to 9 March',
    'on 12 and 13 March', '10-12 March', 'March 3 to 9', 'overnight on 17 to 18 March'.
    Both days are read with the month named last (or first) unless each has its own."""
    m = _DAY_RANGE.fullmatch(core)
    if not m:
        return None
    if m.group(1):
        d1, d2 = int(m.group(1)), int(m.group(3))
        m2 = _MONTHS[m.group(4).rstrip(".")]
        m1 = _MONTHS[m.group(2).rstrip(".")] if m.group(2) else m2
    else:
        d1, d2 = int(m.group(6)), int(m.group(8))
        m1 = _MONTHS[m.group(5).rstrip(".")]
        m2 = _MONTHS[m.group(7).rstrip(".")] if m.group(7) else m1
    if m.group(9):
        y2 = int(m.group(9))
    elif pub is None:
        return None
    else:
        y2 = _pick_year(m2, d2, pub, prefer, None)
    y1 = y2 - 1 if (m1, d1) > (m2, d2) else y2  # "28 December to 3 January"
    try:
        first, last = date(y1, m1, d1), date(y2, m2, d2)
    except ValueError:
        return None
    if last < first or (last - first).days > 62:
        return None
    return first, last, ("day" if first == last else "days")


def _resolve_core(core: str, pub: date | None, prefer: Prefer) -> Resolved | None:
    found = _day_range(core, pub, prefer)
    if found is not None:
        return found
    night = re.fullmatch(r"(?:overnight|(?:the\s+)?night)\s+(?:on|of|from)\s+(.+)", core)
    if night:
        # "overnight on 17 March": the night runs from that day into the next
        day = _explicit(night.group(1), pub, prefer)
        if day is not None and day[2] == "day":
            return day[0], day[0] + timedelta(days=1), "days"
    found = _explicit(core, pub, prefer)
    if found is None:
        found = _season(core, pub)
    if found is not None or pub is None:
        return found
    found = _weekday(core, pub, prefer)
    if found is not None:
        return found
    found = _overnight_weekday(core, pub, prefer)
    if found is not None:
        return found
    for rule in _RELATIVE_RULES:
        found = rule(core, pub)
        if found is not None:
            return found
    return _dateparser(core, pub)


# ---------------------------------------------------------------- finding expressions

# Phrases spaCy's DATE/TIME entities often miss or cut short.
_EXTRA = re.compile(
    rf"\b(?:(?:over|at|during)\s+the\s+weekend|overnight(?:\s+(?:on\s+|from\s+)?{_WEEKDAY_RE}"
    rf"(?:\s+(?:to|into)\s+{_WEEKDAY_RE})?)?|yesterday{_DAYPART}|last night|today|tonight"
    rf"|(?:since|on|last|next|by)\s+{_WEEKDAY_RE}{_DAYPART}|(?:during|through|in)\s+the\s+night"
    r"|earlier\s+this\s+(?:week|month|year)|in\s+recent\s+(?:days|weeks|months)"
    r"|(?:over|in|during|within)\s+the\s+(?:last|past)\s+\w+(?:\s+\w+)?\s+(?:hours|days|weeks|months|years))\b",
    re.IGNORECASE)
# A span of days spaCy often leaves out ("between 8 and 12 May", "May 3-5"); "may" followed
# by a verb is the modal ("between 8 and 12 may have died")
_RANGE_TEXT = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?(?:\s+{_MONTH_RE})?\s*(?:-|to|and|until|through)\s*\d{{1,2}}(?:st|nd|rd|th)?"
    rf"\s+{_MONTH_RE}|{_MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*(?:-|to|and|through)\s*(?:{_MONTH_RE}\s+)?"
    rf"\d{{1,2}}(?:st|nd|rd|th)?)(?:,?\s+\d{{4}})?(?!\w)(?!\s+(?:have|has|be|not|also|still|never|well)\b)",
    re.IGNORECASE)
# "on the night of 9 November 2020", "the morning of March 4": spaCy splits the part of the
# day from the date (often tagging the date an EVENT), so the pair is found here as one span.
_DAYPART_OF = re.compile(
    rf"\b(?:the\s+)?(?:night|morning|afternoon|evening)\s+of\s+"
    rf"(?:\d{{1,2}}{_ORD}(?:{_RANGE_SEP}\d{{1,2}}{_ORD})?\s+(?:of\s+)?{_MONTH_RE}|{_MONTH_RE}\s+\d{{1,2}}{_ORD})"
    r"(?:,?\s+\d{4})?(?!\w)",
    re.IGNORECASE)
_AGE = re.compile(r"\d+[\s-]*(?:years?|months?)[\s-]*old|\baged?\b|year-old", re.IGNORECASE)
_FUTURE_AUX = {"will", "shall", "'ll"}


def _lead_start(text: str, start: int) -> int:
    """Move ``start`` left over a preposition that belongs to the expression."""
    before = text[max(0, start - 25):start].lower()
    for lead in sorted(_LEADS, key=len, reverse=True):
        if before.endswith(lead + " "):
            cut = start - len(lead) - 1
            if cut == 0 or not text[cut - 1].isalnum():
                return cut
    return start


def _tense(span: Span) -> Prefer:
    """Past or future from the verb the expression hangs on, when the parse says so."""
    tok = span.root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in tok.children) or tok.lower_ in _FUTURE_AUX:
        return "future"
    if span.start > tok.i and _future_in_report(tok):
        # after its verb: "said in December he would pull out" dates the saying
        return "future"
    if tok.tag_ in ("VBD", "VBN"):
        return "past"
    return None


# verbs whose infinitive complement lies ahead: "plan to march on Friday"
_INTENT_VERBS = frozenset({"plan", "intend", "aim", "schedule", "expect", "vow", "pledge", "promise",
                           "prepare", "hope", "threaten"})


def _future_in_report(verb: Token) -> bool:
    """'said they would march on Saturday', 'plan to rally on Friday', 'are due to meet
    on Monday': a clause told as lying ahead of when it was told. A bare 'would'
    ('they would often attack on Fridays') counts only under a reporting verb in the past."""
    head = verb.head
    if verb.dep_ == "xcomp" and head.i != verb.i:
        lemma = head.lemma_.lower()
        if lemma in _INTENT_VERBS or (lemma == "be" and any(c.lower_ == "due" for c in head.children)) \
                or (head.lower_ == "due" and head.dep_ == "acomp"):
            return True
        if lemma == "go" and head.tag_ == "VBG" and any(c.dep_ == "aux" for c in head.children):
            return True  # "are going to vote on Sunday"
    if verb.dep_ == "ccomp" and head.tag_ == "VBD":
        return any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in verb.children)
    return False


def _candidates(ctx: Context) -> list[tuple[int, int]]:
    spans = [(e.start_char, e.end_char) for e in ctx.doc.ents if e.label_ in ("DATE", "TIME")]
    spans += [(m.start(), m.end()) for m in _EXTRA.finditer(ctx.text)]
    spans += [(m.start(), m.end()) for m in _RANGE_TEXT.finditer(ctx.text)]
    spans += [(m.start(), m.end()) for m in _DAYPART_OF.finditer(ctx.text)]
    spans = [(_lead_start(ctx.text, s), e) for s, e in spans]
    # keep the longest of overlapping spans
    spans.sort(key=lambda se: (se[0], -(se[1] - se[0])))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and ctx.text[out[-1][0]:out[-1][1]].lower() == "overnight" \
                and not ctx.text[out[-1][1]:s].strip() \
                and ctx.text[s:s + 5].lower().split(" ")[0] in ("on", "from", "of"):
            # "overnight on 17 to 18 March": one expression, the night of that date
            out[-1] = (out[-1][0], e)
            continue
        if out and s < out[-1][1]:
            if e - s > out[-1][1] - out[-1][0]:
                out[-1] = (s, e)
            continue
        out.append((s, e))
    return out


def find_time_expressions(ctx: Context) -> list[TimeExpression]:
    """Every time reference in the text, resolved against ``ctx.published``.

    Durations and ages are left out. Without a publication date, expressions that name
    their own year still resolve; relative ones are kept with precision "unknown".
    """
    out: list[TimeExpression] = []
    probe_a, probe_b = date(2001, 6, 15), date(2011, 11, 9)  # only to tell references from durations
    for start, end in _candidates(ctx):
        raw = ctx.text[start:end]
        text = raw.rstrip(" .,;:")
        text = re.sub(r"['\u2019]s$", "", text)
        end = start + len(text)
        following = ctx.text[end:end + 12]
        if _AGE.search(text) or re.match(r"[\s-]*old\b", following):
            continue
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        prefer = _tense(span) if span is not None else None
        if ctx.published is not None:
            found = resolve_expression(text, ctx.published, prefer=prefer)
            if found is None:
                continue
            out.append(TimeExpression(text=text, start=start, end=end, date_start=found[0].isoformat(),
                                      date_end=found[1].isoformat(), precision=found[2]))
            continue
        a = resolve_expression(text, probe_a, prefer=prefer)
        b = resolve_expression(text, probe_b, prefer=prefer)
        if a is None or b is None:
            continue
        if a == b:  # names its own date: no publication date needed
            out.append(TimeExpression(text=text, start=start, end=end, date_start=a[0].isoformat(),
                                      date_end=a[1].isoformat(), precision=a[2]))
        else:
            out.append(TimeExpression(text=text, start=start, end=end, date_start=None, date_end=None,
                                      precision="unknown"))
    return out
