"""Where the pipeline's time goes: per stage, then per function (cProfile).

    python benchmarks/profile_stages.py [--articles 100] [--top 25] [--json]

Runs the whole pipeline (all built-in plugins) over the samples repeated to
``--articles``, twice: once with each stage wrapped in a timer (normalise,
sentences, dates, actors, claims, each extractor; "other" is the rest of
``Pipeline.run``: merging and checking events), once under cProfile, printing
the functions with the most time of their own. Time spent inside ``regex``
matching shows up as ``{method 'search' ...}`` or, for ``finditer`` loops, as
the time of the list comprehension or function that iterates.

Stages are wrapped by replacing the functions ``syrdiplo.pipeline`` calls, so
this is a diagnostic tool, not a measurement to quote: the wrappers cost a
little, and cProfile a lot.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from _articles import ROOT, machine, repeated

import syrdiplo.pipeline as pipeline_module
from syrdiplo import Article, Pipeline

# (module, attribute, stage name): the functions Pipeline.run calls for the core stages.
_CORE_STAGES = (
    (pipeline_module, "normalize", "normalise"),
    (pipeline_module, "split_sentences", "sentences"),
    ("syrdiplo.dates", "find_timexes", "dates"),
    ("syrdiplo.actors", "find_actors", "actors"),
    ("syrdiplo.claims", "find_claims", "claims"),
)


class _TimedExtractor:
    def __init__(self, inner: Any, times: Counter[str]) -> None:
        self.name = inner.name
        self._inner = inner
        self._times = times

    def extract(self, doc: Any) -> list[Any]:
        start = time.perf_counter()
        found = list(self._inner.extract(doc) or ())
        self._times[f"extractor {self.name}"] += time.perf_counter() - start
        return found


def _timed(function: Callable[..., Any], stage: str, times: Counter[str]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            times[stage] += time.perf_counter() - start

    return wrapper


def stage_times(pipeline: Pipeline, articles: list[Article]) -> tuple[float, Counter[str]]:
    import importlib

    times: Counter[str] = Counter()
    restore = []
    for module, attribute, stage in _CORE_STAGES:
        target = importlib.import_module(module) if isinstance(module, str) else module
        original = getattr(target, attribute, None)
        if original is None:
            continue
        setattr(target, attribute, _timed(original, stage, times))
        restore.append((target, attribute, original))
    registered = list(pipeline._extractors)  # a diagnostic tool may look inside
    for index, item in enumerate(registered):
        wrapped = _TimedExtractor(item.extractor, times)
        pipeline._extractors[index] = type(item)(item.plugin, wrapped)
    try:
        start = time.perf_counter()
        for article in articles:
            pipeline.run(article)
        total = time.perf_counter() - start
    finally:
        for target, attribute, original in restore:
            setattr(target, attribute, original)
        pipeline._extractors[:] = registered
    return total, times


def hot_functions(pipeline: Pipeline, articles: list[Article], top: int) -> list[dict[str, Any]]:
    profile = cProfile.Profile()
    profile.enable()
    for article in articles:
        pipeline.run(article)
    profile.disable()
    stats = pstats.Stats(profile, stream=io.StringIO())
    rows = []
    for (file, line, function), (_cc, calls, own, cumulative, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        where = file.replace(str(ROOT) + "/", "") if file.startswith(str(ROOT)) else file
        name = f"{where}:{line}({function})" if line else function
        rows.append(
            {
                "function": name,
                "calls": calls,
                "own_ms_per_article": own / len(articles) * 1000,
                "cumulative_ms_per_article": cumulative / len(articles) * 1000,
            }
        )
    rows.sort(key=lambda r: -r["own_ms_per_article"])
    return rows[:top]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    articles = [Article.from_dict(a) for a in repeated(args.articles)]
    pipeline = Pipeline(entrypoints=False)
    for article in articles[:5]:
        pipeline.run(article)
    total, times = stage_times(pipeline, articles)
    per_article = {stage: t / len(articles) * 1000 for stage, t in times.most_common()}
    per_article["other"] = (total - sum(times.values())) / len(articles) * 1000
    report = {
        "articles": len(articles),
        "total_ms_per_article": total / len(articles) * 1000,
        "stages_ms_per_article": per_article,
        "hot_functions": hot_functions(pipeline, articles, args.top),
        "machine": machine(),
    }
    if args.json:
        json.dump(report, sys.stdout, indent=2)
        print()
        return 0
    lines = [
        f"## Pipeline profile: {report['articles']} articles, "
        f"{report['total_ms_per_article']:.2f} ms per article (with timers)",
        "",
        "| stage | ms per article | share |",
        "|---|---:|---:|",
    ]
    for stage, ms in per_article.items():
        lines.append(f"| {stage} | {ms:.2f} | {ms / report['total_ms_per_article']:.0%} |")
    lines += [
        "",
        "| function (cProfile, by own time) | calls | own ms/article | cumulative ms/article |",
        "|---|---:|---:|---:|",
    ]
    for row in report["hot_functions"]:
        lines.append(
            f"| `{row['function']}` | {row['calls']} | {row['own_ms_per_article']:.3f} | "
            f"{row['cumulative_ms_per_article']:.3f} |"
        )
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
