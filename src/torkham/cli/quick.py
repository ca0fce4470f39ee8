"""Commands that answer at once, before Typer is loaded: `torkham --version`, `torkham --help`, and
`torkham show NAME [--json]` while the actor index (store/actor_index.py) is current for the store and
knowledge given. Each answers exactly as the full command would; anything else — another form of the
command line, a name that is not one actor's, a store or knowledge the index does not match — returns None,
and the full command runs (and says what is wrong, in its own words)."""

from __future__ import annotations

import gc
import sys

_STORE_OPTIONS = ("--db", "--kb")


class ShowRequest:
    """`torkham show NAME [--json]` with the store and knowledge options given (a plain class: typing's
    NamedTuple would load typing, which nothing else on this path needs)."""

    __slots__ = ("name", "as_json", "db", "kb")

    def __init__(self, name: str, as_json: bool, db: str | None, kb: str | None) -> None:
        self.name, self.as_json, self.db, self.kb = name, as_json, db, kb


def answer(args: list[str]) -> int | None:
    """The exit status when this module answered the command line, None when the full command must run."""
    if args == ["--version"]:
        from torkham import __version__

        sys.stdout.write(f"torkham {__version__}\n")
        return 0
    if args == ["--help"]:
        from torkham.cli.listing import root_help

        sys.stdout.write(root_help() + "\n")
        return 0
    request = show_request(args)
    if request is None:
        return None
    collecting = gc.isenabled()
    gc.disable()  # what this loads and prints leaves no cycles to collect: collecting would only cost time
    try:
        return show(request)
    finally:
        if collecting:
            gc.enable()


def show_request(args: list[str]) -> ShowRequest | None:
    """`[--db X] [--kb X] show NAME [--json] [--db X] [--kb X]` in the plain form click would read the same
    way (the options after the command win); None for any other command line."""
    before, rest = _store_options(args)
    if before is None or not rest or rest[0] != "show":
        return None
    names: list[str] = []
    after: dict[str, str | None] = {}
    as_json, i = False, 1
    while i < len(rest):
        arg = rest[i]
        if arg in _STORE_OPTIONS and i + 1 < len(rest):
            after[arg], i = rest[i + 1], i + 2
            continue
        if arg == "--json":
            as_json = True
        elif arg.startswith("-"):
            return None
        else:
            names.append(arg)
        i += 1
    if len(names) != 1:
        return None
    chosen = {**before, **after}
    return ShowRequest(names[0], as_json, chosen.get("--db"), chosen.get("--kb"))


def _store_options(args: list[str]) -> tuple[dict[str, str | None] | None, list[str]]:
    """The --db and --kb given before the command, and the rest; None when something else comes first."""
    given: dict[str, str | None] = {}
    i = 0
    while i < len(args) and args[i].startswith("-"):
        if args[i] not in _STORE_OPTIONS or i + 1 >= len(args):
            return None, []
        given[args[i]], i = args[i + 1], i + 2
    return given, args[i:]


def show(request: ShowRequest) -> int | None:
    """`torkham show` from the actor index; None when the index cannot answer."""
    from torkham import locations
    from torkham.store.actor_index import indexed_actor

    name = request.name.strip()
    if not name or len(name) > locations.MAX_TEXT:  # refused by params.ActorRef: the full command words it
        return None
    if locations.ingest_budget_given():  # Settings.load checks the value: a bad one is this command's error
        from torkham.config import Settings

        Settings.load(db=request.db, kb=request.kb)
    db, kb = locations.store_path(request.db), locations.knowledge_path(request.kb)  # as Settings.load finds them
    found = indexed_actor(db, kb, name)
    if found is None:
        return None
    if request.as_json:
        from torkham.cli.render import write_json

        write_json(found.detail)
    else:
        from torkham.cli.actor_view import print_actor

        print_actor(found.detail, found.names, found.relation_labels)
    return 0
