"""Static files: pages link them with their version (a hash of the content), and a linked version is cached by
the browser for good, while an unversioned or outdated link is revalidated each time (never stale)."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize("page", ["/map", "/network", "/briefing", "/"])
def test_pages_link_versioned_files_that_are_cached_for_good(client, page):
    html = client.get(page).text
    linked = re.findall(r"/static/[\w./-]+\.(?:css|js)\?v=[0-9a-f]{12}", html)
    assert any(url.startswith("/static/app.css?v=") for url in linked)
    for url in linked:
        response = client.get(url)
        assert response.status_code == 200
        assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert not re.search(r"/static/[\w./-]+\.(?:css|js)(?!\?v=)[\"' ]", html)  # every style and script versioned


def test_an_unversioned_or_outdated_link_is_revalidated(client):
    current = re.search(r"/static/app\.js\?v=([0-9a-f]{12})", client.get("/").text).group(1)
    for url in ("/static/app.js", "/static/app.js?v=000000000000", f"/static/app.js?v={current}x"):
        response = client.get(url)
        assert response.status_code == 200 and response.headers["cache-control"] == "no-cache"
        etag = response.headers["etag"]
        assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert client.get("/static/nothing.js?v=abc").status_code == 404
