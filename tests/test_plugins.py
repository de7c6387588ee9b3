"""Plugin discovery, blocking, failure isolation at load time, and listing."""

from __future__ import annotations

import importlib.metadata
import json
import sys
import types

import pytest
from plugins.faulty import (
    BadLexiconPlugin,
    BrokenRegistrationPlugin,
    GoodPlugin,
    MisspeltHookPlugin,
)

import syrdiplo
from syrdiplo import plugins as plugin_loading
from syrdiplo.cli import main
from syrdiplo.testing import make_pipeline


class _Dist:
    def __init__(self, name: str, version: str = "1.0") -> None:
        self.name = name
        self.version = version


class _EntryPoint:
    """Stands in for importlib.metadata.EntryPoint (as pluggy's own tests do)."""

    def __init__(self, name: str, value: str, dist: str) -> None:
        self.name = name
        self.value = value
        self.dist = _Dist(dist)
        self.group = "syrdiplo"
        self.loads = 0

    def load(self):
        self.loads += 1
        return importlib.import_module(self.value)


@pytest.fixture
def fake_entry_points(monkeypatch):
    """Replace the installed entry points by the ones a test lists."""
    real = importlib.metadata.entry_points
    installed: list[_EntryPoint] = []

    def entry_points(**kwargs):
        if kwargs.get("group") == "syrdiplo":
            builtins = [
                ep for ep in real(group="syrdiplo") if ep.dist and ep.dist.name == "syrdiplo"
            ]
            return [*builtins, *installed]
        return real(**kwargs)

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    return installed


def _module(monkeypatch, name: str, body: str) -> None:
    module = types.ModuleType(name)
    exec(body, module.__dict__)
    monkeypatch.setitem(sys.modules, name, module)


GOOD_MODULE = """
import syrdiplo

class _Ex:
    name = "third"
    def extract(self, doc):
        return []

@syrdiplo.hookimpl
def syrdiplo_register_extractors(register):
    register(_Ex())
"""


def test_third_party_entry_point_is_loaded_and_listed(fake_entry_points, monkeypatch) -> None:
    _module(monkeypatch, "syrdiplo_third", GOOD_MODULE)
    fake_entry_points.append(_EntryPoint("third", "syrdiplo_third", "syrdiplo-third"))
    pipeline = syrdiplo.Pipeline()
    info = {i.name: i for i in pipeline.plugins}["third"]
    assert (info.source, info.status, info.distribution, info.version) == (
        "entrypoint",
        "loaded",
        "syrdiplo-third",
        "1.0",
    )
    assert info.extractors == ("third",)
    assert info.hooks == ("syrdiplo_register_extractors",)
    assert {i.name: i.source for i in pipeline.plugins}["meetings"] == "builtin"


def test_blocked_plugin_is_never_imported(fake_entry_points) -> None:
    ep = _EntryPoint("never", "module_that_does_not_exist", "syrdiplo-never")
    fake_entry_points.append(ep)
    pipeline = syrdiplo.Pipeline(disable={"never"})
    assert ep.loads == 0
    assert {i.name: i.status for i in pipeline.plugins}["never"] == "blocked"


def test_a_plugin_that_fails_on_import_is_reported_not_fatal(fake_entry_points) -> None:
    fake_entry_points.append(_EntryPoint("crashy", "module_that_does_not_exist", "syrdiplo-crashy"))
    with pytest.warns(
        syrdiplo.SyrdiploWarning,
        match=r"'crashy' \(from syrdiplo-crashy\) failed to load.*--disable crashy",
    ):
        pipeline = syrdiplo.Pipeline()
    info = {i.name: i for i in pipeline.plugins}["crashy"]
    assert info.status == "failed"
    assert "ModuleNotFoundError" in info.error
    assert ("meetings", "meetings") in pipeline.extractors  # the others loaded


def test_entrypoints_false_skips_third_parties(fake_entry_points, monkeypatch) -> None:
    _module(monkeypatch, "syrdiplo_third", GOOD_MODULE)
    fake_entry_points.append(_EntryPoint("third", "syrdiplo_third", "syrdiplo-third"))
    pipeline = syrdiplo.Pipeline(entrypoints=False)
    assert {i.name: i.status for i in pipeline.plugins}["third"] == "blocked"
    assert ("meetings", "meetings") in pipeline.extractors


@pytest.mark.parametrize(
    ("allow", "status"), [("", "blocked"), ("third", "loaded"), ("other, x", "blocked")]
)
def test_load_plugins_env_is_an_allowlist(fake_entry_points, monkeypatch, allow, status) -> None:
    _module(monkeypatch, "syrdiplo_third", GOOD_MODULE)
    fake_entry_points.append(_EntryPoint("third", "syrdiplo_third", "syrdiplo-third"))
    monkeypatch.setenv("SYRDIPLO_LOAD_PLUGINS", allow)
    pipeline = syrdiplo.Pipeline()
    assert {i.name: i.status for i in pipeline.plugins}["third"] == status
    assert {i.name: i.status for i in pipeline.plugins}["troops"] == "loaded"  # built-ins always


def test_misspelt_hook_fails_that_plugin_loudly() -> None:
    with pytest.warns(syrdiplo.SyrdiploWarning, match="syrdiplo_register_extractor"):
        pipeline = make_pipeline(MisspeltHookPlugin(), GoodPlugin(), builtins=False, strict=False)
    status = {i.name: (i.status, i.error) for i in pipeline.plugins}
    assert status["misspelt"][0] == "failed"
    assert "unknown hooks" in status["misspelt"][1]
    assert status["good"][0] == "loaded"


def test_a_bad_registration_fails_that_plugin_only() -> None:
    with pytest.warns(syrdiplo.SyrdiploWarning, match="broken-registration"):
        pipeline = make_pipeline(
            BrokenRegistrationPlugin(), GoodPlugin(), builtins=False, strict=False
        )
    assert [name for _, name in pipeline.extractors] == ["good-words"]
    info = {i.name: i for i in pipeline.plugins}["broken-registration"]
    assert info.status == "failed"
    assert "has no `name` string" in info.error


def test_a_bad_registration_raises_in_strict_mode() -> None:
    with pytest.raises(syrdiplo.PluginError, match="broken-registration") as caught:
        make_pipeline(BrokenRegistrationPlugin(), builtins=False, strict=True)
    assert caught.value.plugin_name == "broken-registration"
    assert "--disable broken-registration" in str(caught.value)


def test_bad_lexicon_data_fails_that_plugin_naming_the_key() -> None:
    with pytest.warns(
        syrdiplo.SyrdiploWarning, match=r"bad-lexicon \[months\.gregorian\.8\[0\]\]: empty string"
    ):
        pipeline = make_pipeline(BadLexiconPlugin(), builtins=False, strict=False)
    assert {i.name: i.status for i in pipeline.plugins}["bad-lexicon"] == "failed"
    # the core months are untouched: dates still resolve
    assert pipeline.run({"id": "x", "text": "في آب 2015"}).timexes[0].value == "2015-08"


def test_duplicate_extractor_names_are_refused() -> None:
    with pytest.warns(syrdiplo.SyrdiploWarning, match="already registered"):
        pipeline = make_pipeline(
            GoodPlugin(),
            type("Again", (GoodPlugin,), {"name": "again"})(),
            builtins=False,
            strict=False,
        )
    assert [name for _, name in pipeline.extractors] == ["good-words"]


def test_plugin_names_must_be_unique() -> None:
    with pytest.warns(syrdiplo.SyrdiploWarning, match="already taken"):
        pipeline = make_pipeline(GoodPlugin(), GoodPlugin(), builtins=False, strict=False)
    assert len([i for i in pipeline.plugins if i.name == "good"]) == 1


def test_lexicon_from_a_plugin_extends_the_core() -> None:
    class Month:
        name = "month"

        @syrdiplo.hookimpl
        def syrdiplo_register_lexicons(self, register):
            register("months", {"gregorian": {"8": ["اغشت"]}})

    pipeline = make_pipeline(Month(), builtins=False)
    assert pipeline.lexicon.origins("months") == ["months.toml", "plugin month"]
    result = pipeline.run({"id": "x", "text": "في اغشت 2015"})
    assert [(t.text, t.value) for t in result.timexes] == [("اغشت 2015", "2015-08")]


def test_builtin_plugin_names_come_from_the_entry_points() -> None:
    assert plugin_loading.builtin_plugin_names() == ["deconfliction", "meetings", "troops"]


def test_plugins_command_lists_json(capsys) -> None:
    assert main(["plugins", "--json", "--disable", "troops"]) == 0
    rows = json.loads(capsys.readouterr().out)
    by_name = {r["name"]: r for r in rows}
    assert by_name["meetings"]["extractors"] == ["meetings"]
    assert by_name["meetings"]["distribution"] == "syrdiplo"
    assert "troops" not in by_name  # blocked rows only with --all
    assert [r["name"] for r in rows] == sorted(r["name"] for r in rows)


def test_plugins_command_all_shows_blocked(capsys) -> None:
    assert main(["plugins", "--all", "--disable", "troops"]) == 0
    out = capsys.readouterr().out
    assert "troops" in out
    assert "blocked" in out


def test_trace_env_prints_hook_calls(monkeypatch, capsys) -> None:
    monkeypatch.setenv("SYRDIPLO_TRACE_PLUGINS", "1")
    make_pipeline(GoodPlugin(), builtins=False)
    err = capsys.readouterr().err
    assert "good.syrdiplo_register_extractors(register)" in err
