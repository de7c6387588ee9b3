"""Model types: immutability, conversion, validation at the boundary."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import syrdiplo
from syrdiplo import Article, InputError


def test_values_are_frozen_and_hashable() -> None:
    span = syrdiplo.Span(start=0, end=3, text="قال")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.start = 1  # type: ignore[misc]
    a = syrdiplo.Meeting(kind="call", participants=[syrdiplo.Actor(name="x", country="RU")])
    b = syrdiplo.Meeting(kind="call", participants=(syrdiplo.Actor(name="x", country="RU"),))
    assert a == b
    assert len({a, b}) == 1  # lists become tuples, so events deduplicate in sets


def test_enums_are_converted_from_strings() -> None:
    meeting = syrdiplo.Meeting(kind="talks", status="planned")
    assert meeting.kind is syrdiplo.MeetingKind.TALKS
    assert meeting.status is syrdiplo.MeetingStatus.PLANNED
    with pytest.raises(ValueError, match="'chat'"):
        syrdiplo.Meeting(kind="chat")


def test_event_type_tags_are_fixed() -> None:
    assert syrdiplo.Meeting(kind="call").type == "meeting"
    assert syrdiplo.TroopCount(country="US", count=900).type == "troop_count"
    assert syrdiplo.Deconfliction(status="active").type == "deconfliction"
    with pytest.raises(TypeError):
        syrdiplo.Meeting(kind="call", type="other")  # type: ignore[call-arg]


@pytest.mark.parametrize("code", ["USA", "us", "R", "12"])
def test_country_codes_are_checked(code: str) -> None:
    with pytest.raises(ValueError, match="ISO 3166-1 alpha-2"):
        syrdiplo.Actor(name="x", country=code)
    with pytest.raises(ValueError, match="ISO 3166-1 alpha-2"):
        syrdiplo.TroopCount(country=code, count=1)


@pytest.mark.parametrize(
    "value",
    [
        "2021",
        "2021-07",
        "2021-07-27",
        "2016-W33",
        "2016-08-26/2016-08-27",
        "2024-11-13T18:37",
        None,
    ],
)
def test_timex_values_accepted(value: str | None) -> None:
    assert syrdiplo.Timex(start=0, end=1, text="x", value=value, precision="day").value == value


@pytest.mark.parametrize("value", ["21-07", "2021/07", "July 2021", "2021-7", "2021-07-27T6pm"])
def test_timex_values_refused(value: str) -> None:
    with pytest.raises(ValueError, match="not a TIMEX value"):
        syrdiplo.Timex(start=0, end=1, text="x", value=value, precision="day")


def test_span_end_before_start_is_refused() -> None:
    with pytest.raises(ValueError, match="bad span"):
        syrdiplo.Span(start=5, end=2, text="")


def test_article_span_checks_bounds() -> None:
    article = Article(id="a", text="نص قصير")
    assert article.span(0, 2).text == "نص"
    with pytest.raises(ValueError, match="outside the text"):
        article.span(3, 99)


def test_article_from_dict_reads_every_field() -> None:
    article = Article.from_dict(
        {"id": 12, "text": "نص", "published": "2021-07-28", "source": "s", "url": "u", "title": "t"}
    )
    assert article == Article(
        id="12", text="نص", published=dt.date(2021, 7, 28), source="s", url="u", title="t"
    )


def test_article_from_dict_accepts_a_timestamp() -> None:
    assert Article.from_dict(
        {"id": "a", "text": "", "published": "2021-07-28T10:00:00Z"}
    ).published == dt.date(2021, 7, 28)


@pytest.mark.parametrize(
    ("data", "field", "phrase"),
    [
        ({"id": "a"}, "text", "missing the article text"),
        ({"id": "a", "text": 5}, "text", "text must be a string, not int"),
        ({"id": "a", "text": None}, "text", "not NoneType"),
        ({"text": "x"}, "id", "missing the article id"),
        ({"id": True, "text": "x"}, "id", "id must be a string or an integer"),
        ({"id": "a", "text": "x\x00y"}, "text", "NUL bytes"),
        ({"id": "a", "text": "x", "published": "2021-02-30"}, "published", "not a real date"),
        ({"id": "a", "text": "x", "published": "أمس"}, "published", "not in YYYY-MM-DD form"),
        (
            {"id": "a", "text": "x", "published": "28/07/2021"},
            "published",
            "not in YYYY-MM-DD form",
        ),
        (
            {"id": "a", "text": "x", "published": 20210728},
            "published",
            "must be a YYYY-MM-DD string",
        ),
        ({"id": "a", "text": "x", "title": 3}, "title", "title must be a string"),
    ],
)
def test_article_from_dict_names_the_problem(data: dict, field: str, phrase: str) -> None:
    with pytest.raises(InputError) as caught:
        Article.from_dict(data, where="in.jsonl:7")
    assert caught.value.field == field
    assert phrase in str(caught.value)
    assert str(caught.value).startswith("in.jsonl:7: ")


def test_input_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="missing"):
        Article.from_dict({"id": "a"})


def test_event_types_include_plugin_subclasses() -> None:
    from plugins.faulty import Marker

    types = syrdiplo.model.event_types()
    assert types["meeting"] is syrdiplo.Meeting
    assert types["marker"] is Marker


def test_result_helpers() -> None:
    result = syrdiplo.Result(
        article=Article(id="r", text=""),
        events=[syrdiplo.Meeting(kind="call"), syrdiplo.Deconfliction(status="active")],
    )
    assert result.id == "r"
    assert result.ok
    assert [e.type for e in result.events_of("meeting")] == ["meeting"]
