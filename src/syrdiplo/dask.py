"""Run syrdiplo on Dask, for archives that outgrow one machine.

Needs the ``dask`` extra (``pip install 'syrdiplo[dask]'``); Dask is imported
only when these functions are called.

* :func:`extract_bag` turns JSONL files (one partition per file) or a Dask bag
  of lines or articles into a bag of result dicts, the shape
  ``syrdiplo extract --jsonl`` writes (:func:`syrdiplo.serialize.to_dict`).
* :func:`extract_jsonl_files` writes one output JSONL file per input file and
  returns a :class:`FileReport` for each; each task streams its file, so a
  worker's memory stays flat however large the file.

Each worker process builds the pipeline once and reuses it for every partition
it runs (the pipeline travels to workers as its pickled configuration). Input
lines are read and checked exactly as the command line does, so an unusable
line becomes an error record naming ``file:line`` and never stops the others.
Paths may be anything :mod:`fsspec` opens (``s3://...`` with ``s3fs``, say) and
``.gz``/``.bz2``/``.xz`` files are read compressed.

Example, on a local cluster::

    from dask.distributed import Client
    from syrdiplo.dask import extract_jsonl_files

    client = Client()  # or Client("scheduler-address:8786")
    reports = extract_jsonl_files("archive/2021-*.jsonl.gz", "out/")
    print(sum(r.with_errors for r in reports), "articles with errors")
"""

from __future__ import annotations

import pickle
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

import attrs

from .batch import BatchSummary, parse_line
from .errors import InputError
from .pipeline import Pipeline
from .serialize import dumps, to_dict

if TYPE_CHECKING:
    import dask.bag

__all__ = ["FileReport", "extract_bag", "extract_jsonl_files"]

_GLOB = frozenset("*?[")
_COMPRESSED = (".gz", ".bz2", ".xz", ".zst", ".lz4")
_JSONL = (".jsonl", ".ndjson", ".json")


@attrs.frozen(kw_only=True)
class FileReport:
    """What :func:`extract_jsonl_files` did with one input file."""

    input: str
    output: str
    total: int
    clean: int
    with_errors: int


def extract_bag(
    source: str | Sequence[str] | dask.bag.Bag,
    *,
    pipeline: Pipeline | None = None,
    **pipeline_options: Any,
) -> dask.bag.Bag:
    """A Dask bag of result dicts, one per input line or article, in input order.

    :param source: a JSONL path or glob, a list of them (one partition per
        file), or a bag whose items are JSONL lines (``str``/``bytes``),
        article mappings (``{"id", "text", "published"}``) or
        :class:`~syrdiplo.Article` objects.
    :param pipeline: the pipeline to run; by default one built from
        ``pipeline_options`` (the :class:`~syrdiplo.Pipeline` keywords:
        ``disable``, ``entrypoints``, ``plugins``, ``strict``).
    :returns: a lazy bag; call ``.compute()`` or write it out.
    """
    db = _require_dask()
    spec = _spec(pipeline, pipeline_options)
    if isinstance(source, db.Bag):
        from dask import delayed

        parts = [
            delayed(_run_items, pure=True)(part, spec, f"<bag>[{number}]")
            for number, part in enumerate(source.to_delayed())
        ]
        return db.from_delayed(parts)
    files = _expand(source)
    return db.from_sequence(files, npartitions=len(files)).map_partitions(_run_files, spec)


def extract_jsonl_files(
    inputs: str | Sequence[str],
    output_dir: str,
    *,
    pipeline: Pipeline | None = None,
    scheduler: str | None = None,
    **pipeline_options: Any,
) -> list[FileReport]:
    """Run every input JSONL file through the pipeline, one output file each.

    Output files are named after their input (``2021-07.jsonl.gz`` gives
    ``output_dir/2021-07.jsonl``; inputs that share a name are numbered) and
    hold one line per input line, in order, as ``syrdiplo extract --jsonl``
    would write them.

    :param inputs: a JSONL path or glob, or a list of them.
    :param output_dir: where to write; created if missing.
    :param scheduler: a Dask scheduler (``"sync"``, ``"threads"``,
        ``"processes"``); by default Dask's current one (a
        ``dask.distributed.Client`` if one is active).
    :returns: one :class:`FileReport` per input file, in input order.
    """
    db = _require_dask()
    import fsspec

    spec = _spec(pipeline, pipeline_options)
    files = _expand(inputs)
    fs, root = fsspec.core.url_to_fs(output_dir)
    fs.makedirs(root, exist_ok=True)
    outputs = _output_names(files, output_dir.rstrip("/"))
    clash = set(files) & set(outputs)
    if clash:
        raise InputError("an output file would overwrite its input", where=sorted(clash)[0])
    jobs = db.from_sequence(list(zip(files, outputs, strict=True)), npartitions=len(files))
    return list(jobs.map(_convert_file, spec).compute(scheduler=scheduler))


# ---------------------------------------------------------------------- helpers


def _require_dask() -> Any:
    try:
        import dask.bag
    except ImportError as error:
        raise ImportError(
            "syrdiplo.dask needs Dask; install the extra: pip install 'syrdiplo[dask]'"
        ) from error
    return dask.bag


def _spec(pipeline: Pipeline | None, options: Mapping[str, Any]) -> bytes:
    """The pipeline as its pickled configuration: what tasks carry to the workers."""
    if pipeline is not None and options:
        raise TypeError("give either a pipeline or pipeline options, not both")
    return pickle.dumps(pipeline if pipeline is not None else Pipeline(**options))


_pipelines: dict[bytes, Pipeline] = {}
_pipelines_lock = threading.Lock()


def _pipeline_for(spec: bytes) -> Pipeline:
    """The pipeline for ``spec``, built once per worker process."""
    with _pipelines_lock:
        pipeline = _pipelines.get(spec)
        if pipeline is None:
            pipeline = _pipelines[spec] = pickle.loads(spec)
        return pipeline


def _expand(inputs: str | Sequence[str]) -> list[str]:
    """Input paths with globs expanded; each must exist."""
    import fsspec

    patterns = [inputs] if isinstance(inputs, str) else list(inputs)
    if not patterns:
        raise InputError("no input files given")
    files: list[str] = []
    for pattern in patterns:
        fs, path = fsspec.core.url_to_fs(pattern)
        if not _GLOB & set(path):
            if not fs.isfile(path):
                raise InputError("cannot read: no such file", where=pattern)
            files.append(pattern)
            continue
        found = sorted(p for p in fs.glob(path) if fs.isfile(p))
        if not found:
            raise InputError("no file matches", where=pattern)
        local = "file" in (fs.protocol if isinstance(fs.protocol, tuple) else (fs.protocol,))
        files.extend(found if local else [fs.unstrip_protocol(p) for p in found])
    return files


def _output_names(files: Sequence[str], output_dir: str) -> list[str]:
    stems = []
    for file in files:
        name = PurePosixPath(file.replace("\\", "/")).name
        for suffixes in (_COMPRESSED, _JSONL):
            for suffix in suffixes:
                if name.lower().endswith(suffix) and len(name) > len(suffix):
                    name = name[: -len(suffix)]
                    break
        stems.append(name)
    unique = len(set(stems)) == len(stems)
    return [
        f"{output_dir}/{stem}.jsonl" if unique else f"{output_dir}/{number:05d}-{stem}.jsonl"
        for number, stem in enumerate(stems)
    ]


def _lines(path: str) -> Iterator[bytes]:
    import fsspec

    with fsspec.open(path, "rb", compression="infer") as handle:
        yield from handle


def _run_files(paths: Iterable[str], spec: bytes) -> list[dict[str, Any]]:
    pipeline = _pipeline_for(spec)
    results = []
    for path in paths:
        for number, raw in enumerate(_lines(path), 1):
            article = parse_line(raw, f"{path}:{number}")
            results.append(to_dict(pipeline.run_safely(article, index=number - 1)))
    return results


def _run_items(items: Iterable[Any], spec: bytes, name: str) -> list[dict[str, Any]]:
    pipeline = _pipeline_for(spec)
    results = []
    for number, item in enumerate(items, 1):
        article = parse_line(item, f"{name}:{number}") if isinstance(item, str | bytes) else item
        results.append(to_dict(pipeline.run_safely(article, index=number - 1)))
    return results


def _convert_file(job: tuple[str, str], spec: bytes) -> FileReport:
    import fsspec

    source, target = job
    pipeline = _pipeline_for(spec)
    summary = BatchSummary()
    with fsspec.open(target, "w", encoding="utf-8") as out:
        for number, raw in enumerate(_lines(source), 1):
            result = pipeline.run_safely(parse_line(raw, f"{source}:{number}"), index=number - 1)
            out.write(dumps(result))
            out.write("\n")
            summary.count(bool(result.errors))
    return FileReport(
        input=source,
        output=target,
        total=summary.total,
        clean=summary.clean,
        with_errors=summary.with_errors,
    )
