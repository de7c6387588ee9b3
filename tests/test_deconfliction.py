"""The deconfliction extractor (plugins/syrdiplo_deconfliction).

Most cases are a table of short articles written for these tests
(tests/cases/deconfliction.toml): every status, the negatives (a mechanism with
no status, road traffic, aid crossings, other states' channels, threats,
denials), dates and mechanism keys. The rest check the samples end to end,
merging, claims, spans, the data checks and the plugin's shape.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import syrdiplo
from syrdiplo.testing import assert_spans_valid, make_document, make_pipeline
from syrdiplo_deconfliction import DeconflictionExtractor
from syrdiplo_deconfliction._patterns import STATUSES, build, patterns
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
