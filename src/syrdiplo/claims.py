"""Claim extraction (being written: see issue 4)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import Document
    from .model import Claim


def find_claims(doc: Document) -> tuple[Claim, ...]:
    return ()
