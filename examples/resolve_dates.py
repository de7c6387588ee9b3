"""The date resolver on its own: Arabic date expressions to TIMEX values.

Shows :func:`syrdiplo.dates.resolve`, which finds every date expression in a
text and resolves it against the publication date (relative ones such as
"أمس" or "تموز الماضي" need it). Without a publication date, relative
expressions come back with ``value`` ``None``; the resolver never reads the clock.

Prints one JSON object per sentence: the text, the anchor, and each date
found with its character span, value and precision.

    python examples/resolve_dates.py

Works offline and finishes in well under a second.
"""

from __future__ import annotations

import datetime as dt
import json
import sys

from syrdiplo.dates import resolve
from syrdiplo.serialize import to_dict

PUBLISHED = dt.date(2021, 7, 28)  # a Wednesday

SENTENCES = [
    "قال السفير الروسي أمس إن الحوار مستمر.",
    "التقى الوزيران في جنيف في 16 حزيران/يونيو 2021.",
    "وجرت الجولة الأولى من المشاورات في تموز الماضي.",
    "ومن المقرر أن يلتقي الخبراء مطلع الشهر المقبل.",
    "وبدأت العملية العسكرية الروسية في 30 أيلول 2015.",
    "وأجرى الرئيسان اتصالا هاتفيا يوم الجمعة.",
    "وزار المبعوث دمشق في منتصف آب 2016.",
]


def main() -> int:
    for text in SENTENCES:
        found = [to_dict(timex) for timex in resolve(text, PUBLISHED)]
        print(
            json.dumps(
                {"text": text, "published": PUBLISHED.isoformat(), "timexes": found},
                ensure_ascii=False,
            )
        )
    # The same relative expression with no anchor: found, but not placed on the calendar.
    text = SENTENCES[0]
    found = [to_dict(timex) for timex in resolve(text, None)]
    print(json.dumps({"text": text, "published": None, "timexes": found}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
