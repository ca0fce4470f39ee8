"""/sources and /sources/{id}: the bibliography and the datasets with versions and licences; one source with
every passage drawn from it (anchors record-<id>, line-<n>) and where the paper cites it (citation-<n>)."""

from __future__ import annotations

import html
import re

from page_text import error_message, paper_at_hand, text_of
from shots import screenshot


def test_index_lists_bibliography_and_datasets_with_licences(client):
    response = client.get("/sources")
    assert response.status_code == 200
    text = text_of(response)
    assert "Pakistan's Viewpoint of Afghanistan" in text
    assert "UCDP Georeferenced Event Dataset (GED) Global 22.1" in text and "22.1 6,416" in text
    assert "CC BY 4.0" in text and "2025.12.1" in text
    assert 'href="/sources/ucdp-ged%3A22.1"' in response.text


def test_paper_page_quotes_every_record_drawn_from_it(client, bundled_store):
    from torkham.store.db import connect

    with connect(bundled_store, read_only=True) as con:
        quoted = con.execute("SELECT id FROM kb_records WHERE source = 'gul-2024' AND quote IS NOT NULL").fetchall()
    response = client.get("/sources/gul-2024")
    assert response.status_code == 200
    for (record_id,) in quoted:
        assert f'id="record-{record_id}"' in response.text, record_id
    passage = response.text.split('id="record-ttp"', 1)[1].split("</li>", 1)[0]
    assert ('id="line-275"' in passage) == paper_at_hand()  # lines are known only when the text is at hand
    assert "Tehrik-e-Taliban Pakistan or TTP is an anti-Pakistan terrorist outfit" in passage


def test_a_cited_source_shows_where_the_paper_cites_it(client):
    response = client.get("/sources/bbc-monitoring-2022")
    assert response.status_code == 200
    assert 'id="citation-1"' in response.text
    assert "The TTP claimed responsibility for 45 attacks in December 2021 alone" in text_of(response)


def test_dataset_page_gives_version_licence_and_attribution(client):
    response = client.get("/sources/ucdp-ged:22.1")
    assert response.status_code == 200
    text = text_of(response)
    assert "Version 22.1" in text and "Licence CC BY 4.0" in text and "Sundberg & Melander (2013)" in text


def test_unknown_source_is_404_with_a_message(client):
    response = client.get("/sources/no-such-paper")
    assert response.status_code == 404
    assert error_message(response) == "no source or dataset with id 'no-such-paper'; the sources page lists them all"


def test_browser_sources_pages(page):
    page.goto("/sources")
    screenshot(page, "sources")
    page.locator("#source-bbc-monitoring-2022 a").click()
    page.wait_for_url("**/sources/bbc-monitoring-2022")
    assert "Where the paper cites it" in page.locator("#citations").inner_text()
    screenshot(page, "source-bbc-monitoring-2022")  # the paper's own page is too long for a full-page picture


def test_every_source_link_of_the_actor_page_lands_on_its_quote(client):
    page = client.get("/actors/ttp").text
    links = set(re.findall(r'<a class="prov" href="/sources/gul-2024#(record-[^"]+)"', page))
    assert len(links) == 1 + 29 + 31 + 15 + 7 + 1  # the actor, relations, events, figures, claims, priority
    source = client.get("/sources/gul-2024").text
    missing = [anchor for anchor in links if f'id="{anchor}"' not in source]
    assert not missing


def test_download_links_of_the_pages_work(client):
    pages = ["/actors", "/actors/ttp", "/timeline?actor=TTP&from=2021&to=2021", "/perspectives", "/search?q=TTP"]
    links = {html.unescape(h) for p in pages for h in re.findall(r'href="(/api/[^"#]+)"', client.get(p).text)}
    assert len(links) >= 8
    broken = [(link, r.status_code) for link in sorted(links) if (r := client.get(link)).status_code != 200]
    assert not broken
