"""Garbage in: clear errors naming what and where, nothing lost, no crash (issue 9)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import arabic_text

import syrdiplo
from syrdiplo import serialize
from syrdiplo.testing import assert_spans_valid, make_pipeline

SENTENCE = "قال وزير الخارجية الروسي سيرغي لافروف أمس إن 900 جندي أمريكي ما زالوا في سوريا."


@pytest.fixture(scope="module")
def pipeline() -> syrdiplo.Pipeline:
    return make_pipeline(strict=True)


@pytest.mark.parametrize("text", ["", " ", "\n\n\t  \n", "\u200f\u200e"])
def test_empty_and_whitespace_text_gives_an_empty_result(pipeline, text) -> None:
    result = pipeline.run({"id": "e", "text": text, "published": "2021-07-28"})
    assert (result.timexes, result.claims, result.events, result.errors) == ((), (), (), ())


def test_text_with_no_arabic(pipeline) -> None:
    result = pipeline.run(
        {
            "id": "en",
            "text": "Lavrov met Kerry in Geneva on Friday. 900 troops remain.",
            "published": "2016-08-24",
        }
    )
    assert result.ok
    assert not result.claims
    assert_spans_valid(result)


def test_raw_html_is_read_through_and_spans_point_into_it(pipeline) -> None:
    plain = pipeline.run({"id": "p", "text": SENTENCE, "published": "2021-07-28"})
    markup = (
        "<html><head><script>var a = '<p>أمس</p>';</script></head><body>"
        "<p>قال وزير الخارجية الروسي <b>سيرغي لافروف</b> أمس إن 900&nbsp;جندي أمريكي ما زالوا في سوريا.</p>"
        "<!-- تعليق: أمس --></body></html>"
    )
    result = pipeline.run({"id": "h", "text": markup, "published": "2021-07-28"})
    assert [(t.text, t.value) for t in result.timexes] == [(t.text, t.value) for t in plain.timexes]
    assert [c.speaker.canonical for c in result.claims] == [
        c.speaker.canonical for c in plain.claims
    ]
    assert [(e.type, getattr(e, "count", None)) for e in result.events] == [
        (e.type, getattr(e, "count", None)) for e in plain.events
    ]
    assert_spans_valid(result)


def test_mixed_scripts_and_direction_marks(pipeline) -> None:
    text = "\u202bقال \u200fلافروف\u200e (Lavrov) أمس، إن “الحوار” مع Washington مستمر.\u202c"
    result = pipeline.run({"id": "m", "text": text, "published": "2021-07-28"})
    assert [t.value for t in result.timexes] == ["2021-07-27"]
    assert [c.speaker.canonical for c in result.claims] == ["Sergei Lavrov"]
    assert_spans_valid(result)


def test_diacritics_and_tatweel_everywhere(pipeline) -> None:
    marked = "".join(ch + ("ـَ" if "\u0621" <= ch <= "\u064a" else "") for ch in SENTENCE)
    plain = pipeline.run({"id": "p", "text": SENTENCE, "published": "2021-07-28"})
    result = pipeline.run({"id": "d", "text": marked, "published": "2021-07-28"})
    assert [t.value for t in result.timexes] == [t.value for t in plain.timexes]
    assert [c.speaker.canonical for c in result.claims] == [
        c.speaker.canonical for c in plain.claims
    ]
    assert [e.type for e in result.events] == [e.type for e in plain.events]
    assert_spans_valid(result)


@pytest.mark.slow
def test_a_five_megabyte_article(pipeline) -> None:
    paragraph = SENTENCE + " ثم التقى الرئيس الروسي بنظيره الأمريكي في جنيف يوم الجمعة.\n"
    text = paragraph * (5_000_000 // len(paragraph.encode("utf-8")) + 1)
    assert len(text.encode("utf-8")) >= 5_000_000
    result = pipeline.run({"id": "big", "text": text, "published": "2021-07-28"})
    assert result.ok
    assert len(result.timexes) > 10_000
    assert_spans_valid(result)


def test_nul_bytes_are_an_input_error(pipeline) -> None:
    with pytest.raises(syrdiplo.InputError, match="NUL"):
        pipeline.run({"id": "n", "text": "قال\x00لافروف"})
    (result,) = make_pipeline(strict=False).run_many([{"id": "n", "text": "قال\x00لافروف"}])
    assert result.id == "n"
    assert "NUL bytes" in result.errors[0].message


@pytest.mark.parametrize(
    ("published", "phrase"),
    [
        ("2021-02-30", "not a real date"),
        ("أمس", "not in YYYY-MM-DD form"),
        ("21-7-28", "not in YYYY-MM-DD form"),
        (True, "must be a YYYY-MM-DD string"),
    ],
)
def test_bad_publication_dates(pipeline, published, phrase) -> None:
    with pytest.raises(syrdiplo.InputError, match=phrase):
        pipeline.run({"id": "d", "text": SENTENCE, "published": published})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.one_of(st.none(), st.dates()))
def test_fuzz_arbitrary_unicode_never_crashes(text, published) -> None:
    pipeline = _shared_pipeline()
    if "\x00" in text:
        text = text.replace("\x00", "")
    result = pipeline.run({"id": "f", "text": text, "published": published})
    assert not result.errors
    assert_spans_valid(result)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arabic_text, st.one_of(st.none(), st.dates()))
def test_fuzz_arabic_like_text_never_crashes(text, published) -> None:
    result = _shared_pipeline().run({"id": "f", "text": text, "published": published})
    assert not result.errors
    assert_spans_valid(result)
    if published is None:
        assert all(t.anchor != "published" or t.value is None for t in result.timexes)


_PIPELINE: list[syrdiplo.Pipeline] = []


def _shared_pipeline() -> syrdiplo.Pipeline:
    if not _PIPELINE:
        _PIPELINE.append(make_pipeline(strict=True))
    return _PIPELINE[0]


# ---------------------------------------------------------------------- the command line


def _cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "syrdiplo", *args], input=stdin, capture_output=True, check=False
    )


@pytest.mark.slow
def test_a_file_that_is_not_utf8_is_named_and_the_others_still_run(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(SENTENCE, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes("قال لافروف".encode("cp1256"))
    done = _cli("extract", str(bad), str(good), "--published", "2021-07-28", "--format", "jsonl")
    assert done.returncode == 3  # partial
    records = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [r["id"] for r in records] == ["bad", "good"]
    assert "not valid UTF-8" in records[0]["errors"][0]["message"]
    assert str(bad) in records[0]["errors"][0]["message"]
    assert records[1]["claims"]
    assert f"{bad}: not valid UTF-8" in done.stderr.decode()


@pytest.mark.slow
def test_bad_jsonl_lines_keep_their_place_and_set_the_exit_code(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {"id": "a", "text": SENTENCE, "published": "2021-07-28"}, ensure_ascii=False
        ).encode(),
        b"{not json",
        json.dumps({"id": "c"}).encode(),
        json.dumps({"id": "d", "text": ["list"]}).encode(),
        json.dumps(
            {"id": "e", "text": SENTENCE, "published": "2021-02-30"}, ensure_ascii=False
        ).encode(),
        b"\xff\xfe",
        json.dumps({"text": SENTENCE}, ensure_ascii=False).encode(),
        json.dumps(
            {"id": "h", "text": SENTENCE, "published": "2021-07-28"}, ensure_ascii=False
        ).encode(),
    ]
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    done = _cli("extract", "--jsonl", str(source), "--jobs", "1")
    assert done.returncode == 3
    records = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert len(records) == len(lines)
    assert [r["id"] for r in records] == [
        "a",
        f"{source}:2",
        "c",
        "d",
        "e",
        f"{source}:6",
        f"{source}:7",
        "h",
    ]
    problems = [r["errors"][0]["message"] if r["errors"] else None for r in records]
    assert problems[0] is None
    assert problems[-1] is None
    for index, phrase in [
        (1, "not JSON"),
        (2, "missing the article text"),
        (3, "text must be a string"),
        (4, "not a real date"),
        (5, "not valid UTF-8"),
        (6, "missing the article id"),
    ]:
        assert f"in.jsonl:{index + 1}: " in problems[index]
        assert phrase in problems[index]
    assert "6 of 8 articles have errors" in done.stderr.decode()


@pytest.mark.slow
def test_clean_run_exits_zero_and_missing_input_exits_one(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "a", "text": SENTENCE}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    assert _cli("extract", "--jsonl", str(source)).returncode == 0
    missing = _cli("extract", "--jsonl", str(tmp_path / "nope.jsonl"))
    assert missing.returncode == 1
    assert "nope.jsonl: cannot read" in missing.stderr.decode()
    assert b"Traceback" not in missing.stderr


@pytest.mark.slow
def test_output_is_byte_identical_across_runs_and_job_counts(tmp_path: Path) -> None:
    samples = Path(__file__).parent.parent / "examples" / "data" / "seeds.input.jsonl"
    data = samples.read_bytes() * 8
    one = _cli("extract", "--jsonl", "-", "--jobs", "1", stdin=data)
    again = _cli("extract", "--jsonl", "-", "--jobs", "1", stdin=data)
    two = _cli("extract", "--jsonl", "-", "--jobs", "2", stdin=data)
    assert one.returncode == again.returncode == two.returncode == 0
    assert one.stdout == again.stdout == two.stdout
    assert len(one.stdout.splitlines()) == 40


def test_results_round_trip_after_fuzzed_runs() -> None:
    result = _shared_pipeline().run({"id": "r", "text": SENTENCE * 3, "published": "2021-07-28"})
    assert serialize.from_dict(serialize.to_dict(result), text=SENTENCE * 3) == result
