"""The meetings extractor: kinds, statuses, parties, dates, places, merging, negatives.

Most cases live in ``tests/cases/meetings.toml``: short texts of our own, with
the actors and dates the core stages would find pinned, so each case tests the
extractor alone. End-to-end tests on the sample articles run the real stages.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import syrdiplo
import syrdiplo_meetings
from syrdiplo.testing import assert_spans_valid, make_document, make_pipeline
from syrdiplo_meetings import MeetingsExtractor
from syrdiplo_meetings._context import _Claims
from syrdiplo_meetings._rules import build_rules, noun_forms, rules_for

CASES_FILE = Path(__file__).parent / "cases" / "meetings.toml"
CASES: list[dict[str, Any]] = tomllib.loads(CASES_FILE.read_text(encoding="utf-8"))["case"]
PLUGIN_DIR = Path(syrdiplo_meetings.__file__).parent


@pytest.fixture(scope="module")
def pipeline() -> syrdiplo.Pipeline:
    return make_pipeline()


def _find(text: str, surface: str, occurrence: int = 1) -> int:
    start = -1
    for _ in range(occurrence):
        start = text.find(surface, start + 1)
        if start < 0:
            raise AssertionError(f"{surface!r} does not occur {occurrence} times in the case text")
    return start


def _actors(text: str, rows: list[dict[str, Any]]) -> list[syrdiplo.Actor]:
    actors = []
    for row in rows:
        start = _find(text, row["text"], row.get("occurrence", 1))
        actors.append(
            syrdiplo.Actor(
                name=row["text"],
                canonical=row.get("canonical"),
                country=row.get("country"),
                type=row.get("type", "person"),
                role=row.get("role"),
                start=start,
                end=start + len(row["text"]),
            )
        )
    return sorted(actors, key=lambda a: a.start or 0)


def _timexes(text: str, rows: list[dict[str, Any]]) -> list[syrdiplo.Timex]:
    out = []
    for row in rows:
        start = _find(text, row["text"], row.get("occurrence", 1))
        value = row["value"]
        precision = (
            "range"
            if "/" in value
            else "week"
            if "W" in value
            else {4: "year", 7: "month"}.get(len(value), "day")
        )
        out.append(
            syrdiplo.Timex(
                start=start,
                end=start + len(row["text"]),
                text=row["text"],
                value=value,
                precision=precision,
            )
        )
    return sorted(out, key=lambda t: t.start)


def _document(case: dict[str, Any], pipeline: syrdiplo.Pipeline) -> syrdiplo.Document:
    text = case["text"]
    return make_document(
        text,
        case.get("published"),
        id=case["id"],
        actors=_actors(text, case.get("actors", [])),
        timexes=_timexes(text, case.get("timexes", [])),
        claims=(),
        pipeline=pipeline,
    )


def _countries(event: syrdiplo.Meeting) -> list[str]:
    return sorted({a.country for a in event.participants if a.country})


def _matches(expected: dict[str, Any], event: syrdiplo.Meeting) -> bool:
    if event.kind != expected["kind"] or _countries(event) != sorted(expected["countries"]):
        return False
    if "status" in expected and event.status != expected["status"]:
        return False
    if "date" in expected and event.date != (None if expected["date"] == "-" else expected["date"]):
        return False
    return "location" not in expected or event.location == expected["location"]


def _describe(event: syrdiplo.Meeting) -> str:
    return (
        f"{event.kind} {'-'.join(_countries(event))} {event.status} {event.date} {event.location}"
    )


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any], pipeline: syrdiplo.Pipeline) -> None:
    doc = _document(case, pipeline)
    events = list(MeetingsExtractor().extract(doc))
    expected = case.get("expect", [])
    found = [_describe(e) for e in events]
    assert len(events) == len(expected), f"expected {expected}, found {found}"
    unused = list(events)
    for item in expected:
        hit = next((e for e in unused if _matches(item, e)), None)
        assert hit is not None, f"missing {item}; found {found}"
        unused.remove(hit)


def test_cases_cover_every_kind_and_status() -> None:
    kinds = {item["kind"] for case in CASES for item in case.get("expect", [])}
    statuses = {item.get("status") for case in CASES for item in case.get("expect", [])}
    assert kinds == {k.value for k in syrdiplo.MeetingKind}
    assert {s.value for s in syrdiplo.MeetingStatus} <= statuses
    assert sum(1 for case in CASES if not case.get("expect")) >= 10


# --------------------------------------------------------------------------- evidence, claims, spans


def _run(
    text: str, published: str | None, pipeline: syrdiplo.Pipeline, **pinned: Any
) -> list[syrdiplo.Meeting]:
    doc = make_document(
        text, published, pipeline=pipeline, claims=pinned.pop("claims", ()), **pinned
    )
    return [e for e in MeetingsExtractor().extract(doc) if isinstance(e, syrdiplo.Meeting)]


def test_merged_event_keeps_every_mention_as_evidence(pipeline: syrdiplo.Pipeline) -> None:
    case = next(c for c in CASES if c["id"] == "merge-repeated-call-mentions")
    doc = _document(case, pipeline)
    (event,) = MeetingsExtractor().extract(doc)
    triggers = [s.text for s in event.evidence if s.role == "trigger"]
    assert {"اتصالا", "المكالمة", "المحادثات", "هاتفيا", "الهاتفية"} <= set(triggers)
    assert triggers.count("المحادثات") == 2
    roles = {s.role for s in event.evidence}
    assert roles == {"trigger", "participant", "date"}
    for span in event.evidence:
        assert doc.text[span.start : span.end] == span.text
    assert {a.canonical for a in event.participants} == {"Sergei Shoigu", "Ashton Carter"}


def test_location_and_date_are_evidence(pipeline: syrdiplo.Pipeline) -> None:
    case = next(c for c in CASES if c["id"] == "meeting-planned-future-verb-range")
    (event,) = MeetingsExtractor().extract(_document(case, pipeline))
    by_role = {s.role: s.text for s in event.evidence}
    assert by_role["location"] == "جنيف"
    assert by_role["date"] == "26 و27 آب"
    assert by_role["trigger"] == "سيجتمع"


def test_event_carries_its_claim(pipeline: syrdiplo.Pipeline) -> None:
    text = "قال المتحدث باسم الخارجية الأمريكية مارك تونر إن اللقاءات بين بلاده وروسيا مستمرة."
    speaker_start = text.index("مارك تونر")
    speaker = syrdiplo.Actor(
        name="مارك تونر",
        canonical="Mark Toner",
        country="US",
        type="person",
        start=speaker_start,
        end=speaker_start + len("مارك تونر"),
    )
    content_start = text.index("اللقاءات")
    claim = syrdiplo.Claim(
        speaker=speaker,
        cue=syrdiplo.Span(start=0, end=3, text="قال"),
        content=syrdiplo.Span(start=content_start, end=len(text) - 1, text=text[content_start:-1]),
    )
    (event,) = _run(text, "2016-08-24", pipeline, actors=[speaker], claims=[claim])
    assert event.claim == claim
    assert event.kind == "talks"
    assert _countries(event) == ["RU", "US"]  # بلاده is the speaker's country
    assert event.status == "ongoing"


def test_speaker_fills_the_missing_side_of_a_reported_meeting(pipeline: syrdiplo.Pipeline) -> None:
    text = "وقال لافروف إن الاجتماع مع الجانب الأمريكي كان مثمرا."
    start = text.index("لافروف")
    speaker = syrdiplo.Actor(
        name="لافروف",
        canonical="Sergei Lavrov",
        country="RU",
        type="person",
        start=start,
        end=start + 6,
    )
    content_start = text.index("الاجتماع")
    claim = syrdiplo.Claim(
        speaker=speaker,
        cue=syrdiplo.Span(start=text.index("قال"), end=text.index("قال") + 3, text="قال"),
        content=syrdiplo.Span(start=content_start, end=len(text) - 1, text=text[content_start:-1]),
    )
    (event,) = _run(text, "2021-03-01", pipeline, actors=[speaker], claims=[claim])
    assert _countries(event) == ["RU", "US"]
    assert event.claim == claim
    # without the claim the speaker is only mentioned: the sentence still has both sides
    assert [_countries(e) for e in _run(text, "2021-03-01", pipeline, actors=[speaker])] == [
        ["RU", "US"]
    ]


def test_person_role_adds_no_wrong_country(pipeline: syrdiplo.Pipeline) -> None:
    text = "قال السفير الروسي لدى الولايات المتحدة أناتولي أنتونوف إن بلاده مستعدة للحوار مع تركيا."
    start = text.index("السفير")
    name = "السفير الروسي لدى الولايات المتحدة أناتولي أنتونوف"
    ambassador = syrdiplo.Actor(
        name=name,
        canonical="Anatoly Antonov",
        country="RU",
        type="person",
        role="ambassador",
        start=start,
        end=start + len(name),
    )
    (event,) = _run(text, "2021-07-28", pipeline, actors=[ambassador])
    assert _countries(event) == ["RU", "TR"]


def test_spans_valid_end_to_end(sample_articles: list[dict], pipeline: syrdiplo.Pipeline) -> None:
    for article in sample_articles:
        result = pipeline.run(article)
        assert result.ok, result.errors
        assert_spans_valid(result)
        for event in result.events_of("meeting"):
            assert event.evidence, "every meeting rests on evidence"
            assert any(s.role == "trigger" for s in event.evidence)
            assert event.extractor == "meetings"


def test_serialized_shape(pipeline: syrdiplo.Pipeline) -> None:
    result = pipeline.run(
        {"id": "x", "text": "موسكو وواشنطن تجريان مشاورات حول سوريا.", "published": "2021-01-01"}
    )
    (event,) = [e for e in result.to_dict()["events"] if e["type"] == "meeting"]
    assert event["kind"] == "talks"
    assert event["status"] == "ongoing"
    assert sorted(p["country"] for p in event["participants"]) == ["RU", "US"]
    assert json.loads(json.dumps(event, ensure_ascii=False)) == event


# --------------------------------------------------------------------------- the samples


def _score(gold: list[dict], events: list[dict]) -> tuple[int, int, int]:
    """Score-like matching (kind, set of countries, date with null accepting any)."""

    def same(g: dict, p: dict) -> bool:
        countries = sorted({x["country"] for x in p["participants"] if x.get("country")})
        return (
            g["kind"] == p["kind"]
            and sorted(g["countries"]) == countries
            and (g["date"] is None or g["date"] == p["date"])
        )

    unused = list(events)
    tp = fn = 0
    for want_core in (True, False):
        for item in gold:
            if bool(item.get("core", True)) != want_core:
                continue
            hit = next((p for p in unused if same(item, p)), None)
            if hit is not None:
                unused.remove(hit)
                tp += want_core
            elif want_core:
                fn += 1
    return tp, len(unused), fn


_SAMPLE_ACTORS: dict[str, list[tuple[str, str, str, int]]] = {
    # the people the actor stage is to recognise in the samples: surface, canonical, country, occurrence
    "000": [
        ("أناتولي أنتونوف", "Anatoly Antonov", "RU", 1),
        ("فلاديمير بوتين", "Vladimir Putin", "RU", 1),
        ("بنظيره الأمريكي", "Joe Biden", "US", 1),
    ],
    "001": [
        ("سيرغي شويغو", "Sergei Shoigu", "RU", 1),
        ("نظيره الأمريكي أشتون كارتر", "Ashton Carter", "US", 1),
        ("شويغو", "Sergei Shoigu", "RU", 2),
        ("كارتر", "Ashton Carter", "US", 3),
        ("شويغو", "Sergei Shoigu", "RU", 3),
        ("كارتر", "Ashton Carter", "US", 4),
        ("مارك تونير", "Mark Toner", "US", 1),
        ("تشاك هيغل", "Chuck Hagel", "US", 1),
    ],
    "003": [
        ("مارك تونر", "Mark Toner", "US", 1),
        ("سيرغي لافروف", "Sergei Lavrov", "RU", 1),
        ("جون كيري", "John Kerry", "US", 2),
        ("سيرغي شويغو", "Sergei Shoigu", "RU", 1),
    ],
    "004": [
        ("ألكسندر لافرنتييف", "Alexander Lavrentiev", "RU", 3),
        ("سيرغي ريابكوف", "Sergei Ryabkov", "RU", 1),
    ],
}


def test_samples_with_pinned_stages(
    sample_articles: list[dict], sample_gold: list[dict], pipeline: syrdiplo.Pipeline
) -> None:
    """With the dates and people the core stages are to find, every core meeting is found
    and nothing is reported that the gold file does not allow."""
    gold = {g["id"]: g for g in sample_gold}
    totals = [0, 0, 0]
    for article in sample_articles:
        text = article["text"]
        timexes = [
            {"text": t["text"], "value": t["value"], "occurrence": t["occurrence"]}
            for t in gold[article["id"]]["timexes"]
            if t["value"]
        ]
        people = [
            {"text": s, "canonical": c, "country": k, "occurrence": n, "type": "person"}
            for s, c, k, n in _SAMPLE_ACTORS.get(article["id"][:3], [])
        ]
        case = {
            "id": article["id"],
            "text": text,
            "published": article.get("published"),
            "actors": people,
            "timexes": timexes,
        }
        doc = _document(case, pipeline)
        events = [attrs.asdict(e) for e in MeetingsExtractor().extract(doc)]
        for event in events:
            event["kind"] = str(event["kind"])
        tp, fp, fn = _score(gold[article["id"]]["meetings"], events)
        totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
    tp, fp, fn = totals
    assert (fp, fn) == (0, 0), f"tp={tp} fp={fp} fn={fn}"


def test_samples_end_to_end(
    sample_articles: list[dict], sample_gold: list[dict], pipeline: syrdiplo.Pipeline
) -> None:
    """The whole pipeline on the samples: meeting F1 of at least 0.9."""
    results = [pipeline.run(a) for a in sample_articles]
    if not any(r.actors for r in results) or not any(r.timexes for r in results):
        pytest.skip("the actor and date stages have not landed yet")
    gold = {g["id"]: g for g in sample_gold}
    tp = fp = fn = 0
    for result in results:
        events = [e for e in result.to_dict()["events"] if e["type"] == "meeting"]
        a, b, c = _score(gold[result.id]["meetings"], events)
        tp, fp, fn = tp + a, fp + b, fn + c
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    assert f1 >= 0.9, f"tp={tp} fp={fp} fn={fn}"


# --------------------------------------------------------------------------- data and build


def test_rules_are_compiled_once_per_lexicon(pipeline: syrdiplo.Pipeline) -> None:
    assert rules_for(pipeline.lexicon) is rules_for(pipeline.lexicon)


def test_noun_forms_inflect() -> None:
    assert {"لقائهما", "لقاؤه", "لقاء"} <= set(noun_forms("لقاء"))
    assert {"مكالمته", "مكالمتين"} <= set(noun_forms("مكالمة"))
    assert "حوارا" in noun_forms("حوار")
    assert noun_forms("مكالمة")["مكالمته"] is True  # a pronoun suffix makes it definite


def test_registered_lexicon_table(pipeline: syrdiplo.Pipeline) -> None:
    assert "meetings" in pipeline.lexicon
    assert any("meetings" in origin for origin in pipeline.lexicon.origins("meetings"))


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"formats": {"bad": {"names": ["صيغة"], "parties": ["Russia"]}}}, "formats.bad.parties"),
        ({"formats": {"bad": {"names": ["صيغة"], "kind": "dinner"}}}, "formats.bad.kind"),
        ({"formats": {"bad": {"names": ["صيغة"], "assembly": "yes"}}}, "formats.bad.assembly"),
        ({"status": {"order": ["planned", "cancelled"]}}, "status.order"),
        ({"merge": {"anaphors": {"call": ["phone"]}}}, "merge.anaphors.call"),
    ],
)
def test_malformed_data_is_reported(pipeline: syrdiplo.Pipeline, change: dict, key: str) -> None:
    lexicon = pipeline.lexicon
    if "status" in change:
        table = dict(lexicon["meetings"])
        table["status"] = {**table["status"], **change["status"]}
        lexicon = syrdiplo.Lexicon({**{n: lexicon[n] for n in lexicon.names()}, "meetings": table})
    elif "merge" in change:
        table = dict(lexicon["meetings"])
        table["merge"] = {
            **table["merge"],
            "anaphors": {**table["merge"]["anaphors"], **change["merge"]["anaphors"]},
        }
        lexicon = syrdiplo.Lexicon({**{n: lexicon[n] for n in lexicon.names()}, "meetings": table})
    else:
        lexicon = lexicon.extended("meetings", change, origin="test")
    with pytest.raises(syrdiplo.DataFileError) as error:
        build_rules(lexicon)
    assert key in str(error.value)


# --------------------------------------------------------------------------- robustness

_WORDS = [
    "التقى",
    "بوتين",
    "بنظيره",
    "الأمريكي",
    "اتصال",
    "هاتفي",
    "مع",
    "موسكو",
    "وواشنطن",
    "الحوار",
    "لن",
    "من المقرر",
    "بين",
    "روسيا",
    "والولايات المتحدة",
    "في",
    "جنيف",
    "أمس",
    "،",
    ".",
    "\n",
    "«",
    "»",
    "قنوات",
    "الاتصال",
    "بصيغة",
    "أستانة",
    "للولايات",
    "بلاده",
    "إن",
    "زيارة",
    "إلى",
]


@given(
    st.lists(
        st.one_of(
            st.sampled_from(_WORDS), st.text(st.characters(blacklist_characters="\x00"), max_size=6)
        ),
        min_size=0,
        max_size=40,
    ).map(" ".join),
    st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())),
)
@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_text_gives_valid_events(
    pipeline: syrdiplo.Pipeline, text: str, published: str | None
) -> None:
    doc = make_document(text, published, pipeline=pipeline)
    for event in MeetingsExtractor().extract(doc):
        assert isinstance(event, syrdiplo.Meeting)
        for span in event.evidence:
            assert text[span.start : span.end] == span.text
        for actor in event.participants:
            if actor.start is not None and actor.end is not None:
                assert 0 <= actor.start <= actor.end <= len(text)
        assert len({a.country for a in event.participants if a.country}) >= 1


# --------------------------------------------------------------------------- long articles

_CLAIM_TEXT = (
    "قال لافروف إن اللقاء تم. وأكد كيري أن المحادثات مستمرة. وذكرت المصادر أن الاتصال جرى.\n" * 3
)


@given(
    st.lists(
        st.tuples(
            st.integers(0, len(_CLAIM_TEXT) - 1),
            st.integers(0, 40),
            st.one_of(st.none(), st.tuples(st.integers(0, len(_CLAIM_TEXT)), st.integers(0, 80))),
        ),
        max_size=12,
    ),
    st.lists(st.tuples(st.integers(0, len(_CLAIM_TEXT) - 1), st.integers(0, 30)), max_size=20),
)
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_claim_index_answers_as_the_document(
    pipeline: syrdiplo.Pipeline,
    claims: list[tuple[int, int, tuple[int, int] | None]],
    queries: list[tuple[int, int]],
) -> None:
    """The extractor looks claims up in an index; it must agree with Document.claim_for."""
    text, size = _CLAIM_TEXT, len(_CLAIM_TEXT)
    speaker = syrdiplo.Actor(name="لافروف", country="RU")
    made = []
    for cue_start, cue_length, content in claims:
        cue_end = min(size, cue_start + cue_length)
        span = None
        if content is not None:
            start, length = content
            end = min(size, start + length)
            span = syrdiplo.Span(start=start, end=end, text=text[start:end])
        made.append(
            syrdiplo.Claim(
                speaker=speaker,
                cue=syrdiplo.Span(start=cue_start, end=cue_end, text=text[cue_start:cue_end]),
                content=span,
            )
        )
    doc = make_document(text, "2021-01-01", claims=made, actors=(), pipeline=pipeline)
    index = _Claims(doc)
    for start, length in queries:
        end = min(size, start + length)
        assert index(start, end) is doc.claim_for(start, end)


def test_many_mentions_of_one_event_merge_into_one(pipeline: syrdiplo.Pipeline) -> None:
    """A long article repeating one meeting gives one event (merging keeps running
    summaries of each event, so this takes linear time)."""
    sentence = "التقى الرئيس الروسي بوتين نظيره الأمريكي بايدن في جنيف.\n"
    actors = []
    text = sentence * 400
    for k in range(400):
        offset = k * len(sentence)
        for name, country in (("بوتين", "RU"), ("بايدن", "US")):
            start = offset + sentence.index(name)
            actors.append(
                syrdiplo.Actor(
                    name=name, country=country, type="person", start=start, end=start + len(name)
                )
            )
    doc = make_document(text, "2021-06-20", actors=actors, claims=(), pipeline=pipeline)
    (event,) = MeetingsExtractor().extract(doc)
    assert _countries(event) == ["RU", "US"]
    assert sum(1 for s in event.evidence if s.role == "trigger") == 400


# --------------------------------------------------------------------------- end to end, from
# errors seen on real news pages (our own sentences, run through every core stage)

#: (id, published, text, expected events) — each event as (kind, countries, status,
#: date); a status or date of ``None`` is not checked. A case without events is a negative.
REAL_PAGE_CASES: list[tuple[str, str, str, list[tuple[str, str, str | None, str | None]]]] = [
    (
        "topic-after-each-of",  # "في كل من": unknown first conjunct, second still a topic
        "2016-03-10",
        "بحث وزير الخارجية الروسي سيرغي لافروف مع نظيره الأمريكي جون كيري في اتصال هاتفي "
        "اليوم الأزمات في كل من اليمن وأوكرانيا.",
        [("call", "RU-US", "occurred", "2016-03-10")],
    ),
    (
        "plural-topic-noun",  # "ملفات سوريا وأوكرانيا وإيران" are topics
        "2018-07-17",
        "وصف بوتين لقاءه مع ترامب في هلسنكي أمس بأنه مفيد، مشيرا إلى ملفات سوريا وأوكرانيا وإيران.",
        [("meeting", "RU-US", "occurred", "2018-07-16")],
    ),
    (
        "between-each-of",  # "بين كل من" names parties
        "2017-06-01",
        "عقدت محادثات بين كل من روسيا وتركيا في أنقرة أمس حول إدلب.",
        [("talks", "RU-TR", "occurred", None)],
    ),
    (
        "cause-is-topic",  # "بسبب أوكرانيا" names no party
        "2015-05-19",
        "اجتمع كيري ولافروف في سوتشي أمس، ويأتي اللقاء بعد أشهر من التوتر بسبب أوكرانيا.",
        [("meeting", "RU-US", "occurred", "2015-05-18")],
    ),
    (
        "role-before-preposition",  # "مندوبين للولايات المتحدة" is a side, not a place
        "2017-04-10",
        "تعقد روسيا مشاورات حول سوريا في جنيف الأسبوع المقبل مع مندوبين للولايات المتحدة.",
        [("talks", "RU-US", "planned", None)],
    ),
    (
        "plural-envoys-and-nationalities",
        "2015-05-19",
        "اجتمع مبعوثون روس وأمريكيون في موسكو أمس لبحث الأزمة السورية.",
        [("meeting", "RU-US", "occurred", "2015-05-18")],
    ),
    (
        "call-named-three-ways",  # talks, then "خلال الاتصال" with "الزعيمين", then the pair by name
        "2017-05-03",
        "أجرى ترامب محادثات مع بوتين أمس. وقال البيت الأبيض إن الزعيمين ناقشا خلال الاتصال "
        "الهاتفي الوضع في سوريا. ووصف الكرملين المحادثات بين بوتين وترامب بأنها بناءة.",
        [("call", "RU-US", "occurred", "2017-05-02")],
    ),
    (
        "statement-content-names-no-parties",
        "2017-05-03",
        "أجرى بوتين وترامب اتصالا هاتفيا أمس. وقال الكرملين في بيان إثر الاتصال إن تنسيق "
        "تحركات الولايات المتحدة وروسيا ضروري.",
        [("call", "RU-US", "occurred", "2017-05-02")],
    ),
    (
        "earlier-call-is-another-call",  # "محادثات هاتفية سابقة"
        "2019-08-21",
        "ناقش غيراسيموف ودانفورد هاتفيا اليوم الوضع في سوريا. وقد جرت محادثات هاتفية سابقة "
        "بين غيراسيموف ودانفورد في آذار الماضي.",
        [("call", "RU-US", "occurred", "2019-08-21"), ("call", "RU-US", "occurred", "2019-03")],
    ),
    (
        "negated-discussion-at-a-meeting",  # "لم يبحثا خلال لقائهما": the meeting took place
        "2017-07-20",
        "قال بيسكوف إن بوتين وترامب لم يبحثا خلال لقائهما في هامبورغ مسألة العقوبات.",
        [("meeting", "RU-US", "occurred", None)],
    ),
    (
        "talks-word-after-after-is-not-folded",  # "ويأتي الاتصال بعد لقاء ..."
        "2017-11-21",
        "أجرى لافروف اتصالا هاتفيا مع كيري اليوم. ويأتي الاتصال بعد لقاء بوتين والأسد في سوتشي أمس.",
        [("call", "RU-US", "occurred", "2017-11-21"), ("meeting", "RU-SY", "occurred", None)],
    ),
    (
        "shortly-before-opens-a-clause",  # "قبيل قمة ... بين روسيا وتركيا وإيران"
        "2017-11-20",
        "استقبل بوتين الأسد في سوتشي أمس قبيل قمة مقررة الأسبوع الجاري بين روسيا وتركيا وإيران.",
        [("meeting", "RU-SY", "occurred", None), ("meeting", "IR-RU-TR", "planned", None)],
    ),
    (
        "was-opens-a-clause",  # "... وكانت موسكو وأنقرة قد أجرتا مشاورات"
        "2015-12-22",
        "أعلن غاتيلوف عن لقاء بين روسيا والولايات المتحدة في جنيف غدا لبحث الأزمة السورية "
        "وكانت موسكو وأنقرة قد أجرتا مشاورات ثنائية الأسبوع الماضي.",
        [("meeting", "RU-US", "planned", None), ("talks", "RU-TR", "occurred", None)],
    ),
    (
        "request-after-a-past-call",  # "اتصل ... وطلب منه حث": the call took place
        "2016-01-27",
        "اتصل كيري هاتفيا بلافروف اليوم وطلب منه حث دمشق على وقف القصف.",
        [("call", "RU-US", "occurred", "2016-01-27")],
    ),
    (
        "discussed-is-not-urged",  # "بحث" is not ب + "حث"
        "2016-08-26",
        "عقد لافروف وكيري لقاء في جنيف اليوم بحث خلاله الوزيران الهدنة في حلب.",
        [("meeting", "RU-US", "occurred", "2016-08-26")],
    ),
    (
        "for-the-sake-of-is-not-postponed",  # "من أجل" is not "أجّل"
        "2016-08-26",
        "عقد لافروف وكيري لقاء في جنيف اليوم من أجل التوصل إلى هدنة في حلب.",
        [("meeting", "RU-US", "occurred", "2016-08-26")],
    ),
    (
        "is-considered-is-not-prepares",  # "يعد" (is considered) is no planning cue
        "2018-07-17",
        "ويعد لقاء بوتين وترامب في هلسنكي خطوة مهمة في العلاقات بين البلدين.",
        [("meeting", "RU-US", "occurred", None)],
    ),
    (
        "channel-name-is-no-party",  # "قناة القاهرة الإخبارية"
        "2016-08-26",
        "ذكرت قناة القاهرة الإخبارية أن لافروف وكيري عقدا لقاء مغلقا في جنيف اليوم.",
        [("meeting", "RU-US", "occurred", "2016-08-26")],
    ),
    (
        "reported-part-after-pronoun-complementiser",  # "القول إنه": the date is the report's
        "2018-07-06",
        "نقلت تقارير إعلامية الأسبوع الجاري القول إنه خلال القمة الروسية الأمريكية المرتقبة "
        "في هلسنكي قد يتفق بوتين وترامب على انسحاب القوات المدعومة من إيران من سوريا.",
        [("meeting", "RU-US", "planned", None)],
    ),
    (
        "demonstrative-refers-back",  # "هذه المكالمة" is the call named before
        "2018-09-24",
        "أجرى بوتين اتصالا هاتفيا مع الأسد اليوم. وتتزامن هذه المكالمة مع إعلان وزير الدفاع "
        "الروسي سيرغي شويغو تسليم سوريا منظومة دفاع جوي.",
        [("call", "RU-SY", "occurred", "2018-09-24")],
    ),
    (
        "format-in-another-clause-adds-no-party",  # the guarantors, then a two-party summit
        "2018-09-24",
        "تطرق بوتين والأسد إلى نتائج لقاءات الدول الضامنة، وكذلك القمة التي جمعت بوتين "
        "بنظيره التركي رجب طيب أردوغان في سوتشي مؤخرا.",
        [("meeting", "IR-RU-TR", None, None), ("meeting", "RU-TR", "occurred", None)],
    ),
    (
        "report-date-yields-to-the-meeting-date",  # "كشف ... أمس عن لقاء ... اليوم"
        "2015-12-22",
        "كشف غاتيلوف أمس عن لقاء بين روسيا والولايات المتحدة في جنيف اليوم لبحث الأزمة السورية.",
        [("meeting", "RU-US", None, "2015-12-22")],
    ),
    (
        "report-date-yields-after-the-verb",  # the event's own date after its verb
        "2015-12-22",
        "كشف غاتيلوف أمس عن لقاء روسي أمريكي يعقد اليوم في جنيف.",
        [("meeting", "RU-US", None, "2015-12-22")],
    ),
    (
        "report-date-is-the-last-resort",  # only the report's date: it is kept
        "2015-12-22",
        "أعلن الكرملين أمس عن اتصال هاتفي بين بوتين وأوباما.",
        [("call", "RU-US", "occurred", "2015-12-21")],
    ),
    (
        "statement-date-after-the-meeting",  # the meeting's date, not the statement's
        "2015-12-22",
        "قال لافروف أمس بعد لقائه كيري في موسكو اليوم إن الخلافات قائمة.",
        [("meeting", "RU-US", "occurred", "2015-12-22")],
    ),
    (
        "deal-is-no-holding",  # "عقد صفقة" is not "held": one planned meeting
        "2018-07-10",
        "سيلتقي بوتين وترامب في هلسنكي يوم 16 تموز. ويريد ترامب خلال اللقاء عقد صفقة مع "
        "بوتين بشأن سوريا.",
        [("meeting", "RU-US", "planned", "2018-07-16")],
    ),
    (
        "holding-after-a-preposition",  # "إلى عقد قمة": the summit is not held yet
        "2018-07-10",
        "تسعى موسكو إلى عقد قمة بين بوتين وترامب.",
        [("meeting", "RU-US", "proposed", None)],
    ),
    (
        "signed-contract-is-no-holding",  # "وقعا عقدا"
        "2018-07-10",
        "سيزور الأسد موسكو الأسبوع المقبل. ووقعت روسيا وسوريا عقدا لتطوير ميناء طرطوس "
        "قبيل الزيارة.",
        [("meeting", "RU-SY", "planned", None)],
    ),
    (
        "held-is-still-held",  # "عقد ... لقاء" and "اللقاء الذي عقد"
        "2018-07-10",
        "عقد بوتين وترامب لقاء في هلسنكي أمس. وكان اللقاء الذي عقد في هلسنكي بين بوتين "
        "وترامب الأول من نوعه.",
        [("meeting", "RU-US", "occurred", "2018-07-09")],
    ),
    (
        "we-made-a-call",  # "أجرينا اتصالا": the speaker's country and the counterpart
        "2017-05-03",
        "وتابع أردوغان: لقد أجرينا اتصالا مع بوتين.",
        [("call", "RU-TR", "occurred", None)],
    ),
    (
        "we-made-a-call-reported",
        "2017-05-03",
        "وأشار لافروف إلى أننا أجرينا اتصالا مع الأمريكيين أمس.",
        [("call", "RU-US", "occurred", "2017-05-02")],
    ),
    (
        "i-received-a-call",
        "2017-05-03",
        "قال ظريف: تلقيت اتصالا من كيري أمس.",
        [("call", "IR-US", "occurred", "2017-05-02")],
    ),
    (
        "we-hold-contacts-are-talks",  # plural contacts held: talks, not a call
        "2017-05-03",
        "قال لافروف إننا نجري اتصالات مع الأمريكيين بشأن سوريا.",
        [("talks", "RU-US", "ongoing", None)],
    ),
    (
        "security-council-session-with-a-relative-clause",  # negative: who called the session
        "2016-09-26",
        "وخلال اجتماع مجلس الأمن الذي دعت إليه بريطانيا، اتهم المندوب البريطاني روسيا "
        "بارتكاب جرائم حرب في حلب.",
        [],
    ),
    (
        "security-council-session-with-a-quarrel",  # negative: a quarrel at the session
        "2016-09-26",
        "شهد اجتماع مجلس الأمن أمس، الذي دعت إليه روسيا، مشادة بين المندوبة الأمريكية "
        "سامانثا باور ونظيرها الروسي فيتالي تشوركين.",
        [],
    ),
    (
        "security-council-holds-a-session",  # negative: requested by two members
        "2016-09-26",
        "عقد مجلس الأمن الدولي اجتماعا طارئا مغلقا أمس بطلب من روسيا وبريطانيا.",
        [],
    ),
    (
        "meeting-at-the-security-council",  # a bilateral held at the Council's seat
        "2016-09-26",
        "عقد لافروف وكيري لقاء في مقر مجلس الأمن الدولي أمس.",
        [("meeting", "RU-US", "occurred", "2016-09-25")],
    ),
    (
        "indefinite-plural-nationalities",  # "خبراء روس وإيرانيون وأتراك"
        "2017-01-01",
        "اجتمع خبراء روس وإيرانيون وأتراك في أستانة أمس.",
        [("meeting", "IR-RU-TR", "occurred", "2016-12-31")],
    ),
    (
        "indefinite-plural-officials",
        "2017-01-01",
        "التقى مسؤولون أمريكيون وإيرانيون في مسقط أمس.",
        [("meeting", "IR-US", "occurred", "2016-12-31")],
    ),
    (
        "indefinite-plural-envoys",
        "2017-01-01",
        "اجتمع مبعوثون بريطانيون وفرنسيون في باريس أمس.",
        [("meeting", "FR-GB", "occurred", "2016-12-31")],
    ),
    (
        "experts-meet",  # "خبراء" are a source only when they speak
        "2016-09-08",
        "من المنتظر أن يلتقي خبراء أمريكيون وروس في جنيف قريبا لعقد محادثات حول حلب.",
        [("meeting", "RU-US", "planned", None)],
    ),
    (
        "speaking-experts-are-no-party",
        "2018-07-17",
        "رأى خبراء أمريكيون أن اللقاء بين بوتين وأردوغان كان مثمرا.",
        [("meeting", "RU-TR", None, None)],
    ),
    (
        "idea-of-holding-is-proposed",  # "دعمت فكرة عقد اجتماع"
        "2018-05-29",
        "أعلن بوغدانوف أن بلاده دعمت فكرة عقد اجتماع ثلاثي روسي أردني أميركي حول الجنوب السوري.",
        [("meeting", "JO-RU-US", "proposed", None)],
    ),
    (
        "agreed-to-organise-is-planned",  # "اتفقتا على تنظيم لقاء"
        "2015-10-02",
        "وكانت واشنطن وموسكو قد اتفقتا على تنظيم لقاء بأسرع وقت ممكن بين عسكريي البلدين.",
        [("meeting", "RU-US", "planned", None)],
    ),
    (
        "authorities-are-a-side",  # "السلطات العسكرية الروسية والأميركية"
        "2015-10-02",
        "بدأت أمس السلطات العسكرية الروسية والأميركية محادثات لتجنب وقوع أي حادث.",
        [("talks", "RU-US", None, "2015-10-01")],
    ),
    (
        "adjective-after-comma-is-a-side",  # "، والإيراني محمد جواد ظريف"
        "2016-10-28",
        "عقدت في موسكو محادثات بين لافروف ونظيريه السوري وليد المعلم، والإيراني محمد جواد ظريف.",
        [("talks", "IR-RU-SY", None, None)],
    ),
    (
        "another-events-place",  # Moscow is where the earlier talks were held
        "2016-10-28",
        "ويأتي الاتصال الهاتفي بين لافروف وكيري بعد ساعات على المحادثات التي عقدت في موسكو "
        "بين لافروف ونظيره السوري وليد المعلم.",
        [("call", "RU-US", None, None), ("meeting", "RU-SY", None, None)],
    ),
    (
        "between-names-every-side",  # negative: the critic is no party
        "2015-10-02",
        "انتقدت موسكو اللقاء بين كيري والمعارضة السورية.",
        [],
    ),
    (
        "between-names-every-side-reporter",  # the welcoming state is no party
        "2015-10-02",
        "رحبت موسكو بالمحادثات بين كيري وظريف في فيينا.",
        [("meeting", "IR-US", None, None)],
    ),
    (
        "topic-chain-through-unknown-conjunct",  # negative: "وكوريا الشمالية" keeps the chain
        "2017-11-22",
        "وأوضح البيت الأبيض أن قضايا سوريا وإيران وكوريا الشمالية وأوكرانيا كانت على أجندة "
        "المحادثات.",
        [],
    ),
    (
        "broken-topic-chain",  # "صعب" ends the topic: Russia and America are parties
        "2017-11-22",
        "قال لافروف إن الوضع في سوريا صعب وروسيا وأمريكا ستجريان محادثات.",
        [("talks", "RU-US", "planned", None)],
    ),
    (
        "news-agency-speaker-is-no-party",  # negative: "قالت إنترفاكس إن كيري اقترح ..."
        "2015-12-07",
        "قالت إنترفاكس إن كيري اقترح عقد محادثات في نيويورك الأسبوع المقبل.",
        [],
    ),
    (
        "regime-is-a-topic",  # negative: "ضد نظام الأسد" and a G20 summit
        "2013-09-06",
        "سعى أوباما خلال قمة العشرين إلى حشد الدعم لضربة ضد نظام الأسد.",
        [],
    ),
    (
        "un-envoy-speaking-alone",  # negative: a UN envoy is no state
        "2016-09-09",
        "قال المبعوث الأممي ستافان دي ميستورا إن المفاوضات حول سوريا قد تستأنف قريبا.",
        [],
    ),
    # Syria named as the topic or the place is no party; its people and party slots are
    (
        "topic-state-heading-a-list",  # "وعلى رأسها سوريا"
        "2019-04-03",
        "التقى لافروف كيري في جنيف أمس وبحثا قضايا المنطقة وعلى رأسها سوريا.",
        [("meeting", "RU-US", "occurred", "2019-04-02")],
    ),
    (
        "topic-state-after-a-topic-noun",  # "بحث موضوع سوريا"
        "2019-04-03",
        "بحث شويغو موضوع سوريا مع نظيره الأمريكي في اتصال هاتفي اليوم.",
        [("call", "RU-US", "occurred", "2019-04-03")],
    ),
    (
        "topic-state-above",  # "فوق سوريا"
        "2019-04-03",
        "اجتمع لافروف وكيري أمس لبحث سلامة الرحلات الجوية فوق سوريا.",
        [("meeting", "RU-US", "occurred", "2019-04-02")],
    ),
    (
        "topic-state-adjective",  # "الأزمة السورية" is a topic, المعلم a party
        "2019-04-03",
        "التقى لافروف نظيره السوري وليد المعلم في موسكو أمس لبحث الأزمة السورية.",
        [("meeting", "RU-SY", "occurred", "2019-04-02")],
    ),
    (
        "topic-state-between",  # "بين روسيا وسوريا" names both sides
        "2019-04-03",
        "عقدت محادثات بين روسيا وسوريا في موسكو أمس حول إعادة الإعمار.",
        [("meeting", "RU-SY", None, None)],
    ),
    (
        "topic-state-alone",  # negative: Russia and the place of the talks
        "2019-04-03",
        "تجري روسيا مشاورات مكثفة في سوريا.",
        [],
    ),
    # a headline in the present reports the event the body tells of
    (
        "present-headline-joins-the-body",
        "2019-04-03",
        "بوتين يهاتف أردوغان\n\nأجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع نظيره التركي "
        "رجب طيب أردوغان أمس.",
        [("call", "RU-TR", "occurred", "2019-04-02")],
    ),
    # dates: a later clause about the event dates it; a report's day bounds it
    (
        "later-clause-dates-the-call",
        "2021-06-10",
        "قال الكرملين اليوم إن بوتين وبايدن ناقشا في مكالمة هاتفية الأوضاع في أوكرانيا، "
        "كما ذكر أن المكالمة جرت أمس.",
        [("call", "RU-US", "occurred", "2021-06-09")],
    ),
    (
        "report-day-dates-an-undated-call",
        "2021-05-21",
        "قالت الخارجية الروسية، الخميس 20 أيار، إن لافروف وبلينكن ناقشا هاتفيا الأزمة الليبية.",
        [("call", "RU-US", "occurred", "2021-05-20")],
    ),
    (
        "earlier-reported-call-is-another-call",
        "2021-03-06",
        "أجرى شويغو اتصالا هاتفيا مع أوستن في 5 آذار. وكانت وزارة الدفاع الروسية قد أعلنت، "
        "في 2 آذار، أن شويغو ناقش هاتفيا مع أوستن الوضع في ليبيا.",
        [("call", "RU-US", "occurred", "2021-03-05"), ("call", "RU-US", "occurred", "2021-03-02")],
    ),
    # "البلدين" is the pair the article is about, not the pair named just before
    (
        "pair-words-take-the-main-pair",
        "2019-12-10",
        "يلتقي بومبيو لافروف في واشنطن اليوم. ويأتي لقاء الوزيرين بعد محادثات بين بوتين "
        "وزيلينسكي في باريس. ورغم أن وزيري خارجية البلدين التقيا في أيلول الماضي، فإن الزيارة "
        "هي الأولى منذ عامين.",
        [
            ("meeting", "RU-US", None, "2019-12-10"),
            ("meeting", "RU-UA", None, None),
            ("meeting", "RU-US", "occurred", "2019-09"),
        ],
    ),
    (
        "singular-verb-before-two-subjects",  # VSO: the verb stays singular
        "2016-04-05",
        "وبحث وزير الخارجية الروسي سيرغي لافروف ونظيره الأمريكي جون كيري الملف السوري أمس.",
        [("talks", "RU-US", "occurred", None)],
    ),
    (
        "singular-verb-before-one-subject-and-topic",  # "بحث X والوضع": one side only
        "2016-04-05",
        "وبحث لافروف الوضع في سوريا والعراق أمس.",
        [],
    ),
    (
        "talked-in-a-city-is-a-meeting",  # two named people, then the city they met in
        "2017-04-05",
        "وناقش رئيس الأركان الروسي فاليري غيراسيموف مع نظيره الأمريكي جوزيف دانفورد في باكو "
        "أمس آليات منع الاصطدام.",
        [("meeting", "RU-US", "occurred", "2017-04-04")],
    ),
    (
        "talked-about-a-city-is-talks",  # the city is the topic, with words between
        "2017-04-05",
        "بحث بوتين مع نظيره التركي أردوغان الوضع في إدلب أمس.",
        [("talks", "RU-TR", "occurred", None)],
    ),
    (
        "refused-meeting-is-cancelled",
        "2019-06-12",
        "ورفض البيت الأبيض عقد لقاء بين ترامب وبوتين على هامش القمة المقبلة.",
        [("meeting", "RU-US", "cancelled", None)],
    ),
    (
        "ruled-out-talks-are-cancelled",
        "2021-03-02",
        "واستبعد المتحدث باسم الكرملين إجراء محادثات بين بوتين وبايدن في الوقت الراهن.",
        [("talks", "RU-US", "cancelled", None)],
    ),
    (
        "denial-during-a-meeting-leaves-it-held",  # the meeting is the setting of the denial
        "2019-06-12",
        "ونفى الكرملين خلال اجتماع بين لافروف وبومبيو أمس أن تكون موسكو قد غيرت موقفها.",
        [("meeting", "RU-US", "occurred", "2019-06-11")],
    ),
    (
        "next-week-with-no-publication-date",  # the date has no value, but points forward
        "-",
        "يعقد مسؤول أمريكي اجتماعا مع نائب وزير الخارجية الروسي الأسبوع المقبل لبحث الملف السوري.",
        [("meeting", "RU-US", "planned", None)],
    ),
    (
        "last-week-with-no-publication-date",
        "-",
        "عقد مسؤول أمريكي اجتماعا مع نائب وزير الخارجية الروسي الأسبوع الماضي لبحث الملف السوري.",
        [("meeting", "RU-US", "occurred", None)],
    ),
    (
        "talks-held-between-two-named-people-in-a-city",  # a date aside
        "2017-11-12",
        "وأشاد الكرملين بالمحادثات التي جرت بين بوتين وأردوغان أمس في سوتشي.",
        [("meeting", "RU-TR", "occurred", "2017-11-11")],
    ),
    (
        "ongoing-talks-in-a-city-stay-talks",
        "2017-11-12",
        "وأشاد الكرملين بالمحادثات الجارية بين روسيا وتركيا في أستانا.",
        [("talks", "RU-TR", "ongoing", None)],
    ),
    (
        "a-date-past-another-event-word-is-that-events",  # including a past meeting
        "2019-06-04",
        "وقال جيفري: نواصل اتصالاتنا مع روسيا، بما في ذلك المناقشات التي جرت على مستوى "
        "الرئيس بوتين والوزير لافروف مع بومبيو قبل أسبوعين في سوتشي.",
        [("talks", "RU-US", "ongoing", None), ("meeting", "RU-US", "occurred", "2019-W21")],
    ),
    (
        "will-take-part-in-a-meeting",
        "2016-07-22",
        "وسيشارك المبعوث الأممي في الاجتماع الروسي الأمريكي المخصص لبحث الأزمة السورية.",
        [("meeting", "RU-US", "planned", None)],
    ),
    (
        "conference-by-closed-circuit-is-a-call",  # quotes inside the call words
        "2016-05-12",
        "وأكدت الوزارة أن عسكريين روس وأمريكيين عقدوا أمس مؤتمرا عبر “دائرة تلفزيونية مغلقة”.",
        [("call", "RU-US", "occurred", "2016-05-11")],
    ),
    (
        "conference-alone-is-no-event",
        "2016-05-12",
        "وشارك الوزيران الروسي والأمريكي أمس في مؤتمر ميونيخ للأمن.",
        [],
    ),
    (
        "joint-press-conference-in-the-accusative",  # every word takes the tanween alef
        "2018-07-17",
        "وعقد بوتين وترامب أمس مؤتمرا صحفيا مشتركا في هلسنكي.",
        [("meeting", "RU-US", "occurred", "2018-07-16")],
    ),
    (
        "a-held-meeting-of-named-people-is-not-the-proposed-one",
        "2017-07-18",
        "أكد ريابكوف اليوم إمكانية عقد لقاء روسي أمريكي بشأن سوريا. وكان ريابكوف قد حذر خلال "
        "لقائه وكيل وزارة الخارجية الأمريكية توماس شانون من التصعيد.",
        [("meeting", "RU-US", "proposed", "2017-07-18"), ("meeting", "RU-US", "occurred", None)],
    ),
    (
        "talks-ended-took-place",
        "2016-08-26",
        "وأنهى الخبراء العسكريون الروس والأمريكيون مساء اليوم محادثاتهم في جنيف.",
        [("meeting", "RU-US", "occurred", "2016-08-26")],
    ),
    (
        "will-suspend-the-talks",  # a cancelling verb with the future prefix
        "2016-10-04",
        "وسيعلق الدبلوماسيون الأمريكيون المحادثات مع روسيا حول وقف إطلاق النار الذي تم "
        "التوصل إليه في التاسع من سبتمبر.",
        [("talks", "RU-US", "cancelled", None)],
    ),
    (
        "a-relative-clause-on-the-event-dates-it",  # no preposition before التي
        "2016-10-04",
        "وأشاد الكرملين بالمحادثات المثمرة التي أجراها لافروف مع كيري أمس.",
        [("talks", "RU-US", "occurred", "2016-10-03")],
    ),
    (
        "spoke-on-the-sidelines-is-a-meeting",  # no call word, but in person
        "2017-11-22",
        "وتحدث ترامب وبوتين بشكل غير رسمي الأسبوع الماضي على هامش قمة أبيك في فيتنام.",
        [("meeting", "RU-US", "occurred", "2017-W46")],
    ),
    (
        "spoke-about-on-the-sidelines-is-no-meeting",  # no partner: مع names a topic
        "2017-11-22",
        "وتحدث لافروف على هامش المؤتمر عن العلاقات مع واشنطن.",
        [],
    ),
    (
        "people-who-took-part-join-the-meeting",  # "شارك في الاجتماع X" after the meeting
        "2019-06-29",
        "التقى الرئيس الروسي بوتين نظيره الأمريكي ترامب في أوساكا أمس. وشارك في الاجتماع "
        "الرئيس التركي أردوغان.",
        [("meeting", "RU-TR-US", "occurred", "2019-06-28")],
    ),
    (
        "relations-between-are-a-topic",  # the بين-phrase is the relations'
        "2019-06-29",
        "وجرى خلال الزيارة مناقشة تطبيع العلاقات بين واشنطن ودمشق.",
        [],
    ),
    (
        "a-possible-meeting-is-proposed",
        "2025-05-14",
        "ولمح ترامب إلى اجتماع محتمل بين الرئيسين الروسي والأوكراني في إسطنبول.",
        [("meeting", "RU-UA", "proposed", None)],
    ),
    (
        "a-visit-does-not-take-another-events-pair",  # "الرئيسين" is the other meeting's
        "2025-05-14",
        "كما سيزور ترامب الإمارات، إلا أنه لمح إلى احتمال حضور اجتماع بين الرئيسين الروسي "
        "والأوكراني.",
        [("meeting", "AE-US", "planned", None), ("meeting", "RU-UA", "proposed", None)],
    ),
    (
        "planned-talks-and-a-held-meeting-of-the-same-day-stay-apart",
        "2016-08-26",
        "وسيبحث لافروف وكيري اليوم في جنيف نتائج محادثات الخبراء. وأنهى الخبراء العسكريون الروس "
        "والأمريكيون اليوم محادثاتهم في جنيف.",
        [
            ("talks", "RU-US", "planned", "2016-08-26"),
            ("meeting", "RU-US", "occurred", "2016-08-26"),
        ],
    ),
    (
        "topics-listed-with-commas",  # "أبرزها سوريا، أوكرانيا": the comma lists topics
        "2018-07-16",
        "يلتقي بوتين نظيره الأمريكي ترامب اليوم في هلسنكي لبحث قضايا أبرزها سوريا، أوكرانيا "
        "والملف الإيراني.",
        [("meeting", "RU-US", "planned", "2018-07-16")],
    ),
    (
        "a-name-after-a-topic-title-is-a-topic",  # "بنظام الرئيس بشار الأسد"
        "2024-12-10",
        "عقد مجلس الأمن اجتماعا طارئا بعد الإطاحة بنظام الرئيس بشار الأسد، وقال المندوب الروسي "
        "فاسيلي نيبينزيا إن المجلس متحد.",
        [],
    ),
    (
        "more-people-to-join-make-a-larger-meeting-to-come",
        "2015-10-23",
        "بدأ كيري ولافروف محادثاتهما اليوم في فيينا، وسينضم إلى اللقاء لاحقا وزيرا خارجية "
        "تركيا والسعودية.",
        [
            ("meeting", "RU-US", "ongoing", "2015-10-23"),
            ("meeting", "RU-SA-TR-US", "planned", None),
        ],
    ),
    (
        "a-four-sided-meeting-is-the-four-states-event",  # "اجتماع رباعي" with no parties
        "2015-10-23",
        "بدأ كيري ولافروف محادثاتهما اليوم في فيينا، وسينضم إلى اللقاء لاحقا وزيرا خارجية "
        "تركيا والسعودية. ومن المنتظر أن يعقد اجتماع رباعي، عقب ظهر اليوم، في فيينا.",
        [
            ("meeting", "RU-US", "ongoing", "2015-10-23"),
            ("meeting", "RU-SA-TR-US", "planned", "2015-10-23"),
        ],
    ),
    (
        "a-lead-naming-one-person-and-a-title-is-the-call-below",
        "-",
        "بحث المبعوث الأمريكي جيمس جيفري مع نائب وزير الخارجية الروسي آخر التطورات. وأوضحت "
        "الخارجية الأمريكية أن جيفري بحث باتصال هاتفي مع نائب وزير الخارجية الروسي سيرغي "
        "فيرشينين الملف السوري.",
        [("call", "RU-US", "occurred", None)],
    ),
    (
        "a-date-in-a-clause-about-a-person-is-not-the-events",
        "2018-03-19",
        "ووجه ماكرون اليوم لنظيره الروسي بوتين الذي أعيد انتخابه أمس تمنياته خلال اتصال هاتفي "
        "بينهما.",
        [("call", "FR-RU", "occurred", "2018-03-19")],
    ),
    (
        "a-date-in-a-clause-about-the-event-dates-it",  # a status word opens the clause
        "2018-03-19",
        "وأشاد الكرملين باللقاء بين بوتين وأردوغان الذي جرى أمس في سوتشي.",
        [("meeting", "RU-TR", "occurred", "2018-03-18")],
    ),
    (
        "talks-naming-one-of-the-callers-are-the-call",
        "2019-09-04",
        "وجرى اليوم اتصال هاتفي بين رئيس الأركان الروسي فاليري غيراسيموف ونظيره الأمريكي جوزيف "
        "دانفورد. وأضاف البيان أن رئيس هيئة الأركان العامة للقوات المسلحة الروسية ونظيره "
        "الأمريكي جوزيف ناقشا الوضع في سوريا.",
        [("call", "RU-US", "occurred", "2019-09-04")],
    ),
    (
        "a-contrasted-clause-borrows-no-party",  # "بينما" opens another subject's clause
        "2018-04-12",
        "ويأتي تصريح الكرملين بينما يعتزم الوزراء البريطانيون الاجتماع لمناقشة الضربة.",
        [],
    ),
    (
        "a-coordinated-clause-still-borrows-its-subject",
        "2018-04-12",
        "التقى بوتين أمس نظيره التركي أردوغان، وبحثا الوضع في إدلب.",
        [("meeting", "RU-TR", "occurred", "2018-04-11")],
    ),
    (
        "told-how-after-a-comma-is-the-same-event",  # "، وذلك في اتصال هاتفي"
        "2019-06-12",
        "بحث لافروف مع نظيره الأمريكي بومبيو أمس الوضع في سوريا، وذلك في اتصال هاتفي.",
        [("call", "RU-US", "occurred", "2019-06-11")],
    ),
    (
        "told-when-after-a-comma-is-another-event",  # "، وذلك بعد يوم من مباحثات …"
        "2018-06-01",
        "وسيعقد لقاء ثلاثي بين روسيا والولايات المتحدة والأردن الأسبوع المقبل، وذلك بعد يوم "
        "من مباحثات روسية إسرائيلية أمس.",
        [("meeting", "JO-RU-US", "planned", None), ("talks", "IL-RU", None, "2018-05-31")],
    ),
]


def test_place_of_another_event_is_not_taken(pipeline: syrdiplo.Pipeline) -> None:
    text = (
        "ويأتي الاتصال الهاتفي بين لافروف وكيري بعد ساعات على المحادثات التي عقدت في موسكو "
        "بين لافروف ونظيره السوري وليد المعلم."
    )
    result = pipeline.run({"id": "case", "published": "2016-10-28", "text": text})
    places = {e.kind.value: e.location for e in result.events if isinstance(e, syrdiplo.Meeting)}
    # talks held in a city are an in-person meeting; the call keeps no place
    assert places == {"call": None, "meeting": "Moscow"}


def _summary(event: syrdiplo.Meeting) -> tuple[str, str, str, str | None]:
    return (event.kind.value, "-".join(_countries(event)), event.status.value, event.date)


@pytest.mark.parametrize(
    ("published", "text", "expected"),
    [pytest.param(p, t, e, id=i) for i, p, t, e in REAL_PAGE_CASES],
)
def test_errors_seen_on_news_pages(
    pipeline: syrdiplo.Pipeline,
    published: str,
    text: str,
    expected: list[tuple[str, str, str | None, str | None]],
) -> None:
    when = None if published == "-" else published
    result = pipeline.run({"id": "case", "published": when, "text": text})
    found = sorted(_summary(e) for e in result.events if isinstance(e, syrdiplo.Meeting))
    assert len(found) == len(expected), found
    found.sort(key=lambda e: (e[0], e[1], e[3] or ""))
    expected = sorted(expected, key=lambda e: (e[0], e[1], e[3] or ""))
    for want, got in zip(expected, found, strict=True):
        assert got[:2] == want[:2], found
        assert want[2] is None or got[2] == want[2], found
        assert want[3] is None or got[3] == want[3], found


@pytest.mark.parametrize(
    "title",
    ["مسؤول الملف السوري في مجلس الأمن القومي الأمريكي", "سكرتير مجلس الأمن الروسي"],
)
def test_a_longer_name_starting_with_a_place_lends_no_place(
    pipeline: syrdiplo.Pipeline, title: str
) -> None:
    """ "مجلس الأمن القومي" starts with "مجلس الأمن" but is not the UN Security Council."""
    text = f"يعقد {title} اجتماعا مع مسؤولين أمريكيين وروس الأسبوع المقبل."
    result = pipeline.run({"id": "case", "published": "2019-11-20", "text": text})
    meetings = [e for e in result.events if isinstance(e, syrdiplo.Meeting)]
    assert meetings
    assert all(m.location != "UN Security Council" for m in meetings)


def test_the_source_of_a_report_and_its_day_are_not_the_events(
    pipeline: syrdiplo.Pipeline,
) -> None:
    """ "بحسب ما ذكرت <title> <name> <day>": the source, named and dated, is no party."""
    text = (
        "وسيشارك المبعوث الأممي في الاجتماع، بحسب ما ذكرت المتحدثة باسم الخارجية الروسية "
        "ماريا زاخاروفا أمس الخميس."
    )
    result = pipeline.run({"id": "case", "published": "2016-07-22", "text": text})
    meetings = [e for e in result.events if isinstance(e, syrdiplo.Meeting)]
    assert all(p.canonical != "Maria Zakharova" for m in meetings for p in m.participants)
    assert all(m.date is None for m in meetings)


def test_a_date_in_a_relative_clause_on_another_noun_is_not_the_events(
    pipeline: syrdiplo.Pipeline,
) -> None:
    text = (
        "وسيعلق الدبلوماسيون الأمريكيون المحادثات مع روسيا حول وقف إطلاق النار الذي تم "
        "التوصل إليه في التاسع من سبتمبر."
    )
    result = pipeline.run({"id": "case", "published": "2016-10-04", "text": text})
    meetings = [e for e in result.events if isinstance(e, syrdiplo.Meeting)]
    assert [m.date for m in meetings] == [None]


def test_national_security_council_lends_no_place(pipeline: syrdiplo.Pipeline) -> None:
    """ "مجلس الأمن القومي" is not the UN Security Council."""
    text = "قال المتحدث باسم مجلس الأمن القومي الأمريكي إن بايدن وبوتين عقدا لقاء مغلقا اليوم."
    result = pipeline.run({"id": "case", "published": "2021-06-16", "text": text})
    (event,) = [e for e in result.events if isinstance(e, syrdiplo.Meeting)]
    assert event.location is None


def test_national_security_council_of_a_state_is_not_the_un(
    pipeline: syrdiplo.Pipeline,
) -> None:
    text = (
        "بحث الأسد مع سكرتير مجلس الأمن الروسي سيرغي شويغو في اتصال هاتفي أمس العلاقات بين البلدين."
    )
    result = pipeline.run({"id": "case", "published": "2024-08-20", "text": text})
    (event,) = [e for e in result.events if isinstance(e, syrdiplo.Meeting)]
    assert (event.kind.value, _countries(event), event.location) == ("call", ["RU", "SY"], None)


def test_format_in_another_clause_lends_no_place(pipeline: syrdiplo.Pipeline) -> None:
    """A summit named beside a Security Council resolution is not held at the Council."""
    text = (
        "التقى بوتين وأوباما على هامش قمة العشرين أمس، فيما شدد الرئيسان على أهمية "
        "تنفيذ قرار مجلس الأمن الدولي رقم 2254."
    )
    result = pipeline.run({"id": "case", "published": "2015-11-16", "text": text})
    locations = [e.location for e in result.events if isinstance(e, syrdiplo.Meeting)]
    assert locations
    assert "UN Security Council" not in locations


def _meetings(pipeline: syrdiplo.Pipeline, text: str, published: str) -> list[tuple]:
    result = pipeline.run({"id": "case", "published": published, "text": text})
    return sorted(_summary(e) for e in result.events if isinstance(e, syrdiplo.Meeting))


def test_states_still_negotiating_are_talks_apart_from_the_meeting(
    pipeline: syrdiplo.Pipeline,
) -> None:
    """ "يواصل البلدان التفاوض": the two states' negotiation goes on beyond the meeting."""
    text = (
        "التقى وزير الخارجية الفرنسي بنظيره التركي أمس في باريس. وعقد الاجتماع في الوقت "
        "الذي يواصل فيه البلدان التفاوض على بنود اتفاق تجاري."
    )
    assert _meetings(pipeline, text, "2019-03-05") == [
        ("meeting", "FR-TR", "occurred", "2019-03-04"),
        ("talks", "FR-TR", "ongoing", None),
    ]


def test_states_pair_in_past_talks_stays_with_the_meeting(pipeline: syrdiplo.Pipeline) -> None:
    """Negative: what the two states discussed at the meeting is the meeting itself."""
    text = (
        "التقى وزير الخارجية الفرنسي بنظيره التركي أمس في باريس. وتناول البلدان خلال "
        "المحادثات ملف التجارة."
    )
    assert _meetings(pipeline, text, "2019-03-05") == [
        ("meeting", "FR-TR", "occurred", "2019-03-04"),
    ]


def test_clauses_is_no_status_cue(pipeline: syrdiplo.Pipeline) -> None:
    """ "بنود" is no ب + "نود" (we wish): it makes no event proposed."""
    text = "بحث وزير الخارجية الفرنسي مع نظيره التركي أمس بنود الاتفاق التجاري."
    assert _meetings(pipeline, text, "2019-03-05") == [("talks", "FR-TR", "occurred", "2019-03-04")]


def test_dual_pronoun_takes_the_pair_of_the_call(pipeline: syrdiplo.Pipeline) -> None:
    """ "أعربا عن ترحيبهما بعقد لقاء": the two on the call are the meeting's parties."""
    text = (
        "أعرب الرئيس الفرنسي ونظيره التركي خلال اتصال هاتفي اليوم عن ترحيبهما بعقد لقاء "
        "في باريس الشهر المقبل."
    )
    found = _meetings(pipeline, text, "2019-03-05")
    assert [f[:2] for f in found] == [("call", "FR-TR"), ("meeting", "FR-TR")]
    assert found[1][2] in ("planned", "proposed")


def test_dual_pronoun_without_a_pair_makes_no_meeting(pipeline: syrdiplo.Pipeline) -> None:
    """Negative: with no two parties named before, "ترحيبهما" lends none."""
    text = "أعرب المسؤولان عن ترحيبهما بعقد لقاء في باريس الشهر المقبل."
    assert _meetings(pipeline, text, "2019-03-05") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "يزور وزير الخارجية الفرنسي الأسبوع المقبل الرياض ثم أنقرة ثم موسكو.",
            [("meeting", "FR-SA")],
            id="itinerary-first-host-only",
        ),
        pytest.param(
            "زار وزير الخارجية الفرنسي الرياض وأنقرة وموسكو خلال جولته.",
            [("meeting", "FR-SA")],
            id="itinerary-joined-by-wa",
        ),
        pytest.param(
            "قام الرئيس الفرنسي بزيارة خاطفة إلى القاعدة الفرنسية في الأردن أمس بعد التقدم "
            "الذي حققه الجيش العراقي.",
            [],
            id="visit-to-a-base-meets-no-army",
        ),
        pytest.param(
            "وأكدت باريس بعد لقاء ماكرون – أردوغان، الذي لم يصدر عنه بيان، موقفها الرافض "
            "لبقاء الرئيس السوري بشار الأسد.",
            [("meeting", "FR-TR")],
            id="named-pair-excludes-later-mentions",
        ),
        pytest.param(
            "وكان وزير الخارجية الفرنسي قد قال أمس إن اللقاء بينه وبين نظيره الألماني كان مثمرا.",
            [("meeting", "DE-FR")],
            id="between-him-is-the-subject",
        ),
        pytest.param(
            "تتدارس باريس وأنقرة سبل تنظيم التجارة بين البلدين.",
            [("talks", "FR-TR")],
            id="tadarus-is-talks",
        ),
        pytest.param(
            "قال الوزير الفرنسي إن تركيا تواصل دعم الجماعات المسلحة.",
            [],
            id="tawasul-continues-is-no-talks",
        ),
        pytest.param(
            "وقد تواصل مسؤولون فرنسيون وأتراك خلال الأسابيع الماضية.",
            [("talks", "FR-TR")],
            id="tawasul-after-qad-is-talks",
        ),
    ],
)
def test_parties_come_from_the_events_own_slots(
    pipeline: syrdiplo.Pipeline, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [m[:2] for m in _meetings(pipeline, text, "2019-03-05")] == expected


def test_itinerary_stop_borrows_only_the_traveller(pipeline: syrdiplo.Pipeline) -> None:
    """A later stop of a tour meets its own host with the traveller, not the first host."""
    text = (
        "وذكرت السفارة أن جولة الوزير الفرنسي ستشمل بعد زيارة أنقرة العاصمة السعودية "
        "الرياض، حيث سيلتقي كبار المسؤولين السعوديين."
    )
    found = [m[:2] for m in _meetings(pipeline, text, "2019-03-05")]
    assert ("meeting", "FR-SA") in found
    assert all(len(countries.split("-")) == 2 for _, countries in found), found


def test_call_takes_the_day_of_the_sentence_before(pipeline: syrdiplo.Pipeline) -> None:
    text = (
        "اتفق وزير الدفاع الفرنسي ونظيره التركي السبت على تمديد الهدنة.\n"
        "وبحث وزير الدفاع الفرنسي مع نظيره التركي في اتصال هاتفي الوضع في المنطقة."
    )
    assert _meetings(pipeline, text, "2019-03-05") == [("call", "FR-TR", "occurred", "2019-03-02")]


def test_call_takes_no_day_from_a_sentence_about_others(pipeline: syrdiplo.Pipeline) -> None:
    """Negative: the sentence before names another state, so its day is not the call's."""
    text = (
        "أعلن وزير الدفاع الألماني السبت عن خطة جديدة.\n"
        "وبحث وزير الدفاع الفرنسي مع نظيره التركي في اتصال هاتفي الوضع في المنطقة."
    )
    assert [m[3] for m in _meetings(pipeline, text, "2019-03-05")] == [None]


def _kinds(pipeline: syrdiplo.Pipeline, text: str) -> list[tuple[str, str, str | None]]:
    result = pipeline.run({"id": "case", "published": "2019-03-05", "text": text})
    return sorted(
        (e.kind.value, "-".join(_countries(e)), e.location)
        for e in result.events
        if isinstance(e, syrdiplo.Meeting)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "أجرى وزير الخارجية الفرنسي محادثات في مدينة مونترو مع نظيره الإيراني.",
            [("meeting", "FR-IR", None)],
            id="talks-in-named-city-unlisted",
        ),
        pytest.param(
            "تعقد اجتماعات ثنائية في موسكو بين روسيا وتركيا لبحث الوضع.",
            [("meeting", "RU-TR", "Moscow")],
            id="meetings-held-in-listed-city",
        ),
        pytest.param(
            "أجرى وزير الخارجية الفرنسي محادثات مع نظيره الإيراني حول الاتفاق النووي.",
            [("talks", "FR-IR", None)],
            id="talks-without-city-stay-talks",
        ),
        pytest.param(
            "ستجري روسيا وتركيا محادثات مقررة في موسكو الشهر المقبل.",
            [("talks", "RU-TR", "Moscow")],
            id="planned-talks-in-city-stay-talks",
        ),
    ],
)
def test_talks_held_in_a_city_are_a_meeting(
    pipeline: syrdiplo.Pipeline, text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert _kinds(pipeline, text) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "قال مسؤول إن العسكريين الروس والأتراك لم يقطعوا الاتصالات بعد الحادث.",
            id="channel-not-cut",
        ),
        pytest.param(
            "تسعى موسكو إلى مساعدة الجيش الإيراني قبل بدء مباحثات دبلوماسية لإنهاء النزاع.",
            id="generic-diplomatic-talks",
        ),
    ],
)
def test_no_event_from_open_channels_or_talks_in_general(
    pipeline: syrdiplo.Pipeline, text: str
) -> None:
    assert _kinds(pipeline, text) == []


def test_negated_talks_are_still_cancelled(pipeline: syrdiplo.Pipeline) -> None:
    text = "قالت موسكو إنها لن تجري محادثات مع أنقرة هذا الأسبوع."
    result = pipeline.run({"id": "case", "published": "2019-03-05", "text": text})
    (event,) = [e for e in result.events if isinstance(e, syrdiplo.Meeting)]
    assert event.status.value == "cancelled"


# --------------------------------------------------------------------------- function words are data


def _with_lexicon(
    text: str, pipeline: syrdiplo.Pipeline, name: str | None = None, data: dict | None = None
) -> list[tuple[str, list[str], str | None]]:
    doc = make_document(text, "2017-06-01", pipeline=pipeline, claims=())
    if name is not None and data is not None:
        doc = attrs.evolve(doc, lexicon=doc.lexicon.extended(name, data, origin="test"))
    return [
        (str(e.kind), sorted(a.country for a in e.participants if a.country), e.location)
        for e in MeetingsExtractor().extract(doc)
        if isinstance(e, syrdiplo.Meeting)
    ]


def test_each_of_is_the_core_cues_phrase(pipeline: syrdiplo.Pipeline) -> None:
    """The phrase "كل من" is read from the core cues table ([particles] listed)."""
    rules = rules_for(pipeline.lexicon)
    assert ("كل", "من") in rules.listed
    assert "من" in rules.listed_tails
    text = "عقدت محادثات بين جميع من روسيا وتركيا في أنقرة أمس حول إدلب."
    assert _with_lexicon(text, pipeline) == []
    listed = {"particles": {"listed": ["جميع من"]}}
    assert _with_lexicon(text, pipeline, "cues", listed) == [("talks", ["RU", "TR"], "Ankara")]


def test_nisba_endings_are_read_from_the_lexicon(pipeline: syrdiplo.Pipeline) -> None:
    text = "التقى لافروف وكيري في العاصمة الجميلة جنيف أمس."
    assert _with_lexicon(text, pipeline) == [("meeting", ["RU", "US"], None)]
    endings = {"location": {"nisba_endings": ["له"]}}
    assert _with_lexicon(text, pipeline, "meetings", endings) == [
        ("meeting", ["RU", "US"], "Geneva")
    ]


def _kinds_of(text: str, pipeline: syrdiplo.Pipeline) -> list[tuple[str, list[str]]]:
    return [(e.kind, _countries(e)) for e in _run(text, "2019-03-05", pipeline)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # talks between named people at a named venue were held in person
        (
            "وجرت المباحثات بين الرئيس الروسي فلاديمير بوتين ووزير الخارجية الأمريكي مايك بومبيو في الكرملين أمس.",
            [("meeting", ["RU", "US"])],
        ),
        # ... but talks of two states with no people named stay talks
        (
            "وتتواصل المباحثات بين روسيا والولايات المتحدة في البيت الأبيض.",
            [("talks", ["RU", "US"])],
        ),
    ],
)
def test_talks_at_a_named_venue(
    text: str, expected: list[tuple[str, list[str]]], pipeline: syrdiplo.Pipeline
) -> None:
    assert _kinds_of(text, pipeline) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a military hotline is not a call between leaders
        'وقالت واشنطن إن موسكو وافقت على إبقاء "الخط الساخن" للاتصال مع الجيش الأمريكي.',
        "وأضاف أن الجيشين الروسي والأمريكي يتبادلان البيانات عبر خطا هاتفيا بين قاعدتيهما.",
        # a group named for its seat is not its host state
        "وقال لافروف إنه بحث مع معارضة الرياض سبل إنهاء الحرب.",
        # the adjective belongs to the topic, not to the two sides
        "وتناول الطرفان التسوية السورية في جلسة مغلقة.",
    ],
)
def test_no_event_between_these_states(text: str, pipeline: syrdiplo.Pipeline) -> None:
    events = _kinds_of(text, pipeline)
    assert not [e for e in events if e[0] == "call"], events
    assert not [e for e in events if "SA" in e[1] or "SY" in e[1]], events
    assert not [e for e in events if set(e[1]) == {"RU", "US"}], events
