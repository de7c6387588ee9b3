"""Actor recognition: names, titles, counterparts, institutions, states, sources; the gazetteer."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import warnings

import attrs
import pytest
import regex

import syrdiplo
from syrdiplo import ActorType, DataFileError, PluginError, SyrdiploWarning, Timex
from syrdiplo._actors_data import gazetteer
from syrdiplo._actors_lists import ListFinder
from syrdiplo._actors_offices import parse_bound
from syrdiplo._actors_words import WORD, shared_words, word_hits
from syrdiplo.actors import check_gazetteer, country_of, find_actors, office_holder, offices_held
from syrdiplo.lexicon import core_lexicon
from syrdiplo.testing import make_document, make_pipeline
from syrdiplo.text import normalize


def actors_of(text: str, published: str | None = None, timexes: list[Timex] | None = None):
    """The actors found in ``text``; with ``timexes`` the dates are pinned, not read."""
    doc = make_document(text, published, timexes=timexes)
    if timexes is not None:
        doc = attrs.evolve(doc, actors=find_actors(doc))
    for actor in doc.actors:
        assert text[actor.start : actor.end] == actor.name
    return doc.actors


def timex(text: str, phrase: str, value: str) -> Timex:
    start = text.index(phrase)
    return Timex(start=start, end=start + len(phrase), text=phrase, value=value, precision="day")


def by_name(actors, name: str):
    found = [a for a in actors if a.name == name]
    assert found, f"no actor {name!r} among {[a.name for a in actors]}"
    return found[0]


# --------------------------------------------------------------------------- names

# (text, published, surface, canonical, country)
NAMES = [
    ("صرح سيرجي لافروف بأن الحوار مستمر.", "2016-05-01", "سيرجي لافروف", "Sergei Lavrov", "RU"),
    ("صرح سيرغي لافروف بأن الحوار مستمر.", "2016-05-01", "سيرغي لافروف", "Sergei Lavrov", "RU"),
    (
        "وأوضح مارك تونير في الإحاطة أن واشنطن تدرس العرض.",
        "2016-02-01",
        "مارك تونير",
        "Mark Toner",
        "US",
    ),
    ("ردت جيسيكا ماكنولتي على الأسئلة.", "2021-03-01", "جيسيكا ماكنولتي", "Jessica McNulty", "US"),
    ("وصل فاسيلي نيبنزيا إلى القاعة.", "2019-01-01", "فاسيلي نيبنزيا", "Vasily Nebenzya", "RU"),
    ("استقبل هاكان فيدان الوفد.", "2024-01-01", "هاكان فيدان", "Hakan Fidan", "TR"),
    (
        "التقى الوفد ستافان دي ميستورا.",
        "2016-01-01",
        "ستافان دي ميستورا",
        "Staffan de Mistura",
        "UN",
    ),
    ("ونقل عن بوتن تأكيده ذلك.", "2019-01-01", "بوتن", "Vladimir Putin", "RU"),
    # people often quoted on Syria, and spellings seen in the press
    ("وقد شارك ماكجورك في الندوة.", "2017-02-01", "ماكجورك", "Brett McGurk", "US"),
    ("ورد غويتيريس على الرسالة.", "2019-01-01", "غويتيريس", "Antonio Guterres", "UN"),
    ("وزار زاسبيكين الوزارة.", "2019-01-01", "زاسبيكين", "Alexander Zasypkin", "RU"),
    ("حضرت تولسي غابارد الجلسة.", "2025-03-01", "تولسي غابارد", "Tulsi Gabbard", "US"),
    ("ترأس أوليغ غورينوف الاجتماع.", "2023-06-01", "أوليغ غورينوف", "Oleg Gurinov", "RU"),
    ("التقى جيم ريش الوفد السوري.", "2025-02-01", "جيم ريش", "Jim Risch", "US"),
    (
        "وانتقد فرانس كلينتسيفيش القرار.",
        "2017-04-01",
        "فرانس كلينتسيفيش",
        "Franz Klintsevich",
        "RU",
    ),
    ("وزار ليفان جاغاريان طهران.", "2017-01-01", "ليفان جاغاريان", "Levan Dzhagaryan", "RU"),
    ("وانتقد جون ماكين الإدارة.", "2017-04-01", "جون ماكين", "John McCain", "US"),
    ("وحذر أندريه كراسوف من التصعيد.", "2017-04-01", "أندريه كراسوف", "Andrei Krasov", "RU"),
    ("ودعا يوري شفيتكين إلى الحوار.", "2017-04-01", "يوري شفيتكين", "Yuri Shvytkin", "RU"),
    ("وقال محمد المومني إن الأردن يرحب.", "2017-11-11", "محمد المومني", "Mohammad Momani", "JO"),
    ("وزار ناصر جودة موسكو.", "2015-01-01", "ناصر جودة", "Nasser Judeh", "JO"),
    ("وانتقد تيد كروز القرار.", "2019-01-01", "تيد كروز", "Ted Cruz", "US"),
    ("وطالب بن كاردين بجلسة.", "2017-01-01", "بن كاردين", "Ben Cardin", "US"),
]


@pytest.mark.parametrize(("text", "published", "surface", "canonical", "country"), NAMES)
def test_names_and_spelling_variants(text, published, surface, canonical, country):
    actor = by_name(actors_of(text, published), surface)
    assert (actor.canonical, actor.country, actor.type) == (canonical, country, ActorType.PERSON)


def test_a_short_form_that_is_a_common_word_needs_the_full_name_first():
    text = "قال المعلم في المدرسة إن الدرس انتهى."
    assert not [a for a in actors_of(text, "2015-01-01") if a.type is ActorType.PERSON]
    text = "وصل وليد المعلم إلى موسكو، وقال المعلم إن المحادثات كانت مثمرة."
    found = [a.name for a in actors_of(text, "2015-01-01") if a.canonical == "Walid Muallem"]
    assert found == ["وليد المعلم", "المعلم"]


def test_surnames_that_are_common_words_or_names_need_the_full_name_first():
    for text in (
        "وسقط ريش الطائر على الأرض.",
        "وأعلن الحداد في المدينة وقال حداد إن الموقف صعب.",
        "وصرح رئيس الوزراء أوربان بأن بلاده لن تشارك.",
        "وزار رودس وفد سياحي.",
        "وأطلقت المدمرة صواريخ كروز على المطار.",
        "وتحسنت جودة الخدمات في المدينة.",
    ):
        assert not [a for a in actors_of(text, "2019-01-01") if a.type is ActorType.PERSON], text
    text = "التقى رياض حداد نائب الوزير، وقال حداد إن اللقاء كان مثمرا."
    found = [a.name for a in actors_of(text, "2019-01-01") if a.canonical == "Riad Haddad"]
    assert found == ["رياض حداد", "حداد"]


def test_a_surname_shared_by_two_people_follows_the_one_named_in_full():
    text = "التقى جيك سوليفان مسؤولين روسا، وقال سوليفان إن اللقاء كان صريحا."
    assert by_name(actors_of(text, "2021-06-01"), "سوليفان").canonical == "Jake Sullivan"
    text = "قدم السفير جون سوليفان أوراق اعتماده، وقال سوليفان إن المهمة صعبة."
    assert by_name(actors_of(text, "2020-03-01"), "سوليفان").canonical == "John J. Sullivan"


def test_a_surname_that_is_only_someone_elses_first_name_stands_alone_in_office():
    # "جيفري" is James Jeffrey's surname and Jeffrey Feltman's first name
    text = "وقال جيفري أمام لجنة في الكونغرس إن العقوبات باقية."
    assert by_name(actors_of(text, "2019-09-10"), "جيفري").canonical == "James Jeffrey"
    # out of office and not named in full: nobody
    assert not [a for a in actors_of(text, "2012-03-01") if a.type is ActorType.PERSON]
    # the first name still opens the other man's full name
    text = "وقال جيفري فيلتمان إن الأمانة العامة تتابع الوضع."
    assert by_name(actors_of(text, "2019-09-10"), "جيفري فيلتمان").canonical == "Jeffrey Feltman"


def test_a_surname_of_two_people_is_not_taken_by_the_one_in_office():
    # "عباس" is a surname of two people: never alone before a full name
    text = "وقال عباس في رام الله إن المفاوضات متوقفة."
    assert not [a for a in actors_of(text, "2023-01-10") if a.type is ActorType.PERSON]


def test_a_name_gets_the_office_held_on_the_date():
    assert (
        by_name(actors_of("قال تونر إن ذلك مهم.", "2015-09-19"), "تونر").role
        == "deputy_spokesperson"
    )
    assert by_name(actors_of("قال تونر إن ذلك مهم.", "2017-03-07"), "تونر").role == "spokesperson"
    assert by_name(actors_of("زار هيغل المنطقة.", "2019-01-01"), "هيغل").role is None


# --------------------------------------------------------------------------- titles

# (text, published, surface, canonical, role, country)
TITLES = [
    (
        "قال وزير الدفاع الروسي إن القوات ستبقى.",
        "2015-09-19",
        "وزير الدفاع الروسي",
        "Sergei Shoigu",
        "defence_minister",
        "RU",
    ),
    (
        "قال وزير الدفاع الروسي إن القوات ستبقى.",
        "2012-03-01",
        "وزير الدفاع الروسي",
        "Anatoly Serdyukov",
        "defence_minister",
        "RU",
    ),
    (
        "قال وزير الدفاع الروسي إن القوات ستبقى.",
        "2024-08-01",
        "وزير الدفاع الروسي",
        "Andrei Belousov",
        "defence_minister",
        "RU",
    ),
    (
        "أعلن وزير الخارجية الأمريكي أن الاتفاق قريب.",
        "2016-08-24",
        "وزير الخارجية الأمريكي",
        "John Kerry",
        "foreign_minister",
        "US",
    ),
    (
        "أعلن وزير الخارجية الأميركي أن الاتفاق قريب.",
        "2018-06-01",
        "وزير الخارجية الأميركي",
        "Mike Pompeo",
        "foreign_minister",
        "US",
    ),
    (
        "أعلن وزير خارجية الولايات المتحدة أن الاتفاق قريب.",
        "2022-06-01",
        "وزير خارجية الولايات المتحدة",
        "Antony Blinken",
        "foreign_minister",
        "US",
    ),
    (
        "قالت وزيرة الخارجية الأمريكية إن الأسد فقد شرعيته.",
        "2012-01-10",
        "وزيرة الخارجية الأمريكية",
        "Hillary Clinton",
        "foreign_minister",
        "US",
    ),
    (
        "قال الرئيس السوري إن البلاد ستتعافى.",
        "2025-03-01",
        "الرئيس السوري",
        "Ahmed Sharaa",
        "president",
        "SY",
    ),
    (
        "قال الرئيس السوري إن البلاد ستتعافى.",
        "2019-03-01",
        "الرئيس السوري",
        "Bashar Assad",
        "president",
        "SY",
    ),
    (
        "قالت المتحدثة باسم الخارجية الروسية إن موسكو ترفض ذلك.",
        "2017-01-01",
        "المتحدثة باسم الخارجية الروسية",
        "Maria Zakharova",
        "spokesperson",
        "RU",
    ),
    (
        "قال المتحدث باسم الكرملين إن اللقاء ممكن.",
        "2018-07-05",
        "المتحدث باسم الكرملين",
        "Dmitry Peskov",
        "spokesperson",
        "RU",
    ),
    (
        "قال المتحدث باسم البنتاغون إن القوات باقية.",
        "2016-02-01",
        "المتحدث باسم البنتاغون",
        "Peter Cook",
        "spokesperson",
        "US",
    ),
    (
        "قالت المتحدثة باسم البيت الأبيض إن الرئيس قلق.",
        "2021-04-01",
        "المتحدثة باسم البيت الأبيض",
        "Jen Psaki",
        "spokesperson",
        "US",
    ),
    (
        "قال السفير الروسي لدى الولايات المتحدة إن الحوار مستمر.",
        "2016-04-01",
        "السفير الروسي لدى الولايات المتحدة",
        "Sergey Kislyak",
        "ambassador",
        "RU",
    ),
    (
        "قال السفير الروسي لدى واشنطن إن الحوار مستمر.",
        "2019-04-01",
        "السفير الروسي لدى واشنطن",
        "Anatoly Antonov",
        "ambassador",
        "RU",
    ),
    (
        "قال سفير روسيا لدى الولايات المتحدة إن الحوار مستمر.",
        "2025-05-01",
        "سفير روسيا لدى الولايات المتحدة",
        "Alexander Darchiev",
        "ambassador",
        "RU",
    ),
    (
        "قال السفير الأمريكي لدى روسيا إن السفارة تعمل.",
        "2018-04-01",
        "السفير الأمريكي لدى روسيا",
        "Jon Huntsman",
        "ambassador",
        "US",
    ),
    (
        "قال المندوب الروسي لدى الأمم المتحدة إن المشروع مرفوض.",
        "2016-04-01",
        "المندوب الروسي لدى الأمم المتحدة",
        "Vitaly Churkin",
        "ambassador",
        "RU",
    ),
    (
        "قال المندوب الروسي إن المشروع مرفوض.",
        "2019-04-01",
        "المندوب الروسي",
        "Vasily Nebenzya",
        "ambassador",
        "RU",
    ),
    (
        "قالت المندوبة الأمريكية لدى الأمم المتحدة إن الرد قادم.",
        "2018-04-01",
        "المندوبة الأمريكية لدى الأمم المتحدة",
        "Nikki Haley",
        "ambassador",
        "US",
    ),
    (
        "قال المبعوث الأممي إلى سوريا إن اللجنة ستنعقد.",
        "2016-04-01",
        "المبعوث الأممي إلى سوريا",
        "Staffan de Mistura",
        "envoy",
        "UN",
    ),
    (
        "قال المبعوث الأممي إلى سوريا إن اللجنة ستنعقد.",
        "2021-04-01",
        "المبعوث الأممي إلى سوريا",
        "Geir Pedersen",
        "envoy",
        "UN",
    ),
    (
        "قال المبعوث الأمريكي الخاص إلى سوريا إن العقوبات باقية.",
        "2019-04-01",
        "المبعوث الأمريكي الخاص إلى سوريا",
        "James Jeffrey",
        "envoy",
        "US",
    ),
    (
        "قال المبعوث الخاص للرئيس الروسي إلى سوريا إن الحوار ممكن.",
        "2020-04-01",
        "المبعوث الخاص للرئيس الروسي إلى سوريا",
        "Alexander Lavrentiev",
        "envoy",
        "RU",
    ),
    (
        "قال الأمين العام للأمم المتحدة إن الوضع خطير.",
        "2016-04-01",
        "الأمين العام للأمم المتحدة",
        "Ki-moon Ban",
        "secretary_general",
        "UN",
    ),
    (
        "قال رئيس هيئة الأركان الروسية إن القوات جاهزة.",
        "2017-04-01",
        "رئيس هيئة الأركان الروسية",
        "Valery Gerasimov",
        "chief_of_staff",
        "RU",
    ),
    (
        "قال وزير الخارجية التركي إن أنقرة قلقة.",
        "2015-10-01",
        "وزير الخارجية التركي",
        "Feridun Sinirlioglu",
        "foreign_minister",
        "TR",
    ),
    (
        "قال وزير الخارجية الإيراني إن طهران مستعدة.",
        "2022-01-01",
        "وزير الخارجية الإيراني",
        "Hossein Amir-Abdollahian",
        "foreign_minister",
        "IR",
    ),
    (
        "قال الرئيس الأمريكي السابق إن الاتفاق سيئ.",
        "2022-01-01",
        "الرئيس الأمريكي السابق",
        "Donald Trump",
        "president",
        "US",
    ),
    (
        "قال الرئيس الأمريكي المنتخب إن الحرب ستنتهي.",
        "2024-11-13",
        "الرئيس الأمريكي المنتخب",
        "Donald Trump",
        "president",
        "US",
    ),
    (
        "وقال مستشار الأمن القومي الأمريكي إن الخيارات مفتوحة.",
        "2018-05-01",
        "مستشار الأمن القومي الأمريكي",
        "John Bolton",
        "national_security_adviser",
        "US",
    ),
]


@pytest.mark.parametrize(("text", "published", "surface", "canonical", "role", "country"), TITLES)
def test_titles_resolve_to_the_holder_on_the_date(
    text, published, surface, canonical, role, country
):
    actor = by_name(actors_of(text, published), surface)
    assert (actor.canonical, actor.role, actor.country, actor.type) == (
        canonical,
        role,
        country,
        ActorType.PERSON,
    )


def test_a_name_after_a_title_wins_over_the_date():
    text = "قال المتحدث باسم وزارة الخارجية الأميركية مارك تونر إن اللقاءات مستمرة."
    actors = actors_of(text, "2016-08-24")  # Kirby was the spokesperson; Toner his deputy
    assert by_name(actors, "المتحدث باسم وزارة الخارجية الأميركية").canonical == "Mark Toner"
    text = "أكدت المتحدثة باسم وزارة الدفاع الأميركية (بنتاغون)، جيسيكا ماكنولتي، أن القوات باقية."
    assert (
        by_name(actors_of(text, None), "المتحدثة باسم وزارة الدفاع الأميركية").canonical
        == "Jessica McNulty"
    )


def test_a_title_without_a_name_reuses_the_holder_named_earlier():
    text = "زار وزير الخارجية السوري وليد المعلم موسكو. وقال وزير الخارجية السوري إن الزيارة ناجحة."
    titles = [a for a in actors_of(text, None) if a.name == "وزير الخارجية السوري"]
    assert [a.canonical for a in titles] == ["Walid Muallem", "Walid Muallem"]


def test_a_date_in_the_sentence_dates_the_title():
    text = "وكان وزيرا الدفاع الروسي والأمريكي تحدثا في آب من العام المنصرم."
    pinned = [timex(text, "آب من العام المنصرم", "2014-08")]
    actors = actors_of(text, "2015-09-19", timexes=pinned)
    assert [(a.name, a.canonical) for a in actors if a.type is ActorType.PERSON] == [
        ("وزيرا الدفاع الروسي", "Sergei Shoigu"),
        ("الأمريكي", "Chuck Hagel"),
    ]


def test_a_date_inside_the_reported_words_does_not_date_the_title():
    text = "قال وزير الخارجية الأمريكي أمس إن اتفاق 14 أيلول 2013 لم ينفذ."
    pinned = [timex(text, "أمس", "2017-06-01"), timex(text, "14 أيلول 2013", "2013-09-14")]
    actors = actors_of(text, "2017-06-02", timexes=pinned)
    assert by_name(actors, "وزير الخارجية الأمريكي").canonical == "Rex Tillerson"


def test_two_holders_written_with_one_title():
    text = "بحث وزيرا الخارجية الروسي سيرغي لافروف والأميركي جون كيري الملف السوري."
    people = [
        (a.name, a.canonical) for a in actors_of(text, "2016-08-24") if a.type is ActorType.PERSON
    ]
    assert ("وزيرا الخارجية الروسي", "Sergei Lavrov") in people
    assert ("الأميركي", "John Kerry") in people


def test_pointers_back_to_a_person():
    text = "قال المبعوث الخاص للرئيس الروسي، ألكسندر لافرنتييف، إن الحوار ممكن. وأكد المسؤول الروسي أن موسكو منفتحة."
    assert (
        by_name(actors_of(text, "2024-11-13"), "المسؤول الروسي").canonical == "Alexander Lavrentiev"
    )
    text = "وقال المتحدث الأميركي إن واشنطن تتابع الوضع."
    assert not [a for a in actors_of(text, "2016-08-24") if a.type is ActorType.PERSON]


def test_a_bare_title_points_back_to_the_only_holder_named():
    text = (
        "قال وزير الدفاع الروسي سيرغي شويغو إن القوات جاهزة. وأضاف وزير الدفاع أن الضربات مستمرة."
    )
    assert by_name(actors_of(text, "2017-04-08"), "وزير الدفاع").canonical == "Sergei Shoigu"
    text = "أعلن الوزير التركي مولود جاويش أوغلو أن أنقرة مستعدة. وأكد الوزير أن بلاده مستعدة."
    assert by_name(actors_of(text, "2019-01-01"), "الوزير").canonical == "Mevlut Cavusoglu"
    # a name after the bare title is the holder
    text = "قال وزير الخارجية سيرغي لافروف إن الحل سياسي."
    assert by_name(actors_of(text, "2019-01-01"), "وزير الخارجية").canonical == "Sergei Lavrov"


def test_a_bare_title_with_two_holders_named_or_none_is_nobody():
    text = (
        "التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي في أنقرة. "
        "وقال وزير الخارجية إن الحل سياسي. وأكد الوزير أن موسكو مستعدة."
    )
    names = [a.name for a in actors_of(text, "2019-01-01")]
    assert "وزير الخارجية" not in names
    assert "الوزير" not in names
    text = "وقال وزير الخارجية إن الحل سياسي."
    assert not [a for a in actors_of(text, "2019-01-01") if a.type is ActorType.PERSON]
    # another office's holder is no antecedent
    text = "قال وزير الدفاع الروسي سيرغي شويغو إن القوات جاهزة. وقال وزير الخارجية إن الحل سياسي."
    assert "وزير الخارجية" not in [a.name for a in actors_of(text, "2019-01-01")]


# --------------------------------------------------------------------------- counterparts

# (antecedent phrase, counterpart phrase, date, expected holder)
COUNTERPARTS = [
    ("بحث وزير الخارجية الروسي سيرغي لافروف مع", "نظيره الأمريكي", "2013-05-07", "John Kerry"),
    ("بحث وزير الخارجية الروسي سيرغي لافروف مع", "نظيره الأمريكي", "2017-03-01", "Rex Tillerson"),
    ("بحث وزير الخارجية الروسي سيرغي لافروف مع", "نظيره الأمريكي", "2019-05-14", "Mike Pompeo"),
    ("بحث وزير الخارجية الروسي سيرغي لافروف مع", "نظيره الأمريكي", "2022-01-21", "Antony Blinken"),
    ("بحث وزير الخارجية الروسي سيرغي لافروف مع", "نظيره الأمريكي", "2025-02-18", "Marco Rubio"),
    ("بحث وزير الخارجية الروسي سيرغي لافروف مع", "نظيره التركي", "2020-01-01", "Mevlut Cavusoglu"),
    ("بحث وزير الدفاع الروسي سيرغي شويغو مع", "نظيره الأمريكي", "2014-08-12", "Chuck Hagel"),
    ("بحث وزير الدفاع الروسي سيرغي شويغو مع", "نظيره الأمريكي", "2015-09-18", "Ashton Carter"),
    ("بحث وزير الدفاع الروسي سيرغي شويغو مع", "نظيره الأمريكي", "2017-02-01", "Jim Mattis"),
    ("بحث وزير الدفاع الروسي سيرغي شويغو مع", "نظيره الأمريكي", "2020-03-01", "Mark Esper"),
    ("بحث وزير الدفاع الروسي سيرغي شويغو مع", "نظيره الأمريكي", "2022-05-13", "Lloyd Austin"),
    ("بحث وزير الدفاع الروسي أندريه بيلوسوف مع", "نظيره الأمريكي", "2024-07-12", "Lloyd Austin"),
    ("التقى الرئيس الروسي فلاديمير بوتين", "بنظيره الأمريكي", "2021-06-16", "Joe Biden"),
    ("التقى الرئيس الروسي فلاديمير بوتين", "بنظيره الأمريكي", "2018-07-16", "Donald Trump"),
    ("التقى الرئيس الروسي فلاديمير بوتين", "بنظيره السوري", "2017-11-20", "Bashar Assad"),
    ("اتصل الرئيس الأمريكي باراك أوباما", "بنظيره الروسي", "2012-03-01", "Dmitry Medvedev"),
    ("اتصل الرئيس الأمريكي باراك أوباما", "بنظيره الروسي", "2015-09-28", "Vladimir Putin"),
    ("التقى الرئيس التركي رجب طيب أردوغان", "نظيره الإيراني", "2022-07-19", "Ebrahim Raisi"),
    ("اجتمع وزير الخارجية الأمريكي جون كيري مع", "نظيره الروسي", "2016-08-26", "Sergei Lavrov"),
    (
        "التقى السفير الروسي لدى الولايات المتحدة أناتولي أنتونوف",
        "نظيره الأمريكي",
        "2018-04-01",
        "Jon Huntsman",
    ),
    (
        "رد المندوب الروسي لدى الأمم المتحدة فاسيلي نيبينزيا على",
        "نظيرته الأمريكية",
        "2018-04-10",
        "Nikki Haley",
    ),
    ("ناقش المبعوث الأممي ستافان دي ميستورا مع", "نظيره الأمريكي", "2016-01-01", "Michael Ratney"),
    ("التقى الرئيس الإيراني حسن روحاني", "نظيره الأمريكي", "2017-06-01", "Donald Trump"),
    ("زار المتحدث باسم المنظمة", "نظيره الأمريكي", "2017-06-01", None),
]


@pytest.mark.parametrize(("antecedent", "counterpart", "published", "holder"), COUNTERPARTS)
def test_counterparts_across_the_years(antecedent, counterpart, published, holder):
    text = f"{antecedent} {counterpart} الوضع في سوريا."
    name = counterpart.removeprefix("ب")
    actor = by_name(actors_of(text, published), name)
    assert actor.canonical == holder
    assert actor.type is ActorType.PERSON


# Counterparts and bare titles across a change of holder in the states around Syria
# (France, Germany, the United Kingdom, Israel, Iran, Egypt, Qatar).
# (text, published, surface, expected holder)
HANDOVERS = [
    (
        "استقبل وزير الخارجية الروسي سيرغي لافروف نظيره الفرنسي في موسكو.",
        "2016-03-15",
        "نظيره الفرنسي",
        "Jean-Marc Ayrault",
    ),
    (
        "استقبل وزير الخارجية الروسي سيرغي لافروف نظيره الفرنسي في موسكو.",
        "2017-06-20",
        "نظيره الفرنسي",
        "Jean-Yves Le Drian",
    ),
    (
        "استقبل وزير الخارجية الروسي سيرغي لافروف نظيره الفرنسي في موسكو.",
        "2011-11-02",
        "نظيره الفرنسي",
        "Alain Juppe",
    ),
    (
        "هاتف وزير الخارجية الأمريكي جون كيري نظيره الألماني بشأن حلب.",
        "2017-02-10",
        "نظيره الألماني",
        "Sigmar Gabriel",
    ),
    (
        "اتصل وزير الدفاع الأمريكي جيمس ماتيس بنظيرته الفرنسية لبحث الضربة.",
        "2018-04-14",
        "نظيرته الفرنسية",
        "Florence Parly",
    ),
    (
        "التقى الرئيس التركي رجب طيب أردوغان نظيره المصري على هامش القمة.",
        "2024-09-04",
        "نظيره المصري",
        "Abdel Fattah Sisi",
    ),
    (
        "وقال وزير الخارجية البريطاني إن لندن لن تعترف بالانتخابات.",
        "2021-05-27",
        "وزير الخارجية البريطاني",
        "Dominic Raab",
    ),
    (
        "وقال وزير الخارجية البريطاني إن لندن لن تعترف بالانتخابات.",
        "2022-01-10",
        "وزير الخارجية البريطاني",
        "Liz Truss",
    ),
    (
        "وأكد رئيس الوزراء البريطاني أن بلاده ستدعم المرحلة الانتقالية.",
        "2024-12-10",
        "رئيس الوزراء البريطاني",
        "Keir Starmer",
    ),
    (
        "وأكد وزير الدفاع الإسرائيلي أن الجيش سيبقى في المنطقة العازلة.",
        "2024-12-15",
        "وزير الدفاع الإسرائيلي",
        "Israel Katz",
    ),
    (
        "وأكد وزير الدفاع الإسرائيلي أن الغارات ستستمر.",
        "2021-02-01",
        "وزير الدفاع الإسرائيلي",
        "Benny Gantz",
    ),
    (
        "وصرح وزير الدفاع الإيراني بأن التعاون مع دمشق مستمر.",
        "2019-03-18",
        "وزير الدفاع الإيراني",
        "Amir Hatami",
    ),
    (
        "وقالت وزيرة الخارجية الألمانية إن برلين مستعدة للمساعدة.",
        "2025-01-03",
        "وزيرة الخارجية الألمانية",
        "Annalena Baerbock",
    ),
    (
        "وقال وزير الخارجية القطري إن الدوحة تدعم الحل.",
        "2015-05-01",
        "وزير الخارجية القطري",
        "Khalid Attiyah",
    ),
]


@pytest.mark.parametrize(("text", "published", "surface", "holder"), HANDOVERS)
def test_counterparts_and_bare_titles_follow_the_handover(text, published, surface, holder):
    actor = by_name(actors_of(text, published), surface)
    assert (actor.canonical, actor.type) == (holder, ActorType.PERSON)


def test_office_terms_of_the_states_around_syria():
    assert office_holder("prime_minister", "DE", dt.date(2016, 1, 1)) == "Angela Merkel"
    assert office_holder("prime_minister", "DE", dt.date(2023, 1, 1)) == "Olaf Scholz"
    assert office_holder("foreign_minister", "FR", dt.date(2016, 2, 10)) == "Laurent Fabius"
    assert office_holder("foreign_minister", "FR", dt.date(2016, 2, 12)) == "Jean-Marc Ayrault"
    assert office_holder("foreign_minister", "SA", dt.date(2017, 3, 1)) == "Adel Jubeir"
    assert office_holder("chief_of_staff", "RU", dt.date(2011, 6, 1)) == "Nikolai Makarov"
    assert office_holder("commander", "US", dt.date(2012, 6, 1), at="centcom") == "Jim Mattis"


def test_a_counterpart_is_dated_by_its_sentence():
    text = "والتقى الرئيس الروسي، فلاديمير بوتين، بنظيره الأمريكي، في 16 من حزيران الماضي، في جنيف."
    pinned = [timex(text, "16 من حزيران الماضي", "2021-06-16")]
    actors = actors_of(
        text, "2025-06-01", timexes=pinned
    )  # on the publication date it would be Trump
    assert by_name(actors, "نظيره الأمريكي").canonical == "Joe Biden"


def test_a_counterpart_named_in_apposition_is_that_person():
    text = "بحث وزير الدفاع الروسي سيرغي شويغو مع نظيره الأمريكي أشتون كارتر الوضع."
    actors = actors_of(text, "2015-09-19")
    assert by_name(actors, "نظيره الأمريكي").canonical == "Ashton Carter"
    assert by_name(actors, "أشتون كارتر").role == "defence_minister"


# --------------------------------------------------------------------------- organisations, states, sources

# (text, surface, canonical, country, role)
ORGANISATIONS = [
    (
        "وكانت وزارة الدفاع الأمريكية (البنتاغون) اتهمت القوات الروسية.",
        "البنتاغون",
        "Pentagon",
        "US",
        "defence_ministry",
    ),
    ("وقال الكرملين إن اللقاء ممكن.", "الكرملين", "Kremlin", "RU", "presidency"),
    (
        "وأعلنت وزارة الخارجية الروسية أن الاتصال جرى.",
        "وزارة الخارجية الروسية",
        "Ministry of Foreign Affairs of Russia",
        "RU",
        "foreign_ministry",
    ),
    (
        "وقالت الخارجية الأمريكية إن الاتصال جرى.",
        "الخارجية الأمريكية",
        "Ministry of Foreign Affairs of United States",
        "US",
        "foreign_ministry",
    ),
    (
        "وردت السفارة الروسية في واشنطن على ذلك.",
        "السفارة الروسية في واشنطن",
        "Embassy of Russia",
        "RU",
        "embassy",
    ),
    (
        "وتحتفظ قوات التحالف الدولي بقواعد.",
        "قوات التحالف الدولي",
        "Global Coalition against ISIS",
        "US",
        "coalition",
    ),
    (
        "وتسيطر قوات سوريا الديمقراطية (قسد) على المنطقة.",
        "قسد",
        "Syrian Democratic Forces",
        "SY",
        "armed_group",
    ),
    ("بحسب ما نقلته وكالة “سبوتنيك” الروسية.", "سبوتنيك", "Sputnik", "RU", "agency"),
    ("حسب صحيفة “POLITICO” الأمريكية.", "POLITICO", "POLITICO", "US", "newspaper"),
    (
        "مشيرة بحسب “صحيفة الشرق الأوسط” إلى ذلك.",
        "صحيفة الشرق الأوسط",
        "Asharq Al-Awsat",
        "SA",
        "newspaper",
    ),
    (
        "وقال مجلس الأمن القومي الأمريكي إن الخطر قائم.",
        "مجلس الأمن القومي الأمريكي",
        "National Security Council of United States",
        "US",
        "national_security_council",
    ),
]


@pytest.mark.parametrize(("text", "surface", "canonical", "country", "role"), ORGANISATIONS)
def test_institutions_and_outlets(text, surface, canonical, country, role):
    actor = by_name(actors_of(text, "2021-07-28"), surface)
    assert (actor.canonical, actor.country, actor.role, actor.type) == (
        canonical,
        country,
        role,
        ActorType.ORGANIZATION,
    )


def test_a_place_name_is_an_outlet_only_after_its_noun():
    text = "تتصاعد التوترات في الشرق الأوسط منذ سنوات."
    assert not [a for a in actors_of(text, "2021-01-01") if a.type is ActorType.ORGANIZATION]


# (text, expected state mentions as (surface, country, role))
STATES = [
    (
        "قال إن موسكو وواشنطن تجريان حوارا بنّاء.",
        [("موسكو", "RU", "capital"), ("واشنطن", "US", "capital")],
    ),
    ("وصل الوفد إلى موسكو أمس.", []),
    ("عقد الاجتماع في واشنطن.", []),
    ("التعاون بين ممثلينا والجانب الأمريكي في نيويورك.", [("الجانب الأمريكي", "US", "side")]),
    (
        "اتصالات منتظمة بين الأميركيين والروس بخصوص العمليات.",
        [("الأميركيين", "US", "people"), ("الروس", "RU", "people")],
    ),
    ("المشاورات بين الخبراء العسكريين الروس والأميركيين.", []),
    (
        "اتفقت روسيا والولايات المتحدة على التهدئة.",
        [("روسيا", "RU", "name"), ("الولايات المتحدة", "US", "name")],
    ),
    ("وكانت أنقرة قد رفضت العرض.", [("أنقرة", "TR", "capital")]),
]


@pytest.mark.parametrize(("text", "expected"), STATES)
def test_states_capitals_sides_and_peoples(text, expected):
    states = [
        (a.name, a.country, a.role)
        for a in actors_of(text, "2020-01-01")
        if a.type is ActorType.STATE
    ]
    assert states == expected
    for actor in actors_of(text, "2020-01-01"):
        if actor.type is ActorType.STATE:
            assert actor.canonical in ("Russia", "United States", "Turkey")


# (text, surface, country)
ANONYMOUS = [
    ("وقال مصدر دبلوماسي روسي إن المشاورات بدأت.", "مصدر دبلوماسي روسي", "RU"),
    ("أكدت مصادر دبلوماسية في واشنطن أن الاتصالات جامدة.", "مصادر دبلوماسية", "US"),
    ("ذكرت مصادر في وزارة الدفاع الأمريكية أن المكالمة جرت.", "مصادر", "US"),
    ("قال مسؤول أمريكي طلب عدم الكشف عن اسمه إن الطائرة سقطت.", "مسؤول أمريكي", "US"),
    ("قال مسئولون أمريكيون إنهم لم يتلقوا إشعارا.", "مسئولون أمريكيون", "US"),
    ("بعد إعلان أحد كبار مسؤولي إدارة الرئيس الأمريكي أن القوات باقية.", "أحد كبار مسؤولي", "US"),
    ("وقالت مصادر مطلعة إن الاتفاق قريب.", "مصادر مطلعة", None),
]


@pytest.mark.parametrize(("text", "surface", "country"), ANONYMOUS)
def test_anonymous_sources_keep_their_country(text, surface, country):
    actor = by_name(actors_of(text, "2021-01-01"), surface)
    assert (actor.type, actor.country, actor.canonical) == (ActorType.ANONYMOUS, country, None)


@pytest.mark.parametrize(
    ("text", "published", "surface", "canonical"),
    [
        (
            "وأوضح المتحدث باسم وزارة الدفاع الأميركية الكابتن جيف ديفيس أن الطائرات عادت.",
            "2017-05-02",
            "المتحدث باسم وزارة الدفاع الأميركية",
            "Jeff Davis",
        ),
        (
            "أعلن قائد القيادة المركزية الأمريكية، الجنرال جوزيف فوتيل، أن العمليات مستمرة.",
            "2016-06-01",
            "قائد القيادة المركزية الأمريكية",
            "Joseph Votel",
        ),
        (
            "وصرح المتحدث باسم وزارة الدفاع الروسية اللواء إيغور كوناشينكوف بأن الطلعات توقفت.",
            "2018-01-01",
            "المتحدث باسم وزارة الدفاع الروسية",
            "Igor Konashenkov",
        ),
        (
            "وقال وزير الدفاع البريطاني مايكل فالون إن لندن تدعم الضربة.",
            "2017-04-10",
            "وزير الدفاع البريطاني",
            "Michael Fallon",
        ),
    ],
)
def test_a_rank_between_title_and_name_keeps_them_together(text, published, surface, canonical):
    assert by_name(actors_of(text, published), surface).canonical == canonical


def test_officials_in_the_plural_are_never_one_named_person():
    text = "استقبل الرئيس بشار الأسد وفدا برلمانيا. وقال المسؤولون إن الزيارة قصيرة."
    assert [a.canonical for a in actors_of(text, "2016-01-01") if a.name == "المسؤولون"] == []
    text = "قال مسؤولون أميركيون إن السفن وصلت. وأضاف المسؤولون أن عددها أربع."
    actor = by_name(actors_of(text, "2016-01-01"), "المسؤولون")
    assert (actor.type, actor.country, actor.canonical) == (ActorType.ANONYMOUS, "US", None)


def test_a_bare_source_noun_is_no_actor():
    text = "هذه التحركات مصدر قلق كبير."
    assert not [a for a in actors_of(text, "2021-01-01") if a.type is ActorType.ANONYMOUS]


def test_the_same_official_again_is_the_same_anonymous_source():
    text = "قال مسؤول أميركي إن الضربات مستمرة. وذكر المسؤول الأميركي أن موسكو أبلغت واشنطن."
    actor = by_name(actors_of(text, "2015-09-30"), "المسؤول الأميركي")
    assert (actor.type, actor.country) == (ActorType.ANONYMOUS, "US")


def test_actors_are_ordered_and_their_spans_are_the_text(sample_articles):
    pipeline = make_pipeline(builtins=False)
    for article in sample_articles:
        result = pipeline.run(article)
        starts = [a.start for a in result.actors]
        assert starts == sorted(starts)
        for actor in result.actors:
            assert result.article.text[actor.start : actor.end] == actor.name


# --------------------------------------------------------------------------- lookups for plugins


def test_office_holder_and_offices_held():
    assert office_holder("defence_minister", "US", dt.date(2015, 9, 18)) == "Ashton Carter"
    assert office_holder("foreign_minister", "US", dt.date(2016, 8, 24)) == "John Kerry"
    assert office_holder("president", "US", dt.date(2021, 6, 16)) == "Joe Biden"
    assert office_holder("ambassador", "RU", dt.date(2021, 7, 28), at="US") == "Anatoly Antonov"
    assert office_holder("ambassador", "RU", dt.date(2021, 7, 28)) is None  # several seats
    assert office_holder("president", "US", dt.date(1990, 1, 1)) is None
    assert ("ambassador", "RU", "US") in offices_held("Anatoly Antonov", dt.date(2020, 1, 1))
    assert offices_held("Anatoly Antonov", dt.date(2015, 1, 1)) == [
        ("deputy_defence_minister", "RU", None)
    ]


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("الأميركيين", "US"),
        ("موسكو", "RU"),
        ("سورية", "SY"),
        ("الأممي", "UN"),
        ("التركية", "TR"),
        ("باريس", "FR"),
        ("مرحبا", None),
    ],
)
def test_country_of(word, code):
    assert country_of(word) == code


# --------------------------------------------------------------------------- the gazetteer data


def test_the_shipped_gazetteer_is_consistent():
    lexicon = core_lexicon()
    check_gazetteer(lexicon)
    people = [row for row in lexicon.rows("actors") if (row.get("type") or "person") == "person"]
    for row in people:
        surname = row["canonical"].split()[-1]
        assert re.fullmatch(r"[A-Za-z'\-.]+", surname), row["canonical"]
        assert row["country"], row["canonical"]


def test_single_seat_offices_do_not_overlap():
    """Holders of a one-seat office follow each other: one leaves no later than the next arrives."""
    seats: dict[tuple[str, str, str], list[tuple[dt.date, dt.date | None, str]]] = {}
    for row in core_lexicon().rows("offices"):
        start = parse_bound(row["start"], end=False)
        end = parse_bound(row["end"], end=False) if row["end"] else None
        seats.setdefault((row["office"], row["country"], row["at"]), []).append(
            (start, end, row["holder"])
        )
    shared = {"deputy_foreign_minister", "deputy_spokesperson", "deputy_defence_minister", "envoy"}
    for (office, country, at), terms in seats.items():
        if office in shared:
            continue
        for earlier, later in itertools.pairwise(sorted(terms, key=lambda t: t[0])):
            assert earlier[1] is not None, (
                f"{earlier[2]} holds {office} {country} {at} when {later[2]} starts"
            )
            assert earlier[1] <= later[0], (office, country, at, earlier[2], later[2])


# (columns of a bad row, the column the error must name)
BAD_ROWS = [
    ({"canonical": "Jane Roe", "country": "Russia", "names": "جين رو"}, "country"),
    ({"canonical": "Jane Roe", "country": "RU"}, "names"),
    ({"canonical": "", "country": "RU", "names": "جين رو"}, "canonical"),
    ({"canonical": "Sergei Lavrov", "country": "RU", "names": "سيرغي"}, "canonical"),
    ({"canonical": "Jane Roe", "type": "robot", "names": "جين رو"}, "type"),
    ({"canonical": "Jane Roe", "country": "RU", "names": "جين رو", "gender": "x"}, "gender"),
    ({"canonical": "Jane Roe", "country": "RU", "names": "جين رو", "nickname": "jr"}, "nickname"),
    (
        {
            "canonical": "Jane Roe",
            "country": "RU",
            "names": "جين رو",
            "offices": "ambassador@US:2020/2019",
        },
        "offices",
    ),
    (
        {"canonical": "Jane Roe", "country": "RU", "names": "جين رو", "offices": "emperor:2020/"},
        "offices",
    ),
]


@pytest.mark.parametrize(("row", "column"), BAD_ROWS)
def test_bad_actor_rows_are_reported_with_row_and_column(row, column):
    lexicon = core_lexicon().extended("actors", [row], origin="plugin bad")
    with pytest.raises(DataFileError) as caught:
        check_gazetteer(lexicon)
    assert f"column {column!r}" in str(caught.value)
    assert "plugin bad" in str(caught.value)
    assert "registered" in str(caught.value)


def test_bad_office_rows_name_the_file_row_and_column():
    bad = {
        "office": "foreign_minister",
        "country": "RU",
        "at": "",
        "holder": "Nobody Known",
        "start": "2020",
        "end": "",
        "note": "",
    }
    lexicon = core_lexicon().extended("offices", [bad], origin="plugin terms")
    with pytest.raises(DataFileError) as caught:
        check_gazetteer(lexicon)
    assert "column 'holder'" in str(caught.value)
    assert "offices.tsv" in str(caught.value)


# --------------------------------------------------------------------------- the hook, end to end


# --8<-- [start:envoy_plugin]
class EnvoyPlugin:
    """Registers one person, with a term of office, through the hook."""

    name = "envoy_plugin"

    @syrdiplo.hookimpl
    def syrdiplo_register_actors(self, register):
        register(
            canonical="Jane Roe",
            type="person",
            country="US",
            gender="f",
            names=["جين رو", "جاين رو"],
            short=["رو"],
            offices=["envoy@SY:2031-01-01/"],
        )


# --8<-- [end:envoy_plugin]


class BrokenActorPlugin:
    name = "broken_actors"

    @syrdiplo.hookimpl
    def syrdiplo_register_actors(self, register):
        register(canonical="Broken Row", country="Russia", names=["كسر"])


def test_a_plugin_registers_a_person_with_an_office():
    # --8<-- [start:envoy_use]
    pipeline = make_pipeline(EnvoyPlugin(), builtins=False)
    text = "قالت المبعوثة الأمريكية الخاصة إلى سوريا إن الحل قريب. وأضافت جاين رو أن الحوار مستمر."
    result = pipeline.run({"id": "p1", "text": text, "published": "2031-05-01"})
    by_surface = {a.name: a for a in result.actors}
    assert by_surface["المبعوثة الأمريكية الخاصة إلى سوريا"].canonical == "Jane Roe"
    assert by_surface["جاين رو"].canonical == "Jane Roe"
    assert (
        office_holder("envoy", "US", dt.date(2032, 1, 1), at="SY", lexicon=pipeline.lexicon)
        == "Jane Roe"
    )
    # --8<-- [end:envoy_use]
    speakers = {c.speaker.canonical for c in result.claims}
    assert speakers == {"Jane Roe"}
    assert result.to_dict()["claims"][0]["speaker"]["canonical"] == "Jane Roe"


def test_a_plugin_with_bad_actor_data_fails_alone():
    with pytest.raises(PluginError) as caught:
        make_pipeline(BrokenActorPlugin(), builtins=False)
    assert "broken_actors" in str(caught.value)
    assert "column 'country'" in str(caught.value)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        pipeline = make_pipeline(BrokenActorPlugin(), EnvoyPlugin(), builtins=False, strict=False)
    assert any(issubclass(w.category, SyrdiploWarning) for w in seen)
    result = pipeline.run(
        {"id": "p2", "text": "وقالت جين رو إن الحل قريب.", "published": "2031-05-01"}
    )
    assert [a.canonical for a in result.actors] == ["Jane Roe"]


# --------------------------------------------------------------------------- fast paths
# The actor stage finds its words with str.split and set lookups, and matches the
# families that are one word list by dictionary lookup. Both must give exactly
# what the regex patterns give, at every word.

_SEPARATORS = [" ", ", ", ". ", "-", "«", "»", ":", "\n", "", "ا", " عن ", "\u2019s "]


def _variants(words, count, seed):
    """Words of a list with attached letters, endings and neighbours, in short texts."""
    pick = __import__("random").Random(seed)
    words = sorted(words)
    out = []
    for _ in range(count):
        word = pick.choice(words)
        if word.isascii() and pick.random() < 0.5:
            word = pick.choice([word.upper(), word.title(), word.swapcase()])
        before = pick.choice(["", "و", "ف", "ب", "ل", "وب", "فل", "ال", "لل", "x"])
        after = pick.choice(["", "ه", "ها", "ا", "-x", "\u2019"])
        out.append(
            pick.choice(["", "قال ", "«"])
            + before
            + word
            + after
            + pick.choice(_SEPARATORS)
            + pick.choice(words)
        )
    return out


def _same_match(fast, slow, groups) -> bool:
    if fast is None or slow is None:
        return fast is None and slow is None
    if (fast.start(), fast.end()) != (slow.start(), slow.end()):
        return False
    return all(
        fast[g] == slow[g] and (slow[g] is None or fast.span(g) == slow.span(g)) for g in groups
    )


def test_list_families_match_as_their_patterns(sample_articles):
    g = gazetteer(core_lexicon())
    matcher = g.matcher
    finders = [(i, f) for i, f in enumerate(matcher.lists) if f is not None]
    assert {matcher.families[i][0] for i, _ in finders} == {"name", "people", "country", "capital"}
    words = [*g.surfaces, *g.state_names, *g.government_capitals, *g.people]
    texts = [normalize(a["text"]).text for a in sample_articles] + _variants(words, 3000, 8)
    tried = 0
    for text in texts:
        assert ListFinder.exact_for(text)
        for word in WORD.finditer(text):
            for i, finder in finders:
                slow = matcher.families[i][1].match(text, word.start())
                fast = finder.match(text, word.start(), word.end())
                assert _same_match(fast, slow, ["pre", finder.group]), (text, word.group())
                tried += slow is not None
    assert tried > 3000  # most variants hold a match


def test_case_twins_are_left_to_the_patterns():
    # the long s and the Kelvin sign match "s" and "k" case-insensitively in `regex`
    g = gazetteer(core_lexicon())
    slow = attrs.evolve(g.matcher, lists=(None,) * len(g.matcher.families))
    long_s = "\u017f"
    texts = (
        f"نقلت associated pre{long_s}s عن مصدر",
        "قالت وكالة SPUTNIK",
        "ذكرت Bloomberg و\u212a",
    )
    for text in texts:
        normalized = normalize(text).text
        fast_found = [(kind, m.span()) for kind, m in g.matcher.scan(normalized)]
        slow_found = [(kind, m.span()) for kind, m in slow.scan(normalized)]
        assert fast_found == slow_found
    assert not ListFinder.exact_for(f"pre{long_s}s")
    assert ListFinder.exact_for("press")
    found = [(kind, m.group()) for kind, m in g.matcher.scan(texts[0])]
    assert found[0] == ("name", f"associated pre{long_s}s")


def test_the_case_twins_are_all_the_letters_regex_folds_to_ascii():
    from syrdiplo._actors_lists import _CASE_TWINS

    every = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    folding = set(regex.compile(r"[a-zA-Z]", regex.IGNORECASE).findall(every))
    assert folding == set(_CASE_TWINS)


def test_scan_finds_what_the_patterns_find(sample_articles):
    g = gazetteer(core_lexicon())
    slow = attrs.evolve(g.matcher, lists=(None,) * len(g.matcher.families))
    for article in sample_articles:
        text = normalize(article["text"]).text
        fast_found = [(kind, m.start(), m.end(), m.end("pre")) for kind, m in g.matcher.scan(text)]
        slow_found = [(kind, m.start(), m.end(), m.end("pre")) for kind, m in slow.scan(text)]
        assert fast_found == slow_found
        assert len(fast_found) > 20


@pytest.mark.parametrize(
    "text",
    [
        "قال لافروف، في موسكو: «إن واشنطن» (البنتاغون)… ولافروف-كيري!",
        "  لافروف  لافروف\nلافروف؛لافروف ,لافروف",
        "ريا-نوفوستي وال-monitor وAl-Monitor و CNN،cnn Cnn.",
        "",
        "...",
    ],
)
def test_word_hits_are_whole_words_in_the_set(text):
    wanted = {"لافروف", "ولافروف", "واشنطن", "ريا-نوفوستي", "al-monitor", "cnn", "موسكو"}
    text = normalize(text).text
    for fold in (False, True):
        expected = [
            (m.start(), m.end(), m.group())
            for m in WORD.finditer(text)
            if m.group() in wanted
            or (fold and m.group().isascii() and m.group().casefold() in wanted)
        ]
        assert word_hits(text, wanted, fold_ascii=fold) == expected


def test_word_hits_of_the_samples(sample_articles):
    index = gazetteer(core_lexicon()).matcher.index
    for article in sample_articles:
        text = normalize(article["text"]).text
        expected = [
            (m.start(), m.end(), m.group())
            for m in WORD.finditer(text)
            if m.group() in index or (m.group().isascii() and m.group().casefold() in index)
        ]
        assert word_hits(text, index, fold_ascii=True) == expected


def test_shared_words_are_found_once_per_text():
    shared = shared_words(core_lexicon())
    text = normalize("قال لافروف إن موسكو").text
    first = shared.hits(text)
    assert shared.hits(text) is first
    assert [word for _, _, word in first] == ["قال", "لافروف", "ان", "موسكو"]
    other = normalize("وأكد كيري").text
    assert [word for _, _, word in shared.hits(other)] == ["واكد", "كيري"]
    assert shared.hits(text) == first


def test_a_name_starting_with_a_preposition_letter_is_read_whole():
    # "برايس" is Ned Price, not "ب" + "رايس" (Susan Rice)
    actors = actors_of("قال نيد برايس إن واشنطن قلقة. وأكد برايس أن الحل سياسي.", "2021-02-03")
    assert [a.canonical for a in actors if a.type is ActorType.PERSON] == ["Ned Price"] * 2
    assert by_name(actors, "برايس").canonical == "Ned Price"
    # still a preposition before a name when the whole word is no one's
    actors = actors_of("واتصل بوتين بلافروف.", "2021-02-03")
    assert by_name(actors, "لافروف").canonical == "Sergei Lavrov"


def test_a_deputy_is_not_the_office_holder():
    text = "وقال نائب رئيس الوزراء الروسي إن العلاقات جيدة."
    assert by_name(actors_of(text, "2020-01-01"), "نائب رئيس الوزراء الروسي").canonical is None
    text = "أشاد نائب رئيس الوزراء الروسي يوري بوريسوف بالعلاقات الروسية السورية."
    actor = by_name(actors_of(text, "2020-01-01"), "نائب رئيس الوزراء الروسي")
    assert actor.canonical == "Yuri Borisov"


def test_a_rank_between_a_title_and_its_name_keeps_them_apposed():
    text = "وصف قائد القيادة المركزية الأمريكية، الجنرال كينيث ماكنزي، التنسيق بالاحترافية."
    actors = actors_of(text, "2017-01-01")  # before his term: the name decides
    assert by_name(actors, "قائد القيادة المركزية الأمريكية").canonical == "Kenneth McKenzie"
    text = "قال قائد القيادة المركزية الأمريكية إن الوضع هادئ، والتقى الجنرال كينيث ماكنزي بالقادة."
    actors = actors_of(text, "2017-01-01")
    assert by_name(actors, "قائد القيادة المركزية الأمريكية").canonical != "Kenneth McKenzie"


def test_hard_g_spelling_variants_are_generated_from_the_table():
    g = gazetteer(syrdiplo.lexicon.core_lexicon())
    # غ → ج for foreign names, both a full name and a short form
    assert g.surfaces["جراهام"][0].canonical == "Lindsey Graham"
    assert g.surfaces["ليندسي جراهام"][0].canonical == "Lindsey Graham"
    # names of Arab actors keep their real ghayn
    assert "جليون" not in g.surfaces
    assert g.variant_collisions == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after a definite noun, "الدبلوماسي" and "المسؤول" are adjectives
        ("التقى لافروف أمس. وتحدث عن الاستحقاق الدبلوماسي المقبل في مجلس الأمن.", []),
        ("التقى لافروف أمس. وحمل الطرف المسؤول عن التصعيد النتائج.", []),
        # after a verb or a preposition they still point back
        ("التقى لافروف أمس كيري. وقال الدبلوماسي الروسي إن اللقاء مثمر.", ["Sergei Lavrov"]),
        ("التقى لافروف أمس كيري. ثم التقى المسؤول الروسي الصحفيين.", ["Sergei Lavrov"]),
    ],
)
def test_an_anaphor_after_a_definite_noun_is_an_adjective(text: str, expected: list[str]) -> None:
    doc = syrdiplo.Pipeline(entrypoints=False).analyze(text, published="2016-05-01")
    second = text.index(".") + 1
    later = [a.canonical for a in doc.actors if a.start is not None and a.start > second]
    assert [c for c in later if c == "Sergei Lavrov"] == expected


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        # spellings that drop a long vowel of the name ("جاتلوف" for "جاتيلوف")
        ("وقال نائب وزير الخارجية الروسي جينادي جاتلوف إن المحادثات مستمرة.", "Gennady Gatilov"),
        ("وقال سيرغي فرشينين إن موسكو مستعدة للحوار.", "Sergey Vershinin"),
        (
            "وقال قائد القوات الجوية الأمريكية جيف هاريغيان إن الطائرات الروسية اقتربت.",
            "Jeffrey Harrigian",
        ),
        ("وقال الجنرال أليكسوس غرينكيفيتش إن الطائرات الروسية اقتربت.", "Alexus Grynkewich"),
        ("وقال المتحدث باسم البيت الأبيض شون سبيسر إن الرئيس سيتصل ببوتين.", "Sean Spicer"),
        ("وقال المتحدث جون أوليوت إن واشنطن لن تنسحب.", "John Ullyot"),
    ],
)
def test_written_variants_of_names(text: str, canonical: str) -> None:
    doc = syrdiplo.Pipeline(entrypoints=False).analyze(text, published="2019-05-01")
    assert canonical in [a.canonical for a in doc.actors]


@pytest.mark.parametrize(
    "text",
    [
        "وقال المتحدث باسم مجلس الأمن القومي بالبيت الأبيض إن القوات باقية.",
        "واجتمع مجلس الأمن القومي في البيت الأبيض لبحث الانسحاب.",
    ],
)
def test_a_national_security_council_is_not_the_un_security_council(text: str) -> None:
    doc = syrdiplo.Pipeline(entrypoints=False).analyze(text, published="2019-10-10")
    assert all(a.country != "UN" for a in doc.actors), [(a.name, a.canonical) for a in doc.actors]


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        # a person named only inside someone's quotation is not "the diplomat" after it
        (
            "قال المندوب الروسي فيتالي تشوركين: «سيلتقي بوغدانوف بالوفد الأمريكي». "
            "وأضاف الدبلوماسي الروسي أن الموعد لم يحدد.",
            "Vitaly Churkin",
        ),
        # inside the same quotation, the person named in it still is
        (
            "قال تشوركين: «التقيت بوغدانوف أمس، وأكد الدبلوماسي الروسي أن الموعد قريب».",
            "Mikhail Bogdanov",
        ),
    ],
)
def test_an_anaphor_does_not_reach_into_another_quotation(text: str, canonical: str) -> None:
    doc = syrdiplo.Pipeline(entrypoints=False).analyze(text, published="2016-05-01")
    (anaphor,) = [a for a in doc.actors if a.name.startswith("الدبلوماسي")]
    assert anaphor.canonical == canonical


def test_the_official_where_they_serve_is_the_anonymous_one() -> None:
    text = (
        "قال مسؤول في البنتاغون إن القوات تصدت للهجمات. وقال السفير الأمريكي روبرت فورد إن "
        "إدارة بايدن مصرة على البقاء. وأوضح المسؤول في البنتاغون أن الهجمات فشلت."
    )
    doc = syrdiplo.Pipeline(entrypoints=False).analyze(text, published="2023-11-10")
    last = [a for a in doc.actors if a.name.startswith("المسؤول")][-1]
    assert (last.canonical, last.type) == (None, ActorType.ANONYMOUS)
