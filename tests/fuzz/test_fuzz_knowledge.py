"""Fuzz the knowledge loader through `torkham kb validate`: one file of the bundled knowledge is damaged as
a careless edit or a broken copy would (cut off, a line dropped or doubled, indentation shifted, a quote or
colon lost, junk or invalid UTF-8 inserted, emptied, only comments, a YAML tag or alias bomb). Whatever the
damage: exit 0 or exit 1 with every problem as `FILE:LINE: message` and one closing `Error: …` line, never a
traceback."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import tempfile
from pathlib import Path

from fuzz_settings import COUNTS
from hypothesis import given
from hypothesis import strategies as st

from torkham.cli.app import run

BUNDLED = Path(__file__).resolve().parents[2] / "src" / "torkham" / "knowledge" / "gul-2024"
FILES = sorted(p.name for p in BUNDLED.glob("*.yaml"))
PROBLEM = re.compile(r"^\S+\.yaml(:\d+)?: \S")
BOMB = (
    'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n'
)


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _damage(text: str, kind: str, at: float, junk: str) -> bytes:
    lines = _lines(text)
    i = int(at * max(len(lines) - 1, 0))
    if kind == "cut":
        return text.encode()[: int(at * len(text.encode()))]
    if kind == "drop-line":
        return "".join(lines[:i] + lines[i + 1 :]).encode()
    if kind == "double-line":
        return "".join(lines[: i + 1] + lines[i:]).encode()
    if kind == "indent":
        return "".join(lines[:i] + ["   " + lines[i] if lines else ""] + lines[i + 1 :]).encode()
    if kind == "lose-quote":
        return "".join(lines[:i] + [lines[i].replace('"', "", 1) if lines else ""] + lines[i + 1 :]).encode()
    if kind == "lose-colon":
        return "".join(lines[:i] + [lines[i].replace(":", "", 1) if lines else ""] + lines[i + 1 :]).encode()
    if kind == "junk":
        return "".join(lines[:i] + [junk + "\n"] + lines[i:]).encode()
    if kind == "bad-utf8":
        raw = text.encode()
        cut = int(at * len(raw))
        return raw[:cut] + b"\xff\xfe\xc3" + raw[cut:]
    if kind == "empty":
        return b""
    if kind == "comments":
        return b"# nothing here yet\n# still nothing\n"
    if kind == "python-tag":
        return b"- !!python/object/apply:os.system ['true']\n" + text.encode()
    return BOMB.encode()


def _validate(kb: Path) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = run(["--kb", str(kb), "kb", "validate"])
    return code, err.getvalue()


def _check(code: int, err: str) -> None:
    assert "Traceback" not in err, err
    assert code in (0, 1), (code, err)
    if code == 1:
        *problems, last = err.rstrip("\n").splitlines()
        assert last.startswith("Error: "), err
        assert problems, err
        for line in problems:
            assert PROBLEM.match(line), line


KINDS = [
    "cut",
    "drop-line",
    "double-line",
    "indent",
    "lose-quote",
    "lose-colon",
    "junk",
    "bad-utf8",
    "empty",
    "comments",
    "python-tag",
    "bomb",
]


@given(
    name=st.sampled_from(FILES),
    kind=st.sampled_from(KINDS),
    at=st.floats(0, 1),
    junk=st.text(st.characters(blacklist_categories=["Cs"]), max_size=40),
)
def test_damaged_knowledge_is_reported_by_file_and_line_never_a_traceback(name, kind, at, junk):
    COUNTS["knowledge:files"] += 1
    with tempfile.TemporaryDirectory(prefix="torkham-fuzz-kb-") as tmp:
        kb = Path(tmp) / "kb"
        shutil.copytree(BUNDLED, kb)
        target = kb / name
        target.write_bytes(_damage(target.read_text(encoding="utf-8"), kind, at, junk))
        code, err = _validate(kb)
    COUNTS[f"knowledge:exit-{code}"] += 1
    _check(code, err)
    if kind in ("empty", "comments", "bad-utf8", "python-tag", "bomb"):
        assert code == 1, (kind, name, err)  # never "no records": an emptied file is an error
