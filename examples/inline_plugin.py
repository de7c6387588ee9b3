"""An inline plugin: a class with ``@syrdiplo.hookimpl`` methods, passed as ``plugins=[...]``.

Shows the smallest complete plugin, with no packaging at all. It

* adds a lexicon table of its own (``syrdiplo_register_lexicons``): the words
  for a ceasefire;
* defines an event type, ``Ceasefire``, by subclassing :class:`syrdiplo.Event`;
* registers an extractor (``syrdiplo_register_extractors``) that reports every
  ceasefire mentioned in the article body, with its date when the sentence has one.

It matches on the normalised text and maps spans back to the original, as the
built-in extractors do (:mod:`syrdiplo.text`). To ship it to other people,
package it with an entry point: see ``examples/custom_plugin/``.

    python examples/inline_plugin.py

Prints the events as JSON. Works offline and finishes in about a second.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator

import attrs

import syrdiplo
from syrdiplo.text import PROCLITIC, WORD_END, WORD_START, compile_pattern


# --8<-- [start:event]
@attrs.frozen(kw_only=True)
class Ceasefire(syrdiplo.Event):
    """A ceasefire or truce mentioned in the article."""

    type: str = attrs.field(init=False, default="ceasefire")
    date: str | None = None


# --8<-- [end:event]


# --8<-- [start:extractor]
class CeasefireExtractor:
    name = "ceasefire"

    def extract(self, doc: syrdiplo.Document) -> Iterator[Ceasefire]:
        # Compile once per lexicon, not once per article.
        pattern = doc.lexicon.cached(
            "ceasefire.pattern",
            lambda lexicon: compile_pattern(
                WORD_START + PROCLITIC + r"\L<words>" + WORD_END,
                words=lexicon.words("ceasefire", "words"),
            ),
        )
        for start, end, _match in doc.normalized.finditer(pattern):
            sentence = doc.sentence_at(start)
            if sentence is None or doc.in_boilerplate(start):
                continue
            dated = [t for t in doc.timexes_in(sentence.start, sentence.end) if t.value]
            yield Ceasefire(
                evidence=[doc.span(start, end, role="trigger")],
                date=dated[0].value if dated else None,
                claim=doc.claim_for(start, end),
            )


# --8<-- [end:extractor]


# --8<-- [start:plugin]
class CeasefirePlugin:
    """The plugin object: pluggy finds the hooks by their names."""

    name = "ceasefire"  # the plugin's name in `syrdiplo plugins` and for `disable=`

    @syrdiplo.hookimpl
    def syrdiplo_register_lexicons(self, register):
        register("ceasefire", {"words": ["وقف إطلاق النار", "الهدنة", "هدنة", "التهدئة"]})

    @syrdiplo.hookimpl
    def syrdiplo_register_extractors(self, register):
        register(CeasefireExtractor())


# --8<-- [end:plugin]

TEXT = (
    "قال المتحدث باسم الكرملين إن موسكو وواشنطن اتفقتا على وقف إطلاق النار في جنوب غرب سوريا "
    "اعتبارا من 9 تموز 2017.\n"
    "وأضاف أن الهدنة تشمل محافظات درعا والقنيطرة والسويداء."
)


# --8<-- [start:run]
def main() -> int:
    pipeline = syrdiplo.Pipeline(plugins=[CeasefirePlugin()], entrypoints=False)
    result = pipeline.run({"id": "inline", "text": TEXT, "published": "2017-07-08"})
    output = result.to_dict()  # the JSON shape users see (syrdiplo.serialize)
    summary = {
        "extractors": [name for _plugin, name in pipeline.extractors],
        "ceasefires": [event for event in output["events"] if event["type"] == "ceasefire"],
        "errors": output["errors"],
    }
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return 0


# --8<-- [end:run]

if __name__ == "__main__":
    sys.exit(main())
