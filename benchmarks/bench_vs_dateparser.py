"""syrdiplo against dateparser's ``search_dates``, side by side in one run.

    python benchmarks/bench_vs_dateparser.py [--articles 300] [--rounds 5] [--variants] [--json]

On the same articles (the five samples repeated to ``--articles``), each round
times, one after the other in this process:

* ``pipeline``: the whole syrdiplo pipeline, all built-in plugins
  (``Pipeline(entrypoints=False).run(article)``);
* ``resolver``: syrdiplo's date resolver alone (``syrdiplo.dates.resolve``);
* ``dateparser``: ``search_dates(text, languages=["ar"], settings=...)`` with
  fresh settings per call and the publication date as ``RELATIVE_BASE``;
* ``floor``: one ``finditer`` pass of a compiled ``regex`` alternation of the
  date words in syrdiplo's core lexicon over the raw text, anchored at word
  starts as syrdiplo's patterns are (``syrdiplo.text.WORD_START``): the least
  a date finder that matches its lexicon with ``regex`` must do;
* ``floor_plain``: the same alternation without the anchor, so tried at every
  character (what an unanchored lexicon pattern costs);
* ``floor_tokens``: a dictionary lookup of every whitespace-separated token
  in the set of the lexicon's first words: what a token-based matcher costs.

Rounds rotate the order of the four, so drift in machine load does not favour
one. Per-article times are a round's total over the number of articles; ratios
are taken within a round and reported as the median and range over rounds.

Accuracy is measured on the five gold articles, with the scorer's timex rule
(a gold date is found when a predicted span overlaps it with the same value;
a prediction that overlaps no gold date with its value is spurious; gold dates
with a null value, and optional ones, are not counted). dateparser returns a
``datetime`` with every field filled in, so it is written at the precision of
the gold date it overlaps before comparing: ``2021``, ``2021-07``,
``2021-07-27``, ``2016-W33`` (ISO week) or ``2024-11-13T18:37``; against a
range ``A/B`` it is counted right when its day falls inside the range.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import re
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from typing import Any

import regex
from _articles import fmt_ratio, gold, machine, repeated, samples, spread

import syrdiplo
from syrdiplo import Article, Pipeline
from syrdiplo.dates import resolve
from syrdiplo.lexicon import core_lexicon
from syrdiplo.text import WORD_START

# Tables of the core lexicon that hold date words (months, weekdays, relative cues ...).
_DATE_TABLE = re.compile(r"month|week|day|date|time|calendar|hijri|relative|season", re.I)
_ARABIC = regex.compile(r"\p{Arabic}")
# Only used while the core lexicon has no date tables yet (the resolver is written
# concurrently): the Gregorian month names in both sets and the weekdays.
_FALLBACK_WORDS = (
    "يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر "
    "كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين "
    "السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة أمس اليوم غدا"
).split()

_DATED = re.compile(r"^\d{4}")


# ---------------------------------------------------------------------- the four contenders


def date_words() -> tuple[list[str], str]:
    """Every Arabic string in the core lexicon's date tables, and where they came from."""
    lexicon = core_lexicon()
    tables = [name for name in lexicon.names() if _DATE_TABLE.search(name)]
    words: set[str] = set()
    for name in tables:
        words.update(_strings(lexicon[name]))
    words = {w for w in words if _ARABIC.search(w)}
    if not words:
        return sorted(_FALLBACK_WORDS), "fallback list (no date tables in the core lexicon yet)"
    return sorted(words), "core lexicon tables " + ", ".join(tables)


def _strings(node: Any) -> Iterable[str]:
    if isinstance(node, str):
        yield node.strip()
    elif isinstance(node, dict):
        for key, value in node.items():
            yield str(key)
            yield from _strings(value)
    elif isinstance(node, list | tuple):
        for item in node:
            yield from _strings(item)


def make_floors(words: list[str]) -> dict[str, Callable[[str], int]]:
    """The three floors: anchored and plain regex alternations, and token lookup."""
    alternation = "|".join(regex.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    anchored = regex.compile(f"{WORD_START}(?:{alternation})")
    plain = regex.compile(alternation)
    first_words = {w.split()[0] for w in words}

    def floor(text: str) -> int:
        return sum(1 for _ in anchored.finditer(text))

    def floor_plain(text: str) -> int:
        return sum(1 for _ in plain.finditer(text))

    def floor_tokens(text: str) -> int:
        return sum(1 for token in text.split() if token in first_words)

    return {"floor": floor, "floor_plain": floor_plain, "floor_tokens": floor_tokens}


def relative_base(article: dict[str, Any]) -> dt.datetime | None:
    published = article.get("published")
    return dt.datetime.fromisoformat(published) if published else None


def run_dateparser(article: dict[str, Any]) -> list[tuple[str, dt.datetime]]:
    from dateparser.search import search_dates

    settings: dict[str, Any] = {}  # fresh settings on every call
    base = relative_base(article)
    if base is not None:
        settings["RELATIVE_BASE"] = base
    return search_dates(article["text"], languages=["ar"], settings=settings) or []


# ---------------------------------------------------------------------- timing


def time_round(contenders: dict[str, Callable[[], object]], order: list[str]) -> dict[str, float]:
    seconds = {}
    for name in order:
        gc.collect()
        start = time.perf_counter()
        contenders[name]()
        seconds[name] = time.perf_counter() - start
    return seconds


# ---------------------------------------------------------------------- accuracy


def gold_span(text: str, item: dict[str, Any]) -> tuple[int, int]:
    start = -1
    for _ in range(item["occurrence"]):
        start = text.find(item["text"], start + 1)
        if start < 0:
            raise ValueError(f"gold text {item['text']!r} not found {item['occurrence']} times")
    return start, start + len(item["text"])


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _period(value: str) -> tuple[dt.date, dt.date]:
    """First and last day of a TIMEX value (year, month, week, day, time)."""
    if m := re.fullmatch(r"(\d{4})", value):
        year = int(m[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        first = dt.date(int(m[1]), int(m[2]), 1)
        following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return first, following - dt.timedelta(days=1)
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        first = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return first, first + dt.timedelta(days=6)
    day = dt.date.fromisoformat(value[:10])
    return day, day


def at_precision(moment: dt.datetime, gold_value: str) -> str:
    """``moment`` written at the precision of ``gold_value``."""
    if re.fullmatch(r"\d{4}", gold_value):
        return f"{moment.year:04d}"
    if re.fullmatch(r"\d{4}-\d{2}", gold_value):
        return moment.strftime("%Y-%m")
    if re.fullmatch(r"\d{4}-W\d{2}", gold_value):
        iso = moment.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    if "T" in gold_value:
        return moment.strftime("%Y-%m-%dT%H:%M")
    return moment.strftime("%Y-%m-%d")


def dateparser_agrees(moment: dt.datetime, gold_value: str) -> bool:
    if "/" in gold_value:
        first, last = (_period(part) for part in gold_value.split("/", 1))
        return first[0] <= moment.date() <= last[1]
    return at_precision(moment, gold_value) == gold_value


def score(
    text: str,
    gold_items: list[dict[str, Any]],
    predicted: list[tuple[tuple[int, int], Any]],
    agrees: Callable[[Any, str], bool],
) -> dict[str, int]:
    """True positives, false positives and misses, by the scorer's timex rule."""
    spans = [(gold_span(text, g), g) for g in gold_items]
    tp = fn = fp = 0
    for span, g in spans:
        if not g.get("core", True) or not (
            isinstance(g["value"], str) and _DATED.match(g["value"])
        ):
            continue
        if any(_overlap(span, p) and agrees(value, g["value"]) for p, value in predicted):
            tp += 1
        else:
            fn += 1
    for p, value in predicted:
        near = [g for s, g in spans if _overlap(s, p)]
        if any(isinstance(g["value"], str) and agrees(value, g["value"]) for g in near):
            continue
        if any(g["value"] is None and not g.get("core", True) for g in near):
            continue
        fp += 1
    return {"tp": tp, "fp": fp, "fn": fn}


def locate(
    text: str, found: list[tuple[str, dt.datetime]]
) -> list[tuple[tuple[int, int], dt.datetime]]:
    """Spans of dateparser's substrings, found left to right as it reports them."""
    spans = []
    cursor = 0
    for substring, moment in found:
        start = text.find(substring, cursor)
        if start < 0:
            start = text.find(substring)
        if start < 0:
            continue
        spans.append(((start, start + len(substring)), moment))
        cursor = start + 1
    return spans


def accuracy() -> dict[str, dict[str, Any]]:
    articles = {a["id"]: a for a in samples()}
    totals = {"resolver": {"tp": 0, "fp": 0, "fn": 0}, "dateparser": {"tp": 0, "fp": 0, "fn": 0}}
    for item in gold():
        article = articles[item["id"]]
        text = article["text"]
        ours = [
            ((t.start, t.end), t.value)
            for t in resolve(text, article.get("published"))
            if isinstance(t.value, str) and _DATED.match(t.value)
        ]
        theirs = locate(text, run_dateparser(article))
        for name, predicted, agrees in (
            ("resolver", ours, lambda value, g: value == g),
            ("dateparser", theirs, dateparser_agrees),
        ):
            for key, count in score(text, item["timexes"], predicted, agrees).items():
                totals[name][key] += count
    for counts in totals.values():
        tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        counts["precision"] = round(precision, 3)
        counts["recall"] = round(recall, 3)
        counts["f1"] = (
            round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0
        )
    return totals


# ---------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--articles", type=int, default=300, help="articles per round (default 300)"
    )
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds (default 5)")
    parser.add_argument(
        "--variants", action="store_true", help="shift each copy's publication date"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")  # dateparser's deprecation chatter

    inputs = repeated(args.articles, variants=args.variants)
    articles = [Article.from_dict(a) for a in inputs]
    started = time.perf_counter()
    pipeline = Pipeline(entrypoints=False)
    build_seconds = time.perf_counter() - started
    words, words_from = date_words()
    floors = make_floors(words)

    contenders: dict[str, Callable[[], object]] = {
        "pipeline": lambda: [pipeline.run(a) for a in articles],
        "resolver": lambda: [resolve(a.text, a.published) for a in articles],
        "dateparser": lambda: [run_dateparser(a) for a in inputs],
        **{name: _over(articles, function) for name, function in floors.items()},
    }
    # Warm up: first calls load data and compile patterns (dateparser's language data too).
    first_call = {}
    for name, run in (
        ("pipeline", lambda: [pipeline.run(a) for a in articles[:5]]),
        ("resolver", lambda: [resolve(a.text, a.published) for a in articles[:5]]),
        ("dateparser", lambda: [run_dateparser(a) for a in inputs[:5]]),
        *((name, _over(articles[:5], function)) for name, function in floors.items()),
    ):
        start = time.perf_counter()
        run()
        first_call[name] = time.perf_counter() - start

    names = list(contenders)
    rounds = []
    before = machine()
    for number in range(args.rounds):
        order = names[number % len(names) :] + names[: number % len(names)]
        rounds.append(time_round(contenders, order))
    after = machine()

    per_article_ms = {
        name: spread([r[name] / len(articles) * 1000 for r in rounds]) for name in names
    }
    ratios = {
        "dateparser / pipeline": spread([r["dateparser"] / r["pipeline"] for r in rounds]),
        "dateparser / resolver": spread([r["dateparser"] / r["resolver"] for r in rounds]),
        "pipeline / floor": spread([r["pipeline"] / r["floor"] for r in rounds]),
        "dateparser / floor": spread([r["dateparser"] / r["floor"] for r in rounds]),
        "pipeline / floor_tokens": spread([r["pipeline"] / r["floor_tokens"] for r in rounds]),
    }
    report = {
        "articles": len(articles),
        "rounds": args.rounds,
        "variants": args.variants,
        "pipeline_build_seconds": round(build_seconds, 4),
        "first_call_seconds_for_5_articles": {k: round(v, 4) for k, v in first_call.items()},
        "extractors": [name for _, name in pipeline.extractors],
        "floor_words": len(words),
        "floor_words_from": words_from,
        "per_article_ms": per_article_ms,
        "ratios": ratios,
        "accuracy_on_gold": accuracy(),
        "versions": {
            "syrdiplo": syrdiplo.__version__,
            "dateparser": _version("dateparser"),
            "regex": _version("regex"),
        },
        "machine_before": before,
        "load_average_after": after["load_average"],
    }
    if args.json:
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(markdown(report))
    return 0


def _over(articles: list[Article], function: Callable[[str], int]) -> Callable[[], object]:
    return lambda: [function(a.text) for a in articles]


def _version(name: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return None


def markdown(report: dict[str, Any]) -> str:
    ms = report["per_article_ms"]
    lines = [
        f"## syrdiplo vs dateparser: {report['articles']} articles x {report['rounds']} rounds",
        "",
        "| contender | ms per article (median) | runs |",
        "|---|---:|---|",
    ]
    for name, values in ms.items():
        lines.append(
            f"| {name} | {values['median']:.3f} | {values['min']:.3f}–{values['max']:.3f} |"
        )
    lines += ["", "| ratio | median (range over rounds) |", "|---|---|"]
    for name, values in report["ratios"].items():
        lines.append(f"| {name} | {fmt_ratio(values)} |")
    lines += [
        "",
        "| date accuracy on the gold | found | spurious | missed | P | R | F1 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, c in report["accuracy_on_gold"].items():
        lines.append(
            f"| {name} | {c['tp']} | {c['fp']} | {c['fn']} | {c['precision']:.3f} | {c['recall']:.3f} | {c['f1']:.3f} |"
        )
    m = report["machine_before"]
    lines += [
        "",
        f"Pipeline built in {report['pipeline_build_seconds'] * 1000:.0f} ms; extractors: "
        f"{', '.join(report['extractors']) or 'none'}. Floor: {report['floor_words']} words "
        f"from the {report['floor_words_from']}.",
        f"Python {m['python']}, {m['cores']} cores, load average {m['load_average']} before "
        f"and {report['load_average_after']} after; commit {m['commit']}; "
        f"dateparser {report['versions']['dateparser']}.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
