"""Batch processing: JSON Lines in, JSON Lines out, with one reusable Pipeline.

Shows how to process many articles the way ``syrdiplo extract --jsonl`` does:

* the :class:`syrdiplo.Pipeline` is built once and reused for every article;
* input is read lazily, one line at a time (``syrdiplo.batch.read_jsonl``), so
  memory stays flat however long the file is;
* a bad line never stops the batch: it becomes an error record in its place
  (``"errors": [{"stage": "input", ...}]``), so N lines in give N lines out;
* a summary goes to stderr, the results to stdout.

    python examples/batch_jsonl.py                       # the sample articles
    python examples/batch_jsonl.py articles.jsonl > out.jsonl

Works offline and finishes in a second or two.
"""

from __future__ import annotations

import itertools
import sys
from collections import Counter
from pathlib import Path

import syrdiplo
from syrdiplo.batch import read_jsonl
from syrdiplo.serialize import dumps

SAMPLES = Path(__file__).resolve().parent / "data" / "seeds.input.jsonl"

# One line that is not JSON, to show what an error record looks like.
BROKEN_LINE = '{"id": "broken", "text": "نص بلا نهاية'


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else SAMPLES
    pipeline = syrdiplo.Pipeline(strict=False)  # record failures in "errors" instead of raising

    events: Counter[str] = Counter()
    total = failed = 0
    with open(path, "rb") as handle:
        lines = handle if argv else itertools.chain(handle, [BROKEN_LINE.encode("utf-8")])
        for result in pipeline.run_many(read_jsonl(lines, name=path.name)):
            print(dumps(result))
            total += 1
            failed += not result.ok
            events.update(event.type for event in result.events)

    found = ", ".join(f"{n} {kind}" for kind, n in sorted(events.items())) or "no events"
    print(f"{total} articles, {failed} with errors; {found}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
