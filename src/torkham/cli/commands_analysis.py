"""Analytics commands: series, signals, chart."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Annotated

import typer

from torkham.cli.app import JsonOption, app, settings
from torkham.cli.context import open_store, resolve_actor

chart_app = typer.Typer(help="Draw charts of the event data (SVG or PNG).", no_args_is_help=True)
app.add_typer(chart_app, name="chart")

ActorOption = Annotated[
    str | None, typer.Option("--actor", help="Only events with this actor on either side (any name or alias).")
]
CountryOption = Annotated[
    str | None, typer.Option("--country", help="Country name or ISO3 code, e.g. Pakistan or PAK.")
]
DatasetOption = Annotated[
    str | None, typer.Option("--dataset", help="Dataset id: ucdp-ged, acled, gdelt (needed when several are held).")
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


@contextmanager
def _analysis(ctx: typer.Context, dataset: str | None, actor: str | None, country: str | None):
    """An Ibis backend over the store and the checked selection of events."""
    from torkham.analysis.selection import selection_for

    with open_store(settings(ctx.find_root())) as con:
        actor_id = resolve_actor(con, actor, "--actor") if actor is not None else None
        yield selection_for(con, dataset, actor_id, country)


def _series(ctx, actor, country, dataset, by, metric, start, end, window):
    from torkham.analysis.periods import PERIODS
    from torkham.analysis.series import METRICS, check_choice, check_range, compute_series
    from torkham.store.queries import parse_bound

    check_choice(by, PERIODS, "--by")
    check_choice(metric, METRICS, "--metric")
    first, last = parse_bound(start, "--from"), parse_bound(end, "--to")
    check_range(first, last, (start, end))
    with _analysis(ctx, dataset, actor, country) as (backend, selection):
        return compute_series(backend, selection, by, metric, first, last, window)


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
    by: ByOption = "month",
    metric: MetricOption = "events",
    start: FromOption = None,
    end: ToOption = None,
    window: WindowOption = 3,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    output: OutputOption = "-",
) -> None:
    """A zero-filled series of events or fatalities per week, month or year, with a rolling mean."""
    import json

    from torkham.analysis import report

    _check_formats(as_json, as_csv)
    result = _series(ctx, actor, country, dataset, by, metric, start, end, window)
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
) -> None:
    """Escalation signals: this week against the previous 4 and 52, record months, change points, new actors."""
    import json

    from torkham.analysis import report
    from torkham.analysis.signals import compute_signals
    from torkham.errors import TorkhamError
    from torkham.model.dates import DateError, parse_partial_date

    _check_formats(as_json, as_csv)
    if min_events < 0:
        raise TorkhamError(f"--min-events: {min_events} is negative; use 0 or more")
    if record_months < 2:
        raise TorkhamError(f"--record-months: {record_months} is too few; use 2 or more")
    if gap_days < 1:
        raise TorkhamError(f"--gap-days: {gap_days} is too short; use 1 or more")
    try:
        day = parse_partial_date(as_of).last_day if as_of is not None else None
    except DateError as exc:
        raise TorkhamError(f"--as-of: {exc}") from None
    with _analysis(ctx, dataset, actor, country) as (backend, selection):
        result = compute_signals(backend, selection, day, min_events, gap_days, record_months)
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
    by: ByOption = "month",
    metric: MetricOption = "events",
    start: FromOption = None,
    end: ToOption = None,
    window: WindowOption = 3,
) -> None:
    """Chart a series (the options of 'torkham series') with its rolling mean and source line."""
    from torkham.analysis.charts import check_image_path, draw_series

    path = check_image_path(output)
    result = _series(ctx, actor, country, dataset, by, metric, start, end, window)
    draw_series(result, path)
    typer.echo(f"wrote {path} ({result.total:,} {result.metric}, {len(result.points)} {result.by}s)")
