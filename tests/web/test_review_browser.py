"""Reviewing in the browser (`torkham serve --write`, real Chromium): sign in with the token, upload a small
report, see its proposals grouped by actor and page with their sentences highlighted, edit one's date and
another's speaker, reject one, accept the rest one by one, by actor and by ticking — and the accepted records
appear on their actors' pages, also in a page that was open before (on reload). Screenshots, axe-core and
the 390 px phone width of the upload and review pages."""

from __future__ import annotations

import re

import pytest
import yaml
from a11y import DESKTOP, check_page
from playwright.sync_api import expect
from review_pages import REPORT, REVIEWER, SOURCE, TOKEN, write_server


@pytest.fixture(scope="module")
def server(tmp_path_factory, mini_store_template):
    with write_server(tmp_path_factory.mktemp("review-browser"), mini_store_template) as served:
        yield served


@pytest.fixture
def tab(browser, server):
    """A page of a fresh browser that fails the test on any console or page error."""
    context = browser.new_context(base_url=server.url, viewport=DESKTOP)
    errors: list[str] = []
    page = context.new_page()
    page.on("console", lambda msg: errors.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
    page.console_errors = errors  # a test expecting a refusal takes its error off the list
    yield page
    context.close()
    assert not errors, "\n".join(errors)


def sign_in(tab) -> None:
    tab.goto("/review")
    expect(tab).to_have_url(re.compile(r"/review/login\?next=%2Freview$"))
    tab.get_by_label("Token").fill(TOKEN)
    tab.get_by_role("button", name="Sign in").click()
    expect(tab).to_have_url(re.compile(r"/review$"))


def proposal(tab, words: str):
    """The proposal whose line (not its context) holds `words`."""
    return tab.locator("li.proposal", has=tab.locator(".proposal-head", has_text=words))


def said(tab, sentence: str) -> None:
    expect(tab.get_by_role("status")).to_contain_text(sentence)


def edit(tab, words: str, field: str, value: str) -> None:
    item = proposal(tab, words)
    item.locator("details.edit > summary").click()
    item.get_by_label(field).fill(value)
    item.get_by_role("button", name=re.compile(r"^Save")).click()
    said(tab, "Edited 1 proposal.")


def test_upload_review_and_the_accepted_records_on_their_actor_pages(tab, server, tmp_path):
    sign_in(tab)
    expect(tab.locator("main")).to_contain_text("No proposals await review")
    tab.locator(".review-nav").get_by_role("link", name="Upload a document").click()
    expect(tab.locator("main")).to_contain_text("up to 1 MB")  # this server's limit (the command's: 50 MB)
    report = tmp_path / "monitor.txt"
    report.write_text(REPORT, encoding="utf-8")
    tab.get_by_label("Document", exact=True).set_input_files(report)
    tab.get_by_label("Source id").fill(SOURCE)
    tab.get_by_role("button", name="Upload and propose").click()
    said(tab, "Ingested 6 proposals.")

    groups = tab.locator("section.review-group h2")
    expect(groups).to_have_text([re.compile(r"^Mullah Example \(proposed\)\s+\(2\)$"),
                                 re.compile(r"^Noor Wali Mehsud\s+\(1\)$"),
                                 re.compile(r"^Tehrik-e-Taliban Pakistan\s+\(2\)$"),
                                 re.compile(r"^No actor named\s+\(1\)$")])  # fmt: skip
    bannu = proposal(tab, "TTP attack on a police post in Bannu")
    expect(bannu.locator("blockquote mark")).to_have_text(
        "On June 5, 2025, the TTP attacked a police post in Bannu, killing 3 policemen."
    )
    expect(bannu.locator("blockquote mark strong")).to_have_text("attacked a police post in Bannu")
    expect(bannu.locator("blockquote")).to_contain_text("A report by Test Analyst.")  # the sentence in its context
    expect(bannu.locator("xpath=preceding::h3[1]")).to_have_text("Page 1")

    open_before = tab.context.new_page()  # a page open while the review goes on
    open_before.goto("/actors/ttp")
    expect(open_before.locator("#events")).not_to_contain_text("Bannu")

    edit(tab, "TTP attack on a police post in Bannu", "Date", "2025-06-06")
    expect(bannu.locator(".proposal-head")).to_contain_text("2025-06-06 attack TTP attack on a police post in Bannu")
    edit(tab, "Talks with Pakistan failed", "Speaker", "TTP")
    expect(tab.locator("section.review-group", has_text="Tehrik-e-Taliban Pakistan")).to_contain_text(
        "Tehrik-e-Taliban Pakistan: Talks with Pakistan failed over the merger demand."
    )

    proposal(tab, "policemen killed in Bannu").get_by_role("button", name=re.compile(r"^Reject")).click()
    said(tab, "Rejected 1 proposal.")
    expect(proposal(tab, "policemen killed in Bannu")).to_have_count(0)

    bannu.get_by_role("button", name=re.compile(r"^Accept")).click()
    said(tab, "Accepted 1 proposal. See Tehrik-e-Taliban Pakistan.")
    expect(bannu).to_have_count(0)
    open_before.reload()
    expect(open_before.locator("#events")).to_contain_text("2025-06-06")
    expect(open_before.locator("#events")).to_contain_text("TTP attack on a police post in Bannu")

    tab.get_by_role("button", name="Accept all 2 of Mullah Example (proposed)").click()
    said(tab, "Accepted 2 proposals. See Mullah Example.")
    for words in ("named as 'TTP'", "Talks with Pakistan failed"):
        proposal(tab, words).get_by_role("checkbox").check()
    tab.get_by_role("button", name="Accept ticked").click()
    said(tab, "Accepted 2 proposals.")
    expect(tab.locator("main")).to_contain_text("No proposals await review")

    tab.get_by_role("status").get_by_role("link", name="Tehrik-e-Taliban Pakistan").click()
    expect(tab).to_have_url(re.compile(r"/actors/ttp$"))
    expect(tab.locator("#claims")).to_contain_text("Talks with Pakistan failed over the merger demand.")
    tab.goto("/actors/mullah-example")
    expect(tab.locator("#events")).to_contain_text("Raid in Lakki Marwat")

    log = yaml.safe_load((server.kb / "review-log.yaml").read_text(encoding="utf-8"))
    assert [e["decision"] for e in log] == ["edited", "edited", "rejected", "accepted", "accepted", "accepted",
                                            "accepted", "accepted"]  # fmt: skip
    assert {e["who"] for e in log} == {REVIEWER} and {e["source"] for e in log} == {SOURCE}
    assert log[1]["changes"] == {"asserted_by": {"from": ["noor-wali-mehsud"], "to": ["ttp"]}}
    assert not (server.kb / "proposed").exists()


def test_the_upload_and_review_pages_pass_axe_and_fit_a_phone(tab, server, tmp_path):
    sign_in(tab)
    check_page(tab, "/review/upload", "review-upload")
    tab.set_viewport_size(DESKTOP)
    tab.goto("/review/upload")
    report = tmp_path / "second.txt"
    report.write_text(REPORT.replace("Border Monitor 2025", "Border Monitor, second edition"), encoding="utf-8")
    tab.get_by_label("Document", exact=True).set_input_files(report)
    tab.get_by_label("Source id").fill("monitor-2025-b")
    tab.get_by_role("button", name="Upload and propose").click()
    said(tab, "Ingested")
    proposal(tab, "TTP attack on a police post in Bannu").locator("details.edit > summary").click()
    check_page(tab, "/review?source=monitor-2025-b", "review-queue")
    tab.get_by_text("Edit ticked").click()
    proposal(tab, "Raid in Lakki Marwat").locator("details.edit > summary").click()
    assert tab.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0  # forms open, on the phone


def test_a_wrong_token_on_the_sign_in_page_says_so(tab):
    tab.goto("/review/login")
    tab.get_by_label("Token").fill("a guess")
    tab.get_by_role("button", name="Sign in").click()
    expect(tab.get_by_role("alert")).to_have_text(
        "that is not the token this server printed; copy it again from the terminal running `torkham serve --write`"
    )
    refusal = "console error: Failed to load resource: the server responded with a status of 403 (Forbidden)"
    assert tab.console_errors == [refusal]  # the 403 of the sign-in form, as the browser reports it
    tab.console_errors.clear()
    tab.goto("/review")
    expect(tab).to_have_url(re.compile(r"/review/login"))
