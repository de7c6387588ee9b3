"""Shared by the benchmark scripts: the sample articles, batches made from them, the machine."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "examples" / "data" / "seeds.input.jsonl"
GOLD = ROOT / "examples" / "data" / "seeds.gold.json"


def samples() -> list[dict[str, Any]]:
    """The five sample articles, as input dicts."""
    with open(SAMPLES, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def gold() -> list[dict[str, Any]]:
    with open(GOLD, encoding="utf-8") as handle:
        return json.load(handle)


def repeated(count: int, *, variants: bool = False) -> list[dict[str, Any]]:
    """``count`` articles cycling through the samples, each with its own id.

    With ``variants``, copy *k* of a sample is published *k* days later, so
    relative dates resolve to different values from copy to copy.
    """
    base = samples()
    out = []
    for number in range(count):
        article = dict(base[number % len(base)])
        copy = number // len(base)
        article["id"] = f"{article['id']}#{number}"
        if variants and copy and article.get("published"):
            published = dt.date.fromisoformat(article["published"])
            article["published"] = (published + dt.timedelta(days=copy)).isoformat()
        out.append(article)
    return out


def write_batch(path: Path, count: int) -> Path:
    """A JSONL batch of ``count`` articles (the samples, repeated)."""
    with open(path, "w", encoding="utf-8") as handle:
        for article in repeated(count, variants=True):
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path


def cli(*args: str) -> list[str]:
    """The command line to run ``syrdiplo`` with this interpreter."""
    return [sys.executable, "-m", "syrdiplo", *args]


def spread(values: Sequence[float]) -> dict[str, float]:
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
    }


def machine() -> dict[str, Any]:
    """What the figures were measured on (other work on the machine skews them)."""
    try:
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        commit = ""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cores": cores,
        "load_average": [round(x, 2) for x in os.getloadavg()]
        if hasattr(os, "getloadavg")
        else None,
        "commit": commit or None,
    }


def fmt_ratio(values: dict[str, float]) -> str:
    return f"{values['median']:.3g}x (runs {values['min']:.3g}–{values['max']:.3g})"
