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
    page.goto("/perspectives")
    screenshot(page, "perspectives")
    page.locator("#topic-ttp-origin h2").wait_for()
    page.locator("#claim-cl-ttp-sanctuaries-in-afghanistan a.prov").click()
    page.wait_for_url("**/sources/gul-2024#record-cl-ttp-sanctuaries-in-afghanistan")
    quote = page.locator("#record-cl-ttp-sanctuaries-in-afghanistan blockquote").inner_text()
    assert quote == "including persistent cross-border attacks and the TTP sanctuaries"
