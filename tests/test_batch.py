"""Streaming JSONL batches: N lines in, N records out, in order; the progress bar."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from syrdiplo import Article, InputError
from syrdiplo._progress import count_lines, progress_bar, wants_progress
from syrdiplo.batch import BatchSummary, parse_line, read_jsonl, run_jsonl
from syrdiplo.cli import build_parser, main
from syrdiplo.parallel import default_jobs
from syrdiplo.testing import make_pipeline

GOOD = [
    {"id": "a1", "published": "2021-07-28", "text": "قال الوزير أمس إن الحوار مستمر."},
    {"id": "a2", "published": None, "text": "اجتمع الطرفان في جنيف."},
    {"id": 7, "text": "التقى المبعوثان في موسكو."},
]

# (raw line, the field or phrase the error message must name)
BAD = [
    (b"\xff\xfe not utf-8", "not valid UTF-8"),
    (b"{not json", "not JSON"),
    (b"   ", "empty line"),
    (b"[1, 2]", "JSON object"),
    (json.dumps({"id": "x1"}).encode(), "text"),
    (json.dumps({"id": "x2", "text": "نص", "published": "28/07/2021"}).encode(), "published"),
    (json.dumps({"text": "نص بلا معرف"}).encode(), "id"),
]


def _line(article: dict) -> bytes:
    return json.dumps(article, ensure_ascii=False).encode("utf-8") + b"\n"


def _mixed() -> tuple[list[bytes], list[str | None]]:
    """Good and bad lines interleaved; for each line the error phrase expected, or None."""
    lines: list[bytes] = []
    expected: list[str | None] = []
    for index, (raw, phrase) in enumerate(BAD):
        good = GOOD[index % len(GOOD)]
        lines.append(_line({**good, "id": f"{good['id']}-{index}"}))
        expected.append(None)
        lines.append(raw + b"\n")
        expected.append(phrase)
    return lines, expected


@pytest.fixture(scope="module")
def pipeline():
    return make_pipeline(strict=False)


# ---------------------------------------------------------------------- parsing


@pytest.mark.parametrize(("raw", "phrase"), BAD)
def test_parse_line_names_the_line_and_the_fault(raw, phrase):
    error = parse_line(raw, "batch.jsonl:12")
    assert isinstance(error, InputError)
    assert str(error).startswith("batch.jsonl:12: ")
    assert phrase in str(error)


@pytest.mark.parametrize("article", GOOD)
def test_parse_line_reads_good_lines_from_bytes_and_str(article):
    from_bytes = parse_line(_line(article), "f:1")
    from_str = parse_line(_line(article).decode("utf-8"), "f:1")
    assert isinstance(from_bytes, Article)
    assert from_bytes == from_str
    assert from_bytes.id == str(article["id"])


def test_parse_line_ignores_a_byte_order_mark():
    article = parse_line("\ufeff" + _line(GOOD[0]).decode("utf-8"), "f:1")
    assert isinstance(article, Article)
    assert article.id == "a1"


def test_read_jsonl_is_lazy():
    consumed = []

    def lines():
        for number, article in enumerate(GOOD):
            consumed.append(number)
            yield _line(article)

    reader = read_jsonl(lines(), name="lazy.jsonl")
    assert consumed == []
    assert isinstance(next(reader), Article)
    assert consumed == [0]


# ---------------------------------------------------------------------- run_jsonl


def test_n_lines_in_give_n_records_out_in_order(pipeline):
    lines, expected = _mixed()
    out = io.StringIO()
    summary = run_jsonl(pipeline, lines, out, name="mixed.jsonl")
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(records) == len(lines)
    assert summary == BatchSummary(
        total=len(lines),
        clean=expected.count(None),
        with_errors=len(lines) - expected.count(None),
    )
    for number, (record, phrase) in enumerate(zip(records, expected, strict=True), 1):
        if phrase is None:
            assert record["errors"] == []
            assert record["id"] == str(json.loads(lines[number - 1])["id"])
        else:
            (error,) = record["errors"]
            assert error["stage"] == "input"
            assert error["message"].startswith(f"mixed.jsonl:{number}: ")
            assert phrase in error["message"]


def test_error_record_keeps_the_id_when_the_line_has_one(pipeline):
    out = io.StringIO()
    run_jsonl(pipeline, [json.dumps({"id": "keep-me", "text": 5})], out, name="f")
    record = json.loads(out.getvalue())
    assert record["id"] == "keep-me"
    assert "text" in record["errors"][0]["message"]


def test_progress_is_called_once_per_record(pipeline):
    lines, _ = _mixed()
    ticks: list[int] = []
    run_jsonl(pipeline, lines, io.StringIO(), progress=ticks.append)
    assert ticks == [1] * len(lines)


def test_an_empty_input_gives_no_records(pipeline):
    out = io.StringIO()
    summary = run_jsonl(pipeline, [], out)
    assert out.getvalue() == ""
    assert summary.total == 0
    assert not summary.partial


# ---------------------------------------------------------------------- the command line


def _write(tmp_path: Path, lines: list[bytes]) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"".join(lines))
    return path


def test_cli_jobs_1_keeps_n_lines_and_reports_a_partial_run(tmp_path, capsys):
    lines, expected = _mixed()
    path = _write(tmp_path, lines)
    code = main(["extract", "--jsonl", str(path), "--jobs", "1", "--no-entrypoints"])
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert code == 3
    assert len(records) == len(lines)
    assert [bool(r["errors"]) for r in records] == [p is not None for p in expected]
    assert f"{len(BAD)} of {len(lines)} articles have errors" in captured.err


def test_cli_clean_run_exits_0(tmp_path, capsys):
    path = _write(tmp_path, [_line(a) for a in GOOD])
    assert main(["extract", "--jsonl", str(path), "-j", "1", "--no-entrypoints"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == len(GOOD)


def test_jobs_defaults_to_all_cores():
    args = build_parser().parse_args(["extract", "--jsonl", "x.jsonl"])
    assert args.jobs is None  # resolved when the batch runs
    assert default_jobs() >= 1


@pytest.mark.parametrize("value", ["0", "-2", "two"])
def test_jobs_must_be_a_positive_whole_number(value, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", "--jsonl", "x.jsonl", "--jobs", value])
    assert exit_info.value.code == 2
    assert "--jobs" in capsys.readouterr().err


# ---------------------------------------------------------------------- progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("option", "tty", "shown"),
    [
        (None, False, False),
        (None, True, True),
        (True, False, True),
        (False, True, False),
    ],
)
def test_wants_progress(option, tty, shown):
    stream = _Terminal() if tty else io.StringIO()
    assert wants_progress(option, stream) is shown


def test_progress_bar_off_yields_nothing():
    with progress_bar(False) as update:
        assert update is None


def test_progress_bar_counts_articles():
    pytest.importorskip("tqdm")
    stream = io.StringIO()
    with progress_bar(True, total=3, stream=stream) as update:
        assert update is not None
        for _ in range(3):
            update(1)
    assert "3/3" in stream.getvalue()


@pytest.mark.parametrize(
    ("flags", "terminal", "bar"),
    [
        ([], False, False),  # not a terminal: silent
        (["--no-progress"], True, False),
        (["--progress"], False, True),
        ([], True, True),
    ],
)
def test_cli_progress_only_on_a_terminal_or_when_asked(tmp_path, monkeypatch, flags, terminal, bar):
    pytest.importorskip("tqdm")
    path = _write(tmp_path, [_line(a) for a in GOOD])
    err = _Terminal() if terminal else io.StringIO()
    out = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    monkeypatch.setattr("sys.stdout", out)
    code = main(["extract", "--jsonl", str(path), "-j", "1", "--no-entrypoints", *flags])
    assert code == 0
    assert len(out.getvalue().splitlines()) == len(GOOD)
    if bar:
        assert f"{len(GOOD)}/{len(GOOD)}" in err.getvalue()
    else:
        assert err.getvalue() == ""


def test_progress_without_tqdm_warns_and_runs(monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "tqdm", None)
    with pytest.warns(UserWarning, match=r"syrdiplo\[progress\]"), progress_bar(True) as update:
        assert update is None


@pytest.mark.parametrize(
    ("content", "lines"),
    [(b"", 0), (b"a\n", 1), (b"a\nb\n", 2), (b"a\nb", 2), (b"\n\n\n", 3)],
)
def test_count_lines_counts_and_rewinds(tmp_path, content, lines):
    path = tmp_path / "f.jsonl"
    path.write_bytes(content)
    with open(path, "rb") as handle:
        assert count_lines(handle) == lines
        assert handle.read() == content


def test_count_lines_gives_up_on_streams():
    assert count_lines(io.BytesIO(b"a\nb\n")) is None
