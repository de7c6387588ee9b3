"""The docs and the README stay true to the code.

* the site builds with ``mkdocs build --strict`` (warnings fail);
* every hookspec is documented in ``docs/plugins/hooks.md`` under its exact
  signature, and everything in ``syrdiplo.__all__`` in ``docs/api.md``;
* the field tables in ``docs/output.md`` are the fields the serializer writes,
  and its examples are well-formed results;
* the README's Python example prints what the README says it prints, and the
  CLI reference shows what ``--help`` prints.

The last two are generated sections. When they drift the test prints the new
text; ``python tests/test_docs.py --update`` rewrites them in place.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest

import syrdiplo
from syrdiplo import hookspecs, serialize
from syrdiplo.testing import assert_spans_valid, make_pipeline

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
README = ROOT / "README.md"
CLI_DOC = DOCS / "cli.md"
HOOKS_DOC = DOCS / "plugins" / "hooks.md"
API_DOC = DOCS / "api.md"
OUTPUT_DOC = DOCS / "output.md"
# pages other engineers own; linked from the nav, not checked here
OTHERS_PAGES = {"dates.md", "gazetteer.md", "scale.md"}

# The README's promises to a newcomer; .ci/run runs exactly these.
SETUP_COMMANDS = (
    "python3 -m venv .venv && . .venv/bin/activate",
    'python -m pip install -e ".[dev]"',
)
MAIN_COMMAND = "syrdiplo extract --jsonl examples/data/seeds.input.jsonl"
TEST_COMMAND = "python -m pytest"

_README_EXAMPLE = re.compile(
    r"<!-- readme-example -->\n```python\n(?P<code>.*?)```\n(?P<between>.*?)```text\n(?P<output>.*?)```\n<!-- /readme-example -->",
    re.S,
)
_HELP_BLOCK = re.compile(r"<!-- help: (?P<command>[\w ]*?) ?-->\n(?P<body>.*?)<!-- /help -->", re.S)


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("SYRDIPLO_TRACE_PLUGINS", None)
    env.update(extra)
    return env


# --------------------------------------------------------------------------- generated sections


def run_readme_example(code: str) -> str:
    """What the README's example prints, run as a newcomer would (built-in plugins only)."""
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_env(SYRDIPLO_LOAD_PLUGINS="", PYTHONIOENCODING="utf-8"),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, f"the README example failed:\n{done.stderr}"
    return done.stdout


def help_block(command: str) -> str:
    """The fenced ``--help`` output of ``syrdiplo COMMAND``, at 80 columns."""
    args = [*command.split(), "--help"]
    done = subprocess.run(
        [sys.executable, "-m", "syrdiplo", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_env(COLUMNS="80", PYTHONIOENCODING="utf-8"),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    shown = " ".join(["syrdiplo", *args])
    return f"```console\n$ {shown}\n{done.stdout.rstrip()}\n```\n"


def updated_readme(text: str) -> str:
    match = _README_EXAMPLE.search(text)
    assert match, "README.md has no <!-- readme-example --> block"
    output = run_readme_example(match["code"])
    start, end = match.span("output")
    return text[:start] + output + text[end:]


def updated_cli_doc(text: str) -> str:
    return _HELP_BLOCK.sub(
        lambda m: (
            f"<!-- help: {m['command']} -->\n{help_block(m['command'])}<!-- /help -->"
            if m["command"]
            else f"<!-- help: -->\n{help_block('')}<!-- /help -->"
        ),
        text,
    )


def update() -> None:
    """Rewrite the generated sections of README.md and docs/cli.md."""
    for path, rewrite in ((README, updated_readme), (CLI_DOC, updated_cli_doc)):
        old = path.read_text(encoding="utf-8")
        new = rewrite(old)
        if new != old:
            path.write_text(new, encoding="utf-8")
            print(f"updated {path.relative_to(ROOT)}")


# --------------------------------------------------------------------------- the site builds


def _nav_pages(nav: object) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [page for item in nav for page in _nav_pages(item)]
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in _nav_pages(value)]
    return []


def nav_pages() -> list[str]:
    yaml = pytest.importorskip("yaml")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return _nav_pages(config["nav"])


def test_every_page_is_in_the_nav_and_exists() -> None:
    pages = nav_pages()
    for page in pages:
        assert (DOCS / page).is_file(), f"mkdocs.yml names {page}, which does not exist"
    on_disk = {str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md")}
    assert on_disk - set(pages) == set(), "pages missing from the nav in mkdocs.yml"


@pytest.mark.slow
def test_docs_build_in_strict_mode(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            "mkdocs.yml",
            "-d",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_env(NO_MKDOCS_2_WARNING="1"),
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for page in nav_pages():
        built = tmp_path / (
            "index.html" if page == "index.md" else page.removesuffix(".md") + "/index.html"
        )
        assert built.is_file(), f"{page} was not built"
    hooks = (tmp_path / "plugins" / "hooks" / "index.html").read_text(encoding="utf-8")
    for name in hook_specs():
        # the docstring was rendered by mkdocstrings, not just the heading
        assert f'id="syrdiplo.hookspecs.{name}"' in hooks, name
    api = (tmp_path / "api" / "index.html").read_text(encoding="utf-8")
    for name in syrdiplo.__all__:
        assert f'id="syrdiplo.{name}"' in api, name


# --------------------------------------------------------------------------- hooks and API reference


def hook_specs() -> dict[str, types.FunctionType]:
    return {
        name: function
        for name, function in vars(hookspecs).items()
        if name.startswith("syrdiplo_") and getattr(function, "syrdiplo_spec", None) is not None
    }


def hook_heading(function: types.FunctionType) -> str:
    """``## `name(arg, ...)```: the hook's name and argument names, as datasette does."""
    names = ", ".join(inspect.signature(function).parameters)
    return f"## `{function.__name__}({names})`"


def hook_signature(function: types.FunctionType) -> str:
    """The annotated signature, exactly as written in hookspecs.py."""
    signature = inspect.signature(function)
    params = ", ".join(f"{p.name}: {p.annotation}" for p in signature.parameters.values())
    return f"def {function.__name__}({params}) -> {signature.return_annotation}"


def test_every_hookspec_is_documented_under_its_exact_signature() -> None:
    text = HOOKS_DOC.read_text(encoding="utf-8")
    specs = hook_specs()
    assert specs, "no hookspecs found"
    missing = []
    for name, function in specs.items():
        block = (
            f"{hook_heading(function)}\n\n```python\n{hook_signature(function)}\n```\n\n"
            f"::: syrdiplo.hookspecs.{name}\n"
        )
        if block not in text:
            missing.append(block)
    assert not missing, "docs/plugins/hooks.md needs, for each hook:\n\n" + "\n".join(missing)


def test_hooks_doc_names_no_hook_that_does_not_exist() -> None:
    text = HOOKS_DOC.read_text(encoding="utf-8")
    documented = set(re.findall(r"^## `(syrdiplo_\w+)\(", text, re.M))
    assert documented == set(hook_specs())


def _doc_plugins(text: str) -> list[str]:
    """The complete python examples of a page that implement hooks."""
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    return [b for b in blocks if b.startswith("import syrdiplo") and "@syrdiplo.hookimpl" in b]


def _load_doc_plugin(code: str, name: str) -> types.ModuleType:
    module = types.ModuleType(name)
    exec(compile(code, f"<{name}>", "exec"), module.__dict__)
    return module


def test_hook_examples_in_the_docs_load_as_plugins() -> None:
    examples = _doc_plugins(HOOKS_DOC.read_text(encoding="utf-8"))
    assert len(examples) >= 2
    for number, code in enumerate(examples):
        plugin = _load_doc_plugin(code, f"doc_example_{number}")
        pipeline = make_pipeline(plugin, builtins=False)
        (info,) = [i for i in pipeline.plugins if i.name == plugin.__name__]
        assert info.status == "loaded", info.error
        assert info.hooks


def test_find_timexes_example_in_the_docs_adds_a_timex() -> None:
    (code,) = [
        c for c in _doc_plugins(HOOKS_DOC.read_text(encoding="utf-8")) if "find_timexes" in c
    ]
    pipeline = make_pipeline(_load_doc_plugin(code, "doc_christmas"), builtins=False)
    text = "وقال المتحدث إن الاجتماع سيعقد بعد عيد الميلاد."
    result = pipeline.run({"id": "x", "text": text, "published": "2016-12-01"})
    assert_spans_valid(result)
    assert ("عيد الميلاد", "2016-12-25") in [(t.text, t.value) for t in result.timexes]


def test_register_actors_example_in_the_docs_adds_an_actor() -> None:
    (code,) = [
        c for c in _doc_plugins(HOOKS_DOC.read_text(encoding="utf-8")) if "register_actors" in c
    ]
    pipeline = make_pipeline(_load_doc_plugin(code, "doc_actor"), builtins=False)
    text = "وقال أحمد عبد الرحمن إن الاجتماع كان مفيدا."
    result = pipeline.run({"id": "x", "text": text, "published": "2024-05-01"})
    assert_spans_valid(result)
    assert ("أحمد عبد الرحمن", "Ahmed Abdul Rahman", "SY") in [
        (a.name, a.canonical, a.country) for a in result.actors
    ]


def test_every_public_name_is_in_the_api_reference() -> None:
    text = API_DOC.read_text(encoding="utf-8")
    rendered = set(re.findall(r"^::: syrdiplo\.(\w+)$", text, re.M))
    assert set(syrdiplo.__all__) - rendered == set()


# --------------------------------------------------------------------------- output schema


def _documented_fields(marker: str) -> list[str]:
    text = OUTPUT_DOC.read_text(encoding="utf-8")
    match = re.search(rf"<!-- fields: {marker} -->\n((?:\|.*\n)+)", text)
    assert match, f"docs/output.md has no field table marked {marker!r}"
    rows = match.group(1).splitlines()[2:]  # after the header and the rule
    return [re.match(r"\| `(\w+)`", row).group(1) for row in rows]


@pytest.mark.parametrize(
    "typed_dict",
    [
        serialize.ResultDict,
        serialize.SpanDict,
        serialize.TimexDict,
        serialize.ActorDict,
        serialize.ClaimDict,
        serialize.ErrorDict,
    ],
)
def test_output_doc_lists_the_serializer_fields(typed_dict: type) -> None:
    assert _documented_fields(typed_dict.__name__) == list(typed_dict.__annotations__)


@pytest.mark.parametrize(
    ("marker", "event"),
    [
        ("event", syrdiplo.Event()),
        ("event meeting", syrdiplo.Meeting(kind="call")),
        ("event troop_count", syrdiplo.TroopCount(country="US", count=900)),
        ("event deconfliction", syrdiplo.Deconfliction(status="active")),
    ],
)
def test_output_doc_lists_the_event_fields(marker: str, event: syrdiplo.Event) -> None:
    written = list(serialize.to_dict(event))
    documented = _documented_fields(marker)
    if marker == "event":  # the common fields: the tag, then the tail every event ends with
        assert [written[0], *written[-3:]] == documented
    else:
        assert documented == written


def _json_block(name: str) -> object:
    text = OUTPUT_DOC.read_text(encoding="utf-8")
    match = re.search(rf"<!-- example: {name} -->\n```json\n(.*?)```", text, re.S)
    assert match, f"docs/output.md has no example marked {name!r}"
    return json.loads(match.group(1))


def test_output_doc_example_is_a_well_formed_result() -> None:
    article = _json_block("input")
    data = _json_block("result")
    result = serialize.from_dict(data, text=article["text"])
    assert serialize.to_dict(result) == data
    assert result.id == article["id"]
    assert_spans_valid(result)
    # every kind of object appears
    assert result.timexes
    assert result.actors
    assert result.claims
    assert result.events


def test_output_doc_error_record_is_what_a_bad_line_gives() -> None:
    from io import StringIO

    from syrdiplo.batch import run_jsonl

    out = StringIO()
    good = json.dumps({"id": "1", "text": "نص"}, ensure_ascii=False)
    run_jsonl(make_pipeline(builtins=False), [good, "not json"], out, name="articles.jsonl")
    assert json.loads(out.getvalue().splitlines()[1]) == _json_block("error-record")


# --------------------------------------------------------------------------- README


def test_readme_gives_the_setup_main_and_test_commands() -> None:
    text = README.read_text(encoding="utf-8")
    for command in (*SETUP_COMMANDS, MAIN_COMMAND, TEST_COMMAND):
        assert f"\n    {command}\n" in text, f"README.md must give `{command}` on a line of its own"


def test_readme_links_resolve() -> None:
    text = README.read_text(encoding="utf-8")
    links = re.findall(r"\]\(((?!https?:)[^)#]+)(?:#[^)]*)?\)", text)
    assert links
    for link in links:
        assert (ROOT / link).exists(), f"README.md links to {link}, which does not exist"


def test_readme_example_is_short() -> None:
    match = _README_EXAMPLE.search(README.read_text(encoding="utf-8"))
    assert match
    lines = [line for line in match["code"].splitlines() if line.strip()]
    assert len(lines) <= 12


@pytest.mark.slow
def test_readme_example_output_matches_a_real_run() -> None:
    match = _README_EXAMPLE.search(README.read_text(encoding="utf-8"))
    assert match, "README.md has no <!-- readme-example --> block"
    actual = run_readme_example(match["code"])
    assert actual.strip(), "the README example printed nothing"
    assert match["output"] == actual, (
        "README.md's example output is stale; run `python tests/test_docs.py --update` "
        f"or paste this block:\n\n```text\n{actual}```\n"
    )


# --------------------------------------------------------------------------- getting started


def getting_started_commands() -> list[str]:
    """The syrdiplo and example commands of docs/getting-started.md (not the install ones)."""
    text = (DOCS / "getting-started.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```console\n(.*?)```", text, re.S)
    lines = [line.strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line.startswith(("syrdiplo ", "python examples/"))]


def test_getting_started_shows_the_commands() -> None:
    commands = getting_started_commands()
    assert MAIN_COMMAND in commands
    assert "python examples/quickstart.py" in commands


@pytest.mark.slow
@pytest.mark.parametrize("command", getting_started_commands())
def test_getting_started_command_runs(command: str) -> None:
    import shlex

    program, *args = shlex.split(command)
    argv = (
        [sys.executable, "-m", "syrdiplo", *args]
        if program == "syrdiplo"
        else [sys.executable, *args]
    )
    done = subprocess.run(
        argv,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_env(PYTHONIOENCODING="utf-8"),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()


# --------------------------------------------------------------------------- CLI reference


def cli_commands() -> list[str]:
    import argparse

    from syrdiplo.cli import build_parser

    parser = build_parser()
    (subparsers,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return list(subparsers.choices)


def test_cli_reference_covers_every_command() -> None:
    documented = [m["command"] for m in _HELP_BLOCK.finditer(CLI_DOC.read_text(encoding="utf-8"))]
    assert documented == ["", *cli_commands()]


@pytest.mark.slow
@pytest.mark.parametrize("command", ["", *cli_commands()])
def test_cli_reference_matches_help(command: str) -> None:
    blocks = {
        m["command"]: m["body"] for m in _HELP_BLOCK.finditer(CLI_DOC.read_text(encoding="utf-8"))
    }
    expected = help_block(command)
    assert blocks[command] == expected, (
        f"docs/cli.md is stale for `syrdiplo {command} --help`; run `python tests/test_docs.py --update` "
        f"or paste this block:\n\n{expected}"
    )


def test_cli_reference_documents_the_exit_codes() -> None:
    from syrdiplo import cli

    text = CLI_DOC.read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| (\d) \| (.*) \|$", text, re.M))
    assert table.keys() == {
        str(cli.EXIT_OK),
        str(cli.EXIT_ERROR),
        str(cli.EXIT_USAGE),
        str(cli.EXIT_PARTIAL),
    }


# options of other tools that the docs show (pip, mkdocs, this file)
_OTHER_TOOLS_OPTIONS = {"--update", "--no-deps", "--target", "--no-build-isolation"}


def test_docs_name_only_real_cli_options() -> None:
    """Every ``--option`` the docs mention is an option of a command (no stale flags)."""
    import argparse

    from syrdiplo.cli import build_parser

    parser = build_parser()
    options = {s for a in parser._actions for s in a.option_strings}
    (subparsers,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    for sub in subparsers.choices.values():
        options |= {s for a in sub._actions for s in a.option_strings}
    mine = [README, *(p for p in DOCS.rglob("*.md") if p.name not in OTHERS_PAGES)]
    for page in mine:
        for option in set(
            re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", page.read_text(encoding="utf-8"))
        ):
            assert option in options | _OTHER_TOOLS_OPTIONS, (
                f"{page.relative_to(ROOT)} mentions {option}, which no syrdiplo command has"
            )


def test_doc_helper_modules_import() -> None:
    """The griffe extension the docs build loads is importable and rewrites reST."""
    sys.path.insert(0, str(DOCS))
    try:
        ext = importlib.import_module("_griffe_rst")
    finally:
        sys.path.remove(str(DOCS))
    converted = ext.rst_to_markdown(
        ":param x: see :class:`~syrdiplo.Timex`.\n\nExample::\n\n    pass\n\n.. versionadded:: 0.1",
        set(syrdiplo.__all__),
    )
    assert "[`Timex`][syrdiplo.Timex]" in converted
    assert "Example:\n" in converted
    assert "*Added in version 0.1*." in converted
    assert converted.rstrip().endswith(":param x: see [`Timex`][syrdiplo.Timex].")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/test_docs.py --update")
    update()
