"""The deconfliction extractor (being written)."""

from __future__ import annotations

from collections.abc import Iterator

import syrdiplo


class DeconflictionExtractor:
    name = "deconfliction"

    def extract(self, doc: syrdiplo.Document) -> Iterator[syrdiplo.Event]:
        return iter(())
