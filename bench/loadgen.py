"""A small closed-loop HTTP/1.1 load generator on asyncio streams: C clients, each on its own
keep-alive connection, send a query (one or more GETs in order) again and again for S seconds.

A bare client, not httpx: on a 2-core machine the load generator shares the CPU with the servers,
and the less it takes the less it distorts either side's figures.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import statistics
import time
from dataclasses import dataclass, field

TIMEOUT = 120.0  # seconds for one response; a slower answer counts as an error


@dataclass
class Outcome:
    """What one server did with one query during a run."""

    latencies: list[float] = field(default_factory=list)  # seconds per completed query (all its GETs)
    errors: list[str] = field(default_factory=list)
    elapsed: float = 0.0
    requests: int = 0  # HTTP requests sent, errors included

    def percentile(self, fraction: float) -> float:
        if not self.latencies:
            return float("nan")
        if len(self.latencies) == 1:
            return self.latencies[0]
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[round(fraction * 100) - 1]

    @property
    def per_second(self) -> float:
        return len(self.latencies) / self.elapsed if self.elapsed else 0.0


class Connection:
    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        request = f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nAccept: application/json\r\n\r\n"
        self.writer.write(request.encode("ascii"))
        status_line = (await self.reader.readline()).split()
        version, status = status_line[0], int(status_line[1])
        headers: dict[bytes, bytes] = {}
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            key, _, value = line.partition(b":")
            headers[key.strip().lower()] = value.strip().lower()
        if b"content-length" in headers:
            body = await self.reader.readexactly(int(headers[b"content-length"]))
        elif headers.get(b"transfer-encoding") == b"chunked":
            body = await self._chunked()
        else:
            body = await self.reader.read()
            await self.close()
        connection = headers.get(b"connection", b"")
        persistent = connection == b"keep-alive" if version == b"HTTP/1.0" else connection != b"close"
        if not persistent and self.writer is not None:
            await self.close()
        return status, body

    async def _chunked(self) -> bytes:
        assert self.reader is not None
        parts = []
        while size := int((await self.reader.readline()).split(b";")[0], 16):
            parts.append(await self.reader.readexactly(size))
            await self.reader.readline()
        while (await self.reader.readline()) not in (b"\r\n", b""):  # trailers
            pass
        return b"".join(parts)

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None


async def _client(host: str, port: int, paths: list[str], deadline: float, outcome: Outcome) -> None:
    connection = Connection(host, port)
    try:
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            failed = False
            for path in paths:
                outcome.requests += 1
                try:
                    status, body = await asyncio.wait_for(connection.get(path), TIMEOUT)
                except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError, IndexError) as exc:
                    outcome.errors.append(f"{path}: {type(exc).__name__} {exc}")
                    await connection.close()
                    failed = True
                    break
                if status != 200:
                    outcome.errors.append(f"{path}: HTTP {status} {body[:300].decode('utf-8', 'replace')}")
                    failed = True
                    break
            if not failed:
                outcome.latencies.append(time.perf_counter() - started)
    finally:
        await connection.close()


async def _drive(host: str, port: int, paths: list[str], clients: int, seconds: float) -> Outcome:
    outcome = Outcome()
    started = time.perf_counter()
    await asyncio.gather(*(_client(host, port, paths, started + seconds, outcome) for _ in range(clients)))
    outcome.elapsed = time.perf_counter() - started
    return outcome


def drive(host: str, port: int, paths: list[str], clients: int, seconds: float) -> Outcome:
    """`clients` concurrent clients repeat the GETs of `paths` (in order, one query) for `seconds`."""
    return asyncio.run(_drive(host, port, paths, clients, seconds))


async def _fetch_json(host: str, port: int, path: str) -> tuple[int, object]:
    connection = Connection(host, port)
    try:
        status, body = await asyncio.wait_for(connection.get(path), TIMEOUT)
    finally:
        await connection.close()
    try:
        return status, json.loads(body)
    except ValueError:
        return status, body.decode("utf-8", "replace")


def fetch_json(host: str, port: int, path: str) -> tuple[int, object]:
    """One GET; the status and the decoded JSON body (or the text when it is not JSON)."""
    return asyncio.run(_fetch_json(host, port, path))
