"""Actor recognition (being written: see issue 4)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import Document
    from .lexicon import Lexicon
    from .model import Actor


def check_gazetteer(lexicon: Lexicon) -> None:
    return None


def find_actors(doc: Document) -> tuple[Actor, ...]:
    return ()
