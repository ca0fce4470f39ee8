"""Settings: where the store, the knowledge and the source texts are, the limits every surface applies,
and the credentials a fetch uses. The environment is read here and nowhere else (where the files are, in
locations.py, which this module builds on and `torkham show` reads without loading this one): the CLI and
the web app build one `Settings` (options first, then TORKHAM_* variables, then defaults) and hand its
values down; the library takes them as arguments."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from torkham.locations import (
    BUNDLED_KNOWLEDGE_DIR,
    DEFAULT_DB,
    DEFAULT_WORKSPACE,
    INGEST_VARIABLES,
    MAX_TEXT,
    PACKAGE_DIR,
    knowledge_path,
    store_path,
    workspace_path,
)

PACKAGE = Path(PACKAGE_DIR)
BUNDLED_KNOWLEDGE = Path(BUNDLED_KNOWLEDGE_DIR)
RETRY_VARIABLES = ("TORKHAM_FETCH_RETRIES", "TORKHAM_FETCH_BACKOFF", "TORKHAM_FETCH_TIMEOUT")


@dataclass(frozen=True)
class Limits:
    """What a request may ask for: the longest free text, the largest and the default page."""

    max_text: int = MAX_TEXT
    max_page: int = 1000
    default_page: int = 100


LIMITS = Limits()


@dataclass(frozen=True)
class IngestBudget:
    """What one document may cost `torkham ingest` before it is refused with nothing written: seconds and
    memory (megabytes of the process) while it is read and proposed, its pages and its characters.
    Each has an option (--max-seconds, --max-memory-mb, --max-pages, --max-chars) and a variable."""

    seconds: float = 300.0  # TORKHAM_INGEST_SECONDS
    memory_mb: int = 2048  # TORKHAM_INGEST_MEMORY_MB
    max_pages: int = 5000  # TORKHAM_INGEST_MAX_PAGES
    max_chars: int = 5_000_000  # TORKHAM_INGEST_MAX_CHARS


@dataclass(frozen=True)
class FetchSettings:
    """Credentials and addresses of the remote APIs, used only by `torkham fetch`."""

    ucdp_token: str = ""
    ucdp_url: str | None = None
    acled_email: str = ""
    acled_password: str = ""
    acled_url: str | None = None
    retry_settings: tuple[tuple[str, str], ...] = ()  # (variable, value) as typed; checked when a fetch runs

    def retry_setting(self, name: str) -> str | None:
        return dict(self.retry_settings).get(name)


@dataclass(frozen=True)
class Settings:
    db_path: Path = Path(DEFAULT_DB)
    kb_root: Path = BUNDLED_KNOWLEDGE
    workspace: Path = Path(DEFAULT_WORKSPACE)  # where ingest writes when kb_root is the bundled knowledge
    text_dirs: tuple[Path, ...] = ()  # extra folders holding source texts (TORKHAM_TEXTS)
    reviewer: str | None = None  # the name written to the review log (TORKHAM_REVIEWER)
    limits: Limits = LIMITS
    ingest: IngestBudget = IngestBudget()
    fetch: FetchSettings = field(default_factory=FetchSettings)

    @classmethod
    def load(
        cls, db: str | os.PathLike[str] | None = None, kb: str | os.PathLike[str] | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> Settings:  # fmt: skip
        """Options given (`--db`, `--kb`) over the environment over the defaults."""
        env = os.environ if environ is None else environ
        texts = env.get("TORKHAM_TEXTS", "")
        return cls(
            db_path=Path(store_path(db, env)),
            kb_root=Path(knowledge_path(kb, env)),
            workspace=Path(workspace_path(env)),
            text_dirs=tuple(Path(p) for p in texts.split(os.pathsep) if p),
            reviewer=env.get("TORKHAM_REVIEWER") or None,
            ingest=_ingest_budget(env),
            fetch=_fetch_settings(env),
        )


def _ingest_budget(env: Mapping[str, str]) -> IngestBudget:
    """The budget's defaults, overridden by the TORKHAM_INGEST_* variables (a positive number each)."""
    from torkham.errors import TorkhamError

    values: dict[str, float | int] = {}
    for name, variable in INGEST_VARIABLES.items():
        raw = env.get(variable, "").strip()
        if not raw:
            continue
        kind = float if name == "seconds" else int
        try:
            value = kind(raw)
        except ValueError:
            value = 0
        if value <= 0:
            raise TorkhamError(
                f"{variable} must be a positive {'number' if kind is float else 'whole number'} (got '{raw}')"
            )
        values[name] = value
    return IngestBudget(**values)  # type: ignore[arg-type]


def _fetch_settings(env: Mapping[str, str]) -> FetchSettings:
    return FetchSettings(
        ucdp_token=env.get("UCDP_TOKEN", "").strip(),
        ucdp_url=env.get("TORKHAM_UCDP_URL") or None,
        acled_email=env.get("ACLED_EMAIL", "").strip(),
        acled_password=env.get("ACLED_PASSWORD", ""),
        acled_url=env.get("TORKHAM_ACLED_URL") or None,
        retry_settings=tuple((name, env[name]) for name in RETRY_VARIABLES if env.get(name)),
    )
