"""What the actor, network, map and briefing pages need from the analysis stack is prepared at start-up in a
child process and handed to the server (web/pages/prepare.py, web/warm_child.py), so that the server itself
stays small and a first visit is quick; a visit before it is ready computes the same itself."""

from __future__ import annotations

import time
from types import SimpleNamespace

from torkham.web.pages.prepare import peek

NATIONAL = ("store", "prepared", "national-months", "AFG")


def _wait_for_the_child(app) -> None:
    request = SimpleNamespace(app=app)
    deadline = time.monotonic() + 180
    while not (peek(request, ("actor-series-prepared",)) and NATIONAL in app.state.store.current.caches):
        assert time.monotonic() < deadline, "the pages were not prepared within 180 s"
        time.sleep(0.5)


def test_the_prepared_series_map_figures_and_briefing_are_what_the_server_would_compute(client):
    from torkham.web.mapdata import _national_months
    from torkham.web.pages.actors import _data_events, _series

    app = client.app
    _wait_for_the_child(app)
    prepared = peek(SimpleNamespace(app=app), ("actor-series-prepared",))
    with app.state.store.reading() as (_, cursor):
        assert {"ttp", "iskp", "india"} <= set(prepared)
        ours = _series(cursor, "ttp", "Tehrik-e-Taliban Pakistan", _data_events(cursor, "ttp"))
        assert [s["rows"] for s in prepared["ttp"]] == [s["rows"] for s in ours] != []
        assert app.state.store.current.caches[NATIONAL] == _national_months(cursor, "AFG")
    page = client.get("/actors/ttp").text
    assert all(f'id="series-{s["dataset"]}' in page for s in prepared["ttp"])
    # the first map's national totals come from the handed-over months: the same as UCDP's per-period sum
    body = client.get("/api/v1/map/provinces?from=2010-01&to=2012-12&geometry=false").json()
    assert body["countries"][0]["national"]["fatalities"] == 21814
    view = client.get("/briefing/view")
    assert view.status_code == 200 and "<html" in view.text
