"""The declaration of the record kinds (kb/schema.py, kb/kinds.py): checked when it loads, and the
source of the store's kb_* tables."""

import copy
import re
from pathlib import Path

import duckdb
import pytest

from torkham.kb.declaration import DeclarationError, declare
from torkham.kb.schema import COMMON, COMMON_TABLES, DECLARATION, KINDS
from torkham.store.rows import store_schema

SRC = Path(__file__).resolve().parents[1] / "src" / "torkham"
KB_TABLES = {
    "kb_records", "kb_proposals", "kb_actors", "kb_names", "kb_ambiguities", "kb_relations", "kb_events",
    "kb_event_actors", "kb_figures", "kb_figure_actors", "kb_claims", "kb_claim_actors", "kb_claim_disputes",
    "kb_sources", "kb_citations", "kb_checks", "kb_check_about", "kb_mentions", "kb_corroborations",
}  # fmt: skip


def table(kinds: dict, kind: str, name: str) -> dict:
    return next(t for t in kinds[kind]["tables"] if t["table"] == name)


def set_column(kinds: dict, kind: str, name: str, column: tuple) -> None:
    columns = table(kinds, kind, name)["columns"]
    columns[[c[0] for c in columns].index(column[0])] = column


def test_the_declaration_loads():
    assert declare(COMMON, COMMON_TABLES, KINDS).store_tables()


BROKEN = [
    pytest.param(
        lambda k: set_column(k, "events", "kb_events", ("first_day", "DATE NOT NULL", "frist_day")),
        "record kind 'events', table kb_events, column first_day: unknown field 'frist_day'",
        id="unknown-field",
    ),
    pytest.param(
        lambda k: set_column(k, "figures", "kb_figures", ("period_from", "VARCHAR", "period_begin()")),
        "record kind 'figures', table kb_figures, column period_from: unknown derivation 'period_begin()'",
        id="unknown-derivation",
    ),
    pytest.param(
        lambda k: set_column(k, "claims", "kb_claims", ("topic", "VARCHAR", "@item")),
        "record kind 'claims', table kb_claims, column topic: @item is only known in a table with 'each'",
        id="item-without-each",
    ),
    pytest.param(
        lambda k: set_column(k, "actors", "kb_actors", ("name", "TEXT NOT NULL")),
        "record kind 'actors', table kb_actors, column name: type 'TEXT NOT NULL' is not one of",
        id="unknown-type",
    ),
    pytest.param(
        lambda k: table(k, "events", "kb_event_actors").update(each="actor"),
        "record kind 'events', table kb_event_actors, each: unknown field 'actor'",
        id="each-unknown-list",
    ),
    pytest.param(
        lambda k: set_column(k, "sources", "kb_citations", ("line", "VARCHAR", "citation_line()")),
        "record kind 'sources', table kb_citations: columns differ from those of kb_citations as declared for every record",
        id="shared-table-differs",
    ),
    pytest.param(
        lambda k: k["checks"]["export"]["defaults"].update(checkabel=True),
        "record kind 'checks', export, defaults: unknown field 'checkabel'",
        id="export-default-unknown-field",
    ),
    pytest.param(
        lambda k: k["mentions"].update(table="kb_mentions"),
        "record kind 'mentions': unknown key(s) table; known: ",
        id="unknown-kind-key",
    ),
]


@pytest.mark.parametrize(("break_it", "message"), BROKEN)
def test_a_broken_declaration_fails_when_it_loads_naming_the_kind_and_key(break_it, message):
    kinds = copy.deepcopy(KINDS)
    break_it(kinds)
    with pytest.raises(DeclarationError) as failure:
        declare(COMMON, COMMON_TABLES, kinds)
    assert str(failure.value).startswith(message)


def test_the_generated_ddl_creates_the_tables_the_queries_use():
    used = set()
    for path in SRC.rglob("*.py"):
        used |= set(re.findall(r"\b(?:FROM|JOIN|INTO)\s+(kb_[a-z_]+)", path.read_text(encoding="utf-8"), re.I))
    assert {"kb_records", "kb_events", "kb_actors", "kb_names"} <= used
    with duckdb.connect() as con:
        con.execute(store_schema())
        created = {name for (name,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert used <= created
    assert created == KB_TABLES | {"meta"}
    assert {t.name for t in DECLARATION.store_tables()} == KB_TABLES


def test_the_generated_ddl_keeps_the_column_types_and_keys():
    with duckdb.connect() as con:
        con.execute(store_schema())
        events = con.execute(
            "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
            "WHERE table_name = 'kb_events' ORDER BY ordinal_position"
        ).fetchall()
        keys = con.execute(
            "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'"
        ).fetchall()
    assert events[:5] == [
        ("id", "VARCHAR", "NO"),
        ("date", "VARCHAR", "NO"),
        ("precision", "VARCHAR", "NO"),
        ("approximate", "BOOLEAN", "NO"),
        ("first_day", "DATE", "NO"),
    ]
    assert {name for (name,) in keys} >= {"kb_records", "kb_actors", "kb_events", "kb_proposals", "meta"}


def test_a_store_build_recreates_the_kb_tables(mini_kb, fresh_db):
    from torkham.store.build import ensure_store

    ensure_store(fresh_db, mini_kb)
    with duckdb.connect(str(fresh_db), read_only=True) as con:
        record = con.execute("SELECT kind, record FROM kb_records WHERE id = 'ev-2022-04-ttp-attacks'").fetchone()
        positions = con.execute(
            "SELECT position FROM kb_event_actors WHERE event_id = 'ev-2022-04-ttp-attacks' ORDER BY position"
        ).fetchall()
    assert record[0] == "events" and '"date_precision"' in record[1]
    assert [p for (p,) in positions] == list(range(len(positions)))
