"""Forecast commands: `torkham forecast` (distributions of monthly fatalities ahead, with the baselines)
and `torkham forecast evaluate` (the rolling-origin backtest)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from torkham.cli.base import JsonOption, app, settings
from torkham.cli.commands_analysis import CsvOption, OutputOption, _check_formats, _output
from torkham.params import ForecastQuery
from torkham.store.access import open_store

if TYPE_CHECKING:
    from torkham.forecast.results import Forecast

forecast_app = typer.Typer(
    help="Forecast monthly fatalities (predictive distributions, with the field's baselines); 'evaluate' backtests.",
    invoke_without_command=True,
)
app.add_typer(forecast_app, name="forecast")

CountriesOption = Annotated[
    str, typer.Option("--country", help="Comma-separated countries (names or ISO3), e.g. Afghanistan,Pakistan.")
]
SeedOption = Annotated[int, typer.Option("--seed", help="Seed of every random draw (same seed, same output).")]
SamplesOption = Annotated[int, typer.Option("--samples", help="Draws per month and series (100 to 10000).")]
ModelOption = Annotated[
    str, typer.Option("--model", help="auto (the model the backtest chose), or a model or baseline by name.")
]


@forecast_app.callback()
def forecast(
    ctx: typer.Context,
    country: CountriesOption = "Afghanistan,Pakistan",
    actor: Annotated[
        str | None, typer.Option("--actor", help="Forecast this actor's event fatalities (where event data covers).")
    ] = None,
    horizon: Annotated[int, typer.Option("--horizon", help="Months ahead (1 to 36).")] = 12,
    origin: Annotated[
        str | None,
        typer.Option("--origin", help="Last month the forecast may see, YYYY-MM (default: the last covered)."),
    ] = None,
    samples: SamplesOption = 1000,
    seed: SeedOption = 12,
    model: ModelOption = "auto",
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    output: OutputOption = "-",
) -> None:
    """Predictive distributions of monthly fatalities for each country, months after the origin, with the
    zero, persistence, conflictology and rolling-mean baselines beside the model."""
    if ctx.invoked_subcommand is not None:
        return
    import json

    from torkham.forecast.run import make_forecast

    _check_formats(as_json, as_csv)
    query = ForecastQuery.parse(
        country, actor=actor, horizon=horizon, origin=origin, samples=samples, seed=seed, model=model
    )
    with open_store(settings(ctx.find_root())) as con:
        result = make_forecast(con, query)
    with _output(output) as out:
        if as_json:
            out.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
        elif as_csv:
            result.write_csv(out)
        else:
            out.write(_text(result))
    if not as_json:
        for note in result.notes:
            typer.echo(f"note: {note}", err=True)


def _text(result: Forecast) -> str:
    from torkham.forecast.history import month_label

    lines = [
        f"Forecast of monthly fatalities from origin {month_label(result.origin)} — model {result.model} "
        f"({result.model_basis}); seed {result.seed}",
        "  a forecast is a distribution of what the data may record, not a prediction of events",
        f"{'series':<24} {'month':<8} {'mean':>9} {'5%':>8} {'25%':>8} {'median':>8} {'75%':>8} {'95%':>8}"
        f"  {'conflictology median':>20}",
    ]
    reference = {(d.country, d.actor, d.month): d for d in result.baselines.get("conflictology", ())}
    for d in result.forecasts:
        name = f"{d.actor} in {d.country}" if d.actor else d.country
        q = d.quantiles
        ref = reference.get((d.country, d.actor, d.month))
        lines.append(
            f"{name:<24} {month_label(d.month):<8} {d.mean:>9.1f} {q['0.05']:>8.0f} {q['0.25']:>8.0f} {q['0.5']:>8.0f} "
            f"{q['0.75']:>8.0f} {q['0.95']:>8.0f}  {'' if ref is None else f'{ref.quantile(0.5):.0f}':>20}"
        )
    lines += [*result.sources, "Baselines (--json or --csv for them all): " + ", ".join(result.baselines)]
    return "\n".join(lines) + "\n"


@forecast_app.command("evaluate")
def evaluate(
    ctx: typer.Context,
    country: CountriesOption = "Afghanistan,Pakistan",
    first: Annotated[str, typer.Option("--first-origin", help="First origin, YYYY-MM.")] = "2015-01",
    last: Annotated[str, typer.Option("--last-origin", help="Last origin, YYYY-MM.")] = "2023-04",
    step: Annotated[int, typer.Option("--step", help="Months between origins.")] = 1,
    horizon: Annotated[int, typer.Option("--horizon", help="Months ahead (1 to 36).")] = 12,
    samples: Annotated[int, typer.Option("--samples", help="Draws per forecast (100 to 10000).")] = 300,
    seed: SeedOption = 12,
    by_horizon: Annotated[bool, typer.Option("--by-horizon/--overall", help="Rows per horizon too.")] = True,
    validation: Annotated[
        bool,
        typer.Option(
            "--validation/--no-validation",
            help="First rerun the model choice on the validation origins 2005-01…2013-12 (targets to 2014-12 only).",
        ),
    ] = True,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    output: OutputOption = "-",
) -> None:
    """Rolling-origin backtest: CRPS, its ratio to the conflictology baseline, MSLE of the mean and the 50%/90%
    interval coverage, per model, country and horizon. With --validation (the default) the model choice is
    first rerun on origins before the evaluation period and both tables are shown. Progress goes to standard
    error."""
    import csv
    import json

    from torkham.forecast.analog import SELECTED
    from torkham.forecast.backtest import COLUMNS, origins_between, run_backtest, table_text
    from torkham.forecast.history import load_history, month_label
    from torkham.forecast.models import CHOSEN
    from torkham.params import InvalidParameter, check_count, parse_month

    _check_formats(as_json, as_csv)
    query = ForecastQuery.parse(country, horizon=horizon, samples=samples, seed=seed)
    start, end = parse_month(first, "first_origin"), parse_month(last, "last_origin")
    every = check_count(step, "step", least=1)
    if start is None or end is None or every is None or end < start:
        raise InvalidParameter("last_origin", "give a first and a last origin, the last not before the first")
    with open_store(settings(ctx.find_root())) as con:
        histories = [load_history(con, c) for c in query.countries]

    def progress(index: int, total: int, origin: object) -> None:
        typer.echo(f"backtest: origin {index}/{total} ({month_label(origin)})", err=True)  # type: ignore[arg-type]

    chosen = None
    if validation:
        from torkham.forecast.selection import select

        typer.echo("validation: choosing on origins 2005-01…2013-12, targets to 2014-12", err=True)
        chosen = select(histories, query.horizon, query.samples, query.seed, every, progress=progress)
    result = run_backtest(histories, origins_between(start, end, every), query.horizon, query.samples, query.seed,
                          progress=progress)  # fmt: skip
    picked = None if chosen is None else chosen.kind
    same = chosen is None or (picked == CHOSEN and chosen.analog == SELECTED)
    with _output(output) as out:
        if as_json:
            data = {**result.to_json(), "chosen": CHOSEN}
            if chosen is not None:
                data["validation"] = {
                    **chosen.final.to_json(), "analog": chosen.analog.name, "winner": chosen.model,
                    "picked": picked, "grid": [s.row() for s in chosen.grid.scores if s.horizon is None],
                }  # fmt: skip
            out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        elif as_csv:
            writer = csv.DictWriter(out, fieldnames=["stage", *COLUMNS])
            writer.writeheader()
            stages = [("evaluation", result)] + ([("validation", chosen.final)] if chosen is not None else [])
            for stage, backtest in stages:
                writer.writerows(
                    {"stage": stage, **s.row()} for s in backtest.scores if by_horizon or s.horizon is None
                )
        else:
            if chosen is not None:
                v = chosen.final
                out.write(
                    f"Validation (the choice): {len(v.origins)} origins {month_label(v.origins[0])}…"
                    f"{month_label(v.origins[-1])}, histories cut at 2014-12; analog parameters chosen: "
                    f"{chosen.analog.name}; model chosen: {chosen.model} (as {picked}); models.CHOSEN = {CHOSEN}"
                    f"{'' if same else ' — DIFFERS from the code: update models.CHOSEN/analog.SELECTED'}\n"
                )
                out.write(table_text(v, by_horizon) + "\n")
            out.write(
                f"Evaluation: {len(result.origins)} origins {month_label(result.origins[0])}…"
                f"{month_label(result.origins[-1])}, horizons 1–{result.horizon}, {result.samples} draws, seed "
                f"{result.seed}; crps_ratio = CRPS / conflictology's CRPS on the same cases; chosen model: {CHOSEN}\n"
            )
            out.write(table_text(result, by_horizon))
