"""The exception and warning hierarchy.

Every exception raised on purpose by syrdiplo derives from :class:`SyrdiploError`.
Where it makes sense the classes also derive from a standard exception, so callers
may catch either (``except ValueError`` catches an :class:`InputError`).
Messages are written to be shown to a user: they say what failed, where, and
what to do next.
"""

from __future__ import annotations

__all__ = [
    "DataFileError",
    "ExtractorError",
    "InputError",
    "PluginError",
    "SyrdiploError",
    "SyrdiploWarning",
]


class SyrdiploError(Exception):
    """Base class of every error syrdiplo raises on purpose."""


class InputError(SyrdiploError, ValueError):
    """An article or an input line is unusable.

    :param message: what is wrong with the input.
    :param where: where it is, e.g. ``"articles.jsonl:12"`` or an article id.
    :param field: the input field at fault, if one is.
    """

    def __init__(self, message: str, *, where: str | None = None, field: str | None = None):
        self.message = message
        self.where = where
        self.field = field
        prefix = f"{where}: " if where else ""
        suffix = f" (field {field!r})" if field else ""
        super().__init__(f"{prefix}{message}{suffix}")


class DataFileError(SyrdiploError):
    """A language-data file (months, cues, actors ...) is malformed.

    :param file: the file or lexicon name.
    :param key: the key or row at fault.
    :param message: what is wrong.
    """

    def __init__(self, file: str, message: str, *, key: str | None = None):
        self.file = file
        self.key = key
        self.message = message
        where = f"{file} [{key}]" if key else file
        super().__init__(f"{where}: {message}")


class PluginError(SyrdiploError):
    """A plugin could not be loaded, or registered something unusable."""

    def __init__(self, plugin_name: str, message: str, *, distribution: str | None = None):
        self.plugin_name = plugin_name
        self.distribution = distribution
        self.message = message
        dist = f" (from {distribution})" if distribution else ""
        super().__init__(
            f"plugin {plugin_name!r}{dist}: {message}; disable it with `--disable {plugin_name}`"
        )


class ExtractorError(SyrdiploError):
    """An extractor raised or returned malformed data while the pipeline ran strict."""

    def __init__(self, plugin: str, extractor: str, message: str, *, article_id: str | None = None):
        self.plugin = plugin
        self.extractor = extractor
        self.article_id = article_id
        self.message = message
        where = f"article {article_id!r}: " if article_id is not None else ""
        super().__init__(f"{where}extractor {extractor!r} of plugin {plugin!r}: {message}")


class SyrdiploWarning(UserWarning):
    """Something failed and syrdiplo recovered (a plugin that did not load, say)."""
