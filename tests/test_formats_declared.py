"""Dataset formats are checked when they are declared: a broken declaration stops at import with a
message naming its file, its format and what is wrong, instead of a KeyError or a DuckDB binder error
in the middle of an import. The shipped formats pass, and their SQL binds to the columns they declare."""

from __future__ import annotations

import importlib
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

import torkham
from torkham.datasets.formats import FORMATS, register
from torkham.datasets.formats.acled import ACLED_CSV
from torkham.datasets.formats.base import EVENT_COLUMNS, Check, FormatDeclarationError, TableFormat
from torkham.datasets.formats.gdelt import GDELT_EVENTS
from torkham.datasets.formats.ucdp import UCDP_GED_CSV
from torkham.datasets.formats.ucdp_api import UCDP_GED_API
from torkham.errors import TorkhamError

HERE = Path(__file__).name
PACKAGE = Path(torkham.__file__).resolve().parent


def refused(make) -> list[str]:
    """The problems of a declaration, each without the `file: format name: ` in front (checked here)."""
    with pytest.raises(FormatDeclarationError) as caught:
        make()
    lines = str(caught.value).splitlines()
    assert lines == caught.value.problems
    for line in lines:
        where, found, _ = line.partition(": format ")
        assert found and where.endswith(HERE), line
    return [line.split(": ", 2)[2] for line in lines]


def without(mapping: dict[str, str], key: str) -> dict[str, str]:
    return {k: v for k, v in mapping.items() if k != key}


def test_the_shipped_formats_are_well_declared():
    assert list(FORMATS) == [
        "ucdp-candidate-csv", "ucdp-ged-csv", "ucdp-ged-api", "acled-csv-legacy", "acled-csv", "gdelt-events",
    ]  # fmt: skip
    assert all(fmt.problems() == [] for fmt in FORMATS.values())


def test_a_broken_shipped_module_is_named_relative_to_the_package():
    """The ACLED module with a typo in its select: the import fails naming datasets/formats/acled.py."""
    path = PACKAGE / "datasets" / "formats" / "acled.py"
    source = path.read_text(encoding="utf-8")
    broken = source.replace('"fatalities_best": "TRY_CAST', '"fatalitis": "TRY_CAST', 1)
    assert broken != source
    with pytest.raises(FormatDeclarationError) as caught:
        exec(compile(broken, str(path), "exec"), {"__name__": "broken_acled"})  # the module's own code, under its name
    assert caught.value.problems == [
        "datasets/formats/acled.py: format acled-csv: select maps 'fatalitis', which is not an events column "
        "(did you mean 'fatalities_low'?)",
        "datasets/formats/acled.py: format acled-csv: select does not map the events column(s) 'fatalities_best'; "
        "map each one, to 'NULL' when the dataset has no such field",
    ]
    assert isinstance(caught.value, TorkhamError)  # the CLI shows the message, not a traceback


def test_select_must_map_every_events_column_and_nothing_else():
    assert refused(lambda: replace(ACLED_CSV, select=without(ACLED_CSV.select, "place"))) == [
        "select does not map the events column(s) 'place'; map each one, to 'NULL' when the dataset has no such field"
    ]
    assert refused(lambda: replace(ACLED_CSV, select={**ACLED_CSV.select, "fatalities": "NULL"})) == [
        "select maps 'fatalities', which is not an events column (did you mean 'fatalities_low'?)"
    ]
    assert refused(lambda: replace(ACLED_CSV, select={**ACLED_CSV.select, "dataset_version": "'1'"})) == [
        "select maps 'dataset_version', which the importer fills (from --version, or found in the file)"
    ]
    assert refused(lambda: replace(ACLED_CSV, select={**ACLED_CSV.select, "admin2": " "})) == [
        "select['admin2'] is empty; map the column to 'NULL' when the dataset has none"
    ]


def test_select_placeholders_name_optional_columns_only():
    """The importer fills select with str.format: {iso3} becomes the column, or NULL when the file lacks it."""
    assert refused(lambda: replace(UCDP_GED_CSV, select={**UCDP_GED_CSV.select, "admin2": "trim({adm2})"})) == [
        "select['admin2'] has the placeholder(s) {adm2}, but placeholders name optional columns ('iso3') "
        "(write a literal brace as {{ or }})"
    ]
    assert refused(lambda: replace(ACLED_CSV, select={**ACLED_CSV.select, "place": "regexp_extract(x, 'a{2}')"})) == [
        "select['place'] has the placeholder(s) {2}, but the format has no optional columns to fill in "
        "(write a literal brace as {{ or }})"
    ]
    assert refused(lambda: replace(ACLED_CSV, select={**ACLED_CSV.select, "place": "'}'"})) == [
        "select['place'] is filled with str.format and does not parse (Single '}' encountered in format string); "
        "write a literal brace as {{ or }}"
    ]
    doubled = replace(ACLED_CSV, select={**ACLED_CSV.select, "place": "regexp_extract(x, 'a{{2}}')"})
    assert doubled.select["place"].format() == "regexp_extract(x, 'a{2}')"


def test_checks_and_the_id_are_on_columns_every_staged_file_has():
    check = Check("fatalitis", "TRY_CAST(trim(fatalitis) AS INTEGER) < 0", "negative")
    assert refused(lambda: replace(ACLED_CSV, checks=(*ACLED_CSV.checks, check))) == [
        "the check 'negative' is on 'fatalitis', which is not a declared column (did you mean 'fatalities'?)"
    ]
    assert refused(lambda: replace(ACLED_CSV, id_column="event_id")) == [
        "id_column is 'event_id', which is not a declared column (did you mean 'event_date'?)"
    ]
    # A CSV file may lack an optional column, so nothing may depend on it; the JSON reader stages it always.
    assert refused(lambda: replace(UCDP_GED_CSV, id_column="iso3")) == [
        "id_column is 'iso3', an optional column a CSV file may lack; use one of columns"
    ]
    assert replace(UCDP_GED_API, id_column="iso3").id_column == "iso3"
    # `extra` is not read by anything: a check on it would fail when the file is imported.
    on_extra = (Check("deaths", "FALSE", "never"),)
    assert refused(lambda: replace(ACLED_CSV, extra={"deaths": "fatalities"}, checks=on_extra)) == [
        "the check 'never' is on 'deaths', an extra entry; the readers stage columns, never extra"
    ]
    assert refused(lambda: replace(ACLED_CSV, checks=(Check("fatalities", "", "negative"),))) == [
        "the check on 'fatalities' needs both its SQL (bad) and its reason"
    ]


def test_columns_are_names_the_readers_can_stage():
    assert refused(lambda: replace(UCDP_GED_CSV, optional_columns="iso3")) == [
        "optional_columns must be a tuple of column names, not str; write ('iso3',) with the comma"
    ]
    assert refused(lambda: replace(ACLED_CSV, columns=("Event_ID_cnty", *ACLED_CSV.columns[1:]))) == [
        "columns has 'Event_ID_cnty': a header is matched in lowercase, so write 'event_id_cnty'"
    ]
    assert refused(lambda: replace(ACLED_CSV, columns=(*ACLED_CSV.columns, "admin 4"))) == [
        "columns has 'admin 4', not a column name (letters, digits and _)"
    ]
    assert refused(lambda: replace(ACLED_CSV, optional_columns=("notes",))) == [
        "column(s) 'notes' declared twice (columns and optional_columns together)"
    ]
    assert refused(lambda: replace(GDELT_EVENTS, optional_columns=("extra1",))) == [
        "a file without a header has no optional columns: its fields are named by position"
    ]
    assert refused(lambda: replace(GDELT_EVENTS, columns=())) == [
        "columns is empty; list the columns a file of this format must have"
    ]
    # A headerless file's columns are the format's own names: the case does not matter there.
    assert GDELT_EVENTS.columns[0] == "GLOBALEVENTID"


def test_how_the_file_is_read():
    assert refused(lambda: replace(ACLED_CSV, reader="xlsx")) == ["reader 'xlsx' is not one of csv, json"]
    assert refused(lambda: replace(GDELT_EVENTS, delimiter="\\t")) == ["delimiter '\\\\t' must be one character"]
    assert refused(lambda: replace(ACLED_CSV, delimiter="")) == ["delimiter '' must be one character"]
    assert refused(lambda: replace(ACLED_CSV, delimiter='"')) == ["delimiter '\"' cannot be a quote or a line break"]
    assert refused(lambda: replace(ACLED_CSV, page_fields=("NextPageUrl",))) == [
        "page_fields are read from JSON pages only (reader = 'json')"
    ]
    assert refused(lambda: replace(UCDP_GED_API, records_key="Re'sult")) == [
        'records_key "Re\'sult" must be a key without quotes or backslashes'
    ]
    assert refused(lambda: replace(UCDP_GED_API, page_fields="NextPageUrl")) == [
        "page_fields 'NextPageUrl' must be a tuple of top-level keys (letters, digits, _)"
    ]


def test_names_and_versions():
    assert refused(lambda: replace(ACLED_CSV, name="ACLED csv")) == [
        "name 'ACLED csv' must be lowercase letters and digits joined by hyphens"
    ]
    assert refused(lambda: replace(ACLED_CSV, label=" ")) == ["label is empty; it names the format in messages"]
    assert refused(lambda: replace(ACLED_CSV, version_note="version {v}")) == [
        "version_note has the placeholder(s) {v}, but the only placeholder is {version} (write a literal brace as {{ or }})"
    ]
    assert refused(lambda: replace(UCDP_GED_CSV, version_note="version {version}")) == [
        "version_note is shown only with a version found by version_sql, and there is none"
    ]
    assert refused(lambda: replace(UCDP_GED_CSV, skip_row="")) == ["skip_row is empty; leave it out (None) instead"]


def test_every_problem_is_reported_at_once():
    def broken() -> TableFormat:
        return replace(
            ACLED_CSV,
            select={**without(ACLED_CSV.select, "place"), "location": "trim(location)"},
            id_column="id",
            version_note="{when}",
        )

    assert refused(broken) == [
        "select maps 'location', which is not an events column (events columns: "
        + ", ".join(c for c in EVENT_COLUMNS if c != "dataset_version")
        + ")",
        "select does not map the events column(s) 'place'; map each one, to 'NULL' when the dataset has no such field",
        f"id_column is 'id', which is not a declared column (columns: {', '.join(ACLED_CSV.columns)})",
        "version_note has the placeholder(s) {when}, but the only placeholder is {version} (write a literal brace as {{ or }})",
    ]


def test_a_broken_format_is_never_registered():
    before = dict(FORMATS)
    with pytest.raises(FormatDeclarationError):
        register(replace(ACLED_CSV, name="acled-broken", id_column="nope"))
    assert before == FORMATS


def test_a_broken_format_in_a_module_of_ones_own_names_that_file(tmp_path, monkeypatch):
    """A format declared outside torkham (then passed to `register`) is named relative to the working folder."""
    (tmp_path / "my_formats.py").write_text(
        "from dataclasses import replace\n"
        "from torkham.datasets.formats.base import number_check\n"
        "from torkham.datasets.formats.ucdp import UCDP_GED_CSV\n"
        "MINE = replace(UCDP_GED_CSV, name='my-ged', checks=(*UCDP_GED_CSV.checks, number_check('deaths')))\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(FormatDeclarationError) as caught:
        importlib.import_module("my_formats")
    assert caught.value.problems == [
        "my_formats.py: format my-ged: the check 'not a whole number' is on 'deaths', which is not a declared column "
        "(did you mean 'deaths_b'?)"
    ]


# ------------------------------------------------------------------------- the SQL binds to the columns


def _bind(fmt: TableFormat, present: tuple[str, ...]) -> None:
    """Run every SQL piece of `fmt` as the importer does, over an empty staging table of `present`."""
    con = duckdb.connect()
    con.execute("CREATE TABLE checked AS SELECT " + ", ".join(f"NULL::VARCHAR AS {c}" for c in present))
    optional = {name: (name if name in present else "NULL") for name in fmt.optional_columns}
    select = {**fmt.select, "dataset_version": "?"}
    expressions = ", ".join(f"{select[c].format(**optional)} AS {c}" for c in EVENT_COLUMNS)
    con.execute(f"SELECT {expressions} FROM checked", ["v"]).fetchall()
    for check in fmt.checks:
        con.execute(f"SELECT coalesce({check.bad}, false), {check.field} FROM checked").fetchall()
    con.execute(f"SELECT trim({fmt.id_column}) FROM checked").fetchall()
    for sql in (fmt.skip_row, fmt.version_sql):
        if sql:
            con.execute(f"SELECT {sql} FROM checked").fetchall()


@pytest.mark.parametrize("name", list(FORMATS))
def test_the_shipped_sql_binds_to_the_declared_columns(name):
    fmt = FORMATS[name]
    _bind(fmt, fmt.staged_columns())
    if fmt.optional_columns and fmt.reader == "csv":
        _bind(fmt, (*fmt.columns, *fmt.optional_columns))  # the file has them too


def test_the_binding_test_catches_sql_on_a_column_that_is_not_there():
    """What the declaration check cannot see (SQL text), the test above does."""
    typo = replace(ACLED_CSV, select={**ACLED_CSV.select, "place": "NULLIF(trim(locaton), '')"})
    with pytest.raises(duckdb.BinderException, match="locaton"):
        _bind(typo, typo.staged_columns())
