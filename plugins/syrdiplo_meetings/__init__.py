"""Built-in syrdiplo plugin: meetings, calls and talks.

Reports :class:`syrdiplo.Meeting` events (kind ``meeting``, ``call`` or
``talks``; status, date, participants, place, evidence and claim). See
:mod:`syrdiplo_meetings.extractor` for how, and ``data/meetings.toml`` for the
words, which other plugins can extend through ``syrdiplo_register_lexicons``
under the table name ``meetings``.

Shaped exactly like a third-party plugin: it imports only the public
``syrdiplo`` API and is registered through the ``syrdiplo`` entry-point group.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import syrdiplo

from .extractor import MeetingsExtractor

__all__ = ["MeetingsExtractor"]


@syrdiplo.hookimpl
def syrdiplo_register_lexicons(register: Any) -> None:
    register("meetings", resources.files(__name__) / "data" / "meetings.toml")


@syrdiplo.hookimpl
def syrdiplo_register_extractors(register: Any) -> None:
    register(MeetingsExtractor())
