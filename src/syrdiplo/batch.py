"""Streaming JSON Lines in and out: one output line per input line, same order.

Input lines are read one at a time and results written as soon as they are
ready, so memory stays flat however large the input. A line that is not valid
UTF-8, not JSON, or not a usable article becomes an error record in its place
(``{"id": ..., "errors": [{"stage": "input", "message": "articles.jsonl:7: ..."}]}``):
N lines in always give N lines out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

import attrs

from .errors import InputError
from .model import Article, Result
from .pipeline import Pipeline
from .serialize import dumps

__all__ = ["BatchSummary", "read_jsonl", "run_jsonl"]


@attrs.define
class BatchSummary:
    """Counts from one batch run."""

    total: int = 0
    clean: int = 0
    with_errors: int = 0

    @property
    def partial(self) -> bool:
        return self.with_errors > 0


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
) -> BatchSummary:
    """Run every JSONL line through ``pipeline`` and write one JSON line each to ``out``."""
    summary = BatchSummary()
    for result in pipeline.run_many(read_jsonl(lines, name=name)):
        _write(result, out, summary)
    return summary


def _write(result: Result, out: IO[str], summary: BatchSummary) -> None:
    out.write(dumps(result))
    out.write("\n")
    summary.total += 1
    if result.errors:
        summary.with_errors += 1
    else:
        summary.clean += 1
