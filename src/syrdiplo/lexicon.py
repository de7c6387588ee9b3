"""Language data: loading, validating and merging the lexicon tables.

Words live in data files, not in code. The core tables ship in
``syrdiplo/data/`` (``months.toml``, ``cues.toml``, ``actors.tsv`` ...); a plugin
adds tables or extends existing ones through the ``syrdiplo_register_lexicons``
hook, which goes through the same loader and the same checks.

A TOML file becomes a table named after the file's stem; a TSV file becomes a
tuple of row dicts keyed by its header line. Merging a second source into a
table extends lists, merges tables key by key and appends TSV rows, so a plugin
can add one spelling of one month without repeating the others.

Nothing is read at import time: :func:`core_lexicon` reads the shipped files on
first use and caches them.
"""

from __future__ import annotations

import csv
import functools
import io
import tomllib
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

from .errors import DataFileError

__all__ = ["Lexicon", "core_lexicon", "load_file"]

T = TypeVar("T")

TableSource = Mapping[str, Any] | Iterable[Mapping[str, str]] | str | Path | Traversable


def load_file(path: str | Path | Traversable) -> tuple[str, Any]:
    """Read one ``.toml`` or ``.tsv`` data file; return ``(table name, data)``.

    Raises :class:`DataFileError` naming the file for unreadable or malformed data.
    """
    name = Path(str(path)).name if not isinstance(path, Traversable) else path.name
    stem, _, suffix = name.rpartition(".")
    try:
        raw = (
            path.read_text(encoding="utf-8")
            if isinstance(path, Traversable)
            else Path(path).read_text(encoding="utf-8")
        )
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(name, f"cannot be read: {error}") from None
    if suffix == "toml":
        try:
            data: Any = tomllib.loads(raw)
        except tomllib.TOMLDecodeError as error:
            raise DataFileError(name, f"is not valid TOML: {error}") from None
        _check_strings(name, data, "")
        return stem, data
    if suffix == "tsv":
        return stem, _parse_tsv(name, raw)
    raise DataFileError(name, "data files must end in .toml or .tsv")


def _parse_tsv(name: str, raw: str) -> tuple[dict[str, str], ...]:
    lines = [line for line in raw.splitlines() if line.strip() and not line.startswith("#")]
    if not lines:
        return ()
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = list(reader)
    header = [h.strip() for h in rows[0]]
    if len(set(header)) != len(header) or not all(header):
        raise DataFileError(name, f"header has empty or repeated columns: {header}", key="line 1")
    out = []
    for number, row in enumerate(rows[1:], 2):
        if len(row) != len(header):
            raise DataFileError(
                name,
                f"has {len(row)} columns where the header has {len(header)}",
                key=f"row {number}",
            )
        out.append({h: cell.strip() for h, cell in zip(header, row, strict=True)})
    return tuple(out)


def _check_strings(name: str, data: Any, key: str) -> None:
    """Every string in a table must be non-empty after stripping."""
    if isinstance(data, dict):
        for k, v in data.items():
            _check_strings(name, v, f"{key}.{k}" if key else str(k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            _check_strings(name, v, f"{key}[{i}]")
    elif isinstance(data, str) and not data.strip():
        raise DataFileError(name, "empty string", key=key)


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, Mapping):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(merged[key], value) if key in merged else value
        return merged
    if isinstance(base, list | tuple) and isinstance(extra, list | tuple):
        seen = list(base)
        for item in extra:
            if item not in seen:
                seen.append(item)
        return type(base)(seen) if isinstance(base, tuple) else seen
    return extra


class Lexicon:
    """Named language-data tables, read-only once built.

    ``lexicon["months"]`` is the table read from ``months.toml`` merged with what
    plugins registered under ``"months"``. :meth:`words` and :meth:`table` fetch
    parts of a table and check their shape, raising :class:`DataFileError`
    naming the table and key.
    """

    def __init__(
        self,
        tables: Mapping[str, Any] | None = None,
        origins: Mapping[str, list[str]] | None = None,
    ):
        self._tables: dict[str, Any] = dict(tables or {})
        self._origins: dict[str, list[str]] = {k: list(v) for k, v in (origins or {}).items()}
        self._cache: dict[Any, Any] = {}

    # -- building

    def extended(self, name: str, source: TableSource, *, origin: str) -> Lexicon:
        """A new lexicon with ``source`` merged into table ``name``."""
        data: Any
        if isinstance(source, str | Path | Traversable):
            _stem, data = load_file(source)
        elif isinstance(source, Mapping):
            _check_strings(origin, source, name)
            data = dict(source)
        else:
            rows = tuple(source)
            for i, row in enumerate(rows):
                if not isinstance(row, Mapping):
                    raise DataFileError(
                        origin, "rows must be mappings of column to value", key=f"{name}[{i}]"
                    )
            data = tuple(dict(r) for r in rows)
        tables = dict(self._tables)
        tables[name] = _merge(tables[name], data) if name in tables else data
        origins = {k: list(v) for k, v in self._origins.items()}
        origins.setdefault(name, []).append(origin)
        return Lexicon(tables, origins)

    # -- reading

    def __contains__(self, name: object) -> bool:
        return name in self._tables

    def __getitem__(self, name: str) -> Any:
        try:
            return self._tables[name]
        except KeyError:
            raise DataFileError(name, "no such lexicon table; is the data file shipped?") from None

    def names(self) -> list[str]:
        return sorted(self._tables)

    def origins(self, name: str) -> list[str]:
        """Where table ``name`` came from (files and plugins), in merge order."""
        return list(self._origins.get(name, []))

    def _where(self, name: str) -> str:
        return " + ".join(self._origins.get(name, [name])) or name

    def table(self, name: str, *path: str) -> dict[str, Any]:
        """The sub-table at ``name.path...``; must be a TOML table."""
        node: Any = self[name]
        for step in path:
            if not isinstance(node, dict) or step not in node:
                raise DataFileError(self._where(name), "missing table", key=".".join(path))
            node = node[step]
        if not isinstance(node, dict):
            raise DataFileError(self._where(name), "expected a table", key=".".join(path))
        return node

    def words(self, name: str, *path: str, required: bool = True) -> list[str]:
        """The list of strings at ``name.path...``."""
        node: Any = self[name]
        for step in path:
            if not isinstance(node, dict) or step not in node:
                if not required:
                    return []
                raise DataFileError(self._where(name), "missing list of words", key=".".join(path))
            node = node[step]
        if isinstance(node, str):
            node = [node]
        if not isinstance(node, list) or not all(isinstance(w, str) for w in node):
            raise DataFileError(self._where(name), "expected a list of strings", key=".".join(path))
        return list(node)

    def rows(self, name: str, required_columns: Iterable[str] = ()) -> tuple[dict[str, str], ...]:
        """The rows of a TSV table, checking that ``required_columns`` exist."""
        rows = self[name]
        if not isinstance(rows, tuple):
            raise DataFileError(self._where(name), "expected a TSV table")
        for i, row in enumerate(rows):
            for column in required_columns:
                if not row.get(column):
                    raise DataFileError(
                        self._where(name), f"column {column!r} is empty", key=f"row {i + 2}"
                    )
        return rows

    def cached(self, key: Any, build: Callable[[Lexicon], T]) -> T:
        """Build something from this lexicon once (a compiled pattern, a trie) and keep it."""
        try:
            return self._cache[key]  # type: ignore[no-any-return]
        except KeyError:
            value = self._cache[key] = build(self)
            return value

    def __repr__(self) -> str:
        return f"Lexicon({', '.join(self.names())})"


def _data_files() -> list[Traversable]:
    root = resources.files("syrdiplo") / "data"
    return sorted(
        (f for f in root.iterdir() if f.name.endswith((".toml", ".tsv"))), key=lambda f: f.name
    )


@functools.cache
def core_lexicon() -> Lexicon:
    """The lexicon shipped in ``syrdiplo/data/``, read once and cached."""
    lexicon = Lexicon()
    for file in _data_files():
        stem = file.name.rpartition(".")[0]
        lexicon = lexicon.extended(stem, file, origin=file.name)
    return lexicon
