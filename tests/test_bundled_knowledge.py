"""The bundled knowledge of *Pakistan's Viewpoint of Afghanistan*: valid, complete where the paper
is countable, and answering the questions the issue names."""

import json

import pytest

from paper_paths import paper_dir


@pytest.fixture(scope="module")
def bundled_db(tmp_path_factory):
    """One store for the module: built from the bundled knowledge by the first command."""
    return tmp_path_factory.mktemp("bundled") / "torkham.duckdb"


@pytest.fixture
def bundled(cli, bundled_db):
    def invoke(*args):
        return cli("--db", bundled_db, *args)

    return invoke


@pytest.fixture
def document(bundled):
    result = bundled("kb", "export", "--format", "json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_the_bundled_knowledge_validates_against_the_paper(bundled):
    texts = paper_dir()
    if texts is None:
        pytest.skip("the paper's text (../shared/source) is not beside this checkout")
    result = bundled("kb", "validate", "--texts", texts)
    assert result.code == 0, result.err
    assert result.out.endswith("quotes checked against the source text\n")


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("Tehreek-e-Taliban", "ttp"),
        ("Tehrik-i-Taliban Pakistan", "ttp"),
        ("Haggani", "sirajuddin-haqqani"),
        ("Sirajuddin Haqqani", "sirajuddin-haqqani"),
        ("IEA", "tta"),
        ("Islamic Emirate of Afghanistan", "tta"),
        ("Daesh", "iskp"),
        ("Ankara Circle", "src"),
        ("Leiven", "anatol-lieven"),
        ("@SayedSamiSadat", "sayed-sami-sadat"),
        ("Khalid Bulti", "khalid-balti"),
        ("Noor Wali Mehsud", "noor-wali-mehsud"),
    ],
)
def test_show_finds_the_papers_actors_by_their_spellings(bundled, name, actor_id):
    result = bundled("show", name, "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["actor"]["id"] == actor_id


def test_show_ttp_cites_its_facts(bundled):
    result = bundled("show", "TTP")
    assert result.code == 0
    assert "gul-2024 §4.1" in result.out
    detail = json.loads(bundled("show", "TTP", "--json").out)
    assert detail["relations"] and detail["events"] and detail["figures"] and detail["claims"]


def test_the_timeline_from_the_takeover_to_the_paper(bundled):
    events = json.loads(bundled("timeline", "--from", "2021-08", "--to", "2024-04", "--json").out)
    ids = [e["id"] for e in events]
    for expected in [
        "ev-2021-08-taliban-takeover",
        "ev-2022-03-30-tank-fort-attack",
        "ev-2022-11-ttp-ceasefire-revoked",
        "ev-2023-09-05-chitral-attack",
        "ev-2023-09-09-demarche",
        "ev-2023-11-01-deportations",
        "ev-2024-03-airstrikes",
        "ev-2024-04-drone-surveillance",
    ]:
        assert expected in ids
    dates = {e["id"]: e["date"] for e in events}
    assert dates["ev-2023-09-05-chitral-attack"] == "2023-09-05"
    assert dates["ev-2024-03-airstrikes"] == "2024-03"
    assert all(
        "2021-08" <= e["date"][:7] <= "2024-04"
        for e in events
        if e["precision"] != "approximate" and len(e["date"]) >= 7
    )


def test_the_countable_parts_of_the_paper_are_all_there(document):
    recommendations = document["recommendations"]
    assert sorted(r["number"] for r in recommendations) == list(range(1, 12))
    factors = document["factors"]
    by_framework = {
        f: sorted(x["number"] for x in factors if x["framework"] == f)
        for f in ("usip-2009", "sigar-2022", "crucial-factors")
    }
    assert by_framework == {
        "usip-2009": [1, 2, 3, 4, 5, 6],
        "sigar-2022": [1, 2, 3, 4, 5, 6],
        "crucial-factors": [1, 2, 3],
    }
    pakistan = sorted(p["rank"] for p in document["priorities"] if p["holder"] == "pakistan" and "rank" in p)
    assert pakistan[:4] == [1, 2, 3, 4]
    # a dataset source (ucdp-ged-22-1) has a cell locator, no section
    bibliography = [s for s in document["sources"] if s["locator"].get("section") == "8"]
    assert len(bibliography) == 26
    assert len([q for q in document["questions"] if q["locator"]["section"] == "implications"]) == 3
    fronts = {a["id"] for a in document["actors"] if a["kind"] == "opposition_group"}
    assert {"nrf", "rmj", "nff", "faf", "ftt", "nifma", "fdm", "src", "pdpa", "wnff", "fu", "wu", "pf", "auf"} <= fronts


def test_extraction_noise_is_repaired_with_a_note(document):
    figures = {f["id"]: f for f in document["figures"]}
    por = [f for f in figures.values() if f["value"] == 1_400_000]
    assert por and por[0]["value_text"].startswith("1.4") and any("million" in n for n in por[0].get("notes", []))
    haqqani = next(a for a in document["actors"] if a["id"] == "sirajuddin-haqqani")
    haggani = next(a for a in haqqani["aliases"] if a["name"] == "Sirajuddin Haggani")
    assert haggani["type"] == "misspelling" and haggani["note"]


def test_disputed_claims_keep_both_sides(document):
    claims = {c["id"]: c for c in document["claims"]}
    origin = [c for c in claims.values() if c["topic"] == "ttp-origin"]
    assert any("sohail-shaheen" in c["asserted_by"] and "pakistan" in c["disputed_by"] for c in origin)
    for claim in claims.values():
        for other in claim["disputes"]:
            assert other in claims


def test_every_record_carries_provenance(document):
    for kind, records in document.items():
        for record in records:
            assert record["source"], (kind, record["id"])
            if kind != "ambiguities":  # a declaration about names, not a fact of the text
                locator = record["locator"]
                located = locator.get("section") or {"column", "row"} <= set(locator)  # a dataset cell
                assert located and record["quote"].strip(), (kind, record["id"])


def test_figures_inside_tweets_are_marked(document):
    assert any(f["context"] == "tweet" for f in document["figures"])
