"""Reading the status of a mechanism mention from the cue next to it.

A mention of a mechanism whose entry has a ``status`` says its status itself
("حلقت المسيرة فوق البادية دون تنسيق مع موسكو" is a violation): its core is the
cue. For any other mention, the cue that governs it is, in order of preference:

1. the nearest ``before`` cue at most :data:`MAX_GAP` words to its left, with no
   punctuation, clause break or complementiser between ("بانتهاك اتفاقية منع
   الاشتباك", "لن تجري أي اتصالات مع الولايات المتحدة لتنسيق حركة الطيران");
2. the nearest ``after`` cue at most :data:`MAX_AFTER_GAP` words to its right
   ("هذا التنسيق شهد خروقات", "الخط الساخن ... لا يزال يعمل");
3. an ``after`` cue, or else a verb of effect, among the words between a head and
   its core ("قنوات الاتصال مع روسيا تعمل بشكل جيد لتجنب الحوادث", "قنوات الاتصال
   تسمح بتقليص خطر وقوع حوادث");
4. the nearest weak word to its left ("يأتي في إطار آلية منع الاصطدام",
   "تنسيقا قائما مع الروس لمنع حدوث أي اصطدام"), through which a verb before it
   may govern the mechanism; a weak word alone gives no status when a word of
   suspension, violation or resumption stands earlier in its clause.

A mention that opens with the conjunction و ("... والخط الساخن") is not governed
by a cue before the word it is coordinated with. A resumption or continuation
followed by "محل نقاش" / "قيد البحث" is only proposed.

The words before the cue are then read for negation (the last
:data:`NEGATION_SCOPE` words), modality (the last :data:`MODAL_SCOPE` words)
and denial (the last :data:`DENIAL_SCOPE` words of the clause), which turn or
drop the status (see :func:`resolve`). All offsets are into the normalised text.
"""

from __future__ import annotations

import itertools

import attrs
import regex

from ._mentions import PUNCT, Mention, after_last, after_punct, last_words_start, words_between
from ._patterns import Patterns
from ._scan import Snippet, Words

__all__ = ["MAX_AFTER_GAP", "MAX_GAP", "Reading", "read_status", "resolve"]

#: Words allowed between a cue and the mechanism it governs.
MAX_GAP = 6
#: Words allowed between a mechanism and a cue after it.
MAX_AFTER_GAP = 5
#: Words before a cue read for negation ("لم يتم تعليق").
NEGATION_SCOPE = 3
#: Words before a cue read for modality ("ستبحث في أقرب وقت مع عسكريين أمريكيين عودة ...").
MODAL_SCOPE = 7
#: Words before a cue read for a denial ("نفت الوزارة أن تكون طائراتها قد انتهكت").
DENIAL_SCOPE = 12
#: Words after a mechanism read for "again" ("فعّلت الخط الساخن مجددا").
AGAIN_AFTER = 2
#: Words after a mechanism read for "after it stopped" ("فعّلت القناة ... بعد توقفها").
PAUSE_AFTER = 14
#: Cue kinds of an explicit change of state: a weak word ("في إطار") gives no status
#: after one of them in its clause (see :func:`_changed_earlier`).
EXPLICIT = ("suspended", "violated", "resumed")
#: Words a verb may stand before the weak word that frames its object
#: ("أوقفت وزارة الدفاع الاتصالات مع الجانب الأمريكي في إطار مذكرة التفاهم").
WEAK_REACH = 10

_WORD = regex.compile(r"[\p{L}\p{N}]+")
#: What may stand between a narrow negation and the cue it negates.
_GAP_CHARS = " \t\n\"'«»“”„‟\u2039\u203a"
_IMPERFECT = regex.compile(r"\s*[يتن]")


@attrs.frozen
class Reading:
    """The status read for one mention, and the cue (normalised offsets) it rests on.

    :param weak: the status rests on a weak word ("في إطار") only.
    """

    status: str
    cue_start: int
    cue_end: int
    weak: bool = False


def resolve(
    base: str,
    *,
    negated: bool,
    future: bool,
    proposing: bool,
    hedging: bool,
    purpose: bool = False,
) -> str | None:
    """The status a cue of kind ``base`` gives, after negation and modality.

    Negation turns active into suspended ("لن نجري اتصالات"), suspended into
    active ("لم يتم تعليق"), resumed into suspended ("لم يستأنف"), and drops
    violated and proposed. Proposing modality ("على استعداد ل", "تود") turns
    resumed into proposed and drops active (a wish to keep a channel says
    nothing of its state); a future verb turns resumed into proposed but keeps
    active ("ستبقي على قنوات الاتصال مفتوحة") and suspended (a suspension from
    midnight). A resumption that is the purpose of something ("نعمل لإعادة خط
    الاتصال", "اتصالات لاستئناف العمل بالمذكرة") is only proposed. Hedging (a threat, a possibility, a call) drops suspended and
    violated. Keeping to a mechanism (``comply``) is active, and violated when
    negated ("لم تلتزم"). Setting a mechanism up (``establish``) is proposed when
    wished, planned or the purpose of something ("لإنشاء"), else nothing. Signing or
    approving one (``sign``: "وقّعت", "وافق على") is active, proposed when wished,
    planned or future ("ستوقعان"), and nothing when negated ("لم توقع").
    """
    if base == "sign":
        if negated:
            return None
        return "proposed" if proposing or future or purpose else "active"
    if base == "establish":
        if negated:
            return None
        return "proposed" if proposing or future or purpose else None
    if base == "comply":
        if negated:
            return None if hedging or proposing else "violated"
        return None if proposing or hedging else "active"
    if base == "active":
        if negated:
            return "suspended"
        return None if proposing else "active"
    if base == "resumed":
        if negated:
            return "suspended"
        return "proposed" if proposing or future or purpose else "resumed"
    if base == "suspended":
        if negated:
            return "active"
        return None if hedging or proposing else "suspended"
    if base == "violated":
        return None if negated or hedging or proposing else "violated"
    if base == "proposed":
        return None if negated else "proposed"
    raise ValueError(f"unknown status {base!r}")


def _last_words(
    words: Words, pats: Patterns, lo: int, end: int, count: int, *, punct: bool
) -> Snippet:
    """The last ``count`` words before ``end``, not crossing clause breaks (nor punctuation).

    Phrases that only look like negation ("لا تزال", "لا سيما") are blanked out.
    """
    lo = max(lo, end - 24 * count)
    if punct:
        lo = after_punct(words.text, lo, end)
    breaks = pats.breaks.findall(words, lo, end)
    return _words_after(words, pats, breaks[-1].end() if breaks else lo, end, count)


def _words_after(words: Words, pats: Patterns, lo: int, end: int, count: int) -> Snippet:
    """The last ``count`` words of ``[lo, end)``, with false negations blanked out."""
    text = words.text
    lo = last_words_start(text, lo, end, count)
    blanked = [m.span() for m in pats.not_negation.finditer(text[lo:end])]
    return Snippet.of_text(words, lo, end, blanked)


def _near_and_modal(words: Words, pats: Patterns, lo: int, end: int) -> tuple[Snippet, Snippet]:
    """``_last_words`` for negation and for modality, sharing the search for stops.

    The negation scope starts within the modality scope: the last punctuation
    mark and the clause breaks found for the one serve the other, unless a
    break straddles the start of the shorter scope.
    """
    near_lo = max(lo, end - 24 * NEGATION_SCOPE)
    modal_lo = max(lo, end - 24 * MODAL_SCOPE)
    modal_lo = after_punct(words.text, modal_lo, end)
    near_lo = max(near_lo, modal_lo)
    breaks = pats.breaks.findall(words, modal_lo, end)
    if any(m.start() < near_lo < m.end() for m in breaks):
        near_breaks = pats.breaks.findall(words, near_lo, end)
    else:
        near_breaks = [m for m in breaks if m.start() >= near_lo]
    near = _words_after(
        words, pats, near_breaks[-1].end() if near_breaks else near_lo, end, NEGATION_SCOPE
    )
    modal = _words_after(words, pats, breaks[-1].end() if breaks else modal_lo, end, MODAL_SCOPE)
    return near, modal


def _clean_gap(
    words: Words, pats: Patterns, start: int, end: int, limit: int, *, relatives: bool = False
) -> int | None:
    """Words in ``text[start:end]``, or ``None`` when the stretch may not be crossed.

    Negation words are not counted: "لم" in "القنوات ... لم تتوقف" adds no distance.
    With ``relatives`` a relative pronoun may stand in the stretch ("المذكرة التي علقت").
    """
    text = words.text
    if end < start:
        return None
    if PUNCT.search(text, start, end):
        # "وقعت موسكو وواشنطن، الثلاثاء، مذكرة": a time adverb between commas is no break
        stretch = pats.parenthetical.sub(" ", _dates_as_days(words, start, end))
        if PUNCT.search(stretch):
            return None
        count = len(_WORD.findall(stretch))
        return count if count <= limit else None
    if relatives:
        if pats.breaks.search(words, start, end):
            return None
    elif pats.gap_breaks.search(text, start, end):
        return None
    count = words_between(text, start, end)
    for pattern in (pats.negation, pats.narrow_negation):
        count -= sum(words_between(text, *m.span()) for m in pattern.finditer(text, start, end))
    return count if count <= limit else None


def _dates_as_days(words: Words, start: int, end: int) -> str:
    """``text[start:end]`` with each date expression inside it spelt as as many words
    "يوم" as it has, so that the ``parenthetical`` pattern takes it for a time adverb.
    """
    text = words.text
    pieces, at = [], start
    for date_start, date_end in words.dates:
        if date_start < at or date_end > end:
            continue
        count = max(1, words_between(text, date_start, date_end))
        pieces += [text[at:date_start], " ".join(["يوم"] * count)]
        at = date_end
    pieces.append(text[at:end])
    return "".join(pieces)


def _narrowly_negated(words: Words, pats: Patterns, lo: int, end: int) -> bool:
    """Whether a word that negates only the next one ("غير", "دون") stands right before ``end``.

    "غير مفعلة", "دون تعليق": the cue is negated. "المناورات غير المهنية واعتبرتها خرقا":
    غير negates "المهنية", not the cue.
    """
    text = words.text
    return any(
        not text[found.end() : end].strip(_GAP_CHARS)
        for found in pats.narrow_negation.finditer(text, max(lo, end - 24), end)
    )


def _governs(pats: Patterns, cue: regex.Match[str], gap: str) -> bool:
    """Whether a ``next``/``near`` cue reaches a mechanism after ``gap`` (any other cue does).

    At most its reach of words may stand between, ``[close]`` bridges not counted
    ("أعادت موسكو العمل بآلية"), and none of the ``[close]`` stops ("عاد الحديث عن").
    """
    reach = pats.cues.close.get(cue.group("word"))
    if reach is None:
        return True
    cues = pats.cues
    between = [w for w in _WORD.findall(gap) if w not in cues.bridges]
    return len(between) <= reach and not any(w in cues.stops for w in between)


def _may(pats: Patterns, snippet: str) -> bool:
    """قد before an imperfect verb ("قد تعلق"), not after كان ("كانت قد علقت")."""
    for match in pats.may.finditer(snippet):
        if _IMPERFECT.match(snippet, match.end()) and not pats.perfect.search_in(
            Snippet(snippet, pats.starts), match.start()
        ):
            return True
    return False


def _again(words: Words, pats: Patterns, snippet: Snippet, mention: Mention) -> bool:
    """An "again" word before the cue or right after the mechanism, or "after it stopped" later."""
    if pats.again.search_in(snippet):
        return True
    after = _WORD.finditer(words.text, mention.end, mention.clause.end)
    following = list(itertools.islice(after, PAUSE_AFTER))
    if not following:
        return False
    near = following[min(AGAIN_AFTER, len(following)) - 1].end()
    if pats.again.search(words, mention.end, near):
        return True
    # "after it had stopped" later in the clause ("فعّلت قناة الاتصال ... بعد توقفها")
    return bool(pats.after_pause.search(words, mention.end, following[-1].end()))


def _judge(
    words: Words,
    pats: Patterns,
    mention: Mention,
    base: str,
    cue: tuple[int, int],
    *,
    scope_end: int,
    scope_start: int | None = None,
    future: bool = False,
    purpose: bool = False,
    weak: bool = False,
) -> Reading | None:
    """Read negation and modality before ``scope_end`` and resolve the status of ``cue``."""
    text = words.text
    start, end = cue
    lo = mention.clause.start if scope_start is None else max(scope_start, mention.clause.start)
    near, modal = _near_and_modal(words, pats, lo, scope_end)
    negated = bool(pats.negation.search(near.string)) or _narrowly_negated(
        words, pats, lo, scope_end
    )
    if not negated and scope_end <= mention.core_start:
        denial = _last_words(words, pats, lo, scope_end, DENIAL_SCOPE, punct=False)
        negated = bool(pats.denial.search_in(denial))
    may = _may(pats, modal.string + text[start:end])
    if base == "active" and _again(words, pats, modal, mention):
        base = "resumed"
    # approving or deciding to set a mechanism up is a plan ("وافقت الوزارة على إنشاء قناة
    # اتصال", "اتفقا على فتح خط ساخن")
    decided = base in ("establish", "sign") and bool(pats.deciding.search_in(modal))
    status = resolve(
        base,
        negated=negated,
        future=future or bool(pats.future.search(modal.string)),
        proposing=may or decided or bool(pats.proposing.search_in(modal)),
        hedging=may or bool(pats.hedging.search_in(modal)),
        purpose=purpose,
    )
    if status is None:
        return None
    return Reading(status=status, cue_start=start, cue_end=end, weak=weak)


def _after_cue(words: Words, pats: Patterns, mention: Mention) -> regex.Match[str] | None:
    """The first ``after`` cue within reach of the mention's end."""
    hi = min(mention.clause.end, mention.end + 120)
    match = pats.cues.after.search(words, mention.end, hi)
    if match is None:
        return None
    gap = _clean_gap(words, pats, mention.end, match.start(), MAX_AFTER_GAP, relatives=True)
    return match if gap is not None else None


def _before(words: Words, pats: Patterns, mention: Mention) -> tuple[Reading | None, bool]:
    """The reading from the nearest strong cue before the mention; whether one was found."""
    text = words.text
    clause = mention.clause
    lo = max(clause.start, mention.core_start - 160)
    best: tuple[int, regex.Match[str]] | None = None
    for match in pats.cues.before.findall(words, lo, mention.core_start):
        status = pats.cues.kind(match)
        if (
            status == "proposed"
            and mention.head_end is not None
            and mention.head_end <= match.start() < mention.core_start
        ):
            # a filler of the head: "القنوات الثنائية لمناقشة ... أمن التحليقات" are
            # channels to discuss flight safety, no proposal of a channel
            continue
        if mention.head_end is not None and mention.start <= match.start() < mention.head_end:
            continue  # a word of the head itself: "تواصل" in "خط التواصل" is no "continues"
        if match.start() >= mention.start:  # the governing word is itself the cue ("نسقت ...")
            # ... unless it stands in a relative clause inside the mention: in "تعليق قناة
            # الاتصال التي أقامتها ... لمنع حوادث" the channel is suspended, not set up
            inside = pats.gap_breaks.search(text, mention.start, match.start())
            gap: int | None = None if inside else 0
        else:
            gap = _clean_gap(words, pats, match.end(), mention.start, MAX_GAP)
            if gap is not None and not _governs(pats, match, text[match.end() : mention.start]):
                continue
        if gap is None or (mention.conj and gap > 0):
            continue
        blocker = pats.cues.not_followed_by.get(status)
        if blocker is not None and blocker.match(text, match.end(), clause.end):
            continue
        if best is None or gap <= best[0]:
            best = (gap, match)
    if best is None:
        return None, False
    match = best[1]
    reading = _judge(
        words,
        pats,
        mention,
        pats.cues.kind(match),
        match.span(),
        scope_end=match.start(),
        future=bool(match.group("fut")),
        purpose=(match.group("pfx") or "").startswith("ل"),
    )
    if reading is not None and reading.status in ("active", "resumed"):
        later = _after_cue(words, pats, mention)
        if later is not None and pats.cues.kind(later) == "proposed":
            reading = attrs.evolve(reading, status="proposed")
    return reading, True


def _after(words: Words, pats: Patterns, mention: Mention) -> tuple[Reading | None, bool]:
    match = _after_cue(words, pats, mention)
    if match is None:
        return None, False
    status = pats.cues.kind(match)
    reading = _judge(
        words, pats, mention, status, match.span(), scope_start=mention.end, scope_end=match.start()
    )
    return reading, True


def _inside(words: Words, pats: Patterns, mention: Mention) -> Reading | None:
    """An ``after`` cue among the fillers of a head ("قنوات الاتصال مع روسيا تعمل بشكل
    جيد لتجنب الحوادث"), unless it says what the mechanism is for ("تعمل على منع"); else
    a verb of effect there ("قنوات الاتصال تسمح بتقليص خطر وقوع حوادث"): the mechanism
    does what it is for, so it works (active, and nothing when negated or wished).
    """
    if mention.head_end is None or mention.head_end >= mention.core_start:
        return None
    match = pats.cues.after.search(words, mention.head_end, mention.core_start)
    if match is not None:
        if pats.inside_blockers.match(words.text, match.end(), mention.core_start):
            return None
        status = pats.cues.kind(match)
        return _judge(
            words,
            pats,
            mention,
            status,
            match.span(),
            scope_start=mention.head_end,
            scope_end=match.start(),
        )
    effect = pats.inside_effects.search(words, mention.head_end, mention.core_start)
    if effect is None:
        return None
    reading = _judge(
        words,
        pats,
        mention,
        "active",
        effect.span(),
        scope_start=mention.head_end,
        scope_end=effect.start(),
    )
    return reading if reading is not None and reading.status == "active" else None


def _weak(words: Words, pats: Patterns, mention: Mention) -> Reading | None:
    text = words.text
    clause = mention.clause
    lo = max(clause.start, mention.start - 100)
    best = None
    blocker = pats.cues.not_followed_by.get("active")
    for match in pats.cues.weak.findall(words, lo, mention.start):
        gap = _clean_gap(words, pats, match.end(), mention.start, MAX_GAP)
        if gap is None or (mention.conj and gap > 0):
            continue
        if blocker is not None and blocker.match(text, match.end(), clause.end):
            continue
        best = match
    if best is None:
        return None
    # A verb earlier in the clause gives its status through the weak word.
    verb = None
    for match in pats.cues.before.findall(words, lo, best.start()):
        if match.group("word") in pats.cues.close:
            continue  # it governs its own complement, not what the weak word frames
        status = pats.cues.kind(match)
        if _clean_gap(words, pats, match.end(), best.start(), WEAK_REACH) is None:
            continue
        blocker = pats.cues.not_followed_by.get(status)
        if blocker is None or not blocker.match(text, match.end(), clause.end):
            verb = match
    if verb is not None:
        status = pats.cues.kind(verb)
        return _judge(
            words,
            pats,
            mention,
            status,
            verb.span(),
            scope_end=verb.start(),
            future=bool(verb.group("fut")),
            weak=status == "active",
        )
    if _changed_earlier(words, pats, mention, best.start()):
        return None
    return _judge(words, pats, mention, "active", best.span(), scope_end=best.start(), weak=True)


def _changed_earlier(words: Words, pats: Patterns, mention: Mention, at: int) -> bool:
    """Whether a word of a change of state (:data:`EXPLICIT`) stands earlier in the clause
    than ``at``, past the last clause break or complementiser.

    A frame ("في إطار") says nothing against it, even when the word is too far off to
    govern the mechanism through the frame ("علقت روسيا، بعد الضربة الأمريكية على مطار
    الشعيرات وسط البلاد، التعاون مع واشنطن في إطار مذكرة ..."): the frame then gives no status.
    """
    text = words.text
    start = after_last(pats.gap_breaks, text, mention.clause.start, at)
    for match in pats.cues.before.findall(words, start, at):
        status = pats.cues.kind(match)
        if status not in EXPLICIT or match.group("word") in pats.cues.close:
            continue
        blocker = pats.cues.not_followed_by.get(status)
        if blocker is None or not blocker.match(text, match.end(), mention.clause.end):
            return True
    return False


def read_status(words: Words, pats: Patterns, mention: Mention) -> Reading | None:
    """The status the text gives ``mention``, or ``None`` when it gives none."""
    if mention.status is not None:
        # the mention says its status itself ("حلقت المسيرة ... دون تنسيق مع موسكو"): its core
        # is the cue, read for negation, denial and modality before it
        core = (mention.core_start, mention.end)
        return _judge(words, pats, mention, mention.status, core, scope_end=mention.core_start)
    reading, found = _before(words, pats, mention)
    if found:
        return reading
    reading, found = _after(words, pats, mention)
    if found:
        return reading
    reading = _inside(words, pats, mention)
    if reading is not None:
        return reading
    return _weak(words, pats, mention)
