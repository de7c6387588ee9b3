"""The compiled patterns of the date resolver.

Each pattern is one family of expressions. Words come from
:class:`~syrdiplo._dates_lexicon.DateWords`: a template names a word list as
``\\L<name>``, and the list is written into the pattern as a trie (``ال(?:سبت|
جمعه|...)``), so a position that cannot start a word fails on its first
letter. Longer words are tried before their prefixes (``كانون الثاني`` before
``كانون``). The patterns are compiled with the standard library's ``re``,
which scans such tries several times faster than the ``regex`` module scans
``\\L<name>`` lists. The structure lives here; the words in the data files.

Templates use a few placeholders so the regexes stay readable:
``_S_`` one or more spaces (never a line break), ``_O_`` optional spaces,
``_B_`` a word start, ``_E_`` a word end, ``_NL_`` no letter follows,
``_Y_`` a Gregorian year.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import attrs

from ._dates_heads import HeadFinder
from ._dates_lexicon import DateWords, word_key

__all__ = ["DatePatterns", "build_patterns", "trie"]

_PLACEHOLDERS = {
    "_S_": r"[^\S\n]+",
    "_O_": r"[^\S\n]*",
    "_B_": r"(?<!\w)",
    "_E_": r"(?!\w)",
    # a conjunction attached to the first word ("وأمس", "وفي 2015"), and ب or ك before its
    # article ("بالعام الماضي"), left out of the span
    "_PRO_": r"(?P<pro>(?:[وف](?=\w))?(?:[بك](?=ال))??)",
    "_NL_": r"(?![^\W\d_])",
    # a Gregorian year: 1800-2199, not part of a longer number or of a d/m/y date
    "_Y_": r"(?:1[89]|20|21)\d\d(?!\d)(?![.,/:]\d)(?!-\d{1,2}(?!\d))",
}
_LIST = re.compile(r"\\L<(\w+)>")


def trie(words: Iterable[str], key: Callable[[str], str] = word_key) -> str:
    """A regex matching any of ``words`` (normalised by ``key``), longest first, as a trie."""
    root: dict[str, dict] = {}
    for word in {key(w) for w in words}:
        if not word:
            continue
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    if not root:
        return "(?!)"
    return _emit(root)


def _emit(node: dict[str, dict]) -> str:
    branches = []
    for char in sorted(c for c in node if c):
        literal = r"\x20" if char == " " else re.escape(char)
        branches.append(literal + _emit(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


def _expand(words: DateWords, template: str) -> str:
    for key, value in _PLACEHOLDERS.items():
        template = template.replace(key, value)
    return _LIST.sub(lambda m: "(?:" + trie(words.lists[m.group(1)]) + ")", template)


def _compile(words: DateWords, template: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(_expand(words, template), flags | re.VERBOSE)


# ---------------------------------------------------------------- pieces

# A weekday before a date: "الجمعة 18 أيلول", "يوم الأربعاء، 28 تموز", "الخميس الموافق 3 آب".
_WEEKDAY_BEFORE = r"""
    (?:(?P<part>\L<part>)_S_)?
    (?:\L<dayword>_S_)?
    (?P<wd>\L<weekday>)_NL_
    _O_,?_O_
    (?:\L<corresp>_S_)?
"""


def _day(tag: str) -> str:
    """A day of the month: digits ("28", "الـ28") or an ordinal word ("الثالث")."""
    return rf"""
        (?:(?:ال_O_)?(?P<d{tag}>[0-3]?\d)(?!\d)(?![.:/,]\d)|(?P<o{tag}>\L<ordinal>)_NL_)
    """


# "و", "-", "إلى", "حتى" between the two ends of a range
_RANGE_SEP = r"(?:_O_[-–]_O_|_O_\L<c_and>_O_|_S_\L<c_to>_S_)"  # "26 و27", "3و4" too


def _months(tag: str) -> str:
    """A month name, maybe doubled: "أغسطس/آب", "آب (أغسطس)", "أبريل نيسان", "شهر تموز"."""
    return rf"""
        (?:(?P<mw{tag}>\L<cue_month_word>)_S_)?
        (?P<m{tag}>\L<gmonth>)_NL_
        (?:(?:_O_[/\\|\-–]_O_|_S_)(?P<mb{tag}>\L<gmonth>)_NL_  # "أبريل نيسان" too
          |_O_\(_O_(?P<mc{tag}>\L<gmonth>)_O_\))?
    """


def _year_after(tag: str) -> str:
    """What may follow a month: a year, a year named relatively, or a direction."""
    return rf"""
        (?:
            (?:_O_[,\-–]_O_|_S_(?:\L<c_of>_S_)?)  # "يناير-2020" too
            (?:(?P<ycue{tag}>\L<cue_year>)_S_)?
            (?P<y{tag}>_Y_)
            (?:_O_(?P<era{tag}>\L<era_g>)_NL_)?
          |
            _S_(?:\L<c_of>_S_)?
            (?:(?P<ythis{tag}>\L<this>)_S_(?P<ypa{tag}>\L<year_period>)
              |(?P<ypb{tag}>\L<year_period>)_S_(?P<ydir{tag}>\L<direction>)
              |(?P<ysame{tag}>\L<year_period>_S_\L<same_after>
                |\L<same_before>_S_\L<year_period>))_NL_  # "من العام نفسه": no value
          |
            _S_(?P<mdir{tag}>\L<direction>)_NL_
        )
    """


# ---------------------------------------------------------------- families

# "الأربعاء 28 من تموز", "13 من تموز الحالي", "يومي 26 و27 أغسطس/آب الجاري",
# "آب من العام المنصرم", "أيلول 2015", "منتصف آب", "في أيار الماضي",
# "العاشر من الشهر الجاري"
_CALENDAR = rf"""
    _B_
    _PRO_
    (?:(?P<cue>\L<cue_month_weak>)_S_)?
    (?:(?P<mod>\L<modifier>)_S_(?:\L<c_of>_S_)?)?
    (?:{_WEEKDAY_BEFORE})?
    (?:
        (?:(?P<dw>\L<dayword>)_S_)?
        (?:(?P<rfrom>\L<c_between>|\L<c_from>)_S_)?
        {_day("1")}
        (?:{_RANGE_SEP}{_day("2")})?
        (?:_S_\L<c_of>_S_|_O_[-–]?_O_)  # "28 من تموز", "28 تموز", "16تموز", "08-يناير"
    )?
    (?:
        {_months("")}
        (?:_S_(?P<dx>[0-3]?\d)(?!\d)_O_,?_O_(?P<yx>_Y_)  # "أبريل 19 2024", "أبريل 19, 2024"
          |{_year_after("")})?
      |
        (?:(?P<mpthis>\L<this>)_S_(?P<mpa>\L<month_period>)
          |(?P<mpb>\L<month_period>)_S_(?P<mpdir>\L<direction>))_NL_
      |
        (?P<ddir>\L<month_of_day>)_NL_  # "في 12 الجاري": a day of this month
    )
    _E_
"""

# "من 30 تموز إلى 2 آب 2021", "بين 3 تموز و5 آب"
_CROSS_RANGE = rf"""
    _B_
    _PRO_
    (?:(?P<rfrom>\L<c_between>|\L<c_from>)_S_)?
    (?:(?P<dw>\L<dayword>)_S_)?
    {_day("1")}(?:_S_\L<c_of>_S_|_O_)
    (?P<m1>\L<gmonth>)_NL_
    (?:(?:_O_[/\\|\-–]_O_|_S_)(?P<mb1>\L<gmonth>)_NL_  # "30 أيار مايو", "30 مايو/أيار"
      |_O_\(_O_(?P<mc1>\L<gmonth>)_O_\))?
    (?:(?:_O_,_O_|_S_)(?P<y1>_Y_))?
    {_RANGE_SEP}
    {_day("2")}(?:_S_\L<c_of>_S_|_O_)
    {_months("")}
    (?:{_year_after("")})?
    _E_
"""

# "2024/11/13", "13-11-2024", "13.11.2024", "الخميس 13/11/2024"
_NUMERIC = rf"""
    _B_(?<![/.\-])
    _PRO_
    (?:{_WEEKDAY_BEFORE})?
    (?:
        (?P<ya>(?:1[89]|20|21)\d\d)(?P<sa>[/.\-])(?P<ma>[01]?\d)(?P=sa)(?P<da>[0-3]?\d)
      | (?P<db>[0-3]?\d)(?P<sb>[/.\-])(?P<mb>[0-3]?\d)(?P=sb)(?P<yb>(?:1[89]|20|21)\d\d)
    )
    (?!\d)(?![/.\-]\w)
    (?:_O_(?P<era>\L<era_g>)_NL_)?
"""

# "عام 2015", "منتصف عام 2017", "في 2015", "عامي 2015 و2016", "صيف 2015", "2015م"
_YEAR = r"""
    _B_
    _PRO_
    (?:(?P<rfrom>\L<c_between>|\L<c_from>)_S_)?
    (?:(?P<mod>\L<modifier>)_S_(?:\L<c_of>_S_)?)?
    (?:(?P<season>\L<season>)_S_(?:\L<c_of>_S_)?)?
    (?:(?P<ycue>\L<cue_year>)_S_|(?P<wcue>\L<cue_year_weak>)_S_)?
    (?P<y>_Y_)
    (?:_O_(?P<era>\L<era_g>)_NL_)?
    (?:_RANGE_SEP_(?:\L<cue_year>_S_)?(?P<y2>_Y_)(?:_O_\L<era_g>_NL_)?)?
    _E_
""".replace("_RANGE_SEP_", _RANGE_SEP)

# "الأسبوع الماضي", "هذا العام", "مطلع الشهر الجاري"; "أمس", "صباح اليوم", "أمس الثلاثاء";
# "الجمعة", "يوم الخميس المقبل", "الأربعاء من الأسبوع الماضي"
_RELATIVE = r"""
    _B_
    _PRO_
    (?:
        (?:(?P<same>\L<period>|\L<today>)_S_\L<same_after>  # "العام نفسه", "اليوم ذاته"
          |\L<same_bare_before>_S_(?P<sameb>\L<period>|\L<today>))_NL_
      |
        (?:(?P<mod>\L<modifier>)_S_(?:\L<c_of>_S_)?)?
        (?:(?P<this>\L<this>)_S_(?P<pera>\L<period>)
          |(?P<perb>\L<period>)(?:_S_(?P<dir>\L<direction>))?)
      |
        (?:(?P<part>\L<part>)_S_)?
        (?P<rd>\L<relday>)_NL_
        (?:_S_(?P<rwd>\L<weekday>)_NL_  # "أمس (الأربعاء)", "اليوم /الأربعاء/"
          |_S_(?:\(_O_(?P<rwp>\L<weekday>)_O_\)|/_O_(?P<rws>\L<weekday>)_O_/)
          |_O_[،,]_O_(?P<rwc>\L<weekday>)_NL_(?=_O_[،,])  # "اليوم، الجمعة، ..."
          |_S_[-–—]_S_(?P<rwh>\L<weekday>)_NL_(?=_S_[-–—]))?  # "اليوم - الجمعة - ..."
      |
        (?:(?P<rfrom>\L<c_between>|\L<c_from>)_S_|(?P<rdw>\L<dayword>)_S_)?
        (?:(?P<rpart>\L<part>)_S_)?
        (?P<wr1>\L<weekday>)_NL_
        (?:_S_\L<c_and>_O_|_S_\L<c_to>_S_|_O_[-–/]_O_)
        (?P<wr2>\L<weekday>)_NL_
        (?:_S_(?P<wrdir>\L<direction>))?
      |
        (?:(?P<wpart>\L<part>)_S_)?
        (?:(?P<dw>\L<dayword>)_S_)?
        (?P<wd>\L<weekday>)_NL_
        (?:_S_(?P<wdir>\L<direction>)
          |_S_(?:\L<c_of>_S_)?(?P<wper>\L<week_period>)_S_(?P<wpdir>\L<direction>))?
    )
    _E_
"""

# "عام ألفين وخمسة عشر", "سنة ألف وتسعمئة وتسعين", "مطلع العام ألفين"
_WORD_YEAR = r"""
    _B_
    _PRO_
    (?:(?P<mod>\L<modifier>)_S_(?:\L<c_of>_S_)?)?
    (?:(?P<season>\L<season>)_S_(?:\L<c_of>_S_)?)?
    \L<cue_year>_S_
    (?P<wy>\L<year_thousands>_NL_(?:_S_\L<c_and>_O_\L<year_part>_NL_){0,4})
    _E_
"""

# "قبل يومين", "منذ ثلاثة أيام", "قبل نحو عامين", "قبل 15 يوما" -- not "قبل يوم من التصعيد"
_DURATION = r"""
    _B_
    _PRO_
    (?P<ddir>\L<dur_dir>)_S_
    (?:(?P<approx>\L<approx>)_S_)?
    (?:(?P<vc>\L<vague_count>)_S_|(?P<num>\d{1,3}(?![\d.,]\d)|\L<number>)_S_)?
    (?P<unit>\L<unit>)
    _E_
    (?!_O_\d)
    (?!_S_\L<gmonth>_NL_)
    (?!_S_\L<rel_event>_NL_)
"""

# "في وقت سابق", "منذ سنوات", "الأيام القليلة الماضية"
_VAGUE = r"""
    _B_
    _PRO_
    (?:\L<vague>|\L<plural_period>(?:_S_\L<filler>)?_S_\L<vague_dir>)
    _E_
"""

# "6:37 م", "الساعة 18:30"
_TIME = r"""
    (?<![\d:.])
    (?:(?P<hw>\L<hour_word>)_S_)?
    (?P<h>[0-2]?\d):(?P<mi>[0-5]\d)(?::[0-5]\d)?(?![\d:])
    (?:_O_(?P<ap>\L<ampm>)_NL_)?
"""

# "15 رمضان 1445 هـ", "رمضان 1445", "عام 1445 هـ", "رمضان الماضي"
_HIJRI = rf"""
    _B_
    _PRO_
    (?:
        (?:{_WEEKDAY_BEFORE})?
        (?:{_day("1")}_S_(?:\L<c_of>_S_)?)?
        (?:\L<cue_month_word>_S_)?
        (?P<hm>\L<hmonth>)_NL_
        (?:_O_,_O_|_S_(?:\L<c_of>_S_)?)
        (?:\L<cue_year>_S_)?
        (?P<hy>1[3-5]\d\d)(?!\d)
        (?:_O_\L<era_h>_NL_)?
      |
        (?:\L<cue_year>_S_)?
        (?P<hyo>1[3-5]\d\d)(?!\d)
        _O_\L<era_h>_NL_
      |
        (?:(?P<hmod>\L<modifier>)_S_)?
        (?:\L<cue_month_word>_S_)?
        (?P<hmd>\L<hmonth>)_NL_
        (?:_S_\L<hijri_epithet>)?
        _S_(?P<hdir>\L<direction>)_NL_  # "رمضان الماضي", "شهر رمضان المبارك المقبل"
    )
"""

# "Friday, March 25, 2016", "25 March 2016", "March 2016"
_ENGLISH = r"""
    (?<![A-Za-z0-9])
    (?:(?P<ewd>\L<eweekday>)\.?,?[^\S\n]+)?
    (?:
        (?P<em1>\L<emonth>)\.?[^\S\n]+(?P<ed1>[0-3]?\d)(?:st|nd|rd|th)?,?[^\S\n]+(?P<ey1>_Y_)
      | (?P<ed2>[0-3]?\d)(?:st|nd|rd|th)?,?[^\S\n]+(?:of[^\S\n]+)?(?P<em2>\L<emonth>)\.?,?[^\S\n]+(?P<ey2>_Y_)
      | (?P<em3>\L<emonth>)\.?,?[^\S\n]+(?P<ey3>_Y_)
    )
    (?![A-Za-z0-9])
"""

# Helpers for the checks around a match.
# a future marker: "سوف", "من المقرر", a verb with the future prefix ("سيلتقي"), or an
# event verb in the present tense, not after لم ("يلتقي كيري لافروف الجمعة")
_FUTURE = r"""
    _B_(?:\L<future_word>)_E_
  | _B_[وف]?س[يتنا](?:\L<future_stem>)
  | (?<!لم\s)(?<!لما\s)_B_[وف]?[يتن](?:\L<present_stem>)
"""


# ---------------------------------------------------------------- heads

# The families are not run over the whole text. One fast scan finds the *heads*
# (month and weekday names, relative words, period and unit words, four-digit
# numbers, numeric dates and clock times); each family then runs only in a
# window of a few words around the heads that call for it. Which word of a
# phrase is its head: the first for month names ("كانون" of "كانون الثاني"),
# the last for relative and vague phrases ("امس" of "يوم امس", "سابق" of
# "في وقت سابق").
_HEAD_LISTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "gmonth": ("first", ("calendar", "cross_range")),
    "hmonth": ("first", ("hijri",)),
    "emonth": ("first", ("english",)),
    "weekday": ("first", ("relative",)),
    "relday": ("last", ("relative",)),
    "period": ("first", ("relative", "calendar")),
    "year_thousands": ("first", ("word_year",)),
    "unit": ("first", ("duration",)),
    "plural_period": ("first", ("vague",)),
    "vague": ("last", ("vague",)),
}

# What a number at a head is: a numeric date, a clock time, a Gregorian or a Hijri year,
# or a day with its month name written on to it ("16تموز") or with a direction word
# standing for the month ("في 12 الجاري").
_NUMBER_SHAPE = r"""(?:(?P<numeric>\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4})
     |(?P<time>\d{1,2}:\d\d)
     |(?P<year>(?:1[89]|20|21)\d\d(?!\d))
     |(?P<hijri>1[3-5]\d\d(?!\d))
     |(?P<calendar>\d{1,2}(?:(?=[^\W\d_])|[^\S\n]+\L<month_of_day>(?!\w))))"""


def _head_word(phrase: str, which: str) -> str:
    parts = word_key(phrase).split()
    if not parts:
        return ""
    if which == "first" and len(parts[0]) > 2:
        return parts[0]
    return parts[-1]


def _heads(words: DateWords) -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    kinds: dict[str, set[str]] = {}
    for name, (which, families) in _HEAD_LISTS.items():
        for phrase in words.lists[name]:
            head = _head_word(phrase, which)
            if not head:
                continue
            forms = (
                {head, head.lower(), head.capitalize(), head.upper()} if head.isascii() else {head}
            )
            for form in forms:
                kinds.setdefault(form, set()).update(families)
    pattern = re.compile(
        r"(?<!\w)[وفبل]?(?:(?P<word>" + trie(kinds, str) + r")(?!\w)|(?:ال)?(?P<number>\d))"
    )
    return pattern, {word: frozenset(f) for word, f in kinds.items()}


@attrs.frozen
class DatePatterns:
    """The compiled patterns, one per family, and the helper patterns."""

    families: tuple[tuple[str, re.Pattern[str]], ...]
    time: re.Pattern[str]
    future: re.Pattern[str]
    heads: re.Pattern[str]
    head_kinds: dict[str, frozenset[str]]
    #: finds what ``heads`` matches without scanning the whole text with it
    head_finder: HeadFinder
    number_shape: re.Pattern[str]
    #: word lists checked before an expression, as sets of normalised words
    before: dict[str, frozenset[str]]
    #: word lists checked after an expression, as patterns matched at its end
    after: dict[str, re.Pattern[str]]
    #: news outlets whose names hold a date word: always, only when marked, and when
    #: marked or written with ل or ب
    outlets: re.Pattern[str]
    outlets_marked: re.Pattern[str]
    outlets_prefixed: re.Pattern[str]
    #: words marking a name as an outlet: ending right before it, and right after it
    outlet_before: re.Pattern[str]
    #: per ISO weekday: the words before and after it that make it no day
    weekday_before: dict[int, frozenset[str]]
    weekday_after: dict[int, re.Pattern[str]]
    words: DateWords


def build_patterns(words: DateWords) -> DatePatterns:
    """Compile every pattern from ``words``."""
    families = (
        ("calendar", _compile(words, _CALENDAR)),
        ("cross_range", _compile(words, _CROSS_RANGE)),
        ("numeric", _compile(words, _NUMERIC)),
        ("year", _compile(words, _YEAR)),
        ("word_year", _compile(words, _WORD_YEAR)),
        ("relative", _compile(words, _RELATIVE)),
        ("duration", _compile(words, _DURATION)),
        ("vague", _compile(words, _VAGUE)),
        ("hijri", _compile(words, _HIJRI)),
        ("english", _compile(words, _ENGLISH, re.IGNORECASE)),
    )
    heads, head_kinds = _heads(words)
    before = {
        name: frozenset(words.keys[name])
        for name in (
            "before_today",
            "before_general",
            "event_names",
            "media_nouns",
            "quoting_verbs",
        )
    }
    after = {
        name: _followed(words.keys[name])
        for name in (
            "after_today",
            "after_relative_day",
            "count_nouns",
            "joined_weekday",
            "outlet_cues_after",
            "quoted_from",
        )
    }
    not_before, not_after = words.weekday_not_before, words.weekday_not_after
    weekday_before = {
        day: frozenset((*not_before.get(0, ()), *not_before.get(day, ()))) for day in range(1, 8)
    }
    weekday_after = {
        day: _followed((*not_after.get(0, ()), *not_after.get(day, ()))) for day in range(1, 8)
    }
    return DatePatterns(
        families=families,
        time=_compile(words, _TIME, re.IGNORECASE),
        future=_compile(words, _FUTURE),
        heads=heads,
        head_kinds=head_kinds,
        head_finder=HeadFinder(heads, head_kinds),
        number_shape=_compile(words, _NUMBER_SHAPE),
        before=before,
        after=after,
        outlets=_names(words.keys["outlets"]),
        outlets_marked=_names(words.keys["outlets_marked"]),
        outlets_prefixed=_names(words.keys["outlets_prefixed"]),
        outlet_before=re.compile(
            r"(?<!\w)(?:" + trie(words.keys["outlet_cues_before"]) + r")[^\S\n]*\Z"
        ),
        weekday_before=weekday_before,
        weekday_after=weekday_after,
        words=words,
    )


def _followed(keys: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching one of ``keys`` as the next word(s), at the end of an expression."""
    return re.compile(r"[^\S\n]*(?:" + trie(keys) + r")(?!\w)")


def _names(keys: Iterable[str]) -> re.Pattern[str]:
    """A pattern for names written with a prefix or not ("لرأي اليوم", "للمصري اليوم").

    The group ``name`` is the name itself, without the prefix.
    """
    bare = [key[2:] for key in keys if key.startswith("ال")]
    return re.compile(
        r"(?<!\w)(?:[وف]?[بلك]?(?P<name>"
        + trie(keys)
        + r")|[وف]?لل(?P<short>"
        + trie(bare)
        + r"))(?!\w)"
    )
