"""Language data: every shipped file loads and validates; errors name file and key."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

import syrdiplo
from syrdiplo.lexicon import Lexicon, core_lexicon, load_file

DATA = resources.files("syrdiplo") / "data"
PLUGIN_DATA = sorted((Path(__file__).parent.parent / "plugins").glob("*/data/*.toml"))


@pytest.mark.parametrize(
    "name", sorted(f.name for f in DATA.iterdir() if f.name.endswith((".toml", ".tsv")))
)
def test_every_core_data_file_loads(name: str) -> None:
    stem, data = load_file(DATA / name)
    assert stem == name.rpartition(".")[0]
    assert data  # not empty


@pytest.mark.parametrize("path", PLUGIN_DATA, ids=lambda p: p.name)
def test_every_plugin_data_file_loads(path: Path) -> None:
    _stem, data = load_file(path)
    assert data


def test_the_built_in_lexicon_passes_every_stage_check() -> None:
    """Building a pipeline compiles and validates every table (core and built-in plugins)."""
    pipeline = syrdiplo.Pipeline(entrypoints=False, strict=True)
    result = pipeline.run(
        {"id": "x", "text": "التقى لافروف كيري في جنيف أمس", "published": "2016-08-24"}
    )
    assert result.ok
    assert {"months", "countries", "actors", "meetings", "troops", "deconfliction"} <= set(
        pipeline.lexicon.names()
    )


def test_core_lexicon_is_read_once() -> None:
    assert core_lexicon() is core_lexicon()


def test_bad_toml_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "months.toml"
    bad.write_text("[gregorian\n", encoding="utf-8")
    with pytest.raises(syrdiplo.DataFileError, match=r"^months\.toml: is not valid TOML"):
        load_file(bad)


def test_bad_tsv_names_the_row(tmp_path: Path) -> None:
    bad = tmp_path / "actors.tsv"
    bad.write_text("id\tcanonical\n# comment\nx\tX\ny\n", encoding="utf-8")
    with pytest.raises(
        syrdiplo.DataFileError, match=r"actors\.tsv \[row 3\]: has 1 columns where the header has 2"
    ):
        load_file(bad)


def test_unknown_suffix(tmp_path: Path) -> None:
    odd = tmp_path / "months.yaml"
    odd.write_text("x: 1", encoding="utf-8")
    with pytest.raises(syrdiplo.DataFileError, match=r"must end in \.toml or \.tsv"):
        load_file(odd)


def test_merging_extends_lists_and_tables() -> None:
    lexicon = Lexicon().extended("m", {"a": ["x"], "t": {"k": 1}}, origin="one")
    lexicon = lexicon.extended("m", {"a": ["y", "x"], "t": {"j": 2}}, origin="two")
    assert lexicon["m"] == {"a": ["x", "y"], "t": {"k": 1, "j": 2}}
    assert lexicon.origins("m") == ["one", "two"]


def test_rows_are_appended_and_checked() -> None:
    lexicon = Lexicon().extended("people", [{"id": "a", "name": "A"}], origin="one")
    lexicon = lexicon.extended("people", [{"id": "b", "name": ""}], origin="two")
    assert [r["id"] for r in lexicon.rows("people")] == ["a", "b"]
    with pytest.raises(
        syrdiplo.DataFileError, match=r"one \+ two \[row 3\]: column 'name' is empty"
    ):
        lexicon.rows("people", ["name"])


def test_accessors_name_the_missing_key() -> None:
    lexicon = Lexicon().extended("m", {"a": {"b": ["x"]}, "n": 3}, origin="m.toml")
    assert lexicon.words("m", "a", "b") == ["x"]
    assert lexicon.words("m", "zz", required=False) == []
    with pytest.raises(syrdiplo.DataFileError, match=r"m\.toml \[zz\]: missing list of words"):
        lexicon.words("m", "zz")
    with pytest.raises(syrdiplo.DataFileError, match="expected a list of strings"):
        lexicon.words("m", "n")
    with pytest.raises(syrdiplo.DataFileError, match="no such lexicon table"):
        lexicon["nope"]


def test_cached_builds_once() -> None:
    lexicon = Lexicon()
    calls = []
    assert lexicon.cached("k", lambda lx: calls.append(1) or 42) == 42
    assert lexicon.cached("k", lambda lx: calls.append(1) or 43) == 42
    assert calls == [1]
