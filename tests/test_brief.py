"""torkham brief: the HTML has every section and numbered citations; the PDF of the issue's range renders
(pdftoppm) and reads (pdftotext); an empty range says so; bad options give exact messages."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from torkham.cli.app import run
from torkham.kb.loader import BUNDLED_KNOWLEDGE

SECTIONS = (
    "1. Headline assessment",
    "2. Key events",
    "3. Charts",
    "4. What may come",
    "5. Actors involved",
    "6. Perspectives on the disputed questions",
    "7. Claims checked against the data",
    "8. The paper's recommendations",
    "9. Sources and event ids",
)
needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("pdftotext")), reason="poppler-utils (pdftoppm, pdftotext) missing"
)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """One store for the module, built from the bundled knowledge and data."""
    from torkham.store.build import ensure_store

    path = tmp_path_factory.mktemp("brief") / "torkham.duckdb"
    ensure_store(path, BUNDLED_KNOWLEDGE)
    return path


@pytest.fixture(scope="module")
def pdf(store, tmp_path_factory) -> Path:
    """The issue's briefing, rendered once (WeasyPrint is slow)."""
    out = tmp_path_factory.mktemp("brief-pdf") / "brief.pdf"
    args = ["--db", str(store), "--kb", str(BUNDLED_KNOWLEDGE), "brief", "--from", "2021-08", "--to", "2024-04"]
    assert run([*args, "-o", str(out)]) == 0
    return out


@pytest.fixture
def brief(cli, store):
    def invoke(*args):
        return cli("--db", store, "--kb", BUNDLED_KNOWLEDGE, "brief", *args)

    return invoke


@needs_poppler
def test_pdf_pages_render_and_read(pdf, tmp_path):
    import matplotlib.image

    pages = int(
        re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout)[1]
    )
    subprocess.run(["pdftoppm", "-r", "50", "-png", pdf, tmp_path / "page"], check=True)
    images = sorted(tmp_path.glob("page-*.png"))
    assert pages >= 5 and len(images) == pages
    for image in images:
        assert image.stat().st_size > 3000
    first = matplotlib.image.imread(images[0])
    assert first.shape[0] > first.shape[1] > 300  # A4 portrait at 50 dpi: 413 x 585
    assert first.std() > 0.05  # text and boxes, not a blank page
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(text.split())  # lines wrap anywhere
    assert "Afghanistan–Pakistan situation briefing" in text
    assert "Engage with the Taliban Realistically" in text  # recommendation 1
    assert re.search(r"\[1\]", text) and "gul-2024, section" in text
    assert "ucdp-ged:" in text  # dataset event ids in the citations
    assert "covers 1989-01-01 to 2021-12-31: only 2021-08-01 to 2021-12-31 of this range (5 of its 33 months)" in text
    assert "Uppsala Conflict Data Program (CC BY 4.0)" in text
    assert "Page 1 of" in text
    fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True).stdout
    assert "DejaVu" in fonts and all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # embedded


def test_html_sections_citations_and_nothing_external(brief, tmp_path):
    out = tmp_path / "brief.html"
    result = brief("--from", "2021-06", "--to", "2021-12", "--country", "PAK", "-o", out)
    assert result.code == 0, result.err
    assert re.fullmatch(
        rf"wrote {re.escape(str(out))} \(HTML, [\d,]+ bytes; 2021-06-01 to 2021-12-31: \d+ events, \d+ citations\)\n",
        result.out,
    )
    html = out.read_text(encoding="utf-8")
    for section in SECTIONS:
        assert f"<h2>{section}</h2>" in html.replace("&#39;", "'")
    cited = {int(n) for n in re.findall(r'<a class="cite" href="#ref-(\d+)">\[\1\]</a>', html)}
    listed = {int(n) for n in re.findall(r'<li id="ref-(\d+)"', html)}
    assert cited == listed == set(range(1, len(listed) + 1))
    assert "The data held does not cover" not in html  # UCDP covers 2021-06..2021-12 in full
    assert "against the period of equal length before it (2020-11-01 to 2021-05-31)" in html
    # Pakistan's deaths per month; events, deaths; Pakistan's fan chart ("What may come")
    assert html.count('<img src="data:image/svg+xml;base64,') == 4
    forecast = html.split('<section id="forecast">', 1)[1].split("</section>", 1)[0]
    assert "Forecasts are distributions of what may come, not predictions of events." in forecast
    assert "Forecast of deaths per month from origin 2021-12" in forecast
    assert forecast.count('<figure class="forecast" id="forecast-pakistan">') == 1
    assert "Backtest (2015-01…2023-04, 100 origins, horizons 1–12): CRPS of" in forecast
    assert not re.search(r'(src|href)="(https?:|file:|//)|url\(', html)  # charts inline, no font files, no network
    assert "placed in another country than PAK are left out" in html
    assert "Perspectives are not available" not in html and "(ttp-origin)" in html
    assert "Claim checks are not available" not in html
    assert re.search(r'<td class="v-\w+">[^<]+</td>\s*<td>[^<]*TTP-claimed attacks', html)  # chk-ttp-attacks-2021-12


def test_empty_range_says_so(brief, tmp_path):
    out = tmp_path / "empty.html"
    result = brief("--from", "1900", "--to", "1900", "-o", out)
    assert result.code == 0, result.err
    assert result.out.endswith("1900-01-01 to 1900-12-31: nothing in this range)\n")
    html = out.read_text(encoding="utf-8")
    assert (
        "Nothing in this range: no knowledge-base event and no dataset event falls in 1900-01-01 to 1900-12-31." in html
    )
    assert "No events in this range" in html and "No chart: the event data held has nothing in this range" in html
    assert "covers 1989-01-01 to 2021-12-31: none of 1900-01-01 to 1900-12-31" in html
    assert "<p>No forecast from 1900-12: country: no data covers" in html  # "What may come" says why it has no chart


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-o", "brief.txt"), "--output: 'brief.txt' must end in .html or .pdf (the format is taken from it)"),
        (("-o", "missing/brief.pdf"), "--output: folder missing does not exist; create it or choose another path"),
        (("--from", "2024-04", "--to", "2021-08", "-o", "b.pdf"), "--from: 2024-04 is after --to 2021-08; swap them"),
    ],
)
def test_bad_options(brief, args, message):
    result = brief(*args)
    assert (result.code, result.out, result.err) == (1, "", f"Error: {message}\n")


def test_pdf_fetcher_refuses_the_network():
    from torkham.briefing.render import _fetcher

    fetch = _fetcher()
    for url in ("http://127.0.0.1:9/font.ttf", "https://example.org/x.css", "ftp://example.org/x"):
        with pytest.raises(ValueError, match="protocol|refused"):
            fetch(url)
