"""One end-to-end test per hook, and a meta-test that keeps it that way."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import syrdiplo
from syrdiplo import hookspecs, serialize
from syrdiplo.testing import make_pipeline

HOOKS = sorted(
    name
    for name, _ in inspect.getmembers(hookspecs, inspect.isfunction)
    if name.startswith("syrdiplo_")
)


def test_every_hook_has_a_test() -> None:
    """Like datasette's test_plugin_hooks_have_tests."""
    source = "\n".join(p.read_text("utf-8") for p in Path(__file__).parent.glob("test_*.py"))
    missing = [h for h in HOOKS if f"def test_hook_{h}(" not in source]
    assert not missing, f"hooks without a test_hook_<name>: {missing}"


def test_hooks_are_prefixed_and_documented() -> None:
    for name in HOOKS:
        doc = inspect.getdoc(getattr(hookspecs, name)) or ""
        assert ":param" in doc, name
        assert "versionadded" in doc, name


def test_hook_syrdiplo_register_extractors() -> None:
    class Crossing(syrdiplo.Event):
        pass

    class FindsBabAlHawa:
        name = "bab-al-hawa"

        def extract(self, doc):
            at = doc.text.find("باب الهوى")
            if at >= 0:
                yield syrdiplo.Deconfliction(
                    status="active", evidence=[doc.span(at, at + 9, "trigger")]
                )

    class Plugin:
        name = "crossings"

        @syrdiplo.hookimpl
        def syrdiplo_register_extractors(self, register: Any) -> None:
            register(FindsBabAlHawa())

    pipeline = make_pipeline(Plugin(), builtins=False)
    assert pipeline.extractors == [("crossings", "bab-al-hawa")]
    data = serialize.to_dict(pipeline.run({"id": "x", "text": "فتح معبر باب الهوى"}))
    (event,) = data["events"]
    assert event["extractor"] == "bab-al-hawa"
    assert event["evidence"][0]["text"] == "باب الهوى"


def test_hook_syrdiplo_register_lexicons() -> None:
    class Plugin:
        name = "maghreb"

        @syrdiplo.hookimpl
        def syrdiplo_register_lexicons(self, register: Any) -> None:
            register("months", {"gregorian": {"8": ["اغشت"]}})
            register("my_table", {"words": ["كلمة"]})

    pipeline = make_pipeline(Plugin(), builtins=False)
    assert pipeline.lexicon.words("my_table", "words") == ["كلمة"]
    result = pipeline.run({"id": "x", "text": "وصل في 3 اغشت 2019"})
    assert [(t.text, t.value) for t in result.timexes] == [("3 اغشت 2019", "2019-08-03")]


def test_hook_syrdiplo_register_actors() -> None:
    class Plugin:
        name = "envoys"

        @syrdiplo.hookimpl
        def syrdiplo_register_actors(self, register: Any) -> None:
            register(
                canonical="Ivan Testov",
                country="RU",
                type="person",
                names=["إيفان تيستوف", "تيستوف"],
            )

    pipeline = make_pipeline(Plugin(), builtins=False)
    result = pipeline.run({"id": "x", "text": "قال إيفان تيستوف إن الحوار مستمر."})
    assert [(c.speaker.canonical, c.speaker.country) for c in result.claims] == [
        ("Ivan Testov", "RU")
    ]


def test_hook_syrdiplo_find_timexes() -> None:
    from plugins.faulty import TimexPlugin

    pipeline = make_pipeline(TimexPlugin(), builtins=False)
    data = serialize.to_dict(
        pipeline.run({"id": "x", "text": "في يوم الجلاء", "published": "2020-05-01"})
    )
    assert [(t["text"], t["value"]) for t in data["timexes"]] == [("يوم الجلاء", "2020-04-17")]
