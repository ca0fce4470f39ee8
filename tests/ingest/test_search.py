"""The document store and passage search: passages with pages and offsets, replacement of an earlier
version, BM25 ranking with folding and stemming, highlighting, and `torkham search` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from torkham.errors import TorkhamError
from torkham.ingest.documents import list_documents, passage_spans, store_document
from torkham.ingest.search import fold, highlight, search_passages, stem
from torkham.ingest.text import extract_document

BORDER = (
    "1 The border\n\n"
    "Pakistan carried out air strikes in Khost and Paktika in March 2024. The Taliban's spokesman condemned "
    "the strikes, and the Afghan government summoned the envoy of Pakistan to protest against what it called "
    "a violation of its territory.\n\n"
    "Trade at Torkham stopped for a week.\f"
    "2 Refugees\n\n"
    "Pakistan deported undocumented Afghans in 2023; the refugees' camps emptied. One strike was reported.\n"
)
KABUL = "Kābul hosted the talks between the delegations.\n\nThe negotiations failed in November.\n"


def ingest(con, tmp_path: Path, name: str, text: str, source_id: str) -> int:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return store_document(con, extract_document(path), source_id)


@pytest.fixture
def store(con, tmp_path):
    ingest(con, tmp_path, "border.txt", BORDER, "border-2024")
    ingest(con, tmp_path, "kabul.txt", KABUL, "kabul-talks")
    return con


def test_passages_keep_their_page_and_offsets(store):
    rows = store.execute(
        'SELECT passage_no, page, "start", "end", text, marks FROM passages WHERE source_id = ? ORDER BY 1',
        ["border-2024"],
    ).fetchall()
    text = store.execute("SELECT text FROM documents WHERE source_id = 'border-2024'").fetchone()[0]
    assert [(no, page) for no, page, *_ in rows] == [(1, 1), (2, 1), (3, 2)]
    assert all(text[start:end] == passage for _, _, start, end, passage, _ in rows)
    assert rows[0][4].startswith("1 The border\n\nPakistan carried out air strikes")  # a heading packs with its text
    assert rows[0][5] == ["heading"]


def test_long_paragraphs_are_cut_at_sentence_ends(tmp_path):
    path = tmp_path / "long.txt"
    sentence = "The crossing at Torkham was closed again after the talks between the two sides had failed. "
    path.write_text(sentence * 30, encoding="utf-8")
    doc = extract_document(path)
    spans = passage_spans(doc)
    assert len(spans) == 3
    assert all(end - start <= 1000 for start, end in spans)
    assert all(doc.text[start:end].endswith("failed.") for start, end in spans)


def test_storing_a_source_again_replaces_it(store, tmp_path):
    assert ingest(store, tmp_path, "kabul2.txt", "The talks in Doha went on.\n", "kabul-talks") == 1
    documents = {d["source_id"]: d for d in list_documents(store)}
    assert documents["kabul-talks"]["passages"] == 1
    assert documents["kabul-talks"]["path"].endswith("kabul2.txt")
    assert store.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    assert search_passages(store, "negotiations") == []


def test_ranking_stemming_and_highlighting(store):
    results = search_passages(store, "air strike")
    assert [(r["source_id"], r["page"]) for r in results] == [("border-2024", 1), ("border-2024", 2)]
    assert results[0]["score"] > results[1]["score"] > 0
    assert "carried out «air strikes» in Khost" in results[0]["highlighted"]
    assert "condemned the «strikes», and" in results[0]["highlighted"]
    assert "One «strike» was reported." in results[1]["highlighted"]


def test_case_diacritics_and_possessives_are_folded(store):
    (kabul,) = search_passages(store, "KABUL")
    assert kabul["source_id"] == "kabul-talks"
    assert kabul["highlighted"].startswith("«Kābul» hosted")
    (taliban,) = search_passages(store, "taliban")
    assert "The «Taliban's» spokesman" in taliban["highlighted"]
    (refugee,) = search_passages(store, "refugee")
    assert "the «refugees»' camps" in refugee["highlighted"]
    assert (fold("Kābul’s"), stem("countries"), stem("crosses"), stem("process"), stem("Afghans")) == (
        "kabul's",
        "country",
        "cross",
        "process",
        "Afghan",
    )


def test_source_filter_and_limit(store):
    assert {r["source_id"] for r in search_passages(store, "talks OR strikes", source_id="kabul-talks")} == {
        "kabul-talks"
    }
    assert len(search_passages(store, "pakistan", limit=1)) == 1


def test_search_errors(con, store):
    with pytest.raises(TorkhamError) as caught:
        search_passages(store, "the of and")
    assert str(caught.value) == (
        "'the of and' has no words to search for (only common words such as 'the' or 'of'); search for a name or a term"
    )
    with pytest.raises(TorkhamError) as caught:
        search_passages(store, "talks", source_id="nope")
    assert (
        str(caught.value) == "--source: no ingested document with source id 'nope'; ingested: border-2024, kabul-talks"
    )
    with pytest.raises(TorkhamError) as caught:
        search_passages(store, "talks", limit=0)
    assert str(caught.value) == "--limit must be 1 or more (got 0)"


def test_searching_an_empty_store(con):
    with pytest.raises(TorkhamError) as caught:
        search_passages(con, "talks")
    assert str(caught.value) == "no documents have been ingested yet; run 'torkham ingest FILE' first"


def test_neighbouring_hits_share_one_pair_of_marks():
    assert highlight("Pakistani air strikes, air-strike", {"air", "strike"}) == "Pakistani «air strikes», «air-strike»"


# --- torkham search -------------------------------------------------------------------------------------------


def store_in(db_path: Path, tmp_path: Path) -> None:
    from torkham.store.db import connect

    con = connect(db_path)
    try:
        ingest(con, tmp_path, "border.txt", BORDER, "border-2024")
    finally:
        con.close()


def test_cli_without_documents_searches_the_knowledge(mini):
    nothing = mini("search", "zebra")
    assert (nothing.code, nothing.out, nothing.err) == (0, "No match for 'zebra'.\n", "")
    one_document = mini("search", "strikes", "--source", "border-2024")
    assert one_document.code == 1
    assert one_document.err.strip() == "Error: no documents have been ingested yet; run 'torkham ingest FILE' first"


def test_cli_lists_ranked_passages_with_highlights(mini, db_path, tmp_path):
    store_in(db_path, tmp_path)
    result = mini("search", "strikes")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[:4] == [
        "2 matches for 'strikes', best first:",
        "",
        "Passages of ingested documents (2)",
        lines[3],
    ]
    assert lines[3].startswith("  border-2024  p. 1  score ") and lines[3].endswith("[heading]")
    assert "    Pakistan carried out air «strikes» in Khost" in result.out
    assert "  border-2024  p. 2  score " in result.out


def test_cli_json_source_and_no_match(mini, db_path, tmp_path):
    store_in(db_path, tmp_path)
    result = mini("search", "torkham", "--json", "--source", "border-2024")
    assert result.code == 0, result.err
    found = json.loads(result.out)
    assert (found["kinds"], found["counts"], found["suggestions"]) == (["passages"], {"passages": 1}, [])
    (hit,) = found["hits"]
    assert (hit["source_id"], hit["page"], hit["url"]) == ("border-2024", 1, "/sources/border-2024#passage-2")
    assert hit["highlighted"] == "Trade at «Torkham» stopped for a week."
    nothing = mini("search", "zebra")
    assert (nothing.code, nothing.out.strip()) == (0, "No match for 'zebra'.")
    unknown = mini("search", "torkham", "--source", "gul")
    assert unknown.code == 1
    assert unknown.err.strip() == "Error: --source: no ingested document with source id 'gul'; ingested: border-2024"


def test_cli_finds_the_knowledge_and_the_passages_together(mini, db_path, tmp_path):
    store_in(db_path, tmp_path)
    result = mini("search", "Torkham")
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "2 matches for 'Torkham', best first:",
        "",
        "Dataset events (1)",
        "  2009-08-27 Government of Pakistan – TTP  [ucdp-ged:57680]",
        "    Torkham Border Crossing, Federally Administered Tribal Areas; 23 killed (best estimate)",
        "",
        "Passages of ingested documents (1)",
        "  border-2024  p. 1  score 1.39",
        "    Trade at «Torkham» stopped for a week.",
    ]


def test_documents_survive_a_knowledge_rebuild(mini, mini_kb, db_path, tmp_path):
    store_in(db_path, tmp_path)
    actors = mini_kb / "actors.yaml"
    actors.write_text(actors.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    result = mini("search", "torkham")
    assert result.code == 0, result.err
    assert "Trade at «Torkham» stopped for a week." in result.out
