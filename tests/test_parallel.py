"""Process-pool batches: same records as one process, in order; failures stay local.

Pools here are small (2 workers) and batches short; ``chunk_size=2`` makes even
a short batch go through the pool.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import pickle
from collections.abc import Iterator

import pytest

import syrdiplo
from syrdiplo import (
    Actor,
    Article,
    Claim,
    Deconfliction,
    Meeting,
    Pipeline,
    ProcessingError,
    Result,
    SyrdiploError,
    Timex,
    TroopCount,
)
from syrdiplo import parallel as parallel_module
from syrdiplo.batch import run_jsonl
from syrdiplo.cli import main
from syrdiplo.parallel import WorkerError, default_jobs, run_lines
from syrdiplo.testing import make_pipeline

RAISE = "RAISE-IN-EXTRACTOR"
DIE = "KILL-THE-WORKER"


class _Tripwire:
    """An extractor that raises, or kills its process, on marked articles."""

    name = "tripwire"

    def extract(self, doc: syrdiplo.Document) -> Iterator[syrdiplo.Event]:
        if RAISE in doc.article.text:
            raise RuntimeError("tripped")
        if DIE in doc.article.text:
            os._exit(17)  # a crash no try/except can catch
        return iter(())


class TripwirePlugin:
    """Module-level, so worker processes can unpickle it."""

    name = "tripwire"

    @syrdiplo.hookimpl
    def syrdiplo_register_extractors(self, register):
        register(_Tripwire())


def _articles(count: int, marks: dict[int, str] | None = None) -> list[bytes]:
    marks = marks or {}
    lines = []
    for number in range(count):
        text = f"قال المتحدث في اليوم {number} إن المحادثات مستمرة. {marks.get(number, '')}"
        line = {"id": f"n{number}", "published": "2021-07-28", "text": text}
        lines.append(json.dumps(line, ensure_ascii=False).encode() + b"\n")
    return lines


def _tripwire_pipeline(*, strict: bool = False) -> Pipeline:
    return make_pipeline(TripwirePlugin(), strict=strict)


def _ids(records) -> list[str]:
    return [json.loads(text)["id"] for text, _ in records]


# ---------------------------------------------------------------------- order and completeness


def test_pool_gives_the_same_records_as_one_process(sample_articles):
    pipeline = make_pipeline(strict=False)
    lines = [json.dumps(a, ensure_ascii=False) for a in sample_articles] * 4
    single = list(run_lines(pipeline, lines, name="s.jsonl", jobs=1))
    pooled = list(run_lines(pipeline, lines, name="s.jsonl", jobs=2, chunk_size=2))
    assert pooled == single
    assert len(pooled) == len(lines)


def test_bad_lines_in_the_middle_keep_their_place():
    lines = _articles(12)
    lines[3] = b"{broken json\n"
    lines[8] = b"\xff\xfe\n"
    records = list(run_lines(make_pipeline(), lines, name="mid.jsonl", jobs=2, chunk_size=2))
    assert len(records) == len(lines)
    for number, (text, failed) in enumerate(records, 1):
        record = json.loads(text)
        if number in (4, 9):
            assert failed
            assert record["errors"][0]["message"].startswith(f"mid.jsonl:{number}: ")
        else:
            assert not failed
            assert record["id"] == f"n{number - 1}"


def test_an_exception_in_a_worker_becomes_that_articles_error_record():
    lines = _articles(10, {4: RAISE})
    records = list(run_lines(_tripwire_pipeline(), lines, jobs=2, chunk_size=2))
    assert _ids(records) == [f"n{i}" for i in range(10)]
    assert [failed for _, failed in records] == [i == 4 for i in range(10)]
    (error,) = json.loads(records[4][0])["errors"]
    assert error["extractor"] == "tripwire"
    assert "tripped" in error["message"]


def test_a_worker_that_dies_takes_only_its_article_with_it():
    lines = _articles(10, {5: DIE})
    records = list(run_lines(_tripwire_pipeline(), lines, name="d.jsonl", jobs=2, chunk_size=2))
    assert _ids(records) == [f"n{i}" for i in range(10)]
    assert [failed for _, failed in records] == [i == 5 for i in range(10)]
    (error,) = json.loads(records[5][0])["errors"]
    assert error["stage"] == "internal"
    assert "d.jsonl:6" in error["message"]
    assert "worker process died" in error["message"]


def test_strict_failure_in_a_worker_is_raised_after_the_records_before_it():
    lines = _articles(8, {5: RAISE})
    seen: list[str] = []

    def drain() -> None:
        for text, _ in run_lines(_tripwire_pipeline(strict=True), lines, jobs=2, chunk_size=2):
            seen.append(json.loads(text)["id"])

    with pytest.raises(SyrdiploError, match="tripwire") as error_info:
        drain()
    assert seen == [f"n{i}" for i in range(5)]
    # ExtractorError does not survive pickling, so it comes back as a stand-in with its text.
    assert isinstance(error_info.value, WorkerError)
    assert "RuntimeError: tripped" in "\n".join(error_info.value.__notes__)


def test_pending_work_is_bounded():
    """The input is read only a bounded distance ahead of the output: memory stays flat."""
    consumed = 0

    def lines():
        nonlocal consumed
        for line in _articles(60):
            consumed += 1
            yield line

    chunk_size, max_pending = 2, 3
    ahead = []
    for produced, _ in enumerate(
        run_lines(
            make_pipeline(),
            lines(),
            jobs=2,
            chunk_size=chunk_size,
            max_pending=max_pending,
        ),
        1,
    ):
        ahead.append(consumed - produced)
    assert len(ahead) == 60
    assert max(ahead) <= (max_pending + 1) * chunk_size


def test_a_batch_of_one_chunk_runs_without_a_pool(monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started")

    monkeypatch.setattr(parallel_module, "_PoolRunner", no_pool)
    records = list(run_lines(make_pipeline(), _articles(3), jobs=2, chunk_size=4))
    assert _ids(records) == ["n0", "n1", "n2"]


@pytest.mark.parametrize(("jobs", "chunk_size"), [(0, 4), (2, 0)])
def test_bad_settings_are_refused(jobs, chunk_size):
    with pytest.raises(ValueError, match="at least 1"):
        list(run_lines(make_pipeline(), _articles(2), jobs=jobs, chunk_size=chunk_size))


def test_default_jobs_is_the_usable_cores():
    expected = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert default_jobs() == expected


def test_run_jsonl_with_jobs_matches_one_process():
    lines = _articles(40)
    lines[10] = b"not json\n"
    one, two = io.StringIO(), io.StringIO()
    summary_one = run_jsonl(make_pipeline(), lines, one, name="x", jobs=1)
    summary_two = run_jsonl(make_pipeline(), lines, two, name="x", jobs=2)
    assert one.getvalue() == two.getvalue()
    assert summary_one == summary_two
    assert summary_two.with_errors == 1


def test_cli_jobs_2_matches_jobs_1(tmp_path, capsys):
    path = tmp_path / "big.jsonl"
    lines = _articles(40)
    lines[20] = b"[]\n"
    path.write_bytes(b"".join(lines))
    outputs = {}
    for jobs in ("1", "2"):
        code = main(["extract", "--jsonl", str(path), "--jobs", jobs, "--no-entrypoints"])
        assert code == 3
        outputs[jobs] = capsys.readouterr().out
    assert outputs["1"] == outputs["2"]
    assert len(outputs["2"].splitlines()) == 40


# ---------------------------------------------------------------------- pickling


def _rich_result() -> Result:
    text = "قال لافروف أمس إن بوتين وبايدن التقيا في جنيف وإن 900 جندي أمريكي في سوريا."
    article = Article(id="p1", text=text, published=dt.date(2021, 7, 28), source="x")
    lavrov = Actor(name="لافروف", canonical="Sergey Lavrov", country="RU", start=4, end=10)
    cue = article.span(0, 3, role="cue")
    claim = Claim(speaker=lavrov, cue=cue, content=article.span(14, 40), date="2021-07-27")
    timex = Timex(
        start=11, end=14, text="أمس", value="2021-07-27", precision="day", anchor="published"
    )
    meeting = Meeting(
        kind="meeting",
        date="2021-06-16",
        participants=[Actor(name="بوتين", canonical="Vladimir Putin", country="RU")],
        location="Geneva",
        evidence=[article.span(31, 37, role="trigger")],
        claim=claim,
        extractor="meetings",
    )
    troops = TroopCount(country="US", count=900, evidence=[article.span(49, 52)])
    deconfliction = Deconfliction(status="active", parties=["RU", "US"])
    return Result(
        article=article,
        timexes=[timex],
        actors=[lavrov],
        claims=[claim],
        events=[meeting, troops, deconfliction],
        errors=[ProcessingError(stage="extractor", message="m", plugin="p", extractor="e")],
    )


def test_results_and_model_types_pickle():
    result = _rich_result()
    assert pickle.loads(pickle.dumps(result)) == result
    for value in (result.article, *result.timexes, *result.actors, *result.claims, *result.events):
        assert pickle.loads(pickle.dumps(value)) == value
    assert hash(pickle.loads(pickle.dumps(result.events[0]))) == hash(result.events[0])


def test_pipeline_pickles_by_config_and_runs_the_same(sample_articles):
    pipeline = make_pipeline(TripwirePlugin(), strict=False, disable=["troops"])
    copy = pickle.loads(pickle.dumps(pipeline))
    assert copy.extractors == pipeline.extractors
    assert ("tripwire", "tripwire") in copy.extractors
    assert "troops" not in {plugin for plugin, _ in copy.extractors}
    assert copy.strict is False
    for article in sample_articles:
        assert copy.run(article) == pipeline.run(article)
