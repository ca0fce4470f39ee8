"""Bad input to text extraction: each case gets one clear message naming the file and the fix, as a
TorkhamError (which the CLI prints as `Error: …` with exit status 1)."""

from __future__ import annotations

import base64
import re
import struct
import zlib
from pathlib import Path

import pytest

from torkham.errors import TorkhamError
from torkham.ingest.text import extract_document

SUPPORTED = "torkham ingests PDF (.pdf), plain text (.txt), Markdown (.md) and HTML (.html) files"
ENGLISH = (
    "The crossing at Torkham was closed for most of September, and the traders who carry fruit and coal "
    "between Afghanistan and Pakistan waited at the gate for days. Officials on both sides said that the "
    "closure was a response to the attacks of the summer, but the traders were not convinced by this."
)


def png_bytes(width: int = 40, height: int = 40) -> bytes:
    rows = b"".join(b"\x00" + b"\x80\x20\x20" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def write_pdf(path: Path, body: str) -> Path:
    import weasyprint

    weasyprint.HTML(string=f"<html><body>{body}</body></html>").write_pdf(path)
    return path


def image_tag() -> str:
    return f'<img src="data:image/png;base64,{base64.b64encode(png_bytes()).decode()}" style="width: 10cm">'


def refused(path: Path, **options) -> str:
    with pytest.raises(TorkhamError) as caught:
        extract_document(path, **options)
    return str(caught.value)


@pytest.fixture(scope="module")
def text_pdf(tmp_path_factory) -> Path:
    return write_pdf(tmp_path_factory.mktemp("pdf") / "text.pdf", f"<p>{ENGLISH}</p>")


def test_missing_file(tmp_path):
    path = tmp_path / "nowhere.pdf"
    assert refused(path) == f"{path}: no such file"


def test_a_folder(tmp_path):
    assert refused(tmp_path) == f"{tmp_path} is a folder; name a document file to ingest"


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert refused(path) == f"{path}: the file is empty (0 bytes); nothing to ingest"


def test_white_space_only_and_markup_only(tmp_path):
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\n\t\n", encoding="utf-8")
    assert refused(blank) == f"{blank}: no text to ingest (the file has only white space)"
    page = tmp_path / "page.html"
    page.write_text("<html><head><script>var x = 1;</script></head><body><nav>Home</nav></body></html>")
    assert refused(page) == f"{page}: no text to ingest (the file has only white space and markup)"


def test_file_over_the_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(ENGLISH * 8, encoding="utf-8")
    assert refused(path, max_bytes=1024) == (
        f"{path}: the file is 2.3 kB, over the size limit of 1 kB; split the document, or raise the size limit "
        "if the file is meant to be this large"
    )
    assert "Torkham" in extract_document(path, max_bytes=4096).text


def test_default_size_limit_is_checked_before_reading(tmp_path):
    path = tmp_path / "huge.pdf"
    with path.open("wb") as sparse:  # a sparse file: 60 MB long, nothing written
        sparse.truncate(60 * 2**20)
    assert refused(path) == (
        f"{path}: the file is 60 MB, over the size limit of 50 MB; split the document, or raise the size limit "
        "if the file is meant to be this large"
    )


def test_scanned_pdf_without_text_layer(tmp_path):
    path = write_pdf(tmp_path / "scan.pdf", image_tag())
    assert refused(path) == (
        f"{path}: no text layer in its page — it looks like a scanned PDF; run OCR on it first "
        f"(e.g. ocrmypdf --language eng {path} ocr.pdf) and ingest the result"
    )


def test_partly_scanned_pdf_is_read_with_a_note(tmp_path):
    path = write_pdf(tmp_path / "mixed.pdf", f'<p>{ENGLISH}</p><div style="break-before: page">{image_tag()}</div>')
    doc = extract_document(path)
    assert doc.text.startswith("The crossing at Torkham")
    assert doc.notes == ["page(s) 2 have no text layer (scanned images?); their text is missing — OCR them"]


def test_encrypted_pdf(tmp_path, text_pdf):
    from pypdf import PdfWriter

    path = tmp_path / "locked.pdf"
    writer = PdfWriter(clone_from=text_pdf)
    writer.encrypt("secret", algorithm="RC4-128")
    writer.write(path)
    assert refused(path) == (
        f"{path}: the PDF is encrypted with a password; torkham cannot read it. Remove the password first, "
        f"e.g. qpdf --decrypt --password=PASSWORD {path} decrypted.pdf"
    )


def test_pdf_restricted_by_an_owner_password_only_is_read(tmp_path, text_pdf):
    from pypdf import PdfWriter

    path = tmp_path / "restricted.pdf"
    writer = PdfWriter(clone_from=text_pdf)
    writer.encrypt("", owner_password="owner", algorithm="RC4-128")
    writer.write(path)
    assert extract_document(path).text == ENGLISH


def test_truncated_pdf(tmp_path, text_pdf):
    path = tmp_path / "cut.pdf"
    data = text_pdf.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    message = refused(path)
    prefix = f"{path}: the PDF is damaged and cannot be read ("
    suffix = f"); get a fresh copy or repair it, e.g. qpdf {path} repaired.pdf"
    assert re.fullmatch(re.escape(prefix) + r"[^\n]+" + re.escape(suffix), message), message


def test_file_named_pdf_that_is_not_one(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_text("<html>not a pdf</html>", encoding="utf-8")
    assert refused(path) == (
        f"{path}: not a readable PDF: it does not start with a %PDF- header (the file is damaged or is not a PDF); "
        "get a fresh copy of the file"
    )


@pytest.mark.parametrize(
    ("data", "offset", "byte"),
    [
        (b"Kabul and the border \x81\x8d crossing", 21, "0x81"),  # 0x81 is not Windows-1252 either
        ("Граница закрыта на неделю".encode("koi8-r"), 0, "0xE7"),  # reads as Windows-1252, but as gibberish
    ],
)
def test_unknown_text_encoding(tmp_path, data, offset, byte):
    path = tmp_path / "notes.txt"
    path.write_bytes(data)
    assert refused(path) == (
        f"{path}: unknown text encoding: byte {byte} at offset {offset} is not UTF-8, and the file does not read "
        f"as Windows-1252 either; convert it to UTF-8 first, e.g. iconv -f ENCODING -t UTF-8 {path} > converted.txt"
    )


@pytest.mark.parametrize(
    ("name", "data", "what"),
    [
        ("photo.png", png_bytes(), "a PNG image"),
        ("scan.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        ("paper.docx", b"PK\x03\x04\x14\x00\x06\x00", "a Word document (.docx)"),
        ("paper.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc/.xls/.ppt)"),
        ("data.bin", b"\x00\x01\x02\x03binary", "a binary file"),
        ("events.csv", b"event_id,date\n1,2024-01-01\n", "a CSV table (datasets go through 'torkham import')"),
    ],
)
def test_unsupported_formats(tmp_path, name, data, what):
    path = tmp_path / name
    path.write_bytes(data)
    assert refused(path) == f"{path}: unsupported format: this is {what}; {SUPPORTED}; convert it to one of these first"


@pytest.mark.parametrize(
    ("text", "looks_like"),
    [
        (
            "Die Grenze bei Torkham war im September fast den ganzen Monat geschlossen, und die Händler, die Obst "
            "und Kohle zwischen Afghanistan und Pakistan transportieren, warteten tagelang am Tor. Beamte auf "
            "beiden Seiten sagten, dass die Schließung eine Antwort auf die Anschläge des Sommers sei, aber die "
            "Händler waren davon nicht überzeugt, und auch die Fahrer mit dem Obst auf den Lastwagen nicht.",
            "German",
        ),
        (
            "طورخم پر سرحد ستمبر میں زیادہ تر بند رہی اور تاجر کئی دنوں تک دروازے پر انتظار کرتے رہے۔",
            "Urdu (Arabic script)",
        ),
        (
            "د تورخم پوله د سپتمبر په ډیرو ورځو کې تړل شوې وه او سوداګر څو ورځې انتظار ته ناست وو.",
            "Pashto (Arabic script)",
        ),
        (
            "Граница в Торхаме была закрыта почти весь сентябрь, и торговцы ждали у ворот несколько дней.",
            "Cyrillic script",
        ),
    ],
)
def test_documents_in_another_language(tmp_path, text, looks_like):
    path = tmp_path / "other.txt"
    path.write_text(text, encoding="utf-8")
    assert refused(path) == (
        f"{path}: the text looks like {looks_like}, not English; torkham's extractors read English only"
    )


def test_english_with_some_other_script_is_read(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_text(ENGLISH + "\n\nAbd. Sayed ترمذی سادات @abdsayedd\n", encoding="utf-8")
    assert extract_document(path).text.startswith("The crossing at Torkham")
