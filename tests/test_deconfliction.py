"""The deconfliction extractor (plugins/syrdiplo_deconfliction).

Most cases are a table of short articles written for these tests
(tests/cases/deconfliction.toml): every status, the negatives (a mechanism with
no status, road traffic, aid crossings, other states' channels, threats,
denials), dates and mechanism keys. The rest check the samples end to end,
merging, claims, spans, the data checks and the plugin's shape.
"""

from __future__ import annotations

import itertools
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import syrdiplo
import syrdiplo.text
from syrdiplo.matching import Tokens
from syrdiplo.testing import assert_spans_valid, make_document, make_pipeline
from syrdiplo.text import normalize
from syrdiplo_deconfliction import DeconflictionExtractor
from syrdiplo_deconfliction._mentions import (
    PUNCT,
    Clause,
    _matches,
    _windows,
    after_punct,
    last_words_start,
)
from syrdiplo_deconfliction._patterns import CUE_KINDS, STATUSES, build, patterns
from syrdiplo_deconfliction._scan import TOKEN, Snippet, Words
from syrdiplo_deconfliction._status import resolve

ROOT = Path(__file__).resolve().parent.parent
CASES = tomllib.loads((ROOT / "tests" / "cases" / "deconfliction.toml").read_text("utf-8"))["case"]
PLUGIN = ROOT / "plugins" / "syrdiplo_deconfliction"
#: One pipeline for the property test (Hypothesis does not mix with function fixtures).
_PIPELINE = make_pipeline()


@pytest.fixture(scope="module")
def pipeline() -> syrdiplo.Pipeline:
    return make_pipeline()


def _timexes(case: dict[str, Any]) -> list[syrdiplo.Timex] | None:
    """The date expressions a case pins (the date stage is tested elsewhere)."""
    if "timexes" not in case:
        return None
    pinned = []
    for item in case["timexes"]:
        start = case["text"].index(item["text"])
        value = item["value"]
        pinned.append(
            syrdiplo.Timex(
                start=start,
                end=start + len(item["text"]),
                text=item["text"],
                value=value,
                precision={4: "year", 7: "month"}.get(len(value), "day"),
            )
        )
    return pinned


def _events(pipeline: syrdiplo.Pipeline, case: dict[str, Any]) -> list[syrdiplo.Deconfliction]:
    doc = make_document(
        case["text"],
        case.get("published", "2024-11-13"),
        timexes=_timexes(case),
        pipeline=pipeline,
    )
    events = list(DeconflictionExtractor().extract(doc))
    assert all(isinstance(e, syrdiplo.Deconfliction) for e in events)
    return events  # type: ignore[return-value]


# --------------------------------------------------------------------------- the case table


def test_case_table_covers_every_status_and_negatives() -> None:
    wanted = {status for case in CASES for status in case["statuses"]}
    assert wanted == set(STATUSES)
    assert sum(1 for case in CASES if not case["statuses"]) >= 10
    assert len({case["id"] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_case(pipeline: syrdiplo.Pipeline, case: dict[str, Any]) -> None:
    events = _events(pipeline, case)
    assert {e.status.value for e in events} == set(case["statuses"]), case["why"]
    # Each status is reported once: repeated mentions are merged.
    assert len(events) == len({e.status for e in events})
    for event in events:
        assert event.parties == ("RU", "US")
        assert {s.role for s in event.evidence} >= {"trigger", "mechanism"}
        for span in event.evidence:
            assert case["text"][span.start : span.end] == span.text
    if "mechanism" in case:
        assert [e.mechanism for e in events] == [case["mechanism"]]
    if "date" in case:
        assert [e.date for e in events] == [case["date"]]


# --------------------------------------------------------------------------- the samples


def test_samples_match_the_gold_statuses(
    pipeline: syrdiplo.Pipeline, sample_articles: list[dict], sample_gold: list[dict]
) -> None:
    gold = {g["id"]: g["deconfliction"] for g in sample_gold}
    for article in sample_articles:
        result = pipeline.run(article)
        assert_spans_valid(result)
        got = {e.status.value for e in result.events_of("deconfliction")}
        core = {d["status"] for d in gold[article["id"]] if d.get("core", True)}
        allowed = {d["status"] for d in gold[article["id"]]}
        assert core <= got <= allowed, article["id"]


def test_sample_events_carry_evidence_and_mechanism(
    pipeline: syrdiplo.Pipeline, sample_articles: list[dict]
) -> None:
    article = next(a for a in sample_articles if a["id"].startswith("004"))
    events = pipeline.run(article).events_of("deconfliction")
    suspended = [e for e in events if e.status == "suspended"]
    assert len(suspended) == 1
    texts = [s.text for s in suspended[0].evidence if s.role == "trigger"]
    assert "إيقاف" in texts
    assert "تجري" in texts
    assert suspended[0].mechanism == "air_coordination"
    # The related-article list at the foot of the page is not evidence.
    boilerplate = article["text"].index("مقالات متعلقة")
    assert all(s.start < boilerplate for e in events for s in e.evidence)


# --------------------------------------------------------------------------- merging and dates

_MONTH_AND_DAY = (
    "قال ريابكوف في تموز الماضي إن بلاده لن تجري أي اتصالات مع الأمريكيين لتنسيق حركة الطيران في سوريا.\n"
    "وذكر ريابكوف، الأربعاء 3 من تموز، أن إيقاف التنسيق مع الولايات المتحدة جاء بعد حوادث خطيرة.\n"
    "وجاء الإعلان الروسي بوقف الاتصال بعد اتهام روسي للولايات المتحدة بانتهاك بروتوكول سلامة الرحلات الجوية."
)


def _pin(text: str, *items: tuple[str, str]) -> list[syrdiplo.Timex]:
    out = []
    for phrase, value in items:
        start = text.index(phrase)
        precision = "month" if len(value) == 7 else "day"
        out.append(
            syrdiplo.Timex(
                start=start, end=start + len(phrase), text=phrase, value=value, precision=precision
            )
        )
    return out


def test_month_and_day_inside_it_merge_into_one_event(pipeline: syrdiplo.Pipeline) -> None:
    timexes = _pin(_MONTH_AND_DAY, ("تموز الماضي", "2024-07"), ("الأربعاء 3 من تموز", "2024-07-03"))
    doc = make_document(_MONTH_AND_DAY, "2024-11-13", timexes=timexes, pipeline=pipeline)
    events = list(DeconflictionExtractor().extract(doc))
    suspended = [e for e in events if e.status == "suspended"]
    assert len(suspended) == 1
    assert suspended[0].date == "2024-07-03"
    dates = {s.text for s in suspended[0].evidence if s.role == "date"}
    assert dates == {"تموز الماضي", "الأربعاء 3 من تموز"}
    # The undated third mention joined it too.
    assert "بوقف" in {s.text for s in suspended[0].evidence}


def test_different_dates_stay_separate_events(pipeline: syrdiplo.Pipeline) -> None:
    text = (
        "وكانت موسكو قد علقت العمل بمذكرة سلامة الطيران مع واشنطن في نيسان 2017.\n"
        "ثم أوقفت روسيا العمل بمذكرة سلامة الطيران مع الولايات المتحدة مجددا في حزيران 2017."
    )
    timexes = _pin(text, ("نيسان 2017", "2017-04"), ("حزيران 2017", "2017-06"))
    doc = make_document(text, "2017-06-20", timexes=timexes, pipeline=pipeline)
    events = list(DeconflictionExtractor().extract(doc))
    assert sorted((e.status.value, e.date) for e in events) == [
        ("suspended", "2017-04"),
        ("suspended", "2017-06"),
    ]


def test_a_date_after_since_is_not_the_status_date(pipeline: syrdiplo.Pipeline) -> None:
    text = "ومنذ التدخل الروسي عام 2015 نسقت روسيا والولايات المتحدة للحيلولة دون صدام بين قواتهما."
    doc = make_document(
        text, "2024-11-13", timexes=_pin(text, ("عام 2015", "2015")), pipeline=pipeline
    )
    events = list(DeconflictionExtractor().extract(doc))
    assert [(e.status.value, e.date) for e in events] == [("active", None)]


def test_the_claim_it_comes_from(pipeline: syrdiplo.Pipeline) -> None:
    text = "قال ريابكوف إن روسيا علقت العمل بمذكرة سلامة الطيران مع الولايات المتحدة."
    cue = text.index("قال")
    content = text.index("روسيا علقت")
    claim = syrdiplo.Claim(
        speaker=syrdiplo.Actor(
            name="ريابكوف", canonical="Sergei Ryabkov", country="RU", start=4, end=11
        ),
        cue=syrdiplo.Span(start=cue, end=cue + 3, text="قال"),
        content=syrdiplo.Span(start=content, end=len(text) - 1, text=text[content:-1]),
        date="2024-07-03",
    )
    doc = make_document(text, "2024-11-13", timexes=[], claims=[claim], pipeline=pipeline)
    (event,) = DeconflictionExtractor().extract(doc)
    assert event.status == "suspended"
    assert event.claim == claim
    # With no date in the sentence, the date the claim was made stands in.
    assert event.date == "2024-07-03"


# --------------------------------------------------------------------------- negation and modality


@pytest.mark.parametrize(
    ("base", "flags", "expected"),
    [
        ("active", {}, "active"),
        ("active", {"negated": True}, "suspended"),  # لن نجري اتصالات
        ("active", {"proposing": True}, None),  # نأمل أن يستمر
        ("active", {"future": True}, "active"),  # ستبقي على القنوات مفتوحة
        ("suspended", {}, "suspended"),
        ("suspended", {"negated": True}, "active"),  # لم يتم تعليق
        ("suspended", {"hedging": True}, None),  # هددت بتعليق
        ("suspended", {"future": True}, "suspended"),  # ستوقف العمل اعتبارا من منتصف الليل
        ("violated", {}, "violated"),
        ("violated", {"negated": True}, None),  # نفت أن تكون انتهكت
        ("violated", {"hedging": True}, None),  # قد تنتهك
        ("resumed", {}, "resumed"),
        ("resumed", {"proposing": True}, "proposed"),  # على استعداد لاستئناف
        ("resumed", {"future": True}, "proposed"),  # ستستأنف
        ("resumed", {"negated": True}, "suspended"),  # لم يستأنف
        ("proposed", {}, "proposed"),
        ("proposed", {"negated": True}, None),
        ("establish", {}, None),  # منذ إنشاء الخط الساخن
        ("establish", {"purpose": True}, "proposed"),  # لإنشاء خط ساخن
        ("establish", {"proposing": True}, "proposed"),  # تود إقامة
    ],
)
def test_resolve(base: str, flags: dict[str, bool], expected: str | None) -> None:
    args = {"negated": False, "future": False, "proposing": False, "hedging": False, **flags}
    assert resolve(base, **args) == expected


def test_resolve_rejects_an_unknown_status() -> None:
    with pytest.raises(ValueError, match="unknown status"):
        resolve("broken", negated=False, future=False, proposing=False, hedging=False)


# --------------------------------------------------------------------------- robustness

_WORDS = [
    "آلية", "منع", "الاصطدام", "الخط", "الساخن", "روسيا", "الولايات", "المتحدة", "لم", "لن", "تعليق",
    "استئناف", "بانتهاك", "مذكرة", "سلامة", "الطيران", "التنسيق", "على", "استعداد", "في", "إطار", "قد",
    "،", ".", "\n", "«", "»", "أمس", "ٱلْخَطُّ", "واشنطن", "موسكو", "نسقت", "للحيلولة", "دون", "صدام",
]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40))
def test_any_word_salad_gives_valid_events(words: list[str]) -> None:
    text = " ".join(words)
    result = _PIPELINE.run({"id": "salad", "text": text, "published": "2024-01-01"})
    assert_spans_valid(result)
    for event in result.events_of("deconfliction"):
        assert event.status.value in STATUSES
        assert event.parties == ("RU", "US")


# --------------------------------------------------------------------------- data and plugin shape


def test_patterns_are_built_once_per_lexicon(pipeline: syrdiplo.Pipeline) -> None:
    assert patterns(pipeline.lexicon) is patterns(pipeline.lexicon)


def _lexicon_with(pipeline: syrdiplo.Pipeline, table: dict[str, Any]) -> syrdiplo.Lexicon:
    lexicon = pipeline.lexicon
    tables = {name: lexicon[name] for name in lexicon.names()}
    tables["deconfliction"] = table
    return syrdiplo.Lexicon(tables)


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("mechanisms", "hotline", "needs"), "sometimes", "needs must be one of"),
        (("mechanisms", "collision_avoidance", "objects"), [], "aims and objects go together"),
        (("cues", "maybe"), {"before": ["ربما"]}, "unknown cue kinds"),
        (("parties", "pair"), ["RU"], "exactly two"),
        (("parties", "aliases", "USA"), ["البنتاغون"], "ISO 3166-1"),
    ],
)
def test_malformed_data_is_reported(
    pipeline: syrdiplo.Pipeline, path: tuple[str, ...], value: Any, message: str
) -> None:
    table = json.loads(json.dumps(pipeline.lexicon["deconfliction"]))
    node = table
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    with pytest.raises(syrdiplo.DataFileError, match=message):
        build(_lexicon_with(pipeline, table))


def test_a_cue_word_of_two_kinds_is_reported(pipeline: syrdiplo.Pipeline) -> None:
    table = json.loads(json.dumps(pipeline.lexicon["deconfliction"]))
    table["cues"]["violated"]["before"].append("تعليق")
    with pytest.raises(syrdiplo.DataFileError, match="also a suspended cue"):
        build(_lexicon_with(pipeline, table))


def test_the_plugin_registers_its_extractor_and_table(pipeline: syrdiplo.Pipeline) -> None:
    assert ("deconfliction", "deconfliction") in pipeline.extractors
    assert "deconfliction" in pipeline.lexicon.names()
    assert pipeline.lexicon.origins("deconfliction") == ["plugin deconfliction"]


# --------------------------------------------------------------------------- searching only where a match can start
#
# The extractor runs its word-list patterns only at the words a match can start
# with (plugins/syrdiplo_deconfliction/_scan.py) and its mechanism patterns only
# around the words a mention can end with. These check that this finds exactly
# what searching the whole stretch would, on salads of the lexicon's own words
# with prefixes, suffixes and punctuation attached.

_PATS = patterns(_PIPELINE.lexicon)
_LEXICON = _PIPELINE.lexicon
_MECHANISMS = _LEXICON.table("deconfliction", "mechanisms")
#: Whole entries (phrases, heads, cues, negation and modality words, country names) ...
_ENTRIES = sorted(
    {
        e
        for spec in _MECHANISMS.values()
        for f in ("phrases", "heads", "aims")
        for e in spec.get(f, [])
    }
    | {
        e
        for path in (
            ("heads", "words"),
            ("anaphora", "definite"),
            ("anaphora", "possessive"),
            ("negation", "words"),
            ("negation", "not_negation"),
            ("modality", "proposing"),
            ("modality", "again"),
            ("modality", "may"),
            ("modality", "perfect"),
            ("modality", "clause_breaks"),
            ("unrelated", "words"),
            *(("cues", kind, side) for kind in CUE_KINDS for side in ("before", "after")),
            ("cues", "active", "weak"),
            ("inside", "effects"),
            ("pronouns", "on_cue"),
            ("pronouns", "after_bridge"),
            ("pronouns", "after_cue"),
            ("pronouns", "bridges"),
        )
        for e in _LEXICON.words("deconfliction", *path, required=False)
    }
    | {
        e
        for code in ("RU", "US", "TR")
        for f in ("names", "adjectives")
        for e in _LEXICON.words("countries", code, f, required=False)
    }
)
#: ... mechanisms described by an aim and an object ("منع وقوع الحوادث") ...
_DESCRIBED = sorted(
    f"{aim}{middle}{target}"
    for spec in _MECHANISMS.values()
    for aim in spec.get("aims", [])
    for target in spec.get("objects", [])
    for middle in (" ", " وقوع ", " أي ")
)
#: ... and their single words.
_SINGLE = sorted({w for entry in (*_ENTRIES, *_DESCRIBED) for w in entry.split()})
_AFFIXED = st.tuples(
    st.sampled_from(["", "", "", "و", "ف", "ب", "ل", "ال", "وال", "بال", "لل", "س", "وس", "ك"]),
    st.one_of(st.sampled_from(_ENTRIES), st.sampled_from(_DESCRIBED), st.sampled_from(_SINGLE)),
    st.sampled_from(["", "", "", "ه", "ها", "هما", "ات", "ي", "ين"]),
).map("".join)
_GLUE = st.sampled_from(
    [" ", " ", " ", " ", "  ", ", ", ". ", "\n", " «", "» ", "-", "\u0651", "3"]
)
_SALAD = st.lists(st.tuples(_AFFIXED, _GLUE).map("".join), min_size=1, max_size=25).map("".join)


def _keyed() -> list[tuple[str, Any]]:
    found = [
        (name, getattr(_PATS, name))
        for name in (
            "anaphora",
            "governor",
            "denial",
            "again",
            "proposing",
            "hedging",
            "pronoun",
            "inside_effects",
        )
    ]
    found += [
        ("perfect", _PATS.perfect),
        ("unrelated", _PATS.unrelated),
        ("countries", _PATS.countries),
        ("breaks", _PATS.breaks),
        ("before", _PATS.cues.before),
        ("after", _PATS.cues.after),
        ("weak", _PATS.cues.weak),
    ]
    found += [(mechanism.key, mechanism.pattern) for mechanism in _PATS.mechanisms]
    return found


def _spans(matches: Any) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in matches]


@settings(max_examples=150, deadline=None)
@given(_SALAD, st.integers(0, 400), st.integers(0, 400))
def test_keyed_patterns_find_what_a_search_finds(text: str, a: int, b: int) -> None:
    normalized = syrdiplo.text.normalize(text).text
    words = Words(normalized, Tokens.of(normalized), _PATS.starts)
    start, end = sorted((min(a, len(normalized)), min(b, len(normalized))))
    for name, keyed in _keyed():
        expected = list(keyed.pattern.finditer(normalized, start, end))
        assert _spans(keyed.findall(words, start, end)) == _spans(expected), name
        first = keyed.search(words, start, end)
        assert _spans([first] if first else []) == _spans(expected[:1]), name
        snippet = Snippet(normalized[start:end], _PATS.starts)
        found = keyed.search_in(snippet)
        wanted = keyed.pattern.search(snippet.string)
        assert _spans([found] if found else []) == _spans([wanted] if wanted else []), name


@settings(max_examples=150, deadline=None)
@given(_SALAD, st.integers(0, 400), st.integers(0, 400))
def test_snippets_of_the_article_find_what_the_snippet_string_holds(
    text: str, a: int, b: int
) -> None:
    normalized = syrdiplo.text.normalize(text).text
    words = Words(normalized, Tokens.of(normalized), _PATS.starts)
    start, end = sorted((min(a, len(normalized)), min(b, len(normalized))))
    blanked = [m.span() for m in _PATS.not_negation.finditer(normalized[start:end])]
    snippet = Snippet.of_text(words, start, end, blanked)
    assert snippet.string == _PATS.not_negation.sub(
        lambda m: " " * len(m.group()), normalized[start:end]
    )
    for name, keyed in _keyed():
        found = keyed.search_in(snippet)
        wanted = keyed.pattern.search(snippet.string)
        assert _spans([found] if found else []) == _spans([wanted] if wanted else []), name


@settings(max_examples=150, deadline=None)
@given(_SALAD, st.lists(st.integers(0, 400), max_size=4))
def test_mechanism_windows_find_what_a_sentence_search_finds(text: str, cuts: list[int]) -> None:
    normalized = syrdiplo.text.normalize(text).text
    words = Words(normalized, Tokens.of(normalized), _PATS.starts)
    bounds = sorted({0, len(normalized), *(min(c, len(normalized)) for c in cuts)})
    clauses = [
        Clause(index, start, end, cut=words.cuts(start) or words.cuts(end))
        for index, (start, end) in enumerate(itertools.pairwise(bounds))
    ]
    plans = _windows(words, _PATS, clauses)
    for clause in clauses:
        for number, mechanism in enumerate(_PATS.mechanisms):
            wanted = mechanism.pattern.pattern.finditer(normalized, clause.start, clause.end)
            found = []
            for planned, windows, whole in plans.get(clause.index, []):
                if planned == number:
                    for window in windows:
                        found += _spans(_matches(words, mechanism, window, whole))
            assert found == _spans(wanted), mechanism.key


@settings(max_examples=100, deadline=None)
@given(_SALAD)
def test_a_word_has_the_bit_of_a_head_or_core_it_begins(text: str) -> None:
    for word in TOKEN.findall(syrdiplo.text.normalize(text).text):
        mask = _PATS.starts.mask(word)
        for mechanism in _PATS.mechanisms:
            for keyed in (mechanism.heads, mechanism.cores):
                assert bool(mask & keyed.bit) == bool(keyed.pattern.match(word)), word


@settings(max_examples=200, deadline=None)
@given(_SALAD, st.integers(0, 400), st.integers(0, 400), st.integers(1, 12))
def test_word_and_punctuation_helpers_agree_with_a_scan(
    text: str, a: int, b: int, count: int
) -> None:
    normalized = syrdiplo.text.normalize(text).text
    start, end = sorted((min(a, len(normalized)), min(b, len(normalized))))
    found = list(regex.finditer(r"[\p{L}\p{N}]+", normalized[:end][start:]))
    wanted = start + found[-count].start() if len(found) > count else start
    assert last_words_start(normalized, start, end, count) == wanted
    marks = [m.end() for m in PUNCT.finditer(normalized, start, end)]
    assert after_punct(normalized, start, end) == (marks[-1] if marks else start)


def test_the_words_scanned_are_the_documents_tokens() -> None:
    text = "قال «الكرملين»: إنّ الخطَّ الساخن-مفتوح 24/7، والتنسيقُ مستمرّ."
    doc = make_document(text, "2024-11-13", pipeline=_PIPELINE)
    assert list(doc.tokens.words) == TOKEN.findall(doc.normalized.text)


# --------------------------------------------------------------------------- from real-page errors
#
# Short articles written for these tests after reading news pages the extractor
# got wrong: each pins one general rule, with negatives beside the positives.

_MORE_CASES: list[tuple[str, set[str]]] = [
    # signing is setting up a working channel; "وقعت حوادث" is something happening
    ("وقّعت موسكو وواشنطن مذكرة منع التصادم في الأجواء السورية قبل سنوات.", {"active"}),
    ("وقعت واشنطن وموسكو على مذكرة تفاهم لضمان سلامة الطيران فوق سوريا.", {"active"}),
    ("وقعت حوادث بين طائرات روسية وأمريكية رغم آلية منع الاصطدام.", set()),
    # a word of aim lets "إلى" stand between the head and what it aims at
    (
        "أبرمت روسيا والولايات المتحدة مذكرة تهدف إلى تجنب وقوع حوادث بين طائرات البلدين.",
        {"active"},
    ),
    ("أرسلت روسيا مذكرة إلى الولايات المتحدة حول تجنب الحوادث.", set()),
    # restoring is resuming; wanting or working to restore is only proposed
    ("قال مسؤول أمريكي إنه تمت استعادة العمل بآلية منع الحوادث مع الجيش الروسي.", {"resumed"}),
    ("استعادت موسكو وواشنطن خط الاتصال العسكري بينهما في سوريا.", {"resumed"}),
    ("عاد الخط الساخن بين الجيشين الروسي والأمريكي إلى العمل.", {"resumed"}),
    ("تسعى واشنطن إلى إعادة الخط الساخن مع الجيش الروسي.", {"proposed"}),
    ("سيعمل البنتاغون مع موسكو لإعادة خط منع الاشتباك.", {"proposed"}),
    # other senses of إعادة / عاد
    ("طالبت موسكو بإعادة النظر في مذكرة سلامة الطيران مع واشنطن.", set()),
    ("عاد الحديث عن آلية منع التصادم بين روسيا والولايات المتحدة.", set()),
    ("أعاد الجيش الأمريكي تموضع قواته رغم آلية منع الاشتباك مع روسيا.", set()),
    # a named hotline
    ("فعّلت واشنطن قناة الاتصال الساخنة مع موسكو بشأن سوريا.", {"active"}),
    # switched on "after it had stopped" is a resumption
    ("فعّلت موسكو وواشنطن الخط الساخن في سوريا بعد توقفه لأشهر.", {"resumed"}),
    ("تستخدم موسكو وواشنطن الخط الساخن بعد توقف المعارك في الشمال.", {"active"}),
    # a verb in a relative clause inside the mention does not govern it
    (
        "أعلنت موسكو تعليق قناة الاتصال التي أنشأتها مع واشنطن لمنع الحوادث الجوية.",
        {"suspended"},
    ),
    ("قناة الاتصال التي أنشأتها موسكو مع واشنطن لمنع الحوادث الجوية ما زالت تعمل.", {"active"}),
]


# Bare عاد / أعاد / إعادة / عودة and نجاح govern only a mechanism that is their own object
# or complement; "after it had stopped" is built from parts. Sentences written for these tests.
_CLOSE_CASES: list[tuple[str, set[str]]] = [
    ("أعادت موسكو العمل بآلية منع الاصطدام مع واشنطن في سوريا.", {"resumed"}),
    ("أعادت موسكو وواشنطن الخط الساخن بينهما في سوريا.", {"resumed"}),
    ("عادت موسكو إلى الاتفاق مع واشنطن حول منع الحوادث في أجواء سوريا.", {"resumed"}),
    ("تأمل واشنطن في عودة الخط الساخن مع موسكو إلى العمل.", {"proposed"}),
    # the mechanism is not what comes back
    ("عاد الوزير ليؤكد أهمية الخط الساخن بين موسكو وواشنطن.", set()),
    ("أعاد الطرفان النظر في الخط الساخن بين روسيا والولايات المتحدة.", set()),
    (
        "تحدث المسؤولون عن إعادة القوات إلى قواعدها قرب خط منع الاشتباك بين روسيا والولايات المتحدة.",
        set(),
    ),
    # success of a mechanism, with or without "عمل" between
    ("أشاد الطرفان بنجاح آلية منع الاصطدام بين روسيا والولايات المتحدة في سوريا.", {"active"}),
    ("أكد الجيشان الروسي والأمريكي نجاح عمل قنوات الاتصال العسكرية في سوريا.", {"active"}),
    (
        "تحدث الوزير عن نجاح الحملة على الإرهاب رغم آلية منع الاصطدام مع روسيا والولايات المتحدة.",
        set(),
    ),
    # "after weeks of its suspension" works like "after months of its stop"
    ("فعّلت موسكو وواشنطن قناة الاتصال العسكرية في سوريا بعد أسابيع من تعليقها.", {"resumed"}),
    ("فعّلت موسكو وواشنطن الخط الساخن في سوريا بعد أشهر من توقفه.", {"resumed"}),
    ("تستخدم موسكو وواشنطن الخط الساخن بعد أسابيع من توقف المعارك في الشمال.", {"active"}),
    # the future word comes from the data
    ("سوف تستأنف موسكو وواشنطن العمل بالخط الساخن في سوريا.", {"proposed"}),
    # the shared occurrence nouns keep "جرت اشتباكات" from being active
    ("جرت اشتباكات بين القوات رغم آلية منع الاصطدام بين روسيا والولايات المتحدة.", set()),
]


@pytest.mark.parametrize(("text", "want"), _CLOSE_CASES, ids=[t[:40] for t, _ in _CLOSE_CASES])
def test_close_cases(pipeline: syrdiplo.Pipeline, text: str, want: set[str]) -> None:
    events = _events(pipeline, {"text": text})
    assert {e.status.value for e in events} == want
    for event in events:
        assert event.parties == ("RU", "US")


def test_word_list_references() -> None:
    """An entry "@occurrence_nouns" in a list stands for the words of that table, in every list."""
    pats = patterns(_PIPELINE.lexicon)
    for kind in ("active", "sign"):
        blocker = pats.cues.not_followed_by[kind]
        assert blocker.match(" اشتباكات")
        assert blocker.match(" والحوادث")
        assert not blocker.match(" مذكرة")


# Carrying a mechanism out, a channel that does what it is for, and a pronoun standing for
# a mechanism named shortly before. Sentences written for these tests: each rule with its
# negatives (the same words in another sense, or with nothing to refer to).
_CARRY_CASES: list[tuple[str, set[str]]] = [
    ("عقد ضباط روس وأمريكيون اجتماعا بشأن تنفيذ مذكرة أمن الطيران فوق سوريا.", {"active"}),
    ("ناقش الجانبان الروسي والأمريكي تنفيذ مذكرة أمن الطيران في سوريا.", {"active"}),
    ("قالت موسكو إن واشنطن تطبق مذكرة أمن الطيران في الأجواء السورية.", {"active"}),
    ("اتهمت موسكو واشنطن بعدم تنفيذ مذكرة سلامة الطيران في سوريا.", {"violated"}),
    # a construct memorandum named by its aim, with a date closed by a comma among its words
    ("وقعت موسكو وواشنطن مذكرة لمنع وقوع حوادث الطيران في سوريا.", {"active"}),
    (
        "وقعت روسيا والولايات المتحدة مذكرة تفاهم في تشرين الأول 2015، بشأن منع وقوع حوادث"
        " الطيران فوق سوريا.",
        {"active"},
    ),
    # called for, not carried out
    ("دعت واشنطن موسكو إلى تنفيذ مذكرة سلامة الطيران في سوريا.", set()),
    # carrying out something else near a mechanism; a security memorandum about something else
    ("واصلت الطائرات الأمريكية تنفيذ غاراتها قرب خط منع الاشتباك مع روسيا.", set()),
    ("وقعت روسيا والولايات المتحدة مذكرة أمن المعلومات.", set()),
    ("بحث الجانبان تنفيذ مذكرة أمن الحدود بين روسيا والولايات المتحدة.", set()),
    ("عقد الجانبان مؤتمرا بشأن تنفيذ مذكرة أمن الحدود بين روسيا والولايات المتحدة.", set()),
]

_EFFECT_CASES: list[tuple[str, set[str]]] = [
    (
        "قال مسؤول روسي إن قنوات الاتصال مع واشنطن تسمح بتقليص خطر وقوع حوادث بين الطائرات.",
        {"active"},
    ),
    (
        "وأوضحت الوزارة أن قنوات الاتصال بين العسكريين الروس والأمريكيين تسمح بتجنب الحوادث.",
        {"active"},
    ),
    ("أكد البنتاغون أن قنوات الاتصال مع الجيش الروسي تساعد على تجنب الحوادث في سوريا.", {"active"}),
    (
        "أوضح الجيش الأمريكي أن الخط الساخن ساهم في الحد من خطر الاصطدام مع الطائرات الروسية.",
        {"active"},
    ),
    # diplomatic channels, a wish, a negated effect, a risk with no channel
    ("قال لافروف إن قنوات الاتصال مع واشنطن تسمح بمناقشة الملف السوري.", set()),
    ("قال لافروف إن قنوات الاتصال الدبلوماسية بين موسكو وواشنطن مفتوحة لتجنب التصعيد.", set()),
    ("قال الوزير إن قنوات الاتصال مع واشنطن لم تعد تسمح بتجنب الحوادث في سوريا.", set()),
    ("تأمل واشنطن أن تسمح قنوات الاتصال مع موسكو بتجنب الحوادث في سوريا.", set()),
    ("دعت الأمم المتحدة إلى الحد من خطر الاشتباكات بين روسيا والولايات المتحدة في سوريا.", set()),
]

_PRONOUN_CASES: list[tuple[str, set[str]]] = [
    (
        "يربط الخط الساخن بين ضباط روس وأمريكيين في سوريا. وقد أعلنت موسكو أكثر من مرة وقف"
        " العمل به.",
        {"suspended"},
    ),
    (
        "تحدث التقرير عن مذكرة سلامة الطيران بين روسيا والولايات المتحدة. وكانت موسكو قد أعلنت"
        " تعليقها بعد الضربة الأمريكية.",
        {"suspended"},
    ),
    (
        "تحدث التقرير عن قناة الاتصال العسكرية بين روسيا والولايات المتحدة. وأكد مسؤول أن"
        " الجانبين قررا تفعيلها من جديد.",
        {"resumed"},
    ),
    (
        "تعد آلية منع الاصطدام بين روسيا والولايات المتحدة أداة مهمة في سوريا. وقد شهدت الأشهر"
        " الأخيرة توترا كبيرا. وأعلنت موسكو تعليقها في نيسان.",
        {"suspended"},
    ),
    (
        "تحدث الوزير عن مذكرة سلامة الطيران مع الولايات المتحدة. وقال إن روسيا ما زالت تلتزم بها.",
        {"active"},
    ),
    (
        "تحدث الوزير عن الخط الساخن بين موسكو وواشنطن. وأضاف أن الجانبين قررا استئناف العمل به.",
        {"resumed"},
    ),
    # nothing named before, or named only after, or three sentences back
    ("أعلنت روسيا والولايات المتحدة وقف العمل به.", set()),
    ("ناقش لافروف وكيري الوضع في سوريا. وأعلنت موسكو تعليقه مؤقتا.", set()),
    ("أعلنت موسكو تعليقه. وتحدث الوزير لاحقا عن الخط الساخن مع واشنطن.", set()),
    (
        "تحدث الوزير عن الخط الساخن بين روسيا والولايات المتحدة. وجرت مباحثات كثيرة في جنيف."
        " وتناولت المباحثات ملفات عديدة. ثم أعلنت موسكو تعليقه.",
        set(),
    ),
    # the pronoun is the subject (an object follows), or another agreement stands between
    (
        "تحدث التقرير عن الخط الساخن بين روسيا والولايات المتحدة. وأعلنت الحكومة الروسية"
        " تعليقها الاستيراد من تركيا.",
        set(),
    ),
    (
        "أشار الوزير إلى الخط الساخن بين موسكو وواشنطن. ووقعت روسيا اتفاقا تجاريا مع تركيا ثم"
        " أعلنت تعليقه في نيسان.",
        set(),
    ),
    # a threat; "after its suspension" only dates a resumption
    (
        "تحدث الوزير عن الخط الساخن بين موسكو وواشنطن. وهددت موسكو بتعليقه في حال استمرار الضربات.",
        set(),
    ),
    ("أعاد الجيش الروسي تفعيل الخط الساخن مع واشنطن بعد أيام من تعليقه.", {"resumed"}),
]


@pytest.mark.parametrize(
    ("text", "want"),
    _CARRY_CASES + _EFFECT_CASES + _PRONOUN_CASES,
    ids=[t[:40] for t, _ in _CARRY_CASES + _EFFECT_CASES + _PRONOUN_CASES],
)
def test_carrying_out_effects_and_pronouns(
    pipeline: syrdiplo.Pipeline, text: str, want: set[str]
) -> None:
    events = _events(pipeline, {"text": text})
    assert {e.status.value for e in events} == want
    for event in events:
        assert event.parties == ("RU", "US")


def test_a_pronoun_takes_the_key_of_the_mechanism_before_it(pipeline: syrdiplo.Pipeline) -> None:
    text = "تحدث التقرير عن الخط الساخن بين روسيا والولايات المتحدة. وأعلنت موسكو وقف العمل به."
    (event,) = _events(pipeline, {"text": text})
    assert (event.status.value, event.mechanism) == ("suspended", "hotline")
    spans = {(s.role, s.text) for s in event.evidence}
    assert ("mechanism", "به") in spans
    assert ("trigger", "وقف") in spans


def test_a_pronoun_cue_must_be_a_cue_word(pipeline: syrdiplo.Pipeline) -> None:
    table = json.loads(json.dumps(pipeline.lexicon["deconfliction"]))
    table["pronouns"]["on_cue"].append("مناقشة الأمر")
    with pytest.raises(syrdiplo.DataFileError, match="not a cue word"):
        build(_lexicon_with(pipeline, table))


@pytest.mark.parametrize(("text", "want"), _MORE_CASES, ids=[t[:40] for t, _ in _MORE_CASES])
def test_more_cases(pipeline: syrdiplo.Pipeline, text: str, want: set[str]) -> None:
    events = _events(pipeline, {"text": text})
    assert {e.status.value for e in events} == want
    for event in events:
        assert event.parties == ("RU", "US")


# --------------------------------------------------------------------------- signing


@pytest.mark.parametrize(
    ("flags", "want"),
    [
        ({}, "active"),  # وقّعت موسكو وواشنطن مذكرة
        ({"negated": True}, None),  # لم توقع
        ({"future": True}, "proposed"),  # ستوقعان
        ({"proposing": True}, "proposed"),  # تأمل أن توقع
        ({"purpose": True}, "proposed"),  # للتوقيع على
    ],
)
def test_signing_resolves_to_active_or_proposed(flags: dict[str, bool], want: str | None) -> None:
    args = {"negated": False, "future": False, "proposing": False, "hedging": False, **flags}
    assert resolve("sign", **args) == want


def test_the_passive_signing_nouns_are_data(pipeline: syrdiplo.Pipeline) -> None:
    # "وثيقة" is not a signed-agreement noun out of the box; added to the data, the
    # fast pre-filter and the pattern both pick it up, with no code change.
    text = normalize("تم توقيع الوثيقة مع روسيا").text  # patterns run on normalised text
    table = json.loads(json.dumps(pipeline.lexicon["deconfliction"]))
    before = build(_lexicon_with(pipeline, table))
    assert not before.signed_probe.search(text)
    table["anaphora"]["signed"].append("الوثيقة")
    after = build(_lexicon_with(pipeline, table))
    assert after.signed_probe.search(text)
    assert after.signed.search(text)


# --------------------------------------------------------------------------- frames, narrow negation, uncoordinated flights
#
# Sentences written for these tests, each rule with several phrasings and its negatives.

# A frame ("في إطار") gives no status of its own against an explicit word of change earlier
# in its clause; a comma-enclosed date or aside does not cut a verb off its object.
_FRAME_CASES: list[tuple[str, set[str]]] = [
    (
        "أوقفت موسكو، اعتبارا من 3 آذار/مارس، تعاونها مع واشنطن في إطار مذكرة سلامة الطيران"
        " فوق سوريا.",
        {"suspended"},
    ),
    (
        "قررت وزارة الدفاع الروسية، منذ مطلع 2018، تجميد الاتصالات مع البنتاغون في إطار مذكرة"
        " منع الحوادث.",
        {"suspended"},
    ),
    ("ألغت واشنطن، في الرابع من أيار، العمل بآلية منع الاصطدام مع روسيا.", {"suspended"}),
    ("استأنفت روسيا، من جهتها، العمل بالخط الساخن مع الولايات المتحدة.", {"resumed"}),
    # too far for the verb to reach the mechanism: the frame alone does not make it active
    (
        "جمدت روسيا بعد الهجوم الصاروخي الأمريكي على قاعدة جوية وسط البلاد التعاون مع واشنطن"
        " في إطار مذكرة منع الحوادث.",
        set(),
    ),
    # a frame alone, or after a clause break, still says the mechanism is at work
    ("يعمل الجيشان الروسي والأمريكي في إطار آلية منع الاصطدام في سوريا.", {"active"}),
    (
        "علقت موسكو رحلاتها التجارية إلى المنطقة، لكن قواتها تعمل مع الأمريكيين في إطار آلية"
        " منع الاصطدام.",
        {"active"},
    ),
    # a comma-enclosed stretch that is no aside still cuts the verb off
    (
        "انتقدت روسيا، وزارة الدفاع الأمريكية، مذكرة سلامة الطيران.",
        set(),
    ),
]

# "غير" and "دون" negate only the word right after them.
_NARROW_CASES: list[tuple[str, set[str]]] = [
    (
        "نددت موسكو بالمناورات غير المهنية لطائرات التحالف واعتبرتها خرقا لمذكرة سلامة الطيران"
        " مع واشنطن.",
        {"violated"},
    ),
    (
        "قال الجيش الروسي إن طائرات بدون طيار أمريكية انتهكت بروتوكولات منع الاشتباك فوق التنف.",
        {"violated"},
    ),
    (
        "وصف البنتاغون تصرفات الطيارين الروس غير المسؤولة بأنها انتهاك لآلية منع الاصطدام.",
        {"violated"},
    ),
    # right before the cue they still negate it
    ("أكد مسؤول أمريكي أن الخط الساخن مع الجيش الروسي غير متوقف.", {"active"}),
    (
        "أعلنت واشنطن أنها ستواصل عملياتها دون تعليق العمل بآلية منع الاصطدام مع روسيا.",
        {"active"},
    ),
    # "غير أن" is "but"
    ("غير أن روسيا علقت العمل بمذكرة سلامة الطيران مع واشنطن.", {"suspended"}),
]

# A flight, strike or patrol not coordinated with (or notified to) the other side is a
# violation; coordination with a third state, a denial or a warning is not.
_UNCOORDINATED_CASES: list[tuple[str, set[str]]] = [
    (
        "ذكر مركز حميميم أن مسيرة أمريكية حلقت فوق البادية من دون تنسيق مع الجانب الروسي.",
        {"violated"},
    ),
    (
        "أضاف المتحدث الروسي أن طلعات مقاتلات التحالف فوق الرقة لم تكن منسقة مع موسكو.",
        {"violated"},
    ),
    (
        "سجلت القوات الروسية عشر طلعات لطائرات التحالف غير منسقة مع الجانب الروسي.",
        {"violated"},
    ),
    ("اتهمت موسكو واشنطن بتنفيذ غارات قرب القوات الروسية دون إخطار مسبق.", {"violated"}),
    ("نفذت طائرات التحالف الأمريكي غارات دون تنسيق مع الحكومة السورية، بحسب موسكو.", set()),
    ("نفت وزارة الدفاع الأمريكية أن تكون طائراتها حلقت دون تنسيق مع الروس.", set()),
    ("حلقت طائرات دون طيار أمريكية فوق دير الزور، وفق مصادر روسية.", set()),
    ("قالت موسكو إن الغارات التركية شنت دون تنسيق مع واشنطن.", set()),
    ("قال المتحدث إن الموقف الأمريكي غير منسق مع روسيا في مجلس الأمن.", set()),
    ("حذرت موسكو من أن أي طلعات أمريكية غير منسقة مع قواتها ستعد استفزازا.", set()),
]

# Crossing agreed lines or a mechanism is a violation; front lines between the Syrian
# parties are no mechanism; coordination for flight safety names the channel.
_LINES_CASES: list[tuple[str, set[str]]] = [
    (
        "اتهم البنتاغون مقاتلات روسية بأنها تجاوزت خط الفصل المتفق عليه مع القوات الأمريكية"
        " شرق الفرات.",
        {"violated"},
    ),
    (
        "قالت موسكو إن مروحيات أمريكية اخترقت الخطوط الفاصلة المتفق عليها بين الجانبين في سوريا.",
        {"violated"},
    ),
    ("أكد الجيش الأمريكي أن طائرات روسية عبرت خط منع الاشتباك قرب دير الزور.", {"violated"}),
    ("أكدت موسكو وواشنطن احترام خطوط الفصل المتفق عليها بين قواتهما.", {"active"}),
    ("تدور اشتباكات متقطعة على خطوط التماس بين فصائل المعارضة وقوات الحكومة في إدلب.", set()),
    ("عبرت موسكو عن قلقها من الحوادث رغم آلية منع الاصطدام مع واشنطن.", set()),
    ("عبرت قافلة عسكرية روسية نهر الفرات قرب خط منع الاشتباك مع القوات الأمريكية.", set()),
    ("تجري موسكو وواشنطن تنسيقا منتظما لسلامة التحليق فوق سوريا.", {"active"}),
    (
        "أجرت روسيا والولايات المتحدة تنسيقا وثيقا لضمان سلامة الطلعات الجوية في سوريا.",
        {"active"},
    ),
    # "في العادة" ("usually") is no "returned it"
    (
        "يجري الجانبان الروسي والأمريكي تنسيقا في العادة لضمان سلامة الرحلات الجوية فوق سوريا.",
        {"active"},
    ),
    ("دعا الوزير إلى تنسيق أكبر لسلامة التحليق بين روسيا والولايات المتحدة.", set()),
]

# Approving, agreeing on or deciding to set a mechanism up is a plan.
_DECIDING_CASES: list[tuple[str, set[str]]] = [
    ("وافقت موسكو على إنشاء قناة اتصال مع البنتاغون لتفادي الحوادث في سوريا.", {"proposed"}),
    ("اتفق رئيسا أركان الجيشين الروسي والأمريكي على إقامة خط ساخن في سوريا.", {"proposed"}),
    ("قررت واشنطن وموسكو تشكيل آلية لمنع الاصطدام بين طائراتهما في سوريا.", {"proposed"}),
    (
        "وافق وزير الدفاع الروسي على فتح خطوط تواصل مع العسكريين الأمريكيين لتجنب الحوادث.",
        {"proposed"},
    ),
    # a decision to suspend is a suspension; setting up told as history is nothing; done is active
    ("قررت موسكو تعليق العمل بمذكرة سلامة الطيران مع واشنطن.", {"suspended"}),
    ("منذ إنشاء الخط الساخن بين روسيا والولايات المتحدة عام 2015 تراجعت الحوادث.", set()),
    ("أنشأت روسيا والولايات المتحدة خطا ساخنا لتجنب الحوادث في سوريا.", {"active"}),
    ("وافقت موسكو وواشنطن على مذكرة التفاهم لسلامة الطيران في سوريا.", {"active"}),
]

_HELD_OUT_CASES = (
    _FRAME_CASES + _NARROW_CASES + _UNCOORDINATED_CASES + _LINES_CASES + _DECIDING_CASES
)


@pytest.mark.parametrize(
    ("text", "want"), _HELD_OUT_CASES, ids=[t[:40] for t, _ in _HELD_OUT_CASES]
)
def test_frames_negation_scope_and_phrasings(
    pipeline: syrdiplo.Pipeline, text: str, want: set[str]
) -> None:
    events = _events(pipeline, {"text": text})
    assert {e.status.value for e in events} == want
    for event in events:
        assert event.parties == ("RU", "US")


def test_an_uncoordinated_flight_is_its_own_cue(pipeline: syrdiplo.Pipeline) -> None:
    text = "أضاف المتحدث الروسي أن طلعات مقاتلات التحالف فوق الرقة لم تكن منسقة مع موسكو."
    (event,) = _events(pipeline, {"text": text})
    assert (event.status.value, event.mechanism) == ("violated", "air_coordination")
    assert ("trigger", "لم تكن منسقة") in {(s.role, s.text) for s in event.evidence}


def test_a_date_past_a_clause_break_dates_another_clause(pipeline: syrdiplo.Pipeline) -> None:
    text = (
        "وكانت موسكو جمدت الاتصالات العسكرية مع واشنطن بعد الضربة، لكن وزير الدفاع أجرى"
        " اتصالا مع نظيره الأمريكي في 3 أيار 2018."
    )
    doc = make_document(
        text, "2018-05-10", timexes=_pin(text, ("3 أيار 2018", "2018-05-03")), pipeline=pipeline
    )
    (event,) = DeconflictionExtractor().extract(doc)
    assert (event.status.value, event.date) == ("suspended", None)


@pytest.mark.parametrize(
    ("text", "status", "date"),
    [
        # the memorandum's own date does not date its suspension ...
        (
            "علقت روسيا العمل بمذكرة سلامة الطيران الموقعة مع واشنطن في 20 تشرين الأول 2015.",
            "suspended",
            None,
        ),
        # ... but dates its being signed
        (
            "وقعت روسيا والولايات المتحدة مذكرة سلامة الطيران المؤرخة في 20 تشرين الأول 2015.",
            "active",
            "2015-10-20",
        ),
    ],
)
def test_a_mechanisms_own_date_dates_only_its_being_active(
    pipeline: syrdiplo.Pipeline, text: str, status: str, date: str | None
) -> None:
    doc = make_document(
        text,
        "2018-05-10",
        timexes=_pin(text, ("20 تشرين الأول 2015", "2015-10-20")),
        pipeline=pipeline,
    )
    (event,) = DeconflictionExtractor().extract(doc)
    assert (event.status.value, event.date) == (status, date)


def test_a_mechanism_status_must_be_a_cue_kind(pipeline: syrdiplo.Pipeline) -> None:
    table = json.loads(json.dumps(pipeline.lexicon["deconfliction"]))
    table["mechanisms"]["uncoordinated_activity"]["status"] = "unclear"
    with pytest.raises(syrdiplo.DataFileError, match="status must be one of"):
        build(_lexicon_with(pipeline, table))


def test_narrow_negation_and_not_cues_are_data(pipeline: syrdiplo.Pipeline) -> None:
    text = normalize("المناورات غير المهنية").text
    pats = patterns(pipeline.lexicon)
    assert pats.narrow_negation.search(text)
    assert not pats.negation.search(text)
    usual = normalize("في العادة").text
    assert not any(pats.cues.before.pattern.finditer(usual))
    table = json.loads(json.dumps(pipeline.lexicon["deconfliction"]))
    table["not_cues"]["words"] = []
    assert any(build(_lexicon_with(pipeline, table)).cues.before.pattern.finditer(usual))
