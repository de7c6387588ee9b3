"""Properties of the date resolver that hold for any text and any anchor (Hypothesis)."""

from __future__ import annotations

import datetime as dt

from hijridate import Hijri
from hypothesis import example, given, settings
from hypothesis import strategies as st

from syrdiplo._calendar import HIJRI_FIRST_YEAR, HIJRI_LAST_YEAR, hijri_to_gregorian, to_hijri
from syrdiplo.dates import resolve

ANCHORS = st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2098, 12, 31))

# Arabic letters, marks, digits of three scripts, punctuation and spaces: the raw
# material of scraped news pages, in any order.
ALPHABET = st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة")
    + list("ًٌٍَُِّْـ")
    + list("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")
    + list(' \n\t.,،؛:؟/-()«»"•')
    + ["أمس", "اليوم", "تموز", "الماضي", "الجمعة", "عام", "من", "و", "قبل", "هـ", "م", "ص"]
)
TEXTS = st.lists(ALPHABET, max_size=60).map("".join)

# Words that never make or change a date expression next to them.
FILLER = st.lists(
    st.sampled_from(
        [
            "قال",
            "الوزير",
            "إن",
            "الحوار",
            "مستمر",
            "سوريا",
            "موسكو",
            "واشنطن",
            "بين",
            "البلدين",
            "وأكد",
            "المتحدث",
            "الروسي",
            "الأمريكي",
            "أن",
            "الاتصالات",
            "جيدة",
            "،",
            ".",
        ]
    ),
    max_size=12,
)

MONTHS = {
    1: "كانون الثاني",
    2: "شباط",
    3: "آذار",
    4: "نيسان",
    5: "أيار",
    6: "حزيران",
    7: "تموز",
    8: "آب",
    9: "أيلول",
    10: "تشرين الأول",
    11: "تشرين الثاني",
    12: "كانون الأول",
}
WEEKDAYS = {
    1: "الاثنين",
    2: "الثلاثاء",
    3: "الأربعاء",
    4: "الخميس",
    5: "الجمعة",
    6: "السبت",
    7: "الأحد",
}

# Expressions that need a publication date, and ones that do not.
RELATIVE = [
    "أمس",
    "اليوم",
    "الأسبوع الماضي",
    "تموز الماضي",
    "16 من حزيران الماضي",
    "قبل يومين",
    "الجمعة",
    "العام المقبل",
    "أول أمس",
]
ABSOLUTE = [
    "عام 2015",
    "2024/11/13",
    "أيلول 2015",
    "الثلاثاء 12 من تشرين الثاني 2024",
    "14 رمضان 1445 هـ",
    "منتصف عام 2017",
]


def _months_back(anchor: dt.date, year: int, month: int) -> int:
    return (anchor.year - year) * 12 + anchor.month - month


@settings(max_examples=200, deadline=None)
@given(text=TEXTS, anchor=st.one_of(st.none(), ANCHORS))
def test_never_raises_and_spans_are_inside(text: str, anchor: dt.date | None) -> None:
    for timex in resolve(text, anchor):
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text


@settings(max_examples=100, deadline=None)
@given(anchor=ANCHORS)
def test_yesterday_and_today(anchor: dt.date) -> None:
    found = {t.text: t.value for t in resolve("قال أمس إن الوضع اليوم مستقر", anchor)}
    assert found == {
        "أمس": (anchor - dt.timedelta(days=1)).isoformat(),
        "اليوم": anchor.isoformat(),
    }


@settings(max_examples=100, deadline=None)
@given(anchor=ANCHORS, month=st.integers(1, 12))
def test_month_last_and_next(anchor: dt.date, month: int) -> None:
    (last,) = resolve(f"في {MONTHS[month]} الماضي", anchor)
    year, got = map(int, last.value.split("-"))
    assert got == month
    assert 1 <= _months_back(anchor, year, got) <= 12
    (following,) = resolve(f"في {MONTHS[month]} المقبل", anchor)
    year, got = map(int, following.value.split("-"))
    assert got == month
    assert -12 <= _months_back(anchor, year, got) <= -1


@settings(max_examples=100, deadline=None)
@given(anchor=ANCHORS)
@example(anchor=dt.date(2000, 7, 31))  # a year back crosses 29 February: 366 days
def test_last_july_is_a_july_within_a_year(anchor: dt.date) -> None:
    (timex,) = resolve("في تموز الماضي", anchor)
    year, month = map(int, timex.value.split("-"))
    assert month == 7
    assert dt.date(year, 7, 1) < anchor.replace(day=1)
    # at most a year after the end of that July (366 days across a 29 February)
    assert anchor - dt.date(year, 7, 31) <= dt.timedelta(days=366)
    if anchor.month <= 7:
        assert year == anchor.year - 1
    else:
        assert year == anchor.year


@settings(max_examples=100, deadline=None)
@given(anchor=ANCHORS, weekday=st.integers(1, 7))
def test_bare_weekday_is_the_last_such_day(anchor: dt.date, weekday: int) -> None:
    (timex,) = resolve(f"وأعلنت الوزارة {WEEKDAYS[weekday]} أن", anchor)
    day = dt.date.fromisoformat(timex.value)
    assert day.isoweekday() == weekday
    assert dt.timedelta(0) <= anchor - day < dt.timedelta(days=7)


@settings(max_examples=100, deadline=None)
@given(anchor=ANCHORS, day=st.integers(1, 28), month=st.integers(1, 12))
def test_day_and_month_land_near_the_anchor(anchor: dt.date, day: int, month: int) -> None:
    """In a past-tense sentence the day ahead wins only when it is 120 days nearer."""
    (timex,) = resolve(f"عقد الاجتماع في {day} {MONTHS[month]}", anchor)
    date = dt.date.fromisoformat(timex.value)
    assert (date.month, date.day) == (month, day)
    assert -243 <= (date - anchor).days <= 123
    (ahead,) = resolve(f"سيعقد الاجتماع في {day} {MONTHS[month]}", anchor)
    date = dt.date.fromisoformat(ahead.value)
    assert (date.month, date.day) == (month, day)
    assert 0 <= (date - anchor).days <= 366


@settings(max_examples=150, deadline=None)
@given(
    before=FILLER,
    after=FILLER,
    expression=st.sampled_from(RELATIVE + ABSOLUTE),
    anchor=st.one_of(st.none(), ANCHORS),
)
def test_an_inserted_expression_is_found_where_it_was_put(
    before: list[str], after: list[str], expression: str, anchor: dt.date | None
) -> None:
    head = " ".join(before)
    text = f"{head} {expression} {' '.join(after)}" if head else f"{expression} {' '.join(after)}"
    offset = len(head) + 1 if head else 0
    found = [t for t in resolve(text, anchor) if t.start == offset]
    assert [t.text for t in found] == [expression]


@settings(max_examples=100, deadline=None)
@given(before=FILLER, expression=st.sampled_from(RELATIVE))
def test_no_anchor_no_relative_value(before: list[str], expression: str) -> None:
    text = " ".join([*before, expression])
    found = resolve(text, None)
    assert found
    assert all(t.value is None for t in found)
    assert all(t.anchor is None for t in found)


@settings(max_examples=100, deadline=None)
@given(expression=st.sampled_from(ABSOLUTE), anchor=st.one_of(st.none(), ANCHORS))
def test_absolute_values_do_not_depend_on_the_anchor(
    expression: str, anchor: dt.date | None
) -> None:
    assert [t.value for t in resolve(expression, anchor)] == [t.value for t in resolve(expression)]
    assert resolve(expression)[0].value is not None


@settings(max_examples=200, deadline=None)
@given(
    year=st.integers(HIJRI_FIRST_YEAR, HIJRI_LAST_YEAR),
    month=st.integers(1, 12),
    day=st.integers(1, 30),
)
def test_hijri_round_trip(year: int, month: int, day: int) -> None:
    if day > Hijri(year, month, 1).month_length():
        assert hijri_to_gregorian(year, month, day) is None
        return
    gregorian = hijri_to_gregorian(year, month, day)
    assert gregorian is not None
    assert to_hijri(gregorian) == (year, month, day)


EVERYTHING = (
    "قال أمس وغدا وبعد غد والجمعة المقبل والأسبوع المقبل والشهر الماضي والعام المقبل "
    "وقبل 3 سنوات و5 تموز وتموز الماضي وآب المقبل ومنتصف العام وفي 12 الجاري "
    "يومي السبت والأحد وفي 30 كانون الأول وبعد يومين سيعقد"
)


@settings(max_examples=100, deadline=None)
@given(anchor=st.dates())
def test_any_anchor_at_all(anchor: dt.date) -> None:
    """Anchors at the ends of the calendar give no value rather than an error."""
    for timex in resolve(EVERYTHING, anchor):
        assert EVERYTHING[timex.start : timex.end] == timex.text
        assert timex.value is None or timex.value[:4].isdigit()
