"""A document of one unbroken line (issue 17) is read and proposed in time linear in its length: a line of
200,000 characters costs about ten times one of 20,000, not a hundred (it took minutes: a regex that
backtracked over every run of letters, and every proposal on the line scanning and quoting the whole of
it). Measured in processor time, the best of runs, against a bound far from both: linear work gives a
ratio near 10, quadratic work near 100. Each quote stays a verbatim, bounded piece of the line."""

from __future__ import annotations

import time
from itertools import cycle, islice
from pathlib import Path

from torkham.ingest.document import SENTENCE_REACH
from torkham.ingest.extract import propose
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.text import extract_document

OPENING = (
    "On 12 March 2023 the Tehreek-e-Taliban Pakistan (TTP) claimed an attack in Khyber Pakhtunkhwa that "
    "killed 14 soldiers, officials said.\n\n"
)
WORDS = [
    "the", "attack", "in", "Khyber", "on", "12", "March", "2023", "killed", "14", "soldiers", "officials", "said",
    "Pakistan", "TTP", "500,000", "Afghans", "returned", "x7", "border", "the", "TTP", "said", "3", "policemen",
    "died", "in", "Bannu", "on", "June", "5", "Kabul-Islamabad", "talks",
]  # fmt: skip
BOUND = 20  # the cost of ten times the line, at most this many times the cost of the line


def _mixed(length: int) -> str:
    """Words, numbers, dates and names of the region, without a full stop or a newline."""
    return " ".join(islice(cycle(WORDS), length // 4))[:length]


def _one_letter(length: int) -> str:
    return "x" * length


def _cost(path: Path, runs: int) -> float:
    """Processor seconds to read and propose the document: the best of `runs` (other load only adds)."""
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        propose(extract_document(path), Lexicon.empty())
        best = min(best, time.process_time() - started)
    return best


def _document(tmp_path: Path, name: str, line: str) -> Path:
    path = tmp_path / f"{name}.txt"
    path.write_text(OPENING + line + "\n", encoding="utf-8")
    return path


def test_a_200000_character_line_costs_about_ten_times_a_20000_character_one(tmp_path):
    propose(extract_document(_document(tmp_path, "warm", _mixed(2_000))), Lexicon.empty())  # word lists, patterns
    for make in (_mixed, _one_letter):
        short = _cost(_document(tmp_path, "short", make(20_000)), runs=3)
        long = _cost(_document(tmp_path, "long", make(200_000)), runs=2)
        assert long < BOUND * short, f"{make.__name__}: {long:.2f} s for 200,000 characters, {short:.2f} s for 20,000"


def test_quotes_on_a_long_line_are_verbatim_pieces_of_it(tmp_path):
    doc = extract_document(_document(tmp_path, "long", _mixed(60_000)))
    proposals = propose(doc, Lexicon.empty())
    assert len(proposals) > 300
    longest = max(len(p.sentence) for p in proposals)
    assert longest <= 2 * SENTENCE_REACH + 200  # a sentence is followed this far each way, not over the line
    for proposal in proposals[::50]:
        assert doc.text.find(proposal.sentence, max(0, proposal.start - 2 * SENTENCE_REACH)) >= 0
