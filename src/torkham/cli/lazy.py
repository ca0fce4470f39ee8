"""A click group that loads a command only when it runs: the root of `torkham`. Its commands are listed from
data (cli/listing.py); asking for one imports the modules that define it (and no other) and builds its click
command from what they registered on the Typer app, so a call pays for one command's module, not thirty."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, MutableMapping
from typing import Any

from typer import _click
from typer.core import TyperGroup

from torkham.cli.listing import LISTED, short_help


class LazyCommands(MutableMapping[str, _click.Command]):
    """Commands by name: every listed name, each built the first time it is asked for."""

    def __init__(self, load: Callable[[str], _click.Command | None]) -> None:
        self._load = load
        self._built: dict[str, _click.Command] = {}

    def __getitem__(self, name: str) -> _click.Command:
        if name not in self._built:
            command = self._load(name)
            if command is None:
                raise KeyError(name)
            self._built[name] = command
        return self._built[name]

    def __setitem__(self, name: str, command: _click.Command) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __iter__(self) -> Iterator[str]:
        yield from LISTED
        yield from (name for name in self._built if name not in LISTED)

    def __len__(self) -> int:
        return len(LISTED) + sum(name not in LISTED for name in self._built)


class LazyGroup(TyperGroup):
    """The root group; its commands come from `torkham.cli.base.app`, loaded one at a time."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = LazyCommands(self._load)  # the root is built without its commands (base._Torkham)

    def list_commands(self, ctx: _click.Context) -> list[str]:
        return list(self.commands)

    def format_commands(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        """The listing from data, laid out as TyperGroup.format_commands lays out the loaded commands."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = [(name, self._short_help(ctx, name, limit)) for name in names]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def _short_help(self, ctx: _click.Context, name: str, limit: int) -> str:
        if name in LISTED:
            return short_help(LISTED[name].help, limit)
        command = self.get_command(ctx, name)
        return command.get_short_help_str(limit) if command else ""

    def _load(self, name: str) -> _click.Command | None:
        from torkham.cli.app import COMMAND_MODULES

        listed = LISTED.get(name)
        if listed is not None:
            ordered = sorted(listed.modules, key=lambda m: COMMAND_MODULES.index(m) if m in COMMAND_MODULES else 99)
            _import(ordered)
            command = _build(name)
            if command is not None:
                return self._with_store_options(command)
        _import(COMMAND_MODULES)  # a command this table does not list yet: load them all to find it
        command = _build(name)
        return self._with_store_options(command) if command is not None else None

    def _with_store_options(self, command: _click.Command) -> _click.Command:
        from torkham.cli.base import share_store_options

        share_store_options(self, command)
        return command


def _import(modules: tuple[str, ...] | list[str]) -> None:
    for module in modules:
        importlib.import_module(f"torkham.cli.{module}")


def _build(name: str) -> _click.Command | None:
    """The click command (or group) `name` of the Typer app, built as typer.main.get_group builds it."""
    import typer.main

    from torkham.cli.base import app

    for group in reversed(app.registered_groups):  # as in a dict built in order: the last one wins
        if group.name == name:
            return typer.main.get_group_from_info(
                group,
                pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=app.rich_markup_mode,
                suggest_commands=app.suggest_commands,
            )
    for info in reversed(app.registered_commands):
        assert info.callback is not None
        if (info.name or typer.main.get_command_name(info.callback.__name__)) == name:
            return typer.main.get_command_from_info(
                info, pretty_exceptions_short=app.pretty_exceptions_short, rich_markup_mode=app.rich_markup_mode
            )
    return None
