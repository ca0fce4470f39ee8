"""Source texts: finding them on disk and locating verbatim quotes in them."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Fold every run of white space to one space; nothing else is changed."""
    return _SPACE.sub(" ", text).strip()


class SourceText:
    """A source's text, folded for quote matching, remembering the line of each folded character."""

    def __init__(self, path: Path):
        self.path = path
        raw = path.read_bytes()
        self.sha256 = hashlib.sha256(raw).hexdigest()
        text = raw.decode("utf-8")
        chars: list[str] = []
        lines: list[int] = []
        line = 1
        in_space = True
        for char in text:
            if char.isspace():
                if not in_space:
                    chars.append(" ")
                    lines.append(line)
                in_space = True
            else:
                chars.append(char)
                lines.append(line)
                in_space = False
            if char == "\n":
                line += 1
        self.folded = "".join(chars)
        self._lines = lines
        self._casefolded = self.folded.casefold()

    def line_of(self, quote: str) -> int | None:
        """The 1-based line where `quote` starts, or None when the text does not contain it."""
        position = self.folded.find(fold(quote))
        return self._lines[position] if position >= 0 and quote.strip() else None

    def mentions(self, name: str) -> bool:
        return fold(name).casefold() in self._casefolded


def text_search_dirs(kb_root: Path, extra: list[Path] | None = None) -> list[Path]:
    """Where source texts are looked for: --texts / TORKHAM_TEXTS, the knowledge folder, then any
    `shared/source` folder beside the working directory, the knowledge folder or the package."""
    dirs = list(extra or [])
    from torkham.config import Settings

    dirs.extend(Settings.load().text_dirs)
    dirs.append(kb_root)
    for start in (Path.cwd(), kb_root.resolve(), Path(__file__).resolve()):
        for parent in [start, *start.parents]:
            dirs.append(parent / "shared" / "source")
    return dirs


@lru_cache(maxsize=8)
def _load(path: Path, mtime_ns: int, size: int) -> SourceText:  # keyed on mtime and size: a text may be replaced
    return SourceText(path)


def find_text(file_name: str, search_dirs: list[Path]) -> SourceText | None:
    for directory in search_dirs:
        candidate = directory / file_name
        if candidate.is_file():
            stat = candidate.stat()
            return _load(candidate.resolve(), stat.st_mtime_ns, stat.st_size)
    return None
