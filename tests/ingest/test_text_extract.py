"""Text extraction: every reader (PDF, plain text, Markdown, HTML) on small documents written for the tests,
the cleaning (running headers, page numbers, hyphenation, hard wraps), the marks, the metadata guesses,
and the real paper when its text is at hand."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from paper_paths import PAPER, paper_dir
from torkham.ingest.text import extract_document, split_pages

PDF_PARAGRAPH = """The situation along the border between Afghanistan and
Pakistan worsened in 2023, when the Tehrik-e-Taliban
Pakistan claimed more attacks on security forces than in
any year since it was founded in December 2007 in Paki-
stan's tribal districts along the cross-border routes."""
PDF_PAGE_TWO = """Trade through the markets at Torkham fell sharply after
the closures, and traders said the cross-
border routes had become too dangerous to use at night."""


def write_pdf(path: Path, body: str, title: str = "Border Security Review", author: str = "Jane Roe") -> Path:
    """A small PDF made with WeasyPrint: a running header and the page number on every page; `.pre`
    paragraphs keep their line breaks exactly, so hyphenation and wrapping are under the test's control."""
    import weasyprint

    html = f"""<html><head><title>{title}</title><meta name="author" content="{author}">
    <style>@page {{ size: A5; margin: 2cm 1.5cm; @top-center {{ content: "Border Security Review"; }}
    @bottom-center {{ content: counter(page); }} }}
    .pre {{ white-space: pre; font-family: monospace; font-size: 8pt; }}</style></head><body>{body}</body></html>"""
    weasyprint.HTML(string=html).write_pdf(path)
    return path


@pytest.fixture(scope="module")
def two_page_pdf(tmp_path_factory) -> Path:
    body = f"""<h1>1 Introduction</h1>
    <p class="pre">{PDF_PARAGRAPH}</p>
    <p>Officials in Islamabad said that the talks had failed.</p>
    <p style="break-before: page">Figure 3: Attacks claimed by the TTP, by month</p>
    <p>Najiba Faiz @NajibaFaiz5</p>
    <p class="pre">{PDF_PAGE_TWO}</p>"""
    return write_pdf(tmp_path_factory.mktemp("pdf") / "review.pdf", body)


def marked(doc, kind: str) -> list[str]:
    return [doc.text[m.start : m.end] for m in doc.marks if m.kind == kind]


def test_pdf_pages_are_kept_and_running_header_and_page_numbers_dropped(two_page_pdf):
    doc = extract_document(two_page_pdf)
    assert doc.format == "pdf"
    assert [p.number for p in doc.pages] == [1, 2]
    assert "Border Security Review" not in doc.text
    assert not re.search(r"^\s*[12]\s*$", doc.text, re.M)
    assert doc.page_at(doc.text.index("Officials in Islamabad")) == 1
    assert doc.page_at(doc.text.index("Figure 3")) == 2
    assert doc.sha256 == hashlib.sha256(two_page_pdf.read_bytes()).hexdigest()


def test_pdf_hyphenated_breaks_are_joined_and_wrapped_lines_unwrapped(two_page_pdf):
    doc = extract_document(two_page_pdf)
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[1] == (
        "The situation along the border between Afghanistan and Pakistan worsened in 2023, when the "
        "Tehrik-e-Taliban Pakistan claimed more attacks on security forces than in any year since it was founded "
        "in December 2007 in Pakistan's tribal districts along the cross-border routes."
    )
    # "cross-" + "border": the document writes "cross-border" elsewhere, so the hyphen is the word's own.
    assert paragraphs[-1] == (
        "Trade through the markets at Torkham fell sharply after the closures, and traders said the cross-border "
        "routes had become too dangerous to use at night."
    )


def test_pdf_marks_metadata_and_offsets(two_page_pdf):
    doc = extract_document(two_page_pdf)
    assert marked(doc, "heading") == ["1 Introduction"]
    assert marked(doc, "caption") == ["Figure 3: Attacks claimed by the TTP, by month"]
    assert marked(doc, "tweet") == ["Najiba Faiz @NajibaFaiz5"]
    assert (doc.title, doc.author) == ("Border Security Review", "Jane Roe")
    start = doc.text.index("Officials")
    assert doc.sentence_at(start)[2] == "Officials in Islamabad said that the talks had failed."


def test_text_pages_from_form_feeds_with_headers_page_numbers_and_hyphens(tmp_path):
    first = (
        "Afghan Border Notes\n"
        "The closure of the crossing at Torkham in September stopped the\n"
        "trucks that carry fruit and coal between the two countries; the\n"
        "traders lost their stock and the Paki-\n"
        "stani customs officers went home.\n"
        "\n"
        "Short closing line.\n"
        "1\n"
    )
    second = (
        "Afghan Border Notes\n"
        "When the crossing opened again in October, the cross-border trade\n"
        "did not come back at once: the traders waited for the cross-\n"
        "ing to stay open for a week.\n"
        "2\n"
    )
    path = tmp_path / "notes.txt"
    path.write_text(first + "\f" + second + "\f", encoding="utf-8")
    doc = extract_document(path)
    assert doc.format == "text"
    assert [p.number for p in doc.pages] == [1, 2]
    assert doc.text == (
        "The closure of the crossing at Torkham in September stopped the trucks that carry fruit and coal between "
        "the two countries; the traders lost their stock and the Pakistani customs officers went home."
        "\n\nShort closing line.\n\n"
        "When the crossing opened again in October, the cross-border trade did not come back at once: the traders "
        "waited for the crossing to stay open for a week."
    )
    assert doc.page_at(doc.text.index("Short closing")) == 1
    assert doc.page_at(doc.text.index("When the crossing")) == 2


def test_text_page_marker_lines_give_the_printed_page_numbers(tmp_path):
    path = tmp_path / "export.txt"
    path.write_text(
        "--- Page 3 ---\nThe first page of the export.\n--- Page 4 ---\nThe second one.\n", encoding="utf-8"
    )
    doc = extract_document(path)
    assert [(p.number, doc.text[p.start : p.end]) for p in doc.pages] == [
        (3, "The first page of the export."),
        (4, "The second one."),
    ]
    assert split_pages("a\fb\f") == (["a", "b"], [1, 2])


@pytest.mark.parametrize(
    ("encoded", "note"),
    [
        ("\ufeffKābul and Torkham – a crossing".encode(), None),
        ("\ufeffKābul and Torkham – a crossing".encode("utf-16-le"), "read as UTF-16-LE (byte order mark)"),
        ("Kabul and Torkham – a café crossing".encode("cp1252"), "read as Windows-1252 (the file is not UTF-8)"),
    ],
)
def test_text_encodings(tmp_path, encoded, note):
    path = tmp_path / "enc.txt"
    path.write_bytes(encoded)
    doc = extract_document(path)
    assert doc.text in ("Kābul and Torkham – a crossing", "Kabul and Torkham – a café crossing")
    assert doc.notes == ([note] if note else [])


def test_markdown_markup_is_stripped_with_marks_and_front_matter(tmp_path):
    path = tmp_path / "brief.md"
    path.write_text(
        "---\ntitle: Crossings in 2024\nauthor: A. Writer\ndate: 2024-03-05\n---\n"
        "# 2 The border\n\n"
        "The **TTP** claimed [45 attacks](https://example.org/ttp) in\n"
        "December 2021, said `the group`.\n\n"
        "> The border is closed.\n> Trade has stopped.\n\n"
        "* first item\n* second _item_\n\n"
        "![Figure 2: Trucks waiting at Torkham](trucks.png)\n",
        encoding="utf-8",
    )
    doc = extract_document(path)
    assert doc.format == "markdown"
    assert doc.text == (
        "2 The border\n\nThe TTP claimed 45 attacks in December 2021, said the group.\n\n"
        "The border is closed. Trade has stopped.\n\n- first item\n- second item\n\n"
        "Figure 2: Trucks waiting at Torkham"
    )
    assert marked(doc, "heading") == ["2 The border"]
    assert marked(doc, "quote") == ["The border is closed. Trade has stopped."]
    assert marked(doc, "caption") == ["Figure 2: Trucks waiting at Torkham"]
    assert (doc.title, doc.author, doc.date) == ("Crossings in 2024", "A. Writer", "2024-03-05")


def test_html_drops_script_style_nav_and_keeps_headings_posts_and_captions(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        """<!doctype html><html><head><title>Border watch</title>
        <meta name="author" content="Sam Field"><meta property="article:published_time" content="2024-04-02T08:00:00Z">
        <style>p { color: red }</style><script>var tracking = "drop me";</script></head>
        <body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
        <h1>Closures at Torkham</h1>
        <p>The crossing was closed on 6&nbsp;September &amp; reopened
           a week later.</p>
        <blockquote class="twitter-tweet"><p>Trucks are waiting at the gate. @BorderWatch</p></blockquote>
        <figure><img src="q.png"><figcaption>Figure 1: The queue</figcaption></figure>
        <ul><li>fruit</li><li>coal</li></ul>
        </body></html>""",
        encoding="utf-8",
    )
    doc = extract_document(path)
    assert doc.format == "html"
    assert doc.text == (
        "Closures at Torkham\n\nThe crossing was closed on 6 September & reopened a week later.\n\n"
        "Trucks are waiting at the gate. @BorderWatch\n\nFigure 1: The queue\n\n- fruit\n\n- coal"
    )
    assert marked(doc, "heading") == ["Closures at Torkham"]
    assert marked(doc, "tweet") == ["Trucks are waiting at the gate. @BorderWatch"]
    assert marked(doc, "caption") == ["Figure 1: The queue"]
    assert (doc.title, doc.author, doc.date) == ("Border watch", "Sam Field", "2024-04-02")


def test_sections_posts_and_first_line_metadata_in_plain_text(tmp_path):
    path = tmp_path / "paper.txt"
    path.write_text(
        "BORDER TRADE AFTER 2021\n\nRuth Example\n\nDate\n\nApril 2024\n\n"
        "List of Abbreviations\n\nTTP\tTehrik-e-Taliban Pakistan\nKP\tKhyber Pakhtunkhwa\n\n"
        "Table of contents\n\n1\tIntroduction\t3\n2\tTrade\t5\n\n"
        "1 Introduction\n\n"
        "Trade across the border fell after the closures of 2023, and the traders blamed the TTP.\n\n\n\n"
        "Border Watch 🚚 @BorderWatch\n\n"
        "Trucks have waited at the gate for six days now.\n\n\n\n"
        "Q 12\t40\t♥ 310\n\n"
        "Figure 1: A post by Border Watch\n\n"
        "Source: https://twitter.com/BorderWatch/status/1\n\n"
        "The closures continued into the next year.\n\n"
        "References\n\nRoe, J., 2023. Border trade. Kabul: Example Press.\n\n"
        "About the author\n\nRuth Example writes about trade.\n",
        encoding="utf-8",
    )
    doc = extract_document(path)
    assert (doc.title, doc.author, doc.date) == ("BORDER TRADE AFTER 2021", "Ruth Example", "2024-04")
    assert marked(doc, "abbreviations") == [
        "List of Abbreviations\n\nTTP\tTehrik-e-Taliban Pakistan\nKP\tKhyber Pakhtunkhwa"
    ]
    assert marked(doc, "contents") == ["Table of contents\n\n1\tIntroduction\t3\n2\tTrade\t5"]
    assert marked(doc, "bibliography") == ["References\n\nRoe, J., 2023. Border trade. Kabul: Example Press."]
    assert marked(doc, "tweet") == [
        "Border Watch 🚚 @BorderWatch",
        "Trucks have waited at the gate for six days now.",
        "Q 12\t40\t♥ 310",
    ]
    assert marked(doc, "caption") == [
        "Figure 1: A post by Border Watch",
        "Source: https://twitter.com/BorderWatch/status/1",
    ]
    assert "1 Introduction" in marked(doc, "heading")
    assert "1\tIntroduction\t3" not in marked(doc, "heading")


def test_a_quotation_with_its_attribution_is_marked(tmp_path):
    path = tmp_path / "quote.txt"
    path.write_text(
        "The minister spoke at length.\n\n"
        '"Afghanistan wants to move away from the branding of a state in war."\n\n'
        "Iftikhar Firdous, Khorasan Diary\n\n"
        "The talks went on.\n",
        encoding="utf-8",
    )
    doc = extract_document(path)
    assert marked(doc, "quote") == [
        '"Afghanistan wants to move away from the branding of a state in war."\n\nIftikhar Firdous, Khorasan Diary'
    ]


@pytest.mark.skipif(paper_dir() is None, reason="the source paper is not at hand (it is not redistributed)")
def test_the_real_paper_loses_no_text_and_gets_its_sections_and_posts():
    path = paper_dir() / PAPER
    doc = extract_document(path)
    fold = " ".join
    assert fold(doc.text.split()) == fold(path.read_text(encoding="utf-8").split())
    assert (doc.title, doc.author, doc.date) == ("PAKISTAN'S VIEWPOINT OF AFGHANISTAN", "Imtiaz Gul", "2024-04")
    (abbreviations,) = marked(doc, "abbreviations")
    assert abbreviations.startswith("List of Abbreviations") and abbreviations.endswith("WU\tWolf Unit")
    (bibliography,) = marked(doc, "bibliography")
    assert bibliography.startswith("8 Bibliography\n\nAmu TV, 2024.")
    assert bibliography.endswith("experts-say-/7290869.html</u>")
    tweets = marked(doc, "tweet")
    assert "Najiba Faiz 🤣 @NajibaFaiz5" in tweets
    assert any(t.startswith("Economically Taliban are totally dependent") for t in tweets)
    assert not any(t.startswith("In retaliation, Pakistani security forces") for t in tweets)
    captions = marked(doc, "caption")
    assert len([c for c in captions if c.startswith("Figure")]) == 13
    headings = marked(doc, "heading")
    assert "5.4 Pakistani air strikes on Afghanistan March 2024" in headings
    assert "Negotiations 5.1" in headings


@pytest.mark.skipif(paper_dir() is None, reason="the source paper is not at hand (it is not redistributed)")
def test_every_knowledge_quote_is_found_in_the_extracted_paper():
    import yaml

    from torkham.kb.loader import BUNDLED_KNOWLEDGE

    def quotes(node) -> list[str]:
        if isinstance(node, dict):
            return [q for k, v in node.items() for q in ([v] if k == "quote" and isinstance(v, str) else quotes(v))]
        return [q for value in node for q in quotes(value)] if isinstance(node, list) else []

    text = " ".join(extract_document(paper_dir() / PAPER).text.split())
    found = [
        q for path in (BUNDLED_KNOWLEDGE / "gul-2024").glob("*.yaml") for q in quotes(yaml.safe_load(path.read_text()))
    ]
    assert len(found) > 700
    assert [q for q in found if " ".join(q.split()) not in text] == []
