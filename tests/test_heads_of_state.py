"""Titles of heads of state and government: kings, emirs, crown princes, the German chancellor.

Every sentence here is made up for the test. A title resolves, on the article's date, to
the holder in ``offices.tsv``, as "وزير الخارجية الأمريكي" does.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from syrdiplo import ActorType, Timex
from syrdiplo.actors import find_actors, office_holder, offices_held
from syrdiplo.testing import make_document


def actors_of(text: str, published: str, timexes: list[Timex] | None = None):
    doc = make_document(text, published, timexes=timexes)
    if timexes is not None:
        doc = attrs.evolve(doc, actors=find_actors(doc))
    for actor in doc.actors:
        assert text[actor.start : actor.end] == actor.name
    return doc.actors


def by_name(actors, name: str):
    found = [a for a in actors if a.name == name]
    assert found, f"no actor {name!r} among {[a.name for a in actors]}"
    return found[0]


def people(actors):
    return [a for a in actors if a.type is ActorType.PERSON]


# (text, published, title, canonical, country, role)
TITLES = [
    # the German chancellor: Germany's head of government (prime_minister)
    (
        "وقالت المستشارة الألمانية إن أوروبا تتابع المفاوضات بقلق.",
        "2016-02-10",
        "المستشارة الألمانية",
        "Angela Merkel",
        "DE",
        "prime_minister",
    ),
    (
        "وصرح المستشار الألماني بأن حكومته تؤيد وقف إطلاق النار.",
        "2023-05-02",
        "المستشار الألماني",
        "Olaf Scholz",
        "DE",
        "prime_minister",
    ),
    (
        "ودعا مستشار ألمانيا إلى عودة اللاجئين طوعا.",
        "2025-09-15",
        "مستشار ألمانيا",
        "Friedrich Merz",
        "DE",
        "prime_minister",
    ),
    (
        "وأكدت مستشارة ألمانيا أن برلين لن تتدخل عسكريا.",
        "2013-04-01",
        "مستشارة ألمانيا",
        "Angela Merkel",
        "DE",
        "prime_minister",
    ),
    # kings
    (
        "وشدد العاهل الأردني خلال استقباله الوفد على أهمية الحل السياسي.",
        "2017-11-20",
        "العاهل الأردني",
        "Abdullah II",
        "JO",
        "monarch",
    ),
    (
        "وبحث الملك الأردني مع ضيفه أوضاع اللاجئين.",
        "2012-08-05",
        "الملك الأردني",
        "Abdullah II",
        "JO",
        "monarch",
    ),
    (
        "وتلقى ملك الأردن اتصالا هاتفيا بشأن الحدود الشمالية.",
        "2023-03-14",
        "ملك الأردن",
        "Abdullah II",
        "JO",
        "monarch",
    ),
    (
        "وأعرب العاهل السعودي عن أمله في تهدئة الأوضاع.",
        "2013-09-01",
        "العاهل السعودي",
        "Abdullah bin Abdulaziz",
        "SA",
        "monarch",
    ),
    (
        "ووجه خادم الحرمين الشريفين بإرسال مساعدات إلى المتضررين.",
        "2023-02-08",
        "خادم الحرمين الشريفين",
        "Salman bin Abdulaziz",
        "SA",
        "monarch",
    ),
    (
        "واستقبل الملك السعودي في قصره رئيس الوزراء الزائر.",
        "2019-06-01",
        "الملك السعودي",
        "Salman bin Abdulaziz",
        "SA",
        "monarch",
    ),
    (
        "وأرسلت ملكة بريطانيا برقية تعزية.",
        "2018-01-09",
        "ملكة بريطانيا",
        "Elizabeth II",
        "GB",
        "monarch",
    ),
    (
        "وألقى ملك بريطانيا خطاب العرش أمام البرلمان.",
        "2024-07-17",
        "ملك بريطانيا",
        "Charles III",
        "GB",
        "monarch",
    ),
    # crown princes
    (
        "واجتمع ولي العهد السعودي بالمبعوث في جدة.",
        "2019-03-03",
        "ولي العهد السعودي",
        "Mohammed bin Salman",
        "SA",
        "crown_prince",
    ),
    (
        "وزار ولي ولي العهد السعودي منتجع سوتشي.",
        "2015-10-11",
        "ولي ولي العهد السعودي",
        "Mohammed bin Salman",
        "SA",
        "deputy_crown_prince",
    ),
    (
        "وأكد ولي عهد أبوظبي دعم بلاده للمبادرة.",
        "2019-06-01",
        "ولي عهد أبوظبي",
        "Mohammed bin Zayed",
        "AE",
        "crown_prince",
    ),
    # emirs
    (
        "وطالب أمير قطر بتحرك عربي عاجل.",
        "2012-09-25",
        "أمير قطر",
        "Hamad bin Khalifa",
        "QA",
        "emir",
    ),
    (
        "ودعا أمير دولة قطر إلى حوار شامل.",
        "2020-09-22",
        "أمير دولة قطر",
        "Tamim bin Hamad",
        "QA",
        "emir",
    ),
    (
        "وأجرى الأمير القطري اتصالا بالرئيس التركي.",
        "2018-08-15",
        "الأمير القطري",
        "Tamim bin Hamad",
        "QA",
        "emir",
    ),
    # the UAE's head of state is its president
    (
        "وهنأ رئيس دولة الإمارات الفائزين بالجائزة.",
        "2016-12-02",
        "رئيس دولة الإمارات",
        "Khalifa bin Zayed",
        "AE",
        "president",
    ),
    (
        "واستقبل الرئيس الإماراتي وزير الخارجية الزائر.",
        "2023-01-15",
        "الرئيس الإماراتي",
        "Mohammed bin Zayed",
        "AE",
        "president",
    ),
]


@pytest.mark.parametrize(("text", "published", "title", "canonical", "country", "role"), TITLES)
def test_a_head_of_state_title_resolves_to_the_holder_on_the_date(
    text, published, title, canonical, country, role
):
    actor = by_name(actors_of(text, published), title)
    assert (actor.canonical, actor.country, actor.role, actor.type) == (
        canonical,
        country,
        role,
        ActorType.PERSON,
    )


# (text, title, before, holder before, after, holder after): one title across a succession
SUCCESSIONS = [
    (
        "ورحب العاهل السعودي بالاتفاق.",
        "العاهل السعودي",
        "2014-06-01",
        "Abdullah bin Abdulaziz",
        "2016-06-01",
        "Salman bin Abdulaziz",
    ),
    (
        "وتحدث ملك بريطانيا عن السلام.",
        "ملك بريطانيا",
        "2021-12-25",
        "Elizabeth II",
        "2023-12-25",
        "Charles III",
    ),
    (
        "وأشاد أمير قطر بجهود الوساطة.",
        "أمير قطر",
        "2013-06-24",
        "Hamad bin Khalifa",
        "2013-06-26",
        "Tamim bin Hamad",
    ),
    (
        "واستقبل ولي العهد السعودي الوفد الروسي.",
        "ولي العهد السعودي",
        "2016-05-30",
        "Mohammed bin Nayef",
        "2017-10-05",
        "Mohammed bin Salman",
    ),
    (
        "واتصل رئيس دولة الإمارات بالرئيس السوري.",
        "رئيس دولة الإمارات",
        "2021-03-01",
        "Khalifa bin Zayed",
        "2023-03-01",
        "Mohammed bin Zayed",
    ),
    (
        "وقال المستشار الألماني إن العقوبات باقية.",
        "المستشار الألماني",
        "2021-06-01",
        "Angela Merkel",
        "2022-06-01",
        "Olaf Scholz",
    ),
]


@pytest.mark.parametrize(("text", "title", "before", "first", "after", "second"), SUCCESSIONS)
def test_the_same_title_names_the_successor_after_the_succession(
    text, title, before, first, after, second
):
    assert by_name(actors_of(text, before), title).canonical == first
    assert by_name(actors_of(text, after), title).canonical == second


def test_the_handover_day_belongs_to_the_new_holder():
    assert office_holder("monarch", "SA", dt.date(2015, 1, 22)) == "Abdullah bin Abdulaziz"
    assert office_holder("monarch", "SA", dt.date(2015, 1, 23)) == "Salman bin Abdulaziz"
    assert office_holder("monarch", "GB", dt.date(2022, 9, 8)) == "Charles III"
    assert office_holder("emir", "QA", dt.date(2013, 6, 25)) == "Tamim bin Hamad"
    assert offices_held("Mohammed bin Salman", dt.date(2016, 1, 1))[0] == (
        "deputy_crown_prince",
        "SA",
        None,
    )


def month(text: str, phrase: str, value: str) -> Timex:
    start = text.index(phrase)
    return Timex(start=start, end=start + len(phrase), text=phrase, value=value, precision="month")


def test_a_date_in_the_sentence_dates_a_royal_title():
    text = "وكان العاهل السعودي قد زار موسكو في تشرين الأول 2017."
    pinned = [month(text, "تشرين الأول 2017", "2017-10")]
    actors = actors_of(text, "2025-01-01", pinned)
    assert by_name(actors, "العاهل السعودي").canonical == "Salman bin Abdulaziz"
    text = "وكان العاهل السعودي قد زار باريس في أيار 2012."
    pinned = [month(text, "أيار 2012", "2012-05")]
    actors = actors_of(text, "2025-01-01", pinned)
    assert by_name(actors, "العاهل السعودي").canonical == "Abdullah bin Abdulaziz"


def test_former_and_an_honorific_before_the_name():
    actors = actors_of("وانتقد ولي العهد السعودي السابق القرار.", "2019-01-10")
    assert by_name(actors, "ولي العهد السعودي السابق").canonical == "Mohammed bin Nayef"
    # "الملك"، "الأمير"، "الشيخ" stand between a title and its name like a rank
    text = "وقال العاهل الأردني الملك عبد الله الثاني إن الحدود آمنة."
    actors = actors_of(text, "2019-01-10")
    assert by_name(actors, "العاهل الأردني").canonical == "Abdullah II"
    text = "واستقبل أمير قطر الشيخ تميم بن حمد آل ثاني الوزير الروسي."
    assert by_name(actors_of(text, "2019-01-10"), "أمير قطر").canonical == "Tamim bin Hamad"
    # the name in apposition wins over the date, as for any title
    text = "والتقى ولي العهد السعودي الأمير محمد بن سلمان الرئيس الروسي."
    assert by_name(actors_of(text, "2016-06-01"), "ولي العهد السعودي").canonical == (
        "Mohammed bin Salman"
    )


def test_a_royal_title_is_a_speaker():
    doc = make_document("وقال العاهل الأردني إن بلاده تدعم الحل السياسي.", "2018-04-02")
    assert [c.speaker.canonical for c in doc.claims if c.speaker] == ["Abdullah II"]
    doc = make_document("وقالت الملكة إليزابيث الثانية إن الأوضاع صعبة.", "2017-04-02")
    assert [c.speaker.canonical for c in doc.claims if c.speaker] == ["Elizabeth II"]


@pytest.mark.parametrize(
    ("published", "canonical"),
    [("2013-03-01", None), ("2018-03-01", "Abdullah II")],
)
def test_king_abdullah_alone_is_the_only_one_reigning(published, canonical):
    actors = people(actors_of("وقال الملك عبد الله إن الحل سياسي.", published))
    assert [a.canonical for a in actors] == ([canonical] if canonical else [])


def test_king_abdullah_alone_follows_the_king_named_before():
    text = (
        "استقبل عبد الله بن عبد العزيز الوفد الروسي في الرياض. "
        "وقال الملك عبد الله إن بلاده تدعم الحل السياسي."
    )
    assert by_name(actors_of(text, "2013-03-01"), "الملك عبد الله").canonical == (
        "Abdullah bin Abdulaziz"
    )


# --------------------------------------------------------------------------- what is not a head of state

# (text, published): no person in these is a chancellor (prime_minister), monarch or emir
NOT_HEADS = [
    ("وقال المستشار الروسي إن الحوار مستمر.", "2016-03-01"),
    ("وقال مستشار الرئيس الروسي إن الحوار مستمر.", "2016-03-01"),
    ("وقال المستشار إن الحوار مستمر.", "2016-03-01"),
    ("وأوضح المستشار القانوني للوفد أن الاتفاق ملزم.", "2016-03-01"),
    ("والتقى الأمير محمد بن سلمان الرئيس الروسي في موسكو.", "2016-03-01"),
    ("وقال الأمير السعودي تركي الفيصل إن الحل سياسي.", "2016-03-01"),
    ("وحضر الأمير خالد الحفل في الرياض.", "2016-03-01"),
    ("وقالت الملكة الأردنية رانيا إن الأطفال يعانون.", "2016-03-01"),
    ("وأكد البيان أن الجولان ملك سوريا.", "2016-03-01"),
    ("وأكد المدير أن المبنى ملك الأمم المتحدة.", "2016-03-01"),
    ("وقال المتحدث باسم المستشارة الألمانية إن برلين قلقة.", "2016-03-01"),
]


@pytest.mark.parametrize(("text", "published"), NOT_HEADS)
def test_advisers_princes_and_property_are_no_heads_of_state(text, published):
    for actor in people(actors_of(text, published)):
        assert actor.role not in ("prime_minister", "monarch", "emir"), actor
        assert actor.canonical not in ("Angela Merkel", "Dmitry Medvedev", "Abdullah II"), actor


def test_an_adviser_points_back_to_the_adviser_not_to_a_chancellor():
    text = "قال يوري أوشاكوف إن موسكو مستعدة. وأضاف المستشار الروسي أن الحوار مستمر."
    adviser = by_name(actors_of(text, "2016-03-01"), "المستشار الروسي")
    assert (adviser.canonical, adviser.role) == ("Yuri Ushakov", "presidential_aide")


def test_a_prince_in_a_name_is_the_person_not_an_emir():
    actors = people(actors_of("والتقى الأمير محمد بن سلمان الرئيس الروسي.", "2019-03-01"))
    assert [(a.name, a.canonical, a.role) for a in actors] == [
        ("محمد بن سلمان", "Mohammed bin Salman", "crown_prince"),
        ("الرئيس الروسي", "Vladimir Putin", "president"),
    ]
