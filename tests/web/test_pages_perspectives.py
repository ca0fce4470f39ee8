"""/perspectives: every side of each disputed question, quoted and cited, and the claim checks with their
verdict and evidence; filters by question and actor; unknown values are 422 naming the parameter."""

from __future__ import annotations

from page_text import error_message, text_of
from shots import screenshot


def test_every_claim_and_check_has_its_anchor_quote_and_source(client, bundled_store):
    from torkham.store import queries
    from torkham.store.db import connect

    with connect(bundled_store, read_only=True) as con:
        claims = queries.claims(con)
        checks = queries.records_of(con, "checks")
    response = client.get("/perspectives")
    assert response.status_code == 200
    for claim in claims:
        assert f'id="claim-{claim["id"]}"' in response.text, claim["id"]
        assert f'href="/sources/{claim["source"]}#record-{claim["id"]}"' in response.text, claim["id"]
    for check in checks:
        assert f'id="check-{check["id"]}"' in response.text, check["id"]


def test_ttp_origin_sides_say_who_says_what(client):
    response = client.get("/perspectives?topic=ttp-origin")
    assert response.status_code == 200
    text = text_of(response)
    assert "Where do TTP attacks originate: Afghan sanctuaries or inside Pakistan?" in text
    assert "Sohail Shaheen / Afghan Taliban" in text and "Imtiaz Gul / Pakistan" in text
    claim = response.text.split('id="claim-cl-ttp-attacks-from-within-pakistan"', 1)[1].split("</article>", 1)[0]
    assert (
        'class="verbatim"' in claim and 'href="/sources/gul-2024#record-cl-ttp-attacks-from-within-pakistan"' in claim
    )


def test_a_check_shows_verdict_value_dataset_version_and_its_events(client):
    response = client.get("/perspectives")
    card = response.text.split('id="check-chk-ttp-momentum-after-takeover"', 1)[1].split("</article>", 1)[0]
    text = " ".join(card.split())
    assert 'class="verdict verdict-supported">supported<' in text
    assert "40 against 28 in the baseline: +42.86%" in text
    assert "ucdp-ged 22.1" in text
    assert (
        "/timeline?layer=data&amp;dataset=ucdp-ged&amp;from=2021-09&amp;to=2021-12&amp;actor=ttp&amp;country=PAK"
        in text
    )


def test_unknown_question_or_actor_is_422_naming_the_parameter(client):
    topic = client.get("/perspectives?topic=weather")
    assert topic.status_code == 422
    assert error_message(topic).startswith("topic: unknown question 'weather'; choose one of: ttp-origin,")
    actor = client.get("/perspectives?actor=Dostom")
    assert actor.status_code == 422
    assert error_message(actor).startswith("actor: 'Dostom' is ambiguous; it names 2 actors:")


def test_browser_perspectives_page_and_a_check_link(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/perspectives")
    screenshot(page, "perspectives")
    page.locator("#topic-ttp-origin h2").wait_for()
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 10_000, f"/perspectives is {height} px tall at 1280 px"  # quotes and evidence are folded
    claim = page.locator("#claim-cl-ttp-sanctuaries-in-afghanistan")
    assert not claim.locator("a.prov").is_visible()
    claim.locator("summary").click()  # the claim opens: its quote and its source
    claim.locator("a.prov").click()
    page.wait_for_url("**/sources/gul-2024#record-cl-ttp-sanctuaries-in-afghanistan")
    quote = page.locator("#record-cl-ttp-sanctuaries-in-afghanistan blockquote").inner_text()
    assert quote == "including persistent cross-border attacks and the TTP sanctuaries"


def test_browser_a_link_to_a_claim_or_its_check_opens_it(page):
    page.goto("/perspectives#claim-cl-taliban-alleged-support-ttp")
    claim = page.locator("#claim-cl-taliban-alleged-support-ttp")
    assert claim.locator(":scope > details").evaluate("d => d.open")
    assert claim.locator("q.verbatim").is_visible()
    check = page.locator("#check-chk-ttp-momentum-after-takeover")
    assert not check.get_by_text("40 against 28 in the baseline: +42.86%").is_visible()
    claim.get_by_role("link", name="supported").click()
    page.wait_for_url("**/perspectives#check-chk-ttp-momentum-after-takeover")
    assert check.locator(":scope > details").evaluate("d => d.open")
    assert check.get_by_text("40 against 28 in the baseline: +42.86%").is_visible()


def test_without_javascript_a_linked_claim_still_shows_its_quote(browser, server_url):
    context = browser.new_context(base_url=server_url, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto("/perspectives#claim-cl-ttp-sanctuaries-in-afghanistan")
        claim = tab.locator("#claim-cl-ttp-sanctuaries-in-afghanistan")
        assert claim.locator("q.verbatim").is_visible() and claim.locator("a.prov").is_visible()
        assert not tab.locator("#claim-cl-ttp-attacks-from-within-pakistan q.verbatim").is_visible()
    finally:
        context.close()
