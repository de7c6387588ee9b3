"""The pipeline end to end: stages, plugin isolation, strict mode, merging, pickling."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest
from plugins.faulty import (
    GoodPlugin,
    MalformedPlugin,
    RaisingPlugin,
    RaisingTimexPlugin,
    TimexPlugin,
)

import syrdiplo
from syrdiplo import serialize
from syrdiplo.testing import assert_spans_valid, make_pipeline

TEXT = "قال وزير الخارجية الروسي سيرغي لافروف أمس إن الحوار مع واشنطن بشأن سوريا مستمر."


def test_extract_runs_every_stage() -> None:
    result = syrdiplo.extract(TEXT, published="2021-07-28", id="a1")
    assert result.id == "a1"
    assert result.article.published == dt.date(2021, 7, 28)
    assert [(t.text, t.value) for t in result.timexes] == [("أمس", "2021-07-27")]
    assert "Sergei Lavrov" in {a.canonical for a in result.actors}
    assert [c.speaker.canonical for c in result.claims] == ["Sergei Lavrov"]
    assert result.ok
    assert_spans_valid(result)


def test_extract_accepts_an_article_or_a_mapping() -> None:
    article = syrdiplo.Article(id="m", text=TEXT, published=dt.date(2021, 7, 28))
    from_article = syrdiplo.extract(article)
    from_mapping = syrdiplo.extract({"id": "m", "text": TEXT, "published": "2021-07-28"})
    assert serialize.to_dict(from_article) == serialize.to_dict(from_mapping)


def test_published_keyword_fills_a_missing_date() -> None:
    pipeline = make_pipeline(builtins=False)
    result = pipeline.run(syrdiplo.Article(id="x", text="وصل أمس"), published="2020-01-01")
    assert result.timexes[0].value == "2019-12-31"


def test_a_plugin_hook_end_to_end() -> None:
    pipeline = make_pipeline(GoodPlugin("سوريا"), builtins=False)
    data = serialize.to_dict(pipeline.run({"id": "p", "text": "سوريا ثم سوريا"}))
    markers = [e for e in data["events"] if e["type"] == "marker"]
    assert [(m["evidence"][0]["start"], m["extractor"]) for m in markers] == [
        (0, "good-words"),
        (9, "good-words"),
    ]


def test_a_raising_plugin_is_isolated_and_reported() -> None:
    pipeline = make_pipeline(RaisingPlugin(), GoodPlugin("سوريا"), builtins=False, strict=False)
    result = pipeline.run({"id": "art-9", "text": "في سوريا"})
    assert [e.type for e in result.events] == ["marker"]  # the good plugin's output survives
    (error,) = result.errors
    assert (error.stage, error.plugin, error.extractor) == ("extractor", "raising", "explodes")
    assert "boom in art-9" in error.message
    assert not result.ok


def test_a_raising_plugin_does_not_stop_the_built_ins(sample_articles) -> None:
    clean = make_pipeline(strict=False).run(sample_articles[0])
    with_fault = make_pipeline(RaisingPlugin(), strict=False).run(sample_articles[0])
    assert with_fault.events == clean.events
    assert [e.plugin for e in with_fault.errors] == ["raising"]


def test_strict_mode_raises_with_the_article_and_extractor() -> None:
    pipeline = make_pipeline(RaisingPlugin(), builtins=False, strict=True)
    with pytest.raises(syrdiplo.ExtractorError) as caught:
        pipeline.run({"id": "art-1", "text": "نص"})
    error = caught.value
    assert (error.plugin, error.extractor, error.article_id) == ("raising", "explodes", "art-1")
    assert any("art-1" in note for note in error.__notes__)
    assert isinstance(error.__cause__, RuntimeError)


def test_strict_mode_groups_several_failures() -> None:
    class SecondRaising(RaisingPlugin):
        name = "raising-2"

        @syrdiplo.hookimpl
        def syrdiplo_register_extractors(self, register):
            class Other:
                name = "explodes-too"

                def extract(self, doc):
                    raise KeyError("again")

            register(Other())

    pipeline = make_pipeline(RaisingPlugin(), SecondRaising(), builtins=False, strict=True)
    with pytest.raises(ExceptionGroup) as caught:
        pipeline.run({"id": "g", "text": "نص"})
    assert sorted(e.extractor for e in caught.value.exceptions) == ["explodes", "explodes-too"]


def test_malformed_events_are_rejected_with_a_clear_message() -> None:
    pipeline = make_pipeline(MalformedPlugin(), builtins=False, strict=False)
    result = pipeline.run({"id": "m", "text": "نص قصير جدا"})
    assert [e.word for e in result.events] == ["ok"]  # the valid one is kept
    messages = [e.message for e in result.errors]
    assert len(messages) == 3
    assert any("'not the text' is not the text at 0:3" in m for m in messages)
    assert any("lies outside the text" in m for m in messages)
    assert any("str is not a syrdiplo.Event" in m for m in messages)
    assert {e.extractor for e in result.errors} == {"badspans"}


def test_malformed_events_raise_in_strict_mode() -> None:
    pipeline = make_pipeline(MalformedPlugin(), builtins=False, strict=True)
    with pytest.raises(ExceptionGroup):
        pipeline.run({"id": "m", "text": "نص قصير جدا"})


def test_a_plugin_can_add_timexes() -> None:
    pipeline = make_pipeline(TimexPlugin(), builtins=False)
    result = pipeline.run(
        {"id": "t", "text": "احتفل السوريون بعيد يوم الجلاء", "published": "2024-04-18"}
    )
    assert [(t.text, t.value) for t in result.timexes] == [("يوم الجلاء", "2024-04-17")]


def test_a_raising_timex_plugin_is_recorded_not_fatal() -> None:
    pipeline = make_pipeline(RaisingTimexPlugin(), builtins=False, strict=False)
    result = pipeline.run({"id": "t", "text": "وصل أمس", "published": "2024-04-18"})
    assert [t.value for t in result.timexes] == ["2024-04-17"]  # the core dates are kept
    assert [(e.stage, e.plugin) for e in result.errors] == [("timexes", "raising-timex")]


def test_events_are_deduplicated_and_ordered() -> None:
    class Twice:
        name = "twice"

        @syrdiplo.hookimpl
        def syrdiplo_register_extractors(self, register):
            from plugins.faulty import WordExtractor

            register(WordExtractor("ب", name="b"))
            register(WordExtractor("أ", name="a"))

    result = make_pipeline(Twice(), builtins=False).run({"id": "d", "text": "ب أ ب"})
    assert [(e.start, e.word) for e in result.events] == [(0, "ب"), (2, "أ"), (4, "ب")]


def test_extractors_run_in_plugin_load_order() -> None:
    pipeline = make_pipeline(GoodPlugin(), RaisingPlugin(), strict=False)
    names = [name for _plugin, name in pipeline.extractors]
    assert names[:3] == ["deconfliction", "meetings", "troops"]  # built-ins, by name
    assert names[3:] == ["good-words", "explodes"]  # then plugins passed in code, in order


def test_disable_removes_a_built_in() -> None:
    pipeline = syrdiplo.Pipeline(disable={"meetings"}, entrypoints=False)
    assert "meetings" not in [name for _, name in pipeline.extractors]
    status = {info.name: info.status for info in pipeline.plugins}
    assert status["meetings"] == "blocked"
    assert status["troops"] == "loaded"


def test_the_pipeline_pickles_and_rebuilds(sample_articles) -> None:
    pipeline = make_pipeline(strict=False)
    clone = pickle.loads(pickle.dumps(pipeline))
    assert clone.extractors == pipeline.extractors
    assert clone.run(sample_articles[1]) == pipeline.run(sample_articles[1])


def test_results_pickle(sample_articles) -> None:
    result = make_pipeline().run(sample_articles[0])
    assert pickle.loads(pickle.dumps(result)) == result


def test_run_many_keeps_order_and_turns_failures_into_records() -> None:
    pipeline = make_pipeline(builtins=False, strict=False)
    inputs = [
        {"id": "1", "text": "نص"},
        {"id": "2", "text": 5},  # wrong type
        {"id": "3", "text": "نص", "published": "2021-02-30"},  # impossible date
        {"id": "4", "text": "نص"},
    ]
    results = list(pipeline.run_many(inputs))
    assert [r.id for r in results] == ["1", "2", "3", "4"]
    assert [bool(r.errors) for r in results] == [False, True, True, False]
    assert "text must be a string" in results[1].errors[0].message
    assert "not a real date" in results[2].errors[0].message


def test_analyze_returns_the_document_extractors_see() -> None:
    doc = make_pipeline(builtins=False).analyze(
        {"id": "d", "text": TEXT, "published": "2021-07-28"}
    )
    assert doc.text == TEXT
    assert doc.sentences[0].text == TEXT
    assert doc.timexes[0].text == "أمس"
    assert doc.claims
    sentence = doc.sentence_at(5)
    assert sentence is not None
    assert sentence.start == 0
    assert doc.tokens.words[0] == "قال"
