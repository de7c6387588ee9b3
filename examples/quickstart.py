"""Quickstart: run syrdiplo on the five sample articles and print what it found.

Shows the shortest useful program: build a :class:`syrdiplo.Pipeline` once,
run it over articles given as ``{"id", "published", "text"}`` dicts, and print
each result as a readable summary (dates, who said what, events).

    python examples/quickstart.py            # readable summary
    python examples/quickstart.py --json     # one JSON object per article

Works offline and finishes in a second or two.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import syrdiplo
from syrdiplo.report import format_result

SAMPLES = Path(__file__).resolve().parent / "data" / "seeds.input.jsonl"


# --8<-- [start:main]
def main(argv: list[str]) -> int:
    with open(SAMPLES, encoding="utf-8") as handle:
        articles = [json.loads(line) for line in handle if line.strip()]

    # Built once: plugins are loaded and language data read here, not per article.
    pipeline = syrdiplo.Pipeline()

    for article in articles:
        result = pipeline.run(article)
        if "--json" in argv:
            print(result.to_json())
        else:
            print(format_result(result))
            counts = ", ".join(
                f"{len(getattr(result, name))} {name}"
                for name in ("timexes", "actors", "claims", "events")
            )
            print(f"  total:  {counts}\n")
    return 0


# --8<-- [end:main]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
