"""The ``syrdiplo`` command: a thin layer over the public API.

Exit codes: 0 every article clean; 1 a fatal error (unreadable input file, bad
option value, a plugin failure under ``--strict``); 2 bad usage; 3 a partial
run (some articles carry errors in their output records).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from . import __version__
from .batch import BatchSummary, run_jsonl
from .errors import InputError, SyrdiploError
from .model import Article
from .pipeline import Pipeline
from .report import format_result
from .serialize import dumps, to_dict

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _plugin_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--disable",
        metavar="NAME",
        action="append",
        default=[],
        help="do not load the plugin NAME (repeatable); see `syrdiplo plugins`",
    )
    parser.add_argument(
        "--no-entrypoints",
        action="store_true",
        help="load only the built-in plugins, not those installed from other packages",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="syrdiplo",
        description="Structured, dated, attributed facts from Arabic news about Russia-US diplomacy over Syria.",
    )
    parser.add_argument("--version", action="version", version=f"syrdiplo {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    extract = commands.add_parser(
        "extract",
        help="extract dates, claims and events from articles",
        description=(
            "Extract from text files (one article per file, id = file name without extension) "
            "or from a JSON Lines batch (--jsonl). Output is one JSON object per article."
        ),
    )
    extract.add_argument(
        "files", nargs="*", metavar="FILE", help="UTF-8 text files, one article each"
    )
    extract.add_argument(
        "--jsonl",
        metavar="IN",
        help='a JSON Lines file of {"id", "text", "published"} objects; "-" for stdin',
    )
    extract.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        default="-",
        help='where to write the output; "-" (default) for stdout',
    )
    extract.add_argument(
        "--published", type=_date, metavar="YYYY-MM-DD", help="publication date of the text files"
    )
    extract.add_argument(
        "--format",
        choices=("jsonl", "json", "text"),
        default=None,
        help="jsonl: one line per article (default for --jsonl); json: indented; text: a readable summary (default for files on a terminal)",
    )
    extract.add_argument(
        "--strict",
        action="store_true",
        help="stop at the first extractor or plugin failure instead of recording it",
    )
    extract.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help="worker processes for --jsonl batches (default: all cores; 1 runs without a pool)",
    )
    extract.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar on stderr for --jsonl batches (default: when stderr is a terminal; needs tqdm)",
    )
    _plugin_options(extract)

    plugins = commands.add_parser("plugins", help="list plugins and their extractors")
    plugins.add_argument("--all", action="store_true", help="also list blocked plugins")
    plugins.add_argument("--json", action="store_true", help="print JSON instead of a table")
    _plugin_options(plugins)

    dates = commands.add_parser("dates", help="find and resolve the date expressions in a text")
    dates.add_argument("text", nargs="?", help="the text (default: read stdin)")
    dates.add_argument(
        "--published", type=_date, metavar="YYYY-MM-DD", help="the anchor for relative dates"
    )
    return parser


def _open_output(path: str) -> IO[str]:
    if path == "-":
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot write: {error.strerror}", where=path) from None


def _pipeline(args: argparse.Namespace) -> Pipeline:
    return Pipeline(
        disable=args.disable,
        entrypoints=not args.no_entrypoints,
        strict=getattr(args, "strict", False),
    )


def _cmd_extract(args: argparse.Namespace) -> int:
    if bool(args.files) == bool(args.jsonl):
        raise _Usage("give either text FILEs or --jsonl IN, not both and not neither")
    if args.jobs is not None and args.jobs < 1:
        raise _Usage("--jobs must be at least 1")
    pipeline = _pipeline(args)
    out = _open_output(args.output)
    try:
        if args.jsonl:
            return _extract_jsonl(pipeline, args, out)
        return _extract_files(pipeline, args, out)
    finally:
        if out is not sys.stdout:
            out.close()


def _extract_jsonl(pipeline: Pipeline, args: argparse.Namespace, out: IO[str]) -> int:
    fmt = args.format or "jsonl"
    if fmt != "jsonl":
        raise _Usage("--jsonl batches are written as jsonl")
    name = "<stdin>" if args.jsonl == "-" else args.jsonl
    if args.jsonl == "-":
        summary = _run_batch(pipeline, sys.stdin.buffer, out, name, args)
    else:
        try:
            handle = open(args.jsonl, "rb")
        except OSError as error:
            raise InputError(f"cannot read: {error.strerror}", where=args.jsonl) from None
        with handle:
            summary = _run_batch(pipeline, handle, out, name, args)
    if summary.partial:
        print(
            f'syrdiplo: {summary.with_errors} of {summary.total} articles have errors (see their "errors" field)',
            file=sys.stderr,
        )
        return EXIT_PARTIAL
    return EXIT_OK


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError("--jobs must be at least 1")
    return jobs


def _run_batch(
    pipeline: Pipeline, lines: Any, out: IO[str], name: str, args: argparse.Namespace
) -> BatchSummary:
    from ._progress import count_lines, progress_bar, wants_progress
    from .parallel import default_jobs

    jobs = default_jobs() if args.jobs is None else args.jobs
    show = wants_progress(args.progress)
    total = count_lines(lines) if show else None
    with progress_bar(show, total=total) as update:
        return run_jsonl(pipeline, lines, out, name=name, jobs=jobs, progress=update)


def _extract_files(pipeline: Pipeline, args: argparse.Namespace, out: IO[str]) -> int:
    fmt = args.format or ("text" if out.isatty() else "jsonl")
    partial = False
    for path in args.files:
        try:
            text = Path(path).read_bytes().decode("utf-8")
            article: Any = Article.from_dict(
                {"id": Path(path).stem, "text": text, "published": args.published}, where=path
            )
        except OSError as error:
            article = InputError(f"cannot read: {error.strerror}", where=path)
        except UnicodeDecodeError as error:
            article = InputError(
                f"not valid UTF-8 (byte {error.start}: {error.reason})", where=path
            )
        except InputError as error:
            article = error
        if isinstance(article, InputError):
            article.article_id = Path(path).stem  # type: ignore[attr-defined]
            print(f"syrdiplo: {article}", file=sys.stderr)
        result = pipeline.run_safely(article)
        partial = partial or bool(result.errors)
        if fmt == "text":
            out.write(format_result(result) + "\n")
        elif fmt == "json":
            out.write(json.dumps(to_dict(result), ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(dumps(result) + "\n")
    return EXIT_PARTIAL if partial else EXIT_OK


def _cmd_plugins(args: argparse.Namespace) -> int:
    pipeline = _pipeline(args)
    infos = [i for i in pipeline.plugins if args.all or i.status != "blocked"]
    if args.json:
        rows = [
            {
                "name": i.name,
                "source": i.source,
                "status": i.status,
                "distribution": i.distribution,
                "version": i.version,
                "hooks": list(i.hooks),
                "extractors": list(i.extractors),
                "error": i.error,
            }
            for i in infos
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    header = ("NAME", "SOURCE", "STATUS", "DISTRIBUTION", "EXTRACTORS")
    table = [header] + [
        (
            i.name,
            i.source,
            i.status if not i.error else f"{i.status}: {i.error}",
            f"{i.distribution} {i.version}" if i.distribution else "-",
            ", ".join(i.extractors) or "-",
        )
        for i in infos
    ]
    widths = [max(len(row[c]) for row in table) for c in range(len(header) - 1)]
    for row in table:
        print("  ".join(cell.ljust(widths[c]) for c, cell in enumerate(row[:-1])) + "  " + row[-1])
    return EXIT_OK


def _cmd_dates(args: argparse.Namespace) -> int:
    from .dates import resolve

    text = args.text if args.text is not None else sys.stdin.read()
    for timex in resolve(text, args.published):
        print(dumps(timex))
    return EXIT_OK


class _Usage(Exception):
    pass


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handlers = {"extract": _cmd_extract, "plugins": _cmd_plugins, "dates": _cmd_dates}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("default")
            warnings.showwarning = _show_warning
            return handlers[args.command](args)
    except _Usage as error:
        parser.error(str(error))
    except SyrdiploError as error:
        print(f"syrdiplo: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except ExceptionGroup as group:
        # --strict with several failing extractors: report each one, no traceback
        _ours, rest = group.split(SyrdiploError)
        if rest is not None:
            raise
        for error in group.exceptions:
            print(f"syrdiplo: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    return EXIT_OK


def _show_warning(
    message: Any, category: Any, filename: str, lineno: int, file: Any = None, line: Any = None
) -> None:
    print(f"syrdiplo: warning: {message}", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
