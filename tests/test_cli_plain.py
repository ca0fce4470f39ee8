"""`torkham show` printed to a pipe or a file is written by cli/plain.py without Rich, and must be, byte for
byte, what Rich prints there: the same wrapping at the same width. Rich stays for the terminal."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from torkham.cli import actor_view
from torkham.cli.plain import NARROW_RANGES, plain_width, wrapped

WIDTHS = [80, 60, 120, 40, 17]


@pytest.fixture(scope="module")
def pages(bundled_store: Path) -> dict[str, list[actor_view.Line]]:
    """The show page of every actor of the bundled knowledge base."""
    from torkham.store import queries
    from torkham.store.actor_index import all_actor_details
    from torkham.store.db import connect

    con = connect(bundled_store, read_only=True)
    try:
        details, names = all_actor_details(con), queries.actor_names(con)
    finally:
        con.close()
    labels = actor_view.relation_labels()
    return {actor: actor_view.actor_page(detail, names, labels) for actor, detail in details.items()}


@pytest.mark.parametrize("width", WIDTHS)
def test_every_actor_page_is_printed_as_rich_prints_it(pages, monkeypatch, capsys, width):
    monkeypatch.setenv("COLUMNS", str(width))
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    assert len(pages) > 150
    for actor, page in pages.items():
        actor_view.print_with_rich(page)
        by_rich = capsys.readouterr().out
        with monkeypatch.context() as patched:
            patched.setattr(actor_view, "print_with_rich", _refuse)
            actor_view.print_actor_page(page)
        assert capsys.readouterr().out == by_rich, actor
        assert max(map(len, by_rich.splitlines())) <= width
    longest = max(len("".join(text for text, _ in line)) for page in pages.values() for line in page)
    assert longest > max(WIDTHS)  # every width wraps some line


@settings(max_examples=400, deadline=None, derandomize=True)
@given(
    text=st.text(
        st.sampled_from(
            list("ab c\t\n\r\x07\x0b\x1b\xa0é–…→“") + ["中", "\u0301", "\u200d", "\ufe0f", "😀", "ا", "\u064b"]
        ),
        max_size=80,
    ),
    width=st.integers(1, 30),
)
@example(text="a" * 70 + " https://example.org/a/path/longer/than/the/line  b", width=20)
@example(text="  indented words\tand a tab  ", width=9)
def test_any_text_is_wrapped_as_rich_wraps_it(text, width):
    from rich.console import Console
    from rich.text import Text

    out = io.StringIO()
    try:
        Console(file=out, width=width, highlight=False, soft_wrap=False).print(Text(text))
    except IndexError:  # Rich fails on some text of joiners and marks; no page is made of that
        return
    assert wrapped(text, width) == out.getvalue()


def test_the_narrow_characters_are_one_cell_wide_in_every_unicode_version_rich_knows():
    from rich._unicode_data._versions import VERSIONS
    from rich.cells import get_character_cell_size

    wider = [
        (hex(point), version)
        for version in VERSIONS
        for start, end in NARROW_RANGES
        for point in range(start, end + 1)
        if get_character_cell_size(chr(point), version) != 1
    ]
    assert wider == []


def test_the_width_is_columns_when_set(monkeypatch):
    monkeypatch.setenv("COLUMNS", "57")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    assert plain_width() == 57


@pytest.mark.parametrize("variable", ["FORCE_COLOR", "TTY_COMPATIBLE"])
def test_rich_prints_when_asked_to_style(monkeypatch, variable):
    monkeypatch.setenv(variable, "1")
    assert plain_width() is None


def _width_seen(stdin, env: dict[str, str]) -> str:
    script = "from torkham.cli.plain import plain_width; print(plain_width())"
    run = subprocess.run(
        [sys.executable, "-c", script], stdin=stdin, capture_output=True, text=True, env=env, check=True
    )
    return run.stdout.strip()


def _environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "FORCE_COLOR", "TTY_COMPATIBLE")}


def test_without_a_terminal_the_width_is_80():
    assert _width_seen(subprocess.DEVNULL, _environment()) == "80"


def test_piped_from_a_terminal_the_width_is_the_terminals():
    """`torkham show TTP | less` in a terminal: Rich wraps at the terminal's width, and so does the page."""
    leader, follower = _terminal(columns=97)
    try:
        assert _width_seen(follower, _environment()) == "97"
    finally:
        os.close(leader)
        os.close(follower)


def test_to_a_terminal_rich_prints_the_page_styled(indexed_store):
    db, kb = indexed_store
    leader, follower = _terminal(columns=100)
    script = f"from torkham.cli.app import run; run(['--db', {str(db)!r}, '--kb', {str(kb)!r}, 'show', 'TTP'])"
    env = {**_environment(), "TERM": "xterm"}
    with subprocess.Popen([sys.executable, "-c", script], stdout=follower, stderr=subprocess.PIPE, env=env) as child:
        os.close(follower)
        shown = _read_all(leader)
    assert child.returncode == 0
    assert "\x1b[1mTehrik-e-Taliban Pakistan\x1b[0m" in shown  # the name in bold: Rich printed it


@pytest.fixture
def indexed_store(db_path: Path, mini_kb: Path) -> tuple[Path, Path]:
    from torkham.store.swap import writing_store

    with writing_store(db_path):
        pass
    return db_path, mini_kb


def _terminal(columns: int) -> tuple[int, int]:
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    return leader, follower


def _read_all(leader: int) -> str:
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    return b"".join(chunks).decode()


def _refuse(*args, **kwargs):
    raise AssertionError("Rich printed the page")
