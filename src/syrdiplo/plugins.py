"""Finding, loading, blocking and listing plugins.

Load order follows pytest's: work out the blocklist, then load the built-in
plugins, then third-party entry points (unless turned off), then plugins passed
in code. Built-ins are declared in syrdiplo's own ``syrdiplo`` entry-point
group and go through exactly the same path as a third party's. A blocked
plugin is never imported, so a plugin that crashes on import can be switched
off. A plugin that fails to load is reported and skipped; the others load.

Environment:

``SYRDIPLO_LOAD_PLUGINS``
    comma-separated allowlist of third-party plugin names; set but empty
    (``SYRDIPLO_LOAD_PLUGINS=''``) means built-ins only.
``SYRDIPLO_TRACE_PLUGINS=1``
    print every hook call and its result to stderr (done by the pipeline,
    which calls each implementation itself to isolate failures).
"""

from __future__ import annotations

import importlib.metadata
import os
import types
import warnings
from collections.abc import Iterable

import attrs
import pluggy

from . import hookspecs
from .errors import SyrdiploWarning

__all__ = ["ENTRY_POINT_GROUP", "PluginInfo", "builtin_plugin_names", "load_plugins"]

ENTRY_POINT_GROUP = "syrdiplo"
_OWN_DISTRIBUTION = "syrdiplo"


@attrs.frozen(kw_only=True)
class PluginInfo:
    """One row of ``syrdiplo plugins``.

    :param source: ``"builtin"``, ``"entrypoint"`` or ``"explicit"``.
    :param status: ``"loaded"``, ``"blocked"`` or ``"failed"``.
    """

    name: str
    source: str
    status: str
    distribution: str | None = None
    version: str | None = None
    hooks: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    extractors: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    error: str | None = None


def _env_allowlist() -> set[str] | None:
    raw = os.environ.get("SYRDIPLO_LOAD_PLUGINS")
    if raw is None:
        return None
    return {name.strip() for name in raw.split(",") if name.strip()}


def _plugin_name(plugin: object) -> str:
    if isinstance(plugin, types.ModuleType):
        return plugin.__name__
    name = getattr(plugin, "name", None) or getattr(plugin, "__name__", None)
    return str(name) if name else type(plugin).__name__


def _hooks_of(pm: pluggy.PluginManager, plugin: object) -> tuple[str, ...]:
    return tuple(sorted(caller.name for caller in pm.get_hookcallers(plugin) or []))


class _Loader:
    def __init__(self, pm: pluggy.PluginManager, blocked: set[str]):
        self.pm = pm
        self.blocked = blocked
        self.infos: dict[str, PluginInfo] = {}

    def fail(
        self,
        name: str,
        source: str,
        error: BaseException | str,
        dist: str | None = None,
        version: str | None = None,
    ) -> None:
        message = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
        self.infos[name] = PluginInfo(
            name=name,
            source=source,
            status="failed",
            distribution=dist,
            version=version,
            error=message,
        )
        warnings.warn(
            f"syrdiplo plugin {name!r}{f' (from {dist})' if dist else ''} failed to load: {message}. "
            f"Disable it with `--disable {name}` or SYRDIPLO_LOAD_PLUGINS.",
            SyrdiploWarning,
            stacklevel=4,
        )

    def register(
        self,
        name: str,
        plugin: object,
        source: str,
        dist: str | None = None,
        version: str | None = None,
    ) -> None:
        if name in self.infos and self.infos[name].status == "loaded":
            self.fail(
                name,
                source,
                f"the name is already taken by a {self.infos[name].source} plugin",
                dist,
                version,
            )
            return
        try:
            self.pm.register(plugin, name=name)
        except Exception as error:  # noqa: BLE001 - one bad plugin must not stop the others loading
            self.fail(name, source, error, dist, version)
            return
        unknown = [
            hook.name
            for hook in self.pm.get_hookcallers(plugin) or []
            if not hook.has_spec() and not any(impl.optionalhook for impl in hook.get_hookimpls())
        ]
        if unknown:
            self.pm.unregister(plugin)
            self.fail(
                name,
                source,
                f"implements unknown hooks {sorted(unknown)} (misspelt?)",
                dist,
                version,
            )
            return
        self.infos[name] = PluginInfo(
            name=name,
            source=source,
            status="loaded",
            distribution=dist,
            version=version,
            hooks=_hooks_of(self.pm, plugin),
        )


def _entry_points() -> list[importlib.metadata.EntryPoint]:
    eps = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
    # several copies of one distribution can be visible (e.g. an egg-info beside the install)
    unique = {}
    for ep in eps:
        unique.setdefault(ep.name, ep)
    return sorted(unique.values(), key=lambda ep: ep.name)


def builtin_plugin_names() -> list[str]:
    """The names of the built-in plugins (syrdiplo's own entry points)."""
    return [
        ep.name
        for ep in _entry_points()
        if ep.dist is not None and ep.dist.name == _OWN_DISTRIBUTION
    ]


def load_plugins(
    *,
    disable: Iterable[str] = (),
    entrypoints: bool = True,
    plugins: Iterable[object] = (),
) -> tuple[pluggy.PluginManager, list[PluginInfo]]:
    """Build a fresh plugin manager; return it with one :class:`PluginInfo` per plugin seen.

    :param disable: plugin names not to load (built-ins included).
    :param entrypoints: load third-party plugins from the ``syrdiplo`` entry-point group.
    :param plugins: extra plugin objects or modules to register, after all others.
        A plugin's name is its ``name`` attribute, else its module or class name.
    """
    blocked = set(disable)
    allow = _env_allowlist()
    pm = pluggy.PluginManager(ENTRY_POINT_GROUP)
    pm.add_hookspecs(hookspecs)
    loader = _Loader(pm, blocked)

    builtins: list[tuple[importlib.metadata.EntryPoint, str | None, str | None]] = []
    third: list[tuple[importlib.metadata.EntryPoint, str | None, str | None]] = []
    for ep in _entry_points():
        dist = ep.dist.name if ep.dist is not None else None
        version = ep.dist.version if ep.dist is not None else None
        (builtins if dist == _OWN_DISTRIBUTION else third).append((ep, dist, version))

    for group, source in ((builtins, "builtin"), (third, "entrypoint")):
        for ep, dist, version in group:
            if ep.name in blocked:
                loader.infos[ep.name] = PluginInfo(
                    name=ep.name,
                    source=source,
                    status="blocked",
                    distribution=dist,
                    version=version,
                )
                continue
            if source == "entrypoint" and (
                not entrypoints or (allow is not None and ep.name not in allow)
            ):
                loader.infos[ep.name] = PluginInfo(
                    name=ep.name,
                    source=source,
                    status="blocked",
                    distribution=dist,
                    version=version,
                )
                continue
            try:
                plugin = ep.load()
            except Exception as error:  # noqa: BLE001 - a plugin that fails on import is reported, not fatal
                loader.fail(ep.name, source, error, dist, version)
                continue
            loader.register(ep.name, plugin, source, dist, version)

    for plugin in plugins:
        name = _plugin_name(plugin)
        if name in blocked:
            loader.infos[name] = PluginInfo(name=name, source="explicit", status="blocked")
            continue
        loader.register(name, plugin, "explicit")

    return pm, [loader.infos[name] for name in sorted(loader.infos)]
