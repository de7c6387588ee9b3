"""Sentences and page zones."""

from __future__ import annotations

import pytest

from syrdiplo import Zone
from syrdiplo.testing import make_document


def zones(text: str) -> list[tuple[str, str]]:
    return [(s.zone.value, s.text) for s in make_document(text).sentences]


def test_sentences_split_at_final_punctuation_and_lines() -> None:
    text = (
        "قال الوزير إن الحوار مستمر. وأضاف أن اللقاء قريب!\nهل يلتقيان؟ ربما في عام 2017. ثم انتهى"
    )
    assert [s for _, s in zones(text)] == [
        "قال الوزير إن الحوار مستمر.",
        "وأضاف أن اللقاء قريب!",
        "هل يلتقيان؟",
        "ربما في عام 2017.",
        "ثم انتهى",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "التقى وزير الخارجية الأمريكي John F. Kerry بنظيره الروسي في جنيف وبحثا الوضع في سوريا طويلا.",
        "بلغ المعدل 6.5 بالمئة في سوريا بحسب التقرير الذي نشر أمس في دمشق.",
    ],
)
def test_initials_and_decimals_do_not_end_sentences(text: str) -> None:
    assert len(zones(text)) == 1


def test_offsets_point_into_the_original_text() -> None:
    text = "  قالَ الوزيرُ إنّ الحوارَ مستمر.   وأضافَ أنّه قريب.  "
    doc = make_document(text)
    for sentence in doc.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    assert [s.text for s in doc.sentences] == ["قالَ الوزيرُ إنّ الحوارَ مستمر.", "وأضافَ أنّه قريب."]


def test_related_article_list_is_boilerplate_to_the_end() -> None:
    text = (
        "واشنطن وموسكو تبحثان الملف السوري\n"
        "قال المتحدث إن المحادثات بين البلدين مستمرة منذ أسابيع في جنيف وستتواصل الأسبوع المقبل.\n"
        "مقالات ذات صلة\n"
        "1. لافروف يلتقي كيري في جنيف\n"
        "2. روسيا ترسل 500 جندي إلى سوريا\n"
    )
    got = zones(text)
    assert got[0][0] == "title"
    assert got[1][0] == "body"
    assert {z for z, _ in got[2:]} == {"boilerplate"}


def test_read_also_marks_only_the_next_line() -> None:
    text = (
        "قال المتحدث إن المحادثات بين البلدين مستمرة منذ أسابيع في جنيف وستتواصل الأسبوع المقبل.\n"
        "اقرأ أيضا:\n"
        "لافروف يلتقي كيري في جنيف\n"
        "وأضاف المتحدث أن الوفدين سيلتقيان مجددا في موسكو خلال الشهر الجاري لبحث التفاصيل.\n"
    )
    assert [z for z, _ in zones(text)] == ["body", "boilerplate", "boilerplate", "body"]


@pytest.mark.parametrize(
    "line", ["زر الذهاب إلى الأعلى", "شارك", "Share", "أظهر المزيد", "المزيد من سوريا", "fbpx"]
)
def test_single_widget_lines_are_boilerplate(line: str) -> None:
    text = f"قال المتحدث إن المحادثات مستمرة في جنيف منذ أسابيع بين الوفدين الروسي والأمريكي.\n{line}\n"
    assert zones(text)[-1] == ("boilerplate", line)


@pytest.mark.parametrize(
    "caption",
    [
        "وزير الخارجية الروسي ونظيره الأمريكي خلال لقائهما في جنيف (رويترز)",
        "المبعوث الروسي إلى سوريا (سبوتنيك)",
        "Russian Foreign Minister Sergey Lavrov in Moscow (AP Photo)",
    ],
)
def test_photo_captions(caption: str) -> None:
    text = f"قال المتحدث إن المحادثات مستمرة في جنيف منذ أسابيع بين الوفدين الروسي والأمريكي.\n{caption}\n"
    assert zones(text)[-1] == ("caption", caption)


@pytest.mark.parametrize(
    "line",
    [
        # short wire paragraphs that close with the agency: news, not captions
        "التقى لافروف نظيره الأمريكي في جنيف أمس. (سانا)",
        "وأكد المتحدث أن الاتصالات مستمرة: لا توقف. (تاس)",
    ],
)
def test_a_short_paragraph_closed_by_an_agency_stays_body(line: str) -> None:
    text = f"قال المتحدث إن المحادثات مستمرة في جنيف منذ أسابيع بين الوفدين الروسي والأمريكي.\n{line}\n"
    # the line splits into sentences at its full stop; all of them are body
    assert {zone for zone, _ in zones(text)[1:]} == {"body"}
    assert "".join(t for _, t in zones(text)[1:]).replace(" ", "") == line.replace(" ", "")


def test_a_photo_note_makes_a_caption_even_after_a_sentence() -> None:
    line = "جانب من الاجتماع. (صورة أرشيفية)"
    text = f"قال المتحدث إن المحادثات مستمرة في جنيف منذ أسابيع بين الوفدين الروسي والأمريكي.\n{line}\n"
    assert {zone for zone, _ in zones(text)[1:]} == {"caption"}


def test_a_parenthesis_that_is_not_a_credit_is_not_a_caption() -> None:
    text = "قال المتحدث إن المحادثات مستمرة.\nدعم قوات سوريا الديمقراطية (قسد)\n"
    assert zones(text)[-1][0] != Zone.CAPTION.value


def test_short_unpunctuated_lines_are_headings() -> None:
    text = "العنوان الرئيسي للخبر\nقال المتحدث إن المحادثات مستمرة منذ أسابيع.\nتنسيق منذ سنوات\n"
    assert [z for z, _ in zones(text)] == ["title", "body", "heading"]


def test_boilerplate_markers_are_data() -> None:
    import syrdiplo
    from syrdiplo.testing import make_pipeline

    class Marker:
        name = "marker"

        @syrdiplo.hookimpl
        def syrdiplo_register_lexicons(self, register):
            register("boilerplate", {"tail": ["من أرشيف الموقع"]})

    text = (
        "قال المتحدث إن المحادثات مستمرة منذ أسابيع.\nمن أرشيف الموقع\nالتقى لافروف كيري في جنيف.\n"
    )
    doc = make_pipeline(Marker(), builtins=False).analyze({"id": "x", "text": text})
    assert [s.zone.value for s in doc.sentences] == ["body", "boilerplate", "boilerplate"]


def test_prose_after_a_link_list_is_body_again() -> None:
    """Some pages put a related-articles box before the story."""
    story = (
        "قال المتحدث باسم وزارة الخارجية الأمريكية في مؤتمر صحفي عقده أمس في واشنطن إن المحادثات "
        "بين الوفدين الروسي والأمريكي في جنيف مستمرة منذ أسابيع وستتواصل خلال الأسبوع المقبل بحسب ما أعلنه الجانبان."
    )
    text = f"مقالات ذات صلة\nلافروف يلتقي كيري في جنيف\nروسيا ترسل جنودا إلى سوريا\n{story}\n"
    assert [z for z, _ in zones(text)] == ["boilerplate", "boilerplate", "boilerplate", "body"]
