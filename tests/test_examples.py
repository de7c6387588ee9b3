"""Every example in examples/ runs, offline, with the public API, and prints what it says.

Each example runs in a subprocess, as a newcomer would run it
(``python examples/NAME.py``). The checks are on structure and invariants —
keys, types, spans that match the text — not on today's exact findings,
which change as the extractors improve.
"""

from __future__ import annotations

import ast
import importlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import syrdiplo

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SAMPLES = EXAMPLES / "data" / "seeds.input.jsonl"
RESULT_KEYS = ["id", "published", "timexes", "actors", "claims", "events", "errors"]
TIMEX_VALUE = re.compile(r"^\d{4}(-(\d{2}(-\d{2}(T\d{2}:\d{2})?)?|W\d{2}))?(/.+)?$")
SCRIPTS = sorted(p.name for p in EXAMPLES.glob("*.py"))


def run_example(name: str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env.pop("SYRDIPLO_TRACE_PLUGINS", None)
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, f"{name} exited with {done.returncode}:\n{done.stderr}"
    return done


def sample_articles() -> dict[str, dict]:
    with open(SAMPLES, encoding="utf-8") as handle:
        articles = [json.loads(line) for line in handle if line.strip()]
    return {a["id"]: a for a in articles}


def spans(value: object) -> list[dict]:
    """Every span-like object (start, end, text) inside a JSON value."""
    found = []
    if isinstance(value, dict):
        if {"start", "end", "text"} <= value.keys():
            found.append(value)
        for item in value.values():
            found.extend(spans(item))
    elif isinstance(value, list):
        for item in value:
            found.extend(spans(item))
    return found


def assert_result_shape(record: dict, text: str) -> None:
    assert list(record)[:2] == RESULT_KEYS[:2]
    assert all(key in record for key in RESULT_KEYS)
    for span in spans(record):
        assert 0 <= span["start"] <= span["end"] <= len(text)
        assert text[span["start"] : span["end"]] == span["text"]
    for event in record["events"]:
        assert isinstance(event["type"], str)
        assert list(event)[-3:] == ["evidence", "claim", "extractor"]
    for timex in record["timexes"]:
        assert timex["value"] is None or TIMEX_VALUE.match(timex["value"])


# --------------------------------------------------------------------------- every example


def test_there_are_examples() -> None:
    assert {"quickstart.py", "batch_jsonl.py", "resolve_dates.py", "inline_plugin.py"} <= set(
        SCRIPTS
    )
    assert (EXAMPLES / "custom_plugin" / "pyproject.toml").is_file()


@pytest.mark.parametrize("name", SCRIPTS)
def test_example_says_what_it_shows_and_uses_only_the_public_api(name: str) -> None:
    tree = ast.parse((EXAMPLES / name).read_text(encoding="utf-8"))
    docstring = ast.get_docstring(tree)
    assert docstring, f"{name} needs a docstring saying what it shows"
    assert f"python examples/{name}" in docstring, f"{name}'s docstring should say how to run it"
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("syrdiplo"):
            parts = node.module.split(".")
            assert not any(p.startswith("_") for p in parts), f"{name} imports {node.module}"
            module = importlib.import_module(node.module)
            for alias in node.names:
                public = getattr(module, "__all__", None)
                ok = alias.name in public if public is not None else not alias.name.startswith("_")
                assert ok, f"{name} imports {node.module}.{alias.name}, which is not public"
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id == "syrdiplo":
                assert node.attr in syrdiplo.__all__ or node.attr in {"text", "testing"}, (
                    f"{name} uses syrdiplo.{node.attr}, which is not in syrdiplo.__all__"
                )


@pytest.mark.slow
@pytest.mark.parametrize("name", SCRIPTS)
def test_example_runs_from_another_directory(name: str, tmp_path: Path) -> None:
    """No example depends on the current directory (they find their data themselves)."""
    done = run_example(name, cwd=tmp_path)
    assert done.stdout.strip()


# --------------------------------------------------------------------------- what each prints


@pytest.mark.slow
def test_quickstart_summarises_every_sample_article() -> None:
    out = run_example("quickstart.py").stdout
    headers = re.findall(r"^== (\S+) \(published (\S+)\)$", out, re.M)
    articles = sample_articles()
    assert [ident for ident, _ in headers] == list(articles)
    for ident, published in headers:
        assert published == (articles[ident]["published"] or "unknown")
    totals = re.findall(
        r"^  total:  (\d+) timexes, (\d+) actors, (\d+) claims, (\d+) events$", out, re.M
    )
    assert len(totals) == len(articles)
    assert "  ! " not in out, "an article had errors"


@pytest.mark.slow
def test_quickstart_json_is_one_result_per_article() -> None:
    out = run_example("quickstart.py", "--json").stdout
    records = [json.loads(line) for line in out.splitlines()]
    articles = sample_articles()
    assert [r["id"] for r in records] == list(articles)
    for record in records:
        assert_result_shape(record, articles[record["id"]]["text"])
        assert record["errors"] == []


@pytest.mark.slow
def test_batch_gives_one_line_per_input_line_and_an_error_record_for_a_bad_one() -> None:
    done = run_example("batch_jsonl.py")
    records = [json.loads(line) for line in done.stdout.splitlines()]
    articles = sample_articles()
    assert [r["id"] for r in records[:-1]] == list(articles)
    for record in records[:-1]:
        assert_result_shape(record, articles[record["id"]]["text"])
    bad = records[-1]
    assert bad["id"] == f"{SAMPLES.name}:{len(articles) + 1}"
    assert [e["stage"] for e in bad["errors"]] == ["input"]
    assert "not JSON" in bad["errors"][0]["message"]
    assert bad["events"] == []
    assert re.search(rf"^{len(articles) + 1} articles, [1-9]\d* with errors", done.stderr, re.M)


@pytest.mark.slow
def test_batch_reads_the_file_it_is_given(tmp_path: Path) -> None:
    lines = [
        {"id": "a", "published": "2021-07-28", "text": "قال السفير أمس إن الحوار مستمر."},
        {"id": 7, "text": "نص بلا تاريخ."},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
    done = run_example("batch_jsonl.py", str(path))
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["id"] for r in records] == ["a", "7"]
    assert [r["errors"] for r in records] == [[], []]
    assert done.stderr.startswith("2 articles, 0 with errors")


@pytest.mark.slow
def test_resolve_dates_prints_valid_timexes_and_no_value_without_an_anchor() -> None:
    records = [json.loads(line) for line in run_example("resolve_dates.py").stdout.splitlines()]
    assert len(records) >= 5
    for record in records:
        assert set(record) == {"text", "published", "timexes"}
        for timex in record["timexes"]:
            assert list(timex) == [
                "start",
                "end",
                "text",
                "value",
                "precision",
                "modifier",
                "anchor",
                "flags",
            ]
            assert record["text"][timex["start"] : timex["end"]] == timex["text"]
            assert timex["value"] is None or TIMEX_VALUE.match(timex["value"])
    unanchored = [r for r in records if r["published"] is None]
    assert unanchored
    for record in unanchored:
        assert all(t["value"] is None for t in record["timexes"] if t["anchor"] != "absolute")
    # the resolver's one documented promise: أمس is the day before publication
    first = records[0]
    assert first["published"] == "2021-07-28"
    assert ("أمس", "2021-07-27") in [(t["text"], t["value"]) for t in first["timexes"]]


@pytest.mark.slow
def test_inline_plugin_registers_its_extractor_and_finds_both_ceasefires() -> None:
    summary = json.loads(run_example("inline_plugin.py").stdout)
    assert "ceasefire" in summary["extractors"]
    assert summary["errors"] == []
    ceasefires = summary["ceasefires"]
    assert [e["evidence"][0]["text"] for e in ceasefires] == ["وقف إطلاق النار", "الهدنة"]
    for event in ceasefires:
        assert list(event) == ["type", "date", "evidence", "claim", "extractor"]
        assert event["extractor"] == "ceasefire"
    # the first sentence dates the ceasefire (9 تموز 2017); the second has no date
    assert [e["date"] for e in ceasefires] == ["2017-07-09", None]
