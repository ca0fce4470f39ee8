"""The event listing (store.events) as the API serves it: once the lookups of the opening are kept, a page is one
DuckDB statement and its total another (none when the page holds every match, nor beside facet counts, which give
it), facets one statement; paging with the cursor walks exactly the listing."""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb
import pytest

from torkham.params import EventQuery
from torkham.store import events
from torkham.store.clauses import Where
from torkham.store.memo import bound


class Counting:
    """A DuckDB connection that counts the statements run through it."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con, self.statements = con, 0

    def execute(self, sql, params=None):
        self.statements += 1
        return self.con.execute(sql, params or [])


@pytest.fixture
def store(bundled_store):
    con = duckdb.connect(str(bundled_store), read_only=True)
    yield con
    con.close()


@pytest.mark.parametrize("layer", ["data", "both"])
def test_a_page_and_its_total_are_two_statements_and_one_beside_its_facet_counts(store, layer):
    counting: Any = Counting(store)  # stands for the connection
    query = EventQuery.parse(layer=layer, country="PAK", start="2008-01-01", end="2013-12-31")
    with bound(counting, {}):
        chosen = events.select_events(counting, query)
        events.find_events(counting, chosen, limit=50)
        events.facet_counts(counting, chosen, "admin1")
        counting.statements = 0
        page = events.find_events(counting, chosen, limit=50)  # the page, then its total
        assert counting.statements == 2
        counts, total = events.counted_facets(counting, chosen, "admin1")
        faceted = events.find_events(counting, chosen, limit=50, total=total)  # the facet counted the total
        assert counting.statements == 4
        events.find_events(counting, chosen, limit=10_000)  # a page that holds every match is its own total
        assert counting.statements == 5
    assert len(page.items) == 50 and page.total > 50 and page.next_cursor
    assert faceted == page and counts == events.facet_counts(store, chosen, "admin1")


@pytest.mark.parametrize("by", [facet for facet in events.FACETS if facet != "actor"])
@pytest.mark.parametrize("layer", ["kb", "data", "both"])
def test_the_events_a_facet_counts_are_the_total_of_the_listing(store, by, layer):
    chosen = events.select_events(store, EventQuery.parse(layer=layer, start="2001", end="2021"))
    rows, total = events.counted_facets(store, chosen, by)
    assert total == events.find_events(store, chosen, limit=1).total == sum(row["count"] for row in rows) > 0
    assert events.counted_facets(store, chosen, "actor")[1] is None  # an event of two actors counts twice


@pytest.mark.parametrize("layer", ["data", "both"])
def test_paging_with_the_cursor_walks_the_whole_listing_in_order(store, layer):
    chosen = events.select_events(store, EventQuery.parse(layer=layer, country="PAK", start="2013", end="2013"))
    whole = events.find_events(store, chosen, limit=None)
    walked, cursor = [], None
    while True:
        page = events.find_events(store, chosen, limit=37, cursor=cursor)
        assert page.total == whole.total
        walked += page.items
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert walked == whole.items and len(walked) == whole.total > 37
    days = [date.fromisoformat(item["date"]) for item in walked if item["layer"] == "data"]
    assert days == sorted(days)


def test_a_dataset_event_carries_its_actor_ids_and_its_status(store):
    chosen = events.select_events(store, EventQuery.parse(actor="TTP", start="2021", end="2021", layer="data"))
    item = events.find_events(store, chosen, limit=1).items[0]
    assert "ttp" in item["actors"] and "TTP" in item["actor_names"]
    assert item["dataset_status"] == "final" and item["layer"] == "data"
    same = events.event_by_id(store, item["id"])
    assert same == {k: v for k, v in item.items() if k != "dataset_status"}


def test_a_list_of_values_is_one_placeholder_each_and_an_empty_list_matches_nothing():
    where = Where().among("e.iso3", ["PAK", "AFG"]).among("e.admin1", None).among("e.country", [])
    assert where.expression() == "e.iso3 IN (?, ?) AND false"
    assert where.params == ["PAK", "AFG"]
