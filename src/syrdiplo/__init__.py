"""syrdiplo: structured, dated, attributed facts from Arabic news about Syria diplomacy.

    >>> import syrdiplo
    >>> result = syrdiplo.extract("قال لافروف أمس إن ...", published="2021-07-28")
    >>> [t.value for t in result.timexes]
    ['2021-07-27']

Importing syrdiplo has no side effects: plugins are loaded and data files read
when the first pipeline is built.
"""

from __future__ import annotations

from typing import Any

from .document import Document
from .errors import (
    DataFileError,
    ExtractorError,
    InputError,
    PluginError,
    SyrdiploError,
    SyrdiploWarning,
)
from .extractor import Extractor
from .hookspecs import hookimpl
from .lexicon import Lexicon
from .model import (
    Actor,
    ActorType,
    Article,
    Claim,
    Deconfliction,
    DeconflictionStatus,
    Event,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Modifier,
    Precision,
    ProcessingError,
    Result,
    Sentence,
    Span,
    Timex,
    TroopChange,
    TroopCount,
    Zone,
)
from .pipeline import Pipeline, extract
from .plugins import PluginInfo

__all__ = [
    "Actor",
    "ActorType",
    "Article",
    "Claim",
    "DataFileError",
    "Deconfliction",
    "DeconflictionStatus",
    "Document",
    "Event",
    "Extractor",
    "ExtractorError",
    "InputError",
    "Lexicon",
    "Meeting",
    "MeetingKind",
    "MeetingStatus",
    "Modifier",
    "Pipeline",
    "PluginError",
    "PluginInfo",
    "Precision",
    "ProcessingError",
    "Result",
    "Sentence",
    "Span",
    "SyrdiploError",
    "SyrdiploWarning",
    "Timex",
    "TroopChange",
    "TroopCount",
    "Zone",
    "extract",
    "hookimpl",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("syrdiplo")
        except PackageNotFoundError:  # running from a source tree that was never installed
            return "0+unknown"
    raise AttributeError(f"module 'syrdiplo' has no attribute {name!r}")
