from __future__ import annotations

import json
from pathlib import Path

import pytest

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
