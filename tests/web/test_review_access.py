"""`torkham serve --write`: who may change the knowledge, per status code. No token, a wrong token, a forged
or stale sign-in, a missing or wrong CSRF token, a post from another site: 403 with a sentence saying what to
do, and nothing written. An upload over the size limit: 413; of a type torkham does not read: 415. Without
--write the write routes do not exist (404 or 405) and no page offers an upload."""

from __future__ import annotations

import re

import pytest
import yaml
from fastapi.testclient import TestClient
from page_text import error_message, text_of
from review_pages import REPORT, REVIEWER, SOURCE, TOKEN, csrf_of, mini_copy, proposal_id, steps

from torkham.ingest import pipeline
from torkham.web.writeaccess import NO_CSRF, NO_TOKEN, STALE_SIGN_IN, WRONG_CSRF, WRONG_TOKEN

LIMIT = 16 * 1024  # the upload limit of these tests' server (the command's is 50 MB, as `torkham ingest`)
BASE = "http://127.0.0.1:8000"


@pytest.fixture(scope="module")
def served(tmp_path_factory, mini_store_template):
    """An app with write access over a copy of the mini knowledge base, the report already ingested."""
    from torkham.web.app import create_app
    from torkham.web.writeaccess import WriteAccess

    settings = mini_copy(tmp_path_factory.mktemp("review-access"), mini_store_template)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "default_steps", steps)
        patch.setenv("TORKHAM_REVIEWER", REVIEWER)
        app = create_app(settings, warm_up=False, write=WriteAccess(TOKEN, LIMIT))
        with TestClient(app, base_url=BASE) as client:
            client.kb = settings.kb_root
            csrf = sign_in(client)
            ingested = client.post(
                "/review/upload", data={"csrf": csrf, "source_id": SOURCE}, files={"file": ("monitor.txt", REPORT)}
            )
            assert ingested.status_code == 200 and "Ingested 6 proposals." in text_of(ingested), text_of(ingested)
            client.cookies.clear()
            yield client


def sign_in(client: TestClient) -> str:
    """Sign in with the token; the CSRF token the review page's forms carry."""
    signed = client.post("/review/login", data={"token": TOKEN, "next": "/review"}, follow_redirects=False)
    assert (signed.status_code, signed.headers["location"]) == (303, "/review")
    return csrf_of(client.get("/review").text)


@pytest.fixture
def signed_in(served):
    csrf = sign_in(served)
    yield served, csrf
    served.cookies.clear()


def log_entries(client) -> list[dict]:
    log = client.kb / "review-log.yaml"
    return (yaml.safe_load(log.read_text()) or []) if log.exists() else []


def files_of(client) -> dict[str, bytes]:
    """Every file of the knowledge folder with its content, to show a refused change wrote nothing."""
    return {str(p.relative_to(client.kb)): p.read_bytes() for p in sorted(client.kb.rglob("*")) if p.is_file()}


def refused(response, status: int, message: str) -> None:
    assert response.status_code == status, response.text[-2000:]
    assert error_message(response) == message


def test_signing_in_sets_an_http_only_same_site_strict_cookie_without_the_token(served):
    response = served.post("/review/login", data={"token": TOKEN}, follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, "/review")
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("torkham_write=") and TOKEN not in cookie
    assert {"HttpOnly", "Path=/review", "SameSite=strict"} <= {part.strip() for part in cookie.split(";")}
    served.cookies.clear()


def test_a_wrong_or_missing_token_on_the_sign_in_form_is_403(served):
    wrong = served.post("/review/login", data={"token": "guess"})
    refused(wrong, 403, WRONG_TOKEN)
    assert "set-cookie" not in wrong.headers
    refused(served.post("/review/login", data={}), 403, "type the token to sign in")


def test_the_queue_and_the_upload_form_send_a_stranger_to_sign_in(served):
    for path in ("/review", "/review/upload"):
        response = served.get(path, follow_redirects=False)
        assert (response.status_code, response.headers["location"]) == (
            303,
            f"/review/login?next=%2F{path[1:].replace('/', '%2F')}",
        )


def test_with_write_every_page_links_to_the_review_in_its_navigation(served):
    for path in ("/", "/sources", "/review/login"):
        page = served.get(path)
        assert page.status_code == 200, path
        assert '<li><a href="/review"' in page.text, path


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/review/decide", {"action": "accept", "ids": "x"}),
        ("/review/edit", {"ids": "x", "date": "2025"}),
        ("/review/logout", {}),
    ],
)
def test_a_change_without_the_token_is_403(served, path, data):
    before = files_of(served)
    refused(served.post(path, data=data), 403, NO_TOKEN)
    assert files_of(served) == before


def test_an_upload_without_the_token_is_403_before_its_body_is_read(served):
    refused(served.post("/review/upload", files={"file": ("a.txt", "text")}), 403, NO_TOKEN)


def test_a_wrong_token_in_the_header_is_403_and_the_right_one_needs_no_csrf(served):
    pid = proposal_id(served.get("/review", headers={"X-Torkham-Token": TOKEN}).text, "policemen killed")
    wrong = served.post("/review/decide", data={"action": "reject", "ids": pid}, headers={"X-Torkham-Token": "guess"})
    refused(wrong, 403, WRONG_TOKEN)
    right = served.post(
        "/review/decide", data={"action": "reject", "ids": pid}, headers={"X-Torkham-Token": TOKEN},
        follow_redirects=False,
    )  # fmt: skip
    assert (right.status_code, right.headers["location"]) == (303, "/review?done=rejected&n=1&source=")
    assert (log_entries(served)[-1]["id"], log_entries(served)[-1]["decision"]) == (pid, "rejected")


def test_a_forged_or_stale_sign_in_is_403(served):
    forged = served.post(
        "/review/decide", data={"action": "accept", "ids": "x", "csrf": "y"}, headers={"Cookie": "torkham_write=n.0123"}
    )
    refused(forged, 403, STALE_SIGN_IN)


def test_a_missing_or_wrong_csrf_token_is_403(signed_in):
    client, csrf = signed_in
    pid = proposal_id(client.get("/review").text, "named as 'TTP'")
    before = files_of(client)
    refused(client.post("/review/decide", data={"action": "accept", "ids": pid}), 403, NO_CSRF)
    refused(
        client.post("/review/decide", data={"action": "accept", "ids": pid, "csrf": csrf[:-1] + "0"}), 403, WRONG_CSRF
    )
    refused(client.post("/review/edit", data={"ids": pid, "actor": "TTP"}), 403, NO_CSRF)
    refused(client.post("/review/upload", files={"file": ("a.txt", "text")}), 403, NO_CSRF)
    refused(client.post("/review/logout", data={"csrf": "nope"}), 403, WRONG_CSRF)
    assert files_of(client) == before


def test_a_csrf_token_of_another_sign_in_is_403(served):
    first = sign_in(served)
    served.cookies.clear()
    sign_in(served)
    refused(served.post("/review/decide", data={"action": "reject", "ids": "x", "csrf": first}), 403, WRONG_CSRF)
    served.cookies.clear()


def test_a_post_from_another_site_is_403(signed_in):
    client, csrf = signed_in
    response = client.post(
        "/review/decide", data={"action": "reject", "ids": "x", "csrf": csrf}, headers={"Origin": "http://evil.example"}
    )
    refused(
        response,
        403,
        "refused a change sent from another site (http://evil.example); make changes from this server's pages",
    )


def test_signing_out_ends_the_sign_in(signed_in):
    client, csrf = signed_in
    out = client.post("/review/logout", data={"csrf": csrf}, follow_redirects=False)
    assert (out.status_code, out.headers["location"]) == (303, "/review/login")
    assert 'torkham_write=""' in out.headers["set-cookie"] and "Max-Age=0" in out.headers["set-cookie"]
    client.cookies.clear()
    refused(client.post("/review/decide", data={"action": "reject", "ids": "x", "csrf": csrf}), 403, NO_TOKEN)


def test_an_upload_over_the_size_limit_is_413_saying_the_limit(signed_in):
    client, csrf = signed_in
    over = client.post("/review/upload", data={"csrf": csrf}, files={"file": ("big.txt", "word " * (LIMIT // 5 + 1))})
    refused(
        over, 413,
        "big.txt is 16.0 kB, over the upload limit of 16 kB (the limit of `torkham ingest`); split the document, or "
        "ingest it on the command line with `torkham ingest FILE --max-mb N`",
    )  # fmt: skip
    far_over = client.post("/review/upload", data={"csrf": csrf}, files={"file": ("huge.txt", "w" * (LIMIT * 6))})
    assert far_over.status_code == 413, far_over.text[-1000:]
    assert re.match(r"the upload is 96\.\d kB or more, over the upload limit of 16 kB ", error_message(far_over))


def test_an_upload_sent_without_its_length_is_stopped_at_the_limit(signed_in):
    client, csrf = signed_in
    boundary = "torkhamtestboundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{csrf}\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="stream.txt"\r\n\r\n'
    ).encode()

    def body():
        yield head
        for _ in range(LIMIT // 1024 * 6):
            yield b"w" * 1024
        yield f"\r\n--{boundary}--\r\n".encode()

    response = client.post(
        "/review/upload", content=body(), headers={"Content-Type": f"multipart/form-data; boundary={boundary}"}
    )
    assert response.status_code == 413
    # stopped as the bytes arrived, before the form was read (then the file would be named: "stream.txt is …")
    assert re.match(r"the upload is \d+\.\d kB or more, over the upload limit of 16 kB ", error_message(response))


@pytest.mark.parametrize(
    ("name", "content", "what"),
    [
        ("picture.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "a PNG image"),
        ("notes.docx", b"PK\x03\x04" + b"\x00" * 64, "a Word document (.docx)"),
        ("table.csv", b"a,b\n1,2\n", "a CSV table (datasets go through 'torkham import')"),
    ],
)
def test_an_upload_of_a_type_torkham_does_not_read_is_415(signed_in, name, content, what):
    client, csrf = signed_in
    response = client.post("/review/upload", data={"csrf": csrf}, files={"file": (name, content)})
    refused(
        response, 415,
        f"{name}: unsupported format: this is {what}; torkham ingests PDF (.pdf), plain text (.txt), Markdown (.md) "
        "and HTML (.html) files; convert it to one of these first",
    )  # fmt: skip


def test_a_bad_value_on_the_upload_form_is_422_in_the_page_spelling(signed_in):
    client, csrf = signed_in
    response = client.post(
        "/review/upload", data={"csrf": csrf, "date": "June"}, files={"file": ("other.txt", "Another short report.")}
    )
    assert response.status_code == 422
    assert re.search(r'role="alert">date: ', response.text), text_of(response)
    empty = client.post("/review/upload", data={"csrf": csrf}, files={"file": ("empty.txt", b"")})
    assert empty.status_code == 422 and "empty.txt: the file is empty (0 bytes); nothing to ingest" in text_of(empty)
    assert "/tmp" not in text_of(empty)  # the message names the upload, not where the server kept it


def test_the_same_document_again_says_so_and_changes_nothing(signed_in):
    client, csrf = signed_in
    again = client.post("/review/upload", data={"csrf": csrf}, files={"file": ("monitor.txt", REPORT)})
    assert again.status_code == 422
    assert f"monitor.txt was already ingested as source '{SOURCE}' (same sha256); nothing changed." in text_of(again)


def test_an_edit_sets_fields_and_logs_old_and_new_values(signed_in):
    client, csrf = signed_in
    pid = proposal_id(client.get("/review").text, "TTP attack on a police post in Bannu")
    edited = client.post("/review/edit", data={"csrf": csrf, "ids": pid, "date": "2025-06-06", "place": "Bannu"})
    assert edited.status_code == 200 and "Edited 1 proposal." in text_of(edited)
    assert f"2025-06-06 attack TTP attack on a police post in Bannu [Tehrik-e-Taliban Pakistan] ({pid})" in text_of(
        edited
    )
    entry = log_entries(client)[-1]
    assert (entry["decision"], entry["id"], entry["who"], entry["into"]) == (
        "edited", pid, REVIEWER, f"proposed/{SOURCE}/events.yaml",
    )  # fmt: skip
    assert entry["changes"] == {
        "date": {"from": "2025-06-05", "to": "2025-06-06"},
        "place": {"from": None, "to": "Bannu"},
        "place_level": {"from": None, "to": "town"},  # from the gazetteer: Bannu is one place
        "district": {"from": None, "to": "Bannu"},
        "country": {"from": None, "to": "PAK"},
        "admin1": {"from": None, "to": "PK-KP"},
    }
    unknown = client.post("/review/edit", data={"csrf": csrf, "ids": pid, "place": "Nowhere Village"})
    assert unknown.status_code == 200
    assert log_entries(client)[-1]["changes"] == {
        "place": {"from": "Bannu", "to": "Nowhere Village"},
        "place_level": {"from": "town", "to": None},  # what came from the old place is not kept for the new one
        "district": {"from": "Bannu", "to": None},
        "country": {"from": "PAK", "to": None},
        "admin1": {"from": "PK-KP", "to": None},
    }


def test_a_bad_edit_is_422_naming_the_field_and_changes_nothing(signed_in):
    client, csrf = signed_in
    page = client.get("/review").text
    event, claim = proposal_id(page, "Raid in Lakki Marwat"), proposal_id(page, "Talks with Pakistan failed")
    before = files_of(client)
    cases = [
        ({"ids": event, "date": "2025-13"}, "date: "),
        ({"ids": event, "type": "picnic"}, "type: unknown value 'picnic'; choose one of: "),
        ({"ids": claim, "speaker": "Nobody Known"}, "speaker: no actor named 'Nobody Known'"),
        (
            {"ids": claim, "date": "2025"},
            f"claim '{claim}' has no date to set here; only its asserted_by can be edited",
        ),
        ({"ids": "ev-none", "date": "2025"}, "no proposal with id ev-none; it may have been decided meanwhile"),
        ({"date": "2025"}, "tick the proposals to edit first"),
    ]
    for data, message in cases:
        response = client.post("/review/edit", data={"csrf": csrf, **data})
        assert response.status_code == 422, (data, response.status_code)
        assert error_message(response).startswith(message), (data, error_message(response))
    assert files_of(client) == before


def test_accepting_a_record_that_refers_to_a_pending_one_is_refused_with_both_ids(signed_in):
    client, csrf = signed_in
    event = proposal_id(client.get("/review").text, "Raid in Lakki Marwat")
    response = client.post("/review/decide", data={"csrf": csrf, "action": "accept", "ids": event})
    assert response.status_code == 422
    assert error_message(response).startswith(
        f"nothing accepted:\n  event '{event}' refers in actors to actor 'mullah-example', which is only proposed"
    )
    assert event in proposal_ids_of(client)


def proposal_ids_of(client) -> set[str]:
    from review_pages import proposal_ids

    return set(proposal_ids(client.get("/review").text))


def test_without_write_the_write_routes_do_not_exist_and_no_page_offers_an_upload(tmp_path, mini_store_template):
    from torkham.web.app import create_app

    app = create_app(mini_copy(tmp_path, mini_store_template), warm_up=False)
    with TestClient(app, base_url=BASE) as client:
        for path in ("/review", "/review/upload", "/review/login"):
            assert client.get(path).status_code == 404, path
        for path in ("/review/decide", "/review/edit", "/review/upload", "/review/login", "/review/logout"):
            response = client.post(path, data={"token": TOKEN}, headers={"X-Torkham-Token": TOKEN})
            assert response.status_code in (404, 405), path
        assert "set-cookie" not in response.headers
        for path in ("/", "/sources", "/actors/ttp", "/about"):
            page = client.get(path)
            assert page.status_code == 200, path
            assert 'type="file"' not in page.text and "/review" not in page.text, path
