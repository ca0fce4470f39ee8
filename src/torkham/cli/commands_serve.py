"""`torkham serve`: the web workbench and the REST API on one local port. Everything that would stop the
server is checked before it says it serves (the port, the knowledge, the store), and each problem is one
`Error: …` line with exit status 1."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from torkham.cli.base import app, settings
from torkham.errors import TorkhamError

if TYPE_CHECKING:
    from torkham.config import Settings
    from torkham.store.lastgood import LastGood
    from torkham.web.writeaccess import WriteAccess


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (127.0.0.1 = this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)] = 8000,
    write: Annotated[
        bool,
        typer.Option(
            "--write",
            help="Also let the browser change the knowledge: upload documents and review proposals (accept, "
            "reject, edit) at /review. Prints a token that every change needs.",
        ),
    ] = False,
) -> None:
    """Start the web workbench (pages and /api/v1; read-only unless --write) at http://HOST:PORT/."""
    import uvicorn

    from torkham.kb.workspace import workspace_for
    from torkham.store.lastgood import log
    from torkham.web.app import create_app

    config = settings(ctx)
    _check_port(host, port)
    last_good = _check_store(config)
    if last_good is not None:
        log.warning(last_good.warning())
    access = _write_access(host) if write else None
    web = create_app(config, prepared=True, last_good=last_good, write=access)
    typer.echo(f"torkham workbench on http://{host}:{port}/  (API: http://{host}:{port}/api/v1/docs; Ctrl+C stops)")
    if access is not None:
        typer.echo(
            f"review and upload at http://{host}:{port}/review — sign in with the token {access.token} "
            "(valid until this server stops)"
        )
        typer.echo(f"changes are written to {workspace_for(config.kb_root)} and the store {config.db_path}")
    uvicorn.run(web, host=host, port=port, log_level="warning")


def _write_access(host: str) -> WriteAccess:
    """The token of `--write`; a warning when the server listens beyond this machine."""
    import ipaddress

    from torkham.web.writeaccess import WriteAccess

    try:
        local = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        local = False
    if not local:
        typer.echo(
            f"Warning: --write on {host}: anyone who reaches this port and has the token can change the knowledge, "
            "and the token travels unencrypted (http); prefer --host 127.0.0.1",
            err=True,
        )
    return WriteAccess.new()


def _check_port(host: str, port: int) -> None:
    import socket

    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except socket.gaierror as exc:
            raise TorkhamError(f"cannot listen on {host}:{port} ({exc.strerror}); pass another --host") from None
        except OSError as exc:
            raise TorkhamError(
                f"cannot listen on {host}:{port} ({exc.strerror}); pass another --port or stop the other server"
            ) from None


def _check_store(config: Settings) -> LastGood | None:
    """Bring the store up to date as every command does, and open it as the server will. Returns what to say
    when it answers from its last valid build; raises a one-line error for anything that stops the start."""
    from torkham.errors import ValidationFailed
    from torkham.kb.loader import shown_path
    from torkham.store.build import ensure_readable
    from torkham.store.db import connect_attached
    from torkham.store.lastgood import LastGood

    try:
        last_good = ensure_readable(config.db_path, config.kb_root)
    except ValidationFailed as exc:
        first = LastGood.of(config.kb_root, exc.problems, None).first_problem()
        raise TorkhamError(
            f"the knowledge in {shown_path(config.kb_root)} does not validate ({first}), and store "
            f"{config.db_path} holds no valid build to serve meanwhile; fix the files (`torkham kb validate` "
            "lists every problem) and start again"
        ) from None
    connect_attached(config.db_path).close()
    return last_good
