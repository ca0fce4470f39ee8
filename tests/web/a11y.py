"""Browser checks every page shares: axe-core (vendored) finds no serious or critical violation, the page
fits a 390 px phone without horizontal scroll, and screenshots at desktop and phone width are kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from shots import screenshot

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def axe_violations(tab: Any) -> list[str]:
    """The serious and critical axe-core violations on the page as loaded, one line each."""
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} node(s), e.g. {v['nodes'][0]['target']}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def horizontal_overflow(tab: Any) -> int:
    """How many CSS pixels the page is wider than its viewport (0 when it fits)."""
    return int(tab.evaluate("document.documentElement.scrollWidth - window.innerWidth"))


def check_page(tab: Any, path: str, name: str) -> None:
    """Open `path` at desktop and phone width: no serious axe violation, no horizontal scroll on the phone,
    a screenshot of each kept as test-artefacts/<name>-desktop.png and <name>-phone.png."""
    tab.set_viewport_size(DESKTOP)
    tab.goto(path)
    problems = axe_violations(tab)
    assert not problems, f"{path}: " + "\n".join(problems)
    screenshot(tab, f"{name}-desktop")
    tab.set_viewport_size(PHONE)
    tab.goto(path)
    assert horizontal_overflow(tab) <= 0, f"{path} is {horizontal_overflow(tab)} px wider than a 390 px phone"
    screenshot(tab, f"{name}-phone")
