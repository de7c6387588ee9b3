"""Shared Hypothesis strategies for model objects and Arabic-ish text."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

import syrdiplo

ARABIC_WORDS = [
    "قال",
    "لافروف",
    "أمس",
    "إن",
    "موسكو",
    "وواشنطن",
    "تجريان",
    "حوارا",
    "بشأن",
    "سوريا",
    "الجمعة",
    "تموز",
    "الماضي",
    "جندي",
    "أمريكي",
    "نحو",
    "900",
    "٢٠٢١",
    "منع",
    "الاصطدام",
    "،",
    ".",
    "\n",
    "«",
    "»",
    "“",
    "”",
    "ـ",
    "َ",
    "\u200f",
    "اتصال",
    "هاتفي",
    "بنظيره",
    "الأمريكي",
    "في",
    "جنيف",
]

#: Text made of real words, punctuation, marks and noise, in any order.
arabic_text = st.lists(
    st.one_of(
        st.sampled_from(ARABIC_WORDS), st.text(st.characters(exclude_characters="\x00"), max_size=4)
    ),
    max_size=40,
).map(" ".join)

dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))
countries = st.sampled_from(["RU", "US", "SY", "TR", "IR", None])
short = st.text(min_size=1, max_size=12)


ROLES = st.one_of(st.none(), st.sampled_from(["trigger", "date"]))


@st.composite
def spans(draw, role=ROLES):
    start = draw(st.integers(0, 500))
    end = draw(st.integers(start, start + 50))
    return syrdiplo.Span(start=start, end=end, text=draw(st.text(max_size=8)), role=draw(role))


@st.composite
def actors(draw):
    start = draw(st.one_of(st.none(), st.integers(0, 500)))
    return syrdiplo.Actor(
        name=draw(short),
        canonical=draw(st.one_of(st.none(), short)),
        country=draw(countries),
        type=draw(st.sampled_from(list(syrdiplo.ActorType))),
        role=draw(st.one_of(st.none(), st.sampled_from(["president", "envoy"]))),
        start=start,
        end=None if start is None else start + draw(st.integers(0, 20)),
    )


timex_values = st.one_of(
    st.none(),
    dates.map(lambda d: d.isoformat()),
    dates.map(lambda d: d.strftime("%Y-%m")),
    dates.map(lambda d: f"{d.isocalendar()[0]}-W{d.isocalendar()[1]:02d}"),
    st.tuples(dates, dates).map(lambda p: f"{min(p).isoformat()}/{max(p).isoformat()}"),
)


@st.composite
def timexes(draw):
    start = draw(st.integers(0, 500))
    return syrdiplo.Timex(
        start=start,
        end=start + draw(st.integers(0, 30)),
        text=draw(short),
        value=draw(timex_values),
        precision=draw(st.sampled_from(list(syrdiplo.Precision))),
        modifier=draw(st.one_of(st.none(), st.sampled_from(list(syrdiplo.Modifier)))),
        anchor=draw(st.sampled_from([None, "published", "absolute"])),
        flags=draw(st.lists(st.sampled_from(["hijri", "weekday-mismatch"]), max_size=2)),
    )


@st.composite
def claims(draw):
    return syrdiplo.Claim(
        speaker=draw(actors()),
        cue=draw(spans()),
        content=draw(st.one_of(st.none(), spans())),
        source_chain=draw(st.lists(actors(), max_size=2)),
        date=draw(st.one_of(st.none(), dates.map(lambda d: d.isoformat()))),
    )


def _common(draw):
    return {
        "evidence": draw(st.lists(spans(), max_size=3)),
        "claim": draw(st.one_of(st.none(), claims())),
        "extractor": draw(st.one_of(st.none(), st.sampled_from(["meetings", "troops"]))),
    }


@st.composite
def events(draw):
    kind = draw(st.sampled_from(["meeting", "troop_count", "deconfliction"]))
    common = _common(draw)
    if kind == "meeting":
        return syrdiplo.Meeting(
            kind=draw(st.sampled_from(list(syrdiplo.MeetingKind))),
            status=draw(st.sampled_from(list(syrdiplo.MeetingStatus))),
            date=draw(timex_values),
            participants=draw(st.lists(actors(), max_size=3)),
            location=draw(st.one_of(st.none(), st.sampled_from(["Geneva", "Astana"]))),
            **common,
        )
    if kind == "troop_count":
        return syrdiplo.TroopCount(
            country=draw(countries),
            count=draw(st.integers(1, 10**6)),
            approximate=draw(st.booleans()),
            bound=draw(st.sampled_from([None, "lower", "upper"])),
            location=draw(st.one_of(st.none(), st.just("Syria"))),
            change=draw(st.sampled_from(list(syrdiplo.TroopChange))),
            date=draw(timex_values),
            **common,
        )
    return syrdiplo.Deconfliction(
        status=draw(st.sampled_from(list(syrdiplo.DeconflictionStatus))),
        parties=draw(st.lists(st.sampled_from(["RU", "US"]), max_size=2)),
        date=draw(timex_values),
        mechanism=draw(st.one_of(st.none(), st.just("deconfliction_line"))),
        **common,
    )


@st.composite
def results(draw):
    article = syrdiplo.Article(
        id=draw(short),
        text="",
        published=draw(st.one_of(st.none(), dates)),
        source=draw(st.one_of(st.none(), short)),
    )
    return syrdiplo.Result(
        article=article,
        timexes=draw(st.lists(timexes(), max_size=3)),
        actors=draw(st.lists(actors(), max_size=3)),
        claims=draw(st.lists(claims(), max_size=2)),
        events=draw(st.lists(events(), max_size=4)),
        errors=draw(
            st.lists(
                st.builds(
                    syrdiplo.ProcessingError,
                    stage=st.sampled_from(["input", "extractor"]),
                    message=short,
                    plugin=st.one_of(st.none(), short),
                    extractor=st.one_of(st.none(), short),
                ),
                max_size=2,
            )
        ),
    )
