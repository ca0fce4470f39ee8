"""Fan charts of a forecast with matplotlib (Agg, matplotlib's own DejaVu fonts, as analysis/charts.py):
per series the recent history, the model's median with its 50% and 90% bands, the baselines' medians as
thin lines, title, axis labels with units, a source line (data licence, model) and the note that forecasts
are distributions, not predictions of events."""

from __future__ import annotations

import io
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from torkham.errors import TorkhamError
from torkham.forecast.fan import BAND_LABELS, NOTE, Fan
from torkham.forecast.history import month_label

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from torkham.forecast.results import Forecast

HISTORY_COLOUR, MODEL_COLOUR = "#333333", "#0072B2"
BASELINE_COLOURS = {"conflictology": "#D55E00", "rolling_nb": "#009E73", "persistence": "#CC79A7", "zero": "#999999",
                    "ensemble": "#E69F00"}  # fmt: skip


def chart_title(forecast: Forecast, fans: list[Fan]) -> str:
    names = ", ".join(f.label for f in fans)
    return f"Forecast of deaths per month: {names}, from {month_label(forecast.origin)} (model {forecast.model})"


def source_line(forecast: Forecast) -> str:
    sources = " · ".join(forecast.sources)
    return f"{sources} · model {forecast.model}, seed {forecast.seed}; baselines: {', '.join(forecast.baselines)}"


def draw_fans(forecast: Forecast, fans: list[Fan], path: Path) -> None:
    """Write the fan charts of `fans` (one panel each) to `path` (.svg or .png)."""
    with _style():
        figure = _figure(forecast, fans)
        try:
            figure.savefig(path, format=path.suffix.lower().lstrip("."), metadata=_metadata(forecast, fans, path))
        except OSError as exc:
            raise TorkhamError(f"--output: cannot write {path}: {exc.strerror or exc}") from None


def fans_svg(forecast: Forecast, fans: list[Fan]) -> str:
    """The same chart as an SVG document in a string (for the briefing)."""
    out = io.StringIO()
    with _style():
        _figure(forecast, fans).savefig(out, format="svg", metadata={"Date": None, "Creator": "torkham (matplotlib)"})
    return out.getvalue()


def _style() -> AbstractContextManager[None]:
    """Text kept as text in SVG, matplotlib's DejaVu Sans, stable SVG ids."""
    import matplotlib

    matplotlib.use("Agg")
    return matplotlib.rc_context({"svg.fonttype": "none", "font.family": "DejaVu Sans", "svg.hashsalt": "torkham"})


def _figure(forecast: Forecast, fans: list[Fan]) -> Figure:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(10, 1.6 + 3.6 * max(len(fans), 1)), dpi=110, layout="constrained")
    for index, fan in enumerate(fans):
        _plot(figure.add_subplot(len(fans), 1, index + 1), fan)
    figure.suptitle(chart_title(forecast, fans), fontsize=11, fontweight="bold")
    figure.supxlabel(f"{NOTE}.\n{_wrap(source_line(forecast))}", x=0.01, ha="left", fontsize=7.5, color="#444444")
    return figure


def _plot(axes: Axes, fan: Fan) -> None:
    import matplotlib.dates as mdates

    # matplotlib converts dates (matplotlib.dates); its stubs type x as numbers only, hence the ignores.
    months = list(fan.months)
    joined = [fan.origin, *months]  # the bands start at the last observed month
    last = fan.history_values[-1] if fan.history_values else 0.0

    def anchored(values: tuple[float, ...]) -> list[float]:
        return [last, *values]

    axes.fill_between(joined, anchored(fan.q05), anchored(fan.q95), color=MODEL_COLOUR, alpha=0.18, linewidth=0,  # type: ignore[arg-type]
                      label=BAND_LABELS["90"])  # fmt: skip
    axes.fill_between(joined, anchored(fan.q25), anchored(fan.q75), color=MODEL_COLOUR, alpha=0.35, linewidth=0,  # type: ignore[arg-type]
                      label=BAND_LABELS["50"])  # fmt: skip
    axes.plot(list(fan.history_months), list(fan.history_values), color=HISTORY_COLOUR, linewidth=1.6,  # type: ignore[arg-type]
              label="observed (UCDP)")  # fmt: skip
    axes.plot(joined, anchored(fan.median), color=MODEL_COLOUR, linewidth=2.2, label=f"median ({fan.model})")  # type: ignore[arg-type]
    for name, medians in fan.baselines.items():
        axes.plot(months, list(medians), color=BASELINE_COLOURS.get(name, "#777777"), linewidth=0.9,  # type: ignore[arg-type]
                  linestyle="--", label=f"{name} median")  # fmt: skip
    axes.axvline(fan.origin, color="#888888", linewidth=0.8, linestyle=":")  # type: ignore[arg-type]
    axes.text(fan.origin, 1.0, f" origin {month_label(fan.origin)}", transform=axes.get_xaxis_transform(),  # type: ignore[arg-type]
              fontsize=8, color="#555555", va="top")  # fmt: skip
    axes.set_title(fan.label, loc="right", fontsize=10, fontweight="bold")
    axes.set_xlabel("Month")
    axes.set_ylabel(fan.unit)
    axes.set_ylim(bottom=0, top=fan.top)
    if fan.off_scale:
        axes.text(0.99, 0.97, f"↑ {fan.off_scale}", transform=axes.transAxes, ha="right", va="top", fontsize=8,
                  color="#555555")  # fmt: skip
    locator = mdates.AutoDateLocator(minticks=4, maxticks=12)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    axes.spines[["top", "right"]].set_visible(False)


def _wrap(text: str, width: int = 150) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width))


def _metadata(forecast: Forecast, fans: list[Fan], path: Path) -> dict[str, str | None]:
    title, source = chart_title(forecast, fans), source_line(forecast)
    if path.suffix.lower() == ".png":
        return {"Title": title, "Source": source, "Software": "torkham (matplotlib)"}
    return {"Title": title, "Description": source, "Date": None, "Creator": "torkham (matplotlib)"}
