"""`torkham serve`: the web workbench and the REST API on one local port."""

from __future__ import annotations

from typing import Annotated

import typer

from torkham.cli.base import app, settings
from torkham.errors import TorkhamError


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (127.0.0.1 = this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)] = 8000,
) -> None:
    """Start the web workbench (pages and /api/v1, read-only) at http://HOST:PORT/."""
    import socket

    import uvicorn

    from torkham.web.app import create_app

    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise TorkhamError(
                f"cannot listen on {host}:{port} ({exc.strerror}); pass another --port or stop the other server"
            ) from None
    web = create_app(settings(ctx))
    typer.echo(f"torkham workbench on http://{host}:{port}/  (API: http://{host}:{port}/api/v1/docs; Ctrl+C stops)")
    uvicorn.run(web, host=host, port=port, log_level="warning")
