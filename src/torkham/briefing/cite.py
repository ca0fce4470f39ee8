"""Numbered citations of a briefing: [1], [2] … in the order the document first cites them. A passage of
a source (source id, section, figure, line, quote), a dataset event (dataset, version, event id) or a
query over the data held; the same thing cited twice keeps its number."""

from __future__ import annotations


class Citations:
    def __init__(self, sources: dict[str, dict] | None = None):
        self.sources = sources or {}  # source id → its record (title, authors, publisher, date)
        self.entries: list[dict] = []
        self._numbers: dict[tuple, int] = {}

    def _add(self, key: tuple, entry: dict) -> int:
        if key not in self._numbers:
            self._numbers[key] = len(self.entries) + 1
            self.entries.append({"n": self._numbers[key], **entry})
        return self._numbers[key]

    def record(self, record: dict) -> int | None:
        """A knowledge-base record's passage: its source, locator and quote (None when it has no source)."""
        source = record.get("source")
        if not source:
            return None
        locator = record.get("locator") or {}
        quote = record.get("quote")
        key = ("text", source, locator.get("section"), locator.get("figure"), locator.get("line"), quote)
        return self._add(
            key,
            {
                "kind": "text",
                "source": source,
                "section": locator.get("section"),
                "figure": locator.get("figure"),
                "line": locator.get("line"),
                "quote": quote,
                "record": record.get("id"),
            },
        )

    def source_title(self, source: str) -> str | None:
        return source_title(self.sources.get(source))

    def event(self, dataset: str, version: str, event_id: str, title: str | None = None) -> int:
        return self._add(
            ("event", dataset, version, event_id),
            {"kind": "event", "dataset": dataset, "version": version, "event_id": event_id, "title": title},
        )

    def query(self, dataset: str, versions: list[str], what: str, sql: str, ids: list[str], count: int) -> int:
        """A count over the data held: what was counted, the SQL listing the events, the first ids."""
        return self._add(
            ("query", dataset, sql),
            {"kind": "query", "dataset": dataset, "version": ", ".join(versions) or "?", "what": what,
             "sql": sql, "ids": ids, "count": count},
        )  # fmt: skip

    def evidence(self, label: str, detail: str, ids: list[str] | None = None, sql: str | None = None) -> int:
        """Evidence a claim check computed (dataset, version, value) that is neither a passage nor one event."""
        return self._add(
            ("evidence", label, detail, sql),
            {"kind": "evidence", "what": label, "detail": detail, "ids": ids or [], "sql": sql},
        )


def source_title(source: dict | None) -> str | None:
    if not source:
        return None
    authors = ", ".join(source.get("authors") or [])
    tail = ", ".join(str(x) for x in (source.get("publisher"), source.get("date")) if x)
    return f"{authors + ': ' if authors else ''}{source.get('title', source.get('id'))}{f' ({tail})' if tail else ''}"
