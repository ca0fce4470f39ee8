"""`torkham chart forecast`: the fan chart of a forecast (SVG or PNG), under the `chart` group. Imported by
commands_forecast (the last line there), which registers it."""

from __future__ import annotations

from typing import Annotated

import typer

from torkham.cli.base import settings
from torkham.cli.commands_analysis import chart_app
from torkham.params import ForecastQuery
from torkham.store.access import open_store

CountriesOption = Annotated[
    str, typer.Option("--country", help="Comma-separated countries (names or ISO3), e.g. Afghanistan,Pakistan.")
]


@chart_app.command("forecast")
def chart_forecast(
    ctx: typer.Context,
    output: Annotated[str, typer.Option("--output", "-o", help="Image file to write: .svg or .png.")],
    country: CountriesOption = "Afghanistan,Pakistan",
    horizon: Annotated[int, typer.Option("--horizon", help="Months ahead (1 to 36).")] = 12,
    origin: Annotated[
        str | None,
        typer.Option("--origin", help="Last month the forecast may see, YYYY-MM (default: the last covered)."),
    ] = None,
    model: Annotated[
        str, typer.Option("--model", help="auto (the model the backtest chose), or a model or baseline by name.")
    ] = "auto",
    samples: Annotated[int, typer.Option("--samples", help="Draws per month and series (100 to 10000).")] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="Seed of every random draw (same seed, same output).")] = 12,
    history: Annotated[int, typer.Option("--history", help="Months of history drawn before the origin.")] = 36,
) -> None:
    """Fan chart of the forecast: history, the model's median with 50% and 90% bands, and the baselines'
    medians, per country."""
    from torkham.analysis.charts import check_image_path
    from torkham.forecast.fan import fan_data
    from torkham.forecast.fanchart import draw_fans
    from torkham.forecast.history import month_label
    from torkham.params import check_count

    path = check_image_path(output)
    months = check_count(history, "history", least=1) or 1
    query = ForecastQuery.parse(country, horizon=horizon, origin=origin, samples=samples, seed=seed, model=model)
    with open_store(settings(ctx.find_root())) as con:
        result, fans = fan_data(con, query, months)
    draw_fans(result, fans, path)
    typer.echo(
        f"wrote {path} ({', '.join(f.label for f in fans)}: {result.model} from {month_label(result.origin)}, "
        f"{query.horizon} months ahead)"
    )
