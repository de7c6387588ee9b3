"""Claims: cue, speaker, content, source chain and date; and what is not a claim."""

from __future__ import annotations

import random

import attrs
import pytest

from syrdiplo import ActorType, Pipeline, Timex
from syrdiplo._actors_data import gazetteer
from syrdiplo._actors_words import WORD
from syrdiplo._claims_cues import cues
from syrdiplo._claims_find import _Finder
from syrdiplo._claims_text import PUNCT_GAP, quote_spans
from syrdiplo.actors import find_actors
from syrdiplo.claims import find_claims
from syrdiplo.lexicon import core_lexicon
from syrdiplo.testing import make_document, make_pipeline
from syrdiplo.text import normalize


def claims_of(text: str, published: str | None = "2021-07-28", timexes: list[Timex] | None = None):
    doc = make_document(text, published, timexes=timexes)
    if timexes is not None:
        doc = attrs.evolve(doc, actors=find_actors(doc))
        doc = attrs.evolve(doc, claims=find_claims(doc))
    for claim in doc.claims:
        assert text[claim.cue.start : claim.cue.end] == claim.cue.text
        if claim.content is not None:
            assert text[claim.content.start : claim.content.end] == claim.content.text
    return doc.claims


def speakers(claims) -> list[str | None]:
    return [c.speaker.canonical for c in claims]


def timex(text: str, phrase: str, value: str) -> Timex:
    start = text.index(phrase)
    return Timex(start=start, end=start + len(phrase), text=phrase, value=value, precision="day")


# --------------------------------------------------------------------------- who speaks

# (text, published, [(cue, speaker canonical)])
SPEAKERS = [
    # a military rank between the verb and the name; a garbled double verb
    (
        "وقال العقيد أليكسوس غرينكويتش للإذاعة: إن الدوريات ستستمر.",
        "2023-05-01",
        [("قال", "Alexus Grynkewich")],
    ),
    (
        "وقال أفاد النقيب أليكسوس غرينكويتش للإذاعة: إن الدوريات ستستمر.",
        "2023-05-01",
        [("أفاد", "Alexus Grynkewich")],
    ),
    # an aside naming whom the speaker serves is his title, not another subject
    (
        "وأفادت وكالة تاس أن ميخائيل بوغدانوف، مساعد لافروف، قال أمس إن الحوار مفيد.",
        "2017-05-01",
        [("أفادت", "TASS"), ("قال", "Mikhail Bogdanov")],
    ),
    # a participle continues the person of its own sentence, not an earlier state
    (
        "تنتقد الولايات المتحدة روسيا. وفي الأثناء تحدث الجنرال أليكسوس غرينكويتش عن "
        "من السلوك الروسي، محذرا من أنه يرفع خطر الحوادث.",
        "2023-05-01",
        [("تنتقد", "United States"), ("محذرا", "Alexus Grynkewich")],
    ),
    # the speaker after the verb, with a title, a name, or both
    (
        "قال وزير الخارجية الروسي سيرغي لافروف إن الحوار مع واشنطن مستمر.",
        "2017-05-01",
        [("قال", "Sergei Lavrov")],
    ),
    ("أكد لافروف، اليوم الأربعاء، أن موسكو لن تتراجع.", "2017-05-01", [("أكد", "Sergei Lavrov")]),
    ("وصرحت زاخاروفا للصحفيين بأن الاتهامات باطلة.", "2017-05-01", [("صرحت", "Maria Zakharova")]),
    (
        "قالت المتحدثة باسم الخارجية الروسية إن موسكو ترفض ذلك.",
        "2019-05-01",
        [("قالت", "Maria Zakharova")],
    ),
    ("اعتبر وزير الدفاع الأمريكي أن الضربات كانت ضرورية.", "2017-04-08", [("اعتبر", "Jim Mattis")]),
    ("وحذر الكرملين من أن التصعيد خطير.", "2017-04-08", [("حذر", "Kremlin")]),
    ("كشف شويغو أن الاتصالات تجري يوميا.", "2021-02-01", [("كشف", "Sergei Shoigu")]),
    (
        "ونفى المتحدث باسم البنتاغون جون كيربي أن تكون القوات قد انسحبت.",
        "2021-03-01",
        [("نفى", "John Kirby")],
    ),
    # the speaker before the verb
    ("ماكنولتي قالت: “نتوقع من الجميع التصرف بمهنية”.", None, [("قالت", "Jessica McNulty")]),
    ("وكان شويغو كشف أن الاتصالات وثيقة.", None, [("كشف", "Sergei Shoigu")]),
    ("وأوضح البيان أن لافروف شدد على ضرورة الحوار.", "2016-05-01", [("شدد", "Sergei Lavrov")]),
    # a participle continues the sentence's speaker
    (
        "قال تونر إن واشنطن قلقة، مضيفا أن الحوار ضروري.",
        "2016-02-01",
        [("قال", "Mark Toner"), ("مضيفا", "Mark Toner")],
    ),
    (
        "أكدت زاخاروفا أن موسكو مستعدة، مشيرة إلى أن واشنطن تماطل.",
        "2019-02-01",
        [("أكدت", "Maria Zakharova"), ("مشيرة", "Maria Zakharova")],
    ),
    # "وأضاف" and "وتابع" continue the previous speaker
    (
        "قال بيسكوف إن اللقاء ممكن. وأضاف أن الموعد لم يحدد. وتابع: “ننتظر الرد”.",
        "2018-06-01",
        [("قال", "Dmitry Peskov"), ("أضاف", "Dmitry Peskov"), ("تابع", "Dmitry Peskov")],
    ),
    # speakers joined by "و"
    (
        "وقال لافروف وكيري في مؤتمر صحفي إن الهدنة ستبدأ.",
        "2016-09-10",
        [("قال", "Sergei Lavrov"), ("قال", "John Kerry")],
    ),
    (
        "وأكد الرئيسان الروسي والأمريكي أهمية الحوار.",
        "2018-07-16",
        [("أكد", "Vladimir Putin"), ("أكد", "Donald Trump")],
    ),
    # a statement noun with its author and content
    (
        "وجاءت تصريحات شويغو بعد إعلان وزير الدفاع الأمريكي أن القوات باقية.",
        "2021-02-01",
        [("إعلان", "Lloyd Austin")],
    ),
    # relayed through an outlet: the source after "عن"
    (
        "ونقلت وكالة تاس عن ريابكوف قوله إن الحوار متوقف.",
        "2022-04-01",
        [("نقلت", "Sergei Ryabkov")],
    ),
    (
        "ونقلت وكالة الإعلام الروسية عن ماريا زاخاروفا قولها إن العدوان سيؤدي إلى كارثة.",
        "2016-10-01",
        [("نقلت", "Maria Zakharova")],
    ),
    # a title the gazetteer does not know, ending in a known name
    (
        "قال قائد القيادة المركزية للقوات الأميركية الجنرال مايكل كوريلا: “نسعى لتجنب أي خطأ”.",
        "2022-06-18",
        [("قال", "Michael Kurilla")],
    ),
    # a source-chain marker with a speaker and no verb
    (
        "وحسب تونير، فإن الولايات المتحدة تود إقامة الحوار مع روسيا.",
        "2015-09-19",
        [("وحسب", "Mark Toner")],
    ),
    # a headline
    ("لافروف: لن نقبل محاولات تقسيم سوريا", "2018-01-01", [(":", "Sergei Lavrov")]),
    # a subject before its verb, a comma before "قد"
    (
        "وكان المتحدث باسم الخارجية الأمريكية مارك تونر، قد حذر موسكو من أي تصعيد في حلب.",
        "2016-09-01",
        [("حذر", "Mark Toner")],
    ),
    # a title the gazetteer does not know closed by a name between commas, no إن/أن
    (
        "أعلن نائب رئيس المركز الروسي للمصالحة في سوريا، فاديم كوليت، عن رصد خروقات جديدة للهدنة في ريف حماة الشمالي.",
        "2023-12-01",
        [("أعلن", "Vadim Kulit")],
    ),
    # attributed through an outlet: the source after "إلى"
    (
        "ونسبت وكالة إنترفاكس إلى ريابكوف قوله إن موسكو لن تقبل شروطا مسبقة.",
        "2018-04-01",
        [("نسبت", "Sergei Ryabkov")],
    ),
    (
        "ونسبت صحيفة واشنطن تايمز إلى (كوركر) القول إن الحرب انتهت عمليا.",
        "2017-01-01",
        [("نسبت", "Bob Corker")],
    ),
    # acknowledging, with content
    ("وأقر ماكغورك بأن التنسيق مع موسكو لم ينجح.", "2017-02-01", [("أقر", "Brett McGurk")]),
    # the object of a verb whose subject is carried by "أنه" is not a speaker
    (
        "وأكد لافروف أنه أبلغ وزير الخارجية الأمريكي جون كيري بموقف موسكو من الهدنة.",
        "2016-05-01",
        [("أكد", "Sergei Lavrov")],
    ),
    # a verb of a relative clause on a statement noun is not a new speaker
    (
        "وقال كوليت في تصريحات نقلتها وكالة تاس إن الطائرات حلقت دون تنسيق. وأضاف أن موسكو احتجت.",
        "2023-12-01",
        [("قال", "Vadim Kulit"), ("أضاف", "Vadim Kulit")],
    ),
    # a noun in ة is not a verb with an object pronoun ("إفادة" is not "أفاده")
    (
        "وقال بيسكوف إن الكرملين قدم إفادة كاملة حول اللقاء.",
        "2018-01-01",
        [("قال", "Dmitry Peskov")],
    ),
    # a long title the gazetteer does not know, closed by a full name, with no opener
    (
        "ووصفت نائبة مدير إدارة الصحافة في وزارة الخارجية الروسية ماريا زاخاروفا الزيارة بالمفيدة.",
        "2014-03-01",
        [("وصفت", "Maria Zakharova")],
    ),
    (
        "واعتبر رئيس لجنة الشؤون الدولية بمجلس الاتحاد الروسي قسطنطين كوساتشوف القرار “خطأ كبيرا”.",
        "2017-04-08",
        [("اعتبر", "Konstantin Kosachev")],
    ),
    # the same title before "كان ... قد" and its verb
    (
        "وكان نائب رئيس لجنة الدفاع في مجلس الدوما الروسي أندريه كراسوف قد حذر من الرد.",
        "2017-04-08",
        [("حذر", "Andrei Krasov")],
    ),
    # a title in apposition between commas
    (
        "ورأى المتحدث باسم الحكومة الأردنية، محمد المومني، أن الاتفاق يخدم الاستقرار.",
        "2017-11-11",
        [("رأى", "Mohammad Momani")],
    ),
]


SPEAKERS += [
    # a statement made with "أدلى بتصريحات"
    (
        "وأدلى نائب وزير الخارجية الروسي سيرغي ريابكوف بتصريحات للصحفيين في موسكو.",
        "2017-05-01",
        [("أدلى", "Sergei Ryabkov")],
    ),
    (
        "أدلت المندوبة الأمريكية لدى الأمم المتحدة بتصريح قصير عقب الجلسة.",
        "2018-02-14",
        [("أدلت", "Nikki Haley")],
    ),
    # a rank between the title and the name
    (
        "وقال المتحدث باسم التحالف الدولي العقيد ستيف وارن إن الغارات مستمرة.",
        "2016-03-01",
        [("قال", "Steve Warren")],
    ),
    # a spelling variant of a press secretary's name, in quotes
    (
        'وأوضح المتحدث باسم البيت الأبيض "جوش إيرنست" أن الاتفاق تقني.',
        "2015-10-21",
        [("أوضح", "Josh Earnest")],
    ),
    # a bare surname that is also someone else's first name
    ("وقال جيفري في ندوة بواشنطن إن الحوار مستمر.", "2019-06-04", [("قال", "James Jeffrey")]),
    # people added to the gazetteer
    (
        "وقال نائب المندوب الروسي لدى الأمم المتحدة بيتر إيليتشيف إن الهدنة صامدة.",
        "2017-04-28",
        [("قال", "Petr Iliichev")],
    ),
    (
        "وأعلنت المتحدثة باسم البنتاغون ميشيل بالدانزا أن النص النهائي جاهز.",
        "2015-10-15",
        [("أعلنت", "Michelle Baldanza")],
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), SPEAKERS)
def test_speakers(text, published, expected):
    found = [(c.cue.text, c.speaker.canonical) for c in claims_of(text, published)]
    assert found == expected


# (text, published, speaker type, country)
OTHER_SPEAKERS = [
    ("أكدت مصادر دبلوماسية في واشنطن أن الاتصالات جامدة.", None, ActorType.ANONYMOUS, "US"),
    ("وقال مصدر دبلوماسي روسي إن المشاورات بدأت في جنيف.", "2016-08-24", ActorType.ANONYMOUS, "RU"),
    (
        "قال مسؤول أمريكي طلب عدم الكشف عن اسمه إن الطائرة أسقطت بالخطأ.",
        "2018-09-18",
        ActorType.ANONYMOUS,
        "US",
    ),
    (
        "أعلن أحد كبار مسؤولي إدارة الرئيس الأمريكي أن 900 جندي سيبقون.",
        "2021-07-28",
        ActorType.ANONYMOUS,
        "US",
    ),
    (
        "وقالت وزارة الدفاع الروسية في بيان إن الطائرات عادت.",
        "2016-03-15",
        ActorType.ORGANIZATION,
        "RU",
    ),
    (
        "وذكر بيان صادر عن الخارجية الروسية أن الوزيرين بحثا الأزمة.",
        "2016-03-15",
        ActorType.ORGANIZATION,
        "RU",
    ),
    ("أعلنت واشنطن أن المباحثات أحرزت تقدما.", "2016-08-24", ActorType.STATE, "US"),
]


@pytest.mark.parametrize(("text", "published", "kind", "country"), OTHER_SPEAKERS)
def test_organisations_states_and_anonymous_sources_speak_too(text, published, kind, country):
    claims = claims_of(text, published)
    assert len(claims) == 1
    assert (claims[0].speaker.type, claims[0].speaker.country) == (kind, country)
    assert claims[0].speaker.canonical is None or kind is not ActorType.ANONYMOUS


def test_a_later_anonymous_mention_is_the_same_source():
    text = "قال مسؤول أميركي إن الضربات مستمرة. وذكر المسؤول الأميركي أن موسكو أبلغت واشنطن مسبقا."
    claims = claims_of(text, "2015-09-30")
    assert [(c.cue.text, c.speaker.type, c.speaker.country) for c in claims] == [
        ("قال", ActorType.ANONYMOUS, "US"),
        ("ذكر", ActorType.ANONYMOUS, "US"),
    ]


# --------------------------------------------------------------------------- what is not a claim

NOT_CLAIMS = [
    # a reporting verb with no speaker
    "يذكر أن موسكو وواشنطن تتوليان رئاسة المجموعة الدولية.",
    "وقال إن الاتفاق لم ينفذ بعد.",
    "ومن المتوقع أن يناقش الوزيران الملف في جنيف.",
    # a person who is only mentioned, met or called upon
    "التقى الرئيس الروسي فلاديمير بوتين بنظيره الأمريكي جو بايدن في جنيف.",
    "وكان وزيرا الخارجية قد بحثا الأسبوع الماضي اتفاقا بين بلديهما.",
    "اتصال هاتفي بين بوتين وبايدن أكد فيه الجانبان أهمية الحوار.",
    "وقال عقب لقائه الرئيس الروسي فلاديمير بوتين إن المحادثات كانت مثمرة.",
    # a verb that is not reporting here
    "ونقل الجيش معدات إلى قاعدة حميميم.",
    "وجاء رد البنتاغون على تصريحات وزير الدفاع الروسي بعد يوم.",
    "وأقر مجلس الدوما قانونا جديدا بشأن القواعد العسكرية.",
    "ونسب المحققون الهجوم إلى تنظيم داعش.",
    "أعلن عزمه زيارة موسكو ولقاء لافروف في الأسبوع المقبل.",
    # a full name after a title is only mentioned: the title's own noun, a statement noun
    "وانتقد نائب رئيس اللجنة سياسة فلاديمير بوتين في الشرق الأوسط.",
    "وانتقد عضو في البرلمان تصريحات وزارة الخارجية الروسية ماريا زاخاروفا بشدة.",
    "وكان رئيس لجنة الدفاع في مجلس الاتحاد الروسي قد التقى أندريه كراسوف في موسكو.",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_no_claim(text):
    assert claims_of(text, "2021-07-28") == ()


def test_the_object_of_a_call_is_not_the_speaker():
    claims = claims_of("دعا الكرملين لافروف إلى توضيح موقف موسكو.", "2018-01-01")
    assert speakers(claims) == ["Kremlin"]
    claims = claims_of(
        "حث السفير الروسي لدى الأمم المتحدة واشنطن على الإحجام عن أي تحرك.", "2018-04-11"
    )
    assert speakers(claims) == ["Vasily Nebenzya"]


def test_a_name_inside_someone_elses_quotation_is_not_a_speaker():
    text = "وقال بيسكوف: “كما قال لافروف، فإن الوضع صعب، وأكد كيري ذلك أيضا”."
    claims = claims_of(text, "2016-09-01")
    assert speakers(claims) == ["Dmitry Peskov"]


def test_an_addressee_is_not_the_speaker():
    text = "قال لافروف لنظيره الأمريكي جون كيري إن الهدنة هشة."
    assert speakers(claims_of(text, "2016-09-01")) == ["Sergei Lavrov"]
    text = "وقال لوكالة سبوتنيك مسؤول روسي إن الهدنة هشة."
    claims = claims_of(text, "2016-09-01")
    assert [(c.speaker.type, c.speaker.country) for c in claims] == [(ActorType.ANONYMOUS, "RU")]
    assert [a.canonical for a in claims[0].source_chain] == ["Sputnik"]


def test_an_unknown_subject_is_not_taken_for_the_previous_speaker():
    text = "قال لافروف إن الحوار مستمر. وقال الباحث في معهد الدراسات أحمد علي إن موسكو تناور."
    assert speakers(claims_of(text, "2019-01-01")) == ["Sergei Lavrov"]


def test_officials_in_the_plural_do_not_speak_for_the_last_person_named():
    text = "زار الرئيس بشار الأسد القاعدة. وقال المسؤولون إن الطائرات الأربع وصلت."
    assert ActorType.PERSON not in [c.speaker.type for c in claims_of(text, "2015-09-20")]


def test_a_continuation_agrees_in_gender():
    text = "ذكرت مصادر في وزارة الدفاع الأمريكية أن كارتر أشار إلى ضرورة الحل، مضيفة أن الوزيرين اتفقا."
    claims = claims_of(text, "2015-09-19")
    by_cue = {c.cue.text: c.speaker for c in claims}
    assert by_cue["مضيفة"].type is ActorType.ANONYMOUS
    assert by_cue["أشار"].canonical == "Ashton Carter"


def test_a_dateline_outlet_is_a_source_not_the_speaker():
    text = "رويترز حذرت روسيا، اليوم السبت، من أن أي عدوان على دمشق سيؤدي إلى تغيرات مزلزلة."
    claims = claims_of(text, "2016-10-01")
    assert [(c.speaker.canonical, [a.canonical for a in c.source_chain]) for c in claims] == [
        ("Russia", ["Reuters"])
    ]


# --------------------------------------------------------------------------- content, source chain, date

# (text, the expected content)
CONTENTS = [
    ("قال لافروف إن الحوار مستمر.", "إن الحوار مستمر"),
    ("وصرح بيسكوف، “نرى آفاقا للتعاون”.", "نرى آفاقا للتعاون"),
    ("وقال الوزير لافروف: «لن نقبل ذلك».", "لن نقبل ذلك"),
    ('وأضاف تونر "الولايات المتحدة تأمل بالتقدم".', "الولايات المتحدة تأمل بالتقدم"),
    (
        "وأكد أنتونوف أن البلدين يدركان الأهمية، حسب صحيفة “POLITICO” الأمريكية.",
        "أن البلدين يدركان الأهمية",
    ),
    (
        "وأضاف لافرنتييف خلال مقابلة مع وكالة “نوفوستي” الروسية، “نحن على استعداد”.",
        "نحن على استعداد",
    ),
]


@pytest.mark.parametrize(("text", "content"), CONTENTS)
def test_content_is_the_clause_or_the_quotation(text, content):
    claims = claims_of(text, "2021-07-28")
    assert claims[0].content is not None
    assert claims[0].content.text == content


# (text, expected source chain)
CHAINS = [
    (
        "وبحسب ما نقلته وكالة “سبوتنيك” الروسية عن أنتونوف، أكد أن البلدين يدركان الأهمية.",
        ["Sputnik"],
    ),
    (
        "أعلن أحد كبار المسؤولين الأمريكيين أن القوات باقية، حسب صحيفة “POLITICO” الأمريكية.",
        ["POLITICO"],
    ),
    (
        "أكدت مصادر دبلوماسية، مشيرة بحسب “صحيفة الشرق الأوسط” إلى أن الجهود فشلت.",
        ["Asharq Al-Awsat"],
    ),
    ("وقال لافرنتييف في مقابلة مع وكالة نوفوستي إن الحوار ممكن.", ["RIA Novosti"]),
    ("نقلت وكالة رويترز عن مسؤولين أميركيين أن البنتاغون سيعلن العدد.", ["Reuters"]),
]


@pytest.mark.parametrize(("text", "chain"), CHAINS)
def test_source_chains(text, chain):
    claims = claims_of(text, "2021-07-28")
    assert claims
    assert [a.canonical for a in claims[0].source_chain] == chain


def test_the_chain_speaker_takes_the_verb_of_the_sentence():
    text = "وبحسب ما نقلته وكالة “سبوتنيك” الروسية عن أنتونوف اليوم، أكد أن البلدين يدركان الأهمية."
    (claim,) = claims_of(text, "2021-07-28")
    assert claim.speaker.canonical == "Anatoly Antonov"
    assert claim.cue.text == "أكد"


def test_a_chain_without_a_speaker_adds_nothing():
    text = "وأضاف لافروف أن هذا الاتصال يأتي في إطار آلية منع الاصطدام، حسب قوله."
    (claim,) = claims_of(text, "2021-07-28")
    assert claim.source_chain == ()
    assert claim.content.text == "أن هذا الاتصال يأتي في إطار آلية منع الاصطدام"


def test_the_date_said_comes_from_the_clause_before_the_content():
    text = "وذكر ريابكوف، في تصريح صحفي له، الأربعاء 3 من تموز الماضي، أن التنسيق توقف منذ 2023."
    pinned = [timex(text, "الأربعاء 3 من تموز الماضي", "2024-07-03"), timex(text, "2023", "2023")]
    (claim,) = claims_of(text, "2024-11-13", timexes=pinned)
    assert claim.date == "2024-07-03"


def test_a_date_inside_the_content_is_not_when_it_was_said():
    text = "قال لافروف إن الاتفاق الموقع في 14 أيلول 2013 لم ينفذ."
    pinned = [timex(text, "14 أيلول 2013", "2013-09-14")]
    (claim,) = claims_of(text, "2016-01-01", timexes=pinned)
    assert claim.date is None


def test_a_claim_without_a_date_has_none():
    (claim,) = claims_of("قال لافروف إن الحوار مستمر.", "2016-01-01", timexes=[])
    assert claim.date is None


def test_events_inside_a_claim_carry_it():
    text = "قال شويغو إن روسيا والولايات المتحدة تحافظان على اتصالات وثيقة في سوريا."
    doc = make_document(text, "2021-02-01")
    position = text.index("اتصالات")
    claim = doc.claim_for(position, position + 7)
    assert claim is not None
    assert claim.speaker.canonical == "Sergei Shoigu"


# --------------------------------------------------------------------------- the samples


def test_sample_speakers_match_the_gold(sample_articles, sample_gold):
    pipeline = make_pipeline(builtins=False)
    gold = {g["id"]: g for g in sample_gold}
    for article in sample_articles:
        result = pipeline.run(article)
        found = {
            c.speaker.canonical.split()[-1].lower()
            for c in result.claims
            if c.speaker.type is ActorType.PERSON and c.speaker.canonical
        }
        wanted = {c["speaker"] for c in gold[article["id"]]["claims"]}
        required = {c["speaker"] for c in gold[article["id"]]["claims"] if c.get("core", True)}
        assert required <= found <= wanted, article["id"]


# --------------------------------------------------------------------------- fast paths
# Cues are read off the words, and the checks around them skip their patterns
# where the answer is sure. Each must agree with the pattern it stands in for.

_CUE_GROUPS = ("conj", "chain", "verb", "suffix", "npre", "noun")


def _cue_texts(count: int, seed: int) -> list[str]:
    """Cue words with conjunctions, prepositions, endings and neighbours."""
    lexicon = core_lexicon()
    c = cues(lexicon)
    words = sorted(
        [
            *c.forms,
            *c.nouns,
            *lexicon.words("cues", "chain", "markers"),
            *lexicon.words("cues", "chain", "mouth"),
            *c.opener_words,
        ]
    )
    pick = random.Random(seed)
    return [
        pick.choice(["", "و", "ف", "ب", "ل", "فل", "x"])
        + pick.choice(words)
        + pick.choice(["", "ه", "ها", "هم", "هما", "ا", "-ه", "ت"])
        + pick.choice([" ", ", ", ".", ":", "«", "\n", "", " ما ", " عن "])
        + pick.choice(words)
        for _ in range(count)
    ]


def test_cues_are_read_as_the_cue_pattern_reads_them(sample_articles):
    c = cues(core_lexicon())
    texts = [normalize(a["text"]).text for a in sample_articles] + _cue_texts(4000, 5)
    found = 0
    for text in texts:
        for word in WORD.finditer(text):
            slow = c.cue.match(text, word.start())
            fast = c.finder.match(text, word.start(), word.end())
            assert (fast is None) == (slow is None), (text, word.group())
            if slow is None:
                continue
            found += 1
            assert fast.span() == slow.span(), text
            for group in _CUE_GROUPS:
                assert fast[group] == slow[group], (text, group)
                if slow[group] is not None:
                    assert fast.span(group) == slow.span(group), (text, group)
    assert found > 3000


def _finder(text: str) -> _Finder:
    doc = make_document(text, "2021-07-28")
    lexicon = doc.lexicon
    return _Finder(doc, cues(lexicon), gazetteer(lexicon))


GAPS = [
    "",
    " ",
    " , ",
    " أمس، ",
    " أمس ",
    " اليوم الأربعاء، ",
    " لوكالة ",
    " وكالة ",
    " من جهته ",
    " من جهتها، ",
    " (سبوتنيك) ",
    " “ ",
    " في وقت سابق ",
    " إن ",
    "لافروف",
    "، أيضا، لافروف",
    " - ",
    "\n",
    " أمس،الثلاثاء ",
]


@pytest.mark.parametrize("gap", GAPS)
def test_clean_agrees_with_the_filler_patterns(gap):
    finder = _finder("قال لافروف إن الحوار مستمر.")
    gap = normalize(gap).text
    rest = finder.media_nouns.sub(" ", finder.c.filler.sub(" ", gap))
    assert finder.clean(gap) is (PUNCT_GAP.fullmatch(rest) is not None)


@pytest.mark.parametrize(
    "after",
    [
        "في حديثه, إن",
        "أمس الثلاثاء لافروف إن",
        ", “لن نسمح”",
        ": «من الواضح»",
        "من جهته أن",
        "مجددا، أن البلدين",
        "أيضا",
        "",
        "الأربعاء 28 تموز، أن",
        "بحسب ما نقلته وكالة",
        "ان " * 40 + "الحوار",
        "أمس " * 30 + "لافروف",
    ],
)
def test_first_word_agrees_with_the_filler_pattern(after):
    text = normalize("وأضاف " + after).text
    finder = _finder(text)
    start = len("واضاف")
    words = finder.c.filler.sub(" ", finder.strip(start, len(text))).split()
    assert finder.first_word(start, len(text)) == (words[0] if words else None)


def test_quote_and_mention_lookups_agree_with_their_definitions(sample_articles):
    pipeline = make_pipeline()
    for article in sample_articles:
        doc = pipeline.analyze(article)
        finder = _Finder(doc, cues(doc.lexicon), gazetteer(doc.lexicon))
        assert finder.quotes
        for position in range(len(finder.text) + 1):
            inside = any(a < position < b for a, b in finder.quotes)
            assert finder.in_quote(position) is inside
            covered = any(m.nstart <= position < m.nend for m in finder.mentions)
            assert finder.covered(position) is covered
        for start in range(0, len(finder.text), 7):
            assert finder.relative_at(start) is (
                finder.c.relative.match(finder.text, start) is not None
            )
            slow = finder.c.statement.match(finder.text, start)
            fast = finder.statement_at(start)
            assert (fast and fast.span()) == (slow and slow.span())


# --------------------------------------------------------------------------- harder attributions

# (text, published, [(cue, speaker canonical)])
ATTRIBUTIONS = [
    # a title apposed to the name, between commas, after or before the verb
    (
        "قال السناتور الجمهوري، جون ماكين، رئيس لجنة القوات المسلحة، إن روسيا تتحمل المسؤولية.",
        "2016-10-01",
        [("قال", "John McCain")],
    ),
    (
        "وكان جون ماكين، رئيس لجنة القوات المسلحة، قال إن روسيا تتحمل المسؤولية.",
        "2016-10-01",
        [("قال", "John McCain")],
    ),
    # reporting verbs of praise, welcome, criticism and their participles
    ("أشاد لافروف بالتعاون مع أنقرة.", "2019-01-01", [("أشاد", "Sergei Lavrov")]),
    ("ورحب بيسكوف بالاتفاق الروسي التركي.", "2019-01-01", [("رحب", "Dmitry Peskov")]),
    (
        "وانتقدت زاخاروفا الموقف الأمريكي، مشيدة بالدور التركي.",
        "2019-01-01",
        [("انتقدت", "Maria Zakharova"), ("مشيدة", "Maria Zakharova")],
    ),
    ("وبينت زاخاروفا أن الحل سياسي.", "2019-01-01", [("بينت", "Maria Zakharova")]),
    ("وندد لافروف بالضربات الأمريكية على سوريا.", "2018-04-14", [("ندد", "Sergei Lavrov")]),
    # "مجددا" renewing a statement, and "مجددا" meaning "again"
    (
        "قال لافروف إن الحل سياسي، مجددا التأكيد على أن موسكو مستعدة.",
        "2019-01-01",
        [("قال", "Sergei Lavrov"), ("مجددا", "Sergei Lavrov")],
    ),
    (
        "قال لافروف إن الحل سياسي. ورأى مجدداً أن الحوار ضروري.",
        "2019-01-01",
        [("قال", "Sergei Lavrov"), ("رأى", "Sergei Lavrov")],
    ),
    ("أكد لافروف مجددا التزام موسكو بأن الحل سياسي.", "2019-01-01", [("أكد", "Sergei Lavrov")]),
    # a topic: its speaker unless the verb points back to it
    ("أما لافروف، فقد حذر من التصعيد.", "2019-01-01", [("حذر", "Sergei Lavrov")]),
    ("أما لافروف فقد حذره بلينكن من التصعيد.", "2021-06-01", [("حذر", "Antony Blinken")]),
    # a name closing a title, then the object of the verb
    (
        "أشاد نائب رئيس الوزراء الروسي يوري بوريسوف بالعلاقات الروسية السورية.",
        "2020-01-01",
        [("أشاد", "Yuri Borisov")],
    ),
    ("وأكد برايس أن الحل سياسي.", "2021-02-03", [("أكد", "Ned Price")]),
    # a bare title after its only holder was named
    (
        "أعلن الوزير التركي مولود جاويش أوغلو أن أنقرة مستعدة. وقال وزير الخارجية إن الحل سياسي.",
        "2019-01-01",
        [("أعلن", "Mevlut Cavusoglu"), ("قال", "Mevlut Cavusoglu")],
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), ATTRIBUTIONS)
def test_harder_attributions(text, published, expected):
    claims = claims_of(text, published)
    assert [(c.cue.text, c.speaker.canonical) for c in claims] == expected


NOT_ATTRIBUTED = [
    # "مجددا" = again, after a verb that has its own speaker
    ("قال لافروف إن الحل سياسي. ورأى مجدداً أن الحوار ضروري.", "مجدداً"),
    ("وعاد لافروف مجددا إلى القول إن الحل سياسي.", "مجددا"),
    # an apposition naming another person is no title of the speaker
    ("قال السناتور الجمهوري، جون ماكين، بعد لقائه لافروف، إن روسيا تتحمل المسؤولية.", "قال"),
    ("أعلن عزمه لقاء لافروف، وزير الخارجية الروسي، الأسبوع المقبل.", "أعلن"),
]


@pytest.mark.parametrize(("text", "cue"), NOT_ATTRIBUTED)
def test_not_a_cue_here(text, cue):
    assert cue not in [c.cue.text for c in claims_of(text, "2019-01-01")]


def test_an_unknown_subject_before_the_verb_is_not_the_previous_speaker():
    text = "قال لافروف إن الحل سياسي. المحلل أكثم سليمان اعتبر أن الأمر خطير."
    assert speakers(claims_of(text, "2019-01-01")) == ["Sergei Lavrov"]
    text = "قال لافروف إن الحل سياسي. أكثم سليمان اعتبر أن الأمر خطير."
    assert speakers(claims_of(text, "2019-01-01")) == ["Sergei Lavrov"]
    # a clause opened by a preposition or "وكان قد" still continues him
    for second in ("وفي السياق ذاته أكد أن الأمر خطير.", "وكان قد أكد أن الأمر خطير."):
        claims = claims_of("قال لافروف إن الحل سياسي. " + second, "2019-01-01")
        assert speakers(claims) == ["Sergei Lavrov", "Sergei Lavrov"]


def test_a_topic_pointed_back_to_is_not_the_speaker():
    text = "أما روسيا، فقد حذرها من التصعيد، مؤكدا أن الرد سيكون حاسما."
    assert claims_of(text, "2019-01-01") == ()
    text = "قال كيربي إن واشنطن قلقة. أما روسيا، فقد حذرها قائلا إن الرد سيكون حاسما."
    assert "Russia" not in speakers(claims_of(text, "2021-06-01"))


def test_a_bare_title_with_two_holders_named_is_nobody():
    text = (
        "التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي في أنقرة. "
        "وقال وزير الخارجية إن الحل سياسي. وأكد الوزير أن موسكو مستعدة."
    )
    assert speakers(claims_of(text, "2019-01-01")) == []


# --------------------------------------------------------------------------- people the gazetteer does not know


def test_unknown_person_after_title_and_date_is_not_the_previous_speaker():
    text = (
        "قال المتحدث باسم البنتاغون باتريك رايدر إن المهمة مستمرة. "
        "وصرح الشهر الماضي، مساعد وزير الخارجية الأميركي، جون كالدويل، أن الحوار قائم. "
        "وأضاف كالدويل أن واشنطن تنتظر الرد."
    )
    found = claims_of(text, "2023-05-01")
    assert speakers(found)[0] == "Pat Ryder"
    later = [c for c in found if c.cue.start > text.index("وصرح")]
    assert later
    assert all(c.speaker.canonical is None for c in later)
    assert later[0].speaker.name == "جون كالدويل"
    assert later[0].speaker.type is ActorType.PERSON
    assert later[-1].speaker.name == "كالدويل"


def test_name_after_title_wins_over_the_holder():
    text = "وقال المتحدث باسم الخارجية الأميركية إيغور ستانتون إن الاتفاق قريب."
    (claim,) = claims_of(text, "2016-05-01")
    assert claim.speaker.canonical is None
    assert claim.speaker.name == "إيغور ستانتون"


def test_another_spelling_of_the_holder_keeps_the_holder():
    text = "ذكرت وزارة الدفاع الروسية أن الهدنة صامدة. وقال المتحدث باسم الوزارة إيغور كوناشينكوفف إن الوضع هادئ."
    assert speakers(claims_of(text, "2017-05-01")) == [
        "Ministry of Defence of Russia",
        "Igor Konashenkov",
    ]


def test_ministry_pointed_back_is_the_one_speaking_not_the_one_reported():
    text = (
        "أعلنت وزارة الدفاع الروسية أن البنتاغون وافق على الوثيقة. "
        "وقال المتحدث باسم الوزارة إن الاتصالات مستمرة."
    )
    found = claims_of(text, "2017-05-01")
    assert speakers(found)[-1] == "Igor Konashenkov"


def test_common_word_is_no_given_name():
    text = "قال لافروف إن الحوار مستمر. وأضاف على هامش الاجتماع أن موسكو مستعدة."
    assert speakers(claims_of(text, "2017-05-01")) == ["Sergei Lavrov", "Sergei Lavrov"]


def test_listed_speakers_each_speak():
    text = "وأعرب كل من الرئيس الروسي فلاديمير بوتين، ونظيره الأميركي دونالد ترامب، عن ترحيبهما بالاتفاق."
    assert speakers(claims_of(text, "2017-05-01")) == ["Vladimir Putin", "Donald Trump"]


def test_comma_without_listing_does_not_coordinate():
    assert speakers(claims_of("وقال لافروف، وكيري إن الهدنة صامدة.", "2016-05-01")) == [
        "Sergei Lavrov"
    ]


def test_opinion_noun_is_no_cue():
    text = "قال لافروف إن الحوار مستمر.\nالمصدر: رأي اليوم"
    assert [c.cue.text for c in claims_of(text, "2017-05-01")] == ["قال"]
    assert speakers(claims_of("ورأى لافروف أن الحل سياسي.", "2017-05-01")) == ["Sergei Lavrov"]


def test_new_gazetteer_people():
    text = "وقال إيغور كوناشنيكوف إن الهدنة صامدة. وأكد جون فاينر أن القوات باقية."
    assert speakers(claims_of(text, "2022-05-01")) == ["Igor Konashenkov", "Jon Finer"]


# --------------------------------------------------------------------------- function words are data
#
# The particles the finder reads around cues and speakers live in ``cues.toml``
# ([particles], [chain], [gender]): a word added through the lexicon is read.

# (path in the cues table, the compiled attribute, a text, how it is tried, a word to add)
_PARTICLES = [
    (("particles", "topic_verb"), "topic_gap", "، لقد ", "fullmatch", "لقد"),
    (("particles", "subject_verb"), "svo_gap", " لقد ", "fullmatch", "لقد"),
    (("particles", "about"), "about", " من زاخاروفا", "match", "من"),
    (("particles", "about"), "relayed", " وكالة تاس من زاخاروفا", "match", "من"),
    (("particles", "attributed_to"), "to", " وكالة تاس على ريابكوف", "match", "على"),
    (("particles", "title_close"), "title_close", " حول تسجيل", "match", "حول"),
    (("particles", "title_close_attached"), "title_close", " للعلاقات", "match", "لل"),
    (("particles", "adjunct"), "adjunct", " بعد لقائه", "match", "بعد"),
    (("particles", "listed"), "listed", "أعرب جميع من بوتين", "search", "جميع من"),
]


def _extended_cues(path: tuple[str, ...], words: list[str]):
    data: dict = {path[-1]: words}
    for step in reversed(path[:-1]):
        data = {step: data}
    return cues(core_lexicon().extended("cues", data, origin="test"))


@pytest.mark.parametrize(("path", "attribute", "text", "how", "word"), _PARTICLES)
def test_particles_are_read_from_the_lexicon(path, attribute, text, how, word):
    def tried(c) -> object:
        return getattr(getattr(c, attribute), how)(normalize(text).text)

    assert tried(cues(core_lexicon())) is None
    assert tried(_extended_cues(path, [word])) is not None


def test_relay_words_are_read_from_the_lexicon():
    text = " مثلما نقلت عنه وكالة"

    def tail(c) -> int:
        return c.chain_tail.match(text).end()

    assert tail(cues(core_lexicon())) == 1
    assert tail(_extended_cues(("chain", "relay_heads"), ["مثلما"])) == len(" مثلما نقلت ")
    both = core_lexicon().extended(
        "cues", {"chain": {"relay_heads": ["مثلما"], "relay_objects": ["عنه"]}}, origin="test"
    )
    assert tail(cues(both)) == len(" مثلما نقلت عنه ")


def test_markers_after_the_content_and_counterparts_are_read_from_the_lexicon():
    core = cues(core_lexicon())
    assert "كما" not in core.chain_before
    assert "حسبما" in core.chain_before
    assert "كما" in _extended_cues(("chain", "before"), ["كما"]).chain_before
    assert core.counterpart_stems == ("نظير",)
    assert core.feminine_counterpart_stems == ("نظيرت",)
    extended = _extended_cues(("gender", "counterpart_stems"), ["زميل"])
    assert extended.counterpart_stems == ("نظير", "زميل")


def test_a_listing_phrase_added_to_the_lexicon_lists_speakers():
    text = "وأعرب جميع من الرئيس الروسي فلاديمير بوتين، ونظيره الأميركي دونالد ترامب، عن ترحيبهما."
    doc = make_document(text, "2017-05-01")
    assert speakers(doc.claims) == ["Vladimir Putin"]
    lexicon = doc.lexicon.extended("cues", {"particles": {"listed": ["جميع من"]}}, origin="test")
    listed = attrs.evolve(doc, lexicon=lexicon)
    assert speakers(find_claims(listed)) == ["Vladimir Putin", "Donald Trump"]


# --------------------------------------------------------------------------- a name in an aside after a title


def test_relayed_title_with_a_ranked_unknown_name_in_an_aside_is_that_person():
    text = (
        "نقلت وكالة تاس عن المتحدث باسم وزارة الدفاع الروسية، اللواء فاليري ستروغانوف، "
        "قوله إن الوضع في إدلب هادئ."
    )
    (claim,) = claims_of(text, "2017-05-01")
    assert claim.speaker.canonical is None
    assert claim.speaker.name == "فاليري ستروغانوف"
    assert claim.speaker.type is ActorType.PERSON
    assert [a.canonical for a in claim.source_chain] == ["TASS"]
    assert claim.content is not None
    assert claim.content.text == "إن الوضع في إدلب هادئ"


def test_relayed_title_with_an_unranked_unknown_name_in_an_aside_is_that_person():
    text = "نقلت وكالة رويترز عن قائد القوات الجوية الأميركية، مايكل ستيرنفيلد، قوله إن الطائرات اقتربت."
    (claim,) = claims_of(text, "2021-07-28")
    assert claim.speaker.canonical is None
    assert claim.speaker.name == "مايكل ستيرنفيلد"


def test_relayed_title_with_a_known_name_in_an_aside_is_that_person_not_the_holder():
    text = "نقلت وكالة تاس عن المتحدث باسم الخارجية الأميركية، سيرغي لافروف، قوله إن الحل سياسي."
    (claim,) = claims_of(text, "2017-05-01")
    assert claim.speaker.canonical == "Sergei Lavrov"
    assert claim.speaker.name == "سيرغي لافروف"
    assert claim.content is not None
    assert claim.content.text == "إن الحل سياسي"


def test_relayed_title_with_a_ranked_known_holder_in_an_aside_keeps_the_holder():
    text = (
        "نقلت وكالة تاس عن المتحدث باسم وزارة الدفاع الروسية، اللواء إيغور كوناشينكوف، "
        "قوله إن الهدنة صامدة."
    )
    assert speakers(claims_of(text, "2017-05-01")) == ["Igor Konashenkov"]


def test_ranked_unknown_name_in_an_aside_after_a_verb_is_that_person():
    text = "وقال قائد القوات الجوية الأميركية، الجنرال مايكل ستيرنفيلد، إن الطائرات اقتربت."
    (claim,) = claims_of(text, "2021-07-28")
    assert claim.speaker.canonical is None
    assert claim.speaker.name == "مايكل ستيرنفيلد"


@pytest.mark.parametrize(
    "aside",
    [
        "",  # no aside: the title's holder
        "، في تصريح مقتضب،",  # an aside naming no one
        "، الذي زار دمشق أمس،",  # a relative clause, not a name
    ],
)
def test_relayed_title_without_a_named_aside_is_the_holder(aside):
    text = f"نقلت وكالة تاس عن المتحدث باسم وزارة الدفاع الروسية{aside} قوله إن الهدنة صامدة."
    assert speakers(claims_of(text, "2017-05-01")) == ["Igor Konashenkov"]


# --------------------------------------------------------------------------- a subject set off before its verb
#
# A named subject written before a past-tense verb may be set off by a comma ("أن
# سوليفان، صرح") and closes a title with no nationality word ("مستشار الأمن القومي"); the
# pluperfect "كان X قد قال" is read the same. Names only mentioned before a comma (an
# object, someone inside a relative clause) stay what they were.

# (text, published, [(cue, speaker canonical)])
SUBJECT_SET_OFF = [
    # a title ending in a definite noun, then the name: with a comma or without
    (
        "ويشار إلى أن مستشار الأمن القومي جيك سوليفان، صرح أمس بأن واشنطن لن تسحب قواتها.",
        "2021-06-01",
        [("صرح", "Jake Sullivan")],
    ),
    (
        "ويشار إلى أن مستشار الأمن القومي جيك سوليفان صرح أمس بأن واشنطن لن تسحب قواتها.",
        "2021-06-01",
        [("صرح", "Jake Sullivan")],
    ),
    # at the head of the sentence
    (
        "مستشار الأمن القومي جيك سوليفان، حذر من أن الهدنة هشة.",
        "2021-06-01",
        [("حذر", "Jake Sullivan")],
    ),
    ("لافروف، أكد في مؤتمر صحفي أن الحوار مستمر.", "2019-05-01", [("أكد", "Sergei Lavrov")]),
    # the pluperfect, with a title the gazetteer does not know, a comma or both
    (
        "وكان منسق الاتصالات الاستراتيجية جون كيربي قد حذر من أن الهدنة هشة.",
        "2022-05-01",
        [("حذر", "John Kirby")],
    ),
    (
        "وكان مستشار الأمن القومي، جيك سوليفان، قد أكد أن واشنطن لن تنسحب.",
        "2021-06-01",
        [("أكد", "Jake Sullivan")],
    ),
    (
        "وكان وزير الخارجية الروسي سيرغي لافروف، قد أكد أن الحوار مستمر.",
        "2019-05-01",
        [("أكد", "Sergei Lavrov")],
    ),
    # after other words that open a subject
    (
        "إلا أن وزير الخارجية الروسي سيرغي لافروف، شدد على أن الحوار مستمر.",
        "2019-05-01",
        [("شدد", "Sergei Lavrov")],
    ),
    (
        "كما أن زاخاروفا، نفت وجود أي اتصالات مع واشنطن.",
        "2019-05-01",
        [("نفت", "Maria Zakharova")],
    ),
    # a topic at the head of the sentence: the subject written after the verb speaks
    (
        "موسكو، قال نائب وزير الخارجية سيرغي ريابكوف إن الحوار مستمر.",
        "2019-05-01",
        [("قال", "Sergei Ryabkov")],
    ),
    # an object before a comma: the sentence's subject continues, not the counterpart
    (
        "التقى لافروف نظيره الأمريكي، وقال إن الحوار مستمر.",
        "2019-05-01",
        [("قال", "Sergei Lavrov")],
    ),
    # a state inside someone's clause is his account of it, comma or not
    ("وأكد لافروف أن روسيا، حذرت من التصعيد.", "2019-05-01", [("أكد", "Sergei Lavrov")]),
]


@pytest.mark.parametrize(("text", "published", "expected"), SUBJECT_SET_OFF)
def test_a_subject_set_off_before_its_verb(text, published, expected):
    claims = claims_of(text, published)
    assert [(c.cue.text, c.speaker.canonical) for c in claims] == expected


@pytest.mark.parametrize(
    ("text", "not_speaker"),
    [
        # the object of the verb before the comma
        ("وبعد أن استقبل بوتين لافروف، قال إن الحوار مستمر.", "Sergei Lavrov"),
        # a title holding a verb: the name is its object ("التقى ... لافروف")
        (
            "وذكرت الخارجية الأمريكية أن الوزير التقى نظيره الروسي سيرغي لافروف، قال إن الحوار مستمر.",
            "Sergei Lavrov",
        ),
        # a name inside a relative clause on the subject
        (
            "وذكرت وكالة رويترز أن وزير الدفاع الذي التقى أوستن، قال إن الطائرات اقتربت.",
            "Lloyd Austin",
        ),
    ],
)
def test_a_name_set_off_by_a_comma_that_is_not_the_subject(text, not_speaker):
    assert not_speaker not in speakers(claims_of(text, "2021-06-01"))


def test_a_comma_alone_before_a_present_tense_verb_is_no_subject_gap():
    assert claims_of("كما أن زاخاروفا، تقول إن الاتصالات مستمرة.", "2019-05-01") == ()
    assert speakers(claims_of("كما أن زاخاروفا تقول إن الاتصالات مستمرة.", "2019-05-01")) == [
        "Maria Zakharova"
    ]


def test_an_unknown_person_before_a_pluperfect_verb_speaks_and_is_named_again():
    text = (
        "قال لافروف إن الحوار مستمر. وكان إيغور فلادينوف قد حذر من أن الهدنة هشة. "
        "وأضاف فلادينوف أن الاتصالات مستمرة."
    )
    claims = claims_of(text, "2019-05-01")
    assert [(c.cue.text, c.speaker.canonical, c.speaker.name) for c in claims] == [
        ("قال", "Sergei Lavrov", "لافروف"),
        ("حذر", None, "إيغور فلادينوف"),
        ("أضاف", None, "فلادينوف"),
    ]
    assert claims[1].speaker.type is ActorType.PERSON


# --------------------------------------------------------------------------- a relative clause on a statement

# (text, published, [(cue, speaker canonical)])
STATEMENT_RELATIVE = [
    # the author right after the statement noun; a title and a name in an aside, a date
    (
        "وجاءت الخطوة بعد كلمة بوتين التي أكد فيها أن موسكو لن تتخلى عن حلفائها.",
        "2019-05-01",
        [("أكد", "Vladimir Putin")],
    ),
    (
        "وجاءت الخطوة بعد كلمة الرئيس الروسي، فلاديمير بوتين، أمس، التي أكد فيها أن موسكو لن تتخلى عن حلفائها.",
        "2019-05-01",
        [("أكد", "Vladimir Putin")],
    ),
    (
        "وأثارت تصريحات زاخاروفا التي قالت فيها إن واشنطن تدعم الإرهاب ردود فعل واسعة.",
        "2019-05-01",
        [("قالت", "Maria Zakharova")],
    ),
    # an institution; the name after "in which" is the verb's object
    (
        "ورد البنتاغون على بيان الخارجية الروسية الذي اتهمت فيه واشنطن بخرق الاتفاق.",
        "2019-05-01",
        [("اتهمت", "Ministry of Foreign Affairs of Russia")],
    ),
    # no statement noun, or none with an author right after it: the relative verb is nobody's
    ("في الاجتماع الذي قال فيه مسؤولون إن الحوار مستمر، لم يحضر لافروف.", "2019-05-01", []),
    ("وفي المؤتمر الذي قال فيه لافروف إن الحوار مستمر، حضر صحفيون.", "2019-05-01", []),
    ("وأشار إلى رسالة ترامب إلى بوتين التي قال فيها إن الحوار ضروري.", "2019-05-01", []),
    # the relative word points to the statement, said of it by someone else
    ("وجاء ذلك في بيان الخارجية الروسية الذي رحبت به واشنطن.", "2019-05-01", []),
    ("وأثارت تصريحات زاخاروفا التي رد عليها المتحدث باسم البنتاغون جدلا.", "2019-05-01", []),
    # the verb does not agree with the author
    ("وأثارت تصريحات زاخاروفا التي قال فيها إن واشنطن تدعم الإرهاب ردود فعل.", "2019-05-01", []),
]


@pytest.mark.parametrize(("text", "published", "expected"), STATEMENT_RELATIVE)
def test_a_verb_in_a_relative_clause_on_a_statement_has_its_author_for_subject(
    text, published, expected
):
    claims = claims_of(text, published)
    assert [(c.cue.text, c.speaker.canonical) for c in claims] == expected


def test_a_relative_clause_on_a_statement_has_what_follows_in_it_as_content():
    text = "وأثارت كلمة الرئيس الروسي، فلاديمير بوتين، التي قال فيها إن الحوار مع واشنطن مفيد."
    (claim,) = claims_of(text, "2018-07-01")
    assert claim.speaker.canonical == "Vladimir Putin"
    assert claim.cue.text == "قال"
    assert claim.content is not None
    assert claim.content.text == "إن الحوار مع واشنطن مفيد"


def test_the_relative_words_of_a_statement_are_read_from_the_lexicon():
    text = "وجاء ذلك في بيان الخارجية الروسية الذي أكدت عبره أن موسكو لن تتراجع."
    doc = make_document(text, "2019-05-01")
    assert doc.claims == ()
    words = {"relative": {"words": ["عبره"]}}
    lexicon = doc.lexicon.extended("cues", words, origin="test")
    assert find_claims(attrs.evolve(doc, lexicon=lexicon)) == ()
    words["relative"]["in_statement"] = ["عبره"]
    lexicon = doc.lexicon.extended("cues", words, origin="test")
    assert speakers(find_claims(attrs.evolve(doc, lexicon=lexicon))) == [
        "Ministry of Foreign Affairs of Russia"
    ]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("قمة «هلسنكي 2018» بعد", [(4, 16)]),
        ("قمة «هلسنكي 2018 « بعد توتر", [(4, 17)]),  # an opening mark typed for the closing
        ("قال: «نحن «مستعدون» للحوار»", [(5, 26), (10, 18)]),
    ],
)
def test_quotations_pair_up(text: str, spans: list[tuple[int, int]]) -> None:
    assert quote_spans(text) == spans


def test_a_mistyped_closing_mark_does_not_swallow_a_later_claim() -> None:
    text = "تعقد قمة «هلسنكي 2018 « بعد توتر طويل. وعلق ترامب قائلا: «سيكون يوما رائعا»."
    claims = Pipeline(entrypoints=False).run(text, published="2018-07-16").claims
    assert "Donald Trump" in [c.speaker.canonical for c in claims]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # the relative pronoun points back to who speaks
        ("وجاء ذلك بعد تصريحات لافروف، الذي قال إن موسكو مستعدة للحوار.", ["Sergei Lavrov"]),
        (
            "وسيمثل روسيا ميخائيل بوغدانوف نائب وزير الخارجية الروسي الذي صرح بأن اللقاء قريب.",
            ["Mikhail Bogdanov"],
        ),
        ("والتقى بوتين بالوزير كيري الذي أكد أن واشنطن تريد التهدئة.", ["John Kerry"]),
        # a subject after the verb: the pronoun is its object
        ("وتحدث عن الحرب في سوريا التي قالت الأمم المتحدة إنها الأسوأ.", ["United Nations"]),
        # the verb must agree with the one named before the pronoun
        ("وكانت زاخاروفا التي قال إنها ستزور دمشق.", []),
    ],
)
def test_a_relative_pronoun_before_the_verb_points_to_the_speaker(
    text: str, speakers: list[str]
) -> None:
    claims = Pipeline(entrypoints=False).run(text, published="2017-06-01").claims
    assert [c.speaker.canonical for c in claims] == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # و or ف on the verb: a clause of its own, the pronoun after it is its object
        ("فرد عليه كيري: لن نقبل بذلك.", ["John Kerry"]),
        ("ورد عليه لافروف بأن موسكو لن تتراجع.", ["Sergei Lavrov"]),
        # with no conjunction, a verb right after a noun opens a relative clause on it
        ("وفي اتصال هاتفي أكد فيه لافروف ضرورة التهدئة، جرى بحث الوضع.", []),
    ],
)
def test_a_pronoun_after_a_coordinated_verb_is_its_object(text: str, speakers: list[str]) -> None:
    claims = Pipeline(entrypoints=False).run(text, published="2016-05-01").claims
    assert [c.speaker.canonical for c in claims] == speakers
