"""What a fan chart shows, computed once for every surface (the CLI's matplotlib chart, the web page's
inline SVG, the briefing): per series, the recent history, the model's median with its 50% and 90% bands,
and each baseline's median. Surfaces draw a `Fan`; they compute nothing.

    forecast, fans = fan_data(con, ForecastQuery.parse("Afghanistan,Pakistan", horizon=12))"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from torkham.forecast.history import History, add_months, load_history, month_label
from torkham.forecast.results import Distribution, Forecast

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

    from torkham.params import ForecastQuery

HISTORY_MONTHS = 36  # months of history drawn before the origin ("the last few years")
UNIT = "Deaths (UCDP best estimate) per month"
NOTE = "Forecasts are distributions of what may come, not predictions of events"
SCALE_MONTHS = 12  # the last months of history the value axis always shows in full
BAND_LABELS = {"90": "90% band (5th–95th percentile)", "50": "50% band (25th–75th percentile)"}


@dataclass(frozen=True)
class Fan:
    """One series' fan: history up to the origin, then a distribution per month ahead."""

    label: str  # Pakistan, or "TTP in Pakistan"
    country: str
    model: str
    origin: date
    history_months: tuple[date, ...]
    history_values: tuple[float, ...]
    months: tuple[date, ...]  # the months ahead
    means: tuple[float, ...]
    q05: tuple[float, ...]
    q25: tuple[float, ...]
    median: tuple[float, ...]
    q75: tuple[float, ...]
    q95: tuple[float, ...]
    baselines: dict[str, tuple[float, ...]]  # each baseline's median per month ahead
    source: str
    seed: int
    unit: str = UNIT

    @property
    def title(self) -> str:
        return f"{self.label}: deaths per month, forecast from {month_label(self.origin)}"

    @property
    def top(self) -> float:
        """The top of the value axis: the forecast's 95th percentile, the baselines' medians and the last
        year of history, with room above. An older month above it (Afghanistan's 2021 surge, ~8,000 deaths a
        month, would flatten the fan) is drawn off the scale and named by `off_scale`."""
        values = [*self.history_values[-SCALE_MONTHS:], *self.q95, *(v for m in self.baselines.values() for v in m)]
        return max(max(values, default=0.0) * 1.15, 1.0)

    @property
    def off_scale(self) -> str | None:
        """The sentence naming the history's peak when it is above the axis, else None."""
        above = [(v, m) for m, v in zip(self.history_months, self.history_values, strict=True) if v > self.top]
        if not above:
            return None
        value, month = max(above)
        return f"history off the scale: up to {value:,.0f} deaths in {month_label(month)}"

    def rows(self) -> list[dict[str, object]]:
        """The data table: per month ahead, the mean and quantiles of the model, each baseline's median."""
        return [
            {"month": month_label(m), "mean": self.means[i], "q05": self.q05[i], "q25": self.q25[i],
             "median": self.median[i], "q75": self.q75[i], "q95": self.q95[i],
             "baselines": {name: medians[i] for name, medians in self.baselines.items()}}
            for i, m in enumerate(self.months)
        ]  # fmt: skip

    def describe_model(self) -> str:
        return f"model {self.model}, seed {self.seed}; baselines: {', '.join(self.baselines)}"


def fan_data(
    con: DuckDBPyConnection, query: ForecastQuery, history_months: int = HISTORY_MONTHS
) -> tuple[Forecast, list[Fan]]:
    """The forecast of `query` and a fan per series it covers, with `history_months` of history."""
    from torkham.forecast.run import make_forecast

    forecast = make_forecast(con, query)
    histories = [load_history(con, country, query.actor, query.origin) for country in query.countries]
    return forecast, [fan_of(forecast, h, history_months) for h in histories]


def fan_of(forecast: Forecast, history: History, history_months: int = HISTORY_MONTHS) -> Fan:
    def mine(items: tuple[Distribution, ...]) -> list[Distribution]:
        return sorted(
            (d for d in items if d.country == history.country and d.actor == history.actor), key=lambda d: d.month
        )

    model = mine(forecast.forecasts)
    first = add_months(history.origin, -(history_months - 1))
    kept = [(m, v) for m, v in zip(history.months, history.values, strict=True) if m >= first]

    def quantile(q: float) -> tuple[float, ...]:
        return tuple(d.quantile(q) for d in model)

    return Fan(
        label=history.label,
        country=history.country,
        model=forecast.model,
        origin=history.origin,
        history_months=tuple(m for m, _ in kept),
        history_values=tuple(v for _, v in kept),
        months=tuple(d.month for d in model),
        means=tuple(d.mean for d in model),
        q05=quantile(0.05),
        q25=quantile(0.25),
        median=quantile(0.5),
        q75=quantile(0.75),
        q95=quantile(0.95),
        baselines={name: tuple(d.quantile(0.5) for d in mine(items)) for name, items in forecast.baselines.items()},
        source=history.source_line or " ".join(forecast.sources),
        seed=forecast.seed,
    )
