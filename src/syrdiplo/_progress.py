"""The batch progress bar: tqdm on stderr, only where someone is watching.

tqdm is an optional dependency (the ``progress`` extra) and is imported only
when a bar is shown, so the core runs without it.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import warnings
from collections.abc import Callable, Iterator
from typing import IO, Any

from .errors import SyrdiploWarning

__all__ = ["count_lines", "progress_bar", "wants_progress"]


def wants_progress(option: bool | None, stream: IO[str] | None = None) -> bool:
    """``--progress``/``--no-progress`` when given, else whether ``stream`` is a terminal."""
    if option is not None:
        return option
    stream = sys.stderr if stream is None else stream
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


def count_lines(handle: Any) -> int | None:
    """Lines in a regular, seekable binary file, read without moving its position.

    ``None`` for pipes, terminals and anything else that cannot be read twice.
    """
    try:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode) or not handle.seekable():
            return None
        start = handle.tell()
    except (AttributeError, OSError, ValueError):
        return None
    count, last = 0, b"\n"
    try:
        while block := handle.read(1 << 20):
            count += block.count(b"\n")
            last = block[-1:]
    finally:
        handle.seek(start)
    return count + (last != b"\n")


@contextlib.contextmanager
def progress_bar(
    enabled: bool, *, total: int | None = None, stream: IO[str] | None = None
) -> Iterator[Callable[[int], object] | None]:
    """A tqdm bar's ``update`` when ``enabled`` and tqdm is installed, else ``None``."""
    if not enabled:
        yield None
        return
    try:
        from tqdm import tqdm
    except ImportError:
        warnings.warn(
            "no progress bar: tqdm is not installed (pip install 'syrdiplo[progress]')",
            SyrdiploWarning,
            stacklevel=3,
        )
        yield None
        return
    with tqdm(
        total=total,
        unit=" articles",
        file=sys.stderr if stream is None else stream,
        dynamic_ncols=True,
        mininterval=0.5,
        smoothing=0.05,
    ) as bar:
        yield bar.update
