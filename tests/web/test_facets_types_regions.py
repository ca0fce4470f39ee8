"""Issue 13, the event listing's facets and filters: years newest first, deaths unknown (never 0) for events
that give none, regions folded only as the admin-1 crosswalk declares, and the declared crosswalk of event
types (type=attack lists the UCDP types it counts as attacks)."""

from __future__ import annotations

import re

import pytest
from page_text import text_of

from torkham.errors import TorkhamError
from torkham.model.event_types import event_crosswalk
from torkham.store.regions import fold_regions

STATE_BASED, ONE_SIDED, NON_STATE = 5388 + 47, 559 + 14, 469 + 6  # UCDP GED 22.1 + candidate events of 2023-10
PAPER_ATTACKS = 14


def facets(client, query: str) -> list[dict]:
    response = client.get(f"/api/v1/events/facets?{query}")
    assert response.status_code == 200, response.text
    return response.json()["items"]


# --- years, newest first ---------------------------------------------------------------------------------


def test_year_facet_is_newest_first(client):
    years = [row["value"] for row in facets(client, "by=year")]
    assert years[:3] == ["2024", "2023", "2022"] and years[-1] == "1947"
    assert years == sorted(years, reverse=True)


def test_timeline_when_shows_recent_years_first(client):
    when = client.get("/timeline").text.split('id="when-h"', 1)[1].split("</section>", 1)[0]
    shown = re.findall(r'<td><a href="[^"]*">(\d{4})</a>', when)
    assert shown[:3] == ["2024", "2023", "2022"] and "1947" not in shown
    assert "Newest first." in when


# --- deaths: unknown, never 0 ------------------------------------------------------------------------------


def test_paper_events_have_unknown_deaths_not_zero(client):
    years = {row["value"]: row for row in facets(client, "by=year&layer=kb")}
    assert years["2024"] == {"value": "2024", "label": "2024", "count": 19, "fatalities": None,
                             "fatalities_unknown": 19}  # fmt: skip


def test_mixed_rows_sum_the_known_deaths_and_count_the_unknown(client):
    (row,) = facets(client, "by=year&actor=TTP&from=2021&to=2021")
    assert (row["count"], row["fatalities"], row["fatalities_unknown"]) == (129, 264, 10)  # 119 UCDP, 10 paper
    (data,) = facets(client, "by=year&actor=TTP&from=2021&to=2021&layer=data")
    assert data["fatalities"] == row["fatalities"]  # the paper's 10 add nothing, not even 0


def test_timeline_says_how_many_events_have_unknown_deaths(client):
    text = text_of(client.get("/timeline?actor=TTP&from=2021&to=2021"))
    assert "264 10 events with unknown deaths" in text
    paper = text_of(client.get("/timeline?layer=kb&from=2024&to=2024"))
    assert "unknown 19 events with unknown deaths" in paper and " 0 19 events" not in paper


# --- regions -------------------------------------------------------------------------------------------------


def test_region_facet_counts_the_spellings_the_crosswalk_declares_as_one(client):
    rows = {row["value"]: row for row in facets(client, "by=region")}
    kp = rows["Khyber Pakhtunkhwa"]
    assert (kp["count"], kp["names"]) == (1405 + 2, ["Khyber Pakhtunkwa province", "Khyber Pakhtunkhwa"])
    assert kp["fatalities_unknown"] == 2  # the paper's two events there
    assert "Khyber Pakhtunkwa province" not in rows and rows["Kunar"]["names"] == ["Kunar", "Kunar province"]
    assert rows[None]["value"] is None and list(rows)[-1] is None  # no region given: last


def test_admin1_filter_by_any_spelling_lists_every_spelling(client):
    for spelling in ("Khyber Pakhtunkhwa", "khyber pakhtunkwa PROVINCE", "NWFP"):
        body = client.get("/api/v1/events", params={"admin1": spelling, "limit": 1}).json()
        assert body["total"] == 1407, spelling
    assert client.get("/api/v1/events", params={"admin1": "KPK", "layer": "kb"}).json()["total"] == 2


def test_names_the_crosswalk_does_not_declare_are_never_merged():
    row = {"count": 1, "fatalities": 3, "fatalities_unknown": 0}
    rows = fold_regions([{"value": "Atlantis", **row}, {"value": "Atlantis province", **row}])
    assert [(r["value"], r["count"]) for r in rows] == [("Atlantis", 1), ("Atlantis province", 1)]
    merged = fold_regions([{"value": "Sindh province", **row}, {"value": "sindh", **row, "fatalities": None}])
    assert [(r["value"], r["count"], r["fatalities"], r["names"]) for r in merged] == [
        ("Sindh province", 2, 3, ["Sindh province", "sindh"])
    ]


def test_timeline_where_shows_one_row_per_region_with_its_spellings(client):
    where = client.get("/timeline").text.split('id="where-h"', 1)[1]
    where = where.split("</section>", 1)[0]
    assert where.count(">Khyber Pakhtunkhwa</a>") == 1
    assert "as Khyber Pakhtunkwa province, Khyber Pakhtunkhwa" in where


# --- event types: the declared crosswalk -------------------------------------------------------------------


def test_type_attack_lists_the_ucdp_types_the_crosswalk_counts_as_attacks(client):
    body = client.get("/api/v1/events?type=attack&limit=1000").json()
    assert body["total"] == PAPER_ATTACKS + STATE_BASED + ONE_SIDED
    types = {row["value"]: row["count"] for row in facets(client, "by=event_type&type=attack")}
    assert types == {"state-based": STATE_BASED, "one-sided": ONE_SIDED, "attack": PAPER_ATTACKS}
    datasets = {row["value"] for row in facets(client, "by=dataset&type=attack")}
    assert datasets == {"ucdp-ged", "ucdp-candidate", None}  # None: the paper's events


def test_a_dataset_type_lists_only_its_own_events(client):
    assert client.get("/api/v1/events?type=one-sided&limit=1").json()["total"] == ONE_SIDED
    assert client.get("/api/v1/events?type=non-state&limit=1").json()["total"] == NON_STATE
    assert client.get("/api/v1/events?type=statement&layer=data&limit=1").json()["total"] == 0


def test_event_type_facet_names_ucdp_types_as_the_codebook_does(client):
    labels = {row["value"]: row["label"] for row in facets(client, "by=event_type")}
    assert labels["state-based"] == "state-based conflict (UCDP type_of_violence 1)"
    assert labels["non-state"] == "non-state conflict (UCDP type_of_violence 2)"
    assert labels["one-sided"] == "one-sided violence (UCDP type_of_violence 3)"
    assert labels["attack"] == "Attack"


def test_timeline_what_facet_says_what_counts_as_an_attack(client):
    what = client.get("/timeline").text.split('id="what-h"', 1)[1].split("</section>", 1)[0]
    assert (
        'state-based conflict (UCDP type_of_violence 1)</a><br><span class="muted counts-as">counts as attack' in what
    )
    assert "Type attack also lists the UCDP events of one-sided violence" in what


def test_crosswalk_codes_are_those_the_ucdp_format_writes():
    from torkham.datasets.formats import ucdp

    crosswalk = event_crosswalk()
    for name, declared in crosswalk.types.items():
        assert f"WHEN '{declared.code}' THEN '{name}'" in ucdp._VIOLENCE
        assert set(declared.datasets) == {"ucdp-ged", "ucdp-candidate"}
    assert crosswalk.dataset_types("attack") == ("one-sided", "state-based")
    assert crosswalk.paper_types("non-state") == ()


@pytest.mark.parametrize(
    ("counts_as", "line", "message"),
    [
        ("  atack:\n    ucdp: [one-sided]\n    note: x\n", 9, "'atack' is not an event type of the vocabulary"),
        (
            "  attack:\n    ucdp: [one-sidd]\n    note: x\n",
            10,
            "attack: 'one-sidd' is not a ucdp type; known: one-sided",
        ),
        ("  attack:\n    ucdp: [one-sided]\n", 9, "attack: needs a note saying why"),
    ],
)
def test_a_bad_crosswalk_fails_when_it_loads_naming_its_line(tmp_path, counts_as, line, message):
    path = tmp_path / "crosswalk.yaml"
    path.write_text(
        "datasets:\n  ucdp:\n    name: UCDP\n    field: type_of_violence\n    applies_to: [ucdp-ged]\n    types:\n"
        "      one-sided: {code: 3, label: one-sided violence, description: d}\n"
        "counts_as:\n" + counts_as
    )
    with pytest.raises(TorkhamError) as raised:
        event_crosswalk(path)
    assert str(raised.value).startswith(f"{path}:{line}: {message}")
