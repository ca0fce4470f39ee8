"""How fast every page of the workbench shows its first screen on the bundled data (issue 5, "Speed":
under a second), measured in Debian's Chromium driven by Playwright.

    python bench/page_speed.py [--warm-runs 3] [--one-server] [--no-settle] [--db STORE] [--page PATH …]
                               [--baseline-src DIR]

For each page: a fresh `torkham serve` (so the page's first request is the first after start; sent
once the server has finished its start-up work, or at once with --no-settle) and a fresh browser
context (empty cache) give the cold figures; then the same page is loaded --warm-runs
more times in that context (median) for the warm ones. Figures come from the browser's Navigation
and Paint Timing: time to first byte, first contentful paint, DOMContentLoaded and load, in ms from
the start of the navigation. Values over 1000 ms are flagged with `!`. A page answering 404 is reported
as missing, any other status as an error; neither stops the run. Exit status 1 if any page is missing,
failed or slow.

With --baseline-src DIR (the `src` folder of another checkout of torkham, e.g. a git worktree of an older
commit), every page is also measured on a server running that code (`PYTHONPATH=DIR python -c … main()`, on
its own store built by that code), alternately with ours, and a table of ratios ours / baseline follows
(load and first contentful paint, cold and warm); a ratio over 1.2 is flagged with `!` and fails the run.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from contextlib import nullcontext
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402

from web_fixtures import HOST, ServerSpec, build_store, free_port, log, servers, torkham_argv  # noqa: E402

PAGES = ["/", "/actors", "/actors/ttp", "/timeline", "/map", "/network", "/perspectives", "/sources",
         "/search?q=TTP", "/briefing", "/about"]  # fmt: skip
METRICS = ("ttfb", "fcp", "dcl", "load")
LIMIT_MS = 1000
RATIO_LIMIT = 1.2
COMPARED = (("cold", "load"), ("cold", "fcp"), ("warm", "load"), ("warm", "fcp"))
# the CLI's entry point, run by the interpreter of this bench with another checkout first on sys.path
ENTRY = "import sys; from torkham.cli.app import main; sys.argv[0] = 'torkham'; sys.exit(main())"
BUILD = (
    "import sys; from pathlib import Path; from torkham.config import Settings; "
    "from torkham.store.build import ensure_store; ensure_store(Path(sys.argv[1]), Settings.load().kb_root)"
)
PROBE = "/static/app.css"  # the server is up when it serves this; warms no page
CHROMIUM = "/usr/bin/chromium"
TIMINGS_JS = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const paint = Object.fromEntries(performance.getEntriesByType('paint').map(p => [p.name, p.startTime]));
  return {ttfb: nav.responseStart, fcp: paint['first-contentful-paint'] ?? null,
          dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd};
}"""
LOADED_JS = "() => performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0"
PAINTED_JS = "() => performance.getEntriesByType('paint').some(p => p.name === 'first-contentful-paint')"


def visit(tab, url: str) -> tuple[int, dict[str, float | None]]:
    """Load `url` in `tab`; its HTTP status and timings (ms)."""
    response = tab.goto(url, wait_until="load", timeout=60_000)
    status = response.status if response else 0
    tab.wait_for_function(LOADED_JS, timeout=30_000)
    with contextlib.suppress(PlaywrightTimeout):  # a page that paints nothing has no FCP; shown as "—"
        tab.wait_for_function(PAINTED_JS, timeout=3_000)
    return status, tab.evaluate(TIMINGS_JS)


def measure_page(browser, base: str, path: str, warm_runs: int) -> dict:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    console_errors: list[str] = []
    try:
        tab = context.new_page()
        tab.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)
        tab.on("pageerror", lambda exc: console_errors.append(str(exc)))
        status, cold = visit(tab, base + path)
        if status != 200:
            return {"path": path, "status": status, "cold": None, "warm": None, "console": console_errors}
        runs = [visit(tab, base + path)[1] for _ in range(warm_runs)]
        warm = {m: statistics.median(r[m] for r in runs) if all(r[m] is not None for r in runs) else None
                for m in METRICS} if runs else None  # fmt: skip
        return {"path": path, "status": status, "cold": cold, "warm": warm, "console": console_errors}
    finally:
        context.close()


def cell(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.0f}{'!' if value > LIMIT_MS else ''}"


def report(results: list[dict]) -> int:
    header = (
        f"{'page':<16} "
        + " ".join(f"{'cold ' + m:>10}" for m in METRICS)
        + " "
        + " ".join(f"{'warm ' + m:>10}" for m in METRICS)
    )
    print(header)
    bad: list[str] = []
    for r in results:
        if r["cold"] is None:
            what = "missing (404)" if r["status"] == 404 else f"error (HTTP {r['status']})"
            print(f"{r['path']:<16} {what}")
            bad.append(f"{r['path']}: {what}")
            continue
        warm = r["warm"] or {}
        line = f"{r['path']:<16} " + " ".join(f"{cell(r['cold'][m]):>10}" for m in METRICS)
        print(line + " " + " ".join(f"{cell(warm.get(m)):>10}" for m in METRICS))
        slow = [f"{kind} {m} {figures[m]:.0f} ms" for kind, figures in (("cold", r["cold"]), ("warm", warm))
                for m in METRICS if figures.get(m) is not None and figures[m] > LIMIT_MS]  # fmt: skip
        if slow:
            bad.append(f"{r['path']}: over {LIMIT_MS} ms: {', '.join(slow)}")
        if r["console"]:
            bad.append(f"{r['path']}: {len(r['console'])} console error(s), first: {r['console'][0][:200]}")
    print()
    if bad:
        print(f"{len(bad)} problem(s):")
        for line in bad:
            print(f"  {line}")
        return 1
    print(f"every page answered 200 and loaded within {LIMIT_MS} ms, cold and warm")
    return 0


def baseline_store(src: Path, folder: Path) -> Path:
    """A store built by the code under `src` from its own bundled knowledge and data."""
    store = folder / "baseline.duckdb"
    env = {**os.environ, "PYTHONPATH": str(src)}
    subprocess.run([sys.executable, "-c", BUILD, str(store)], env=env, check=True, capture_output=True)
    return store


def baseline_argv(src: Path, store: Path, port: int) -> list[str]:
    """`torkham serve` of the code under `src` (env execs the interpreter: same process, same group)."""
    return ["env", f"PYTHONPATH={src}", sys.executable, "-c", ENTRY, "--db", str(store),
            "serve", "--host", HOST, "--port", str(port)]  # fmt: skip


def ratio_cell(ours: float | None, base: float | None) -> str:
    if ours is None or not base:
        return "—"
    ratio = ours / base
    return f"{ratio:.2f}{'!' if ratio > RATIO_LIMIT else ''}"


def report_ratios(ours: list[dict], base: list[dict]) -> int:
    """Ours / baseline per page for each compared figure; 1 if any is over RATIO_LIMIT."""
    print(f"ratio ours / baseline (over {RATIO_LIMIT} flagged with !)")
    print(f"{'page':<16} " + " ".join(f"{kind + ' ' + m:>10}" for kind, m in COMPARED))
    slow = []
    for mine, theirs in zip(ours, base, strict=True):
        if mine["cold"] is None or theirs["cold"] is None:
            print(f"{mine['path']:<16} not compared (HTTP {mine['status']} / {theirs['status']})")
            continue
        cells = [ratio_cell((mine[k] or {}).get(m), (theirs[k] or {}).get(m)) for k, m in COMPARED]
        print(f"{mine['path']:<16} " + " ".join(f"{c:>10}" for c in cells))
        slow += [mine["path"] for c in cells if c.endswith("!")]
    print()
    if slow:
        print(f"slower than {RATIO_LIMIT}x the baseline: {', '.join(sorted(set(slow)))}")
        return 1
    return 0


def run_pages(browser, specs: list[ServerSpec], pages: list[str], args, folder: Path) -> list[list[dict]]:
    """Each page on each server in turn (a fresh server per page unless --one-server); results per server."""
    settle = not args.no_settle
    results: list[list[dict]] = [[] for _ in specs]
    with servers(specs, folder, settle=settle) if args.one_server else nullcontext():
        for path in pages:
            for spec, found in zip(specs, results, strict=True):
                log(f"{spec.name} {path} …")
                with nullcontext() if args.one_server else servers([spec], folder, settle=settle):
                    found.append(measure_page(browser, f"http://{HOST}:{spec.port}", path, args.warm_runs))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warm-runs", type=int, default=3, help="warm loads per page (median)")
    parser.add_argument("--one-server", action="store_true", help="one server for all pages (cold = first visit)")
    parser.add_argument("--no-settle", action="store_true", help="load the page as soon as the server answers")
    parser.add_argument("--db", type=Path, help="a store to copy instead of building one from the bundled data")
    parser.add_argument("--page", action="append", help="only these paths (repeatable)")
    parser.add_argument("--baseline-src", type=Path, help="also measure the torkham under this src folder; ratios")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="torkham-bench-pages-"))
    try:
        store = build_store(folder, 0, args.db)
        port = free_port()
        specs = [ServerSpec("torkham", torkham_argv(store, port), port, PROBE)]
        if args.baseline_src:
            port = free_port()
            base = baseline_store(args.baseline_src.resolve(), folder)
            specs.append(ServerSpec("baseline", baseline_argv(args.baseline_src.resolve(), base, port), port, PROBE))
        load_before = os.getloadavg()[0]
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
            )
            results = run_pages(browser, specs, args.page or PAGES, args, folder)
            browser.close()
        print("torkham bench: page speed in Chromium on the bundled data (ms from navigation start)")
        print(
            f"cold = first request after {'the server started' if args.one_server else 'a fresh server start'}"
            f"{' (at once)' if args.no_settle else ' (once idle)'}, empty "
            f"cache; warm = median of {args.warm_runs} reloads; ttfb = first byte, fcp = first contentful paint, "
            "dcl = DOMContentLoaded"
        )
        print(
            f"load average (1 min) at start {load_before:.1f}, at end {os.getloadavg()[0]:.1f} (the machine may be shared)"
        )
        print()
        status = report(results[0])
        if args.baseline_src:
            print()
            print(f"baseline: {args.baseline_src}")
            report(results[1])
            print()
            status = report_ratios(results[0], results[1]) or status
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    sys.exit(status)


if __name__ == "__main__":
    main()
