"""What a fetch tells the user: progress while pages arrive, notes, and one summary line at the end
(in the words of the import command's summary)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from torkham.datasets.fetch.state import FetchFolder
    from torkham.datasets.importer import ImportSummary


class Reporter:
    """Silent by default; the CLI shows progress bars and notes on stderr."""

    def start(self, label: str, total: int | None = None) -> None:
        """A new stage (downloading, importing); `total` pages when known."""

    def advance(self, done: int, total: int | None = None, rows: int = 0) -> None:
        """`done` pages of the stage so far, `rows` in them."""

    def note(self, text: str) -> None:
        """A remark for stderr ("resuming after page 2", …)."""


@dataclass
class FetchReport:
    source: str  # e.g. "ucdp-ged 25.1"
    query: str  # what was asked, for people
    pages: int = 0
    resumed: int = 0  # pages saved by an earlier run
    rows_fetched: int = 0
    rows_read: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    quarantined: int = 0
    deleted: int = 0
    already_imported: int = 0  # pages whose very file had been imported
    up_to_date: bool = False  # nothing had to be fetched
    notes: list[str] = field(default_factory=list)

    def add(self, summary: ImportSummary) -> None:
        if summary.already_imported is not None:
            self.already_imported += 1
            return
        self.rows_read += summary.rows_read
        self.inserted += summary.inserted
        self.updated += summary.updated
        self.unchanged += summary.unchanged
        self.quarantined += summary.quarantined
        self.notes.extend(summary.notes)

    def line(self) -> str:
        head = f"{self.source} ({self.query})"
        if self.up_to_date:
            return f"{head}: already fetched and imported; nothing to do (pass --refresh to fetch again)"
        text = (
            f"{head}: {self.pages:,} page{'s' if self.pages != 1 else ''} fetched"
            + (f" ({self.resumed:,} by an earlier run)" if self.resumed else "")
            + (f" ({self.already_imported:,} identical to a page imported before)" if self.already_imported else "")
            + f", {self.rows_read:,} rows read, "
            f"{self.inserted:,} new, {self.updated:,} changed, {self.unchanged:,} unchanged, "
            f"{self.quarantined:,} quarantined"
        )
        if self.deleted:
            text += f", {self.deleted:,} deleted"
        return text + (" (see 'torkham quarantine')" if self.quarantined else "")


def import_pages(
    con, folder: FetchFolder, format_name: str, version: str, report: FetchReport, reporter: Reporter
) -> None:
    """Import the folder's pages not imported yet, one transaction each; progress kept in state.json so
    that a crash mid-way imports only the rest next time."""
    from torkham.datasets.importer import import_file

    pages = folder.pages()
    imported = set(folder.state.get("imported", []))
    reporter.start("importing", len(pages))
    for number, path in enumerate(pages, start=1):
        if path.name not in imported:
            report.add(import_file(con, Path(path), format_name, version, shown=shown_name(folder, path)))
            imported.add(path.name)
            folder.save(imported=sorted(imported))
        reporter.advance(number, len(pages), report.rows_read)


def shown_name(folder: FetchFolder, path: Path) -> str:
    """How an imported page is named in the import log and the quarantine."""
    return f"fetch:{folder.path.name}/{path.name}"
