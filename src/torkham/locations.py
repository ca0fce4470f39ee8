"""Where torkham's files are, as `config.Settings` finds them, in plain strings: the store, the knowledge
folder, the user workspace and the folders read as one knowledge base. An option given wins over its
TORKHAM_* variable, which wins over the default. config.py builds its Settings from these functions; the
command that answers before the rest of torkham is loaded (`show`: cli/quick.py, store/actor_index.py,
store/knowledge_stamps.py) reads them here, without dataclasses or pathlib, whose import alone costs more
processor time than `show` needs for its work."""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (`show` answers without it)
if TYPE_CHECKING:
    from collections.abc import Mapping

PACKAGE_DIR = os.path.dirname(os.path.realpath(__file__))
BUNDLED_KNOWLEDGE_DIR = os.path.join(PACKAGE_DIR, "knowledge")
DEFAULT_DB = "torkham.duckdb"
DEFAULT_WORKSPACE = "torkham-knowledge"
MAX_TEXT = 200  # the longest free text a request may give (config.Limits.max_text)
INGEST_VARIABLES = {
    "seconds": "TORKHAM_INGEST_SECONDS",
    "memory_mb": "TORKHAM_INGEST_MEMORY_MB",
    "max_pages": "TORKHAM_INGEST_MAX_PAGES",
    "max_chars": "TORKHAM_INGEST_MAX_CHARS",
}


def _env(environ: Mapping[str, str] | None) -> Mapping[str, str]:
    return os.environ if environ is None else environ


def store_path(db: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The store: `--db`, else TORKHAM_DB, else ./torkham.duckdb."""
    return os.fspath(db or _env(environ).get("TORKHAM_DB") or DEFAULT_DB)


def knowledge_path(kb: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The knowledge folder: `--kb`, else TORKHAM_KB, else the bundled knowledge."""
    return os.fspath(kb or _env(environ).get("TORKHAM_KB") or BUNDLED_KNOWLEDGE_DIR)


def workspace_path(environ: Mapping[str, str] | None = None) -> str:
    """Where new knowledge goes while the knowledge folder is the bundled one: TORKHAM_WORKSPACE, else
    ./torkham-knowledge."""
    return _env(environ).get("TORKHAM_WORKSPACE") or DEFAULT_WORKSPACE


def ingest_budget_given(environ: Mapping[str, str] | None = None) -> bool:
    """Whether a TORKHAM_INGEST_* variable is set (config.Settings.load checks its value)."""
    env = _env(environ)
    return any(env.get(variable, "").strip() for variable in INGEST_VARIABLES.values())


def is_bundled(root: str | os.PathLike[str]) -> bool:
    return os.path.realpath(root) == BUNDLED_KNOWLEDGE_DIR


def knowledge_roots(kb_root: str | os.PathLike[str], environ: Mapping[str, str] | None = None) -> list[str]:
    """The folders read as one knowledge base: the knowledge folder, then the user workspace when the
    knowledge folder is the bundled one and the workspace exists (kb.workspace.knowledge_roots, as paths)."""
    roots = [os.fspath(kb_root)]
    if is_bundled(kb_root):
        workspace = workspace_path(environ)
        if os.path.isdir(workspace) and not is_bundled(workspace):
            roots.append(workspace)
    return roots
