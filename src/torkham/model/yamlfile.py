"""YAML loading that remembers where each mapping and key came from, for `file:line` messages."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from torkham.errors import TorkhamError


class Located(dict):
    """A mapping read from YAML, with the line of the mapping and of each of its keys (1-based)."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


if TYPE_CHECKING:
    _BaseLoader = yaml.SafeLoader  # CSafeLoader has the same constructor methods
else:
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when present: ten times faster


class _Loader(_BaseLoader):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Located:
    loader.flatten_mapping(node)
    mapping = Located()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) or key is None:
            raise yaml.constructor.ConstructorError(None, None, "a key must be plain text", key_node.start_mark)
        key = str(key)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"key '{key}' appears twice in the same mapping", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_timestamp_as_text(loader: _Loader, node: yaml.ScalarNode) -> str:
    # Dates stay text: partial dates ("2023-09") are the norm, and a reviewer sees what was written.
    return loader.construct_scalar(node)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp_as_text)


class YamlError(TorkhamError):
    def __init__(self, path: Path, line: int, message: str):
        self.path, self.line = path, line
        super().__init__(f"{path}:{line}: {message}")


def load_yaml(path: Path, label: str | None = None) -> Any:
    """Parse one YAML file; a syntax error becomes a YamlError naming file and line."""
    shown = label or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlError(Path(shown), 1, f"not UTF-8 text ({exc.reason}); save the file as UTF-8") from None
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader derives from SafeLoader
    except yaml.MarkedYAMLError as exc:
        line, message = _syntax_error(text, exc)
        raise YamlError(Path(shown), line, f"malformed YAML: {message}") from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        raise YamlError(
            Path(shown),
            line,
            f"control character U+{int(exc.character):04X} is not allowed in YAML; delete it or write it escaped",
        ) from None
    except yaml.YAMLError as exc:
        raise YamlError(Path(shown), 1, f"malformed YAML: {' '.join(str(exc).split())}") from None


def word_list(data: dict, key: str, path: Path, required: bool = True) -> list[str]:
    """The list of words at `key` of a word file read with load_yaml: each a non-empty string, stripped.
    Anything else is refused naming the file and the key (absent or empty: an empty list unless `required`)."""
    words = data.get(key)
    if words is None and not required:
        return []
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise TorkhamError(f"{path}: '{key}' must be a list of words")
    return [w.strip() for w in words]


def _syntax_error(text: str, exc: yaml.MarkedYAMLError) -> tuple[int, str]:
    """The line and the message of a syntax error. A quote left open swallows the lines after it, and the
    parser stumbles only where the next quote mark closes it: that error is reported where the quote opens."""
    if exc.context_mark is not None and "quoted scalar" in (exc.context or ""):  # the file ends inside it
        return exc.context_mark.line + 1, (
            "the quote opened on this line is never closed (the file ends inside it); close it, "
            "or restore the rest of the file if it was cut short"
        )
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    opened = _unclosed_quote(text)
    if opened is not None:
        start, end = opened
        return start, (
            f"the quote opened on this line is not closed on it (the quoted text runs on to line {end}); "
            "add the closing quote"
        )
    problem = exc.problem or exc.context or "cannot be parsed"
    return line, f"{problem}; check indentation and quoting near this line"


_LOOKS_LIKE_YAML = re.compile(r"^\s*(- |[\w-]+:(\s|$))")


def _unclosed_quote(text: str) -> tuple[int, int] | None:
    """(line where it opens, line where it ends) of a quoted value that ran on into what reads as YAML
    (a key or a list item at the start of a line) just before the parser failed; None when there is none."""
    last: tuple[int, int] | None = None  # 0-based lines of the last quoted value read
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.ScalarEvent) and event.style in ('"', "'"):
                last = (event.start_mark.line, event.end_mark.line) if event.start_mark and event.end_mark else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if last is None or mark is None or not last[0] < last[1] <= mark.line <= last[1] + 1:
            return None
        swallowed = text.splitlines()[last[0] + 1 : last[1] + 1]
        if any(_LOOKS_LIKE_YAML.match(row) for row in swallowed):
            return last[0] + 1, last[1] + 1
    return None
