"""Tests for syrdiplo-crossings, written with syrdiplo.testing.

Run from this directory after `python -m pip install -e ".[test]"`:

    python -m pytest
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import syrdiplo
from syrdiplo import serialize
from syrdiplo.testing import assert_spans_valid, make_document, make_pipeline, run_extractor

import syrdiplo_crossings
from syrdiplo_crossings import CrossingEvent, CrossingsExtractor, CrossingStatus

PUBLISHED = "2023-02-14"


# --8<-- [start:pipeline]
@pytest.fixture
def pipeline() -> syrdiplo.Pipeline:
    """A fresh pipeline with only this plugin: no built-ins, no installed plugins, strict."""
    return make_pipeline(syrdiplo_crossings, builtins=False)


def crossings(pipeline: syrdiplo.Pipeline, text: str) -> list[tuple[str, str]]:
    """Run ``text`` through the pipeline; return (crossing, status) of each event."""
    result = pipeline.run({"id": "t", "text": text, "published": PUBLISHED})
    assert result.errors == ()
    assert_spans_valid(result)
    return [(e.crossing, e.status) for e in result.events_of("crossing")]


# --8<-- [end:pipeline]


# --8<-- [start:table]
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "قرر مجلس الأمن تمديد آلية إدخال المساعدات عبر معبر باب الهوى.",
            [("Bab al-Hawa", "extended")],
        ),
        (
            "أعلنت الأمم المتحدة إعادة فتح معبري باب السلامة والراعي.",
            [("Bab al-Salam", "opened"), ("Al-Rai", "opened")],
        ),
        ("ولا يزال معبر اليعربية مع العراق مغلقا.", [("Al-Yarubiyah", "closed")]),
        ("وأغلقت السلطات الأردنية منفذ جابر الحدودي.", [("Nasib", "closed")]),
        ("انتهت صلاحية التفويض الخاص بمعبر باب الهوى.", [("Bab al-Hawa", "expired")]),
        (
            "واستخدمت روسيا حق النقض ضد مشروع قرار لتمديد العمل بمعبر باب الهوى.",
            [("Bab al-Hawa", "blocked")],
        ),
        ("رفضت موسكو فتح معبر اليعربية أمام القوافل.", [("Al-Yarubiyah", "blocked")]),
        # one sentence, two crossings, two cues: each takes the cue before it
        (
            "وتقرر فتح معبر الراعي وإغلاق معبر جرابلس.",
            [("Al-Rai", "opened"), ("Jarabulus", "closed")],
        ),
        # diacritics and alef forms do not matter
        ("أُغْلِقَ مَعْبَرُ بابِ الهَوى.", [("Bab al-Hawa", "closed")]),
    ],
)
def test_finds_crossing_events(pipeline: syrdiplo.Pipeline, text: str, expected: list) -> None:
    assert crossings(pipeline, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a crossing named with no status cue
        "وصلت القافلة إلى معبر باب الهوى صباحا.",
        # ambiguous names without a crossing word: a person, "a share", a factory
        "وقال الراعي إن فتح الطرق أولوية.",
        "وأغلق المصنع أبوابه بعد أن خسر نصيب السوق.",
        # a cue with no crossing
        "تقرر تمديد المفاوضات شهرا آخر.",
        "",
    ],
)
def test_no_event_without_a_crossing_and_a_cue(pipeline: syrdiplo.Pipeline, text: str) -> None:
    assert crossings(pipeline, text) == []


# --8<-- [end:table]


@pytest.mark.parametrize(
    ("phrase", "months"),
    [("لمدة ستة أشهر", 6), ("لمدة 12 شهرا", 12), ("لمدة عام", 12), ("لمدة شهرين", 2), ("", None)],
)
def test_duration_in_months(pipeline: syrdiplo.Pipeline, phrase: str, months: int | None) -> None:
    text = f"مدد مجلس الأمن التفويض عبر معبر باب الهوى {phrase}."
    (event,) = run_extractor(CrossingsExtractor(), text, PUBLISHED, pipeline=pipeline)
    assert event.months == months
    durations = [s.text for s in event.evidence if s.role == "duration"]
    assert durations == ([phrase] if phrase else [])


# --8<-- [start:pinned]
def test_date_comes_from_the_nearest_dated_timex_in_the_sentence(
    pipeline: syrdiplo.Pipeline,
) -> None:
    text = "وفي 9 كانون الثاني مدد المجلس العمل بمعبر باب الهوى، بعد اجتماع عقد في 5 كانون الثاني."

    def timex(expression: str, value: str) -> syrdiplo.Timex:
        start = text.index(expression)
        end = start + len(expression)
        return syrdiplo.Timex(start=start, end=end, text=expression, value=value, precision="day")

    doc = make_document(
        text,
        PUBLISHED,
        timexes=[timex("9 كانون الثاني", "2023-01-09"), timex("5 كانون الثاني", "2023-01-05")],
        pipeline=pipeline,  # so that the plugin's lexicon table is loaded
    )
    (event,) = CrossingsExtractor().extract(doc)
    assert event.date == "2023-01-09"
    assert [s.text for s in event.evidence if s.role == "date"] == ["9 كانون الثاني"]


# --8<-- [end:pinned]


def test_undated_timex_is_not_used(pipeline: syrdiplo.Pipeline) -> None:
    text = "أغلق معبر باب الهوى مؤخرا."
    where = text.index("مؤخرا")
    vague = syrdiplo.Timex(start=where, end=where + 5, text="مؤخرا", value=None, precision="none")
    doc = make_document(text, PUBLISHED, timexes=[vague], pipeline=pipeline)
    (event,) = CrossingsExtractor().extract(doc)
    assert event.date is None


def test_one_event_per_crossing_and_status_in_an_article(pipeline: syrdiplo.Pipeline) -> None:
    text = "إغلاق معبر باب الهوى\nأعلنت السلطات إغلاق معبر باب الهوى أمام الشاحنات."
    assert crossings(pipeline, text) == [("Bab al-Hawa", "closed")]


def test_event_serialises_and_loads_back(pipeline: syrdiplo.Pipeline) -> None:
    text = "تم تمديد العمل بمعبر باب الهوى لمدة ستة أشهر."
    result = pipeline.run({"id": "r", "text": text, "published": PUBLISHED})
    (data,) = result.to_dict()["events"]
    assert list(data) == [
        "type",
        "crossing",
        "country",
        "status",
        "date",
        "months",
        "evidence",
        "claim",
        "extractor",
    ]
    assert (data["type"], data["status"], data["months"]) == ("crossing", "extended", 6)
    assert (data["extractor"], data["country"]) == ("crossings", "TR")
    assert serialize.from_dict(result.to_dict(), text=text) == result


def test_event_type_is_a_syrdiplo_event() -> None:
    event = CrossingEvent(crossing="Bab al-Hawa", status="opened")
    assert isinstance(event, syrdiplo.Event)
    assert event.type == "crossing"
    assert event.status is CrossingStatus.OPENED
    with pytest.raises(ValueError, match="reopened"):
        CrossingEvent(crossing="Bab al-Hawa", status="reopened")


def test_plugin_registers_its_table_and_extractor(pipeline: syrdiplo.Pipeline) -> None:
    assert ("syrdiplo_crossings", "crossings") in pipeline.extractors
    assert "crossings" in pipeline.lexicon
    assert "Bab al-Hawa" in pipeline.lexicon.table("crossings", "crossing")


def test_another_plugin_can_add_a_crossing() -> None:
    class MoreCrossings:
        name = "more_crossings"

        @syrdiplo.hookimpl
        def syrdiplo_register_lexicons(self, register):
            more = {"Tal Abyad": {"country": "TR", "marked_names": ["تل أبيض"]}}
            register("crossings", {"crossing": more})

    pipeline = make_pipeline(syrdiplo_crossings, MoreCrossings(), builtins=False)
    assert crossings(pipeline, "وأعيد فتح معبر تل أبيض.") == [("Tal Abyad", "opened")]
    assert crossings(pipeline, "قصفت الطائرات تل أبيض وأغلقت الطرق.") == []


# --8<-- [start:failure]
def test_bad_data_fails_the_extractor_not_the_pipeline() -> None:
    class Broken:
        name = "broken"

        @syrdiplo.hookimpl
        def syrdiplo_register_lexicons(self, register):
            register("crossings", {"crossing": {"Nowhere": ["معبر"]}})  # not a table

    pipeline = make_pipeline(syrdiplo_crossings, Broken(), builtins=False, strict=False)
    result = pipeline.run({"id": "b", "text": "أغلق معبر باب الهوى.", "published": PUBLISHED})
    assert result.events == ()
    (error,) = result.errors
    assert (error.plugin, error.extractor) == ("syrdiplo_crossings", "crossings")
    assert "Nowhere" in error.message


# --8<-- [end:failure]


def test_entry_point_is_declared() -> None:
    pyproject = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text("utf-8"))
    assert pyproject["project"]["entry-points"]["syrdiplo"] == {"crossings": "syrdiplo_crossings"}
    assert pyproject["project"]["name"] == "syrdiplo-crossings"
