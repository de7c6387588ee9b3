"""The distributed path: Dask bags over JSONL partitions, on Dask's local schedulers."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from syrdiplo import InputError, Pipeline
from syrdiplo import dask as syrdiplo_dask
from syrdiplo.cli import main
from syrdiplo.dask import FileReport, extract_bag, extract_jsonl_files
from syrdiplo.pipeline import Pipeline as PipelineClass

db = pytest.importorskip("dask.bag")

SAMPLES = Path(__file__).resolve().parent.parent / "examples" / "data" / "seeds.input.jsonl"


@pytest.fixture(scope="module")
def cli_records() -> list[dict]:
    """What ``syrdiplo extract --jsonl`` gives on the samples."""
    return _cli(SAMPLES)


def _cli(path: Path) -> list[dict]:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        main(["extract", "--jsonl", str(path), "--jobs", "1"])
    return [json.loads(line) for line in out.getvalue().splitlines()]


def _split(tmp_path: Path, lines: list[str], sizes: list[int]) -> list[Path]:
    paths, start = [], 0
    for number, size in enumerate(sizes):
        path = tmp_path / f"part{number}.jsonl"
        path.write_text("".join(lines[start : start + size]), encoding="utf-8")
        paths.append(path)
        start += size
    return paths


def test_bag_of_files_gives_what_the_cli_gives(cli_records):
    records = extract_bag(str(SAMPLES)).compute(scheduler="sync")
    assert records == cli_records


def test_bag_of_lines_keeps_order_and_places_errors(cli_records):
    lines = SAMPLES.read_text(encoding="utf-8").splitlines()
    mixed = [*lines[:2], "{broken", *lines[2:], b"\xff\n"]
    bag = db.from_sequence(mixed, npartitions=3)
    records = extract_bag(bag).compute(scheduler="threads")
    assert len(records) == len(mixed)
    assert [r for r in records if not r["errors"]] == cli_records
    assert "not JSON" in records[2]["errors"][0]["message"]
    assert "not valid UTF-8" in records[-1]["errors"][0]["message"]


def test_bag_of_article_dicts(sample_articles, cli_records):
    bag = db.from_sequence(sample_articles, npartitions=2)
    assert extract_bag(bag).compute(scheduler="sync") == cli_records


def test_bad_line_in_a_file_names_file_and_line(tmp_path):
    lines = SAMPLES.read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "bad.jsonl"
    path.write_text(lines[0] + '{"id": "x"}\n' + lines[1], encoding="utf-8")
    records = extract_bag(str(path)).compute(scheduler="sync")
    assert len(records) == 3
    assert records[1]["id"] == "x"
    assert records[1]["errors"][0]["message"].startswith(f"{path}:2: ")
    assert not records[0]["errors"]
    assert not records[2]["errors"]


def test_pipeline_options_reach_the_workers():
    bag = extract_bag(str(SAMPLES), disable=["meetings", "troops", "deconfliction"])
    records = bag.compute(scheduler="sync")
    assert all(record["events"] == [] for record in records)
    with pytest.raises(TypeError, match="either a pipeline"):
        extract_bag(str(SAMPLES), pipeline=Pipeline(), strict=True)


def test_the_pipeline_is_built_once_per_worker(monkeypatch):
    monkeypatch.setattr(syrdiplo_dask, "_pipelines", {})
    builds = []
    original = PipelineClass._build

    def counting(self):
        builds.append(1)
        original(self)

    monkeypatch.setattr(PipelineClass, "_build", counting)
    lines = SAMPLES.read_text(encoding="utf-8").splitlines()
    bag = extract_bag(db.from_sequence(lines * 2, npartitions=5))
    builds.clear()  # the parent built one to take its configuration
    assert len(bag.compute(scheduler="threads")) == 10
    assert len(builds) == 1


def test_jsonl_files_one_output_per_input_on_processes(tmp_path, cli_records):
    lines = SAMPLES.read_text(encoding="utf-8").splitlines(keepends=True)
    inputs = _split(tmp_path, lines, [2, 3])
    out = tmp_path / "out"
    reports = extract_jsonl_files(str(tmp_path / "part*.jsonl"), str(out), scheduler="processes")
    assert reports == [
        FileReport(
            input=str(inputs[0]), output=f"{out}/part0.jsonl", total=2, clean=2, with_errors=0
        ),
        FileReport(
            input=str(inputs[1]), output=f"{out}/part1.jsonl", total=3, clean=3, with_errors=0
        ),
    ]
    written = [
        json.loads(line) for r in reports for line in Path(r.output).read_text("utf-8").splitlines()
    ]
    assert written == cli_records


def test_jsonl_files_output_equals_the_cli_byte_for_byte(tmp_path):
    lines = SAMPLES.read_text(encoding="utf-8").splitlines(keepends=True)
    (source,) = _split(tmp_path, [*lines[:2], "oops\n", *lines[2:]], [6])
    (report,) = extract_jsonl_files([str(source)], str(tmp_path / "out"), scheduler="sync")
    assert (report.total, report.with_errors) == (6, 1)
    assert [
        json.loads(line) for line in Path(report.output).read_text("utf-8").splitlines()
    ] == _cli(source)


def test_outputs_with_the_same_name_are_numbered(tmp_path):
    lines = SAMPLES.read_text(encoding="utf-8").splitlines(keepends=True)
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "day.jsonl").write_text(lines[0], encoding="utf-8")
    reports = extract_jsonl_files(
        [str(tmp_path / "a" / "day.jsonl"), str(tmp_path / "b" / "day.jsonl")],
        str(tmp_path / "out"),
        scheduler="sync",
    )
    assert [Path(r.output).name for r in reports] == ["00000-day.jsonl", "00001-day.jsonl"]


def test_compressed_input_is_read(tmp_path, cli_records):
    import gzip

    path = tmp_path / "day.jsonl.gz"
    path.write_bytes(gzip.compress(SAMPLES.read_bytes()))
    (report,) = extract_jsonl_files(str(path), str(tmp_path / "out"), scheduler="sync")
    assert Path(report.output).name == "day.jsonl"
    assert [
        json.loads(x) for x in Path(report.output).read_text("utf-8").splitlines()
    ] == cli_records


@pytest.mark.parametrize("name", ["missing.jsonl", "nothing-*.jsonl"])
def test_missing_inputs_are_reported_up_front(tmp_path, name):
    with pytest.raises(InputError, match=r"no such file|no file matches"):
        extract_bag(str(tmp_path / name))


def test_without_dask_the_error_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(ImportError, match=r"pip install 'syrdiplo\[dask\]'"):
        extract_bag(str(SAMPLES))
