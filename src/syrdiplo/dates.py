"""The Arabic date resolver (being written: see issue 3)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import Document
    from .model import Timex


def find_timexes(doc: Document) -> tuple[Timex, ...]:
    return ()


def resolve(text: str, published: object = None) -> list[Timex]:
    return []
