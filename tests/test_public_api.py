"""The public surface: what plugins may import, and that importing has no side effects."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import syrdiplo

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_DIRS = sorted(p for p in (ROOT / "plugins").iterdir() if (p / "__init__.py").exists())
CUSTOM = ROOT / "examples" / "custom_plugin"


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """``(module, names)`` for every absolute import in a file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module, [a.name for a in node.names]))
    return found


def _plugin_files() -> list[Path]:
    files = [f for d in PLUGIN_DIRS for f in d.rglob("*.py")]
    files += [f for f in CUSTOM.rglob("*.py") if "tests" not in f.parts]
    return files


@pytest.mark.parametrize("path", _plugin_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_plugins_import_only_the_public_api(path: Path) -> None:
    """Built-ins are shaped like third-party plugins: no private syrdiplo modules."""
    for module, names in _imports(path):
        parts = module.split(".")
        if parts[0] != "syrdiplo":
            continue
        private = [p for p in parts[1:] if p.startswith("_")]
        assert not private, f"{path.name} imports the private module {module}"
        if module == "syrdiplo":
            leaked = [
                n
                for n in names
                if n not in syrdiplo.__all__
                and n
                not in {"text", "matching", "testing", "dates", "actors", "lexicon", "serialize"}
            ]
            assert not leaked, (
                f"{path.name} imports {leaked} from syrdiplo, which are not in __all__"
            )


def test_every_plugin_package_is_declared_as_an_entry_point() -> None:
    """Adding a package under plugins/ without declaring it would leave it unloaded."""
    import tomllib

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"][
        "entry-points"
    ]["syrdiplo"]
    assert sorted(declared.values()) == sorted(d.name for d in PLUGIN_DIRS)
    assert sorted(syrdiplo.plugins.builtin_plugin_names()) == sorted(declared)


def test_all_names_exist() -> None:
    for name in syrdiplo.__all__:
        assert getattr(syrdiplo, name) is not None


def test_import_has_no_side_effects() -> None:
    """Importing syrdiplo loads no plugin and reads no data file."""
    code = (
        "import sys, syrdiplo, syrdiplo.lexicon as lx\n"
        "assert not any(m.startswith('syrdiplo_') for m in sys.modules), sorted(m for m in sys.modules if m.startswith('syrdiplo_'))\n"
        "assert lx.core_lexicon.cache_info().currsize == 0\n"
        "print('clean')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "clean"


def test_version_comes_from_the_installed_metadata() -> None:
    from importlib.metadata import version

    assert syrdiplo.__version__ == version("syrdiplo")


def test_package_ships_py_typed_and_data() -> None:
    package = Path(syrdiplo.__file__).parent
    assert (package / "py.typed").exists()
    for name in ("months.toml", "weekdays.toml", "countries.toml", "actors.tsv", "cues.toml"):
        assert (package / "data" / name).exists(), name
    declared = (ROOT / "pyproject.toml").read_text("utf-8")
    assert '"data/*.toml"' in declared
    assert '"data/*.tsv"' in declared
