"""The plugin contract: the two markers and the hook specifications.

A plugin is any module or object with functions marked ``@syrdiplo.hookimpl``
whose names are hook names below. Hooks are called with keyword arguments, and
an implementation may accept fewer arguments than the spec lists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from .document import Document
    from .extractor import Extractor
    from .model import Timex

__all__ = ["hookimpl", "hookspec"]

hookspec = pluggy.HookspecMarker("syrdiplo")
hookimpl = pluggy.HookimplMarker("syrdiplo")


# --------------------------------------------------------------------------- set-up: called once per pipeline


@hookspec
def syrdiplo_register_extractors(register: Callable[[Extractor], None]) -> None:
    """Hand the pipeline the extractors this plugin provides.

    :param register: call ``register(extractor)`` once per extractor. An
        extractor is any object with a unique ``name`` (str) and a method
        ``extract(doc: Document) -> Iterable[Event]``; see :class:`syrdiplo.Extractor`.
        The pipeline checks what it is given and names the plugin in the error.

    Return nothing. The pipeline owns calling, ordering (by registration order,
    plugins in load order), disabling and isolating the extractors.

    Example::

        @syrdiplo.hookimpl
        def syrdiplo_register_extractors(register):
            register(CrossingExtractor())

    .. versionadded:: 0.1
    """


@hookspec
def syrdiplo_register_lexicons(register: Callable[[str, Any], None]) -> None:
    """Add language data: new tables, or entries merged into the core ones.

    :param register: call ``register(name, source)``. ``name`` is a table name
        such as ``"months"``, ``"cues"`` or ``"actors"``, or a new name of the
        plugin's own. ``source`` is a path (or ``importlib.resources`` file) to a
        ``.toml`` or ``.tsv`` file, a mapping shaped like the TOML file, or, for
        TSV tables, an iterable of row mappings. Lists are extended, tables are
        merged key by key and rows are appended. The data is checked exactly as
        the shipped files are; a malformed source fails this plugin only.

    Return nothing.

    Example::

        @syrdiplo.hookimpl
        def syrdiplo_register_lexicons(register):
            register("months", {"gregorian": {"8": ["اغشت"]}})

    .. versionadded:: 0.1
    """


@hookspec
def syrdiplo_register_actors(register: Callable[..., None]) -> None:
    """Add people and institutions to the actor gazetteer.

    :param register: call ``register(canonical=..., country=..., type=...,
        names=[...], ...)`` once per actor. The keywords are the columns of
        ``actors.tsv``: ``canonical`` (English name, surname last), ``type``
        (``person`` or ``organization``), ``country`` (ISO code), ``gender``,
        ``kind``, ``names`` / ``short`` / ``after`` / ``qualified`` (Arabic
        spellings, lists allowed) and ``offices`` (terms written
        ``office[@at]:start/end``). See ``docs/gazetteer.md``. The rows are
        checked like the shipped file; a bad row fails this plugin only, with a
        message naming the row and column.

    Return nothing.

    Example::

        @syrdiplo.hookimpl
        def syrdiplo_register_actors(register):
            register(canonical="Ivan Testov", country="RU", type="person",
                     names=["إيفان تيستوف"], short=["تيستوف"], offices=["envoy@SY:2031-01-01/"])

    .. versionadded:: 0.1
    """


# --------------------------------------------------------------------------- per article: core stages


@hookspec
def syrdiplo_find_timexes(doc: Document) -> Iterable[Timex] | None:
    """Find date expressions the core resolver does not know.

    :param doc: the article after sentence splitting, with the core resolver's
        timexes in ``doc.timexes``. Read-only (frozen).

    Return the extra :class:`~syrdiplo.Timex` objects, or ``None``. Where one
    overlaps a core timex, the longer one is kept (the plugin's on a tie).

    .. versionadded:: 0.1
    """
