"""The request layer: what a user types is parsed once, and a bad value gives one sentence whichever
surface it came through — the option spelled `--from` on the command line, `from` in a URL."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from torkham.config import BUNDLED_KNOWLEDGE, Settings
from torkham.params import (
    CountryRef,
    DataSelection,
    EventQuery,
    InvalidParameter,
    Period,
    SeriesQuery,
    SignalsQuery,
    cli_spelling,
    literal,
)


@pytest.mark.parametrize(
    ("start", "end", "first", "last"),
    [
        ("2021", "2021", date(2021, 1, 1), date(2021, 12, 31)),
        ("2024-02", "2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2021-08-15", None, date(2021, 8, 15), None),
        (None, "2023-09", None, date(2023, 9, 30)),
        (" 2021-08 ", "", date(2021, 8, 1), None),
    ],
)
def test_a_period_takes_the_first_day_of_its_start_and_the_last_of_its_end(start, end, first, last):
    period = Period.parse(start, end)
    assert (period.start, period.end) == (first, last)


def test_a_reversed_period_names_both_bounds_in_each_spelling():
    with pytest.raises(InvalidParameter) as caught:
        Period.parse("2022", "2021")
    assert caught.value.field == "from"
    assert caught.value.render(cli_spelling) == "--from: 2022 is after --to 2021; swap them"
    assert str(caught.value) == "from: 2022 is after to 2021; swap them"


@pytest.mark.parametrize(
    ("make", "cli", "api"),
    [
        (lambda: Period.parse("2021-13", None), "--from: '2021-13' has month 13; months run from 01 to 12",
         "from: '2021-13' has month 13; months run from 01 to 12"),
        (lambda: EventQuery.parse(layer="all"), "--layer: unknown value 'all'; choose one of: kb, data, both",
         "layer: unknown value 'all'; choose one of: kb, data, both"),
        (lambda: EventQuery.parse(min_fatalities="-2"), "--min-fatalities: -2 is negative; use 0 or more",
         "min_fatalities: -2 is negative; use 0 or more"),
        (lambda: SeriesQuery.parse(DataSelection(), window=0),
         "--window: 0 periods is too few; use 1 or more (1: no smoothing)",
         "window: 0 periods is too few; use 1 or more (1: no smoothing)"),
        (lambda: SignalsQuery.parse(DataSelection(), gap_days=0), "--gap-days: 0 is too short; use 1 or more",
         "gap_days: 0 is too short; use 1 or more"),
        (lambda: SignalsQuery.parse(DataSelection(), as_of="tomorrow"),
         "--as-of: 'tomorrow' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (in quotes)",
         "as_of: 'tomorrow' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (in quotes)"),
        (lambda: EventQuery.parse(q="x" * 201), "--q: 201 characters is too long; use at most 200",
         "q: 201 characters is too long; use at most 200"),
    ],
)  # fmt: skip
def test_errors_are_keyed_by_field_and_spelled_by_the_surface(make, cli, api):
    with pytest.raises(InvalidParameter) as caught:
        make()
    assert (caught.value.render(cli_spelling), str(caught.value)) == (cli, api)


def test_braces_a_user_types_are_kept_in_the_message():
    with pytest.raises(InvalidParameter) as caught:
        EventQuery.parse(layer="{to}")
    assert str(caught.value) == "layer: unknown value '{to}'; choose one of: kb, data, both"
    assert literal("{x}") == "{{x}}"


@pytest.mark.parametrize(
    ("typed", "row", "matches"),
    [
        ("Pakistan", ("Pakistan", "PAK"), True),
        ("pak", ("Pakistan", "PAK"), True),
        ("PAK", (None, "PAK"), True),
        ("Iran", ("Iran (Islamic Rep. of)", None), True),  # UNHCR's spelling
        ("USA", ("United States of America", "USA"), True),  # UCDP's spelling
        ("Pakistan", ("Afghanistan", "AFG"), False),
        ("Narnia", ("Narnia", None), True),  # not in the table: the name exactly as a dataset writes it
        ("Narnia", ("Pakistan", "PAK"), False),
    ],
)
def test_one_country_matcher_for_names_codes_and_dataset_spellings(typed, row, matches):
    ref = CountryRef.parse(typed)
    assert ref is not None and ref.matches(*row) is matches


def test_empty_values_mean_not_given():
    query = EventQuery.parse(actor="", country="  ", start="", q="", min_fatalities="")
    assert (query.actor, query.country, query.period, query.text, query.min_fatalities) == (
        None, None, Period(None, None, ("", None)), None, None
    )  # fmt: skip


def test_settings_take_options_over_the_environment_over_defaults(tmp_path: Path):
    env = {"TORKHAM_DB": "env.duckdb", "TORKHAM_KB": str(tmp_path), "TORKHAM_TEXTS": f"/a{':' if True else ''}/b"}
    assert Settings.load(environ={}).db_path == Path("torkham.duckdb")
    assert Settings.load(environ={}).kb_root == BUNDLED_KNOWLEDGE
    assert Settings.load(environ=env).db_path == Path("env.duckdb")
    assert Settings.load(db="opt.duckdb", environ=env).db_path == Path("opt.duckdb")
    assert Settings.load(environ=env).kb_root == tmp_path
    assert Settings.load(environ=env).text_dirs == (Path("/a"), Path("/b"))
    assert Settings.load(environ={"UCDP_TOKEN": " t0k "}).fetch.ucdp_token == "t0k"
