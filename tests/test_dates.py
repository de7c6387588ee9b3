"""The Arabic date resolver: a table of sentences, and the behaviour around it."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

import syrdiplo
from syrdiplo import DataFileError, InputError, Modifier, Precision, Timex
from syrdiplo._calendar import HIJRI_FIRST_YEAR, hijri_to_gregorian, to_hijri
from syrdiplo.cli import main
from syrdiplo.dates import find_timexes, resolve
from syrdiplo.document import Document
from syrdiplo.lexicon import Lexicon, core_lexicon
from syrdiplo.segment import split_sentences
from syrdiplo.testing import make_document, make_pipeline
from syrdiplo.text import normalize

CASES = Path(__file__).parent / "cases" / "dates.tsv"


def _cases() -> list[Any]:
    rows = []
    for number, line in enumerate(CASES.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        published, text, expected = line.split("\t")
        rows.append(
            pytest.param(
                None if published == "-" else published,
                text.replace("\\n", "\n"),
                expected,
                id=f"line{number}",
            )
        )
    return rows


def _describe(timex: Timex) -> str:
    value = "null" if timex.value is None else timex.value
    modifier = f"@{timex.modifier.value}" if timex.modifier else ""
    flags = "".join(f"!{flag}" for flag in timex.flags)
    return f"{timex.text}={value}{modifier}{flags}"


# --------------------------------------------------------------------------- the case table


@pytest.mark.parametrize(("published", "text", "expected"), _cases())
def test_case_table(published: str | None, text: str, expected: str) -> None:
    found = resolve(text, published)
    for timex in found:
        assert text[timex.start : timex.end] == timex.text
    assert (" ; ".join(_describe(t) for t in found) or "-") == expected


def test_case_table_covers_every_family() -> None:
    cases = [c.values for c in _cases()]
    expected = [e for _p, _t, e in cases]
    assert len(cases) >= 150
    assert sum(e == "-" for e in expected) >= 30, "negatives"
    assert sum(p is None for p, _t, _e in cases) >= 8, "no publication date"
    families = {
        "range": r"=\d{4}[-\d]*/\d{4}",
        "week": r"=\d{4}-W\d\d",
        "time": r"T\d\d:\d\d",
        "hijri": r"!hijri",
        "mismatch": r"!weekday-mismatch",
        "modifier": r"@(start|mid|end)",
        "vague": r"=null",
        "Maghrebi": r"جانفي|فيفري|أفريل|جويلية|أوت|جوان",
        "Moroccan": r"يوليوز|غشت|شتنبر|دجنبر|نونبر",
        "Egyptian": r"يونيه|يوليه|إبريل|أغسطس",
        "Levantine": r"كانون|تشرين|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول",
        "Eastern digits": r"[٠-٩]",
        "Persian digits": r"[۰-۹]",
        "English": r"[A-Z][a-z]+ \d",
    }
    for family, pattern in families.items():
        assert sum(bool(re.search(pattern, e)) for e in expected) >= 2, family


# --------------------------------------------------------------------------- the samples


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def test_samples_reach_the_gold(sample_articles: list[dict], sample_gold: list[dict]) -> None:
    """Every gold date found with its value, and nothing dated that the gold does not have."""
    articles = {a["id"]: a for a in sample_articles}
    for gold in sample_gold:
        article = articles[gold["id"]]
        text = article["text"]
        found = [t for t in resolve(text, article.get("published")) if t.value]
        spans = []
        for item in gold["timexes"]:
            start = -1
            for _ in range(item["occurrence"]):
                start = text.index(item["text"], start + 1)
            spans.append(((start, start + len(item["text"])), item))
        for span, item in spans:
            if item.get("core", True) and item["value"]:
                assert any(
                    _overlaps(span, (t.start, t.end)) and t.value == item["value"] for t in found
                ), (gold["id"], item)
        for timex in found:
            near = [g for s, g in spans if _overlaps(s, (timex.start, timex.end))]
            assert any(g["value"] in (timex.value, None) for g in near), (gold["id"], timex)


# --------------------------------------------------------------------------- fields and spans


@pytest.mark.parametrize(
    ("text", "precision", "anchor"),
    [
        ("قال أمس", Precision.DAY, "published"),
        ("عام 2015", Precision.YEAR, "absolute"),
        ("أيلول 2015", Precision.MONTH, "absolute"),
        ("الأسبوع الماضي", Precision.WEEK, "published"),
        ("يومي 26 و27 آب", Precision.RANGE, "published"),
        ("في وقت سابق", Precision.NONE, None),
        ("2024/11/13 - 6:37 م", Precision.TIME, "absolute"),
        ("سنة ألفين وتسعة", Precision.YEAR, "absolute"),
        ("في أيار 2014 ثم في آب من العام ذاته", Precision.MONTH, "previous"),
        ("عام 2014 ثم في الشهر ذاته", Precision.YEAR, "absolute"),  # no month to point to
        ("في آب من العام ذاته", Precision.MONTH, None),
    ],
)
def test_precision_and_anchor(text: str, precision: Precision, anchor: str | None) -> None:
    found = resolve(text, "2021-07-28")
    assert found[-1].precision is precision
    assert found[-1].anchor == anchor


def test_modifiers() -> None:
    values = {
        t.text: t.modifier
        for t in resolve("منتصف عام 2017 ومطلع آب ونهاية العام الماضي", "2021-07-28")
    }
    assert values == {
        "منتصف عام 2017": Modifier.MID,
        "مطلع آب": Modifier.START,
        "نهاية العام الماضي": Modifier.END,
    }


def test_spans_point_into_the_original_text() -> None:
    text = "وقالَ الوزيـــر أمسِ إنّ الاجتماعَ عُقد في الـ16 من حزيـران الماضي، وفي ١٤ رمضان ١٤٤٥ هـ"
    found = resolve(text, "2021-07-28")
    assert [t.text for t in found] == ["أمسِ", "الـ16 من حزيـران الماضي", "١٤ رمضان ١٤٤٥ هـ"]
    for timex in found:
        assert text[timex.start : timex.end] == timex.text
    assert [t.value for t in found] == ["2021-07-27", "2021-06-16", "2024-03-24"]


def test_combined_expression_is_one_timex() -> None:
    found = resolve("وذكر في تصريح له، الأربعاء 3 من تموز الماضي، أن", "2024-11-13")
    assert [(t.text, t.value) for t in found] == [("الأربعاء 3 من تموز الماضي", "2024-07-03")]


def test_weekday_mismatch_keeps_the_date() -> None:
    (timex,) = resolve("الخميس 12 من تشرين الثاني 2024", None)
    assert timex.value == "2024-11-12"
    assert timex.flags == ("weekday-mismatch",)
    (timex,) = resolve("الثلاثاء 12 من تشرين الثاني 2024", None)
    assert timex.flags == ()


def test_month_with_direction_across_the_year() -> None:
    assert resolve("في كانون الأول الماضي", "2022-01-05")[0].value == "2021-12"
    assert resolve("في تموز المقبل", "2021-12-20")[0].value == "2022-07"
    assert resolve("في كانون الثاني المقبل", "2022-01-31")[0].value == "2023-01"
    assert resolve("في كانون الأول الماضي", "2021-12-31")[0].value == "2020-12"


# --------------------------------------------------------------------------- the anchor


def test_published_accepts_dates_and_strings() -> None:
    expected = ["2021-07-27"]
    assert [t.value for t in resolve("أمس", dt.date(2021, 7, 28))] == expected
    assert [
        t.value for t in resolve("أمس", dt.datetime(2021, 7, 28, 23, 59, tzinfo=dt.UTC))
    ] == expected
    assert [t.value for t in resolve("أمس", "2021-07-28")] == expected
    assert [t.value for t in resolve("أمس", "2021-07-28T10:00:00")] == expected


@pytest.mark.parametrize("bad", ["28/07/2021", "yesterday", "2021-02-30", 20210728])
def test_published_must_be_a_date(bad: Any) -> None:
    with pytest.raises(InputError):
        resolve("أمس", bad)


def test_without_anchor_relative_values_are_none() -> None:
    found = resolve("قال أمس إن المحادثات التي جرت في 16 من حزيران الماضي وعام 2015", None)
    assert [(t.text, t.value) for t in found] == [
        ("أمس", None),
        ("16 من حزيران الماضي", None),
        ("عام 2015", "2015"),
    ]
    assert found[0].anchor is None


# --------------------------------------------------------------------------- the pipeline stage


def test_find_timexes_in_the_pipeline() -> None:
    doc = make_document("أعلنت الوزارة أمس أن الاجتماع سيعقد الأسبوع المقبل", "2016-08-24")
    assert [(t.text, t.value) for t in doc.timexes] == [
        ("أمس", "2016-08-23"),
        ("الأسبوع المقبل", "2016-W35"),
    ]
    assert find_timexes(doc) == doc.timexes


def test_find_timexes_leaves_out_boilerplate() -> None:
    text = "قال الوزير أمس إن الحوار مستمر.\n\nمقالات متعلقة\n\nروسيا تعلق الاتصالات أمس الأحد"
    doc = make_document(text, "2021-07-28")
    assert [t.text for t in doc.timexes] == ["أمس"]
    assert len(resolve(text, "2021-07-28")) == 2


def _document(text: str, published: str | None, lexicon: Lexicon | None = None) -> Document:
    """A document with sentences but no other stage run: the resolver's input alone."""
    lexicon = lexicon or make_pipeline(builtins=False).lexicon
    article = syrdiplo.Article.from_dict({"id": "t", "text": text, "published": published})
    normalized = normalize(text)
    return Document(
        article=article,
        normalized=normalized,
        sentences=split_sentences(article, normalized, lexicon),
        lexicon=lexicon,
    )


def test_find_timexes_alone() -> None:
    text = "قال الوزير أمس إن الحوار مستمر.\n\nمقالات متعلقة\n\nروسيا تعلق الاتصالات أمس الأحد"
    found = find_timexes(_document(text, "2021-07-28"))
    assert [(t.text, t.value) for t in found] == [("أمس", "2021-07-27")]
    lexicon = make_pipeline(_Maghreb(), builtins=False).lexicon
    found = find_timexes(_document("وقع الاتفاق في 3 اغشت 2021", None, lexicon))
    assert [(t.text, t.value) for t in found] == [("3 اغشت 2021", "2021-08-03")]


class _Maghreb:
    """A plugin adding a spelling of August."""

    @syrdiplo.hookimpl
    def syrdiplo_register_lexicons(self, register: Any) -> None:
        register("months", {"gregorian": {"8": ["اغشت"]}})
        register("dates", {"vague": {"phrases": ["في زمن مضى"]}})


def test_plugin_words_are_used() -> None:
    text = "وقع الاتفاق في 3 اغشت 2021 في زمن مضى"
    plain = make_document(text, "2021-09-01")
    assert [t.text for t in plain.timexes] == []
    extended = make_document(text, "2021-09-01", pipeline=make_pipeline(_Maghreb(), builtins=False))
    assert [(t.text, t.value) for t in extended.timexes] == [
        ("3 اغشت 2021", "2021-08-03"),
        ("في زمن مضى", None),
    ]


def test_resolve_takes_a_lexicon() -> None:
    lexicon = core_lexicon().extended("months", {"gregorian": {"8": ["اغشت"]}}, origin="test")
    assert [t.value for t in resolve("في 3 اغشت 2021", lexicon=lexicon)] == ["2021-08-03"]
    assert resolve("في 3 اغشت 2021") == []


def test_pointing_back_takes_the_nearest_date_before() -> None:
    text = "التقيا في أيار 2014، ثم في آذار 2016، واتفقا في تموز من العام نفسه، ثم في الشهر ذاته"
    assert [(t.value, t.anchor) for t in resolve(text, "2021-07-28")] == [
        ("2014-05", "absolute"),
        ("2016-03", "absolute"),
        ("2016-07", "previous"),
        ("2016-07", "previous"),
    ]


def test_outlet_names_are_data() -> None:
    text = "وقال لصحيفة الشام اليوم إن"
    assert [t.text for t in resolve(text, "2021-07-28")] == ["اليوم"]
    lexicon = core_lexicon().extended(
        "dates", {"not_a_date": {"outlets": ["الشام اليوم"]}}, origin="test"
    )
    assert resolve(text, "2021-07-28", lexicon=lexicon) == []


def test_outlet_marks_are_data() -> None:
    def dated(text: str, lexicon: Lexicon | None = None) -> list[str]:
        return [t.text for t in resolve(text, "2021-07-28", lexicon=lexicon)]

    assert dated("وأكدت سوريا اليوم أن") == ["اليوم"]
    assert dated("ونقلت سوريا اليوم عن مصدر") == []  # marked: a quoting verb and عن
    assert dated("وفي مقابلة لسوريا اليوم قال") == ["اليوم"]
    assert dated("كما أوردت سوريا اليوم أن") == ["اليوم"]
    lexicon = core_lexicon().extended(
        "dates",
        {
            "not_a_date": {
                "outlets_prefixed": ["سوريا اليوم"],
                "outlet_cues_before": ["كما أوردت"],
            }
        },
        origin="test",
    )
    assert dated("وأكدت سوريا اليوم أن", lexicon) == ["اليوم"]
    assert dated("وفي مقابلة لسوريا اليوم قال", lexicon) == []
    assert dated("كما أوردت سوريا اليوم أن", lexicon) == []


def test_weekday_shift_only_by_one_day() -> None:
    """A relative day one day off its weekday moves to it; further off, it is flagged."""
    for published, value, flags in [
        ("2022-03-12", "2022-03-11", ("weekday-shift",)),  # Saturday: written on Friday
        ("2022-03-10", "2022-03-11", ("weekday-shift",)),  # Thursday: a day early
        ("2022-03-11", "2022-03-11", ()),
        ("2022-03-13", "2022-03-13", ("weekday-mismatch",)),
        ("2022-03-09", "2022-03-09", ("weekday-mismatch",)),
    ]:
        (timex,) = resolve("وقال الوزير اليوم الجمعة إن", published)
        assert (timex.value, timex.flags) == (value, flags), published
    (timex,) = resolve("وقال الوزير اليوم الجمعة إن", None)
    assert (timex.value, timex.flags) == (None, ())


# --------------------------------------------------------------------------- the data


def _with(table: str, data: Any) -> Lexicon:
    lexicon = Lexicon()
    for name in core_lexicon().names():
        source = data if name == table else core_lexicon()[name]
        lexicon = lexicon.extended(name, source, origin=f"{name}.toml")
    return lexicon


def _months(**changes: Any) -> dict[str, Any]:
    months = json.loads(json.dumps(core_lexicon()["months"]))
    months["gregorian"].update(changes)
    return months


@pytest.mark.parametrize(
    ("table", "data", "key", "message"),
    [
        ("months", _months(**{"13": ["شهر جديد"]}), "gregorian.13", "outside 1..12"),
        ("months", _months(**{"x": ["شهر"]}), "gregorian.x", "not a number"),
        ("months", _months(**{"8": ["تموز"]}), "gregorian.8", "two meanings"),
        ("months", _months(**{"8": []}), "gregorian.8", "empty list"),
    ],
)
def test_malformed_data_names_file_and_key(table: str, data: Any, key: str, message: str) -> None:
    with pytest.raises(DataFileError) as error:
        resolve("في تموز 2021", lexicon=_with(table, data))
    assert error.value.key == key
    assert error.value.file == "months.toml"
    assert message in str(error.value)


def test_missing_month_is_reported() -> None:
    months = _months()
    del months["gregorian"]["12"]
    with pytest.raises(DataFileError, match="no words for 12"):
        resolve("في تموز 2021", lexicon=_with("months", months))


def test_unknown_direction_is_reported() -> None:
    dates = json.loads(json.dumps(core_lexicon()["dates"]))
    dates["directions"]["sideways"] = ["الجانبي"]
    with pytest.raises(DataFileError) as error:
        resolve("أمس", lexicon=_with("dates", dates))
    assert error.value.key == "directions.sideways"


def test_words_before_a_date_are_single_words() -> None:
    dates = json.loads(json.dumps(core_lexicon()["dates"]))
    dates["not_a_date"]["event_names"].append("ذكرى ثورة")
    with pytest.raises(DataFileError, match="single words") as error:
        resolve("أمس", lexicon=_with("dates", dates))
    assert error.value.key == "not_a_date.event_names"


def test_every_date_file_loads() -> None:
    for name in ("months", "weekdays", "dates"):
        assert name in core_lexicon()
    assert resolve("أمس", "2021-07-28")


# --------------------------------------------------------------------------- calendar and CLI


def test_hijri_calendar_edges() -> None:
    assert hijri_to_gregorian(HIJRI_FIRST_YEAR - 1, 1, 1) is None
    assert hijri_to_gregorian(1445, 13, 1) is None
    assert hijri_to_gregorian(1445, 9, 1) == dt.date(2024, 3, 11)
    assert to_hijri(dt.date(1900, 1, 1)) is None
    assert to_hijri(dt.date(2024, 3, 11)) == (1445, 9, 1)


def test_cli_dates(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dates", "التقى الوزيران أمس الثلاثاء", "--published", "2016-08-24"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(d["text"], d["value"]) for d in lines] == [("أمس الثلاثاء", "2016-08-23")]


# --------------------------------------------------------------------------- the docs


DOCS = Path(__file__).parent.parent / "docs" / "dates.md"


def _docs_rows() -> list[Any]:
    text = DOCS.read_text(encoding="utf-8")
    block = re.search(r"<!-- dates-table anchor=(\S+) -->\n(.*?)<!-- /dates-table -->", text, re.S)
    assert block, "docs/dates.md has no dates-table block"
    rows = []
    for line in block.group(2).splitlines()[2:]:
        kind, example, found, value = (cell.strip() for cell in line.strip("|").split("|"))
        rows.append(pytest.param(block.group(1), example, found, value, id=kind))
    return rows


@pytest.mark.parametrize(("anchor", "example", "found", "value"), _docs_rows())
def test_docs_table(anchor: str, example: str, found: str, value: str) -> None:
    expected = re.match(r"`([^`]+)`(?: \((\w+)\))?$", value)
    assert expected, value
    timexes = {t.text: t for t in resolve(example, anchor)}
    assert found in timexes, (example, list(timexes))
    timex = timexes[found]
    assert timex.value == (None if expected.group(1) == "null" else expected.group(1))
    remark = expected.group(2)
    if remark == "hijri":
        assert "hijri" in timex.flags
    elif remark:
        assert timex.modifier == Modifier(remark)


def test_docs_table_is_long() -> None:
    assert len(_docs_rows()) >= 50
