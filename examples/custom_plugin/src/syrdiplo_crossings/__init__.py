"""syrdiplo-crossings: humanitarian aid border crossings into Syria.

A third-party syrdiplo plugin, packaged on its own. It adds

* a lexicon table, ``crossings`` (``data/crossings.toml``): the crossings
  (باب الهوى، باب السلامة، اليعربية، الراعي ...) and the words that report
  their opening, closing, extension, expiry or a blocked extension;
* an event type, :class:`CrossingEvent` (``"type": "crossing"``);
* an extractor, ``crossings``, that finds those events.

Installed with pip, it is found through the ``syrdiplo`` entry-point group
(see ``pyproject.toml``); ``syrdiplo plugins`` lists it as ``crossings``.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import syrdiplo

from .extractor import CrossingsExtractor
from .model import CrossingEvent, CrossingStatus

__all__ = ["CrossingEvent", "CrossingStatus", "CrossingsExtractor"]


# --8<-- [start:register_lexicons]
@syrdiplo.hookimpl
def syrdiplo_register_lexicons(register: Any) -> None:
    """Ship the crossings table; other plugins may extend it under the same name."""
    register("crossings", resources.files(__name__) / "data" / "crossings.toml")


# --8<-- [end:register_lexicons]


# --8<-- [start:register_extractors]
@syrdiplo.hookimpl
def syrdiplo_register_extractors(register: Any) -> None:
    register(CrossingsExtractor())


# --8<-- [end:register_extractors]
