"""The HTML error page (404, 422) shown instead of a JSON body to browsers."""

from __future__ import annotations

from starlette.requests import Request

from torkham.web.templating import templates


def error_page(request: Request, status: int, message: str):
    title = "Not found" if status == 404 else "Cannot show this"
    return templates.TemplateResponse(
        request, "error.html", {"title": title, "status": status, "message": message}, status_code=status
    )
