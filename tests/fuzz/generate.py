"""Hostile dataset files made by Hypothesis: valid rows of each format (from tests/dataset_shapes.py)
mutated cell by cell, then written with hostile line endings, a BOM, broken quoting, or zipped with
several members and folders. Each `Case` knows how many records it holds when its structure is intact
(`expected`), so the test can check rows read against the generator's own count."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import strategies as st

from dataset_shapes import HXL, acled, gdelt, ged
from torkham.datasets.formats.acled import ACLED_COLUMNS
from torkham.datasets.formats.gdelt import GDELT_COLUMNS
from torkham.datasets.formats.ucdp import GED_COLUMNS

UNHCR_COLUMNS = (
    "year", "coo_name", "coo", "coo_iso", "coa_name", "coa", "coa_iso", "refugees", "asylum_seekers",
    "returned_refugees", "idps", "returned_idps", "stateless", "ooc", "oip", "hst",
)  # fmt: skip
JUNK_NUMBERS = ("1.5", "0x10", "1e3", "-4", "+7", " 12 ", "NaN", "inf", "1,000", "٣", "99999999999", "--1", "")
JUNK_DATES = ("21-03-02", "0000-01-01", "9999-12-31", "2021-03-02garbage", "2021-02-30", "2021/03/02", "", "#2021")
JUNK_TEXT = ("#", "#date+year", '"', 'a"b', "a,b", "a\tb", "x\ny", "x\r\ny", "x\ry", "\ufeff", "é", "\u202e", " ")


@dataclass(frozen=True)
class Shape:
    name: str
    columns: tuple[str, ...]
    numbers: tuple[str, ...]
    dates: tuple[str, ...]
    delimiter: str = ","
    header: bool = True


SHAPES = {
    "ged": Shape("ged", GED_COLUMNS, ("id", "type_of_violence", "best", "low", "high", "latitude"),
                 ("date_start", "date_end", "year")),
    "acled": Shape("acled", ACLED_COLUMNS, ("time_precision", "fatalities", "latitude", "timestamp"),
                   ("event_date", "year")),
    "gdelt": Shape("gdelt", GDELT_COLUMNS, ("GLOBALEVENTID", "EventCode", "QuadClass", "ActionGeo_Lat"),
                   ("SQLDATE",), delimiter="\t", header=False),
    "unhcr": Shape("unhcr", UNHCR_COLUMNS, ("refugees", "asylum_seekers", "idps", "stateless"), ("year",)),
}  # fmt: skip


@dataclass
class Case:
    shape: str
    data: bytes
    suffix: str  # .csv | .zip
    expected: int | None  # records in the file (None: the structure is broken on purpose)
    files: int = 1  # file members (a zip may hold several)
    rows: int = 0  # rows generated: the inputs this case counts for
    notes: list[str] = field(default_factory=list)


def valid_row(shape: str, index: int) -> list[str]:
    if shape == "ged":
        row = ged(index + 1)
    elif shape == "acled":
        row = acled(f"PAK{index + 1}")
    elif shape == "gdelt":
        row = gdelt(index + 1)
    else:
        row = dict(
            zip(
                UNHCR_COLUMNS,
                [
                    str(1980 + index % 40),
                    "Afghanistan",
                    "AFG",
                    "AFG",
                    "Pakistan",
                    "PAK",
                    "PAK",
                    str(index * 10),
                    "0",
                    "0",
                    "0",
                    "0",
                    "0",
                    "0",
                    "",
                    "0",
                ],
                strict=True,
            )
        )
    return [row[c] for c in SHAPES[shape].columns]


MUTATIONS = ("none", "none", "none", "empty", "hash", "number", "date", "text", "extra", "missing", "blank")


@st.composite
def mutated_row(draw, shape: str, index: int) -> tuple[list[str] | None, str]:
    """A row (None: a blank line) and the mutation applied."""
    spec = SHAPES[shape]
    row = valid_row(shape, index)
    kind = draw(st.sampled_from(MUTATIONS))
    column = draw(st.integers(0, len(row) - 1))
    if kind == "empty":
        row[column] = ""
    elif kind == "hash":
        row[column] = "#" + row[column]
    elif kind == "number":
        row[spec.columns.index(draw(st.sampled_from(spec.numbers)))] = draw(st.sampled_from(JUNK_NUMBERS))
    elif kind == "date":
        row[spec.columns.index(draw(st.sampled_from(spec.dates)))] = draw(st.sampled_from(JUNK_DATES))
    elif kind == "text":
        row[max(column, 1)] = draw(st.sampled_from(JUNK_TEXT)) + draw(st.text(max_size=4))
    elif kind == "extra":
        row.append(draw(st.text(max_size=3)))
    elif kind == "missing":
        row.pop()
    elif kind == "blank":
        return None, kind
    return row, kind


def _records(shape: Shape, row: list[str]) -> int:
    """How many records a row becomes: a line break in an unquoted (GDELT) field splits it in two."""
    if shape.header:
        return 1
    text = shape.delimiter.join(row)
    inner = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = [p for p in inner.split("\n")]
    return len([p for p in parts if p.strip()]) or 0


def _line(shape: Shape, row: list[str], ending: str) -> str:
    if not shape.header:
        return shape.delimiter.join(row) + ending
    buffer = io.StringIO()  # a CRLF terminator makes the writer quote a lone CR too, as spreadsheets do
    csv.writer(buffer, delimiter=shape.delimiter, lineterminator="\r\n").writerow(row)
    return buffer.getvalue().removesuffix("\r\n") + ending


@st.composite
def csv_file(draw, shape_name: str, batch: int) -> Case:
    """One file: a header (if the format has one), maybe the HXL row (GED), `1..batch` mutated rows."""
    shape = SHAPES[shape_name]
    endings = draw(st.sampled_from(("lf", "crlf", "mixed", "crlf-header")))
    count = draw(st.integers(1, batch))
    lines, expected, rows = [], 0, 0
    columns = list(shape.columns)
    if shape.header:
        lines.append(_line(shape, columns, "\r\n" if endings.startswith("crlf") else "\n"))
    if shape_name == "ged" and draw(st.booleans()):
        lines.append(_line(shape, [HXL.get(c, "") for c in columns], "\n"))
    for index in range(count):
        row, kind = draw(mutated_row(shape_name, index))
        rows += 1
        ending = {"lf": "\n", "crlf": "\r\n", "crlf-header": "\n"}.get(endings) or draw(st.sampled_from(("\n", "\r\n")))
        if row is None:
            lines.append(ending)
            continue
        lines.append(_line(shape, row, ending))
        expected += _records(shape, row)
    text = "".join(lines)
    structure = draw(st.sampled_from(("intact",) * 6 + ("bom", "unterminated", "no-final-newline")))
    case_expected: int | None = expected
    if structure == "bom":
        text = "\ufeff" + text
    elif structure == "unterminated" and shape.header and count > 1:
        cut = text.rfind("\n", 0, len(text) // 2) + 1
        text = text[:cut] + '"' + text[cut:]
        case_expected = None
    elif structure == "no-final-newline":
        text = text.rstrip("\r\n") + ("" if text.strip("\r\n") else "\n")
    if structure == "bom" and not shape.header:
        case_expected = None  # the BOM lands in the first event's id: still one record, but count it loosely
    return Case(shape_name, text.encode("utf-8", errors="surrogatepass"), ".csv", case_expected, rows=rows,
                notes=[endings, structure])  # fmt: skip


@st.composite
def dataset_file(draw, shape_name: str, batch: int) -> Case:
    """A CSV file, or a zip of one or several (with folders, and maybe a member that is not data)."""
    case = draw(csv_file(shape_name, batch))
    if shape_name == "unhcr" or not draw(st.booleans()):
        return case
    name = {"ged": "GEDEvent_v25_1.csv", "acled": "acled.csv", "gdelt": "20230905.export.CSV"}[shape_name]
    second = draw(st.one_of(st.none(), csv_file(shape_name, batch)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if draw(st.booleans()):
            archive.writestr("folder/", b"")
        archive.writestr(f"folder/{name}", case.data)
        if second is not None:
            archive.writestr(f"more/second-{name}", second.data)
            case.rows += second.rows
            case.files += 1
            if case.expected is not None:
                case.expected = None if second.expected is None else case.expected + second.expected
        if draw(st.booleans()):
            archive.writestr("README.txt", b"not a dataset\n")
            case.files += 1
    case.data, case.suffix = buffer.getvalue(), ".zip"
    case.notes.append("zip")
    return case


def write(case: Case, folder: Path) -> Path:
    name = {"ged": "GEDEvent_v25_1", "acled": "acled", "gdelt": "20230905.export", "unhcr": "population"}
    path = folder / f"{name[case.shape]}{case.suffix if case.shape != 'gdelt' or case.suffix == '.zip' else '.CSV'}"
    path.write_bytes(case.data)
    return path
