from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property and fuzz tests: the same examples on every run by default, so CI is
# reproducible (a failure prints how to replay it); HYPOTHESIS_PROFILE=explore
# draws new random examples on each run, to look for new failures.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "examples" / "data"


@pytest.fixture(scope="session")
def sample_articles() -> list[dict]:
    """The five sample articles as input dicts ({"id", "published", "text"})."""
    with open(SAMPLES / "seeds.input.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="session")
def sample_gold() -> list[dict]:
    with open(SAMPLES / "seeds.gold.json", encoding="utf-8") as handle:
        return json.load(handle)
