"""Streaming JSON Lines in and out: one output line per input line, same order.

Input lines are read one at a time and results written as soon as they are
ready, so memory stays flat however large the input. A line that is not valid
UTF-8, not JSON, or not a usable article becomes an error record in its place
(``{"id": ..., "errors": [{"stage": "input", "message": "articles.jsonl:7: ..."}]}``):
N lines in always give N lines out.

With ``jobs`` above 1 the lines are spread over worker processes
(:mod:`syrdiplo.parallel`); the output is the same, in the same order.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

import attrs

from .errors import InputError
from .model import Article
from .pipeline import Pipeline
from .serialize import dumps

__all__ = ["BatchSummary", "parse_line", "read_jsonl", "run_jsonl"]


@attrs.define
class BatchSummary:
    """Counts from one batch run."""

    total: int = 0
    clean: int = 0
    with_errors: int = 0

    @property
    def partial(self) -> bool:
        return self.with_errors > 0

    def count(self, failed: bool) -> None:
        """Count one written record."""
        self.total += 1
        if failed:
            self.with_errors += 1
        else:
            self.clean += 1


def _input_error(
    message: str, where: str, *, field: str | None = None, article_id: Any = None
) -> InputError:
    error = InputError(message, where=where, field=field)
    error.article_id = None if article_id is None else str(article_id)  # type: ignore[attr-defined]
    return error


def parse_line(raw: bytes | str, where: str) -> Article | InputError:
    """One JSONL line to an :class:`Article`, or the :class:`InputError` saying why not."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            return _input_error(
                f"not valid UTF-8 (byte {error.start}: {error.reason})", where, article_id=where
            )
    line = raw.strip().lstrip("\ufeff")
    if not line:
        return _input_error("empty line", where, article_id=where)
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        return _input_error(
            f"not JSON: {error.msg} at column {error.colno}", where, article_id=where
        )
    ident = data.get("id") if isinstance(data, dict) else None
    try:
        return Article.from_dict(data, where=where)
    except InputError as error:
        return _input_error(
            error.message,
            where,
            field=error.field,
            article_id=ident if ident is not None else where,
        )


def read_jsonl(
    lines: Iterable[bytes | str], *, name: str = "<stdin>"
) -> Iterator[Article | InputError]:
    """Parse JSONL lazily: an :class:`Article` or an :class:`InputError` per line.

    A final newline does not make an extra empty line; any other empty line is
    reported in its place.
    """
    for number, raw in enumerate(lines, 1):
        yield parse_line(raw, f"{name}:{number}")


def run_jsonl(
    pipeline: Pipeline,
    lines: Iterable[bytes | str],
    out: IO[str],
    *,
    name: str = "<stdin>",
    jobs: int = 1,
    progress: Callable[[int], object] | None = None,
) -> BatchSummary:
    """Run every JSONL line through ``pipeline`` and write one JSON line each to ``out``.

    :param name: the input's name, used in error records (``name:line``).
    :param jobs: worker processes; ``1`` (the default) runs in this process,
        more spreads the lines over a process pool (:func:`syrdiplo.parallel.run_lines`).
    :param progress: called with ``1`` after each record is written (a progress
        bar's ``update``, say).
    """
    summary = BatchSummary()
    if jobs == 1:
        for result in pipeline.run_many(read_jsonl(lines, name=name)):
            _write(dumps(result), bool(result.errors), out, summary, progress)
        return summary
    from .parallel import run_lines

    for text, failed in run_lines(pipeline, lines, name=name, jobs=jobs):
        _write(text, failed, out, summary, progress)
    return summary


def _write(
    text: str,
    failed: bool,
    out: IO[str],
    summary: BatchSummary,
    progress: Callable[[int], object] | None,
) -> None:
    out.write(text)
    out.write("\n")
    summary.count(failed)
    if progress is not None:
        progress(1)
