"""Analytics commands: series, signals, chart."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from torkham.cli.base import JsonOption, app, settings
from torkham.params import BackendChoice, DataSelection, SeriesQuery, SignalsQuery
from torkham.store.access import open_store

if TYPE_CHECKING:
    from torkham.analysis.selection import Selection, Tables
    from torkham.analysis.series import Series

chart_app = typer.Typer(help="Draw charts of the event data (SVG or PNG).", no_args_is_help=True)
app.add_typer(chart_app, name="chart")

ActorOption = Annotated[
    str | None, typer.Option("--actor", help="Only events with this actor on either side (any name or alias).")
]
CountryOption = Annotated[
    str | None, typer.Option("--country", help="Country name or ISO3 code, e.g. Pakistan or PAK.")
]
DatasetOption = Annotated[
    str | None,
    typer.Option(
        "--dataset",
        help="Dataset id: ucdp-ged, ucdp-candidate, ucdp-country-month, acled, gdelt (default: UCDP's, month by month).",
    ),
]
BasisOption = Annotated[
    str | None,
    typer.Option(
        "--basis",
        help="What a period may rest on: auto (final events, else country totals, else candidate events), "
        "events, candidate or aggregate.",
    ),
]
FactionsOption = Annotated[
    bool, typer.Option("--with-factions", help="Count the actor together with the factions declared of it.")
]
ByOption = Annotated[str, typer.Option("--by", help="Period: month, week (ISO, Monday first) or year.")]
MetricOption = Annotated[
    str, typer.Option("--metric", help="events (count) or fatalities (sum of the best estimates).")
]
FromOption = Annotated[str | None, typer.Option("--from", help="First day, month or year (YYYY[-MM[-DD]]).")]
ToOption = Annotated[str | None, typer.Option("--to", help="Last day, month or year (YYYY[-MM[-DD]]).")]
WindowOption = Annotated[int, typer.Option("--window", help="Periods in the trailing rolling mean.")]
CsvOption = Annotated[bool, typer.Option("--csv", help="Write CSV instead of a table.")]
OutputOption = Annotated[
    str, typer.Option("--output", "-o", help="Write to this file instead of standard output ('-').")
]
BackendOption = Annotated[
    str | None, typer.Option("--backend", help="What runs the analysis: duckdb (default) or spark (reads --events).")
]
MasterOption = Annotated[
    str | None, typer.Option("--master", help="Spark master: local[N], spark://HOST:PORT, yarn (default: Spark's).")
]
EventsOption = Annotated[
    str | None, typer.Option("--events", help="Folder or URI that 'torkham export parquet' wrote.")
]


@contextmanager
def _analysis(
    ctx: typer.Context, chosen: DataSelection, engine: BackendChoice | None = None
) -> Iterator[tuple[Tables, Selection]]:
    """An Ibis backend (the store's DuckDB, or the one --backend chose) and the checked selection of events."""
    from torkham.analysis.backends import backend_for
    from torkham.analysis.selection import select

    with open_store(settings(ctx.find_root())) as con:
        yield select(con, chosen, backend_for(engine))


def _series(ctx: typer.Context, query: SeriesQuery, engine: BackendChoice | None = None) -> Series:
    from torkham.analysis.series import compute_series

    with _analysis(ctx, query.selection, engine) as (backend, selection):
        return compute_series(
            backend, selection, query.by, query.metric, query.period.start, query.period.end, query.window
        )


def _check_formats(as_json: bool, as_csv: bool) -> None:
    from torkham.errors import TorkhamError

    if as_json and as_csv:
        raise TorkhamError("choose one of --json and --csv")


@contextmanager
def _output(path: str):
    import sys

    from torkham.errors import TorkhamError

    if path == "-":
        yield sys.stdout
        return
    try:
        handle = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        raise TorkhamError(f"--output: cannot write {path}: {exc.strerror}") from None
    with handle:
        yield handle


@app.command()
def series(
    ctx: typer.Context,
    actor: ActorOption = None,
    country: CountryOption = None,
    dataset: DatasetOption = None,
    basis: BasisOption = None,
    with_factions: FactionsOption = False,
    by: ByOption = "month",
    metric: MetricOption = "events",
    start: FromOption = None,
    end: ToOption = None,
    window: WindowOption = 3,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    output: OutputOption = "-",
    backend: BackendOption = None,
    master: MasterOption = None,
    events: EventsOption = None,
) -> None:
    """Events or fatalities per week, month or year, with a rolling mean; a period no data covers is unknown."""
    import json

    from torkham.analysis import report

    _check_formats(as_json, as_csv)
    chosen = DataSelection.parse(dataset, actor, country, basis, with_factions)
    query = SeriesQuery.parse(chosen, by=by, metric=metric, start=start, end=end, window=window)
    result = _series(ctx, query, BackendChoice.parse(backend, master, events))
    with _output(output) as out:
        if as_json:
            out.write(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n")
        elif as_csv:
            report.write_series_csv(result, out)
            for note in result.notes:
                typer.echo(f"note: {note}", err=True)
        else:
            out.write(report.series_text(result))


@app.command()
def signals(
    ctx: typer.Context,
    actor: ActorOption = None,
    country: CountryOption = None,
    dataset: DatasetOption = None,
    basis: BasisOption = None,
    with_factions: FactionsOption = False,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Last day of 'this period' (default: the last event date held).")
    ] = None,
    min_events: Annotated[
        int, typer.Option("--min-events", help="Smallest value a signal may rest on (events or deaths).")
    ] = 5,
    record_months: Annotated[
        int, typer.Option("--record-months", help="A month is a record when the highest in at least this many.")
    ] = 12,
    gap_days: Annotated[
        int, typer.Option("--gap-days", help="An actor silent this many days before the period is newly active.")
    ] = 365,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    output: OutputOption = "-",
    backend: BackendOption = None,
    master: MasterOption = None,
    events: EventsOption = None,
) -> None:
    """Escalation signals: this week against the previous 4 and 52, record months, change points, new actors."""
    import json

    from torkham.analysis import report
    from torkham.analysis.signals import compute_signals

    _check_formats(as_json, as_csv)
    query = SignalsQuery.parse(
        DataSelection.parse(dataset, actor, country, basis, with_factions), as_of=as_of, min_events=min_events,
        record_months=record_months, gap_days=gap_days,
    )  # fmt: skip
    engine = BackendChoice.parse(backend, master, events)
    with _analysis(ctx, query.selection, engine) as (tables, selection):
        result = compute_signals(tables, selection, query.as_of, query.min_events, query.gap_days, query.record_months)
    with _output(output) as out:
        if as_json:
            out.write(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n")
        elif as_csv:
            report.write_signals_csv(result, out)
        else:
            out.write(report.signals_text(result))


@chart_app.command("series")
def chart_series(
    ctx: typer.Context,
    output: Annotated[str, typer.Option("--output", "-o", help="Image file to write: .svg or .png.")],
    actor: ActorOption = None,
    country: CountryOption = None,
    dataset: DatasetOption = None,
    basis: BasisOption = None,
    with_factions: FactionsOption = False,
    by: ByOption = "month",
    metric: MetricOption = "events",
    start: FromOption = None,
    end: ToOption = None,
    window: WindowOption = 3,
) -> None:
    """Chart a series (the options of 'torkham series') with its rolling mean and source line."""
    from torkham.analysis.charts import check_image_path, draw_series

    path = check_image_path(output)
    chosen = DataSelection.parse(dataset, actor, country, basis, with_factions)
    result = _series(ctx, SeriesQuery.parse(chosen, by=by, metric=metric, start=start, end=end, window=window))
    draw_series(result, path)
    unknown = f"; {result.unknown} not covered by any data, left blank" if result.unknown else ""
    typer.echo(f"wrote {path} ({result.total:,} {result.metric}, {len(result.points)} {result.by}s{unknown})")
