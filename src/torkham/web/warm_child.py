"""Start-up work (the overview, the claim checks) done in a child process, so the server stays small.

That work computes series, signals and checks with the scientific stack (Ibis, pandas, pyarrow, SciPy):
hundreds of megabytes that a server answering API requests and most pages never needs. The child opens the
same store file read-only, runs the page's warm-up function (`work(app, cursor)`, which fills the page
cache), and hands the entries it computed back pickled; the server files them in the cache of the
generation it started the child for (web/served.py) — unless the store file was replaced in between, when
they would describe other data. Lookups the work remembered for the store under a key starting with
"prepared" (store.memo: `remembered(con, ("prepared", …), …)`, e.g. web/mapdata.national_months) are
handed back too, into the generation's lookups. The stack is loaded in the server only when a visitor asks
for a page that needs it before the child is done, or that no warm-up prepares (a series, a briefing of
another range; web/pages/prepare.py lists what is prepared).

    python -m torkham.web.warm_child OUT < pickle of (module, qualname, store path, settings)"""

from __future__ import annotations

import importlib
import logging
import marshal
import pickle
import subprocess
import sys
import tempfile
import threading
import types
from pathlib import Path
from typing import Any

log = logging.getLogger("torkham.web")
POLL = 0.2  # seconds between looks at whether the generation retired (then the child is stopped)
_one_at_a_time = threading.Lock()  # each child loads the whole stack: never two at once


def warm_in_child(app: Any, work: Any, cursor: Any) -> None:
    """Run `work(app, cursor)` in a child process over the store of the generation this warm-up thread works
    on, and file what it computed in that generation's page cache. Stops the child when the generation
    retires (a writer replaced the store, or the server stops)."""
    from torkham.web.pages.cache import page_cache
    from torkham.web.served import thread_generation

    generation = thread_generation()
    if generation is None:  # not run by web/served.py: nothing to hand the results to but this process
        work(app, cursor)
        return
    request = types.SimpleNamespace(app=app)
    job = (work.__module__, work.__qualname__, str(app.state.store.path), app.state.settings)
    with _one_at_a_time:
        if generation.retired:
            return
        found = _run_child(job, lambda: generation.retired)
    if found is None:
        return
    stamp, entries, lookups = found
    if stamp != generation.stamp:  # the file was replaced before the child opened it: other data
        return
    cache = page_cache(request)
    for key, value in entries:
        cache.get(key, _constant(value))  # unless a visitor's request computed it meanwhile
    for key, value in lookups:
        generation.caches.setdefault(key, value)


def _constant(value: Any) -> Any:
    return lambda: value


Found = tuple[Any, list[tuple[Any, Any]], list[tuple[Any, Any]]]  # store stamp, cache entries, store lookups


def _run_child(job: tuple[str, str, str, Any], retired: Any) -> Found | None:
    """What the child found, or None when it was stopped; an error when it failed."""
    with tempfile.TemporaryDirectory(prefix="torkham-warm-up-") as folder:
        out, errors = Path(folder) / "entries.pickle", Path(folder) / "stderr.txt"
        with errors.open("wb") as stderr:
            child = subprocess.Popen(
                [sys.executable, "-m", "torkham.web.warm_child", str(out)],
                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=stderr,
            )  # fmt: skip
        assert child.stdin is not None
        child.stdin.write(pickle.dumps(job))
        child.stdin.close()
        while True:
            try:
                child.wait(timeout=POLL)
                break
            except subprocess.TimeoutExpired:
                if retired():
                    child.kill()
                    child.wait()
                    return None
        if child.returncode != 0:
            problem = errors.read_text(errors="replace").strip()
            raise RuntimeError(f"the warm-up process failed ({child.returncode}): {problem[-2000:]}")
        with out.open("rb") as stream:
            found: Found = pickle.load(stream)  # noqa: S301 (our child, our 0700 folder)
        return found


class _Pickler(pickle.Pickler):
    """Pickles what pages keep in their cache, including functions defined inside a function (a map's
    `href_for`): their code (marshal: the parent runs the same interpreter), module and closure values."""

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, types.FunctionType) and "<locals>" in obj.__qualname__:
            cells = tuple(cell.cell_contents for cell in obj.__closure__ or ())
            code = marshal.dumps(obj.__code__)
            return _function, (code, obj.__module__, obj.__name__, obj.__defaults__, cells)
        return NotImplemented


def _function(code: bytes, module: str, name: str, defaults: Any, cells: tuple[Any, ...]) -> types.FunctionType:
    closure = tuple(types.CellType(value) for value in cells) or None
    namespace = importlib.import_module(module).__dict__
    return types.FunctionType(marshal.loads(code), namespace, name, defaults, closure)  # noqa: S302


def _child_main(out: Path) -> None:
    from torkham.store.db import attached_cursor, connect_attached
    from torkham.store.memo import bound
    from torkham.store.swap import store_stamp

    module, qualname, path, settings = pickle.load(sys.stdin.buffer)  # noqa: S301 (from the server that started us)
    work: Any = importlib.import_module(module)
    for part in qualname.split("."):
        work = getattr(work, part)
    stamp = store_stamp(Path(path))  # before opening, as web/served.py stamps a generation
    con = connect_attached(Path(path))
    cursor = attached_cursor(con)
    state = types.SimpleNamespace(settings=settings, store=None, warm_up=False)
    lookups: dict[Any, Any] = {}
    with bound(cursor, lookups):
        work(types.SimpleNamespace(state=state), cursor)
    cache = getattr(state, "page_cache", None)
    entries = list(cache.values.items()) if cache is not None else []
    prepared = [(key, value) for key, value in lookups.items() if key[:2] == ("store", "prepared")]
    with out.open("wb") as stream:
        _Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL).dump((stamp, entries, prepared))
    cursor.close()
    con.close()


if __name__ == "__main__":  # run under its own name, so that what it pickles names torkham.web.warm_child
    from torkham.web.warm_child import _child_main as main

    main(Path(sys.argv[1]))
