"""The API against its own OpenAPI document (schemathesis): every operation is called with the examples,
the boundary values and invalid values its parameters allow, and each answer must be no 5xx, a documented
status code, a documented content type and a body that matches the documented schema.

Bounded for CI: deterministic generation (no random seed), MAX_EXAMPLES fuzzed cases per operation on top of
the coverage cases, no shrinking; the requests are sent in process to the app (ASGI) on the session store.
The last line of the module's output gives the requests made and the failures found."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pytest
import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from torkham.config import Settings

MAX_EXAMPLES = 10
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
CONFIG = {
    "generation": {"deterministic": True, "max-examples": MAX_EXAMPLES, "no-shrink": True, "mode": "all"},
    "phases": {"stateful": {"enabled": False}},
    "request-timeout": 60,
    "warnings": False,
}


@dataclass
class Tally:
    requests: int = 0
    failures: Counter[str] = field(default_factory=Counter)  # failing requests per operation

    def line(self) -> str:
        where = ", ".join(f"{label}: {n}" for label, n in sorted(self.failures.items()))
        failed = sum(self.failures.values())
        return f"schemathesis: {self.requests} requests, {failed} failures" + (f" ({where})" if where else "")


TALLY = Tally()


def openapi_document() -> dict:
    """The document as the app serves it at /api/v1/openapi.json (building it needs no store)."""
    from torkham.web.app import create_app

    return create_app(warm_up=False).openapi()


@pytest.fixture(scope="module")
def served_app(bundled_store):
    """An app of its own on the session store, without warm-ups; schemathesis runs its lifespan."""
    from torkham.web.app import create_app

    return create_app(Settings.load(db=str(bundled_store)), warm_up=False)


@pytest.fixture(scope="module", autouse=True)
def report_tally(request):
    """The requests made and the failures found, printed once the module has run (whatever the capture)."""
    yield
    with request.config.pluginmanager.getplugin("capturemanager").global_and_fixture_disabled():
        print(f"\n{TALLY.line()}")


schema = schemathesis.openapi.from_dict(openapi_document(), config=schemathesis.Config.from_dict(CONFIG))


@schema.parametrize()
def test_api_conforms_to_its_openapi_document(case, served_app):
    response = case.call(app=served_app)
    TALLY.requests += 1
    try:
        case.validate_response(response, checks=CHECKS)
    except BaseException:
        TALLY.failures[case.operation.label] += 1
        raise


LOOKUPS = {"/api/v1/actors/{actor_id}", "/api/v1/actors/{actor_id}/events", "/api/v1/events/{event_id}",
           "/api/v1/checks/{check_id}", "/api/v1/sources/{source_id}"}  # fmt: skip


def operations(document: dict) -> list[tuple[str, dict]]:
    return [(path, methods["get"]) for path, methods in document["paths"].items() if path.startswith("/api/v1")]


def test_every_operation_documents_the_one_422_body():
    document = openapi_document()
    for path, operation in operations(document):
        invalid = operation["responses"]["422"]["content"]["application/json"]["schema"]
        assert invalid == {"$ref": "#/components/schemas/Invalid"}, path
    assert not {"HTTPValidationError", "ValidationError"} & set(document["components"]["schemas"])


def test_lookups_document_404_and_lists_document_csv():
    found, csv_lists = set(), set()
    for path, operation in operations(openapi_document()):
        if "404" in operation["responses"]:
            found.add(path)
            assert operation["responses"]["404"]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/Missing"
            }
        takes_csv = any(p["name"] == "format" and p["schema"].get("enum") == ["json", "csv"]
                        for p in operation.get("parameters", []))  # fmt: skip
        assert takes_csv == ("text/csv" in operation["responses"]["200"]["content"]), path
        csv_lists |= {path} if takes_csv else set()
    assert found == LOOKUPS
    assert len(csv_lists) == 17


def test_the_404_and_422_bodies_are_the_documented_models(client):
    from torkham.web.errors import Invalid, Missing

    missing = client.get("/api/v1/sources/nothing")
    assert missing.status_code == 404
    assert Missing.model_validate(missing.json()).detail == (
        "no source with id 'nothing'; search with /api/v1/search?q=nothing"
    )
    invalid = client.get("/api/v1/actors?limit=0")
    assert invalid.status_code == 422
    (problem,) = Invalid.model_validate(invalid.json()).detail
    assert (problem.loc, problem.msg, problem.type, problem.input) == (
        ["query", "limit"], "Input should be greater than or equal to 1", "greater_than_equal", "0"
    )  # fmt: skip
    ours = client.get("/api/v1/actors?kind=warlord").json()
    assert set(ours["detail"][0]) == {"loc", "msg", "type"}  # no `input` key sent when there is none
    Invalid.model_validate(ours)
