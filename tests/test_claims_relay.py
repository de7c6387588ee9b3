"""Claims relayed by someone else: "على لسان X" and a reporting verb inside an إن/أن clause.

Every sentence here is our own. "على لسان" ("by the mouth of") names who spoke
for the subject of the verb before it, which becomes the claim's source; a
person named right before a past-tense reporting verb inside someone's إن/أن
clause (the verb quoted or not) makes a claim of their own, relayed by the one
reporting them. A state in that place, a present-tense description and a verb
inside the reporter's own quotation make none.
"""

from __future__ import annotations

import attrs
import pytest

from syrdiplo import ActorType
from syrdiplo._actors_data import key
from syrdiplo._claims_cues import cues
from syrdiplo.claims import find_claims
from syrdiplo.lexicon import core_lexicon
from syrdiplo.testing import make_document


def claims_of(text: str, published: str | None = "2017-05-01"):
    doc = make_document(text, published)
    for claim in doc.claims:
        assert text[claim.cue.start : claim.cue.end] == claim.cue.text
        if claim.content is not None:
            assert text[claim.content.start : claim.content.end] == claim.content.text
    return doc.claims


def who(claims) -> list[tuple[str | None, list[str | None]]]:
    """(speaker, source chain) of each claim, by canonical name."""
    return [(c.speaker.canonical, [a.canonical for a in c.source_chain]) for c in claims]


# --------------------------------------------------------------------------- على لسان

# (text, [(speaker, source chain)])
BY_THE_MOUTH_OF = [
    # a title the gazetteer does not know, then the name in an aside
    (
        "وأكدت موسكو على لسان نائب وزير خارجيتها، سيرغي ريابكوف، أن المشاورات ستستمر.",
        [("Sergei Ryabkov", ["Russia"])],
    ),
    # a title, then the name with no comma; an institution as the subject
    (
        "قالت الخارجية الأمريكية على لسان المتحدث باسمها مارك تونر إن واشنطن قلقة من التصعيد.",
        [("Mark Toner", ["Ministry of Foreign Affairs of United States"])],
    ),
    # a relative clause with the verb pointing back to it, a title the gazetteer resolves
    (
        "وهو ما أكدته واشنطن على لسان المتحدث باسم البنتاغون، جون كيربي.",
        [("John Kirby", ["United States"])],
    ),
    # a name alone, a date between the subject and the marker
    (
        "وأكدت موسكو، أمس، على لسان لافروف أن الحوار مستمر.",
        [("Sergei Lavrov", ["Russia"])],
    ),
    # no subject written: the one named speaks
    (
        "وأكدت على لسان المتحدثة باسمها ماريا زاخاروفا أن الاتهامات باطلة.",
        [("Maria Zakharova", [])],
    ),
    # no reporting verb: the marker is the cue
    (
        "جاء ذلك على لسان نائب وزير الخارجية الروسي، سيرغي ريابكوف، خلال مؤتمر صحفي.",
        [("Sergei Ryabkov", [])],
    ),
]


@pytest.mark.parametrize(("text", "expected"), BY_THE_MOUTH_OF)
def test_the_one_named_after_ala_lisan_speaks_for_the_subject(text, expected):
    assert who(claims_of(text))[-len(expected) :] == expected


def test_someone_the_gazetteer_does_not_know_still_speaks_not_the_state():
    text = "وهو ما أعلنته موسكو على لسان مساعد وزير خارجيتها، إيغور فلادينوف."
    (claim,) = claims_of(text)
    assert claim.speaker.type is ActorType.PERSON
    assert claim.speaker.name == "إيغور فلادينوف"
    assert [a.canonical for a in claim.source_chain] == ["Russia"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "on everyone's tongue": no one is named, nothing is said
        ("وأصبح اسم لافروف على لسان الجميع بعد الاتفاق.", []),
        # "لسان حالها" (its own voice) names no one: the state keeps the claim
        ("وأكدت موسكو على لسان حالها أن الحوار مستمر.", [("Russia", [])]),
        # inside the content, the marker does not take the verb from its speaker
        ("قال لافروف إن هذا الموقف يتردد على لسان كل مسؤول أمريكي.", [("Sergei Lavrov", [])]),
    ],
)
def test_ala_lisan_naming_no_one_changes_nothing(text, expected):
    assert who(claims_of(text)) == expected


def test_markers_naming_who_spoke_are_read_from_the_lexicon():
    core = cues(core_lexicon())
    assert key("على لسان") in core.mouth
    text = "قالت الخارجية الأمريكية بلسان المتحدث باسمها مارك تونر إن واشنطن قلقة."
    doc = make_document(text, "2016-05-01")
    assert who(doc.claims) == [("Ministry of Foreign Affairs of United States", [])]
    lexicon = doc.lexicon.extended("cues", {"chain": {"mouth": ["بلسان"]}}, origin="test")
    assert who(find_claims(attrs.evolve(doc, lexicon=lexicon))) == [
        ("Mark Toner", ["Ministry of Foreign Affairs of United States"])
    ]


# --------------------------------------------------------------------------- reported inside a clause

# (text, [(speaker, source chain)])
RELAYED = [
    # the verb quoted after its subject
    (
        "وذكرت الخارجية الروسية أن لافروف “حذر” بومبيو من عواقب التصعيد.",
        [
            ("Ministry of Foreign Affairs of Russia", []),
            ("Sergei Lavrov", ["Ministry of Foreign Affairs of Russia"]),
        ],
    ),
    # the verb opening a quotation of what was said, after a participle of the outer speaker
    (
        "وقال البنتاغون في بيان إن الاتصال جرى مساء أمس، مشيرا إلى أن أوستن «أكد على أهمية التنسيق».",
        [
            ("Pentagon", []),
            ("Pentagon", []),
            ("Lloyd Austin", ["Pentagon"]),
        ],
    ),
    # the subject quoted with its verb
    (
        "وأفاد الكرملين بأن “بوتين شدد على ضرورة الحوار”.",
        [("Kremlin", []), ("Vladimir Putin", ["Kremlin"])],
    ),
    # not quoted
    (
        "وأعلنت الخارجية الأمريكية أن كيري حذر لافروف من انهيار الهدنة.",
        [
            ("Ministry of Foreign Affairs of United States", []),
            ("John Kerry", ["Ministry of Foreign Affairs of United States"]),
        ],
    ),
    # the outer speaker relayed by an outlet: both, nearest the speaker first
    (
        "ونقلت وكالة تاس عن الخارجية الروسية أن لافروف “حذر” بومبيو من التصعيد.",
        [
            ("Ministry of Foreign Affairs of Russia", ["TASS"]),
            ("Sergei Lavrov", ["Ministry of Foreign Affairs of Russia", "TASS"]),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), RELAYED)
def test_a_person_reported_inside_a_clause_speaks_relayed_by_the_reporter(text, expected):
    assert who(claims_of(text)) == expected


def test_a_quoted_verb_has_the_rest_of_its_quotation_as_content():
    text = "وأفاد الكرملين بأن “بوتين شدد على ضرورة الحوار”."
    inner = claims_of(text)[-1]
    assert inner.cue.text == "شدد"
    assert inner.content is not None
    assert inner.content.text == "على ضرورة الحوار"


def test_the_reporter_still_continues_after_a_person_it_quoted():
    text = "ذكرت وزارة الدفاع الأمريكية أن أوستن “شدد على ضرورة ضبط النفس”. وأضافت أن الاتصال استمر ساعة."
    assert who(claims_of(text)) == [
        ("Ministry of Defence of United States", []),
        ("Lloyd Austin", ["Ministry of Defence of United States"]),
        ("Ministry of Defence of United States", []),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a state inside someone's clause is his account of it, quoted or not
        "أكد لافروف أن روسيا حذرت مرارا من التصعيد.",
        'أكد لافروف أن روسيا "حذرت" من التصعيد.',
        # a present-tense description, quoted or not
        'قال لافروف إن بوتين "يحذر دائما" من التصعيد.',
        "قال لافروف إن بوتين يحذر دائما من التصعيد.",
        # a verb inside the speaker's own quotation
        'وقال لافروف: "أكد بوتين أن الحوار مستمر".',
        'قال لافروف: "نعتقد أن بوتين أكد أن الحوار مستمر".',
    ],
)
def test_no_claim_of_its_own_inside_a_clause(text):
    assert who(claims_of(text)) == [("Sergei Lavrov", [])]


def test_a_quoted_verb_not_agreeing_with_the_name_before_it_is_nobodys():
    text = 'ذكرت الخارجية الروسية أن زاخاروفا "حذر" من التصعيد.'
    assert who(claims_of(text)) == [("Ministry of Foreign Affairs of Russia", [])]


# --------------------------------------------------------------------------- a title and a name in an aside, inside a clause

# (text, [(speaker, source chain)])
RELAYED_TITLED = [
    # a title the gazetteer resolves, the name in an aside, a comma before the verb
    (
        "وذكرت وكالة تاس أن نائب وزير الخارجية الروسي، سيرغي ريابكوف، قال إن الحوار مستمر.",
        [("TASS", []), ("Sergei Ryabkov", ["TASS"])],
    ),
    # a title the gazetteer does not know, ending in an institution
    (
        "وأفادت وكالة تاس بأن رئيس لجنة الدفاع في مجلس الدوما، أندريه كارتابولوف، حذر من التصعيد.",
        [("TASS", []), ("Andrei Kartapolov", ["TASS"])],
    ),
    # a title holding another the gazetteer reads as the name's holder
    (
        "ونقلت وكالة نوفوستي أن مساعد وزير الخارجية، سيرغي ريابكوف، أكد أن الحوار مستمر.",
        [("RIA Novosti", []), ("Sergei Ryabkov", ["RIA Novosti"])],
    ),
    # a title ending in a definite noun, no comma
    (
        "وأعلنت الخارجية الأمريكية أن مستشار الأمن القومي جيك سوليفان أبلغ نظيره الروسي بأن واشنطن لن تنسحب.",
        [
            ("Ministry of Foreign Affairs of United States", []),
            ("Jake Sullivan", ["Ministry of Foreign Affairs of United States"]),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), RELAYED_TITLED)
def test_a_titled_person_reported_inside_a_clause_speaks_relayed_by_the_reporter(text, expected):
    assert who(claims_of(text)) == expected


def test_an_unknown_person_in_an_aside_inside_a_clause_speaks_relayed_by_the_reporter():
    text = (
        "وذكرت وكالة إنترفاكس أن مدير المركز الروسي للمصالحة، أوليغ فلانوف، كشف أن "
        "طائرة أمريكية اقتربت من مقاتلة روسية. وأشار فلانوف إلى أن الطيار تصرف بمهنية."
    )
    claims = claims_of(text, "2019-11-01")
    assert [(c.speaker.canonical, c.speaker.name, c.cue.text) for c in claims][1:] == [
        (None, "أوليغ فلانوف", "كشف"),
        (None, "فلانوف", "أشار"),
    ]
    assert claims[0].speaker.canonical == "Interfax"
    assert [a.canonical for a in claims[1].source_chain] == ["Interfax"]
    assert claims[1].content is not None
    assert claims[1].content.text.startswith("أن طائرة أمريكية")


def test_a_ranked_unknown_person_in_an_aside_inside_a_clause_speaks():
    text = (
        "وذكرت وكالة رويترز أن قائد القوات الجوية، الجنرال مايكل ستيرنفيلد، أكد أن الطائرات اقتربت."
    )
    reporter, claim = claims_of(text, "2021-07-28")
    assert reporter.speaker.canonical == "Reuters"
    assert (claim.speaker.canonical, claim.speaker.name) == (None, "مايكل ستيرنفيلد")
    assert [a.canonical for a in claim.source_chain] == ["Reuters"]


@pytest.mark.parametrize(
    "text",
    [
        # no word of a title before the aside: a description, not a title
        "وذكرت وكالة تاس أن المسؤول عن ملف التنسيق، إيغور فلادينوف، أكد أن الطائرات اقتربت.",
        # the aside is a relative clause on the title, not a name
        "وذكرت وكالة تاس أن مدير المركز، الذي زار دمشق أمس، أكد أن الطائرات اقتربت.",
    ],
)
def test_an_aside_that_is_no_title_and_name_leaves_the_reporter(text):
    assert who(claims_of(text)) == [("TASS", []), ("TASS", [])]
