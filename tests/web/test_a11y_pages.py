"""Every page of the workbench passes axe-core (no serious or critical violation), fits a 390 px phone without
horizontal scroll, and leaves a desktop and a phone screenshot in test-artefacts/ (tests/web/a11y.py)."""

from __future__ import annotations

import pytest
from a11y import check_page

SHORT = "from=2021-11&to=2021-12"  # a briefing of two months is prepared in a few seconds
PAGES = {
    "overview": "/",
    "actors": "/actors",
    "actor-ttp": "/actors/ttp",
    "timeline": "/timeline",
    "timeline-ttp-2021": "/timeline?actor=ttp&from=2021&to=2021",
    "map": "/map",
    "network": "/network",
    "perspectives": "/perspectives",
    "sources": "/sources",
    "source": "/sources/abc-appeal-2023",  # a short one: the paper's own page is 57,000 px tall to screenshot
    "search-ttp": "/search?q=TTP",
    "briefing": f"/briefing?{SHORT}",
    "briefing-view": f"/briefing/view?{SHORT}",
    "forecast": "/forecast",
    "refugees": "/refugees",
    "summary": "/summary",
    "about": "/about",
}


@pytest.mark.parametrize("path", list(PAGES.values()), ids=list(PAGES))
def test_page_passes_axe_and_fits_a_phone(page, path):
    name = next(key for key, value in PAGES.items() if value == path)
    check_page(page, path, f"a11y-{name}")
