"""The states table (``countries.toml``): names, capitals and nationality words find their state."""

from __future__ import annotations

import pytest

from syrdiplo.testing import make_document


def countries(text: str, published: str | None = "2022-05-02") -> list[str]:
    return [a.country for a in make_document(text, published).actors if a.country]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("أعلنت كييف رفضها للمقترح.", "UA"),
        ("قالت موسكو إن الحوار مستمر.", "RU"),
        ("التقى دبلوماسيون أمريكيون بنظرائهم في جنيف.", "US"),
        ("شارك خبراء أميركيون في الاجتماع.", "US"),
        ("اجتمع مسؤولون إيرانيون مع الوفد.", "IR"),
        ("انسحب جنود أتراك من الموقع.", "TR"),
    ],
)
def test_names_capitals_and_plurals_find_their_state(text, country) -> None:
    assert country in countries(text)


@pytest.mark.parametrize(
    "text",
    [
        # "كيف" ("how") is also a spelling of Kyiv: the table keeps only "كييف".
        "وردا على سؤال كيف سيتم تنظيم الحوار، أجاب المتحدث بأن الأمر معقد.",
        "لا نعرف كيف ستتصرف الأطراف.",
    ],
)
def test_the_word_how_is_not_kyiv(text) -> None:
    assert "UA" not in countries(text)
