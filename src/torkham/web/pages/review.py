"""The review queue in the browser (`torkham serve --write` only; web/writeaccess.py says how a change is
made safe): sign in with the printed token, then accept, reject or edit proposals one by one or in groups.
Each change calls the library the CLI calls (ingest.review.decide, ingest.edit.edit): validated with the
whole knowledge base, written to the review log, the store replaced atomically (store/swap.py), so every
open page shows it on reload."""

from __future__ import annotations

from functools import partial
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from torkham.errors import TorkhamError, ValidationFailed
from torkham.web.deps import Store, Writer
from torkham.web.templating import templates
from torkham.web.writeaccess import (
    CSRF_FIELD,
    LOGIN,
    WRONG_TOKEN,
    access_of,
    check_csrf,
    current_session,
    forget_sign_in,
    safe_next,
    set_sign_in,
)

router = APIRouter()
DONE = {"accepted": "Accepted", "rejected": "Rejected", "edited": "Edited", "ingested": "Ingested"}


@router.get(LOGIN)
def login_form(request: Request, next: str | None = None):
    return _login_page(request, safe_next(next))


@router.post(LOGIN)
async def login(request: Request):
    form = await request.form(max_files=0, max_fields=4)
    typed, goal = form.get("token"), safe_next(_text(form, "next"))
    if not isinstance(typed, str) or not access_of(request).matches(typed.strip()):
        return _login_page(request, goal, WRONG_TOKEN if typed else "type the token to sign in", status=403)
    response = RedirectResponse(goal, status_code=303)
    set_sign_in(response, request, access_of(request).sign_in())
    return response


@router.post("/review/logout")
async def logout(request: Request, session: Writer):
    check_csrf(session, await request.form(max_files=0, max_fields=4))
    response = RedirectResponse(LOGIN, status_code=303)
    forget_sign_in(response)
    return response


@router.get("/review")
def queue_page(request: Request, con: Store, source: str | None = None):
    session = current_session(request)
    if session is None:
        return RedirectResponse(f"{LOGIN}?{urlencode({'next': str(request.url.path)})}", status_code=303)
    return _queue(request, con, session.csrf, source)


@router.post("/review/decide")
async def decide(request: Request, session: Writer, con: Store):
    from torkham.ingest.review import decide

    form = await _form(request, session)
    action, ids = _text(form, "action"), _ids(form)
    if action not in ("accept", "reject") or not ids:
        wanted = "tick the proposals to decide first" if ids == [] else "choose accept or reject"
        return _queue(request, con, session.csrf, _text(form, "source"), wanted, status=422)
    config = request.app.state.settings
    verb = "accepted" if action == "accept" else "rejected"
    work = partial(decide, config.kb_root, config.db_path, verb, ids)
    outcome = await _change(request, con, session, form, work)
    if isinstance(outcome, Response):
        return outcome
    actors = sorted({a for r in outcome.records for a in _actors_named(r.kind, r.data)}) if verb == "accepted" else []
    return _done(form, verb, len(outcome.records), actors)


@router.post("/review/edit")
async def edit(request: Request, session: Writer, con: Store):
    from torkham.ingest.edit import edit
    from torkham.params import InvalidParameter

    form = await _form(request, session)
    config = request.app.state.settings
    if not _ids(form):
        return _queue(request, con, session.csrf, _text(form, "source"), "tick the proposals to edit first", status=422)
    try:
        values = _edited_values(con, form)
    except InvalidParameter as exc:
        return _queue(request, con, session.csrf, _text(form, "source"), exc.render(str), status=422)
    outcome = await _change(
        request, con, session, form, partial(edit, config.kb_root, config.db_path, _ids(form), values)
    )
    if isinstance(outcome, Response):
        return outcome
    return _done(form, "edited", sum(1 for c in outcome.changes.values() if c), [])


async def _form(request: Request, session: Any) -> FormData:
    form = await request.form(max_files=0, max_fields=2000)
    check_csrf(session, form)
    return form


async def _change(request: Request, con: Any, session: Any, form: FormData, work: Any) -> Any:
    """Run a change in a worker thread, one at a time in this server; a refusal shows the queue with it."""
    import anyio.to_thread

    def locked() -> Any:
        with access_of(request).lock:
            return work()

    try:
        return await anyio.to_thread.run_sync(locked)
    except TorkhamError as exc:
        problems = exc.problems if isinstance(exc, ValidationFailed) else []
        message = "\n".join([str(exc), *problems])
        return _queue(request, con, session.csrf, _text(form, "source"), message, status=422)


def _done(form: FormData, verb: str, count: int, actors: list[str]) -> RedirectResponse:
    query = {"done": verb, "n": count, "actor": actors, "source": _text(form, "source") or ""}
    return RedirectResponse(f"/review?{urlencode(query, doseq=True)}", status_code=303)


def _edited_values(con: Any, form: FormData) -> dict[str, object]:
    """The new values typed into an edit form, parsed once (params) and checked against the store."""
    from torkham.params import check_term, check_text, parse_partial

    values: dict[str, object] = {}
    if _text(form, "type"):
        values["type"] = check_term("event_types", _text(form, "type"), "type")
    if _text(form, "kind"):
        values["kind"] = check_term("actor_kinds", _text(form, "kind"), "kind")
    date = parse_partial(_text(form, "date"), "date")
    if date is not None:
        values["date"] = date.iso()
    place = check_text(_text(form, "place"), "place")
    if place is not None:
        values["place"] = place.strip()
    speakers, actor = _text(form, "speaker"), _text(form, "actor")
    if speakers:
        values["asserted_by"] = [_actor_id(con, part, "speaker") for part in speakers.split(",") if part.strip()]
    if actor:
        values["actor"] = _actor_id(con, actor, "actor")
    return values


def _actor_id(con: Any, typed: str, field: str) -> str:
    """A known actor by any name (store.refs), or the id of an actor candidate awaiting review."""
    from torkham.params import ActorRef, InvalidParameter
    from torkham.store import queries, refs

    name = typed.strip()
    if name in {r["id"] for _, r in queries.proposals(con, kind="actors")}:
        return name
    found = refs.actor_id(con, ActorRef.parse(name, field))
    if found is None:
        raise InvalidParameter(field, "give an actor's name or id")
    return found


def _queue(request: Request, con: Any, csrf: str | None, source: str | None, error: str | None = None,
           status: int = 200) -> Response:  # fmt: skip
    from torkham.model.vocabulary import default_vocabulary
    from torkham.store import queries
    from torkham.web.pages.review_queue import build_queue

    vocabulary = default_vocabulary()
    names = queries.actor_names(con)
    params = request.query_params
    count = params.get("n", "")
    done = DONE.get(params.get("done", "")) if count.isdigit() else None
    context = {
        "title": "Review proposals",
        "groups": build_queue(con, source or None),
        "source": source or "",
        "csrf": csrf,
        "csrf_field": CSRF_FIELD,
        "error": error,
        "done": f"{done} {count} proposal{'s' if count != '1' else ''}." if done else None,
        "done_actors": [(a, names[a]) for a in params.getlist("actor") if a in names] if done else [],
        "event_types": {k: vocabulary.label("event_types", k) for k in vocabulary["event_types"]},
        "actor_kinds": {k: vocabulary.label("actor_kinds", k) for k in vocabulary["actor_kinds"]},
        "names": names,
    }
    return templates.TemplateResponse(request, "review.html", context, status_code=status)


def _login_page(request: Request, goal: str, error: str | None = None, status: int = 200) -> Response:
    context = {"title": "Sign in to review", "next": goal, "error": error}
    return templates.TemplateResponse(request, "review_login.html", context, status_code=status)


def _text(form: FormData, key: str) -> str | None:
    value = form.get(key)
    return value if isinstance(value, str) and value.strip() else None


def _ids(form: FormData) -> list[str]:
    return [i for i in form.getlist("ids") if isinstance(i, str) and i]


def _actors_named(kind: str, record: Any) -> list[str]:
    from torkham.web.pages.review_queue import actors_of

    return actors_of(kind, {"id": record.get("id"), **dict(record)})
