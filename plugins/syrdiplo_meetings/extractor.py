"""The meetings extractor (being written)."""

from __future__ import annotations

from collections.abc import Iterator

import syrdiplo


class MeetingsExtractor:
    name = "meetings"

    def extract(self, doc: syrdiplo.Document) -> Iterator[syrdiplo.Event]:
        return iter(())
