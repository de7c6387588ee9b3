"""Spread a JSON Lines batch over worker processes, keeping input order.

:func:`run_lines` reads input lines lazily, sends them to a pool of worker
processes in small chunks and yields one output record per input line, in input
order. Each worker builds the pipeline once, in the pool initializer, from the
pipeline's configuration (a :class:`~syrdiplo.Pipeline` pickles as its
configuration and rebuilds itself when unpickled). Only a bounded number of
chunks is in flight at any time, so memory stays flat however long the input.

Failures stay with the article that caused them:

* an unusable line becomes an error record naming ``file:line``, as in
  :mod:`syrdiplo.batch`;
* an exception while processing an article becomes that article's error record
  (unless the pipeline is strict: then it is raised in the parent, after the
  records of the lines before it were yielded);
* a worker process that dies (a crash in C code, the out-of-memory killer) takes
  no article but its own with it: the pool is restarted, the lines of the
  failed chunk are retried one at a time to find the one that kills a worker,
  and that line gets an error record.

A batch that fits in one chunk runs in the calling process: starting a pool for
it would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import traceback
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import Any

from .batch import parse_line
from .errors import SyrdiploError
from .model import Article
from .pipeline import Pipeline, error_result
from .serialize import dumps

__all__ = ["Record", "WorkerError", "default_jobs", "run_lines"]

#: One output line (JSON, no newline) and whether its result carries errors.
Record = tuple[str, bool]
#: Numbered input lines (``(line number, raw line)``) handed to a worker at once.
_Chunk = Sequence[tuple[int, bytes | str]]

CHUNK_SIZE = 16
"""Lines sent to a worker at once: large enough to make the hand-over cheap,
small enough to keep both workers busy to the end of a batch."""

PENDING_PER_JOB = 4
"""Chunks in flight per worker: keeps workers fed while bounding memory."""


class WorkerError(SyrdiploError):
    """An error raised in a worker process that could not be sent back as it was.

    Its message is the original ``Type: message``; the original traceback is
    attached as a note.
    """


class WorkerCrash(SyrdiploError):
    """A worker process died while processing one article."""


def default_jobs() -> int:
    """The number of CPUs this process may use (all cores, unless restricted)."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counter is not None:
        count = counter()
    elif hasattr(os, "sched_getaffinity"):
        count = len(os.sched_getaffinity(0))
    else:  # pragma: no cover - platforms without affinity masks
        count = os.cpu_count()
    return max(1, count or 1)


def run_lines(
    pipeline: Pipeline,
    lines: Iterable[bytes | str],
    *,
    name: str = "<stdin>",
    jobs: int | None = None,
    chunk_size: int = CHUNK_SIZE,
    max_pending: int | None = None,
    start_method: str | None = None,
) -> Iterator[Record]:
    """Run every JSONL line through ``pipeline`` on ``jobs`` processes.

    :param lines: raw JSONL lines (``bytes`` or ``str``), read lazily.
    :param name: the input's name, used in error records (``name:line``).
    :param jobs: worker processes; ``None`` for all cores; ``1`` runs in this
        process with no pool.
    :param chunk_size: lines handed to a worker at once.
    :param max_pending: chunks in flight at most (default ``4 * jobs``).
    :param start_method: a :mod:`multiprocessing` start method; by default
        ``forkserver`` where the platform has it, else ``spawn``. Under both,
        plugin objects passed to the pipeline must be importable by the workers.
    :returns: one :data:`Record` per input line, in input order.
    :raises: in strict mode, the first failure, after the records before it.
    """
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, not {chunk_size}")
    chunks = _chunked(enumerate(lines, 1), chunk_size)
    head = list(islice(chunks, 2))
    if jobs == 1 or len(head) < 2:
        for chunk in chain(head, chunks):
            for number, raw in chunk:
                yield _process(pipeline, number, raw, name)
        return
    runner = _PoolRunner(
        pipeline,
        name=name,
        jobs=jobs,
        max_pending=max_pending or PENDING_PER_JOB * jobs,
        start_method=start_method,
    )
    yield from runner.run(chain(head, chunks))


# ---------------------------------------------------------------------- one article


def _process(pipeline: Pipeline, number: int, raw: bytes | str, name: str) -> Record:
    """One input line to one output record (raises only in strict mode)."""
    where = f"{name}:{number}"
    article = parse_line(raw, where)
    try:
        result = pipeline.run_safely(article, index=number - 1)
        return dumps(result), bool(result.errors)
    except Exception as error:
        if pipeline.strict:
            raise
        # run_safely records pipeline failures itself; this is a failure to serialize.
        result = error_result(
            error,
            article=article if isinstance(article, Article) else None,
            fallback_id=where,
            stage="internal",
        )
        return dumps(result), True


def _chunked(numbered: Iterable[tuple[int, bytes | str]], size: int) -> Iterator[_Chunk]:
    iterator = iter(numbered)
    while chunk := list(islice(iterator, size)):
        yield chunk


# ---------------------------------------------------------------------- worker side

_worker_pipeline: Pipeline | None = None


def _init_worker(pipeline: Pipeline) -> None:
    """Pool initializer: keep the pipeline (rebuilt from its config when unpickled)."""
    global _worker_pipeline
    # Ctrl-C reaches the whole process group; the parent handles it and stops the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_pipeline = pipeline


def _work(chunk: _Chunk, name: str) -> tuple[list[Record], BaseException | None]:
    """Process a chunk in a worker; a strict failure ends it and is sent back."""
    assert _worker_pipeline is not None, "the pool initializer did not run"
    records: list[Record] = []
    for number, raw in chunk:
        try:
            records.append(_process(_worker_pipeline, number, raw, name))
        except Exception as error:  # noqa: BLE001 - strict mode: hand the failure to the parent
            return records, _portable(error)
    return records, None


def _portable(error: BaseException) -> BaseException:
    """``error`` if it survives pickling, else a :class:`WorkerError` carrying its text."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:  # noqa: BLE001 - any failure to round-trip means "send a stand-in"
        stand_in = WorkerError(f"{type(error).__name__}: {error}")
        stand_in.add_note("".join(traceback.format_exception(error)).rstrip())
        return stand_in
    return error


# ---------------------------------------------------------------------- parent side


def _context(start_method: str | None) -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    method = start_method or ("forkserver" if "forkserver" in methods else "spawn")
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        # Workers fork from a server that has already imported syrdiplo.
        context.set_forkserver_preload(["syrdiplo.parallel"])
    return context


class _PoolRunner:
    """Feeds chunks to a process pool and yields their records in input order."""

    def __init__(
        self,
        pipeline: Pipeline,
        *,
        name: str,
        jobs: int,
        max_pending: int,
        start_method: str | None,
    ) -> None:
        self.pipeline = pipeline
        self.name = name
        self.jobs = jobs
        self.max_pending = max(1, max_pending)
        self.context = _context(start_method)
        self.executor: ProcessPoolExecutor | None = None

    def _pool(self) -> ProcessPoolExecutor:
        if self.executor is None:
            self.executor = ProcessPoolExecutor(
                max_workers=self.jobs,
                mp_context=self.context,
                initializer=_init_worker,
                initargs=(self.pipeline,),
            )
        return self.executor

    def _restart(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None

    def run(self, chunks: Iterable[_Chunk]) -> Iterator[Record]:
        pending: deque[tuple[Future[Any], _Chunk]] = deque()
        try:
            for chunk in chunks:
                pending.append((self._submit(chunk), chunk))
                while len(pending) >= self.max_pending:
                    yield from self._collect(pending)
            while pending:
                yield from self._collect(pending)
        finally:
            self._restart()

    def _submit(self, chunk: _Chunk) -> Future[Any]:
        try:
            return self._pool().submit(_work, chunk, self.name)
        except BrokenProcessPool as error:  # a worker died since the last result came back
            future: Future[Any] = Future()
            future.set_exception(error)
            return future

    def _collect(self, pending: deque[tuple[Future[Any], _Chunk]]) -> Iterator[Record]:
        """Yield the records of the oldest chunk; recover if a worker died."""
        future, chunk = pending.popleft()
        try:
            records, error = future.result()
        except BrokenProcessPool:
            # Every chunk in flight failed with the pool; the culprit may be any of
            # them. Finish the oldest line by line, then send the others again.
            retry = [c for _, c in pending]
            pending.clear()
            self._restart()
            yield from self._one_at_a_time(chunk)
            pending.extend((self._submit(c), c) for c in retry)
            return
        yield from records
        if error is not None:
            raise error

    def _one_at_a_time(self, chunk: _Chunk) -> Iterator[Record]:
        """Run a chunk's lines singly, so a line that kills its worker is found."""
        for line in chunk:
            try:
                records, error = self._submit([line]).result()
            except BrokenProcessPool:
                self._restart()
                self._check_pool_starts()
                yield self._crash_record(*line)
                continue
            yield from records
            if error is not None:
                raise error

    def _check_pool_starts(self) -> None:
        """Raise if a fresh pool dies with no article at all (its workers cannot start)."""
        try:
            self._submit([]).result()
        except BrokenProcessPool:
            self._restart()
            raise WorkerError(
                "worker processes die as they start (see the messages above); "
                "run with --jobs 1 to work without them"
            ) from None

    def _crash_record(self, number: int, raw: bytes | str) -> Record:
        where = f"{self.name}:{number}"
        article = parse_line(raw, where)
        crash = WorkerCrash(f"{where}: a worker process died while processing this article")
        if self.pipeline.strict:
            raise crash
        result = error_result(
            crash,
            article=article if isinstance(article, Article) else None,
            fallback_id=where,
            stage="internal",
        )
        return dumps(result), True
