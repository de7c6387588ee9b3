"""The one JSON shape: round trips, determinism, and the documented fields."""

from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import given, settings
from plugins.faulty import GoodPlugin, Marker
from strategies import results

import syrdiplo
from syrdiplo import serialize
from syrdiplo.testing import make_pipeline


@settings(max_examples=150, deadline=None)
@given(results())
def test_round_trip_of_generated_results(result: syrdiplo.Result) -> None:
    assert serialize.from_dict(serialize.to_dict(result)) == result
    assert serialize.loads(serialize.dumps(result)) == result


def test_round_trip_of_real_results_keeps_the_text(sample_articles) -> None:
    pipeline = make_pipeline()
    for article in sample_articles:
        result = pipeline.run(article)
        back = serialize.from_dict(json.loads(serialize.dumps(result)), text=article["text"])
        assert back == result


def test_plugin_event_types_round_trip() -> None:
    result = make_pipeline(GoodPlugin("سوريا"), builtins=False).run({"id": "x", "text": "سوريا"})
    back = serialize.from_dict(serialize.to_dict(result), text="سوريا")
    assert isinstance(back.events[0], Marker)
    assert back == result


def test_unknown_event_type_is_a_clear_error() -> None:
    data = {"id": "x", "events": [{"type": "satellite", "evidence": []}]}
    with pytest.raises(
        syrdiplo.InputError, match=r"result x\.events\[0\]: unknown event type 'satellite'"
    ):
        serialize.from_dict(data)


def test_output_is_deterministic_and_keeps_arabic(sample_articles) -> None:
    first = [serialize.dumps(make_pipeline().run(a)) for a in sample_articles]
    second = [serialize.dumps(make_pipeline().run(a)) for a in sample_articles]
    assert first == second
    assert "لافروف" in "".join(first)  # ensure_ascii=False
    assert "\\u0644" not in "".join(first)


def test_event_fields_come_type_first_then_own_then_provenance() -> None:
    meeting = syrdiplo.Meeting(
        kind="call", date="2015-09-18", participants=[syrdiplo.Actor(name="x", country="RU")]
    )
    keys = list(serialize.to_dict(meeting))
    assert keys[0] == "type"
    assert keys[-3:] == ["evidence", "claim", "extractor"]
    assert keys[1:-3] == ["kind", "status", "date", "participants", "location"]


def test_result_shape_matches_the_evaluation_contract(sample_articles) -> None:
    """The fields SCHEMA.md reads are present with the documented types."""
    data = serialize.to_dict(make_pipeline().run(sample_articles[0]))
    assert list(data)[:2] == ["id", "published"]
    assert {"timexes", "claims", "events", "actors", "errors"} <= set(data)
    for timex in data["timexes"]:
        assert {"start", "end", "text", "value"} <= set(timex)
    for event in data["events"]:
        if event["type"] == "meeting":
            assert {"kind", "status", "date", "participants", "location"} <= set(event)
            for person in event["participants"]:
                assert {"name", "canonical", "country"} <= set(person)
        if event["type"] == "troop_count":
            assert isinstance(event["count"], int)
            assert isinstance(event["approximate"], bool)
    for claim in data["claims"]:
        assert {"name", "canonical", "country", "type"} <= set(claim["speaker"])
        assert {"start", "end", "text"} <= set(claim["cue"])


def test_typed_dicts_name_every_field_of_the_model() -> None:
    """The documented shapes (TypedDicts) follow the attrs classes."""
    pairs = [
        (serialize.SpanDict, syrdiplo.Span),
        (serialize.TimexDict, syrdiplo.Timex),
        (serialize.ActorDict, syrdiplo.Actor),
        (serialize.ClaimDict, syrdiplo.Claim),
        (serialize.ErrorDict, syrdiplo.ProcessingError),
    ]
    for typed, model in pairs:
        assert list(typed.__annotations__) == [f.name for f in attrs.fields(model)], typed.__name__


def test_dumps_indent_is_still_json() -> None:
    meeting = syrdiplo.Meeting(kind="talks")
    assert json.loads(serialize.dumps(meeting, indent=2))["kind"] == "talks"
