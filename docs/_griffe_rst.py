"""A griffe extension for the docs build: the reST bits of our docstrings, as Markdown.

syrdiplo's docstrings are written for both ``help()`` and the docs site, in the
Sphinx style (``:param x:``, which mkdocstrings parses itself). This extension
rewrites the rest before mkdocstrings renders it:

* ``:class:`~syrdiplo.Timex``` and the other roles become code, linked to the
  API page when the target is in ``syrdiplo.__all__`` (``api.md`` renders
  every one of those, and a test checks that);
* ``Example::`` loses its second colon (the indented block after it is already
  a Markdown code block);
* ``.. versionadded:: 0.1`` and ``.. versionchanged:: 0.2`` become a line of text;
* the ``:param x:`` fields move to the end, where the Sphinx-style parser
  expects them (written first, they would swallow the prose that follows).

It also gives ``attrs`` classes the ``__init__`` that attrs generates at run
time (keyword-only, one parameter per field, ``init=False`` fields left out),
which griffe cannot see when it reads the source, so the API page shows their
real signatures and matches their ``:param x:`` fields.

Loaded from ``mkdocs.yml`` (``extensions: [docs/_griffe_rst.py]``); not published.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|func|meth|attr|mod|data|exc|obj):`(~?)([\w.]+)(?:\(\))?`")
_LITERAL_INTRO = re.compile(r"(?<=\S)::$", re.MULTILINE)
_FIELD = re.compile(r"^:(?:param|type|returns?|rtype|raises?|var|ivar)\b")
_VERSION = re.compile(r"^([ \t]*)\.\. version(added|changed)::[ \t]*(\S+)[ \t]*(.*)$", re.MULTILINE)


def _public_names() -> set[str]:
    import syrdiplo

    return set(syrdiplo.__all__)


def _role(match: re.Match[str], public: set[str]) -> str:
    short, target = match.group(1), match.group(2)
    shown = target.rsplit(".", 1)[-1] if short else target
    head, _, name = target.partition(".")
    if head == "syrdiplo" and name in public:
        return f"[`{shown}`][syrdiplo.{name}]"
    return f"`{shown}`"


def _version(match: re.Match[str]) -> str:
    indent, kind, version, rest = match.groups()
    verb = "Added" if kind == "added" else "Changed"
    tail = f": {rest}" if rest else "."
    return f"{indent}*{verb} in version {version}*{tail}"


def _fields_last(text: str) -> str:
    """Move ``:param:`` fields (a line and its indented continuation) to the end."""
    prose: list[str] = []
    fields: list[str] = []
    in_field = False
    for line in text.splitlines():
        if _FIELD.match(line):
            in_field = True
            fields.append(line)
        elif in_field and (line.startswith((" ", "\t")) or not line.strip()):
            fields.append(line)
        else:
            in_field = False
            prose.append(line)
    if not fields:
        return text
    while fields and not fields[-1].strip():
        fields.pop()
    body = "\n".join(prose).rstrip()
    return f"{body}\n\n" + "\n".join(line for line in fields if line.strip())


def rst_to_markdown(text: str, public: set[str]) -> str:
    """Rewrite the reST roles and directives in one docstring."""
    text = _fields_last(text)
    text = _ROLE.sub(lambda m: _role(m, public), text)
    text = _LITERAL_INTRO.sub(":", text)
    return _VERSION.sub(_version, text)


_ATTRS_DECORATORS = ("attrs.frozen", "attrs.define", "attrs.mutable", "attr.s", "attrs.attrs")


def _is_attrs_class(cls: griffe.Class) -> bool:
    return any(str(d.value).startswith(_ATTRS_DECORATORS) for d in cls.decorators)


def _field_parameter(attr: griffe.Attribute) -> griffe.Parameter | None:
    """The ``__init__`` parameter attrs makes for one field, or None (``init=False``)."""
    value = attr.value
    default: Any = value
    if isinstance(value, griffe.ExprCall) and str(value.function) in ("attrs.field", "attr.ib"):
        keywords = {a.name: a.value for a in value.arguments if isinstance(a, griffe.ExprKeyword)}
        if str(keywords.get("init")) == "False":
            return None
        default = keywords.get("default")
        if default is None and "factory" in keywords:
            default = f"{keywords['factory']}()"
    return griffe.Parameter(
        attr.name,
        annotation=attr.annotation,
        kind=griffe.ParameterKind.keyword_only,
        default=default,
    )


def _attrs_fields(cls: griffe.Class) -> dict[str, griffe.Attribute]:
    fields: dict[str, griffe.Attribute] = {}
    try:
        bases = [b for b in cls.resolved_bases if isinstance(b, griffe.Class)]
    except Exception:  # noqa: BLE001 - an unresolvable base just contributes no fields
        bases = []
    for base in bases:
        if _is_attrs_class(base):
            fields.update(_attrs_fields(base))
    for name, member in cls.members.items():
        if (
            member.is_attribute
            and not member.is_alias
            and member.annotation is not None
            and "property" not in member.labels
            and not str(member.annotation).startswith("ClassVar")
        ):
            fields.pop(name, None)
            fields[name] = member
    return fields


def add_attrs_init(cls: griffe.Class) -> None:
    """Give an ``attrs`` class the keyword-only ``__init__`` attrs generates."""
    if "__init__" in cls.members or not _is_attrs_class(cls):
        return
    parameters = [griffe.Parameter("self", kind=griffe.ParameterKind.positional_or_keyword)]
    for attr in _attrs_fields(cls).values():
        parameter = _field_parameter(attr)
        if parameter is not None:
            parameters.append(parameter)
    init = griffe.Function("__init__", parameters=griffe.Parameters(*parameters), returns="None")
    cls.set_member("__init__", init)


class RstToMarkdown(griffe.Extension):
    def __init__(self) -> None:
        super().__init__()
        self._public = _public_names()

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.is_class:
            add_attrs_init(obj)  # type: ignore[arg-type]
        if obj.docstring is not None:
            obj.docstring.value = rst_to_markdown(obj.docstring.value, self._public)
