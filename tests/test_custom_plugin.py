"""The example third-party plugin, installed with pip, is picked up — and can be blocked.

This is what a plugin author does after reading docs/plugins/writing-plugins.md:
``pip install`` the package in ``examples/custom_plugin`` and run ``syrdiplo``.
The package is installed into a temporary directory (``pip install --target``)
and put on ``PYTHONPATH`` for the commands run here; the shared environment is
never touched. The plugin's own test suite runs against that installed copy.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_SOURCE = ROOT / "examples" / "custom_plugin"

pytestmark = pytest.mark.slow

ARTICLES = [
    {
        "id": "crossings-1",
        "published": "2023-07-12",
        "text": (
            "استخدمت روسيا حق النقض ضد مشروع قرار لتمديد آلية إدخال المساعدات عبر معبر باب الهوى "
            "لمدة تسعة أشهر.\n"
            "وكانت الأمم المتحدة قد أعادت في شباط فتح معبري باب السلامة والراعي بعد الزلزال."
        ),
    },
    {"id": "crossings-2", "published": "2023-07-12", "text": "وقال الراعي إن الطرق مفتوحة."},
]


def _can_build_wheels_here() -> bool:
    """Whether this interpreter's setuptools builds wheels on its own (``--no-build-isolation``)."""
    if importlib.util.find_spec("setuptools") is None:
        return False
    major, minor, *_ = (int(p) for p in importlib.metadata.version("setuptools").split(".")[:2])
    return (major, minor) >= (70, 1) or importlib.util.find_spec("wheel") is not None


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``examples/custom_plugin`` pip-installed into a temporary directory."""
    work = tmp_path_factory.mktemp("custom_plugin")
    source = work / "src"
    # build from a copy, so no build/ or *.egg-info is left in the repository
    shutil.copytree(
        PLUGIN_SOURCE,
        source,
        ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__", ".pytest_cache"),
    )
    target = work / "site"
    command = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--no-deps",
        "--no-input",
        "--target",
        str(target),
    ]
    if _can_build_wheels_here():
        command.append("--no-build-isolation")  # offline: use the environment's setuptools
    done = subprocess.run(
        [*command, str(source)], capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, (
        f"pip could not install the example plugin:\n{done.stdout}\n{done.stderr}"
    )
    assert (target / "syrdiplo_crossings" / "data" / "crossings.toml").is_file(), (
        "data file not packaged"
    )
    return target


def syrdiplo(
    *args: str, site: Path | None, stdin: str | None = None, check: bool = True, **env: str
) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, PYTHONIOENCODING="utf-8")
    for name in ("PYTHONPATH", "SYRDIPLO_LOAD_PLUGINS", "SYRDIPLO_TRACE_PLUGINS"):
        environment.pop(name, None)
    if site is not None:
        environment["PYTHONPATH"] = str(site)
    environment.update(env)
    done = subprocess.run(
        [sys.executable, "-m", "syrdiplo", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environment,
        timeout=120,
        check=False,
    )
    if check:
        assert done.returncode == 0, done.stderr
    return done


def plugins(site: Path | None, *args: str, **env: str) -> dict[str, dict]:
    rows = json.loads(syrdiplo("plugins", "--json", "--all", *args, site=site, **env).stdout)
    return {row["name"]: row for row in rows}


def extract(site: Path | None, *args: str, **env: str) -> list[dict]:
    lines = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES)
    done = syrdiplo("extract", "--jsonl", "-", *args, site=site, stdin=lines, **env)
    return [json.loads(line) for line in done.stdout.splitlines()]


def crossing_events(records: list[dict]) -> list[dict]:
    return [e for r in records for e in r["events"] if e["type"] == "crossing"]


# --------------------------------------------------------------------------- picked up


def test_installed_plugin_is_listed_with_its_distribution(site: Path) -> None:
    row = plugins(site)["crossings"]
    assert row["source"] == "entrypoint"
    assert row["status"] == "loaded"
    assert row["error"] is None
    assert (row["distribution"], row["version"]) == ("syrdiplo-crossings", "0.1.0")
    assert row["extractors"] == ["crossings"]
    assert set(row["hooks"]) == {"syrdiplo_register_extractors", "syrdiplo_register_lexicons"}


def test_installed_plugin_sits_beside_the_builtins(site: Path) -> None:
    rows = plugins(site)
    builtins = {name for name, row in rows.items() if row["source"] == "builtin"}
    assert builtins, "no built-in plugins listed"
    assert all(rows[name]["status"] == "loaded" for name in builtins)
    table = syrdiplo("plugins", site=site).stdout
    assert any(
        line.split()[:3] == ["crossings", "entrypoint", "loaded"] for line in table.splitlines()
    )


def test_installed_plugin_finds_its_events(site: Path) -> None:
    records = extract(site)
    assert [r["id"] for r in records] == [a["id"] for a in ARTICLES]
    assert all(r["errors"] == [] for r in records)
    events = crossing_events(records)
    found = {(e["crossing"], e["status"]) for e in events}
    assert found == {("Bab al-Hawa", "blocked"), ("Bab al-Salam", "opened"), ("Al-Rai", "opened")}
    text = ARTICLES[0]["text"]
    for event in events:
        assert event["extractor"] == "crossings"
        for span in event["evidence"]:
            assert text[span["start"] : span["end"]] == span["text"]
    (veto,) = [e for e in events if e["crossing"] == "Bab al-Hawa"]
    assert veto["months"] == 9
    # "الراعي" without a crossing word is a person, not a crossing
    assert crossing_events(records[1:]) == []


def test_plugin_is_not_in_the_shared_environment() -> None:
    """The install went to a temporary directory only."""
    assert "crossings" not in plugins(None)
    assert importlib.util.find_spec("syrdiplo_crossings") is None


# --------------------------------------------------------------------------- blocked


def test_empty_allowlist_blocks_it(site: Path) -> None:
    rows = plugins(site, SYRDIPLO_LOAD_PLUGINS="")
    assert rows["crossings"]["status"] == "blocked"
    assert rows["crossings"]["extractors"] == []
    assert all(row["status"] == "loaded" for row in rows.values() if row["source"] == "builtin")
    assert crossing_events(extract(site, SYRDIPLO_LOAD_PLUGINS="")) == []


def test_allowlist_naming_it_loads_it(site: Path) -> None:
    assert plugins(site, SYRDIPLO_LOAD_PLUGINS="crossings")["crossings"]["status"] == "loaded"
    assert plugins(site, SYRDIPLO_LOAD_PLUGINS="other")["crossings"]["status"] == "blocked"


def test_disable_option_blocks_it(site: Path) -> None:
    assert plugins(site, "--disable", "crossings")["crossings"]["status"] == "blocked"
    assert crossing_events(extract(site, "--disable", "crossings")) == []
    assert plugins(site, "--no-entrypoints")["crossings"]["status"] == "blocked"


def test_blocked_plugins_are_hidden_without_all(site: Path) -> None:
    rows = json.loads(syrdiplo("plugins", "--json", site=site, SYRDIPLO_LOAD_PLUGINS="").stdout)
    assert "crossings" not in {row["name"] for row in rows}


# --------------------------------------------------------------------------- its own tests, tracing


def test_plugin_test_suite_passes_against_the_installed_copy(site: Path, tmp_path: Path) -> None:
    tests = tmp_path / "custom_plugin"
    shutil.copytree(
        PLUGIN_SOURCE,
        tests,
        ignore=shutil.ignore_patterns("src", "build", "*.egg-info", "__pycache__"),
    )
    environment = dict(os.environ, PYTHONPATH=str(site))
    environment.pop("SYRDIPLO_LOAD_PLUGINS", None)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tests)],
        capture_output=True,
        text=True,
        cwd=tests,
        env=environment,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert " passed" in done.stdout
    assert " skipped" not in done.stdout


def test_tracing_shows_the_plugin_hook_calls(site: Path) -> None:
    done = syrdiplo("plugins", site=site, SYRDIPLO_TRACE_PLUGINS="1")
    assert "syrdiplo_register_extractors" in done.stderr
    assert "crossings" in done.stderr
