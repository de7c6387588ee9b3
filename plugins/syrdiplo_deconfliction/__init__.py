"""Built-in syrdiplo plugin: the deconfliction extractor.

Shaped exactly like a third-party plugin: it imports only the public
``syrdiplo`` API and is registered through the ``syrdiplo`` entry-point group.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import syrdiplo

from .extractor import DeconflictionExtractor

__all__ = ["DeconflictionExtractor"]


@syrdiplo.hookimpl
def syrdiplo_register_lexicons(register: Any) -> None:
    register("deconfliction", resources.files(__name__) / "data" / "deconfliction.toml")


@syrdiplo.hookimpl
def syrdiplo_register_extractors(register: Any) -> None:
    register(DeconflictionExtractor())
