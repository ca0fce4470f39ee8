"""Uploading a document for review (`torkham serve --write` only): the form at /review/upload takes what
`torkham ingest FILE` takes, with the same limits — the file's size (50 MB, as `--max-mb`), its type (PDF,
text, Markdown, HTML, or a STIX 2.1 bundle), and the ingest budget of the settings (pages, characters,
seconds, memory; in the server, seconds and memory are checked between the steps of an ingest, since the
timer that interrupts a step needs the main thread). Then ingest.pipeline.ingest does what the command
does, and the review queue opens on the new proposals.

A file over the size limit is refused with 413 before its body is read when the request says its length,
else as soon as the bytes received pass it; a type torkham does not read, with 415."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData, UploadFile

from torkham.errors import TorkhamError
from torkham.web.deps import Writer
from torkham.web.templating import templates
from torkham.web.writeaccess import CSRF_FIELD, LOGIN, Refused, access_of, check_csrf, current_session

router = APIRouter()
ENVELOPE = 64 * 1024  # room for the form's other fields and the multipart boundaries
HEAD = 4096  # bytes the type is told from (ingest.text.sniff)
ACCEPT = ".pdf,.txt,.text,.md,.markdown,.html,.htm,.xhtml,.json,application/pdf,text/plain,text/markdown,text/html"


@router.get("/review/upload")
def upload_form(request: Request):
    session = current_session(request)
    if session is None:
        return RedirectResponse(f"{LOGIN}?{urlencode({'next': '/review/upload'})}", status_code=303)
    return _page(request, session.csrf)


@router.post("/review/upload")
async def upload(request: Request, session: Writer):
    limit = access_of(request).max_upload_bytes
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit + ENVELOPE:
        raise Refused(413, _too_large(None, int(length), limit))
    form = await _limited(request, limit + ENVELOPE).form(max_files=1, max_fields=20)
    check_csrf(session, form)
    file = form.get("file")
    if not isinstance(file, UploadFile) or not file.filename:
        return _page(request, session.csrf, "choose a file to upload", status=422)
    name = _safe_name(file.filename)
    if file.size is not None and file.size > limit:
        raise Refused(413, _too_large(name, file.size, limit))
    try:
        outcome = await _ingest(request, file, name, form)
    except TorkhamError as exc:
        return _page(request, session.csrf, str(exc), status=422)
    return outcome


async def _ingest(request: Request, file: UploadFile, name: str, form: FormData) -> Response:
    import anyio.to_thread

    data = await file.read()
    with tempfile.TemporaryDirectory(prefix="torkham-upload-") as folder:
        saved = Path(folder) / name
        try:
            source_id, n = await anyio.to_thread.run_sync(_run, request, saved, data, form)
        except TorkhamError as exc:
            raise TorkhamError(str(exc).replace(str(saved), name)) from None
    query = {"done": "ingested", "n": n, "source": source_id}
    return RedirectResponse(f"/review?{urlencode(query)}", status_code=303)


def _run(request: Request, saved: Path, data: bytes, form: FormData) -> tuple[str, int]:
    """Save the upload, check its type, ingest it as `torkham ingest` does (a STIX bundle as a bundle);
    (source id, proposals). Run in a worker thread: reading a bundle or a PDF takes a while."""
    from torkham.ingest.pipeline import IngestRequest, ingest
    from torkham.ingest.stix_import import import_bundle, is_stix_bundle

    saved.write_bytes(data)
    _check_type(saved, saved.name)
    config, access = request.app.state.settings, access_of(request)
    source_id = _text(form, "source_id")
    with access.lock:
        if is_stix_bundle(saved):
            bundle = import_bundle(saved, config.kb_root, config.db_path, source_id)
            return bundle.source_id, sum(bundle.counts.values())
        authors = [a.strip() for a in (_text(form, "authors") or "").split(";") if a.strip()]
        result = ingest(
            IngestRequest(
                saved, config.kb_root, config.db_path, source_id, _text(form, "title"), authors, _text(form, "date"),
                _text(form, "kind") or "report", form.get("force") == "yes", access.max_upload_bytes, config.ingest,
            )
        )  # fmt: skip
    if result.already:
        raise TorkhamError(
            f"{saved} was already ingested as source '{result.source_id}' (same sha256); nothing changed. "
            "Tick 'ingest it again' to replace its proposals."
        )
    return result.source_id, sum(result.counts.values())


def _check_type(saved: Path, name: str) -> None:
    """415 for a file torkham does not read, in the words of `torkham ingest` (ingest.text.sniff)."""
    from torkham.ingest.stix_import import is_stix_bundle
    from torkham.ingest.text.sniff import sniff_format

    if is_stix_bundle(saved):
        return
    with saved.open("rb") as opened:
        head = opened.read(HEAD)
    try:
        sniff_format(Path(name), head)
    except TorkhamError as exc:
        raise Refused(415, str(exc)) from None


def _too_large(name: str | None, size: int, limit: int) -> str:
    from torkham.ingest.text import format_size

    what = f"{name} is {format_size(size)}" if name else f"the upload is {format_size(size)} or more"
    return (
        f"{what}, over the upload limit of {format_size(limit)} (the limit of `torkham ingest`); "
        "split the document, or ingest it on the command line with `torkham ingest FILE --max-mb N`"
    )


def _limited(request: Request, cap: int) -> Request:
    """The request with a body that stops with 413 once more than `cap` bytes arrived (a body sent
    without its length)."""
    received = 0

    async def receive() -> Any:
        nonlocal received
        message = await request.receive()
        received += len(message.get("body", b""))
        if received > cap:
            raise Refused(413, _too_large(None, received, cap - ENVELOPE))
        return message

    return Request(request.scope, receive)


def _safe_name(filename: str) -> str:
    """The upload's own file name without folders or characters a file name should not hold (it becomes
    the source's `ingested.file` and, without --source-id, its id)."""
    base = re.split(r"[\\/]", filename)[-1].strip()
    cleaned = re.sub(r"[^\w.\- ]", "_", base).lstrip(".")[:120]
    return cleaned or "upload.txt"


def _page(request: Request, csrf: str | None, error: str | None = None, status: int = 200) -> Response:
    from torkham.ingest.text import format_size
    from torkham.model.vocabulary import default_vocabulary

    vocabulary = default_vocabulary()
    context = {
        "title": "Upload a document",
        "csrf": csrf,
        "csrf_field": CSRF_FIELD,
        "error": error,
        "limit": format_size(access_of(request).max_upload_bytes),
        "accept": ACCEPT,
        "source_kinds": {k: vocabulary.label("source_kinds", k) for k in vocabulary["source_kinds"]},
    }
    return templates.TemplateResponse(request, "review_upload.html", context, status_code=status)


def _text(form: FormData, key: str) -> str | None:
    value = form.get(key)
    return value.strip() if isinstance(value, str) and value.strip() else None
