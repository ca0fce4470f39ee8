"""In-text citations ("(Dawn, 2023)", "(Sayed & Hamming, 2023)", "(Gul, 2023a)") linked to the entries
of the document's bibliography by author surnames and year."""

from __future__ import annotations

import re
from dataclasses import dataclass

from torkham.ingest.document import Document
from torkham.ingest.extract.common import Regions, propose
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.proposal import Proposal
from torkham.kb.names import normalize

_YEAR = r"(?:19|20)\d{2}[a-z]?"
_PAREN = re.compile(r"\(([^()\n]{2,160})\)")
_PART = re.compile(rf"^\s*(?P<who>[A-Z][^;]*?[\w.)]),?\s+(?P<year>{_YEAR})(?:,\s*pp?\.\s*[\d–-]+)?\s*$")
_LINE_CITATION = re.compile(rf"(?m)^[ \t]*(?P<who>[A-Z][\w.'’&/ -]{{1,60}}),\s*(?P<year>{_YEAR})[ \t]*$")
_ENTRY = re.compile(rf"(?P<who>[A-Z][\w.'’/&\- ,]{{0,80}}?),?\s+(?P<year>{_YEAR})\.")
_CONNECTORS = re.compile(r"\bet al\b\.?|&|\band\b|/", re.I)
ENTRY_CHARS = 400  # how much of a bibliography entry a citation record keeps


@dataclass(frozen=True)
class Entry:
    start: int
    end: int
    who: str
    year: str
    text: str

    @property
    def surnames(self) -> list[str]:
        """'Sayed, A. & Hamming, T.' -> ['sayed', 'hamming']; 'Amu TV' -> ['amu tv']."""
        authors = re.split(r"\s*(?:&|;|\band\b)\s*", self.who)
        return [normalize(a.split(",")[0]) for a in authors if normalize(a.split(",")[0])]

    @property
    def key(self) -> str:
        return f"{' '.join(self.surnames)} {self.year}"


@dataclass(frozen=True)
class Citation:
    start: int
    end: int
    who: str
    year: str
    standalone: bool = False  # a line of its own ("Sayed & Hamming, 2023" under a quotation)

    @property
    def cited_as(self) -> str:
        return f"{self.who}, {self.year}"

    @property
    def key(self) -> str:
        return f"{normalize(_CONNECTORS.sub(' ', self.who))} {self.year}"


def bibliography_entries(doc: Document, regions: Regions) -> list[Entry]:
    """The entries of the bibliography: each starts with 'Authors, YEAR.' at the start of a line (or
    after the address that ends the entry before it) and runs to the next one."""
    entries: list[Entry] = []
    for region_start, region_end in regions.spans["bibliography"]:
        starts = []
        for m in _ENTRY.finditer(doc.text, region_start, region_end):
            before = doc.text[max(region_start, m.start() - 200) : m.start()]
            line_start = before == "" or before.endswith("\n") or before.rstrip(" \t").endswith("\n")
            previous = before.split()[-1] if before.split() else ""
            after_address = "://" in previous or previous.startswith("www.") or previous.endswith("</u>")
            if (line_start or after_address) and not _is_heading(m.group("who")):
                starts.append(m)
        for i, m in enumerate(starts):
            end = starts[i + 1].start() if i + 1 < len(starts) else region_end
            text = " ".join(doc.text[m.start() : end].split())
            entries.append(Entry(m.start(), end, m.group("who").strip(" ,"), m.group("year"), text))
    return entries


def _is_heading(who: str) -> bool:
    return normalize(who) in ("bibliography", "references")


def find_citations(doc: Document, regions: Regions) -> list[Citation]:
    found: list[Citation] = []
    for m in _PAREN.finditer(doc.text):
        if regions.within("bibliography", m.start()):
            continue
        for part in m.group(1).split(";"):
            cited = _PART.match(part)
            if cited and re.search(r"[A-Za-z]{2}", cited.group("who")):
                found.append(Citation(m.start(), m.end(), cited.group("who").strip(), cited.group("year")))
    for m in _LINE_CITATION.finditer(doc.text):
        if not regions.within("bibliography", m.start()):
            found.append(Citation(m.start("who"), m.end("year"), m.group("who").strip(), m.group("year"), True))
    return sorted(found, key=lambda c: c.start)


def citation_spans(doc: Document, regions: Regions) -> list[tuple[int, int]]:
    return [(c.start, c.end) for c in find_citations(doc, regions)]


def _link(citation: Citation, entries: list[Entry]) -> tuple[Entry | None, str | None]:
    by_key = {e.key: e for e in entries}
    if citation.key in by_key:
        return by_key[citation.key], None
    words = set(citation.key.split()[:-1])
    close = [e for e in entries if e.year == citation.year and e.surnames and e.surnames[0].split()[-1] in words]
    if len(close) == 1:
        return close[0], f"linked by first author and year to '{close[0].who}, {close[0].year}'"
    return None, f"no bibliography entry for '{citation.cited_as}'"


def citation_proposals(doc: Document, lexicon: Lexicon, regions: Regions) -> list[Proposal]:
    entries = bibliography_entries(doc, regions)
    proposals = []
    for citation in find_citations(doc, regions):
        entry, note = _link(citation, entries)
        if entry is None and citation.standalone:
            continue  # a line that only looks like a citation
        record: dict = {"cited_as": citation.cited_as}
        if entry is not None:
            record["entry"] = entry.text[:ENTRY_CHARS]
        source_id = lexicon.sources.get(normalize(citation.cited_as))
        if source_id:
            record["cites"] = [source_id]
        proposals.append(propose(doc, "citation", record, citation.start, citation.end, [note] if note else []))
    return proposals
