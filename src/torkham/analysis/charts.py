"""Charts of a series with matplotlib (Agg, no network, matplotlib's own DejaVu fonts): bars or a line
per period, the rolling mean, title, axis labels with units and a source line with the licence."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from torkham.analysis.report import series_title
from torkham.analysis.series import Series
from torkham.errors import TorkhamError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

FORMATS = ("svg", "png")
MAX_BARS = 80  # more periods than this are drawn as a line


def check_image_path(text: str) -> Path:
    path = Path(text)
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise TorkhamError(f"--output: '{text}' must end in .svg or .png (the chart format is taken from it)")
    if not path.parent.is_dir():
        raise TorkhamError(f"--output: folder {path.parent} does not exist; create it or choose another path")
    return path


def draw_series(result: Series, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    with matplotlib.rc_context({"svg.fonttype": "none", "font.family": "DejaVu Sans", "svg.hashsalt": "torkham"}):
        figure = Figure(figsize=(10, 5.2), dpi=110, layout="constrained")
        axes = figure.add_subplot()
        _plot(axes, result)
        figure.suptitle(series_title(result), fontsize=11, fontweight="bold")
        figure.text(0.01, 0.005, result.source_line, fontsize=7.5, color="#444444", ha="left", va="bottom")
        engine = figure.get_layout_engine()
        assert isinstance(engine, ConstrainedLayoutEngine)  # layout="constrained" above
        engine.set(rect=(0, 0.035, 1, 0.965))  # room for the source line
        try:
            figure.savefig(path, format=path.suffix.lower().lstrip("."), metadata=_metadata(result, path))
        except OSError as exc:
            raise TorkhamError(f"--output: cannot write {path}: {exc.strerror or exc}") from None


def _plot(axes: Axes, result: Series) -> None:
    import matplotlib.dates as mdates

    starts = [p.start for p in result.points]
    values = [float("nan") if p.value is None else p.value for p in result.points]  # NaN: a gap, not 0
    known = [p.value for p in result.points if p.value is not None]
    unit = "Events" if result.metric == "events" else "Deaths (best estimate)"
    if result.selection.dataset == "ucdp-ged" and result.metric == "fatalities":
        unit = "Deaths (UCDP best estimate)"
    label = f"{result.metric} per {result.by}"
    # The x values are dates, which matplotlib converts (matplotlib.dates); its stubs type x as numbers only,
    # hence the arg-type ignores below.
    if len(starts) <= MAX_BARS:
        width = [(p.end - p.start).days * 0.8 + 0.8 for p in result.points]
        axes.bar(starts, values, width=width, align="edge", color="#9bb7d4", label=label)  # type: ignore[arg-type]
        mid = [p.start + (p.end - p.start) / 2 for p in result.points]
    else:
        axes.step(starts, values, where="post", color="#6f93bb", linewidth=0.8, label=label)  # type: ignore[arg-type]
        mid = starts
    _hatch_unknown(axes, result)
    means = [float("nan") if p.rolling_mean is None else p.rolling_mean for p in result.points]
    if any(p.rolling_mean is not None for p in result.points):
        axes.plot(
            mid,  # type: ignore[arg-type]
            means,
            color="#c0392b",
            linewidth=2,
            label=f"rolling mean ({result.window} {result.by}s)",
        )
    axes.set_xlabel(f"{result.by.capitalize()} (start of period)")
    axes.set_ylabel(f"{unit} per {result.by}")
    axes.set_ylim(bottom=0, top=max([*known, 1]) * 1.1)
    # matplotlib.dates has no annotations, so its constructors are untyped calls.
    locator = mdates.AutoDateLocator(minticks=4, maxticks=12)  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=2, frameon=False, fontsize=9)
    if not known:
        axes.text(0.5, 0.5, "no data covers this range", transform=axes.transAxes, ha="center", color="#666666")
    elif result.total == 0:
        axes.text(0.5, 0.5, "no events in this range", transform=axes.transAxes, ha="center", color="#666666")


def _hatch_unknown(axes: Axes, result: Series) -> None:
    """A hatched band over each run of periods no data covers: unknown, not calm."""
    runs: list[list[date]] = []
    for point in result.points:
        if point.value is not None:
            continue
        if runs and runs[-1][1] + timedelta(days=1) == point.start:
            runs[-1][1] = point.end
        else:
            runs.append([point.start, point.end])
    for number, (first, last) in enumerate(runs):
        axes.axvspan(
            first,  # type: ignore[arg-type]
            last + timedelta(days=1),  # type: ignore[arg-type]
            facecolor="none",
            edgecolor="#b0b0b0",
            hatch="//",
            linewidth=0,
            label="not covered by any data" if number == 0 else None,
        )


def _metadata(result: Series, path: Path) -> dict[str, str | None]:
    title = series_title(result)
    if path.suffix.lower() == ".png":
        return {"Title": title, "Source": result.source_line, "Software": "torkham (matplotlib)"}
    return {"Title": title, "Description": result.source_line, "Date": None, "Creator": "torkham (matplotlib)"}
