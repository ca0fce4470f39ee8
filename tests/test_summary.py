"""torkham brief summary: one A4 page per country and range, the verdict decided by the stated figures and
rule, three events with their sources, the forecast (or why there is none) and the coverage sentences; bad
options give exact messages and exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from torkham.kb.loader import BUNDLED_KNOWLEDGE


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    from torkham.store.build import ensure_store

    path = tmp_path_factory.mktemp("summary") / "torkham.duckdb"
    ensure_store(path, BUNDLED_KNOWLEDGE)
    return path


@pytest.fixture
def summary(cli, store):
    def invoke(*args):
        return cli("--db", store, "--kb", BUNDLED_KNOWLEDGE, "brief", "summary", *args)

    return invoke


def pdf_text(path: Path) -> tuple[int, str]:
    reader = PdfReader(str(path))
    return len(reader.pages), " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_pdf_is_one_page_with_the_verdict_and_its_figures(summary, tmp_path):
    out = tmp_path / "s.pdf"
    result = summary("--country", "Pakistan", "--from", "2023-01", "--to", "2023-12", "-o", out)
    assert result.code == 0, result.err
    assert result.out.startswith(f"wrote {out} (PDF, ")
    assert result.out.endswith(" bytes; Pakistan 2023-01 to 2023-12: deteriorated)\n")
    pages, text = pdf_text(out)
    assert pages == 1
    assert "Deteriorated — 1,177 deaths (UCDP best estimate) in 2023-01 to 2023-12 against 719 in the 12 month(s) " \
           "before (2022-01 to 2022-12): +63.7%, large increase." in text  # fmt: skip
    assert "a rise of 10% or more is deteriorated" in text
    assert "Pakistan begins deporting undocumented Afghan migrants" in text
    assert "ucdp-candidate 23.0.10 (preliminary), event 497099" in text
    assert "Forecasts are distributions of what may come, not predictions of events." in text
    assert "UCDP GED 22.1 covers Pakistan from 1989-01-01 to 2021-12-31; nothing after until 2023-10-01." in text


def test_a_range_the_data_do_not_cover_has_no_verdict_and_no_forecast(summary, tmp_path):
    out = tmp_path / "s.html"
    result = summary("--country", "AFG", "--from", "2024-01", "--to", "2024-12", "-o", out)
    assert result.code == 0, result.err
    assert result.out.endswith("; Afghanistan 2024-01 to 2024-12: not assessed)\n")
    html = out.read_text(encoding="utf-8")
    assert "Not assessed</span>\n— no data covers 2024-05 to 2024-12, so the two periods cannot be compared." in html
    assert "No forecast from 2024-12: origin: 2024-12 is beyond the data; the last month covered is 2024-04." in html
    assert "<li>no event data covers Afghanistan from 2024-01-01 to 2024-12-31.</li>" in html
    assert html.count("<li><b>") == 2  # two key events of the paper, no dataset event in the range


def test_unchanged_and_improved_by_the_rule(summary, tmp_path):
    out = tmp_path / "s.html"
    result = summary("--country", "Pakistan", "--from", "2023-05", "--to", "2023-05", "-o", out)
    assert result.out.endswith(": unchanged)\n"), result.err
    text = " ".join(out.read_text(encoding="utf-8").split())
    assert "71 deaths (UCDP best estimate) in 2023-05 to 2023-05 against 70 in the 1 month(s) before (2023-04 to " \
           "2023-04): +1.4%, stable." in text  # fmt: skip
    result = summary("--country", "Pakistan", "--from", "2023-06", "--to", "2023-06", "-o", out)
    assert result.out.endswith(": improved)\n")
    assert "51 deaths (UCDP best estimate) in 2023-06 to 2023-06 against 71 in the 1 month(s) before (2023-05 to " \
           "2023-05): -28.2%, large decrease." in " ".join(out.read_text(encoding="utf-8").split())  # fmt: skip


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--country", "Narnia", "--from", "2023-01", "--to", "2023-12", "-o", "s.pdf"),
         "--country: unknown country 'Narnia'; known: Afghanistan, China, Germany, India, Iran, Pakistan, Qatar, "
         "Russia, Saudi Arabia, Tajikistan, Turkey, Turkmenistan, United Arab Emirates, United Kingdom, United "
         "States, Uzbekistan (model/countries.yaml lists them)"),
        (("--country", "India", "--from", "2023-01", "--to", "2023-12", "-o", "s.pdf"),
         "--country: no events in 'India'; the store holds: Afghanistan (AFG), Germany (DEU), Iran (IRN), "
         "Pakistan (PAK), United States (USA)"),
        (("--country", "Pakistan,Afghanistan", "--from", "2023-01", "--to", "2023-12", "-o", "s.pdf"),
         "--country: give one country, e.g. Pakistan"),
        (("--country", "Pakistan", "--from", "2023", "--to", "2023-12", "-o", "s.pdf"),
         "--from: '2023' is not a month; write YYYY-MM, e.g. 2023-04"),
        (("--country", "Pakistan", "--from", "2023-12", "--to", "2023-01", "-o", "s.pdf"),
         "--from: 2023-12 is after --to 2023-01; swap them"),
        (("--country", "Pakistan", "--from", "2023-01", "--to", "2023-12", "-o", "s.txt"),
         "--output: 's.txt' must end in .html or .pdf (the format is taken from it)"),
        (("--country", "Pakistan", "--from", "2023-01", "--to", "2023-12"),
         "--output: give the file to write, ending in .html or .pdf, e.g. -o summary.pdf"),
    ],
)  # fmt: skip
def test_bad_options(summary, args, message):
    result = summary(*args)
    assert (result.code, result.out, result.err) == (1, "", f"Error: {message}\n")


def test_brief_without_output_names_the_option(cli, store):
    result = cli("--db", store, "--kb", BUNDLED_KNOWLEDGE, "brief", "--from", "2023-01")
    assert (result.code, result.err) == (1, "Error: --output: give the file to write, ending in .html or .pdf, "
                                            "e.g. -o brief.pdf\n")  # fmt: skip
