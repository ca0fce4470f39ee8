"""How fast every page of the workbench shows its first screen on the bundled data (issue 5, "Speed":
under a second), measured in Debian's Chromium driven by Playwright.

    python bench/page_speed.py [--warm-runs 3] [--one-server] [--no-settle] [--db STORE] [--page PATH …]

For each page: a fresh `torkham serve` (so the page's first request is the first after start; sent
once the server has finished its start-up work, or at once with --no-settle) and a fresh browser
context (empty cache) give the cold figures; then the same page is loaded --warm-runs
more times in that context (median) for the warm ones. Figures come from the browser's Navigation
and Paint Timing: time to first byte, first contentful paint, DOMContentLoaded and load, in ms from
the start of the navigation. Values over 1000 ms are flagged with `!`. A page answering 404 is reported
as missing, any other status as an error; neither stops the run. Exit status 1 if any page is missing,
failed or slow.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warm-runs", type=int, default=3, help="warm loads per page (median)")
    parser.add_argument("--one-server", action="store_true", help="one server for all pages (cold = first visit)")
    parser.add_argument("--no-settle", action="store_true", help="load the page as soon as the server answers")
    parser.add_argument("--db", type=Path, help="a store to copy instead of building one from the bundled data")
    parser.add_argument("--page", action="append", help="only these paths (repeatable)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="torkham-bench-pages-"))
    try:
        store = build_store(folder, 0, args.db)
        pages = args.page or PAGES
        load_before = os.getloadavg()[0]
        results = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
            )
            port = free_port()
            spec = [ServerSpec("torkham", torkham_argv(store, port), port, PROBE)]
            with servers(spec, folder, settle=not args.no_settle) if args.one_server else nullcontext():
                for path in pages:
                    log(f"{path} …")
                    with nullcontext() if args.one_server else servers(spec, folder, settle=not args.no_settle):
                        results.append(measure_page(browser, f"http://{HOST}:{port}", path, args.warm_runs))
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
        status = report(results)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    sys.exit(status)


if __name__ == "__main__":
    main()
