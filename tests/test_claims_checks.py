"""The named checks by which a reporting verb's match is set aside (``_VERB_CHECKS``).

Each sentence below is our own. A word in it looks like a reporting verb but
reports nothing there, and the check named beside it is the one that must say
why; the same verb used to report passes every check and gives a claim.
"""

from __future__ import annotations

import pytest

from syrdiplo import Pipeline
from syrdiplo._actors_data import gazetteer, key
from syrdiplo._claims_cues import cues
from syrdiplo._claims_find import _VERB_CHECKS, _Finder


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(entrypoints=False)


def _verdicts(pipeline: Pipeline, text: str) -> list[tuple[str, str | None]]:
    """(verb as matched, the check rejecting it or None) for every verb cue in ``text``,
    judged after the whole text was read (so that claims found so far are known)."""
    doc = pipeline.analyze(text, published="2019-05-01")
    finder = _Finder(doc, cues(doc.lexicon), gazetteer(doc.lexicon))
    finder.run()
    out = []
    for start, end, _sentence in finder.sentences:
        for cue in finder.cues_in(start, end):
            if cue["noun"] or cue["chain"]:
                continue
            form = finder.c.forms[key(cue["verb"])]
            out.append((cue["verb"], finder.rejected(cue, form, start, end)))
    return out


def test_a_several_word_impersonal_entry_needs_its_words_after_the_verb(
    pipeline: Pipeline,
) -> None:
    """ "يتوقع أن" is impersonal; "يتوقع" with a subject reports that subject's view."""
    verdicts = _verdicts(pipeline, "ويتوقع لافروف أن تستمر المحادثات مع واشنطن.")
    assert (key("يتوقع"), None) in [(key(v), why) for v, why in verdicts], verdicts


def test_every_check_has_a_unique_name() -> None:
    names = [name for name, _check in _VERB_CHECKS]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    ("text", "verb", "check"),
    [
        ("ويعتبر من أبرز الدبلوماسيين الروس، وقال لافروف إن الحوار مستمر.", "يعتبر", "impersonal"),
        ("ويتوقع أن يلتقي لافروف نظيره الأمريكي في جنيف الأسبوع المقبل.", "يتوقع", "impersonal"),
        ("وفي اتصال هاتفي أكد فيه لافروف ضرورة التهدئة، جرى بحث الوضع.", "أكد", "relative"),
        # a relative clause on a statement noun with no author, or pointing to the statement
        ("وفي المؤتمر الذي قال فيه مسؤولون إن الحوار مستمر، حضر صحفيون.", "قال", "relative"),
        ("وجاء ذلك في بيان الخارجية الروسية الذي رحبت به واشنطن.", "رحبت", "relative"),
        ("قدم شهود عيان نحو مئتي إفادة عن القصف للجنة التحقيق.", "أفاد", "noun_in_taa"),
        ("وفي تصريحات نقلتها وكالة تاس، قال لافروف إن الحوار مستمر.", "نقلت", "on_statement"),
        ("أكد لافروف أنه أبلغ بومبيو بموقف موسكو من الهدنة.", "أبلغ", "pronoun_subject"),
        ("أكد الوزير مجددا أن موسكو لن تغير موقفها من التسوية.", "مجددا", "no_object"),
        ("قال لافروف إن كيري يؤكد على ضرورة وقف إطلاق النار.", "يؤكد", "described"),
    ],
)
def test_a_check_names_why_a_verb_reports_nothing(
    pipeline: Pipeline, text: str, verb: str, check: str
) -> None:
    verdicts = _verdicts(pipeline, text)
    assert (key(verb), check) in [(key(v), why) for v, why in verdicts], verdicts


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("قال وزير الخارجية الروسي سيرغي لافروف إن الحوار مع واشنطن مستمر.", "Sergei Lavrov"),
        ("ونقلت وكالة تاس عن لافروف قوله إن الحوار مستمر.", "Sergei Lavrov"),
        # "in which" on a statement noun with its author: the author's (``relative`` passes)
        ("وأثارت تصريحات لافروف التي قال فيها إن الحوار مستمر جدلا.", "Sergei Lavrov"),
    ],
)
def test_a_reporting_verb_passes_every_check(pipeline: Pipeline, text: str, speaker: str) -> None:
    verdicts = _verdicts(pipeline, text)
    assert verdicts, text
    assert verdicts[0][1] is None, verdicts
    claims = pipeline.run(text, published="2019-05-01").claims
    assert [c.speaker.canonical for c in claims] == [speaker]
