"""The extractor protocol: what ``syrdiplo_register_extractors`` hands the pipeline."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from .document import Document
    from .model import Event

__all__ = ["Extractor"]


@runtime_checkable
class Extractor(Protocol):
    """Turns an analysed article into events.

    ``name`` must be unique in a pipeline; it names the extractor in errors and
    in ``syrdiplo plugins``. ``extract`` receives a frozen
    :class:`~syrdiplo.Document` (the article with its sentences, dates, actors
    and claims) and returns or yields :class:`~syrdiplo.Event` objects. It
    should not catch its own exceptions: the pipeline records them against the
    extractor and keeps the other extractors' output.
    """

    name: str

    def extract(self, doc: Document) -> Iterable[Event]: ...
