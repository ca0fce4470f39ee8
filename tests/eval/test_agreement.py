"""eval/agreement.py: a second annotation scored against the first with the extractors' matching rules."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[2] / "eval"
sys.path.insert(0, str(EVAL))

import agreement  # noqa: E402

FIRST = EVAL / "annotations" / "trt-doha-talks.yaml"


@pytest.fixture
def second(tmp_path: Path) -> Path:
    shutil.copy(FIRST, tmp_path / FIRST.name)
    return tmp_path


def _table(capsys: pytest.CaptureFixture[str], second: Path, *extra: str) -> str:
    assert agreement.main(["--second", str(second), *extra]) == 0
    return capsys.readouterr().out


def test_an_annotation_agrees_with_itself_in_full(capsys, second):
    out = _table(capsys, second)
    assert "  claims         1         9         9        9     100.0%   100.0%" in out
    assert "facts (figures, events, claims, places) recall: 100.0%" in out


def test_another_speaker_is_a_disagreement_on_that_claim(capsys, second):
    path = second / FIRST.name
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("by: Pakistan state TV", "by: Somebody Else", 1), encoding="utf-8")
    out = _table(capsys, second, "--details")
    assert "  claims         1         9         9        8      88.9%    88.9%" in out
    assert 'claims   only the first:  "Defence Minister Khawaja Asif' in out


def test_no_second_annotation_is_an_error_naming_the_folder(capsys, tmp_path):
    assert agreement.main(["--second", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"Error: no second annotation in {tmp_path} with a first one in {agreement.FIRST}\n"
    )
